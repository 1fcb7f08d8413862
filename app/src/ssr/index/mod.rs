//! The search indexes. Only this module knows tantivy.
//!
//! The database is the source of truth; each index is derived from it and can
//! always be rebuilt. There are two: open vacancies (`vacancies`), searched by
//! everyone, and the CVs employers may find (`cvs`). Each has one indexer (see
//! `indexer`) that owns its writer and follows the outbox; searches take a fresh
//! searcher per request and run off the async runtime.

mod analyzer;
mod column_filter;
pub mod cvs;
mod facets;
pub mod indexer;
mod vacancies;

pub use cvs::CvIndex;
pub use vacancies::VacancyIndex;

use crate::domain::occupation::Part;
use crate::error::AppError;
use crate::ssr::db::Db;
use chrono::{Datelike, NaiveDate};
use column_filter::{ColumnFilter, Rule, ValueSet};
use serde::{Deserialize, Serialize};
use std::future::Future;
use std::ops::Bound;
use std::path::{Path, PathBuf};
use tantivy::query::{BooleanQuery, BoostQuery, ConstScoreQuery, EmptyQuery, FuzzyTermQuery, Occur, Query, RangeQuery, TermQuery};
use tantivy::schema::{Field, IndexRecordOption, Schema};
use tantivy::{Index, IndexReader, ReloadPolicy, Searcher, TantivyDocument, Term};

/// Where the vacancy index lives inside the configured index folder.
pub fn vacancies_dir(index_dir: &Path) -> PathBuf {
    index_dir.join("vacancies")
}

/// Where the CV index lives inside the configured index folder.
pub fn cvs_dir(index_dir: &Path) -> PathBuf {
    index_dir.join("cvs")
}

/// Stored with every commit, so an index knows how far it got.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommitPayload {
    pub schema: u32,
    pub outbox_id: i64,
}

/// What opening found, so the indexer knows whether to rebuild.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Opened {
    /// An index of the current schema, caught up to this outbox id.
    Current(CommitPayload),
    /// Missing, unreadable or of another schema version: created empty.
    Fresh,
}

/// The on-disk index and its reader, whichever the documents.
pub struct Core {
    pub(crate) index: Index,
    pub(crate) reader: IndexReader,
    dir: PathBuf,
}

impl Core {
    /// Opens the index in `dir`, or creates an empty one when it is missing, cannot
    /// be read, or was written with another schema or `version`.
    fn open_or_create(dir: &Path, schema: Schema, version: u32) -> Result<(Core, Opened), AppError> {
        std::fs::create_dir_all(dir).map_err(|e| AppError::internal(format_args!("index dir {}: {e}", dir.display())))?;
        let existing = Index::open_in_dir(dir).ok().and_then(|index| {
            let payload = read_payload(&index)?;
            (payload.schema == version && index.schema() == schema).then_some((index, payload))
        });
        let (index, opened) = match existing {
            Some((index, payload)) => (index, Opened::Current(payload)),
            None => {
                clear_dir(dir)?;
                (Index::create_in_dir(dir, schema)?, Opened::Fresh)
            }
        };
        analyzer::register(&index);
        let reader = index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into()?;
        Ok((Core { index, reader, dir: dir.to_path_buf() }, opened))
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The last committed payload, as searchers see it.
    pub fn payload(&self) -> Option<CommitPayload> {
        read_payload(&self.index)
    }

    /// How many documents searchers see now.
    pub fn num_docs(&self) -> u64 {
        self.reader.searcher().num_docs()
    }
}

/// An index the indexer can keep: where its documents come from in the database
/// and how one is made. Rows are keyed by the id the outbox names.
pub trait Indexed: Clone + Send + Sync + 'static {
    /// The outbox entity whose changes this index follows.
    const ENTITY: &'static str;
    /// The schema version stored in commits: bump it when the documents change,
    /// and the index is rebuilt on start.
    const VERSION: u32;
    type Row: Send + 'static;

    fn core(&self) -> &Core;
    fn document(&self, row: &Self::Row) -> TantivyDocument;
    fn id_term(&self, id: i64) -> Term;
    fn row_id(row: &Self::Row) -> i64;
    /// Of `ids`, the rows that belong in the index now; the others are left out.
    fn current(db: &Db, ids: &[i64]) -> impl Future<Output = Result<Vec<Self::Row>, AppError>> + Send;
    /// How many rows belong in the index (for a rebuild's progress).
    fn count(db: &Db) -> impl Future<Output = Result<i64, AppError>> + Send;
    /// Every row that belongs in the index with an id above `after`, lowest first.
    fn all_after(db: &Db, after: i64, limit: i64) -> impl Future<Output = Result<Vec<Self::Row>, AppError>> + Send;
}

/// Shortest compound prefix indexed and searched ("lage" finds "lagermedarbejder").
const PREFIX_MIN: usize = 4;
/// Words this long (folded stem) may have one typo; from `FUZZY_TWO_MIN`, two.
const FUZZY_MIN: usize = 5;
const FUZZY_TWO_MIN: usize = 9;

/// Where an index looks for the words of a search.
pub(super) struct TextFields {
    /// Danish analysis of the text as written, with boosts; the first is the
    /// title (a vacancy's, or the occupations a CV seeks).
    pub exact: Vec<(Field, f32)>,
    /// The same text folded both ways (`analyzer::both_folds`), with boosts; the
    /// first is the title's, and typos are tried there.
    pub folded: Vec<(Field, f32)>,
    /// Prefixes of the title words (`analyzer::prefixes`).
    pub prefixes: Field,
    /// Occupation codes, for the occupations a search names.
    pub occupation: Field,
}

/// Occupations a run of words names that a search also looks for (the most
/// likely first: "pædagog" names the title and its group).
const NAMED_OCCUPATIONS: usize = 6;

/// The words of a search as one query, `None` when no word carries meaning (the
/// search is then for everything). Every word must match; a run of words that
/// names occupations ("SSA", "nurse", "sosu-hjælper") matches as typed, or as the
/// Danish titles it names, or by the occupation codes of the vacancies or CVs.
pub(super) fn text_query(searcher: &Searcher, text: &str, fields: &TextFields) -> Option<Box<dyn Query>> {
    let parts: Vec<Box<dyn Query>> = crate::domain::occupation::spot(text)
        .into_iter()
        .filter_map(|part| match part {
            Part::Word(word) => word_query(searcher, word, fields, Scope::All),
            Part::Named { words, occupations } => {
                let mut ways: Vec<(Occur, Box<dyn Query>)> = Vec::new();
                ways.extend(all_of(words.iter().map(|w| word_query(searcher, w, fields, Scope::All))).map(|q| (Occur::Should, q)));
                let typed = crate::domain::occupation::name_key(&words.join(" "));
                for o in occupations.iter().take(NAMED_OCCUPATIONS) {
                    // The title it names, in titles only: "SSA" is not a nurse's vacancy
                    // whose text mentions social- og sundhedsassistenter. A title typed
                    // as it is written is already looked for above.
                    if crate::domain::occupation::name_key(o.da) != typed {
                        let title = o.da.split_whitespace().map(|w| word_query(searcher, w, fields, Scope::Title));
                        ways.extend(all_of(title).map(|q| (Occur::Should, q)));
                    }
                    let (low, high) = o.codes();
                    let codes = RangeQuery::new(
                        Bound::Included(Term::from_field_u64(fields.occupation, low)),
                        Bound::Included(Term::from_field_u64(fields.occupation, high)),
                    );
                    // A vacancy of the occupation whose words differ scores as a weak title match.
                    ways.push((Occur::Should, Box::new(ConstScoreQuery::new(Box::new(codes), 1.0))));
                }
                (!ways.is_empty()).then(|| Box::new(BooleanQuery::new(ways)) as Box<dyn Query>)
            }
        })
        .collect();
    all_of(parts.into_iter().map(Some))
}

/// Where a word is looked for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Scope {
    All,
    /// The title fields only (the first exact and folded fields, and prefixes).
    Title,
}

/// All of `queries` must match; `None` when there are none.
fn all_of(queries: impl Iterator<Item = Option<Box<dyn Query>>>) -> Option<Box<dyn Query>> {
    let mut must: Vec<(Occur, Box<dyn Query>)> = queries.flatten().map(|q| (Occur::Must, q)).collect();
    match must.len() {
        0 => None,
        1 => must.pop().map(|(_, q)| q),
        _ => Some(Box::new(BooleanQuery::new(must))),
    }
}

/// One word as typed: each of its parts must match ("sosu-hjælper" is "sosu"
/// and "hjælper", so it never finds a vacancy through "hjælper" alone). A part
/// too long to be a word matches nothing. `None` for words that carry no
/// meaning (stop words, punctuation).
fn word_query(searcher: &Searcher, word: &str, fields: &TextFields, scope: Scope) -> Option<Box<dyn Query>> {
    let parts: Vec<&str> = word.split(|c: char| !c.is_alphanumeric()).filter(|p| !p.is_empty()).collect();
    if parts.iter().any(|p| p.len() >= analyzer::LONGEST_WORD) {
        return Some(Box::new(EmptyQuery));
    }
    all_of(parts.into_iter().map(|p| part_query(searcher, p, fields, scope)))
}

/// One part of a word, matched in falling order of trust: as a Danish word in
/// each exact field (with its boost); folded ("paedagog", "padagog") in the
/// folded fields; as the first part of a compound in `prefixes` ("lager"); and,
/// for longer words, with a typo or two, when the word as typed is in no
/// document (a word that is there is taken as meant: its near neighbours would
/// only add noise, and cost time).
fn part_query(searcher: &Searcher, part: &str, fields: &TextFields, scope: Scope) -> Option<Box<dyn Query>> {
    let take = if scope == Scope::Title { 1 } else { usize::MAX };
    let mut danish = analyzer::danish();
    let stems = analyzer::tokens(&mut danish, part);
    // Documents hold both folds, so the query needs only its own.
    let folded = analyzer::tokens(&mut danish, &analyzer::fold(part));
    if stems.is_empty() && folded.is_empty() {
        return None;
    }
    let boosted = |q: Box<dyn Query>, boost: f32| -> (Occur, Box<dyn Query>) { (Occur::Should, Box::new(BoostQuery::new(q, boost))) };
    let term = |field: Field, text: &str| -> Box<dyn Query> {
        Box::new(TermQuery::new(Term::from_field_text(field, text), IndexRecordOption::WithFreqs))
    };
    let mut ways = Vec::new();
    for stem in &stems {
        for (field, boost) in fields.exact.iter().take(take) {
            ways.push(boosted(term(*field, stem), *boost));
        }
    }
    for stem in &folded {
        for (field, boost) in fields.folded.iter().take(take) {
            ways.push(boosted(term(*field, stem), *boost));
        }
        let n = stem.chars().count();
        let known = fields.folded.iter().any(|(f, _)| searcher.doc_freq(&Term::from_field_text(*f, stem)).unwrap_or(0) > 0);
        if let (Some((typo_field, _)), true) = (fields.folded.first(), n >= FUZZY_MIN && !known) {
            let distance = if n >= FUZZY_TWO_MIN { 2 } else { 1 };
            let fuzzy = FuzzyTermQuery::new(Term::from_field_text(*typo_field, stem), distance, true);
            ways.push(boosted(Box::new(fuzzy), 0.2));
        }
    }
    // As typed, and stemmed ("pædagoger" → "paedagog" starts "Pædagogmedhjælper").
    let plain = analyzer::fold(part).chars().filter(|c| c.is_alphanumeric()).collect::<String>();
    let mut starts: Vec<&str> = vec![plain.as_str()];
    starts.extend(folded.iter().map(String::as_str));
    starts.dedup();
    for start in starts.into_iter().filter(|s| s.chars().count() >= PREFIX_MIN) {
        ways.push(boosted(term(fields.prefixes, start), 0.6));
    }
    Some(Box::new(BooleanQuery::new(ways)))
}

/// Places within a radius: at a known postcode (`place`) within, or (postcode
/// unknown, 0) in a municipality whose main town is within.
fn near_query(near: &facets::Near, place: Field, municipality: Field) -> Box<dyn Query> {
    Box::new(ColumnFilter(Rule::Near {
        place,
        municipality,
        postcodes: ValueSet::new(near.postcodes()),
        towns: ValueSet::new(near.municipality_codes()),
    }))
}

/// A filter on a fast field: its value is one of `values`.
fn one_of(field: Field, values: impl IntoIterator<Item = u64>) -> Box<dyn Query> {
    Box::new(ColumnFilter(Rule::OneOf { field, mask: u64::MAX, values: ValueSet::new(values) }))
}

/// A filter: matches without adding to the score.
fn filter(q: Box<dyn Query>) -> Box<dyn Query> {
    Box::new(ConstScoreQuery::new(q, 0.0))
}

/// Dates are kept as the number yyyymmdd: ordered, and readable when debugging.
fn date_key(d: NaiveDate) -> u64 {
    (d.year() as u64) * 10_000 + u64::from(d.month()) * 100 + u64::from(d.day())
}

fn key_date(k: u64) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt((k / 10_000) as i32, ((k / 100) % 100) as u32, (k % 100) as u32)
}

fn read_payload(index: &Index) -> Option<CommitPayload> {
    let meta = index.load_metas().ok()?;
    serde_json::from_str(meta.payload.as_deref()?).ok()
}

/// Empties the index folder (only files the index owns live there).
fn clear_dir(dir: &Path) -> Result<(), AppError> {
    let entries = std::fs::read_dir(dir).map_err(|e| AppError::internal(format_args!("index dir {}: {e}", dir.display())))?;
    for entry in entries.flatten() {
        let path = entry.path();
        let removed = if path.is_dir() { std::fs::remove_dir_all(&path) } else { std::fs::remove_file(&path) };
        removed.map_err(|e| AppError::internal(format_args!("clearing {}: {e}", path.display())))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_keys_round_trip_and_sort() {
        let a = NaiveDate::from_ymd_opt(2026, 12, 31).unwrap();
        let b = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
        assert_eq!(date_key(a), 20261231);
        assert!(date_key(a) < date_key(b));
        assert_eq!(key_date(date_key(b)), Some(b));
    }
}
