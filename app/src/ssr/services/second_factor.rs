//! Staff's second factor: setting up an authenticator app, the code step of
//! signing in, recovery codes, and an administrator's reset after a lost phone.
//!
//! Keys are sealed with the server's key (like CPR numbers); recovery codes are
//! stored only as hashes. Every code is counted before it is checked, like a
//! password, and a time step is accepted once only (RFC 6238, section 5.2).

use super::auth::{new_token, refused_event, security_event, token_hash, SignedIn};
use crate::domain::account::User;
use crate::domain::limits::kind;
use crate::domain::second_factor::{self, Entered, SecondFactorView, RECOVERY_CODES};
use crate::error::{AppError, FieldErrors};
use crate::i18n::Msg;
use crate::ssr::AppState;
use rand::Rng;
use sha2::{Digest, Sha256};
use totp_rs::{Builder, Secret, Totp};

/// The name authenticator apps show beside the code.
const ISSUER: &str = "Jobunivers";

/// The authenticator for a key given in base32.
fn authenticator(key_base32: &str, account: &str) -> Result<Totp, AppError> {
    let secret = Secret::try_from_base32(key_base32).map_err(|_| AppError::internal("a stored second-factor key is not base32"))?;
    // A colon would split the label in the app; e-mail addresses rarely have one.
    Builder::new()
        .with_secret(secret)
        .with_account_name(account.replace(':', "_"))
        .with_issuer(Some(ISSUER))
        .build()
        .map_err(|e| AppError::internal(format_args!("second-factor key: {e}")))
}

/// Seconds since 1970 by the service's clock (tests and the 2027 server move it).
fn unix_now(st: &AppState) -> u64 {
    u64::try_from(st.clock.now().timestamp()).unwrap_or(0)
}

/// The code an authenticator with this key shows at `unix_time`: for the demo
/// and for tests, which sign staff in as a person would.
pub fn code_at(key_base32: &str, unix_time: u64) -> Result<String, AppError> {
    Ok(authenticator(key_base32, "")?.generate(unix_time).to_string())
}

fn random_base32(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    rand::rng().fill(&mut buf[..]);
    second_factor::base32(&buf)
}

/// Recovery codes are hashed with their owner, so equal codes of two people
/// (which 80 random bits make absurd anyway) would not even look equal.
fn recovery_hash(user_id: i64, code: &str) -> String {
    Sha256::digest(format!("{user_id}:{code}").as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

/// New recovery codes: the codes to show (sealed together) and their hashes to store.
fn new_recovery_codes(st: &AppState, user_id: i64) -> Result<(String, Vec<String>), AppError> {
    let codes: Vec<String> = (0..RECOVERY_CODES).map(|_| random_base32(10)).collect();
    let hashes = codes.iter().map(|c| recovery_hash(user_id, c)).collect();
    Ok((st.sealer.seal(&codes.join(" "))?, hashes))
}

fn staff(me: &User) -> Result<(), AppError> {
    if second_factor::required(me.role) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// Counts an attempt at a code for this person before it is checked; refuses
/// when there have been too many lately.
async fn count_attempt(st: &AppState, user_id: i64, ip: &str) -> Result<(), AppError> {
    let now = st.clock.now();
    let policy = st.auth.throttle;
    let key = user_id.to_string();
    if st.db.take_event(kind::SECOND_FACTOR, &key, now - policy.window, policy.per_account, now).await?.is_none() {
        refused_event(st, "second-factor-paused", ip, &format!("user {user_id}")).await;
        return Err(AppError::TooManyAttempts);
    }
    Ok(())
}

/// A right code ends the count of wrong ones.
async fn attempts_over(st: &AppState, user_id: i64) -> Result<(), AppError> {
    st.db.clear_events(kind::SECOND_FACTOR, &user_id.to_string()).await
}

fn code_error(msg: Msg) -> AppError {
    FieldErrors::one("kode", msg)
}

/// Checks a typed code against the key in use (`sealed`) or the recovery codes,
/// using it up. `recovery` says whether a recovery code is accepted here.
async fn use_code(st: &AppState, user: &User, sealed: &str, input: &str, recovery: bool, ip: &str) -> Result<(), AppError> {
    match second_factor::parse(input) {
        Some(Entered::Totp(code)) => {
            let totp = authenticator(&st.sealer.open(sealed)?, &user.email)?;
            let step = totp.check(&code, unix_now(st)).ok_or_else(|| code_error(Msg::ErrCodeWrong))?;
            let step = i64::try_from(step).map_err(|_| code_error(Msg::ErrCodeWrong))?;
            if !st.db.use_totp_step(user.id, step).await? {
                return Err(code_error(Msg::ErrCodeUsed));
            }
            Ok(())
        }
        Some(Entered::Recovery(code)) if recovery => {
            if !st.db.use_recovery_code(user.id, &recovery_hash(user.id, &code), st.clock.now()).await? {
                return Err(code_error(Msg::ErrCodeWrong));
            }
            let left = st.db.recovery_codes_left(user.id).await?;
            security_event(st, "recovery-code-used", Some(user.id), ip, &format!("{left} left")).await;
            Ok(())
        }
        Some(Entered::Recovery(_)) => Err(code_error(Msg::ErrCodeNotRecovery)),
        None => Err(code_error(Msg::ErrCodeFormat)),
    }
}

/// The code step of signing in: `token` is the waiting session from the right
/// password. On a right code the waiting session ends and a full one begins.
#[tracing::instrument(skip_all)]
pub async fn complete_sign_in(st: &AppState, token: &str, input: &str, ip: &str) -> Result<SignedIn, AppError> {
    let now = st.clock.now();
    let hash = token_hash(token);
    let session = st.db.session(&hash).await?.filter(|s| s.second_factor_pending);
    let Some(session) = session.filter(|s| now - s.created_at < chrono::Duration::minutes(second_factor::PENDING_MINUTES)) else {
        return Err(code_error(Msg::ErrCodeTooLate));
    };
    count_attempt(st, session.user_id, ip).await?;
    let row =
        st.db.user_by_id(session.user_id).await?.filter(|u| u.deactivated_at.is_none()).ok_or_else(|| code_error(Msg::ErrCodeTooLate))?;
    let user = row.to_user()?;
    let sealed = st.db.second_factor(user.id).await?.totp_sealed.ok_or_else(|| code_error(Msg::ErrCodeTooLate))?;
    use_code(st, &user, &sealed, input, true, ip).await?;
    attempts_over(st, user.id).await?;
    let token = new_token();
    if !st.db.complete_session(&hash, &token_hash(&token), user.id, now).await? {
        // The same waiting session was completed by another request just now.
        return Err(code_error(Msg::ErrCodeTooLate));
    }
    Ok(SignedIn { token, user, second_factor_pending: false })
}

/// What the person's second-factor page shows. While they have none, a key is
/// made (once) for them to set up.
#[tracing::instrument(skip_all)]
pub async fn view(st: &AppState, me: &User) -> Result<SecondFactorView, AppError> {
    staff(me)?;
    let mut row = st.db.second_factor(me.id).await?;
    if row.totp_sealed.is_none() && row.totp_pending_sealed.is_none() {
        // 160 bits, as RFC 4226 recommends.
        st.db.set_pending_totp(me.id, &st.sealer.seal(&random_base32(20))?).await?;
        row = st.db.second_factor(me.id).await?;
    }
    let new_codes = match &row.recovery_unseen_sealed {
        Some(sealed) => st.sealer.open(sealed)?.split_whitespace().map(second_factor::grouped).collect(),
        None => Vec::new(),
    };
    let codes_left = u32::try_from(st.db.recovery_codes_left(me.id).await?).unwrap_or(0);
    let mut view = SecondFactorView { enrolled: row.totp_sealed.is_some(), new_codes, codes_left, ..Default::default() };
    if let (None, Some(pending)) = (&row.totp_sealed, &row.totp_pending_sealed) {
        let key = st.sealer.open(pending)?;
        let uri = authenticator(&key, &me.email)?.to_url().map_err(|e| AppError::internal(format_args!("otpauth address: {e}")))?;
        view.qr_svg = Some(qr_svg(&uri)?);
        view.key = Some(second_factor::grouped(&key));
        view.uri = Some(uri);
    }
    Ok(view)
}

fn qr_svg(text: &str) -> Result<String, AppError> {
    let code = qrcode::QrCode::new(text.as_bytes()).map_err(|e| AppError::internal(format_args!("QR code: {e}")))?;
    Ok(code.render::<qrcode::render::svg::Color>().min_dimensions(200, 200).quiet_zone(true).build())
}

/// Puts the key being set up in use, once the person shows a code from it; gives
/// them recovery codes and ends their other sessions.
#[tracing::instrument(skip_all)]
pub async fn confirm(st: &AppState, me: &User, session_token: &str, input: &str, ip: &str) -> Result<(), AppError> {
    staff(me)?;
    let Some(Entered::Totp(code)) = second_factor::parse(input) else {
        return Err(code_error(Msg::ErrCodeFormat));
    };
    count_attempt(st, me.id, ip).await?;
    let row = st.db.second_factor(me.id).await?;
    let Some(pending) = row.totp_pending_sealed.filter(|_| row.totp_sealed.is_none()) else {
        // Already set up (another tab, or a second click).
        return Ok(());
    };
    let totp = authenticator(&st.sealer.open(&pending)?, &me.email)?;
    let step = totp.check(&code, unix_now(st)).and_then(|s| i64::try_from(s).ok()).ok_or_else(|| code_error(Msg::ErrCodeWrong))?;
    let (unseen, hashes) = new_recovery_codes(st, me.id)?;
    if st.db.confirm_totp(me.id, &pending, step, &hashes, &unseen, &token_hash(session_token)).await? {
        attempts_over(st, me.id).await?;
        security_event(st, "second-factor-set-up", Some(me.id), ip, "").await;
    }
    Ok(())
}

/// New recovery codes in place of the old, after a code from the app.
#[tracing::instrument(skip_all)]
pub async fn replace_recovery_codes(st: &AppState, me: &User, input: &str, ip: &str) -> Result<(), AppError> {
    staff(me)?;
    count_attempt(st, me.id, ip).await?;
    let sealed = st.db.second_factor(me.id).await?.totp_sealed.ok_or(AppError::BadRequest)?;
    use_code(st, me, &sealed, input, false, ip).await?;
    attempts_over(st, me.id).await?;
    let (unseen, hashes) = new_recovery_codes(st, me.id)?;
    st.db.replace_recovery_codes(me.id, &hashes, &unseen).await?;
    security_event(st, "recovery-codes-replaced", Some(me.id), ip, "").await;
    Ok(())
}

/// The person has kept their new recovery codes somewhere safe.
#[tracing::instrument(skip_all)]
pub async fn codes_kept(st: &AppState, me: &User) -> Result<(), AppError> {
    staff(me)?;
    st.db.recovery_codes_kept(me.id).await
}

/// An administrator removes a staff member's second factor (a lost phone, no
/// recovery codes left): they set up a new one at their next sign-in.
#[tracing::instrument(skip_all)]
pub async fn reset(st: &AppState, admin: &User, user_id: i64, ip: &str) -> Result<(), AppError> {
    if admin.role != crate::domain::account::Role::Admin || admin.id == user_id {
        return Err(AppError::Forbidden);
    }
    if !st.db.reset_second_factor(user_id).await? {
        return Err(AppError::NotFound);
    }
    security_event(st, "second-factor-reset", Some(admin.id), ip, &format!("user {user_id}")).await;
    Ok(())
}

/// Gives a staff account this key without setting up (the demo's staff, whose
/// key is published so anyone trying the demo can sign in as them).
#[tracing::instrument(skip_all)]
pub async fn install_key(
    st_db: &crate::ssr::db::Db,
    sealer: &crate::ssr::secrets::Sealer,
    user_id: i64,
    key_base32: &str,
) -> Result<(), AppError> {
    authenticator(key_base32, "")?;
    st_db.set_totp(user_id, &sealer.seal(key_base32)?).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_follow_rfc_6238() {
        // RFC 6238, appendix B: the SHA-1 key "12345678901234567890", eight digits
        // there; six digits are the last six of those.
        let key = second_factor::base32(b"12345678901234567890");
        for (time, code) in [(59, "287082"), (1_111_111_109, "081804"), (1_234_567_890, "005924"), (2_000_000_000, "279037")] {
            assert_eq!(code_at(&key, time).unwrap(), code, "at {time}");
        }
    }

    #[test]
    fn recovery_hashes_depend_on_the_owner() {
        assert_ne!(recovery_hash(1, "ABCD"), recovery_hash(2, "ABCD"));
        assert_eq!(recovery_hash(1, "ABCD"), recovery_hash(1, "ABCD"));
    }
}
