//! The jobseeker's own pages: "Min side", the CV, the joblog, availability, the
//! 7-day check, and who has seen their data. Server functions are thin: they find
//! the caller and hand over to `ssr::services::jobseeker`.

pub mod access_log;
pub mod agents;
pub mod availability;
pub mod check;
pub mod contact;
pub mod cv;
pub mod employers;
pub mod joblog;
pub mod screening;

pub use access_log::AccessLogPage;

use crate::domain::jobseeker::{Overview, Suggestion};
use crate::error::AppError;
use crate::forms::{self, ButtonData};
use crate::i18n::{self, Msg};
use crate::ui::form::ButtonForm;
use crate::ui::lang::use_lang;
use crate::ui::layout::{ErrorAlert, PageTitle};
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "jobseeker/overview")]
pub async fn my_overview() -> Result<Overview, AppError> {
    // Jobseekers (access table), their own data only.
    let me = crate::auth::require_user()?;
    crate::ssr::services::jobseeker::overview::overview(&crate::ssr::state()?, &me, crate::ssr::today()?).await
}

#[server(prefix = "/api", endpoint = "jobseeker/notifications/read")]
pub async fn mark_notifications_read(form: ButtonData) -> Result<u64, AppError> {
    let _ = form;
    let me = crate::auth::require_user()?;
    crate::ssr::services::jobseeker::overview::mark_read(&crate::ssr::state()?, &me).await
}

/// The links between the jobseeker's pages, the current one marked.
#[component]
pub fn JobseekerNav(current: &'static str) -> impl IntoView {
    let lang = use_lang();
    let links = [
        (crate::path::OVERVIEW, Msg::NavOverview),
        (crate::path::CV, Msg::NavCv),
        (crate::path::JOBLOG, Msg::NavJoblog),
        (crate::path::AVAILABILITY, Msg::NavAvailability),
        (crate::path::CHECK, Msg::NavCheck),
        (crate::path::AGENTS, Msg::NavAgents),
        (crate::path::CONTACT, Msg::NavMessages),
        (crate::path::EMPLOYER_MESSAGES, Msg::NavEmployerMessages),
        (crate::path::VISIBILITY, Msg::NavVisibility),
    ];
    view! {
        <nav class="jobseeker-nav" aria-label=lang.t(Msg::JobseekerNav)>
            <ul class="nobullet-list">
                {links.into_iter().map(|(href, msg)| view! {
                    <li><a href=href aria-current=(href == current).then_some("page")>{lang.t(msg)}</a></li>
                }).collect_view()}
                // On every page of theirs: asking the jobcentre for help.
                <li class="nav-help"><a href=crate::path::HELP aria-current=(crate::path::HELP == current).then_some("page")>{lang.t(Msg::NavHelp)}</a></li>
            </ul>
        </nav>
    }
}

/// A green note after something was saved (`?gemt=1` on the address).
#[component]
pub fn SavedNote(msg: Msg) -> impl IntoView {
    let lang = use_lang();
    let query = leptos_router::hooks::use_query_map();
    move || {
        query.read().get("gemt").map(|_| {
            view! {
                <div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">{lang.t(msg)}</p></div></div>
            }
        })
    }
}

/// Suggested vacancies, each with why it was suggested.
#[component]
pub fn SuggestionList(suggestions: Vec<Suggestion>) -> impl IntoView {
    let lang = use_lang();
    if suggestions.is_empty() {
        return view! { <p>{lang.t(Msg::SuggestionsEmpty)}</p> }.into_any();
    }
    view! {
        <ul class="nobullet-list result-list suggestions">
            {suggestions.into_iter().map(|s| view! {
                <li class="result-item">
                    <h3 class="h5 result-title"><a href=crate::pages::link(crate::path::VACANCY, &[&s.hit.id])>{s.hit.title.clone()}</a></h3>
                    <p class="result-facts">
                        {s.hit.employer_name.clone()} " · " {format!("{} {}", s.hit.postcode, s.hit.city)} " · "
                        {lang.t(Msg::ApplicationDeadline)} ": " {i18n::date(lang, s.hit.deadline)}
                    </p>
                    <p class="suggestion-reason">{match s.hit.distance_km {
                        Some(km) => format!("{}: {}, {}", lang.t(Msg::MatchesYourWish), s.because, i18n::distance(lang, km)),
                        None => format!("{}: {}", lang.t(Msg::MatchesYourWish), s.because),
                    }}</p>
                </li>
            }).collect_view()}
        </ul>
    }
    .into_any()
}

/// "Min side": where the jobseeker stands and what to do next.
#[component]
pub fn OverviewPage() -> impl IntoView {
    let lang = use_lang();
    let outcome = forms::use_form_post(mark_notifications_read, |_: &u64| crate::path::OVERVIEW.to_string());
    let data = Resource::new(|| (), |_| my_overview());
    view! {
        <PageTitle text=lang.t(Msg::NavOverview).to_string()/>
        <JobseekerNav current=crate::path::OVERVIEW/>
        <Suspense fallback=move || view! { <p>{lang.t(Msg::Loading)}</p> }>
            {move || outcome.get().flatten().map(|r| view! { <ErrorAlert error=r.error/> })}
            {move || data.get().map(|r| match r {
                Ok(o) => view! { <OverviewView o/> }.into_any(),
                Err(error) => view! { <ErrorAlert error/> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn OverviewView(o: Overview) -> impl IntoView {
    let lang = use_lang();
    let missing: Vec<String> = o.cv_missing.iter().map(|s| lang.t(s.heading()).to_string()).collect();
    let sick = o.status.sick_since.is_some();
    let unread = o.notifications.iter().any(|n| !n.read);
    let check_text = if o.check_due == o.today {
        lang.t(Msg::CheckDueToday).to_string()
    } else {
        format!("{}: {}", lang.t(Msg::CheckDueLabel), i18n::date(lang, o.check_due))
    };
    view! {
        <h1>{format!("{} – {}", lang.t(Msg::NavOverview), o.name)}</h1>
        <p class="lead">{lang.t(Msg::OverviewIntro)}</p>
        {(!o.jobcentre.screened).then(|| view! {
            <div class="alert alert-info screening-prompt"><div class="alert-body">
                <p class="alert-text"><a href=crate::path::SCREENING>{lang.t(Msg::ScreeningPrompt)}</a></p>
            </div></div>
        })}
        <div class="overview-grid">
            <section class="overview-card" aria-labelledby="overview-cv">
                <h2 id="overview-cv" class="h3">{lang.t(Msg::CvStatusHeading)}</h2>
                <p class="cv-percent">{i18n::cv_percent(lang, o.cv_percent)}</p>
                <meter min="0" max="100" value=o.cv_percent.to_string() aria-label=lang.t(Msg::CvStatusHeading)></meter>
                <p class="cv-visibility">{lang.t(if o.cv_searchable { Msg::CvSearchableYes } else if sick && missing.is_empty() { Msg::CvHiddenSick } else { Msg::CvSearchableNo })}</p>
                {(!missing.is_empty()).then(|| view! { <p class="cv-missing">{format!("{}: {}", lang.t(Msg::CvMissingLabel), missing.join(", "))}</p> })}
                {o.cv_deadline.map(|d| view! {
                    <p class="cv-deadline">{format!("{}: {}", lang.t(Msg::CvDeadlineLabel), i18n::date(lang, d))}</p>
                    {(d < o.today).then(|| view! { <p class="text-error">{lang.t(Msg::CvDeadlinePassed)}</p> })}
                })}
                <p><a href=crate::path::CV>{lang.t(Msg::GoToCv)}</a></p>
            </section>
            <section class="overview-card" aria-labelledby="overview-joblog">
                <h2 id="overview-joblog" class="h3">{lang.t(Msg::NavJoblog)}</h2>
                <p class="joblog-progress">{i18n::joblog_progress(lang, o.progress.applications, o.progress.weeks.len() as u32, o.applications_per_week)}</p>
                <p class="joblog-verdict">{if o.progress.on_track { lang.t(Msg::JoblogOnTrack).to_string() } else { i18n::joblog_missing(lang, o.progress.missing) }}</p>
                {o.progress.inactive.then(|| view! { <p class="text-error">{lang.t(Msg::JoblogInactive)}</p> })}
                <p><a href=crate::path::JOBLOG>{lang.t(Msg::GoToJoblog)}</a></p>
            </section>
            <section class="overview-card" aria-labelledby="overview-check">
                <h2 id="overview-check" class="h3">{lang.t(Msg::NavCheck)}</h2>
                <p class="check-due">{if sick { lang.t(Msg::CheckSickNote).to_string() } else { check_text }}</p>
                <p><a href=crate::path::CHECK>{lang.t(Msg::GoToCheck)}</a></p>
            </section>
            <section class="overview-card" aria-labelledby="overview-availability">
                <h2 id="overview-availability" class="h3">{lang.t(Msg::NavAvailability)}</h2>
                <p class="availability-status">{match o.status.sick_since {
                    Some(d) => format!("{} {}.", lang.t(Msg::SickSince), i18n::date(lang, d)),
                    None => format!("{}: {}.", lang.t(Msg::StatusAvailable), i18n::hours_a_week(lang, o.status.hours)),
                }}</p>
                {o.status.holidays.first().map(|p| view! {
                    <p class="availability-holiday">{format!("{}: {}", lang.t(Msg::HolidayHeading), i18n::period(lang, p.from, p.to))}</p>
                })}
                <p><a href=crate::path::AVAILABILITY>{lang.t(Msg::GoToAvailability)}</a></p>
            </section>
        </div>
        <section aria-labelledby="overview-notifications">
            <h2 id="overview-notifications">{lang.t(Msg::NotificationsHeading)}</h2>
            {if o.notifications.is_empty() {
                view! { <p>{lang.t(Msg::NotificationsEmpty)}</p> }.into_any()
            } else {
                view! {
                    <ul class="nobullet-list notifications">
                        {o.notifications.into_iter().map(|n| view! {
                            <li class:unread=!n.read>
                                {(!n.read).then(|| view! { <strong class="badge badge-info">{lang.t(Msg::Unread)}</strong> " " })}
                                <span class="notification-time">{i18n::date_time(lang, n.at)}</span> " "
                                <span class="notification-text">{n.notice.text(lang)}</span>
                                {n.notice.link(crate::path::CONTACT).map(|(href, text)| view! { " " <a href=href.to_string()>{lang.t(text)}</a> })}
                            </li>
                        }).collect_view()}
                    </ul>
                    {unread.then(|| view! { <ButtonForm action=crate::path::OVERVIEW.to_string() label=Msg::MarkAllRead secondary=true/> })}
                }.into_any()
            }}
        </section>
        {(!o.jobcentre.escalations.is_empty()).then(|| view! { <contact::EscalationList escalations=o.jobcentre.escalations.clone()/> })}
        <section aria-labelledby="overview-meetings">
            <h2 id="overview-meetings">{lang.t(Msg::MeetingsHeading)}</h2>
            <contact::MeetingList meetings=o.jobcentre.meetings.clone() confirm_at=Some(crate::path::CONTACT)/>
            <p class="overview-messages"><a href=crate::path::CONTACT>{match o.jobcentre.unread {
                0 => lang.t(Msg::NavMessages).to_string(),
                n => format!("{} ({n} {})", lang.t(Msg::NavMessages), lang.t(Msg::UnreadCount)),
            }}</a></p>
        </section>
        <section aria-labelledby="overview-suggestions">
            <h2 id="overview-suggestions">{lang.t(Msg::SuggestionsHeading)}</h2>
            <SuggestionList suggestions=o.suggestions/>
        </section>
        <p><a href=crate::path::ACCESS_LOG>{lang.t(Msg::AccessLogHeading)}</a></p>
    }
}
