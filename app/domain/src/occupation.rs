//! The bundled occupation list (`app/data/occupations.csv`): every ISCO-08 unit
//! group and the common Danish titles within them, with Danish and English
//! titles and the short forms people type, for "jobs I seek", the type-ahead,
//! and search ("SSA", "nurse" and "sosu-hjælper" find what they name).

use crate::i18n::Lang;
use crate::parse::{fold, fold_plain};
use std::collections::HashMap;
use std::sync::OnceLock;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Occupation {
    /// Six digits, DISCO-08 style: the ISCO-08 unit group and two more.
    pub code: &'static str,
    pub da: &'static str,
    pub en: &'static str,
    /// Short forms, other titles and English words that name it.
    pub also: Vec<&'static str>,
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

    /// An ISCO-08 unit group as a whole ("…00"), rather than a title within it.
    pub fn is_group(&self) -> bool {
        self.code.ends_with("00")
    }

    /// The codes it covers, lowest and highest: a group covers every title in it.
    pub fn codes(&self) -> (u64, u64) {
        let code: u64 = self.code.parse().unwrap_or(0);
        if self.is_group() {
            (code, code + 99)
        } else {
            (code, code)
        }
    }

    /// Every name it goes by: the titles in both languages and the short forms.
    pub fn names(&self) -> impl Iterator<Item = &'static str> + '_ {
        [self.da, self.en].into_iter().chain(self.also.iter().copied())
    }
}

fn parse_line(line: &'static str) -> Option<Occupation> {
    if line.starts_with("code;") {
        return None;
    }
    let mut parts = line.split(';');
    let (code, da, en) = (parts.next()?.trim(), parts.next()?.trim(), parts.next()?.trim());
    let also = parts.next().unwrap_or("").split('|').map(str::trim).filter(|a| !a.is_empty()).collect();
    Some(Occupation { code, da, en, also })
}

/// The list in Danish alphabetical order of the Danish titles (the file's order,
/// which a server test checks with Danish collation: none is needed here).
pub fn all() -> &'static [Occupation] {
    static LIST: OnceLock<Vec<Occupation>> = OnceLock::new();
    LIST.get_or_init(|| {
        include_str!("../../data/occupations.csv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(parse_line)
            .collect()
    })
}

pub fn by_code(code: &str) -> Option<&'static Occupation> {
    static BY_CODE: OnceLock<HashMap<&'static str, usize>> = OnceLock::new();
    let index = BY_CODE.get_or_init(|| all().iter().enumerate().map(|(i, o)| (o.code, i)).collect());
    index.get(code).map(|i| &all()[*i])
}

/// A name as compared: lowercase, Danish letters folded (`fold`), every run of
/// other characters one space ("SOSU-hjælper" and "sosu hjaelper" are one key).
pub fn name_key(text: &str) -> String {
    words_of(&fold(text))
}

fn words_of(folded: &str) -> String {
    folded.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

/// Occupations by each key of each name; a name with æ, ø or å also under its
/// plain spelling ("padagog"), so a word typed without them finds it.
fn names() -> &'static HashMap<String, Vec<usize>> {
    static NAMES: OnceLock<HashMap<String, Vec<usize>>> = OnceLock::new();
    NAMES.get_or_init(|| {
        let mut map: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, o) in all().iter().enumerate() {
            for name in o.names() {
                for key in [name_key(name), words_of(&fold_plain(name))] {
                    let ids = map.entry(key).or_default();
                    if !ids.contains(&i) {
                        ids.push(i);
                    }
                }
            }
        }
        map
    })
}

/// The occupations a phrase names exactly (any title or short form, any case or
/// spelling of æ, ø, å), titles before groups.
pub fn named(phrase: &str) -> Vec<&'static Occupation> {
    let key = name_key(phrase);
    let mut found: Vec<&'static Occupation> = names().get(&key).map(|ids| ids.iter().map(|i| &all()[*i]).collect()).unwrap_or_default();
    found.sort_by_key(|o| o.is_group());
    found
}

/// Longest run of words tried as one name ("social- og sundhedsassistent").
const LONGEST_NAME: usize = 5;

/// A search's words, as search reads them: each run of words that names
/// occupations, and each other word on its own.
#[derive(Clone, Debug, PartialEq)]
pub enum Part<'a> {
    Word(&'a str),
    Named { words: Vec<&'a str>, occupations: Vec<&'static Occupation> },
}

/// Reads `text` left to right, taking the longest run of words that names an
/// occupation at each place. Bounded: at most `LONGEST_NAME` tries per word.
pub fn spot(text: &str) -> Vec<Part<'_>> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut out = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        let longest = LONGEST_NAME.min(words.len() - i);
        let found = (1..=longest).rev().find_map(|n| {
            let run = &words[i..i + n];
            let occupations = named(&run.join(" "));
            (!occupations.is_empty()).then_some((n, occupations))
        });
        match found {
            Some((n, occupations)) => {
                out.push(Part::Named { words: words[i..i + n].to_vec(), occupations });
                i += n;
            }
            None => {
                out.push(Part::Word(words[i]));
                i += 1;
            }
        }
    }
    out
}

/// The occupation a person typed or picked: a code, "Title (code)", or any of
/// its names (a title before a group).
pub fn find(input: &str) -> Option<&'static Occupation> {
    let t = input.trim();
    if t.is_empty() {
        return None;
    }
    let code = t.rsplit_once('(').and_then(|(_, c)| c.strip_suffix(')')).unwrap_or(t).trim();
    by_code(code).or_else(|| named(t).into_iter().next())
}

/// Occupations close to what was typed, for "did you mean" without JS: a name
/// that holds the words, starts with nearly all of them, or is a typo or two away.
pub fn suggest(input: &str, limit: usize) -> Vec<&'static Occupation> {
    let typed = name_key(input);
    if typed.chars().count() < 2 || typed.len() > 100 {
        return Vec::new();
    }
    let close = |name: &str| {
        let t = name_key(name);
        let shared = t.chars().zip(typed.chars()).take_while(|(a, b)| a == b).count();
        t.contains(&typed)
            || (typed.contains(&t) && t.chars().count() >= 3)
            || (shared >= 5 && shared + 2 >= typed.chars().count())
            || crate::parse::edit_distance(&t, &typed, 2).is_some()
    };
    let mut found: Vec<&'static Occupation> = all().iter().filter(|o| !o.is_group() && o.names().any(close)).collect();
    found.extend(all().iter().filter(|o| o.is_group() && o.names().any(close)));
    found.truncate(limit);
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_whole_and_codes_are_unique_six_digits() {
        let list = all();
        assert!(list.len() >= 436 + 150, "{}", list.len());
        assert_eq!(list.iter().filter(|o| o.is_group()).count(), 436, "every ISCO-08 unit group");
        let mut codes: Vec<_> = list.iter().map(|o| o.code).collect();
        assert!(codes.iter().all(|c| c.len() == 6 && c.bytes().all(|b| b.is_ascii_digit())));
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), list.len());
        // Every title lies in a unit group of the list.
        for o in list.iter().filter(|o| !o.is_group()) {
            assert!(by_code(&format!("{}00", &o.code[..4])).is_some(), "{} {}", o.code, o.da);
        }
        assert!(list.iter().all(|o| !o.da.is_empty() && !o.en.is_empty()));
    }

    #[test]
    fn finds_by_code_label_title_and_short_form() {
        assert_eq!(find("234210").map(|o| o.da), Some("Pædagog"));
        assert_eq!(find("Pædagog (234210)").map(|o| o.code), Some("234210"));
        assert_eq!(find("  pædagog ").map(|o| o.code), Some("234210"));
        assert_eq!(find("paedagog").map(|o| o.code), Some("234210"));
        assert_eq!(find("padagog").map(|o| o.code), Some("234210"));
        assert_eq!(find("Software developer").map(|o| o.code), Some("251210"));
        assert_eq!(find("SSA").map(|o| o.da), Some("Social- og sundhedsassistent"));
        assert_eq!(find("sosu-hjælper").map(|o| o.da), Some("Social- og sundhedshjælper"));
        assert_eq!(find("HK'er").map(|o| o.da), Some("Kontormedarbejder"));
        assert_eq!(find("kontorass.").map(|o| o.da), Some("Kontorassistent"));
        assert_eq!(find("nurse").map(|o| o.da), Some("Sygeplejerske"));
        assert_eq!(find("Sygeplejersker").map(|o| o.code), Some("222100"), "the group's own title");
        assert_eq!(find("astronaut"), None);
        assert_eq!(find(""), None);
        // "på" typed with its letter is not the short form "PA".
        assert!(named("på").is_empty());
        assert_eq!(named("pa").first().map(|o| o.da), Some("Pædagogisk assistent"));
    }

    #[test]
    fn groups_cover_their_titles() {
        let group = by_code("234200").unwrap();
        assert!(group.is_group());
        assert_eq!(group.codes(), (234200, 234299));
        assert_eq!(by_code("234210").unwrap().codes(), (234210, 234210));
    }

    #[test]
    fn spotting_names_in_a_search() {
        let parts = spot("sosu hjælper  aarhus");
        assert_eq!(parts.len(), 2, "{parts:?}");
        assert!(
            matches!(&parts[0], Part::Named { words, occupations } if words == &["sosu", "hjælper"] && occupations[0].code == "532210")
        );
        assert_eq!(parts[1], Part::Word("aarhus"));
        let parts = spot("social- og sundhedsassistent");
        assert!(matches!(&parts[..], [Part::Named { occupations, .. }] if occupations[0].code == "322110"), "{parts:?}");
        assert_eq!(spot("xyz qqq"), vec![Part::Word("xyz"), Part::Word("qqq")]);
        assert!(spot("").is_empty());
    }

    #[test]
    fn suggestions_for_typos_and_parts() {
        let s: Vec<_> = suggest("lager", 5).iter().map(|o| o.da).collect();
        assert!(s.contains(&"Lagermedarbejder") && s.contains(&"Lagerekspedient"), "{s:?}");
        assert!(suggest("l", 5).is_empty());
        let s: Vec<_> = suggest("pædagogen", 5).iter().map(|o| o.da).collect();
        assert!(s.contains(&"Pædagog"), "{s:?}");
        let s: Vec<_> = suggest("sygeplejeske", 3).iter().map(|o| o.da).collect();
        assert_eq!(s.first(), Some(&"Sygeplejerske"), "{s:?}");
        assert!(suggest("astronaut", 5).is_empty());
    }
}
