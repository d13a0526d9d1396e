//! Search: the published challenges, solutions and pages indexed for Pagefind's browser
//! search, in Pagefind 1.6.0's format, by signpost's own indexer.
//!
//! Records are fed from text already in memory (title, summary and the body's text from
//! the Markdown pass), not from rendered HTML, so nothing is parsed twice and the index holds
//! only the main content (no menus, footers or review boxes). Each record carries its page's
//! language, so its words are stemmed as that language's (Swedish "nycklarna" and "nycklar"
//! are one word), and filters for area, type and kind (tags and organisations are searchable
//! words: as filters their indexes would be downloaded with every query). Drafts, archived
//! entries, lists and the 404 page are not indexed (`Model::search_records` decides that).
//!
//! The files are the ones Pagefind 1.6.0 writes for the same records given one by one to
//! `PagefindIndex::add_custom_record`: the same names and, gunzipped, the same bytes, which
//! `tests/search_oracle.rs` checks against the `pagefind` crate itself. That includes its
//! rules for pages: one page per URL (a later record replaces an earlier one in its place),
//! pages without a word in their text left out, pages of the language `unknown` joining the
//! language with the most pages. What is left out is what signpost's records never have:
//! sort keys, and the word segmentation of Pagefind's "extended" build (Chinese, Japanese,
//! Thai), which the `pagefind` dependency does not enable either. Only the gzip level
//! differs (`encode::GZIP_LEVEL`).
//!
//! It is fast where Pagefind's indexer is slow (records one at a time behind a lock, each
//! URL looked up in a list of all pages, every page's words cloned twice, every file gzipped
//! at level 9 in turn): pages are read in parallel batches, each distinct token is read once
//! per language, and each language's index is put together by counting, its chunks encoded
//! and gzipped side by side. Pagefind's browser scripts and WebAssembly still come from the
//! `pagefind` crate, so they always match its format; nothing is fetched from elsewhere.
//!
//! - `words`: what a token is indexed as (folding, diacritics, stemming, compounds, emoji);
//! - `page`: one record's positions, weights, meta words and fragment, in two passes;
//! - `index`: the vocabulary, and a language's word chunks, filters and metadata file;
//! - `encode`: CBOR, hashes and file names, gzip;
//! - `runtime`: Pagefind's browser files.

mod encode;
mod index;
mod page;
mod runtime;
mod words;

use std::borrow::Cow;
use std::collections::BTreeMap;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use index::{LangIndex, Source, Vocabulary};

/// One searchable page.
#[derive(Debug, Clone)]
pub struct Record {
    /// The page's URL below the site's base path, starting with `/`.
    pub url: String,
    /// ISO 639-1 language code.
    pub lang: String,
    pub content: String,
    /// `title`, `summary`, `area` …: shown in results.
    pub meta: BTreeMap<String, String>,
    pub filters: BTreeMap<String, Vec<String>>,
}

/// The folder of the index under the site root.
pub const BUNDLE: &str = "pagefind";

/// Pagefind's language of pages without one; they join the site's main language.
const UNKNOWN: &str = "unknown";

/// Builds the index; returns (path under the site root, bytes) for every file of it.
///
/// One index: splitting it in two, built side by side and merged in the browser, took a
/// third off the build at 10,000 entries (with Pagefind's own indexer) but added about
/// 100 KB to every query (each part brings its own metadata and filter files), so readers
/// would pay for it (bench/README.md).
pub fn build(records: Vec<Record>) -> Result<Vec<(String, Vec<u8>)>, String> {
    let gzip_level = encode::GZIP_LEVEL;
    let sources = sources(&records);
    let (vocab, mut pages) = read_pages(&sources, gzip_level);

    let langs = languages(&sources, &pages);
    let names: Vec<&str> = langs.keys().copied().collect();
    let runtime = runtime::for_languages(&names)?;
    let chunk_size = index::chunk_size();
    let members: Vec<(&str, Vec<(&Source, page::PageWords)>)> = langs
        .iter()
        .map(|(&lang, members)| {
            let pages = members
                .iter()
                .map(|&i| (&sources[i], pages[i].take().expect("a page with words")))
                .collect();
            (lang, pages)
        })
        .collect();
    let indexes: Vec<(&str, LangIndex)> = members
        .into_par_iter()
        .map(|(lang, pages)| {
            let index = index::assemble(
                lang,
                &runtime.version,
                pages,
                &vocab,
                chunk_size,
                gzip_level,
            );
            (lang, index)
        })
        .collect();

    let entry = entry_file(&runtime, &indexes);
    let mut files: Vec<(String, Vec<u8>)> = indexes
        .into_iter()
        .flat_map(|(_, index)| index.files)
        .collect();
    files.extend(runtime.files);
    files.push(("pagefind-entry.json".into(), entry.into_bytes()));
    let mut files: Vec<(String, Vec<u8>)> = files
        .into_iter()
        .map(|(name, bytes)| (format!("{BUNDLE}/{name}"), bytes))
        .collect();
    files.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(files)
}

/// Reads every page: in batches of one language (a few batches per thread), each batch
/// numbering its tokens and writing its fragments; then each distinct token of a language
/// once (the vocabulary); then each page's words as the vocabulary's forms. `None` for a
/// page without words.
fn read_pages(sources: &[Source], gzip_level: u32) -> (Vocabulary, Vec<Option<page::PageWords>>) {
    let mut group_of_lang: BTreeMap<&str, usize> = BTreeMap::new();
    let mut stemmers: Vec<Option<pagefind_stem::Stemmer>> = Vec::new();
    let mut members: Vec<Vec<usize>> = Vec::new();
    for (i, s) in sources.iter().enumerate() {
        let lang = s.record.lang.as_str();
        let g = *group_of_lang.entry(lang).or_insert_with(|| {
            stemmers.push(words::stemmer(lang));
            members.push(Vec::new());
            members.len() - 1
        });
        members[g].push(i);
    }
    let per_batch = |n: usize| n.div_ceil(4 * rayon::current_num_threads()).max(32);
    let batches: Vec<(usize, &[usize])> = members
        .iter()
        .enumerate()
        .flat_map(|(g, m)| m.chunks(per_batch(m.len())).map(move |c| (g, c)))
        .collect();

    let (interners, scans): (Vec<page::Interner>, Vec<Vec<page::Scan>>) = batches
        .par_iter()
        .map(|&(_, batch)| {
            let mut interner = page::Interner::default();
            let scans = batch
                .iter()
                .map(|&i| {
                    let s = &sources[i];
                    page::scan(s.record, &s.meta, &s.filters, &mut interner, gzip_level)
                })
                .collect();
            (interner, scans)
        })
        .unzip();
    let groups: Vec<(usize, &page::Interner)> =
        batches.iter().map(|b| b.0).zip(&interners).collect();
    let vocab = Vocabulary::build(&groups, &stemmers);
    drop(interners);

    let read: Vec<Vec<Option<page::PageWords>>> = scans
        .into_par_iter()
        .enumerate()
        .map(|(b, scans)| {
            let mut scratch = page::Scratch::new(vocab.form_count());
            scans
                .into_iter()
                .map(|scan| page::words(scan, |t| vocab.lookup(b, t), &mut scratch))
                .collect()
        })
        .collect();
    let mut pages: Vec<Option<page::PageWords>> = (0..sources.len()).map(|_| None).collect();
    for ((_, batch), read) in batches.iter().zip(read) {
        for (&i, page) in batch.iter().zip(read) {
            pages[i] = page;
        }
    }
    (vocab, pages)
}

/// The records as Pagefind keeps them: one page per URL (a later record replaces an
/// earlier one in its place), Pagefind's private `___PAGEFIND_…` markers removed from meta
/// fields and filter values.
fn sources(records: &[Record]) -> Vec<Source<'_>> {
    let mut slot_of: FxHashMap<&str, usize> = FxHashMap::default();
    let mut kept: Vec<&Record> = Vec::with_capacity(records.len());
    for r in records {
        match slot_of.get(r.url.as_str()) {
            Some(&slot) => kept[slot] = r,
            None => {
                slot_of.insert(&r.url, kept.len());
                kept.push(r);
            }
        }
    }
    kept.into_iter()
        .map(|record| {
            let meta = if record.meta.values().any(|v| v.contains(MARKER)) {
                Cow::Owned(
                    record
                        .meta
                        .iter()
                        .map(|(k, v)| (k.clone(), strip_markers(v).into_owned()))
                        .collect(),
                )
            } else {
                Cow::Borrowed(&record.meta)
            };
            let filters = if record
                .filters
                .values()
                .flatten()
                .any(|v| v.contains(MARKER))
            {
                Cow::Owned(
                    record
                        .filters
                        .iter()
                        .map(|(k, vs)| {
                            (
                                k.clone(),
                                vs.iter().map(|v| strip_markers(v).into_owned()).collect(),
                            )
                        })
                        .collect(),
                )
            } else {
                Cow::Borrowed(&record.filters)
            };
            Source {
                record,
                meta,
                filters,
            }
        })
        .collect()
}

const MARKER: &str = "___PAGEFIND_";

/// `s` without Pagefind's private markers: `___PAGEFIND_`, the non-space characters after
/// it (at least one), and one whitespace character after those.
fn strip_markers(s: &str) -> Cow<'_, str> {
    if !s.contains(MARKER) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find(MARKER) {
        let after = &rest[at + MARKER.len()..];
        let word = after.find(char::is_whitespace).unwrap_or(after.len());
        if word == 0 {
            out.push_str(&rest[..=at]);
            rest = &rest[at + 1..];
            continue;
        }
        out.push_str(&rest[..at]);
        let mut end = at + MARKER.len() + word;
        if let Some(c) = rest[end..].chars().next() {
            end += c.len_utf8(); // whitespace, as the word ended there
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The pages (by source) of each language's index, as Pagefind groups them: only pages with
/// words; pages of an unknown language join the language with the most pages (on a tie the
/// first alphabetically), or stand alone when there is no other.
fn languages<'s>(
    sources: &'s [Source],
    pages: &[Option<page::PageWords>],
) -> BTreeMap<&'s str, Vec<usize>> {
    let mut langs: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, s) in sources.iter().enumerate() {
        if pages[i].is_some() {
            langs.entry(s.record.lang.as_str()).or_default().push(i);
        }
    }
    if let Some(mut unknown) = langs.remove(UNKNOWN) {
        let primary = langs
            .iter()
            .max_by(|a, b| a.1.len().cmp(&b.1.len()).then_with(|| b.0.cmp(a.0)))
            .map(|(l, _)| *l)
            .unwrap_or(UNKNOWN);
        langs.entry(primary).or_default().append(&mut unknown);
    }
    langs
}

/// `pagefind-entry.json`: the version, each language's metadata file and page count, and
/// the characters kept in words.
fn entry_file(runtime: &runtime::Runtime, indexes: &[(&str, LangIndex)]) -> String {
    #[derive(serde::Serialize)]
    struct Entry<'a> {
        version: &'a str,
        languages: BTreeMap<&'a str, Lang<'a>>,
        include_characters: &'a serde_json::Value,
    }
    #[derive(serde::Serialize)]
    struct Lang<'a> {
        hash: &'a str,
        wasm: Option<&'a str>,
        page_count: usize,
    }
    let languages = indexes
        .iter()
        .map(|(lang, index)| {
            let wasm = runtime.wasm.get(*lang).and_then(|w| w.as_deref());
            (
                *lang,
                Lang {
                    hash: &index.meta_hash,
                    wasm,
                    page_count: index.page_count,
                },
            )
        })
        .collect();
    serde_json::to_string(&Entry {
        version: &runtime.version,
        languages,
        include_characters: &runtime.include_characters,
    })
    .expect("the entry file serialises")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn private_markers_are_removed_with_one_space_after() {
        assert_eq!(strip_markers("a ___PAGEFIND_x b"), "a b");
        assert_eq!(strip_markers("a___PAGEFIND_x"), "a");
        assert_eq!(strip_markers("a ___PAGEFIND_ b"), "a ___PAGEFIND_ b");
        assert_eq!(strip_markers("plain"), "plain");
    }
}
