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
//! own table of terms, each distinct token analysed once per batch, each page's record made
//! there and dropped with it), a wave of batches at a time whose terms are merged into the
//! vocabulary before the next wave is read; the vocabulary is sorted once and the postings
//! are laid out by counting, a range of terms at a time. Memory is about 3 bytes per
//! posting (each page's terms as varints) plus the vocabulary, and 5 bytes per posting
//! (page and impact) of one range of terms; the files are handed on as they are made, not
//! kept.

use std::collections::BTreeMap;

use rayon::prelude::*;
use std::hash::BuildHasher;

use hashbrown::hash_table::{Entry, HashTable};
use rustc_hash::{FxBuildHasher, FxHashMap};

use super::format::{self, Manifest, PageFile, Stored};
use super::words;
use super::Records;

/// Weights in half units: title, summary, tags and organisations, body.
const TITLE: u32 = 12;
const SUMMARY: u32 = 6;
const KEYWORDS: u32 = 4;
const BODY: u32 = 2;

const K1: f64 = 1.2;
const B: f64 = 0.75;

/// Pages per batch read by one thread at a time.
const BATCH: usize = 64;

/// Batches read in parallel before their terms are merged into the vocabulary (see
/// `build`), per thread: each batch's own table of terms is a megabyte or two.
const WAVE_PER_THREAD: usize = 4;

/// One page's terms (batch-local numbers) with their weights, and its length in words.
struct PageTerms {
    terms: Vec<(u32, u32)>,
    len: u32,
}

/// The pages of a wave of batches: each page's terms in the order of their numbers, with
/// their weights (half units, at most 65,535), as varints (the gap from the page's previous
/// term's number, then the weight): 3 bytes a term a page, about. Where each page's end,
/// and its length in words.
struct Wave {
    data: Vec<u8>,
    ends: Vec<u32>,
    lens: Vec<u32>,
}

impl Wave {
    /// Appends a page's terms, sorted by number, to `data`.
    fn put(data: &mut Vec<u8>, terms: &[(u32, u16)]) {
        let mut last = 0u32;
        for &(t, w) in terms {
            format::put_varint(data, u64::from(t - last));
            format::put_varint(data, u64::from(w));
            last = t;
        }
    }

    /// The start of page `i` in `data`.
    fn start(&self, i: usize) -> usize {
        if i == 0 {
            0
        } else {
            self.ends[i - 1] as usize
        }
    }
}

/// The next (gap, weight) of a wave's page from byte `at`, and where the one after starts.
fn next_term(data: &[u8], at: usize) -> (u32, u16, usize) {
    let (gap, at) = varint(data, at);
    let (weight, at) = varint(data, at);
    (gap, weight as u16, at)
}

fn varint(data: &[u8], mut at: usize) -> (u32, usize) {
    let (mut n, mut shift) = (0u32, 0);
    loop {
        let b = data[at];
        at += 1;
        n |= u32::from(b & 0x7f) << shift;
        if b < 0x80 {
            return (n, at);
        }
        shift += 7;
    }
}

/// Postings laid out at a time, at most (unless one term has more): 5 bytes each.
const POSTINGS_PER_RANGE: usize = 1 << 21;

/// The vocabulary: every term's bytes in one buffer, numbered in the order they came, and
/// a hash table of the numbers keyed by the terms' text (millions of terms at 100,000
/// pages: a string each, with its table, took a hundred megabytes and more).
#[derive(Default)]
struct Vocabulary {
    bytes: String,
    ends: Vec<usize>,
    table: HashTable<u32>,
}

impl Vocabulary {
    fn len(&self) -> usize {
        self.ends.len()
    }

    fn term(&self, id: u32) -> &str {
        term_in(&self.bytes, &self.ends, id)
    }

    /// A term's number, given it a new one if it is new.
    fn number(&mut self, term: &str) -> u32 {
        let Vocabulary { bytes, ends, table } = self;
        let hash = |t: &str| FxBuildHasher.hash_one(t);
        let next = ends.len() as u32;
        match table.entry(
            hash(term),
            |&id| term_in(bytes, ends, id) == term,
            |&id| hash(term_in(bytes, ends, id)),
        ) {
            Entry::Occupied(e) => *e.get(),
            Entry::Vacant(e) => {
                e.insert(next);
                bytes.push_str(term);
                ends.push(bytes.len());
                next
            }
        }
    }
}

fn term_in<'a>(bytes: &'a str, ends: &[usize], id: u32) -> &'a str {
    let id = id as usize;
    &bytes[if id == 0 { 0 } else { ends[id - 1] }..ends[id]]
}

/// A batch of pages read together, with its own table of terms; each page's filters, and
/// the digests of the files it handed on (what a result shows, and its excerpt's text).
struct Batch {
    terms: Vec<String>,
    pages: Vec<PageTerms>,
    filters: Vec<Vec<(String, String)>>,
    digests: Vec<(String, [u8; 20])>,
}

/// Reads a batch of pages (`first` the number of the first), each record made here and
/// dropped with the batch; the files of each page's result are handed to `sink` at once.
fn read_batch(
    first: usize,
    count: usize,
    record: &Records,
    stemmer: Option<&pagefind_stem::Stemmer>,
    sink: &super::Sink,
) -> Result<Batch, String> {
    let records: Vec<_> = (first..first + count).map(record).collect();
    // The batch's bodies as text, made here and kept while its tokens are looked up and
    // the excerpts are taken.
    let bodies: Vec<String> = records.iter().map(|r| r.body.text()).collect();
    let mut ids: FxHashMap<String, u32> = FxHashMap::default();
    let mut terms: Vec<String> = Vec::new();
    // Each distinct token once: its terms (batch numbers) as a range of `forms`.
    let mut seen: FxHashMap<&str, (u32, u32)> = FxHashMap::default();
    let mut forms: Vec<(u32, bool)> = Vec::new();
    let mut analysis: Vec<(String, bool)> = Vec::new();
    let mut weights: FxHashMap<u32, u32> = FxHashMap::default();
    let mut pages = Vec::with_capacity(records.len());
    let mut filters = Vec::with_capacity(records.len());
    let mut digests = Vec::with_capacity(2 * records.len());
    for (i, (r, body)) in records.iter().zip(&bodies).enumerate() {
        weights.clear();
        let mut len = 0u32;
        for (text, weight) in [
            (r.title.as_str(), TITLE),
            (r.summary.as_str(), SUMMARY),
            (r.keywords.as_str(), KEYWORDS),
            (body.as_str(), BODY),
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
        filters.push(r.filters.clone());
        // What a result shows, and its excerpt's text apart.
        let page = PageFile {
            url: r.url.clone(),
            title: r.title.clone(),
            meta: r.meta.clone(),
        };
        let json = serde_json::to_vec(&page).expect("a page serialises");
        let text = serde_json::to_vec(&excerpt_text(&r.summary, body)).expect("a text serialises");
        for (path, bytes) in [
            (format::page_path(first + i), json),
            (format::text_path(first + i), text),
        ] {
            digests.push((path.clone(), digest(&path, &bytes)));
            sink(path, bytes)?;
        }
    }
    Ok(Batch {
        terms,
        pages,
        filters,
        digests,
    })
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

/// Builds one language's index of `page_count` pages, each page's record made by
/// `record` when it is read, handing each file (path inside the language's folder, bytes)
/// to `sink` as it is made; the manifest comes last.
pub fn build(
    lang: &str,
    page_count: usize,
    record: &Records,
    sink: &super::Sink,
) -> Result<(), String> {
    build_in_ranges(lang, page_count, record, sink, POSTINGS_PER_RANGE)
}

/// [`build`], laying out at most `per_range` postings at a time (unless one term has
/// more); the files are the same whatever it is.
pub(super) fn build_in_ranges(
    lang: &str,
    page_count: usize,
    record: &Records,
    sink: &super::Sink,
    per_range: usize,
) -> Result<(), String> {
    let started = std::time::Instant::now();
    let stemmer_name = words::stemmer_name(lang);
    let stemmer = words::stemmer(lang);

    // Pages are read a wave at a time (its batches in parallel), and each batch's terms
    // are merged into the vocabulary at once, so the batches' own tables of terms never
    // wait in memory together: what stays is each page's terms as vocabulary numbers with
    // their weights, in two flat arrays (6 bytes a term a page). The files of each page's
    // result are handed on as the page is read, so its record is made once and dropped
    // with its batch; only the files' digests stay, for the build id, and the filters'
    // pages.
    let mut ids = Vocabulary::default();
    let mut waves: Vec<Wave> = Vec::new();
    let mut digests: Vec<(String, [u8; 20])> = Vec::with_capacity(2 * page_count);
    let mut values: BTreeMap<String, BTreeMap<String, Vec<u32>>> = BTreeMap::new();
    let wave = BATCH * WAVE_PER_THREAD * rayon::current_num_threads().max(1);
    let (mut scratch, mut terms) = (Vec::new(), Vec::new());
    for wave_start in (0..page_count).step_by(wave) {
        let wave_end = (wave_start + wave).min(page_count);
        let batches: Vec<Batch> = (wave_start..wave_end)
            .step_by(BATCH)
            .collect::<Vec<_>>()
            .into_par_iter()
            .map(|first| {
                let count = BATCH.min(wave_end - first);
                read_batch(first, count, record, stemmer.as_ref(), sink)
            })
            .collect::<Result<_, String>>()?;
        // Each wave's bytes are made at their exact size: one array for all pages would
        // grow by doubling and could hold twice what it needs.
        let mut read = Wave {
            data: Vec::new(),
            ends: Vec::with_capacity(wave_end - wave_start),
            lens: Vec::with_capacity(wave_end - wave_start),
        };
        for b in batches {
            digests.extend(b.digests);
            let first = wave_start + read.lens.len();
            for (i, filters) in b.filters.into_iter().enumerate() {
                for (key, value) in filters {
                    let pages = values.entry(key).or_default().entry(value).or_default();
                    let page = (first + i) as u32;
                    if pages.last() != Some(&page) {
                        pages.push(page);
                    }
                }
            }
            let number: Vec<u32> = b.terms.into_iter().map(|t| ids.number(&t)).collect();
            for p in b.pages {
                terms.clear();
                terms.extend(
                    p.terms
                        .iter()
                        .map(|&(t, w)| (number[t as usize], w.min(u32::from(u16::MAX)) as u16)),
                );
                terms.sort_unstable();
                Wave::put(&mut scratch, &terms);
                read.ends.push(scratch.len() as u32);
                read.lens.push(p.len);
            }
        }
        read.data = scratch.as_slice().to_vec();
        scratch.clear();
        waves.push(read);
    }
    drop(scratch);
    crate::timing("search: pages read", started);

    // The vocabulary, in byte order; `rank` turns a term's number into its place there.
    // `order` the numbers in that order.
    ids.table = HashTable::new();
    let mut order: Vec<u32> = (0..ids.len() as u32).collect();
    order.par_sort_unstable_by(|&a, &b| ids.term(a).cmp(ids.term(b)));
    let mut rank = vec![0u32; ids.len()];
    for (place, &id) in order.iter().enumerate() {
        rank[id as usize] = place as u32;
    }
    // Each page's terms numbered by their place in the vocabulary, in that order, and how
    // many pages each term is on.
    waves.par_iter_mut().for_each(|w| {
        let (mut data, mut terms) = (Vec::new(), Vec::new());
        let mut at = 0usize;
        for i in 0..w.ends.len() {
            let (end, mut t) = (w.ends[i] as usize, 0u32);
            terms.clear();
            while at < end {
                let (gap, weight, next) = next_term(&w.data, at);
                t += gap;
                terms.push((rank[t as usize], weight));
                at = next;
            }
            terms.sort_unstable();
            Wave::put(&mut data, &terms);
            w.ends[i] = data.len() as u32;
        }
        w.data = data.as_slice().to_vec();
    });
    drop(rank);
    let terms = order.len();
    // The term in place `t` of the vocabulary.
    let vocab = |t: usize| ids.term(order[t]);
    let mut df = vec![0u32; terms];
    for w in &waves {
        let mut at = 0usize;
        for &end in &w.ends {
            let mut t = 0u32;
            while at < end as usize {
                let (gap, _, next) = next_term(&w.data, at);
                t += gap;
                df[t as usize] += 1;
                at = next;
            }
        }
    }
    let total_len: u64 = waves
        .iter()
        .flat_map(|w| &w.lens)
        .map(|&l| u64::from(l))
        .sum();
    let avg_len = (total_len as f64 / page_count.max(1) as f64).max(1.0);
    let scale = scale(page_count);
    crate::timing("search: vocabulary", started);

    // The postings, by term in page order, a range of terms at a time (a few million
    // postings): each page's terms are in the vocabulary's order, so each range goes on
    // in each page where the previous one stopped, and every posting is read once. Each
    // range's terms are laid out by counting; their bodies go into one buffer (millions of
    // terms at 100,000 pages, too many for a vector each), a common term's postings file
    // is handed on as soon as it is made.
    // Where each page goes on: its next term's place in its wave's bytes, and the number
    // of the term before it.
    let mut at_page: Vec<(u32, u32)> = waves
        .iter()
        .flat_map(|w| (0..w.ends.len()).map(|i| (w.start(i) as u32, 0)))
        .collect();
    let mut body_bytes: Vec<u8> = Vec::new();
    let mut body_ends: Vec<usize> = Vec::with_capacity(terms);
    let mut files = 0u32;
    // (pages, term, file) of every term with a postings file of its own.
    let mut with_files: Vec<(u32, u32, u32)> = Vec::new();
    let mut lo = 0usize;
    while lo < terms {
        let mut hi = lo;
        let mut sum = 0usize;
        while hi < terms && (hi == lo || sum + df[hi] as usize <= per_range) {
            sum += df[hi] as usize;
            hi += 1;
        }
        let mut offsets = Vec::with_capacity(hi - lo + 1);
        let mut sum = 0usize;
        for &d in &df[lo..hi] {
            offsets.push(sum);
            sum += d as usize;
        }
        offsets.push(sum);
        let mut cursor = offsets.clone();
        let mut post_pages = vec![0u32; sum];
        let mut post_impacts = vec![0u8; sum];
        let mut page_no = 0usize;
        for w in &waves {
            for (i, &len) in w.lens.iter().enumerate() {
                let norm = K1 * (1.0 - B + B * f64::from(len) / avg_len);
                let end = w.ends[i] as usize;
                let (at, mut t) = at_page[page_no];
                let mut at = at as usize;
                while at < end {
                    let (gap, weight, next) = next_term(&w.data, at);
                    let term = (t + gap) as usize;
                    if term >= hi {
                        break;
                    }
                    t += gap;
                    at = next;
                    let tf = f64::from(weight) / 2.0;
                    let score = idf(page_count, df[term] as usize) * tf * (K1 + 1.0) / (tf + norm);
                    let slot = &mut cursor[term - lo];
                    post_pages[*slot] = page_no as u32;
                    post_impacts[*slot] = impact(score, scale);
                    *slot += 1;
                }
                at_page[page_no] = (at as u32, t);
                page_no += 1;
            }
        }
        drop(cursor);
        let postings = |t: usize| offsets[t - lo]..offsets[t - lo + 1];

        // Each term inline or in a file of its own.
        let external: Vec<bool> = (lo..hi)
            .into_par_iter()
            .map(|t| format::inline_len(&post_pages[postings(t)]) > format::INLINE_BYTES)
            .collect();
        let mut file_of = vec![u32::MAX; hi - lo];
        for (t, &e) in external.iter().enumerate() {
            if e {
                file_of[t] = files;
                with_files.push((df[lo + t], (lo + t) as u32, files));
                files += 1;
            }
        }
        // Every term's body: its page count, and its postings or the file they are in.
        const TERMS_PER_PART: usize = 4096;
        let parts: Vec<(Vec<u8>, Vec<usize>)> = (0..(hi - lo).div_ceil(TERMS_PER_PART))
            .into_par_iter()
            .map(|part| {
                let terms = lo + part * TERMS_PER_PART..(lo + (part + 1) * TERMS_PER_PART).min(hi);
                let mut bytes = Vec::new();
                let mut ends = Vec::with_capacity(terms.len());
                for t in terms {
                    let stored = if external[t - lo] {
                        Stored::File(file_of[t - lo])
                    } else {
                        Stored::Inline {
                            pages: post_pages[postings(t)].to_vec(),
                            impacts: post_impacts[postings(t)].to_vec(),
                        }
                    };
                    bytes.extend_from_slice(&format::term_body(df[t] as usize, &stored));
                    ends.push(bytes.len());
                }
                (bytes, ends)
            })
            .collect();
        for (bytes, ends) in parts {
            let base = body_bytes.len();
            body_bytes.extend_from_slice(&bytes);
            body_ends.extend(ends.into_iter().map(|e| base + e));
        }
        let common: Vec<(String, [u8; 20])> = (lo..hi)
            .into_par_iter()
            .filter(|&t| external[t - lo])
            .map(|t| {
                let pages = &post_pages[postings(t)];
                let impacts = &post_impacts[postings(t)];
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
                let path = format::postings_path(file_of[t - lo] as usize);
                let digest = digest(&path, &bytes);
                sink(path.clone(), bytes)?;
                Ok((path, digest))
            })
            .collect::<Result<_, String>>()?;
        digests.extend(common);
        lo = hi;
    }
    drop(waves);
    drop(at_page);
    let body = |t: usize| &body_bytes[if t == 0 { 0 } else { body_ends[t - 1] }..body_ends[t]];
    crate::timing("search: postings", started);

    // The common terms: those with a file on the most pages (ties: the first in byte order),
    // listed in byte order.
    with_files.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    with_files.truncate(format::COMMON_TERMS);
    with_files.sort_unstable_by_key(|&(_, t, _)| t);
    let common: Vec<(String, u32, u32)> = with_files
        .into_iter()
        .map(|(df, t, file)| (vocab(t as usize).to_string(), df, file))
        .collect();

    // The shards, cut by size.
    let vocabulary: usize = body_bytes.len() + ids.bytes.len() + 2 * terms;
    let shard_bytes = format::shard_bytes(vocabulary);
    let mut shards: Vec<Vec<u8>> = Vec::new();
    let mut separators: Vec<String> = Vec::new();
    let mut current: Vec<u8> = Vec::new();
    let mut count = 0usize;
    let mut prev: &[u8] = b"";
    for t in 0..terms {
        let (term, body) = (vocab(t).as_bytes(), body(t));
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
    drop(body_bytes);
    let mut out: Vec<(String, Vec<u8>)> = Vec::new();
    out.par_extend(
        shards
            .into_par_iter()
            .enumerate()
            .map(|(i, s)| (format::shard_path(i), s)),
    );

    // The filters.
    let mut filters = Vec::new();
    for (k, (key, vals)) in values.iter().enumerate() {
        for (i, pages) in vals.values().enumerate() {
            let mut bytes = Vec::new();
            format::put_set(&mut bytes, pages, page_count);
            out.push((format::filter_path(k, i), bytes));
        }
        filters.push((key.clone(), vals.keys().cloned().collect()));
    }

    digests.extend(
        out.iter()
            .map(|(path, bytes)| (path.clone(), digest(path, bytes))),
    );
    digests.sort_unstable();
    let manifest = Manifest {
        format: format::VERSION,
        build: build_id(&digests),
        lang: lang.to_string(),
        stemmer: stemmer_name.map(str::to_string),
        pages: page_count,
        shards: separators,
        scores: scores(page_count),
        filters,
        common,
    };
    out.into_par_iter()
        .try_for_each(|(path, bytes)| sink(path, bytes))?;
    sink(
        format::MANIFEST.to_string(),
        serde_json::to_vec(&manifest).expect("the manifest serialises"),
    )
}

fn with_count(count: usize, terms: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(terms.len() + 4);
    format::put_varint(&mut out, count as u64);
    out.extend_from_slice(terms);
    out
}

/// The text a result's excerpt is taken from: the summary and the body's text, cut at a
/// space before [`format::TEXT_CHARS`] characters.
fn excerpt_text(summary: &str, body: &str) -> String {
    let mut text = String::with_capacity(summary.len() + body.len() + 1);
    text.push_str(summary);
    text.push('\n');
    text.push_str(body);
    if let Some((cut, _)) = text.char_indices().nth(format::TEXT_CHARS) {
        let end = text[..cut]
            .rfind(char::is_whitespace)
            .filter(|&e| e > cut / 2)
            .unwrap_or(cut);
        text.truncate(end);
    }
    // The body's text ends its last block with a line break, which shows nothing.
    text.truncate(text.trim_end().len());
    text
}

/// A file's SHA-1, of its name and bytes.
fn digest(path: &str, bytes: &[u8]) -> [u8; 20] {
    use sha1::{Digest, Sha1};
    let mut h = Sha1::new();
    h.update(path.as_bytes());
    h.update([0]);
    h.update((bytes.len() as u64).to_le_bytes());
    h.update(bytes);
    h.finalize().into()
}

/// The build id: the start of a SHA-1 of every file's digest, in the order of their names,
/// so that it changes when any file does.
fn build_id(digests: &[(String, [u8; 20])]) -> String {
    use sha1::{Digest, Sha1};
    let mut h = Sha1::new();
    for (_, d) in digests {
        h.update(d);
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
        let t = excerpt_text("S", &"ord ".repeat(4000));
        assert!(t.chars().count() <= format::TEXT_CHARS);
        assert!(t.ends_with("ord"), "{:?}", &t[t.len() - 10..]);
    }
}
