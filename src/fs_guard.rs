//! Reading the files contributors control without leaving the guide or blocking on them.
//!
//! A guide is written by many hands through pull requests, and git stores symbolic links
//! and (through a careless copy) anything else a folder can hold. Every file that signpost
//! reads or publishes from `content/`, `static/` or a theme goes through here:
//!
//! - **Symbolic links are followed only when they stay inside the guide folder.** A link's
//!   target is resolved (`canonicalize`, every link on the way) and must lie below the
//!   guide root's own resolved path. Links inside the guide are allowed because they are
//!   harmless (the file they name would be published anyway) and useful (one image shared by
//!   two areas); a link out of it (`/etc/passwd`, `/proc/self/environ`, `../../secrets`)
//!   is refused, never read, never copied.
//! - **Only regular files are read.** A FIFO, socket or device named like a Markdown file
//!   or an image would block a read forever or never end; it is refused before it is
//!   opened, and opened without blocking in case it changed in between.
//! - **Markdown files have a size limit** ([`MAX_TEXT_BYTES`]), so one file cannot take all
//!   memory and every later stage has a bound.
//!
//! Resolving every link on the way costs a system call per folder of the path, for every
//! file, and was a fifth of `check`'s time at 10,000 entries. So a [`Jail`] that walks a
//! folder ([`Jail::check_entry`]) remembers what it found plain: a folder reached from the
//! guide root through folders only, with no link on the way (its resolved path is its own
//! path), and a regular file, not a link, in such a folder. A plain file is read without
//! resolving its path: opened with `O_NOFOLLOW | O_NONBLOCK` (a link put there since fails
//! to open, and is then resolved) and looked at again once open. The same rules hold
//! either way; a jail that has walked nothing resolves every path. What a jail remembers is
//! as old as its walk, so a jail lives for one load (`serve` makes a new one for each).
//!
//! What it is not: a sandbox against a process that changes the disk while signpost reads
//! it (the guide's own files are trusted not to race); the output folder's rules are in
//! `output.rs`.

use std::collections::HashSet;
use std::ffi::OsString;
use std::fs;
use std::io::{self, Read};
use std::path::{Component, Path, PathBuf};
use std::sync::RwLock;

use crate::i18n::Msg;
use crate::msg;

/// The largest Markdown (or `config.toml`) file signpost reads: 4 MiB, about 800 times a
/// long entry.
pub const MAX_TEXT_BYTES: u64 = 4 * 1024 * 1024;

/// Why a file is not read.
#[derive(Debug)]
pub enum Refusal {
    /// A symbolic link (on the way) leads to `target`, outside the guide folder.
    Outside {
        target: PathBuf,
    },
    /// Not a regular file: a FIFO, socket or device (its kind: a key of the message
    /// catalogues).
    NotRegular(&'static str),
    /// Larger than the limit.
    TooLarge {
        size: u64,
        limit: u64,
    },
    Io(io::Error),
}

impl Refusal {
    /// What is wrong, in words an editor understands (`what` names the file).
    pub fn message(&self, what: &str) -> Msg {
        match self {
            Refusal::Outside { target } => msg!(
                "refused-outside",
                file = what,
                target = target.display().to_string()
            ),
            Refusal::NotRegular(kind) => {
                msg!("refused-not-regular", file = what, kind = Msg::new(kind))
            }
            Refusal::TooLarge { size, limit } => msg!(
                "refused-too-large",
                file = what,
                mb = size.div_ceil(1024 * 1024),
                limit = limit / (1024 * 1024)
            ),
            Refusal::Io(e) => msg!("cannot-read", file = what, error = e.to_string()),
        }
    }

    /// What to do about it.
    pub fn hint(&self) -> Msg {
        Msg::new(match self {
            Refusal::Outside { .. } => "refused-outside-hint",
            Refusal::NotRegular(_) => "refused-not-regular-hint",
            Refusal::TooLarge { .. } => "refused-too-large-hint",
            Refusal::Io(e) if e.kind() == io::ErrorKind::NotFound => "dangling-link-hint",
            Refusal::Io(_) => "permissions-hint",
        })
    }
}

/// The guide root with every symbolic link resolved, the boundary no file may cross.
#[derive(Debug)]
pub struct Jail {
    root: PathBuf,
    /// The root as it was given (paths read are below it).
    given: PathBuf,
    /// What [`Jail::check_entry`] found plain (see the module comment), as given (below
    /// `given`): folders, and the regular files in them, which need no resolving.
    plain: RwLock<Plain>,
}

#[derive(Debug, Default)]
struct Plain {
    dirs: HashSet<PathBuf>,
    /// By the bytes of the path as walked (hashing bytes is much cheaper than hashing a
    /// path's parts, and the walk is not parallel); a path written another way is resolved.
    files: HashSet<OsString>,
}

impl Clone for Jail {
    /// A copy that has walked nothing: it resolves every path.
    fn clone(&self) -> Jail {
        Jail {
            root: self.root.clone(),
            given: self.given.clone(),
            plain: RwLock::default(),
        }
    }
}

impl Jail {
    pub fn new(root: &Path) -> io::Result<Jail> {
        Ok(Jail {
            root: fs::canonicalize(root)?,
            given: root.to_path_buf(),
            plain: RwLock::default(),
        })
    }

    /// Whether `path` (which may pass through symbolic links) resolves to a place inside
    /// the guide. `Err` holds the resolved target when it does not.
    pub fn inside(&self, path: &Path) -> Result<PathBuf, Refusal> {
        let real = fs::canonicalize(path).map_err(Refusal::Io)?;
        if real.starts_with(&self.root) {
            Ok(real)
        } else {
            Err(Refusal::Outside { target: real })
        }
    }

    /// Checks that `path` is a regular file inside the guide, without opening it.
    pub fn regular_file(&self, path: &Path) -> Result<fs::Metadata, Refusal> {
        let real = self.inside(path)?;
        let meta = fs::metadata(&real).map_err(Refusal::Io)?;
        kind_refusal(&meta.file_type()).map_or(Ok(meta), Err)
    }

    /// Reads a regular file inside the guide of at most `limit` bytes.
    pub fn read(&self, path: &Path, limit: u64) -> Result<Vec<u8>, Refusal> {
        if let Some(file) = self.open_plain(path) {
            return read_open(file, limit);
        }
        let meta = self.regular_file(path)?;
        if meta.len() > limit {
            return Err(Refusal::TooLarge {
                size: meta.len(),
                limit,
            });
        }
        read_open(open_nonblocking(path).map_err(Refusal::Io)?, limit)
    }

    /// Opens a file the walk found plain without resolving its path: `None` when it is not
    /// known to be plain, or cannot be opened so (resolving it then says why).
    fn open_plain(&self, path: &Path) -> Option<fs::File> {
        let plain = self
            .plain
            .read()
            .is_ok_and(|plain| plain.files.contains(path.as_os_str()));
        if plain {
            open_nofollow(path).ok()
        } else {
            None
        }
    }

    /// Remembers `dir` (a folder met by the walk, not a link) as plain if its resolved
    /// path is its own path below the root: no link on the way.
    fn note_plain_dir(&self, dir: &Path) {
        let Ok(rel) = dir.strip_prefix(&self.given) else {
            return;
        };
        if !rel.components().all(|c| matches!(c, Component::Normal(_))) {
            return;
        }
        if fs::canonicalize(dir).is_ok_and(|real| real == self.root.join(rel)) {
            if let Ok(mut plain) = self.plain.write() {
                plain.dirs.insert(dir.to_path_buf());
            }
        }
    }

    /// Remembers `file` (a regular file met by the walk, not a link) as plain if its
    /// folder is.
    fn note_plain_file(&self, file: &Path) {
        if let (Some(dir), Ok(mut plain)) = (file.parent(), self.plain.write()) {
            if plain.dirs.contains(dir) {
                plain.files.insert(file.as_os_str().to_owned());
            }
        }
    }

    /// Whether a walked entry may be used: a symbolic link must stay inside the guide, and
    /// whatever it is must be a folder or a regular file.
    pub fn check_entry(&self, entry: &walkdir::DirEntry) -> Result<(), Refusal> {
        if entry.path_is_symlink() {
            self.inside(entry.path())?;
        }
        let ft = entry.file_type();
        if ft.is_dir() {
            if !entry.path_is_symlink() {
                self.note_plain_dir(entry.path());
            }
            return Ok(());
        }
        kind_refusal(&ft).map_or(Ok(()), Err)?;
        if !entry.path_is_symlink() {
            self.note_plain_file(entry.path());
        }
        Ok(())
    }
}

/// Reads an open file of at most `limit` bytes, looking at what it is first: it may have
/// been swapped for something else since it was looked at by its path.
fn read_open(file: fs::File, limit: u64) -> Result<Vec<u8>, Refusal> {
    let meta = file.metadata().map_err(Refusal::Io)?;
    if let Some(r) = kind_refusal(&meta.file_type()) {
        return Err(r);
    }
    if meta.len() > limit {
        return Err(Refusal::TooLarge {
            size: meta.len(),
            limit,
        });
    }
    let mut bytes = Vec::with_capacity(meta.len().min(limit) as usize);
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(Refusal::Io)?;
    if bytes.len() as u64 > limit {
        return Err(Refusal::TooLarge {
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

/// Whether `path` is a regular file inside the guide at `root` (for link checks).
pub fn is_regular_inside(root: &Path, path: &Path) -> bool {
    Jail::new(root).is_ok_and(|j| j.regular_file(path).is_ok())
}

fn kind_refusal(ft: &fs::FileType) -> Option<Refusal> {
    if ft.is_file() {
        return None;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if ft.is_fifo() {
            return Some(Refusal::NotRegular("kind-fifo"));
        }
        if ft.is_socket() {
            return Some(Refusal::NotRegular("kind-socket"));
        }
        if ft.is_block_device() || ft.is_char_device() {
            return Some(Refusal::NotRegular("kind-device"));
        }
    }
    if ft.is_dir() {
        return Some(Refusal::NotRegular("kind-folder"));
    }
    Some(Refusal::NotRegular("kind-other"))
}

/// Opens without blocking: opening a FIFO for reading would otherwise wait for a writer.
#[cfg(unix)]
fn open_nonblocking(path: &Path) -> io::Result<fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_nonblocking(path: &Path) -> io::Result<fs::File> {
    fs::File::open(path)
}

/// Opens without blocking and without following a symbolic link in the last place of the
/// path (the open fails instead).
#[cfg(unix)]
fn open_nofollow(path: &Path) -> io::Result<fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOFOLLOW)
        .open(path)
}

/// Elsewhere there is no such open: the path is resolved instead.
#[cfg(not(unix))]
fn open_nofollow(_: &Path) -> io::Result<fs::File> {
    Err(io::ErrorKind::Unsupported.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn links_out_of_the_guide_and_fifos_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("guide");
        fs::create_dir_all(root.join("content")).unwrap();
        fs::write(dir.path().join("secret"), "s").unwrap();
        fs::write(root.join("content/a.md"), "a").unwrap();
        std::os::unix::fs::symlink(dir.path().join("secret"), root.join("content/out.md")).unwrap();
        std::os::unix::fs::symlink("a.md", root.join("content/in.md")).unwrap();
        let jail = Jail::new(&root).unwrap();
        assert!(matches!(
            jail.read(&root.join("content/out.md"), 10),
            Err(Refusal::Outside { .. })
        ));
        assert_eq!(jail.read(&root.join("content/in.md"), 10).unwrap(), b"a");
        assert!(matches!(
            jail.read(&root.join("content/a.md"), 0),
            Err(Refusal::TooLarge { .. })
        ));
        let fifo = root.join("content/pipe.md");
        let status = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(status.success());
        assert!(matches!(jail.read(&fifo, 10), Err(Refusal::NotRegular(_))));
    }

    /// Files of the folders a walk found plain are read without resolving their path
    /// (`Jail::open_plain`); the rules are the same as when it is resolved.
    #[cfg(unix)]
    #[test]
    fn files_of_walked_folders_keep_every_rule() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("guide");
        let content = root.join("content");
        fs::create_dir_all(content.join("area")).unwrap();
        fs::create_dir_all(root.join("shared")).unwrap();
        fs::create_dir_all(dir.path().join("outside")).unwrap();
        fs::write(dir.path().join("outside/secret.md"), "s").unwrap();
        fs::write(root.join("shared/x.md"), "x").unwrap();
        fs::write(content.join("area/a.md"), "a").unwrap();
        symlink(
            dir.path().join("outside/secret.md"),
            content.join("area/out.md"),
        )
        .unwrap();
        symlink("a.md", content.join("area/in.md")).unwrap();
        symlink(dir.path().join("outside"), content.join("away")).unwrap();
        symlink(root.join("shared"), content.join("linked")).unwrap();
        let fifo = content.join("area/pipe.md");
        assert!(std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success());

        let jail = Jail::new(&root).unwrap();
        for entry in walkdir::WalkDir::new(&content).follow_links(true) {
            let Ok(entry) = entry else { continue };
            let _ = jail.check_entry(&entry);
        }
        {
            let plain = jail.plain.read().unwrap();
            assert!(plain.dirs.contains(&content.join("area")));
            assert!(plain.dirs.contains(&content));
            assert!(plain.files.contains(content.join("area/a.md").as_os_str()));
            // Links, what is reached through one, and what is not a regular file are not.
            for not in [
                "linked",
                "away",
                "linked/x.md",
                "area/in.md",
                "area/pipe.md",
            ] {
                assert!(!plain.dirs.contains(&content.join(not)), "{not}");
                assert!(
                    !plain.files.contains(content.join(not).as_os_str()),
                    "{not}"
                );
            }
        }

        assert_eq!(jail.read(&content.join("area/a.md"), 10).unwrap(), b"a");
        assert!(matches!(
            jail.read(&content.join("area/a.md"), 0),
            Err(Refusal::TooLarge { size: 1, limit: 0 })
        ));
        assert!(matches!(
            jail.read(&content.join("area/out.md"), 10),
            Err(Refusal::Outside { .. })
        ));
        assert_eq!(jail.read(&content.join("area/in.md"), 10).unwrap(), b"a");
        // Refused at once, without waiting for a writer.
        assert!(matches!(
            jail.read(&fifo, 10),
            Err(Refusal::NotRegular("kind-fifo"))
        ));
        assert!(matches!(
            jail.read(&content.join("area"), 10),
            Err(Refusal::NotRegular("kind-folder"))
        ));
        assert!(matches!(
            jail.read(&content.join("area/gone.md"), 10),
            Err(Refusal::Io(e)) if e.kind() == io::ErrorKind::NotFound
        ));
        assert!(matches!(
            jail.read(&content.join("away/secret.md"), 10),
            Err(Refusal::Outside { .. })
        ));
        assert_eq!(jail.read(&content.join("linked/x.md"), 10).unwrap(), b"x");
        // A plain file swapped since the walk: for a FIFO (not blocking) and for a link
        // out of the guide (resolved).
        let swapped = content.join("area/a.md");
        fs::remove_file(&swapped).unwrap();
        assert!(std::process::Command::new("mkfifo")
            .arg(&swapped)
            .status()
            .unwrap()
            .success());
        assert!(matches!(
            jail.read(&swapped, 10),
            Err(Refusal::NotRegular("kind-fifo"))
        ));
        fs::remove_file(&swapped).unwrap();
        symlink(dir.path().join("outside/secret.md"), &swapped).unwrap();
        assert!(matches!(
            jail.read(&swapped, 10),
            Err(Refusal::Outside { .. })
        ));
        // A copy has walked nothing.
        let copy = jail.clone();
        let plain = copy.plain.read().unwrap();
        assert!(plain.dirs.is_empty() && plain.files.is_empty());
    }
}
