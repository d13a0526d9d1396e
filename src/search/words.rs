//! Words: what a whitespace-separated token of a record, or of a reader's query, is
//! indexed and looked up as.
//!
//! A token's *term* is its letters and digits (and `_`), lowercased, with diacritics
//! stripped, then stemmed by the Snowball stemmer of the page's language (Swedish
//! "Nycklarna," → `nyckl`, as "nycklar"). A token that looks compound — punctuation inside
//! (`e-tjänst`), a capital after its first letter (`BankID`), letters and digits mixed —
//! also gives its *parts* (`tjanst`, `bank`, `id`), each its own term, so a query for a part
//! finds the compound.
//!
//! The reader's browser applies the same rules to a query (`SignpostWords` in
//! `assets/search.js`: the same folding and hand-written ports of the Snowball Swedish and
//! English algorithms), so a query word finds the pages whose words have its term. Only languages with such a port
//! are stemmed (`stemmer`); the others are folded but not stemmed, on both sides, so they
//! still agree. `tests/browser/search-words.test.mjs` holds the two to the same terms on a
//! large list of words. Queries use a token's whole term, not its parts.
//!
//! Not here: what weight a word gets, or how terms are stored (`index.rs`, `format.rs`).

use pagefind_stem::{Algorithm, Stemmer};
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// A part of a compound shorter than this (in characters) is not indexed.
const MIN_PART_CHARS: usize = 2;

/// The languages whose words are stemmed: those the browser's query code has a stemmer for
/// (`assets/search.js`). The name is what the manifest tells the browser.
pub fn stemmer_name(lang: &str) -> Option<&'static str> {
    match lang.split('-').next().unwrap_or_default() {
        "sv" => Some("sv"),
        "en" => Some("en"),
        _ => None,
    }
}

/// The stemmer of a language, if it is one of [`stemmer_name`]'s.
pub fn stemmer(lang: &str) -> Option<Stemmer> {
    match stemmer_name(lang)? {
        "sv" => Some(Stemmer::create(Algorithm::Swedish)),
        _ => Some(Stemmer::create(Algorithm::English)),
    }
}

/// The whitespace-separated tokens of `text`, exactly as `str::split_whitespace` gives them
/// (Unicode's White_Space), but quicker on text that is mostly ASCII.
pub fn tokens(text: &str) -> Tokens<'_> {
    Tokens { text, at: 0 }
}

pub struct Tokens<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Iterator for Tokens<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let len = self.text.len();
        let mut i = self.at;
        loop {
            if i >= len {
                self.at = len;
                return None;
            }
            match space_len(self.text, i) {
                0 => break,
                n => i += n,
            }
        }
        let start = i;
        // Stepping a byte at a time is safe: `space_len` only decodes at the lead bytes of
        // the few multi-byte spaces, never inside a character.
        while i < len && space_len(self.text, i) == 0 {
            i += 1;
        }
        self.at = i;
        Some(&self.text[start..i])
    }
}

/// The length of the whitespace character starting at byte `i`, or 0.
#[inline]
fn space_len(text: &str, i: usize) -> usize {
    match text.as_bytes()[i] {
        b' ' | b'\t'..=b'\r' => 1,
        // Lead bytes of U+0085, U+00A0, U+1680, U+2000–U+205F and U+3000.
        0xC2 | 0xE1 | 0xE2 | 0xE3 => match text[i..].chars().next() {
            Some(c) if c.is_whitespace() => c.len_utf8(),
            _ => 0,
        },
        _ => 0,
    }
}

/// Whether a character is kept in a word: a letter, a digit or `_`.
fn kept(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The kept characters of `raw`, lowercased, without diacritics (decomposed, combining
/// marks dropped).
pub fn fold(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    if raw.is_ascii() {
        out.extend(
            raw.bytes()
                .filter(|b| b.is_ascii_alphanumeric() || *b == b'_')
                .map(|b| b.to_ascii_lowercase() as char),
        );
        return out;
    }
    for c in raw.chars().filter(|&c| kept(c)) {
        for lower in c.to_lowercase() {
            out.extend(lower.nfd().filter(|&m| !is_combining_mark(m)));
        }
    }
    out
}

/// The term of a folded word: stemmed when the language has a stemmer.
fn stem(folded: &str, stemmer: Option<&Stemmer>) -> String {
    match stemmer {
        Some(s) => s.stem(folded).into_owned(),
        None => folded.to_string(),
    }
}

/// The term a query word is looked up as (`None` when nothing of it is kept): the same as
/// a token's whole term in [`analyse`].
pub fn query_term(word: &str, stemmer: Option<&Stemmer>) -> Option<String> {
    let folded = fold(word);
    (!folded.is_empty()).then(|| stem(&folded, stemmer))
}

/// The terms of one token: its whole term first (if any), then its parts (`true`), each
/// once and none equal to the whole.
pub fn analyse(token: &str, stemmer: Option<&Stemmer>, out: &mut Vec<(String, bool)>) {
    out.clear();
    let Some(whole) = query_term(token, stemmer) else {
        return;
    };
    if looks_compound(token) {
        for part in parts(token) {
            if part.chars().count() < MIN_PART_CHARS {
                continue;
            }
            if let Some(term) = query_term(part, stemmer) {
                if term != whole && !out.iter().any(|(t, _)| *t == term) {
                    out.push((term, true));
                }
            }
        }
    }
    out.insert(0, (whole, false));
}

/// Whether a token may be made of several words: a character other than a letter or digit,
/// a capital after its first character, or letters and digits side by side.
fn looks_compound(token: &str) -> bool {
    let mut chars = token.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let mut prev = first;
    if !first.is_alphanumeric() {
        return true;
    }
    for c in chars {
        if !c.is_alphanumeric() || c.is_uppercase() || c.is_numeric() != prev.is_numeric() {
            return true;
        }
        prev = c;
    }
    false
}

/// The parts of a compound token: split at every character that is not a letter or digit,
/// before a capital that follows a lowercase letter (`BankId` → `Bank`, `Id`), and between
/// letters and digits (`covid19` → `covid`, `19`).
fn parts(token: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut prev: Option<char> = None;
    for (i, c) in token.char_indices() {
        if !c.is_alphanumeric() {
            if let Some(s) = start.take() {
                out.push(&token[s..i]);
            }
            prev = None;
            continue;
        }
        if let (Some(s), Some(p)) = (start, prev) {
            let case_change = p.is_lowercase() && c.is_uppercase();
            let digit_change = p.is_numeric() != c.is_numeric();
            if case_change || digit_change {
                out.push(&token[s..i]);
                start = Some(i);
            }
        }
        if start.is_none() {
            start = Some(i);
        }
        prev = Some(c);
    }
    if let Some(s) = start {
        out.push(&token[s..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(token: &str, lang: &str) -> Vec<(String, bool)> {
        let mut out = Vec::new();
        analyse(token, stemmer(lang).as_ref(), &mut out);
        out
    }

    fn words(token: &str, lang: &str) -> Vec<String> {
        terms(token, lang).into_iter().map(|t| t.0).collect()
    }

    #[test]
    fn swedish_words_are_stemmed_without_their_diacritics() {
        assert_eq!(words("Tjänsterna", "sv"), ["tjanst"]);
        assert_eq!(words("nycklarna", "sv"), words("nycklar", "sv"));
        assert_eq!(words("(kommun),", "sv"), ["kommun"]);
        assert_eq!(words("!!!", "sv"), Vec::<String>::new());
    }

    #[test]
    fn english_words_are_stemmed_and_other_languages_only_folded() {
        assert_eq!(words("Keys", "en"), ["key"]);
        assert_eq!(words("Schlüssel", "de"), ["schlussel"]);
        assert_eq!(stemmer_name("sv-FI"), Some("sv"));
        assert_eq!(stemmer_name("de"), None);
    }

    #[test]
    fn compounds_give_their_parts_as_well() {
        assert_eq!(
            terms("e-tjänst", "sv"),
            [("etjanst".to_string(), false), ("tjanst".to_string(), true)]
        );
        assert_eq!(words("BankID", "sv"), ["bankid", "bank", "id"]);
        assert_eq!(words("covid19", "en"), ["covid19", "covid", "19"]);
        assert_eq!(
            words("three_antelopes", "en"),
            ["three_antelop", "three", "antelop"]
        );
        // A part equal to the whole, or of one character, adds nothing.
        assert_eq!(words("(kommun)", "sv"), ["kommun"]);
        assert_eq!(words("a-b", "sv"), ["ab"]);
    }

    #[test]
    fn a_query_word_is_looked_up_as_a_tokens_whole_term() {
        let sv = stemmer("sv");
        assert_eq!(
            query_term("E-tjänsten", sv.as_ref()).as_deref(),
            Some("etjanst")
        );
        assert_eq!(query_term("–", sv.as_ref()), None);
    }

    #[test]
    fn tokens_are_split_at_every_unicode_space_and_only_there() {
        let mut text = String::new();
        for c in (0u32..0x3100).filter_map(char::from_u32) {
            text.push('x');
            text.push(c);
            text.push_str("åäö");
            text.push(c);
            text.push(c);
        }
        text.push_str(" \u{3000}");
        let ours: Vec<&str> = tokens(&text).collect();
        let std: Vec<&str> = text.split_whitespace().collect();
        assert_eq!(ours, std);
        assert!(ours.len() > 20, "{}", ours.len());
        assert_eq!(tokens("").count(), 0);
        assert_eq!(tokens(" \u{a0}\n").count(), 0);
    }

    #[test]
    fn folding_drops_diacritics_and_punctuation_and_keeps_underscores() {
        assert_eq!(fold("Åäö-É_1"), "aaoe_1");
        assert_eq!(fold("İ"), "i");
        assert_eq!(fold("ÅNGSTRÖM"), "angstrom");
    }
}
