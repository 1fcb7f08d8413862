//! Candidates: employers search the CV index and open CVs (audited, like a staff
//! read), write to candidates; citizens choose whether they can be found and by
//! whom, and answer or decline. Each thread belongs to one company and one citizen,
//! and every query says which.

use crate::domain::account::{Role, User};
use crate::domain::audit::{AuditAction, Purpose};
use crate::domain::candidate::{
    CandidateProfile, CandidateResults, ContactChange, ContactDone, ContactForm, ContactMessage, ContactStatus, ContactSummary,
    ContactThread, Visibility, VisibilityAction,
};
use crate::domain::limits;
use crate::domain::search::SearchQuery;
use crate::error::{AppError, FieldErrors};
use crate::i18n::Msg;
use crate::ssr::db::{ContactRow, Side};
use crate::ssr::index::cvs::Candidate;
use crate::ssr::AppState;

/// Threads listed at most.
const THREADS: i64 = 200;

/// The company an employer acts for, with its name (for the citizen's access log).
async fn company_of(st: &AppState, me: &User) -> Result<(i64, String), AppError> {
    let id = me.acting_company().ok_or(AppError::Forbidden)?;
    let company = st.db.company(id).await?.ok_or(AppError::Forbidden)?;
    Ok((id, company.name))
}

/// Which threads a user may touch: a citizen their own, an employer their company's.
fn side_of(me: &User) -> Result<Side, AppError> {
    match me.role {
        Role::Jobseeker => Ok(Side::Citizen(me.id)),
        Role::Employer => me.acting_company().map(Side::Company).ok_or(AppError::Forbidden),
        _ => Err(AppError::Forbidden),
    }
}

/// Candidates the employer's company may find. The list names no one, so it is
/// not audited; opening a CV is.
#[tracing::instrument(skip_all)]
pub async fn search(st: &AppState, me: &User, query: SearchQuery) -> Result<CandidateResults, AppError> {
    let company = me.acting_company().ok_or(AppError::Forbidden)?;
    let index = st.cvs.clone();
    let today = st.clock.today();
    crate::ssr::gates::run(crate::ssr::gates::Gate::Search, move || index.search(&query, company, today)).await
}

/// A candidate's CV as the employer's company may see it now (findable, not
/// blocked for it: checked in the query), audited before it is returned.
#[tracing::instrument(skip_all)]
pub async fn open(st: &AppState, me: &User, candidate: i64) -> Result<CandidateProfile, AppError> {
    let (company, company_name) = company_of(st, me).await?;
    let row = st.db.findable_cv_for(candidate, company).await?.ok_or(AppError::NotFound)?;
    let user = st.db.user_by_id(candidate).await?.ok_or(AppError::NotFound)?;
    let Candidate { cv, card, .. } = Candidate::of(&row).ok_or(AppError::NotFound)?;
    st.db.insert_audit_as(me, Some(&company_name), AuditAction::Read, candidate, "cv", Purpose::Recruitment.code(), st.clock.now()).await?;
    let contacts = st.db.contacts(Side::Company(company), Some(candidate), THREADS).await?.into_iter().filter_map(summary).collect();
    Ok(CandidateProfile::of(row.name, &user.email, cv, card, contacts))
}

fn summary(row: ContactRow) -> Option<ContactSummary> {
    Some(ContactSummary {
        id: row.id,
        company: row.company_name,
        candidate: row.candidate_name,
        candidate_id: row.user_id,
        vacancy: row.vacancy_id.zip(row.vacancy_title),
        status: ContactStatus::parse(&row.status)?,
        updated: row.updated_at,
        unread: u32::try_from(row.unread).unwrap_or(u32::MAX),
    })
}

/// The threads of the caller's side, newest first.
#[tracing::instrument(skip_all)]
pub async fn threads(st: &AppState, me: &User) -> Result<Vec<ContactSummary>, AppError> {
    let side = side_of(me)?;
    Ok(st.db.contacts(side, None, THREADS).await?.into_iter().filter_map(summary).collect())
}

/// One thread of the caller's side; another's is "not found". Opening it marks
/// the other side's messages read.
#[tracing::instrument(skip_all)]
pub async fn thread(st: &AppState, me: &User, id: i64) -> Result<ContactThread, AppError> {
    let side = side_of(me)?;
    let (row, messages) = st.db.contact(side, id, st.clock.now()).await?.ok_or(AppError::NotFound)?;
    let summary = summary(row).ok_or_else(|| AppError::internal(format_args!("contact {id} has an unknown status")))?;
    let messages = messages
        .into_iter()
        .map(|m| ContactMessage { from_company: m.from_company, author: m.author_name, body: m.body, at: m.created_at })
        .collect();
    Ok(ContactThread { summary, messages })
}

/// Starts a thread (employer), writes in one (either side), or declines one
/// (citizen). A company writes to at most `limits::CONTACTS_PER_COMPANY` new
/// candidates a day.
#[tracing::instrument(skip_all)]
pub async fn contact(st: &AppState, me: &User, form: &ContactForm) -> Result<ContactDone, AppError> {
    let change = form.parse()?;
    let now = st.clock.now();
    match change {
        ContactChange::Start { candidate, vacancy, message } => {
            let (company, _) = company_of(st, me).await?;
            // Told apart before counting, so a vanished candidate costs no quota.
            st.db.findable_cv_for(candidate, company).await?.ok_or(AppError::NotFound)?;
            if let Some(v) = vacancy {
                let row = st.db.company_vacancy(v, company).await?.ok_or(AppError::BadRequest)?;
                if row.status != "open" {
                    return Err(AppError::BadRequest);
                }
            }
            let limit = limits::CONTACTS_PER_COMPANY;
            if st.db.take_event(limits::kind::CONTACT, &company.to_string(), now - limit.window, limit.count, now).await?.is_none() {
                return Err(FieldErrors::one(crate::domain::candidate::field::MESSAGE, Msg::ErrContactLimit));
            }
            let id = st.db.start_contact(company, candidate, vacancy, &me.name, &message, now).await?.ok_or(AppError::NotFound)?;
            tracing::info!(contact = id, company, by = me.id, "candidate contacted");
            Ok(ContactDone::Started(id))
        }
        ContactChange::Reply { thread, message } => {
            let side = side_of(me)?;
            if !st.db.add_contact_message(side, thread, &me.name, &message, now).await? {
                // Not theirs, or declined: the page shows the thread as it is.
                return Err(AppError::NotFound);
            }
            Ok(ContactDone::Replied(thread))
        }
        ContactChange::Decline { thread } => {
            let Side::Citizen(user) = side_of(me)? else { return Err(AppError::Forbidden) };
            if !st.db.decline_contact(user, thread, now).await? {
                return Err(AppError::NotFound);
            }
            Ok(ContactDone::Declined(thread))
        }
    }
}

/// The citizen's choices about being found.
#[tracing::instrument(skip_all)]
pub async fn visibility(st: &AppState, me: &User) -> Result<Visibility, AppError> {
    let row = st.db.jobseeker(me.id).await?.ok_or(AppError::NotFound)?;
    let blocked = st.db.blocked_companies(me.id).await?.into_iter().map(|c| (c.id, c.name, c.cvr)).collect();
    Ok(Visibility { searchable: row.cv_searchable, hidden: st.db.cv_hidden(me.id).await?, blocked })
}

/// Hides or shows the CV, blocks a company by CVR number or lifts a block; the CV
/// index follows once its indexer has caught up.
#[tracing::instrument(skip_all)]
pub async fn set_visibility(st: &AppState, me: &User, action: VisibilityAction, value: &str) -> Result<(), AppError> {
    if me.role != Role::Jobseeker {
        return Err(AppError::Forbidden);
    }
    let now = st.clock.now();
    match action {
        VisibilityAction::Hide => st.db.set_cv_hidden(me.id, true, now).await?,
        VisibilityAction::Show => st.db.set_cv_hidden(me.id, false, now).await?,
        VisibilityAction::Block => {
            let cvr = crate::domain::identity::cvr(value).map_err(|e| FieldErrors::one("cvr", e.cvr_message()))?;
            let company = st.db.company_by_cvr(&cvr).await?.ok_or_else(|| FieldErrors::one("cvr", Msg::ErrCompanyUnknown))?;
            st.db.block_company(me.id, company.id, now).await?;
        }
        VisibilityAction::Unblock => {
            let company: i64 = value.trim().parse().map_err(|_| AppError::BadRequest)?;
            st.db.unblock_company(me.id, company, now).await?;
        }
    }
    st.cv_indexer.wake();
    Ok(())
}
