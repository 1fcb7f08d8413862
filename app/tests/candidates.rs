//! Candidate search on SQLite and PostgreSQL: the CV index follows every change
//! that makes a CV findable or not (waiting on the indexer's position, never a
//! fixed time), the citizen's blocks and choice to hide, opening a CV is audited
//! with the company's name, and contact threads belong to one company and one
//! citizen, with a daily limit per company that holds under concurrent requests.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failed unwrap is a failed test

use app::domain::account::User;
use app::domain::audit::{AuditAction, Purpose};
use app::domain::availability::AvailabilityForm;
use app::domain::candidate::{ContactDone, ContactForm, ContactStatus, VisibilityAction};
use app::domain::cv::{CvForm, Section};
use app::domain::limits;
use app::domain::search::SearchQuery;
use app::error::AppError;
use app::i18n::Msg;
use app::ssr::services::candidates;
use app::ssr::services::jobseeker::{availability, cv};
use app::ssr::services::{citizens, vacancies};
use app::ssr::AppState;
use testing::{complete_cv, databases, Account, CvFacts};

async fn found(st: &AppState, employer: &User, address: &str) -> Vec<i64> {
    testing::settle(st).await;
    let r = candidates::search(st, employer, SearchQuery::from_address(address)).await.unwrap();
    r.hits.iter().map(|h| h.id).collect()
}

fn carpenter() -> CvFacts {
    CvFacts { occupation: "Tømrer (711510)", job: "Tømrer", education: "Tømreruddannelsen", skill: "Truckcertifikat", time: "fuld" }
}

fn cook() -> CvFacts {
    CvFacts { occupation: "Kok (512010)", job: "Kok", education: "Kokkeuddannelsen", skill: "", time: "begge" }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_cv_index_follows_what_makes_a_cv_findable() {
    for t in databases("cv_index").await {
        let st = t.state().await;
        let label = t.label;
        let marstal = Account::employer("peter@marstal.example").create(&st).await;
        let other = Account::employer("eva@anden.example").company("30000005", "Anden ApS").create(&st).await;
        let anne = Account::jobseeker("anne@mail.example").create(&st).await;
        let bo = Account::jobseeker("bo@mail.example").municipality(101).postcode("2100").create(&st).await;
        let jobseeker = Account::jobseeker("cille@mail.example").create(&st).await;
        complete_cv(&st, &anne, carpenter()).await;
        complete_cv(&st, &bo, cook()).await;
        // Incomplete: never found.
        cv::edit(&st, &jobseeker, &testing::cv_form(Section::Occupations, |f| f.occupation = "Tømrer (711510)".into()), st.clock.today())
            .await
            .unwrap();

        assert_eq!(found(&st, &marstal, "q=tømrer").await, [anne.id], "{label}");
        assert_eq!(found(&st, &marstal, "q=toemrer").await, [anne.id], "{label}: folded");
        assert_eq!(found(&st, &marstal, "q=tømrere").await, [anne.id], "{label}: plural");
        assert_eq!(found(&st, &marstal, "q=truckcertifikat").await, [anne.id], "{label}: a skill");
        assert_eq!(found(&st, &marstal, "q=kokkeuddannelsen").await, [bo.id], "{label}: an education");
        assert_eq!(found(&st, &marstal, "naer=8000&km=25").await, [anne.id], "{label}: lives near the workplace");
        assert_eq!(found(&st, &marstal, "tid=deltid").await, [bo.id], "{label}: part or full time");
        assert_eq!(found(&st, &marstal, "fag=711510").await, [anne.id], "{label}");
        let all = candidates::search(&st, &marstal, SearchQuery::from_address("")).await.unwrap();
        assert_eq!(all.total, 2, "{label}");
        assert!(
            all.facets.municipalities.contains(&(751, 1)) && all.facets.municipalities.contains(&(101, 1)),
            "{label}: {:?}",
            all.facets
        );
        assert_eq!((all.facets.full_time, all.facets.part_time), (2, 1), "{label}: either time counts for both");
        let chosen = candidates::search(&st, &marstal, SearchQuery::from_address("fag=711510")).await.unwrap();
        assert!(chosen.facets.occupations.contains(&("512010".into(), 1)), "{label}: a group's count ignores its own choice");
        let card = serde_json::to_string(&all.hits).unwrap();
        assert!(!card.contains("Anne") && !card.contains("anne@mail"), "{label}: the list names no one");

        // Opening a CV shows the name, and the citizen sees which company opened it.
        let profile = candidates::open(&st, &marstal, anne.id).await.unwrap();
        assert_eq!((profile.name.as_str(), profile.email.as_deref()), ("Anne Jensen", Some("anne@mail.example")), "{label}");
        let log = citizens::accesses(&st, &anne).await.unwrap();
        assert_eq!(log.len(), 1, "{label}");
        assert_eq!(
            (log[0].action, log[0].purpose, log[0].actor_company.as_deref()),
            (AuditAction::Read, Some(Purpose::Recruitment), Some("Marstal Havn ApS"))
        );
        assert_eq!(candidates::open(&st, &marstal, jobseeker.id).await, Err(AppError::NotFound), "{label}: not findable");

        // Blocked: gone for that company, in the list and by address, not for others.
        candidates::set_visibility(&st, &anne, VisibilityAction::Block, "13 74 81 36").await.unwrap();
        assert!(found(&st, &marstal, "q=tømrer").await.is_empty(), "{label}");
        assert_eq!(found(&st, &other, "q=tømrer").await, [anne.id], "{label}");
        assert_eq!(candidates::open(&st, &marstal, anne.id).await, Err(AppError::NotFound));
        let unknown = candidates::set_visibility(&st, &anne, VisibilityAction::Block, "30000013").await;
        assert!(matches!(&unknown, Err(AppError::Invalid(e)) if e.get("cvr").is_some()), "{label}: {unknown:?}");
        let blocked = candidates::visibility(&st, &anne).await.unwrap().blocked;
        assert_eq!(blocked.len(), 1);
        candidates::set_visibility(&st, &anne, VisibilityAction::Unblock, &blocked[0].0.to_string()).await.unwrap();
        assert_eq!(found(&st, &marstal, "q=tømrer").await, [anne.id], "{label}");

        // Hidden by choice, then shown again.
        candidates::set_visibility(&st, &anne, VisibilityAction::Hide, "").await.unwrap();
        assert!(found(&st, &other, "q=tømrer").await.is_empty(), "{label}");
        assert!(candidates::visibility(&st, &anne).await.unwrap().hidden);
        candidates::set_visibility(&st, &anne, VisibilityAction::Show, "").await.unwrap();
        assert_eq!(found(&st, &other, "q=tømrer").await, [anne.id], "{label}");

        // Sick: hidden; well: back.
        let today = st.clock.today();
        availability::report(&st, &anne, &AvailabilityForm { action: "sick".into(), ..Default::default() }, today).await.unwrap();
        assert!(found(&st, &marstal, "q=tømrer").await.is_empty(), "{label}");
        availability::report(&st, &anne, &AvailabilityForm { action: "well".into(), ..Default::default() }, today).await.unwrap();
        assert_eq!(found(&st, &marstal, "q=tømrer").await, [anne.id], "{label}");

        // Edited: found by the new words only; made incomplete: gone.
        let job = testing::cv_form(Section::Experience, |f| {
            f.item_title = "Bådebygger".into();
            f.item_place = "Værftet".into();
            f.item_from = "2021".into();
        });
        cv::edit(&st, &anne, &job, today).await.unwrap();
        assert_eq!(found(&st, &marstal, "q=bådebygger").await, [anne.id], "{label}");
        let remove = |i: &str| CvForm { section: "uddannelse".into(), action: "remove".into(), index: i.into(), ..Default::default() };
        cv::edit(&st, &anne, &remove("0"), today).await.unwrap();
        assert!(found(&st, &marstal, "q=bådebygger").await.is_empty(), "{label}: incomplete");
        assert_eq!(found(&st, &marstal, "").await, [bo.id], "{label}");

        // Employers only, acting for an approved company.
        assert_eq!(candidates::search(&st, &anne, SearchQuery::default()).await.unwrap_err(), AppError::Forbidden);
        let waiting = Account::employer("ny@marstal.example").create(&st).await;
        assert_eq!(candidates::open(&st, &waiting, bo.id).await, Err(AppError::Forbidden), "{label}: waiting for approval");
        st.shutdown().await;
    }
}

fn start(candidate: i64, vacancy: &str, message: &str) -> ContactForm {
    ContactForm { action: "start".into(), id: candidate.to_string(), vacancy: vacancy.into(), message: message.into() }
}

fn reply(thread: i64, message: &str) -> ContactForm {
    ContactForm { action: "reply".into(), id: thread.to_string(), message: message.into(), ..Default::default() }
}

#[tokio::test(flavor = "multi_thread")]
async fn contact_threads_belong_to_one_company_and_one_citizen() {
    for t in databases("contact").await {
        let st = t.state().await;
        let label = t.label;
        let marstal = Account::employer("peter@marstal.example").create(&st).await;
        let other = Account::employer("eva@anden.example").company("30000005", "Anden ApS").create(&st).await;
        let anne = Account::jobseeker("anne@mail.example").create(&st).await;
        let bo = Account::jobseeker("bo@mail.example").create(&st).await;
        complete_cv(&st, &anne, carpenter()).await;
        let form = app::domain::vacancy::VacancyForm::from_details(&testing::vacancy("Tømrer til havnen", "Marstal", st.clock.today()));
        let vacancy = vacancies::create(&st, &marstal, &form).await.unwrap();
        let theirs = vacancies::create(&st, &other, &form).await.unwrap();
        testing::settle(&st).await;

        // About another company's vacancy, or to someone not findable: refused.
        let r = candidates::contact(&st, &marstal, &start(anne.id, &theirs.to_string(), "Hej")).await;
        assert_eq!(r, Err(AppError::BadRequest), "{label}");
        let r = candidates::contact(&st, &marstal, &start(bo.id, "", "Hej")).await;
        assert_eq!(r, Err(AppError::NotFound), "{label}");
        let r = candidates::contact(&st, &marstal, &start(anne.id, "", " ")).await;
        assert!(matches!(&r, Err(AppError::Invalid(e)) if e.get("message") == Some(Msg::ErrContactMessageMissing)), "{label}");

        let ContactDone::Started(thread) =
            candidates::contact(&st, &marstal, &start(anne.id, &vacancy.to_string(), "Vil du høre mere om jobbet?")).await.unwrap()
        else {
            panic!("{label}: not started")
        };
        let mine = candidates::threads(&st, &anne).await.unwrap();
        assert_eq!(mine.len(), 1, "{label}");
        let opened = candidates::open(&st, &marstal, anne.id).await.unwrap();
        assert_eq!(
            opened.contacts.iter().map(|c| c.id).collect::<Vec<_>>(),
            [thread],
            "{label}: the CV lists this company's threads with her"
        );
        assert_eq!((mine[0].unread, mine[0].company.as_str()), (1, "Marstal Havn ApS"));
        assert_eq!(mine[0].vacancy.as_ref().map(|v| v.0), Some(vacancy));

        // Another company, or another citizen: not found, whatever they do.
        assert_eq!(candidates::thread(&st, &other, thread).await, Err(AppError::NotFound), "{label}");
        assert_eq!(candidates::thread(&st, &bo, thread).await, Err(AppError::NotFound), "{label}");
        assert_eq!(candidates::contact(&st, &other, &reply(thread, "Også os")).await, Err(AppError::NotFound));
        assert_eq!(candidates::contact(&st, &bo, &reply(thread, "Mig?")).await, Err(AppError::NotFound));
        let decline = ContactForm { action: "decline".into(), id: thread.to_string(), ..Default::default() };
        assert_eq!(candidates::contact(&st, &bo, &decline).await, Err(AppError::NotFound));
        assert_eq!(candidates::contact(&st, &marstal, &decline).await, Err(AppError::Forbidden), "{label}: only the citizen declines");
        assert!(candidates::threads(&st, &other).await.unwrap().is_empty());

        // Read, answered, read back.
        let seen = candidates::thread(&st, &anne, thread).await.unwrap();
        assert_eq!(seen.messages.len(), 1);
        assert_eq!(candidates::threads(&st, &anne).await.unwrap()[0].unread, 0, "{label}: read once opened");
        candidates::contact(&st, &anne, &reply(thread, "Ja tak, ring gerne.")).await.unwrap();
        assert_eq!(candidates::threads(&st, &marstal).await.unwrap()[0].unread, 1, "{label}");
        let theirs_now = candidates::thread(&st, &marstal, thread).await.unwrap();
        assert_eq!(theirs_now.messages.iter().map(|m| m.from_company).collect::<Vec<_>>(), [true, false]);

        // Declined: the company can write no more.
        assert_eq!(candidates::contact(&st, &anne, &decline).await, Ok(ContactDone::Declined(thread)));
        assert_eq!(candidates::contact(&st, &marstal, &reply(thread, "Sikker?")).await, Err(AppError::NotFound), "{label}");
        assert_eq!(candidates::thread(&st, &anne, thread).await.unwrap().summary.status, ContactStatus::Declined);

        // New candidates a day, per company, counted exactly under concurrent requests.
        let limit = limits::CONTACTS_PER_COMPANY.count as usize;
        let mut tries = tokio::task::JoinSet::new();
        for _ in 0..limit + 5 {
            let (st, other, form) = (st.clone(), other.clone(), start(anne.id, "", "Hej Anne"));
            tries.spawn(async move { candidates::contact(&st, &other, &form).await });
        }
        let results = tries.join_all().await;
        let refused =
            results.iter().filter(|r| matches!(r, Err(AppError::Invalid(e)) if e.get("message") == Some(Msg::ErrContactLimit))).count();
        assert_eq!((results.len() - refused, refused), (limit, 5), "{label}");
        st.shutdown().await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn candidate_agents_tell_of_each_new_candidate_once() {
    use app::domain::agents::AgentForm;
    use app::ssr::services::candidate_agents as agents;
    for t in databases("candidate_agents").await {
        // Mail is queued in the outbox; nothing here sends it.
        let st = testing::unsent_mail(&t.state().await);
        let label = t.label;
        let marstal = Account::employer("peter@marstal.example").create(&st).await;
        let other = Account::employer("eva@anden.example").company("30000005", "Anden ApS").create(&st).await;
        let anne = Account::jobseeker("anne@mail.example").create(&st).await;
        complete_cv(&st, &anne, carpenter()).await;
        testing::settle(&st).await;

        let create = AgentForm {
            action: "create".into(),
            name: "Tømrere".into(),
            query: "q=tømrer".into(),
            email: "on".into(),
            ..Default::default()
        };
        agents::act(&st, &marstal, &create).await.unwrap();
        let list = agents::list(&st, &marstal).await.unwrap();
        assert_eq!((list.len(), list[0].unseen), (1, 0), "{label}: who matched when it was saved is not news");
        let today = st.clock.today();
        assert_eq!(agents::sweep_all(&st, today).await.unwrap(), 0, "{label}");

        // A new carpenter is news, once; one who blocked the company never is.
        let bo = Account::jobseeker("bo@mail.example").create(&st).await;
        let carl = Account::jobseeker("carl@mail.example").create(&st).await;
        candidates::set_visibility(&st, &carl, VisibilityAction::Block, "13748136").await.unwrap();
        complete_cv(&st, &bo, carpenter()).await;
        complete_cv(&st, &carl, carpenter()).await;
        testing::settle(&st).await;
        let (a, b) = tokio::join!(agents::sweep_all(&st, today), agents::sweep_all(&st, today));
        assert_eq!(a.unwrap() + b.unwrap(), 1, "{label}: two nodes at once record it once");
        assert_eq!(agents::sweep_all(&st, today).await.unwrap(), 0, "{label}");
        let id = agents::list(&st, &marstal).await.unwrap()[0].id;
        assert_eq!(agents::list(&st, &marstal).await.unwrap()[0].unseen, 1);

        // Another company cannot see, change or delete it.
        assert_eq!(agents::take_new(&st, &other, id).await, Err(AppError::NotFound), "{label}");
        let delete = AgentForm { action: "delete".into(), id: id.to_string(), ..Default::default() };
        assert_eq!(agents::act(&st, &other, &delete).await, Err(AppError::NotFound));
        assert!(agents::list(&st, &other).await.unwrap().is_empty());

        let new = agents::take_new(&st, &marstal, id).await.unwrap();
        assert_eq!(new.iter().map(|m| m.candidate).collect::<Vec<_>>(), [bo.id], "{label}");
        assert_eq!(new[0].headline, "Tømrer");
        assert!(agents::take_new(&st, &marstal, id).await.unwrap().is_empty(), "{label}: shown once");

        // The daily e-mail: queued once a day, with the new candidate.
        let morning = testing::at("2030-01-07T07:30:00Z");
        let (a, b) = tokio::join!(agents::queue_digests(&st, morning), agents::queue_digests(&st, morning));
        assert_eq!(a.unwrap() + b.unwrap(), 1, "{label}");
        assert_eq!(agents::queue_digests(&st, morning).await.unwrap(), 0, "{label}: once a day");
        assert_eq!(st.db.mail_waiting().await.unwrap(), 1);

        agents::act(&st, &marstal, &delete).await.unwrap();
        assert!(agents::list(&st, &marstal).await.unwrap().is_empty());
        st.shutdown().await;
    }
}

/// Danish queries over a small set of CVs, as for vacancies: stems, compounds,
/// æ/ø/å and their two-letter spellings, typos, words from every part of a CV,
/// and the occupation sought ranked above a word found only in a job held.
#[tokio::test(flavor = "multi_thread")]
async fn relevance_of_danish_candidate_queries() {
    for t in databases("cv_relevance").await {
        let st = t.state().await;
        let employer = Account::employer("peter@marstal.example").create(&st).await;
        let people: &[(&str, CvFacts)] = &[
            (
                "paedagog",
                CvFacts {
                    occupation: "Pædagog (234210)", job: "Pædagog", education: "Pædagoguddannelsen", skill: "Musik", time: "fuld"
                },
            ),
            (
                "medhjaelper",
                CvFacts {
                    occupation: "Pædagogmedhjælper (531210)", job: "Pædagogmedhjælper", education: "PGU", skill: "", time: "deltid"
                },
            ),
            (
                "sygeplejerske",
                CvFacts {
                    occupation: "Sygeplejerske (222110)",
                    job: "Sygeplejerske",
                    education: "Sygeplejerskeuddannelsen",
                    skill: "Akutmodtagelse",
                    time: "fuld",
                },
            ),
            (
                "lager",
                CvFacts {
                    occupation: "Lagermedarbejder (933310)",
                    job: "Truckfører",
                    education: "Lagerlogistik",
                    skill: "Truckcertifikat",
                    time: "fuld",
                },
            ),
            (
                "sosu",
                CvFacts {
                    occupation: "Social- og sundhedshjælper (532210)",
                    job: "Hjemmehjælper",
                    education: "Social- og sundhedsuddannelsen",
                    skill: "Ældrepleje",
                    time: "begge",
                },
            ),
            (
                "toemrer",
                CvFacts {
                    occupation: "Tømrer (711510)", job: "Tømrer", education: "Tømreruddannelsen", skill: "Renovering", time: "fuld"
                },
            ),
            // Was a lagermedarbejder once; seeks work as a developer.
            (
                "udvikler",
                CvFacts {
                    occupation: "Softwareudvikler (251210)",
                    job: "Lagermedarbejder",
                    education: "Datamatiker",
                    skill: "Rust",
                    time: "fuld",
                },
            ),
        ];
        let mut ids = std::collections::HashMap::new();
        for (who, facts) in people {
            let me = Account::jobseeker(&format!("{who}@mail.example")).create(&st).await;
            complete_cv(&st, &me, facts.clone()).await;
            ids.insert(me.id, *who);
        }
        testing::settle(&st).await;
        // (query, expected first hit, expected number of hits)
        let table: &[(&str, Option<&str>, u64)] = &[
            ("pædagog", Some("paedagog"), 2),
            ("paedagog", Some("paedagog"), 2),
            ("pædagoger", Some("paedagog"), 2),
            ("sygeplejersker", Some("sygeplejerske"), 1),
            ("sygeplejerke", Some("sygeplejerske"), 1),
            ("toemrer", Some("toemrer"), 1),
            ("truck", Some("lager"), 1),
            ("truckcertifikat", Some("lager"), 1),
            ("ældrepleje", Some("sosu"), 1),
            ("aeldrepleje", Some("sosu"), 1),
            ("datamatiker", Some("udvikler"), 1),
            ("lagermedarbejder", Some("lager"), 2),
            ("softwareudviklere", Some("udvikler"), 1),
            ("pædagog tømrer", None, 0),
            ("astronaut", None, 0),
        ];
        for (query, first, count) in table {
            let r = candidates::search(&st, &employer, SearchQuery::text(query)).await.unwrap();
            let got: Vec<&str> = r.hits.iter().map(|h| ids[&h.id]).collect();
            assert_eq!(got.first().copied(), *first, "{}: {query:?} gave {got:?}", t.label);
            assert_eq!(r.total, *count, "{}: {query:?} gave {got:?}", t.label);
        }
        st.shutdown().await;
    }
}
