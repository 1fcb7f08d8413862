//! Posting, reading and searching vacancies.

use crate::domain::account::User;
use crate::domain::limits;
use crate::domain::search::{SearchQuery, SearchResults};
use crate::domain::vacancy::{
    self, DayCount, HistoryEntry, HistoryKind, ManagedVacancy, Vacancy, VacancyActionForm, VacancyChange, VacancyForm,
};
use crate::error::{AppError, FieldErrors};
use crate::i18n::Msg;
use crate::ssr::db::{Actor, Posting};
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
    // Posting again: only from one of the company's own vacancies, and a closed one.
    let reposted_from = match form.fra.trim() {
        "" => None,
        from => {
            let from: i64 = from.parse().map_err(|_| AppError::BadRequest)?;
            let row = st.db.company_vacancy(from, company_id).await?.ok_or(AppError::NotFound)?;
            if row.status == "open" {
                return Err(AppError::BadRequest);
            }
            Some(from)
        }
    };
    let posting = Posting { company_id, by: actor(employer), reposted_from };
    let id = st.db.insert_company_vacancy(&new, posting, now).await?;
    st.indexer.wake();
    tracing::info!(vacancy = id, by = employer.id, ?reposted_from, "vacancy posted");
    Ok(id)
}

/// An open vacancy, as a visitor opens its page: counted as a view (no one's
/// identity is stored). Closed and unknown ones are `NotFound`.
#[tracing::instrument(skip_all)]
pub async fn view(st: &AppState, id: i64) -> Result<Vacancy, AppError> {
    let v = get(st, id).await?;
    // A failed count never costs the visitor their page.
    if let Err(e) = st.db.count_vacancy(id, st.clock.today(), crate::ssr::db::Counter::View).await {
        tracing::warn!(vacancy = id, error = %e, "view not counted");
    }
    Ok(v)
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
    crate::ssr::gates::run(crate::ssr::gates::Gate::Search, move || {
        let mut results = index.search(&query, today)?;
        // Nothing found: offer what was probably meant, if that finds something.
        if results.total == 0 {
            if let Some(meant) = crate::domain::search::did_you_mean(&query.text) {
                let retry = SearchQuery { text: meant.clone(), page: 1, ..query.clone() };
                if index.search_with(&retry, today, false)?.total > 0 {
                    results.suggestion = Some(meant);
                }
            }
        }
        Ok(results)
    })
    .await
}

/// Who a user is in a vacancy's history.
pub(crate) fn actor(me: &User) -> Actor<'_> {
    Actor { id: Some(me.id), name: &me.name }
}

/// One of the employer's company's vacancies with its history; another company's
/// is "not found".
#[tracing::instrument(skip_all)]
pub async fn managed(st: &AppState, employer: &User, id: i64) -> Result<ManagedVacancy, AppError> {
    let company_id = employer.acting_company().ok_or(AppError::Forbidden)?;
    let row = st.db.company_vacancy(id, company_id).await?.ok_or(AppError::NotFound)?;
    let history = st
        .db
        .vacancy_history(id)
        .await?
        .into_iter()
        .filter_map(|h| Some(HistoryEntry { at: h.at, by: h.actor_name, kind: HistoryKind::parse(&h.kind)?, detail: h.detail }))
        .collect();
    let today = st.clock.today();
    let from = today - chrono::Duration::days(vacancy::STATS_DAYS - 1);
    let counted: Vec<DayCount> = st
        .db
        .vacancy_daily(id, from, today)
        .await?
        .into_iter()
        .map(|r| DayCount {
            day: r.day,
            views: u32::try_from(r.views).unwrap_or(0),
            saves: u32::try_from(r.saves).unwrap_or(0),
            applied: u32::try_from(r.applied).unwrap_or(0),
        })
        .collect();
    Ok(ManagedVacancy { vacancy: row.into_vacancy(), history, days: vacancy::daily_series(&counted, from, today) })
}

/// Replaces the details of one of the company's open vacancies; the index follows.
#[tracing::instrument(skip_all)]
pub async fn edit(st: &AppState, employer: &User, id: i64, form: &VacancyForm) -> Result<(), AppError> {
    let company_id = employer.acting_company().ok_or(AppError::Forbidden)?;
    let now = st.clock.now();
    let new = vacancy::validate(form, crate::domain::time::danish_date(now)).map_err(AppError::Invalid)?;
    if !st.db.update_company_vacancy(id, company_id, &new, actor(employer), now).await? {
        return Err(AppError::NotFound);
    }
    st.indexer.wake();
    tracing::info!(vacancy = id, by = employer.id, "vacancy edited");
    Ok(())
}

/// Extends or closes one of the company's open vacancies; the index follows.
#[tracing::instrument(skip_all)]
pub async fn change(st: &AppState, employer: &User, id: i64, form: &VacancyActionForm) -> Result<VacancyChange, AppError> {
    let company_id = employer.acting_company().ok_or(AppError::Forbidden)?;
    // A closed vacancy is changed no more (it can be posted again as new).
    let row = st.db.company_vacancy(id, company_id).await?.filter(|r| r.status == "open").ok_or(AppError::NotFound)?;
    let now = st.clock.now();
    let change = VacancyChange::parse(form, row.deadline, crate::domain::time::danish_date(now))?;
    let done = match change {
        VacancyChange::Extend(deadline) => st.db.extend_company_vacancy(id, company_id, deadline, actor(employer), now).await?,
        VacancyChange::Close(reason) => st.db.close_vacancy_for(id, Some(company_id), reason, actor(employer), reason.code(), now).await?,
    };
    // Closed meanwhile (or by someone else of the company): nothing to change.
    if !done {
        return Err(AppError::NotFound);
    }
    st.indexer.wake();
    tracing::info!(vacancy = id, by = employer.id, change = ?change, "vacancy changed");
    Ok(change)
}
