//! Accounts: roles, and the rules for sessions and sign-in throttling. The numbers
//! are defaults that the server may configure.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Role {
    /// A citizen looking for work (borger).
    Jobseeker,
    /// A user of a company, identified by its CVR number.
    Employer,
    /// A jobcentre employee of one municipality.
    Caseworker,
    Admin,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Jobseeker, Role::Employer, Role::Caseworker, Role::Admin];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Jobseeker => "jobseeker",
            Role::Employer => "employer",
            Role::Caseworker => "caseworker",
            Role::Admin => "admin",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// Staff read citizens' data; their reads are audit-logged.
    pub fn is_staff(self) -> bool {
        matches!(self, Role::Caseworker | Role::Admin)
    }
}

/// How long a session lives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SessionPolicy {
    /// Ended after this long without use.
    pub idle: Duration,
    /// Ended this long after sign-in, however busy.
    pub absolute: Duration,
}

impl Default for SessionPolicy {
    fn default() -> Self {
        SessionPolicy { idle: Duration::minutes(30), absolute: Duration::hours(12) }
    }
}

impl SessionPolicy {
    pub fn is_live(&self, created: DateTime<Utc>, last_seen: DateTime<Utc>, now: DateTime<Utc>) -> bool {
        now - last_seen < self.idle && now - created < self.absolute
    }
}

/// When repeated failed sign-ins pause further attempts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ThrottlePolicy {
    /// Failures counted within this window.
    pub window: Duration,
    /// Failures for one account from one address before that pair is paused (per
    /// address, so a stranger cannot lock the owner out).
    pub per_account: u32,
    /// Failures from one address before it is paused (many accounts, one attacker).
    pub per_ip: u32,
}

impl Default for ThrottlePolicy {
    fn default() -> Self {
        ThrottlePolicy { window: Duration::minutes(15), per_account: 5, per_ip: 30 }
    }
}

/// An e-mail address as stored and compared: trimmed and lower-case. `None` when
/// it cannot be an address.
pub fn normalise_email(input: &str) -> Option<String> {
    let e = input.trim().to_lowercase();
    let (local, domain) = e.split_once('@')?;
    let ok = !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !e.contains(char::is_whitespace)
        && e.matches('@').count() == 1
        && e.chars().count() <= 254;
    ok.then_some(e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_round_trip() {
        for r in Role::ALL {
            assert_eq!(Role::parse(r.as_str()), Some(r));
        }
        assert_eq!(Role::parse("root"), None);
        assert!(Role::Caseworker.is_staff() && !Role::Employer.is_staff());
    }

    #[test]
    fn sessions_end_when_idle_or_old() {
        let p = SessionPolicy::default();
        let t0: DateTime<Utc> = "2026-11-23T08:00:00Z".parse().unwrap();
        assert!(p.is_live(t0, t0, t0 + Duration::minutes(29)));
        assert!(!p.is_live(t0, t0, t0 + Duration::minutes(30)), "idle");
        let busy = t0 + Duration::hours(12) - Duration::seconds(1);
        assert!(p.is_live(t0, busy, busy + Duration::seconds(0)));
        assert!(!p.is_live(t0, busy, t0 + Duration::hours(12)), "absolute, however busy");
    }

    #[test]
    fn emails() {
        assert_eq!(normalise_email("  Anne.Jensen@Mail.DK "), Some("anne.jensen@mail.dk".into()));
        for bad in ["", "anne", "anne@", "@mail.dk", "anne@mail", "an ne@mail.dk", "a@b@mail.dk", "anne@.dk"] {
            assert_eq!(normalise_email(bad), None, "{bad}");
        }
    }
}

/// A signed-in person, as the app sees them (never the password hash).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct User {
    pub id: i64,
    pub role: Role,
    pub email: String,
    pub name: String,
    /// A jobseeker's home municipality; a caseworker's employing municipality.
    pub municipality_code: Option<u16>,
    /// An employer user's company (or the one they asked to join).
    pub company_id: Option<i64>,
    /// Their standing in that company.
    #[serde(default)]
    pub company_role: Option<CompanyRole>,
    /// Staff: whether their second factor is set up.
    #[serde(default)]
    pub second_factor: bool,
}

impl User {
    /// Staff who have not yet set up their second factor may do nothing else.
    pub fn must_set_up_second_factor(&self) -> bool {
        crate::second_factor::required(self.role) && !self.second_factor
    }

    /// The company this user may act for: an employer whose company has approved
    /// them (its administrator, or a member). Someone waiting for approval acts for
    /// no one.
    pub fn acting_company(&self) -> Option<i64> {
        let approved = matches!(self.company_role, Some(CompanyRole::Admin | CompanyRole::Member));
        self.company_id.filter(|_| self.role == Role::Employer && approved)
    }

    /// The company this user administers, if any.
    pub fn administered_company(&self) -> Option<i64> {
        self.company_id.filter(|_| self.role == Role::Employer && self.company_role == Some(CompanyRole::Admin))
    }
}

code_enum!(
    /// A user's standing in their company. The first user of a CVR number creates
    /// the company and administers it; later users ask to join and wait for approval.
    CompanyRole {
        Admin => "admin", CompanyRoleAdmin;
        Member => "member", CompanyRoleMember;
        Pending => "pending", CompanyRolePending;
    }
);

/// May `viewer` see the data of a citizen living in `citizen_municipality`?
/// Caseworkers see only their own municipality's citizens; administrators all.
pub fn may_see_citizen(viewer: &User, citizen_municipality: Option<u16>) -> bool {
    match viewer.role {
        Role::Admin => true,
        Role::Caseworker => viewer.municipality_code.is_some() && viewer.municipality_code == citizen_municipality,
        Role::Jobseeker | Role::Employer => false,
    }
}

/// What a caseworker sees of a citizen (more arrives with CV and joblog).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CitizenCard {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub phone: Option<String>,
    pub municipality_code: Option<u16>,
}

#[cfg(test)]
mod scope_tests {
    use super::*;

    fn user(role: Role, municipality_code: Option<u16>) -> User {
        User {
            id: 1,
            role,
            email: "a@b.dk".into(),
            name: "A".into(),
            municipality_code,
            company_id: None,
            company_role: None,
            second_factor: false,
        }
    }

    #[test]
    fn caseworkers_see_only_their_own_municipality() {
        let kbh = user(Role::Caseworker, Some(101));
        assert!(may_see_citizen(&kbh, Some(101)));
        assert!(!may_see_citizen(&kbh, Some(751)));
        assert!(!may_see_citizen(&kbh, None));
        assert!(!may_see_citizen(&user(Role::Caseworker, None), None), "no municipality, no citizens");
        assert!(may_see_citizen(&user(Role::Admin, None), Some(751)));
        assert!(!may_see_citizen(&user(Role::Employer, None), Some(101)));
        assert!(!may_see_citizen(&user(Role::Jobseeker, Some(101)), Some(101)));
    }
}
