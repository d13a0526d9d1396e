//! `signpost review done`: a review recorded in the entries' own files, changing only the
//! review lines (comments, order, quoting and line endings kept), refusing what it cannot
//! do before it writes anything, and leaving files that check clean.

mod common;

use common::{signpost, Guide};

/// `signpost --root <guide> review done <args…>`.
fn done(g: &Guide, args: &[&str]) -> common::Output {
    let mut all = vec!["--root", g.root().to_str().unwrap(), "review", "done"];
    all.extend(args);
    signpost(&all, None)
}

const IN_REVIEW: &str = "---\r\n# Granskas av nätverket varje år.\r\ntype: challenge\r\ntitle: \"Larmkedjan: ett problem\"\r\nsummary: En kort sammanfattning.\r\nstatus: in_review   # klar för granskning\r\nowner: Skolteamet\r\n---\r\n\r\nText.\r\n";

const PUBLISHED: &str = "---\ntype: challenge\ntitle: Nycklar\nsummary: S.\nstatus: published\nreviewed_by:\n  - Karin Sjöberg # ordförande\n  - Per Åkesson\n# nästa fält\nlast_reviewed: 2025-01-10\n---\n\nText.\n";

#[test]
fn a_review_changes_only_its_lines_in_a_crlf_file_with_comments() {
    let g = Guide::new(&[
        ("content/skola/larm.md", IN_REVIEW),
        ("content/skola/nycklar.md", PUBLISHED),
    ]);
    let out = done(
        &g,
        &[
            "larm",
            "nycklar",
            "--by",
            "Anna Berg",
            "--by",
            "Per Åkesson",
            "--date",
            "2026-06-10",
            "--publish",
        ],
    );
    assert_eq!(out.code, 0, "{out:?}");
    let larm = std::fs::read_to_string(g.path("content/skola/larm.md")).unwrap();
    assert_eq!(
        larm,
        "---\r\n# Granskas av nätverket varje år.\r\ntype: challenge\r\ntitle: \"Larmkedjan: ett problem\"\r\nsummary: En kort sammanfattning.\r\nstatus: published   # klar för granskning\r\nowner: Skolteamet\r\nlast_reviewed: 2026-06-10\r\nreviewed_by: [Anna Berg, Per Åkesson]\r\n---\r\n\r\nText.\r\n"
    );
    let nycklar = std::fs::read_to_string(g.path("content/skola/nycklar.md")).unwrap();
    assert_eq!(
        nycklar,
        "---\ntype: challenge\ntitle: Nycklar\nsummary: S.\nstatus: published\nreviewed_by:\n  - Anna Berg\n  - Per Åkesson\n# nästa fält\nlast_reviewed: 2026-06-10\n---\n\nText.\n"
    );
    // What changed is printed, file by file.
    assert!(
        out.stdout.contains("content/skola/larm.md: last_reviewed 2026-06-10; reviewed_by [Anna Berg, Per Åkesson]; status in_review → published"),
        "{out:?}"
    );
    assert!(
        out.stdout.contains("content/skola/nycklar.md: last_reviewed 2025-01-10 → 2026-06-10; reviewed_by [Karin Sjöberg, Per Åkesson] → [Anna Berg, Per Åkesson]"),
        "{out:?}"
    );
    // Both now pass the check, as published and reviewed entries.
    g.check(&[]).expect_clean();
}

#[test]
fn unknown_ids_drafts_and_future_dates_are_refused_before_anything_is_written() {
    let g = Guide::new(&[
        ("content/skola/larm.md", IN_REVIEW),
        (
            "content/skola/utkast.md",
            &common::challenge_with_status("Utkast", "draft"),
        ),
    ]);
    let before = std::fs::read_to_string(g.path("content/skola/larm.md")).unwrap();
    let out = done(&g, &["larm", "lram-x", "--by", "A"]);
    assert_eq!(out.code, 1, "{out:?}");
    assert!(
        out.stderr.contains(
            "there is no entry or page `lram-x`: did you mean `larm`?; no file was changed"
        ),
        "{out:?}"
    );
    let out = done(&g, &["larm", "utkast", "--by", "A", "--publish"]);
    assert_eq!(out.code, 1, "{out:?}");
    assert!(
        out.stderr.contains("content/skola/utkast.md is a draft"),
        "{out:?}"
    );
    let out = done(&g, &["larm", "--by", "A", "--date", "2999-01-01"]);
    assert_eq!(out.code, 1, "{out:?}");
    assert!(
        out.stderr.contains("2999-01-01 is in the future"),
        "{out:?}"
    );
    assert_eq!(
        std::fs::read_to_string(g.path("content/skola/larm.md")).unwrap(),
        before,
        "no file was changed"
    );
    // The names are required.
    assert_eq!(done(&g, &["larm"]).code, 2);
}

#[test]
fn recording_the_same_review_twice_changes_nothing() {
    let g = Guide::new(&[("content/skola/nycklar.md", PUBLISHED)]);
    let args = ["nycklar", "--by", "Karin Sjöberg", "--date", "2026-06-10"];
    assert_eq!(done(&g, &args).code, 0);
    let once = std::fs::read_to_string(g.path("content/skola/nycklar.md")).unwrap();
    let out = done(&g, &args);
    assert_eq!(out.code, 0, "{out:?}");
    assert!(out.stdout.contains("already recorded"), "{out:?}");
    assert_eq!(
        std::fs::read_to_string(g.path("content/skola/nycklar.md")).unwrap(),
        once
    );
}
