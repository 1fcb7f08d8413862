//! Counting results per filter choice and filtering, in one pass over the
//! documents that match the words.
//!
//! A choice's count applies every other group's filter but not its own group's, so
//! "Aarhus (12)" stays true when Odense is ticked too. The place group holds both
//! regions and municipalities; the radius is not a choice and narrows every count.
//! Each document's fast values are read once: they give its counts and decide
//! whether it goes on to the page and the total.

use super::date_key;
use crate::domain::geo::Radius;
use crate::domain::municipality;
use crate::domain::vacancy::EmploymentType;
use crate::search::types::{regions, Facets, SearchQuery, TimeFilter, WITHIN_DAYS};
use chrono::{Duration, NaiveDate};
use std::sync::Arc;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, ColumnValues};
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

/// Municipality codes are below 1000 and postcodes below 10000, so sets of them
/// are tables of flags: one load per document instead of a hash lookup.
const MUNICIPALITY_CODES: usize = 1000;
const POSTCODES: usize = 10_000;

fn flags(values: impl IntoIterator<Item = u64>, size: usize) -> Arc<[bool]> {
    let mut out = vec![false; size];
    for v in values {
        if let Some(slot) = out.get_mut(v as usize) {
            *slot = true;
        }
    }
    out.into()
}

fn has(set: &[bool], v: u64) -> bool {
    set.get(v as usize).copied().unwrap_or(false)
}

/// What each group lets through, from the query.
#[derive(Clone, Debug)]
pub struct Filters {
    /// Municipalities the place group allows (`None`: no place chosen).
    pub places: Option<Arc<[bool]>>,
    /// The places within the radius (`None`: no radius).
    pub near: Option<Near>,
    pub time: Vec<TimeFilter>,
    /// Employment kinds (index numbers) and occupation codes allowed; empty: any.
    pub employment: Vec<u64>,
    pub occupations: Vec<u64>,
    /// Posted on or after this date key.
    pub posted_from: Option<u64>,
}

/// A radius as tables of the index's place values.
#[derive(Clone, Debug)]
pub struct Near {
    pub radius: Radius,
    /// Postcodes (the `place` value) within the radius.
    pub places: Arc<[bool]>,
    /// Municipalities whose main town is within, for vacancies without a known postcode.
    pub municipalities: Arc<[bool]>,
}

impl Near {
    fn new(radius: Radius) -> Near {
        let places = flags(radius.postcodes.iter().map(|p| u64::from(*p)), POSTCODES);
        let municipalities = flags(radius.municipalities.iter().map(|m| u64::from(*m)), MUNICIPALITY_CODES);
        Near { radius, places, municipalities }
    }

    /// Whether a vacancy at `place` (0: unknown postcode) in municipality `m` (0: none) is within.
    pub fn contains(&self, place: u64, m: u64) -> bool {
        if place == 0 {
            m != 0 && has(&self.municipalities, m)
        } else {
            has(&self.places, place)
        }
    }

    /// The postcodes within, for the query.
    pub fn postcodes(&self) -> impl Iterator<Item = u64> + '_ {
        self.radius.postcodes.iter().map(|p| u64::from(*p))
    }

    /// The municipalities within, for the query.
    pub fn municipality_codes(&self) -> impl Iterator<Item = u64> + '_ {
        self.radius.municipalities.iter().map(|m| u64::from(*m))
    }
}

impl Filters {
    pub fn new(q: &SearchQuery, today: NaiveDate) -> Filters {
        let places = (!q.municipalities.is_empty() || !q.regions.is_empty()).then(|| {
            let chosen = municipality::all().iter().filter(|m| q.municipalities.contains(&m.code) || q.regions.iter().any(|r| r == m.region));
            flags(chosen.map(|m| u64::from(m.code)), MUNICIPALITY_CODES)
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

    /// The municipalities the place group allows, for the query.
    pub fn place_codes(&self) -> Option<Vec<u64>> {
        self.places.as_ref().map(|p| p.iter().enumerate().filter(|(_, on)| **on).map(|(m, _)| m as u64).collect())
    }

    /// Each group's verdict on one document: place, time, posted, employment,
    /// occupation (the radius is not a group: it is checked first).
    fn verdicts(&self, d: &Doc) -> [bool; 5] {
        [
            self.places.as_ref().is_none_or(|p| d.municipality != 0 && has(p, d.municipality)),
            self.time.is_empty() || self.time.iter().any(|t| t.matches(d.hours)),
            self.posted_from.is_none_or(|from| d.posted >= from),
            self.employment.is_empty() || self.employment.contains(&d.employment),
            self.occupations.is_empty() || (d.occupation != 0 && self.occupations.contains(&d.occupation)),
        ]
    }
}

/// One document's fast values (0: none, for municipality, place and occupation).
struct Doc {
    place: u64,
    municipality: u64,
    hours: f64,
    posted: u64,
    employment: u64,
    occupation: u64,
}

/// A column read as one value per document (0 where a document has none).
fn dense<T: PartialOrd + Copy + std::fmt::Debug + Send + Sync + Default + 'static>(c: Column<T>) -> Arc<dyn ColumnValues<T>> {
    match c.index {
        tantivy::columnar::ColumnIndex::Full => c.values,
        _ => c.first_or_default_col(T::default()),
    }
}

/// The fast values the filters and counts look at.
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

    fn doc(&self, doc: DocId) -> Doc {
        Doc {
            place: self.place.get_val(doc),
            municipality: self.municipality.get_val(doc),
            hours: self.hours.get_val(doc),
            posted: self.posted.get_val(doc),
            employment: self.employment.get_val(doc),
            occupation: self.occupation.get_val(doc),
        }
    }
}

/// Counts per choice, in one segment or merged.
pub struct Counts {
    /// By municipality code.
    municipalities: Vec<u64>,
    full: u64,
    part: u64,
    within: Vec<u64>,
    employment: [u64; 4],
    /// By position in `occupation_codes` (sorted), so counting is an index.
    occupations: Vec<u64>,
}

impl Counts {
    fn new(windows: usize, occupations: usize) -> Counts {
        Counts {
            municipalities: vec![0; MUNICIPALITY_CODES],
            full: 0,
            part: 0,
            within: vec![0; windows],
            employment: [0; 4],
            occupations: vec![0; occupations],
        }
    }

    fn add(&mut self, other: &Counts) {
        let pairs = [(&mut self.municipalities, &other.municipalities), (&mut self.within, &other.within), (&mut self.occupations, &other.occupations)];
        for (mine, theirs) in pairs {
            for (a, b) in mine.iter_mut().zip(theirs) {
                *a += b;
            }
        }
        self.full += other.full;
        self.part += other.part;
        for (a, b) in self.employment.iter_mut().zip(other.employment) {
            *a += b;
        }
    }
}

/// Facet counts over the words' matches, passing the documents every filter lets
/// through on to `inner` (the page and the total).
pub struct Faceted<C> {
    pub filters: Filters,
    /// Date keys from which a vacancy counts as posted within each of `WITHIN_DAYS`.
    within_from: Vec<(u32, u64)>,
    /// The bundled occupations' codes, sorted.
    occupation_codes: Arc<[u64]>,
    pub inner: C,
}

impl<C> Faceted<C> {
    pub fn new(filters: Filters, today: NaiveDate, inner: C) -> Faceted<C> {
        let within_from = WITHIN_DAYS.iter().map(|d| (*d, date_key(today - Duration::days(i64::from(*d) - 1)))).collect();
        let mut codes: Vec<u64> = crate::domain::occupation::all().iter().filter_map(|o| o.code.parse().ok()).collect();
        codes.sort_unstable();
        codes.dedup();
        Faceted { filters, within_from, occupation_codes: codes.into(), inner }
    }
}

/// The counting of one segment.
struct Tally {
    filters: Filters,
    within_from: Vec<(u32, u64)>,
    occupation_codes: Arc<[u64]>,
    counts: Counts,
}

impl Tally {
    fn new<C>(f: &Faceted<C>) -> Tally {
        Tally {
            filters: f.filters.clone(),
            within_from: f.within_from.clone(),
            occupation_codes: f.occupation_codes.clone(),
            counts: Counts::new(f.within_from.len(), f.occupation_codes.len()),
        }
    }

    /// Counts the document and says whether every filter lets it through.
    fn add(&mut self, d: &Doc) -> bool {
        if self.filters.near.as_ref().is_some_and(|n| !n.contains(d.place, d.municipality)) {
            return false;
        }
        let ok = self.filters.verdicts(&d);
        let failing = ok.iter().filter(|pass| !**pass).count();
        if failing > 1 {
            return false;
        }
        // Each group's counts apply every group's filter but its own.
        let all_but = |g: usize| failing == 0 || !ok[g];
        let c = &mut self.counts;
        if all_but(0) && d.municipality != 0 {
            if let Some(slot) = c.municipalities.get_mut(d.municipality as usize) {
                *slot += 1;
            }
        }
        if all_but(1) {
            if TimeFilter::Full.matches(d.hours) {
                c.full += 1;
            } else {
                c.part += 1;
            }
        }
        if all_but(2) {
            for (w, (_, from)) in self.within_from.iter().enumerate() {
                if d.posted >= *from {
                    c.within[w] += 1;
                }
            }
        }
        if all_but(3) {
            if let Some(slot) = c.employment.get_mut(d.employment as usize) {
                *slot += 1;
            }
        }
        if all_but(4) && d.occupation != 0 {
            if let Ok(i) = self.occupation_codes.binary_search(&d.occupation) {
                c.occupations[i] += 1;
            }
        }
        failing == 0
    }
}

pub struct FacetedSegment<S> {
    tally: Tally,
    columns: Columns,
    inner: S,
}

impl<C: Collector> Collector for Faceted<C> {
    type Fruit = (Facets, C::Fruit);
    type Child = FacetedSegment<C::Child>;

    fn for_segment(&self, ord: SegmentOrdinal, segment: &SegmentReader) -> tantivy::Result<Self::Child> {
        Ok(FacetedSegment { tally: Tally::new(self), columns: Columns::load(segment)?, inner: self.inner.for_segment(ord, segment)? })
    }

    fn requires_scoring(&self) -> bool {
        self.inner.requires_scoring()
    }

    fn merge_fruits(&self, parts: Vec<(Counts, <C::Child as SegmentCollector>::Fruit)>) -> tantivy::Result<Self::Fruit> {
        let mut all = Counts::new(self.within_from.len(), self.occupation_codes.len());
        let mut inner = Vec::with_capacity(parts.len());
        for (counts, fruit) in parts {
            all.add(&counts);
            inner.push(fruit);
        }
        Ok((self.facets(&all), self.inner.merge_fruits(inner)?))
    }
}

impl<C> Faceted<C> {
    fn facets(&self, all: &Counts) -> Facets {
        let mut municipalities: Vec<(u16, u64)> =
            all.municipalities.iter().enumerate().filter(|(_, n)| **n > 0).filter_map(|(m, n)| Some((u16::try_from(m).ok()?, *n))).collect();
        let region_count = |r: &str| {
            municipalities.iter().filter(|(m, _)| municipality::by_code(*m).is_some_and(|x| x.region == r)).map(|(_, n)| n).sum::<u64>()
        };
        let regions = regions().iter().map(|r| (r.to_string(), region_count(r))).collect();
        municipalities.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let mut occupations: Vec<(String, u64)> =
            self.occupation_codes.iter().zip(&all.occupations).filter(|(_, n)| **n > 0).map(|(c, n)| (format!("{c:06}"), *n)).collect();
        occupations.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        Facets {
            regions,
            municipalities,
            full_time: all.full,
            part_time: all.part,
            within: self.within_from.iter().map(|(d, _)| *d).zip(all.within.iter().copied()).collect(),
            employment: EmploymentType::ALL.iter().map(|e| (*e, all.employment[e.index() as usize])).collect(),
            occupations,
        }
    }
}

impl<S: SegmentCollector> SegmentCollector for FacetedSegment<S> {
    type Fruit = (Counts, S::Fruit);

    fn collect(&mut self, doc: DocId, score: Score) {
        if self.tally.add(&self.columns.doc(doc)) {
            self.inner.collect(doc, score);
        }
    }

    fn harvest(self) -> Self::Fruit {
        (self.tally.counts, self.inner.harvest())
    }
}

