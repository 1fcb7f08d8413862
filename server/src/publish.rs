//! Vacancies out, as plain HTTP: the open incremental feed (`/api/v1/vacancies`)
//! and its OpenAPI document, sitemaps and robots.txt for search engines, and an
//! Atom feed of any search (`/job.atom?…`). Thin: the services build the data.

use crate::http::HttpState;
use app::domain::publish::{FeedPage, FEED_PAGE, FEED_PAGE_MAX};
use app::error::AppError;
use axum::extract::{Path, Query, RawQuery, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use std::collections::HashMap;

/// How long a cache may keep a feed page or a sitemap, in seconds.
const MAX_AGE: u32 = 60;

pub fn routes() -> Router<HttpState> {
    Router::new()
        .route("/robots.txt", get(robots))
        .route("/sitemap.xml", get(sitemap_index))
        .route("/sitemaps/{n}", get(sitemap))
        .route(app::pages::SEARCH_FEED_PATH, get(atom))
        .route("/api/v1/vacancies", get(feed))
        .route("/api/v1/openapi.json", get(openapi))
}

/// The public address: the configured one, else what the request was sent to.
fn site(st: &HttpState, headers: &HeaderMap) -> String {
    let configured = &st.app.mailer.public_url;
    if !configured.is_empty() {
        return configured.clone();
    }
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok()).filter(|h| h.bytes().all(|b| b.is_ascii_graphic()));
    format!("http://{}", host.unwrap_or("localhost"))
}

/// A public answer a cache may keep a minute, with an ETag of its body; `304`
/// when the client has that one already.
fn cached(headers: &HeaderMap, content_type: &'static str, body: String) -> Response {
    let tag = format!("\"{:016x}\"", fnv1a(body.as_bytes()));
    let fresh = headers.get(header::IF_NONE_MATCH).and_then(|v| v.to_str().ok()).is_some_and(|v| v.split(',').any(|t| t.trim() == tag));
    let mut res =
        if fresh { StatusCode::NOT_MODIFIED.into_response() } else { ([(header::CONTENT_TYPE, content_type)], body).into_response() };
    let h = res.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&tag) {
        h.insert(header::ETAG, v);
    }
    if let Ok(v) = HeaderValue::from_str(&format!("public, max-age={MAX_AGE}")) {
        h.insert(header::CACHE_CONTROL, v);
    }
    res
}

/// A stable 64-bit hash (FNV-1a) for ETags: the same body gives the same tag on
/// every node and after a restart.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3))
}

fn failed(e: AppError) -> Response {
    let status = StatusCode::from_u16(e.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    (status, axum::Json(e)).into_response()
}

async fn robots(State(st): State<HttpState>, headers: HeaderMap) -> Response {
    let site = site(&st, &headers);
    // Personal pages and the API are no place for a crawler; vacancies and the search are.
    let body = format!(
        "User-agent: *\nAllow: /\nDisallow: /api/\nDisallow: /min-side\nDisallow: /mine-data\nDisallow: /arbejdsgiver\n\
         Disallow: /jobcenter\nDisallow: /admin\nDisallow: /konto\nDisallow: /log-ind\n\nSitemap: {site}/sitemap.xml\n"
    );
    cached(&headers, "text/plain; charset=utf-8", body)
}

async fn sitemap_index(State(st): State<HttpState>, headers: HeaderMap) -> Response {
    let site = site(&st, &headers);
    match app::ssr::services::publish::sitemap_files(&st.app, &site).await {
        Ok(files) => cached(&headers, "application/xml; charset=utf-8", app::domain::publish::sitemap_index(&files)),
        Err(e) => failed(e),
    }
}

async fn sitemap(State(st): State<HttpState>, Path(n): Path<String>, headers: HeaderMap) -> Response {
    let Ok(n) = n.parse::<u32>() else { return StatusCode::NOT_FOUND.into_response() };
    let site = site(&st, &headers);
    match app::ssr::services::publish::sitemap(&st.app, n, &site).await {
        Ok(xml) => cached(&headers, "application/xml; charset=utf-8", xml),
        Err(e) => failed(e),
    }
}

async fn atom(State(st): State<HttpState>, RawQuery(query): RawQuery, headers: HeaderMap) -> Response {
    let site = site(&st, &headers);
    match app::ssr::services::publish::atom(&st.app, query.as_deref().unwrap_or(""), &site).await {
        Ok(xml) => cached(&headers, "application/atom+xml; charset=utf-8", xml),
        Err(e) => failed(e),
    }
}

/// The changes after `since` (see the OpenAPI document).
#[utoipa::path(
    get,
    path = "/api/v1/vacancies",
    params(
        ("since" = Option<String>, Query, description = "The `next` of the last page read; leave out to start from the beginning."),
        ("limit" = Option<u32>, Query, description = "Changes per page: 1 to 1000, 100 if left out."),
    ),
    responses(
        (status = 200, description = "A page of changes, oldest first. Cache for up to 60 seconds; send the ETag back in If-None-Match.", body = FeedPageDoc),
        (status = 304, description = "The page is the one you have (If-None-Match)."),
        (status = 400, description = "`since` or `limit` is not one this feed gives or takes."),
    )
)]
async fn feed(State(st): State<HttpState>, Query(params): Query<HashMap<String, String>>, headers: HeaderMap) -> Response {
    if params.len() > 2 {
        return failed(AppError::BadRequest);
    }
    let site = site(&st, &headers);
    let page =
        app::ssr::services::publish::feed(&st.app, params.get("since").map(String::as_str), params.get("limit").map(String::as_str), &site)
            .await;
    match page.and_then(|p: FeedPage| serde_json::to_string(&p).map_err(AppError::internal)) {
        Ok(json) => cached(&headers, "application/json", json),
        Err(e) => failed(e),
    }
}

async fn openapi() -> Response {
    use utoipa::OpenApi;
    axum::Json(ApiDoc::openapi()).into_response()
}

/// The open feed's description. Its types mirror `domain::publish` (a test checks
/// that a real page reads as the document says).
#[derive(utoipa::OpenApi)]
#[openapi(
    info(
        title = "Jobunivers: open vacancy feed",
        version = "1",
        description = "Every vacancy of this Jobunivers, as a log of changes a consumer can mirror. Start without `since`, keep \
                       the `next` of each page, and ask again with it: while `more` is true at once, later every few minutes. \
                       Each vacancy appears at its latest change, with its current state: `open` (mirror it), or `closed` \
                       or `expired` (remove it). Reading from the beginning gives every vacancy; the open ones are the set."
    ),
    paths(feed),
    components(schemas(FeedPageDoc, FeedEntryDoc, FeedVacancyDoc))
)]
struct ApiDoc;

/// A page of the feed.
#[derive(utoipa::ToSchema)]
#[allow(dead_code)] // Only describes `domain::publish::FeedPage`.
struct FeedPageDoc {
    changes: Vec<FeedEntryDoc>,
    /// Send as `since` to get the next changes (the same when there were none).
    next: String,
    /// More changes wait now.
    more: bool,
}

/// One change: a vacancy at its latest change.
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
struct FeedEntryDoc {
    /// The change's position; increases along the feed.
    seq: i64,
    /// The vacancy's id here.
    id: i64,
    /// `open`, `closed` or `expired`.
    state: String,
    /// The vacancy, when open.
    vacancy: Option<FeedVacancyDoc>,
}

/// A vacancy open for applications.
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
struct FeedVacancyDoc {
    title: String,
    employer: String,
    /// The posting company's CVR number.
    cvr: Option<String>,
    description: String,
    postcode: String,
    city: String,
    /// The municipality's code (e.g. 101 for København).
    municipality: Option<u16>,
    weekly_hours: f64,
    /// The last day to apply (YYYY-MM-DD).
    deadline: String,
    /// `fast`, `tidsbegraenset`, `elev` or `studiejob`.
    employment_type: String,
    /// A DISCO-08 occupation code.
    occupation: Option<String>,
    how_to_apply: String,
    /// The day it was posted (YYYY-MM-DD).
    posted: String,
    /// Its page.
    url: String,
}

/// The limits the document states, kept next to the code that enforces them.
const _: () = assert!(FEED_PAGE == 100 && FEED_PAGE_MAX == 1_000 && MAX_AGE == 60);
