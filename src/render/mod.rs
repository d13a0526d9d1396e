//! Rendering: the Guide → the site as in-memory files.
//!
//! One explicit context per page kind (home, area, challenge, solution, page, lists, tags,
//! search, 404), rendered with the theme's Tera templates in parallel. Feeds, sitemap,
//! robots.txt and alias redirects are in `feeds.rs`, `review.json` in `review_json.rs`.
//! Nothing here touches the output folder by itself: the result is a [`Site`], written by
//! `output.rs`; given a staging folder (`build`), pages are put into it as they are rendered.

pub mod context;
mod feeds;
mod review_json;
pub mod sanitize;
pub mod templates;

use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;

use chrono::NaiveDate;
use rayon::prelude::*;
use tera::Tera;

use crate::content::Guide;
use crate::output::Staging;
use std::sync::Arc;

use context::{Card, Model, PageCtx, PageKey};

#[derive(Debug, Clone)]
pub struct RenderOptions {
    /// Build drafts and entries in review too (with banners and `noindex`).
    pub drafts: bool,
    /// The day that decides which reviews are overdue.
    pub today: NaiveDate,
}

#[derive(Debug)]
pub enum RenderError {
    Theme(String),
    Template {
        page: String,
        message: String,
    },
    Conflict {
        path: String,
        first: String,
        second: String,
    },
    /// Building the search index failed.
    Search(String),
    /// Writing a page into the staging folder failed.
    Write(std::io::Error),
}

impl fmt::Display for RenderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RenderError::Theme(m) | RenderError::Search(m) => f.write_str(m),
            RenderError::Write(e) => write!(
                f,
                "writing the site failed (the previous site is kept): {e}"
            ),
            RenderError::Template { page, message } => {
                write!(f, "rendering {page} failed: {message}")
            }
            RenderError::Conflict {
                path,
                first,
                second,
            } => write!(
                f,
                "two things would be written to `{path}`: {first} and {second}; rename one of them"
            ),
        }
    }
}

impl std::error::Error for RenderError {}

/// The site in memory: generated files, and files copied as they are.
#[derive(Debug, Default)]
pub struct Site {
    /// Output path (relative, `/`) → bytes.
    pub files: BTreeMap<String, Vec<u8>>,
    /// Output path → source file to copy.
    pub copies: BTreeMap<String, PathBuf>,
    /// What produced each path, to name both sides of a conflict.
    origins: BTreeMap<String, String>,
    /// HTML pages rendered.
    pub pages: usize,
    /// Pages written straight to the staging folder while rendering (not in `files`).
    pub written: usize,
}

impl Site {
    pub fn add(&mut self, path: String, bytes: Vec<u8>, origin: &str) -> Result<(), RenderError> {
        self.claim(&path, origin)?;
        self.files.insert(path, bytes);
        Ok(())
    }

    pub fn copy(&mut self, path: String, source: PathBuf, origin: &str) -> Result<(), RenderError> {
        self.claim(&path, origin)?;
        self.copies.insert(path, source);
        Ok(())
    }

    /// Reserves `path` for `origin`; fails when something else has it already.
    pub fn claim(&mut self, path: &str, origin: &str) -> Result<(), RenderError> {
        if let Some(first) = self.origins.get(path) {
            return Err(RenderError::Conflict {
                path: path.to_string(),
                first: first.clone(),
                second: origin.to_string(),
            });
        }
        self.origins.insert(path.to_string(), origin.to_string());
        Ok(())
    }

    /// Adds the files of `other`, claiming each of its paths in turn.
    pub fn merge(&mut self, other: Site) -> Result<(), RenderError> {
        for (path, origin) in &other.origins {
            self.claim(path, origin)?;
        }
        self.files.extend(other.files);
        self.copies.extend(other.copies);
        self.pages += other.pages;
        self.written += other.written;
        Ok(())
    }

    /// How many files the site has.
    pub fn file_count(&self) -> usize {
        self.files.len() + self.copies.len() + self.written
    }

    /// Puts a file in place of what was there (for `serve`, which re-renders pages).
    pub fn replace(&mut self, path: String, bytes: Vec<u8>) {
        self.files.insert(path, bytes);
    }
}

/// Partial templates whose output depends on little, rendered once and reused, as Hugo's
/// `partialCached` does: a card is rendered once per language and shown on every page that
/// lists its entry, the main navigation once per [`context::NavState`], the footer and the
/// header's search box once per language. Each sees `site` and only its own variable
/// (`card`, `nav`), never `page`. A theme without one of them simply gets an empty string;
/// the output is trimmed of leading and trailing whitespace.
const CARD: &str = "partials/card.html";
const MAIN_NAV: &str = "partials/main-nav.html";
const FOOTER: &str = "partials/footer.html";
const SITE_SEARCH: &str = "partials/site-search.html";

/// Templates and UI strings of a guide's theme, loaded once; renders pages of a [`Model`].
pub struct Renderer {
    tera: Tera,
    /// UI strings per language of the site.
    strings: BTreeMap<String, toml::Table>,
}

impl Renderer {
    pub fn new(guide: &Guide) -> Result<Self, RenderError> {
        Ok(Renderer {
            tera: templates::load(&guide.root, &guide.config.theme)?,
            strings: guide
                .config
                .languages
                .iter()
                .map(|l| {
                    Ok((
                        l.clone(),
                        templates::strings(&guide.root, &guide.config.theme, l)?,
                    ))
                })
                .collect::<Result<_, RenderError>>()?,
        })
    }

    /// What every page of `guide` in its default language shows.
    pub fn model<'g>(
        &self,
        guide: &'g Guide,
        opts: &RenderOptions,
    ) -> Result<Model<'g>, RenderError> {
        self.model_in(guide, opts, &guide.config.default_language)
    }

    /// What every page of `guide` in `lang` shows.
    pub fn model_in<'g>(
        &self,
        guide: &'g Guide,
        opts: &RenderOptions,
        lang: &str,
    ) -> Result<Model<'g>, RenderError> {
        let mut model = Model::new(guide, opts, self.strings[lang].clone(), lang);
        let mut ctx = tera::Context::new();
        ctx.insert("site", &model.site);
        model.site.footer = self.fragment(FOOTER, &ctx, "the footer")?;
        model.site.search_box = self.fragment(SITE_SEARCH, &ctx, "the search box")?;
        Ok(model)
    }

    /// One model per language of the site, the default first.
    pub fn models<'g>(
        &self,
        guide: &'g Guide,
        opts: &RenderOptions,
    ) -> Result<Vec<Model<'g>>, RenderError> {
        guide
            .config
            .languages
            .iter()
            .map(|l| self.model_in(guide, opts, l))
            .collect()
    }

    /// Renders a fragment template, or gives "" when the theme has none.
    fn fragment(&self, name: &str, ctx: &tera::Context, what: &str) -> Result<String, RenderError> {
        if self.tera.get_template(name).is_err() {
            return Ok(String::new());
        }
        // Trimmed: the template's leading comment and last line break are not content.
        self.tera
            .render(name, ctx)
            .map(|html| html.trim().to_string())
            .map_err(|e| RenderError::Template {
                page: what.to_string(),
                message: templates::error_chain(&e),
            })
    }

    /// Renders what the pages share before the pages themselves: the cards they show that
    /// have no HTML yet (in parallel, each once), and their main navigation.
    fn prepare(
        &self,
        model: &Model,
        base: &tera::Context,
        pages: &mut [PageCtx],
    ) -> Result<(), RenderError> {
        let mut seen = std::collections::HashSet::new();
        let todo: Vec<&Arc<Card>> = pages
            .iter()
            .flat_map(|p| p.cards())
            .filter(|c| c.html.get().is_none() && seen.insert(Arc::as_ptr(c)))
            .collect();
        todo.par_iter().try_for_each_init(
            || base.clone(),
            |ctx, card| {
                ctx.insert("card", &***card);
                let html = self.fragment(CARD, ctx, &format!("the card of {}", card.url))?;
                let _ = card.html.set(html);
                Ok::<_, RenderError>(())
            },
        )?;
        let mut cache = model.nav_html.lock().unwrap_or_else(|e| e.into_inner());
        for p in pages {
            let state = model.nav_state(p);
            p.main_nav = match cache.get(&state) {
                Some(html) => Arc::clone(html),
                None => {
                    let mut ctx = base.clone();
                    ctx.insert("nav", &state);
                    let html: Arc<str> =
                        self.fragment(MAIN_NAV, &ctx, "the main navigation")?.into();
                    cache.insert(state, Arc::clone(&html));
                    html
                }
            };
        }
        Ok(())
    }

    /// Every HTML page in every language, feeds, sitemap and static files: the whole site
    /// but the search index.
    pub fn site(&self, models: &[Model]) -> Result<Site, RenderError> {
        self.site_into(models, None)
    }

    /// The whole site but the search index; with `staging`, each page is written there as
    /// soon as it is rendered and not kept in the returned [`Site`] (only counted).
    pub fn site_into(
        &self,
        models: &[Model],
        staging: Option<&Staging>,
    ) -> Result<Site, RenderError> {
        let keys: Vec<Vec<PageKey>> = models.iter().map(Model::page_keys).collect();
        crate::progress::stage("Rendering pages", keys.iter().map(Vec::len).sum());
        // Feeds, sitemap and redirects are made beside the pages.
        let (site, extras) = rayon::join(
            || self.all_pages(models, &keys, staging),
            || {
                let mut extras = Site::default();
                self.extras(models, &mut extras).map(|()| extras)
            },
        );
        let mut site = site?;
        site.merge(extras?)?;
        Ok(site)
    }

    /// The HTML pages of every language (`keys[i]` are the pages of `models[i]`).
    fn all_pages(
        &self,
        models: &[Model],
        keys: &[Vec<PageKey>],
        staging: Option<&Staging>,
    ) -> Result<Site, RenderError> {
        let mut site = Site::default();
        for (model, keys) in models.iter().zip(keys) {
            let (pages, base) = self.contexts(model, keys)?;
            // Every address is claimed before anything is written, so a conflict stops the
            // build before it writes a page.
            for p in &pages {
                site.claim(&p.output, &p.origin)?;
            }
            site.pages += pages.len();
            match staging {
                None => {
                    for (path, bytes, _) in self.render_all(&pages, &base, Ok)? {
                        site.files.insert(path, bytes);
                    }
                }
                Some(staging) => {
                    self.render_all(&pages, &base, |(path, bytes, _)| {
                        staging.put(&path, &bytes).map_err(RenderError::Write)
                    })?;
                    site.written += pages.len();
                }
            }
        }
        Ok(site)
    }

    /// Renders the given pages (in parallel): (output path, bytes, origin) for each.
    pub fn pages(&self, model: &Model, keys: &[PageKey]) -> Result<Vec<Rendered>, RenderError> {
        let (pages, base) = self.contexts(model, keys)?;
        self.render_all(&pages, &base, Ok)
    }

    /// The contexts of the given pages, with what they share rendered, and the context
    /// every page starts from.
    fn contexts(
        &self,
        model: &Model,
        keys: &[PageKey],
    ) -> Result<(Vec<PageCtx>, tera::Context), RenderError> {
        let mut pages: Vec<PageCtx> = keys.par_iter().filter_map(|k| model.page(k)).collect();
        // `site` is the same on every page: put it in a context once per worker thread and
        // only swap `page` in for each page (serialising the site per page doubled the cost).
        let mut base = tera::Context::new();
        base.insert("site", &model.site);
        self.prepare(model, &base, &mut pages)?;
        Ok((pages, base))
    }

    /// Renders pages in parallel and hands each to `each`.
    fn render_all<T: Send>(
        &self,
        pages: &[PageCtx],
        base: &tera::Context,
        each: impl Fn(Rendered) -> Result<T, RenderError> + Sync + Send,
    ) -> Result<Vec<T>, RenderError> {
        pages
            .par_iter()
            .map_init(
                || base.clone(),
                |ctx, p| {
                    let page = render_page(&self.tera, ctx, p).and_then(&each);
                    crate::progress::step();
                    page
                },
            )
            .collect()
    }

    /// Everything but the HTML pages and the search index: feeds, sitemap, robots.txt,
    /// redirects, `review.json`, static files and content assets.
    pub fn extras(&self, models: &[Model], site: &mut Site) -> Result<(), RenderError> {
        feeds::add_all(&self.tera, models, site)?;
        review_json::add(&models[0], site)?;
        copy_static(models[0].guide, &models[0], site)
    }
}

/// The search records of every language.
pub fn search_records(models: &[Model]) -> Vec<crate::search::Record> {
    models.iter().flat_map(|m| m.search_records()).collect()
}

/// The search index's files (empty when search is off): one index per language, in one
/// bundle; a language's search page searches its own.
pub fn search_files(models: &[Model]) -> Result<Vec<(String, Vec<u8>)>, RenderError> {
    if !models[0].guide.config.search.enabled {
        return Ok(Vec::new());
    }
    crate::search::build(search_records(models)).map_err(RenderError::Search)
}

/// Renders the whole site, the search index built beside the pages; with `staging`, pages
/// are written there as they are rendered.
pub fn render(
    guide: &Guide,
    opts: &RenderOptions,
    staging: Option<&Staging>,
) -> Result<Site, RenderError> {
    let t = std::time::Instant::now();
    let renderer = Renderer::new(guide)?;
    let models = renderer.models(guide, opts)?;
    crate::timing("model", t);
    std::thread::scope(|scope| {
        // The search index is built beside the rendering, from text already in memory.
        let search = scope.spawn(|| {
            let t = std::time::Instant::now();
            let files = search_files(&models);
            crate::timing("search", t);
            files
        });
        let mut site = renderer.site_into(&models, staging)?;
        crate::timing("templates", t);
        crate::progress::stage("Building the search index", 0);
        let files = search
            .join()
            .map_err(|_| RenderError::Search("the search indexer stopped unexpectedly".into()))??;
        for (path, bytes) in files {
            site.add(path, bytes, "the search index")?;
        }
        Ok(site)
    })
}

/// A rendered page: output path, bytes, and what produced it.
pub type Rendered = (String, Vec<u8>, String);

fn render_page(
    tera: &Tera,
    ctx: &mut tera::Context,
    page: &PageCtx,
) -> Result<Rendered, RenderError> {
    ctx.insert("page", page);
    // Straight into bytes: the output is written as bytes anyway.
    let mut html = Vec::with_capacity(page.body.len() + 16 * 1024);
    tera.render_to(&page.template, ctx, &mut html)
        .map_err(|e| RenderError::Template {
            page: format!("{} with `{}`", page.origin, page.template),
            message: templates::error_chain(&e),
        })?;
    Ok((page.output.clone(), html, page.origin.clone()))
}

/// Theme static files, the guide's `static/`, and the assets of built entries.
fn copy_static(guide: &Guide, model: &Model, site: &mut Site) -> Result<(), RenderError> {
    let theme_static = templates::theme_dir(&guide.root, &guide.config.theme).join("static");
    let own_static = guide.root.join("static");
    // The guide's static/ wins over the theme's for the same path.
    let mut statics: BTreeMap<String, (PathBuf, &str)> = BTreeMap::new();
    let jail = crate::fs_guard::Jail::new(&guide.root)
        .map_err(|e| RenderError::Theme(format!("cannot read the guide folder: {e}")))?;
    for (dir, origin) in [
        (theme_static, "the theme's static/"),
        (own_static, "static/"),
    ] {
        if !dir.is_dir() {
            continue;
        }
        for entry in walkdir::WalkDir::new(&dir)
            .follow_links(true)
            .sort_by_file_name()
        {
            let entry =
                entry.map_err(|e| RenderError::Theme(format!("cannot read {origin}: {e}")))?;
            // Never a file outside the guide, never a FIFO or device (fs_guard.rs).
            if let Err(r) = jail.check_entry(&entry) {
                let shown = entry
                    .path()
                    .strip_prefix(&guide.root)
                    .unwrap_or(entry.path());
                return Err(RenderError::Theme(r.message(&shown.display().to_string())));
            }
            if entry.file_type().is_file() {
                let rel = entry.path().strip_prefix(&dir).expect("below dir");
                let rel = rel.to_string_lossy().replace('\\', "/");
                if rel.split('/').any(|p| p.starts_with('.')) {
                    continue;
                }
                statics.insert(rel, (entry.path().to_path_buf(), origin));
            }
        }
    }
    for (rel, (src, origin)) in statics {
        site.copy(rel, src, origin)?;
    }
    for asset in model.assets() {
        let rel = asset.trim_start_matches("content/").to_string();
        site.copy(rel, guide.root.join(asset), asset)?;
    }
    Ok(())
}
