//! Availability: weekly hours, reporting sick and well, registering holiday, and
//! the history. One page, several small forms, each a plain POST.

use super::{JobseekerNav, SavedNote};
use crate::domain::availability::{field, AvailabilityAction, AvailabilityForm, Event};
use crate::domain::jobseeker::AvailabilityView;
use crate::error::AppError;
use crate::forms::{self, form_page, Rejected};
use crate::i18n::{self, Msg};
use crate::ui::form::{ButtonForm, ErrorSummary, Field, Kind, SelectField};
use crate::ui::lang::use_lang;
use crate::ui::layout::{ErrorAlert, PageTitle};
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "jobseeker/availability")]
pub async fn my_availability() -> Result<AvailabilityView, AppError> {
    // Jobseekers (access table), their own availability only.
    let me = crate::auth::require_user()?;
    crate::ssr::services::jobseeker::availability::view(&crate::ssr::state()?, &me, crate::ssr::today()?).await
}

#[server(prefix = "/api", endpoint = "jobseeker/availability/report")]
pub async fn report_availability(form: AvailabilityForm) -> Result<(), AppError> {
    let me = crate::auth::require_user()?;
    crate::ssr::services::jobseeker::availability::report(&crate::ssr::state()?, &me, &form, crate::ssr::today()?).await.map(|_| ())
}

#[component]
pub fn AvailabilityPage() -> impl IntoView {
    let lang = use_lang();
    let data = Resource::new(|| (), |_| my_availability());
    view! {
        <JobseekerNav current=crate::path::AVAILABILITY/>
        {form_page(report_availability, |_: &()| format!("{}?gemt=1", crate::path::AVAILABILITY), move |rejected| view! {
            <Suspense fallback=move || view! { <p>{lang.t(Msg::Loading)}</p> }>
                {move || data.get().map(|r| match r {
                    Ok(v) => view! { <AvailabilityView v rejected=rejected.clone()/> }.into_any(),
                    Err(error) => view! { <ErrorAlert error/> }.into_any(),
                })}
            </Suspense>
        })}
    }
}

fn event_text(e: &Event, lang: crate::Lang) -> String {
    match *e {
        Event::Sick { from } => format!("{}: {}", lang.t(Msg::EventSick), i18n::date(lang, from)),
        Event::Well { on } => format!("{}: {}", lang.t(Msg::EventWell), i18n::date(lang, on)),
        Event::Holiday { from, to } => format!("{}: {}", lang.t(Msg::EventHoliday), i18n::period(lang, from, to)),
        Event::Hours { hours, .. } => format!("{}: {}", lang.t(Msg::EventHours), hours),
    }
}

#[component]
fn AvailabilityView(v: AvailabilityView, rejected: Option<Rejected<AvailabilityForm>>) -> impl IntoView {
    let lang = use_lang();
    let title = forms::title(lang, Msg::NavAvailability, rejected.is_some());
    let (form, errors) = forms::state(&rejected);
    let err = |name: &str| errors.get(name);
    let posted = |action: &str| rejected.as_ref().is_some_and(|r| r.form.action == action);
    // Only the form that was sent shows its typed values and errors.
    let holiday_form = if posted("holiday") { form.clone() } else { AvailabilityForm::default() };
    let hours_now = v.status.hours.to_string();
    let hours_options: Vec<(String, String)> =
        [v.rules.full_time_hours, v.rules.part_time_hours].into_iter().map(|h| (h.to_string(), i18n::hours_a_week(lang, h))).collect();
    let action_error = err("action");
    view! {
        <PageTitle text=title/>
        <h1>{lang.t(Msg::NavAvailability)}</h1>
        <SavedNote msg=Msg::Saved/>
        {rejected.as_ref().map(|r| view! { <ErrorSummary error=r.error.clone()
            fields=vec![(field::FROM, Msg::FieldHolidayFrom), (field::TO, Msg::FieldHolidayTo), (field::HOURS, Msg::FieldAvailableHours)]/> })}
        {action_error.map(|m| view! { <div class="alert alert-warning" role="alert"><div class="alert-body"><p class="alert-text">{lang.t(m)}</p></div></div> })}
        <p class="lead">{lang.t(Msg::AvailabilityIntro)}</p>

        <section aria-labelledby="sick-heading">
            <h2 id="sick-heading">{lang.t(Msg::SickHeading)}</h2>
            {match v.status.sick_since {
                Some(d) => view! {
                    <p class="availability-status">{format!("{} {}.", lang.t(Msg::SickSince), i18n::date(lang, d))}</p>
                    <ButtonForm action=crate::path::AVAILABILITY.to_string() label=Msg::ReportWell hidden=vec![("action", AvailabilityAction::Well.code().to_string())]/>
                }.into_any(),
                None => view! {
                    <p class="availability-status">{format!("{}: {}.", lang.t(Msg::StatusAvailable), i18n::hours_a_week(lang, v.status.hours))}</p>
                    <p>{lang.t(Msg::SickNote)}</p>
                    <ButtonForm action=crate::path::AVAILABILITY.to_string() label=Msg::ReportSick hidden=vec![("action", AvailabilityAction::Sick.code().to_string())]/>
                }.into_any(),
            }}
        </section>

        <section aria-labelledby="holiday-heading">
            <h2 id="holiday-heading">{lang.t(Msg::HolidayHeading)}</h2>
            <p>{lang.t(Msg::ErrHolidayNotice)}</p>
            {(!v.status.holidays.is_empty()).then(|| view! {
                <h3 class="h5">{lang.t(Msg::HolidaysPlanned)}</h3>
                <ul class="holidays">{v.status.holidays.iter().map(|p| view! { <li>{i18n::period(lang, p.from, p.to)}</li> }).collect_view()}</ul>
            })}
            <form method="post" action=crate::path::AVAILABILITY novalidate=true class="holiday-form">
                <input type="hidden" name="action" value=AvailabilityAction::Holiday.code()/>
                <Field name=field::FROM label=Msg::FieldHolidayFrom value=holiday_form.from error=err(field::FROM).filter(|_| posted("holiday"))
                    kind=Kind::Date required=true/>
                <Field name=field::TO label=Msg::FieldHolidayTo value=holiday_form.to error=err(field::TO).filter(|_| posted("holiday"))
                    kind=Kind::Date required=true/>
                <button type="submit" class="button button-primary">{lang.t(Msg::RegisterHoliday)}</button>
            </form>
        </section>

        <section aria-labelledby="hours-heading">
            <h2 id="hours-heading">{lang.t(Msg::HoursHeading)}</h2>
            <form method="post" action=crate::path::AVAILABILITY novalidate=true class="hours-form">
                <input type="hidden" name="action" value=AvailabilityAction::Hours.code()/>
                <SelectField name=field::HOURS label=Msg::FieldAvailableHours options=hours_options
                    selected=if posted("hours") { form.hours.clone() } else { hours_now } error=err(field::HOURS).filter(|_| posted("hours"))/>
                <button type="submit" class="button button-secondary">{lang.t(Msg::Save)}</button>
            </form>
        </section>

        <section aria-labelledby="history-heading">
            <h2 id="history-heading">{lang.t(Msg::HistoryHeading)}</h2>
            <crate::ui::TableScroll label=lang.t(Msg::HistoryHeading).to_string()>
                <table class="table availability-history">
                    <thead><tr><th scope="col">{lang.t(Msg::ReportedAt)}</th><th scope="col">{lang.t(Msg::AccessWhat)}</th></tr></thead>
                    <tbody>
                        {v.history.is_empty().then(|| view! { <tr><td colspan="2">{lang.t(Msg::NotGiven)}</td></tr> })}
                        {v.history.iter().map(|(at, e)| view! { <tr><td>{i18n::date_time(lang, *at)}</td><td>{event_text(e, lang)}</td></tr> }).collect_view()}
                    </tbody>
                </table>
            </crate::ui::TableScroll>
        </section>
    }
}
