//! A map of Denmark drawn by the app itself (no tile server): the coast and the
//! islands as one path, the radius searched as a circle, and each result on the
//! page as a pin linking to its vacancy. The result list beside it is the same
//! information as text.

use crate::domain::geo::vacancy_point;
use crate::domain::municipality;
use crate::domain::postcode::Place;
use crate::domain::region::Region;
use crate::i18n::{self, Msg};
use crate::search::types::VacancyHit;
use crate::ui::lang::use_lang;
use leptos::prelude::*;

pub use super::projection::project;
use super::projection::{HEIGHT, SCALE, WIDTH};

/// Denmark's coast and islands (Natural Earth 1:10m, from the npm package
/// `world-atlas`), simplified and projected by `app/build.rs`.
mod denmark {
    include!(concat!(env!("OUT_DIR"), "/denmark.rs"));
}

/// Pins at the same place fan out a little, so each can be clicked.
fn spread(i: usize) -> (f64, f64) {
    if i == 0 {
        return (0.0, 0.0);
    }
    let angle = i as f64 * 2.4;
    let r = 3.0 + (i as f64).sqrt() * 2.5;
    (r * angle.cos(), r * angle.sin())
}

#[component]
pub fn ResultMap(
    hits: Vec<VacancyHit>,
    near: Place,
    km: u32,
    /// The regions in force on the day searched (from the server), labelled at the
    /// middle of their municipalities.
    regions: Vec<Region>,
) -> impl IntoView {
    let lang = use_lang();
    let center = near.point();
    let (cx, cy) = project(center.0, center.1);
    // A radius in kilometres, in drawing units (1° latitude ≈ 111 km).
    let r = f64::from(km) / 111.0 * SCALE;
    let labels = regions.into_iter().filter_map(|region| {
        let inside: Vec<_> = municipality::all().iter().filter(|m| region.covers(m.region_2007)).collect();
        let n = inside.len() as f64;
        if n == 0.0 {
            return None;
        }
        let (lat, lon) = inside.iter().fold((0.0, 0.0), |(a, b), m| (a + m.lat / n, b + m.lon / n));
        let (x, y) = project(lat, lon);
        Some(view! { <text class="map-region" x=format!("{x:.1}") y=format!("{y:.1}") text-anchor="middle">{region.name(lang)}</text> })
    });
    let mut seen: Vec<(f64, f64)> = Vec::new();
    let pins = hits.into_iter().filter_map(|h| {
        let point = vacancy_point(&h.postcode, h.municipality)?;
        let n = seen.iter().filter(|p| **p == point).count();
        seen.push(point);
        let (x, y) = project(point.0, point.1);
        let (dx, dy) = spread(n);
        let label = format!("{}, {} {}", h.title, h.postcode, h.city);
        let title = label.clone();
        Some(view! {
            <a href=crate::pages::link(crate::path::VACANCY, &[&h.id]) class="map-pin" aria-label=title>
                <circle cx=format!("{:.1}", x + dx) cy=format!("{:.1}", y + dy) r="5"/>
                <title>{label}</title>
            </a>
        })
    });
    let caption = format!("{} {}", lang.t(Msg::MapCaption), i18n::within_km_of(lang, km, &near.label(lang)));
    view! {
        <figure class="result-map">
            <svg viewBox=format!("0 0 {WIDTH:.0} {HEIGHT:.0}") role="group" aria-label=caption.clone() focusable="false">
                <path class="map-land" d=denmark::OUTLINE_PATH aria-hidden="true"/>
                <g aria-hidden="true">{labels.collect_view()}</g>
                <circle class="map-radius" cx=format!("{cx:.1}") cy=format!("{cy:.1}") r=format!("{r:.1}") aria-hidden="true"/>
                <circle class="map-center" cx=format!("{cx:.1}") cy=format!("{cy:.1}") r="6" aria-hidden="true"/>
                {pins.collect_view()}
            </svg>
            <figcaption>{caption}</figcaption>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::geo::distance_km;

    /// Whether (lon, lat) lies inside Denmark's polygons (even-odd over every ring).
    fn on_land(lon: f64, lat: f64) -> bool {
        let mut inside = false;
        for ring in denmark::RINGS {
            for (i, (x1, y1)) in ring.iter().enumerate() {
                let (x2, y2) = ring[(i + ring.len() - 1) % ring.len()];
                if (*y1 > lat) != (y2 > lat) && lon < (x2 - x1) * (lat - y1) / (y2 - y1) + x1 {
                    inside = !inside;
                }
            }
        }
        inside
    }

    /// Kilometres from (lat, lon) to the nearest point of the coast's rings
    /// (flat within a few kilometres).
    fn to_coast(lat: f64, lon: f64) -> f64 {
        let kx = 111.32 * lat.to_radians().cos();
        let flat = |(x, y): (f64, f64)| ((x - lon) * kx, (y - lat) * 111.32);
        let mut best = f64::MAX;
        for ring in denmark::RINGS {
            for (i, a) in ring.iter().enumerate() {
                let (a, b) = (flat(*a), flat(ring[(i + 1) % ring.len()]));
                let (dx, dy) = (b.0 - a.0, b.1 - a.1);
                let length = dx * dx + dy * dy;
                let t = if length == 0.0 { 0.0 } else { (-(a.0 * dx + a.1 * dy) / length).clamp(0.0, 1.0) };
                best = best.min((a.0 + t * dx).hypot(a.1 + t * dy));
            }
        }
        best
    }

    /// Small islands with their own postcode that Natural Earth at 1:10m leaves out.
    const ISLANDS_NOT_DRAWN: &[&str] =
        &["Bjørnø", "Fur", "Lyø", "Bogø By", "Strynø", "Avernakø", "Birkholm", "Tunø", "Fejø", "Femø", "Endelave", "Sejerø"];

    #[test]
    fn every_postcode_lies_in_denmarks_outline() {
        for p in crate::domain::postcode::all() {
            if on_land(p.lon, p.lat) {
                continue;
            }
            // A postcode's point is its town's centre (three decimals) and the coast
            // is drawn to about 200 m: a harbour town may fall just outside.
            let km = to_coast(p.lat, p.lon);
            let most = if ISLANDS_NOT_DRAWN.contains(&p.name) { 15.0 } else { 1.5 };
            assert!(km <= most, "{} {} lies {km:.1} km off Denmark's coast", p.number, p.name);
        }
        assert!(on_land(9.55, 56.17) && on_land(11.79, 55.44) && on_land(14.92, 55.13), "Silkeborg, Ringsted, Bornholm");
        assert!(!on_land(11.0, 56.5) && !on_land(12.0, 57.5), "Kattegat");
        let (lon, lat) = denmark::RINGS[0][0];
        assert!(to_coast(lat, lon) < 0.01 && to_coast(lat + 0.1, lon) <= distance_km((lat, lon), (lat + 0.1, lon)) + 0.01);
    }

    #[test]
    fn the_outline_is_small_and_fits_the_drawing() {
        let path = denmark::OUTLINE_PATH;
        assert!(path.starts_with('M') && path.ends_with('Z'));
        assert!(path.len() < 20_000, "{} bytes", path.len());
        assert!(path.matches('M').count() >= 10, "the islands are drawn too");
        let numbers: Vec<f64> = path.split(['M', 'L', 'Z', ' ']).filter_map(|n| n.parse().ok()).collect();
        for xy in numbers.chunks(2) {
            assert!((-1.0..=WIDTH + 1.0).contains(&xy[0]) && (-1.0..=HEIGHT + 1.0).contains(&xy[1]), "{xy:?}");
        }
    }

    #[test]
    fn denmark_fits_the_drawing() {
        let places = municipality::all().iter().map(|m| (m.name, m.lat, m.lon));
        for (name, lat, lon) in places.chain(crate::domain::postcode::all().iter().map(|p| (p.name, p.lat, p.lon))) {
            let (x, y) = project(lat, lon);
            assert!((0.0..=WIDTH).contains(&x) && (0.0..=HEIGHT).contains(&y), "{name} at {x},{y}");
        }
        // Skagen's municipality is north of Aarhus, København east of it.
        let (ax, ay) = project(56.157, 10.211);
        let (kx, _) = project(55.676, 12.568);
        let (_, sy) = project(57.72, 10.58);
        assert!(sy < ay && kx > ax);
        assert_eq!(spread(0), (0.0, 0.0));
        assert_ne!(spread(1), spread(2));
    }
}
