//! Runs the browser tests (tests/browser/*.test.mjs, Node's test runner driving Debian's
//! headless Chromium through playwright-core) against the sample guide, built here into a
//! temporary folder for the sub-path `/guide/`, as a GitHub Pages project site would be,
//! and against a generated guide whose lists are split into many pages (`/paged/`).
//!
//! It also writes what the Rust side says, for the browser's code to agree with: the terms
//! of a large list of words in Swedish and English (`search-words.test.mjs`), and the
//! answers to a set of queries read from the built index by `signpost::search::query`
//! (`search-engine.test.mjs`).
//!
//! Needs Node.js and Chromium (`apt-get install chromium`); installs the npm packages of
//! tests/browser/ from its lock file when they are missing. A missing browser is a failure,
//! not a skip: these tests are how we know the site works for people.

mod common;

use std::path::Path;
use std::process::Command;

/// The generated guide with lists of many pages: its entries in lists of 5, its tags in an
/// index of 4 a page.
fn paged_guide() -> common::Generated {
    common::Generated {
        areas: 3,
        challenges: 120,
        solutions: 60,
        tags: 20,
        per_page: Some(5),
        tags_per_page: Some(4),
        ..common::Generated::default()
    }
}

#[test]
fn the_built_site_works_in_a_real_browser() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let browser_dir = repo.join("tests/browser");
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    assert!(
        Path::new(&chromium).exists(),
        "Chromium is needed for the browser tests: install Debian's `chromium` package (or set CHROMIUM)"
    );
    if !browser_dir.join("node_modules/playwright-core").exists() {
        let status = Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(&browser_dir)
            .status()
            .expect("npm (Node.js) is needed for the browser tests");
        assert!(status.success(), "npm ci in tests/browser failed");
    }

    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    let build = Command::new(env!("CARGO_BIN_EXE_signpost"))
        .args(["--root"])
        .arg(repo)
        .args([
            "build",
            "--today",
            "2026-11-21",
            "--base-url",
            "http://127.0.0.1/guide/",
            "--output",
        ])
        .arg(&site)
        .output()
        .unwrap();
    assert!(
        build.status.success(),
        "build failed: {}",
        String::from_utf8_lossy(&build.stderr)
    );

    let (paged, _) = paged_guide().write();
    let paged_site = out.path().join("paged");
    let build = Command::new(env!("CARGO_BIN_EXE_signpost"))
        .args(["--root"])
        .arg(paged.root())
        .args([
            "build",
            "--today",
            "2026-11-21",
            "--base-url",
            "http://127.0.0.1/paged/",
            "--output",
        ])
        .arg(&paged_site)
        .output()
        .unwrap();
    assert!(
        build.status.success(),
        "build of the paged guide failed: {}",
        String::from_utf8_lossy(&build.stderr)
    );

    let cases = out.path().join("search-cases.json");
    std::fs::write(&cases, search_cases(repo, &site).to_string()).unwrap();

    let run = Command::new("node")
        .args(["--test", "--test-reporter=spec"])
        .current_dir(&browser_dir)
        .env("SITE_DIR", &site)
        .env("SITE_PREFIX", "/guide/")
        .env("PAGED_SITE_DIR", &paged_site)
        .env("PAGED_SITE_PREFIX", "/paged/")
        .env("CHROMIUM", &chromium)
        .env("SEARCH_CASES", &cases)
        .output()
        .expect("node (Node.js 20 or newer) is needed for the browser tests");
    let report = format!(
        "{}{}",
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
    );
    println!("{report}");
    assert!(run.status.success(), "browser tests failed:\n{report}");
}

/// The words whose terms the browser must give as the build does: every word of the
/// guide's content, its docs and the benchmark's vocabulary, each with the endings the
/// stemmers know, and random strings of letters (with å, ä, ö and an apostrophe).
fn words(repo: &Path) -> Vec<String> {
    let mut text = String::new();
    for dir in ["content", "docs"] {
        for e in walkdir::WalkDir::new(repo.join(dir)).into_iter().flatten() {
            if e.path().extension().is_some_and(|x| x == "md") {
                text.push_str(&std::fs::read_to_string(e.path()).unwrap());
                text.push('\n');
            }
        }
    }
    for file in [
        "README.md",
        "ARCHITECTURE.md",
        "bench/gen_guide.py",
        "themes/default/strings/sv.toml",
    ] {
        text.push_str(&std::fs::read_to_string(repo.join(file)).unwrap_or_default());
        text.push('\n');
    }
    let mut words: std::collections::BTreeSet<String> =
        text.split_whitespace().map(str::to_string).collect();
    let bases: Vec<String> = words
        .iter()
        .map(|w| w.to_lowercase())
        .filter(|w| w.chars().all(char::is_alphabetic) && w.chars().count() > 2)
        .take(3000)
        .collect();
    const ENDINGS: &[&str] = &[
        "a", "arna", "erna", "heterna", "orna", "ad", "e", "ade", "ande", "arne", "are", "aste",
        "en", "anden", "aren", "heten", "ern", "ar", "er", "heter", "or", "s", "as", "arnas",
        "ernas", "ornas", "es", "ades", "andes", "ens", "arens", "hetens", "erns", "at", "et",
        "ets", "andet", "het", "ast", "lig", "ig", "els", "löst", "fullt", "dd", "gt", "kt", "tt",
        "ing", "ings", "ed", "eed", "edly", "ingly", "ies", "ied", "sses", "ational", "tional",
        "enci", "anci", "izer", "ization", "ation", "ator", "alism", "aliti", "iviti", "biliti",
        "logi", "ogist", "fulness", "ousness", "iveness", "icate", "ative", "alize", "iciti",
        "ical", "ful", "ness", "ement", "ment", "ent", "ance", "ence", "able", "ible", "ism",
        "ion", "sion", "tion", "ous", "ive", "ize", "ly", "li", "y", "'s", "s'",
    ];
    for b in &bases {
        for e in ENDINGS {
            words.insert(format!("{b}{e}"));
        }
    }
    // Random strings, the same every run.
    let letters: Vec<char> = "aaeeiioouuyybcdfghjklmnprsttvwxzåäö'".chars().collect();
    let mut seed: u64 = 0x5eed;
    for _ in 0..40_000 {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let len = 1 + (seed >> 33) as usize % 14;
        let mut w = String::new();
        for _ in 0..len {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            w.push(letters[(seed >> 33) as usize % letters.len()]);
        }
        words.insert(w);
    }
    words.into_iter().collect()
}

/// What the browser's search code must agree with (`SEARCH_CASES`).
fn search_cases(repo: &Path, site: &Path) -> serde_json::Value {
    use signpost::search;
    let words = words(repo);
    let mut terms = serde_json::Map::new();
    let mut stems = serde_json::Map::new();
    for lang in ["sv", "en"] {
        let t: Vec<serde_json::Value> = words
            .iter()
            .map(|w| serde_json::json!([w, search::term(lang, w).unwrap_or_default()]))
            .collect();
        terms.insert(lang.into(), t.into());
        let s: Vec<serde_json::Value> = words
            .iter()
            .map(|w| w.to_lowercase())
            .filter(|w| w.chars().all(|c| c.is_alphabetic() || c == '\''))
            .map(|w| {
                let stem = search::stem(lang, &w).unwrap();
                serde_json::json!([w, stem])
            })
            .collect();
        stems.insert(lang.into(), s.into());
    }

    /// Language, query, chosen filters.
    type Query<'a> = (&'a str, &'a str, &'a [(&'a str, &'a str)]);
    let queries: &[Query] = &[
        ("sv", "nycklarna", &[]),
        ("sv", "nyckel", &[]),
        ("sv", "digital", &[]),
        ("sv", "e-tjänst", &[]),
        ("sv", "läkemedelsrobotar", &[]),
        ("sv", "nycklar hemtjänst", &[]),
        ("sv", "bygglov tar lång tid", &[]),
        ("sv", "digitala lås app hemtjänst", &[]),
        ("sv", "tolkar", &[]),
        ("sv", "di", &[]),
        ("sv", "digital", &[("area", "Skola och utbildning")]),
        ("sv", "", &[("type", "Lösning")]),
        (
            "sv",
            "hemtjänst",
            &[("type", "Utmaning"), ("area", "Äldreomsorg")],
        ),
        ("sv", "finnsinteialls", &[]),
        ("sv", "nycklar finnsinteialls", &[]),
        ("en", "keys", &[]),
        ("en", "home care", &[]),
    ];
    let mut answers = Vec::new();
    for (lang, q, filters) in queries {
        let folder = site.join(search::folder(lang));
        let read = |p: &str| std::fs::read(folder.join(p)).map_err(|e| format!("{p}: {e}"));
        let chosen: Vec<(String, Vec<String>)> = filters
            .iter()
            .map(|(k, v)| (k.to_string(), vec![v.to_string()]))
            .collect();
        let answer = search::query::answer(&read, q, &chosen).unwrap();
        let urls: Vec<String> = answer
            .ranked
            .iter()
            .take(10)
            .map(|(p, _)| {
                let bytes = read(&search::page_path(*p as usize)).unwrap();
                search::read_page(&bytes).unwrap().url
            })
            .collect();
        answers.push(serde_json::json!({
            "lang": lang, "query": q, "filters": filters, "total": answer.ranked.len(), "urls": urls,
        }));
    }
    let large = large_index_cases(&site.parent().unwrap().join("large-index"));
    serde_json::json!({ "terms": terms, "stems": stems, "queries": answers, "large": large })
}

/// An index of 3,000 pages, large enough for its words to take every form the format has
/// (inline postings, postings files as gaps, as a bitmap and as the pages missing, the
/// manifest's common terms, completions kept in files), written to `dir`, and the Rust
/// reader's answers to queries of them, for the browser's code to give too.
fn large_index_cases(dir: &Path) -> serde_json::Value {
    use signpost::search;
    let mut seed: u64 = 0x1a26e;
    let mut next = move |n: u64| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) % n
    };
    let records: Vec<search::Record> = (0..3000usize)
        .map(|p| {
            let mut words: Vec<String> = vec!["alla".into()];
            if p % 50 != 7 {
                words.push("nästan".into());
            }
            for k in 0..300usize {
                // Ten words on every other page, ten on every third, and so on (postings
                // files for the first 30 or so), and each on a few pages at random.
                if p % (k / 10 + 2) == 0 || next(40) == 0 {
                    for _ in 0..=next(3) {
                        words.push(format!("ord{k}x"));
                    }
                }
            }
            for (i, w) in [
                "nyckel",
                "nyckelskåp",
                "nyckelfri",
                "nyckelbricka",
                "nycklarna",
            ]
            .iter()
            .enumerate()
            {
                if next(2 + i as u64) == 0 {
                    words.push(w.to_string());
                }
            }
            search::Record {
                url: format!("sida-{p}/"),
                lang: "sv".into(),
                title: format!("Sida {p} {}", words[words.len() / 2]),
                summary: String::new(),
                keywords: String::new(),
                body: words.join(" ").as_str().into(),
                meta: vec!["Utmaning".into()],
                filters: vec![("type".into(), "Utmaning".into())],
            }
        })
        .collect();
    let files = search::build_all(&["sv".to_string()], records).unwrap();
    for (path, bytes) in &files {
        let to = dir.join(path);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::write(to, bytes).unwrap();
    }
    let folder = dir.join(search::folder("sv"));
    let read = |p: &str| std::fs::read(folder.join(p)).map_err(|e| format!("{p}: {e}"));
    let queries = [
        "alla",
        "nästan",
        "alla ord0x",
        "nyckel",
        "nyck",
        "nyckel ord1x",
        "ord0x ord1x ord5x nyckel",
        "ord2x nyck",
        "alla nästan ord7x",
        "ord250x",
        "ord250x ord0x",
        "ord0x finnsinteialls",
    ];
    let answers: Vec<serde_json::Value> = queries
        .iter()
        .map(|q| {
            let answer = search::query::answer(&read, q, &[]).unwrap();
            let pages: Vec<u32> = answer.ranked.iter().take(30).map(|r| r.0).collect();
            serde_json::json!({ "query": q, "total": answer.ranked.len(), "pages": pages })
        })
        .collect();
    serde_json::json!({ "dir": folder, "queries": answers })
}
