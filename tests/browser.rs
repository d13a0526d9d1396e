//! Runs the browser tests (tests/browser/*.test.mjs, Node's test runner driving Debian's
//! headless Chromium through playwright-core) against the sample guide, built here into a
//! temporary folder for the sub-path `/guide/`, as a GitHub Pages project site would be,
//! and against a generated guide whose lists are split into many pages (`/paged/`).
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

    let run = Command::new("node")
        .args(["--test", "--test-reporter=spec"])
        .current_dir(&browser_dir)
        .env("SITE_DIR", &site)
        .env("SITE_PREFIX", "/guide/")
        .env("PAGED_SITE_DIR", &paged_site)
        .env("PAGED_SITE_PREFIX", "/paged/")
        .env("CHROMIUM", &chromium)
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
