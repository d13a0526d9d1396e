//! The site's addresses and the files behind them, for the link checks: which page, list or
//! file a link written as an address stands for (`/skola/franvaro/`, the site's full
//! address `https://guide.kommun.se/skola/franvaro/`, a preview's
//! `http://127.0.0.1:1111/skola/franvaro/`), so that a hint can name the real `.md` file to
//! link instead; and which files the guide publishes, by their exact names, for a path
//! that differs from one only in letter case.
//!
//! Everything is taken from the loaded guide (its documents, its assets, the files of its
//! `static/` folder), listed once per check the first time a link needs it, and never asked
//! of the file system: on a system that ignores letter case, `Bilder/Karta.PNG` would
//! "exist" there and be missing on the web server. The addresses themselves are
//! `routes.rs`'s.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use crate::config::Config;
use crate::content::{paths, Doc, Guide};

/// What the site has at an address (relative to its base, `skola/franvaro/`).
pub(super) enum Behind<'g> {
    /// A page made from this document (an alias of it included).
    Page(&'g Doc),
    /// A page or file the build makes that no file stands for: a list, a tag page, a feed.
    Generated,
    /// A file of the guide published as it is (`content/…` or `static/…`).
    File(String),
    /// Nothing.
    Nothing,
}

/// The site's addresses and the guide's published files, collected once per check.
#[derive(Default)]
pub(super) struct Addresses(OnceLock<Known>);

struct Known {
    /// Page address below the base (`skola/franvaro/`, an alias too) → index in `docs`.
    pages: HashMap<String, usize>,
    /// The same, by the address in lower case.
    pages_by_lower: HashMap<String, usize>,
    /// The tags' slugs.
    tags: HashSet<String>,
    /// The files under `content/` that are not Markdown, outside `_` and `.` folders.
    assets: HashSet<String>,
    /// The files of `static/` (`static/bilder/logga.png`); `None` when the folder could
    /// not be listed (its problem is reported by `build`), and the disk is asked instead.
    statics: Option<HashSet<String>>,
    /// Every published file (documents, assets, static files), by its path in lower case.
    by_lower: HashMap<String, String>,
}

impl Addresses {
    fn known(&self, guide: &Guide) -> &Known {
        self.0.get_or_init(|| {
            let mut pages = HashMap::new();
            let mut tags = HashSet::new();
            for (i, d) in guide.docs.iter().enumerate() {
                pages.entry(d.url.clone()).or_insert(i);
                tags.extend(d.meta.tags.iter().map(|t| crate::text::slugify_id(t)));
            }
            // A document's own address wins over another's alias (an alias-conflict).
            for (i, d) in guide.docs.iter().enumerate() {
                for a in &d.meta.aliases {
                    if let Ok(url) = paths::normalise_alias(&a.value) {
                        pages.entry(url).or_insert(i);
                    }
                }
            }
            let statics = crate::theme::static_files(&guide.root, &crate::theme::Theme::BuiltIn)
                .ok()
                .map(|files| {
                    files
                        .into_values()
                        .filter_map(|f| f.guide_path)
                        .collect::<HashSet<String>>()
                });
            let by_lower = guide
                .docs
                .iter()
                .map(|d| &d.path)
                .chain(&guide.assets)
                .chain(statics.iter().flatten())
                .map(|p| (p.to_lowercase(), p.clone()))
                .collect();
            let pages_by_lower = pages.iter().map(|(u, &i)| (u.to_lowercase(), i)).collect();
            Known {
                pages,
                pages_by_lower,
                tags,
                assets: guide.assets.iter().cloned().collect(),
                statics,
                by_lower,
            }
        })
    }

    /// Whether `path` (from the guide root) is a file the guide publishes as it is: an
    /// asset under `content/` outside `_` and `.` folders, or a file of `static/`.
    pub(super) fn is_published_file(&self, guide: &Guide, path: &str) -> bool {
        if path.starts_with("content/") {
            return self.known(guide).assets.contains(path);
        }
        if !path.starts_with("static/") {
            return false;
        }
        match &self.known(guide).statics {
            Some(statics) => statics.contains(path),
            None => crate::fs_guard::is_regular_inside(&guide.root, &guide.root.join(path)),
        }
    }

    /// The published file whose path is `path` but for letter case, if there is one
    /// (`content/skola/Bilder/Karta.PNG` → `content/skola/bilder/karta.png`).
    pub(super) fn same_but_case<'a>(&'a self, guide: &Guide, path: &str) -> Option<&'a str> {
        self.known(guide)
            .by_lower
            .get(&path.to_lowercase())
            .map(String::as_str)
            .filter(|p| *p != path)
    }

    /// What the site has at `rel`, an address below its base (percent-decoded, without
    /// `?` or `#`).
    pub(super) fn behind<'g>(&self, guide: &'g Guide, rel: &str) -> Behind<'g> {
        let known = self.known(guide);
        let rel = rel.trim_start_matches('/');
        let rel = rel.strip_suffix(crate::routes::INDEX).unwrap_or(rel);
        let with_slash = if rel.is_empty() || rel.ends_with('/') {
            rel.to_string()
        } else {
            format!("{rel}/")
        };
        if let Some(&i) = known.pages.get(&with_slash) {
            return Behind::Page(&guide.docs[i]);
        }
        if self.generated(guide, &with_slash) || self.generated(guide, rel) {
            return Behind::Generated;
        }
        for file in [format!("static/{rel}"), format!("content/{rel}")] {
            if self.is_published_file(guide, &file) {
                return Behind::File(file);
            }
        }
        Behind::Nothing
    }

    /// The page whose address is `rel` but for letter case or a near spelling, for a hint
    /// on an address that has no page.
    pub(super) fn page_near<'g>(&self, guide: &'g Guide, rel: &str) -> Option<&'g Doc> {
        let known = self.known(guide);
        let rel = rel.trim_start_matches('/');
        let with_slash = if rel.is_empty() || rel.ends_with('/') {
            rel.to_string()
        } else {
            format!("{rel}/")
        };
        if let Some(&i) = known.pages_by_lower.get(&with_slash.to_lowercase()) {
            return Some(&guide.docs[i]);
        }
        // `/challenges/franvaro/` or `/franvaro/`: the last part is an entry's id, or close
        // to one (`/challenges/lakemedelsmissar/` for `lakemedelsmissar-hemtjanst`).
        let last = with_slash.trim_end_matches('/').rsplit('/').next()?;
        if let Some(doc) = guide.item(last) {
            return Some(doc);
        }
        use crate::diagnostics::did_you_mean;
        if let Some(near) = did_you_mean(&with_slash, known.pages.keys().map(String::as_str)) {
            return known.pages.get(near).map(|&i| &guide.docs[i]);
        }
        let ids = guide.originals.keys().filter_map(|k| match k {
            crate::content::DocKey::Item(id) => Some(id.as_str()),
            _ => None,
        });
        did_you_mean(last, ids).and_then(|id| guide.item(id))
    }

    /// The pages and files the build makes that no Markdown file stands for: the lists, the
    /// tag pages, search, the feeds, the sitemap and the open data (in any of the site's
    /// languages): `routes` knows them.
    pub(super) fn generated(&self, guide: &Guide, rel: &str) -> bool {
        crate::routes::is_generated(
            rel,
            &guide.config.languages,
            |slug| self.known(guide).tags.contains(slug),
            |area| guide.areas.contains_key(area),
        )
    }
}

/// A link written as a full address of this very site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct OwnAddress {
    /// The address below the site's base, percent-decoded (`skola/elevhalsa/`).
    pub rel: String,
    /// The `#anchor`, percent-decoded.
    pub fragment: Option<String>,
    /// A preview on the editor's own computer (`localhost`, `127.0.0.1` …), not `base_url`.
    pub preview: bool,
}

/// Whether `dest` is a full address of this site: under its `base_url`, or a preview's on
/// the editor's own computer (any `http://localhost…`, `127.0.0.1`, `[::1]` or `0.0.0.0`
/// address, as `signpost serve` shows: no reader can open it).
pub(super) fn own_address(config: &Config, dest: &str) -> Option<OwnAddress> {
    let url = url::Url::parse(dest.trim()).ok()?;
    if !matches!(url.scheme(), "http" | "https") {
        return None;
    }
    let preview = match url.host()? {
        url::Host::Domain(d) => d.eq_ignore_ascii_case("localhost"),
        url::Host::Ipv4(ip) => ip.is_loopback() || ip.is_unspecified(),
        url::Host::Ipv6(ip) => ip.is_loopback() || ip.is_unspecified(),
    };
    let base_path = config.base_path();
    let rel = if preview {
        url.path()
            .strip_prefix(base_path.as_str())
            .unwrap_or(url.path().trim_start_matches('/'))
    } else {
        let base = url::Url::parse(&config.base_url).ok()?;
        let same_site = base.host_str().is_some()
            && base.host_str() == url.host_str()
            && base.port() == url.port();
        if !same_site {
            return None;
        }
        // The home page may be written without its last `/`: `https://kommun.se/guide`.
        let home = base.path().trim_end_matches('/');
        if url.path() == home {
            ""
        } else {
            url.path().strip_prefix(base.path())?
        }
    };
    let decode = |s: &str| {
        percent_encoding::percent_decode_str(s)
            .decode_utf8_lossy()
            .into_owned()
    };
    Some(OwnAddress {
        rel: decode(rel),
        fragment: url.fragment().map(decode),
        preview,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(base_url: &str) -> Config {
        Config {
            base_url: base_url.into(),
            ..Config::default()
        }
    }

    fn own(base_url: &str, dest: &str) -> Option<(String, Option<String>, bool)> {
        own_address(&config(base_url), dest).map(|o| (o.rel, o.fragment, o.preview))
    }

    #[test]
    fn the_sites_own_addresses_are_recognised() {
        let base = "https://guide.kommun.se/digital/";
        assert_eq!(
            own(
                base,
                "https://guide.kommun.se/digital/skola/elevh%C3%A4lsa/#kontakt"
            ),
            Some(("skola/elevhälsa/".into(), Some("kontakt".into()), false))
        );
        assert_eq!(
            own(base, "http://GUIDE.kommun.se/digital/om/"),
            Some(("om/".into(), None, false)),
            "http or https, and the host in any case"
        );
        assert_eq!(
            own(base, "https://guide.kommun.se/annat/"),
            None,
            "outside the base"
        );
        assert_eq!(
            own(base, "https://guide.kommun.se/digital"),
            Some((String::new(), None, false)),
            "the home page without its last `/`"
        );
        assert_eq!(
            own(base, "https://guide.kommun.se:8443/digital/om/"),
            None,
            "another port"
        );
        assert_eq!(own(base, "https://kommun.se/digital/om/"), None);
        assert_eq!(own(base, "mailto:guide@kommun.se"), None);
        for preview in [
            "http://127.0.0.1:1111/digital/skola/x/",
            "http://localhost:1111/skola/x/",
            "http://[::1]:8080/skola/x/",
            "http://0.0.0.0:1111/skola/x/",
        ] {
            assert_eq!(
                own(base, preview),
                Some(("skola/x/".into(), None, true)),
                "{preview}"
            );
        }
        // Without a host in base_url, only a preview is the site's own.
        assert_eq!(own("/", "https://guide.kommun.se/om/"), None);
        assert_eq!(
            own("/", "http://localhost:1111/om/"),
            Some(("om/".into(), None, true))
        );
    }
}
