//! `jobunivers bench`: the same Danish corpus in three engines, on the same machine
//! in the same run: our tantivy index, PostgreSQL full-text search (tsvector + GIN,
//! Danish configuration) and SQLite FTS5. Prints figures and writes a table; it
//! never asserts a speed (that would make tests flaky, and hide the numbers).

pub mod cvs;
pub mod feed;

use crate::demo;
use app::domain::geo::Radius;
use app::domain::municipality;
use app::domain::postcode::Place;

const AARHUS_C: Place = Place::Postcode(8000);
use app::error::AppError;
use app::search::types::SearchQuery;
use app::ssr::db::VacancyRow;
use app::ssr::index::VacancyIndex;
use chrono::NaiveDate;
use sqlx::{Connection, Executor, QueryBuilder};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The fixed query mix: common Danish searches, a town, an ASCII spelling, a compound start.
pub const QUERIES: &[&str] = &[
    "pædagog",
    "sygeplejerske",
    "lagermedarbejder",
    "tømrer",
    "softwareudvikler",
    "social- og sundhedshjælper",
    "pædagog aarhus",
    "sygeplejerske odense",
    "butik",
    "chauffør",
    "kok",
    "elektriker",
    "paedagog",
    "lager",
    "rengøring",
    "lærer",
];

/// The three ways each engine is asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mix {
    /// Words only: the top 20 and the total.
    Text,
    /// Words in one region, with counts per municipality.
    Facets,
    /// Words within 50 km of Aarhus, with counts per municipality.
    Radius,
}

impl Mix {
    const ALL: [Mix; 3] = [Mix::Text, Mix::Facets, Mix::Radius];

    fn name(self) -> &'static str {
        match self {
            Mix::Text => "text",
            Mix::Facets => "text + region + facet counts",
            Mix::Radius => "text + 50 km radius + facet counts",
        }
    }

    /// The municipalities the mix limits to, if any.
    fn municipalities(self) -> Option<Vec<i32>> {
        match self {
            Mix::Text => None,
            Mix::Facets => Some(
                municipality::all()
                    .iter()
                    .filter(|m| m.region_2007 == app::domain::region::Region::Midtjylland)
                    .map(|m| i32::from(m.code))
                    .collect(),
            ),
            // The SQL tables know only the municipality: those whose main town is within.
            Mix::Radius => Some(Radius::new(AARHUS_C, 50.0).municipalities.into_iter().map(i32::from).collect()),
        }
    }
}

/// One engine at one size, for a query mix `M` (vacancies' `Mix`, or `cvs::CvMix`).
#[derive(Clone, Debug)]
pub struct Row<M = Mix> {
    pub engine: &'static str,
    pub size: usize,
    pub load: Duration,
    pub bytes: u64,
    /// Resident memory of this process after loading (for the in-process engines).
    pub rss_mb: Option<u64>,
    /// (mix, p50, p95, p99) in milliseconds.
    pub latency: Vec<(M, f64, f64, f64)>,
}

pub struct Options {
    pub sizes: Vec<usize>,
    /// Which engines to run: "tantivy", "sqlite", "postgres" (all by default).
    pub engines: Vec<String>,
    pub queries: usize,
    pub postgres: Option<String>,
    pub work_dir: PathBuf,
}

pub(crate) fn corpus(n: usize, today: NaiveDate) -> Vec<VacancyRow> {
    demo::generate(n, demo::DEFAULT_SEED, today)
        .into_iter()
        .enumerate()
        .map(|(i, (v, created_at))| VacancyRow {
            id: i as i64 + 1,
            title: v.title,
            employer_name: v.employer_name,
            description: v.description,
            postcode: v.postcode,
            city: v.city,
            municipality_code: v.municipality_code.map(i32::from),
            weekly_hours: v.weekly_hours,
            // Open throughout the run, so every engine sees the same documents.
            deadline: today + chrono::Duration::days(60),
            how_to_apply: v.how_to_apply,
            status: "open".into(),
            created_at,
            employment_type: v.employment_type.code().into(),
            occupation_code: v.occupation_code,
            company_name: None,
            company_cvr: None,
            close_reason: None,
        })
        .collect()
}

pub(crate) fn percentiles(mut ms: Vec<f64>) -> (f64, f64, f64) {
    ms.sort_by(|a, b| a.total_cmp(b));
    let at = |p: f64| ms[((ms.len() as f64 - 1.0) * p).round() as usize];
    (at(0.50), at(0.95), at(0.99))
}

/// Times `queries` runs of `one` over the words `mix`, after a short warm-up.
pub(crate) async fn measure<F, Fut>(mix: &'static [&'static str], queries: usize, mut one: F) -> Result<(f64, f64, f64), AppError>
where
    F: FnMut(&'static str) -> Fut,
    Fut: std::future::Future<Output = Result<(), AppError>>,
{
    for q in mix.iter().take(10) {
        one(q).await?;
    }
    let mut ms = Vec::with_capacity(queries);
    let started = Instant::now();
    for i in 0..queries {
        // A very slow engine gets a time budget instead of hours; the table says how many ran.
        if ms.len() >= 20 && started.elapsed() > Duration::from_secs(90) {
            eprintln!("time budget used after {} queries", ms.len());
            break;
        }
        let q = mix[i % mix.len()];
        let t = Instant::now();
        one(q).await?;
        ms.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    Ok(percentiles(ms))
}

pub(crate) fn rss_mb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kb: u64 = status.lines().find(|l| l.starts_with("VmRSS:"))?.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024)
}

pub(crate) fn dir_bytes(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .map(|entries| entries.flatten().filter_map(|e| e.metadata().ok()).filter(|m| m.is_file()).map(|m| m.len()).sum())
        .unwrap_or(0)
}

async fn bench_tantivy(rows: &[VacancyRow], dir: &Path, queries: usize, today: NaiveDate) -> Result<Row, AppError> {
    let _ = std::fs::remove_dir_all(dir);
    let (index, _) = VacancyIndex::open_or_create(dir)?;
    let (docs, index2) = (rows.to_vec(), index.clone());
    let t = Instant::now();
    app::ssr::blocking(move || app::ssr::index::indexer::bulk_load(&index2, docs, 2, 400_000_000)).await?;
    let load = t.elapsed();
    let mut latency = Vec::new();
    for mix in Mix::ALL {
        let (i, facets) = (index.clone(), mix != Mix::Text);
        let p = measure(QUERIES, queries, |text| {
            let i = i.clone();
            async move {
                let q = match mix {
                    Mix::Text => SearchQuery::text(text),
                    Mix::Facets => SearchQuery { regions: vec![app::domain::region::Region::Midtjylland], ..SearchQuery::text(text) },
                    Mix::Radius => SearchQuery { near: Some(AARHUS_C), km: 50, ..SearchQuery::text(text) },
                };
                // On this thread: the latency of the search itself, not of a thread hop.
                i.search_with(&q, today, facets).map(|_| ())
            }
        })
        .await?;
        latency.push((mix, p.0, p.1, p.2));
    }
    Ok(Row { engine: "tantivy (Jobunivers)", size: rows.len(), load, bytes: dir_bytes(dir), rss_mb: rss_mb(), latency })
}

/// FTS5 has no Danish stemmer: each word becomes a prefix query ("pædagog"*), its
/// closest stand-in for plurals.
fn fts5_query(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() > 1 && !matches!(*w, "og" | "i" | "på" | "til"))
        .map(|w| format!("\"{}\"*", w.to_lowercase()))
        .collect::<Vec<_>>()
        .join(" AND ")
}

fn id_list(ids: &[i32]) -> String {
    ids.iter().map(|i| i.to_string()).collect::<Vec<_>>().join(",")
}

async fn bench_sqlite(rows: &[VacancyRow], file: &Path, queries: usize, today: NaiveDate) -> Result<Row, AppError> {
    let _ = std::fs::remove_file(file);
    let url = format!("sqlite://{}?mode=rwc", file.display());
    // One connection, as a pool so each timed query can hold a handle to it.
    let conn = sqlx::sqlite::SqlitePoolOptions::new().max_connections(1).connect(&url).await?;
    conn.execute("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;").await?;
    conn.execute(
        "CREATE TABLE v (id INTEGER PRIMARY KEY, municipality INTEGER, hours REAL, deadline TEXT, posted TEXT);
         CREATE VIRTUAL TABLE fts USING fts5(title, employer, city, description, tokenize = 'unicode61 remove_diacritics 0');",
    )
    .await?;
    let t = Instant::now();
    let mut tx = conn.begin().await?;
    for chunk in rows.chunks(500) {
        let mut b = QueryBuilder::new("INSERT INTO v (id, municipality, hours, deadline, posted) ");
        b.push_values(chunk, |mut r, v| {
            r.push_bind(v.id)
                .push_bind(v.municipality_code)
                .push_bind(v.weekly_hours)
                .push_bind(v.deadline)
                .push_bind(v.created_at.date_naive());
        });
        b.build().execute(&mut *tx).await?;
        let mut b = QueryBuilder::new("INSERT INTO fts (rowid, title, employer, city, description) ");
        b.push_values(chunk, |mut r, v| {
            r.push_bind(v.id).push_bind(&v.title).push_bind(&v.employer_name).push_bind(&v.city).push_bind(&v.description);
        });
        b.build().execute(&mut *tx).await?;
    }
    tx.commit().await?;
    conn.execute("CREATE INDEX v_municipality ON v (municipality); INSERT INTO fts(fts) VALUES ('optimize');").await?;
    let load = t.elapsed();
    let mut latency = Vec::new();
    for mix in Mix::ALL {
        // The unary + keeps SQLite from using the municipality index before the
        // full-text match (it otherwise does, and takes seconds).
        let place = mix.municipalities().map(|ids| format!(" AND +v.municipality IN ({})", id_list(&ids))).unwrap_or_default();
        let top = format!(
            "SELECT v.id FROM fts JOIN v ON v.id = fts.rowid WHERE fts MATCH $1 AND v.deadline >= $2{place} \
             ORDER BY bm25(fts, 4.0, 1.5, 1.5, 1.0) LIMIT 20"
        );
        let count = format!("SELECT COUNT(*) FROM fts JOIN v ON v.id = fts.rowid WHERE fts MATCH $1 AND v.deadline >= $2{place}");
        let facets = format!(
            "SELECT v.municipality, COUNT(*) FROM fts JOIN v ON v.id = fts.rowid WHERE fts MATCH $1 AND v.deadline >= $2{place} \
             GROUP BY v.municipality"
        );
        let p = measure(QUERIES, queries, |text| {
            let (top, count, facets, conn) = (top.clone(), count.clone(), facets.clone(), conn.clone());
            async move {
                let m = fts5_query(text);
                sqlx::query(sqlx::AssertSqlSafe(top)).bind(&m).bind(today).fetch_all(&conn).await?;
                sqlx::query(sqlx::AssertSqlSafe(count)).bind(&m).bind(today).fetch_one(&conn).await?;
                if mix != Mix::Text {
                    sqlx::query(sqlx::AssertSqlSafe(facets)).bind(&m).bind(today).fetch_all(&conn).await?;
                }
                Ok(())
            }
        })
        .await?;
        latency.push((mix, p.0, p.1, p.2));
    }
    conn.close().await;
    let bytes = std::fs::metadata(file).map(|m| m.len()).unwrap_or(0);
    Ok(Row { engine: "SQLite FTS5", size: rows.len(), load, bytes, rss_mb: None, latency })
}

/// Runs `f` with a pool on a fresh database of the PostgreSQL server at
/// `admin_url`, dropped after, whatever `f` came to.
pub(crate) async fn with_scratch_postgres<T, F, Fut>(admin_url: &str, f: F) -> Result<T, AppError>
where
    F: FnOnce(sqlx::PgPool) -> Fut,
    Fut: std::future::Future<Output = Result<T, AppError>>,
{
    with_scratch_postgres_url(admin_url, "", |url| async move {
        let conn = sqlx::postgres::PgPoolOptions::new().max_connections(1).connect(&url).await?;
        let out = f(conn.clone()).await;
        conn.close().await;
        out
    })
    .await
}

/// Runs `f` with the address of a fresh database (named after this process and
/// `suffix`) of the PostgreSQL server at `admin_url`, dropped after.
pub(crate) async fn with_scratch_postgres_url<T, F, Fut>(admin_url: &str, suffix: &str, f: F) -> Result<T, AppError>
where
    F: FnOnce(String) -> Fut,
    Fut: std::future::Future<Output = Result<T, AppError>>,
{
    let name = format!("jobunivers_bench_{}{suffix}", std::process::id());
    let mut admin = sqlx::PgConnection::connect(admin_url).await?;
    admin.execute(sqlx::AssertSqlSafe(format!("DROP DATABASE IF EXISTS {name}"))).await?;
    admin.execute(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}"))).await?;
    let (base, query) = admin_url.split_once('?').map_or((admin_url, None), |(b, q)| (b, Some(q)));
    let root = base.rsplit_once('/').map_or(base, |(r, _)| r);
    let url = match query {
        Some(q) => format!("{root}/{name}?{q}"),
        None => format!("{root}/{name}"),
    };
    let result = f(url).await;
    admin.execute(sqlx::AssertSqlSafe(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))).await?;
    result
}

async fn bench_postgres(rows: &[VacancyRow], admin_url: &str, queries: usize, today: NaiveDate) -> Result<Row, AppError> {
    with_scratch_postgres(admin_url, |conn| async move {
        conn.execute(
            "CREATE UNLOGGED TABLE v (id BIGINT PRIMARY KEY, title TEXT, employer TEXT, city TEXT, description TEXT,
               municipality INTEGER, hours DOUBLE PRECISION, deadline DATE, posted DATE,
               tsv tsvector GENERATED ALWAYS AS (
                 setweight(to_tsvector('danish', title), 'A') || setweight(to_tsvector('danish', employer), 'B') ||
                 setweight(to_tsvector('danish', city), 'B') || setweight(to_tsvector('danish', description), 'C')) STORED)",
        )
        .await?;
        let t = Instant::now();
        for chunk in rows.chunks(1000) {
            let mut b = QueryBuilder::new("INSERT INTO v (id, title, employer, city, description, municipality, hours, deadline, posted) ");
            b.push_values(chunk, |mut r, v| {
                r.push_bind(v.id)
                    .push_bind(&v.title)
                    .push_bind(&v.employer_name)
                    .push_bind(&v.city)
                    .push_bind(&v.description)
                    .push_bind(v.municipality_code)
                    .push_bind(v.weekly_hours)
                    .push_bind(v.deadline)
                    .push_bind(v.created_at.date_naive());
            });
            b.build().execute(&conn).await?;
        }
        conn.execute("CREATE INDEX v_tsv ON v USING GIN (tsv); CREATE INDEX v_municipality ON v (municipality); ANALYZE v;").await?;
        let load = t.elapsed();
        let mut latency = Vec::new();
        for mix in Mix::ALL {
            let place = mix.municipalities().map(|ids| format!(" AND municipality IN ({})", id_list(&ids))).unwrap_or_default();
            let top = format!(
                "SELECT id FROM v, websearch_to_tsquery('danish', $1) q WHERE tsv @@ q AND deadline >= $2{place} \
                 ORDER BY ts_rank_cd(tsv, q) DESC LIMIT 20"
            );
            let count = format!("SELECT COUNT(*) FROM v WHERE tsv @@ websearch_to_tsquery('danish', $1) AND deadline >= $2{place}");
            let facets = format!(
                "SELECT municipality, COUNT(*) FROM v WHERE tsv @@ websearch_to_tsquery('danish', $1) AND deadline >= $2{place} \
                 GROUP BY municipality"
            );
            let p = measure(QUERIES, queries, |text| {
                let (top, count, facets, conn) = (top.clone(), count.clone(), facets.clone(), conn.clone());
                async move {
                    sqlx::query(sqlx::AssertSqlSafe(top)).bind(text).bind(today).fetch_all(&conn).await?;
                    sqlx::query(sqlx::AssertSqlSafe(count)).bind(text).bind(today).fetch_one(&conn).await?;
                    if mix != Mix::Text {
                        sqlx::query(sqlx::AssertSqlSafe(facets)).bind(text).bind(today).fetch_all(&conn).await?;
                    }
                    Ok(())
                }
            })
            .await?;
            latency.push((mix, p.0, p.1, p.2));
        }
        let bytes: i64 = sqlx::query_scalar("SELECT pg_total_relation_size('v')").fetch_one(&conn).await?;
        Ok(Row { engine: "PostgreSQL FTS", size: rows.len(), load, bytes: bytes.max(0) as u64, rss_mb: None, latency })
    })
    .await
}

/// Runs every engine at every size, printing each row as it is done.
pub async fn run(opts: &Options) -> Result<Vec<Row>, AppError> {
    let today = app::ssr::clock::Clock::system().today();
    std::fs::create_dir_all(&opts.work_dir).map_err(|e| AppError::internal(format_args!("{}: {e}", opts.work_dir.display())))?;
    let mut out = Vec::new();
    for &n in &opts.sizes {
        eprintln!("generating {n} vacancies …");
        let rows = corpus(n, today);
        let wants = |e: &str| opts.engines.is_empty() || opts.engines.iter().any(|x| x == e);
        let mut at_size = Vec::new();
        if wants("tantivy") {
            at_size.push(bench_tantivy(&rows, &opts.work_dir.join(format!("tantivy-{n}")), opts.queries, today).await?);
        }
        if wants("sqlite") {
            at_size.push(bench_sqlite(&rows, &opts.work_dir.join(format!("fts5-{n}.db")), opts.queries, today).await?);
        }
        match &opts.postgres {
            Some(url) if wants("postgres") => at_size.push(bench_postgres(&rows, url, opts.queries, today).await?),
            Some(_) => {}
            None => eprintln!("no PostgreSQL URL (--postgres or TEST_POSTGRES_URL): PostgreSQL skipped"),
        }
        for row in &at_size {
            eprintln!("{}", line(row));
        }
        out.extend(at_size);
        let _ = std::fs::remove_dir_all(opts.work_dir.join(format!("tantivy-{n}")));
        let _ = std::fs::remove_file(opts.work_dir.join(format!("fts5-{n}.db")));
    }
    Ok(out)
}

pub(crate) fn line<M>(r: &Row<M>) -> String {
    let rate = r.size as f64 / r.load.as_secs_f64().max(1e-9);
    let mut s = format!(
        "| {} | {} | {:.1} s | {} /s | {} MB | {} |",
        r.engine,
        r.size,
        r.load.as_secs_f64(),
        rate.round(),
        r.bytes / 1_000_000,
        r.rss_mb.map_or("-".to_string(), |m| format!("{m} MB"))
    );
    for (_, p50, p95, p99) in &r.latency {
        s.push_str(&format!(" {p50:.2} / {p95:.2} / {p99:.2} |"));
    }
    s
}

/// One table row per size: PostgreSQL's p99 divided by tantivy's, per query mix.
pub(crate) fn ratio_rows<M>(rows: &[Row<M>]) -> String {
    let mut s = String::new();
    let mut sizes: Vec<usize> = rows.iter().map(|r| r.size).collect();
    sizes.dedup();
    for n in sizes {
        let of = |engine: &str| rows.iter().find(|r| r.size == n && r.engine.starts_with(engine));
        if let (Some(t), Some(p)) = (of("tantivy"), of("PostgreSQL")) {
            let ratios: Vec<String> = t.latency.iter().zip(&p.latency).map(|(a, b)| format!("{:.0}x", b.3 / a.3.max(1e-6))).collect();
            s.push_str(&format!("| {n} | {} |\n", ratios.join(" | ")));
        }
    }
    s
}

/// The machine and the day, for the top of a results section.
pub fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|c| c.lines().find(|l| l.starts_with("model name")).and_then(|l| l.split(':').nth(1)).map(|s| s.trim().to_string()))
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
    let mem_gb = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|m| m.lines().next().and_then(|l| l.split_whitespace().nth(1)).and_then(|k| k.parse::<u64>().ok()))
        .map_or(0, |kb| kb / 1024 / 1024);
    format!("Run on {} with {cores} cores of {cpu} and {mem_gb} GB memory.", app::ssr::clock::Clock::system().now().format("%Y-%m-%d"))
}

/// Puts `body` between the markers of `section` in `text` (a results file),
/// replacing what was there, or appends it; the rest of the file stays.
pub fn replace_section(text: &str, section: &str, body: &str) -> String {
    let (start, end) = (format!("<!-- {section} -->"), format!("<!-- end {section} -->"));
    let block = format!("{start}\n{body}\n{end}");
    match (text.find(&start), text.find(&end)) {
        (Some(a), Some(b)) if a < b => format!("{}{block}{}", &text[..a], &text[b + end.len()..]),
        _ => format!("{}\n\n{block}\n", text.trim_end()),
    }
}

/// The results as Markdown: machine, date, the table, and how tantivy compares.
pub fn markdown(rows: &[Row], queries: usize) -> String {
    let mut s = format!("{} Each query mix ran {queries} times after a warm-up.\n\n", machine());
    s.push_str("| engine | vacancies | load | load rate | size | memory (RSS) |");
    for mix in Mix::ALL {
        s.push_str(&format!(" {} p50 / p95 / p99 ms |", mix.name()));
    }
    s.push_str("\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for r in rows {
        s.push_str(&line(r));
        s.push('\n');
    }
    s.push_str("\nPostgreSQL p99 divided by tantivy p99 (higher: tantivy faster):\n\n| vacancies | ");
    s.push_str(&Mix::ALL.iter().map(|m| m.name()).collect::<Vec<_>>().join(" | "));
    s.push_str(" |\n|---:|---:|---:|---:|\n");
    s.push_str(&ratio_rows(rows));
    if let Some(t) = rows.iter().filter(|r| r.engine.starts_with("tantivy")).max_by_key(|r| r.size) {
        let worst_facets = t.latency.iter().filter(|l| l.0 != Mix::Text).map(|l| l.3).fold(0.0, f64::max);
        let rate = t.size as f64 / t.load.as_secs_f64().max(1e-9);
        s.push_str(&format!(
            "\nAgainst the targets, at {} vacancies: p99 with facets {worst_facets:.1} ms (target 5 ms); load {:.0} vacancies/s \
             (target 20,000/s). \"Memory\" is the whole benchmark process, including the generated corpus it holds.\n",
            t.size, rate
        ));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_and_fts5_queries() {
        let ms: Vec<f64> = (1..=100).map(f64::from).collect();
        assert_eq!(percentiles(ms), (51.0, 95.0, 99.0));
        assert_eq!(fts5_query("Social- og sundhedshjælper"), "\"social\"* AND \"sundhedshjælper\"*");
        assert_eq!(fts5_query("pædagog aarhus"), "\"pædagog\"* AND \"aarhus\"*");
        let file = "# B\n\n<!-- cvs -->\nold\n<!-- end cvs -->\n\nafter\n";
        assert_eq!(replace_section(file, "cvs", "new"), "# B\n\n<!-- cvs -->\nnew\n<!-- end cvs -->\n\nafter\n");
        assert_eq!(replace_section("# B\n", "cvs", "new"), "# B\n\n<!-- cvs -->\nnew\n<!-- end cvs -->\n");
    }

    #[test]
    fn every_mix_limits_as_named() {
        assert!(Mix::Text.municipalities().is_none());
        assert!(Mix::Facets.municipalities().unwrap().contains(&751));
        let near = Mix::Radius.municipalities().unwrap();
        assert!(near.contains(&751) && !near.contains(&101));
    }
}
