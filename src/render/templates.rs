//! Templates and UI strings of a theme, loaded once.
//!
//! Templates come from the theme (`crate::theme`: built in, or `themes/<name>/templates/`);
//! a file of the same name under the guide's own `templates/` overrides the theme's. UI
//! strings come from the theme's `strings/<lang>.toml`, so a second language is a second
//! file, not a template change.

use std::path::Path;

use tera::Tera;

use super::RenderError;
use crate::theme::Theme;

/// Loads every `.html` and `.xml` template of the guide's theme (built in, or
/// `themes/<name>/`), each replaced by the guide's `templates/<name>` when it has one.
pub fn load(root: &Path, theme: &str) -> Result<Tera, RenderError> {
    let theme = Theme::resolve(root, theme).map_err(RenderError::Theme)?;
    let files = crate::theme::templates(root, &theme).map_err(RenderError::Theme)?;
    let mut sources = Vec::with_capacity(files.len());
    for (name, file) in files {
        sources.push((name, file.read_text().map_err(RenderError::Theme)?));
    }
    let mut tera = Tera::default();
    tera.autoescape_on(vec![".html", ".xml"]);
    tera.set_escape_fn(crate::text::escape_markup);
    tera.add_raw_templates(sources.iter().map(|(n, t)| (n.as_str(), t.as_str())))
        .map_err(|e| RenderError::Theme(format!("a template has an error: {}", error_chain(&e))))?;
    Ok(tera)
}

/// The UI strings of a theme for a language, as a flat table.
pub fn strings(root: &Path, theme: &str, lang: &str) -> Result<toml::Table, RenderError> {
    let theme = Theme::resolve(root, theme).map_err(RenderError::Theme)?;
    let Some((text, origin)) = theme.strings(lang).map_err(RenderError::Theme)? else {
        return Err(RenderError::Theme(format!(
            "{} has no UI strings for \"{lang}\" (`strings/{lang}.toml`)",
            theme.describe()
        )));
    };
    toml::from_str(&text).map_err(|e| RenderError::Theme(format!("`{origin}`: {e}")))
}

/// A Tera error with its causes, which hold the useful part ("variable `x` not found").
pub fn error_chain(e: &dyn std::error::Error) -> String {
    let mut out = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        out.push_str(": ");
        out.push_str(&s.to_string());
        source = s.source();
    }
    out
}
