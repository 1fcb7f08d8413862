//! Starting the server and the work behind it.

use crate::config::Config;
use anyhow::Context;
use app::ssr::db::Db;
use app::ssr::index::indexer::IndexerConfig;
use app::ssr::AppState;
use leptos::config::LeptosOptions;

/// Connects to the database and applies migrations.
pub async fn open_db(config: &Config) -> anyhow::Result<Db> {
    let shown = config.database_url_for_logs();
    tracing::info!(database = %shown, "connecting to the database");
    let db = Db::connect(&config.database_url()).await.with_context(|| format!("connecting to the database {shown}"))?;
    db.migrate().await.with_context(|| format!("migrating the database {shown}"))?;
    Ok(db)
}

/// The key that seals CPR numbers, checked against the database: a node whose key
/// cannot open the check value the first node stored does not start.
pub async fn checked_sealer(config: &Config, db: &Db) -> anyhow::Result<app::ssr::secrets::Sealer> {
    let sealer = config.sealer()?;
    if !sealer.check_database(db).await.context("checking the secret key against the database")? {
        anyhow::bail!(
            "this node's secret key is not the key of this database: the CPR numbers in it were sealed with another. \
             Give this node the same JOBUNIVERS_SECRET_KEY as the others (or, on SQLite, the secret.key file it was \
             made with)"
        );
    }
    Ok(sealer)
}

pub fn leptos_options(config: &Config) -> LeptosOptions {
    LeptosOptions::builder()
        .output_name("jobunivers")
        .site_root(config.site_root.display().to_string())
        .site_pkg_dir("pkg")
        .site_addr(config.addr)
        .hash_files(hashed_build())
        .build()
}

/// Whether this server was built by the release build, which names the script,
/// WebAssembly and stylesheet after their content (so browsers may keep them for
/// a year) and writes the names in `hash.txt` beside the binary.
fn hashed_build() -> bool {
    std::env::current_exe().ok().and_then(|exe| exe.parent().map(|dir| dir.join("hash.txt").is_file())).unwrap_or(false)
}

/// Runs the web server until Ctrl-C or SIGTERM.
pub async fn serve(config: &Config, seed_demo_if_empty: bool, demo_count: usize) -> anyhow::Result<()> {
    let db = open_db(config).await?;
    let clock = config.clock();
    let sealer = std::sync::Arc::new(checked_sealer(config, &db).await?);
    if seed_demo_if_empty && db.count_open_vacancies().await.context("counting vacancies")? == 0 {
        tracing::info!(count = demo_count, "empty database: adding demo data");
        let n = crate::demo::seed(&db, &clock, demo_count, crate::demo::DEFAULT_SEED, |_, _| {}).await.context("adding demo vacancies")?;
        tracing::info!(vacancies = n, "demo data added");
        crate::demo::seed_accounts(&db, &sealer, &clock).await.context("adding demo accounts")?;
        crate::demo::company::seed(&db, &sealer, &clock).await.context("adding the demo company")?;
        let citizens = crate::demo::citizens::seed(&db, &clock).await.context("adding demo citizens")?;
        tracing::info!(citizens, "demo citizens of København added");
        crate::demo::company::seed_contacts(&db, &clock).await.context("adding the demo company's candidate contacts")?;
        crate::demo::company::seed_business_task(&db, &clock).await.context("adding the demo company's request to the jobcentre")?;
    }
    let rules = std::sync::Arc::new(config.rules()?);
    tracing::info!(version = %rules.version, "self-service rules in force");
    let mailer = std::sync::Arc::new(config.mailer()?);
    let index_dir = config.index_dir();
    let started = AppState::start(db, &index_dir, IndexerConfig::default(), clock)
        .await
        .with_context(|| format!("opening the index in {}", index_dir.display()))?;
    let fetcher = std::sync::Arc::new(config.fetcher()?);
    let state = AppState { sealer, rules, mailer, fetcher, ..started };
    let ops = crate::http::Operations {
        trusted_proxy: config.trusted_proxy,
        metrics: crate::metrics::Metrics::default(),
        metrics_token: config.metrics_token.clone(),
    };
    let jobs = background(state.clone(), ops.metrics.clone());
    let router = crate::http::router(state.clone(), leptos_options(config), &ops);
    let listener =
        tokio::net::TcpListener::bind(config.addr).await.with_context(|| format!("listening on {} (JOBUNIVERS_ADDR)", config.addr))?;
    tracing::info!("Jobunivers is listening on http://{}", config.addr);
    // Connection info gives the caller's address, which sign-in throttling uses.
    let app = router.into_make_service_with_connect_info::<std::net::SocketAddr>();
    let served = axum::serve(listener, app).with_graceful_shutdown(shutdown_signal()).await;
    jobs.iter().for_each(|j| j.abort());
    state.shutdown().await;
    served.context("serving")
}

/// Work on a timer, each job a task of its own so a slow one never holds up
/// another. Every minute: job agents look for new vacancies, the daily e-mails go
/// out when due, and import sources that are due run (each under its lease, so one
/// node runs it). Every five minutes the escalation scan (under its lease); every
/// quarter of an hour the 7-day check's reminders, grace and escalations. Each
/// person's step is its own transaction that moves a mark only from the value it
/// had, so stopping at any point is safe and a second node doing the same at the
/// same time changes nothing twice. Runs, failures and time go to `/metrics`.
fn background(state: AppState, metrics: crate::metrics::Metrics) -> Vec<tokio::task::JoinHandle<()>> {
    use app::ssr::services::{agents, candidate_agents, caseworker, imports, jobs, jobseeker, mail, publish};
    const MINUTE: u64 = 60;
    let job = |name: &'static str, every: u64| Job { name, every: std::time::Duration::from_secs(every), metrics: metrics.clone() };
    vec![
        job(jobs::ESCALATION_SCAN, 5 * MINUTE).spawn(state.clone(), |st| async move {
            caseworker::scan::run(&st, &st.node, st.clock.today(), st.clock.now()).await.map(|_| ())
        }),
        job(jobs::JOB_AGENTS, MINUTE).spawn(state.clone(), |st| async move {
            agents::sweep_all(&st, st.clock.today()).await?;
            agents::queue_digests(&st, st.clock.now()).await.map(|_| ())
        }),
        job(jobs::CANDIDATE_AGENTS, MINUTE).spawn(state.clone(), |st| async move {
            candidate_agents::sweep_all(&st, st.clock.today()).await?;
            candidate_agents::queue_digests(&st, st.clock.now()).await.map(|_| ())
        }),
        job(jobs::IMPORTS, MINUTE).spawn(state.clone(), |st| async move { imports::run_due(&st, &st.node).await.map(|_| ()) }),
        job(jobs::OPEN_FEED_EXPIRY, MINUTE).spawn(state.clone(), |st| async move { publish::note_expired(&st).await.map(|_| ()) }),
        job(jobs::MAIL, MINUTE).spawn(state.clone(), |st| async move { mail::send_due(&st, &st.node, st.clock.now()).await.map(|_| ()) }),
        job(jobs::CHECKS, 15 * MINUTE)
            .spawn(state.clone(), |st| async move { jobseeker::checks::sweep_all(&st, st.clock.today()).await.map(|_| ()) }),
        // Counted events older than any limit's window are of no more use; failed
        // items are kept a month for the operator.
        job(jobs::PRUNE, 15 * MINUTE).spawn(state, |st| async move {
            let now = st.clock.now();
            st.db.prune_events(now - app::domain::limits::KEEP_EVENTS).await?;
            st.db.prune_job_failures(now - jobs::KEEP_FAILURES).await.map(|_| ())
        }),
    ]
}

/// A periodic job: its name (in the log, the metrics and its lease) and how often
/// it runs.
struct Job {
    name: &'static str,
    every: std::time::Duration,
    metrics: crate::metrics::Metrics,
}

impl Job {
    /// Runs the job as a task of its own, so a slow job never delays another; on
    /// each turn only the node holding the job's lease runs it.
    fn spawn<F, Fut>(self, state: AppState, run: F) -> tokio::task::JoinHandle<()>
    where
        F: Fn(AppState) -> Fut + Send + 'static,
        Fut: std::future::Future<Output = Result<(), app::error::AppError>> + Send,
    {
        tokio::spawn(async move {
            let mut timer = tokio::time::interval(self.every);
            // A run longer than the period is not followed by a burst of catching up.
            timer.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                timer.tick().await;
                match app::ssr::services::jobs::lease(&state, self.name, self.every).await {
                    Ok(true) => {}
                    Ok(false) => {
                        self.metrics.record_job_skipped(self.name);
                        continue;
                    }
                    Err(e) => {
                        self.metrics.record_job(self.name, false, std::time::Duration::ZERO);
                        tracing::warn!(job = self.name, error = %e, "job lease not taken; tried again at the next turn");
                        continue;
                    }
                }
                let start = std::time::Instant::now();
                let result = run(state.clone()).await;
                self.metrics.record_job(self.name, result.is_ok(), start.elapsed());
                if let Err(e) = result {
                    tracing::warn!(job = self.name, error = %e, "background job failed; it runs again at its next turn");
                }
            }
        })
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
    tracing::info!("shutting down");
}
