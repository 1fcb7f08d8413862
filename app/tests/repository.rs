//! Repository tests, each run on SQLite and PostgreSQL.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failed unwrap is a failed test

use app::domain::vacancy::NewVacancy;
use app::ssr::db::outbox;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use testing::databases;

/// The moment these writes happen: repositories take the time from their caller.
fn now() -> DateTime<Utc> {
    testing::at("2026-11-23T10:00:00Z")
}

fn vacancy(title: &str, city: &str) -> NewVacancy {
    testing::vacancy(title, city, now().date_naive())
}

#[tokio::test(flavor = "multi_thread")]
async fn vacancies_round_trip_with_danish_text_dates_and_hours() {
    for t in databases("round_trip").await {
        let mut v = vacancy("Pædagog til Ærø", "Ærøskøbing");
        v.weekly_hours = 32.5;
        v.deadline = NaiveDate::from_ymd_opt(2027, 2, 28).unwrap();
        let id = t.db.insert_vacancy(&v, now()).await.unwrap();
        let stored = t.db.vacancy(id).await.unwrap().expect("stored").into_vacancy();
        let got = &stored.details;
        assert_eq!(got.title, "Pædagog til Ærø", "{}", t.label);
        assert_eq!(got.city, "Ærøskøbing");
        assert_eq!(got.weekly_hours, 32.5);
        assert_eq!(got.deadline, v.deadline);
        assert_eq!(got.municipality_code, Some(492), "Ærøskøbing lies in Ærø");
        assert!(stored.open);
        assert!(t.db.vacancy(id + 1000).await.unwrap().is_none());
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn every_write_leaves_an_outbox_row_in_order() {
    for t in databases("outbox_order").await {
        assert_eq!(t.db.outbox_max_id().await.unwrap(), 0);
        let a = t.db.insert_vacancy(&vacancy("Tømrer", "Aarhus"), now()).await.unwrap();
        let ids = t.db.insert_vacancies(&[vacancy("Murer", "Odense"), vacancy("Maler", "Vejle")], |_| now(), now()).await.unwrap();
        assert!(t.db.close_vacancy(a, None, now()).await.unwrap());
        assert!(!t.db.close_vacancy(a, None, now()).await.unwrap(), "closing twice changes nothing");
        let rows = t.db.outbox_after(0, 100).await.unwrap();
        let touched: Vec<i64> = rows.iter().map(|r| r.entity_id).collect();
        assert_eq!(touched, vec![a, ids[0], ids[1], a], "{}", t.label);
        assert!(rows.windows(2).all(|w| w[0].id < w[1].id));
        assert!(rows.iter().all(|r| r.entity == outbox::VACANCY));
        let after_first = t.db.outbox_after(rows[0].id, 100).await.unwrap();
        assert_eq!(after_first.len(), 3);
        assert_eq!(t.db.outbox_max_id().await.unwrap(), rows[3].id);
        assert_eq!(t.db.count_open_vacancies().await.unwrap(), 2);
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn batches_for_the_indexer_by_id_and_in_pages() {
    for t in databases("batches").await {
        let items: Vec<NewVacancy> = (0..25).map(|i| vacancy(&format!("Job {i}"), "Aalborg")).collect();
        let ids = t.db.insert_vacancies(&items, |_| now(), now()).await.unwrap();
        t.db.close_vacancy(ids[3], None, now()).await.unwrap();
        let some = t.db.vacancies_by_ids(&[ids[0], ids[3], ids[24], 99_999]).await.unwrap();
        assert_eq!(some.len(), 3, "{}: unknown ids are skipped, closed ones included", t.label);
        let page1 = t.db.open_vacancies_after(0, 10).await.unwrap();
        let page2 = t.db.open_vacancies_after(page1.last().unwrap().id, 100).await.unwrap();
        assert_eq!(page1.len() + page2.len(), 24, "closed vacancies are not rebuilt into the index");
        assert!(t.db.vacancies_by_ids(&[]).await.unwrap().is_empty());
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn old_outbox_rows_are_pruned() {
    for t in databases("prune").await {
        t.db.insert_vacancy(&vacancy("Kok", "Horsens"), now()).await.unwrap();
        assert_eq!(t.db.outbox_prune(now() - Duration::days(1)).await.unwrap(), 0);
        assert_eq!(t.db.outbox_prune(now() + Duration::seconds(5)).await.unwrap(), 1, "{}", t.label);
        assert_eq!(t.db.outbox_min_id().await.unwrap(), None);
    }
}
