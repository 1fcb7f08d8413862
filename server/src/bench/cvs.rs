//! `jobunivers bench --index cvs`: the CV index against PostgreSQL full-text search
//! over the same generated CVs, on the same machine in the same run. A CV search
//! always counts its filter choices (place, time, occupation), as the candidate
//! search page does. Prints figures; never asserts a speed.

// The corpus is drawn from constant, non-empty lists: a failure is a bug to see at once.
#![allow(clippy::expect_used)]

use super::{dir_bytes, measure, rss_mb, Row};
use app::domain::cv::{Cv, CvItem, SoughtOccupation, Terms, WorkTime};
use app::domain::postcode::Place;
use app::domain::search::SearchQuery;
use app::error::AppError;
use app::ssr::db::CvRow;
use app::ssr::index::CvIndex;
use chrono::{NaiveDate, Utc};
use rand::prelude::*;
use sqlx::{Executor, QueryBuilder};
use std::path::Path;
use std::time::Instant;

/// What employers type: occupations, a skill, an education, an ASCII spelling.
pub const QUERIES: &[&str] = &[
    "pædagog",
    "sygeplejerske",
    "lagermedarbejder",
    "tømrer",
    "truckcertifikat",
    "kok",
    "social- og sundhedshjælper",
    "softwareudvikler",
    "paedagog",
    "elektriker",
    "chauffør",
    "regnskab",
];

/// The two ways the CV index is asked (both with counts).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CvMix {
    Facets,
    Radius,
}

impl CvMix {
    pub const ALL: [CvMix; 2] = [CvMix::Facets, CvMix::Radius];

    pub fn name(self) -> &'static str {
        match self {
            CvMix::Facets => "text + facet counts",
            CvMix::Radius => "text + 25 km of the workplace + facet counts",
        }
    }
}

const AARHUS_C: Place = Place::Postcode(8000);

const SKILLS: &[&str] = &[
    "Truckcertifikat",
    "Førstehjælp",
    "Kørekort B",
    "Kørekort C",
    "Excel",
    "SAP",
    "Rust",
    "Regnskab",
    "Kundeservice",
    "Engelsk",
    "Tysk",
    "Svejsning",
    "Hygiejnebevis",
    "Demens",
    "Medicinhåndtering",
];
const EDUCATIONS: &[&str] = &[
    "Pædagoguddannelsen",
    "Sygeplejerskeuddannelsen",
    "Tømreruddannelsen",
    "Datamatiker",
    "Kontoruddannelsen",
    "Kokkeuddannelsen",
    "Social- og sundhedsuddannelsen",
    "Elektrikeruddannelsen",
    "Lagerlogistik",
    "Handelsskolen",
];

/// `n` findable CVs, spread over Denmark's postcodes, each seeking one or two
/// occupations of the bundled list.
pub fn corpus(n: usize, seed: u64) -> Vec<CvRow> {
    let mut rng = StdRng::seed_from_u64(seed);
    let occupations = app::domain::occupation::all();
    let postcodes = app::domain::postcode::all();
    let now = Utc::now();
    (0..n)
        .map(|i| {
            let o = occupations.choose(&mut rng).expect("non-empty");
            let also = occupations.choose(&mut rng).expect("non-empty");
            let p = postcodes.choose(&mut rng).expect("non-empty");
            let seek = |o: &app::domain::occupation::Occupation| SoughtOccupation {
                code: o.code.to_string(),
                title: o.title(app::Lang::Da).to_string(),
                has_education: true,
                last_worked: None,
            };
            let item = |title: &str, from: i32| CvItem {
                title: title.into(),
                place: "Et sted".into(),
                from_year: from,
                to_year: Some(from + 3),
                description: String::new(),
            };
            let cv = Cv {
                show_email: true,
                occupations: if rng.random_bool(0.3) { vec![seek(o), seek(also)] } else { vec![seek(o)] },
                experience: vec![item(o.title(app::Lang::Da), 2015), item(also.title(app::Lang::Da), 2010)],
                education: vec![item(EDUCATIONS.choose(&mut rng).expect("non-empty"), 2005)],
                skills: SKILLS.choose_multiple(&mut rng, 3).map(|s| s.to_string()).collect(),
                terms: Some(Terms {
                    hours: 37,
                    time: *[WorkTime::Full, WorkTime::Part, WorkTime::Either].choose(&mut rng).expect("non-empty"),
                    municipality: p.municipality,
                    max_travel_km: 30,
                }),
                ..Default::default()
            };
            CvRow {
                user_id: i as i64 + 1,
                name: String::new(),
                cv: serde_json::to_string(&cv).unwrap_or_default(),
                municipality_code: Some(i32::from(p.municipality)),
                postcode: Some(format!("{:04}", p.number)),
                cv_updated_at: Some(now - chrono::Duration::minutes(i as i64)),
                blocked: Vec::new(),
            }
        })
        .collect()
}

fn query(mix: CvMix, text: &str) -> SearchQuery {
    match mix {
        CvMix::Facets => SearchQuery::text(text),
        CvMix::Radius => SearchQuery { near: Some(AARHUS_C), km: 25, ..SearchQuery::text(text) },
    }
}

pub async fn bench_tantivy(rows: &[CvRow], dir: &Path, queries: usize, today: NaiveDate) -> Result<Row<CvMix>, AppError> {
    let _ = std::fs::remove_dir_all(dir);
    let (index, _) = CvIndex::open_or_create(dir)?;
    let (docs, index2) = (rows.to_vec(), index.clone());
    let t = Instant::now();
    app::ssr::blocking(move || app::ssr::index::indexer::bulk_load(&index2, docs, 2, 400_000_000)).await?;
    let load = t.elapsed();
    let mut latency = Vec::new();
    for mix in CvMix::ALL {
        let i = index.clone();
        let p = measure(QUERIES, queries, |text| {
            let i = i.clone();
            async move { i.search(&query(mix, text), 0, today).map(|_| ()) }
        })
        .await?;
        latency.push((mix, p.0, p.1, p.2));
    }
    Ok(Row { engine: "tantivy CV index (Jobunivers)", size: rows.len(), load, bytes: dir_bytes(dir), rss_mb: rss_mb(), latency })
}

/// The same CVs in PostgreSQL: a weighted Danish tsvector over what is sought,
/// jobs held, education and skills (GIN), and counts per municipality, per
/// occupation and per working time, as the search page shows.
pub async fn bench_postgres(rows: &[CvRow], admin_url: &str, queries: usize) -> Result<Row<CvMix>, AppError> {
    super::with_scratch_postgres(admin_url, |conn| async move {
        conn.execute(
            "CREATE UNLOGGED TABLE c (id BIGINT PRIMARY KEY, municipality INTEGER, worktime TEXT, occupations TEXT[],
               sought TEXT, jobs TEXT, education TEXT, skills TEXT,
               tsv tsvector GENERATED ALWAYS AS (
                 setweight(to_tsvector('danish', sought), 'A') || setweight(to_tsvector('danish', jobs), 'B') ||
                 setweight(to_tsvector('danish', education), 'C') || setweight(to_tsvector('danish', skills), 'C')) STORED)",
        )
        .await?;
        let parsed: Vec<(i64, Option<i32>, Cv)> =
            rows.iter().filter_map(|r| Some((r.user_id, r.municipality_code, serde_json::from_str::<Cv>(&r.cv).ok()?))).collect();
        let t = Instant::now();
        for chunk in parsed.chunks(1000) {
            let mut b = QueryBuilder::new("INSERT INTO c (id, municipality, worktime, occupations, sought, jobs, education, skills) ");
            b.push_values(chunk, |mut r, (id, municipality, cv)| {
                let titles = |items: &[CvItem]| items.iter().map(|i| i.title.as_str()).collect::<Vec<_>>().join(" ");
                r.push_bind(*id)
                    .push_bind(*municipality)
                    .push_bind(cv.terms.as_ref().map(|t| t.time.code()))
                    .push_bind(cv.occupations.iter().map(|o| o.code.clone()).collect::<Vec<_>>())
                    .push_bind(cv.occupations.iter().map(|o| o.title.as_str()).collect::<Vec<_>>().join(" "))
                    .push_bind(titles(&cv.experience))
                    .push_bind(titles(&cv.education))
                    .push_bind(cv.skills.join(" "));
            });
            b.build().execute(&conn).await?;
        }
        conn.execute("CREATE INDEX c_tsv ON c USING GIN (tsv); CREATE INDEX c_municipality ON c (municipality); ANALYZE c;").await?;
        let load = t.elapsed();
        let mut latency = Vec::new();
        for mix in CvMix::ALL {
            let place = match mix {
                CvMix::Facets => String::new(),
                CvMix::Radius => {
                    let towns = app::domain::geo::Radius::new(AARHUS_C, 25.0).municipalities;
                    format!(" AND municipality IN ({})", towns.iter().map(|m| m.to_string()).collect::<Vec<_>>().join(","))
                }
            };
            let matching = format!("FROM c WHERE tsv @@ websearch_to_tsquery('danish', $1){place}");
            let statements = [
                format!("SELECT id FROM c, websearch_to_tsquery('danish', $1) q WHERE tsv @@ q{place} ORDER BY ts_rank_cd(tsv, q) DESC LIMIT 20"),
                format!("SELECT COUNT(*) {matching}"),
                format!("SELECT municipality, COUNT(*) {matching} GROUP BY municipality"),
                format!("SELECT worktime, COUNT(*) {matching} GROUP BY worktime"),
                format!("SELECT o, COUNT(*) FROM c, unnest(occupations) o WHERE tsv @@ websearch_to_tsquery('danish', $1){place} GROUP BY o"),
            ];
            let p = measure(QUERIES, queries, |text| {
                let (statements, conn) = (statements.clone(), conn.clone());
                async move {
                    for sql in statements {
                        sqlx::query(sqlx::AssertSqlSafe(sql)).bind(text).fetch_all(&conn).await?;
                    }
                    Ok(())
                }
            })
            .await?;
            latency.push((mix, p.0, p.1, p.2));
        }
        let bytes: i64 = sqlx::query_scalar("SELECT pg_total_relation_size('c')").fetch_one(&conn).await?;
        Ok(Row { engine: "PostgreSQL FTS", size: rows.len(), load, bytes: bytes.max(0) as u64, rss_mb: None, latency })
    })
    .await
}

/// Runs the CV index and PostgreSQL at every size, printing each row as it is done.
pub async fn run(opts: &super::Options) -> Result<Vec<Row<CvMix>>, AppError> {
    let today = app::ssr::clock::Clock::system().today();
    std::fs::create_dir_all(&opts.work_dir).map_err(|e| AppError::internal(format_args!("{}: {e}", opts.work_dir.display())))?;
    let mut out = Vec::new();
    for &n in &opts.sizes {
        eprintln!("generating {n} CVs …");
        let rows = corpus(n, crate::demo::DEFAULT_SEED);
        let dir = opts.work_dir.join(format!("cvs-{n}"));
        let mut at_size = vec![bench_tantivy(&rows, &dir, opts.queries, today).await?];
        let _ = std::fs::remove_dir_all(&dir);
        match &opts.postgres {
            Some(url) => at_size.push(bench_postgres(&rows, url, opts.queries).await?),
            None => eprintln!("no PostgreSQL URL (--postgres or TEST_POSTGRES_URL): PostgreSQL skipped"),
        }
        for row in &at_size {
            eprintln!("{}", super::line(row));
        }
        out.extend(at_size);
    }
    Ok(out)
}

/// The CV results as Markdown: the table, and how the index compares.
pub fn markdown(rows: &[Row<CvMix>], queries: usize) -> String {
    let mut s = format!(
        "Each query mix ran {queries} times after a warm-up; every search counts its filter choices (municipality, working time, \
         occupation), as the candidate search page does.\n\n| engine | CVs | load | load rate | size | memory (RSS) |"
    );
    for mix in CvMix::ALL {
        s.push_str(&format!(" {} p50 / p95 / p99 ms |", mix.name()));
    }
    s.push_str("\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for r in rows {
        s.push_str(&super::line(r));
        s.push('\n');
    }
    s.push_str("\nPostgreSQL p99 divided by the CV index's p99 (higher: the index faster):\n\n| CVs | ");
    s.push_str(&CvMix::ALL.iter().map(|m| m.name()).collect::<Vec<_>>().join(" | "));
    s.push_str(" |\n|---:|---:|---:|\n");
    s.push_str(&super::ratio_rows(rows));
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_corpus_is_findable_cvs_spread_over_the_country() {
        let rows = corpus(200, 7);
        assert_eq!(rows.len(), 200);
        let cvs: Vec<Cv> = rows.iter().map(|r| serde_json::from_str(&r.cv).unwrap()).collect();
        assert!(cvs.iter().all(|cv| cv.is_complete() || !cv.occupations.is_empty()));
        let mut municipalities: Vec<_> = rows.iter().map(|r| r.municipality_code).collect();
        municipalities.sort();
        municipalities.dedup();
        assert!(municipalities.len() > 30, "{}", municipalities.len());
        assert_eq!(corpus(5, 7)[3].cv, corpus(5, 7)[3].cv, "the same seed makes the same CVs");
    }
}
