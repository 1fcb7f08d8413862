//! The citizen's side: asking for help, the thread with the jobcentre, meetings,
//! and what Min side shows of it. Always the signed-in citizen's own case.

use crate::domain::account::User;
use crate::domain::case::MyJobcentre;
use crate::domain::contact::{check_text, Message};
use crate::domain::escalation::{self, Reason, Track};
use crate::domain::limits;
use crate::domain::screening::{self, Screening, ScreeningForm};
use crate::error::{AppError, FieldErrors};
use crate::i18n::Msg;
use crate::ssr::services::caseworker::{escalated_notice, escalation_views, meeting_view, message_view, rules, screening_of};
use crate::ssr::services::jobseeker::profile;
use crate::ssr::AppState;
use chrono::NaiveDate;

/// The citizen asks the jobcentre for help, optionally with a message. Asking
/// again while a request is open adds the message and raises nothing new.
#[tracing::instrument(skip_all)]
pub async fn ask_help(st: &AppState, me: &User, message: &str, today: NaiveDate) -> Result<(), AppError> {
    profile(st, me, today).await?;
    let now = st.clock.now();
    if !message.trim().is_empty() {
        let body = check_text(message).map_err(|m| FieldErrors::one("message", m))?;
        within_message_quota(st, me, "message").await?;
        st.db.insert_message(me.id, me.id, true, &body, now).await?;
    }
    let reason = Reason::HelpRequested;
    let due_on = escalation::due_on(today, &rules::effective(st, me.municipality_code).await?);
    let municipality = me.municipality_code.map(i32::from);
    let raised = st
        .db
        .raise_escalation(me.id, municipality, (reason.code(), "borgeren bad om hjælp"), due_on, &escalated_notice(reason)?, now)
        .await?;
    tracing::info!(user = me.id, raised = raised.is_some(), "citizen asked for help");
    Ok(())
}

/// The self-assessment: stored once; when it points to a caseworker, the
/// escalation is raised at once (the scan would also find it).
#[tracing::instrument(skip_all)]
pub async fn screen(st: &AppState, me: &User, form: &ScreeningForm, today: NaiveDate) -> Result<Screening, AppError> {
    profile(st, me, today).await?;
    if let Some(done) = screening_of(st, me.id).await? {
        return Ok(done);
    }
    let answers = screening::validate(form).map_err(AppError::Invalid)?;
    let flags = screening::flags(&answers);
    let now = st.clock.now();
    use crate::ssr::services::jobseeker::encode;
    st.db.save_screening(me.id, &encode(&answers)?, &encode(&flags)?, now).await?;
    if !flags.is_empty() {
        let reason = Reason::Screening;
        let detail = flags.iter().map(|f| crate::i18n::Lang::Da.t(f.label())).collect::<Vec<_>>().join(", ");
        let due_on = escalation::due_on(today, &rules::effective(st, me.municipality_code).await?);
        st.db
            .raise_escalation(me.id, me.municipality_code.map(i32::from), (reason.code(), &detail), due_on, &escalated_notice(reason)?, now)
            .await?;
    }
    tracing::info!(user = me.id, to_caseworker = !flags.is_empty(), "screening answered");
    Ok(Screening { answers, flags, at: now })
}

/// What Min side shows of the jobcentre.
#[tracing::instrument(skip_all)]
pub async fn mine(st: &AppState, me: &User) -> Result<MyJobcentre, AppError> {
    let escalations = escalation_views(&st.db.escalations_for(me.id).await?);
    let meetings = st.db.meetings(me.id).await?.into_iter().filter_map(meeting_view).collect();
    let track = st.db.track(me.id).await?.and_then(|t| Track::parse(&t)).unwrap_or(Track::SelfService);
    Ok(MyJobcentre {
        escalations,
        meetings,
        unread: st.db.unread_messages(me.id, true).await?,
        caseworker_track: track == Track::Caseworker,
        screened: st.db.screening(me.id).await?.is_some(),
    })
}

/// The thread with the jobcentre; what the jobcentre wrote is now read.
#[tracing::instrument(skip_all)]
pub async fn messages(st: &AppState, me: &User) -> Result<Vec<Message>, AppError> {
    let rows = st.db.messages(me.id).await?;
    st.db.mark_messages_read(me.id, true, st.clock.now()).await?;
    Ok(rows.into_iter().map(|r| message_view(r, &me.name)).collect())
}

#[tracing::instrument(skip_all)]
pub async fn send(st: &AppState, me: &User, body: &str) -> Result<(), AppError> {
    let body = check_text(body).map_err(|m| FieldErrors::one("body", m))?;
    within_message_quota(st, me, "body").await?;
    st.db.insert_message(me.id, me.id, true, &body, st.clock.now()).await?;
    Ok(())
}

/// A citizen sends the jobcentre at most so many messages a day; counted before
/// the message is stored, so parallel sends cannot pass it. At the limit, a clear
/// message at the field, and the text typed stays in the form.
async fn within_message_quota(st: &AppState, me: &User, field: &str) -> Result<(), AppError> {
    let now = st.clock.now();
    let limit = limits::MESSAGES_PER_JOBSEEKER;
    match st.db.take_event(limits::kind::MESSAGE, &me.id.to_string(), now - limit.window, limit.count, now).await? {
        Some(_) => Ok(()),
        None => Err(FieldErrors::one(field, Msg::ErrMessagesFull)),
    }
}

#[tracing::instrument(skip_all)]
pub async fn confirm_meeting(st: &AppState, me: &User, id: i64) -> Result<(), AppError> {
    if st.db.confirm_meeting(me.id, id, st.clock.now()).await? {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}
