//! Running Jobunivers: many nodes over one database must hold the same key (or the
//! CPR numbers one seals cannot be opened by another); backups restore and read.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failed unwrap is a failed test

mod common;

use app::ssr::db::Backend;
use server::serve::checked_sealer;
use testing::databases;

/// What the nodes of a cluster hold in common.
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

/// A backup made while the database is in use restores whole: what was written
/// after it is gone, the index is rebuilt from it, and a file that is not a backup
/// changes nothing.
#[tokio::test(flavor = "multi_thread")]
async fn a_backup_restores_and_reads() {
    use app::ssr::index::indexer::IndexerConfig;
    use server::backup::{backup, restore};
    for t in databases("backup").await {
        let mut config = common::config(&t);
        config.data_dir = t.dir().join("node");
        if t.backend() == Backend::Postgres {
            config.database_url = Some("postgres://jobunivers@localhost/jobunivers".into());
            let message = format!("{:#}", backup(&config, &t.dir().join("pg.db")).await.unwrap_err());
            assert!(message.contains("pg_dump"), "{message}");
            continue;
        }
        let clock = app::ssr::clock::Clock::system();
        let today = clock.today();
        let db = server::serve::open_db(&config).await.unwrap();
        db.insert_vacancy(&testing::vacancy("Smed", "Esbjerg", today), clock.now()).await.unwrap();
        let file = t.dir().join("backup.db");
        assert!(backup(&config, &file).await.unwrap() > 0);
        let again = format!("{:#}", backup(&config, &file).await.unwrap_err());
        assert!(again.contains("exists already"), "{again}");
        db.insert_vacancy(&testing::vacancy("Tømrer", "Odense", today), clock.now()).await.unwrap();
        assert_eq!(db.count_open_vacancies().await.unwrap(), 2);
        db.close().await;
        std::fs::create_dir_all(config.index_dir().join("vacancies")).unwrap();
        std::fs::write(config.index_dir().join("vacancies/meta.json"), "{}").unwrap();

        restore(&config, &file).await.unwrap();
        assert!(!config.index_dir().exists(), "the old index goes with the old data");
        let db = server::serve::open_db(&config).await.unwrap();
        assert_eq!(db.count_open_vacancies().await.unwrap(), 1, "as it was at the backup");
        let st = app::ssr::AppState::start(db.clone(), &config.index_dir(), IndexerConfig::default(), clock.clone()).await.unwrap();
        testing::settle(&st).await;
        assert_eq!(st.index.num_docs(), 1, "the index is rebuilt from the restored data");
        st.shutdown().await;

        let junk = t.dir().join("junk.db");
        std::fs::write(&junk, "not a database").unwrap();
        let message = format!("{:#}", restore(&config, &junk).await.unwrap_err());
        assert!(message.contains("not a whole Jobunivers backup"), "{message}");
        let db = server::serve::open_db(&config).await.unwrap();
        assert_eq!(db.count_open_vacancies().await.unwrap(), 1, "a failed restore changes nothing");
        db.close().await;
    }
}
