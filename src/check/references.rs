//! `addresses` and `related`: every id names an entry that exists, `addresses` a challenge;
//! and `aliases`: no two pages claim the same address.

use std::collections::HashMap;

use super::status_of_target;
use crate::content::{Doc, DocKey, DocType, Guide, Located, Role};
use crate::diagnostics::{did_you_mean, Code, Diagnostic};
use crate::i18n::Msg;
use crate::msg;

pub(super) fn check(guide: &Guide, doc: &Doc, out: &mut Vec<Diagnostic>) {
    for r in &doc.meta.addresses {
        if let Some(target) = resolve(guide, doc, r, "addresses", out) {
            let t = guide.doc_type(target);
            let is_challenge = target.role == Role::Entry && t == Some(DocType::Challenge);
            if !is_challenge && target.front_matter_ok {
                let key = match (target.role, t) {
                    (Role::Page, _) => "addresses-page",
                    (_, Some(DocType::Solution)) => "addresses-solution",
                    _ => "addresses-not-challenge",
                };
                out.push(
                    Diagnostic::new(
                        Code::NotAChallenge,
                        Msg::new(key).arg("id", r.value.as_str()),
                    )
                    .file(&doc.path)
                    .at(r.line, r.column)
                    .width(r.value.chars().count())
                    .hint(msg!("not-a-challenge-hint")),
                );
            } else if let Some(d) = status_of_target(doc, target, r.line, r.column) {
                out.push(d);
            }
        }
    }
    for r in &doc.meta.related {
        if let Some(target) = resolve(guide, doc, r, "related", out) {
            if let Some(d) = status_of_target(doc, target, r.line, r.column) {
                out.push(d);
            }
        }
    }
}

fn resolve<'g>(
    guide: &'g Guide,
    doc: &Doc,
    r: &Located,
    field: &str,
    out: &mut Vec<Diagnostic>,
) -> Option<&'g Doc> {
    if let Some(t) = guide.item(&r.value) {
        return Some(t);
    }
    let ids = guide.originals.keys().filter_map(|k| match k {
        DocKey::Item(id) => Some(id.as_str()),
        _ => None,
    });
    let hint = match did_you_mean(&r.value, ids) {
        Some(s) => msg!("did-you-mean", word = s),
        None => msg!("unknown-reference-hint"),
    };
    out.push(
        Diagnostic::new(
            Code::UnknownReference,
            msg!("unknown-reference", field = field, id = r.value.as_str()),
        )
        .file(&doc.path)
        .at(r.line, r.column)
        .width(r.value.chars().count())
        .hint(hint),
    );
    None
}

pub(super) fn check_aliases(
    guide: &Guide,
    addresses: &super::addresses::Addresses,
    out: &mut Vec<Diagnostic>,
) {
    let statics = StaticFiles::default();
    let mut owners: HashMap<String, &str> = HashMap::new();
    for doc in &guide.docs {
        owners.entry(doc.url.clone()).or_insert(&doc.path);
    }
    for doc in &guide.docs {
        for a in &doc.meta.aliases {
            // An alias that is not a path at all was reported where the field was read.
            let Ok(url) = crate::routes::alias(&a.value) else {
                continue;
            };
            let message = match owners.get(&url) {
                Some(owner) if url == a.value.trim().trim_start_matches('/') => Some(msg!(
                    "alias-taken",
                    alias = a.value.as_str(),
                    owner = *owner
                )),
                Some(owner) => Some(msg!(
                    "alias-taken-as",
                    alias = a.value.as_str(),
                    url = url.as_str(),
                    owner = *owner
                )),
                None => site_address(guide, addresses, &statics, &url)
                    .map(|what| msg!("alias-generated", alias = a.value.as_str(), what = what)),
            };
            match message {
                Some(m) => out.push(
                    Diagnostic::new(Code::AliasConflict, m)
                        .file(&doc.path)
                        .at(a.line, a.column)
                        .width(a.value.chars().count())
                        .hint(msg!("alias-conflict-hint")),
                ),
                None => {
                    owners.insert(url, &doc.path);
                }
            }
        }
    }
}

/// What the build itself puts at `url` (normalised, relative to the base), if anything:
/// the lists, tag pages, search, feeds, sitemap and the other files of the site's own, the
/// theme's and the guide's static files. An alias there would be dropped or replace it.
fn site_address(
    guide: &Guide,
    addresses: &super::addresses::Addresses,
    statics: &StaticFiles,
    url: &str,
) -> Option<Msg> {
    use crate::routes;
    if addresses.generated(guide, url) {
        return Some(msg!("quoted", text = url));
    }
    let first = url.split('/').next().unwrap_or_default();
    if let Some(what) = routes::reserved(first, &guide.config) {
        return Some(msg!("quoted-what", text = format!("{first}/"), what = what));
    }
    if [
        routes::ROBOTS,
        routes::REVIEW_JSON,
        routes::NOT_FOUND,
        crate::output::MARKER,
    ]
    .contains(&url)
        || url.starts_with(&routes::search_index())
    {
        return Some(msg!("quoted", text = url));
    }
    let file = url.trim_end_matches('/');
    statics
        .get(guide)
        .contains(file)
        .then(|| msg!("static-file", file = file))
}

/// The paths of the theme's static files (built in or in `themes/<name>/`) and the guide's
/// own, listed the first time an alias needs them and then kept for the whole check.
#[derive(Default)]
struct StaticFiles(std::sync::OnceLock<std::collections::HashSet<String>>);

impl StaticFiles {
    fn get(&self, guide: &Guide) -> &std::collections::HashSet<String> {
        self.0.get_or_init(|| {
            crate::theme::Theme::resolve(&guide.root, &guide.config.theme)
                .ok()
                .and_then(|theme| crate::theme::static_files(&guide.root, &theme).ok())
                .map(|files| files.into_keys().collect())
                .unwrap_or_default()
        })
    }
}
