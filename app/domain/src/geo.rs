//! Distances in Denmark. A vacancy lies at its postcode's centre (its
//! municipality's main town when the postcode is unknown); a radius search keeps
//! the vacancies whose place lies within it.

use super::municipality;
use super::postcode::{self, Place};

/// Great-circle distance in kilometres.
pub fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (lat1, lon1) = (a.0.to_radians(), a.1.to_radians());
    let (lat2, lon2) = (b.0.to_radians(), b.1.to_radians());
    let h = ((lat2 - lat1) / 2.0).sin().powi(2) + lat1.cos() * lat2.cos() * ((lon2 - lon1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().asin()
}

/// Where a vacancy lies: its postcode's centre, else its municipality's main town.
pub fn vacancy_point(postcode_text: &str, municipality_code: Option<u16>) -> Option<(f64, f64)> {
    match postcode::from_text(postcode_text) {
        Some(p) => Some((p.lat, p.lon)),
        None => municipality_code.and_then(municipality::by_code).map(|m| (m.lat, m.lon)),
    }
}

/// A circle around a place, and the postcodes and municipality towns inside it: the
/// candidates a vacancy's place must be one of.
#[derive(Clone, Debug)]
pub struct Radius {
    pub center: (f64, f64),
    pub km: f64,
    /// Postcodes (first numbers) whose centre lies within.
    pub postcodes: Vec<u16>,
    /// Municipalities whose main town lies within (for vacancies without a known postcode).
    pub municipalities: Vec<u16>,
}

impl Radius {
    pub fn new(place: Place, km: f64) -> Radius {
        let center = place.point();
        let inside = |lat: f64, lon: f64| distance_km(center, (lat, lon)) <= km;
        Radius {
            center,
            km,
            postcodes: postcode::all().iter().filter(|p| inside(p.lat, p.lon)).map(|p| p.number).collect(),
            municipalities: municipality::all().iter().filter(|m| inside(m.lat, m.lon)).map(|m| m.code).collect(),
        }
    }

    pub fn distance(&self, point: (f64, f64)) -> f64 {
        distance_km(self.center, point)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances_between_danish_towns() {
        // Aarhus C to København K: about 155 km as the crow flies.
        let d = distance_km(Place::Postcode(8000).point(), Place::Postcode(1000).point());
        assert!((140.0..175.0).contains(&d), "{d}");
        assert_eq!(distance_km((56.0, 10.0), (56.0, 10.0)), 0.0);
    }

    #[test]
    fn a_vacancy_lies_at_its_postcode_or_else_its_municipality() {
        assert_eq!(vacancy_point("8260", Some(101)), Some(Place::Postcode(8260).point()));
        assert_eq!(vacancy_point("8001", Some(751)), Some(Place::Municipality(751).point()));
        assert_eq!(vacancy_point("8001", None), None);
    }

    #[test]
    fn a_radius_holds_the_places_within_it() {
        let r = Radius::new(Place::Postcode(8000), 50.0);
        // Viby J, Silkeborg and Skanderborg are within 50 km of Aarhus C; Horsens is
        // about 45 km; Vejle and København are not.
        for inside in [8000, 8260, 8600, 8660, 8700] {
            assert!(r.postcodes.contains(&inside), "{inside}");
        }
        for outside in [7100, 1000, 9000] {
            assert!(!r.postcodes.contains(&outside), "{outside}");
        }
        assert!(r.municipalities.contains(&751) && r.municipalities.contains(&740) && !r.municipalities.contains(&101));
        let small = Radius::new(Place::Postcode(8000), 5.0);
        assert!(small.postcodes.contains(&8000) && !small.postcodes.contains(&8600), "{:?}", small.postcodes);
        assert!(r.distance(Place::Postcode(8600).point()) > 35.0);
    }
}
