//! The pages that list entries (all challenges, all solutions, open challenges, a tag's
//! entries), the tag index, the search page and the 404 page; and the [`Pager`] of every
//! list split into pages (these, and an area's).
//!
//! A list shows one page of its items (`[lists] per_page`, `Model::page_range`); its later
//! pages have addresses of their own (`routes::paged`). Which entries a list holds, and in
//! what order, is the model's (`Model::lists`); how the pager looks is the templates'
//! (`partials/pager.html`).

use serde::Serialize;

use super::{PageCtx, Plain, View};
use crate::render::cards::{NavLink, Shown, TagCount};
use crate::render::model::Model;
use crate::routes::{self, Fixed, Page, PageNo};

#[derive(Debug, Serialize)]
pub struct ListView {
    /// The entries on this page.
    pub items: Vec<Shown>,
    /// How many entries the whole list has, on all its pages.
    pub total: usize,
}

#[derive(Debug, Serialize)]
pub struct TagsView {
    /// The tags on this page of the index.
    pub tag_index: Vec<TagCount>,
}

/// How a page of a list split into pages links to the others (`page.pager`): where it is,
/// the previous and next pages, and a run of numbered pages that stays short however many
/// there are (the first, the last, two either side of this one, and gaps between).
#[derive(Debug, Clone, Serialize)]
pub struct Pager {
    pub current: PageNo,
    pub count: PageNo,
    /// "sida 2 av 40" (`pager_of`), for the title.
    pub of: String,
    /// "Sida 2 av 40" (`pager_status`), beside the heading.
    pub status: String,
    /// The previous and next page's address, when there is one.
    pub prev: Option<String>,
    pub next: Option<String>,
    pub links: Vec<PagerLink>,
}

/// A numbered page in the pager, or a gap between two.
#[derive(Debug, Clone, Serialize)]
pub struct PagerLink {
    /// `None` for a gap ("…").
    pub number: Option<PageNo>,
    pub url: String,
    /// "Sida 3" (`pager_page`): what a screen reader says for the number.
    pub label: String,
    /// This page (`aria-current="page"`).
    pub current: bool,
}

/// How many pages either side of the current one the pager names.
const AROUND: PageNo = 2;

/// The numbered pages a pager shows for page `current` of `count`: the first, the last and
/// [`AROUND`] either side of the current one, in order, with `None` where pages are left
/// out. A gap would stand for a single page is that page instead. At most 9 entries.
pub fn window(current: PageNo, count: PageNo) -> Vec<Option<PageNo>> {
    let count = count.max(1);
    let current = current.clamp(1, count);
    let mut pages = vec![1, count];
    pages.extend(current.saturating_sub(AROUND).max(1)..=(current + AROUND).min(count));
    pages.sort_unstable();
    pages.dedup();
    let mut out = Vec::with_capacity(9);
    let mut last = 0;
    for n in pages {
        if n == last + 2 {
            out.push(Some(last + 1));
        } else if n > last + 2 {
            out.push(None);
        }
        out.push(Some(n));
        last = n;
    }
    out
}

impl Model<'_> {
    /// One of the lists of entries, page `n`; `None` past its last page.
    pub(super) fn list(&self, list: Fixed, n: PageNo) -> Option<PageCtx> {
        let key = Page::Fixed(list, n);
        let (title_key, intro_key, docs) = match list {
            Fixed::Challenges => (
                "list_challenges",
                "list_challenges_intro",
                &self.lists.challenges,
            ),
            Fixed::Solutions => (
                "list_solutions",
                "list_solutions_intro",
                &self.lists.solutions,
            ),
            Fixed::OpenChallenges => ("list_open", "list_open_intro", &self.lists.open),
            Fixed::Tags | Fixed::Search => unreachable!("not a list of entries: {list:?}"),
        };
        if !self.page_exists(&key) {
            return None;
        }
        let view = View::List(ListView {
            items: self.cards_in_order(&docs[self.page_range(&key)]),
            total: docs.len(),
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
        self.paginate(&mut p, &key);
        Some(p)
    }

    /// Page `n` of a tag's entries, if the tag is on a listed entry.
    pub(super) fn tag(&self, slug: &str, n: PageNo) -> Option<PageCtx> {
        let key = Page::Tag(slug.to_string(), n);
        let (name, docs) = self.tags.get(slug)?;
        if !self.page_exists(&key) {
            return None;
        }
        let view = View::List(ListView {
            items: self.cards_in_order(&docs[self.page_range(&key)]),
            total: docs.len(),
        });
        let title = format!("{}: {name}", self.label("tag"));
        let mut p = self.generated("tag", "tag.html", &routes::tag(slug), &title, view);
        p.description = format!("{} {name}", self.label("tag_intro"));
        p.breadcrumbs = vec![NavLink::new(
            self.label("tags"),
            self.home_url(Fixed::Tags.rel()),
        )];
        self.paginate(&mut p, &key);
        Some(p)
    }

    /// Page `n` of the tag index.
    pub(super) fn tag_index(&self, n: PageNo) -> Option<PageCtx> {
        let key = Page::Fixed(Fixed::Tags, n);
        if !self.page_exists(&key) {
            return None;
        }
        let tags: Vec<TagCount> = self.tag_order[self.page_range(&key)]
            .iter()
            .map(|slug| {
                let (name, docs) = &self.tags[slug];
                TagCount {
                    name: name.clone(),
                    url: self.home_url(&routes::tag(slug)),
                    count: docs.len(),
                }
            })
            .collect();
        let view = View::Tags(TagsView { tag_index: tags });
        let mut p = self.generated(
            "tags",
            "tags.html",
            Fixed::Tags.rel(),
            &self.label("tags"),
            view,
        );
        p.description = self.label("tags_intro");
        self.paginate(&mut p, &key);
        Some(p)
    }

    /// Whether page `key` of its list exists: page 1 always does (it says when the list is
    /// empty), the others up to the list's last.
    pub(super) fn page_exists(&self, key: &Page) -> bool {
        (1..=self.page_count(key)).contains(&key.number())
    }

    /// Turns the frame of a list's first page (`p`) into page `key`'s: its own address,
    /// output and canonical link, and the pager, when the list has more than one page.
    /// The versions in other languages are their lists' first pages (another language's
    /// list may have a different number of pages).
    pub(super) fn paginate(&self, p: &mut PageCtx, key: &Page) {
        let count = self.page_count(key);
        if count <= 1 {
            return;
        }
        let n = key.number();
        let first = key.numbered(1);
        let rel_of = |k: &Page| format!("{}{}", self.prefix, k.rel().unwrap_or_default());
        let url_of = |k: &Page| format!("{}{}", self.site.base_path, rel_of(k));
        if n > 1 {
            let rel = rel_of(key);
            p.output = routes::output(&rel);
            p.url = url_of(key);
            p.canonical = self.canonical(&rel);
            for a in p.alternates.iter_mut().filter(|a| a.lang == self.lang) {
                a.url = p.url.clone();
                a.href = p.canonical.clone();
            }
            // The structured data describes the list's own page, the first.
            p.json_ld = String::new();
        }
        let text = |key: &str, n: PageNo| {
            self.label(key)
                .replace("{n}", &n.to_string())
                .replace("{total}", &count.to_string())
        };
        p.pager = Some(Pager {
            current: n,
            count,
            of: text("pager_of", n),
            status: text("pager_status", n),
            prev: (n > 1).then(|| url_of(&first.numbered(n - 1))),
            next: (n < count).then(|| url_of(&first.numbered(n + 1))),
            links: window(n, count)
                .into_iter()
                .map(|m| match m {
                    Some(m) => PagerLink {
                        number: Some(m),
                        url: url_of(&first.numbered(m)),
                        label: text("pager_page", m),
                        current: m == n,
                    },
                    None => PagerLink {
                        number: None,
                        url: String::new(),
                        label: String::new(),
                        current: false,
                    },
                })
                .collect(),
        });
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

#[cfg(test)]
mod tests {
    use super::window;

    fn show(current: u32, count: u32) -> String {
        window(current, count)
            .iter()
            .map(|n| match n {
                Some(n) if *n == current => format!("[{n}]"),
                Some(n) => n.to_string(),
                None => "…".into(),
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn the_pager_names_the_ends_and_the_pages_around_this_one() {
        assert_eq!(show(1, 1), "[1]");
        assert_eq!(show(1, 2), "[1] 2");
        assert_eq!(show(1, 7), "[1] 2 3 … 7");
        assert_eq!(show(4, 7), "1 2 3 [4] 5 6 7");
        assert_eq!(show(7, 40), "1 … 5 6 [7] 8 9 … 40");
        assert_eq!(show(40, 40), "1 … 38 39 [40]");
        // A gap of one page is that page.
        assert_eq!(show(5, 9), "1 2 3 4 [5] 6 7 8 9");
        assert_eq!(show(5, 10), "1 2 3 4 [5] 6 7 … 10");
    }

    #[test]
    fn the_pager_stays_short_at_thousands_of_pages() {
        for count in [2, 3, 10, 100, 2000, 100_000] {
            for current in [1, 2, count / 2, count - 1, count] {
                let w = window(current, count);
                assert!(w.len() <= 9, "{current} of {count}: {w:?}");
                assert_eq!(w.first(), Some(&Some(1)));
                assert_eq!(w.last(), Some(&Some(count)));
                assert!(w.contains(&Some(current)));
                let numbers: Vec<u32> = w.iter().flatten().copied().collect();
                assert!(numbers.windows(2).all(|p| p[0] < p[1]), "{w:?}");
            }
        }
    }
}
