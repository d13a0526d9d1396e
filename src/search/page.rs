//! Pages: one record read as Pagefind 1.6.0 reads a custom record: its text split at
//! whitespace into positions, each word's weight (the record's markers, compound parts
//! sharing their token's weight), the words of its meta fields, the text shown in results,
//! and its fragment (the JSON a result loads).
//!
//! A page's words come out as *forms* (numbers given by the vocabulary, `index.rs`), each
//! with its positions already in Pagefind's packed encoding; which page number it gets, and
//! how its meta fields are numbered site-wide, is decided later when the index is put
//! together. Not here: what a token is indexed as (`words.rs`).

use std::collections::BTreeMap;

use serde::Serialize;

use super::words::{classify, Token};
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

/// One form's postings on a page: ranges into [`PageWords::locs`].
#[derive(Debug, Clone, Copy)]
pub struct Entry {
    pub form: u32,
    /// Body positions, packed with weight changes; empty when only a meta field has it.
    pub locs: (u32, u32),
    /// Meta positions, packed with field changes (field numbers of this page's own fields).
    pub meta: (u32, u32),
}

/// A page ready to be indexed.
pub struct PageWords {
    /// Sorted by form.
    pub entries: Vec<Entry>,
    pub locs: Vec<i32>,
    pub word_count: usize,
    /// The fragment's JSON and the hex of its SHA-1 (as Pagefind spells it).
    pub fragment: String,
    pub fragment_hash: String,
}

/// The forms a token is indexed as (from the vocabulary): `(form, is a part)` for body text,
/// the first `meta_len` for meta fields.
pub struct TokenForms<'v> {
    pub forms: &'v [(u32, bool)],
    pub meta_len: usize,
    pub parts: usize,
}

/// Reads a page; `lookup` gives a token's forms. `None` when the body has no word to index
/// (Pagefind leaves such pages out, whatever their meta fields say).
pub fn read<'v>(
    record: &Record,
    meta: &BTreeMap<String, String>,
    filters: &BTreeMap<String, Vec<String>>,
    lookup: impl Fn(&str) -> TokenForms<'v>,
) -> Option<PageWords> {
    let mut body: Vec<(u32, u8, u32)> = Vec::new(); // (form, weight, position)
    let mut content = String::with_capacity(record.content.len());
    let mut anchors = Vec::new();
    let mut weights: Vec<u8> = vec![BASE_WEIGHT];
    let mut position: usize = 0;
    let mut last_position = 0;

    for token in record.content.split_whitespace() {
        let word = match classify(token) {
            Token::Word(word) => word,
            Token::Empty => continue,
            Token::Anchor(marker) => {
                anchor(marker, position, &mut anchors);
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
        let t = lookup(&word);
        let share = if t.parts > 0 && weight > 0 {
            (weight / u8::try_from(t.parts).unwrap_or(u8::MAX)).max(1)
        } else {
            0
        };
        let pos = u32::try_from(position).expect("fewer than 2³² words on a page");
        for &(form, part) in t.forms {
            body.push((form, if part { share } else { weight }, pos));
        }
        last_position = position;
        position += 1;
    }
    if body.is_empty() {
        return None;
    }
    if content.ends_with(' ') {
        content.pop();
    }

    // Meta fields, numbered in the page's own (sorted) order of fields.
    let mut meta_words: Vec<(u32, u16, u32)> = Vec::new(); // (form, field, position)
    for (field, value) in meta.values().enumerate() {
        let field = u16::try_from(field).expect("fewer than 65,536 meta fields");
        for (pos, token) in value.split_whitespace().enumerate() {
            let t = lookup(token);
            let pos = u32::try_from(pos).expect("fewer than 2³² words in a field");
            for &(form, _) in &t.forms[..t.meta_len] {
                meta_words.push((form, field, pos));
            }
        }
    }

    let (entries, locs) = pack(body, meta_words);
    let word_count = last_position + 1;
    let fragment = serde_json::to_string(&Fragment {
        url: &record.url,
        content: &content,
        word_count,
        filters,
        meta,
        anchors: &anchors,
    })
    .expect("a fragment serialises");
    let fragment_hash = super::encode::sha1_hex(fragment.as_bytes());
    Some(PageWords {
        entries,
        locs,
        word_count,
        fragment,
        fragment_hash,
    })
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

/// Groups a page's body and meta positions by form and packs each list.
fn pack(mut body: Vec<(u32, u8, u32)>, mut meta: Vec<(u32, u16, u32)>) -> (Vec<Entry>, Vec<i32>) {
    // Ordinary text's weight first (Pagefind's packing starts at weight 25, which is never
    // used, so "first" is an accident of its sort key kept here), then by position.
    body.sort_unstable_by_key(|&(form, weight, pos)| {
        (form, if weight == 25 { 0 } else { weight }, pos)
    });
    meta.sort_unstable();
    let mut locs: Vec<i32> = Vec::with_capacity(body.len() + body.len() / 4 + meta.len() * 2);
    let mut entries: Vec<Entry> = Vec::new();
    let (mut b, mut m) = (0, 0);
    while b < body.len() || m < meta.len() {
        let form = match (body.get(b), meta.get(m)) {
            (Some(x), Some(y)) => x.0.min(y.0),
            (Some(x), None) => x.0,
            (None, Some(y)) => y.0,
            (None, None) => unreachable!(),
        };
        let start = locs.len() as u32;
        let mut weight = 25u8;
        let mut last = 0u32;
        while let Some(&(f, w, pos)) = body.get(b) {
            if f != form {
                break;
            }
            if w != weight {
                locs.push(-(w as i32) - 1);
                locs.push(pos as i32);
                weight = w;
            } else {
                locs.push((pos - last) as i32);
            }
            last = pos;
            b += 1;
        }
        let mid = locs.len() as u32;
        let mut field = None;
        let mut last = 0u32;
        while let Some(&(f, fld, pos)) = meta.get(m) {
            if f != form {
                break;
            }
            if field != Some(fld) {
                locs.push(-(fld as i32) - 1);
                field = Some(fld);
                last = 0;
            }
            locs.push((pos - last) as i32);
            last = pos;
            m += 1;
        }
        entries.push(Entry {
            form,
            locs: (start, mid),
            meta: (mid, locs.len() as u32),
        });
    }
    (entries, locs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packing_marks_weight_and_field_changes_and_deltas_positions() {
        // form 7: weight 24 at 0 and 5, weight 12 at 3; meta field 1 at 2, field 0 at 0 and 4
        let body = vec![(7, 24, 0), (7, 12, 3), (7, 24, 5), (9, 24, 1)];
        let meta = vec![(7, 1, 2), (7, 0, 0), (7, 0, 4), (8, 0, 1)];
        let (entries, locs) = pack(body, meta);
        let got: Vec<(u32, Vec<i32>, Vec<i32>)> = entries
            .iter()
            .map(|e| {
                (
                    e.form,
                    locs[e.locs.0 as usize..e.locs.1 as usize].to_vec(),
                    locs[e.meta.0 as usize..e.meta.1 as usize].to_vec(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (7, vec![-13, 3, -25, 0, 5], vec![-1, 0, 4, -2, 2]),
                (8, vec![], vec![-1, 1]),
                (9, vec![-25, 1], vec![]),
            ]
        );
    }
}
