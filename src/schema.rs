//! `signpost schema`: a JSON Schema of the front matter of each kind of file.
//!
//! The schema is made from the loader's own tables (`content::frontmatter`: which fields a
//! kind of file accepts, the shape of each, which are required), so it cannot drift from
//! what `signpost check` accepts. It says less than the check, never more: rules that need
//! other files (does an id exist, the owner an entry inherits from its area, whether a
//! review is due) are only in the check.
//!
//! Two things are deliberately stricter than the check, to guide editors: text must be
//! written as text (the check also takes a number or `true` as written), and an optional
//! field may not be left empty (the check ignores `owner:` with nothing after it).

use std::process::ExitCode;

use serde_json::{json, Map, Value};

use crate::content::frontmatter::{field_shapes, required_fields, Shape, SUMMARY_MAX, TITLE_MAX};
use crate::content::{DocType, ProviderType, Role, SolutionKind, Status};

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
/// address (`http://` or `https://` and a host), `mailto:` or `tel:`; no other scheme.
pub const URL_PATTERN: &str = r"^(https?://[^/\s]|mailto:|tel:)";

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

/// The schema of one kind of file, from the loader's tables.
fn object(role: Role, doc_type: Option<DocType>, translation: bool) -> Value {
    let mut props = Map::new();
    for (name, shape) in field_shapes(role, doc_type) {
        let mut p = property(name, shape, role, doc_type);
        p.as_object_mut()
            .expect("an object")
            .insert("description".into(), json!(describe(name, role)));
        props.insert(name.into(), p);
    }
    let mut s = json!({
        "type": "object",
        "properties": props,
        "required": required_fields(role, doc_type, translation),
        "additionalProperties": false,
    });
    // As `check/workflow.rs`: a published entry or page names who reviewed it and when.
    if matches!(role, Role::Entry | Role::Page) {
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
                "properties": {
                    "reviewed_by": {"type": "array", "minItems": 1},
                    "last_reviewed": {"type": "string"},
                },
                "required": ["reviewed_by", "last_reviewed"],
            }),
        );
    }
    s
}

fn property(name: &str, shape: Shape, role: Role, doc_type: Option<DocType>) -> Value {
    let strings = |names: &[&str]| json!({"type": "string", "enum": names});
    match shape {
        Shape::Text => match name {
            "title" => json!({"type": "string", "minLength": 1, "maxLength": TITLE_MAX}),
            "summary" => json!({"type": "string", "minLength": 1, "maxLength": SUMMARY_MAX}),
            _ => json!({"type": "string"}),
        },
        Shape::TextList => json!({"type": "array", "items": {"type": "string"}}),
        Shape::Date => json!({"type": "string", "pattern": DATE_PATTERN}),
        Shape::Months => json!({"type": "integer", "minimum": 1, "maximum": 1200}),
        Shape::Int => json!({"type": "integer"}),
        Shape::Type => match (role, doc_type) {
            (Role::Page, _) => strings(&["page"]),
            (_, Some(t)) => strings(&[t.as_str()]),
            _ => strings(&["challenge", "solution"]),
        },
        Shape::Status => strings(Status::NAMES),
        Shape::SolutionKind => strings(SolutionKind::NAMES),
        Shape::ProviderType => strings(ProviderType::NAMES),
        // `aliases` shares the list shape but holds site paths, not ids.
        Shape::IdList if name == "aliases" => {
            json!({"type": "array", "items": {"type": "string", "minLength": 1}})
        }
        Shape::IdList => {
            let mut p =
                json!({"type": "array", "items": {"type": "string", "pattern": ID_PATTERN}});
            if name == "addresses" {
                p.as_object_mut()
                    .expect("an object")
                    .insert("minItems".into(), json!(1));
            }
            p
        }
        Shape::Lang => json!({"type": "string", "pattern": LANG_PATTERN}),
        Shape::Links => json!({
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
    }
}

/// What a field means, for the hover text in editors (the contract is in
/// docs/content-format.md).
fn describe(name: &str, role: Role) -> &'static str {
    match (name, role) {
        ("title", Role::Home) => "The home page's heading; default: `title` in config.toml.",
        ("title", _) => "The title, at most 120 characters.",
        ("summary", _) => "One or two sentences for cards, lists and search engines, at most 300 characters.",
        ("type", Role::Page) => "`page`.",
        ("type", _) => "`challenge` or `solution`.",
        ("status", _) => "draft, in_review, published or archived.",
        ("owner", Role::Area) => "Who keeps the area's entries up to date; entries without an owner get this one.",
        ("owner", _) => "The person, team or organisation that keeps the text up to date (an entry may inherit its area's).",
        ("reviewed_by", _) => "Who approved the current text; required when published.",
        ("last_reviewed", _) => "When the current text was approved, YYYY-MM-DD, not in the future; required when published.",
        ("review_interval", _) => "Months between reviews (1–1200); default: the area's, then config.toml's.",
        ("tags", _) => "Keywords; each gets a page under /tags/.",
        ("organisations", _) => "Municipalities or organisations that raised the challenge or offer the solution.",
        ("related", _) => "Ids of related challenges, solutions or pages.",
        ("created", _) => "The date the text was first written or published, YYYY-MM-DD.",
        ("aliases", _) => "Old addresses on this site (paths such as `omrade/gammal-sida/`) that redirect here.",
        ("lang", _) => "The language of the file; rarely needed (translations are named <id>.<lang>.md).",
        ("kind", _) => "method, tool, case-study, service or inspiration.",
        ("addresses", _) => "Ids of the challenges this solution helps with (at least one).",
        ("provider", _) => "Who provides the solution.",
        ("provider_type", _) => "public, private, academic or nonprofit.",
        ("links", _) => "External resources, each with a `title` and a `url`.",
        ("order", Role::Area) => "A whole number; areas are listed by it, lowest first, then by title.",
        ("order", _) => "A whole number; pages are listed in the footer by it, lowest first, then by title.",
        ("code", _) => "The area's code in an external classification.",
        _ => "",
    }
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
        for role in [Role::Home, Role::Area, Role::Page, Role::Entry] {
            for t in [None, Some(DocType::Challenge), Some(DocType::Solution)] {
                for (name, _) in field_shapes(role, t) {
                    assert!(!describe(name, role).is_empty(), "{name} of {role:?}");
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
