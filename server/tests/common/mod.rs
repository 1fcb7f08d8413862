//! Shared by the server's HTTP tests: the real router on a real socket.
#![allow(dead_code)] // each test binary uses a different part

use app::ssr::AppState;
use reqwest::header::{COOKIE, LOCATION, SET_COOKIE};
use reqwest::redirect::Policy;
use reqwest::StatusCode;
use std::net::SocketAddr;
use testing::TestDb;

pub struct Running {
    pub base: String,
    pub client: reqwest::Client,
    pub state: AppState,
    server: tokio::task::JoinHandle<()>,
}

/// The server's configuration in a test: its folder, no key (SQLite makes one).
pub fn config(t: &TestDb) -> server::config::Config {
    server::config::Config {
        addr: "127.0.0.1:0".parse().unwrap(),
        data_dir: t.dir().to_path_buf(),
        database_url: None,
        index_dir: None,
        site_root: t.dir().join("site"),
        secret_key: None,
        metrics_token: None,
        trusted_proxy: false,
        rules: None,
        smtp_url: None,
        mail_from: "Jobunivers <noreply@test.example>".into(),
        public_url: "http://127.0.0.1".into(),
        log: "warn".into(),
        log_format: Default::default(),
        clock_start: None,
        import_allow_private: true,
    }
}

/// The operator's token for `/metrics` in the tests.
pub const METRICS_TOKEN: &str = "test-metrics-token";

/// As behind a proxy: a test says which address a request comes from in
/// `X-Forwarded-For` (throttling is per address).
pub fn operations() -> server::http::Operations {
    server::http::Operations { trusted_proxy: true, metrics: Default::default(), metrics_token: Some(METRICS_TOKEN.into()) }
}

/// The whole server on a free local port, over a fresh test database.
pub async fn start(t: &TestDb) -> Running {
    let state = t.state().await;
    let config = config(t);
    let router = server::http::router(state.clone(), server::serve::leptos_options(&config), &operations());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr: SocketAddr = listener.local_addr().unwrap();
    let server = tokio::spawn(async move {
        axum::serve(listener, router).await.unwrap();
    });
    // A request that never gets an answer fails the test with its address instead
    // of hanging the run.
    let client = reqwest::Client::builder().redirect(Policy::none()).timeout(std::time::Duration::from_secs(30)).build().unwrap();
    Running { base: format!("http://{addr}"), client, state, server }
}

/// The server as `start`, with the demo accounts (one per role; staff with the
/// demo second-factor key) made on its clock.
pub async fn start_demo(t: &TestDb) -> Running {
    let s = start(t).await;
    server::demo::seed_accounts(&s.state.db, &s.state.sealer, &s.state.clock).await.unwrap();
    s
}

impl Running {
    pub async fn get(&self, path: &str) -> (StatusCode, String) {
        let res = self.client.get(format!("{}{path}", self.base)).send().await.unwrap();
        (res.status(), res.text().await.unwrap())
    }

    pub async fn stop(self) {
        self.server.abort();
        self.state.shutdown().await;
    }

    /// Signs in a demo account through the sign-in form (and, for staff, the code
    /// step with the demo key); returns the cookie.
    pub async fn sign_in(&self, email: &str) -> String {
        let form = [("email", email), ("password", server::demo::DEMO_PASSWORD)];
        let res = self.client.post(format!("{}{}", self.base, app::path::SIGN_IN)).form(&form).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "sign-in of {email}");
        let cookie = res.headers()[SET_COOKIE].to_str().unwrap().split(';').next().unwrap().to_string();
        let to = res.headers()[LOCATION].to_str().unwrap().to_string();
        if to.starts_with(app::path::CODE) {
            return self.second_factor(&cookie, server::demo::DEMO_TOTP_KEY).await;
        }
        cookie
    }

    /// A page's HTML as the holder of `cookie` sees it.
    pub async fn page(&self, path: &str, cookie: &str) -> String {
        self.client.get(format!("{}{path}", self.base)).header(COOKIE, cookie).send().await.unwrap().text().await.unwrap()
    }

    /// The account with this e-mail address, as the app sees it.
    pub async fn user(&self, email: &str) -> app::domain::account::User {
        self.state.db.user_by_email(email).await.unwrap().unwrap().to_user().unwrap()
    }

    /// The code step of signing in, as a person with `key` in their app: the
    /// current code, or the next one if it was used (the server accepts one step
    /// of drift), else the code of the step to come. Returns the full session's cookie.
    pub async fn second_factor(&self, waiting: &str, key: &str) -> String {
        for attempt in 0..4u64 {
            let now = u64::try_from(self.state.clock.now().timestamp()).unwrap();
            let at = if attempt == 0 { now } else { now + 30 };
            let code = app::ssr::services::second_factor::code_at(key, at).unwrap();
            let res = self.post_form(app::path::CODE, waiting, &[("kode", code.as_str())]).await;
            if res.status() == StatusCode::SEE_OTHER {
                return res.headers()[SET_COOKIE].to_str().unwrap().split(';').next().unwrap().to_string();
            }
            let page = res.text().await.unwrap();
            assert!(page.contains(app::Lang::Da.t(app::Msg::ErrCodeUsed)), "the code step refused a right code");
            if attempt >= 1 {
                tokio::time::sleep(std::time::Duration::from_secs(30 - now % 30)).await;
            }
        }
        panic!("no code accepted in two minutes");
    }

    /// Posts a form to a page as the browser does (same origin), with `cookie`.
    pub async fn post_form(&self, path: &str, cookie: &str, form: &[(&str, &str)]) -> reqwest::Response {
        self.client
            .post(format!("{}{path}", self.base))
            .header(COOKIE, cookie)
            .header("origin", self.base.clone())
            .form(form)
            .send()
            .await
            .unwrap()
    }

    pub async fn wait_ready(&self) {
        for _ in 0..300 {
            if self.get("/readyz").await.0 == StatusCode::OK {
                return;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        panic!("never ready");
    }
}
