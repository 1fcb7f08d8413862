//! Vacancies in: what an imported item is, read from schema.org `JobPosting`
//! JSON (a feed of them, or JSON-LD in a page) or from another Jobunivers's open
//! feed, and turned into a vacancy by the same rules as an employer's form. An
//! item that cannot be mapped is skipped with its reason, never half-made.

use crate::i18n::Lang;
use crate::publish::{FeedEntry, FeedState};
use crate::vacancy::{self, NewVacancy, VacancyForm};
use chrono::{Duration, NaiveDate};
use serde_json::Value;

/// Items one run takes from a source at most.
pub const MAX_ITEMS: usize = 100_000;
/// JSON-LD blocks read from one page at most.
const MAX_BLOCKS: usize = 20;
/// Links read from one listing page or feed at most.
pub const MAX_LINKS: usize = 2_000;
/// The deadline given to an item that names none: a month, renewed each time the
/// item is fetched again.
pub const DEFAULT_DAYS_OPEN: i64 = 30;
/// Longest identifier kept.
const MAX_IDENTIFIER: usize = 200;

code_enum!(
    /// What a source serves.
    SourceFormat {
        /// A JSON list of schema.org `JobPosting` objects (or `{"items": […]}`, or a `@graph`).
        Json => "json", ImportFormatJson;
        /// An RSS or Atom feed whose entries link to pages carrying `JobPosting` JSON-LD.
        Feed => "feed", ImportFormatFeed;
        /// One page listing links to pages carrying `JobPosting` JSON-LD.
        Page => "page", ImportFormatPage;
        /// Another Jobunivers's open feed (`/api/v1/vacancies`).
        Jobunivers => "jobunivers", ImportFormatJobunivers;
    }
);

code_enum!(
    /// What the administrators' import form does.
    ImportAction {
        /// Register a source.
        Add => "add";
        /// Run a source now.
        Run => "run";
    }
);

/// The import form as posted: every field text, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct ImportForm {
    pub action: String,
    /// The source to run.
    pub id: String,
    pub name: String,
    pub url: String,
    pub format: String,
    /// Post as this company (CVR number); empty: the employer each item names.
    pub cvr: String,
    /// Minutes between runs.
    pub every: String,
}

impl crate::forms::FormData for ImportForm {}

/// One run as the administrators' page shows it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RunView {
    pub started: chrono::DateTime<chrono::Utc>,
    /// How long it took, in seconds (none while it runs).
    pub seconds: Option<i64>,
    pub outcome: String,
    pub added: i32,
    pub updated: i32,
    pub unchanged: i32,
    pub closed: i32,
    pub skipped: i32,
    pub error: Option<String>,
    /// What it skipped and why (the latest run's).
    pub skips: Vec<(String, String)>,
}

/// A source with its latest runs, newest first.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SourceView {
    pub id: i64,
    pub name: String,
    pub url: String,
    pub format: SourceFormat,
    pub company: Option<String>,
    pub every_minutes: i32,
    pub runs: Vec<RunView>,
}

/// An item mapped to a vacancy, ready for the service that stores it.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    /// The source's own name for it, kept to find it again.
    pub identifier: String,
    pub vacancy: NewVacancy,
    /// The same job from another source has the same fingerprint.
    pub fingerprint: String,
}

/// Why an item was skipped, in Danish for the administrator's report.
pub type Skip = String;

/// The `JobPosting` objects of a JSON document: a list, `{"items": […]}` or
/// `{"@graph": […]}`, or one posting. Anything else has none.
pub fn postings(doc: &Value) -> Vec<&Value> {
    let list: Vec<&Value> = match doc {
        Value::Array(items) => items.iter().collect(),
        Value::Object(map) => match map.get("items").or_else(|| map.get("@graph")).or_else(|| map.get("jobs")) {
            Some(Value::Array(items)) => items.iter().collect(),
            _ => vec![doc],
        },
        _ => Vec::new(),
    };
    list.into_iter().filter(|v| is_posting(v)).take(MAX_ITEMS).collect()
}

fn is_posting(v: &Value) -> bool {
    match v.get("@type") {
        Some(Value::String(t)) => t == "JobPosting",
        Some(Value::Array(ts)) => ts.iter().any(|t| t == "JobPosting"),
        _ => false,
    }
}

/// The `JobPosting` objects in a page's JSON-LD script elements. A block that is
/// not JSON is passed over (its reason is the caller's to report if none is found).
pub fn json_ld_postings(html: &str) -> Vec<Value> {
    let mut found = Vec::new();
    let lower = html.to_ascii_lowercase();
    let mut at = 0;
    while let Some(start) = lower[at..].find("application/ld+json") {
        let from = at + start;
        let Some(open_end) = lower[from..].find('>').map(|i| from + i + 1) else { break };
        let Some(close) = lower[open_end..].find("</script").map(|i| open_end + i) else { break };
        if let Ok(doc) = serde_json::from_str::<Value>(&html[open_end..close]) {
            found.extend(postings(&doc).into_iter().cloned());
        }
        at = close;
        if found.len() >= MAX_BLOCKS {
            break;
        }
    }
    found
}

/// The `href` of every link in a page (or feed), made absolute against `base`,
/// each once, in order.
pub fn links(html: &str, base: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let lower = html.to_ascii_lowercase();
    let mut at = 0;
    while let Some(i) = lower[at..].find("href=") {
        let from = at + i + 5;
        let quote = html[from..].chars().next();
        let (start, end) = match quote {
            Some(q @ ('"' | '\'')) => (from + 1, html[from + 1..].find(q).map(|e| from + 1 + e)),
            _ => (from, html[from..].find(|c: char| c.is_whitespace() || c == '>').map(|e| from + e)),
        };
        let Some(end) = end else { break };
        let href = decode_entities(html[start..end].trim());
        if let Some(url) = absolute(base, &href) {
            if !out.contains(&url) {
                out.push(url);
            }
        }
        at = end;
        if out.len() >= MAX_LINKS {
            break;
        }
    }
    // Atom and RSS: `<link>https://…</link>` holds the address as text.
    for part in html.split("<link>").skip(1) {
        if let Some(url) = part.split("</link>").next().and_then(|t| absolute(base, t.trim())) {
            if !out.contains(&url) && out.len() < MAX_LINKS {
                out.push(url);
            }
        }
    }
    out
}

/// `href` against `base`: an http(s) address, or `None`.
fn absolute(base: &str, href: &str) -> Option<String> {
    if href.starts_with("http://") || href.starts_with("https://") {
        return Some(href.to_string());
    }
    let (scheme, rest) = base.split_once("://")?;
    let host = rest.split('/').next()?;
    if let Some(path) = href.strip_prefix('/') {
        if path.starts_with('/') {
            return None; // Protocol-relative: another host, written unclearly.
        }
        return Some(format!("{scheme}://{host}/{path}"));
    }
    if href.is_empty() || href.starts_with('#') || href.contains(':') {
        return None; // mailto:, javascript: and the page itself.
    }
    let dir = base.rsplit_once('/').map_or(base, |(d, _)| d);
    let dir = if dir.ends_with(':') || dir.len() <= scheme.len() + 3 { format!("{scheme}://{host}") } else { dir.to_string() };
    Some(format!("{dir}/{href}"))
}

/// HTML as plain text: tags dropped, paragraphs and line breaks kept, the common
/// entities decoded, runs of spaces made one.
pub fn html_to_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        text.push_str(&rest[..i]);
        let Some(end) = rest[i..].find('>') else {
            rest = "";
            break;
        };
        let tag = rest[i + 1..i + end].trim_start_matches('/').to_ascii_lowercase();
        let name = tag.split(|c: char| c.is_whitespace() || c == '/').next().unwrap_or("");
        match name {
            "p" | "div" | "ul" | "ol" | "h1" | "h2" | "h3" | "h4" | "li" => text.push_str("\n\n"),
            "br" => text.push('\n'),
            _ => {}
        }
        rest = &rest[i + end + 1..];
    }
    text.push_str(rest);
    let text = decode_entities(&text);
    let paragraphs: Vec<String> = text
        .split("\n\n")
        .map(|p| {
            p.lines().map(|l| l.split_whitespace().collect::<Vec<_>>().join(" ")).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("\n")
        })
        .filter(|p| !p.is_empty())
        .collect();
    paragraphs.join("\n\n")
}

fn decode_entities(s: &str) -> String {
    s.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&aelig;", "æ")
        .replace("&oslash;", "ø")
        .replace("&aring;", "å")
        .replace("&AElig;", "Æ")
        .replace("&Oslash;", "Ø")
        .replace("&Aring;", "Å")
        .replace("&amp;", "&")
}

/// A string from a schema.org value that may be text, a number, an object with
/// `name` or `value`, or a list (the first).
fn text_of(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Number(n) => Some(n.to_string()),
        Value::Array(items) => text_of(items.first()),
        Value::Object(map) => text_of(map.get("name").or_else(|| map.get("value"))),
        _ => None,
    }
}

/// A posting's own identifier. Google's form is a PropertyValue whose `name` is
/// the issuer (the same on every posting) and whose `value` is the posting's
/// number: the value, then, never the name.
fn identifier_of(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::Array(items) => identifier_of(items.first()),
        Value::Object(map) => text_of(map.get("value").or_else(|| map.get("@id")).or_else(|| map.get("name"))),
        other => text_of(Some(other)),
    }
}

/// A day from an ISO 8601 date or date and time.
fn date_of(v: Option<&Value>) -> Option<NaiveDate> {
    let s = text_of(v)?;
    NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()
}

/// A schema.org `JobPosting` as a vacancy, checked by the vacancy rules as of
/// `today`. `page` is where it was found (its address to apply when it names none).
pub fn map_posting(p: &Value, page: Option<&str>, today: NaiveDate) -> Result<Item, Skip> {
    let title = text_of(p.get("title")).ok_or("uden titel")?;
    let employer = text_of(p.get("hiringOrganization")).ok_or_else(|| format!("»{title}«: uden arbejdsgiver (hiringOrganization)"))?;
    let location = match p.get("jobLocation") {
        Some(Value::Array(places)) => places.first(),
        other => other,
    };
    let address = location.and_then(|l| l.get("address"));
    let postcode = text_of(address.and_then(|a| a.get("postalCode")))
        .ok_or_else(|| format!("»{title}«: uden postnummer (jobLocation.address.postalCode)"))?;
    let place = postcode.trim().parse::<u16>().ok().and_then(crate::postcode::lookup);
    let city = text_of(address.and_then(|a| a.get("addressLocality"))).or_else(|| place.map(|p| p.name.to_string())).unwrap_or_default();
    let types: Vec<String> = match p.get("employmentType") {
        Some(Value::Array(ts)) => ts.iter().filter_map(|t| t.as_str().map(str::to_uppercase)).collect(),
        Some(Value::String(t)) => t.split(',').map(|t| t.trim().to_uppercase()).collect(),
        _ => Vec::new(),
    };
    let employment = if types.iter().any(|t| t == "TEMPORARY" || t == "CONTRACTOR") {
        "tidsbegraenset"
    } else if types.iter().any(|t| t == "INTERN") {
        "elev"
    } else {
        "fast"
    };
    let hours = text_of(p.get("workHours"))
        .and_then(|h| h.split(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.')).find(|x| !x.is_empty()).map(str::to_string))
        .unwrap_or_else(|| if types.iter().any(|t| t == "PART_TIME") { "20".into() } else { "37".into() });
    let deadline = date_of(p.get("validThrough")).unwrap_or(today + Duration::days(DEFAULT_DAYS_OPEN));
    let apply = text_of(p.get("url"))
        .or_else(|| p.get("applicationContact").and_then(|c| text_of(c.get("email")).or_else(|| text_of(c.get("url")))))
        .or_else(|| page.map(str::to_string))
        .ok_or_else(|| format!("»{title}«: intet sted at søge (url)"))?;
    let occupation = text_of(p.get("occupationalCategory"))
        .and_then(|c| crate::occupation::by_code(c.split_whitespace().next().unwrap_or("")).map(|o| format!("{} ({})", o.da, o.code)))
        .unwrap_or_default();
    let description = html_to_text(&text_of(p.get("description")).unwrap_or_default());
    let form = VacancyForm {
        title: html_to_text(&title),
        employer_name: employer,
        description,
        postcode,
        city,
        weekly_hours: hours,
        deadline: deadline.to_string(),
        how_to_apply: apply,
        municipality: String::new(),
        employment_type: employment.into(),
        occupation,
        fra: String::new(),
    };
    let vacancy = checked(&form, today)?;
    let identifier = identifier_of(p.get("identifier")).or_else(|| text_of(p.get("url"))).or_else(|| page.map(str::to_string));
    let fingerprint = fingerprint(&vacancy);
    let identifier = identifier.unwrap_or_else(|| fingerprint.clone()).chars().take(MAX_IDENTIFIER).collect();
    Ok(Item { identifier, vacancy, fingerprint })
}

/// The vacancy rules, with every broken one named in the skip reason.
fn checked(form: &VacancyForm, today: NaiveDate) -> Result<NewVacancy, Skip> {
    vacancy::validate(form, today).map_err(|errors| {
        let what: Vec<String> = errors.0.iter().map(|e| format!("{}: {}", e.field, Lang::Da.t(e.msg))).collect();
        format!("»{}«: {}", form.title.chars().take(80).collect::<String>(), what.join("; "))
    })
}

/// An entry of another Jobunivers's open feed: `Ok(None)` for one that says a
/// vacancy is gone (closed or expired), so the caller closes its copy.
pub fn map_feed_entry(e: &FeedEntry, today: NaiveDate) -> Result<Option<Item>, Skip> {
    if e.state != FeedState::Open {
        return Ok(None);
    }
    let v = e.vacancy.as_ref().ok_or_else(|| format!("{}: åben, men uden stilling", e.id))?;
    let form = VacancyForm {
        title: v.title.clone(),
        employer_name: v.employer.clone(),
        description: v.description.clone(),
        postcode: v.postcode.clone(),
        city: v.city.clone(),
        weekly_hours: v.weekly_hours.to_string(),
        deadline: v.deadline.to_string(),
        how_to_apply: v.how_to_apply.clone(),
        municipality: v.municipality.map(|m| m.to_string()).unwrap_or_default(),
        employment_type: v.employment_type.clone(),
        occupation: v
            .occupation
            .as_deref()
            .and_then(crate::occupation::by_code)
            .map(|o| format!("{} ({})", o.da, o.code))
            .unwrap_or_default(),
        fra: String::new(),
    };
    let vacancy = checked(&form, today)?;
    Ok(Some(Item { identifier: e.id.to_string(), fingerprint: fingerprint(&vacancy), vacancy }))
}

/// What makes two items the same job wherever they come from: the employer, the
/// title, the postcode and the deadline, compared without case, spaces or
/// punctuation. (FNV-1a: stable across machines and versions.)
pub fn fingerprint(v: &NewVacancy) -> String {
    let norm = |s: &str| crate::parse::fold(s).chars().filter(|c| c.is_alphanumeric()).collect::<String>();
    let key = format!("{}|{}|{}|{}", norm(&v.employer_name), norm(&v.title), v.postcode.trim(), v.deadline);
    let hash = key.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3));
    format!("{hash:016x}")
}

/// A hash of a vacancy as mapped: an item whose hash did not change is not
/// written again.
pub fn fingerprint_content(v: &NewVacancy) -> String {
    let text = serde_json::to_string(v).unwrap_or_default();
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3));
    format!("{hash:016x}")
}

/// Whether robots.txt lets `agent` fetch `path`: the rules of the group naming
/// the agent, else of `*`; the longest matching rule decides, and allowing wins a
/// tie. No rule, no group or no file: allowed.
pub fn robots_allows(robots: &str, agent: &str, path: &str) -> bool {
    // Each group: the agents it names, and its rules (allow?, path prefix).
    type Group = (Vec<String>, Vec<(bool, String)>);
    let mut groups: Vec<Group> = Vec::new();
    let mut in_rules = false;
    for line in robots.lines().take(10_000) {
        let line = line.split('#').next().unwrap_or("").trim();
        let Some((key, value)) = line.split_once(':') else { continue };
        let (key, value) = (key.trim().to_ascii_lowercase(), value.trim().to_string());
        match key.as_str() {
            "user-agent" => {
                if in_rules || groups.is_empty() {
                    groups.push((Vec::new(), Vec::new()));
                    in_rules = false;
                }
                if let Some(g) = groups.last_mut() {
                    g.0.push(value.to_ascii_lowercase());
                }
            }
            "allow" | "disallow" => {
                in_rules = true;
                if let Some(g) = groups.last_mut() {
                    if !value.is_empty() {
                        g.1.push((key == "allow", value));
                    }
                }
            }
            _ => {}
        }
    }
    let agent = agent.to_ascii_lowercase();
    let group = groups
        .iter()
        .find(|g| g.0.iter().any(|a| a != "*" && agent.contains(a.as_str())))
        .or_else(|| groups.iter().find(|g| g.0.iter().any(|a| a == "*")));
    let Some((_, rules)) = group else { return true };
    let best = rules.iter().filter(|(_, p)| path.starts_with(p.trim_end_matches('*'))).max_by_key(|(allow, p)| (p.len(), *allow));
    best.is_none_or(|(allow, _)| *allow)
}

/// Whether an address may be fetched: not loopback, private, link-local,
/// unspecified, shared (100.64/10), documentation, multicast or broadcast;
/// IPv4 inside IPv6 judged as IPv4.
pub fn is_public(ip: std::net::IpAddr) -> bool {
    use std::net::IpAddr;
    match ip {
        IpAddr::V4(v4) => {
            let o = v4.octets();
            !(v4.is_private()
                || v4.is_loopback()
                || v4.is_link_local()
                || v4.is_unspecified()
                || v4.is_broadcast()
                || v4.is_multicast()
                || v4.is_documentation()
                || o[0] == 0
                || (o[0] == 100 && (64..128).contains(&o[1]))
                || (o[0] == 192 && o[1] == 0 && o[2] == 0)
                || o[0] >= 240)
        }
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return is_public(IpAddr::V4(v4));
            }
            let s = v6.segments();
            !(v6.is_loopback()
                || v6.is_unspecified()
                || v6.is_multicast()
                || (s[0] & 0xfe00) == 0xfc00 // unique local
                || (s[0] & 0xffc0) == 0xfe80 // link-local
                || (s[0] == 0x2001 && s[1] == 0x0db8)) // documentation
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
    }

    fn posting() -> Value {
        json!({
            "@context": "https://schema.org", "@type": "JobPosting",
            "title": "Kok til kantinen", "identifier": {"@type": "PropertyValue", "value": "K-17"},
            "description": "<p>Vi s&oslash;ger en kok.</p><p>Du skal <b>elske</b> mad &amp; mennesker.</p>",
            "hiringOrganization": {"@type": "Organization", "name": "Kantinen A/S"},
            "jobLocation": {"@type": "Place", "address": {"@type": "PostalAddress", "postalCode": "8000", "addressLocality": "Aarhus C"}},
            "employmentType": ["FULL_TIME"], "validThrough": "2026-12-20T23:59", "workHours": "37 timer",
            "occupationalCategory": "512010", "url": "https://kantinen.example/job/17"
        })
    }

    #[test]
    fn a_posting_becomes_a_vacancy_by_the_same_rules_as_a_form() {
        let item = map_posting(&posting(), None, today()).unwrap();
        assert_eq!(item.identifier, "K-17");
        // Google's form names the issuer beside the value; two postings of one
        // issuer stay two.
        let issued = |n: &str| {
            let mut p = posting();
            p["identifier"] = json!({"@type": "PropertyValue", "name": "Kantinen A/S", "value": n});
            map_posting(&p, None, today()).unwrap().identifier
        };
        assert_eq!((issued("1").as_str(), issued("2").as_str()), ("1", "2"));
        let v = item.vacancy;
        assert_eq!((v.title.as_str(), v.employer_name.as_str(), v.postcode.as_str()), ("Kok til kantinen", "Kantinen A/S", "8000"));
        assert_eq!(v.description, "Vi søger en kok.\n\nDu skal elske mad & mennesker.");
        assert_eq!((v.municipality_code, v.weekly_hours, v.deadline), (Some(751), 37.0, NaiveDate::from_ymd_opt(2026, 12, 20).unwrap()));
        assert_eq!((v.occupation_code.as_deref(), v.how_to_apply.as_str()), (Some("512010"), "https://kantinen.example/job/17"));
    }

    #[test]
    fn an_item_that_cannot_be_mapped_says_why() {
        let mut p = posting();
        p["jobLocation"] = json!({"@type": "Place", "address": {"addressLocality": "Aarhus"}});
        assert!(map_posting(&p, None, today()).unwrap_err().contains("uden postnummer"));
        let mut p = posting();
        p["validThrough"] = json!("2020-01-01");
        let why = map_posting(&p, None, today()).unwrap_err();
        assert!(why.starts_with("»Kok til kantinen«: deadline:"), "{why}");
        assert!(map_posting(&json!({"@type": "JobPosting"}), None, today()).is_err());
        let mut p = posting();
        p.as_object_mut().unwrap().remove("validThrough");
        assert_eq!(map_posting(&p, None, today()).unwrap().vacancy.deadline, today() + Duration::days(DEFAULT_DAYS_OPEN));
    }

    #[test]
    fn postings_are_found_in_lists_graphs_and_pages() {
        assert_eq!(postings(&json!([posting(), {"@type": "Event"}, posting()])).len(), 2);
        assert_eq!(postings(&json!({"@graph": [posting()]})).len(), 1);
        assert_eq!(postings(&posting()).len(), 1);
        assert!(postings(&json!("x")).is_empty());
        let html = format!(
            "<html><script type=\"application/ld+json\">{{not json</script><SCRIPT type='application/ld+json'>{}</SCRIPT></html>",
            posting()
        );
        assert_eq!(json_ld_postings(&html).len(), 1);
    }

    #[test]
    fn links_are_made_absolute_once() {
        let html = r#"<a href="/job/1">1</a> <a href='job/2'>2</a> <a href=https://other.example/3>3</a> <a href="/job/1">again</a>
                      <a href="mailto:x@y.dk">m</a> <a href="//evil.example/x">p</a> <item><link>https://feed.example/4</link></item>"#;
        assert_eq!(
            links(html, "https://site.example/karriere/index.html"),
            ["https://site.example/job/1", "https://site.example/karriere/job/2", "https://other.example/3", "https://feed.example/4"]
        );
    }

    #[test]
    fn the_same_job_has_the_same_fingerprint_whoever_writes_it() {
        let a = map_posting(&posting(), None, today()).unwrap();
        let mut p = posting();
        p["title"] = json!("KOK til kantinen!");
        p["hiringOrganization"] = json!("Kantinen a/s");
        assert_eq!(map_posting(&p, None, today()).unwrap().fingerprint, a.fingerprint);
        p["postalCode"] = json!("8200");
        p["jobLocation"]["address"]["postalCode"] = json!("8200");
        assert_ne!(map_posting(&p, None, today()).unwrap().fingerprint, a.fingerprint);
    }

    #[test]
    fn robots_txt_is_read_as_crawlers_read_it() {
        let robots = "User-agent: *\nDisallow: /privat\nAllow: /privat/job\n\nUser-agent: Jobunivers\nDisallow: /intern\n";
        assert!(!robots_allows(robots, "jobunivers", "/intern/1"));
        assert!(robots_allows(robots, "jobunivers", "/privat/x"), "our own group replaces *'s");
        assert!(!robots_allows(robots, "other", "/privat/x"));
        assert!(robots_allows(robots, "other", "/privat/job/1"), "the longer rule wins");
        assert!(robots_allows("", "jobunivers", "/x"));
        assert!(robots_allows("User-agent: *\nDisallow:\n", "jobunivers", "/x"), "an empty Disallow allows all");
    }

    #[test]
    fn only_public_addresses_may_be_fetched() {
        for private in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "::1",
            "fe80::1",
            "fd00::1",
            "::ffff:127.0.0.1",
        ] {
            assert!(!is_public(private.parse().unwrap()), "{private}");
        }
        for public in ["93.184.216.34", "2a00:1450:4001:80b::200e", "185.107.12.1"] {
            assert!(is_public(public.parse().unwrap()), "{public}");
        }
    }
}
