//! A map of Denmark drawn by the app itself (no tile server): the municipalities'
//! centres as faint dots give the shape of the country, the radius searched is a
//! circle, and each result on the page is a pin linking to its vacancy. The result
//! list beside it is the same information as text.

use crate::domain::geo::vacancy_point;
use crate::domain::municipality;
use crate::domain::postcode::Place;
use crate::domain::region::Region;
use crate::i18n::{self, Msg};
use crate::search::types::VacancyHit;
use crate::ui::lang::use_lang;
use leptos::prelude::*;

/// Drawing units per degree of latitude; longitude is shrunk by cos(56°).
const SCALE: f64 = 100.0;
const LON_FACTOR: f64 = 0.559;
const WEST: f64 = 7.9;
const NORTH: f64 = 57.85;
const WIDTH: f64 = (15.3 - WEST) * SCALE * LON_FACTOR;
const HEIGHT: f64 = (NORTH - 54.45) * SCALE;

/// Map coordinates of a point.
pub fn project(lat: f64, lon: f64) -> (f64, f64) {
    ((lon - WEST) * SCALE * LON_FACTOR, (NORTH - lat) * SCALE)
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
    let dots = municipality::all().iter().map(|m| {
        let (x, y) = project(m.lat, m.lon);
        view! { <circle class="map-land" cx=format!("{x:.1}") cy=format!("{y:.1}") r="4"/> }
    });
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
                <g aria-hidden="true">{dots.collect_view()}</g>
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
