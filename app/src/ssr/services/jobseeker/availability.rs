//! Availability: hours, sickness, holiday. A change here moves what depends on it:
//! the CV's visibility and the check deadline.

use super::{availability_status, cv, profile};
use crate::domain::account::User;
use crate::domain::availability::{self, AvailabilityForm, Event};
use crate::domain::calendar::{check_deadline, next_deadline_day};
use crate::domain::jobseeker::AvailabilityView;
use crate::error::AppError;
use crate::ssr::AppState;
use chrono::NaiveDate;

#[tracing::instrument(skip_all)]
pub async fn view(st: &AppState, me: &User, today: NaiveDate) -> Result<AvailabilityView, AppError> {
    profile(st, me, today).await?;
    let (mut history, status) = availability_status(st, me.id, today).await?;
    history.reverse();
    Ok(AvailabilityView { status, history, rules: st.rules.availability, today })
}

/// Reports sick or well, registers a holiday, or changes weekly hours.
#[tracing::instrument(skip_all)]
pub async fn report(st: &AppState, me: &User, form: &AvailabilityForm, today: NaiveDate) -> Result<Event, AppError> {
    let row = profile(st, me, today).await?;
    let (history, status) = availability_status(st, me.id, today).await?;
    let event = availability::event_from_form(form, &status, today, &st.rules.availability)?;
    st.db.insert_availability(me.id, &event, st.clock.now()).await?;
    match event {
        Event::Sick { .. } => cv::refresh_searchable(st, me, true, today).await?,
        Event::Well { .. } => {
            cv::refresh_searchable(st, me, false, today).await?;
            // Back from sickness: a deadline that passed meanwhile starts afresh.
            if row.check_due_on <= today {
                let mut events: Vec<Event> = history.iter().map(|(_, e)| *e).collect();
                events.push(event);
                let due = check_deadline(today, &st.rules.check, &availability::holidays(&events));
                st.db.set_check_due(me.id, due).await?;
            }
        }
        Event::Holiday { .. } => {
            // A deadline inside the holiday moves to the first deadline day after it.
            let mut events: Vec<Event> = history.iter().map(|(_, e)| *e).collect();
            events.push(event);
            let due = next_deadline_day(row.check_due_on, &availability::holidays(&events));
            if due != row.check_due_on {
                st.db.set_check_due(me.id, due).await?;
            }
        }
        Event::Hours { .. } => {}
    }
    Ok(event)
}
