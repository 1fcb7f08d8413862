//! The identity step: accounts, passwords, sessions.
//!
//! This is the one boundary a national login (MitID / NemLog-in over OpenID
//! Connect) would replace: it turns credentials into a session for a `User`. The
//! rest of the app only ever asks `authenticate(token)` who is calling.

use crate::domain::account::{self, Role, SessionPolicy, ThrottlePolicy, User};
use crate::domain::identity::{self, IdError};
use crate::domain::password::{self, PasswordProblem};
use crate::error::{AppError, FieldErrors};
use crate::i18n::Msg;
use crate::ssr::db::{Db, NewUserRow};
use crate::ssr::secrets::Sealer;
use crate::ssr::{blocking, AppState};
use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, SaltString};
use argon2::{Argon2, PasswordHasher, PasswordVerifier};
use chrono::Utc;
use rand::Rng;
use sha2::{Digest, Sha256};
use std::sync::OnceLock;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AuthPolicy {
    pub session: SessionPolicy,
    pub throttle: ThrottlePolicy,
}

/// A new account, as entered (sign-up) or given by an administrator.
#[derive(Clone, Debug)]
pub struct NewAccount {
    pub role: Role,
    pub email: String,
    pub name: String,
    pub phone: Option<String>,
    pub password: String,
    pub municipality_code: Option<u16>,
    /// Employers: the company's CVR number and name.
    pub company: Option<(String, String)>,
    /// Jobseekers: home postcode and CPR number.
    pub postcode: Option<String>,
    pub cpr: Option<String>,
}

/// A signed-in session: the token goes into the cookie, nowhere else.
#[derive(Clone, Debug)]
pub struct SignedIn {
    pub token: String,
    pub user: User,
}

fn password_msg(p: PasswordProblem) -> Msg {
    match p {
        PasswordProblem::TooShort => Msg::ErrPasswordShort,
        PasswordProblem::TooLong => Msg::ErrPasswordLong,
        PasswordProblem::TooCommon => Msg::ErrPasswordCommon,
        PasswordProblem::ContainsEmail => Msg::ErrPasswordEmail,
    }
}

/// Argon2id with its recommended defaults; slow on purpose, so run it off the runtime.
async fn hash_password(password: String) -> Result<String, AppError> {
    blocking(move || {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|e| AppError::internal(format_args!("hashing: {e}")))
    })
    .await
}

/// Checks `password` against `hash`; with no hash (unknown user) it checks against
/// a decoy, so both cases take as long. All of it off the async runtime.
async fn verify_password(password: String, hash: Option<String>) -> Result<bool, AppError> {
    blocking(move || {
        let hash = hash.unwrap_or_else(|| decoy_hash().to_string());
        let parsed = PasswordHash::new(&hash).map_err(|e| AppError::internal(format_args!("stored hash: {e}")))?;
        Ok(Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok())
    })
    .await
}

/// A hash to verify against when the e-mail is unknown, so both cases take as long.
fn decoy_hash() -> &'static str {
    static DECOY: OnceLock<String> = OnceLock::new();
    DECOY.get_or_init(|| {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default().hash_password(b"no such user, no such password", &salt).map(|h| h.to_string()).unwrap_or_default()
    })
}

fn token_hash(token: &str) -> String {
    Sha256::digest(token.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill(&mut bytes);
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Creates an account after checking every field; errors come back per field.
pub async fn create_account(db: &Db, sealer: &Sealer, new: NewAccount) -> Result<i64, AppError> {
    let mut errors = FieldErrors::default();
    let email = account::normalise_email(&new.email);
    if email.is_none() {
        errors.add("email", Msg::ErrEmailInvalid);
    }
    let name = new.name.trim().to_string();
    if name.is_empty() {
        errors.add("name", Msg::ErrNameMissing);
    }
    if let Err(p) = password::check(&new.password, email.as_deref().unwrap_or(&new.email)) {
        errors.add("password", password_msg(p));
    }
    let needs_municipality = matches!(new.role, Role::Caseworker | Role::Jobseeker);
    let municipality = new.municipality_code.filter(|c| crate::domain::municipality::by_code(*c).is_some());
    if needs_municipality && municipality.is_none() {
        errors.add("municipality", Msg::ErrMunicipalityMissing);
    }
    let company = match (&new.role, &new.company) {
        (Role::Employer, Some((cvr, company_name))) => {
            let cvr = identity::cvr(cvr).map_err(|e| {
                errors.add(
                    "cvr",
                    match e {
                        IdError::Missing => Msg::ErrCvrMissing,
                        IdError::Checksum => Msg::ErrCvrChecksum,
                        _ => Msg::ErrCvrInvalid,
                    },
                )
            });
            if company_name.trim().is_empty() {
                errors.add("company", Msg::ErrCompanyMissing);
            }
            cvr.ok().map(|cvr| (cvr, company_name.trim().to_string()))
        }
        (Role::Employer, None) => {
            errors.add("cvr", Msg::ErrCvrMissing);
            None
        }
        _ => None,
    };
    let (postcode, cpr) = if new.role == Role::Jobseeker {
        let postcode = crate::domain::parse::postcode(new.postcode.as_deref().unwrap_or_default())
            .map_err(|m| errors.add("postcode", m))
            .ok();
        let cpr = identity::cpr(new.cpr.as_deref().unwrap_or_default())
            .map_err(|e| {
                errors.add(
                    "cpr",
                    match e {
                        IdError::Missing => Msg::ErrCprMissing,
                        IdError::Date => Msg::ErrCprDate,
                        _ => Msg::ErrCprFormat,
                    },
                )
            })
            .ok();
        (postcode, cpr)
    } else {
        (None, None)
    };
    let email = errors.into_result(email)?.expect("checked above");
    let now = Utc::now();
    let company_id = match company {
        Some((cvr, company_name)) => Some(db.company_for_cvr(&cvr, &company_name, now).await?),
        None => None,
    };
    let row = NewUserRow {
        role: new.role,
        email,
        name,
        phone: new.phone.map(|p| p.trim().to_string()).filter(|p| !p.is_empty()),
        password_hash: hash_password(new.password).await?,
        municipality_code: municipality,
        company_id,
        postcode,
        cpr_sealed: cpr.as_ref().map(|c| sealer.seal(c.digits())).transpose()?,
        cpr_masked: cpr.as_ref().map(|c| c.masked()),
    };
    match db.insert_user(&row, now).await? {
        Some(id) => {
            tracing::info!(user = id, role = row.role.as_str(), "account created");
            Ok(id)
        }
        None => {
            let mut taken = FieldErrors::default();
            taken.add("email", Msg::ErrEmailTaken);
            Err(AppError::Invalid(taken))
        }
    }
}

/// Checks e-mail and password, with throttling per account and per address.
pub async fn sign_in(st: &AppState, email: &str, password: &str, ip: &str) -> Result<SignedIn, AppError> {
    let now = Utc::now();
    let email = account::normalise_email(email).unwrap_or_else(|| email.trim().to_lowercase());
    let (by_account, by_ip) = st.db.login_failures_since(&email, ip, now - st.auth.throttle.window).await?;
    if st.auth.throttle.is_paused(by_account, by_ip) {
        tracing::warn!(ip, "sign-in paused after repeated failures");
        return Err(AppError::TooManyAttempts);
    }
    let user = st.db.user_by_email(&email).await?;
    let hash = user.as_ref().map(|u| u.password_hash.clone());
    let ok = verify_password(password.to_string(), hash).await? && user.is_some();
    let Some(user) = user.filter(|_| ok) else {
        st.db.record_login_failure(&email, ip, now).await?;
        let mut errors = FieldErrors::default();
        errors.add("password", Msg::ErrSignInFailed);
        return Err(AppError::Invalid(errors));
    };
    st.db.clear_login_failures(&email).await?;
    let token = new_token();
    st.db.insert_session(&token_hash(&token), user.id, now).await?;
    Ok(SignedIn { token, user: user.to_user()? })
}

/// Who holds this session token, if it is still live. Ends expired sessions.
pub async fn authenticate(st: &AppState, token: &str) -> Result<Option<User>, AppError> {
    let hash = token_hash(token);
    let Some(session) = st.db.session(&hash).await? else { return Ok(None) };
    let now = Utc::now();
    if !st.auth.session.is_live(session.created_at, session.last_seen_at, now) {
        st.db.delete_session(&hash).await?;
        return Ok(None);
    }
    // Record use at most once a minute: enough for the idle limit, few writes.
    if now - session.last_seen_at > chrono::Duration::minutes(1) {
        st.db.touch_session(&hash, now).await?;
    }
    match st.db.user_by_id(session.user_id).await? {
        Some(row) => Ok(Some(row.to_user()?)),
        None => Ok(None),
    }
}

pub async fn sign_out(st: &AppState, token: &str) -> Result<(), AppError> {
    st.db.delete_session(&token_hash(token)).await
}

/// Ends every session of this user, on every device.
pub async fn sign_out_everywhere(st: &AppState, user_id: i64) -> Result<u64, AppError> {
    st.db.delete_user_sessions(user_id).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_and_stored_only_as_hashes() {
        let (a, b) = (new_token(), new_token());
        assert_ne!(a, b);
        assert_eq!(a.len(), 64);
        assert_eq!(token_hash(&a).len(), 64);
        assert_ne!(token_hash(&a), a);
        assert_eq!(token_hash(&a), token_hash(&a));
    }
}
