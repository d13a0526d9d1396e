//! Runtime: Pagefind's browser files (`pagefind.js`, `pagefind-worker.js`, the WebAssembly
//! for each language and for none), taken from the `pagefind` crate so they always match
//! its version, with the facts about them the entry file repeats (version, which languages
//! have WebAssembly of their own, the characters kept in words).
//!
//! The crate hands them out only with an index, so a throwaway index of one tiny record per
//! language is built for them, once per language per process (signpost serve rebuilds the
//! index often). Not here: the index itself (`index.rs`), or Pagefind's ready-made
//! interfaces, which the theme does not use and which are not published.

use std::collections::BTreeMap;
use std::sync::Mutex;

use pagefind::api::PagefindIndex;
use pagefind::options::PagefindServiceConfig;

/// Browser files and facts for the languages of one index.
pub struct Runtime {
    pub version: String,
    /// `include_characters` of the entry file, as the crate writes it.
    pub include_characters: serde_json::Value,
    /// Per language: the `wasm` the entry file names (none for a language without a
    /// stemmer).
    pub wasm: BTreeMap<String, Option<String>>,
    /// Names below the bundle folder, and bytes.
    pub files: Vec<(String, Vec<u8>)>,
}

/// What a language adds: the `wasm` its entry names, and its WebAssembly file (name, bytes)
/// when it has one.
#[derive(Clone, Default)]
struct LangFiles {
    wasm: Option<String>,
    file: Option<(String, Vec<u8>)>,
}

struct Cache {
    version: String,
    include_characters: serde_json::Value,
    common: Vec<(String, Vec<u8>)>,
    langs: BTreeMap<String, LangFiles>,
}

static CACHE: Mutex<Option<Cache>> = Mutex::new(None);

/// Pagefind's language for pages without one; it never has WebAssembly of its own.
const UNKNOWN: &str = "unknown";

/// Pagefind's own ready-made interfaces (the theme has its own search page).
fn is_ui(file: &str) -> bool {
    file.starts_with("pagefind-ui.")
        || file.starts_with("pagefind-component-ui.")
        || file.starts_with("pagefind-modular-ui.")
        || file.starts_with("pagefind-highlight.")
}

/// The browser files for an index in `langs`.
pub fn for_languages(langs: &[&str]) -> Result<Runtime, String> {
    let mut cache = CACHE.lock().unwrap_or_else(|e| e.into_inner());
    let missing: Vec<&str> = langs
        .iter()
        .copied()
        .filter(|l| *l != UNKNOWN && cache.as_ref().is_none_or(|c| !c.langs.contains_key(*l)))
        .collect();
    if cache.is_none() || !missing.is_empty() {
        let fresh = throwaway(&missing)?;
        match cache.as_mut() {
            Some(c) => c.langs.extend(fresh.langs),
            None => *cache = Some(fresh),
        }
    }
    let c = cache.as_ref().expect("filled above");
    let mut files = c.common.clone();
    let mut wasm = BTreeMap::new();
    for &lang in langs {
        let l = c.langs.get(lang).cloned().unwrap_or_default();
        files.extend(l.file);
        wasm.insert(lang.to_string(), l.wasm);
    }
    Ok(Runtime {
        version: c.version.clone(),
        include_characters: c.include_characters.clone(),
        wasm,
        files,
    })
}

/// Builds an index of one record per language with the crate and keeps its browser files.
fn throwaway(langs: &[&str]) -> Result<Cache, String> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|e| format!("cannot start the search indexer: {e}"))?;
    let files = runtime.block_on(async {
        let options = PagefindServiceConfig::builder().build();
        let mut index =
            PagefindIndex::new(Some(options)).map_err(|e| format!("search index: {e}"))?;
        for (i, lang) in langs.iter().enumerate() {
            index
                .add_custom_record(
                    format!("/{i}/"),
                    "x".into(),
                    lang.to_string(),
                    None,
                    None,
                    None,
                )
                .await
                .map_err(|e| format!("search index: {e}"))?;
        }
        index
            .get_files()
            .await
            .map_err(|e| format!("cannot build the search index: {e}"))
    })?;

    let mut entry: Option<serde_json::Value> = None;
    let mut common = Vec::new();
    let mut wasm_files: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    for f in files {
        let name = f.filename.to_string_lossy().replace('\\', "/");
        if name == "pagefind-entry.json" {
            entry = Some(
                serde_json::from_slice(&f.contents)
                    .map_err(|e| format!("Pagefind's entry file: {e}"))?,
            );
        } else if is_ui(&name) || name.contains('/') || name.contains(".pf_") {
            // an interface not used, or the throwaway index itself
        } else if let Some(lang) = name
            .strip_prefix("wasm.")
            .and_then(|n| n.strip_suffix(".pagefind"))
            .filter(|l| *l != UNKNOWN)
        {
            wasm_files.insert(lang.to_string(), f.contents);
        } else {
            common.push((name, f.contents));
        }
    }
    let entry = entry.ok_or("Pagefind wrote no entry file")?;
    let mut langs_out = BTreeMap::new();
    for &lang in langs {
        let wasm = entry["languages"][lang]["wasm"]
            .as_str()
            .map(str::to_string);
        let file = wasm_files
            .remove(lang)
            .map(|bytes| (format!("wasm.{lang}.pagefind"), bytes));
        langs_out.insert(lang.to_string(), LangFiles { wasm, file });
    }
    Ok(Cache {
        version: entry["version"]
            .as_str()
            .ok_or("Pagefind's entry file has no version")?
            .to_string(),
        include_characters: entry["include_characters"].clone(),
        common,
        langs: langs_out,
    })
}
