//! Test support, kept out of the production binary: a fresh database on each
//! backend for every test, removed when the test drops it; the server's state on
//! it with a clock the test sets; accounts by role; a valid vacancy.
//!
//! Real SQLite files and real PostgreSQL databases, never mocks. PostgreSQL comes
//! from `TEST_POSTGRES_URL` (an admin URL; `.ci/postgres` prints one). Without it
//! the PostgreSQL half is skipped with a warning on a developer's machine, and
//! fails when `CI` is set, so CI can never pass without it.
//!
//! Each backend is migrated once per schema into a template (a file for SQLite,
//! a template database for PostgreSQL) and each test gets a copy, so a test does
//! not re-run every migration.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test support: a failure is a failed test

mod accounts;
mod cv;
mod template;

pub use accounts::Account;
pub use cv::{complete_cv, cv_form, CvFacts};

use app::domain::vacancy::NewVacancy;
use app::ssr::clock::Clock;
use app::ssr::db::{Backend, Db};
use app::ssr::index::indexer::IndexerConfig;
use app::ssr::AppState;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Mutex;

/// One test's database and a scratch folder (for the index). Dropping it stops
/// the states started on it, drops the PostgreSQL database and removes the folder.
pub struct TestDb {
    pub db: Db,
    pub label: &'static str,
    dir: PathBuf,
    postgres: Option<(String, String)>,
    states: Mutex<Vec<AppState>>,
}

impl TestDb {
    /// A folder belonging to this test, e.g. for its search index.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn backend(&self) -> Backend {
        self.db.backend()
    }

    /// The database's address, for a server process started by the test.
    pub fn url(&self) -> String {
        match &self.postgres {
            Some((admin, name)) => template::with_database(admin, name),
            None => format!("sqlite://{}", self.dir.join("test.db").display()),
        }
    }

    /// The server's state on this database with the machine's clock, its index in
    /// this test's folder.
    pub async fn state(&self) -> AppState {
        self.state_with(&self.dir.join("index"), Clock::system()).await
    }

    /// The server's state with a clock reading `at` (and running on from there).
    pub async fn state_at(&self, at: DateTime<Utc>) -> AppState {
        self.state_with(&self.dir.join("index"), Clock::starting_at(at)).await
    }

    /// The server's state with its index in `index_dir` and the given clock.
    pub async fn state_with(&self, index_dir: &Path, clock: Clock) -> AppState {
        let st = AppState::start(self.db.clone(), index_dir, IndexerConfig::default(), clock).await.unwrap();
        self.states.lock().unwrap().push(st.clone());
        st
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        let states = std::mem::take(&mut *self.states.lock().unwrap_or_else(|e| e.into_inner()));
        // The indexer thread runs its queries on the test's runtime: waiting for it
        // is only possible where other workers can drive them.
        let multi_thread =
            tokio::runtime::Handle::try_current().is_ok_and(|h| h.runtime_flavor() == tokio::runtime::RuntimeFlavor::MultiThread);
        for st in &states {
            for indexer in [&st.indexer, &st.cv_indexer] {
                if multi_thread {
                    tokio::task::block_in_place(|| indexer.stop());
                } else {
                    indexer.request_stop();
                }
            }
        }
        if let Some((admin, name)) = self.postgres.take() {
            let drop_it = move || template::drop_database(&admin, &name);
            if multi_thread {
                tokio::task::block_in_place(drop_it);
            } else {
                drop_it();
            }
        }
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

static COUNTER: AtomicU32 = AtomicU32::new(0);

fn scratch_dir(test: &str) -> PathBuf {
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("jobunivers-test-{}-{test}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

/// A migrated SQLite database and, when available, a migrated PostgreSQL database,
/// both empty. Run the test body for each.
pub async fn databases(test: &str) -> Vec<TestDb> {
    // Warnings and errors (an internal error's details, say) go to the test's
    // output, shown when it fails.
    let _ = tracing_subscriber::fmt().with_test_writer().with_env_filter("warn").try_init();
    let mut out = Vec::new();
    let dir = scratch_dir(&format!("{test}-sqlite"));
    let file = dir.join("test.db");
    template::copy_sqlite(&file).await;
    let db = Db::connect(&format!("sqlite://{}", file.display())).await.expect("sqlite");
    out.push(TestDb { db, label: "sqlite", dir, postgres: None, states: Mutex::default() });
    match std::env::var("TEST_POSTGRES_URL") {
        Ok(admin) if !admin.is_empty() => out.push(postgres(&admin, test).await),
        _ if std::env::var("CI").is_ok() => panic!("TEST_POSTGRES_URL is not set: the PostgreSQL tests must run in CI"),
        _ => eprintln!("warning: TEST_POSTGRES_URL not set; {test} runs on SQLite only"),
    }
    out
}

/// Like `databases`, but with no schema at all: for tests of migrations.
pub async fn empty_databases(test: &str) -> Vec<TestDb> {
    let _ = tracing_subscriber::fmt().with_test_writer().with_env_filter("warn").try_init();
    let dir = scratch_dir(&format!("{test}-sqlite-empty"));
    let db = Db::connect(&format!("sqlite://{}", dir.join("test.db").display())).await.expect("sqlite");
    let mut out = vec![TestDb { db, label: "sqlite", dir, postgres: None, states: Mutex::default() }];
    if let Ok(admin) = std::env::var("TEST_POSTGRES_URL") {
        if !admin.is_empty() {
            let n = COUNTER.fetch_add(1, Ordering::Relaxed);
            let name = format!("jt_{}_empty_{n}", std::process::id());
            let url = template::create_empty_postgres(&admin, &name).await;
            let db = Db::connect(&url).await.unwrap_or_else(|e| panic!("connect to {url}: {e}"));
            let dir = scratch_dir(&format!("{test}-pg-empty"));
            out.push(TestDb { db, label: "postgres", dir, postgres: Some((admin, name)), states: Mutex::default() });
        }
    }
    out
}

async fn postgres(admin_url: &str, test: &str) -> TestDb {
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let safe: String = test.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '_').take(30).collect();
    let name = format!("jt_{}_{}_{n}", std::process::id(), safe.to_lowercase());
    let url = template::create_postgres(admin_url, &name).await;
    let db = Db::connect(&url).await.unwrap_or_else(|e| panic!("connect to {url}: {e}"));
    TestDb {
        db,
        label: "postgres",
        dir: scratch_dir(&format!("{test}-pg")),
        postgres: Some((admin_url.to_string(), name)),
        states: Mutex::default(),
    }
}

/// `st` with mail that is queued in the outbox but can never be sent (its SMTP
/// server does not answer), and links to https://job.example.
pub fn unsent_mail(st: &AppState) -> AppState {
    let mailer = app::ssr::mail::Mailer::smtp("smtp://127.0.0.1:1", "Jobunivers <noreply@test.example>", "https://job.example")
        .expect("a valid SMTP address");
    AppState { mailer: std::sync::Arc::new(mailer), ..st.clone() }
}

/// A valid vacancy in `city`, at the postcode of that name (8000 Aarhus C if
/// none), with its deadline two weeks after `today`.
pub fn vacancy(title: &str, city: &str, today: NaiveDate) -> NewVacancy {
    let place = app::domain::postcode::all().iter().find(|p| p.name == city).or_else(|| app::domain::postcode::lookup(8000)).expect("8000");
    NewVacancy {
        title: title.into(),
        employer_name: "Testkommunen".into(),
        description: format!("Vi søger en {title} til et spændende job med gode kolleger."),
        postcode: format!("{:04}", place.number),
        city: city.into(),
        municipality_code: Some(place.municipality),
        weekly_hours: 37.0,
        deadline: today + Duration::days(14),
        how_to_apply: "job@test.example".into(),
        employment_type: Default::default(),
        occupation_code: None,
    }
}

/// Waits until both indexers (vacancies, CVs) have applied everything written so
/// far: it waits on their outbox positions, never a fixed time. Generous: this
/// checks behaviour, not speed (the speed is measured and printed, not asserted).
pub async fn settle(st: &AppState) {
    let target = st.db.outbox_max_id().await.unwrap();
    let started = std::time::Instant::now();
    for indexer in [&st.indexer, &st.cv_indexer] {
        indexer.wake();
        while indexer.applied_outbox_id() < target || !indexer.is_ready() {
            assert!(started.elapsed().as_secs() < 30, "indexer did not catch up");
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
    }
}

/// A moment in UTC from RFC 3339 text, for tests that set the clock.
pub fn at(rfc3339: &str) -> DateTime<Utc> {
    rfc3339.parse().unwrap_or_else(|e| panic!("{rfc3339}: {e}"))
}
