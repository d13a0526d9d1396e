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
            let mut meta = BTreeMap::new();
            meta.insert("title".to_string(), card.title.clone());
            meta.insert("summary".to_string(), card.summary.clone());
            let type_label = self.label(&format!("doc_{}", card.doc_type));
            meta.insert("type".to_string(), type_label.clone());
            let mut filters: BTreeMap<String, Vec<String>> = BTreeMap::new();
            filters.insert("type".into(), vec![type_label]);
            if let Some(area) = &card.area_title {
                meta.insert("area".to_string(), area.clone());
                filters.insert("area".into(), vec![area.clone()]);
            }
            if let Some(kind) = &card.kind_label {
                filters.insert("kind".into(), vec![kind.clone()]);
            }
            // Tags and organisations are searchable words, not filters: every filter's
            // index is downloaded with each query, and at 10,000 entries these two would
            // take a query past its 300 KB budget (bench/README.md).
            let mut body = String::new();
            let shared = self.shared(d);
            for line in [&shared.tags, &shared.organisations] {
                body.push_str(&line.join(", "));
                body.push('\n');
            }
            body.push_str(d.body.as_ref().map(|b| b.text.as_str()).unwrap_or_default());
            out.push(crate::search::Record {
                // Relative to the site's root: Pagefind's script puts the base path (where
                // its bundle is served from) in front.
                url: format!("/{}", d.url),
                lang: d.lang.clone(),
                // `&`, `<` and `>` escaped, so that Pagefind's excerpts are safe HTML around its
                // <mark>s. Quotes stay as they are: an entity would be indexed as a word.
                content: format!("{}\n{}\n{body}", card.title, card.summary)
                    .replace('&', "&amp;")
                    .replace('<', "&lt;")
                    .replace('>', "&gt;"),
                meta,
                filters,
            });
        }
        out
    }
}
