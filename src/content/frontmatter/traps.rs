//! The ordinary mistakes that YAML would let through and silently change what is
//! published, found where the front matter is read: ` #` cut off as a comment, a list item
//! run on into the one before, and dates written wrong, with a reason an editor can act on.
//!
//! A part of the reader in `frontmatter.rs` (it sees the YAML text and the parsed nodes);
//! it changes no value, it only reports.

use chrono::NaiveDate;

use super::super::yaml::{Node, SyntaxError, Value};
use super::Reader;
use crate::diagnostics::{Code, Diagnostic};
use crate::i18n::Msg;
use crate::msg;

impl Reader<'_, '_> {
    /// An unquoted value followed on its line by ` #` and text right after the `#`
    /// (`title: Larmkedjan #1 i klagomålen`): YAML ends the value there and drops the rest
    /// as a comment, so "Larmkedjan" would be published. A comment written as one (`# ` with
    /// a space, as in `- Karin Sjöberg # ordförande`) is left alone.
    pub(super) fn comment_in_value(&mut self, node: &Node, value: &str) {
        let Some(line) = self.source_line(node.pos.line as usize - 1) else {
            return;
        };
        let start = node.pos.column as usize - 1;
        // Most values have no `#` after them: nothing more to look at.
        match line.char_indices().nth(start) {
            Some((at, _)) if line[at..].contains('#') => {}
            _ => return,
        }
        let chars: Vec<char> = line.chars().collect();
        if start >= chars.len() || matches!(chars[start], '"' | '\'') || value.contains('\n') {
            return;
        }
        let after: String = chars[start..].iter().skip(value.chars().count()).collect();
        let Some(hash) = after.find('#') else { return };
        let (gap, rest) = after.split_at(hash);
        let dropped = &rest[1..];
        if gap.is_empty()
            || !gap.chars().all(|c| c == ' ' || c == '\t')
            || dropped.is_empty()
            || dropped.starts_with([' ', '\t'])
        {
            return;
        }
        let whole: String = chars[start..]
            .iter()
            .collect::<String>()
            .trim_end()
            .to_string();
        let d = Diagnostic::new(Code::CommentInValue, msg!("comment-in-value", kept = value))
            .file(self.cx.path)
            .at(
                self.line(node),
                node.pos.column + (value.chars().count() + gap.chars().count()) as u32,
            )
            .width(rest.chars().count())
            .hint(msg!(
                "comment-in-value-hint",
                quoted = format!("\"{}\"", whole.replace('"', "\\\""))
            ));
        self.diags.push(d);
    }

    /// A value that starts with `#` (`title: #1 i klagomålen`): YAML reads all of it as a
    /// comment, so the field is empty although the editor wrote a value.
    pub(super) fn comment_as_value(&mut self, key: &Node, name: &str) -> bool {
        let Some(line) = self.source_line(key.pos.line as usize - 1) else {
            return false;
        };
        let start = key.pos.column as usize - 1;
        let rest: String = line.chars().skip(start + name.chars().count()).collect();
        let Some(after_colon) = rest.strip_prefix(':') else {
            return false;
        };
        let value = after_colon.trim();
        if !value.starts_with('#') || value.len() < 2 {
            return false;
        }
        let column = line.chars().count() - after_colon.trim_start().chars().count() + 1;
        let d = Diagnostic::new(Code::CommentInValue, msg!("comment-as-value", field = name))
            .file(self.cx.path)
            .at(self.line(key), column as u32)
            .width(value.chars().count())
            .hint(msg!(
                "comment-in-value-hint",
                quoted = format!("\"{}\"", value.replace('"', "\\\""))
            ));
        self.diags.push(d);
        true
    }

    /// A list item that goes on over the next line, which starts with `- ` further in:
    /// `- Karin Sjöberg` then `    - Per Åkesson` is one item in YAML, "Karin Sjöberg - Per
    /// Åkesson", not two.
    pub(super) fn item_ran_on(&mut self, item: &Node) {
        let Value::Str(text) = &item.value else {
            return;
        };
        let index = item.pos.line as usize - 1;
        let (Some(first), Some(next)) = (self.source_line(index), self.source_line(index + 1))
        else {
            return;
        };
        let next_item = next.trim_start().strip_prefix("- ").map(str::trim);
        let Some(next_item) = next_item else { return };
        let start = item.pos.column as usize - 1;
        let on_first: String = first.chars().skip(start).collect();
        if matches!(on_first.chars().next(), Some('"' | '\''))
            || on_first.trim_end() == text.as_str()
            || !text.ends_with(&format!(" - {next_item}"))
        {
            return;
        }
        let d = Diagnostic::new(Code::WrongType, msg!("item-ran-on", item = text.as_str()))
            .file(self.cx.path)
            .at(
                self.line(item) + 1,
                (next.len() - next.trim_start().len()) as u32 + 1,
            )
            .hint(msg!("item-ran-on-hint"));
        self.diags.push(d);
        if let Some(field) = self.current {
            if !self.meta.invalid.contains(&field) {
                self.meta.invalid.push(field);
            }
        }
    }
}

/// What is wrong with a date that [`super::parse_date`] refuses, and what to write instead, in
/// the words an editor would use: a day the month does not have, a month past 12, digits
/// without their leading zeros, or a date written in words.
pub(super) fn date_problem(text: &str) -> (Msg, Msg) {
    let generic = msg!("date-format-hint");
    let parts: Vec<&str> = text.trim().split('-').collect();
    let numbers: Option<Vec<u32>> = (parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit())))
    .then(|| parts.iter().map(|p| p.parse().unwrap_or(0)).collect());
    let Some(n) = numbers else {
        if text.chars().any(char::is_alphabetic) {
            return (msg!("date-in-words"), msg!("date-in-words-hint"));
        }
        return (msg!("date-not-yyyy-mm-dd"), generic);
    };
    let (y, m, d) = (n[0], n[1], n[2]);
    if parts[0].len() != 4 {
        return (msg!("date-year-digits"), generic);
    }
    if !(1..=12).contains(&m) {
        return (msg!("date-no-such-month", month = m), generic);
    }
    let days = (28..=31)
        .rev()
        .find(|&d| NaiveDate::from_ymd_opt(y as i32, m, d).is_some())
        .unwrap_or(28);
    if d == 0 || d > days {
        let example = format!("{y:04}-{m:02}-{days:02}");
        return (
            msg!(
                "date-month-days",
                month = m,
                year = y.to_string(),
                days = days
            ),
            msg!("date-month-days-hint", example = example, month = m),
        );
    }
    // A real date written without leading zeros: 2026-9-1.
    let padded = format!("{y:04}-{m:02}-{d:02}");
    (
        msg!("date-leading-zeros"),
        msg!("did-you-mean-plain", word = padded),
    )
}

/// A syntax error put in plain words: what went wrong and where, as an editor would look
/// for it, rather than the YAML reader's own words.
pub(super) struct Plain {
    pub message: Msg,
    pub hint: Msg,
    pub line: u32,
    pub column: u32,
}

/// The commonest ways front matter stops being YAML, found by looking at the lines
/// themselves (the reader's error often points at the line after the real mistake): a tab
/// in the indentation, a `field:value` without its space, a second `: ` in a value, a quote
/// never closed, an indentation that does not line up. Anything else keeps the reader's
/// words after a plain sentence.
pub(super) fn explain(yaml: &str, e: &SyntaxError) -> Plain {
    let at = |message, hint| Plain {
        message,
        hint,
        line: e.pos.line,
        column: e.pos.column,
    };
    if e.detail.is_empty() {
        // signpost's own refusals (tags, anchors, a second document) are already plain.
        return at(e.message.clone(), msg!("yaml-syntax-hint"));
    }
    for (i, line) in yaml.lines().enumerate() {
        let indent: String = line.chars().take_while(|c| c.is_whitespace()).collect();
        if let Some(tab) = indent.find('\t') {
            return Plain {
                message: msg!("yaml-tab"),
                hint: msg!("yaml-tab-hint"),
                line: i as u32 + 1,
                column: indent[..tab].chars().count() as u32 + 1,
            };
        }
    }
    if let Some(plain) = colon_without_space(yaml) {
        if plain.line <= e.pos.line {
            return plain;
        }
    }
    let line_text = yaml
        .lines()
        .nth(e.pos.line.saturating_sub(1) as usize)
        .unwrap_or("");
    let detail = e.detail.as_str();
    let indent = line_text.len() - line_text.trim_start().len();
    let previous = yaml
        .lines()
        .take(e.pos.line.saturating_sub(1) as usize)
        .filter(|l| !l.trim().is_empty())
        .last()
        .unwrap_or("");
    let previous_has_value = previous
        .split_once(':')
        .is_some_and(|(_, value)| !value.trim().is_empty());
    if detail.contains("mapping values are not allowed")
        && indent > previous.len() - previous.trim_start().len()
        && previous_has_value
        && !line_text.trim_start().starts_with("- ")
    {
        // `title: T` then `  summary: S`: the indented field runs on into the value above.
        return Plain {
            message: msg!("yaml-indentation"),
            hint: msg!("yaml-indentation-hint"),
            line: e.pos.line,
            column: indent as u32 + 1,
        };
    }
    if detail.contains("mapping values are not allowed") {
        let trimmed = line_text.trim_start().trim_start_matches("- ");
        if let Some((field, value)) = trimmed.split_once(": ") {
            return at(
                msg!("yaml-colon-in-value", field = field),
                msg!(
                    "yaml-colon-in-value-hint",
                    field = field,
                    quoted = format!("\"{}\"", value.trim().replace('"', "\\\""))
                ),
            );
        }
    }
    if detail.contains("quoted scalar") {
        return at(
            msg!("yaml-unclosed-quote"),
            msg!("yaml-unclosed-quote-hint"),
        );
    }
    if detail.contains("did not find expected key")
        || detail.contains("did not find expected '-'")
        || detail.contains("invalid indentation")
    {
        return at(msg!("yaml-indentation"), msg!("yaml-indentation-hint"));
    }
    at(
        msg!("yaml-reader", detail = detail),
        msg!("yaml-syntax-hint"),
    )
}

/// `title:Larmkedjan`: a field name, a colon and text right after it. YAML reads the whole
/// line as one piece of text, not as a field. A web address (`https://…`) is not one.
pub(super) fn colon_without_space(yaml: &str) -> Option<Plain> {
    yaml.lines().enumerate().find_map(|(i, line)| {
        let trimmed = line.trim_start();
        let (name, rest) = trimmed.split_once(':')?;
        let name_like = !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '-');
        let next = rest.chars().next()?;
        (name_like && !next.is_whitespace() && !rest.starts_with("//")).then(|| Plain {
            message: msg!("yaml-colon-space", field = name),
            hint: msg!("yaml-colon-space-hint", field = name, value = rest.trim()),
            line: i as u32 + 1,
            column: (line.len() - trimmed.len() + name.len()) as u32 + 1,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_that_do_not_parse_say_why() {
        use crate::i18n::Lang;
        let why = |t: &str| {
            let (a, b) = date_problem(t);
            (a.text(Lang::En), b.text(Lang::En))
        };
        assert_eq!(
            why("2026-11-31"),
            (
                "November 2026 has 30 days".to_string(),
                "write a day that exists, e.g. 2026-11-30 for the last day of November".to_string()
            )
        );
        assert_eq!(
            date_problem("2026-11-31").0.text(Lang::Sv),
            "november 2026 har 30 dagar"
        );
        assert_eq!(why("2028-02-30").0, "February 2028 has 29 days");
        assert_eq!(why("2026-13-01").0, "there is no month 13");
        assert_eq!(why("2026-9-1").1, "did you mean 2026-09-01?");
        assert_eq!(why("1 september 2026").0, "a date is written in figures");
        assert_eq!(why("26-09-01").0, "the year needs four digits");
        assert_eq!(why("2026/09/01").0, "it is not written as YYYY-MM-DD");
        // Every refused form gets a reason, and a real date is never one of them.
        assert!(super::super::parse_date("2026-09-01").is_some());
    }
}
