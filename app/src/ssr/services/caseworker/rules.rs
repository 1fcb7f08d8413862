//! The escalation rules in force: the configured defaults (`JOBUNIVERS_RULES`),
//! or a municipality's own latest version. Administrators change them; every
//! change is a new version with who, when and why.

use crate::domain::account::{Role, User};
use crate::domain::escalation::{validate_rules, EscalationRules, RulesForm, RulesPage, RulesVersion};
use crate::error::AppError;
use crate::ssr::AppState;
use std::collections::HashMap;

fn parse(json: &str, municipality: i32) -> Result<EscalationRules, AppError> {
    // Fields added later keep their defaults, so older versions stay readable.
    serde_json::from_str(json).map_err(|e| AppError::internal(format_args!("escalation rules of {municipality} unreadable: {e}")))
}

/// Every municipality's own rules (those without use the defaults).
#[tracing::instrument(skip_all)]
pub async fn all_effective(st: &AppState) -> Result<HashMap<u16, EscalationRules>, AppError> {
    let mut out = HashMap::new();
    for (m, json) in st.db.current_escalation_rules().await? {
        if let Ok(code) = u16::try_from(m) {
            out.insert(code, parse(&json, m)?);
        }
    }
    Ok(out)
}

/// The rules in force for a municipality.
#[tracing::instrument(skip_all)]
pub async fn effective(st: &AppState, municipality: Option<u16>) -> Result<EscalationRules, AppError> {
    let Some(m) = municipality else { return Ok(st.rules.escalation) };
    Ok(match st.db.escalation_rules_history(i32::from(m)).await?.first() {
        Some((_, json, ..)) => parse(json, i32::from(m))?,
        None => st.rules.escalation,
    })
}

fn admin_only(viewer: &User) -> Result<(), AppError> {
    if viewer.role == Role::Admin {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

#[tracing::instrument(skip_all)]
pub async fn page(st: &AppState, viewer: &User, municipality: u16) -> Result<RulesPage, AppError> {
    admin_only(viewer)?;
    let rows = st.db.escalation_rules_history(i32::from(municipality)).await?;
    let mut history = Vec::with_capacity(rows.len());
    for (version, json, note, by, at) in rows {
        history.push(RulesVersion {
            version,
            rules: parse(&json, i32::from(municipality))?,
            note,
            changed_by: by.unwrap_or_default(),
            changed_at: at,
        });
    }
    let current = history.first().map_or(st.rules.escalation, |v| v.rules);
    Ok(RulesPage { municipality, current, history, defaults: st.rules.escalation })
}

/// Saves a new version; the municipality it was for.
#[tracing::instrument(skip_all)]
pub async fn change(st: &AppState, viewer: &User, form: &RulesForm) -> Result<u16, AppError> {
    admin_only(viewer)?;
    let (municipality, rules, note) = validate_rules(form).map_err(AppError::Invalid)?;
    let json = crate::ssr::services::jobseeker::encode(&rules)?;
    let version = st.db.insert_escalation_rules(i32::from(municipality), &json, &note, viewer.id, st.clock.now()).await?;
    tracing::info!(admin = viewer.id, municipality, version, "escalation rules changed");
    Ok(municipality)
}
