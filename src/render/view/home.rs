//! The home page: the guide's introduction, its areas with their counts, what was recently
//! published or reviewed, and the open challenges.

use serde::Serialize;

use super::{PageCtx, View};
use crate::content::{DocKey, DocType, Role};
use crate::render::cards::{AreaCard, Shown};
use crate::render::model::Model;
use crate::routes;

/// How many recently published or reviewed entries the home page shows.
const RECENT: usize = 6;

#[derive(Debug, Default, Serialize)]
pub struct HomeView {
    /// `_index.md`'s text as HTML.
    pub body: String,
    /// The areas with counts.
    pub areas: Vec<AreaCard>,
    /// Recently published or reviewed.
    pub recent: Vec<Shown>,
    /// Open challenges.
    pub open: Vec<Shown>,
}

impl Model<'_> {
    pub(super) fn home(&self) -> PageCtx {
        let g = self.guide;
        let doc = g
            .translations
            .get(&(DocKey::Home, self.lang.clone()))
            .or_else(|| g.originals.get(&DocKey::Home))
            .map(|&i| &g.docs[i]);
        let mut view = HomeView {
            body: doc.map(super::body_html).unwrap_or_default(),
            ..HomeView::default()
        };
        view.areas = self
            .area_order
            .iter()
            .filter_map(|a| self.area_doc(a).map(|d| (a, d)))
            .map(|(a, d)| {
                let ch = self.entries(DocType::Challenge, Some(a));
                AreaCard {
                    title: d.title().to_string(),
                    summary: d.meta.summary.clone().unwrap_or_default(),
                    url: self.home_url(&routes::area(a)),
                    open: ch.iter().filter(|&&i| self.is_open(&g.docs[i])).count(),
                    challenges: ch.len(),
                    solutions: self.entries(DocType::Solution, Some(a)).len(),
                }
            })
            .collect();
        let mut recent: Vec<usize> = g
            .docs
            .iter()
            .enumerate()
            .filter(|(i, d)| self.listed(*i) && d.role == Role::Entry)
            .map(|(i, _)| i)
            .collect();
        let date = |i: usize| g.docs[i].meta.last_reviewed.max(g.docs[i].meta.created);
        recent.sort_by(|&a, &b| {
            date(b)
                .cmp(&date(a))
                .then_with(|| g.docs[a].id.cmp(&g.docs[b].id))
        });
        recent.truncate(RECENT);
        view.recent = recent
            .into_iter()
            .filter_map(|i| self.card_of(i))
            .map(Shown::new)
            .collect();
        let open: Vec<usize> = self
            .entries(DocType::Challenge, None)
            .into_iter()
            .filter(|&i| self.is_open(&g.docs[i]))
            .collect();
        view.open = self.cards_of(open);

        let mut p = match doc {
            Some(d) => {
                let mut p = self.doc_page(d, "home", "home.html", View::Home(view));
                p.title = d
                    .meta
                    .title
                    .clone()
                    .unwrap_or_else(|| self.site.title.clone());
                if p.description.is_empty() {
                    p.description = self.site.description.clone();
                }
                p.alternates = self.alternates_of("");
                p
            }
            None => self.generated("home", "home.html", "", &self.site.title, View::Home(view)),
        };
        p.feed = Some(self.site.feed_url.clone());
        p.propose_url = crate::render::contribute::propose_challenge_url(self);
        p
    }
}
