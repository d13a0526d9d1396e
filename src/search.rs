//! Search: the published challenges, solutions and pages indexed with Pagefind, in-process.
//!
//! Records are fed from text already in memory (title, summary and the body's text from
//! the Markdown pass), not from rendered HTML, so nothing is parsed twice and the index holds
//! only the main content (no menus, footers or review boxes). Each record carries its page's
//! language, so Pagefind applies that language's stemming (Swedish: "nycklarna" finds
//! "nyckel"), and filters for area, type and kind (tags and organisations are searchable
//! words: as filters their indexes would be downloaded with every query). Pagefind's files,
//! its browser scripts included, are returned for the site to write; nothing is fetched
//! from elsewhere. Drafts, archived entries, lists and the 404 page are not indexed.

use std::collections::BTreeMap;

use pagefind::api::PagefindIndex;
use pagefind::options::PagefindServiceConfig;

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

/// Pagefind's own ready-made interfaces are not used (the theme has its own search page),
/// so they are not published.
fn is_needed(file: &str) -> bool {
    !(file.starts_with("pagefind-ui.")
        || file.starts_with("pagefind-component-ui.")
        || file.starts_with("pagefind-modular-ui.")
        || file.starts_with("pagefind-highlight."))
}

/// The folder of the index under the site root.
pub const BUNDLE: &str = "pagefind";

/// Builds the index; returns (path under the site root, bytes) for every file of it.
///
/// One index: splitting it in two, built side by side and merged in the browser, took a
/// third off the build at 10,000 entries but added about 100 KB to every query (each part
/// brings its own metadata and filter files), so readers would pay for it (bench/README.md).
pub fn build(records: Vec<Record>) -> Result<Vec<(String, Vec<u8>)>, String> {
    let mut files = build_bundle(BUNDLE, records)?;
    files.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(files)
}

fn build_bundle(dir: &str, records: Vec<Record>) -> Result<Vec<(String, Vec<u8>)>, String> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|e| format!("cannot start the search indexer: {e}"))?;
    runtime.block_on(async move {
        let options = PagefindServiceConfig::builder()
            .keep_index_url(false)
            .build();
        let mut index =
            PagefindIndex::new(Some(options)).map_err(|e| format!("search index: {e}"))?;
        for r in records {
            index
                .add_custom_record(
                    r.url.clone(),
                    r.content,
                    r.lang,
                    Some(r.meta),
                    Some(r.filters),
                    None,
                )
                .await
                .map_err(|e| format!("cannot index {}: {e}", r.url))?;
        }
        let files = index
            .get_files()
            .await
            .map_err(|e| format!("cannot build the search index: {e}"))?;
        Ok(files
            .into_iter()
            .filter(|f| is_needed(&f.filename.to_string_lossy()))
            .map(|f| {
                let rel = f.filename.to_string_lossy().replace('\\', "/");
                (format!("{dir}/{rel}"), f.contents)
            })
            .collect())
    })
}
