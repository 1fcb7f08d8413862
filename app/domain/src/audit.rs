//! The audit log's vocabulary: what staff did with a citizen's data, and why.

use crate::i18n::Msg;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AuditAction {
    Read,
    Search,
    Change,
    Export,
    Delete,
}

impl AuditAction {
    pub fn as_str(self) -> &'static str {
        match self {
            AuditAction::Read => "read",
            AuditAction::Search => "search",
            AuditAction::Change => "change",
            AuditAction::Export => "export",
            AuditAction::Delete => "delete",
        }
    }

    pub fn parse(s: &str) -> Option<AuditAction> {
        [AuditAction::Read, AuditAction::Search, AuditAction::Change, AuditAction::Export, AuditAction::Delete]
            .into_iter()
            .find(|a| a.as_str() == s)
    }

    pub fn label(self) -> Msg {
        match self {
            AuditAction::Read => Msg::AuditRead,
            AuditAction::Search => Msg::AuditSearch,
            AuditAction::Change => Msg::AuditChange,
            AuditAction::Export => Msg::AuditExport,
            AuditAction::Delete => Msg::AuditDelete,
        }
    }
}

/// Why a caseworker looks at a citizen's data. Stated before the data is shown,
/// stored with the access, and shown to the citizen in their language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Purpose {
    /// Following up on the citizen's job search.
    FollowUp,
    /// Handling an escalation (self-service stalled).
    Escalation,
    /// The citizen asked for help or contact.
    CitizenRequest,
    /// Preparing or holding a meeting.
    Meeting,
}

impl Purpose {
    pub const ALL: [Purpose; 4] = [Purpose::FollowUp, Purpose::Escalation, Purpose::CitizenRequest, Purpose::Meeting];

    pub fn code(self) -> &'static str {
        match self {
            Purpose::FollowUp => "opfoelgning",
            Purpose::Escalation => "eskalering",
            Purpose::CitizenRequest => "borgerhenvendelse",
            Purpose::Meeting => "samtale",
        }
    }

    pub fn parse(code: &str) -> Option<Purpose> {
        Purpose::ALL.into_iter().find(|p| p.code() == code)
    }

    pub fn label(self) -> Msg {
        match self {
            Purpose::FollowUp => Msg::PurposeFollowUp,
            Purpose::Escalation => Msg::PurposeEscalation,
            Purpose::CitizenRequest => Msg::PurposeCitizenRequest,
            Purpose::Meeting => Msg::PurposeMeeting,
        }
    }
}

/// One access to a citizen's data, as the citizen is shown it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Access {
    pub at: chrono::DateTime<chrono::Utc>,
    pub actor_role: crate::account::Role,
    pub actor_municipality: Option<u16>,
    pub action: AuditAction,
    pub what: String,
    pub purpose: Option<Purpose>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for p in Purpose::ALL {
            assert_eq!(Purpose::parse(p.code()), Some(p));
        }
        assert_eq!(Purpose::parse("nysgerrighed"), None);
        for a in ["read", "search", "change", "export", "delete"] {
            assert_eq!(AuditAction::parse(a).map(|a| a.as_str()), Some(a));
        }
    }
}
