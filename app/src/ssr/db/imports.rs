//! Import sources, their runs and what each skipped. SQL only; storing an item
//! is with the vacancies (`Db::import_item`), in the same transaction as its
//! outbox row.

use super::{on_pool, Db};
use crate::error::AppError;
use chrono::{DateTime, Utc};

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct SourceRow {
    pub id: i64,
    pub name: String,
    pub url: String,
    pub format: String,
    pub company_id: Option<i64>,
    pub every_minutes: i32,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    pub cursor: Option<String>,
    pub next_run_at: DateTime<Utc>,
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct RunRow {
    pub id: i64,
    pub source_id: i64,
    pub started_at: DateTime<Utc>,
    pub finished_at: Option<DateTime<Utc>>,
    pub outcome: String,
    pub added: i32,
    pub updated: i32,
    pub unchanged: i32,
    pub closed: i32,
    pub skipped: i32,
    pub error: Option<String>,
}

/// What a run did, counted as it goes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RunTally {
    pub added: i32,
    pub updated: i32,
    pub unchanged: i32,
    pub closed: i32,
    /// (the item, why).
    pub skipped: Vec<(String, String)>,
}

const SOURCE_COLUMNS: &str = "id, name, url, format, company_id, every_minutes, etag, last_modified, cursor, next_run_at";

impl Db {
    pub async fn insert_source(
        &self,
        name: &str,
        url: &str,
        format: &str,
        company_id: Option<i64>,
        every_minutes: i32,
        now: DateTime<Utc>,
    ) -> Result<i64, AppError> {
        let sql = "INSERT INTO import_sources (name, url, format, company_id, every_minutes, next_run_at, created_at) \
                   VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id";
        Ok(on_pool!(self, pool => sqlx::query_scalar(sql)
            .bind(name).bind(url).bind(format).bind(company_id).bind(every_minutes).bind(now).fetch_one(pool).await)?)
    }

    pub async fn sources(&self) -> Result<Vec<SourceRow>, AppError> {
        let sql = format!("SELECT {SOURCE_COLUMNS} FROM import_sources ORDER BY name, id");
        Ok(on_pool!(self, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).fetch_all(pool).await)?)
    }

    pub async fn source(&self, id: i64) -> Result<Option<SourceRow>, AppError> {
        let sql = format!("SELECT {SOURCE_COLUMNS} FROM import_sources WHERE id = $1");
        Ok(on_pool!(self, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(id).fetch_optional(pool).await)?)
    }

    /// A source by its id or its name (the command line takes either).
    pub async fn source_named(&self, name: &str) -> Result<Option<SourceRow>, AppError> {
        let id = name.trim().parse::<i64>().unwrap_or(-1);
        let sql = format!("SELECT {SOURCE_COLUMNS} FROM import_sources WHERE id = $1 OR name = $2 ORDER BY id LIMIT 1");
        Ok(on_pool!(self, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(id).bind(name.trim()).fetch_optional(pool).await)?)
    }

    /// Sources due to run at `now`.
    pub async fn due_sources(&self, now: DateTime<Utc>) -> Result<Vec<SourceRow>, AppError> {
        let sql = format!("SELECT {SOURCE_COLUMNS} FROM import_sources WHERE next_run_at <= $1 ORDER BY next_run_at LIMIT 100");
        Ok(on_pool!(self, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(now).fetch_all(pool).await)?)
    }

    /// Takes the source for `holder` until `until`, if no one holds it now: one
    /// node imports a source at a time. Returns the run's id when taken.
    pub async fn start_run(&self, source: i64, holder: &str, now: DateTime<Utc>, until: DateTime<Utc>) -> Result<Option<i64>, AppError> {
        let take = "UPDATE import_sources SET lease_holder = $2, lease_until = $4 \
                    WHERE id = $1 AND (lease_until IS NULL OR lease_until < $3)";
        let run = "INSERT INTO import_runs (source_id, started_at) VALUES ($1, $2) RETURNING id";
        let id = on_pool!(self, pool => async {
            let mut tx = pool.begin().await?;
            if sqlx::query(take).bind(source).bind(holder).bind(now).bind(until).execute(&mut *tx).await?.rows_affected() != 1 {
                return Ok::<_, sqlx::Error>(None);
            }
            let id: i64 = sqlx::query_scalar(run).bind(source).bind(now).fetch_one(&mut *tx).await?;
            tx.commit().await?;
            Ok(Some(id))
        }.await)?;
        Ok(id)
    }

    /// Ends a run: its report, the source's next time and what the next fetch
    /// sends for a conditional request, and the lease let go.
    #[allow(clippy::too_many_arguments)]
    pub async fn finish_run(
        &self,
        source: i64,
        run: i64,
        outcome: &str,
        tally: &RunTally,
        error: Option<&str>,
        validators: (Option<&str>, Option<&str>, Option<&str>),
        next: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        let report = "UPDATE import_runs SET finished_at = $2, outcome = $3, added = $4, updated = $5, unchanged = $6, closed = $7, \
                      skipped = $8, error = $9 WHERE id = $1";
        let skip = "INSERT INTO import_skips (run_id, item, reason) VALUES ($1, $2, $3)";
        let release = "UPDATE import_sources SET lease_holder = NULL, lease_until = NULL, next_run_at = $2, \
                       etag = COALESCE($3, etag), last_modified = COALESCE($4, last_modified), cursor = COALESCE($5, cursor) WHERE id = $1";
        let skipped = i32::try_from(tally.skipped.len()).unwrap_or(i32::MAX);
        on_pool!(self, pool => async {
            let mut tx = pool.begin().await?;
            sqlx::query(report).bind(run).bind(now).bind(outcome).bind(tally.added).bind(tally.updated).bind(tally.unchanged)
                .bind(tally.closed).bind(skipped).bind(error).execute(&mut *tx).await?;
            // The report keeps the first reasons; the count says how many there were.
            for (item, reason) in tally.skipped.iter().take(1_000) {
                sqlx::query(skip).bind(run).bind(item).bind(reason).execute(&mut *tx).await?;
            }
            sqlx::query(release).bind(source).bind(next).bind(validators.0).bind(validators.1).bind(validators.2).execute(&mut *tx).await?;
            tx.commit().await?;
            Ok::<_, sqlx::Error>(())
        }.await)?;
        Ok(())
    }

    /// A source's runs, newest first.
    pub async fn runs(&self, source: i64, limit: i64) -> Result<Vec<RunRow>, AppError> {
        let sql = "SELECT id, source_id, started_at, finished_at, outcome, added, updated, unchanged, closed, skipped, error \
                   FROM import_runs WHERE source_id = $1 ORDER BY id DESC LIMIT $2";
        Ok(on_pool!(self, pool => sqlx::query_as(sql).bind(source).bind(limit).fetch_all(pool).await)?)
    }

    /// What a run skipped, and why.
    pub async fn run_skips(&self, run: i64) -> Result<Vec<(String, String)>, AppError> {
        let sql = "SELECT item, reason FROM import_skips WHERE run_id = $1 LIMIT 1000";
        Ok(on_pool!(self, pool => sqlx::query_as(sql).bind(run).fetch_all(pool).await)?)
    }
}
