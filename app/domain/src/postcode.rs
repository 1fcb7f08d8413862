//! Danish postcodes, bundled with the app (see `app/data/postcodes.csv`): the
//! place a vacancy lies in, and the centre of a radius search.

use super::municipality;
use std::sync::OnceLock;

#[derive(Clone, Debug, PartialEq)]
pub struct Postcode {
    /// The first number; Copenhagen's street postcodes are ranges up to `last`.
    pub number: u16,
    pub last: u16,
    pub name: &'static str,
    /// The municipality most of its addresses lie in.
    pub municipality: u16,
    pub lat: f64,
    pub lon: f64,
    /// The other municipalities parts of it lie in (most postcodes: none).
    pub also: Vec<u16>,
}

impl Postcode {
    /// "8000 Aarhus C"; for a range, its first number.
    pub fn label(&self) -> String {
        format!("{} {}", self.number, self.name)
    }

    /// Every municipality it covers, the main one first.
    pub fn municipalities(&self) -> impl Iterator<Item = u16> + '_ {
        std::iter::once(self.municipality).chain(self.also.iter().copied())
    }
}

/// The municipalities a workplace may lie in, from its postcode and the
/// municipality it was given: every one the postcode covers when the given one
/// is the postcode's main municipality (it was most likely taken from the
/// postcode, so the address may lie in any of them) or none was given; else the
/// given one alone (it was chosen, or the postcode is unknown).
pub fn municipalities_of(postcode: &str, municipality: Option<u16>) -> Vec<u16> {
    match (from_text(postcode), municipality) {
        (Some(p), None) => p.municipalities().collect(),
        (Some(p), Some(m)) if m == p.municipality => p.municipalities().collect(),
        (_, Some(m)) => vec![m],
        (None, None) => Vec::new(),
    }
}

const DATA: &str = include_str!("../../data/postcodes.csv");

pub fn all() -> &'static [Postcode] {
    static ALL: OnceLock<Vec<Postcode>> = OnceLock::new();
    ALL.get_or_init(|| super::parse::data_rows(DATA, "postcode", parse_line))
}

/// The postcode `number` belongs to (1050 is in København K's range).
pub fn lookup(number: u16) -> Option<&'static Postcode> {
    // Sorted by number, so a binary search finds the range that starts at or before it.
    let all = all();
    let i = all.partition_point(|p| p.number <= number).checked_sub(1)?;
    Some(&all[i]).filter(|p| number <= p.last)
}

/// The postcode a form's text names ("8000", "DK-8000"), if it is a real one.
pub fn from_text(text: &str) -> Option<&'static Postcode> {
    super::parse::postcode(text).ok()?.parse().ok().and_then(lookup)
}

fn parse_line(line: &'static str) -> Option<Postcode> {
    let mut f = line.split(';');
    let numbers = f.next()?;
    let (number, last) = match numbers.split_once('-') {
        Some((a, b)) => (a.parse().ok()?, b.parse().ok()?),
        None => {
            let n = numbers.parse().ok()?;
            (n, n)
        }
    };
    Some(Postcode {
        number,
        last,
        name: f.next()?,
        municipality: f.next()?.parse().ok()?,
        lat: f.next()?.parse().ok()?,
        lon: f.next()?.parse().ok()?,
        also: match f.next() {
            Some(codes) => codes.split_whitespace().map(|c| c.parse().ok()).collect::<Option<Vec<u16>>>()?,
            None => Vec::new(),
        },
    })
}

/// From DAWA's list of postcodes (`GET /postnumre`: objects with `nr` and
/// `kommuner`, each with its `kode`): each postcode's municipality codes, in
/// the order given. The `also` column of `app/data/postcodes.csv` is refreshed
/// from it (see the ignored test `refresh_also_from_dawa`).
pub fn municipalities_from_dawa(doc: &serde_json::Value) -> std::collections::BTreeMap<u16, Vec<u16>> {
    let mut out = std::collections::BTreeMap::new();
    for p in doc.as_array().into_iter().flatten() {
        let Some(nr) = p.get("nr").and_then(|n| n.as_str()).and_then(|n| n.parse::<u16>().ok()) else { continue };
        let codes: Vec<u16> = p
            .get("kommuner")
            .and_then(|k| k.as_array())
            .into_iter()
            .flatten()
            .filter_map(|k| k.get("kode").and_then(|c| c.as_str()).and_then(|c| c.parse().ok()))
            .collect();
        out.insert(nr, codes);
    }
    out
}

/// A place to search around: a postcode, or a whole municipality (its main town).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Place {
    Postcode(u16),
    Municipality(u16),
}

impl Place {
    /// What a person typed: "8000", "8000 Aarhus C", "Aarhus C", "aarhus", "Århus
    /// Kommune"; or a municipality code (older links and saved searches use them).
    /// `None` when it names no place we know.
    pub fn parse(input: &str) -> Option<Place> {
        let t = input.trim();
        let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
        if digits.len() == 4 {
            return lookup(digits.parse().ok()?).map(|p| Place::Postcode(p.number));
        }
        if !digits.is_empty() && digits.len() == t.len() {
            let code: u16 = digits.parse().ok()?;
            return municipality::by_code(code).map(|m| Place::Municipality(m.code));
        }
        let folded = super::parse::fold(t);
        // "Københavns Kommune", "Copenhagen Municipality": an official name in either language.
        let official = |m: &&municipality::Municipality| {
            [crate::i18n::Lang::Da, crate::i18n::Lang::En].into_iter().any(|l| super::parse::fold(&m.official_name(l)) == folded)
        };
        if let Some(m) = municipality::all().iter().find(official) {
            return Some(Place::Municipality(m.code));
        }
        let name = folded.trim_end_matches(" kommune").trim_end_matches(" municipality").trim();
        if name.is_empty() {
            return None;
        }
        let same = |other: &str| super::parse::fold(other) == name;
        if let Some(p) = all().iter().find(|p| same(p.name)) {
            return Some(Place::Postcode(p.number));
        }
        if let Some(m) = municipality::all().iter().find(|m| same(m.name)) {
            return Some(Place::Municipality(m.code));
        }
        // "Aarhus" for "Aarhus C", "Odense" for "Odense C": the town's main postcode.
        all().iter().find(|p| p.name.split(' ').next().is_some_and(same)).map(|p| Place::Postcode(p.number))
    }

    /// Latitude and longitude of its centre.
    pub fn point(&self) -> (f64, f64) {
        match self {
            Place::Postcode(n) => lookup(*n).map(|p| (p.lat, p.lon)),
            Place::Municipality(c) => municipality::by_code(*c).map(|m| (m.lat, m.lon)),
        }
        .unwrap_or_default()
    }

    /// "8000 Aarhus C" or "Københavns Kommune", as shown to people.
    pub fn label(&self, lang: crate::i18n::Lang) -> String {
        match self {
            Place::Postcode(n) => lookup(*n).map(Postcode::label).unwrap_or_else(|| n.to_string()),
            Place::Municipality(c) => municipality::by_code(*c).map(|m| m.official_name(lang)).unwrap_or_default(),
        }
    }

    /// How it is written in a page address: the postcode, or the municipality code.
    pub fn param(&self) -> String {
        match self {
            Place::Postcode(n) | Place::Municipality(n) => n.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::distance_km;

    #[test]
    fn every_postcode_is_in_denmark_near_its_municipality() {
        let all = all();
        assert!(all.len() > 550, "{}", all.len());
        for pair in all.windows(2) {
            assert!(pair[0].last < pair[1].number, "sorted, no overlaps: {:?}", pair);
        }
        for p in all {
            let m = municipality::by_code(p.municipality).unwrap_or_else(|| panic!("{p:?}: no such municipality"));
            assert!((54.5..57.8).contains(&p.lat) && (8.0..15.2).contains(&p.lon), "{p:?}");
            // A coordinate typed wrong lands far from its municipality's main town
            // (the farthest real one is Anholt, 53 km out at sea from Grenaa).
            let km = distance_km((p.lat, p.lon), (m.lat, m.lon));
            assert!(km < 60.0, "{p:?} is {km:.0} km from {}", m.name);
        }
        for m in municipality::all() {
            let main =
                lookup(m.postcode.parse().unwrap()).unwrap_or_else(|| panic!("{}'s main postcode {} is missing", m.name, m.postcode));
            assert!(all.iter().any(|p| p.municipality == m.code), "{} has no postcode", m.name);
            assert!(distance_km((main.lat, main.lon), (m.lat, m.lon)) < 15.0, "{} vs {main:?}", m.name);
        }
    }

    #[test]
    fn a_postcode_shared_by_municipalities_names_them_all() {
        let hedehusene = lookup(2640).unwrap();
        assert_eq!(hedehusene.municipalities().collect::<Vec<_>>(), [169, 265], "Høje-Taastrup, and Fløng in Roskilde");
        for p in all() {
            for m in &p.also {
                assert!(municipality::by_code(*m).is_some(), "{p:?}: no municipality {m}");
                assert_ne!(*m, p.municipality, "{p:?} names its main municipality twice");
            }
        }
        // Taken from the postcode: any of them; chosen: that one; unknown postcode: the given one.
        assert_eq!(municipalities_of("2640", Some(169)), [169, 265]);
        assert_eq!(municipalities_of("2640", None), [169, 265]);
        assert_eq!(municipalities_of("2640", Some(265)), [265]);
        assert_eq!(municipalities_of("8000", Some(751)), [751]);
        assert_eq!(municipalities_of("", Some(751)), [751]);
        assert_eq!(municipalities_of("0000", None), Vec::<u16>::new());
    }

    #[test]
    fn dawa_lists_read_as_municipalities_per_postcode() {
        let doc = serde_json::json!([
            {"nr": "2640", "navn": "Hedehusene", "kommuner": [{"kode": "0169", "navn": "Høje-Taastrup"}, {"kode": "0265", "navn": "Roskilde"}]},
            {"nr": "8000", "navn": "Aarhus C", "kommuner": [{"kode": "0751", "navn": "Aarhus"}]},
            {"nr": "x"},
            "not an object"
        ]);
        let read = municipalities_from_dawa(&doc);
        assert_eq!(read.get(&2640), Some(&vec![169, 265]));
        assert_eq!(read.get(&8000), Some(&vec![751]));
        assert_eq!(read.len(), 2);
        assert!(municipalities_from_dawa(&serde_json::json!({"nr": "1"})).is_empty());
    }

    /// Refreshes the `also` column of `app/data/postcodes.csv` from a saved copy of
    /// DAWA's `https://api.dataforsyningen.dk/postnumre` (there is no network in the
    /// build): `DAWA_POSTNUMRE=postnumre.json cargo test -p domain -- --ignored refresh_also_from_dawa`.
    /// The main municipality and the coordinates are kept; a new postcode is reported.
    #[test]
    #[ignore = "a maintainer's tool: needs DAWA_POSTNUMRE"]
    fn refresh_also_from_dawa() {
        let source = std::env::var("DAWA_POSTNUMRE").expect("DAWA_POSTNUMRE: a saved copy of DAWA's /postnumre");
        let doc: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(source).unwrap()).unwrap();
        let dawa = municipalities_from_dawa(&doc);
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../data/postcodes.csv");
        let text = std::fs::read_to_string(&path).unwrap();
        let mut out = Vec::new();
        for line in text.lines() {
            let Some(p) = (!line.starts_with('#')).then(|| parse_line(Box::leak(line.to_string().into_boxed_str()))).flatten() else {
                out.push(line.to_string());
                continue;
            };
            let mut others: Vec<u16> =
                (p.number..=p.last).filter_map(|n| dawa.get(&n)).flatten().copied().filter(|m| *m != p.municipality).collect();
            others.sort_unstable();
            others.dedup();
            let fields: Vec<&str> = line.split(';').take(5).collect();
            let also = others.iter().map(u16::to_string).collect::<Vec<_>>().join(" ");
            out.push(if also.is_empty() { fields.join(";") } else { format!("{};{also}", fields.join(";")) });
        }
        for n in dawa.keys().filter(|n| lookup(**n).is_none()) {
            eprintln!("DAWA has postcode {n}, which the bundled list has not");
        }
        std::fs::write(&path, out.join("\n") + "\n").unwrap();
    }

    #[test]
    fn lookup_finds_ranges_and_refuses_unknown_numbers() {
        assert_eq!(lookup(8000).unwrap().name, "Aarhus C");
        assert_eq!(lookup(1050).unwrap().name, "København K");
        assert_eq!(lookup(1799).unwrap().name, "København V");
        assert_eq!(lookup(1850).unwrap().name, "Frederiksberg C");
        assert_eq!(lookup(8001), None);
        assert_eq!(lookup(999), None);
        assert_eq!(lookup(9999), None);
        assert_eq!(from_text("DK-8000").unwrap().municipality, 751);
        assert_eq!(from_text("8001"), None);
    }

    #[test]
    fn places_are_read_the_way_people_write_them() {
        let table = [
            ("8000", Some(Place::Postcode(8000))),
            (" 8000 Aarhus C ", Some(Place::Postcode(8000))),
            ("1052 København K", Some(Place::Postcode(1000))),
            ("Aarhus C", Some(Place::Postcode(8000))),
            ("aarhus c", Some(Place::Postcode(8000))),
            ("Viby J", Some(Place::Postcode(8260))),
            ("Aarhus", Some(Place::Municipality(751))),
            ("Århus Kommune", Some(Place::Municipality(751))),
            ("Vejle", Some(Place::Postcode(7100))),
            ("Odense", Some(Place::Municipality(461))),
            ("Koebenhavn", Some(Place::Municipality(101))),
            ("Kobenhavn K", None),
            ("Nykøbing F", Some(Place::Postcode(4800))),
            ("751", Some(Place::Municipality(751))),
            ("999", None),
            ("8001", None),
            ("Atlantis", None),
            ("", None),
        ];
        for (input, expected) in table {
            assert_eq!(Place::parse(input), expected, "{input:?}");
        }
        use crate::i18n::Lang;
        assert_eq!(Place::Postcode(8000).label(Lang::Da), "8000 Aarhus C");
        assert_eq!(Place::Municipality(751).label(Lang::Da), "Aarhus Kommune");
        assert_eq!(Place::Municipality(101).label(Lang::Da), "Københavns Kommune");
        assert_eq!(Place::Municipality(400).label(Lang::En), "Bornholm Regional Municipality");
        // Each official name reads back as its municipality.
        for m in municipality::all() {
            for lang in [Lang::Da, Lang::En] {
                assert_eq!(Place::parse(&m.official_name(lang)), Some(Place::Municipality(m.code)), "{}", m.official_name(lang));
            }
        }
        assert_eq!(Place::Postcode(8000).param(), "8000");
        let (lat, lon) = Place::Postcode(8260).point();
        assert!((56.0..56.2).contains(&lat) && (10.0..10.3).contains(&lon));
    }
}
