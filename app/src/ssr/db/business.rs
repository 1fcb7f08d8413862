//! Virksomhedsservice: business tasks, their threads and suggested candidates.
//! SQL only. Every query names its desk (the company's, or a municipality's
//! jobcentre) in its condition, so nobody reaches another's task by its number.

use super::candidates::FINDABLE;
use super::mail::{NewMail, QUEUE_SQL};
use super::{on_pool, ContactMessageRow, Db};
use crate::error::AppError;
use chrono::{DateTime, NaiveDate, Utc};

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct TaskRow {
    pub id: i64,
    pub company_id: i64,
    pub company_name: String,
    pub vacancy_id: i64,
    pub vacancy_title: String,
    pub municipality_code: i32,
    pub need: String,
    pub due_on: NaiveDate,
    pub status: String,
    pub caseworker_id: Option<i64>,
    pub caseworker_name: Option<String>,
    pub requested_by: i64,
    pub requester_name: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub unread: i64,
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct SuggestionRow {
    pub user_id: i64,
    pub headline: String,
    pub note: String,
    pub by_name: String,
    pub created_at: DateTime<Utc>,
}

/// Whose tasks a query may touch: one company's, or a municipality's jobcentre
/// (`None`: every municipality, for an administrator).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Desk {
    Company(i64),
    Jobcentre(Option<i32>),
}

impl Desk {
    /// The condition on `t` (business_tasks), over `$1` (a company, 0 for none)
    /// and `$2` (a municipality, 0 for all), and those two values.
    fn condition(self) -> (&'static str, i64, i32) {
        match self {
            Desk::Company(id) => ("t.company_id = $1 AND $2 = 0", id, 0),
            Desk::Jobcentre(Some(m)) => ("$1 = 0 AND t.municipality_code = $2", 0, m),
            Desk::Jobcentre(None) => ("$1 = 0 AND $2 = 0", 0, 0),
        }
    }

    pub fn is_company(self) -> bool {
        matches!(self, Desk::Company(_))
    }
}

/// A change to a task; what it needs of the task's state is in `Db::change_task`.
#[derive(Clone, Copy, Debug)]
pub enum TaskWrite<'a> {
    Take { caseworker: i64 },
    Message { author: &'a str, body: &'a str },
    Suggest { candidate: i64, headline: &'a str, note: &'a str, by: i64, most: i64 },
    Close { author: &'a str, note: &'a str },
}

const COLUMNS: &str = "t.id, t.company_id, co.name AS company_name, t.vacancy_id, v.title AS vacancy_title, t.municipality_code, t.need, \
     t.due_on, t.status, t.caseworker_id, cw.name AS caseworker_name, t.requested_by, rq.name AS requester_name, t.created_at, t.updated_at";
const FROM: &str = "business_tasks t JOIN companies co ON co.id = t.company_id JOIN vacancies v ON v.id = t.vacancy_id \
     JOIN users rq ON rq.id = t.requested_by LEFT JOIN users cw ON cw.id = t.caseworker_id";
const INSERT_MESSAGE: &str =
    "INSERT INTO business_task_messages (task_id, from_company, author_name, body, created_at) VALUES ($1, $2, $3, $4, $5)";
/// A suggested candidate, while the company may still find them.
const SUGGESTIONS: &str = "SELECT s.user_id, s.headline, s.note, b.name AS by_name, s.created_at FROM business_task_candidates s \
     JOIN business_tasks t ON t.id = s.task_id JOIN jobseekers j ON j.user_id = s.user_id JOIN users u ON u.id = s.user_id \
     JOIN users b ON b.id = s.suggested_by WHERE s.task_id = $1 \
     AND NOT EXISTS (SELECT 1 FROM cv_blocks k WHERE k.user_id = s.user_id AND k.company_id = t.company_id) AND ";

impl Db {
    /// A company's request for help with one of its open vacancies that has a
    /// workplace; it goes to the vacancy's municipality. `None` when the vacancy
    /// is not such a one, or already has a request that is not closed.
    pub async fn insert_business_task(
        &self,
        company_id: i64,
        vacancy_id: i64,
        requested_by: i64,
        need: &str,
        due_on: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<Option<i64>, AppError> {
        let sql =
            "INSERT INTO business_tasks (company_id, vacancy_id, municipality_code, requested_by, need, due_on, created_at, updated_at) \
                   SELECT v.company_id, v.id, v.municipality_code, $3, $4, $5, $6, $6 FROM vacancies v \
                   WHERE v.id = $1 AND v.company_id = $2 AND v.status = 'open' AND v.municipality_code IS NOT NULL \
                   ON CONFLICT (vacancy_id) WHERE status <> 'closed' DO NOTHING RETURNING id";
        Ok(on_pool!(self, pool => sqlx::query_scalar(sql)
            .bind(vacancy_id).bind(company_id).bind(requested_by).bind(need).bind(due_on).bind(now)
            .fetch_optional(pool).await)?)
    }

    /// The desk's tasks: those not closed, and those closed since `closed_since`,
    /// with how many messages from the other side are unread.
    pub async fn business_tasks(&self, desk: Desk, closed_since: DateTime<Utc>, limit: i64) -> Result<Vec<TaskRow>, AppError> {
        let (condition, company, municipality) = desk.condition();
        let sql = format!(
            "SELECT {COLUMNS}, {} AS unread FROM {FROM} WHERE {condition} AND (t.status <> 'closed' OR t.updated_at >= $3) \
             ORDER BY t.due_on, t.id LIMIT $4",
            unread(desk)
        );
        Ok(on_pool!(self, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
            .bind(company).bind(municipality).bind(closed_since).bind(limit).fetch_all(pool).await)?)
    }

    /// One task of the desk; `None` when it is not the desk's.
    pub async fn business_task(&self, desk: Desk, id: i64) -> Result<Option<TaskRow>, AppError> {
        let (condition, company, municipality) = desk.condition();
        let sql = format!("SELECT {COLUMNS}, CAST(0 AS BIGINT) AS unread FROM {FROM} WHERE {condition} AND t.id = $3");
        Ok(on_pool!(self, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
            .bind(company).bind(municipality).bind(id).fetch_optional(pool).await)?)
    }

    /// A task's thread (oldest first) and the suggested candidates its company may
    /// still find, marking the other side's messages read. Call it for a task
    /// `business_task` found for the desk.
    pub async fn business_thread(
        &self,
        desk: Desk,
        id: i64,
        now: DateTime<Utc>,
    ) -> Result<(Vec<ContactMessageRow>, Vec<SuggestionRow>), AppError> {
        let messages = "SELECT from_company, author_name, body, created_at FROM business_task_messages WHERE task_id = $1 ORDER BY id";
        let suggestions = format!("{SUGGESTIONS}{FINDABLE} ORDER BY s.created_at, s.user_id");
        let mark = "UPDATE business_task_messages SET read_at = $3 WHERE task_id = $1 AND from_company = $2 AND read_at IS NULL";
        let found = on_pool!(self, pool => async {
            let list = sqlx::query_as(messages).bind(id).fetch_all(pool).await?;
            let suggested = sqlx::query_as(sqlx::AssertSqlSafe(suggestions.clone())).bind(id).fetch_all(pool).await?;
            sqlx::query(mark).bind(id).bind(!desk.is_company()).bind(now).execute(pool).await?;
            Ok::<_, sqlx::Error>((list, suggested))
        }.await)?;
        Ok(found)
    }

    /// Changes a task of the desk, with a notice to queue in the same
    /// transaction. False, and nothing written, when the task is not the desk's or
    /// not in a state for the change: a caseworker takes an open task and writes,
    /// suggests and closes only once it is taken; the company writes until it is
    /// closed. A candidate is suggested once, while the company may find them,
    /// and while the task has fewer than `most`.
    pub async fn change_task(
        &self,
        desk: Desk,
        id: i64,
        write: TaskWrite<'_>,
        now: DateTime<Utc>,
        notice: Option<&NewMail<'_>>,
    ) -> Result<bool, AppError> {
        let (condition, company, municipality) = desk.condition();
        let state = match (write, desk.is_company()) {
            (TaskWrite::Take { .. }, _) => "t.status = 'open'",
            (_, true) => "t.status <> 'closed'",
            (_, false) => "t.status = 'taken'",
        };
        let set = match write {
            TaskWrite::Take { .. } => "status = 'taken', caseworker_id = $5, updated_at = $4",
            TaskWrite::Close { .. } => "status = 'closed', updated_at = $4",
            _ => "updated_at = $4",
        };
        // The first write locks the task's row, so concurrent suggestions are counted one after the other.
        let touch = format!("UPDATE business_tasks AS t SET {set} WHERE {condition} AND t.id = $3 AND {state}");
        let suggest = format!(
            "INSERT INTO business_task_candidates (task_id, user_id, headline, note, suggested_by, created_at) \
             SELECT t.id, j.user_id, $3, $4, $5, $6 FROM business_tasks t JOIN jobseekers j ON j.user_id = $2 JOIN users u ON u.id = j.user_id \
             WHERE t.id = $1 AND {FINDABLE} \
             AND NOT EXISTS (SELECT 1 FROM cv_blocks k WHERE k.user_id = j.user_id AND k.company_id = t.company_id) \
             AND (SELECT COUNT(*) FROM business_task_candidates c WHERE c.task_id = t.id) < $7 \
             ON CONFLICT DO NOTHING"
        );
        let from_company = desk.is_company();
        let done = on_pool!(self, pool => async {
            let mut tx = pool.begin().await?;
            let mut q = sqlx::query(sqlx::AssertSqlSafe(touch.clone())).bind(company).bind(municipality).bind(id).bind(now);
            if let TaskWrite::Take { caseworker } = write {
                q = q.bind(caseworker);
            }
            if q.execute(&mut *tx).await?.rows_affected() != 1 {
                return Ok::<_, sqlx::Error>(false);
            }
            let message = match write {
                TaskWrite::Message { author, body } => Some((author, body)),
                TaskWrite::Close { author, note } if !note.is_empty() => Some((author, note)),
                _ => None,
            };
            if let Some((author, body)) = message {
                sqlx::query(INSERT_MESSAGE).bind(id).bind(from_company).bind(author).bind(body).bind(now).execute(&mut *tx).await?;
            }
            if let TaskWrite::Suggest { candidate, headline, note, by, most } = write {
                let n = sqlx::query(sqlx::AssertSqlSafe(suggest.clone()))
                    .bind(id).bind(candidate).bind(headline).bind(note).bind(by).bind(now).bind(most)
                    .execute(&mut *tx).await?.rows_affected();
                if n != 1 {
                    return Ok(false);
                }
            }
            if let Some(mail) = notice {
                sqlx::query(QUEUE_SQL).bind(mail.key).bind(mail.recipient).bind(mail.subject).bind(mail.body).bind(now)
                    .execute(&mut *tx).await?;
            }
            tx.commit().await?;
            Ok(true)
        }.await)?;
        Ok(done)
    }
}

/// Messages from the other side that the desk has not read.
fn unread(desk: Desk) -> &'static str {
    if desk.is_company() {
        "(SELECT COUNT(*) FROM business_task_messages m WHERE m.task_id = t.id AND m.read_at IS NULL AND m.from_company = FALSE)"
    } else {
        "(SELECT COUNT(*) FROM business_task_messages m WHERE m.task_id = t.id AND m.read_at IS NULL AND m.from_company = TRUE)"
    }
}
