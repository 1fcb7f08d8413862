//! Reporting a vacancy as a jobseeker: why, and, if they like, more words.

use crate::domain::report::{field, ReportForm, ReportReason};
use crate::error::AppError;
use crate::forms::{self, form_page, Rejected};
use crate::i18n::Msg;
use crate::ui::form::{ErrorSummary, Field, Kind, RadioGroup};
use crate::ui::lang::use_lang;
use crate::ui::layout::PageTitle;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[server(prefix = "/api", endpoint = "job/report")]
pub async fn report_vacancy(id: i64, form: ReportForm) -> Result<(), AppError> {
    // Jobseekers (access table); one report per person and vacancy.
    let me = crate::auth::require_user()?;
    crate::ssr::services::reports::report(&crate::ssr::state()?, &me, id, &form).await
}

/// The query part that thanks the person on the vacancy's page.
pub const REPORTED: &str = "anmeldt";

#[component]
pub fn ReportPage() -> impl IntoView {
    let lang = use_lang();
    let id: i64 = use_params_map().with_untracked(|p| p.get("id").and_then(|s| s.parse().ok())).unwrap_or_default();
    let vacancy = crate::pages::link(crate::path::VACANCY, &[&id]);
    let action = crate::pages::link(crate::path::REPORT_VACANCY, &[&id]);
    let next = {
        let vacancy = vacancy.clone();
        move |_: &()| format!("{vacancy}?{REPORTED}=1")
    };
    form_page(
        move |f: ReportForm| report_vacancy(id, f),
        next,
        move |rejected: Option<Rejected<ReportForm>>| {
            let (form, errors) = forms::state(&rejected);
            let reasons: Vec<(String, String)> =
                ReportReason::ALL.iter().map(|r| (r.code().to_string(), lang.t(r.label()).to_string())).collect();
            view! {
                <PageTitle text=forms::title(lang, Msg::ReportHeading, rejected.is_some())/>
                <p><a href=vacancy.clone() class="back-link">{lang.t(Msg::BackToVacancy)}</a></p>
                <h1>{lang.t(Msg::ReportHeading)}</h1>
                {rejected.as_ref().map(|r| view! {
                    <ErrorSummary error=r.error.clone() fields=vec![(field::REASON, Msg::FieldReportReason), (field::DETAILS, Msg::FieldReportDetails)]/>
                })}
                <p>{lang.t(Msg::ReportIntro)}</p>
                <form method="post" action=action.clone() novalidate=true>
                    <RadioGroup name=field::REASON label=Msg::FieldReportReason options=reasons selected=form.reason.clone()
                        error=errors.get(field::REASON)/>
                    <Field name=field::DETAILS label=Msg::FieldReportDetails kind=Kind::Multiline value=form.details.clone()
                        error=errors.get(field::DETAILS)/>
                    <button type="submit" class="button button-primary">{lang.t(Msg::SubmitReport)}</button>
                </form>
            }
        },
    )
}
