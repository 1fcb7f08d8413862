//! An employer's vacancies over their life, on SQLite and PostgreSQL: editing,
//! extending, closing with a reason and posting again, each owned by the company
//! (another company's vacancy is "not found" for every action), each in the
//! vacancy's history with who did it, and the search following every change.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failed unwrap is a failed test

use app::domain::search::SearchQuery;
use app::domain::vacancy::{CloseReason, HistoryKind, VacancyActionForm, VacancyForm, VacancyTab};
use app::error::AppError;
use app::i18n::Msg;
use app::ssr::services::vacancies;
use app::ssr::AppState;
use chrono::Duration;
use testing::{databases, Account};

fn form(title: &str, deadline: chrono::NaiveDate) -> VacancyForm {
    VacancyForm {
        title: title.into(),
        employer_name: "Marstal Havn".into(),
        description: "Vi søger en kollega, der kan tage sig af sejlere, broer og bådpladser i havnen.".into(),
        postcode: "5960".into(),
        city: "Marstal".into(),
        weekly_hours: "37".into(),
        deadline: deadline.to_string(),
        how_to_apply: "havn@marstal.example".into(),
        employment_type: "fast".into(),
        ..Default::default()
    }
}

fn act(action: &str, deadline: &str, reason: &str) -> VacancyActionForm {
    VacancyActionForm { action: action.into(), deadline: deadline.into(), reason: reason.into() }
}

async fn found(st: &AppState, text: &str) -> u64 {
    testing::settle(st).await;
    vacancies::search(st, SearchQuery::text(text)).await.unwrap().total
}

fn field_error<T: std::fmt::Debug>(r: Result<T, AppError>, field: &str) -> Option<Msg> {
    match r {
        Err(AppError::Invalid(e)) => e.get(field),
        other => panic!("expected a field error, got {other:?}"),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_company_runs_its_vacancies_over_their_life() {
    for t in databases("vacancy_life").await {
        let st = t.state_at(testing::at("2026-11-23T09:00:00Z")).await;
        let today = st.clock.today();
        let me = Account::employer("peter@havn.example").create(&st).await;
        let colleague = Account::employer("eva@havn.example").name("Eva Holm").create(&st).await;
        st.db
            .change_company_role(
                me.company_id.unwrap(),
                colleague.id,
                app::domain::account::CompanyRole::Pending,
                app::domain::account::CompanyRole::Member,
            )
            .await
            .unwrap();
        let colleague = st.db.user_by_id(colleague.id).await.unwrap().unwrap().to_user().unwrap();
        let stranger = Account::employer("ida@anden.example").company("30000005", "Anden ApS").create(&st).await;

        let id = vacancies::create(&st, &me, &form("Havnefoged", today + Duration::days(14))).await.unwrap();
        assert_eq!(found(&st, "havnefoged").await, 1, "{}", t.label);

        // Another company's vacancy is not found, whatever is asked of it.
        let extend = act("forlaeng", &(today + Duration::days(30)).to_string(), "");
        assert_eq!(vacancies::managed(&st, &stranger, id).await, Err(AppError::NotFound));
        assert_eq!(vacancies::edit(&st, &stranger, id, &form("Svindel", today + Duration::days(9))).await, Err(AppError::NotFound));
        assert_eq!(vacancies::change(&st, &stranger, id, &extend).await, Err(AppError::NotFound));
        assert_eq!(vacancies::change(&st, &stranger, id, &act("luk", "", "besat")).await, Err(AppError::NotFound));

        // Edited by a colleague: the search follows.
        vacancies::edit(&st, &colleague, id, &form("Havnemester", today + Duration::days(14))).await.unwrap();
        assert_eq!((found(&st, "havnemester").await, found(&st, "havnefoged").await), (1, 0), "{}", t.label);

        // Extended: only later than now.
        let earlier = act("forlaeng", &(today + Duration::days(7)).to_string(), "");
        assert_eq!(field_error(vacancies::change(&st, &me, id, &earlier).await, "deadline"), Some(Msg::ErrDeadlineNotLater));
        vacancies::change(&st, &me, id, &extend).await.unwrap();
        // A month and a half on, the deadline has passed: still the company's to extend.
        st.clock.advance(Duration::days(45));
        let v = vacancies::managed(&st, &me, id).await.unwrap().vacancy;
        assert_eq!(v.tab(st.clock.today()), VacancyTab::Expired, "{}", t.label);
        let later = act("forlaeng", &(st.clock.today() + Duration::days(10)).to_string(), "");
        vacancies::change(&st, &me, id, &later).await.unwrap();
        assert_eq!(found(&st, "havnemester").await, 1, "{}: open again for applications", t.label);

        // Closed, as filled: it leaves the search, and nothing more can change it.
        assert_eq!(field_error(vacancies::change(&st, &me, id, &act("luk", "", "skjult")).await, "reason"), Some(Msg::ErrChooseOne));
        vacancies::change(&st, &me, id, &act("luk", "", "besat")).await.unwrap();
        assert_eq!(found(&st, "havnemester").await, 0, "{}", t.label);
        let m = vacancies::managed(&st, &me, id).await.unwrap();
        assert_eq!((m.vacancy.open, m.vacancy.close_reason), (false, Some(CloseReason::Filled)));
        assert_eq!(vacancies::change(&st, &me, id, &later).await, Err(AppError::NotFound));
        assert_eq!(
            vacancies::edit(&st, &me, id, &form("Havnemester", st.clock.today() + Duration::days(9))).await,
            Err(AppError::NotFound)
        );

        // The history, newest first, with who did what.
        let history: Vec<(HistoryKind, &str)> = m.history.iter().map(|h| (h.kind, h.by.as_str())).collect();
        assert_eq!(
            history,
            [
                (HistoryKind::Closed, "Peter Holm"),
                (HistoryKind::Extended, "Peter Holm"),
                (HistoryKind::Extended, "Peter Holm"),
                (HistoryKind::Edited, "Eva Holm"),
                (HistoryKind::Created, "Peter Holm"),
            ],
            "{}",
            t.label
        );
        assert_eq!(m.history[0].detail, "besat");

        // Posted again as new, from the closed one only, and only the company's own.
        let again = VacancyForm { fra: id.to_string(), ..form("Havnemester", st.clock.today() + Duration::days(20)) };
        assert_eq!(vacancies::create(&st, &stranger, &again).await, Err(AppError::NotFound));
        let new_id = vacancies::create(&st, &colleague, &again).await.unwrap();
        let from_open = VacancyForm { fra: new_id.to_string(), ..again.clone() };
        assert_eq!(vacancies::create(&st, &me, &from_open).await, Err(AppError::BadRequest));
        let m = vacancies::managed(&st, &me, new_id).await.unwrap();
        assert_eq!(
            (m.history[0].kind, m.history[0].detail.clone(), m.history[0].by.clone()),
            (HistoryKind::Reposted, id.to_string(), "Eva Holm".to_string())
        );
        assert_eq!(found(&st, "havnemester").await, 1, "{}", t.label);

        // The company's list: one open, one closed.
        let tabs: Vec<VacancyTab> = vacancies::of_my_company(&st, &me).await.unwrap().iter().map(|v| v.tab(st.clock.today())).collect();
        assert_eq!(tabs, [VacancyTab::Open, VacancyTab::Closed], "{}", t.label);
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_reported_vacancy_is_hidden_by_an_administrator_and_its_employer_told_why() {
    use app::domain::report::{ReportActionForm, ReportForm, ReportReason};
    use app::ssr::services::reports;
    for t in databases("vacancy_reports").await {
        let st = t.state().await;
        let today = st.clock.today();
        let employer = Account::employer("peter@havn.example").create(&st).await;
        let anne = Account::jobseeker("anne@mail.example").create(&st).await;
        let bo = Account::jobseeker("bo@mail.example").create(&st).await;
        let admin = Account::admin("sofie@admin.example").create(&st).await;
        let id = vacancies::create(&st, &employer, &form("Lagerchef", today + Duration::days(14))).await.unwrap();
        assert_eq!(found(&st, "lagerchef").await, 1);

        // Reported by two jobseekers; once each; not by an employer.
        let scam = ReportForm { reason: "svindel".into(), details: "Beder om penge for at søge.".into() };
        reports::report(&st, &anne, id, &scam).await.unwrap();
        assert_eq!(field_error(reports::report(&st, &anne, id, &scam).await, "reason"), Some(Msg::ErrAlreadyReported));
        reports::report(&st, &bo, id, &ReportForm { reason: "ikke-et-job".into(), details: String::new() }).await.unwrap();
        assert_eq!(reports::report(&st, &employer, id, &scam).await, Err(AppError::Forbidden));
        assert_eq!(reports::report(&st, &anne, id + 999, &scam).await, Err(AppError::NotFound));

        // The administrators' queue: one vacancy, both reasons. Nobody else sees it.
        assert_eq!(reports::queue(&st, &anne).await, Err(AppError::Forbidden));
        let queue = reports::queue(&st, &admin).await.unwrap();
        assert_eq!(queue.len(), 1, "{}", t.label);
        let reasons: Vec<ReportReason> = queue[0].reports.iter().map(|(r, _)| *r).collect();
        assert_eq!((queue[0].vacancy_id, reasons), (id, vec![ReportReason::Scam, ReportReason::NotReal]));

        // Hiding needs a note; then the vacancy leaves search, and its employer reads why.
        let hide = |note: &str| ReportActionForm { action: "skjul".into(), id: id.to_string(), note: note.into() };
        assert_eq!(field_error(reports::decide(&st, &admin, &hide(""), "127.0.0.1").await, "note"), Some(Msg::ErrHideNoteMissing));
        assert_eq!(reports::decide(&st, &employer, &hide("x"), "127.0.0.1").await, Err(AppError::Forbidden));
        reports::decide(&st, &admin, &hide("Opslaget beder ansøgere om penge."), "127.0.0.1").await.unwrap();
        assert_eq!(found(&st, "lagerchef").await, 0, "{}", t.label);
        let m = vacancies::managed(&st, &employer, id).await.unwrap();
        assert_eq!(m.vacancy.close_reason, Some(CloseReason::Hidden));
        assert_eq!(
            (m.history[0].kind, m.history[0].detail.as_str(), m.history[0].by.as_str()),
            (HistoryKind::Closed, "Opslaget beder ansøgere om penge.", "Sofie Dam")
        );
        assert!(reports::queue(&st, &admin).await.unwrap().is_empty(), "{}: handled", t.label);
        assert_eq!(reports::decide(&st, &admin, &hide("igen"), "127.0.0.1").await, Err(AppError::NotFound), "nothing left to decide");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn how_a_vacancy_does_is_counted_per_day_without_who() {
    use app::domain::joblog::JoblogForm;
    use app::ssr::services::jobseeker::joblog;
    for t in databases("vacancy_stats").await {
        let st = t.state_at(testing::at("2026-11-23T09:00:00Z")).await;
        let today = st.clock.today();
        let employer = Account::employer("peter@havn.example").create(&st).await;
        let anne = Account::jobseeker("anne@mail.example").create(&st).await;
        let id = vacancies::create(&st, &employer, &form("Lagerchef", today + Duration::days(14))).await.unwrap();

        // Ten visitors at once: ten views.
        let mut visits = tokio::task::JoinSet::new();
        for _ in 0..10 {
            let st = st.clone();
            visits.spawn(async move { vacancies::view(&st, id).await.unwrap() });
        }
        visits.join_all().await;
        // Saved on the first day, applied for on the next, from the vacancy's page.
        let from_vacancy = |kind: &str| JoblogForm { vacancy: id.to_string(), kind: kind.into(), ..Default::default() };
        joblog::save(&st, &anne, from_vacancy("gemt"), today).await.unwrap();
        st.clock.advance(Duration::days(1));
        joblog::save(&st, &anne, from_vacancy("ansoegning"), st.clock.today()).await.unwrap();
        vacancies::view(&st, id).await.unwrap();

        let days = vacancies::managed(&st, &employer, id).await.unwrap().days;
        assert_eq!(days.len(), 28, "{}: four weeks, every day", t.label);
        let counts: Vec<(u32, u32, u32)> = days.iter().rev().take(3).map(|d| (d.views, d.saves, d.applied)).collect();
        assert_eq!(counts, [(1, 0, 1), (10, 1, 0), (0, 0, 0)], "{}: newest day first", t.label);
        assert_eq!(days.last().unwrap().day, st.clock.today());
    }
}
