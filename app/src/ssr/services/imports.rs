//! Vacancies in: a run fetches a source, maps each item by the vacancy rules
//! (`domain::import`), stores items in batches, each in one transaction with their outbox rows (so
//! the index follows), and reports what it did. A source is run by one node at a
//! time (a lease in the database). Vacancies that left a source are closed only
//! after a run that read the whole source; a failed, cut or partial fetch closes
//! nothing.

use crate::domain::account::{Role, User};
use crate::domain::import::{self, Item, SourceFormat};
use crate::domain::publish::FeedPage;
use crate::error::{AppError, FieldErrors};
use crate::i18n::Msg;
use crate::ssr::db::{ImportOutcome, ImportRow, RunTally, SourceRow};
use crate::ssr::fetch::{FetchError, Fetched, Fetcher};
use crate::ssr::services::jobs;
use crate::ssr::AppState;
use chrono::Duration;

/// How long a node holds a source while it runs it; a node that dies lets go
/// when this has passed.
const LEASE_MINUTES: i64 = 30;

/// Items stored per transaction: large enough that commits stop dominating, small
/// enough that the outbox's order lock (PostgreSQL) is held only for moments.
const BATCH: usize = 100;

/// What a run did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunReport {
    pub run: i64,
    /// `complete`, `not_modified`, `partial` or `failed`.
    pub outcome: &'static str,
    pub tally: RunTally,
    pub error: Option<String>,
}

/// What the items of a source came to before they were stored.
struct Collected {
    items: Vec<Result<Item, (String, String)>>,
    /// Identifiers another Jobunivers said are gone.
    gone: Vec<String>,
    /// Every item of the source was read: the others left it.
    complete: bool,
    /// Why it is not complete, when a part failed.
    problem: Option<String>,
    validators: (Option<String>, Option<String>, Option<String>),
}

/// Registers a source (administrators). `company_cvr` empty: each item's employer.
#[allow(clippy::too_many_arguments)]
pub async fn add_source(
    st: &AppState,
    me: &User,
    name: &str,
    url: &str,
    format: &str,
    company_cvr: &str,
    every_minutes: i32,
) -> Result<i64, AppError> {
    if me.role != Role::Admin {
        return Err(AppError::Forbidden);
    }
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 100 {
        return Err(FieldErrors::one("name", Msg::ErrImportName));
    }
    let url = url.trim();
    if url.len() > 2_000 || !(url.starts_with("http://") || url.starts_with("https://")) {
        return Err(FieldErrors::one("url", Msg::ErrImportUrl));
    }
    let format = SourceFormat::parse(format).ok_or_else(|| FieldErrors::one("format", Msg::ErrChooseOne))?;
    let company = match company_cvr.trim() {
        "" => None,
        cvr => {
            let cvr = crate::domain::identity::cvr(cvr).map_err(|e| FieldErrors::one("cvr", e.cvr_message()))?;
            Some(st.db.company_by_cvr(&cvr).await?.ok_or_else(|| FieldErrors::one("cvr", Msg::ErrCompanyUnknown))?.id)
        }
    };
    let every = every_minutes.clamp(15, 7 * 24 * 60);
    st.db.insert_source(name, url, format.code(), company, every, st.clock.now()).await
}

/// Runs shown per source.
const RUNS_SHOWN: i64 = 5;

/// The sources with their latest runs (administrators).
pub async fn sources(st: &AppState, me: &User) -> Result<Vec<crate::domain::import::SourceView>, AppError> {
    use crate::domain::import::{RunView, SourceView};
    if me.role != Role::Admin {
        return Err(AppError::Forbidden);
    }
    let mut out = Vec::new();
    for s in st.db.sources().await? {
        let mut runs = Vec::new();
        for (i, r) in st.db.runs(s.id, RUNS_SHOWN).await?.into_iter().enumerate() {
            let skips = if i == 0 { st.db.run_skips(r.id).await? } else { Vec::new() };
            runs.push(RunView {
                started: r.started_at,
                seconds: r.finished_at.map(|f| (f - r.started_at).num_seconds()),
                outcome: r.outcome,
                added: r.added,
                updated: r.updated,
                unchanged: r.unchanged,
                closed: r.closed,
                skipped: r.skipped,
                error: r.error,
                skips,
            });
        }
        let company = match s.company_id {
            Some(id) => st.db.company(id).await?.map(|c| c.name),
            None => None,
        };
        let Some(format) = SourceFormat::parse(&s.format) else { continue };
        out.push(SourceView { id: s.id, name: s.name, url: s.url, format, company, every_minutes: s.every_minutes, runs });
    }
    Ok(out)
}

/// The administrators' form: register a source, or run one now.
pub async fn act(st: &AppState, me: &User, form: &crate::domain::import::ImportForm) -> Result<(), AppError> {
    use crate::domain::import::ImportAction;
    match ImportAction::parse(&form.action).ok_or(AppError::BadRequest)? {
        ImportAction::Add => {
            let every = form.every.trim().parse::<i32>().map_err(|_| FieldErrors::one("every", Msg::ErrImportEvery))?;
            add_source(st, me, &form.name, &form.url, &form.format, &form.cvr, every).await.map(|_| ())
        }
        ImportAction::Run => {
            if me.role != Role::Admin {
                return Err(AppError::Forbidden);
            }
            let id: i64 = form.id.trim().parse().map_err(|_| AppError::BadRequest)?;
            let holder = format!("admin-{}", me.id);
            run(st, &st.fetcher, id, &holder, &|_, _| {}).await?.ok_or_else(|| FieldErrors::one("id", Msg::ErrImportBusy))?;
            Ok(())
        }
    }
}

/// Runs every source that is due, each under its lease. Returns the runs made.
pub async fn run_due(st: &AppState, holder: &str) -> Result<usize, AppError> {
    let mut runs = 0;
    for source in st.db.due_sources(st.clock.now()).await? {
        // A feed that fails is recorded with its run; this is for what fails
        // around it (the database), which must not keep the other feeds waiting.
        match run(st, &st.fetcher, source.id, holder, &|_, _| {}).await {
            Ok(Some(_)) => runs += 1,
            Ok(None) => {}
            Err(e) => jobs::item_failed(st, jobs::IMPORTS, &format!("source {}", source.id), &e).await,
        }
    }
    Ok(runs)
}

/// Runs one source now; `None` when another node is running it. `progress` is
/// told (done, of) as items are stored.
#[tracing::instrument(skip(st, fetcher, progress))]
pub async fn run(
    st: &AppState,
    fetcher: &Fetcher,
    source_id: i64,
    holder: &str,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<Option<RunReport>, AppError> {
    let source = st.db.source(source_id).await?.ok_or(AppError::NotFound)?;
    let now = st.clock.now();
    let Some(run) = st.db.start_run(source.id, holder, now, now + Duration::minutes(LEASE_MINUTES)).await? else {
        return Ok(None);
    };
    let mut tally = RunTally::default();
    let collected = collect(st, fetcher, &source).await;
    let (outcome, error, validators) = match collected {
        Ok(None) => ("not_modified", None, (None, None, None)),
        Err(problem) => ("failed", Some(problem), (None, None, None)),
        Ok(Some(c)) => {
            let total = c.items.len();
            let mut done = 0;
            for batch in c.items.chunks(BATCH) {
                let mut items = Vec::with_capacity(batch.len());
                for item in batch {
                    match item {
                        Ok(item) => items.push(item),
                        Err(skip) => tally.skipped.push(skip.clone()),
                    }
                }
                store(st, &source, run, &items, &mut tally).await?;
                done += batch.len();
                progress(done, total);
            }
            for id in &c.gone {
                if st.db.close_import(source.id, id, st.clock.now()).await? {
                    tally.closed += 1;
                }
            }
            if c.complete {
                tally.closed += i32::try_from(st.db.close_unseen_imports(source.id, run, st.clock.now()).await?).unwrap_or(i32::MAX);
            }
            (
                if c.complete || source.format == SourceFormat::Jobunivers.code() && c.problem.is_none() { "complete" } else { "partial" },
                c.problem,
                c.validators,
            )
        }
    };
    st.indexer.wake();
    let next = st.clock.now() + Duration::minutes(i64::from(source.every_minutes));
    let v = (validators.0.as_deref(), validators.1.as_deref(), validators.2.as_deref());
    st.db.finish_run(source.id, run, outcome, &tally, error.as_deref(), v, next, st.clock.now()).await?;
    tracing::info!(
        source = source.id,
        run,
        outcome,
        added = tally.added,
        updated = tally.updated,
        closed = tally.closed,
        skipped = tally.skipped.len(),
        "import run done"
    );
    Ok(Some(RunReport { run, outcome, tally, error }))
}

async fn store(st: &AppState, source: &SourceRow, run: i64, items: &[&Item], tally: &mut RunTally) -> Result<(), AppError> {
    if items.is_empty() {
        return Ok(());
    }
    let contents: Vec<String> = items.iter().map(|i| import::fingerprint_content(&i.vacancy)).collect();
    let rows: Vec<ImportRow> = items
        .iter()
        .zip(&contents)
        .map(|(i, content)| ImportRow { identifier: &i.identifier, fingerprint: &i.fingerprint, vacancy: &i.vacancy, content })
        .collect();
    let outcomes = st.db.import_items(source.id, run, source.company_id, &rows, st.clock.now()).await?;
    for (item, outcome) in items.iter().zip(outcomes) {
        match outcome {
            ImportOutcome::Added(_) => tally.added += 1,
            ImportOutcome::Updated(_) => tally.updated += 1,
            ImportOutcome::Unchanged(_) => tally.unchanged += 1,
            ImportOutcome::Duplicate(other) => {
                tally.skipped.push((item.identifier.clone(), format!("samme stilling findes allerede fra kilde {other}")));
            }
        }
    }
    Ok(())
}

/// Fetches and maps a source's items. `Ok(None)`: not modified since last time;
/// `Err`: nothing could be read (the reason).
async fn collect(st: &AppState, fetcher: &Fetcher, source: &SourceRow) -> Result<Option<Collected>, String> {
    let today = st.clock.today();
    let format = SourceFormat::parse(&source.format).ok_or_else(|| format!("ukendt format: {}", source.format))?;
    if format == SourceFormat::Jobunivers {
        return follow_feed(fetcher, source, today).await.map(Some);
    }
    let (bytes, etag, last_modified, url) = match fetcher.get(&source.url, source.etag.as_deref(), source.last_modified.as_deref()).await {
        Ok(Fetched::NotModified) => return Ok(None),
        Ok(Fetched::Body { bytes, etag, last_modified, url }) => (bytes, etag, last_modified, url),
        Err(e) => return Err(e.to_string()),
    };
    let validators = (etag, last_modified, None);
    let mut c = Collected { items: Vec::new(), gone: Vec::new(), complete: true, problem: None, validators };
    match format {
        SourceFormat::Json => {
            let doc: serde_json::Value = serde_json::from_slice(&bytes).map_err(|e| format!("ikke gyldig JSON: {e}"))?;
            c.items = import::postings(&doc).into_iter().map(|p| map(p, None, today)).collect();
        }
        SourceFormat::Feed | SourceFormat::Page => {
            let text = String::from_utf8_lossy(&bytes);
            let robots = Robots::default();
            for link in import::links(&text, &url) {
                if !robots.allows(fetcher, &link).await {
                    c.items.push(Err((link, "robots.txt tillader ikke at hente siden".into())));
                    continue;
                }
                match fetcher.get(&link, None, None).await {
                    Ok(Fetched::Body { bytes, url, .. }) => {
                        let html = String::from_utf8_lossy(&bytes);
                        let found = import::json_ld_postings(&html);
                        if found.is_empty() && html.contains("application/ld+json") {
                            c.items.push(Err((url.clone(), "JSON-LD kunne ikke læses som en JobPosting".into())));
                        }
                        c.items.extend(found.iter().map(|p| map(p, Some(&url), today)));
                    }
                    Ok(Fetched::NotModified) => {}
                    // A page that failed: what it held is unknown, so nothing may be closed.
                    Err(e) => {
                        c.complete = false;
                        c.problem.get_or_insert_with(|| format!("{link}: {e}"));
                        c.items.push(Err((link, e.to_string())));
                    }
                }
            }
        }
        SourceFormat::Jobunivers => {}
    }
    c.items.truncate(import::MAX_ITEMS);
    Ok(Some(c))
}

fn map(p: &serde_json::Value, page: Option<&str>, today: chrono::NaiveDate) -> Result<Item, (String, String)> {
    import::map_posting(p, page, today).map_err(|why| {
        let name = p
            .get("identifier")
            .or_else(|| p.get("url"))
            .or_else(|| p.get("title"))
            .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string))
            .unwrap_or_default();
        (name.chars().take(200).collect(), why)
    })
}

/// Another Jobunivers's open feed, from where it was left.
async fn follow_feed(fetcher: &Fetcher, source: &SourceRow, today: chrono::NaiveDate) -> Result<Collected, String> {
    let mut cursor = source.cursor.clone().unwrap_or_default();
    let mut c = Collected { items: Vec::new(), gone: Vec::new(), complete: false, problem: None, validators: (None, None, None) };
    let base = source.url.trim_end_matches('/');
    loop {
        let sep = if base.contains('?') { '&' } else { '?' };
        let url = format!("{base}{sep}since={cursor}&limit=1000");
        let page: FeedPage = match fetcher.get(&url, None, None).await {
            Ok(Fetched::Body { bytes, .. }) => serde_json::from_slice(&bytes).map_err(|e| format!("ikke et Jobunivers-feed: {e}"))?,
            Ok(Fetched::NotModified) => break,
            Err(e) if c.items.is_empty() && c.gone.is_empty() => return Err(e.to_string()),
            Err(e) => {
                c.problem = Some(e.to_string());
                break;
            }
        };
        for entry in &page.changes {
            match import::map_feed_entry(entry, today) {
                Ok(Some(item)) => c.items.push(Ok(item)),
                Ok(None) => c.gone.push(entry.id.to_string()),
                Err(why) => c.items.push(Err((entry.id.to_string(), why))),
            }
        }
        cursor = page.next;
        if !page.more || c.items.len() >= import::MAX_ITEMS {
            break;
        }
    }
    c.validators.2 = Some(cursor);
    Ok(c)
}

/// robots.txt of each host met in a run, fetched once.
#[derive(Default)]
struct Robots(tokio::sync::Mutex<std::collections::HashMap<String, String>>);

impl Robots {
    async fn allows(&self, fetcher: &Fetcher, url: &str) -> bool {
        let Some((origin, path)) = split_origin(url) else { return false };
        let mut known = self.0.lock().await;
        if !known.contains_key(&origin) {
            // No robots.txt (or none readable) allows everything, as crawlers read it.
            let text = match fetcher.get(&format!("{origin}/robots.txt"), None, None).await {
                Ok(Fetched::Body { bytes, .. }) => String::from_utf8_lossy(&bytes).into_owned(),
                Ok(Fetched::NotModified) | Err(FetchError::Status(_)) | Err(_) => String::new(),
            };
            known.insert(origin.clone(), text);
        }
        known.get(&origin).is_none_or(|text| import::robots_allows(text, "jobunivers", &path))
    }
}

/// `https://host:port` and the path (with query) of a URL.
fn split_origin(url: &str) -> Option<(String, String)> {
    let (scheme, rest) = url.split_once("://")?;
    let (host, path) = rest.find('/').map_or((rest, "/"), |i| (&rest[..i], &rest[i..]));
    Some((format!("{scheme}://{host}"), path.to_string()))
}
