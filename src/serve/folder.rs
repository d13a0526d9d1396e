//! Where `serve` keeps the pages it renders: a private folder in the system's temporary
//! folder, removed when the server stops.
//!
//! A preview of 100,000 entries renders over two gigabytes of pages; held in memory they
//! would take more than an editor's laptop may spare (issue #15: under 2 GiB), so pages
//! and the search index are written here as they are rendered and read back when asked
//! for. A page is replaced by writing a new file beside it and renaming it over the old,
//! so a reader never gets half of one. What it is not: the build's output folder
//! (`output.rs`), which has its own rules for replacing a published site.
//!
//! The engine does not wait for the disk ([`Folder::put_behind`]). On a busy disk one
//! rename over an old page was measured at 0.75 s (ext4 starts writing the new file's data
//! at that moment, behind everything else queued), and a save that came meanwhile waited
//! that long for its reload. So the engine's pages are served from memory at once, and
//! one thread of the folder's own writes them out; what waits is bounded
//! ([`BEHIND_BYTES`]), and past it the engine does wait, so memory stays bounded too.

use std::collections::HashMap;
use std::io;
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{mpsc, Arc, Condvar, Mutex, Weak};
use std::time::{Duration, Instant};

/// How many bytes of pages may wait in memory for the disk before [`Folder::put_behind`]
/// waits for room (a round after a save puts 100–2,000 pages of 10–30 KB).
const BEHIND_BYTES: usize = 64 << 20;

/// The folders of this process, for [`remove_all`] when it is stopped.
static LIVE: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());
/// Set when the server is being stopped: no file is put any more.
static STOPPING: AtomicBool = AtomicBool::new(false);
/// Files being put right now (a folder is removed only when none is).
static WRITING: AtomicUsize = AtomicUsize::new(0);

/// Whether the server is being stopped (then a failed write is no news to the editor).
pub(super) fn stopping_now() -> bool {
    STOPPING.load(Ordering::SeqCst)
}

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
    /// Files put by [`Folder::put_behind`] and not yet on disk.
    behind: Mutex<Behind>,
    /// Told when `behind` has room again.
    room: Condvar,
    /// Sends the path of each file put behind to the folder's writer thread.
    to_writer: Mutex<mpsc::Sender<String>>,
}

/// The newest bytes put behind at a path; `None`: the file is to be removed.
type Waiting = Option<Arc<[u8]>>;

/// What waits for the disk at one path.
#[derive(Clone)]
struct Entry {
    /// Tells the writer whether what it wrote is still the newest.
    version: u64,
    bytes: Waiting,
    /// The disk refused it: it is kept, and served, from memory.
    refused: bool,
}

impl Entry {
    /// Its part of [`Behind::bytes`]: its length until written or refused.
    fn waiting(&self) -> usize {
        match &self.bytes {
            Some(b) if !self.refused => b.len(),
            _ => 0,
        }
    }
}

fn stopping() -> io::Error {
    io::Error::other("the server is stopping")
}

fn outside(rel: &str) -> io::Error {
    io::Error::other(format!("`{rel}` is not a path inside the site"))
}

/// What waits for the disk.
#[derive(Default)]
struct Behind {
    files: HashMap<String, Entry>,
    /// Bytes in `files` still to be written.
    bytes: usize,
    next: u64,
}

impl Folder {
    pub fn new() -> io::Result<Arc<Folder>> {
        let dir = tempfile::Builder::new()
            .prefix("signpost-serve-")
            .tempdir()?;
        LIVE.lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(dir.path().to_path_buf());
        let (tx, rx) = mpsc::channel::<String>();
        let folder = Arc::new(Folder {
            dir,
            next: AtomicU64::new(0),
            behind: Mutex::new(Behind::default()),
            room: Condvar::new(),
            to_writer: Mutex::new(tx),
        });
        // The thread holds the folder weakly: it ends when the folder is dropped (its
        // sender with it).
        let weak = Arc::downgrade(&folder);
        std::thread::Builder::new()
            .name("serve-folder".into())
            .spawn(move || write_behind(&weak, &rx))?;
        Ok(folder)
    }

    fn behind(&self) -> std::sync::MutexGuard<'_, Behind> {
        self.behind.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Puts `bytes` at `rel` without waiting for the disk: they are served from memory
    /// until the folder's thread has written them. Waits only while [`BEHIND_BYTES`] are
    /// already waiting; refused once the server is being stopped, or for a path that
    /// leads out of the folder.
    pub fn put_behind(&self, rel: &str, bytes: Vec<u8>) -> io::Result<()> {
        self.enqueue(rel, Some(Arc::from(bytes)))
    }

    /// Removes the file at `rel` without waiting for the disk (see [`Folder::put_behind`]).
    pub fn remove_behind(&self, rel: &str) {
        let _ = self.enqueue(rel, None);
    }

    fn enqueue(&self, rel: &str, bytes: Waiting) -> io::Result<()> {
        if self.path(rel).is_none() {
            return Err(outside(rel));
        }
        let entry = Entry {
            version: 0,
            bytes,
            refused: false,
        };
        let len = entry.waiting();
        let mut behind = self.behind();
        let since = Instant::now();
        loop {
            if stopping_now() {
                return Err(stopping());
            }
            if behind.bytes == 0 || behind.bytes + len <= BEHIND_BYTES {
                break;
            }
            behind = self
                .room
                .wait_timeout(behind, Duration::from_millis(50))
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
        if since.elapsed() > Duration::from_millis(5) {
            crate::timing("serve waited for room to put a page", since);
        }
        behind.next += 1;
        let entry = Entry {
            version: behind.next,
            ..entry
        };
        if let Some(old) = behind.files.insert(rel.to_string(), entry) {
            behind.bytes -= old.waiting();
        }
        behind.bytes += len;
        drop(behind);
        let sent = self
            .to_writer
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .send(rel.to_string());
        sent.map_err(|_| io::Error::other("the folder's writer has stopped"))
    }

    /// Writes out the newest bytes put behind at `rel` (the writer thread's part), and
    /// forgets them when nothing newer came meanwhile. Bytes the disk refuses stay in
    /// memory and are served from there, as when no folder could be made at all.
    fn write_out(&self, rel: &str) {
        let Some(entry) = self.behind().files.get(rel).cloned() else {
            return; // written already, with a newer version put after it
        };
        if entry.refused {
            return; // kept in memory
        }
        let written = match &entry.bytes {
            Some(b) => self.put_now(rel, b).is_ok(),
            None => {
                self.remove_now(rel);
                true
            }
        };
        let mut behind = self.behind();
        let Behind { files, bytes, .. } = &mut *behind;
        if let Some(now) = files.get_mut(rel).filter(|e| e.version == entry.version) {
            *bytes -= now.waiting();
            if written {
                files.remove(rel);
            } else {
                now.refused = true;
            }
            self.room.notify_all();
        }
    }

    /// Waits until everything put behind is on disk (or kept in memory for good).
    #[cfg(test)]
    fn settle(&self) {
        let mut behind = self.behind();
        while behind.bytes > 0 || behind.files.values().any(|e| e.bytes.is_none()) {
            behind = self
                .room
                .wait_timeout(behind, Duration::from_millis(20))
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
    }

    /// The file for `rel`, a `/`-separated path below the folder; `None` for anything
    /// that could lead out of it (`..`, an absolute path, a drive).
    fn path(&self, rel: &str) -> Option<PathBuf> {
        let rel = Path::new(rel);
        rel.components()
            .all(|c| matches!(c, Component::Normal(_)))
            .then(|| self.dir.path().join(rel))
    }

    /// Puts `bytes` at `rel`, replacing what was there in one step, and waits for it;
    /// refused once the server is being stopped.
    pub fn put(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        self.forget_behind(rel);
        self.put_now(rel, bytes)
    }

    /// Drops what waits for the disk at `rel`: a file put now replaces it.
    fn forget_behind(&self, rel: &str) {
        let mut behind = self.behind();
        if let Some(old) = behind.files.remove(rel) {
            behind.bytes -= old.waiting();
            self.room.notify_all();
        }
    }

    fn put_now(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        WRITING.fetch_add(1, Ordering::SeqCst);
        let result = if stopping_now() {
            Err(stopping())
        } else {
            self.write(rel, bytes)
        };
        WRITING.fetch_sub(1, Ordering::SeqCst);
        result
    }

    fn write(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        let dest = self.path(rel).ok_or_else(|| outside(rel))?;
        if let Some(parent) = dest.parent() {
            std::fs::create_dir_all(parent)?;
        }
        let n = self.next.fetch_add(1, Ordering::Relaxed);
        let tmp = self.dir.path().join(format!(".new-{n}"));
        std::fs::write(&tmp, bytes)?;
        std::fs::rename(&tmp, &dest)
    }

    /// The bytes at `rel`, if there is a file (or one waiting for the disk).
    pub fn get(&self, rel: &str) -> Option<Vec<u8>> {
        if let Some(entry) = self.behind().files.get(rel) {
            return entry.bytes.as_ref().map(|b| b.to_vec());
        }
        let path = self.path(rel)?;
        path.is_file().then(|| std::fs::read(path).ok()).flatten()
    }

    pub fn contains(&self, rel: &str) -> bool {
        if let Some(entry) = self.behind().files.get(rel) {
            return entry.bytes.is_some();
        }
        self.path(rel).is_some_and(|p| p.is_file())
    }

    /// Removes the file at `rel`, if there is one, and waits for it.
    pub fn remove(&self, rel: &str) {
        self.forget_behind(rel);
        self.remove_now(rel);
    }

    fn remove_now(&self, rel: &str) {
        if let Some(path) = self.path(rel) {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// The folder's writer thread: writes out each path put behind, until the folder is gone.
fn write_behind(folder: &Weak<Folder>, paths: &mpsc::Receiver<String>) {
    for rel in paths {
        let Some(folder) = folder.upgrade() else {
            return;
        };
        folder.write_out(&rel);
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

    fn on_disk(f: &Folder, rel: &str) -> Option<Vec<u8>> {
        std::fs::read(f.dir.path().join(rel)).ok()
    }

    #[test]
    fn a_file_put_behind_is_served_at_once_and_reaches_the_disk_newest_last() {
        let f = Folder::new().unwrap();
        f.put("p/index.html", b"old").unwrap();
        for n in 0..50 {
            f.put_behind("p/index.html", format!("v{n}").into_bytes())
                .unwrap();
            assert_eq!(
                f.get("p/index.html"),
                Some(format!("v{n}").into_bytes()),
                "served as put, before the disk has it"
            );
        }
        f.settle();
        assert_eq!(on_disk(&f, "p/index.html").as_deref(), Some(&b"v49"[..]));
        f.remove_behind("p/index.html");
        assert_eq!(f.get("p/index.html"), None, "gone at once");
        assert!(!f.contains("p/index.html"));
        f.settle();
        assert_eq!(on_disk(&f, "p/index.html"), None);
        assert!(f.put_behind("../x", b"x".to_vec()).is_err());
        // A file put and waited for replaces one still waiting.
        f.put_behind("q.html", b"behind".to_vec()).unwrap();
        f.put("q.html", b"now").unwrap();
        f.settle();
        assert_eq!(f.get("q.html").as_deref(), Some(&b"now"[..]));
    }

    #[test]
    fn a_page_the_disk_refuses_is_served_from_memory_and_does_not_hold_up_others() {
        let f = Folder::new().unwrap();
        f.put("a", b"a file where a folder would go").unwrap();
        f.put_behind("a/index.html", b"page".to_vec()).unwrap();
        f.put_behind("b/index.html", b"other".to_vec()).unwrap();
        f.settle();
        assert_eq!(on_disk(&f, "a/index.html"), None, "the disk refused it");
        assert_eq!(
            f.get("a/index.html").as_deref(),
            Some(&b"page"[..]),
            "still served"
        );
        assert_eq!(on_disk(&f, "b/index.html").as_deref(), Some(&b"other"[..]));
        assert_eq!(
            f.behind().bytes,
            0,
            "what is kept no longer counts as waiting"
        );
        // Put again once the way is clear, it is written.
        f.remove("a");
        f.put_behind("a/index.html", b"page 2".to_vec()).unwrap();
        f.settle();
        assert_eq!(on_disk(&f, "a/index.html").as_deref(), Some(&b"page 2"[..]));
        assert!(f.behind().files.is_empty());
    }

    #[test]
    fn more_than_may_wait_in_memory_is_all_written_without_a_deadlock() {
        let f = Folder::new().unwrap();
        let page = vec![b'x'; BEHIND_BYTES / 8 + 1];
        for n in 0..20 {
            f.put_behind(&format!("{n}/index.html"), page.clone())
                .unwrap();
            assert!(f.behind().bytes <= BEHIND_BYTES, "memory stays bounded");
        }
        f.settle();
        for n in 0..20 {
            assert_eq!(
                on_disk(&f, &format!("{n}/index.html")).map(|b| b.len()),
                Some(page.len())
            );
        }
        assert!(f.behind().files.is_empty(), "nothing is kept once written");
    }
}
