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
}
