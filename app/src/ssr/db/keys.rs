//! The cluster's key check (see `secrets::Sealer::check_database`).

use super::{on_pool, Db};
use crate::error::AppError;

impl Db {
    /// The stored check value; `candidate` becomes it when there is none yet (the
    /// first node to start). Two nodes starting at once store one.
    pub async fn key_check(&self, candidate: &str) -> Result<String, AppError> {
        on_pool!(self, pool => {
            sqlx::query("INSERT INTO key_check (id, sealed) VALUES (1, $1) ON CONFLICT (id) DO NOTHING")
                .bind(candidate)
                .execute(pool)
                .await?;
            let (sealed,): (String,) = sqlx::query_as("SELECT sealed FROM key_check WHERE id = 1").fetch_one(pool).await?;
            Ok(sealed)
        })
    }
}
