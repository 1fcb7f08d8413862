//! The index outbox: written in the same transaction as the row it points at.

use super::{on_pool, Db};
use crate::error::AppError;
use chrono::{DateTime, Utc};

pub const VACANCY: &str = "vacancy";
/// A jobseeker's CV (the id is the user's): what employers may find changed.
pub const CV: &str = "cv";

#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct OutboxRow {
    pub id: i64,
    pub entity: String,
    pub entity_id: i64,
}

/// SQL to run inside a writing transaction before the outbox insert. On PostgreSQL,
/// concurrent transactions could otherwise commit outbox ids out of order, and an
/// indexer that had already moved past a smaller id would never see it.
pub(crate) fn order_lock_sql(db: &Db) -> Option<&'static str> {
    match db {
        Db::Sqlite(_) => None, // SQLite has one writer at a time already.
        Db::Postgres(_) => Some("SELECT pg_advisory_xact_lock(7320510)"),
    }
}

pub(crate) const INSERT_SQL: &str = "INSERT INTO index_outbox (entity, entity_id, created_at) VALUES ($1, $2, $3)";

/// Runs `$update` and, when it changed a row, notes `$entity` `$id` in the outbox,
/// in one transaction: the index hears of every change that was made, and of none
/// that was not. True when a row changed.
macro_rules! with_outbox {
    ($db:expr, $update:expr, $entity:expr, $id:expr, $now:expr) => {{
        let lock = $crate::ssr::db::outbox::order_lock_sql($db);
        on_pool!($db, pool => {
            let mut tx = pool.begin().await?;
            let n = $update.execute(&mut *tx).await?.rows_affected();
            if n > 0 {
                if let Some(sql) = lock {
                    sqlx::query(sql).execute(&mut *tx).await?;
                }
                sqlx::query($crate::ssr::db::outbox::INSERT_SQL).bind($entity).bind($id).bind($now).execute(&mut *tx).await?;
            }
            tx.commit().await?;
            Ok::<_, sqlx::Error>(n > 0)
        })
    }};
}
pub(crate) use with_outbox;

impl Db {
    /// Changes after `after`, oldest first.
    pub async fn outbox_after(&self, after: i64, limit: i64) -> Result<Vec<OutboxRow>, AppError> {
        let sql = "SELECT id, entity, entity_id FROM index_outbox WHERE id > $1 ORDER BY id LIMIT $2";
        Ok(on_pool!(self, pool => sqlx::query_as(sql).bind(after).bind(limit).fetch_all(pool).await)?)
    }

    /// The newest outbox id, 0 when empty.
    pub async fn outbox_max_id(&self) -> Result<i64, AppError> {
        let sql = "SELECT COALESCE(MAX(id), 0) FROM index_outbox";
        Ok(on_pool!(self, pool => sqlx::query_scalar::<_, i64>(sql).fetch_one(pool).await)?)
    }

    /// The oldest outbox id still kept, if any.
    pub async fn outbox_min_id(&self) -> Result<Option<i64>, AppError> {
        let sql = "SELECT MIN(id) FROM index_outbox";
        Ok(on_pool!(self, pool => sqlx::query_scalar::<_, Option<i64>>(sql).fetch_one(pool).await)?)
    }

    /// Forgets changes older than `before`. An index further behind than that
    /// notices the gap and rebuilds.
    pub async fn outbox_prune(&self, before: DateTime<Utc>) -> Result<u64, AppError> {
        let sql = "DELETE FROM index_outbox WHERE created_at < $1";
        let done = on_pool!(self, pool => sqlx::query(sql).bind(before).execute(pool).await.map(|r| r.rows_affected()))?;
        Ok(done)
    }
}
