//! signpost: a static site generator for curated guides of challenges and solutions.
//!
//! The library is the whole tool; `main.rs` only turns arguments into one call here. The
//! pipeline: [`content::load`] reads `config.toml` and `content/` into a [`content::Guide`],
//! [`check::run`] judges it and returns [`diagnostics::Diagnostic`]s.

pub mod check;
pub mod config;
pub mod content;
pub mod diagnostics;
pub mod markdown;
pub mod text;

use std::path::Path;

use chrono::NaiveDate;

pub use content::{Guide, LoadError, LoadOptions};
pub use diagnostics::Report;

/// Loads the guide at `root` and runs every check as of `today`.
pub fn check(
    root: &Path,
    today: NaiveDate,
    deny_warnings: bool,
) -> Result<(Guide, Report), LoadError> {
    let guide = content::load(root, &LoadOptions::default())?;
    let diagnostics = check::run(&guide, today);
    let report = Report::new(diagnostics, guide.files_read, deny_warnings);
    Ok((guide, report))
}

/// Today's date in the local time zone.
pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// Parses a `YYYY-MM-DD` date as given on the command line.
pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    content::frontmatter::parse_date(s)
        .ok_or_else(|| format!("`{s}` is not a date in the form YYYY-MM-DD"))
}
