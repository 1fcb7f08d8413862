//! Availability (rådighed): weekly hours, sickness and holiday. The history is a
//! list of events; the current status is computed from it.

use super::calendar::Period;
use super::parse::{self, non_empty};
use crate::error::{AppError, FieldErrors};
use crate::i18n::Msg;
use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AvailabilityRules {
    pub full_time_hours: u8,
    /// For people insured part-time.
    pub part_time_hours: u8,
    /// Holiday must be registered at least this many days before it starts.
    pub holiday_notice_days: i64,
    /// Longest single holiday registered at once.
    pub max_holiday_days: i64,
}

impl Default for AvailabilityRules {
    fn default() -> Self {
        AvailabilityRules { full_time_hours: 37, part_time_hours: 30, holiday_notice_days: 14, max_holiday_days: 42 }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Event {
    Sick { from: NaiveDate },
    Well { on: NaiveDate },
    Holiday { from: NaiveDate, to: NaiveDate },
    Hours { hours: u8, from: NaiveDate },
}

impl Event {
    pub fn kind(&self) -> &'static str {
        match self {
            Event::Sick { .. } => "sick",
            Event::Well { .. } => "well",
            Event::Holiday { .. } => "holiday",
            Event::Hours { .. } => "hours",
        }
    }
}

/// The current state, computed from the history (oldest first).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Status {
    pub sick_since: Option<NaiveDate>,
    pub hours: u8,
    /// Holidays that have not ended yet, soonest first.
    pub holidays: Vec<Period>,
}

impl Status {
    pub fn on_holiday(&self, today: NaiveDate) -> bool {
        self.holidays.iter().any(|p| p.contains(today))
    }
}

pub fn status(history: &[Event], today: NaiveDate, rules: &AvailabilityRules) -> Status {
    let mut s = Status { sick_since: None, hours: rules.full_time_hours, holidays: Vec::new() };
    for e in history {
        match *e {
            Event::Sick { from } => s.sick_since = s.sick_since.or(Some(from)),
            Event::Well { .. } => s.sick_since = None,
            Event::Holiday { from, to } if to >= today => s.holidays.push(Period { from, to }),
            Event::Holiday { .. } => {}
            Event::Hours { hours, .. } => s.hours = hours,
        }
    }
    s.holidays.sort_by_key(|p| p.from);
    s
}

/// All registered holidays, past ones too (they still move deadlines that fell in them).
pub fn holidays(history: &[Event]) -> Vec<Period> {
    history
        .iter()
        .filter_map(|e| match *e {
            Event::Holiday { from, to } => Some(Period { from, to }),
            _ => None,
        })
        .collect()
}

/// The hours a person may choose: full time, or part time if insured so.
pub fn check_hours(input: &str, rules: &AvailabilityRules) -> Result<u8, Msg> {
    match input.trim().parse::<u8>() {
        Ok(h) if h == rules.full_time_hours || h == rules.part_time_hours => Ok(h),
        _ => Err(Msg::ErrHoursChoice),
    }
}

code_enum!(
    /// What the availability page reports.
    AvailabilityAction {
        Sick => "sick";
        Well => "well";
        Holiday => "holiday";
        Hours => "hours";
    }
);

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AvailabilityForm {
    /// An `AvailabilityAction`'s code.
    pub action: String,
    pub from: String,
    pub to: String,
    pub hours: String,
}

impl crate::forms::FormData for AvailabilityForm {}

pub mod field {
    pub const FROM: &str = "from";
    pub const TO: &str = "to";
    pub const HOURS: &str = "hours";
}

/// A holiday, registered `today`: it must start at least the notice ahead, end on
/// or after its start, and not be longer than the rules allow.
pub fn check_holiday(from: &str, to: &str, today: NaiveDate, rules: &AvailabilityRules) -> Result<Period, FieldErrors> {
    let mut errs = FieldErrors::default();
    let read = |s: &str, field: &str, errs: &mut FieldErrors| match non_empty(s) {
        None => {
            errs.add(field, Msg::ErrDateMissing);
            None
        }
        Some(t) => parse::date(t).or_else(|| {
            errs.add(field, Msg::ErrDateInvalid);
            None
        }),
    };
    let from = read(from, field::FROM, &mut errs);
    let to = read(to, field::TO, &mut errs);
    if let Some(f) = from {
        if f < today + Duration::days(rules.holiday_notice_days) {
            errs.add(field::FROM, Msg::ErrHolidayNotice);
        } else if f > today + Duration::days(366) {
            errs.add(field::FROM, Msg::ErrDateOutOfRange);
        }
    }
    if let (Some(f), Some(t)) = (from, to) {
        if t < f {
            errs.add(field::TO, Msg::ErrDateOrder);
        } else if (t - f).num_days() + 1 > rules.max_holiday_days {
            errs.add(field::TO, Msg::ErrHolidayTooLong);
        }
    }
    match (from, to) {
        (Some(from), Some(to)) if errs.is_empty() => Ok(Period { from, to }),
        _ => Err(errs),
    }
}

/// What one availability form asks for, checked against the current status.
pub fn event_from_form(form: &AvailabilityForm, current: &Status, today: NaiveDate, rules: &AvailabilityRules) -> Result<Event, AppError> {
    match AvailabilityAction::parse(&form.action).ok_or(AppError::BadRequest)? {
        AvailabilityAction::Sick if current.sick_since.is_some() => Err(AppError::Invalid(one("action", Msg::ErrAlreadySick))),
        AvailabilityAction::Sick => Ok(Event::Sick { from: today }),
        AvailabilityAction::Well if current.sick_since.is_none() => Err(AppError::Invalid(one("action", Msg::ErrNotSick))),
        AvailabilityAction::Well => Ok(Event::Well { on: today }),
        AvailabilityAction::Holiday => {
            let p = check_holiday(&form.from, &form.to, today, rules).map_err(AppError::Invalid)?;
            if current.holidays.iter().any(|h| h.from <= p.to && p.from <= h.to) {
                return Err(AppError::Invalid(one(field::FROM, Msg::ErrHolidayOverlap)));
            }
            Ok(Event::Holiday { from: p.from, to: p.to })
        }
        AvailabilityAction::Hours => {
            let hours = check_hours(&form.hours, rules).map_err(|m| AppError::Invalid(one(field::HOURS, m)))?;
            Ok(Event::Hours { hours, from: today })
        }
    }
}

fn one(field: &str, msg: Msg) -> FieldErrors {
    let mut e = FieldErrors::default();
    e.add(field, msg);
    e
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    #[allow(clippy::type_complexity)] // a table of cases reads best written out
    fn holiday_needs_fourteen_days_notice() {
        let rules = AvailabilityRules::default();
        let today = d("2026-11-23");
        let cases: [(&str, &str, Result<(), Vec<(&str, Msg)>>); 7] = [
            ("2026-12-07", "2026-12-11", Ok(())),
            ("2026-12-06", "2026-12-11", Err(vec![(field::FROM, Msg::ErrHolidayNotice)])),
            ("24-11-2026", "25-11-2026", Err(vec![(field::FROM, Msg::ErrHolidayNotice)])),
            ("2026-12-10", "2026-12-09", Err(vec![(field::TO, Msg::ErrDateOrder)])),
            ("", "x", Err(vec![(field::FROM, Msg::ErrDateMissing), (field::TO, Msg::ErrDateInvalid)])),
            ("2026-12-07", "2027-02-01", Err(vec![(field::TO, Msg::ErrHolidayTooLong)])),
            ("2028-01-01", "2028-01-02", Err(vec![(field::FROM, Msg::ErrDateOutOfRange)])),
        ];
        for (from, to, expected) in cases {
            let got = check_holiday(from, to, today, &rules)
                .map(|_| ())
                .map_err(|e| e.0.into_iter().map(|e| (e.field, e.msg)).collect::<Vec<_>>());
            let expected = expected.map_err(|v| v.into_iter().map(|(f, m)| (f.to_string(), m)).collect::<Vec<_>>());
            assert_eq!(got, expected, "{from}..{to}");
        }
        let notice_7 = AvailabilityRules { holiday_notice_days: 7, ..rules };
        assert!(check_holiday("2026-11-30", "2026-12-01", today, &notice_7).is_ok());
    }

    #[test]
    fn status_follows_the_history() {
        let rules = AvailabilityRules::default();
        let today = d("2026-11-23");
        let mut history = vec![Event::Hours { hours: 30, from: d("2026-10-01") }, Event::Sick { from: d("2026-11-02") }];
        let s = status(&history, today, &rules);
        assert_eq!((s.sick_since, s.hours), (Some(d("2026-11-02")), 30));
        // Reporting sick again keeps the first day.
        history.push(Event::Sick { from: d("2026-11-05") });
        assert_eq!(status(&history, today, &rules).sick_since, Some(d("2026-11-02")));
        history.push(Event::Well { on: d("2026-11-09") });
        history.push(Event::Holiday { from: d("2026-10-01"), to: d("2026-10-02") });
        history.push(Event::Holiday { from: d("2026-12-21"), to: d("2027-01-01") });
        let s = status(&history, today, &rules);
        assert_eq!(s.sick_since, None);
        assert_eq!(s.holidays, vec![Period { from: d("2026-12-21"), to: d("2027-01-01") }]);
        assert!(s.on_holiday(d("2026-12-24")) && !s.on_holiday(today));
        assert_eq!(holidays(&history).len(), 2);
    }

    #[test]
    fn forms_become_events_only_when_they_make_sense() {
        let rules = AvailabilityRules::default();
        let today = d("2026-11-23");
        let well = status(&[], today, &rules);
        let f = |action: &str| AvailabilityForm { action: action.into(), ..Default::default() };
        assert_eq!(event_from_form(&f("sick"), &well, today, &rules), Ok(Event::Sick { from: today }));
        assert!(matches!(event_from_form(&f("well"), &well, today, &rules), Err(AppError::Invalid(_))));
        let sick = status(&[Event::Sick { from: today }], today, &rules);
        assert!(matches!(event_from_form(&f("sick"), &sick, today, &rules), Err(AppError::Invalid(_))));
        assert_eq!(event_from_form(&f("well"), &sick, today, &rules), Ok(Event::Well { on: today }));
        assert_eq!(event_from_form(&f("dance"), &well, today, &rules), Err(AppError::BadRequest));
        let hours = |h: &str| AvailabilityForm { action: "hours".into(), hours: h.into(), ..Default::default() };
        assert_eq!(event_from_form(&hours("30"), &well, today, &rules), Ok(Event::Hours { hours: 30, from: today }));
        assert!(matches!(event_from_form(&hours("20"), &well, today, &rules), Err(AppError::Invalid(_))));
        let on_holiday = status(&[Event::Holiday { from: d("2026-12-21"), to: d("2026-12-31") }], today, &rules);
        let overlap =
            AvailabilityForm { action: "holiday".into(), from: "2026-12-28".into(), to: "2027-01-04".into(), ..Default::default() };
        assert!(matches!(event_from_form(&overlap, &on_holiday, today, &rules), Err(AppError::Invalid(_))));
    }
}
