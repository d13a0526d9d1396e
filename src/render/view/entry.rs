//! A challenge's or a solution's page: its text, the solutions that address it (or the
//! challenges it addresses), its tags, organisations, related entries, a solution's kind,
//! provider and links, and the review box.

use serde::Serialize;

use super::{PageCtx, Review, View};
use crate::content::{Doc, DocType, ExtLink};
use crate::render::cards::{NavLink, Shown};
use crate::render::model::Model;
use crate::routes;
use crate::text::slugify_id;

#[derive(Debug, Default, Serialize)]
pub struct EntryView {
    /// The Markdown body as HTML.
    pub body: String,
    pub review: Option<Review>,
    /// The entry's area.
    pub area: Option<NavLink>,
    pub tags: Vec<NavLink>,
    pub organisations: Vec<String>,
    pub related: Vec<Shown>,
    /// On a challenge: the solutions that address it.
    pub solutions: Vec<Shown>,
    /// On a solution: the challenges it addresses.
    pub challenges: Vec<Shown>,
    pub solution_kind: Option<&'static str>,
    pub kind_label: Option<String>,
    pub provider: Option<String>,
    pub provider_type_label: Option<String>,
    pub links: Vec<ExtLink>,
}

impl Model<'_> {
    pub(super) fn entry(&self, d: &Doc) -> PageCtx {
        let g = self.guide;
        let kind = if g.doc_type(d) == Some(DocType::Solution) {
            "solution"
        } else {
            "challenge"
        };
        let shared = self.shared(d);
        let mut v = EntryView {
            body: super::body_html(self.guide, d),
            review: self.review(d),
            ..EntryView::default()
        };
        let mut breadcrumbs = Vec::new();
        if let Some((id, a)) = d
            .area
            .as_deref()
            .and_then(|a| self.area_doc(a).map(|d| (a, d)))
        {
            let mut link = NavLink::new(a.title(), self.home_url(&routes::area(id)));
            link.lang = (a.lang != self.lang).then(|| a.lang.clone());
            breadcrumbs = vec![link.clone()];
            v.area = Some(link);
        }
        // A tag links to its page when it has one (an archived entry's tag may have none).
        v.tags = shared
            .tags
            .iter()
            .map(|t| {
                let slug = slugify_id(t);
                let url = if self.tags.contains_key(&slug) {
                    self.home_url(&routes::tag(&slug))
                } else {
                    String::new()
                };
                NavLink::new(t.clone(), url)
            })
            .collect();
        v.organisations = shared.organisations.clone();
        v.related = self.cards_of(
            shared
                .related
                .iter()
                .filter_map(|r| self.listed_item(&r.value))
                .collect(),
        );
        if kind == "challenge" {
            v.solutions = self.cards_of(self.solutions_of.get(&d.id).cloned().unwrap_or_default());
        } else {
            v.challenges = self.cards_of(
                shared
                    .addresses
                    .iter()
                    .filter_map(|r| self.listed_item(&r.value))
                    .collect(),
            );
            v.solution_kind = shared.kind.map(|k| k.as_str());
            v.kind_label = self
                .card_of(g.by_path[&d.path])
                .and_then(|c| c.kind_label.clone());
            v.provider = shared.provider.clone();
            v.provider_type_label = shared
                .provider_type
                .map(|t| self.label(&format!("provider_{}", t.as_str())));
            // A translation may link to pages in its own language.
            v.links = if d.meta.links.is_empty() {
                shared.links.clone()
            } else {
                d.meta.links.clone()
            };
        }
        let mut p = self.doc_page(d, kind, &format!("{kind}.html"), View::Entry(Box::new(v)));
        p.alternates = self.alternates_of_doc(d);
        p.breadcrumbs = breadcrumbs;
        if kind == "challenge" {
            p.propose_url = crate::render::contribute::propose_solution_url(self, d);
        }
        p
    }
}
