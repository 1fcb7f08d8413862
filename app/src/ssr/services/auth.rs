//! The identity step: accounts, passwords, sessions.
//!
//! This is the one boundary a national login (MitID / NemLog-in over OpenID
//! Connect) would replace: it turns credentials into a session for a `User`. The
//! rest of the app only ever asks `authenticate(token)` who is calling.

use crate::domain::account::{self, CompanyRole, Role, SessionPolicy, ThrottlePolicy, User};
use crate::domain::identity::{self, IdError};
use crate::domain::limits::{self, kind};
use crate::domain::password::{self, PasswordProblem};
use crate::error::{AppError, FieldErrors};
use crate::i18n::Msg;
use crate::ssr::db::{Db, NewUserRow};
use crate::ssr::gates::{self, Gate};
use crate::ssr::secrets::Sealer;
use crate::ssr::AppState;
use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, SaltString};
use argon2::{Argon2, PasswordHasher, PasswordVerifier};
use chrono::{DateTime, Utc};
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
    /// The language they signed up in: what we send them is in it.
    pub lang: crate::i18n::Lang,
}

/// A signed-in session: the token goes into the cookie, nowhere else.
#[derive(Clone, Debug)]
pub struct SignedIn {
    pub token: String,
    pub user: User,
    /// Staff with a second factor: the password was right, the code is still to
    /// come (`second_factor::complete_sign_in`); the session signs no one in yet.
    pub second_factor_pending: bool,
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
    gates::run(Gate::Hashing, move || {
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
    gates::run(Gate::Hashing, move || {
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

pub(super) fn token_hash(token: &str) -> String {
    Sha256::digest(token.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

pub(super) fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill(&mut bytes);
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Creates an account after checking every field; errors come back per field.
#[tracing::instrument(skip_all)]
pub async fn create_account(db: &Db, sealer: &Sealer, new: NewAccount, now: DateTime<Utc>) -> Result<i64, AppError> {
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
            let cvr = identity::cvr(cvr).map_err(|e| errors.add("cvr", e.cvr_message()));
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
        let postcode =
            crate::domain::parse::postcode(new.postcode.as_deref().unwrap_or_default()).map_err(|m| errors.add("postcode", m)).ok();
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
    let email = errors.into_result(email)?.ok_or(AppError::BadRequest)?;
    // The first user of a CVR number creates the company and administers it; a
    // CVR number is public, so anyone later only asks to join.
    let (company_id, company_role) = match company {
        Some((cvr, company_name)) => {
            let (id, created) = db.company_for_cvr(&cvr, &company_name, now).await?;
            (Some(id), Some(if created { CompanyRole::Admin } else { CompanyRole::Pending }))
        }
        None => (None, None),
    };
    let row = NewUserRow {
        role: new.role,
        email,
        name,
        phone: new.phone.map(|p| p.trim().to_string()).filter(|p| !p.is_empty()),
        password_hash: hash_password(new.password).await?,
        municipality_code: municipality,
        company_id,
        company_role,
        postcode,
        cpr_sealed: cpr.as_ref().map(|c| sealer.seal(c.digits())).transpose()?,
        cpr_masked: cpr.as_ref().map(|c| c.masked()),
        lang: new.lang,
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

/// Signs a new person up from the public pages: at most a few accounts an hour
/// from one address, then signed in at once.
#[tracing::instrument(skip_all)]
pub async fn sign_up(st: &AppState, new: NewAccount, ip: &str) -> Result<SignedIn, AppError> {
    let now = st.clock.now();
    let limit = limits::SIGN_UPS_PER_ADDRESS;
    let Some(event) = st.db.take_event(kind::SIGN_UP, ip, now - limit.window, limit.count, now).await? else {
        refused_event(st, "sign-up-paused", ip, "").await;
        return Err(AppError::TooManyAttempts);
    };
    let id = match create_account(&st.db, &st.sealer, new, st.clock.now()).await {
        Ok(id) => id,
        Err(e) => {
            // A form with mistakes is no new account: it does not count.
            st.db.remove_events(&[event]).await?;
            return Err(e);
        }
    };
    let user = st.db.user_by_id(id).await?.ok_or(AppError::NotFound)?.to_user()?;
    let token = new_token();
    st.db.insert_session(&token_hash(&token), user.id, now).await?;
    Ok(SignedIn { token, user, second_factor_pending: false })
}

/// Checks e-mail and password, throttled per account-and-address and per address.
///
/// Each attempt is counted before the password is checked, so parallel guesses
/// cannot all get through. The account's limit is per address, so a stranger
/// cannot lock the owner out from elsewhere; a refused attempt is not counted, so
/// the pause ends a window after the last real failure.
#[tracing::instrument(skip_all)]
pub async fn sign_in(st: &AppState, email: &str, password: &str, ip: &str) -> Result<SignedIn, AppError> {
    let now = st.clock.now();
    let email = account::normalise_email(email).unwrap_or_else(|| email.trim().to_lowercase().chars().take(254).collect());
    let (since, policy) = (now - st.auth.throttle.window, st.auth.throttle);
    let pair = format!("{email} {ip}");
    let pair_event = st.db.take_event(kind::SIGN_IN, &pair, since, policy.per_account, now).await?;
    let ip_event = match pair_event {
        Some(_) => st.db.take_event(kind::SIGN_IN_ADDRESS, ip, since, policy.per_ip, now).await?,
        None => None,
    };
    let (Some(pair_event), Some(ip_event)) = (pair_event, ip_event) else {
        if let Some(taken) = pair_event {
            st.db.remove_events(&[taken]).await?;
        }
        tracing::warn!(ip, "sign-in paused after repeated failures");
        refused_event(st, "sign-in-paused", ip, &email).await;
        return Err(AppError::TooManyAttempts);
    };
    let user = st.db.user_by_email(&email).await?.filter(|u| u.deactivated_at.is_none());
    let hash = user.as_ref().map(|u| u.password_hash.clone());
    let ok = verify_password(password.to_string(), hash).await? && user.is_some();
    let Some(user) = user.filter(|_| ok) else {
        // The events stay: they are this failure.
        return Err(FieldErrors::one("password", Msg::ErrSignInFailed));
    };
    st.db.clear_events(kind::SIGN_IN, &pair).await?;
    st.db.remove_events(&[pair_event, ip_event]).await?;
    let token = new_token();
    let user = user.to_user()?;
    // Staff with a second factor get a session that waits for their code; staff
    // without one are signed in, but may do nothing before they set one up.
    let pending = crate::domain::second_factor::required(user.role) && user.second_factor;
    if pending {
        st.db.insert_pending_session(&token_hash(&token), user.id, now).await?;
    } else {
        st.db.insert_session(&token_hash(&token), user.id, now).await?;
    }
    Ok(SignedIn { token, user, second_factor_pending: pending })
}

/// Changes the signed-in person's password after checking the current one (counted
/// like a sign-in, so it is no way around the throttle), and ends their other
/// sessions: whoever else knew the old password is signed out.
#[tracing::instrument(skip_all)]
pub async fn change_password(st: &AppState, me: &User, session_token: &str, current: &str, new: &str, ip: &str) -> Result<(), AppError> {
    let now = st.clock.now();
    if let Err(p) = password::check(new, &me.email) {
        return Err(FieldErrors::one("new", password_msg(p)));
    }
    let pair = format!("{} {ip}", me.email);
    if st.db.take_event(kind::SIGN_IN, &pair, now - st.auth.throttle.window, st.auth.throttle.per_account, now).await?.is_none() {
        return Err(AppError::TooManyAttempts);
    }
    let row = st.db.user_by_id(me.id).await?.ok_or(AppError::Unauthenticated)?;
    if !verify_password(current.to_string(), Some(row.password_hash)).await? {
        return Err(FieldErrors::one("current", Msg::ErrCurrentPassword));
    }
    st.db.clear_events(kind::SIGN_IN, &pair).await?;
    let hash = hash_password(new.to_string()).await?;
    st.db.set_password(me.id, &hash, &token_hash(session_token)).await?;
    tracing::info!(user = me.id, "password changed; other sessions ended");
    Ok(())
}

/// Writes a refused attempt to the security log, at most
/// `gates::SECURITY_EVENTS_PER_MINUTE` an address a minute, so a flood of refused
/// attempts is no flood of writes. (Changes of rights always go through
/// `security_event`.)
pub(super) async fn refused_event(st: &AppState, kind: &str, ip: &str, detail: &str) {
    if gates::security_event_allowed(ip, st.clock.now()) {
        security_event(st, kind, None, ip, detail).await;
    } else {
        tracing::warn!(kind, ip, "refused attempt not written to the security log (too many from this address)");
    }
}

/// Writes a security event; a failure to write is logged, never shown (the
/// answer the person gets does not depend on it).
#[tracing::instrument(skip_all)]
pub async fn security_event(st: &AppState, kind: &str, user_id: Option<i64>, ip: &str, detail: &str) {
    let event = crate::ssr::db::NewSecurityEvent { kind, user_id, ip, method: "", path: "", detail };
    if let Err(e) = st.db.insert_security_event(&event, st.clock.now()).await {
        tracing::warn!(kind, error = %e, "security event not stored");
    }
}

/// Who holds this session token, if it is still live. Ends expired sessions.
#[tracing::instrument(skip_all)]
pub async fn authenticate(st: &AppState, token: &str) -> Result<Option<User>, AppError> {
    let hash = token_hash(token);
    // A session waiting for its second factor signs no one in.
    let Some(session) = st.db.session(&hash).await?.filter(|s| !s.second_factor_pending) else { return Ok(None) };
    let now = st.clock.now();
    if !st.auth.session.is_live(session.created_at, session.last_seen_at, now) {
        st.db.delete_session(&hash).await?;
        return Ok(None);
    }
    // Record use at most once a minute: enough for the idle limit, few writes.
    if now - session.last_seen_at > chrono::Duration::minutes(1) {
        st.db.touch_session(&hash, now).await?;
    }
    match st.db.user_by_id(session.user_id).await? {
        Some(row) if row.deactivated_at.is_none() => Ok(Some(row.to_user()?)),
        _ => Ok(None),
    }
}

#[tracing::instrument(skip_all)]
pub async fn sign_out(st: &AppState, token: &str) -> Result<(), AppError> {
    st.db.delete_session(&token_hash(token)).await
}

/// Ends every session of this user, on every device.
#[tracing::instrument(skip_all)]
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
