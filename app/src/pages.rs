//! Every page, once: its address, its component, who may see it, and whether its
//! form posts back to it (it then works without JavaScript, see `forms`). The
//! routes, the access table's page rows and the server's form routes are all made
//! from this list, so a page cannot be routed but unguarded, or guarded but
//! unrouted. Adding a page is one line here.

use crate::auth::access::{Access, ADMINS, EMPLOYERS, JOBSEEKERS, SECOND_FACTOR, SIGNED_IN, STAFF};
use crate::{admin, auth, caseworker, employer, jobseeker, search, ui};
use leptos::prelude::*;
use leptos_router::components::{Route, Routes};
use leptos_router::{path, SsrMode};

const PUBLIC: Access = Access::Public;

/// A page's row: its address as the router writes it (`/job/:id`), who may see
/// it, and whether it takes form posts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Page {
    pub path: &'static str,
    pub access: Access,
    pub form: bool,
}

impl Page {
    /// The address as the server's router writes it (`/job/{id}`).
    pub fn route(&self) -> String {
        self.path
            .split('/')
            .map(|s| s.strip_prefix(':').map_or_else(|| s.to_string(), |p| format!("{{{p}}}")))
            .collect::<Vec<_>>()
            .join("/")
    }
}

macro_rules! form_flag {
    (form) => {
        true
    };
    (page) => {
        false
    };
}

macro_rules! pages {
    ($($path:tt => $view:path, $access:expr, $kind:ident;)*) => {
        /// Every page (see the module's comment).
        pub const PAGES: &[Page] = &[$(Page { path: $path, access: $access, form: form_flag!($kind) }),*];

        /// The routes of every page. All render on the server with their data
        /// (`SsrMode::Async`), so a page works before, and without, JavaScript.
        #[component]
        pub fn PageRoutes() -> impl IntoView {
            view! {
                <Routes fallback=ui::layout::NotFound>
                    $(<Route path=path!($path) view=$view ssr=SsrMode::Async/>)*
                </Routes>
            }
        }
    };
}

pages! {
    "/" => search::HomePage, PUBLIC, page;
    "/job" => search::SearchPage, PUBLIC, page;
    "/job/:id" => search::VacancyPage, PUBLIC, page;
    "/tilgaengelighed" => ui::layout::AccessibilityPage, PUBLIC, page;
    "/log-ind" => auth::SignInPage, PUBLIC, form;
    "/log-ind/kode" => auth::second_factor::CodePage, PUBLIC, form;
    "/log-ud" => auth::SignOutPage, PUBLIC, form;
    "/opret/borger" => auth::signup::JobseekerSignUpPage, PUBLIC, form;
    "/opret/arbejdsgiver" => auth::signup::EmployerSignUpPage, PUBLIC, form;
    "/konto" => auth::AccountPage, SIGNED_IN, form;
    "/konto/to-trin" => auth::second_factor::SetUpPage, SECOND_FACTOR, form;
    "/arbejdsgiver" => employer::EmployerHomePage, EMPLOYERS, page;
    "/arbejdsgiver/stillinger/ny" => employer::NewVacancyPage, EMPLOYERS, form;
    "/arbejdsgiver/virksomhed" => employer::company::CompanyPage, EMPLOYERS, form;
    "/min-side" => jobseeker::OverviewPage, JOBSEEKERS, form;
    "/min-side/cv" => jobseeker::cv::CvPage, JOBSEEKERS, page;
    "/min-side/cv/:afsnit" => jobseeker::cv::CvSectionPage, JOBSEEKERS, form;
    "/min-side/cv-udskrift" => jobseeker::cv::CvPrintPage, JOBSEEKERS, page;
    "/min-side/joblog" => jobseeker::joblog::JoblogPage, JOBSEEKERS, form;
    "/min-side/joblog/aktivitet" => jobseeker::joblog::EntryPage, JOBSEEKERS, form;
    "/min-side/raadighed" => jobseeker::availability::AvailabilityPage, JOBSEEKERS, form;
    "/min-side/tjek" => jobseeker::check::CheckPage, JOBSEEKERS, form;
    "/min-side/jobagenter" => jobseeker::agents::AgentsPage, JOBSEEKERS, form;
    "/min-side/hjaelp" => jobseeker::contact::HelpPage, JOBSEEKERS, form;
    "/min-side/screening" => jobseeker::screening::ScreeningPage, JOBSEEKERS, form;
    "/min-side/jobcenter" => jobseeker::contact::ContactPage, JOBSEEKERS, form;
    "/mine-data/adgang" => jobseeker::AccessLogPage, JOBSEEKERS, page;
    "/jobcenter" => caseworker::QueuePage, STAFF, form;
    "/jobcenter/overblik" => caseworker::DashboardPage, STAFF, page;
    "/jobcenter/borgere" => caseworker::CitizensPage, STAFF, page;
    "/jobcenter/borgere/:id" => caseworker::CitizenPage, STAFF, form;
    "/admin/brugere" => admin::UsersPage, ADMINS, form;
    "/admin/regler" => admin::rules::RulesAdminPage, ADMINS, form;
    "/admin/sikkerhed" => admin::security::SecurityLogPage, ADMINS, page;
    "/admin/virksomheder" => admin::security::CompaniesPage, ADMINS, form;
    "/admin/medarbejdere" => admin::security::StaffPage, ADMINS, form;
}

/// The server's routes of the pages whose forms post back to them.
pub fn form_routes() -> Vec<String> {
    PAGES.iter().filter(|p| p.form).map(Page::route).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_page_is_listed_once_and_its_route_is_the_servers() {
        let mut paths: Vec<&str> = PAGES.iter().map(|p| p.path).collect();
        let n = paths.len();
        paths.sort();
        paths.dedup();
        assert_eq!(paths.len(), n);
        let vacancy = PAGES.iter().find(|p| p.path == "/job/:id").unwrap();
        assert_eq!(vacancy.route(), "/job/{id}");
        assert!(form_routes().contains(&"/min-side/cv/{afsnit}".to_string()));
    }
}
