//! The administrators' queue of reported vacancies: hide one (it leaves search,
//! and its employer reads the note on the vacancy's page) or dismiss the reports.

use super::security::AdminNav;
use crate::domain::report::{field, ReportAction, ReportActionForm, ReportedVacancy};
use crate::error::AppError;
use crate::forms::{self, form_page, Rejected};
use crate::i18n::Msg;
use crate::ui::form::{ErrorSummary, Field, Kind};
use crate::ui::lang::use_lang;
use crate::ui::layout::{ErrorAlert, PageTitle};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[server(prefix = "/api", endpoint = "admin/reports")]
pub async fn reported_vacancies() -> Result<Vec<ReportedVacancy>, AppError> {
    // Administrators (access table; the service checks again).
    let me = crate::auth::require_user()?;
    crate::ssr::services::reports::queue(&crate::ssr::state()?, &me).await
}

#[server(prefix = "/api", endpoint = "admin/reports/act")]
pub async fn decide_reports(form: ReportActionForm) -> Result<(), AppError> {
    let me = crate::auth::require_user()?;
    crate::ssr::services::reports::decide(&crate::ssr::state()?, &me, &form, &crate::auth::client_ip()).await
}

#[component]
pub fn ReportsPage() -> impl IntoView {
    let lang = use_lang();
    let done = use_query_map().with_untracked(|q| q.get("gemt").is_some());
    let queue = Resource::new(|| (), |_| reported_vacancies());
    let next = |_: &()| format!("{}?gemt=1", crate::path::REPORTS);
    form_page(decide_reports, next, move |rejected: Option<Rejected<ReportActionForm>>| {
        let (form, errors) = forms::state(&rejected);
        view! {
            <PageTitle text=forms::title(lang, Msg::ReportsHeading, rejected.is_some())/>
            <AdminNav current=crate::path::REPORTS/>
            <h1>{lang.t(Msg::ReportsHeading)}</h1>
            {(done && rejected.is_none()).then(|| view! {
                <div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">{lang.t(Msg::ReportsHandled)}</p></div></div>
            })}
            {rejected.as_ref().map(|r| view! { <ErrorSummary error=r.error.clone() fields=vec![(field::NOTE, Msg::FieldHideNote)]/> })}
            <Suspense fallback=move || view! { <p>{lang.t(Msg::Loading)}</p> }>
                {
                    let (form, errors) = (form.clone(), errors.clone());
                    move || queue.get().map(|r| match r {
                        Ok(list) if list.is_empty() => view! { <p>{lang.t(Msg::ReportsEmpty)}</p> }.into_any(),
                        Ok(list) => view! {
                            <ul class="nobullet-list reported-vacancies">
                                {list.into_iter().map(|v| {
                                    // The note typed before shows again at the vacancy it was for.
                                    let this = form.id == v.vacancy_id.to_string();
                                    let note = if this { form.note.clone() } else { String::new() };
                                    let error = if this { errors.get(field::NOTE) } else { None };
                                    view! { <Reported v note error/> }
                                }).collect_view()}
                            </ul>
                        }.into_any(),
                        Err(error) => view! { <ErrorAlert error/> }.into_any(),
                    })
                }
            </Suspense>
        }
    })
}

#[component]
fn Reported(v: ReportedVacancy, note: String, error: Option<Msg>) -> impl IntoView {
    let lang = use_lang();
    let id = v.vacancy_id.to_string();
    view! {
        <li class="reported-vacancy">
            <h2 class="h3"><a href=crate::pages::link(crate::path::VACANCY, &[&v.vacancy_id])>{v.title.clone()}</a></h2>
            <p>{v.employer_name.clone()} " · " {crate::i18n::date_time(lang, v.first_at)}</p>
            <ul>
                {v.reports.into_iter().map(|(reason, details)| view! {
                    <li><strong>{lang.t(reason.label())}</strong>{(!details.is_empty()).then(|| format!(": {details}"))}</li>
                }).collect_view()}
            </ul>
            <form method="post" action=crate::path::REPORTS novalidate=true>
                <input type="hidden" name="id" value=id.clone()/>
                // The field with an error keeps the plain id the error summary links to.
                <Field name=field::NOTE label=Msg::FieldHideNote kind=Kind::Multiline value=note instance=error.is_none().then(|| id.clone()) error/>
                <button type="submit" name="action" value=ReportAction::Hide.code() class="button button-primary">{lang.t(Msg::HideVacancy)}</button>
                " "
                <button type="submit" name="action" value=ReportAction::Dismiss.code() class="button button-secondary">{lang.t(Msg::DismissReports)}</button>
            </form>
        </li>
    }
}
