//! Following the guide's files for `serve`: a notify watcher on `config.toml`, `content/`,
//! `themes/`, `templates/` and `static/`, its events gathered into one batch per save, and
//! each batch sorted into the [`Work`] it needs.
//!
//! Sorting is a pure function of the reported paths ([`classify`]), tested on its own. What
//! the work then does is the engine's business (`engine.rs`), which pages it touches the
//! plan's (`plan.rs`).
//!
//! The batching is four lines here rather than `notify-debouncer-full`: that crate would
//! walk and keep the file ids of the whole `content/` tree (100,000 files in a large
//! guide) to pair renames, which `serve` does not need, since a save by rename is seen as
//! a change to the file's path either way.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc};
use std::time::Duration;

use notify::{RecommendedWatcher, RecursiveMode, Watcher};

/// The folders below the guide root that `serve` follows, besides `content/`.
const FOLLOWED: [&str; 3] = ["themes", "templates", "static"];

/// Editors save in several steps (write a temporary file, rename it over the original):
/// events this close together are one save.
const QUIET: Duration = Duration::from_millis(15);

/// What a batch of changes needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Work {
    /// Load, check and render everything (config, templates, theme, folders).
    Full,
    /// Static files or assets changed: the list of files to copy, nothing to render.
    Static,
    /// Markdown files changed (paths relative to the root, `content/…`).
    Markdown(Vec<String>),
}

/// One batch of file events, as notify reported them, and when it was sent.
pub(super) struct Batch(Vec<notify::Event>, std::time::Instant);

/// The watcher, shared by the thread that starts it and the engine that watches the source
/// folders anew after a full rebuild.
pub(super) type Shared = std::sync::Arc<std::sync::Mutex<RecommendedWatcher>>;

/// Starts watching the guide at `root` (its canonical path); batches arrive on the receiver
/// for as long as the watcher is kept.
/// `waiting` is set as each batch is sent, for the engine to stop what can wait.
pub(super) fn start(
    root: &Path,
    waiting: Arc<AtomicBool>,
) -> Result<(Shared, mpsc::Receiver<Batch>), String> {
    let (tx, rx) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        // Files being read (by the checks too) are no change: only a write closing counts
        // of the accesses, so that reading does not look like a save.
        if let Some(event) = res.ok().filter(|e| !is_read(&e.kind)) {
            let _ = tx.send(event);
        }
    })
    .map_err(|e| format!("cannot watch the guide for changes: {e}"))?;
    watch_sources(&mut watcher, root)?;
    let (batches_tx, batches) = mpsc::channel();
    std::thread::spawn(move || {
        while let Ok(first) = rx.recv() {
            let mut events = vec![first];
            while let Ok(e) = rx.recv_timeout(QUIET) {
                events.push(e);
            }
            waiting.store(true, Ordering::SeqCst);
            if batches_tx
                .send(Batch(events, std::time::Instant::now()))
                .is_err()
            {
                return;
            }
        }
    });
    Ok((std::sync::Arc::new(std::sync::Mutex::new(watcher)), batches))
}

/// Watches the guide folder and, below it, each source folder that exists now. A source
/// folder deleted and made again, or moved away and back, is a new folder that an old
/// watch does not see: the engine calls this again after every full rebuild.
pub(super) fn watch_sources(watcher: &mut impl Watcher, root: &Path) -> Result<(), String> {
    watcher
        .watch(root, RecursiveMode::NonRecursive)
        .map_err(|e| format!("cannot watch `{}`: {e}", root.display()))?;
    for dir in std::iter::once("content").chain(FOLLOWED) {
        let d = root.join(dir);
        if d.is_dir() {
            // A watch on the folder that was there before is dropped first.
            let _ = watcher.unwatch(&d);
            watcher
                .watch(&d, RecursiveMode::Recursive)
                .map_err(|e| format!("cannot watch `{}`: {e}", d.display()))?;
        }
    }
    Ok(())
}

impl Batch {
    /// When the watcher sent it (for `SIGNPOST_TIMINGS`: how long it waited).
    pub fn sent(&self) -> std::time::Instant {
        self.1
    }

    /// The work this batch needs, if any (reads are not changes).
    pub fn work(&self, root: &Path) -> Option<Work> {
        let changes: Vec<Change> = self
            .0
            .iter()
            .filter(|e| !e.kind.is_access())
            .flat_map(|e| {
                let folder = is_folder_event(&e.kind);
                e.paths.iter().map(move |p| Change {
                    path: p.clone(),
                    folder: folder || p.is_dir(),
                })
            })
            .collect();
        classify(root, &changes)
    }
}

/// One changed path, and whether it is (or was) a folder.
#[derive(Debug, Clone)]
pub(super) struct Change {
    pub path: PathBuf,
    pub folder: bool,
}

/// Sorts changed paths into the work they need.
pub(super) fn classify(root: &Path, changes: &[Change]) -> Option<Work> {
    let mut markdown: BTreeSet<String> = BTreeSet::new();
    let mut static_change = false;
    for change in changes {
        let Ok(rel) = change.path.strip_prefix(root) else {
            continue;
        };
        let rel = rel.to_string_lossy().replace('\\', "/");
        if rel == crate::config::FILE
            || rel.starts_with("themes/") && !rel.contains("/static/")
            || rel.starts_with("templates/")
        {
            return Some(Work::Full);
        }
        if rel.starts_with("static/") || rel.starts_with("themes/") {
            static_change = true;
        } else if let Some(in_content) = rel.strip_prefix("content/") {
            if rel.ends_with(".md") {
                if crate::content::paths::classify(in_content).is_ok_and(|c| c.is_some()) {
                    markdown.insert(rel);
                }
            } else if change.folder {
                // A folder appeared or went away: areas may have changed.
                return Some(Work::Full);
            } else {
                static_change = true;
            }
        } else if rel == "content" || FOLLOWED.contains(&rel.as_str()) {
            return Some(Work::Full);
        }
    }
    if !markdown.is_empty() {
        Some(Work::Markdown(markdown.into_iter().collect()))
    } else if static_change {
        Some(Work::Static)
    } else {
        None
    }
}

/// An event of a file being opened or read, not changed.
fn is_read(kind: &notify::EventKind) -> bool {
    use notify::event::{AccessKind, AccessMode};
    matches!(kind, notify::EventKind::Access(a)
        if !matches!(a, AccessKind::Close(AccessMode::Write)))
}

fn is_folder_event(kind: &notify::EventKind) -> bool {
    use notify::event::{CreateKind, RemoveKind};
    matches!(
        kind,
        notify::EventKind::Create(CreateKind::Folder)
            | notify::EventKind::Remove(RemoveKind::Folder)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The checks read every file after a save; had reading been a change, each check
    /// would have woken the engine for another, without end.
    #[test]
    fn reading_a_file_is_not_a_change_but_a_write_is() {
        use notify::event::{AccessKind, AccessMode, CreateKind, ModifyKind};
        use notify::EventKind;
        for read in [
            EventKind::Access(AccessKind::Open(AccessMode::Any)),
            EventKind::Access(AccessKind::Read),
            EventKind::Access(AccessKind::Close(AccessMode::Read)),
        ] {
            assert!(is_read(&read), "{read:?}");
        }
        for change in [
            EventKind::Access(AccessKind::Close(AccessMode::Write)),
            EventKind::Modify(ModifyKind::Any),
            EventKind::Create(CreateKind::File),
        ] {
            assert!(!is_read(&change), "{change:?}");
        }
    }

    fn work(paths: &[(&str, bool)]) -> Option<Work> {
        let root = Path::new("/guide");
        let changes: Vec<Change> = paths
            .iter()
            .map(|(p, folder)| Change {
                path: root.join(p),
                folder: *folder,
            })
            .collect();
        classify(root, &changes)
    }

    #[test]
    fn a_saved_entry_is_markdown_work() {
        assert_eq!(
            work(&[("content/skola/a.md", false), ("content/skola/a.md", false)]),
            Some(Work::Markdown(vec!["content/skola/a.md".into()]))
        );
    }

    #[test]
    fn config_templates_and_theme_reload_everything() {
        for p in [
            "config.toml",
            "templates/base.html",
            "themes/default/templates/x.html",
        ] {
            assert_eq!(work(&[(p, false)]), Some(Work::Full), "{p}");
        }
        assert_eq!(work(&[("content/ny-area", true)]), Some(Work::Full));
        assert_eq!(work(&[("content", true)]), Some(Work::Full));
    }

    #[test]
    fn static_files_and_assets_only_copy() {
        for p in [
            "static/logo.svg",
            "themes/default/static/assets/signpost.css",
            "content/skola/a/bild.png",
        ] {
            assert_eq!(work(&[(p, false)]), Some(Work::Static), "{p}");
        }
    }

    #[test]
    fn ignored_files_and_paths_outside_the_guide_are_no_work() {
        assert_eq!(work(&[("content/_utkast/a.md", false)]), None);
        assert_eq!(work(&[("public/index.html", false)]), None);
        let outside = Change {
            path: PathBuf::from("/elsewhere/content/a.md"),
            folder: false,
        };
        assert_eq!(classify(Path::new("/guide"), &[outside]), None);
    }
}
