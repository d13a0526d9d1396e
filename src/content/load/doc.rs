//! One Markdown file read into a [`Doc`]: its bytes checked as UTF-8 text, its name
//! classified, its front matter and body parsed, every problem a diagnostic of the file.
//! Not the walk, nor the index of the whole guide (`load.rs`).

use super::super::frontmatter::{self, Context, Split};
use super::super::paths::{classify, Misplaced};
use super::super::{Doc, Meta, Role};
use super::{refusal, LoadContext};
use crate::diagnostics::{Code, Diagnostic};
use crate::fs_guard::MAX_TEXT_BYTES;
use crate::i18n::Msg;
use crate::markdown;
use crate::msg;
use crate::text::{is_valid_id, slugify_id};

/// A file's bytes as text, or the bytes back when they are not UTF-8. Validated by
/// simdutf8: std's validation was 6 % of `check`'s time on Swedish text, whose letters
/// å, ä and ö keep it off its ASCII fast path.
fn utf8(bytes: Vec<u8>) -> Result<String, Vec<u8>> {
    if simdutf8::basic::from_utf8(&bytes).is_err() {
        return Err(bytes);
    }
    // SAFETY: simdutf8 has just validated every byte as UTF-8, which is all
    // `from_utf8_unchecked` requires.
    Ok(unsafe { String::from_utf8_unchecked(bytes) })
}

/// Removes a UTF-8 byte order mark and turns CRLF line ends into LF.
pub(super) fn normalise(mut text: String) -> String {
    if text.starts_with('\u{feff}') {
        text.drain(..3);
    }
    if memchr::memchr(b'\r', text.as_bytes()).is_some() {
        text = text.replace("\r\n", "\n");
    }
    text
}

pub(super) fn read_doc(cx: &LoadContext, rel: &str) -> (Option<Doc>, Vec<Diagnostic>) {
    let path = format!("content/{rel}");
    let mut diags = Vec::new();
    let class = match classify(rel) {
        Ok(Some(c)) => c,
        Ok(None) => return (None, diags),
        Err(m) => {
            let (message, hint) = match m {
                Misplaced::AreaIndex => ("area-index-md", "area-index-md-hint"),
                Misplaced::WrongSpecialFile => ("wrong-special-file", "wrong-special-file-hint"),
            };
            diags.push(
                Diagnostic::new(Code::MisplacedFile, Msg::new(message))
                    .file(&path)
                    .hint(Msg::new(hint)),
            );
            return (None, diags);
        }
    };
    let bytes = match cx.jail.read(&cx.root.join(&path), MAX_TEXT_BYTES) {
        Ok(b) => b,
        Err(r) => {
            diags.push(refusal(&path, &r));
            return (None, diags);
        }
    };
    let text = match utf8(bytes) {
        Ok(t) => normalise(t),
        Err(bytes) => {
            let valid = std::str::from_utf8(&bytes).map_or_else(|e| e.valid_up_to(), str::len);
            let line = bytes[..valid].iter().filter(|b| **b == b'\n').count() as u32 + 1;
            let line_start = bytes[..valid]
                .iter()
                .rposition(|b| *b == b'\n')
                .map(|i| i + 1)
                .unwrap_or(if bytes.starts_with(b"\xef\xbb\xbf") {
                    3
                } else {
                    0
                });
            let column = String::from_utf8_lossy(&bytes[line_start..valid])
                .chars()
                .count() as u32
                + 1;
            diags.push(
                Diagnostic::new(Code::NotUtf8, msg!("not-utf8"))
                    .file(&path)
                    .at(line, column)
                    .hint(msg!("not-utf8-hint")),
            );
            // Still register the id, so links to it do not cascade.
            String::new()
        }
    };

    let default_lang = &cx.config.default_language;
    let mut lang = class
        .lang_suffix
        .clone()
        .unwrap_or_else(|| default_lang.clone());
    let is_translation = class
        .lang_suffix
        .as_deref()
        .is_some_and(|l| l != default_lang);
    if let Some(suffix) = &class.lang_suffix {
        if !cx.config.has_language(suffix) {
            diags.push(
                Diagnostic::new(
                    Code::UnknownLanguage,
                    msg!(
                        "unknown-language-suffix",
                        lang = suffix.as_str(),
                        languages = cx.config.languages.join(", ")
                    ),
                )
                .file(&path)
                .hint(msg!("unknown-language-suffix-hint")),
            );
        }
    }
    let top_level = matches!(class.role, Role::Page | Role::Area);
    if top_level && !is_translation && is_valid_id(&class.id) {
        if let Some(used_for) = crate::routes::reserved(&class.id, cx.config) {
            let what = if class.role == Role::Area {
                "as-area-folder"
            } else {
                "as-page-id"
            };
            diags.push(
                Diagnostic::new(
                    Code::InvalidId,
                    msg!(
                        "id-reserved",
                        id = class.id.as_str(),
                        what = Msg::new(what),
                        used_for = used_for
                    ),
                )
                .file(&path)
                .hint(msg!("id-reserved-hint")),
            );
        }
    }
    if class.role != Role::Home && !is_translation && !is_valid_id(&class.id) {
        let what = match class.role {
            Role::Area => "invalid-area-name",
            _ => "invalid-id",
        };
        let suggestion = slugify_id(&class.id);
        let hint = if suggestion.is_empty() {
            msg!("invalid-id-hint")
        } else {
            msg!("invalid-id-rename", suggestion = suggestion)
        };
        // An area's bad name is reported once, on its `_area.md`; its entries have their own ids.
        diags.push(
            Diagnostic::new(Code::InvalidId, Msg::new(what).arg("id", class.id.as_str()))
                .file(&path)
                .hint(hint),
        );
    }

    let mut doc = Doc {
        path: path.clone(),
        role: class.role,
        id: class.id,
        area: class.area,
        lang: lang.clone(),
        url: String::new(),
        is_translation,
        front_matter_ok: false,
        meta: Meta::default(),
        body: None,
        source: Default::default(),
    };
    match frontmatter::split(&text) {
        Split::Empty => {
            if !diags.iter().any(|d| d.code == Code::NotUtf8) {
                diags.push(
                    Diagnostic::new(Code::EmptyFile, msg!("empty-file"))
                        .file(&path)
                        .hint(msg!("empty-file-hint")),
                );
            }
        }
        Split::NoFrontMatter => diags.push(
            Diagnostic::new(Code::NoFrontMatter, msg!("no-front-matter"))
                .file(&path)
                .at(1, 1)
                .hint(msg!("no-front-matter-hint")),
        ),
        Split::Unterminated => diags.push(
            Diagnostic::new(
                Code::UnterminatedFrontMatter,
                msg!("unterminated-front-matter"),
            )
            .file(&path)
            .at(1, 1)
            .hint(msg!("unterminated-front-matter-hint")),
        ),
        Split::Parts {
            yaml,
            body,
            body_line,
        } => {
            let fcx = Context {
                path: &path,
                role: doc.role,
                is_translation,
                first_line: 2,
                config: cx.config,
            };
            if let Some(meta) = frontmatter::read(yaml, &fcx, &mut diags) {
                doc.meta = meta;
                doc.front_matter_ok = true;
            }
            if let Some(field_lang) = doc.meta.lang.clone() {
                if class.lang_suffix.is_some() && field_lang != lang {
                    let (l, c) = doc.pos_of("lang");
                    diags.push(
                        Diagnostic::new(
                            Code::InvalidValue,
                            msg!(
                                "lang-contradicts-name",
                                field_lang = field_lang.as_str(),
                                lang = lang.as_str()
                            ),
                        )
                        .file(&path)
                        .at(l, c)
                        .hint(msg!("lang-contradicts-name-hint")),
                    );
                } else {
                    lang = field_lang;
                }
            }
            doc.lang = lang;
            let mut parsed = markdown::parse(body, body_line);
            parsed.start = body.as_ptr() as usize - text.as_ptr() as usize;
            if let Some(line) = parsed.html_too_deep {
                diags.push(
                    Diagnostic::new(
                        Code::LimitExceeded,
                        msg!("html-too-deep", max = markdown::MAX_HTML_DEPTH),
                    )
                    .file(&path)
                    .at(line, 1)
                    .hint(msg!("html-too-deep-hint")),
                );
            }
            doc.body = Some(parsed);
        }
    }
    doc.url = crate::routes::doc(
        doc.role.place(&doc.id, doc.area.as_deref()),
        &doc.lang,
        &cx.config.default_language,
    );
    doc.source = text.into();
    (Some(doc), diags)
}
