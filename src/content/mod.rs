//! The guide model: every file of `content/` read once, typed, and indexed.
//!
//! [`Guide`] is plain data built by [`load`]: the documents (home, areas, entries, pages and
//! their translations), indexes by path and by id, and the diagnostics found while reading
//! (syntax and front-matter schema). Everything after loading (checks, rendering) is a
//! function of it; nothing here judges links or the review workflow (`check/` does).

pub mod edit;
pub mod fields;
pub mod freshness;
pub mod frontmatter;
pub mod load;
pub mod paths;
pub mod synonyms;
pub mod yaml;

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use chrono::NaiveDate;
use serde::Serialize;

use crate::config::Config;
use crate::diagnostics::Diagnostic;
use crate::markdown::Body;

pub use load::{load, LoadError, LoadOptions};

/// What a file is, from where it sits in `content/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// `content/_index.md`
    Home,
    /// `content/<area>/_area.md`
    Area,
    /// `content/<area>/…/<id>.md` or `…/<id>/index.md`: a challenge or a solution
    Entry,
    /// `content/<id>.md`
    Page,
}

impl Role {
    /// Where the page of a document with this role, id and area goes (`routes::doc`).
    pub fn place<'a>(self, id: &'a str, area: Option<&'a str>) -> crate::routes::Place<'a> {
        use crate::routes::Place;
        match self {
            Role::Home => Place::Home,
            Role::Area => Place::Area(id),
            Role::Page => Place::Page(id),
            Role::Entry => Place::Entry {
                area: area.unwrap_or_default(),
                id,
            },
        }
    }
}

/// The `type` field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DocType {
    Challenge,
    Solution,
    Page,
}

impl DocType {
    pub const NAMES: &'static [&'static str] = &["challenge", "solution", "page"];

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "challenge" => Some(DocType::Challenge),
            "solution" => Some(DocType::Solution),
            "page" => Some(DocType::Page),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            DocType::Challenge => "challenge",
            DocType::Solution => "solution",
            DocType::Page => "page",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Draft,
    InReview,
    Published,
    Archived,
}

impl Status {
    pub const NAMES: &'static [&'static str] = &["draft", "in_review", "published", "archived"];

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "draft" => Some(Status::Draft),
            "in_review" => Some(Status::InReview),
            "published" => Some(Status::Published),
            "archived" => Some(Status::Archived),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::InReview => "in_review",
            Status::Published => "published",
            Status::Archived => "archived",
        }
    }

    /// Built on the public site (archived entries keep their URL).
    pub fn is_public(self) -> bool {
        matches!(self, Status::Published | Status::Archived)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SolutionKind {
    Method,
    Tool,
    CaseStudy,
    Service,
    Inspiration,
}

impl SolutionKind {
    pub const NAMES: &'static [&'static str] =
        &["method", "tool", "case-study", "service", "inspiration"];

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "method" => Some(SolutionKind::Method),
            "tool" => Some(SolutionKind::Tool),
            "case-study" => Some(SolutionKind::CaseStudy),
            "service" => Some(SolutionKind::Service),
            "inspiration" => Some(SolutionKind::Inspiration),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        Self::NAMES[self as usize]
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ProviderType {
    Public,
    Private,
    Academic,
    Nonprofit,
}

impl ProviderType {
    pub const NAMES: &'static [&'static str] = &["public", "private", "academic", "nonprofit"];

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "public" => Some(ProviderType::Public),
            "private" => Some(ProviderType::Private),
            "academic" => Some(ProviderType::Academic),
            "nonprofit" => Some(ProviderType::Nonprofit),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        Self::NAMES[self as usize]
    }
}

/// A value from front matter with its position in the file (1-based).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Located {
    pub value: String,
    pub line: u32,
    pub column: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExtLink {
    pub title: String,
    pub url: String,
}

/// How a summary written by `signpost new` starts until an editor replaces it; `check`
/// warns about one that readers can see.
pub const PLACEHOLDER_SUMMARY: &str = "UTKAST:";

/// Typed front matter. Fields that are absent or failed validation are `None` / empty; the
/// diagnostics say why. Each front-matter field is a row of the field table
/// (`fields.rs`), which names the field here that it is read into.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Meta {
    pub doc_type: Option<DocType>,
    pub title: Option<String>,
    pub summary: Option<String>,
    pub status: Option<Status>,
    pub owner: Option<String>,
    pub reviewed_by: Vec<String>,
    pub last_reviewed: Option<NaiveDate>,
    pub review_interval: Option<u32>,
    pub tags: Vec<String>,
    pub organisations: Vec<String>,
    pub related: Vec<Located>,
    pub created: Option<NaiveDate>,
    pub aliases: Vec<Located>,
    pub lang: Option<String>,
    pub kind: Option<SolutionKind>,
    pub addresses: Vec<Located>,
    pub provider: Option<String>,
    pub provider_type: Option<ProviderType>,
    pub links: Vec<ExtLink>,
    pub order: Option<i64>,
    pub code: Option<String>,
    /// Where each field that is present starts: (name, line, column) in the file.
    pub fields: Vec<(&'static str, u32, u32)>,
    /// Fields that are present but could not be read, or are written under a misspelt name
    /// (they have a diagnostic already, so no rule reports them missing too).
    pub invalid: Vec<&'static str>,
}

impl Meta {
    /// Line and column of a field, if the file has it.
    pub fn field_pos(&self, name: &str) -> Option<(u32, u32)> {
        self.fields
            .iter()
            .find(|(n, _, _)| *n == name)
            .map(|(_, l, c)| (*l, *c))
    }

    pub fn has(&self, name: &str) -> bool {
        self.field_pos(name).is_some()
    }
}

/// Identifies a document across languages: a translation has the same key as its original.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum DocKey {
    Home,
    Area(String),
    /// Entries and pages share one namespace of ids.
    Item(String),
}

/// One Markdown file of the guide.
#[derive(Debug, Clone)]
pub struct Doc {
    /// Relative to the guide root, with `/`: `content/aldreomsorg/digital-nyckel.md`.
    pub path: String,
    pub role: Role,
    /// The entry's or page's id, the area's folder name, or `""` for the home page.
    pub id: String,
    /// The area folder (for areas and entries).
    pub area: Option<String>,
    /// The language of the file (suffix, `lang` field or the site's default).
    pub lang: String,
    /// The address of its page below the site's base, language included (`routes::doc`),
    /// set once when the file is read.
    pub url: String,
    /// A `.xx.md` file: a translation of the file without the suffix.
    pub is_translation: bool,
    /// The front matter could be read as YAML (individual fields may still be invalid).
    pub front_matter_ok: bool,
    pub meta: Meta,
    /// `None` when the file could not be split into front matter and body.
    pub body: Option<Body>,
    /// The file's text (BOM removed, CRLF as LF): for diagnostics excerpts, and the
    /// Markdown the body's HTML and search text are made from when needed.
    pub source: std::sync::Arc<str>,
}

impl Doc {
    pub fn key(&self) -> DocKey {
        match self.role {
            Role::Home => DocKey::Home,
            Role::Area => DocKey::Area(self.id.clone()),
            Role::Entry | Role::Page => DocKey::Item(self.id.clone()),
        }
    }

    /// The status the workflow sees: pages, areas and the home page without a `status` are
    /// published; an entry without a valid one is treated as a draft.
    pub fn status(&self) -> Status {
        match (self.meta.status, self.role) {
            (Some(s), _) => s,
            (None, Role::Entry) => Status::Draft,
            (None, _) => Status::Published,
        }
    }

    pub fn title(&self) -> &str {
        self.meta.title.as_deref().unwrap_or(&self.id)
    }

    /// Where a field starts in the file, or the first line.
    pub fn pos_of(&self, field: &str) -> (u32, u32) {
        self.meta.field_pos(field).unwrap_or((1, 1))
    }
}

/// An area folder: its `_area.md` (if any) and the entries in it.
#[derive(Debug, Clone, Default)]
pub struct AreaInfo {
    /// Index of the `_area.md` document in the default language.
    pub doc: Option<usize>,
}

/// The whole guide, loaded.
#[derive(Debug)]
pub struct Guide {
    pub root: PathBuf,
    pub config: Config,
    pub config_source: String,
    /// Every Markdown file, sorted by path.
    pub docs: Vec<Doc>,
    /// Path (relative to the guide root) → index in `docs`.
    pub by_path: HashMap<String, usize>,
    /// Key → the original (untranslated) document.
    pub originals: HashMap<DocKey, usize>,
    /// (key, language) → translation.
    pub translations: HashMap<(DocKey, String), usize>,
    /// Area folder name → area.
    pub areas: BTreeMap<String, AreaInfo>,
    /// Files under `content/` that are not Markdown (images, attachments), relative to the
    /// guide root, sorted.
    pub assets: Vec<String>,
    /// Problems found while reading: I/O, syntax, schema, identity.
    pub diagnostics: Vec<Diagnostic>,
    /// Files read (Markdown and config.toml).
    pub files_read: usize,
}

impl Guide {
    /// The original document with this id (entry or page).
    pub fn item(&self, id: &str) -> Option<&Doc> {
        self.originals
            .get(&DocKey::Item(id.to_string()))
            .map(|&i| &self.docs[i])
    }

    /// The original a translation translates.
    pub fn original_of(&self, doc: &Doc) -> Option<&Doc> {
        if !doc.is_translation {
            return None;
        }
        self.originals.get(&doc.key()).map(|&i| &self.docs[i])
    }

    /// The effective type of a document: its own `type`, or its original's for a
    /// translation that does not repeat it.
    pub fn doc_type(&self, doc: &Doc) -> Option<DocType> {
        doc.meta
            .doc_type
            .or_else(|| self.original_of(doc).and_then(|o| o.meta.doc_type))
    }

    /// The area document of an entry or area.
    pub fn area_doc(&self, area: &str) -> Option<&Doc> {
        self.areas
            .get(area)
            .and_then(|a| a.doc)
            .map(|i| &self.docs[i])
    }

    /// Owner of an entry: its own, else its area's.
    pub fn owner<'a>(&'a self, doc: &'a Doc) -> Option<&'a str> {
        doc.meta
            .owner
            .as_deref()
            .or_else(|| self.original_of(doc).and_then(|o| o.meta.owner.as_deref()))
            .or_else(|| {
                doc.area
                    .as_deref()
                    .and_then(|a| self.area_doc(a))
                    .and_then(|a| a.meta.owner.as_deref())
            })
    }

    /// Months between reviews: the entry's own, else its area's, else the site's.
    pub fn review_interval(&self, doc: &Doc) -> u32 {
        doc.meta
            .review_interval
            .or_else(|| {
                doc.area
                    .as_deref()
                    .and_then(|a| self.area_doc(a))
                    .and_then(|a| a.meta.review_interval)
            })
            .unwrap_or(self.config.review.interval_months)
    }

    /// The source text of a file, for diagnostics.
    pub fn source(&self, path: &str) -> Option<&str> {
        if path == crate::config::FILE {
            return Some(&self.config_source);
        }
        self.by_path.get(path).map(|&i| &*self.docs[i].source)
    }
}
