//! What each page shows: one context per kind of page, for its template (`page` in
//! templates).
//!
//! Every page has the same frame ([`PageCtx`]: title, addresses, banner, breadcrumbs,
//! versions in other languages, JSON-LD …) and one view of its kind ([`View`]): the home
//! page (`home.rs`), an area (`area.rs`), a challenge or solution (`entry.rs`), a standalone
//! page (`page.rs`), a list, a tag's page, the tag index, search and 404 (`list.rs`). A
//! template sees the frame's fields and its view's side by side (`page.title`,
//! `page.items`). Views are built from the [`Model`] and its cards; how they look is the
//! templates' business.

mod area;
mod entry;
mod home;
mod list;
mod page;

use serde::Serialize;
use serde_json::json;
use std::sync::Arc;

use super::cards::{language_name, Alternate, NavLink, Shown};
use super::model::Model;
use crate::content::freshness::Freshness;
use crate::content::{Doc, Role, Status};
use crate::routes::{self, Fixed, Page};

pub use area::AreaView;
pub use entry::EntryView;
pub use home::HomeView;
pub use list::{window, ListView, Pager, PagerLink, TagsView};
pub use page::DocView;

/// One HTML page: its frame, and the view of its kind.
#[derive(Debug, Serialize)]
pub struct PageCtx {
    #[serde(skip)]
    pub template: String,
    #[serde(skip)]
    pub output: String,
    #[serde(skip)]
    pub origin: String,
    /// The document the page is made from (its index in `Guide::docs`), if any.
    #[serde(skip)]
    pub doc: Option<usize>,
    /// `home`, `area`, `challenge`, `solution`, `page`, `list`, `tags`, `tag`, `search`, `404`.
    pub kind: &'static str,
    pub title: String,
    /// The meta description: the summary.
    pub description: String,
    pub url: String,
    pub canonical: String,
    pub noindex: bool,
    /// `draft`, `in_review` or `archived`.
    pub banner: Option<&'static str>,
    pub json_ld: String,
    pub breadcrumbs: Vec<NavLink>,
    /// An Atom feed for this page (home and areas).
    pub feed: Option<String>,
    /// This page in every language it exists in (this one included); empty on a
    /// single-language site.
    pub alternates: Vec<Alternate>,
    /// The language of the title and text, when it is not the page's (an area or home page
    /// shown in a language it has no translation into).
    pub content_lang: Option<String>,
    /// `partials/main-nav.html` for this page's [`NavState`], rendered once per state and
    /// shared by the pages in that state.
    pub main_nav: Arc<str>,
    /// The git host's editor for the page's file ("Föreslå en ändring"), with `[repository]`.
    pub edit_url: Option<String>,
    /// The git host's form for a proposal: a solution on a challenge, a new challenge on the
    /// home page and the open challenges (`render/contribute.rs`), with `[repository]`.
    pub propose_url: Option<String>,
    /// The Atom feed of open challenges (the open challenges page, the whole guide; an
    /// area, its own).
    pub open_feed: Option<String>,
    /// On a page of a list split into pages (a list, the tag index, a tag's page, an
    /// area): where it is and the links to the others.
    pub pager: Option<Pager>,
    /// What this kind of page shows.
    #[serde(flatten)]
    pub view: View,
}

impl PageCtx {
    /// The documents the page shows: the one it is made from, and those of its cards.
    pub fn shows(&self) -> impl Iterator<Item = usize> + '_ {
        self.doc
            .into_iter()
            .chain(self.view.cards().map(|c| c.card.index))
    }
}

/// What a kind of page shows besides the frame.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum View {
    Home(HomeView),
    Area(AreaView),
    Entry(Box<EntryView>),
    Page(DocView),
    List(ListView),
    Tags(TagsView),
    /// Search and 404: the frame alone.
    Plain(Plain),
}

/// A view with nothing of its own.
#[derive(Debug, Default, Serialize)]
pub struct Plain {}

impl View {
    /// Every card the page shows.
    pub fn cards(&self) -> Box<dyn Iterator<Item = &Shown> + '_> {
        match self {
            View::Home(v) => Box::new(v.recent.iter().chain(&v.open)),
            View::Area(v) => Box::new(
                v.groups
                    .iter()
                    .flat_map(|g| std::iter::once(&g.challenge).chain(&g.solutions))
                    .chain(&v.items),
            ),
            View::Entry(v) => Box::new(v.related.iter().chain(&v.solutions).chain(&v.challenges)),
            View::List(v) => Box::new(v.items.iter()),
            View::Page(_) | View::Tags(_) | View::Plain(_) => Box::new(std::iter::empty()),
        }
    }

    /// The length of the page's text (a hint for the size of its HTML).
    pub fn body_len(&self) -> usize {
        match self {
            View::Home(v) => v.body.len(),
            View::Area(v) => v.body.len(),
            View::Entry(v) => v.body.len(),
            View::Page(v) => v.body.len(),
            View::List(_) | View::Tags(_) | View::Plain(_) => 0,
        }
    }

    /// Every card the page shows, for the renderer to fill in their HTML.
    pub fn cards_mut(&mut self) -> Vec<&mut Shown> {
        match self {
            View::Home(v) => v.recent.iter_mut().chain(&mut v.open).collect(),
            View::Area(v) => v
                .groups
                .iter_mut()
                .flat_map(|g| std::iter::once(&mut g.challenge).chain(&mut g.solutions))
                .chain(&mut v.items)
                .collect(),
            View::Entry(v) => v
                .related
                .iter_mut()
                .chain(&mut v.solutions)
                .chain(&mut v.challenges)
                .collect(),
            View::List(v) => v.items.iter_mut().collect(),
            View::Page(_) | View::Tags(_) | View::Plain(_) => Vec::new(),
        }
    }
}

/// What decides how the main navigation looks on a page: the address of the page when it is
/// one of the navigation's own (an area or the open challenges), and the address of the area
/// the page belongs to. `partials/main-nav.html` gets it as `nav`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize)]
pub struct NavState {
    pub current: String,
    pub section: String,
}

/// The review box of an entry or page.
#[derive(Debug, Clone, Serialize)]
pub struct Review {
    pub last_reviewed: Option<String>,
    pub last_reviewed_text: Option<String>,
    pub reviewed_by: Vec<String>,
    pub owner: Option<String>,
    /// Next review due, ISO and as text.
    pub due: Option<String>,
    pub due_text: Option<String>,
    /// Overdue at build time (the page's script also checks in the reader's browser).
    pub overdue: bool,
    pub due_soon: bool,
}

impl<'g> Model<'g> {
    /// The context of one page, if the site has it.
    pub fn page(&self, key: &Page) -> Option<PageCtx> {
        let g = self.guide;
        Some(match key {
            Page::Home => self.home(),
            Page::Area(a, n) => self.area(self.area_doc(a)?, *n)?,
            Page::Doc(i) => {
                let d = g.docs.get(*i).filter(|_| self.built(*i))?;
                match d.role {
                    Role::Entry => self.entry(d),
                    Role::Page => self.standalone(d),
                    _ => return None,
                }
            }
            Page::Fixed(Fixed::Tags, n) => self.tag_index(*n)?,
            Page::Fixed(Fixed::Search, 1) => self.search(),
            Page::Fixed(Fixed::Search, _) => return None,
            Page::Fixed(list, n) => self.list(*list, *n)?,
            Page::Tag(slug, n) => self.tag(slug, *n)?,
            Page::NotFound => self.not_found(),
        })
    }

    /// How the main navigation looks on page `p`.
    pub fn nav_state(&self, p: &PageCtx) -> NavState {
        let open = self.home_url(Fixed::OpenChallenges.rel());
        let in_nav = |url: &str| url == open || self.site.areas.iter().any(|a| a.url == url);
        // A later page of an area or of the open challenges is in its section.
        let (first, n) = routes::unpaged(&p.url);
        let section = match &p.view {
            View::Entry(e) => e.area.as_ref().map(|a| a.url.clone()),
            _ if n > 1 && in_nav(first) => Some(first.to_string()),
            _ => None,
        };
        NavState {
            current: if in_nav(&p.url) {
                p.url.clone()
            } else {
                String::new()
            },
            section: section.unwrap_or_default(),
        }
    }

    /// The frame of a page built from a document, with its view.
    fn doc_page(&self, d: &Doc, kind: &'static str, template: &str, view: View) -> PageCtx {
        let rel = self.page_rel(d);
        let status = d.status();
        let mut p = PageCtx {
            template: template.to_string(),
            output: routes::output(&rel),
            origin: d.path.clone(),
            doc: self.guide.by_path.get(&d.path).copied(),
            kind,
            title: d.title().to_string(),
            description: d.meta.summary.clone().unwrap_or_default(),
            url: format!("{}{rel}", self.site.base_path),
            canonical: self.canonical(&rel),
            noindex: status != Status::Published,
            banner: match status {
                Status::Published => None,
                Status::Draft => Some("draft"),
                Status::InReview => Some("in_review"),
                Status::Archived => Some("archived"),
            },
            json_ld: String::new(),
            breadcrumbs: Vec::new(),
            feed: None,
            alternates: Vec::new(),
            content_lang: (d.lang != self.lang).then(|| d.lang.clone()),
            main_nav: Arc::from(""),
            edit_url: crate::render::contribute::edit_url(self, d),
            propose_url: None,
            open_feed: None,
            pager: None,
            view,
        };
        p.json_ld = self.json_ld(d, &p);
        p
    }

    /// The frame of a page every language has, at `rel` below this language's start.
    fn generated(
        &self,
        kind: &'static str,
        template: &str,
        rel: &str,
        title: &str,
        view: View,
    ) -> PageCtx {
        let alternates = self.alternates_of(rel);
        let rel = format!("{}{rel}", self.prefix);
        PageCtx {
            template: template.into(),
            output: routes::output(&rel),
            origin: format!("the {kind} page"),
            doc: None,
            kind,
            title: title.into(),
            description: self.site.description.clone(),
            url: format!("{}{rel}", self.site.base_path),
            canonical: self.canonical(&rel),
            noindex: false,
            banner: None,
            json_ld: String::new(),
            breadcrumbs: Vec::new(),
            feed: None,
            alternates,
            content_lang: None,
            main_nav: Arc::from(""),
            edit_url: None,
            propose_url: None,
            open_feed: None,
            pager: None,
            view,
        }
    }

    /// The address (with the base path) of an open-challenge feed of this language.
    fn open_feed_url(&self, area: Option<&str>) -> String {
        self.home_url(&routes::open_feed(area))
    }

    /// A page of this language that every language has (home, areas, lists, tags, search):
    /// its address in each of the site's languages.
    fn alternates_of(&self, rel: &str) -> Vec<Alternate> {
        let cfg = &self.guide.config;
        if cfg.languages.len() < 2 {
            return Vec::new();
        }
        cfg.languages
            .iter()
            .map(|l| {
                let prefix = routes::lang_prefix(l, &cfg.default_language);
                Alternate {
                    lang: l.clone(),
                    name: language_name(l),
                    url: format!("{}{prefix}{rel}", self.site.base_path),
                    href: self.canonical(&format!("{prefix}{rel}")),
                }
            })
            .collect()
    }

    /// An entry's or page's versions: the original and its translations that are built.
    fn alternates_of_doc(&self, d: &Doc) -> Vec<Alternate> {
        let g = self.guide;
        if g.config.languages.len() < 2 {
            return Vec::new();
        }
        let original = if d.is_translation {
            g.original_of(d)
        } else {
            Some(d)
        };
        let mut docs: Vec<&Doc> = original.into_iter().collect();
        for l in &g.config.languages {
            if let Some(&t) = g.translations.get(&(d.key(), l.clone())) {
                docs.push(&g.docs[t]);
            }
        }
        let visible = |d: &&Doc| d.front_matter_ok && (d.status().is_public() || self.opts.drafts);
        let versions: Vec<Alternate> = docs
            .into_iter()
            .filter(visible)
            .map(|d| Alternate {
                lang: d.lang.clone(),
                name: language_name(&d.lang),
                url: self.url(d),
                href: self.canonical(&d.url),
            })
            .collect();
        if versions.len() < 2 {
            Vec::new()
        } else {
            versions
        }
    }

    /// The review box of an entry or page, when it says anything.
    fn review(&self, d: &Doc) -> Option<Review> {
        let has_any = d.meta.last_reviewed.is_some()
            || !d.meta.reviewed_by.is_empty()
            || self.guide.owner(d).is_some();
        if !has_any {
            return None;
        }
        let state = self.guide.review_state(d, self.opts.today);
        let due = state.map(|s| s.due);
        Some(Review {
            last_reviewed: d.meta.last_reviewed.map(|x| x.to_string()),
            last_reviewed_text: d.meta.last_reviewed.map(|x| self.date_text(x)),
            reviewed_by: d.meta.reviewed_by.clone(),
            owner: self.guide.owner(d).map(str::to_string),
            due: due.map(|x| x.to_string()),
            due_text: due.map(|x| self.date_text(x)),
            overdue: state.is_some_and(|s| s.freshness == Freshness::Overdue),
            due_soon: state.is_some_and(|s| s.freshness == Freshness::DueSoon),
        })
    }

    fn json_ld(&self, d: &Doc, page: &PageCtx) -> String {
        let mut v = json!({
            "@context": "https://schema.org",
            "@type": "WebPage",
            "name": page.title,
            "description": page.description,
            "url": page.canonical,
            "inLanguage": d.lang,
        });
        if let Some(r) = d.meta.last_reviewed {
            v["lastReviewed"] = json!(r.to_string());
        }
        if !d.meta.reviewed_by.is_empty() {
            v["reviewedBy"] = d
                .meta
                .reviewed_by
                .iter()
                .map(|n| json!({"@type": "Person", "name": n}))
                .collect();
        }
        if let Some(c) = d.meta.created {
            v["dateCreated"] = json!(c.to_string());
        }
        if let Some(o) = self.guide.owner(d) {
            v["maintainer"] = json!({"@type": "Organization", "name": o});
        }
        // Inside <script>, `<` could start `</script>` or `<!--`: write it (and `>`, `&`)
        // as JSON escapes, which leave the value unchanged.
        serde_json::to_string(&v)
            .expect("json")
            .replace('<', "\\u003c")
            .replace('>', "\\u003e")
            .replace('&', "\\u0026")
    }
}

/// The body's HTML, through the sanitiser when it holds raw HTML.
fn body_html(guide: &crate::content::Guide, d: &Doc) -> String {
    let html = guide.body_html(d);
    match &d.body {
        Some(b) if b.has_raw_html => crate::render::sanitize::clean(&html),
        _ => html,
    }
}
