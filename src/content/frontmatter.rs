//! Front matter: splitting it from the body, and reading it strictly into [`Meta`].
//!
//! Which fields a file may have depends on what it is (home, area, challenge, solution,
//! page); the fields themselves (name, shape, where in `Meta` each goes, which files accept
//! and require it, limits) are rows of the table in `fields.rs`, and this module reads a
//! value by its shape. Every field is validated on its own, so one file can report several
//! problems at once, each at its own line and column. Rules that need the rest of the guide
//! (does an id exist, is the owner inherited from the area, is a review due) are not here
//! but in `check/`.

use foldhash::{HashSet, HashSetExt};
use std::borrow::Cow;

use chrono::NaiveDate;

use super::fields::{self, Field, Form, Limit, Shape, Slot, Spec};
mod traps;

use super::paths::BadAlias;
use super::synonyms::{self, Meant};
use super::yaml::{self, Node, Value};
use super::{DocType, ExtLink, Located, Meta, Role};
use crate::config::Config;
use crate::diagnostics::{did_you_mean, Code, Diagnostic};
use crate::i18n::Msg;
use crate::msg;

pub use super::fields::{SUMMARY_MAX, TITLE_MAX};

/// The most tags one entry may have: each tag is a page of the site in every language, so
/// 100,000 tags in one file would be 200,000 files.
pub const MAX_TAGS: usize = 50;

/// Whether a link's `url` may be published as an `href`: decided by its scheme, never by
/// looking for `://` (`javascript://%0aalert(1)` has one). `http://` and `https://` with a
/// host, and `mailto:`; nothing else (issue 14: `tel:`, `ftp:` and the like are refused too,
/// so a reader's browser is never handed a scheme it may hand to another program); no control characters or spaces (a browser would drop them
/// and read another address). `signpost schema`'s `URL_PATTERN` says the same.
pub(crate) fn link_url_ok(url: &str) -> bool {
    if url.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return false;
    }
    if url.starts_with("mailto:") {
        return true;
    }
    ["http://", "https://"].iter().any(|p| {
        url.strip_prefix(p)
            .and_then(|rest| rest.chars().next())
            .is_some_and(|c| c != '/')
    })
}

/// A Markdown file split into its parts.
#[derive(Debug, PartialEq, Eq)]
pub enum Split<'a> {
    Parts {
        yaml: &'a str,
        body: &'a str,
        /// File line of the body's first line.
        body_line: u32,
    },
    /// Nothing but white space.
    Empty,
    /// The first line is not `---`.
    NoFrontMatter,
    /// No closing `---` line.
    Unterminated,
}

/// Splits normalised text (no BOM, `\n` line ends).
pub fn split(text: &str) -> Split<'_> {
    if text.trim().is_empty() {
        return Split::Empty;
    }
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or_default();
    if first.trim_end() != "---" {
        return Split::NoFrontMatter;
    }
    let yaml_start = first.len();
    let mut offset = yaml_start;
    for (i, line) in lines.enumerate() {
        let t = line.trim_end();
        if t == "---" || t == "..." {
            return Split::Parts {
                yaml: &text[yaml_start..offset],
                body: &text[offset + line.len()..],
                body_line: i as u32 + 3,
            };
        }
        offset += line.len();
    }
    Split::Unterminated
}

/// What the front matter is read for.
pub struct Context<'a> {
    pub path: &'a str,
    pub role: Role,
    pub is_translation: bool,
    /// File line of the YAML's first line.
    pub first_line: u32,
    pub config: &'a Config,
}

/// Reads front matter YAML text into [`Meta`]; problems go to `diags`.
/// Returns `None` when the YAML itself cannot be read.
pub fn read(yaml_text: &str, cx: &Context, diags: &mut Vec<Diagnostic>) -> Option<Meta> {
    let root = match yaml::parse(yaml_text) {
        Ok(n) => n,
        Err(e) if e.too_deep => {
            diags.push(
                Diagnostic::new(Code::LimitExceeded, e.message)
                    .file(cx.path)
                    .at(e.pos.line + cx.first_line - 1, e.pos.column)
                    .hint(msg!("yaml-too-deep-hint")),
            );
            return None;
        }
        Err(e) => {
            let plain = traps::explain(yaml_text, &e);
            diags.push(
                Diagnostic::new(Code::YamlSyntax, plain.message)
                    .file(cx.path)
                    .at(plain.line + cx.first_line - 1, plain.column)
                    .hint(plain.hint),
            );
            return None;
        }
    };
    let pairs = match root.value {
        Value::Map(pairs) => pairs,
        Value::Null => Vec::new(),
        _ => {
            let d = match traps::colon_without_space(yaml_text) {
                Some(plain) => Diagnostic::new(Code::YamlSyntax, plain.message)
                    .at(plain.line + cx.first_line - 1, plain.column)
                    .hint(plain.hint),
                None => Diagnostic::new(Code::YamlSyntax, msg!("yaml-not-fields"))
                    .at(root.pos.line + cx.first_line - 1, root.pos.column)
                    .hint(msg!("yaml-syntax-hint")),
            };
            diags.push(d.file(cx.path));
            return None;
        }
    };
    let mut r = Reader {
        cx,
        source: yaml_text,
        line_starts: line_starts(yaml_text),
        diags,
        meta: Meta::default(),
        current: None,
        suggested: Vec::new(),
    };
    r.read_fields(pairs);
    r.required();
    Some(r.meta)
}

struct Reader<'a, 'd> {
    /// The front matter's YAML text, for what the parsed values no longer show (comments).
    source: &'a str,
    /// Where each line of `source` starts.
    line_starts: Vec<usize>,
    cx: &'a Context<'a>,
    diags: &'d mut Vec<Diagnostic>,
    meta: Meta,
    /// The field being read, marked invalid when it gets a diagnostic.
    current: Option<&'static str>,
    /// Fields suggested for misspelt ones: not reported again as missing.
    suggested: Vec<&'static str>,
}

impl<'a> Reader<'a, '_> {
    /// The line of `source` at `index` (from 0), as `str::lines` gives it.
    fn source_line(&self, index: usize) -> Option<&'a str> {
        line_at(self.source, &self.line_starts, index)
    }

    fn line(&self, node: &Node) -> u32 {
        node.pos.line + self.cx.first_line - 1
    }

    fn diag(&mut self, code: Code, node: &Node, message: Msg, hint: Option<Msg>) {
        if let Some(field) = self.current {
            if code != Code::TooLong && !self.meta.invalid.contains(&field) {
                self.meta.invalid.push(field);
            }
        }
        let width = match &node.value {
            Value::Str(s) => s.chars().count(),
            Value::Int(i) => i.to_string().len(),
            _ => 1,
        };
        let d = Diagnostic::new(code, message)
            .file(self.cx.path)
            .at(self.line(node), node.pos.column)
            .width(width)
            .maybe_hint(hint);
        self.diags.push(d);
    }

    fn read_fields(&mut self, pairs: Vec<(Node, Node)>) {
        // `type` decides which other fields are accepted, so read it first.
        if self.cx.role == Role::Entry || self.cx.role == Role::Page {
            if let Some((_, v)) = pairs
                .iter()
                .find(|(k, _)| k.text().as_deref() == Some(Field::Type.name()))
            {
                if let Some(t) = v.as_text().and_then(|s| DocType::parse(s.trim())) {
                    self.meta.doc_type = Some(t);
                }
            }
        }
        let form = Form::of(self.cx.role, self.meta.doc_type);
        // Every field name written, so that a field written under another word as well as
        // its own name is not taken for missing-but-meant.
        let written: HashSet<Cow<str>> = pairs.iter().filter_map(|(k, _)| k.text()).collect();
        let mut seen: HashSet<Cow<str>> = HashSet::with_capacity(pairs.len());
        for (key, value) in &pairs {
            let Some(name) = key.text() else {
                self.diag(Code::YamlSyntax, key, msg!("field-name-not-text"), None);
                continue;
            };
            if !seen.insert(name.clone()) {
                self.diag(
                    Code::DuplicateField,
                    key,
                    msg!("duplicate-field", field = name.as_ref()),
                    Some(msg!("duplicate-field-hint")),
                );
                continue;
            }
            let spec = Field::named(&name)
                .map(Field::spec)
                .filter(|s| s.accepts(form));
            let Some(spec) = spec else {
                self.unknown_field(key, &name, form, &written);
                continue;
            };
            self.meta
                .fields
                .push((spec.name, self.line(key), key.pos.column));
            self.current = Some(spec.name);
            self.field(spec, key, value);
            self.current = None;
        }
    }

    fn unknown_field(&mut self, key: &Node, name: &str, form: Form, written: &HashSet<Cow<str>>) {
        let what = form.what_msg();
        let accepted: Vec<&'static str> = fields::accepted(form).iter().map(|s| s.name).collect();
        let known = Field::named(name).map(Field::spec);
        let solution_only =
            known.is_some_and(|s| s.accepts(Form::Solution) && !s.accepts(Form::Challenge));
        let (message, hint) = if solution_only && self.meta.doc_type == Some(DocType::Challenge) {
            (
                msg!("field-solution-only", field = name),
                Some(msg!("field-solution-only-hint", field = name)),
            )
        } else if known.is_some() {
            (
                msg!("field-not-of", field = name, what = what.clone()),
                Some(msg!("fields-of", what = what, fields = accepted.join(", "))),
            )
        } else {
            // A word of the synonym table first (`granskad_av` is `reviewed_by`, which no
            // spelling rule would find), then the closest spelling.
            let meant = match synonyms::field(name) {
                Some(Meant::Field(f)) if f.spec().accepts(form) => Some(f.name()),
                Some(Meant::Area) if self.cx.role == Role::Entry => {
                    let area = self.cx.path.split('/').nth(1).unwrap_or_default();
                    self.diag(
                        Code::UnknownField,
                        key,
                        msg!("unknown-field", field = name),
                        Some(msg!("unknown-field-area-hint", area = area)),
                    );
                    return;
                }
                Some(Meant::Id) if matches!(self.cx.role, Role::Entry | Role::Page) => {
                    self.diag(
                        Code::UnknownField,
                        key,
                        msg!("unknown-field", field = name),
                        Some(msg!("unknown-field-id-hint")),
                    );
                    return;
                }
                _ => did_you_mean(name, accepted.iter().copied()),
            };
            let hint = match meant {
                Some(s) => {
                    if !written.contains(s) {
                        self.suggested.push(s);
                        // Present under a misspelt name: the rules that ask for the field
                        // (`check/workflow.rs`'s review fields) say nothing more.
                        if !self.meta.invalid.contains(&s) {
                            self.meta.invalid.push(s);
                        }
                    }
                    msg!("did-you-mean", word = s)
                }
                None => msg!("fields-of", what = what, fields = accepted.join(", ")),
            };
            (msg!("unknown-field", field = name), Some(hint))
        };
        self.diag(Code::UnknownField, key, message, hint);
    }

    /// "`title` is empty": a value that may not be left out.
    fn empty(&mut self, key: &Node, name: &str) {
        self.diag(
            Code::MissingField,
            key,
            msg!("field-empty", field = name),
            Some(msg!("field-empty-hint", field = name)),
        );
    }

    /// Reads one field's value by its shape into its place in `Meta`.
    fn field(&mut self, spec: &'static Spec, key: &Node, value: &Node) {
        let name = spec.name;
        // An empty value is a missing value; `required()` reports it where it matters.
        if value.value == Value::Null {
            if self.comment_as_value(key, name) {
                // Reported as what it is; not also as empty or missing.
                self.suggested.push(name);
                if !self.meta.invalid.contains(&name) {
                    self.meta.invalid.push(name);
                }
            } else if spec.never_empty() {
                self.empty(key, name);
            }
            return;
        }
        match spec.shape {
            Shape::Text(slot) => {
                let Some(text) = self.text(name, value) else {
                    return;
                };
                if let Some(max) = spec.limit.max_chars() {
                    let len = text.chars().count();
                    if len > max {
                        self.diag(
                            Code::TooLong,
                            value,
                            msg!("too-long", field = name, len = len, max = max),
                            Some(msg!("too-long-hint", over = len - max)),
                        );
                    }
                }
                if text.is_empty() {
                    if spec.never_empty() {
                        self.empty(key, name);
                    }
                    return;
                }
                *(slot.set)(&mut self.meta) = Some(text);
            }
            Shape::Texts(slot) => {
                let Some(items) = self.list(name, value) else {
                    return;
                };
                let mut out = Vec::new();
                for item in items {
                    self.item_ran_on(item);
                    if let Some(t) = self.text(name, item) {
                        if !t.is_empty() {
                            out.push(t);
                        }
                    }
                }
                if name == "tags" {
                    out = self.tags_ok(value, out);
                }
                *(slot.set)(&mut self.meta) = out;
            }
            Shape::Ids(slot) | Shape::Paths(slot) => {
                let Some(items) = self.list(name, value) else {
                    return;
                };
                let mut out = Vec::new();
                for item in items {
                    if let Some(t) = self.text(name, item) {
                        if !t.is_empty() {
                            out.push(Located {
                                value: t,
                                line: self.line(item),
                                column: item.pos.column,
                            });
                        }
                    }
                }
                if matches!(spec.shape, Shape::Paths(_)) {
                    out.retain(|a| self.alias_ok(a));
                }
                if let Limit::NotEmpty { why, hint } = spec.limit {
                    if out.is_empty() {
                        self.diag(
                            Code::MissingField,
                            key,
                            msg!("field-empty-because", field = name, why = Msg::new(why)),
                            Some(Msg::new(hint)),
                        );
                    }
                }
                *(slot.set)(&mut self.meta) = out;
            }
            Shape::Date(slot) => {
                let Some(text) = self.text(name, value) else {
                    return;
                };
                match parse_date(&text) {
                    Some(d) => *(slot.set)(&mut self.meta) = Some(d),
                    None => {
                        let (why, hint) = traps::date_problem(&text);
                        self.diag(
                            Code::InvalidDate,
                            value,
                            msg!("invalid-date", field = name, value = &text, why = why),
                            Some(hint),
                        )
                    }
                }
            }
            Shape::Months(_) | Shape::Int(_) => {
                let Value::Int(n) = value.value else {
                    let what = value.type_msg();
                    self.diag(
                        Code::WrongType,
                        value,
                        msg!("not-a-whole-number", field = name, found = what),
                        None,
                    );
                    return;
                };
                let (from, to) = match (spec.limit, spec.shape) {
                    (Limit::Range(from, to), _) => (from, to),
                    (_, Shape::Months(_)) => (0, u32::MAX.into()),
                    _ => (i64::MIN, i64::MAX),
                };
                if !(from..=to).contains(&n) {
                    let message = match spec.shape {
                        Shape::Months(_) => msg!("months-at-least", field = name, from = from),
                        _ => msg!("number-range", field = name, from = from, to = to),
                    };
                    self.diag(Code::InvalidValue, value, message, None);
                    return;
                }
                match spec.shape {
                    Shape::Months(slot) => *(slot.set)(&mut self.meta) = u32::try_from(n).ok(),
                    Shape::Int(slot) => *(slot.set)(&mut self.meta) = Some(n),
                    _ => {}
                }
            }
            Shape::Type(slot) => {
                if let Some(s) = self.choice(name, value, DocType::NAMES) {
                    let t = DocType::parse(&s);
                    *(slot.set)(&mut self.meta) = t;
                    self.check_type_fits_place(t, value);
                }
            }
            Shape::Choice(choice) => {
                if let Some(s) = self.choice(name, value, choice.names) {
                    (choice.set)(&mut self.meta, &s);
                }
            }
            Shape::Lang(slot) => {
                let Some(text) = self.text(name, value) else {
                    return;
                };
                if !self.cx.config.has_language(&text) {
                    self.diag(
                        Code::UnknownLanguage,
                        value,
                        msg!(
                            "unknown-language",
                            lang = &text,
                            languages = self.cx.config.languages.join(", ")
                        ),
                        Some(msg!("unknown-language-hint")),
                    );
                    return;
                }
                *(slot.set)(&mut self.meta) = Some(text);
            }
            Shape::Links(slot) => self.links(value, slot),
        }
    }

    /// Scalar text, trimmed; numbers and booleans are taken as written.
    fn text(&mut self, name: &str, node: &Node) -> Option<String> {
        match node.text() {
            Some(s) => {
                self.comment_in_value(node, &s);
                Some(s.trim().to_string())
            }
            None if node.value == Value::Null => Some(String::new()),
            None => {
                let what = node.type_msg();
                self.diag(
                    Code::WrongType,
                    node,
                    msg!("must-be-text", field = name, found = what),
                    None,
                );
                None
            }
        }
    }

    fn list<'n>(&mut self, name: &str, node: &'n Node) -> Option<&'n [Node]> {
        match &node.value {
            Value::Seq(items) => Some(items),
            _ => {
                let example = node.as_text().unwrap_or_else(|| "…".into());
                self.diag(
                    Code::WrongType,
                    node,
                    msg!("must-be-list", field = name, found = node.type_msg()),
                    Some(msg!("must-be-list-hint", field = name, example = example)),
                );
                None
            }
        }
    }

    fn choice(&mut self, name: &str, node: &Node, names: &[&'static str]) -> Option<String> {
        let text = self.text(name, node)?;
        if names.contains(&text.as_str()) {
            return Some(text);
        }
        // A word of the synonym table (`publicerad` is `published`) or the value written
        // another way (`In review`), then the closest spelling.
        let meant = Field::named(name)
            .and_then(|f| synonyms::value(f, &text))
            .or_else(|| did_you_mean(&text, names.iter().copied()));
        let hint = match meant {
            Some(s) => msg!("did-you-mean-allowed", word = s, allowed = names.join(", ")),
            None => msg!("allowed-values", allowed = names.join(", ")),
        };
        self.diag(
            Code::InvalidValue,
            node,
            msg!("value-not-allowed", field = name, value = &text),
            Some(hint),
        );
        None
    }

    fn check_type_fits_place(&mut self, t: Option<DocType>, node: &Node) {
        match (self.cx.role, t) {
            (Role::Entry, Some(DocType::Page)) => self.diag(
                Code::MisplacedFile,
                node,
                msg!("page-in-area"),
                Some(msg!("page-in-area-hint")),
            ),
            (Role::Page, Some(t @ (DocType::Challenge | DocType::Solution))) => self.diag(
                Code::MisplacedFile,
                node,
                msg!("entry-outside-area", kind = t.as_str()),
                Some(msg!("entry-outside-area-hint")),
            ),
            _ => {}
        }
    }

    /// At most [`MAX_TAGS`] tags (each is a page of the site), and each must have a letter
    /// or digit that its address can be made of.
    fn tags_ok(&mut self, node: &Node, mut tags: Vec<String>) -> Vec<String> {
        if tags.len() > MAX_TAGS {
            self.diag(
                Code::LimitExceeded,
                node,
                msg!("too-many-tags", count = tags.len(), max = MAX_TAGS),
                Some(msg!("too-many-tags-hint")),
            );
            tags.truncate(MAX_TAGS);
        }
        let items: &[Node] = match &node.value {
            Value::Seq(items) => items,
            _ => &[],
        };
        tags.retain(|t| {
            if !crate::text::slugify_id(t).is_empty() {
                return true;
            }
            let at = items
                .iter()
                .find(|n| n.as_text().as_deref() == Some(t.as_str()))
                .unwrap_or(node)
                .clone();
            self.diag(
                Code::InvalidValue,
                &at,
                msg!("tag-without-letters", tag = t.escape_debug().to_string()),
                Some(msg!("tag-without-letters-hint")),
            );
            false
        });
        tags
    }

    fn alias_ok(&mut self, alias: &Located) -> bool {
        let a = &alias.value;
        let (message, hint) = match super::paths::normalise_alias(a) {
            Ok(_) => return true,
            Err(BadAlias::Home) => (
                msg!("alias-home", alias = a.escape_debug().to_string()),
                msg!("alias-home-hint"),
            ),
            Err(BadAlias::NotAPath) => (
                msg!("alias-not-a-path", alias = a.escape_debug().to_string()),
                msg!("alias-not-a-path-hint"),
            ),
            Err(BadAlias::TooLong) => (
                msg!("alias-too-long"),
                msg!(
                    "alias-too-long-hint",
                    part = super::paths::MAX_ALIAS_PART,
                    whole = super::paths::MAX_ALIAS_LEN
                ),
            ),
        };
        let d = Diagnostic::new(Code::InvalidValue, message)
            .file(self.cx.path)
            .at(alias.line, alias.column)
            .hint(hint);
        self.diags.push(d);
        false
    }

    fn links(&mut self, node: &Node, slot: Slot<Vec<ExtLink>>) {
        let Some(items) = self.list("links", node) else {
            return;
        };
        for item in items {
            let Value::Map(pairs) = &item.value else {
                self.diag(
                    Code::WrongType,
                    item,
                    msg!("link-item-shape", found = item.type_msg()),
                    Some(msg!("link-item-shape-hint")),
                );
                continue;
            };
            let (mut title, mut url) = (None, None);
            let mut bad_url = false;
            for (k, v) in pairs {
                match k.as_text().as_deref() {
                    Some("title") => title = self.text("title", v),
                    Some("url") => {
                        url = self.text("url", v);
                        if let Some(u) = &url {
                            if !(u.is_empty() || link_url_ok(u)) {
                                self.diag(
                                    Code::InvalidValue,
                                    v,
                                    msg!("not-a-web-address", url = u.escape_debug().to_string()),
                                    Some(msg!("not-a-web-address-hint")),
                                );
                                url = None;
                                bad_url = true;
                            }
                        }
                    }
                    Some(other) => {
                        let hint = did_you_mean(other, ["title", "url"])
                            .map(|s| msg!("did-you-mean", word = s));
                        self.diag(
                            Code::UnknownField,
                            k,
                            msg!("unknown-link-field", field = other),
                            hint.or(Some(msg!("link-fields"))),
                        );
                    }
                    None => {}
                }
            }
            match (
                title.filter(|t| !t.is_empty()),
                url.filter(|u| !u.is_empty()),
            ) {
                (Some(title), Some(url)) => (slot.set)(&mut self.meta).push(ExtLink { title, url }),
                // Already reported as it is.
                (Some(_), None) if bad_url => {}
                (t, _) => {
                    let missing = if t.is_none() { "title" } else { "url" };
                    self.diag(
                        Code::MissingField,
                        item,
                        msg!("link-missing", field = missing),
                        None,
                    );
                }
            }
        }
    }

    fn required(&mut self) {
        let form = Form::of(self.cx.role, self.meta.doc_type);
        for spec in fields::required(form, self.cx.is_translation) {
            let field = spec.name;
            if self.meta.has(field) || self.suggested.contains(&field) {
                continue;
            }
            let hint = match (spec.add, spec.shape) {
                (Some(add), _) => Msg::new(add),
                (None, Shape::Type(_)) => {
                    let values: Vec<String> = form
                        .type_names()
                        .iter()
                        .map(|t| format!("`type: {t}`"))
                        .collect();
                    msg!("add-one-of-types", types = values.join(" | "))
                }
                (None, Shape::Choice(choice)) => {
                    msg!(
                        "add-field-choice",
                        field = field,
                        values = choice.names.join(", ")
                    )
                }
                _ => msg!("add-field", field = field),
            };
            self.diags.push(
                Diagnostic::new(Code::MissingField, msg!("missing-field", field = field))
                    .file(self.cx.path)
                    .at(1, 1)
                    .hint(hint),
            );
        }
    }
}

/// Where each line of `text` starts, for [`line_at`].
fn line_starts(text: &str) -> Vec<usize> {
    let mut starts = vec![0];
    starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
    starts
}

/// The line of `text` at `index` (from 0), as `text.lines().nth(index)` gives it, without
/// going through the lines before it (the reader looks up a line for every value).
fn line_at<'t>(text: &'t str, starts: &[usize], index: usize) -> Option<&'t str> {
    let start = *starts.get(index)?;
    if start >= text.len() {
        return None;
    }
    Some(match starts.get(index + 1) {
        Some(next) => {
            let line = &text[start..next - 1];
            line.strip_suffix('\r').unwrap_or(line)
        }
        None => &text[start..],
    })
}

/// `YYYY-MM-DD`, a real calendar date.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    if !b
        .iter()
        .enumerate()
        .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
    {
        return None;
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter_and_body() {
        let t = "---\ntitle: x\n---\n# Body\n";
        assert_eq!(
            split(t),
            Split::Parts {
                yaml: "title: x\n",
                body: "# Body\n",
                body_line: 4
            }
        );
        assert_eq!(split("  \n"), Split::Empty);
        assert_eq!(split("# x\n"), Split::NoFrontMatter);
        assert_eq!(split("---\ntitle: x\n"), Split::Unterminated);
        assert_eq!(
            split("---\n---"),
            Split::Parts {
                yaml: "",
                body: "",
                body_line: 3
            }
        );
    }

    #[test]
    fn lines_are_found_as_str_lines_finds_them() {
        for text in [
            "",
            "\n",
            "a",
            "a\n",
            "a\nb",
            "a\n\nb\n",
            "title: x\r\nsummary: y\r",
            "å: ä\nö\r\r\n\n",
        ] {
            let starts = line_starts(text);
            for i in 0..6 {
                assert_eq!(
                    line_at(text, &starts, i),
                    text.lines().nth(i),
                    "{text:?} {i}"
                );
            }
        }
    }

    #[test]
    fn dates_are_strict() {
        assert!(parse_date("2026-02-28").is_some());
        assert!(parse_date("2026-02-30").is_none());
        assert!(parse_date("2026-2-3").is_none());
        assert!(parse_date("26-02-03").is_none());
    }

    #[test]
    fn link_urls_are_checked_by_scheme() {
        for ok in ["https://example.org/", "http://a.se", "mailto:a@b.se"] {
            assert!(link_url_ok(ok), "{ok}");
        }
        for bad in [
            "javascript://%0aalert(1)",
            "JavaScript:alert(1)",
            "data://text/html,x",
            "vbscript://x",
            "file:///etc/passwd",
            "https:///evil",
            "//evil.example/",
            "https://a.se/\nx",
            "ftp://a.se/",
            "tel:+4690123",
            "example.org",
        ] {
            assert!(!link_url_ok(bad), "{bad:?}");
        }
    }
}
