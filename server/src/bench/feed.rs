//! `jobunivers bench --index feed`: vacancies in and out, on SQLite and PostgreSQL.
//!
//! In: a local HTTP server in this process serves generated vacancies, as one
//! JSON document of schema.org `JobPosting` items and as another Jobunivers's
//! paged feed, and the import runs exactly as the server runs it (fetcher,
//! mapping, deduplication, one transaction per item, the indexer working
//! alongside). Baseline: the same vacancies inserted directly, as the demo
//! seeder does, without fetching, mapping or deduplication.
//!
//! Out: a page of the open feed at the start, middle and end of a large
//! database, against OFFSET paging of the same rows (what a feed without a
//! cursor costs).

use super::{percentiles, with_scratch_postgres_url, Options};
use crate::demo;
use app::domain::publish::{job_posting, Cursor, FeedEntry, FeedPage};
use app::error::AppError;
use app::ssr::clock::Clock;
use app::ssr::db::Db;
use app::ssr::fetch::{FetchConfig, Fetcher};
use app::ssr::index::indexer::IndexerConfig;
use app::ssr::services::{imports, publish};
use app::ssr::AppState;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use rand::{Rng, SeedableRng};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Pages timed at each position of the feed.
const PAGES: usize = 40;
/// Entries per page: the feed's largest page, as a mirror asks for.
const PAGE: i64 = 1_000;
/// What the generated vacancies' pages claim as their site.
const SITE: &str = "https://kilde.example";

/// One way of bringing vacancies in, timed.
#[derive(Clone, Debug)]
pub struct ImportRow {
    pub backend: &'static str,
    pub way: &'static str,
    pub items: usize,
    pub took: Duration,
    /// What the run reported: added, unchanged, skipped.
    pub outcome: String,
}

/// A feed page at one position, with the baseline beside it: (p50, p95, p99) ms.
#[derive(Clone, Debug)]
pub struct PageRow {
    pub backend: &'static str,
    pub vacancies: usize,
    pub position: &'static str,
    pub feed: (f64, f64, f64),
    pub keyset: (f64, f64, f64),
    pub offset: (f64, f64, f64),
}

#[derive(Default)]
pub struct Results {
    pub imports: Vec<ImportRow>,
    /// Loading the paging database: (backend, vacancies, time).
    pub loads: Vec<(&'static str, usize, Duration)>,
    pub pages: Vec<PageRow>,
}

/// What the local site serves: the same vacancies two ways.
struct Site {
    document: axum::body::Bytes,
    entries: Vec<FeedEntry>,
    /// Answer a matching If-None-Match with 304 (off: a site without validators).
    validators: AtomicBool,
}

const ETAG: &str = "\"bench-1\"";

async fn serve_document(State(site): State<Arc<Site>>, headers: HeaderMap) -> Response {
    let validators = site.validators.load(Ordering::Relaxed);
    if validators && headers.get("if-none-match").and_then(|v| v.to_str().ok()) == Some(ETAG) {
        return StatusCode::NOT_MODIFIED.into_response();
    }
    let mut response = ([("content-type", "application/json")], site.document.clone()).into_response();
    if validators {
        response.headers_mut().insert("etag", axum::http::HeaderValue::from_static(ETAG));
    }
    response
}

#[derive(serde::Deserialize)]
struct FeedQuery {
    since: Option<String>,
    limit: Option<String>,
}

async fn serve_feed(State(site): State<Arc<Site>>, Query(q): Query<FeedQuery>) -> Response {
    let (Some(since), Some(limit)) = (Cursor::parse(q.since.as_deref()), app::domain::publish::page_size(q.limit.as_deref())) else {
        return StatusCode::BAD_REQUEST.into_response();
    };
    let from = site.entries.partition_point(|e| e.seq <= since.0);
    let changes: Vec<FeedEntry> = site.entries[from..].iter().take(limit as usize).cloned().collect();
    let more = from + changes.len() < site.entries.len();
    let next = changes.last().map_or(since, |e| Cursor(e.seq)).to_string();
    axum::Json(FeedPage { changes, next, more }).into_response()
}

/// Starts the site on a free local port; returns its address and the site.
async fn serve(items: usize) -> Result<(String, Arc<Site>), AppError> {
    let today = Clock::system().today();
    let vacancies: Vec<_> = super::corpus(items, today).into_iter().map(|r| r.into_vacancy()).collect();
    let postings: Vec<serde_json::Value> = vacancies.iter().map(|v| job_posting(v, SITE)).collect();
    let document = serde_json::to_vec(&postings).map_err(AppError::internal)?.into();
    let entries = vacancies.iter().enumerate().map(|(i, v)| FeedEntry::of(i as i64 + 1, v, today, SITE)).collect();
    let site = Arc::new(Site { document, entries, validators: AtomicBool::new(true) });
    let router = axum::Router::new()
        .route("/jobs.json", axum::routing::get(serve_document))
        .route("/api/v1/vacancies", axum::routing::get(serve_feed))
        .with_state(site.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.map_err(AppError::internal)?;
    let addr = listener.local_addr().map_err(AppError::internal)?;
    tokio::spawn(async move { axum::serve(listener, router).await });
    Ok((format!("http://{addr}"), site))
}

/// Runs `f` on a fresh, migrated database of `backend` ("SQLite" under
/// `work_dir`, or PostgreSQL at `postgres`), removed after.
async fn with_fresh_db<T, F, Fut>(backend: &'static str, opts: &Options, name: &str, f: F) -> Result<T, AppError>
where
    F: FnOnce(Db) -> Fut,
    Fut: std::future::Future<Output = Result<T, AppError>>,
{
    let run = |url: String| async move {
        let db = Db::connect(&url).await?;
        db.migrate().await?;
        let out = f(db.clone()).await;
        db.close().await;
        out
    };
    match (backend, &opts.postgres) {
        ("PostgreSQL", Some(admin)) => with_scratch_postgres_url(admin, &format!("_{name}"), run).await,
        _ => {
            let file = opts.work_dir.join(format!("{name}.db"));
            remove_sqlite(&file);
            let out = run(format!("sqlite://{}", file.display())).await;
            remove_sqlite(&file);
            out
        }
    }
}

fn remove_sqlite(file: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", file.display()));
    }
}

/// A running node on `db` (indexers included, as during a real import), its
/// index in a fresh folder.
async fn node(db: Db, dir: &Path) -> Result<AppState, AppError> {
    let _ = std::fs::remove_dir_all(dir);
    AppState::start(db, dir, IndexerConfig::default(), Clock::system()).await
}

/// Runs the source "bench" (registered at the first call), timed.
async fn import(st: &AppState, fetcher: &Fetcher, url: &str, format: &str) -> Result<(Duration, String), AppError> {
    let source = match st.db.source_named("bench").await? {
        Some(s) => s.id,
        None => st.db.insert_source("bench", url, format, None, 24 * 60, st.clock.now()).await?,
    };
    let t = Instant::now();
    let report =
        imports::run(st, fetcher, source, "bench", &|_, _| {}).await?.ok_or_else(|| AppError::internal("the run's lease was taken"))?;
    let took = t.elapsed();
    let tally = &report.tally;
    let outcome = format!(
        "{}: {} added, {} unchanged, {} skipped{}",
        report.outcome,
        tally.added,
        tally.unchanged,
        tally.skipped.len(),
        report.error.map(|e| format!(" ({e})")).unwrap_or_default()
    );
    Ok((took, outcome))
}

async fn bench_imports(backend: &'static str, opts: &Options, items: usize, base: &str, site: &Site) -> Result<Vec<ImportRow>, AppError> {
    let fetcher = Fetcher::new(FetchConfig { allow_private: true, max_bytes: 1 << 30, ..FetchConfig::default() })?;
    let row = |way, took, outcome| ImportRow { backend, way, items, took, outcome };
    let mut out = Vec::new();

    let today = Clock::system().today();
    out.push(
        with_fresh_db(backend, opts, "direct", |db| async move {
            let generated = demo::generate(items, demo::DEFAULT_SEED, today);
            let now = Clock::system().now();
            let t = Instant::now();
            for batch in generated.chunks(500) {
                let vacancies: Vec<_> = batch.iter().map(|(v, _)| v.clone()).collect();
                db.insert_vacancies(&vacancies, |i| batch[i].1, now).await?;
            }
            Ok(row("baseline: direct insert, 500 per transaction (the demo seeder)", t.elapsed(), format!("{items} inserted")))
        })
        .await?,
    );

    let index_dir = opts.work_dir.join("feed-index");
    let (fetcher_ref, dir) = (&fetcher, &index_dir);
    let url = format!("{base}/jobs.json");
    out.extend(
        with_fresh_db(backend, opts, "json", |db| async move {
            let st = node(db, dir).await?;
            let mut rows = Vec::new();
            site.validators.store(true, Ordering::Relaxed);
            let (took, outcome) = import(&st, fetcher_ref, &url, "json").await?;
            rows.push(row("JSON document of JobPosting items, first run", took, outcome));
            site.validators.store(false, Ordering::Relaxed);
            let (took, outcome) = import(&st, fetcher_ref, &url, "json").await?;
            rows.push(row("the same document again, no validators (every item compared)", took, outcome));
            site.validators.store(true, Ordering::Relaxed);
            let (took, outcome) = import(&st, fetcher_ref, &url, "json").await?;
            rows.push(row("again with its ETag (304: nothing read)", took, outcome));
            st.shutdown().await;
            Ok(rows)
        })
        .await?,
    );

    let url = format!("{base}/api/v1/vacancies");
    out.push(
        with_fresh_db(backend, opts, "feed", |db| async move {
            let st = node(db, dir).await?;
            let (took, outcome) = import(&st, fetcher_ref, &url, "jobunivers").await?;
            st.shutdown().await;
            Ok(row("another Jobunivers's feed, pages of 1000", took, outcome))
        })
        .await?,
    );
    let _ = std::fs::remove_dir_all(&index_dir);
    Ok(out)
}

/// Times `PAGES` pages near `at` rows into the feed, three ways.
async fn bench_pages(backend: &'static str, opts: &Options, vacancies: usize) -> Result<(Duration, Vec<PageRow>), AppError> {
    with_fresh_db(backend, opts, "paging", |db| async move {
        let clock = Clock::system();
        let t = Instant::now();
        demo::seed(&db, &clock, vacancies, demo::DEFAULT_SEED, |done, all| {
            if done % 100_000 == 0 {
                eprintln!("  {backend}: {done}/{all} vacancies");
            }
        })
        .await?;
        let load = t.elapsed();
        // The seeder writes one change per vacancy, so the feed's positions run
        // from the first one's on (a gap or two in a sequence changes nothing here).
        let first = db.feed_after(0, 1).await?.first().map_or(1, |r| r.seq);
        let today = clock.today();
        let mut rng = rand::rngs::StdRng::seed_from_u64(7);
        let mut rows = Vec::new();
        let last_page = vacancies.saturating_sub(PAGE as usize);
        for (position, at) in [("start", 0), ("middle", vacancies / 2), ("end", last_page)] {
            let (mut feed, mut keyset, mut offset) = (Vec::new(), Vec::new(), Vec::new());
            for i in 0..=PAGES {
                // Near the position, not on it, so no two pages are the same rows.
                let rows_before = at.saturating_sub(rng.random_range(0..5_000)).min(last_page) as i64;
                let cursor = Cursor(first - 1 + rows_before).to_string();
                let t = Instant::now();
                let page = publish::feed_page(&db, today, Some(&cursor), Some(&PAGE.to_string()), SITE).await?;
                let body = serde_json::to_vec(&page).map_err(AppError::internal)?;
                let feed_ms = t.elapsed().as_secs_f64() * 1e3;
                let t = Instant::now();
                let by_key = db.feed_after(first - 1 + rows_before, PAGE + 1).await?;
                let keyset_ms = t.elapsed().as_secs_f64() * 1e3;
                let t = Instant::now();
                let by_offset = db.open_vacancies_by_offset(rows_before, PAGE + 1).await?;
                let offset_ms = t.elapsed().as_secs_f64() * 1e3;
                if by_key.len() != by_offset.len() || body.is_empty() {
                    return Err(AppError::internal(format_args!(
                        "{backend} {position}: the feed gave {} rows, OFFSET {}",
                        by_key.len(),
                        by_offset.len()
                    )));
                }
                // The first round warms the caches and is not counted.
                if i > 0 {
                    feed.push(feed_ms);
                    keyset.push(keyset_ms);
                    offset.push(offset_ms);
                }
            }
            rows.push(PageRow {
                backend,
                vacancies,
                position,
                feed: percentiles(feed),
                keyset: percentiles(keyset),
                offset: percentiles(offset),
            });
        }
        Ok((load, rows))
    })
    .await
}

/// Imports `items` vacancies and pages a feed of the largest of `opts.sizes`, on
/// SQLite and (with a URL) PostgreSQL, printing each result as it comes.
pub async fn run(opts: &Options, items: usize) -> Result<Results, AppError> {
    std::fs::create_dir_all(&opts.work_dir).map_err(|e| AppError::internal(format_args!("{}: {e}", opts.work_dir.display())))?;
    let vacancies = opts.sizes.iter().copied().max().unwrap_or(1_000_000);
    let mut backends = vec!["SQLite"];
    match opts.postgres {
        Some(_) => backends.push("PostgreSQL"),
        None => eprintln!("no PostgreSQL URL (--postgres or TEST_POSTGRES_URL): PostgreSQL skipped"),
    }
    eprintln!("generating and serving {items} vacancies …");
    let (base, site) = serve(items).await?;
    let mut out = Results::default();
    for backend in backends {
        for r in bench_imports(backend, opts, items, &base, &site).await? {
            eprintln!("{}", import_line(&r));
            out.imports.push(r);
        }
        eprintln!("loading {vacancies} vacancies into {backend} …");
        let (load, pages) = bench_pages(backend, opts, vacancies).await?;
        out.loads.push((backend, vacancies, load));
        for r in pages {
            eprintln!("{}", page_line(&r));
            out.pages.push(r);
        }
    }
    Ok(out)
}

fn import_line(r: &ImportRow) -> String {
    let secs = r.took.as_secs_f64();
    let rate = if r.outcome.starts_with("not_modified") { "-".to_string() } else { format!("{:.0} /s", r.items as f64 / secs.max(1e-9)) };
    format!("| {} | {} | {} | {secs:.2} s | {rate} | {} |", r.backend, r.way, r.items, r.outcome)
}

fn page_line(r: &PageRow) -> String {
    let ms = |(a, b, c): (f64, f64, f64)| format!("{a:.1} / {b:.1} / {c:.1}");
    format!(
        "| {} | {} | {} | {} | {} | {} | {:.0}x |",
        r.backend,
        r.vacancies,
        r.position,
        ms(r.feed),
        ms(r.keyset),
        ms(r.offset),
        r.offset.2 / r.keyset.2.max(1e-6)
    )
}

/// The results as Markdown.
pub fn markdown(results: &Results) -> String {
    let mut s = String::from(
        "### Import\n\nA local HTTP server in the benchmark serves generated vacancies; the import runs as the server runs it \
         (fetcher, mapping, deduplication, one transaction per item, the indexers working alongside).\n\n\
         | database | way | items | time | items/s | run report |\n|---|---|---:|---:|---:|---|\n",
    );
    for r in &results.imports {
        s.push_str(&import_line(r));
        s.push('\n');
    }
    s.push_str(&format!(
        "\n### Paging the open feed\n\nEach position is timed over {PAGES} pages of {PAGE} entries, each starting up to 5,000 \
         entries before it. \"Feed page\" is what `/api/v1/vacancies` does (the query, the entries, the JSON); \"cursor query\" \
         is its query alone; the baseline is the same rows by OFFSET paging. The last column is the baseline's p99 divided by \
         the cursor query's.\n\n"
    ));
    for (backend, n, load) in &results.loads {
        s.push_str(&format!("- {backend}: {n} vacancies loaded in {:.0} s.\n", load.as_secs_f64()));
    }
    s.push_str(
        "\n| database | vacancies | position | feed page p50 / p95 / p99 ms | cursor query p50 / p95 / p99 ms | \
         baseline: OFFSET query p50 / p95 / p99 ms | OFFSET ÷ cursor (p99) |\n|---|---:|---|---:|---:|---:|---:|\n",
    );
    for r in &results.pages {
        s.push_str(&page_line(r));
        s.push('\n');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn the_site_pages_its_feed_as_a_jobunivers_does() {
        let (base, site) = serve(250).await.unwrap();
        let get = |url: String| async move {
            serde_json::from_slice::<FeedPage>(&reqwest::get(url).await.unwrap().bytes().await.unwrap()).unwrap()
        };
        let first = get(format!("{base}/api/v1/vacancies?limit=100")).await;
        assert_eq!((first.changes.len(), first.more, first.next.as_str()), (100, true, "100"));
        let last = get(format!("{base}/api/v1/vacancies?since=200&limit=100")).await;
        assert_eq!((last.changes.len(), last.more, last.next.as_str()), (50, false, "250"));
        let postings: Vec<serde_json::Value> = serde_json::from_slice(&site.document).unwrap();
        assert_eq!(postings.len(), 250);
        assert!(app::domain::import::map_posting(&postings[0], None, Clock::system().today()).is_ok(), "{}", postings[0]);
    }
}
