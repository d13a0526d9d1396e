//! The message catalogues (`i18n/en.ftl`, `i18n/sv.ftl`) and the language signpost speaks.
//!
//! The catalogues must have the same keys with the same variables, parse without errors,
//! and hold every key the code asks for. The language is the guide's default language when
//! signpost speaks it, else English, and `--lang` overrides it.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::{challenge, Guide};
use fluent_syntax::ast;
use signpost::i18n::Lang;

/// Key → the variables its message uses (in the value and in every variant).
fn keys(lang: Lang) -> BTreeMap<String, BTreeSet<String>> {
    let source = lang.catalogue_source();
    let resource = fluent_syntax::parser::parse(source)
        .unwrap_or_else(|(_, errors)| panic!("{lang}.ftl does not parse: {errors:?}"));
    let mut out = BTreeMap::new();
    for entry in resource.body {
        if let ast::Entry::Message(m) = entry {
            let mut vars = BTreeSet::new();
            if let Some(p) = &m.value {
                pattern_vars(p, &mut vars);
            }
            assert!(
                out.insert(m.id.name.to_string(), vars).is_none(),
                "{lang}.ftl: `{}` twice",
                m.id.name
            );
        }
    }
    out
}

fn pattern_vars(p: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
    for element in &p.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_vars(expression, vars);
        }
    }
}

fn expression_vars(e: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Select { selector, variants } => {
            inline_vars(selector, vars);
            for v in variants {
                pattern_vars(&v.value, vars);
            }
        }
        ast::Expression::Inline(i) => inline_vars(i, vars),
    }
}

fn inline_vars(i: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_string());
        }
        ast::InlineExpression::Placeable { expression } => expression_vars(expression, vars),
        _ => {}
    }
}

#[test]
fn both_catalogues_have_every_key_with_the_same_variables() {
    let en = keys(Lang::En);
    let sv = keys(Lang::Sv);
    let only_en: Vec<&String> = en.keys().filter(|k| !sv.contains_key(*k)).collect();
    let only_sv: Vec<&String> = sv.keys().filter(|k| !en.contains_key(*k)).collect();
    assert!(
        only_en.is_empty(),
        "keys without a Swedish translation: {only_en:?}"
    );
    assert!(only_sv.is_empty(), "keys only in sv.ftl: {only_sv:?}");
    for (key, vars) in &en {
        assert_eq!(&sv[key], vars, "`{key}` uses other variables in sv.ftl");
    }
}

/// Every key the code names in `msg!("…")`, `Msg::new("…")` or `t(lang, "…")`, and the
/// keys kept in tables (fields, addresses, file kinds), is in the catalogues.
#[test]
fn every_key_the_code_asks_for_is_in_the_catalogues() {
    let en = keys(Lang::En);
    let named = regex::Regex::new(
        r#"(?:msg!\(\s*|Msg::new\(\s*|\bt\(\s*\w+,\s*|stage\(\s*)"([a-z0-9]+(?:-[a-z0-9_]+)*)""#,
    )
    .unwrap();
    // Keys written in tables and handed to `Msg::new` by a variable.
    let tabled = regex::Regex::new(
        r#""((?:reserved|kind|type|form|add|addresses|as|duplicate|area|wrong|image|link|target|invalid)-[a-z0-9-]+)""#,
    )
    .unwrap();
    let mut missing = BTreeSet::new();
    let mut seen = 0;
    for entry in walkdir::WalkDir::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap();
        // Code, not comments; and not the codes of the diagnostics, which are no keys.
        let code: String = text
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        let tables = !entry.path().ends_with("diagnostics.rs");
        let found = named.captures_iter(&code).chain(
            tables
                .then(|| tabled.captures_iter(&code))
                .into_iter()
                .flatten(),
        );
        for c in found {
            seen += 1;
            let key = &c[1];
            if !en.contains_key(key) {
                missing.insert(format!("{key} ({})", entry.path().display()));
            }
        }
    }
    assert!(
        seen > 200,
        "the scan found only {seen} keys: is the pattern still right?"
    );
    assert!(missing.is_empty(), "keys in no catalogue: {missing:#?}");
}

fn guide_in(default_language: &str) -> Guide {
    let g = Guide::new(&[]);
    g.write(
        "config.toml",
        format!(
            "title = \"Testguiden\"\ndefault_language = \"{default_language}\"\nlanguages = [\"{default_language}\"]\n"
        ),
    );
    g.write(
        "content/skola/larm.md",
        challenge("Larmkedjan").replace("title: Larmkedjan", "title:Larmkedjan"),
    );
    g
}

#[test]
fn a_swedish_guide_is_told_in_swedish_with_a_swedish_count() {
    let g = guide_in("sv");
    let out = common::signpost_in(None, &["check"], Some(g.root()));
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert!(
        out.stdout
            .contains("fel[yaml-syntax]: kolonet efter `title` behöver ett mellanslag"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("= tips: skriv `title: Larmkedjan`"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("1 fel, 0 varningar i 3 filer"),
        "{}",
        out.stdout
    );
}

#[test]
fn a_guide_in_another_language_is_told_in_english_and_lang_overrides() {
    let g = guide_in("fi");
    let out = common::signpost_in(None, &["check"], Some(g.root()));
    assert!(
        out.stdout
            .contains("error[yaml-syntax]: the colon after `title` needs a space"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("1 error, 0 warnings in 3 files"),
        "{}",
        out.stdout
    );
    let sv = common::signpost_in(Some("sv"), &["check"], Some(g.root()));
    assert!(
        sv.stdout.contains("1 fel, 0 varningar i 3 filer"),
        "{}",
        sv.stdout
    );
    let sv = guide_in("sv");
    let en = common::signpost_in(Some("en"), &["check"], Some(sv.root()));
    assert!(
        en.stdout.contains("1 error, 0 warnings in 3 files"),
        "{}",
        en.stdout
    );
}

#[test]
fn json_and_github_formats_speak_the_language_too() {
    let g = guide_in("sv");
    let json = common::signpost_in(None, &["check", "--format", "json"], Some(g.root()));
    let report = common::parse_json(&json.stdout);
    let d = &report.diagnostics[0];
    assert_eq!(d.code, "yaml-syntax", "codes stay English");
    assert_eq!(d.message, "kolonet efter `title` behöver ett mellanslag");
    let gh = common::signpost_in(None, &["check", "--format", "github"], Some(g.root()));
    assert!(
        gh.stdout.contains("title=yaml-syntax::kolonet efter `title` behöver ett mellanslag%0Atips: skriv `title: Larmkedjan`"),
        "{}",
        gh.stdout
    );
}

#[test]
fn cli_errors_are_in_the_language_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let out = common::signpost_in(Some("sv"), &["check"], Some(dir.path()));
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("det finns ingen config.toml"),
        "{}",
        out.stderr
    );
    let out = common::signpost_in(Some("sv"), &["check", "--nonsense"], Some(dir.path()));
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("signpost --help"), "{}", out.stderr);
}
