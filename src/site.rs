//! The site in memory: every output path with its bytes, or the source file to copy there.
//!
//! Rendering fills a [`Site`]; `output` writes one to disk, `serve` answers from one. It
//! remembers what produced each path, so two things claiming one address is an error that
//! names both. It knows nothing of how pages are made or where they are written.

use std::collections::BTreeMap;
use std::path::PathBuf;

/// Two things would be written to one path.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("two things would be written to `{path}`: {first} and {second}; rename one of them")]
pub struct Conflict {
    pub path: String,
    pub first: String,
    pub second: String,
}

/// A file whose path is claimed now and whose bytes are made later, on whichever thread
/// calls [`Site::make_later`].
type Later = (String, Box<dyn FnOnce() -> Vec<u8> + Send + Sync>);

/// The site in memory: generated files, and files copied as they are.
#[derive(Default)]
pub struct Site {
    /// Output path (relative, `/`) → bytes.
    pub files: BTreeMap<String, Vec<u8>>,
    /// Output path → source file to copy.
    pub copies: BTreeMap<String, PathBuf>,
    /// What produced each path, to name both sides of a conflict.
    origins: BTreeMap<String, String>,
    /// HTML pages rendered.
    pub pages: usize,
    /// Pages written straight to the staging folder while rendering (not in `files`).
    pub written: usize,
    /// Files to make: what takes long to make and needs nothing of the guide any more (the
    /// open data, tens of megabytes at 100,000 entries), so that `serve` makes it on its
    /// writer's thread, not on the one the next save waits for.
    later: Vec<Later>,
}

impl std::fmt::Debug for Site {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Site")
            .field("files", &self.files.keys().collect::<Vec<_>>())
            .field("copies", &self.copies)
            .field("pages", &self.pages)
            .field("written", &self.written)
            .field(
                "later",
                &self.later.iter().map(|l| &l.0).collect::<Vec<_>>(),
            )
            .finish()
    }
}

impl Site {
    pub fn add(&mut self, path: String, bytes: Vec<u8>, origin: &str) -> Result<(), Conflict> {
        self.claim(&path, origin)?;
        self.files.insert(path, bytes);
        Ok(())
    }

    pub fn copy(&mut self, path: String, source: PathBuf, origin: &str) -> Result<(), Conflict> {
        self.claim(&path, origin)?;
        self.copies.insert(path, source);
        Ok(())
    }

    /// Reserves `path` for `origin`; fails when something else has it already.
    pub fn claim(&mut self, path: &str, origin: &str) -> Result<(), Conflict> {
        if let Some(first) = self.origins.get(path) {
            return Err(Conflict {
                path: path.to_string(),
                first: first.clone(),
                second: origin.to_string(),
            });
        }
        self.origins.insert(path.to_string(), origin.to_string());
        Ok(())
    }

    /// Claims `path` for `origin` now; its bytes are made by `make` in [`Site::make_later`].
    pub fn add_later(
        &mut self,
        path: String,
        origin: &str,
        make: impl FnOnce() -> Vec<u8> + Send + Sync + 'static,
    ) -> Result<(), Conflict> {
        self.claim(&path, origin)?;
        self.later.push((path, Box::new(make)));
        Ok(())
    }

    /// Makes the files left for later ([`Site::add_later`]), one after the other on this
    /// thread: not in the shared thread pool, where `serve`'s next save would wait behind
    /// them.
    pub fn make_later(&mut self) {
        for (path, make) in std::mem::take(&mut self.later) {
            self.files.insert(path, make());
        }
    }

    /// Adds the files of `other`, claiming each of its paths in turn.
    pub fn merge(&mut self, other: Site) -> Result<(), Conflict> {
        for (path, origin) in &other.origins {
            self.claim(path, origin)?;
        }
        self.files.extend(other.files);
        self.copies.extend(other.copies);
        self.later.extend(other.later);
        self.pages += other.pages;
        self.written += other.written;
        Ok(())
    }

    /// How many files the site has.
    pub fn file_count(&self) -> usize {
        self.files.len() + self.copies.len() + self.written + self.later.len()
    }

    /// Takes in freshly made extras (`Renderer::extras`) for `serve`: their generated files
    /// replace the old ones, and their copies replace every copy. A path that moved from one
    /// kind to the other (a built-in static file the guide's `static/` now overrides, or
    /// the override removed) keeps only its new kind.
    pub fn refresh_extras(&mut self, extras: Site) {
        for path in extras.copies.keys() {
            self.files.remove(path);
        }
        for (path, bytes) in extras.files {
            self.copies.remove(&path);
            self.files.insert(path, bytes);
        }
        self.copies = extras.copies;
    }

    /// Puts a file in place of what was there (for `serve`, which re-renders pages).
    pub fn replace(&mut self, path: String, bytes: Vec<u8>) {
        self.files.insert(path, bytes);
    }

    /// Takes a generated file away (for `serve`: a page past the new end of a list).
    pub fn remove(&mut self, path: &str) {
        self.files.remove(path);
        self.origins.remove(path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_left_for_later_has_its_path_at_once_and_its_bytes_when_made() {
        let mut site = Site::default();
        site.add_later("api/entries.json".into(), "the open data", || {
            b"[]".to_vec()
        })
        .unwrap();
        // Its path is taken before it is made: a second claim names both.
        let clash = site
            .add("api/entries.json".into(), Vec::new(), "a static file")
            .unwrap_err();
        assert_eq!(
            (clash.first.as_str(), clash.second.as_str()),
            ("the open data", "a static file")
        );
        assert_eq!(site.file_count(), 1);
        assert!(!site.files.contains_key("api/entries.json"));

        // Merged into another site, it is still to make; made, it is a file like any other.
        let mut whole = Site::default();
        whole.merge(site).unwrap();
        whole.make_later();
        assert_eq!(whole.files["api/entries.json"], b"[]");
        assert_eq!(whole.file_count(), 1);
        whole.make_later();
        assert_eq!(whole.file_count(), 1, "made once");
    }
}
