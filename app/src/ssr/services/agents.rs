//! Job agents: saving searches, finding new vacancies for them, telling the person
//! in the app, and the daily e-mail.

use crate::domain::account::{Role, User};
use crate::domain::agents::{self, Agent, AgentAction, AgentDone as Done, AgentForm};
use crate::domain::jobseeker::Notice;
use crate::error::{AppError, FieldErrors};
use crate::i18n::Msg;
use crate::ssr::db::Quota;
use crate::ssr::services::jobs;
use crate::ssr::{blocking, AppState};
use chrono::{DateTime, NaiveDate, Utc};

/// Most new vacancies one agent reports at a time.
const MAX_NEW: usize = 200;

fn jobseeker(me: &User) -> Result<(), AppError> {
    if me.role == Role::Jobseeker {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

#[tracing::instrument(skip_all)]
pub async fn list(st: &AppState, me: &User) -> Result<Vec<Agent>, AppError> {
    jobseeker(me)?;
    Ok(st
        .db
        .agents_of(me.id)
        .await?
        .into_iter()
        .map(|a| Agent {
            href: if a.query.is_empty() { "/job".into() } else { format!("/job?{}", a.query) },
            id: a.id,
            name: a.name,
            email_digest: a.email_digest,
            matches: a.matches.max(0) as u64,
        })
        .collect())
}

#[tracing::instrument(skip_all)]
pub async fn act(st: &AppState, me: &User, form: &AgentForm) -> Result<Done, AppError> {
    jobseeker(me)?;
    let id = || form.id.trim().parse::<i64>().map_err(|_| AppError::BadRequest);
    let found = |ok: bool| if ok { Ok(()) } else { Err(AppError::NotFound) };
    match AgentAction::parse(&form.action).ok_or(AppError::BadRequest)? {
        AgentAction::Create => {
            let existing = st.db.agents_of(me.id).await?.len();
            let (name, query) = agents::validate(form, existing)?;
            // Only vacancies posted from now on are news.
            let index = st.index.clone();
            let seen = blocking(move || index.max_id()).await?;
            // Counted again where it is stored: parallel requests cannot pass the cap.
            match st.db.insert_agent(me.id, &name, &query, seen, st.clock.now(), agents::MAX_AGENTS).await? {
                Quota::Stored(_) => Ok(Done::Created),
                _ => Err(FieldErrors::one("name", Msg::ErrTooMany)),
            }
        }
        AgentAction::Delete => found(st.db.delete_agent(me.id, id()?).await?).map(|_| Done::Deleted),
        AgentAction::EmailOn => found(st.db.set_agent_email(me.id, id()?, true).await?).map(|_| Done::Changed),
        AgentAction::EmailOff => found(st.db.set_agent_email(me.id, id()?, false).await?).map(|_| Done::Changed),
    }
}

/// Runs the person's agents over what was posted since each last looked, and
/// tells them about anything new. Returns how many new matches there were.
#[tracing::instrument(skip_all)]
pub async fn sweep_user(st: &AppState, user_id: i64, today: NaiveDate) -> Result<u64, AppError> {
    let mut total = 0;
    let agents = st.db.agents_of(user_id).await?;
    if agents.is_empty() {
        return Ok(0);
    }
    // Min side runs this on every view: an agent that has seen the newest vacancy
    // has nothing to look for, so it costs no search.
    let index = st.index.clone();
    let max_id = blocking(move || index.max_id()).await?;
    for agent in agents.into_iter().filter(|a| a.last_seen_id < max_id) {
        let q = crate::domain::search::SearchQuery::from_address(&agent.query);
        let index = st.index.clone();
        let after = agent.last_seen_id;
        let mut hits = blocking(move || index.new_matches(&q, today, after, MAX_NEW)).await?;
        // Move the mark past what was looked at: everything up to `max_id`, unless
        // the batch was full. (The index may have grown since `max_id` was read;
        // what came after is the next sweep's.)
        let full = hits.len() == MAX_NEW;
        hits.retain(|h| h.id <= max_id);
        let to = if full { hits.last().map_or(max_id, |h| h.id) } else { max_id };
        if to <= after {
            continue;
        }
        let found: Vec<(i64, String)> = hits.into_iter().map(|h| (h.id, h.title)).collect();
        let added = st.db.record_agent_matches(agent.id, after, to, &found, st.clock.now()).await?;
        if added > 0 {
            let href = if agent.query.is_empty() { "/job".to_string() } else { format!("/job?{}&sorter=nyeste", agent.query) };
            let notice = Notice::AgentMatches { agent: agent.name.clone(), count: added, href };
            super::jobseeker::notify(st, user_id, &notice).await?;
        }
        total += added;
    }
    Ok(total)
}

/// Moves saved searches that name a region no longer in force on `today` to the
/// region it became (Hovedstaden and Sjælland to Østdanmark from 1 January 2027),
/// and tells each owner once. Safe to run on every node at any time. Returns how
/// many agents moved.
#[tracing::instrument(skip_all)]
pub async fn move_to_regions_in_force(st: &AppState, today: NaiveDate) -> Result<u64, AppError> {
    let mut moved = 0;
    for agent in st.db.agents_naming_a_region().await? {
        let Some((query, changes)) = agents::regions_moved(&agent.query, today) else { continue };
        let Some(to) = changes.first().map(|(_, new)| *new) else { continue };
        let mut from: Vec<_> = changes.iter().map(|(old, _)| *old).collect();
        from.dedup();
        let notice = Notice::AgentRegionMoved { agent: agent.name.clone(), from, to, on: to.since().unwrap_or(today) };
        let payload = super::jobseeker::encode(&notice)?;
        if st.db.move_agent_query(agent.id, &agent.query, &query, &payload, st.clock.now()).await? {
            tracing::info!(agent = agent.id, "job agent moved to the regions in force");
            moved += 1;
        }
    }
    Ok(moved)
}

/// Sweeps every person with agents, after moving any to the regions in force.
#[tracing::instrument(skip_all)]
pub async fn sweep_all(st: &AppState, today: NaiveDate) -> Result<u64, AppError> {
    move_to_regions_in_force(st, today).await?;
    let (mut after, mut total) = (0, 0);
    loop {
        let owners = st.db.agent_owners_after(after, 500).await?;
        let Some(last) = owners.last().copied() else { break };
        for user_id in owners {
            match sweep_user(st, user_id, today).await {
                Ok(n) => total += n,
                Err(e) => jobs::item_failed(st, jobs::JOB_AGENTS, &format!("user {user_id}"), &e).await,
            }
        }
        after = last;
    }
    Ok(total)
}

/// Queues the daily e-mail of everyone who asked for it and has news, in the mail
/// outbox (`services::mail` sends it). Returns how many were queued. Safe on many
/// nodes at once: a person's digest of a day is queued once.
#[tracing::instrument(skip_all)]
pub async fn queue_digests(st: &AppState, now: DateTime<Utc>) -> Result<usize, AppError> {
    if !st.mailer.enabled() {
        return Ok(0);
    }
    let today = crate::domain::time::danish_date(now);
    let (mut after, mut queued) = (0, 0);
    loop {
        let owners = st.db.agent_owners_after(after, 500).await?;
        let Some(last) = owners.last().copied() else { break };
        for user_id in owners {
            match queue_digest(st, user_id, today, now).await {
                Ok(true) => queued += 1,
                Ok(false) => {}
                Err(e) => jobs::item_failed(st, jobs::JOB_AGENTS, &format!("digest of user {user_id}"), &e).await,
            }
        }
        after = last;
    }
    Ok(queued)
}

/// Queues one person's digest if it is due and they have news; `true` if queued.
async fn queue_digest(st: &AppState, user_id: i64, today: NaiveDate, now: DateTime<Utc>) -> Result<bool, AppError> {
    let agents = st.db.agents_of(user_id).await?;
    let last_sent = agents.iter().filter(|a| a.email_digest).map(|a| a.digest_sent_on).max();
    let Some(last_sent) = last_sent else { return Ok(false) };
    if !agents::digest_due(last_sent, now) {
        return Ok(false);
    }
    let unsent = st.db.unsent_matches(user_id).await?;
    if unsent.is_empty() {
        return Ok(false);
    }
    let found: Vec<agents::DigestMatch> = unsent
        .iter()
        .map(|m| agents::DigestMatch { agent_id: m.agent_id, agent: &m.agent_name, id: m.vacancy_id, title: &m.title })
        .collect();
    let Some((email, subject, body)) =
        digest_for(st, user_id, agents::DigestKind::Jobs, &found, crate::path::VACANCY, crate::path::AGENTS).await?
    else {
        return Ok(false);
    };
    let key = crate::domain::mail::digest_key(user_id, today);
    let mail = crate::ssr::db::NewMail { key: &key, recipient: &email, subject: &subject, body: &body };
    let matches: Vec<(i64, i64)> = unsent.iter().map(|m| (m.agent_id, m.vacancy_id)).collect();
    st.db.queue_digest(user_id, &mail, &matches, today, st.clock.now()).await
}

/// The daily e-mail to one person about what their agents found (job agents and
/// candidate agents alike): their address, the subject and the text, in their
/// language, each find linked at `item_path` and the agents at `agents_path`.
/// `None` when the account is gone.
pub(super) async fn digest_for(
    st: &AppState,
    user_id: i64,
    kind: agents::DigestKind,
    found: &[agents::DigestMatch<'_>],
    item_path: &str,
    agents_path: &str,
) -> Result<Option<(String, String, String)>, AppError> {
    let Some(user) = st.db.user_by_id(user_id).await? else { return Ok(None) };
    let site = &st.mailer.public_url;
    let (subject, body) = agents::digest_mail(
        user.lang(),
        kind,
        &user.name,
        found,
        |id| format!("{site}{}", crate::pages::link(item_path, &[&id])),
        &format!("{site}{agents_path}"),
    );
    Ok(Some((user.email, subject, body)))
}
