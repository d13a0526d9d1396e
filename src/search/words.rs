//! Words: what one whitespace-separated token of a record is indexed as, by the rules of
//! Pagefind 1.6.0's indexer, so that its browser code (which applies the same rules to a
//! query) finds it.
//!
//! A token gives, in this order: its folded form (letters and digits only, lowercased,
//! diacritics stripped, stemmed); for a run of katakana, its suffixes; when it looks
//! compound (punctuation inside, or an uppercase letter after the first), its parts (split
//! at ASCII punctuation and at case and digit changes, each stemmed); the emoji in it; and
//! in body text, the dotted tails of a dotted word (`sysconfig.is_python_build` →
//! `is_python_build`). A form whose diacritics were stripped keeps the form it had before
//! (`tjänst` → `tjanst`, with `tjänst` as its variant), which Pagefind uses to rank exact
//! matches first.
//!
//! Not here: positions and weights (a page's business, `page.rs`), and the special
//! `___PAGEFIND_…` tokens, which are recognised by [`classify`] and acted on there.

use std::borrow::Cow;
use std::sync::LazyLock;

use convert_case::{Case, Casing};
use pagefind_stem::{Algorithm, Stemmer};
use unicode_normalization::char::{decompose_canonical, is_combining_mark};
use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

/// Characters kept in words besides letters and digits: Unicode's connector punctuation
/// (Pagefind's default `include_characters`).
const KEPT_SYMBOLS: [char; 10] = [
    '_', '\u{203F}', '\u{2040}', '\u{2054}', '\u{FE33}', '\u{FE34}', '\u{FE4D}', '\u{FE4E}',
    '\u{FE4F}', '\u{FF3F}',
];

/// At most this many characters of a dotted word's tail are indexed.
const MAX_TAIL_CHARS: usize = 64;
/// At most this many characters of a katakana suffix are indexed.
const MAX_KATAKANA_SUFFIX_CHARS: usize = 16;

/// The kana voiced and semi-voiced sound marks: combining, but they tell words apart.
const KANA_MARKS: [char; 2] = ['\u{3099}', '\u{309A}'];

static EMOJI: LazyLock<regex::Regex> =
    LazyLock::new(|| regex::Regex::new(r"\p{Emoji}").expect("a valid pattern"));

/// The stemmer of a language (by its primary subtag), if Pagefind has one for it.
pub fn stemmer(lang: &str) -> Option<Stemmer> {
    let algorithm = match lang.split('-').next().unwrap_or_default() {
        "ar" => Algorithm::Arabic,
        "hy" => Algorithm::Armenian,
        "eu" => Algorithm::Basque,
        "ca" => Algorithm::Catalan,
        "da" => Algorithm::Danish,
        "nl" => Algorithm::Dutch,
        "en" => Algorithm::English,
        "eo" => Algorithm::Esperanto,
        "et" => Algorithm::Estonian,
        "fi" => Algorithm::Finnish,
        "fr" => Algorithm::French,
        "de" => Algorithm::German,
        "el" => Algorithm::Greek,
        "hi" => Algorithm::Hindi,
        "hu" => Algorithm::Hungarian,
        "id" => Algorithm::Indonesian,
        "ga" => Algorithm::Irish,
        "it" => Algorithm::Italian,
        "lt" => Algorithm::Lithuanian,
        "nb" | "nn" | "no" => Algorithm::Norwegian,
        "ne" => Algorithm::Nepali,
        "pt" => Algorithm::Portuguese,
        "ro" => Algorithm::Romanian,
        "ru" => Algorithm::Russian,
        "sr" => Algorithm::Serbian,
        "pl" => Algorithm::Polish,
        "es" => Algorithm::Spanish,
        "sv" => Algorithm::Swedish,
        "ta" => Algorithm::Tamil,
        "tr" => Algorithm::Turkish,
        "yi" => Algorithm::Yiddish,
        _ => return None,
    };
    Some(Stemmer::create(algorithm))
}

/// One word a token is indexed as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// The indexed (folded, stemmed) word.
    pub word: String,
    /// The form before its diacritics were stripped, when that differs.
    pub original: Option<String>,
    /// A part of a compound (weighs a share of the token's weight), not the whole.
    pub part: bool,
}

/// The words one token is indexed as.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Analysis {
    /// Body text indexes all of them; meta fields only the first `meta_len` (no dotted
    /// tails).
    pub terms: Vec<Term>,
    pub meta_len: usize,
}

impl Analysis {
    /// How many of the body's terms are parts: the token's weight is shared among them.
    pub fn parts(&self) -> usize {
        self.terms.iter().filter(|t| t.part).count()
    }
}

/// What a token of body text is.
#[derive(Debug, PartialEq)]
pub enum Token<'a> {
    /// A word to index, zero-width spaces removed.
    Word(Cow<'a, str>),
    /// `___PAGEFIND_ANCHOR___element:anchor-id:element-id` (the whole token).
    Anchor(&'a str),
    /// `___PAGEFIND_WEIGHT___n`: the weight of what follows, until the matching end.
    Weight(&'a str),
    /// `___PAGEFIND_AUTO_WEIGHT___n`: a weight unless one is already set.
    AutoWeight(&'a str),
    /// `___END_PAGEFIND_WEIGHT___`.
    EndWeight,
    /// Nothing (only zero-width spaces).
    Empty,
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

/// Sorts a token of body text into a word or one of Pagefind's markers (which a record's
/// text could contain, and which Pagefind acts on, so they are acted on here too).
pub fn classify(token: &str) -> Token<'_> {
    if token.starts_with('_') {
        if token.starts_with("___PAGEFIND_ANCHOR___") {
            return Token::Anchor(token);
        }
        if token.starts_with("___PAGEFIND_WEIGHT___") {
            return Token::Weight(token);
        }
        if token.starts_with("___PAGEFIND_AUTO_WEIGHT___") {
            return Token::AutoWeight(token);
        }
        if token.starts_with("___END_PAGEFIND_WEIGHT___") {
            return Token::EndWeight;
        }
    }
    // U+200B is E2 80 8B: look for its lead byte first.
    let word = if token.as_bytes().contains(&0xE2) && token.contains('\u{200B}') {
        Cow::Owned(token.replace('\u{200B}', ""))
    } else {
        Cow::Borrowed(token)
    };
    if word.is_empty() {
        Token::Empty
    } else {
        Token::Word(word)
    }
}

/// Letters, digits and the kept symbols of `raw`, lowercased.
fn fold(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for c in raw.chars() {
        if !(c.is_alphanumeric() || KEPT_SYMBOLS.contains(&c)) {
            continue;
        }
        if c.is_uppercase() {
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// Whether a character has a canonical decomposition or is a combining mark.
fn has_marks(c: char) -> bool {
    if is_combining_mark(c) {
        return true;
    }
    let mut decomposes = false;
    decompose_canonical(c, |part| decomposes |= part != c);
    decomposes
}

/// `word` without its diacritics (decomposed, combining marks dropped except the kana sound
/// marks), or `None` when that changes nothing. As the search query is treated in the
/// browser.
pub fn strip_diacritics(word: &str) -> Option<String> {
    if word.is_ascii() || !word.chars().any(has_marks) {
        return None;
    }
    let bare: String = word
        .nfd()
        .filter(|&c| KANA_MARKS.contains(&c) || !is_combining_mark(c))
        .collect();
    // Kana with a sound mark are composed again (バ, not ハ + mark); everything else stays
    // decomposed (a Hangul syllable as its jamo, so a half-typed one is a prefix).
    let bare = if bare.contains(KANA_MARKS) {
        bare.nfc().collect()
    } else {
        bare
    };
    (bare != word).then_some(bare)
}

/// A folded word as indexed: diacritics stripped, then stemmed.
fn term(folded: &str, stemmer: Option<&Stemmer>, part: bool) -> Term {
    let bare = strip_diacritics(folded);
    let base = bare.as_deref().unwrap_or(folded);
    let word = match stemmer {
        Some(s) => s.stem(base).into_owned(),
        None => base.to_string(),
    };
    Term {
        word,
        original: bare.map(|_| folded.to_string()),
        part,
    }
}

fn is_katakana(c: char) -> bool {
    matches!(c as u32, 0x30A1..=0x30FA | 0x30FC..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F)
}

/// The suffixes (of two characters or more, at most 16 long, each once) of a run of three
/// or more katakana, so a query for the end of a katakana compound finds it.
fn katakana_suffixes(word: &str) -> Vec<&str> {
    if word.chars().count() < 3 || !word.chars().all(is_katakana) {
        return Vec::new();
    }
    let mut out: Vec<&str> = Vec::new();
    for (start, _) in word.char_indices().skip(1) {
        let rest = &word[start..];
        let suffix = match rest.char_indices().nth(MAX_KATAKANA_SUFFIX_CHARS) {
            Some((end, _)) => &rest[..end],
            None => rest,
        };
        if suffix.chars().count() >= 2 && !out.contains(&suffix) {
            out.push(suffix);
        }
    }
    out
}

/// Whether a token may be made of several words: it has a character other than a letter or
/// digit, or an uppercase letter after its first character.
fn looks_compound(word: &str) -> bool {
    word.chars().any(|c| !c.is_alphanumeric()) || word.chars().skip(1).any(char::is_uppercase)
}

/// Everything one token is indexed as, for body text and (a prefix of it) for meta fields.
pub fn analyse(token: &str, stemmer: Option<&Stemmer>) -> Analysis {
    let mut terms = Vec::new();
    let folded = fold(token);
    if !folded.is_empty() {
        terms.push(term(&folded, stemmer, false));
    }
    for suffix in katakana_suffixes(token) {
        let bare = strip_diacritics(suffix);
        terms.push(Term {
            original: bare.as_ref().map(|_| suffix.to_string()),
            word: bare.unwrap_or_else(|| suffix.to_string()),
            part: true,
        });
    }
    if looks_compound(token) {
        compound_parts(token, &folded, stemmer, &mut terms);
    }
    let meta_len = terms.len();
    dotted_tails(token, stemmer, &mut terms);
    Analysis { terms, meta_len }
}

/// The parts of a compound token, and the emoji in it.
fn compound_parts(token: &str, folded: &str, stemmer: Option<&Stemmer>, terms: &mut Vec<Term>) {
    let spaced: String = token
        .chars()
        .map(|c| if c.is_ascii_punctuation() { ' ' } else { c })
        .collect();
    let lowered = spaced.to_case(Case::Lower);
    let parts: Vec<&str> = lowered.split_whitespace().collect();
    // A token that is one part, and the start of its folded form, has nothing to add.
    let adds = parts.len() > 1 || !folded.starts_with(parts.first().copied().unwrap_or(""));
    if !folded.is_empty() && adds {
        for part in parts.into_iter().filter(|p| p.len() > 1) {
            let bare = strip_diacritics(part);
            let base = bare.as_deref().unwrap_or(part);
            let word = match stemmer {
                Some(s) => s.stem(base).into_owned(),
                None => base.to_string(),
            };
            terms.push(Term {
                word,
                original: bare.map(|_| part.to_string()),
                part: true,
            });
        }
    }
    if EMOJI.is_match(token) {
        for grapheme in token.graphemes(true) {
            if emojis::get(grapheme).is_some() {
                terms.push(Term {
                    word: grapheme.to_string(),
                    original: None,
                    part: false,
                });
            }
        }
    }
}

/// The compound tails after each dot of a dotted token (`sysconfig.is_python_build` →
/// `is_python_build`), new ones only; a plain tail is already one of its parts.
fn dotted_tails(token: &str, stemmer: Option<&Stemmer>, terms: &mut Vec<Term>) {
    if !token.contains('.') {
        return;
    }
    let before = terms.len();
    for (dot, _) in token.match_indices('.') {
        let rest = &token[dot + 1..];
        let tail = match rest.char_indices().nth(MAX_TAIL_CHARS) {
            Some((end, _)) => &rest[..end],
            None => rest,
        };
        if !looks_compound(tail) {
            continue;
        }
        let folded = fold(tail);
        if folded.chars().count() < 2 {
            continue;
        }
        let tail_term = term(&folded, stemmer, true);
        if !terms.iter().any(|t| t.word == tail_term.word) {
            terms.push(tail_term);
        }
    }
    debug_assert!(terms[before..].iter().all(|t| t.part));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(token: &str, lang: &str) -> Vec<String> {
        analyse(token, stemmer(lang).as_ref())
            .terms
            .into_iter()
            .map(|t| t.word)
            .collect()
    }

    #[test]
    fn swedish_words_are_stemmed_without_their_diacritics_and_keep_them_as_variants() {
        let a = analyse("Tjänsterna", stemmer("sv").as_ref());
        assert_eq!(a.terms.len(), 1);
        assert_eq!(a.terms[0].word, "tjanst");
        assert_eq!(a.terms[0].original.as_deref(), Some("tjänsterna"));
        assert_eq!(words("nycklarna", "sv"), words("nycklar", "sv"));
    }

    #[test]
    fn compounds_are_split_and_their_parts_weigh_less() {
        let a = analyse("e-tjänst", stemmer("sv").as_ref());
        let got: Vec<(&str, bool)> = a.terms.iter().map(|t| (t.word.as_str(), t.part)).collect();
        assert_eq!(got, [("etjanst", false), ("tjanst", true)]);
        assert_eq!(
            words("ThreeAntelopes", "en"),
            ["threeantelop", "three", "antelop"]
        );
        // `_` is connector punctuation, kept in the whole word
        assert_eq!(
            words("three_antelopes", "en"),
            ["three_antelop", "three", "antelop"]
        );
    }

    #[test]
    fn punctuation_around_a_word_adds_nothing() {
        assert_eq!(words("(kommun),", "sv"), ["kommun"]);
        assert_eq!(words("!!!", "sv"), Vec::<String>::new());
    }

    #[test]
    fn dotted_words_give_their_tails_in_body_text_only() {
        let a = analyse("sysconfig.is_python_build", None);
        let all: Vec<&str> = a.terms.iter().map(|t| t.word.as_str()).collect();
        assert!(all.contains(&"is_python_build"), "{all:?}");
        assert!(!all[..a.meta_len].contains(&"is_python_build"));
        assert_eq!(
            words("www.example.se", "sv"),
            ["wwwexamples", "www", "exampl", "se", "examples"]
        );
    }

    #[test]
    fn emoji_are_words_of_their_own() {
        // the emoji is no letter, so the token is also a "part" of itself
        assert_eq!(words("hej👋", "sv"), ["hej", "hej👋", "👋"]);
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
    fn markers_are_recognised_and_zero_width_spaces_dropped() {
        assert_eq!(classify("___END_PAGEFIND_WEIGHT___"), Token::EndWeight);
        assert_eq!(classify("a\u{200B}b"), Token::Word(Cow::Owned("ab".into())));
        assert_eq!(classify("\u{200B}"), Token::Empty);
        assert_eq!(classify("__init__"), Token::Word(Cow::Borrowed("__init__")));
    }

    #[test]
    fn diacritics_are_stripped_except_kana_sound_marks() {
        assert_eq!(strip_diacritics("åäö").as_deref(), Some("aao"));
        assert_eq!(strip_diacritics("plain"), None);
        assert_eq!(strip_diacritics("バンド"), None);
    }
}
