//! Reading what people type: Danish dates, decimal commas, postcodes.

use crate::i18n::Msg;
use chrono::NaiveDate;

/// Trims surrounding white space; `None` when nothing is left.
pub fn non_empty(input: &str) -> Option<&str> {
    let t = input.trim();
    (!t.is_empty()).then_some(t)
}

/// A Danish postcode: four digits, 0800 to 9990.
pub fn postcode(input: &str) -> Result<String, Msg> {
    let t = non_empty(input).ok_or(Msg::ErrPostcodeMissing)?;
    let t = t.strip_prefix("DK-").or_else(|| t.strip_prefix("DK")).unwrap_or(t).trim();
    if t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()) {
        let n: u16 = t.parse().map_err(|_| Msg::ErrPostcodeInvalid)?;
        if (800..=9990).contains(&n) {
            return Ok(t.to_string());
        }
    }
    Err(Msg::ErrPostcodeInvalid)
}

/// A number as Danes write it ("32,5") or as a browser sends it ("32.5").
pub fn decimal(input: &str) -> Option<f64> {
    let t = input.trim().replace(',', ".");
    if t.is_empty() || t.matches('.').count() > 1 {
        return None;
    }
    t.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// A date as a date field sends it (2026-12-31) or as Danes write it (31-12-2026,
/// 31.12.2026, 31/12/2026, 1-2-2027).
pub fn date(input: &str) -> Option<NaiveDate> {
    let parts: Vec<&str> = input.trim().split(['-', '.', '/']).map(str::trim).collect();
    let [a, b, c] = parts.as_slice() else { return None };
    // The year has four digits, first (ISO) or last (Danish order); nothing else.
    let (y, m, d) = match (a.len(), c.len()) {
        (4, 1..=2) => (a, b, c),
        (1..=2, 4) => (c, b, a),
        _ => return None,
    };
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// The separators a date may be written with (see [`date`]).
const DATE_SEPARATORS: [char; 3] = ['-', '.', '/'];

/// The three boxes of a date field (day, month, year) as the one value the date
/// rules read: empty when all three are, else "day-month-year" as typed, which
/// [`date`] reads in Danish order. A separator typed inside a box becomes a space,
/// so the value splits back into the same three boxes ([`split_date`]).
pub fn join_date(day: &str, month: &str, year: &str) -> String {
    let clean = |part: &str| part.replace(DATE_SEPARATORS, " ").trim().to_string();
    let (d, m, y) = (clean(day), clean(month), clean(year));
    if d.is_empty() && m.is_empty() && y.is_empty() {
        String::new()
    } else {
        format!("{d}-{m}-{y}")
    }
}

/// A date value as the three boxes of a date field: `[day, month, year]`. Reads
/// what [`join_date`] writes, ISO dates (2026-12-31, as stored) and Danish ones; a
/// value of another shape goes whole into the first box, so nothing typed is lost.
pub fn split_date(value: &str) -> [String; 3] {
    let value = value.trim();
    let parts: Vec<&str> = value.split(DATE_SEPARATORS).map(str::trim).collect();
    match parts.as_slice() {
        [""] => Default::default(),
        // Year first only when it looks like one and the last box does not.
        [y, m, d] if y.chars().count() == 4 && d.chars().count() != 4 => [d.to_string(), m.to_string(), y.to_string()],
        [d, m, y] => [d.to_string(), m.to_string(), y.to_string()],
        _ => [value.to_string(), String::new(), String::new()],
    }
}

/// Lowercase with the Danish letters spelled as on a keyboard without them
/// (æ→ae, ø→oe, å→aa) and accents dropped, so "paedagog" meets "pædagog" and
/// "Århus" meets "Aarhus". Used by the index's folded field and to match place names.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars().flat_map(char::to_lowercase) {
        match c {
            'æ' | 'ä' => out.push_str("ae"),
            'ø' | 'ö' => out.push_str("oe"),
            'å' => out.push_str("aa"),
            'é' | 'è' | 'ê' => out.push('e'),
            'ü' => out.push('u'),
            other => out.push(other),
        }
    }
    out
}

/// Lowercase with the Danish letters as their plain neighbours (æ→a, ø→o, å→a,
/// and the old "aa" for å as a) and accents dropped: what people type on a
/// keyboard without æ, ø and å ("padagog", "tomrer", "arhus"). Indexed beside
/// `fold`, so both spellings find the word.
pub fn fold_plain(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'æ' | 'ä' | 'å' | 'á' | 'à' => 'a',
            'ø' | 'ö' | 'ó' => 'o',
            'é' | 'è' | 'ê' => 'e',
            'ü' | 'ú' => 'u',
            other => other,
        };
        if !(c == 'a' && out.ends_with('a')) {
            out.push(c);
        }
    }
    out
}

/// Edits (insert, delete, replace, swap two neighbours) from `a` to `b`, or
/// `None` when more than `most`. Work is bounded by the shorter word times
/// `2 * most + 1`, so a long word costs little.
pub fn edit_distance(a: &str, b: &str, most: usize) -> Option<usize> {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len().abs_diff(b.len()) > most {
        return None;
    }
    let big = most + 1;
    // Three rows of the classic table (the one before last, for swaps).
    let mut before = vec![big; b.len() + 1];
    let mut last: Vec<usize> = (0..=b.len()).map(|j| j.min(big)).collect();
    for i in 1..=a.len() {
        let mut row = vec![big; b.len() + 1];
        row[0] = i.min(big);
        let (from, to) = (i.saturating_sub(most).max(1), (i + most).min(b.len()));
        for j in from..=to {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (last[j - 1] + cost).min(last[j] + 1).min(row[j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(before[j - 2] + 1);
            }
            row[j] = d.min(big);
        }
        before = std::mem::replace(&mut last, row);
    }
    last.get(b.len()).copied().filter(|d| *d <= most)
}

/// The rows of a bundled data file (`app/data/*.csv`): lines that are neither
/// empty nor comments, each parsed by `parse`. A bad line is a bug in the file,
/// caught by the unit tests that read every row.
pub fn data_rows<T>(data: &'static str, what: &str, parse: fn(&'static str) -> Option<T>) -> Vec<T> {
    data.lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .map(|line| parse(line).unwrap_or_else(|| panic!("bad {what} line: {line}")))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Datelike;

    #[test]
    fn plain_folding_and_edit_distance() {
        assert_eq!(fold_plain("Pædagog på Ærø, Tømrer"), "padagog pa aro, tomrer");
        assert_eq!(fold_plain("Aarhus, Århus"), "arhus, arhus");
        assert_eq!(edit_distance("sygeplejerske", "sygeplejeske", 2), Some(1));
        assert_eq!(edit_distance("pædagog", "pædgaog", 2), Some(1), "two neighbours swapped is one edit");
        assert_eq!(edit_distance("kok", "kok", 0), Some(0));
        assert_eq!(edit_distance("elektriker", "elektrikker", 1), Some(1));
        assert_eq!(edit_distance("kok", "astronaut", 2), None);
        assert_eq!(edit_distance("lagermedarbejder", "lagerarbejder", 2), None);
        assert_eq!(edit_distance("", "ab", 2), Some(2));
        let long = "x".repeat(10_000);
        assert_eq!(edit_distance(&long, &long, 2), Some(0));
    }

    #[test]
    fn postcodes() {
        for (input, expected) in [
            ("8000", Ok("8000".to_string())),
            (" 2100 ", Ok("2100".into())),
            ("DK-5000", Ok("5000".into())),
            ("0800", Ok("0800".into())),
            ("", Err(Msg::ErrPostcodeMissing)),
            ("800", Err(Msg::ErrPostcodeInvalid)),
            ("80000", Err(Msg::ErrPostcodeInvalid)),
            ("0100", Err(Msg::ErrPostcodeInvalid)),
            ("9999", Err(Msg::ErrPostcodeInvalid)),
            ("8ooo", Err(Msg::ErrPostcodeInvalid)),
        ] {
            assert_eq!(postcode(input), expected, "{input:?}");
        }
    }

    #[test]
    fn decimals() {
        assert_eq!(decimal("37"), Some(37.0));
        assert_eq!(decimal("32,5"), Some(32.5));
        assert_eq!(decimal(" 32.5 "), Some(32.5));
        assert_eq!(decimal("1.000,5"), None);
        assert_eq!(decimal("abc"), None);
        assert_eq!(decimal("NaN"), None);
        assert_eq!(decimal(""), None);
    }

    #[test]
    fn dates() {
        let d = NaiveDate::from_ymd_opt(2026, 12, 31);
        assert_eq!(date("2026-12-31"), d);
        assert_eq!(date("31-12-2026"), d);
        assert_eq!(date("31.12.2026"), d);
        assert_eq!(date("31/12/2026"), d);
        assert_eq!(date("1-2-2027"), NaiveDate::from_ymd_opt(2027, 2, 1));
        assert_eq!(date("31-02-2027"), None);
        assert_eq!(date("31-12-26"), None);
        assert_eq!(date("i morgen"), None);
    }

    #[test]
    fn date_boxes_join_and_split() {
        assert_eq!(join_date("", " ", ""), "");
        assert_eq!(join_date(" 5", "1", "2027 "), "5-1-2027");
        assert_eq!(date(&join_date("5", "1", "2027")), NaiveDate::from_ymd_opt(2027, 1, 5));
        assert_eq!(date(&join_date("05", "01", "2027")), NaiveDate::from_ymd_opt(2027, 1, 5));
        assert_eq!(date(&join_date("", "1", "2027")), None, "a missing day is no date");
        assert_eq!(date(&join_date("30", "2", "2027")), None);
        assert_eq!(date(&join_date("1-2", "3", "2027")), None, "a separator inside a box is no way to a date");
        assert_eq!(split_date(""), [String::new(), String::new(), String::new()]);
        assert_eq!(split_date("2026-12-31"), ["31".to_string(), "12".into(), "2026".into()], "a stored date");
        assert_eq!(split_date("31.12.2026"), ["31".to_string(), "12".into(), "2026".into()]);
        assert_eq!(split_date("-12-"), [String::new(), "12".into(), String::new()]);
        assert_eq!(split_date("i morgen"), ["i morgen".to_string(), String::new(), String::new()]);
        assert_eq!(split_date(&join_date("1-2", "x", "")), ["1 2".to_string(), "x".into(), String::new()]);
    }

    proptest::proptest! {
        /// What was typed in the three boxes comes back in them (trimmed; a
        /// separator inside a box as a space), unless a four-character day meets a
        /// year that is not four: then both are read year first, and shown so.
        #[test]
        fn date_boxes_round_trip(d in "[0-9a-z ./-]{0,6}", m in "[0-9a-z ./-]{0,6}", y in "[0-9a-z ./-]{0,6}") {
            let clean = |s: &str| s.trim().replace(['-', '.', '/'], " ").trim().to_string();
            let (d2, m2, y2) = (clean(&d), clean(&m), clean(&y));
            let joined = join_date(&d, &m, &y);
            let back = split_date(&joined);
            if d2.is_empty() && m2.is_empty() && y2.is_empty() {
                proptest::prop_assert_eq!(joined, "");
            } else if d2.chars().count() == 4 && y2.chars().count() != 4 {
                proptest::prop_assert_eq!(back, [y2, m2, d2]);
            } else {
                proptest::prop_assert_eq!(back, [d2, m2, y2]);
            }
        }

        /// Every real date typed in the boxes, padded or not, is that date.
        #[test]
        fn typed_dates_are_read(days in 0i64..40_000, pad in proptest::bool::ANY) {
            let day = NaiveDate::from_ymd_opt(1950, 1, 1).unwrap() + chrono::Duration::days(days);
            let (d, m) = if pad { (format!("{:02}", day.day()), format!("{:02}", day.month())) } else { (day.day().to_string(), day.month().to_string()) };
            proptest::prop_assert_eq!(date(&join_date(&d, &m, &day.year().to_string())), Some(day));
        }
    }
}
