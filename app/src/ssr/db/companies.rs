//! Companies and who acts for them: SQL only. Every change names the company in
//! the query, so no one can touch another company's users.

use super::{on_pool, Db};
use crate::domain::account::CompanyRole;
use crate::error::AppError;
use chrono::{DateTime, Utc};

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct CompanyRow {
    pub id: i64,
    pub cvr: String,
    pub name: String,
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct CompanyUserRow {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub company_role: Option<String>,
}

impl Db {
    pub async fn company(&self, id: i64) -> Result<Option<CompanyRow>, AppError> {
        let sql = "SELECT id, cvr, name FROM companies WHERE id = $1";
        Ok(on_pool!(self, pool => sqlx::query_as(sql).bind(id).fetch_optional(pool).await)?)
    }

    pub async fn company_by_cvr(&self, cvr: &str) -> Result<Option<CompanyRow>, AppError> {
        let sql = "SELECT id, cvr, name FROM companies WHERE cvr = $1";
        Ok(on_pool!(self, pool => sqlx::query_as(sql).bind(cvr).fetch_optional(pool).await)?)
    }

    /// The company's users: its administrator first, then members, then those waiting.
    pub async fn company_users(&self, company_id: i64) -> Result<Vec<CompanyUserRow>, AppError> {
        let sql = "SELECT id, name, email, company_role FROM users WHERE company_id = $1 \
                   ORDER BY CASE company_role WHEN 'admin' THEN 0 WHEN 'member' THEN 1 ELSE 2 END, id LIMIT 1000";
        Ok(on_pool!(self, pool => sqlx::query_as(sql).bind(company_id).fetch_all(pool).await)?)
    }

    /// Moves a user of the company from one standing to another; `false` when no
    /// such user of that company had that standing.
    pub async fn change_company_role(&self, company_id: i64, user_id: i64, from: CompanyRole, to: CompanyRole) -> Result<bool, AppError> {
        let sql = "UPDATE users SET company_role = $4 WHERE id = $2 AND company_id = $1 AND company_role = $3";
        let n = on_pool!(self, pool => sqlx::query(sql).bind(company_id).bind(user_id).bind(from.code()).bind(to.code())
            .execute(pool).await.map(|r| r.rows_affected()))?;
        Ok(n == 1)
    }

    /// Takes a user (never the administrator) out of the company; `false` when none such.
    pub async fn remove_company_user(&self, company_id: i64, user_id: i64) -> Result<bool, AppError> {
        let sql = "UPDATE users SET company_id = NULL, company_role = NULL WHERE id = $2 AND company_id = $1 AND company_role <> 'admin'";
        let n = on_pool!(self, pool => sqlx::query(sql).bind(company_id).bind(user_id).execute(pool).await.map(|r| r.rows_affected()))?;
        Ok(n == 1)
    }

    /// Makes `user_id` (a user of the company) its administrator, and the one
    /// before a member, in one transaction; `false` when the user is not the
    /// company's.
    pub async fn move_company_admin(&self, company_id: i64, user_id: i64, _now: DateTime<Utc>) -> Result<bool, AppError> {
        let moved = on_pool!(self, pool => async {
            let mut tx = pool.begin().await?;
            let theirs = sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM users WHERE id = $2 AND company_id = $1")
                .bind(company_id).bind(user_id).fetch_one(&mut *tx).await?;
            if theirs != 1 {
                return Ok::<_, sqlx::Error>(false);
            }
            sqlx::query("UPDATE users SET company_role = 'member' WHERE company_id = $1 AND company_role = 'admin'")
                .bind(company_id).execute(&mut *tx).await?;
            sqlx::query("UPDATE users SET company_role = 'admin' WHERE id = $2 AND company_id = $1")
                .bind(company_id).bind(user_id).execute(&mut *tx).await?;
            tx.commit().await?;
            Ok(true)
        }.await)?;
        Ok(moved)
    }

    /// Switches a staff account off (or on again) and ends its sessions, in one
    /// transaction; `false` when there is no such staff account.
    pub async fn set_staff_active(&self, user_id: i64, active: bool, now: DateTime<Utc>) -> Result<bool, AppError> {
        let changed = on_pool!(self, pool => async {
            let mut tx = pool.begin().await?;
            let at = (!active).then_some(now);
            let n = sqlx::query("UPDATE users SET deactivated_at = $2 WHERE id = $1 AND role IN ('caseworker', 'admin')")
                .bind(user_id).bind(at).execute(&mut *tx).await?.rows_affected();
            if n == 1 && !active {
                sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(user_id).execute(&mut *tx).await?;
            }
            tx.commit().await?;
            Ok::<_, sqlx::Error>(n == 1)
        }.await)?;
        Ok(changed)
    }

    /// Staff accounts, for administrators, by role and name: (id, role, name, e-mail, municipality, switched off).
    pub async fn staff(&self) -> Result<Vec<StaffRow>, AppError> {
        let sql = "SELECT id, role, name, email, municipality_code, deactivated_at, (totp_sealed IS NOT NULL) AS second_factor FROM users \
                   WHERE role IN ('caseworker', 'admin') ORDER BY role, id LIMIT 2000";
        let mut rows: Vec<StaffRow> = on_pool!(self, pool => sqlx::query_as(sql).fetch_all(pool).await)?;
        // By role, then in Danish order of name (the sort is stable).
        crate::ssr::collate::sort_by(&mut rows, |r| &r.name);
        rows.sort_by(|a, b| a.role.cmp(&b.role));
        Ok(rows)
    }

    /// Sets a user's password hash and ends their other sessions (not `keep`).
    pub async fn set_password(&self, user_id: i64, hash: &str, keep_session: &str) -> Result<(), AppError> {
        on_pool!(self, pool => async {
            let mut tx = pool.begin().await?;
            sqlx::query("UPDATE users SET password_hash = $2 WHERE id = $1").bind(user_id).bind(hash).execute(&mut *tx).await?;
            sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2").bind(user_id).bind(keep_session).execute(&mut *tx).await?;
            tx.commit().await
        }.await)?;
        Ok(())
    }
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct StaffRow {
    pub id: i64,
    pub role: String,
    pub name: String,
    pub email: String,
    pub municipality_code: Option<i32>,
    pub deactivated_at: Option<DateTime<Utc>>,
    pub second_factor: bool,
}
