//! Property tests and fuzz targets for every public input surface: the search
//! address (page route and server function alike), and every form's parser (CPR,
//! CVR, dates, postcodes and places, hours, e-mail, files, whole forms).
//!
//! Each target feeds generated input, from random bytes to Danish-shaped text, to
//! the real parser and checks that it never panics, answers within a bounded time,
//! and that what it accepts is bounded and stable. In `make test` each target runs
//! one short batch. To fuzz longer, give a time per target:
//!
//! ```sh
//! FUZZ_SECONDS=600 cargo test --release -p app --test fuzz -- --test-threads=2 --nocapture
//! ```
//!
//! Each target then prints how many inputs it tried. A failing input is shrunk to
//! the smallest one that still fails, and printed.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failed unwrap is a failed test

use app::domain::{identity, joblog, parse, postcode::Place, region::Region, vacancy};
use app::search::types::{SearchQuery, MAX_PAGE, MAX_QUERY_CHARS, MAX_QUERY_WORDS, MAX_VALUES_PER_PARAM, RADII_KM, WITHIN_DAYS};
use chrono::NaiveDate;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use std::time::{Duration, Instant};

/// Longest any one parse may take. Generous: it catches work that grows without
/// bound (a quadratic loop, a huge allocation), not a slow machine.
const PER_INPUT: Duration = Duration::from_secs(1);

/// Runs `check` on inputs from `strategy`: one batch, or batches until
/// `FUZZ_SECONDS` have passed. Prints the count of inputs tried.
fn fuzz<S: Strategy>(name: &str, strategy: S, check: impl Fn(S::Value) -> Result<(), TestCaseError>)
where
    S::Value: std::fmt::Debug,
{
    let seconds: u64 = std::env::var("FUZZ_SECONDS").ok().and_then(|s| s.parse().ok()).unwrap_or(0);
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let batch = if seconds == 0 { 256 } else { 5_000 };
    let tried = std::sync::atomic::AtomicU64::new(0);
    let started = Instant::now();
    loop {
        // A runner stops after `cases` successes, so each batch gets a fresh one
        // (with a fresh random seed).
        let mut runner = TestRunner::new(Config { cases: batch, failure_persistence: None, ..Config::default() });
        let result = runner.run(&strategy, |input| {
            tried.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let at = Instant::now();
            check(input)?;
            prop_assert!(at.elapsed() < PER_INPUT, "one input took {:?}", at.elapsed());
            Ok(())
        });
        if let Err(e) = result {
            panic!("{name}: {e}");
        }
        if Instant::now() >= deadline {
            break;
        }
    }
    let tried = tried.into_inner();
    println!("fuzz {name}: {tried} inputs in {:.0?}, no failure", started.elapsed());
}

/// Text of every kind: arbitrary Unicode, control characters, long runs, and
/// shapes near what a parser expects.
fn text(shaped: &'static str) -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        proptest::string::string_regex(shaped).expect("a valid pattern"),
        proptest::collection::vec(any::<char>(), 0..3000).prop_map(|c| c.into_iter().collect()),
        "[0-9 .,:/+-]{0,40}",
    ]
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
}

#[test]
fn search_address() {
    let pair = "(q|side|kommune|region|nye|naer|km|sorter|tid|ansaettelse|fag)=[^&]{0,40}";
    let address = prop_oneof![
        text("q=[a-zæøå ]{0,80}&side=[0-9]{0,12}"),
        proptest::collection::vec(proptest::string::string_regex(pair).expect("pattern"), 0..400).prop_map(|p| p.join("&")),
    ];
    fuzz("search address", address, |address| {
        let q = SearchQuery::from_address(&address);
        prop_assert!(q.text.chars().count() <= MAX_QUERY_CHARS);
        prop_assert!(q.text.split_whitespace().count() <= MAX_QUERY_WORDS);
        prop_assert!((1..=MAX_PAGE).contains(&q.page));
        prop_assert!(q.municipalities.len() <= MAX_VALUES_PER_PARAM && q.occupations.len() <= MAX_VALUES_PER_PARAM);
        prop_assert!(q.regions.len() <= Region::ALL.len());
        prop_assert!(q.within_days.is_none_or(|d| WITHIN_DAYS.contains(&d)));
        prop_assert!(RADII_KM.contains(&q.km));
        // Normalised once, it reads back the same from its own address.
        let again = SearchQuery::from_address(&q.address_query());
        prop_assert_eq!(again, SearchQuery { near_unknown: None, ..q });
        Ok(())
    });
}

/// What search makes of the words people type (occupation names spotted, both
/// foldings, "did you mean", the tantivy query itself on a real index): never a
/// panic or an error, bounded work, and a result no bigger than the input allows.
#[test]
fn search_words() {
    let dir = std::env::temp_dir().join(format!("jobunivers-fuzz-search-{}", std::process::id()));
    let (index, _) = app::ssr::index::VacancyIndex::open_or_create(&dir).unwrap();
    let words =
        prop_oneof![text("[a-zæøåA-ZÆØÅ' .-]{0,80}"), "(sosu|ssa|nurse|hk'er|kontorass\\.|pædagog|padagog|aarhus|-|x{30,60}| ){0,20}",];
    fuzz("search words", words, |typed| {
        let q = SearchQuery::from_address(&format!("q={}", form_urlencoded::byte_serialize(typed.as_bytes()).collect::<String>()));
        let parts = app::domain::occupation::spot(&q.text);
        prop_assert!(parts.len() <= q.text.split_whitespace().count());
        if let Some(meant) = app::domain::search::did_you_mean(&q.text) {
            prop_assert!(meant.split_whitespace().count() <= MAX_QUERY_WORDS);
            prop_assert!(meant.chars().count() <= 50 * MAX_QUERY_WORDS);
        }
        // Lowercasing may lengthen a letter (İ), never by more than three.
        prop_assert!(parse::fold_plain(&q.text).chars().count() <= 3 * q.text.chars().count());
        prop_assert!(index.search(&q, today()).is_ok());
        Ok(())
    });
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn cpr_numbers() {
    fuzz("cpr", text("[0-9]{6}-?[0-9]{4}"), |input| {
        if let Ok(cpr) = identity::cpr(&input) {
            prop_assert_eq!(cpr.digits().len(), 10);
            prop_assert!(cpr.masked().ends_with("-XXXX"));
        }
        Ok(())
    });
}

#[test]
fn cvr_numbers() {
    fuzz("cvr", text("[0-9 ]{8,10}"), |input| {
        if let Ok(cvr) = identity::cvr(&input) {
            prop_assert!(cvr.len() == 8 && cvr.chars().all(|c| c.is_ascii_digit()));
            prop_assert_eq!(identity::cvr(&cvr), Ok(cvr.clone()), "stable");
        }
        Ok(())
    });
}

#[test]
fn dates_and_times() {
    fuzz("dates", text("[0-9]{1,4}[-./ ][0-9]{1,2}[-./ ][0-9]{1,5}"), |input| {
        let _ = parse::date(&input);
        let _ = vacancy::check_deadline(&input, today());
        let _ = app::domain::contact::parse_time(&input);
        Ok(())
    });
}

#[test]
fn postcodes_and_places() {
    fuzz("postcodes and places", text("[0-9]{4}( [A-ZÆØÅa-zæøå ]{0,20})?"), |input| {
        if let Ok(p) = parse::postcode(&input) {
            prop_assert!(p.len() == 4 && p.chars().all(|c| c.is_ascii_digit()));
        }
        if let Some(place) = Place::parse(&input) {
            prop_assert_eq!(Place::parse(&place.param()), Some(place), "a place reads back from its address");
        }
        let _ = Region::parse(&input);
        Ok(())
    });
}

#[test]
fn hours_and_numbers() {
    let rules = app::domain::rules::Rules::default();
    fuzz("hours", text("[0-9]{1,3}([.,][0-9]{1,3})?"), |input| {
        if let Ok(h) = vacancy::check_weekly_hours(&input) {
            prop_assert!(h.is_finite() && h > 0.0);
        }
        let _ = app::domain::availability::check_hours(&input, &rules.availability);
        if let Some(d) = parse::decimal(&input) {
            prop_assert!(!d.is_nan());
        }
        Ok(())
    });
}

#[test]
fn e_mail_addresses() {
    fuzz("e-mail", text("[a-z.]{1,20}@[a-z]{1,20}\\.[a-z]{2,3}"), |input| {
        if let Some(e) = app::domain::account::normalise_email(&input) {
            prop_assert!(e.chars().count() <= 254);
            prop_assert_eq!(app::domain::account::normalise_email(&e), Some(e.clone()), "stable");
        }
        Ok(())
    });
}

#[test]
fn form_bodies() {
    fuzz("form body", proptest::collection::vec(any::<u8>(), 0..5000), |body| {
        let _ = app::forms::within_bounds(&body);
        Ok(())
    });
}

#[test]
fn second_factor_codes() {
    use app::domain::second_factor::{parse, Entered, RECOVERY_CODE_LEN};
    fuzz("second-factor code", text("[0-9 ]{5,8}|[a-zA-Z2-7-]{14,22}"), |input| {
        match parse(&input) {
            Some(Entered::Totp(code)) => {
                prop_assert!(code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit()));
                prop_assert_eq!(parse(&code), Some(Entered::Totp(code.clone())), "stable");
            }
            Some(Entered::Recovery(code)) => {
                prop_assert_eq!(code.len(), RECOVERY_CODE_LEN);
                prop_assert_eq!(parse(&code), Some(Entered::Recovery(code.clone())), "stable");
            }
            None => {}
        }
        Ok(())
    });
}

#[test]
fn uploaded_files() {
    let rules = app::domain::rules::Rules::default();
    let bytes = prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..4096),
        proptest::collection::vec(any::<u8>(), 0..64).prop_map(|tail| [b"%PDF-1.7\n".as_slice(), &tail].concat()),
        proptest::collection::vec(any::<u8>(), 0..64).prop_map(|tail| [b"PK\x03\x04".as_slice(), &tail].concat()),
    ];
    fuzz("uploads", (text("[a-zæøå _./\\\\-]{0,40}\\.(pdf|docx|exe)"), bytes), |(name, bytes)| {
        let _ = joblog::check_attachment(&name, &bytes, &rules.joblog);
        let safe = joblog::safe_file_name(&name);
        prop_assert!(!safe.is_empty() && safe.chars().count() <= 100);
        prop_assert!(!safe.contains('/') && !safe.contains('\\'));
        Ok(())
    });
}

#[test]
fn whole_forms() {
    let field = || text("[A-Za-zæøåÆØÅ0-9 .,@:/-]{0,60}");
    let form = (field(), field(), field(), field(), field(), field(), field(), field(), field(), field(), field());
    fuzz("vacancy and joblog forms", form, |(a, b, c, d, e, f, g, h, i, j, k)| {
        let v = vacancy::VacancyForm {
            title: a.clone(),
            employer_name: b.clone(),
            description: c.clone(),
            postcode: d.clone(),
            city: e.clone(),
            weekly_hours: f.clone(),
            deadline: g.clone(),
            how_to_apply: h.clone(),
            municipality: i,
            employment_type: j,
            occupation: k,
            fra: String::new(),
        };
        let _ = vacancy::validate(&v, today());
        let entry = joblog::JoblogForm {
            kind: a,
            date: g,
            employer: b,
            job_title: c,
            channel: d,
            status: e,
            notes: f,
            application_text: h,
            ..Default::default()
        };
        let _ = joblog::validate(&entry, today());
        Ok(())
    });
}

#[test]
fn business_service_forms() {
    use app::domain::business::{self, BusinessChange, BusinessForm};
    let field = || text("[A-Za-zæøå0-9 .,/-]{0,40}");
    let actions = prop_oneof![Just("request"), Just("reply"), Just("take"), Just("suggest"), Just("close"), Just("x")];
    let form = (actions, field(), field(), field(), field(), field(), field());
    fuzz("business-service forms", form, |(action, id, vacancy, need, due, message, candidate)| {
        let form = BusinessForm { action: action.into(), id, vacancy, need, due, message, candidate };
        // Accepted only whole: a date in range, texts within bounds.
        if let Ok(BusinessChange::Request { need, due, .. }) = form.parse(today()) {
            prop_assert!(business::due_in_range(due, today()));
            prop_assert!(!need.is_empty() && need.chars().count() <= app::domain::candidate::MAX_MESSAGE_CHARS);
        }
        Ok(())
    });
}

#[test]
fn imported_pages_feeds_and_robots_txt() {
    use app::domain::import;
    let markup = || text("[<>a-z\"'=/ .:#&;{}\\[\\]@0-9-]{0,200}");
    fuzz("HTML, JSON-LD, links and robots.txt", (markup(), markup(), markup()), |(html, base, robots)| {
        // Never a panic, and bounded: links are absolute web addresses, each once.
        let links = import::links(&html, &format!("https://site.example/{base}"));
        prop_assert!(links.len() <= import::MAX_LINKS);
        prop_assert!(links.iter().all(|l| l.starts_with("http://") || l.starts_with("https://")));
        let _ = import::json_ld_postings(&html);
        let _ = import::html_to_text(&html);
        let _ = import::robots_allows(&robots, "jobunivers", &base);
        let _ = import::map_posting(&serde_json::json!({"@type": "JobPosting", "title": html, "description": robots}), None, today());
        Ok(())
    });
}
