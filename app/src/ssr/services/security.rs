//! Security administration: the security log, and switching staff accounts off
//! and on. Administrators only; every change is itself a security event.

use crate::domain::account::{Role, User};
use crate::domain::security::{SecurityEvent, StaffAccount, EVENTS_PER_PAGE};
use crate::error::AppError;
use crate::ssr::AppState;

/// Administrators only: everyone else is refused.
pub(crate) fn admin(me: &User) -> Result<(), AppError> {
    if me.role == Role::Admin {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// Newest events first, before event `before` when paging back.
#[tracing::instrument(skip_all)]
pub async fn log(st: &AppState, me: &User, before: Option<i64>) -> Result<Vec<SecurityEvent>, AppError> {
    admin(me)?;
    Ok(st
        .db
        .security_events(before, EVENTS_PER_PAGE)
        .await?
        .into_iter()
        .map(|r| SecurityEvent {
            id: r.id,
            at: r.at,
            kind: r.kind,
            who: r.user_email,
            ip: r.ip,
            what: [format!("{} {}", r.method, r.path).trim().to_string(), r.detail]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(" · "),
        })
        .collect())
}

#[tracing::instrument(skip_all)]
pub async fn staff(st: &AppState, me: &User) -> Result<Vec<StaffAccount>, AppError> {
    admin(me)?;
    Ok(st
        .db
        .staff()
        .await?
        .into_iter()
        .filter_map(|r| {
            Some(StaffAccount {
                id: r.id,
                role: Role::parse(&r.role)?,
                name: r.name,
                email: r.email,
                municipality: r.municipality_code.and_then(|c| u16::try_from(c).ok()),
                active: r.deactivated_at.is_none(),
                second_factor: r.second_factor,
            })
        })
        .collect())
}

/// Switches a staff account off (its sessions end at once) or on again. An
/// administrator cannot switch themselves off.
#[tracing::instrument(skip_all)]
pub async fn set_active(st: &AppState, me: &User, id: i64, active: bool, ip: &str) -> Result<(), AppError> {
    admin(me)?;
    if id == me.id {
        return Err(AppError::BadRequest);
    }
    if !st.db.set_staff_active(id, active, st.clock.now()).await? {
        return Err(AppError::NotFound);
    }
    let kind = if active { "staff-reactivated" } else { "staff-deactivated" };
    super::auth::security_event(st, kind, Some(me.id), ip, &format!("user {id}")).await;
    Ok(())
}
