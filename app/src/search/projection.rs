//! The map's projection of Denmark: an equirectangular view with longitude
//! shrunk by cos(56°), which keeps the country's shape at its latitude. Shared
//! by the map component and `app/build.rs`, which projects the coast with it.

/// Drawing units per degree of latitude; longitude is shrunk by cos(56°).
pub const SCALE: f64 = 100.0;
pub const LON_FACTOR: f64 = 0.559;
pub const WEST: f64 = 7.9;
pub const EAST: f64 = 15.3;
pub const NORTH: f64 = 57.85;
pub const SOUTH: f64 = 54.45;
pub const WIDTH: f64 = (EAST - WEST) * SCALE * LON_FACTOR;
pub const HEIGHT: f64 = (NORTH - SOUTH) * SCALE;

/// Map coordinates of a point.
pub fn project(lat: f64, lon: f64) -> (f64, f64) {
    ((lon - WEST) * SCALE * LON_FACTOR, (NORTH - lat) * SCALE)
}
