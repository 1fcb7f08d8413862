//! Sending e-mail over SMTP (lettre). Off unless `JOBUNIVERS_SMTP_URL` is set.

use crate::error::AppError;
use lettre::message::{header::ContentType, Mailbox};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

pub struct Mailer {
    transport: Option<AsyncSmtpTransport<Tokio1Executor>>,
    from: Mailbox,
    /// The site's public address, for links in e-mails.
    pub public_url: String,
}

impl Mailer {
    #[allow(clippy::expect_used)] // a constant, valid address
    pub fn disabled() -> Mailer {
        Mailer {
            transport: None,
            from: "Jobunivers <noreply@jobunivers.invalid>".parse().expect("valid mailbox"),
            public_url: String::new(),
        }
    }

    /// `url`: `smtp://host:port` (plain, for a local relay), `smtp://host?tls=required`
    /// (STARTTLS) or `smtps://user:password@host` (TLS).
    pub fn smtp(url: &str, from: &str, public_url: &str) -> Result<Mailer, AppError> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| AppError::internal(format_args!("JOBUNIVERS_SMTP_URL: {e}")))?
            .build();
        let from = from.parse().map_err(|e| AppError::internal(format_args!("JOBUNIVERS_MAIL_FROM {from:?}: {e}")))?;
        Ok(Mailer { transport: Some(transport), from, public_url: public_url.trim_end_matches('/').to_string() })
    }

    pub fn enabled(&self) -> bool {
        self.transport.is_some()
    }

    /// The domain of the sender's address, for Message-IDs.
    pub fn domain(&self) -> &str {
        self.from.email.domain()
    }

    /// Sends a plain-text e-mail, with `message_id` so that a repeat is known as one.
    pub async fn send(&self, to: &str, subject: &str, body: String, message_id: Option<String>) -> Result<(), AppError> {
        let Some(transport) = &self.transport else { return Ok(()) };
        let to: Mailbox = to.parse().map_err(|e| AppError::internal(format_args!("recipient: {e}")))?;
        let message = Message::builder()
            .message_id(message_id)
            .from(self.from.clone())
            .to(to)
            .subject(subject)
            .header(ContentType::TEXT_PLAIN)
            .body(body)
            .map_err(|e| AppError::internal(format_args!("building e-mail: {e}")))?;
        transport.send(message).await.map_err(|e| AppError::internal(format_args!("sending e-mail: {e}")))?;
        Ok(())
    }
}
