//! Accounts, sign-in, throttling and sessions, on SQLite and PostgreSQL.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failed unwrap is a failed test

use app::domain::account::{Role, SessionPolicy};
use app::error::AppError;
use app::i18n::Msg;
use app::ssr::services::auth::{self, AuthPolicy, NewAccount};
use app::ssr::AppState;
use testing::{databases, Account};

fn jobseeker(email: &str) -> NewAccount {
    Account::jobseeker(email).municipality(101).postcode("2100").phone("12345678").sign_up()
}

/// Signs up as the sign-up form does, at the state's clock.
async fn sign_up(st: &AppState, new: NewAccount) -> Result<i64, AppError> {
    auth::create_account(&st.db, &st.sealer, new, st.clock.now()).await
}

fn field_error(r: Result<i64, AppError>, field: &str) -> Option<Msg> {
    match r {
        Err(AppError::Invalid(e)) => e.get(field),
        other => panic!("expected field errors, got {other:?}"),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn sign_up_checks_every_field_and_refuses_duplicates() {
    for t in databases("signup").await {
        let st = t.state().await;
        let bad_email = NewAccount { email: "anne@".into(), ..jobseeker("") };
        assert_eq!(field_error(sign_up(&st, bad_email).await, "email"), Some(Msg::ErrEmailInvalid));
        let weak = NewAccount { password: "Password123".into(), ..jobseeker("anne@mail.example") };
        assert_eq!(field_error(sign_up(&st, weak).await, "password"), Some(Msg::ErrPasswordCommon));
        let no_muni = NewAccount { municipality_code: Some(999), ..jobseeker("anne@mail.example") };
        assert_eq!(field_error(sign_up(&st, no_muni).await, "municipality"), Some(Msg::ErrMunicipalityMissing));

        sign_up(&st, jobseeker("Anne@Mail.example")).await.unwrap();
        let again = sign_up(&st, jobseeker("anne@mail.example ")).await;
        assert_eq!(field_error(again, "email"), Some(Msg::ErrEmailTaken), "{}: same address, other case", t.label);

        let employer = |email: &str, cvr: &str| Account::employer(email).company(cvr, "Marstal Havn").sign_up();
        assert_eq!(field_error(sign_up(&st, employer("a@havn.example", "13748137")).await, "cvr"), Some(Msg::ErrCvrChecksum));
        let a = sign_up(&st, employer("a@havn.example", "13748136")).await.unwrap();
        let b = sign_up(&st, employer("b@havn.example", "1374 8136")).await.unwrap();
        let (ua, ub) = (st.db.user_by_id(a).await.unwrap().unwrap(), st.db.user_by_id(b).await.unwrap().unwrap());
        assert!(ua.company_id.is_some() && ua.company_id == ub.company_id, "{}: several users, one company", t.label);
        assert!(ua.password_hash.starts_with("$argon2id$"), "argon2id, never the password");
        st.shutdown().await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn sign_in_sessions_and_sign_out_everywhere() {
    for t in databases("signin").await {
        let st = t.state().await;
        let id = sign_up(&st, jobseeker("lars@mail.example")).await.unwrap();
        let wrong = auth::sign_in(&st, "lars@mail.example", "forkert adgangskode", "10.0.0.1").await;
        assert!(matches!(&wrong, Err(AppError::Invalid(e)) if e.get("password") == Some(Msg::ErrSignInFailed)), "{wrong:?}");
        let unknown = auth::sign_in(&st, "nobody@mail.example", "grøn hest på cykel", "10.0.0.1").await;
        assert!(
            matches!(&unknown, Err(AppError::Invalid(e)) if e.get("password") == Some(Msg::ErrSignInFailed)),
            "same answer for unknown users"
        );

        let one = auth::sign_in(&st, " LARS@mail.example", "grøn hest på cykel", "10.0.0.1").await.unwrap();
        let two = auth::sign_in(&st, "lars@mail.example", "grøn hest på cykel", "10.0.0.2").await.unwrap();
        assert_eq!(one.user.id, id);
        assert_eq!(one.user.municipality_code, Some(101));
        let me = auth::authenticate(&st, &one.token).await.unwrap().expect("live session");
        assert_eq!((me.id, me.role), (id, Role::Jobseeker), "{}", t.label);
        assert!(st.db.session(&one.token).await.unwrap().is_none(), "only the token's hash is stored");
        assert_eq!(auth::authenticate(&st, "not-a-token").await.unwrap(), None);

        auth::sign_out(&st, &one.token).await.unwrap();
        assert_eq!(auth::authenticate(&st, &one.token).await.unwrap(), None);
        let three = auth::sign_in(&st, "lars@mail.example", "grøn hest på cykel", "10.0.0.3").await.unwrap();
        assert_eq!(auth::sign_out_everywhere(&st, id).await.unwrap(), 2);
        assert_eq!(auth::authenticate(&st, &two.token).await.unwrap(), None);
        assert_eq!(auth::authenticate(&st, &three.token).await.unwrap(), None);
        st.shutdown().await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn repeated_failures_pause_sign_in_per_account_and_per_address() {
    for t in databases("throttle").await {
        let st = t.state().await;
        sign_up(&st, jobseeker("mette@mail.example")).await.unwrap();
        sign_up(&st, jobseeker("ida@mail.example")).await.unwrap();
        for _ in 0..4 {
            assert!(auth::sign_in(&st, "mette@mail.example", "forkert forkert", "10.1.1.1").await.is_err());
        }
        // A success before the limit forgets the failures.
        auth::sign_in(&st, "mette@mail.example", "grøn hest på cykel", "10.1.1.1").await.unwrap();
        for _ in 0..5 {
            assert!(auth::sign_in(&st, "mette@mail.example", "forkert forkert", "10.1.1.2").await.is_err());
        }
        let paused = auth::sign_in(&st, "mette@mail.example", "grøn hest på cykel", "10.1.1.2").await;
        assert_eq!(paused.err(), Some(AppError::TooManyAttempts), "{}: from there the right password waits too", t.label);
        // The pause is for that address: a stranger cannot lock the owner out.
        assert!(auth::sign_in(&st, "mette@mail.example", "grøn hest på cykel", "10.1.1.9").await.is_ok(), "{}", t.label);
        assert!(auth::sign_in(&st, "ida@mail.example", "grøn hest på cykel", "10.1.1.2").await.is_ok(), "other accounts are not paused");

        // One address trying many accounts is paused as well.
        let st = AppState {
            auth: AuthPolicy { throttle: app::domain::account::ThrottlePolicy { per_ip: 3, ..Default::default() }, ..st.auth },
            ..st
        };
        for i in 0..3 {
            let _ = auth::sign_in(&st, &format!("guess{i}@mail.example"), "forkert forkert", "10.9.9.9").await;
        }
        let from_attacker = auth::sign_in(&st, "ida@mail.example", "grøn hest på cykel", "10.9.9.9").await;
        assert_eq!(from_attacker.err(), Some(AppError::TooManyAttempts), "{}", t.label);
        st.shutdown().await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn idle_and_old_sessions_end() {
    for t in databases("expiry").await {
        let st = t.state().await;
        sign_up(&st, jobseeker("emil@mail.example")).await.unwrap();
        // Windows of two seconds: wide enough that a loaded machine's pause between
        // signing in and the first check never ends them (200 ms once did, in CI).
        let short = SessionPolicy { idle: chrono::Duration::seconds(2), absolute: chrono::Duration::hours(1) };
        let st = AppState { auth: AuthPolicy { session: short, ..st.auth }, ..st };
        let s = auth::sign_in(&st, "emil@mail.example", "grøn hest på cykel", "10.0.0.1").await.unwrap();
        assert!(auth::authenticate(&st, &s.token).await.unwrap().is_some());
        tokio::time::sleep(std::time::Duration::from_millis(2_300)).await;
        assert_eq!(auth::authenticate(&st, &s.token).await.unwrap(), None, "{}: idle too long", t.label);

        let old = SessionPolicy { idle: chrono::Duration::hours(1), absolute: chrono::Duration::seconds(2) };
        let st = AppState { auth: AuthPolicy { session: old, ..st.auth }, ..st };
        let s = auth::sign_in(&st, "emil@mail.example", "grøn hest på cykel", "10.0.0.1").await.unwrap();
        tokio::time::sleep(std::time::Duration::from_millis(2_300)).await;
        assert_eq!(auth::authenticate(&st, &s.token).await.unwrap(), None, "{}: older than the absolute limit", t.label);
        st.shutdown().await;
    }
}
