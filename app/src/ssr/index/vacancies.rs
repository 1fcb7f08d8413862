//! The index of open vacancies: Danish analysis, facets, radius and sort.

use super::column_filter::{ColumnFilter, Rule, ValueSet};
use super::{analyzer, date_key, facets, filter, key_date, Core, Indexed, Opened, TextFields, PREFIX_MIN};
use crate::domain::search::{SearchQuery, SearchResults, Sort, TimeFilter, VacancyHit, FULL_TIME_HOURS, PER_PAGE};
use crate::error::AppError;
use crate::ssr::db::{outbox, Db, VacancyRow};
use chrono::NaiveDate;
use std::ops::Bound;
use std::path::Path;
use std::sync::Arc;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{AllQuery, BooleanQuery, Occur, Query, RangeQuery};
use tantivy::schema::{Field, NumericOptions, Schema, TextFieldIndexing, TextOptions, Value, STORED, STRING};
use tantivy::{DocAddress, Order, TantivyDocument, Term};

/// Bump when the schema or the analysis changes: the index is then rebuilt on start.
pub const SCHEMA_VERSION: u32 = 8;

#[derive(Clone, Copy, Debug)]
struct Fields {
    id: Field,
    title: Field,
    employer: Field,
    city: Field,
    description: Field,
    /// The title folded both ways (æ→ae and æ→a…) and stemmed: ASCII spellings
    /// and typos (fuzzy) match here.
    folded_title: Field,
    /// Town (both ways), employer and description (æ→ae…) folded: a word found
    /// only here ranks below one in the title.
    folded_text: Field,
    /// Prefixes of the title's words: the first part of a compound finds it.
    prefixes: Field,
    postcode: Field,
    teaser: Field,
    hours: Field,
    deadline: Field,
    posted: Field,
    municipality: Field,
    /// Its place id (see `facets::place_id`), for the place filter.
    area: Field,
    /// The postcode (first number of its range; 0 when unknown), for radius searches.
    place: Field,
    /// Where the vacancy lies (its postcode's centre), for distances.
    lat: Field,
    lon: Field,
    employment: Field,
    occupation: Field,
    /// Every value facet counting looks at, in one number (see `facets::pack`).
    packed: Field,
}

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let danish = |stored: bool| {
        let indexing = TextFieldIndexing::default()
            .set_tokenizer(analyzer::DANISH)
            .set_index_option(tantivy::schema::IndexRecordOption::WithFreqsAndPositions);
        let opts = TextOptions::default().set_indexing_options(indexing);
        if stored {
            opts.set_stored()
        } else {
            opts
        }
    };
    let plain = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default().set_tokenizer(analyzer::PLAIN).set_index_option(tantivy::schema::IndexRecordOption::Basic),
    );
    let num = || NumericOptions::default().set_indexed().set_fast().set_stored();
    let fields = Fields {
        id: b.add_u64_field("id", num()),
        title: b.add_text_field("title", danish(true)),
        employer: b.add_text_field("employer", danish(true)),
        city: b.add_text_field("city", danish(true)),
        description: b.add_text_field("description", danish(false)),
        folded_title: b.add_text_field("folded_title", danish(false)),
        folded_text: b.add_text_field("folded_text", danish(false)),
        prefixes: b.add_text_field("prefixes", plain),
        postcode: b.add_text_field("postcode", STRING | STORED),
        teaser: b.add_text_field("teaser", STORED),
        hours: b.add_f64_field("hours", num()),
        deadline: b.add_u64_field("deadline", num()),
        posted: b.add_u64_field("posted", num()),
        municipality: b.add_u64_field("municipality", num()),
        area: b.add_u64_field("area", NumericOptions::default().set_indexed()),
        place: b.add_u64_field("place", num()),
        lat: b.add_f64_field("lat", NumericOptions::default().set_fast().set_stored()),
        lon: b.add_f64_field("lon", NumericOptions::default().set_fast().set_stored()),
        employment: b.add_u64_field("employment", num()),
        occupation: b.add_u64_field("occupation", num()),
        packed: b.add_u64_field("packed", NumericOptions::default().set_fast()),
    };
    (b.build(), fields)
}

/// A handle on the on-disk index for searching. Cheap to clone.
#[derive(Clone)]
pub struct VacancyIndex {
    inner: Arc<Inner>,
}

struct Inner {
    core: Core,
    fields: Fields,
}

impl VacancyIndex {
    /// Opens the index in `dir`, or creates an empty one when it is missing, cannot
    /// be read, or was written with another schema version.
    pub fn open_or_create(dir: &Path) -> Result<(VacancyIndex, Opened), AppError> {
        let (schema, fields) = schema();
        let (core, opened) = Core::open_or_create(dir, schema, SCHEMA_VERSION)?;
        Ok((VacancyIndex { inner: Arc::new(Inner { core, fields }) }, opened))
    }

    pub fn dir(&self) -> &Path {
        self.inner.core.dir()
    }

    /// How many documents searchers see now.
    pub fn num_docs(&self) -> u64 {
        self.inner.core.num_docs()
    }

    /// Searches open vacancies whose deadline is `today` or later. Blocking: call it
    /// from `spawn_blocking`.
    pub fn search(&self, q: &SearchQuery, today: NaiveDate) -> Result<SearchResults, AppError> {
        self.search_with(q, today, true)
    }

    /// `search`, counting the filter choices only when `with_facets` (the benchmark
    /// measures both).
    pub fn search_with(&self, q: &SearchQuery, today: NaiveDate, with_facets: bool) -> Result<SearchResults, AppError> {
        let searcher = self.inner.core.reader.searcher();
        let (base, matching_all) = self.base_query(q, today);
        let filters = facets::Filters::new(q, today);
        let query = self.filtered(base.clone(), &filters);
        let page = q.page.max(1);
        let top = TopDocs::with_limit(PER_PAGE as usize).and_offset(((page - 1) * PER_PAGE) as usize);
        let sort = match q.sort {
            Sort::Relevance if matching_all => Sort::Newest,
            Sort::Distance if q.near.is_none() => Sort::Relevance,
            other => other,
        };
        // With facets: one pass over the words' matches gives the counts, and the
        // filters applied in the collector give the page and the total. Without:
        // the filters are part of the query.
        let counting = with_facets.then_some(today);
        fn run<C: tantivy::collector::Collector<Fruit = Vec<(K, DocAddress)>>, K>(
            searcher: &tantivy::Searcher,
            (base, query, filters): (&dyn Query, &dyn Query, &facets::Filters),
            counting: Option<NaiveDate>,
            top: C,
        ) -> Result<(crate::domain::search::Facets, usize, Vec<DocAddress>), AppError> {
            let (facets, (total, docs)) = match counting {
                Some(today) => searcher.search(base, &facets::Faceted::new(filters.clone(), today, (Count, top)))?,
                None => (Default::default(), searcher.search(query, &(Count, top))?),
            };
            Ok((facets, total, docs.into_iter().map(|(_, a)| a).collect()))
        }
        // The radius narrows every count, so the counting pass takes it in its query.
        let counted: Box<dyn Query> = match &filters.near {
            Some(near) => Box::new(BooleanQuery::new(vec![(Occur::Must, Box::new(base.clone())), (Occur::Must, self.near_query(near))])),
            None => Box::new(base.clone()),
        };
        let queries: (&dyn Query, &dyn Query, &facets::Filters) = (&*counted, &*query, &filters);
        let (facets, total, addresses) = match sort {
            Sort::Relevance => run(&searcher, queries, counting, top.order_by_score())?,
            Sort::Newest => run(&searcher, queries, counting, top.order_by_u64_field("posted", Order::Desc))?,
            Sort::Deadline => run(&searcher, queries, counting, top.order_by_u64_field("deadline", Order::Asc))?,
            Sort::Distance => {
                let center = q.near.map(|p| p.point()).unwrap_or_default();
                let nearest = top.tweak_score(move |segment: &tantivy::SegmentReader| {
                    let fast = segment.fast_fields();
                    let (lat, lon) = (fast.f64("lat").ok(), fast.f64("lon").ok());
                    move |doc: tantivy::DocId, score: tantivy::Score| {
                        let point = lat.as_ref().and_then(|c| c.first(doc)).zip(lon.as_ref().and_then(|c| c.first(doc)));
                        let km = point.filter(|p| *p != (0.0, 0.0)).map_or(f64::MAX, |p| crate::domain::geo::distance_km(center, p));
                        // Nearest first; the best match first at the same distance.
                        (-km.round(), score)
                    }
                });
                run(&searcher, queries, counting, nearest)?
            }
        };
        let center = filters.near.as_ref().map(|n| n.radius.center);
        let mut hits = Vec::with_capacity(addresses.len());
        for address in addresses {
            let doc: TantivyDocument = searcher.doc(address)?;
            if let Some(mut hit) = self.hit(&doc) {
                let f = &self.inner.fields;
                let point = doc.get_first(f.lat).and_then(|v| v.as_f64()).zip(doc.get_first(f.lon).and_then(|v| v.as_f64()));
                hit.distance_km = center.zip(point.filter(|p| *p != (0.0, 0.0))).map(|(c, p)| crate::domain::geo::distance_km(c, p));
                hits.push(hit);
            }
        }
        Ok(SearchResults { total: total as u64, page, hits, facets, suggestion: None })
    }

    /// The words of the search over open vacancies (deadline `today` or later), before
    /// filters; and whether it matches everything open (no words).
    fn base_query(&self, q: &SearchQuery, today: NaiveDate) -> (BooleanQuery, bool) {
        let f = &self.inner.fields;
        let searcher = self.inner.core.reader.searcher();
        let words = super::text_query(&searcher, &q.text, &self.text_fields());
        let matching_all = words.is_none();
        let text_query: Box<dyn Query> = words.unwrap_or_else(|| Box::new(AllQuery));
        let open = RangeQuery::new(Bound::Included(Term::from_field_u64(f.deadline, date_key(today))), Bound::Unbounded);
        (BooleanQuery::new(vec![(Occur::Must, text_query), (Occur::Must, filter(Box::new(open)))]), matching_all)
    }

    /// The highest vacancy id searchers see (0 when empty). Blocking.
    pub fn max_id(&self) -> Result<i64, AppError> {
        let searcher = self.inner.core.reader.searcher();
        let newest = searcher.search(&AllQuery, &TopDocs::with_limit(1).order_by_u64_field("id", Order::Desc))?;
        Ok(newest.first().and_then(|(id, _)| *id).and_then(|id| i64::try_from(id).ok()).unwrap_or(0))
    }

    /// Open vacancies matching the search with an id above `after_id`, lowest id
    /// first (for job agents). Blocking.
    pub fn new_matches(&self, q: &SearchQuery, today: NaiveDate, after_id: i64, limit: usize) -> Result<Vec<VacancyHit>, AppError> {
        let f = &self.inner.fields;
        let searcher = self.inner.core.reader.searcher();
        let (base, _) = self.base_query(q, today);
        let filtered = self.filtered(base, &facets::Filters::new(q, today));
        let after = RangeQuery::new(Bound::Excluded(Term::from_field_u64(f.id, after_id.max(0) as u64)), Bound::Unbounded);
        let query = BooleanQuery::new(vec![(Occur::Must, filtered), (Occur::Must, filter(Box::new(after)))]);
        let docs = searcher.search(&query, &TopDocs::with_limit(limit).order_by_u64_field("id", Order::Asc))?;
        let mut hits = Vec::with_capacity(docs.len());
        for (_, address) in docs {
            let doc: TantivyDocument = searcher.doc(address)?;
            hits.extend(self.hit(&doc));
        }
        Ok(hits)
    }

    /// The base query narrowed by every filter of the search.
    fn filtered(&self, base: BooleanQuery, filters: &facets::Filters) -> Box<dyn Query> {
        let f = &self.inner.fields;
        let mut must: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, Box::new(base))];
        if let Some(ids) = filters.place_ids() {
            // The place id is the low bits of the packed value (`facets::pack`).
            let rule = Rule::OneOf { field: f.packed, mask: facets::PLACE_MASK, values: ValueSet::new(ids) };
            must.push((Occur::Must, Box::new(ColumnFilter(rule))));
        }
        if let Some(near) = &filters.near {
            must.push((Occur::Must, self.near_query(near)));
        }
        if filters.time.len() == 1 {
            let hours = |v: f64| Term::from_field_f64(f.hours, v);
            let range = match filters.time[0] {
                TimeFilter::Full => RangeQuery::new(Bound::Included(hours(FULL_TIME_HOURS)), Bound::Unbounded),
                TimeFilter::Part => RangeQuery::new(Bound::Unbounded, Bound::Excluded(hours(FULL_TIME_HOURS))),
            };
            must.push((Occur::Must, filter(Box::new(range))));
        }
        if !filters.employment.is_empty() {
            must.push((Occur::Must, super::one_of(f.employment, filters.employment.iter().copied())));
        }
        if !filters.occupations.is_empty() {
            must.push((Occur::Must, super::one_of(f.occupation, filters.occupations.iter().copied())));
        }
        if let Some(from) = filters.posted_from {
            let range = RangeQuery::new(Bound::Included(Term::from_field_u64(f.posted, from)), Bound::Unbounded);
            must.push((Occur::Must, filter(Box::new(range))));
        }
        Box::new(BooleanQuery::new(must))
    }

    /// Vacancies within the radius (see `super::near_query`).
    fn near_query(&self, near: &facets::Near) -> Box<dyn Query> {
        super::near_query(near, self.inner.fields.place, self.inner.fields.municipality)
    }

    /// One word of a search (see `super::word_query`): the title counts most.
    /// Where the words of a search are looked for: the title above all.
    fn text_fields(&self) -> TextFields {
        let f = &self.inner.fields;
        TextFields {
            exact: vec![(f.title, 4.0), (f.employer, 1.5), (f.city, 1.5), (f.description, 1.0)],
            folded: vec![(f.folded_title, 1.0), (f.folded_text, 0.3)],
            prefixes: f.prefixes,
            occupation: f.occupation,
        }
    }

    fn hit(&self, doc: &TantivyDocument) -> Option<VacancyHit> {
        let f = &self.inner.fields;
        let text = |field| doc.get_first(field).and_then(|v| v.as_str()).unwrap_or_default().to_string();
        let num = |field| doc.get_first(field).and_then(|v| v.as_u64());
        Some(VacancyHit {
            employment: num(f.employment).and_then(crate::domain::vacancy::EmploymentType::from_index),
            municipality: num(f.municipality).filter(|m| *m != 0).and_then(|m| u16::try_from(m).ok()),
            distance_km: None,
            id: i64::try_from(num(f.id)?).ok()?,
            title: text(f.title),
            employer_name: text(f.employer),
            postcode: text(f.postcode),
            city: text(f.city),
            weekly_hours: doc.get_first(f.hours).and_then(|v| v.as_f64()).unwrap_or_default(),
            deadline: key_date(num(f.deadline)?)?,
            posted: key_date(num(f.posted)?)?,
            teaser: text(f.teaser),
        })
    }
}

impl Indexed for VacancyIndex {
    const ENTITY: &'static str = outbox::VACANCY;
    const VERSION: u32 = SCHEMA_VERSION;
    type Row = VacancyRow;

    fn core(&self) -> &Core {
        &self.inner.core
    }

    fn document(&self, v: &VacancyRow) -> TantivyDocument {
        let f = &self.inner.fields;
        let mut doc = TantivyDocument::default();
        doc.add_u64(f.id, v.id as u64);
        doc.add_text(f.title, &v.title);
        doc.add_text(f.employer, &v.employer_name);
        doc.add_text(f.city, &v.city);
        doc.add_text(f.description, &v.description);
        doc.add_text(f.folded_title, analyzer::both_folds(&v.title));
        // The town both ways ("arhus"), the rest one way only: a plain fold of the
        // text would make "køkken" the word "kokken" (the cook), and every kitchen
        // job a cook's.
        let text = format!("{} {} {}", analyzer::both_folds(&v.city), analyzer::fold(&v.employer_name), analyzer::fold(&v.description));
        doc.add_text(f.folded_text, text);
        doc.add_text(f.prefixes, analyzer::prefixes(&v.title, PREFIX_MIN));
        doc.add_text(f.postcode, &v.postcode);
        doc.add_text(f.teaser, crate::domain::search::teaser(&v.description, 220));
        doc.add_f64(f.hours, v.weekly_hours);
        doc.add_u64(f.deadline, date_key(v.deadline));
        doc.add_u64(f.posted, date_key(crate::domain::time::danish_date(v.created_at)));
        // Every document has every fast value (0: none), so facet counting reads
        // dense columns.
        doc.add_u64(f.municipality, v.municipality_code.map_or(0, |c| c as u64));
        doc.add_u64(f.place, crate::domain::postcode::from_text(&v.postcode).map_or(0, |p| u64::from(p.number)));
        let municipality = v.municipality_code.and_then(|c| u16::try_from(c).ok());
        let area = facets::place_id(&v.postcode, municipality);
        doc.add_u64(f.area, area);
        let (lat, lon) = crate::domain::geo::vacancy_point(&v.postcode, municipality).unwrap_or_default();
        doc.add_f64(f.lat, lat);
        doc.add_f64(f.lon, lon);
        let employment = crate::domain::vacancy::EmploymentType::parse(&v.employment_type).unwrap_or_default();
        doc.add_u64(f.employment, employment.index());
        let occupation = v.occupation_code.as_deref().and_then(|c| c.parse::<u64>().ok()).unwrap_or(0);
        doc.add_u64(f.occupation, occupation);
        let posted = crate::domain::time::danish_date(v.created_at);
        doc.add_u64(
            f.packed,
            facets::pack(&facets::Doc {
                place: area,
                hours: v.weekly_hours,
                posted: facets::day_number(posted),
                employment: employment.index(),
                occupation,
            }),
        );
        doc
    }

    fn id_term(&self, id: i64) -> Term {
        Term::from_field_u64(self.inner.fields.id, id as u64)
    }

    fn row_id(row: &VacancyRow) -> i64 {
        row.id
    }

    async fn current(db: &Db, ids: &[i64]) -> Result<Vec<VacancyRow>, AppError> {
        Ok(db.vacancies_by_ids(ids).await?.into_iter().filter(|r| r.status == "open").collect())
    }

    async fn count(db: &Db) -> Result<i64, AppError> {
        db.count_open_vacancies().await
    }

    async fn all_after(db: &Db, after: i64, limit: i64) -> Result<Vec<VacancyRow>, AppError> {
        db.open_vacancies_after(after, limit).await
    }
}
