//! The pulldown-cmark pass over a document's body.
//!
//! Loading a guide parses every body once for what the checks need (headings with their
//! anchors, links and images with their source positions): [`parse`], kept as a [`Body`].
//! The HTML of a page ([`html`], heading ids set and links rewritten by the caller's
//! function, `.md` paths → page URLs) and the readable text of the search index ([`text`])
//! are made by the same pass when they are needed, and not kept: at 100,000 entries a guide
//! holding each body three times over (Markdown, HTML, text) would need gigabytes. It does
//! not decide whether a link is valid; `check/links.rs` does, from what is collected here.

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use std::sync::Arc;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde::Serialize;

use crate::text::{slugify_anchor, LineIndex};

mod html;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Heading {
    pub level: u8,
    pub text: String,
    /// The `id` the heading gets: `{#explicit}` or the slug of its text, made unique.
    pub anchor: String,
    pub line: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The destination as written.
    pub dest: String,
    pub is_image: bool,
    /// An image's alternative text (empty for links).
    pub alt: String,
    /// Where an image's alternative text starts (after `![`).
    pub alt_at: (u32, u32),
    pub line: u32,
    pub column: u32,
    /// Characters to underline in diagnostics (the destination).
    pub width: u32,
}

/// An `<img>` element in the raw HTML of a body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HtmlImage {
    pub src: Option<String>,
    /// `None` when the element has no `alt` attribute; `Some("")` for `alt=""`, an image
    /// marked as decoration.
    pub alt: Option<String>,
    /// Where its `<` is.
    pub line: u32,
    pub column: u32,
    /// Characters to underline in diagnostics (the tag, on its first line).
    pub width: u32,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Body {
    /// Where the body starts in its file's text (after the front matter), in bytes.
    pub start: usize,
    pub headings: Vec<Heading>,
    pub links: Vec<Link>,
    /// The body contains raw HTML, so its rendering must go through the sanitiser.
    pub has_raw_html: bool,
    /// The `<img>` elements of its raw HTML (`markdown/html.rs`).
    pub html_images: Vec<HtmlImage>,
    /// Every heading's anchor, for [`Body::has_anchor`] in constant time (a body with
    /// 20,000 headings and as many links to them must not take 400 million comparisons).
    pub anchors: HashSet<String>,
    /// The line where raw HTML first nests deeper than [`MAX_HTML_DEPTH`] elements, if it
    /// does: the sanitiser's time grows with the square of the depth, so such a body is
    /// refused rather than sanitised.
    pub html_too_deep: Option<u32>,
}

/// How deeply raw HTML elements may nest in a body.
pub const MAX_HTML_DEPTH: usize = 256;

/// Follows how deeply the raw HTML of a body nests, across its HTML events: `<x` opens
/// (unless void or `/>`), `</x` closes. An estimate (a `<` inside an attribute value
/// counts too), good for a limit that honest text never comes near.
#[derive(Default)]
struct HtmlDepth {
    depth: usize,
}

impl HtmlDepth {
    /// Takes in one piece of raw HTML; true when the depth has gone past the limit.
    fn feed(&mut self, html: &str) -> bool {
        const VOID: &[&str] = &[
            "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
            "track", "wbr",
        ];
        let mut rest = html;
        while let Some(i) = rest.find('<') {
            rest = &rest[i + 1..];
            if let Some(after) = rest.strip_prefix('/') {
                if after.starts_with(|c: char| c.is_ascii_alphabetic()) {
                    self.depth = self.depth.saturating_sub(1);
                }
                continue;
            }
            if !rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
                continue;
            }
            let name_end = rest
                .find(|c: char| !c.is_ascii_alphanumeric() && c != '-')
                .unwrap_or(rest.len());
            let name = rest[..name_end].to_ascii_lowercase();
            let tag_end = rest.find('>').unwrap_or(rest.len());
            let self_closing = rest[..tag_end].ends_with('/');
            if !VOID.contains(&name.as_str()) && !self_closing {
                self.depth += 1;
                if self.depth > MAX_HTML_DEPTH {
                    return true;
                }
            }
        }
        false
    }
}

impl Body {
    pub fn has_anchor(&self, anchor: &str) -> bool {
        self.anchors.contains(anchor)
    }
}

/// Rewrites a link or image destination; `None` keeps it as written.
pub type Rewrite<'a> = &'a dyn Fn(&str) -> Option<String>;

pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// A body's Markdown, shared with the file it is in rather than copied: what the search
/// index reads its text from ([`Markdown::text`]).
#[derive(Debug, Clone)]
pub struct Markdown {
    source: Arc<str>,
    start: usize,
}

impl Markdown {
    /// The body that starts at byte `start` of a file's text.
    pub fn new(source: Arc<str>, start: usize) -> Markdown {
        let start = if source.is_char_boundary(start) {
            start
        } else {
            0
        };
        Markdown { source, start }
    }

    pub fn as_str(&self) -> &str {
        &self.source[self.start..]
    }

    /// The readable text (see [`text`]).
    pub fn text(&self) -> String {
        text(self.as_str())
    }
}

/// A whole text as a body (for tests and tools).
impl From<&str> for Markdown {
    fn from(text: &str) -> Self {
        Markdown::new(Arc::from(text), 0)
    }
}

impl Default for Markdown {
    fn default() -> Self {
        Markdown::new(Arc::from(""), 0)
    }
}

/// Parses a body whose first line is line `first_line` of its file, for the checks.
pub fn parse(body: &str, first_line: u32) -> Body {
    pass(body, first_line, None, false).0
}

/// A body as HTML for its page: heading ids set, `#` headings one level down, links and
/// images rewritten by `rewrite`, script URLs neutralised. Raw HTML is passed through: the
/// caller sanitises it when [`Body::has_raw_html`].
pub fn html(body: &str, rewrite: Rewrite) -> String {
    pass(body, 1, Some(rewrite), false).1
}

/// A body's readable text, for the search index: its words without Markdown or HTML, a
/// line break after each paragraph, heading, list item, table cell and code block.
pub fn text(body: &str) -> String {
    pass(body, 1, None, true).2
}

/// The one pass: what the checks need, and with `rewrite` the HTML, with `want_text` the
/// readable text.
fn pass(
    body: &str,
    first_line: u32,
    rewrite: Option<Rewrite>,
    want_text: bool,
) -> (Body, String, String) {
    let lines = LineIndex::new(body);
    let at = |offset: usize| {
        let (l, c) = lines.pos(offset);
        (l + first_line - 1, c)
    };
    let render = rewrite.is_some();
    let mut out = Body::default();
    let mut html = String::new();
    let mut text = String::new();
    let mut events: Vec<Event> = Vec::new();
    let mut seen_anchors: HashSet<String> = HashSet::new();
    // The next suffix to try for each heading text's slug, so that many headings of one
    // text take linear time rather than probing `-1`, `-2` … from the start each time.
    let mut next_suffix: HashMap<String, u32> = HashMap::new();
    let mut html_depth = HtmlDepth::default();
    // (index of the start event, level, explicit id, text, line)
    let mut heading: Option<(usize, u8, Option<String>, String, u32)> = None;
    let mut image: Option<usize> = None;
    // The lines of the HTML block being read: (offset in the body, text).
    let mut html_block: Option<Vec<(usize, String)>> = None;
    let html_images = |pieces: &[(usize, &str)], out: &mut Body| {
        for found in html::images(pieces) {
            let (line, column) = at(found.offset);
            out.html_images.push(HtmlImage {
                src: found.src,
                alt: found.alt,
                line,
                column,
                width: found.width as u32,
            });
        }
    };

    for (mut ev, range) in Parser::new_ext(body, options()).into_offset_iter() {
        match &mut ev {
            Event::Start(Tag::Heading { level, id, .. }) => {
                let (line, _) = at(range.start);
                heading = Some((
                    events.len(),
                    *level as u8,
                    id.as_ref().map(|s| s.to_string()),
                    String::new(),
                    line,
                ));
            }
            Event::End(TagEnd::Heading(_)) => {
                if want_text {
                    text.push('\n');
                }
                if let Some((idx, level, explicit, title, line)) = heading.take() {
                    let anchor = match explicit {
                        Some(id) => id,
                        None => unique_anchor(&title, &seen_anchors, &mut next_suffix),
                    };
                    seen_anchors.insert(anchor.clone());
                    if render {
                        if let Some(Event::Start(Tag::Heading { id, .. })) = events.get_mut(idx) {
                            *id = Some(CowStr::from(anchor.clone()));
                        }
                    }
                    out.headings.push(Heading {
                        level,
                        text: title.trim().to_string(),
                        anchor,
                        line,
                    });
                }
            }
            Event::Start(Tag::Link { .. } | Tag::Image { .. }) => {
                let is_image = matches!(ev, Event::Start(Tag::Image { .. }));
                let dest_url = match &mut ev {
                    Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                        dest_url
                    }
                    _ => unreachable!(),
                };
                // Point at the destination: after `](` of an inline link (not into its title),
                // else at the start of the link (reference links, escaped destinations).
                let written = &body[range.clone()];
                let after = memchr::memmem::find(written.as_bytes(), b"](")
                    .map(|i| i + 2)
                    .unwrap_or(written.len());
                // Mostly right there, as written: no search to set up (that was 2.5 % of
                // `check` at 10,000 entries).
                let found = if written[after..].starts_with(dest_url.as_ref()) {
                    Some(0)
                } else {
                    written[after..].find(dest_url.as_ref())
                };
                let (offset, width) = match found {
                    Some(i) if !dest_url.is_empty() => {
                        (range.start + after + i, dest_url.chars().count())
                    }
                    _ => (range.start, 1),
                };
                let (line, column) = at(offset);
                if is_image {
                    image = Some(out.links.len());
                }
                out.links.push(Link {
                    dest: dest_url.to_string(),
                    is_image,
                    alt: String::new(),
                    alt_at: at((range.start + 2).min(range.end)),
                    line,
                    column,
                    width: width as u32,
                });
                if let Some(rewrite) = rewrite {
                    if !is_safe_url(dest_url) {
                        *dest_url = CowStr::from("#");
                    } else if let Some(new) = rewrite(dest_url) {
                        *dest_url = CowStr::from(new);
                    }
                }
            }
            Event::End(TagEnd::Image) => image = None,
            Event::Start(Tag::HtmlBlock) => html_block = Some(Vec::new()),
            Event::End(TagEnd::HtmlBlock) => {
                if let Some(lines) = html_block.take() {
                    let pieces: Vec<(usize, &str)> =
                        lines.iter().map(|(o, t)| (*o, t.as_str())).collect();
                    html_images(&pieces, &mut out);
                }
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                out.has_raw_html = true;
                if out.html_too_deep.is_none() && html_depth.feed(html) {
                    out.html_too_deep = Some(at(range.start).0);
                }
                match &mut html_block {
                    Some(lines) => lines.push((range.start, html.to_string())),
                    None => html_images(&[(range.start, html.as_ref())], &mut out),
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if want_text {
                    text.push_str(t);
                }
                if let Some((_, _, _, title, _)) = &mut heading {
                    title.push_str(t);
                }
                if let Some(i) = image {
                    out.links[i].alt.push_str(t);
                }
            }
            Event::End(
                TagEnd::Paragraph | TagEnd::Item | TagEnd::TableCell | TagEnd::CodeBlock,
            ) if want_text => {
                text.push('\n');
            }
            Event::SoftBreak | Event::HardBreak => {
                if want_text {
                    text.push(' ');
                }
                if let Some(i) = image {
                    out.links[i].alt.push(' ');
                }
            }
            _ => {}
        }
        if render {
            events.push(ev);
        }
    }
    if render {
        // The page title is the page's only <h1>: a body that uses `#` headings is shifted
        // down one level, so the outline stays intact for screen-reader users.
        if out.headings.iter().any(|h| h.level == 1) {
            for ev in &mut events {
                if let Event::Start(Tag::Heading { level, .. })
                | Event::End(TagEnd::Heading(level)) = ev
                {
                    *level = demote(*level);
                }
            }
        }
        html.reserve(body.len() * 3 / 2);
        pulldown_cmark::html::push_html(&mut html, events.into_iter());
    }
    out.anchors = seen_anchors;
    (out, html, text)
}

fn demote(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H2,
        HeadingLevel::H2 => HeadingLevel::H3,
        HeadingLevel::H3 => HeadingLevel::H4,
        HeadingLevel::H4 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

/// Only web, mail and phone links, and paths: no `javascript:`, `data:` or `vbscript:`.
fn is_safe_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    match lower.find(':') {
        Some(i)
            if !lower[..i].contains('/')
                && !lower[..i].contains('#')
                && !lower[..i].contains('?') =>
        {
            matches!(&lower[..i], "http" | "https" | "mailto" | "tel")
        }
        _ => true,
    }
}

fn unique_anchor(text: &str, seen: &HashSet<String>, next: &mut HashMap<String, u32>) -> String {
    let mut base = slugify_anchor(text);
    if base.is_empty() {
        base = "avsnitt".to_string();
    }
    if !seen.contains(&base) {
        return base;
    }
    let n = next.entry(base.clone()).or_insert(1);
    loop {
        let candidate = format!("{base}-{n}");
        *n += 1;
        if !seen.contains(&candidate) {
            return candidate;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_get_unique_anchors_and_explicit_ids_win() {
        let b = parse(
            "## Kostnader\n\n## Kostnader\n\n## Så gjorde vi {#hur}\n",
            5,
        );
        let anchors: Vec<_> = b.headings.iter().map(|h| h.anchor.as_str()).collect();
        assert_eq!(anchors, ["kostnader", "kostnader-1", "hur"]);
        assert_eq!(b.headings[2].line, 9);
        assert_eq!(b.headings[2].text, "Så gjorde vi");
    }

    #[test]
    fn links_and_images_have_file_positions() {
        let b = parse(
            "Text\n\nSe [nyckel](../a/x.md#k) och ![Ett flöde](flode.png).\n",
            10,
        );
        assert_eq!(b.links.len(), 2);
        assert_eq!((b.links[0].line, b.links[0].column), (12, 13));
        assert_eq!(b.links[0].dest, "../a/x.md#k");
        assert!(b.links[1].is_image);
        assert_eq!(b.links[1].alt, "Ett flöde");
        assert_eq!(b.links[1].alt_at, (12, 32));
    }

    #[test]
    fn body_h1_is_demoted_so_the_title_stays_the_only_h1() {
        let keep = |_: &str| None;
        let h = html("# Stor\n\n## Mindre\n", &keep);
        assert!(h.contains("<h2 id=\"stor\">Stor</h2>"), "{h}");
        assert!(h.contains("<h3 id=\"mindre\">Mindre</h3>"), "{h}");
        let h = html("## Bara tvåa\n", &keep);
        assert!(h.contains("<h2 id=\"bara-tvåa\">"), "{h}");
    }

    #[test]
    fn html_images_are_found_in_blocks_and_text_not_in_code() {
        let b = parse(
            "Se <img src=\"a.png\"> här.\n\n- <figure>\n  <img src=\"b.png\" alt=\"B\">\n  </figure>\n\n`<img src=c.png>`\n\n    <img src=d.png>\n",
            5,
        );
        let found: Vec<_> = b
            .html_images
            .iter()
            .map(|i| (i.src.as_deref(), i.alt.as_deref(), i.line, i.column))
            .collect();
        assert_eq!(
            found,
            [
                (Some("a.png"), None, 5, 4),
                (Some("b.png"), Some("B"), 8, 3)
            ]
        );
        assert_eq!(b.html_images[0].width, "<img src=\"a.png\">".len() as u32);
    }

    #[test]
    fn link_position_is_the_destination_not_the_title() {
        let b = parse("[x](a.md \"se a.md igen\")\n", 8);
        assert_eq!((b.links[0].line, b.links[0].column), (8, 5));
    }

    #[test]
    fn script_urls_are_neutralised() {
        let keep = |_: &str| None;
        let body = "[x](javascript:alert(1)) [y](JavaScript:alert(1)) [z](https://a.se/)\n";
        let h = html(body, &keep);
        assert!(!h.to_lowercase().contains("javascript"), "{h}");
        assert!(h.contains("https://a.se/"));
        assert!(!parse(body, 1).has_raw_html);
        assert!(parse("<b>x</b>\n", 1).has_raw_html);
    }

    #[test]
    fn renders_with_rewritten_links_and_ids() {
        let rw = |d: &str| d.strip_suffix(".md").map(|s| format!("/{s}/"));
        let h = html("## Rubrik\n\n[x](y.md)\n", &rw);
        assert!(h.contains("<h2 id=\"rubrik\">Rubrik</h2>"), "{h}");
        assert!(h.contains("<a href=\"/y/\">x</a>"), "{h}");
    }

    #[test]
    fn text_is_the_words_a_line_per_block_without_markup() {
        let t = text("## Rubrik\n\nEtt *stycke*\nmed [länk](a.md).\n\n- punkt\n\n<b>rå</b>\n");
        assert_eq!(t, "Rubrik\nEtt stycke med länk.\npunkt\nrå\n");
        let shared = Markdown::new(Arc::from("---\ntitle: x\n---\nHej **du**\n"), 17);
        assert_eq!(shared.as_str(), "Hej **du**\n");
        assert_eq!(shared.text(), "Hej du\n");
    }
}
