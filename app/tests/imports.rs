//! Vacancies in, on SQLite and PostgreSQL, from local HTTP servers the tests
//! start (no outside network): each format, conditional requests (a 304 does no
//! work), a slow server, a huge body, malformed JSON-LD, an item without a
//! postcode, the same job in two feeds, an item that disappears, a server that
//! answers 500 and recovers, robots.txt, private addresses refused, and one node
//! at a time. Nothing half-stored, and the run report says what happened.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failed unwrap is a failed test

use app::domain::search::SearchQuery;
use app::ssr::fetch::{FetchConfig, FetchError, Fetcher};
use app::ssr::services::{imports, vacancies};
use app::ssr::AppState;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde_json::{json, Value};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use testing::{databases, Account};

/// What the local site serves, changed by the test as it goes.
#[derive(Default)]
struct Site {
    postings: Vec<Value>,
    /// Answer 500 this many more times.
    failures: u32,
    /// Full answers given (a 304 is not one).
    served: u32,
}

type Shared = Arc<Mutex<Site>>;

fn posting(id: &str, title: &str, postcode: Option<&str>) -> Value {
    let mut address = json!({"@type": "PostalAddress", "addressLocality": "Aarhus C"});
    if let Some(p) = postcode {
        address["postalCode"] = json!(p);
    }
    json!({
        "@context": "https://schema.org", "@type": "JobPosting", "identifier": id, "title": title,
        "description": format!("<p>Vi søger en {title} til et travlt køkken med gode kolleger.</p>"),
        "hiringOrganization": {"@type": "Organization", "name": "Kantinen A/S"},
        "jobLocation": {"@type": "Place", "address": address},
        "employmentType": "FULL_TIME", "validThrough": (chrono::Utc::now().date_naive() + chrono::Duration::days(60)).to_string(),
        "url": format!("https://kantinen.example/{id}")
    })
}

/// `?reversed` serves the postings last first.
async fn jobs(State(site): State<Shared>, RawQuery(query): RawQuery, headers: HeaderMap) -> Response {
    let mut s = site.lock().unwrap();
    if s.failures > 0 {
        s.failures -= 1;
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    }
    let mut postings = s.postings.clone();
    if query.as_deref() == Some("reversed") {
        postings.reverse();
    }
    let body = serde_json::to_string(&postings).unwrap();
    let tag = format!("\"{}\"", body.len() as u64 * 31 + body.bytes().map(u64::from).sum::<u64>());
    if headers.get("if-none-match").and_then(|v| v.to_str().ok()) == Some(tag.as_str()) {
        return StatusCode::NOT_MODIFIED.into_response();
    }
    s.served += 1;
    ([("etag", tag.as_str()), ("content-type", "application/json")], body).into_response()
}

async fn page(State(site): State<Shared>, Path(n): Path<usize>) -> Response {
    let s = site.lock().unwrap();
    let Some(p) = s.postings.get(n) else { return StatusCode::NOT_FOUND.into_response() };
    format!("<html><head><script type=\"application/ld+json\">{p}</script></head><body>Job</body></html>").into_response()
}

async fn career(State(site): State<Shared>) -> Response {
    let n = site.lock().unwrap().postings.len();
    let links: String = (0..n).map(|i| format!("<a href=\"/job/{i}\">Job {i}</a>")).collect();
    format!("<html><body><nav><a href=\"/om\">Om os</a></nav>{links}<a href=\"/bad\">x</a><a href=\"/privat/1\">y</a></body></html>")
        .into_response()
}

async fn atom(State(site): State<Shared>) -> Response {
    let n = site.lock().unwrap().postings.len();
    let entries: String = (0..n).map(|i| format!("<entry><title>Job {i}</title><link href=\"/job/{i}\"/></entry>")).collect();
    (
        [("content-type", "application/atom+xml")],
        format!("<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">{entries}</feed>"),
    )
        .into_response()
}

/// The local site on a free port; returns its address.
async fn serve(site: Shared) -> String {
    let router = axum::Router::new()
        .route("/jobs.json", get(jobs))
        .route("/job/{n}", get(page))
        .route("/karriere", get(career))
        .route("/feed.xml", get(atom))
        .route("/om", get(|| async { "<html>Om os</html>" }))
        .route("/bad", get(|| async { "<script type=\"application/ld+json\">{\"@type\": \"JobPosting\", \"title\": </script>" }))
        .route("/privat/1", get(|| async { "hemmeligt" }))
        .route("/robots.txt", get(|| async { "User-agent: *\nDisallow: /privat\n" }))
        .route(
            "/slow",
            get(|| async {
                tokio::time::sleep(Duration::from_secs(5)).await;
                "[]"
            }),
        )
        .route("/huge", get(|| async { format!("[{}]", "1,".repeat(600_000) + "1") }))
        .with_state(site);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    format!("http://{addr}")
}

/// A fetcher for the local site: private addresses allowed, short limits.
fn fetcher() -> Fetcher {
    Fetcher::new(FetchConfig {
        allow_private: true,
        timeout: Duration::from_millis(800),
        max_bytes: 1024 * 1024,
        retries: 2,
        backoff: Duration::from_millis(20),
    })
    .unwrap()
}

async fn found(st: &AppState, words: &str) -> Vec<String> {
    testing::settle(st).await;
    vacancies::search(st, SearchQuery::text(words)).await.unwrap().hits.into_iter().map(|h| h.title).collect()
}

async fn run(st: &AppState, f: &Fetcher, source: i64) -> imports::RunReport {
    imports::run(st, f, source, "node-test", &|_, _| {}).await.unwrap().unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_json_feed_is_added_updated_left_alone_and_closed() {
    for t in databases("import_json").await {
        let st = t.state().await;
        let label = t.label;
        let admin = Account::admin("sofie@job.example").create(&st).await;
        let site: Shared = Arc::default();
        site.lock().unwrap().postings =
            vec![posting("K-1", "Kok", Some("8000")), posting("K-2", "Smørrebrødsjomfru", Some("8000")), posting("K-3", "Tjener", None)];
        let base = serve(site.clone()).await;
        let f = fetcher();
        let source = imports::add_source(&st, &admin, "Kantinen", &format!("{base}/jobs.json"), "json", "", 60).await.unwrap();

        let first = run(&st, &f, source).await;
        assert_eq!((first.outcome, first.tally.added, first.tally.skipped.len()), ("complete", 2, 1), "{label}: {first:?}");
        assert!(first.tally.skipped[0].1.contains("uden postnummer"), "{label}: {:?}", first.tally.skipped);
        assert_eq!(found(&st, "smørrebrødsjomfru").await, ["Smørrebrødsjomfru"], "{label}: the index follows");
        let skips = st.db.run_skips(first.run).await.unwrap();
        assert_eq!(skips.len(), 1, "{label}: the report keeps the reason");

        // Not modified: a 304, and no work.
        let served = site.lock().unwrap().served;
        let second = run(&st, &f, source).await;
        assert_eq!((second.outcome, site.lock().unwrap().served), ("not_modified", served), "{label}");

        // One changed, one gone: updated and closed, the rest left alone.
        {
            let mut s = site.lock().unwrap();
            s.postings.remove(1);
            s.postings[0]["title"] = json!("Køkkenchef");
        }
        let third = run(&st, &f, source).await;
        assert_eq!(
            (third.outcome, third.tally.updated, third.tally.closed, third.tally.added),
            ("complete", 1, 1, 0),
            "{label}: {third:?}"
        );
        assert!(found(&st, "smørrebrødsjomfru").await.is_empty(), "{label}: closed, it left the search");
        assert_eq!(found(&st, "køkkenchef").await, ["Køkkenchef"], "{label}");
        let runs = st.db.runs(source, 10).await.unwrap();
        assert_eq!(runs.iter().map(|r| r.outcome.as_str()).collect::<Vec<_>>(), ["complete", "not_modified", "complete"], "{label}");

        // Only administrators register sources; and only web addresses.
        let anne = Account::jobseeker("anne@mail.example").create(&st).await;
        assert_eq!(imports::add_source(&st, &anne, "x", "https://x.example", "json", "", 60).await, Err(app::error::AppError::Forbidden));
        assert!(imports::add_source(&st, &admin, "x", "file:///etc/passwd", "json", "", 60).await.is_err());
        st.shutdown().await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_failed_cut_or_slow_fetch_closes_nothing_and_a_flaky_one_recovers() {
    for t in databases("import_failures").await {
        let st = t.state().await;
        let label = t.label;
        let admin = Account::admin("sofie@job.example").create(&st).await;
        let site: Shared = Arc::default();
        site.lock().unwrap().postings = vec![posting("K-1", "Kok", Some("8000")), posting("K-2", "Tjener", Some("8000"))];
        let base = serve(site.clone()).await;
        let f = fetcher();
        let source = imports::add_source(&st, &admin, "Kantinen", &format!("{base}/jobs.json"), "json", "", 60).await.unwrap();
        assert_eq!(run(&st, &f, source).await.tally.added, 2);

        // 500 after every retry: failed, nothing closed.
        site.lock().unwrap().failures = 10;
        let failed = run(&st, &f, source).await;
        assert_eq!((failed.outcome, failed.tally.closed), ("failed", 0), "{label}: {failed:?}");
        assert!(failed.error.as_deref().unwrap().contains("500"), "{label}: {failed:?}");
        // 500 twice, then well: the retries carry it.
        {
            let mut s = site.lock().unwrap();
            s.failures = 2;
            s.postings.push(posting("K-3", "Opvasker", Some("8000")));
        }
        let recovered = run(&st, &f, source).await;
        assert_eq!((recovered.outcome, recovered.tally.added), ("complete", 1), "{label}: {recovered:?}");

        // A huge body is cut, a slow server times out: both fail and close nothing.
        for (path, why) in [("huge", "større end"), ("slow", "tidsgrænsen")] {
            let other = imports::add_source(&st, &admin, path, &format!("{base}/{path}"), "json", "", 60).await.unwrap();
            let r = run(&st, &f, other).await;
            assert_eq!(r.outcome, "failed", "{label}: {path}");
            assert!(r.error.as_deref().unwrap().contains(why), "{label}: {path}: {r:?}");
        }
        assert_eq!(found(&st, "kok").await, ["Kok"], "{label}: still open");

        // The same job from a second feed is shown once.
        let twin = imports::add_source(&st, &admin, "Kopien", &format!("{base}/jobs.json?kopi"), "json", "", 60).await.unwrap();
        let r = run(&st, &f, twin).await;
        assert_eq!((r.tally.added, r.tally.skipped.len()), (0, 3), "{label}: {r:?}");
        assert!(r.tally.skipped[0].1.contains("samme stilling"), "{label}");

        // One node at a time: of two asking at once, one holds the source; while it
        // does, a run elsewhere does nothing.
        let (now, until) = (st.clock.now(), st.clock.now() + chrono::Duration::minutes(30));
        let (a, b) = tokio::join!(st.db.start_run(twin, "node-a", now, until), st.db.start_run(twin, "node-b", now, until));
        assert_eq!(u8::from(a.unwrap().is_some()) + u8::from(b.unwrap().is_some()), 1, "{label}");
        assert!(imports::run(&st, &f, twin, "node-c", &|_, _| {}).await.unwrap().is_none(), "{label}");
        st.shutdown().await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn career_pages_and_feeds_lead_to_json_ld_and_robots_txt_is_respected() {
    for t in databases("import_pages").await {
        let st = t.state().await;
        let label = t.label;
        let admin = Account::admin("sofie@job.example").create(&st).await;
        let site: Shared = Arc::default();
        site.lock().unwrap().postings = vec![posting("K-1", "Kok", Some("8000")), posting("K-2", "Bager", Some("8000"))];
        let base = serve(site.clone()).await;
        let f = fetcher();
        let page = imports::add_source(&st, &admin, "Karriere", &format!("{base}/karriere"), "page", "", 60).await.unwrap();
        let r = run(&st, &f, page).await;
        assert_eq!((r.outcome, r.tally.added), ("complete", 2), "{label}: {r:?}");
        let reasons: Vec<&str> = r.tally.skipped.iter().map(|s| s.1.as_str()).collect();
        assert!(reasons.iter().any(|s| s.contains("JSON-LD")), "{label}: malformed JSON-LD: {reasons:?}");
        assert!(reasons.iter().any(|s| s.contains("robots.txt")), "{label}: {reasons:?}");
        assert_eq!(found(&st, "bager").await, ["Bager"], "{label}");

        // The Atom feed leads to the same pages: the same jobs, shown once.
        let feed = imports::add_source(&st, &admin, "Feed", &format!("{base}/feed.xml"), "feed", "", 60).await.unwrap();
        let r = run(&st, &f, feed).await;
        assert_eq!((r.outcome, r.tally.added, r.tally.skipped.len()), ("complete", 0, 2), "{label}: {r:?}");
        st.shutdown().await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn private_addresses_are_refused_unless_allowed() {
    let site: Shared = Arc::default();
    let base = serve(site).await;
    let strict = Fetcher::new(FetchConfig { retries: 0, ..FetchConfig::default() }).unwrap();
    let port = base.rsplit(':').next().unwrap();
    for url in [
        format!("{base}/jobs.json"),
        format!("http://localhost:{port}/jobs.json"),
        "http://[::1]/x".into(),
        "http://169.254.169.254/latest".into(),
    ] {
        let r = strict.get(&url, None, None).await;
        assert!(matches!(r, Err(FetchError::Refused(_))), "{url}: {r:?}");
    }
    assert!(matches!(strict.get("ftp://example.org/x", None, None).await, Err(FetchError::Failed(_))));
    assert!(fetcher().get(&format!("{base}/jobs.json"), None, None).await.is_ok(), "allowed in tests");
}

#[tokio::test(flavor = "multi_thread")]
async fn two_sources_importing_one_job_at_once_add_it_once() {
    for t in databases("import_twins").await {
        let st = t.state().await;
        let label = t.label;
        let admin = Account::admin("sofie@job.example").create(&st).await;
        let site: Shared = Arc::default();
        // Several batches each, the two sources in opposite orders: the batches
        // overlap in every way and must neither add a job twice nor deadlock.
        let n = 350;
        site.lock().unwrap().postings = (0..n).map(|i| posting(&format!("K-{i}"), &format!("Kok nummer {i}"), Some("8000"))).collect();
        let base = serve(site).await;
        let f = fetcher();
        let a = imports::add_source(&st, &admin, "A", &format!("{base}/jobs.json?a"), "json", "", 60).await.unwrap();
        let b = imports::add_source(&st, &admin, "B", &format!("{base}/jobs.json?reversed"), "json", "", 60).await.unwrap();
        let (ra, rb) = tokio::join!(run(&st, &f, a), run(&st, &f, b));
        assert_eq!((ra.outcome, rb.outcome), ("complete", "complete"), "{label}: {ra:?} {rb:?}");
        assert_eq!(ra.tally.added + rb.tally.added, n, "{label}: {ra:?} {rb:?}");
        assert_eq!(ra.tally.skipped.len() + rb.tally.skipped.len(), n as usize, "{label}: each job once");
        st.shutdown().await;
    }
}
