//! `signpost check`, one rule at a time.
//!
//! Every diagnostic code has a test named after it (`read-error` → `read_error`), whose
//! fixture triggers that problem and nothing else: each case asserts the complete list of
//! diagnostics (code, severity, file, line, column), so a cascade of follow-up errors fails
//! it. The table `CASES` ties the codes to their tests, and
//! `every_code_has_a_case_that_produces_it` checks it against `Code::ALL`.
//!
//! Below the cases are the variants and edge cases: the other ways a rule fires, the
//! things that must *not* fire, and the settings that change severities.

mod common;

use std::collections::BTreeSet;

use common::{challenge, challenge_with_status, error, warning, Guide, Run};
use signpost::diagnostics::Code;

/// For each code: its string and the case that must produce it.
macro_rules! cases {
    ($( $code:literal => $name:ident, )*) => {
        $(
            #[test]
            fn $name() {
                cases::$name();
            }
        )*

        const CASES: &[(&str, &str, fn() -> Run)] = &[$( ($code, stringify!($name), cases::$name) ),*];
    };
}

cases! {
    // Reading files
    "read-error" => read_error,
    "link-outside-guide" => link_outside_guide,
    "not-a-file" => not_a_file,
    "limit-exceeded" => limit_exceeded,
    "not-utf8" => not_utf8,
    "empty-file" => empty_file,
    "no-front-matter" => no_front_matter,
    "unterminated-front-matter" => unterminated_front_matter,
    "yaml-syntax" => yaml_syntax,
    "toml-syntax" => toml_syntax,
    "duplicate-field" => duplicate_field,
    // Schema
    "comment-in-value" => comment_in_value,
    "unknown-field" => unknown_field,
    "missing-field" => missing_field,
    "wrong-type" => wrong_type,
    "invalid-value" => invalid_value,
    "invalid-date" => invalid_date,
    "too-long" => too_long,
    "invalid-id" => invalid_id,
    "duplicate-id" => duplicate_id,
    "missing-area-file" => missing_area_file,
    "misplaced-file" => misplaced_file,
    "unknown-language" => unknown_language,
    "orphan-translation" => orphan_translation,
    "translation-mismatch" => translation_mismatch,
    "translation-outdated" => translation_outdated,
    // References and links
    "unknown-reference" => unknown_reference,
    "not-a-challenge" => not_a_challenge,
    "broken-link" => broken_link,
    "broken-anchor" => broken_anchor,
    "missing-image" => missing_image,
    "missing-alt" => missing_alt,
    "meaningless-alt" => meaningless_alt,
    "link-to-own-site" => link_to_own_site,
    "external-image" => external_image,
    "alias-conflict" => alias_conflict,
    // Review workflow
    "review-missing" => review_missing,
    "review-in-future" => review_in_future,
    "link-to-unpublished" => link_to_unpublished,
    "link-to-archived" => link_to_archived,
    "review-due-soon" => review_due_soon,
    "review-overdue" => review_overdue,
    "placeholder-summary" => placeholder_summary,
    // Theme
    "template-error" => template_error,
    // Output
    "too-many-problems" => too_many_problems,
}

#[test]
fn every_code_has_a_case_that_produces_it() {
    let all: BTreeSet<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
    let covered: BTreeSet<&str> = CASES.iter().map(|(code, _, _)| *code).collect();
    assert_eq!(
        covered, all,
        "codes without a case, or cases without a code"
    );
    assert_eq!(CASES.len(), Code::ALL.len(), "a code has two cases");

    let mut seen: BTreeSet<String> = BTreeSet::new();
    for (code, name, case) in CASES {
        assert_eq!(
            *name,
            code.replace('-', "_"),
            "the test is named after its code"
        );
        let run = case();
        assert!(
            run.codes().iter().any(|c| c == code),
            "the case `{name}` does not produce `{code}`:\n{run}"
        );
        seen.extend(run.codes());
    }
    let all: BTreeSet<String> = all.into_iter().map(String::from).collect();
    assert_eq!(seen, all, "codes seen across the cases");
}

/// A published solution whose `addresses` is `addresses` (line 9 of the file).
fn solution(addresses: &str) -> String {
    format!(
        "---\ntype: solution\nkind: tool\ntitle: En lösning\nsummary: Så här.\nstatus: published\nreviewed_by: [Anna Svensson]\nlast_reviewed: 2026-05-01\naddresses: {addresses}\n---\n\nText.\n"
    )
}

/// One case per code. Each returns its run, after asserting the complete result.
mod cases {
    use super::*;

    // ---- Reading files -------------------------------------------------------------

    /// A symbolic link loop is reported, not followed forever, and does not crash.
    pub fn read_error() -> Run {
        let g = Guide::new(&[("content/skola/a.md", &challenge("A"))]);
        g.symlink("content/skola/loop", ".");
        let run = g.check(&[]);
        run.expect(&[error("read-error", "content/skola/loop")]);
        assert!(
            run.one("read-error").message.contains("symbolic link loop"),
            "{run}"
        );
        assert!(!run.out.stderr.contains("panicked"), "{}", run.out.stderr);
        run
    }

    /// A symbolic link out of the guide (a Markdown file, an image, a folder) is reported
    /// and never read: not `/etc/passwd`, not what a folder outside holds.
    pub fn link_outside_guide() -> Run {
        let g = Guide::new(&[("content/skola/a.md", &challenge("A"))]);
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("secret.md"), challenge("Hemlig")).unwrap();
        std::fs::write(outside.path().join("bild.png"), "png").unwrap();
        let target = |name: &str| outside.path().join(name).display().to_string();
        g.symlink("content/skola/hemlig.md", &target("secret.md"));
        g.symlink("content/skola/bild.png", &target("bild.png"));
        g.symlink("content/skola/mapp", &outside.path().display().to_string());
        let run = g.check(&[]);
        run.expect(&[
            error("link-outside-guide", "content/skola/bild.png"),
            error("link-outside-guide", "content/skola/hemlig.md"),
            error("link-outside-guide", "content/skola/mapp"),
        ]);
        let d = &run.diags()[0];
        assert!(d.message.contains("outside the guide folder"), "{run}");
        run
    }

    /// A named pipe called like a Markdown file or an image would block a read forever:
    /// it is reported, and the check ends.
    pub fn not_a_file() -> Run {
        let g = Guide::new(&[("content/skola/a.md", &challenge("A"))]);
        for name in ["content/skola/ror.md", "content/skola/bild.png"] {
            let status = std::process::Command::new("mkfifo")
                .arg(g.path(name))
                .status()
                .unwrap();
            assert!(status.success());
        }
        let run = g.check(&[]);
        run.expect(&[
            error("not-a-file", "content/skola/bild.png"),
            error("not-a-file", "content/skola/ror.md"),
        ]);
        assert!(run.diags()[0].message.contains("named pipe"), "{run}");
        run
    }

    /// Front matter nested thousands of levels deep (10 KB) is refused at the level past
    /// the limit instead of overflowing the stack.
    pub fn limit_exceeded() -> Run {
        let deep = format!(
            "---\ntype: challenge\ntitle: D\nsummary: S.\nstatus: draft\nx:\n  {}a\n---\n",
            "- ".repeat(5000),
        );
        let run = Guide::new(&[("content/skola/djup.md", &deep)]).check(&[]);
        // The front matter's fields are the first level, `x:`'s list the second: the
        // seventeenth starts at the sixteenth `- `.
        run.expect(&[error("limit-exceeded", "content/skola/djup.md").at(7, 33)]);
        assert!(run.out.stderr.is_empty(), "{}", run.out.stderr);
        run
    }

    /// Latin-1 text: the position is that of the first byte that is not UTF-8. The file
    /// still registers its id, so a link and a `related` to it add nothing.
    pub fn not_utf8() -> Run {
        let g = Guide::new(&[(
            "content/skola/lanka.md",
            "---\ntype: challenge\ntitle: Länkar\nsummary: S.\nstatus: published\nreviewed_by: [A]\nlast_reviewed: 2026-05-01\nrelated: [latin]\n---\n\nSe [latin](latin.md).\n",
        )]);
        g.write(
            "content/skola/latin.md",
            b"---\ntype: challenge\ntitle: K\xe4rlek\nsummary: S.\nstatus: draft\n---\n",
        );
        let run = g.check(&[]);
        run.expect(&[error("not-utf8", "content/skola/latin.md").at(3, 9)]);
        run
    }

    /// An empty file and one with only white space; neither says anything else.
    pub fn empty_file() -> Run {
        let run = Guide::new(&[
            ("content/skola/tom.md", ""),
            ("content/skola/blank.md", "  \n\n\t\n"),
        ])
        .check(&[]);
        run.expect(&[
            error("empty-file", "content/skola/blank.md"),
            error("empty-file", "content/skola/tom.md"),
        ]);
        run
    }

    pub fn no_front_matter() -> Run {
        let run = Guide::new(&[(
            "content/skola/x.md",
            "# Rubrik\n\nText utan front matter.\n",
        )])
        .check(&[]);
        run.expect(&[error("no-front-matter", "content/skola/x.md").at(1, 1)]);
        run
    }

    pub fn unterminated_front_matter() -> Run {
        let run = Guide::new(&[(
            "content/skola/x.md",
            "---\ntype: challenge\ntitle: Rubrik\n\n# Rubrik\n\nText.\n",
        )])
        .check(&[]);
        run.expect(&[error("unterminated-front-matter", "content/skola/x.md").at(1, 1)]);
        run
    }

    /// A `:` in an unquoted value. The position is the file's, counted in characters
    /// (`Kö` is two). No missing-field follows, and the file's id still exists: a link and
    /// a `related` to it add nothing.
    pub fn yaml_syntax() -> Run {
        let g = Guide::new(&[
            (
                "content/skola/trasig.md",
                "\
---
type: challenge
title: Kö: lång
summary: S.
status: published
---

## Kostnader
",
            ),
            (
                "content/skola/lanka.md",
                "---\ntype: challenge\ntitle: L\nsummary: S.\nstatus: published\nreviewed_by: [A]\nlast_reviewed: 2026-05-01\nrelated: [trasig]\n---\n\nSe [trasig](trasig.md#kostnader).\n",
            ),
        ]);
        let run = g.check(&[]);
        run.expect(&[error("yaml-syntax", "content/skola/trasig.md").at(3, 10)]);
        let d = run.one("yaml-syntax");
        assert_eq!(
            d.message,
            "the value of `title` has `: ` in it, which YAML reads as the start of another field"
        );
        assert_eq!(
            d.hint.as_deref(),
            Some("put the whole value in quotes: `title: \"Kö: lång\"`")
        );
        let sv = g.check_in("sv", &[]);
        let d = sv.one("yaml-syntax");
        assert_eq!((d.line, d.column), (Some(3), Some(10)));
        assert_eq!(
            (d.message.as_str(), d.hint.as_deref()),
            (
                "värdet i `title` innehåller `: `, och det läser YAML som början på ett nytt fält",
                Some("sätt hela värdet inom citattecken: `title: \"Kö: lång\"`")
            )
        );
        run
    }

    /// An unterminated string in config.toml; the content is still checked (and clean).
    pub fn toml_syntax() -> Run {
        let run = Guide::new(&[
            (
                "config.toml",
                "title = \"Testguiden\nlanguages = [\"sv\"]\n",
            ),
            ("content/skola/a.md", &challenge("A")),
        ])
        .check(&[]);
        run.expect(&[error("toml-syntax", "config.toml").at(1, 20)]);
        run
    }

    /// The second `title` is the one reported.
    pub fn duplicate_field() -> Run {
        let run = Guide::new(&[(
            "content/skola/x.md",
            "\
---
type: challenge
title: Först
summary: S.
title: Sedan
status: draft
---
",
        )])
        .check(&[]);
        run.expect(&[error("duplicate-field", "content/skola/x.md").at(5, 1)]);
        run
    }

    // ---- Schema --------------------------------------------------------------------

    /// A misspelt `titel`: one unknown-field suggesting `title`, and no missing-field for
    /// the `title` it was meant to be.
    pub fn unknown_field() -> Run {
        let run = Guide::new(&[(
            "content/skola/x.md",
            "\
---
type: challenge
titel: Köer i skolan
summary: S.
status: draft
---
",
        )])
        .check(&[]);
        run.expect(&[error("unknown-field", "content/skola/x.md").at(3, 1)]);
        let d = run.one("unknown-field");
        assert_eq!(d.hint.as_deref(), Some("did you mean `title`?"));
        assert!(d.message.contains("`titel`"), "{}", d.message);
        run
    }

    pub fn missing_field() -> Run {
        let run = Guide::new(&[(
            "content/skola/x.md",
            "---\ntype: challenge\ntitle: T\nstatus: draft\n---\n",
        )])
        .check(&[]);
        run.expect(&[error("missing-field", "content/skola/x.md").at(1, 1)]);
        assert!(run.one("missing-field").message.contains("`summary`"));
        run
    }

    /// `tags` must be a list; the column is the value's.
    pub fn wrong_type() -> Run {
        let run = Guide::new(&[(
            "content/skola/x.md",
            "\
---
type: challenge
title: T
summary: S.
status: draft
tags: skola
---
",
        )])
        .check(&[]);
        run.expect(&[error("wrong-type", "content/skola/x.md").at(6, 7)]);
        assert!(run.one("wrong-type").message.contains("must be a list"));
        run
    }

    /// A misspelt status, with a suggestion. The entry's status is then unknown, so a
    /// published entry linking to it gets no link-to-unpublished on top.
    pub fn invalid_value() -> Run {
        let run = Guide::new(&[
            (
                "content/skola/x.md",
                "\
---
type: challenge
title: T
summary: S.
status: publised
---
",
            ),
            (
                "content/skola/lanka.md",
                "---\ntype: challenge\ntitle: L\nsummary: S.\nstatus: published\nreviewed_by: [A]\nlast_reviewed: 2026-05-01\nrelated: [x]\n---\n\n[x](x.md)\n",
            ),
        ])
        .check(&[]);
        run.expect(&[error("invalid-value", "content/skola/x.md").at(5, 9)]);
        let hint = run.one("invalid-value").hint.clone().unwrap_or_default();
        assert!(hint.starts_with("did you mean `published`?"), "{hint}");
        run
    }

    /// `title: Larmkedjan #1 i klagomålen` would publish "Larmkedjan": the rest of the line
    /// is a YAML comment. A comment written as one (`# ` and a space) is not reported.
    pub fn comment_in_value() -> Run {
        let run = Guide::new(&[(
            "content/skola/x.md",
            "---\ntype: challenge\ntitle: Larmkedjan #1 i klagomålen\nsummary: S. # en vanlig kommentar\nstatus: draft\ntags:\n  - larm #akut\n---\n",
        )])
        .check(&[]);
        run.expect(&[
            error("comment-in-value", "content/skola/x.md").at(3, 19),
            error("comment-in-value", "content/skola/x.md").at(7, 10),
        ]);
        let diags = run.diags();
        assert_eq!(
            diags[0].message,
            "the text after ` #` is read as a comment and dropped: only \"Larmkedjan\" would be published"
        );
        assert_eq!(
            diags[0].hint.as_deref(),
            Some("put the whole value in quotes: \"Larmkedjan #1 i klagomålen\"")
        );
        let sv = Guide::new(&[(
            "content/skola/x.md",
            "---\ntype: challenge\ntitle: Larmkedjan #1 i klagomålen\nsummary: S.\nstatus: draft\n---\n",
        )])
        .check_in("sv", &[]);
        let d = sv.one("comment-in-value");
        assert_eq!(
            (d.message.as_str(), d.hint.as_deref()),
            (
                "texten efter ` #` läses som en kommentar och tas bort: bara \"Larmkedjan\" skulle publiceras",
                Some("sätt hela värdet inom citattecken: \"Larmkedjan #1 i klagomålen\"")
            )
        );
        run
    }

    /// 30 February. The entry is published, but `last_reviewed` is present (only
    /// invalid), so there is no review-missing on top.
    pub fn invalid_date() -> Run {
        let run = Guide::new(&[(
            "content/skola/x.md",
            "\
---
type: challenge
title: T
summary: S.
status: published
reviewed_by: [Anna Svensson]
last_reviewed: 2026-02-30
---
",
        )])
        .check(&[]);
        run.expect(&[error("invalid-date", "content/skola/x.md").at(7, 16)]);
        let d = run.one("invalid-date");
        assert_eq!(
            d.message,
            "`last_reviewed: 2026-02-30` is not a valid date: February 2026 has 28 days"
        );
        assert_eq!(
            d.hint.as_deref(),
            Some("write a day that exists, e.g. 2026-02-28 for the last day of February")
        );
        run
    }

    /// 121 characters is too long (counted as characters, not bytes), 120 is fine; the
    /// same for summaries at 301 and 300.
    pub fn too_long() -> Run {
        let entry = |title: &str, summary: &str| {
            format!(
                "---\ntype: challenge\ntitle: {title}\nsummary: {summary}\nstatus: draft\n---\n"
            )
        };
        let run = Guide::new(&[
            ("content/skola/lang.md", &entry(&"å".repeat(121), "S.")),
            (
                "content/skola/lagom.md",
                &entry(&"å".repeat(120), &"ö".repeat(300)),
            ),
            ("content/skola/ordrik.md", &entry("T", &"ö".repeat(301))),
        ])
        .check(&[]);
        run.expect(&[
            error("too-long", "content/skola/lang.md").at(3, 8),
            error("too-long", "content/skola/ordrik.md").at(4, 10),
        ]);
        run
    }

    /// Upper case and `ä` in a file name; the hint suggests the ASCII id.
    pub fn invalid_id() -> Run {
        let run = Guide::new(&[("content/skola/Lärplattform.md", &challenge("L"))]).check(&[]);
        run.expect(&[error("invalid-id", "content/skola/Lärplattform.md")]);
        let hint = run.one("invalid-id").hint.clone().unwrap_or_default();
        assert!(hint.contains("`larplattform`"), "{hint}");
        run
    }

    /// The same id in two areas: the diagnostic is on one file and names the other.
    pub fn duplicate_id() -> Run {
        let run = Guide::new(&[
            ("content/skola/digital-nyckel.md", &challenge("A")),
            (
                "content/vard/_area.md",
                "---\ntitle: Vård\nsummary: S.\nowner: Vårdteamet\n---\n",
            ),
            ("content/vard/digital-nyckel.md", &challenge("B")),
        ])
        .check(&[]);
        run.expect(&[error("duplicate-id", "content/vard/digital-nyckel.md")]);
        let d = run.one("duplicate-id");
        assert!(
            d.message.contains("content/skola/digital-nyckel.md"),
            "{}",
            d.message
        );
        run
    }

    /// The folder is named, with a trailing `/`; its entry (with its own owner) is fine.
    pub fn missing_area_file() -> Run {
        let run = Guide::new(&[(
            "content/vard/x.md",
            "---\ntype: challenge\ntitle: T\nsummary: S.\nstatus: draft\nowner: Vårdteamet\n---\n",
        )])
        .check(&[]);
        run.expect(&[error("missing-area-file", "content/vard/")]);
        run
    }

    /// `index.md` directly in an area folder (the introduction belongs in `_area.md`).
    pub fn misplaced_file() -> Run {
        let run = Guide::new(&[(
            "content/skola/index.md",
            "---\ntitle: Skola\nsummary: S.\n---\n",
        )])
        .check(&[]);
        run.expect(&[error("misplaced-file", "content/skola/index.md")]);
        run
    }

    /// `.de.md` in a guide of Swedish and English.
    pub fn unknown_language() -> Run {
        let run = Guide::new(&[
            ("content/skola/x.md", &challenge("Nycklar")),
            (
                "content/skola/x.de.md",
                "---\ntitle: Schlüssel\nsummary: S.\nstatus: published\nreviewed_by: [A]\nlast_reviewed: 2026-05-01\n---\n",
            ),
        ])
        .check(&[]);
        run.expect(&[error("unknown-language", "content/skola/x.de.md")]);
        run
    }

    pub fn orphan_translation() -> Run {
        let run = Guide::new(&[(
            "content/skola/y.en.md",
            "---\ntitle: Keys\nsummary: S.\nstatus: published\nreviewed_by: [A]\nlast_reviewed: 2026-05-01\n---\n",
        )])
        .check(&[]);
        run.expect(&[error("orphan-translation", "content/skola/y.en.md")]);
        assert!(run
            .one("orphan-translation")
            .message
            .contains("`content/skola/y.md`"));
        run
    }

    /// A translation repeating `tags` with other values; repeating the same `kind` is fine.
    pub fn translation_mismatch() -> Run {
        let run = Guide::new(&[
            (
                "content/skola/x.md",
                "---\ntype: challenge\ntitle: Nycklar\nsummary: S.\nstatus: draft\ntags: [skola, nycklar]\n---\n",
            ),
            (
                "content/skola/x.en.md",
                "\
---
type: challenge
title: Keys
summary: S.
status: draft
tags: [school, keys]
---
",
            ),
        ])
        .check(&[]);
        run.expect(&[error("translation-mismatch", "content/skola/x.en.md").at(6, 1)]);
        assert!(run.one("translation-mismatch").message.contains("`tags`"));
        run
    }

    /// Reviewed in April, the original in May: a warning, so exit 0.
    pub fn translation_outdated() -> Run {
        let run = Guide::new(&[
            ("content/skola/x.md", &challenge("Nycklar")),
            (
                "content/skola/x.en.md",
                "\
---
title: Keys
summary: S.
status: published
reviewed_by: [Anna Svensson]
last_reviewed: 2026-04-01
---
",
            ),
        ])
        .check(&[]);
        run.expect(&[warning("translation-outdated", "content/skola/x.en.md").at(6, 1)]);
        run
    }

    // ---- References and links ------------------------------------------------------

    /// A `related` id missing a dash, with a "did you mean" hint at the list item.
    pub fn unknown_reference() -> Run {
        let run = Guide::new(&[
            ("content/skola/nyckel-hantering.md", &challenge("Nycklar")),
            (
                "content/skola/x.md",
                "\
---
type: challenge
title: T
summary: S.
status: draft
related: [nyckel-hantering, nyckelhantering]
---
",
            ),
        ])
        .check(&[]);
        run.expect(&[error("unknown-reference", "content/skola/x.md").at(6, 29)]);
        assert_eq!(
            run.one("unknown-reference").hint.as_deref(),
            Some("did you mean `nyckel-hantering`?")
        );
        run
    }

    /// `addresses` naming a solution.
    pub fn not_a_challenge() -> Run {
        let run = Guide::new(&[
            ("content/skola/problem.md", &challenge("P")),
            ("content/skola/annan-losning.md", &solution("[problem]")),
            (
                "content/skola/losning.md",
                &solution("[problem, annan-losning]"),
            ),
        ])
        .check(&[]);
        run.expect(&[error("not-a-challenge", "content/skola/losning.md").at(9, 22)]);
        assert!(run.one("not-a-challenge").message.contains("is a solution"));
        run
    }

    /// The column counts characters: `Se även [Läxhjälp](` is 19 of them.
    pub fn broken_link() -> Run {
        let run = Guide::new(&[(
            "content/skola/x.md",
            "\
---
type: challenge
title: T
summary: S.
status: draft
---

Se även [Läxhjälp](läxa.md).
",
        )])
        .check(&[]);
        run.expect(&[error("broken-link", "content/skola/x.md").at(8, 20)]);
        run
    }

    /// An anchor into another file, one letter short of a heading there.
    pub fn broken_anchor() -> Run {
        let run = Guide::new(&[
            (
                "content/skola/annan.md",
                "---\ntype: challenge\ntitle: A\nsummary: S.\nstatus: draft\n---\n\n## Kostnader\n",
            ),
            (
                "content/skola/x.md",
                "\
---
type: challenge
title: T
summary: S.
status: draft
---

Se [kostnaderna](annan.md#kostnad).
",
            ),
        ])
        .check(&[]);
        run.expect(&[error("broken-anchor", "content/skola/x.md").at(8, 18)]);
        let d = run.one("broken-anchor");
        assert!(
            d.message.contains("`content/skola/annan.md`"),
            "{}",
            d.message
        );
        assert_eq!(d.hint.as_deref(), Some("did you mean `#kostnader`?"));
        run
    }

    pub fn missing_image() -> Run {
        let run = Guide::new(&[(
            "content/skola/x.md",
            "\
---
type: challenge
title: T
summary: S.
status: draft
---

![Flödesschema](flode.png)
",
        )])
        .check(&[]);
        run.expect(&[error("missing-image", "content/skola/x.md").at(8, 17)]);
        run
    }

    /// The image exists; only its alternative text is missing (empty or blank).
    pub fn missing_alt() -> Run {
        let g = Guide::new(&[(
            "content/skola/x.md",
            "\
---
type: challenge
title: T
summary: S.
status: draft
---

![](flode.png)

![ ](flode.png)
",
        )]);
        g.write("content/skola/flode.png", b"\x89PNG\r\n");
        let run = g.check(&[]);
        run.expect(&[
            error("missing-alt", "content/skola/x.md").at(8, 5),
            error("missing-alt", "content/skola/x.md").at(10, 6),
        ]);
        run
    }

    /// Alternative text that is the image's file name, or only says "Bild": warnings at the
    /// text, each saying why and what alternative text is for. A text that describes the
    /// image is fine.
    pub fn meaningless_alt() -> Run {
        let g = Guide::new(&[(
            "content/skola/x.md",
            "\
---
type: challenge
title: T
summary: S.
status: draft
---

![IMG_2041.jpg](IMG_2041.jpg)

Se ![Bild](karta.png) och ![Karta över skolorna i Umeå](karta.png).
",
        )]);
        g.write("content/skola/IMG_2041.jpg", b"jpg");
        g.write("content/skola/karta.png", b"png");
        let run = g.check(&[]);
        run.expect(&[
            warning("meaningless-alt", "content/skola/x.md").at(8, 3),
            warning("meaningless-alt", "content/skola/x.md").at(10, 6),
        ]);
        let what_for = Some("alternative text is what screen-reader users hear instead of the image, and what everyone sees if it does not load: describe in a few words what the image shows");
        assert_eq!(
            (run.diags()[0].message.as_str(), run.diags()[0].hint.as_deref()),
            (
                "the alternative text `IMG_2041.jpg` is a file name, which tells a reader nothing about the image",
                what_for
            )
        );
        assert_eq!(
            (
                run.diags()[1].message.as_str(),
                run.diags()[1].hint.as_deref()
            ),
            (
                "the alternative text `Bild` only says that there is an image, not what it shows",
                what_for
            )
        );
        let what_for = "alternativtexten är det som den som använder skärmläsare hör i stället för bilden, och det som alla ser om bilden inte laddas: beskriv med några ord vad bilden visar";
        assert_eq!(
            said_in_swedish(&g),
            [
                sv(
                    8,
                    3,
                    "alternativtexten `IMG_2041.jpg` är ett filnamn, som inte säger läsaren något om bilden",
                    what_for
                ),
                sv(
                    10,
                    6,
                    "alternativtexten `Bild` säger bara att det finns en bild, inte vad den visar",
                    what_for
                ),
            ]
        );
        run
    }

    /// A link to the site's own address (`base_url`) and one to the preview: each names the
    /// file to link instead, relative to the linking file, with its anchor.
    pub fn link_to_own_site() -> Run {
        let g = own_site_guide(
            "Se [elevhälsan](https://guide.kommun.se/skola/elevhalsa/#kontakt) och [samma i förhandsvisningen](http://127.0.0.1:1111/skola/elevhalsa/).\n",
        );
        let run = g.check(&[]);
        let f = "content/vard/besok.md";
        run.expect(&[
            error("link-to-own-site", f).at(8, 17),
            error("link-to-own-site", f).at(8, 99),
        ]);
        let said: Vec<_> = run.diags().iter().map(said).collect();
        assert_eq!(
            said,
            [
                (
                    "`https://guide.kommun.se/skola/elevhalsa/#kontakt` is this site's own address written in full: the check cannot follow it, and it breaks when the site moves",
                    Some("link to the file instead: `../skola/elevhalsa.md#kontakt`")
                ),
                (
                    "`http://127.0.0.1:1111/skola/elevhalsa/` is the address of the preview on your own computer, which readers cannot open",
                    Some("link to the file instead: `../skola/elevhalsa.md`")
                ),
            ]
        );
        assert_eq!(
            said_in_swedish(&g),
            [
                sv(
                    8,
                    17,
                    "`https://guide.kommun.se/skola/elevhalsa/#kontakt` är webbplatsens egen adress, utskriven i sin helhet: kontrollen kan inte följa länken, och den slutar fungera om webbplatsen flyttar",
                    "länka till filen i stället: `../skola/elevhalsa.md#kontakt`"
                ),
                sv(
                    8,
                    99,
                    "`http://127.0.0.1:1111/skola/elevhalsa/` är adressen till förhandsvisningen på din egen dator, som läsarna inte kan öppna",
                    "länka till filen i stället: `../skola/elevhalsa.md`"
                ),
            ]
        );
        run
    }

    /// A warning: the check still passes.
    pub fn external_image() -> Run {
        let run = Guide::new(&[(
            "content/skola/x.md",
            "\
---
type: challenge
title: T
summary: S.
status: draft
---

![Kommunens logga](https://example.com/logga.png)
",
        )])
        .check(&[]);
        run.expect(&[warning("external-image", "content/skola/x.md").at(8, 20)]);
        run
    }

    /// An alias that is another entry's address.
    pub fn alias_conflict() -> Run {
        let run = Guide::new(&[
            ("content/skola/annan.md", &challenge("A")),
            (
                "content/skola/x.md",
                "\
---
type: challenge
title: T
summary: S.
status: draft
aliases: [gammal-adress/, skola/annan/]
---
",
            ),
        ])
        .check(&[]);
        run.expect(&[error("alias-conflict", "content/skola/x.md").at(6, 27)]);
        assert!(run
            .one("alias-conflict")
            .message
            .contains("`content/skola/annan.md`"));
        run
    }

    // ---- Review workflow -----------------------------------------------------------

    /// Published without `reviewed_by` and `last_reviewed`: both named, at `status`.
    pub fn review_missing() -> Run {
        let run = Guide::new(&[(
            "content/skola/x.md",
            "\
---
type: challenge
title: T
summary: S.
status: published
---
",
        )])
        .check(&[]);
        run.expect(&[
            error("review-missing", "content/skola/x.md").at(5, 1),
            error("review-missing", "content/skola/x.md").at(5, 1),
        ]);
        let messages: BTreeSet<&str> = run.diags().iter().map(|d| d.message.as_str()).collect();
        assert!(messages.iter().any(|m| m.contains("`reviewed_by`")));
        assert!(messages.iter().any(|m| m.contains("`last_reviewed`")));
        run
    }

    /// Reviewed on 1 July, judged on 15 June.
    pub fn review_in_future() -> Run {
        let run = Guide::new(&[(
            "content/skola/x.md",
            "\
---
type: challenge
title: T
summary: S.
status: published
reviewed_by: [Anna Svensson]
last_reviewed: 2026-07-01
---
",
        )])
        .check(&["--today", "2026-06-15"]);
        run.expect(&[error("review-in-future", "content/skola/x.md").at(7, 1)]);
        run
    }

    /// A published entry linking to a draft ("is a draft") and, through `related`, to an
    /// entry in review ("is in review"): both errors, at the link and at the list item.
    pub fn link_to_unpublished() -> Run {
        let run = Guide::new(&[
            (
                "content/skola/utkast.md",
                &challenge_with_status("U", "draft"),
            ),
            (
                "content/skola/granskas.md",
                &challenge_with_status("G", "in_review"),
            ),
            (
                "content/skola/x.md",
                "\
---
type: challenge
title: T
summary: S.
status: published
reviewed_by: [Anna Svensson]
last_reviewed: 2026-05-01
related: [granskas]
---

Se [utkastet](utkast.md).
",
            ),
        ])
        .check(&[]);
        run.expect(&[
            error("link-to-unpublished", "content/skola/x.md").at(8, 11),
            error("link-to-unpublished", "content/skola/x.md").at(11, 15),
        ]);
        let message = |line| {
            run.diags()
                .iter()
                .find(|d| d.line == Some(line))
                .map(|d| d.message.clone())
                .unwrap_or_default()
        };
        assert!(message(11).contains("is a draft"), "{run}");
        assert!(message(8).contains("is in review"), "{run}");
        run
    }

    /// A published entry linking to an archived one: a warning.
    pub fn link_to_archived() -> Run {
        let run = Guide::new(&[
            (
                "content/skola/gammal.md",
                &challenge_with_status("G", "archived"),
            ),
            (
                "content/skola/x.md",
                "\
---
type: challenge
title: T
summary: S.
status: published
reviewed_by: [Anna Svensson]
last_reviewed: 2026-05-01
---

Se [den gamla](gammal.md).
",
            ),
        ])
        .check(&[]);
        run.expect(&[warning("link-to-archived", "content/skola/x.md").at(10, 16)]);
        assert!(run.one("link-to-archived").message.contains("is archived"));
        run
    }

    /// Reviewed 2025-07-01, every 12 months: due 2026-07-01, 16 days after `--today`.
    pub fn review_due_soon() -> Run {
        let run = review_dates_guide("2025-07-01").check(&["--today", "2026-06-15"]);
        run.expect(&[warning("review-due-soon", "content/skola/x.md").at(7, 1)]);
        assert!(run
            .one("review-due-soon")
            .message
            .contains("due in 16 days, on 2026-07-01"));
        run
    }

    /// Reviewed 2025-06-01, every 12 months: due 2026-06-01, 14 days before `--today`.
    pub fn review_overdue() -> Run {
        let run = review_dates_guide("2025-06-01").check(&["--today", "2026-06-15"]);
        run.expect(&[warning("review-overdue", "content/skola/x.md").at(7, 1)]);
        assert!(run
            .one("review-overdue")
            .message
            .contains("overdue by 14 days"));
        run
    }

    /// A published entry, and an area, whose summaries are still what `signpost new` wrote;
    /// a draft with one is fine.
    pub fn placeholder_summary() -> Run {
        let run = Guide::new(&[
            (
                "content/skola/x.md",
                "---\ntype: challenge\ntitle: T\nsummary: \"UTKAST: Beskriv utmaningen.\"\nstatus: published\nreviewed_by: [Anna Svensson]\nlast_reviewed: 2026-01-10\n---\n",
            ),
            (
                "content/skola/utkast.md",
                "---\ntype: challenge\ntitle: U\nsummary: \"UTKAST: Beskriv utmaningen.\"\nstatus: draft\n---\n",
            ),
            (
                "content/vard/_area.md",
                "---\ntitle: Vård\nsummary: \"UTKAST: Beskriv området.\"\nowner: Vårdteamet\n---\n",
            ),
        ])
        .check(&[]);
        run.expect(&[
            warning("placeholder-summary", "content/skola/x.md").at(4, 1),
            warning("placeholder-summary", "content/vard/_area.md").at(3, 1),
        ]);
        run
    }

    /// An override in `templates/` that uses a variable pages do not have (found by
    /// rendering a page of each kind in memory, placed on the line that names it).
    pub fn template_error() -> Run {
        let run = Guide::new(&[(
            "templates/partials/footer.html",
            "<footer>\n  <p>{{ site.title }} – {{ site.contact_email }}</p>\n</footer>\n",
        )])
        .check(&[]);
        run.expect(&[error("template-error", "templates/partials/footer.html").at(2, 28)]);
        assert!(run
            .one("template-error")
            .message
            .contains("`site.contact_email` not found"));
        run
    }

    /// 150 broken links in one file: the first 100 are listed, then one line says how many
    /// more there are; every one is still counted.
    pub fn too_many_problems() -> Run {
        let mut body = String::new();
        for i in 0..150 {
            body.push_str(&format!("[l](saknas-{i}.md)\n"));
        }
        let run = Guide::new(&[("content/skola/x.md", &format!("{}\n{body}", challenge("X")))])
            .check(&[]);
        let diags = run.diags();
        assert_eq!(diags.len(), 101, "{run}");
        assert_eq!(run.report.errors, 150, "every problem is counted");
        assert!(diags[..100].iter().all(|d| d.code == "broken-link"));
        let more = &diags[100];
        assert_eq!(
            (
                more.code.as_str(),
                more.severity.as_str(),
                more.file.as_deref()
            ),
            ("too-many-problems", "error", Some("content/skola/x.md"))
        );
        assert_eq!(more.line, diags[99].line.map(|l| l + 1));
        assert!(more.message.contains("50 more"), "{}", more.message);
        assert_eq!(run.exit(), 1);
        run
    }
}

/// A guide at `https://guide.kommun.se/` with the entry `content/skola/elevhalsa.md` (a
/// heading `## Kontakt`), an image `content/skola/bilder/karta.png` and a draft
/// `content/vard/besok.md` whose text, on line 8, is `text`.
fn own_site_guide(text: &str) -> Guide {
    let g = Guide::new(&[
        (
            "config.toml",
            "title = \"Testguiden\"\nlanguages = [\"sv\", \"en\"]\nbase_url = \"https://guide.kommun.se/\"\n",
        ),
        (
            "content/skola/elevhalsa.md",
            "---\ntype: challenge\ntitle: Elevhälsa\nsummary: S.\nstatus: draft\n---\n\n## Kontakt\n",
        ),
        (
            "content/vard/_area.md",
            "---\ntitle: Vård\nsummary: S.\nowner: Vårdteamet\n---\n",
        ),
        (
            "content/vard/besok.md",
            &format!("---\ntype: challenge\ntitle: Besök\nsummary: S.\nstatus: draft\n---\n\n{text}"),
        ),
    ]);
    g.write("content/skola/bilder/karta.png", b"png");
    g
}

/// A published challenge `content/skola/x.md` last reviewed on `date` (line 7).
fn review_dates_guide(date: &str) -> Guide {
    Guide::new(&[(
        "content/skola/x.md",
        &format!(
            "---\ntype: challenge\ntitle: T\nsummary: S.\nstatus: published\nreviewed_by: [Anna Svensson]\nlast_reviewed: {date}\n---\n"
        ),
    )])
}

// ---- A clean guide ---------------------------------------------------------------------

#[test]
fn the_default_fixture_is_clean() {
    Guide::new(&[]).check(&[]).expect_clean();
}

/// Every kind of file, linked every way the format allows, checks clean.
#[test]
fn a_complete_valid_guide_is_clean() {
    let run = Guide::new(&[
        (
            "content/_index.md",
            "---\ntitle: Digitaliseringsguiden\nsummary: Utmaningar och lösningar.\n---\n\nLäs [om guiden](om.md) och om [skolan](skola/_area.md).\n",
        ),
        (
            "content/_index.en.md",
            "---\ntitle: The digitalisation guide\nsummary: Challenges and solutions.\n---\n",
        ),
        (
            "content/om.md",
            "---\ntype: page\ntitle: Om guiden\nsummary: Vilka vi är.\nstatus: published\nreviewed_by: [Redaktionen]\nlast_reviewed: 2026-03-01\norder: 1\n---\n\n## Så gjorde vi {#hur}\n\nSe [hur](#hur) och [frånvaron](skola/franvaro.md#så-gjorde-vi).\n",
        ),
        (
            "content/skola/_area.en.md",
            "---\ntitle: School\nsummary: Challenges in school.\n---\n",
        ),
        (
            "content/skola/franvaro.md",
            "---\ntype: challenge\ntitle: Frånvaron rapporteras sent\nsummary: S.\nstatus: published\nreviewed_by: [Anna Svensson, Erik Lind]\nlast_reviewed: 2026-05-01\nreview_interval: 24\ntags: [frånvaro]\norganisations: [Umeå kommun]\nrelated: [franvaro-app]\ncreated: 2024-01-10\naliases: [gammal/franvaro/]\n---\n\n## Så gjorde vi\n\nText med en [länk](https://example.org/) och [lösningen](franvaro-app/index.md#kostnader).\n\n## Så gjorde vi\n\nTvå rubriker med samma text: [den andra](#så-gjorde-vi-1), [kodad](#s%C3%A5-gjorde-vi).\n",
        ),
        (
            "content/skola/franvaro.en.md",
            "---\ntitle: Absence is reported late\nsummary: S.\nstatus: published\nreviewed_by: [Anna Svensson]\nlast_reviewed: 2026-05-02\ntags: [frånvaro]\n---\n\nSee [the Swedish text](franvaro.md).\n",
        ),
        (
            "content/skola/franvaro-app/index.md",
            "---\ntype: solution\nkind: case-study\ntitle: En app för frånvaro\nsummary: S.\nstatus: published\nowner: Umeå kommun\nreviewed_by: [Anna Svensson]\nlast_reviewed: 2026-05-01\naddresses: [franvaro]\nprovider: Umeå kommun\nprovider_type: public\nlinks:\n  - title: Projektsidan\n    url: https://example.org/projekt\n---\n\n## Kostnader\n\n![Flödet från anmälan till registrering](flode.png)\n\n[Checklista](checklista.pdf) och [tillbaka](../franvaro.md).\n",
        ),
        ("content/skola/franvaro-app/flode.png", "png"),
        ("content/skola/franvaro-app/checklista.pdf", "pdf"),
        (
            "content/skola/utkast.md",
            "---\ntype: challenge\ntitle: Ett utkast\nsummary: S.\nstatus: draft\n---\n\nEtt utkast får länka till [ett annat utkast](granskas.md).\n",
        ),
        ("content/skola/granskas.md", &challenge_with_status("G", "in_review")),
        ("content/skola/_anteckningar.md", "inte en del av guiden"),
        ("content/.git-liknande/x.md", "ignoreras"),
    ])
    .check(&[]);
    run.expect_clean();
}

/// A UTF-8 byte order mark and Windows line ends are invisible to the check.
#[test]
fn bom_and_crlf_files_check_clean() {
    let crlf = challenge("Windows").replace('\n', "\r\n");
    let bom = format!("\u{feff}{}", challenge("Med BOM"));
    let both = format!("\u{feff}{crlf}");
    let g = Guide::new(&[
        ("content/skola/crlf.md", &crlf),
        ("content/skola/bom.md", &bom),
        ("content/skola/bada.md", &both),
    ]);
    g.write(
        "config.toml",
        format!("\u{feff}{}", common::CONFIG.replace('\n', "\r\n")),
    );
    g.check(&[]).expect_clean();
}

/// Positions in a CRLF file with a BOM are those an editor shows.
#[test]
fn positions_in_a_crlf_file_with_bom_are_right() {
    let text = "\u{feff}---\r\ntype: challenge\r\ntitel: T\r\nsummary: S.\r\nstatus: draft\r\n---\r\n\r\nSe [x](saknas.md).\r\n";
    let run = Guide::new(&[("content/skola/x.md", text)]).check(&[]);
    run.expect(&[
        error("unknown-field", "content/skola/x.md").at(3, 1),
        error("broken-link", "content/skola/x.md").at(8, 8),
    ]);
}

// ---- Reading files: variants -----------------------------------------------------------

#[test]
fn a_dangling_symbolic_link_is_a_read_error() {
    let g = Guide::new(&[]);
    g.symlink("content/skola/borta.md", "finns-inte.md");
    let run = g.check(&[]);
    run.expect(&[error("read-error", "content/skola/borta.md")]);
    let hint = run.one("read-error").hint.clone().unwrap_or_default();
    assert!(hint.contains("symbolic link"), "{hint}");
}

#[test]
fn not_utf8_on_the_first_line_after_a_bom() {
    let g = Guide::new(&[]);
    g.write("content/skola/x.md", b"\xef\xbb\xbfK\xe4r\n");
    g.check(&[])
        .expect(&[error("not-utf8", "content/skola/x.md").at(1, 2)]);
}

#[test]
fn a_duplicate_key_in_config_toml_is_a_duplicate_field() {
    let run = Guide::new(&[(
        "config.toml",
        "title = \"Testguiden\"\n[review]\ninterval_months = 6\n[search]\nenabled = true\n[review]\ndue_soon_days = 10\n",
    )])
    .check(&[]);
    run.expect(&[error("duplicate-field", "config.toml").at(6, 2)]);
    assert!(run.one("duplicate-field").message.contains("`review`"));
}

/// A broken config.toml leaves the languages unknown: translations are not blamed for it.
#[test]
fn a_broken_config_does_not_cascade_into_unknown_languages() {
    Guide::new(&[
        ("config.toml", "title = \"Testguiden\nlanguages = [\"sv\", \"en\"]\n"),
        ("content/skola/x.md", &challenge("X")),
        (
            "content/skola/x.en.md",
            "---\ntitle: X\nsummary: S.\nstatus: published\nreviewed_by: [A]\nlast_reviewed: 2026-05-01\nlang: en\n---\n",
        ),
    ])
    .check(&[])
    .expect(&[error("toml-syntax", "config.toml").at(1, 20)]);
}

#[test]
fn ignored_files_are_not_read() {
    let g = Guide::new(&[
        ("content/skola/_utkast.md", ""),
        ("content/_arkiv/x.md", "inte front matter"),
        ("content/skola/.dold.md", ""),
    ]);
    g.write("content/skola/anteckning.txt", b"\xff\xfe");
    g.check(&[]).expect_clean();
}

// ---- Schema: variants ------------------------------------------------------------------

#[test]
fn unknown_setting_in_config_toml_has_a_suggestion() {
    let run = Guide::new(&[(
        "config.toml",
        "title = \"Testguiden\"\n[review]\nintervall_months = 6\n",
    )])
    .check(&[]);
    run.expect(&[error("unknown-field", "config.toml").at(3, 1)]);
    assert_eq!(
        run.one("unknown-field").hint.as_deref(),
        Some("did you mean `interval_months`?")
    );
}

#[test]
fn a_solution_field_on_a_challenge_is_unknown() {
    let run = Guide::new(&[(
        "content/skola/x.md",
        "---\ntype: challenge\ntitle: T\nsummary: S.\nstatus: draft\nkind: tool\n---\n",
    )])
    .check(&[]);
    run.expect(&[error("unknown-field", "content/skola/x.md").at(6, 1)]);
    assert!(run
        .one("unknown-field")
        .hint
        .as_deref()
        .unwrap_or_default()
        .contains("only used on solutions"));
}

#[test]
fn a_solution_needs_kind_and_addresses() {
    let run = Guide::new(&[(
        "content/skola/x.md",
        "---\ntype: solution\ntitle: T\nsummary: S.\nstatus: draft\n---\n",
    )])
    .check(&[]);
    run.expect(&[
        error("missing-field", "content/skola/x.md").at(1, 1),
        error("missing-field", "content/skola/x.md").at(1, 1),
    ]);
    let text: String = run.diags().iter().map(|d| d.message.clone()).collect();
    assert!(
        text.contains("`kind`") && text.contains("`addresses`"),
        "{run}"
    );
}

#[test]
fn an_empty_addresses_list_is_missing() {
    let run = Guide::new(&[(
        "content/skola/x.md",
        "---\ntype: solution\nkind: tool\ntitle: T\nsummary: S.\nstatus: draft\naddresses: []\n---\n",
    )])
    .check(&[]);
    run.expect(&[error("missing-field", "content/skola/x.md").at(7, 1)]);
}

/// The owner comes from the entry or its area; with neither, it is missing.
#[test]
fn owner_is_required_unless_the_area_sets_it() {
    let no_owner_area = "---\ntitle: Skola\nsummary: S.\n---\n";
    let run = Guide::new(&[
        (common::AREA_PATH, no_owner_area),
        ("content/skola/x.md", &challenge("Utan ägare")),
        (
            "content/skola/y.md",
            "---\ntype: challenge\ntitle: Med ägare\nsummary: S.\nstatus: draft\nowner: Erik Lind\n---\n",
        ),
    ])
    .check(&[]);
    run.expect(&[error("missing-field", "content/skola/x.md").at(1, 1)]);
    assert!(run.one("missing-field").message.contains("`owner`"));
}

#[test]
fn an_empty_title_is_missing() {
    let run = Guide::new(&[(
        "content/skola/x.md",
        "---\ntype: challenge\ntitle:\nsummary: S.\nstatus: draft\n---\n",
    )])
    .check(&[]);
    run.expect(&[error("missing-field", "content/skola/x.md").at(3, 1)]);
}

#[test]
fn a_challenge_outside_an_area_is_misplaced() {
    let run = Guide::new(&[(
        "content/sida.md",
        "---\ntype: challenge\ntitle: T\nsummary: S.\n---\n",
    )])
    .check(&[]);
    run.expect(&[error("misplaced-file", "content/sida.md").at(2, 7)]);
}

#[test]
fn a_page_inside_an_area_is_misplaced() {
    let run = Guide::new(&[(
        "content/skola/sida.md",
        "---\ntype: page\ntitle: T\nsummary: S.\nstatus: draft\n---\n",
    )])
    .check(&[]);
    run.expect(&[error("misplaced-file", "content/skola/sida.md").at(2, 7)]);
}

/// Entries and pages share one namespace.
#[test]
fn a_page_and_an_entry_with_the_same_id_are_duplicates() {
    let run = Guide::new(&[
        (
            "content/kontakt.md",
            "---\ntype: page\ntitle: Kontakt\nsummary: S.\n---\n",
        ),
        ("content/skola/kontakt.md", &challenge("K")),
    ])
    .check(&[]);
    run.expect(&[error("duplicate-id", "content/skola/kontakt.md")]);
    assert!(run
        .one("duplicate-id")
        .message
        .contains("`content/kontakt.md`"));
}

#[test]
fn an_entry_folder_and_file_with_the_same_id_are_duplicates() {
    let run = Guide::new(&[
        ("content/skola/x.md", &challenge("A")),
        ("content/skola/x/index.md", &challenge("B")),
    ])
    .check(&[]);
    run.expect(&[error("duplicate-id", "content/skola/x.md")]);
    assert!(run
        .one("duplicate-id")
        .message
        .contains("`content/skola/x/index.md`"));
}

#[test]
fn an_invalid_area_folder_name() {
    let run = Guide::new(&[(
        "content/Skola_2/_area.md",
        "---\ntitle: Skola\nsummary: S.\n---\n",
    )])
    .check(&[]);
    run.expect(&[error("invalid-id", "content/Skola_2/_area.md")]);
}

#[test]
fn a_lang_field_naming_an_unknown_language() {
    let run = Guide::new(&[(
        "content/skola/x.md",
        "---\ntype: challenge\ntitle: T\nsummary: S.\nstatus: draft\nlang: de\n---\n",
    )])
    .check(&[]);
    run.expect(&[error("unknown-language", "content/skola/x.md").at(6, 7)]);
}

#[test]
fn a_translation_reviewed_after_its_original_is_current() {
    Guide::new(&[
        ("content/skola/x.md", &challenge("Nycklar")),
        (
            "content/skola/x.en.md",
            "---\ntype: challenge\ntitle: Keys\nsummary: S.\nstatus: published\nreviewed_by: [A]\nlast_reviewed: 2026-05-01\n---\n",
        ),
    ])
    .check(&[])
    .expect_clean();
}

// ---- References and links: variants ---------------------------------------------------

#[test]
fn addresses_naming_a_page() {
    let run = Guide::new(&[
        (
            "content/om.md",
            "---\ntype: page\ntitle: Om\nsummary: S.\n---\n",
        ),
        ("content/skola/problem.md", &challenge("P")),
        ("content/skola/losning.md", &solution("[problem, om]")),
    ])
    .check(&[]);
    run.expect(&[error("not-a-challenge", "content/skola/losning.md").at(9, 22)]);
    assert!(run.one("not-a-challenge").message.contains("is a page"));
}

#[test]
fn addresses_naming_nothing() {
    let run = Guide::new(&[("content/skola/losning.md", &solution("[saknas]"))]).check(&[]);
    run.expect(&[error("unknown-reference", "content/skola/losning.md").at(9, 13)]);
}

#[test]
fn a_missing_anchor_in_the_same_file() {
    let run = Guide::new(&[(
        "content/skola/x.md",
        "---\ntype: challenge\ntitle: T\nsummary: S.\nstatus: draft\n---\n\n## Bakgrund\n\nSe [nedan](#bakgrun) och [ovan](#bakgrund).\n",
    )])
    .check(&[]);
    run.expect(&[error("broken-anchor", "content/skola/x.md").at(10, 12)]);
    assert_eq!(
        run.one("broken-anchor").hint.as_deref(),
        Some("did you mean `#bakgrund`?")
    );
}

#[test]
fn anchors_into_other_files_with_swedish_letters_and_explicit_ids() {
    Guide::new(&[
        (
            "content/skola/annan.md",
            "---\ntype: challenge\ntitle: A\nsummary: S.\nstatus: draft\n---\n\n## Så gjorde Skellefteå!\n\n## Kostnader & finansiering {#pengar}\n",
        ),
        (
            "content/skola/x.md",
            "---\ntype: challenge\ntitle: T\nsummary: S.\nstatus: draft\n---\n\n[a](annan.md#så-gjorde-skellefteå) [b](annan.md#pengar) [c](./annan.md#s%C3%A5-gjorde-skellefte%C3%A5)\n",
        ),
    ])
    .check(&[])
    .expect_clean();
}

/// An explicit `{#id}` replaces the slug: the slug is no longer an anchor.
#[test]
fn an_explicit_id_replaces_the_slug() {
    let run = Guide::new(&[
        (
            "content/skola/annan.md",
            "---\ntype: challenge\ntitle: A\nsummary: S.\nstatus: draft\n---\n\n## Kostnader {#pengar}\n",
        ),
        (
            "content/skola/x.md",
            "---\ntype: challenge\ntitle: T\nsummary: S.\nstatus: draft\n---\n\n[a](annan.md#kostnader)\n",
        ),
    ])
    .check(&[]);
    run.expect(&[error("broken-anchor", "content/skola/x.md").at(8, 5)]);
}

#[test]
fn links_to_other_areas_pages_and_static_files() {
    let g = Guide::new(&[
        (
            "content/vard/_area.md",
            "---\ntitle: Vård\nsummary: S.\nowner: V\n---\n",
        ),
        ("content/vard/natt/index.md", &challenge("Natt")),
        (
            "content/om.md",
            "---\ntype: page\ntitle: Om\nsummary: S.\n---\n",
        ),
        (
            "content/skola/x.md",
            "---\ntype: challenge\ntitle: T\nsummary: S.\nstatus: draft\n---\n\n[a](../vard/natt/index.md#bakgrund) [b](../vard/natt/) [c](../om.md) [d](../../static/logga.svg) [e](../vard/) [f](/om/)\n",
        ),
    ]);
    g.write("static/logga.svg", "<svg/>");
    g.check(&[]).expect_clean();
}

/// Links to files that exist but are not part of the published guide are broken too.
#[test]
fn links_outside_the_published_guide_are_broken() {
    let run = Guide::new(&[
        ("content/skola/_utkast.md", "---\ntitle: x\n---\n"),
        (
            "content/skola/x.md",
            "---\ntype: challenge\ntitle: T\nsummary: S.\nstatus: draft\n---\n\n[a](_utkast.md)\n[b](../../config.toml)\n[c](../../../../utanfor.md)\n[d](/finns-inte/)\n",
        ),
    ])
    .check(&[]);
    run.expect(&[
        error("broken-link", "content/skola/x.md").at(8, 5),
        error("broken-link", "content/skola/x.md").at(9, 5),
        error("broken-link", "content/skola/x.md").at(10, 5),
        error("broken-link", "content/skola/x.md").at(11, 5),
    ]);
}

#[test]
fn a_misspelt_link_gets_a_suggestion() {
    let run = Guide::new(&[
        ("content/skola/franvarohantering.md", &challenge("F")),
        (
            "content/skola/x.md",
            "---\ntype: challenge\ntitle: T\nsummary: S.\nstatus: draft\n---\n\n[f](franvarohantering.md) [g](franvarohanterin.md)\n",
        ),
    ])
    .check(&[]);
    run.expect(&[error("broken-link", "content/skola/x.md").at(8, 31)]);
    assert_eq!(
        run.one("broken-link").hint.as_deref(),
        Some("did you mean `franvarohantering.md`?")
    );
}

#[test]
fn two_aliases_claiming_the_same_address() {
    let alias = |title: &str| {
        format!("---\ntype: challenge\ntitle: {title}\nsummary: S.\nstatus: draft\naliases: [gammal/]\n---\n")
    };
    let run = Guide::new(&[
        ("content/skola/a.md", &alias("A")),
        ("content/skola/b.md", &alias("B")),
    ])
    .check(&[]);
    run.expect(&[error("alias-conflict", "content/skola/b.md").at(6, 11)]);
}

#[test]
fn an_alias_that_is_not_a_path_is_invalid() {
    let run = Guide::new(&[(
        "content/skola/x.md",
        "---\ntype: challenge\ntitle: T\nsummary: S.\nstatus: draft\naliases: [\"https://example.org/x/\"]\n---\n",
    )])
    .check(&[]);
    run.expect(&[error("invalid-value", "content/skola/x.md").at(6, 11)]);
}

// ---- Review workflow: variants ---------------------------------------------------------

/// A file that cannot be read properly still has its id: links to it, `related` and
/// `addresses` naming it add nothing. Each broken file has its own error, and that is all.
#[test]
fn links_to_unreadable_files_do_not_cascade() {
    let broken = ["yaml", "ingen", "oavslutad", "tom", "latin"];
    let list = broken.join(", ");
    let links: String = broken
        .iter()
        .map(|id| format!("[{id}]({id}.md) "))
        .collect();
    let g = Guide::new(&[
        (
            "content/skola/yaml.md",
            "---\ntype: challenge\ntitle: [oavslutad\n---\n",
        ),
        ("content/skola/ingen.md", "Ingen front matter.\n"),
        ("content/skola/oavslutad.md", "---\ntype: challenge\n"),
        ("content/skola/tom.md", ""),
        (
            "content/skola/x.md",
            &format!("---\ntype: challenge\ntitle: T\nsummary: S.\nstatus: published\nreviewed_by: [A]\nlast_reviewed: 2026-05-01\nrelated: [{list}]\n---\n\n{links}\n"),
        ),
        ("content/skola/losning.md", &solution(&format!("[{list}]"))),
    ]);
    g.write("content/skola/latin.md", b"---\ntitle: \xe5\n---\n");
    g.check(&[]).expect(&[
        // The YAML reader notices the missing `]` only at the end of the block.
        error("yaml-syntax", "content/skola/yaml.md").at(4, 1),
        error("no-front-matter", "content/skola/ingen.md").at(1, 1),
        error("unterminated-front-matter", "content/skola/oavslutad.md").at(1, 1),
        error("empty-file", "content/skola/tom.md"),
        error("not-utf8", "content/skola/latin.md").at(2, 8),
    ]);
}

#[test]
fn a_published_solution_addressing_a_draft() {
    let run = Guide::new(&[
        (
            "content/skola/problem.md",
            &challenge_with_status("P", "draft"),
        ),
        ("content/skola/losning.md", &solution("[problem]")),
    ])
    .check(&[]);
    run.expect(&[error("link-to-unpublished", "content/skola/losning.md").at(9, 13)]);
    assert!(run
        .one("link-to-unpublished")
        .message
        .contains("is a draft"));
}

/// Drafts may link to drafts; only what is published is held to it.
#[test]
fn a_draft_linking_to_a_draft_is_fine() {
    Guide::new(&[
        ("content/skola/a.md", &challenge_with_status("A", "draft")),
        (
            "content/skola/b.md",
            "---\ntype: challenge\ntitle: B\nsummary: S.\nstatus: in_review\nrelated: [a]\n---\n\n[a](a.md)\n",
        ),
    ])
    .check(&[])
    .expect_clean();
}

#[test]
fn a_published_page_needs_a_review_too() {
    let run = Guide::new(&[(
        "content/om.md",
        "---\ntype: page\ntitle: Om\nsummary: S.\nstatus: published\nreviewed_by: [Redaktionen]\n---\n",
    )])
    .check(&[]);
    run.expect(&[error("review-missing", "content/om.md").at(5, 1)]);
}

#[test]
fn a_future_review_date_is_judged_against_today() {
    let g = review_dates_guide("2026-07-01");
    g.check(&["--today", "2026-07-01"]).expect_clean();
    g.check(&["--today", "2026-06-30"])
        .expect(&[error("review-in-future", "content/skola/x.md").at(7, 1)]);
}

/// The same file, judged on different days (`review.due_soon_days` is 30).
#[test]
fn review_freshness_follows_today() {
    let g = review_dates_guide("2025-07-01");
    let file = "content/skola/x.md";
    g.check(&["--today", "2026-05-31"]).expect_clean();
    g.check(&["--today", "2026-06-01"])
        .expect(&[warning("review-due-soon", file).at(7, 1)]);
    g.check(&["--today", "2026-07-01"])
        .expect(&[warning("review-due-soon", file).at(7, 1)]);
    g.check(&["--today", "2026-07-02"])
        .expect(&[warning("review-overdue", file).at(7, 1)]);
}

#[test]
fn the_area_review_interval_applies_to_its_entries() {
    let g = review_dates_guide("2025-07-01");
    g.write(
        common::AREA_PATH,
        "---\ntitle: Skola\nsummary: S.\nowner: Skolteamet\nreview_interval: 24\n---\n",
    );
    g.check(&["--today", "2026-07-02"]).expect_clean();
    g.check(&["--today", "2027-07-02"])
        .expect(&[warning("review-overdue", "content/skola/x.md").at(7, 1)]);
}

#[test]
fn config_review_settings_change_the_dates() {
    let g = review_dates_guide("2026-01-01");
    g.write(
        "config.toml",
        "title = \"T\"\n[review]\ninterval_months = 6\ndue_soon_days = 10\n",
    );
    let file = "content/skola/x.md";
    g.check(&["--today", "2026-06-20"]).expect_clean();
    g.check(&["--today", "2026-06-21"])
        .expect(&[warning("review-due-soon", file).at(7, 1)]);
    g.check(&["--today", "2026-07-02"])
        .expect(&[warning("review-overdue", file).at(7, 1)]);
}

#[test]
fn review_overdue_error_in_config_fails_the_check() {
    let g = review_dates_guide("2025-06-01");
    g.write(
        "config.toml",
        "title = \"T\"\n[review]\noverdue = \"error\"\n",
    );
    let run = g.check(&[]);
    run.expect(&[error("review-overdue", "content/skola/x.md").at(7, 1)]);
    assert_eq!(run.exit(), 1);
}

/// `review.overdue = "error"` concerns overdue reviews only, not those due soon.
#[test]
fn review_overdue_error_leaves_due_soon_a_warning() {
    let g = review_dates_guide("2025-07-01");
    g.write(
        "config.toml",
        "title = \"T\"\n[review]\noverdue = \"error\"\n",
    );
    g.check(&[])
        .expect(&[warning("review-due-soon", "content/skola/x.md").at(7, 1)]);
}

#[test]
fn deny_warnings_makes_a_warning_fail() {
    let g = review_dates_guide("2025-06-01");
    let run = g.check(&[]);
    run.expect(&[warning("review-overdue", "content/skola/x.md").at(7, 1)]);
    assert_eq!(run.exit(), 0);
    let run = g.check(&["--deny-warnings"]);
    run.expect(&[error("review-overdue", "content/skola/x.md").at(7, 1)]);
    assert_eq!(run.exit(), 1);
}

#[test]
fn an_invalid_overdue_setting() {
    let run = Guide::new(&[(
        "config.toml",
        "title = \"T\"\n[review]\noverdue = \"fel\"\n",
    )])
    .check(&[]);
    run.expect(&[error("invalid-value", "config.toml").at(3, 11)]);
}

/// The suggestion for a broken link is another entry, never the linking file itself.
#[test]
fn a_broken_link_never_suggests_its_own_file() {
    let run = Guide::new(&[(
        "content/skola/x.md",
        "---\ntype: challenge\ntitle: T\nsummary: S.\nstatus: draft\n---\n\n[a](a.md) ![Kön](y.png)\n",
    )])
    .check(&[]);
    run.expect(&[
        error("broken-link", "content/skola/x.md").at(8, 5),
        error("missing-image", "content/skola/x.md").at(8, 18),
    ]);
    assert!(run.diags().iter().all(|d| d.hint.is_none()), "{run}");
}

#[test]
fn ids_the_site_uses_for_its_own_pages_are_reserved() {
    let run = Guide::new(&[
        (
            "content/tags.md",
            "---\ntype: page\ntitle: Taggar\nsummary: S.\n---\n",
        ),
        (
            "content/search/_area.md",
            "---\ntitle: Sök\nsummary: S.\n---\n",
        ),
        (
            "content/en.md",
            "---\ntype: page\ntitle: En\nsummary: S.\n---\n",
        ),
    ])
    .check(&[]);
    run.expect(&[
        error("invalid-id", "content/en.md"),
        error("invalid-id", "content/search/_area.md"),
        error("invalid-id", "content/tags.md"),
    ]);
}

#[test]
fn links_to_pages_the_build_makes_are_not_broken() {
    let run = Guide::new(&[(
        "content/om.md",
        "---\ntype: page\ntitle: Om\nsummary: S.\n---\nSe [alla utmaningar](/challenges/), [sök](/search/), [flödet](/feed.xml) och [saknas](/finns-inte/).\n",
    )])
    .check(&[]);
    run.expect(&[error("broken-link", "content/om.md").at(6, 87)]);
}

/// The open data and the feeds of open challenges are pages the build makes, in every
/// language; a misspelt one is still broken.
#[test]
fn links_to_the_open_data_and_open_challenge_feeds_are_not_broken() {
    let run = Guide::new(&[(
        "content/om.md",
        "---\ntype: page\ntitle: Om\nsummary: S.\n---\n[a](/api/entries.json) [b](/en/api/entries.csv) [c](/api/entries.schema.json) [d](/open-challenges/feed.xml) [e](/skola/open-challenges.xml) [f](/api/entries.jsn)\n",
    )])
    .check(&[]);
    run.expect(&[error("broken-link", "content/om.md").at(6, 146)]);
}

/// `[repository]` and `[owners]` in config.toml: an address signpost cannot link to, a
/// branch that cannot be one, a contact without `@`, a misspelt setting.
#[test]
fn repository_and_owners_settings_are_checked() {
    let run = Guide::new(&[(
        "config.toml",
        "title = \"T\"\n[repository]\nurl = \"https://github.com/kfvn\"\nbrach = \"main\"\n[owners]\nSkolteamet = \"skolteamet@kommun.se\"\n",
    )])
    .check(&[]);
    run.expect(&[
        error("invalid-value", "config.toml").at(3, 7),
        error("unknown-field", "config.toml").at(4, 1),
        error("invalid-value", "config.toml").at(6, 14),
    ]);
    assert!(run
        .one("unknown-field")
        .hint
        .as_deref()
        .unwrap_or_default()
        .contains("branch"));
    let fine = Guide::new(&[(
        "config.toml",
        "title = \"T\"\n[repository]\nurl = \"https://gitlab.kommun.se/it/guide\"\nbranch = \"publicerad\"\n[owners]\nSkolteamet = \"@it/skola @anna\"\n",
    )])
    .check(&[]);
    fine.expect_clean();
}

#[test]
fn links_written_as_site_addresses_find_entries_aliases_and_tags() {
    let run = Guide::new(&[
        (
            "content/skola/franvaro.md",
            "---\ntype: challenge\ntitle: F\nsummary: S.\nstatus: draft\ntags: [Frånvaro]\naliases: [gammal/franvaro/]\n---\n\nText.\n",
        ),
        (
            "content/om.md",
            "---\ntype: page\ntitle: Om\nsummary: S.\n---\n[a](/skola/franvaro/) [b](/gammal/franvaro/) [c](/tags/franvaro/) [d](/tags/saknas/) [e](/skola/saknas/)\n",
        ),
    ])
    .check(&[]);
    run.expect(&[
        error("broken-link", "content/om.md").at(6, 71),
        error("broken-link", "content/om.md").at(6, 90),
    ]);
}

#[test]
fn an_image_in_an_ignored_folder_is_reported_because_it_is_not_published() {
    let guide = Guide::new(&[(
        "content/skola/x.md",
        &format!(
            "{}\n![Ett diagram](../_bilder/diagram.png)\n",
            challenge("X")
        ),
    )]);
    guide.write("content/_bilder/diagram.png", b"png");
    let run = guide.check(&[]);
    let d = run.one("missing-image");
    assert!(
        d.message.contains("not part of the published guide"),
        "{}",
        d.message
    );
}

/// A syntax error in an override is placed at the parser's line and column.
#[test]
fn template_error_for_a_syntax_error_names_line_and_column() {
    Guide::new(&[(
        "templates/page.html",
        "{% extends \"base.html\" %}\n{% block content %}\n<h1>{{ page.title }</h1>\n{% endblock content %}\n",
    )])
    .check(&[])
    .expect(&[error("template-error", "templates/page.html").at(3, 19)]);
}

/// An own theme (`themes/<name>/`) is checked too: a template extending one that is not
/// there names the file.
#[test]
fn template_error_in_an_own_theme() {
    let g = Guide::new(&[
        (
            "config.toml",
            "title = \"T\"\nbase_url = \"https://example.org/\"\ntheme = \"mine\"\n",
        ),
        (
            "themes/mine/templates/home.html",
            "{% extends \"missing.html\" %}\n",
        ),
    ]);
    let run = g.check(&[]);
    run.expect(&[error("template-error", "themes/mine/templates/home.html").at(1, 13)]);
    assert!(run.one("template-error").message.contains("missing.html"));
}

/// A correct override, and the built-in theme itself, give nothing.
#[test]
fn a_correct_override_is_clean() {
    Guide::new(&[(
        "templates/partials/footer.html",
        "<footer><p>{{ site.title }}</p></footer>\n",
    )])
    .check(&[])
    .expect_clean();
}

/// A `theme` that names no theme is found by the check, on its value, not first by `build`.
#[test]
fn an_unknown_theme_is_an_invalid_value_in_config_toml() {
    let run = Guide::new(&[(
        "config.toml",
        "title = \"T\"\nbase_url = \"https://example.org/\"\ntheme =  \"kommunen\"\n",
    )])
    .check(&[]);
    run.expect(&[error("invalid-value", "config.toml").at(3, 10)]);
    assert!(run
        .one("invalid-value")
        .message
        .contains("the theme `kommunen` does not exist"));
}

// ---- Hostile input (issue 14) ------------------------------------------------------

/// A draft challenge `content/skola/<name>.md` whose front matter ends with `extra`
/// (from line 6 on).
fn draft_with(extra: &str) -> String {
    format!("---\ntype: challenge\ntitle: T\nsummary: S.\nstatus: draft\n{extra}---\n")
}

/// Aliases are normalised once: `./`, `//` and `.` parts cannot make an alias that
/// overwrites the home page, a page (its own included) or a file the site makes itself,
/// and aliases no file system can hold are reported where they are written.
#[test]
fn aliases_cannot_take_the_sites_own_addresses_in_any_spelling() {
    let long = "x".repeat(300);
    let run = Guide::new(&[
        (
            "content/skola/x.md",
            &draft_with(&format!(
                "aliases:\n  - ./\n  - skola/./x/\n  - skola//annan\n  - sitemap.xml\n  - assets/signpost.css\n  - \"a\\0b/\"\n  - .\n  - {long}\n  - gammal/./sida/\n"
            )),
        ),
        ("content/skola/annan.md", &challenge("A")),
    ])
    .check(&[]);
    let f = "content/skola/x.md";
    run.expect(&[
        error("invalid-value", f).at(7, 5),
        error("alias-conflict", f).at(8, 5),
        error("alias-conflict", f).at(9, 5),
        error("alias-conflict", f).at(10, 5),
        error("alias-conflict", f).at(11, 5),
        error("invalid-value", f).at(12, 5),
        error("invalid-value", f).at(13, 5),
        error("invalid-value", f).at(14, 5),
    ]);
    let messages: Vec<&str> = run.diags().iter().map(|d| d.message.as_str()).collect();
    assert!(messages.iter().any(|m| m.contains("home page")), "{run}");
    assert!(messages.iter().any(|m| m.contains("too long")), "{run}");
    assert!(
        messages
            .iter()
            .any(|m| m.contains("`skola/x/`, which is already that of `content/skola/x.md`")),
        "an alias onto its own page: {run}"
    );
}

/// A link that would run script when clicked is refused whatever it looks like; only
/// web addresses and `mailto:` are links.
#[test]
fn link_urls_that_run_script_are_refused() {
    let run = Guide::new(&[
        ("content/skola/a.md", &challenge("A")),
        (
        "content/skola/x.md",
        "---\ntype: solution\nkind: tool\ntitle: T\nsummary: S.\nstatus: draft\naddresses: [a]\nlinks:\n  - title: A\n    url: \"javascript://%0aalert(1)\"\n  - title: B\n    url: \"data://text/html,<script>x</script>\"\n  - title: C\n    url: https://example.org/\n---\n",
    ),
    ])
    .check(&[]);
    run.expect(&[
        error("invalid-value", "content/skola/x.md").at(10, 10),
        error("invalid-value", "content/skola/x.md").at(12, 10),
    ]);
}

/// `title: #1 i klagomålen`: the whole value is a YAML comment, so the field would be empty
/// although the editor wrote one. One diagnostic saying so, not "`title` is empty" or
/// "missing" on top.
#[test]
fn a_value_that_starts_with_a_hash_is_reported_as_a_comment() {
    let g = Guide::new(&[(
        "content/skola/x.md",
        "---\ntype: challenge\ntitle: #1 i klagomålen\nsummary: S.\nstatus: draft\n---\n",
    )]);
    let run = g.check(&[]);
    run.expect(&[error("comment-in-value", "content/skola/x.md").at(3, 8)]);
    let d = run.one("comment-in-value");
    assert_eq!(
        d.message,
        "the value of `title` starts with `#`, so YAML reads all of it as a comment and `title` is empty"
    );
    assert_eq!(
        d.hint.as_deref(),
        Some("put the whole value in quotes: \"#1 i klagomålen\"")
    );
    let sv = g.check_in("sv", &[]);
    assert_eq!(
        sv.one("comment-in-value").message,
        "värdet i `title` börjar med `#`, så YAML läser hela värdet som en kommentar och `title` blir tomt"
    );
}

/// The YAML mistakes editors make, each told in plain words at its own line, in both
/// languages, rather than in the YAML reader's words ("mapping values are not allowed").
#[test]
fn yaml_mistakes_are_explained_in_plain_words() {
    let head = "---\ntype: challenge\n";
    let g = Guide::new(&[
        (
            "content/skola/kolon.md",
            &format!("{head}title:Larmkedjan\nsummary: S.\n---\n"),
        ),
        (
            "content/skola/tabb.md",
            &format!("{head}title: T\nreviewed_by:\n\t- Anna\n---\n"),
        ),
        (
            "content/skola/citat.md",
            &format!("{head}title: \"Larm\nsummary: S.\n---\n"),
        ),
        (
            "content/skola/indrag.md",
            &format!("{head}title: T\n  summary: S.\n---\n"),
        ),
    ]);
    let said = |run: &Run, file: &str| {
        let d = run
            .diags()
            .iter()
            .find(|d| d.file.as_deref() == Some(file))
            .unwrap_or_else(|| panic!("nothing for {file}:\n{run}"));
        assert_eq!(d.code, "yaml-syntax", "{run}");
        (
            d.line,
            d.column,
            d.message.clone(),
            d.hint.clone().unwrap_or_default(),
        )
    };
    let en = g.check(&[]);
    let sv = g.check_in("sv", &[]);
    let cases = [
        (
            "content/skola/kolon.md",
            (3, 6),
            "the colon after `title` needs a space",
            "write `title: Larmkedjan`",
            "kolonet efter `title` behöver ett mellanslag",
        ),
        (
            "content/skola/tabb.md",
            (5, 1),
            "tabs cannot indent YAML: use spaces",
            "replace the tab at the start of this line with spaces (two per level)",
            "tabbar kan inte användas för indrag i YAML: använd mellanslag",
        ),
        (
            "content/skola/citat.md",
            (3, 8),
            "a quotation mark is opened but never closed",
            "end the value with the same kind of quotation mark it starts with (\" or ')",
            "ett citattecken öppnas men stängs aldrig",
        ),
        (
            "content/skola/indrag.md",
            (4, 3),
            "this line is indented differently from the lines around it",
            "start each field at the beginning of the line, and each list item with the same number of spaces before `- `",
            "den här raden har ett annat indrag än raderna runt omkring",
        ),
    ];
    for (file, (line, column), message, hint, swedish) in cases {
        let (l, c, m, h) = said(&en, file);
        assert_eq!((l, c), (Some(line), Some(column)), "{file}: {m}");
        assert_eq!((m.as_str(), h.as_str()), (message, hint), "{file}");
        let (l, c, m, _) = said(&sv, file);
        assert_eq!(
            (l, c, m.as_str()),
            (Some(line), Some(column), swedish),
            "{file}"
        );
    }
    // A web address is not a field without its space.
    let ok = Guide::new(&[(
        "content/skola/url.md",
        "---\ntype: solution\nkind: tool\ntitle: T\nsummary: S.\nstatus: draft\naddresses: [x]\nlinks:\n  - title: A\n    url: https://example.org/\n---\n",
    )])
    .check(&[]);
    assert!(ok.diags().iter().all(|d| d.code != "yaml-syntax"), "{ok}");
}

/// `--- # comment` inside the front matter would start a second YAML document and drop
/// the fields after it; a YAML tag would change a value's meaning unseen.
#[test]
fn a_second_yaml_document_and_yaml_tags_are_errors_not_silence() {
    let run = Guide::new(&[
        (
            "content/skola/x.md",
            &draft_with("--- # a comment\ntags: [a]\n"),
        ),
        ("content/skola/y.md", &draft_with("order: !!str 12\n")),
    ])
    .check(&[]);
    run.expect(&[
        error("yaml-syntax", "content/skola/x.md").at(6, 1),
        // At the value the tag is on.
        error("yaml-syntax", "content/skola/y.md").at(6, 14),
    ]);
    assert!(
        run.diags()[0].message.contains("second YAML document"),
        "{run}"
    );
    assert!(run.diags()[1].message.contains("`!!str`"), "{run}");
}

/// `base_url` with a query or fragment, a theme name that is a path, and a warning time
/// past the calendar are reported in config.toml, and nothing crashes.
#[test]
fn config_values_that_break_links_escape_themes_or_dates_are_refused() {
    let g = Guide::new(&[("content/skola/a.md", &challenge("A"))]);
    g.write(
        "config.toml",
        "title = \"G\"\nbase_url = \"https://example.org/guide/?x=1\"\ntheme = \"../../etc\"\n\n[review]\ndue_soon_days = 9223372036854775807\n",
    );
    let run = g.check(&[]);
    run.expect(&[
        error("invalid-value", "config.toml").at(2, 12),
        error("invalid-value", "config.toml").at(3, 9),
        error("invalid-value", "config.toml").at(6, 17),
    ]);
    assert!(run.out.stderr.is_empty(), "{}", run.out.stderr);
}

/// Escape sequences in a field name reach the terminal as text, never as commands.
#[test]
fn the_human_format_never_prints_control_characters() {
    let g = Guide::new(&[(
        "content/skola/x.md",
        &draft_with("\"evil\\e[2J\\e]0;pwned\\a\\nline\": 1\n"),
    )]);
    let out = g.check_raw(&["--format", "human"]);
    assert_eq!(out.code, 1);
    assert!(out.stdout.contains("unknown-field"), "{}", out.stdout);
    assert!(
        !out.stdout.chars().any(|c| c.is_control() && c != '\n'),
        "{:?}",
        out.stdout
    );
}

/// Each tag is a page in every language: more than 50 on one entry is refused at the field,
/// and a tag with no letter a–z or digit (it would get no page) is named at its item.
#[test]
fn tags_are_limited_and_each_can_have_a_page() {
    let many: String = (0..60).map(|i| format!("  - t{i}\n")).collect();
    let run = Guide::new(&[
        ("content/skola/x.md", &draft_with(&format!("tags:\n{many}"))),
        (
            "content/skola/y.md",
            &draft_with("tags: [Skola, Мосты, \"日本語\", Åäö]\n"),
        ),
    ])
    .check(&[]);
    run.expect(&[
        error("limit-exceeded", "content/skola/x.md").at(7, 3),
        error("invalid-value", "content/skola/y.md").at(6, 15),
        error("invalid-value", "content/skola/y.md").at(6, 22),
    ]);
}

/// A misspelt review field on a published entry is one problem, not two: the unknown field
/// says what was meant, and the review rule does not also call the field missing.
#[test]
fn a_misspelt_review_field_is_one_diagnostic() {
    let run = Guide::new(&[(
        "content/skola/x.md",
        "---\ntype: challenge\ntitle: T\nsummary: S.\nstatus: published\nreviewd_by: [Anna Svensson]\nlast_reviewed: 2026-05-01\n---\n",
    )])
    .check(&[]);
    run.expect(&[error("unknown-field", "content/skola/x.md").at(6, 1)]);
    assert_eq!(
        run.one("unknown-field").hint.as_deref(),
        Some("did you mean `reviewed_by`?")
    );
    // Without the field at all, it is missing.
    let run = Guide::new(&[(
        "content/skola/x.md",
        "---\ntype: challenge\ntitle: T\nsummary: S.\nstatus: published\nlast_reviewed: 2026-05-01\n---\n",
    )])
    .check(&[]);
    run.expect(&[error("review-missing", "content/skola/x.md").at(5, 1)]);
}

/// `- Karin Sjöberg` then `    - Per Åkesson`: YAML reads one reviewer, "Karin Sjöberg - Per
/// Åkesson". Reported at the over-indented line, as a list of the wrong shape.
#[test]
fn a_list_item_indented_under_the_previous_one_is_reported() {
    let run = Guide::new(&[(
        "content/skola/x.md",
        "---\ntype: challenge\ntitle: T\nsummary: S.\nstatus: published\nreviewed_by:\n  - Karin Sjöberg\n    - Per Åkesson\nlast_reviewed: 2026-05-01\n---\n",
    )])
    .check(&[]);
    run.expect(&[error("wrong-type", "content/skola/x.md").at(8, 5)]);
    assert!(
        run.one("wrong-type")
            .message
            .contains("one list item in YAML, \"Karin Sjöberg - Per Åkesson\""),
        "{run}"
    );
    // The same items at one indentation are two reviewers, and fine.
    Guide::new(&[(
        "content/skola/x.md",
        "---\ntype: challenge\ntitle: T\nsummary: S.\nstatus: published\nreviewed_by:\n  - Karin Sjöberg\n  - Per Åkesson\nlast_reviewed: 2026-05-01\n---\n",
    )])
    .check(&[])
    .expect_clean();
}

/// An alias onto one of the guide's own static files would replace it or be dropped: the
/// check says which file it is, for every alias that does (the files are listed once).
#[test]
fn an_alias_onto_a_static_file_is_a_conflict() {
    let run = Guide::new(&[
        ("static/logga.svg", "<svg/>"),
        (
            "content/skola/x.md",
            "---\ntype: challenge\ntitle: T\nsummary: S.\nstatus: draft\naliases:\n  - logga.svg\n  - gammal-sida/\n---\n",
        ),
        (
            "content/skola/y.md",
            "---\ntype: challenge\ntitle: U\nsummary: S.\nstatus: draft\naliases: [/logga.svg]\n---\n",
        ),
    ])
    .check(&[]);
    run.expect(&[
        error("alias-conflict", "content/skola/x.md").at(7, 5),
        error("alias-conflict", "content/skola/y.md").at(6, 11),
    ]);
    assert!(
        run.diags()
            .iter()
            .all(|d| d.message.contains("the static file `logga.svg`")),
        "{run}"
    );
}

// ---- Swedish words for fields and values (issue 11) ------------------------------------

/// The message and hint of a diagnostic, to compare with what an editor should read.
fn said(d: &common::Diag) -> (&str, Option<&str>) {
    (d.message.as_str(), d.hint.as_deref())
}

/// The position, message and hint of every diagnostic of a check in Swedish (`--lang sv`).
fn said_in_swedish(g: &Guide) -> Vec<(u32, u32, String, Option<String>)> {
    g.check_in("sv", &[])
        .diags()
        .iter()
        .map(|d| {
            (
                d.line.unwrap_or(0),
                d.column.unwrap_or(0),
                d.message.clone(),
                d.hint.clone(),
            )
        })
        .collect()
}

/// `(line, column, message, hint)` as [`said_in_swedish`] gives it.
fn sv(line: u32, column: u32, message: &str, hint: &str) -> (u32, u32, String, Option<String>) {
    (line, column, message.to_string(), Some(hint.to_string()))
}

/// `granskad_av:` and `senast_granskad:` on a published entry are the review fields written
/// in Swedish: each is one unknown-field naming the English field, and the review rule does
/// not also call the fields missing.
#[test]
fn swedish_review_fields_are_one_diagnostic_each_naming_the_field() {
    let g = Guide::new(&[(
        "content/skola/x.md",
        "---\ntype: challenge\ntitle: T\nsummary: S.\nstatus: published\ngranskad_av: [Anna Svensson]\nsenast-granskad: 2026-05-01\n---\n",
    )]);
    let run = g.check(&[]);
    run.expect(&[
        error("unknown-field", "content/skola/x.md").at(6, 1),
        error("unknown-field", "content/skola/x.md").at(7, 1),
    ]);
    assert_eq!(
        said(&run.diags()[0]),
        (
            "unknown field `granskad_av`",
            Some("did you mean `reviewed_by`?")
        )
    );
    assert_eq!(
        said(&run.diags()[1]),
        (
            "unknown field `senast-granskad`",
            Some("did you mean `last_reviewed`?")
        )
    );
    assert_eq!(
        said_in_swedish(&g),
        [
            sv(6, 1, "okänt fält `granskad_av`", "menade du `reviewed_by`?"),
            sv(
                7,
                1,
                "okänt fält `senast-granskad`",
                "menade du `last_reviewed`?"
            ),
        ]
    );
}

/// Required fields written in Swedish (`titel`, `sammanfattning`, `typ`, `ägare` where the
/// area names no owner): one unknown-field each, no missing-field for what they stand for.
#[test]
fn swedish_required_fields_are_not_also_missing() {
    let run = Guide::new(&[
        (common::AREA_PATH, "---\ntitle: Skola\nsummary: S.\n---\n"),
        (
            "content/skola/x.md",
            "---\ntyp: challenge\ntitel: Köer\nsammanfattning: S.\nstatus: draft\nägare: Skolteamet\n---\n",
        ),
    ])
    .check(&[]);
    let f = "content/skola/x.md";
    run.expect(&[
        error("unknown-field", f).at(2, 1),
        error("unknown-field", f).at(3, 1),
        error("unknown-field", f).at(4, 1),
        error("unknown-field", f).at(6, 1),
    ]);
    let hints: Vec<_> = run.diags().iter().map(said).collect();
    assert_eq!(
        hints,
        [
            ("unknown field `typ`", Some("did you mean `type`?")),
            ("unknown field `titel`", Some("did you mean `title`?")),
            (
                "unknown field `sammanfattning`",
                Some("did you mean `summary`?")
            ),
            ("unknown field `ägare`", Some("did you mean `owner`?")),
        ]
    );
}

/// A Swedish field name and the English one both written: the English one is read, and the
/// Swedish one is still unknown (the rest of the check judges the English one).
#[test]
fn a_swedish_field_beside_the_real_one_does_not_hide_it() {
    let run = Guide::new(&[(
        "content/skola/x.md",
        "---\ntype: challenge\ntitle: T\nsummary: S.\nstatus: published\ngranskare: [Anna Svensson]\nlast_reviewed: 2026-05-01\n---\n",
    )])
    .check(&[]);
    // `reviewed_by` is not written at all: it is taken as meant by `granskare`.
    run.expect(&[error("unknown-field", "content/skola/x.md").at(6, 1)]);
    let run = Guide::new(&[(
        "content/skola/x.md",
        "---\ntype: challenge\ntitle: T\nsummary: S.\nstatus: published\ngranskare: [Anna Svensson]\nreviewed_by: []\nlast_reviewed: 2026-05-01\n---\n",
    )])
    .check(&[]);
    // Both written, the real one empty: it is missing, whatever the Swedish one says.
    run.expect(&[
        error("unknown-field", "content/skola/x.md").at(6, 1),
        error("review-missing", "content/skola/x.md").at(5, 1),
    ]);
}

/// Swedish values (`publicerad`, `verktyg`, `utmaning`, `tjänst`, `offentlig`) and values
/// written another way (`In review`, `case study`): the hint names the value meant.
#[test]
fn swedish_values_name_the_value_meant() {
    let g = Guide::new(&[
        ("content/skola/problem.md", &challenge("P")),
        (
            "content/skola/x.md",
            "---\ntype: solution\ntitle: T\nsummary: S.\nstatus: publicerad\nkind: verktyg\naddresses: [problem]\nprovider_type: offentlig\n---\n",
        ),
        (
            "content/skola/y.md",
            "---\ntype: utmaning\ntitle: T\nsummary: S.\nstatus: In review\n---\n",
        ),
        (
            "content/skola/z.md",
            "---\ntype: solution\ntitle: T\nsummary: S.\nstatus: utkast\nkind: case study\naddresses: [problem]\n---\n",
        ),
    ]);
    let run = g.check(&[]);
    run.expect(&[
        error("invalid-value", "content/skola/x.md").at(5, 9),
        error("invalid-value", "content/skola/x.md").at(6, 7),
        error("invalid-value", "content/skola/x.md").at(8, 16),
        error("invalid-value", "content/skola/y.md").at(2, 7),
        error("invalid-value", "content/skola/y.md").at(5, 9),
        error("invalid-value", "content/skola/z.md").at(5, 9),
        error("invalid-value", "content/skola/z.md").at(6, 7),
    ]);
    let said: Vec<_> = run.diags().iter().map(said).collect();
    let status = "Allowed: draft, in_review, published, archived";
    let kind = "Allowed: method, tool, case-study, service, inspiration";
    assert_eq!(
        said,
        [
            (
                "`status: publicerad` is not allowed",
                Some(format!("did you mean `published`? {status}").as_str())
            ),
            (
                "`kind: verktyg` is not allowed",
                Some(format!("did you mean `tool`? {kind}").as_str())
            ),
            (
                "`provider_type: offentlig` is not allowed",
                Some("did you mean `public`? Allowed: public, private, academic, nonprofit")
            ),
            (
                "`type: utmaning` is not allowed",
                Some("did you mean `challenge`? Allowed: challenge, solution, page")
            ),
            (
                "`status: In review` is not allowed",
                Some(format!("did you mean `in_review`? {status}").as_str())
            ),
            (
                "`status: utkast` is not allowed",
                Some(format!("did you mean `draft`? {status}").as_str())
            ),
            (
                "`kind: case study` is not allowed",
                Some(format!("did you mean `case-study`? {kind}").as_str())
            ),
        ]
    );
    let swedish = said_in_swedish(&g);
    assert_eq!(
        swedish[..2],
        [
            sv(
                5,
                9,
                "`status: publicerad` är inte tillåtet",
                "menade du `published`? Tillåtna värden: draft, in_review, published, archived"
            ),
            sv(
                6,
                7,
                "`kind: verktyg` är inte tillåtet",
                "menade du `tool`? Tillåtna värden: method, tool, case-study, service, inspiration"
            ),
        ]
    );
}

/// `område:` is no field: an entry's area is its folder, and the hint says which it is.
#[test]
fn an_area_field_says_the_area_is_the_folder() {
    let g = Guide::new(&[(
        "content/skola/x.md",
        "---\ntype: challenge\ntitle: T\nsummary: S.\nstatus: draft\nområde: vard\n---\n",
    )]);
    let run = g.check(&[]);
    run.expect(&[error("unknown-field", "content/skola/x.md").at(6, 1)]);
    assert_eq!(
        said(run.one("unknown-field")),
        (
            "unknown field `område`",
            Some("an entry's area is the folder it is in, here `skola`: to change it, move the file to another area's folder")
        )
    );
    assert_eq!(
        said_in_swedish(&g),
        [sv(
            6,
            1,
            "okänt fält `område`",
            "ett inläggs område är mappen det ligger i, här `skola`: flytta filen till ett annat områdes mapp för att byta område"
        )]
    );
}

// ---- Images in raw HTML (issue 11) ------------------------------------------------------

/// An `<img>` without `alt` is an error, as `![](…)` is; `alt=""` marks decoration and is
/// fine; `alt=" "` is no text; `alt="skärmbild"` says nothing; an `<img>` in a comment or a
/// code span is no image.
#[test]
fn html_images_need_alternative_text_too() {
    let g = Guide::new(&[(
        "content/skola/x.md",
        "\
---
type: challenge
title: T
summary: S.
status: draft
---

<figure>
  <img src=\"karta.png\">
  <figcaption>Skolorna i Umeå</figcaption>
</figure>

Logga: <img src=\"karta.png\" alt=\"\"> och <img src=\"karta.png\" alt=\"skärmbild\"> och <IMG SRC=karta.png ALT=\" \">

Förr: <!-- <img src=\"karta.png\"> --> `<img src=\"karta.png\">` <img src=\"karta.png\" alt=\"Karta över skolorna\">
",
    )]);
    g.write("content/skola/karta.png", b"png");
    let run = g.check(&[]);
    let f = "content/skola/x.md";
    run.expect(&[
        error("missing-alt", f).at(9, 3),
        warning("meaningless-alt", f).at(13, 41),
        error("missing-alt", f).at(13, 83),
    ]);
    let said: Vec<_> = run.diags().iter().map(said).collect();
    assert_eq!(
        said,
        [
            (
                "the image `karta.png` has no alternative text: its `<img>` has no `alt`",
                Some("add `alt=\"…\"` saying what the image shows; only an image that is mere decoration gets an empty `alt=\"\"`")
            ),
            (
                "the alternative text `skärmbild` only says that there is an image, not what it shows",
                Some("alternative text is what screen-reader users hear instead of the image, and what everyone sees if it does not load: describe in a few words what the image shows")
            ),
            (
                "the image `karta.png` has only spaces as its alternative text",
                Some("write in `alt=\"…\"` what the image shows, or `alt=\"\"` with nothing between the quotes for an image that is mere decoration")
            ),
        ]
    );
    assert_eq!(
        said_in_swedish(&g),
        [
            sv(
                9,
                3,
                "bilden `karta.png` har ingen alternativtext: dess `<img>` saknar `alt`",
                "lägg till `alt=\"…\"` som säger vad bilden visar; bara en bild som är ren utsmyckning ska ha ett tomt `alt=\"\"`"
            ),
            sv(
                13,
                41,
                "alternativtexten `skärmbild` säger bara att det finns en bild, inte vad den visar",
                "alternativtexten är det som den som använder skärmläsare hör i stället för bilden, och det som alla ser om bilden inte laddas: beskriv med några ord vad bilden visar"
            ),
            sv(
                13,
                83,
                "bilden `karta.png` har bara mellanslag som alternativtext",
                "skriv i `alt=\"…\"` vad bilden visar, eller `alt=\"\"` utan något mellan citattecknen om bilden bara är utsmyckning"
            ),
        ]
    );
}

// ---- Links to the site's own address, and letter case (issue 11) -----------------------

/// A full address of the site that is a list the build makes, an image, an address near a
/// page's, and one with nothing there: each hint says what to write, or that there is no
/// such page. An image at the site's address is that, not an external image.
#[test]
fn links_to_the_sites_own_address_name_what_to_write() {
    let g = own_site_guide(
        "[a](https://guide.kommun.se/challenges/)\n[b](https://guide.kommun.se/skola/elevh%C3%A4lsa/)\n[c](https://guide.kommun.se/finns-inte/)\n![Karta över skolorna](http://localhost:1111/skola/bilder/karta.png)\n[d](https://annan.kommun.se/skola/elevhalsa/)\n",
    );
    let run = g.check(&[]);
    let f = "content/vard/besok.md";
    run.expect(&[
        error("link-to-own-site", f).at(8, 5),
        error("link-to-own-site", f).at(9, 5),
        error("link-to-own-site", f).at(10, 5),
        error("link-to-own-site", f).at(11, 24),
    ]);
    let hints: Vec<_> = run.diags().iter().map(|d| d.hint.as_deref()).collect();
    assert_eq!(
        hints,
        [
            Some("link to it by its address on the site instead: `/challenges/`"),
            Some("no page of the guide has the address `/skola/elevhälsa/`; did you mean `../skola/elevhalsa.md`?"),
            Some("no page of the guide has the address `/finns-inte/`: link to the Markdown file of the page you mean, by its path from this file"),
            Some("use the image's file instead: `../skola/bilder/karta.png`"),
        ]
    );
    let hints: Vec<Option<String>> = said_in_swedish(&g).into_iter().map(|d| d.3).collect();
    assert_eq!(
        hints,
        [
            Some("länka till den med dess adress på webbplatsen i stället: `/challenges/`".to_string()),
            Some("ingen sida i guiden har adressen `/skola/elevhälsa/`; menade du `../skola/elevhalsa.md`?".to_string()),
            Some("ingen sida i guiden har adressen `/finns-inte/`: länka till Markdown-filen för sidan du menar, med sökvägen från den här filen".to_string()),
            Some("använd bildens fil i stället: `../skola/bilder/karta.png`".to_string()),
        ]
    );
}

/// A link written as an address that no page has: the hint names the real file meant when
/// one is near, and never a made-up example.
#[test]
fn a_broken_site_address_names_the_real_file() {
    let g = own_site_guide(
        "[a](/challenges/elevhalsa/) [b](/skola/elevhalsa/) [c](/helt-fel/)\n[d](/challenges/elevhals/)\n",
    );
    let run = g.check(&[]);
    let f = "content/vard/besok.md";
    run.expect(&[
        error("broken-link", f).at(8, 5),
        error("broken-link", f).at(8, 56),
        error("broken-link", f).at(9, 5),
    ]);
    let said: Vec<_> = run.diags().iter().map(said).collect();
    assert_eq!(
        said,
        [
            (
                "`/challenges/elevhalsa/` is not an address on this site",
                Some("did you mean `../skola/elevhalsa.md`? Link to the Markdown file, by its path from this file: the link then works on the git host too")
            ),
            (
                "`/helt-fel/` is not an address on this site",
                Some("no page of the guide has this address: link to the Markdown file of the page you mean, by its path from this file")
            ),
            // The last part is close to an entry's id.
            (
                "`/challenges/elevhals/` is not an address on this site",
                Some("did you mean `../skola/elevhalsa.md`? Link to the Markdown file, by its path from this file: the link then works on the git host too")
            ),
        ]
    );
    assert_eq!(
        said_in_swedish(&g),
        [
            sv(
                8,
                5,
                "`/challenges/elevhalsa/` är ingen adress på den här webbplatsen",
                "menade du `../skola/elevhalsa.md`? Länka till Markdown-filen, med sökvägen från den här filen: då fungerar länken också på GitHub eller GitLab"
            ),
            sv(
                8,
                56,
                "`/helt-fel/` är ingen adress på den här webbplatsen",
                "ingen sida i guiden har den här adressen: länka till Markdown-filen för sidan du menar, med sökvägen från den här filen"
            ),
            sv(
                9,
                5,
                "`/challenges/elevhals/` är ingen adress på den här webbplatsen",
                "menade du `../skola/elevhalsa.md`? Länka till Markdown-filen, med sökvägen från den här filen: då fungerar länken också på GitHub eller GitLab"
            ),
        ]
    );
}

/// An image or link whose path differs from a real file only in letter case is missing on
/// the web server, whatever this computer's file system says: "did you mean" the real name.
#[test]
fn a_path_that_differs_only_in_letter_case_says_which_file_is_meant() {
    let g = own_site_guide(
        "![Karta över skolorna](../skola/Bilder/Karta.PNG) [Elevhälsa](../Skola/Elevhalsa.md)\n",
    );
    let run = g.check(&[]);
    let f = "content/vard/besok.md";
    run.expect(&[
        error("missing-image", f).at(8, 24),
        error("broken-link", f).at(8, 63),
    ]);
    let said: Vec<_> = run.diags().iter().map(said).collect();
    assert_eq!(
        said,
        [
            (
                "the image `../skola/Bilder/Karta.PNG` points at `content/skola/Bilder/Karta.PNG`, which does not exist",
                Some("did you mean `../skola/bilder/karta.png`? Capital and small letters must match the file's name exactly")
            ),
            (
                "the link `../Skola/Elevhalsa.md` points at `content/Skola/Elevhalsa.md`, which does not exist",
                Some("did you mean `../skola/elevhalsa.md`? Capital and small letters must match the file's name exactly")
            ),
        ]
    );
    assert_eq!(
        said_in_swedish(&g),
        [
            sv(
                8,
                24,
                "bilden `../skola/Bilder/Karta.PNG` pekar på `content/skola/Bilder/Karta.PNG`, som inte finns",
                "menade du `../skola/bilder/karta.png`? Stora och små bokstäver måste stämma exakt med filens namn"
            ),
            sv(
                8,
                63,
                "länken `../Skola/Elevhalsa.md` pekar på `content/Skola/Elevhalsa.md`, som inte finns",
                "menade du `../skola/elevhalsa.md`? Stora och små bokstäver måste stämma exakt med filens namn"
            ),
        ]
    );
}
