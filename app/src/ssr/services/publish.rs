//! Vacancies out: the open incremental feed, sitemaps, and an Atom feed of any
//! search. Public and read-only; every parameter from the address is bounded by
//! its parser in `domain::publish` or `SearchQuery`.

use crate::domain::publish::{self, AtomEntry, Cursor, FeedEntry, FeedPage};
use crate::domain::search::{SearchQuery, Sort};
use crate::error::AppError;
use crate::ssr::db::Db;
use crate::ssr::AppState;
use chrono::NaiveDate;

/// Vacancies noted as expired in the feed per round of the background job.
const EXPIRED_PER_ROUND: i64 = 5_000;

/// One page of the feed after `since` (a cursor from an earlier page's `next`, or
/// nothing for the beginning), at most `limit` changes.
#[tracing::instrument(skip_all)]
pub async fn feed(st: &AppState, since: Option<&str>, limit: Option<&str>, site: &str) -> Result<FeedPage, AppError> {
    feed_page(&st.db, st.clock.today(), since, limit, site).await
}

/// The feed page itself, from the database alone (the benchmark pages it too).
pub async fn feed_page(db: &Db, today: NaiveDate, since: Option<&str>, limit: Option<&str>, site: &str) -> Result<FeedPage, AppError> {
    let cursor = Cursor::parse(since).ok_or(AppError::BadRequest)?;
    let limit = publish::page_size(limit).ok_or(AppError::BadRequest)?;
    // One more than asked tells whether more wait.
    let mut rows = db.feed_after(cursor.0, i64::from(limit) + 1).await?;
    let more = rows.len() > limit as usize;
    rows.truncate(limit as usize);
    let next = rows.last().map_or(cursor, |r| Cursor(r.seq));
    let changes = rows.into_iter().map(|r| FeedEntry::of(r.seq, &r.vacancy.into_vacancy(), today, site)).collect();
    Ok(FeedPage { changes, next: next.to_string(), more })
}

/// Tells the feed of vacancies whose deadline passed, so a mirror removes them.
/// Safe on many nodes at once: each is noted once.
pub async fn note_expired(st: &AppState) -> Result<usize, AppError> {
    st.db.note_expired_in_feed(st.clock.today(), EXPIRED_PER_ROUND, st.clock.now()).await
}

/// The sitemap files' addresses: one per `SITEMAP_URLS` open vacancies, at least one.
pub async fn sitemap_files(st: &AppState, site: &str) -> Result<Vec<String>, AppError> {
    let open = st.db.count_accepting(st.clock.today()).await?;
    let files = (open.max(1) + i64::from(publish::SITEMAP_URLS) - 1) / i64::from(publish::SITEMAP_URLS);
    Ok((0..files).map(|n| format!("{site}/sitemaps/{n}")).collect())
}

/// The `n`th sitemap file's vacancy pages; an empty one past the end.
pub async fn sitemap(st: &AppState, n: u32, site: &str) -> Result<String, AppError> {
    let rows = st.db.open_vacancy_urls(st.clock.today(), i64::from(n), i64::from(publish::SITEMAP_URLS)).await?;
    let urls: Vec<_> = rows.into_iter().map(|(id, at)| (format!("{site}/job/{id}"), crate::domain::time::danish_date(at))).collect();
    Ok(publish::sitemap(&urls))
}

/// The newest vacancies of a search (its address part), as an Atom feed a feed
/// reader can follow.
#[tracing::instrument(skip_all)]
pub async fn atom(st: &AppState, address: &str, site: &str) -> Result<String, AppError> {
    let mut query = SearchQuery::from_address(address);
    query.sort = Sort::Newest;
    query.page = 1;
    let results = crate::ssr::services::vacancies::search(st, query.clone()).await?;
    let entries: Vec<AtomEntry> = results
        .hits
        .into_iter()
        .take(publish::ATOM_ENTRIES as usize)
        .map(|h| AtomEntry {
            id: h.id,
            title: format!("{} – {}, {} {}", h.title, h.employer_name, h.postcode, h.city),
            summary: h.teaser,
            url: format!("{site}/job/{}", h.id),
            updated: h.posted.and_hms_opt(0, 0, 0).map_or(chrono::DateTime::UNIX_EPOCH, |t| t.and_utc()),
        })
        .collect();
    let page = format!("{site}{}", query.href());
    let this = format!("{site}{}?{}", crate::pages::SEARCH_FEED_PATH, query.address_query());
    let title =
        if query.text.is_empty() { "Ledige job i Jobunivers".to_string() } else { crate::i18n::search_title(crate::Lang::Da, &query.text) };
    Ok(publish::atom(&title, &this, &page, site, &entries))
}
