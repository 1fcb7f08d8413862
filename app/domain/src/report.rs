//! Reports of bad vacancies: why a jobseeker reports one, and what an
//! administrator does with the report.

use crate::error::{AppError, FieldErrors};
use crate::i18n::Msg;
use serde::{Deserialize, Serialize};

/// The most a report's details or an administrator's note may say.
pub const TEXT_MAX: usize = 1_000;

pub mod field {
    pub const REASON: &str = "reason";
    pub const DETAILS: &str = "details";
    pub const NOTE: &str = "note";
}

code_enum!(
    /// Why a vacancy is reported.
    ReportReason {
        Scam => "svindel", ReportScam;
        Discrimination => "diskrimination", ReportDiscrimination;
        NotReal => "ikke-et-job", ReportNotReal;
        WrongInformation => "forkerte-oplysninger", ReportWrongInformation;
    }
);

/// A jobseeker's report, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReportForm {
    pub reason: String,
    pub details: String,
}

impl crate::forms::FormData for ReportForm {}

/// A report that passed its checks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    pub reason: ReportReason,
    pub details: String,
}

impl ReportForm {
    pub fn validate(&self) -> Result<Report, AppError> {
        let mut errors = FieldErrors::default();
        let reason = ReportReason::parse(&self.reason);
        if reason.is_none() {
            errors.add(field::REASON, Msg::ErrChooseOne);
        }
        let details = self.details.trim().to_string();
        if details.chars().count() > TEXT_MAX {
            errors.add(field::DETAILS, Msg::ErrTooLong);
        }
        match reason {
            Some(reason) if errors.is_empty() => Ok(Report { reason, details }),
            _ => Err(AppError::Invalid(errors)),
        }
    }
}

code_enum!(
    /// What an administrator does with the reports of a vacancy.
    ReportAction {
        /// Hide the vacancy: it leaves search, and the employer reads the note.
        Hide => "skjul";
        /// Nothing wrong: the reports are closed, the vacancy stays.
        Dismiss => "afvis";
    }
);

/// An administrator's decision on a reported vacancy.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReportActionForm {
    pub action: String,
    /// The vacancy.
    pub id: String,
    /// Hiding: why, in words the employer will read.
    pub note: String,
}

impl crate::forms::FormData for ReportActionForm {}

/// The decision, checked: hiding needs a note for the employer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Decision {
    Hide { vacancy_id: i64, note: String },
    Dismiss { vacancy_id: i64 },
}

impl ReportActionForm {
    pub fn decision(&self) -> Result<Decision, AppError> {
        let vacancy_id: i64 = self.id.trim().parse().map_err(|_| AppError::BadRequest)?;
        match ReportAction::parse(&self.action).ok_or(AppError::BadRequest)? {
            ReportAction::Dismiss => Ok(Decision::Dismiss { vacancy_id }),
            ReportAction::Hide => {
                let note = self.note.trim().to_string();
                if note.is_empty() {
                    Err(FieldErrors::one(field::NOTE, Msg::ErrHideNoteMissing))
                } else if note.chars().count() > TEXT_MAX {
                    Err(FieldErrors::one(field::NOTE, Msg::ErrTooLong))
                } else {
                    Ok(Decision::Hide { vacancy_id, note })
                }
            }
        }
    }
}

/// A reported vacancy in the administrators' queue: the reports of one vacancy together.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReportedVacancy {
    pub vacancy_id: i64,
    pub title: String,
    pub employer_name: String,
    /// Each open report's reason and details, oldest first.
    pub reports: Vec<(ReportReason, String)>,
    pub first_at: chrono::DateTime<chrono::Utc>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_names_a_reason_and_says_at_most_a_thousand_characters() {
        let ok = ReportForm { reason: "svindel".into(), details: "  Beder om betaling for at søge. ".into() };
        assert_eq!(ok.validate(), Ok(Report { reason: ReportReason::Scam, details: "Beder om betaling for at søge.".into() }));
        let bad = ReportForm { reason: "kedelig".into(), details: "x".repeat(TEXT_MAX + 1) };
        match bad.validate() {
            Err(AppError::Invalid(e)) => {
                assert_eq!((e.get(field::REASON), e.get(field::DETAILS)), (Some(Msg::ErrChooseOne), Some(Msg::ErrTooLong)))
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn hiding_needs_a_note_for_the_employer() {
        let form = |action: &str, note: &str| ReportActionForm { action: action.into(), id: "7".into(), note: note.into() };
        assert_eq!(form("afvis", "").decision(), Ok(Decision::Dismiss { vacancy_id: 7 }));
        assert_eq!(form("skjul", " Svindel. ").decision(), Ok(Decision::Hide { vacancy_id: 7, note: "Svindel.".into() }));
        assert_eq!(form("skjul", "  ").decision(), Err(FieldErrors::one(field::NOTE, Msg::ErrHideNoteMissing)));
        assert_eq!(form("slet", "x").decision(), Err(AppError::BadRequest));
        assert_eq!(ReportActionForm { id: "x".into(), ..form("afvis", "") }.decision(), Err(AppError::BadRequest));
    }
}
