//! Machine-readable outputs: Atom feeds (site-wide and per area), `sitemap.xml`,
//! `robots.txt`, and redirect pages for `aliases`.
//!
//! Only published entries appear in feeds and the sitemap; archived ones keep their URL but
//! leave every listing. Dates come from the content, never from the clock, so two builds of
//! the same input are byte-identical.

use chrono::NaiveDate;
use tera::Tera;

use super::context::{url_of, Model};
use super::{RenderError, Site};
use crate::check::normalise_alias;
use crate::content::{DocType, Role, Status};

/// At most this many entries in one feed, newest first.
pub const FEED_LIMIT: usize = 100;

pub(super) fn add_all(tera: &Tera, model: &Model, site: &mut Site) -> Result<(), RenderError> {
    let g = model.guide;
    site.add(
        "feed.xml".into(),
        atom(model, None).into_bytes(),
        "the site feed",
    )?;
    for area in &model.area_order {
        site.add(
            format!("{area}/feed.xml"),
            atom(model, Some(area)).into_bytes(),
            "an area feed",
        )?;
    }
    site.add(
        "sitemap.xml".into(),
        sitemap(model).into_bytes(),
        "the sitemap",
    )?;
    let robots = format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}sitemap.xml\n",
        g.config.base_url
    );
    site.add("robots.txt".into(), robots.into_bytes(), "robots.txt")?;
    redirects(tera, model, site)
}

fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

fn rfc3339(d: NaiveDate) -> String {
    format!("{d}T00:00:00Z")
}

/// Published challenges and solutions, newest (last reviewed, else created) first.
fn atom(model: &Model, area: Option<&str>) -> String {
    let g = model.guide;
    let mut items: Vec<(NaiveDate, usize)> = g
        .docs
        .iter()
        .enumerate()
        .filter(|(i, d)| {
            model.listed[*i]
                && d.role == Role::Entry
                && d.status() == Status::Published
                && (area.is_none() || d.area.as_deref() == area)
        })
        .map(|(i, d)| {
            let date = d.meta.last_reviewed.or(d.meta.created).unwrap_or_default();
            (date, i)
        })
        .collect();
    items.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then_with(|| g.docs[a.1].id.cmp(&g.docs[b.1].id))
    });
    items.truncate(FEED_LIMIT);
    let updated = items.iter().map(|x| x.0).max().unwrap_or_default();
    let (title, self_rel, alt_rel) = match area.and_then(|a| g.area_doc(a)) {
        Some(a) => (
            format!("{} – {}", a.title(), g.config.title),
            format!("{}feed.xml", url_of(g, a)),
            url_of(g, a),
        ),
        None => (
            g.config.title.clone(),
            "feed.xml".to_string(),
            String::new(),
        ),
    };
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    out.push_str(&format!(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n",
        xml_escape(&g.config.default_language)
    ));
    out.push_str(&format!("  <title>{}</title>\n", xml_escape(&title)));
    if !g.config.description.is_empty() {
        out.push_str(&format!(
            "  <subtitle>{}</subtitle>\n",
            xml_escape(&g.config.description)
        ));
    }
    out.push_str(&format!(
        "  <id>{}</id>\n",
        xml_escape(&model.canonical(&self_rel))
    ));
    out.push_str(&format!(
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n",
        xml_escape(&model.canonical(&self_rel))
    ));
    out.push_str(&format!(
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        xml_escape(&model.canonical(&alt_rel))
    ));
    out.push_str(&format!("  <updated>{}</updated>\n", rfc3339(updated)));
    out.push_str("  <generator>signpost</generator>\n");
    for (date, i) in items {
        let d = &g.docs[i];
        let url = model.canonical(&url_of(g, d));
        let label = match g.doc_type(d) {
            Some(DocType::Solution) => "solution",
            _ => "challenge",
        };
        out.push_str("  <entry>\n");
        out.push_str(&format!("    <title>{}</title>\n", xml_escape(d.title())));
        out.push_str(&format!("    <id>{}</id>\n", xml_escape(&url)));
        out.push_str(&format!(
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
            xml_escape(&url)
        ));
        out.push_str(&format!("    <updated>{}</updated>\n", rfc3339(date)));
        if let Some(c) = d.meta.created {
            out.push_str(&format!("    <published>{}</published>\n", rfc3339(c)));
        }
        if let Some(owner) = g.owner(d) {
            out.push_str(&format!(
                "    <author><name>{}</name></author>\n",
                xml_escape(owner)
            ));
        }
        out.push_str(&format!("    <category term=\"{label}\"/>\n"));
        if let Some(a) = d.area.as_deref().and_then(|a| g.area_doc(a)) {
            out.push_str(&format!(
                "    <category term=\"{}\" label=\"{}\"/>\n",
                xml_escape(&a.id),
                xml_escape(a.title())
            ));
        }
        out.push_str(&format!(
            "    <summary>{}</summary>\n",
            xml_escape(d.meta.summary.as_deref().unwrap_or_default())
        ));
        out.push_str("  </entry>\n");
    }
    out.push_str("</feed>\n");
    out
}

/// Exactly the published, indexable HTML pages.
fn sitemap(model: &Model) -> String {
    let g = model.guide;
    let mut urls: Vec<(String, Option<NaiveDate>)> = vec![(String::new(), None)];
    for area in &model.area_order {
        if let Some(a) = g.area_doc(area) {
            urls.push((url_of(g, a), None));
        }
    }
    for (i, d) in g.docs.iter().enumerate() {
        if model.listed[i] && d.status() == Status::Published {
            urls.push((url_of(g, d), d.meta.last_reviewed.or(d.meta.created)));
        }
    }
    for rel in ["challenges/", "solutions/", "open-challenges/", "tags/"] {
        urls.push((rel.to_string(), None));
    }
    for slug in model.tags.keys() {
        urls.push((format!("tags/{slug}/"), None));
    }
    urls.sort();
    urls.dedup();
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (rel, date) in urls {
        out.push_str("  <url><loc>");
        out.push_str(&xml_escape(&model.canonical(&rel)));
        out.push_str("</loc>");
        if let Some(d) = date {
            out.push_str(&format!("<lastmod>{d}</lastmod>"));
        }
        out.push_str("</url>\n");
    }
    out.push_str("</urlset>\n");
    out
}

/// A small HTML page at every alias of a built document, pointing to its URL.
fn redirects(tera: &Tera, model: &Model, site: &mut Site) -> Result<(), RenderError> {
    let g = model.guide;
    for (i, d) in g.docs.iter().enumerate() {
        if !model.built[i] {
            continue;
        }
        for alias in &d.meta.aliases {
            let rel = normalise_alias(&alias.value);
            if rel.is_empty() {
                continue;
            }
            let output = if rel.ends_with('/') {
                format!("{rel}index.html")
            } else {
                rel.clone()
            };
            let mut ctx = tera::Context::new();
            ctx.insert("site", &model.site);
            ctx.insert("target", &model.url(d));
            ctx.insert("canonical", &model.canonical(&url_of(g, d)));
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
    Ok(())
}
