//! A query answered from the index's files, in Rust: the same rules as the browser's code
//! (`assets/search.js`), written a second time so the tests can hold the two to the same
//! results and the files to what the writer meant. Not used by `build` or `serve`.
//!
//! The rules: a query's words are its whitespace-separated tokens, each as its term
//! (`words::query_term`), repeats dropped, at most [`MAX_WORDS`]. A page matches when it has
//! every word (and every chosen filter: any chosen value of a filter, all filters). The last
//! word also matches the index's terms that start with it, when it has at least
//! [`PREFIX_CHARS`] characters: those in its own shard and, when the next shard starts with
//! it too, in that one (no further), and of those kept in postings files of their own only
//! the [`PREFIX_FILES`] on the most pages; such a term scores its score
//! times the word's length over its own (in bytes, rounded down). A word's score on a page
//! is the best of its terms' there; a page's score is the sum of its words'. A word that
//! matches nothing in the index is left out (a misspelt or absent word does not empty the
//! results; no results when no word matches anything). Results are
//! ordered by score, then by page number. With no word but a filter, every page of the
//! filter matches, in page order.

use super::format::{self, Manifest, Stored};
use super::words;

pub const MAX_WORDS: usize = 8;
pub const PREFIX_CHARS: usize = 3;
pub const PREFIX_FILES: usize = 2;

/// The answer to a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    /// Page numbers, best first, and their scores.
    pub ranked: Vec<(u32, u64)>,
    /// The files read, besides the manifest (for the byte budget).
    pub files: Vec<String>,
}

/// The query's words as looked up (terms), in order.
pub fn query_words(query: &str, stemmer: Option<&str>) -> Vec<String> {
    let stemmer = stemmer.and_then(words::stemmer);
    let mut out: Vec<String> = Vec::new();
    for token in words::tokens(query) {
        if let Some(term) = words::query_term(token, stemmer.as_ref()) {
            if !out.contains(&term) {
                out.push(term);
            }
        }
        if out.len() == MAX_WORDS {
            break;
        }
    }
    out
}

/// Answers `query` with `filters` (key, chosen values) from the files of a language's
/// index, `read` giving a file's bytes by its path below the language's folder.
pub fn answer(
    read: &dyn Fn(&str) -> Result<Vec<u8>, String>,
    query: &str,
    filters: &[(String, Vec<String>)],
) -> Result<Answer, String> {
    let manifest: Manifest = serde_json::from_slice(&read(format::MANIFEST)?)
        .map_err(|e| format!("the manifest: {e}"))?;
    let n = manifest.pages;
    let mut files: Vec<String> = Vec::new();
    let mut load = |path: String| -> Result<Vec<u8>, String> {
        let bytes = read(&path)?;
        files.push(path);
        Ok(bytes)
    };

    // Pages of the filters: None when no filter is chosen.
    let mut allowed: Option<Vec<bool>> = None;
    for (key, chosen) in filters {
        let Some(k) = manifest.filters.iter().position(|f| &f.0 == key) else {
            continue;
        };
        let mut any = vec![false; n];
        for value in chosen {
            let Some(i) = manifest.filters[k].1.iter().position(|v| v == value) else {
                continue;
            };
            let bytes = load(format::filter_path(k, i))?;
            for p in format::Reader::new(&bytes).set(n)? {
                any[p as usize] = true;
            }
        }
        allowed = Some(match allowed {
            None => any,
            Some(prev) => prev.iter().zip(&any).map(|(a, b)| *a && *b).collect(),
        });
    }

    let terms = query_words(query, manifest.stemmer.as_deref());
    if terms.is_empty() {
        let ranked = match &allowed {
            Some(a) => (0..n as u32)
                .filter(|&p| a[p as usize])
                .map(|p| (p, 0))
                .collect(),
            None => Vec::new(),
        };
        return Ok(Answer { ranked, files });
    }

    let mut total: Vec<Option<u64>> = vec![Some(0); n];
    let mut known = false;
    for (w, term) in terms.iter().enumerate() {
        let prefix = w + 1 == terms.len() && term.chars().count() >= PREFIX_CHARS;
        let t = term.as_bytes();
        let shard = manifest.shards.partition_point(|s| s.as_bytes() <= t);
        let mut entries = format::read_shard(&load(format::shard_path(shard))?)?;
        // The next shard's first term starts with the word exactly when the manifest's
        // start of it does (`format::separator`): its completions go on there.
        if prefix
            && manifest
                .shards
                .get(shard)
                .is_some_and(|s| s.as_bytes().starts_with(t))
        {
            entries.extend(format::read_shard(&load(format::shard_path(shard + 1))?)?);
        }
        let mut matched: Vec<&format::ShardTerm> = Vec::new();
        let mut completions: Vec<&format::ShardTerm> = Vec::new();
        for e in &entries {
            if e.term == t {
                matched.push(e);
            } else if prefix && e.term.starts_with(t) {
                completions.push(e);
            }
        }
        let mut in_files: Vec<&format::ShardTerm> = completions
            .iter()
            .copied()
            .filter(|e| matches!(e.stored, Stored::File(_)))
            .collect();
        // Most pages first; on a tie, the earlier term.
        in_files.sort_by(|a, b| b.df.cmp(&a.df).then(a.term.cmp(&b.term)));
        in_files.truncate(PREFIX_FILES);
        for e in completions {
            if matches!(e.stored, Stored::Inline { .. }) || in_files.contains(&e) {
                matched.push(e);
            }
        }

        if matched.is_empty() {
            continue;
        }
        known = true;
        let mut best: Vec<Option<u64>> = vec![None; n];
        for e in matched {
            let (num, den) = if e.term == t {
                (1, 1)
            } else {
                (t.len() as u64, e.term.len() as u64)
            };
            let mut put = |p: u32, impact: u8| {
                let s = u64::from(manifest.scores[impact as usize]) * num / den;
                let slot = &mut best[p as usize];
                *slot = Some(slot.map_or(s, |b: u64| b.max(s)));
            };
            match &e.stored {
                Stored::Inline { pages, impacts } => {
                    for (&p, &i) in pages.iter().zip(impacts) {
                        put(p, i);
                    }
                }
                Stored::File(f) => {
                    let common =
                        format::read_common(&load(format::postings_path(*f as usize))?, n)?;
                    let mut head = common.head.iter().peekable();
                    for p in common.pages {
                        let impact = match head.peek() {
                            Some(&&(hp, hi)) if hp == p => {
                                head.next();
                                hi
                            }
                            _ => common.floor,
                        };
                        put(p, impact);
                    }
                }
            }
        }
        for (sum, b) in total.iter_mut().zip(best) {
            *sum = match (*sum, b) {
                (Some(s), Some(b)) => Some(s + b),
                _ => None,
            };
        }
    }
    if !known {
        return Ok(Answer {
            ranked: Vec::new(),
            files,
        });
    }
    let mut ranked: Vec<(u32, u64)> = total
        .into_iter()
        .enumerate()
        .filter(|(p, s)| s.is_some() && allowed.as_ref().is_none_or(|a| a[*p]))
        .map(|(p, s)| (p as u32, s.unwrap_or_default()))
        .collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    Ok(Answer { ranked, files })
}
