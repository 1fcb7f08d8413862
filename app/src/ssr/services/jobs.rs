//! What every background job shares: one node at a time runs it (a lease per
//! job), and an item it cannot handle is recorded and passed over, so one bad
//! person, feed or e-mail never stops the rest.

use crate::error::AppError;
use crate::ssr::AppState;
use std::time::Duration;

/// How long failed items are kept for the operator.
pub const KEEP_FAILURES: chrono::Duration = chrono::Duration::days(30);

/// Whether this node runs the job `name` now: it takes (or keeps) the job's lease
/// for two of its periods. The node that has it keeps it while it lives; when it
/// dies, another node takes over within two periods. The jobs are written so that
/// two runs at once do no harm (claims, unique keys); the lease keeps the work and
/// the e-mail from being done twice in the normal case.
pub async fn lease(st: &AppState, name: &str, every: Duration) -> Result<bool, AppError> {
    let now_ms = st.clock.now().timestamp_millis();
    let hold = i64::try_from(every.as_millis()).unwrap_or(i64::MAX / 4).saturating_mul(2);
    st.db.try_lease(&format!("job:{name}"), &st.node, now_ms, now_ms.saturating_add(hold)).await
}

/// Records that `job` could not handle `item` (e.g. "user 42"), in the log and in
/// `job_failures`; the job goes on with its next item. A failure to record is only
/// logged: it must not stop the job either.
pub async fn item_failed(st: &AppState, job: &str, item: &str, error: &AppError) {
    tracing::warn!(job, item, error = %error, "background job passed over an item it could not handle");
    // The message is for the operator; keep a runaway one from filling the table.
    let text: String = error.to_string().chars().take(2000).collect();
    if let Err(e) = st.db.record_job_failure(job, item, &text, &st.node, st.clock.now()).await {
        tracing::warn!(job, item, error = %e, "failed item not recorded");
    }
}

/// The jobs' names: in the leases, the failure record, the log and the metrics.
pub const ESCALATION_SCAN: &str = "escalation_scan";
pub const JOB_AGENTS: &str = "job_agents";
pub const CANDIDATE_AGENTS: &str = "candidate_agents";
pub const IMPORTS: &str = "imports";
pub const OPEN_FEED_EXPIRY: &str = "open_feed_expiry";
pub const MAIL: &str = "mail";
pub const CHECKS: &str = "checks";
pub const PRUNE: &str = "prune";
pub const ALL: [&str; 8] = [ESCALATION_SCAN, JOB_AGENTS, CANDIDATE_AGENTS, IMPORTS, OPEN_FEED_EXPIRY, MAIL, CHECKS, PRUNE];
