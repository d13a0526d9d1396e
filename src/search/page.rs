//! Pages: one record read as Pagefind 1.6.0 reads a custom record, in two passes.
//!
//! [`scan`] splits its text at whitespace into positions, follows the record's weight and
//! anchor markers, splits its meta fields into words, and writes the text shown in results
//! and its fragment (the JSON a result loads, gzipped); the tokens are numbered by the
//! batch's [`Interner`]. [`words`], once the vocabulary knows what every token is indexed
//! as, turns them into *forms* with their positions packed (and CBOR-encoded) as Pagefind
//! packs them, compound parts sharing their token's weight. Which page number a page gets,
//! and how its meta fields are numbered site-wide, is decided when the index is put
//! together (`index.rs`). Not here: what a token is indexed as (`words.rs`).

use std::borrow::Cow;
use std::collections::BTreeMap;

use rustc_hash::FxHashMap;
use serde::Serialize;

use super::encode::{self, Cbor};
use super::words::{classify, tokens, Token};
use super::Record;

/// The weight of ordinary text (Pagefind's scale: weight 1 is 24, at most 10 × 24).
const BASE_WEIGHT: u8 = 24;
const WEIGHT_SCALE: f32 = 24.0;
const MAX_WEIGHT: f32 = 10.0;

/// A heading or other anchor inside the text (only from `___PAGEFIND_ANCHOR___` markers,
/// as a custom record has no HTML).
#[derive(Debug, Clone, Serialize)]
pub struct Anchor {
    pub element: String,
    pub id: String,
    pub text: String,
    pub location: u32,
}

/// What a result loads: the fragment file's JSON, field for field as Pagefind writes it.
#[derive(Serialize)]
struct Fragment<'a> {
    url: &'a str,
    content: &'a str,
    word_count: usize,
    filters: &'a BTreeMap<String, Vec<String>>,
    meta: &'a BTreeMap<String, String>,
    anchors: &'a [Anchor],
}

/// Tokens numbered as they are first met, per batch of pages (one interner per batch, so
/// pages are read side by side without sharing a table).
#[derive(Default)]
pub struct Interner<'s> {
    pub ids: FxHashMap<Cow<'s, str>, u32>,
}

impl<'s> Interner<'s> {
    fn id(&mut self, token: Cow<'s, str>) -> u32 {
        let next = self.ids.len() as u32;
        match self.ids.get(token.as_ref()) {
            Some(&id) => id,
            None => {
                self.ids.insert(token, next);
                next
            }
        }
    }
}

/// A page as read in the first pass: its tokens (numbered by its batch's interner), their
/// weights, and its fragment.
pub struct Scan {
    /// Per position: the token.
    words: Vec<u32>,
    /// `(position, weight)`: the weight of the words from that position on.
    weights: Vec<(u32, u8)>,
    /// `(token, field, position)`, the fields numbered in the page's own (sorted) order.
    meta: Vec<(u32, u16, u32)>,
    word_count: usize,
    fragment_gz: Vec<u8>,
    fragment_hash: String,
}

/// Reads a page's text and meta fields into tokens, and writes its fragment (gzipped at
/// `gzip_level`).
pub fn scan<'s>(
    record: &'s Record,
    meta: &'s BTreeMap<String, String>,
    filters: &BTreeMap<String, Vec<String>>,
    interner: &mut Interner<'s>,
    gzip_level: u32,
) -> Scan {
    let mut words: Vec<u32> = Vec::with_capacity(record.content.len() / 6);
    let mut weight_changes: Vec<(u32, u8)> = vec![(0, BASE_WEIGHT)];
    let mut content = String::with_capacity(record.content.len());
    let mut anchors = Vec::new();
    let mut weights: Vec<u8> = vec![BASE_WEIGHT];

    for token in tokens(&record.content) {
        let word = match classify(token) {
            Token::Word(word) => word,
            Token::Empty => continue,
            Token::Anchor(marker) => {
                anchor(marker, words.len(), &mut anchors);
                continue;
            }
            Token::Weight(marker) => {
                let w = parse_weight(&marker.replace("___PAGEFIND_WEIGHT___", ""));
                weights.push(if w <= 0.0 {
                    0
                } else {
                    ((w.clamp(0.0, MAX_WEIGHT) * WEIGHT_SCALE) as u8).max(1)
                });
                continue;
            }
            Token::AutoWeight(marker) => {
                // Only outside an explicitly weighted part; inside, it inherits.
                let w = if weights.len() == 1 {
                    let w = parse_weight(&marker.replace("___PAGEFIND_AUTO_WEIGHT___", ""));
                    (w.clamp(0.0, MAX_WEIGHT) * WEIGHT_SCALE) as u8
                } else {
                    weights.last().copied().unwrap_or_default()
                };
                weights.push(w);
                continue;
            }
            Token::EndWeight => {
                weights.pop();
                continue;
            }
        };
        content.push_str(&word);
        content.push(' ');
        let weight = weights.last().copied().unwrap_or(1);
        if weight_changes.last().is_some_and(|&(_, w)| w != weight) {
            weight_changes.push((words.len() as u32, weight));
        }
        words.push(interner.id(word));
    }
    if content.ends_with(' ') {
        content.pop();
    }

    let mut meta_words: Vec<(u32, u16, u32)> = Vec::new();
    for (field, value) in meta.values().enumerate() {
        let field = u16::try_from(field).expect("fewer than 65,536 meta fields");
        for (pos, token) in tokens(value).enumerate() {
            let pos = u32::try_from(pos).expect("fewer than 2³² words in a field");
            meta_words.push((interner.id(Cow::Borrowed(token)), field, pos));
        }
    }

    // Pagefind counts the words up to the last one (one when there is none).
    let word_count = words.len().max(1);
    let fragment = serde_json::to_string(&Fragment {
        url: &record.url,
        content: &content,
        word_count,
        filters,
        meta,
        anchors: &anchors,
    })
    .expect("a fragment serialises");
    Scan {
        words,
        weights: weight_changes,
        meta: meta_words,
        word_count,
        fragment_gz: encode::gzip(fragment.as_bytes(), gzip_level),
        fragment_hash: encode::sha1_hex(fragment.as_bytes()),
    }
}

/// The forms a token is indexed as (from the vocabulary): `(form, is a part)` for body text,
/// the first `meta_len` for meta fields.
pub struct TokenForms<'v> {
    pub forms: &'v [(u32, bool)],
    pub meta_len: usize,
    pub parts: usize,
}

/// One form's postings on a page.
#[derive(Debug, Clone, Copy)]
pub struct Entry {
    pub form: u32,
    /// Its body positions (packed with weight changes) as a CBOR array: a range of
    /// [`PageWords::bytes`]; empty when only a meta field has the form.
    pub body: (u32, u32),
    /// How many numbers that array has.
    pub body_len: u32,
    /// Its meta positions, packed with field changes (the fields numbered in the page's own
    /// order): a range of [`PageWords::meta_locs`].
    pub meta: (u32, u32),
}

/// A page ready to be indexed.
pub struct PageWords {
    /// In the order the page first has them.
    pub entries: Vec<Entry>,
    pub bytes: Vec<u8>,
    pub meta_locs: Vec<i32>,
    pub word_count: usize,
    /// The fragment file (gzipped JSON) and the hex of the JSON's SHA-1 (as Pagefind
    /// spells it).
    pub fragment_gz: Vec<u8>,
    pub fragment_hash: String,
}

/// Working memory for [`words`], kept between the pages one thread reads.
pub struct Scratch {
    /// Per form: its place among the page's forms, or `NONE`.
    slot_of: Vec<u32>,
    counts: Vec<u32>,
    occurrences: Vec<(u32, u8, u32)>,
    grouped: Vec<(u8, u32)>,
    locs: Vec<i32>,
}

const NONE: u32 = u32::MAX;

impl Scratch {
    pub fn new(forms: usize) -> Self {
        Scratch {
            slot_of: vec![NONE; forms],
            counts: Vec::new(),
            occurrences: Vec::new(),
            grouped: Vec::new(),
            locs: Vec::new(),
        }
    }
}

/// The second pass: a scanned page's tokens as forms, each form's positions packed as
/// Pagefind packs them. `None` when the body has no word to index (Pagefind leaves such
/// pages out, whatever their meta fields say).
pub fn words<'v>(
    scan: Scan,
    lookup: impl Fn(u32) -> TokenForms<'v>,
    scratch: &mut Scratch,
) -> Option<PageWords> {
    let Scratch {
        slot_of,
        counts,
        occurrences,
        grouped,
        locs,
    } = scratch;
    let mut forms: Vec<u32> = Vec::new();
    occurrences.clear();
    counts.clear();
    let mut slot = |form: u32, forms: &mut Vec<u32>, counts: &mut Vec<u32>| -> u32 {
        let s = &mut slot_of[form as usize];
        if *s == NONE {
            *s = forms.len() as u32;
            forms.push(form);
            counts.push(0);
        }
        *s
    };
    let mut weight = BASE_WEIGHT;
    let mut changes = scan.weights.iter().peekable();
    for (pos, &token) in scan.words.iter().enumerate() {
        while let Some(&(_, w)) = changes.next_if(|c| c.0 as usize <= pos) {
            weight = w;
        }
        let t = lookup(token);
        let share = if t.parts > 0 && weight > 0 {
            (weight / u8::try_from(t.parts).unwrap_or(u8::MAX)).max(1)
        } else {
            0
        };
        let pos = u32::try_from(pos).expect("fewer than 2³² words on a page");
        for &(form, part) in t.forms {
            let s = slot(form, &mut forms, counts);
            counts[s as usize] += 1;
            occurrences.push((s, if part { share } else { weight }, pos));
        }
    }
    if occurrences.is_empty() {
        return None;
    }

    // Each form's positions together, still in page order (a counting sort).
    let body_forms = forms.len();
    let mut starts = Vec::with_capacity(body_forms + 1);
    let mut sum = 0;
    starts.push(0);
    for c in counts.iter_mut() {
        sum += *c;
        starts.push(sum);
        *c = sum - *c; // becomes the next free place
    }
    grouped.clear();
    grouped.resize(occurrences.len(), (0, 0));
    for &(s, w, pos) in occurrences.iter() {
        let at = &mut counts[s as usize];
        grouped[*at as usize] = (w, pos);
        *at += 1;
    }

    let mut bytes = Cbor::new(occurrences.len() * 2 + body_forms * 3);
    let mut entries: Vec<Entry> = Vec::with_capacity(body_forms);
    for (s, &form) in forms.iter().enumerate() {
        let run = &mut grouped[starts[s] as usize..starts[s + 1] as usize];
        locs.clear();
        pack_body(run, locs);
        let start = bytes.len() as u32;
        bytes.ints(locs.iter().copied());
        entries.push(Entry {
            form,
            body: (start, bytes.len() as u32),
            body_len: locs.len() as u32,
            meta: (0, 0),
        });
    }

    // Meta words: forms the body has get their meta positions added, others an entry.
    let mut meta: Vec<(u32, u16, u32)> = Vec::new();
    for &(token, field, pos) in &scan.meta {
        let t = lookup(token);
        for &(form, _) in &t.forms[..t.meta_len] {
            meta.push((form, field, pos));
        }
    }
    meta.sort_unstable();
    let mut meta_locs = Vec::with_capacity(meta.len() * 2);
    for group in meta.chunk_by(|a, b| a.0 == b.0) {
        let form = group[0].0;
        let start = meta_locs.len() as u32;
        pack_meta(group, &mut meta_locs);
        let range = (start, meta_locs.len() as u32);
        let s = slot(form, &mut forms, counts);
        if (s as usize) < entries.len() {
            entries[s as usize].meta = range;
        } else {
            let at = bytes.len() as u32;
            bytes.array(0);
            entries.push(Entry {
                form,
                body: (at, bytes.len() as u32),
                body_len: 0,
                meta: range,
            });
        }
    }
    for &form in &forms {
        slot_of[form as usize] = NONE;
    }

    Some(PageWords {
        entries,
        bytes: bytes.into_bytes(),
        meta_locs,
        word_count: scan.word_count,
        fragment_gz: scan.fragment_gz,
        fragment_hash: scan.fragment_hash,
    })
}

/// Packs one form's body positions (given in page order): ordinary text's weight first, then
/// by position (Pagefind's sort key; its packing starts at weight 25, which is never used),
/// each weight change as `-(weight + 1)` and the position, others as the difference to the
/// previous position.
fn pack_body(run: &mut [(u8, u32)], locs: &mut Vec<i32>) {
    let key = |&(w, pos): &(u8, u32)| (if w == 25 { 0 } else { w }, pos);
    if !run.windows(2).all(|p| key(&p[0]) <= key(&p[1])) {
        run.sort_unstable_by_key(key);
    }
    let mut weight = 25u8;
    let mut last = 0u32;
    for &(w, pos) in run.iter() {
        if w != weight {
            locs.push(-(w as i32) - 1);
            locs.push(pos as i32);
            weight = w;
        } else {
            locs.push((pos - last) as i32);
        }
        last = pos;
    }
}

/// Packs one form's meta positions (sorted by field, then position): each change of field
/// as `-(field + 1)`, positions as the difference to the previous one in the field.
fn pack_meta(group: &[(u32, u16, u32)], locs: &mut Vec<i32>) {
    let mut field = None;
    let mut last = 0u32;
    for &(_, f, pos) in group {
        if field != Some(f) {
            locs.push(-(f as i32) - 1);
            field = Some(f);
            last = 0;
        }
        locs.push((pos - last) as i32);
        last = pos;
    }
}

/// A weight marker's number, as Rust reads an `f32` (1 when it is not one).
fn parse_weight(s: &str) -> f32 {
    s.parse::<f32>().unwrap_or(1.0)
}

/// `___PAGEFIND_ANCHOR___element:anchor-id:element-id`: an anchor at this position.
fn anchor(marker: &str, position: usize, anchors: &mut Vec<Anchor>) {
    let rest = marker.replace("___PAGEFIND_ANCHOR___", "");
    let Some((element, anchor_id)) = rest.split_once(':') else {
        return;
    };
    if let Some((_, id)) = anchor_id.split_once(':') {
        anchors.push(Anchor {
            element: element.to_string(),
            id: id.to_string(),
            // A custom record has no anchor texts.
            text: String::new(),
            location: position as u32,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packing_marks_weight_and_field_changes_and_deltas_positions() {
        let mut locs = vec![];
        pack_body(&mut [(24, 0), (12, 3), (24, 5)], &mut locs);
        assert_eq!(locs, [-13, 3, -25, 0, 5]);
        locs.clear();
        pack_meta(&[(7, 0, 0), (7, 0, 4), (7, 1, 2)], &mut locs);
        assert_eq!(locs, [-1, 0, 4, -2, 2]);
    }

    #[test]
    fn a_page_gets_one_entry_per_form_with_body_and_meta_positions() {
        let scan = Scan {
            // positions 0, 1, 2: token 0, token 1 (a compound of two), token 0 again
            words: vec![0, 1, 0],
            weights: vec![(0, 24)],
            // token 2 in field 0, token 0 in field 1
            meta: vec![(2, 0, 0), (0, 1, 3)],
            word_count: 3,
            fragment_gz: Vec::new(),
            fragment_hash: String::new(),
        };
        let forms: [&[(u32, bool)]; 3] = [
            &[(5, false)],
            &[(6, false), (7, true), (5, true)],
            &[(8, false)],
        ];
        let lookup = |t: u32| TokenForms {
            forms: forms[t as usize],
            meta_len: forms[t as usize].len(),
            parts: forms[t as usize].iter().filter(|f| f.1).count(),
        };
        let page = words(scan, lookup, &mut Scratch::new(10)).unwrap();
        let got: Vec<(u32, Vec<u8>, &[i32])> = page
            .entries
            .iter()
            .map(|e| {
                (
                    e.form,
                    page.bytes[e.body.0 as usize..e.body.1 as usize].to_vec(),
                    &page.meta_locs[e.meta.0 as usize..e.meta.1 as usize],
                )
            })
            .collect();
        let cbor = |ns: &[i32]| {
            let mut c = Cbor::default();
            c.ints(ns.iter().copied());
            c.into_bytes()
        };
        // the two parts of token 1 share its weight: 24 / 2
        let expected: [(u32, Vec<u8>, &[i32]); 4] = [
            (5, cbor(&[-13, 1, -25, 0, 2]), &[-2, 3]),
            (6, cbor(&[-25, 1]), &[]),
            (7, cbor(&[-13, 1]), &[]),
            (8, cbor(&[]), &[-1, 0]),
        ];
        assert_eq!(got, expected);
    }

    #[test]
    fn a_page_without_words_is_left_out() {
        let scan = Scan {
            words: vec![0],
            weights: vec![(0, 24)],
            meta: vec![(1, 0, 0)],
            word_count: 1,
            fragment_gz: Vec::new(),
            fragment_hash: String::new(),
        };
        let forms: [&[(u32, bool)]; 2] = [&[], &[(3, false)]];
        let lookup = |t: u32| TokenForms {
            forms: forms[t as usize],
            meta_len: forms[t as usize].len(),
            parts: 0,
        };
        assert!(words(scan, lookup, &mut Scratch::new(4)).is_none());
    }
}
