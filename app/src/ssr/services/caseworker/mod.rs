//! The caseworker's side of the jobcentre, for when self-service stalls: the scan
//! that raises escalations, the queue, the case and its actions, and each
//! municipality's rules. (The citizen's side is `jobseeker::contact`.)

pub mod cases;
pub mod rules;
pub mod scan;

use crate::domain::contact::{Meeting, MeetingKind, MeetingStatus, Message};
use crate::domain::escalation::{self, CitizenEscalation, Reason, Status};
use crate::ssr::db::{EscalationRow, MeetingRow, MessageRow};

fn escalation_view(r: &EscalationRow) -> Option<CitizenEscalation> {
    Some(CitizenEscalation {
        reason: Reason::parse(&r.reason)?,
        status: Status::parse(&r.status)?,
        raised_at: r.created_at,
        resolution: r.resolution.clone(),
    })
}

/// Open first, then the closed ones, newest first.
pub(crate) fn escalation_views(rows: &[EscalationRow]) -> Vec<CitizenEscalation> {
    let mut out: Vec<CitizenEscalation> = rows.iter().filter_map(escalation_view).collect();
    out.sort_by_key(|e| (e.status != Status::Open, std::cmp::Reverse(e.raised_at)));
    out
}

pub(crate) fn message_view(r: MessageRow, citizen_name: &str) -> Message {
    Message {
        id: r.id,
        from_citizen: r.from_citizen,
        author: if r.from_citizen { citizen_name.to_string() } else { r.author.unwrap_or_default() },
        body: r.body,
        at: r.created_at,
        read: r.read_at.is_some(),
    }
}

pub(crate) fn meeting_view(r: MeetingRow) -> Option<Meeting> {
    Some(Meeting {
        id: r.id,
        kind: MeetingKind::parse(&r.kind)?,
        starts_at: r.starts_at,
        place: r.place,
        status: MeetingStatus::parse(&r.status)?,
        caseworker: r.caseworker.unwrap_or_default(),
    })
}

/// The escalation's notice to the citizen, stored as data.
pub(crate) fn escalated_notice(reason: Reason) -> Result<String, crate::error::AppError> {
    crate::ssr::services::jobseeker::encode(&crate::domain::jobseeker::Notice::Escalated { reason })
}

/// The citizen's screening, if they answered it.
#[tracing::instrument(skip_all)]
pub async fn screening_of(
    st: &crate::ssr::AppState,
    user_id: i64,
) -> Result<Option<crate::domain::screening::Screening>, crate::error::AppError> {
    let Some((answers, flags, at)) = st.db.screening(user_id).await? else { return Ok(None) };
    let bad = |e: serde_json::Error| crate::error::AppError::internal(format_args!("screening of user {user_id} unreadable: {e}"));
    Ok(Some(crate::domain::screening::Screening {
        answers: serde_json::from_str(&answers).map_err(bad)?,
        flags: serde_json::from_str(&flags).map_err(bad)?,
        at,
    }))
}

/// When the caseworker should act by, for an escalation raised at `raised_at`.
fn due_on(st: &crate::ssr::AppState, row_due: Option<chrono::NaiveDate>, raised_at: chrono::DateTime<chrono::Utc>) -> chrono::NaiveDate {
    row_due.unwrap_or_else(|| escalation::due_on(crate::domain::time::danish_date(raised_at), &st.rules.escalation))
}
