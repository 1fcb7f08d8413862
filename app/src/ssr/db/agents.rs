//! Job agents and what they found: SQL only.

use super::{on_pool, Db, Quota};
use crate::error::AppError;
use chrono::{DateTime, NaiveDate, Utc};

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct AgentRow {
    pub id: i64,
    pub user_id: i64,
    pub name: String,
    pub query: String,
    pub email_digest: bool,
    pub last_seen_id: i64,
    pub digest_sent_on: Option<NaiveDate>,
    pub matches: i64,
}

/// A match not yet e-mailed, for the daily digest.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct UnsentMatch {
    pub agent_id: i64,
    pub agent_name: String,
    pub vacancy_id: i64,
    pub title: String,
}

const AGENT_COLUMNS: &str = "a.id, a.user_id, a.name, a.query, a.email_digest, a.last_seen_id, a.digest_sent_on, \
     (SELECT COUNT(*) FROM job_agent_matches m WHERE m.agent_id = a.id) AS matches";

impl Db {
    /// Stores an agent unless the person already has `max`; checked and written
    /// under a lock on the person, so parallel requests cannot get past it.
    pub async fn insert_agent(
        &self,
        user_id: i64,
        name: &str,
        query: &str,
        last_seen_id: i64,
        now: DateTime<Utc>,
        max: usize,
    ) -> Result<Quota<i64>, AppError> {
        let lock = super::lock_user_sql(self);
        let max = i64::try_from(max).unwrap_or(i64::MAX);
        let sql = "INSERT INTO job_agents (user_id, name, query, last_seen_id, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id";
        Ok(on_pool!(self, pool => async {
            let mut tx = pool.begin().await?;
            sqlx::query(lock).bind(user_id).execute(&mut *tx).await?;
            let have = sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM job_agents WHERE user_id = $1").bind(user_id).fetch_one(&mut *tx).await?;
            if have >= max {
                return Ok::<_, sqlx::Error>(Quota::Full);
            }
            let id = sqlx::query_scalar::<_, i64>(sql).bind(user_id).bind(name).bind(query).bind(last_seen_id).bind(now).fetch_one(&mut *tx).await?;
            tx.commit().await?;
            Ok(Quota::Stored(id))
        }.await)?)
    }

    pub async fn agents_of(&self, user_id: i64) -> Result<Vec<AgentRow>, AppError> {
        let sql = format!("SELECT {AGENT_COLUMNS} FROM job_agents a WHERE a.user_id = $1 ORDER BY a.id");
        Ok(on_pool!(self, pool => sqlx::query_as::<_, AgentRow>(sqlx::AssertSqlSafe(sql)).bind(user_id).fetch_all(pool).await)?)
    }

    /// Users with at least one agent, for the sweep (keyset-paged by user id).
    pub async fn agent_owners_after(&self, after: i64, limit: i64) -> Result<Vec<i64>, AppError> {
        let sql = "SELECT DISTINCT user_id FROM job_agents WHERE user_id > $1 ORDER BY user_id LIMIT $2";
        Ok(on_pool!(self, pool => sqlx::query_scalar::<_, i64>(sql).bind(after).bind(limit).fetch_all(pool).await)?)
    }

    /// Deletes one of the person's own agents; `false` when there is none such.
    pub async fn delete_agent(&self, user_id: i64, id: i64) -> Result<bool, AppError> {
        let sql = "DELETE FROM job_agents WHERE id = $1 AND user_id = $2";
        Ok(on_pool!(self, pool => sqlx::query(sql).bind(id).bind(user_id).execute(pool).await.map(|r| r.rows_affected()))? == 1)
    }

    pub async fn set_agent_email(&self, user_id: i64, id: i64, on: bool) -> Result<bool, AppError> {
        let sql = "UPDATE job_agents SET email_digest = $3 WHERE id = $1 AND user_id = $2";
        Ok(on_pool!(self, pool => sqlx::query(sql).bind(id).bind(user_id).bind(on).execute(pool).await.map(|r| r.rows_affected()))? == 1)
    }

    /// Stores what an agent found and moves its mark, in one transaction; only
    /// from the mark it had, so two sweeps never report the same vacancies twice.
    /// Returns how many matches were new.
    pub async fn record_agent_matches(
        &self,
        agent_id: i64,
        from_seen: i64,
        to_seen: i64,
        found: &[(i64, String)],
        now: DateTime<Utc>,
    ) -> Result<u64, AppError> {
        let n = on_pool!(self, pool => async {
            let mut tx = pool.begin().await?;
            let moved = sqlx::query("UPDATE job_agents SET last_seen_id = $3 WHERE id = $1 AND last_seen_id = $2")
                .bind(agent_id).bind(from_seen).bind(to_seen).execute(&mut *tx).await?.rows_affected();
            let mut added = 0;
            if moved == 1 {
                for (vacancy_id, title) in found {
                    added += sqlx::query("INSERT INTO job_agent_matches (agent_id, vacancy_id, title, found_at) VALUES ($1, $2, $3, $4) \
                                          ON CONFLICT (agent_id, vacancy_id) DO NOTHING")
                        .bind(agent_id).bind(vacancy_id).bind(title).bind(now).execute(&mut *tx).await?.rows_affected();
                }
            }
            tx.commit().await?;
            Ok::<_, sqlx::Error>(added)
        }.await)?;
        Ok(n)
    }

    /// Agents whose saved search names a region (candidates for a regional merger).
    pub async fn agents_naming_a_region(&self) -> Result<Vec<AgentRow>, AppError> {
        let sql = format!("SELECT {AGENT_COLUMNS} FROM job_agents a WHERE a.query LIKE '%region=%' ORDER BY a.id");
        Ok(on_pool!(self, pool => sqlx::query_as::<_, AgentRow>(sqlx::AssertSqlSafe(sql)).fetch_all(pool).await)?)
    }

    /// Rewrites an agent's search, only from the value it had, and leaves the owner a
    /// notification in the same transaction; so however many nodes do it at once,
    /// the search moves once and the person is told once. `false` when it had
    /// already changed.
    pub async fn move_agent_query(&self, agent_id: i64, from: &str, to: &str, notice: &str, now: DateTime<Utc>) -> Result<bool, AppError> {
        let moved = on_pool!(self, pool => async {
            let mut tx = pool.begin().await?;
            let user_id = sqlx::query_scalar::<_, i64>("UPDATE job_agents SET query = $3 WHERE id = $1 AND query = $2 RETURNING user_id")
                .bind(agent_id).bind(from).bind(to).fetch_optional(&mut *tx).await?;
            if let Some(user_id) = user_id {
                sqlx::query("INSERT INTO notifications (user_id, payload, created_at) VALUES ($1, $2, $3)")
                    .bind(user_id).bind(notice).bind(now).execute(&mut *tx).await?;
            }
            tx.commit().await?;
            Ok::<_, sqlx::Error>(user_id.is_some())
        }.await)?;
        Ok(moved)
    }

    /// Matches of e-mailed agents not yet sent to `user_id`.
    pub async fn unsent_matches(&self, user_id: i64) -> Result<Vec<UnsentMatch>, AppError> {
        let sql = "SELECT m.agent_id, a.name AS agent_name, m.vacancy_id, m.title FROM job_agent_matches m \
                   JOIN job_agents a ON a.id = m.agent_id \
                   WHERE a.user_id = $1 AND a.email_digest AND m.emailed_at IS NULL ORDER BY m.agent_id, m.vacancy_id LIMIT 200";
        Ok(on_pool!(self, pool => sqlx::query_as::<_, UnsentMatch>(sql).bind(user_id).fetch_all(pool).await)?)
    }

    /// Queues the person's digest and marks exactly the matches in it as mailed,
    /// and the digest as sent `on`, in one transaction. A match found meanwhile is
    /// not among `matches`, so it waits for the next digest. False when today's
    /// digest was queued already (by this node or another).
    pub async fn queue_digest(
        &self,
        user_id: i64,
        mail: &super::NewMail<'_>,
        matches: &[(i64, i64)],
        on: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<bool, AppError> {
        let tables = super::mail::DigestTables {
            mark_match: "UPDATE job_agent_matches SET emailed_at = $3 WHERE agent_id = $1 AND vacancy_id = $2 AND emailed_at IS NULL",
            mark_sent: "UPDATE job_agents SET digest_sent_on = $2 WHERE user_id = $1",
        };
        self.queue_digest_marking(&tables, user_id, mail, matches, on, now).await
    }
}
