//! The bundled occupation list (`app/data/occupations.csv`): codes with Danish and
//! English titles, for "jobs I seek" and its type-ahead.

use crate::i18n::Lang;
use std::sync::OnceLock;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Occupation {
    /// Six digits, DISCO-08 style.
    pub code: &'static str,
    pub da: &'static str,
    pub en: &'static str,
}

impl Occupation {
    pub fn title(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Da => self.da,
            Lang::En => self.en,
        }
    }

    /// How the type-ahead offers it, and how it is read back: "Pædagog (234210)".
    pub fn label(&self, lang: Lang) -> String {
        format!("{} ({})", self.title(lang), self.code)
    }
}

pub fn all() -> &'static [Occupation] {
    static LIST: OnceLock<Vec<Occupation>> = OnceLock::new();
    LIST.get_or_init(|| {
        let mut list: Vec<Occupation> = include_str!("../../data/occupations.csv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.starts_with("code;") && !l.trim().is_empty())
            .filter_map(|l| {
                let mut parts = l.split(';');
                Some(Occupation { code: parts.next()?.trim(), da: parts.next()?.trim(), en: parts.next()?.trim() })
            })
            .collect();
        list.sort_by(|a, b| a.da.cmp(b.da));
        list
    })
}

pub fn by_code(code: &str) -> Option<&'static Occupation> {
    all().iter().find(|o| o.code == code)
}

/// The occupation a person typed or picked: a code, "Title (code)", or a title in
/// either language (any case).
pub fn find(input: &str) -> Option<&'static Occupation> {
    let t = input.trim();
    if t.is_empty() {
        return None;
    }
    let code = t.rsplit_once('(').and_then(|(_, c)| c.strip_suffix(')')).unwrap_or(t).trim();
    by_code(code).or_else(|| {
        let lower = t.to_lowercase();
        all().iter().find(|o| o.da.to_lowercase() == lower || o.en.to_lowercase() == lower)
    })
}

/// Occupations close to what was typed, for "did you mean" without JS.
pub fn suggest(input: &str, limit: usize) -> Vec<&'static Occupation> {
    let lower = input.trim().to_lowercase();
    if lower.chars().count() < 2 {
        return Vec::new();
    }
    let close = |title: &str| {
        let t = title.to_lowercase();
        // Either holds the other ("lager" / "pædagogen"), or they start alike.
        let shared = t.chars().zip(lower.chars()).take_while(|(a, b)| a == b).count();
        t.contains(&lower) || lower.contains(&t) || shared >= 5
    };
    all().iter().filter(|o| close(o.da) || close(o.en)).take(limit).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_whole_and_codes_are_unique_six_digits() {
        let list = all();
        assert!(list.len() >= 90, "{}", list.len());
        let mut codes: Vec<_> = list.iter().map(|o| o.code).collect();
        assert!(codes.iter().all(|c| c.len() == 6 && c.bytes().all(|b| b.is_ascii_digit())));
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), list.len());
    }

    #[test]
    fn finds_by_code_label_and_title() {
        assert_eq!(find("234210").map(|o| o.da), Some("Pædagog"));
        assert_eq!(find("Pædagog (234210)").map(|o| o.code), Some("234210"));
        assert_eq!(find("  pædagog ").map(|o| o.code), Some("234210"));
        assert_eq!(find("Software developer").map(|o| o.code), Some("251210"));
        assert_eq!(find("astronaut"), None);
        assert_eq!(find(""), None);
        let s: Vec<_> = suggest("lager", 5).iter().map(|o| o.da).collect();
        assert!(s.contains(&"Lagermedarbejder") && s.contains(&"Lagerekspedient"), "{s:?}");
        assert!(suggest("l", 5).is_empty());
        let s: Vec<_> = suggest("pædagogen", 5).iter().map(|o| o.da).collect();
        assert!(s.contains(&"Pædagog") && s.contains(&"Pædagogmedhjælper"), "{s:?}");
        assert!(suggest("astronaut", 5).is_empty());
    }
}
