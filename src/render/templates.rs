//! Templates and UI strings of a theme, loaded once.
//!
//! Templates come from `themes/<name>/templates/`; a file of the same name under the guide's
//! own `templates/` overrides the theme's. UI strings come from the theme's
//! `strings/<lang>.toml`, so a second language is a second file, not a template change.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use tera::Tera;
use walkdir::WalkDir;

use super::RenderError;

/// The theme's folder for a guide.
pub fn theme_dir(root: &Path, theme: &str) -> PathBuf {
    root.join("themes").join(theme)
}

/// Loads every `.html` and `.xml` template of the theme, then the guide's overrides.
pub fn load(root: &Path, theme: &str) -> Result<Tera, RenderError> {
    let theme_templates = theme_dir(root, theme).join("templates");
    if !theme_templates.is_dir() {
        return Err(RenderError::Theme(format!(
            "the theme `{theme}` has no templates: `{}` does not exist",
            theme_templates.display()
        )));
    }
    let mut sources: BTreeMap<String, String> = BTreeMap::new();
    for dir in [theme_templates, root.join("templates")] {
        if !dir.is_dir() {
            continue;
        }
        for entry in WalkDir::new(&dir).sort_by_file_name() {
            let entry =
                entry.map_err(|e| RenderError::Theme(format!("cannot read templates: {e}")))?;
            if !entry.file_type().is_file() {
                continue;
            }
            let name = entry
                .path()
                .strip_prefix(&dir)
                .expect("walked below dir")
                .to_string_lossy()
                .replace('\\', "/");
            if !(name.ends_with(".html") || name.ends_with(".xml")) {
                continue;
            }
            let text = std::fs::read_to_string(entry.path()).map_err(|e| {
                RenderError::Theme(format!("cannot read `{}`: {e}", entry.path().display()))
            })?;
            sources.insert(name, text);
        }
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
    let path = theme_dir(root, theme)
        .join("strings")
        .join(format!("{lang}.toml"));
    let text = std::fs::read_to_string(&path).map_err(|e| {
        RenderError::Theme(format!(
            "the theme `{theme}` has no UI strings for \"{lang}\" (`{}`: {e})",
            path.display()
        ))
    })?;
    toml::from_str(&text).map_err(|e| RenderError::Theme(format!("`{}`: {e}", path.display())))
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
