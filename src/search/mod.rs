//! Search: the published challenges, solutions and pages indexed for searching in the
//! reader's browser, in signpost's own format, read by the theme's own small script
//! (`assets/search.js`, no WebAssembly, nothing from other sites).
//!
//! Why its own format (decision record, `bench/README.md` has both measured): the site used
//! Pagefind's, whose metadata file lists every page and whose index chunks grow with the
//! guide, so at 100,000 entries a one-word search downloaded 0.9–2.0 MB, and at 10,000 a
//! four-word one was already past the 300 KB budget. Here what a query downloads is bounded
//! by design, whatever the size of the guide: a small manifest, one vocabulary shard of at
//! most ~24 KB (before gzip) per word, for a common word one postings file of at most
//! `pages / 8` bytes plus a bounded head, and the files of the ten results shown.
//! `format.rs` describes the files.
//!
//! Records are fed from text already in memory (title, summary, tags and organisations,
//! and the body's text from the Markdown pass), not from rendered HTML, so nothing is parsed
//! twice and the index holds only the main content. Each record carries its page's language
//! and each language has its own index, with that language's stemming (Swedish "nycklarna"
//! and "nycklar" are one word). Filters are area, type and kind; a filter's pages are
//! fetched only when it is chosen. Drafts, archived entries, lists and the 404 page are not
//! indexed (`Model::search_records` decides that).
//!
//! - `words`: what a token is indexed as, and a query word looked up as;
//! - `index`: one language's terms, weights and impacts, into files;
//! - `format`: the bytes of the files, written and read;
//! - `query`: a query answered in Rust, by the browser's rules (for the tests).

mod format;
mod index;
pub mod query;
mod words;

use std::collections::BTreeMap;

use rayon::prelude::*;

pub use format::{Manifest, PageFile};

/// One searchable page.
#[derive(Debug, Clone)]
pub struct Record {
    /// The page's URL below the site's base path, without a leading `/`.
    pub url: String,
    /// ISO 639-1 language code.
    pub lang: String,
    pub title: String,
    pub summary: String,
    /// Tags and organisations: words that weigh more than the body's.
    pub keywords: String,
    /// The body as plain text.
    pub body: String,
    /// What a result shows under its title (type, area).
    pub meta: Vec<String>,
    pub filters: BTreeMap<String, Vec<String>>,
}

/// The folder of the index under the site root; each language's index is in a folder of
/// its own below it (`search/data/sv/`).
pub const BUNDLE: &str = "search/data";

/// The folder of a language's index under the site root (`search/data/sv/`).
pub fn folder(lang: &str) -> String {
    format!("{BUNDLE}/{lang}/")
}

/// Builds the index of each of the site's languages (empty for a language without
/// records); returns (path under the site root, bytes) for every file of it. One record per
/// URL and language: a later record replaces an earlier one in its place.
pub fn build(
    site_langs: &[String],
    records: Vec<Record>,
) -> Result<Vec<(String, Vec<u8>)>, String> {
    let mut langs: BTreeMap<&str, Vec<&Record>> = BTreeMap::new();
    for lang in site_langs {
        langs.entry(lang.as_str()).or_default();
    }
    let mut slot: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for r in &records {
        let pages = langs.entry(r.lang.as_str()).or_default();
        match slot.get(&(r.lang.as_str(), r.url.as_str())) {
            Some(&i) => pages[i] = r,
            None => {
                slot.insert((r.lang.as_str(), r.url.as_str()), pages.len());
                pages.push(r);
            }
        }
    }
    let mut files: Vec<(String, Vec<u8>)> = langs
        .into_par_iter()
        .flat_map_iter(|(lang, pages)| {
            index::build(lang, &pages)
                .into_iter()
                .map(move |(path, bytes)| (format!("{}{path}", folder(lang)), bytes))
        })
        .collect();
    files.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(files)
}

/// Reads a language's manifest (for tests and tools).
pub fn read_manifest(bytes: &[u8]) -> Result<Manifest, String> {
    serde_json::from_slice(bytes).map_err(|e| format!("the manifest: {e}"))
}

/// Reads a page's file (for tests and tools).
pub fn read_page(bytes: &[u8]) -> Result<PageFile, String> {
    serde_json::from_slice(&format::gunzip(bytes)?).map_err(|e| format!("a page file: {e}"))
}
