//! Counting results per filter choice in one pass over the matching documents.
//!
//! A choice's count applies every other group's filter but not its own group's, so
//! "Aarhus (12)" stays true when Odense is ticked too. The place group holds both
//! regions and municipalities; the radius is not a choice and narrows every count.

use super::date_key;
use crate::domain::geo::Radius;
use crate::domain::municipality;
use crate::domain::vacancy::EmploymentType;
use crate::search::types::{regions, Facets, SearchQuery, TimeFilter, WITHIN_DAYS};
use chrono::{Duration, NaiveDate};
use std::collections::{HashMap, HashSet};
use tantivy::collector::{Collector, SegmentCollector};
use std::sync::Arc;
use tantivy::columnar::{Column, ColumnValues};
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

/// What each group lets through, from the query.
#[derive(Clone, Debug)]
pub struct Filters {
    /// Municipalities the place group allows (`None`: no place chosen).
    pub places: Option<HashSet<u64>>,
    /// The places within the radius (`None`: no radius).
    pub near: Option<Near>,
    pub time: Vec<TimeFilter>,
    /// Employment kinds (index numbers) and occupation codes allowed; empty: any.
    pub employment: Vec<u64>,
    pub occupations: Vec<u64>,
    /// Posted on or after this date key.
    pub posted_from: Option<u64>,
}

impl Filters {
    pub fn new(q: &SearchQuery, today: NaiveDate) -> Filters {
        let places = (!q.municipalities.is_empty() || !q.regions.is_empty()).then(|| {
            municipality::all()
                .iter()
                .filter(|m| q.municipalities.contains(&m.code) || q.regions.iter().any(|r| r == m.region))
                .map(|m| u64::from(m.code))
                .collect()
        });
        let near = q.near.map(|place| Near::new(Radius::new(place, f64::from(q.km))));
        let posted_from = q.within_days.map(|d| date_key(today - Duration::days(i64::from(d) - 1)));
        Filters {
            places,
            near,
            time: q.time.clone(),
            employment: q.employment.iter().map(|e| e.index()).collect(),
            occupations: q.occupations.iter().filter_map(|o| o.parse().ok()).collect(),
            posted_from,
        }
    }

    fn place_ok(&self, m: Option<u64>) -> bool {
        self.places.as_ref().is_none_or(|p| m.is_some_and(|m| p.contains(&m)))
    }

    fn near_ok(&self, place: u64, m: Option<u64>) -> bool {
        self.near.as_ref().is_none_or(|n| n.contains(place, m))
    }

    fn time_ok(&self, hours: f64) -> bool {
        self.time.is_empty() || self.time.iter().any(|t| t.matches(hours))
    }

    fn employment_ok(&self, e: Option<u64>) -> bool {
        self.employment.is_empty() || e.is_some_and(|e| self.employment.contains(&e))
    }

    fn occupation_ok(&self, o: Option<u64>) -> bool {
        self.occupations.is_empty() || o.is_some_and(|o| self.occupations.contains(&o))
    }

    fn posted_ok(&self, posted: u64) -> bool {
        self.posted_from.is_none_or(|from| posted >= from)
    }
}

/// A radius as sets of the index's place values.
#[derive(Clone, Debug)]
pub struct Near {
    pub radius: Radius,
    /// Postcodes (the `place` value) within the radius.
    pub places: HashSet<u64>,
    /// Municipalities whose main town is within, for vacancies without a known postcode.
    pub municipalities: HashSet<u64>,
}

impl Near {
    fn new(radius: Radius) -> Near {
        let places = radius.postcodes.iter().map(|p| u64::from(*p)).collect();
        let municipalities = radius.municipalities.iter().map(|m| u64::from(*m)).collect();
        Near { radius, places, municipalities }
    }

    /// Whether a vacancy at `place` (0: unknown postcode) in municipality `m` is within.
    pub fn contains(&self, place: u64, m: Option<u64>) -> bool {
        if place == 0 {
            m.is_some_and(|m| self.municipalities.contains(&m))
        } else {
            self.places.contains(&place)
        }
    }
}

pub struct FacetCollector {
    pub filters: Filters,
    /// Date keys from which a vacancy counts as posted within each of `WITHIN_DAYS`.
    pub within_from: Vec<(u32, u64)>,
}

impl FacetCollector {
    pub fn new(filters: Filters, today: NaiveDate) -> FacetCollector {
        let within_from = WITHIN_DAYS.iter().map(|d| (*d, date_key(today - Duration::days(i64::from(*d) - 1)))).collect();
        FacetCollector { filters, within_from }
    }
}

pub struct Counts {
    /// By municipality code (all codes are below 1000).
    municipalities: Vec<u64>,
    full: u64,
    part: u64,
    within: Vec<u64>,
    employment: [u64; 4],
    occupations: HashMap<u64, u64>,
}

impl Counts {
    fn new(windows: usize) -> Counts {
        Counts { municipalities: vec![0; 1000], full: 0, part: 0, within: vec![0; windows], employment: [0; 4], occupations: HashMap::new() }
    }
}

/// A column read as one value per document (0 where a document has none), which
/// is fast to read in blocks.
fn dense<T: PartialOrd + Copy + std::fmt::Debug + Send + Sync + Default + 'static>(c: Column<T>) -> Arc<dyn ColumnValues<T>> {
    match c.index {
        tantivy::columnar::ColumnIndex::Full => c.values,
        _ => c.first_or_default_col(T::default()),
    }
}

pub struct SegmentCounts {
    filters: Filters,
    within_from: Vec<(u32, u64)>,
    columns: Columns,
    counts: Counts,
    /// Buffers for reading a block of documents at once.
    buf: Buffers,
}

#[derive(Default)]
struct Buffers {
    place: Vec<u64>,
    municipality: Vec<u64>,
    hours: Vec<f64>,
    posted: Vec<u64>,
    employment: Vec<u64>,
    occupation: Vec<u64>,
}

impl Collector for FacetCollector {
    type Fruit = Facets;
    type Child = SegmentCounts;

    fn for_segment(&self, _: SegmentOrdinal, segment: &SegmentReader) -> tantivy::Result<SegmentCounts> {
        Ok(SegmentCounts {
            filters: self.filters.clone(),
            within_from: self.within_from.clone(),
            columns: Columns::load(segment)?,
            counts: Counts::new(self.within_from.len()),
            buf: Buffers::default(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, parts: Vec<Counts>) -> tantivy::Result<Facets> {
        let mut all = Counts::new(self.within_from.len());
        for p in parts {
            for (m, n) in p.municipalities.iter().enumerate() {
                all.municipalities[m] += n;
            }
            all.full += p.full;
            all.part += p.part;
            for (i, n) in p.within.into_iter().enumerate() {
                all.within[i] += n;
            }
            for (e, n) in p.employment.iter().enumerate() {
                all.employment[e] += n;
            }
            for (o, n) in p.occupations {
                *all.occupations.entry(o).or_default() += n;
            }
        }
        let mut municipalities: Vec<(u16, u64)> =
            all.municipalities.iter().enumerate().filter(|(_, n)| **n > 0).filter_map(|(m, n)| Some((u16::try_from(m).ok()?, *n))).collect();
        let region_count = |r: &str| {
            municipalities.iter().filter(|(m, _)| municipality::by_code(*m).is_some_and(|x| x.region == r)).map(|(_, n)| n).sum::<u64>()
        };
        let regions = regions().iter().map(|r| (r.to_string(), region_count(r))).collect();
        municipalities.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        Ok(Facets {
            regions,
            municipalities,
            full_time: all.full,
            part_time: all.part,
            within: self.within_from.iter().map(|(d, _)| *d).zip(all.within).collect(),
            employment: EmploymentType::ALL.iter().map(|e| (*e, all.employment[e.index() as usize])).collect(),
            occupations: {
                let mut o: Vec<(String, u64)> = all.occupations.iter().map(|(c, n)| (format!("{c:06}"), *n)).collect();
                o.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
                o
            },
        })
    }
}

impl SegmentCollector for SegmentCounts {
    type Fruit = Counts;

    fn collect(&mut self, doc: DocId, _: Score) {
        self.collect_block(&[doc]);
    }

    fn collect_block(&mut self, docs: &[DocId]) {
        let (b, c) = (&mut self.buf, &self.columns);
        for (buf, col) in [(&mut b.place, &c.place), (&mut b.municipality, &c.municipality), (&mut b.posted, &c.posted), (&mut b.employment, &c.employment), (&mut b.occupation, &c.occupation)] {
            buf.resize(docs.len(), 0);
            col.get_vals(docs, buf);
        }
        b.hours.resize(docs.len(), 0.0);
        c.hours.get_vals(docs, &mut b.hours);
        let f = &self.filters;
        let c = &mut self.counts;
        for i in 0..docs.len() {
            // 0 is "none" for municipality and occupation.
            let m = Some(b.municipality[i]).filter(|m| *m != 0);
            let (hours, posted, employment) = (b.hours[i], b.posted[i], b.employment[i]);
            let occupation = Some(b.occupation[i]).filter(|o| *o != 0);
            if !f.near_ok(b.place[i], m) {
                continue;
            }
            // Each group's counts apply every group's filter but its own.
            let ok = [f.place_ok(m), f.time_ok(hours), f.posted_ok(posted), f.employment_ok(Some(employment)), f.occupation_ok(occupation)];
            let failing = ok.iter().filter(|pass| !**pass).count();
            if failing > 1 {
                continue;
            }
            let all_but = |g: usize| failing == 0 || !ok[g];
            if all_but(0) {
                if let Some(slot) = m.and_then(|m| c.municipalities.get_mut(m as usize)) {
                    *slot += 1;
                }
            }
            if all_but(1) {
                if TimeFilter::Full.matches(hours) {
                    c.full += 1;
                } else {
                    c.part += 1;
                }
            }
            if all_but(2) {
                for (w, (_, from)) in self.within_from.iter().enumerate() {
                    if posted >= *from {
                        c.within[w] += 1;
                    }
                }
            }
            if all_but(3) {
                if let Some(slot) = c.employment.get_mut(employment as usize) {
                    *slot += 1;
                }
            }
            if all_but(4) {
                if let Some(o) = occupation {
                    *c.occupations.entry(o).or_default() += 1;
                }
            }
        }
    }

    fn harvest(self) -> Counts {
        self.counts
    }
}

/// The fast values the filters look at, one per document.
struct Columns {
    place: Arc<dyn ColumnValues<u64>>,
    municipality: Arc<dyn ColumnValues<u64>>,
    hours: Arc<dyn ColumnValues<f64>>,
    posted: Arc<dyn ColumnValues<u64>>,
    employment: Arc<dyn ColumnValues<u64>>,
    occupation: Arc<dyn ColumnValues<u64>>,
}

impl Columns {
    fn load(segment: &SegmentReader) -> tantivy::Result<Columns> {
        let fast = segment.fast_fields();
        Ok(Columns {
            place: dense(fast.u64("place")?),
            municipality: dense(fast.u64("municipality")?),
            hours: dense(fast.f64("hours")?),
            posted: dense(fast.u64("posted")?),
            employment: dense(fast.u64("employment")?),
            occupation: dense(fast.u64("occupation")?),
        })
    }

    fn pass(&self, f: &Filters, doc: DocId) -> bool {
        let m = Some(self.municipality.get_val(doc)).filter(|m| *m != 0);
        f.near_ok(self.place.get_val(doc), m)
            && f.place_ok(m)
            && f.time_ok(self.hours.get_val(doc))
            && f.posted_ok(self.posted.get_val(doc))
            && f.employment_ok(Some(self.employment.get_val(doc)))
            && f.occupation_ok(Some(self.occupation.get_val(doc)).filter(|o| *o != 0))
    }
}

/// Passes on only the documents every filter lets through, so the page, the
/// total and the facet counts come from one pass over the words' matches.
pub struct Filtered<C> {
    pub filters: Filters,
    pub inner: C,
}

pub struct FilteredSegment<S> {
    filters: Filters,
    columns: Columns,
    inner: S,
}

impl<C: Collector> Collector for Filtered<C> {
    type Fruit = C::Fruit;
    type Child = FilteredSegment<C::Child>;

    fn for_segment(&self, ord: SegmentOrdinal, segment: &SegmentReader) -> tantivy::Result<Self::Child> {
        Ok(FilteredSegment { filters: self.filters.clone(), columns: Columns::load(segment)?, inner: self.inner.for_segment(ord, segment)? })
    }

    fn requires_scoring(&self) -> bool {
        self.inner.requires_scoring()
    }

    fn merge_fruits(&self, fruits: Vec<<C::Child as SegmentCollector>::Fruit>) -> tantivy::Result<C::Fruit> {
        self.inner.merge_fruits(fruits)
    }
}

impl<S: SegmentCollector> SegmentCollector for FilteredSegment<S> {
    type Fruit = S::Fruit;

    fn collect(&mut self, doc: DocId, score: Score) {
        if self.columns.pass(&self.filters, doc) {
            self.inner.collect(doc, score);
        }
    }

    fn harvest(self) -> S::Fruit {
        self.inner.harvest()
    }
}
