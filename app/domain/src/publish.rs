//! Vacancies out: schema.org `JobPosting` JSON-LD for search engines, the open
//! incremental feed's entries and cursor, and the XML of sitemaps and Atom
//! feeds. Pure functions; the server only fetches rows and writes responses.

use crate::vacancy::{EmploymentType, Vacancy};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

/// Entries of the feed per page when the consumer does not say.
pub const FEED_PAGE: u32 = 100;
/// The most entries one page of the feed returns.
pub const FEED_PAGE_MAX: u32 = 1_000;
/// URLs in one sitemap file (the protocol allows 50,000).
pub const SITEMAP_URLS: u32 = 40_000;
/// Entries in an Atom feed of a search.
pub const ATOM_ENTRIES: u32 = 50;

/// The schema.org `JobPosting` of a vacancy, as search engines read it. `site` is
/// the public address without a trailing slash; empty on the vacancy's own page
/// (its address is the page's), which leaves `url` out.
pub fn job_posting(v: &Vacancy, site: &str) -> Value {
    let d = &v.details;
    let organisation = v.company.as_ref().map_or(d.employer_name.as_str(), |c| c.0.as_str());
    let mut types = vec![if d.weekly_hours >= crate::search::FULL_TIME_HOURS { "FULL_TIME" } else { "PART_TIME" }];
    if d.employment_type == EmploymentType::Temporary {
        types.push("TEMPORARY");
    }
    let mut posting = json!({
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": d.title,
        "description": paragraphs_html(&d.description),
        "identifier": { "@type": "PropertyValue", "name": "Jobunivers", "value": v.id.to_string() },
        "datePosted": v.posted.to_string(),
        "validThrough": format!("{}T23:59:59", d.deadline),
        "employmentType": types,
        "hiringOrganization": { "@type": "Organization", "name": organisation },
        "jobLocation": {
            "@type": "Place",
            "address": {
                "@type": "PostalAddress",
                "postalCode": d.postcode,
                "addressLocality": d.city,
                "addressRegion": d.municipality_code.and_then(crate::municipality::by_code).map(|m| m.official_name(crate::i18n::Lang::Da)),
                "addressCountry": "DK",
            },
        },
        "workHours": format!("{} timer om ugen", crate::i18n::decimal(crate::i18n::Lang::Da, d.weekly_hours)),
        "directApply": false,
    });
    if let Some(map) = posting.as_object_mut() {
        if let Some(code) = &d.occupation_code {
            map.insert("occupationalCategory".into(), Value::String(code.clone()));
        }
        if !site.is_empty() {
            map.insert("url".into(), Value::String(format!("{site}/job/{}", v.id)));
        }
    }
    posting
}

/// Plain text as HTML paragraphs (schema.org's description may be HTML), every
/// character that means something in HTML escaped.
fn paragraphs_html(text: &str) -> String {
    text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).map(|p| format!("<p>{}</p>", escape_xml(p).replace('\n', "<br>"))).collect()
}

/// JSON for inside a `<script>` element: `<`, `>` and `&` written as JSON escapes,
/// so no text from an employer can end the element or open a comment.
pub fn script_json(value: &Value) -> String {
    value.to_string().replace('<', "\\u003c").replace('>', "\\u003e").replace('&', "\\u0026")
}

/// Text for XML (and HTML) content and attribute values.
pub fn escape_xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML 1.0 does not allow at all.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// A position in the feed: the change after which a page starts. The beginning is
/// below every position; a consumer keeps `next` of the last page it read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cursor(pub i64);

impl Cursor {
    pub const START: Cursor = Cursor(i64::MIN);

    /// `since` as sent: empty for the beginning, else a position from `next`.
    /// `None` for anything else (a bad request, not a guess).
    pub fn parse(since: Option<&str>) -> Option<Cursor> {
        match since.map(str::trim) {
            None | Some("") => Some(Cursor::START),
            Some(s) if s.len() <= 20 => s.parse().ok().map(Cursor),
            Some(_) => None,
        }
    }
}

impl std::fmt::Display for Cursor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// How many entries a page asks for, bounded; `None` for a bad number.
pub fn page_size(limit: Option<&str>) -> Option<u32> {
    match limit.map(str::trim) {
        None | Some("") => Some(FEED_PAGE),
        Some(s) => s.parse::<u32>().ok().filter(|n| *n >= 1).map(|n| n.min(FEED_PAGE_MAX)),
    }
}

/// Where a vacancy stands in the feed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FeedState {
    /// Open for applications: mirror it.
    Open,
    /// Closed by its employer or hidden: remove it.
    Closed,
    /// Its deadline passed: remove it.
    Expired,
}

/// A vacancy as the feed gives it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FeedVacancy {
    pub title: String,
    pub employer: String,
    /// The posting company's CVR number, when a company posted it.
    pub cvr: Option<String>,
    pub description: String,
    pub postcode: String,
    pub city: String,
    pub municipality: Option<u16>,
    pub weekly_hours: f64,
    pub deadline: NaiveDate,
    /// `fast`, `tidsbegraenset`, `elev` or `studiejob`.
    pub employment_type: String,
    pub occupation: Option<String>,
    pub how_to_apply: String,
    pub posted: NaiveDate,
    /// Its page.
    pub url: String,
}

/// One change: a vacancy's current state at `seq`; `vacancy` only when open.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FeedEntry {
    pub seq: i64,
    pub id: i64,
    pub state: FeedState,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub vacancy: Option<FeedVacancy>,
}

impl FeedEntry {
    /// The entry for a vacancy as it is at `seq`, on `today`.
    pub fn of(seq: i64, v: &Vacancy, today: NaiveDate, site: &str) -> FeedEntry {
        let state = if !v.open {
            FeedState::Closed
        } else if v.details.deadline < today {
            FeedState::Expired
        } else {
            FeedState::Open
        };
        let d = &v.details;
        let vacancy = (state == FeedState::Open).then(|| FeedVacancy {
            title: d.title.clone(),
            employer: d.employer_name.clone(),
            cvr: v.company.as_ref().map(|c| c.1.clone()),
            description: d.description.clone(),
            postcode: d.postcode.clone(),
            city: d.city.clone(),
            municipality: d.municipality_code,
            weekly_hours: d.weekly_hours,
            deadline: d.deadline,
            employment_type: d.employment_type.code().to_string(),
            occupation: d.occupation_code.clone(),
            how_to_apply: d.how_to_apply.clone(),
            posted: v.posted,
            url: format!("{site}/job/{}", v.id),
        });
        FeedEntry { seq, id: v.id, state, vacancy }
    }
}

/// A page of the feed: the changes after the cursor asked for, and the cursor to
/// ask with next (the same when nothing changed).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FeedPage {
    pub changes: Vec<FeedEntry>,
    pub next: String,
    /// More changes wait: ask again at once with `next`.
    pub more: bool,
}

/// A sitemap of `urls` (each with the day it last changed).
pub fn sitemap(urls: &[(String, NaiveDate)]) -> String {
    let mut out = String::from(r#"<?xml version="1.0" encoding="UTF-8"?>"#);
    out.push_str(r#"<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">"#);
    for (loc, changed) in urls {
        out.push_str(&format!("<url><loc>{}</loc><lastmod>{changed}</lastmod></url>", escape_xml(loc)));
    }
    out.push_str("</urlset>");
    out
}

/// A sitemap index pointing at `files`.
pub fn sitemap_index(files: &[String]) -> String {
    let mut out = String::from(r#"<?xml version="1.0" encoding="UTF-8"?>"#);
    out.push_str(r#"<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">"#);
    for loc in files {
        out.push_str(&format!("<sitemap><loc>{}</loc></sitemap>", escape_xml(loc)));
    }
    out.push_str("</sitemapindex>");
    out
}

/// One entry of an Atom feed.
#[derive(Clone, Debug, PartialEq)]
pub struct AtomEntry {
    pub id: i64,
    pub title: String,
    pub summary: String,
    pub url: String,
    pub updated: chrono::DateTime<chrono::Utc>,
}

/// An Atom feed (RFC 4287) titled `title`, found at `self_url`, about the page
/// `alternate`, with `entries`, newest first.
pub fn atom(title: &str, self_url: &str, alternate: &str, site: &str, entries: &[AtomEntry]) -> String {
    let updated = entries.iter().map(|e| e.updated).max().unwrap_or(chrono::DateTime::UNIX_EPOCH);
    let mut out = String::from(r#"<?xml version="1.0" encoding="UTF-8"?>"#);
    out.push_str(r#"<feed xmlns="http://www.w3.org/2005/Atom">"#);
    out.push_str(&format!(
        r#"<title>{}</title><id>{}</id><link rel="self" type="application/atom+xml" href="{}"/><link rel="alternate" type="text/html" href="{}"/><updated>{}</updated><author><name>Jobunivers</name></author>"#,
        escape_xml(title),
        escape_xml(self_url),
        escape_xml(self_url),
        escape_xml(alternate),
        updated.to_rfc3339()
    ));
    for e in entries {
        out.push_str(&format!(
            r#"<entry><title>{}</title><id>{site}/job/{}</id><link rel="alternate" type="text/html" href="{}"/><updated>{}</updated><summary>{}</summary></entry>"#,
            escape_xml(&e.title),
            e.id,
            escape_xml(&e.url),
            e.updated.to_rfc3339(),
            escape_xml(&e.summary)
        ));
    }
    out.push_str("</feed>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vacancy::NewVacancy;

    fn vacancy(description: &str) -> Vacancy {
        Vacancy {
            id: 42,
            details: NewVacancy {
                title: "Tømrer </script><script>alert(1)</script>".into(),
                employer_name: "Marstal Havn".into(),
                description: description.into(),
                postcode: "5960".into(),
                city: "Marstal".into(),
                municipality_code: Some(492),
                weekly_hours: 37.0,
                deadline: NaiveDate::from_ymd_opt(2026, 12, 31).unwrap(),
                how_to_apply: "job@havn.example".into(),
                employment_type: EmploymentType::Temporary,
                occupation_code: Some("711510".into()),
            },
            posted: NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
            open: true,
            company: Some(("Marstal Havn ApS".into(), "13748136".into())),
            close_reason: None,
        }
    }

    #[test]
    fn a_job_posting_has_what_search_engines_require() {
        let p = job_posting(&vacancy("Første afsnit.\n\nAndet & sidste <b>afsnit</b>."), "https://job.example");
        for key in
            ["title", "description", "datePosted", "validThrough", "hiringOrganization", "jobLocation", "employmentType", "identifier"]
        {
            assert!(p.get(key).is_some(), "{key} missing: {p}");
        }
        assert_eq!(p["hiringOrganization"]["name"], "Marstal Havn ApS", "the registered name");
        assert_eq!(p["jobLocation"]["address"]["postalCode"], "5960");
        assert_eq!(p["jobLocation"]["address"]["addressCountry"], "DK");
        assert_eq!(p["employmentType"], json!(["FULL_TIME", "TEMPORARY"]));
        assert_eq!(p["validThrough"], "2026-12-31T23:59:59");
        assert_eq!(p["occupationalCategory"], "711510");
        assert_eq!(p["description"], "<p>Første afsnit.</p><p>Andet &amp; sidste &lt;b&gt;afsnit&lt;/b&gt;.</p>");
    }

    #[test]
    fn no_text_can_end_the_script_element() {
        let text = script_json(&job_posting(&vacancy("<!-- x --> </SCRIPT>"), "https://job.example"));
        assert!(!text.contains('<') && !text.contains('>'), "{text}");
        let back: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back["title"], "Tømrer </script><script>alert(1)</script>", "the same data, only written differently");
    }

    #[test]
    fn the_cursor_and_page_size_are_bounded() {
        assert_eq!(Cursor::parse(None), Some(Cursor::START));
        assert_eq!(Cursor::parse(Some("")), Some(Cursor::START));
        assert_eq!(Cursor::parse(Some("-5")), Some(Cursor(-5)));
        assert_eq!(Cursor::parse(Some("1234")).map(|c| c.to_string()), Some("1234".into()));
        assert_eq!(Cursor::parse(Some("abc")), None);
        assert_eq!(Cursor::parse(Some(&"9".repeat(40))), None);
        assert_eq!(page_size(None), Some(FEED_PAGE));
        assert_eq!(page_size(Some("5000")), Some(FEED_PAGE_MAX));
        assert_eq!(page_size(Some("0")), None);
        assert_eq!(page_size(Some("-1")), None);
    }

    #[test]
    fn the_feed_says_open_closed_or_expired_and_gives_only_open_vacancies_whole() {
        let mut v = vacancy("Tekst");
        let day = |d: u32| NaiveDate::from_ymd_opt(2026, 12, d).unwrap();
        let open = FeedEntry::of(7, &v, day(31), "https://job.example");
        assert_eq!((open.state, open.vacancy.as_ref().map(|x| x.url.as_str())), (FeedState::Open, Some("https://job.example/job/42")));
        assert_eq!(FeedEntry::of(7, &v, NaiveDate::from_ymd_opt(2027, 1, 1).unwrap(), "").state, FeedState::Expired);
        v.open = false;
        let closed = FeedEntry::of(8, &v, day(1), "");
        assert_eq!((closed.state, closed.vacancy), (FeedState::Closed, None));
        assert_eq!(serde_json::to_value(FeedEntry::of(8, &v, day(1), "")).unwrap(), json!({"seq": 8, "id": 42, "state": "closed"}));
    }

    #[test]
    fn xml_is_escaped_and_well_formed() {
        assert_eq!(escape_xml("a<b & \"c\"\u{1}"), "a&lt;b &amp; &quot;c&quot;");
        let s = sitemap(&[("https://job.example/job/1?a=1&b=2".into(), NaiveDate::from_ymd_opt(2026, 1, 2).unwrap())]);
        assert!(s.contains("<loc>https://job.example/job/1?a=1&amp;b=2</loc><lastmod>2026-01-02</lastmod>"), "{s}");
        let entry = AtomEntry {
            id: 1,
            title: "Kok & tjener".into(),
            summary: "<b>".into(),
            url: "https://job.example/job/1".into(),
            updated: chrono::DateTime::UNIX_EPOCH,
        };
        let feed = atom("Job: kok", "https://job.example/job/feed?q=kok", "https://job.example/job?q=kok", "https://job.example", &[entry]);
        assert!(feed.contains("<title>Kok &amp; tjener</title>") && feed.contains("<summary>&lt;b&gt;</summary>"), "{feed}");
        assert!(feed.starts_with("<?xml") && feed.ends_with("</feed>"));
    }
}
