//! Candidate agents: a company saves a CV search and is told of new candidates
//! matching it, in the app and (if asked) by a daily e-mail through the mail
//! outbox. A candidate is news for an agent once.

use crate::domain::account::User;
use crate::domain::agents::{self, AgentAction, AgentDone, AgentForm, DigestKind, DigestMatch};
use crate::domain::candidate::{CandidateAgent, CandidateMatch, AGENT_BATCH, MAX_AGENTS};
use crate::domain::search::SearchQuery;
use crate::error::{AppError, FieldErrors};
use crate::i18n::Msg;
use crate::ssr::db::{CandidateAgentRow, Quota};
use crate::ssr::services::jobs;
use crate::ssr::{blocking, AppState};
use chrono::{DateTime, NaiveDate, Utc};

fn agent(row: CandidateAgentRow) -> CandidateAgent {
    CandidateAgent { id: row.id, name: row.name, query: row.query, email_digest: row.email_digest, unseen: row.unseen.max(0) as u64 }
}

/// The candidates matching `query` for `company` now, most recently updated first.
async fn matching(st: &AppState, query: &str, company: i64, today: NaiveDate) -> Result<Vec<(i64, String)>, AppError> {
    let (index, q) = (st.cvs.clone(), SearchQuery::from_address(query));
    blocking(move || index.matching(&q, company, today, AGENT_BATCH)).await
}

/// The company's agents (every user of the company shares them).
#[tracing::instrument(skip_all)]
pub async fn list(st: &AppState, me: &User) -> Result<Vec<CandidateAgent>, AppError> {
    let company = me.acting_company().ok_or(AppError::Forbidden)?;
    Ok(st.db.candidate_agents(company).await?.into_iter().map(agent).collect())
}

/// Saves, deletes, or turns the e-mail of one of the company's agents on or off.
/// A new agent takes the candidates matching it now as already seen.
#[tracing::instrument(skip_all)]
pub async fn act(st: &AppState, me: &User, form: &AgentForm) -> Result<AgentDone, AppError> {
    let company = me.acting_company().ok_or(AppError::Forbidden)?;
    let id = || form.id.trim().parse::<i64>().map_err(|_| AppError::BadRequest);
    let found = |ok: bool| if ok { Ok(()) } else { Err(AppError::NotFound) };
    match AgentAction::parse(&form.action).ok_or(AppError::BadRequest)? {
        AgentAction::Create => {
            let existing = st.db.candidate_agents(company).await?.len();
            if existing >= MAX_AGENTS {
                return Err(FieldErrors::one("name", Msg::ErrTooMany));
            }
            // The job agents' checks of a name and a search; their own count is not ours.
            let (name, query) = agents::validate(form, 0)?;
            let baseline = matching(st, &query, company, st.clock.today()).await?;
            let email = form.email.trim() == "on";
            match st.db.insert_candidate_agent(company, me.id, &name, &query, email, &baseline, st.clock.now(), MAX_AGENTS).await? {
                Quota::Stored(_) => Ok(AgentDone::Created),
                _ => Err(FieldErrors::one("name", Msg::ErrTooMany)),
            }
        }
        AgentAction::Delete => found(st.db.delete_candidate_agent(company, id()?).await?).map(|_| AgentDone::Deleted),
        AgentAction::EmailOn => found(st.db.set_candidate_agent_email(company, id()?, true).await?).map(|_| AgentDone::Changed),
        AgentAction::EmailOff => found(st.db.set_candidate_agent_email(company, id()?, false).await?).map(|_| AgentDone::Changed),
    }
}

/// The new candidates of one of the company's agents, now shown (marked seen).
#[tracing::instrument(skip_all)]
pub async fn take_new(st: &AppState, me: &User, agent_id: i64) -> Result<Vec<CandidateMatch>, AppError> {
    let company = me.acting_company().ok_or(AppError::Forbidden)?;
    let rows = st.db.take_unseen_candidates(company, agent_id, st.clock.now()).await?.ok_or(AppError::NotFound)?;
    Ok(rows.into_iter().map(|r| CandidateMatch { candidate: r.candidate_id, headline: r.headline, found: r.found_at }).collect())
}

/// Runs every agent over the CV index; records what is new. Safe on many nodes:
/// a candidate is recorded for an agent once. Returns how many were new.
#[tracing::instrument(skip_all)]
pub async fn sweep_all(st: &AppState, today: NaiveDate) -> Result<u64, AppError> {
    let (mut after, mut total) = (0, 0);
    loop {
        let batch = st.db.candidate_agents_after(after, 200).await?;
        let Some(last) = batch.last().map(|a| a.id) else { break };
        for a in batch {
            let swept = async {
                let found = matching(st, &a.query, a.company_id, today).await?;
                st.db.record_candidate_matches(a.id, &found, st.clock.now()).await
            };
            match swept.await {
                Ok(n) => total += n,
                Err(e) => jobs::item_failed(st, jobs::CANDIDATE_AGENTS, &format!("candidate agent {}", a.id), &e).await,
            }
        }
        after = last;
    }
    Ok(total)
}

/// Queues the daily e-mail of each agent owner who asked for it and has news.
/// Returns how many were queued; a person's digest of a day is queued once.
#[tracing::instrument(skip_all)]
pub async fn queue_digests(st: &AppState, now: DateTime<Utc>) -> Result<usize, AppError> {
    if !st.mailer.enabled() {
        return Ok(0);
    }
    let today = crate::domain::time::danish_date(now);
    let (mut after, mut queued) = (0, 0);
    let mut owners: Vec<(i64, Option<NaiveDate>)> = Vec::new();
    loop {
        let batch = st.db.candidate_agents_after(after, 500).await?;
        let Some(last) = batch.last().map(|a| a.id) else { break };
        owners.extend(batch.into_iter().filter(|a| a.email_digest).map(|a| (a.user_id, a.digest_sent_on)));
        after = last;
    }
    owners.sort();
    owners.dedup_by_key(|o| o.0);
    for (user_id, sent) in owners {
        match queue_digest(st, user_id, sent, today, now).await {
            Ok(true) => queued += 1,
            Ok(false) => {}
            Err(e) => jobs::item_failed(st, jobs::CANDIDATE_AGENTS, &format!("digest of user {user_id}"), &e).await,
        }
    }
    Ok(queued)
}

/// Queues one owner's digest if it is due and they have news; `true` if queued.
async fn queue_digest(
    st: &AppState,
    user_id: i64,
    sent: Option<NaiveDate>,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<bool, AppError> {
    if !agents::digest_due(sent, now) {
        return Ok(false);
    }
    let unsent = st.db.unsent_candidate_matches(user_id).await?;
    if unsent.is_empty() {
        return Ok(false);
    }
    let found: Vec<DigestMatch> =
        unsent.iter().map(|m| DigestMatch { agent_id: m.agent_id, agent: &m.agent_name, id: m.candidate_id, title: &m.headline }).collect();
    let Some((email, subject, body)) =
        super::agents::digest_for(st, user_id, DigestKind::Candidates, &found, crate::path::CANDIDATE, crate::path::CANDIDATE_AGENTS)
            .await?
    else {
        return Ok(false);
    };
    let key = crate::domain::mail::candidate_digest_key(user_id, today);
    let mail = crate::ssr::db::NewMail { key: &key, recipient: &email, subject: &subject, body: &body };
    let matches: Vec<(i64, i64)> = unsent.iter().map(|m| (m.agent_id, m.candidate_id)).collect();
    st.db.queue_candidate_digest(user_id, &mail, &matches, today, now).await
}
