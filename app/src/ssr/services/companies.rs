//! Companies: their administrator approves and removes users; an administrator of
//! Jobunivers can move a company's administration to the right person after
//! checking by other means (a CVR number is public, so the first to sign up with
//! it may not be the company). Every change is a security event.

use crate::domain::account::{CompanyRole, Role, User};
use crate::domain::company::{self, CompanyUser, CompanyView, UserAction};
use crate::error::{AppError, FieldErrors};
use crate::i18n::Msg;
use crate::ssr::db::CompanyRow;
use crate::ssr::AppState;

async fn view(st: &AppState, company: CompanyRow, my_role: Option<CompanyRole>, with_users: bool) -> Result<CompanyView, AppError> {
    let users = if with_users {
        st.db
            .company_users(company.id)
            .await?
            .into_iter()
            .filter_map(|u| {
                Some(CompanyUser { id: u.id, name: u.name, email: u.email, role: CompanyRole::parse(u.company_role.as_deref()?)? })
            })
            .collect()
    } else {
        Vec::new()
    };
    Ok(CompanyView { name: company.name, cvr: company.cvr, my_role, users })
}

/// The employer's own company, with its users when they administer it.
#[tracing::instrument(skip_all)]
pub async fn mine(st: &AppState, me: &User) -> Result<Option<CompanyView>, AppError> {
    if me.role != Role::Employer {
        return Err(AppError::Forbidden);
    }
    let Some(company) = (match me.company_id {
        Some(id) => st.db.company(id).await?,
        None => None,
    }) else {
        return Ok(None);
    };
    let admin = me.administered_company().is_some();
    view(st, company, me.company_role, admin).await.map(Some)
}

/// Approves or removes a user of the company the caller administers. A user of
/// another company, or none, is "not found".
#[tracing::instrument(skip_all)]
pub async fn act(st: &AppState, me: &User, action: UserAction, user_id: i64, ip: &str) -> Result<(), AppError> {
    let company_id = me.administered_company().ok_or(AppError::Forbidden)?;
    let done = match action {
        UserAction::Approve => st.db.change_company_role(company_id, user_id, CompanyRole::Pending, CompanyRole::Member).await?,
        UserAction::Remove => st.db.remove_company_user(company_id, user_id).await?,
    };
    if !done {
        return Err(AppError::NotFound);
    }
    let kind = match action {
        UserAction::Approve => "company-user-approved",
        UserAction::Remove => "company-user-removed",
    };
    super::auth::security_event(st, kind, Some(me.id), ip, &format!("company {company_id}, user {user_id}")).await;
    Ok(())
}

/// A company by CVR number, with all its users, for an administrator of Jobunivers.
#[tracing::instrument(skip_all)]
pub async fn find(st: &AppState, admin: &User, cvr: &str) -> Result<Option<CompanyView>, AppError> {
    if admin.role != Role::Admin {
        return Err(AppError::Forbidden);
    }
    let Ok(cvr) = crate::domain::identity::cvr(cvr) else { return Ok(None) };
    match st.db.company_by_cvr(&cvr).await? {
        Some(company) => view(st, company, None, true).await.map(Some),
        None => Ok(None),
    }
}

/// Moves a company's administration to one of its users, with the reason
/// recorded; only an administrator of Jobunivers, after checking by other means.
#[tracing::instrument(skip_all)]
pub async fn move_admin(st: &AppState, admin: &User, cvr: &str, user_id: i64, reason: &str, ip: &str) -> Result<(), AppError> {
    if admin.role != Role::Admin {
        return Err(AppError::Forbidden);
    }
    let reason = company::reason(reason).ok_or_else(|| FieldErrors::one("reason", Msg::ErrRecoveryReason))?;
    let cvr = crate::domain::identity::cvr(cvr).map_err(|_| AppError::NotFound)?;
    let company = st.db.company_by_cvr(&cvr).await?.ok_or(AppError::NotFound)?;
    if !st.db.move_company_admin(company.id, user_id, st.clock.now()).await? {
        return Err(AppError::NotFound);
    }
    let detail = format!("CVR {cvr}: administration to user {user_id}. {reason}");
    super::auth::security_event(st, "company-admin-moved", Some(admin.id), ip, &detail).await;
    tracing::info!(company = company.id, user = user_id, "company administration moved");
    Ok(())
}
