//! How vacancies do, per day: counters only, never who. SQL only.

use super::{on_pool, Db};
use crate::error::AppError;
use chrono::NaiveDate;

/// Which counter a visit or a joblog entry adds to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Counter {
    View,
    Save,
    Applied,
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct DailyRow {
    pub day: NaiveDate,
    pub views: i32,
    pub saves: i32,
    pub applied: i32,
}

impl Db {
    /// Adds one to a vacancy's counter of `day`; many at once all count.
    pub async fn count_vacancy(&self, vacancy_id: i64, day: NaiveDate, counter: Counter) -> Result<(), AppError> {
        let sql = match counter {
            Counter::View => {
                "INSERT INTO vacancy_daily (vacancy_id, day, views) VALUES ($1, $2, 1) \
                              ON CONFLICT (vacancy_id, day) DO UPDATE SET views = vacancy_daily.views + 1"
            }
            Counter::Save => {
                "INSERT INTO vacancy_daily (vacancy_id, day, saves) VALUES ($1, $2, 1) \
                              ON CONFLICT (vacancy_id, day) DO UPDATE SET saves = vacancy_daily.saves + 1"
            }
            Counter::Applied => {
                "INSERT INTO vacancy_daily (vacancy_id, day, applied) VALUES ($1, $2, 1) \
                                 ON CONFLICT (vacancy_id, day) DO UPDATE SET applied = vacancy_daily.applied + 1"
            }
        };
        on_pool!(self, pool => sqlx::query(sql).bind(vacancy_id).bind(day).execute(pool).await.map(|_| ()))?;
        Ok(())
    }

    /// A vacancy's counts from `from` to `to`, by day (days without any are left out).
    pub async fn vacancy_daily(&self, vacancy_id: i64, from: NaiveDate, to: NaiveDate) -> Result<Vec<DailyRow>, AppError> {
        let sql = "SELECT day, views, saves, applied FROM vacancy_daily WHERE vacancy_id = $1 AND day >= $2 AND day <= $3 ORDER BY day";
        Ok(on_pool!(self, pool => sqlx::query_as(sql).bind(vacancy_id).bind(from).bind(to).fetch_all(pool).await)?)
    }
}
