//! Denmark's 98 municipalities, bundled with the app (see `app/data/municipalities.csv`).

use super::region::Region;
use crate::i18n::Lang;
use chrono::NaiveDate;
use std::sync::OnceLock;

#[derive(Clone, Debug, PartialEq)]
pub struct Municipality {
    pub code: u16,
    /// The short name ("København"); `official_name` for labels.
    pub name: &'static str,
    /// The region from the 2007 reform. Ask `region_on(date)` for the one in force.
    pub region_2007: Region,
    /// Postcode and name of the main town.
    pub postcode: &'static str,
    pub town: &'static str,
    pub lat: f64,
    pub lon: f64,
    pub population_thousands: u32,
}

const DATA: &str = include_str!("../../data/municipalities.csv");

/// All municipalities, in the order of the data file.
pub fn all() -> &'static [Municipality] {
    static ALL: OnceLock<Vec<Municipality>> = OnceLock::new();
    ALL.get_or_init(|| super::parse::data_rows(DATA, "municipality", parse_line))
}

impl Municipality {
    /// The region it lies in on `date`.
    pub fn region_on(&self, date: NaiveDate) -> Region {
        self.region_2007.on(date)
    }

    /// The name as the municipality writes it: "Københavns Kommune", "Bornholms
    /// Regionskommune", "Aarhus Kommune"; in English "Copenhagen Municipality".
    pub fn official_name(&self, lang: Lang) -> String {
        match (self.code, lang) {
            (101, Lang::Da) => "Københavns Kommune".into(),
            (101, Lang::En) => "Copenhagen Municipality".into(),
            (400, Lang::Da) => "Bornholms Regionskommune".into(),
            (400, Lang::En) => "Bornholm Regional Municipality".into(),
            (_, Lang::Da) => format!("{} Kommune", self.name),
            (_, Lang::En) => format!("{} Municipality", self.name),
        }
    }
}

pub fn by_code(code: u16) -> Option<&'static Municipality> {
    all().iter().find(|m| m.code == code)
}

/// (code, official name) pairs in Danish alphabetical order (the data file's,
/// checked by the server's collation test; in English too, as the names are
/// Danish), for a choice in a form.
pub fn options(lang: Lang) -> Vec<(String, String)> {
    all().iter().map(|m| (m.code.to_string(), m.official_name(lang))).collect()
}

fn parse_line(line: &'static str) -> Option<Municipality> {
    let mut f = line.split(';');
    Some(Municipality {
        code: f.next()?.parse().ok()?,
        name: f.next()?,
        region_2007: Region::parse(f.next()?)?,
        postcode: f.next()?,
        town: f.next()?,
        lat: f.next()?.parse().ok()?,
        lon: f.next()?.parse().ok()?,
        population_thousands: f.next()?.parse().ok()?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn there_are_98_municipalities_in_the_regions_of_2007_inside_denmark() {
        let all = all();
        assert_eq!(all.len(), 98);
        let mut codes: Vec<u16> = all.iter().map(|m| m.code).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), 98, "codes are unique");
        let mut regions: Vec<Region> = all.iter().map(|m| m.region_2007).collect();
        regions.sort();
        regions.dedup();
        use Region::*;
        assert_eq!(regions, [Hovedstaden, Sjaelland, Syddanmark, Midtjylland, Nordjylland], "the five of 2007–2026");
        for m in all {
            assert!((54.5..57.8).contains(&m.lat) && (8.0..15.2).contains(&m.lon), "{m:?}");
            assert!(crate::parse::postcode(m.postcode).is_ok(), "{m:?}");
        }
        assert_eq!(by_code(751).unwrap().name, "Aarhus");
    }

    #[test]
    fn official_names_as_danes_write_them() {
        let name = |code, lang| by_code(code).unwrap().official_name(lang);
        assert_eq!(name(101, Lang::Da), "Københavns Kommune");
        assert_eq!(name(147, Lang::Da), "Frederiksberg Kommune");
        assert_eq!(name(400, Lang::Da), "Bornholms Regionskommune");
        assert_eq!(name(751, Lang::Da), "Aarhus Kommune");
        assert_eq!(name(101, Lang::En), "Copenhagen Municipality");
        assert_eq!(name(400, Lang::En), "Bornholm Regional Municipality");
    }
}
