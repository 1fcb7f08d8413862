//! Staff's second factor: keys, the last step used, recovery codes, and sessions
//! waiting for their code. SQL only; the rules are in `services::second_factor`.

use super::{on_pool, Db};
use crate::error::AppError;
use chrono::{DateTime, Utc};

#[derive(Clone, Debug, Default, sqlx::FromRow)]
pub struct SecondFactorRow {
    pub totp_pending_sealed: Option<String>,
    pub totp_sealed: Option<String>,
    pub recovery_unseen_sealed: Option<String>,
}

impl Db {
    pub async fn second_factor(&self, user_id: i64) -> Result<SecondFactorRow, AppError> {
        let sql = "SELECT totp_pending_sealed, totp_sealed, recovery_unseen_sealed FROM users WHERE id = $1";
        let row = on_pool!(self, pool => sqlx::query_as(sql).bind(user_id).fetch_optional(pool).await)?;
        row.ok_or(AppError::NotFound)
    }

    /// Keeps a new key while the person sets it up; only before one is in use.
    pub async fn set_pending_totp(&self, user_id: i64, sealed: &str) -> Result<bool, AppError> {
        let sql = "UPDATE users SET totp_pending_sealed = $2 WHERE id = $1 AND totp_sealed IS NULL";
        Ok(on_pool!(self, pool => sqlx::query(sql).bind(user_id).bind(sealed).execute(pool).await.map(|r| r.rows_affected()))? == 1)
    }

    /// Puts the key being set up in use (if it is still `pending`: of two
    /// confirmations at once, one wins), with its first accepted step and new
    /// recovery codes. Other sessions end: whoever had the password alone is out.
    pub async fn confirm_totp(
        &self,
        user_id: i64,
        pending: &str,
        step: i64,
        codes: &[String],
        unseen: &str,
        keep_session: &str,
    ) -> Result<bool, AppError> {
        let update = "UPDATE users SET totp_sealed = totp_pending_sealed, totp_pending_sealed = NULL, totp_last_step = $3, \
                      recovery_unseen_sealed = $4 WHERE id = $1 AND totp_pending_sealed = $2 AND totp_sealed IS NULL";
        let done = on_pool!(self, pool => async {
            let mut tx = pool.begin().await?;
            let n = sqlx::query(update).bind(user_id).bind(pending).bind(step).bind(unseen).execute(&mut *tx).await?.rows_affected();
            if n != 1 {
                return Ok::<_, sqlx::Error>(false);
            }
            sqlx::query("DELETE FROM recovery_codes WHERE user_id = $1").bind(user_id).execute(&mut *tx).await?;
            for hash in codes {
                sqlx::query("INSERT INTO recovery_codes (user_id, code_hash) VALUES ($1, $2)").bind(user_id).bind(hash).execute(&mut *tx).await?;
            }
            sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2").bind(user_id).bind(keep_session).execute(&mut *tx).await?;
            tx.commit().await?;
            Ok(true)
        }.await)?;
        Ok(done)
    }

    /// Replaces all recovery codes (the old ones stop working).
    pub async fn replace_recovery_codes(&self, user_id: i64, codes: &[String], unseen: &str) -> Result<(), AppError> {
        on_pool!(self, pool => async {
            let mut tx = pool.begin().await?;
            sqlx::query("DELETE FROM recovery_codes WHERE user_id = $1").bind(user_id).execute(&mut *tx).await?;
            for hash in codes {
                sqlx::query("INSERT INTO recovery_codes (user_id, code_hash) VALUES ($1, $2)").bind(user_id).bind(hash).execute(&mut *tx).await?;
            }
            sqlx::query("UPDATE users SET recovery_unseen_sealed = $2 WHERE id = $1").bind(user_id).bind(unseen).execute(&mut *tx).await?;
            tx.commit().await
        }.await)?;
        Ok(())
    }

    /// The person has kept their new recovery codes: stop showing them.
    pub async fn recovery_codes_kept(&self, user_id: i64) -> Result<(), AppError> {
        let sql = "UPDATE users SET recovery_unseen_sealed = NULL WHERE id = $1";
        on_pool!(self, pool => sqlx::query(sql).bind(user_id).execute(pool).await.map(|_| ()))?;
        Ok(())
    }

    pub async fn recovery_codes_left(&self, user_id: i64) -> Result<i64, AppError> {
        let sql = "SELECT COUNT(*) FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL";
        Ok(on_pool!(self, pool => sqlx::query_scalar::<_, i64>(sql).bind(user_id).fetch_one(pool).await)?)
    }

    /// Accepts time step `step` for this user once: later than any step accepted
    /// before, so a code seen by someone else cannot be used again. A conditional
    /// update, so of two requests with the same code one gets through.
    pub async fn use_totp_step(&self, user_id: i64, step: i64) -> Result<bool, AppError> {
        let sql = "UPDATE users SET totp_last_step = $2 WHERE id = $1 AND totp_sealed IS NOT NULL \
                   AND (totp_last_step IS NULL OR totp_last_step < $2)";
        Ok(on_pool!(self, pool => sqlx::query(sql).bind(user_id).bind(step).execute(pool).await.map(|r| r.rows_affected()))? == 1)
    }

    /// Uses up a recovery code, once.
    pub async fn use_recovery_code(&self, user_id: i64, hash: &str, now: DateTime<Utc>) -> Result<bool, AppError> {
        let sql = "UPDATE recovery_codes SET used_at = $3 WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL";
        Ok(on_pool!(self, pool => sqlx::query(sql).bind(user_id).bind(hash).bind(now).execute(pool).await.map(|r| r.rows_affected()))? == 1)
    }

    /// Removes a staff member's second factor (lost phone): they set up a new one
    /// at their next sign-in. Their sessions end. `false` if no such staff account.
    pub async fn reset_second_factor(&self, user_id: i64) -> Result<bool, AppError> {
        let update = "UPDATE users SET totp_sealed = NULL, totp_pending_sealed = NULL, totp_last_step = NULL, \
                      recovery_unseen_sealed = NULL WHERE id = $1 AND role IN ('caseworker', 'admin')";
        let done = on_pool!(self, pool => async {
            let mut tx = pool.begin().await?;
            if sqlx::query(update).bind(user_id).execute(&mut *tx).await?.rows_affected() != 1 {
                return Ok::<_, sqlx::Error>(false);
            }
            sqlx::query("DELETE FROM recovery_codes WHERE user_id = $1").bind(user_id).execute(&mut *tx).await?;
            sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(user_id).execute(&mut *tx).await?;
            tx.commit().await?;
            Ok(true)
        }.await)?;
        Ok(done)
    }

    /// A key in use from the start, without setting up (the demo's staff).
    pub async fn set_totp(&self, user_id: i64, sealed: &str) -> Result<(), AppError> {
        let sql = "UPDATE users SET totp_sealed = $2, totp_pending_sealed = NULL WHERE id = $1";
        on_pool!(self, pool => sqlx::query(sql).bind(user_id).bind(sealed).execute(pool).await.map(|_| ()))?;
        Ok(())
    }

    /// A session whose password was right and whose code is still to come.
    pub async fn insert_pending_session(&self, token_hash: &str, user_id: i64, now: DateTime<Utc>) -> Result<(), AppError> {
        let sql = "INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, second_factor_pending) VALUES ($1, $2, $3, $3, $4)";
        on_pool!(self, pool => sqlx::query(sql).bind(token_hash).bind(user_id).bind(now).bind(true).execute(pool).await.map(|_| ()))?;
        Ok(())
    }

    /// Ends a waiting session and starts a full one in its place (a new token, so
    /// a token known before the code was given is worth nothing after).
    pub async fn complete_session(&self, pending_hash: &str, token_hash: &str, user_id: i64, now: DateTime<Utc>) -> Result<bool, AppError> {
        let done = on_pool!(self, pool => async {
            let mut tx = pool.begin().await?;
            let gone = sqlx::query("DELETE FROM sessions WHERE token_hash = $1 AND second_factor_pending = $2")
                .bind(pending_hash).bind(true).execute(&mut *tx).await?.rows_affected();
            if gone != 1 {
                return Ok::<_, sqlx::Error>(false);
            }
            sqlx::query("INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at) VALUES ($1, $2, $3, $3)")
                .bind(token_hash).bind(user_id).bind(now).execute(&mut *tx).await?;
            tx.commit().await?;
            Ok(true)
        }.await)?;
        Ok(done)
    }
}
