//! Posting, reading and searching vacancies.

use crate::domain::account::User;
use crate::domain::limits;
use crate::domain::search::{SearchQuery, SearchResults};
use crate::domain::vacancy::{self, Vacancy, VacancyForm};
use crate::error::{AppError, FieldErrors};
use crate::i18n::Msg;
use crate::ssr::AppState;

/// Validates and stores a vacancy for the employer's company, then wakes the
/// indexer so it is searchable at once.
#[tracing::instrument(skip_all)]
pub async fn create(st: &AppState, employer: &User, form: &VacancyForm) -> Result<i64, AppError> {
    let company_id = employer.acting_company().ok_or(AppError::Forbidden)?;
    let now = st.clock.now();
    let new = vacancy::validate(form, crate::domain::time::danish_date(now)).map_err(AppError::Invalid)?;
    // A company posts at most so many a day by hand; counted before storing, so
    // parallel posts cannot get past it.
    let limit = limits::VACANCIES_PER_COMPANY;
    let key = company_id.to_string();
    if st.db.take_event(limits::kind::VACANCY, &key, now - limit.window, limit.count, now).await?.is_none() {
        return Err(FieldErrors::one(vacancy::field::TITLE, Msg::ErrVacancyLimit));
    }
    let id = st.db.insert_company_vacancy(&new, company_id, now).await?;
    st.indexer.wake();
    tracing::info!(vacancy = id, "vacancy posted");
    Ok(id)
}

/// An open vacancy; closed and unknown ones are `NotFound`.
#[tracing::instrument(skip_all)]
pub async fn get(st: &AppState, id: i64) -> Result<Vacancy, AppError> {
    let row = st.db.vacancy(id).await?.ok_or(AppError::NotFound)?;
    let v = row.into_vacancy();
    if v.open {
        Ok(v)
    } else {
        Err(AppError::NotFound)
    }
}

/// Closes one of the employer's company's vacancies; it leaves the search with the
/// next index commit. Another company's vacancy is "not found".
#[tracing::instrument(skip_all)]
pub async fn close(st: &AppState, employer: &User, id: i64) -> Result<(), AppError> {
    let company_id = employer.acting_company().ok_or(AppError::Forbidden)?;
    if st.db.close_vacancy(id, Some(company_id), st.clock.now()).await? {
        st.indexer.wake();
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

/// The vacancies of the employer's own company; never another company's.
#[tracing::instrument(skip_all)]
pub async fn of_my_company(st: &AppState, employer: &User) -> Result<Vec<Vacancy>, AppError> {
    let company_id = employer.acting_company().ok_or(AppError::Forbidden)?;
    Ok(st.db.vacancies_of_company(company_id).await?.into_iter().map(|r| r.into_vacancy()).collect())
}

#[tracing::instrument(skip_all)]
pub async fn search(st: &AppState, query: SearchQuery) -> Result<SearchResults, AppError> {
    let index = st.index.clone();
    let today = st.clock.today();
    crate::ssr::gates::run(crate::ssr::gates::Gate::Search, move || index.search(&query, today)).await
}
