//! `signpost review`: the review queue in its three formats, with a fixed `--today`.

mod common;

use std::path::Path;

use common::{signpost, Guide, CONFIG};
use serde_json::json;

const TODAY: &str = "2026-06-15";

/// An entry's front matter: `type: challenge`, the title, a status and `extra` lines.
fn entry(title: &str, status: &str, extra: &str) -> String {
    format!("---\ntype: challenge\ntitle: {title}\nsummary: S.\nstatus: {status}\n{extra}---\n\nText.\n")
}

/// A guide with two areas (`skola`, owned by Skolteamet, 12-month reviews; `vard`, owned by
/// Anna Andersson, 6-month reviews), pages, and entries in every state. As of 2026-06-15:
///
/// | file | state | due | days |
/// |---|---|---|---|
/// | vard/j.md | in review | 2026-04-01 | -75 |
/// | vard/h.md | overdue | 2026-05-01 | -45 |
/// | om.md (owner Redaktionen) | overdue | 2026-06-10 | -5 |
/// | skola/a.md, skola/a.en.md | overdue | 2026-06-01 | -14 |
/// | skola/g.md | due soon (today) | 2026-06-15 | 0 |
/// | skola/b.md | due soon | 2026-07-01 | 16 |
/// | skola/c.md | not yet (78 days) | 2026-09-01 | 78 |
/// | skola/d.md | in review, never reviewed | | |
/// | vard/i.md (owner Örjan Berg) | due soon | 2026-06-20 | 5 |
/// | skola/e.md draft, skola/f.md archived, kontakt.md without review fields | — | | |
fn guide(config: &str) -> Guide {
    Guide::new(&[
        ("config.toml", config),
        (
            "content/vard/_area.md",
            "---\ntitle: Vård\nsummary: S.\nowner: Anna Andersson\nreview_interval: 6\n---\n",
        ),
        (
            "content/skola/a.md",
            &entry("A", "published", "reviewed_by: [Anna Svensson]\nlast_reviewed: 2025-06-01\n"),
        ),
        (
            "content/skola/a.en.md",
            "---\ntitle: A in English\nsummary: S.\nstatus: published\nreviewed_by: [Bo Ek]\nlast_reviewed: 2025-06-01\n---\n",
        ),
        (
            "content/skola/b.md",
            &entry(
                "Bokning, \"snabbt\"",
                "published",
                "reviewed_by: [Anna Svensson, Bo Ek]\nlast_reviewed: 2025-07-01\n",
            ),
        ),
        (
            "content/skola/c.md",
            &entry("C", "published", "reviewed_by: [Bo Ek]\nlast_reviewed: 2025-09-01\n"),
        ),
        ("content/skola/d.md", &entry("D", "in_review", "")),
        ("content/skola/e.md", &entry("E", "draft", "")),
        (
            "content/skola/f.md",
            &entry("F", "archived", "reviewed_by: [Bo Ek]\nlast_reviewed: 2024-01-01\n"),
        ),
        (
            "content/skola/g.md",
            &entry("G", "published", "reviewed_by: [Bo Ek]\nlast_reviewed: 2025-06-15\n"),
        ),
        (
            "content/vard/h.md",
            &entry("H", "published", "reviewed_by: [Anna Svensson]\nlast_reviewed: 2025-11-01\n"),
        ),
        (
            "content/vard/i.md",
            &entry(
                "I",
                "published",
                "owner: Örjan Berg\nreviewed_by: [Eva Lund]\nlast_reviewed: 2025-12-20\n",
            ),
        ),
        (
            "content/vard/j.md",
            &entry("J", "in_review", "reviewed_by: [Eva Lund]\nlast_reviewed: 2025-10-01\n"),
        ),
        (
            "content/om.md",
            "---\ntype: page\ntitle: Om\nsummary: S.\nstatus: published\nowner: Redaktionen\nreviewed_by: [Per Ek]\nlast_reviewed: 2025-06-10\n---\n",
        ),
        (
            "content/kontakt.md",
            "---\ntype: page\ntitle: Kontakt\nsummary: S.\n---\n",
        ),
    ])
}

fn review(g: &Guide, args: &[&str]) -> common::Output {
    let mut all = vec![
        "--root",
        g.root().to_str().expect("UTF-8 path"),
        "review",
        "--today",
        TODAY,
    ];
    all.extend(args);
    let out = signpost(&all, None);
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(out.stderr, "", "{out:?}");
    out
}

#[test]
fn json_lists_exactly_the_queue_in_order() {
    let g = guide(CONFIG);
    let out = review(&g, &["--format", "json"]);
    let got: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
    let item = |state: &str,
                due: Option<&str>,
                days: Option<i64>,
                owner: &str,
                area: Option<&str>,
                title: &str,
                path: &str,
                last: Option<&str>,
                by: &[&str]| {
        json!({
            "state": state, "due": due, "days": days, "owner": owner, "area": area,
            "title": title, "path": path, "last_reviewed": last, "reviewed_by": by,
        })
    };
    let expected = json!([
        item(
            "in_review",
            Some("2026-04-01"),
            Some(-75),
            "Anna Andersson",
            Some("vard"),
            "J",
            "content/vard/j.md",
            Some("2025-10-01"),
            &["Eva Lund"]
        ),
        item(
            "overdue",
            Some("2026-05-01"),
            Some(-45),
            "Anna Andersson",
            Some("vard"),
            "H",
            "content/vard/h.md",
            Some("2025-11-01"),
            &["Anna Svensson"]
        ),
        item(
            "overdue",
            Some("2026-06-10"),
            Some(-5),
            "Redaktionen",
            None,
            "Om",
            "content/om.md",
            Some("2025-06-10"),
            &["Per Ek"]
        ),
        item(
            "overdue",
            Some("2026-06-01"),
            Some(-14),
            "Skolteamet",
            Some("skola"),
            "A",
            "content/skola/a.md",
            Some("2025-06-01"),
            &["Anna Svensson"]
        ),
        item(
            "overdue",
            Some("2026-06-01"),
            Some(-14),
            "Skolteamet",
            Some("skola"),
            "A in English",
            "content/skola/a.en.md",
            Some("2025-06-01"),
            &["Bo Ek"]
        ),
        item(
            "due_soon",
            Some("2026-06-15"),
            Some(0),
            "Skolteamet",
            Some("skola"),
            "G",
            "content/skola/g.md",
            Some("2025-06-15"),
            &["Bo Ek"]
        ),
        item(
            "due_soon",
            Some("2026-07-01"),
            Some(16),
            "Skolteamet",
            Some("skola"),
            "Bokning, \"snabbt\"",
            "content/skola/b.md",
            Some("2025-07-01"),
            &["Anna Svensson", "Bo Ek"]
        ),
        item(
            "in_review",
            None,
            None,
            "Skolteamet",
            Some("skola"),
            "D",
            "content/skola/d.md",
            None,
            &[]
        ),
        item(
            "due_soon",
            Some("2026-06-20"),
            Some(5),
            "Örjan Berg",
            Some("vard"),
            "I",
            "content/vard/i.md",
            Some("2025-12-20"),
            &["Eva Lund"]
        ),
    ]);
    assert_eq!(got, expected, "{}", out.stdout);
    // Every object has the same keys, in the documented order.
    let first_keys: Vec<&str> = out
        .stdout
        .lines()
        .skip(2)
        .take(9)
        .map(|l| l.trim().split('"').nth(1).unwrap())
        .collect();
    assert_eq!(
        first_keys,
        [
            "state",
            "due",
            "days",
            "owner",
            "area",
            "title",
            "path",
            "last_reviewed",
            "reviewed_by"
        ]
    );
}

#[test]
fn csv_quotes_as_rfc_4180() {
    let g = guide(CONFIG);
    let out = review(&g, &["--format", "csv"]);
    let expected = [
        "state,due,days,owner,area,title,path,last_reviewed,reviewed_by",
        "in_review,2026-04-01,-75,Anna Andersson,vard,J,content/vard/j.md,2025-10-01,Eva Lund",
        "overdue,2026-05-01,-45,Anna Andersson,vard,H,content/vard/h.md,2025-11-01,Anna Svensson",
        "overdue,2026-06-10,-5,Redaktionen,,Om,content/om.md,2025-06-10,Per Ek",
        "overdue,2026-06-01,-14,Skolteamet,skola,A,content/skola/a.md,2025-06-01,Anna Svensson",
        "overdue,2026-06-01,-14,Skolteamet,skola,A in English,content/skola/a.en.md,2025-06-01,Bo Ek",
        "due_soon,2026-06-15,0,Skolteamet,skola,G,content/skola/g.md,2025-06-15,Bo Ek",
        "due_soon,2026-07-01,16,Skolteamet,skola,\"Bokning, \"\"snabbt\"\"\",content/skola/b.md,2025-07-01,Anna Svensson; Bo Ek",
        "in_review,,,Skolteamet,skola,D,content/skola/d.md,,",
        "due_soon,2026-06-20,5,Örjan Berg,vard,I,content/vard/i.md,2025-12-20,Eva Lund",
    ];
    assert_eq!(out.stdout, format!("{}\r\n", expected.join("\r\n")));
}

#[test]
fn table_groups_by_owner_for_people() {
    let g = guide(CONFIG);
    let out = review(&g, &[]);
    let expected = "\
state      due         days  area   title              path                   last reviewed  reviewed by
---------  ----------  ----  -----  -----------------  ---------------------  -------------  --------------------

Anna Andersson
in review  2026-04-01   -75  vard   J                  content/vard/j.md      2025-10-01     Eva Lund
overdue    2026-05-01   -45  vard   H                  content/vard/h.md      2025-11-01     Anna Svensson

Redaktionen
overdue    2026-06-10    -5         Om                 content/om.md          2025-06-10     Per Ek

Skolteamet
overdue    2026-06-01   -14  skola  A                  content/skola/a.md     2025-06-01     Anna Svensson
overdue    2026-06-01   -14  skola  A in English       content/skola/a.en.md  2025-06-01     Bo Ek
due soon   2026-06-15     0  skola  G                  content/skola/g.md     2025-06-15     Bo Ek
due soon   2026-07-01    16  skola  Bokning, \"snabbt\"  content/skola/b.md     2025-07-01     Anna Svensson; Bo Ek
in review                    skola  D                  content/skola/d.md

Örjan Berg
due soon   2026-06-20     5  vard   I                  content/vard/i.md      2025-12-20     Eva Lund

4 overdue, 3 due soon (within 30 days), 2 in review, as of 2026-06-15
";
    assert_eq!(out.stdout, expected, "\n{}", out.stdout);

    // The guide is Swedish: without `--lang`, so is the table (the columns stay aligned).
    let root = g.root().to_str().expect("UTF-8 path");
    let sv = common::signpost_in(None, &["--root", root, "review", "--today", TODAY], None);
    let lines: Vec<&str> = sv.stdout.lines().collect();
    assert_eq!(
        lines[0],
        "läge      datum       dagar  område  titel              fil                    senast granskad  granskad av"
    );
    assert_eq!(
        lines[4],
        "granskas  2026-04-01    -75  vard    J                  content/vard/j.md      2025-10-01       Eva Lund"
    );
    assert_eq!(
        lines.last().copied(),
        Some("4 försenade, 3 snart (inom 30 dagar), 2 granskas, den 2026-06-15")
    );
}

#[test]
fn due_within_widens_the_window_and_defaults_to_the_config() {
    let g = guide(CONFIG);
    let paths = |out: &common::Output| -> Vec<String> {
        let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
        v.as_array()
            .unwrap()
            .iter()
            .map(|i| i["path"].as_str().unwrap().to_string())
            .collect()
    };
    // 78 days ahead: in the queue from --due-within 78, after b.md (due earlier).
    let wide = paths(&review(&g, &["--format", "json", "--due-within", "78"]));
    let b = wide.iter().position(|p| p == "content/skola/b.md").unwrap();
    assert_eq!(wide[b + 1], "content/skola/c.md");
    assert_eq!(wide.len(), 10);
    assert!(
        !paths(&review(&g, &["--format", "json", "--due-within", "77"]))
            .contains(&"content/skola/c.md".to_string())
    );
    // --due-within 0: only what is due today or overdue, and what is in review.
    let today = paths(&review(&g, &["--format", "json", "--due-within", "0"]));
    assert_eq!(
        today,
        [
            "content/vard/j.md",
            "content/vard/h.md",
            "content/om.md",
            "content/skola/a.md",
            "content/skola/a.en.md",
            "content/skola/g.md",
            "content/skola/d.md",
        ]
    );
    // The default window is review.due_soon_days: with 10, b.md (16 days) is not listed.
    let g = guide(&format!("{CONFIG}\n[review]\ndue_soon_days = 10\n"));
    let short = paths(&review(&g, &["--format", "json"]));
    assert!(
        !short.contains(&"content/skola/b.md".to_string()),
        "{short:?}"
    );
    assert!(
        short.contains(&"content/vard/i.md".to_string()),
        "{short:?}"
    );
    let table = review(&g, &[]);
    assert!(
        table
            .stdout
            .ends_with("4 overdue, 2 due soon (within 10 days), 2 in review, as of 2026-06-15\n"),
        "{}",
        table.stdout
    );
}

#[test]
fn an_empty_queue() {
    let g = Guide::new(&[]);
    assert_eq!(review(&g, &["--format", "json"]).stdout, "[]\n");
    assert_eq!(
        review(&g, &["--format", "csv"]).stdout,
        "state,due,days,owner,area,title,path,last_reviewed,reviewed_by\r\n"
    );
    assert_eq!(
        review(&g, &[]).stdout,
        "Nothing to review as of 2026-06-15: no published text is overdue or due within 30 days, and none is in review.\n"
    );
}

#[test]
fn agrees_with_the_check() {
    // Every published file the check warns about (due soon or overdue) is in the queue,
    // and nothing else that is published.
    let g = guide(CONFIG);
    let run = g.check(&["--today", TODAY]);
    let mut warned: Vec<String> = run
        .diags()
        .iter()
        .filter(|d| d.code == "review-overdue" || d.code == "review-due-soon")
        .map(|d| d.file.clone().unwrap())
        .collect();
    warned.sort();
    let out = review(&g, &["--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let mut queued: Vec<String> = v
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["state"] != "in_review")
        .map(|i| i["path"].as_str().unwrap().to_string())
        .collect();
    queued.sort();
    assert_eq!(queued, warned);
}

#[test]
fn without_a_guide_it_cannot_run() {
    let g = Guide::bare(&[]);
    let out = signpost(&["--root", g.root().to_str().unwrap(), "review"], None);
    assert_eq!(out.code, 2, "{out:?}");
    assert!(out.stderr.contains("no config.toml"), "{out:?}");
}

// ---- review.json, written by `build` ----------------------------------------------------

/// Builds the guide into `public/` and returns `review.json`, parsed, and the sitemap.
fn build(g: &Guide, extra: &[&str]) -> (serde_json::Value, String) {
    common::copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("themes"),
        &g.path("themes"),
    );
    let mut args = vec![
        "--root",
        g.root().to_str().unwrap(),
        "build",
        "--today",
        TODAY,
        "--base-url",
        "https://example.org/guide",
    ];
    args.extend(extra);
    let out = signpost(&args, None);
    assert_eq!(out.code, 0, "{out:?}");
    let json = std::fs::read_to_string(g.path("public/review.json")).expect("review.json");
    assert!(json.ends_with("]\n"));
    let sitemap = std::fs::read_to_string(g.path("public/sitemap.xml")).unwrap();
    (serde_json::from_str(&json).expect("JSON"), sitemap)
}

#[test]
fn build_writes_review_json_for_published_entries_and_pages() {
    let g = guide(CONFIG);
    let (got, sitemap) = build(&g, &[]);
    let rec = |url: &str,
               title: &str,
               area: Option<&str>,
               owner: Option<&str>,
               by: &[&str],
               last: Option<&str>,
               due: Option<&str>| {
        json!({
            "url": format!("https://example.org/guide/{url}"), "title": title, "area": area,
            "status": "published", "owner": owner, "reviewed_by": by,
            "last_reviewed": last, "review_due": due,
        })
    };
    // Sorted by URL; translations, drafts, entries in review and archived ones are not
    // there; a page without review fields is, with nulls.
    let expected = json!([
        rec("kontakt/", "Kontakt", None, None, &[], None, None),
        rec(
            "om/",
            "Om",
            None,
            Some("Redaktionen"),
            &["Per Ek"],
            Some("2025-06-10"),
            Some("2026-06-10")
        ),
        rec(
            "skola/a/",
            "A",
            Some("skola"),
            Some("Skolteamet"),
            &["Anna Svensson"],
            Some("2025-06-01"),
            Some("2026-06-01")
        ),
        rec(
            "skola/b/",
            "Bokning, \"snabbt\"",
            Some("skola"),
            Some("Skolteamet"),
            &["Anna Svensson", "Bo Ek"],
            Some("2025-07-01"),
            Some("2026-07-01")
        ),
        rec(
            "skola/c/",
            "C",
            Some("skola"),
            Some("Skolteamet"),
            &["Bo Ek"],
            Some("2025-09-01"),
            Some("2026-09-01")
        ),
        rec(
            "skola/g/",
            "G",
            Some("skola"),
            Some("Skolteamet"),
            &["Bo Ek"],
            Some("2025-06-15"),
            Some("2026-06-15")
        ),
        rec(
            "vard/h/",
            "H",
            Some("vard"),
            Some("Anna Andersson"),
            &["Anna Svensson"],
            Some("2025-11-01"),
            Some("2026-05-01")
        ),
        rec(
            "vard/i/",
            "I",
            Some("vard"),
            Some("Örjan Berg"),
            &["Eva Lund"],
            Some("2025-12-20"),
            Some("2026-06-20")
        ),
    ]);
    assert_eq!(got, expected);
    assert!(!sitemap.contains("review.json"), "{sitemap}");
    // A preview with drafts builds more pages, but review.json still lists only published ones.
    let (drafts, _) = build(&g, &["--drafts"]);
    assert_eq!(drafts, expected);
}

/// The checklist for the git host's issue: grouped by owner, each owner's contact from
/// `[owners]`, the page (when published) and the file on the host linked, how overdue; in
/// the guide's language (Swedish here: no `--lang`).
#[test]
fn markdown_is_a_checklist_by_owner_mentioning_their_contacts() {
    let config = format!(
        "{CONFIG}base_url = \"https://example.org/guide/\"\n\n[repository]\nurl = \"https://github.com/kfvn/guiden\"\n\n[owners]\nSkolteamet = \"@kfvn/skola\"\n\"Örjan Berg\" = \"@orjanb\"\n"
    );
    let g = guide(&config);
    let root = g.root().to_str().expect("UTF-8 path");
    let args = [
        "--root", root, "review", "--today", TODAY, "--format", "markdown",
    ];
    let out = common::signpost_in(None, &args, None);
    assert_eq!(out.code, 0, "{out:?}");
    let file = |p: &str| format!("[`{p}`](https://github.com/kfvn/guiden/blob/main/{p})");
    let expected = [
        "<!-- Skrivet av `signpost review --format markdown`. Listan skrivs om vid varje körning: en text försvinner från den när dess `last_reviewed` är ändrad. -->".to_string(),
        "Granskningsläget den 2026-06-15: 4 försenade, 3 ska granskas inom 30 dagar, 2 väntar på granskning. Granska texten och registrera sedan granskningen med `signpost review done ID --by NAMN` (eller skriv dagens datum i `last_reviewed` och granskarnas namn i `reviewed_by`).".to_string(),
        String::new(),
        "### Anna Andersson".to_string(),
        String::new(),
        format!("- [ ] **Väntar på granskning**: J – {}", file("content/vard/j.md")),
        format!("- [ ] **Försenad 45 dagar** (skulle granskas 2026-05-01): [H](https://example.org/guide/vard/h/) – {}", file("content/vard/h.md")),
        String::new(),
        "### Redaktionen".to_string(),
        String::new(),
        format!("- [ ] **Försenad 5 dagar** (skulle granskas 2026-06-10): [Om](https://example.org/guide/om/) – {}", file("content/om.md")),
        String::new(),
        "### Skolteamet".to_string(),
        String::new(),
        "Ansvarig: @kfvn/skola".to_string(),
        String::new(),
        format!("- [ ] **Försenad 14 dagar** (skulle granskas 2026-06-01): [A](https://example.org/guide/skola/a/) – {}", file("content/skola/a.md")),
        format!("- [ ] **Försenad 14 dagar** (skulle granskas 2026-06-01): [A in English](https://example.org/guide/en/skola/a/) – {}", file("content/skola/a.en.md")),
        format!("- [ ] **Ska granskas i dag**: [G](https://example.org/guide/skola/g/) – {}", file("content/skola/g.md")),
        format!("- [ ] **Ska granskas om 16 dagar** (2026-07-01): [Bokning, \"snabbt\"](https://example.org/guide/skola/b/) – {}", file("content/skola/b.md")),
        format!("- [ ] **Väntar på granskning**: D – {}", file("content/skola/d.md")),
        String::new(),
        "### Örjan Berg".to_string(),
        String::new(),
        "Ansvarig: @orjanb".to_string(),
        String::new(),
        format!("- [ ] **Ska granskas om 5 dagar** (2026-06-20): [I](https://example.org/guide/vard/i/) – {}", file("content/vard/i.md")),
    ];
    assert_eq!(
        out.stdout.lines().collect::<Vec<_>>(),
        expected,
        "\n{}",
        out.stdout
    );

    // An English guide without [repository]: English words, the file as a path.
    let g = guide("title = \"Guide\"\ndefault_language = \"en\"\n");
    let out = review(&g, &["--format", "markdown"]);
    assert!(
        out.stdout
            .contains("- [ ] **Overdue by 45 days** (was due 2026-05-01): H – `content/vard/h.md`"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("- [ ] **Due in 16 days** (2026-07-01): "),
        "{}",
        out.stdout
    );

    // Nothing due: no box to tick, which is how the reminder knows to close its issue.
    let fresh = Guide::new(&[("content/skola/a.md", &common::challenge("A"))]);
    let root = fresh.root().to_str().expect("UTF-8 path");
    let args = [
        "--root", root, "review", "--today", TODAY, "--format", "markdown",
    ];
    let out = common::signpost_in(None, &args, None);
    assert!(!out.stdout.contains("- [ ]"), "{}", out.stdout);
    assert!(
        out.stdout.contains("Inget att granska den 2026-06-15"),
        "{}",
        out.stdout
    );
}
