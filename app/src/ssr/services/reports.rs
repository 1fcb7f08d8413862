//! Reports of bad vacancies: a jobseeker reports one; an administrator hides the
//! vacancy (it leaves search, and the employer reads why on its page) or dismisses
//! the reports.

use crate::domain::account::{Role, User};
use crate::domain::limits;
use crate::domain::report::{field, Decision, ReportActionForm, ReportForm, ReportReason, ReportedVacancy};
use crate::domain::vacancy::CloseReason;
use crate::error::{AppError, FieldErrors};
use crate::i18n::Msg;
use crate::ssr::db::Reported;
use crate::ssr::services::security::admin;
use crate::ssr::AppState;

/// A jobseeker reports an open vacancy, once; at most so many a day.
#[tracing::instrument(skip_all)]
pub async fn report(st: &AppState, me: &User, vacancy_id: i64, form: &ReportForm) -> Result<(), AppError> {
    if me.role != Role::Jobseeker {
        return Err(AppError::Forbidden);
    }
    let report = form.validate()?;
    let now = st.clock.now();
    let limit = limits::REPORTS_PER_JOBSEEKER;
    if st.db.take_event(limits::kind::REPORT, &me.id.to_string(), now - limit.window, limit.count, now).await?.is_none() {
        return Err(FieldErrors::one(field::REASON, Msg::ErrReportLimit));
    }
    match st.db.insert_report(vacancy_id, me.id, (report.reason.code(), &report.details), now).await? {
        Reported::Stored => {
            tracing::info!(vacancy = vacancy_id, reason = report.reason.code(), "vacancy reported");
            Ok(())
        }
        Reported::Already => Err(FieldErrors::one(field::REASON, Msg::ErrAlreadyReported)),
        Reported::NoVacancy => Err(AppError::NotFound),
    }
}

/// The reported vacancies waiting for a decision, each with its reports.
#[tracing::instrument(skip_all)]
pub async fn queue(st: &AppState, me: &User) -> Result<Vec<ReportedVacancy>, AppError> {
    admin(me)?;
    let mut out: Vec<ReportedVacancy> = Vec::new();
    for r in st.db.open_reports(1_000).await? {
        let Some(reason) = ReportReason::parse(&r.reason) else { continue };
        match out.last_mut() {
            Some(last) if last.vacancy_id == r.vacancy_id => last.reports.push((reason, r.details)),
            _ => out.push(ReportedVacancy {
                vacancy_id: r.vacancy_id,
                title: r.title,
                employer_name: r.employer_name,
                reports: vec![(reason, r.details)],
                first_at: r.created_at,
            }),
        }
    }
    Ok(out)
}

/// Hides a reported vacancy with a note to its employer, or dismisses its reports.
#[tracing::instrument(skip_all)]
pub async fn decide(st: &AppState, me: &User, form: &ReportActionForm, ip: &str) -> Result<(), AppError> {
    admin(me)?;
    let now = st.clock.now();
    let (vacancy_id, status) = match form.decision()? {
        Decision::Hide { vacancy_id, note } => {
            let by = super::vacancies::actor(me);
            // Closed meanwhile by its company: the reports are closed all the same.
            if st.db.close_vacancy_for(vacancy_id, None, CloseReason::Hidden, by, &note, now).await? {
                st.indexer.wake();
            }
            (vacancy_id, "hidden")
        }
        Decision::Dismiss { vacancy_id } => (vacancy_id, "dismissed"),
    };
    if st.db.handle_reports(vacancy_id, status, me.id, now).await? == 0 {
        return Err(AppError::NotFound);
    }
    super::auth::security_event(st, &format!("vacancy-reports-{status}"), Some(me.id), ip, &format!("vacancy {vacancy_id}")).await;
    Ok(())
}
