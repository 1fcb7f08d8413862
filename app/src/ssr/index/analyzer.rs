//! Danish text analysis: split on non-letters, lowercase, drop Danish stop words,
//! stem with the Danish Snowball stemmer. No ASCII folding before the stemmer: it
//! would turn "æ", "ø", "å" into other words and break stemming.

use tantivy::tokenizer::{Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer, StopWordFilter, TextAnalyzer};
use tantivy::Index;

pub const DANISH: &str = "da";
/// Words as typed, lowercased: for the prefix field, whose "words" are prefixes.
pub const PLAIN: &str = "plain";

pub fn danish() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(LONGEST_WORD))
        .filter(LowerCaser)
        // tantivy ships Danish stop words; were they missing, search would still work.
        .filter(StopWordFilter::new(Language::Danish).unwrap_or_else(|| StopWordFilter::remove(Vec::new())))
        .filter(Stemmer::new(Language::Danish))
        .build()
}

pub fn plain() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default()).filter(RemoveLongFilter::limit(LONGEST_WORD)).filter(LowerCaser).build()
}

pub fn register(index: &Index) {
    index.tokenizers().register(DANISH, danish());
    index.tokenizers().register(PLAIN, plain());
}

/// The tokens `analyzer` makes of `text`.
pub fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while let Some(t) = stream.next() {
        out.push(t.text.clone());
    }
    out
}

pub use crate::domain::parse::{fold, fold_plain};

/// Words of this many bytes or more are no word (the analyzers drop them); a
/// search for one finds nothing rather than everything.
pub const LONGEST_WORD: usize = 40;

/// `text` folded both ways people type without æ, ø and å: "paedagog" (`fold`)
/// and, for words that differ, "padagog" (`fold_plain`). For the folded fields.
pub fn both_folds(text: &str) -> String {
    let mut out = fold(text);
    for word in text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        let plain = fold_plain(word);
        if plain != fold(word) {
            out.push(' ');
            out.push_str(&plain);
        }
    }
    out
}

/// Every prefix of at least `min` letters of every word of `text`, in both
/// folds, so that the first part of a compound finds it: "lager" finds
/// "lagermedarbejder", "tomr" finds "tømrer".
pub fn prefixes(text: &str, min: usize) -> String {
    let folded = both_folds(text);
    let mut out: Vec<&str> = Vec::new();
    for word in folded.split(|c: char| !c.is_alphanumeric()).filter(|w| w.chars().count() > min) {
        let ends: Vec<usize> = word.char_indices().map(|(i, _)| i).skip(min).collect();
        out.extend(ends.into_iter().map(|end| &word[..end]));
    }
    out.sort_unstable();
    out.dedup();
    out.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> Vec<String> {
        super::tokens(&mut danish(), text)
    }

    #[test]
    fn folding_and_prefixes() {
        assert_eq!(fold("Pædagog i Århus, Ørsted Café"), "paedagog i aarhus, oersted cafe");
        assert_eq!(tokens(&fold("pædagoger")), tokens(&fold("paedagog")));
        assert_eq!(
            prefixes("Lagermedarbejder", 4),
            "lage lager lagerm lagerme lagermed lagermeda lagermedar lagermedarb lagermedarbe lagermedarbej lagermedarbejd lagermedarbejde"
        );
        assert_eq!(
            prefixes("Ældrepleje og kok", 4),
            "aeld aeldr aeldre aeldrep aeldrepl aeldreple aeldreplej aldr aldre aldrep aldrepl aldreple aldreplej"
        );
        assert_eq!(both_folds("Tømrer, Kolding"), "toemrer, kolding tomrer");
        assert_eq!(tokens(&fold_plain("pædagoger")), tokens("padagog"));
    }

    #[test]
    fn plural_and_singular_meet() {
        assert_eq!(tokens("sygeplejersker"), tokens("sygeplejerske"));
        assert_eq!(tokens("pædagoger"), tokens("pædagog"));
        assert_eq!(tokens("Lagermedarbejdere"), tokens("lagermedarbejder"));
    }

    #[test]
    fn stop_words_go_and_danish_letters_stay() {
        let t = tokens("Job i Århus og på Ærø");
        assert!(!t.contains(&"i".to_string()) && !t.contains(&"og".to_string()) && !t.contains(&"på".to_string()));
        assert!(t.iter().any(|w| w.starts_with("århus")), "{t:?}");
        assert!(t.iter().any(|w| w.starts_with("ærø")), "{t:?}");
    }
}
