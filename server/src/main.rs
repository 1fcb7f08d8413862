//! The `jobunivers` command: serve (default), migrate, reindex, seed-demo.

use anyhow::{anyhow, Context};
use app::error::AppError;
use app::ssr::index::VacancyIndex;
use clap::{Parser, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};
use server::config::Config;
use server::serve;
use std::process::ExitCode;
use std::time::Instant;

#[derive(Parser)]
#[command(name = "jobunivers", version, about = "Jobunivers: Danish employment self-service")]
struct Cli {
    #[command(flatten)]
    config: Config,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Run the web server (the default).
    Serve {
        /// Add demo data when the database has no vacancies.
        #[arg(long, env = "JOBUNIVERS_SEED_DEMO")]
        seed_demo_if_empty: bool,
        /// How many demo vacancies to add.
        #[arg(long, env = "JOBUNIVERS_DEMO_VACANCIES", default_value_t = server::demo::DEFAULT_COUNT)]
        demo_count: usize,
    },
    /// Apply database migrations and exit.
    Migrate,
    /// Copy the embedded database to FILE while the server runs (a consistent
    /// copy). On PostgreSQL use pg_dump (docs/operations.md).
    Backup {
        /// Where to write the copy; must not exist.
        file: std::path::PathBuf,
    },
    /// Put the backup FILE in place of the embedded database (stop every server
    /// first). The search index is rebuilt at the next start.
    Restore {
        /// The backup to restore.
        file: std::path::PathBuf,
    },
    /// Rebuild the search index from the database (stop the server first).
    Reindex,
    /// Manage user accounts (caseworkers and administrators are created here).
    User {
        #[command(subcommand)]
        action: UserCommand,
    },
    /// Compare search engines on a generated Danish corpus and write BENCHMARKS.md.
    Bench {
        /// Corpus sizes, comma-separated.
        #[arg(long, value_delimiter = ',', default_value = "10000,100000,1000000")]
        sizes: Vec<usize>,
        /// Timed queries per engine and query mix.
        #[arg(long, default_value_t = 400)]
        queries: usize,
        /// Only these engines, comma-separated: tantivy, sqlite, postgres (default: all).
        #[arg(long, value_delimiter = ',')]
        engines: Vec<String>,
        /// Admin URL of a PostgreSQL server to compare with (default: TEST_POSTGRES_URL).
        #[arg(long, env = "TEST_POSTGRES_URL")]
        postgres: Option<String>,
        /// Where to write the results (its other section is kept).
        #[arg(long, default_value = "BENCHMARKS.md")]
        out: std::path::PathBuf,
        /// What to measure: vacancies (against PostgreSQL and SQLite FTS), cvs (against
        /// PostgreSQL FTS), or feed (imports, and paging the open feed at the largest size).
        #[arg(long, default_value = "vacancies")]
        index: String,
        /// With `--index feed`: how many vacancies the local feed serves to import.
        #[arg(long, default_value_t = 100_000)]
        import_items: usize,
    },
    /// Vacancies from other sites: `import SOURCE` runs a source now (by its id or
    /// name), with a progress bar; `import add` registers one; `import list` shows them.
    #[command(args_conflicts_with_subcommands = true)]
    Import {
        /// The source to run.
        source: Option<String>,
        #[command(subcommand)]
        action: Option<ImportCommand>,
    },
    /// Add realistic Danish demo vacancies.
    SeedDemo {
        #[arg(long, default_value_t = server::demo::DEFAULT_COUNT)]
        count: usize,
        /// Random seed, so the same data can be made again.
        #[arg(long, default_value_t = server::demo::DEFAULT_SEED)]
        seed: u64,
    },
}

#[derive(Subcommand)]
enum ImportCommand {
    /// Register a source.
    Add {
        #[arg(long)]
        name: String,
        #[arg(long)]
        url: String,
        /// json, feed (RSS/Atom linking to pages with JSON-LD), page (a career page of links) or jobunivers
        #[arg(long)]
        format: String,
        /// Post as this company (its CVR number); left out: the employer each item names.
        #[arg(long, default_value = "")]
        cvr: String,
        /// Minutes between runs (15 to a week).
        #[arg(long, default_value_t = 60)]
        every: i32,
    },
    /// The sources and their last runs.
    List,
}

#[derive(Subcommand)]
enum UserCommand {
    /// Create an account. The password is read from the first line of standard input.
    Add {
        /// jobseeker, employer, caseworker or admin
        #[arg(long)]
        role: String,
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        /// Municipality code (caseworkers: where they work; jobseekers: where they live), e.g. 101
        #[arg(long)]
        municipality: Option<u16>,
        /// Employers: the company's CVR number
        #[arg(long)]
        cvr: Option<String>,
        /// Employers: the company's name
        #[arg(long)]
        company: Option<String>,
        /// Jobseekers: home postcode
        #[arg(long)]
        postcode: Option<String>,
        /// Jobseekers: CPR number (stored sealed; shown only as DDMMYY-XXXX)
        #[arg(long)]
        cpr: Option<String>,
    },
}

/// See Cargo.toml: many small allocations per page.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    let filter = tracing_subscriber::EnvFilter::try_new(&cli.config.log).unwrap_or_else(|_| "info".into());
    server::config::init_logging(cli.config.log_format, filter);
    if let Some(at) = cli.config.clock_start {
        tracing::warn!(%at, "the server's clock was started at another moment (JOBUNIVERS_CLOCK_START): for rehearsals, never production");
    }
    match run(cli).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // What failed and why, cause by cause (an internal error's detail is
            // also in the log line above, under its reference).
            eprintln!("jobunivers: {e:#}");
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> anyhow::Result<()> {
    let config = cli.config;
    let command = cli.command.unwrap_or(Command::Serve {
        seed_demo_if_empty: std::env::var("JOBUNIVERS_SEED_DEMO").is_ok_and(|v| v == "true" || v == "1"),
        demo_count: server::demo::DEFAULT_COUNT,
    });
    match command {
        Command::Serve { seed_demo_if_empty, demo_count } => serve::serve(&config, seed_demo_if_empty, demo_count).await,
        Command::Migrate => {
            serve::open_db(&config).await?;
            println!("Database is up to date.");
            Ok(())
        }
        Command::Import { source, action } => import(&config, source, action).await,
        Command::Backup { file } => {
            let bytes = server::backup::backup(&config, &file).await?;
            println!("Backed up the database to {} ({} KB).", file.display(), bytes / 1024);
            Ok(())
        }
        Command::Restore { file } => {
            server::backup::restore(&config, &file).await?;
            println!("Restored the database from {}; the search index is rebuilt at the next start.", file.display());
            Ok(())
        }
        Command::Reindex => {
            let db = serve::open_db(&config).await?;
            let dir = config.index_dir();
            let vacancies = app::ssr::index::vacancies_dir(&dir);
            let (index, _) =
                VacancyIndex::open_or_create(&vacancies).with_context(|| format!("opening the index in {}", vacancies.display()))?;
            let stats = reindex(db.clone(), index, "Indexerer stillinger").await?;
            println!("Indexed {} vacancies into {}; outbox position {}.", stats.documents, vacancies.display(), stats.outbox_id);
            let cvs = app::ssr::index::cvs_dir(&dir);
            let (index, _) =
                app::ssr::index::CvIndex::open_or_create(&cvs).with_context(|| format!("opening the index in {}", cvs.display()))?;
            let stats = reindex(db, index, "Indexerer CV'er").await?;
            println!("Indexed {} CVs into {}; outbox position {}.", stats.documents, cvs.display(), stats.outbox_id);
            Ok(())
        }
        Command::User { action: UserCommand::Add { role, email, name, municipality, cvr, company, postcode, cpr } } => {
            let role = app::domain::account::Role::parse(&role)
                .ok_or_else(|| anyhow!("unknown role {role:?}: use jobseeker, employer, caseworker or admin"))?;
            eprintln!("Adgangskode (password), then Enter:");
            let mut password = String::new();
            std::io::stdin().read_line(&mut password).context("reading the password from standard input")?;
            let db = serve::open_db(&config).await?;
            let new = app::ssr::services::auth::NewAccount {
                role,
                email,
                name,
                phone: None,
                password: password.trim_end_matches(['\r', '\n']).to_string(),
                municipality_code: municipality,
                company: cvr.map(|c| (c, company.unwrap_or_default())),
                postcode,
                cpr,
                // They choose English with the switch once signed in.
                lang: app::Lang::Da,
            };
            let result = app::ssr::services::auth::create_account(
                &db,
                &server::serve::checked_sealer(&config, &db).await?,
                new,
                config.clock().now(),
            )
            .await;
            db.close().await;
            match result {
                Ok(id) => {
                    println!("Created {} account {id}.", role.as_str());
                    Ok(())
                }
                Err(AppError::Invalid(errors)) => {
                    let problems: Vec<String> = errors.0.iter().map(|e| format!("{}: {}", e.field, e.msg.en())).collect();
                    Err(anyhow!("the account was not created: {}", problems.join("; ")))
                }
                Err(e) => Err(e).context("creating the account"),
            }
        }
        Command::SeedDemo { count, seed } => {
            let db = serve::open_db(&config).await?;
            let bar = progress_bar("Opretter demodata");
            bar.set_length(count as u64);
            let started = Instant::now();
            let b = bar.clone();
            let n = server::demo::seed(&db, &config.clock(), count, seed, move |done, _| b.set_position(done as u64))
                .await
                .context("adding demo vacancies")?;
            bar.finish_and_clear();
            println!(
                "Added {n} demo vacancies in {:.1} s. A running server indexes them within a second; otherwise they are indexed at its next start.",
                started.elapsed().as_secs_f64()
            );
            Ok(())
        }
        Command::Bench { sizes, queries, engines, postgres, out, index, import_items } => {
            let opts = server::bench::Options { sizes, engines, queries, postgres, work_dir: config.data_dir.join("bench") };
            let (section, body) = match index.as_str() {
                "vacancies" => {
                    let rows = server::bench::run(&opts).await.context("running the benchmark")?;
                    let table = server::bench::markdown(&rows, queries);
                    ("vacancies", format!("## Vacancies\n\nSearch latency includes the total count; with facets, the counts per municipality too. Memory is this process's resident set after loading (tantivy runs in-process; PostgreSQL and SQLite sizes are on disk).\n\n{table}"))
                }
                "cvs" => {
                    let rows = server::bench::cvs::run(&opts).await.context("running the CV benchmark")?;
                    let table = server::bench::cvs::markdown(&rows, queries);
                    ("cvs", format!("## CVs (candidate search)\n\n{} {table}", server::bench::machine()))
                }
                "feed" => {
                    let results = server::bench::feed::run(&opts, import_items).await.context("running the feed benchmark")?;
                    let tables = server::bench::feed::markdown(&results);
                    ("feed", format!("## Vacancies in and out (imports and the open feed)\n\n{}\n\n{tables}", server::bench::machine()))
                }
                other => return Err(anyhow!("unknown index {other:?}: use vacancies, cvs or feed")),
            };
            let before =
                std::fs::read_to_string(&out).unwrap_or_else(|_| "# Benchmarks\n\nWritten by `jobunivers bench` (see README).\n".into());
            let text = server::bench::replace_section(&before, section, &body);
            std::fs::write(&out, text).with_context(|| format!("writing {}", out.display()))?;
            println!("{body}\nWritten to {}.", out.display());
            Ok(())
        }
    }
}

fn progress_bar(label: &'static str) -> ProgressBar {
    let bar = ProgressBar::new(0);
    bar.set_style(
        ProgressStyle::with_template("{msg} [{bar:40}] {pos}/{len} ({per_sec}, {eta} left)")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    bar.set_message(label);
    bar
}

/// Rebuilds one index from the database with a progress bar; prints the rate.
async fn reindex<I: app::ssr::index::Indexed>(
    db: app::ssr::db::Db,
    index: I,
    label: &'static str,
) -> anyhow::Result<app::ssr::index::indexer::RebuildStats> {
    let bar = progress_bar(label);
    let started = Instant::now();
    let b = bar.clone();
    let stats = app::ssr::index::indexer::rebuild_now(db, index, move |done, total| {
        b.set_length(total);
        b.set_position(done);
    })
    .await
    .context("rebuilding the index")?;
    bar.finish_and_clear();
    let secs = started.elapsed().as_secs_f64();
    println!("{label}: {} in {secs:.1} s ({:.0}/s).", stats.documents, stats.documents as f64 / secs.max(0.001));
    Ok(stats)
}

/// The operator at the command line acts as an administrator.
fn operator() -> app::domain::account::User {
    app::domain::account::User {
        id: 0,
        role: app::domain::account::Role::Admin,
        email: String::new(),
        name: "jobunivers import".into(),
        municipality_code: None,
        company_id: None,
        company_role: None,
        second_factor: true,
    }
}

async fn import(config: &server::config::Config, source: Option<String>, action: Option<ImportCommand>) -> anyhow::Result<()> {
    let db = serve::open_db(config).await?;
    let index_dir = config.index_dir();
    let started = app::ssr::AppState::start(db, &index_dir, Default::default(), config.clock()).await?;
    let state = app::ssr::AppState { fetcher: std::sync::Arc::new(config.fetcher()?), ..started };
    let result = import_with(&state, source, action).await;
    state.shutdown().await;
    result
}

async fn import_with(state: &app::ssr::AppState, source: Option<String>, action: Option<ImportCommand>) -> anyhow::Result<()> {
    use app::ssr::services::imports;
    match (source, action) {
        (_, Some(ImportCommand::Add { name, url, format, cvr, every })) => {
            let id = imports::add_source(state, &operator(), &name, &url, &format, &cvr, every).await?;
            println!("Source {id} registered: {name} ({format}) {url}");
        }
        (_, Some(ImportCommand::List)) => {
            for s in state.db.sources().await? {
                let last = state.db.runs(s.id, 1).await?;
                let last = last.first().map_or("never run".to_string(), |r| {
                    format!(
                        "{} {}: +{} ~{} ={} -{} skipped {}",
                        r.started_at, r.outcome, r.added, r.updated, r.unchanged, r.closed, r.skipped
                    )
                });
                println!("{:>4}  {:<30} {:<10} {}  [{last}]", s.id, s.name, s.format, s.url);
            }
        }
        (Some(name), None) => {
            let source = state.db.source_named(&name).await?.ok_or_else(|| anyhow::anyhow!("no source {name}"))?;
            let bar = indicatif::ProgressBar::new(0);
            bar.set_style(indicatif::ProgressStyle::with_template("{msg} {bar:40} {pos}/{len} ({per_sec})")?);
            bar.set_message(format!("Importerer fra {}", source.name));
            let progress = |done: usize, total: usize| {
                bar.set_length(total as u64);
                bar.set_position(done as u64);
            };
            let report = imports::run(state, &state.fetcher, source.id, "cli", &progress).await?;
            bar.finish_and_clear();
            let Some(r) = report else { anyhow::bail!("another node is running {} now", source.name) };
            println!(
                "{}: {} added, {} updated, {} unchanged, {} closed, {} skipped{}",
                r.outcome,
                r.tally.added,
                r.tally.updated,
                r.tally.unchanged,
                r.tally.closed,
                r.tally.skipped.len(),
                r.error.map(|e| format!(" ({e})")).unwrap_or_default()
            );
            for (item, why) in r.tally.skipped.iter().take(20) {
                println!("  skipped {item}: {why}");
            }
        }
        (None, None) => anyhow::bail!("name a source to run, or use `import add` or `import list`"),
    }
    Ok(())
}
