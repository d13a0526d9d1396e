//! What the search index holds of a language's site: one record per published challenge,
//! solution and page, with the text, the metadata its results show and its filters.
//!
//! Built from the render model, so what is searchable follows what is published in each
//! language. How records become index files is `search/`'s business.

use std::collections::BTreeMap;

use super::model::Model;
use crate::content::Status;

impl Model<'_> {
    /// The search index's records: published challenges, solutions and pages.
    pub fn search_records(&self) -> Vec<crate::search::Record> {
        let g = self.guide;
        let mut out = Vec::new();
        for (i, d) in g.docs.iter().enumerate() {
            // Each language's index holds its own pages; an untranslated one is found in
            // the original's language.
            if !self.listed(i) || self.fallback(i) || d.status() != Status::Published {
                continue;
            }
            let Some(card) = self.card_of(i) else {
                continue;
            };
            let type_label = self.label(&format!("doc_{}", card.doc_type));
            let mut meta = vec![type_label.clone()];
            let mut filters: BTreeMap<String, Vec<String>> = BTreeMap::new();
            filters.insert("type".into(), vec![type_label]);
            if let Some(area) = &card.area_title {
                meta.push(area.clone());
                filters.insert("area".into(), vec![area.clone()]);
            }
            if let Some(kind) = &card.kind_label {
                filters.insert("kind".into(), vec![kind.clone()]);
            }
            // Tags and organisations are searchable words (weighing more than the body's),
            // not filters.
            let shared = self.shared(d);
            let keywords = format!(
                "{}\n{}",
                shared.tags.join(", "),
                shared.organisations.join(", ")
            );
            out.push(crate::search::Record {
                // Relative to the site's base path, which the search page puts in front.
                url: d.url.clone(),
                lang: d.lang.clone(),
                title: card.title.clone(),
                summary: card.summary.clone(),
                keywords,
                body: g.body_markdown(d),
                meta,
                filters,
            });
        }
        out
    }
}
