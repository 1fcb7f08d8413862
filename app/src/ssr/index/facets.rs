//! Counting results per filter choice and filtering, in one pass over the
//! documents that match the words.
//!
//! A choice's count applies every other group's filter but not its own group's, so
//! "Aarhus (12)" stays true when Odense is ticked too. The place group holds both
//! regions and municipalities; the radius is not a choice and narrows every count.
//! Each document's values are one fast number (`pack`), read once: it gives the
//! document's counts and decides whether it goes on to the page and the total.
//!
//! A vacancy's place is a *place id*: its postcode when the municipality was
//! taken from it (a postcode may cover parts of several municipalities, and the
//! vacancy may lie in any of them), else its municipality. `PlaceTable` says which
//! municipalities each id covers, from the bundled postcode list at the time of
//! the search, so a corrected list needs no new index. A vacancy at a shared
//! postcode counts once in each municipality it covers and once in each region.

use crate::domain::geo::Radius;
use crate::domain::municipality;
use crate::domain::region::Region;
use crate::domain::search::{Facets, SearchQuery, TimeFilter, WITHIN_DAYS};
use crate::domain::vacancy::EmploymentType;
use chrono::{Datelike, NaiveDate};
use std::sync::Arc;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, ColumnValues};
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

/// Municipality codes are below 1000, so a set of them is a table of flags: one
/// load per document instead of a hash lookup.
pub(super) const MUNICIPALITY_CODES: usize = 1000;

/// Place ids: 0 none, a municipality code (below 1000), or 1000 + a postcode.
pub(super) const PLACE_IDS: usize = 11_000;

/// A vacancy's place id (see the module's notes).
pub fn place_id(postcode: &str, municipality: Option<u16>) -> u64 {
    match (crate::domain::postcode::from_text(postcode), municipality) {
        (Some(p), m) if m.is_none_or(|m| m == p.municipality) => 1000 + u64::from(p.number),
        (_, m) => m.map_or(0, u64::from),
    }
}

/// What each place id covers. Counting goes by *slot*: a municipality code's slot
/// is the code, and each postcode that covers several municipalities has one of
/// its own above them; any other postcode counts in its municipality's slot.
pub(super) struct PlaceTable {
    /// By place id.
    slot: Vec<u16>,
    /// By slot: the municipalities it covers.
    municipalities: Vec<Vec<u16>>,
}

impl PlaceTable {
    pub(super) fn get() -> &'static PlaceTable {
        static TABLE: std::sync::OnceLock<PlaceTable> = std::sync::OnceLock::new();
        TABLE.get_or_init(|| {
            let mut slot: Vec<u16> = (0..PLACE_IDS).map(|id| if id < MUNICIPALITY_CODES { id as u16 } else { 0 }).collect();
            let mut municipalities: Vec<Vec<u16>> = (0..MUNICIPALITY_CODES as u16).map(|m| vec![m]).collect();
            municipalities[0].clear();
            for p in crate::domain::postcode::all() {
                let own = if p.also.is_empty() {
                    p.municipality
                } else {
                    municipalities.push(p.municipalities().collect());
                    (municipalities.len() - 1) as u16
                };
                for n in p.number..=p.last {
                    if let Some(s) = slot.get_mut(1000 + usize::from(n)) {
                        *s = own;
                    }
                }
            }
            PlaceTable { slot, municipalities }
        })
    }

    pub(super) fn slots(&self) -> usize {
        self.municipalities.len()
    }

    pub(super) fn slot(&self, place: u64) -> usize {
        self.slot.get(place as usize).map_or(0, |s| usize::from(*s))
    }

    /// Every place id that covers one of `chosen` (flags by municipality code):
    /// the municipalities, and each postcode covering one of them (the same
    /// municipalities its slot covers, looked up per postcode, not per id).
    fn ids_covering(chosen: &[bool]) -> Vec<u64> {
        let mut ids: Vec<u64> = (1..MUNICIPALITY_CODES as u64).filter(|m| has(chosen, *m)).collect();
        for p in crate::domain::postcode::all() {
            if p.municipalities().any(|m| has(chosen, u64::from(m))) {
                ids.extend((p.number..=p.last).map(|n| 1000 + u64::from(n)));
            }
        }
        ids
    }
}

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
    /// Place ids the place group allows (`None`: no place chosen); below 1000,
    /// the municipalities chosen.
    pub places: Option<Arc<[bool]>>,
    /// The places within the radius (`None`: no radius).
    pub near: Option<Near>,
    pub time: Vec<TimeFilter>,
    /// Employment kinds (index numbers) and occupation codes allowed; empty: any.
    pub employment: Vec<u64>,
    pub occupations: Vec<u64>,
    /// Posted on or after this day number.
    pub posted_from: Option<u64>,
}

/// A radius: the postcodes and municipality towns within it. The query holds it
/// (it narrows every count), so the collector never looks at it.
#[derive(Clone, Debug)]
pub struct Near {
    pub radius: Radius,
}

impl Near {
    /// The postcodes within, for the query.
    pub fn postcodes(&self) -> impl Iterator<Item = u64> + '_ {
        self.radius.postcodes.iter().map(|p| u64::from(*p))
    }

    /// The municipalities whose main town is within, for the query.
    pub fn municipality_codes(&self) -> impl Iterator<Item = u64> + '_ {
        self.radius.municipalities.iter().map(|m| u64::from(*m))
    }
}

/// Days since 1 January 2000: a posting date in 16 bits.
pub fn day_number(d: NaiveDate) -> u64 {
    /// 1 January 2000, counted from the start of the common era as chrono counts.
    const EPOCH_FROM_CE: i64 = 730_120;
    (i64::from(d.num_days_from_ce()) - EPOCH_FROM_CE).clamp(0, 0xFFFF) as u64
}

/// The place id's bits in the packed value.
pub(super) const PLACE_MASK: u64 = 0x3FFF;

/// The values facet counting looks at, in one u64: place id (14 bits),
/// employment (2), posted day (16), tenths of weekly hours (9) and occupation code
/// (20). Reading one fast value per document instead of five is most of the speed.
pub fn pack(d: &Doc) -> u64 {
    let tenths = (d.hours * 10.0).round().clamp(0.0, 511.0) as u64;
    (d.place & PLACE_MASK) | (d.employment & 0x3) << 14 | (d.posted & 0xFFFF) << 16 | tenths << 32 | (d.occupation & 0xF_FFFF) << 41
}

fn unpack(v: u64) -> Doc {
    Doc {
        place: v & PLACE_MASK,
        employment: (v >> 14) & 0x3,
        posted: (v >> 16) & 0xFFFF,
        hours: ((v >> 32) & 0x1FF) as f64 / 10.0,
        occupation: (v >> 41) & 0xF_FFFF,
    }
}

/// The first day of the last `days` days up to `today`; checked, so no number of
/// days can overflow the calendar.
fn days_before(today: NaiveDate, days: u32) -> NaiveDate {
    today.checked_sub_days(chrono::Days::new(u64::from(days.saturating_sub(1)))).unwrap_or(NaiveDate::MIN)
}

impl Filters {
    pub fn new(q: &SearchQuery, today: NaiveDate) -> Filters {
        let places = (!q.municipalities.is_empty() || !q.regions.is_empty()).then(|| {
            let chosen = municipality::all()
                .iter()
                .filter(|m| q.municipalities.contains(&m.code) || q.regions.iter().any(|r| r.covers(m.region_on(today))));
            let chosen = flags(chosen.map(|m| u64::from(m.code)), MUNICIPALITY_CODES);
            flags(PlaceTable::ids_covering(&chosen), PLACE_IDS)
        });
        let near = q.near.map(|place| Near { radius: Radius::new(place, f64::from(q.km)) });
        let posted_from = q.within_days.map(|d| day_number(days_before(today, d)));
        Filters {
            places,
            near,
            time: q.time.clone(),
            employment: q.employment.iter().map(|e| e.index()).collect(),
            occupations: q.occupations.iter().filter_map(|o| o.parse().ok()).collect(),
            posted_from,
        }
    }

    /// The place ids the place group allows, for the query.
    pub fn place_ids(&self) -> Option<Vec<u64>> {
        self.places.as_ref().map(|p| p.iter().enumerate().filter(|(_, on)| **on).map(|(m, _)| m as u64).collect())
    }

    /// The municipalities the place group allows, for the query.
    pub fn place_codes(&self) -> Option<Vec<u64>> {
        self.place_ids().map(|ids| ids.into_iter().filter(|id| *id < MUNICIPALITY_CODES as u64).collect())
    }

    /// Each group's verdict on one document: place, time, posted, employment,
    /// occupation.
    fn verdicts(&self, d: &Doc) -> [bool; 5] {
        [
            self.places.as_ref().is_none_or(|p| d.place != 0 && has(p, d.place)),
            self.time.is_empty() || self.time.iter().any(|t| t.matches(d.hours)),
            self.posted_from.is_none_or(|from| d.posted >= from),
            self.employment.is_empty() || self.employment.contains(&d.employment),
            self.occupations.is_empty() || (d.occupation != 0 && self.occupations.contains(&d.occupation)),
        ]
    }
}

/// One document's values for counting (0: none, for place and occupation).
#[derive(Clone, Debug, PartialEq)]
pub struct Doc {
    /// See `place_id`.
    pub place: u64,
    pub hours: f64,
    /// `day_number` of the posting date.
    pub posted: u64,
    pub employment: u64,
    pub occupation: u64,
}

/// The packed values, one per document (0 where a document has none).
struct Columns {
    packed: Arc<dyn ColumnValues<u64>>,
}

impl Columns {
    fn load(segment: &SegmentReader) -> tantivy::Result<Columns> {
        let c: Column<u64> = segment.fast_fields().u64("packed")?;
        let packed = match c.index {
            tantivy::columnar::ColumnIndex::Full => c.values,
            _ => c.first_or_default_col(0),
        };
        Ok(Columns { packed })
    }

    fn doc(&self, doc: DocId) -> Doc {
        unpack(self.packed.get_val(doc))
    }
}

/// Counts per choice, in one segment or merged.
pub struct Counts {
    /// By place slot (see `PlaceTable`).
    places: Vec<u64>,
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
            places: vec![0; PlaceTable::get().slots()],
            full: 0,
            part: 0,
            within: vec![0; windows],
            employment: [0; 4],
            occupations: vec![0; occupations],
        }
    }

    fn add(&mut self, other: &Counts) {
        let pairs = [(&mut self.places, &other.places), (&mut self.within, &other.within), (&mut self.occupations, &other.occupations)];
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
    /// Day numbers from which a vacancy counts as posted within each of `WITHIN_DAYS`.
    within_from: Vec<(u32, u64)>,
    /// The bundled occupations' codes, sorted.
    occupation_codes: Arc<[u64]>,
    /// The regions in force on the day searched, and each municipality code's region then.
    regions: (Vec<Region>, Vec<Option<Region>>),
    pub inner: C,
}

/// The regions in force on `date`, and a table from municipality code to its region.
pub(super) fn region_table(date: NaiveDate) -> (Vec<Region>, Vec<Option<Region>>) {
    let mut by_code = vec![None; MUNICIPALITY_CODES];
    for m in municipality::all() {
        if let Some(slot) = by_code.get_mut(usize::from(m.code)) {
            *slot = Some(m.region_on(date));
        }
    }
    (Region::in_force(date), by_code)
}

/// Regions with their counts, and municipalities with theirs.
pub(super) type PlaceCounts = (Vec<(Region, u64)>, Vec<(u16, u64)>);

/// From counts per place slot (see `PlaceTable`; the first thousand are
/// municipality codes): every region in `regions` (those in force, and each
/// municipality's) with its count, and the municipalities with results, most
/// first. A slot covering several municipalities counts in each, and once in each
/// of their regions.
pub(super) fn place_counts(by_slot: &[u64], regions: &(Vec<Region>, Vec<Option<Region>>)) -> PlaceCounts {
    let table = PlaceTable::get();
    let mut by_code = vec![0u64; MUNICIPALITY_CODES];
    let mut in_force: Vec<(Region, u64)> = regions.0.iter().map(|r| (*r, 0)).collect();
    for (slot, n) in by_slot.iter().enumerate().filter(|(_, n)| **n > 0) {
        let covered = table.municipalities.get(slot).map_or(&[][..], Vec::as_slice);
        for m in covered {
            if let Some(c) = by_code.get_mut(usize::from(*m)) {
                *c += n;
            }
        }
        for (r, count) in in_force.iter_mut() {
            if covered.iter().any(|m| regions.1.get(usize::from(*m)) == Some(&Some(*r))) {
                *count += n;
            }
        }
    }
    let mut municipalities: Vec<(u16, u64)> =
        by_code.iter().enumerate().filter(|(_, n)| **n > 0).filter_map(|(m, n)| Some((u16::try_from(m).ok()?, *n))).collect();
    municipalities.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    (in_force, municipalities)
}

/// Occupation codes with results, as six-digit codes, most first.
pub(super) fn ranked_occupations(counts: impl Iterator<Item = (u64, u64)>) -> Vec<(String, u64)> {
    let mut out: Vec<(String, u64)> = counts.filter(|(_, n)| *n > 0).map(|(c, n)| (format!("{c:06}"), n)).collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    out
}

impl<C> Faceted<C> {
    pub fn new(filters: Filters, today: NaiveDate, inner: C) -> Faceted<C> {
        let within_from = WITHIN_DAYS.iter().map(|d| (*d, day_number(days_before(today, *d)))).collect();
        let mut codes: Vec<u64> = crate::domain::occupation::all().iter().filter_map(|o| o.code.parse().ok()).collect();
        codes.sort_unstable();
        codes.dedup();
        Faceted { filters, within_from, occupation_codes: codes.into(), regions: region_table(today), inner }
    }
}

/// The counting of one segment.
struct Tally {
    filters: Filters,
    places: &'static PlaceTable,
    within_from: Vec<(u32, u64)>,
    occupation_codes: Arc<[u64]>,
    counts: Counts,
}

impl Tally {
    fn new<C>(f: &Faceted<C>) -> Tally {
        Tally {
            filters: f.filters.clone(),
            places: PlaceTable::get(),
            within_from: f.within_from.clone(),
            occupation_codes: f.occupation_codes.clone(),
            counts: Counts::new(f.within_from.len(), f.occupation_codes.len()),
        }
    }

    /// Counts the document and says whether every filter lets it through.
    fn add(&mut self, d: &Doc) -> bool {
        let ok = self.filters.verdicts(d);
        let failing = ok.iter().filter(|pass| !**pass).count();
        if failing > 1 {
            return false;
        }
        // Each group's counts apply every group's filter but its own.
        let all_but = |g: usize| failing == 0 || !ok[g];
        let c = &mut self.counts;
        if all_but(0) && d.place != 0 {
            if let Some(slot) = c.places.get_mut(self.places.slot(d.place)) {
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
        let (regions, municipalities) = place_counts(&all.places, &self.regions);
        let occupations = ranked_occupations(self.occupation_codes.iter().copied().zip(all.occupations.iter().copied()));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_values_round_trip() {
        for d in [
            Doc {
                place: 1000 + 8000,
                hours: 32.5,
                posted: day_number(NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()),
                employment: 3,
                occupation: 234210,
            },
            Doc { place: 0, hours: 48.0, posted: 0, employment: 0, occupation: 0 },
            Doc { place: 999, hours: 0.5, posted: 0xFFFF, employment: 1, occupation: 999_999 },
            Doc { place: 1000 + 9990, hours: 0.5, posted: 0xFFFF, employment: 3, occupation: 999_999 },
        ] {
            assert_eq!(unpack(pack(&d)), d);
        }
        assert_eq!(day_number(NaiveDate::from_ymd_opt(2000, 1, 2).unwrap()), 1);
    }
}
