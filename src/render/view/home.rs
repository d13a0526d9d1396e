//! The home page: the guide's introduction, its areas with their counts, the newest open
//! challenges and what was recently published or reviewed, each a few entries with links
//! to the full lists: the home page stays the same size however big the guide grows.

use serde::Serialize;

use super::{PageCtx, View};
use crate::content::{DocKey, Role};
use crate::render::cards::{AreaCard, Shown};
use crate::render::model::Model;
use crate::routes::{self, Fixed};

/// How many recently published or reviewed entries, and how many of the newest open
/// challenges, the home page shows.
const RECENT: usize = 6;

#[derive(Debug, Default, Serialize)]
pub struct HomeView {
    /// `_index.md`'s text as HTML.
    pub body: String,
    /// The areas with counts.
    pub areas: Vec<AreaCard>,
    /// Recently published or reviewed.
    pub recent: Vec<Shown>,
    /// The newest open challenges.
    pub open: Vec<Shown>,
    /// How many open challenges there are, and where they all are.
    pub open_total: usize,
    pub open_url: String,
    /// How many challenges and solutions there are, and where their lists are.
    pub challenge_total: usize,
    pub challenges_url: String,
    pub solution_total: usize,
    pub solutions_url: String,
}

impl Model<'_> {
    pub(super) fn home(&self) -> PageCtx {
        let g = self.guide;
        let doc = g
            .translations
            .get(&(DocKey::Home, self.lang.clone()))
            .or_else(|| g.originals.get(&DocKey::Home))
            .map(|&i| &g.docs[i]);
        let lists = &self.lists;
        let mut view = HomeView {
            body: doc.map(|d| super::body_html(g, d)).unwrap_or_default(),
            open_total: lists.open.len(),
            open_url: self.home_url(Fixed::OpenChallenges.rel()),
            challenge_total: lists.challenges.len(),
            challenges_url: self.home_url(Fixed::Challenges.rel()),
            solution_total: lists.solutions.len(),
            solutions_url: self.home_url(Fixed::Solutions.rel()),
            ..HomeView::default()
        };
        view.areas = self
            .area_order
            .iter()
            .filter_map(|a| self.area_doc(a).map(|d| (a, d)))
            .map(|(a, d)| {
                let (ch, so) = lists
                    .areas
                    .get(a)
                    .map(|(c, s)| (c.as_slice(), s.as_slice()))
                    .unwrap_or_default();
                AreaCard {
                    title: d.title().to_string(),
                    summary: d.meta.summary.clone().unwrap_or_default(),
                    url: self.home_url(&routes::area(a)),
                    open: ch.iter().filter(|&&i| self.is_open(&g.docs[i])).count(),
                    challenges: ch.len(),
                    solutions: so.len(),
                }
            })
            .collect();
        let listed = g
            .docs
            .iter()
            .enumerate()
            .filter(|(i, d)| self.listed(*i) && d.role == Role::Entry)
            .map(|(i, _)| i);
        view.recent = self.cards_in_order(&self.newest(listed));
        view.open = self.cards_in_order(&self.newest(lists.open.iter().copied()));

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

    /// The [`RECENT`] newest of some documents: last reviewed or created, newest first,
    /// then by id.
    fn newest(&self, docs: impl Iterator<Item = usize>) -> Vec<usize> {
        let g = self.guide;
        let date = |i: usize| g.docs[i].meta.last_reviewed.max(g.docs[i].meta.created);
        let mut docs: Vec<usize> = docs.collect();
        docs.sort_by(|&a, &b| {
            date(b)
                .cmp(&date(a))
                .then_with(|| g.docs[a].id.cmp(&g.docs[b].id))
        });
        docs.truncate(RECENT);
        docs
    }
}
