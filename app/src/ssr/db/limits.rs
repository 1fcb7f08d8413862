//! Counted events for rate limits and quotas, and the security log: SQL only.

use super::{on_pool, Db};
use crate::error::AppError;
use chrono::{DateTime, Utc};

/// A security event as an administrator reads it.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct SecurityRow {
    pub id: i64,
    pub at: DateTime<Utc>,
    pub kind: String,
    pub user_id: Option<i64>,
    pub user_email: Option<String>,
    pub ip: String,
    pub method: String,
    pub path: String,
    pub detail: String,
}

/// A security event to store.
#[derive(Clone, Debug)]
pub struct NewSecurityEvent<'a> {
    pub kind: &'a str,
    pub user_id: Option<i64>,
    pub ip: &'a str,
    pub method: &'a str,
    pub path: &'a str,
    pub detail: &'a str,
}

impl Db {
    /// Counts one event of `kind` for `key` if fewer than `limit` were counted since
    /// `since`: its id, or `None` when the limit is reached (nothing is counted).
    /// Checked and written in one transaction under a lock on the key (PostgreSQL:
    /// an advisory lock; SQLite: its one write lock, taken by the first
    /// statement), so parallel requests are counted one after the other and exactly
    /// `limit` get through.
    pub async fn take_event(
        &self,
        kind: &str,
        key: &str,
        since: DateTime<Utc>,
        limit: u32,
        now: DateTime<Utc>,
    ) -> Result<Option<i64>, AppError> {
        let first = match self {
            Db::Sqlite(_) => "DELETE FROM rate_events WHERE kind = $1 AND key = $2 AND at < $3",
            Db::Postgres(_) => "SELECT pg_advisory_xact_lock(hashtextextended($1 || ' ' || $2, 0)) WHERE $3::timestamptz IS NOT NULL",
        };
        let count = "SELECT COUNT(*) FROM rate_events WHERE kind = $1 AND key = $2 AND at >= $3";
        let insert = "INSERT INTO rate_events (kind, key, at) VALUES ($1, $2, $3) RETURNING id";
        let taken = on_pool!(self, pool => async {
            let mut tx = pool.begin().await?;
            sqlx::query(first).bind(kind).bind(key).bind(since).execute(&mut *tx).await?;
            let n = sqlx::query_scalar::<_, i64>(count).bind(kind).bind(key).bind(since).fetch_one(&mut *tx).await?;
            if n >= i64::from(limit) {
                return Ok::<_, sqlx::Error>(None);
            }
            let id = sqlx::query_scalar::<_, i64>(insert).bind(kind).bind(key).bind(now).fetch_one(&mut *tx).await?;
            tx.commit().await?;
            Ok(Some(id))
        }.await)?;
        Ok(taken)
    }

    /// Takes back events (a refused request does not count against later ones).
    pub async fn remove_events(&self, ids: &[i64]) -> Result<(), AppError> {
        for id in ids {
            on_pool!(self, pool => sqlx::query("DELETE FROM rate_events WHERE id = $1").bind(id).execute(pool).await.map(|_| ()))?;
        }
        Ok(())
    }

    /// Forgets every event of `kind` for `key` (a sign-in that succeeded).
    pub async fn clear_events(&self, kind: &str, key: &str) -> Result<(), AppError> {
        let sql = "DELETE FROM rate_events WHERE kind = $1 AND key = $2";
        on_pool!(self, pool => sqlx::query(sql).bind(kind).bind(key).execute(pool).await.map(|_| ()))?;
        Ok(())
    }

    /// Removes events older than any window looks back.
    pub async fn prune_events(&self, before: DateTime<Utc>) -> Result<u64, AppError> {
        let sql = "DELETE FROM rate_events WHERE at < $1";
        Ok(on_pool!(self, pool => sqlx::query(sql).bind(before).execute(pool).await.map(|r| r.rows_affected()))?)
    }

    pub async fn insert_security_event(&self, e: &NewSecurityEvent<'_>, now: DateTime<Utc>) -> Result<(), AppError> {
        let sql = "INSERT INTO security_log (at, kind, user_id, ip, method, path, detail) VALUES ($1, $2, $3, $4, $5, $6, $7)";
        on_pool!(self, pool => sqlx::query(sql)
            .bind(now).bind(e.kind).bind(e.user_id).bind(e.ip).bind(e.method).bind(e.path).bind(e.detail)
            .execute(pool).await.map(|_| ()))?;
        Ok(())
    }

    /// The newest security events first, before `before_id` (keyset paging).
    pub async fn security_events(&self, before_id: Option<i64>, limit: i64) -> Result<Vec<SecurityRow>, AppError> {
        let sql = "SELECT s.id, s.at, s.kind, s.user_id, u.email AS user_email, s.ip, s.method, s.path, s.detail \
                   FROM security_log s LEFT JOIN users u ON u.id = s.user_id \
                   WHERE ($1 IS NULL OR s.id < $1) ORDER BY s.id DESC LIMIT $2";
        Ok(on_pool!(self, pool => sqlx::query_as::<_, SecurityRow>(sql).bind(before_id).bind(limit).fetch_all(pool).await)?)
    }
}
