//! The dashboard: how many citizens serve themselves and how many are with a
//! caseworker, open escalations by reason and by age, and the median time to
//! close one. Simple SVG bar charts, each with its numbers as a table too.

use super::CaseworkerNav;
use crate::domain::case::Dashboard;
use crate::error::AppError;
use crate::i18n::{self, Msg};
use crate::ui::lang::use_lang;
use crate::ui::layout::{ErrorAlert, PageTitle};
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "caseworker/dashboard")]
pub async fn my_dashboard() -> Result<Dashboard, AppError> {
    // Staff (access table); figures of the viewer's municipality only.
    let me = crate::auth::require_user()?;
    crate::ssr::services::caseworker::cases::overview(&crate::ssr::state()?, &me, crate::ssr::today()?).await
}

#[component]
pub fn DashboardPage() -> impl IntoView {
    let lang = use_lang();
    let data = Resource::new(|| (), |_| my_dashboard());
    view! {
        <PageTitle text=lang.t(Msg::NavDashboard).to_string()/>
        <CaseworkerNav current=crate::path::DASHBOARD/>
        <h1>{lang.t(Msg::DashboardHeading)}</h1>
        <Suspense fallback=move || view! { <p>{lang.t(Msg::Loading)}</p> }>
            {move || data.get().map(|r| match r {
                Ok(d) => view! { <Charts d/> }.into_any(),
                Err(error) => view! { <ErrorAlert error/> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn Charts(d: Dashboard) -> impl IntoView {
    let lang = use_lang();
    let tracks =
        vec![(lang.t(Msg::TrackSelfService).to_string(), d.self_service), (lang.t(Msg::TrackCaseworker).to_string(), d.caseworker_track)];
    let reasons: Vec<(String, i64)> = d.open_by_reason.iter().map(|(r, n)| (lang.t(r.label()).to_string(), *n)).collect();
    let ages: Vec<(String, i64)> = d.open_by_age.iter().map(|(label, n)| (format!("{label} {}", lang.t(Msg::DaysWord)), *n)).collect();
    let median = match d.median_days_to_close {
        Some(m) => format!("{}: {} ({} {})", lang.t(Msg::MedianToClose), i18n::decimal(lang, m), d.closed, lang.t(Msg::ClosedCount)),
        None => format!("{}: –", lang.t(Msg::MedianToClose)),
    };
    let area = match d.area.and_then(|(code, region)| Some((crate::domain::municipality::by_code(code)?, region))) {
        Some((m, region)) => format!("{}, {}", m.official_name(lang), region.name(lang)),
        None => lang.t(Msg::AllOfDenmark).to_string(),
    };
    view! {
        <p class="font-lead dashboard-area">{area}</p>
        <div class="dashboard">
            <BarChart id="chart-tracks" title=lang.t(Msg::ChartTracks).to_string() bars=tracks/>
            <BarChart id="chart-reasons" title=lang.t(Msg::ChartOpenByReason).to_string() bars=reasons/>
            <BarChart id="chart-ages" title=lang.t(Msg::ChartOpenByAge).to_string() bars=ages/>
            <p class="dashboard-median">{median}</p>
        </div>
    }
}

/// A horizontal bar chart drawn as SVG, hidden from screen readers, with the same
/// numbers in a table for them (and for anyone who prefers numbers).
#[component]
fn BarChart(id: &'static str, title: String, bars: Vec<(String, i64)>) -> impl IntoView {
    let max = bars.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1) as f64;
    // Each bar under its label, so a long label never runs into its bar.
    let (bar_w, row_h) = (520.0, 46.0);
    let height = row_h * bars.len() as f64 + 4.0;
    let rows = bars
        .iter()
        .enumerate()
        .map(|(i, (label, n))| {
            let y = i as f64 * row_h + 2.0;
            let w = (*n as f64 / max * bar_w).max(if *n > 0 { 2.0 } else { 0.0 });
            view! {
                <text x="0" y=format!("{:.0}", y + 14.0) class="chart-label">{label.clone()}</text>
                <rect x="0" y=format!("{:.0}", y + 20.0) width=format!("{w:.0}") height="18" class="chart-bar"/>
                <text x=format!("{:.0}", w + 6.0) y=format!("{:.0}", y + 34.0) class="chart-value">{n.to_string()}</text>
            }
        })
        .collect_view();
    view! {
        <figure class="chart" aria-labelledby=format!("{id}-title")>
            <figcaption id=format!("{id}-title") class="h4">{title.clone()}</figcaption>
            <svg viewBox=format!("0 0 {:.0} {height:.0}", bar_w + 60.0) aria-hidden="true" focusable="false" class="chart-svg">{rows}</svg>
            <table class="table chart-table">
                <caption class="sr-only">{title}</caption>
                <tbody>
                    {bars.into_iter().map(|(label, n)| view! { <tr><th scope="row">{label}</th><td>{n.to_string()}</td></tr> }).collect_view()}
                </tbody>
            </table>
        </figure>
    }
}
