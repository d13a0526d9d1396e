//! The rendering model: what each page shows, as explicit serialisable structs for Tera.
//!
//! [`Model`] is computed once from the Guide: which documents are built and which are listed,
//! the reverse index (which solutions address a challenge), cards for every entry, and the
//! site-wide context. [`Model::pages`] then yields one [`PageCtx`] per HTML page. Templates
//! decide how things look; this module decides what is on each page.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use chrono::{Datelike, NaiveDate};
use rayon::prelude::*;
use serde::Serialize;
use serde_json::json;

use super::RenderOptions;
use crate::check::review_due;
use crate::content::paths::{self, Target};
use crate::content::{Doc, DocType, ExtLink, Guide, Role, Status};
use crate::text::slugify_id;

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
}

#[derive(Debug, Clone, Serialize)]
pub struct NavLink {
    pub title: String,
    pub url: String,
    /// The language of the title, when it is not the page's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
}

impl NavLink {
    fn new(title: impl Into<String>, url: impl Into<String>) -> Self {
        NavLink {
            title: title.into(),
            url: url.into(),
            lang: None,
        }
    }
}

/// The same page in another language, for `hreflang` and the language switcher.
#[derive(Debug, Clone, Serialize)]
pub struct Alternate {
    pub lang: String,
    /// The language's own name ("Svenska", "English").
    pub name: String,
    pub url: String,
    /// Absolute, for `<link rel="alternate" hreflang>`.
    pub href: String,
}

/// A language's name in that language.
pub fn language_name(code: &str) -> String {
    match code {
        "sv" => "Svenska",
        "en" => "English",
        "fi" => "Suomi",
        "se" => "Davvisámegiella",
        "smj" => "Julevsámegiella",
        "sma" => "Åarjelsaemien",
        "nb" | "no" => "Norsk",
        "da" => "Dansk",
        "de" => "Deutsch",
        "fr" => "Français",
        "es" => "Español",
        "ar" => "العربية",
        "so" => "Soomaali",
        "fa" => "فارسی",
        "ku" => "Kurdî",
        "pl" => "Polski",
        "yi" => "ייִדיש",
        "rom" => "Romani",
        other => other,
    }
    .to_string()
}

/// An entry as shown in lists and on other pages.
#[derive(Debug, Clone, Serialize)]
pub struct Card {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub url: String,
    /// `challenge`, `solution` or `page`.
    pub doc_type: &'static str,
    /// A solution's kind (`method`, `tool` …) and its label.
    pub kind: Option<&'static str>,
    pub kind_label: Option<String>,
    pub area_title: Option<String>,
    pub area_url: Option<String>,
    /// `published`, or `draft` / `in_review` in a preview.
    pub status: &'static str,
    /// Last reviewed (or created), ISO.
    pub date: Option<String>,
    pub date_text: Option<String>,
    /// Shown in a language it has no translation into: it links to the original.
    pub fallback: bool,
    /// The language of the title and summary, when it is not the page's.
    pub lang: Option<String>,
    /// `partials/card.html` for this card, rendered once per language and reused on every
    /// page that shows it.
    #[serde(serialize_with = "once_str")]
    pub html: std::sync::OnceLock<String>,
}

fn once_str<S: serde::Serializer>(
    v: &std::sync::OnceLock<String>,
    s: S,
) -> Result<S::Ok, S::Error> {
    s.serialize_str(v.get().map(String::as_str).unwrap_or_default())
}

/// What decides how the main navigation looks on a page: the address of the page when it is
/// one of the navigation's own (an area or the open challenges), and the address of the area
/// the page belongs to. `partials/main-nav.html` gets it as `nav`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize)]
pub struct NavState {
    pub current: String,
    pub section: String,
}

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

#[derive(Debug, Clone, Serialize)]
pub struct ChallengeGroup {
    pub challenge: Arc<Card>,
    pub solutions: Vec<Arc<Card>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct AreaCard {
    pub title: String,
    pub summary: String,
    pub url: String,
    pub challenges: usize,
    pub solutions: usize,
    pub open: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct TagCount {
    pub name: String,
    pub url: String,
    pub count: usize,
}

/// Names one HTML page of the site, so a page can be rendered on its own (`serve`
/// re-renders only the pages a change affects).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PageKey {
    Home,
    Area(String),
    /// An entry or a standalone page: its index in `Guide::docs`.
    Doc(usize),
    Challenges,
    Solutions,
    OpenChallenges,
    Tags,
    Tag(String),
    Search,
    NotFound,
}

/// One HTML page (`page` in templates). Fields that do not apply to a page kind are empty.
#[derive(Debug, Default, Serialize)]
pub struct PageCtx {
    #[serde(skip)]
    pub template: String,
    #[serde(skip)]
    pub output: String,
    #[serde(skip)]
    pub origin: String,
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
    /// The Markdown body as HTML.
    pub body: String,
    pub review: Option<Review>,
    pub json_ld: String,
    pub breadcrumbs: Vec<NavLink>,
    /// An Atom feed for this page (home and areas).
    pub feed: Option<String>,
    pub solution_kind: Option<&'static str>,
    pub kind_label: Option<String>,
    pub provider: Option<String>,
    pub provider_type_label: Option<String>,
    pub links: Vec<ExtLink>,
    pub tags: Vec<NavLink>,
    pub organisations: Vec<String>,
    pub related: Vec<Arc<Card>>,
    /// On a challenge: the solutions that address it.
    pub solutions: Vec<Arc<Card>>,
    /// On a solution: the challenges it addresses.
    pub challenges: Vec<Arc<Card>>,
    /// On an area: its challenges, each with its solutions.
    pub groups: Vec<ChallengeGroup>,
    /// Lists, tag pages, an area's solutions.
    pub items: Vec<Arc<Card>>,
    /// Home: the areas with counts.
    pub areas: Vec<AreaCard>,
    /// Home: recently published or reviewed.
    pub recent: Vec<Arc<Card>>,
    /// Home: open challenges.
    pub open: Vec<Arc<Card>>,
    pub tag_index: Vec<TagCount>,
    pub area: Option<NavLink>,
    /// This page in every language it exists in (this one included); empty on a
    /// single-language site.
    pub alternates: Vec<Alternate>,
    /// The language of the title and text, when it is not the page's (an area or home page
    /// shown in a language it has no translation into).
    pub content_lang: Option<String>,
    /// `partials/main-nav.html` for this page's [`NavState`], rendered once per state and
    /// shared by the pages in that state.
    pub main_nav: Arc<str>,
}

impl PageCtx {
    /// Every card the page shows.
    pub fn cards(&self) -> impl Iterator<Item = &Arc<Card>> {
        self.related
            .iter()
            .chain(&self.solutions)
            .chain(&self.challenges)
            .chain(&self.items)
            .chain(&self.recent)
            .chain(&self.open)
            .chain(
                self.groups
                    .iter()
                    .flat_map(|g| std::iter::once(&g.challenge).chain(&g.solutions)),
            )
    }
}

/// Everything rendering needs, computed once.
pub struct Model<'g> {
    pub guide: &'g Guide,
    pub opts: RenderOptions,
    pub site: SiteCtx,
    /// Per document: built into the site.
    pub built: Vec<bool>,
    /// Per document: shown in lists, feeds, sitemap (published, or a draft in a preview).
    pub listed: Vec<bool>,
    /// Per document: listed in this language, which it has no translation into.
    pub fallback: Vec<bool>,
    /// The language of these pages.
    pub lang: String,
    /// `""` for the default language, `en/` for English …
    pub prefix: String,
    /// Per document: its card, made when first needed (a preview renders a few pages).
    cards: Vec<std::sync::OnceLock<Option<Arc<Card>>>>,
    /// Per document: its title's sort key.
    pub sort_keys: Vec<String>,
    /// Challenge id → listed solutions that address it.
    pub solutions_of: HashMap<String, Vec<usize>>,
    /// Area ids in display order.
    pub area_order: Vec<String>,
    /// Tag slug → (name, listed entries).
    pub tags: BTreeMap<String, (String, Vec<usize>)>,
    /// `partials/main-nav.html` per navigation state, rendered when first needed.
    pub nav_html: std::sync::Mutex<HashMap<NavState, Arc<str>>>,
}

/// Sort key that puts å, ä, ö after z, as Swedish readers expect.
pub fn collate(s: &str) -> String {
    s.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'å' => '\u{7b}',
            'ä' | 'æ' => '\u{7c}',
            'ö' | 'ø' => '\u{7d}',
            c => c,
        })
        .collect()
}

impl<'g> Model<'g> {
    /// The model of the pages in `lang`: the default language's pages, or another
    /// language's, where untranslated entries are listed with a note and link to the
    /// original.
    pub fn new(guide: &'g Guide, opts: &RenderOptions, strings: toml::Table, lang: &str) -> Self {
        let cfg = &guide.config;
        let base_path = cfg.base_path();
        let default = cfg.default_language.as_str();
        let prefix = if lang == default {
            String::new()
        } else {
            format!("{lang}/")
        };
        let home = format!("{base_path}{prefix}");
        let visible = |d: &Doc| {
            d.front_matter_ok
                && match d.status() {
                    Status::Published | Status::Archived => true,
                    Status::Draft | Status::InReview => opts.drafts,
                }
        };
        let listable =
            |d: &Doc| d.status() != Status::Archived && matches!(d.role, Role::Entry | Role::Page);
        let built: Vec<bool> = guide
            .docs
            .iter()
            .map(|d| d.lang == lang && visible(d))
            .collect();
        let translated = |d: &Doc| {
            guide
                .translations
                .get(&(d.key(), lang.to_string()))
                .is_some_and(|&t| built[t] && listable(&guide.docs[t]))
        };
        let fallback: Vec<bool> = guide
            .docs
            .iter()
            .map(|d| {
                lang != default
                    && d.lang == default
                    && !d.is_translation
                    && visible(d)
                    && listable(d)
                    && !translated(d)
            })
            .collect();
        let listed: Vec<bool> = guide
            .docs
            .iter()
            .enumerate()
            .map(|(i, d)| (built[i] && listable(d)) || fallback[i])
            .collect();

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
            .filter(|(i, d)| d.role == Role::Page && listed[*i])
            .map(|(_, d)| {
                let original = if d.is_translation {
                    guide.original_of(d).unwrap_or(d)
                } else {
                    d
                };
                let mut link = NavLink::new(d.title(), format!("{base_path}{}", url_of(guide, d)));
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
            menu: menu.into_iter().map(|m| m.2).collect(),
            // Filled in below, with the areas' titles in this language.
            areas: Vec::new(),
            t: strings,
            feed_url: format!("{home}feed.xml"),
            drafts: opts.drafts,
            today: opts.today.to_string(),
            footer: String::new(),
            search_box: String::new(),
        };

        let mut model = Model {
            guide,
            opts: opts.clone(),
            site,
            built,
            listed,
            fallback,
            lang: lang.to_string(),
            prefix,
            cards: (0..guide.docs.len())
                .map(|_| std::sync::OnceLock::new())
                .collect(),
            sort_keys: guide.docs.par_iter().map(|d| collate(d.title())).collect(),
            solutions_of: HashMap::new(),
            area_order,
            tags: BTreeMap::new(),
            nav_html: Default::default(),
        };

        model.site.areas = model
            .area_order
            .iter()
            .filter_map(|a| model.area_doc(a).map(|d| (a, d)))
            .map(|(a, d)| {
                let mut link = NavLink::new(d.title(), format!("{home}{a}/"));
                link.lang = (d.lang != lang).then(|| d.lang.clone());
                link
            })
            .collect();
        for (i, d) in guide.docs.iter().enumerate() {
            if !model.listed[i] {
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
        for list in model.solutions_of.values_mut() {
            let keys = &model.sort_keys;
            list.sort_by(|&a, &b| keys[a].cmp(&keys[b]));
            list.dedup();
        }
        model
    }

    /// The front matter with the fields a translation shares with its original (type,
    /// kind, addresses, related, tags …): the original's.
    pub fn shared<'d>(&self, d: &'d Doc) -> &'d crate::content::Meta
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
            .get(&(
                crate::content::DocKey::Area(area.to_string()),
                self.lang.clone(),
            ))
            .map(|&i| &g.docs[i])
            .filter(|d| d.front_matter_ok)
            .or_else(|| g.area_doc(area))
    }

    /// Where a page of this language lives, relative to the base: an original area or
    /// home page shown in another language gets that language's prefix.
    fn page_rel(&self, d: &Doc) -> String {
        let rel = url_of(self.guide, d);
        if d.lang == self.lang {
            rel
        } else {
            format!("{}{rel}", self.prefix)
        }
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
                let prefix = if *l == cfg.default_language {
                    String::new()
                } else {
                    format!("{l}/")
                };
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
                href: self.canonical(&url_of(g, d)),
            })
            .collect();
        if versions.len() < 2 {
            Vec::new()
        } else {
            versions
        }
    }

    fn label(&self, key: &str) -> String {
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

    pub fn url(&self, d: &Doc) -> String {
        format!("{}{}", self.site.base_path, url_of(self.guide, d))
    }

    pub fn canonical(&self, rel: &str) -> String {
        format!("{}{rel}", self.site.base_url)
    }

    /// The card of document `i`.
    pub fn card_of(&self, i: usize) -> Option<Arc<Card>> {
        self.cards[i]
            .get_or_init(|| self.card(i).map(Arc::new))
            .clone()
    }

    fn card(&self, i: usize) -> Option<Card> {
        let d = &self.guide.docs[i];
        if !matches!(d.role, Role::Entry | Role::Page) {
            return None;
        }
        let t = self.guide.doc_type(d).unwrap_or(DocType::Page);
        let area = d.area.as_deref().and_then(|a| self.area_doc(a));
        let kind = self.shared(d).kind.map(|k| k.as_str());
        let date = d.meta.last_reviewed.or(d.meta.created);
        Some(Card {
            id: d.id.clone(),
            title: d.title().to_string(),
            summary: d.meta.summary.clone().unwrap_or_default(),
            url: self.url(d),
            doc_type: t.as_str(),
            kind,
            kind_label: kind.map(|k| self.label(&format!("kind_{}", k.replace('-', "_")))),
            area_title: area.map(|a| a.title().to_string()),
            area_url: d.area.as_deref().map(|a| format!("{}{a}/", self.site.home)),
            status: d.status().as_str(),
            date: date.map(|d| d.to_string()),
            date_text: date.map(|d| self.date_text(d)),
            fallback: self.fallback[i],
            lang: (d.lang != self.lang).then(|| d.lang.clone()),
            html: std::sync::OnceLock::new(),
        })
    }

    fn cards_of(&self, mut idx: Vec<usize>) -> Vec<Arc<Card>> {
        idx.sort_by(|&a, &b| self.sort_keys[a].cmp(&self.sort_keys[b]).then(a.cmp(&b)));
        idx.dedup();
        idx.into_iter().filter_map(|i| self.card_of(i)).collect()
    }

    /// The listed version of an entry in this language: its translation, else the original.
    fn listed_item(&self, id: &str) -> Option<usize> {
        let key = crate::content::DocKey::Item(id.to_string());
        if let Some(&t) = self
            .guide
            .translations
            .get(&(key.clone(), self.lang.clone()))
        {
            if self.listed[t] {
                return Some(t);
            }
        }
        let i = *self.guide.originals.get(&key)?;
        self.listed[i].then_some(i)
    }

    /// Listed entries of a type, optionally in one area.
    fn entries(&self, t: DocType, area: Option<&str>) -> Vec<usize> {
        self.guide
            .docs
            .iter()
            .enumerate()
            .filter(|(i, d)| {
                self.listed[*i]
                    && d.role == Role::Entry
                    && self.guide.doc_type(d) == Some(t)
                    && (area.is_none() || d.area.as_deref() == area)
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// A challenge is open while no published solution addresses it.
    fn is_open(&self, challenge: &Doc) -> bool {
        !self.solutions_of.get(&challenge.id).is_some_and(|s| {
            s.iter()
                .any(|&i| self.guide.docs[i].status() == Status::Published)
        })
    }

    fn review(&self, d: &Doc) -> Option<Review> {
        let has_any = d.meta.last_reviewed.is_some()
            || !d.meta.reviewed_by.is_empty()
            || self.guide.owner(d).is_some();
        if !has_any {
            return None;
        }
        let due = if d.status() == Status::Published {
            review_due(self.guide, d)
        } else {
            None
        };
        let today = self.opts.today;
        let soon = chrono::Days::new(u64::from(self.guide.config.review.due_soon_days));
        Some(Review {
            last_reviewed: d.meta.last_reviewed.map(|x| x.to_string()),
            last_reviewed_text: d.meta.last_reviewed.map(|x| self.date_text(x)),
            reviewed_by: d.meta.reviewed_by.clone(),
            owner: self.guide.owner(d).map(str::to_string),
            due: due.map(|x| x.to_string()),
            due_text: due.map(|x| self.date_text(x)),
            overdue: due.is_some_and(|x| today > x),
            due_soon: due.is_some_and(|x| {
                today <= x && x.checked_sub_days(soon).is_none_or(|start| today >= start)
            }),
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

    fn base_page(&self, d: &Doc, kind: &'static str, template: &str) -> PageCtx {
        let rel = self.page_rel(d);
        let status = d.status();
        let mut p = PageCtx {
            template: template.to_string(),
            output: format!("{rel}index.html"),
            origin: d.path.clone(),
            kind,
            title: d.title().to_string(),
            description: d.meta.summary.clone().unwrap_or_default(),
            url: format!("{}{rel}", self.site.base_path),
            canonical: self.canonical(&rel),
            noindex: status != Status::Published,
            content_lang: (d.lang != self.lang).then(|| d.lang.clone()),
            banner: match status {
                Status::Published => None,
                Status::Draft => Some("draft"),
                Status::InReview => Some("in_review"),
                Status::Archived => Some("archived"),
            },
            body: body_html(d),
            review: if matches!(d.role, Role::Entry | Role::Page) {
                self.review(d)
            } else {
                None
            },
            ..PageCtx::default()
        };
        p.json_ld = self.json_ld(d, &p);
        p
    }

    /// How the main navigation looks on page `p`.
    pub fn nav_state(&self, p: &PageCtx) -> NavState {
        let open = format!("{}open-challenges/", self.site.home);
        let in_nav = p.url == open || self.site.areas.iter().any(|a| a.url == p.url);
        NavState {
            current: if in_nav { p.url.clone() } else { String::new() },
            section: p.area.as_ref().map(|a| a.url.clone()).unwrap_or_default(),
        }
    }

    /// The keys of every HTML page of the site, in a stable order.
    pub fn page_keys(&self) -> Vec<PageKey> {
        let g = self.guide;
        let mut keys = vec![PageKey::Home];
        keys.extend(self.area_order.iter().map(|a| PageKey::Area(a.clone())));
        keys.extend(
            g.docs
                .iter()
                .enumerate()
                .filter(|(i, d)| self.built[*i] && matches!(d.role, Role::Entry | Role::Page))
                .map(|(i, _)| PageKey::Doc(i)),
        );
        keys.extend([
            PageKey::Challenges,
            PageKey::Solutions,
            PageKey::OpenChallenges,
            PageKey::Tags,
        ]);
        keys.extend(self.tags.keys().map(|slug| PageKey::Tag(slug.clone())));
        if self.site.search {
            keys.push(PageKey::Search);
        }
        // One 404 page serves the whole site, in the default language.
        if self.prefix.is_empty() {
            keys.push(PageKey::NotFound);
        }
        keys
    }

    /// The context of one page, if the site has it.
    pub fn page(&self, key: &PageKey) -> Option<PageCtx> {
        let g = self.guide;
        Some(match key {
            PageKey::Home => self.home(),
            PageKey::Area(a) => self.area(self.area_doc(a)?),
            PageKey::Doc(i) => {
                let d = g.docs.get(*i).filter(|_| self.built[*i])?;
                match d.role {
                    Role::Entry => self.entry(d),
                    Role::Page => self.base_page(d, "page", "page.html"),
                    _ => return None,
                }
            }
            PageKey::Challenges => self.list(
                "challenges",
                "list_challenges",
                "list_challenges_intro",
                self.entries(DocType::Challenge, None),
            ),
            PageKey::Solutions => self.list(
                "solutions",
                "list_solutions",
                "list_solutions_intro",
                self.entries(DocType::Solution, None),
            ),
            PageKey::OpenChallenges => {
                let open = self
                    .entries(DocType::Challenge, None)
                    .into_iter()
                    .filter(|&i| self.is_open(&g.docs[i]))
                    .collect();
                self.list("open-challenges", "list_open", "list_open_intro", open)
            }
            PageKey::Tags => self.tag_index(),
            PageKey::Tag(slug) => {
                let (name, docs) = self.tags.get(slug)?;
                let mut p = self.simple(
                    "tag",
                    "tag.html",
                    &format!("tags/{slug}/"),
                    &format!("{}: {name}", self.label("tag")),
                );
                p.description = format!("{} {name}", self.label("tag_intro"));
                p.items = self.cards_of(docs.clone());
                p.breadcrumbs = vec![NavLink::new(
                    self.label("tags"),
                    format!("{}tags/", self.site.home),
                )];
                p
            }
            PageKey::Search => {
                let mut p = self.simple(
                    "search",
                    "search.html",
                    "search/",
                    &self.label("search_title"),
                );
                // A page of results is not something to find in a search engine.
                p.noindex = true;
                p
            }
            PageKey::NotFound => {
                let mut p = self.simple("404", "404.html", "", &self.label("not_found_title"));
                p.alternates = Vec::new();
                p.output = "404.html".into();
                p.noindex = true;
                // Served at any address that does not exist: it has no address of its own.
                p.canonical = String::new();
                p
            }
        })
    }

    /// A page every language has, at `rel` below this language's start.
    fn simple(&self, kind: &'static str, template: &str, rel: &str, title: &str) -> PageCtx {
        let alternates = self.alternates_of(rel);
        let rel = format!("{}{rel}", self.prefix);
        let rel = rel.as_str();
        PageCtx {
            alternates,
            template: template.into(),
            output: format!("{rel}index.html"),
            origin: format!("the {kind} page"),
            kind,
            title: title.into(),
            description: self.site.description.clone(),
            url: format!("{}{rel}", self.site.base_path),
            canonical: self.canonical(rel),
            ..PageCtx::default()
        }
    }

    fn home(&self) -> PageCtx {
        let g = self.guide;
        let home = g
            .translations
            .get(&(crate::content::DocKey::Home, self.lang.clone()))
            .or_else(|| g.originals.get(&crate::content::DocKey::Home))
            .map(|&i| &g.docs[i]);
        let mut p = match home {
            Some(d) => {
                let mut p = self.base_page(d, "home", "home.html");
                p.title = d
                    .meta
                    .title
                    .clone()
                    .unwrap_or_else(|| self.site.title.clone());
                if p.description.is_empty() {
                    p.description = self.site.description.clone();
                }
                p.review = None;
                p.alternates = self.alternates_of("");
                p
            }
            None => self.simple("home", "home.html", "", &self.site.title),
        };
        p.feed = Some(self.site.feed_url.clone());
        p.areas = self
            .area_order
            .iter()
            .filter_map(|a| self.area_doc(a).map(|d| (a, d)))
            .map(|(a, d)| {
                let ch = self.entries(DocType::Challenge, Some(a));
                AreaCard {
                    title: d.title().to_string(),
                    summary: d.meta.summary.clone().unwrap_or_default(),
                    url: format!("{}{a}/", self.site.home),
                    open: ch.iter().filter(|&&i| self.is_open(&g.docs[i])).count(),
                    challenges: ch.len(),
                    solutions: self.entries(DocType::Solution, Some(a)).len(),
                }
            })
            .collect();
        let mut recent: Vec<usize> = g
            .docs
            .iter()
            .enumerate()
            .filter(|(i, d)| self.listed[*i] && d.role == Role::Entry)
            .map(|(i, _)| i)
            .collect();
        let date = |i: usize| g.docs[i].meta.last_reviewed.max(g.docs[i].meta.created);
        recent.sort_by(|&a, &b| {
            date(b)
                .cmp(&date(a))
                .then_with(|| g.docs[a].id.cmp(&g.docs[b].id))
        });
        recent.truncate(6);
        p.recent = recent.into_iter().filter_map(|i| self.card_of(i)).collect();
        let open: Vec<usize> = self
            .entries(DocType::Challenge, None)
            .into_iter()
            .filter(|&i| self.is_open(&g.docs[i]))
            .collect();
        p.open = self.cards_of(open);
        p
    }

    fn area(&self, d: &Doc) -> PageCtx {
        let mut p = self.base_page(d, "area", "area.html");
        let area = d.id.as_str();
        p.alternates = self.alternates_of(&format!("{area}/"));
        p.feed = Some(format!("{}{area}/feed.xml", self.site.home));
        p.groups = self
            .cards_of(self.entries(DocType::Challenge, Some(area)))
            .into_iter()
            .map(|challenge| ChallengeGroup {
                solutions: self.cards_of(
                    self.solutions_of
                        .get(&challenge.id)
                        .cloned()
                        .unwrap_or_default(),
                ),
                challenge,
            })
            .collect();
        p.items = self.cards_of(self.entries(DocType::Solution, Some(area)));
        p
    }

    fn entry(&self, d: &Doc) -> PageCtx {
        let g = self.guide;
        let t = g.doc_type(d);
        let kind = if t == Some(DocType::Solution) {
            "solution"
        } else {
            "challenge"
        };
        let mut p = self.base_page(d, kind, &format!("{kind}.html"));
        p.alternates = self.alternates_of_doc(d);
        let shared = self.shared(d);
        if let Some((id, a)) = d
            .area
            .as_deref()
            .and_then(|a| self.area_doc(a).map(|d| (a, d)))
        {
            let mut link = NavLink::new(a.title(), format!("{}{id}/", self.site.home));
            link.lang = (a.lang != self.lang).then(|| a.lang.clone());
            p.breadcrumbs = vec![link.clone()];
            p.area = Some(link);
        }
        // A tag links to its page when it has one (an archived entry's tag may have none).
        p.tags = shared
            .tags
            .iter()
            .map(|t| {
                let slug = slugify_id(t);
                let url = if self.tags.contains_key(&slug) {
                    format!("{}tags/{slug}/", self.site.home)
                } else {
                    String::new()
                };
                NavLink::new(t.clone(), url)
            })
            .collect();
        p.organisations = shared.organisations.clone();
        p.related = self.cards_of(
            shared
                .related
                .iter()
                .filter_map(|r| self.listed_item(&r.value))
                .collect(),
        );
        if kind == "challenge" {
            p.solutions = self.cards_of(self.solutions_of.get(&d.id).cloned().unwrap_or_default());
        } else {
            p.challenges = self.cards_of(
                shared
                    .addresses
                    .iter()
                    .filter_map(|r| self.listed_item(&r.value))
                    .collect(),
            );
            p.solution_kind = shared.kind.map(|k| k.as_str());
            p.kind_label = self
                .card_of(g.by_path[&d.path])
                .and_then(|c| c.kind_label.clone());
            p.provider = shared.provider.clone();
            p.provider_type_label = shared
                .provider_type
                .map(|t| self.label(&format!("provider_{}", t.as_str())));
            // A translation may link to pages in its own language.
            p.links = if d.meta.links.is_empty() {
                shared.links.clone()
            } else {
                d.meta.links.clone()
            };
        }
        p
    }

    fn list(&self, rel: &str, title_key: &str, intro_key: &str, docs: Vec<usize>) -> PageCtx {
        let mut p = self.simple(
            "list",
            "list.html",
            &format!("{rel}/"),
            &self.label(title_key),
        );
        p.description = self.label(intro_key);
        p.items = self.cards_of(docs);
        p
    }

    fn tag_index(&self) -> PageCtx {
        let mut p = self.simple("tags", "tags.html", "tags/", &self.label("tags"));
        p.description = self.label("tags_intro");
        let mut tags: Vec<TagCount> = self
            .tags
            .iter()
            .map(|(slug, (name, docs))| TagCount {
                name: name.clone(),
                url: format!("{}tags/{slug}/", self.site.home),
                count: docs.len(),
            })
            .collect();
        tags.sort_by_key(|t| collate(&t.name));
        p.tag_index = tags;
        p
    }

    /// The search index's records: published challenges, solutions and pages.
    pub fn search_records(&self) -> Vec<crate::search::Record> {
        let g = self.guide;
        let mut out = Vec::new();
        for (i, d) in g.docs.iter().enumerate() {
            // Each language's index holds its own pages; an untranslated one is found in
            // the original's language.
            if !self.listed[i] || self.fallback[i] || d.status() != Status::Published {
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
                url: format!("/{}", url_of(g, d)),
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

    /// Content files to publish: everything inside the folder of a built `<id>/index.md`
    /// entry, and every file a built document links to.
    pub fn assets(&self) -> Vec<&'g str> {
        let g = self.guide;
        let mut folders: Vec<String> = Vec::new();
        let mut linked: std::collections::HashSet<String> = std::collections::HashSet::new();
        for (i, d) in g.docs.iter().enumerate() {
            let built = self.built[i] || (d.is_translation && d.status().is_public());
            if !built && !matches!(d.role, Role::Home | Role::Area) {
                continue;
            }
            if let Some((dir, file)) = d.path.rsplit_once('/') {
                if file.starts_with("index.") && d.role == Role::Entry {
                    folders.push(format!("{dir}/"));
                }
            }
            for l in d.body.iter().flat_map(|b| &b.links) {
                if let Target::Path { path, .. } = paths::resolve(&d.path, &l.dest) {
                    linked.insert(path);
                }
            }
        }
        g.assets
            .iter()
            .filter(|a| {
                linked.contains(a.as_str()) || folders.iter().any(|f| a.starts_with(f.as_str()))
            })
            .map(String::as_str)
            .collect()
    }
}

/// A document's URL relative to the base.
pub fn url_of(guide: &Guide, d: &Doc) -> String {
    paths::doc_url(
        d.role,
        &d.id,
        d.area.as_deref(),
        &d.lang,
        &guide.config.default_language,
    )
}

/// The body's HTML, through the sanitiser when it holds raw HTML.
fn body_html(d: &Doc) -> String {
    match &d.body {
        Some(b) if b.has_raw_html => crate::render::sanitize::clean(&b.html),
        Some(b) => b.html.clone(),
        None => String::new(),
    }
}
