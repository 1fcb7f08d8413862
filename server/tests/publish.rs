//! Vacancies out, over real HTTP on SQLite and PostgreSQL: a consumer that follows
//! the open feed from the start ends with exactly the open vacancies, also while
//! vacancies are added, closed and expire during its walk; pages are cached by
//! ETag; the vacancy page carries its JSON-LD (which no employer's text can
//! break out of); sitemaps, robots.txt, the Atom feed of a search and the
//! OpenAPI document answer.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failed unwrap is a failed test

mod common;

use app::domain::publish::{FeedPage, FeedState};
use app::domain::vacancy::NewVacancy;
use common::{start, Running};
use reqwest::StatusCode;
use std::collections::{BTreeSet, HashMap};
use testing::databases;

async fn add(s: &Running, title: &str, deadline_days: i64) -> i64 {
    let today = s.state.clock.today();
    let v = NewVacancy { deadline: today + chrono::Duration::days(deadline_days), ..testing::vacancy(title, "Marstal", today) };
    s.state.db.insert_vacancies(&[v], |_| s.state.clock.now(), s.state.clock.now()).await.unwrap()[0]
}

async fn page(s: &Running, since: &str, limit: u32) -> FeedPage {
    let (status, body) = s.get(&format!("/api/v1/vacancies?since={since}&limit={limit}")).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    serde_json::from_str(&body).unwrap()
}

/// Reads every page after `since` into `mirror`; returns the cursor to go on from.
async fn follow(s: &Running, mut since: String, mirror: &mut HashMap<i64, String>, between: impl AsyncFn(usize)) -> String {
    for round in 0.. {
        let p = page(s, &since, 7).await;
        for c in &p.changes {
            match (c.state, &c.vacancy) {
                (FeedState::Open, Some(v)) => {
                    mirror.insert(c.id, v.title.clone());
                }
                (FeedState::Open, None) => panic!("an open entry without its vacancy: {c:?}"),
                _ => {
                    mirror.remove(&c.id);
                }
            }
        }
        since = p.next;
        if !p.more {
            break;
        }
        between(round).await;
    }
    since
}

async fn accepting(s: &Running) -> BTreeSet<i64> {
    let today = s.state.clock.today();
    s.state.db.open_vacancy_urls(today, 0, 100_000).await.unwrap().into_iter().map(|(id, _)| id).collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_consumer_mirrors_exactly_the_open_vacancies_while_they_change() {
    for t in databases("feed_mirror").await {
        let s = start(&t).await;
        let label = t.label;
        let mut ids = Vec::new();
        for i in 0..40 {
            ids.push(add(&s, &format!("Tømrer nummer {i}"), 14).await);
        }
        s.state.db.close_vacancy(ids[3], None, s.state.clock.now()).await.unwrap();
        let expired = add(&s, "Kok med udløbet frist", -1).await;

        // Walking from the start while others add, close and extend vacancies.
        let mut mirror = HashMap::new();
        let between = async |round: usize| {
            let added = add(&s, &format!("Ny undervejs {round}"), 10).await;
            s.state.db.close_vacancy(ids[39 - round], None, s.state.clock.now()).await.unwrap();
            if round.is_multiple_of(2) {
                // Closed after the walk passed it, and one added then closed at once.
                s.state.db.close_vacancy(ids[round], None, s.state.clock.now()).await.unwrap();
                s.state.db.close_vacancy(added, None, s.state.clock.now()).await.unwrap();
            }
        };
        let cursor = follow(&s, String::new(), &mut mirror, between).await;
        // One more poll sees what happened after the last page.
        let cursor = follow(&s, cursor, &mut mirror, async |_| {}).await;
        assert_eq!(mirror.keys().copied().collect::<BTreeSet<_>>(), accepting(&s).await, "{label}");
        assert!(!mirror.contains_key(&expired), "{label}: past its deadline, never mirrored");

        // Nothing new: the same cursor, no changes.
        let idle = page(&s, &cursor, 7).await;
        assert!(idle.changes.is_empty() && idle.next == cursor && !idle.more, "{label}: {idle:?}");

        // A deadline passing is a change, told once even by two nodes at once.
        let (a, b) = tokio::join!(app::ssr::services::publish::note_expired(&s.state), app::ssr::services::publish::note_expired(&s.state));
        assert_eq!(a.unwrap() + b.unwrap(), 1, "{label}");
        let after = page(&s, &cursor, 7).await;
        assert_eq!(after.changes.iter().map(|c| (c.id, c.state)).collect::<Vec<_>>(), [(expired, FeedState::Expired)], "{label}");
        assert_eq!(app::ssr::services::publish::note_expired(&s.state).await.unwrap(), 0);

        // Bounded, and a bad cursor is told, not guessed.
        assert_eq!(s.get("/api/v1/vacancies?since=abc").await.0, StatusCode::BAD_REQUEST);
        assert_eq!(s.get("/api/v1/vacancies?limit=0").await.0, StatusCode::BAD_REQUEST);
        let whole = page(&s, "", 5000).await;
        assert!(!whole.more && whole.changes.len() > 41, "{label}: every vacancy once, on one page of up to 1,000");

        // Cached: the same page again is a 304 by its ETag.
        let res = s.client.get(format!("{}/api/v1/vacancies?limit=3", s.base)).send().await.unwrap();
        assert_eq!(res.headers()["cache-control"], "public, max-age=60", "{label}");
        let tag = res.headers()["etag"].clone();
        let again = s.client.get(format!("{}/api/v1/vacancies?limit=3", s.base)).header("if-none-match", tag).send().await.unwrap();
        assert_eq!(again.status(), StatusCode::NOT_MODIFIED, "{label}");
        s.stop().await;
    }
}

/// The JSON-LD blocks of a page.
fn json_ld(html: &str) -> Vec<serde_json::Value> {
    html.split(r#"<script type="application/ld+json">"#)
        .skip(1)
        .map(|rest| serde_json::from_str(rest.split("</script>").next().unwrap()).unwrap())
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn search_engines_and_feed_readers_find_the_vacancies() {
    for t in databases("publish").await {
        let s = start(&t).await;
        let label = t.label;
        let hostile = "Smed </script><script>alert(1)</script>";
        let id = add(&s, hostile, 14).await;
        let closed = add(&s, "Lukket stilling", 14).await;
        s.state.db.close_vacancy(closed, None, s.state.clock.now()).await.unwrap();
        testing::settle(&s.state).await;

        let (status, html) = s.get(&format!("/job/{id}")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(!html.contains("<script>alert(1)"), "{label}: the employer's text cannot open a script");
        let blocks = json_ld(&html);
        assert_eq!(blocks.len(), 1, "{label}");
        assert_eq!((blocks[0]["@type"].as_str(), blocks[0]["title"].as_str()), (Some("JobPosting"), Some(hostile)), "{label}");

        let (_, robots) = s.get("/robots.txt").await;
        assert!(robots.contains("Sitemap: http://127.0.0.1:") && robots.contains("Disallow: /min-side"), "{robots}");
        let (_, index) = s.get("/sitemap.xml").await;
        assert!(index.contains("/sitemaps/0</loc>"), "{index}");
        let (_, urls) = s.get("/sitemaps/0").await;
        assert!(urls.contains(&format!("/job/{id}</loc>")) && !urls.contains(&format!("/job/{closed}</loc>")), "{label}: {urls}");
        assert_eq!(s.get("/sitemaps/x").await.0, StatusCode::NOT_FOUND);

        let (status, atom) = s.get("/job.atom?q=smed").await;
        assert_eq!(status, StatusCode::OK, "{atom}");
        assert!(atom.contains("Smed &lt;/script&gt;") && atom.contains(&format!("/job/{id}</id>")), "{label}: {atom}");

        let (_, doc) = s.get("/api/v1/openapi.json").await;
        let doc: serde_json::Value = serde_json::from_str(&doc).unwrap();
        assert!(doc["paths"]["/api/v1/vacancies"]["get"].is_object(), "{doc}");
        assert!(doc["components"]["schemas"]["FeedPageDoc"].is_object(), "{doc}");
        s.stop().await;
    }
}

/// One Jobunivers mirrors another's open feed: everything open arrives, and a
/// vacancy closed at the source is closed in the mirror on the next run.
#[tokio::test(flavor = "multi_thread")]
async fn one_jobunivers_imports_anothers_open_feed() {
    for t in databases("roundtrip").await {
        let s = start(&t).await;
        let label = t.label;
        let mut ids = Vec::new();
        for i in 0..25 {
            ids.push(add(&s, &format!("Havnearbejder {i}"), 14).await);
        }
        let mirror_db = databases(&format!("roundtrip_mirror_{label}")).await;
        let m = mirror_db[0].state().await;
        let admin = testing::Account::admin("sofie@job.example").create(&m).await;
        let fetcher = app::ssr::fetch::Fetcher::new(app::ssr::fetch::FetchConfig { allow_private: true, ..Default::default() }).unwrap();
        let feed = format!("{}/api/v1/vacancies", s.base);
        let source = app::ssr::services::imports::add_source(&m, &admin, "Jobunivers Ærø", &feed, "jobunivers", "", 15).await.unwrap();
        let run = |m: app::ssr::AppState| {
            let fetcher = &fetcher;
            async move { app::ssr::services::imports::run(&m, fetcher, source, "mirror", &|_, _| {}).await.unwrap().unwrap() }
        };
        let first = run(m.clone()).await;
        assert_eq!((first.outcome, first.tally.added), ("complete", 25), "{label}: {first:?}");

        s.state.db.close_vacancy(ids[0], None, s.state.clock.now()).await.unwrap();
        add(&s, "Færgestyrmand", 20).await;
        let second = run(m.clone()).await;
        assert_eq!((second.tally.added, second.tally.closed), (1, 1), "{label}: only the changes: {second:?}");
        testing::settle(&m).await;
        let found = app::ssr::services::vacancies::search(&m, app::domain::search::SearchQuery::text("havnearbejder")).await.unwrap();
        assert_eq!(found.total, 24, "{label}");
        m.shutdown().await;
        s.stop().await;
    }
}
