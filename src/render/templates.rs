//! Templates and UI strings of a theme, loaded once.
//!
//! Templates come from the theme (`crate::theme`: built in, or `themes/<name>/templates/`);
//! a file of the same name under the guide's own `templates/` overrides the theme's. UI
//! strings come from the theme's `strings/<lang>.toml`, so a second language is a second
//! file, not a template change.

use std::collections::BTreeMap;
use std::path::Path;

use tera::Tera;

use super::RenderError;
use crate::theme::Theme;

/// Loads every `.html` and `.xml` template of the guide's theme (built in, or
/// `themes/<name>/`), each replaced by the guide's `templates/<name>` when it has one.
pub fn load(root: &Path, theme: &str) -> Result<Tera, RenderError> {
    let theme = Theme::resolve(root, theme)
        .map_err(|m| RenderError::Theme(m.text(crate::i18n::Lang::En)))?;
    let files = crate::theme::templates(root, &theme).map_err(RenderError::Theme)?;
    let mut sources = Vec::with_capacity(files.len());
    for (name, file) in files {
        sources.push((name, file.read_text().map_err(RenderError::Theme)?));
    }
    let by_name: BTreeMap<String, String> = sources.iter().cloned().collect();
    if let Some(cycle) = include_cycle(&by_name) {
        return Err(RenderError::Theme(format!(
            "templates include each other in a circle, which would never end: {}",
            cycle.join(" → ")
        )));
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
    let theme = Theme::resolve(root, theme)
        .map_err(|m| RenderError::Theme(m.text(crate::i18n::Lang::En)))?;
    let Some((text, origin)) = theme.strings(lang).map_err(RenderError::Theme)? else {
        return Err(RenderError::Theme(format!(
            "{} has no UI strings for \"{lang}\" (`strings/{lang}.toml`)",
            theme.describe()
        )));
    };
    toml::from_str(&text).map_err(|e| RenderError::Theme(format!("`{origin}`: {e}")))
}

/// A chain of templates that include, extend or import each other in a circle (Tera would
/// recurse until the stack overflows), as the names along it, the first repeated at the end.
pub(crate) fn include_cycle(sources: &BTreeMap<String, String>) -> Option<Vec<String>> {
    static TAG: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r#"\{%-?\s*(?:include|extends|import)\s+([^%]*)-?%\}"#).expect("valid")
    });
    static NAME: std::sync::LazyLock<regex::Regex> =
        std::sync::LazyLock::new(|| regex::Regex::new(r#""([^"]*)"|'([^']*)'"#).expect("valid"));
    let edges: BTreeMap<&str, Vec<String>> = sources
        .iter()
        .map(|(name, text)| {
            let targets = TAG
                .captures_iter(text)
                .flat_map(|c| {
                    let args = c.get(1).map_or("", |m| m.as_str());
                    // `import "x" as m`: only the name before `as`.
                    let args = args.split(" as ").next().unwrap_or(args);
                    NAME.captures_iter(args)
                        .filter_map(|n| n.get(1).or(n.get(2)).map(|m| m.as_str().to_string()))
                        .collect::<Vec<_>>()
                })
                .collect();
            (name.as_str(), targets)
        })
        .collect();
    // Depth-first search with an explicit stack; 0 = unseen, 1 = on the path, 2 = done.
    let mut state: BTreeMap<&str, u8> = BTreeMap::new();
    for start in edges.keys() {
        if state.contains_key(start) {
            continue;
        }
        let mut path: Vec<(&str, usize)> = vec![(start, 0)];
        state.insert(start, 1);
        while let Some((node, next)) = path.last_mut() {
            let targets = &edges[*node];
            if *next == targets.len() {
                state.insert(node, 2);
                path.pop();
                continue;
            }
            let target = targets[*next].as_str();
            *next += 1;
            let Some((&target, _)) = edges.get_key_value(target) else {
                continue;
            };
            match state.get(target) {
                Some(1) => {
                    let from = path.iter().position(|(n, _)| *n == target).unwrap_or(0);
                    let mut cycle: Vec<String> =
                        path[from..].iter().map(|(n, _)| n.to_string()).collect();
                    cycle.push(target.to_string());
                    return Some(cycle);
                }
                Some(_) => {}
                None => {
                    state.insert(target, 1);
                    path.push((target, 0));
                }
            }
        }
    }
    None
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_template_that_includes_itself_is_a_cycle() {
        let mut t = BTreeMap::new();
        t.insert("a.html".to_string(), "{% include \"b.html\" %}".to_string());
        t.insert("b.html".to_string(), "{%- include 'a.html' -%}".to_string());
        t.insert("c.html".to_string(), "{% extends \"a.html\" %}".to_string());
        assert_eq!(
            include_cycle(&t),
            Some(vec!["a.html".into(), "b.html".into(), "a.html".into()])
        );
        let mut t = BTreeMap::new();
        t.insert(
            "self.html".to_string(),
            "{% include [\"x.html\", \"self.html\"] ignore missing %}".to_string(),
        );
        assert!(include_cycle(&t).is_some());
        let mut t = BTreeMap::new();
        t.insert(
            "page.html".to_string(),
            "{% extends \"base.html\" %}{% import \"m.html\" as m %}".to_string(),
        );
        t.insert(
            "base.html".to_string(),
            "{% include \"m.html\" %}".to_string(),
        );
        t.insert("m.html".to_string(), "x".to_string());
        assert_eq!(include_cycle(&t), None);
    }
}
