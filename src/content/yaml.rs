//! A YAML tree that remembers where every node came from.
//!
//! Front matter errors must point at a line and column *in the Markdown file*, for every
//! field and every list item, so that an editor can find the typo. serde-based YAML crates
//! keep positions only for their first error, so this module builds a small tree from
//! yaml-rust2's marked event stream instead. It knows nothing of the guide's schema: that is
//! `frontmatter.rs`.

use std::borrow::Cow;

use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser, Tag};
use yaml_rust2::scanner::{Marker, TScalarStyle};

use crate::i18n::Msg;
use crate::msg;

mod flat;

/// A 1-based line and column, relative to the YAML text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pos {
    pub line: u32,
    pub column: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Node>),
    /// Keys keep their own position; duplicates are kept so they can be reported.
    Map(Vec<(Node, Node)>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub value: Value,
    pub pos: Pos,
}

impl Node {
    /// The value's type in words, for "must be a list, not text".
    pub fn type_msg(&self) -> Msg {
        Msg::new(match self.value {
            Value::Null => "type-nothing",
            Value::Bool(_) => "type-bool",
            Value::Int(_) | Value::Float(_) => "type-number",
            Value::Str(_) => "type-text",
            Value::Seq(_) => "type-list",
            Value::Map(_) => "type-map",
        })
    }

    /// Scalars as text (numbers and booleans written as such), for fields that hold text.
    pub fn as_text(&self) -> Option<String> {
        self.text().map(Cow::into_owned)
    }

    /// [`Node::as_text`] without copying text that is already text.
    pub fn text(&self) -> Option<Cow<'_, str>> {
        match &self.value {
            Value::Str(s) => Some(Cow::Borrowed(s)),
            Value::Int(i) => Some(Cow::Owned(i.to_string())),
            Value::Float(f) => Some(Cow::Owned(f.to_string())),
            Value::Bool(b) => Some(Cow::Owned(b.to_string())),
            _ => None,
        }
    }
}

/// A YAML syntax error with its position.
#[derive(Debug, Clone)]
pub struct SyntaxError {
    pub message: Msg,
    /// The YAML reader's own words, in English, for what the plain explanation
    /// (`frontmatter::traps::explain`) does not cover.
    pub detail: String,
    pub pos: Pos,
    /// The text is valid YAML but nested deeper than [`MAX_DEPTH`].
    pub too_deep: bool,
}

/// How deeply lists and `field: value` sets may nest. The deepest field of any kind of file
/// (`links: - url:`) is three levels; the limit keeps every later step, which walks the tree,
/// far from the stack's end whatever a file holds.
pub const MAX_DEPTH: usize = 16;

/// Parses one YAML document. An empty document is `Value::Null`.
///
/// Flat front matter, nearly every file's, is read by [`flat`] in a third of the instructions;
/// everything else by yaml-rust2, which gives the same tree.
pub fn parse(text: &str) -> Result<Node, SyntaxError> {
    match flat::parse(text) {
        Some(node) => Ok(node),
        None => parse_full(text),
    }
}

/// [`parse`] by yaml-rust2 alone.
///
/// The events are pulled one at a time rather than through `Parser::load`, which recurses
/// once per level of nesting and overflows the stack on a few thousand levels (a 12 KB file).
fn parse_full(text: &str) -> Result<Node, SyntaxError> {
    let mut builder = Builder::default();
    let mut parser = Parser::new_from_str(text);
    let mut documents = 0;
    loop {
        let (ev, mark) = match parser.next_token() {
            Ok(x) => x,
            Err(e) => {
                // The scanner stops deep flow nesting (`[[[…`) on its own.
                let too_deep = e.info().contains("recursion limit");
                return Err(SyntaxError {
                    message: if too_deep {
                        msg!("yaml-too-deep", max = MAX_DEPTH)
                    } else {
                        msg!("yaml-reader", detail = e.info())
                    },
                    detail: e.info().to_string(),
                    pos: pos_of(e.marker()),
                    too_deep,
                });
            }
        };
        match ev {
            Event::StreamEnd => break,
            Event::DocumentStart => {
                documents += 1;
                if documents > 1 {
                    return Err(SyntaxError {
                        message: msg!("yaml-second-document"),
                        detail: String::new(),
                        pos: pos_of(&mark),
                        too_deep: false,
                    });
                }
            }
            Event::SequenceStart(..) | Event::MappingStart(..)
                if builder.stack.len() >= MAX_DEPTH =>
            {
                return Err(SyntaxError {
                    message: msg!("yaml-too-deep", max = MAX_DEPTH),
                    detail: String::new(),
                    pos: pos_of(&mark),
                    too_deep: true,
                });
            }
            ev => builder.on_event(ev, mark),
        }
        if builder.error.is_some() {
            break;
        }
    }
    if let Some(message) = builder.error {
        return Err(SyntaxError {
            message,
            detail: String::new(),
            pos: builder.error_pos,
            too_deep: false,
        });
    }
    Ok(builder.root.unwrap_or(Node {
        value: Value::Null,
        pos: Pos { line: 1, column: 1 },
    }))
}

fn pos_of(m: &Marker) -> Pos {
    Pos {
        line: m.line() as u32,
        column: m.col() as u32 + 1,
    }
}

enum Frame {
    Seq(Pos, Vec<Node>),
    Map(Pos, Vec<(Node, Node)>, Option<Node>),
}

#[derive(Default)]
struct Builder {
    stack: Vec<Frame>,
    root: Option<Node>,
    error: Option<Msg>,
    error_pos: Pos,
}

impl Builder {
    fn push_node(&mut self, node: Node) {
        match self.stack.last_mut() {
            None => {
                if self.root.is_none() {
                    self.root = Some(node);
                }
            }
            Some(Frame::Seq(_, items)) => items.push(node),
            Some(Frame::Map(_, pairs, key)) => match key.take() {
                None => *key = Some(node),
                Some(k) => pairs.push((k, node)),
            },
        }
    }
}

impl MarkedEventReceiver for Builder {
    fn on_event(&mut self, ev: Event, mark: Marker) {
        let pos = pos_of(&mark);
        if let Event::Scalar(_, _, _, Some(tag))
        | Event::SequenceStart(_, Some(tag))
        | Event::MappingStart(_, Some(tag)) = &ev
        {
            self.refuse_tag(tag, pos);
        }
        if let Event::Scalar(_, _, anchor, _)
        | Event::SequenceStart(anchor, _)
        | Event::MappingStart(anchor, _) = &ev
        {
            if *anchor > 0 && self.error.is_none() {
                self.error = Some(msg!("yaml-anchor"));
                self.error_pos = pos;
            }
        }
        match ev {
            Event::Scalar(text, style, _, _) => {
                let value = if style == TScalarStyle::Plain {
                    resolve_plain(text)
                } else {
                    Value::Str(text)
                };
                self.push_node(Node { value, pos });
            }
            Event::SequenceStart(..) => self.stack.push(Frame::Seq(pos, Vec::new())),
            Event::MappingStart(..) => self.stack.push(Frame::Map(pos, Vec::new(), None)),
            Event::SequenceEnd | Event::MappingEnd => {
                let node = match self.stack.pop() {
                    Some(Frame::Seq(p, items)) => Node {
                        value: Value::Seq(items),
                        pos: p,
                    },
                    Some(Frame::Map(p, pairs, _)) => Node {
                        value: Value::Map(pairs),
                        pos: p,
                    },
                    None => return,
                };
                self.push_node(node);
            }
            Event::Alias(_) => {
                if self.error.is_none() {
                    self.error = Some(msg!("yaml-alias"));
                    self.error_pos = pos;
                }
                self.push_node(Node {
                    value: Value::Null,
                    pos,
                });
            }
            _ => {}
        }
    }
}

impl Builder {
    /// A YAML tag (`!!str 12`, `!custom`) would change what a value means in other YAML
    /// readers, and signpost does not follow it: refused, never silently ignored.
    fn refuse_tag(&mut self, tag: &Tag, pos: Pos) {
        if self.error.is_none() {
            let handle = if tag.handle == "tag:yaml.org,2002:" {
                "!!"
            } else {
                tag.handle.as_str()
            };
            self.error = Some(msg!("yaml-tag", tag = format!("{handle}{}", tag.suffix)));
            self.error_pos = pos;
        }
    }
}

/// YAML 1.2 core schema resolution of a plain (unquoted) scalar.
fn resolve_plain(text: String) -> Value {
    match text.as_str() {
        "" | "~" | "null" | "Null" | "NULL" => return Value::Null,
        "true" | "True" | "TRUE" => return Value::Bool(true),
        "false" | "False" | "FALSE" => return Value::Bool(false),
        _ => {}
    }
    let first = text.as_bytes()[0];
    if first.is_ascii_digit() || matches!(first, b'-' | b'+' | b'.') {
        if let Ok(i) = text.parse::<i64>() {
            return Value::Int(i);
        }
        // Dates such as 2026-01-05 must stay text: only accept plain decimal floats.
        if text
            .bytes()
            .all(|b| b.is_ascii_digit() || b"+-.eE".contains(&b))
            && text.bytes().filter(|b| *b == b'-').count() <= 2
        {
            if let Ok(f) = text.parse::<f64>() {
                return Value::Float(f);
            }
        }
    }
    Value::Str(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_of_keys_values_and_items() {
        let n = parse("title: Åäö\ntags:\n  - a\n  - b\n").unwrap();
        let Value::Map(pairs) = n.value else { panic!() };
        assert_eq!(pairs[0].0.pos, Pos { line: 1, column: 1 });
        assert_eq!(pairs[0].1.pos, Pos { line: 1, column: 8 });
        let Value::Seq(items) = &pairs[1].1.value else {
            panic!()
        };
        assert_eq!(items[1].pos, Pos { line: 4, column: 5 });
    }

    #[test]
    fn dates_stay_text_and_numbers_resolve() {
        let n = parse("d: 2026-01-05\nn: 12\nq: '12'\nb: true\nz:\n").unwrap();
        let Value::Map(pairs) = n.value else { panic!() };
        assert_eq!(pairs[0].1.value, Value::Str("2026-01-05".into()));
        assert_eq!(pairs[1].1.value, Value::Int(12));
        assert_eq!(pairs[2].1.value, Value::Str("12".into()));
        assert_eq!(pairs[3].1.value, Value::Bool(true));
        assert_eq!(pairs[4].1.value, Value::Null);
    }

    #[test]
    fn deep_nesting_is_refused_without_recursion() {
        let mut text = String::from("x:\n");
        for i in 1..6000 {
            text.push_str(&"  ".repeat(i));
            text.push_str("a:\n");
        }
        let e = parse(&text).unwrap_err();
        assert!(e.too_deep);
        // The root set is the first level, so the one past the limit opens on line 17.
        assert_eq!(e.pos.line as usize, MAX_DEPTH + 1);
        let flow = format!("x: {}{}", "[".repeat(50_000), "]".repeat(50_000));
        assert!(parse(&flow).unwrap_err().too_deep);
    }

    #[test]
    fn a_second_document_and_tags_are_refused() {
        let e = parse("title: a\n--- # comment\nsummary: b\n").unwrap_err();
        assert_eq!(e.pos.line, 2);
        let e = parse("n: !!str 12\n").unwrap_err();
        assert_eq!(e.message, msg!("yaml-tag", tag = "!!str"));
        assert!(parse("n: !x {a: 1}\n").is_err());
        assert_eq!(parse("n: &a x\n").unwrap_err().message, msg!("yaml-anchor"));
    }

    #[test]
    fn syntax_error_has_position() {
        let e = parse("title: a\n  b: c\n").unwrap_err();
        assert_eq!(e.pos.line, 2);
    }
}
