//! Where `serve` keeps the pages it renders: a private folder in the system's temporary
//! folder, removed when the server stops.
//!
//! A preview of 100,000 entries renders over two gigabytes of pages; held in memory they
//! would take more than an editor's laptop may spare (issue #15: under 2 GiB), so pages
//! and the search index are written here as they are rendered and read back when asked
//! for. A page is replaced by writing a new file beside it and renaming it over the old,
//! so a reader never gets half of one. What it is not: the build's output folder
//! (`output.rs`), which has its own rules for replacing a published site.

use std::io;
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The folders of this process, for [`remove_all`] when it is stopped.
static LIVE: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());
/// Set when the server is being stopped: no file is put any more.
static STOPPING: AtomicBool = AtomicBool::new(false);
/// Files being put right now (a folder is removed only when none is).
static WRITING: AtomicUsize = AtomicUsize::new(0);

/// Removes every folder of this process: the server is being stopped (Ctrl-C), and a
/// process ended by a signal runs no destructors. The engine may be writing pages at that
/// moment (after a save): writing stops first, and the folders go once the last file being
/// written is done, so a page written during the removal cannot leave a folder behind.
pub(super) fn remove_all() {
    STOPPING.store(true, Ordering::SeqCst);
    let waited = Instant::now();
    while WRITING.load(Ordering::SeqCst) > 0 && waited.elapsed() < Duration::from_secs(2) {
        std::thread::sleep(Duration::from_millis(5));
    }
    let mut live = LIVE.lock().unwrap_or_else(|e| e.into_inner());
    for dir in live.drain(..) {
        let _ = std::fs::remove_dir_all(dir);
    }
}

pub(super) struct Folder {
    dir: tempfile::TempDir,
    /// Numbers the files being written, so that two writers never share one.
    next: AtomicU64,
}

impl Folder {
    pub fn new() -> io::Result<Folder> {
        let dir = tempfile::Builder::new()
            .prefix("signpost-serve-")
            .tempdir()?;
        LIVE.lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(dir.path().to_path_buf());
        Ok(Folder {
            dir,
            next: AtomicU64::new(0),
        })
    }

    /// The file for `rel`, a `/`-separated path below the folder; `None` for anything
    /// that could lead out of it (`..`, an absolute path, a drive).
    fn path(&self, rel: &str) -> Option<PathBuf> {
        let rel = Path::new(rel);
        rel.components()
            .all(|c| matches!(c, Component::Normal(_)))
            .then(|| self.dir.path().join(rel))
    }

    /// Puts `bytes` at `rel`, replacing what was there in one step; refused once the
    /// server is being stopped.
    pub fn put(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        WRITING.fetch_add(1, Ordering::SeqCst);
        let result = if STOPPING.load(Ordering::SeqCst) {
            Err(io::Error::other("the server is stopping"))
        } else {
            self.write(rel, bytes)
        };
        WRITING.fetch_sub(1, Ordering::SeqCst);
        result
    }

    fn write(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        let dest = self
            .path(rel)
            .ok_or_else(|| io::Error::other(format!("`{rel}` is not a path inside the site")))?;
        if let Some(parent) = dest.parent() {
            std::fs::create_dir_all(parent)?;
        }
        let n = self.next.fetch_add(1, Ordering::Relaxed);
        let tmp = self.dir.path().join(format!(".new-{n}"));
        std::fs::write(&tmp, bytes)?;
        std::fs::rename(&tmp, &dest)
    }

    /// The bytes at `rel`, if there is a file.
    pub fn get(&self, rel: &str) -> Option<Vec<u8>> {
        let path = self.path(rel)?;
        path.is_file().then(|| std::fs::read(path).ok()).flatten()
    }

    pub fn contains(&self, rel: &str) -> bool {
        self.path(rel).is_some_and(|p| p.is_file())
    }

    /// Removes the file at `rel`, if there is one.
    pub fn remove(&self, rel: &str) {
        if let Some(path) = self.path(rel) {
            let _ = std::fs::remove_file(path);
        }
    }
}

impl Drop for Folder {
    fn drop(&mut self) {
        // The folder itself is removed by `TempDir`.
        LIVE.lock()
            .unwrap_or_else(|e| e.into_inner())
            .retain(|d| d != self.dir.path());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_put_replaced_read_and_removed_and_nothing_leads_out() {
        let f = Folder::new().unwrap();
        f.put("a/b/index.html", b"one").unwrap();
        f.put("a/b/index.html", b"two").unwrap();
        assert_eq!(f.get("a/b/index.html").as_deref(), Some(&b"two"[..]));
        assert!(f.contains("a/b/index.html"));
        assert!(!f.contains("a/b"), "a folder is not a file");
        for bad in ["../x", "a/../../x", "/etc/passwd"] {
            assert!(f.put(bad, b"x").is_err(), "{bad}");
            assert_eq!(f.get(bad), None, "{bad}");
        }
        f.remove("a/b/index.html");
        assert_eq!(f.get("a/b/index.html"), None);
        let dir = f.dir.path().to_path_buf();
        drop(f);
        assert!(!dir.exists(), "the folder goes with the server");
    }
}
