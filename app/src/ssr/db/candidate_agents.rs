//! Candidate agents and what they found: SQL only. Every query names the company,
//! so a company's agents are its own.

use super::{on_pool, Db, Quota};
use crate::error::AppError;
use chrono::{DateTime, NaiveDate, Utc};

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct CandidateAgentRow {
    pub id: i64,
    pub company_id: i64,
    pub user_id: i64,
    pub name: String,
    pub query: String,
    pub email_digest: bool,
    pub digest_sent_on: Option<NaiveDate>,
    /// Matches not yet shown in the app.
    pub unseen: i64,
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct CandidateMatchRow {
    pub agent_id: i64,
    pub agent_name: String,
    pub candidate_id: i64,
    pub headline: String,
    pub found_at: DateTime<Utc>,
}

const COLUMNS: &str = "a.id, a.company_id, a.user_id, a.name, a.query, a.email_digest, a.digest_sent_on, \
     (SELECT COUNT(*) FROM candidate_agent_matches m WHERE m.agent_id = a.id AND m.seen_at IS NULL) AS unseen";

const MATCH_SQL: &str = "INSERT INTO candidate_agent_matches (agent_id, candidate_id, headline, found_at, seen_at, emailed_at) \
     VALUES ($1, $2, $3, $4, $5, $5) ON CONFLICT DO NOTHING";

impl Db {
    /// Saves a company's agent with the candidates matching it now as already
    /// seen, unless the company keeps `max`; counted under a lock on the company.
    #[allow(clippy::too_many_arguments)]
    pub async fn insert_candidate_agent(
        &self,
        company_id: i64,
        user_id: i64,
        name: &str,
        query: &str,
        email: bool,
        baseline: &[(i64, String)],
        now: DateTime<Utc>,
        max: usize,
    ) -> Result<Quota<i64>, AppError> {
        let lock = super::lock_company_sql(self);
        let max = i64::try_from(max).unwrap_or(i64::MAX);
        let insert = "INSERT INTO candidate_agents (company_id, user_id, name, query, email_digest, created_at) \
                      VALUES ($1, $2, $3, $4, $5, $6) RETURNING id";
        Ok(on_pool!(self, pool => async {
            let mut tx = pool.begin().await?;
            sqlx::query(lock).bind(company_id).execute(&mut *tx).await?;
            let have = sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM candidate_agents WHERE company_id = $1")
                .bind(company_id).fetch_one(&mut *tx).await?;
            if have >= max {
                return Ok::<_, sqlx::Error>(Quota::Full);
            }
            let id = sqlx::query_scalar::<_, i64>(insert)
                .bind(company_id).bind(user_id).bind(name).bind(query).bind(email).bind(now).fetch_one(&mut *tx).await?;
            for (candidate, headline) in baseline {
                sqlx::query(MATCH_SQL).bind(id).bind(candidate).bind(headline).bind(now).bind(Some(now)).execute(&mut *tx).await?;
            }
            tx.commit().await?;
            Ok(Quota::Stored(id))
        }.await)?)
    }

    pub async fn candidate_agents(&self, company_id: i64) -> Result<Vec<CandidateAgentRow>, AppError> {
        let sql = format!("SELECT {COLUMNS} FROM candidate_agents a WHERE a.company_id = $1 ORDER BY a.id");
        Ok(on_pool!(self, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(company_id).fetch_all(pool).await)?)
    }

    /// Every agent with an id above `after`, for the sweep (keyset-paged).
    pub async fn candidate_agents_after(&self, after: i64, limit: i64) -> Result<Vec<CandidateAgentRow>, AppError> {
        let sql = format!("SELECT {COLUMNS} FROM candidate_agents a WHERE a.id > $1 ORDER BY a.id LIMIT $2");
        Ok(on_pool!(self, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(after).bind(limit).fetch_all(pool).await)?)
    }

    pub async fn delete_candidate_agent(&self, company_id: i64, id: i64) -> Result<bool, AppError> {
        let sql = "DELETE FROM candidate_agents WHERE id = $1 AND company_id = $2";
        let n = on_pool!(self, pool => sqlx::query(sql).bind(id).bind(company_id).execute(pool).await.map(|r| r.rows_affected()))?;
        Ok(n == 1)
    }

    pub async fn set_candidate_agent_email(&self, company_id: i64, id: i64, on: bool) -> Result<bool, AppError> {
        let sql = "UPDATE candidate_agents SET email_digest = $3 WHERE id = $1 AND company_id = $2";
        let n = on_pool!(self, pool => sqlx::query(sql).bind(id).bind(company_id).bind(on).execute(pool).await.map(|r| r.rows_affected()))?;
        Ok(n == 1)
    }

    /// Records what an agent found; a candidate it found before is not counted
    /// again. Returns how many were new.
    pub async fn record_candidate_matches(&self, agent_id: i64, found: &[(i64, String)], now: DateTime<Utc>) -> Result<u64, AppError> {
        let added = on_pool!(self, pool => async {
            let mut tx = pool.begin().await?;
            let mut added = 0;
            for (candidate, headline) in found {
                added += sqlx::query(MATCH_SQL).bind(agent_id).bind(candidate).bind(headline).bind(now)
                    .bind(None::<DateTime<Utc>>).execute(&mut *tx).await?.rows_affected();
            }
            tx.commit().await?;
            Ok::<_, sqlx::Error>(added)
        }.await)?;
        Ok(added)
    }

    /// The company's agent's matches not yet shown, oldest first, now marked shown;
    /// `None` when the agent is not the company's.
    pub async fn take_unseen_candidates(
        &self,
        company_id: i64,
        agent_id: i64,
        now: DateTime<Utc>,
    ) -> Result<Option<Vec<CandidateMatchRow>>, AppError> {
        let owns = "SELECT COUNT(*) FROM candidate_agents WHERE id = $1 AND company_id = $2";
        let list = "SELECT m.agent_id, a.name AS agent_name, m.candidate_id, m.headline, m.found_at FROM candidate_agent_matches m \
                    JOIN candidate_agents a ON a.id = m.agent_id WHERE m.agent_id = $1 AND m.seen_at IS NULL ORDER BY m.found_at, m.candidate_id";
        let mark = "UPDATE candidate_agent_matches SET seen_at = $2 WHERE agent_id = $1 AND seen_at IS NULL";
        let found = on_pool!(self, pool => async {
            let mut tx = pool.begin().await?;
            if sqlx::query_scalar::<_, i64>(owns).bind(agent_id).bind(company_id).fetch_one(&mut *tx).await? == 0 {
                return Ok::<_, sqlx::Error>(None);
            }
            let rows = sqlx::query_as(list).bind(agent_id).fetch_all(&mut *tx).await?;
            sqlx::query(mark).bind(agent_id).bind(now).execute(&mut *tx).await?;
            tx.commit().await?;
            Ok(Some(rows))
        }.await)?;
        Ok(found)
    }

    /// The matches of `user_id`'s e-mailed agents not yet e-mailed, by agent.
    pub async fn unsent_candidate_matches(&self, user_id: i64) -> Result<Vec<CandidateMatchRow>, AppError> {
        let sql = "SELECT m.agent_id, a.name AS agent_name, m.candidate_id, m.headline, m.found_at FROM candidate_agent_matches m \
                   JOIN candidate_agents a ON a.id = m.agent_id WHERE a.user_id = $1 AND a.email_digest AND m.emailed_at IS NULL \
                   ORDER BY m.agent_id, m.found_at, m.candidate_id LIMIT 200";
        Ok(on_pool!(self, pool => sqlx::query_as(sql).bind(user_id).fetch_all(pool).await)?)
    }

    /// Queues the owner's digest and marks exactly the matches in it as e-mailed,
    /// in one transaction; false when today's was queued already.
    pub async fn queue_candidate_digest(
        &self,
        user_id: i64,
        mail: &super::NewMail<'_>,
        matches: &[(i64, i64)],
        on: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<bool, AppError> {
        let tables = super::mail::DigestTables {
            mark_match:
                "UPDATE candidate_agent_matches SET emailed_at = $3 WHERE agent_id = $1 AND candidate_id = $2 AND emailed_at IS NULL",
            mark_sent: "UPDATE candidate_agents SET digest_sent_on = $2 WHERE user_id = $1",
        };
        self.queue_digest_marking(&tables, user_id, mail, matches, on, now).await
    }
}
