//! Denmark's regions as they are on a given date. From 1 January 2027 Region
//! Hovedstaden and Region Sjælland are one region, Region Østdanmark (overgangsloven,
//! lov nr. 699 af 20. juni 2025), leaving four. Which regions exist, and which region
//! a municipality lies in, are always asked for a date, so nothing changes by
//! accident on the day and tests can stand on either side of it.

use crate::i18n::Lang;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Region {
    Hovedstaden,
    Sjaelland,
    Oestdanmark,
    Syddanmark,
    Midtjylland,
    Nordjylland,
}

/// One region's facts: how the address writes it, its official names, the days it
/// exists (both ends included; `None` is open) and what it became.
struct Facts {
    code: &'static str,
    da: &'static str,
    en: &'static str,
    from: Option<NaiveDate>,
    until: Option<NaiveDate>,
    successor: Option<Region>,
}

/// The first day of Region Østdanmark.
pub const REFORM_2027: NaiveDate = match NaiveDate::from_ymd_opt(2027, 1, 1) {
    Some(d) => d,
    None => panic!("a valid date"),
};
const LAST_DAY_BEFORE_2027: NaiveDate = match NaiveDate::from_ymd_opt(2026, 12, 31) {
    Some(d) => d,
    None => panic!("a valid date"),
};

impl Region {
    /// Every region that has existed since 2007, in the order shown (east to west).
    pub const ALL: [Region; 6] =
        [Region::Oestdanmark, Region::Hovedstaden, Region::Sjaelland, Region::Syddanmark, Region::Midtjylland, Region::Nordjylland];

    fn facts(self) -> Facts {
        let merged =
            |code, da, en| Facts { code, da, en, from: None, until: Some(LAST_DAY_BEFORE_2027), successor: Some(Region::Oestdanmark) };
        let lasting = |code, da, en| Facts { code, da, en, from: None, until: None, successor: None };
        match self {
            Region::Hovedstaden => merged("Hovedstaden", "Region Hovedstaden", "Capital Region of Denmark"),
            Region::Sjaelland => merged("Sjælland", "Region Sjælland", "Region Zealand"),
            Region::Oestdanmark => Facts {
                code: "Østdanmark",
                da: "Region Østdanmark",
                en: "Region of Eastern Denmark",
                from: Some(REFORM_2027),
                until: None,
                successor: None,
            },
            Region::Syddanmark => lasting("Syddanmark", "Region Syddanmark", "Region of Southern Denmark"),
            Region::Midtjylland => lasting("Midtjylland", "Region Midtjylland", "Central Denmark Region"),
            Region::Nordjylland => lasting("Nordjylland", "Region Nordjylland", "North Denmark Region"),
        }
    }

    /// How a page address and a saved search write it (`region=Sjælland`).
    pub fn code(self) -> &'static str {
        self.facts().code
    }

    /// The official name, as a label: "Region Østdanmark", "Region of Eastern Denmark".
    pub fn name(self, lang: Lang) -> &'static str {
        let f = self.facts();
        match lang {
            Lang::Da => f.da,
            Lang::En => f.en,
        }
    }

    /// The first day of the region, when it was made after 2007.
    pub fn since(self) -> Option<NaiveDate> {
        self.facts().from
    }

    /// Whether the region exists on `date`.
    pub fn exists_on(self, date: NaiveDate) -> bool {
        let f = self.facts();
        f.from.is_none_or(|from| from <= date) && f.until.is_none_or(|until| date <= until)
    }

    /// The regions in force on `date`, in the order shown.
    pub fn in_force(date: NaiveDate) -> Vec<Region> {
        Region::ALL.into_iter().filter(|r| r.exists_on(date)).collect()
    }

    /// What this region is on `date`: itself, or what it became.
    pub fn on(self, date: NaiveDate) -> Region {
        let mut r = self;
        while !r.exists_on(date) {
            match r.facts().successor {
                Some(next) if next.facts().from.is_none_or(|from| from <= date) => r = next,
                _ => break,
            }
        }
        r
    }

    /// Whether a search for `self` includes places of `other`: the same region, or
    /// one became the other. An old address (`region=Sjælland`) after the merger
    /// means Østdanmark; a new one before it means both regions that will form it.
    pub fn covers(self, other: Region) -> bool {
        self == other || self.facts().successor == Some(other) || other.facts().successor == Some(self)
    }

    /// A region as a person or an address writes it: the code ("Sjælland"), the
    /// official name in either language, or without Danish letters ("sjaelland").
    pub fn parse(text: &str) -> Option<Region> {
        let wanted = super::parse::fold(text.trim());
        let wanted = wanted.strip_prefix("region ").unwrap_or(&wanted);
        Region::ALL.into_iter().find(|r| {
            let f = r.facts();
            [f.code, f.da, f.en].iter().any(|name| {
                let name = super::parse::fold(name);
                name == wanted || name.strip_prefix("region ") == Some(wanted)
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::municipality;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn five_regions_until_new_year_2027_and_four_from_then() {
        use Region::*;
        assert_eq!(Region::in_force(day(2026, 12, 31)), [Hovedstaden, Sjaelland, Syddanmark, Midtjylland, Nordjylland]);
        assert_eq!(Region::in_force(day(2027, 1, 1)), [Oestdanmark, Syddanmark, Midtjylland, Nordjylland]);
        assert_eq!(Region::in_force(day(2007, 1, 1)).len(), 5);
    }

    #[test]
    fn each_municipality_has_one_region_in_force_on_each_day() {
        for date in [day(2026, 12, 31), day(2027, 1, 1), day(2040, 6, 1)] {
            let in_force = Region::in_force(date);
            for m in municipality::all() {
                assert!(in_force.contains(&m.region_on(date)), "{} on {date}", m.name);
            }
        }
        let east = |date| municipality::all().iter().filter(|m| m.region_on(date) == Region::Oestdanmark).count();
        assert_eq!(east(day(2026, 12, 31)), 0);
        assert_eq!(east(day(2027, 1, 1)), 46, "the law's 46 municipalities");
        let bornholm = municipality::by_code(400).unwrap();
        assert_eq!(
            (bornholm.region_on(day(2026, 12, 31)), bornholm.region_on(day(2027, 1, 1))),
            (Region::Hovedstaden, Region::Oestdanmark)
        );
        let aarhus = municipality::by_code(751).unwrap();
        assert_eq!(aarhus.region_on(day(2027, 1, 1)), Region::Midtjylland);
    }

    #[test]
    fn old_names_map_forward_and_new_names_cover_the_old() {
        assert_eq!(Region::Sjaelland.on(day(2026, 12, 31)), Region::Sjaelland);
        assert_eq!(Region::Sjaelland.on(day(2027, 1, 1)), Region::Oestdanmark);
        assert_eq!(Region::Hovedstaden.on(day(2027, 1, 1)), Region::Oestdanmark);
        assert_eq!(Region::Oestdanmark.on(day(2026, 1, 1)), Region::Oestdanmark, "not before; covers() handles it");
        assert!(Region::Sjaelland.covers(Region::Oestdanmark) && Region::Oestdanmark.covers(Region::Hovedstaden));
        assert!(!Region::Sjaelland.covers(Region::Hovedstaden) && !Region::Oestdanmark.covers(Region::Syddanmark));
    }

    #[test]
    fn regions_are_read_as_people_and_addresses_write_them() {
        for (text, region) in [
            ("Sjælland", Region::Sjaelland),
            ("sjaelland", Region::Sjaelland),
            ("Region Sjælland", Region::Sjaelland),
            ("Østdanmark", Region::Oestdanmark),
            ("Region of Eastern Denmark", Region::Oestdanmark),
            (" hovedstaden ", Region::Hovedstaden),
            ("Capital Region of Denmark", Region::Hovedstaden),
        ] {
            assert_eq!(Region::parse(text), Some(region), "{text}");
        }
        assert_eq!(Region::parse("Atlantis"), None);
        assert_eq!(Region::parse(""), None);
        for r in Region::ALL {
            assert_eq!(Region::parse(r.code()), Some(r));
            assert_eq!(Region::parse(r.name(Lang::En)), Some(r));
        }
        assert_eq!(Region::Oestdanmark.name(Lang::Da), "Region Østdanmark");
    }
}
