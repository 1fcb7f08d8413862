//! Job agents: saved searches that tell the jobseeker about new vacancies.

use crate::error::{AppError, FieldErrors};
use crate::i18n::Msg;
use crate::search::types::SearchQuery;
use chrono::{DateTime, NaiveDate, Timelike, Utc};
use serde::{Deserialize, Serialize};

/// Agents one person may keep.
pub const MAX_AGENTS: usize = 20;
/// The hour (Danish time) from which the daily e-mail goes out.
pub const DIGEST_HOUR: u32 = 7;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AgentForm {
    /// "create", "delete", "email-on", "email-off".
    pub action: String,
    pub id: String,
    pub name: String,
    /// The search, as the part of its address after `?`.
    pub query: String,
    pub email: String,
}

impl crate::forms::FormData for AgentForm {}

/// A search given as an address query string (`q=kok&kommune=751`).
pub fn parse_query(query: &str) -> SearchQuery {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(query.trim_start_matches('?')).unwrap_or_default();
    SearchQuery::from_params(|k| pairs.iter().filter(|(p, _)| p == k).map(|(_, v)| v.clone()).collect())
}

/// The query string to store: the search without its page.
pub fn query_string(q: &SearchQuery) -> String {
    let href = q.with_page(1).href();
    href.split_once('?').map(|(_, s)| s.to_string()).unwrap_or_default()
}

/// A new agent from the form: a name (or one made from the search) and a search
/// that asks for something.
pub fn validate(form: &AgentForm, existing: usize) -> Result<(String, String), AppError> {
    let mut errs = FieldErrors::default();
    let q = parse_query(&form.query);
    if q.text.is_empty() && !q.is_filtered() {
        errs.add("name", Msg::ErrAgentEmpty);
    }
    if existing >= MAX_AGENTS {
        errs.add("name", Msg::ErrTooMany);
    }
    let name = match form.name.trim() {
        "" if !q.text.is_empty() => q.text.clone(),
        "" => "Min jobagent".to_string(),
        n => n.to_string(),
    };
    if name.chars().count() > 80 {
        errs.add("name", Msg::ErrTooLong);
    }
    errs.into_result((name.chars().take(80).collect(), query_string(&q)))
}

/// Whether the daily e-mail is due: from `DIGEST_HOUR` Danish time, once a day.
pub fn digest_due(last_sent_on: Option<NaiveDate>, now: DateTime<Utc>) -> bool {
    let local = crate::domain::time::to_danish(now);
    local.hour() >= DIGEST_HOUR && last_sent_on.is_none_or(|d| d < local.date())
}

/// What a form on the agents page did.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AgentDone {
    Created,
    Deleted,
    Changed,
}

/// An agent as its owner sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agent {
    pub id: i64,
    pub name: String,
    /// The search's address.
    pub href: String,
    pub email_digest: bool,
    /// Matches found so far.
    pub matches: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(name: &str, query: &str) -> AgentForm {
        AgentForm { action: "create".into(), name: name.into(), query: query.into(), ..Default::default() }
    }

    #[test]
    fn an_agent_needs_a_search_and_gets_a_name() {
        assert_eq!(validate(&form("", "q=kok&kommune=751&side=3"), 0).unwrap(), ("kok".into(), "q=kok&kommune=751".into()));
        assert_eq!(validate(&form(" Køkken ", "kommune=751"), 0).unwrap().0, "Køkken");
        assert_eq!(validate(&form("", "region=Sj%C3%A6lland"), 0).unwrap().0, "Min jobagent");
        let e = validate(&form("x", ""), 0).unwrap_err();
        assert_eq!(e.field_errors().and_then(|e| e.get("name")), Some(Msg::ErrAgentEmpty));
        let e = validate(&form("x", "q=kok"), MAX_AGENTS).unwrap_err();
        assert_eq!(e.field_errors().and_then(|e| e.get("name")), Some(Msg::ErrTooMany));
    }

    #[test]
    fn the_digest_goes_once_a_day_from_seven() {
        let at = |s: &str| s.parse::<DateTime<Utc>>().unwrap();
        // 05:30 UTC is 06:30 in Copenhagen in winter: too early.
        assert!(!digest_due(None, at("2026-11-23T05:30:00Z")));
        assert!(digest_due(None, at("2026-11-23T06:05:00Z")));
        let today: NaiveDate = "2026-11-23".parse().unwrap();
        assert!(!digest_due(Some(today), at("2026-11-23T15:00:00Z")));
        assert!(digest_due(Some(today), at("2026-11-24T08:00:00Z")));
    }
}
