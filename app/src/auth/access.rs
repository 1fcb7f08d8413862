//! Who may use what: one table for every server function and every page.
//!
//! The server checks this table before any handler runs, and refuses what has no
//! row (deny by default). Ownership and municipality scope ("only your own CV",
//! "only citizens of your municipality") depend on the data, so services check
//! those on top.

use crate::domain::account::{Role, User};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// Anyone, signed in or not.
    Public,
    /// Any signed-in person.
    SignedIn,
    /// Signed in with one of these roles.
    Roles(&'static [Role]),
    /// Signed in as someone who must have a second factor, whether or not it is set
    /// up yet: the pages that set it up.
    SecondFactor,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    Allow,
    /// Not signed in: 401, and a person is sent to sign in.
    Unauthenticated,
    /// Signed in, wrong role: 403.
    Forbidden,
    /// Staff who have not set up their second factor: a person is sent to set it
    /// up; a server function is refused (403).
    SecondFactorFirst,
}

impl Access {
    pub fn decide(self, user: Option<&User>) -> Decision {
        match (self, user) {
            (Access::Public, _) => Decision::Allow,
            (_, None) => Decision::Unauthenticated,
            (Access::SignedIn, Some(_)) => Decision::Allow,
            (Access::Roles(roles), Some(u)) if roles.contains(&u.role) && u.must_set_up_second_factor() => Decision::SecondFactorFirst,
            (Access::Roles(roles), Some(u)) if roles.contains(&u.role) => Decision::Allow,
            (Access::Roles(_), Some(_)) => Decision::Forbidden,
            (Access::SecondFactor, Some(u)) if crate::domain::second_factor::required(u.role) => Decision::Allow,
            (Access::SecondFactor, Some(_)) => Decision::Forbidden,
        }
    }
}

pub const SIGNED_IN: Access = Access::SignedIn;
pub const SECOND_FACTOR: Access = Access::SecondFactor;
pub const EMPLOYERS: Access = Access::Roles(&[Role::Employer]);
pub const JOBSEEKERS: Access = Access::Roles(&[Role::Jobseeker]);
pub const ADMINS: Access = Access::Roles(&[Role::Admin]);
pub const STAFF: Access = Access::Roles(&[Role::Caseworker, Role::Admin]);
/// Either side of a conversation between a company and a candidate.
pub const EMPLOYERS_AND_JOBSEEKERS: Access = Access::Roles(&[Role::Employer, Role::Jobseeker]);
/// Either side of a business task: the company, and the jobcentre's staff.
pub const EMPLOYERS_AND_STAFF: Access = Access::Roles(&[Role::Employer, Role::Caseworker, Role::Admin]);

/// Every server function, by its path.
pub const SERVER_FUNCTIONS: &[(&str, Access)] = &[
    ("/api/job/search", Access::Public),
    ("/api/job/get", Access::Public),
    ("/api/auth/me", Access::Public),
    ("/api/auth/sign-in", Access::Public),
    ("/api/auth/sign-out", Access::Public),
    ("/api/auth/sign-up/jobseeker", Access::Public),
    ("/api/auth/sign-up/employer", Access::Public),
    ("/api/auth/password", Access::SignedIn),
    ("/api/auth/second-factor", Access::Public),
    ("/api/auth/second-factor/view", Access::SecondFactor),
    ("/api/auth/second-factor/act", Access::SecondFactor),
    ("/api/employer/vacancy/create", EMPLOYERS),
    ("/api/employer/vacancy", EMPLOYERS),
    ("/api/employer/vacancy/edit", EMPLOYERS),
    ("/api/employer/vacancy/change", EMPLOYERS),
    ("/api/job/report", JOBSEEKERS),
    ("/api/admin/reports", ADMINS),
    ("/api/admin/reports/act", ADMINS),
    ("/api/admin/imports", ADMINS),
    ("/api/admin/imports/act", ADMINS),
    ("/api/caseworker/citizen/find", STAFF),
    ("/api/caseworker/citizen/view", STAFF),
    ("/api/jobseeker/access-log", JOBSEEKERS),
    ("/api/employer/vacancies", EMPLOYERS),
    ("/api/admin/users/create", ADMINS),
    ("/api/admin/rules", ADMINS),
    ("/api/admin/rules/save", ADMINS),
    ("/api/jobseeker/overview", JOBSEEKERS),
    ("/api/jobseeker/notifications/read", JOBSEEKERS),
    ("/api/jobseeker/cv", JOBSEEKERS),
    ("/api/jobseeker/cv/edit", JOBSEEKERS),
    ("/api/jobseeker/joblog", JOBSEEKERS),
    ("/api/jobseeker/joblog/entry", JOBSEEKERS),
    ("/api/jobseeker/joblog/save", JOBSEEKERS),
    ("/api/jobseeker/joblog/delete", JOBSEEKERS),
    ("/api/jobseeker/availability", JOBSEEKERS),
    ("/api/jobseeker/availability/report", JOBSEEKERS),
    ("/api/jobseeker/check", JOBSEEKERS),
    ("/api/jobseeker/check/confirm", JOBSEEKERS),
    ("/api/jobseeker/agents", JOBSEEKERS),
    ("/api/jobseeker/agents/act", JOBSEEKERS),
    ("/api/jobseeker/help", JOBSEEKERS),
    ("/api/jobseeker/screening", JOBSEEKERS),
    ("/api/jobseeker/screening/answer", JOBSEEKERS),
    ("/api/jobseeker/contact", JOBSEEKERS),
    ("/api/jobseeker/contact/act", JOBSEEKERS),
    ("/api/caseworker/queue", STAFF),
    ("/api/caseworker/queue/act", STAFF),
    ("/api/caseworker/case/act", STAFF),
    ("/api/caseworker/dashboard", STAFF),
    ("/api/employer/company", EMPLOYERS),
    ("/api/employer/company/act", EMPLOYERS),
    ("/api/admin/security-log", ADMINS),
    ("/api/admin/companies/find", ADMINS),
    ("/api/admin/companies/move-admin", ADMINS),
    ("/api/admin/staff", ADMINS),
    ("/api/admin/staff/act", ADMINS),
    ("/api/employer/candidates", EMPLOYERS),
    ("/api/employer/candidate", EMPLOYERS),
    ("/api/employer/candidate-agents", EMPLOYERS),
    ("/api/employer/candidate-agents/act", EMPLOYERS),
    ("/api/employer/candidate-agents/new", EMPLOYERS),
    ("/api/contact", EMPLOYERS_AND_JOBSEEKERS),
    ("/api/contact/threads", EMPLOYERS_AND_JOBSEEKERS),
    ("/api/contact/thread", EMPLOYERS_AND_JOBSEEKERS),
    ("/api/business/tasks", EMPLOYERS_AND_STAFF),
    ("/api/business/task", EMPLOYERS_AND_STAFF),
    ("/api/business/act", EMPLOYERS_AND_STAFF),
    ("/api/jobseeker/visibility", JOBSEEKERS),
    ("/api/jobseeker/visibility/set", JOBSEEKERS),
];

/// Plain HTTP routes that are not pages (the pages' rows are in `crate::pages`).
pub const SERVER_ROUTES: &[(&str, Access)] = &[
    ("/healthz", Access::Public),
    ("/readyz", Access::Public),
    // For the operator's scraper, which has no account: the handler checks the
    // operator's token (server/src/metrics.rs).
    ("/metrics", Access::Public),
    ("/sprog", Access::Public),
    (crate::pages::ATTACHMENT_PATH, JOBSEEKERS),
    // Vacancies out: for search engines, feed readers and other job banks.
    ("/robots.txt", Access::Public),
    ("/sitemap.xml", Access::Public),
    ("/sitemaps/{n}", Access::Public),
    (crate::pages::SEARCH_FEED_PATH, Access::Public),
    ("/api/v1/vacancies", Access::Public),
    ("/api/v1/openapi.json", Access::Public),
];

/// Every page (from `crate::pages`) and plain HTTP route, by its server route pattern.
pub fn pages() -> &'static [(String, Access)] {
    static ROWS: std::sync::OnceLock<Vec<(String, Access)>> = std::sync::OnceLock::new();
    ROWS.get_or_init(|| {
        let pages = crate::pages::PAGES.iter().map(|p| (p.route(), p.access));
        pages.chain(SERVER_ROUTES.iter().map(|(p, a)| (p.to_string(), *a))).collect()
    })
}

/// The rule for a server function path or page route pattern; `None` means refuse.
pub fn lookup(path: &str) -> Option<Access> {
    let function = SERVER_FUNCTIONS.iter().find(|(p, _)| *p == path).map(|(_, a)| *a);
    function.or_else(|| pages().iter().find(|(p, _)| p == path).map(|(_, a)| *a))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(role: Role) -> User {
        User {
            id: 1,
            role,
            email: "a@b.dk".into(),
            name: "A".into(),
            municipality_code: None,
            company_id: None,
            company_role: None,
            second_factor: false,
        }
    }

    #[test]
    fn decisions() {
        assert_eq!(Access::Public.decide(None), Decision::Allow);
        assert_eq!(Access::SignedIn.decide(None), Decision::Unauthenticated);
        assert_eq!(Access::SignedIn.decide(Some(&user(Role::Admin))), Decision::Allow);
        assert_eq!(EMPLOYERS.decide(None), Decision::Unauthenticated);
        assert_eq!(EMPLOYERS.decide(Some(&user(Role::Employer))), Decision::Allow);
        for r in [Role::Jobseeker, Role::Caseworker, Role::Admin] {
            assert_eq!(EMPLOYERS.decide(Some(&user(r))), Decision::Forbidden, "{r:?}");
        }
    }

    #[test]
    fn staff_set_up_their_second_factor_before_anything_else() {
        let new = user(Role::Caseworker);
        assert_eq!(STAFF.decide(Some(&new)), Decision::SecondFactorFirst);
        assert_eq!(Access::SignedIn.decide(Some(&new)), Decision::Allow, "their account page");
        assert_eq!(Access::SecondFactor.decide(Some(&new)), Decision::Allow, "the set-up itself");
        assert_eq!(Access::SecondFactor.decide(Some(&user(Role::Employer))), Decision::Forbidden);
        assert_eq!(EMPLOYERS.decide(Some(&new)), Decision::Forbidden);
        let ready = User { second_factor: true, ..new };
        assert_eq!(STAFF.decide(Some(&ready)), Decision::Allow);
        assert_eq!(JOBSEEKERS.decide(Some(&user(Role::Jobseeker))), Decision::Allow, "citizens sign in with a password alone");
    }

    #[test]
    fn unknown_paths_are_refused_and_paths_are_listed_once() {
        assert_eq!(lookup("/api/not/there"), None);
        let mut all: Vec<&str> = SERVER_FUNCTIONS.iter().map(|(p, _)| *p).chain(pages().iter().map(|(p, _)| p.as_str())).collect();
        let n = all.len();
        all.sort();
        all.dedup();
        assert_eq!(all.len(), n);
    }
}
