//! The pages that list entries (all challenges, all solutions, open challenges, a tag's
//! entries), the tag index, the search page and the 404 page.

use serde::Serialize;

use super::{PageCtx, Plain, View};
use crate::content::DocType;
use crate::render::cards::{NavLink, Shown, TagCount};
use crate::render::model::Model;
use crate::routes::{self, Fixed};
use crate::text::collate;

#[derive(Debug, Serialize)]
pub struct ListView {
    pub items: Vec<Shown>,
}

#[derive(Debug, Serialize)]
pub struct TagsView {
    pub tag_index: Vec<TagCount>,
}

impl Model<'_> {
    /// One of the lists of entries.
    pub(super) fn list(&self, list: Fixed) -> PageCtx {
        let (title_key, intro_key, docs) = match list {
            Fixed::Challenges => (
                "list_challenges",
                "list_challenges_intro",
                self.entries(DocType::Challenge, None),
            ),
            Fixed::Solutions => (
                "list_solutions",
                "list_solutions_intro",
                self.entries(DocType::Solution, None),
            ),
            Fixed::OpenChallenges => (
                "list_open",
                "list_open_intro",
                self.entries(DocType::Challenge, None)
                    .into_iter()
                    .filter(|&i| self.is_open(&self.guide.docs[i]))
                    .collect(),
            ),
            Fixed::Tags | Fixed::Search => unreachable!("not a list of entries: {list:?}"),
        };
        let view = View::List(ListView {
            items: self.cards_of(docs),
        });
        let mut p = self.generated(
            "list",
            "list.html",
            list.rel(),
            &self.label(title_key),
            view,
        );
        p.description = self.label(intro_key);
        if list == Fixed::OpenChallenges {
            p.open_feed = Some(self.open_feed_url(None));
            p.propose_url = crate::render::contribute::propose_challenge_url(self);
        }
        p
    }

    /// A tag's page, if the tag is on a listed entry.
    pub(super) fn tag(&self, slug: &str) -> Option<PageCtx> {
        let (name, docs) = self.tags.get(slug)?;
        let view = View::List(ListView {
            items: self.cards_of(docs.clone()),
        });
        let title = format!("{}: {name}", self.label("tag"));
        let mut p = self.generated("tag", "tag.html", &routes::tag(slug), &title, view);
        p.description = format!("{} {name}", self.label("tag_intro"));
        p.breadcrumbs = vec![NavLink::new(
            self.label("tags"),
            self.home_url(Fixed::Tags.rel()),
        )];
        Some(p)
    }

    pub(super) fn tag_index(&self) -> PageCtx {
        let mut tags: Vec<TagCount> = self
            .tags
            .iter()
            .map(|(slug, (name, docs))| TagCount {
                name: name.clone(),
                url: self.home_url(&routes::tag(slug)),
                count: docs.len(),
            })
            .collect();
        tags.sort_by_key(|t| collate(&t.name));
        let view = View::Tags(TagsView { tag_index: tags });
        let mut p = self.generated(
            "tags",
            "tags.html",
            Fixed::Tags.rel(),
            &self.label("tags"),
            view,
        );
        p.description = self.label("tags_intro");
        p
    }

    pub(super) fn search(&self) -> PageCtx {
        let mut p = self.generated(
            "search",
            "search.html",
            Fixed::Search.rel(),
            &self.label("search_title"),
            View::Plain(Plain {}),
        );
        // A page of results is not something to find in a search engine.
        p.noindex = true;
        p
    }

    pub(super) fn not_found(&self) -> PageCtx {
        let mut p = self.generated(
            "404",
            "404.html",
            "",
            &self.label("not_found_title"),
            View::Plain(Plain {}),
        );
        p.alternates = Vec::new();
        p.output = routes::NOT_FOUND.into();
        p.noindex = true;
        // Served at any address that does not exist: it has no address of its own.
        p.canonical = String::new();
        p
    }
}
