//! Which theme a guide is rendered with, where each of its files comes from, and the
//! `signpost theme` command that lists and copies the built-in templates.
//!
//! The default theme (`themes/default/` in signpost's own repository) is compiled into the
//! binary with `include_dir`, so a guide needs only `config.toml` and `content/`. A theme is
//! found like this:
//!
//! - `themes/<name>/` in the guide's folder, when it exists, is the theme: an own theme, or a
//!   copy of the default one. It is used as it is, whole (its `templates/`, `strings/` and
//!   `static/`), never mixed with the built-in theme.
//! - Otherwise `default` is the built-in theme, and any other name is an error.
//!
//! Over the theme, the guide's `templates/<name>` replaces the theme's template of that name,
//! and a file in the guide's `static/` replaces the theme's static file at the same path.
//!
//! This module only says where the files are. It does not compile templates
//! (`render/templates.rs`), does not judge them (`check/templates.rs`) and writes nothing
//! but the copy `signpost theme copy` asks for.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use include_dir::{include_dir, Dir};

/// The default theme's files, compiled in. `build.rs` makes Cargo rebuild when they change.
static BUILT_IN: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// The name of the built-in theme in `config.toml`.
pub const BUILT_IN_NAME: &str = "default";

/// Where the guide's overrides of single templates live, relative to the guide root.
pub const OVERRIDES: &str = "templates";

/// Where the guide's own static files live, relative to the guide root.
pub const OWN_STATIC: &str = "static";

/// The theme a guide uses.
#[derive(Debug, Clone)]
pub enum Theme {
    /// The default theme compiled into signpost.
    BuiltIn,
    /// `themes/<name>/` in the guide's folder (the path is absolute or root-joined).
    Folder { name: String, dir: PathBuf },
}

/// The bytes of a theme file: compiled in, or on disk.
#[derive(Debug, Clone)]
pub enum Contents {
    BuiltIn(&'static [u8]),
    Disk(PathBuf),
}

/// One file of the theme or of the guide's overrides.
#[derive(Debug, Clone)]
pub struct ThemeFile {
    /// The path inside its section (`partials/card.html`, `assets/signpost.css`).
    pub name: String,
    /// Where it comes from, for messages: a path relative to the guide root
    /// (`templates/page.html`, `themes/mine/templates/page.html`) or, for the built-in
    /// theme, `the built-in theme's templates/page.html`.
    pub origin: String,
    /// The path relative to the guide root when the file is one of the guide's own.
    pub guide_path: Option<String>,
    pub contents: Contents,
}

impl ThemeFile {
    pub fn read(&self) -> std::io::Result<Vec<u8>> {
        match &self.contents {
            Contents::BuiltIn(bytes) => Ok(bytes.to_vec()),
            // Walked and checked by `disk_files`; read only as a regular file (a FIFO put in
            // its place since would block).
            Contents::Disk(path) => {
                if !std::fs::metadata(path)?.is_file() {
                    return Err(std::io::Error::other("not a regular file"));
                }
                std::fs::read(path)
            }
        }
    }

    pub fn read_text(&self) -> Result<String, String> {
        let bytes = self
            .read()
            .map_err(|e| format!("cannot read `{}`: {e}", self.origin))?;
        String::from_utf8(bytes).map_err(|_| format!("`{}` is not UTF-8 text", self.origin))
    }
}

impl Theme {
    /// The theme named in `config.toml` for the guide at `root`.
    /// The error is a message for the editor (in the catalogues).
    pub fn resolve(root: &Path, name: &str) -> Result<Theme, crate::i18n::Msg> {
        use crate::msg;
        if name.is_empty() || name.starts_with('.') || name.contains(['/', '\\', ':']) {
            return Err(msg!(
                "theme-bad-name",
                name = name,
                built_in = BUILT_IN_NAME
            ));
        }
        let dir = root.join("themes").join(name);
        if dir.is_dir() {
            // A theme folder that is a link out of the guide is not read.
            if let Ok(jail) = crate::fs_guard::Jail::new(root) {
                if let Err(r @ crate::fs_guard::Refusal::Outside { .. }) = jail.inside(&dir) {
                    return Err(r.message(&format!("themes/{name}")));
                }
            }
            return Ok(Theme::Folder {
                name: name.to_string(),
                dir,
            });
        }
        if name == BUILT_IN_NAME {
            return Ok(Theme::BuiltIn);
        }
        Err(msg!("theme-missing", name = name, built_in = BUILT_IN_NAME))
    }

    /// The theme's files under `section` (`templates`, `static`, `strings`), sorted by name.
    pub fn files(&self, section: &str) -> Result<Vec<ThemeFile>, String> {
        match self {
            Theme::BuiltIn => {
                let mut out = Vec::new();
                if let Some(dir) = BUILT_IN.get_dir(section) {
                    built_in_files(dir, section, &mut out);
                }
                out.sort_by(|a, b| a.name.cmp(&b.name));
                Ok(out)
            }
            Theme::Folder { name, dir } => {
                let prefix = format!("themes/{name}/{section}");
                // `themes/<name>/` is two folders below the guide root.
                let root = dir.parent().and_then(Path::parent).unwrap_or(dir);
                disk_files(root, &dir.join(section), &prefix, false)
            }
        }
    }

    /// The theme's UI strings for `lang`: the text and where it comes from.
    pub fn strings(&self, lang: &str) -> Result<Option<(String, String)>, String> {
        let file = format!("{lang}.toml");
        self.files("strings")?
            .into_iter()
            .find(|f| f.name == file)
            .map(|f| f.read_text().map(|t| (t, f.origin.clone())))
            .transpose()
    }

    /// How the theme is named in messages.
    pub fn describe(&self) -> String {
        match self {
            Theme::BuiltIn => "the built-in theme `default`".to_string(),
            Theme::Folder { name, .. } => format!("the theme in `themes/{name}/`"),
        }
    }
}

fn built_in_files(dir: &'static Dir<'static>, section: &str, out: &mut Vec<ThemeFile>) {
    for file in dir.files() {
        let path = file.path().to_string_lossy().replace('\\', "/");
        let name = path
            .strip_prefix(&format!("{section}/"))
            .unwrap_or(&path)
            .to_string();
        if name.split('/').any(|p| p.starts_with('.')) {
            continue;
        }
        out.push(ThemeFile {
            origin: format!("the built-in theme's {path}"),
            name,
            guide_path: None,
            contents: Contents::BuiltIn(file.contents()),
        });
    }
    for sub in dir.dirs() {
        built_in_files(sub, section, out);
    }
}

/// The files below `dir` (none when it does not exist), skipping names that start with `.`.
fn disk_files(root: &Path, dir: &Path, prefix: &str, own: bool) -> Result<Vec<ThemeFile>, String> {
    let mut out = Vec::new();
    if !dir.is_dir() {
        return Ok(out);
    }
    // Never a file outside the guide, never a FIFO or a device (fs_guard.rs).
    let jail = crate::fs_guard::Jail::new(root)
        .map_err(|e| format!("cannot read the guide folder: {e}"))?;
    for entry in walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
    {
        let entry = entry.map_err(|e| format!("cannot read `{prefix}/`: {e}"))?;
        if let Err(r) = jail.check_entry(&entry) {
            let shown = entry.path().strip_prefix(root).unwrap_or(entry.path());
            return Err(r
                .message(&shown.display().to_string())
                .text(crate::i18n::Lang::En));
        }
        if !entry.file_type().is_file() {
            continue;
        }
        let name = entry
            .path()
            .strip_prefix(dir)
            .expect("walked below dir")
            .to_string_lossy()
            .replace('\\', "/");
        if name.split('/').any(|p| p.starts_with('.')) {
            continue;
        }
        let origin = format!("{prefix}/{name}");
        out.push(ThemeFile {
            guide_path: (own || prefix.starts_with("themes/")).then(|| origin.clone()),
            origin,
            name,
            contents: Contents::Disk(entry.path().to_path_buf()),
        });
    }
    Ok(out)
}

/// Whether a file under `templates/` is a template (others are ignored).
pub fn is_template(name: &str) -> bool {
    name.ends_with(".html") || name.ends_with(".xml")
}

/// The templates the guide is rendered with, by name: the theme's, each replaced by the
/// guide's `templates/<name>` when there is one.
pub fn templates(root: &Path, theme: &Theme) -> Result<BTreeMap<String, ThemeFile>, String> {
    let mut out: BTreeMap<String, ThemeFile> = BTreeMap::new();
    let theme_files = theme.files("templates")?;
    if theme_files.is_empty() {
        return Err(format!("{} has no templates", theme.describe()));
    }
    for f in
        theme_files
            .into_iter()
            .chain(disk_files(root, &root.join(OVERRIDES), OVERRIDES, true)?)
    {
        if is_template(&f.name) {
            out.insert(f.name.clone(), f);
        }
    }
    Ok(out)
}

/// The static files copied to the output root: the theme's, each replaced by the guide's
/// `static/` file at the same path.
pub fn static_files(root: &Path, theme: &Theme) -> Result<BTreeMap<String, ThemeFile>, String> {
    let mut out: BTreeMap<String, ThemeFile> = BTreeMap::new();
    for f in theme.files("static")?.into_iter().chain(disk_files(
        root,
        &root.join(OWN_STATIC),
        OWN_STATIC,
        true,
    )?) {
        out.insert(f.name.clone(), f);
    }
    Ok(out)
}

/// The names of the built-in theme's templates, sorted.
pub fn built_in_templates() -> Vec<String> {
    Theme::BuiltIn
        .files("templates")
        .unwrap_or_default()
        .into_iter()
        .map(|f| f.name)
        .filter(|n| is_template(n))
        .collect()
}

/// Copies the built-in template `name` to the guide's `templates/<name>`, never overwriting.
/// Gives the path written, relative to the root.
pub fn copy_template(root: &Path, name: &str) -> Result<String, String> {
    let name = name.trim_start_matches("templates/").replace('\\', "/");
    let Some(file) = Theme::BuiltIn
        .files("templates")?
        .into_iter()
        .find(|f| f.name == name)
    else {
        let names = built_in_templates();
        let hint = crate::diagnostics::did_you_mean(&name, names.iter().map(String::as_str))
            .map(|s| format!(" (did you mean `{s}`?)"))
            .unwrap_or_default();
        return Err(format!(
            "the built-in theme has no template `{name}`{hint}; `signpost theme` lists them"
        ));
    };
    let rel = format!("{OVERRIDES}/{name}");
    let target = root.join(&rel);
    if target.exists() {
        return Err(format!(
            "`{rel}` exists already; it was not changed (remove or rename it to copy the \
             built-in one again)"
        ));
    }
    let bytes = file.read().map_err(|e| e.to_string())?;
    if let Some(parent) = target.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|e| format!("cannot create `{}`: {e}", parent.display()))?;
    }
    // create_new: a file that appeared meanwhile is still never overwritten.
    use std::io::Write as _;
    let mut out = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&target)
        .map_err(|e| format!("cannot write `{rel}`: {e}"))?;
    out.write_all(&bytes)
        .map_err(|e| format!("cannot write `{rel}`: {e}"))?;
    Ok(rel)
}

/// `signpost theme`: what it is asked.
#[derive(Debug, clap::Subcommand)]
pub enum ThemeCommand {
    /// List the built-in templates, marking those the guide overrides (the default)
    List,
    /// Copy built-in templates into the guide's templates/ to change them (never overwrites)
    Copy {
        /// Template names as listed, e.g. page.html or partials/footer.html
        #[arg(required = true, value_name = "TEMPLATE")]
        names: Vec<String>,
    },
}

/// Runs `signpost theme`; the exit code is 0, or 1 when a copy was refused (as `new`).
pub fn cli(root: &Path, command: Option<&ThemeCommand>) -> ExitCode {
    match command.unwrap_or(&ThemeCommand::List) {
        ThemeCommand::List => {
            println!(
                "Templates of the built-in theme (copy one with `signpost theme copy NAME`, \
                 then edit templates/NAME):"
            );
            for name in built_in_templates() {
                let own = root.join(OVERRIDES).join(&name).is_file();
                if own {
                    println!("  {name}  (overridden by {OVERRIDES}/{name})");
                } else {
                    println!("  {name}");
                }
            }
            ExitCode::SUCCESS
        }
        ThemeCommand::Copy { names } => {
            let mut failed = false;
            for name in names {
                match copy_template(root, name) {
                    Ok(rel) => println!("{rel}"),
                    Err(e) => {
                        eprintln!("signpost: {e}");
                        failed = true;
                    }
                }
            }
            if failed {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
    }
}
