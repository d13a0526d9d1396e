//! `signpost schema`: a JSON Schema of the front matter of each kind of file.
//!
//! The schema is made from the loader's own field table (`content::fields`: which fields a
//! kind of file accepts, the shape and limits of each, which are required, and their
//! descriptions), so it cannot drift from what `signpost check` accepts. It says less than the check, never more: rules that need
//! other files (does an id exist, the owner an entry inherits from its area, whether a
//! review is due) are only in the check.
//!
//! Two things are deliberately stricter than the check, to guide editors: text must be
//! written as text (the check also takes a number or `true` as written), and an optional
//! field may not be left empty (the check ignores `owner:` with nothing after it).

use std::process::ExitCode;

use serde_json::{json, Map, Value};

use crate::content::fields::{self, Field, Form, Limit, Required, Shape, Spec};
use crate::content::{DocType, Role};

/// The kinds of file a schema can be printed for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Kind {
    /// A challenge (`type: challenge` in an area folder)
    Challenge,
    /// A solution (`type: solution` in an area folder)
    Solution,
    /// Any file in an area folder other than _area.md: a challenge or a solution, by its `type`
    Entry,
    /// A page (content/<id>.md)
    Page,
    /// An area (content/<area>/_area.md)
    Area,
    /// The home page (content/_index.md)
    Home,
}

impl Kind {
    pub const ALL: [Kind; 6] = [
        Kind::Challenge,
        Kind::Solution,
        Kind::Entry,
        Kind::Page,
        Kind::Area,
        Kind::Home,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Challenge => "challenge",
            Kind::Solution => "solution",
            Kind::Entry => "entry",
            Kind::Page => "page",
            Kind::Area => "area",
            Kind::Home => "home",
        }
    }
}

/// Which JSON Schema dialect the `$schema` keyword names. The keywords used mean the same
/// in both; only the declaration differs, for tools that know only draft-07.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Draft {
    #[default]
    #[value(name = "2020-12")]
    D2020_12,
    #[value(name = "07")]
    D07,
}

impl Draft {
    pub fn uri(self) -> &'static str {
        match self {
            Draft::D2020_12 => "https://json-schema.org/draft/2020-12/schema",
            Draft::D07 => "http://json-schema.org/draft-07/schema#",
        }
    }
}

/// The options of `signpost schema`.
#[derive(Debug, Clone, clap::Args)]
pub struct SchemaArgs {
    /// The kind of file (default: every kind, as one JSON object keyed by kind)
    #[arg(value_enum)]
    pub kind: Option<Kind>,
    /// The schema of a translation (`<id>.en.md`), which takes `type`, `kind` and
    /// `addresses` from its original and need not repeat them
    #[arg(long)]
    pub translation: bool,
    /// The JSON Schema version named in `$schema`
    #[arg(long, value_enum, default_value_t = Draft::D2020_12)]
    pub draft: Draft,
}

/// `^[a-z0-9]+(-[a-z0-9]+)*$`, as `text::is_valid_id`.
pub const ID_PATTERN: &str = "^[a-z0-9]+(-[a-z0-9]+)*$";
/// `YYYY-MM-DD` (the check also refuses dates that do not exist, such as 2026-02-30).
pub const DATE_PATTERN: &str = r"^\d{4}-\d{2}-\d{2}$";
/// Two or three lowercase letters, as `config::is_language_code`.
pub const LANG_PATTERN: &str = "^[a-z]{2,3}$";
/// What the check accepts as a link's address (`frontmatter::link_url_ok`): a full web
/// address (`http://` or `https://` and a host) or `mailto:`; no other scheme.
pub const URL_PATTERN: &str = r"^(https?://[^/\s]|mailto:)";

/// The schema of one kind of file, with `$schema` and a title.
pub fn schema(kind: Kind, translation: bool, draft: Draft) -> Value {
    let mut s = match kind {
        Kind::Challenge => object(Role::Entry, Some(DocType::Challenge), translation),
        Kind::Solution => object(Role::Entry, Some(DocType::Solution), translation),
        Kind::Entry => entry(translation),
        Kind::Page => object(Role::Page, Some(DocType::Page), translation),
        Kind::Area => object(Role::Area, None, translation),
        Kind::Home => object(Role::Home, None, translation),
    };
    let what = match kind {
        Kind::Challenge => "a challenge",
        Kind::Solution => "a solution",
        Kind::Entry => "a challenge or solution",
        Kind::Page => "a page",
        Kind::Area => "an area (_area.md)",
        Kind::Home => "the home page (_index.md)",
    };
    let obj = s.as_object_mut().expect("an object");
    obj.insert("$schema".into(), json!(draft.uri()));
    obj.insert(
        "title".into(),
        json!(format!(
            "signpost front matter: {what}{}",
            if translation { ", translation" } else { "" }
        )),
    );
    s
}

/// Every kind's schema, as one object keyed by kind.
pub fn all(translation: bool, draft: Draft) -> Value {
    let mut m = Map::new();
    for k in Kind::ALL {
        m.insert(k.as_str().into(), schema(k, translation, draft));
    }
    Value::Object(m)
}

/// A file in an area folder: challenge or solution by `type`; without a (valid) `type`,
/// every field of either (as the loader reads it), with `type` itself reported.
fn entry(translation: bool) -> Value {
    let is = |t: &str| json!({"type": "object", "properties": {"type": {"enum": [t]}}, "required": ["type"]});
    json!({
        "if": is("challenge"),
        "then": object(Role::Entry, Some(DocType::Challenge), translation),
        "else": {
            "if": is("solution"),
            "then": object(Role::Entry, Some(DocType::Solution), translation),
            "else": object(Role::Entry, None, translation),
        }
    })
}

/// The schema of one kind of file, from the loader's field table.
fn object(role: Role, doc_type: Option<DocType>, translation: bool) -> Value {
    let form = Form::of(role, doc_type);
    let mut props = Map::new();
    for spec in fields::accepted(form) {
        let mut p = property(spec, form);
        p.as_object_mut()
            .expect("an object")
            .insert("description".into(), json!(spec.doc(form)));
        props.insert(spec.name.into(), p);
    }
    let required: Vec<&str> = fields::required(form, translation)
        .map(|s| s.name)
        .collect();
    let mut s = json!({
        "type": "object",
        "properties": props,
        "required": required,
        "additionalProperties": false,
    });
    // As `check/workflow.rs`: a published entry or page names who reviewed it and when.
    if Field::Status.spec().accepts(form) {
        let when_published: Vec<&Spec> = fields::accepted(form)
            .into_iter()
            .filter(|s| matches!(s.required, Required::WhenPublished))
            .collect();
        let mut then = Map::new();
        for spec in &when_published {
            let p = match json_type(spec.shape) {
                "array" => json!({"type": "array", "minItems": 1}),
                t => json!({ "type": t }),
            };
            then.insert(spec.name.into(), p);
        }
        let names: Vec<&str> = when_published.iter().map(|s| s.name).collect();
        s.as_object_mut().expect("an object").insert(
            "if".into(),
            json!({
                "type": "object",
                "properties": {"status": {"enum": ["published"]}},
                "required": ["status"],
            }),
        );
        s.as_object_mut().expect("an object").insert(
            "then".into(),
            json!({
                "type": "object",
                "properties": then,
                "required": names,
            }),
        );
    }
    s
}

/// The JSON type of a value of this shape.
fn json_type(shape: Shape) -> &'static str {
    match shape {
        Shape::Texts(_) | Shape::Ids(_) | Shape::Paths(_) | Shape::Links(_) => "array",
        Shape::Months(_) | Shape::Int(_) => "integer",
        Shape::Text(_) | Shape::Date(_) | Shape::Type(_) | Shape::Choice(_) | Shape::Lang(_) => {
            "string"
        }
    }
}

fn property(spec: &Spec, form: Form) -> Value {
    let strings = |names: &[&str]| json!({"type": "string", "enum": names});
    let mut p = match spec.shape {
        // Text may not be left empty where the check says so (the title, the summary).
        Shape::Text(_) if spec.never_empty() => json!({"type": "string", "minLength": 1}),
        Shape::Text(_) => json!({"type": "string"}),
        Shape::Texts(_) => json!({"type": "array", "items": {"type": "string"}}),
        Shape::Date(_) => json!({"type": "string", "pattern": DATE_PATTERN}),
        Shape::Months(_) | Shape::Int(_) => json!({"type": "integer"}),
        Shape::Type(_) => strings(form.type_names()),
        Shape::Choice(choice) => strings(choice.names),
        Shape::Ids(_) => {
            json!({"type": "array", "items": {"type": "string", "pattern": ID_PATTERN}})
        }
        Shape::Paths(_) => json!({"type": "array", "items": {"type": "string", "minLength": 1}}),
        Shape::Lang(_) => json!({"type": "string", "pattern": LANG_PATTERN}),
        Shape::Links(_) => json!({
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "title": {"type": "string", "minLength": 1},
                    "url": {"type": "string", "pattern": URL_PATTERN},
                },
                "required": ["title", "url"],
                "additionalProperties": false,
            }
        }),
    };
    let o = p.as_object_mut().expect("an object");
    match spec.limit {
        Limit::Any => {}
        Limit::Chars(n) => {
            o.insert("maxLength".into(), json!(n));
        }
        Limit::Range(from, to) => {
            o.insert("minimum".into(), json!(from));
            o.insert("maximum".into(), json!(to));
        }
        Limit::NotEmpty { .. } => {
            o.insert("minItems".into(), json!(1));
        }
    }
    p
}

/// `signpost schema [KIND]`: prints the schema (or all of them) as JSON. Always exit 0.
pub fn cli(args: &SchemaArgs) -> ExitCode {
    let v = match args.kind {
        Some(k) => schema(k, args.translation, args.draft),
        None => all(args.translation, args.draft),
    };
    println!(
        "{}",
        serde_json::to_string_pretty(&v).expect("a schema serialises")
    );
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_has_a_description() {
        for kind in Kind::ALL {
            let s = schema(kind, false, Draft::D2020_12);
            let objects = match kind {
                Kind::Entry => vec![&s["then"], &s["else"]["then"], &s["else"]["else"]],
                _ => vec![&s],
            };
            for o in objects {
                for (name, p) in o["properties"].as_object().unwrap() {
                    let d = p["description"].as_str().unwrap_or_default();
                    assert!(!d.is_empty(), "{name} of {}", kind.as_str());
                }
            }
        }
    }

    #[test]
    fn follows_the_loaders_tables() {
        let s = schema(Kind::Solution, false, Draft::D2020_12);
        let props = s["properties"].as_object().unwrap();
        assert!(props.contains_key("addresses") && props.contains_key("kind"));
        assert_eq!(
            s["required"],
            json!(["type", "title", "summary", "status", "kind", "addresses"])
        );
        let c = schema(Kind::Challenge, false, Draft::D2020_12);
        assert!(!c["properties"]
            .as_object()
            .unwrap()
            .contains_key("addresses"));
        let t = schema(Kind::Challenge, true, Draft::D07);
        assert_eq!(t["required"], json!(["title", "summary", "status"]));
        assert_eq!(
            t["$schema"],
            json!("http://json-schema.org/draft-07/schema#")
        );
        let h = schema(Kind::Home, false, Draft::D2020_12);
        assert_eq!(h["required"], json!([]));
        assert!(h.get("if").is_none());
    }
}
