//! `config.toml`: the site settings, read strictly.
//!
//! Unknown keys are errors with a "did you mean" hint, because a misspelt setting is otherwise
//! silently ignored. A broken file does not stop a check: every problem is reported as a
//! diagnostic with its line, and the settings that could not be read fall back to defaults
//! so the content can still be checked. Only a missing `config.toml` is fatal (the caller
//! decides that).

use std::borrow::Cow;

use toml::de::{DeTable, DeValue};
use toml::Spanned;

use crate::diagnostics::{did_you_mean, Code, Diagnostic, Severity};
use crate::i18n::Msg;
use crate::msg;
use crate::text::LineIndex;

pub const FILE: &str = "config.toml";

#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    pub title: String,
    pub description: String,
    /// Always ends with `/`.
    pub base_url: String,
    pub default_language: String,
    /// Every language of the site, the default first.
    pub languages: Vec<String>,
    pub theme: String,
    pub review: ReviewConfig,
    pub search: SearchConfig,
    /// `[lists]`: how many entries (and tags) one page of a list shows.
    pub lists: ListsConfig,
    /// `[repository]`: where the guide's files live; edit and proposal links need it.
    pub repository: Option<crate::repository::Repository>,
    /// `[owners]`: an owner's name → their contact on the git host (`@org/team`), for
    /// review reminders. In the file's order.
    pub owners: Vec<(String, String)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ReviewConfig {
    pub interval_months: u32,
    pub due_soon_days: u32,
    /// Severity of `review-overdue`.
    pub overdue: Severity,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SearchConfig {
    pub enabled: bool,
}

/// `[lists]`: the size of one page of a list. The lists of entries (all challenges, all
/// solutions, the open challenges, an area's, a tag's) and the tag index are split into
/// numbered pages of this many items, so that no page grows with the guide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListsConfig {
    /// Entries on one page of a list (an area's page counts its challenges and solutions).
    pub per_page: usize,
    /// Tags on one page of the tag index.
    pub tags_per_page: usize,
}

impl ListsConfig {
    /// 50 cards are ~15 KB of gzipped HTML, well inside the 40 KB a page may weigh.
    pub const PER_PAGE: usize = 50;
    /// A tag in the index is a short line: 200 of them are ~6 KB gzipped.
    pub const TAGS_PER_PAGE: usize = 200;
    /// The most a setting may ask for: more would let a page grow past its budget again.
    pub const MAX: usize = 1000;
}

impl Default for ListsConfig {
    fn default() -> Self {
        ListsConfig {
            per_page: Self::PER_PAGE,
            tags_per_page: Self::TAGS_PER_PAGE,
        }
    }
}

impl Default for Config {
    fn default() -> Self {
        Config {
            title: "Guide".into(),
            description: String::new(),
            base_url: "/".into(),
            default_language: "sv".into(),
            languages: vec!["sv".into()],
            theme: "default".into(),
            review: ReviewConfig {
                interval_months: 12,
                due_soon_days: 30,
                overdue: Severity::Warning,
            },
            search: SearchConfig { enabled: true },
            lists: ListsConfig::default(),
            repository: None,
            owners: Vec::new(),
        }
    }
}

impl Config {
    /// The path part of `base_url`, e.g. `/guide/` (always starts and ends with `/`).
    pub fn base_path(&self) -> String {
        base_path_of(&self.base_url)
    }

    pub fn has_language(&self, lang: &str) -> bool {
        self.languages.iter().any(|l| l == lang)
    }

    /// An owner's contact on the git host, from `[owners]`.
    pub fn owner_contact(&self, owner: &str) -> Option<&str> {
        self.owners
            .iter()
            .find(|(name, _)| name == owner)
            .map(|(_, contact)| contact.as_str())
    }
}

/// The path of a URL, `https://x.org/a/b/` → `/a/b/`; a bare path is kept.
pub fn base_path_of(url: &str) -> String {
    let path = match url.find("://") {
        Some(i) => {
            let rest = &url[i + 3..];
            rest.find('/').map(|j| &rest[j..]).unwrap_or("/")
        }
        None => url,
    };
    let mut p = path.to_string();
    if !p.starts_with('/') {
        p.insert(0, '/');
    }
    if !p.ends_with('/') {
        p.push('/');
    }
    p
}

const TOP_KEYS: &[&str] = &[
    "title",
    "description",
    "base_url",
    "default_language",
    "languages",
    "theme",
    "review",
    "search",
    "lists",
    "repository",
    "owners",
];
const REVIEW_KEYS: &[&str] = &["interval_months", "due_soon_days", "overdue"];
const SEARCH_KEYS: &[&str] = &["enabled"];
const LISTS_KEYS: &[&str] = &["per_page", "tags_per_page"];
const REPOSITORY_KEYS: &[&str] = &["url", "branch"];

/// Parses `config.toml` text. Always returns a usable config; problems are diagnostics.
pub fn parse(text: &str) -> (Config, Vec<Diagnostic>) {
    let mut p = ConfigParser {
        lines: LineIndex::new(text),
        diags: Vec::new(),
    };
    let mut config = Config::default();
    let table = match DeTable::parse(text) {
        Ok(t) => t,
        Err(e) => {
            // The TOML parser rejects a repeated key or table; that is the rule `duplicate-field`.
            let mut d = if e.message().starts_with("duplicate key") {
                let key = e
                    .span()
                    .and_then(|s| text.get(s))
                    .map(str::trim)
                    .filter(|k| !k.is_empty());
                let message = match key {
                    Some(k) => msg!("config-duplicate", key = k),
                    None => msg!("config-duplicate-unnamed"),
                };
                Diagnostic::new(Code::DuplicateField, message)
                    .file(FILE)
                    .hint(msg!("config-duplicate-hint"))
            } else {
                Diagnostic::new(Code::TomlSyntax, msg!("toml-syntax", detail = e.message()))
                    .file(FILE)
                    .hint(msg!("toml-syntax-hint"))
            };
            if let Some(span) = e.span() {
                let (l, c) = p.lines.pos(span.start);
                d = d.at(l, c);
            }
            return (config, vec![d]);
        }
    };
    let table = table.into_inner();
    let mut default_language_set = false;
    let mut languages_set: Option<Spanned<()>> = None;
    for (key, value) in table.iter() {
        let name = key.get_ref().as_ref();
        match name {
            "title" => {
                if let Some(s) = p.string(key, value) {
                    config.title = s;
                }
            }
            "description" => {
                if let Some(s) = p.string(key, value) {
                    config.description = s;
                }
            }
            "base_url" => {
                if let Some(s) = p.string(key, value) {
                    match base_url_problem(&s) {
                        None => {
                            config.base_url = if s.ends_with('/') { s } else { format!("{s}/") }
                        }
                        Some(problem) => p.invalid(value, problem, None),
                    }
                }
            }
            "default_language" => {
                if let Some(s) = p.string(key, value) {
                    if is_language_code(&s) {
                        config.default_language = s;
                        default_language_set = true;
                    } else {
                        p.invalid(
                            value,
                            msg!("not-a-language-code", value = &s),
                            Some(msg!("language-code-hint")),
                        );
                    }
                }
            }
            "languages" => {
                if let Some(list) = p.string_list(key, value) {
                    config.languages = list;
                    languages_set = Some(Spanned::new(value.span(), ()));
                }
            }
            "theme" => {
                if let Some(s) = p.string(key, value) {
                    if is_theme_name(&s) {
                        config.theme = s;
                    } else {
                        p.invalid(
                            value,
                            msg!("theme-not-a-name", value = s.escape_debug().to_string()),
                            Some(msg!("theme-not-a-name-hint")),
                        );
                    }
                }
            }
            "review" => {
                if let Some(t) = p.table(key, value) {
                    for (k, v) in t.iter() {
                        match k.get_ref().as_ref() {
                            "interval_months" => {
                                if let Some(n) = p.positive(k, v) {
                                    config.review.interval_months = n;
                                }
                            }
                            "due_soon_days" => {
                                if let Some(n) = p.integer(k, v) {
                                    if !(0..=MAX_DUE_SOON_DAYS).contains(&n) {
                                        p.invalid(
                                            v,
                                            msg!("due-soon-days-range", max = MAX_DUE_SOON_DAYS),
                                            None,
                                        );
                                    } else {
                                        config.review.due_soon_days = n as u32;
                                    }
                                }
                            }
                            "overdue" => {
                                if let Some(s) = p.string(k, v) {
                                    match s.as_str() {
                                        "warning" => config.review.overdue = Severity::Warning,
                                        "error" => config.review.overdue = Severity::Error,
                                        _ => p.invalid(v, msg!("overdue-value", value = &s), None),
                                    }
                                }
                            }
                            _ => p.unknown(k, REVIEW_KEYS, "[review]"),
                        }
                    }
                }
            }
            "search" => {
                if let Some(t) = p.table(key, value) {
                    for (k, v) in t.iter() {
                        match k.get_ref().as_ref() {
                            "enabled" => {
                                if let Some(b) = p.boolean(k, v) {
                                    config.search.enabled = b;
                                }
                            }
                            _ => p.unknown(k, SEARCH_KEYS, "[search]"),
                        }
                    }
                }
            }
            "lists" => {
                if let Some(t) = p.table(key, value) {
                    for (k, v) in t.iter() {
                        let setting = match k.get_ref().as_ref() {
                            "per_page" => &mut config.lists.per_page,
                            "tags_per_page" => &mut config.lists.tags_per_page,
                            _ => {
                                p.unknown(k, LISTS_KEYS, "[lists]");
                                continue;
                            }
                        };
                        if let Some(n) = p.integer(k, v) {
                            if (1..=ListsConfig::MAX as i64).contains(&n) {
                                *setting = n as usize;
                            } else {
                                let name = k.get_ref().as_ref();
                                p.invalid(
                                    v,
                                    msg!("lists-range", key = name, max = ListsConfig::MAX),
                                    Some(if name == "per_page" {
                                        msg!("lists-per-page-hint", n = ListsConfig::PER_PAGE)
                                    } else {
                                        msg!(
                                            "lists-tags-per-page-hint",
                                            n = ListsConfig::TAGS_PER_PAGE
                                        )
                                    }),
                                );
                            }
                        }
                    }
                }
            }
            "repository" => {
                if let Some(t) = p.table(key, value) {
                    config.repository = p.repository(key, t);
                }
            }
            "owners" => {
                if let Some(t) = p.table(key, value) {
                    for (k, v) in t.iter() {
                        if let Some(contact) = p.string(k, v) {
                            if contact_ok(&contact) {
                                config.owners.push((k.get_ref().to_string(), contact));
                            } else {
                                p.invalid(
                                    v,
                                    msg!("not-a-contact", value = &contact),
                                    Some(msg!("not-a-contact-hint")),
                                );
                            }
                        }
                    }
                }
            }
            _ => p.unknown(key, TOP_KEYS, "config.toml"),
        }
    }
    if !table.iter().any(|(k, _)| k.get_ref().as_ref() == "title") {
        p.diags.push(
            Diagnostic::new(Code::MissingField, msg!("config-no-title"))
                .file(FILE)
                .hint(msg!("config-no-title-hint")),
        );
    }
    // The default language is always one of the site's languages, and the first.
    if let Some(span) = languages_set {
        if default_language_set && !config.languages.contains(&config.default_language) {
            let (l, c) = p.lines.pos(span.span().start);
            p.diags.push(
                Diagnostic::new(
                    Code::InvalidValue,
                    msg!("languages-without-default", lang = &config.default_language),
                )
                .file(FILE)
                .at(l, c)
                .hint(msg!(
                    "languages-without-default-hint",
                    lang = &config.default_language
                )),
            );
        }
        for lang in &config.languages {
            if !is_language_code(lang) {
                let (l, c) = p.lines.pos(span.span().start);
                p.diags.push(
                    Diagnostic::new(
                        Code::InvalidValue,
                        msg!("languages-not-a-code", value = lang),
                    )
                    .file(FILE)
                    .at(l, c)
                    .hint(msg!("language-code-hint")),
                );
            }
        }
    }
    config.languages.retain(|l| l != &config.default_language);
    config.languages.insert(0, config.default_language.clone());
    (config, p.diags)
}

/// A handle on the git host as written in a comment: `@name`, `@org/team` or
/// `@group/subgroup`, several separated by spaces (`@anna @bertil`).
fn contact_ok(s: &str) -> bool {
    !s.trim().is_empty()
        && s.split_whitespace().all(|h| {
            h.strip_prefix('@').is_some_and(|name| {
                !name.is_empty()
                    && !name.starts_with('/')
                    && !name.ends_with('/')
                    && name
                        .chars()
                        .all(|c| c.is_alphanumeric() || "-_./".contains(c))
            })
        })
}

/// `sv`, `en`, `fi`, `smj` (Lule Sami) …: two or three lowercase ASCII letters.
pub fn is_language_code(s: &str) -> bool {
    (2..=3).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_lowercase())
}

type Key<'i> = Spanned<Cow<'i, str>>;
type Val<'i> = Spanned<DeValue<'i>>;

struct ConfigParser<'t> {
    lines: LineIndex<'t>,
    diags: Vec<Diagnostic>,
}

impl ConfigParser<'_> {
    fn at(&self, span: std::ops::Range<usize>) -> Diagnostic {
        let (l, c) = self.lines.pos(span.start);
        Diagnostic::new(Code::WrongType, msg!("config-wrong-type"))
            .file(FILE)
            .at(l, c)
            .width(span.len())
    }

    fn wrong_type(&mut self, key: &Key, value: &Val, expected: Msg) {
        let mut d = self.at(value.span());
        d.message = msg!(
            "config-wrong-type",
            key = key.get_ref().as_ref(),
            expected = expected,
            found = Msg::new(describe(value.get_ref()))
        );
        self.diags.push(d);
    }

    fn invalid(&mut self, value: &Val, message: Msg, hint: Option<Msg>) {
        let mut d = self.at(value.span());
        d.code = Code::InvalidValue;
        d.severity = Code::InvalidValue.default_severity();
        d.message = message;
        d.hint = hint;
        self.diags.push(d);
    }

    fn unknown(&mut self, key: &Key, known: &[&str], section: &str) {
        let name = key.get_ref().as_ref();
        let mut d = self.at(key.span());
        d.code = Code::UnknownField;
        d.message = msg!("unknown-setting", name = name, section = section);
        d.hint = Some(match did_you_mean(name, known.iter().copied()) {
            Some(s) => msg!("did-you-mean", word = s),
            None => msg!("known-settings", known = known.join(", ")),
        });
        self.diags.push(d);
    }

    fn string(&mut self, key: &Key, value: &Val) -> Option<String> {
        match value.get_ref() {
            DeValue::String(s) => Some(s.to_string()),
            _ => {
                self.wrong_type(key, value, msg!("expect-text"));
                None
            }
        }
    }

    fn boolean(&mut self, key: &Key, value: &Val) -> Option<bool> {
        match value.get_ref() {
            DeValue::Boolean(b) => Some(*b),
            _ => {
                self.wrong_type(key, value, msg!("expect-bool"));
                None
            }
        }
    }

    fn integer(&mut self, key: &Key, value: &Val) -> Option<i64> {
        match value.get_ref() {
            DeValue::Integer(i) => {
                let digits: String = i.as_str().chars().filter(|c| *c != '_').collect();
                let digits = digits
                    .trim_start_matches("0x")
                    .trim_start_matches("0o")
                    .trim_start_matches("0b");
                i64::from_str_radix(digits, i.radix()).ok()
            }
            _ => {
                self.wrong_type(key, value, msg!("expect-number"));
                None
            }
        }
    }

    fn positive(&mut self, key: &Key, value: &Val) -> Option<u32> {
        let n = self.integer(key, value)?;
        if !(1..=1200).contains(&n) {
            self.invalid(
                value,
                msg!("months-range", key = key.get_ref().as_ref()),
                None,
            );
            return None;
        }
        Some(n as u32)
    }

    fn string_list(&mut self, key: &Key, value: &Val) -> Option<Vec<String>> {
        let DeValue::Array(items) = value.get_ref() else {
            self.wrong_type(key, value, msg!("expect-list"));
            return None;
        };
        let mut out = Vec::new();
        for item in items.iter() {
            match item.get_ref() {
                DeValue::String(s) => out.push(s.to_string()),
                _ => {
                    self.wrong_type(key, item, msg!("expect-texts"));
                    return None;
                }
            }
        }
        Some(out)
    }

    /// `[repository]`: `url` (required) and `branch` (default `main`), the address checked
    /// against the shapes `repository.rs` knows.
    fn repository(&mut self, key: &Key, t: &DeTable) -> Option<crate::repository::Repository> {
        let mut url: Option<(String, std::ops::Range<usize>)> = None;
        let mut branch: Option<(String, std::ops::Range<usize>)> = None;
        for (k, v) in t.iter() {
            match k.get_ref().as_ref() {
                "url" => url = self.string(k, v).map(|s| (s, v.span())),
                "branch" => branch = self.string(k, v).map(|s| (s, v.span())),
                _ => self.unknown(k, REPOSITORY_KEYS, "[repository]"),
            }
        }
        let Some((url, url_span)) = url else {
            if !t.iter().any(|(k, _)| k.get_ref().as_ref() == "url") {
                let mut d = self.at(key.span());
                d.code = Code::MissingField;
                d.severity = Code::MissingField.default_severity();
                d.message = msg!("repository-no-url");
                d.hint = Some(msg!("repository-no-url-hint"));
                self.diags.push(d);
            }
            return None;
        };
        let branch_text = branch
            .as_ref()
            .map(|b| b.0.as_str())
            .unwrap_or(crate::repository::DEFAULT_BRANCH);
        match crate::repository::Repository::parse(&url, branch_text) {
            Ok(r) => Some(r),
            Err(message) => {
                // A bad branch is pointed at where it is written; anything else at the address.
                let address_ok = crate::repository::Repository::parse(&url, "main").is_ok();
                let span = match branch {
                    Some((_, span)) if address_ok => span,
                    _ => url_span,
                };
                let mut d = self.at(span);
                d.code = Code::InvalidValue;
                d.severity = Code::InvalidValue.default_severity();
                d.message = message;
                d.hint = Some(msg!("repository-hint"));
                self.diags.push(d);
                None
            }
        }
    }

    fn table<'a, 'i>(&mut self, key: &Key, value: &'a Val<'i>) -> Option<&'a DeTable<'i>> {
        match value.get_ref() {
            DeValue::Table(t) => Some(t),
            _ => {
                self.wrong_type(
                    key,
                    value,
                    msg!("expect-table", key = key.get_ref().as_ref()),
                );
                None
            }
        }
    }
}

fn describe(v: &DeValue) -> &'static str {
    match v {
        DeValue::String(_) => "type-text",
        DeValue::Integer(_) | DeValue::Float(_) => "type-number",
        DeValue::Boolean(_) => "type-bool",
        DeValue::Datetime(_) => "type-date",
        DeValue::Array(_) => "type-list",
        DeValue::Table(_) => "type-table",
    }
}

/// The longest warning time for reviews: ten years (a longer one is a typo, and dates
/// that far off leave the calendar's range).
pub const MAX_DUE_SOON_DAYS: i64 = 3650;

/// Why a `base_url` (from config.toml or `--base-url`) cannot be the start of every link,
/// if it cannot: it must be `http://` or `https://` with a host, or a path from `/`, and
/// have no query (`?`), fragment (`#`), spaces, quotes or control characters, which would
/// break every address built from it.
pub fn base_url_problem(s: &str) -> Option<Msg> {
    let shown = s.escape_debug();
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"));
    let well_formed = match rest {
        Some(rest) => rest.chars().next().is_some_and(|c| c != '/'),
        None => s.starts_with('/') && !s.starts_with("//"),
    };
    if !well_formed {
        return Some(msg!("base-url-not-address", value = shown.to_string()));
    }
    if let Some(c) = s.chars().find(|c| {
        c.is_control()
            || c.is_whitespace()
            || matches!(c, '?' | '#' | '"' | '\'' | '<' | '>' | '\\')
    }) {
        let what = match c {
            '?' => msg!("base-url-query"),
            '#' => msg!("base-url-fragment"),
            c => msg!("base-url-character", character = format!("{c:?}")),
        };
        return Some(msg!("base-url-has", value = shown.to_string(), what = what));
    }
    None
}

/// A theme is named by its folder in `themes/`: never a path (`../../etc`), so no theme is
/// read from outside the guide's `themes/`.
pub fn is_theme_name(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 100
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"title = "Guiden"
base_url = "https://example.org/guide"
default_language = "sv"
languages = ["sv", "en"]

[review]
interval_months = 6
overdue = "error"
"#;

    #[test]
    fn base_urls_and_theme_names_are_validated() {
        for ok in [
            "https://example.org/guide/",
            "http://localhost:8000",
            "/",
            "/guide",
        ] {
            assert_eq!(base_url_problem(ok), None, "{ok}");
        }
        for bad in [
            "https://example.org/?x=1",
            "https://example.org/#top",
            "https:///guide/",
            "//evil.example/",
            "example.org",
            "https://example.org/a b/",
            "https://example.org/\"onload=\"x",
            "javascript:alert(1)",
        ] {
            assert!(base_url_problem(bad).is_some(), "{bad}");
        }
        assert!(is_theme_name("default") && is_theme_name("my_theme-2"));
        for bad in ["../../etc", "a/b", ".", "..", "", "/etc", "a\\b"] {
            assert!(!is_theme_name(bad), "{bad}");
        }
    }

    #[test]
    fn reads_settings() {
        let (c, d) = parse(SAMPLE);
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(c.title, "Guiden");
        assert_eq!(c.base_url, "https://example.org/guide/");
        assert_eq!(c.base_path(), "/guide/");
        assert_eq!(c.languages, vec!["sv", "en"]);
        assert_eq!(c.review.interval_months, 6);
        assert_eq!(c.review.overdue, Severity::Error);
    }

    #[test]
    fn list_page_sizes_are_read_and_out_of_range_ones_keep_the_default() {
        let (c, d) = parse("title = \"x\"\n[lists]\nper_page = 20\ntags_per_page = 500\n");
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(c.lists.per_page, 20);
        assert_eq!(c.lists.tags_per_page, 500);
        let (c, d) =
            parse("title = \"x\"\n[lists]\nper_page = 0\ntags_per_page = \"many\"\nper_sida = 3\n");
        assert_eq!(c.lists, ListsConfig::default());
        let mut found: Vec<_> = d.iter().map(|d| (d.code, d.line, d.column)).collect();
        found.sort_by_key(|f| f.1);
        assert_eq!(
            found,
            vec![
                (Code::InvalidValue, Some(3), Some(12)),
                (Code::WrongType, Some(4), Some(17)),
                (Code::UnknownField, Some(5), Some(1)),
            ]
        );
        let at = |line| d.iter().find(|d| d.line == Some(line)).unwrap();
        assert_eq!(
            at(3).message.text(crate::i18n::Lang::En),
            "`per_page` must be a number from 1 to 1000"
        );
        assert_eq!(at(5).hint, Some(msg!("did-you-mean", word = "per_page")));
    }

    #[test]
    fn unknown_key_has_line_and_suggestion() {
        let (_, d) = parse("title = \"x\"\n[review]\nintervall_months = 3\n");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].code, Code::UnknownField);
        assert_eq!((d[0].line, d[0].column), (Some(3), Some(1)));
        assert_eq!(
            d[0].hint,
            Some(msg!("did-you-mean", word = "interval_months"))
        );
    }

    #[test]
    fn syntax_error_is_a_diagnostic() {
        let (c, d) = parse("title = \"x\nfoo = 1\n");
        assert_eq!(d[0].code, Code::TomlSyntax);
        assert_eq!(d[0].line, Some(1));
        assert_eq!(c, Config::default());
    }

    #[test]
    fn wrong_type_is_reported() {
        let (_, d) = parse("title = 3\n[search]\nenabled = \"yes\"\n");
        let codes: Vec<_> = d.iter().map(|d| (d.code, d.line)).collect();
        assert!(codes.contains(&(Code::WrongType, Some(1))));
        assert!(codes.contains(&(Code::WrongType, Some(3))));
    }

    #[test]
    fn reads_repository_and_owners() {
        let (c, d) = parse(
            "title = \"T\"\n[repository]\nurl = \"https://github.com/kfvn/guide\"\n\n[owners]\n\"Nätverket för välfärdsteknik\" = \"@kfvn/valfardsteknik\"\nRedaktionen = \"@anna @bertil\"\n",
        );
        assert!(d.is_empty(), "{d:?}");
        let r = c.repository.clone().unwrap();
        assert_eq!(r.url, "https://github.com/kfvn/guide");
        assert_eq!(r.branch, "main");
        assert_eq!(
            c.owner_contact("Nätverket för välfärdsteknik"),
            Some("@kfvn/valfardsteknik")
        );
        assert_eq!(c.owner_contact("Redaktionen"), Some("@anna @bertil"));
        assert_eq!(c.owner_contact("Någon annan"), None);
    }

    #[test]
    fn repository_problems_point_at_their_value() {
        let diag = |text: &str| {
            let (c, d) = parse(text);
            assert!(c.repository.is_none());
            assert_eq!(d.len(), 1, "{d:?}");
            d.into_iter().next().unwrap()
        };
        let d = diag("title = \"T\"\n[repository]\nurl = \"https://bitbucket.org/a/b\"\n");
        assert_eq!(
            (d.code, d.line, d.column),
            (Code::InvalidValue, Some(3), Some(7))
        );
        let said = d.message.text(crate::i18n::Lang::En);
        assert!(said.contains("not of bitbucket.org"), "{said}");
        let d = diag(
            "title = \"T\"\n[repository]\nurl = \"https://github.com/a/b\"\nbranch = \"a b\"\n",
        );
        assert_eq!(
            (d.code, d.line, d.column),
            (Code::InvalidValue, Some(4), Some(10))
        );
        let d = diag("title = \"T\"\n[repository]\nbranch = \"main\"\n");
        assert_eq!((d.code, d.line), (Code::MissingField, Some(2)));
        let (c, d) = parse(
            "title = \"T\"\n[repository]\nurl = \"https://github.com/a/b\"\nbrnach = \"x\"\n",
        );
        assert_eq!(d[0].code, Code::UnknownField);
        assert_eq!(d[0].hint, Some(msg!("did-you-mean", word = "branch")));
        assert_eq!(
            c.repository.unwrap().branch,
            "main",
            "the address still counts"
        );
        let (_, d) = parse("title = \"T\"\n[owners]\nRedaktionen = \"redaktionen@kommun.se\"\n");
        assert_eq!((d[0].code, d[0].line), (Code::InvalidValue, Some(3)));
    }
}
