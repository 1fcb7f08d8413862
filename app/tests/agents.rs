//! Job agents on SQLite and PostgreSQL: saving a search, finding only new matching
//! vacancies once, the in-app notice, and the daily e-mail through a real SMTP
//! conversation with a local sink started here.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failed unwrap is a failed test

use app::domain::agents::AgentForm;
use app::domain::jobseeker::Notice;
use app::error::AppError;
use app::i18n::Msg;
use app::ssr::mail::Mailer;
use app::ssr::services::jobseeker::overview;
use app::ssr::services::{agents, mail};
use app::ssr::AppState;
use std::sync::{Arc, Mutex};
use testing::{databases, Account};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

/// A minimal SMTP server that accepts every message and keeps it.
async fn smtp_sink() -> (u16, Arc<Mutex<Vec<String>>>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let received = Arc::new(Mutex::new(Vec::new()));
    let store = received.clone();
    tokio::spawn(async move {
        while let Ok((socket, _)) = listener.accept().await {
            let store = store.clone();
            tokio::spawn(async move {
                let (read, mut write) = socket.into_split();
                let mut lines = BufReader::new(read).lines();
                write.write_all(b"220 sink ready\r\n").await.unwrap();
                let mut data: Option<String> = None;
                while let Ok(Some(line)) = lines.next_line().await {
                    if let Some(body) = data.as_mut() {
                        if line == "." {
                            store.lock().unwrap().push(data.take().unwrap());
                            write.write_all(b"250 kept\r\n").await.unwrap();
                        } else {
                            body.push_str(&line);
                            body.push('\n');
                        }
                        continue;
                    }
                    let verb = line.split_whitespace().next().unwrap_or_default().to_uppercase();
                    let reply: &[u8] = match verb.as_str() {
                        "EHLO" | "HELO" => b"250 sink\r\n",
                        "DATA" => {
                            data = Some(String::new());
                            b"354 go on\r\n"
                        }
                        "QUIT" => {
                            write.write_all(b"221 bye\r\n").await.unwrap();
                            break;
                        }
                        _ => b"250 ok\r\n",
                    };
                    write.write_all(reply).await.unwrap();
                }
            });
        }
    });
    (port, received)
}

fn create(name: &str, query: &str) -> AgentForm {
    AgentForm { action: "create".into(), name: name.into(), query: query.into(), ..Default::default() }
}

#[tokio::test(flavor = "multi_thread")]
async fn agents_find_new_matches_once_and_mail_a_daily_digest() {
    for t in databases("agents").await {
        let (port, inbox) = smtp_sink().await;
        let started = t.state().await;
        let mailer = Mailer::smtp(&format!("smtp://127.0.0.1:{port}"), "Jobunivers <noreply@test.example>", "https://job.example").unwrap();
        let st = AppState { mailer: Arc::new(mailer), ..started };
        let today = st.clock.today();
        let me = Account::jobseeker("anne@mail.example").municipality(751).create(&st).await;
        let other = Account::jobseeker("bo@mail.example").municipality(101).create(&st).await;
        // Already posted before the agent: not news.
        let at = |title: &str, municipality: u16| app::domain::vacancy::NewVacancy {
            municipality_code: Some(municipality),
            ..testing::vacancy(title, "By", today)
        };
        st.db.insert_vacancy(&at("Kok til kroen", 751), st.clock.now()).await.unwrap();
        st.indexer.wake();
        testing::settle(&st).await;

        let empty = agents::act(&st, &me, &create("x", "")).await;
        assert!(matches!(&empty, Err(AppError::Invalid(e)) if e.get("name") == Some(Msg::ErrAgentEmpty)), "{empty:?}");
        agents::act(&st, &me, &create("", "q=kok&kommune=751")).await.unwrap();
        let list = agents::list(&st, &me).await.unwrap();
        assert_eq!((list.len(), list[0].name.as_str(), list[0].href.as_str()), (1, "kok", "/job?q=kok&kommune=751"), "{}", t.label);
        assert_eq!(agents::sweep_user(&st, me.id, today).await.unwrap(), 0, "{}: nothing new yet", t.label);

        let wanted = st.db.insert_vacancy(&at("Kok til kantine", 751), st.clock.now()).await.unwrap();
        st.db.insert_vacancy(&at("Kok", 101), st.clock.now()).await.unwrap();
        st.db.insert_vacancy(&at("Tømrer", 751), st.clock.now()).await.unwrap();
        st.indexer.wake();
        testing::settle(&st).await;
        assert_eq!(agents::sweep_user(&st, me.id, today).await.unwrap(), 1, "{}", t.label);
        assert_eq!(agents::sweep_user(&st, me.id, today).await.unwrap(), 0, "{}: told once", t.label);
        let notices: Vec<Notice> = overview::notifications(&st, &me, 10).await.unwrap().into_iter().map(|n| n.notice).collect();
        assert_eq!(
            notices,
            vec![Notice::AgentMatches { agent: "kok".into(), count: 1, href: "/job?q=kok&kommune=751&sorter=nyeste".into() }]
        );
        assert_eq!(agents::list(&st, &me).await.unwrap()[0].matches, 1);

        // Only the owner may change or delete it.
        let id = list[0].id.to_string();
        let delete = AgentForm { action: "delete".into(), id: id.clone(), ..Default::default() };
        assert_eq!(agents::act(&st, &other, &delete).await, Err(AppError::NotFound));
        let email_on = AgentForm { action: "email-on".into(), id: id.clone(), ..Default::default() };
        assert_eq!(agents::act(&st, &other, &email_on).await, Err(AppError::NotFound));

        // No e-mail unless asked for; then one a day, from 07:00 Danish time.
        let morning = "2030-01-07T07:30:00Z".parse().unwrap();
        assert_eq!(agents::queue_digests(&st, morning).await.unwrap(), 0);
        agents::act(&st, &me, &email_on).await.unwrap();
        let early = "2030-01-07T05:00:00Z".parse().unwrap();
        assert_eq!(agents::queue_digests(&st, early).await.unwrap(), 0, "too early");
        // Two nodes at once: the digest is queued once.
        let (a, b) = tokio::join!(agents::queue_digests(&st, morning), agents::queue_digests(&st, morning));
        assert_eq!(a.unwrap() + b.unwrap(), 1, "{}", t.label);
        assert_eq!(agents::queue_digests(&st, morning).await.unwrap(), 0, "once a day");
        // A match found after the digest was queued waits for the next one.
        let later = st.db.insert_vacancy(&at("Kok til cafeen", 751), st.clock.now()).await.unwrap();
        st.indexer.wake();
        testing::settle(&st).await;
        assert_eq!(agents::sweep_user(&st, me.id, today).await.unwrap(), 1, "{}", t.label);

        // The SMTP server is down: nothing is lost, the message is tried again later.
        let down = testing::unsent_mail(&st);
        assert_eq!(mail::send_due(&down, "node-a", morning).await.unwrap(), 0);
        assert_eq!(mail::send_due(&st, "node-a", morning).await.unwrap(), 0, "{}: not before its next attempt", t.label);
        // Two senders at once: the message goes out once.
        let retry = morning + chrono::Duration::minutes(2);
        let (a, b) = tokio::join!(mail::send_due(&st, "node-a", retry), mail::send_due(&st, "node-b", retry));
        assert_eq!(a.unwrap() + b.unwrap(), 1, "{}", t.label);
        assert_eq!(st.db.mail_waiting().await.unwrap(), 0);
        let mail = inbox.lock().unwrap().join("\n");
        assert_eq!(mail.matches("To: anne@mail.example").count(), 1, "{mail}");
        assert!(mail.contains("Message-ID: <agent-digest."), "{mail}");
        assert!(mail.contains("Kok til kantine") && mail.contains(&format!("https://job.example/job/{wanted}")), "{mail}");
        assert!(!mail.contains("Kok til kroen"), "old vacancies are not news");
        assert!(!mail.contains("Kok til cafeen"), "found after the digest was queued");
        assert!(mail.contains("Hej Anne Jensen") && mail.contains("Venlig hilsen"), "in Danish, as signed up: {mail}");

        // She switched to English since: the next e-mail is in English.
        st.db.set_user_lang(me.id, app::Lang::En).await.unwrap();

        // The next morning, the one that waited.
        let next_morning = morning + chrono::Duration::days(1);
        assert_eq!(agents::queue_digests(&st, next_morning).await.unwrap(), 1, "{}", t.label);
        assert_eq!(mail::send_due(&st, "node-b", next_morning).await.unwrap(), 1, "{}", t.label);
        let last = inbox.lock().unwrap().last().cloned().unwrap();
        assert!(last.contains("Kok til cafeen") && last.contains(&format!("/job/{later}")), "{last}");
        assert!(!last.contains("Kok til kantine"), "{last}");
        assert!(last.contains("Hello Anne Jensen") && last.contains("1 new job from your job agents"), "{last}");

        agents::act(&st, &me, &delete).await.unwrap();
        assert!(agents::list(&st, &me).await.unwrap().is_empty());
        st.shutdown().await;
    }
}
