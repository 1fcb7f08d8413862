//! Sending what the mail outbox holds: each message by the node that claimed it,
//! once, and a failed one again later with a growing pause.

use crate::domain::mail;
use crate::error::AppError;
use crate::ssr::AppState;
use chrono::{DateTime, Utc};

/// Sends the messages that are due, as node `holder`. Returns how many went out.
#[tracing::instrument(skip_all)]
pub async fn send_due(st: &AppState, holder: &str, now: DateTime<Utc>) -> Result<usize, AppError> {
    if !st.mailer.enabled() {
        return Ok(0);
    }
    let mut sent = 0;
    loop {
        let batch = st.db.claim_mail(holder, now, now + mail::CLAIM, mail::BATCH).await?;
        if batch.is_empty() {
            return Ok(sent);
        }
        for m in batch {
            let id = Some(mail::message_id(&m.idempotency_key, st.mailer.domain()));
            match st.mailer.send(&m.recipient, &m.subject, m.body, id).await {
                Ok(()) => {
                    st.db.mail_sent(m.id, holder, st.clock.now()).await?;
                    sent += 1;
                }
                Err(e) => {
                    let attempts = m.attempts + 1;
                    // Past the last attempt: left with its error, never due again.
                    let next = if attempts >= mail::MAX_ATTEMPTS { DateTime::<Utc>::MAX_UTC } else { now + mail::retry_after(attempts) };
                    tracing::warn!(mail = m.id, attempts, error = %e, "e-mail not sent; tried again later");
                    if attempts >= mail::MAX_ATTEMPTS {
                        tracing::error!(mail = m.id, key = m.idempotency_key, "e-mail given up after {attempts} attempts");
                        super::jobs::item_failed(st, super::jobs::MAIL, &format!("mail {}", m.id), &e).await;
                    }
                    st.db.mail_failed(m.id, holder, &e.to_string(), next).await?;
                }
            }
        }
    }
}
