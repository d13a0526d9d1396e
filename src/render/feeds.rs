//! Machine-readable outputs: Atom feeds (site-wide and per area, and of the open challenges,
//! site-wide and per area), `sitemap.xml` (past sitemaps.org's limit of 50,000 addresses or
//! 50 MB, an index of `sitemap-1.xml`, `sitemap-2.xml` …), `robots.txt`, and redirect pages
//! for `aliases`.
//!
//! Only published entries appear in feeds and the sitemap; archived ones keep their URL but
//! leave every listing. Dates come from the content, never from the clock, so two builds of
//! the same input are byte-identical.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use tera::Tera;

use super::model::Model;
use super::{stops_at, RenderError, Site};
use crate::content::{DocType, Role, Status};
use crate::routes;
use crate::text::escape_markup;

/// At most this many entries in one feed, newest first.
pub const FEED_LIMIT: usize = 100;

/// Adds every language's feeds and redirects, the sitemap and robots.txt; false when `stop`
/// said to give up (it is asked between feeds and every [`STOP_CHUNK`](super::STOP_CHUNK)
/// documents).
pub(super) fn add_all(
    tera: &Tera,
    models: &[Model],
    site: &mut Site,
    stop: &dyn Fn() -> bool,
) -> Result<bool, RenderError> {
    let g = models[0].guide;
    for model in models {
        let prefix = &model.prefix;
        let Some(mut lists) = FeedLists::of(model, stop) else {
            return Ok(false);
        };
        site.add(
            format!("{prefix}{}", routes::FEED),
            atom(model, None, &lists.all).into_bytes(),
            "the site feed",
        )?;
        site.add(
            format!("{prefix}{}", routes::open_feed(None)),
            open_atom(model, None, &lists.open).into_bytes(),
            "the feed of open challenges",
        )?;
        for area in &model.area_order {
            if stop() {
                return Ok(false);
            }
            let (all, open) = lists.areas.remove(area.as_str()).unwrap_or_default();
            site.add(
                format!("{prefix}{}", routes::area_feed(area)),
                atom(model, Some(area), &all).into_bytes(),
                "an area feed",
            )?;
            site.add(
                format!("{prefix}{}", routes::open_feed(Some(area))),
                open_atom(model, Some(area), &open).into_bytes(),
                "an area's feed of open challenges",
            )?;
        }
        if !redirects(tera, model, site, stop)? {
            return Ok(false);
        }
    }
    if stop() {
        return Ok(false);
    }
    let Some(files) = sitemap(
        models,
        routes::SITEMAP_MAX_URLS,
        routes::SITEMAP_MAX_BYTES,
        stop,
    ) else {
        return Ok(false);
    };
    for (path, xml) in files {
        site.add(path, xml.into_bytes(), "the sitemap")?;
    }
    let robots = format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}{}\n",
        g.config.base_url,
        routes::SITEMAP
    );
    site.add(routes::ROBOTS.into(), robots.into_bytes(), "robots.txt")?;
    Ok(true)
}

fn rfc3339(d: NaiveDate) -> String {
    format!("{d}T00:00:00Z")
}

/// A feed's entry: its date (last reviewed, else created) and its document.
type Item = (NaiveDate, usize);

/// The entries of every feed of one language, each newest first and at most
/// [`FEED_LIMIT`]: found in one pass over the documents, not one pass per feed (at 100,000
/// entries in 20 areas that was four million looks, and the longest wait of a save in
/// `serve`).
struct FeedLists<'m> {
    /// Published challenges and solutions in this language.
    all: Vec<Item>,
    /// Open challenges (no published solution addresses them), untranslated originals
    /// too: the open challenges' feed lists what its page lists, so that a business reading
    /// the English site learns of every open need.
    open: Vec<Item>,
    /// The same two of each area.
    areas: HashMap<&'m str, (Vec<Item>, Vec<Item>)>,
}

impl<'m> FeedLists<'m> {
    /// `None` when `stop` said to give up (asked every [`STOP_CHUNK`](super::STOP_CHUNK)
    /// documents).
    fn of(model: &'m Model, stop: &dyn Fn() -> bool) -> Option<Self> {
        let g = model.guide;
        let mut lists = FeedLists {
            all: Vec::new(),
            open: Vec::new(),
            areas: HashMap::new(),
        };
        for (i, d) in g.docs.iter().enumerate() {
            if stops_at(i, stop) {
                return None;
            }
            if !model.listed(i) || d.role != Role::Entry || d.status() != Status::Published {
                continue;
            }
            let in_all = !model.fallback(i);
            let open = g.doc_type(d) == Some(DocType::Challenge) && model.is_open(d);
            if !in_all && !open {
                continue;
            }
            let item = (
                d.meta.last_reviewed.or(d.meta.created).unwrap_or_default(),
                i,
            );
            let mut area = d.area.as_deref().map(|a| lists.areas.entry(a).or_default());
            if in_all {
                lists.all.push(item);
                if let Some((all, _)) = area.as_mut() {
                    all.push(item);
                }
            }
            if open {
                lists.open.push(item);
                if let Some((_, open)) = area {
                    open.push(item);
                }
            }
        }
        let newest = |items: &mut Vec<Item>| newest_first(model, items);
        newest(&mut lists.all);
        newest(&mut lists.open);
        for (all, open) in lists.areas.values_mut() {
            newest(all);
            newest(open);
        }
        Some(lists)
    }
}

/// Keeps the [`FEED_LIMIT`] newest of `items`, newest first (the same date: by id).
fn newest_first(model: &Model, items: &mut Vec<Item>) {
    let docs = &model.guide.docs;
    let order = |a: &Item, b: &Item| b.0.cmp(&a.0).then_with(|| docs[a.1].id.cmp(&docs[b.1].id));
    if items.len() > FEED_LIMIT {
        items.select_nth_unstable_by(FEED_LIMIT, order);
        items.truncate(FEED_LIMIT);
    }
    items.sort_unstable_by(order);
}

/// Published challenges and solutions, newest (last reviewed, else created) first.
fn atom(model: &Model, area: Option<&str>, items: &[Item]) -> String {
    let prefix = &model.prefix;
    let (title, self_rel, alt_rel) = match area.and_then(|a| model.area_doc(a).map(|d| (a, d))) {
        Some((id, a)) => (
            format!("{} – {}", a.title(), model.guide.config.title),
            format!("{prefix}{}", routes::area_feed(id)),
            format!("{prefix}{}", routes::area(id)),
        ),
        None => (
            model.guide.config.title.clone(),
            format!("{prefix}{}", routes::FEED),
            prefix.clone(),
        ),
    };
    write_atom(model, items, &title, &self_rel, &alt_rel)
}

/// Open challenges (no published solution addresses them), newest first: for businesses
/// and researchers who follow what the guide's municipalities still need.
fn open_atom(model: &Model, area: Option<&str>, items: &[Item]) -> String {
    let prefix = &model.prefix;
    let open = model.label("list_open");
    let (title, alt_rel) = match area.and_then(|a| model.area_doc(a).map(|d| (a, d))) {
        Some((id, a)) => (
            format!("{open}: {} – {}", a.title(), model.guide.config.title),
            format!("{prefix}{}", routes::area(id)),
        ),
        None => (
            format!("{open} – {}", model.guide.config.title),
            format!("{prefix}{}", routes::Fixed::OpenChallenges.rel()),
        ),
    };
    write_atom(
        model,
        items,
        &title,
        &format!("{prefix}{}", routes::open_feed(area)),
        &alt_rel,
    )
}

/// An Atom feed of these entries (newest first, at most [`FEED_LIMIT`]).
fn write_atom(model: &Model, items: &[Item], title: &str, self_rel: &str, alt_rel: &str) -> String {
    let g = model.guide;
    let updated = items.iter().map(|x| x.0).max().unwrap_or_default();
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    out.push_str(&format!(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n",
        escape_markup(&model.lang)
    ));
    out.push_str(&format!("  <title>{}</title>\n", escape_markup(title)));
    if !g.config.description.is_empty() {
        out.push_str(&format!(
            "  <subtitle>{}</subtitle>\n",
            escape_markup(&g.config.description)
        ));
    }
    out.push_str(&format!(
        "  <id>{}</id>\n",
        escape_markup(&model.canonical(self_rel))
    ));
    out.push_str(&format!(
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n",
        escape_markup(&model.canonical(self_rel))
    ));
    out.push_str(&format!(
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        escape_markup(&model.canonical(alt_rel))
    ));
    out.push_str(&format!("  <updated>{}</updated>\n", rfc3339(updated)));
    out.push_str("  <generator>signpost</generator>\n");
    for &(date, i) in items {
        let d = &g.docs[i];
        let url = model.canonical(&d.url);
        let label = match g.doc_type(d) {
            Some(DocType::Solution) => "solution",
            _ => "challenge",
        };
        if d.lang == model.lang {
            out.push_str("  <entry>\n");
        } else {
            out.push_str(&format!(
                "  <entry xml:lang=\"{}\">\n",
                escape_markup(&d.lang)
            ));
        }
        out.push_str(&format!(
            "    <title>{}</title>\n",
            escape_markup(d.title())
        ));
        out.push_str(&format!("    <id>{}</id>\n", escape_markup(&url)));
        out.push_str(&format!(
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
            escape_markup(&url)
        ));
        out.push_str(&format!("    <updated>{}</updated>\n", rfc3339(date)));
        if let Some(c) = d.meta.created {
            out.push_str(&format!("    <published>{}</published>\n", rfc3339(c)));
        }
        if let Some(owner) = g.owner(d) {
            out.push_str(&format!(
                "    <author><name>{}</name></author>\n",
                escape_markup(owner)
            ));
        }
        out.push_str(&format!("    <category term=\"{label}\"/>\n"));
        if let Some(a) = d.area.as_deref().and_then(|a| g.area_doc(a)) {
            out.push_str(&format!(
                "    <category term=\"{}\" label=\"{}\"/>\n",
                escape_markup(&a.id),
                escape_markup(a.title())
            ));
        }
        out.push_str(&format!(
            "    <summary>{}</summary>\n",
            escape_markup(d.meta.summary.as_deref().unwrap_or_default())
        ));
        out.push_str("  </entry>\n");
    }
    out.push_str("</feed>\n");
    out
}

/// Exactly the published, indexable HTML pages, in every language, each with its versions
/// in the other languages (`xhtml:link` alternates): `sitemap.xml`, or, past `max_urls`
/// addresses or `max_bytes` in one file, `sitemap.xml` as an index of as many files as it
/// takes (their paths and texts); `None` when `stop` said to give up. It is asked every
/// [`STOP_CHUNK`](super::STOP_CHUNK) pages of each step: at 100,000 entries no step runs
/// longer between two looks than a few milliseconds (a sort of all the addresses took
/// 100 ms).
fn sitemap(
    models: &[Model],
    max_urls: usize,
    max_bytes: usize,
    stop: &dyn Fn() -> bool,
) -> Option<Vec<(String, String)>> {
    // (page, language) → (address relative to the base, last modified)
    let mut pages: BTreeMap<(String, String), (String, Option<NaiveDate>)> = BTreeMap::new();
    for model in models {
        let g = model.guide;
        let prefix = &model.prefix;
        let common = model
            .page_keys()
            .into_iter()
            .filter(routes::Page::in_sitemap)
            .filter_map(|p| p.rel());
        for rel in common {
            pages.insert(
                (format!("page:{rel}"), model.lang.clone()),
                (format!("{prefix}{rel}"), None),
            );
        }
        for (i, d) in g.docs.iter().enumerate() {
            if stops_at(i, stop) {
                return None;
            }
            if model.listed(i) && !model.fallback(i) && d.status() == Status::Published {
                pages.insert(
                    (format!("doc:{:?}", d.key()), model.lang.clone()),
                    (d.url.clone(), d.meta.last_reviewed.or(d.meta.created)),
                );
            }
        }
    }
    // The versions of a page are neighbours in `pages`: one list per page, and its
    // addresses in address order, each with its page's list.
    let mut versions: Vec<Vec<(&str, &str)>> = Vec::new();
    let mut by_address: BTreeMap<(&str, usize), (Option<NaiveDate>, usize)> = BTreeMap::new();
    let mut last_page: Option<&str> = None;
    for (n, ((page, lang), (rel, date))) in pages.iter().enumerate() {
        if stops_at(n, stop) {
            return None;
        }
        if last_page != Some(page.as_str()) {
            versions.push(Vec::new());
            last_page = Some(page);
        }
        let group = versions.len() - 1;
        versions[group].push((lang, rel));
        by_address.insert((rel, n), (*date, group));
    }
    let model = &models[0];
    let mut parts = SitemapParts::new(max_urls, max_bytes);
    let mut entry = String::new();
    for (n, ((rel, _), (date, group))) in by_address.into_iter().enumerate() {
        if stops_at(n, stop) {
            return None;
        }
        entry.clear();
        entry.push_str("  <url><loc>");
        entry.push_str(&escape_markup(&model.canonical(rel)));
        entry.push_str("</loc>");
        if let Some(d) = date {
            entry.push_str(&format!("<lastmod>{d}</lastmod>"));
        }
        let versions = &versions[group];
        if versions.len() > 1 {
            for (lang, other) in versions {
                entry.push_str(&format!(
                    "<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                    escape_markup(lang),
                    escape_markup(&model.canonical(other))
                ));
            }
        }
        entry.push_str("</url>\n");
        parts.push(&entry, date);
    }
    Some(parts.finish(|rel| model.canonical(rel)))
}

const URLSET_START: &str = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n";
const URLSET_END: &str = "</urlset>\n";

/// The sitemap's files, made from its `<url>` entries (each with its last change) as they
/// come: one `sitemap.xml` while they fit in `max_urls` addresses and `max_bytes`, else
/// files of at most that many, in order, and `sitemap.xml` as the index of them.
/// sitemaps.org allows 50,000 and 50 MB (`routes::SITEMAP_MAX_URLS`, `SITEMAP_MAX_BYTES`);
/// tests pass smaller limits.
struct SitemapParts {
    max_urls: usize,
    max_bytes: usize,
    /// The files filled so far, each with its newest change.
    done: Vec<(String, Option<NaiveDate>)>,
    current: String,
    count: usize,
    newest: Option<NaiveDate>,
}

impl SitemapParts {
    fn new(max_urls: usize, max_bytes: usize) -> Self {
        SitemapParts {
            max_urls,
            max_bytes,
            done: Vec::new(),
            current: String::from(URLSET_START),
            count: 0,
            newest: None,
        }
    }

    fn push(&mut self, entry: &str, date: Option<NaiveDate>) {
        // A file holds at least one address, whatever the limits.
        if self.count > 0
            && (self.count == self.max_urls
                || self.current.len() + entry.len() + URLSET_END.len() > self.max_bytes)
        {
            self.current.push_str(URLSET_END);
            let full = std::mem::replace(&mut self.current, URLSET_START.to_string());
            self.done.push((full, self.newest));
            self.count = 0;
            self.newest = None;
        }
        self.current.push_str(entry);
        self.count += 1;
        self.newest = self.newest.max(date);
    }

    /// The files, paths and texts (`canonical` makes a path below the base absolute).
    fn finish(self, canonical: impl Fn(&str) -> String) -> Vec<(String, String)> {
        let SitemapParts {
            mut done,
            mut current,
            newest,
            ..
        } = self;
        current.push_str(URLSET_END);
        if done.is_empty() {
            return vec![(routes::SITEMAP.to_string(), current)];
        }
        done.push((current, newest));
        let mut index = String::from(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
        );
        let mut files = Vec::with_capacity(done.len() + 1);
        for (n, (xml, newest)) in done.into_iter().enumerate() {
            let path = routes::sitemap_part(n + 1);
            index.push_str("  <sitemap><loc>");
            index.push_str(&escape_markup(&canonical(&path)));
            index.push_str("</loc>");
            if let Some(d) = newest {
                index.push_str(&format!("<lastmod>{d}</lastmod>"));
            }
            index.push_str("</sitemap>\n");
            files.push((path, xml));
        }
        index.push_str("</sitemapindex>\n");
        files.insert(0, (routes::SITEMAP.to_string(), index));
        files
    }
}

/// A small HTML page at every alias of a built document, pointing to its URL; false when
/// `stop` said to give up (asked every [`STOP_CHUNK`](super::STOP_CHUNK) documents).
fn redirects(
    tera: &Tera,
    model: &Model,
    site: &mut Site,
    stop: &dyn Fn() -> bool,
) -> Result<bool, RenderError> {
    let g = model.guide;
    for (i, d) in g.docs.iter().enumerate() {
        if stops_at(i, stop) {
            return Ok(false);
        }
        if !model.built(i) {
            continue;
        }
        for alias in &d.meta.aliases {
            // The check refuses a build with a bad alias; none is written here either.
            let Ok(rel) = routes::alias(&alias.value) else {
                continue;
            };
            let output = if rel.ends_with('/') {
                routes::output(&rel)
            } else {
                rel.clone()
            };
            let mut ctx = tera::Context::new();
            ctx.insert("site", &model.site);
            ctx.insert("target", &model.url(d));
            ctx.insert("canonical", &model.canonical(&d.url));
            ctx.insert("title", d.title());
            let html = tera
                .render("redirect.html", &ctx)
                .map_err(|e| RenderError::Template {
                    page: format!("the redirect {rel} for {}", d.path),
                    message: super::templates::error_chain(&e),
                })?;
            site.add(
                output,
                html.into_bytes(),
                &format!("an alias of {}", d.path),
            )?;
        }
    }
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split_sitemap(
        entries: Vec<(String, Option<NaiveDate>)>,
        canonical: impl Fn(&str) -> String,
        max_urls: usize,
        max_bytes: usize,
    ) -> Vec<(String, String)> {
        let mut parts = SitemapParts::new(max_urls, max_bytes);
        for (entry, date) in entries {
            parts.push(&entry, date);
        }
        parts.finish(canonical)
    }

    fn entries(n: usize) -> Vec<(String, Option<NaiveDate>)> {
        (0..n)
            .map(|i| {
                let date = NaiveDate::from_ymd_opt(2026, 1, 1 + (i % 28) as u32);
                (
                    format!("  <url><loc>https://x.org/e{i}/</loc></url>\n"),
                    date,
                )
            })
            .collect()
    }

    fn locs(xml: &str) -> Vec<&str> {
        xml.split("<loc>")
            .skip(1)
            .map(|s| &s[..s.find("</loc>").unwrap()])
            .collect()
    }

    #[test]
    fn a_sitemap_within_the_limits_is_one_file() {
        let files = split_sitemap(entries(5), |r| format!("https://x.org/{r}"), 5, 1 << 20);
        assert_eq!(files.len(), 1);
        assert_eq!(files[0].0, "sitemap.xml");
        assert!(files[0].1.contains("<urlset"));
        assert_eq!(locs(&files[0].1).len(), 5);
    }

    #[test]
    fn past_the_address_limit_the_sitemap_is_an_index_of_files_within_it() {
        let files = split_sitemap(entries(7), |r| format!("https://x.org/{r}"), 3, 1 << 20);
        let names: Vec<&str> = files.iter().map(|f| f.0.as_str()).collect();
        assert_eq!(
            names,
            [
                "sitemap.xml",
                "sitemap-1.xml",
                "sitemap-2.xml",
                "sitemap-3.xml"
            ]
        );
        let index = &files[0].1;
        assert!(
            index.contains("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">")
        );
        assert!(!index.contains("<urlset"));
        assert_eq!(
            locs(index),
            [
                "https://x.org/sitemap-1.xml",
                "https://x.org/sitemap-2.xml",
                "https://x.org/sitemap-3.xml"
            ]
        );
        // Each part's newest change is the part's lastmod.
        assert!(
            index.contains("<loc>https://x.org/sitemap-1.xml</loc><lastmod>2026-01-03</lastmod>")
        );
        let mut all = Vec::new();
        for (_, xml) in &files[1..] {
            assert!(xml.starts_with(URLSET_START) && xml.ends_with(URLSET_END));
            assert!(locs(xml).len() <= 3);
            all.extend(locs(xml));
        }
        let want: Vec<String> = (0..7).map(|i| format!("https://x.org/e{i}/")).collect();
        assert_eq!(all, want, "every address once, in order");
    }

    #[test]
    fn past_the_byte_limit_the_sitemap_is_split_too() {
        let one = entries(1)[0].0.len();
        let max = URLSET_START.len() + URLSET_END.len() + 2 * one + 1;
        let files = split_sitemap(entries(5), |r| format!("https://x.org/{r}"), 50_000, max);
        assert_eq!(
            files.len(),
            4,
            "an index and three files of at most two addresses"
        );
        for (_, xml) in &files[1..] {
            assert!(xml.len() <= max, "{} > {max}", xml.len());
        }
        // A limit smaller than one address still puts each address in a file.
        let files = split_sitemap(entries(2), |r| format!("https://x.org/{r}"), 50_000, 10);
        assert_eq!(files.len(), 3);
    }
}
