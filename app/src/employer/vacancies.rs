//! One of the company's vacancies over its life: its page with the history of
//! every change and who made it, extending its deadline, closing it with a reason,
//! and editing it. Another company's vacancy is "not found" everywhere.

use super::VacancyFormView;
use crate::domain::vacancy::{
    self as vacancy, field, CloseReason, DayCount, ManagedVacancy, VacancyAction, VacancyActionForm, VacancyForm, VacancyTab,
};
use crate::error::AppError;
use crate::forms::{self, form_page, Rejected};
use crate::i18n::Msg;
use crate::ui::form::{ErrorSummary, Field, Kind, RadioGroup};
use crate::ui::lang::use_lang;
use crate::ui::layout::{ErrorAlert, PageTitle};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

#[server(prefix = "/api", endpoint = "employer/vacancy")]
pub async fn my_vacancy(id: i64) -> Result<ManagedVacancy, AppError> {
    // Employers (access table); the company is part of the query.
    let me = crate::auth::require_user()?;
    crate::ssr::services::vacancies::managed(&crate::ssr::state()?, &me, id).await
}

#[server(prefix = "/api", endpoint = "employer/vacancy/edit")]
pub async fn edit_vacancy(id: i64, form: VacancyForm) -> Result<(), AppError> {
    let me = crate::auth::require_user()?;
    crate::ssr::services::vacancies::edit(&crate::ssr::state()?, &me, id, &form).await
}

#[server(prefix = "/api", endpoint = "employer/vacancy/change")]
pub async fn change_vacancy(id: i64, form: VacancyActionForm) -> Result<String, AppError> {
    let me = crate::auth::require_user()?;
    let change = crate::ssr::services::vacancies::change(&crate::ssr::state()?, &me, id, &form).await?;
    use crate::domain::vacancy::VacancyChange;
    Ok(match change {
        VacancyChange::Extend(_) => VacancyAction::Extend.code().to_string(),
        VacancyChange::Close(_) => VacancyAction::Close.code().to_string(),
    })
}

/// The vacancy's id from the address.
fn vacancy_id() -> i64 {
    use_params_map().with_untracked(|p| p.get("id").and_then(|s| s.parse().ok())).unwrap_or_default()
}

/// The page of one of the company's vacancies.
#[component]
pub fn ManageVacancyPage() -> impl IntoView {
    let lang = use_lang();
    let id = vacancy_id();
    let here = crate::pages::link(crate::path::EMPLOYER_VACANCY, &[&id]);
    let done = use_query_map().with_untracked(|q| q.get("gemt"));
    let vacancy = Resource::new(move || id, my_vacancy);
    let next = {
        let here = here.clone();
        move |action: &String| format!("{here}?gemt={action}")
    };
    form_page(
        move |f: VacancyActionForm| change_vacancy(id, f),
        next,
        move |rejected: Option<Rejected<VacancyActionForm>>| {
            let (here, done) = (here.clone(), done.clone());
            view! {
                <Suspense fallback=move || view! { <p>{lang.t(Msg::Loading)}</p> }>
                    {move || vacancy.get().map(|r| match r {
                        Ok(m) => view! { <Manage m here=here.clone() done=done.clone() rejected=rejected.clone()/> }.into_any(),
                        Err(error) => view! {
                            <PageTitle text=lang.t(Msg::EmployerHomeHeading).to_string()/>
                            <h1>{lang.t(Msg::EmployerHomeHeading)}</h1>
                            <ErrorAlert error/>
                        }.into_any(),
                    })}
                </Suspense>
            }
        },
    )
}

#[component]
fn Manage(m: ManagedVacancy, here: String, done: Option<String>, rejected: Option<Rejected<VacancyActionForm>>) -> impl IntoView {
    let lang = use_lang();
    let today = crate::ui::clock::today();
    let v = m.vacancy;
    let tab = v.tab(today);
    let (form, errors) = forms::state(&rejected);
    let title = forms::title(lang, Msg::ManageVacancyHeading, rejected.is_some());
    let done_text = done.as_deref().and_then(VacancyAction::parse).map(|a| match a {
        VacancyAction::Extend => Msg::VacancyExtendedNotice,
        VacancyAction::Close => Msg::VacancyClosedNotice,
    });
    let saved = done.as_deref() == Some(EDITED);
    let reasons: Vec<(String, String)> =
        CloseReason::EMPLOYER.iter().map(|r| (r.code().to_string(), lang.t(r.label()).to_string())).collect();
    view! {
        <PageTitle text=format!("{title}: {}", v.details.title)/>
        <p class="back-link-wrap"><a href=crate::path::EMPLOYER_HOME class="back-link">{lang.t(Msg::EmployerHomeHeading)}</a></p>
        <h1>{v.details.title.clone()}</h1>
        {done_text.or(saved.then_some(Msg::VacancySavedNotice)).map(|m| view! {
            <div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">{lang.t(m)}</p></div></div>
        })}
        {rejected.as_ref().map(|r| view! {
            <ErrorSummary error=r.error.clone() fields=vec![(field::DEADLINE, Msg::FieldNewDeadline), (field::CLOSE_REASON, Msg::FieldCloseReason)]/>
        })}
        <dl class="vacancy-facts">
            <dt>{lang.t(Msg::VacancyStatus)}</dt>
            <dd>{lang.t(tab.label())}{v.close_reason.map(|r| format!(": {}", lang.t(r.label())))}</dd>
            <dt>{lang.t(Msg::ApplicationDeadline)}</dt>
            <dd>{crate::i18n::date(lang, v.details.deadline)}</dd>
            <dt>{lang.t(Msg::VacancyOpen)}</dt>
            <dd>{crate::i18n::date(lang, v.posted)}</dd>
        </dl>
        {(tab == VacancyTab::Open).then(|| view! {
            <p><a href=crate::pages::link(crate::path::VACANCY, &[&v.id])>{lang.t(Msg::SeeAsJobseekers)}</a></p>
        })}
        {if v.open {
            view! {
                <p><a class="button button-secondary" href=crate::pages::link(crate::path::EDIT_VACANCY, &[&v.id])>{lang.t(Msg::EditVacancy)}</a></p>
                {v.details.municipality_code.is_some().then(|| view! {
                    <p><a href=format!("{}?stilling={}", crate::path::EMPLOYER_BUSINESS, v.id)>{lang.t(Msg::BusinessRequestHeading)}</a></p>
                })}
                <h2>{lang.t(Msg::ExtendDeadline)}</h2>
                <form method="post" action=here.clone() novalidate=true>
                    <input type="hidden" name="action" value=VacancyAction::Extend.code()/>
                    <Field name=field::DEADLINE label=Msg::FieldNewDeadline kind=Kind::Date required=true
                        value=form.deadline.clone() error=errors.get(field::DEADLINE)
                        check=move |s: String| crate::domain::vacancy::check_extension(&s, v.details.deadline, today).err()/>
                    <button type="submit" class="button button-secondary">{lang.t(Msg::ExtendDeadline)}</button>
                </form>
                <h2>{lang.t(Msg::CloseVacancy)}</h2>
                <form method="post" action=here.clone() novalidate=true>
                    <input type="hidden" name="action" value=VacancyAction::Close.code()/>
                    <RadioGroup name=field::CLOSE_REASON label=Msg::FieldCloseReason options=reasons.clone()
                        selected=form.reason.clone() error=errors.get(field::CLOSE_REASON)/>
                    <button type="submit" class="button button-secondary">{lang.t(Msg::CloseVacancy)}</button>
                </form>
            }.into_any()
        } else {
            view! {
                <p><a class="button button-secondary" href=format!("{}?{}={}", crate::path::NEW_VACANCY, super::REPOST, v.id)>
                    {lang.t(Msg::RepostVacancy)}</a></p>
            }.into_any()
        }}
        <Stats days=m.days.clone()/>
        <h2>{lang.t(Msg::VacancyHistoryHeading)}</h2>
        <crate::ui::TableScroll label=lang.t(Msg::VacancyHistoryHeading).to_string()>
            <table class="table table--compact vacancy-history">
                <thead><tr>
                    <th scope="col">{lang.t(Msg::HistoryWhen)}</th>
                    <th scope="col">{lang.t(Msg::HistoryWhat)}</th>
                    <th scope="col">{lang.t(Msg::HistoryWho)}</th>
                </tr></thead>
                <tbody>
                    {m.history.into_iter().map(|h| view! {
                        <tr>
                            <td>{crate::i18n::date_time(lang, h.at)}</td>
                            <td>{lang.t(h.kind.label())}{history_detail(lang, &h)}</td>
                            <td>{if h.by.is_empty() { lang.t(Msg::HistoryBySystem).to_string() } else { h.by.clone() }}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </crate::ui::TableScroll>
    }
}

/// The `gemt` value after an edit.
const EDITED: &str = "ret";

/// What a history line adds: the new deadline, or why it closed.
fn history_detail(lang: crate::Lang, h: &crate::domain::vacancy::HistoryEntry) -> Option<String> {
    use crate::domain::vacancy::HistoryKind;
    match h.kind {
        HistoryKind::Extended => h.detail.parse().ok().map(|d| format!(": {}", crate::i18n::date(lang, d))),
        // A reason's code, or an administrator's note to the company in their words.
        HistoryKind::Closed => {
            Some(format!(": {}", CloseReason::parse(&h.detail).map_or(h.detail.clone(), |r| lang.t(r.label()).to_string())))
        }
        HistoryKind::Reposted => Some(format!(" (#{})", h.detail)),
        HistoryKind::Created | HistoryKind::Edited => None,
    }
}

/// Editing one of the company's open vacancies.
#[component]
pub fn EditVacancyPage() -> impl IntoView {
    let lang = use_lang();
    let id = vacancy_id();
    let vacancy = Resource::new(move || id, my_vacancy);
    let page = crate::pages::link(crate::path::EMPLOYER_VACANCY, &[&id]);
    let action = crate::pages::link(crate::path::EDIT_VACANCY, &[&id]);
    form_page(
        move |f: VacancyForm| edit_vacancy(id, f),
        move |_: &()| format!("{page}?gemt={EDITED}"),
        move |rejected: Option<Rejected<VacancyForm>>| {
            let action = action.clone();
            view! {
                <Suspense fallback=move || view! { <p>{lang.t(Msg::Loading)}</p> }>
                    {move || vacancy.get().map(|r| match r {
                        Ok(m) if m.vacancy.open => view! {
                            <VacancyFormView rejected=rejected.clone() initial=VacancyForm::from_details(&m.vacancy.details)
                                action=action.clone() heading=Msg::EditVacancyHeading intro=Msg::NewVacancyIntro
                                submit=Msg::SaveVacancyChanges/>
                        }.into_any(),
                        // A closed vacancy is not edited; it can be posted again.
                        Ok(_) => view! { <h1>{lang.t(Msg::EditVacancyHeading)}</h1><ErrorAlert error=AppError::NotFound/> }.into_any(),
                        Err(error) => view! { <h1>{lang.t(Msg::EditVacancyHeading)}</h1><ErrorAlert error/> }.into_any(),
                    })}
                </Suspense>
            }
        },
    )
}

/// How the vacancy does per day: a chart, and the same numbers as a table (which
/// is what a screen reader reads; the chart says so).
#[component]
fn Stats(days: Vec<DayCount>) -> impl IntoView {
    let lang = use_lang();
    let (w, h) = (560.0, 120.0);
    let line =
        |values: Vec<u32>| vacancy::chart_points(&values, w, h).iter().map(|(x, y)| format!("{x:.1},{y:.1}")).collect::<Vec<_>>().join(" ");
    let views = line(days.iter().map(|d| d.views).collect());
    let saves = line(days.iter().map(|d| d.saves).collect());
    let applied = line(days.iter().map(|d| d.applied).collect());
    let total = |f: fn(&DayCount) -> u32| days.iter().map(f).sum::<u32>();
    let totals = (total(|d| d.views), total(|d| d.saves), total(|d| d.applied));
    view! {
        <h2>{lang.t(Msg::StatsHeading)}</h2>
        <p>{lang.t(Msg::StatsIntro)}</p>
        <figure class="vacancy-stats">
            <svg viewBox=format!("-4 -4 {} {}", w + 8.0, h + 8.0) role="img" aria-label=lang.t(Msg::StatsChartLabel) class="stats-chart">
                <polyline points=views class="stats-views" fill="none"/>
                <polyline points=saves class="stats-saves" fill="none"/>
                <polyline points=applied class="stats-applied" fill="none"/>
            </svg>
            <figcaption>
                <span class="stats-key stats-views">{lang.t(Msg::StatsViews)}</span> " "
                <span class="stats-key stats-saves">{lang.t(Msg::StatsSaves)}</span> " "
                <span class="stats-key stats-applied">{lang.t(Msg::StatsApplied)}</span>
            </figcaption>
        </figure>
        <crate::ui::TableScroll label=lang.t(Msg::StatsHeading).to_string()>
            <table class="table table--compact vacancy-stats-table">
                <thead><tr>
                    <th scope="col">{lang.t(Msg::StatsDay)}</th>
                    <th scope="col">{lang.t(Msg::StatsViews)}</th>
                    <th scope="col">{lang.t(Msg::StatsSaves)}</th>
                    <th scope="col">{lang.t(Msg::StatsApplied)}</th>
                </tr></thead>
                <tbody>
                    {days.iter().rev().filter(|d| d.views + d.saves + d.applied > 0).map(|d| view! {
                        <tr>
                            <th scope="row">{crate::i18n::date(lang, d.day)}</th>
                            <td>{d.views}</td><td>{d.saves}</td><td>{d.applied}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
                <tfoot><tr>
                    <th scope="row">{lang.t(Msg::StatsTotal)}</th>
                    <td>{totals.0}</td><td>{totals.1}</td><td>{totals.2}</td>
                </tr></tfoot>
            </table>
        </crate::ui::TableScroll>
    }
}
