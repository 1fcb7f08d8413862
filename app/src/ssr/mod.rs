//! Server-only code: database, index, services. Compiled with the `ssr` feature.

pub mod clock;
pub mod collate;
pub mod db;
pub mod fetch;
pub mod gates;
pub mod index;
pub mod mail;
pub mod secrets;
pub mod services;

use crate::error::AppError;
use db::Db;
use index::indexer::{IndexerConfig, IndexerHandle};
use index::{CvIndex, VacancyIndex};
use leptos::prelude::use_context;
use std::path::Path;
use std::sync::Arc;

/// Everything a request needs, provided to server functions through Leptos context.
#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub index: VacancyIndex,
    pub indexer: Arc<IndexerHandle>,
    /// The CVs employers may find, and the indexer that keeps them.
    pub cvs: CvIndex,
    pub cv_indexer: Arc<IndexerHandle>,
    pub auth: services::auth::AuthPolicy,
    /// Seals CPR numbers. `start` gives a key for this process only; the server
    /// replaces it with the configured one (see `secrets::Sealer::load_or_create`).
    pub sealer: Arc<secrets::Sealer>,
    /// The self-service rules in force (defaults, or the municipality's file).
    pub rules: Arc<crate::domain::rules::Rules>,
    /// E-mail (job agents' daily digest); disabled unless configured.
    pub mailer: Arc<mail::Mailer>,
    /// The server's clock: the machine's, or one set for a rehearsal or a test.
    pub clock: clock::Clock,
    /// The HTTP client of imports: strict unless the server is configured otherwise.
    pub fetcher: Arc<fetch::Fetcher>,
    /// This process's name among the nodes: who holds a lease, which node recorded
    /// a failed item.
    pub node: Arc<str>,
}

impl AppState {
    /// Opens (or builds) the indexes in `index_dir` and starts their indexers, on `clock`.
    pub async fn start(db: Db, index_dir: &Path, config: IndexerConfig, clock: clock::Clock) -> Result<AppState, AppError> {
        let (vacancies, cvs) = (index::vacancies_dir(index_dir), index::cvs_dir(index_dir));
        let opened = tokio::task::spawn_blocking(move || {
            Ok::<_, AppError>((VacancyIndex::open_or_create(&vacancies)?, CvIndex::open_or_create(&cvs)?))
        })
        .await
        .map_err(|e| AppError::internal(format_args!("opening index: {e}")))??;
        let ((index, opened), (cv_index, cv_opened)) = opened;
        let indexer = index::indexer::start(db.clone(), index.clone(), opened, config.clone(), clock.clone())?;
        let cv_indexer = index::indexer::start(db.clone(), cv_index.clone(), cv_opened, config, clock.clone())?;
        Ok(AppState {
            db,
            index,
            indexer: Arc::new(indexer),
            cvs: cv_index,
            cv_indexer: Arc::new(cv_indexer),
            auth: Default::default(),
            sealer: Arc::new(secrets::Sealer::ephemeral()),
            rules: Default::default(),
            mailer: Arc::new(mail::Mailer::disabled()),
            clock,
            fetcher: Arc::new(fetch::Fetcher::new(fetch::FetchConfig::default())?),
            node: format!("node-{}-{:08x}", std::process::id(), rand::random::<u32>()).into(),
        })
    }

    /// Stops both indexers and waits for them (their index writers are free after).
    pub async fn stop_indexers(&self) {
        let (indexer, cv_indexer) = (self.indexer.clone(), self.cv_indexer.clone());
        let _ = tokio::task::spawn_blocking(move || {
            indexer.request_stop();
            cv_indexer.stop();
            indexer.stop();
        })
        .await;
    }

    /// Stops background work; the database and index stay consistent at any point.
    pub async fn shutdown(&self) {
        self.stop_indexers().await;
        // Closing waits for every borrowed connection to come back; a request cut
        // off mid-way may never return one. Do not hang the shutdown on it.
        if tokio::time::timeout(std::time::Duration::from_secs(5), self.db.close()).await.is_err() {
            tracing::warn!("database connections still in use after 5 s; stopping anyway");
        }
    }
}

/// The state of this server, inside a server function or a server-side render.
pub fn state() -> Result<AppState, AppError> {
    use_context::<AppState>().ok_or_else(|| AppError::internal("AppState missing from context"))
}

/// Today's date in Denmark on this server's clock, inside a server function or a
/// server-side render.
pub fn today() -> Result<chrono::NaiveDate, AppError> {
    Ok(state()?.clock.today())
}

/// Runs blocking work (index searches, hashing) off the async runtime, at most
/// [`blocking_limit`] at once; the rest wait their turn in order.
///
/// The work is all CPU: more at once than there are cores only adds latency, and
/// each search or password hash holds its memory while it runs. Without a limit,
/// tokio would start up to 512 threads under load. With a million vacancies, a
/// few hundred searches at once took the server past 3 GB.
pub async fn blocking<T: Send + 'static>(f: impl FnOnce() -> Result<T, AppError> + Send + 'static) -> Result<T, AppError> {
    static TURNS: std::sync::OnceLock<tokio::sync::Semaphore> = std::sync::OnceLock::new();
    let turns = TURNS.get_or_init(|| tokio::sync::Semaphore::new(blocking_limit()));
    let turn = turns.acquire().await.map_err(|_| AppError::Unavailable)?;
    // The turn goes with the work: a request given up by its caller still holds it
    // until its work is done.
    let work = move || {
        let result = f();
        drop(turn);
        result
    };
    tokio::task::spawn_blocking(work).await.map_err(|e| AppError::internal(format_args!("blocking task: {e}")))?
}

/// How much blocking work runs at once: two per core, so a core never waits for
/// work while another task's result is being handed back.
pub fn blocking_limit() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get()).saturating_mul(2)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn blocking_work_runs_a_few_at_a_time_and_all_of_it_runs() {
        static RUNNING: AtomicUsize = AtomicUsize::new(0);
        static MOST: AtomicUsize = AtomicUsize::new(0);
        let work: Vec<_> = (0..40usize)
            .map(|i| {
                tokio::spawn(blocking(move || {
                    let now = RUNNING.fetch_add(1, Ordering::SeqCst) + 1;
                    MOST.fetch_max(now, Ordering::SeqCst);
                    std::thread::sleep(std::time::Duration::from_millis(5));
                    RUNNING.fetch_sub(1, Ordering::SeqCst);
                    Ok(i)
                }))
            })
            .collect();
        let mut done = Vec::new();
        for w in work {
            done.push(w.await.unwrap().unwrap());
        }
        assert_eq!(done, (0..40).collect::<Vec<_>>());
        let most = MOST.load(Ordering::SeqCst);
        assert!(most <= blocking_limit(), "{most} at once, limit {}", blocking_limit());
        assert!(most >= 2, "the work ran one at a time");
    }
}
