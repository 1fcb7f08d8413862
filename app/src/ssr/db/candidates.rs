//! Candidates: the CVs employers may find, the citizen's say over that (hidden,
//! blocked companies), and companies' contact threads with candidates. SQL only.
//!
//! "Findable" is decided here, in every query that hands a CV to an employer:
//! searchable by the CV rules (complete, not sick), not hidden by the citizen, an
//! active account, and not blocked for the company asking.

use super::outbox::{self, with_outbox};
use super::{fetch_for_ids, on_pool, Db};
use crate::error::AppError;
use chrono::{DateTime, Utc};

/// A CV as employers may see it, with its owner's home area and the companies they
/// blocked.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct CvRow {
    pub user_id: i64,
    pub name: String,
    pub cv: String,
    pub municipality_code: Option<i32>,
    pub postcode: Option<String>,
    pub cv_updated_at: Option<DateTime<Utc>>,
    #[sqlx(skip)]
    pub blocked: Vec<i64>,
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct ContactRow {
    pub id: i64,
    pub company_id: i64,
    pub company_name: String,
    pub user_id: i64,
    pub candidate_name: String,
    pub vacancy_id: Option<i64>,
    pub vacancy_title: Option<String>,
    pub status: String,
    pub updated_at: DateTime<Utc>,
    /// Messages the reader has not opened (from the other side).
    pub unread: i64,
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct ContactMessageRow {
    pub from_company: bool,
    pub author_name: String,
    pub body: String,
    pub created_at: DateTime<Utc>,
}

/// Whose contact threads a query may touch: the citizen's own, or the company's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Citizen(i64),
    Company(i64),
}

impl Side {
    /// The condition on `c` (candidate_contacts) and the id to bind for it.
    fn condition(self) -> (&'static str, i64) {
        match self {
            Side::Citizen(id) => ("c.user_id = $1", id),
            Side::Company(id) => ("c.company_id = $1", id),
        }
    }

    fn is_company(self) -> bool {
        matches!(self, Side::Company(_))
    }
}

const CV_COLUMNS: &str = "j.user_id, u.name, j.cv, u.municipality_code, u.postcode, j.cv_updated_at";
pub(super) const FINDABLE: &str = "j.cv_searchable AND NOT j.cv_hidden AND u.deactivated_at IS NULL";
const NOT_BLOCKED: &str = "NOT EXISTS (SELECT 1 FROM cv_blocks b WHERE b.user_id = j.user_id AND b.company_id = $2)";

const CONTACT_COLUMNS: &str = "c.id, c.company_id, co.name AS company_name, c.user_id, u.name AS candidate_name, c.vacancy_id, \
     v.title AS vacancy_title, c.status, c.updated_at";
const CONTACT_FROM: &str = "candidate_contacts c JOIN companies co ON co.id = c.company_id JOIN users u ON u.id = c.user_id \
     LEFT JOIN vacancies v ON v.id = c.vacancy_id";

impl Db {
    /// Of `ids`, the CVs employers may find now, with their blocked companies.
    pub async fn findable_cvs(&self, ids: &[i64]) -> Result<Vec<CvRow>, AppError> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let sql =
            format!("SELECT {CV_COLUMNS} FROM jobseekers j JOIN users u ON u.id = j.user_id WHERE {FINDABLE} AND j.user_id IN ({{ids}})");
        let rows = fetch_for_ids!(self, sql, ids)?;
        self.with_blocks(rows).await
    }

    /// The findable CVs of owners with an id above `after`, lowest first.
    pub async fn findable_cvs_after(&self, after: i64, limit: i64) -> Result<Vec<CvRow>, AppError> {
        let sql = format!(
            "SELECT {CV_COLUMNS} FROM jobseekers j JOIN users u ON u.id = j.user_id WHERE {FINDABLE} AND j.user_id > $1 \
             ORDER BY j.user_id LIMIT $2"
        );
        let rows = on_pool!(self, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(after).bind(limit).fetch_all(pool).await)?;
        self.with_blocks(rows).await
    }

    pub async fn count_findable_cvs(&self) -> Result<i64, AppError> {
        let sql = format!("SELECT COUNT(*) FROM jobseekers j JOIN users u ON u.id = j.user_id WHERE {FINDABLE}");
        Ok(on_pool!(self, pool => sqlx::query_scalar::<_, i64>(sqlx::AssertSqlSafe(sql.clone())).fetch_one(pool).await)?)
    }

    async fn with_blocks(&self, mut rows: Vec<CvRow>) -> Result<Vec<CvRow>, AppError> {
        let (Some(low), Some(high)) = (rows.iter().map(|r| r.user_id).min(), rows.iter().map(|r| r.user_id).max()) else {
            return Ok(rows);
        };
        let sql = "SELECT user_id, company_id FROM cv_blocks WHERE user_id BETWEEN $1 AND $2";
        let blocks: Vec<(i64, i64)> = on_pool!(self, pool => sqlx::query_as(sql).bind(low).bind(high).fetch_all(pool).await)?;
        for row in &mut rows {
            row.blocked = blocks.iter().filter(|(u, _)| *u == row.user_id).map(|(_, c)| *c).collect();
        }
        Ok(rows)
    }

    /// The CV of `user_id` if `company_id` may see it now (findable, not blocked).
    pub async fn findable_cv_for(&self, user_id: i64, company_id: i64) -> Result<Option<CvRow>, AppError> {
        let sql = format!(
            "SELECT {CV_COLUMNS} FROM jobseekers j JOIN users u ON u.id = j.user_id WHERE j.user_id = $1 AND {FINDABLE} AND {NOT_BLOCKED}"
        );
        Ok(
            on_pool!(self, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(user_id).bind(company_id).fetch_optional(pool).await)?,
        )
    }

    /// Whether the citizen chose not to be found.
    pub async fn cv_hidden(&self, user_id: i64) -> Result<bool, AppError> {
        let sql = "SELECT cv_hidden FROM jobseekers WHERE user_id = $1";
        Ok(on_pool!(self, pool => sqlx::query_scalar::<_, bool>(sql).bind(user_id).fetch_optional(pool).await)?.unwrap_or(false))
    }

    pub async fn set_cv_hidden(&self, user_id: i64, hidden: bool, now: DateTime<Utc>) -> Result<(), AppError> {
        let sql = "UPDATE jobseekers SET cv_hidden = $2 WHERE user_id = $1";
        with_outbox!(self, sqlx::query(sql).bind(user_id).bind(hidden), outbox::CV, user_id, now)?;
        Ok(())
    }

    /// Blocks a company from finding the citizen; false when it already was.
    pub async fn block_company(&self, user_id: i64, company_id: i64, now: DateTime<Utc>) -> Result<bool, AppError> {
        let sql = "INSERT INTO cv_blocks (user_id, company_id, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING";
        Ok(with_outbox!(self, sqlx::query(sql).bind(user_id).bind(company_id).bind(now), outbox::CV, user_id, now)?)
    }

    pub async fn unblock_company(&self, user_id: i64, company_id: i64, now: DateTime<Utc>) -> Result<bool, AppError> {
        let sql = "DELETE FROM cv_blocks WHERE user_id = $1 AND company_id = $2";
        Ok(with_outbox!(self, sqlx::query(sql).bind(user_id).bind(company_id), outbox::CV, user_id, now)?)
    }

    /// The companies the citizen blocked, in Danish order of name.
    pub async fn blocked_companies(&self, user_id: i64) -> Result<Vec<super::CompanyRow>, AppError> {
        let sql = "SELECT co.id, co.cvr, co.name FROM cv_blocks b JOIN companies co ON co.id = b.company_id WHERE b.user_id = $1 \
                   ORDER BY co.id";
        let mut rows: Vec<super::CompanyRow> = on_pool!(self, pool => sqlx::query_as(sql).bind(user_id).fetch_all(pool).await)?;
        crate::ssr::collate::sort_by(&mut rows, |r| &r.name);
        Ok(rows)
    }

    // Contact

    /// Starts a thread from a company to a candidate it may see now, with its first
    /// message; `None` when the candidate is not (or no longer) findable for it.
    #[allow(clippy::too_many_arguments)]
    pub async fn start_contact(
        &self,
        company_id: i64,
        user_id: i64,
        vacancy_id: Option<i64>,
        author: &str,
        body: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<i64>, AppError> {
        let insert = format!(
            "INSERT INTO candidate_contacts (company_id, user_id, vacancy_id, created_at, updated_at) \
             SELECT $2, j.user_id, $3, $4, $4 FROM jobseekers j JOIN users u ON u.id = j.user_id \
             WHERE j.user_id = $1 AND {FINDABLE} AND {NOT_BLOCKED} RETURNING id"
        );
        let message =
            "INSERT INTO candidate_messages (contact_id, from_company, author_name, body, created_at) VALUES ($1, TRUE, $2, $3, $4)";
        let id = on_pool!(self, pool => async {
            let mut tx = pool.begin().await?;
            let id: Option<i64> = sqlx::query_scalar(sqlx::AssertSqlSafe(insert.clone()))
                .bind(user_id).bind(company_id).bind(vacancy_id).bind(now).fetch_optional(&mut *tx).await?;
            if let Some(id) = id {
                sqlx::query(message).bind(id).bind(author).bind(body).bind(now).execute(&mut *tx).await?;
            }
            tx.commit().await?;
            Ok::<_, sqlx::Error>(id)
        }.await)?;
        Ok(id)
    }

    /// The threads of one side, newest first, with how many messages from the
    /// other side are unread.
    /// With `candidate`, only the threads with that candidate.
    pub async fn contacts(&self, side: Side, candidate: Option<i64>, limit: i64) -> Result<Vec<ContactRow>, AppError> {
        let (condition, id) = side.condition();
        // -1 is no user's id: without a candidate, every thread of the side.
        let with = if candidate.is_some() { "c.user_id = $3" } else { "$3 = -1" };
        let unread = format!(
            "(SELECT COUNT(*) FROM candidate_messages m WHERE m.contact_id = c.id AND m.read_at IS NULL AND m.from_company = {})",
            if side.is_company() { "FALSE" } else { "TRUE" }
        );
        let sql = format!(
            "SELECT {CONTACT_COLUMNS}, {unread} AS unread FROM {CONTACT_FROM} WHERE {condition} AND {with} ORDER BY c.updated_at DESC, c.id DESC LIMIT $2"
        );
        let candidate = candidate.unwrap_or(-1);
        Ok(
            on_pool!(self, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(id).bind(limit).bind(candidate).fetch_all(pool).await)?,
        )
    }

    /// One thread of this side, with its messages (oldest first), marking those
    /// from the other side read; `None` when it is not this side's.
    pub async fn contact(
        &self,
        side: Side,
        contact_id: i64,
        now: DateTime<Utc>,
    ) -> Result<Option<(ContactRow, Vec<ContactMessageRow>)>, AppError> {
        let (condition, id) = side.condition();
        let sql = format!("SELECT {CONTACT_COLUMNS}, CAST(0 AS BIGINT) AS unread FROM {CONTACT_FROM} WHERE {condition} AND c.id = $2");
        let messages = "SELECT from_company, author_name, body, created_at FROM candidate_messages WHERE contact_id = $1 ORDER BY id";
        let mark = "UPDATE candidate_messages SET read_at = $3 WHERE contact_id = $1 AND from_company = $2 AND read_at IS NULL";
        let found = on_pool!(self, pool => async {
            let Some(row) = sqlx::query_as::<_, ContactRow>(sqlx::AssertSqlSafe(sql.clone())).bind(id).bind(contact_id).fetch_optional(pool).await? else {
                return Ok::<_, sqlx::Error>(None);
            };
            let list = sqlx::query_as(messages).bind(contact_id).fetch_all(pool).await?;
            sqlx::query(mark).bind(contact_id).bind(!side.is_company()).bind(now).execute(pool).await?;
            Ok(Some((row, list)))
        }.await)?;
        Ok(found)
    }

    /// Adds a message to an open thread of this side; false when the thread is
    /// not theirs or was declined.
    pub async fn add_contact_message(
        &self,
        side: Side,
        contact_id: i64,
        author: &str,
        body: &str,
        now: DateTime<Utc>,
    ) -> Result<bool, AppError> {
        let (condition, id) = side.condition();
        let touch = format!("UPDATE candidate_contacts AS c SET updated_at = $3 WHERE {condition} AND c.id = $2 AND c.status = 'open'");
        let insert = "INSERT INTO candidate_messages (contact_id, from_company, author_name, body, created_at) VALUES ($1, $2, $3, $4, $5)";
        let added = on_pool!(self, pool => async {
            let mut tx = pool.begin().await?;
            let n = sqlx::query(sqlx::AssertSqlSafe(touch.clone())).bind(id).bind(contact_id).bind(now).execute(&mut *tx).await?.rows_affected();
            if n == 1 {
                sqlx::query(insert).bind(contact_id).bind(side.is_company()).bind(author).bind(body).bind(now).execute(&mut *tx).await?;
            }
            tx.commit().await?;
            Ok::<_, sqlx::Error>(n == 1)
        }.await)?;
        Ok(added)
    }

    /// The citizen declines a thread: the company can write no more in it.
    pub async fn decline_contact(&self, user_id: i64, contact_id: i64, now: DateTime<Utc>) -> Result<bool, AppError> {
        let sql = "UPDATE candidate_contacts SET status = 'declined', updated_at = $3 WHERE user_id = $1 AND id = $2 AND status = 'open'";
        let n = on_pool!(self, pool => sqlx::query(sql).bind(user_id).bind(contact_id).bind(now).execute(pool).await.map(|r| r.rows_affected()))?;
        Ok(n == 1)
    }
}
