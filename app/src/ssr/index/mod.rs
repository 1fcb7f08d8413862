//! The search indexes. Only this module knows tantivy.
//!
//! The database is the source of truth; each index is derived from it and can
//! always be rebuilt. There are two: open vacancies (`vacancies`), searched by
//! everyone, and the CVs employers may find (`cvs`). Each has one indexer (see
//! `indexer`) that owns its writer and follows the outbox; searches take a fresh
//! searcher per request and run off the async runtime.

mod analyzer;
pub mod cvs;
mod facets;
pub mod indexer;
mod vacancies;

pub use cvs::CvIndex;
pub use vacancies::VacancyIndex;

use crate::error::AppError;
use crate::ssr::db::Db;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::future::Future;
use std::path::{Path, PathBuf};
use tantivy::query::{BooleanQuery, BoostQuery, ConstScoreQuery, FuzzyTermQuery, Occur, Query, TermQuery, TermSetQuery};
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

/// One word of a search, matched in falling order of trust: as a Danish word in
/// each of `fields` (with its boost); folded ("paedagog") in `folded`; as the first
/// part of a compound in `prefixes` ("lager"); and, for longer words, with a typo
/// or two, when the word as typed is in no document (a word that is there is
/// taken as meant: its near neighbours would only add noise, and cost time).
/// `None` for words that carry no meaning (stop words, punctuation).
fn word_query(searcher: &Searcher, word: &str, fields: &[(Field, f32)], folded_field: Field, prefixes: Field) -> Option<Box<dyn Query>> {
    let mut danish = analyzer::danish();
    let stems = analyzer::tokens(&mut danish, word);
    let folded = analyzer::tokens(&mut danish, &analyzer::fold(word));
    if stems.is_empty() && folded.is_empty() {
        return None;
    }
    let boosted = |q: Box<dyn Query>, boost: f32| -> (Occur, Box<dyn Query>) { (Occur::Should, Box::new(BoostQuery::new(q, boost))) };
    let term = |field: Field, text: &str| -> Box<dyn Query> {
        Box::new(TermQuery::new(Term::from_field_text(field, text), IndexRecordOption::WithFreqs))
    };
    let mut ways = Vec::new();
    for stem in &stems {
        for (field, boost) in fields {
            ways.push(boosted(term(*field, stem), *boost));
        }
    }
    for stem in &folded {
        ways.push(boosted(term(folded_field, stem), 0.8));
        let n = stem.chars().count();
        let known = searcher.doc_freq(&Term::from_field_text(folded_field, stem)).unwrap_or(0) > 0;
        if n >= FUZZY_MIN && !known {
            let distance = if n >= FUZZY_TWO_MIN { 2 } else { 1 };
            let fuzzy = FuzzyTermQuery::new(Term::from_field_text(folded_field, stem), distance, true);
            ways.push(boosted(Box::new(fuzzy), 0.2));
        }
    }
    // As typed, and stemmed ("pædagoger" → "paedagog" starts "Pædagogmedhjælper").
    let plain = analyzer::fold(word).chars().filter(|c| c.is_alphanumeric()).collect::<String>();
    let mut starts: Vec<&str> = vec![plain.as_str()];
    starts.extend(folded.iter().map(String::as_str));
    starts.dedup();
    for start in starts.into_iter().filter(|s| s.chars().count() >= PREFIX_MIN) {
        ways.push(boosted(term(prefixes, start), 0.6));
    }
    Some(Box::new(BooleanQuery::new(ways)))
}

/// Places within a radius: at a known postcode (`place`) within, or (postcode
/// unknown, 0) in a municipality whose main town is within.
fn near_query(near: &facets::Near, place: Field, municipality: Field) -> Box<dyn Query> {
    let at = TermSetQuery::new(near.postcodes().map(|p| Term::from_field_u64(place, p)));
    let unknown: Box<dyn Query> = Box::new(TermQuery::new(Term::from_field_u64(place, 0), IndexRecordOption::Basic));
    let towns: Box<dyn Query> = Box::new(TermSetQuery::new(near.municipality_codes().map(|m| Term::from_field_u64(municipality, m))));
    let fallback = BooleanQuery::new(vec![(Occur::Must, unknown), (Occur::Must, towns)]);
    let either: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Should, Box::new(at)), (Occur::Should, Box::new(fallback))];
    filter(Box::new(BooleanQuery::new(either)))
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
