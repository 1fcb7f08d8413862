//! What an operator scrapes: `/metrics` in Prometheus's text format.
//!
//! Counted as they happen: requests by route and status with their latencies, and
//! the background jobs' runs, failures and time. Read when scraped: how far each
//! index is behind the outbox, the database pool, the resident memory. The address
//! answers only with the operator's token (`JOBUNIVERS_METRICS_TOKEN`); without one
//! configured it does not exist.

use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Upper bounds of the latency buckets, in seconds.
const BUCKETS: [f64; 10] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1.0, 5.0];

#[derive(Default)]
struct Latency {
    /// Per bucket, the requests at or under its bound (the last: all).
    buckets: [u64; BUCKETS.len() + 1],
    sum: f64,
}

#[derive(Default)]
struct JobStats {
    runs: u64,
    /// Turns left to the node that holds the job's lease.
    skipped: u64,
    failures: u64,
    seconds: f64,
    last_seconds: f64,
}

#[derive(Default)]
struct RouteStats {
    /// Answers by status.
    statuses: BTreeMap<u16, u64>,
    latency: Latency,
}

#[derive(Default)]
struct Counts {
    /// By route pattern: looked up by `&str`, so a request allocates nothing once
    /// its route has been seen.
    routes: BTreeMap<String, RouteStats>,
    jobs: BTreeMap<&'static str, JobStats>,
}

/// The process's counters. Cheap to clone.
#[derive(Clone, Default)]
pub struct Metrics {
    counts: Arc<Mutex<Counts>>,
}

impl Metrics {
    pub fn record_request(&self, route: &str, status: u16, took: Duration) {
        let Ok(mut c) = self.counts.lock() else { return };
        if !c.routes.contains_key(route) {
            c.routes.insert(route.to_string(), RouteStats::default());
        }
        let Some(stats) = c.routes.get_mut(route) else { return };
        *stats.statuses.entry(status).or_default() += 1;
        let latency = &mut stats.latency;
        let secs = took.as_secs_f64();
        let bucket = BUCKETS.iter().position(|b| secs <= *b).unwrap_or(BUCKETS.len());
        latency.buckets[bucket] += 1;
        latency.sum += secs;
    }

    pub fn record_job(&self, job: &'static str, ok: bool, took: Duration) {
        let Ok(mut c) = self.counts.lock() else { return };
        let stats = c.jobs.entry(job).or_default();
        stats.runs += 1;
        stats.failures += u64::from(!ok);
        stats.seconds += took.as_secs_f64();
        stats.last_seconds = took.as_secs_f64();
    }

    pub fn record_job_skipped(&self, job: &'static str) {
        let Ok(mut c) = self.counts.lock() else { return };
        c.jobs.entry(job).or_default().skipped += 1;
    }

    /// The counters in Prometheus's text format, then `gauges`.
    pub fn render(&self, gauges: &[Gauge]) -> String {
        let mut out = String::new();
        if let Ok(c) = self.counts.lock() {
            out.push_str("# HELP jobunivers_http_requests_total Answered requests by route and status.\n");
            out.push_str("# TYPE jobunivers_http_requests_total counter\n");
            for (route, stats) in &c.routes {
                for (status, n) in &stats.statuses {
                    let _ = writeln!(out, "jobunivers_http_requests_total{{route=\"{}\",status=\"{status}\"}} {n}", label(route));
                }
            }
            out.push_str("# HELP jobunivers_http_request_duration_seconds Time to answer, by route.\n");
            out.push_str("# TYPE jobunivers_http_request_duration_seconds histogram\n");
            for (route, stats) in &c.routes {
                let (route, l) = (label(route), &stats.latency);
                let mut total = 0;
                for (i, n) in l.buckets.iter().enumerate() {
                    total += n;
                    let le = BUCKETS.get(i).map_or("+Inf".to_string(), |b| b.to_string());
                    let _ = writeln!(out, "jobunivers_http_request_duration_seconds_bucket{{route=\"{route}\",le=\"{le}\"}} {total}");
                }
                let _ = writeln!(out, "jobunivers_http_request_duration_seconds_sum{{route=\"{route}\"}} {}", l.sum);
                let _ = writeln!(out, "jobunivers_http_request_duration_seconds_count{{route=\"{route}\"}} {total}");
            }
            for (name, help, value) in [
                (
                    "jobunivers_job_runs_total",
                    "Runs of each background job on this node.",
                    &(|s: &JobStats| s.runs as f64) as &dyn Fn(&JobStats) -> f64,
                ),
                ("jobunivers_job_failures_total", "Runs of each background job that failed.", &|s: &JobStats| s.failures as f64),
                ("jobunivers_job_skipped_total", "Turns of each job left to the node holding its lease.", &|s: &JobStats| s.skipped as f64),
                ("jobunivers_job_seconds_total", "Time spent in each background job.", &|s: &JobStats| s.seconds),
                ("jobunivers_job_last_run_seconds", "How long each job's last run took.", &|s: &JobStats| s.last_seconds),
            ] {
                let kind = if name.ends_with("_total") { "counter" } else { "gauge" };
                let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} {kind}");
                for (job, stats) in &c.jobs {
                    let _ = writeln!(out, "{name}{{job=\"{job}\"}} {}", value(stats));
                }
            }
        }
        for (i, g) in gauges.iter().enumerate() {
            // Gauges of one name (one per label) come together, under one heading.
            if i == 0 || gauges[i - 1].name != g.name {
                let _ = writeln!(out, "# HELP {} {}\n# TYPE {} gauge", g.name, g.help, g.name);
            }
            let _ = writeln!(out, "{}{} {}", g.name, g.labels, g.value);
        }
        out
    }
}

/// A value read when scraped.
pub struct Gauge {
    pub name: &'static str,
    pub help: &'static str,
    /// `{name="value"}`, or empty.
    pub labels: String,
    pub value: f64,
}

impl Gauge {
    pub fn new(name: &'static str, help: &'static str, value: f64) -> Gauge {
        Gauge { name, help, labels: String::new(), value }
    }
}

/// A label value as Prometheus reads it (our routes hold no quotes, but a
/// backslash or quote must never break the format).
fn label(v: &str) -> String {
    v.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n")
}

/// Whether the request carries the operator's token.
pub fn authorised(headers: &HeaderMap, token: Option<&str>) -> bool {
    let Some(token) = token.filter(|t| !t.is_empty()) else { return false };
    let given = headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()).and_then(|v| v.strip_prefix("Bearer "));
    // Compared in full whatever the first difference, so timing tells nothing.
    given.is_some_and(|g| g.len() == token.len() && g.bytes().zip(token.bytes()).fold(0u8, |acc, (a, b)| acc | (a ^ b)) == 0)
}

/// The scrape: counters and the gauges read now.
pub async fn scrape(app: &app::ssr::AppState, metrics: &Metrics) -> Response {
    let mut gauges = vec![
        Gauge::new("jobunivers_index_documents", "Vacancies in this node's index.", app.index.num_docs() as f64),
        Gauge::new("jobunivers_cv_index_documents", "CVs in this node's index.", app.cvs.num_docs() as f64),
    ];
    if let Ok(max) = app.db.outbox_max_id().await {
        let lag = |applied: i64| max.saturating_sub(applied).max(0) as f64;
        gauges.extend([
            Gauge::new("jobunivers_outbox_max_id", "The newest outbox entry.", max as f64),
            Gauge::new(
                "jobunivers_index_lag",
                "Outbox entries the vacancy index has not applied yet.",
                lag(app.indexer.applied_outbox_id()),
            ),
            Gauge::new(
                "jobunivers_cv_index_lag",
                "Outbox entries the CV index has not applied yet.",
                lag(app.cv_indexer.applied_outbox_id()),
            ),
        ]);
    }
    let (size, idle) = app.db.pool_use();
    gauges.push(Gauge::new("jobunivers_db_pool_connections", "Open database connections.", f64::from(size)));
    gauges.push(Gauge::new("jobunivers_db_pool_idle", "Open database connections not in use.", idle as f64));
    gauges.push(Gauge::new("jobunivers_db_up", "1 when the database answers.", if app.db.ping().await.is_ok() { 1.0 } else { 0.0 }));
    if let Some(rss) = resident_bytes() {
        gauges.push(Gauge::new("process_resident_memory_bytes", "Resident memory.", rss as f64));
    }
    // Items the jobs passed over in the last day, on any node (every job listed, so
    // an alert can compare with zero).
    if let Ok(failed) = app.db.job_failures_since(app.clock.now() - chrono::Duration::days(1)).await {
        for job in app::ssr::services::jobs::ALL {
            let n = failed.iter().find(|(j, _)| j == job).map_or(0, |(_, n)| *n);
            gauges.push(Gauge {
                name: "jobunivers_job_failed_items_24h",
                help: "Items each job could not handle in the last 24 hours, on any node (see the job_failures table).",
                labels: format!("{{job=\"{}\"}}", label(job)),
                value: n as f64,
            });
        }
    }
    let body = metrics.render(&gauges);
    ([(header::CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8"), (header::CACHE_CONTROL, "no-store")], body).into_response()
}

/// The answer when the token is missing or wrong: as if there were nothing here.
pub fn not_found() -> Response {
    StatusCode::NOT_FOUND.into_response()
}

fn resident_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kb: u64 = status.lines().find_map(|l| l.strip_prefix("VmRSS:"))?.trim().trim_end_matches(" kB").trim().parse().ok()?;
    Some(kb * 1024)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counters_and_histograms_in_the_text_format() {
        let m = Metrics::default();
        m.record_request("/job/{id}", 200, Duration::from_millis(3));
        m.record_request("/job/{id}", 200, Duration::from_millis(30));
        m.record_request("/job/{id}", 404, Duration::from_secs(9));
        m.record_job("mail", true, Duration::from_millis(500));
        m.record_job("mail", false, Duration::from_millis(250));
        let text = m.render(&[Gauge::new("jobunivers_index_lag", "Lag.", 4.0)]);
        assert!(text.contains("jobunivers_http_requests_total{route=\"/job/{id}\",status=\"200\"} 2"), "{text}");
        assert!(text.contains("jobunivers_http_requests_total{route=\"/job/{id}\",status=\"404\"} 1"));
        assert!(text.contains("jobunivers_http_request_duration_seconds_bucket{route=\"/job/{id}\",le=\"0.005\"} 1"));
        assert!(text.contains("jobunivers_http_request_duration_seconds_bucket{route=\"/job/{id}\",le=\"0.05\"} 2"));
        assert!(text.contains("jobunivers_http_request_duration_seconds_bucket{route=\"/job/{id}\",le=\"+Inf\"} 3"));
        assert!(text.contains("jobunivers_http_request_duration_seconds_count{route=\"/job/{id}\"} 3"));
        assert!(text.contains("jobunivers_job_runs_total{job=\"mail\"} 2"));
        assert!(text.contains("jobunivers_job_failures_total{job=\"mail\"} 1"));
        assert!(text.contains("jobunivers_job_last_run_seconds{job=\"mail\"} 0.25"));
        assert!(text.contains("# TYPE jobunivers_index_lag gauge\njobunivers_index_lag 4"));
    }

    #[test]
    fn only_the_operators_token_opens_the_metrics() {
        let with = |v: &str| {
            let mut h = HeaderMap::new();
            h.insert(header::AUTHORIZATION, v.parse().unwrap());
            h
        };
        assert!(authorised(&with("Bearer s3cret-token"), Some("s3cret-token")));
        assert!(!authorised(&with("Bearer s3cret-tokeN"), Some("s3cret-token")));
        assert!(!authorised(&with("Bearer s3cret"), Some("s3cret-token")));
        assert!(!authorised(&HeaderMap::new(), Some("s3cret-token")));
        assert!(!authorised(&with("Bearer "), Some("")), "no token configured: no metrics");
        assert!(!authorised(&with("Bearer x"), None));
    }

    #[test]
    fn label_values_cannot_break_the_format() {
        assert_eq!(label("a\"b\\c\nd"), "a\\\"b\\\\c\\nd");
    }
}
