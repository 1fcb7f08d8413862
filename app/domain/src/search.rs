//! What a search asks and answers; shared by the page, the server function and the index.

use serde::{Deserialize, Serialize};

pub const PER_PAGE: u32 = 20;
/// Deep pages cost the index more and help nobody; beyond this, narrow the search.
pub const MAX_PAGE: u32 = 250;
/// Longest query text accepted; longer input is cut, not refused.
pub const MAX_QUERY_CHARS: usize = 200;
/// Most words searched for; each word costs the index a few lookups (and a typo
/// automaton), so the rest are dropped.
pub const MAX_QUERY_WORDS: usize = 12;
/// Most values read of one address parameter (`kommune=…` repeated); there are 98
/// municipalities, so more is never a real search.
pub const MAX_VALUES_PER_PARAM: usize = 100;

/// Radii offered for "near" searches, in km.
pub const RADII_KM: [u32; 5] = [10, 25, 50, 100, 200];
pub const DEFAULT_RADIUS_KM: u32 = 50;
/// "Posted within" choices, in days.
pub const WITHIN_DAYS: [u32; 3] = [1, 7, 30];
/// Full time is this many hours a week or more.
pub const FULL_TIME_HOURS: f64 = 37.0;

code_enum!(
    /// The order of the results.
    #[derive(Default)]
    Sort {
        /// Best match first; newest first when there are no words.
        #[default]
        Relevance => "relevans";
        Newest => "nyeste";
        /// Soonest deadline first.
        Deadline => "frist";
        /// Nearest first (with a place to be near).
        Distance => "afstand";
    }
);

code_enum!(
    /// Full or part time, as a search filter.
    TimeFilter {
        Full => "fuldtid";
        Part => "deltid";
    }
);

impl TimeFilter {
    pub fn matches(self, hours: f64) -> bool {
        match self {
            TimeFilter::Full => hours >= FULL_TIME_HOURS,
            TimeFilter::Part => hours < FULL_TIME_HOURS,
        }
    }
}

/// A search, as the address holds it. Choices within a group widen the search
/// (Aarhus or Odense); groups narrow it (Aarhus, and part time).
///
/// It comes in from outside only as an address (`from_params`, `from_address`),
/// the one constructor that bounds and normalises every part, so it is not
/// `Deserialize`: the server function takes the address, not this.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct SearchQuery {
    pub text: String,
    pub page: u32,
    /// Municipality codes (`kommune`).
    pub municipalities: Vec<u16>,
    /// Regions (`region`), as written: an old region's address keeps working after
    /// a merger, because filters ask `Region::covers`.
    pub regions: Vec<crate::region::Region>,
    /// `tid`: full and/or part time.
    pub time: Vec<TimeFilter>,
    /// `ansaettelse`: kinds of employment.
    pub employment: Vec<crate::vacancy::EmploymentType>,
    /// `fag`: occupation codes.
    pub occupations: Vec<String>,
    /// `nye`: posted within this many days.
    pub within_days: Option<u32>,
    /// `naer`: a place to search around (a postcode or a municipality), with `km`.
    pub near: Option<crate::postcode::Place>,
    /// What was typed as `naer` when it names no place we know (shown with an error).
    pub near_unknown: Option<String>,
    pub km: u32,
    pub sort: Sort,
}

impl SearchQuery {
    /// A free-text search, first page, no filters.
    pub fn text(text: &str) -> SearchQuery {
        SearchQuery { text: text.into(), page: 1, km: DEFAULT_RADIUS_KM, ..Default::default() }
    }

    /// A search from the part of its address after `?` (`q=kok&kommune=751`).
    pub fn from_address(query: &str) -> SearchQuery {
        let pairs: Vec<(String, String)> = serde_urlencoded::from_str(query.trim_start_matches('?')).unwrap_or_default();
        SearchQuery::from_params(|k| pairs.iter().filter(|(p, _)| p == k).map(|(_, v)| v.clone()).collect())
    }

    /// The part of its address after `?`, first page included; what `from_address` reads.
    pub fn address_query(&self) -> String {
        self.href().split_once('?').map(|(_, s)| s.to_string()).unwrap_or_default()
    }

    /// Reads the query from the page address, forgiving any junk. `all` gives every
    /// value of a parameter. Every part is bounded: text and words, values per
    /// parameter, the page, and only known places, kinds and numbers.
    pub fn from_params(all: impl Fn(&str) -> Vec<String>) -> SearchQuery {
        let all = |k: &str| {
            let mut values = all(k);
            values.truncate(MAX_VALUES_PER_PARAM);
            values
        };
        let one = |k: &str| all(k).into_iter().next();
        let typed: String = one("q").unwrap_or_default().chars().take(MAX_QUERY_CHARS).collect();
        let text = typed.split_whitespace().take(MAX_QUERY_WORDS).collect::<Vec<_>>().join(" ");
        let page = one("side").and_then(|p| p.trim().parse::<u32>().ok()).unwrap_or(1).clamp(1, MAX_PAGE);
        let mut municipalities: Vec<u16> =
            all("kommune").iter().filter_map(|c| c.trim().parse().ok()).filter(|c| crate::municipality::by_code(*c).is_some()).collect();
        municipalities.sort_unstable();
        municipalities.dedup();
        let mut regions: Vec<_> = all("region").iter().filter_map(|r| crate::region::Region::parse(r)).collect();
        regions.sort();
        regions.dedup();
        let mut time: Vec<TimeFilter> = all("tid").iter().filter_map(|t| TimeFilter::parse(t)).collect();
        time.sort_by_key(|t| t.code());
        time.dedup();
        let mut employment: Vec<_> = all("ansaettelse").iter().filter_map(|e| crate::vacancy::EmploymentType::parse(e)).collect();
        employment.sort_by_key(|e| e.index());
        employment.dedup();
        let mut occupations: Vec<String> =
            all("fag").into_iter().filter(|c| crate::occupation::by_code(c.trim()).is_some()).map(|c| c.trim().to_string()).collect();
        occupations.sort();
        occupations.dedup();
        let within_days = one("nye").and_then(|d| d.trim().parse().ok()).filter(|d| WITHIN_DAYS.contains(d));
        let near_text = one("naer").map(|t| t.trim().chars().take(60).collect::<String>()).filter(|t| !t.is_empty());
        let near = near_text.as_deref().and_then(crate::postcode::Place::parse);
        let near_unknown = near_text.filter(|_| near.is_none());
        // A radius means something only around a place.
        let km =
            one("km").and_then(|k| k.trim().parse().ok()).filter(|k| RADII_KM.contains(k) && near.is_some()).unwrap_or(DEFAULT_RADIUS_KM);
        let sort = one("sorter").and_then(|s| Sort::parse(&s)).filter(|s| *s != Sort::Distance || near.is_some()).unwrap_or_default();
        SearchQuery { text, page, municipalities, regions, time, employment, occupations, within_days, near, near_unknown, km, sort }
    }

    /// The address of this search, for links and paging. Defaults are left out.
    pub fn href(&self) -> String {
        self.href_at("/job")
    }

    /// The search's address on the page at `path` (the candidate search takes the
    /// same parts).
    pub fn href_at(&self, path: &str) -> String {
        let mut params: Vec<(&str, String)> = Vec::new();
        if !self.text.is_empty() {
            params.push(("q", self.text.clone()));
        }
        params.extend(self.municipalities.iter().map(|m| ("kommune", m.to_string())));
        params.extend(self.regions.iter().map(|r| ("region", r.code().to_string())));
        params.extend(self.time.iter().map(|t| ("tid", t.code().to_string())));
        params.extend(self.employment.iter().map(|e| ("ansaettelse", e.code().to_string())));
        params.extend(self.occupations.iter().map(|o| ("fag", o.clone())));
        if let Some(d) = self.within_days {
            params.push(("nye", d.to_string()));
        }
        if let Some(n) = self.near {
            params.push(("naer", n.param()));
            if self.km != DEFAULT_RADIUS_KM {
                params.push(("km", self.km.to_string()));
            }
        }
        if self.sort != Sort::Relevance {
            params.push(("sorter", self.sort.code().to_string()));
        }
        if self.page > 1 {
            params.push(("side", self.page.to_string()));
        }
        if params.is_empty() {
            path.to_string()
        } else {
            format!("{path}?{}", serde_urlencoded::to_string(params).unwrap_or_default())
        }
    }

    pub fn with_page(&self, page: u32) -> SearchQuery {
        SearchQuery { page, ..self.clone() }
    }

    /// Whether any filter narrows the search.
    pub fn is_filtered(&self) -> bool {
        !self.municipalities.is_empty()
            || !self.regions.is_empty()
            || !self.time.is_empty()
            || !self.employment.is_empty()
            || !self.occupations.is_empty()
            || self.within_days.is_some()
            || self.near.is_some()
    }
}

/// How many results each filter choice would give, with the other groups' choices
/// applied (so the counts stay true when combined).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Facets {
    /// Every region in force on the day searched, in the order shown.
    pub regions: Vec<(crate::region::Region, u64)>,
    /// Municipalities with results, most first.
    pub municipalities: Vec<(u16, u64)>,
    pub full_time: u64,
    pub part_time: u64,
    /// Every kind of employment, in `EmploymentType::ALL` order.
    pub employment: Vec<(crate::vacancy::EmploymentType, u64)>,
    /// Occupations with results, most first.
    pub occupations: Vec<(String, u64)>,
    /// (days, count) for each of `WITHIN_DAYS`.
    pub within: Vec<(u32, u64)>,
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
    #[serde(default)]
    pub municipality: Option<u16>,
    #[serde(default)]
    pub employment: Option<crate::vacancy::EmploymentType>,
    /// From the place searched near, when there is one.
    #[serde(default)]
    pub distance_km: Option<f64>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchResults {
    pub total: u64,
    pub page: u32,
    pub hits: Vec<VacancyHit>,
    pub facets: Facets,
    /// When nothing was found: what was probably meant, a search that finds some.
    #[serde(default)]
    pub suggestion: Option<String>,
}

impl SearchResults {
    pub fn pages(&self) -> u32 {
        let pages = self.total.div_ceil(u64::from(PER_PAGE)).max(1);
        u32::try_from(pages).unwrap_or(u32::MAX).min(MAX_PAGE)
    }
}

/// The words search knows by name: those of the occupations' names, the
/// municipalities and the towns, by their folded key, as written.
fn known_words() -> &'static std::collections::HashMap<String, String> {
    static WORDS: std::sync::OnceLock<std::collections::HashMap<String, String>> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        let occupations = crate::occupation::all().iter().flat_map(|o| o.names().collect::<Vec<_>>());
        let places = crate::municipality::all().iter().map(|m| m.name).chain(crate::postcode::all().iter().map(|p| p.name));
        let mut words = std::collections::HashMap::new();
        for name in occupations.chain(places) {
            for word in name.split(|c: char| !c.is_alphanumeric()).filter(|w| w.chars().count() >= 3) {
                words.entry(crate::occupation::name_key(word)).or_insert_with(|| word.to_lowercase());
            }
        }
        words
    })
}

/// What a search that found nothing probably meant: each word that search does
/// not know replaced by the nearest one it does (a typo or two away), `None` when
/// no word changes. Bounded: words are compared only when their lengths are close.
pub fn did_you_mean(text: &str) -> Option<String> {
    let known = known_words();
    let mut changed = false;
    let words: Vec<String> = text
        .split_whitespace()
        .take(MAX_QUERY_WORDS)
        .map(|word| {
            let key = crate::occupation::name_key(word);
            let n = key.chars().count();
            if !(3..=40).contains(&n) || known.contains_key(&key) {
                return word.to_string();
            }
            let most = if n <= 5 { 1 } else { 2 };
            let best = known
                .iter()
                .filter_map(|(k, written)| crate::parse::edit_distance(&key, k, most).map(|d| (d, k.len().abs_diff(key.len()), written)))
                .min_by(|a, b| (a.0, a.1, a.2).cmp(&(b.0, b.1, b.2)));
            match best {
                Some((_, _, written)) => {
                    changed = true;
                    written.clone()
                }
                None => word.to_string(),
            }
        })
        .collect();
    changed.then(|| words.join(" "))
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
    fn did_you_mean_corrects_unknown_words_only() {
        assert_eq!(did_you_mean("sygeplejeske").as_deref(), Some("sygeplejerske"));
        assert_eq!(did_you_mean("pædagog odnese").as_deref(), Some("pædagog odense"));
        assert_eq!(did_you_mean("pædagog"), None, "a known word stays");
        assert_eq!(did_you_mean("xqzzyvvk"), None, "nothing near");
        assert_eq!(did_you_mean(&"q".repeat(5_000)), None);
        assert_eq!(did_you_mean(""), None);
    }

    #[test]
    fn query_from_address_is_forgiving() {
        let q = parse(&[("q", "  pædagog "), ("side", "x")]);
        assert_eq!(q, SearchQuery::text("pædagog"));
        assert_eq!(parse(&[("side", "0")]).page, 1);
        assert_eq!(parse(&[("side", "99999")]).page, MAX_PAGE);
        let long = "a".repeat(1000);
        assert_eq!(parse(&[("q", &long)]).text.len(), MAX_QUERY_CHARS);
        // Unknown municipalities, regions, radii and sorts are dropped, not refused.
        let q = parse(&[
            ("kommune", "751"),
            ("kommune", "999"),
            ("kommune", "751"),
            ("region", "Atlantis"),
            ("km", "7"),
            ("sorter", "afstand"),
            ("nye", "3"),
        ]);
        assert_eq!(
            (q.municipalities, q.regions.len(), q.km, q.sort, q.within_days),
            (vec![751], 0, DEFAULT_RADIUS_KM, Sort::Relevance, None)
        );
        // A place is a postcode, a town or a municipality; one we do not know is kept
        // to be shown with an error, and the search is not narrowed by it.
        use crate::postcode::Place;
        assert_eq!(parse(&[("naer", "8000 Aarhus C")]).near, Some(Place::Postcode(8000)));
        assert_eq!(parse(&[("naer", "751")]).near, Some(Place::Municipality(751)));
        let q = parse(&[("naer", "Atlantis"), ("sorter", "afstand")]);
        assert_eq!((q.near, q.near_unknown.as_deref(), q.sort), (None, Some("Atlantis"), Sort::Relevance));
        assert_eq!(parse(&[("naer", " ")]).near_unknown, None);
    }

    fn parse(pairs: &[(&str, &str)]) -> SearchQuery {
        SearchQuery::from_params(|k| pairs.iter().filter(|(p, _)| *p == k).map(|(_, v)| v.to_string()).collect())
    }

    #[test]
    fn query_round_trips_through_its_address() {
        let q = SearchQuery { page: 3, ..SearchQuery::text("sygeplejerske & læge") };
        assert_eq!(q.href(), "/job?q=sygeplejerske+%26+l%C3%A6ge&side=3");
        assert_eq!(SearchQuery::text("").href(), "/job");
        let q = SearchQuery {
            municipalities: vec![101, 751],
            regions: vec![crate::region::Region::Sjaelland],
            time: vec![TimeFilter::Part],
            employment: vec![crate::vacancy::EmploymentType::StudentJob],
            occupations: vec!["512010".into()],
            within_days: Some(7),
            near: Some(crate::postcode::Place::Postcode(8000)),
            km: 25,
            sort: Sort::Distance,
            ..SearchQuery::text("kok")
        };
        let href = q.href();
        assert_eq!(href, "/job?q=kok&kommune=101&kommune=751&region=Sj%C3%A6lland&tid=deltid&ansaettelse=studiejob&fag=512010&nye=7&naer=8000&km=25&sorter=afstand");
        let query = href.split_once('?').unwrap().1;
        let pairs: Vec<(String, String)> = serde_urlencoded::from_str(query).unwrap();
        let back = SearchQuery::from_params(|k| pairs.iter().filter(|(p, _)| p == k).map(|(_, v)| v.clone()).collect());
        assert_eq!(back, q);
    }

    #[test]
    fn pages_and_teasers() {
        let r = SearchResults { total: 41, page: 1, hits: vec![], facets: Facets::default(), suggestion: None };
        assert_eq!(r.pages(), 3);
        assert_eq!(SearchResults::default().pages(), 1);
        assert_eq!(teaser("Kort  tekst.", 50), "Kort tekst.");
        assert_eq!(teaser("Vi søger en glad pædagog, der kan lide børn", 20), "Vi søger en glad …");
    }
}
