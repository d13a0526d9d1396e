//! `signpost schema`: the output is JSON Schema; every file of the sample guide validates
//! against the schema for its kind, and wrong front matter does not — and the check agrees.
//!
//! The validator below implements exactly the subset of JSON Schema that signpost emits,
//! and fails on any keyword it does not know, so a new keyword in the schema needs a
//! matching rule here before the tests pass.

mod common;

use std::path::Path;

use common::{signpost, Guide};
use serde_json::{Map, Value};
use yaml_rust2::{Yaml, YamlLoader};

const KINDS: [&str; 6] = ["challenge", "solution", "entry", "page", "area", "home"];

fn schema(args: &[&str]) -> Value {
    let mut all = vec!["schema"];
    all.extend(args);
    let out = signpost(&all, None);
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(out.stderr, "");
    serde_json::from_str(&out.stdout).unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", out.stdout))
}

// ---- A validator for the subset signpost emits -------------------------------------------

/// The patterns signpost emits, each checked by hand-written code (not the crate's), so
/// that the pattern and its meaning are tested against each other.
fn matches_pattern(pattern: &str, s: &str) -> bool {
    match pattern {
        "^[a-z0-9]+(-[a-z0-9]+)*$" => {
            !s.is_empty()
                && s.split('-').all(|part| {
                    !part.is_empty()
                        && part
                            .bytes()
                            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
                })
        }
        r"^\d{4}-\d{2}-\d{2}$" => {
            s.len() == 10
                && s.bytes().enumerate().all(|(i, b)| {
                    if i == 4 || i == 7 {
                        b == b'-'
                    } else {
                        b.is_ascii_digit()
                    }
                })
        }
        "^[a-z]{2,3}$" => (2..=3).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_lowercase()),
        r"^(https?://[^/\s]|mailto:)" => {
            s.starts_with("mailto:")
                || ["http://", "https://"].iter().any(|p| {
                    s.strip_prefix(p)
                        .and_then(|rest| rest.chars().next())
                        .is_some_and(|c| c != '/' && !c.is_whitespace())
                })
        }
        other => panic!("the test's validator does not know the pattern {other:?}; add it"),
    }
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// Problems of `v` against `schema`, each as "<path>: <what>".
fn validate(schema: &Value, v: &Value, path: &str, errors: &mut Vec<String>) {
    let s = schema.as_object().expect("a schema is an object");
    for (k, rule) in s {
        match k.as_str() {
            "$schema" | "title" | "description" => {}
            "type" => {
                let t = type_name(v);
                let ok = match rule {
                    Value::String(want) => t == want || (want == "number" && t == "integer"),
                    Value::Array(wants) => wants.iter().any(|w| w == t),
                    _ => panic!("bad type {rule}"),
                };
                if !ok {
                    errors.push(format!("{path}: is {t}, not {rule}"));
                }
            }
            "enum" => {
                if !rule.as_array().unwrap().contains(v) {
                    errors.push(format!("{path}: {v} is not one of {rule}"));
                }
            }
            "pattern" => {
                if let Value::String(text) = v {
                    if !matches_pattern(rule.as_str().unwrap(), text) {
                        errors.push(format!("{path}: {text:?} does not match {rule}"));
                    }
                }
            }
            "minLength" | "maxLength" => {
                if let Value::String(text) = v {
                    let n = text.chars().count() as u64;
                    let limit = rule.as_u64().unwrap();
                    if (k == "minLength" && n < limit) || (k == "maxLength" && n > limit) {
                        errors.push(format!("{path}: length {n} breaks {k} {limit}"));
                    }
                }
            }
            "minimum" | "maximum" => {
                if let Some(n) = v.as_i64() {
                    let limit = rule.as_i64().unwrap();
                    if (k == "minimum" && n < limit) || (k == "maximum" && n > limit) {
                        errors.push(format!("{path}: {n} breaks {k} {limit}"));
                    }
                }
            }
            "minItems" => {
                if let Value::Array(items) = v {
                    if (items.len() as u64) < rule.as_u64().unwrap() {
                        errors.push(format!("{path}: fewer than {rule} items"));
                    }
                }
            }
            "items" => {
                if let Value::Array(items) = v {
                    for (i, item) in items.iter().enumerate() {
                        validate(rule, item, &format!("{path}/{i}"), errors);
                    }
                }
            }
            "required" => {
                if let Value::Object(m) = v {
                    for name in rule.as_array().unwrap() {
                        if !m.contains_key(name.as_str().unwrap()) {
                            errors.push(format!("{path}: {name} is required"));
                        }
                    }
                }
            }
            "properties" => {
                if let Value::Object(m) = v {
                    for (name, sub) in rule.as_object().unwrap() {
                        if let Some(value) = m.get(name) {
                            validate(sub, value, &format!("{path}/{name}"), errors);
                        }
                    }
                }
            }
            "additionalProperties" => {
                assert_eq!(rule, &Value::Bool(false), "only `false` is emitted");
                if let Value::Object(m) = v {
                    let known = s.get("properties").and_then(Value::as_object);
                    for name in m.keys() {
                        if !known.is_some_and(|p| p.contains_key(name)) {
                            errors.push(format!("{path}: {name} is not allowed"));
                        }
                    }
                }
            }
            "if" => {
                let mut probe = Vec::new();
                validate(rule, v, path, &mut probe);
                let branch = if probe.is_empty() { "then" } else { "else" };
                if let Some(sub) = s.get(branch) {
                    validate(sub, v, path, errors);
                }
            }
            "then" | "else" => {} // with `if`
            other => panic!("the test's validator does not know the keyword `{other}`; add it"),
        }
    }
}

fn errors(schema: &Value, v: &Value) -> Vec<String> {
    let mut e = Vec::new();
    validate(schema, v, "", &mut e);
    e
}

// ---- Front matter as JSON ------------------------------------------------------------------

fn to_json(y: &Yaml) -> Value {
    match y {
        Yaml::String(s) => Value::String(s.clone()),
        Yaml::Integer(i) => Value::from(*i),
        Yaml::Real(r) => Value::from(r.parse::<f64>().expect("a number")),
        Yaml::Boolean(b) => Value::Bool(*b),
        Yaml::Array(items) => Value::Array(items.iter().map(to_json).collect()),
        Yaml::Hash(h) => {
            let mut m = Map::new();
            for (k, v) in h {
                let key = match k {
                    Yaml::String(s) => s.clone(),
                    other => panic!("a non-text key {other:?}"),
                };
                m.insert(key, to_json(v));
            }
            Value::Object(m)
        }
        Yaml::Null => Value::Null,
        other => panic!("unexpected YAML {other:?}"),
    }
}

/// The front matter of a Markdown file, as JSON (an empty front matter is `{}`).
fn front_matter(text: &str) -> Value {
    let rest = text.strip_prefix("---\n").expect("starts with ---");
    let end = rest.find("\n---\n").map(|i| i + 1).unwrap_or(0);
    let docs = YamlLoader::load_from_str(&rest[..end]).expect("valid YAML");
    match docs.first() {
        None | Some(Yaml::Null) => Value::Object(Map::new()),
        Some(y) => to_json(y),
    }
}

/// The schema a file of a guide's `content/` is written against: (kind, translation).
fn kind_of(rel: &str) -> (&'static str, bool) {
    let parts: Vec<&str> = rel.split('/').collect();
    let name = parts.last().unwrap();
    let stem = name.trim_end_matches(".md");
    let translation = stem.rsplit_once('.').is_some();
    let base = stem.split('.').next().unwrap();
    let kind = match (parts.len(), base) {
        (1, "_index") => "home",
        (1, _) => "page",
        (2, "_area") => "area",
        _ => "entry",
    };
    (kind, translation)
}

fn markdown_files(dir: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "md") {
                let rel = p
                    .strip_prefix(dir)
                    .unwrap()
                    .to_str()
                    .unwrap()
                    .replace('\\', "/");
                out.push((rel, std::fs::read_to_string(&p).unwrap()));
            }
        }
    }
    out.sort();
    out
}

// ---- Tests -----------------------------------------------------------------------------------

#[test]
fn prints_a_schema_per_kind_or_all_keyed_by_kind() {
    let all = schema(&[]);
    let keys: Vec<&str> = all
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let mut want = KINDS.to_vec();
    want.sort_unstable();
    assert_eq!(keys, want);
    for kind in KINDS {
        let one = schema(&[kind]);
        assert_eq!(one, all[kind], "{kind}");
        assert_eq!(
            one["$schema"],
            "https://json-schema.org/draft/2020-12/schema"
        );
        assert!(one["title"]
            .as_str()
            .unwrap()
            .starts_with("signpost front matter: "));
    }
    let c = &all["challenge"];
    assert_eq!(c["type"], "object");
    assert_eq!(c["additionalProperties"], false);
    assert_eq!(
        c["required"],
        serde_json::json!(["type", "title", "summary", "status"])
    );
    assert_eq!(c["properties"]["title"]["maxLength"], 120);
    assert_eq!(c["properties"]["summary"]["maxLength"], 300);
    assert_eq!(
        c["properties"]["status"]["enum"],
        serde_json::json!(["draft", "in_review", "published", "archived"])
    );
    assert_eq!(
        c["properties"]["type"]["enum"],
        serde_json::json!(["challenge"])
    );
    assert_eq!(
        c["properties"]["last_reviewed"]["pattern"],
        r"^\d{4}-\d{2}-\d{2}$"
    );
    assert_eq!(
        c["properties"]["related"]["items"]["pattern"],
        "^[a-z0-9]+(-[a-z0-9]+)*$"
    );
    let s = &all["solution"];
    assert_eq!(
        s["properties"]["kind"]["enum"],
        serde_json::json!(["method", "tool", "case-study", "service", "inspiration"])
    );
    assert_eq!(
        s["properties"]["provider_type"]["enum"],
        serde_json::json!(["public", "private", "academic", "nonprofit"])
    );
    assert_eq!(s["properties"]["addresses"]["minItems"], 1);
    let d7 = schema(&["area", "--draft", "07"]);
    assert_eq!(d7["$schema"], "http://json-schema.org/draft-07/schema#");
    // Translations need not repeat the fields they share with the original.
    let t = schema(&["solution", "--translation"]);
    assert_eq!(
        t["required"],
        serde_json::json!(["title", "summary", "status"])
    );
}

#[test]
fn every_file_of_the_sample_guide_validates() {
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let plain = schema(&[]);
    let translations = schema(&["--translation"]);
    let files = markdown_files(&content);
    assert!(files.len() > 30, "the sample guide is there");
    let mut kinds_seen = std::collections::BTreeSet::new();
    for (rel, text) in &files {
        let fm = front_matter(text);
        let (kind, translation) = kind_of(rel);
        let set = if translation { &translations } else { &plain };
        let e = errors(&set[kind], &fm);
        assert!(e.is_empty(), "content/{rel} against `{kind}`: {e:?}");
        // Entries also validate against the schema their `type` names.
        if kind == "entry" && !translation {
            let t = fm["type"].as_str().unwrap();
            let e = errors(&set[t], &fm);
            assert!(e.is_empty(), "content/{rel} against `{t}`: {e:?}");
            kinds_seen.insert(t.to_string());
        }
        kinds_seen.insert(format!(
            "{kind}{}",
            if translation { " translation" } else { "" }
        ));
    }
    // The sample has every kind of file, and translations of entries, areas and the home page.
    for k in [
        "challenge",
        "solution",
        "entry",
        "page",
        "area",
        "home",
        "entry translation",
        "area translation",
        "home translation",
    ] {
        assert!(kinds_seen.contains(k), "no sample for {k}: {kinds_seen:?}");
    }
}

/// Wrong front matter: (kind, file, front matter, where the schema complains).
const WRONG: &[(&str, &str, &str, &str)] = &[
    ("challenge", "skola/x.md", "type: challenge\ntitel: T\nsummary: S.\nstatus: draft\n", "titel is not allowed"),
    ("challenge", "skola/x.md", "type: challenge\ntitle: T\nsummary: S.\nstatus: publised\n", "/status"),
    ("challenge", "skola/x.md", "type: challenge\ntitle: T\nstatus: draft\n", "\"summary\" is required"),
    ("challenge", "skola/x.md", "type: challenge\ntitle: T\nsummary: S.\nstatus: published\n", "\"reviewed_by\" is required"),
    ("challenge", "skola/x.md", "type: challenge\ntitle: T\nsummary: S.\nstatus: published\nreviewed_by: []\nlast_reviewed: 2026-05-01\n", "/reviewed_by: fewer than 1"),
    ("challenge", "skola/x.md", "type: challenge\ntitle: T\nsummary: S.\nstatus: draft\nlast_reviewed: 2026-5-1\n", "/last_reviewed"),
    ("challenge", "skola/x.md", "type: challenge\ntitle: T\nsummary: S.\nstatus: draft\nreview_interval: 0\n", "/review_interval: 0 breaks minimum"),
    ("challenge", "skola/x.md", "type: challenge\ntitle: T\nsummary: S.\nstatus: draft\ntags: hemtjänst\n", "/tags: is string"),
    ("challenge", "skola/x.md", "type: challenge\ntitle: T\nsummary: S.\nstatus: draft\nkind: tool\n", "kind is not allowed"),
    ("challenge", "skola/x.md", "type: challenge\ntitle: T\nsummary: S.\nstatus: draft\nrelated: [Fel_Id]\n", "/related/0"),
    ("solution", "skola/x.md", "type: solution\nkind: tool\ntitle: T\nsummary: S.\nstatus: draft\naddresses: []\n", "/addresses: fewer than 1"),
    ("solution", "skola/x.md", "type: solution\nkind: app\ntitle: T\nsummary: S.\nstatus: draft\naddresses: [a]\n", "/kind"),
    ("solution", "skola/x.md", "type: solution\nkind: tool\ntitle: T\nsummary: S.\nstatus: draft\naddresses: [a]\nlinks:\n  - title: L\n    url: www.example.org\n", "/links/0/url"),
    ("solution", "skola/x.md", "type: solution\nkind: tool\ntitle: T\nsummary: S.\nstatus: draft\naddresses: [a]\nlinks:\n  - title: L\n", "\"url\" is required"),
    ("entry", "skola/x.md", "type: solution\ntitle: T\nsummary: S.\nstatus: draft\naddresses: [a]\n", "\"kind\" is required"),
    ("entry", "skola/x.md", "type: utmaning\ntitle: T\nsummary: S.\nstatus: draft\n", "/type"),
    ("page", "x.md", "type: page\ntitle: T\nsummary: S.\ntags: [a]\n", "tags is not allowed"),
    ("page", "x.md", "type: challenge\ntitle: T\nsummary: S.\n", "/type"),
    ("area", "skola/_area.md", "title: Skola\nsummary: S.\nstatus: published\n", "status is not allowed"),
    ("area", "skola/_area.md", "title: Skola\nsummary: S.\norder: först\n", "/order: is string"),
    ("home", "_index.md", "title: Hem\nowner: Redaktionen\n", "owner is not allowed"),
];

#[test]
fn wrong_front_matter_does_not_validate_and_the_check_agrees() {
    let all = schema(&[]);
    let long_title = format!(
        "type: challenge\ntitle: {}\nsummary: S.\nstatus: draft\n",
        "T".repeat(121)
    );
    let mut cases: Vec<(&str, &str, String, &str)> = WRONG
        .iter()
        .map(|(k, f, fm, e)| (*k, *f, fm.to_string(), *e))
        .collect();
    cases.push((
        "challenge",
        "skola/x.md",
        long_title,
        "/title: length 121 breaks maxLength 120",
    ));
    for (kind, file, fm, expected) in cases {
        let text = format!("---\n{fm}---\n\nText.\n");
        let e = errors(&all[kind], &front_matter(&text));
        assert!(
            e.iter().any(|m| m.contains(expected)),
            "{kind} should reject this ({expected}), got {e:?}:\n{fm}"
        );
        // The check rejects the same file (an area folder `skola` with an owner exists).
        let g = Guide::new(&[]);
        g.write(&format!("content/{file}"), &text);
        let run = g.check(&[]);
        assert!(
            run.diags()
                .iter()
                .any(|d| d.severity == "error"
                    && d.file.as_deref() == Some(&format!("content/{file}"))),
            "the check accepts what the schema rejects:\n{fm}\n{run}"
        );
    }
}

#[test]
fn what_the_check_accepts_the_schema_accepts() {
    // Files that check clean validate too, including optional fields of every shape.
    let files: &[(&str, &str, &str)] = &[
        ("challenge", "skola/a.md", "type: challenge\ntitle: A\nsummary: S.\nstatus: published\nowner: O\nreviewed_by: [R]\nlast_reviewed: 2026-05-01\nreview_interval: 6\ntags: [t]\norganisations: [Umeå kommun]\nrelated: [om]\ncreated: 2025-01-01\naliases: [skola/gammal/]\nlang: sv\n"),
        ("solution", "skola/b.md", "type: solution\nkind: case-study\ntitle: B\nsummary: S.\nstatus: draft\naddresses: [a]\nprovider: P\nprovider_type: nonprofit\nlinks:\n  - title: L\n    url: https://example.org/\n  - title: M\n    url: mailto:a@example.org\n"),
        ("page", "om.md", "type: page\ntitle: Om\nsummary: S.\norder: 2\n"),
        ("area", "skola/_area.md", "title: Skola\nsummary: S.\norder: 1\ncode: SKO\nowner: Skolteamet\nreview_interval: 18\n"),
        ("home", "_index.md", "title: Hem\nsummary: S.\n"),
    ];
    let all = schema(&[]);
    let g = Guide::new(&[]);
    for (kind, file, fm) in files {
        let text = format!("---\n{fm}---\n\nText.\n");
        let e = errors(&all[kind], &front_matter(&text));
        assert!(e.is_empty(), "{kind}: {e:?}\n{fm}");
        if *kind != "home" && *kind != "page" && *kind != "area" {
            let e = errors(&all["entry"], &front_matter(&text));
            assert!(e.is_empty(), "entry: {e:?}\n{fm}");
        }
        g.write(&format!("content/{file}"), &text);
    }
    g.check(&["--today", "2026-06-15"]).expect_clean();
}
