//! Loading: walk `content/`, read and parse every Markdown file in parallel, index the
//! result into a [`Guide`].
//!
//! Reading never stops at the first bad file: every problem becomes a diagnostic and the
//! file still registers its id (so a link to it does not cascade into more errors). Only a
//! missing or unreadable guide root, `config.toml` or `content/` stops loading.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

mod doc;

use doc::{normalise, read_doc};

use super::paths::{self, classify, Target};
use super::{AreaInfo, Doc, Guide, Role};
use crate::config::{self, Config};
use crate::diagnostics::{Code, Diagnostic};
use crate::fs_guard::{Jail, Refusal, MAX_TEXT_BYTES};
use crate::i18n::{Lang, Msg};
use crate::markdown;
use crate::msg;
use crate::text::{is_valid_id, slugify_id};

#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// Overrides `base_url` from config.toml (for `--base-url` and `serve`).
    pub base_url: Option<String>,
}

/// Why a guide could not be loaded at all.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("the guide root `{}` is not a readable folder", .0.display())]
    NotADirectory(PathBuf),
    #[error("no config.toml in `{}`: run signpost in a guide's folder or pass --root", .0.display())]
    NoConfig(PathBuf),
    #[error("no content/ folder in `{}`", .0.display())]
    NoContent(PathBuf),
    #[error("cannot read `{}`: {}", .0.display(), .1)]
    Io(PathBuf, std::io::Error),
}

impl LoadError {
    /// The error in the words of the message catalogues.
    pub fn msg(&self) -> Msg {
        let shown = |p: &Path| p.display().to_string();
        match self {
            LoadError::NotADirectory(p) => msg!("load-not-a-folder", root = shown(p)),
            LoadError::NoConfig(p) => msg!("load-no-config", root = shown(p)),
            LoadError::NoContent(p) => msg!("load-no-content", root = shown(p)),
            LoadError::Io(p, e) => msg!("cannot-read", file = shown(p), error = e.to_string()),
        }
    }
}

/// The language to speak to the editors of the guide at `root`: `chosen` (`--lang`), else
/// the guide's default language when signpost speaks it, else English (also when the guide
/// cannot be read).
pub fn speaking(chosen: Option<Lang>, root: &Path) -> Lang {
    match read_config(root) {
        Ok((config, _, _)) => Lang::for_guide(chosen, &config.default_language),
        Err(_) => chosen.unwrap_or_default(),
    }
}

/// Reads `config.toml` of a guide root. Problems inside the file are diagnostics; only a
/// missing or unreadable file is an error.
pub fn read_config(root: &Path) -> Result<(Config, String, Vec<Diagnostic>), LoadError> {
    if !root.is_dir() {
        return Err(LoadError::NotADirectory(root.to_path_buf()));
    }
    let path = root.join(config::FILE);
    let jail = Jail::new(root).map_err(|e| LoadError::Io(root.to_path_buf(), e))?;
    let text = match jail.read(&path, MAX_TEXT_BYTES) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(Refusal::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(LoadError::NoConfig(root.to_path_buf()))
        }
        Err(Refusal::Io(e)) => return Err(LoadError::Io(path, e)),
        Err(r) => {
            return Err(LoadError::Io(
                path,
                std::io::Error::other(r.message(config::FILE).text(crate::i18n::Lang::En)),
            ))
        }
    };
    let text = normalise(text);
    let (config, diags) = config::parse(&text);
    Ok((config, text, diags))
}

/// Loads the guide at `root`.
pub fn load(root: &Path, opts: &LoadOptions) -> Result<Guide, LoadError> {
    let (mut config, config_source, mut diagnostics) = read_config(root)?;
    let config_diags_fatal = diagnostics
        .iter()
        .any(|d| matches!(d.code, Code::TomlSyntax | Code::DuplicateField));
    if let Some(url) = &opts.base_url {
        if let Some(problem) = config::base_url_problem(url) {
            diagnostics.push(
                Diagnostic::new(
                    Code::InvalidValue,
                    msg!("base-url-option", problem = problem),
                )
                .hint(msg!("base-url-option-hint")),
            );
        }
        config.base_url = if url.ends_with('/') {
            url.clone()
        } else {
            format!("{url}/")
        };
    }
    let content = root.join("content");
    if !content.is_dir() {
        return Err(LoadError::NoContent(root.to_path_buf()));
    }
    let jail = Jail::new(root).map_err(|e| LoadError::Io(root.to_path_buf(), e))?;

    // Walk, and read each Markdown file as the walk meets it (on the other threads of the
    // pool, so the walk is not a step of its own); then sort, so results are deterministic
    // (sorted here rather than by walkdir, whose comparison parses each path again: 4 % of
    // `check`'s time at 10,000 entries).
    let mut area_dirs: Vec<String> = Vec::new();
    let mut assets: Vec<String> = Vec::new();
    let cx = LoadContext {
        root,
        jail: &jail,
        config: &config,
    };
    type Read = (String, (Option<Doc>, Vec<Diagnostic>));
    let read: std::sync::Mutex<Vec<Read>> = std::sync::Mutex::new(Vec::new());
    let tw = std::time::Instant::now();
    rayon::scope(|s| {
        // Links are followed only inside the guide, and only folders and regular files are
        // taken (fs_guard.rs): a refused entry is reported and, for a folder, not entered.
        let refused = std::cell::RefCell::new(Vec::new());
        let walker = WalkDir::new(&content)
            .follow_links(true)
            .into_iter()
            .filter_entry(|e| {
                if e.depth() > 0
                    && paths::is_ignored_name(
                        &e.file_name().to_string_lossy(),
                        e.file_type().is_dir(),
                    )
                {
                    return false;
                }
                match jail.check_entry(e) {
                    Ok(()) => true,
                    Err(r) => {
                        let rel = rel_path(root, e.path()).unwrap_or_else(|| "content".into());
                        refused.borrow_mut().push(refusal(&rel, &r));
                        false
                    }
                }
            });
        for entry in walker {
            match entry {
                Ok(e) => {
                    let Some(rel) = rel_path(&content, e.path()) else {
                        continue;
                    };
                    if e.file_type().is_dir() {
                        if e.depth() == 1 {
                            area_dirs.push(rel);
                        }
                    } else if rel.ends_with(".md") {
                        let (cx, read) = (&cx, &read);
                        s.spawn(move |_| {
                            let doc = read_doc(cx, &rel);
                            read.lock()
                                .unwrap_or_else(std::sync::PoisonError::into_inner)
                                .push((rel, doc));
                        });
                    } else {
                        assets.push(format!("content/{rel}"));
                    }
                }
                Err(e) => diagnostics.push(walk_error(root, &e)),
            }
        }
        diagnostics.extend(refused.into_inner());
    });
    crate::timing("walk and read", tw);
    let tr = std::time::Instant::now();
    // Folder by folder, as a walk sorted by name would meet them: `/` before any other
    // byte (no name holds a NUL).
    let by_folder =
        |s: &String| -> Vec<u8> { s.bytes().map(|b| if b == b'/' { 0 } else { b }).collect() };
    let mut read = read
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    read.sort_by_cached_key(|(rel, _)| by_folder(rel));
    area_dirs.sort_unstable();
    assets.sort_by_cached_key(by_folder);
    let files_read = read.len() + 1;
    let mut docs = Vec::with_capacity(read.len());
    for (_, (doc, diags)) in read {
        docs.extend(doc);
        diagnostics.extend(diags);
    }
    // A config.toml that could not be parsed leaves the site's languages unknown: do not
    // blame every translation for it.
    if config_diags_fatal {
        diagnostics.retain(|d| d.code != Code::UnknownLanguage);
    }
    crate::timing("sorted", tr);
    let ti = std::time::Instant::now();
    let mut guide = Guide {
        root: root.to_path_buf(),
        config,
        config_source,
        docs,
        by_path: HashMap::new(),
        originals: HashMap::new(),
        translations: HashMap::new(),
        areas: BTreeMap::new(),
        assets,
        diagnostics,
        files_read,
    };
    index(&mut guide, &area_dirs);
    crate::timing("index", ti);
    Ok(guide)
}

struct LoadContext<'a> {
    root: &'a Path,
    jail: &'a Jail,
    config: &'a Config,
}

fn rel_path(base: &Path, p: &Path) -> Option<String> {
    let rel = p.strip_prefix(base).ok()?;
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    Some(parts.join("/"))
}

fn walk_error(root: &Path, e: &walkdir::Error) -> Diagnostic {
    let path = e
        .path()
        .and_then(|p| rel_path(root, p))
        .unwrap_or_else(|| "content".into());
    let (message, hint) = match e.loop_ancestor() {
        Some(ancestor) => (
            msg!(
                "link-loop",
                file = &path,
                ancestor = rel_path(root, ancestor).unwrap_or_default()
            ),
            "link-loop-hint",
        ),
        None => (
            msg!(
                "cannot-read",
                file = &path,
                error = e
                    .io_error()
                    .map(|e| e.to_string())
                    .unwrap_or_else(|| e.to_string())
            ),
            match e.io_error().map(|e| e.kind()) {
                // A symbolic link whose target is gone.
                Some(std::io::ErrorKind::NotFound) => "dangling-link-hint",
                _ => "permissions-hint",
            },
        ),
    };
    Diagnostic::new(Code::ReadError, message)
        .file(path)
        .hint(Msg::new(hint))
}

/// The diagnostic for a file that [`Jail`] refuses to read.
fn refusal(path: &str, r: &Refusal) -> Diagnostic {
    let code = match r {
        Refusal::Outside { .. } => Code::LinkOutsideGuide,
        Refusal::NotRegular(_) => Code::NotAFile,
        Refusal::TooLarge { .. } => Code::LimitExceeded,
        Refusal::Io(_) => Code::ReadError,
    };
    Diagnostic::new(code, r.message(path))
        .file(path)
        .hint(r.hint())
}

impl Guide {
    /// The HTML of a document's body for its page, made now from its Markdown (bodies are
    /// not kept as HTML, see `markdown`): links to `.md` files and to files under
    /// `content/` and `static/` become their addresses on the site. Not sanitised: raw
    /// HTML (`Body::has_raw_html`) is the caller's to clean.
    pub fn body_html(&self, d: &Doc) -> String {
        let Some(body) = &d.body else {
            return String::new();
        };
        let base_path = self.config.base_path();
        let rewrite = |dest: &str| rewrite_link(&self.config, &base_path, &d.path, dest);
        markdown::html(d.source.get(body.start..).unwrap_or_default(), &rewrite)
    }

    /// A document's body, shared with its text rather than copied (for the search index).
    pub fn body_markdown(&self, d: &Doc) -> markdown::Markdown {
        markdown::Markdown::new(
            std::sync::Arc::clone(&d.source),
            d.body.as_ref().map_or(d.source.len(), |b| b.start),
        )
    }
}

/// A body link as a URL on the site: `.md` files become their page's URL, other files
/// under `content/` or `static/` their published address, `/x/` gets the base path.
fn rewrite_link(config: &Config, base_path: &str, from: &str, dest: &str) -> Option<String> {
    match paths::resolve(from, dest) {
        Target::Path { path, fragment } => {
            let frag = fragment.map(|f| format!("#{f}")).unwrap_or_default();
            if let Some(rel) = path.strip_prefix("content/") {
                if let Ok(Some(c)) = classify(rel) {
                    let lang = c.lang_suffix.as_deref().unwrap_or(&config.default_language);
                    let url = crate::routes::doc(
                        c.role.place(&c.id, c.area.as_deref()),
                        lang,
                        &config.default_language,
                    );
                    return Some(format!("{}{url}{frag}", base_path));
                }
                return Some(format!("{}{}{frag}", base_path, encode_path(rel)));
            }
            path.strip_prefix("static/")
                .map(|rel| format!("{}{}{frag}", base_path, encode_path(rel)))
        }
        Target::SiteUrl { url } if !url.starts_with(base_path) => Some(format!(
            "{}{}",
            base_path,
            dest.trim().trim_start_matches('/')
        )),
        _ => None,
    }
}

fn encode_path(p: &str) -> String {
    const SET: &percent_encoding::AsciiSet = &percent_encoding::CONTROLS
        .add(b' ')
        .add(b'"')
        .add(b'#')
        .add(b'%')
        .add(b'<')
        .add(b'>')
        .add(b'?');
    percent_encoding::utf8_percent_encode(p, SET).to_string()
}

impl Guide {
    /// Re-reads Markdown files that changed or were removed (paths relative to the guide
    /// root, `content/…`), for `serve`: only those files are read and parsed again. When
    /// every one of them is still there as the same document (same id, role, language, and
    /// not one of a duplicate pair), it is replaced where it was, and the documents it
    /// replaced are returned, by index: nothing else moves. Otherwise the indexes and the
    /// whole-guide diagnostics are rebuilt, documents may move, and nothing is returned. A
    /// new area folder or a changed `config.toml` needs a full [`load`].
    pub fn reload(&mut self, paths: &[String]) -> Option<Vec<(usize, Doc)>> {
        let jail = Jail::new(&self.root).ok()?;
        let config = self.config.clone();
        let root = self.root.clone();
        let cx = LoadContext {
            root: &root,
            jail: &jail,
            config: &config,
        };
        let mut read = Vec::with_capacity(paths.len());
        for path in paths {
            let (Some(&i), Some(rel)) = (self.by_path.get(path), path.strip_prefix("content/"))
            else {
                return self.reindex(paths, &jail);
            };
            if !self.root.join(path).exists() {
                return self.reindex(paths, &jail);
            }
            let (doc, diags) = read_doc(&cx, rel);
            let Some(doc) = doc else {
                return self.reindex(paths, &jail);
            };
            let old = &self.docs[i];
            let unique = if old.is_translation {
                self.translations.get(&(old.key(), old.lang.clone())) == Some(&i)
            } else {
                self.originals.get(&old.key()) == Some(&i)
            };
            let same = (&doc.id, doc.role, &doc.lang, doc.is_translation, &doc.area)
                == (&old.id, old.role, &old.lang, old.is_translation, &old.area);
            if !unique || !same {
                return self.reindex(paths, &jail);
            }
            read.push((i, doc, diags));
        }
        // What only the whole guide shows stays: it depends on nothing that changed.
        self.diagnostics
            .retain(|d| whole_guide(d) || !d.file.as_ref().is_some_and(|f| paths.contains(f)));
        let mut replaced = Vec::with_capacity(read.len());
        for (i, doc, diags) in read {
            self.diagnostics.extend(diags);
            replaced.push((i, std::mem::replace(&mut self.docs[i], doc)));
        }
        Some(replaced)
    }

    /// [`Guide::reload`] when documents may have come, gone or changed identity: the
    /// saved files are read again and every index is rebuilt.
    fn reindex(&mut self, paths: &[String], jail: &Jail) -> Option<Vec<(usize, Doc)>> {
        let config = self.config.clone();
        let root = self.root.clone();
        let cx = LoadContext {
            root: &root,
            jail,
            config: &config,
        };
        self.diagnostics
            .retain(|d| !whole_guide(d) && !d.file.as_ref().is_some_and(|f| paths.contains(f)));
        self.docs.retain(|d| !paths.contains(&d.path));
        for path in paths {
            let Some(rel) = path.strip_prefix("content/") else {
                continue;
            };
            if !self.root.join(path).exists() {
                continue;
            }
            let (doc, diags) = read_doc(&cx, rel);
            self.docs.extend(doc);
            self.diagnostics.extend(diags);
        }
        self.docs.sort_by(|a, b| a.path.cmp(&b.path));
        self.files_read = self.docs.len() + 1;
        let area_dirs: Vec<String> = self.areas.keys().cloned().collect();
        self.by_path.clear();
        self.originals.clear();
        self.translations.clear();
        self.areas.clear();
        index(self, &area_dirs);
        None
    }
}

/// A diagnostic that only the whole guide shows (made by [`index`]), not a file alone.
fn whole_guide(d: &Diagnostic) -> bool {
    matches!(
        d.code,
        Code::DuplicateId | Code::OrphanTranslation | Code::MissingAreaFile
    ) || (d.code == Code::InvalidId && d.file.as_deref().is_some_and(|f| f.ends_with('/')))
}

/// Builds the indexes and reports what only the whole guide shows: duplicate ids, orphan
/// translations, area folders without `_area.md`.
fn index(guide: &mut Guide, area_dirs: &[String]) {
    let mut diags = Vec::new();
    for area in area_dirs {
        guide.areas.insert(area.clone(), AreaInfo::default());
    }
    for (i, doc) in guide.docs.iter().enumerate() {
        guide.by_path.insert(doc.path.clone(), i);
        let key = doc.key();
        if doc.is_translation {
            let k = (key, doc.lang.clone());
            if let Some(&first) = guide.translations.get(&k) {
                diags.push(duplicate(&guide.docs[first], doc));
            } else {
                guide.translations.insert(k, i);
            }
            continue;
        }
        if let Some(&first) = guide.originals.get(&key) {
            diags.push(duplicate(&guide.docs[first], doc));
            continue;
        }
        guide.originals.insert(key, i);
        if doc.role == Role::Area {
            guide.areas.entry(doc.id.clone()).or_default().doc = Some(i);
        }
    }
    for (name, area) in &guide.areas {
        if area.doc.is_none() && !is_valid_id(name) {
            diags.push(
                Diagnostic::new(
                    Code::InvalidId,
                    msg!("invalid-area-name", id = name.as_str()),
                )
                .file(format!("content/{name}/"))
                .hint(msg!("invalid-id-rename", suggestion = slugify_id(name))),
            );
        }
        if area.doc.is_none() {
            diags.push(
                Diagnostic::new(
                    Code::MissingAreaFile,
                    msg!("missing-area-file", area = name.as_str()),
                )
                .file(format!("content/{name}/"))
                .hint(msg!("missing-area-file-hint", area = name.as_str())),
            );
        }
    }
    for ((key, lang), &i) in &guide.translations {
        if !guide.originals.contains_key(key) {
            let doc = &guide.docs[i];
            let original = doc.path.replace(&format!(".{lang}.md"), ".md");
            diags.push(
                Diagnostic::new(
                    Code::OrphanTranslation,
                    msg!("orphan-translation", original = original),
                )
                .file(&doc.path)
                .hint(msg!("orphan-translation-hint")),
            );
        }
    }
    guide.diagnostics.extend(diags);
}

fn duplicate(first: &Doc, second: &Doc) -> Diagnostic {
    let key = match second.role {
        Role::Area => "duplicate-area",
        Role::Home => "duplicate-home",
        _ => "duplicate-id",
    };
    Diagnostic::new(
        Code::DuplicateId,
        Msg::new(key)
            .arg("id", second.id.as_str())
            .arg("first", first.path.as_str()),
    )
    .file(&second.path)
    .hint(msg!("duplicate-id-hint"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Files are read in parallel as the walk meets them, in whatever order the file
    /// system lists them; the guide still has them folder by folder, each folder's names
    /// in order, so every result (the first of two duplicates, say) is the same each run.
    #[test]
    fn documents_come_folder_by_folder_whatever_the_walk() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::write(root.join("config.toml"), "title = \"T\"\n").unwrap();
        let files = [
            "content/a/z.md",
            "content/a/b/c.md",
            "content/a-b/a.md",
            "content/a.md",
            "content/ab/x.md",
        ];
        for f in files {
            let path = root.join(f);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "---\ntitle: T\n---\n").unwrap();
        }
        let guide = load(root, &LoadOptions::default()).unwrap();
        let paths: Vec<&str> = guide.docs.iter().map(|d| d.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "content/a/b/c.md",
                "content/a/z.md",
                "content/a-b/a.md",
                "content/a.md",
                "content/ab/x.md",
            ]
        );
        assert_eq!(guide.files_read, files.len() + 1);
    }
}
