//! The fast path of [`super::parse`]: flat front matter, the form nearly every file has,
//! read by hand in one pass over its lines.
//!
//! Why by hand: yaml-rust2 (and its successor saphyr-parser, measured the same) reads
//! about 30 MB of YAML a second, a third of `check`'s whole time at 10,000 entries for
//! 600 bytes of front matter a file. Front matter is almost always `field: value` lines,
//! with values that are plain text, a quoted string, a `[…]` list or `- item` lines. This
//! module reads exactly that much of YAML and gives the very tree, positions included,
//! that the full reader gives; a file with anything else (a comment after a value, an
//! escape, a value over several lines, nesting, anchors, tags, tabs, odd characters) is
//! not read here at all but by yaml-rust2, so every error and its explanation still comes
//! from there. It is not a YAML reader: it only answers "this is flat, and here is its
//! tree" or "not mine". The `same_tree_as_yaml_rust2` tests hold it to that.

use super::{resolve_plain, Node, Pos, Value};

/// The tree of `text` when it is flat front matter, `None` for anything else.
pub(super) fn parse(text: &str) -> Option<Node> {
    let mut pairs: Vec<(Node, Node)> = Vec::new();
    // The `key:` line whose value is the `- item` list being read.
    let mut list: Option<List> = None;
    // yaml-rust2 places a set at the `:` after its first key.
    let mut root_pos = None;
    for (i, line) in text.split('\n').enumerate() {
        let line_no = i as u32 + 1;
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let indent = line.len() - line.trim_start_matches(' ').len();
        if indent == 0 {
            close(&mut list, &mut pairs)?;
            let (key, rest) = line.split_once(':')?;
            root_pos.get_or_insert(Pos {
                line: line_no,
                column: key.len() as u32 + 1,
            });
            if rest.is_empty() {
                list = Some(List {
                    key: key_node(key, line_no, 0)?,
                    items: Vec::new(),
                    indent: 0,
                    set_indent: None,
                });
            } else {
                pairs.push(pair(line, line_no, 0)?);
            }
            continue;
        }
        let list = list.as_mut()?;
        if list.items.is_empty() {
            list.indent = indent;
        }
        if let Some(item) = line[indent..]
            .strip_prefix("- ")
            .filter(|_| indent == list.indent)
        {
            let skip = item.len() - item.trim_start_matches(' ').len();
            let at = indent + 2 + skip;
            let item = &item[skip..];
            let node = if let Some((key, _)) = item.split_once(':').filter(|(k, _)| is_key(k)) {
                // `- title: …`: a set, whose further fields line up under its first.
                list.set_indent = Some(at);
                Node {
                    value: Value::Map(vec![pair(item, line_no, at)?]),
                    pos: Pos {
                        line: line_no,
                        column: (at + key.len()) as u32 + 1,
                    },
                }
            } else {
                list.set_indent = None;
                Node {
                    value: scalar(item, false)?,
                    pos: Pos {
                        line: line_no,
                        column: at as u32 + 1,
                    },
                }
            };
            list.items.push(node);
        } else if list.set_indent == Some(indent) {
            let Some(Node {
                value: Value::Map(set),
                ..
            }) = list.items.last_mut()
            else {
                return None;
            };
            set.push(pair(&line[indent..], line_no, indent)?);
        } else {
            return None;
        }
    }
    close(&mut list, &mut pairs)?;
    Some(Node {
        value: Value::Map(pairs),
        pos: root_pos?,
    })
}

/// A `key:` line's `- item` list.
struct List {
    key: Node,
    items: Vec<Node>,
    /// The indentation of its `-`.
    indent: usize,
    /// The indentation of the fields of the set its last item is, if it is one.
    set_indent: Option<usize>,
}

/// Ends a `key:` line's value: its list, which must have items.
fn close(list: &mut Option<List>, pairs: &mut Vec<(Node, Node)>) -> Option<()> {
    if let Some(List {
        key, items, indent, ..
    }) = list.take()
    {
        // `key:` and nothing: yaml-rust2 gives the empty value a position of its own
        // making, so such files are left to it. A list is placed at its first `-`.
        let pos = Pos {
            line: items.first()?.pos.line,
            column: indent as u32 + 1,
        };
        pairs.push((
            key,
            Node {
                value: Value::Seq(items),
                pos,
            },
        ));
    }
    Some(())
}

/// The key of a `key: …` line at `indent`.
fn key_node(key: &str, line: u32, indent: usize) -> Option<Node> {
    is_key(key).then(|| Node {
        value: resolve_plain(key.to_string()),
        pos: Pos {
            line,
            column: indent as u32 + 1,
        },
    })
}

/// A `key: value` line (from its key on, which is at `indent`) with a one-line value.
fn pair(text: &str, line: u32, indent: usize) -> Option<(Node, Node)> {
    let (key, rest) = text.split_once(':')?;
    let key = key_node(key, line, indent)?;
    let value_text = rest.strip_prefix(' ')?.trim_start_matches(' ');
    let column = (indent + text.len() - value_text.len()) as u32 + 1;
    let value = if let Some(inner) = value_text.strip_prefix('[') {
        flow_list(inner, line, column + 1)?
    } else {
        scalar(value_text, false)?
    };
    Some((
        key,
        Node {
            value,
            pos: Pos { line, column },
        },
    ))
}

/// A field name as front matter writes them.
fn is_key(key: &str) -> bool {
    let mut bytes = key.bytes();
    bytes
        .next()
        .is_some_and(|b| b.is_ascii_alphabetic() || b == b'_')
        && bytes.all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

/// A one-line value: quoted, or plain text that YAML reads as written. In a `[…]` list
/// (`in_list`) a plain value also stops at, and so may not hold, `,[]{}`.
fn scalar(text: &str, in_list: bool) -> Option<Value> {
    let text = text.trim_end_matches(' ');
    if let Some(inner) = text.strip_prefix('"') {
        let inner = inner.strip_suffix('"')?;
        return (inner.chars().all(|c| printable(c) && c != '"' && c != '\\'))
            .then(|| Value::Str(inner.to_string()));
    }
    if let Some(inner) = text.strip_prefix('\'') {
        let inner = inner.strip_suffix('\'')?;
        return (inner.chars().all(|c| printable(c) && c != '\''))
            .then(|| Value::Str(inner.to_string()));
    }
    let first = text.chars().next()?;
    // No `: ` (a set) or ` #` (a comment) in it, checked in the same pass.
    let mut prev = first;
    let plain = first.is_alphanumeric()
        && !text.ends_with(':')
        && text.chars().all(|c| {
            let ok = printable(c)
                && !(c == ' ' && prev == ':')
                && !(c == '#' && prev == ' ')
                && !(in_list && matches!(c, ',' | '[' | ']' | '{' | '}'));
            prev = c;
            ok
        });
    plain.then(|| resolve_plain(text.to_string()))
}

/// The rest of a `[a, "b"]` list after its `[`, on one line; `column` is the first
/// character's.
fn flow_list(mut rest: &str, line: u32, mut column: u32) -> Option<Value> {
    let mut items = Vec::new();
    // After the `[` or a `,`.
    let mut expect_item = true;
    loop {
        let n = rest.len() - rest.trim_start_matches(' ').len();
        rest = &rest[n..];
        column += n as u32;
        if let Some(after) = rest.strip_prefix(']') {
            // `[a,]` is left to yaml-rust2.
            let fine = after.trim_end_matches(' ').is_empty() && (items.is_empty() || !expect_item);
            return fine.then_some(Value::Seq(items));
        }
        if expect_item {
            let end = item_end(rest)?;
            let item = &rest[..end];
            items.push(Node {
                value: scalar(item, true)?,
                pos: Pos { line, column },
            });
            column += item.chars().count() as u32;
            rest = &rest[end..];
        } else {
            rest = rest.strip_prefix(',')?;
            column += 1;
        }
        expect_item = !expect_item;
    }
}

/// Where a list item that starts `rest` ends (before spaces, `,` or `]`).
fn item_end(rest: &str) -> Option<usize> {
    let quote = rest.chars().next()?;
    if quote == '"' || quote == '\'' {
        return rest[1..].find(quote).map(|i| i + 2);
    }
    let end = rest.find([',', ']'])?;
    Some(rest[..end].trim_end_matches(' ').len())
}

/// A character YAML takes as it is in a one-line value: no control characters, no line
/// or byte-order marks, no tab (which YAML treats apart).
fn printable(c: char) -> bool {
    matches!(c, ' '..='~' | '\u{a0}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..)
        && c != '\u{feff}'
}

#[cfg(test)]
mod tests {
    use super::super::parse_full;
    use super::*;

    /// Every case is either not taken by the fast path or read exactly as yaml-rust2
    /// reads it, positions included; `taken` says which the case must be.
    fn same(text: &str, taken: bool) {
        let fast = parse(text);
        assert_eq!(fast.is_some(), taken, "taken by the fast path: {text:?}");
        if let Some(fast) = fast {
            let full = parse_full(text).expect("the fast path took invalid YAML");
            assert_eq!(fast, full, "{text:?}");
        }
    }

    #[test]
    fn same_tree_as_yaml_rust2_for_flat_front_matter() {
        for text in [
            "title: Digital london i underlags\n",
            "type: solution\ntitle: \"Digital london\"\nsummary: 'En, två: tre'\n",
            "tags: [\"språk\", \"molntjänster\", \"klimat\"]\nrelated: []\n",
            "tags: [ a , b c ,'d e',\"f\" ]\n",
            "tags:\n  - bygglov\n  - BIM\n  - 3D\norganisations:\n - Jönköpings kommun\n",
            "tags:\n\n    - a\n# a comment\n    - b\nstatus: published\n",
            "order: 3\nweight: 2\nratio: 1.5\nflag: true\nnone: null\nd: 2026-09-28\n",
            "summary: Bygglov, anmälan och tillsyn (PBL) – hur 100 % kan gå\n",
            "url: https://example.se/a?b=c#d\ntitle: a:b\n",
            "links:\n  - title: \"Reda\"\n    url: \"x\"\n  - url: y\n    title: z\n",
            "links:\n  -   title: a\n      url: [b]\nx: 1\n",
            "title: a\ntitle: b\n",
            "true: x\nnull: y\n_x: z\nkey-with-dash: 1\n",
            "last_reviewed: 2026-09-28   \n\n\n",
            "title:   \"spaced\"   \n",
        ] {
            same(text, true);
        }
    }

    #[test]
    fn anything_else_is_left_to_yaml_rust2() {
        for text in [
            "",
            "# only a comment\n",
            "title:\n",
            "title: \n",
            "title: a # comment\n",
            "title: \"a \\\" b\"\n",
            "title: a\n  continued\n",
            "title: |\n  block\n",
            "title: >\n  folded\n",
            "links:\n  - url: x\n   title: y\n",
            "links:\n  - url: x\n      title: y\n",
            "links:\n  - url:\n      - x\n",
            "links:\n  - url: x\n  title: y\n",
            "links:\n  - a\n    title: y\n",
            "tags:\n  - a\n   - b\n",
            "tags:\n  -\n",
            "tags: [a, [b]]\n",
            "tags: [a,]\n",
            "tags: [a\n",
            "tags: [a] x\n",
            "x: {a: 1}\n",
            "x: &a b\ny: *a\n",
            "x: !!str 12\n",
            "x:\ty\n",
            "x: a\tb\n",
            "x: a\u{1}b\n",
            "x: a\r\n",
            "x:y\n",
            "x : y\n",
            "- a\n",
            // A list as deep as its field: yaml-rust2 places such a list at its first item.
            "tags:\n- a\n",
            "  x: y\n",
            "---\nx: y\n",
            "x: ~\n",
            "title: 'it''s'\n",
            "x: -5\n",
            "x: \"a\nb\"\n",
            "x: 'a\nb'\n",
            "x: a:\n",
            "x: [a: b]\n",
        ] {
            same(text, false);
        }
    }

    /// The guide in this repository and the files `init` and `new` write: every front matter is read the
    /// same way, and the fast path takes most of them (or it would be no use).
    #[test]
    fn same_tree_for_every_front_matter_of_the_guides() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let (mut files, mut taken) = (0, 0);
        for dir in ["content", "src/init"] {
            for entry in walkdir::WalkDir::new(root.join(dir)) {
                let entry = entry.unwrap();
                if entry.path().extension().is_none_or(|e| e != "md") {
                    continue;
                }
                let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
                let Some(crate::content::frontmatter::Split::Parts { yaml, .. }) =
                    Some(crate::content::frontmatter::split(&text))
                else {
                    continue;
                };
                files += 1;
                if let Some(fast) = parse(yaml) {
                    taken += 1;
                    assert_eq!(
                        Ok(fast),
                        parse_full(yaml).map_err(|e| e.detail),
                        "{entry:?}"
                    );
                }
            }
        }
        assert!(files > 20 && taken * 10 >= files * 9, "{taken} of {files}");
    }

    /// Front matter of `key: value` lines and lists whose values are made of YAML's own
    /// pieces, thousands of times: whatever the fast path takes, yaml-rust2 reads as valid
    /// YAML into the very same tree (and the fast path takes a good share of them).
    #[test]
    fn same_tree_as_yaml_rust2_for_generated_text() {
        const KEYS: &[&str] = &["title", "tags", "true", "x-y", "_k", "a b", "- a", ""];
        const PIECES: &[&str] = &[
            "a",
            "Åsa ö",
            "12",
            "-3",
            "1.5",
            "2026-01-05",
            "null",
            " ",
            "  ",
            ":",
            ": ",
            "\"",
            "'",
            "[",
            "]",
            ", ",
            ",",
            "#",
            " #",
            "~",
            "\t",
            "\\",
            "{",
            "}",
            "&a",
            "*a",
            "!x",
            "|",
            ">",
            "%",
            "@",
            "\r",
            "\u{85}",
            "\u{2028}",
            "\u{feff}",
            "- ",
            "\n",
            "\n  ",
            "---",
            "?",
        ];
        let value = |u: &mut arbitrary::Unstructured| -> arbitrary::Result<String> {
            let mut v = String::new();
            let quote = *u.choose(&["", "\"", "'", "["])?;
            v.push_str(quote);
            for _ in 0..u.int_in_range(0..=4)? {
                v.push_str(if u.ratio(2, 3)? {
                    "a b"
                } else {
                    u.choose(PIECES)?
                });
            }
            v.push_str(match quote {
                "[" => "]",
                q => q,
            });
            Ok(v)
        };
        let (mut runs, mut taken) = (0, 0);
        arbtest::arbtest(|u| {
            let mut text = String::new();
            for _ in 0..u.int_in_range(1..=6)? {
                text.push_str(u.choose(KEYS)?);
                if u.ratio(1, 3)? {
                    text.push_str(":\n");
                    let indent = *u.choose(&["  ", "    ", "", " "])?;
                    for _ in 0..u.int_in_range(0..=3)? {
                        text.push_str(indent);
                        text.push_str("- ");
                        if u.ratio(1, 3)? {
                            text.push_str(u.choose(KEYS)?);
                            text.push_str(": ");
                        }
                        text.push_str(&value(u)?);
                        text.push('\n');
                    }
                } else {
                    text.push_str(": ");
                    text.push_str(&value(u)?);
                    text.push('\n');
                }
            }
            runs += 1;
            if let Some(fast) = parse(&text) {
                taken += 1;
                let full = parse_full(&text);
                assert_eq!(Ok(fast), full.map_err(|e| e.detail), "{text:?}");
            }
            Ok(())
        })
        .budget_ms(2_000);
        assert!(taken * 20 > runs, "{taken} of {runs}");
    }
}
