//! Index: the vocabulary of all records, and one language's index put together from its
//! pages in Pagefind 1.6.0's layout.
//!
//! The vocabulary reads each distinct token once per language (the batches of pages number
//! their own tokens; the vocabulary maps those numbers to its own) and numbers what a token
//! is indexed as: *terms* (the indexed words) and *forms* (a term, or a term as spelled with
//! its diacritics). Pages then refer to forms by number, so putting a language's index
//! together is counting and copying: every term's postings in page order (a counting sort),
//! its spellings in the order Pagefind meets them, chunks cut in word order when they reach
//! `index_chunk_size` postings (Pagefind's measure), the filter indexes, the fragments'
//! names, and the metadata file that names them all. Nothing here is quadratic in pages or
//! words, and a page's postings are moved once, never cloned.
//!
//! Not here: reading a page (`page.rs`), bytes and names (`encode.rs`), and which pages go
//! into which language (`mod.rs`).

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use pagefind_stem::Stemmer;
use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::encode::{gzip, sha1_hex, Cbor, Names};
use super::page::{Entry, Interner, PageWords, TokenForms};
use super::words::analyse;
use super::Record;

/// Pagefind's default number of postings per index chunk (its `index_chunk_size`).
const CHUNK_SIZE: usize = 20_000;

/// The chunk size, which Pagefind lets `PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE` override.
pub fn chunk_size() -> usize {
    std::env::var("PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(CHUNK_SIZE)
}

/// A record as indexed: its meta fields and filters without Pagefind's private markers.
pub struct Source<'a> {
    pub record: &'a Record,
    pub meta: Cow<'a, BTreeMap<String, String>>,
    pub filters: Cow<'a, BTreeMap<String, Vec<String>>>,
}

/// One token's forms: a range of [`Vocabulary::token_forms`].
#[derive(Clone, Copy)]
struct TokenInfo {
    start: u32,
    len: u32,
    meta_len: u32,
    parts: u32,
}

/// Every distinct token of the records, what it is indexed as, and the numbered terms and
/// forms.
pub struct Vocabulary {
    /// Per batch of pages: its interner's numbers → entries of `infos`.
    tables: Vec<Vec<u32>>,
    infos: Vec<TokenInfo>,
    /// `(form, is a part)`, a range per token.
    token_forms: Vec<(u32, bool)>,
    /// Per form: its term and, for a spelling with diacritics, that spelling.
    forms: Vec<(u32, Option<Box<str>>)>,
    terms: Vec<Box<str>>,
}

impl Vocabulary {
    /// Reads the distinct tokens of the batches' interners, each batch given with the
    /// stemmer of its pages' language; a token is read once per language.
    pub fn build(batches: &[(usize, &Interner)], stemmers: &[Option<Stemmer>]) -> Self {
        let mut v = Vocabulary {
            tables: vec![Vec::new(); batches.len()],
            infos: Vec::new(),
            token_forms: Vec::new(),
            forms: Vec::new(),
            terms: Vec::new(),
        };
        let mut term_ids: FxHashMap<String, u32> = FxHashMap::default();
        let mut form_ids: FxHashMap<(u32, Option<String>), u32> = FxHashMap::default();
        for (group, stemmer) in stemmers.iter().enumerate() {
            // Each batch's tokens → this language's, numbered after those of the languages
            // before.
            let base = v.infos.len() as u32;
            let mut ids: FxHashMap<&str, u32> = FxHashMap::default();
            let mut fresh: Vec<&str> = Vec::new();
            for (b, (_, interner)) in batches.iter().enumerate().filter(|(_, x)| x.0 == group) {
                let mut table = vec![0u32; interner.ids.len()];
                for (token, &local) in &interner.ids {
                    table[local as usize] = *ids.entry(token.as_ref()).or_insert_with(|| {
                        fresh.push(token.as_ref());
                        base + fresh.len() as u32 - 1
                    });
                }
                v.tables[b] = table;
            }
            let analyses: Vec<_> = fresh
                .par_iter()
                .map(|t| analyse(t, stemmer.as_ref()))
                .collect();
            for analysis in analyses {
                let start = v.token_forms.len() as u32;
                let parts = analysis.parts() as u32;
                let len = analysis.terms.len() as u32;
                for term in analysis.terms {
                    let next = v.terms.len() as u32;
                    let term_id = match term_ids.get(term.word.as_str()) {
                        Some(&id) => id,
                        None => {
                            v.terms.push(term.word.as_str().into());
                            term_ids.insert(term.word, next);
                            next
                        }
                    };
                    let next = v.forms.len() as u32;
                    let form = *form_ids
                        .entry((term_id, term.original.clone()))
                        .or_insert_with(|| {
                            v.forms
                                .push((term_id, term.original.map(String::into_boxed_str)));
                            next
                        });
                    v.token_forms.push((form, term.part));
                }
                v.infos.push(TokenInfo {
                    start,
                    len,
                    meta_len: analysis.meta_len as u32,
                    parts,
                });
            }
        }
        v
    }

    /// The forms of token `token` of batch `batch`.
    pub fn lookup(&self, batch: usize, token: u32) -> TokenForms<'_> {
        let info = self.infos[self.tables[batch][token as usize] as usize];
        TokenForms {
            forms: &self.token_forms[info.start as usize..(info.start + info.len) as usize],
            meta_len: info.meta_len as usize,
            parts: info.parts as usize,
        }
    }

    /// How many forms there are.
    pub fn form_count(&self) -> usize {
        self.forms.len()
    }

    fn term_of(&self, form: u32) -> u32 {
        self.forms[form as usize].0
    }

    fn spelling(&self, form: u32) -> Option<&str> {
        self.forms[form as usize].1.as_deref()
    }
}

/// One language's index: its files, under the names they have below the bundle folder.
pub struct LangIndex {
    /// The metadata file's hash, as `pagefind-entry.json` names it.
    pub meta_hash: String,
    pub page_count: usize,
    pub files: Vec<(String, Vec<u8>)>,
}

/// Puts a language's index together from its pages, in page order.
pub fn assemble(
    lang: &str,
    version: &str,
    mut pages: Vec<(&Source, PageWords)>,
    vocab: &Vocabulary,
    chunk_size: usize,
    gzip_level: u32,
) -> LangIndex {
    let mut files = Vec::with_capacity(pages.len() + 64);

    // Meta fields are numbered site-wide (sorted); each page numbered its own.
    let fields: Vec<&str> = pages
        .iter()
        .flat_map(|(s, _)| s.meta.keys().map(String::as_str))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let field_maps: Vec<Vec<u16>> = pages
        .iter()
        .map(|(s, _)| {
            s.meta
                .keys()
                .map(|k| fields.binary_search(&k.as_str()).expect("a known field") as u16)
                .collect()
        })
        .collect();

    // Fragments, named in page order.
    let mut fragment_names = Names::for_fragments();
    let mut meta_pages = Vec::with_capacity(pages.len());
    for (_, words) in pages.iter_mut() {
        let full = format!("{lang}_{}", words.fragment_hash);
        let name = fragment_names.name(&full, lang);
        let fragment = std::mem::take(&mut words.fragment_gz);
        files.push((format!("fragment/{name}.pf_fragment"), fragment));
        meta_pages.push((name, words.word_count));
    }

    let filters = filter_indexes(lang, &pages);
    let chunks = word_chunks(lang, &mut pages, vocab, &field_maps, chunk_size, gzip_level);

    let mut meta = Cbor::new(64 * pages.len() + 64 * chunks.len());
    meta.array(6).str(version).array(meta_pages.len());
    for (hash, word_count) in &meta_pages {
        meta.array(3).str(hash).uint(*word_count as u64).str("");
    }
    meta.array(chunks.len());
    for c in &chunks {
        meta.array(3).str(&c.from).str(&c.to).str(&c.name);
    }
    meta.array(filters.len());
    for (filter, name, _) in &filters {
        meta.array(2).str(filter).str(name);
    }
    meta.array(0); // sorts: none
    meta.array(fields.len());
    for f in &fields {
        meta.str(f);
    }
    let meta = meta.into_bytes();
    // (Its name takes as many characters of the hash as the language has, plus eight.)
    let meta_hash = format!("{lang}_{}", first_chars(&sha1_hex(&meta), lang.len() + 8));

    for c in chunks {
        files.push((format!("index/{}.pf_index", c.name), c.bytes));
    }
    for (_, name, bytes) in filters {
        files.push((format!("filter/{name}.pf_filter"), gzip(&bytes, gzip_level)));
    }
    files.push((
        format!("pagefind.{meta_hash}.pf_meta"),
        gzip(&meta, gzip_level),
    ));
    LangIndex {
        meta_hash,
        page_count: pages.len(),
        files,
    }
}

fn first_chars(s: &str, chars: usize) -> &str {
    match s.char_indices().nth(chars) {
        Some((end, _)) => &s[..end],
        None => s,
    }
}

/// Each filter's index (filters and values sorted, pages in order, once per value the page
/// lists): `(filter, file name, CBOR)`.
fn filter_indexes(lang: &str, pages: &[(&Source, PageWords)]) -> Vec<(String, String, Vec<u8>)> {
    let mut by_filter: BTreeMap<&str, BTreeMap<&str, Vec<u64>>> = BTreeMap::new();
    for (number, (source, _)) in pages.iter().enumerate() {
        for (filter, values) in source.filters.iter() {
            for value in values {
                by_filter
                    .entry(filter)
                    .or_default()
                    .entry(value)
                    .or_default()
                    .push(number as u64);
            }
        }
    }
    let mut names = Names::for_chunks();
    by_filter
        .into_iter()
        .map(|(filter, values)| {
            let mut c = Cbor::new(256);
            c.array(2).str(filter).array(values.len());
            for (value, pages) in values {
                c.array(2).str(value).array(pages.len());
                for p in pages {
                    c.uint(p);
                }
            }
            let bytes = c.into_bytes();
            let name = names.name(&format!("{lang}_{}", sha1_hex(&bytes)), lang);
            (filter.to_string(), name, bytes)
        })
        .collect()
}

/// An index chunk: the range of words it holds (as the metadata announces it), its name
/// and its file (gzipped CBOR).
struct Chunk {
    from: String,
    to: String,
    name: String,
    bytes: Vec<u8>,
}

/// A term's postings on one page: the page's number and its entry.
type Slot = (u32, Entry);

/// The word index in chunks: every term with its pages (and its spellings with diacritics,
/// with theirs), sorted by term, cut after a chunk reaches `chunk_size` postings.
fn word_chunks(
    lang: &str,
    pages: &mut [(&Source, PageWords)],
    vocab: &Vocabulary,
    field_maps: &[Vec<u16>],
    chunk_size: usize,
    gzip_level: u32,
) -> Vec<Chunk> {
    // Every term's postings in page order, one array cut by `start` (a counting sort; the
    // pages' entries move there).
    let terms = vocab.terms.len();
    let mut start = vec![0u32; terms + 1];
    for (_, words) in pages.iter() {
        for e in &words.entries {
            start[vocab.term_of(e.form) as usize + 1] += 1;
        }
    }
    for t in 0..terms {
        start[t + 1] += start[t];
    }
    let mut next = start.clone();
    let empty = Entry {
        form: 0,
        body: (0, 0),
        body_len: 0,
        meta: (0, 0),
    };
    let mut slots: Vec<Slot> = vec![(0, empty); start[terms] as usize];
    for (number, (_, words)) in pages.iter_mut().enumerate() {
        for e in std::mem::take(&mut words.entries) {
            let at = &mut next[vocab.term_of(e.form) as usize];
            slots[*at as usize] = (number as u32, e);
            *at += 1;
        }
    }
    drop(next);
    let slots_of = |t: u32| &slots[start[t as usize] as usize..start[t as usize + 1] as usize];

    let mut words: Vec<u32> = (0..terms as u32)
        .filter(|&t| start[t as usize + 1] > start[t as usize])
        .collect();
    words.par_sort_unstable_by(|&a, &b| vocab.terms[a as usize].cmp(&vocab.terms[b as usize]));

    // Pagefind's measure of a word: per posting its positions plus one, plus one per
    // spelling with diacritics.
    let sizes: Vec<usize> = words
        .par_iter()
        .map(|&t| {
            let mut spellings: Vec<u32> = Vec::new();
            let mut size = 0;
            for (_, e) in slots_of(t) {
                size += (e.body_len + e.meta.1 - e.meta.0) as usize + 1;
                if vocab.spelling(e.form).is_some() && !spellings.contains(&e.form) {
                    spellings.push(e.form);
                }
            }
            size + spellings.len()
        })
        .collect();
    let mut cuts = Vec::new();
    let (mut from, mut size) = (0, 0);
    for (i, s) in sizes.iter().enumerate() {
        size += s;
        if size >= chunk_size {
            cuts.push(from..i + 1);
            from = i + 1;
            size = 0;
        }
    }
    if from < words.len() {
        cuts.push(from..words.len());
    }

    let pages: &[(&Source, PageWords)] = pages;
    let encoded: Vec<(Vec<u8>, String)> = cuts
        .par_iter()
        .map(|range| {
            let mut c = Cbor::new(64 * 1024);
            c.array(1).array(range.len());
            for &t in &words[range.clone()] {
                let slots = slots_of(t);
                let plain = |s: &&Slot| vocab.spelling(s.1.form).is_none();
                // Spellings in the order Pagefind meets them: by the first page that has
                // one, body text before meta fields there, then alphabetically.
                let mut spellings: Vec<(u32, bool, &str, u32)> = Vec::new();
                for &(page, e) in slots {
                    if let Some(s) = vocab.spelling(e.form) {
                        if !spellings.iter().any(|x| x.3 == e.form) {
                            spellings.push((page, e.body_len == 0, s, e.form));
                        }
                    }
                }
                spellings.sort_unstable();
                c.array(3).str(&vocab.terms[t as usize]);
                let n = slots.iter().filter(plain).count();
                write_postings(&mut c, pages, field_maps, n, slots.iter().filter(plain));
                c.array(spellings.len());
                for &(_, _, spelling, form) in &spellings {
                    c.array(2).str(spelling);
                    let of_form = |s: &&Slot| s.1.form == form;
                    let n = slots.iter().filter(of_form).count();
                    write_postings(&mut c, pages, field_maps, n, slots.iter().filter(of_form));
                }
            }
            let bytes = c.into_bytes();
            let hash = format!("{lang}_{}", sha1_hex(&bytes));
            (gzip(&bytes, gzip_level), hash)
        })
        .collect();

    let mut names = Names::for_chunks();
    let mut chunks: Vec<Chunk> = cuts
        .iter()
        .zip(encoded)
        .map(|(range, (bytes, hash))| Chunk {
            from: vocab.terms[words[range.start] as usize].to_string(),
            to: vocab.terms[words[range.end - 1] as usize].to_string(),
            name: names.name(&hash, lang),
            bytes,
        })
        .collect();
    // Neighbouring chunks announce only as much of their edge words as tells them apart.
    for i in 1..chunks.len() {
        let (left, right) = chunks.split_at_mut(i);
        let (a, b) = (&mut left[i - 1], &mut right[0]);
        let common = b
            .from
            .chars()
            .zip(a.to.chars())
            .take_while(|(x, y)| x == y)
            .count();
        let to: String = a.to.chars().take(common + 1).collect();
        let from: String = b.from.chars().take(common + 1).collect();
        if to >= a.from {
            a.to = to;
        }
        b.from = from;
    }
    chunks
}

/// A list of `n` postings: per page the page number (as the difference to the one before),
/// its body positions, and its meta positions with the fields numbered site-wide.
fn write_postings<'e>(
    c: &mut Cbor,
    pages: &[(&Source, PageWords)],
    field_maps: &[Vec<u16>],
    n: usize,
    postings: impl Iterator<Item = &'e Slot>,
) {
    c.array(n);
    let mut last = 0;
    for &(page, e) in postings {
        let words = &pages[page as usize].1;
        c.array(3).uint(u64::from(page - last));
        c.raw(&words.bytes[e.body.0 as usize..e.body.1 as usize]);
        let meta = &words.meta_locs[e.meta.0 as usize..e.meta.1 as usize];
        let fields = &field_maps[page as usize];
        c.ints(meta.iter().map(|&v| {
            if v < 0 {
                -(fields[(-v - 1) as usize] as i32) - 1
            } else {
                v
            }
        }));
        last = page;
    }
}
