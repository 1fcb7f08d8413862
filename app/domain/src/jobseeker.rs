//! What the jobseeker's pages show, as the server sends it: the CV with its
//! status, the joblog with progress, availability, the 7-day check, notifications.

use super::availability::{AvailabilityRules, Event, Status};
use super::cv::{Cv, Section};
use super::joblog::{Entry, Progress};
use crate::i18n::{Lang, Msg};
use crate::search::VacancyHit;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CvView {
    pub cv: Cv,
    pub name: String,
    pub email: String,
    pub missing: Vec<Section>,
    pub percent: u8,
    pub searchable: bool,
    pub sick: bool,
    /// The date the CV must be complete by, while it is not.
    pub deadline: Option<NaiveDate>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JoblogView {
    /// Newest first.
    pub entries: Vec<Entry>,
    pub progress: Progress,
    pub applications_per_week: f64,
    pub weeks: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AvailabilityView {
    pub status: Status,
    /// Newest first, with when it was reported.
    pub history: Vec<(DateTime<Utc>, Event)>,
    pub rules: AvailabilityRules,
    pub today: NaiveDate,
}

/// A vacancy suggested for the person, with the reason in a few words.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Suggestion {
    pub hit: VacancyHit,
    /// The sought occupation (or skill) it matched.
    pub because: String,
}

code_enum!(
    /// What happened at a 7-day check.
    CheckEventKind {
        Confirmed => "confirmed", CheckConfirmedEvent;
        Missed => "missed", CheckMissedEvent;
        Escalated => "escalated", CheckEscalatedEvent;
    }
);

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CheckView {
    pub due: NaiveDate,
    pub last_confirmed: Option<NaiveDate>,
    pub suggestions: Vec<Suggestion>,
    /// (date, what), newest first.
    pub history: Vec<(NaiveDate, CheckEventKind)>,
    pub today: NaiveDate,
    pub sick: bool,
}

/// An in-app notification. Stored as data, worded when shown, so it follows the
/// reader's language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Notice {
    CheckReminder {
        due: NaiveDate,
    },
    CheckMissed {
        new_due: NaiveDate,
    },
    /// The third miss: a caseworker will look at it. Never a sanction by itself.
    CheckEscalated,
    CvSearchable,
    /// New vacancies for a job agent.
    AgentMatches {
        agent: String,
        count: u64,
        href: String,
    },
    /// A job agent's regions were merged into one (told once, on the day).
    AgentRegionMoved {
        agent: String,
        from: Vec<crate::region::Region>,
        to: crate::region::Region,
        on: NaiveDate,
    },
    /// Handed to a caseworker, and why.
    Escalated {
        reason: crate::escalation::Reason,
    },
    /// A caseworker closed the escalations.
    EscalationClosed {
        status: crate::escalation::Status,
    },
    MessageFromJobcentre,
    MeetingBooked {
        starts_at: chrono::NaiveDateTime,
    },
    MeetingCancelled {
        starts_at: chrono::NaiveDateTime,
    },
}

impl Notice {
    /// Where the notice leads and what the link says, if anywhere. The pages know
    /// their own addresses: `messages` is where the jobcentre's messages are read.
    pub fn link<'a>(&'a self, messages: &'a str) -> Option<(&'a str, Msg)> {
        match self {
            Notice::AgentMatches { href, .. } => Some((href, Msg::ShowSearch)),
            Notice::MessageFromJobcentre => Some((messages, Msg::ReadMessage)),
            _ => None,
        }
    }

    pub fn text(&self, lang: Lang) -> String {
        let date = |d: &NaiveDate| crate::i18n::date(lang, *d);
        match self {
            Notice::CheckReminder { due } => format!("{} {}.", lang.t(Msg::NoticeCheckReminder), date(due)),
            Notice::CheckMissed { new_due } => format!("{} {}.", lang.t(Msg::NoticeCheckMissed), date(new_due)),
            Notice::CheckEscalated => lang.t(Msg::NoticeCheckEscalated).to_string(),
            Notice::CvSearchable => lang.t(Msg::NoticeCvSearchable).to_string(),
            Notice::AgentMatches { agent, count, .. } => crate::i18n::agent_matches(lang, agent, *count),
            Notice::AgentRegionMoved { agent, from, to, on } => crate::i18n::agent_region_moved(lang, agent, from, *to, *on),
            Notice::Escalated { reason } => {
                format!("{} {}: {}", lang.t(Msg::NoticeEscalated), lang.t(reason.label()), lang.t(reason.next_step()))
            }
            Notice::EscalationClosed { status } => format!("{}: {}.", lang.t(Msg::NoticeEscalationClosed), lang.t(status.label())),
            Notice::MessageFromJobcentre => lang.t(Msg::NoticeMessage).to_string(),
            Notice::MeetingBooked { starts_at } => {
                format!("{} {} {}.", lang.t(Msg::NoticeMeeting), crate::i18n::date(lang, starts_at.date()), starts_at.format("%H.%M"))
            }
            Notice::MeetingCancelled { starts_at } => {
                format!(
                    "{} {} {}.",
                    lang.t(Msg::NoticeMeetingCancelled),
                    crate::i18n::date(lang, starts_at.date()),
                    starts_at.format("%H.%M")
                )
            }
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notification {
    pub id: i64,
    pub at: DateTime<Utc>,
    pub notice: Notice,
    pub read: bool,
}

/// Everything "Min side" shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Overview {
    pub name: String,
    pub today: NaiveDate,
    pub cv_missing: Vec<Section>,
    pub cv_percent: u8,
    pub cv_searchable: bool,
    pub cv_deadline: Option<NaiveDate>,
    pub progress: Progress,
    pub applications_per_week: f64,
    pub check_due: NaiveDate,
    pub status: Status,
    pub notifications: Vec<Notification>,
    pub suggestions: Vec<Suggestion>,
    pub jobcentre: crate::case::MyJobcentre,
}
