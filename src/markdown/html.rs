//! The `<img>` elements in the raw HTML of a Markdown body: where each starts, and its
//! `src` and `alt`, for the image checks (`check/images.rs`). It judges nothing.
//!
//! The HTML is read by html5ever's tokenizer, the one the sanitiser (ammonia) parses with,
//! so quoting, character references (`alt="Karta &amp; tabell"`), comments and the
//! elements whose content is text (`<script>`, `<style>`, `<textarea>`, `<title>` …) are
//! read as a browser reads them: an `<img>` in a comment or in such content is no image.
//! The tokenizer gives no positions. To place a tag, the tokenizer is stopped after each
//! tag (the sink answers `Script`, the tokenizer's own way to pause), which tells where the
//! tag ends; it starts at the first `<` and letter after the end of the tag before, outside
//! comments, since only text and comments can lie between two tags. That scan
//! ([`tag_start`]) is the one part written by hand.

use std::cell::RefCell;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, StartTag, Tag, TagToken, Token, TokenSink, TokenSinkResult, Tokenizer,
    TokenizerOpts,
};
use html5ever::TokenizerResult;

/// An `<img>` found in raw HTML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Byte offset of its `<` in the body.
    pub offset: usize,
    /// Characters from its `<` to its `>`, or to the end of the line it starts on.
    pub width: usize,
    pub src: Option<String>,
    /// `None` without an `alt` attribute; `Some("")` for `alt=""`.
    pub alt: Option<String>,
}

/// Whether the text may hold an `<img` tag (ASCII case ignored), to leave the tokenizer out
/// of the many bodies and pieces that cannot.
pub fn may_have_img(text: &str) -> bool {
    text.as_bytes()
        .windows(4)
        .any(|w| w[0] == b'<' && w[1..].eq_ignore_ascii_case(b"img"))
}

/// The `<img>` tags of one piece of HTML: an HTML block, given as its lines with the byte
/// offset of each in the body (a block inside a list or quote has its markers between the
/// lines), or one inline HTML tag.
pub fn images(pieces: &[(usize, &str)]) -> Vec<Found> {
    let text: String = pieces.iter().map(|(_, t)| *t).collect();
    if !may_have_img(&text) {
        return Vec::new();
    }
    // Where each piece starts in `text`, to turn an offset in it back into the body's.
    let mut starts = Vec::with_capacity(pieces.len());
    let mut at = 0;
    for (_, t) in pieces {
        starts.push(at);
        at += t.len();
    }
    let body_offset = |o: usize| {
        let i = starts.partition_point(|&s| s <= o).saturating_sub(1);
        pieces[i].0 + (o - starts[i])
    };

    let tokenizer = Tokenizer::new(Sink::default(), TokenizerOpts::default());
    let queue = BufferQueue::default();
    queue.push_back(StrTendril::from_slice(&text));
    let mut out = Vec::new();
    let mut after_previous = 0;
    while let TokenizerResult::Script(()) = tokenizer.feed(&queue) {
        let end = text.len() - remaining(&queue);
        let tag = tokenizer.sink.tag.borrow_mut().take();
        if let Some(tag) = tag.filter(|t| t.kind == StartTag && &*t.name == "img") {
            let start = tag_start(&text, after_previous, end);
            let attr = |name: &str| {
                tag.attrs
                    .iter()
                    .find(|a| &*a.name.local == name)
                    .map(|a| a.value.to_string())
            };
            let width = text[start..end]
                .split('\n')
                .next()
                .unwrap_or_default()
                .chars()
                .count();
            out.push(Found {
                offset: body_offset(start),
                width,
                src: attr("src"),
                alt: attr("alt"),
            });
        }
        after_previous = end;
    }
    // Whatever is left at the end (an unclosed tag) is no element; nothing pauses now.
    tokenizer.sink.pause.set(false);
    tokenizer.end();
    out
}

/// The bytes the tokenizer has not read yet.
fn remaining(queue: &BufferQueue) -> usize {
    let mut chunks = Vec::new();
    while let Some(c) = queue.pop_front() {
        chunks.push(c);
    }
    let n = chunks.iter().map(|c| c.len()).sum();
    for c in chunks {
        queue.push_back(c);
    }
    n
}

/// Where the one tag that ends at `end` starts: the first `<` followed by a letter (a start
/// tag) or by `/` and a letter (an end tag) from `from` on, skipping comments (`<!-- … -->`)
/// and what HTML reads as comments (`<!…>`, `<?…>`, `</` without a letter).
fn tag_start(text: &str, from: usize, end: usize) -> usize {
    let b = text.as_bytes();
    let mut i = from;
    while i < end {
        if b[i] != b'<' {
            i += 1;
            continue;
        }
        let rest = &text[i..end];
        let letter_at = |k: usize| rest.as_bytes().get(k).is_some_and(u8::is_ascii_alphabetic);
        if letter_at(1) || (rest.as_bytes().get(1) == Some(&b'/') && letter_at(2)) {
            return i;
        }
        let skip = if let Some(inner) = rest.strip_prefix("<!--") {
            // `<!-->` and `<!--->` end at once; otherwise at `-->` or `--!>`.
            if inner.starts_with('>') {
                5
            } else if inner.starts_with("->") {
                6
            } else {
                ["-->", "--!>"]
                    .iter()
                    .filter_map(|e| inner.find(e).map(|j| 4 + j + e.len()))
                    .min()
                    .unwrap_or(rest.len())
            }
        } else if rest.starts_with("<!") || rest.starts_with("<?") || rest.starts_with("</") {
            rest.find('>').map_or(rest.len(), |j| j + 1)
        } else {
            1
        };
        i += skip;
    }
    from.min(end)
}

/// Keeps the last tag and pauses the tokenizer after it; switches to text content after
/// the start tag of an element whose content is text, as a browser's parser would.
struct Sink {
    tag: RefCell<Option<Tag>>,
    pause: std::cell::Cell<bool>,
}

impl Default for Sink {
    fn default() -> Self {
        Sink {
            tag: RefCell::new(None),
            pause: std::cell::Cell::new(true),
        }
    }
}

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let TagToken(tag) = token else {
            return TokenSinkResult::Continue;
        };
        if tag.kind == StartTag {
            let text_content = match &*tag.name {
                "script" => Some(RawKind::ScriptData),
                "style" | "xmp" | "iframe" | "noembed" | "noframes" => Some(RawKind::Rawtext),
                "textarea" | "title" => Some(RawKind::Rcdata),
                _ => None,
            };
            if let Some(kind) = text_content {
                return TokenSinkResult::RawData(kind);
            }
            if &*tag.name == "plaintext" {
                return TokenSinkResult::Plaintext;
            }
        }
        if !self.pause.get() {
            return TokenSinkResult::Continue;
        }
        *self.tag.borrow_mut() = Some(tag);
        TokenSinkResult::Script(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(html: &str) -> Vec<Found> {
        images(&[(0, html)])
    }

    #[test]
    fn finds_images_with_their_place_and_attributes() {
        let html = "<p>Se <IMG SRC=\"karta.png\"\n  alt='Karta &amp; tabell'> och <img src=x.png alt=\"\"><img src=y.png/></p>";
        let found = one(html);
        assert_eq!(found.len(), 3);
        assert_eq!(found[0].offset, 6);
        assert_eq!(found[0].width, "<IMG SRC=\"karta.png\"".len());
        assert_eq!(found[0].src.as_deref(), Some("karta.png"));
        assert_eq!(found[0].alt.as_deref(), Some("Karta & tabell"));
        assert_eq!(&html[found[1].offset..found[1].offset + 4], "<img");
        assert_eq!(found[1].alt.as_deref(), Some(""));
        assert_eq!(found[2].alt, None);
        assert_eq!(
            &html[found[2].offset..found[2].offset + 14],
            "<img src=y.png"
        );
    }

    #[test]
    fn images_in_comments_scripts_and_attribute_values_are_not_images() {
        let html = "<!-- <img src=gammal.png> --><script>if (a<img) {}</script><textarea><img></textarea><a title=\"<img src=x>\">l</a><?x <img> ?><img src=\"ny.png\">";
        let found = one(html);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].src.as_deref(), Some("ny.png"));
        assert_eq!(
            &html[found[0].offset..],
            "<img src=\"ny.png\">",
            "placed after every comment and tag before it"
        );
    }

    #[test]
    fn offsets_follow_the_pieces_of_a_block() {
        // A block in a quote: each line's `> ` is not part of the HTML.
        let body = "> <div>\n> <img src=a.png>\n> </div>\n";
        let pieces = [(2, "<div>\n"), (10, "<img src=a.png>\n"), (28, "</div>\n")];
        let found = images(&pieces);
        assert_eq!(found.len(), 1);
        assert_eq!(&body[found[0].offset..found[0].offset + 4], "<img");
    }

    #[test]
    fn unclosed_and_hostile_html_ends_without_panicking() {
        for html in [
            "<img src=x",
            "<img",
            "<script><img>",
            "<!-- <img>",
            "<img alt='",
            "<title><img",
            "<img src=x>&amp",
        ] {
            let _ = one(html);
        }
        assert_eq!(one("<img src=x").len(), 0, "an unclosed tag is no element");
        assert!(!may_have_img("<p>bild</p>"));
        assert!(may_have_img("<P><ImG>"));
    }
}
