//! Draws Denmark for the map: reads Natural Earth's countries at 1:10m (public
//! domain, shipped by the npm package `world-atlas`, which `.ci/setup` installs
//! under `style/node_modules`), takes Denmark's polygons, simplifies them and
//! projects them as the map does, and writes `denmark.rs` into OUT_DIR:
//! `OUTLINE_PATH`, SVG path data of a few kilobytes, and, for tests only,
//! `RINGS`, the unsimplified rings as (longitude, latitude).

// A build script fails by panicking: its message is what the build prints.
#![allow(clippy::expect_used, clippy::panic, clippy::unwrap_used)]

#[path = "src/search/projection.rs"]
#[allow(dead_code)]
mod projection;

use std::fmt::Write as _;
use std::path::Path;

/// Denmark's ISO 3166-1 numeric code, the id of its geometry in world-atlas.
const DENMARK: &str = "208";
/// Points closer than this to the simplified line are dropped, in drawing
/// units (one is about 1.1 km); the drawing is a few hundred units wide.
const TOLERANCE: f64 = 0.35;

fn main() {
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("../style/node_modules/world-atlas/countries-10m.json");
    println!("cargo::rerun-if-changed={}", source.display());
    println!("cargo::rerun-if-changed=src/search/projection.rs");
    let text = std::fs::read_to_string(&source).unwrap_or_else(|e| {
        panic!("{}: {e}. The map's outline of Denmark comes from the npm package world-atlas: run `bash .ci/setup`.", source.display())
    });
    let topology: serde_json::Value = serde_json::from_str(&text).expect("world-atlas: not JSON");
    let rings = denmark(&topology);
    let mut path = String::new();
    for ring in &rings {
        let projected: Vec<(f64, f64)> = ring.iter().map(|(lon, lat)| projection::project(*lat, *lon)).collect();
        let kept = simplify(&projected, TOLERANCE);
        if kept.len() < 4 {
            continue;
        }
        for (i, (x, y)) in kept.iter().enumerate() {
            let _ = write!(path, "{}{x:.1} {y:.1}", if i == 0 { "M" } else { "L" });
        }
        path.push('Z');
    }
    let mut out = String::from("/// Denmark's coast and islands as SVG path data in the map's coordinates.\n");
    let _ = writeln!(out, "pub const OUTLINE_PATH: &str = {path:?};");
    out.push_str("/// Every ring of Denmark's polygons, unsimplified, as (longitude, latitude).\n#[cfg(test)]\npub const RINGS: &[&[(f64, f64)]] = &[\n");
    for ring in &rings {
        out.push_str("    &[");
        for (lon, lat) in ring {
            let _ = write!(out, "({lon:.5}, {lat:.5}), ");
        }
        out.push_str("],\n");
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("denmark.rs");
    std::fs::write(&dest, out).expect("write denmark.rs");
}

/// Denmark's rings (outer and holes alike) in degrees, decoded from the
/// topology's quantized, delta-encoded arcs.
fn denmark(topology: &serde_json::Value) -> Vec<Vec<(f64, f64)>> {
    let transform = &topology["transform"];
    let (sx, sy) = (transform["scale"][0].as_f64().expect("scale"), transform["scale"][1].as_f64().expect("scale"));
    let (tx, ty) = (transform["translate"][0].as_f64().expect("translate"), transform["translate"][1].as_f64().expect("translate"));
    let arcs: Vec<Vec<(f64, f64)>> = topology["arcs"]
        .as_array()
        .expect("arcs")
        .iter()
        .map(|arc| {
            let (mut x, mut y) = (0i64, 0i64);
            arc.as_array()
                .expect("arc")
                .iter()
                .map(|d| {
                    x += d[0].as_i64().expect("dx");
                    y += d[1].as_i64().expect("dy");
                    (x as f64 * sx + tx, y as f64 * sy + ty)
                })
                .collect()
        })
        .collect();
    let geometries = topology["objects"]["countries"]["geometries"].as_array().expect("countries");
    let country = geometries.iter().find(|g| g["id"].as_str() == Some(DENMARK)).expect("Denmark in world-atlas");
    let polygons: Vec<&serde_json::Value> = match country["type"].as_str() {
        Some("MultiPolygon") => country["arcs"].as_array().expect("polygons").iter().collect(),
        _ => vec![&country["arcs"]],
    };
    let mut rings = Vec::new();
    for polygon in polygons {
        for ring in polygon.as_array().expect("rings") {
            let mut points: Vec<(f64, f64)> = Vec::new();
            for index in ring.as_array().expect("arc indexes") {
                let i = index.as_i64().expect("arc index");
                // A negative index is the arc reversed (~i).
                let arc: Vec<(f64, f64)> =
                    if i >= 0 { arcs[i as usize].clone() } else { arcs[!i as usize].iter().rev().copied().collect() };
                let skip = usize::from(!points.is_empty());
                points.extend(arc.into_iter().skip(skip));
            }
            rings.push(points);
        }
    }
    rings
}

/// Douglas–Peucker: the points of `line` that keep it within `tolerance`.
fn simplify(line: &[(f64, f64)], tolerance: f64) -> Vec<(f64, f64)> {
    if line.len() < 3 {
        return line.to_vec();
    }
    let mut keep = vec![false; line.len()];
    keep[0] = true;
    keep[line.len() - 1] = true;
    let mut stack = vec![(0, line.len() - 1)];
    while let Some((a, b)) = stack.pop() {
        let (mut far, mut at) = (0.0, 0);
        for i in a + 1..b {
            let d = distance_to_segment(line[i], line[a], line[b]);
            if d > far {
                (far, at) = (d, i);
            }
        }
        if far > tolerance {
            keep[at] = true;
            stack.push((a, at));
            stack.push((at, b));
        }
    }
    line.iter().zip(keep).filter(|(_, k)| *k).map(|(p, _)| *p).collect()
}

fn distance_to_segment(p: (f64, f64), a: (f64, f64), b: (f64, f64)) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let length = dx * dx + dy * dy;
    let t = if length == 0.0 { 0.0 } else { (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / length).clamp(0.0, 1.0) };
    ((p.0 - a.0 - t * dx).powi(2) + (p.1 - a.1 - t * dy).powi(2)).sqrt()
}
