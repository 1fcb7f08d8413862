//! Configuration from environment variables (or flags), with safe defaults.

use anyhow::Context;
use clap::Args;
use std::net::SocketAddr;
use std::path::PathBuf;

#[derive(clap::ValueEnum, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LogFormat {
    #[default]
    Text,
    Json,
}

/// Starts the process's log in `format`.
pub fn init_logging(format: LogFormat, filter: tracing_subscriber::EnvFilter) {
    match format {
        LogFormat::Text => tracing_subscriber::fmt().with_env_filter(filter).init(),
        LogFormat::Json => tracing_subscriber::util::SubscriberInitExt::init(json_log(filter, std::io::stdout)),
    }
}

/// One JSON object per line, with the fields of the span it was written in (a
/// request's id and path, a service call's name).
fn json_log<W>(filter: tracing_subscriber::EnvFilter, writer: W) -> impl tracing::Subscriber + Send + Sync
where
    W: for<'w> tracing_subscriber::fmt::MakeWriter<'w> + Send + Sync + 'static,
{
    tracing_subscriber::fmt().json().with_current_span(true).with_span_list(true).with_env_filter(filter).with_writer(writer).finish()
}

#[derive(Args, Clone, Debug)]
pub struct Config {
    /// Address to listen on.
    #[arg(long, env = "JOBUNIVERS_ADDR", default_value = "127.0.0.1:3000", global = true)]
    pub addr: SocketAddr,

    /// Folder for the embedded database and the search index.
    #[arg(long, env = "JOBUNIVERS_DATA_DIR", default_value = "data", global = true)]
    pub data_dir: PathBuf,

    /// Database: `sqlite://path` or `postgres://user:password@host/db`.
    /// Default: SQLite at DATA_DIR/jobunivers.db.
    #[arg(long, env = "DATABASE_URL", global = true, hide_env_values = true)]
    pub database_url: Option<String>,

    /// Folder of the search index. Default: DATA_DIR/index.
    #[arg(long, env = "JOBUNIVERS_INDEX_DIR", global = true)]
    pub index_dir: Option<PathBuf>,

    /// Folder with the built site (CSS, WebAssembly, assets).
    #[arg(long, env = "JOBUNIVERS_SITE_ROOT", default_value = "target/site", global = true)]
    pub site_root: PathBuf,

    /// Key (64 hex characters) that seals CPR numbers. Default: DATA_DIR/secret.key,
    /// created on first start. Keep it out of database backups.
    #[arg(long, env = "JOBUNIVERS_SECRET_KEY", global = true, hide_env_values = true)]
    pub secret_key: Option<String>,

    /// The token an operator's scraper sends (`Authorization: Bearer …`) for
    /// `/metrics`. Unset: no metrics are served.
    #[arg(long, env = "JOBUNIVERS_METRICS_TOKEN", global = true, hide_env_values = true)]
    pub metrics_token: Option<String>,

    /// Set when a reverse proxy you control sits in front: the caller's address is
    /// then the last entry of `X-Forwarded-For` (which that proxy adds), not the
    /// proxy's own. Sign-in throttling per address depends on it.
    #[arg(long, env = "JOBUNIVERS_TRUSTED_PROXY", global = true)]
    pub trusted_proxy: bool,

    /// A JSON file with the self-service rules in force (CV deadline, joblog
    /// requirement, holiday notice, the 7-day check). Left out: the defaults in docs/domain.md.
    #[arg(long, env = "JOBUNIVERS_RULES", global = true)]
    pub rules: Option<PathBuf>,

    /// SMTP server for the job agents' daily e-mail, e.g. `smtp://localhost:25`,
    /// `smtp://host?tls=required` or `smtps://user:password@host`. Unset: no e-mail.
    #[arg(long, env = "JOBUNIVERS_SMTP_URL", global = true, hide_env_values = true)]
    pub smtp_url: Option<String>,

    /// Sender of e-mails.
    #[arg(long, env = "JOBUNIVERS_MAIL_FROM", default_value = "Jobunivers <noreply@jobunivers.example>", global = true)]
    pub mail_from: String,

    /// The site's public address, for links in e-mails.
    #[arg(long, env = "JOBUNIVERS_PUBLIC_URL", default_value = "http://127.0.0.1:3000", global = true)]
    pub public_url: String,

    /// Start the server's clock at this moment (RFC 3339, e.g. `2027-01-04T08:00:00Z`)
    /// instead of now, to rehearse a date on a staging server. Never in production.
    #[arg(long, env = "JOBUNIVERS_CLOCK_START", global = true)]
    pub clock_start: Option<chrono::DateTime<chrono::Utc>>,

    /// Let imports fetch from loopback and private networks (refused otherwise, for
    /// sources, links in feeds and redirects alike): only for tests and a closed
    /// network of one's own.
    #[arg(long, env = "JOBUNIVERS_IMPORT_ALLOW_PRIVATE", global = true)]
    pub import_allow_private: bool,

    /// Log filter, e.g. `info` or `server=debug,app=debug`.
    #[arg(long, env = "JOBUNIVERS_LOG", default_value = "info", global = true)]
    pub log: String,

    /// `text` (for people) or `json` (one object per line, for a log collector);
    /// each line carries its request's id and span.
    #[arg(long, env = "JOBUNIVERS_LOG_FORMAT", default_value = "text", global = true)]
    pub log_format: LogFormat,
}

impl Config {
    /// The HTTP client of imports.
    pub fn fetcher(&self) -> anyhow::Result<app::ssr::fetch::Fetcher> {
        let config = app::ssr::fetch::FetchConfig { allow_private: self.import_allow_private, ..Default::default() };
        app::ssr::fetch::Fetcher::new(config).map_err(|e| anyhow::anyhow!("the import client: {e}"))
    }

    /// The server's clock: the machine's, or started at `JOBUNIVERS_CLOCK_START`.
    pub fn clock(&self) -> app::ssr::clock::Clock {
        self.clock_start.map_or_else(app::ssr::clock::Clock::system, app::ssr::clock::Clock::starting_at)
    }

    pub fn database_url(&self) -> String {
        self.database_url.clone().unwrap_or_else(|| format!("sqlite://{}", self.data_dir.join("jobunivers.db").display()))
    }

    pub fn index_dir(&self) -> PathBuf {
        self.index_dir.clone().unwrap_or_else(|| self.data_dir.join("index"))
    }

    /// The key that seals CPR numbers (see `secret_key`). On PostgreSQL it must
    /// be given: many nodes share the database, and a key file of each node's own
    /// would seal values the others cannot open.
    pub fn sealer(&self) -> anyhow::Result<app::ssr::secrets::Sealer> {
        let shared = matches!(self.database_url.as_deref(), Some(url) if url.starts_with("postgres"));
        if shared && self.secret_key.as_deref().is_none_or(|k| k.trim().is_empty()) {
            anyhow::bail!(
                "on PostgreSQL every node needs the cluster's secret key: set JOBUNIVERS_SECRET_KEY (64 hex characters, \
                 e.g. from `openssl rand -hex 32`) to the same value on every node"
            );
        }
        let file = self.data_dir.join("secret.key");
        app::ssr::secrets::Sealer::load_or_create(self.secret_key.as_deref(), &file)
            .with_context(|| format!("the secret key (JOBUNIVERS_SECRET_KEY, or {})", file.display()))
    }

    /// The rules in force: the file given, else the defaults.
    pub fn rules(&self) -> anyhow::Result<app::domain::rules::Rules> {
        let Some(path) = &self.rules else { return Ok(Default::default()) };
        let text = std::fs::read_to_string(path).with_context(|| format!("reading the rules file {}", path.display()))?;
        app::domain::rules::Rules::from_json(&text).map_err(|e| anyhow::anyhow!("the rules file {}: {e}", path.display()))
    }

    /// The mailer: SMTP when configured, else off.
    pub fn mailer(&self) -> anyhow::Result<app::ssr::mail::Mailer> {
        match &self.smtp_url {
            Some(url) => app::ssr::mail::Mailer::smtp(url, &self.mail_from, &self.public_url)
                .context("the mail settings (JOBUNIVERS_SMTP_URL, JOBUNIVERS_MAIL_FROM)"),
            None => Ok(app::ssr::mail::Mailer::disabled()),
        }
    }

    /// The database URL with any password hidden, for logs.
    pub fn database_url_for_logs(&self) -> String {
        redact_password(&self.database_url())
    }
}

/// `postgres://user:secret@host/db` -> `postgres://user:***@host/db`. The host
/// starts after the last `@`: a password may contain `@` itself.
pub fn redact_password(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else { return url.to_string() };
    let Some((userinfo, host)) = rest.rsplit_once('@') else { return url.to_string() };
    match userinfo.split_once(':') {
        Some((user, _)) => format!("{scheme}://{user}:***@{host}"),
        None => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_log_lines_carry_the_request_id() {
        #[derive(Clone, Default)]
        struct Lines(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);
        impl std::io::Write for Lines {
            fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
                self.0.lock().unwrap().extend_from_slice(buf);
                Ok(buf.len())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let lines = Lines::default();
        let writer = lines.clone();
        let log = json_log("info".into(), move || writer.clone());
        tracing::subscriber::with_default(log, || {
            let span = tracing::info_span!("request", id = "r-42", path = "/job");
            let _in = span.enter();
            tracing::warn!(vacancies = 3, "search was slow");
        });
        let text = String::from_utf8(lines.0.lock().unwrap().clone()).unwrap();
        let line: serde_json::Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
        assert_eq!(line["level"], "WARN");
        assert_eq!(line["fields"]["message"], "search was slow");
        assert_eq!(line["fields"]["vacancies"], 3);
        assert_eq!(line["span"]["id"], "r-42", "{line}");
        assert_eq!(line["spans"][0]["path"], "/job");
    }

    #[test]
    fn an_operator_is_told_what_failed_and_why() {
        use clap::Parser;
        #[derive(Parser)]
        struct Cli {
            #[command(flatten)]
            config: Config,
        }
        let dir = std::env::temp_dir().join(format!("jobunivers-config-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("rules.json");
        std::fs::write(&file, "{not json").unwrap();
        let mut config = Cli::parse_from(["jobunivers"]).config;
        config.rules = Some(file.clone());
        let told = format!("{:#}", config.rules().unwrap_err());
        assert!(told.contains(&file.display().to_string()) && told.contains("line 1"), "{told}");
        config.rules = Some(dir.join("missing.json"));
        let told = format!("{:#}", config.rules().unwrap_err());
        assert!(told.contains("reading the rules file") && told.contains("No such file"), "{told}");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn passwords_never_reach_the_log() {
        assert_eq!(redact_password("postgres://job:hemmelig@db:5432/job"), "postgres://job:***@db:5432/job");
        assert_eq!(redact_password("postgres://job@db/job"), "postgres://job@db/job");
        assert_eq!(redact_password("sqlite://data/jobunivers.db"), "sqlite://data/jobunivers.db");
        // A password with '@' in it: nothing of it may show.
        assert_eq!(redact_password("postgres://job:hem@lig@db/job"), "postgres://job:***@db/job");
        assert_eq!(redact_password("postgres://job:a@b:c@db:5432/job?sslmode=require"), "postgres://job:***@db:5432/job?sslmode=require");
    }
}
