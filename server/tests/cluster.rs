//! Server processes as an operator runs them, started from the built binary: a node
//! killed with SIGKILL while it takes writes has lost nothing it acknowledged, in
//! the database and, after the restart, in every node's index (PostgreSQL with two
//! nodes, SQLite with one).
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failed unwrap is a failed test

use app::ssr::db::Backend;
use reqwest::header::{LOCATION, SET_COOKIE};
use reqwest::StatusCode;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use testing::{databases, TestDb};

const TOKEN: &str = "cluster-test-token";
/// The cluster's key (PostgreSQL nodes must share one).
const KEY: &str = "5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a";

/// One `jobunivers serve` process on its own port and data folder (its own index).
struct Node {
    name: &'static str,
    child: Option<std::process::Child>,
    data: PathBuf,
    client: Client,
}

/// What a browser or a scraper does, against one node's address.
#[derive(Clone)]
struct Client {
    base: String,
    http: reqwest::Client,
}

impl Node {
    /// Starts the node and waits until it answers ready. The first node on an empty
    /// database makes the demo accounts.
    async fn start(t: &TestDb, name: &'static str) -> Node {
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let data = t.dir().join(name);
        std::fs::create_dir_all(&data).unwrap();
        let log = std::fs::OpenOptions::new().create(true).append(true).open(data.join("server.log")).unwrap();
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_jobunivers"));
        command
            .args(["serve", "--seed-demo-if-empty", "--demo-count", "5"])
            .env("JOBUNIVERS_ADDR", format!("127.0.0.1:{port}"))
            .env("JOBUNIVERS_DATA_DIR", &data)
            .env("DATABASE_URL", t.url())
            .env("JOBUNIVERS_SITE_ROOT", t.dir().join("site"))
            .env("JOBUNIVERS_METRICS_TOKEN", TOKEN)
            .env("JOBUNIVERS_LOG", "warn")
            .stdout(log.try_clone().unwrap())
            .stderr(log);
        if t.backend() == Backend::Postgres {
            command.env("JOBUNIVERS_SECRET_KEY", KEY);
        }
        let child = command.spawn().unwrap();
        let http = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).timeout(Duration::from_secs(30)).build().unwrap();
        let client = Client { base: format!("http://127.0.0.1:{port}"), http };
        let node = Node { name, child: Some(child), data, client };
        let c = &node.client;
        node.wait_for(|| async { c.http.get(format!("{}/readyz", c.base)).send().await.is_ok_and(|r| r.status().is_success()) }).await;
        node
    }

    /// Waits up to two minutes for `ready`, failing the test with the node's log.
    async fn wait_for<F, Fut>(&self, ready: F)
    where
        F: Fn() -> Fut,
        Fut: std::future::Future<Output = bool>,
    {
        for _ in 0..1200 {
            if ready().await {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let log = std::fs::read_to_string(self.data.join("server.log")).unwrap_or_default();
        panic!("node {} did not get there in two minutes; its log:\n{log}", self.name);
    }

    /// Kills the process at once (SIGKILL: no shutdown, nothing flushed).
    fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            child.kill().unwrap();
            child.wait().unwrap();
        }
    }

    /// Waits until this node's index holds every open vacancy in the database.
    async fn wait_indexed(&self, t: &TestDb) {
        let open = t.db.count_open_vacancies().await.unwrap() as f64;
        self.wait_for(|| async {
            let c = &self.client;
            c.metric("jobunivers_index_lag").await == Some(0.0) && c.metric("jobunivers_index_documents").await == Some(open)
        })
        .await;
    }
}

impl Client {
    async fn sign_in(&self, email: &str) -> String {
        let form = [("email", email), ("password", server::demo::DEMO_PASSWORD)];
        let res = self.http.post(format!("{}{}", self.base, app::path::SIGN_IN)).form(&form).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "sign-in of {email}");
        res.headers()[SET_COOKIE].to_str().unwrap().split(';').next().unwrap().to_string()
    }

    /// Posts a vacancy through the employer's form; its id when acknowledged (the
    /// answer sends the browser to the new vacancy), `None` when the node is gone.
    async fn post_vacancy(&self, cookie: &str, title: &str) -> Option<i64> {
        let deadline = (chrono::Utc::now().date_naive() + chrono::Duration::days(30)).to_string();
        let form = [
            ("title", title),
            ("employer_name", "Havnens Kraner"),
            ("description", "Vi søger en kranfører til containerterminalen, gerne med erfaring fra havn."),
            ("postcode", "8000"),
            ("city", "Aarhus"),
            ("weekly_hours", "37"),
            ("deadline", deadline.as_str()),
            ("how_to_apply", "job@kraner.example"),
            ("employment_type", "fast"),
        ];
        let res = self
            .http
            .post(format!("{}{}", self.base, app::path::NEW_VACANCY))
            .header("cookie", cookie)
            .header("origin", &self.base)
            .form(&form)
            .send()
            .await
            .ok()?;
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "{title}: a write the node answered must be accepted");
        let to = res.headers()[LOCATION].to_str().unwrap();
        let id = to.strip_prefix("/job/").and_then(|rest| rest.split('?').next()).and_then(|id| id.parse().ok());
        Some(id.unwrap_or_else(|| panic!("{title}: sent to {to}")))
    }

    /// The node's own figure from `/metrics`.
    async fn metric(&self, name: &str) -> Option<f64> {
        let res = self.http.get(format!("{}/metrics", self.base)).bearer_auth(TOKEN).send().await.ok()?;
        let text = res.text().await.ok()?;
        text.lines().find_map(|l| l.strip_prefix(name)?.strip_prefix(' ')?.parse().ok())
    }
}

impl Drop for Node {
    fn drop(&mut self) {
        // A failed test must not leave the process behind.
        self.kill();
    }
}

/// Writes from several clients at once until the node dies under them; returns
/// what the node acknowledged (id and title).
async fn write_until_killed(node: &mut Node, cookie: &str) -> Vec<(i64, String)> {
    let acknowledged = Arc::new(Mutex::new(Vec::new()));
    let count = Arc::new(AtomicUsize::new(0));
    let writers: Vec<_> = (0..4)
        .map(|w| {
            let (writer, cookie) = (node.client.clone(), cookie.to_string());
            let (acknowledged, count) = (acknowledged.clone(), count.clone());
            tokio::spawn(async move {
                for i in 0.. {
                    let title = format!("Kranfører nødstop {w}-{i}");
                    let Some(id) = writer.post_vacancy(&cookie, &title).await else { break };
                    acknowledged.lock().unwrap().push((id, title));
                    count.fetch_add(1, Ordering::SeqCst);
                }
            })
        })
        .collect();
    // Killed in the middle of the stream of writes, some of them in flight.
    while count.load(Ordering::SeqCst) < 24 {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    node.kill();
    for w in writers {
        w.await.unwrap();
    }
    let acknowledged = acknowledged.lock().unwrap().clone();
    acknowledged
}

/// Every acknowledged write is in the database, whole.
async fn all_stored(t: &TestDb, acknowledged: &[(i64, String)]) {
    for (id, title) in acknowledged {
        let row = t.db.vacancy(*id).await.unwrap().unwrap_or_else(|| panic!("{}: acknowledged vacancy {id} lost", t.label));
        assert_eq!(&row.title, title, "{}", t.label);
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_node_killed_while_it_takes_writes_loses_nothing_it_acknowledged() {
    for t in databases("crash").await {
        let mut a = Node::start(&t, "node-a").await;
        let cookie = a.client.sign_in("arbejdsgiver@demo.example").await;
        // PostgreSQL: a second node on the same database, with its own index.
        let b = if t.backend() == Backend::Postgres { Some(Node::start(&t, "node-b").await) } else { None };

        let acknowledged = write_until_killed(&mut a, &cookie).await;
        assert!(acknowledged.len() >= 24, "{}", t.label);
        all_stored(&t, &acknowledged).await;
        if let Some(b) = &b {
            // The other node goes on serving, and its indexer takes in all of it.
            b.wait_indexed(&t).await;
        }

        // The killed node starts again on what it left (its index was cut off
        // mid-write too) and catches up.
        let a = Node::start(&t, "node-a").await;
        a.wait_indexed(&t).await;
        all_stored(&t, &acknowledged).await;
        // The session survived: the employer writes on, to either node.
        let after = a.client.post_vacancy(&cookie, "Kranfører efter genstart").await.unwrap();
        for node in std::iter::once(&a).chain(b.iter()) {
            node.wait_indexed(&t).await;
            let page = node.client.http.get(format!("{}/job/{after}", node.client.base)).send().await.unwrap();
            assert_eq!(page.status(), StatusCode::OK, "{}: {}", t.label, node.name);
        }
    }
}
