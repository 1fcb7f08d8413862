//! The caseworker's side: the queue of open escalations in their municipality,
//! one citizen's case (audit-logged with its purpose), and what they do on it.

use super::{due_on, escalation_view, meeting_view, message_view};
use crate::domain::account::{self, CitizenCard, Role, User};
use crate::domain::audit::{AuditAction, Purpose};
use crate::domain::case::{dashboard, CaseAction, CaseForm, CaseView, Dashboard, QueueAction, QueueForm, QueuePage};
use crate::domain::contact::{check_text, validate_meeting, Note};
use crate::domain::escalation::{age_days, QueueFilter, QueueItem, Reason, Status, Track};
use crate::domain::jobseeker::Notice;
use crate::error::{AppError, FieldErrors};
use crate::ssr::db::{QueueRow, UserRow};
use crate::ssr::services::jobseeker::{availability_status, encode, joblog};
use crate::ssr::AppState;
use chrono::NaiveDate;

/// Staff only; a caseworker sees their own municipality, an administrator all.
fn scope(viewer: &User) -> Result<Option<i32>, AppError> {
    match viewer.role {
        Role::Admin => Ok(None),
        Role::Caseworker => viewer.municipality_code.map(|m| Some(i32::from(m))).ok_or(AppError::Forbidden),
        _ => Err(AppError::Forbidden),
    }
}

/// The citizen, if the viewer may act on them (404 for no such citizen, 403 outside scope).
async fn citizen(st: &AppState, viewer: &User, citizen_id: i64) -> Result<UserRow, AppError> {
    let row = st.db.user_by_id(citizen_id).await?.filter(|r| r.role == Role::Jobseeker.as_str()).ok_or(AppError::NotFound)?;
    if !account::may_see_citizen(viewer, row.municipality_code.and_then(|c| u16::try_from(c).ok())) {
        tracing::warn!(viewer = viewer.id, citizen = citizen_id, "case outside the viewer's municipality: refused");
        return Err(AppError::Forbidden);
    }
    Ok(row)
}

/// A queue line. In a list (`in_list`), details that may be special-category data
/// (a screening's answers about health) are left out: they belong in the case,
/// which is opened with a purpose and audit-logged.
fn queue_item(st: &AppState, r: QueueRow, in_list: bool) -> Option<QueueItem> {
    let reason = Reason::parse(&r.reason)?;
    let detail = if in_list && reason == Reason::Screening { String::new() } else { r.detail };
    Some(QueueItem {
        id: r.id,
        citizen_id: r.user_id,
        citizen_name: r.citizen_name,
        reason,
        detail,
        raised_at: r.created_at,
        due_on: due_on(st, r.due_on, r.created_at),
        assigned_to: r.assigned_to.zip(r.assigned_name),
        unread: r.unread,
    })
}

async fn colleagues(st: &AppState, viewer: &User) -> Result<Vec<(i64, String)>, AppError> {
    match viewer.municipality_code {
        Some(m) => st.db.caseworkers(i32::from(m)).await,
        None => Ok(Vec::new()),
    }
}

/// The work queue. Every citizen it names is audit-logged (one row each, written
/// together) before the list is returned, so the citizen sees that their name and
/// reason were shown.
#[tracing::instrument(skip_all)]
pub async fn queue(st: &AppState, viewer: &User, filter: QueueFilter, today: NaiveDate) -> Result<QueuePage, AppError> {
    let rows = st.db.open_escalations(scope(viewer)?, None).await?;
    let items = filter.apply(rows.into_iter().filter_map(|r| queue_item(st, r, true)).collect(), viewer.id);
    let mut citizens: Vec<i64> = items.iter().map(|i| i.citizen_id).collect();
    citizens.sort_unstable();
    citizens.dedup();
    let what = "arbejdskø: navn, årsag og frist";
    st.db.insert_audit_batch(viewer, AuditAction::Read, &citizens, what, Purpose::Escalation.code(), st.clock.now()).await?;
    Ok(QueuePage { items, filter, colleagues: colleagues(st, viewer).await?, me: viewer.id, today })
}

/// Takes a task, or hands it to a colleague in the same municipality.
#[tracing::instrument(skip_all)]
pub async fn assign(st: &AppState, viewer: &User, form: &QueueForm) -> Result<(), AppError> {
    let id: i64 = form.id.trim().parse().map_err(|_| AppError::BadRequest)?;
    let escalation = st.db.escalation(id).await?.ok_or(AppError::NotFound)?;
    citizen(st, viewer, escalation.user_id).await?;
    let to = match QueueAction::parse(&form.action).ok_or(AppError::BadRequest)? {
        QueueAction::Claim => viewer.id,
        QueueAction::Assign => {
            let to: i64 = form.to.trim().parse().map_err(|_| FieldErrors::one("to", crate::i18n::Msg::ErrChooseOne))?;
            if !colleagues(st, viewer).await?.iter().any(|(c, _)| *c == to) {
                return Err(FieldErrors::one("to", crate::i18n::Msg::ErrChooseOne));
            }
            to
        }
    };
    if !st.db.assign_escalation(id, to).await? {
        return Err(AppError::NotFound);
    }
    let what = if to == viewer.id { "opgave taget" } else { "opgave givet til en kollega" };
    st.db.insert_audit(viewer, AuditAction::Change, escalation.user_id, what, Purpose::Escalation.code(), st.clock.now()).await?;
    tracing::info!(escalation = id, by = viewer.id, to, "task assigned");
    Ok(())
}

/// One citizen's case. The read is audit-logged with its purpose before anything
/// is returned, and the citizen's messages count as read by the jobcentre.
#[tracing::instrument(skip_all)]
pub async fn case(st: &AppState, viewer: &User, citizen_id: i64, purpose: Purpose, today: NaiveDate) -> Result<CaseView, AppError> {
    let row = citizen(st, viewer, citizen_id).await?;
    let what = "sag: CV, joblog, rådighed, tjek, henvendelser, beskeder, møder, journal";
    st.db.insert_audit(viewer, AuditAction::Read, citizen_id, what, purpose.code(), st.clock.now()).await?;
    let profile = st.db.jobseeker(citizen_id).await?;
    let cv = match &profile {
        Some(p) => crate::ssr::services::jobseeker::cv::parse(p)?,
        None => Default::default(),
    };
    let escalations = st.db.escalations_for(citizen_id).await?;
    let open: Vec<QueueItem> =
        st.db.open_escalations(None, Some(citizen_id)).await?.into_iter().filter_map(|r| queue_item(st, r, false)).collect();
    let mut earlier: Vec<_> = escalations.iter().filter(|e| e.status != Status::Open.code()).filter_map(escalation_view).collect();
    earlier.reverse();
    let messages = st.db.messages(citizen_id).await?.into_iter().map(|m| message_view(m, &row.name)).collect();
    st.db.mark_messages_read(citizen_id, false, st.clock.now()).await?;
    let entries = joblog::entries(st, citizen_id).await?;
    let (_, availability) = availability_status(st, citizen_id, today).await?;
    let notes = st
        .db
        .notes(citizen_id)
        .await?
        .into_iter()
        .map(|n| Note { at: n.created_at, author: n.author.unwrap_or_default(), body: n.body })
        .collect();
    Ok(CaseView {
        card: CitizenCard {
            id: row.id,
            name: row.name.clone(),
            email: row.email.clone(),
            phone: row.phone.clone(),
            municipality_code: row.municipality_code.and_then(|c| u16::try_from(c).ok()),
        },
        today,
        track: st.db.track(citizen_id).await?.and_then(|t| Track::parse(&t)).unwrap_or(Track::SelfService),
        registered_on: profile.as_ref().map(|p| p.registered_on),
        open,
        earlier,
        messages,
        meetings: st.db.meetings(citizen_id).await?.into_iter().filter_map(meeting_view).collect(),
        notes,
        cv_percent: cv.percent_complete(),
        cv_missing: cv.missing(),
        progress: joblog::progress_of(&entries, today, &st.rules.joblog),
        applications_per_week: st.rules.joblog.applications_per_week,
        recent_entries: entries.into_iter().take(10).collect(),
        availability,
        checks: st.db.check_events(citizen_id).await?,
        screening: super::screening_of(st, citizen_id).await?,
        colleagues: colleagues(st, viewer).await?,
    })
}

/// A journal note, a message, a meeting, or closing the open escalations.
#[tracing::instrument(skip_all)]
pub async fn act(st: &AppState, viewer: &User, citizen_id: i64, form: &CaseForm) -> Result<(), AppError> {
    let row = citizen(st, viewer, citizen_id).await?;
    let now = st.clock.now();
    let act = CaseAction::parse(&form.action).ok_or(AppError::BadRequest)?;
    let (action, what) = match act {
        CaseAction::CancelMeeting => {
            let id: i64 = form.meeting_id.trim().parse().map_err(|_| AppError::BadRequest)?;
            let starts_at = st.db.cancel_meeting(citizen_id, id).await?.ok_or(AppError::NotFound)?;
            st.db.insert_notification(citizen_id, &encode(&Notice::MeetingCancelled { starts_at })?, now).await?;
            (AuditAction::Change, "møde aflyst")
        }
        CaseAction::Note => {
            let body = check_text(&form.note).map_err(|m| FieldErrors::one("note", m))?;
            st.db.insert_note(citizen_id, viewer.id, &body, now).await?;
            (AuditAction::Change, "journalnotat")
        }
        CaseAction::Message => {
            let body = check_text(&form.body).map_err(|m| FieldErrors::one("body", m))?;
            st.db.insert_message(citizen_id, viewer.id, false, &body, now).await?;
            st.db.insert_notification(citizen_id, &encode(&Notice::MessageFromJobcentre)?, now).await?;
            (AuditAction::Change, "besked")
        }
        CaseAction::Meeting => {
            let m = validate_meeting(&form.meeting(), crate::domain::time::to_danish(now)).map_err(AppError::Invalid)?;
            // By phone with no number given: the citizen's own number.
            let place = if m.place.is_empty() { row.phone.clone().unwrap_or_default() } else { m.place.clone() };
            st.db.insert_meeting(citizen_id, viewer.id, (m.kind.code(), m.starts_at, &place), now).await?;
            st.db.insert_notification(citizen_id, &encode(&Notice::MeetingBooked { starts_at: m.starts_at })?, now).await?;
            (AuditAction::Change, "møde")
        }
        CaseAction::Resolve | CaseAction::Track => {
            let resolution =
                check_text(&form.resolution).map_err(|_| FieldErrors::one("resolution", crate::i18n::Msg::ErrResolutionMissing))?;
            let (status, track) = if act == CaseAction::Resolve {
                (Status::Resolved, Track::SelfService)
            } else {
                (Status::CaseworkerTrack, Track::Caseworker)
            };
            let notice = encode(&Notice::EscalationClosed { status })?;
            let n = st.db.close_escalations(citizen_id, (status.code(), track.code()), &resolution, viewer.id, &notice, now).await?;
            if n == 0 && status == Status::Resolved {
                return Err(FieldErrors::one("resolution", crate::i18n::Msg::NothingOpen));
            }
            (
                AuditAction::Change,
                if status == Status::Resolved { "afsluttet: selvbetjening" } else { "afsluttet: forløb med jobkonsulent" },
            )
        }
    };
    st.db.insert_audit(viewer, action, citizen_id, what, Purpose::Escalation.code(), now).await?;
    tracing::info!(citizen = citizen_id, by = viewer.id, action = act.code(), "case action");
    Ok(())
}

/// The dashboard of the viewer's municipality (all, for an administrator).
#[tracing::instrument(skip_all)]
pub async fn overview(st: &AppState, viewer: &User, today: NaiveDate) -> Result<Dashboard, AppError> {
    let tally = st.db.tally(scope(viewer)?).await?;
    let tracks: Vec<(Track, i64)> = tally.tracks.iter().filter_map(|(t, n)| Some((Track::parse(t)?, *n))).collect();
    let open: Vec<(Reason, i64)> = tally.open.iter().filter_map(|(r, at)| Some((Reason::parse(r)?, age_days(*at, today)))).collect();
    let closed: Vec<f64> = tally.closed.iter().map(|(from, to)| (*to - *from).num_minutes() as f64 / (24.0 * 60.0)).collect();
    let area = scope(viewer)?
        .and_then(|m| u16::try_from(m).ok())
        .and_then(crate::domain::municipality::by_code)
        .map(|m| (m.code, m.region_on(today)));
    Ok(Dashboard { area, ..dashboard(&tracks, &open, &closed) })
}
