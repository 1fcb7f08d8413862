//! Jobunivers: the Leptos app, shared by the server (feature `ssr`) and the browser
//! (feature `hydrate`). One folder per area a person recognises; `domain` holds the
//! pure rules; `ssr` the server-only database, index and services.

#![recursion_limit = "256"]

pub mod admin;
pub mod auth;
pub mod caseworker;
pub mod cookies;
pub mod employer;
pub mod forms;
pub mod jobseeker;
pub mod search;
pub mod ui;

#[cfg(feature = "ssr")]
pub mod ssr;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Stylesheet};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, SsrMode};

/// The rules and shared types live in their own crate (`app/domain`); these
/// names keep `crate::domain::…`, `crate::i18n::…` and `crate::error::…` short.
pub use domain::{self, error, i18n};
pub use i18n::{Lang, Msg};

/// The HTML document around the app, rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let lang = ui::lang::detect();
    #[cfg(feature = "ssr")]
    set_content_security_policy();
    view! {
        <!DOCTYPE html>
        <html lang=lang.code()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="description" content=lang.t(Msg::SiteTagline)/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <link rel="stylesheet" href="/dkfds/css/dkfds-borgerdk.min.css"/>
                <AutoReload options=options.clone()/>
                <HydrationScripts options/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// The Content-Security-Policy of a page: scripts only with this response's nonce
/// (the hydration script, which then loads the app), WebAssembly allowed, nothing
/// from other sites, and never inside a frame.
#[cfg(feature = "ssr")]
fn set_content_security_policy() {
    let (Some(nonce), Some(res)) = (leptos::nonce::use_nonce(), use_context::<leptos_axum::ResponseOptions>()) else {
        return;
    };
    let policy = format!(
        "default-src 'self'; script-src 'nonce-{nonce}' 'strict-dynamic' 'wasm-unsafe-eval'; style-src 'self'; \
         img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; \
         base-uri 'none'; object-src 'none'"
    );
    if let Ok(value) = http::HeaderValue::from_str(&policy) {
        res.insert_header(http::header::CONTENT_SECURITY_POLICY, value);
    }
}

/// The paths of pages whose forms post back to themselves (they work without
/// JavaScript). The server also answers POST on these.
pub const FORM_PAGES: &[&str] = &[
    employer::NEW_VACANCY_PATH,
    auth::SIGN_IN_PATH,
    auth::SIGN_OUT_PATH,
    auth::ACCOUNT_PATH,
    auth::second_factor::CODE_PATH,
    auth::second_factor::SET_UP_PATH,
    auth::signup::JOBSEEKER_PATH,
    auth::signup::EMPLOYER_PATH,
    admin::USERS_PATH,
    admin::rules::RULES_PATH,
    admin::security::COMPANIES_PATH,
    admin::security::STAFF_PATH,
    employer::company::COMPANY_PATH,
    jobseeker::MIN_SIDE_PATH,
    jobseeker::cv::CV_SECTION_PATH,
    jobseeker::joblog::JOBLOG_PATH,
    jobseeker::joblog::ENTRY_PATH,
    jobseeker::availability::AVAILABILITY_PATH,
    jobseeker::check::CHECK_PATH,
    jobseeker::agents::AGENTS_PATH,
    jobseeker::jobcentre::HELP_PATH,
    jobseeker::screening::SCREENING_PATH,
    jobseeker::jobcentre::JOBCENTRE_PATH,
    caseworker::QUEUE_PATH,
    caseworker::case::CASE_PATH,
];

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_context(ui::lang::detect());
    view! {
        <Stylesheet id="leptos" href="/pkg/jobunivers.css"/>
        <Router>
            <ui::layout::Layout>
                <Routes fallback=ui::layout::NotFound>
                    <Route path=path!("/") view=search::HomePage ssr=SsrMode::Async/>
                    <Route path=path!("/job") view=search::SearchPage ssr=SsrMode::Async/>
                    <Route path=path!("/job/:id") view=search::VacancyPage ssr=SsrMode::Async/>
                    <Route path=path!("/arbejdsgiver/stillinger/ny") view=employer::NewVacancyPage ssr=SsrMode::Async/>
                    <Route path=path!("/log-ind") view=auth::SignInPage ssr=SsrMode::Async/>
                    <Route path=path!("/log-ind/kode") view=auth::second_factor::CodePage ssr=SsrMode::Async/>
                    <Route path=path!("/log-ud") view=auth::SignOutPage ssr=SsrMode::Async/>
                    <Route path=path!("/opret/borger") view=auth::signup::JobseekerSignUpPage ssr=SsrMode::Async/>
                    <Route path=path!("/opret/arbejdsgiver") view=auth::signup::EmployerSignUpPage ssr=SsrMode::Async/>
                    <Route path=path!("/arbejdsgiver") view=employer::EmployerHomePage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/brugere") view=admin::UsersPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/regler") view=admin::rules::RulesAdminPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/sikkerhed") view=admin::security::SecurityLogPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/virksomheder") view=admin::security::CompaniesPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/medarbejdere") view=admin::security::StaffPage ssr=SsrMode::Async/>
                    <Route path=path!("/arbejdsgiver/virksomhed") view=employer::company::CompanyPage ssr=SsrMode::Async/>
                    <Route path=path!("/konto") view=auth::AccountPage ssr=SsrMode::Async/>
                    <Route path=path!("/konto/to-trin") view=auth::second_factor::SetUpPage ssr=SsrMode::Async/>
                    <Route path=path!("/jobcenter") view=caseworker::QueuePage ssr=SsrMode::Async/>
                    <Route path=path!("/jobcenter/overblik") view=caseworker::DashboardPage ssr=SsrMode::Async/>
                    <Route path=path!("/jobcenter/borgere") view=caseworker::CitizensPage ssr=SsrMode::Async/>
                    <Route path=path!("/jobcenter/borgere/:id") view=caseworker::CitizenPage ssr=SsrMode::Async/>
                    <Route path=path!("/mine-data/adgang") view=jobseeker::AccessLogPage ssr=SsrMode::Async/>
                    <Route path=path!("/min-side") view=jobseeker::MinSidePage ssr=SsrMode::Async/>
                    <Route path=path!("/min-side/cv") view=jobseeker::cv::CvPage ssr=SsrMode::Async/>
                    <Route path=path!("/min-side/cv/:afsnit") view=jobseeker::cv::CvSectionPage ssr=SsrMode::Async/>
                    <Route path=path!("/min-side/cv-udskrift") view=jobseeker::cv::CvPrintPage ssr=SsrMode::Async/>
                    <Route path=path!("/min-side/joblog") view=jobseeker::joblog::JoblogPage ssr=SsrMode::Async/>
                    <Route path=path!("/min-side/joblog/aktivitet") view=jobseeker::joblog::EntryPage ssr=SsrMode::Async/>
                    <Route path=path!("/min-side/raadighed") view=jobseeker::availability::AvailabilityPage ssr=SsrMode::Async/>
                    <Route path=path!("/min-side/tjek") view=jobseeker::check::CheckPage ssr=SsrMode::Async/>
                    <Route path=path!("/min-side/jobagenter") view=jobseeker::agents::AgentsPage ssr=SsrMode::Async/>
                    <Route path=path!("/min-side/hjaelp") view=jobseeker::jobcentre::HelpPage ssr=SsrMode::Async/>
                    <Route path=path!("/min-side/screening") view=jobseeker::screening::ScreeningPage ssr=SsrMode::Async/>
                    <Route path=path!("/min-side/jobcenter") view=jobseeker::jobcentre::JobcentrePage ssr=SsrMode::Async/>
                    <Route path=path!("/tilgaengelighed") view=ui::layout::AccessibilityPage ssr=SsrMode::Async/>
                </Routes>
            </ui::layout::Layout>
        </Router>
    }
}
