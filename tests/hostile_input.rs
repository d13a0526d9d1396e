//! Hostile and careless input, as a whole (issue 14): generated front matter and bodies
//! never crash the check and every problem names its file and line; CommonMark's
//! pathological inputs (after cmark's `test/pathological_tests.py`, generators written
//! here from its descriptions) finish; builds refuse what they must not touch.
//!
//! Time is measured in `bench/hostile.py` (release build), never asserted here: the bounds
//! below only say "finishes", generously, so a slow machine does not fail them.

mod common;

use std::sync::mpsc;
use std::time::Duration;

use arbitrary::Unstructured;
use common::{challenge, signpost, Guide};

/// How long one pathological input may take in a debug build before it counts as a hang.
const FINISHES_WITHIN: Duration = Duration::from_secs(120);

/// The pathological inputs: (name, body). Sizes follow cmark's; "many references" is a
/// quarter of cmark's 800,000 lines so that it stays under signpost's 4 MB file limit.
pub fn pathological() -> Vec<(&'static str, String)> {
    let rep = |s: &str, n: usize| s.repeat(n);
    vec![
        (
            "nested strong emph",
            format!("{}b{}", rep("*a **a ", 65_000), rep(" a** a*", 65_000)),
        ),
        ("many emph closers with no openers", rep("a_ ", 65_000)),
        ("many emph openers with no closers", rep("_a ", 65_000)),
        ("many link closers with no openers", rep("a]", 65_000)),
        ("many link openers with no closers", rep("[a", 65_000)),
        ("mismatched openers and closers", rep("*a_ ", 50_000)),
        (
            "openers and closers multiple of 3",
            format!("a**b{}", rep("c* ", 50_000)),
        ),
        ("link openers and emph closers", rep("[ a_", 50_000)),
        ("hard link/emph case", "**x [a*b**c*](d)".to_string()),
        (
            "nested brackets",
            format!("{}a{}", rep("[", 50_000), rep("]", 50_000)),
        ),
        ("nested block quotes", format!("{}a", rep("> ", 50_000))),
        (
            "deeply nested lists",
            (0..1000)
                .map(|i| format!("{}* a\n", rep("  ", i)))
                .collect(),
        ),
        ("U+0000 in input", "abc\u{0}de\u{0}".to_string()),
        // cmark's runs to 10,000 backticks (50 MB); 2,000 (2 MB) stays under the limit.
        (
            "backticks",
            (1..2_000).map(|i| format!("e{}", rep("`", i))).collect(),
        ),
        ("unclosed links A", rep("[a](<b", 50_000)),
        ("unclosed links B", rep("[a](b", 50_000)),
        (
            "many references",
            (1..50_000 * 4)
                .map(|i| format!("[{i}]: u\n"))
                .chain(std::iter::once(rep("[0] ", 50_000)))
                .collect(),
        ),
        // signpost's own: raw HTML nested deeper than the sanitiser can take quickly.
        (
            "nested divs",
            format!("{}x{}", rep("<div>", 100_000), rep("</div>", 100_000)),
        ),
        // 20,000 headings of one text: anchors `a`, `a-1` … in linear time.
        ("identical headings", rep("## a\n\n", 20_000)),
    ]
}

/// Runs `f` on a thread of its own and fails when it has not returned within the bound.
fn finishes<T: Send + 'static>(name: &str, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    std::thread::Builder::new()
        .stack_size(8 * 1024 * 1024)
        .spawn(move || {
            let _ = tx.send(f());
        })
        .unwrap();
    rx.recv_timeout(FINISHES_WITHIN)
        .unwrap_or_else(|_| panic!("`{name}` did not finish within {FINISHES_WITHIN:?}"))
}

/// Each pathological body is parsed and rendered to HTML (through the sanitiser when it
/// has raw HTML, as the build does) and finishes.
#[test]
fn pathological_markdown_finishes() {
    for (name, body) in pathological() {
        let html = finishes(name, move || {
            let rewrite = |_: &str| None;
            let parsed = signpost::markdown::parse(&body, 1);
            let html = signpost::markdown::html(&body, &rewrite);
            if parsed.has_raw_html && parsed.html_too_deep.is_none() {
                signpost::render::sanitize::clean(&html)
            } else {
                html
            }
        });
        assert!(!html.is_empty() || name == "U+0000 in input", "{name}");
    }
}

/// The bodies that go past a limit are refused by the check with the file and line, and
/// the others pass it: through the whole binary, as an editor runs it.
#[test]
fn pathological_bodies_are_checked_without_hanging() {
    let cases = pathological();
    let mut files: Vec<(String, String)> = Vec::new();
    for (i, (_, body)) in cases.iter().enumerate() {
        let head = challenge(&format!("P{i}"));
        files.push((
            format!("content/skola/p{i}.md"),
            format!("{head}\n{body}\n"),
        ));
    }
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let g = Guide::new(&refs);
    let root = g.root().to_path_buf();
    let out = finishes("check of every pathological body", move || {
        signpost(
            &[
                "--root",
                root.to_str().unwrap(),
                "check",
                "--format",
                "json",
            ],
            None,
        )
    });
    let report = common::parse_json(&out.stdout);
    let nested = cases.iter().position(|(n, _)| *n == "nested divs").unwrap();
    for d in &report.diagnostics {
        assert!(d.file.is_some() && d.line.is_some(), "{d:?}");
    }
    let limits: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.code == "limit-exceeded")
        .map(|d| d.file.clone().unwrap())
        .collect();
    assert_eq!(
        limits,
        [format!("content/skola/p{nested}.md")],
        "{}",
        out.stdout
    );
}

/// Copies the repository's themes into the guide, for builds.
fn with_theme(g: &Guide) {
    fn copy(from: &std::path::Path, to: &std::path::Path) {
        std::fs::create_dir_all(to).unwrap();
        for e in std::fs::read_dir(from).unwrap() {
            let e = e.unwrap();
            if e.file_type().unwrap().is_dir() {
                copy(&e.path(), &to.join(e.file_name()));
            } else {
                std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
            }
        }
    }
    copy(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes"),
        &g.path("themes"),
    );
}

/// Picks one of `items`.
fn pick<'a>(u: &mut Unstructured, items: &[&'a str]) -> arbitrary::Result<&'a str> {
    Ok(*u.choose(items)?)
}

/// Front matter made of the guide's own fields, misspelt ones and YAML's sharp corners:
/// quotes, `---` and `...` lines, tags, anchors and aliases, flow and block nesting, tabs,
/// control characters, huge numbers, bad dates, non-Latin text.
fn front_matter(u: &mut Unstructured) -> arbitrary::Result<String> {
    const KEYS: &[&str] = &[
        "type",
        "title",
        "summary",
        "status",
        "tags",
        "aliases",
        "links",
        "addresses",
        "related",
        "owner",
        "reviewed_by",
        "last_reviewed",
        "review_interval",
        "created",
        "order",
        "lang",
        "kind",
        "provider",
        "titel",
        "\"a: b\"",
        "? x",
        "- x",
        "",
        "\u{1b}[31mröd",
        "日本語",
    ];
    const VALUES: &[&str] = &[
        "challenge",
        "solution",
        "page",
        "published",
        "draft",
        "archived",
        "review",
        "Ett ämne",
        "\"quoted: text\"",
        "'single'",
        "[a, b, c]",
        "[]",
        "{}",
        "{a: 1}",
        "2026-02-30",
        "2026-01-05",
        "99999999999999999999",
        "-1",
        "0x10",
        "1e400",
        "!!str 12",
        "!custom x",
        "&anchor x",
        "*anchor",
        "|\n  block\n  text",
        ">\n  folded",
        "\n  - a\n  - b",
        "\n  - title: L\n    url: javascript://%0aalert(1)",
        "\n  - title: L\n    url: https://example.org/",
        "[[[[[[[[[[[[[[[[[[[[x]]]]]]]]]]]]]]]]]]]",
        "./",
        "a/./x/",
        "sitemap.xml",
        "\"a\\0b\"",
        "\"\\u0007bell\"",
        "\t tab",
        "Мосты",
        "مرحبا",
        "🙂",
        "~",
        "null",
        "true",
        "no",
        "---",
        "...",
        "# comment",
        "\"unterminated",
        "[unterminated",
        "key: value: more",
    ];
    let mut s = String::new();
    let n = u.int_in_range(0..=12)?;
    for _ in 0..n {
        let indent = if u.ratio(1, 8)? { "  " } else { "" };
        s.push_str(indent);
        match u.int_in_range(0..=9)? {
            0 => s.push_str(pick(u, &["--- # x", "...", "---", "#", "  ", "- a"])?),
            1 => {
                let depth = u.int_in_range(1..=40)?;
                s.push_str("deep: ");
                s.push_str(&"- ".repeat(depth));
                s.push('x');
            }
            _ => {
                s.push_str(pick(u, KEYS)?);
                s.push_str(": ");
                s.push_str(pick(u, VALUES)?);
            }
        }
        s.push('\n');
    }
    Ok(s)
}

/// A body made of Markdown's pieces: headings (duplicates, empty, explicit ids), links of
/// every kind (relative, `..`, anchors, `javascript:`, site paths), images, raw HTML, code,
/// tables, emphasis runs and control characters.
fn body(u: &mut Unstructured) -> arbitrary::Result<String> {
    const PIECES: &[&str] = &[
        "## Rubrik\n",
        "## Rubrik\n",
        "# Ett\n",
        "## {#id}\n",
        "### Å ä ö {#x}\n",
        "##\n",
        "[l](annan.md)",
        "[l](annan.md#rubrik)",
        "[l](../skola/a.md)",
        "[l](../../../etc/passwd)",
        "[l](#rubrik)",
        "[l](#saknas)",
        "[l](/skola/)",
        "[l](javascript:alert(1))",
        "[l](JaVaScRiPt:alert(1))",
        "[l](data:text/html,x)",
        "[l](https://example.org/)",
        "[l](mailto:a@b.se)",
        "![bild](bild.png)",
        "![](x.png)",
        "![a](https://x.se/a.png)",
        "<div>",
        "</div>",
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<!--",
        "-->",
        "```\ncode\n```\n",
        "`code`",
        "| a | b |\n|---|---|\n| 1 | 2 |\n",
        "*em*",
        "**",
        "_",
        "[",
        "]",
        "(",
        ")",
        "> ",
        "- ",
        "1. ",
        "\n\n",
        "\n",
        " ",
        "\t",
        "\u{0}",
        "\u{1b}[2J",
        "\u{202e}",
        "&amp;",
        "&#0;",
        "\\",
        "---\n",
        "text ",
    ];
    let n = u.int_in_range(0..=60)?;
    let mut s = String::new();
    for _ in 0..n {
        s.push_str(pick(u, PIECES)?);
    }
    Ok(s)
}

/// The fuzz target, run for a bounded time in every test run: a guide with a generated
/// file (and a valid one beside it to link to) is loaded and checked in-process. Nothing
/// may panic, and every diagnostic about a file names it; every one but those about the
/// file as a whole (it is empty, unreadable, misnamed, a duplicate) names a line too.
#[test]
fn generated_front_matter_and_bodies_never_crash_and_always_say_where() {
    let g = Guide::new(&[("content/skola/annan.md", &challenge("Annan"))]);
    let root = g.root().to_path_buf();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
    let whole_file = [
        "empty-file",
        "read-error",
        "not-a-file",
        "link-outside-guide",
        "duplicate-id",
        "orphan-translation",
        "missing-area-file",
        "misplaced-file",
        "invalid-id",
        "unknown-language",
    ];
    arbtest::arbtest(|u| {
        let fm = front_matter(u)?;
        let text = body(u)?;
        let file = if u.ratio(1, 10)? {
            format!("{fm}\n{text}")
        } else {
            format!("---\n{fm}---\n{text}")
        };
        std::fs::write(root.join("content/skola/x.md"), &file).unwrap();
        let opts = signpost::LoadOptions { base_url: None };
        let guide = signpost::content::load(&root, &opts).expect("the guide loads");
        let report = signpost::Report::new(signpost::check::run(&guide, today), 2, false);
        for d in &report.diagnostics {
            assert!(d.file.is_some(), "no file: {d:?}\n{file}");
            assert!(
                d.line.is_some() || whole_file.contains(&d.code.as_str()),
                "no line: {d:?}\n{file}"
            );
        }
        // Its page's HTML and search text are made from the same Markdown later: they
        // must come out of it too.
        for d in &guide.docs {
            guide.body_html(d);
            guide.body_markdown(d).text();
        }
        Ok(())
    })
    .budget_ms(4_000);
}

/// A site is only ever written over a folder signpost wrote: a folder with an
/// `index.html`, a `sitemap.xml` and a `.git` is left whole, and so are a named pipe and
/// a device; each refusal is one line naming the path.
#[test]
fn build_never_replaces_what_signpost_did_not_write() {
    let g = Guide::new(&[("content/skola/a.md", &challenge("A"))]);
    with_theme(&g);
    let site = g.path("site");
    std::fs::create_dir_all(site.join(".git")).unwrap();
    std::fs::write(site.join(".git/HEAD"), "ref: x").unwrap();
    std::fs::write(site.join("index.html"), "x").unwrap();
    std::fs::write(site.join("sitemap.xml"), "x").unwrap();
    let root = g.root().to_str().unwrap().to_string();
    let out = signpost(&["--root", &root, "build", "--output", "site"], None);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr.contains("site` already holds files"),
        "{}",
        out.stderr
    );
    assert!(site.join(".git/HEAD").is_file());
    let pipe = g.path("pipe");
    assert!(std::process::Command::new("mkfifo")
        .arg(&pipe)
        .status()
        .unwrap()
        .success());
    let out = signpost(
        &["--root", &root, "build", "--output", pipe.to_str().unwrap()],
        None,
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr.contains("is a named pipe, not a folder"),
        "{}",
        out.stderr
    );
    let out = signpost(&["--root", &root, "build", "--output", "/dev/null"], None);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr.contains("`/dev/null` is a device"),
        "{}",
        out.stderr
    );
    // A folder that cannot be made is named, not a bare OS error.
    let out = signpost(&["--root", &root, "build", "--output", "/proc/x"], None);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(out.stderr.contains("`/proc/"), "{}", out.stderr);
    // A site signpost wrote is rebuilt in place.
    let out = signpost(&["--root", &root, "build", "--output", "public"], None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let out = signpost(&["--root", &root, "build", "--output", "public"], None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(g.path("public/.signpost-site").is_file());
}

/// A symbolic link out of the guide in `static/` stops the build with the path named, and
/// nothing of what it points at is published.
#[test]
fn build_never_publishes_a_file_outside_the_guide() {
    let g = Guide::new(&[("content/skola/a.md", &challenge("A"))]);
    with_theme(&g);
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.txt"), "SECRET-VALUE").unwrap();
    g.mkdir("static");
    g.symlink(
        "static/secret.txt",
        outside.path().join("secret.txt").to_str().unwrap(),
    );
    let root = g.root().to_str().unwrap().to_string();
    let out = signpost(&["--root", &root, "build"], None);
    assert_ne!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("static/secret.txt` is a symbolic link to")
            && out.stderr.contains("outside the guide folder"),
        "{}",
        out.stderr
    );
    assert!(!g.path("public").exists());
    // A link that stays inside the guide is published as the file it names.
    std::fs::remove_file(g.path("static/secret.txt")).unwrap();
    g.write("static/real.txt", "inside");
    g.symlink("static/alias.txt", "real.txt");
    let out = signpost(&["--root", &root, "build"], None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        std::fs::read_to_string(g.path("public/alias.txt")).unwrap(),
        "inside"
    );
}

/// Control characters in a title leave the feed well-formed XML.
#[test]
fn feeds_stay_xml_whatever_the_titles_hold() {
    let g = Guide::new(&[(
        "content/skola/a.md",
        &challenge("\"Kö\\u0001\\u000c\\u001b[31m och \\uFFFE slut\""),
    )]);
    with_theme(&g);
    let root = g.root().to_str().unwrap().to_string();
    let out = signpost(&["--root", &root, "build"], None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    for feed in ["public/feed.xml", "public/sitemap.xml"] {
        let text = std::fs::read_to_string(g.path(feed)).unwrap();
        roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{feed}: {e}\n{text}"));
    }
    let feed = std::fs::read_to_string(g.path("public/feed.xml")).unwrap();
    assert!(feed.contains("Kö[31m och  slut"), "{feed}");
}
