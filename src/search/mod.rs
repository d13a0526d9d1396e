//! Search: the published challenges, solutions and pages indexed for searching in the
//! reader's browser, in signpost's own format, read by the theme's own small script
//! (`assets/search.js`, no WebAssembly, nothing from other sites).
//!
//! Why its own format (decision record, `bench/README.md` has both measured): the site used
//! Pagefind's, whose metadata file lists every page and whose index chunks grow with the
//! guide, so at 100,000 entries a one-word search downloaded 0.9–2.0 MB, and at 10,000 a
//! four-word one was already past the 300 KB budget. Here what a query downloads is bounded
//! by design, whatever the size of the guide: a small manifest, one vocabulary shard of
//! 4–16 KB per word, for a common word one postings file of at most `pages / 8` bytes plus
//! a bounded head, and the small files of the ten results shown and their excerpts' text.
//! `format.rs` describes the files.
//!
//! Records are fed from text already in memory (title, summary, tags and organisations,
//! and the body's text from the Markdown pass), not from rendered HTML, so nothing is parsed
//! twice and the index holds only the main content. Each record carries its page's language
//! and each language has its own index, with that language's stemming (Swedish "nycklarna"
//! and "nycklar" are one word). Filters are area, type and kind; a filter's pages are
//! fetched only when it is chosen. Drafts, archived entries, lists and the 404 page are not
//! indexed (`Model::search_docs` decides that).
//!
//! - `words`: what a token is indexed as, and a query word looked up as;
//! - `index`: one language's terms, weights and impacts, into files;
//! - `format`: the bytes of the files, written and read;
//! - `query`: a query answered in Rust, by the browser's rules (for the tests).

mod format;
mod index;
pub mod query;
mod words;

use std::borrow::Cow;
use std::collections::BTreeMap;

use rayon::prelude::*;

pub use format::{page_path, text_path, Manifest, PageFile};

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
    /// The body's Markdown (shared with its document, not copied); its readable text is
    /// made when the record is indexed.
    pub body: crate::markdown::Markdown,
    /// What a result shows under its title (type, area).
    pub meta: Vec<String>,
    /// The filters the page is found with: (filter, value), a pair per value.
    pub filters: Vec<(String, String)>,
}

/// A language's records, made when its index reads them (a batch of pages at a time, each
/// page once): the record of page `i`. Made on demand, so that the records of a large guide
/// are never all in memory at once.
pub type Records<'r> = dyn Fn(usize) -> Cow<'r, Record> + Sync + 'r;

/// One language's pages to index: how many, and how each page's record is made.
pub struct Pages<'a, 'r> {
    /// ISO 639-1 language code.
    pub lang: String,
    /// How many pages: the records are those of `0..count`, one per URL.
    pub count: usize,
    pub record: &'a Records<'r>,
}

/// The folder of the index under the site root; each language's index is in a folder of
/// its own below it (`search/data/sv/`).
pub const BUNDLE: &str = "search/data";

/// The folder of a language's index under the site root (`search/data/sv/`).
pub fn folder(lang: &str) -> String {
    format!("{BUNDLE}/{lang}/")
}

/// Where the index's files go as they are made: (path under the site root, bytes). An
/// `Err` stops the build with that message.
pub type Sink<'a> = dyn Fn(String, Vec<u8>) -> Result<(), String> + Sync + 'a;

/// Builds the index of each of the site's languages (empty for a language without
/// records), handing every file of it to `sink` as soon as it is made, so the files of a
/// large guide are never all in memory at once. One record per URL and language: a later
/// record replaces an earlier one in its place.
pub fn build(site_langs: &[String], records: Vec<Record>, sink: &Sink) -> Result<(), String> {
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
    let makers: Vec<Box<Records>> = langs
        .values()
        .map(|pages| Box::new(move |i: usize| Cow::Borrowed(pages[i])) as Box<Records>)
        .collect();
    let pages = langs
        .iter()
        .zip(&makers)
        .map(|((lang, pages), record)| Pages {
            lang: lang.to_string(),
            count: pages.len(),
            record: &**record,
        })
        .collect();
    build_pages(pages, sink)
}

/// [`build`] from records made on demand: the index of each language of `pages`, the
/// files handed to `sink` as they are made. Each language's pages have URLs of their own
/// (what [`build`] makes sure of is the caller's business here).
pub fn build_pages(pages: Vec<Pages>, sink: &Sink) -> Result<(), String> {
    pages.into_par_iter().try_for_each(|p| {
        let folder = folder(&p.lang);
        index::build(&p.lang, p.count, p.record, &|path, bytes| {
            sink(format!("{folder}{path}"), bytes)
        })
    })
}

/// [`build`] into memory: every file, sorted by path (for tests, tools and `serve`).
pub fn build_all(
    site_langs: &[String],
    records: Vec<Record>,
) -> Result<Vec<(String, Vec<u8>)>, String> {
    let files = std::sync::Mutex::new(Vec::new());
    build(site_langs, records, &|path, bytes| {
        files
            .lock()
            .map_err(|_| "the search index's files".to_string())?
            .push((path, bytes));
        Ok(())
    })?;
    let mut files = files.into_inner().map_err(|_| "the search index's files")?;
    files.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(files)
}

/// Reads a language's manifest (for tests and tools).
pub fn read_manifest(bytes: &[u8]) -> Result<Manifest, String> {
    serde_json::from_slice(bytes).map_err(|e| format!("the manifest: {e}"))
}

/// Reads a page's file (for tests and tools).
pub fn read_page(bytes: &[u8]) -> Result<PageFile, String> {
    serde_json::from_slice(bytes).map_err(|e| format!("a page file: {e}"))
}

/// Reads the file of a page's excerpt text (for tests and tools).
pub fn read_text(bytes: &[u8]) -> Result<String, String> {
    serde_json::from_slice(bytes).map_err(|e| format!("a text file: {e}"))
}

/// The term a query word is looked up as in a language's index (`None` when nothing of it
/// is kept); the browser's `SignpostWords.term` gives the same (for tests and tools).
pub fn term(lang: &str, word: &str) -> Option<String> {
    words::query_term(word, words::stemmer(lang).as_ref())
}

/// A folded word stemmed by a language's stemmer, if it has one (for tests).
pub fn stem(lang: &str, folded: &str) -> Option<String> {
    words::stemmer(lang).map(|s| s.stem(folded).into_owned())
}

/// The name of a language's stemmer in the manifest, if it has one.
pub fn stemmer_name(lang: &str) -> Option<&'static str> {
    words::stemmer_name(lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeSet, HashMap};

    fn record(url: &str, title: &str, body: &str, area: &str) -> Record {
        Record {
            url: url.into(),
            lang: "sv".into(),
            title: title.into(),
            summary: String::new(),
            keywords: String::new(),
            body: body.into(),
            meta: vec!["Utmaning".into(), area.into()],
            filters: vec![
                ("area".to_string(), area.to_string()),
                ("type".to_string(), "Utmaning".to_string()),
            ],
        }
    }

    type Files = HashMap<String, Vec<u8>>;

    fn files(records: Vec<Record>) -> Files {
        build_all(&["sv".to_string()], records)
            .unwrap()
            .into_iter()
            .collect()
    }

    fn ask(files: &Files, q: &str, filters: &[(&str, &str)]) -> Vec<String> {
        let read = |p: &str| {
            files
                .get(&format!("{}{p}", folder("sv")))
                .cloned()
                .ok_or(format!("no {p}"))
        };
        let filters: Vec<(String, Vec<String>)> = filters
            .iter()
            .map(|(k, v)| (k.to_string(), vec![v.to_string()]))
            .collect();
        let answer = query::answer(&read, q, &filters).unwrap();
        answer
            .ranked
            .iter()
            .map(|(p, _)| {
                read_page(&read(&page_path(*p as usize)).unwrap())
                    .unwrap()
                    .url
            })
            .collect()
    }

    #[test]
    fn a_query_finds_pages_with_every_word_inflected_title_first() {
        let f = files(vec![
            record(
                "a/",
                "Om lås",
                "Nycklarna försvinner i hemtjänsten.",
                "Äldreomsorg",
            ),
            record("b/", "Nycklar", "Hemtjänst och nyckelskåp.", "Äldreomsorg"),
            record("c/", "Skola", "Nycklar till skolan.", "Skola"),
            record("d/", "Annat", "Inget om det.", "Skola"),
        ]);
        assert_eq!(ask(&f, "nyckel", &[]), ["b/"], "nyckel is not nyckl…");
        // In the title first; then the shorter page.
        assert_eq!(ask(&f, "nycklarna", &[]), ["b/", "c/", "a/"]);
        assert_eq!(ask(&f, "nycklarna hemtjänst", &[]), ["b/", "a/"]);
        assert_eq!(ask(&f, "nycklar", &[("area", "Skola")]), ["c/"]);
        assert_eq!(ask(&f, "", &[("area", "Skola")]), ["c/", "d/"]);
        assert!(ask(&f, "", &[]).is_empty());
        // Every word that the index has; one it has nowhere is left out.
        assert_eq!(ask(&f, "nycklar skolan", &[]), ["c/"]);
        assert_eq!(ask(&f, "nycklar saknas", &[]), ask(&f, "nycklar", &[]));
        assert!(ask(&f, "saknas", &[]).is_empty());
        // The last word is also a prefix: "nyckels" finds "nyckelskåp".
        assert_eq!(ask(&f, "nyckels", &[]), ["b/"]);
        // but only from three characters on.
        assert!(ask(&f, "ny", &[]).is_empty());
    }

    #[test]
    fn a_last_word_finds_its_completions_in_its_own_shard_and_the_next() {
        // 3,000 words that start with "nyckel", one a page: several shards of them.
        let letters = |mut i: usize| {
            let mut w = String::from("nyckel");
            for _ in 0..3 {
                w.push(b"bcfhjmpqrvwxz"[i % 13] as char);
                i /= 13;
            }
            w
        };
        let records: Vec<Record> = (0..3000)
            .map(|i| record(&format!("p{i}/"), "Sida", &letters(i), "A"))
            .collect();
        let f = files(records);
        let sv = folder("sv");
        let read = |p: &str| f.get(&format!("{sv}{p}")).cloned().ok_or(format!("no {p}"));
        let manifest = read_manifest(&read("manifest.json").unwrap()).unwrap();
        let shard = manifest.shards.partition_point(|s| s.as_str() <= "nyckel");
        let completions = |n: usize| {
            format::read_shard(&read(&format::shard_path(n)).unwrap())
                .unwrap()
                .iter()
                .filter(|e| e.term.starts_with(b"nyckel"))
                .map(|e| e.df as usize)
                .sum::<usize>()
        };
        let (own, next) = (completions(shard), completions(shard + 1));
        assert!(own > 0 && next > 0, "the words go on into the next shard");
        assert!(own + next < 3000, "and further");
        let answer = query::answer(&read, "nyckel", &[]).unwrap();
        assert_eq!(answer.ranked.len(), own + next);
        let shards: Vec<&String> = answer
            .files
            .iter()
            .filter(|p| p.starts_with("t/"))
            .collect();
        assert_eq!(shards.len(), 2, "{shards:?}");
    }

    #[test]
    fn the_same_records_give_the_same_files() {
        let make = || {
            files(vec![
                record("a/", "Ett", "två tre", "X"),
                record("b/", "Fyra", "fem sex", "Y"),
            ])
        };
        let (a, b) = (make(), make());
        assert_eq!(a, b);
        let m = read_manifest(&a[&format!("{}manifest.json", folder("sv"))]).unwrap();
        assert_eq!(m.pages, 2);
        // What a result shows, and the text of its excerpt in a file of its own.
        let sv = folder("sv");
        let page = read_page(&a[&format!("{sv}{}", page_path(1))]).unwrap();
        assert_eq!(
            page,
            PageFile {
                url: "b/".into(),
                title: "Fyra".into(),
                meta: vec!["Utmaning".into(), "Y".into()],
            }
        );
        let text = read_text(&a[&format!("{sv}{}", text_path(1))]).unwrap();
        assert_eq!(text, "\nfem sex", "the summary (empty here), then the body");
        assert_eq!(m.stemmer.as_deref(), Some("sv"));
        assert_eq!(m.filters[0].1, ["X", "Y"]);
    }

    /// A guide of `n` pages whose words follow Zipf's law over a vocabulary of `v` words.
    fn zipf_records(n: usize, v: usize, words_per_page: usize) -> Vec<Record> {
        let mut seed: u64 = 42;
        let mut next = move || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 11) as f64 / (1u64 << 53) as f64
        };
        // Cumulative probabilities of the words, for a binary search.
        let mut cumulative = Vec::with_capacity(v);
        let mut sum = 0.0;
        for k in 1..=v {
            sum += 1.0 / k as f64;
            cumulative.push(sum);
        }
        let vocab: Vec<String> = (0..v).map(|k| format!("ord{k}x")).collect();
        (0..n)
            .map(|i| {
                let body: Vec<&str> = (0..words_per_page)
                    .map(|_| {
                        let u = next() * sum;
                        let k = cumulative.partition_point(|&c| c < u).min(v - 1);
                        vocab[k].as_str()
                    })
                    .collect();
                record(
                    &format!("p{i}/"),
                    &format!("Sida {i}"),
                    &body.join(" "),
                    if i % 3 == 0 { "A" } else { "B" },
                )
            })
            .collect()
    }

    #[test]
    fn the_postings_laid_out_a_few_terms_at_a_time_give_the_same_files() {
        let records = zipf_records(600, 3000, 80);
        let pages: Vec<&Record> = records.iter().collect();
        let record = |i: usize| std::borrow::Cow::Borrowed(pages[i]);
        let files_with = |per_range: usize| {
            let files = std::sync::Mutex::new(BTreeMap::new());
            index::build_in_ranges(
                "sv",
                pages.len(),
                &record,
                &|path, bytes| {
                    files.lock().unwrap().insert(path, bytes);
                    Ok(())
                },
                per_range,
            )
            .unwrap();
            files.into_inner().unwrap()
        };
        let whole = files_with(usize::MAX);
        assert!(
            whole.keys().any(|k| k.starts_with("p/")),
            "common words too"
        );
        // 48,000 postings: hundreds of ranges, some of one common term.
        for per_range in [1, 100, 5000] {
            assert!(whole == files_with(per_range), "{per_range} a range");
        }
    }

    #[test]
    fn the_manifest_lists_the_most_common_terms_as_their_shards_have_them() {
        // The browser asks for a listed term's postings file without reading its shard
        // first: the list must say what the shards say, for the terms on the most pages.
        let f = files(zipf_records(2000, 4000, 100));
        let sv = folder("sv");
        let manifest = read_manifest(&f[&format!("{sv}manifest.json")]).unwrap();
        let mut with_files: Vec<(String, u32, u32)> = Vec::new();
        for i in 0..=manifest.shards.len() {
            for t in format::read_shard(&f[&format!("{sv}{}", format::shard_path(i))]).unwrap() {
                if let format::Stored::File(n) = t.stored {
                    with_files.push((String::from_utf8(t.term).unwrap(), t.df, n));
                }
            }
        }
        assert!(
            with_files.len() > 20,
            "{} terms with files",
            with_files.len()
        );
        let least = with_files.iter().map(|t| t.1).min().unwrap();
        with_files.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        with_files.truncate(format::COMMON_TERMS);
        with_files.sort();
        assert_eq!(manifest.common, with_files);
        // The list is in byte order (the browser's speculation relies on nothing else) and
        // holds the most common term.
        assert!(manifest.common.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(manifest.common.iter().any(|c| c.1 >= least));
    }

    #[test]
    fn the_list_of_common_terms_stops_at_its_size_keeping_those_on_most_pages() {
        // More terms with files than the list holds: that many and 500 more words, each on
        // 300 of 600 pages (postings files of their own), and one word on every page.
        let words: Vec<String> = (0..format::COMMON_TERMS + 500)
            .map(|i| format!("ord{i}x"))
            .collect();
        let records: Vec<Record> = (0..600)
            .map(|p| {
                let mut body: Vec<&str> = vec!["alla"];
                body.extend(
                    words
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| (p + i) % 2 == 0 || *i == 0)
                        .map(|(_, w)| w.as_str()),
                );
                record(
                    &format!("/{p}/"),
                    &format!("Sida {p}"),
                    &body.join(" "),
                    "A",
                )
            })
            .collect();
        let f = files(records);
        let manifest = read_manifest(&f[&format!("{}manifest.json", folder("sv"))]).unwrap();
        assert_eq!(manifest.common.len(), format::COMMON_TERMS);
        let listed: BTreeSet<&str> = manifest.common.iter().map(|c| c.0.as_str()).collect();
        // On every page: "alla", "sida" (the titles) and the first word.
        for t in ["alla", "sida", "ord0x"] {
            let t = term("sv", t).unwrap();
            assert!(listed.contains(t.as_str()), "{t} is listed");
        }
        assert!(manifest.common.iter().all(|c| c.1 >= 300));
    }

    #[test]
    fn answers_hold_exactly_the_pages_with_the_words_and_files_stay_small() {
        let records = zipf_records(2000, 4000, 100);
        let words_of: Vec<BTreeSet<String>> = records
            .iter()
            .map(|r| {
                format!("{} {}", r.title, r.body.as_str())
                    .split_whitespace()
                    .filter_map(|w| term("sv", w))
                    .collect()
            })
            .collect();
        let f = files(records.clone());
        let sv = folder("sv");
        let manifest = read_manifest(&f[&format!("{sv}manifest.json")]).unwrap();
        assert!(
            manifest.shards.len() > 3,
            "{} shards",
            manifest.shards.len()
        );
        let bitmap = 2000usize.div_ceil(8);
        for (path, bytes) in &f {
            let Some(rel) = path.strip_prefix(&sv) else {
                continue;
            };
            let raw = bytes;
            if rel.starts_with("t/") {
                assert!(
                    raw.len() <= format::SHARD_MAX + format::INLINE_BYTES + 64,
                    "{rel}: {}",
                    raw.len()
                );
                format::read_shard(raw).unwrap();
            } else if rel.starts_with("p/") {
                assert!(raw.len() <= bitmap + 1 + 4 * format::HEAD + 8, "{rel}");
            }
        }
        assert!(f.keys().any(|k| k.contains("/p/")), "some words are common");

        for q in [
            "ord0x",
            "ord1x ord2x",
            "ord3x ord500x",
            "ord10x ord20x ord30x ord3999x",
            "ord7x ord123x",
        ] {
            let terms: Vec<String> = q.split(' ').filter_map(|w| term("sv", w)).collect();
            let want: BTreeSet<String> = records
                .iter()
                .zip(&words_of)
                .filter(|(_, ws)| terms.iter().all(|t| ws.contains(t)))
                .map(|(r, _)| r.url.clone())
                .collect();
            let got = ask(&f, q, &[]);
            let got_set: BTreeSet<String> = got.iter().cloned().collect();
            assert_eq!(got.len(), got_set.len(), "{q}: no page twice");
            // The last word is also a prefix (`ord1x` of nothing longer here), so the
            // answers are exactly the pages with every word.
            assert_eq!(got_set, want, "{q}");
            let in_a = ask(&f, q, &[("area", "A")]);
            let want_a: Vec<String> = got
                .iter()
                .filter(|u| u[1..u.len() - 1].parse::<usize>().unwrap() % 3 == 0)
                .cloned()
                .collect();
            assert_eq!(in_a, want_a, "{q} in A keeps the order");
        }
    }
}
