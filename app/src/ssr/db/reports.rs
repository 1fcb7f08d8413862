//! Reports of bad vacancies. SQL only; the rules are in `domain::report`.

use super::{on_pool, Db};
use crate::error::AppError;
use chrono::{DateTime, Utc};

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct ReportRow {
    pub vacancy_id: i64,
    pub title: String,
    pub employer_name: String,
    pub reason: String,
    pub details: String,
    pub created_at: DateTime<Utc>,
}

/// What became of a report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reported {
    Stored,
    /// This person reported this vacancy before.
    Already,
    /// No open vacancy with that id.
    NoVacancy,
}

impl Db {
    /// Stores a person's report of an open vacancy, once per person and vacancy.
    pub async fn insert_report(
        &self,
        vacancy_id: i64,
        reporter_id: i64,
        (reason, details): (&str, &str),
        now: DateTime<Utc>,
    ) -> Result<Reported, AppError> {
        let insert = "INSERT INTO vacancy_reports (vacancy_id, reporter_id, reason, details, created_at) \
                      SELECT $1, $2, $3, $4, $5 WHERE EXISTS (SELECT 1 FROM vacancies WHERE id = $1 AND status = 'open') \
                      ON CONFLICT (vacancy_id, reporter_id) DO NOTHING";
        let before = "SELECT COUNT(*) FROM vacancy_reports WHERE vacancy_id = $1 AND reporter_id = $2";
        let n = on_pool!(self, pool => sqlx::query(insert).bind(vacancy_id).bind(reporter_id).bind(reason).bind(details).bind(now)
            .execute(pool).await.map(|r| r.rows_affected()))?;
        if n == 1 {
            return Ok(Reported::Stored);
        }
        let had = on_pool!(self, pool => sqlx::query_scalar::<_, i64>(before).bind(vacancy_id).bind(reporter_id).fetch_one(pool).await)?;
        Ok(if had > 0 { Reported::Already } else { Reported::NoVacancy })
    }

    /// Open reports with their vacancy, by vacancy, oldest first.
    pub async fn open_reports(&self, limit: i64) -> Result<Vec<ReportRow>, AppError> {
        let sql = "SELECT r.vacancy_id, v.title, v.employer_name, r.reason, r.details, r.created_at \
                   FROM vacancy_reports r JOIN vacancies v ON v.id = r.vacancy_id \
                   WHERE r.status = 'open' ORDER BY r.vacancy_id, r.id LIMIT $1";
        Ok(on_pool!(self, pool => sqlx::query_as(sql).bind(limit).fetch_all(pool).await)?)
    }

    /// Closes the open reports of a vacancy as `status` ('hidden' or 'dismissed');
    /// returns how many there were.
    pub async fn handle_reports(&self, vacancy_id: i64, status: &str, by: i64, now: DateTime<Utc>) -> Result<u64, AppError> {
        let sql = "UPDATE vacancy_reports SET status = $2, handled_by = $3, handled_at = $4 WHERE vacancy_id = $1 AND status = 'open'";
        Ok(
            on_pool!(self, pool => sqlx::query(sql).bind(vacancy_id).bind(status).bind(by).bind(now).execute(pool).await.map(|r| r.rows_affected()))?,
        )
    }
}
