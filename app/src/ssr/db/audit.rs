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
        let sql = "INSERT INTO audit_log (at, actor_user_id, actor_role, actor_municipality, action, citizen_user_id, what, purpose) \
                   VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
        on_pool!(self, pool => sqlx::query(sql)
            .bind(now)
            .bind(actor.id)
            .bind(actor.role.as_str())
            .bind(actor.municipality_code.map(i32::from))
            .bind(action.as_str())
            .bind(citizen_id)
            .bind(what)
            .bind(purpose)
            .execute(pool)
            .await
            .map(|_| ()))?;
        Ok(())
    }

    /// The accesses to one citizen's data, newest first.
    pub async fn audit_for_citizen(&self, citizen_id: i64, limit: i64) -> Result<Vec<AuditRow>, AppError> {
        let sql = "SELECT at, actor_user_id, actor_role, actor_municipality, action, what, purpose FROM audit_log \
                   WHERE citizen_user_id = $1 ORDER BY at DESC, id DESC LIMIT $2";
        Ok(on_pool!(self, pool => sqlx::query_as(sql).bind(citizen_id).bind(limit).fetch_all(pool).await)?)
    }
}
