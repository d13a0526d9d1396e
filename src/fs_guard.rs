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
//! What it is not: a sandbox against a process that changes the disk while signpost reads
//! it (the guide's own files are trusted not to race); the output folder's rules are in
//! `output.rs`.

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

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
#[derive(Debug, Clone)]
pub struct Jail {
    root: PathBuf,
}

impl Jail {
    pub fn new(root: &Path) -> io::Result<Jail> {
        Ok(Jail {
            root: fs::canonicalize(root)?,
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
        let meta = self.regular_file(path)?;
        if meta.len() > limit {
            return Err(Refusal::TooLarge {
                size: meta.len(),
                limit,
            });
        }
        let file = open_nonblocking(path).map_err(Refusal::Io)?;
        // It may have been swapped for something else since the check.
        let meta = file.metadata().map_err(Refusal::Io)?;
        if let Some(r) = kind_refusal(&meta.file_type()) {
            return Err(r);
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

    /// Whether a walked entry may be used: a symbolic link must stay inside the guide, and
    /// whatever it is must be a folder or a regular file.
    pub fn check_entry(&self, entry: &walkdir::DirEntry) -> Result<(), Refusal> {
        if entry.path_is_symlink() {
            self.inside(entry.path())?;
        }
        let ft = entry.file_type();
        if ft.is_dir() {
            return Ok(());
        }
        kind_refusal(&ft).map_or(Ok(()), Err)
    }
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
}
