//! Migrated templates: each backend's schema is built once (per schema, across test
//! processes) and copied for every test.

use app::ssr::db::{Backend, Db};
use sqlx::{Connection, Executor, PgConnection};
use std::path::{Path, PathBuf};
use tokio::sync::OnceCell;

/// Copies the migrated SQLite template to `to`.
pub async fn copy_sqlite(to: &Path) {
    static TEMPLATE: OnceCell<PathBuf> = OnceCell::const_new();
    let template = TEMPLATE.get_or_init(sqlite_template).await;
    std::fs::copy(template, to).unwrap_or_else(|e| panic!("copy {} to {}: {e}", template.display(), to.display()));
}

async fn sqlite_template() -> PathBuf {
    let fingerprint = Db::schema_fingerprint(Backend::Sqlite);
    let path = std::env::temp_dir().join(format!("jobunivers-template-{fingerprint}.db"));
    if path.exists() {
        return path;
    }
    // Built under a name of this process's own and renamed into place, so a
    // process never copies a half-built template of another.
    let building = std::env::temp_dir().join(format!("jobunivers-template-{fingerprint}-{}.db", std::process::id()));
    let _ = std::fs::remove_file(&building);
    let db = Db::connect(&format!("sqlite://{}", building.display())).await.expect("sqlite template");
    db.migrate().await.expect("sqlite migrations");
    // Closing the last connection checkpoints the write-ahead log into the file.
    db.close().await;
    std::fs::rename(&building, &path).expect("publish the sqlite template");
    path
}

/// Creates database `name` as a copy of the migrated template; returns its URL.
pub async fn create_postgres(admin_url: &str, name: &str) -> String {
    static TEMPLATE: OnceCell<String> = OnceCell::const_new();
    let template = TEMPLATE.get_or_init(|| postgres_template(admin_url)).await;
    let mut admin = PgConnection::connect(admin_url).await.unwrap_or_else(|e| panic!("connect to TEST_POSTGRES_URL: {e}"));
    let sql = format!("CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
    admin.execute(sqlx::AssertSqlSafe(sql)).await.unwrap_or_else(|e| panic!("create test database: {e}"));
    let _ = admin.close().await;
    with_database(admin_url, name)
}

/// Creates database `name` with nothing in it; returns its URL.
pub async fn create_empty_postgres(admin_url: &str, name: &str) -> String {
    let mut admin = PgConnection::connect(admin_url).await.unwrap_or_else(|e| panic!("connect to TEST_POSTGRES_URL: {e}"));
    admin.execute(sqlx::AssertSqlSafe(format!("CREATE DATABASE \"{name}\""))).await.unwrap_or_else(|e| panic!("create test database: {e}"));
    let _ = admin.close().await;
    with_database(admin_url, name)
}

/// Builds the template database for the current schema unless it exists. Test
/// processes may start at once: an advisory lock lets one build while the others
/// wait, and templates of older schemas are dropped.
async fn postgres_template(admin_url: &str) -> String {
    let name = format!("jt_template_{}", Db::schema_fingerprint(Backend::Postgres));
    let mut admin = PgConnection::connect(admin_url).await.unwrap_or_else(|e| panic!("connect to TEST_POSTGRES_URL: {e}"));
    const LOCK: i64 = 0x6a6f_6275_6e69; // "jobuni"
    sqlx::query("SELECT pg_advisory_lock($1)").bind(LOCK).execute(&mut admin).await.expect("template lock");
    let exists: Option<i32> = sqlx::query_scalar("SELECT 1 FROM pg_database WHERE datname = $1")
        .bind(&name)
        .fetch_optional(&mut admin)
        .await
        .expect("pg_database");
    if exists.is_none() {
        let old: Vec<String> = sqlx::query_scalar("SELECT datname FROM pg_database WHERE datname LIKE 'jt\\_template\\_%'")
            .fetch_all(&mut admin)
            .await
            .expect("old templates");
        for old in old {
            let _ = admin.execute(sqlx::AssertSqlSafe(format!("DROP DATABASE IF EXISTS \"{old}\" WITH (FORCE)"))).await;
        }
        let building = format!("{name}_build");
        admin.execute(sqlx::AssertSqlSafe(format!("CREATE DATABASE \"{building}\""))).await.expect("create template");
        let db = Db::connect(&with_database(admin_url, &building)).await.expect("connect to template");
        db.migrate().await.expect("postgres migrations");
        db.close().await;
        admin.execute(sqlx::AssertSqlSafe(format!("ALTER DATABASE \"{building}\" RENAME TO \"{name}\""))).await.expect("publish template");
    }
    sqlx::query("SELECT pg_advisory_unlock($1)").bind(LOCK).execute(&mut admin).await.expect("template unlock");
    let _ = admin.close().await;
    name
}

/// Drops a test's database, closing whatever connections it still has. Blocks:
/// called from `Drop`, on a thread and runtime of its own.
pub fn drop_database(admin_url: &str, name: &str) {
    let (admin_url, name) = (admin_url.to_string(), name.to_string());
    let done = std::thread::spawn(move || {
        let Ok(rt) = tokio::runtime::Builder::new_current_thread().enable_all().build() else { return };
        rt.block_on(async {
            if let Ok(mut admin) = PgConnection::connect(&admin_url).await {
                if let Err(e) = admin.execute(sqlx::AssertSqlSafe(format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"))).await {
                    eprintln!("warning: test database {name} not dropped: {e}");
                }
                let _ = admin.close().await;
            }
        });
    });
    let _ = done.join();
}

/// The same server and credentials, another database.
pub(crate) fn with_database(url: &str, name: &str) -> String {
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
