//! Virksomhedsservice: an employer asks the jobcentre of a vacancy's municipality
//! for help recruiting (what they need, by when). The request is a business task in
//! that municipality's queue; a caseworker takes it, writes back, suggests
//! candidates from the CV index, and closes it.

use crate::candidate::{CandidateResults, ContactMessage, MAX_MESSAGE_CHARS};
use crate::error::{AppError, FieldErrors};
use crate::i18n::{Lang, Msg};
use crate::search::SearchQuery;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// How far ahead an employer may set the date they need help by: a recruitment
/// planned further out is not yet the jobcentre's task.
pub const MAX_DUE_DAYS: i64 = 365;
/// Candidates one task may carry: a shortlist, not the CV index.
pub const MAX_SUGGESTIONS: usize = 30;
/// The radius of the candidate search a caseworker starts from, around the workplace.
pub const DEFAULT_KM: u32 = 25;

code_enum!(
    /// Where a business task stands.
    TaskStatus {
        /// In the municipality's queue, nobody has it yet.
        Open => "open", BusinessOpen;
        /// A caseworker has it.
        Taken => "taken", BusinessTaken;
        /// Done: the employer can read it, nobody can write in it.
        Closed => "closed", BusinessClosed;
    }
);

code_enum!(
    /// What a business-service form does.
    BusinessAction {
        /// The employer asks for help with a vacancy (a new task).
        Request => "request";
        /// Either side writes in the task.
        Reply => "reply";
        /// A caseworker takes it from the queue.
        Take => "take";
        /// A caseworker suggests a candidate to the employer.
        Suggest => "suggest";
        /// A caseworker closes it, with a closing word to the employer.
        Close => "close";
    }
);

/// A business-service form as posted: every field text, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct BusinessForm {
    pub action: String,
    /// The task (every action but a request).
    pub id: String,
    /// The vacancy (request).
    pub vacancy: String,
    /// What the employer needs (request).
    pub need: String,
    /// By when (request): a date as Danes write it or as a date field sends it.
    pub due: String,
    /// A message (reply; optional with a suggestion or a close).
    pub message: String,
    /// The candidate suggested (suggest).
    pub candidate: String,
}

impl crate::forms::FormData for BusinessForm {}

/// A checked business-service form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BusinessChange {
    Request { vacancy: i64, need: String, due: NaiveDate },
    Reply { task: i64, message: String },
    Take { task: i64 },
    Suggest { task: i64, candidate: i64, note: String },
    Close { task: i64, note: String },
}

pub mod field {
    pub const VACANCY: &str = "vacancy";
    pub const NEED: &str = "need";
    pub const DUE: &str = "due";
    pub const MESSAGE: &str = "message";
}

impl BusinessForm {
    /// Checks the form as of `today` (a due date lies between today and
    /// `MAX_DUE_DAYS` ahead). Ids that are not numbers are a bad request: only a
    /// tampered form sends them.
    pub fn parse(&self, today: NaiveDate) -> Result<BusinessChange, AppError> {
        let action = BusinessAction::parse(&self.action).ok_or(AppError::BadRequest)?;
        let number = |s: &str| s.trim().parse::<i64>().map_err(|_| AppError::BadRequest);
        let mut errors = FieldErrors::default();
        let mut text = |field: &str, value: &str, required: bool| {
            let value = value.trim();
            if required && value.is_empty() {
                errors.add(field, if field == field::NEED { Msg::ErrBusinessNeedMissing } else { Msg::ErrContactMessageMissing });
            } else if value.chars().count() > MAX_MESSAGE_CHARS {
                errors.add(field, Msg::ErrContactMessageLong);
            }
            value.to_string()
        };
        let change = match action {
            BusinessAction::Request => {
                let vacancy = match self.vacancy.trim() {
                    "" => None,
                    v => Some(number(v)?),
                };
                let need = text(field::NEED, &self.need, true);
                let due = crate::parse::date(&self.due);
                match due {
                    None if self.due.trim().is_empty() => errors.add(field::DUE, Msg::ErrBusinessDueMissing),
                    None => errors.add(field::DUE, Msg::ErrDeadlineInvalid),
                    Some(d) if !due_in_range(d, today) => errors.add(field::DUE, Msg::ErrBusinessDueRange),
                    Some(_) => {}
                }
                if vacancy.is_none() {
                    errors.add(field::VACANCY, Msg::ErrBusinessVacancy);
                }
                match (vacancy, due) {
                    (Some(vacancy), Some(due)) => BusinessChange::Request { vacancy, need, due },
                    // Either is missing, and its error is recorded above.
                    _ => return Err(AppError::Invalid(errors)),
                }
            }
            BusinessAction::Reply => BusinessChange::Reply { task: number(&self.id)?, message: text(field::MESSAGE, &self.message, true) },
            BusinessAction::Take => BusinessChange::Take { task: number(&self.id)? },
            BusinessAction::Suggest => BusinessChange::Suggest {
                task: number(&self.id)?,
                candidate: number(&self.candidate)?,
                note: text(field::MESSAGE, &self.message, false),
            },
            BusinessAction::Close => BusinessChange::Close { task: number(&self.id)?, note: text(field::MESSAGE, &self.message, false) },
        };
        errors.into_result(change)
    }
}

/// Whether `due` is a date the employer may ask for help by: not in the past,
/// not more than `MAX_DUE_DAYS` ahead.
pub fn due_in_range(due: NaiveDate, today: NaiveDate) -> bool {
    let days = (due - today).num_days();
    (0..=MAX_DUE_DAYS).contains(&days)
}

/// What a business-service form did, for the page to say so and go on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BusinessDone {
    pub task: i64,
    pub action: BusinessAction,
}

/// A task as a list shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TaskSummary {
    pub id: i64,
    pub company: String,
    pub vacancy_id: i64,
    pub vacancy_title: String,
    pub municipality: u16,
    pub need: String,
    pub due_on: NaiveDate,
    pub status: TaskStatus,
    /// The caseworker who has it: (id, name).
    pub caseworker: Option<(i64, String)>,
    pub requested_by: String,
    pub created: DateTime<Utc>,
    pub updated: DateTime<Utc>,
    /// Messages from the other side the reader has not opened.
    pub unread: u32,
}

impl TaskSummary {
    /// Past its due date and still not closed.
    pub fn overdue(&self, today: NaiveDate) -> bool {
        self.status != TaskStatus::Closed && self.due_on < today
    }
}

/// The order of a list: what needs doing first (open and taken tasks by due
/// date, the earliest first), then closed tasks, the latest first.
pub fn sort_tasks(tasks: &mut [TaskSummary]) {
    tasks.sort_by(|a, b| {
        let closed = |t: &TaskSummary| t.status == TaskStatus::Closed;
        closed(a).cmp(&closed(b)).then_with(|| {
            if closed(a) {
                b.updated.cmp(&a.updated)
            } else {
                a.due_on.cmp(&b.due_on).then(a.id.cmp(&b.id))
            }
        })
    });
}

/// A desk's tasks, and (for an employer) the vacancies they may ask help with.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TaskList {
    pub tasks: Vec<TaskSummary>,
    /// Open vacancies with a workplace: (id, title).
    pub vacancies: Vec<(i64, String)>,
    pub today: NaiveDate,
}

/// A candidate a caseworker suggested: what they seek, never a name (the
/// employer sees it when opening the CV, which is logged for the citizen).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suggestion {
    pub candidate: i64,
    pub headline: String,
    pub note: String,
    pub by: String,
    pub at: DateTime<Utc>,
}

/// One task with its thread and suggestions; for the jobcentre also the candidate
/// search it suggests from (its address part, which `SearchQuery::from_address`
/// reads) and its results.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TaskView {
    pub summary: TaskSummary,
    /// The thread, oldest first; `from_company` tells the sides apart.
    pub messages: Vec<ContactMessage>,
    pub suggestions: Vec<Suggestion>,
    pub search: Option<(String, CandidateResults)>,
    /// The viewer is the jobcentre (the caseworker's or an administrator's view).
    pub jobcentre: bool,
    /// The viewer may act on it as a caseworker (take, suggest, close).
    pub may_act: bool,
}

/// The candidate search a caseworker starts from for a vacancy: its occupation
/// if it has one (otherwise its title's words), within `DEFAULT_KM` of the workplace.
pub fn starting_search(title: &str, occupation: Option<&str>, postcode: &str) -> SearchQuery {
    let mut query = match occupation {
        Some(code) if !code.trim().is_empty() => SearchQuery { occupations: vec![code.trim().to_string()], ..SearchQuery::text("") },
        _ => SearchQuery::text(title),
    };
    query.near = postcode.trim().parse::<u16>().ok().and_then(crate::postcode::lookup).map(|p| crate::postcode::Place::Postcode(p.number));
    query.km = DEFAULT_KM;
    query
}

/// The e-mail that tells the employer who asked that the jobcentre answered, in
/// their language: its subject and its text, with the task's address.
pub fn notice_mail(lang: Lang, action: BusinessAction, vacancy: &str, url: &str) -> (String, String) {
    let (subject, what, regards) = match (lang, action) {
        (Lang::Da, BusinessAction::Suggest) => {
            ("Jobcentret foreslår en kandidat", "Jobcentret har foreslået en kandidat til", "Venlig hilsen")
        }
        (Lang::Da, BusinessAction::Close) => {
            ("Jobcentret har afsluttet jeres opgave", "Jobcentret har afsluttet opgaven om", "Venlig hilsen")
        }
        (Lang::Da, _) => ("Nyt svar fra jobcentret", "Jobcentret har skrevet til jer om", "Venlig hilsen"),
        (Lang::En, BusinessAction::Suggest) => {
            ("The jobcentre suggests a candidate", "The jobcentre has suggested a candidate for", "Kind regards")
        }
        (Lang::En, BusinessAction::Close) => {
            ("The jobcentre has closed your task", "The jobcentre has closed the task about", "Kind regards")
        }
        (Lang::En, _) => ("New answer from the jobcentre", "The jobcentre has written to you about", "Kind regards"),
    };
    (subject.to_string(), format!("{what} »{vacancy}«:\n{url}\n\n{regards}\nJobunivers\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
    }

    fn request(vacancy: &str, need: &str, due: &str) -> BusinessForm {
        BusinessForm { action: "request".into(), vacancy: vacancy.into(), need: need.into(), due: due.into(), ..Default::default() }
    }

    fn fields(e: AppError) -> Vec<(String, Msg)> {
        match e {
            AppError::Invalid(f) => f.0.into_iter().map(|e| (e.field, e.msg)).collect(),
            other => panic!("not a field error: {other:?}"),
        }
    }

    #[test]
    fn a_request_needs_a_vacancy_a_need_and_a_date_ahead() {
        let ok = request("7", "  To pædagoger til vuggestuen  ", "15-12-2026").parse(today()).unwrap();
        assert_eq!(
            ok,
            BusinessChange::Request {
                vacancy: 7,
                need: "To pædagoger til vuggestuen".into(),
                due: NaiveDate::from_ymd_opt(2026, 12, 15).unwrap()
            }
        );
        let all = fields(request("", " ", "").parse(today()).unwrap_err());
        assert_eq!(
            all,
            vec![
                ("need".into(), Msg::ErrBusinessNeedMissing),
                ("due".into(), Msg::ErrBusinessDueMissing),
                ("vacancy".into(), Msg::ErrBusinessVacancy)
            ]
        );
        assert_eq!(fields(request("7", "x", "29-11-2026").parse(today()).unwrap_err()), vec![("due".into(), Msg::ErrBusinessDueRange)]);
        assert_eq!(fields(request("7", "x", "31-02-2027").parse(today()).unwrap_err()), vec![("due".into(), Msg::ErrDeadlineInvalid)]);
        assert_eq!(fields(request("7", &"x".repeat(MAX_MESSAGE_CHARS + 1), "2027-01-02").parse(today()).unwrap_err())[0].0, "need");
        assert!(matches!(request("seven", "x", "2027-01-02").parse(today()), Err(AppError::BadRequest)));
    }

    #[test]
    fn the_due_date_may_be_today_and_up_to_a_year_ahead() {
        assert!(due_in_range(today(), today()));
        assert!(due_in_range(today() + chrono::Duration::days(MAX_DUE_DAYS), today()));
        assert!(!due_in_range(today() + chrono::Duration::days(MAX_DUE_DAYS + 1), today()));
        assert!(!due_in_range(today() - chrono::Duration::days(1), today()));
    }

    #[test]
    fn a_caseworker_action_names_its_task_and_a_reply_needs_words() {
        let form = |action: &str, message: &str| BusinessForm {
            action: action.into(),
            id: "3".into(),
            candidate: "9".into(),
            message: message.into(),
            ..Default::default()
        };
        assert_eq!(form("take", "").parse(today()).unwrap(), BusinessChange::Take { task: 3 });
        assert_eq!(form("suggest", "").parse(today()).unwrap(), BusinessChange::Suggest { task: 3, candidate: 9, note: String::new() });
        assert_eq!(form("close", " Tak ").parse(today()).unwrap(), BusinessChange::Close { task: 3, note: "Tak".into() });
        assert_eq!(fields(form("reply", " ").parse(today()).unwrap_err()), vec![("message".into(), Msg::ErrContactMessageMissing)]);
        assert!(matches!(form("delete", "").parse(today()), Err(AppError::BadRequest)));
    }

    fn task(id: i64, status: TaskStatus, due: u32, updated: u32) -> TaskSummary {
        TaskSummary {
            id,
            company: "A/S".into(),
            vacancy_id: 1,
            vacancy_title: "Pædagog".into(),
            municipality: 101,
            need: String::new(),
            due_on: NaiveDate::from_ymd_opt(2026, 12, due).unwrap(),
            status,
            caseworker: None,
            requested_by: String::new(),
            created: DateTime::from_timestamp(0, 0).unwrap(),
            updated: DateTime::from_timestamp(i64::from(updated), 0).unwrap(),
            unread: 0,
        }
    }

    #[test]
    fn the_list_puts_the_earliest_due_first_and_closed_tasks_last() {
        let mut list = vec![
            task(1, TaskStatus::Closed, 1, 10),
            task(2, TaskStatus::Taken, 20, 0),
            task(3, TaskStatus::Open, 5, 0),
            task(4, TaskStatus::Closed, 2, 20),
        ];
        sort_tasks(&mut list);
        assert_eq!(list.iter().map(|t| t.id).collect::<Vec<_>>(), vec![3, 2, 4, 1]);
        assert!(list[0].overdue(NaiveDate::from_ymd_opt(2026, 12, 6).unwrap()));
        assert!(!list[3].overdue(NaiveDate::from_ymd_opt(2026, 12, 6).unwrap()), "a closed task is never overdue");
    }

    #[test]
    fn the_caseworker_starts_from_the_occupation_around_the_workplace() {
        let q = starting_search("Pædagog til vuggestue", Some("2342"), "2100");
        assert_eq!(q.occupations, vec!["2342".to_string()]);
        assert!(q.text.is_empty());
        assert_eq!(q.near, Some(crate::postcode::Place::Postcode(2100)));
        assert_eq!(q.km, DEFAULT_KM);
        let q = starting_search("Pædagog", None, "9999");
        assert_eq!((q.text.as_str(), q.near), ("Pædagog", None));
    }

    #[test]
    fn the_notice_is_in_the_employers_language() {
        let (s, body) = notice_mail(Lang::En, BusinessAction::Suggest, "Pædagog", "https://x/arbejdsgiver/jobcenter/1");
        assert_eq!(s, "The jobcentre suggests a candidate");
        assert!(body.contains("»Pædagog«") && body.contains("https://x/arbejdsgiver/jobcenter/1"));
        assert_eq!(notice_mail(Lang::Da, BusinessAction::Reply, "x", "u").0, "Nyt svar fra jobcentret");
    }
}
