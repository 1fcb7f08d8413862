//! The search index fed by the outbox indexer, on SQLite and PostgreSQL: Danish
//! analysis, expiry, closing, restart and rebuild.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failed unwrap is a failed test

use app::domain::vacancy::{NewVacancy, VacancyForm};
use app::error::AppError;
use app::search::types::{SearchQuery, SearchResults};
use app::ssr::clock::Clock;
use app::ssr::index::{Opened, VacancyIndex};
use app::ssr::services::vacancies;
use app::ssr::AppState;
use chrono::{DateTime, Duration, Utc};
use std::time::Instant;
use testing::{databases, Account};

/// These tests run on 23 November 2026 (deadlines and "posted within" count from it).
fn now() -> DateTime<Utc> {
    testing::at("2026-11-23T10:00:00Z")
}

fn vacancy(title: &str, city: &str) -> NewVacancy {
    testing::vacancy(title, city, now().date_naive())
}

async fn search(st: &AppState, text: &str) -> SearchResults {
    vacancies::search(st, SearchQuery::text(text)).await.unwrap()
}

fn titles(r: &SearchResults) -> Vec<String> {
    r.hits.iter().map(|h| h.title.clone()).collect()
}

async fn seed(st: &AppState, items: &[NewVacancy]) {
    st.db.insert_vacancies(items, |_| st.clock.now(), st.clock.now()).await.unwrap();
    st.indexer.wake();
    testing::settle(st).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn danish_search_finds_stems_and_skips_expired_and_closed() {
    for t in databases("danish_search").await {
        let st = t.state_at(now()).await;
        let mut expired = vacancy("Pædagog med udløbet frist", "Aarhus C");
        expired.deadline = st.clock.today() - Duration::days(3);
        seed(
            &st,
            &[
                vacancy("Pædagog til børnehave", "Aarhus C"),
                vacancy("Sygeplejerske til akutmodtagelsen", "Odense C"),
                vacancy("Lagermedarbejder", "Kolding"),
                vacancy("Softwareudvikler", "Aalborg"),
                expired,
            ],
        )
        .await;

        let r = search(&st, "pædagog").await;
        assert_eq!(titles(&r), vec!["Pædagog til børnehave"], "{}: expired vacancies are left out", t.label);
        let r = search(&st, "sygeplejersker").await;
        assert_eq!(titles(&r), vec!["Sygeplejerske til akutmodtagelsen"], "{}: plural finds singular", t.label);
        let r = search(&st, "lagermedarbejdere kolding").await;
        assert_eq!(r.total, 1, "{}: all words must match, town included", t.label);
        assert_eq!(search(&st, "pædagog odense").await.total, 0);
        assert_eq!(search(&st, "").await.total, 4, "an empty search lists every open vacancy");
        assert_eq!(search(&st, "\"unbalanced (query: -").await.hits.len(), 0, "odd input never fails");

        let id = search(&st, "softwareudvikler").await.hits[0].id;
        assert!(st.db.close_vacancy(id, None, st.clock.now()).await.unwrap());
        st.indexer.wake();
        testing::settle(&st).await;
        assert_eq!(search(&st, "softwareudvikler").await.total, 0, "{}: closed leaves the index", t.label);
        assert_eq!(vacancies::get(&st, id).await, Err(AppError::NotFound));
        st.shutdown().await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_posted_vacancy_is_searchable_quickly() {
    for t in databases("posted_searchable").await {
        let st = t.state_at(now()).await;
        testing::settle(&st).await;
        let form = VacancyForm {
            title: "Havnefoged".into(),
            employer_name: "Marstal Havn".into(),
            description: "Vi søger en havnefoged, der kan tage sig af sejlere, broer og bådpladser.".into(),
            postcode: "5960".into(),
            city: "Marstal".into(),
            weekly_hours: "37".into(),
            deadline: (st.clock.today() + Duration::days(10)).to_string(),
            how_to_apply: "havn@marstal.example".into(),
            municipality: "492".into(),
            employment_type: "fast".into(),
            ..Default::default()
        };
        let me = Account::employer("havn@marstal.example").create(&st).await;
        let started = Instant::now();
        let id = vacancies::create(&st, &me, &form).await.unwrap();
        loop {
            let r = search(&st, "havnefoged").await;
            if r.hits.iter().any(|h| h.id == id) {
                break;
            }
            assert!(started.elapsed().as_secs() < 30, "{}: never became searchable", t.label);
            tokio::time::sleep(std::time::Duration::from_millis(10)).await;
        }
        // Printed, not asserted: the target is 1 s (see the closing note).
        println!("{}: posted vacancy searchable after {} ms", t.label, started.elapsed().as_millis());
        let v = vacancies::get(&st, id).await.unwrap();
        assert_eq!(v.details.city, "Marstal");

        let bad = VacancyForm { postcode: "55".into(), ..form.clone() };
        assert_eq!(vacancies::of_my_company(&st, &me).await.unwrap().iter().map(|v| v.id).collect::<Vec<_>>(), vec![id]);
        let mut stranger = me.clone();
        stranger.company_id = Some(me.company_id.unwrap() + 1);
        assert!(vacancies::of_my_company(&st, &stranger).await.unwrap().is_empty(), "{}: another company sees none", t.label);
        match vacancies::create(&st, &me, &bad).await {
            Err(AppError::Invalid(errors)) => assert_eq!(errors.get("postcode"), Some(app::Msg::ErrPostcodeInvalid)),
            other => panic!("expected a field error, got {other:?}"),
        }
        st.shutdown().await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_restarted_indexer_catches_up_and_a_lost_index_is_rebuilt() {
    for t in databases("restart").await {
        let index_dir = t.dir().join("index");
        let vacancies = app::ssr::index::vacancies_dir(&index_dir);
        let st = t.state_with(&index_dir, Clock::starting_at(now())).await;
        seed(&st, &[vacancy("Tømrer", "Vejle")]).await;
        let stopped_at = st.indexer.applied_outbox_id();
        st.stop_indexers().await;
        drop(st);

        // Written while no indexer runs.
        t.db.insert_vacancy(&vacancy("Elektriker", "Vejle"), now()).await.unwrap();
        let (_, opened) = VacancyIndex::open_or_create(&vacancies).unwrap();
        assert!(matches!(opened, Opened::Current(p) if p.outbox_id == stopped_at), "{}: {opened:?}", t.label);
        let st = t.state_with(&index_dir, Clock::starting_at(now())).await;
        testing::settle(&st).await;
        assert_eq!(search(&st, "elektriker").await.total, 1, "{}: caught up from the stored watermark", t.label);
        st.stop_indexers().await;
        drop(st);

        // An index folder holding junk is rebuilt from the database.
        std::fs::remove_dir_all(&vacancies).unwrap();
        std::fs::create_dir_all(&vacancies).unwrap();
        std::fs::write(vacancies.join("meta.json"), b"not an index").unwrap();
        let (_, opened) = VacancyIndex::open_or_create(&vacancies).unwrap();
        assert_eq!(opened, Opened::Fresh);
        let st = t.state_with(&index_dir, Clock::starting_at(now())).await;
        testing::settle(&st).await;
        assert_eq!(search(&st, "").await.total, 2, "{}: rebuilt from the database", t.label);
        st.shutdown().await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn results_come_in_pages_newest_first_when_there_is_no_query() {
    for t in databases("paging").await {
        let st = t.state_at(now()).await;
        let items: Vec<NewVacancy> = (0..45).map(|i| vacancy(&format!("Butiksassistent {i}"), "Randers")).collect();
        let base = st.clock.now() - Duration::days(30);
        st.db.insert_vacancies(&items, |i| base + Duration::days(i as i64 / 2), st.clock.now()).await.unwrap();
        st.indexer.wake();
        testing::settle(&st).await;
        let p1 = vacancies::search(&st, SearchQuery::text("")).await.unwrap();
        let p3 = vacancies::search(&st, SearchQuery { page: 3, ..SearchQuery::text("") }).await.unwrap();
        assert_eq!((p1.total, p1.hits.len(), p1.pages()), (45, 20, 3), "{}", t.label);
        assert_eq!(p3.hits.len(), 5);
        assert!(p1.hits.windows(2).all(|w| w[0].posted >= w[1].posted), "newest first");
        assert!(p1.hits[0].posted > p3.hits[4].posted);
        st.shutdown().await;
    }
}

/// Danish queries against a small fixed corpus: stems, compounds, æ/ø/å and their
/// ASCII spellings, typos, and exact matches ranked above approximate ones.
#[tokio::test(flavor = "multi_thread")]
async fn relevance_of_danish_queries() {
    for t in databases("relevance").await {
        let st = t.state_at(now()).await;
        seed(
            &st,
            &[
                vacancy("Pædagog til børnehave", "Aarhus C"),
                vacancy("Pædagogmedhjælper i vuggestue", "Vejle"),
                vacancy("Sygeplejerske til akutmodtagelsen", "Odense C"),
                vacancy("Lagermedarbejder", "Kolding"),
                vacancy("Social- og sundhedshjælper til ældreplejen", "Næstved"),
                vacancy("Tømrer til renovering", "Roskilde"),
                vacancy("Softwareudvikler", "Aalborg"),
                vacancy("Kok til kantinen", "Horsens"),
                NewVacancy {
                    description: "Du leder kantinen og et hold af kokke og køkkenmedhjælpere.".into(),
                    ..vacancy("Kantineleder", "Horsens")
                },
                NewVacancy { occupation_code: Some("512010".into()), ..vacancy("Medarbejder til cafeen", "Horsens") },
                vacancy("Hjælper til kantinen", "Horsens"),
            ],
        )
        .await;
        // (query, expected first hit, expected number of hits)
        let table: &[(&str, Option<&str>, u64)] = &[
            // Danish letters typed as their plain neighbours.
            ("padagog", Some("Pædagog til børnehave"), 2),
            ("tomrer", Some("Tømrer til renovering"), 1),
            ("aldrepleje", Some("Social- og sundhedshjælper til ældreplejen"), 1),
            ("arhus", Some("Pædagog til børnehave"), 1),
            // Short forms, whole or hyphenated; a hyphenated one never through its second half.
            ("SSH", Some("Social- og sundhedshjælper til ældreplejen"), 1),
            ("sosu-hjælper", Some("Social- og sundhedshjælper til ældreplejen"), 1),
            ("abc-hjælper", None, 0),
            ("hjælper", Some("Hjælper til kantinen"), 1),
            // English words for occupations find Danish vacancies (and those coded so).
            ("nurse", Some("Sygeplejerske til akutmodtagelsen"), 1),
            ("carpenter", Some("Tømrer til renovering"), 1),
            ("software developer", Some("Softwareudvikler"), 1),
            ("cook", Some("Kok til kantinen"), 2),
            // A word only in a description ranks below the title that has it.
            ("kok", Some("Kok til kantinen"), 3),
            // A word too long to be one finds nothing, never everything.
            ("qwertyuiopasdfghjklzxcvbnmqwertyuiopasdfghjkl", None, 0),
            ("pædagog", Some("Pædagog til børnehave"), 2),
            ("paedagog", Some("Pædagog til børnehave"), 2),
            ("pædagoger", Some("Pædagog til børnehave"), 2),
            ("lager", Some("Lagermedarbejder"), 1),
            ("ældre", Some("Social- og sundhedshjælper til ældreplejen"), 1),
            ("aeldrepleje", Some("Social- og sundhedshjælper til ældreplejen"), 1),
            ("sygeplejerke", Some("Sygeplejerske til akutmodtagelsen"), 1),
            ("sygeplejesker", Some("Sygeplejerske til akutmodtagelsen"), 1),
            ("toemrer", Some("Tømrer til renovering"), 1),
            ("softwareudviklere", Some("Softwareudvikler"), 1),
            ("århus", Some("Pædagog til børnehave"), 1),
            ("pædagog vejle", Some("Pædagogmedhjælper i vuggestue"), 1),
            ("pædagog kolding", None, 0),
            ("astronaut", None, 0),
        ];
        for (query, first, count) in table {
            let r = search(&st, query).await;
            assert_eq!(r.hits.first().map(|h| h.title.as_str()), *first, "{}: {query:?} gave {:?}", t.label, titles(&r));
            assert_eq!(r.total, *count, "{}: {query:?} gave {:?}", t.label, titles(&r));
        }
        // Found nothing: what was probably meant, when that finds something.
        let r = search(&st, "kko").await;
        assert_eq!((r.total, r.suggestion.as_deref()), (0, Some("kok")), "{}", t.label);
        let r = search(&st, "pædagog odnese").await;
        assert_eq!((r.total, r.suggestion.as_deref()), (0, None), "{}: no pædagog in Odense, so no suggestion", t.label);
        assert_eq!(search(&st, "xqzzyvvk").await.suggestion, None);
        st.shutdown().await;
    }
}

/// Filters combine (or within a group, and across groups), counts stay true when
/// combined, the radius goes by distance, and results sort as asked.
#[tokio::test(flavor = "multi_thread")]
async fn filters_counts_radius_and_sorting() {
    use app::search::types::{Sort, TimeFilter};
    for t in databases("facets").await {
        let st = t.state_at(now()).await;
        let at = |title: &str, city: &str, municipality: u16, hours: f64, days: i64| NewVacancy {
            municipality_code: Some(municipality),
            weekly_hours: hours,
            deadline: st.clock.today() + Duration::days(days),
            ..vacancy(title, city)
        };
        seed(
            &st,
            &[
                at("Pædagog", "Aarhus C", 751, 37.0, 30),
                at("Pædagog", "Silkeborg", 740, 30.0, 10),
                at("Pædagog", "Skanderborg", 746, 37.0, 20),
                at("Pædagog", "København V", 101, 25.0, 5),
                at("Pædagog", "Aalborg", 851, 37.0, 40),
                NewVacancy {
                    employment_type: app::domain::vacancy::EmploymentType::StudentJob,
                    occupation_code: Some("512010".into()),
                    ..at("Kok", "Aarhus C", 751, 37.0, 15)
                },
            ],
        )
        .await;
        let run = |q: SearchQuery| {
            let st = st.clone();
            async move { vacancies::search(&st, q).await.unwrap() }
        };
        let all = run(SearchQuery::text("pædagog")).await;
        assert_eq!(all.total, 5);
        let f = &all.facets;
        use app::domain::region::Region;
        let in_region = |region: Region| f.regions.iter().find(|(r, _)| *r == region.on(st.clock.today())).unwrap().1;
        assert_eq!(in_region(Region::Midtjylland), 3, "{}", t.label);
        assert_eq!(in_region(Region::Hovedstaden), 1);
        assert_eq!((f.full_time, f.part_time), (3, 2));
        assert_eq!(f.municipalities.len(), 5);

        // Two municipalities widen; part time narrows; the place counts ignore the place choice.
        let q = SearchQuery { municipalities: vec![751, 740], ..SearchQuery::text("pædagog") };
        assert_eq!(run(q.clone()).await.total, 2);
        let q = SearchQuery { time: vec![TimeFilter::Part], ..q };
        let r = run(q).await;
        assert_eq!(titles_and_cities(&r), vec![("Pædagog".to_string(), "Silkeborg".to_string())], "{}", t.label);
        assert_eq!((r.facets.full_time, r.facets.part_time), (1, 1), "time counts keep the place choice, not their own");
        assert_eq!(r.facets.municipalities.iter().map(|(_, n)| n).sum::<u64>(), 2, "place counts keep part time: Silkeborg, København");
        let r = run(SearchQuery { regions: vec![Region::Nordjylland], municipalities: vec![101], ..SearchQuery::text("pædagog") }).await;
        assert_eq!(r.total, 2, "a region or a municipality");

        // Within 50 km of Aarhus: Aarhus, Silkeborg, Skanderborg; nearest first on request.
        use app::domain::postcode::Place;
        let near = SearchQuery { near: Some(Place::Municipality(751)), sort: Sort::Distance, ..SearchQuery::text("pædagog") };
        let r = run(near.clone()).await;
        assert_eq!(r.hits.iter().map(|h| h.city.as_str()).collect::<Vec<_>>(), ["Aarhus C", "Skanderborg", "Silkeborg"], "{}", t.label);
        assert_eq!(r.hits[0].distance_km, Some(0.0));
        assert!(r.hits[2].distance_km.unwrap() > 30.0);
        assert_eq!(run(SearchQuery { km: 10, ..near.clone() }).await.total, 1);
        // Around a postcode: Silkeborg's 25 km hold Silkeborg only; 50 km from 8660
        // Skanderborg reach Aarhus and Silkeborg too, nearest first.
        let r = run(SearchQuery { near: Place::parse("8600 Silkeborg"), km: 25, ..near.clone() }).await;
        assert_eq!(titles_and_cities(&r), vec![("Pædagog".to_string(), "Silkeborg".to_string())], "{}", t.label);
        let r = run(SearchQuery { near: Place::parse("Skanderborg"), ..near.clone() }).await;
        assert_eq!(r.hits.iter().map(|h| h.city.as_str()).collect::<Vec<_>>(), ["Skanderborg", "Aarhus C", "Silkeborg"], "{}", t.label);
        // Soonest deadline first.
        let r = run(SearchQuery { sort: Sort::Deadline, ..SearchQuery::text("pædagog") }).await;
        assert_eq!(r.hits.first().map(|h| h.city.as_str()), Some("København V"));
        // Kind of employment and occupation: filters with counts.
        let all_open = run(SearchQuery::text("")).await;
        let count_of = |e: app::domain::vacancy::EmploymentType| all_open.facets.employment.iter().find(|(x, _)| *x == e).unwrap().1;
        assert_eq!(
            (count_of(app::domain::vacancy::EmploymentType::StudentJob), count_of(app::domain::vacancy::EmploymentType::Permanent)),
            (1, 5)
        );
        assert_eq!(all_open.facets.occupations, vec![("512010".to_string(), 1)]);
        let r = run(SearchQuery { employment: vec![app::domain::vacancy::EmploymentType::StudentJob], ..SearchQuery::text("") }).await;
        assert_eq!(titles_and_cities(&r), vec![("Kok".to_string(), "Aarhus C".to_string())], "{}", t.label);
        assert_eq!(run(SearchQuery { occupations: vec!["512010".into()], ..SearchQuery::text("") }).await.total, 1);
        // Posted within a day: all of them (posted today).
        assert_eq!(run(SearchQuery { within_days: Some(1), ..SearchQuery::text("") }).await.total, 6);
        st.shutdown().await;
    }
}

fn titles_and_cities(r: &SearchResults) -> Vec<(String, String)> {
    r.hits.iter().map(|h| (h.title.clone(), h.city.clone())).collect()
}
