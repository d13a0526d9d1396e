//! Diagnostics: what is wrong, where, and what to do about it, and their three renderings.
//!
//! Every rule has a stable [`Code`] (documented in `docs/checks.md`). A diagnostic carries the
//! file relative to the guide root (with `/`), a 1-based line and column where one applies, a
//! message and an optional hint. Rendering is separate from finding: `human` (rustc-like,
//! with the source line and a caret), `json` (one object) and `github` (workflow commands).
//! This module does not decide *whether* something is wrong; the checks do.

use std::fmt::Write as _;

use serde::Serialize;

use crate::i18n::{Lang, Msg};
use crate::msg;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

macro_rules! codes {
    ($( $variant:ident = $name:literal, $sev:ident, $summary:literal; )*) => {
        /// The stable identifier of a rule. Its string form is part of the public contract
        /// (JSON output, GitHub annotations, docs); never rename one.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code { $( $variant ),* }

        impl Code {
            /// Every code, in documentation order.
            pub const ALL: &'static [Code] = &[ $( Code::$variant ),* ];

            pub fn as_str(self) -> &'static str {
                match self { $( Code::$variant => $name ),* }
            }

            /// The severity a rule has unless configuration changes it.
            pub fn default_severity(self) -> Severity {
                match self { $( Code::$variant => Severity::$sev ),* }
            }

            /// One line saying what the rule checks.
            pub fn summary(self) -> &'static str {
                match self { $( Code::$variant => $summary ),* }
            }
        }
    };
}

codes! {
    // Reading files
    ReadError = "read-error", Error, "a file or folder could not be read (permissions, I/O error, symbolic link loop)";
    LinkOutsideGuide = "link-outside-guide", Error, "a symbolic link leads outside the guide folder; it is never read or published";
    NotAFile = "not-a-file", Error, "a named pipe, socket or device where a file is expected; it is never read";
    LimitExceeded = "limit-exceeded", Error, "a file goes past one of signpost's limits (size, nesting of front matter or HTML, tags)";
    NotUtf8 = "not-utf8", Error, "a Markdown file is not valid UTF-8 text";
    EmptyFile = "empty-file", Error, "a Markdown file is empty";
    NoFrontMatter = "no-front-matter", Error, "a Markdown file does not start with a `---` front matter block";
    UnterminatedFrontMatter = "unterminated-front-matter", Error, "the front matter block has no closing `---` line";
    YamlSyntax = "yaml-syntax", Error, "the front matter is not valid YAML, or not a set of `field: value` lines";
    TomlSyntax = "toml-syntax", Error, "config.toml is not valid TOML";
    DuplicateField = "duplicate-field", Error, "a field is given twice in the same front matter or table";
    // Schema
    CommentInValue = "comment-in-value", Error, "a value has ` #` in it without quotes, so YAML reads the rest of the line as a comment and drops it";
    UnknownField = "unknown-field", Error, "a field that this kind of file does not have (often a misspelling)";
    MissingField = "missing-field", Error, "a required field is missing or empty";
    WrongType = "wrong-type", Error, "a field has the wrong kind of value (text, number, list …)";
    InvalidValue = "invalid-value", Error, "a field's value is not one of the allowed values";
    InvalidDate = "invalid-date", Error, "a date is not a real date written as YYYY-MM-DD";
    TooLong = "too-long", Error, "a title is over 120 or a summary over 300 characters";
    InvalidId = "invalid-id", Error, "a file or folder name is not a valid id (lowercase a–z, 0–9 and single dashes)";
    DuplicateId = "duplicate-id", Error, "two files have the same id";
    MissingAreaFile = "missing-area-file", Error, "an area folder has no `_area.md`";
    MisplacedFile = "misplaced-file", Error, "a file's type does not fit where it is (a challenge outside an area, a page inside one)";
    UnknownLanguage = "unknown-language", Error, "a language that `config.toml` does not list";
    OrphanTranslation = "orphan-translation", Error, "a translation whose original file does not exist";
    TranslationMismatch = "translation-mismatch", Error, "a translation repeats a shared field with a different value than its original";
    TranslationOutdated = "translation-outdated", Warning, "a translation was last reviewed before its original was";
    // References and links
    UnknownReference = "unknown-reference", Error, "`addresses` or `related` names an id that does not exist";
    NotAChallenge = "not-a-challenge", Error, "`addresses` names something that is not a challenge";
    BrokenLink = "broken-link", Error, "a link in the text points at a file that does not exist";
    BrokenAnchor = "broken-anchor", Error, "a link points at a heading (`#anchor`) that does not exist";
    MissingImage = "missing-image", Error, "an image file does not exist";
    MissingAlt = "missing-alt", Error, "an image has no alternative text (in HTML: an `<img>` without `alt`)";
    MeaninglessAlt = "meaningless-alt", Warning, "an image's alternative text says nothing about it: a file name, or only \"bild\", \"image\" or the like";
    LinkToOwnSite = "link-to-own-site", Error, "a link written as the site's own full address (its `base_url`) or a preview's (`http://127.0.0.1:1111/…`) instead of the file";
    ExternalImage = "external-image", Warning, "an image is loaded from another website (a third-party request for every reader)";
    AliasConflict = "alias-conflict", Error, "an alias is invalid or collides with another page's address";
    // Review workflow
    ReviewMissing = "review-missing", Error, "a published file does not say who reviewed it and when";
    ReviewInFuture = "review-in-future", Error, "`last_reviewed` is a date in the future";
    LinkToUnpublished = "link-to-unpublished", Error, "a published file links to a draft or an entry in review";
    LinkToArchived = "link-to-archived", Warning, "a published file links to an archived entry";
    ReviewDueSoon = "review-due-soon", Warning, "the next review is due within `review.due_soon_days`";
    ReviewOverdue = "review-overdue", Warning, "the next review date has passed (an error with `review.overdue = \"error\"`)";
    PlaceholderSummary = "placeholder-summary", Warning, "a file readers can see still has the `UTKAST:` summary that `signpost new` wrote";
    // Theme
    TemplateError = "template-error", Error, "a template in `templates/` or in the guide's own theme has an error (syntax, unknown variable, missing template)";
    // Output
    TooManyProblems = "too-many-problems", Warning, "a file has more problems than are shown; the rest are counted, not listed";
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub code: Code,
    /// Relative to the guide root, with `/`.
    pub file: Option<String>,
    pub line: Option<u32>,
    pub column: Option<u32>,
    /// What is wrong, put into words in the editor's language when shown.
    pub message: Msg,
    /// What to do about it.
    pub hint: Option<Msg>,
    /// How many characters the caret underlines in the human rendering.
    pub width: u32,
}

impl Diagnostic {
    pub fn new(code: Code, message: Msg) -> Self {
        Diagnostic {
            severity: code.default_severity(),
            code,
            file: None,
            line: None,
            column: None,
            message,
            hint: None,
            width: 1,
        }
    }

    pub fn file(mut self, file: impl Into<String>) -> Self {
        self.file = Some(file.into());
        self
    }

    pub fn at(mut self, line: u32, column: u32) -> Self {
        self.line = Some(line);
        self.column = Some(column);
        self
    }

    pub fn width(mut self, width: usize) -> Self {
        self.width = width.max(1) as u32;
        self
    }

    pub fn hint(mut self, hint: Msg) -> Self {
        self.hint = Some(hint);
        self
    }

    pub fn maybe_hint(mut self, hint: Option<Msg>) -> Self {
        self.hint = hint;
        self
    }

    pub fn severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }

    fn sort_key(&self) -> (Option<&str>, Option<u32>, Option<u32>, Code, &Msg) {
        (
            self.file.as_deref(),
            self.line,
            self.column,
            self.code,
            &self.message,
        )
    }
}

/// All diagnostics of a run, in a stable order, with counts.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub diagnostics: Vec<Diagnostic>,
    pub errors: usize,
    pub warnings: usize,
    /// How many files were read (Markdown files and config.toml).
    pub files: usize,
}

/// The most diagnostics listed for one file; the rest are counted in the summary and
/// named by one `too-many-problems` line, so a file with 20,000 broken links gives a
/// readable report of bounded size rather than gigabytes.
pub const MAX_PER_FILE: usize = 100;

impl Report {
    /// Sorts, removes exact repeats and counts. `deny_warnings` turns warnings into errors.
    /// Past [`MAX_PER_FILE`] diagnostics in one file, the rest are counted but not listed.
    pub fn new(mut diagnostics: Vec<Diagnostic>, files: usize, deny_warnings: bool) -> Self {
        if deny_warnings {
            for d in &mut diagnostics {
                d.severity = Severity::Error;
            }
        }
        diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        diagnostics.dedup();
        let errors = diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        let warnings = diagnostics.len() - errors;
        Report {
            warnings,
            errors,
            diagnostics: cap_per_file(diagnostics),
            files,
        }
    }

    pub fn has_errors(&self) -> bool {
        self.errors > 0
    }

    /// "2 fel, 1 varning i 31 filer", "2 errors, 1 warning in 31 files"
    pub fn summary_line(&self, lang: Lang) -> String {
        msg!(
            "summary",
            errors = self.errors,
            warnings = self.warnings,
            files = self.files
        )
        .text(lang)
    }
}

/// Keeps the first [`MAX_PER_FILE`] diagnostics of each file (sorted, so the first lines),
/// and says how many more there are, at the first one left out.
fn cap_per_file(diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut out = Vec::with_capacity(diagnostics.len().min(64 * 1024));
    let mut i = 0;
    while i < diagnostics.len() {
        let file = diagnostics[i].file.clone();
        let end = i + diagnostics[i..]
            .iter()
            .take_while(|d| d.file == file)
            .count();
        let group = &diagnostics[i..end];
        if group.len() <= MAX_PER_FILE || file.is_none() {
            out.extend_from_slice(group);
        } else {
            out.extend_from_slice(&group[..MAX_PER_FILE]);
            let rest = &group[MAX_PER_FILE..];
            let first = &rest[0];
            let severity = if rest.iter().any(|d| d.severity == Severity::Error) {
                Severity::Error
            } else {
                Severity::Warning
            };
            let mut more = Diagnostic::new(
                Code::TooManyProblems,
                msg!("too-many-problems", count = rest.len()),
            )
            .file(file.clone().unwrap_or_default())
            .hint(msg!("too-many-problems-hint"))
            .severity(severity);
            more.line = first.line;
            out.push(more);
        }
        i = end;
    }
    out
}

/// Text from a file or a diagnostic made safe for a terminal or a log: control characters
/// (escape sequences, carriage returns, line breaks inside a message) and the characters
/// that reorder text on screen are written as `\u{…}` instead of being acted on.
pub fn printable(s: &str) -> std::borrow::Cow<'_, str> {
    let unsafe_char = |c: char| {
        (c.is_control() && c != '\t')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}')
    };
    if !s.chars().any(unsafe_char) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if unsafe_char(c) {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// How many characters of a source line the human rendering shows; a longer line is cut
/// to a window around the column, so a minified or generated file cannot flood the output.
const EXCERPT_CHARS: usize = 120;

/// The part of `line` to show around the 1-based character `column`, and the number of
/// characters cut from its start (for the caret).
fn excerpt(line: &str, column: usize) -> (String, usize) {
    let chars = line.chars().count();
    if chars <= EXCERPT_CHARS {
        return (line.to_string(), 0);
    }
    let start = column
        .saturating_sub(EXCERPT_CHARS / 2)
        .min(chars - EXCERPT_CHARS);
    let mut shown: String = line.chars().skip(start).take(EXCERPT_CHARS).collect();
    let mut cut = start;
    if start > 0 {
        shown.insert(0, '…');
        // The ellipsis takes the place of one character on screen.
        cut = start.saturating_sub(1);
    }
    if start + EXCERPT_CHARS < chars {
        shown.push('…');
    }
    (shown, cut)
}

/// The output formats of `check` (and of `build`'s diagnostics).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    #[default]
    Human,
    Json,
    Github,
}

/// Renders a report in `lang`. `source` returns the text of a file (relative path) for the
/// human rendering's source excerpts; `path_prefix` is prepended to file paths in the GitHub
/// rendering so annotations land on the repository path when `--root` is a sub-folder.
pub fn render(
    report: &Report,
    format: Format,
    lang: Lang,
    colour: bool,
    source: &dyn Fn(&str) -> Option<String>,
    path_prefix: &str,
) -> String {
    match format {
        Format::Human => render_human(report, lang, colour, source),
        Format::Json => {
            let mut s = serde_json::to_string_pretty(&JsonReport::new(report, lang))
                .expect("report serialises");
            s.push('\n');
            s
        }
        Format::Github => render_github(report, lang, path_prefix),
    }
}

/// The JSON shape of a report: its diagnostics with their message and hint in words.
#[derive(Serialize)]
struct JsonReport<'a> {
    diagnostics: Vec<JsonDiagnostic<'a>>,
    errors: usize,
    warnings: usize,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    severity: Severity,
    code: Code,
    file: Option<&'a str>,
    line: Option<u32>,
    column: Option<u32>,
    message: String,
    hint: Option<String>,
}

impl<'a> JsonReport<'a> {
    fn new(report: &'a Report, lang: Lang) -> Self {
        JsonReport {
            diagnostics: report
                .diagnostics
                .iter()
                .map(|d| JsonDiagnostic {
                    severity: d.severity,
                    code: d.code,
                    file: d.file.as_deref(),
                    line: d.line,
                    column: d.column,
                    message: d.message.text(lang),
                    hint: d.hint.as_ref().map(|h| h.text(lang)),
                })
                .collect(),
            errors: report.errors,
            warnings: report.warnings,
        }
    }
}

struct Style {
    on: bool,
}

impl Style {
    fn paint(&self, code: &str, text: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
}

fn render_human(
    report: &Report,
    lang: Lang,
    colour: bool,
    source: &dyn Fn(&str) -> Option<String>,
) -> String {
    let st = Style { on: colour };
    let mut out = String::new();
    let error = crate::i18n::t(lang, "label-error");
    let warning = crate::i18n::t(lang, "label-warning");
    let hint_label = format!("= {}:", crate::i18n::t(lang, "label-hint"));
    for d in &report.diagnostics {
        let (label, paint) = match d.severity {
            Severity::Error => (error.as_str(), "1;31"),
            Severity::Warning => (warning.as_str(), "1;33"),
        };
        let _ = writeln!(
            out,
            "{}{} {}",
            st.paint(paint, &format!("{label}[{}]", d.code)),
            st.paint("1", ":"),
            st.paint("1", &printable(&d.message.text(lang)))
        );
        let gutter_width = d.line.map(|l| l.to_string().len()).unwrap_or(1);
        let pad = " ".repeat(gutter_width);
        if let Some(file) = &d.file {
            let shown_file = printable(file);
            let location = match (d.line, d.column) {
                (Some(l), Some(c)) => format!("{shown_file}:{l}:{c}"),
                (Some(l), None) => format!("{shown_file}:{l}"),
                _ => shown_file.into_owned(),
            };
            let _ = writeln!(out, "{pad}{} {location}", st.paint("1;34", "-->"));
            let excerpt_line = d.line.and_then(|l| {
                source(file).and_then(|text| {
                    text.lines()
                        .nth((l as usize).saturating_sub(1))
                        .map(|t| excerpt(t, d.column.unwrap_or(1) as usize))
                })
            });
            if let (Some((line_text, cut)), Some(line)) = (excerpt_line, d.line) {
                let bar = st.paint("1;34", "|");
                let _ = writeln!(out, "{pad} {bar}");
                let _ = writeln!(
                    out,
                    "{} {bar} {}",
                    st.paint("1;34", &line.to_string()),
                    printable(&line_text.replace('\t', "    "))
                );
                if let Some(col) = d.column {
                    // Columns count characters of the file's line, where a tab is one; the
                    // excerpt shows a tab as four spaces, so the caret's indent must too.
                    let indent: String = line_text
                        .chars()
                        .take((col as usize).saturating_sub(1 + cut))
                        .map(|c| match c {
                            '\t' => "    ".to_string(),
                            c if printable(c.encode_utf8(&mut [0; 4])).len() > 1 => {
                                " ".repeat(printable(c.encode_utf8(&mut [0; 4])).len())
                            }
                            _ => " ".to_string(),
                        })
                        .collect();
                    let carets = "^".repeat((d.width.max(1) as usize).min(EXCERPT_CHARS));
                    let _ = writeln!(out, "{pad} {bar} {indent}{}", st.paint(paint, &carets));
                }
            }
        }
        if let Some(hint) = &d.hint {
            let hint = hint.text(lang);
            let hint = printable(&hint);
            let _ = writeln!(out, "{pad} {} {hint}", st.paint("1;36", &hint_label));
        }
        out.push('\n');
    }
    let summary = report.summary_line(lang);
    let painted = if report.errors > 0 {
        st.paint("1;31", &summary)
    } else if report.warnings > 0 {
        st.paint("1;33", &summary)
    } else {
        st.paint("1;32", &summary)
    };
    let _ = writeln!(out, "{painted}");
    out
}

fn escape_data(s: &str) -> String {
    // Line breaks are the workflow command's own escapes; other control characters would
    // reach the log as they are.
    let s = s
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A");
    printable(&s).into_owned()
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

fn render_github(report: &Report, lang: Lang, path_prefix: &str) -> String {
    let hint_label = crate::i18n::t(lang, "label-hint");
    let mut out = String::new();
    for d in &report.diagnostics {
        let level = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut props = Vec::new();
        if let Some(file) = &d.file {
            props.push(format!(
                "file={}",
                escape_property(&format!("{path_prefix}{file}"))
            ));
        }
        if let Some(l) = d.line {
            props.push(format!("line={l}"));
        }
        if let Some(c) = d.column {
            props.push(format!("col={c}"));
        }
        props.push(format!("title={}", escape_property(d.code.as_str())));
        let mut message = d.message.text(lang);
        if let Some(h) = &d.hint {
            message.push_str(&format!("\n{hint_label}: "));
            message.push_str(&h.text(lang));
        }
        let _ = writeln!(
            out,
            "::{level} {}::{}",
            props.join(","),
            escape_data(&message)
        );
    }
    let _ = writeln!(out, "{}", report.summary_line(lang));
    out
}

/// "did you mean `x`?" among `candidates`, for a misspelt field, id or value.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let word_l = word.to_lowercase();
    let mut best: Option<(f64, &str)> = None;
    for c in candidates {
        let score = strsim::jaro_winkler(&word_l, &c.to_lowercase());
        if score > best.map(|b| b.0).unwrap_or(0.0) {
            best = Some((score, c));
        }
    }
    best.filter(|(s, _)| *s >= 0.8).map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_kebab_case() {
        let mut seen = std::collections::HashSet::new();
        for c in Code::ALL {
            assert!(seen.insert(c.as_str()), "duplicate code {c}");
            assert!(c
                .as_str()
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b == b'-' || b.is_ascii_digit()));
        }
    }

    #[test]
    fn suggestion_finds_close_words_only() {
        assert_eq!(did_you_mean("titel", ["title", "summary"]), Some("title"));
        assert_eq!(
            did_you_mean("publised", ["draft", "published"]),
            Some("published")
        );
        assert_eq!(did_you_mean("zzz", ["title", "summary"]), None);
    }

    #[test]
    fn escape_sequences_are_shown_not_acted_on() {
        let d = Diagnostic::new(
            Code::UnknownField,
            msg!("verbatim", text = "unknown field `a\x1b[2J\nb`"),
        )
        .file("content/a.md")
        .hint(msg!("verbatim", text = "x\u{202e}y"));
        let r = Report::new(vec![d], 1, false);
        let out = render_human(&r, Lang::En, false, &|_| None);
        assert!(!out.contains('\x1b') && !out.contains('\u{202e}'), "{out}");
        assert!(out.contains("unknown field `a\\u{1b}[2J\\u{a}b`"), "{out}");
        assert!(out.contains("x\\u{202e}y"), "{out}");
        let gh = render_github(&r, Lang::En, "");
        assert!(!gh.contains('\x1b'), "{gh}");
    }

    #[test]
    fn many_problems_in_one_file_are_counted_not_all_listed() {
        let line = "[x](nowhere.md) ".repeat(20_000);
        let diags: Vec<Diagnostic> = (0..20_000u32)
            .map(|i| {
                Diagnostic::new(Code::BrokenLink, msg!("verbatim", text = "broken"))
                    .file("content/a.md")
                    .at(5, i * 16 + 1)
            })
            .collect();
        let r = Report::new(diags, 1, false);
        assert_eq!(r.errors, 20_000, "every problem is counted");
        assert_eq!(r.diagnostics.len(), MAX_PER_FILE + 1);
        let last = r.diagnostics.last().unwrap();
        assert_eq!(last.code, Code::TooManyProblems);
        let said = last.message.text(Lang::En);
        assert!(said.contains("19900 more"), "{said}");
        let text = format!("---\n---\n\n\n{line}\n");
        let out = render_human(&r, Lang::En, false, &|_| Some(text.clone()));
        assert!(out.len() < 100_000, "{} bytes", out.len());
        // The caret still points at the link it reports.
        let block = out.split("\n\n").nth(50).unwrap();
        let lines: Vec<&str> = block.lines().collect();
        let src = lines.iter().find(|l| l.starts_with("5 |")).unwrap();
        let caret = lines.iter().find(|l| l.contains('^')).unwrap();
        let at = caret.find('^').unwrap();
        assert_eq!(&src[at..at + 3], "[x]", "{src}\n{caret}");
    }

    #[test]
    fn github_escapes_newlines_and_commas() {
        let d = Diagnostic::new(Code::BrokenLink, msg!("verbatim", text = "a, b\nc"))
            .file("content/a,b.md")
            .at(3, 4);
        let r = Report::new(vec![d], 1, false);
        let out = render_github(&r, Lang::En, "");
        assert!(out.starts_with(
            "::error file=content/a%2Cb.md,line=3,col=4,title=broken-link::a, b%0Ac\n"
        ));
    }
}
