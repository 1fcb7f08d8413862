//! What a search asks and answers; shared by the page, the server function and the index.

use serde::{Deserialize, Serialize};

pub const PER_PAGE: u32 = 20;
/// Deep pages cost the index more and help nobody; beyond this, narrow the search.
pub const MAX_PAGE: u32 = 250;
/// Longest query text accepted; longer input is cut, not refused.
pub const MAX_QUERY_CHARS: usize = 200;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchQuery {
    pub text: String,
    pub page: u32,
}

impl SearchQuery {
    /// Reads the query from the page address (`?q=…&side=…`), forgiving any junk.
    pub fn from_params(q: Option<String>, page: Option<String>) -> SearchQuery {
        let text: String = q.unwrap_or_default().trim().chars().take(MAX_QUERY_CHARS).collect();
        let page = page.and_then(|p| p.trim().parse::<u32>().ok()).unwrap_or(1).clamp(1, MAX_PAGE);
        SearchQuery { text, page }
    }

    /// The address of this search, for links and paging.
    pub fn href(&self) -> String {
        let mut params = Vec::new();
        if !self.text.is_empty() {
            params.push(("q", self.text.clone()));
        }
        if self.page > 1 {
            params.push(("side", self.page.to_string()));
        }
        if params.is_empty() {
            "/job".to_string()
        } else {
            format!("/job?{}", serde_urlencoded::to_string(params).unwrap_or_default())
        }
    }

    pub fn with_page(&self, page: u32) -> SearchQuery {
        SearchQuery { text: self.text.clone(), page }
    }
}

/// One vacancy in a result list: what the index stores, so no database round trip.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VacancyHit {
    pub id: i64,
    pub title: String,
    pub employer_name: String,
    pub postcode: String,
    pub city: String,
    pub weekly_hours: f64,
    pub deadline: chrono::NaiveDate,
    pub posted: chrono::NaiveDate,
    pub teaser: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchResults {
    pub total: u64,
    pub page: u32,
    pub hits: Vec<VacancyHit>,
}

impl SearchResults {
    pub fn pages(&self) -> u32 {
        let pages = self.total.div_ceil(u64::from(PER_PAGE)).max(1);
        u32::try_from(pages).unwrap_or(u32::MAX).min(MAX_PAGE)
    }
}

/// The first sentence or so of a description, cut at a word boundary.
pub fn teaser(description: &str, max_chars: usize) -> String {
    let flat: String = description.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max_chars {
        return flat;
    }
    let cut: String = flat.chars().take(max_chars).collect();
    let end = cut.rfind(' ').unwrap_or(cut.len());
    format!("{} …", cut[..end].trim_end_matches([',', '.', ';', ':']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_from_address_is_forgiving() {
        let q = SearchQuery::from_params(Some("  pædagog ".into()), Some("x".into()));
        assert_eq!(q, SearchQuery { text: "pædagog".into(), page: 1 });
        assert_eq!(SearchQuery::from_params(None, Some("0".into())).page, 1);
        assert_eq!(SearchQuery::from_params(None, Some("99999".into())).page, MAX_PAGE);
        let long = "a".repeat(1000);
        assert_eq!(SearchQuery::from_params(Some(long), None).text.len(), MAX_QUERY_CHARS);
    }

    #[test]
    fn query_round_trips_through_its_address() {
        let q = SearchQuery { text: "sygeplejerske & læge".into(), page: 3 };
        assert_eq!(q.href(), "/job?q=sygeplejerske+%26+l%C3%A6ge&side=3");
        assert_eq!(SearchQuery::default().href(), "/job");
    }

    #[test]
    fn pages_and_teasers() {
        let r = SearchResults { total: 41, page: 1, hits: vec![] };
        assert_eq!(r.pages(), 3);
        assert_eq!(SearchResults::default().pages(), 1);
        assert_eq!(teaser("Kort  tekst.", 50), "Kort tekst.");
        assert_eq!(teaser("Vi søger en glad pædagog, der kan lide børn", 20), "Vi søger en glad …");
    }
}
