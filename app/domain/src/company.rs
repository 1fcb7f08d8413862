//! Companies as their users see them: who acts for the company, and who waits.

use super::account::CompanyRole;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompanyUser {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub role: CompanyRole,
}

/// A company and the viewer's standing in it. `users` is filled for its
/// administrator (and for an administrator of Jobunivers), empty for others.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompanyView {
    pub name: String,
    pub cvr: String,
    pub my_role: Option<CompanyRole>,
    pub users: Vec<CompanyUser>,
}

/// What a company's administrator does with one of its users.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum UserAction {
    Approve,
    Remove,
}

impl UserAction {
    pub fn parse(s: &str) -> Option<UserAction> {
        match s.trim() {
            "approve" => Some(UserAction::Approve),
            "remove" => Some(UserAction::Remove),
            _ => None,
        }
    }
}

/// Shortest reason an administrator of Jobunivers gives for moving a company's
/// administration: it is the record of why.
pub const MIN_REASON_CHARS: usize = 10;
pub const MAX_REASON_CHARS: usize = 500;

/// The reason given for a recovery, trimmed; `None` when too short or too long.
pub fn reason(text: &str) -> Option<String> {
    let t = text.trim();
    (MIN_REASON_CHARS..=MAX_REASON_CHARS).contains(&t.chars().count()).then(|| t.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actions_and_reasons() {
        assert_eq!(UserAction::parse(" approve"), Some(UserAction::Approve));
        assert_eq!(UserAction::parse("delete-all"), None);
        assert_eq!(reason(" ringet op "), None, "too short to say why");
        assert_eq!(reason("Ringede til ejer via CVR-registret").as_deref(), Some("Ringede til ejer via CVR-registret"));
        assert_eq!(reason(&"x".repeat(501)), None);
    }
}
