//! The jobseeker's self-service: CV, joblog, availability, the 7-day check and
//! "Min side". Every function acts on the signed-in jobseeker's own data only.

pub mod availability;
pub mod checks;
pub mod contact;
pub mod cv;
pub mod joblog;
pub mod overview;

use crate::domain::account::{Role, User};
use crate::domain::availability::{self as rules_availability, Event, Status};
use crate::domain::calendar::check_deadline;
use crate::error::AppError;
use crate::ssr::db::JobseekerRow;
use crate::ssr::AppState;
use chrono::{DateTime, NaiveDate, Utc};

/// The jobseeker's profile, created on first use (registration day = today, the
/// first check a week on).
#[tracing::instrument(skip_all)]
pub async fn profile(st: &AppState, me: &User, today: NaiveDate) -> Result<JobseekerRow, AppError> {
    if me.role != Role::Jobseeker {
        return Err(AppError::Forbidden);
    }
    if let Some(row) = st.db.jobseeker(me.id).await? {
        return Ok(row);
    }
    st.db.ensure_jobseeker(me.id, today, check_deadline(today, &st.rules.check, &[])).await?;
    st.db.jobseeker(me.id).await?.ok_or_else(|| AppError::internal(format_args!("jobseeker {} missing after insert", me.id)))
}

/// Availability events with when they were reported, oldest first.
pub type AvailabilityHistory = Vec<(DateTime<Utc>, Event)>;

/// The availability history (oldest first) and the status it gives today.
#[tracing::instrument(skip_all)]
pub async fn availability_status(st: &AppState, user_id: i64, today: NaiveDate) -> Result<(AvailabilityHistory, Status), AppError> {
    let history = st.db.availability(user_id).await?;
    let events: Vec<Event> = history.iter().map(|(_, e)| *e).collect();
    let status = rules_availability::status(&events, today, &st.rules.availability);
    Ok((history, status))
}

/// Stores a notification for the person.
#[tracing::instrument(skip_all)]
pub async fn notify(st: &AppState, user_id: i64, notice: &crate::domain::jobseeker::Notice) -> Result<(), AppError> {
    st.db.insert_notification(user_id, &encode(notice)?, st.clock.now()).await
}

pub(crate) fn encode<T: serde::Serialize>(v: &T) -> Result<String, AppError> {
    serde_json::to_string(v).map_err(|e| AppError::internal(format_args!("encoding: {e}")))
}
