//! `signpost check` as a command: exit codes, the three output formats, the bundled sample
//! guide, and the documentation of every check code.

mod common;

use common::{challenge, parse_json, signpost, Guide, AREA, AREA_PATH, CONFIG, TODAY};
use signpost::diagnostics::{Code, Severity};

/// A guide with two errors (one without a position) and one warning.
fn guide_with_problems(prefix: &str) -> Guide {
    let p = |path: &str| format!("{prefix}{path}");
    let g = Guide::bare(&[]);
    g.write(&p("config.toml"), CONFIG);
    g.write(&p(AREA_PATH), AREA);
    // broken-link at 10:5 (with a hint), and an external image (a warning) at 12:17.
    g.write(
        &p("content/skola/x.md"),
        "---\ntype: challenge\ntitle: Länkar\nsummary: S.\nstatus: published\nreviewed_by: [Anna Svensson]\nlast_reviewed: 2026-05-01\n---\n\nSe [bakgrunden](franvarohanterin.md).\n\n![Kommunens logga](https://example.com/logga.png)\n",
    );
    g.write(&p("content/skola/franvarohantering.md"), challenge("F"));
    // empty-file: no line, no column.
    g.write(&p("content/skola/tom.md"), "");
    g
}

// ---- Exit codes ------------------------------------------------------------------------

#[test]
fn exit_0_when_there_are_no_problems() {
    let g = Guide::new(&[("content/skola/a.md", &challenge("A"))]);
    let out = g.check_raw(&[]);
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(out.stderr, "");
    assert_eq!(out.stdout, "0 errors, 0 warnings in 3 files\n");
}

#[test]
fn exit_0_with_only_warnings() {
    let g = Guide::new(&[(
        "content/skola/a.md",
        "---\ntype: challenge\ntitle: T\nsummary: S.\nstatus: draft\n---\n\n![Logga](https://example.com/l.png)\n",
    )]);
    let out = g.check_raw(&[]);
    assert_eq!(out.code, 0, "{out:?}");
    assert!(
        out.stdout.ends_with("0 errors, 1 warning in 3 files\n"),
        "{}",
        out.stdout
    );
}

#[test]
fn exit_1_when_there_are_errors() {
    let out = guide_with_problems("").check_raw(&[]);
    assert_eq!(out.code, 1, "{out:?}");
    assert_eq!(out.stderr, "");
}

#[test]
fn deny_warnings_turns_a_warning_into_exit_1() {
    let g = Guide::new(&[(
        "content/skola/a.md",
        "---\ntype: challenge\ntitle: T\nsummary: S.\nstatus: draft\n---\n\n![Logga](https://example.com/l.png)\n",
    )]);
    let out = g.check_raw(&["--deny-warnings"]);
    assert_eq!(out.code, 1, "{out:?}");
    assert!(
        out.stdout.starts_with("error[external-image]"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.ends_with("1 error, 0 warnings in 3 files\n"),
        "{}",
        out.stdout
    );
}

/// Exit 2, nothing on stdout, one line on stderr that contains `needle`.
#[track_caller]
fn assert_could_not_run(out: &common::Output, needle: &str) {
    assert_eq!(out.code, 2, "{out:?}");
    assert_eq!(out.stdout, "", "nothing on stdout");
    assert_eq!(out.stderr.lines().count(), 1, "one line: {:?}", out.stderr);
    assert!(out.stderr.contains(needle), "{:?}", out.stderr);
}

#[test]
fn exit_2_without_config_toml() {
    let g = Guide::bare(&[(AREA_PATH, AREA)]);
    let out = g.check_raw(&[]);
    assert_could_not_run(&out, "config.toml");
}

#[test]
fn exit_2_for_a_root_that_does_not_exist() {
    let g = Guide::new(&[]);
    let missing = g.path("finns-inte");
    let out = signpost(
        &[
            "--root",
            missing.to_str().unwrap(),
            "check",
            "--today",
            TODAY,
        ],
        None,
    );
    assert_could_not_run(&out, "finns-inte");
}

#[test]
fn exit_2_for_a_root_that_is_a_file() {
    let g = Guide::new(&[]);
    let file = g.path("config.toml");
    let out = signpost(&["--root", file.to_str().unwrap(), "check"], None);
    assert_could_not_run(&out, "config.toml");
}

#[test]
fn exit_2_without_a_content_folder() {
    let g = Guide::bare(&[("config.toml", CONFIG)]);
    let out = g.check_raw(&[]);
    assert_could_not_run(&out, "content/");
}

/// Bad arguments: exit 2 and one line on stderr saying what is wrong.
#[track_caller]
fn assert_bad_arguments(args: &[&str], needle: &str) {
    let g = Guide::new(&[]);
    let mut all = vec!["--root", g.root().to_str().unwrap(), "check"];
    all.extend(args);
    let out = signpost(&all, None);
    assert_eq!(out.code, 2, "{out:?}");
    assert_eq!(out.stdout, "", "nothing on stdout");
    assert_eq!(out.stderr.lines().count(), 1, "one line: {:?}", out.stderr);
    assert!(out.stderr.starts_with("signpost: "), "{:?}", out.stderr);
    assert!(out.stderr.contains(needle), "{:?}", out.stderr);
}

#[test]
fn exit_2_for_a_today_that_is_not_a_date() {
    assert_bad_arguments(&["--today", "2026-13-01"], "2026-13-01");
    assert_bad_arguments(&["--today", "2026-02-30"], "2026-02-30");
    assert_bad_arguments(&["--today", "15/6/2026"], "15/6/2026");
    assert_bad_arguments(&["--today", "idag"], "YYYY-MM-DD");
}

#[test]
fn exit_2_for_an_unknown_flag_or_format() {
    assert_bad_arguments(&["--strict"], "--strict");
    assert_bad_arguments(&["--format", "xml"], "xml");
    assert_bad_arguments(&["--format", "xml"], "human, json, github");
}

#[test]
fn exit_2_without_a_subcommand() {
    let out = signpost(&[], None);
    assert_eq!(out.code, 2, "{out:?}");
    assert_eq!(out.stdout, "");
}

// ---- JSON ------------------------------------------------------------------------------

#[test]
fn json_has_the_documented_shape_and_counts() {
    let out = guide_with_problems("").check_raw(&["--format", "json"]);
    assert_eq!(out.code, 1);
    let report = parse_json(&out.stdout);
    let keys: Vec<_> = report.diagnostics.iter().map(|d| d.key()).collect();
    let s = |x: &str| x.to_string();
    assert_eq!(
        keys,
        [
            (
                s("empty-file"),
                Some(s("content/skola/tom.md")),
                None,
                None,
                s("error")
            ),
            (
                s("broken-link"),
                Some(s("content/skola/x.md")),
                Some(10),
                Some(17),
                s("error")
            ),
            (
                s("external-image"),
                Some(s("content/skola/x.md")),
                Some(12),
                Some(20),
                s("warning")
            ),
        ],
        "sorted by file, then position"
    );
    assert_eq!(report.errors, 2);
    assert_eq!(report.warnings, 1);
    let link = &report.diagnostics[1];
    assert_eq!(
        link.message,
        "the link `franvarohanterin.md` points at `content/skola/franvarohanterin.md`, which does not exist"
    );
    assert_eq!(
        link.hint.as_deref(),
        Some("did you mean `franvarohantering.md`?")
    );
    assert!(report.diagnostics[0].hint.is_some());
}

#[test]
fn json_for_a_clean_guide_is_an_empty_list() {
    let out = Guide::new(&[]).check_raw(&["--format", "json"]);
    assert_eq!(out.code, 0);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(
        v,
        serde_json::json!({"diagnostics": [], "errors": 0, "warnings": 0})
    );
}

/// Paths in JSON are relative to the guide root, whatever `--root` says.
#[test]
fn json_paths_are_relative_to_the_guide_root() {
    let g = guide_with_problems("site/");
    let out = signpost(
        &[
            "--root", "site", "check", "--format", "json", "--today", TODAY,
        ],
        Some(g.root()),
    );
    let report = parse_json(&out.stdout);
    let files: Vec<_> = report
        .diagnostics
        .iter()
        .map(|d| d.file.clone().unwrap())
        .collect();
    assert_eq!(
        files,
        [
            "content/skola/tom.md",
            "content/skola/x.md",
            "content/skola/x.md"
        ]
    );
}

// ---- GitHub ----------------------------------------------------------------------------

/// Splits `::level props::message` into its parts.
fn annotation(line: &str) -> (&str, Vec<(&str, &str)>, &str) {
    let rest = line
        .strip_prefix("::")
        .unwrap_or_else(|| panic!("not an annotation: {line}"));
    let (head, message) = rest.split_once("::").expect("`::` before the message");
    let (level, props) = head.split_once(' ').expect("a space before the properties");
    let props = props
        .split(',')
        .map(|p| p.split_once('=').expect("name=value"))
        .collect();
    (level, props, message)
}

#[test]
fn github_annotations_carry_the_root_prefix_and_escape_newlines() {
    let g = guide_with_problems("site/");
    let out = signpost(
        &[
            "--root", "site", "check", "--format", "github", "--today", TODAY,
        ],
        Some(g.root()),
    );
    assert_eq!(out.code, 1, "{out:?}");
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(
        lines.len(),
        4,
        "three annotations and the summary:\n{}",
        out.stdout
    );

    let (level, props, _) = annotation(lines[0]);
    assert_eq!(level, "error");
    assert_eq!(
        props,
        [
            ("file", "site/content/skola/tom.md"),
            ("title", "empty-file")
        ],
        "no line or col without a position"
    );

    let (level, props, message) = annotation(lines[1]);
    assert_eq!(level, "error");
    assert_eq!(
        props,
        [
            ("file", "site/content/skola/x.md"),
            ("line", "10"),
            ("col", "17"),
            ("title", "broken-link")
        ]
    );
    assert!(
        message.ends_with("%0Ahint: did you mean `franvarohantering.md`?"),
        "the hint follows an escaped newline: {message}"
    );

    let (level, props, _) = annotation(lines[2]);
    assert_eq!(level, "warning");
    assert_eq!(props[0], ("file", "site/content/skola/x.md"));
    assert_eq!(props[3], ("title", "external-image"));

    assert_eq!(lines[3], "2 errors, 1 warning in 5 files");
}

#[test]
fn github_paths_with_a_dotted_relative_root() {
    let g = guide_with_problems("docs/site/");
    let out = signpost(
        &[
            "--root",
            "./docs/site/",
            "check",
            "--format",
            "github",
            "--today",
            TODAY,
        ],
        Some(g.root()),
    );
    assert!(
        out.stdout.contains(
            "\n::error file=docs/site/content/skola/x.md,line=10,col=17,title=broken-link::"
        ),
        "{}",
        out.stdout
    );
}

/// With an absolute `--root` there is no repository-relative prefix to give.
#[test]
fn github_paths_with_an_absolute_root_are_guide_relative() {
    let out = guide_with_problems("").check_raw(&["--format", "github"]);
    assert!(
        out.stdout
            .contains("\n::error file=content/skola/x.md,line=10,col=17,title=broken-link::"),
        "{}",
        out.stdout
    );
}

#[test]
fn github_escapes_special_characters_in_paths() {
    let g = Guide::new(&[("content/skola/a,b.md", "")]);
    let out = g.check_raw(&["--format", "github"]);
    assert!(
        out.stdout
            .starts_with("::error file=content/skola/a%2Cb.md,title=empty-file::"),
        "{}",
        out.stdout
    );
}

// ---- Human -----------------------------------------------------------------------------

#[test]
fn human_output_shows_location_source_line_caret_and_hint() {
    let out = guide_with_problems("").check_raw(&[]);
    assert_eq!(out.code, 1);
    // The caret is under the destination: 16 characters in, 19 long.
    let expected = format!(
        "\
error[broken-link]: the link `franvarohanterin.md` points at `content/skola/franvarohanterin.md`, which does not exist
  --> content/skola/x.md:10:17
   |
10 | Se [bakgrunden](franvarohanterin.md).
   | {}{}
   = hint: did you mean `franvarohantering.md`?
",
        " ".repeat(16),
        "^".repeat(19)
    );
    assert!(out.stdout.contains(&expected), "got:\n{}", out.stdout);
    assert!(
        out.stdout.contains("warning[external-image]: "),
        "{}",
        out.stdout
    );
    // A diagnostic without a position names the file only.
    assert!(
        out.stdout
            .contains("error[empty-file]: the file is empty\n --> content/skola/tom.md\n"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.ends_with("\n2 errors, 1 warning in 5 files\n"),
        "{}",
        out.stdout
    );
}

/// A tab is shown as four spaces, and the caret still lands under the destination.
#[test]
fn human_caret_is_aligned_after_a_tab() {
    let g = Guide::new(&[(
        "content/skola/x.md",
        "---\ntype: challenge\ntitle: T\nsummary: S.\nstatus: draft\n---\n\nSe\t[x](saknas.md)\n",
    )]);
    let out = g.check_raw(&[]);
    assert!(
        out.stdout
            .contains("\n8 | Se    [x](saknas.md)\n  |           ^^^^^^^^^\n"),
        "{}",
        out.stdout
    );
}

/// Colour only on a terminal: the tests' stdout is a pipe.
#[test]
fn human_output_has_no_colour_when_not_on_a_terminal() {
    let out = guide_with_problems("").check_raw(&[]);
    assert!(out.stdout.contains("error[broken-link]"));
    assert!(!out.stdout.contains('\x1b'), "{:?}", out.stdout);
}

#[test]
fn human_output_counts_one_file_in_the_singular() {
    let g = Guide::bare(&[("config.toml", CONFIG)]);
    g.mkdir("content");
    let out = g.check_raw(&[]);
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(out.stdout, "0 errors, 0 warnings in 1 file\n");
}

// ---- The sample guide and the documentation --------------------------------------------

/// The guide bundled at the repository root checks clean on the day it is pinned to.
#[test]
fn the_sample_guide_checks_clean() {
    let root = env!("CARGO_MANIFEST_DIR");
    let out = signpost(
        &[
            "--root",
            root,
            "check",
            "--format",
            "json",
            "--today",
            "2026-11-21",
        ],
        None,
    );
    let report = parse_json(&out.stdout);
    let errors: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.severity == "error")
        .map(|d| format!("{:?} {}", d.key(), d.message))
        .collect();
    assert!(
        errors.is_empty(),
        "errors in the sample guide:\n{}",
        errors.join("\n")
    );
    assert_eq!(report.errors, 0);
    assert_eq!(out.code, 0, "{}", out.stderr);
}

/// Every code is documented in docs/checks.md, as a heading or a `backticked` name.
#[test]
fn every_code_is_documented() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/checks.md");
    let docs = std::fs::read_to_string(path).expect("docs/checks.md exists");
    let headings: Vec<&str> = docs
        .lines()
        .filter(|l| l.starts_with('#'))
        .map(|l| l.trim_start_matches('#').trim().trim_matches('`'))
        .collect();
    let missing: Vec<&str> = Code::ALL
        .iter()
        .map(|c| c.as_str())
        .filter(|c| !headings.contains(c) && !docs.contains(&format!("`{c}`")))
        .collect();
    assert!(
        missing.is_empty(),
        "codes missing from docs/checks.md: {missing:?}"
    );
}

/// Every code has a section of its own in the editors' Swedish documentation,
/// docs/sv/kontroller.md, headed by the code alone (`` ### `broken-link` ``, so that
/// `kontroller.md#broken-link` leads to it) and opening with its severity ("**Fel.**",
/// "**Varning.**"); and every section headed by a code names a code that exists.
#[test]
fn every_code_has_a_section_in_the_swedish_docs() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/sv/kontroller.md");
    let docs = std::fs::read_to_string(path).expect("docs/sv/kontroller.md exists");
    let mut sections: Vec<(&str, &str)> = Vec::new();
    for section in docs.split("\n### ").skip(1) {
        let (heading, body) = section.split_once('\n').unwrap_or((section, ""));
        if let Some(code) = heading.strip_prefix('`').and_then(|h| h.strip_suffix('`')) {
            sections.push((code, body));
        }
    }
    let named: Vec<&str> = sections.iter().map(|(code, _)| *code).collect();
    let missing: Vec<&str> = Code::ALL
        .iter()
        .map(|c| c.as_str())
        .filter(|c| !named.contains(c))
        .collect();
    assert!(
        missing.is_empty(),
        "codes without a section in docs/sv/kontroller.md: {missing:?}"
    );
    for (code, body) in &sections {
        let Some(known) = Code::ALL.iter().find(|c| c.as_str() == *code) else {
            panic!("docs/sv/kontroller.md has a section for `{code}`, which is not a code");
        };
        assert_eq!(
            named.iter().filter(|c| *c == code).count(),
            1,
            "`{code}` has two sections in docs/sv/kontroller.md"
        );
        let severity = match known.default_severity() {
            Severity::Error => "**Fel",
            Severity::Warning => "**Varning",
        };
        assert!(
            body.trim_start().starts_with(severity),
            "the section `{code}` in docs/sv/kontroller.md opens with {severity}…**"
        );
    }
}
