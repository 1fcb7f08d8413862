//! The one error type of the app. It crosses the server-function boundary, so it
//! carries only what a person may see: a message key, field errors, or a reference
//! number. The detail behind an internal error is logged on the server, never sent.

use crate::i18n::{Lang, Msg};
use serde::{Deserialize, Serialize};

/// A problem with one field of a form, tied to that field by its name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub msg: Msg,
}

/// All problems found in one submitted form.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldErrors(pub Vec<FieldError>);

impl FieldErrors {
    /// One problem with one field, as an [`AppError`].
    pub fn one(field: &str, msg: Msg) -> AppError {
        let mut errors = FieldErrors::default();
        errors.add(field, msg);
        AppError::Invalid(errors)
    }

    pub fn add(&mut self, field: &str, msg: Msg) {
        self.0.push(FieldError { field: field.to_string(), msg });
    }

    pub fn get(&self, field: &str) -> Option<Msg> {
        self.0.iter().find(|e| e.field == field).map(|e| e.msg)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// `Ok(value)` when nothing was found, else the errors as an [`AppError`].
    pub fn into_result<T>(self, value: T) -> Result<T, AppError> {
        if self.is_empty() {
            Ok(value)
        } else {
            Err(AppError::Invalid(self))
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// The person's input has problems; each is tied to a field.
    #[error("invalid input: {0:?}")]
    Invalid(FieldErrors),
    #[error("not found")]
    NotFound,
    #[error("sign-in required")]
    Unauthenticated,
    #[error("forbidden")]
    Forbidden,
    /// Too many failed sign-ins; wait and try again.
    #[error("too many attempts")]
    TooManyAttempts,
    /// A dependency (database, index) is down or busy; trying again may help.
    #[error("temporarily unavailable")]
    Unavailable,
    /// The request itself was malformed (not something a person typed into a field).
    #[error("bad request")]
    BadRequest,
    /// Could not reach the server (raised in the browser).
    #[error("connection failed")]
    Connection,
    /// A fault on our side. The reference lets support find the logged detail.
    #[error("internal error, reference {reference}")]
    Internal { reference: String },
}

impl AppError {
    /// Logs the detail of an unexpected fault and returns an error that shows the
    /// person only a reference.
    #[cfg(feature = "server")]
    pub fn internal(detail: impl std::fmt::Display) -> AppError {
        let reference = incident_reference();
        tracing::error!(%reference, "internal error: {detail}");
        AppError::Internal { reference }
    }

    /// The message a person reads for this error.
    pub fn message(&self) -> Msg {
        match self {
            AppError::Invalid(_) => Msg::FormHasErrors,
            AppError::NotFound => Msg::ErrNotFound,
            AppError::Unauthenticated => Msg::ErrUnauthenticated,
            AppError::Forbidden => Msg::ErrForbidden,
            AppError::TooManyAttempts => Msg::ErrTooManyAttempts,
            AppError::Unavailable => Msg::ErrUnavailable,
            AppError::BadRequest => Msg::ErrBadRequest,
            AppError::Connection => Msg::ErrConnection,
            AppError::Internal { .. } => Msg::ErrInternal,
        }
    }

    /// The full text for a person, with the reference where there is one.
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            AppError::Internal { reference } => {
                format!("{} {}: {reference}", lang.t(self.message()), lang.t(Msg::ErrorReference))
            }
            other => lang.t(other.message()).to_string(),
        }
    }

    pub fn field_errors(&self) -> Option<&FieldErrors> {
        match self {
            AppError::Invalid(errors) => Some(errors),
            _ => None,
        }
    }

    /// The HTTP status this error is answered with.
    pub fn status(&self) -> u16 {
        match self {
            AppError::Invalid(_) => 422,
            AppError::NotFound => 404,
            AppError::Unauthenticated => 401,
            AppError::Forbidden => 403,
            AppError::TooManyAttempts => 429,
            AppError::Unavailable => 503,
            AppError::BadRequest => 400,
            AppError::Connection => 502,
            AppError::Internal { .. } => 500,
        }
    }
}

/// A short reference a person can quote to support, to find the logged detail.
/// No 0/O or 1/I, so it reads back over the phone.
#[cfg(feature = "server")]
pub fn incident_reference() -> String {
    use rand::Rng;
    const ALPHABET: &[u8] = b"23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    let mut rng = rand::rng();
    (0..8).map(|_| ALPHABET[rng.random_range(0..ALPHABET.len())] as char).collect()
}

/// The error crosses the server-function boundary as JSON (the pages' and the
/// server's side of the same function).
#[cfg(feature = "server_fn")]
impl server_fn::error::FromServerFnError for AppError {
    type Encoder = server_fn::codec::JsonEncoding;

    fn from_server_fn_error(value: server_fn::error::ServerFnErrorErr) -> Self {
        use server_fn::error::ServerFnErrorErr;
        match value {
            ServerFnErrorErr::Request(_) => AppError::Connection,
            // What the caller sent could not be read: their mistake, not ours.
            ServerFnErrorErr::Args(_) | ServerFnErrorErr::MissingArg(_) | ServerFnErrorErr::Deserialization(_) => AppError::BadRequest,
            #[cfg(feature = "server")]
            other => AppError::internal(other),
            #[cfg(not(feature = "server"))]
            _ => AppError::Internal { reference: "-".into() },
        }
    }
}

#[cfg(feature = "server")]
impl From<sqlx::Error> for AppError {
    fn from(err: sqlx::Error) -> Self {
        match err {
            sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed | sqlx::Error::Io(_) => {
                tracing::warn!("database unavailable: {err}");
                AppError::Unavailable
            }
            other => AppError::internal(format_args!("database: {other}")),
        }
    }
}

#[cfg(feature = "server")]
impl From<tantivy::TantivyError> for AppError {
    fn from(err: tantivy::TantivyError) -> Self {
        AppError::internal(format_args!("index: {err}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn internal_errors_show_only_a_reference() {
        let err = AppError::Internal { reference: "K7Q2".into() };
        let text = err.describe(Lang::Da);
        assert!(text.contains("K7Q2"));
        assert!(text.starts_with("Der skete en fejl hos os"));
        let wire = serde_json::to_string(&err).unwrap();
        assert!(!wire.contains("SELECT"));
    }

    #[test]
    fn field_errors_are_found_by_field() {
        let mut errs = FieldErrors::default();
        errs.add("title", Msg::ErrTitleMissing);
        assert_eq!(errs.get("title"), Some(Msg::ErrTitleMissing));
        assert_eq!(errs.get("city"), None);
        assert!(errs.into_result(()).is_err());
    }
}
