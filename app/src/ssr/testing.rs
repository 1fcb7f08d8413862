//! Test support: a fresh database on each backend for every test. Real SQLite
//! files and real PostgreSQL databases, never mocks.
//!
//! PostgreSQL comes from `TEST_POSTGRES_URL` (an admin URL; `.ci/postgres` prints
//! one). Without it the PostgreSQL half is skipped with a warning on a developer's
//! machine, and fails when `CI` is set, so CI can never pass without it.

use super::db::{Backend, Db};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

/// One test's database and a scratch folder (for the index), removed afterwards.
pub struct TestDb {
    pub db: Db,
    pub label: &'static str,
    dir: PathBuf,
    postgres: Option<(String, String)>,
}

impl TestDb {
    /// A folder belonging to this test, e.g. for its search index.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn backend(&self) -> Backend {
        self.db.backend()
    }

    /// Closes the pool and drops the PostgreSQL database. Call at the end of a test.
    pub async fn cleanup(self) {
        self.db.close().await;
        if let Some((admin, name)) = &self.postgres {
            if let Ok(admin) = sqlx::PgPool::connect(admin).await {
                let sql = format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
                let _ = sqlx::query(sqlx::AssertSqlSafe(sql)).execute(&admin).await;
                admin.close().await;
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
    let mut out = Vec::new();
    let dir = scratch_dir(&format!("{test}-sqlite"));
    let db = Db::connect(&format!("sqlite://{}", dir.join("test.db").display())).await.expect("sqlite");
    db.migrate().await.expect("sqlite migrations");
    out.push(TestDb { db, label: "sqlite", dir, postgres: None });
    match std::env::var("TEST_POSTGRES_URL") {
        Ok(admin) if !admin.is_empty() => out.push(postgres(&admin, test).await),
        _ if std::env::var("CI").is_ok() => panic!("TEST_POSTGRES_URL is not set: the PostgreSQL tests must run in CI"),
        _ => eprintln!("warning: TEST_POSTGRES_URL not set; {test} runs on SQLite only"),
    }
    out
}

async fn postgres(admin_url: &str, test: &str) -> TestDb {
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let safe: String = test.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '_').take(30).collect();
    let name = format!("jt_{}_{}_{n}", std::process::id(), safe.to_lowercase());
    let admin = sqlx::PgPool::connect(admin_url).await.unwrap_or_else(|e| panic!("connect to TEST_POSTGRES_URL: {e}"));
    let sql = format!("CREATE DATABASE \"{name}\"");
    sqlx::query(sqlx::AssertSqlSafe(sql)).execute(&admin).await.unwrap_or_else(|e| panic!("create test database: {e}"));
    admin.close().await;
    let url = with_database(admin_url, &name);
    let db = Db::connect(&url).await.unwrap_or_else(|e| panic!("connect to {url}: {e}"));
    db.migrate().await.expect("postgres migrations");
    TestDb { db, label: "postgres", dir: scratch_dir(&format!("{test}-pg")), postgres: Some((admin_url.to_string(), name)) }
}

/// The same server and credentials, another database.
fn with_database(url: &str, name: &str) -> String {
    let (base, query) = url.split_once('?').map_or((url, None), |(b, q)| (b, Some(q)));
    let (scheme, rest) = base.split_once("://").unwrap_or(("postgres", base));
    let authority = rest.split_once('/').map_or(rest, |(a, _)| a);
    match query {
        Some(q) => format!("{scheme}://{authority}/{name}?{q}"),
        None => format!("{scheme}://{authority}/{name}"),
    }
}

#[cfg(test)]
mod tests {
    use super::with_database;

    #[test]
    fn database_urls_keep_host_and_options() {
        assert_eq!(with_database("postgres:///postgres?host=/run/pg&port=5432", "t1"), "postgres:///t1?host=/run/pg&port=5432");
        assert_eq!(with_database("postgres://u:p@db:5432/postgres", "t2"), "postgres://u:p@db:5432/t2");
        assert_eq!(with_database("postgres://u@db", "t3"), "postgres://u@db/t3");
    }
}
