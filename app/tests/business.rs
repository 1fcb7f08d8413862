//! Virksomhedsservice on SQLite and PostgreSQL: a request reaches only the
//! jobcentre of the vacancy's municipality, each task belongs to one company and
//! one municipality (another's is "not found"), one caseworker takes it even
//! when two try at once, suggestions come from the CV index and are logged where
//! the citizen sees them, and the employer is told by e-mail.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failed unwrap is a failed test

use app::domain::account::User;
use app::domain::audit::{AuditAction, Purpose};
use app::domain::business::{BusinessAction, BusinessDone, BusinessForm, TaskStatus};
use app::domain::candidate::VisibilityAction;
use app::error::AppError;
use app::i18n::Msg;
use app::ssr::services::{business, candidates, citizens, vacancies};
use app::ssr::AppState;
use testing::{complete_cv, databases, Account, CvFacts};

fn request(vacancy: i64, need: &str, due: &str) -> BusinessForm {
    BusinessForm { action: "request".into(), vacancy: vacancy.to_string(), need: need.into(), due: due.into(), ..Default::default() }
}

fn on(task: i64, action: BusinessAction) -> BusinessForm {
    BusinessForm { action: action.code().into(), id: task.to_string(), ..Default::default() }
}

fn reply(task: i64, message: &str) -> BusinessForm {
    BusinessForm { message: message.into(), ..on(task, BusinessAction::Reply) }
}

fn suggest(task: i64, candidate: i64) -> BusinessForm {
    BusinessForm { candidate: candidate.to_string(), ..on(task, BusinessAction::Suggest) }
}

fn field_error(r: &Result<BusinessDone, AppError>, field: &str) -> Option<Msg> {
    match r {
        Err(AppError::Invalid(e)) => e.get(field),
        _ => None,
    }
}

/// A carpenter's vacancy at the harbour in Marstal (Ærø, 492).
async fn harbour_vacancy(st: &AppState, employer: &User) -> i64 {
    let mut details = testing::vacancy("Tømrer til havnen", "Marstal", st.clock.today());
    details.occupation_code = Some("711510".into());
    vacancies::create(st, employer, &app::domain::vacancy::VacancyForm::from_details(&details)).await.unwrap()
}

fn carpenter() -> CvFacts {
    CvFacts { occupation: "Tømrer (711510)", job: "Tømrer", education: "Tømreruddannelsen", skill: "Bådebygning", time: "fuld" }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_business_task_goes_from_the_employer_to_the_jobcentre_and_back() {
    for t in databases("business").await {
        // Mail is queued in the outbox; nothing here sends it.
        let st = testing::unsent_mail(&t.state().await);
        let label = t.label;
        let marstal = Account::employer("peter@marstal.example").create(&st).await;
        let other = Account::employer("eva@anden.example").company("30000005", "Anden ApS").create(&st).await;
        let aeroe = Account::caseworker("lene@aeroe.example", 492).create(&st).await;
        let colleague = Account::caseworker("ole@aeroe.example", 492).create(&st).await;
        let kbh = Account::caseworker("mia@kk.example", 101).create(&st).await;
        let admin = Account::admin("sofie@job.example").create(&st).await;
        let anne = Account::jobseeker("anne@mail.example").municipality(492).postcode("5960").create(&st).await;
        let bo = Account::jobseeker("bo@mail.example").municipality(492).postcode("5960").create(&st).await;
        complete_cv(&st, &anne, carpenter()).await;
        let vacancy = harbour_vacancy(&st, &marstal).await;
        let theirs = harbour_vacancy(&st, &other).await;
        testing::settle(&st).await;
        let due = (st.clock.today() + chrono::Duration::days(14)).format("%d-%m-%Y").to_string();

        // Asking: every field checked, only one's own open vacancy, one request at a time.
        let r = business::act(&st, &marstal, &request(vacancy, " ", "")).await;
        assert_eq!(
            (field_error(&r, "need"), field_error(&r, "due")),
            (Some(Msg::ErrBusinessNeedMissing), Some(Msg::ErrBusinessDueMissing))
        );
        let r = business::act(&st, &marstal, &request(theirs, "To tømrere", &due)).await;
        assert_eq!(field_error(&r, "vacancy"), Some(Msg::ErrBusinessVacancy), "{label}: another company's vacancy");
        assert_eq!(business::act(&st, &anne, &request(vacancy, "x", &due)).await, Err(AppError::Forbidden));
        let asked = business::act(&st, &marstal, &request(vacancy, "To tømrere til bådebyggeriet", &due)).await.unwrap();
        let task = asked.task;
        let again = business::act(&st, &marstal, &request(vacancy, "Igen", &due)).await;
        assert_eq!(field_error(&again, "vacancy"), Some(Msg::ErrBusinessAlreadyAsked), "{label}");
        // Two requests at once for their other vacancy: one task.
        let help = request(theirs, "Hjælp", &due);
        let (a, b) = tokio::join!(business::act(&st, &other, &help), business::act(&st, &other, &help));
        assert_eq!(u8::from(a.is_ok()) + u8::from(b.is_ok()), 1, "{label}: {a:?} {b:?}");

        // Who sees it: the company and Ærø's jobcentre (and an administrator), nobody else.
        let mine = business::list(&st, &marstal).await.unwrap();
        assert_eq!(mine.tasks.iter().map(|t| (t.id, t.status)).collect::<Vec<_>>(), [(task, TaskStatus::Open)], "{label}");
        assert_eq!(mine.vacancies.iter().map(|v| v.0).collect::<Vec<_>>(), [vacancy]);
        assert_eq!(business::list(&st, &aeroe).await.unwrap().tasks.len(), 2, "{label}: both are Ærø's");
        assert!(business::list(&st, &kbh).await.unwrap().tasks.is_empty(), "{label}: not København's");
        assert_eq!(business::list(&st, &admin).await.unwrap().tasks.len(), 2);
        assert!(!business::list(&st, &other).await.unwrap().tasks.iter().any(|t| t.id == task));
        assert_eq!(business::open(&st, &other, task, "").await, Err(AppError::NotFound), "{label}");
        assert_eq!(business::open(&st, &kbh, task, "").await, Err(AppError::NotFound), "{label}");
        assert_eq!(business::act(&st, &kbh, &on(task, BusinessAction::Take)).await, Err(AppError::NotFound));
        assert_eq!(business::act(&st, &other, &reply(task, "Os?")).await, Err(AppError::NotFound));
        assert_eq!(business::act(&st, &marstal, &on(task, BusinessAction::Take)).await, Err(AppError::Forbidden));
        assert_eq!(business::act(&st, &admin, &on(task, BusinessAction::Take)).await, Err(AppError::Forbidden), "{label}: reads only");

        // The jobcentre starts from the vacancy's occupation around the workplace.
        let seen = business::open(&st, &aeroe, task, "").await.unwrap();
        let (_, results) = seen.search.clone().unwrap();
        assert_eq!(results.hits.iter().map(|h| h.id).collect::<Vec<_>>(), [anne.id], "{label}");
        assert!(seen.may_act && seen.jobcentre);
        assert!(business::open(&st, &marstal, task, "").await.unwrap().search.is_none(), "{label}: the company searches itself");

        // Taken once, even by two at once; only then written in.
        assert_eq!(business::act(&st, &aeroe, &reply(task, "Hej")).await, Err(AppError::NotFound), "{label}: not taken yet");
        let take = on(task, BusinessAction::Take);
        let (a, b) = tokio::join!(business::act(&st, &aeroe, &take), business::act(&st, &colleague, &take));
        let refused = [&a, &b].iter().filter(|r| field_error(r, "id") == Some(Msg::ErrBusinessTaken)).count();
        assert_eq!((u8::from(a.is_ok()) + u8::from(b.is_ok()), refused), (1, 1), "{label}: {a:?} {b:?}");
        let taker = if a.is_ok() { &aeroe } else { &colleague };
        business::act(&st, taker, &reply(task, "Vi kender to gode tømrere.")).await.unwrap();
        let listed = business::list(&st, &marstal).await.unwrap().tasks;
        assert_eq!((listed[0].status, listed[0].unread), (TaskStatus::Taken, 1), "{label}");
        assert_eq!(listed[0].caseworker.as_ref().map(|c| c.0), Some(taker.id));
        let thread = business::open(&st, &marstal, task, "").await.unwrap();
        assert_eq!(thread.messages.iter().map(|m| m.from_company).collect::<Vec<_>>(), [false], "{label}");
        assert_eq!(business::list(&st, &marstal).await.unwrap().tasks[0].unread, 0, "{label}: read once opened");
        business::act(&st, &marstal, &reply(task, "Tak, vi venter spændt.")).await.unwrap();
        assert_eq!(business::list(&st, &aeroe).await.unwrap().tasks.iter().find(|t| t.id == task).unwrap().unread, 1);

        // A suggestion: once, only someone the company may find, logged for the citizen.
        business::act(&st, taker, &suggest(task, anne.id)).await.unwrap();
        assert_eq!(business::act(&st, taker, &suggest(task, anne.id)).await, Err(AppError::NotFound), "{label}: once");
        assert_eq!(business::act(&st, taker, &suggest(task, bo.id)).await, Err(AppError::NotFound), "{label}: no complete CV");
        let log = citizens::accesses(&st, &anne).await.unwrap();
        assert!(
            log.iter()
                .any(|a| a.action == AuditAction::Change && a.purpose == Some(Purpose::Recruitment) && a.what.contains("Marstal Havn")),
            "{label}: {log:?}"
        );
        let shown = business::open(&st, &marstal, task, "").await.unwrap().suggestions;
        assert_eq!(shown.iter().map(|s| (s.candidate, s.headline.as_str())).collect::<Vec<_>>(), [(anne.id, "Tømrer")], "{label}");
        candidates::set_visibility(&st, &anne, VisibilityAction::Block, "13748136").await.unwrap();
        assert!(business::open(&st, &marstal, task, "").await.unwrap().suggestions.is_empty(), "{label}: she blocked the company");
        candidates::set_visibility(&st, &anne, VisibilityAction::Unblock, &marstal.acting_company().unwrap().to_string()).await.unwrap();

        // Closed: nobody writes; the company may ask again.
        business::act(&st, taker, &on(task, BusinessAction::Close)).await.unwrap();
        assert_eq!(business::act(&st, &marstal, &reply(task, "Hallo?")).await, Err(AppError::NotFound), "{label}");
        assert_eq!(business::act(&st, taker, &reply(task, "Hallo?")).await, Err(AppError::NotFound));
        assert_eq!(business::open(&st, &marstal, task, "").await.unwrap().summary.status, TaskStatus::Closed);
        business::act(&st, &marstal, &request(vacancy, "Vi mangler stadig én", &due)).await.unwrap();

        // The employer was told of the answer, the suggestion and the close.
        assert_eq!(st.db.mail_waiting().await.unwrap(), 3, "{label}");
        st.shutdown().await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn requests_a_day_are_limited_per_company_under_concurrency() {
    for t in databases("business_limit").await {
        let st = t.state().await;
        let label = t.label;
        let marstal = Account::employer("peter@marstal.example").create(&st).await;
        let limit = app::domain::limits::BUSINESS_REQUESTS_PER_COMPANY.count as usize;
        let mut ids = Vec::new();
        for _ in 0..limit + 3 {
            ids.push(harbour_vacancy(&st, &marstal).await);
        }
        let due = (st.clock.today() + chrono::Duration::days(7)).to_string();
        let mut tries = tokio::task::JoinSet::new();
        for id in ids {
            let (st, me, form) = (st.clone(), marstal.clone(), request(id, "Hjælp", &due));
            tries.spawn(async move { business::act(&st, &me, &form).await });
        }
        let results = tries.join_all().await;
        let refused = results.iter().filter(|r| field_error(r, "need") == Some(Msg::ErrBusinessLimit)).count();
        assert_eq!((results.len() - refused, refused), (limit, 3), "{label}");
        st.shutdown().await;
    }
}
