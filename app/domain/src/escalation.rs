//! When self-service stalls: why a citizen is handed to a caseworker, the rules
//! that notice it, and the caseworker's work queue. A human always decides; nothing
//! here sanctions anyone.

use super::calendar::is_deadline_day;
use super::joblog::{monday_of, progress, Kind, Status as EntryStatus};
use super::rules::Rules;
use crate::i18n::Msg;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

code_enum!(
    /// Why a citizen was handed to a caseworker.
    Reason {
        HelpRequested => "help_requested", ReasonHelpRequested;
        ChecksMissed => "check_missed", ReasonChecksMissed;
        JoblogBehind => "joblog_behind", ReasonJoblogBehind;
        JoblogInactive => "joblog_inactive", ReasonJoblogInactive;
        CvIncomplete => "cv_incomplete", ReasonCvIncomplete;
        PeriodEnded => "period_ended", ReasonPeriodEnded;
        Screening => "screening", ReasonScreening;
    }
);

impl Reason {
    /// What happens next, in plain words for the citizen.
    pub fn next_step(self) -> Msg {
        match self {
            Reason::HelpRequested => Msg::NextHelpRequested,
            Reason::ChecksMissed => Msg::NextChecksMissed,
            Reason::JoblogBehind | Reason::JoblogInactive => Msg::NextJoblog,
            Reason::CvIncomplete => Msg::NextCv,
            Reason::PeriodEnded => Msg::NextPeriodEnded,
            Reason::Screening => Msg::NextScreening,
        }
    }

    /// Raised once in a registration at most (the others may come back after a
    /// quiet period when the problem does).
    fn once(self) -> bool {
        matches!(self, Reason::PeriodEnded | Reason::Screening)
    }
}

code_enum!(
    /// Where an escalation stands: open, handed back to self-service (resolved), or
    /// closed by moving the citizen to a caseworker-led track.
    Status {
        Open => "open", EscalationOpen;
        Resolved => "resolved", EscalationResolved;
        CaseworkerTrack => "caseworker_track", EscalationCaseworkerTrack;
    }
);

code_enum!(
    /// Who leads the citizen's job search.
    Track {
        SelfService => "self", TrackSelfService;
        Caseworker => "caseworker", TrackCaseworker;
    }
);

/// The numbers of the escalation rules, with defaults; a municipality may set its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct EscalationRules {
    /// Missed 7-day checks within the check rules' window that escalate.
    pub missed_checks: usize,
    /// Consecutive completed weeks below the joblog requirement that escalate.
    pub joblog_behind_weeks: i64,
    /// Length of the self-service period after registration.
    pub self_service_weeks: i64,
    /// Working days a caseworker has to act on an escalation.
    pub service_level_days: i64,
    /// After an escalation is closed, the same reason waits this long before it
    /// may be raised again.
    pub quiet_days: i64,
}

impl Default for EscalationRules {
    fn default() -> Self {
        EscalationRules { missed_checks: 3, joblog_behind_weeks: 2, self_service_weeks: 13, service_level_days: 2, quiet_days: 14 }
    }
}

/// The escalation rules as an administrator types them for a municipality.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RulesForm {
    pub municipality: String,
    pub missed_checks: String,
    pub joblog_behind_weeks: String,
    pub self_service_weeks: String,
    pub service_level_days: String,
    pub quiet_days: String,
    /// Why the rules change (kept with the version).
    pub note: String,
}

impl RulesForm {
    /// The form filled in with `rules`, for editing.
    pub fn from_rules(municipality: u16, r: &EscalationRules) -> RulesForm {
        RulesForm {
            municipality: municipality.to_string(),
            missed_checks: r.missed_checks.to_string(),
            joblog_behind_weeks: r.joblog_behind_weeks.to_string(),
            self_service_weeks: r.self_service_weeks.to_string(),
            service_level_days: r.service_level_days.to_string(),
            quiet_days: r.quiet_days.to_string(),
            note: String::new(),
        }
    }
}

/// Allowed range of each number, so a typo cannot switch a rule off or flood a queue.
pub const RULE_RANGES: [(&str, i64, i64); 5] = [
    ("missed_checks", 1, 10),
    ("joblog_behind_weeks", 1, 12),
    ("self_service_weeks", 1, 52),
    ("service_level_days", 1, 20),
    ("quiet_days", 0, 90),
];

/// Checks a rules form: every number whole and within its range, and a note.
pub fn validate_rules(form: &RulesForm) -> Result<(u16, EscalationRules, String), crate::error::FieldErrors> {
    let mut errors = crate::error::FieldErrors::default();
    let municipality = form.municipality.trim().parse::<u16>().ok().filter(|c| super::municipality::by_code(*c).is_some());
    if municipality.is_none() {
        errors.add("municipality", Msg::ErrMunicipalityMissing);
    }
    let values = [&form.missed_checks, &form.joblog_behind_weeks, &form.self_service_weeks, &form.service_level_days, &form.quiet_days];
    let mut n = [0i64; 5];
    for (i, ((name, lo, hi), value)) in RULE_RANGES.iter().zip(values).enumerate() {
        match value.trim().parse::<i64>() {
            Ok(v) if (*lo..=*hi).contains(&v) => n[i] = v,
            _ => errors.add(name, Msg::ErrRuleRange),
        }
    }
    let note = form.note.trim().to_string();
    if note.is_empty() {
        errors.add("note", Msg::ErrRuleNoteMissing);
    }
    match municipality {
        Some(m) if errors.is_empty() => Ok((
            m,
            EscalationRules {
                missed_checks: n[0] as usize,
                joblog_behind_weeks: n[1],
                self_service_weeks: n[2],
                service_level_days: n[3],
                quiet_days: n[4],
            },
            note,
        )),
        _ => Err(errors),
    }
}

/// One version of a municipality's rules, as the history shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RulesVersion {
    pub version: i64,
    pub rules: EscalationRules,
    pub note: String,
    pub changed_by: String,
    pub changed_at: DateTime<Utc>,
}

/// The rules page: the rules in force for a municipality and how they came to be.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RulesPage {
    pub municipality: u16,
    pub current: EscalationRules,
    /// Newest first; empty while the defaults apply.
    pub history: Vec<RulesVersion>,
    pub defaults: EscalationRules,
}

/// An earlier escalation of the citizen, as the rules need it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Past {
    pub reason: Reason,
    pub status: Status,
    pub closed_on: Option<NaiveDate>,
}

/// What the rules look at for one citizen.
#[derive(Clone, Debug)]
pub struct Facts {
    pub today: NaiveDate,
    pub registered_on: NaiveDate,
    pub track: Track,
    pub cv_complete: bool,
    /// Joblog entries as (date, kind, status).
    pub entries: Vec<(NaiveDate, Kind, EntryStatus)>,
    /// Days on which a 7-day check was missed.
    pub missed_checks: Vec<NaiveDate>,
    /// Reported sick now: the joblog rules wait.
    pub sick: bool,
    /// The screening at registration said a caseworker should take over.
    pub screening_says_so: bool,
    pub history: Vec<Past>,
}

/// The escalations the rules raise for this citizen today, each with a short
/// factual detail for the caseworker. Empty on a caseworker-led track.
pub fn due(f: &Facts, rules: &Rules) -> Vec<(Reason, String)> {
    if f.track == Track::Caseworker {
        return Vec::new();
    }
    let r = &rules.escalation;
    let mut out = Vec::new();
    let window_start = f.today - Duration::days(rules.check.window_days);
    let misses = f.missed_checks.iter().filter(|d| **d > window_start && **d <= f.today).count();
    if misses >= r.missed_checks {
        out.push((Reason::ChecksMissed, format!("{misses} missede tjek inden for 12 måneder")));
    }
    if !f.sick {
        let behind = behind_weeks(f, rules);
        if behind >= r.joblog_behind_weeks {
            let required = rules.joblog.applications_per_week.to_string().replace('.', ",");
            out.push((Reason::JoblogBehind, format!("under kravet på {required} ansøgninger om ugen i {behind} uger i træk")));
        }
        let last_activity = f.entries.iter().map(|e| e.0).filter(|d| *d <= f.today).max().unwrap_or(f.registered_on).max(f.registered_on);
        let quiet = (f.today - last_activity).num_days();
        if quiet >= rules.joblog.inactivity_days {
            out.push((Reason::JoblogInactive, format!("ingen aktivitet i jobloggen i {quiet} dage")));
        }
    }
    if !f.cv_complete && f.today > f.registered_on + Duration::days(rules.cv.deadline_days) {
        out.push((Reason::CvIncomplete, format!("CV ikke færdigt {} dage efter tilmelding", (f.today - f.registered_on).num_days())));
    }
    if f.today >= f.registered_on + Duration::weeks(r.self_service_weeks) {
        out.push((Reason::PeriodEnded, format!("selvbetjeningsperioden på {} uger er slut", r.self_service_weeks)));
    }
    if f.screening_says_so {
        out.push((Reason::Screening, "screeningen ved tilmelding peger på en sagsbehandler".to_string()));
    }
    out.retain(|(reason, _)| may_raise(*reason, &f.history, f.today, r));
    out
}

/// Completed weeks in a row (counting back from last week) that ended below the
/// joblog requirement; only weeks with a full requirement window since registration count.
fn behind_weeks(f: &Facts, rules: &Rules) -> i64 {
    let window = 7 * rules.joblog.weeks as i64;
    let mut sunday = monday_of(f.today) - Duration::days(1);
    let mut n = 0;
    while sunday - Duration::days(window - 1) >= f.registered_on && !progress(&f.entries, sunday, &rules.joblog).on_track {
        n += 1;
        sunday -= Duration::days(7);
        if n >= 52 {
            break;
        }
    }
    n
}

/// At most one open escalation per reason; none again within the quiet period
/// after one closed; the one-time reasons never again.
fn may_raise(reason: Reason, history: &[Past], today: NaiveDate, r: &EscalationRules) -> bool {
    history.iter().filter(|p| p.reason == reason).all(|p| match (p.status, p.closed_on) {
        (Status::Open, _) => false,
        _ if reason.once() => false,
        (_, Some(closed)) => today >= closed + Duration::days(r.quiet_days),
        (_, None) => false,
    })
}

/// The day a caseworker should have acted by: `service_level_days` working days
/// after the escalation was raised.
pub fn due_on(raised_on: NaiveDate, rules: &EscalationRules) -> NaiveDate {
    let mut d = raised_on;
    let mut left = rules.service_level_days;
    while left > 0 {
        d += Duration::days(1);
        if is_deadline_day(d, &[]) {
            left -= 1;
        }
    }
    d
}

/// An escalation as the citizen sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CitizenEscalation {
    pub reason: Reason,
    pub status: Status,
    pub raised_at: DateTime<Utc>,
    /// What the caseworker wrote when closing it.
    pub resolution: String,
}

/// One row of the caseworker's queue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueItem {
    pub id: i64,
    pub citizen_id: i64,
    pub citizen_name: String,
    pub reason: Reason,
    pub detail: String,
    pub raised_at: DateTime<Utc>,
    pub due_on: NaiveDate,
    /// (user id, name) of the caseworker who has it.
    pub assigned_to: Option<(i64, String)>,
    /// Messages from the citizen the jobcentre has not read.
    pub unread: i64,
}

/// Which part of the queue to show, as the page address holds it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct QueueFilter {
    /// Only this reason (`aarsag`).
    pub reason: Option<Reason>,
    /// `hvem`: "mine", "ledige" (unassigned) or all.
    pub who: Who,
    /// `sorter`: "frist" (due first, default) or "alder" (oldest first).
    pub oldest_first: bool,
}

code_enum!(
    /// Whose tasks the queue shows.
    #[derive(Default)]
    Who {
        #[default]
        All => "alle";
        Mine => "mine";
        /// Nobody's yet.
        Unassigned => "ledige";
    }
);

impl QueueFilter {
    /// Narrows and orders the open escalations for the caseworker `me`.
    pub fn apply(&self, mut items: Vec<QueueItem>, me: i64) -> Vec<QueueItem> {
        items.retain(|i| self.reason.is_none_or(|r| i.reason == r));
        items.retain(|i| match self.who {
            Who::All => true,
            Who::Mine => i.assigned_to.as_ref().is_some_and(|a| a.0 == me),
            Who::Unassigned => i.assigned_to.is_none(),
        });
        if self.oldest_first {
            items.sort_by_key(|i| (i.raised_at, i.id));
        } else {
            items.sort_by_key(|i| (i.due_on, i.raised_at, i.id));
        }
        items
    }
}

/// Days an escalation has waited, for the queue ("3 dage").
pub fn age_days(raised_at: DateTime<Utc>, today: NaiveDate) -> i64 {
    (today - super::time::danish_date(raised_at)).num_days().max(0)
}

impl crate::forms::FormData for RulesForm {}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    /// A citizen registered on 2026-09-07 (a Monday), doing everything right.
    fn fine(today: &str) -> Facts {
        let today = d(today);
        // Two applications every week since registration.
        let mut entries = Vec::new();
        let mut day = d("2026-09-07");
        while day <= today {
            entries.push((day, Kind::Application, EntryStatus::Sent));
            entries.push((day + Duration::days(2), Kind::Application, EntryStatus::Sent));
            day += Duration::days(7);
        }
        Facts {
            today,
            registered_on: d("2026-09-07"),
            track: Track::SelfService,
            cv_complete: true,
            entries,
            missed_checks: vec![],
            sick: false,
            screening_says_so: false,
            history: vec![],
        }
    }

    fn reasons(f: &Facts) -> Vec<Reason> {
        due(f, &Rules::default()).into_iter().map(|(r, _)| r).collect()
    }

    #[test]
    fn each_rule_raises_its_reason_and_only_then() {
        type Change = fn(&mut Facts);
        let table: Vec<(&str, &str, Change, Vec<Reason>)> = vec![
            ("all well", "2026-11-23", |_| {}, vec![]),
            ("two misses are forgiven", "2026-11-23", |f| f.missed_checks = vec![d("2026-10-01"), d("2026-11-01")], vec![]),
            (
                "the third miss in 12 months",
                "2026-11-23",
                |f| f.missed_checks = vec![d("2026-10-01"), d("2026-10-20"), d("2026-11-20")],
                vec![Reason::ChecksMissed],
            ),
            (
                "misses over a year apart",
                "2026-11-23",
                |f| f.missed_checks = vec![d("2025-10-01"), d("2026-10-20"), d("2026-11-20")],
                vec![],
            ),
            ("CV incomplete on day 14", "2026-09-21", |f| f.cv_complete = false, vec![]),
            ("CV incomplete on day 15", "2026-09-22", |f| f.cv_complete = false, vec![Reason::CvIncomplete]),
            ("13 weeks after registration", "2026-12-07", |_| {}, vec![Reason::PeriodEnded]),
            ("the day before", "2026-12-06", |_| {}, vec![]),
            ("screening", "2026-09-08", |f| f.screening_says_so = true, vec![Reason::Screening]),
            (
                "a caseworker-led track raises nothing",
                "2026-12-07",
                |f| {
                    f.track = Track::Caseworker;
                    f.cv_complete = false;
                },
                vec![],
            ),
            // Nothing logged after 2026-10-20: 34 days; and the last two weeks below 1.5 a week.
            (
                "30 days without activity, and behind",
                "2026-11-23",
                |f| f.entries.retain(|e| e.0 <= d("2026-10-20")),
                vec![Reason::JoblogBehind, Reason::JoblogInactive],
            ),
            ("29 days without activity", "2026-11-17", |f| f.entries.retain(|e| e.0 <= d("2026-10-20")), vec![Reason::JoblogBehind]),
            (
                "sick: the joblog rules wait",
                "2026-11-23",
                |f| {
                    f.entries.clear();
                    f.sick = true;
                },
                vec![],
            ),
            // One application a week: 4 in 4 weeks is below 6; every full window is behind.
            ("behind for weeks", "2026-11-23", |f| f.entries.retain(|e| e.0.weekday() == chrono::Weekday::Mon), vec![Reason::JoblogBehind]),
            ("behind, but too soon after registration to judge", "2026-09-30", |f| f.entries.clear(), vec![]),
        ];
        use chrono::Datelike;
        for (name, today, change, expected) in table {
            let mut f = fine(today);
            change(&mut f);
            assert_eq!(reasons(&f), expected, "{name}");
        }
    }

    #[test]
    fn behind_needs_two_completed_weeks_in_a_row() {
        // Registered 2026-09-07; applications only in the first four weeks (8 in
        // each 4-week window up to 2026-10-04). The window ending Sunday 2026-10-11
        // has 6 (on track), ending 10-18 has 4 (behind), ending 10-25 has 2 (behind).
        let mut f = fine("2026-10-19");
        f.entries.retain(|e| e.0 < d("2026-10-05"));
        assert_eq!(behind_weeks(&f, &Rules::default()), 1);
        f.today = d("2026-10-26");
        assert_eq!(behind_weeks(&f, &Rules::default()), 2);
    }

    #[test]
    fn one_open_per_reason_and_a_quiet_period_after_closing() {
        let mut f = fine("2026-09-30");
        f.cv_complete = false;
        let open = Past { reason: Reason::CvIncomplete, status: Status::Open, closed_on: None };
        f.history = vec![open.clone()];
        assert_eq!(reasons(&f), vec![]);
        let closed = |on: &str| Past { reason: Reason::CvIncomplete, status: Status::Resolved, closed_on: Some(d(on)) };
        f.history = vec![closed("2026-09-20")];
        assert_eq!(reasons(&f), vec![], "closed 10 days ago: quiet");
        f.history = vec![closed("2026-09-16")];
        assert_eq!(reasons(&f), vec![Reason::CvIncomplete], "closed 14 days ago: may come back");
        // The end of the period is raised once only.
        let mut f = fine("2027-03-01");
        f.history = vec![Past { reason: Reason::PeriodEnded, status: Status::Resolved, closed_on: Some(d("2026-12-08")) }];
        assert_eq!(reasons(&f), vec![]);
    }

    #[test]
    #[allow(clippy::type_complexity)] // a table of cases reads best written out
    fn rules_are_whole_numbers_in_range_with_a_note() {
        let mut form = RulesForm::from_rules(101, &EscalationRules::default());
        form.note = "Politisk beslutning 2027".into();
        let (m, rules, note) = validate_rules(&form).unwrap();
        assert_eq!((m, rules, note.as_str()), (101, EscalationRules::default(), "Politisk beslutning 2027"));
        let table: Vec<(fn(&mut RulesForm), &str)> = vec![
            (|f| f.missed_checks = "0".into(), "missed_checks"),
            (|f| f.joblog_behind_weeks = "to".into(), "joblog_behind_weeks"),
            (|f| f.self_service_weeks = "53".into(), "self_service_weeks"),
            (|f| f.service_level_days = "2.5".into(), "service_level_days"),
            (|f| f.quiet_days = "-1".into(), "quiet_days"),
            (|f| f.note = " ".into(), "note"),
            (|f| f.municipality = "999".into(), "municipality"),
        ];
        for (change, field) in table {
            let mut f = form.clone();
            change(&mut f);
            let errors = validate_rules(&f).unwrap_err();
            assert_eq!(errors.len(), 1, "{field}: {errors:?}");
            assert!(errors.get(field).is_some(), "{field}");
        }
    }

    #[test]
    fn the_caseworker_has_two_working_days() {
        let r = EscalationRules::default();
        assert_eq!(due_on(d("2026-11-23"), &r), d("2026-11-25"), "Monday → Wednesday");
        assert_eq!(due_on(d("2026-11-27"), &r), d("2026-12-01"), "Friday → Tuesday");
        assert_eq!(due_on(d("2026-12-23"), &r), d("2026-12-28"), "over Christmas");
    }

    #[test]
    fn the_queue_filters_and_sorts() {
        let item = |id: i64, reason: Reason, raised: &str, due: &str, who: Option<i64>| QueueItem {
            id,
            citizen_id: id,
            citizen_name: format!("Borger {id}"),
            reason,
            detail: String::new(),
            raised_at: format!("{raised}T10:00:00Z").parse().unwrap(),
            due_on: d(due),
            assigned_to: who.map(|w| (w, format!("Sagsbehandler {w}"))),
            unread: 0,
        };
        let items = vec![
            item(1, Reason::HelpRequested, "2026-11-20", "2026-11-24", None),
            item(2, Reason::CvIncomplete, "2026-11-18", "2026-11-20", Some(7)),
            item(3, Reason::HelpRequested, "2026-11-10", "2026-11-25", Some(8)),
        ];
        let ids = |f: QueueFilter| f.apply(items.clone(), 7).into_iter().map(|i| i.id).collect::<Vec<_>>();
        assert_eq!(ids(QueueFilter::default()), [2, 1, 3], "due first");
        assert_eq!(ids(QueueFilter { oldest_first: true, ..Default::default() }), [3, 2, 1]);
        assert_eq!(ids(QueueFilter { reason: Some(Reason::HelpRequested), ..Default::default() }), [1, 3]);
        assert_eq!(ids(QueueFilter { who: Who::Mine, ..Default::default() }), [2]);
        assert_eq!(ids(QueueFilter { who: Who::Unassigned, ..Default::default() }), [1]);
        assert_eq!(Who::parse("ledige"), Some(Who::Unassigned));
        assert_eq!(Who::parse("x"), None);
        for r in Reason::ALL {
            assert_eq!(Reason::parse(r.code()), Some(*r));
        }
        assert_eq!(age_days("2026-11-20T23:30:00Z".parse().unwrap(), d("2026-11-23")), 2, "raised on the 21st, Danish time");
    }
}
