//! Many nodes over one database: every node must hold the same key, or the CPR
//! numbers one seals cannot be opened by another.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failed unwrap is a failed test

mod common;

use app::ssr::db::Backend;
use server::serve::checked_sealer;
use testing::databases;

#[tokio::test(flavor = "multi_thread")]
async fn every_node_holds_the_clusters_key() {
    for t in databases("one_key").await {
        let (a, b) = ("1f".repeat(32), "2e".repeat(32));
        let node = |key: Option<&str>| {
            let mut config = common::config(&t);
            config.secret_key = key.map(str::to_string);
            if t.backend() == Backend::Postgres {
                // Only the scheme matters here: the node's database is `t.db`.
                config.database_url = Some("postgres://jobunivers@localhost/jobunivers".into());
            }
            config
        };
        let refused = |r: anyhow::Result<app::ssr::secrets::Sealer>| format!("{:#}", r.err().expect("the node must refuse to start"));
        if t.backend() == Backend::Postgres {
            let message = refused(checked_sealer(&node(None), &t.db).await);
            assert!(message.contains("JOBUNIVERS_SECRET_KEY"), "{message}");
            let first = checked_sealer(&node(Some(&a)), &t.db).await.unwrap();
            let second = checked_sealer(&node(Some(&a)), &t.db).await.unwrap();
            assert_eq!(second.open(&first.seal("0101901234").unwrap()).unwrap(), "0101901234", "one node opens what another sealed");
        } else {
            // SQLite: the first start makes the key file, the next reads it.
            let first = checked_sealer(&node(None), &t.db).await.unwrap();
            let again = checked_sealer(&node(None), &t.db).await.unwrap();
            assert_eq!(again.open(&first.seal("0101901234").unwrap()).unwrap(), "0101901234");
        }
        let message = refused(checked_sealer(&node(Some(&b)), &t.db).await);
        assert!(message.contains("not the key of this database"), "{}: {message}", t.label);
    }
}
