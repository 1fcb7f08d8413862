//! Danish text analysis: split on non-letters, lowercase, drop Danish stop words,
//! stem with the Danish Snowball stemmer. No ASCII folding before the stemmer: it
//! would turn "æ", "ø", "å" into other words and break stemming.

use tantivy::tokenizer::{Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer, StopWordFilter, TextAnalyzer};
use tantivy::Index;

pub const DANISH: &str = "da";

pub fn danish() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(StopWordFilter::new(Language::Danish).expect("tantivy ships Danish stop words"))
        .filter(Stemmer::new(Language::Danish))
        .build()
}

pub fn register(index: &Index) {
    index.tokenizers().register(DANISH, danish());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> Vec<String> {
        let mut analyzer = danish();
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while let Some(t) = stream.next() {
            out.push(t.text.clone());
        }
        out
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
