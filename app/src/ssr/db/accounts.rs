//! Users, companies, sessions and failed sign-ins: SQL only.

use super::{on_pool, Db};
use crate::domain::account::{CompanyRole, Role, User};
use crate::error::AppError;
use crate::i18n::Lang;
use chrono::{DateTime, Utc};

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct UserRow {
    pub id: i64,
    pub role: String,
    pub email: String,
    pub name: String,
    pub phone: Option<String>,
    pub password_hash: String,
    pub municipality_code: Option<i32>,
    pub company_id: Option<i64>,
    pub company_role: Option<String>,
    pub deactivated_at: Option<DateTime<Utc>>,
    pub second_factor: bool,
    pub lang: String,
}

impl UserRow {
    /// The language they read in (Danish unless they chose English).
    pub fn lang(&self) -> Lang {
        Lang::parse(&self.lang).unwrap_or_default()
    }

    pub fn to_user(&self) -> Result<User, AppError> {
        Ok(User {
            id: self.id,
            role: Role::parse(&self.role).ok_or_else(|| AppError::internal(format_args!("user {} has role {:?}", self.id, self.role)))?,
            email: self.email.clone(),
            name: self.name.clone(),
            municipality_code: self.municipality_code.and_then(|c| u16::try_from(c).ok()),
            company_id: self.company_id,
            company_role: self.company_role.as_deref().and_then(CompanyRole::parse),
            second_factor: self.second_factor,
        })
    }
}

/// A user to store; the password is already hashed.
#[derive(Clone, Debug)]
pub struct NewUserRow {
    pub role: Role,
    pub email: String,
    pub name: String,
    pub phone: Option<String>,
    pub password_hash: String,
    pub municipality_code: Option<u16>,
    pub company_id: Option<i64>,
    pub company_role: Option<CompanyRole>,
    pub postcode: Option<String>,
    /// The CPR number sealed with the server's key, and its masked form.
    pub cpr_sealed: Option<String>,
    pub cpr_masked: Option<String>,
    pub lang: Lang,
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct SessionRow {
    pub user_id: i64,
    pub created_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
    /// The password was right; the second factor is still to come.
    pub second_factor_pending: bool,
}

const USER_COLUMNS: &str =
    "id, role, email, name, phone, password_hash, municipality_code, company_id, company_role, deactivated_at, lang, \
                            (totp_sealed IS NOT NULL) AS second_factor";

fn is_unique_violation(e: &sqlx::Error) -> bool {
    matches!(e, sqlx::Error::Database(d) if d.is_unique_violation())
}

impl Db {
    /// Stores a user; `None` when the e-mail address is already in use.
    pub async fn insert_user(&self, u: &NewUserRow, now: DateTime<Utc>) -> Result<Option<i64>, AppError> {
        let sql = "INSERT INTO users (role, email, name, phone, password_hash, municipality_code, company_id, created_at, \
                   postcode, cpr_sealed, cpr_masked, company_role, lang) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id";
        let result = on_pool!(self, pool => sqlx::query_scalar::<_, i64>(sql)
            .bind(u.role.as_str())
            .bind(&u.email)
            .bind(&u.name)
            .bind(&u.phone)
            .bind(&u.password_hash)
            .bind(u.municipality_code.map(i32::from))
            .bind(u.company_id)
            .bind(now)
            .bind(&u.postcode)
            .bind(&u.cpr_sealed)
            .bind(&u.cpr_masked)
            .bind(u.company_role.map(CompanyRole::code))
            .bind(u.lang.code())
            .fetch_one(pool)
            .await);
        match result {
            Ok(id) => Ok(Some(id)),
            Err(e) if is_unique_violation(&e) => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    pub async fn user_by_email(&self, email: &str) -> Result<Option<UserRow>, AppError> {
        let sql = sqlx::AssertSqlSafe(format!("SELECT {USER_COLUMNS} FROM users WHERE email = $1"));
        Ok(on_pool!(self, pool => sqlx::query_as(sql).bind(email).fetch_optional(pool).await)?)
    }

    /// Records the language a person chose, for what is sent to them.
    pub async fn set_user_lang(&self, id: i64, lang: Lang) -> Result<(), AppError> {
        let sql = "UPDATE users SET lang = $2 WHERE id = $1";
        on_pool!(self, pool => sqlx::query(sql).bind(id).bind(lang.code()).execute(pool).await.map(|_| ()))?;
        Ok(())
    }

    pub async fn user_by_id(&self, id: i64) -> Result<Option<UserRow>, AppError> {
        let sql = sqlx::AssertSqlSafe(format!("SELECT {USER_COLUMNS} FROM users WHERE id = $1"));
        Ok(on_pool!(self, pool => sqlx::query_as(sql).bind(id).fetch_optional(pool).await)?)
    }

    /// The company with this CVR number, creating it when new: its id, and whether
    /// this call created it (then its name is the one given; otherwise the name
    /// registered first stays). Of two callers at once, exactly one creates it.
    pub async fn company_for_cvr(&self, cvr: &str, name: &str, now: DateTime<Utc>) -> Result<(i64, bool), AppError> {
        let insert = "INSERT INTO companies (cvr, name, created_at) VALUES ($1, $2, $3) ON CONFLICT (cvr) DO NOTHING RETURNING id";
        let select = "SELECT id FROM companies WHERE cvr = $1";
        let found = on_pool!(self, pool => async {
            if let Some(id) = sqlx::query_scalar::<_, i64>(insert).bind(cvr).bind(name).bind(now).fetch_optional(pool).await? {
                return Ok::<_, sqlx::Error>((id, true));
            }
            Ok((sqlx::query_scalar::<_, i64>(select).bind(cvr).fetch_one(pool).await?, false))
        }.await)?;
        Ok(found)
    }

    pub async fn insert_session(&self, token_hash: &str, user_id: i64, now: DateTime<Utc>) -> Result<(), AppError> {
        let sql = "INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at) VALUES ($1, $2, $3, $3)";
        on_pool!(self, pool => sqlx::query(sql).bind(token_hash).bind(user_id).bind(now).execute(pool).await.map(|_| ()))?;
        Ok(())
    }

    pub async fn session(&self, token_hash: &str) -> Result<Option<SessionRow>, AppError> {
        let sql = "SELECT user_id, created_at, last_seen_at, second_factor_pending FROM sessions WHERE token_hash = $1";
        Ok(on_pool!(self, pool => sqlx::query_as(sql).bind(token_hash).fetch_optional(pool).await)?)
    }

    pub async fn touch_session(&self, token_hash: &str, now: DateTime<Utc>) -> Result<(), AppError> {
        let sql = "UPDATE sessions SET last_seen_at = $2 WHERE token_hash = $1";
        on_pool!(self, pool => sqlx::query(sql).bind(token_hash).bind(now).execute(pool).await.map(|_| ()))?;
        Ok(())
    }

    pub async fn delete_session(&self, token_hash: &str) -> Result<(), AppError> {
        let sql = "DELETE FROM sessions WHERE token_hash = $1";
        on_pool!(self, pool => sqlx::query(sql).bind(token_hash).execute(pool).await.map(|_| ()))?;
        Ok(())
    }

    /// Ends every session of a user ("sign out everywhere"); returns how many.
    pub async fn delete_user_sessions(&self, user_id: i64) -> Result<u64, AppError> {
        let sql = "DELETE FROM sessions WHERE user_id = $1";
        Ok(on_pool!(self, pool => sqlx::query(sql).bind(user_id).execute(pool).await.map(|r| r.rows_affected()))?)
    }
}
