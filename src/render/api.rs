//! Open data: every published challenge and solution of a language's site as JSON
//! (`api/entries.json`) and as CSV for spreadsheets (`api/entries.csv`), with a JSON Schema
//! of the JSON (`api/entries.schema.json`, once for the whole site). User guide:
//! `docs/api.md`.
//!
//! A language's file has every entry readers can find in that language: its translations,
//! and the originals it has no translation of (as the lists show them), each saying which
//! language its text is in. Drafts, entries in review and archived entries are never in it,
//! not even in a preview with `--drafts`. Like the rest of the output it is deterministic:
//! entries by id, no build time, dates from the content.
//!
//! The CSV is written by the `csv` crate (as `review.rs`'s is): one header row, fields quoted
//! as RFC 4180 says. It is not a page and not in the sitemap.

use std::collections::BTreeSet;

use rayon::prelude::*;
use serde::Serialize;
use serde_json::{json, Value};

use super::model::Model;
use super::{stops_at, RenderError, Site, STOP_CHUNK};
use crate::content::{Doc, DocType, Role, Status};
use crate::routes;

/// The version of the format. Adding a field keeps it; renaming or removing one, or
/// changing a field's meaning, raises it.
pub const VERSION: u32 = 1;

/// One entry of `entries.json`; the CSV has the same columns.
#[derive(Debug, Serialize)]
struct Entry {
    id: String,
    #[serde(rename = "type")]
    doc_type: &'static str,
    title: String,
    summary: String,
    url: String,
    area: Option<String>,
    area_title: Option<String>,
    kind: Option<&'static str>,
    tags: Vec<String>,
    organisations: Vec<String>,
    provider: Option<String>,
    provider_type: Option<&'static str>,
    addresses: Vec<String>,
    addressed_by: Vec<String>,
    related: Vec<String>,
    owner: Option<String>,
    #[serde(serialize_with = "crate::content::freshness::serialize_opt_date")]
    last_reviewed: Option<chrono::NaiveDate>,
    #[serde(serialize_with = "crate::content::freshness::serialize_opt_date")]
    next_review: Option<chrono::NaiveDate>,
    language: String,
    translations: Vec<Translation>,
}

#[derive(Debug, Serialize)]
struct Translation {
    language: String,
    url: String,
}

/// The published entries readers find in the model's language, by id; `None` when `stop`
/// said to give up (asked every [`STOP_CHUNK`] documents: they are put in order as they
/// are met, then made a chunk at a time in parallel; sorting the made entries at the end
/// ran 150 ms without a look at 100,000 entries).
fn entries(model: &Model, stop: &dyn Fn() -> bool) -> Option<Vec<Entry>> {
    let g = model.guide;
    let mut by_id: BTreeSet<(&str, usize)> = BTreeSet::new();
    for (i, d) in g.docs.iter().enumerate() {
        if stops_at(i, stop) {
            return None;
        }
        if model.listed(i) && d.role == Role::Entry && d.status() == Status::Published {
            by_id.insert((&d.id, i));
        }
    }
    let order: Vec<usize> = by_id.into_iter().map(|(_, i)| i).collect();
    let mut out: Vec<Entry> = Vec::with_capacity(order.len());
    for chunk in order.chunks(STOP_CHUNK) {
        if stop() {
            return None;
        }
        out.par_extend(chunk.par_iter().map(|&i| entry(model, &g.docs[i])));
    }
    Some(out)
}

fn entry(model: &Model, d: &Doc) -> Entry {
    let g = model.guide;
    let shared = model.shared(d);
    let doc_type = g.doc_type(d).unwrap_or(DocType::Challenge);
    let published_id = |j: &usize| {
        let s = &g.docs[*j];
        (s.status() == Status::Published).then(|| s.id.clone())
    };
    let mut addressed_by: Vec<String> = match doc_type {
        DocType::Challenge => model
            .solutions_of
            .get(&d.id)
            .map(|s| s.iter().filter_map(published_id).collect())
            .unwrap_or_default(),
        _ => Vec::new(),
    };
    addressed_by.sort();
    addressed_by.dedup();
    let area = d.area.as_deref().and_then(|a| model.area_doc(a));
    // The other versions readers can open: the original and the published translations.
    let original = if d.is_translation {
        g.original_of(d)
    } else {
        Some(d)
    };
    let mut translations: Vec<Translation> = original
        .into_iter()
        .chain(g.config.languages.iter().filter_map(|l| {
            g.translations
                .get(&(d.key(), l.clone()))
                .map(|&t| &g.docs[t])
        }))
        .filter(|v| v.lang != d.lang && v.front_matter_ok && v.status() == Status::Published)
        .map(|v| Translation {
            language: v.lang.clone(),
            url: model.canonical(&v.url),
        })
        .collect();
    translations.sort_by(|a, b| a.language.cmp(&b.language));
    Entry {
        id: d.id.clone(),
        doc_type: doc_type.as_str(),
        title: d.title().to_string(),
        summary: d.meta.summary.clone().unwrap_or_default(),
        url: model.canonical(&d.url),
        area: d.area.clone(),
        area_title: area.map(|a| a.title().to_string()),
        kind: shared.kind.map(|k| k.as_str()),
        tags: shared.tags.clone(),
        organisations: shared.organisations.clone(),
        provider: shared.provider.clone(),
        provider_type: shared.provider_type.map(|t| t.as_str()),
        addresses: shared.addresses.iter().map(|a| a.value.clone()).collect(),
        addressed_by,
        related: shared.related.iter().map(|r| r.value.clone()).collect(),
        owner: g.owner(d).map(str::to_string),
        last_reviewed: d.meta.last_reviewed,
        next_review: g.review_due(d),
        language: d.lang.clone(),
        translations,
    }
}

/// What `entries.json` says of its language's site besides the entries (owned: the file
/// is made after the model is gone, [`add_all`]).
#[derive(Serialize)]
struct Head {
    #[serde(rename = "$schema")]
    schema: String,
    version: u32,
    language: String,
    site: SiteInfo,
}

#[derive(Serialize)]
struct SiteInfo {
    title: String,
    url: String,
}

impl Head {
    fn of(model: &Model) -> Self {
        Head {
            schema: model.canonical(routes::ENTRIES_SCHEMA),
            version: VERSION,
            language: model.lang.clone(),
            site: SiteInfo {
                title: model.guide.config.title.clone(),
                url: model.canonical(&model.prefix),
            },
        }
    }
}

/// `entries.json` of a language: the version, the language, where the schema is, the
/// entries.
fn json(head: &Head, entries: &[Entry]) -> Vec<u8> {
    #[derive(Serialize)]
    struct Document<'a> {
        #[serde(flatten)]
        head: &'a Head,
        entries: &'a [Entry],
    }
    // Room for the whole file at once (room not written to costs no memory).
    let mut bytes = Vec::with_capacity(entries.len() * 1024);
    // Writing strings, numbers and lists of them to memory cannot fail.
    let _ = serde_json::to_writer_pretty(&mut bytes, &Document { head, entries });
    bytes.push(b'\n');
    bytes
}

/// The CSV's columns, in order: the fields of an entry.
pub const CSV_COLUMNS: [&str; 20] = [
    "id",
    "type",
    "title",
    "summary",
    "url",
    "area",
    "area_title",
    "kind",
    "tags",
    "organisations",
    "provider",
    "provider_type",
    "addresses",
    "addressed_by",
    "related",
    "owner",
    "last_reviewed",
    "next_review",
    "language",
    "translations",
];

/// `entries.csv`: UTF-8 with a byte order mark (so that Excel reads å, ä and ö right), a
/// header row, CRLF line ends; lists joined with `; `, translations as `en <url>`. A cell
/// that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`) gets a
/// leading `'`; the JSON has the exact text.
fn csv(entries: &[Entry]) -> Vec<u8> {
    let mut out = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer({
            let mut bytes = Vec::with_capacity(entries.len() * 512);
            bytes.extend_from_slice("\u{feff}".as_bytes());
            bytes
        });
    // Writing to memory cannot fail.
    let _ = out.write_record(CSV_COLUMNS);
    for e in entries {
        let value = serde_json::to_value(e).expect("an entry serialises");
        let cells = CSV_COLUMNS.iter().map(|c| {
            defuse(match &value[*c] {
                Value::Null => String::new(),
                Value::String(s) => s.clone(),
                Value::Array(items) => items
                    .iter()
                    .map(|v| match v {
                        Value::Object(t) => format!(
                            "{} {}",
                            t["language"].as_str().unwrap_or_default(),
                            t["url"].as_str().unwrap_or_default()
                        ),
                        v => v.as_str().unwrap_or_default().to_string(),
                    })
                    .collect::<Vec<_>>()
                    .join("; "),
                other => other.to_string(),
            })
        });
        let _ = out.write_record(cells);
    }
    out.into_inner().unwrap_or_default()
}

fn defuse(s: String) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s
    }
}

/// The JSON Schema (2020-12) of `entries.json`.
pub fn schema(base_url: &str) -> Value {
    let text = json!({"type": "string"});
    let opt_text = json!({"type": ["string", "null"]});
    let list = json!({"type": "array", "items": {"type": "string"}});
    let date = json!({"type": ["string", "null"], "format": "date"});
    let entry = json!({
        "id": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
        "type": {"enum": ["challenge", "solution"]},
        "title": text,
        "summary": text,
        "url": {"type": "string", "format": "uri"},
        "area": opt_text,
        "area_title": opt_text,
        "kind": {"enum": [null, "method", "tool", "case-study", "service", "inspiration"]},
        "tags": list,
        "organisations": list,
        "provider": opt_text,
        "provider_type": {"enum": [null, "public", "private", "academic", "nonprofit"]},
        "addresses": {"description": "Solutions: the ids of the challenges it helps with.", "type": "array", "items": {"type": "string"}},
        "addressed_by": {"description": "Challenges: the ids of the published solutions that help with it.", "type": "array", "items": {"type": "string"}},
        "related": list,
        "owner": opt_text,
        "last_reviewed": date,
        "next_review": date,
        "language": {"type": "string", "description": "The language of this entry's text: an untranslated entry is in the original's."},
        "translations": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["language", "url"],
                "additionalProperties": false,
                "properties": {"language": text, "url": {"type": "string", "format": "uri"}}
            }
        }
    });
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": format!("{base_url}{}", routes::ENTRIES_SCHEMA),
        "title": "signpost entries",
        "description": "Every published challenge and solution of one language's site (docs/api.md).",
        "type": "object",
        "required": ["$schema", "version", "language", "site", "entries"],
        "additionalProperties": false,
        "properties": {
            "$schema": text,
            "version": {"const": VERSION, "description": "Raised when a field is renamed or removed or changes meaning."},
            "language": {"type": "string", "description": "The language of this site."},
            "site": {
                "type": "object",
                "required": ["title", "url"],
                "additionalProperties": false,
                "properties": {"title": text, "url": {"type": "string", "format": "uri"}}
            },
            "entries": {
                "type": "array",
                "items": {
                    "type": "object",
                    "additionalProperties": false,
                    "required": CSV_COLUMNS,
                    "properties": entry,
                }
            }
        }
    })
}

/// Adds every language's `entries.json` and `entries.csv`, and the schema; false when
/// `stop` said to give up (while the entries are gathered). The two files are made later
/// ([`Site::make_later`]), from the entries alone: at 100,000 entries that is a second of
/// work that `serve` leaves to its writer's thread.
pub(super) fn add_all(
    models: &[Model],
    site: &mut Site,
    stop: &dyn Fn() -> bool,
) -> Result<bool, RenderError> {
    for model in models {
        let Some(entries) = entries(model, stop) else {
            return Ok(false);
        };
        let entries = std::sync::Arc::new(entries);
        let head = Head::of(model);
        let all = std::sync::Arc::clone(&entries);
        site.add_later(
            format!("{}{}", model.prefix, routes::ENTRIES_JSON),
            "the open data (entries.json)",
            move || json(&head, &all),
        )?;
        site.add_later(
            format!("{}{}", model.prefix, routes::ENTRIES_CSV),
            "the open data (entries.csv)",
            move || csv(&entries),
        )?;
    }
    let mut schema =
        serde_json::to_vec_pretty(&schema(&models[0].guide.config.base_url)).expect("schema");
    schema.push(b'\n');
    site.add(
        routes::ENTRIES_SCHEMA.to_string(),
        schema,
        "the schema of the open data",
    )?;
    Ok(true)
}
