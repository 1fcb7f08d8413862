//! When self-service stalls, on SQLite and PostgreSQL: the escalation scan (rules,
//! idempotence, the lease with two scanners, a citizen it cannot read), the
//! background jobs' leases across nodes, asking for help, and the caseworker's
//! queue and actions as the citizen then sees them.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failed unwrap is a failed test

use app::domain::audit::Purpose;
use app::domain::case::{CaseForm, QueueForm};
use app::domain::contact::MeetingKind;
use app::domain::escalation::{QueueFilter, Reason, Status};
use app::error::AppError;
use app::ssr::services::caseworker::{cases, scan};
use app::ssr::services::jobs;
use app::ssr::services::jobseeker::contact;
use chrono::{Duration, NaiveDate};
use testing::{databases, Account};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn reasons(rows: &[app::ssr::db::EscalationRow]) -> Vec<(String, String)> {
    rows.iter().map(|r| (r.reason.clone(), r.status.clone())).collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_scan_raises_what_is_due_once_and_one_node_at_a_time() {
    for t in databases("scan").await {
        let st = t.state_at(testing::at("2026-11-23T09:00:00Z")).await;
        // Registered 3 Nov with an empty CV; today is 23 Nov: 20 days, and no joblog
        // activity for 20 days (not yet 30).
        let late = Account::jobseeker("late@mail.example").municipality(101).create(&st).await;
        app::ssr::services::jobseeker::profile(&st, &late, d("2026-11-03")).await.unwrap();
        let fresh = Account::jobseeker("fresh@mail.example").municipality(101).create(&st).await;
        app::ssr::services::jobseeker::profile(&st, &fresh, d("2026-11-20")).await.unwrap();
        let (now, today) = (st.clock.now(), st.clock.today());
        assert_eq!(today, d("2026-11-23"));

        // Two scanners at once: one gets the lease, the other stands back.
        let (a, b) = tokio::join!(scan::run(&st, "node-a", today, now), scan::run(&st, "node-b", today, now));
        let outcomes = [a.unwrap(), b.unwrap()];
        let (holder, other) = if outcomes[0] == scan::Outcome::Busy { ("node-b", "node-a") } else { ("node-a", "node-b") };
        assert_eq!(outcomes.iter().filter(|o| **o == scan::Outcome::Busy).count(), 1, "{}: {outcomes:?}", t.label);
        assert!(outcomes.contains(&scan::Outcome::Ran { citizens: 2, raised: 1 }), "{}: {outcomes:?}", t.label);
        assert_eq!(reasons(&st.db.escalations_for(late.id).await.unwrap()), [("cv_incomplete".to_string(), "open".to_string())]);
        assert!(st.db.escalations_for(fresh.id).await.unwrap().is_empty());

        // The holder runs again at once (idempotent: nothing new); the other node only
        // when the lease has run out.
        assert_eq!(scan::run(&st, holder, today, now).await.unwrap(), scan::Outcome::Ran { citizens: 2, raised: 0 });
        assert_eq!(scan::run(&st, other, today, now).await.unwrap(), scan::Outcome::Busy);
        let later = now + Duration::milliseconds(scan::LEASE_MS + 1);
        assert_eq!(scan::run(&st, other, today, later).await.unwrap(), scan::Outcome::Ran { citizens: 2, raised: 0 });
        assert_eq!(st.db.escalations_for(late.id).await.unwrap().len(), 1, "{}: one open per reason", t.label);

        // Three weeks on, nothing logged: the joblog rules speak for the first (41
        // days quiet, two full weeks behind), the CV rule for the second; the first's
        // CV reason is still open, so it is not raised again.
        st.clock.advance(Duration::weeks(3));
        let raised = scan::run(&st, other, st.clock.today(), st.clock.now()).await.unwrap();
        assert_eq!(raised, scan::Outcome::Ran { citizens: 2, raised: 3 }, "{}", t.label);
        let rows = st.db.escalations_for(late.id).await.unwrap();
        let mut got: Vec<String> = rows.iter().map(|r| r.reason.clone()).collect();
        got.sort();
        assert_eq!(got, ["cv_incomplete", "joblog_behind", "joblog_inactive"], "{}", t.label);
        // The citizen was told, with the reason.
        let notices = app::ssr::services::jobseeker::overview::notifications(&st, &late, 20).await.unwrap();
        assert!(notices.iter().any(|n| n.notice == app::domain::jobseeker::Notice::Escalated { reason: Reason::CvIncomplete }));
        st.shutdown().await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_citizen_the_scan_cannot_read_is_recorded_and_the_rest_are_scanned() {
    for t in databases("scan-failure").await {
        let st = t.state_at(testing::at("2026-11-23T09:00:00Z")).await;
        let broken = Account::jobseeker("broken@mail.example").municipality(101).create(&st).await;
        let late = Account::jobseeker("late@mail.example").municipality(101).create(&st).await;
        for who in [&broken, &late] {
            app::ssr::services::jobseeker::profile(&st, who, d("2026-11-03")).await.unwrap();
        }
        // The first citizen's stored screening cannot be read (as after a bad edit
        // by hand): their scan fails, and the scan goes on to the next.
        st.db.save_screening(broken.id, "{not json", "[]", st.clock.now()).await.unwrap();
        let outcome = scan::run(&st, &st.node, st.clock.today(), st.clock.now()).await.unwrap();
        assert_eq!(outcome, scan::Outcome::Ran { citizens: 2, raised: 1 }, "{}", t.label);
        assert_eq!(reasons(&st.db.escalations_for(late.id).await.unwrap()), [("cv_incomplete".to_string(), "open".to_string())]);
        let failures = st.db.latest_job_failures(10).await.unwrap();
        assert_eq!(failures.len(), 1, "{}: {failures:?}", t.label);
        let (job, item, error, node, _) = &failures[0];
        assert_eq!((job.as_str(), item.as_str(), node.as_str()), ("escalation_scan", &*format!("user {}", broken.id), &*st.node));
        // An internal fault is recorded by its reference; the log has the detail.
        assert!(error.starts_with("internal error, reference "), "{}: {error}", t.label);
        let since = st.clock.now() - Duration::hours(1);
        assert_eq!(st.db.job_failures_since(since).await.unwrap(), [("escalation_scan".to_string(), 1)]);
        // Kept for a month, then pruned.
        assert_eq!(st.db.prune_job_failures(st.clock.now() - jobs::KEEP_FAILURES).await.unwrap(), 0);
        assert_eq!(st.db.prune_job_failures(st.clock.now() + Duration::seconds(1)).await.unwrap(), 1);
        st.shutdown().await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn each_job_runs_on_one_node_and_moves_when_that_node_is_gone() {
    for t in databases("job-lease").await {
        let a = t.state_at(testing::at("2026-11-23T09:00:00Z")).await;
        let b = t.state_with(&t.dir().join("index-b"), a.clock.clone()).await;
        assert_ne!(a.node, b.node);
        let every = std::time::Duration::from_secs(60);
        // Both nodes' timers fire at once: one takes the lease.
        let (got_a, got_b) = tokio::join!(jobs::lease(&a, jobs::MAIL, every), jobs::lease(&b, jobs::MAIL, every));
        assert!(got_a.unwrap() ^ got_b.unwrap(), "{}: exactly one node runs the job", t.label);
        let (holder, other) = if jobs::lease(&a, jobs::MAIL, every).await.unwrap() { (&a, &b) } else { (&b, &a) };
        // The holder keeps it turn after turn; each job has a lease of its own.
        a.clock.advance(Duration::seconds(60));
        assert!(jobs::lease(holder, jobs::MAIL, every).await.unwrap());
        assert!(!jobs::lease(other, jobs::MAIL, every).await.unwrap());
        assert!(jobs::lease(other, jobs::CHECKS, every).await.unwrap());
        // The holder stops (no more turns): two periods on, the other takes over.
        a.clock.advance(Duration::seconds(119));
        assert!(!jobs::lease(other, jobs::MAIL, every).await.unwrap(), "{}", t.label);
        a.clock.advance(Duration::seconds(2));
        assert!(jobs::lease(other, jobs::MAIL, every).await.unwrap(), "{}", t.label);
        assert!(!jobs::lease(holder, jobs::MAIL, every).await.unwrap(), "{}", t.label);
        a.shutdown().await;
        b.shutdown().await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn help_reaches_the_right_jobcentre_and_the_caseworker_acts() {
    for t in databases("help").await {
        let st = t.state().await;
        let today = st.clock.today();
        let me = Account::jobseeker("mette@mail.example").municipality(101).create(&st).await;
        let kbh = Account::caseworker("karen@kk.example", 101).create(&st).await;
        let colleague = Account::caseworker("bo@kk.example", 101).create(&st).await;
        let aarhus = Account::caseworker("ahmad@aarhus.example", 751).create(&st).await;

        // The citizen asks for help with a message; asking again adds nothing new.
        let too_long = "x".repeat(5000);
        assert!(matches!(contact::ask_help(&st, &me, &too_long, today).await, Err(AppError::Invalid(_))));
        contact::ask_help(&st, &me, "Jeg har brug for hjælp til mit CV.", today).await.unwrap();
        contact::ask_help(&st, &me, "", today).await.unwrap();
        assert_eq!(
            reasons(&st.db.escalations_for(me.id).await.unwrap()),
            [("help_requested".to_string(), "open".to_string())],
            "{}",
            t.label
        );

        // In København's queue, not in Aarhus's.
        let q = cases::queue(&st, &kbh, QueueFilter::default(), today).await.unwrap();
        assert_eq!(q.items.iter().map(|i| (i.citizen_id, i.reason)).collect::<Vec<_>>(), [(me.id, Reason::HelpRequested)], "{}", t.label);
        assert!(q.items[0].due_on > today, "a due date in working days");
        assert_eq!(q.items[0].unread, 1, "the help message waits unread");
        assert!(cases::queue(&st, &aarhus, QueueFilter::default(), today).await.unwrap().items.is_empty());
        let esc = q.items[0].id.to_string();
        let refused = cases::assign(&st, &aarhus, &QueueForm { action: "claim".into(), id: esc.clone(), to: String::new() }).await;
        assert_eq!(refused, Err(AppError::Forbidden));
        cases::assign(&st, &kbh, &QueueForm { action: "claim".into(), id: esc.clone(), to: String::new() }).await.unwrap();
        let mine = QueueFilter { who: app::domain::escalation::Who::Mine, ..Default::default() };
        assert_eq!(cases::queue(&st, &kbh, mine.clone(), today).await.unwrap().items.len(), 1);
        cases::assign(&st, &kbh, &QueueForm { action: "assign".into(), id: esc.clone(), to: colleague.id.to_string() }).await.unwrap();
        assert!(cases::queue(&st, &kbh, mine, today).await.unwrap().items.is_empty());
        let outsider = cases::assign(&st, &kbh, &QueueForm { action: "assign".into(), id: esc, to: aarhus.id.to_string() }).await;
        assert!(matches!(outsider, Err(AppError::Invalid(_))), "only colleagues of the same municipality");

        // Opening the case is logged with its purpose, and the citizen sees it.
        let case = cases::case(&st, &kbh, me.id, Purpose::Escalation, today).await.unwrap();
        assert_eq!((case.open.len(), case.messages.len()), (1, 1));
        // The citizen sees each list that named them (twice in the queue), the task
        // taken and handed on, and the case opened.
        let seen: Vec<String> = app::ssr::services::citizens::accesses(&st, &me).await.unwrap().into_iter().map(|a| a.what).collect();
        assert_eq!(seen.iter().filter(|w| w.starts_with("arbejdskø")).count(), 2, "{}: {seen:?}", t.label);
        assert_eq!(seen.iter().filter(|w| w.starts_with("opgave")).count(), 2, "{}: {seen:?}", t.label);
        assert_eq!(seen.iter().filter(|w| w.starts_with("sag")).count(), 1, "{}: {seen:?}", t.label);
        assert_eq!(cases::case(&st, &aarhus, me.id, Purpose::Escalation, today).await, Err(AppError::Forbidden));

        // A message, a phone meeting, a journal note; bad input is refused per field.
        let me_id = me.id;
        let act = |form: CaseForm| {
            let (st, kbh) = (st.clone(), kbh.clone());
            async move { cases::act(&st, &kbh, me_id, &form).await }
        };
        act(CaseForm { action: "message".into(), body: "Hej Mette, jeg ringer dig op.".into(), ..Default::default() }).await.unwrap();
        let when = (today + Duration::days(3)).format("%d-%m-%Y").to_string();
        let past = act(CaseForm {
            action: "meeting".into(),
            meeting_kind: "telefon".into(),
            meeting_date: "01-01-2020".into(),
            meeting_time: "10.00".into(),
            ..Default::default()
        })
        .await;
        assert!(matches!(past, Err(AppError::Invalid(e)) if e.get("meeting_date").is_some()));
        act(CaseForm {
            action: "meeting".into(),
            meeting_kind: "telefon".into(),
            meeting_date: when,
            meeting_time: "10.00".into(),
            ..Default::default()
        })
        .await
        .unwrap();
        act(CaseForm { action: "note".into(), note: "Aftalt telefonmøde om CV.".into(), ..Default::default() }).await.unwrap();
        let empty = act(CaseForm { action: "resolve".into(), resolution: " ".into(), ..Default::default() }).await;
        assert!(matches!(empty, Err(AppError::Invalid(e)) if e.get("resolution").is_some()));
        act(CaseForm { action: "resolve".into(), resolution: "Vi har talt om dit CV. Du fortsætter selv.".into(), ..Default::default() })
            .await
            .unwrap();
        assert_eq!(
            cases::act(&st, &aarhus, me.id, &CaseForm { action: "note".into(), note: "x".into(), ..Default::default() }).await,
            Err(AppError::Forbidden)
        );

        // The citizen sees the resolution, the meeting and one unread message.
        let mine = contact::mine(&st, &me).await.unwrap();
        assert_eq!(mine.escalations.len(), 1);
        assert_eq!(
            (mine.escalations[0].status, mine.escalations[0].resolution.as_str()),
            (Status::Resolved, "Vi har talt om dit CV. Du fortsætter selv.")
        );
        assert_eq!(mine.meetings.iter().map(|m| m.kind).collect::<Vec<_>>(), [MeetingKind::Phone]);
        assert_eq!(mine.unread, 1, "{}", t.label);
        let thread = contact::messages(&st, &me).await.unwrap();
        assert_eq!(thread.iter().map(|m| m.from_citizen).collect::<Vec<_>>(), [true, false]);
        assert_eq!(contact::mine(&st, &me).await.unwrap().unread, 0, "read once shown");
        contact::confirm_meeting(&st, &me, mine.meetings[0].id).await.unwrap();
        assert_eq!(contact::confirm_meeting(&st, &me, mine.meetings[0].id).await, Err(AppError::NotFound), "only a booked meeting");
        // The caseworker cancels it; the citizen sees that, and it cannot be cancelled twice.
        let cancel = CaseForm { action: "cancel_meeting".into(), meeting_id: mine.meetings[0].id.to_string(), ..Default::default() };
        act(cancel.clone()).await.unwrap();
        assert_eq!(act(cancel).await, Err(AppError::NotFound));
        let after = contact::mine(&st, &me).await.unwrap();
        assert_eq!(after.meetings[0].status, app::domain::contact::MeetingStatus::Cancelled);
        let queue = cases::queue(&st, &kbh, QueueFilter::default(), today).await.unwrap();
        assert!(queue.items.is_empty(), "resolved: out of the queue");
        let dash = cases::overview(&st, &kbh, today).await.unwrap();
        assert_eq!((dash.self_service, dash.closed), (1, 1), "{}", t.label);
        st.shutdown().await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_screening_routes_by_the_answers_once() {
    use app::domain::screening::{Flag, ScreeningForm};
    for t in databases("screening").await {
        let st = t.state().await;
        let today = st.clock.today();
        let form = |help: &str| ScreeningForm {
            time_to_job: "under-3-mdr".into(),
            health: "ingen".into(),
            wants_help: help.into(),
            language: "godt".into(),
            digital: "sikker".into(),
        };
        let ready = Account::jobseeker("klar@mail.example").municipality(101).create(&st).await;
        assert!(matches!(contact::screen(&st, &ready, &ScreeningForm::default(), today).await, Err(AppError::Invalid(e)) if e.len() == 5));
        let s = contact::screen(&st, &ready, &form("nej"), today).await.unwrap();
        assert!(!s.to_caseworker());
        assert!(st.db.escalations_for(ready.id).await.unwrap().is_empty(), "{}", t.label);

        let helped = Account::jobseeker("hjaelp@mail.example").municipality(101).create(&st).await;
        let s = contact::screen(&st, &helped, &form("ja"), today).await.unwrap();
        assert_eq!(s.flags, [Flag::WantsHelp]);
        // Answered once: a second answer changes nothing.
        assert_eq!(contact::screen(&st, &helped, &form("nej"), today).await.unwrap().flags, [Flag::WantsHelp]);
        assert_eq!(
            reasons(&st.db.escalations_for(helped.id).await.unwrap()),
            [("screening".to_string(), "open".to_string())],
            "{}",
            t.label
        );
        // The scan agrees and raises nothing more.
        assert_eq!(scan::run(&st, "node", today, st.clock.now()).await.unwrap(), scan::Outcome::Ran { citizens: 2, raised: 0 });
        let kbh = Account::caseworker("karen@kk.example", 101).create(&st).await;
        let case = cases::case(&st, &kbh, helped.id, Purpose::Escalation, today).await.unwrap();
        assert_eq!(case.screening.map(|s| s.flags), Some(vec![Flag::WantsHelp]));
        st.shutdown().await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_municipality_sets_its_own_rules_as_recorded_versions() {
    use app::domain::escalation::{EscalationRules, RulesForm};
    use app::ssr::services::caseworker::rules;
    for t in databases("own_rules").await {
        let st = t.state().await;
        let admin = Account::admin("sofie@admin.example").create(&st).await;
        let kbh = Account::caseworker("karen@kk.example", 101).create(&st).await;
        // København: a two-week self-service period and five working days to act.
        let form = RulesForm {
            self_service_weeks: "2".into(),
            service_level_days: "5".into(),
            note: "Forsøg med kort selvbetjening".into(),
            ..RulesForm::from_rules(101, &EscalationRules::default())
        };
        assert_eq!(rules::change(&st, &kbh, &form).await, Err(AppError::Forbidden), "administrators only");
        assert!(matches!(
            rules::change(&st, &admin, &RulesForm { quiet_days: "100".into(), ..form.clone() }).await,
            Err(AppError::Invalid(_))
        ));
        assert_eq!(rules::change(&st, &admin, &form).await.unwrap(), 101);
        let page = rules::page(&st, &admin, 101).await.unwrap();
        assert_eq!(
            (page.current.self_service_weeks, page.history.len(), page.history[0].changed_by.as_str()),
            (2, 1, "Sofie Dam"),
            "{}",
            t.label
        );
        assert_eq!(rules::page(&st, &admin, 751).await.unwrap().current, EscalationRules::default());

        // Registered 15 days ago in each city: København's period has ended, Aarhus's not.
        let today = d("2026-11-23");
        let in_kbh = Account::jobseeker("kbh@mail.example").municipality(101).create(&st).await;
        let in_aarhus = Account::jobseeker("aarhus@mail.example").municipality(751).create(&st).await;
        for who in [&in_kbh, &in_aarhus] {
            app::ssr::services::jobseeker::profile(&st, who, d("2026-11-08")).await.unwrap();
        }
        scan::run(&st, "node", today, st.clock.now()).await.unwrap();
        let kinds = |rows: Vec<app::ssr::db::EscalationRow>| {
            let mut r: Vec<String> = rows.into_iter().map(|e| e.reason).collect();
            r.sort();
            r
        };
        assert_eq!(kinds(st.db.escalations_for(in_kbh.id).await.unwrap()), ["cv_incomplete", "period_ended"], "{}", t.label);
        assert_eq!(kinds(st.db.escalations_for(in_aarhus.id).await.unwrap()), ["cv_incomplete"]);
        let due = st.db.escalations_for(in_kbh.id).await.unwrap()[0].due_on;
        assert_eq!(due, Some(d("2026-11-30")), "five working days from Monday 23 November");
        st.shutdown().await;
    }
}
