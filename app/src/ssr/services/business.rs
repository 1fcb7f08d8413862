//! Virksomhedsservice: an employer asks the jobcentre of a vacancy's municipality
//! for help recruiting; a caseworker there takes the task, writes back, suggests
//! candidates from the CV index (each suggestion logged where the citizen sees
//! it) and closes it. The employer is told by e-mail when the jobcentre answers.

use crate::domain::account::{Role, User};
use crate::domain::audit::{AuditAction, Purpose};
use crate::domain::business::{
    self, starting_search, BusinessAction, BusinessChange, BusinessDone, BusinessForm, Suggestion, TaskList, TaskStatus, TaskSummary,
    TaskView,
};
use crate::domain::candidate::ContactMessage;
use crate::domain::limits;
use crate::domain::search::SearchQuery;
use crate::error::{AppError, FieldErrors};
use crate::i18n::Msg;
use crate::ssr::db::{Desk, NewMail, TaskRow, TaskWrite};
use crate::ssr::index::cvs::Candidate;
use crate::ssr::AppState;

/// Tasks listed at most.
const LISTED: i64 = 300;
/// How long a closed task stays in the lists, in days.
const CLOSED_SHOWN_DAYS: i64 = 60;

/// Whose tasks the caller sees: their company's, their municipality's jobcentre,
/// or (an administrator) every jobcentre's.
fn desk_of(me: &User) -> Result<Desk, AppError> {
    match me.role {
        Role::Employer => me.acting_company().map(Desk::Company).ok_or(AppError::Forbidden),
        Role::Caseworker => me.municipality_code.map(|m| Desk::Jobcentre(Some(i32::from(m)))).ok_or(AppError::Forbidden),
        Role::Admin => Ok(Desk::Jobcentre(None)),
        Role::Jobseeker => Err(AppError::Forbidden),
    }
}

/// The jobcentre desk of a caseworker, the only one who takes, suggests and closes.
fn caseworker_desk(me: &User) -> Result<Desk, AppError> {
    match (me.role, desk_of(me)?) {
        (Role::Caseworker, desk) => Ok(desk),
        _ => Err(AppError::Forbidden),
    }
}

fn summary(row: &TaskRow) -> Result<TaskSummary, AppError> {
    Ok(TaskSummary {
        id: row.id,
        company: row.company_name.clone(),
        vacancy_id: row.vacancy_id,
        vacancy_title: row.vacancy_title.clone(),
        municipality: u16::try_from(row.municipality_code).map_err(|_| AppError::internal("business task municipality out of range"))?,
        need: row.need.clone(),
        due_on: row.due_on,
        status: TaskStatus::parse(&row.status)
            .ok_or_else(|| AppError::internal(format_args!("business task {} has an unknown status", row.id)))?,
        caseworker: row.caseworker_id.zip(row.caseworker_name.clone()),
        requested_by: row.requester_name.clone(),
        created: row.created_at,
        updated: row.updated_at,
        unread: u32::try_from(row.unread).unwrap_or(u32::MAX),
    })
}

/// The caller's tasks, what needs doing first. A list names companies and
/// vacancies, never a citizen, so it is not audited.
#[tracing::instrument(skip_all)]
pub async fn list(st: &AppState, me: &User) -> Result<TaskList, AppError> {
    let desk = desk_of(me)?;
    let now = st.clock.now();
    let rows = st.db.business_tasks(desk, now - chrono::Duration::days(CLOSED_SHOWN_DAYS), LISTED).await?;
    let mut tasks = rows.iter().map(summary).collect::<Result<Vec<_>, _>>()?;
    business::sort_tasks(&mut tasks);
    let vacancies = match desk {
        Desk::Company(company) => st
            .db
            .vacancies_of_company(company)
            .await?
            .into_iter()
            .filter(|v| v.status == "open" && v.municipality_code.is_some())
            .map(|v| (v.id, v.title))
            .collect(),
        Desk::Jobcentre(_) => Vec::new(),
    };
    Ok(TaskList { tasks, vacancies, today: st.clock.today() })
}

/// One task of the caller's desk (another's is "not found"), with its thread and
/// suggestions. The jobcentre also gets the candidates the task's company may
/// find, for `address` or, without one, the vacancy's occupation around its
/// workplace; the cards name no one.
#[tracing::instrument(skip_all)]
pub async fn open(st: &AppState, me: &User, id: i64, address: &str) -> Result<TaskView, AppError> {
    let desk = desk_of(me)?;
    let row = st.db.business_task(desk, id).await?.ok_or(AppError::NotFound)?;
    let (messages, suggested) = st.db.business_thread(desk, id, st.clock.now()).await?;
    let search = match desk {
        Desk::Company(_) => None,
        Desk::Jobcentre(_) => {
            let query = if address.trim().is_empty() {
                let vacancy = st.db.vacancy(row.vacancy_id).await?.ok_or(AppError::NotFound)?;
                starting_search(&vacancy.title, vacancy.occupation_code.as_deref(), &vacancy.postcode)
            } else {
                SearchQuery::from_address(address)
            };
            let (index, company, today, q) = (st.cvs.clone(), row.company_id, st.clock.today(), query.clone());
            let results = crate::ssr::gates::run(crate::ssr::gates::Gate::Search, move || index.search(&q, company, today)).await?;
            Some((query.address_query(), results))
        }
    };
    Ok(TaskView {
        summary: summary(&row)?,
        messages: messages
            .into_iter()
            .map(|m| ContactMessage { from_company: m.from_company, author: m.author_name, body: m.body, at: m.created_at })
            .collect(),
        suggestions: suggested
            .into_iter()
            .map(|s| Suggestion { candidate: s.user_id, headline: s.headline, note: s.note, by: s.by_name, at: s.created_at })
            .collect(),
        search,
        jobcentre: !desk.is_company(),
        may_act: me.role == Role::Caseworker,
    })
}

/// Asks for help (employer), writes (either side), or takes, suggests a
/// candidate and closes (caseworker).
#[tracing::instrument(skip_all)]
pub async fn act(st: &AppState, me: &User, form: &BusinessForm) -> Result<BusinessDone, AppError> {
    let change = form.parse(st.clock.today())?;
    let now = st.clock.now();
    let done = |task: i64, action: BusinessAction| Ok(BusinessDone { task, action });
    match change {
        BusinessChange::Request { vacancy, need, due } => {
            let Desk::Company(company) = desk_of(me)? else { return Err(AppError::Forbidden) };
            let row = st.db.company_vacancy(vacancy, company).await?;
            if row.is_none_or(|v| v.status != "open" || v.municipality_code.is_none()) {
                return Err(FieldErrors::one(business::field::VACANCY, Msg::ErrBusinessVacancy));
            }
            let limit = limits::BUSINESS_REQUESTS_PER_COMPANY;
            if st.db.take_event(limits::kind::BUSINESS, &company.to_string(), now - limit.window, limit.count, now).await?.is_none() {
                return Err(FieldErrors::one(business::field::NEED, Msg::ErrBusinessLimit));
            }
            let id = st
                .db
                .insert_business_task(company, vacancy, me.id, &need, due, now)
                .await?
                .ok_or_else(|| FieldErrors::one(business::field::VACANCY, Msg::ErrBusinessAlreadyAsked))?;
            tracing::info!(task = id, company, by = me.id, "business task requested");
            done(id, BusinessAction::Request)
        }
        BusinessChange::Take { task } => {
            let desk = caseworker_desk(me)?;
            if !st.db.change_task(desk, task, TaskWrite::Take { caseworker: me.id }, now, None).await? {
                st.db.business_task(desk, task).await?.ok_or(AppError::NotFound)?;
                return Err(FieldErrors::one("id", Msg::ErrBusinessTaken));
            }
            tracing::info!(task, by = me.id, "business task taken");
            done(task, BusinessAction::Take)
        }
        BusinessChange::Reply { task, message } => {
            let desk = desk_of(me)?;
            let write = TaskWrite::Message { author: &me.name, body: &message };
            write_with_notice(st, desk, task, write, BusinessAction::Reply).await?;
            done(task, BusinessAction::Reply)
        }
        BusinessChange::Suggest { task, candidate, note } => {
            let desk = caseworker_desk(me)?;
            let row = st.db.business_task(desk, task).await?.ok_or(AppError::NotFound)?;
            let cv = st.db.findable_cv_for(candidate, row.company_id).await?.ok_or(AppError::NotFound)?;
            let headline = Candidate::of(&cv).map(|c| c.card.occupations.join(", ")).ok_or(AppError::NotFound)?;
            let most = i64::try_from(business::MAX_SUGGESTIONS).unwrap_or(i64::MAX);
            let write = TaskWrite::Suggest { candidate, headline: &headline, note: &note, by: me.id, most };
            write_with_notice(st, desk, task, write, BusinessAction::Suggest).await?;
            let what = format!("CV foreslået til {} (virksomhedsservice)", row.company_name);
            st.db.insert_audit(me, AuditAction::Change, candidate, &what, Purpose::Recruitment.code(), now).await?;
            done(task, BusinessAction::Suggest)
        }
        BusinessChange::Close { task, note } => {
            let desk = caseworker_desk(me)?;
            write_with_notice(st, desk, task, TaskWrite::Close { author: &me.name, note: &note }, BusinessAction::Close).await?;
            tracing::info!(task, by = me.id, "business task closed");
            done(task, BusinessAction::Close)
        }
    }
}

/// Writes a change; when the jobcentre writes, the employer who asked is told by
/// e-mail in their language, queued with the change. A task that is not the
/// desk's, or not in a state for it, is "not found": the page then shows it as it is.
async fn write_with_notice(st: &AppState, desk: Desk, task: i64, write: TaskWrite<'_>, action: BusinessAction) -> Result<(), AppError> {
    let row = st.db.business_task(desk, task).await?.ok_or(AppError::NotFound)?;
    let requester = match desk {
        Desk::Company(_) => None,
        Desk::Jobcentre(_) => st.db.user_by_id(row.requested_by).await?.filter(|u| u.deactivated_at.is_none()),
    };
    let now = st.clock.now();
    let key = format!("business:{task}:{}:{}", action.code(), now.timestamp_micros());
    let url = format!("{}{}", st.mailer.public_url, crate::pages::link(crate::path::EMPLOYER_TASK, &[&task]));
    let text = requester.as_ref().map(|u| business::notice_mail(u.lang(), action, &row.vacancy_title, &url));
    let notice =
        requester.as_ref().zip(text.as_ref()).map(|(u, (subject, body))| NewMail { key: &key, recipient: &u.email, subject, body });
    if !st.db.change_task(desk, task, write, now, notice.as_ref()).await? {
        return Err(AppError::NotFound);
    }
    Ok(())
}
