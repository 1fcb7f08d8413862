//! The escalation scan: every few minutes, the rules look at every citizen on
//! self-service and raise what is due. Safe with many server nodes: one node at a
//! time holds the lease; raising is idempotent (one open escalation per citizen
//! and reason, guarded by a unique index).

use super::escalated_notice;
use crate::domain::escalation::{self, Facts, Past, Reason, Status, Track};
use crate::domain::joblog::{Kind, Status as EntryStatus};
use crate::domain::jobseeker::CheckEventKind;
use crate::domain::rules::Rules;
use crate::error::AppError;
use crate::ssr::db::ScanRow;
use crate::ssr::services::jobs;
use crate::ssr::AppState;
use chrono::{DateTime, NaiveDate, Utc};

pub const LEASE: &str = "escalation-scan";
/// The scan runs every 5 minutes; the lease lasts a little less, so the node that
/// has it keeps it while it lives, and another takes over when it does not.
pub const LEASE_MS: i64 = 4 * 60 * 1000;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Ran {
        citizens: usize,
        raised: usize,
    },
    /// Another node holds the lease.
    Busy,
}

/// Scans if this node (`holder`) gets the lease.
#[tracing::instrument(skip_all)]
pub async fn run(st: &AppState, holder: &str, today: NaiveDate, now: DateTime<Utc>) -> Result<Outcome, AppError> {
    let now_ms = now.timestamp_millis();
    if !st.db.try_lease(LEASE, holder, now_ms, now_ms + LEASE_MS).await? {
        return Ok(Outcome::Busy);
    }
    let own = super::rules::all_effective(st).await?;
    let (mut citizens, mut raised, mut after) = (0, 0, 0);
    loop {
        let page = st.db.self_service_citizens(after, 200).await?;
        let Some(last) = page.last() else { break };
        after = last.user_id;
        for row in &page {
            citizens += 1;
            // The municipality's own escalation rules, if it has any.
            let municipality = row.municipality_code.and_then(|m| u16::try_from(m).ok());
            let rules =
                Rules { escalation: municipality.and_then(|m| own.get(&m).copied()).unwrap_or(st.rules.escalation), ..(*st.rules).clone() };
            match scan_one(st, row, &rules, today, now).await {
                Ok(n) => raised += n,
                Err(e) => jobs::item_failed(st, jobs::ESCALATION_SCAN, &format!("user {}", row.user_id), &e).await,
            }
        }
    }
    if raised > 0 {
        tracing::info!(citizens, raised, "escalation scan raised escalations");
    }
    Ok(Outcome::Ran { citizens, raised })
}

async fn scan_one(st: &AppState, row: &ScanRow, rules: &Rules, today: NaiveDate, now: DateTime<Utc>) -> Result<usize, AppError> {
    let facts = facts(st, row, today).await?;
    let mut raised = 0;
    for (reason, detail) in escalation::due(&facts, rules) {
        let due_on = escalation::due_on(today, &rules.escalation);
        let notice = escalated_notice(reason)?;
        if st.db.raise_escalation(row.user_id, row.municipality_code, (reason.code(), &detail), due_on, &notice, now).await?.is_some() {
            tracing::info!(user = row.user_id, reason = reason.code(), "escalated to a caseworker");
            raised += 1;
        }
    }
    Ok(raised)
}

async fn facts(st: &AppState, row: &ScanRow, today: NaiveDate) -> Result<Facts, AppError> {
    let entries = st
        .db
        .joblog_facts(row.user_id)
        .await?
        .into_iter()
        .filter_map(|(d, k, s)| Some((d, Kind::parse(&k)?, EntryStatus::parse(&s)?)))
        .collect();
    let missed_checks =
        st.db.check_events(row.user_id).await?.into_iter().filter(|(_, k)| *k == CheckEventKind::Missed).map(|(d, _)| d).collect();
    let (_, availability) = crate::ssr::services::jobseeker::availability_status(st, row.user_id, today).await?;
    let history = st
        .db
        .escalations_for(row.user_id)
        .await?
        .into_iter()
        .filter_map(|e| {
            Some(Past {
                reason: Reason::parse(&e.reason)?,
                status: Status::parse(&e.status)?,
                closed_on: e.closed_at.map(crate::domain::time::danish_date),
            })
        })
        .collect();
    Ok(Facts {
        today,
        registered_on: row.registered_on,
        track: Track::SelfService,
        cv_complete: row.cv_complete,
        entries,
        missed_checks,
        sick: availability.sick_since.is_some(),
        screening_says_so: super::screening_of(st, row.user_id).await?.is_some_and(|s| s.to_caseworker()),
        history,
    })
}
