//! A standalone page (about, accessibility statement …): its text and review box.

use serde::Serialize;

use super::{PageCtx, Review, View};
use crate::content::Doc;
use crate::render::model::Model;

#[derive(Debug, Serialize)]
pub struct DocView {
    /// The Markdown body as HTML.
    pub body: String,
    pub review: Option<Review>,
}

impl Model<'_> {
    pub(super) fn standalone(&self, d: &Doc) -> PageCtx {
        let view = DocView {
            body: super::body_html(self.guide, d),
            review: self.review(d),
        };
        self.doc_page(d, "page", "page.html", View::Page(view))
    }
}
