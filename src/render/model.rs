//! The render model of one language: which documents are on that language's site and how
//! (a [`Visibility`] each), the indexes every page draws on (solutions per challenge, tags,
//! area order, sort keys), and the site-wide context (`site` in templates).
//!
//! Computed once per language from the Guide; the views (`view/`) turn it into one context
//! per page, the cards (`cards.rs`) into what lists show. It holds no rendered HTML: caches
//! of rendered fragments live with the renderer (`render/mod.rs`). It decides what is on
//! the site, not how it looks.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::{Arc, OnceLock};

use chrono::{Datelike, NaiveDate};
use rayon::prelude::*;
use serde::Serialize;

use super::cards::{Card, NavLink};
use super::RenderOptions;
use crate::content::paths::{self, Target};
use crate::content::{Doc, DocKey, DocType, Guide, Meta, Role, Status};
use crate::routes::{self, Fixed, Page, PageNo};
use crate::text::{collate, slugify_id};

/// How a document is on one language's site.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Visibility {
    /// Not on this language's site: another language's file, a draft outside a preview, a
    /// file whose front matter could not be read.
    Absent,
    /// Built, but in no list, feed or sitemap: an archived entry, an area or home page.
    Unlisted,
    /// Built and listed (published, or a draft in a preview).
    Listed,
    /// Not built in this language, which it has no translation into, but listed there with
    /// a note, linking to the original.
    Fallback,
}

impl Visibility {
    /// It has a page in this language.
    pub fn built(self) -> bool {
        matches!(self, Visibility::Unlisted | Visibility::Listed)
    }

    /// It is shown in this language's lists.
    pub fn listed(self) -> bool {
        matches!(self, Visibility::Listed | Visibility::Fallback)
    }

    pub fn fallback(self) -> bool {
        self == Visibility::Fallback
    }
}

/// Site-wide context, the same on every page (`site` in templates).
#[derive(Debug, Serialize)]
pub struct SiteCtx {
    pub title: String,
    pub description: String,
    pub lang: String,
    /// Absolute, ends with `/`.
    pub base_url: String,
    /// The path part of `base_url`, e.g. `/guide/`.
    pub base_path: String,
    /// The start of this language's pages: `base_path`, or `base_path` + `en/` for a
    /// language other than the default.
    pub home: String,
    pub search: bool,
    /// The address of this language's search index (a folder, ends with `/`).
    pub search_index: String,
    /// Standalone pages for the footer, by `order` then title.
    pub menu: Vec<NavLink>,
    /// Areas for the navigation, by `order` then title.
    pub areas: Vec<NavLink>,
    /// UI strings of the theme for the site's language.
    pub t: toml::Table,
    pub feed_url: String,
    /// A preview with drafts: every page says so.
    pub drafts: bool,
    /// The build's idea of today (ISO), for the review notices.
    pub today: String,
    /// `partials/footer.html`, rendered once per language (see `Renderer` in `render/mod.rs`).
    pub footer: String,
    /// `partials/site-search.html`: the header's search box, rendered once per language.
    pub search_box: String,
    /// The git host's name ("GitHub", "GitLab") when `[repository]` is set: edit and
    /// proposal links say where they lead.
    pub repository_host: Option<&'static str>,
}

/// Everything rendering a language needs, computed once: the guide it reads, and what it
/// knows of it ([`ModelData`], reached through `Deref`).
pub struct Model<'g> {
    pub guide: &'g Guide,
    data: ModelData,
}

impl std::ops::Deref for Model<'_> {
    type Target = ModelData;
    fn deref(&self) -> &ModelData {
        &self.data
    }
}

impl std::ops::DerefMut for Model<'_> {
    fn deref_mut(&mut self) -> &mut ModelData {
        &mut self.data
    }
}

/// What a [`Model`] knows of its guide, apart from the guide: what `serve` keeps between
/// saves, to update it for an edited entry ([`Model::update`]) instead of making it anew.
pub struct ModelData {
    pub opts: RenderOptions,
    pub site: SiteCtx,
    /// Per document: how it is on this language's site.
    pub visibility: Vec<Visibility>,
    /// The language of these pages.
    pub lang: String,
    /// `""` for the default language, `en/` for English …
    pub prefix: String,
    /// Per document: its card, made when first needed (a preview renders a few pages).
    pub(super) cards: Vec<OnceLock<Option<Arc<Card>>>>,
    /// Per document: its title's sort key.
    pub sort_keys: Vec<String>,
    /// Challenge id → listed solutions that address it.
    pub solutions_of: HashMap<String, Vec<usize>>,
    /// Area ids in display order.
    pub area_order: Vec<String>,
    /// Tag slug → (name, listed entries by title).
    pub tags: BTreeMap<String, (String, Vec<usize>)>,
    /// Tag slugs in the order of the tag index (by name).
    pub tag_order: Vec<String>,
    /// The listed entries of every list, each by title, computed once.
    pub lists: Lists,
}

/// The listed entries of this language's lists, each in the order a list shows them (by
/// title, [`Model::by_title`]). Made once per model, so that a page of a list is a slice
/// and not a walk over the whole guide.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Lists {
    pub challenges: Vec<usize>,
    pub solutions: Vec<usize>,
    /// Challenges that no published solution addresses.
    pub open: Vec<usize>,
    /// Area id → its challenges and its solutions.
    pub areas: HashMap<String, (Vec<usize>, Vec<usize>)>,
}

impl<'g> Model<'g> {
    /// The model of the pages in `lang`: the default language's pages, or another
    /// language's, where untranslated entries are listed with a note and link to the
    /// original.
    pub fn new(guide: &'g Guide, opts: &RenderOptions, strings: toml::Table, lang: &str) -> Self {
        let cfg = &guide.config;
        let base_path = cfg.base_path();
        let default = cfg.default_language.as_str();
        let prefix = routes::lang_prefix(lang, default);
        let home = format!("{base_path}{prefix}");
        let visibility = visibility(guide, opts, lang);

        let mut area_order: Vec<(Option<i64>, String, String)> = guide
            .areas
            .iter()
            .filter_map(|(id, a)| {
                let d = &guide.docs[a.doc?];
                Some((d.meta.order, collate(d.title()), id.clone()))
            })
            .collect();
        area_order
            .sort_by(|a, b| (a.0.unwrap_or(i64::MAX), &a.1).cmp(&(b.0.unwrap_or(i64::MAX), &b.1)));
        let area_order: Vec<String> = area_order.into_iter().map(|a| a.2).collect();

        let mut menu: Vec<(Option<i64>, String, NavLink)> = guide
            .docs
            .iter()
            .enumerate()
            .filter(|(i, d)| d.role == Role::Page && visibility[*i].listed())
            .map(|(_, d)| {
                let original = if d.is_translation {
                    guide.original_of(d).unwrap_or(d)
                } else {
                    d
                };
                let mut link = NavLink::new(d.title(), format!("{base_path}{}", d.url));
                link.lang = (d.lang != lang).then(|| d.lang.clone());
                (original.meta.order, collate(d.title()), link)
            })
            .collect();
        menu.sort_by(|a, b| (a.0.unwrap_or(i64::MAX), &a.1).cmp(&(b.0.unwrap_or(i64::MAX), &b.1)));

        let site = SiteCtx {
            title: cfg.title.clone(),
            description: cfg.description.clone(),
            lang: lang.to_string(),
            base_url: cfg.base_url.clone(),
            base_path: base_path.clone(),
            home: home.clone(),
            search: cfg.search.enabled,
            search_index: format!("{base_path}{}", routes::search_index_of(lang)),
            menu: menu.into_iter().map(|m| m.2).collect(),
            // Filled in below, with the areas' titles in this language.
            areas: Vec::new(),
            t: strings,
            feed_url: format!("{home}{}", routes::FEED),
            drafts: opts.drafts,
            today: opts.today.to_string(),
            footer: String::new(),
            search_box: String::new(),
            repository_host: cfg.repository.as_ref().map(|r| r.host.name()),
        };

        let mut model = Model {
            guide,
            data: ModelData {
                opts: opts.clone(),
                site,
                visibility,
                lang: lang.to_string(),
                prefix,
                cards: (0..guide.docs.len()).map(|_| OnceLock::new()).collect(),
                sort_keys: guide.docs.par_iter().map(|d| collate(d.title())).collect(),
                solutions_of: HashMap::new(),
                area_order,
                tags: BTreeMap::new(),
                tag_order: Vec::new(),
                lists: Lists::default(),
            },
        };

        model.site.areas = model
            .area_order
            .iter()
            .filter_map(|a| model.area_doc(a).map(|d| (a, d)))
            .map(|(a, d)| {
                let mut link = NavLink::new(d.title(), model.home_url(&routes::area(a)));
                link.lang = (d.lang != lang).then(|| d.lang.clone());
                link
            })
            .collect();
        for (i, d) in guide.docs.iter().enumerate() {
            if !model.visibility[i].listed() {
                continue;
            }
            let shared = model.shared(d);
            if guide.doc_type(d) == Some(DocType::Solution) {
                for a in &shared.addresses {
                    model
                        .solutions_of
                        .entry(a.value.clone())
                        .or_default()
                        .push(i);
                }
            }
            if d.role == Role::Entry {
                for tag in &shared.tags {
                    let slug = slugify_id(tag);
                    if slug.is_empty() {
                        continue;
                    }
                    let e = model
                        .tags
                        .entry(slug)
                        .or_insert_with(|| (tag.clone(), Vec::new()));
                    e.1.push(i);
                }
            }
        }
        let data = &mut model.data;
        for list in data.solutions_of.values_mut() {
            list.sort_by(|&a, &b| by_title(&data.sort_keys, a, b));
            list.dedup();
        }
        for (_, docs) in data.tags.values_mut() {
            docs.sort_by(|&a, &b| by_title(&data.sort_keys, a, b));
            docs.dedup();
        }
        model.data.lists = model.make_lists();
        let mut tag_order: Vec<(String, &String)> = model
            .tags
            .iter()
            .map(|(slug, (name, _))| (collate(name), slug))
            .collect();
        tag_order.sort();
        model.tag_order = tag_order.into_iter().map(|(_, s)| s.clone()).collect();
        model
    }

    /// The lists of listed entries, by title: one walk over the guide.
    fn make_lists(&self) -> Lists {
        let mut lists = Lists::default();
        for a in &self.area_order {
            lists.areas.insert(a.clone(), Default::default());
        }
        for (i, d) in self.guide.docs.iter().enumerate() {
            if !self.listed(i) || d.role != Role::Entry {
                continue;
            }
            let area = d.area.as_ref().and_then(|a| lists.areas.get_mut(a));
            match self.guide.doc_type(d) {
                Some(DocType::Challenge) => {
                    lists.challenges.push(i);
                    if self.is_open(d) {
                        lists.open.push(i);
                    }
                    if let Some(a) = area {
                        a.0.push(i);
                    }
                }
                Some(DocType::Solution) => {
                    lists.solutions.push(i);
                    if let Some(a) = area {
                        a.1.push(i);
                    }
                }
                _ => {}
            }
        }
        let by_title = |v: &mut Vec<usize>| v.sort_by(|&a, &b| self.by_title(a, b));
        by_title(&mut lists.challenges);
        by_title(&mut lists.solutions);
        by_title(&mut lists.open);
        for (c, s) in lists.areas.values_mut() {
            by_title(c);
            by_title(s);
        }
        lists
    }

    /// The order of lists: by title (Swedish collation), then by file.
    pub fn by_title(&self, a: usize, b: usize) -> std::cmp::Ordering {
        by_title(&self.sort_keys, a, b)
    }

    /// A model of `guide` from what an earlier one knew of it ([`Model::into_data`]), for
    /// `serve`: the guide must be that one, changed since only where [`Model::update`] is
    /// told of it.
    pub fn again(guide: &'g Guide, data: ModelData) -> Self {
        Model { guide, data }
    }

    /// What this model knows, without the guide, to keep while the guide changes.
    pub fn into_data(self) -> ModelData {
        self.data
    }
}

impl ModelData {
    /// Lets go of the cards made so far (they are made again when asked for), freeing them
    /// on a thread of their own ([`crate::free_elsewhere`]).
    pub fn forget_cards(&mut self) {
        let empty = (0..self.cards.len()).map(|_| OnceLock::new()).collect();
        crate::free_elsewhere(std::mem::replace(&mut self.cards, empty));
    }
}

impl<'g> Model<'g> {
    /// Updates the model after `Guide::reload` replaced document `i` where it was (`old`
    /// is the document it replaced), for `serve`: an entry whose text, title or other
    /// fields changed, but not what decides which lists hold it (its type, status,
    /// `addresses`, tags, whether it could be read). Its card is made again and the lists
    /// that hold it are sorted again by the new title. Returns false, changing nothing,
    /// when the change is of another kind: then a new model is needed ([`Model::new`]).
    pub fn update(&mut self, i: usize, old: &Doc) -> bool {
        let g = self.guide;
        let Some(d) = g.docs.get(i) else {
            return false;
        };
        let entry = |d: &Doc| d.role == Role::Entry && !d.is_translation;
        let addresses =
            |d: &Doc| -> Vec<String> { d.meta.addresses.iter().map(|a| a.value.clone()).collect() };
        let same_lists = entry(d)
            && entry(old)
            && self.visibility[i] == visibility_of(g, &self.opts, &self.lang, d)
            && visibility_of(g, &self.opts, &self.lang, old) == self.visibility[i]
            && g.doc_type(d) == g.doc_type(old)
            && d.status() == old.status()
            && d.meta.tags == old.meta.tags
            && addresses(d) == addresses(old);
        if !same_lists {
            return false;
        }
        let data = &mut self.data;
        data.cards[i] = OnceLock::new();
        let key = collate(d.title());
        if key == data.sort_keys[i] {
            return true;
        }
        data.sort_keys[i] = key;
        let keys = &data.sort_keys;
        // Taken out and put back in its new place: lists are sorted, and at 100,000 entries
        // sorting them again is most of the time a save takes.
        let resort = |list: &mut Vec<usize>| {
            if let Some(at) = list.iter().position(|&j| j == i) {
                list.remove(at);
                let to = list
                    .binary_search_by(|&j| by_title(keys, j, i))
                    .unwrap_or_else(|to| to);
                list.insert(to, i);
            }
        };
        let lists = &mut data.lists;
        for list in [&mut lists.challenges, &mut lists.solutions, &mut lists.open] {
            resort(list);
        }
        if let Some((c, s)) = d.area.as_ref().and_then(|a| lists.areas.get_mut(a)) {
            resort(c);
            resort(s);
        }
        for a in &d.meta.addresses {
            if let Some(list) = data.solutions_of.get_mut(&a.value) {
                resort(list);
            }
        }
        for tag in &d.meta.tags {
            if let Some((_, list)) = data.tags.get_mut(&slugify_id(tag)) {
                resort(list);
            }
        }
        true
    }

    /// How many items one page of the list `p` belongs to shows.
    pub fn per_page(&self, p: &Page) -> usize {
        let lists = &self.guide.config.lists;
        match p {
            Page::Fixed(Fixed::Tags, _) => lists.tags_per_page,
            _ => lists.per_page,
        }
        .max(1)
    }

    /// How many items the list that page `p` belongs to holds in all (`None` for a page
    /// that is not split into pages).
    pub fn list_len(&self, p: &Page) -> Option<usize> {
        let l = &self.lists;
        Some(match p {
            Page::Area(a, _) => l.areas.get(a).map_or(0, |(c, s)| c.len() + s.len()),
            Page::Fixed(Fixed::Challenges, _) => l.challenges.len(),
            Page::Fixed(Fixed::Solutions, _) => l.solutions.len(),
            Page::Fixed(Fixed::OpenChallenges, _) => l.open.len(),
            Page::Fixed(Fixed::Tags, _) => self.tag_order.len(),
            Page::Tag(slug, _) => self.tags.get(slug).map_or(0, |t| t.1.len()),
            Page::Fixed(Fixed::Search, _) | Page::Home | Page::Doc(_) | Page::NotFound => {
                return None
            }
        })
    }

    /// How many pages the list that page `p` belongs to has (at least 1: an empty list
    /// still has its page saying so).
    pub fn page_count(&self, p: &Page) -> PageNo {
        match self.list_len(p) {
            Some(len) => len.div_ceil(self.per_page(p)).max(1) as PageNo,
            None => 1,
        }
    }

    /// The range of a list's items that page `p` shows.
    pub fn page_range(&self, p: &Page) -> std::ops::Range<usize> {
        let len = self.list_len(p).unwrap_or(0);
        let per = self.per_page(p);
        let start = (p.number().max(1) as usize - 1)
            .saturating_mul(per)
            .min(len);
        start..(start + per).min(len)
    }

    /// Which page of the list whose first page is `first` shows item `pos` (from 0).
    fn page_of(&self, first: &Page, pos: usize) -> Page {
        first.numbered((pos / self.per_page(first)) as PageNo + 1)
    }

    /// Document `i` has a page in this language.
    pub fn built(&self, i: usize) -> bool {
        self.visibility[i].built()
    }

    /// Document `i` is shown in this language's lists.
    pub fn listed(&self, i: usize) -> bool {
        self.visibility[i].listed()
    }

    /// Document `i` is listed here only as the original of a missing translation.
    pub fn fallback(&self, i: usize) -> bool {
        self.visibility[i].fallback()
    }

    /// The front matter with the fields a translation shares with its original (type,
    /// kind, addresses, related, tags …): the original's.
    pub fn shared<'d>(&self, d: &'d Doc) -> &'d Meta
    where
        'g: 'd,
    {
        if d.is_translation {
            if let Some(o) = self.guide.original_of(d) {
                return &o.meta;
            }
        }
        &d.meta
    }

    /// An area's document in this language: its translation, else the original.
    pub fn area_doc(&self, area: &str) -> Option<&'g Doc> {
        let g = self.guide;
        g.translations
            .get(&(DocKey::Area(area.to_string()), self.lang.clone()))
            .map(|&i| &g.docs[i])
            .filter(|d| d.front_matter_ok)
            .or_else(|| g.area_doc(area))
    }

    /// Where a document's page of this language lives, relative to the base: an original
    /// area or home page shown in another language gets that language's prefix.
    pub(super) fn page_rel(&self, d: &Doc) -> String {
        if d.lang == self.lang {
            d.url.clone()
        } else {
            format!("{}{}", self.prefix, d.url)
        }
    }

    /// A UI string of the theme in this language (its key when the theme has none).
    pub(super) fn label(&self, key: &str) -> String {
        self.site
            .t
            .get(key)
            .and_then(|v| v.as_str())
            .unwrap_or(key)
            .to_string()
    }

    /// "12 maj 2026" with the theme's month names.
    pub fn date_text(&self, d: NaiveDate) -> String {
        let month = self
            .site
            .t
            .get("months")
            .and_then(|m| m.as_array())
            .and_then(|m| m.get(d.month0() as usize))
            .and_then(|m| m.as_str())
            .map(str::to_string)
            .unwrap_or_else(|| format!("{:02}", d.month()));
        format!("{} {month} {}", d.day(), d.year())
    }

    /// A document's address as a link (base path included).
    pub fn url(&self, d: &Doc) -> String {
        format!("{}{}", self.site.base_path, d.url)
    }

    /// An address below this language's start, as a link: `tags/` → `/guide/en/tags/`.
    pub fn home_url(&self, rel: &str) -> String {
        format!("{}{rel}", self.site.home)
    }

    /// An address below the base, absolute (for canonical links, feeds, the sitemap).
    pub fn canonical(&self, rel: &str) -> String {
        format!("{}{rel}", self.site.base_url)
    }

    /// The listed version of an entry in this language: its translation, else the original.
    pub(super) fn listed_item(&self, id: &str) -> Option<usize> {
        let key = DocKey::Item(id.to_string());
        if let Some(&t) = self
            .guide
            .translations
            .get(&(key.clone(), self.lang.clone()))
        {
            if self.listed(t) {
                return Some(t);
            }
        }
        let i = *self.guide.originals.get(&key)?;
        self.listed(i).then_some(i)
    }

    /// A challenge is open while no published solution addresses it.
    pub(super) fn is_open(&self, challenge: &Doc) -> bool {
        !self.solutions_of.get(&challenge.id).is_some_and(|s| {
            s.iter()
                .any(|&i| self.guide.docs[i].status() == Status::Published)
        })
    }

    /// Every HTML page of this language, in a stable order.
    pub fn page_keys(&self) -> Vec<Page> {
        let g = self.guide;
        let mut keys = vec![Page::Home];
        let numbered = |keys: &mut Vec<Page>, first: Page| {
            let count = self.page_count(&first);
            keys.extend((1..=count).map(|n| first.numbered(n)));
        };
        for a in &self.area_order {
            numbered(&mut keys, Page::Area(a.clone(), 1));
        }
        keys.extend(
            g.docs
                .iter()
                .enumerate()
                .filter(|(i, d)| self.built(*i) && matches!(d.role, Role::Entry | Role::Page))
                .map(|(i, _)| Page::Doc(i)),
        );
        for f in Fixed::listings() {
            numbered(&mut keys, Page::Fixed(f, 1));
        }
        for slug in self.tags.keys() {
            numbered(&mut keys, Page::Tag(slug.clone(), 1));
        }
        if self.site.search {
            keys.push(Page::Fixed(Fixed::Search, 1));
        }
        // One 404 page serves the whole site, in the default language.
        if self.prefix.is_empty() {
            keys.push(Page::NotFound);
        }
        keys
    }

    /// The file a page of this language that is not a document's is written to.
    pub fn page_output(&self, page: &Page) -> Option<String> {
        match page {
            Page::NotFound => Some(routes::NOT_FOUND.to_string()),
            _ => Some(routes::output(&format!("{}{}", self.prefix, page.rel()?))),
        }
    }

    /// Every list split into pages, by its first page, with how many pages it has: what
    /// `serve` compares after a save to see which lists grew or shrank by a page.
    pub fn page_counts(&self) -> BTreeMap<Page, PageNo> {
        let mut firsts: Vec<Page> = self
            .area_order
            .iter()
            .map(|a| Page::Area(a.clone(), 1))
            .collect();
        firsts.extend(Fixed::listings().map(|f| Page::Fixed(f, 1)));
        firsts.extend(self.tags.keys().map(|t| Page::Tag(t.clone(), 1)));
        firsts
            .into_iter()
            .map(|p| {
                let n = self.page_count(&p);
                (p, n)
            })
            .collect()
    }

    /// The pages whose lists show document `i` now: the home page, and the page of each
    /// list that holds it (the lists, its area's, its tags'), and the pages of the tag index
    /// that count its tags.
    pub fn pages_listing(&self, i: usize) -> Vec<Page> {
        let d = &self.guide.docs[i];
        let mut pages = vec![Page::Home];
        let l = &self.lists;
        let find = |list: &[usize]| list.binary_search_by(|&j| self.by_title(j, i)).ok();
        for (f, list) in [
            (Fixed::Challenges, &l.challenges),
            (Fixed::Solutions, &l.solutions),
            (Fixed::OpenChallenges, &l.open),
        ] {
            if let Some(pos) = find(list) {
                pages.push(self.page_of(&Page::Fixed(f, 1), pos));
            }
        }
        if let Some((a, (c, s))) = d.area.as_ref().and_then(|a| Some((a, l.areas.get(a)?))) {
            let pos = find(c).or_else(|| find(s).map(|p| c.len() + p));
            if let Some(pos) = pos {
                pages.push(self.page_of(&Page::Area(a.clone(), 1), pos));
            }
        }
        for slug in self.shared(d).tags.iter().map(|t| slugify_id(t)) {
            let Some((_, docs)) = self.tags.get(&slug) else {
                continue;
            };
            if let Some(pos) = find(docs) {
                pages.push(self.page_of(&Page::Tag(slug.clone(), 1), pos));
            }
            if let Some(pos) = self.tag_order.iter().position(|t| *t == slug) {
                pages.push(self.page_of(&Page::Fixed(Fixed::Tags, 1), pos));
            }
        }
        pages.sort();
        pages.dedup();
        pages
    }

    /// Content files to publish: everything inside the folder of a built `<id>/index.md`
    /// entry, and every file a built document links to.
    /// (At 100,000 entries there are half a million links, nearly all to other entries:
    /// only a link to another kind of file is resolved, and an asset's folders are looked
    /// up, not compared with every entry's folder.)
    pub fn assets(&self) -> Vec<&'g str> {
        let g = self.guide;
        if g.assets.is_empty() {
            return Vec::new();
        }
        let mut folders: HashSet<String> = HashSet::new();
        let mut linked: HashSet<String> = HashSet::new();
        for (i, d) in g.docs.iter().enumerate() {
            let built = self.built(i) || (d.is_translation && d.status().is_public());
            if !built && !matches!(d.role, Role::Home | Role::Area) {
                continue;
            }
            if let Some((dir, file)) = d.path.rsplit_once('/') {
                if file.starts_with("index.") && d.role == Role::Entry {
                    folders.insert(format!("{dir}/"));
                }
            }
            for l in d.body.iter().flat_map(|b| &b.links) {
                let file = l.dest.split(['#', '?']).next().unwrap_or_default();
                if file.ends_with(".md") {
                    continue;
                }
                if let Target::Path { path, .. } = paths::resolve(&d.path, &l.dest) {
                    linked.insert(path);
                }
            }
        }
        g.assets
            .iter()
            .filter(|a| {
                linked.contains(a.as_str())
                    || a.match_indices('/')
                        .any(|(end, _)| folders.contains(&a[..=end]))
            })
            .map(String::as_str)
            .collect()
    }
}

/// The order of lists by title (Swedish collation, `keys`), then by file.
fn by_title(keys: &[String], a: usize, b: usize) -> std::cmp::Ordering {
    keys[a].cmp(&keys[b]).then(a.cmp(&b))
}

/// How each document is on the site of `lang`.
fn visibility(guide: &Guide, opts: &RenderOptions, lang: &str) -> Vec<Visibility> {
    guide
        .docs
        .iter()
        .map(|d| visibility_of(guide, opts, lang, d))
        .collect()
}

/// How one document is on the site of `lang`.
fn visibility_of(guide: &Guide, opts: &RenderOptions, lang: &str, d: &Doc) -> Visibility {
    let default = guide.config.default_language.as_str();
    let visible = |d: &Doc| {
        d.front_matter_ok
            && match d.status() {
                Status::Published | Status::Archived => true,
                Status::Draft | Status::InReview => opts.drafts,
            }
    };
    let listable =
        |d: &Doc| d.status() != Status::Archived && matches!(d.role, Role::Entry | Role::Page);
    let built = |d: &Doc| d.lang == lang && visible(d);
    let translated = |d: &Doc| {
        guide
            .translations
            .get(&(d.key(), lang.to_string()))
            .is_some_and(|&t| built(&guide.docs[t]) && listable(&guide.docs[t]))
    };
    if built(d) {
        if listable(d) {
            Visibility::Listed
        } else {
            Visibility::Unlisted
        }
    } else if lang != default
        && d.lang == default
        && !d.is_translation
        && visible(d)
        && listable(d)
        && !translated(d)
    {
        Visibility::Fallback
    } else {
        Visibility::Absent
    }
}
