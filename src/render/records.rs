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
        let g = self.guide;
        (0..g.docs.len())
            .filter(|&i| {
                // Each language's index holds its own pages; an untranslated one is found
                // in the original's language.
                self.listed(i) && !self.fallback(i) && g.docs[i].status() == Status::Published
            })
            .filter_map(|i| Some((i, self.card_of(i)?)))
            .collect()
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

    /// The search index's records, all at once (for `serve`, which indexes them on a
    /// thread of its own).
    /// Every search record of this language, made a chunk at a time in parallel; `None`
    /// when `stop` says to give up (it is asked between chunks: `serve` keeps a save
    /// waiting no longer than one chunk, ~10 ms).
    pub fn search_records_unless(
        &self,
        stop: &dyn Fn() -> bool,
    ) -> Option<Vec<crate::search::Record>> {
        use rayon::prelude::*;
        let docs = self.search_docs();
        let mut out = Vec::with_capacity(docs.len());
        for chunk in docs.chunks(super::STOP_CHUNK) {
            if stop() {
                return None;
            }
            out.par_extend(
                chunk
                    .par_iter()
                    .map(|(i, card)| self.search_record(*i, card)),
            );
        }
        Some(out)
    }
}
