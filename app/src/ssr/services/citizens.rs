//! Staff access to citizens' data: always within scope, always with a purpose,
//! always audit-logged before anything is shown.

use crate::domain::account::{self, CitizenCard, Role, User};
use crate::domain::audit::{Access, AuditAction, Purpose};
use crate::error::AppError;
use crate::ssr::db::UserRow;
use crate::ssr::AppState;

fn card(row: &UserRow) -> CitizenCard {
    CitizenCard {
        id: row.id,
        name: row.name.clone(),
        email: row.email.clone(),
        phone: row.phone.clone(),
        municipality_code: row.municipality_code.and_then(|c| u16::try_from(c).ok()),
    }
}

/// Looks a citizen up by e-mail. Only citizens the viewer may see are found; the
/// search and its terms are logged on the citizen found.
#[tracing::instrument(skip_all)]
pub async fn find_by_email(st: &AppState, viewer: &User, email: &str, purpose: Purpose) -> Result<Option<CitizenCard>, AppError> {
    let Some(email) = account::normalise_email(email) else { return Ok(None) };
    let Some(row) = st.db.user_by_email(&email).await? else { return Ok(None) };
    let found = card(&row);
    if row.role != Role::Jobseeker.as_str() || !account::may_see_citizen(viewer, found.municipality_code) {
        // Say nothing about people outside the viewer's scope, not even that they exist.
        return Ok(None);
    }
    let what = format!("e-mail: {email}");
    st.db.insert_audit(viewer, AuditAction::Search, found.id, &what, purpose.code(), st.clock.now()).await?;
    Ok(Some(found))
}

/// The accesses to this citizen's own data, for "Hvem har set mine oplysninger".
#[tracing::instrument(skip_all)]
pub async fn accesses(st: &AppState, citizen: &User) -> Result<Vec<Access>, AppError> {
    let rows = st.db.audit_for_citizen(citizen.id, 500).await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            Some(Access {
                at: r.at,
                actor_role: Role::parse(&r.actor_role)?,
                actor_municipality: r.actor_municipality.and_then(|c| u16::try_from(c).ok()),
                actor_company: r.actor_company,
                action: AuditAction::parse(&r.action)?,
                what: r.what,
                purpose: Purpose::parse(&r.purpose),
            })
        })
        .collect())
}
