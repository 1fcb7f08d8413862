//! The server over real HTTP, on SQLite and PostgreSQL: pages, the form without
//! JavaScript, the language switch, health and readiness, errors.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failed unwrap is a failed test

mod common;

use app::Lang;
use common::{start, start_demo};
use reqwest::header::{COOKIE, LOCATION, SET_COOKIE};
use reqwest::StatusCode;
use testing::{databases, Account};

fn vacancy_form(title: &str, today: chrono::NaiveDate) -> Vec<(&'static str, String)> {
    vec![
        ("title", title.to_string()),
        ("employer_name", "Fanø Færgefart".to_string()),
        ("description", "Vi søger en styrmand til vores færger mellem Esbjerg og Fanø. Skiftende vagter.".to_string()),
        ("postcode", "6720".to_string()),
        ("city", "Fanø".to_string()),
        ("weekly_hours", "37".to_string()),
        ("deadline", (today + chrono::Duration::days(20)).format("%d-%m-%Y").to_string()),
        ("how_to_apply", "https://faergefart.example/job".to_string()),
        ("municipality", "563".to_string()),
        ("employment_type", "fast".to_string()),
    ]
}

#[tokio::test(flavor = "multi_thread")]
async fn health_readiness_and_the_front_page() {
    for t in databases("http_health").await {
        let s = start(&t).await;
        assert_eq!(s.get("/healthz").await, (StatusCode::OK, "ok".to_string()));
        s.wait_ready().await;
        let (_, body) = s.get("/readyz").await;
        let ready: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert_eq!(ready["database"], "ok", "{}", t.label);
        assert_eq!(ready["index"], "ready");
        let res = s.client.get(format!("{}/", s.base)).send().await.unwrap();
        assert_eq!(res.headers()["x-content-type-options"], "nosniff");
        assert_eq!(res.headers()["x-frame-options"], "DENY");
        let csp = res.headers()["content-security-policy"].to_str().unwrap().to_string();
        assert!(csp.contains("frame-ancestors 'none'") && csp.contains("'wasm-unsafe-eval'"), "{csp}");
        let nonce = csp.split("'nonce-").nth(1).unwrap().split('\'').next().unwrap().to_string();
        let html = res.text().await.unwrap();
        assert!(html.contains(r#"<html lang="da""#), "{}", &html[..200.min(html.len())]);
        assert!(html.contains("Find dit næste job"));
        assert!(html.contains(&format!(r#"nonce="{nonce}""#)), "the hydration script carries this response's nonce");
        let plain = s.client.get(format!("{}/healthz", s.base)).send().await.unwrap();
        assert!(plain.headers()["content-security-policy"].to_str().unwrap().contains("script-src 'none'"), "non-pages run no scripts");
        assert!(html.contains(r#"href="/tilgaengelighed""#), "accessibility statement linked from the footer");
        s.stop().await;
    }
}

/// The operator's scraper reads requests by route, the index's lag behind the
/// outbox and the database pool; anyone else finds nothing there.
#[tokio::test(flavor = "multi_thread")]
async fn the_operator_scrapes_metrics() {
    for t in databases("http_metrics").await {
        let s = start(&t).await;
        s.wait_ready().await;
        for _ in 0..3 {
            s.get("/healthz").await;
        }
        assert_eq!(s.get("/job/999999").await.0, StatusCode::NOT_FOUND);
        assert_eq!(s.get("/metrics").await.0, StatusCode::NOT_FOUND, "no token: as if nothing were there");
        let wrong = s.client.get(format!("{}/metrics", s.base)).bearer_auth("guess").send().await.unwrap();
        assert_eq!(wrong.status(), StatusCode::NOT_FOUND);
        let res = s.client.get(format!("{}/metrics", s.base)).bearer_auth(common::METRICS_TOKEN).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        assert!(res.headers()["content-type"].to_str().unwrap().starts_with("text/plain; version=0.0.4"));
        let text = res.text().await.unwrap();
        let value = |name: &str| -> f64 {
            let line = text.lines().find(|l| l.starts_with(name)).unwrap_or_else(|| panic!("{}: no {name} in\n{text}", t.label));
            line.rsplit(' ').next().unwrap().parse().unwrap()
        };
        assert_eq!(value("jobunivers_http_requests_total{route=\"/healthz\",status=\"200\"}"), 3.0, "{}", t.label);
        assert_eq!(value("jobunivers_http_requests_total{route=\"/job/{id}\",status=\"404\"}"), 1.0);
        assert_eq!(value("jobunivers_http_request_duration_seconds_count{route=\"/healthz\"}"), 3.0);
        assert_eq!(value("jobunivers_index_lag "), 0.0, "a ready index has applied the outbox");
        assert!(value("jobunivers_db_pool_connections ") >= 1.0);
        assert_eq!(value("jobunivers_db_up "), 1.0);
        // A vacancy posted and not yet indexed is lag; once indexed, none.
        let st = &s.state;
        let today = st.clock.today();
        st.db.insert_vacancy(&testing::vacancy("Smed", "Esbjerg", today), st.clock.now()).await.unwrap();
        testing::settle(st).await;
        let text =
            s.client.get(format!("{}/metrics", s.base)).bearer_auth(common::METRICS_TOKEN).send().await.unwrap().text().await.unwrap();
        assert!(text.contains("\njobunivers_index_lag 0\n"), "{}: {text}", t.label);
        assert!(text.contains("\njobunivers_index_documents 1\n"), "{}: {text}", t.label);
        // Items a job passed over, from every node's record, per job (zero shown).
        assert!(text.contains("\njobunivers_job_failed_items_24h{job=\"mail\"} 0\n"), "{}: {text}", t.label);
        st.db.record_job_failure("mail", "mail 7", "refused", "node-x", st.clock.now()).await.unwrap();
        let text =
            s.client.get(format!("{}/metrics", s.base)).bearer_auth(common::METRICS_TOKEN).send().await.unwrap().text().await.unwrap();
        assert!(text.contains("\njobunivers_job_failed_items_24h{job=\"mail\"} 1\n"), "{}: {text}", t.label);
        assert_eq!(text.matches("# TYPE jobunivers_job_failed_items_24h gauge").count(), 1, "one heading for the labelled gauges");
        s.stop().await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn pages_and_static_files_go_out_compressed() {
    for t in databases("http_compressed").await {
        // A site folder as the build leaves it: the app's stylesheet, and a font.
        let pkg = t.dir().join("site/pkg");
        std::fs::create_dir_all(&pkg).unwrap();
        std::fs::write(pkg.join("jobunivers.css"), ".vacancy-facts { display: grid; }\n".repeat(100)).unwrap();
        std::fs::write(t.dir().join("site/font.woff2"), [1u8; 500]).unwrap();
        let s = start(&t).await;
        let get = |path: &str, accept: &str| s.client.get(format!("{}{path}", s.base)).header("accept-encoding", accept).send();
        let page = get("/", "gzip, deflate, br").await.unwrap();
        assert_eq!(page.headers()["content-encoding"], "br", "{}", t.label);
        let page = get("/", "gzip").await.unwrap();
        assert_eq!(page.headers()["content-encoding"], "gzip");
        let plain = get("/", "identity").await.unwrap();
        assert!(plain.headers().get("content-encoding").is_none());
        assert!(plain.text().await.unwrap().contains("Find dit næste job"));
        let css = get("/pkg/jobunivers.css", "br").await.unwrap();
        assert_eq!(css.status(), StatusCode::OK);
        assert_eq!(css.headers()["content-encoding"], "br");
        assert_eq!(css.headers()["content-type"], "text/css");
        assert_eq!(css.headers()["x-content-type-options"], "nosniff", "security headers on files too");
        // Without content names (a debug build) the app's files are checked each time.
        assert_eq!(css.headers()["cache-control"], "no-cache");
        let etag = css.headers()["etag"].clone();
        let again = s.client.get(format!("{}/pkg/jobunivers.css", s.base)).header("if-none-match", etag).send().await.unwrap();
        assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
        let font = get("/font.woff2", "br").await.unwrap();
        assert!(font.headers().get("content-encoding").is_none(), "a font is compressed already");
        assert_eq!(font.headers()["cache-control"], "public, max-age=3600");
        s.stop().await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_vacancy_posted_without_javascript_is_shown_and_found() {
    for t in databases("http_post").await {
        let s = start_demo(&t).await;
        s.wait_ready().await;
        let url = format!("{}{}", s.base, app::path::NEW_VACANCY);

        // Only employers may post; others are sent to sign in.
        let res = s.client.get(&url).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        assert_eq!(res.headers()[LOCATION], "/log-ind?neste=%2Farbejdsgiver%2Fstillinger%2Fny");
        let cookie = s.sign_in("arbejdsgiver@demo.example").await;

        // Rejected: errors next to the fields, in Danish, and what was typed kept.
        let mut bad = vacancy_form("S", s.state.clock.today());
        bad[3].1 = "67".into();
        let res = s.client.post(&url).header(COOKIE, &cookie).header("origin", s.base.clone()).form(&bad).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{}", t.label);
        let html = res.text().await.unwrap();
        assert!(html.contains("Stillingsbetegnelsen skal være mellem 3 og 150 tegn."), "{}", t.label);
        assert!(html.contains("Et postnummer består af 4 cifre, fx 8000."));
        assert!(html.contains(r#"aria-describedby="field-postcode-error""#), "error tied to its field");
        assert!(html.contains(r#"value="Fanø Færgefart""#), "typed values are kept");
        assert!(html.contains("Vi søger en styrmand"), "the description is kept");
        assert!(html.contains(r##"href="#field-title""##), "the summary links to the field");
        assert_eq!(s.state.db.count_open_vacancies().await.unwrap(), 0, "nothing stored");

        // A form on another site cannot post here, even with the employer's cookie.
        let res = s
            .client
            .post(&url)
            .header(COOKIE, &cookie)
            .header("origin", "https://evil.example")
            .form(&vacancy_form("Falsk", s.state.clock.today()))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "{}", t.label);
        let res = s
            .client
            .post(&url)
            .header(COOKIE, &cookie)
            .header("sec-fetch-site", "cross-site")
            .form(&vacancy_form("Falsk", s.state.clock.today()))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::FORBIDDEN);
        assert_eq!(s.state.db.count_open_vacancies().await.unwrap(), 0);

        // Accepted: stored, and the browser is sent to the vacancy (same origin).
        let origin = s.base.clone();
        let res = s
            .client
            .post(&url)
            .header(COOKIE, &cookie)
            .header("origin", origin)
            .form(&vacancy_form("Styrmand", s.state.clock.today()))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "{}", t.label);
        let location = res.headers()[LOCATION].to_str().unwrap().to_string();
        assert!(location.starts_with("/job/") && location.ends_with("?oprettet=1"), "{location}");
        let (status, html) = s.get(&location).await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("Styrmand") && html.contains("Stillingen er oprettet"));
        assert!(html.contains(r#"href="https://faergefart.example/job""#), "how to apply is a link");

        // And found by search (the indexer commits within about half a second).
        let mut found = false;
        for _ in 0..200 {
            let (_, html) = s.get("/job?q=styrmand").await;
            if html.contains(&location.replace("?oprettet=1", "")) {
                found = true;
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(25)).await;
        }
        assert!(found, "{}: posted vacancy never showed up in the search", t.label);
        s.stop().await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn language_is_chosen_by_cookie_and_never_redirects_off_site() {
    for t in databases("http_lang").await {
        let s = start(&t).await;
        let res = s.client.get(format!("{}/sprog?til=en&tilbage=%2Fjob%3Fq%3Dkok", s.base)).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        assert_eq!(res.headers()[LOCATION], "/job?q=kok");
        let cookie = res.headers()[SET_COOKIE].to_str().unwrap().to_string();
        assert!(cookie.starts_with("sprog=en;") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"));
        let html = s.client.get(format!("{}/job", s.base)).header(COOKIE, "sprog=en").send().await.unwrap().text().await.unwrap();
        assert!(html.contains(r#"<html lang="en""#) && html.contains("Find a job"), "{}", t.label);
        // Citizens' pages wear borger.dk's look, the employer's virk.dk's.
        assert!(html.contains(app::pages::Theme::Borger.stylesheet()));
        let (_, employer) = s.get(app::path::EMPLOYER_SIGN_UP).await;
        assert!(employer.contains(app::pages::Theme::Virk.stylesheet()) && !employer.contains(app::pages::Theme::Borger.stylesheet()));

        let res = s.client.get(format!("{}/sprog?til=da&tilbage=https://evil.example/", s.base)).send().await.unwrap();
        assert_eq!(res.headers()[LOCATION], "/");

        // Signed in, the choice is kept on the account too: e-mail follows it.
        Account::jobseeker("sprog@mail.example").password(server::demo::DEMO_PASSWORD).create(&s.state).await;
        let cookie = s.sign_in("sprog@mail.example").await;
        let lang_of = |row: Option<app::ssr::db::UserRow>| row.map(|r| r.lang());
        assert_eq!(lang_of(s.state.db.user_by_email("sprog@mail.example").await.unwrap()), Some(Lang::Da));
        let res = s.client.get(format!("{}/sprog?til=en&tilbage=%2F", s.base)).header(COOKIE, &cookie).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        assert_eq!(lang_of(s.state.db.user_by_email("sprog@mail.example").await.unwrap()), Some(Lang::En), "{}", t.label);
        s.stop().await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn unknown_pages_and_vacancies_are_404_with_a_clear_message() {
    for t in databases("http_404").await {
        let s = start(&t).await;
        for path in ["/job/999999", "/job/abc"] {
            let (status, html) = s.get(path).await;
            assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
            assert!(html.contains("Stillingen findes ikke"), "{path}");
        }
        let (status, html) = s.get("/findes-ikke").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert!(html.contains("Siden findes ikke."));
        // Every answer names its request, as the log does: the proxy's id when it
        // is a plain token, else a new one.
        let id = |given: &'static str| {
            let req = s.client.get(format!("{}/healthz", s.base)).header("x-request-id", given);
            async move { req.send().await.unwrap().headers()["x-request-id"].to_str().unwrap().to_string() }
        };
        assert_eq!(id("proxy-42").await, "proxy-42");
        let made = id("not <plain>").await;
        assert!(made.len() == 8 && made.bytes().all(|b| b.is_ascii_alphanumeric()), "{made}");
        // Junk in the search address is forgiven, not an error.
        let (status, _) = s.get("/job?q=%22%28&side=-4").await;
        assert_eq!(status, StatusCode::OK);
        // An oversized form gets a plain message before its body is read (so the
        // test sends only the head and a little, as a client would before the
        // server hangs up), and nothing is stored.
        let answer = {
            use tokio::io::{AsyncReadExt, AsyncWriteExt};
            let mut socket = tokio::net::TcpStream::connect(s.base.trim_start_matches("http://")).await.unwrap();
            let head = format!(
                "POST {} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\nConnection: close\r\n\r\nemail=xxxx",
                app::path::SIGN_IN,
                2 * 1024 * 1024
            );
            socket.write_all(head.as_bytes()).await.unwrap();
            let mut answer = Vec::new();
            socket.read_to_end(&mut answer).await.unwrap();
            String::from_utf8_lossy(&answer).into_owned()
        };
        assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
        assert!(answer.contains("for stort"));
        s.stop().await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn signing_in_and_out_without_javascript() {
    for t in databases("http_signin").await {
        let s = start_demo(&t).await;
        let url = format!("{}{}", s.base, app::path::SIGN_IN);

        let res = s.client.get(format!("{}{}", s.base, app::path::ACCOUNT)).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "{}: anonymous people are sent to sign in", t.label);
        assert_eq!(res.headers()[LOCATION], "/log-ind?neste=%2Fkonto");

        let wrong = [("email", "borger@demo.example"), ("password", "ikke-den-rigtige-kode")];
        let res = s.client.post(&url).form(&wrong).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(res.headers().get(SET_COOKIE).is_none());
        let html = res.text().await.unwrap();
        assert!(html.contains("E-mailadressen eller adgangskoden er forkert."), "{}", t.label);
        assert!(html.contains(r#"value="borger@demo.example""#), "the e-mail is kept");
        assert!(!html.contains("ikke-den-rigtige-kode"), "the password is never sent back");

        let right = [("email", "borger@demo.example"), ("password", server::demo::DEMO_PASSWORD)];
        let res = s.client.post(&url).form(&right).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "{}", t.label);
        assert_eq!(res.headers()[LOCATION], app::path::OVERVIEW);
        let set = res.headers()[SET_COOKIE].to_str().unwrap().to_string();
        assert!(set.starts_with("session=") && set.contains("HttpOnly") && set.contains("SameSite=Lax"), "{set}");
        let cookie = set.split(';').next().unwrap().to_string();

        let account = |cookie: String| {
            let req = s.client.get(format!("{}{}", s.base, app::path::ACCOUNT)).header(COOKIE, cookie);
            async move {
                let res = req.send().await.unwrap();
                (res.status(), res.text().await.unwrap())
            }
        };
        let (status, html) = account(cookie.clone()).await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("Mette Hansen") && html.contains("Borger (jobsøgende)") && html.contains("København"));

        let out = s
            .client
            .post(format!("{}{}", s.base, app::path::SIGN_OUT))
            .header(COOKIE, cookie.clone())
            .header("origin", s.base.clone())
            .form(&[("x", "")])
            .send()
            .await
            .unwrap();
        assert_eq!(out.status(), StatusCode::SEE_OTHER);
        assert!(out.headers()[SET_COOKIE].to_str().unwrap().contains("Max-Age=0"), "the cookie is removed");
        let (status, _) = account(cookie).await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{}: the session has ended on the server too", t.label);
        s.stop().await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn signing_up_checks_every_field_and_seals_the_cpr_number() {
    for t in databases("http_signup").await {
        let s = start_demo(&t).await;
        let jobseeker_url = format!("{}{}", s.base, app::path::JOBSEEKER_SIGN_UP);
        let employer_url = format!("{}{}", s.base, app::path::EMPLOYER_SIGN_UP);
        let citizen = |email: &str, cpr: &str, password: &str| {
            vec![
                ("name", "Jonas Møller".to_string()),
                ("email", email.to_string()),
                ("phone", "20304050".to_string()),
                ("postcode", "8000".to_string()),
                ("municipality", "751".to_string()),
                ("cpr", cpr.to_string()),
                ("password", password.to_string()),
            ]
        };

        // Bad CPR date, weak password and an e-mail already in use, each at its field.
        let res = s.client.post(&jobseeker_url).form(&citizen("borger@demo.example", "310290-1234", "Sommer2026")).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{}", t.label);
        let html = res.text().await.unwrap();
        assert!(html.contains("De første 6 cifre i CPR-nummeret skal være din fødselsdato"), "{}", t.label);
        assert!(html.contains("Adgangskoden er for almindelig"));
        assert!(html.contains(r#"aria-describedby="field-cpr-hint field-cpr-error""#), "the CPR error is tied to its field");
        assert!(!html.contains("310290"), "the CPR number is never sent back");
        assert!(html.contains(r#"value="Jonas Møller""#), "the rest is kept");
        let res = s
            .client
            .post(&jobseeker_url)
            .form(&citizen("borger@demo.example", "120588-1234", "tre glade kokke paa tur"))
            .send()
            .await
            .unwrap();
        assert!(res.text().await.unwrap().contains("Der findes allerede en bruger med denne e-mailadresse."));

        // Accepted: signed in at once, CPR stored sealed and masked.
        let res = s
            .client
            .post(&jobseeker_url)
            .form(&citizen("jonas@mail.example", "120588-1234", "tre glade kokke paa tur"))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "{}", t.label);
        assert_eq!(res.headers()[LOCATION], app::path::OVERVIEW);
        assert!(res.headers()[SET_COOKIE].to_str().unwrap().starts_with("session="));
        let row = s.state.db.user_by_email("jonas@mail.example").await.unwrap().unwrap();
        assert_eq!(row.municipality_code, Some(751));
        let sealed: (Option<String>, Option<String>) = match &t.db {
            app::ssr::db::Db::Sqlite(p) => {
                sqlx::query_as("SELECT cpr_sealed, cpr_masked FROM users WHERE id = $1").bind(row.id).fetch_one(p).await.unwrap()
            }
            app::ssr::db::Db::Postgres(p) => {
                sqlx::query_as("SELECT cpr_sealed, cpr_masked FROM users WHERE id = $1").bind(row.id).fetch_one(p).await.unwrap()
            }
        };
        assert_eq!(sealed.1.as_deref(), Some("120588-XXXX"));
        let sealed = sealed.0.unwrap();
        assert!(!sealed.contains("1205881234"), "{}: not readable from a dump", t.label);
        assert_eq!(s.state.sealer.open(&sealed).unwrap(), "1205881234");

        // Employers: a CVR number that fails modulus 11 is refused at its field.
        let employer = |cvr: &'static str| {
            vec![
                ("company", "Ærø Bådebyggeri ApS"),
                ("cvr", cvr),
                ("name", "Ida Lund"),
                ("email", "ida@baad.example"),
                ("phone", ""),
                ("password", "tre glade kokke paa tur"),
            ]
        };
        let res = s.client.post(&employer_url).form(&employer("13748137")).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = res.text().await.unwrap();
        assert!(html.contains("CVR-nummeret findes ikke. Tjek, at alle cifre er rigtige."), "{}", t.label);
        assert!(html.contains(r#"value="Ærø Bådebyggeri ApS""#));
        let res = s.client.post(&employer_url).form(&employer("13748136")).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "{}", t.label);
        s.stop().await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn an_administrator_creates_a_caseworker_who_can_then_sign_in() {
    for t in databases("http_admin").await {
        let s = start_demo(&t).await;
        let cookie = s.sign_in("admin@demo.example").await;
        let url = format!("{}{}", s.base, app::path::USERS);
        let staff = |municipality: &'static str| {
            vec![
                ("role", "caseworker"),
                ("name", "Lone Iversen"),
                ("email", "lone@odense.example"),
                ("municipality", municipality),
                ("password", "ny medarbejder paa kontoret"),
            ]
        };
        let res = s.client.post(&url).header(COOKIE, &cookie).header("origin", s.base.clone()).form(&staff("")).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{}", t.label);
        assert!(res.text().await.unwrap().contains("Vælg en kommune."), "a caseworker needs a municipality");
        let res = s.client.post(&url).header(COOKIE, &cookie).header("origin", s.base.clone()).form(&staff("461")).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "{}", t.label);
        let form = [("email", "lone@odense.example"), ("password", "ny medarbejder paa kontoret")];
        let res = s.client.post(format!("{}{}", s.base, app::path::SIGN_IN)).form(&form).send().await.unwrap();
        assert_eq!(res.headers()[LOCATION], app::path::QUEUE, "{}: a caseworker starts at the work queue", t.label);
        let row = s.state.db.user_by_email("lone@odense.example").await.unwrap().unwrap();
        assert_eq!((row.role.as_str(), row.municipality_code), ("caseworker", Some(461)));
        s.stop().await;
    }
}
