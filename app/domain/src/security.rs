//! What administrators see of security: refused attempts and changes of rights,
//! and the staff accounts they can switch off.

use super::account::Role;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Events a page shows at a time.
pub const EVENTS_PER_PAGE: i64 = 100;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SecurityEvent {
    pub id: i64,
    pub at: DateTime<Utc>,
    pub kind: String,
    /// Who was signed in, by e-mail, if anyone.
    pub who: Option<String>,
    pub ip: String,
    /// The method and path asked for, or what the event concerned.
    pub what: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffAccount {
    pub id: i64,
    pub role: Role,
    pub name: String,
    pub email: String,
    pub municipality: Option<u16>,
    pub active: bool,
    /// Their second factor is set up.
    pub second_factor: bool,
}

code_enum!(
    /// What an administrator does to a staff account.
    StaffAction {
        Deactivate => "deactivate", Deactivate;
        Reactivate => "reactivate", Reactivate;
        ResetSecondFactor => "reset-second-factor", ResetSecondFactor;
    }
);

/// The label of a kind of security event.
pub fn kind_label(kind: &str) -> crate::i18n::Msg {
    use crate::i18n::Msg;
    match kind {
        "refused-401" => Msg::SecUnauthenticated,
        "refused-403" => Msg::SecForbidden,
        "cross-site" => Msg::SecCrossSite,
        "sign-in-paused" => Msg::SecSignInPaused,
        "sign-up-paused" => Msg::SecSignUpPaused,
        "company-user-approved" => Msg::SecCompanyUserApproved,
        "company-user-removed" => Msg::SecCompanyUserRemoved,
        "company-admin-moved" => Msg::SecCompanyAdminMoved,
        "staff-deactivated" => Msg::SecStaffDeactivated,
        "staff-reactivated" => Msg::SecStaffReactivated,
        "second-factor-set-up" => Msg::SecSecondFactorSetUp,
        "second-factor-paused" => Msg::SecSecondFactorPaused,
        "recovery-code-used" => Msg::SecRecoveryCodeUsed,
        "recovery-codes-replaced" => Msg::SecRecoveryCodesReplaced,
        "second-factor-reset" => Msg::SecSecondFactorReset,
        _ => Msg::SecOther,
    }
}
