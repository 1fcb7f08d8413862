//! The server's clock. Everything on the server asks the clock in `AppState`, never
//! the machine's directly, so a test sets the date it needs instead of reading it,
//! and an operator can rehearse a date on a staging server (`JOBUNIVERS_CLOCK_START`,
//! e.g. the regions of 1 January 2027). Set or not, the clock runs forward at
//! normal speed: durations, expiries and orderings behave as in production.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

/// A clock shared by every clone of the state: moving it moves it for all.
#[derive(Clone, Debug, Default)]
pub struct Clock {
    /// Nanoseconds ahead of the machine's clock (negative: behind); ±292 years.
    offset_ns: Arc<AtomicI64>,
}

impl Clock {
    /// The machine's clock.
    pub fn system() -> Clock {
        Clock::default()
    }

    /// A clock that reads `at` now and runs on from there.
    pub fn starting_at(at: DateTime<Utc>) -> Clock {
        let clock = Clock::default();
        clock.set(at);
        clock
    }

    /// From now on, reads `at` and runs on from there.
    pub fn set(&self, at: DateTime<Utc>) {
        self.offset_ns.store(nanos(at - Utc::now()), Ordering::Relaxed);
    }

    /// Moves the clock forward (or back, with a negative duration).
    pub fn advance(&self, by: Duration) {
        self.offset_ns.fetch_add(nanos(by), Ordering::Relaxed);
    }

    /// Now, on this clock.
    pub fn now(&self) -> DateTime<Utc> {
        let now = Utc::now();
        now.checked_add_signed(Duration::nanoseconds(self.offset_ns.load(Ordering::Relaxed))).unwrap_or(now)
    }

    /// Today's date in Denmark, on this clock.
    pub fn today(&self) -> NaiveDate {
        crate::domain::time::danish_date(self.now())
    }
}

/// A duration in nanoseconds, saturated at what an i64 holds.
fn nanos(d: Duration) -> i64 {
    d.num_nanoseconds().unwrap_or(if d < Duration::zero() { i64::MIN } else { i64::MAX })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_set_clock_reads_the_moment_and_runs_on() {
        let at: DateTime<Utc> = "2027-01-01T08:00:00Z".parse().unwrap();
        let clock = Clock::starting_at(at);
        let read = clock.now();
        assert!(read >= at && read - at < Duration::seconds(5));
        assert_eq!(clock.today(), NaiveDate::from_ymd_opt(2027, 1, 1).unwrap());
        let shared = clock.clone();
        shared.advance(Duration::days(2));
        assert_eq!(clock.today(), NaiveDate::from_ymd_opt(2027, 1, 3).unwrap(), "clones share one clock");
    }

    #[test]
    fn the_system_clock_is_the_machines() {
        assert!((Clock::system().now() - Utc::now()).num_seconds().abs() <= 1);
    }
}
