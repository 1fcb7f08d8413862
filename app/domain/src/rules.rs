//! Every number of the self-service rules in one place: configuration, with
//! the values in docs/domain.md as defaults. A municipality may load its own file
//! (`JOBUNIVERS_RULES`, JSON); what it leaves out keeps the default.

use super::{availability::AvailabilityRules, calendar::CheckRules, cv::CvRules, escalation::EscalationRules, joblog::JoblogRules};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Rules {
    /// Which version of the rules is in force, shown to staff and kept in logs.
    pub version: String,
    pub cv: CvRules,
    pub joblog: JoblogRules,
    pub availability: AvailabilityRules,
    pub check: CheckRules,
    pub escalation: EscalationRules,
}

impl Default for Rules {
    fn default() -> Self {
        Rules {
            version: "standard-2026".into(),
            cv: CvRules::default(),
            joblog: JoblogRules::default(),
            availability: AvailabilityRules::default(),
            check: CheckRules::default(),
            escalation: EscalationRules::default(),
        }
    }
}

impl Rules {
    /// Reads rules from JSON; fields left out keep their defaults.
    pub fn from_json(text: &str) -> Result<Rules, String> {
        serde_json::from_str(text).map_err(|e| e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_domain_md_and_a_file_may_change_single_numbers() {
        let r = Rules::default();
        assert_eq!((r.cv.deadline_days, r.cv.max_occupations), (14, 200));
        assert_eq!((r.joblog.applications_per_week, r.joblog.weeks, r.joblog.inactivity_days), (1.5, 4, 30));
        assert_eq!((r.availability.full_time_hours, r.availability.part_time_hours, r.availability.holiday_notice_days), (37, 30, 14));
        assert_eq!((r.check.interval_days, r.check.grace_days, r.check.forgiven_misses, r.check.window_days), (7, 7, 2, 365));
        let custom = Rules::from_json(r#"{"version": "kbh-2027", "joblog": {"applications_per_week": 2.0}}"#).unwrap();
        assert_eq!(custom.joblog.applications_per_week, 2.0);
        assert_eq!(custom.joblog.weeks, 4);
        assert_eq!(custom.check, CheckRules::default());
        let e = r.escalation;
        assert_eq!((e.missed_checks, e.joblog_behind_weeks, e.self_service_weeks, e.service_level_days), (3, 2, 13, 2));
        assert!(Rules::from_json("{not json").is_err());
    }
}
