//! The database: SQLite (embedded default) or PostgreSQL (production, scale-out).
//!
//! Repositories are written once: `on_pool!` runs the same sqlx code against
//! whichever pool is in use. Placeholders are `$1, $2, …`, which both backends read.

mod accounts;
mod agents;
mod audit;
mod business;
mod candidate_agents;
mod candidates;
mod caseworker;
mod companies;
mod imports;
mod jobs;
mod jobseeker;
mod keys;
mod limits;
mod mail;
pub mod outbox;
mod reports;
mod second_factor;
mod stats;
mod vacancies;

pub use accounts::{NewUserRow, SessionRow, UserRow};
pub use agents::{AgentRow, UnsentMatch};
pub use audit::AuditRow;
pub use business::{Desk, SuggestionRow, TaskRow, TaskWrite};
pub use candidate_agents::{CandidateAgentRow, CandidateMatchRow};
pub use candidates::{ContactMessageRow, ContactRow, CvRow, Side};
pub use caseworker::{EscalationRow, MeetingRow, MessageRow, NoteRow, QueueRow, ScanRow, Tally};
pub use companies::{CompanyRow, CompanyUserRow, StaffRow};
pub use imports::{RunRow, RunTally, SourceRow};
pub use jobseeker::{AttachmentRow, EntryRow, JobseekerRow, MissRecord, NotificationRow};
pub use limits::{NewSecurityEvent, SecurityRow};
pub use mail::{MailRow, NewMail};
pub use reports::{ReportRow, Reported};
pub use second_factor::SecondFactorRow;
pub use stats::{Counter, DailyRow};
pub use vacancies::{Actor, FeedRow, HistoryRow, ImportOutcome, ImportRow, Posting, VacancyRow};

use crate::error::AppError;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{PgPool, SqlitePool};
use std::str::FromStr;
use std::time::Duration;

#[derive(Clone, Debug)]
pub enum Db {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// Runs `$body` with `$pool` bound to the concrete pool of either backend.
macro_rules! on_pool {
    ($db:expr, $pool:ident => $body:expr) => {
        match $db {
            $crate::ssr::db::Db::Sqlite($pool) => $body,
            $crate::ssr::db::Db::Postgres($pool) => $body,
        }
    };
}
pub(crate) use on_pool;

/// The rows of `$sql` for a list of ids, `{ids}` in the text standing for the
/// list. Only numbered placeholders are added to the text; the ids are bound.
macro_rules! fetch_for_ids {
    ($db:expr, $sql:expr, $ids:expr) => {{
        let list = (1..=$ids.len()).map(|i| format!("${i}")).collect::<Vec<_>>().join(", ");
        let sql = $sql.replace("{ids}", &list);
        on_pool!($db, pool => {
            let mut q = sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()));
            for id in $ids {
                q = q.bind(*id);
            }
            q.fetch_all(pool).await
        })
    }};
}
pub(crate) use fetch_for_ids;

/// The first statement of a transaction that checks a person's quota and then
/// writes: it takes a lock on the person, so two requests of theirs at once are
/// checked one after the other. (SQLite takes its one write lock by writing;
/// PostgreSQL locks the row.) Bind the user's id.
pub(crate) fn lock_user_sql(db: &Db) -> &'static str {
    match db {
        Db::Sqlite(_) => "UPDATE users SET name = name WHERE id = $1",
        Db::Postgres(_) => "SELECT 1 FROM users WHERE id = $1 FOR UPDATE",
    }
}

/// Like `lock_user_sql`, on a company: its users' writes under a company's quota
/// are checked one after the other. Bind the company's id.
pub(crate) fn lock_company_sql(db: &Db) -> &'static str {
    match db {
        Db::Sqlite(_) => "UPDATE companies SET name = name WHERE id = $1",
        Db::Postgres(_) => "SELECT 1 FROM companies WHERE id = $1 FOR UPDATE",
    }
}

/// The first statements of a transaction that stores imported items: items with
/// the same fingerprint (the same job, from any source) are stored one after the
/// other, so two sources importing one job at once add it once. Run once per
/// distinct key of `fingerprint_lock_key`, in ascending order and before any
/// other write, so two batches never wait on each other in a circle. Bind the key
/// (PostgreSQL) and the source's id (SQLite, whose one write lock this takes).
pub(crate) fn lock_fingerprint_sql(db: &Db) -> &'static str {
    match db {
        Db::Sqlite(_) => "UPDATE import_sources SET id = id WHERE $1 IS NOT NULL AND id = $2",
        Db::Postgres(_) => "SELECT pg_advisory_xact_lock(7320511, $1) WHERE $2 > 0",
    }
}

/// The advisory lock key of a fingerprint (16 hex digits): its first 32 bits.
/// Two jobs may share a key; they then wait for each other, which is harmless.
pub(crate) fn fingerprint_lock_key(fingerprint: &str) -> i32 {
    let high = fingerprint.get(..8).and_then(|h| u32::from_str_radix(h, 16).ok()).unwrap_or(0);
    i32::from_be_bytes(high.to_be_bytes())
}

/// What a write under a quota came to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Quota<T> {
    Stored(T),
    /// Nothing of the person's to write to (another person's, or none).
    NotFound,
    /// The person is at their quota; nothing was written.
    Full,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

fn migrator(backend: Backend) -> sqlx::migrate::Migrator {
    match backend {
        Backend::Sqlite => sqlx::migrate!("../migrations/sqlite"),
        Backend::Postgres => sqlx::migrate!("../migrations/postgres"),
    }
}

impl Db {
    /// Connects to `url` (`sqlite://path` or `postgres://…`), creating a SQLite file
    /// and its folder when missing.
    pub async fn connect(url: &str) -> Result<Db, AppError> {
        if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            let opts = PgConnectOptions::from_str(url).map_err(|e| AppError::internal(format_args!("DATABASE_URL: {e}")))?;
            let pool = PgPoolOptions::new().max_connections(20).acquire_timeout(Duration::from_secs(5)).connect_with(opts).await?;
            Ok(Db::Postgres(pool))
        } else if url.starts_with("sqlite:") {
            let opts = SqliteConnectOptions::from_str(url)
                .map_err(|e| AppError::internal(format_args!("DATABASE_URL: {e}")))?
                .create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .foreign_keys(true)
                .busy_timeout(Duration::from_secs(10));
            if let Some(dir) = opts.get_filename().parent() {
                if !dir.as_os_str().is_empty() {
                    std::fs::create_dir_all(dir).map_err(|e| AppError::internal(format_args!("creating {}: {e}", dir.display())))?;
                }
            }
            let pool = SqlitePoolOptions::new().max_connections(8).acquire_timeout(Duration::from_secs(10)).connect_with(opts).await?;
            Ok(Db::Sqlite(pool))
        } else {
            Err(AppError::internal(format_args!(
                "DATABASE_URL must start with sqlite: or postgres:, got {:?}",
                url.split(':').next().unwrap_or_default()
            )))
        }
    }

    pub fn backend(&self) -> Backend {
        match self {
            Db::Sqlite(_) => Backend::Sqlite,
            Db::Postgres(_) => Backend::Postgres,
        }
    }

    /// Applies the migrations for this backend (embedded in the binary).
    pub async fn migrate(&self) -> Result<(), AppError> {
        let result = match self {
            Db::Sqlite(pool) => migrator(Backend::Sqlite).run(pool).await,
            Db::Postgres(pool) => migrator(Backend::Postgres).run(pool).await,
        };
        result.map_err(|e| AppError::internal(format_args!("migration failed: {e}")))
    }

    /// Applies the migrations up to and including `version` only: for tests that
    /// store data as an older schema held it and then migrate the rest.
    pub async fn migrate_until(&self, version: i64) -> Result<(), AppError> {
        let older = |backend| {
            let mut m = migrator(backend);
            m.migrations = m.migrations.iter().filter(|x| x.version <= version).cloned().collect::<Vec<_>>().into();
            m
        };
        let result = match self {
            Db::Sqlite(pool) => older(Backend::Sqlite).run(pool).await,
            Db::Postgres(pool) => older(Backend::Postgres).run(pool).await,
        };
        result.map_err(|e| AppError::internal(format_args!("migration failed: {e}")))
    }

    /// A short name for the schema the embedded migrations build on `backend`: it
    /// changes whenever a migration is added or edited (tests key their migrated
    /// template databases by it).
    pub fn schema_fingerprint(backend: Backend) -> String {
        use sha2::{Digest, Sha256};
        let mut hash = Sha256::new();
        for m in migrator(backend).iter() {
            hash.update(m.version.to_le_bytes());
            hash.update(&m.checksum);
        }
        hash.finalize().iter().take(6).map(|b| format!("{b:02x}")).collect()
    }

    /// A cheap round trip, for readiness checks.
    pub async fn ping(&self) -> Result<(), AppError> {
        on_pool!(self, pool => sqlx::query("SELECT 1").execute(pool).await.map(|_| ()))?;
        Ok(())
    }

    /// A consistent copy of an SQLite database in `file`, made while it is in use
    /// (`VACUUM INTO`). PostgreSQL has its own tools.
    pub async fn copy_into(&self, file: &str) -> Result<(), AppError> {
        match self {
            Db::Sqlite(pool) => {
                sqlx::query("VACUUM INTO $1").bind(file).execute(pool).await?;
                Ok(())
            }
            Db::Postgres(_) => Err(AppError::internal("copy_into is for SQLite; use pg_dump")),
        }
    }

    /// A backup file, opened to read only (nothing is changed, not even its journal).
    pub async fn open_backup(file: &std::path::Path) -> Result<Db, AppError> {
        let opts = SqliteConnectOptions::new().filename(file).read_only(true).create_if_missing(false);
        Ok(Db::Sqlite(SqlitePoolOptions::new().max_connections(1).connect_with(opts).await?))
    }

    /// Whether this SQLite database is a whole copy of Jobunivers's, of this or an
    /// older version (newer migrations than ours: a newer version's backup).
    pub async fn check_backup(&self) -> Result<(), AppError> {
        let Db::Sqlite(pool) = self else { return Err(AppError::internal("check_backup is for SQLite")) };
        let integrity: String = sqlx::query_scalar("PRAGMA integrity_check").fetch_one(pool).await?;
        if integrity != "ok" {
            return Err(AppError::internal(format_args!("the copy is damaged: {integrity}")));
        }
        let newest: Option<i64> = sqlx::query_scalar("SELECT MAX(version) FROM _sqlx_migrations")
            .fetch_one(pool)
            .await
            .map_err(|e| AppError::internal(format_args!("not a Jobunivers database: {e}")))?;
        let ours = migrator(Backend::Sqlite).iter().map(|m| m.version).max().unwrap_or(0);
        match newest {
            None => Err(AppError::internal("not a Jobunivers database: no migrations")),
            Some(v) if v > ours => Err(AppError::internal(format_args!("made by a newer version (migration {v}; this one knows {ours})"))),
            Some(_) => Ok(()),
        }
    }

    /// Open connections, and how many of them are idle (for `/metrics`).
    pub fn pool_use(&self) -> (u32, usize) {
        on_pool!(self, pool => (pool.size(), pool.num_idle()))
    }

    pub async fn close(&self) {
        on_pool!(self, pool => pool.close().await)
    }
}
