//! `signpost init [DIR]`: a new guide in an empty folder, ready to check, build and publish.
//!
//! It writes `config.toml` (title, base_url and languages from the options, else
//! placeholders that say what to change), the home page, a first area, an about page and an
//! accessibility statement with the headings DIGG's model statement has (as drafts, to be
//! filled in and reviewed), `.gitignore`, a short README for editors in the guide's
//! language, and `.github/` (the check and publish workflows, which install a released
//! signpost through this repository's `action.yml`, and `dependabot.yml`). The result checks
//! and builds without a warning; the tests hold it to that.
//!
//! The texts exist in Swedish and English, the languages the built-in theme has UI strings
//! for; the guide's default language (the first of `--languages`) picks them.
//!
//! It refuses a folder that has anything in it (a dot-file too), so it never overwrites or
//! mixes with existing work. It is not `signpost new` (one file in an existing guide).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The GitHub repository of signpost (`owner/name`), from Cargo.toml's `repository`: where
/// its releases and its `action.yml` are.
pub fn repository() -> &'static str {
    env!("CARGO_PKG_REPOSITORY")
        .trim_start_matches("https://github.com/")
        .trim_end_matches('/')
}

/// The commit this signpost was built from (`build.rs`), which the workflows `init` writes
/// pin signpost's action to; empty when it could not be known.
pub const COMMIT: &str = env!("SIGNPOST_COMMIT");

pub use crate::actions::{pinned, PINNED_ACTIONS};

/// `uses:` value of signpost's own action at the commit of this build.
pub fn signpost_action() -> String {
    let version = env!("CARGO_PKG_VERSION");
    if COMMIT.len() == 40 {
        format!("{}@{COMMIT} # v{version}", repository())
    } else {
        // Built outside git: a tag, which the guide's maintainer should pin (docs/hosting.md).
        format!("{}@v{version}", repository())
    }
}

/// Languages the built-in theme has UI strings (and `init` texts) for.
pub const LANGUAGES: &[&str] = &["sv", "en"];

/// What `signpost init` is asked.
#[derive(Debug, Clone, clap::Args)]
pub struct InitArgs {
    /// The folder to make the guide in; it must be empty or not exist yet
    #[arg(default_value = ".", value_name = "DIR")]
    pub dir: PathBuf,
    /// The guide's name, shown on every page (default: a placeholder to change)
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,
    /// The address the site will have, e.g. https://guide.example.org/ (default: a placeholder)
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
    /// The guide's languages, the default first (sv and en are supported)
    #[arg(
        long,
        value_delimiter = ',',
        default_value = "sv",
        value_name = "LANG,…"
    )]
    pub languages: Vec<String>,
}

/// One file `init` writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct File {
    /// Relative to the guide folder, with `/`.
    pub path: String,
    pub text: String,
}

/// The files of a new guide, without writing anything; refuses unusable options.
pub fn files(args: &InitArgs) -> Result<Vec<File>, String> {
    let langs: Vec<String> = args
        .languages
        .iter()
        .map(|l| l.trim().to_string())
        .collect();
    if langs.is_empty() || langs.iter().any(String::is_empty) {
        return Err("`--languages` needs at least one language, e.g. `--languages sv`".into());
    }
    for l in &langs {
        if !LANGUAGES.contains(&l.as_str()) {
            return Err(format!(
                "the built-in theme has no texts in \"{l}\"; it supports {} (a guide in \
                 another language needs its own theme, see docs/content-format.md)",
                LANGUAGES.join(" and ")
            ));
        }
    }
    for (i, l) in langs.iter().enumerate() {
        if langs[..i].contains(l) {
            return Err(format!("`--languages` names \"{l}\" twice"));
        }
    }
    let t = texts(&langs[0]);
    let title = match &args.title {
        Some(s) if s.trim().is_empty() => return Err("`--title` is empty".into()),
        Some(s) => s.trim().to_string(),
        None => t.title_placeholder.to_string(),
    };
    let base_url = match &args.base_url {
        Some(u) => {
            let u = u.trim();
            if !(u.starts_with("https://") || u.starts_with("http://")) || u.contains(' ') {
                return Err(format!(
                    "`--base-url {u}` is not a web address; give the full address, e.g. \
                     https://guide.example.org/"
                ));
            }
            if u.ends_with('/') {
                u.to_string()
            } else {
                format!("{u}/")
            }
        }
        None => "https://example.org/".to_string(),
    };
    let quoted = |s: &str| toml::Value::String(s.to_string()).to_string();
    let lang_list = langs
        .iter()
        .map(|l| quoted(l))
        .collect::<Vec<_>>()
        .join(", ");
    let mut config = String::new();
    config.push_str(t.config_comment);
    if args.title.is_none() {
        config.push_str(t.change_title);
    }
    config.push_str(&format!("title = {}\n", quoted(&title)));
    config.push_str(&format!(
        "description = {}\n",
        quoted(&t.description.replace("{title}", &title))
    ));
    if args.base_url.is_none() {
        config.push_str(t.change_base_url);
    }
    config.push_str(&format!("base_url = {}\n", quoted(&base_url)));
    config.push_str(&format!(
        "default_language = {}\nlanguages = [{lang_list}]\n",
        quoted(&langs[0])
    ));
    config.push_str(
        "\n[review]\ninterval_months = 12\ndue_soon_days = 30\noverdue = \"warning\"\n\n\
         [search]\nenabled = true\n",
    );

    let fill = |s: &str| s.replace("{title}", &title);
    let yaml_title = |s: &str| yaml_string(&fill(s));
    let mut out = vec![
        File {
            path: "config.toml".into(),
            text: config,
        },
        File {
            path: "content/_index.md".into(),
            text: format!(
                "---\ntitle: {}\nsummary: {}\n---\n\n{}",
                yaml_string(&title),
                yaml_title(t.home_summary),
                fill(t.home_body)
            ),
        },
        File {
            path: format!("content/{}/_area.md", t.area_id),
            text: format!(
                "---\ntitle: {}\nsummary: {}\norder: 1\n---\n\n{}",
                yaml_string(t.area_title),
                yaml_string(t.area_summary),
                t.area_body
            ),
        },
        File {
            path: format!("content/{}.md", t.about_id),
            text: page(
                t.about_title,
                t.about_summary,
                1,
                &fill(t.about_body),
                &fill,
            ),
        },
        File {
            path: format!("content/{}.md", t.a11y_id),
            text: page(t.a11y_title, t.a11y_summary, 2, &fill(t.a11y_body), &fill),
        },
        File {
            path: ".gitignore".into(),
            text: "/public\n".into(),
        },
        File {
            path: "README.md".into(),
            text: fill(t.readme)
                .replace("{area}", t.area_id)
                .replace("{about}", t.about_id)
                .replace("{a11y}", t.a11y_id)
                .replace("{repo}", repository()),
        },
    ];
    let checkout = pinned("actions/checkout");
    let workflow = |text: &str| {
        text.replace("{{CHECKOUT}}", &checkout)
            .replace("{{SIGNPOST_ACTION}}", &signpost_action())
            .replace("{{CONFIGURE_PAGES}}", &pinned("actions/configure-pages"))
            .replace(
                "{{UPLOAD_PAGES_ARTIFACT}}",
                &pinned("actions/upload-pages-artifact"),
            )
            .replace("{{DEPLOY_PAGES}}", &pinned("actions/deploy-pages"))
    };
    out.push(File {
        path: ".github/workflows/check.yml".into(),
        text: workflow(include_str!("init/check.yml")),
    });
    out.push(File {
        path: ".github/workflows/publish.yml".into(),
        text: workflow(include_str!("init/publish.yml")),
    });
    out.push(File {
        path: ".github/dependabot.yml".into(),
        text: include_str!("init/dependabot.yml").to_string(),
    });
    // The issue forms for proposals and error reports, and the weekly review reminder,
    // installing signpost as the other workflows do.
    let install = format!("      - uses: {}\n", signpost_action());
    for (path, text) in crate::forms::files(
        &langs[0],
        crate::repository::Host::GitHub,
        &crate::forms::Install::Steps(&install),
    ) {
        out.push(File { path, text });
    }
    Ok(out)
}

/// A page's file: a draft whose text is to be filled in.
fn page(
    title: &str,
    summary: &str,
    order: u32,
    body: &str,
    fill: &dyn Fn(&str) -> String,
) -> String {
    format!(
        "---\ntype: page\ntitle: {}\nsummary: {}\norder: {order}\nstatus: draft\nowner: {}\n---\n\n{body}",
        yaml_string(&fill(title)),
        yaml_string(&fill(summary)),
        yaml_string(&fill("{title}")),
    )
}

/// A YAML double-quoted string (JSON's escaping is valid YAML).
fn yaml_string(s: &str) -> String {
    serde_json::Value::String(s.to_string()).to_string()
}

/// Makes the guide: checks the folder is empty, then writes every file.
pub fn create(args: &InitArgs) -> Result<Vec<File>, String> {
    let files = files(args)?;
    let dir = &args.dir;
    match std::fs::read_dir(dir) {
        Ok(mut entries) => {
            if let Some(first) = entries.next() {
                let name = first
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .unwrap_or_default();
                return Err(format!(
                    "`{}` is not empty (it has `{name}`, among others perhaps); `signpost init` \
                     only makes a guide in an empty or new folder, so nothing was written",
                    dir.display()
                ));
            }
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotADirectory => {
            return Err(format!("`{}` is a file, not a folder", dir.display()));
        }
        Err(e) => return Err(format!("cannot read `{}`: {e}", dir.display())),
    }
    for f in &files {
        let path = dir.join(&f.path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| format!("cannot create `{}`: {e}", parent.display()))?;
        }
        write_new(&path, &f.text)?;
    }
    Ok(files)
}

fn write_new(path: &Path, text: &str) -> Result<(), String> {
    use std::io::Write as _;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| format!("cannot write `{}`: {e}", path.display()))?;
    file.write_all(text.as_bytes())
        .map_err(|e| format!("cannot write `{}`: {e}", path.display()))
}

/// Runs `signpost init`: 0 when the guide was made, 2 when nothing was written.
pub fn cli(args: &InitArgs) -> ExitCode {
    match create(args) {
        Ok(files) => {
            let t = texts(args.languages.first().map_or("sv", |l| l.trim()));
            for f in &files {
                println!("{}", args.dir.join(&f.path).display());
            }
            let dir = args.dir.display().to_string();
            eprintln!("{}", t.done.replace("{dir}", &dir));
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("signpost: {e}");
            ExitCode::from(2)
        }
    }
}

/// The texts of a new guide in one language.
struct Texts {
    title_placeholder: &'static str,
    config_comment: &'static str,
    change_title: &'static str,
    change_base_url: &'static str,
    description: &'static str,
    home_summary: &'static str,
    home_body: &'static str,
    area_id: &'static str,
    area_title: &'static str,
    area_summary: &'static str,
    area_body: &'static str,
    about_id: &'static str,
    about_title: &'static str,
    about_summary: &'static str,
    about_body: &'static str,
    a11y_id: &'static str,
    a11y_title: &'static str,
    a11y_summary: &'static str,
    a11y_body: &'static str,
    readme: &'static str,
    done: &'static str,
}

fn texts(lang: &str) -> Texts {
    if lang == "en" {
        Texts {
            title_placeholder: "New guide",
            config_comment: "# The guide's settings: docs/content-format.md in signpost's repository lists them all.\n",
            change_title: "# CHANGE: the guide's name, shown on every page.\n",
            change_base_url: "# CHANGE: the address the site will have. (On GitHub Pages the publish workflow sets it.)\n",
            description: "{title}: challenges and solutions, reviewed and kept current.",
            home_summary: "{title} collects challenges and the solutions that help with them, reviewed and kept current.",
            home_body: include_str!("init/en/home.md"),
            area_id: "first-area",
            area_title: "First area",
            area_summary: "An area groups the challenges and solutions of one field of work. Rename this one, or add more.",
            area_body: include_str!("init/en/area.md"),
            about_id: "about",
            about_title: "About {title}",
            about_summary: "What {title} is, who keeps it, how its content is reviewed and how to contribute.",
            about_body: include_str!("init/en/about.md"),
            a11y_id: "accessibility",
            a11y_title: "Accessibility of {title}",
            a11y_summary: "How accessible {title} is, the known shortcomings, and how to report a problem.",
            a11y_body: include_str!("init/en/accessibility.md"),
            readme: include_str!("init/en/README.md"),
            done: "signpost: made a new guide in `{dir}`. Next: fill in the places marked CHANGE and [fill in], then `signpost serve` to preview (README.md says more).",
        }
    } else {
        Texts {
            title_placeholder: "Ny guide",
            config_comment: "# Guidens inställningar. Alla finns beskrivna i signposts docs/content-format.md.\n",
            change_title: "# ÄNDRA: guidens namn, som visas på varje sida.\n",
            change_base_url: "# ÄNDRA: adressen som webbplatsen får. (På GitHub Pages sätter publiceringsflödet den.)\n",
            description: "{title}: utmaningar och lösningar, granskade och hållna aktuella.",
            home_summary: "{title} samlar utmaningar och lösningar som hjälper mot dem, granskade och hållna aktuella.",
            home_body: include_str!("init/sv/home.md"),
            area_id: "forsta-omradet",
            area_title: "Första området",
            area_summary: "Ett område samlar utmaningar och lösningar inom en verksamhet. Byt namn på det här eller lägg till fler.",
            area_body: include_str!("init/sv/area.md"),
            about_id: "om-guiden",
            about_title: "Om {title}",
            about_summary: "Vad {title} är, vem som ansvarar för den, hur innehållet granskas och hur du bidrar.",
            about_body: include_str!("init/sv/about.md"),
            a11y_id: "tillganglighet",
            a11y_title: "Tillgänglighet för {title}",
            a11y_summary: "Tillgänglighetsredogörelse för {title}: hur tillgänglig webbplatsen är, kända brister och hur du rapporterar problem.",
            a11y_body: include_str!("init/sv/accessibility.md"),
            readme: include_str!("init/sv/README.md"),
            done: "signpost: en ny guide finns nu i `{dir}`. Fyll i det som är märkt ÄNDRA och [fyll i], och förhandsgranska med `signpost serve` (mer i README.md).",
        }
    }
}
