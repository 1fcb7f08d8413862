//! Job agents: saved searches that tell the jobseeker about new vacancies.

use crate::error::{AppError, FieldErrors};
use crate::i18n::{Lang, Msg};
use crate::region::Region;
use crate::search::SearchQuery;
use chrono::{DateTime, NaiveDate, Timelike, Utc};
use serde::{Deserialize, Serialize};

/// Agents one person may keep.
pub const MAX_AGENTS: usize = 20;
/// The hour (Danish time) from which the daily e-mail goes out.
pub const DIGEST_HOUR: u32 = 7;

code_enum!(
    /// What the job agents page does with an agent.
    AgentAction {
        Create => "create";
        Delete => "delete";
        EmailOn => "email-on";
        EmailOff => "email-off";
    }
);

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AgentForm {
    /// An `AgentAction`'s code.
    pub action: String,
    pub id: String,
    pub name: String,
    /// The search, as the part of its address after `?`.
    pub query: String,
    pub email: String,
}

impl crate::forms::FormData for AgentForm {}

/// A saved search moved to the regions in force on `date`: the new query string,
/// the old regions and what they became. `None` when every region it names is
/// still in force.
pub fn regions_moved(query: &str, date: NaiveDate) -> Option<(String, Vec<(Region, Region)>)> {
    let mut q = SearchQuery::from_address(query);
    let moved: Vec<(Region, Region)> = q.regions.iter().map(|r| (*r, r.on(date))).filter(|(old, new)| old != new).collect();
    if moved.is_empty() {
        return None;
    }
    q.regions = q.regions.iter().map(|r| r.on(date)).collect();
    q.regions.sort();
    q.regions.dedup();
    Some((query_string(&q), moved))
}

/// The query string to store: the search without its page.
pub fn query_string(q: &SearchQuery) -> String {
    q.with_page(1).address_query()
}

/// A new agent from the form: a name (or one made from the search) and a search
/// that asks for something.
pub fn validate(form: &AgentForm, existing: usize) -> Result<(String, String), AppError> {
    let mut errs = FieldErrors::default();
    let q = SearchQuery::from_address(&form.query);
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
    let local = crate::time::to_danish(now);
    local.hour() >= DIGEST_HOUR && last_sent_on.is_none_or(|d| d < local.date())
}

/// A new match in a person's daily e-mail: a vacancy (job agents) or a
/// candidate (candidate agents), by its id and what it is called.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DigestMatch<'a> {
    pub agent_id: i64,
    pub agent: &'a str,
    pub id: i64,
    pub title: &'a str,
}

/// What a daily e-mail tells of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DigestKind {
    /// A jobseeker's job agents: new vacancies.
    Jobs,
    /// An employer's candidate agents: new candidates.
    Candidates,
}

/// The daily e-mail of a person's agents in their language: its subject and its
/// text, the matches under the agent that found them (`matches` is ordered by
/// agent), each with its address from `url`.
pub fn digest_mail(
    lang: Lang,
    kind: DigestKind,
    name: &str,
    matches: &[DigestMatch],
    url: impl Fn(i64) -> String,
    agents_url: &str,
) -> (String, String) {
    let n = matches.len();
    let (subject, greeting, found, stop, regards) = match (lang, kind) {
        (Lang::Da, DigestKind::Jobs) => (
            if n == 1 { "1 nyt job fra dine jobagenter".to_string() } else { format!("{n} nye job fra dine jobagenter") },
            "Hej",
            "Dine jobagenter har fundet nye job:",
            "Du kan stoppe e-mailen eller slette en jobagent på",
            "Venlig hilsen",
        ),
        (Lang::En, DigestKind::Jobs) => (
            if n == 1 { "1 new job from your job agents".to_string() } else { format!("{n} new jobs from your job agents") },
            "Hello",
            "Your job agents have found new jobs:",
            "You can stop the e-mail or delete a job agent at",
            "Kind regards",
        ),
        (Lang::Da, DigestKind::Candidates) => (
            if n == 1 {
                "1 ny kandidat fra jeres kandidatagenter".to_string()
            } else {
                format!("{n} nye kandidater fra jeres kandidatagenter")
            },
            "Hej",
            "Jeres kandidatagenter har fundet nye kandidater:",
            "I kan stoppe e-mailen eller slette en kandidatagent på",
            "Venlig hilsen",
        ),
        (Lang::En, DigestKind::Candidates) => (
            if n == 1 {
                "1 new candidate from your candidate agents".to_string()
            } else {
                format!("{n} new candidates from your candidate agents")
            },
            "Hello",
            "Your candidate agents have found new candidates:",
            "You can stop the e-mail or delete a candidate agent at",
            "Kind regards",
        ),
    };
    let mut body = format!("{greeting} {name}\n\n{found}\n");
    let mut current = None;
    for m in matches {
        if current != Some(m.agent_id) {
            body.push_str(&format!("\n{}\n", m.agent));
            current = Some(m.agent_id);
        }
        body.push_str(&format!("- {}: {}\n", m.title, url(m.id)));
    }
    body.push_str(&format!("\n{stop} {agents_url}\n\n{regards}\nJobunivers\n"));
    (subject, body)
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

    #[test]
    fn the_digest_is_in_the_readers_language_grouped_by_agent() {
        let m = |agent_id, agent, id, title| DigestMatch { agent_id, agent, id, title };
        let matches = [m(1, "Kok", 10, "Kok til kantine"), m(1, "Kok", 11, "Souschef"), m(2, "Lager", 12, "Lagermedarbejder")];
        let url = |id| format!("https://job.example/job/{id}");
        let (subject, body) = digest_mail(Lang::Da, DigestKind::Jobs, "Anne", &matches, url, "https://job.example/agenter");
        assert_eq!(subject, "3 nye job fra dine jobagenter");
        assert!(body.starts_with("Hej Anne\n"));
        assert!(body.contains("\nKok\n- Kok til kantine: https://job.example/job/10\n- Souschef: https://job.example/job/11\n\nLager\n"));
        assert!(body.contains("https://job.example/agenter"));
        let (subject, body) = digest_mail(Lang::En, DigestKind::Jobs, "Anne", &matches[..1], url, "https://job.example/agenter");
        assert_eq!(subject, "1 new job from your job agents");
        assert!(body.starts_with("Hello Anne\n") && body.contains("Kind regards"), "{body}");
        assert!(!body.contains("Hej"));
        let (subject, _) = digest_mail(Lang::Da, DigestKind::Candidates, "Peter", &matches[..1], url, "");
        assert_eq!(subject, "1 ny kandidat fra jeres kandidatagenter");
    }

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
    fn saved_searches_move_to_the_regions_in_force() {
        let eve: NaiveDate = "2026-12-31".parse().unwrap();
        let day: NaiveDate = "2027-01-01".parse().unwrap();
        let both = "q=kok&region=Hovedstaden&region=Sj%C3%A6lland&region=Syddanmark";
        assert_eq!(regions_moved(both, eve), None, "nothing moves before the day");
        let (query, moved) = regions_moved(both, day).unwrap();
        assert_eq!(query, "q=kok&region=%C3%98stdanmark&region=Syddanmark", "the two become one, the third stays");
        assert_eq!(moved, [(Region::Hovedstaden, Region::Oestdanmark), (Region::Sjaelland, Region::Oestdanmark)]);
        assert_eq!(regions_moved(&query, day), None, "once moved, nothing more to do");
        assert_eq!(regions_moved("q=kok&kommune=101", day), None);
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
