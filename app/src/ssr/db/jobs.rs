//! Background work across nodes: leases (one node at a time runs a job) and the
//! record of items a job could not handle. SQL only.

use super::{on_pool, Db};
use crate::error::AppError;
use chrono::{DateTime, Utc};

impl Db {
    /// Takes the lease `name` for `holder` until `until_ms` (Unix milliseconds) if
    /// it is free, expired, or already theirs. `true` when taken.
    pub async fn try_lease(&self, name: &str, holder: &str, now_ms: i64, until_ms: i64) -> Result<bool, AppError> {
        let sql = "INSERT INTO leases (name, holder, expires_at) VALUES ($1, $2, $3) \
                   ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at \
                   WHERE leases.expires_at <= $4 OR leases.holder = excluded.holder";
        let n = on_pool!(self, pool => sqlx::query(sql).bind(name).bind(holder).bind(until_ms).bind(now_ms)
            .execute(pool).await.map(|r| r.rows_affected()))?;
        Ok(n == 1)
    }

    /// Gives the lease up early, if `holder` has it.
    pub async fn release_lease(&self, name: &str, holder: &str) -> Result<(), AppError> {
        let sql = "UPDATE leases SET expires_at = 0 WHERE name = $1 AND holder = $2";
        on_pool!(self, pool => sqlx::query(sql).bind(name).bind(holder).execute(pool).await.map(|_| ()))?;
        Ok(())
    }

    /// Records one item a job could not handle.
    pub async fn record_job_failure(&self, job: &str, item: &str, error: &str, node: &str, now: DateTime<Utc>) -> Result<(), AppError> {
        let sql = "INSERT INTO job_failures (job, item, error, node, at) VALUES ($1, $2, $3, $4, $5)";
        on_pool!(self, pool => sqlx::query(sql).bind(job).bind(item).bind(error).bind(node).bind(now)
            .execute(pool).await.map(|_| ()))?;
        Ok(())
    }

    /// Failed items per job since `since`, on every node (for `/metrics`).
    pub async fn job_failures_since(&self, since: DateTime<Utc>) -> Result<Vec<(String, i64)>, AppError> {
        let sql = "SELECT job, COUNT(*) FROM job_failures WHERE at >= $1 GROUP BY job ORDER BY job";
        Ok(on_pool!(self, pool => sqlx::query_as::<_, (String, i64)>(sql).bind(since).fetch_all(pool).await)?)
    }

    /// The latest failed items, newest first: (job, item, error, node, at).
    pub async fn latest_job_failures(&self, limit: i64) -> Result<Vec<(String, String, String, String, DateTime<Utc>)>, AppError> {
        let sql = "SELECT job, item, error, node, at FROM job_failures ORDER BY id DESC LIMIT $1";
        Ok(on_pool!(self, pool => sqlx::query_as(sql).bind(limit).fetch_all(pool).await)?)
    }

    pub async fn prune_job_failures(&self, before: DateTime<Utc>) -> Result<u64, AppError> {
        let sql = "DELETE FROM job_failures WHERE at < $1";
        Ok(on_pool!(self, pool => sqlx::query(sql).bind(before).execute(pool).await.map(|r| r.rows_affected()))?)
    }
}
