//! signpost: a static site generator for curated guides of challenges and solutions.
//!
//! The library is the whole tool; `main.rs` only turns arguments into one call here. The
//! pipeline: [`content::load`] reads `config.toml` and `content/` into a [`content::Guide`],
//! [`check::run`] judges it and returns [`diagnostics::Diagnostic`]s.

pub mod actions;
pub mod check;
pub mod config;
pub mod content;
pub mod diagnostics;
pub mod forms;
pub mod fs_guard;
pub mod i18n;
pub mod init;
pub mod markdown;
pub mod output;
pub mod progress;
pub mod render;
pub mod repository;
pub mod review;
pub mod review_done;
pub mod routes;
pub mod scaffold;
pub mod schema;
pub mod search;
pub mod serve;
pub mod site;
pub mod text;
pub mod theme;

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
    let t0 = std::time::Instant::now();
    let guide = content::load(root, &LoadOptions::default())?;
    timing("load", t0);
    let t1 = std::time::Instant::now();
    let mut diagnostics = check::run(&guide, today);
    timing("check", t1);
    let t2 = std::time::Instant::now();
    diagnostics.extend(check::templates(&guide, today));
    timing("templates", t2);
    let report = Report::new(diagnostics, guide.files_read, deny_warnings);
    Ok((guide, report))
}

/// What `build` is asked to do.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The output folder; relative paths are relative to the guide root.
    pub output: std::path::PathBuf,
    pub drafts: bool,
    pub base_url: Option<String>,
    pub today: NaiveDate,
    pub deny_warnings: bool,
    /// Publishing: review dates never stop the build (see [`review_dates_never_fail`]).
    pub allow_overdue: bool,
}

/// Why a build did not produce a site.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// The guide could not be read at all.
    #[error(transparent)]
    Load(LoadError),
    /// The check found errors; nothing was written.
    #[error("the guide has errors; nothing was built")]
    Check,
    /// The output folder is not acceptable.
    #[error("{0}")]
    Output(String),
    #[error(transparent)]
    Render(render::RenderError),
    #[error("writing the site failed (the previous site is kept): {0}")]
    Write(std::io::Error),
}

/// The result of a build attempt: the guide and its report are there even when the build
/// itself failed, so the caller can print the diagnostics.
pub struct Built {
    pub guide: Option<Guide>,
    pub report: Report,
    pub result: Result<site::Site, BuildError>,
}

/// Loads, checks and, when there are no errors, renders and writes the site.
pub fn build(root: &Path, opts: &BuildOptions) -> Built {
    let load = LoadOptions {
        base_url: opts.base_url.clone(),
    };
    let _progress = progress::Reporter::start();
    progress::stage("progress-reading", 0);
    let t0 = std::time::Instant::now();
    let guide = match content::load(root, &load) {
        Ok(g) => g,
        Err(e) => {
            return Built {
                guide: None,
                report: Report::default(),
                result: Err(BuildError::Load(e)),
            }
        }
    };
    timing("load", t0);
    let t1 = std::time::Instant::now();
    let mut diagnostics = check::run(&guide, opts.today);
    diagnostics.extend(check::templates(&guide, opts.today));
    let deny_warnings = if opts.allow_overdue {
        review_dates_never_fail(&mut diagnostics, opts.deny_warnings);
        false
    } else {
        opts.deny_warnings
    };
    let report = Report::new(diagnostics, guide.files_read, deny_warnings);
    timing("check", t1);
    let result = if report.has_errors() {
        Err(BuildError::Check)
    } else {
        build_checked(&guide, opts)
    };
    Built {
        guide: Some(guide),
        report,
        result,
    }
}

fn build_checked(guide: &Guide, opts: &BuildOptions) -> Result<site::Site, BuildError> {
    let out = output::resolve_output(&guide.root, &opts.output).map_err(BuildError::Output)?;
    let t0 = std::time::Instant::now();
    // Pages are written into the staging folder as they are rendered; the rest (feeds,
    // static files, the search index) at the commit, which then swaps the new site in.
    // A failure anywhere drops the staging folder and keeps the previous site.
    let staging = output::Staging::new(&out).map_err(BuildError::Write)?;
    let site = render::render(
        guide,
        &render::RenderOptions {
            drafts: opts.drafts,
            today: opts.today,
        },
        Some(&staging),
    )
    .map_err(|e| match e {
        render::RenderError::Write(e) => BuildError::Write(e),
        e => BuildError::Render(e),
    })?;
    timing("render", t0);
    progress::stage("progress-writing", 0);
    let t1 = std::time::Instant::now();
    staging.commit(&site).map_err(BuildError::Write)?;
    timing("write", t1);
    let mut site = site;
    // The marker file (output.rs) is one of the files on disk.
    site.written += 1;
    Ok(site)
}

/// Time alone never takes a site down: for `build --allow-overdue` (the publish-on-merge
/// workflow), a review that is overdue or due soon stays a warning, whatever
/// `review.overdue = "error"` or `--deny-warnings` say, and the pages are built with their
/// notice. Every other diagnostic keeps its severity (an error with `deny_warnings`). The
/// check of pull requests still fails on them, so nothing new is merged overdue.
pub fn review_dates_never_fail(diagnostics: &mut [diagnostics::Diagnostic], deny_warnings: bool) {
    use diagnostics::{Code, Severity};
    for d in diagnostics {
        if matches!(d.code, Code::ReviewOverdue | Code::ReviewDueSoon) {
            d.severity = Severity::Warning;
        } else if deny_warnings {
            d.severity = Severity::Error;
        }
    }
}

/// With `SIGNPOST_TIMINGS` set, prints how long a stage has taken (for benchmarks).
pub(crate) fn timing(stage: &str, since: std::time::Instant) {
    if std::env::var_os("SIGNPOST_TIMINGS").is_some() {
        let peak = std::fs::read_to_string("/proc/self/status")
            .ok()
            .and_then(|s| {
                s.lines()
                    .find(|l| l.starts_with("VmHWM:"))
                    .map(|l| l[6..].trim().to_string())
            })
            .unwrap_or_default();
        eprintln!(
            "timing: {stage} {:.3} s (peak memory so far {peak})",
            since.elapsed().as_secs_f64()
        );
    }
}

/// Frees `value` on a thread of its own. For what `serve` lets go of between saves: at
/// 100,000 entries a list of entries or cards is a million small allocations, 0.1–0.25 s
/// to free, and the next save would wait for it.
pub(crate) fn free_elsewhere<T: Send + 'static>(value: T) {
    std::thread::spawn(move || drop(value));
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
