//! Contact between a citizen and their jobcentre: messages, meetings and the
//! caseworker's journal notes.

use super::parse::non_empty;
use crate::error::FieldErrors;
use crate::i18n::Msg;
use chrono::{DateTime, NaiveDateTime, NaiveTime, Utc};
use serde::{Deserialize, Serialize};

/// Longest message or note accepted.
pub const MAX_TEXT_CHARS: usize = 4000;

/// A message or note's text: not empty, not too long.
pub fn check_text(input: &str) -> Result<String, Msg> {
    let t = non_empty(input).ok_or(Msg::ErrMessageMissing)?;
    if t.chars().count() > MAX_TEXT_CHARS {
        return Err(Msg::ErrMessageTooLong);
    }
    Ok(t.to_string())
}

/// One message in the thread between a citizen and their jobcentre.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Message {
    pub id: i64,
    pub from_citizen: bool,
    /// The writer's name (a caseworker's, or the citizen's).
    pub author: String,
    pub body: String,
    pub at: DateTime<Utc>,
    /// Read by the other side.
    pub read: bool,
}

code_enum!(
    /// How a meeting is held.
    MeetingKind {
        InPerson => "fremmoede", MeetingInPerson;
        Phone => "telefon", MeetingPhone;
        Video => "video", MeetingVideo;
    }
);

code_enum!(
    MeetingStatus {
        Booked => "booket", MeetingBooked;
        Confirmed => "bekraeftet", MeetingConfirmed;
        Cancelled => "aflyst", MeetingCancelled;
    }
);

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meeting {
    pub id: i64,
    pub kind: MeetingKind,
    /// Danish local time.
    pub starts_at: NaiveDateTime,
    /// An address, a phone number, or a video link.
    pub place: String,
    pub status: MeetingStatus,
    pub caseworker: String,
}

/// A meeting as typed by the caseworker.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MeetingForm {
    pub kind: String,
    /// dd-mm-yyyy (or yyyy-mm-dd from a date picker).
    pub date: String,
    /// hh:mm (or hh.mm).
    pub time: String,
    pub place: String,
}

pub mod field {
    pub const KIND: &str = "meeting_kind";
    pub const DATE: &str = "meeting_date";
    pub const TIME: &str = "meeting_time";
    pub const PLACE: &str = "meeting_place";
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewMeeting {
    pub kind: MeetingKind,
    pub starts_at: NaiveDateTime,
    pub place: String,
}

/// "09:30", "9.30", "930" → a time of day.
pub fn parse_time(input: &str) -> Option<NaiveTime> {
    let t = input.trim().replace('.', ":");
    let (h, m) = match t.split_once(':') {
        Some((h, m)) => (h.parse().ok()?, m.parse().ok()?),
        None if (3..=4).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit()) => {
            let (h, m) = t.split_at(t.len() - 2);
            (h.parse().ok()?, m.parse().ok()?)
        }
        None => return None,
    };
    NaiveTime::from_hms_opt(h, m, 0)
}

/// Checks a meeting: a kind, a date from today on, a time, and a place (an address
/// in person, a link for video; for phone the citizen's number is used when empty).
pub fn validate_meeting(form: &MeetingForm, now: NaiveDateTime) -> Result<NewMeeting, FieldErrors> {
    let mut errors = FieldErrors::default();
    let kind = MeetingKind::parse(&form.kind);
    if kind.is_none() {
        errors.add(field::KIND, Msg::ErrChooseOne);
    }
    let date = match non_empty(&form.date) {
        None => {
            errors.add(field::DATE, Msg::ErrDateMissing);
            None
        }
        Some(d) => super::parse::date(d).or_else(|| {
            errors.add(field::DATE, Msg::ErrDateInvalid);
            None
        }),
    };
    let time = match non_empty(&form.time) {
        None => {
            errors.add(field::TIME, Msg::ErrTimeMissing);
            None
        }
        Some(t) => parse_time(t).or_else(|| {
            errors.add(field::TIME, Msg::ErrTimeInvalid);
            None
        }),
    };
    let starts_at = date.zip(time).map(|(d, t)| d.and_time(t));
    if starts_at.is_some_and(|s| s <= now) {
        errors.add(field::DATE, Msg::ErrMeetingInPast);
    }
    let place = form.place.trim().to_string();
    match kind {
        Some(MeetingKind::InPerson) if place.is_empty() => errors.add(field::PLACE, Msg::ErrMeetingPlaceMissing),
        Some(MeetingKind::Video) if !place.starts_with("https://") || place.contains(char::is_whitespace) => {
            errors.add(field::PLACE, Msg::ErrMeetingLinkInvalid)
        }
        _ => {}
    }
    if place.chars().count() > 300 {
        errors.add(field::PLACE, Msg::ErrMessageTooLong);
    }
    match (kind, starts_at) {
        (Some(kind), Some(starts_at)) if errors.is_empty() => Ok(NewMeeting { kind, starts_at, place }),
        _ => Err(errors),
    }
}

/// A caseworker's journal note.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    pub at: DateTime<Utc>,
    pub author: String,
    pub body: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> NaiveDateTime {
        "2026-11-23T12:00:00".parse().unwrap()
    }

    fn form(kind: &str, date: &str, time: &str, place: &str) -> MeetingForm {
        MeetingForm { kind: kind.into(), date: date.into(), time: time.into(), place: place.into() }
    }

    #[test]
    fn messages_are_checked() {
        assert_eq!(check_text("  Hej  "), Ok("Hej".to_string()));
        assert_eq!(check_text("  "), Err(Msg::ErrMessageMissing));
        assert_eq!(check_text(&"x".repeat(MAX_TEXT_CHARS + 1)), Err(Msg::ErrMessageTooLong));
    }

    #[test]
    fn times_as_danes_write_them() {
        for (input, expected) in [
            ("09:30", Some((9, 30))),
            ("9.30", Some((9, 30))),
            ("930", Some((9, 30))),
            ("1415", Some((14, 15))),
            ("25:00", None),
            ("kl 9", None),
            ("", None),
        ] {
            assert_eq!(parse_time(input), expected.and_then(|(h, m)| NaiveTime::from_hms_opt(h, m, 0)), "{input}");
        }
    }

    #[test]
    fn a_meeting_needs_a_kind_a_future_time_and_a_place_that_fits() {
        let ok = validate_meeting(&form("telefon", "25-11-2026", "10.00", ""), now()).unwrap();
        assert_eq!((ok.kind, ok.starts_at.to_string()), (MeetingKind::Phone, "2026-11-25 10:00:00".to_string()));
        let table = [
            (form("", "25-11-2026", "10:00", ""), field::KIND, Msg::ErrChooseOne),
            (form("telefon", "", "10:00", ""), field::DATE, Msg::ErrDateMissing),
            (form("telefon", "25-11-2026", "", ""), field::TIME, Msg::ErrTimeMissing),
            (form("telefon", "25-11-2026", "kl ti", ""), field::TIME, Msg::ErrTimeInvalid),
            (form("telefon", "23-11-2026", "11:00", ""), field::DATE, Msg::ErrMeetingInPast),
            (form("fremmoede", "25-11-2026", "10:00", " "), field::PLACE, Msg::ErrMeetingPlaceMissing),
            (form("video", "25-11-2026", "10:00", "teams"), field::PLACE, Msg::ErrMeetingLinkInvalid),
        ];
        for (f, name, msg) in table {
            let errors = validate_meeting(&f, now()).unwrap_err();
            assert_eq!(errors.get(name), Some(msg), "{f:?}");
        }
        assert!(validate_meeting(&form("video", "25-11-2026", "10:00", "https://video.example/m/123"), now()).is_ok());
    }
}

code_enum!(
    /// What the citizen does on the jobcentre page: write, or confirm a meeting.
    ContactAction {
        Send => "send";
        Confirm => "confirm";
    }
);
