//! The `signpost` command line: arguments in, one library call, an exit code out.
//!
//! Exit codes: 0 no errors, 1 errors found, 2 could not run.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};

use signpost::diagnostics::{self, Format};

#[derive(Parser)]
#[command(
    name = "signpost",
    version,
    about = "Checks and builds a curated guide of challenges and solutions"
)]
struct Cli {
    /// The guide's folder (with config.toml and content/)
    #[arg(long, global = true, default_value = ".", value_name = "DIR")]
    root: PathBuf,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check every file: front matter, links, images and the review workflow
    Check {
        /// How to print the problems found
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Judge review dates as of this day (YYYY-MM-DD) instead of today
        #[arg(long, value_parser = signpost::parse_date, value_name = "YYYY-MM-DD")]
        today: Option<NaiveDate>,
        /// Treat every warning as an error
        #[arg(long)]
        deny_warnings: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check {
            format,
            today,
            deny_warnings,
        } => {
            let today = today.unwrap_or_else(signpost::today);
            let (guide, report) = match signpost::check(&cli.root, today, deny_warnings) {
                Ok(r) => r,
                Err(e) => {
                    eprintln!("signpost: {e}");
                    return ExitCode::from(2);
                }
            };
            let colour = format == Format::Human
                && std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none();
            let prefix = github_prefix(&cli.root);
            let out = diagnostics::render(
                &report,
                format,
                colour,
                &|path| guide.source(path).map(str::to_owned),
                &prefix,
            );
            let mut stdout = std::io::stdout().lock();
            let _ = stdout.write_all(out.as_bytes());
            let _ = stdout.flush();
            ExitCode::from(u8::from(report.has_errors()))
        }
    }
}

/// GitHub annotations need paths from the repository root: `--root site` → `site/`.
fn github_prefix(root: &std::path::Path) -> String {
    if root.is_absolute() {
        return String::new();
    }
    let parts: Vec<String> = root
        .components()
        .filter(|c| !matches!(c, std::path::Component::CurDir))
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!("{}/", parts.join("/"))
    }
}
