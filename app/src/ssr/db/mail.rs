//! The mail outbox: messages to send, each claimed and sent once. SQL only; the
//! rules (when to try again) are in `domain::mail`.

use super::{on_pool, Db};
use crate::error::AppError;
use chrono::{DateTime, NaiveDate, Utc};

/// A message to queue; `key` names it so it is queued once.
#[derive(Clone, Debug)]
pub struct NewMail<'a> {
    pub key: &'a str,
    pub recipient: &'a str,
    pub subject: &'a str,
    pub body: &'a str,
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct MailRow {
    pub id: i64,
    pub idempotency_key: String,
    pub recipient: String,
    pub subject: String,
    pub body: String,
    pub attempts: i32,
}

pub(super) const QUEUE_SQL: &str = "INSERT INTO mail_outbox (idempotency_key, recipient, subject, body, created_at, next_attempt_at) \
     VALUES ($1, $2, $3, $4, $5, $5) ON CONFLICT (idempotency_key) DO NOTHING";

impl Db {
    /// Claims up to `limit` messages that are due for `holder` until `until`: a
    /// message claimed by one node is not sent by another while the claim lasts.
    pub async fn claim_mail(&self, holder: &str, now: DateTime<Utc>, until: DateTime<Utc>, limit: i64) -> Result<Vec<MailRow>, AppError> {
        let due = "SELECT id FROM mail_outbox WHERE sent_at IS NULL AND next_attempt_at <= $1 \
                   AND (claimed_until IS NULL OR claimed_until <= $1) ORDER BY id LIMIT $2";
        let claim = "UPDATE mail_outbox SET claimed_by = $2, claimed_until = $3 \
                     WHERE id = $1 AND sent_at IS NULL AND (claimed_until IS NULL OR claimed_until <= $4)";
        let read = "SELECT id, idempotency_key, recipient, subject, body, attempts FROM mail_outbox WHERE id = $1";
        let rows = on_pool!(self, pool => async {
            let ids: Vec<i64> = sqlx::query_scalar(due).bind(now).bind(limit).fetch_all(pool).await?;
            let mut rows = Vec::new();
            for id in ids {
                // Only one claimer of a row changes it; the other sees 0 rows.
                if sqlx::query(claim).bind(id).bind(holder).bind(until).bind(now).execute(pool).await?.rows_affected() == 1 {
                    rows.push(sqlx::query_as::<_, MailRow>(read).bind(id).fetch_one(pool).await?);
                }
            }
            Ok::<_, sqlx::Error>(rows)
        }.await)?;
        Ok(rows)
    }

    /// Marks a claimed message as sent.
    pub async fn mail_sent(&self, id: i64, holder: &str, now: DateTime<Utc>) -> Result<(), AppError> {
        let sql = "UPDATE mail_outbox SET sent_at = $3, claimed_until = NULL WHERE id = $1 AND claimed_by = $2 AND sent_at IS NULL";
        on_pool!(self, pool => sqlx::query(sql).bind(id).bind(holder).bind(now).execute(pool).await.map(|_| ()))?;
        Ok(())
    }

    /// Records a failed attempt and when to try again.
    pub async fn mail_failed(&self, id: i64, holder: &str, error: &str, next: DateTime<Utc>) -> Result<(), AppError> {
        let sql = "UPDATE mail_outbox SET attempts = attempts + 1, last_error = $3, next_attempt_at = $4, claimed_until = NULL \
                   WHERE id = $1 AND claimed_by = $2 AND sent_at IS NULL";
        let error: String = error.chars().take(500).collect();
        on_pool!(self, pool => sqlx::query(sql).bind(id).bind(holder).bind(error).bind(next).execute(pool).await.map(|_| ()))?;
        Ok(())
    }

    /// How many messages wait to be sent (for the operator).
    pub async fn mail_waiting(&self) -> Result<i64, AppError> {
        let sql = "SELECT COUNT(*) FROM mail_outbox WHERE sent_at IS NULL";
        Ok(on_pool!(self, pool => sqlx::query_scalar::<_, i64>(sql).fetch_one(pool).await)?)
    }
}

/// Where a kind of agent marks a match e-mailed (bound: agent, match, now) and
/// its owner's digest sent (bound: user, day).
pub(super) struct DigestTables {
    pub mark_match: &'static str,
    pub mark_sent: &'static str,
}

impl Db {
    /// Queues an owner's digest and marks exactly the matches in it as e-mailed,
    /// and the digest as sent `on`, in one transaction. A match found meanwhile is
    /// not among `matches`, so it waits for the next digest. False when that day's
    /// digest was queued already (by this node or another: the key is unique).
    pub(super) async fn queue_digest_marking(
        &self,
        tables: &DigestTables,
        user_id: i64,
        mail: &NewMail<'_>,
        matches: &[(i64, i64)],
        on: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<bool, AppError> {
        let queued = on_pool!(self, pool => async {
            let mut tx = pool.begin().await?;
            let n = sqlx::query(QUEUE_SQL)
                .bind(mail.key).bind(mail.recipient).bind(mail.subject).bind(mail.body).bind(now)
                .execute(&mut *tx).await?.rows_affected();
            if n == 1 {
                for (agent_id, found) in matches {
                    sqlx::query(tables.mark_match).bind(agent_id).bind(found).bind(now).execute(&mut *tx).await?;
                }
                sqlx::query(tables.mark_sent).bind(user_id).bind(on).execute(&mut *tx).await?;
            }
            tx.commit().await?;
            Ok::<_, sqlx::Error>(n == 1)
        }.await)?;
        Ok(queued)
    }
}
