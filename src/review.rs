//! `signpost review`: the review queue.
//!
//! Published entries and pages whose next review is overdue or falls due within a number
//! of days, and everything waiting with `status: in_review`, grouped by owner and area,
//! oldest due date first. The due dates come from [`Guide::review_state_within`], and the owner
//! from [`Guide::owner`], exactly as the check and the built pages see them.

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use chrono::NaiveDate;
use serde::Serialize;

use crate::config::Config;
use crate::content::freshness::{serialize_opt_date, Freshness};
use crate::content::{self, Guide, LoadOptions, Role, Status};
use crate::i18n::Lang;
use crate::msg;
use crate::text::collate;

/// How the queue is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum QueueFormat {
    /// Aligned columns, for people
    #[default]
    Table,
    /// Comma-separated values (RFC 4180), with a header row
    Csv,
    /// A JSON array of objects
    Json,
    /// A Markdown checklist grouped by owner, for an issue on the git host
    Markdown,
}

/// The options of `signpost review`.
#[derive(Debug, Clone, clap::Args)]
pub struct ReviewArgs {
    /// List reviews due within this many days (default: review.due_soon_days in config.toml)
    #[arg(long, value_name = "DAYS")]
    pub due_within: Option<u32>,
    /// How to print the queue
    #[arg(long, value_enum, default_value_t = QueueFormat::Table)]
    pub format: QueueFormat,
    /// Judge review dates as of this day (YYYY-MM-DD) instead of today
    #[arg(long, value_parser = crate::parse_date, value_name = "YYYY-MM-DD")]
    pub today: Option<NaiveDate>,
}

/// Why an item is in the queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    /// Published, and the due date has passed.
    Overdue,
    /// Published, and the due date is today or within the window.
    DueSoon,
    /// `status: in_review`: waiting for a reviewer.
    InReview,
}

impl State {
    /// As written in CSV and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            State::Overdue => "overdue",
            State::DueSoon => "due_soon",
            State::InReview => "in_review",
        }
    }

    /// As shown in the table, in `lang`.
    pub fn label(self, lang: Lang) -> String {
        msg!("review-state", state = self.as_str()).text(lang)
    }
}

/// One line of the queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Item {
    pub state: State,
    /// When the next review is due (`None` for a text in review that was never reviewed).
    #[serde(serialize_with = "serialize_opt_date")]
    pub due: Option<NaiveDate>,
    /// Days from today to the due date: negative when overdue.
    pub days: Option<i64>,
    pub owner: Option<String>,
    /// The area's id (folder name); `None` for pages.
    pub area: Option<String>,
    pub title: String,
    /// Relative to the guide root.
    pub path: String,
    #[serde(serialize_with = "serialize_opt_date")]
    pub last_reviewed: Option<NaiveDate>,
    pub reviewed_by: Vec<String>,
    /// The page's address on the public site, when it is published (the checklist links it).
    #[serde(skip)]
    pub url: Option<String>,
}

/// The review queue of a loaded guide as of `today`: published texts due within
/// `due_within` days (or overdue) and texts in review, sorted by owner, area, due date.
pub fn queue(guide: &Guide, today: NaiveDate, due_within: u32) -> Vec<Item> {
    type Key = (String, String, bool, Option<NaiveDate>, bool, String);
    let mut items: Vec<(Key, Item)> = guide
        .docs
        .iter()
        .filter(|d| d.front_matter_ok && matches!(d.role, Role::Entry | Role::Page))
        .filter_map(|d| {
            let due = guide.review_due(d);
            let state = match d.status() {
                Status::InReview => State::InReview,
                Status::Published => {
                    match guide.review_state_within(d, today, due_within)?.freshness {
                        Freshness::Overdue => State::Overdue,
                        Freshness::DueSoon => State::DueSoon,
                        Freshness::Current => return None,
                    }
                }
                Status::Draft | Status::Archived => return None,
            };
            let owner = guide.owner(d).map(str::to_string);
            let item = Item {
                state,
                due,
                days: due.map(|due| (due - today).num_days()),
                owner: owner.clone(),
                area: d.area.clone(),
                title: d.title().to_string(),
                path: d.path.clone(),
                last_reviewed: d.meta.last_reviewed,
                reviewed_by: d.meta.reviewed_by.clone(),
                // Only a full address works from an issue on the git host.
                url: (d.status() == Status::Published && guide.config.base_url.starts_with("http"))
                    .then(|| format!("{}{}", guide.config.base_url, d.url)),
            };
            // Texts without an owner or area come after those with one.
            let key = (
                owner
                    .map(|o| format!("0{}", collate(&o)))
                    .unwrap_or("1".into()),
                d.area
                    .as_deref()
                    .map(|a| format!("0{a}"))
                    .unwrap_or("1".into()),
                due.is_none(),
                due,
                d.is_translation,
                d.path.clone(),
            );
            Some((key, item))
        })
        .collect();
    items.sort_by(|a, b| a.0.cmp(&b.0));
    items.into_iter().map(|(_, item)| item).collect()
}

/// The columns, in order, as named in the CSV header and the JSON keys.
pub const COLUMNS: [&str; 9] = [
    "state",
    "due",
    "days",
    "owner",
    "area",
    "title",
    "path",
    "last_reviewed",
    "reviewed_by",
];

/// The queue as a JSON array of objects (dates `YYYY-MM-DD`, missing values `null`).
pub fn to_json(items: &[Item]) -> String {
    let mut s = serde_json::to_string_pretty(items).expect("the queue serialises");
    s.push('\n');
    s
}

/// The queue as CSV (RFC 4180, by the `csv` crate: CRLF line ends, fields with `,`, `"` or
/// line breaks in double quotes, `"` doubled). `reviewed_by` names are joined with `; `.
pub fn to_csv(items: &[Item]) -> String {
    let mut out = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let rows = std::iter::once(COLUMNS.iter().map(|c| c.to_string()).collect()).chain(
        items
            .iter()
            .map(|item| cells(item, &|s| s.as_str().to_string())),
    );
    for row in rows {
        // Writing to memory cannot fail.
        let _ = out.write_record(&row);
    }
    String::from_utf8(out.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// The queue as an aligned table for people: one group per owner (under the owner's name),
/// columns aligned across groups, long titles shortened, and a summary line.
pub fn to_table(items: &[Item], today: NaiveDate, due_within: u32, lang: Lang) -> String {
    let mut out = String::new();
    let today_text = today.to_string();
    if items.is_empty() {
        let says = msg!("review-nothing", today = &today_text, within = due_within);
        let _ = writeln!(out, "{}", says.text(lang));
        return out;
    }
    // Every column but the owner, which heads its group.
    let shown: Vec<usize> = (0..COLUMNS.len())
        .filter(|&c| COLUMNS[c] != "owner")
        .collect();
    let header: Vec<String> = shown
        .iter()
        .map(|&c| msg!("review-column", column = COLUMNS[c]).text(lang))
        .collect();
    let rows: Vec<Vec<String>> = items
        .iter()
        .map(|item| {
            let mut cells = cells(item, &|s| s.label(lang));
            cells[5] = shorten(&cells[5], TITLE_WIDTH);
            shown.iter().map(|&c| cells[c].clone()).collect()
        })
        .collect();
    let widths: Vec<usize> = (0..shown.len())
        .map(|c| {
            rows.iter()
                .chain(std::iter::once(&header))
                .map(|r| r[c].chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let days = shown.iter().position(|&c| COLUMNS[c] == "days");
    let line = |row: &[String]| -> String {
        let mut line = String::new();
        for (c, cell) in row.iter().enumerate() {
            let pad = " ".repeat(widths[c] - cell.chars().count());
            // Numbers right-aligned, everything else left-aligned.
            if Some(c) == days {
                line.push_str(&pad);
                line.push_str(cell);
            } else {
                line.push_str(cell);
                line.push_str(&pad);
            }
            line.push_str("  ");
        }
        line.trim_end().to_string()
    };
    let _ = writeln!(out, "{}", line(&header));
    let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
    let _ = writeln!(out, "{}", rule.join("  "));
    let mut owner: Option<Option<&str>> = None;
    for (item, row) in items.iter().zip(&rows) {
        if owner != Some(item.owner.as_deref()) {
            owner = Some(item.owner.as_deref());
            let owner = match item.owner.as_deref() {
                Some(name) => name.to_string(),
                None => msg!("review-no-owner").text(lang),
            };
            let _ = writeln!(out, "\n{owner}");
        }
        let _ = writeln!(out, "{}", line(row));
    }
    let count = |s: State| items.iter().filter(|i| i.state == s).count();
    let says = msg!(
        "review-table-count",
        overdue = count(State::Overdue),
        soon = count(State::DueSoon),
        within = due_within,
        in_review = count(State::InReview),
        today = &today_text
    );
    let _ = writeln!(out, "\n{}", says.text(lang));
    out
}

/// The queue as a Markdown checklist for an issue on the git host ("Granskningar att
/// göra"), in `lang`: one `- [ ]` item per text,
/// grouped by owner under the owner's name and contact from `[owners]` (so the host
/// notifies them), each linking the page and the file (on the host, with `[repository]`),
/// saying how overdue it is. Without anything to do it has no `- [ ]` line, which is how
/// the reminder workflow knows to close the issue.
pub fn to_markdown(
    items: &[Item],
    config: &Config,
    today: NaiveDate,
    due_within: u32,
    lang: Lang,
) -> String {
    let today_text = today.to_string();
    let mut out = String::new();
    let _ = writeln!(out, "<!-- {} -->", msg!("reminder-comment").text(lang));
    let count = |s: State| items.iter().filter(|i| i.state == s).count();
    if items.is_empty() {
        let says = msg!("review-nothing", today = &today_text, within = due_within);
        let _ = writeln!(out, "{}", says.text(lang));
        return out;
    }
    let says = msg!(
        "reminder-count",
        today = &today_text,
        overdue = count(State::Overdue),
        soon = count(State::DueSoon),
        within = due_within,
        in_review = count(State::InReview)
    );
    let _ = writeln!(out, "{}\n", says.text(lang));
    let mut owner: Option<Option<&str>> = None;
    for item in items {
        if owner != Some(item.owner.as_deref()) {
            if owner.is_some() {
                out.push('\n');
            }
            owner = Some(item.owner.as_deref());
            match item.owner.as_deref() {
                Some(name) => {
                    let _ = writeln!(out, "### {}\n", markdown_text(name));
                    if let Some(contact) = config.owner_contact(name) {
                        let says = msg!("reminder-responsible", contact = contact);
                        let _ = writeln!(out, "{}\n", says.text(lang));
                    }
                }
                None => {
                    let _ = writeln!(out, "### {}\n", msg!("reminder-no-owner").text(lang));
                }
            }
        }
        let state = match (item.state, item.days, item.due) {
            (State::Overdue, Some(n), Some(due)) => {
                msg!("reminder-overdue", days = n.abs(), due = due.to_string())
            }
            (State::DueSoon, Some(0), _) => msg!("reminder-due-today"),
            (State::DueSoon, Some(n), Some(due)) => {
                msg!("reminder-due-in", days = n.abs(), due = due.to_string())
            }
            _ => msg!("reminder-waiting"),
        }
        .text(lang);
        let title = markdown_text(&item.title);
        let page = match &item.url {
            Some(url) => format!("[{title}]({url})"),
            None => title,
        };
        let file = match &config.repository {
            Some(repo) => format!("[`{}`]({})", item.path, repo.file_url(&item.path)),
            None => format!("`{}`", item.path),
        };
        let _ = writeln!(out, "- [ ] {state}: {page} – {file}");
    }
    out
}

/// Text with Markdown's punctuation escaped, so that a title shows as written.
fn markdown_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if "\\`*_[]<>|~".contains(c) {
            out.push('\\');
        }
        if c == '\n' || c == '\r' {
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    out
}

/// Titles longer than this are shortened in the table.
const TITLE_WIDTH: usize = 40;

/// The text of each column for one item; `state` names the state.
fn cells(item: &Item, state: &dyn Fn(State) -> String) -> Vec<String> {
    let date = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    vec![
        state(item.state),
        date(item.due),
        item.days.map(|d| d.to_string()).unwrap_or_default(),
        item.owner.clone().unwrap_or_default(),
        item.area.clone().unwrap_or_default(),
        item.title.clone(),
        item.path.clone(),
        date(item.last_reviewed),
        item.reviewed_by.join("; "),
    ]
}

/// At most `max` characters, ending with `…` when shortened.
fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(max - 1).collect();
        t.push('…');
        t
    }
}

/// `signpost review`: loads the guide and prints the queue. Exit 0, or 2 when the guide
/// cannot be read.
pub fn cli(root: &Path, args: &ReviewArgs, lang: Option<Lang>) -> ExitCode {
    let guide = match content::load(root, &LoadOptions::default()) {
        Ok(g) => g,
        Err(e) => {
            let lang = content::load::speaking(lang, root);
            eprintln!("signpost: {}", e.msg().text(lang));
            return ExitCode::from(2);
        }
    };
    let lang = Lang::for_guide(lang, &guide.config.default_language);
    let today = args.today.unwrap_or_else(crate::today);
    let within = args.due_within.unwrap_or(guide.config.review.due_soon_days);
    let items = queue(&guide, today, within);
    let out = match args.format {
        QueueFormat::Table => to_table(&items, today, within, lang),
        QueueFormat::Csv => to_csv(&items),
        QueueFormat::Json => to_json(&items),
        QueueFormat::Markdown => to_markdown(&items, &guide.config, today, within, lang),
    };
    print!("{out}");
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(title: &str, reviewed_by: &[&str]) -> Item {
        Item {
            state: State::DueSoon,
            due: NaiveDate::from_ymd_opt(2026, 7, 1),
            days: Some(16),
            owner: Some("Team, \"A\"".into()),
            area: Some("skola".into()),
            title: title.into(),
            path: "content/skola/x.md".into(),
            last_reviewed: NaiveDate::from_ymd_opt(2025, 7, 1),
            reviewed_by: reviewed_by.iter().map(|s| s.to_string()).collect(),
            url: None,
        }
    }

    #[test]
    fn csv_quotes_as_rfc_4180() {
        let csv = to_csv(&[item("Rad\nbrytning", &["A", "B"])]);
        assert_eq!(
            csv,
            "state,due,days,owner,area,title,path,last_reviewed,reviewed_by\r\n\
             due_soon,2026-07-01,16,\"Team, \"\"A\"\"\",skola,\"Rad\nbrytning\",content/skola/x.md,2025-07-01,A; B\r\n"
        );
    }

    #[test]
    fn table_groups_by_owner_aligns_by_characters_and_shortens_titles() {
        let long = "Å".repeat(60);
        let mut other = item("Öppna data", &[]);
        other.owner = None;
        other.state = State::InReview;
        other.due = None;
        other.days = None;
        let t = to_table(
            &[item("Äldre", &[]), item(&long, &["Ö"]), other],
            NaiveDate::from_ymd_opt(2026, 6, 15).unwrap(),
            30,
            Lang::En,
        );
        let title = format!("{}…", "Å".repeat(TITLE_WIDTH - 1));
        let pad = |s: &str| format!("{s:<40}");
        let expected = [
            format!("state      due         days  area   {}  path                last reviewed  reviewed by", pad("title")),
            format!("---------  ----------  ----  -----  {}  ------------------  -------------  -----------", "-".repeat(40)),
            String::new(),
            "Team, \"A\"".to_string(),
            format!("due soon   2026-07-01    16  skola  {}  content/skola/x.md  2025-07-01", pad("Äldre")),
            format!("due soon   2026-07-01    16  skola  {title}  content/skola/x.md  2025-07-01     Ö"),
            String::new(),
            "(no owner)".to_string(),
            format!("in review                    skola  {}  content/skola/x.md  2025-07-01", pad("Öppna data")),
            String::new(),
            "0 overdue, 2 due soon (within 30 days), 1 in review, as of 2026-06-15".to_string(),
        ];
        assert_eq!(t.lines().collect::<Vec<_>>(), expected, "\n{t}");
    }
}
