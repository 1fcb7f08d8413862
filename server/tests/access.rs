//! The authorisation matrix: every server function and every route, called as
//! anonymous and as each role, must get what `app::auth::access` says. A server
//! function or page added without a row in that table fails here.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failed unwrap is a failed test

use app::auth::access::{lookup, pages, Decision, SERVER_FUNCTIONS};
mod common;

use app::domain::account::User;
use reqwest::header::{COOKIE, LOCATION, SET_COOKIE};
use reqwest::StatusCode;
use testing::databases;

/// Routes the server adds itself, beside the app's pages and server functions.
fn server_route(path: &str) -> bool {
    app::auth::access::SERVER_ROUTES.iter().any(|(p, _)| *p == path)
}

#[tokio::test]
async fn every_server_function_and_route_has_exactly_one_rule() {
    let functions: Vec<&str> = server_fn::axum::server_fn_paths().map(|(p, _)| p).collect();
    for path in &functions {
        assert!(lookup(path).is_some(), "server function {path} has no row in app::auth::access::SERVER_FUNCTIONS");
    }
    let routes: Vec<String> = server::http::routes().iter().map(|r| r.path().to_string()).collect();
    for path in &routes {
        assert!(lookup(path).is_some(), "page {path} has no row in app::pages::PAGES");
    }
    for (path, _) in SERVER_FUNCTIONS {
        assert!(functions.contains(path), "stale row: no server function {path}");
    }
    for (path, _) in pages() {
        assert!(routes.iter().any(|r| r == path) || server_route(path), "stale row: no route {path}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn every_role_gets_what_the_table_says() {
    for t in databases("access_matrix").await {
        let s = common::start_demo(&t).await;
        let (base, client) = (s.base.clone(), s.client.clone());
        // Anonymous, then one signed-in person of each role.
        let mut identities: Vec<(Option<User>, Option<String>)> = vec![(None, None)];
        for (_, email, _, _) in server::demo::DEMO_ACCOUNTS {
            identities.push((Some(s.user(email).await), Some(s.sign_in(email).await)));
        }

        for (user, cookie) in &identities {
            let who = user.as_ref().map_or("anonymous".to_string(), |u| format!("{:?}", u.role));
            let with_cookie = |req: reqwest::RequestBuilder| match cookie {
                Some(c) => req.header(COOKIE, c),
                None => req,
            };
            // Signing out last: when allowed it ends this identity's session.
            let forms = app::pages::form_routes();
            let mut pages: Vec<(&str, _)> = pages().iter().map(|(p, a)| (p.as_str(), *a)).collect();
            pages.sort_by_key(|(p, _)| *p == app::path::SIGN_OUT);
            for (path, access) in pages {
                // A citizen id that does not exist: the role decides here, not the
                // municipality scope (which the services check, and other tests cover).
                let id = if path.starts_with("/jobcenter/") { "999999" } else { "1" };
                let url = format!("{base}{}", path.replace("{id}", id).replace("{afsnit}", "kontakt"));
                let mut requests = vec![("GET", with_cookie(client.get(&url)))];
                if forms.iter().any(|f| f == path) {
                    // As a browser posts a form: from this site.
                    requests.push(("POST", with_cookie(client.post(&url)).header("origin", base.clone()).form(&[("x", "")])));
                }
                for (method, req) in requests {
                    let res = req.send().await.unwrap();
                    let to_sign_in = res.headers().get(LOCATION).is_some_and(|l| l.to_str().unwrap().starts_with("/log-ind?neste="));
                    let status = res.status();
                    match access.decide(user.as_ref()) {
                        Decision::Allow => assert!(
                            status != StatusCode::FORBIDDEN && status != StatusCode::UNAUTHORIZED && !to_sign_in,
                            "{}: {who} {method} {path} should be allowed, got {status}",
                            t.label
                        ),
                        Decision::Unauthenticated => {
                            assert!(to_sign_in, "{}: {who} {method} {path}: expected sign-in, got {status}", t.label)
                        }
                        Decision::SecondFactorFirst => {
                            let to = res.headers().get(LOCATION).map(|l| l.to_str().unwrap().to_string()).unwrap_or_default();
                            assert!(to.starts_with(app::path::SET_UP), "{}: {who} {method} {path}", t.label)
                        }
                        Decision::Forbidden => {
                            assert_eq!(status, StatusCode::FORBIDDEN, "{}: {who} {method} {path}", t.label);
                            assert!(res.text().await.unwrap().contains("Du har ikke adgang"), "a clear page, never data");
                        }
                    }
                }
            }
            // The session may have ended above: sign in again for the server functions.
            let cookie = match user {
                Some(u) => Some(s.sign_in(&u.email).await),
                None => None,
            };
            let with_cookie = |req: reqwest::RequestBuilder| match &cookie {
                Some(c) => req.header(COOKIE, c),
                None => req,
            };
            let mut functions: Vec<_> = SERVER_FUNCTIONS.to_vec();
            functions.sort_by_key(|(p, _)| *p == "/api/auth/sign-out");
            for (path, access) in functions {
                let res = with_cookie(client.post(format!("{base}{path}")))
                    .header("origin", base.clone())
                    .form(&[("x", "")])
                    .send()
                    .await
                    .unwrap();
                let status = res.status();
                match access.decide(user.as_ref()) {
                    Decision::Allow => assert!(
                        status != StatusCode::FORBIDDEN && status != StatusCode::UNAUTHORIZED,
                        "{}: {who} {path} should be allowed, got {status}",
                        t.label
                    ),
                    Decision::Unauthenticated => assert_eq!(status, StatusCode::UNAUTHORIZED, "{}: {who} {path}", t.label),
                    Decision::Forbidden | Decision::SecondFactorFirst => {
                        assert_eq!(status, StatusCode::FORBIDDEN, "{}: {who} {path}", t.label)
                    }
                }
                if status.is_client_error() && !res.headers().contains_key(SET_COOKIE) {
                    let body = res.text().await.unwrap();
                    assert!(!body.contains("SELECT") && !body.contains("/work/"), "no internals: {body}");
                }
            }
        }
        s.stop().await;
    }
}
