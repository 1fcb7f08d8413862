//! Candidates: what an employer may see of a jobseeker who can be found, in the
//! list (no name, no contact) and when opening the CV (the name, and contact only
//! as the citizen chose), and what the citizen says about being found.

use crate::cv::{Cv, WorkTime};
use crate::error::{AppError, FieldErrors};
use crate::i18n::Msg;
use crate::search::Facets;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Candidates per result page.
pub const PER_PAGE: u32 = 20;
/// Entries of each list shown on a result card.
const CARD_ITEMS: usize = 3;
/// Longest message to a candidate or a reply, in characters.
pub const MAX_MESSAGE_CHARS: usize = 2_000;

/// A candidate in a result list: enough to choose whom to open, nothing that
/// names them. The index stores it whole.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CandidateCard {
    pub id: i64,
    /// The occupations sought, as titled in the CV.
    pub occupations: Vec<String>,
    /// The latest jobs held and educations taken (titles only).
    pub experience: Vec<String>,
    pub education: Vec<String>,
    pub skills: Vec<String>,
    /// Where they live: the municipality, and the postcode's town.
    pub municipality: Option<u16>,
    pub area: String,
    pub time: Option<WorkTime>,
    pub hours: Option<u8>,
    pub updated: Option<NaiveDate>,
    #[serde(default)]
    pub distance_km: Option<f64>,
}

impl CandidateCard {
    /// The card of a CV; `area` is the home postcode's label.
    pub fn of(id: i64, cv: &Cv, municipality: Option<u16>, area: String, updated: Option<NaiveDate>) -> CandidateCard {
        let titles = |items: &[crate::cv::CvItem]| {
            let mut sorted: Vec<&crate::cv::CvItem> = items.iter().collect();
            // Ongoing first, then the most recent.
            sorted.sort_by_key(|i| std::cmp::Reverse(i.to_year.unwrap_or(i32::MAX)));
            sorted.into_iter().take(CARD_ITEMS).map(|i| i.title.clone()).collect()
        };
        CandidateCard {
            id,
            occupations: cv.occupations.iter().map(|o| o.title.clone()).collect(),
            experience: titles(&cv.experience),
            education: titles(&cv.education),
            skills: cv.skills.iter().take(CARD_ITEMS * 2).cloned().collect(),
            municipality,
            area,
            time: cv.terms.as_ref().map(|t| t.time),
            hours: cv.terms.as_ref().map(|t| t.hours),
            updated,
            distance_km: None,
        }
    }
}

/// One page of candidates, with the counts of each filter choice.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CandidateResults {
    pub total: u64,
    pub page: u32,
    pub hits: Vec<CandidateCard>,
    /// Regions, municipalities, full/part time and occupations, as for vacancies.
    pub facets: Facets,
}

impl CandidateResults {
    pub fn pages(&self) -> u32 {
        (self.total.div_ceil(u64::from(PER_PAGE))).clamp(1, u64::from(u32::MAX)) as u32
    }
}

/// A CV opened by an employer: the name, the CV, and contact only as the citizen
/// chose to show it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CandidateProfile {
    pub id: i64,
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub card: CandidateCard,
    pub summary: String,
    pub education: Vec<crate::cv::CvItem>,
    pub experience: Vec<crate::cv::CvItem>,
    pub languages: Vec<String>,
    pub driving_licences: Vec<String>,
    pub max_travel_km: Option<u16>,
    /// The company's threads with this candidate.
    pub contacts: Vec<ContactSummary>,
}

impl CandidateProfile {
    pub fn of(name: String, email: &str, cv: Cv, card: CandidateCard, contacts: Vec<ContactSummary>) -> CandidateProfile {
        CandidateProfile {
            id: card.id,
            name,
            email: cv.show_email.then(|| email.to_string()),
            phone: (cv.show_phone && !cv.phone.trim().is_empty()).then(|| cv.phone.clone()),
            card,
            summary: cv.summary,
            education: cv.education,
            experience: cv.experience,
            languages: cv.languages,
            driving_licences: cv.driving_licences,
            max_travel_km: cv.terms.map(|t| t.max_travel_km),
            contacts,
        }
    }
}

/// Whether a candidate wanting `time` is offered by a search for full or part time.
pub fn time_matches(wanted: Option<WorkTime>, filter: crate::search::TimeFilter) -> bool {
    use crate::search::TimeFilter;
    matches!(
        (wanted, filter),
        (Some(WorkTime::Either), _) | (Some(WorkTime::Full), TimeFilter::Full) | (Some(WorkTime::Part), TimeFilter::Part)
    )
}

code_enum!(
    /// Where a contact thread stands.
    ContactStatus {
        Open => "open", ContactOpen;
        Declined => "declined", ContactDeclined;
    }
);

/// A thread between a company and a candidate, as a list shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ContactSummary {
    pub id: i64,
    pub company: String,
    /// The candidate's name: the company knows it once it wrote.
    pub candidate: String,
    pub candidate_id: i64,
    pub vacancy: Option<(i64, String)>,
    pub status: ContactStatus,
    pub updated: chrono::DateTime<chrono::Utc>,
    pub unread: u32,
}

/// One message of a thread.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ContactMessage {
    pub from_company: bool,
    pub author: String,
    pub body: String,
    pub at: chrono::DateTime<chrono::Utc>,
}

/// A thread with its messages, oldest first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ContactThread {
    pub summary: ContactSummary,
    pub messages: Vec<ContactMessage>,
}

code_enum!(
    /// What a form about candidate contact does.
    ContactAction {
        /// The employer writes to a candidate (a new thread).
        Start => "start";
        /// Either side writes in a thread.
        Reply => "reply";
        /// The citizen declines the thread.
        Decline => "decline";
    }
);

/// A contact form as posted: every field text, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ContactForm {
    pub action: String,
    /// The candidate (start) or the thread (reply, decline).
    pub id: String,
    /// The vacancy it is about (start; may be empty).
    pub vacancy: String,
    pub message: String,
}

impl crate::forms::FormData for ContactForm {}

/// What a contact form did, for the page to say so and go on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ContactDone {
    /// A new thread, its id.
    Started(i64),
    Replied(i64),
    Declined(i64),
}

impl ContactDone {
    pub fn thread(self) -> i64 {
        match self {
            ContactDone::Started(id) | ContactDone::Replied(id) | ContactDone::Declined(id) => id,
        }
    }
}

/// A checked contact form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ContactChange {
    Start { candidate: i64, vacancy: Option<i64>, message: String },
    Reply { thread: i64, message: String },
    Decline { thread: i64 },
}

pub mod field {
    pub const MESSAGE: &str = "message";
    pub const VACANCY: &str = "vacancy";
}

impl ContactForm {
    pub fn parse(&self) -> Result<ContactChange, AppError> {
        let action = ContactAction::parse(&self.action).ok_or(AppError::BadRequest)?;
        let id: i64 = self.id.trim().parse().map_err(|_| AppError::BadRequest)?;
        let mut errors = FieldErrors::default();
        let mut message = || {
            let text = self.message.trim();
            if text.is_empty() {
                errors.add(field::MESSAGE, Msg::ErrContactMessageMissing);
            } else if text.chars().count() > MAX_MESSAGE_CHARS {
                errors.add(field::MESSAGE, Msg::ErrContactMessageLong);
            }
            text.to_string()
        };
        let change = match action {
            ContactAction::Start => {
                let vacancy = match self.vacancy.trim() {
                    "" => None,
                    v => Some(v.parse::<i64>().map_err(|_| AppError::BadRequest)?),
                };
                ContactChange::Start { candidate: id, vacancy, message: message() }
            }
            ContactAction::Reply => ContactChange::Reply { thread: id, message: message() },
            ContactAction::Decline => ContactChange::Decline { thread: id },
        };
        errors.into_result(change)
    }
}

code_enum!(
    /// What the citizen's "Findes af arbejdsgivere" form does.
    VisibilityAction {
        Hide => "hide";
        Show => "show";
        Block => "block";
        Unblock => "unblock";
    }
);

/// The citizen's form about being found: the action, and the CVR number to
/// block or the company to unblock.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct VisibilityForm {
    pub action: String,
    pub cvr: String,
    pub id: String,
}

impl crate::forms::FormData for VisibilityForm {}

/// The citizen's choices about being found, as a page shows them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Visibility {
    /// The CV rules let employers find it (complete, not sick).
    pub searchable: bool,
    /// The citizen chose not to be found.
    pub hidden: bool,
    /// Companies blocked: (id, name, CVR).
    pub blocked: Vec<(i64, String, String)>,
}

/// A company's saved candidate search, as its list shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CandidateAgent {
    pub id: i64,
    pub name: String,
    /// The search's query part (`q=tømrer&naer=5960`).
    pub query: String,
    pub email_digest: bool,
    /// Matches not yet shown.
    pub unseen: u64,
}

/// A candidate an agent found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CandidateMatch {
    pub candidate: i64,
    /// What they seek.
    pub headline: String,
    pub found: chrono::DateTime<chrono::Utc>,
}

/// Candidate agents one company may keep.
pub const MAX_AGENTS: usize = 50;
/// Candidates an agent takes in at a time, and records as seen when saved.
pub const AGENT_BATCH: usize = 500;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cv::{CvItem, SoughtOccupation, Terms};
    use crate::search::TimeFilter;

    fn cv() -> Cv {
        let item = |title: &str, to: Option<i32>| CvItem { title: title.into(), from_year: 2010, to_year: to, ..Default::default() };
        Cv {
            phone: "12345678".into(),
            show_email: false,
            show_phone: true,
            occupations: vec![SoughtOccupation { code: "7115".into(), title: "Tømrer".into(), has_education: true, last_worked: None }],
            experience: vec![item("Lærling", Some(2012)), item("Tømrer", None), item("Snedker", Some(2020)), item("Bud", Some(2008))],
            terms: Some(Terms { hours: 37, time: WorkTime::Full, municipality: 751, max_travel_km: 40 }),
            ..Default::default()
        }
    }

    #[test]
    fn a_card_names_no_one_and_shows_the_latest_jobs_first() {
        let card = CandidateCard::of(7, &cv(), Some(751), "8000 Aarhus C".into(), None);
        assert_eq!(card.experience, ["Tømrer", "Snedker", "Lærling"]);
        assert_eq!(card.occupations, ["Tømrer"]);
        assert_eq!((card.time, card.hours), (Some(WorkTime::Full), Some(37)));
        let json = serde_json::to_string(&card).unwrap();
        assert!(!json.contains("12345678"));
    }

    #[test]
    fn contact_shows_only_what_the_citizen_chose() {
        let card = CandidateCard::of(7, &cv(), Some(751), String::new(), None);
        let p = CandidateProfile::of("Anne".into(), "anne@mail.example", cv(), card, Vec::new());
        assert_eq!((p.email, p.phone.as_deref()), (None, Some("12345678")));
    }

    #[test]
    fn either_time_matches_both_filters() {
        assert!(time_matches(Some(WorkTime::Either), TimeFilter::Part));
        assert!(time_matches(Some(WorkTime::Full), TimeFilter::Full));
        assert!(!time_matches(Some(WorkTime::Full), TimeFilter::Part));
        assert!(!time_matches(None, TimeFilter::Full));
    }

    #[test]
    fn contact_forms_are_checked() {
        let form = |action: &str, id: &str, vacancy: &str, message: &str| ContactForm {
            action: action.into(),
            id: id.into(),
            vacancy: vacancy.into(),
            message: message.into(),
        };
        assert_eq!(
            form("start", "7", "12", " Hej Anne ").parse(),
            Ok(ContactChange::Start { candidate: 7, vacancy: Some(12), message: "Hej Anne".into() })
        );
        assert_eq!(form("start", "7", "", "Hej").parse(), Ok(ContactChange::Start { candidate: 7, vacancy: None, message: "Hej".into() }));
        assert_eq!(form("decline", "3", "", "").parse(), Ok(ContactChange::Decline { thread: 3 }));
        let empty = form("reply", "3", "", "  ").parse();
        assert!(matches!(&empty, Err(AppError::Invalid(e)) if e.get(field::MESSAGE) == Some(Msg::ErrContactMessageMissing)));
        let long = form("reply", "3", "", &"x".repeat(MAX_MESSAGE_CHARS + 1)).parse();
        assert!(matches!(&long, Err(AppError::Invalid(e)) if e.get(field::MESSAGE) == Some(Msg::ErrContactMessageLong)));
        assert_eq!(form("start", "x", "", "Hej").parse(), Err(AppError::BadRequest));
        assert_eq!(form("start", "7", "abc", "Hej").parse(), Err(AppError::BadRequest));
        assert_eq!(form("sell", "7", "", "Hej").parse(), Err(AppError::BadRequest));
    }
}
