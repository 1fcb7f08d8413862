//! The CV: read, edit one section at a time, and keep "searchable" true to the rules.

use super::{availability_status, notify, profile};
use crate::domain::account::User;
use crate::domain::cv::{self, Cv, CvForm, Section};
use crate::domain::jobseeker::{CvView, Notice};
use crate::error::AppError;
use crate::ssr::db::JobseekerRow;
use crate::ssr::AppState;
use chrono::NaiveDate;

pub(crate) fn parse(row: &JobseekerRow) -> Result<Cv, AppError> {
    // A CV that cannot be read is a fault to fix, never something to overwrite.
    serde_json::from_str(&row.cv).map_err(|e| AppError::internal(format_args!("CV of user {} unreadable: {e}", row.user_id)))
}

#[tracing::instrument(skip_all)]
pub async fn view(st: &AppState, me: &User, today: NaiveDate) -> Result<CvView, AppError> {
    let row = profile(st, me, today).await?;
    let cv = parse(&row)?;
    let (_, status) = availability_status(st, me.id, today).await?;
    let sick = status.sick_since.is_some();
    Ok(CvView {
        missing: cv.missing(),
        percent: cv.percent_complete(),
        searchable: cv::searchable(&cv, sick),
        deadline: (!cv.is_complete()).then(|| cv::deadline(row.registered_on, &st.rules.cv)),
        sick,
        name: me.name.clone(),
        email: me.email.clone(),
        cv,
    })
}

/// Applies one edit; nothing is saved when the edit is rejected.
#[tracing::instrument(skip_all)]
pub async fn edit(st: &AppState, me: &User, form: &CvForm, today: NaiveDate) -> Result<Section, AppError> {
    let row = profile(st, me, today).await?;
    let mut cv = parse(&row)?;
    let section = cv::apply(&mut cv, form, today, &st.rules.cv)?;
    let (_, status) = availability_status(st, me.id, today).await?;
    let searchable = cv::searchable(&cv, status.sick_since.is_some());
    let json = serde_json::to_string(&cv).map_err(|e| AppError::internal(format_args!("encoding CV: {e}")))?;
    st.db.save_cv(me.id, &json, cv.is_complete(), searchable, st.clock.now()).await?;
    st.cv_indexer.wake();
    if searchable && !row.cv_searchable {
        notify(st, me.id, &Notice::CvSearchable).await?;
    }
    Ok(section)
}

/// Brings "searchable" in line after a change of sickness.
#[tracing::instrument(skip_all)]
pub async fn refresh_searchable(st: &AppState, me: &User, sick: bool, today: NaiveDate) -> Result<(), AppError> {
    let row = profile(st, me, today).await?;
    let cv = parse(&row)?;
    st.db.set_cv_searchable(me.id, cv::searchable(&cv, sick), st.clock.now()).await?;
    st.cv_indexer.wake();
    Ok(())
}
