//! Posting, reading and searching vacancies.

use crate::domain::account::{Role, User};
use crate::domain::vacancy::{self, Vacancy, VacancyForm};
use crate::error::AppError;
use crate::search::types::{SearchQuery, SearchResults};
use crate::ssr::{blocking, today, AppState};
use chrono::Utc;

/// Validates and stores a vacancy for the employer's company, then wakes the
/// indexer so it is searchable at once.
pub async fn create(st: &AppState, employer: &User, form: &VacancyForm) -> Result<i64, AppError> {
    let company_id = employer.company_id.filter(|_| employer.role == Role::Employer).ok_or(AppError::Forbidden)?;
    let now = Utc::now();
    let new = vacancy::validate(form, crate::domain::time::danish_date(now)).map_err(AppError::Invalid)?;
    let id = st.db.insert_company_vacancy(&new, company_id, now).await?;
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

/// The vacancies of the employer's own company; never another company's.
pub async fn of_my_company(st: &AppState, employer: &User) -> Result<Vec<Vacancy>, AppError> {
    let company_id = employer.company_id.filter(|_| employer.role == Role::Employer).ok_or(AppError::Forbidden)?;
    Ok(st.db.vacancies_of_company(company_id).await?.into_iter().map(|r| r.into_vacancy()).collect())
}

pub async fn search(st: &AppState, query: SearchQuery) -> Result<SearchResults, AppError> {
    let index = st.index.clone();
    let today = today();
    blocking(move || index.search(&query, today)).await
}
