//! The 7-day check ("tjek jobforslag"): suggestions to look at, confirming, and
//! the sweep that reminds, gives grace, and escalates to a caseworker. Nothing
//! here sanctions anyone.

use super::{availability_status, encode, profile};
use crate::domain::account::User;
use crate::domain::availability;
use crate::domain::calendar::{self, check_deadline, MissOutcome, Sweep};
use crate::domain::cv::Cv;
use crate::domain::jobseeker::{CheckEventKind, CheckView, Notice, Suggestion};
use crate::domain::search::SearchQuery;
use crate::error::AppError;
use crate::ssr::db::MissRecord;
use crate::ssr::services::jobs;
use crate::ssr::{blocking, AppState};
use chrono::NaiveDate;

/// Reason code of the escalation raised by the third miss.
pub const ESCALATION_CHECK_MISSED: &str = "check_missed";

#[tracing::instrument(skip_all)]
pub async fn view(st: &AppState, me: &User, today: NaiveDate) -> Result<CheckView, AppError> {
    sweep_one(st, me.id, today).await?;
    let row = profile(st, me, today).await?;
    let cv = super::cv::parse(&row)?;
    let (_, status) = availability_status(st, me.id, today).await?;
    Ok(CheckView {
        due: row.check_due_on,
        last_confirmed: row.last_check_on,
        suggestions: suggestions(st, &cv, today, 10).await?,
        history: st.db.check_events(me.id).await?,
        today,
        sick: status.sick_since.is_some(),
    })
}

/// The person has looked at their suggestions and confirms they are searching.
#[tracing::instrument(skip_all)]
pub async fn confirm(st: &AppState, me: &User, today: NaiveDate) -> Result<NaiveDate, AppError> {
    profile(st, me, today).await?;
    let (history, _) = availability_status(st, me.id, today).await?;
    let events: Vec<_> = history.iter().map(|(_, e)| *e).collect();
    let next = check_deadline(today, &st.rules.check, &availability::holidays(&events));
    st.db.confirm_check(me.id, today, next, st.clock.now()).await?;
    Ok(next)
}

/// Applies the rules to one person today: a reminder before the deadline, grace
/// or an escalation after a miss.
#[tracing::instrument(skip_all)]
pub async fn sweep_one(st: &AppState, user_id: i64, today: NaiveDate) -> Result<Sweep, AppError> {
    let Some(row) = st.db.jobseeker(user_id).await? else { return Ok(Sweep::Nothing) };
    let (history, status) = availability_status(st, user_id, today).await?;
    let events: Vec<_> = history.iter().map(|(_, e)| *e).collect();
    let holidays = availability::holidays(&events);
    let misses: Vec<NaiveDate> =
        st.db.check_events(user_id).await?.into_iter().filter(|(_, k)| *k == CheckEventKind::Missed).map(|(d, _)| d).collect();
    let rules = &st.rules.check;
    let decision = calendar::sweep(row.check_due_on, today, status.sick_since.is_some(), row.reminded_for, &misses, rules, &holidays);
    let now = st.clock.now();
    match decision {
        Sweep::Nothing => {}
        Sweep::Remind { due } => st.db.record_reminder(user_id, due, &encode(&Notice::CheckReminder { due })?, now).await?,
        Sweep::Missed { missed_on, outcome } => {
            let (new_due, notice, escalation) = match outcome {
                MissOutcome::Reminder { new_deadline } => (new_deadline, Notice::CheckMissed { new_due: new_deadline }, None),
                MissOutcome::Escalate => {
                    let user = st.db.user_by_id(user_id).await?;
                    let detail = format!(
                        "Tjek af jobforslag ikke foretaget til fristen {missed_on}; {} tidligere inden for {} dage.",
                        misses.len(),
                        rules.window_days
                    );
                    let esc = (user.and_then(|u| u.municipality_code), ESCALATION_CHECK_MISSED.to_string(), detail);
                    // The cycle goes on: the person can keep confirming while a caseworker looks.
                    (check_deadline(today, rules, &holidays), Notice::CheckEscalated, Some(esc))
                }
            };
            let record = MissRecord { missed_on, new_due, notice: encode(&notice)?, escalation };
            if st.db.record_miss(user_id, &record, now).await? {
                tracing::info!(user = user_id, %missed_on, escalated = record.escalation.is_some(), "7-day check missed");
            }
        }
    }
    Ok(decision)
}

/// Sweeps everyone whose deadline is near or past. Returns how many were looked at.
#[tracing::instrument(skip_all)]
pub async fn sweep_all(st: &AppState, today: NaiveDate) -> Result<usize, AppError> {
    let by = today + chrono::Duration::days(st.rules.check.remind_days_before);
    let mut after = 0;
    let mut seen = 0;
    loop {
        let batch = st.db.checks_due_by(by, after, 500).await?;
        let Some(last) = batch.last().copied() else { break };
        for user_id in &batch {
            if let Err(e) = sweep_one(st, *user_id, today).await {
                // One person's problem must not stop everyone else's reminders.
                jobs::item_failed(st, jobs::CHECKS, &format!("user {user_id}"), &e).await;
            }
        }
        seen += batch.len();
        after = last;
    }
    Ok(seen)
}

/// Open vacancies for the person: each sought occupation (then skill) searched
/// within their area and travel distance and at the working time they want, each
/// hit with what it matched and how far it is.
#[tracing::instrument(skip_all)]
pub async fn suggestions(st: &AppState, cv: &Cv, today: NaiveDate, limit: usize) -> Result<Vec<Suggestion>, AppError> {
    use crate::domain::cv::WorkTime;
    use crate::domain::search::TimeFilter;
    let wanted: Vec<String> = cv.occupations.iter().map(|o| o.title.clone()).chain(cv.skills.iter().cloned()).take(8).collect();
    let (near, km, time) = match &cv.terms {
        Some(t) => (
            Some(crate::domain::postcode::Place::Municipality(t.municipality)),
            u32::from(t.max_travel_km.max(5)),
            match t.time {
                WorkTime::Full => vec![TimeFilter::Full],
                WorkTime::Part => vec![TimeFilter::Part],
                WorkTime::Either => vec![],
            },
        ),
        None => (None, 0, vec![]),
    };
    let index = st.index.clone();
    blocking(move || {
        let mut out: Vec<Suggestion> = Vec::new();
        for because in wanted {
            let q = SearchQuery { near, km, time: time.clone(), ..SearchQuery::text(&because) };
            for hit in index.search(&q, today)?.hits {
                if out.len() < limit && !out.iter().any(|s| s.hit.id == hit.id) {
                    out.push(Suggestion { hit, because: because.clone() });
                }
            }
        }
        Ok(out)
    })
    .await
}
