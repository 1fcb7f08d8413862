//! Denmark's 98 municipalities, bundled with the app (see `app/data/municipalities.csv`).

use std::sync::OnceLock;

#[derive(Clone, Debug, PartialEq)]
pub struct Municipality {
    pub code: u16,
    pub name: &'static str,
    pub region: &'static str,
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

pub fn by_code(code: u16) -> Option<&'static Municipality> {
    all().iter().find(|m| m.code == code)
}

/// (code, name) pairs sorted by name, for a choice in a form.
pub fn options() -> Vec<(String, String)> {
    let mut all: Vec<(String, String)> = all().iter().map(|m| (m.code.to_string(), m.name.to_string())).collect();
    all.sort_by(|a, b| a.1.cmp(&b.1));
    all
}

fn parse_line(line: &'static str) -> Option<Municipality> {
    let mut f = line.split(';');
    Some(Municipality {
        code: f.next()?.parse().ok()?,
        name: f.next()?,
        region: f.next()?,
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
    fn there_are_98_municipalities_in_5_regions_inside_denmark() {
        let all = all();
        assert_eq!(all.len(), 98);
        let mut codes: Vec<u16> = all.iter().map(|m| m.code).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), 98, "codes are unique");
        let mut regions: Vec<&str> = all.iter().map(|m| m.region).collect();
        regions.sort();
        regions.dedup();
        assert_eq!(regions, ["Hovedstaden", "Midtjylland", "Nordjylland", "Sjælland", "Syddanmark"]);
        for m in all {
            assert!((54.5..57.8).contains(&m.lat) && (8.0..15.2).contains(&m.lon), "{m:?}");
            assert!(crate::domain::parse::postcode(m.postcode).is_ok(), "{m:?}");
        }
        assert_eq!(by_code(751).unwrap().name, "Aarhus");
    }
}
