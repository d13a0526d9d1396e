//! An area's page: its introduction, its challenges each with the solutions that address
//! them, and its solutions.
//!
//! A big area is split into pages (`[lists] per_page` items each): its challenges first,
//! then its solutions, as one numbered run of pages at the area's address
//! (`routes::paged`). A page before the one where the solutions start links to it.

use serde::Serialize;

use super::{PageCtx, View};
use crate::content::Doc;
use crate::render::cards::{ChallengeGroup, NavLink, Shown};
use crate::render::model::Model;
use crate::routes::{self, Page, PageNo};

#[derive(Debug, Serialize)]
pub struct AreaView {
    /// `_area.md`'s text as HTML.
    pub body: String,
    /// The challenges on this page, each with its solutions.
    pub groups: Vec<ChallengeGroup>,
    /// The solutions on this page.
    pub items: Vec<Shown>,
    /// How many challenges and solutions the area has, on all its pages.
    pub challenge_count: usize,
    pub solution_count: usize,
    /// Whether this page has the challenges' section: it shows some, or it is the first
    /// page of an area without any (which says so).
    pub show_challenges: bool,
    pub show_solutions: bool,
    /// On a page before the one where the solutions start: a link to it.
    pub solutions_from: Option<NavLink>,
}

impl Model<'_> {
    /// Page `n` of an area; `None` past its last page.
    pub(super) fn area(&self, d: &Doc, n: PageNo) -> Option<PageCtx> {
        let area = d.id.as_str();
        let key = Page::Area(area.to_string(), n);
        if !self.page_exists(&key) {
            return None;
        }
        let (challenges, solutions) = self
            .lists
            .areas
            .get(area)
            .map(|(c, s)| (c.as_slice(), s.as_slice()))
            .unwrap_or_default();
        // One run of items, the challenges before the solutions.
        let range = self.page_range(&key);
        let split = challenges.len();
        let here_c = &challenges[range.start.min(split)..range.end.min(split)];
        let here_s = &solutions[range.start.max(split) - split..range.end.max(split) - split];
        let groups: Vec<ChallengeGroup> = self
            .cards_in_order(here_c)
            .into_iter()
            .map(|challenge| ChallengeGroup {
                solutions: self.cards_of(
                    self.solutions_of
                        .get(&challenge.card.id)
                        .cloned()
                        .unwrap_or_default(),
                ),
                challenge,
            })
            .collect();
        let first = n == 1;
        let solutions_page = (split / self.per_page(&key)) as PageNo + 1;
        let view = AreaView {
            body: if first {
                super::body_html(self.guide, d)
            } else {
                String::new()
            },
            show_challenges: !groups.is_empty() || (first && challenges.is_empty()),
            show_solutions: !here_s.is_empty() || (first && solutions.is_empty()),
            solutions_from: (!solutions.is_empty() && solutions_page > n).then(|| {
                NavLink::new(
                    self.label("area_solutions_from")
                        .replace("{n}", &solutions_page.to_string()),
                    format!(
                        "{}{}{}",
                        self.site.base_path,
                        self.prefix,
                        key.numbered(solutions_page).rel().unwrap_or_default()
                    ),
                )
            }),
            groups,
            items: self.cards_in_order(here_s),
            challenge_count: challenges.len(),
            solution_count: solutions.len(),
        };
        let mut p = self.doc_page(d, "area", "area.html", View::Area(view));
        p.alternates = self.alternates_of(&routes::area(area));
        p.feed = Some(self.home_url(&routes::area_feed(area)));
        p.open_feed = Some(self.open_feed_url(Some(area)));
        self.paginate(&mut p, &key);
        Some(p)
    }
}
