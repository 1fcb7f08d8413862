//! Danish local time (CET/CEST), computed by the EU rule so no time-zone database
//! is needed: summer time runs from 01:00 UTC on the last Sunday of March to 01:00
//! UTC on the last Sunday of October.

use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc, Weekday};

#[allow(clippy::expect_used)] // fixed months and times: valid in every year a date can hold
fn last_sunday(year: i32, month: u32) -> NaiveDate {
    let mut d = NaiveDate::from_ymd_opt(year, month + 1, 1).expect("valid month") - Duration::days(1);
    while d.weekday() != Weekday::Sun {
        d -= Duration::days(1);
    }
    d
}

/// Hours ahead of UTC in Denmark at `at`: 2 in summer, 1 otherwise.
#[allow(clippy::expect_used)] // fixed months and times: valid in every year a date can hold
pub fn danish_offset_hours(at: DateTime<Utc>) -> i64 {
    let year = at.year();
    let start = Utc.from_utc_datetime(&last_sunday(year, 3).and_hms_opt(1, 0, 0).expect("valid time"));
    let end = Utc.from_utc_datetime(&last_sunday(year, 10).and_hms_opt(1, 0, 0).expect("valid time"));
    if at >= start && at < end {
        2
    } else {
        1
    }
}

/// The wall-clock date and time in Denmark at `at`.
pub fn to_danish(at: DateTime<Utc>) -> chrono::NaiveDateTime {
    (at + Duration::hours(danish_offset_hours(at))).naive_utc()
}

/// The calendar date in Denmark at `at`.
pub fn danish_date(at: DateTime<Utc>) -> NaiveDate {
    (at + Duration::hours(danish_offset_hours(at))).date_naive()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    #[test]
    fn danish_dates_follow_summer_and_winter_time() {
        // Winter: 23:30 UTC is already the next day in Copenhagen.
        assert_eq!(danish_date(utc("2026-11-23T23:30:00Z")), NaiveDate::from_ymd_opt(2026, 11, 24).unwrap());
        assert_eq!(danish_date(utc("2026-11-23T22:59:00Z")), NaiveDate::from_ymd_opt(2026, 11, 23).unwrap());
        // Summer: two hours ahead.
        assert_eq!(danish_date(utc("2026-07-01T22:00:00Z")), NaiveDate::from_ymd_opt(2026, 7, 2).unwrap());
        assert_eq!(danish_date(utc("2026-07-01T21:59:00Z")), NaiveDate::from_ymd_opt(2026, 7, 1).unwrap());
    }

    #[test]
    fn the_switch_happens_at_one_utc_on_the_last_sundays() {
        // 2026: summer time from 29 March to 25 October.
        assert_eq!(danish_offset_hours(utc("2026-03-29T00:59:00Z")), 1);
        assert_eq!(danish_offset_hours(utc("2026-03-29T01:00:00Z")), 2);
        assert_eq!(danish_offset_hours(utc("2026-10-25T00:59:00Z")), 2);
        assert_eq!(danish_offset_hours(utc("2026-10-25T01:00:00Z")), 1);
        assert_eq!(last_sunday(2027, 3), NaiveDate::from_ymd_opt(2027, 3, 28).unwrap());
        assert_eq!(last_sunday(2027, 10), NaiveDate::from_ymd_opt(2027, 10, 31).unwrap());
    }
}
