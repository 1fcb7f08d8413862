//! Every page, once: its address, its component, who may see it, and whether its
//! form posts back to it (it then works without JavaScript, see `forms`). The
//! routes, the access table's page rows and the server's form routes are all made
//! from this list, so a page cannot be routed but unguarded, or guarded but
//! unrouted. Adding a page is one line here.

use crate::auth::access::{Access, ADMINS, EMPLOYERS, JOBSEEKERS, SECOND_FACTOR, SIGNED_IN, STAFF};
use crate::{admin, auth, business, caseworker, employer, jobseeker, search, ui};
use leptos::prelude::*;
use leptos_router::components::{Route, Routes};
use leptos_router::{path, Lazy, SsrMode};

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
    ($($(#[doc = $area_doc:literal])* $area_fn:ident {
        $($name:ident = $path:tt => $view:path, $access:expr, $kind:ident;)*
    })*) => {
        /// Every page (see the module's comment).
        pub const PAGES: &[Page] = &[$($(Page { path: $path, access: $access, form: form_flag!($kind) },)*)*];

        /// Every page's address, by name: links and form actions use these, never
        /// a literal. An address with a `:part` is filled in by `link`.
        pub mod path {
            $($(#[doc = $path] pub const $name: &str = $path;)*)*
        }

        /// The pages' views, one part of the WebAssembly per area, loaded when a
        /// page of the area is first shown (`cargo leptos build --split`): a citizen
        /// on the front page loads neither the employer's nor the jobcentre's pages.
        /// By area rather than by page: per page, wasm-split made a page load some
        /// 300 small parts; per area it is 20 to 60.
        // The route types are named as the page's address constant.
        #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
        mod lazy {
            use super::*;
            use leptos_router::LazyRoute;
            $(
                $(#[doc = $area_doc])*
                pub mod $area_fn {
                    use super::*;

                    #[derive(Clone, Copy)]
                    pub enum Page { $($name,)* }

                    /// The area's part: a page's view, chosen by the page.
                    #[lazy($area_fn)]
                    pub fn view(page: Page) -> AnyView {
                        match page {
                            $(Page::$name => view! { <$view/> }.into_any(),)*
                        }
                    }
                }

                $(
                    pub struct $name;
                    impl LazyRoute for $name {
                        fn data() -> Self {
                            $name
                        }
                        async fn view(_this: Self) -> AnyView {
                            $area_fn::view($area_fn::Page::$name).await
                        }
                        // Hydration needs the part before it starts, so the router
                        // loads it here, with the page's data.
                        async fn preload() {
                            #[cfg(feature = "hydrate")]
                            $area_fn::__preload_view().await;
                        }
                    }
                )*
            )*
        }

        /// The routes of every page. All render on the server with their data
        /// (`SsrMode::Async`), so a page works before, and without, JavaScript.
        #[component]
        pub fn PageRoutes() -> impl IntoView {
            view! {
                <Routes fallback=ui::layout::NotFound>
                    $($(<Route path=path!($path) view={Lazy::<lazy::$name>::new()} ssr=SsrMode::Async/>)*)*
                </Routes>
            }
        }
    };
}

pages! {
    /// The front page and what anyone may read about the service.
    front_pages {
        HOME = "/" => search::HomePage, PUBLIC, page;
        ACCESSIBILITY = "/tilgaengelighed" => ui::layout::AccessibilityPage, PUBLIC, page;
        PRIVACY = "/privatliv" => ui::about::PrivacyPage, PUBLIC, page;
        COOKIES = "/cookies" => ui::about::CookiesPage, PUBLIC, page;
    }
    /// The search and the vacancies.
    search_pages {
        SEARCH = "/job" => search::SearchPage, PUBLIC, page;
        VACANCY = "/job/:id" => search::VacancyPage, PUBLIC, page;
    }
    /// Signing in and up, and the account.
    account_pages {
        SIGN_IN = "/log-ind" => auth::SignInPage, PUBLIC, form;
        CODE = "/log-ind/kode" => auth::second_factor::CodePage, PUBLIC, form;
        SIGN_OUT = "/log-ud" => auth::SignOutPage, PUBLIC, form;
        JOBSEEKER_SIGN_UP = "/opret/borger" => auth::signup::JobseekerSignUpPage, PUBLIC, form;
        EMPLOYER_SIGN_UP = "/opret/arbejdsgiver" => auth::signup::EmployerSignUpPage, PUBLIC, form;
        ACCOUNT = "/konto" => auth::AccountPage, SIGNED_IN, form;
        SET_UP = "/konto/to-trin" => auth::second_factor::SetUpPage, SECOND_FACTOR, form;
    }
    /// Min side's front, where a citizen comes in.
    overview_pages {
        OVERVIEW = "/min-side" => jobseeker::OverviewPage, JOBSEEKERS, form;
    }
    /// The rest of the citizen's own pages.
    citizen_pages {
        REPORT_VACANCY = "/job/:id/anmeld" => search::report::ReportPage, JOBSEEKERS, form;
        CV = "/min-side/cv" => jobseeker::cv::CvPage, JOBSEEKERS, page;
        CV_SECTION = "/min-side/cv/:afsnit" => jobseeker::cv::CvSectionPage, JOBSEEKERS, form;
        CV_PRINT = "/min-side/cv-udskrift" => jobseeker::cv::CvPrintPage, JOBSEEKERS, page;
        JOBLOG = "/min-side/joblog" => jobseeker::joblog::JoblogPage, JOBSEEKERS, form;
        ENTRY = "/min-side/joblog/aktivitet" => jobseeker::joblog::EntryPage, JOBSEEKERS, form;
        AVAILABILITY = "/min-side/raadighed" => jobseeker::availability::AvailabilityPage, JOBSEEKERS, form;
        CHECK = "/min-side/tjek" => jobseeker::check::CheckPage, JOBSEEKERS, form;
        AGENTS = "/min-side/jobagenter" => jobseeker::agents::AgentsPage, JOBSEEKERS, form;
        HELP = "/min-side/hjaelp" => jobseeker::contact::HelpPage, JOBSEEKERS, form;
        SCREENING = "/min-side/screening" => jobseeker::screening::ScreeningPage, JOBSEEKERS, form;
        CONTACT = "/min-side/jobcenter" => jobseeker::contact::ContactPage, JOBSEEKERS, form;
        VISIBILITY = "/min-side/synlighed" => jobseeker::employers::VisibilityPage, JOBSEEKERS, form;
        EMPLOYER_MESSAGES = "/min-side/arbejdsgivere" => jobseeker::employers::EmployerMessagesPage, JOBSEEKERS, page;
        EMPLOYER_THREAD = "/min-side/arbejdsgivere/:id" => jobseeker::employers::EmployerThreadPage, JOBSEEKERS, form;
        ACCESS_LOG = "/mine-data/adgang" => jobseeker::AccessLogPage, JOBSEEKERS, page;
    }
    /// The employer's pages.
    employer_pages {
        EMPLOYER_HOME = "/arbejdsgiver" => employer::EmployerHomePage, EMPLOYERS, page;
        NEW_VACANCY = "/arbejdsgiver/stillinger/ny" => employer::NewVacancyPage, EMPLOYERS, form;
        EMPLOYER_VACANCY = "/arbejdsgiver/stillinger/:id" => employer::vacancies::ManageVacancyPage, EMPLOYERS, form;
        EDIT_VACANCY = "/arbejdsgiver/stillinger/:id/ret" => employer::vacancies::EditVacancyPage, EMPLOYERS, form;
        COMPANY = "/arbejdsgiver/virksomhed" => employer::company::CompanyPage, EMPLOYERS, form;
        CANDIDATES = "/arbejdsgiver/kandidater" => employer::candidates::CandidateSearchPage, EMPLOYERS, page;
        CANDIDATE = "/arbejdsgiver/kandidater/:id" => employer::candidates::CandidatePage, EMPLOYERS, form;
        CANDIDATE_AGENTS = "/arbejdsgiver/kandidatagenter" => employer::candidate_agents::CandidateAgentsPage, EMPLOYERS, form;
        CANDIDATE_AGENT = "/arbejdsgiver/kandidatagenter/:id" => employer::candidate_agents::CandidateAgentPage, EMPLOYERS, page;
        CONTACTS = "/arbejdsgiver/kontakter" => employer::candidates::ContactsPage, EMPLOYERS, page;
        CONTACT_THREAD = "/arbejdsgiver/kontakter/:id" => employer::candidates::CompanyThreadPage, EMPLOYERS, form;
        EMPLOYER_BUSINESS = "/arbejdsgiver/jobcenter" => business::EmployerBusinessPage, EMPLOYERS, form;
        EMPLOYER_TASK = "/arbejdsgiver/jobcenter/:id" => business::EmployerTaskPage, EMPLOYERS, form;
    }
    /// The jobcentre's pages.
    jobcentre_pages {
        QUEUE = "/jobcenter" => caseworker::QueuePage, STAFF, form;
        DASHBOARD = "/jobcenter/overblik" => caseworker::DashboardPage, STAFF, page;
        CITIZENS = "/jobcenter/borgere" => caseworker::CitizensPage, STAFF, page;
        CASE = "/jobcenter/borgere/:id" => caseworker::CitizenPage, STAFF, form;
        BUSINESS_QUEUE = "/jobcenter/virksomheder" => business::BusinessQueuePage, STAFF, page;
        BUSINESS_TASK = "/jobcenter/virksomheder/:id" => business::JobcentreTaskPage, STAFF, form;
    }
    /// The administrators' pages.
    admin_pages {
        USERS = "/admin/brugere" => admin::UsersPage, ADMINS, form;
        RULES = "/admin/regler" => admin::rules::RulesAdminPage, ADMINS, form;
        SECURITY_LOG = "/admin/sikkerhed" => admin::security::SecurityLogPage, ADMINS, page;
        COMPANIES = "/admin/virksomheder" => admin::security::CompaniesPage, ADMINS, form;
        STAFF = "/admin/medarbejdere" => admin::security::StaffPage, ADMINS, form;
        REPORTS = "/admin/anmeldelser" => admin::reports::ReportsPage, ADMINS, form;
        IMPORTS = "/admin/import" => admin::imports::ImportsPage, ADMINS, form;
    }
}

/// The joblog's files: an address the server answers itself (a multipart upload
/// and the download), not a page, so it has no row above; the access table has its own.
pub const ATTACHMENT_PATH: &str = "/min-side/joblog/bilag";

/// The Atom feed of a search (`/job.atom?q=…` for the page `/job?q=…`), written by
/// the server, not a page.
pub const SEARCH_FEED_PATH: &str = "/job.atom";

/// A link to a page whose address has parts (`/job/:id`): each `:part` in turn
/// is replaced by the next of `parts`, escaped for an address.
pub fn link(path: &str, parts: &[&dyn std::fmt::Display]) -> String {
    let mut parts = parts.iter();
    path.split('/')
        .map(|segment| match (segment.strip_prefix(':'), segment) {
            (Some(_), _) => parts.next().map(|p| escape_segment(&p.to_string())).unwrap_or_default(),
            (None, s) => s.to_string(),
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// Percent-escapes what may not stand in a path segment as it is.
fn escape_segment(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Which of the design system's two looks a page wears: virk.dk's for the
/// employer's pages (as businesses know it from virk.dk), borger.dk's for all others.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    Borger,
    Virk,
}

impl Theme {
    /// The look of the page at `path` (an address as the browser has it).
    pub fn of(path: &str) -> Theme {
        let employer_area = path.strip_prefix(path::EMPLOYER_HOME).is_some_and(|rest| rest.is_empty() || rest.starts_with('/'));
        if employer_area || path == path::EMPLOYER_SIGN_UP {
            Theme::Virk
        } else {
            Theme::Borger
        }
    }

    /// The design system's stylesheet of this look.
    pub fn stylesheet(self) -> &'static str {
        match self {
            Theme::Borger => "/dkfds/css/dkfds-borgerdk.min.css",
            Theme::Virk => "/dkfds/css/dkfds-virkdk.min.css",
        }
    }

    /// The portal this look belongs to (its logo heads the page): its name and address.
    pub fn portal(self) -> (&'static str, &'static str) {
        match self {
            Theme::Borger => ("borger.dk", "https://www.borger.dk"),
            Theme::Virk => ("virk.dk", "https://virk.dk"),
        }
    }
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

    /// The accessibility check of the end-to-end suite loads every page: a page
    /// added here must be added to its list too (with who sees it and how to get there).
    #[test]
    fn every_page_is_in_the_accessibility_check() {
        let spec = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../end2end/tests/a11y.spec.ts")).unwrap();
        let missing: Vec<&str> = PAGES.iter().map(|p| p.path).filter(|p| !spec.contains(&format!("[\"{p}\", "))).collect();
        assert!(missing.is_empty(), "pages missing from PAGES in end2end/tests/a11y.spec.ts: {missing:?}");
    }

    #[test]
    fn links_fill_their_parts_in_order_and_escape_them() {
        assert_eq!(link(path::VACANCY, &[&42]), "/job/42");
        assert_eq!(link(path::CV_SECTION, &[&"erfaring"]), "/min-side/cv/erfaring");
        assert_eq!(link(path::CASE, &[&"1/../x y"]), "/jobcenter/borgere/1%2F..%2Fx%20y");
        assert_eq!(link(path::QUEUE, &[]), "/jobcenter");
    }

    #[test]
    fn employer_pages_wear_virk_and_all_others_borger() {
        for p in ["/arbejdsgiver", "/arbejdsgiver/stillinger/7/ret", "/arbejdsgiver/virksomhed", "/opret/arbejdsgiver"] {
            assert_eq!(Theme::of(p), Theme::Virk, "{p}");
        }
        for p in ["/", "/job", "/arbejdsgiverne", "/min-side", "/opret/borger", "/jobcenter", "/admin/virksomheder"] {
            assert_eq!(Theme::of(p), Theme::Borger, "{p}");
        }
        assert_ne!(Theme::Virk.stylesheet(), Theme::Borger.stylesheet());
    }
}
