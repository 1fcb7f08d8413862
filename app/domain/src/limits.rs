//! Every rate limit and quota in one place, with its number. README's security
//! section lists them; changing one here changes it everywhere.

use chrono::Duration;

/// At most `count` events within `window`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limit {
    pub count: u32,
    pub window: Duration,
}

impl Limit {
    const fn new(count: u32, window: Duration) -> Limit {
        Limit { count, window }
    }
}

/// Kinds of counted events, as stored.
pub mod kind {
    pub const SIGN_IN: &str = "sign-in";
    pub const SIGN_IN_ADDRESS: &str = "sign-in-address";
    pub const SIGN_UP: &str = "sign-up";
    pub const VACANCY: &str = "vacancy";
    pub const MESSAGE: &str = "message";
    pub const SECOND_FACTOR: &str = "second-factor";
    pub const REPORT: &str = "report";
    pub const CONTACT: &str = "contact";
    pub const BUSINESS: &str = "business";
}

/// New accounts from one address in an hour (a jobcentre's workshop fits).
pub const SIGN_UPS_PER_ADDRESS: Limit = Limit::new(20, Duration::hours(1));
/// Vacancies one company may post in a day by hand (feeds come through imports).
pub const VACANCIES_PER_COMPANY: Limit = Limit::new(100, Duration::hours(24));
/// Messages one jobseeker may send the jobcentre in a day.
pub const MESSAGES_PER_JOBSEEKER: Limit = Limit::new(50, Duration::hours(24));
/// Vacancies one jobseeker may report in a day.
pub const REPORTS_PER_JOBSEEKER: Limit = Limit::new(20, Duration::hours(24));
/// New candidates one company may write to in a day: enough for a real
/// recruitment, too few to spam the CV index.
pub const CONTACTS_PER_COMPANY: Limit = Limit::new(30, Duration::hours(24));
/// Requests for the jobcentre's help one company may send in a day.
pub const BUSINESS_REQUESTS_PER_COMPANY: Limit = Limit::new(10, Duration::hours(24));
/// Joblog entries one jobseeker may keep.
pub const JOBLOG_ENTRIES: u32 = 2_000;
/// Bytes of files one jobseeker may store (joblog attachments together).
pub const STORED_BYTES: u64 = 50 * 1024 * 1024;
/// How long counted events are kept: the longest window.
pub const KEEP_EVENTS: Duration = Duration::hours(25);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_are_kept_as_long_as_any_window() {
        for l in [
            SIGN_UPS_PER_ADDRESS,
            VACANCIES_PER_COMPANY,
            MESSAGES_PER_JOBSEEKER,
            REPORTS_PER_JOBSEEKER,
            CONTACTS_PER_COMPANY,
            BUSINESS_REQUESTS_PER_COMPANY,
        ] {
            assert!(l.window <= KEEP_EVENTS, "events live as long as any window");
        }
    }
}
