//! Links and images in the text: every relative link points at a file that exists, every
//! `#anchor` at a heading that exists, every image exists. (Their alternative text is
//! `images.rs`'s.)

use std::collections::HashSet;
use std::sync::OnceLock;

use super::status_of_target;
use crate::content::paths::{self, Target};
use crate::content::{Doc, Guide, Role};
use crate::diagnostics::{did_you_mean, Code, Diagnostic};
use crate::markdown::Link;

/// The addresses of the guide's entries, pages and aliases (relative to the base path,
/// ending in `/`) and its tags' slugs, collected once per check the first time a link needs
/// them, so that checking a link written as an address (`/aldreomsorg/x/`) does not walk
/// every document.
#[derive(Default)]
pub(super) struct Addresses(OnceLock<(HashSet<String>, HashSet<String>)>);

impl Addresses {
    fn get(&self, guide: &Guide) -> &(HashSet<String>, HashSet<String>) {
        self.0.get_or_init(|| {
            let mut urls = HashSet::new();
            let mut tags = HashSet::new();
            for d in &guide.docs {
                urls.insert(d.url.clone());
                urls.extend(
                    d.meta
                        .aliases
                        .iter()
                        .filter_map(|a| paths::normalise_alias(&a.value).ok()),
                );
                tags.extend(d.meta.tags.iter().map(|t| crate::text::slugify_id(t)));
            }
            (urls, tags)
        })
    }
}

pub(super) fn check(guide: &Guide, addresses: &Addresses, doc: &Doc, out: &mut Vec<Diagnostic>) {
    let Some(body) = &doc.body else { return };
    for link in &body.links {
        let diag = |code: Code, message: String| {
            Diagnostic::new(code, message)
                .file(&doc.path)
                .at(link.line, link.column)
                .width(link.width as usize)
        };
        match paths::resolve(&doc.path, &link.dest) {
            Target::External => {
                if link.is_image {
                    out.push(
                        diag(Code::ExternalImage, format!("the image `{}` is loaded from another website", link.dest))
                            .hint("save the image next to the text and link to the copy, so readers' browsers make no third-party requests"),
                    );
                }
            }
            Target::SameDoc { fragment } => {
                if !fragment.is_empty() && !body.has_anchor(&fragment) {
                    out.push(broken_anchor(
                        diag(Code::BrokenAnchor, String::new()),
                        doc,
                        &fragment,
                        "this file",
                    ));
                }
            }
            Target::Path { path, fragment } => {
                check_path(guide, doc, link, &path, fragment.as_deref(), &diag, out)
            }
            Target::SiteUrl { url } => {
                if !site_url_exists(guide, addresses, &url) {
                    out.push(
                        diag(Code::BrokenLink, format!("`{url}` is not an address on this site"))
                            .hint("link to the Markdown file instead, e.g. `../aldreomsorg/digital-nyckel.md`; the link then works on the git host too"),
                    );
                }
            }
            Target::OutsideGuide => out.push(
                diag(
                    Code::BrokenLink,
                    format!("`{}` points outside the guide", link.dest),
                )
                .hint("link to a file inside `content/` or `static/`, or to a full web address"),
            ),
        }
    }
}

fn check_path(
    guide: &Guide,
    doc: &Doc,
    link: &Link,
    path: &str,
    fragment: Option<&str>,
    diag: &dyn Fn(Code, String) -> Diagnostic,
    out: &mut Vec<Diagnostic>,
) {
    let target = [
        path.to_string(),
        format!("{path}/index.md"),
        format!("{path}/_area.md"),
        format!("{path}/_index.md"),
    ]
    .iter()
    .find_map(|p| guide.by_path.get(p.trim_start_matches('/')))
    .map(|&i| &guide.docs[i]);
    if let Some(target) = target {
        if let (Some(frag), Some(body)) = (fragment, &target.body) {
            if !frag.is_empty() && !body.has_anchor(frag) {
                out.push(broken_anchor(
                    diag(Code::BrokenAnchor, String::new()),
                    target,
                    frag,
                    &format!("`{}`", target.path),
                ));
            }
        }
        if let Some(d) = status_of_target(doc, target, link.line, link.column) {
            out.push(d);
        }
        return;
    }
    // Files in `_` or `.` folders under content/ are not published (CONTENT-FORMAT.md).
    let ignored = path.strip_prefix("content/").is_some_and(|rel| {
        let parts: Vec<&str> = rel.split('/').collect();
        parts[..parts.len() - 1]
            .iter()
            .any(|p| p.starts_with('_') || p.starts_with('.'))
    });
    let published = (path.starts_with("content/") && !ignored) || path.starts_with("static/");
    let exists = crate::fs_guard::is_regular_inside(&guide.root, &guide.root.join(path));
    if exists && published && !path.ends_with(".md") {
        return;
    }
    let (code, what) = if link.is_image {
        (Code::MissingImage, "image")
    } else {
        (Code::BrokenLink, "link")
    };
    let message = if exists {
        format!(
            "the {what} `{}` points at `{path}`, which is not part of the published guide",
            link.dest
        )
    } else {
        format!(
            "the {what} `{}` points at `{path}`, which does not exist",
            link.dest
        )
    };
    out.push(diag(code, message).maybe_hint(suggest_path(guide, doc, path)));
}

fn broken_anchor(mut d: Diagnostic, target: &Doc, fragment: &str, place: &str) -> Diagnostic {
    d.message = format!("there is no heading `#{fragment}` in {place}");
    let anchors = target
        .body
        .iter()
        .flat_map(|b| b.headings.iter().map(|h| h.anchor.as_str()));
    let anchors: Vec<&str> = anchors.collect();
    d.hint = Some(match did_you_mean(fragment, anchors.iter().copied()) {
        Some(s) => format!("did you mean `#{s}`?"),
        None if !anchors.is_empty() => {
            let shown: Vec<String> = anchors.iter().take(8).map(|a| format!("#{a}")).collect();
            format!("its headings' anchors: {}", shown.join(", "))
        }
        None => "the file has no headings; an anchor is a heading's text in lowercase with dashes between words".into(),
    });
    d
}

/// "did you mean `../aldreomsorg/x.md`?" for a missing Markdown file whose name is close to
/// another entry's or page's id (never the linking file itself).
fn suggest_path(guide: &Guide, doc: &Doc, path: &str) -> Option<String> {
    let mut parts = path.rsplit('/');
    let stem = parts.next()?.strip_suffix(".md")?;
    let wanted = if stem == "index" { parts.next()? } else { stem };
    let candidates = || {
        guide.docs.iter().filter(|d| {
            matches!(d.role, Role::Entry | Role::Page) && !d.is_translation && d.path != doc.path
        })
    };
    let best = did_you_mean(wanted, candidates().map(|d| d.id.as_str()))?;
    let target = candidates().find(|d| d.id == best)?;
    Some(format!(
        "did you mean `{}`?",
        relative(&doc.path, &target.path)
    ))
}

/// The relative path from the file `from` to the file `to` (both relative to the root).
pub fn relative(from: &str, to: &str) -> String {
    let from_dir: Vec<&str> =
        from.split('/').collect::<Vec<_>>()[..from.split('/').count() - 1].to_vec();
    let to_parts: Vec<&str> = to.split('/').collect();
    let common = from_dir
        .iter()
        .zip(&to_parts)
        .take_while(|(a, b)| a == b)
        .count();
    let mut parts: Vec<&str> = vec![".."; from_dir.len() - common];
    parts.extend(&to_parts[common..]);
    parts.join("/")
}

fn site_url_exists(guide: &Guide, addresses: &Addresses, url: &str) -> bool {
    let base = guide.config.base_path();
    let rel = url
        .strip_prefix(base.as_str())
        .unwrap_or(url.trim_start_matches('/'));
    let rel = rel.trim_end_matches(crate::routes::INDEX);
    let with_slash = if rel.is_empty() || rel.ends_with('/') {
        rel.to_string()
    } else {
        format!("{rel}/")
    };
    if generated_page(guide, addresses, &with_slash) || generated_page(guide, addresses, rel) {
        return true;
    }
    addresses.get(guide).0.contains(&with_slash)
        || crate::fs_guard::is_regular_inside(&guide.root, &guide.root.join("static").join(rel))
        || crate::fs_guard::is_regular_inside(&guide.root, &guide.root.join("content").join(rel))
}

/// The pages and files the build makes that no Markdown file stands for: the lists, the
/// tag pages, search, the feeds, the sitemap and the open data (in any of the site's
/// languages): `routes` knows them.
pub(super) fn generated_page(guide: &Guide, addresses: &Addresses, rel: &str) -> bool {
    crate::routes::is_generated(
        rel,
        &guide.config.languages,
        |slug| addresses.get(guide).1.contains(slug),
        |area| guide.areas.contains_key(area),
    )
}

#[cfg(test)]
mod tests {
    use super::relative;

    #[test]
    fn relative_paths() {
        assert_eq!(
            relative("content/skola/a.md", "content/aldreomsorg/b.md"),
            "../aldreomsorg/b.md"
        );
        assert_eq!(relative("content/skola/a.md", "content/skola/b.md"), "b.md");
        assert_eq!(
            relative("content/a.md", "content/skola/x/index.md"),
            "skola/x/index.md"
        );
    }
}
