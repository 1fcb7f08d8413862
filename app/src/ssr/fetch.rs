//! Fetching from other sites, politely and safely: a user agent that names the
//! service, conditional requests, a time limit and a size cap, retries with
//! back-off, one request at a time per host, and no address on a loopback,
//! private or link-local network (checked where names resolve, so links in feeds
//! and redirects are held to it too) unless configured otherwise (tests).

use crate::domain::import::is_public;
use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// How a fetcher behaves.
#[derive(Clone, Debug)]
pub struct FetchConfig {
    /// Fetch from loopback and private networks too: only for tests and a closed
    /// network of one's own.
    pub allow_private: bool,
    /// The whole request, connecting to the last byte.
    pub timeout: Duration,
    /// The largest body read; a longer one is cut, and the run closes nothing.
    pub max_bytes: usize,
    /// Tries after the first, for a time-out or a 5xx answer.
    pub retries: u32,
    /// The wait before the first retry, doubled for each next one.
    pub backoff: Duration,
}

impl Default for FetchConfig {
    fn default() -> FetchConfig {
        FetchConfig {
            allow_private: false,
            timeout: Duration::from_secs(30),
            max_bytes: 50 * 1024 * 1024,
            retries: 3,
            backoff: Duration::from_secs(2),
        }
    }
}

/// What a fetch brought.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fetched {
    /// 304: what we have is current.
    NotModified,
    Body {
        bytes: Vec<u8>,
        etag: Option<String>,
        last_modified: Option<String>,
        url: String,
    },
}

/// Why a fetch failed, in Danish for the administrator's report.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    #[error("adressen er på et lokalt eller privat net og hentes ikke: {0}")]
    Refused(String),
    #[error("svaret var større end {0} byte og blev afbrudt")]
    TooLarge(usize),
    #[error("serveren svarede {0}")]
    Status(u16),
    #[error("intet svar inden for tidsgrænsen")]
    Timeout,
    #[error("kunne ikke hente: {0}")]
    Failed(String),
}

/// One client for a run (or the server's life), with its per-host queue.
pub struct Fetcher {
    client: reqwest::Client,
    config: FetchConfig,
    hosts: Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>,
}

/// Resolves names, keeping only public addresses (unless allowed): a name that
/// points into a private network is refused at connection time, whoever named it.
struct PublicOnly {
    allow_private: bool,
}

impl reqwest::dns::Resolve for PublicOnly {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let allow = self.allow_private;
        Box::pin(async move {
            let host = name.as_str().to_string();
            let found: Vec<SocketAddr> = tokio::net::lookup_host((host.as_str(), 0)).await?.collect();
            let kept: Vec<SocketAddr> = found.into_iter().filter(|a| allow || is_public(a.ip())).collect();
            if kept.is_empty() {
                return Err(format!("refused: {host} has no public address").into());
            }
            let addrs: reqwest::dns::Addrs = Box::new(kept.into_iter());
            Ok(addrs)
        })
    }
}

/// An address written as an IP number is not resolved: judge it here.
fn literal_refused(url: &reqwest::Url, allow_private: bool) -> bool {
    let host = url.host_str().unwrap_or_default();
    let literal = host.trim_start_matches('[').trim_end_matches(']').parse::<std::net::IpAddr>();
    literal.is_ok_and(|ip| !allow_private && !is_public(ip))
}

impl Fetcher {
    pub fn new(config: FetchConfig) -> Result<Fetcher, crate::error::AppError> {
        let allow = config.allow_private;
        let redirects = reqwest::redirect::Policy::custom(move |attempt| {
            if attempt.previous().len() >= 5 {
                attempt.error("too many redirects")
            } else if literal_refused(attempt.url(), allow) || !matches!(attempt.url().scheme(), "http" | "https") {
                attempt.error("redirect to a refused address")
            } else {
                attempt.follow()
            }
        });
        let client = reqwest::Client::builder()
            .user_agent(concat!("Jobunivers/", env!("CARGO_PKG_VERSION"), " (public job bank; vacancy import)"))
            .timeout(config.timeout)
            .connect_timeout(config.timeout.min(Duration::from_secs(10)))
            .dns_resolver(Arc::new(PublicOnly { allow_private: allow }))
            .redirect(redirects)
            .build()
            .map_err(|e| crate::error::AppError::internal(format_args!("building the HTTP client: {e}")))?;
        Ok(Fetcher { client, config, hosts: Mutex::default() })
    }

    /// GETs `url`, conditionally when `etag` or `last_modified` is given, with
    /// retries for time-outs and 5xx answers.
    pub async fn get(&self, url: &str, etag: Option<&str>, last_modified: Option<&str>) -> Result<Fetched, FetchError> {
        let parsed = reqwest::Url::parse(url).map_err(|_| FetchError::Failed(format!("ikke en adresse: {url}")))?;
        if !matches!(parsed.scheme(), "http" | "https") {
            return Err(FetchError::Failed(format!("kun http og https: {url}")));
        }
        if literal_refused(&parsed, self.config.allow_private) {
            return Err(FetchError::Refused(url.to_string()));
        }
        // One request at a time per host: a career site is not a CDN.
        let host = parsed.host_str().unwrap_or_default().to_string();
        let gate = {
            let mut hosts = self.hosts.lock().unwrap_or_else(|e| e.into_inner());
            hosts.entry(host).or_default().clone()
        };
        let _turn = gate.lock().await;
        let mut wait = self.config.backoff;
        let mut tries = 0;
        loop {
            match self.once(&parsed, etag, last_modified).await {
                Err(e @ (FetchError::Timeout | FetchError::Status(500..=599))) if tries < self.config.retries => {
                    tracing::info!(url, error = %e, tries, "fetch failed; trying again");
                    tokio::time::sleep(wait).await;
                    wait = wait.saturating_mul(2);
                    tries += 1;
                }
                other => return other,
            }
        }
    }

    async fn once(&self, url: &reqwest::Url, etag: Option<&str>, last_modified: Option<&str>) -> Result<Fetched, FetchError> {
        let mut request = self.client.get(url.clone());
        if let Some(tag) = etag {
            request = request.header(reqwest::header::IF_NONE_MATCH, tag);
        }
        if let Some(at) = last_modified {
            request = request.header(reqwest::header::IF_MODIFIED_SINCE, at);
        }
        let mut response = request.send().await.map_err(|e| self.error(url, &e))?;
        let status = response.status();
        if status == reqwest::StatusCode::NOT_MODIFIED {
            return Ok(Fetched::NotModified);
        }
        if !status.is_success() {
            return Err(FetchError::Status(status.as_u16()));
        }
        if response.content_length().is_some_and(|n| n > self.config.max_bytes as u64) {
            return Err(FetchError::TooLarge(self.config.max_bytes));
        }
        let header = |name: reqwest::header::HeaderName| response.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_string);
        let (etag, last_modified) = (header(reqwest::header::ETAG), header(reqwest::header::LAST_MODIFIED));
        let final_url = response.url().to_string();
        let mut bytes = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(|e| self.error(url, &e))? {
            if bytes.len() + chunk.len() > self.config.max_bytes {
                return Err(FetchError::TooLarge(self.config.max_bytes));
            }
            bytes.extend_from_slice(&chunk);
        }
        Ok(Fetched::Body { bytes, etag, last_modified, url: final_url })
    }

    fn error(&self, url: &reqwest::Url, e: &reqwest::Error) -> FetchError {
        if e.is_timeout() {
            return FetchError::Timeout;
        }
        let text = format!("{e:?}");
        if text.contains("refused:") || text.contains("refused address") {
            FetchError::Refused(url.to_string())
        } else {
            FetchError::Failed(e.to_string())
        }
    }
}
