//! The index of CVs employers may find: the same Danish analysis as vacancies
//! over what a person seeks and has done, filters with counts, and a radius around
//! the workplace measured to the candidate's home area (their postcode's centre,
//! never an address). A company a citizen blocked never finds them.

use super::facets::{self, region_table, MUNICIPALITY_CODES};
use super::{date_key, text_query, Core, Indexed, Opened, TextFields, PREFIX_MIN};
use crate::domain::candidate::{time_matches, CandidateCard, CandidateResults, PER_PAGE};
use crate::domain::cv::{Cv, WorkTime};
use crate::domain::region::Region;
use crate::domain::search::{Facets, SearchQuery, Sort, TimeFilter};
use crate::error::AppError;
use crate::ssr::db::{outbox, CvRow, Db};
use chrono::NaiveDate;
use std::path::Path;
use std::sync::Arc;
use tantivy::collector::{Collector, Count, SegmentCollector, TopDocs};
use tantivy::columnar::Column;
use tantivy::query::{AllQuery, BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption, NumericOptions, Schema, TextFieldIndexing, TextOptions, Value, STORED};
use tantivy::{DocAddress, DocId, Order, Score, SegmentOrdinal, SegmentReader, TantivyDocument, Term};

/// Bump when the schema or the analysis changes: the index is then rebuilt on start.
pub const SCHEMA_VERSION: u32 = 2;

#[derive(Clone, Copy, Debug)]
struct Fields {
    id: Field,
    /// The occupations sought: what an employer types most.
    occupations: Field,
    /// Jobs held, educations, skills and languages.
    titles: Field,
    education: Field,
    skills: Field,
    /// The summary and the descriptions of jobs and educations.
    text: Field,
    folded: Field,
    prefixes: Field,
    municipality: Field,
    place: Field,
    lat: Field,
    lon: Field,
    /// Full (1), part (2) or either (3) time; 0 when not said.
    time: Field,
    /// Occupation codes sought (several).
    occupation: Field,
    /// Companies the citizen blocked (several).
    blocked: Field,
    updated: Field,
    /// The result card, stored whole (JSON).
    card: Field,
}

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let danish = || {
        let indexing =
            TextFieldIndexing::default().set_tokenizer(super::analyzer::DANISH).set_index_option(IndexRecordOption::WithFreqsAndPositions);
        TextOptions::default().set_indexing_options(indexing)
    };
    let plain = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default().set_tokenizer(super::analyzer::PLAIN).set_index_option(IndexRecordOption::Basic),
    );
    let num = || NumericOptions::default().set_indexed().set_fast();
    let fields = Fields {
        id: b.add_u64_field("id", num().set_stored()),
        occupations: b.add_text_field("occupations", danish()),
        titles: b.add_text_field("titles", danish()),
        education: b.add_text_field("education", danish()),
        skills: b.add_text_field("skills", danish()),
        text: b.add_text_field("text", danish()),
        folded: b.add_text_field("folded", danish()),
        prefixes: b.add_text_field("prefixes", plain),
        municipality: b.add_u64_field("municipality", num()),
        place: b.add_u64_field("place", num()),
        lat: b.add_f64_field("lat", NumericOptions::default().set_fast()),
        lon: b.add_f64_field("lon", NumericOptions::default().set_fast()),
        time: b.add_u64_field("time", num()),
        occupation: b.add_u64_field("occupation", num()),
        blocked: b.add_u64_field("blocked", NumericOptions::default().set_indexed()),
        updated: b.add_u64_field("updated", num()),
        card: b.add_text_field("card", STORED),
    };
    (b.build(), fields)
}

fn time_code(t: Option<WorkTime>) -> u64 {
    match t {
        None => 0,
        Some(WorkTime::Full) => 1,
        Some(WorkTime::Part) => 2,
        Some(WorkTime::Either) => 3,
    }
}

fn code_time(c: u64) -> Option<WorkTime> {
    match c {
        1 => Some(WorkTime::Full),
        2 => Some(WorkTime::Part),
        3 => Some(WorkTime::Either),
        _ => None,
    }
}

/// A search as tantivy queries (see `CvIndex::queries`).
struct Queries {
    base: BooleanQuery,
    narrowed: BooleanQuery,
    filters: facets::Filters,
    matching_all: bool,
}

/// A handle on the on-disk CV index for searching. Cheap to clone.
#[derive(Clone)]
pub struct CvIndex {
    inner: Arc<Inner>,
}

struct Inner {
    core: Core,
    fields: Fields,
}

/// A CV row read for the index: its CV parsed and its card made.
pub struct Candidate<'a> {
    pub row: &'a CvRow,
    pub cv: Cv,
    pub card: CandidateCard,
}

impl<'a> Candidate<'a> {
    /// `None` (and a warning) when the stored CV cannot be read: it stays out of
    /// search until fixed, and never stops the indexer.
    pub fn of(row: &'a CvRow) -> Option<Candidate<'a>> {
        let cv: Cv = match serde_json::from_str(&row.cv) {
            Ok(cv) => cv,
            Err(e) => {
                tracing::warn!(user = row.user_id, "CV unreadable, left out of the CV index: {e}");
                return None;
            }
        };
        let municipality = row.municipality_code.and_then(|c| u16::try_from(c).ok());
        let area = row.postcode.as_deref().and_then(crate::domain::postcode::from_text).map(|p| p.label()).unwrap_or_default();
        let updated = row.cv_updated_at.map(crate::domain::time::danish_date);
        let card = CandidateCard::of(row.user_id, &cv, municipality, area, updated);
        Some(Candidate { row, cv, card })
    }
}

impl CvIndex {
    pub fn open_or_create(dir: &Path) -> Result<(CvIndex, Opened), AppError> {
        let (schema, fields) = schema();
        let (core, opened) = Core::open_or_create(dir, schema, SCHEMA_VERSION)?;
        Ok((CvIndex { inner: Arc::new(Inner { core, fields }) }, opened))
    }

    pub fn num_docs(&self) -> u64 {
        self.inner.core.num_docs()
    }

    /// The search as tantivy queries: the words, the block and the radius (what
    /// every count applies), and that narrowed by the chosen filters (the results).
    fn queries(&self, q: &SearchQuery, company: i64, today: NaiveDate) -> Queries {
        let f = &self.inner.fields;
        let searcher = self.inner.core.reader.searcher();
        let fields = TextFields {
            exact: vec![(f.occupations, 4.0), (f.titles, 2.0), (f.education, 1.5), (f.skills, 1.5), (f.text, 0.5)],
            folded: vec![(f.folded, 0.8)],
            prefixes: f.prefixes,
            occupation: f.occupation,
        };
        let words = text_query(&searcher, &q.text, &fields);
        let matching_all = words.is_none();
        let mut base: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, Box::new(AllQuery))];
        base.extend(words.map(|w| (Occur::Must, w)));
        let blocked = TermQuery::new(Term::from_field_u64(f.blocked, company.max(0) as u64), IndexRecordOption::Basic);
        base.push((Occur::MustNot, Box::new(blocked)));
        let filters = facets::Filters::new(q, today);
        if let Some(near) = &filters.near {
            base.push((Occur::Must, super::near_query(near, f.place, f.municipality)));
        }
        let base = BooleanQuery::new(base);
        let mut narrowed: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, Box::new(base.clone()))];
        let any_of = |field: Field, values: Vec<u64>| super::one_of(field, values);
        if let Some(places) = filters.place_codes() {
            narrowed.push((Occur::Must, any_of(f.municipality, places)));
        }
        if !q.time.is_empty() {
            let codes = [Some(WorkTime::Full), Some(WorkTime::Part), Some(WorkTime::Either)]
                .into_iter()
                .filter(|t| q.time.iter().any(|x| time_matches(*t, *x)))
                .map(time_code)
                .collect();
            narrowed.push((Occur::Must, any_of(f.time, codes)));
        }
        if !filters.occupations.is_empty() {
            narrowed.push((Occur::Must, any_of(f.occupation, filters.occupations.clone())));
        }
        Queries { base, narrowed: BooleanQuery::new(narrowed), filters, matching_all }
    }

    /// Candidates for `company` matching the search: words, places (the home
    /// municipality or region), full or part time, occupations sought, and a
    /// radius around a place. `today` decides the regions. Blocking.
    pub fn search(&self, q: &SearchQuery, company: i64, today: NaiveDate) -> Result<CandidateResults, AppError> {
        let f = &self.inner.fields;
        let searcher = self.inner.core.reader.searcher();
        let Queries { base, narrowed: query, filters, matching_all } = self.queries(q, company, today);
        // The counts: every group's choices with the other groups' filters applied.
        let counting = Counting::new(&filters, q, today);
        // With no filter chosen the results are the counted set: one pass gives both.
        let unfiltered = filters.places.is_none() && q.time.is_empty() && filters.occupations.is_empty();
        fn run<C: Collector<Fruit = Vec<(K, DocAddress)>>, K>(
            searcher: &tantivy::Searcher,
            (base, query): (&BooleanQuery, &BooleanQuery),
            counting: Counting,
            unfiltered: bool,
            top: C,
        ) -> Result<(Facets, usize, Vec<DocAddress>), AppError> {
            let (facets, (n, docs)) = if unfiltered {
                searcher.search(base, &(counting, (Count, top)))?
            } else {
                (searcher.search(base, &counting)?, searcher.search(query, &(Count, top))?)
            };
            Ok((facets, n, docs.into_iter().map(|(_, a)| a).collect()))
        }
        let page = q.page.max(1);
        let top = TopDocs::with_limit(PER_PAGE as usize).and_offset(((page - 1) * PER_PAGE) as usize);
        let sort = match q.sort {
            Sort::Distance if q.near.is_some() => Sort::Distance,
            Sort::Newest => Sort::Newest,
            _ if matching_all => Sort::Newest,
            _ => Sort::Relevance,
        };
        let queries = (&base, &query);
        let (facets, total, addresses) = match sort {
            Sort::Newest => run(&searcher, queries, counting, unfiltered, top.order_by_u64_field("updated", Order::Desc))?,
            Sort::Distance => {
                let center = q.near.map(|p| p.point()).unwrap_or_default();
                let nearest = top.tweak_score(move |segment: &SegmentReader| {
                    let fast = segment.fast_fields();
                    let (lat, lon) = (fast.f64("lat").ok(), fast.f64("lon").ok());
                    move |doc: DocId, score: Score| {
                        let point = lat.as_ref().and_then(|c| c.first(doc)).zip(lon.as_ref().and_then(|c| c.first(doc)));
                        let km = point.filter(|p| *p != (0.0, 0.0)).map_or(f64::MAX, |p| crate::domain::geo::distance_km(center, p));
                        (-km.round(), score)
                    }
                });
                run(&searcher, queries, counting, unfiltered, nearest)?
            }
            _ => run(&searcher, queries, counting, unfiltered, top.order_by_score())?,
        };
        let center = filters.near.as_ref().map(|n| n.radius.center);
        let mut hits = Vec::with_capacity(addresses.len());
        for address in addresses {
            let doc: TantivyDocument = searcher.doc(address)?;
            let Some(json) = doc.get_first(f.card).and_then(|v| v.as_str()) else { continue };
            let Ok(mut card) = serde_json::from_str::<CandidateCard>(json) else { continue };
            if let Some(center) = center {
                let reader = searcher.segment_reader(address.segment_ord);
                let fast = reader.fast_fields();
                let value = |name: &str| fast.f64(name).ok().and_then(|c| c.first(address.doc_id));
                let point = value("lat").zip(value("lon")).filter(|p| *p != (0.0, 0.0));
                card.distance_km = point.map(|p| crate::domain::geo::distance_km(center, p));
            }
            hits.push(card);
        }
        Ok(CandidateResults { total: total as u64, page, hits, facets })
    }
}

impl CvIndex {
    /// Up to `limit` candidates matching the search for `company`, most recently
    /// updated first, each with what they seek (for candidate agents). Blocking.
    pub fn matching(&self, q: &SearchQuery, company: i64, today: NaiveDate, limit: usize) -> Result<Vec<(i64, String)>, AppError> {
        let f = &self.inner.fields;
        let searcher = self.inner.core.reader.searcher();
        let query = self.queries(q, company, today).narrowed;
        let docs = searcher.search(&query, &TopDocs::with_limit(limit.max(1)).order_by_u64_field("updated", Order::Desc))?;
        let mut out = Vec::with_capacity(docs.len());
        for (_, address) in docs {
            let doc: TantivyDocument = searcher.doc(address)?;
            let card = doc.get_first(f.card).and_then(|v| v.as_str()).and_then(|j| serde_json::from_str::<CandidateCard>(j).ok());
            if let Some(card) = card {
                out.push((card.id, card.occupations.join(", ")));
            }
        }
        Ok(out)
    }
}

impl Indexed for CvIndex {
    const ENTITY: &'static str = outbox::CV;
    const VERSION: u32 = SCHEMA_VERSION;
    type Row = CvRow;

    fn core(&self) -> &Core {
        &self.inner.core
    }

    fn document(&self, row: &CvRow) -> TantivyDocument {
        let f = &self.inner.fields;
        let mut doc = TantivyDocument::default();
        doc.add_u64(f.id, row.user_id.max(0) as u64);
        // A row that cannot be read is indexed as an empty document under its id:
        // it matches no words, and the next change replaces it.
        let Some(c) = Candidate::of(row) else { return doc };
        let cv = &c.cv;
        let occupations: Vec<&str> = cv.occupations.iter().map(|o| o.title.as_str()).collect();
        let titles: Vec<&str> = cv.experience.iter().map(|i| i.title.as_str()).collect();
        let education: Vec<&str> = cv.education.iter().map(|i| i.title.as_str()).collect();
        let skills: Vec<&str> = cv.skills.iter().chain(&cv.languages).map(String::as_str).collect();
        let mut text = vec![cv.summary.as_str()];
        text.extend(cv.experience.iter().chain(&cv.education).map(|i| i.description.as_str()));
        doc.add_text(f.occupations, occupations.join(" "));
        doc.add_text(f.titles, titles.join(" "));
        doc.add_text(f.education, education.join(" "));
        doc.add_text(f.skills, skills.join(" "));
        doc.add_text(f.text, text.join(" "));
        let all = [occupations.join(" "), titles.join(" "), education.join(" "), skills.join(" ")].join(" ");
        doc.add_text(f.folded, super::analyzer::both_folds(&all));
        doc.add_text(f.prefixes, super::analyzer::prefixes(&format!("{} {}", occupations.join(" "), titles.join(" ")), PREFIX_MIN));
        let municipality = c.card.municipality;
        doc.add_u64(f.municipality, municipality.map_or(0, u64::from));
        let postcode = row.postcode.as_deref().unwrap_or_default();
        doc.add_u64(f.place, crate::domain::postcode::from_text(postcode).map_or(0, |p| u64::from(p.number)));
        let (lat, lon) = crate::domain::geo::vacancy_point(postcode, municipality).unwrap_or_default();
        doc.add_f64(f.lat, lat);
        doc.add_f64(f.lon, lon);
        doc.add_u64(f.time, time_code(c.card.time));
        for o in &cv.occupations {
            if let Ok(code) = o.code.parse::<u64>() {
                doc.add_u64(f.occupation, code);
            }
        }
        for company in &row.blocked {
            doc.add_u64(f.blocked, (*company).max(0) as u64);
        }
        doc.add_u64(f.updated, c.card.updated.map_or(0, date_key));
        doc.add_text(f.card, serde_json::to_string(&c.card).unwrap_or_default());
        doc
    }

    fn id_term(&self, id: i64) -> Term {
        Term::from_field_u64(self.inner.fields.id, id.max(0) as u64)
    }

    fn row_id(row: &CvRow) -> i64 {
        row.user_id
    }

    async fn current(db: &Db, ids: &[i64]) -> Result<Vec<CvRow>, AppError> {
        db.findable_cvs(ids).await
    }

    async fn count(db: &Db) -> Result<i64, AppError> {
        db.count_findable_cvs().await
    }

    async fn all_after(db: &Db, after: i64, limit: i64) -> Result<Vec<CvRow>, AppError> {
        db.findable_cvs_after(after, limit).await
    }
}

/// Counts each filter choice over the candidates matching the words and radius:
/// a choice's count applies every other group's filter, not its own group's.
struct Counting {
    places: Option<Arc<[bool]>>,
    time: Vec<TimeFilter>,
    occupations: Vec<u64>,
    regions: (Vec<Region>, Vec<Option<Region>>),
    /// Every occupation code of the bundled list, sorted: a count per code is a
    /// slot found by binary search, not a hash lookup per document.
    codes: Arc<[u64]>,
}

#[derive(Default)]
struct Tally {
    municipalities: Vec<u64>,
    full: u64,
    part: u64,
    /// One count per entry of `Counting::codes`.
    occupations: Vec<u64>,
}

impl Counting {
    fn new(filters: &facets::Filters, q: &SearchQuery, today: NaiveDate) -> Counting {
        let mut codes: Vec<u64> = crate::domain::occupation::all().iter().filter_map(|o| o.code.parse().ok()).collect();
        codes.sort_unstable();
        codes.dedup();
        Counting {
            places: filters.places.clone(),
            time: q.time.clone(),
            occupations: filters.occupations.clone(),
            regions: region_table(today),
            codes: codes.into(),
        }
    }

    fn empty_tally(&self) -> Tally {
        Tally { municipalities: vec![0; MUNICIPALITY_CODES], occupations: vec![0; self.codes.len()], ..Default::default() }
    }
}

struct CountingSegment {
    places: Option<Arc<[bool]>>,
    time: Vec<TimeFilter>,
    occupations: Vec<u64>,
    codes: Arc<[u64]>,
    municipality: Column<u64>,
    time_column: Column<u64>,
    occupation: Column<u64>,
    /// The current document's occupation codes (kept, so no allocation per document).
    doc_codes: Vec<u64>,
    tally: Tally,
}

impl Collector for Counting {
    type Fruit = Facets;
    type Child = CountingSegment;

    fn for_segment(&self, _: SegmentOrdinal, segment: &SegmentReader) -> tantivy::Result<CountingSegment> {
        let fast = segment.fast_fields();
        Ok(CountingSegment {
            places: self.places.clone(),
            time: self.time.clone(),
            occupations: self.occupations.clone(),
            codes: self.codes.clone(),
            municipality: fast.u64("municipality")?,
            time_column: fast.u64("time")?,
            occupation: fast.u64("occupation")?,
            doc_codes: Vec::with_capacity(4),
            tally: self.empty_tally(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, parts: Vec<Tally>) -> tantivy::Result<Facets> {
        let mut all = self.empty_tally();
        for p in parts {
            for (a, b) in all.municipalities.iter_mut().zip(&p.municipalities) {
                *a += b;
            }
            all.full += p.full;
            all.part += p.part;
            for (a, b) in all.occupations.iter_mut().zip(&p.occupations) {
                *a += b;
            }
        }
        let (regions, municipalities) = facets::place_counts(&all.municipalities, &self.regions);
        let occupations = facets::ranked_occupations(self.codes.iter().copied().zip(all.occupations.iter().copied()));
        Ok(Facets { regions, municipalities, full_time: all.full, part_time: all.part, occupations, ..Default::default() })
    }
}

impl SegmentCollector for CountingSegment {
    type Fruit = Tally;

    fn collect(&mut self, doc: DocId, _: Score) {
        let municipality = self.municipality.first(doc).unwrap_or(0);
        let time = code_time(self.time_column.first(doc).unwrap_or(0));
        let place_ok = self.places.as_ref().is_none_or(|p| p.get(municipality as usize).copied().unwrap_or(false));
        let time_ok = self.time.is_empty() || self.time.iter().any(|t| time_matches(time, *t));
        self.doc_codes.clear();
        self.doc_codes.extend(self.occupation.values_for_doc(doc));
        let occupation_ok = self.occupations.is_empty() || self.doc_codes.iter().any(|c| self.occupations.contains(c));
        if time_ok && occupation_ok {
            if let Some(n) = self.tally.municipalities.get_mut(municipality as usize) {
                *n += 1;
            }
        }
        if place_ok && occupation_ok {
            self.tally.full += u64::from(time_matches(time, TimeFilter::Full));
            self.tally.part += u64::from(time_matches(time, TimeFilter::Part));
        }
        if place_ok && time_ok {
            for c in &self.doc_codes {
                if let Ok(slot) = self.codes.binary_search(c) {
                    self.tally.occupations[slot] += 1;
                }
            }
        }
    }

    fn harvest(self) -> Tally {
        self.tally
    }
}
