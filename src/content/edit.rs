//! Changing single fields of a file's front matter in place, for commands that write to an
//! editor's files (`signpost review done`).
//!
//! Only the lines of the fields that change are replaced; everything else — comments, the
//! order of the fields, other fields' quoting, blank lines, the body, a byte order mark and
//! the file's line endings (LF or CRLF) — stays byte for byte as it was. A field that is not
//! there yet is added at the end of the front matter. This is line-based on purpose: a
//! YAML library would read the file and write it out again in its own style, which is not
//! the editor's. It works on front matter that `check` reads without errors (fields at the
//! start of a line, `name: value`, lists in `[a, b]` or `- item` style); it does not judge
//! the values.

/// A new value for a field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NewValue {
    /// A single value, already written as YAML (quoted where it needs to be).
    Scalar(String),
    /// A list of values, each already written as YAML.
    List(Vec<String>),
}

/// One changed field: its old text (as written) and its new.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Changed {
    pub field: String,
    /// `None` when the field was added.
    pub old: Option<String>,
    pub new: String,
}

/// Why a file's front matter could not be changed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("the file has no front matter between two `---` lines")]
    NoFrontMatter,
}

/// The text with `fields` set, and what changed (fields already as asked are left alone).
pub fn set_fields(
    text: &str,
    fields: &[(&str, NewValue)],
) -> Result<(String, Vec<Changed>), EditError> {
    let (bom, body) = match text.strip_prefix('\u{feff}') {
        Some(rest) => ("\u{feff}", rest),
        None => ("", text),
    };
    let newline = if body.contains("\r\n") { "\r\n" } else { "\n" };
    let mut lines: Vec<String> = body.split_inclusive('\n').map(str::to_string).collect();
    if lines.first().map(|l| l.trim_end()) != Some("---") {
        return Err(EditError::NoFrontMatter);
    }
    let mut end = lines
        .iter()
        .skip(1)
        .position(|l| matches!(l.trim_end(), "---" | "..."))
        .map(|i| i + 1)
        .ok_or(EditError::NoFrontMatter)?;
    let mut changes = Vec::new();
    for (name, value) in fields {
        let span = field_span(&lines[..end], name);
        let old = span.map(|(from, to)| lines[from..to].concat());
        let new = render(name, value, old.as_deref(), newline);
        if old.as_deref().map(normalise) == Some(normalise(&new)) {
            continue;
        }
        changes.push(Changed {
            field: name.to_string(),
            old: old.as_deref().map(value_text),
            new: value_text(&new),
        });
        // Front matter lines always end with a line break, since `---` follows them.
        let (from, to) = span.unwrap_or((end, end));
        lines.splice(from..to, std::iter::once(new));
        end = end + 1 - (to - from);
    }
    Ok((format!("{bom}{}", lines.concat()), changes))
}

/// The lines (from, to) of a top-level field in the front matter lines (the first is `---`).
fn field_span(lines: &[String], name: &str) -> Option<(usize, usize)> {
    let from = lines
        .iter()
        .enumerate()
        .skip(1)
        .find(|(_, l)| key_of(l) == Some(name))
        .map(|(i, _)| i)?;
    let mut to = from + 1;
    // The value goes on while lines are indented or are block list items (`- x` may stand
    // at the field's own indentation), but a comment or blank line at the end is not part
    // of it.
    while to < lines.len() {
        let l = lines[to].as_str();
        let continues =
            l.starts_with(' ') || l.starts_with('\t') || l.starts_with("- ") || l.trim_end() == "-";
        if !continues || l.trim().is_empty() {
            break;
        }
        to += 1;
    }
    Some((from, to))
}

/// The field a line starts, if it starts one: `name:` at the start of the line.
fn key_of(line: &str) -> Option<&str> {
    if line.starts_with([' ', '\t', '#', '-']) {
        return None;
    }
    let (key, _) = line.split_once(':')?;
    let key = key.trim();
    let key = key
        .strip_prefix('"')
        .and_then(|k| k.strip_suffix('"'))
        .or_else(|| key.strip_prefix('\'').and_then(|k| k.strip_suffix('\'')))
        .unwrap_or(key);
    Some(key)
}

/// The new lines of a field, in the style of the old ones where there are any.
fn render(name: &str, value: &NewValue, old: Option<&str>, newline: &str) -> String {
    match value {
        // A comment after the old value stays after the new one.
        NewValue::Scalar(v) => {
            let comment = old
                .filter(|o| o.trim_end().lines().count() == 1)
                .and_then(|o| o.split_once(':'))
                .map(|(_, rest)| split_comment(rest.trim_end_matches(['\r', '\n'])).1)
                .unwrap_or_default();
            format!("{name}: {v}{comment}{newline}")
        }
        NewValue::List(items) => {
            // A block list stays a block list, with its indentation; otherwise `[a, b]`.
            let block_indent = old.and_then(|o| {
                o.split_inclusive('\n').nth(1).and_then(|l| {
                    let trimmed = l.trim_start_matches([' ', '\t']);
                    trimmed
                        .starts_with('-')
                        .then(|| l[..l.len() - trimmed.len()].to_string())
                })
            });
            match block_indent {
                Some(indent) if !items.is_empty() => {
                    let mut out = format!("{name}:{newline}");
                    for item in items {
                        out.push_str(&format!("{indent}- {item}{newline}"));
                    }
                    out
                }
                _ => format!("{name}: [{}]{newline}", items.join(", ")),
            }
        }
    }
}

/// A value and the comment after it (`"a # b"   # note` → (`"a # b"`, `   # note`)): a
/// comment starts at a `#` after white space, outside quotes.
fn split_comment(value: &str) -> (&str, &str) {
    let trimmed = value.trim_start();
    let skip = value.len() - trimmed.len();
    let after_quotes = match trimmed.chars().next() {
        Some(q @ ('"' | '\'')) => trimmed[1..].find(q).map_or(trimmed.len(), |i| i + 2),
        _ => 0,
    };
    let search = &trimmed[after_quotes..];
    let at = search
        .char_indices()
        .find(|&(i, c)| c == '#' && search[..i].ends_with([' ', '\t']))
        .map(|(i, _)| i);
    match at {
        Some(i) => {
            let start = skip + after_quotes + search[..i].trim_end().len();
            (value[..start].trim(), &value[start..])
        }
        None => (value.trim(), ""),
    }
}

/// A field's lines without line-ending differences, for "is it already so".
fn normalise(s: &str) -> String {
    s.replace("\r\n", "\n")
}

/// A field's value as one line, for telling the editor what changed.
fn value_text(lines: &str) -> String {
    let text = normalise(lines);
    let mut parts = text.lines();
    let first = parts
        .next()
        .and_then(|l| l.split_once(':'))
        .map(|(_, v)| split_comment(v).0.to_string())
        .unwrap_or_default();
    let items: Vec<String> = parts
        .filter(|l| !l.trim_start().starts_with('#'))
        .map(|l| {
            split_comment(l.trim().trim_start_matches('-'))
                .0
                .to_string()
        })
        .filter(|l| !l.is_empty())
        .collect();
    if items.is_empty() {
        first
    } else {
        format!("[{}]", items.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(text: &str, fields: &[(&str, NewValue)]) -> String {
        set_fields(text, fields).unwrap().0
    }

    fn list(items: &[&str]) -> NewValue {
        NewValue::List(items.iter().map(|s| s.to_string()).collect())
    }

    #[test]
    fn only_the_changed_lines_change() {
        let text = "---\n# granskas varje år\ntitle: \"Nycklar: ett problem\"\nreviewed_by:\n  - Karin Sjöberg\n  - Per Åkesson # ordförande\nlast_reviewed: 2025-01-10\nstatus: in_review\n---\n\nText.\n";
        let (out, changes) = set_fields(
            text,
            &[
                ("last_reviewed", NewValue::Scalar("2026-11-30".into())),
                ("reviewed_by", list(&["Anna Berg", "Per Åkesson"])),
            ],
        )
        .unwrap();
        assert_eq!(
            out,
            "---\n# granskas varje år\ntitle: \"Nycklar: ett problem\"\nreviewed_by:\n  - Anna Berg\n  - Per Åkesson\nlast_reviewed: 2026-11-30\nstatus: in_review\n---\n\nText.\n"
        );
        assert_eq!(changes[0].old.as_deref(), Some("2025-01-10"));
        assert_eq!(changes[0].new, "2026-11-30");
        assert_eq!(changes[1].new, "[Anna Berg, Per Åkesson]");
    }

    #[test]
    fn crlf_and_a_byte_order_mark_are_kept() {
        let text = "\u{feff}---\r\ntitle: X\r\nreviewed_by: [A]\r\nlast_reviewed: 2025-01-10\r\n---\r\nText\r\n";
        let out = set(
            text,
            &[
                ("reviewed_by", list(&["B", "C"])),
                ("last_reviewed", NewValue::Scalar("2026-11-30".into())),
            ],
        );
        assert_eq!(
            out,
            "\u{feff}---\r\ntitle: X\r\nreviewed_by: [B, C]\r\nlast_reviewed: 2026-11-30\r\n---\r\nText\r\n"
        );
    }

    #[test]
    fn missing_fields_are_added_at_the_end_and_unchanged_ones_left_alone() {
        let text = "---\ntitle: X\nstatus: in_review\n---\nText\n";
        let (out, changes) = set_fields(
            text,
            &[
                ("status", NewValue::Scalar("in_review".into())),
                ("reviewed_by", list(&["A"])),
                ("last_reviewed", NewValue::Scalar("2026-11-30".into())),
            ],
        )
        .unwrap();
        assert_eq!(
            out,
            "---\ntitle: X\nstatus: in_review\nreviewed_by: [A]\nlast_reviewed: 2026-11-30\n---\nText\n"
        );
        assert_eq!(changes.len(), 2);
        assert_eq!(changes[0].old, None);
    }

    #[test]
    fn items_at_the_fields_own_indentation_belong_to_it() {
        let text = "---\nreviewed_by:\n- A\n- B\n\n# nästa\nstatus: published\n---\n";
        let out = set(text, &[("reviewed_by", list(&["C"]))]);
        assert_eq!(
            out,
            "---\nreviewed_by:\n- C\n\n# nästa\nstatus: published\n---\n"
        );
    }

    #[test]
    fn a_comment_after_a_value_stays() {
        let text =
            "---\nstatus: in_review   # klar för granskning\ntitle: \"A # B\" # rubrik\n---\n";
        let (out, changes) = set_fields(
            text,
            &[
                ("status", NewValue::Scalar("published".into())),
                ("title", NewValue::Scalar("\"C # D\"".into())),
            ],
        )
        .unwrap();
        assert_eq!(
            out,
            "---\nstatus: published   # klar för granskning\ntitle: \"C # D\" # rubrik\n---\n"
        );
        assert_eq!(changes[0].old.as_deref(), Some("in_review"));
        assert_eq!(changes[1].old.as_deref(), Some("\"A # B\""));
    }

    #[test]
    fn a_file_without_front_matter_is_refused() {
        assert_eq!(
            set_fields("Text\n", &[("status", NewValue::Scalar("x".into()))]),
            Err(EditError::NoFrontMatter)
        );
    }
}
