//! The audit log: insert and read only. There is no update or delete here, and
//! the database refuses them too.

use super::{on_pool, Db};
use crate::domain::account::User;
use crate::domain::audit::AuditAction;
use crate::error::AppError;
use chrono::{DateTime, Utc};

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct AuditRow {
    pub at: DateTime<Utc>,
    pub actor_user_id: i64,
    pub actor_role: String,
    pub actor_municipality: Option<i32>,
    pub actor_company: Option<String>,
    pub action: String,
    pub what: String,
    pub purpose: String,
}

impl Db {
    pub async fn insert_audit(
        &self,
        actor: &User,
        action: AuditAction,
        citizen_id: i64,
        what: &str,
        purpose: &str,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        self.insert_audit_as(actor, None, action, citizen_id, what, purpose, now).await
    }

    /// An access by someone acting for a company (an employer opening a CV): the
    /// citizen is shown the company's name, as it was then.
    #[allow(clippy::too_many_arguments)]
    pub async fn insert_audit_as(
        &self,
        actor: &User,
        company: Option<&str>,
        action: AuditAction,
        citizen_id: i64,
        what: &str,
        purpose: &str,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        let sql = "INSERT INTO audit_log (at, actor_user_id, actor_role, actor_municipality, action, citizen_user_id, what, purpose, actor_company) \
                   VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";
        on_pool!(self, pool => sqlx::query(sql)
            .bind(now)
            .bind(actor.id)
            .bind(actor.role.as_str())
            .bind(actor.municipality_code.map(i32::from))
            .bind(action.code())
            .bind(citizen_id)
            .bind(what)
            .bind(purpose)
            .bind(company)
            .execute(pool)
            .await
            .map(|_| ()))?;
        Ok(())
    }

    /// One row per citizen in `citizen_ids`, written together (a list a member of
    /// staff is about to see). Nothing is written for an empty list.
    pub async fn insert_audit_batch(
        &self,
        actor: &User,
        action: AuditAction,
        citizen_ids: &[i64],
        what: &str,
        purpose: &str,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        // 8 values a row; 500 rows stay far below either database's parameter limit.
        for chunk in citizen_ids.chunks(500) {
            let rows: Vec<String> = (0..chunk.len())
                .map(|i| {
                    let p = i * 8;
                    format!("(${}, ${}, ${}, ${}, ${}, ${}, ${}, ${})", p + 1, p + 2, p + 3, p + 4, p + 5, p + 6, p + 7, p + 8)
                })
                .collect();
            let sql = format!(
                "INSERT INTO audit_log (at, actor_user_id, actor_role, actor_municipality, action, citizen_user_id, what, purpose) VALUES {}",
                rows.join(", ")
            );
            on_pool!(self, pool => {
                let mut q = sqlx::query(sqlx::AssertSqlSafe(sql.clone()));
                for citizen in chunk {
                    q = q.bind(now).bind(actor.id).bind(actor.role.as_str()).bind(actor.municipality_code.map(i32::from))
                        .bind(action.code()).bind(*citizen).bind(what).bind(purpose);
                }
                q.execute(pool).await.map(|_| ())
            })?;
        }
        Ok(())
    }

    /// The accesses to one citizen's data, newest first.
    pub async fn audit_for_citizen(&self, citizen_id: i64, limit: i64) -> Result<Vec<AuditRow>, AppError> {
        let sql = "SELECT at, actor_user_id, actor_role, actor_municipality, actor_company, action, what, purpose FROM audit_log \
                   WHERE citizen_user_id = $1 ORDER BY at DESC, id DESC LIMIT $2";
        Ok(on_pool!(self, pool => sqlx::query_as(sql).bind(citizen_id).bind(limit).fetch_all(pool).await)?)
    }
}
