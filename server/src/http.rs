//! The HTTP surface: Leptos pages and server functions, form posts without
//! JavaScript, the language switch, health and readiness, static files.

use app::forms::PostedForm;
use app::ssr::AppState;
use app::{shell, App, Lang};
use axum::body::{to_bytes, Body};
use axum::extract::{FromRef, MatchedPath, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, Request, StatusCode};
use axum::middleware::{from_fn_with_state, Next};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use leptos::config::LeptosOptions;
use leptos::prelude::provide_context;
use leptos_axum::{generate_route_list, LeptosRoutes};
use serde::Deserialize;
use tower_http::trace::TraceLayer;

/// Largest body accepted by any route but the file upload (which has its own
/// limit): forms and server functions. A vacancy with the longest description fits
/// easily; every string from outside is bounded by it before any field check.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

#[derive(Clone, FromRef)]
pub struct HttpState {
    pub leptos_options: LeptosOptions,
    pub app: AppState,
}

/// The app's routes, found once per process. Finding them runs the app with
/// resource loading switched off for the whole process (leptos_server's
/// `SuppressResourceLoad` is a global flag), so doing it while another router in
/// the same process renders a page could leave that page's resources waiting
/// forever (leptos issue #4773). The tests start many routers at once.
pub fn routes() -> Vec<leptos_axum::AxumRouteListing> {
    static ROUTES: std::sync::OnceLock<Vec<leptos_axum::AxumRouteListing>> = std::sync::OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

/// What the operator sets for the HTTP surface.
#[derive(Clone, Default)]
pub struct Operations {
    /// A reverse proxy of ours adds the caller's address (see `Config::trusted_proxy`).
    pub trusted_proxy: bool,
    pub metrics: crate::metrics::Metrics,
    /// The token `/metrics` answers to; none: no metrics.
    pub metrics_token: Option<String>,
}

pub fn router(app: AppState, leptos_options: LeptosOptions, ops: &Operations) -> Router {
    let trusted_proxy = ops.trusted_proxy;
    let routes = routes();
    let site_root = std::path::Path::new(leptos_options.site_root.as_ref());
    // A site that cannot be read leaves only the pages (the tests need no files).
    let assets = crate::assets::Assets::shared(site_root, leptos_options.hash_files).unwrap_or_else(|e| {
        tracing::warn!(error = %e, "static files not loaded");
        std::sync::Arc::new(crate::assets::Assets::empty())
    });
    let context = {
        let app = app.clone();
        move || provide_context(app.clone())
    };
    let page = {
        let options = leptos_options.clone();
        move || shell(options.clone())
    };
    // A page's form posts back to the page: render it again with the body attached.
    let render_post = leptos_axum::render_app_async_with_context(context.clone(), page.clone());
    let form_post = move |req: Request<Body>| {
        let render = render_post.clone();
        async move {
            let (mut parts, body) = req.into_parts();
            let lang = lang_of(&parts.headers);
            match to_bytes(body, MAX_BODY_BYTES).await {
                Ok(bytes) => {
                    parts.extensions.insert(PostedForm(bytes.to_vec().into()));
                    render(Request::from_parts(parts, Body::empty())).await
                }
                Err(_) => too_large(lang),
            }
        }
    };
    let mut router = Router::new()
        .merge(crate::publish::routes())
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .route("/metrics", get(metrics_page).with_state((app.clone(), ops.metrics.clone(), ops.metrics_token.clone())))
        .route("/sprog", get(switch_language))
        .route(
            app::pages::ATTACHMENT_PATH,
            get(crate::attachments::download)
                .post(crate::attachments::upload)
                .layer(axum::extract::DefaultBodyLimit::max(crate::attachments::body_limit(&app))),
        );
    for path in app::pages::form_routes() {
        router = router.route(&path, post(form_post.clone()));
    }
    let state = HttpState { leptos_options, app: app.clone() };
    let shared = std::sync::Arc::new(app);
    router
        .leptos_routes_with_context(&state, routes, context, page)
        .fallback(leptos_axum::file_and_error_handler::<HttpState, _>(shell))
        // Layers run outside-in from the last: headers wrap every answer (refusals and
        // redirects too), then the body limit, the session, the cross-site check and
        // access.
        .layer(axum::middleware::from_fn(form_bounds_layer))
        .layer(axum::middleware::from_fn(api_error_status_layer))
        // The layers' state is shared, not copied: every layer copies the layers
        // within it for each request, and a copied AppState is a dozen counted
        // references (with the request id, metrics and panic layers, separate
        // copies cost a third of `/healthz`'s time; perf, BENCHMARKS.md).
        .layer(from_fn_with_state(shared.clone(), access_layer))
        .layer(from_fn_with_state(shared.clone(), same_origin_layer))
        .layer(from_fn_with_state(shared, session_layer))
        .layer(axum::middleware::from_fn(body_limit_layer))
        // Pages and server functions' answers compressed as they go out (static
        // files come compressed from memory and skip this).
        .layer(axum::middleware::from_fn(crate::compress::compress_layer))
        .layer(axum::middleware::from_fn(move |req, next| client_ip_layer(trusted_proxy, req, next)))
        // Static files before sessions and access checks: a stylesheet needs neither.
        .layer(from_fn_with_state(assets, assets_layer))
        .layer(axum::middleware::from_fn(security_headers_layer))
        // Each request's log lines carry its id (and each service call its name),
        // so a slow search or a failed write can be followed through the log.
        .layer(TraceLayer::new_for_http().make_span_with(|req: &Request<Body>| {
            let id = req.extensions().get::<RequestId>().map_or("-", |r| r.0.as_str());
            tracing::info_span!("request", id, method = %req.method(), path = %req.uri().path())
        }))
        .layer(from_fn_with_state(ops.metrics.clone(), edge_layer))
        .with_state(state)
}

/// The outermost layer, one for three jobs so the request passes one layer, not
/// three: the request's id, the metrics, and faults.
///
/// The id is the proxy's `X-Request-Id` when it is a plain short token, else a new
/// one. It is in every log line of the request and in the answer's header, so an
/// operator can find the lines of the request a person reports.
///
/// A fault in a handler (a panic) ends that request with the plain error page and
/// its reference, in the caller's language, instead of a dropped connection; the
/// panic's message and place are in the log under the reference. (A panic while a
/// page streams to a client that takes no compression is past this point: that
/// connection drops.)
pub async fn edge_layer(State(metrics): State<crate::metrics::Metrics>, mut req: Request<Body>, next: Next) -> Response {
    use futures_util::FutureExt;
    let started = std::time::Instant::now();
    let given = req.headers().get("x-request-id").and_then(|v| v.to_str().ok());
    let plain = |v: &&str| !v.is_empty() && v.len() <= 64 && v.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    let id = given.filter(plain).map_or_else(app::error::incident_reference, str::to_string);
    req.extensions_mut().insert(RequestId(id.clone()));
    let lang = lang_of(req.headers());
    let api = req.uri().path().starts_with("/api/");
    // Routing has happened: the route's pattern, or none for a static file.
    let route = req.extensions().get::<MatchedPath>().cloned();
    let mut res = match std::panic::AssertUnwindSafe(next.run(req)).catch_unwind().await {
        Ok(res) => res,
        Err(panic) => {
            let what = panic.downcast_ref::<&str>().map(|s| s.to_string()).or_else(|| panic.downcast_ref::<String>().cloned());
            let error = app::error::AppError::internal(format_args!("a handler panicked: {}", what.as_deref().unwrap_or("(no message)")));
            refusal(error, lang, api)
        }
    };
    if let Ok(v) = HeaderValue::from_str(&id) {
        res.headers_mut().insert("x-request-id", v);
    }
    metrics.record_request(route.as_ref().map_or("other", |r| r.as_str()), res.status().as_u16(), started.elapsed());
    res
}

/// A request's id (see `edge_layer`).
#[derive(Clone, Debug)]
pub struct RequestId(pub String);

/// Security headers on every answer, whoever wrote it (a page, a server function,
/// a refusal, a redirect, a static file). Pages set their own Content-Security-Policy
/// with a nonce; everything else gets the strictest. Personal answers (anything to a
/// signed-in browser, every server function, anything that sets a cookie) are never
/// stored: jobcentre and library PCs are shared. Over TLS, browsers are told to
/// keep to it (HSTS).
async fn security_headers_layer(req: Request<Body>, next: Next) -> Response {
    let tls = app::cookies::over_tls(req.headers().get("x-forwarded-proto").map(|v| v.as_bytes()));
    // The open feed (`/api/v1/`) is public and may be cached, unless a signed-in browser asks.
    let path = req.uri().path();
    let personal = (path.starts_with("/api/") && !path.starts_with("/api/v1/")) || session_token(req.headers(), tls).is_some();
    let mut res = next.run(req).await;
    let personal = personal || res.headers().contains_key(header::SET_COOKIE);
    let h = res.headers_mut();
    let mut default = |name: header::HeaderName, value: &'static str| {
        if !h.contains_key(&name) {
            h.insert(name, HeaderValue::from_static(value));
        }
    };
    default(header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    default(header::REFERRER_POLICY, "strict-origin-when-cross-origin");
    default(header::X_FRAME_OPTIONS, "DENY");
    default(
        header::CONTENT_SECURITY_POLICY,
        "default-src 'self'; script-src 'none'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'",
    );
    if tls {
        default(header::STRICT_TRANSPORT_SECURITY, "max-age=31536000; includeSubDomains");
    }
    if personal {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    res
}

/// Server functions answer every error with 500. Give the answer the error's own
/// status (a refusal is 403, a malformed request 400, a form with mistakes 422), so
/// clients, logs and monitoring see what happened. The browser's client reads any
/// 4xx or 5xx as the error, so nothing else changes.
async fn api_error_status_layer(req: Request<Body>, next: Next) -> Response {
    let api = req.uri().path().starts_with("/api/");
    let res = next.run(req).await;
    if !api || res.status() != StatusCode::INTERNAL_SERVER_ERROR {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    let Ok(bytes) = to_bytes(body, 64 * 1024).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    if let Ok(error) = serde_json::from_slice::<app::error::AppError>(&bytes) {
        parts.status = StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    }
    Response::from_parts(parts, Body::from(bytes))
}

/// Bounds the body of every request but the file upload (limited by its own route),
/// so no request can make the server read without limit.
async fn body_limit_layer(req: Request<Body>, next: Next) -> Response {
    if req.uri().path() == app::pages::ATTACHMENT_PATH {
        return next.run(req).await;
    }
    let declared = req.headers().get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()).and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > MAX_BODY_BYTES as u64) {
        return too_large(lang_of(req.headers()));
    }
    let (parts, body) = req.into_parts();
    let limited = Body::new(http_body_util::Limited::new(body, MAX_BODY_BYTES));
    next.run(Request::from_parts(parts, limited)).await
}

/// Every URL-encoded body (a page's form, a server function's arguments) passes
/// `app::forms::within_bounds` before any handler reads it, so no handler sees a
/// field longer than the longest text a form takes, or thousands of fields.
async fn form_bounds_layer(req: Request<Body>, next: Next) -> Response {
    let form = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    if !form {
        return next.run(req).await;
    }
    let (parts, body) = req.into_parts();
    let lang = lang_of(&parts.headers);
    match to_bytes(body, MAX_BODY_BYTES).await {
        Ok(bytes) if app::forms::within_bounds(&bytes) => next.run(Request::from_parts(parts, Body::from(bytes))).await,
        _ => too_large(lang),
    }
}

/// The session token in the request's cookie, under the name for this transport.
fn session_token(headers: &HeaderMap, tls: bool) -> Option<&str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|c| app::cookies::value(c, app::cookies::session_name(tls)))
        .filter(|t| !t.is_empty())
}

fn lang_of(headers: &HeaderMap) -> Lang {
    headers.get(header::COOKIE).and_then(|v| v.to_str().ok()).map(app::cookies::lang).unwrap_or_default()
}

fn too_large(lang: Lang) -> Response {
    let text = match lang {
        Lang::Da => "Det, du sendte, er for stort. Gå tilbage, og gør teksten kortere.",
        Lang::En => "What you sent is too large. Go back and make the text shorter.",
    };
    // The rest of an oversized body is never read, so the connection cannot carry
    // another request: say so, or a client that keeps connections may send its
    // next request on one the server is closing (and get no answer).
    let headers = [(header::CONTENT_TYPE, "text/plain; charset=utf-8"), (header::CONNECTION, "close")];
    (StatusCode::PAYLOAD_TOO_LARGE, headers, text).into_response()
}

/// The caller's address: the socket's, or behind a trusted proxy the last
/// `X-Forwarded-For` entry (earlier entries can be forged by the client).
pub fn client_address(socket: Option<std::net::IpAddr>, forwarded_for: Option<&str>, trusted_proxy: bool) -> String {
    let forwarded = forwarded_for.and_then(|v| v.rsplit(',').next()).map(str::trim).filter(|v| !v.is_empty());
    match (trusted_proxy, forwarded, socket) {
        (true, Some(ip), _) => ip.to_string(),
        (_, _, Some(ip)) => ip.to_string(),
        _ => "unknown".to_string(),
    }
}

async fn client_ip_layer(trusted_proxy: bool, mut req: Request<Body>, next: Next) -> Response {
    let socket = req.extensions().get::<axum::extract::ConnectInfo<std::net::SocketAddr>>().map(|c| c.0.ip());
    let forwarded = req.headers().get("x-forwarded-for").and_then(|v| v.to_str().ok());
    let ip = client_address(socket, forwarded, trusted_proxy);
    req.extensions_mut().insert(app::auth::ClientIp(ip));
    next.run(req).await
}

/// Finds who is calling from the session cookie, once per request, and puts it in
/// the request for pages and server functions.
async fn session_layer(State(app): State<std::sync::Arc<AppState>>, mut req: Request<Body>, next: Next) -> Response {
    // Static files (no matched route) need no user: spare the database.
    if req.extensions().get::<MatchedPath>().is_none() {
        return next.run(req).await;
    }
    let tls = app::cookies::over_tls(req.headers().get("x-forwarded-proto").map(|v| v.as_bytes()));
    let token = session_token(req.headers(), tls).map(str::to_string);
    let user = match &token {
        Some(t) => app::ssr::services::auth::authenticate(&app, t).await.unwrap_or_else(|e| {
            // The database may be down: carry on as anonymous; pages that need a
            // user will ask for sign-in.
            tracing::warn!("session lookup failed: {e}");
            None
        }),
        None => None,
    };
    req.extensions_mut().insert(app::auth::CurrentUser { user, token });
    next.run(req).await
}

/// Writes a refused attempt to the security log, without delaying the answer, at
/// most `gates::SECURITY_EVENTS_PER_MINUTE` an address a minute.
fn log_refusal(app: &AppState, kind: &'static str, req: &Request<Body>) {
    let ip = req.extensions().get::<app::auth::ClientIp>().map(|c| c.0.clone()).unwrap_or_else(|| "unknown".into());
    let now = app.clock.now();
    if !app::ssr::gates::security_event_allowed(&ip, now) {
        tracing::warn!(kind, ip, "refused attempt not written to the security log (too many from this address)");
        return;
    }
    let user_id = req.extensions().get::<app::auth::CurrentUser>().and_then(|c| c.user.as_ref().map(|u| u.id));
    let method = req.method().to_string();
    let path: String = req.uri().path().chars().take(300).collect();
    let db = app.db.clone();
    tokio::spawn(async move {
        let event = app::ssr::db::NewSecurityEvent { kind, user_id, ip: &ip, method: &method, path: &path, detail: "" };
        if let Err(e) = db.insert_security_event(&event, now).await {
            tracing::warn!(kind, error = %e, "security event not stored");
        }
    });
}

/// Answers a request for a static file from memory, or passes it on.
async fn assets_layer(State(assets): State<std::sync::Arc<crate::assets::Assets>>, req: Request<Body>, next: Next) -> Response {
    match assets.answer(&req) {
        Some(res) => res,
        None => next.run(req).await,
    }
}

/// Checks `app::auth::access` before any page or server function runs. Routes with
/// no row are refused; static files (no matched route) pass. Refusals of a
/// signed-in person, and of server functions, go to the security log.
async fn access_layer(State(app): State<std::sync::Arc<AppState>>, req: Request<Body>, next: Next) -> Response {
    use app::auth::access::{lookup, Decision};
    let Some(path) = req.extensions().get::<MatchedPath>().map(|m| m.as_str().to_string()) else {
        return next.run(req).await;
    };
    let user = req.extensions().get::<app::auth::CurrentUser>().and_then(|c| c.user.clone());
    let lang = lang_of(req.headers());
    let api = path.starts_with("/api/");
    let decision = match lookup(&path) {
        Some(access) => access.decide(user.as_ref()),
        None => {
            tracing::error!(path, "no access rule for this route: refused");
            Decision::Forbidden
        }
    };
    match decision {
        Decision::Allow => next.run(req).await,
        // Sign in (or set up the second factor), then come back here.
        Decision::Unauthenticated if !api => see_other_and_back(app::path::SIGN_IN, &req),
        Decision::SecondFactorFirst if !api => see_other_and_back(app::path::SET_UP, &req),
        Decision::Unauthenticated => {
            log_refusal(&app, "refused-401", &req);
            refusal(app::error::AppError::Unauthenticated, lang, api)
        }
        Decision::Forbidden | Decision::SecondFactorFirst => {
            log_refusal(&app, "refused-403", &req);
            refusal(app::error::AppError::Forbidden, lang, api)
        }
    }
}

/// 303 to `to`, with this request's address as where to go afterwards.
fn see_other_and_back(to: &str, req: &Request<Body>) -> Response {
    let back = req.uri().path_and_query().map(|p| p.as_str()).unwrap_or("/");
    let to = format!("{to}?{}", serde_urlencoded::to_string([("neste", back)]).unwrap_or_default());
    let mut res = StatusCode::SEE_OTHER.into_response();
    if let Ok(v) = HeaderValue::from_str(&to) {
        res.headers_mut().insert(header::LOCATION, v);
    }
    res
}

/// A 401 or 403: the app's error as JSON for server functions, a plain page for people.
fn refusal(error: app::error::AppError, lang: Lang, api: bool) -> Response {
    let status = StatusCode::from_u16(error.status()).unwrap_or(StatusCode::FORBIDDEN);
    if api {
        return (status, Json(error)).into_response();
    }
    let page = format!(
        r#"<!DOCTYPE html><html lang="{code}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{text}</title><link rel="stylesheet" href="{css}"></head><body><main class="container page-main"><h1>{text}</h1><p><a href="/">{front}</a></p></main></body></html>"#,
        code = lang.code(),
        text = lang.t(error.message()),
        front = lang.t(app::Msg::GoToFrontPage),
        css = app::pages::Theme::Borger.stylesheet(),
    );
    (status, Html(page)).into_response()
}

/// A refusal or error page for a plain route, in the caller's language.
pub fn refusal_for(error: app::error::AppError, headers: &HeaderMap) -> Response {
    refusal(error, lang_of(headers), false)
}

/// Refuses writes sent from another site's pages (cross-site request forgery).
/// Browsers say where a request comes from in `Origin` or `Sec-Fetch-Site`. A write
/// with neither is taken as not from a browser, unless it carries a session
/// cookie: then it acts for someone, and is refused (an old or odd browser is
/// asked to use a current one rather than risk it).
async fn same_origin_layer(State(app): State<std::sync::Arc<AppState>>, req: Request<Body>, next: Next) -> Response {
    if req.method() == axum::http::Method::GET || req.method() == axum::http::Method::HEAD {
        return next.run(req).await;
    }
    let headers = req.headers();
    let text = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    let host = text("x-forwarded-host").or_else(|| text("host"));
    let cross = match (text("origin"), text("sec-fetch-site")) {
        (Some(origin), _) => origin.split_once("://").map(|(_, authority)| authority) != host,
        (None, Some(site)) => site == "cross-site",
        (None, None) => headers.get(header::COOKIE).is_some_and(|c| {
            c.to_str().is_ok_and(|c| [true, false].iter().any(|tls| app::cookies::value(c, app::cookies::session_name(*tls)).is_some()))
        }),
    };
    if cross {
        tracing::warn!(origin = text("origin"), host, "cross-origin write refused");
        log_refusal(&app, "cross-site", &req);
        return refusal(app::error::AppError::Forbidden, lang_of(headers), req.uri().path().starts_with("/api/"));
    }
    next.run(req).await
}

/// Alive: the process answers.
async fn healthz() -> &'static str {
    "ok"
}

/// Ready: the database answers and the search index has caught up since start.
async fn readyz(State(app): State<AppState>) -> Response {
    let database = app.db.ping().await.is_ok();
    let index = app.indexer.is_ready() && app.cv_indexer.is_ready();
    let body = serde_json::json!({
        "database": if database { "ok" } else { "unavailable" },
        "index": if index { "ready" } else { "starting" },
        "indexed_outbox_id": app.indexer.applied_outbox_id(),
        "indexed_documents": app.index.num_docs(),
        "cv_index_outbox_id": app.cv_indexer.applied_outbox_id(),
        "cv_index_documents": app.cvs.num_docs(),
    });
    let status = if database && index { StatusCode::OK } else { StatusCode::SERVICE_UNAVAILABLE };
    (status, Json(body)).into_response()
}

/// `/metrics` for the operator's scraper, with the operator's token only.
async fn metrics_page(
    State((app, metrics, token)): State<(AppState, crate::metrics::Metrics, Option<String>)>,
    headers: HeaderMap,
) -> Response {
    if !crate::metrics::authorised(&headers, token.as_deref()) {
        return crate::metrics::not_found();
    }
    crate::metrics::scrape(&app, &metrics).await
}

#[derive(Deserialize)]
struct LanguageChoice {
    til: Option<String>,
    tilbage: Option<String>,
}

/// Remembers the chosen language in a cookie and, for a signed-in person, on
/// their account (what we e-mail them follows it), then sends them back.
async fn switch_language(
    State(app): State<AppState>,
    me: Option<axum::Extension<app::auth::CurrentUser>>,
    headers: HeaderMap,
    Query(choice): Query<LanguageChoice>,
) -> Response {
    let lang = choice.til.as_deref().and_then(Lang::parse).unwrap_or_default();
    if let Some(user) = me.as_ref().and_then(|m| m.user.as_ref()) {
        if let Err(e) = app.db.set_user_lang(user.id, lang).await {
            // The page still switches; only later e-mail stays in the old language.
            tracing::warn!(user = user.id, error = %e, "language not stored on the account");
        }
    }
    let back = choice.tilbage.as_deref().filter(|p| app::auth::is_local_path(p)).unwrap_or("/");
    let https = headers.get("x-forwarded-proto").is_some_and(|v| v.as_bytes() == b"https");
    let cookie = app::cookies::set(app::i18n::LANG_COOKIE, lang.code(), Some(365 * 24 * 3600), https);
    let mut res = StatusCode::SEE_OTHER.into_response();
    if let (Ok(location), Ok(cookie)) = (HeaderValue::from_str(back), HeaderValue::from_str(&cookie)) {
        res.headers_mut().insert(header::LOCATION, location);
        res.headers_mut().insert(header::SET_COOKIE, cookie);
    }
    res
}

#[cfg(test)]
mod tests {
    use app::auth::is_local_path;

    /// A handler that panics answers 500 with the error page in the caller's
    /// language (JSON for a server function), and the server answers on.
    #[tokio::test]
    async fn a_panic_in_a_handler_is_an_error_page() {
        use axum::body::Body;
        use axum::http::{header, Request, StatusCode};
        use http_body_util::BodyExt;
        use tower::ServiceExt;
        async fn broken() -> &'static str {
            panic!("a bug")
        }
        let app = axum::Router::new()
            .route("/side", axum::routing::get(broken))
            .route("/api/side", axum::routing::post(broken))
            .route("/ok", axum::routing::get(|| async { "ok" }))
            .layer(axum::middleware::from_fn_with_state(crate::metrics::Metrics::default(), super::edge_layer));
        let get = |path: &str, lang: &str| {
            Request::builder().uri(path).header(header::COOKIE, format!("sprog={lang}")).body(Body::empty()).unwrap()
        };
        let res = app.clone().oneshot(get("/side", "en")).await.unwrap();
        assert_eq!(res.status(), StatusCode::INTERNAL_SERVER_ERROR);
        let page = String::from_utf8(res.into_body().collect().await.unwrap().to_bytes().to_vec()).unwrap();
        assert!(page.contains(r#"<html lang="en""#) && !page.contains("a bug"), "{page}");
        let api = Request::builder().method("POST").uri("/api/side").body(Body::empty()).unwrap();
        let res = app.clone().oneshot(api).await.unwrap();
        assert_eq!(res.status(), StatusCode::INTERNAL_SERVER_ERROR);
        let body = String::from_utf8(res.into_body().collect().await.unwrap().to_bytes().to_vec()).unwrap();
        assert!(body.contains("reference") && !body.contains("a bug"), "{body}");
        assert_eq!(app.oneshot(get("/ok", "da")).await.unwrap().status(), StatusCode::OK);
    }

    #[test]
    fn the_client_address_comes_from_the_proxy_only_when_trusted() {
        use super::client_address;
        let socket = Some("10.0.0.1".parse().unwrap());
        assert_eq!(client_address(socket, Some("6.6.6.6, 203.0.113.7"), true), "203.0.113.7", "the proxy's own entry");
        assert_eq!(client_address(socket, Some("6.6.6.6"), false), "10.0.0.1", "untrusted header is ignored");
        assert_eq!(client_address(socket, None, true), "10.0.0.1");
        assert_eq!(client_address(None, None, false), "unknown");
    }

    #[test]
    fn the_language_switch_only_returns_to_this_site() {
        assert!(is_local_path("/job?q=p%C3%A6dagog"));
        assert!(!is_local_path("//evil.example/"));
        assert!(!is_local_path("https://evil.example/"));
        assert!(!is_local_path("/\\evil.example"));
        assert!(!is_local_path("/x\r\nSet-Cookie: a=b"));
    }
}
