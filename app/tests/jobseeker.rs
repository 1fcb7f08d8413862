//! Jobseeker self-service through its services, on SQLite and PostgreSQL: CV and
//! its visibility, joblog with ownership and files, availability, and the 7-day
//! check with reminders, grace and escalation.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failed unwrap is a failed test

use app::domain::availability::AvailabilityForm;
use app::domain::calendar::{MissOutcome, Sweep};
use app::domain::cv::{CvForm, Section};
use app::domain::joblog::{JoblogForm, Kind, Status};
use app::domain::jobseeker::{CheckEventKind, Notice};
use app::error::AppError;
use app::i18n::Msg;
use app::ssr::services::jobseeker::{availability, checks, cv, joblog, overview};
use chrono::{Duration, NaiveDate};
use testing::{complete_cv, cv_form, databases, Account, CvFacts};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn field_error<T: std::fmt::Debug>(r: Result<T, AppError>, field: &str) -> Option<Msg> {
    match r {
        Err(AppError::Invalid(e)) => e.get(field),
        other => panic!("expected field errors, got {other:?}"),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_cv_becomes_searchable_when_complete_and_hides_while_sick() {
    for t in databases("cv").await {
        let st = t.state().await;
        let today = st.clock.today();
        let me = Account::jobseeker("anne@mail.example").municipality(751).create(&st).await;
        let v = cv::view(&st, &me, today).await.unwrap();
        assert_eq!(v.percent, 0);
        assert_eq!(v.deadline, Some(today + Duration::days(14)), "{}: 14 days from registration", t.label);
        // A rejected edit saves nothing.
        let bad = cv_form(Section::Contact, |f| f.phone = "12".into());
        assert_eq!(field_error(cv::edit(&st, &me, &bad, today).await, "phone"), Some(Msg::ErrPhoneInvalid));
        assert_eq!(cv::view(&st, &me, today).await.unwrap().cv, v.cv);

        complete_cv(&st, &me, CvFacts::default()).await;
        let v = cv::view(&st, &me, today).await.unwrap();
        assert!(v.missing.is_empty() && v.searchable && v.deadline.is_none(), "{}: {v:?}", t.label);
        assert_eq!(st.db.count_searchable_cvs().await.unwrap(), 1);
        let notes = overview::notifications(&st, &me, 10).await.unwrap();
        assert_eq!(notes.iter().filter(|n| n.notice == Notice::CvSearchable).count(), 1, "{}: told once", t.label);

        let sick = AvailabilityForm { action: "sick".into(), ..Default::default() };
        availability::report(&st, &me, &sick, today).await.unwrap();
        assert_eq!(st.db.count_searchable_cvs().await.unwrap(), 0, "{}: hidden while sick", t.label);
        assert!(!cv::view(&st, &me, today).await.unwrap().searchable);
        let well = AvailabilityForm { action: "well".into(), ..Default::default() };
        availability::report(&st, &me, &well, today).await.unwrap();
        assert_eq!(st.db.count_searchable_cvs().await.unwrap(), 1);

        // Removing a mandatory part hides it again.
        let remove = CvForm { section: "erfaring".into(), action: "remove".into(), index: "0".into(), ..Default::default() };
        cv::edit(&st, &me, &remove, today).await.unwrap();
        assert_eq!(st.db.count_searchable_cvs().await.unwrap(), 0);
        st.shutdown().await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_joblog_is_private_counts_progress_and_takes_checked_files() {
    for t in databases("joblog").await {
        let st = t.state().await;
        let today = st.clock.today();
        let me = Account::jobseeker("anne@mail.example").municipality(751).create(&st).await;
        let other = Account::jobseeker("bo@mail.example").municipality(101).create(&st).await;
        let vacancy_id = st.db.insert_vacancy(&testing::vacancy("Lagermedarbejder", "Aarhus", today), st.clock.now()).await.unwrap();

        // One click from a vacancy: employer, title, date and status filled in.
        let id =
            joblog::save(&st, &me, JoblogForm { vacancy: vacancy_id.to_string(), kind: "ansoegning".into(), ..Default::default() }, today)
                .await
                .unwrap();
        let e = joblog::get(&st, &me, id, today).await.unwrap().data;
        assert_eq!(
            (e.kind, e.status, e.employer.as_str(), e.job_title.as_str(), e.date, e.vacancy_id),
            (Kind::Application, Status::Sent, "Testkommunen", "Lagermedarbejder", today, Some(vacancy_id)),
            "{}",
            t.label
        );
        let form = JoblogForm {
            kind: "uopfordret".into(),
            status: "sendt".into(),
            date: (today - Duration::days(3)).to_string(),
            employer: "Netto".into(),
            ..Default::default()
        };
        let second = joblog::save(&st, &me, form.clone(), today).await.unwrap();
        let future = JoblogForm { date: (today + Duration::days(3)).to_string(), ..form.clone() };
        assert_eq!(field_error(joblog::save(&st, &me, future, today).await, "date"), Some(Msg::ErrDateInFuture));
        let v = joblog::view(&st, &me, today).await.unwrap();
        assert_eq!((v.entries.len(), v.progress.applications, v.progress.missing), (2, 2, 4), "{}", t.label);

        // Edit, and nobody else may touch it.
        let edited = JoblogForm { id: second.to_string(), status: "samtale".into(), ..form.clone() };
        joblog::save(&st, &me, edited.clone(), today).await.unwrap();
        assert_eq!(joblog::get(&st, &me, second, today).await.unwrap().data.status, Status::Interview);
        assert_eq!(joblog::save(&st, &other, edited, today).await, Err(AppError::NotFound));
        assert_eq!(joblog::delete(&st, &other, second).await, Err(AppError::NotFound));
        assert_eq!(joblog::get(&st, &other, second, today).await, Err(AppError::NotFound));

        // Files: checked by content and size; only the owner gets them back.
        assert_eq!(field_error(joblog::attach(&st, &me, second, "cv.pdf", b"MZ not a pdf").await, "file"), Some(Msg::ErrFileType));
        let big = vec![b'%'; st.rules.joblog.max_attachment_bytes + 1];
        assert_eq!(field_error(joblog::attach(&st, &me, second, "cv.pdf", &big).await, "file"), Some(Msg::ErrFileTooBig));
        joblog::attach(&st, &me, second, "../Ansøgning.pdf", b"%PDF-1.7 test").await.unwrap();
        let file = joblog::attachment(&st, &me, second).await.unwrap();
        assert_eq!(
            (file.file_name.as_str(), file.content_type.as_str(), file.content.as_slice()),
            ("Ansøgning.pdf", "application/pdf", &b"%PDF-1.7 test"[..])
        );
        assert!(matches!(joblog::attachment(&st, &other, second).await, Err(AppError::NotFound)));
        assert_eq!(joblog::attach(&st, &other, second, "x.pdf", b"%PDF-1.7").await, Err(AppError::NotFound));
        assert_eq!(joblog::get(&st, &me, second, today).await.unwrap().attachment.unwrap().size, 13);

        joblog::delete(&st, &me, second).await.unwrap();
        assert_eq!(joblog::view(&st, &me, today).await.unwrap().entries.len(), 1);
        st.shutdown().await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn holiday_needs_notice_and_moves_the_check_deadline() {
    for t in databases("holiday").await {
        let st = t.state().await;
        let today = st.clock.today();
        let me = Account::jobseeker("anne@mail.example").municipality(751).create(&st).await;
        let due = checks::view(&st, &me, today).await.unwrap().due;
        let soon = AvailabilityForm {
            action: "holiday".into(),
            from: (today + Duration::days(13)).to_string(),
            to: (today + Duration::days(20)).to_string(),
            ..Default::default()
        };
        assert_eq!(field_error(availability::report(&st, &me, &soon, today).await, "from"), Some(Msg::ErrHolidayNotice));
        assert!(availability::view(&st, &me, today).await.unwrap().history.is_empty(), "{}: nothing stored", t.label);

        // A holiday over the current deadline moves it past the holiday.
        st.db.set_check_due(me.id, today + Duration::days(15)).await.unwrap();
        let ok = AvailabilityForm {
            action: "holiday".into(),
            from: (today + Duration::days(14)).to_string(),
            to: (today + Duration::days(21)).to_string(),
            ..Default::default()
        };
        availability::report(&st, &me, &ok, today).await.unwrap();
        let moved = st.db.jobseeker(me.id).await.unwrap().unwrap().check_due_on;
        assert!(moved > today + Duration::days(21), "{}: {moved} after the holiday", t.label);
        let v = availability::view(&st, &me, today).await.unwrap();
        assert_eq!(v.status.holidays.len(), 1);
        assert_eq!(field_error(availability::report(&st, &me, &ok, today).await, "from"), Some(Msg::ErrHolidayOverlap));
        let hours = AvailabilityForm { action: "hours".into(), hours: "30".into(), ..Default::default() };
        availability::report(&st, &me, &hours, today).await.unwrap();
        assert_eq!(availability::view(&st, &me, today).await.unwrap().status.hours, 30);
        let _ = due;
        st.shutdown().await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_check_reminds_gives_grace_twice_then_escalates_to_a_caseworker() {
    for t in databases("checks").await {
        let st = t.state().await;
        let me = Account::jobseeker("anne@mail.example").municipality(751).create(&st).await;
        // Registered Monday 2 Nov 2026: first check due Monday 9 Nov.
        let start = d("2026-11-02");
        app::ssr::services::jobseeker::profile(&st, &me, start).await.unwrap();
        assert_eq!(st.db.jobseeker(me.id).await.unwrap().unwrap().check_due_on, d("2026-11-09"));
        // The day before: one reminder, not two.
        assert_eq!(checks::sweep_one(&st, me.id, d("2026-11-08")).await.unwrap(), Sweep::Remind { due: d("2026-11-09") });
        assert_eq!(checks::sweep_one(&st, me.id, d("2026-11-08")).await.unwrap(), Sweep::Nothing);
        // Confirmed on the day: next due a week on.
        assert_eq!(checks::confirm(&st, &me, d("2026-11-09")).await.unwrap(), d("2026-11-16"));
        // First miss: grace of 7 days.
        let s = checks::sweep_one(&st, me.id, d("2026-11-17")).await.unwrap();
        assert_eq!(
            s,
            Sweep::Missed { missed_on: d("2026-11-16"), outcome: MissOutcome::Reminder { new_deadline: d("2026-11-23") } },
            "{}",
            t.label
        );
        // Second miss: grace again.
        assert!(matches!(
            checks::sweep_one(&st, me.id, d("2026-11-24")).await.unwrap(),
            Sweep::Missed { outcome: MissOutcome::Reminder { .. }, .. }
        ));
        assert!(st.db.escalations_for(me.id).await.unwrap().is_empty());
        let due = st.db.jobseeker(me.id).await.unwrap().unwrap().check_due_on;
        assert_eq!(due, d("2026-11-30"), "grace counts from the missed deadline");
        // Third miss within 12 months: an escalation for the person's jobcentre, no sanction.
        let s = checks::sweep_all(&st, d("2026-12-01")).await.unwrap();
        assert_eq!(s, 1);
        let esc = st.db.escalations_for(me.id).await.unwrap();
        assert_eq!(esc.len(), 1, "{}", t.label);
        assert_eq!(
            (esc[0].municipality_code, esc[0].reason.as_str(), esc[0].status.as_str()),
            (Some(751), checks::ESCALATION_CHECK_MISSED, "open")
        );
        let history = st.db.check_events(me.id).await.unwrap();
        let kinds: Vec<_> = history.iter().map(|(_, k)| *k).collect();
        assert_eq!(kinds.iter().filter(|k| **k == CheckEventKind::Missed).count(), 3);
        assert!(kinds.contains(&CheckEventKind::Escalated) && kinds.contains(&CheckEventKind::Confirmed));
        // The person can go on confirming; a repeated sweep changes nothing.
        assert!(st.db.jobseeker(me.id).await.unwrap().unwrap().check_due_on > d("2026-12-01"));
        assert_eq!(checks::sweep_one(&st, me.id, d("2026-12-01")).await.unwrap(), Sweep::Nothing);
        let notices: Vec<Notice> = overview::notifications(&st, &me, 20).await.unwrap().into_iter().map(|n| n.notice).collect();
        assert!(notices.contains(&Notice::CheckEscalated) && notices.contains(&Notice::CheckReminder { due: d("2026-11-09") }));
        assert!(notices.contains(&Notice::CheckMissed { new_due: d("2026-11-23") }));
        assert_eq!(overview::mark_read(&st, &me).await.unwrap(), notices.len() as u64);

        // While sick nothing is missed; reporting well starts a fresh week.
        let sick = AvailabilityForm { action: "sick".into(), ..Default::default() };
        availability::report(&st, &me, &sick, d("2026-12-02")).await.unwrap();
        let due = st.db.jobseeker(me.id).await.unwrap().unwrap().check_due_on;
        assert_eq!(checks::sweep_one(&st, me.id, due + Duration::days(5)).await.unwrap(), Sweep::Nothing);
        let well = AvailabilityForm { action: "well".into(), ..Default::default() };
        availability::report(&st, &me, &well, due + Duration::days(5)).await.unwrap();
        assert!(st.db.jobseeker(me.id).await.unwrap().unwrap().check_due_on > due + Duration::days(5));
        st.shutdown().await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn min_side_and_suggestions_come_from_the_cv() {
    for t in databases("minside").await {
        let st = t.state().await;
        let today = st.clock.today();
        let me = Account::jobseeker("anne@mail.example").municipality(751).create(&st).await;
        st.db.insert_vacancy(&testing::vacancy("Pædagog til børnehave", "Aarhus", today), st.clock.now()).await.unwrap();
        st.db.insert_vacancy(&testing::vacancy("Tømrer", "Aarhus", today), st.clock.now()).await.unwrap();
        st.indexer.wake();
        let o = overview::overview(&st, &me, today).await.unwrap();
        assert!(o.suggestions.is_empty() && o.cv_percent == 0 && !o.progress.on_track);
        complete_cv(&st, &me, CvFacts::default()).await;
        // The indexer is asynchronous: wait for it (posted vacancies are searchable within a second).
        let mut o = overview::overview(&st, &me, today).await.unwrap();
        for _ in 0..40 {
            if !o.suggestions.is_empty() {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
            o = overview::overview(&st, &me, today).await.unwrap();
        }
        let titles: Vec<_> = o.suggestions.iter().map(|s| s.hit.title.as_str()).collect();
        assert_eq!(titles, ["Pædagog til børnehave"], "{}", t.label);
        assert_eq!(o.suggestions[0].because, "Pædagog");
        assert!(o.cv_searchable && o.cv_missing.is_empty());
        // Staff and employers have no self-service.
        let employer = Account::employer("chef@firma.example").create(&st).await;
        assert_eq!(overview::overview(&st, &employer, today).await, Err(AppError::Forbidden));
        st.shutdown().await;
    }
}
