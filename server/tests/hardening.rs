//! The hardening findings, each tried as an attacker would over real HTTP, on
//! SQLite and PostgreSQL: a crafted search, a title that writes markup, a CVR number
//! used to join a company, staff reads without audit, parallel guesses and sign-ups,
//! quotas beaten by parallel requests, and the headers and cookies of every answer.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failed unwrap is a failed test

mod common;

use common::{start, start_demo};
use reqwest::header::{CACHE_CONTROL, COOKIE, LOCATION, SET_COOKIE};
use reqwest::StatusCode;
use testing::databases;

/// A server function's form body, as the browser's client sends it.
async fn call(s: &common::Running, endpoint: &str, cookie: Option<&str>, body: String) -> (StatusCode, String) {
    let mut req =
        s.client.post(format!("{}/api/{endpoint}", s.base)).header("content-type", "application/x-www-form-urlencoded").body(body);
    if let Some(c) = cookie {
        req = req.header(COOKIE, c).header("origin", s.base.clone());
    }
    let res = req.send().await.unwrap();
    (res.status(), res.text().await.unwrap())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_crafted_search_neither_aborts_panics_nor_runs_unbounded() {
    for t in databases("hard_search").await {
        let s = start(&t).await;
        s.wait_ready().await;
        // The page number, days and filters of the old structured argument are no
        // longer read at all; the address is, through its one bounding constructor.
        let (status, _) = call(&s, "job/search", None, "query%5Bpage%5D=200000000&query%5Bwithin_days%5D=4294967295".into()).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{}: the structure is refused as malformed", t.label);
        let address = "side=200000000&nye=4294967295&km=4294967295&kommune=101&kommune=99999999";
        let body = serde_urlencoded::to_string([("address", address)]).unwrap();
        let (status, json) = call(&s, "job/search", None, body).await;
        assert_eq!(status, StatusCode::OK, "{}: {json}", t.label);
        let results: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(results["page"], app::search::types::MAX_PAGE, "the page is bounded");
        // Thousands of words: only the first few are searched, and quickly.
        let words: Vec<String> = (0..4_000).map(|i| format!("ord{i}")).collect();
        let body = serde_urlencoded::to_string([("address", format!("q={}", words.join("+")))]).unwrap();
        assert!(body.len() > 30_000);
        let (status, _) = call(&s, "job/search", None, body).await;
        assert_eq!(status, StatusCode::OK, "{}", t.label);
        // A body over the limit is refused before anything reads it.
        let (status, _) = call(&s, "job/search", None, format!("address={}", "q".repeat(2 * 1024 * 1024))).await;
        assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{}", t.label);
        // Every form and server function: no field over 50,000 characters, no more
        // than 500 fields, refused before any handler reads them.
        let (status, _) = call(&s, "job/search", None, format!("address={}", "q".repeat(60_000))).await;
        assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{}", t.label);
        let many = "name=x&".repeat(600);
        let res = s
            .client
            .post(format!("{}{}", s.base, app::path::JOBSEEKER_SIGN_UP))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(many)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::PAYLOAD_TOO_LARGE, "{}", t.label);
        assert!(res.text().await.unwrap().contains("Det, du sendte, er for stort"));
        // The page route with the same junk.
        let (status, _) = s.get("/job?side=200000000&nye=4294967295&km=-1&sorter=afstand").await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(s.get("/healthz").await.0, StatusCode::OK, "{}: still up", t.label);
        s.stop().await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn titles_are_escaped_reflected_and_stored() {
    let attack = r#"</title><meta http-equiv="refresh" content="0;url=https://evil.example/">"#;
    for t in databases("hard_title").await {
        let s = start_demo(&t).await;
        s.wait_ready().await;
        let (_, html) = s.get(&format!("/job?{}", serde_urlencoded::to_string([("q", attack)]).unwrap())).await;
        assert!(!html.contains(r#"<meta http-equiv="refresh""#), "{}: reflected markup in the page", t.label);
        assert!(html.contains("&lt;/title&gt;&lt;meta"), "{}: shown as text", t.label);
        // Stored: a vacancy titled with markup.
        let cookie = s.sign_in("arbejdsgiver@demo.example").await;
        let form = [
            ("title", attack.to_string()),
            ("employer_name", "Marstal Havn".into()),
            ("description", "Vi søger en havnearbejder til fortøjning og vedligehold af kajen.".into()),
            ("postcode", "5960".into()),
            ("city", "Marstal".into()),
            ("weekly_hours", "37".into()),
            ("deadline", (s.state.clock.today() + chrono::Duration::days(20)).format("%d-%m-%Y").to_string()),
            ("how_to_apply", "job@havn.example".into()),
            ("employment_type", "fast".into()),
        ];
        let res = s
            .client
            .post(format!("{}{}", s.base, app::path::NEW_VACANCY))
            .header(COOKIE, &cookie)
            .header("origin", s.base.clone())
            .form(&form)
            .send()
            .await
            .unwrap();
        if res.status() == StatusCode::SEE_OTHER {
            let location = res.headers()[LOCATION].to_str().unwrap().to_string();
            let (_, html) = s.get(&location).await;
            assert!(!html.contains(r#"<meta http-equiv="refresh""#), "{}: stored markup in the page", t.label);
        } else {
            // Refused outright is as good, as long as nothing was stored.
            assert_eq!(s.state.db.count_open_vacancies().await.unwrap(), 0);
        }
        s.stop().await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_public_cvr_number_asks_to_join_and_the_company_decides() {
    for t in databases("hard_company").await {
        let s = start_demo(&t).await;
        s.wait_ready().await;
        // Someone signs up with Marstal Havn's public CVR number.
        let form = [
            ("company", "Falsk Havn"),
            ("cvr", "13748136"),
            ("name", "Mallory"),
            ("email", "mallory@evil.example"),
            ("phone", ""),
            ("password", "en lang og god adgangskode"),
        ];
        let res = s.client.post(format!("{}{}", s.base, app::path::EMPLOYER_SIGN_UP)).form(&form).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "{}", t.label);
        let mallory = res.headers()[SET_COOKIE].to_str().unwrap().split(';').next().unwrap().to_string();
        // They wait: no vacancies of the company, no posting as it.
        let (status, _) = call(&s, "employer/vacancies", Some(&mallory), String::new()).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{}", t.label);
        let home = s.page("/arbejdsgiver", &mallory).await;
        assert!(home.contains("Virksomhedens administrator skal godkende dig"), "{}", t.label);
        let company = s.page("/arbejdsgiver/virksomhed", &mallory).await;
        assert!(company.contains("Marstal Havn ApS"), "{}: the name registered first stays", t.label);
        assert!(!company.contains("arbejdsgiver@demo.example"), "a waiting user sees no one else");

        // The company's administrator sees them waiting and approves them.
        let owner = s.sign_in("arbejdsgiver@demo.example").await;
        let html = s.page("/arbejdsgiver/virksomhed", &owner).await;
        assert!(html.contains("mallory@evil.example") && html.contains("Venter på godkendelse"), "{}", t.label);
        let mallory_id = s.state.db.user_by_email("mallory@evil.example").await.unwrap().unwrap().id;
        // Mallory cannot approve themselves.
        let res =
            s.post_form("/arbejdsgiver/virksomhed", &mallory, &[("action", "approve"), ("id", mallory_id.to_string().as_str())]).await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "{}", t.label);
        let res = s.post_form("/arbejdsgiver/virksomhed", &owner, &[("action", "approve"), ("id", mallory_id.to_string().as_str())]).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "{}", t.label);
        let (status, _) = call(&s, "employer/vacancies", Some(&mallory), String::new()).await;
        assert_eq!(status, StatusCode::OK, "{}: approved, they act for the company", t.label);

        // Recovery: an administrator of Jobunivers moves the administration, with a reason.
        let admin = s.sign_in("admin@demo.example").await;
        let page = s.page("/admin/virksomheder?cvr=13748136", &admin).await;
        assert!(page.contains("mallory@evil.example") && page.contains("arbejdsgiver@demo.example"), "{}", t.label);
        let post = |reason: &str| {
            s.client
                .post(format!("{}/admin/virksomheder?cvr=13748136", s.base))
                .header(COOKIE, &admin)
                .header("origin", s.base.clone())
                .form(&[("cvr", "13748136".to_string()), ("id", mallory_id.to_string()), ("reason", reason.to_string())])
                .send()
        };
        let res = post("ok").await.unwrap();
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{}: a reason is required", t.label);
        assert!(res.text().await.unwrap().contains("Skriv kort, hvordan du har kontrolleret"));
        let res = post("Ringede til virksomheden via CVR-registret").await.unwrap();
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "{}", t.label);
        let log = s.page("/admin/sikkerhed", &admin).await;
        assert!(log.contains("Virksomhedens administration flyttet") && log.contains("Ringede til virksomheden"), "{}", t.label);
        let row = s.state.db.user_by_email("mallory@evil.example").await.unwrap().unwrap();
        assert_eq!(row.company_role.as_deref(), Some("admin"));
        s.stop().await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn staff_lists_are_audited_without_health_and_refusals_are_logged() {
    for t in databases("hard_audit").await {
        let s = start_demo(&t).await;
        server::demo::citizens::seed(&t.db, &s.state.clock).await.unwrap();
        let caseworker = s.sign_in("jobkonsulent.kbh@demo.example").await;
        let res = s.client.get(format!("{}/jobcenter", s.base)).header(COOKIE, &caseworker).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(res.headers()[CACHE_CONTROL], "no-store", "a personal page is never stored");
        let html = res.text().await.unwrap();
        assert!(!html.contains("helbredet begrænser meget"), "{}: health stays out of lists", t.label);
        // Every citizen named in the list has an audit row, seen by the citizen.
        let queue = app::ssr::services::caseworker::cases::queue(
            &s.state,
            &s.state.db.user_by_email("jobkonsulent.kbh@demo.example").await.unwrap().unwrap().to_user().unwrap(),
            Default::default(),
            s.state.clock.today(),
        )
        .await
        .unwrap();
        assert!(!queue.items.is_empty());
        for item in &queue.items {
            let rows = s.state.db.audit_for_citizen(item.citizen_id, 50).await.unwrap();
            assert!(rows.iter().any(|r| r.what.starts_with("arbejdskø")), "{}: citizen {} listed without audit", t.label, item.citizen_id);
        }
        // Taking a task is audited as a change.
        let first = &queue.items[0];
        let res = s.post_form("/jobcenter", &caseworker, &[("action", "claim"), ("id", &first.id.to_string())]).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "{}", t.label);
        let rows = s.state.db.audit_for_citizen(first.citizen_id, 50).await.unwrap();
        assert!(rows.iter().any(|r| r.action == "change" && r.what == "opgave taget"), "{}", t.label);

        // A jobseeker trying the queue is refused, and the attempt is in the security log.
        let citizen = s.sign_in("borger@demo.example").await;
        let res = s.client.get(format!("{}/jobcenter", s.base)).header(COOKIE, &citizen).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::FORBIDDEN);
        assert_eq!(res.headers()["x-frame-options"], "DENY", "refusals carry the security headers");
        assert_eq!(res.headers()[CACHE_CONTROL], "no-store");
        let admin = s.sign_in("admin@demo.example").await;
        let mut logged = false;
        for _ in 0..100 {
            let log = s.page("/admin/sikkerhed", &admin).await;
            if log.contains("Ingen adgang (forkert rolle)") && log.contains("GET /jobcenter") && log.contains("borger@demo.example") {
                logged = true;
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
        assert!(logged, "{}: the refusal is in the security log", t.label);
        s.stop().await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn parallel_guesses_and_sign_ups_are_throttled_and_the_owner_is_not_locked_out() {
    for t in databases("hard_throttle").await {
        let s = start_demo(&t).await;
        let url = format!("{}{}", s.base, app::path::SIGN_IN);
        // 40 guesses at once from one address: 5 are checked, the rest paused unchecked.
        let mut tasks = tokio::task::JoinSet::new();
        for i in 0..40 {
            let (client, url) = (s.client.clone(), url.clone());
            tasks.spawn(async move {
                let form = [("email", "borger@demo.example".to_string()), ("password", format!("forkert gæt nummer {i}"))];
                client.post(&url).header("x-forwarded-for", "203.0.113.66").form(&form).send().await.unwrap().status()
            });
        }
        let statuses = tasks.join_all().await;
        let checked = statuses.iter().filter(|s| **s == StatusCode::UNPROCESSABLE_ENTITY).count();
        let paused = statuses.iter().filter(|s| **s == StatusCode::TOO_MANY_REQUESTS).count();
        assert_eq!(checked + paused, 40, "{}: {statuses:?}", t.label);
        assert_eq!(checked, 5, "{}: {statuses:?}", t.label);
        // The owner, from another address, signs in as usual.
        let right = [("email", "borger@demo.example"), ("password", server::demo::DEMO_PASSWORD)];
        let res = s.client.post(&url).header("x-forwarded-for", "198.51.100.7").form(&right).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "{}: a stranger cannot lock the owner out", t.label);

        // Sign-ups from one address: 20 an hour, the rest refused plainly.
        let mut tasks = tokio::task::JoinSet::new();
        for i in 0..24 {
            let client = s.client.clone();
            let url = format!("{}{}", s.base, app::path::JOBSEEKER_SIGN_UP);
            tasks.spawn(async move {
                let form = [
                    ("name", "Ny Borger".to_string()),
                    ("email", format!("ny{i}@mail.example")),
                    ("phone", String::new()),
                    ("postcode", "8000".into()),
                    ("municipality", "751".into()),
                    ("cpr", "120588-1234".into()),
                    ("password", "tre glade kokke paa tur".into()),
                ];
                client.post(&url).header("x-forwarded-for", "203.0.113.9").form(&form).send().await.unwrap().status()
            });
        }
        let statuses = tasks.join_all().await;
        let created = statuses.iter().filter(|s| **s == StatusCode::SEE_OTHER).count();
        assert_eq!(created, app::domain::limits::SIGN_UPS_PER_ADDRESS.count as usize, "{}: {statuses:?}", t.label);
        assert!(statuses.iter().all(|s| *s == StatusCode::SEE_OTHER || *s == StatusCode::TOO_MANY_REQUESTS));
        s.stop().await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn quotas_hold_when_requests_arrive_at_once() {
    for t in databases("hard_quota").await {
        let s = start_demo(&t).await;
        s.wait_ready().await;
        let cookie = s.sign_in("borger@demo.example").await;
        // 30 job agents at once: the cap of 20 holds.
        let mut tasks = tokio::task::JoinSet::new();
        for i in 0..30 {
            let (client, base, cookie) = (s.client.clone(), s.base.clone(), cookie.clone());
            tasks.spawn(async move {
                let form = [("action", "create".to_string()), ("name", format!("Agent {i}")), ("query", format!("q=kok{i}"))];
                client
                    .post(format!("{base}/min-side/jobagenter"))
                    .header(COOKIE, cookie)
                    .header("origin", base.clone())
                    .form(&form)
                    .send()
                    .await
                    .unwrap()
                    .status()
            });
        }
        tasks.join_all().await;
        let me = s.state.db.user_by_email("borger@demo.example").await.unwrap().unwrap();
        assert_eq!(s.state.db.agents_of(me.id).await.unwrap().len(), app::domain::agents::MAX_AGENTS, "{}", t.label);

        // Messages to the jobcentre: 50 a day, then a Danish message at the field, text kept.
        for i in 0..app::domain::limits::MESSAGES_PER_JOBSEEKER.count {
            let user = me.to_user().unwrap();
            app::ssr::services::jobseeker::contact::send(&s.state, &user, &format!("Besked nummer {i}")).await.unwrap();
        }
        let res = s.post_form("/min-side/jobcenter", &cookie, &[("action", "send"), ("body", "Endnu en besked til jer")]).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{}", t.label);
        let html = res.text().await.unwrap();
        assert!(html.contains("Du har sendt mange beskeder i dag"), "{}", t.label);
        assert!(html.contains("Endnu en besked til jer"), "what was typed is kept");

        // Joblog entries and stored bytes, checked under a lock on the person: of
        // many at once, exactly the quota is stored.
        use app::ssr::db::Quota;
        let entry = app::domain::joblog::validate(
            &app::domain::joblog::JoblogForm {
                kind: "ansoegning".into(),
                date: s.state.clock.today().to_string(),
                employer: "Netto".into(),
                job_title: "Kasse".into(),
                channel: "email".into(),
                status: "sendt".into(),
                ..Default::default()
            },
            s.state.clock.today(),
        )
        .unwrap();
        let have = s.state.db.entries(me.id).await.unwrap().len() as u32;
        let mut tasks = tokio::task::JoinSet::new();
        for _ in 0..12 {
            let (db, entry, now) = (s.state.db.clone(), entry.clone(), s.state.clock.now());
            tasks.spawn(async move { db.insert_entry(me.id, &entry, now, have + 5).await.unwrap() });
        }
        let stored = tasks.join_all().await.into_iter().filter(|q| matches!(q, Quota::Stored(_))).count();
        assert_eq!(stored, 5, "{}", t.label);
        let ids: Vec<i64> = s.state.db.entries(me.id).await.unwrap().iter().map(|e| e.id).take(6).collect();
        let mut tasks = tokio::task::JoinSet::new();
        for id in ids {
            let db = s.state.db.clone();
            tasks.spawn(async move { db.put_attachment(me.id, id, "cv.pdf", "application/pdf", &[b'x'; 1000], 3000).await.unwrap() });
        }
        let stored = tasks.join_all().await.into_iter().filter(|q| *q == Quota::Stored(())).count();
        assert_eq!(stored, 3, "{}: 3 files of 1000 bytes fit in 3000", t.label);
        s.stop().await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn headers_cookies_and_writes_without_origin() {
    for t in databases("hard_headers").await {
        let s = start_demo(&t).await;
        // Behind TLS: the cookie is __Host-session and Secure, and HSTS is sent.
        let form = [("email", "borger@demo.example"), ("password", server::demo::DEMO_PASSWORD)];
        let res = s
            .client
            .post(format!("{}{}", s.base, app::path::SIGN_IN))
            .header("x-forwarded-proto", "https")
            .form(&form)
            .send()
            .await
            .unwrap();
        let set = res.headers()[SET_COOKIE].to_str().unwrap().to_string();
        assert!(set.starts_with("__Host-session=") && set.contains("Secure") && set.contains("Path=/") && !set.contains("Domain"), "{set}");
        assert!(res.headers()["strict-transport-security"].to_str().unwrap().contains("max-age="), "{}", t.label);
        assert_eq!(res.headers()[CACHE_CONTROL], "no-store");
        let tls_cookie = set.split(';').next().unwrap().to_string();
        let res = s
            .client
            .get(format!("{}/min-side", s.base))
            .header("x-forwarded-proto", "https")
            .header(COOKIE, &tls_cookie)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK, "{}: the __Host- cookie is read over TLS", t.label);
        // A plain `session` cookie is not accepted over TLS (it could be planted).
        let token = tls_cookie.split_once('=').unwrap().1;
        let res = s
            .client
            .get(format!("{}/min-side", s.base))
            .header("x-forwarded-proto", "https")
            .header(COOKIE, format!("session={token}"))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "{}", t.label);
        assert_eq!(res.headers()["x-content-type-options"], "nosniff", "redirects carry the security headers");

        // A write with a session cookie but neither Origin nor Sec-Fetch-Site is refused.
        let cookie = s.sign_in("borger@demo.example").await;
        let res = s
            .client
            .post(format!("{}/min-side/jobagenter", s.base))
            .header(COOKIE, &cookie)
            .form(&[("action", "create"), ("name", "x"), ("query", "q=kok")])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "{}", t.label);
        // Server functions are never stored either.
        let (status, _) = call(&s, "jobseeker/agents", Some(&cookie), String::new()).await;
        assert_eq!(status, StatusCode::OK);
        let res = s
            .client
            .post(format!("{}/api/jobseeker/agents", s.base))
            .header(COOKIE, &cookie)
            .header("origin", s.base.clone())
            .send()
            .await
            .unwrap();
        assert_eq!(res.headers()[CACHE_CONTROL], "no-store", "{}", t.label);
        s.stop().await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn staff_change_passwords_and_are_switched_off_at_once() {
    for t in databases("hard_staff").await {
        let s = start_demo(&t).await;
        let caseworker = s.sign_in("jobkonsulent.aarhus@demo.example").await;
        let other_session = s.sign_in("jobkonsulent.aarhus@demo.example").await;
        let konto = format!("{}{}", s.base, app::path::ACCOUNT);
        let res = s
            .client
            .post(&konto)
            .header(COOKIE, &caseworker)
            .header("origin", s.base.clone())
            .form(&[("current", "forkert kode her"), ("new", "en helt ny og lang kode")])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{}", t.label);
        assert!(res.text().await.unwrap().contains("Den nuværende adgangskode er forkert."));
        let res = s
            .client
            .post(&konto)
            .header(COOKIE, &caseworker)
            .header("origin", s.base.clone())
            .form(&[("current", server::demo::DEMO_PASSWORD), ("new", "en helt ny og lang kode")])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "{}", t.label);
        let status = |cookie: String| {
            let req = s.client.get(format!("{}/jobcenter", s.base)).header(COOKIE, cookie);
            async move { req.send().await.unwrap().status() }
        };
        assert_eq!(status(caseworker.clone()).await, StatusCode::OK, "this session goes on");
        assert_eq!(status(other_session).await, StatusCode::SEE_OTHER, "{}: other sessions end", t.label);

        // An administrator switches the caseworker off: signed out at once, and no sign-in.
        let admin = s.sign_in("admin@demo.example").await;
        let id = s.state.db.user_by_email("jobkonsulent.aarhus@demo.example").await.unwrap().unwrap().id;
        let res = s.post_form("/admin/medarbejdere", &admin, &[("action", "deactivate"), ("id", id.to_string().as_str())]).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "{}", t.label);
        assert_eq!(status(caseworker).await, StatusCode::SEE_OTHER, "{}", t.label);
        let form = [("email", "jobkonsulent.aarhus@demo.example"), ("password", "en helt ny og lang kode")];
        let res = s.client.post(format!("{}{}", s.base, app::path::SIGN_IN)).form(&form).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{}", t.label);
        s.stop().await;
    }
}

/// The text of the first `<code class="second-factor-key">` or all recovery codes on a page.
fn codes_in(page: &str, start: &str) -> Vec<String> {
    page.split(start).skip(1).filter_map(|rest| rest.split('<').next()).map(|c| c.replace('-', "")).collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn staff_sign_in_with_a_second_factor() {
    use app::ssr::services::second_factor::code_at;
    let key = server::demo::DEMO_TOTP_KEY;
    let password = |email: &'static str| [("email", email), ("password", server::demo::DEMO_PASSWORD)];
    for t in databases("hard_totp").await {
        let s = start_demo(&t).await;
        let now = || u64::try_from(s.state.clock.now().timestamp()).unwrap();
        let get = |path: &str, cookie: &str| {
            let req = s.client.get(format!("{}{path}", s.base)).header(COOKIE, cookie.to_string());
            async move { req.send().await.unwrap() }
        };
        let sign_in = |email: &'static str| {
            let req = s.client.post(format!("{}{}", s.base, app::path::SIGN_IN)).form(&password(email));
            async move {
                let res = req.send().await.unwrap();
                assert_eq!(res.status(), StatusCode::SEE_OTHER);
                let to = res.headers()[LOCATION].to_str().unwrap().to_string();
                (res.headers()[SET_COOKIE].to_str().unwrap().split(';').next().unwrap().to_string(), to)
            }
        };

        // The right password alone signs no one in: it leads to the code step.
        let (waiting, to) = sign_in("jobkonsulent.kbh@demo.example").await;
        assert!(to.starts_with(app::path::CODE), "{}: {to}", t.label);
        assert_eq!(get("/jobcenter", &waiting).await.status(), StatusCode::SEE_OTHER, "{}", t.label);
        assert_eq!(call(&s, "caseworker/queue", Some(&waiting), String::new()).await.0, StatusCode::UNAUTHORIZED);
        // A wrong code, a code of the wrong shape, and nothing: each tied to the field.
        let near: Vec<String> = (0..3).map(|i| code_at(key, now() - 30 + 30 * i).unwrap()).collect();
        let wrong = (0..1000).map(|i| format!("{i:06}")).find(|c| !near.contains(c)).unwrap();
        let res = s.post_form(app::path::CODE, &waiting, &[("kode", &wrong)]).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{}", t.label);
        assert!(res.text().await.unwrap().contains("Koden er forkert eller for gammel"));
        let res = s.post_form(app::path::CODE, &waiting, &[("kode", "12a")]).await;
        assert!(res.text().await.unwrap().contains("Skriv de 6 cifre"));
        // The right code: a new session (the waiting token is worth nothing after).
        let full = s.second_factor(&waiting, key).await;
        assert_ne!(full, waiting);
        assert_eq!(get("/jobcenter", &full).await.status(), StatusCode::OK, "{}", t.label);
        assert_eq!(get("/jobcenter", &waiting).await.status(), StatusCode::SEE_OTHER, "{}", t.label);

        // A code is accepted once: the same code again is refused as used.
        let next = code_at(key, now() + 30).unwrap();
        let (waiting, _) = sign_in("jobkonsulent.aarhus@demo.example").await;
        assert_eq!(s.post_form(app::path::CODE, &waiting, &[("kode", &next)]).await.status(), StatusCode::SEE_OTHER, "{}", t.label);
        let (waiting, _) = sign_in("jobkonsulent.aarhus@demo.example").await;
        let res = s.post_form(app::path::CODE, &waiting, &[("kode", &next)]).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{}", t.label);
        assert!(res.text().await.unwrap().contains("Koden er allerede brugt"), "{}", t.label);

        // Guessing is counted per person: after five wrong codes even the right one waits.
        let (waiting, _) = sign_in("jobkonsulent.kbh@demo.example").await;
        for _ in 0..5 {
            let res = s.post_form(app::path::CODE, &waiting, &[("kode", &wrong)]).await;
            assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{}", t.label);
        }
        let res = s.post_form(app::path::CODE, &waiting, &[("kode", &code_at(key, now() + 30).unwrap())]).await;
        assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS, "{}", t.label);

        // Of two requests with the same right code at once, one gets through.
        let (a, _) = sign_in("admin@demo.example").await;
        let (b, _) = sign_in("admin@demo.example").await;
        // (The current step, so that the administrator's sign-in below can use the next.)
        let code = code_at(key, now()).unwrap();
        let form = [("kode", code.as_str())];
        let (ra, rb) = tokio::join!(s.post_form(app::path::CODE, &a, &form), s.post_form(app::path::CODE, &b, &form));
        let through = [ra.status(), rb.status()].iter().filter(|st| **st == StatusCode::SEE_OTHER).count();
        assert_eq!(through, 1, "{}", t.label);

        // A new caseworker has no second factor: signed in, but sent to set it up
        // before anything else, and refused by the server functions.
        let new_id = testing::Account::caseworker("ny.jobkonsulent@kk.dk", 101)
            .name("Nina Ny")
            .password(server::demo::DEMO_PASSWORD)
            .create(&s.state)
            .await
            .id;
        let (cookie, to) = sign_in("ny.jobkonsulent@kk.dk").await;
        assert_eq!(to, "/jobcenter", "{}", t.label);
        let res = get("/jobcenter", &cookie).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        assert_eq!(res.headers()[LOCATION], format!("{}?neste=%2Fjobcenter", app::path::SET_UP), "{}", t.label);
        assert_eq!(call(&s, "caseworker/queue", Some(&cookie), String::new()).await.0, StatusCode::FORBIDDEN);
        let page = get(app::path::SET_UP, &cookie).await.text().await.unwrap();
        let new_key = codes_in(&page, r#"<code class="second-factor-key">"#).remove(0);
        assert_eq!(new_key.len(), 32, "{}: 160 bits", t.label);
        assert!(page.contains("<svg"), "the QR code");
        assert!(page.contains("otpauth://totp/Jobunivers:ny.jobkonsulent%40kk.dk?"), "{}", t.label);
        let again = get(app::path::SET_UP, &cookie).await.text().await.unwrap();
        assert_eq!(codes_in(&again, r#"<code class="second-factor-key">"#)[0], new_key, "a reload shows the same key");
        let res = s.post_form(app::path::SET_UP, &cookie, &[("action", "confirm"), ("kode", &wrong), ("neste", "/jobcenter")]).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{}", t.label);
        let res = s
            .post_form(
                app::path::SET_UP,
                &cookie,
                &[("action", "confirm"), ("kode", &code_at(&new_key, now()).unwrap()), ("neste", "/jobcenter")],
            )
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "{}", t.label);
        let page = get(app::path::SET_UP, &cookie).await.text().await.unwrap();
        let recovery = codes_in(&page, "<li><code>");
        assert_eq!(recovery.len(), 10, "{}", t.label);
        let res = s.post_form(app::path::SET_UP, &cookie, &[("action", "kept"), ("neste", "/jobcenter")]).await;
        assert_eq!(res.headers()[LOCATION], "/jobcenter");
        assert_eq!(get("/jobcenter", &cookie).await.status(), StatusCode::OK, "{}", t.label);
        assert!(
            !get(app::path::SET_UP, &cookie).await.text().await.unwrap().contains(&recovery[0][..8]),
            "shown until kept, then never again"
        );

        // A recovery code signs in once.
        let (waiting, _) = sign_in("ny.jobkonsulent@kk.dk").await;
        let res = s.post_form(app::path::CODE, &waiting, &[("kode", &recovery[3].to_lowercase())]).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "{}", t.label);
        let (waiting, _) = sign_in("ny.jobkonsulent@kk.dk").await;
        let res = s.post_form(app::path::CODE, &waiting, &[("kode", &recovery[3])]).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{}", t.label);
        assert_eq!(s.state.db.recovery_codes_left(new_id).await.unwrap(), 9);

        // Lost phone: an administrator resets the factor; the person's sessions end
        // and they set up a new one at their next sign-in. Both are in the security log.
        let admin = s.sign_in("admin@demo.example").await;
        let res = s.post_form("/admin/medarbejdere", &admin, &[("action", "reset-second-factor"), ("id", &new_id.to_string())]).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "{}", t.label);
        assert_eq!(get("/jobcenter", &cookie).await.status(), StatusCode::SEE_OTHER, "{}", t.label);
        let (cookie, _) = sign_in("ny.jobkonsulent@kk.dk").await;
        assert!(get("/jobcenter", &cookie).await.headers()[LOCATION].to_str().unwrap().starts_with(app::path::SET_UP));
        let log = get("/admin/sikkerhed", &admin).await.text().await.unwrap();
        for kind in ["Totrinsbekræftelse sat op", "Gendannelseskode brugt", "Totrinsbekræftelse nulstillet", "Koder sat på pause"] {
            assert!(log.contains(kind), "{}: {kind}", t.label);
        }
        s.stop().await;
    }
}
