//! Danish alphabetical order, as a Dane expects a list: æ, ø and å after z, "aa"
//! as å ("Aabenraa" near the end), case and accents only breaking ties; so
//! "Tønder" comes before "Tårnby". ICU's Danish collation runs here on the
//! server. Lists that the browser also renders (the bundled occupations and
//! municipalities) are kept in this order in their data files, which a test
//! below checks, so the WebAssembly needs no collation data.

use icu_collator::options::CollatorOptions;
use icu_collator::{Collator, CollatorBorrowed};
use std::cmp::Ordering;
use std::sync::OnceLock;

fn collator() -> Option<&'static CollatorBorrowed<'static>> {
    static DANISH: OnceLock<Option<CollatorBorrowed<'static>>> = OnceLock::new();
    DANISH
        .get_or_init(|| {
            let locale: icu_locale_core::Locale = "da".parse().ok()?;
            Collator::try_new((&locale).into(), CollatorOptions::default()).ok()
        })
        .as_ref()
}

/// `a` against `b` in Danish order (byte order only if ICU's data were missing,
/// which the tests rule out).
pub fn cmp(a: &str, b: &str) -> Ordering {
    match collator() {
        Some(c) => c.compare(a, b),
        None => a.cmp(b),
    }
}

/// Sorts `items` in Danish order of `key`, stably.
pub fn sort_by<T>(items: &mut [T], key: impl Fn(&T) -> &str) {
    items.sort_by(|a, b| cmp(key(a), key(b)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn danish_letters_come_last_and_aa_is_å() {
        assert!(collator().is_some(), "ICU's Danish data is compiled in");
        let mut towns = vec!["Tårnby", "Aabenraa", "Ærø", "Odense", "Tønder", "zoo", "Aalborg", "Ørsted", "Assens"];
        sort_by(&mut towns, |t| t);
        assert_eq!(towns, ["Assens", "Odense", "Tønder", "Tårnby", "zoo", "Ærø", "Ørsted", "Aabenraa", "Aalborg"]);
        assert_eq!(cmp("Tømrer", "tømrer"), Ordering::Less, "case only breaks a tie, capitals first as Danish has it");
        assert_eq!(cmp("tømrer", "Tårnby"), Ordering::Less);
    }

    /// The data files the browser renders lists from are kept in Danish order.
    /// `UPDATE_DATA=1` rewrites them in order (comments and header first).
    #[test]
    fn bundled_lists_are_in_danish_order() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        // (file, the column sorted on)
        for (file, column) in [("occupations.csv", 1), ("municipalities.csv", 1)] {
            let path = root.join(file);
            let text = std::fs::read_to_string(&path).unwrap();
            let (head, rows): (Vec<&str>, Vec<&str>) =
                text.lines().filter(|l| !l.trim().is_empty()).partition(|l| l.starts_with('#') || l.starts_with("code;"));
            let name = |row: &&str| row.split(';').nth(column).unwrap_or_default().to_string();
            let mut sorted = rows.clone();
            sorted.sort_by(|a, b| cmp(&name(a), &name(b)).then_with(|| a.cmp(b)));
            if std::env::var_os("UPDATE_DATA").is_some() {
                let out: Vec<&str> = head.iter().chain(sorted.iter()).copied().collect();
                std::fs::write(&path, out.join("\n") + "\n").unwrap();
            } else {
                let first_wrong = rows.iter().zip(&sorted).position(|(a, b)| a != b);
                assert_eq!(
                    first_wrong,
                    None,
                    "{file} is not in Danish order (run the test with UPDATE_DATA=1): {:?}",
                    first_wrong.map(|i| rows[i])
                );
            }
        }
    }
}
