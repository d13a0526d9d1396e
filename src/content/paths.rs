//! Where a file sits decides what it is and where it is published.
//!
//! A document's URL follows from its path alone, so body links to `.md` files can be
//! rewritten while the file is parsed, before the rest of the guide is known. This module is
//! that pure mapping: path → role, id, language and URL; and a link in a file → the path it
//! points at. It does not look at the disk.

use super::Role;

/// What a path under `content/` is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Classified {
    pub role: Role,
    /// Entry or page id, area name for an area, `""` for the home page.
    pub id: String,
    pub area: Option<String>,
    /// The `.xx` before `.md`, if any.
    pub lang_suffix: Option<String>,
}

/// Why a Markdown file has no place in the guide.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Misplaced {
    /// `content/<area>/index.md`: an area's introduction belongs in `_area.md`.
    AreaIndex,
    /// `content/<area>/_index.md`, or `_area.md` outside an area folder.
    WrongSpecialFile,
}

/// Splits `name.xx.md` into (`name`, Some(`xx`)), `name.md` into (`name`, None).
pub fn split_lang(file_name: &str) -> Option<(&str, Option<&str>)> {
    let stem = file_name.strip_suffix(".md")?;
    if let Some((base, suffix)) = stem.rsplit_once('.') {
        if (2..=3).contains(&suffix.len()) && suffix.bytes().all(|b| b.is_ascii_lowercase()) {
            return Some((base, Some(suffix)));
        }
    }
    Some((stem, None))
}

/// Is this file or folder name ignored (`.x`, `_x`, other than the special files)?
pub fn is_ignored_name(name: &str, is_dir: bool) -> bool {
    if !(name.starts_with('.') || name.starts_with('_')) {
        return false;
    }
    if is_dir {
        return true;
    }
    !matches!(split_lang(name), Some(("_index" | "_area", _)))
}

/// Classifies a Markdown file by its path relative to `content/` (with `/`).
/// `Ok(None)` for files that are not Markdown documents (assets, ignored names).
pub fn classify(rel: &str) -> Result<Option<Classified>, Misplaced> {
    let parts: Vec<&str> = rel.split('/').collect();
    let name = parts[parts.len() - 1];
    let Some((stem, lang)) = split_lang(name) else {
        return Ok(None);
    };
    if parts
        .iter()
        .enumerate()
        .any(|(i, p)| is_ignored_name(p, i + 1 < parts.len()))
    {
        return Ok(None);
    }
    let lang_suffix = lang.map(str::to_string);
    let c = |role, id: &str, area: Option<&str>| {
        Ok(Some(Classified {
            role,
            id: id.to_string(),
            area: area.map(str::to_string),
            lang_suffix: lang_suffix.clone(),
        }))
    };
    match parts.len() {
        1 => match stem {
            "_index" => c(Role::Home, "", None),
            "_area" => Err(Misplaced::WrongSpecialFile),
            _ => c(Role::Page, stem, None),
        },
        _ => {
            let area = parts[0];
            match (stem, parts.len()) {
                ("_area", 2) => c(Role::Area, area, Some(area)),
                ("_area" | "_index", _) => Err(Misplaced::WrongSpecialFile),
                ("index", 2) => Err(Misplaced::AreaIndex),
                ("index", _) => c(Role::Entry, parts[parts.len() - 2], Some(area)),
                _ => c(Role::Entry, stem, Some(area)),
            }
        }
    }
}

/// Where a link in a document points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// `https://…`, `mailto:…`, `//host/…`: left as written.
    External,
    /// `#anchor` in the same document.
    SameDoc { fragment: String },
    /// A path relative to the guide root (`content/…` or elsewhere), with an optional
    /// fragment. Whether it exists is for the caller to find out.
    Path {
        path: String,
        fragment: Option<String>,
    },
    /// `/…`: an address on the site itself.
    SiteUrl { url: String },
    /// A relative path that climbs out of the guide root.
    OutsideGuide,
}

/// Resolves a link destination written in the document at `from` (relative to the guide
/// root, e.g. `content/skola/x.md`).
pub fn resolve(from: &str, dest: &str) -> Target {
    let dest = dest.trim();
    if dest.is_empty() {
        return Target::SameDoc {
            fragment: String::new(),
        };
    }
    if has_scheme(dest) || dest.starts_with("//") {
        return Target::External;
    }
    if let Some(fragment) = dest.strip_prefix('#') {
        return Target::SameDoc {
            fragment: decode(fragment),
        };
    }
    let (path_part, fragment) = match dest.split_once('#') {
        Some((p, f)) => (p, Some(decode(f))),
        None => (dest, None),
    };
    let path_part = path_part.split('?').next().unwrap_or_default();
    if dest.starts_with('/') {
        return Target::SiteUrl {
            url: path_part.to_string(),
        };
    }
    let mut parts: Vec<String> = from.split('/').map(str::to_string).collect();
    parts.pop();
    for seg in decode(path_part).split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                if parts.pop().is_none() {
                    return Target::OutsideGuide;
                }
            }
            s => parts.push(s.to_string()),
        }
    }
    Target::Path {
        path: parts.join("/"),
        fragment,
    }
}

fn has_scheme(s: &str) -> bool {
    match s.find(':') {
        Some(i) if i > 0 => {
            let scheme = &s[..i];
            scheme
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
                && !s[..i].contains('/')
        }
        _ => false,
    }
}

fn decode(s: &str) -> String {
    percent_encoding::percent_decode_str(s)
        .decode_utf8_lossy()
        .into_owned()
}

pub use crate::routes::{alias as normalise_alias, BadAlias, MAX_ALIAS_LEN, MAX_ALIAS_PART};

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: &str, area: &str, lang: Option<&str>) -> Classified {
        Classified {
            role: Role::Entry,
            id: id.into(),
            area: Some(area.into()),
            lang_suffix: lang.map(Into::into),
        }
    }

    #[test]
    fn classifies_the_layout() {
        assert_eq!(classify("_index.md").unwrap().unwrap().role, Role::Home);
        assert_eq!(
            classify("_index.en.md")
                .unwrap()
                .unwrap()
                .lang_suffix
                .as_deref(),
            Some("en")
        );
        assert_eq!(classify("om.md").unwrap().unwrap().role, Role::Page);
        assert_eq!(
            classify("skola/_area.md").unwrap().unwrap().role,
            Role::Area
        );
        assert_eq!(
            classify("skola/x.md").unwrap().unwrap(),
            entry("x", "skola", None)
        );
        assert_eq!(
            classify("skola/sub/x.en.md").unwrap().unwrap(),
            entry("x", "skola", Some("en"))
        );
        assert_eq!(
            classify("skola/x/index.md").unwrap().unwrap(),
            entry("x", "skola", None)
        );
        assert_eq!(
            classify("skola/x/index.en.md").unwrap().unwrap(),
            entry("x", "skola", Some("en"))
        );
        assert_eq!(classify("skola/index.md"), Err(Misplaced::AreaIndex));
        assert_eq!(
            classify("skola/_index.md"),
            Err(Misplaced::WrongSpecialFile)
        );
        assert_eq!(classify("skola/_utkast.md"), Ok(None));
        assert_eq!(classify("_arkiv/x.md"), Ok(None));
        assert_eq!(classify("skola/.git/x.md"), Ok(None));
        assert_eq!(classify("skola/bild.png"), Ok(None));
    }

    #[test]
    fn resolves_links() {
        let from = "content/skola/x.md";
        assert_eq!(resolve(from, "https://a.se/x"), Target::External);
        assert_eq!(resolve(from, "mailto:a@b.se"), Target::External);
        assert_eq!(
            resolve(from, "#kostnader"),
            Target::SameDoc {
                fragment: "kostnader".into()
            }
        );
        assert_eq!(
            resolve(from, "../aldreomsorg/y.md#s%C3%A5"),
            Target::Path {
                path: "content/aldreomsorg/y.md".into(),
                fragment: Some("så".into())
            }
        );
        assert_eq!(
            resolve(from, "./bild%20ett.png"),
            Target::Path {
                path: "content/skola/bild ett.png".into(),
                fragment: None
            }
        );
        assert_eq!(resolve(from, "../../../x.md"), Target::OutsideGuide);
        assert_eq!(
            resolve(from, "/om/"),
            Target::SiteUrl { url: "/om/".into() }
        );
    }
}

#[cfg(test)]
mod alias_tests {
    use super::*;

    #[test]
    fn aliases_have_one_spelling() {
        assert_eq!(normalise_alias("/skola/gammal"), Ok("skola/gammal/".into()));
        assert_eq!(
            normalise_alias("skola//./gammal/"),
            Ok("skola/gammal/".into())
        );
        assert_eq!(normalise_alias("a/./x/"), Ok("a/x/".into()));
        assert_eq!(normalise_alias("gammal.html"), Ok("gammal.html".into()));
        assert_eq!(normalise_alias("./gammal.html/"), Ok("gammal.html/".into()));
        for home in ["", "/", ".", "./", "//", " /./ "] {
            assert_eq!(normalise_alias(home), Err(BadAlias::Home), "{home:?}");
        }
        for bad in [
            "../x/",
            "a/../b",
            "https://x.se/",
            "a?b",
            "a#b",
            "a\\b",
            "a\0b",
            "a b",
            "a\nb",
        ] {
            assert_eq!(normalise_alias(bad), Err(BadAlias::NotAPath), "{bad:?}");
        }
        assert_eq!(normalise_alias(&"x".repeat(300)), Err(BadAlias::TooLong));
        assert_eq!(normalise_alias(&"abc/".repeat(400)), Err(BadAlias::TooLong));
    }
}
