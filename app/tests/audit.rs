//! Staff access to citizens: scope, purpose, and the audit rows it leaves, on
//! SQLite and PostgreSQL.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failed unwrap is a failed test

use app::domain::account::Role;
use app::domain::audit::{AuditAction, Purpose};
use app::error::AppError;
use app::ssr::services::citizens;
use app::ssr::AppState;
use testing::{databases, Account};

/// The caseworker's case view of a citizen, as the contact card.
async fn case(
    st: &AppState,
    viewer: &app::domain::account::User,
    id: i64,
    purpose: Purpose,
) -> Result<app::domain::account::CitizenCard, AppError> {
    app::ssr::services::caseworker::cases::case(st, viewer, id, purpose, st.clock.today()).await.map(|c| c.card)
}

#[tokio::test(flavor = "multi_thread")]
async fn caseworker_reads_are_scoped_logged_and_shown_to_the_citizen() {
    for t in databases("audit").await {
        let st = t.state().await;
        let citizen = Account::jobseeker("borger@kbh.example").municipality(101).create(&st).await;
        let kbh = Account::caseworker("cw@kbh.example", 101).create(&st).await;
        let aarhus = Account::caseworker("cw@aarhus.example", 751).create(&st).await;

        // Aarhus may not see a København citizen, and finds nothing by e-mail.
        assert_eq!(case(&st, &aarhus, citizen.id, Purpose::FollowUp).await, Err(AppError::Forbidden), "{}", t.label);
        assert_eq!(citizens::find_by_email(&st, &aarhus, "borger@kbh.example", Purpose::FollowUp).await.unwrap(), None);
        assert!(citizens::accesses(&st, &citizen).await.unwrap().is_empty(), "{}: refused reads leave no access", t.label);

        // København finds and reads; both are logged with purpose and actor.
        let found = citizens::find_by_email(&st, &kbh, " Borger@KBH.example", Purpose::Escalation).await.unwrap().unwrap();
        assert_eq!(found.id, citizen.id);
        let card = case(&st, &kbh, citizen.id, Purpose::Escalation).await.unwrap();
        assert_eq!(card.email, "borger@kbh.example");
        let log = citizens::accesses(&st, &citizen).await.unwrap();
        assert_eq!(log.len(), 2, "{}", t.label);
        assert_eq!(log[0].action, AuditAction::Read, "newest first");
        assert_eq!(log[1].action, AuditAction::Search);
        assert!(log[1].what.contains("borger@kbh.example"), "searches are logged with their terms");
        for a in &log {
            assert_eq!((a.actor_role, a.actor_municipality, a.purpose), (Role::Caseworker, Some(101), Some(Purpose::Escalation)));
        }

        // Only citizens can be read as citizens.
        assert_eq!(case(&st, &kbh, aarhus.id, Purpose::FollowUp).await, Err(AppError::NotFound));

        // The log is append-only in the database itself.
        let tamper = match &t.db {
            app::ssr::db::Db::Sqlite(p) => sqlx::query("DELETE FROM audit_log").execute(p).await.map(|_| ()),
            app::ssr::db::Db::Postgres(p) => sqlx::query("UPDATE audit_log SET purpose = 'x'").execute(p).await.map(|_| ()),
        };
        assert!(tamper.is_err(), "{}: changing the audit log must fail", t.label);
        assert_eq!(citizens::accesses(&st, &citizen).await.unwrap().len(), 2);
        st.shutdown().await;
    }
}
