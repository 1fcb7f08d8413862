//! Filters read from the documents' fast values: a place within a radius, one of
//! some municipalities, kinds or occupations.
//!
//! tantivy's `TermSetQuery` builds a finite-state machine of its terms for every
//! search (zeroing a registry of 20,000 cells each time), which was a seventh of a
//! radius search's time under load (perf, BENCHMARKS.md). These filters cost a
//! sorted list. They never lead a search: the words (or the open-vacancy range)
//! find the candidates, and a filter looks up each candidate's value.

use std::sync::Arc;
use tantivy::columnar::Column;
use tantivy::query::{EmptyScorer, EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::schema::Field;
use tantivy::{DocId, DocSet, Score, SeekDangerResult, SegmentReader, TantivyError, TERMINATED};

/// Sorted, without repeats: membership by binary search.
#[derive(Clone, Debug)]
pub struct ValueSet(Arc<[u64]>);

impl ValueSet {
    pub fn new(values: impl IntoIterator<Item = u64>) -> ValueSet {
        let mut v: Vec<u64> = values.into_iter().collect();
        v.sort_unstable();
        v.dedup();
        ValueSet(v.into())
    }

    fn contains(&self, v: u64) -> bool {
        self.0.binary_search(&v).is_ok()
    }

    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Which documents pass.
#[derive(Clone, Debug)]
pub enum Rule {
    /// The field's value, masked (`u64::MAX`: all of it), is one of `values`.
    OneOf { field: Field, mask: u64, values: ValueSet },
    /// At a postcode within (`place`), or with no known postcode (`place` 0) in a
    /// municipality whose main town is within.
    Near { place: Field, municipality: Field, postcodes: ValueSet, towns: ValueSet },
}

impl Rule {
    fn passes(&self, doc: DocId, columns: &[Column<u64>; 2]) -> bool {
        let value = |c: &Column<u64>| c.first(doc);
        match self {
            Rule::OneOf { mask, values, .. } => value(&columns[0]).is_some_and(|v| values.contains(v & mask)),
            Rule::Near { postcodes, towns, .. } => match value(&columns[0]) {
                Some(0) | None => value(&columns[1]).is_some_and(|m| towns.contains(m)),
                Some(p) => postcodes.contains(p),
            },
        }
    }

    fn fields(&self) -> [Field; 2] {
        match self {
            Rule::OneOf { field, .. } => [*field, *field],
            Rule::Near { place, municipality, .. } => [*place, *municipality],
        }
    }

    /// Whether no document can pass.
    fn nothing(&self) -> bool {
        match self {
            Rule::OneOf { values, .. } => values.is_empty(),
            Rule::Near { postcodes, towns, .. } => postcodes.is_empty() && towns.is_empty(),
        }
    }
}

/// A filter: matches without adding to the score.
#[derive(Clone, Debug)]
pub struct ColumnFilter(pub Rule);

impl Query for ColumnFilter {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let schema = scoring.schema();
        let names = self.0.fields().map(|f| schema.get_field_name(f).to_string());
        for (field, name) in self.0.fields().iter().zip(&names) {
            if !schema.get_field_entry(*field).is_fast() {
                return Err(TantivyError::SchemaError(format!("{name} is not a fast field")));
            }
        }
        Ok(Box::new(FilterWeight { rule: self.0.clone(), names }))
    }
}

struct FilterWeight {
    rule: Rule,
    names: [String; 2],
}

impl Weight for FilterWeight {
    fn scorer(&self, reader: &SegmentReader, _boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        if self.rule.nothing() {
            return Ok(Box::new(EmptyScorer));
        }
        let fast = reader.fast_fields();
        let columns = [fast.u64(&self.names[0])?, fast.u64(&self.names[1])?];
        let mut scorer = FilterScorer { rule: self.rule.clone(), columns, doc: 0, max_doc: reader.max_doc() };
        scorer.doc = scorer.next_from(0);
        Ok(Box::new(scorer))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.scorer(reader, 1.0)?;
        if scorer.seek(doc) != doc {
            return Err(TantivyError::InvalidArgument(format!("document {doc} does not pass the filter")));
        }
        Ok(Explanation::new("ColumnFilter", 0.0))
    }
}

struct FilterScorer {
    rule: Rule,
    columns: [Column<u64>; 2],
    doc: DocId,
    max_doc: DocId,
}

impl FilterScorer {
    /// The first document from `from` on that passes.
    fn next_from(&self, from: DocId) -> DocId {
        (from..self.max_doc).find(|d| self.rule.passes(*d, &self.columns)).unwrap_or(TERMINATED)
    }
}

impl DocSet for FilterScorer {
    fn advance(&mut self) -> DocId {
        self.doc = if self.doc >= self.max_doc { TERMINATED } else { self.next_from(self.doc + 1) };
        self.doc
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if target > self.doc {
            self.doc = if target >= self.max_doc { TERMINATED } else { self.next_from(target) };
        }
        self.doc
    }

    // Following a search's candidates: one look-up each, no scan.
    fn seek_danger(&mut self, target: DocId) -> SeekDangerResult {
        if target >= self.max_doc {
            self.doc = TERMINATED;
            return SeekDangerResult::SeekLowerBound(TERMINATED);
        }
        if self.rule.passes(target, &self.columns) {
            self.doc = target;
            SeekDangerResult::Found
        } else {
            SeekDangerResult::SeekLowerBound(target + 1)
        }
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    // Unknown without a scan, so at most every document: a filter never leads.
    fn size_hint(&self) -> u32 {
        self.max_doc
    }

    // A look-up and a binary search per document: dearer than a posting list's step.
    fn cost(&self) -> u64 {
        u64::from(self.max_doc) * 10
    }
}

impl Scorer for FilterScorer {
    fn score(&mut self) -> Score {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::collector::DocSetCollector;
    use tantivy::query::{AllQuery, BooleanQuery, Occur, TermQuery};
    use tantivy::schema::{IndexRecordOption, NumericOptions, Schema, Value, STORED, STRING};
    use tantivy::{doc, Index, TantivyDocument, Term};

    /// Every way a filter is driven (leading alone, following words, in several
    /// segments, with deleted documents) finds what a plain check of each document
    /// finds.
    #[test]
    fn a_filter_finds_what_a_check_of_each_document_finds() {
        let mut b = Schema::builder();
        let num = || NumericOptions::default().set_fast().set_indexed().set_stored();
        let (id, place, town, word) = (
            b.add_u64_field("id", num()),
            b.add_u64_field("place", num()),
            b.add_u64_field("town", num()),
            b.add_text_field("word", STRING | STORED),
        );
        let index = Index::create_in_ram(b.build());
        let mut writer = index.writer_with_num_threads(1, 15_000_000).unwrap();
        let mut seed = 7u64;
        let mut next = move |n: u64| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) % n
        };
        for i in 0..3_000u64 {
            // Postcode 0 (unknown) for a tenth; a word on a third.
            let p = if next(10) == 0 { 0 } else { 1000 + next(50) };
            let w = if next(3) == 0 { "pædagog" } else { "smed" };
            writer.add_document(doc!(id => i, place => p, town => 100 + next(20), word => w)).unwrap();
            if i % 1000 == 999 {
                writer.commit().unwrap();
            }
        }
        writer.delete_term(Term::from_field_u64(id, 5));
        writer.commit().unwrap();
        let searcher = index.reader().unwrap().searcher();
        assert!(searcher.segment_readers().len() > 1);
        let postcodes = ValueSet::new([1003, 1017, 1042, 1049]);
        let towns = ValueSet::new([104, 111]);
        let rules = [
            Rule::Near { place, municipality: town, postcodes: postcodes.clone(), towns: towns.clone() },
            Rule::OneOf { field: town, mask: u64::MAX, values: towns.clone() },
            Rule::OneOf { field: place, mask: 0xF, values: ValueSet::new([3]) },
            Rule::OneOf { field: place, mask: u64::MAX, values: ValueSet::new([]) },
        ];
        let value = |d: &TantivyDocument, f| d.get_first(f).and_then(|v| v.as_u64()).unwrap();
        for rule in rules {
            for words in [false, true] {
                let filter: Box<dyn Query> = Box::new(ColumnFilter(rule.clone()));
                let lead: Box<dyn Query> = if words {
                    Box::new(TermQuery::new(Term::from_field_text(word, "pædagog"), IndexRecordOption::Basic))
                } else {
                    Box::new(AllQuery)
                };
                let query = BooleanQuery::new(vec![(Occur::Must, lead), (Occur::Must, filter)]);
                let mut found: Vec<u64> = searcher
                    .search(&query, &DocSetCollector)
                    .unwrap()
                    .into_iter()
                    .map(|a| value(&searcher.doc::<TantivyDocument>(a).unwrap(), id))
                    .collect();
                found.sort_unstable();
                let mut expected: Vec<u64> = Vec::new();
                for reader in searcher.segment_readers() {
                    for doc in reader.doc_ids_alive() {
                        let d: TantivyDocument = reader.get_store_reader(0).unwrap().get(doc).unwrap();
                        let (p, t) = (value(&d, place), value(&d, town));
                        let pass = match &rule {
                            Rule::Near { .. } => {
                                if p == 0 {
                                    towns.contains(t)
                                } else {
                                    postcodes.contains(p)
                                }
                            }
                            Rule::OneOf { field, mask, values } => values.contains((if *field == town { t } else { p }) & mask),
                        };
                        let w = d.get_first(word).and_then(|v| v.as_str()) == Some("pædagog");
                        if pass && (w || !words) {
                            expected.push(value(&d, id));
                        }
                    }
                }
                expected.sort_unstable();
                assert_eq!(found, expected, "{rule:?}, led by words: {words}");
                assert!(!expected.contains(&5), "a deleted document is not found");
            }
        }
    }
}
