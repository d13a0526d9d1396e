//! The `signpost` command line: arguments in, one library call, an exit code out.
//!
//! Exit codes: 0 no errors, 1 errors found, 2 could not run.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;

/// mimalloc rather than glibc's allocator: a build allocates millions of small strings
/// (template values, escaped text, search tokens), and at 10,000 entries mimalloc takes
/// about a sixth off a build's CPU time (bench/README.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `mi_option_purge_delay`: its index in `mi_option_e` of mimalloc.h, which
/// libmimalloc-sys does not name (it names its neighbours, 14 and 16). Check it when
/// libmimalloc-sys is upgraded.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;
use clap::{Parser, Subcommand};

use signpost::diagnostics::{self, Format};
use signpost::i18n::Lang;
use signpost::msg;

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
    /// The language signpost speaks in (default: the guide's default language when it is
    /// sv or en, else English)
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    lang: Option<Lang>,
    #[command(subcommand)]
    command: Command,
}

/// `signpost review`: the queue, or `review done` to record a review.
#[derive(clap::Args)]
#[command(args_conflicts_with_subcommands = true)]
struct ReviewCommand {
    #[command(subcommand)]
    action: Option<ReviewAction>,
    #[command(flatten)]
    queue: signpost::review::ReviewArgs,
}

#[derive(Subcommand)]
enum ReviewAction {
    /// Record a review: set last_reviewed and reviewed_by in each entry's file (only those lines change)
    Done(signpost::review_done::DoneArgs),
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
    /// Preview the guide in a browser, rebuilt and reloaded on every save
    Serve {
        /// Port to listen on (0: any free port)
        #[arg(long, short, default_value_t = 1111)]
        port: u16,
        /// Address to listen on; the default only accepts connections from this computer
        #[arg(long, default_value = "127.0.0.1", value_name = "ADDR")]
        bind: std::net::IpAddr,
        /// Leave out drafts and entries in review, as on the public site
        #[arg(long)]
        no_drafts: bool,
        /// Open the preview in the default browser
        #[arg(long)]
        open: bool,
        /// Judge review dates as of this day (YYYY-MM-DD) instead of today
        #[arg(long, value_parser = signpost::parse_date, value_name = "YYYY-MM-DD")]
        today: Option<NaiveDate>,
    },
    /// Check the guide, then write the site (only when there are no errors)
    Build {
        /// Where to write the site (relative to the guide root)
        #[arg(long, short, default_value = "public", value_name = "DIR")]
        output: PathBuf,
        /// Also build drafts and entries in review, with banners and noindex
        #[arg(long)]
        drafts: bool,
        /// Override base_url from config.toml (e.g. for a preview deployment)
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
        /// Judge review dates as of this day (YYYY-MM-DD) instead of today
        #[arg(long, value_parser = signpost::parse_date, value_name = "YYYY-MM-DD")]
        today: Option<NaiveDate>,
        /// Treat every warning as an error
        #[arg(long)]
        deny_warnings: bool,
        /// Publishing: overdue reviews never stop this build (the pages show their notice),
        /// even with review.overdue = "error" or --deny-warnings
        #[arg(long)]
        allow_overdue: bool,
        /// How to print problems found by the check
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
    },
    /// Create a challenge, solution, page or area, filled in as a draft that passes the check
    New {
        #[command(subcommand)]
        what: signpost::scaffold::NewCommand,
    },
    /// List what needs reviewing (overdue, due soon, in review), or record a review (`review done`)
    Review(ReviewCommand),
    /// Print the JSON Schema of the front matter of each kind of file
    Schema(signpost::schema::SchemaArgs),
    /// Make a new guide in DIR (default: the current folder), which must be empty
    Init(signpost::init::InitArgs),
    /// List the built-in theme's templates, or copy one into templates/ to change it
    Theme {
        #[command(subcommand)]
        what: Option<signpost::theme::ThemeCommand>,
    },
}

fn main() -> ExitCode {
    // Output piped into a program that stops reading (`signpost theme | head`) ends signpost
    // quietly, as it ends every other command-line tool, instead of a panic in `println!`.
    // SAFETY: restores the default action for one signal before any thread is started.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if !e.use_stderr() => {
            // --help and --version
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            // One line saying what is wrong, as for every other failure to run.
            let rendered = e.render().to_string();
            let mut lines = rendered.lines().skip_while(|l| l.trim().is_empty());
            let mut first = lines
                .next()
                .unwrap_or("invalid arguments")
                .trim_start_matches("error: ")
                .to_string();
            if first.ends_with(':') {
                // "the following required arguments were not provided:" lists them below.
                let listed: Vec<&str> = lines
                    .take_while(|l| !l.trim().is_empty())
                    .map(str::trim)
                    .collect();
                first = format!("{first} {}", listed.join(", "));
            }
            let values = rendered
                .lines()
                .find_map(|l| l.trim().strip_prefix("[possible values: "))
                .map(|v| format!("; possible values: {}", v.trim_end_matches(']')))
                .unwrap_or_default();
            // Before the arguments are read, only the environment can say the language.
            let lang = lang_from_args();
            let see = msg!("cli-see-help").text(lang);
            let said = explain_arguments(&e, lang).unwrap_or(format!("{first}{values}"));
            eprintln!("signpost: {said} ({see})");
            return ExitCode::from(2);
        }
    };
    if !matches!(cli.command, Command::Serve { .. }) {
        // A command that runs for a second or two keeps the memory it freed instead of
        // handing it back to the system after 10 ms and faulting it in again (zeroed) when
        // it allocates next: at 10,000 entries that was a quarter of a build's system time.
        // `serve` runs for hours and keeps the default.
        // SAFETY: sets a process-wide option; mimalloc allows it at any time.
        unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1) };
    }
    // The guide's language, read once from its config.toml (English if there is none).
    let lang = signpost::content::load::speaking(cli.lang, &cli.root);
    signpost::progress::speak(lang);
    let chosen = Some(lang);
    match cli.command {
        Command::New { what } => signpost::scaffold::cli(&cli.root, &what, chosen),
        Command::Review(ReviewCommand {
            action: Some(ReviewAction::Done(args)),
            ..
        }) => signpost::review_done::cli(&cli.root, &args, chosen),
        Command::Review(ReviewCommand { queue, .. }) => {
            signpost::review::cli(&cli.root, &queue, chosen)
        }
        Command::Schema(args) => signpost::schema::cli(&args),
        Command::Init(args) => signpost::init::cli(&args),
        Command::Theme { what } => signpost::theme::cli(&cli.root, what.as_ref()),
        Command::Serve {
            port,
            bind,
            no_drafts,
            open,
            today,
        } => {
            let opts = signpost::serve::ServeOptions {
                bind,
                port,
                drafts: !no_drafts,
                open,
                today: today.unwrap_or_else(signpost::today),
                lang: cli.lang,
            };
            match signpost::serve::run(&cli.root, opts) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("signpost: {}", e.text(lang));
                    ExitCode::from(2)
                }
            }
        }
        Command::Build {
            output,
            drafts,
            base_url,
            today,
            deny_warnings,
            allow_overdue,
            format,
        } => {
            let started = std::time::Instant::now();
            let opts = signpost::BuildOptions {
                output: output.clone(),
                drafts,
                base_url,
                today: today.unwrap_or_else(signpost::today),
                deny_warnings,
                allow_overdue,
            };
            let built = signpost::build(&cli.root, &opts);
            if let Some(guide) = &built.guide {
                // Problems go to stderr, so stdout stays clean for scripts; only print when there are any.
                if !built.report.diagnostics.is_empty() || format != Format::Human {
                    let out = render_report(
                        &built.report,
                        format,
                        lang,
                        guide,
                        &cli.root,
                        std::io::stderr().is_terminal(),
                    );
                    eprint!("{out}");
                }
            }
            match built.result {
                Ok(site) => {
                    let secs = started.elapsed().as_secs_f64();
                    let files = site.file_count();
                    let done = msg!(
                        "build-done",
                        pages = site.pages,
                        files = files,
                        output = output.display().to_string(),
                        seconds = format!("{secs:.2}")
                    );
                    println!("{}", done.text(lang));
                    ExitCode::SUCCESS
                }
                Err(signpost::BuildError::Check) => {
                    let says = msg!("build-has-errors", output = output.display().to_string());
                    eprintln!("signpost: {}", says.text(lang));
                    ExitCode::from(1)
                }
                Err(signpost::BuildError::Load(e)) => {
                    eprintln!("signpost: {}", e.msg().text(lang));
                    ExitCode::from(2)
                }
                Err(e) => {
                    eprintln!("signpost: {e}");
                    ExitCode::from(1)
                }
            }
        }
        Command::Check {
            format,
            today,
            deny_warnings,
        } => {
            let today = today.unwrap_or_else(signpost::today);
            let (guide, report) = match signpost::check(&cli.root, today, deny_warnings) {
                Ok(r) => r,
                Err(e) => {
                    eprintln!("signpost: {}", e.msg().text(lang));
                    return ExitCode::from(2);
                }
            };
            let out = render_report(
                &report,
                format,
                lang,
                &guide,
                &cli.root,
                std::io::stdout().is_terminal(),
            );
            let mut stdout = std::io::stdout().lock();
            let _ = stdout.write_all(out.as_bytes());
            let _ = stdout.flush();
            let code = ExitCode::from(u8::from(report.has_errors()));
            // The process ends here: freeing every document one by one (a few percent of
            // a check at 10,000 entries) would only give the memory back a moment before
            // the system takes all of it at once.
            std::mem::forget(guide);
            std::mem::forget(report);
            code
        }
    }
}

/// The language when the arguments as a whole could not be read: `--lang` if it can be
/// found, else the language of the guide in `--root` or the current folder.
fn lang_from_args() -> Lang {
    let args: Vec<String> = std::env::args().collect();
    let value = |name: &str| {
        let prefix = format!("{name}=");
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .map(String::as_str)
            .or_else(|| args.iter().find_map(|a| a.strip_prefix(prefix.as_str())))
    };
    let chosen = value("--lang").and_then(Lang::from_code);
    let root = PathBuf::from(value("--root").unwrap_or("."));
    signpost::content::load::speaking(chosen, &root)
}

/// The commonest mistakes with the arguments in the editor's language; `None` for the rest,
/// which keep the words of the argument parser (clap, in English).
fn explain_arguments(e: &clap::Error, lang: Lang) -> Option<String> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let context = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        // clap lists suggestions from the least to the most likely.
        Some(ContextValue::Strings(v)) if matches!(kind, ContextKind::SuggestedSubcommand) => {
            v.last().cloned()
        }
        Some(ContextValue::Strings(v)) => Some(v.join(", ")),
        _ => None,
    };
    let said = match e.kind() {
        ErrorKind::UnknownArgument => {
            let arg = context(ContextKind::InvalidArg)?;
            match context(ContextKind::SuggestedArg) {
                Some(s) => msg!("cli-unknown-argument-suggest", arg = arg, suggestion = s),
                None => msg!("cli-unknown-argument", arg = arg),
            }
        }
        ErrorKind::InvalidSubcommand => {
            let command = context(ContextKind::InvalidSubcommand)?;
            match context(ContextKind::SuggestedSubcommand) {
                Some(s) => msg!(
                    "cli-unknown-command-suggest",
                    command = command,
                    suggestion = s
                ),
                None => msg!("cli-unknown-command", command = command),
            }
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let arg = context(ContextKind::InvalidArg)?;
            let value = context(ContextKind::InvalidValue).unwrap_or_default();
            match context(ContextKind::ValidValue) {
                Some(valid) => msg!(
                    "cli-invalid-value-one-of",
                    arg = arg,
                    value = value,
                    valid = valid
                ),
                None => msg!("cli-invalid-value", arg = arg, value = value),
            }
        }
        ErrorKind::MissingRequiredArgument => {
            msg!("cli-missing", args = context(ContextKind::InvalidArg)?)
        }
        _ => return None,
    };
    Some(said.text(lang))
}

fn render_report(
    report: &signpost::Report,
    format: Format,
    lang: Lang,
    guide: &signpost::Guide,
    root: &std::path::Path,
    terminal: bool,
) -> String {
    let colour = format == Format::Human && terminal && std::env::var_os("NO_COLOR").is_none();
    diagnostics::render(
        report,
        format,
        lang,
        colour,
        &|path| {
            guide.source(path).map(str::to_owned).or_else(|| {
                // Templates are not part of the guide's content, but their lines are shown too.
                (path.starts_with("templates/") || path.starts_with("themes/"))
                    .then(|| std::fs::read_to_string(root.join(path)).ok())
                    .flatten()
            })
        },
        &github_prefix(root),
    )
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
