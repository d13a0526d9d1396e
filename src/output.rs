//! Writing the site: all or nothing.
//!
//! The site is written to a temporary folder beside the output folder ([`Staging`]), then
//! swapped in with two renames, so a failed build leaves the previous site as it was and a
//! reader never sees a half-written one. The output folder is refused when it is the guide itself or would
//! overwrite its sources.
//!
//! Only a folder that signpost wrote is ever replaced: every site it writes holds a marker
//! file ([`MARKER`]), and an existing output folder is used only when it is empty or has
//! that marker. Anything else there (a file, a named pipe, a device, a folder of other
//! files) is refused with one line naming the path. The temporary folders of a build that
//! was killed (`.<name>.signpost-new-<pid>`, `.<name>.signpost-old-<pid>`) are removed by
//! the next build, when their process is gone and they hold the marker.

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rayon::prelude::*;

use crate::site::Site;

/// The absolute output folder, or why it cannot be used.
pub fn resolve_output(root: &Path, output: &Path) -> Result<PathBuf, String> {
    let root = fs::canonicalize(root).map_err(|e| format!("cannot read the guide root: {e}"))?;
    let joined = if output.is_absolute() {
        output.to_path_buf()
    } else {
        root.join(output)
    };
    let out = absolute(&joined);
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if name.is_empty() || out.parent().is_none() {
        return Err(format!(
            "`{}` cannot be the output folder",
            output.display()
        ));
    }
    if root.starts_with(&out) {
        return Err(format!(
            "the output folder `{}` is the guide's folder or contains it; building there would delete the guide",
            out.display()
        ));
    }
    for source in ["content", "static", "themes", "templates"] {
        let s = root.join(source);
        if out.starts_with(&s) {
            return Err(format!(
                "the output folder `{}` is inside `{source}/`, which holds the guide's sources",
                out.display()
            ));
        }
    }
    match fs::symlink_metadata(&out) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => {
            return Err(format!(
                "cannot use `{}` as the output folder: {e}",
                out.display()
            ))
        }
        Ok(meta) if !meta.is_dir() => {
            return Err(format!(
                "`{}` is {}, not a folder; signpost only replaces a folder it wrote itself",
                out.display(),
                kind_of(&meta.file_type())
            ))
        }
        Ok(_) => {
            // The build replaces the whole folder: never one that holds something else
            // (`.git`, `docs/`, a folder with other files) and was not written by a build.
            let non_empty = fs::read_dir(&out)
                .map_err(|e| format!("cannot read the output folder `{}`: {e}", out.display()))?
                .next()
                .is_some();
            if non_empty && !is_ours(&out) {
                return Err(format!(
                    "`{}` already holds files and has no `{MARKER}` file, so signpost did not write it; building there would delete them. Choose an empty or new folder with --output (a site built by a signpost older than the marker: delete it once by hand)",
                    out.display()
                ));
            }
        }
    }
    Ok(out)
}

/// The file every site signpost writes holds at its top, so that a later build knows the
/// folder is its own to replace.
pub const MARKER: &str = ".signpost-site";

const MARKER_TEXT: &str = "This folder was written by signpost. Every build replaces it whole: do not keep other files here.\n";

/// Whether `dir` is a real folder (not a link) with signpost's marker file in it.
fn is_ours(dir: &Path) -> bool {
    fs::symlink_metadata(dir).is_ok_and(|m| m.is_dir())
        && fs::symlink_metadata(dir.join(MARKER)).is_ok_and(|m| m.is_file())
}

fn kind_of(ft: &fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if ft.is_fifo() {
            return "a named pipe";
        }
        if ft.is_block_device() || ft.is_char_device() {
            return "a device";
        }
        if ft.is_socket() {
            return "a socket";
        }
    }
    if ft.is_symlink() {
        "a symbolic link"
    } else {
        "a file"
    }
}

/// Removes the temporary folders that builds killed before they finished left beside
/// `out`: named like ours, their process gone, holding the marker. A build still running
/// (another process) is left alone.
fn remove_leftovers(parent: &Path, name: &str) {
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(file_name) = file_name.to_str() else {
            continue;
        };
        let Some(rest) = file_name.strip_prefix(&format!(".{name}.signpost-")) else {
            continue;
        };
        let Some(pid) = rest
            .strip_prefix("new-")
            .or_else(|| rest.strip_prefix("old-"))
            .and_then(|p| p.parse::<u32>().ok())
        else {
            continue;
        };
        if pid == std::process::id() || process_alive(pid) {
            continue;
        }
        if is_ours(&entry.path()) {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}

/// Whether a process with this id runs. Where that cannot be known, it is taken to run,
/// so nothing is removed.
fn process_alive(pid: u32) -> bool {
    if cfg!(target_os = "linux") {
        Path::new("/proc").join(pid.to_string()).exists()
    } else {
        true
    }
}

/// Makes a path absolute and resolves `..` without requiring it to exist.
fn absolute(p: &Path) -> PathBuf {
    // Canonicalise the longest existing ancestor (resolving symbolic links), keep the rest.
    let mut existing = p.to_path_buf();
    let mut rest: Vec<std::ffi::OsString> = Vec::new();
    while !existing.exists() {
        match (existing.file_name(), existing.parent()) {
            (Some(n), Some(parent)) => {
                rest.push(n.to_os_string());
                existing = parent.to_path_buf();
            }
            _ => break,
        }
    }
    let mut out = fs::canonicalize(&existing).unwrap_or(existing);
    for part in rest.iter().rev() {
        match part.to_str() {
            Some("..") => {
                out.pop();
            }
            Some(".") => {}
            _ => out.push(part),
        }
    }
    out
}

/// The next site, being written into a temporary folder beside the output folder.
///
/// Pages are put into it while they are rendered, from several threads at once, so writing
/// overlaps rendering and no page is held in memory longer than it takes to write it.
/// [`Staging::commit`] swaps it in for the previous site; dropped without a commit (a
/// failed build), it is removed and the previous site stays as it was.
///
/// A file whose bytes are the same as in the previous site is linked to that file instead
/// of written again (as `rsync --link-dest` does): a rebuild where little changed then
/// neither allocates nor frees most files, which is most of the time a build spends on disk.
/// Files are never changed in place, so a link is never written through.
pub struct Staging {
    out: PathBuf,
    tmp: PathBuf,
    /// The previous site, when there is one.
    previous: Option<PathBuf>,
    /// Folders already made below `tmp`.
    dirs: Mutex<HashSet<PathBuf>>,
    committed: bool,
}

impl Staging {
    /// Starts the next site for `out` (already checked by [`resolve_output`]).
    pub fn new(out: &Path) -> io::Result<Staging> {
        let parent = out.parent().expect("checked by resolve_output");
        fs::create_dir_all(parent).map_err(|e| annotate_dir(e, parent))?;
        let name = out.file_name().expect("checked").to_string_lossy();
        remove_leftovers(parent, &name);
        let tmp = parent.join(format!(".{name}.signpost-new-{}", std::process::id()));
        if fs::symlink_metadata(&tmp).is_ok() {
            if !is_ours(&tmp) {
                return Err(io::Error::new(
                    io::ErrorKind::AlreadyExists,
                    format!(
                        "`{}` is in the way and was not written by signpost; remove it",
                        tmp.display()
                    ),
                ));
            }
            fs::remove_dir_all(&tmp).map_err(|e| annotate_dir(e, &tmp))?;
        }
        fs::create_dir(&tmp).map_err(|e| annotate_dir(e, &tmp))?;
        fs::write(tmp.join(MARKER), MARKER_TEXT).map_err(|e| annotate(e, &tmp.join(MARKER)))?;
        Ok(Staging {
            out: out.to_path_buf(),
            previous: out.is_dir().then(|| out.to_path_buf()),
            tmp,
            dirs: Mutex::new(HashSet::new()),
            committed: false,
        })
    }

    /// Makes the folder `dir` (below the staging folder) unless it was made already.
    fn make_dir(&self, dir: &Path) -> io::Result<()> {
        if dir == self.tmp || self.dirs.lock().expect("lock").contains(dir) {
            return Ok(());
        }
        fs::create_dir_all(dir)?;
        self.dirs.lock().expect("lock").insert(dir.to_path_buf());
        Ok(())
    }

    /// Puts a file at `rel` (relative, `/`-separated).
    pub fn put(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        let dest = self.tmp.join(rel);
        self.make_dir(dest.parent().expect("below tmp"))?;
        if let Some(old) = self.unchanged(rel, bytes) {
            if fs::hard_link(&old, &dest).is_ok() {
                return Ok(());
            }
        }
        fs::write(&dest, bytes).map_err(|e| annotate(e, &dest))
    }

    /// Copies the file `src` to `rel`.
    pub fn copy(&self, rel: &str, src: &Path) -> io::Result<()> {
        let dest = self.tmp.join(rel);
        self.make_dir(dest.parent().expect("below tmp"))?;
        fs::copy(src, &dest)
            .map(|_| ())
            .map_err(|e| io::Error::new(e.kind(), format!("cannot copy `{}`: {e}", src.display())))
    }

    /// The previous site's file at `rel`, when it holds exactly `bytes`.
    fn unchanged(&self, rel: &str, bytes: &[u8]) -> Option<PathBuf> {
        let old = self.previous.as_ref()?.join(rel);
        let meta = fs::symlink_metadata(&old).ok()?;
        (meta.is_file() && meta.len() == bytes.len() as u64 && fs::read(&old).ok()? == bytes)
            .then_some(old)
    }

    /// Writes the files of `site` (in parallel) and swaps the new site in.
    pub fn commit(mut self, site: &Site) -> io::Result<()> {
        site.files
            .par_iter()
            .try_for_each(|(path, bytes)| self.put(path, bytes))?;
        site.copies
            .par_iter()
            .try_for_each(|(path, src)| self.copy(path, src))?;
        let parent = self.out.parent().expect("checked");
        let name = self.out.file_name().expect("checked").to_string_lossy();
        let old = parent.join(format!(".{name}.signpost-old-{}", std::process::id()));
        if fs::symlink_metadata(&self.out).is_ok() {
            // Checked by resolve_output before rendering; checked again, since the swap
            // must never move anything that is not a site of ours.
            if fs::read_dir(&self.out)?.next().is_some() && !is_ours(&self.out) {
                return Err(io::Error::other(format!(
                    "`{}` changed during the build and is no longer a site signpost wrote; it is left as it is",
                    self.out.display()
                )));
            }
            fs::rename(&self.out, &old).map_err(|e| {
                io::Error::new(
                    e.kind(),
                    format!("cannot move `{}` aside: {e}", self.out.display()),
                )
            })?;
            if let Err(e) = fs::rename(&self.tmp, &self.out) {
                // Put the previous site back.
                let _ = fs::rename(&old, &self.out);
                return Err(e);
            }
            self.committed = true;
            remove_tree(&old)
        } else {
            fs::rename(&self.tmp, &self.out)?;
            self.committed = true;
            Ok(())
        }
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.tmp);
        }
    }
}

fn annotate_dir(e: io::Error, path: &Path) -> io::Error {
    io::Error::new(
        e.kind(),
        format!("cannot make the folder `{}`: {e}", path.display()),
    )
}

fn annotate(e: io::Error, path: &Path) -> io::Error {
    io::Error::new(e.kind(), format!("cannot write `{}`: {e}", path.display()))
}

/// Removes a folder tree, its top-level entries in parallel (a site has many small files
/// and creating or removing each is a system call).
fn remove_tree(dir: &Path) -> io::Result<()> {
    let entries: Vec<_> = fs::read_dir(dir)?.collect::<io::Result<_>>()?;
    entries.par_iter().try_for_each(|e| {
        if e.file_type()?.is_dir() {
            fs::remove_dir_all(e.path())
        } else {
            fs::remove_file(e.path())
        }
    })?;
    fs::remove_dir(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_the_guide_and_its_sources() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("guide");
        fs::create_dir_all(root.join("content")).unwrap();
        assert!(resolve_output(&root, Path::new(".")).is_err());
        assert!(resolve_output(&root, Path::new("..")).is_err());
        assert!(resolve_output(&root, Path::new("content")).is_err());
        assert!(resolve_output(&root, Path::new("content/x")).is_err());
        assert!(resolve_output(&root, Path::new("/")).is_err());
        assert!(resolve_output(&root, &root).is_err());
        fs::create_dir_all(root.join(".git/objects")).unwrap();
        fs::write(root.join(".git/HEAD"), "ref").unwrap();
        assert!(
            resolve_output(&root, Path::new(".git")).is_err(),
            "a folder the build did not write is never replaced"
        );
        fs::create_dir_all(root.join("docs")).unwrap();
        fs::write(root.join("docs/guide.md"), "text").unwrap();
        assert!(resolve_output(&root, Path::new("docs")).is_err());
        fs::create_dir_all(root.join("old-site")).unwrap();
        fs::write(root.join("old-site/index.html"), "x").unwrap();
        fs::write(root.join("old-site/sitemap.xml"), "x").unwrap();
        assert!(
            resolve_output(&root, Path::new("old-site")).is_err(),
            "a site's look is no proof: without signpost's marker the folder is not replaced"
        );
        fs::write(root.join("old-site").join(MARKER), MARKER_TEXT).unwrap();
        assert!(
            resolve_output(&root, Path::new("old-site")).is_ok(),
            "a previous build is replaced"
        );
        fs::write(root.join("a-file"), "x").unwrap();
        assert!(resolve_output(&root, Path::new("a-file")).is_err());
        fs::create_dir_all(root.join("empty")).unwrap();
        assert!(resolve_output(&root, Path::new("empty")).is_ok());
        let ok = resolve_output(&root, Path::new("public")).unwrap();
        assert!(ok.ends_with("guide/public"));
        assert!(resolve_output(&root, Path::new("../site"))
            .unwrap()
            .ends_with("site"));
    }

    #[cfg(unix)]
    #[test]
    fn never_replaces_a_fifo_or_a_device() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("guide");
        fs::create_dir_all(root.join("content")).unwrap();
        let fifo = dir.path().join("pipe");
        assert!(std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success());
        let e = resolve_output(&root, &fifo).unwrap_err();
        assert!(e.contains("is a named pipe, not a folder"), "{e}");
        let e = resolve_output(&root, Path::new("/dev/null")).unwrap_err();
        assert!(e.contains("`/dev/null` is a device"), "{e}");
    }

    #[test]
    fn leftovers_of_killed_builds_are_removed_and_others_kept() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        // A process id that cannot run: above the kernel's limit (pid_max ≤ 2^22).
        let dead = 99_999_999;
        for kind in ["new", "old"] {
            let left = dir.path().join(format!(".public.signpost-{kind}-{dead}"));
            fs::create_dir_all(left.join("a")).unwrap();
            fs::write(left.join(MARKER), MARKER_TEXT).unwrap();
        }
        // Named like a leftover, but not ours (no marker) or of a running build.
        let foreign = dir.path().join(format!(".public.signpost-old-{dead}0"));
        fs::create_dir_all(&foreign).unwrap();
        let running = dir.path().join(".public.signpost-new-1");
        fs::create_dir_all(&running).unwrap();
        fs::write(running.join(MARKER), MARKER_TEXT).unwrap();
        let mut site = Site::default();
        site.add("index.html".into(), b"new".to_vec(), "test")
            .unwrap();
        Staging::new(&out).unwrap().commit(&site).unwrap();
        let mut left: Vec<String> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(
            left,
            [
                ".public.signpost-new-1".to_string(),
                format!(".public.signpost-old-{dead}0"),
                "public".into()
            ]
        );
        assert!(
            out.join(MARKER).is_file(),
            "the new site carries the marker"
        );
    }

    #[test]
    fn replaces_the_previous_site_whole() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        fs::create_dir_all(&out).unwrap();
        fs::write(out.join(MARKER), MARKER_TEXT).unwrap();
        fs::write(out.join("stale.html"), "old").unwrap();
        let mut site = Site::default();
        site.add("a/index.html".into(), b"new".to_vec(), "test")
            .unwrap();
        Staging::new(&out).unwrap().commit(&site).unwrap();
        assert_eq!(fs::read_to_string(out.join("a/index.html")).unwrap(), "new");
        assert!(!out.join("stale.html").exists());
        let leftovers: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no temporary folders left behind");
    }
}
