//! The ordinary mistakes that YAML would let through and silently change what is
//! published, found where the front matter is read: ` #` cut off as a comment, a list item
//! run on into the one before, and dates written wrong, with a reason an editor can act on.
//!
//! A part of the reader in `frontmatter.rs` (it sees the YAML text and the parsed nodes);
//! it changes no value, it only reports.

use chrono::NaiveDate;

use super::super::yaml::{Node, Value};
use super::Reader;
use crate::diagnostics::{Code, Diagnostic};

impl Reader<'_, '_> {
    /// An unquoted value followed on its line by ` #` and text right after the `#`
    /// (`title: Larmkedjan #1 i klagomålen`): YAML ends the value there and drops the rest
    /// as a comment, so "Larmkedjan" would be published. A comment written as one (`# ` with
    /// a space, as in `- Karin Sjöberg # ordförande`) is left alone.
    pub(super) fn comment_in_value(&mut self, node: &Node, value: &str) {
        let Some(line) = self.source.lines().nth(node.pos.line as usize - 1) else {
            return;
        };
        let start = node.pos.column as usize - 1;
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
        let d = Diagnostic::new(
            Code::CommentInValue,
            format!(
                "the text after ` #` is read as a comment and dropped: only \"{value}\" would be published"
            ),
        )
        .file(self.cx.path)
        .at(self.line(node), node.pos.column + (value.chars().count() + gap.chars().count()) as u32)
        .width(rest.chars().count())
        .hint(format!(
            "put the whole value in quotes: \"{}\"",
            whole.replace('"', "\\\"")
        ));
        self.diags.push(d);
    }

    /// A list item that goes on over the next line, which starts with `- ` further in:
    /// `- Karin Sjöberg` then `    - Per Åkesson` is one item in YAML, "Karin Sjöberg - Per
    /// Åkesson", not two.
    pub(super) fn item_ran_on(&mut self, item: &Node) {
        let Value::Str(text) = &item.value else {
            return;
        };
        let index = item.pos.line as usize - 1;
        let mut lines = self.source.lines().skip(index);
        let (Some(first), Some(next)) = (lines.next(), lines.next()) else {
            return;
        };
        let start = item.pos.column as usize - 1;
        let on_first: String = first.chars().skip(start).collect();
        let next_item = next.trim_start().strip_prefix("- ").map(str::trim);
        let Some(next_item) = next_item else { return };
        if matches!(on_first.chars().next(), Some('"' | '\''))
            || on_first.trim_end() == text.as_str()
            || !text.ends_with(&format!(" - {next_item}"))
        {
            return;
        }
        let d = Diagnostic::new(
            Code::WrongType,
            format!(
                "these two lines are one list item in YAML, \"{text}\", because the second `- ` is indented further than the first"
            ),
        )
        .file(self.cx.path)
        .at(self.line(item) + 1, (next.len() - next.trim_start().len()) as u32 + 1)
        .hint("start every item of the list at the same indentation, each on its own line beginning with `- `");
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
pub(super) fn date_problem(text: &str) -> (String, String) {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let generic = "write the date as YYYY-MM-DD, e.g. 2026-03-15".to_string();
    let parts: Vec<&str> = text.trim().split('-').collect();
    let numbers: Option<Vec<u32>> = (parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit())))
    .then(|| parts.iter().map(|p| p.parse().unwrap_or(0)).collect());
    let Some(n) = numbers else {
        if text.chars().any(char::is_alphabetic) {
            return (
                "a date is written in figures".into(),
                "write it as YYYY-MM-DD, e.g. `1 september 2026` as 2026-09-01".into(),
            );
        }
        return ("it is not written as YYYY-MM-DD".into(), generic);
    };
    let (y, m, d) = (n[0], n[1], n[2]);
    if parts[0].len() != 4 {
        return ("the year needs four digits".into(), generic);
    }
    if !(1..=12).contains(&m) {
        return (format!("there is no month {m}"), generic);
    }
    let days = (28..=31)
        .rev()
        .find(|&d| NaiveDate::from_ymd_opt(y as i32, m, d).is_some())
        .unwrap_or(28);
    let month = MONTHS[m as usize - 1];
    if d == 0 || d > days {
        let example = format!("{y:04}-{m:02}-{days:02}");
        return (
            format!("{month} {y} has {days} days"),
            format!("write a day that exists, e.g. {example} for the last day of {month}"),
        );
    }
    // A real date written without leading zeros: 2026-9-1.
    let padded = format!("{y:04}-{m:02}-{d:02}");
    (
        "the month and the day need two digits each".into(),
        format!("did you mean {padded}?"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_that_do_not_parse_say_why() {
        let why = |t: &str| date_problem(t);
        assert_eq!(
            why("2026-11-31"),
            (
                "November 2026 has 30 days".to_string(),
                "write a day that exists, e.g. 2026-11-30 for the last day of November".to_string()
            )
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
