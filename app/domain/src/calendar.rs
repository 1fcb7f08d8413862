//! The Danish calendar for deadlines: public holidays (helligdage), working days,
//! and the 7-day check ("tjek jobforslag") with its grace after a miss.
//! All numbers come in as parameters; defaults live in `CheckRules`.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// Easter Sunday (Gregorian calendar; the anonymous "Meeus/Jones/Butcher" method).
#[allow(clippy::expect_used)] // a real date for every year a NaiveDate can hold
pub fn easter_sunday(year: i32) -> NaiveDate {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32).expect("Easter is a real date")
}

/// Denmark's public holidays in `year`. Store bededag was abolished from 2024.
#[allow(clippy::expect_used)] // a real date for every year a NaiveDate can hold
pub fn public_holidays(year: i32) -> Vec<NaiveDate> {
    let easter = easter_sunday(year);
    let date = |m, d| NaiveDate::from_ymd_opt(year, m, d).expect("fixed holiday");
    let mut days = vec![
        date(1, 1),                  // Nytårsdag
        easter - Duration::days(3),  // Skærtorsdag
        easter - Duration::days(2),  // Langfredag
        easter,                      // Påskedag
        easter + Duration::days(1),  // 2. påskedag
        easter + Duration::days(39), // Kristi himmelfartsdag
        easter + Duration::days(49), // Pinsedag
        easter + Duration::days(50), // 2. pinsedag
        date(12, 25),                // Juledag
        date(12, 26),                // 2. juledag
    ];
    if year < 2024 {
        days.push(easter + Duration::days(26)); // Store bededag
    }
    days.sort();
    days
}

pub fn is_public_holiday(d: NaiveDate) -> bool {
    public_holidays(d.year()).contains(&d)
}

/// A period the person has registered as holiday, both ends included.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Period {
    pub fn contains(&self, d: NaiveDate) -> bool {
        self.from <= d && d <= self.to
    }
}

/// A day on which a deadline may fall for this person: not a weekend, not a
/// public holiday, not in their registered holiday.
pub fn is_deadline_day(d: NaiveDate, holidays: &[Period]) -> bool {
    !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) && !is_public_holiday(d) && !holidays.iter().any(|p| p.contains(d))
}

/// The first deadline day on or after `d`.
pub fn next_deadline_day(mut d: NaiveDate, holidays: &[Period]) -> NaiveDate {
    // Bounded: even a long holiday ends; a year is far beyond any real case.
    for _ in 0..366 {
        if is_deadline_day(d, holidays) {
            return d;
        }
        d += Duration::days(1);
    }
    d
}

/// The numbers of the 7-day check, as configuration with the defaults in docs/domain.md.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct CheckRules {
    pub interval_days: i64,
    /// Extra days after a forgiven miss.
    pub grace_days: i64,
    /// Misses within the window that are forgiven with a reminder.
    pub forgiven_misses: usize,
    pub window_days: i64,
    /// Days before the deadline the reminder comes.
    pub remind_days_before: i64,
}

impl Default for CheckRules {
    fn default() -> Self {
        CheckRules { interval_days: 7, grace_days: 7, forgiven_misses: 2, window_days: 365, remind_days_before: 1 }
    }
}

/// When the next check is due after the one confirmed on `last`.
pub fn check_deadline(last: NaiveDate, rules: &CheckRules, holidays: &[Period]) -> NaiveDate {
    next_deadline_day(last + Duration::days(rules.interval_days), holidays)
}

/// What follows a missed check. Never a sanction: at worst a caseworker decides.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MissOutcome {
    /// A reminder and a new deadline.
    Reminder { new_deadline: NaiveDate },
    /// Raise an escalation for a caseworker.
    Escalate,
}

/// The outcome of a miss on `missed_on`, given the earlier misses.
pub fn after_miss(missed_on: NaiveDate, earlier_misses: &[NaiveDate], rules: &CheckRules, holidays: &[Period]) -> MissOutcome {
    let since = missed_on - Duration::days(rules.window_days);
    let within = earlier_misses.iter().filter(|d| **d > since && **d <= missed_on).count() + 1;
    if within <= rules.forgiven_misses {
        MissOutcome::Reminder { new_deadline: next_deadline_day(missed_on + Duration::days(rules.grace_days), holidays) }
    } else {
        MissOutcome::Escalate
    }
}

/// What the periodic sweep does for one person today.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sweep {
    Nothing,
    /// Remind of the deadline `due` (once per deadline).
    Remind {
        due: NaiveDate,
    },
    /// The check due on `missed_on` was missed.
    Missed {
        missed_on: NaiveDate,
        outcome: MissOutcome,
    },
}

/// The sweep's decision. Nothing happens while the person is sick. A miss noticed
/// late still gets a deadline after today.
pub fn sweep(
    due: NaiveDate,
    today: NaiveDate,
    sick: bool,
    reminded_for: Option<NaiveDate>,
    earlier_misses: &[NaiveDate],
    rules: &CheckRules,
    holidays: &[Period],
) -> Sweep {
    if sick {
        return Sweep::Nothing;
    }
    if due < today {
        let outcome = match after_miss(due, earlier_misses, rules, holidays) {
            MissOutcome::Reminder { new_deadline } if new_deadline <= today => {
                MissOutcome::Reminder { new_deadline: next_deadline_day(today + Duration::days(rules.grace_days), holidays) }
            }
            other => other,
        };
        return Sweep::Missed { missed_on: due, outcome };
    }
    if (due - today).num_days() <= rules.remind_days_before && reminded_for != Some(due) {
        return Sweep::Remind { due };
    }
    Sweep::Nothing
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn easter_2024_to_2030() {
        for (year, easter) in [
            (2024, "2024-03-31"),
            (2025, "2025-04-20"),
            (2026, "2026-04-05"),
            (2027, "2027-03-28"),
            (2028, "2028-04-16"),
            (2029, "2029-04-01"),
            (2030, "2030-04-21"),
        ] {
            assert_eq!(easter_sunday(year), d(easter), "{year}");
        }
    }

    #[test]
    fn public_holidays_match_the_calendar() {
        // Known dates, 2024-2030.
        let table: [(i32, [&str; 10]); 7] = [
            (
                2024,
                [
                    "2024-01-01",
                    "2024-03-28",
                    "2024-03-29",
                    "2024-03-31",
                    "2024-04-01",
                    "2024-05-09",
                    "2024-05-19",
                    "2024-05-20",
                    "2024-12-25",
                    "2024-12-26",
                ],
            ),
            (
                2025,
                [
                    "2025-01-01",
                    "2025-04-17",
                    "2025-04-18",
                    "2025-04-20",
                    "2025-04-21",
                    "2025-05-29",
                    "2025-06-08",
                    "2025-06-09",
                    "2025-12-25",
                    "2025-12-26",
                ],
            ),
            (
                2026,
                [
                    "2026-01-01",
                    "2026-04-02",
                    "2026-04-03",
                    "2026-04-05",
                    "2026-04-06",
                    "2026-05-14",
                    "2026-05-24",
                    "2026-05-25",
                    "2026-12-25",
                    "2026-12-26",
                ],
            ),
            (
                2027,
                [
                    "2027-01-01",
                    "2027-03-25",
                    "2027-03-26",
                    "2027-03-28",
                    "2027-03-29",
                    "2027-05-06",
                    "2027-05-16",
                    "2027-05-17",
                    "2027-12-25",
                    "2027-12-26",
                ],
            ),
            (
                2028,
                [
                    "2028-01-01",
                    "2028-04-13",
                    "2028-04-14",
                    "2028-04-16",
                    "2028-04-17",
                    "2028-05-25",
                    "2028-06-04",
                    "2028-06-05",
                    "2028-12-25",
                    "2028-12-26",
                ],
            ),
            (
                2029,
                [
                    "2029-01-01",
                    "2029-03-29",
                    "2029-03-30",
                    "2029-04-01",
                    "2029-04-02",
                    "2029-05-10",
                    "2029-05-20",
                    "2029-05-21",
                    "2029-12-25",
                    "2029-12-26",
                ],
            ),
            (
                2030,
                [
                    "2030-01-01",
                    "2030-04-18",
                    "2030-04-19",
                    "2030-04-21",
                    "2030-04-22",
                    "2030-05-30",
                    "2030-06-09",
                    "2030-06-10",
                    "2030-12-25",
                    "2030-12-26",
                ],
            ),
        ];
        for (year, days) in table {
            let expected: Vec<NaiveDate> = days.iter().map(|s| d(s)).collect();
            assert_eq!(public_holidays(year), expected, "{year}");
        }
        assert!(public_holidays(2023).contains(&d("2023-05-05")), "Store bededag until 2023");
    }

    #[test]
    fn deadlines_skip_weekends_holidays_and_the_persons_holiday() {
        let rules = CheckRules::default();
        // Confirmed Monday 23 Nov 2026: due Monday 30 Nov.
        assert_eq!(check_deadline(d("2026-11-23"), &rules, &[]), d("2026-11-30"));
        // Confirmed Saturday: due the next Saturday, moved to Monday.
        assert_eq!(check_deadline(d("2026-11-21"), &rules, &[]), d("2026-11-30"));
        // Maundy Thursday 2027 (25 Mar): Thu, Fri holidays, weekend, Easter Monday -> Tue 30 Mar.
        assert_eq!(check_deadline(d("2027-03-18"), &rules, &[]), d("2027-03-30"));
        // Christmas: 18 Dec 2026 + 7 = Fri 25 Dec -> Mon 28 Dec.
        assert_eq!(check_deadline(d("2026-12-18"), &rules, &[]), d("2026-12-28"));
        // A registered holiday moves the deadline past it.
        let holiday = [Period { from: d("2026-11-28"), to: d("2026-12-06") }];
        assert_eq!(check_deadline(d("2026-11-23"), &rules, &holiday), d("2026-12-07"));
    }

    #[test]
    fn the_first_two_misses_in_a_year_get_grace_the_third_escalates() {
        let rules = CheckRules::default();
        assert_eq!(after_miss(d("2026-11-30"), &[], &rules, &[]), MissOutcome::Reminder { new_deadline: d("2026-12-07") });
        assert_eq!(after_miss(d("2026-11-30"), &[d("2026-03-02")], &rules, &[]), MissOutcome::Reminder { new_deadline: d("2026-12-07") });
        assert_eq!(after_miss(d("2026-11-30"), &[d("2026-03-02"), d("2026-06-01")], &rules, &[]), MissOutcome::Escalate);
        // Misses older than 12 months no longer count.
        assert!(matches!(after_miss(d("2026-11-30"), &[d("2025-11-01"), d("2025-11-20")], &rules, &[]), MissOutcome::Reminder { .. }));
        // Grace that ends on a holiday moves on: 17 Dec + 7 = 24 Dec (Thu, a working day), 18 Dec + 7 = Fri 25 Dec -> Mon 28 Dec.
        assert_eq!(after_miss(d("2026-12-18"), &[], &rules, &[]), MissOutcome::Reminder { new_deadline: d("2026-12-28") });
    }

    #[test]
    fn the_sweep_reminds_once_and_handles_misses() {
        let rules = CheckRules::default();
        let today = d("2026-11-23");
        assert_eq!(sweep(d("2026-11-26"), today, false, None, &[], &rules, &[]), Sweep::Nothing);
        assert_eq!(sweep(d("2026-11-24"), today, false, None, &[], &rules, &[]), Sweep::Remind { due: d("2026-11-24") });
        assert_eq!(sweep(d("2026-11-23"), today, false, None, &[], &rules, &[]), Sweep::Remind { due: d("2026-11-23") });
        assert_eq!(sweep(d("2026-11-24"), today, false, Some(d("2026-11-24")), &[], &rules, &[]), Sweep::Nothing);
        // Missed on Friday 20 Nov: grace to Friday 27 Nov.
        assert_eq!(
            sweep(d("2026-11-20"), today, false, None, &[], &rules, &[]),
            Sweep::Missed { missed_on: d("2026-11-20"), outcome: MissOutcome::Reminder { new_deadline: d("2026-11-27") } }
        );
        // Noticed late (server down a fortnight): the new deadline is still ahead.
        assert_eq!(
            sweep(d("2026-11-02"), today, false, None, &[], &rules, &[]),
            Sweep::Missed { missed_on: d("2026-11-02"), outcome: MissOutcome::Reminder { new_deadline: d("2026-11-30") } }
        );
        assert_eq!(
            sweep(d("2026-11-20"), today, false, None, &[d("2026-03-02"), d("2026-06-01")], &rules, &[]),
            Sweep::Missed { missed_on: d("2026-11-20"), outcome: MissOutcome::Escalate }
        );
        // Sick: nothing, not even a reminder.
        assert_eq!(sweep(d("2026-11-20"), today, true, None, &[], &rules, &[]), Sweep::Nothing);
    }
}
