//! Posting, reading and searching vacancies.

use crate::domain::vacancy::{self, Vacancy, VacancyForm};
use crate::error::AppError;
use crate::search::types::{SearchQuery, SearchResults};
use crate::ssr::{blocking, today, AppState};
use chrono::Utc;

/// Validates and stores a vacancy, then wakes the indexer so it is searchable at once.
pub async fn create(st: &AppState, form: &VacancyForm) -> Result<i64, AppError> {
    let now = Utc::now();
    let new = vacancy::validate(form, crate::domain::time::danish_date(now)).map_err(AppError::Invalid)?;
    let id = st.db.insert_vacancy(&new, now).await?;
    st.indexer.wake();
    tracing::info!(vacancy = id, "vacancy posted");
    Ok(id)
}

/// An open vacancy; closed and unknown ones are `NotFound`.
pub async fn get(st: &AppState, id: i64) -> Result<Vacancy, AppError> {
    let row = st.db.vacancy(id).await?.ok_or(AppError::NotFound)?;
    let v = row.into_vacancy();
    if v.open {
        Ok(v)
    } else {
        Err(AppError::NotFound)
    }
}

/// Closes a vacancy; it leaves the search with the next index commit.
pub async fn close(st: &AppState, id: i64) -> Result<(), AppError> {
    if st.db.close_vacancy(id, Utc::now()).await? {
        st.indexer.wake();
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

pub async fn search(st: &AppState, query: SearchQuery) -> Result<SearchResults, AppError> {
    let index = st.index.clone();
    let today = today();
    blocking(move || index.search(&query, today)).await
}
