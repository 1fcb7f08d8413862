//! The demo data for the jobcentre, on SQLite and PostgreSQL: after one scan,
//! København's queue holds every reason, and most citizens serve themselves.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failed unwrap is a failed test

use app::domain::escalation::{QueueFilter, Reason};
use testing::databases;

#[tokio::test(flavor = "multi_thread")]
async fn københavn_has_a_realistic_mix() {
    for t in databases("demo_mix").await {
        let st = t.state().await;
        let today = st.clock.today();
        server::demo::seed_accounts(&t.db, &st.sealer, &st.clock).await.unwrap();
        let n = server::demo::citizens::seed(&t.db, &st.clock).await.unwrap();
        assert!(n >= 20, "{n}");
        assert_eq!(server::demo::citizens::seed(&t.db, &st.clock).await.unwrap(), 0, "once only");
        app::ssr::services::caseworker::scan::run(&st, "demo", today, st.clock.now()).await.unwrap();

        let karen = st.db.user_by_email("jobkonsulent.kbh@demo.example").await.unwrap().unwrap().to_user().unwrap();
        let queue = app::ssr::services::caseworker::cases::queue(&st, &karen, QueueFilter::default(), today).await.unwrap();
        for reason in Reason::ALL {
            assert!(queue.items.iter().any(|i| i.reason == *reason), "{}: no {reason:?} in {:?}", t.label, queue.items);
        }
        let dash = app::ssr::services::caseworker::cases::overview(&st, &karen, today).await.unwrap();
        assert!(dash.self_service > 3 * dash.caseworker_track && dash.caseworker_track >= 2, "{}: {dash:?}", t.label);
        let aarhus = st.db.user_by_email("jobkonsulent.aarhus@demo.example").await.unwrap().unwrap().to_user().unwrap();
        let theirs = app::ssr::services::caseworker::cases::queue(&st, &aarhus, QueueFilter::default(), today).await.unwrap();
        assert!(theirs.items.is_empty(), "Aarhus sees none of København's");
        st.shutdown().await;
    }
}
