//! Indexing one language: records → terms and their weights per page → impacts → the
//! files of `format.rs`.
//!
//! A page's words weigh by where they are: title 6, summary 3, tags and organisations 2,
//! body 1, and a compound's part half its token's. The score of a term on a page is BM25
//! (k1 = 1.2, b = 0.75) of that weighted count, the page's length in words and the term's
//! rarity; it is stored as one byte, an *impact*, on a logarithmic scale whose 256 scores
//! the manifest lists, so the browser adds integers and ranks exactly as the Rust reader
//! does (`query.rs`).
//!
//! The work is linear in the text: pages are read in parallel batches (each batch with its
//! own table of terms, each distinct token analysed once per batch), the batches' terms are
//! merged into one sorted vocabulary, and the postings are laid out by counting. Memory is
//! a few bytes per posting (page and impact) plus the encoded files.

use std::collections::BTreeMap;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::format::{self, Manifest, PageFile, Stored};
use super::words;
use super::Record;

/// Weights in half units: title, summary, tags and organisations, body.
const TITLE: u32 = 12;
const SUMMARY: u32 = 6;
const KEYWORDS: u32 = 4;
const BODY: u32 = 2;

const K1: f64 = 1.2;
const B: f64 = 0.75;

/// Pages per batch read by one thread at a time.
const BATCH: usize = 64;

/// One page's terms (batch-local numbers) with their weights, and its length in words.
struct PageTerms {
    terms: Vec<(u32, u32)>,
    len: u32,
}

/// A batch of pages read together, with its own table of terms.
struct Batch {
    terms: Vec<String>,
    pages: Vec<PageTerms>,
}

/// Reads a batch of pages.
fn read_batch(records: &[&Record], stemmer: Option<&pagefind_stem::Stemmer>) -> Batch {
    let mut ids: FxHashMap<String, u32> = FxHashMap::default();
    let mut terms: Vec<String> = Vec::new();
    // Each distinct token once: its terms (batch numbers) as a range of `forms`.
    let mut seen: FxHashMap<&str, (u32, u32)> = FxHashMap::default();
    let mut forms: Vec<(u32, bool)> = Vec::new();
    let mut analysis: Vec<(String, bool)> = Vec::new();
    let mut weights: FxHashMap<u32, u32> = FxHashMap::default();
    let mut pages = Vec::with_capacity(records.len());
    for r in records {
        weights.clear();
        let mut len = 0u32;
        for (text, weight) in [
            (&r.title, TITLE),
            (&r.summary, SUMMARY),
            (&r.keywords, KEYWORDS),
            (&r.body, BODY),
        ] {
            for token in words::tokens(text) {
                len += 1;
                let (start, n) = *seen.entry(token).or_insert_with(|| {
                    words::analyse(token, stemmer, &mut analysis);
                    let start = forms.len() as u32;
                    for (term, part) in analysis.drain(..) {
                        let next = terms.len() as u32;
                        let id = *ids.entry(term).or_insert_with_key(|t| {
                            terms.push(t.clone());
                            next
                        });
                        forms.push((id, part));
                    }
                    (start, forms.len() as u32 - start)
                });
                for &(id, part) in &forms[start as usize..(start + n) as usize] {
                    *weights.entry(id).or_default() += if part { weight / 2 } else { weight };
                }
            }
        }
        let mut list: Vec<(u32, u32)> = weights.iter().map(|(&t, &w)| (t, w)).collect();
        list.sort_unstable();
        pages.push(PageTerms { terms: list, len });
    }
    Batch { terms, pages }
}

/// The 256 scores of the impacts, for an index of `pages` pages: impact `q` stands for
/// about `e^(q/255 · ln(1 + max)) − 1` (in thousandths), `max` the highest score a term can
/// have (a word on one page only).
fn scale(pages: usize) -> f64 {
    (1.0 + idf(pages.max(1), 1) * (K1 + 1.0)).ln()
}

fn scores(pages: usize) -> Vec<u32> {
    let s = scale(pages);
    (0..=255u32)
        .map(|q| {
            if q == 0 {
                0
            } else {
                (1000.0 * ((f64::from(q) / 255.0 * s).exp() - 1.0)).round() as u32
            }
        })
        .collect()
}

fn idf(pages: usize, df: usize) -> f64 {
    let (n, df) = (pages as f64, df as f64);
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
}

fn impact(score: f64, scale: f64) -> u8 {
    ((score.ln_1p() / scale * 255.0).round()).clamp(1.0, 255.0) as u8
}

/// A language's index: its files, as (path below the language's folder, bytes), the
/// manifest last.
pub fn build(lang: &str, records: &[&Record]) -> Vec<(String, Vec<u8>)> {
    let stemmer_name = words::stemmer_name(lang);
    let page_count = records.len();
    let batches: Vec<Batch> = records
        .par_chunks(BATCH)
        .map(|chunk| read_batch(chunk, words::stemmer(lang).as_ref()))
        .collect();

    // The vocabulary, in byte order; each batch's terms as its numbers.
    let mut vocab: Vec<&str> = batches
        .iter()
        .flat_map(|b| b.terms.iter().map(String::as_str))
        .collect();
    vocab.par_sort_unstable();
    vocab.dedup();
    let global: Vec<Vec<u32>> = batches
        .par_iter()
        .map(|b| {
            b.terms
                .iter()
                .map(|t| vocab.binary_search(&t.as_str()).expect("in the vocabulary") as u32)
                .collect()
        })
        .collect();

    let mut df = vec![0u32; vocab.len()];
    let mut total_len = 0u64;
    for b in &batches {
        for p in &b.pages {
            total_len += u64::from(p.len);
        }
    }
    for (b, g) in batches.iter().zip(&global) {
        for p in &b.pages {
            for &(t, _) in &p.terms {
                df[g[t as usize] as usize] += 1;
            }
        }
    }
    let avg_len = (total_len as f64 / page_count.max(1) as f64).max(1.0);
    let scale = scale(page_count);

    // Postings by term, in page order.
    let mut offsets = Vec::with_capacity(vocab.len() + 1);
    let mut sum = 0usize;
    for &d in &df {
        offsets.push(sum);
        sum += d as usize;
    }
    offsets.push(sum);
    let mut cursor = offsets.clone();
    let mut post_pages = vec![0u32; sum];
    let mut post_impacts = vec![0u8; sum];
    let mut page_no = 0u32;
    for (b, g) in batches.iter().zip(&global) {
        for p in &b.pages {
            let norm = K1 * (1.0 - B + B * f64::from(p.len) / avg_len);
            for &(t, w) in &p.terms {
                let term = g[t as usize] as usize;
                let tf = f64::from(w) / 2.0;
                let score = idf(page_count, df[term] as usize) * tf * (K1 + 1.0) / (tf + norm);
                let at = cursor[term];
                cursor[term] += 1;
                post_pages[at] = page_no;
                post_impacts[at] = impact(score, scale);
            }
            page_no += 1;
        }
    }
    drop(global);
    drop(cursor);

    // Each term inline or in a file of its own.
    let external: Vec<bool> = (0..vocab.len())
        .into_par_iter()
        .map(|t| format::inline_len(&post_pages[offsets[t]..offsets[t + 1]]) > format::INLINE_BYTES)
        .collect();
    let mut file_of = vec![u32::MAX; vocab.len()];
    let mut files = 0u32;
    for (t, &e) in external.iter().enumerate() {
        if e {
            file_of[t] = files;
            files += 1;
        }
    }
    let bodies: Vec<Vec<u8>> = (0..vocab.len())
        .into_par_iter()
        .map(|t| {
            let range = offsets[t]..offsets[t + 1];
            let stored = if external[t] {
                Stored::File(file_of[t])
            } else {
                Stored::Inline {
                    pages: post_pages[range.clone()].to_vec(),
                    impacts: post_impacts[range].to_vec(),
                }
            };
            format::term_body(df[t] as usize, &stored)
        })
        .collect();
    let mut out: Vec<(String, Vec<u8>)> = (0..vocab.len())
        .into_par_iter()
        .filter(|&t| external[t])
        .map(|t| {
            let range = offsets[t]..offsets[t + 1];
            let pages = &post_pages[range.clone()];
            let impacts = &post_impacts[range];
            let mut order: Vec<usize> = (0..pages.len()).collect();
            order.sort_by(|&a, &b| impacts[b].cmp(&impacts[a]).then(a.cmp(&b)));
            let floor = order.get(format::HEAD).map_or(0, |&i| impacts[i]);
            let mut head: Vec<(u32, u8)> = order
                .iter()
                .take(format::HEAD)
                .map(|&i| (pages[i], impacts[i]))
                .collect();
            head.sort_unstable();
            let bytes = format::common_file(pages, &head, floor, page_count);
            (format::postings_path(file_of[t] as usize), bytes)
        })
        .collect();
    drop(post_pages);
    drop(post_impacts);

    // The shards, cut by size.
    let vocabulary: usize = bodies.iter().map(Vec::len).sum::<usize>()
        + vocab.iter().map(|t| t.len() + 2).sum::<usize>();
    let shard_bytes = format::shard_bytes(vocabulary);
    let mut shards: Vec<Vec<u8>> = Vec::new();
    let mut separators: Vec<String> = Vec::new();
    let mut current: Vec<u8> = Vec::new();
    let mut count = 0usize;
    let mut prev: &[u8] = b"";
    for (t, body) in bodies.iter().enumerate() {
        let term = vocab[t].as_bytes();
        if current.len() >= shard_bytes {
            shards.push(with_count(count, &current));
            separators.push(
                String::from_utf8(format::separator(prev, term).to_vec())
                    .expect("cut at a character boundary"),
            );
            current.clear();
            count = 0;
            prev = b"";
        }
        format::put_term(&mut current, prev, term, body);
        count += 1;
        prev = term;
    }
    shards.push(with_count(count, &current));
    drop(bodies);
    out.par_extend(
        shards
            .into_par_iter()
            .enumerate()
            .map(|(i, s)| (format::shard_path(i), s)),
    );

    // The pages shown in results: what a result shows, and its excerpt's text apart.
    out.par_extend(records.par_iter().enumerate().flat_map_iter(|(i, r)| {
        let page = PageFile {
            url: r.url.clone(),
            title: r.title.clone(),
            meta: r.meta.clone(),
        };
        let json = serde_json::to_vec(&page).expect("a page serialises");
        let text = serde_json::to_vec(&excerpt_text(r)).expect("a text serialises");
        [(format::page_path(i), json), (format::text_path(i), text)]
    }));

    // The filters.
    let mut values: BTreeMap<&str, BTreeMap<&str, Vec<u32>>> = BTreeMap::new();
    for (i, r) in records.iter().enumerate() {
        for (key, vs) in &r.filters {
            for v in vs {
                let pages = values.entry(key).or_default().entry(v).or_default();
                if pages.last() != Some(&(i as u32)) {
                    pages.push(i as u32);
                }
            }
        }
    }
    let mut filters = Vec::new();
    for (k, (key, vals)) in values.iter().enumerate() {
        for (i, pages) in vals.values().enumerate() {
            let mut bytes = Vec::new();
            format::put_set(&mut bytes, pages, page_count);
            out.push((format::filter_path(k, i), bytes));
        }
        filters.push((
            key.to_string(),
            vals.keys().map(|v| v.to_string()).collect(),
        ));
    }

    out.sort_by(|a, b| a.0.cmp(&b.0));
    let manifest = Manifest {
        format: format::VERSION,
        build: build_id(&out),
        lang: lang.to_string(),
        stemmer: stemmer_name.map(str::to_string),
        pages: page_count,
        shards: separators,
        scores: scores(page_count),
        filters,
    };
    out.push((
        format::MANIFEST.to_string(),
        serde_json::to_vec(&manifest).expect("the manifest serialises"),
    ));
    out
}

fn with_count(count: usize, terms: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(terms.len() + 4);
    format::put_varint(&mut out, count as u64);
    out.extend_from_slice(terms);
    out
}

/// The text a result's excerpt is taken from: the summary and the body, cut at a space
/// before [`format::TEXT_CHARS`] characters.
fn excerpt_text(r: &Record) -> String {
    let mut text = String::with_capacity(r.summary.len() + r.body.len() + 1);
    text.push_str(&r.summary);
    text.push('\n');
    text.push_str(&r.body);
    if let Some((cut, _)) = text.char_indices().nth(format::TEXT_CHARS) {
        let end = text[..cut]
            .rfind(char::is_whitespace)
            .filter(|&e| e > cut / 2)
            .unwrap_or(cut);
        text.truncate(end);
    }
    text
}

/// The build id: the start of a SHA-1 of every file's name and bytes.
fn build_id(files: &[(String, Vec<u8>)]) -> String {
    use sha1::{Digest, Sha1};
    let mut h = Sha1::new();
    for (path, bytes) in files {
        h.update(path.as_bytes());
        h.update([0]);
        h.update((bytes.len() as u64).to_le_bytes());
        h.update(bytes);
    }
    h.finalize()[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn impacts_keep_the_order_of_scores_and_their_scores_grow() {
        let s = scale(10_000);
        let table = scores(10_000);
        assert_eq!(table[0], 0);
        assert!(table.windows(2).all(|w| w[0] < w[1]), "{table:?}");
        let mut last = 0;
        for score in [0.01, 0.1, 0.5, 1.0, 3.0, 10.0, 19.0] {
            let q = impact(score, s);
            assert!(q >= last);
            last = q;
            let back = f64::from(table[q as usize]) / 1000.0;
            assert!(
                (back - score).abs() <= score * 0.02 + 0.01,
                "{score} → {back}"
            );
        }
    }

    #[test]
    fn excerpt_text_is_cut_at_a_space() {
        let r = Record {
            url: "/x/".into(),
            lang: "sv".into(),
            title: "T".into(),
            summary: "S".into(),
            keywords: String::new(),
            body: "ord ".repeat(4000),
            meta: vec![],
            filters: BTreeMap::new(),
        };
        let t = excerpt_text(&r);
        assert!(t.chars().count() <= format::TEXT_CHARS);
        assert!(t.ends_with("ord"), "{:?}", &t[t.len() - 10..]);
    }
}
