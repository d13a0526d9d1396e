//! The sanitiser for raw HTML in Markdown bodies (ammonia).
//!
//! Policy (documented in docs/building.md): ammonia's default allow-list of formatting
//! tags and attributes (no `<script>`, `<style>`, `<iframe>`, `<object>`, `<form>`, no
//! event handlers such as `onerror=`, no `style=`), URLs limited to http, https, mailto and
//! tel (and relative ones), plus what our own Markdown rendering produces: `id` on headings,
//! the classes of code blocks and footnotes, and task-list checkboxes. Bodies without raw
//! HTML are not passed through it: pulldown-cmark escapes their text, and `markdown.rs`
//! already neutralises `javascript:` links.

use std::collections::HashSet;
use std::sync::OnceLock;

fn builder() -> &'static ammonia::Builder<'static> {
    static BUILDER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    BUILDER.get_or_init(|| {
        let mut b = ammonia::Builder::default();
        for h in ["h1", "h2", "h3", "h4", "h5", "h6"] {
            b.add_tag_attributes(h, &["id"]);
        }
        b.add_tags(&[
            "input",
            "section",
            "figure",
            "figcaption",
            "details",
            "summary",
        ]);
        b.add_tag_attributes("input", &["type", "checked", "disabled"]);
        b.add_tag_attributes("div", &["id", "class"]);
        b.add_tag_attributes("sup", &["id", "class"]);
        b.add_tag_attributes("code", &["class"]);
        b.add_tag_attributes("li", &["id"]);
        b.add_tag_attributes("a", &["id"]);
        b.add_tag_attributes("img", &["loading", "width", "height"]);
        b.url_schemes(HashSet::from(["http", "https", "mailto", "tel"]));
        b.link_rel(Some("noopener"));
        b
    })
}

/// Removes everything outside the policy from rendered HTML.
pub fn clean(html: &str) -> String {
    builder().clean(html).to_string()
}

#[cfg(test)]
mod tests {
    use super::clean;

    #[test]
    fn strips_scripts_handlers_and_frames() {
        let out = clean(
            "<h2 id=\"a\">A</h2><script>alert(1)</script><img src=x onerror=\"alert(1)\" alt=\"b\">\
             <iframe src=\"https://evil.example\"></iframe><a href=\"javascript:alert(1)\">l</a>",
        );
        assert!(out.contains("<h2 id=\"a\">A</h2>"), "{out}");
        assert!(!out.contains("script"), "{out}");
        assert!(!out.contains("onerror"), "{out}");
        assert!(!out.contains("iframe"), "{out}");
        assert!(!out.contains("javascript"), "{out}");
        assert!(out.contains("alt=\"b\""), "{out}");
    }
}
