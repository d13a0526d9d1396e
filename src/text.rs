//! Small text utilities shared by the loaders: byte offsets to line and column, slugs, ids.
//!
//! Positions are 1-based; columns count characters, not bytes, so a caret lands under the
//! right letter in a line with å, ä or ö.

/// Maps byte offsets in one text to 1-based lines and character columns.
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
    /// The last position asked for (byte offset, its column): positions come mostly in
    /// order, so the next one on the same line counts on from there rather than from the
    /// line's start (20,000 links on one long line would otherwise be quadratic).
    last: std::cell::Cell<(usize, usize)>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr_newlines(text));
        LineIndex {
            text,
            starts,
            last: std::cell::Cell::new((0, 1)),
        }
    }

    /// The 1-based line and column of a byte offset.
    pub fn pos(&self, offset: usize) -> (u32, u32) {
        let offset = floor_char(self.text, offset.min(self.text.len()));
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let (last_offset, last_col) = self.last.get();
        let col = if last_offset >= start && last_offset <= offset {
            last_col + self.text[last_offset..offset].chars().count()
        } else {
            self.text[start..offset].chars().count() + 1
        };
        self.last.set((offset, col));
        (line as u32 + 1, col as u32)
    }
}

/// The offsets just after each `\n` (a char pattern searches with memchr).
fn memchr_newlines(text: &str) -> impl Iterator<Item = usize> + '_ {
    memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1)
}

fn floor_char(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The anchor of a heading: lowercase, letters and digits kept (å, ä, ö too), every other
/// run of characters becomes one `-`, no `-` at either end.
pub fn slugify_anchor(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut dash = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.extend(c.to_lowercase());
        } else {
            dash = true;
        }
    }
    out
}

/// An id from a title or file name: like an anchor, but ASCII only (å, ä → a, ö → o, é → e).
pub fn slugify_id(text: &str) -> String {
    let folded: String = text
        .chars()
        .flat_map(|c| c.to_lowercase())
        .map(|c| match c {
            'å' | 'ä' | 'à' | 'á' | 'â' | 'ã' => 'a',
            'ö' | 'ø' | 'ò' | 'ó' | 'ô' | 'õ' => 'o',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'ü' | 'ú' | 'ù' | 'û' => 'u',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ç' => 'c',
            'ñ' => 'n',
            'æ' => 'a',
            c => c,
        })
        .map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' })
        .collect();
    folded.split_whitespace().collect::<Vec<_>>().join("-")
}

/// Escapes text for HTML and XML (content and quoted attributes): `&`, `<`, `>`, `"`, `'`.
/// Templates use it too (Tera's own escaper also writes `/` as `&#x2F;`, which no HTML
/// context needs and which made every address in a page five bytes longer per slash).
pub fn escape_markup(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    let mut start = 0;
    let bytes = s.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&apos;",
            // Characters XML forbids (a feed with one is not XML at all, and HTML calls
            // them errors): control characters other than tab and line ends, U+FFFE and
            // U+FFFF. They are left out.
            0x00..=0x08 | 0x0b | 0x0c | 0x0e..=0x1f => "",
            0xef if matches!(bytes.get(i + 1..i + 3), Some([0xbf, 0xbe | 0xbf])) => {
                out.push_str(&s[start..i]);
                start = i + 3;
                continue;
            }
            _ => continue,
        };
        out.push_str(&s[start..i]);
        out.push_str(entity);
        start = i + 1;
    }
    out.push_str(&s[start..]);
    out
}

/// `^[a-z0-9]+(-[a-z0-9]+)*$`
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Sort key that puts å, ä, ö after z, as Swedish readers expect.
pub fn collate(s: &str) -> String {
    s.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'å' => '\u{7b}',
            'ä' | 'æ' => '\u{7c}',
            'ö' | 'ø' => '\u{7d}',
            c => c,
        })
        .collect()
}

/// Text as a YAML value: as it is when that is read back unchanged, else in double quotes
/// (`signpost new`, `review done`).
pub fn yaml_text(s: &str) -> String {
    if plain_is_safe(s) {
        s.to_string()
    } else {
        yaml_quoted(s)
    }
}

/// A YAML double-quoted string: `"`, `\` and control characters escaped.
pub fn yaml_quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Whether `s` reads back as the same text when written without quotes, in signpost's YAML
/// and in other tools (so not `yes`, `no`, `null`, numbers or dates either).
fn plain_is_safe(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    let special = [
        "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~",
    ];
    first.is_alphabetic()
        && s.trim() == s
        && !s.contains(": ")
        && !s.contains(" #")
        && !s.ends_with(':')
        && !s.chars().any(char::is_control)
        && !special.contains(&s.to_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_escaping_leaves_out_what_xml_forbids() {
        assert_eq!(
            escape_markup("a\u{1}b\u{c}<c>\t\n\u{fffe}\u{ffff}é\u{1b}"),
            "ab&lt;c&gt;\t\né"
        );
        assert_eq!(escape_markup("\u{fffd}\u{fff0}"), "\u{fffd}\u{fff0}");
    }

    #[test]
    fn positions_in_any_order_agree() {
        let text = "åäö\nxå y\n\nlång rad med å";
        let idx = LineIndex::new(text);
        let fresh = |o: usize| LineIndex::new(text).pos(o);
        for o in [0, 6, 2, 7, 11, 9, 14, 15, 20, 12, 0, 30] {
            assert_eq!(idx.pos(o), fresh(o), "offset {o}");
        }
    }

    #[test]
    fn positions_count_characters() {
        let idx = LineIndex::new("åäö\nxå y\n");
        assert_eq!(idx.pos(0), (1, 1));
        assert_eq!(idx.pos(6), (1, 4));
        assert_eq!(idx.pos(7), (2, 1));
        assert_eq!(idx.pos(11), (2, 4));
    }

    #[test]
    fn anchors_keep_swedish_letters() {
        assert_eq!(
            slugify_anchor("Så gjorde Skellefteå!"),
            "så-gjorde-skellefteå"
        );
        assert_eq!(
            slugify_anchor("  Kostnader & finansiering (2026) "),
            "kostnader-finansiering-2026"
        );
        assert_eq!(slugify_anchor("ÄLDREOMSORG"), "äldreomsorg");
    }

    #[test]
    fn markup_escaping_covers_text_and_attributes() {
        assert_eq!(
            escape_markup(r#"<a href="x">Tom & Jerry's</a>"#),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;"
        );
    }

    #[test]
    fn ids_fold_to_ascii() {
        assert_eq!(
            slugify_id("Digital nyckelhantering i hemtjänsten"),
            "digital-nyckelhantering-i-hemtjansten"
        );
        assert_eq!(slugify_id("Öppna data – för alla!"), "oppna-data-for-alla");
        assert!(is_valid_id("a-1-b"));
        assert!(!is_valid_id("a--b"));
        assert!(!is_valid_id("Åb"));
        assert!(!is_valid_id("-a"));
    }
}
