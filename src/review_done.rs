//! `signpost review done`: records a review in the reviewed entries' own files.
//!
//! For each id it sets `last_reviewed` (the given date, by default today) and `reviewed_by`
//! (the names given with `--by`), and with `--publish` moves an entry from `in_review` to
//! `published`, changing only those lines of the file (`content::edit`). Every id and the
//! date are checked before anything is written, so a typo changes no file; afterwards the
//! check runs on the changed files and says what it finds. It does not decide who may
//! review (that is the guide's own process, in pull requests).

use std::path::Path;
use std::process::ExitCode;

use chrono::NaiveDate;

use crate::content::edit::{self, Changed, NewValue};
use crate::content::{self, Doc, Guide, LoadOptions, Role, Status};
use crate::diagnostics::{self, did_you_mean, Format, Report, Severity};
use crate::i18n::{Lang, Msg};
use crate::msg;

/// The options of `signpost review done`.
#[derive(Debug, Clone, clap::Args)]
pub struct DoneArgs {
    /// The ids of the reviewed entries or pages (their file names without `.md`)
    #[arg(required = true, value_name = "ID")]
    pub ids: Vec<String>,
    /// Who reviewed them; repeat for several reviewers (`--by "Anna Berg" --by "Per Åkesson"`)
    #[arg(long = "by", required = true, value_name = "NAME")]
    pub by: Vec<String>,
    /// The day of the review (YYYY-MM-DD; default: today)
    #[arg(long, value_parser = crate::parse_date, value_name = "YYYY-MM-DD")]
    pub date: Option<NaiveDate>,
    /// Also publish entries that are in review (`status: in_review` → `published`)
    #[arg(long)]
    pub publish: bool,
}

/// What was recorded in one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recorded {
    /// Relative to the guide root.
    pub path: String,
    pub changes: Vec<Changed>,
}

/// Why nothing was written.
#[derive(Debug, thiserror::Error)]
pub enum DoneError {
    /// The guide could not be read (exit 2).
    #[error(transparent)]
    Load(content::LoadError),
    /// The request was refused; no file was changed (exit 1).
    #[error("{}", .0.text(crate::i18n::Lang::En))]
    Refused(Msg),
    /// Writing a file failed (exit 1); the files named before it were written.
    #[error("cannot write `{path}`: {error}")]
    Write { path: String, error: std::io::Error },
}

/// Records the review in each file; every id is checked before any file is written.
pub fn record(root: &Path, args: &DoneArgs, today: NaiveDate) -> Result<Vec<Recorded>, DoneError> {
    let guide = content::load(root, &LoadOptions::default()).map_err(DoneError::Load)?;
    let date = args.date.unwrap_or(today);
    if date > today {
        return Err(DoneError::Refused(msg!(
            "done-future",
            date = date.to_string(),
            today = today.to_string()
        )));
    }
    let names: Vec<String> = args
        .by
        .iter()
        .map(|n| n.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    if names.iter().any(String::is_empty) {
        return Err(DoneError::Refused(msg!("done-empty-name")));
    }
    let docs = args
        .ids
        .iter()
        .map(|id| reviewed_doc(&guide, id, args.publish))
        .collect::<Result<Vec<&Doc>, DoneError>>()?;
    let mut fields = vec![
        ("last_reviewed", NewValue::Scalar(date.to_string())),
        (
            "reviewed_by",
            NewValue::List(
                names
                    .iter()
                    .map(|n| crate::scaffold::yaml_text(n))
                    .collect(),
            ),
        ),
    ];
    if args.publish {
        fields.push((
            "status",
            NewValue::Scalar(Status::Published.as_str().into()),
        ));
    }
    // Every file's new text is made before the first is written.
    let mut planned = Vec::new();
    for doc in docs {
        let full = root.join(&doc.path);
        let text = std::fs::read_to_string(&full).map_err(|error| DoneError::Write {
            path: doc.path.clone(),
            error,
        })?;
        let (new_text, changes) = edit::set_fields(&text, &fields)
            .map_err(|_| DoneError::Refused(msg!("done-no-front-matter", path = &doc.path)))?;
        planned.push((doc.path.clone(), full, new_text, changes));
    }
    let mut recorded = Vec::new();
    for (path, full, text, changes) in planned {
        if !changes.is_empty() {
            write_whole(&full, &text).map_err(|error| DoneError::Write {
                path: path.clone(),
                error,
            })?;
        }
        recorded.push(Recorded { path, changes });
    }
    Ok(recorded)
}

/// The entry or page with this id, if a review can be recorded in it.
fn reviewed_doc<'g>(guide: &'g Guide, id: &str, publish: bool) -> Result<&'g Doc, DoneError> {
    let Some(doc) = guide.item(id) else {
        let ids = guide
            .docs
            .iter()
            .filter(|d| matches!(d.role, Role::Entry | Role::Page) && !d.is_translation)
            .map(|d| d.id.as_str());
        return Err(DoneError::Refused(match did_you_mean(id, ids) {
            Some(s) => msg!("done-unknown-id-suggest", id = id, suggestion = s),
            None => msg!("done-unknown-id", id = id),
        }));
    };
    if !doc.front_matter_ok {
        return Err(DoneError::Refused(msg!(
            "done-front-matter-errors",
            path = &doc.path
        )));
    }
    if publish && doc.status() == Status::Draft {
        return Err(DoneError::Refused(msg!("done-draft", path = &doc.path)));
    }
    Ok(doc)
}

/// Replaces a file by writing a new one beside it and renaming it over, so that an editor's
/// file is never left half-written.
fn write_whole(path: &Path, text: &str) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let tmp = dir.join(format!(".{name}.signpost-{}", std::process::id()));
    std::fs::write(&tmp, text)?;
    if let Ok(meta) = std::fs::metadata(path) {
        let _ = std::fs::set_permissions(&tmp, meta.permissions());
    }
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}

/// `signpost review done …`: records the review, prints what changed, then checks the
/// changed files. Exit 0 when recorded and the files check clean, 1 when refused or the
/// check finds errors, 2 when the guide cannot be read.
pub fn cli(root: &Path, args: &DoneArgs, lang: Option<Lang>) -> ExitCode {
    let lang = content::load::speaking(lang, root);
    let today = crate::today();
    let recorded = match record(root, args, today) {
        Ok(r) => r,
        Err(DoneError::Load(e)) => {
            eprintln!("signpost: {}", e.msg().text(lang));
            return ExitCode::from(2);
        }
        Err(DoneError::Refused(m)) => {
            let says = msg!("done-refused", reason = m);
            eprintln!("signpost: {}", says.text(lang));
            return ExitCode::from(1);
        }
        Err(e @ DoneError::Write { .. }) => {
            eprintln!("signpost: {e}");
            return ExitCode::from(1);
        }
    };
    for r in &recorded {
        if r.changes.is_empty() {
            let says = msg!("done-nothing-changed", path = &r.path);
            println!("{}", says.text(lang));
            continue;
        }
        let what: Vec<String> = r
            .changes
            .iter()
            .map(|c| match &c.old {
                Some(old) => format!("{} {old} → {}", c.field, c.new),
                None => format!("{} {}", c.field, c.new),
            })
            .collect();
        println!("{}: {}", r.path, what.join("; "));
    }
    // What the check now says about the changed files.
    let Ok(guide) = content::load(root, &LoadOptions::default()) else {
        return ExitCode::from(2);
    };
    let paths: Vec<String> = recorded.iter().map(|r| r.path.clone()).collect();
    let found = crate::check::run_for(&guide, &paths, today);
    let report = Report::new(found, paths.len(), false);
    if !report.diagnostics.is_empty() {
        eprint!(
            "{}",
            diagnostics::render(
                &report,
                Format::Human,
                lang,
                false,
                &|p| guide.source(p).map(str::to_owned),
                "",
            )
        );
    }
    if report
        .diagnostics
        .iter()
        .any(|d| d.severity == Severity::Error)
    {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
