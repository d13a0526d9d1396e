//! The guide's own templates (`templates/` overrides and a theme in `themes/<name>/`): a
//! broken one is reported by `check`, with its file and line, instead of first failing
//! `build`; so is a `theme` in config.toml that names no theme (`invalid-value`).
//!
//! Three steps, each only when the one before found nothing: every own template is parsed
//! on its own (a syntax error names its line and column); the whole set is compiled as the
//! build compiles it (a missing parent or include); then a sample of pages, one of each
//! kind the site has in every language, is rendered in memory with the real contexts, which
//! is what finds an unknown variable or filter. Tera names the variable but not the line, so
//! the line is the first in the guide's own templates that mentions it.
//!
//! A guide that uses the built-in theme unchanged (built in, or a copy of it in
//! `themes/default/`, as this repository and the benchmark have) has nothing to check here
//! and pays only a comparison of bytes; the built-in theme itself is held to rendering every
//! page by the build tests. This module
//! does not decide which template wins (`crate::theme`) and writes nothing.

use chrono::NaiveDate;

use crate::content::{DocType, Guide, Role};
use crate::diagnostics::{Code, Diagnostic};
use crate::msg;
use crate::render::{templates::error_chain, RenderError, RenderOptions, Renderer};
use crate::routes::Page;
use crate::theme::{self, Theme, ThemeFile};

/// Diagnostics for the guide's own templates.
pub fn check(guide: &Guide, today: NaiveDate) -> Vec<Diagnostic> {
    let theme = match Theme::resolve(&guide.root, &guide.config.theme) {
        Ok(theme) => theme,
        Err(message) => return vec![unknown_theme(guide, message)],
    };
    let Ok(templates) = theme::templates(&guide.root, &theme) else {
        return Vec::new();
    };
    // A template the same as the built-in one of its name (an unchanged copy, such as this
    // repository's own `themes/default/`) cannot be broken: only the others are checked.
    // An own theme with other templates than the built-in one is checked whole.
    let built_in: std::collections::BTreeMap<String, ThemeFile> = Theme::BuiltIn
        .files("templates")
        .unwrap_or_default()
        .into_iter()
        .map(|f| (f.name.clone(), f))
        .collect();
    let same_set = match &theme {
        Theme::BuiltIn => true,
        Theme::Folder { .. } => theme
            .files("templates")
            .map(|files| {
                let names: Vec<&str> = files
                    .iter()
                    .map(|f| f.name.as_str())
                    .filter(|n| theme::is_template(n))
                    .collect();
                names.len() == built_in.len() && names.iter().all(|n| built_in.contains_key(*n))
            })
            .unwrap_or(false),
    };
    let own: Vec<(&ThemeFile, String)> = templates
        .values()
        .filter(|f| f.guide_path.is_some())
        .filter_map(|f| f.read_text().ok().map(|t| (f, t)))
        .filter(|(f, text)| {
            let from_theme = !f.origin.starts_with(theme::OVERRIDES);
            (from_theme && !same_set)
                || built_in
                    .get(&f.name)
                    .is_none_or(|b| b.read().ok().as_deref() != Some(text.as_bytes()))
        })
        .collect();
    if own.is_empty() {
        return Vec::new();
    }
    // 1. Each own template on its own.
    let mut out = Vec::new();
    for (file, text) in &own {
        if let Err(e) = tera::Template::new(&file.name, None, text) {
            out.push(syntax_error(file, &error_chain(&e)));
        }
    }
    if !out.is_empty() {
        return out;
    }
    // 2. The whole set, as the build compiles it; 3. pages rendered from it.
    let renderer = match Renderer::new(guide) {
        Ok(r) => r,
        Err(e) => return vec![render_error(&own, &e)],
    };
    let opts = RenderOptions {
        drafts: true,
        today,
    };
    let models = match renderer.models(guide, &opts) {
        Ok(m) => m,
        Err(e) => return vec![render_error(&own, &e)],
    };
    for model in &models {
        let keys = sample_keys(guide, &model.page_keys());
        if let Err(e) = renderer.pages(model, &keys) {
            return vec![render_error(&own, &e)];
        }
    }
    Vec::new()
}

/// `theme` in config.toml names no theme: placed on its value, so `check` says it before
/// `build` would stop on it.
fn unknown_theme(guide: &Guide, message: crate::i18n::Msg) -> Diagnostic {
    let mut d = Diagnostic::new(Code::InvalidValue, message).file(crate::config::FILE);
    let at = guide
        .config_source
        .lines()
        .enumerate()
        .find_map(|(i, line)| {
            let rest = line.trim_start().strip_prefix("theme")?;
            let value = rest.trim_start().strip_prefix('=')?;
            let column = line.len() - value.trim_start().len();
            Some((i as u32 + 1, line[..column].chars().count() as u32 + 1))
        });
    if let Some((line, column)) = at {
        d = d.at(line, column);
    }
    d
}

/// One page of each kind: home, the first area, the first challenge, solution and page,
/// the lists, the first tag, search and 404.
fn sample_keys(guide: &Guide, keys: &[Page]) -> Vec<Page> {
    let mut seen: Vec<&'static str> = Vec::new();
    let mut out = Vec::new();
    for key in keys {
        let kind = match key {
            Page::Home => "home",
            Page::Area(..) => "area",
            Page::Doc(i) => {
                let d = &guide.docs[*i];
                match (d.role, guide.doc_type(d)) {
                    (Role::Page, _) => "page",
                    (_, Some(DocType::Solution)) => "solution",
                    _ => "challenge",
                }
            }
            // Each list and the search page has a template of its own or shares one; a
            // page of each says which.
            Page::Fixed(f, _) => f.rel(),
            Page::Tag(..) => "tag",
            Page::NotFound => "404",
        };
        if !seen.contains(&kind) {
            seen.push(kind);
            out.push(key.clone());
        }
    }
    out
}

/// A parse error: Tera's parser gives ` --> line:column` and what it expected.
fn syntax_error(file: &ThemeFile, message: &str) -> Diagnostic {
    let path = file
        .guide_path
        .clone()
        .unwrap_or_else(|| file.origin.clone());
    let mut d = Diagnostic::new(
        Code::TemplateError,
        msg!(
            "template-unreadable",
            template = file.name.as_str(),
            detail = parser_message(message)
        ),
    )
    .file(path)
    .hint(msg!("template-hint"));
    if let Some((line, column)) = position(message) {
        d = d.at(line, column);
    }
    d
}

/// The line and column in a pest error (` --> 3:12`).
fn position(message: &str) -> Option<(u32, u32)> {
    let at = message.find("--> ")?;
    let rest = &message[at + 4..];
    let end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == ':'))
        .unwrap_or(rest.len());
    let (line, column) = rest[..end].split_once(':')?;
    Some((line.parse().ok()?, column.parse().ok()?))
}

/// The parser's own words ("expected …"), without its drawing of the line.
fn parser_message(message: &str) -> String {
    message
        .lines()
        .find_map(|l| l.trim().strip_prefix("= "))
        .map(str::to_string)
        .unwrap_or_else(|| message.lines().next().unwrap_or(message).to_string())
}

/// A compile or render error, placed on the first line of the guide's own templates that
/// mentions the name Tera puts in backticks (a variable, filter, test or template).
fn render_error(own: &[(&ThemeFile, String)], e: &RenderError) -> Diagnostic {
    let (message, rendering) = match e {
        RenderError::Template { message, page } => (message.clone(), Some(page.as_str())),
        RenderError::Theme(message) => (message.clone(), None),
        other => (other.to_string(), None),
    };
    let names = quoted_names(&message);
    // The templates Tera names (the one being rendered, last) are searched first.
    let mut order: Vec<&(&ThemeFile, String)> = own.iter().collect();
    order.sort_by_key(|(f, _)| {
        std::cmp::Reverse(message.rfind(&format!("'{}'", f.name)).map_or(0, |i| i + 1))
    });
    let mut found = None;
    'search: for name in &names {
        for (file, text) in &order {
            if let Some((line, column)) = find_in(text, name) {
                found = Some((*file, line, column, name.len()));
                break 'search;
            }
        }
    }
    let words = plain(&message);
    let fails = |name: &str| match rendering {
        Some(page) => msg!(
            "template-fails-on",
            template = name,
            detail = words.as_str(),
            page = page
        ),
        None => msg!("template-fails", template = name, detail = words.as_str()),
    };
    match found {
        Some((file, line, column, width)) => {
            Diagnostic::new(Code::TemplateError, fails(&file.name))
                .file(file.guide_path.clone().unwrap_or_default())
                .at(line, column)
                .width(width)
                .hint(msg!("template-hint"))
        }
        None => {
            // Not in one line of an own template (e.g. a missing parent): the first own
            // template Tera names, else the first own template.
            let file = own
                .iter()
                .find(|(f, _)| message.contains(&format!("'{}'", f.name)))
                .unwrap_or(&own[0])
                .0;
            Diagnostic::new(Code::TemplateError, fails(&file.name))
                .file(file.guide_path.clone().unwrap_or_default())
                .hint(msg!("template-hint"))
        }
    }
}

/// Tera's chain of messages, most specific last, as one sentence.
fn plain(message: &str) -> String {
    message
        .rsplit(": ")
        .next()
        .unwrap_or(message)
        .trim()
        .to_string()
}

/// Names Tera quotes in its messages (``Variable `page.titel` not found``, `Filter 'x' not
/// found`), most specific (last) first.
fn quoted_names(message: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    let mut rest = message;
    while let Some(start) = rest.find(['`', '\'']) {
        let quote = rest[start..].chars().next().expect("found");
        let after = &rest[start + 1..];
        let Some(len) = after.find(quote) else { break };
        let name = &after[..len];
        if !name.is_empty() && !name.contains(' ') {
            names.push(name.to_string());
        }
        rest = &after[len + 1..];
    }
    names.reverse();
    names
}

/// The 1-based line and column of the first use of `name` inside a `{{ }}` or `{% %}` tag.
fn find_in(text: &str, name: &str) -> Option<(u32, u32)> {
    let mut from = 0;
    while let Some(i) = text[from..].find(name) {
        let at = from + i;
        let before = text[..at].chars().next_back();
        let after = text[at + name.len()..].chars().next();
        let word_char = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
        let in_tag = {
            let open = text[..at].rfind(['{']);
            let close = text[..at].rfind(['}']);
            open.is_some_and(|o| close.is_none_or(|c| c < o))
        };
        if !word_char(before) && !word_char(after) && in_tag {
            let line = text[..at].matches('\n').count() as u32 + 1;
            let line_start = text[..at].rfind('\n').map_or(0, |n| n + 1);
            let column = text[line_start..at].chars().count() as u32 + 1;
            return Some((line, column));
        }
        from = at + name.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_position_in_a_parser_message() {
        assert_eq!(position(" --> 3:12\n  |"), Some((3, 12)));
        assert_eq!(position("no position"), None);
    }

    #[test]
    fn finds_a_variable_inside_a_tag_only() {
        let text = "<p>page.titel</p>\n<h1>{{ page.titel }}</h1>\n";
        assert_eq!(find_in(text, "page.titel"), Some((2, 8)));
        assert_eq!(find_in("{{ page.titles }}", "page.titel"), None);
    }
}
