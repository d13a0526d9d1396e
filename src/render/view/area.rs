//! An area's page: its introduction, its challenges each with the solutions that address
//! them, and its solutions.

use serde::Serialize;

use super::{PageCtx, View};
use crate::content::{Doc, DocType};
use crate::render::cards::{ChallengeGroup, Shown};
use crate::render::model::Model;
use crate::routes;

#[derive(Debug, Serialize)]
pub struct AreaView {
    /// `_area.md`'s text as HTML.
    pub body: String,
    /// Its challenges, each with its solutions.
    pub groups: Vec<ChallengeGroup>,
    /// Its solutions.
    pub items: Vec<Shown>,
}

impl Model<'_> {
    pub(super) fn area(&self, d: &Doc) -> PageCtx {
        let area = d.id.as_str();
        let groups = self
            .cards_of(self.entries(DocType::Challenge, Some(area)))
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
        let view = AreaView {
            body: super::body_html(d),
            groups,
            items: self.cards_of(self.entries(DocType::Solution, Some(area))),
        };
        let mut p = self.doc_page(d, "area", "area.html", View::Area(view));
        p.alternates = self.alternates_of(&routes::area(area));
        p.feed = Some(self.home_url(&routes::area_feed(area)));
        p.open_feed = Some(self.open_feed_url(Some(area)));
        p
    }
}
