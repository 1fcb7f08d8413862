//! Starting the server and the work behind it.

use crate::config::Config;
use app::error::AppError;
use app::ssr::db::Db;
use app::ssr::index::indexer::IndexerConfig;
use app::ssr::AppState;
use leptos::config::LeptosOptions;

/// Connects to the database and applies migrations.
pub async fn open_db(config: &Config) -> Result<Db, AppError> {
    tracing::info!(database = %config.database_url_for_logs(), "connecting to the database");
    let db = Db::connect(&config.database_url()).await?;
    db.migrate().await?;
    Ok(db)
}

pub fn leptos_options(config: &Config) -> LeptosOptions {
    LeptosOptions::builder()
        .output_name("jobunivers")
        .site_root(config.site_root.display().to_string())
        .site_pkg_dir("pkg")
        .site_addr(config.addr)
        .build()
}

/// Runs the web server until Ctrl-C or SIGTERM.
pub async fn serve(config: &Config, seed_demo_if_empty: bool, demo_count: usize) -> Result<(), AppError> {
    let db = open_db(config).await?;
    let sealer = std::sync::Arc::new(config.sealer()?);
    if seed_demo_if_empty && db.count_open_vacancies().await? == 0 {
        tracing::info!(count = demo_count, "empty database: adding demo data");
        let n = crate::demo::seed(&db, demo_count, crate::demo::DEFAULT_SEED, |_, _| {}).await?;
        tracing::info!(vacancies = n, "demo data added");
        crate::demo::seed_accounts(&db, &sealer).await?;
    }
    let rules = std::sync::Arc::new(config.rules()?);
    tracing::info!(version = %rules.version, "self-service rules in force");
    let state = AppState { sealer, rules, ..AppState::start(db, &config.index_dir(), IndexerConfig::default()).await? };
    let sweeper = tokio::spawn(sweep_checks(state.clone()));
    let router = crate::http::router(state.clone(), leptos_options(config), config.trusted_proxy);
    let listener = tokio::net::TcpListener::bind(config.addr)
        .await
        .map_err(|e| AppError::internal(format_args!("cannot listen on {}: {e}", config.addr)))?;
    tracing::info!("Jobunivers is listening on http://{}", config.addr);
    // Connection info gives the caller's address, which sign-in throttling uses.
    let app = router.into_make_service_with_connect_info::<std::net::SocketAddr>();
    let served = axum::serve(listener, app).with_graceful_shutdown(shutdown_signal()).await;
    sweeper.abort();
    state.shutdown().await;
    served.map_err(|e| AppError::internal(format_args!("server: {e}")))
}

/// Every quarter of an hour: reminders before the 7-day check deadline, grace or
/// escalation after a miss. Each person's step is one transaction, so stopping at
/// any point is safe; a second server sweeping at the same time changes nothing
/// twice (the deadline is moved only from the value it had).
async fn sweep_checks(state: AppState) {
    let mut tick = tokio::time::interval(std::time::Duration::from_secs(15 * 60));
    loop {
        tick.tick().await;
        match app::ssr::services::selfservice::checks::sweep_all(&state, app::ssr::today()).await {
            Ok(n) => tracing::debug!(people = n, "7-day check sweep done"),
            Err(e) => tracing::warn!(error = %e, "7-day check sweep failed; next round in 15 minutes"),
        }
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
