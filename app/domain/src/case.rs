//! What the jobcentre and the citizen see of a case: the caseworker's view of one
//! citizen, and the citizen's view of their jobcentre.

use super::account::CitizenCard;
use super::availability::Status as Availability;
use super::contact::{Meeting, Message, Note};
use super::cv::Section;
use super::escalation::{CitizenEscalation, QueueFilter, QueueItem, Track};
use super::joblog::{Entry, Progress};
use super::jobseeker::CheckEventKind;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Everything a caseworker needs to act on one citizen.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CaseView {
    pub card: CitizenCard,
    pub today: NaiveDate,
    pub track: Track,
    pub registered_on: Option<NaiveDate>,
    pub open: Vec<QueueItem>,
    /// Closed escalations, newest first.
    pub earlier: Vec<CitizenEscalation>,
    pub messages: Vec<Message>,
    pub meetings: Vec<Meeting>,
    pub notes: Vec<Note>,
    pub cv_percent: u8,
    pub cv_missing: Vec<Section>,
    pub progress: Progress,
    pub applications_per_week: f64,
    /// The latest joblog entries, newest first.
    pub recent_entries: Vec<Entry>,
    pub availability: Availability,
    /// Check history, newest first.
    pub checks: Vec<(NaiveDate, CheckEventKind)>,
    pub screening: Option<super::screening::Screening>,
    /// Colleagues in the municipality, as (id, name), to hand a task to.
    pub colleagues: Vec<(i64, String)>,
}

/// The caseworker's queue page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QueuePage {
    pub items: Vec<QueueItem>,
    pub filter: QueueFilter,
    pub colleagues: Vec<(i64, String)>,
    pub me: i64,
    pub today: NaiveDate,
}

/// The citizen's view of their jobcentre, on Min side.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MyJobcentre {
    /// Open ones first, then the closed ones, newest first.
    pub escalations: Vec<CitizenEscalation>,
    pub meetings: Vec<Meeting>,
    pub unread: i64,
    pub caseworker_track: bool,
    /// The self-assessment at registration is answered.
    pub screened: bool,
}

/// The dashboard's figures.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Dashboard {
    pub self_service: i64,
    pub caseworker_track: i64,
    /// Open escalations per reason.
    pub open_by_reason: Vec<(super::escalation::Reason, i64)>,
    /// Open escalations by age: 0–1, 2–5, 6–10, over 10 days.
    pub open_by_age: Vec<(String, i64)>,
    /// Median days from raised to closed, when any were closed.
    pub median_days_to_close: Option<f64>,
    pub closed: i64,
    /// The municipality the figures are of, and its region on the day; `None` for all
    /// of Denmark.
    #[serde(default)]
    pub area: Option<(u16, super::region::Region)>,
}

/// What a caseworker does on a citizen's case, as posted by one of the case
/// page's forms (`action` says which).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CaseForm {
    /// A `CaseAction`'s code.
    pub action: String,
    /// The meeting to cancel.
    pub meeting_id: String,
    /// A message's text.
    pub body: String,
    /// A journal note's text.
    pub note: String,
    pub resolution: String,
    pub meeting_kind: String,
    pub meeting_date: String,
    pub meeting_time: String,
    pub meeting_place: String,
}

impl CaseForm {
    pub fn meeting(&self) -> super::contact::MeetingForm {
        super::contact::MeetingForm {
            kind: self.meeting_kind.clone(),
            date: self.meeting_date.clone(),
            time: self.meeting_time.clone(),
            place: self.meeting_place.clone(),
        }
    }
}

code_enum!(
    /// What a caseworker does on the case page.
    CaseAction {
        Note => "note";
        Message => "message";
        Meeting => "meeting";
        CancelMeeting => "cancel_meeting";
        /// Close the open escalations: back to self-service.
        Resolve => "resolve";
        /// Close the open escalations: on to a caseworker-led track.
        Track => "track";
    }
);

code_enum!(
    /// Taking a task from the queue, or handing it to a colleague.
    QueueAction {
        Claim => "claim";
        Assign => "assign";
    }
);

/// Taking a task from the queue, or handing it to a colleague.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct QueueForm {
    /// A `QueueAction`'s code.
    pub action: String,
    /// The escalation.
    pub id: String,
    /// The colleague's user id (assign).
    pub to: String,
}

/// The dashboard from the raw figures: (track, citizens); open escalations as
/// (reason, age in days); closed ones as days from raised to closed.
pub fn dashboard(tracks: &[(Track, i64)], open: &[(super::escalation::Reason, i64)], closed_days: &[f64]) -> Dashboard {
    use super::escalation::Reason;
    let count = |t: Track| tracks.iter().filter(|(x, _)| *x == t).map(|(_, n)| n).sum();
    let open_by_reason = Reason::ALL.iter().map(|r| (*r, open.iter().filter(|(x, _)| x == r).count() as i64)).collect();
    let buckets: [(&str, i64, i64); 4] = [("0–1", 0, 1), ("2–5", 2, 5), ("6–10", 6, 10), ("> 10", 11, i64::MAX)];
    let open_by_age =
        buckets.iter().map(|(label, lo, hi)| (label.to_string(), open.iter().filter(|(_, a)| a >= lo && a <= hi).count() as i64)).collect();
    let mut sorted = closed_days.to_vec();
    sorted.sort_by(f64::total_cmp);
    let median_days_to_close = match sorted.len() {
        0 => None,
        n if n % 2 == 1 => Some(sorted[n / 2]),
        n => Some((sorted[n / 2 - 1] + sorted[n / 2]) / 2.0),
    };
    Dashboard {
        self_service: count(Track::SelfService),
        caseworker_track: count(Track::Caseworker),
        open_by_reason,
        open_by_age,
        median_days_to_close,
        closed: closed_days.len() as i64,
        area: None,
    }
}

impl crate::forms::FormData for CaseForm {}

impl crate::forms::FormData for QueueForm {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::escalation::Reason;

    #[test]
    fn the_dashboard_counts_and_takes_the_median() {
        let d = dashboard(
            &[(Track::SelfService, 40), (Track::Caseworker, 5)],
            &[(Reason::HelpRequested, 0), (Reason::HelpRequested, 3), (Reason::CvIncomplete, 12)],
            &[1.0, 4.0, 2.0, 10.0],
        );
        assert_eq!((d.self_service, d.caseworker_track, d.closed), (40, 5, 4));
        assert_eq!(d.open_by_reason.iter().find(|(r, _)| *r == Reason::HelpRequested).unwrap().1, 2);
        assert_eq!(d.open_by_age.iter().map(|(_, n)| *n).collect::<Vec<_>>(), [1, 1, 0, 1]);
        assert_eq!(d.median_days_to_close, Some(3.0));
        assert_eq!(dashboard(&[], &[], &[5.0]).median_days_to_close, Some(5.0));
        assert_eq!(dashboard(&[], &[], &[]).median_days_to_close, None);
    }
}
