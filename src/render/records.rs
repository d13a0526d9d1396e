//! What the search index holds of a language's site: one record per published challenge,
//! solution and page, with the text, the metadata its results show and its filters.
//!
//! Built from the render model, so what is searchable follows what is published in each
//! language. How records become index files is `search/`'s business.

use std::sync::Arc;

use super::cards::Card;
use super::model::Model;
use crate::content::Status;

impl Model<'_> {
    /// The documents the search index of this language holds, in the index's order, with
    /// their cards: published challenges, solutions and pages.
    pub fn search_docs(&self) -> Vec<(usize, Arc<Card>)> {
        (0..self.guide.docs.len())
            .filter_map(|i| Some((i, self.search_card(i)?)))
            .collect()
    }

    /// The card of document `i` if the search index of this language holds it.
    fn search_card(&self, i: usize) -> Option<Arc<Card>> {
        // Each language's index holds its own pages; an untranslated one is found in the
        // original's language.
        let held =
            self.listed(i) && !self.fallback(i) && self.guide.docs[i].status() == Status::Published;
        held.then(|| self.card_of(i)).flatten()
    }

    /// The search record of document `i` with its card (one of [`Model::search_docs`]).
    pub fn search_record(&self, i: usize, card: &Card) -> crate::search::Record {
        let g = self.guide;
        let d = &g.docs[i];
        let type_label = self.label(&format!("doc_{}", card.doc_type));
        let mut meta = vec![type_label.clone()];
        let mut filters = vec![("type".to_string(), type_label)];
        if let Some(area) = &card.area_title {
            meta.push(area.clone());
            filters.push(("area".into(), area.clone()));
        }
        if let Some(kind) = &card.kind_label {
            filters.push(("kind".into(), kind.clone()));
        }
        // Tags and organisations are searchable words (weighing more than the body's),
        // not filters.
        let shared = self.shared(d);
        let keywords = format!(
            "{}\n{}",
            shared.tags.join(", "),
            shared.organisations.join(", ")
        );
        crate::search::Record {
            // Relative to the site's base path, which the search page puts in front.
            url: d.url.clone(),
            lang: d.lang.clone(),
            title: card.title.clone(),
            summary: card.summary.clone(),
            keywords,
            body: g.body_markdown(d),
            meta,
            filters,
        }
    }

    /// Every search record of this language, made a chunk at a time in parallel; `None`
    /// when `stop` says to give up (it is asked between chunks: `serve` keeps a save
    /// waiting no longer than one chunk, ~10 ms).
    pub fn search_records_unless(
        &self,
        stop: &dyn Fn() -> bool,
    ) -> Option<Vec<crate::search::Record>> {
        use rayon::prelude::*;
        let count = self.guide.docs.len();
        let mut out = Vec::new();
        for start in (0..count).step_by(super::STOP_CHUNK) {
            if stop() {
                return None;
            }
            let chunk = start..(start + super::STOP_CHUNK).min(count);
            // In the order of `search_docs`: rayon keeps it.
            out.par_extend(chunk.into_par_iter().filter_map(|i| {
                let card = self.search_card(i)?;
                Some(self.search_record(i, &card))
            }));
        }
        Some(out)
    }
}
