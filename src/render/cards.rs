//! What pages show of other documents: cards (an entry in a list), links in the navigation,
//! a page's versions in other languages, and the summaries of areas and tags.
//!
//! A card is computed once per document and language and shared (`Arc`) by every page that
//! shows it; its HTML (`partials/card.html`) is rendered by the renderer and handed to a
//! page as a [`Shown`] card. Which cards a page shows is the views' business (`view/`).

use std::sync::Arc;

use serde::Serialize;

use super::model::Model;
use crate::content::{DocType, Role};
use crate::routes;

#[derive(Debug, Clone, Serialize)]
pub struct NavLink {
    pub title: String,
    pub url: String,
    /// The language of the title, when it is not the page's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
}

impl NavLink {
    pub fn new(title: impl Into<String>, url: impl Into<String>) -> Self {
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

/// An entry as shown in lists and on other pages (`card` in `partials/card.html`).
#[derive(Debug, Clone, Serialize)]
pub struct Card {
    /// The document's index in `Guide::docs`: the key of its rendered HTML.
    #[serde(skip)]
    pub index: usize,
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
}

/// A card on a page, with its HTML (`partials/card.html`, rendered once per language and
/// filled in by the renderer before the page is rendered). Templates see the card's fields
/// and `html`.
#[derive(Debug, Clone)]
pub struct Shown {
    pub card: Arc<Card>,
    pub html: Arc<str>,
}

impl Serialize for Shown {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct WithHtml<'a> {
            #[serde(flatten)]
            card: &'a Card,
            html: &'a str,
        }
        WithHtml {
            card: &self.card,
            html: &self.html,
        }
        .serialize(s)
    }
}

/// A challenge on its area's page, with the solutions that address it.
#[derive(Debug, Clone, Serialize)]
pub struct ChallengeGroup {
    pub challenge: Shown,
    pub solutions: Vec<Shown>,
}

/// An area on the home page, with its counts.
#[derive(Debug, Clone, Serialize)]
pub struct AreaCard {
    pub title: String,
    pub summary: String,
    pub url: String,
    pub challenges: usize,
    pub solutions: usize,
    pub open: usize,
}

/// A tag on the tag index, with how many entries have it.
#[derive(Debug, Clone, Serialize)]
pub struct TagCount {
    pub name: String,
    pub url: String,
    pub count: usize,
}

impl Model<'_> {
    /// The card of document `i` (made once, then shared).
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
            index: i,
            id: d.id.clone(),
            title: d.title().to_string(),
            summary: d.meta.summary.clone().unwrap_or_default(),
            url: self.url(d),
            doc_type: t.as_str(),
            kind,
            kind_label: kind.map(|k| self.label(&format!("kind_{}", k.replace('-', "_")))),
            area_title: area.map(|a| a.title().to_string()),
            area_url: d.area.as_deref().map(|a| self.home_url(&routes::area(a))),
            status: d.status().as_str(),
            date: date.map(|d| d.to_string()),
            date_text: date.map(|d| self.date_text(d)),
            fallback: self.fallback(i),
            lang: (d.lang != self.lang).then(|| d.lang.clone()),
        })
    }

    /// The cards of documents, by title, each once, as a page shows them (their HTML
    /// follows when the page is rendered).
    pub(super) fn cards_of(&self, mut idx: Vec<usize>) -> Vec<Shown> {
        idx.sort_by(|&a, &b| self.by_title(a, b));
        idx.dedup();
        idx.into_iter()
            .filter_map(|i| self.card_of(i))
            .map(Shown::new)
            .collect()
    }
}

impl Model<'_> {
    /// The cards of documents in the order given (a page of a list, already in order).
    pub(super) fn cards_in_order(&self, idx: &[usize]) -> Vec<Shown> {
        idx.iter()
            .filter_map(|&i| self.card_of(i))
            .map(Shown::new)
            .collect()
    }
}

impl Shown {
    /// A card whose HTML is not rendered yet.
    pub fn new(card: Arc<Card>) -> Self {
        Shown {
            card,
            html: Arc::from(""),
        }
    }
}
