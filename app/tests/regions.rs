//! The regions of 1 January 2027 on SQLite and PostgreSQL, with the date given to
//! the code: the regions and facet counts on either side of the day, an old address
//! mapped to the new region, and a job agent moved once with its owner told once,
//! even when two nodes move it at the same moment.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failed unwrap is a failed test

use app::domain::agents::AgentForm;
use app::domain::jobseeker::Notice;
use app::domain::region::Region;
use app::domain::vacancy::NewVacancy;
use app::search::types::{SearchQuery, SearchResults};
use app::ssr::services::agents;
use app::ssr::services::jobseeker::overview;
use app::ssr::AppState;
use chrono::NaiveDate;
use testing::{databases, Account};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn search(st: &AppState, address: &str, on: NaiveDate) -> SearchResults {
    st.index.search(&SearchQuery::from_address(address), on).unwrap()
}

fn regions(r: &SearchResults) -> Vec<(Region, u64)> {
    r.facets.regions.clone()
}

#[tokio::test(flavor = "multi_thread")]
async fn regions_change_on_new_year_2027() {
    use Region::*;
    let (eve, new_year) = (day(2026, 12, 31), day(2027, 1, 1));
    for t in databases("regions").await {
        // The day before the change, on the server's clock too.
        let st = t.state_at(testing::at("2026-12-31T12:00:00Z")).await;
        // Open until spring: København (Hovedstaden), Roskilde (Sjælland), Aarhus (Midtjylland).
        let open = |city: &str| NewVacancy { deadline: day(2027, 3, 1), ..testing::vacancy("Pædagog", city, eve) };
        st.db
            .insert_vacancies(&[open("København V"), open("Roskilde"), open("Aarhus C")], |_| st.clock.now(), st.clock.now())
            .await
            .unwrap();
        st.indexer.wake();
        testing::settle(&st).await;

        // Five regions with their counts until New Year's Eve, four from New Year's Day.
        let r = search(&st, "q=p%C3%A6dagog", eve);
        assert_eq!(regions(&r), [(Hovedstaden, 1), (Sjaelland, 1), (Syddanmark, 0), (Midtjylland, 1), (Nordjylland, 0)], "{}", t.label);
        let r = search(&st, "q=p%C3%A6dagog", new_year);
        assert_eq!(regions(&r), [(Oestdanmark, 2), (Syddanmark, 0), (Midtjylland, 1), (Nordjylland, 0)], "{}", t.label);

        // An old address keeps working: Sjælland means Østdanmark from the day.
        assert_eq!(search(&st, "region=Sj%C3%A6lland", eve).total, 1, "{}: Roskilde only", t.label);
        assert_eq!(search(&st, "region=Sj%C3%A6lland", new_year).total, 2, "{}: all of Østdanmark", t.label);
        assert_eq!(search(&st, "region=Hovedstaden", new_year).total, 2, "{}", t.label);
        assert_eq!(search(&st, "region=%C3%98stdanmark", new_year).total, 2, "{}", t.label);
        assert_eq!(search(&st, "region=Midtjylland", new_year).total, 1, "{}", t.label);

        // A job agent that names Sjælland is moved on the day, once, and its owner told once.
        let me = Account::jobseeker("anne@mail.example").municipality(265).create(&st).await;
        let create =
            |name: &str, query: &str| AgentForm { action: "create".into(), name: name.into(), query: query.into(), ..Default::default() };
        agents::act(&st, &me, &create("Pædagog på Sjælland", "q=p%C3%A6dagog&region=Sj%C3%A6lland")).await.unwrap();
        agents::act(&st, &me, &create("Aarhus", "q=p%C3%A6dagog&region=Midtjylland")).await.unwrap();
        assert_eq!(agents::move_to_regions_in_force(&st, eve).await.unwrap(), 0, "{}: nothing before the day", t.label);
        // Two nodes at the same moment: one moves it.
        let (a, b) = tokio::join!(agents::move_to_regions_in_force(&st, new_year), agents::move_to_regions_in_force(&st, new_year));
        assert_eq!(a.unwrap() + b.unwrap(), 1, "{}", t.label);
        assert_eq!(agents::move_to_regions_in_force(&st, day(2027, 1, 2)).await.unwrap(), 0, "{}: once", t.label);
        let hrefs: Vec<String> = agents::list(&st, &me).await.unwrap().into_iter().map(|a| a.href).collect();
        assert_eq!(hrefs, ["/job?q=p%C3%A6dagog&region=%C3%98stdanmark", "/job?q=p%C3%A6dagog&region=Midtjylland"], "{}", t.label);
        let notices: Vec<Notice> = overview::notifications(&st, &me, 10).await.unwrap().into_iter().map(|n| n.notice).collect();
        let moved =
            Notice::AgentRegionMoved { agent: "Pædagog på Sjælland".into(), from: vec![Sjaelland], to: Oestdanmark, on: new_year };
        assert_eq!(notices, std::slice::from_ref(&moved), "{}", t.label);
        assert_eq!(
            moved.text(app::Lang::Da),
            "Din jobagent »Pædagog på Sjælland« søger nu i Region Østdanmark: Region Sjælland blev en del af den 1. januar 2027. \
             Du finder de samme job som før."
        );
        assert!(moved
            .text(app::Lang::En)
            .contains("now searches Region of Eastern Denmark: Region Zealand became part of it on 1 January 2027"));

        st.shutdown().await;
    }
}

/// A postcode that covers parts of several municipalities: a vacancy there is
/// found from each of them and counted once in each, and once per region (so
/// not twice in Østdanmark from 2027, where both of Hedehusene's lie).
#[tokio::test(flavor = "multi_thread")]
async fn a_postcode_shared_by_municipalities_is_found_from_each() {
    use Region::*;
    let (eve, new_year) = (day(2026, 12, 31), day(2027, 1, 1));
    for t in databases("shared_postcodes").await {
        let st = t.state_at(testing::at("2026-12-31T12:00:00Z")).await;
        let open = |city: &str| NewVacancy { deadline: day(2027, 3, 1), ..testing::vacancy("Pædagog", city, eve) };
        // 2640 Hedehusene: Høje-Taastrup (Hovedstaden) and Fløng in Roskilde (Sjælland).
        // 4000 Roskilde: Roskilde and Gevninge in Lejre, both Sjælland.
        // The third names its municipality itself (Roskilde), not the postcode's main one.
        let chosen = NewVacancy { municipality_code: Some(265), ..open("Hedehusene") };
        st.db.insert_vacancies(&[open("Hedehusene"), open("Roskilde"), chosen], |_| st.clock.now(), st.clock.now()).await.unwrap();
        st.indexer.wake();
        testing::settle(&st).await;

        let r = search(&st, "q=p%C3%A6dagog", eve);
        assert_eq!(r.total, 3, "{}", t.label);
        assert_eq!(regions(&r), [(Hovedstaden, 1), (Sjaelland, 3), (Syddanmark, 0), (Midtjylland, 0), (Nordjylland, 0)], "{}", t.label);
        let mut m = r.facets.municipalities.clone();
        m.sort();
        assert_eq!(m, [(169, 1), (265, 3), (350, 1)], "{}: Høje-Taastrup, Roskilde, Lejre", t.label);
        let r = search(&st, "q=p%C3%A6dagog", new_year);
        assert_eq!(regions(&r), [(Oestdanmark, 3), (Syddanmark, 0), (Midtjylland, 0), (Nordjylland, 0)], "{}: each once", t.label);

        // Filtering: each municipality finds what may lie in it.
        assert_eq!(search(&st, "kommune=265", eve).total, 3, "{}: Roskilde", t.label);
        assert_eq!(search(&st, "kommune=169", eve).total, 1, "{}: Høje-Taastrup", t.label);
        assert_eq!(search(&st, "kommune=350", eve).total, 1, "{}: Lejre", t.label);
        assert_eq!(search(&st, "kommune=350&kommune=169", eve).total, 2, "{}", t.label);
        assert_eq!(search(&st, "region=Hovedstaden", eve).total, 1, "{}", t.label);
        assert_eq!(search(&st, "region=Sj%C3%A6lland&region=Hovedstaden", eve).total, 3, "{}: each once", t.label);
        assert_eq!(search(&st, "region=%C3%98stdanmark", new_year).total, 3, "{}", t.label);
        assert_eq!(search(&st, "kommune=751", eve).total, 0, "{}", t.label);
        st.shutdown().await;
    }
}
