//! Distances in Denmark. Until postcodes carry their own coordinates, a place is
//! its municipality's centre, so a radius is the set of municipalities whose centre
//! lies within it.

use super::municipality;

/// Great-circle distance in kilometres.
pub fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (lat1, lon1) = (a.0.to_radians(), a.1.to_radians());
    let (lat2, lon2) = (b.0.to_radians(), b.1.to_radians());
    let h = ((lat2 - lat1) / 2.0).sin().powi(2) + lat1.cos() * lat2.cos() * ((lon2 - lon1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().asin()
}

/// Distance between two municipalities' centres.
pub fn municipality_distance(a: u16, b: u16) -> Option<f64> {
    let (a, b) = (municipality::by_code(a)?, municipality::by_code(b)?);
    Some(distance_km((a.lat, a.lon), (b.lat, b.lon)))
}

/// The municipalities within `km` of `center`'s centre (itself included), with
/// their distance, nearest first.
pub fn within(center: u16, km: f64) -> Vec<(u16, f64)> {
    let Some(c) = municipality::by_code(center) else { return Vec::new() };
    let mut out: Vec<(u16, f64)> = municipality::all()
        .iter()
        .map(|m| (m.code, distance_km((c.lat, c.lon), (m.lat, m.lon))))
        .filter(|(_, d)| *d <= km)
        .collect();
    out.sort_by(|a, b| a.1.total_cmp(&b.1));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances_between_danish_towns() {
        // Aarhus (751) to København (101): about 155 km as the crow flies.
        let d = municipality_distance(751, 101).unwrap();
        assert!((140.0..175.0).contains(&d), "{d}");
        assert_eq!(municipality_distance(751, 751), Some(0.0));
        assert_eq!(municipality_distance(751, 999), None);
        let near: Vec<u16> = within(751, 50.0).iter().map(|(c, _)| *c).collect();
        assert_eq!(near[0], 751);
        // Silkeborg (740) and Skanderborg (746) are close to Aarhus; København is not.
        assert!(near.contains(&740) && near.contains(&746) && !near.contains(&101), "{near:?}");
        assert!(within(999, 50.0).is_empty());
    }
}
