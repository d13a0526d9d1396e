//! Links and images in the text: every relative link points at a file that exists, every
//! `#anchor` at a heading that exists, every image exists. (Their alternative text is
//! `images.rs`'s.)

use super::addresses::{own_address, Addresses, Behind, OwnAddress};
use super::status_of_target;
use crate::content::paths::{self, Target};
use crate::content::{Doc, Guide, Role};
use crate::diagnostics::{did_you_mean, Code, Diagnostic};
use crate::i18n::Msg;
use crate::markdown::Link;
use crate::msg;

pub(super) fn check(guide: &Guide, addresses: &Addresses, doc: &Doc, out: &mut Vec<Diagnostic>) {
    let Some(body) = &doc.body else { return };
    let cx = Cx {
        guide,
        addresses,
        doc,
    };
    for link in &body.links {
        let diag = |code: Code, message: Msg| {
            Diagnostic::new(code, message)
                .file(&doc.path)
                .at(link.line, link.column)
                .width(link.width as usize)
        };
        match paths::resolve(&doc.path, &link.dest) {
            Target::External => {
                if let Some(own) = own_address(&guide.config, &link.dest) {
                    out.push(cx.own_site(link, &own, diag));
                } else if link.is_image {
                    out.push(
                        diag(
                            Code::ExternalImage,
                            msg!("external-image", image = &link.dest),
                        )
                        .hint(msg!("external-image-hint")),
                    );
                }
            }
            Target::SameDoc { fragment } => {
                if !fragment.is_empty() && !body.has_anchor(&fragment) {
                    out.push(broken_anchor(
                        diag(Code::BrokenAnchor, msg!("broken-anchor")),
                        doc,
                        &fragment,
                        msg!("this-file"),
                    ));
                }
            }
            Target::Path { path, fragment } => {
                cx.path(link, &path, fragment.as_deref(), &diag, out)
            }
            Target::SiteUrl { url } => out.extend(cx.site_url(&url, diag)),
            Target::OutsideGuide => out.push(
                diag(Code::BrokenLink, msg!("outside-guide", link = &link.dest))
                    .hint(msg!("outside-guide-hint")),
            ),
        }
    }
}

/// The document whose links are checked, and what they are checked against.
struct Cx<'a> {
    guide: &'a Guide,
    addresses: &'a Addresses,
    doc: &'a Doc,
}

impl Cx<'_> {
    /// The path from the linking file to `file`, as a link in it is written.
    fn path_to(&self, file: &str) -> String {
        relative(&self.doc.path, file)
    }

    /// A link to a file of the guide: a document (and its heading), or a published file.
    fn path(
        &self,
        link: &Link,
        path: &str,
        fragment: Option<&str>,
        diag: &dyn Fn(Code, Msg) -> Diagnostic,
        out: &mut Vec<Diagnostic>,
    ) {
        let (guide, doc) = (self.guide, self.doc);
        let candidates = [
            path.to_string(),
            format!("{path}/index.md"),
            format!("{path}/_area.md"),
            format!("{path}/_index.md"),
        ];
        let target = candidates
            .iter()
            .find_map(|p| guide.by_path.get(p.trim_start_matches('/')))
            .map(|&i| &guide.docs[i]);
        if let Some(target) = target {
            if let (Some(frag), Some(body)) = (fragment, &target.body) {
                if !frag.is_empty() && !body.has_anchor(frag) {
                    out.push(broken_anchor(
                        diag(Code::BrokenAnchor, msg!("broken-anchor")),
                        target,
                        frag,
                        Msg::new("quoted").arg("text", target.path.as_str()),
                    ));
                }
            }
            if let Some(d) = status_of_target(doc, target, link.line, link.column) {
                out.push(d);
            }
            return;
        }
        // The guide's own list of what it publishes, never the file system's answer: a
        // system that ignores letter case finds `Bilder/Karta.PNG` where the web server
        // will not.
        if self.addresses.is_published_file(guide, path) && !path.ends_with(".md") {
            return;
        }
        let same_but_case = candidates
            .iter()
            .find_map(|p| self.addresses.same_but_case(guide, p));
        let exists = same_but_case.is_none()
            && crate::fs_guard::is_regular_inside(&guide.root, &guide.root.join(path));
        let code = if link.is_image {
            Code::MissingImage
        } else {
            Code::BrokenLink
        };
        let key = match (link.is_image, exists) {
            (true, true) => "image-not-published",
            (false, true) => "link-not-published",
            (true, false) => "image-missing",
            (false, false) => "link-missing-file",
        };
        let message = Msg::new(key)
            .arg("link", link.dest.as_str())
            .arg("path", path);
        let hint = match same_but_case {
            Some(real) => Some(msg!("did-you-mean-case", file = self.path_to(real))),
            None => suggest_path(guide, doc, path),
        };
        out.push(diag(code, message).maybe_hint(hint));
    }

    /// A link written as an address on the site (`/skola/franvaro/`): broken when the site
    /// has nothing there, with the real file meant when one is near.
    fn site_url(&self, url: &str, diag: impl Fn(Code, Msg) -> Diagnostic) -> Option<Diagnostic> {
        let base = self.guide.config.base_path();
        let rel = url
            .strip_prefix(base.as_str())
            .unwrap_or(url.trim_start_matches('/'));
        let rel = percent_encoding::percent_decode_str(rel).decode_utf8_lossy();
        let Behind::Nothing = self.addresses.behind(self.guide, &rel) else {
            return None;
        };
        let hint = match self.addresses.page_near(self.guide, &rel) {
            Some(page) => msg!("site-address-near-hint", file = self.path_to(&page.path)),
            None => msg!("site-address-nothing-hint"),
        };
        Some(diag(Code::BrokenLink, msg!("not-a-site-address", url = url)).hint(hint))
    }

    /// `link-to-own-site`: a link written as the site's full address, or a preview's, with
    /// the file to link instead.
    fn own_site(
        &self,
        link: &Link,
        own: &OwnAddress,
        diag: impl Fn(Code, Msg) -> Diagnostic,
    ) -> Diagnostic {
        let message = if own.preview {
            msg!("own-site-preview", url = &link.dest)
        } else {
            msg!("own-site-address", url = &link.dest)
        };
        let anchor = own
            .fragment
            .as_deref()
            .filter(|f| !f.is_empty())
            .map(|f| format!("#{f}"))
            .unwrap_or_default();
        let file = |file: String| match link.is_image {
            true => msg!("own-site-image-file", file = file),
            false => msg!("own-site-link-file", file = file),
        };
        let address = format!("/{}", own.rel);
        let hint = match self.addresses.behind(self.guide, &own.rel) {
            Behind::Page(page) => file(format!("{}{anchor}", self.path_to(&page.path))),
            Behind::File(f) => file(self.path_to(&f)),
            Behind::Generated => msg!("own-site-generated", address = format!("{address}{anchor}")),
            Behind::Nothing => match self.addresses.page_near(self.guide, &own.rel) {
                Some(page) => msg!(
                    "own-site-nothing-near",
                    address = address,
                    file = self.path_to(&page.path)
                ),
                None => msg!("own-site-nothing", address = address),
            },
        };
        diag(Code::LinkToOwnSite, message).hint(hint)
    }
}

fn broken_anchor(mut d: Diagnostic, target: &Doc, fragment: &str, place: Msg) -> Diagnostic {
    d.message = msg!("broken-anchor", fragment = fragment, place = place);
    let anchors = target
        .body
        .iter()
        .flat_map(|b| b.headings.iter().map(|h| h.anchor.as_str()));
    let anchors: Vec<&str> = anchors.collect();
    d.hint = Some(match did_you_mean(fragment, anchors.iter().copied()) {
        Some(s) => msg!("did-you-mean", word = format!("#{s}")),
        None if !anchors.is_empty() => {
            let shown: Vec<String> = anchors.iter().take(8).map(|a| format!("#{a}")).collect();
            msg!("anchors-list", anchors = shown.join(", "))
        }
        None => msg!("no-headings-hint"),
    });
    d
}

/// "did you mean `../aldreomsorg/x.md`?" for a missing Markdown file whose name is close to
/// another entry's or page's id (never the linking file itself).
fn suggest_path(guide: &Guide, doc: &Doc, path: &str) -> Option<Msg> {
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
    Some(msg!(
        "did-you-mean",
        word = relative(&doc.path, &target.path)
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
