//! The audit log's vocabulary: what staff did with a citizen's data, and why.

use serde::{Deserialize, Serialize};

code_enum!(
    /// What staff did with a citizen's data.
    AuditAction {
        Read => "read", AuditRead;
        Search => "search", AuditSearch;
        Change => "change", AuditChange;
        Export => "export", AuditExport;
        Delete => "delete", AuditDelete;
    }
);

code_enum!(
    /// Why a caseworker looks at a citizen's data. Stated before the data is shown,
    /// stored with the access, and shown to the citizen in their language.
    Purpose {
        /// Following up on the citizen's job search.
        FollowUp => "opfoelgning", PurposeFollowUp;
        /// Handling an escalation (self-service stalled).
        Escalation => "eskalering", PurposeEscalation;
        /// The citizen asked for help or contact.
        CitizenRequest => "borgerhenvendelse", PurposeCitizenRequest;
        /// Preparing or holding a meeting.
        Meeting => "samtale", PurposeMeeting;
        /// Finding candidates for an employer: the employer's own search, or the
        /// jobcentre's business service.
        Recruitment => "rekruttering", PurposeRecruitment;
    }
);

/// One access to a citizen's data, as the citizen is shown it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Access {
    pub at: chrono::DateTime<chrono::Utc>,
    pub actor_role: crate::account::Role,
    pub actor_municipality: Option<u16>,
    /// The company of an employer who opened the CV.
    #[serde(default)]
    pub actor_company: Option<String>,
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
            assert_eq!(Purpose::parse(p.code()), Some(*p));
        }
        assert_eq!(Purpose::parse("nysgerrighed"), None);
        for a in ["read", "search", "change", "export", "delete"] {
            assert_eq!(AuditAction::parse(a).map(AuditAction::code), Some(a));
        }
    }
}
