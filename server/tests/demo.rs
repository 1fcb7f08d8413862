//! The demo data, on SQLite and PostgreSQL: after one scan, København's queue
//! holds every reason, and most citizens serve themselves; the demo company has
//! vacancies in every state, a report waits for an administrator, and a request
//! for recruitment help waits in København's business queue.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failed unwrap is a failed test

use app::domain::candidate::ContactStatus;
use app::domain::escalation::{QueueFilter, Reason};
use testing::databases;

#[tokio::test(flavor = "multi_thread")]
async fn københavn_has_a_realistic_mix() {
    for t in databases("demo_mix").await {
        let st = t.state().await;
        let today = st.clock.today();
        server::demo::seed_accounts(&t.db, &st.sealer, &st.clock).await.unwrap();
        assert_eq!(server::demo::company::seed(&t.db, &st.sealer, &st.clock).await.unwrap(), 3);
        assert_eq!(server::demo::company::seed(&t.db, &st.sealer, &st.clock).await.unwrap(), 0, "once only");
        let n = server::demo::citizens::seed(&t.db, &st.clock).await.unwrap();
        assert!(n >= 20, "{n}");
        assert_eq!(server::demo::citizens::seed(&t.db, &st.clock).await.unwrap(), 0, "once only");
        assert_eq!(server::demo::company::seed_contacts(&t.db, &st.clock).await.unwrap(), 3, "{}", t.label);
        assert_eq!(server::demo::company::seed_contacts(&t.db, &st.clock).await.unwrap(), 0, "once only");
        assert_eq!(server::demo::company::seed_business_task(&t.db, &st.clock).await.unwrap(), 1, "{}", t.label);
        assert_eq!(server::demo::company::seed_business_task(&t.db, &st.clock).await.unwrap(), 0, "once only");
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

        let user = |email: &str| {
            let st = st.clone();
            let email = email.to_string();
            async move { st.db.user_by_email(&email).await.unwrap().unwrap().to_user().unwrap() }
        };
        let peter = user("arbejdsgiver@demo.example").await;
        let mut tabs: Vec<_> =
            app::ssr::services::vacancies::of_my_company(&st, &peter).await.unwrap().iter().map(|v| v.tab(today)).collect();
        tabs.sort_by_key(|t| t.code());
        tabs.dedup();
        assert_eq!(tabs.len(), 3, "{}: open, expired and closed: {tabs:?}", t.label);
        let admin = user("admin@demo.example").await;
        assert_eq!(app::ssr::services::reports::queue(&st, &admin).await.unwrap().len(), 1, "{}", t.label);
        // Conversations with candidates in every state, and CVs employers can find.
        let threads = app::ssr::services::candidates::threads(&st, &peter).await.unwrap();
        let mut states: Vec<_> = threads.iter().map(|c| (c.status, c.unread > 0)).collect();
        states.sort_by_key(|s| (s.0.code(), s.1));
        assert_eq!(states.len(), 3, "{}: {threads:?}", t.label);
        assert!(states.contains(&(ContactStatus::Declined, false)) && states.contains(&(ContactStatus::Open, true)), "{states:?}");
        testing::settle(&st).await;
        let found = app::ssr::services::candidates::search(&st, &peter, app::domain::search::SearchQuery::default()).await.unwrap();
        assert!(found.total >= 10, "{}: {} findable CVs", t.label, found.total);
        let agents = app::ssr::services::candidate_agents::list(&st, &peter).await.unwrap();
        assert!(agents.len() == 1 && agents[0].unseen >= 1, "{}: {agents:?}", t.label);
        // A request for help waits in København's business queue, with the demo citizen among its candidates.
        let tasks = app::ssr::services::business::list(&st, &karen).await.unwrap().tasks;
        assert_eq!(tasks.len(), 1, "{}: {tasks:?}", t.label);
        let task = app::ssr::services::business::open(&st, &karen, tasks[0].id, "").await.unwrap();
        let demo = user("borger@demo.example").await;
        assert!(task.search.unwrap().1.hits.iter().any(|h| h.id == demo.id), "{}: Mette is a pædagog in 2100", t.label);
        assert!(app::ssr::services::business::list(&st, &aarhus).await.unwrap().tasks.is_empty(), "{}", t.label);
        let log = app::ssr::services::citizens::accesses(&st, &demo).await.unwrap();
        assert!(log.iter().any(|a| a.actor_company.as_deref() == Some("Marstal Havn ApS")), "{}", t.label);
        st.shutdown().await;
    }
}
