//! Writing the site: all or nothing.
//!
//! The site is written to a temporary folder beside the output folder, then swapped in with
//! two renames, so a failed build leaves the previous site as it was and a reader never sees
//! a half-written one. The output folder is refused when it is the guide itself or would
//! overwrite its sources.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::render::Site;

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
    if out.is_file() {
        return Err(format!("`{}` is a file, not a folder", out.display()));
    }
    // The build replaces the whole folder: never one that holds something else (`.git`,
    // `docs/`, a folder with other files) and was not written by a build.
    let non_empty = fs::read_dir(&out)
        .map(|mut d| d.next().is_some())
        .unwrap_or(false);
    if non_empty && !(out.join("index.html").is_file() && out.join("sitemap.xml").is_file()) {
        return Err(format!(
            "`{}` already holds files that signpost did not write; building there would delete them. Choose an empty or new folder with --output",
            out.display()
        ));
    }
    Ok(out)
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

/// Writes the site to `out` (already checked by [`resolve_output`]), replacing what is there.
pub fn write(site: &Site, out: &Path) -> io::Result<()> {
    let parent = out.parent().expect("checked by resolve_output");
    fs::create_dir_all(parent)?;
    let name = out.file_name().expect("checked").to_string_lossy();
    let pid = std::process::id();
    let tmp = parent.join(format!(".{name}.signpost-new-{pid}"));
    let old = parent.join(format!(".{name}.signpost-old-{pid}"));
    if tmp.exists() {
        fs::remove_dir_all(&tmp)?;
    }
    if let Err(e) = write_into(site, &tmp) {
        let _ = fs::remove_dir_all(&tmp);
        return Err(e);
    }
    if out.exists() {
        fs::rename(out, &old)?;
        if let Err(e) = fs::rename(&tmp, out) {
            // Put the previous site back.
            let _ = fs::rename(&old, out);
            let _ = fs::remove_dir_all(&tmp);
            return Err(e);
        }
        remove_tree(&old)?;
    } else {
        fs::rename(&tmp, out)?;
    }
    Ok(())
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

fn write_into(site: &Site, dir: &Path) -> io::Result<()> {
    fs::create_dir_all(dir)?;
    // Create every folder first, one depth at a time (parents before children, each level
    // in parallel), then write the files in parallel.
    let mut dirs: std::collections::BTreeSet<&Path> = std::collections::BTreeSet::new();
    for p in site.files.keys().chain(site.copies.keys()) {
        let mut parent = Path::new(p.as_str()).parent();
        while let Some(d) = parent.filter(|d| !d.as_os_str().is_empty()) {
            if !dirs.insert(d) {
                break;
            }
            parent = d.parent();
        }
    }
    let mut levels: Vec<Vec<&Path>> = Vec::new();
    for d in dirs {
        let depth = d.components().count();
        if levels.len() < depth {
            levels.resize(depth, Vec::new());
        }
        levels[depth - 1].push(d);
    }
    for level in &levels {
        level
            .par_iter()
            .try_for_each(|d| fs::create_dir(dir.join(d)))?;
    }
    site.files
        .par_iter()
        .try_for_each(|(path, bytes)| fs::write(dir.join(path), bytes))?;
    site.copies.par_iter().try_for_each(|(path, src)| {
        fs::copy(src, dir.join(path))
            .map(|_| ())
            .map_err(|e| io::Error::new(e.kind(), format!("cannot copy `{}`: {e}", src.display())))
    })
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
            resolve_output(&root, Path::new("old-site")).is_ok(),
            "a previous build is replaced"
        );
        fs::create_dir_all(root.join("empty")).unwrap();
        assert!(resolve_output(&root, Path::new("empty")).is_ok());
        let ok = resolve_output(&root, Path::new("public")).unwrap();
        assert!(ok.ends_with("guide/public"));
        assert!(resolve_output(&root, Path::new("../site"))
            .unwrap()
            .ends_with("site"));
    }

    #[test]
    fn replaces_the_previous_site_whole() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        fs::create_dir_all(&out).unwrap();
        fs::write(out.join("stale.html"), "old").unwrap();
        let mut site = Site::default();
        site.add("a/index.html".into(), b"new".to_vec(), "test")
            .unwrap();
        write(&site, &out).unwrap();
        assert_eq!(fs::read_to_string(out.join("a/index.html")).unwrap(), "new");
        assert!(!out.join("stale.html").exists());
        let leftovers: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no temporary folders left behind");
    }
}
