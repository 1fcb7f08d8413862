//! "Min side": where the jobseeker stands, in one read.

use super::{availability_status, checks, cv, joblog, profile};
use crate::domain::account::User;
use crate::domain::cv as cv_rules;
use crate::domain::jobseeker::{Notice, Notification, Overview};
use crate::error::AppError;
use crate::ssr::AppState;
use chrono::NaiveDate;

#[tracing::instrument(skip_all)]
pub async fn overview(st: &AppState, me: &User, today: NaiveDate) -> Result<Overview, AppError> {
    checks::sweep_one(st, me.id, today).await?;
    crate::ssr::services::agents::sweep_user(st, me.id, today).await?;
    let row = profile(st, me, today).await?;
    let cv = cv::parse(&row)?;
    let (_, status) = availability_status(st, me.id, today).await?;
    let entries = joblog::entries(st, me.id).await?;
    Ok(Overview {
        name: me.name.clone(),
        today,
        cv_missing: cv.missing(),
        cv_percent: cv.percent_complete(),
        cv_searchable: cv_rules::searchable(&cv, status.sick_since.is_some()),
        cv_deadline: (!cv.is_complete()).then(|| cv_rules::deadline(row.registered_on, &st.rules.cv)),
        progress: joblog::progress_of(&entries, today, &st.rules.joblog),
        applications_per_week: st.rules.joblog.applications_per_week,
        check_due: row.check_due_on,
        status,
        notifications: notifications(st, me, 10).await?,
        suggestions: checks::suggestions(st, &cv, today, 5).await?,
        jobcentre: crate::ssr::services::jobseeker::contact::mine(st, me).await?,
    })
}

#[tracing::instrument(skip_all)]
pub async fn notifications(st: &AppState, me: &User, limit: i64) -> Result<Vec<Notification>, AppError> {
    let rows = st.db.notifications(me.id, limit).await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            let notice: Notice = serde_json::from_str(&r.payload).ok()?;
            Some(Notification { id: r.id, at: r.created_at, notice, read: r.read_at.is_some() })
        })
        .collect())
}

#[tracing::instrument(skip_all)]
pub async fn mark_read(st: &AppState, me: &User) -> Result<u64, AppError> {
    st.db.mark_notifications_read(me.id, st.clock.now()).await
}
