//! Rendering: the Guide → the site as in-memory files.
//!
//! One explicit context per page kind (home, area, challenge, solution, page, lists, tags,
//! search, 404), rendered with the theme's Tera templates in parallel. Feeds, sitemap,
//! robots.txt and alias redirects are in `feeds.rs`, `review.json` in `review_json.rs`,
//! the open data (`api/entries.json`, `.csv`) in `api.rs`.
//! Nothing here touches the output folder by itself: the result is a [`Site`], written by
//! `output.rs`; given a staging folder (`build`), pages are put into it as they are rendered.

pub mod api;
pub mod cards;
mod contribute;
mod feeds;
pub mod model;
mod records;
mod review_json;
pub mod sanitize;
pub mod templates;
pub mod view;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rayon::prelude::*;
use tera::Tera;

use crate::content::Guide;
use crate::output::Staging;
pub use crate::site::{Conflict, Site};
use std::sync::Arc;

use crate::routes::Page;
pub use model::{Model, ModelData};
use view::{NavState, PageCtx};

#[derive(Debug, Clone)]
pub struct RenderOptions {
    /// Build drafts and entries in review too (with banners and `noindex`).
    pub drafts: bool,
    /// The day that decides which reviews are overdue.
    pub today: NaiveDate,
}

#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("{0}")]
    Theme(String),
    #[error("rendering {page} failed: {message}")]
    Template { page: String, message: String },
    #[error(transparent)]
    Conflict(#[from] Conflict),
    /// Building the search index failed.
    #[error("{0}")]
    Search(String),
    /// Writing a page into the staging folder failed.
    #[error("writing the site failed (the previous site is kept): {0}")]
    Write(std::io::Error),
}

/// Partial templates whose output depends on little, rendered once and reused, as Hugo's
/// `partialCached` does: a card is rendered once per language and shown on every page that
/// lists its entry, the main navigation once per [`view::NavState`], the footer and the
/// header's search box once per language. Each sees `site` and only its own variable
/// (`card`, `nav`), never `page`. The rendered fragments are kept for one rendering pass
/// (`Renderer::prepare`), never in the model. A theme without one of them simply gets an empty string;
/// the output is trimmed of leading and trailing whitespace.
const CARD: &str = "partials/card.html";
const MAIN_NAV: &str = "partials/main-nav.html";
const FOOTER: &str = "partials/footer.html";
const SITE_SEARCH: &str = "partials/site-search.html";

/// How many pages are made ready and rendered at a time (see `Renderer::all_pages`).
const CHUNK: usize = 512;

/// The shared fragments of one rendering pass over a model: each card's HTML, and the main
/// navigation of each [`NavState`].
#[derive(Default)]
struct Fragments {
    cards: std::collections::HashMap<usize, Arc<str>>,
    navs: std::collections::HashMap<NavState, Arc<str>>,
}

/// Where rendered pages go when they are not kept in memory: the build's staging folder,
/// `serve`'s folder.
pub type Put<'a> = dyn Fn(&str, &[u8]) -> std::io::Result<()> + Sync + 'a;

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
        model.site.footer = self.fragment(FOOTER, &ctx, FOOTER)?;
        model.site.search_box = self.fragment(SITE_SEARCH, &ctx, SITE_SEARCH)?;
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

    /// Renders what the pages share before the pages themselves: the cards they show (in
    /// parallel, each once: a card's HTML is the same on every page of a language), and
    /// their main navigation (once per [`NavState`]). `shared` keeps them for one
    /// rendering pass over a model (its pages are made ready a chunk at a time), so a
    /// rebuild never shows a stale card.
    fn prepare(
        &self,
        model: &Model,
        base: &tera::Context,
        pages: &mut [(Page, PageCtx)],
        shared: &mut Fragments,
    ) -> Result<(), RenderError> {
        let mut seen = std::collections::HashSet::new();
        let todo: Vec<Arc<cards::Card>> = pages
            .iter_mut()
            .flat_map(|(_, p)| p.view.cards_mut())
            .filter(|s| !shared.cards.contains_key(&s.card.index) && seen.insert(s.card.index))
            .map(|s| Arc::clone(&s.card))
            .collect();
        let rendered: Vec<(usize, Arc<str>)> = todo
            .par_iter()
            .map_init(
                || base.clone(),
                |ctx, card| {
                    ctx.insert("card", &**card);
                    let html = self.fragment(CARD, ctx, &format!("{CARD} ({})", card.url))?;
                    Ok::<_, RenderError>((card.index, Arc::from(html)))
                },
            )
            .collect::<Result<_, _>>()?;
        shared.cards.extend(rendered);
        for (_, p) in pages {
            for shown in p.view.cards_mut() {
                shown.html = Arc::clone(&shared.cards[&shown.card.index]);
            }
            let state = model.nav_state(p);
            p.main_nav = match shared.navs.get(&state) {
                Some(html) => Arc::clone(html),
                None => {
                    let mut ctx = base.clone();
                    ctx.insert("nav", &state);
                    let html: Arc<str> = self.fragment(MAIN_NAV, &ctx, MAIN_NAV)?.into();
                    shared.navs.insert(state, Arc::clone(&html));
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
        let put = |path: &str, bytes: &[u8]| staging.map_or(Ok(()), |s| s.put(path, bytes));
        let put: Option<&Put> = staging.map(|_| &put as &Put);
        let keys: Vec<Vec<Page>> = models.iter().map(Model::page_keys).collect();
        crate::progress::stage("progress-rendering", keys.iter().map(Vec::len).sum());
        // Feeds, sitemap and redirects are made beside the pages.
        let (site, extras) = rayon::join(
            || self.all_pages(models, &keys, put, None),
            || {
                let mut extras = Site::default();
                self.extras(models, &mut extras).map(|()| extras)
            },
        );
        let mut site = site?;
        site.merge(extras?)?;
        Ok(site)
    }

    /// The whole site but the search index, with which pages of the default language show
    /// which documents (for `serve`, which re-renders only those); with `put`, pages are
    /// handed to it as they are rendered instead of kept in the [`Site`].
    pub fn site_shown(
        &self,
        models: &[Model],
        put: Option<&Put>,
    ) -> Result<(Site, ShownOn), RenderError> {
        let keys: Vec<Vec<Page>> = models.iter().map(Model::page_keys).collect();
        let mut shown = ShownOn::default();
        let mut site = self.all_pages(models, &keys, put, Some(&mut shown))?;
        let mut extras = Site::default();
        self.extras(models, &mut extras)?;
        site.merge(extras)?;
        Ok((site, shown))
    }

    /// The HTML pages of every language (`keys[i]` are the pages of `models[i]`); with
    /// `shown`, what the default language's pages show is recorded there. Pages are made
    /// ready, rendered and handed on [`CHUNK`] at a time, so that what waits in memory (the
    /// contexts, with their entries' text) does not grow with the guide.
    fn all_pages(
        &self,
        models: &[Model],
        keys: &[Vec<Page>],
        put: Option<&Put>,
        mut shown: Option<&mut ShownOn>,
    ) -> Result<Site, RenderError> {
        let mut site = Site::default();
        for (model, keys) in models.iter().zip(keys) {
            let base = Self::base(model);
            let mut shared = Fragments::default();
            let mut shown_here = shown.take();
            for chunk in keys.chunks(CHUNK) {
                let pages = self.contexts_with(model, chunk, &base, &mut shared)?;
                if let Some(shown) = shown_here.as_deref_mut() {
                    for (key, p) in &pages {
                        shown.record(key, p);
                    }
                }
                // The chunk's addresses are claimed before any of it is written; a
                // conflict stops the build, and its staging folder is thrown away.
                for (_, p) in &pages {
                    site.claim(&p.output, &p.origin)?;
                }
                site.pages += pages.len();
                match put {
                    None => {
                        for r in self.render_all(&pages, &base, Ok)? {
                            site.files.insert(r.path, r.bytes);
                        }
                    }
                    Some(put) => {
                        self.render_all(&pages, &base, |r| {
                            put(&r.path, &r.bytes).map_err(RenderError::Write)
                        })?;
                        site.written += pages.len();
                    }
                }
            }
        }
        Ok(site)
    }

    /// Renders the given pages (in parallel), each with what it shows.
    pub fn pages(&self, model: &Model, keys: &[Page]) -> Result<Vec<Rendered>, RenderError> {
        let base = Self::base(model);
        let pages = self.contexts_with(model, keys, &base, &mut Fragments::default())?;
        self.render_all(&pages, &base, Ok)
    }

    /// The context every page of a model starts from: `site` is the same on every page, so
    /// it goes into a context once per worker thread and only `page` is swapped in for each
    /// page (serialising the site per page doubled the cost).
    fn base(model: &Model) -> tera::Context {
        let mut base = tera::Context::new();
        base.insert("site", &model.site);
        base
    }

    /// The contexts of the given pages, with what they share rendered (and kept in
    /// `shared` for the next pages of the same pass).
    fn contexts_with(
        &self,
        model: &Model,
        keys: &[Page],
        base: &tera::Context,
        shared: &mut Fragments,
    ) -> Result<Vec<(Page, PageCtx)>, RenderError> {
        let mut pages: Vec<(Page, PageCtx)> = keys
            .par_iter()
            .filter_map(|k| Some((k.clone(), model.page(k)?)))
            .collect();
        self.prepare(model, base, &mut pages, shared)?;
        Ok(pages)
    }

    /// Renders pages in parallel and hands each to `each`.
    fn render_all<T: Send>(
        &self,
        pages: &[(Page, PageCtx)],
        base: &tera::Context,
        each: impl Fn(Rendered) -> Result<T, RenderError> + Sync + Send,
    ) -> Result<Vec<T>, RenderError> {
        pages
            .par_iter()
            .map_init(
                || base.clone(),
                |ctx, (key, p)| {
                    let page = render_page(&self.tera, ctx, key, p).and_then(&each);
                    crate::progress::step();
                    page
                },
            )
            .collect()
    }

    /// Everything but the HTML pages and the search index: feeds, sitemap, robots.txt,
    /// redirects, `review.json`, static files and content assets.
    pub fn extras(&self, models: &[Model], site: &mut Site) -> Result<(), RenderError> {
        self.extras_unless(models, site, &|| false)?;
        site.make_later();
        Ok(())
    }

    /// The files copied from `static/`, the theme's and `content/` (a part of
    /// [`Renderer::extras_unless`], for `serve` when only they changed).
    pub fn static_files(&self, models: &[Model], site: &mut Site) -> Result<(), RenderError> {
        copy_static(models[0].guide, &models[0], site)
    }

    /// [`Renderer::extras`], given up between its parts (`Ok(false)`) when `stop` says so:
    /// at 100,000 entries they take seconds, and `serve` gives way to the next save. The
    /// open data is left to be made ([`Site::make_later`]) by whoever writes the files.
    pub fn extras_unless(
        &self,
        models: &[Model],
        site: &mut Site,
        stop: &dyn Fn() -> bool,
    ) -> Result<bool, RenderError> {
        let since = std::time::Instant::now();
        if !feeds::add_all(&self.tera, models, site, stop)? {
            return Ok(false);
        }
        crate::timing("feeds", since);
        if stop() {
            return Ok(false);
        }
        if !review_json::add(&models[0], site, stop)? {
            return Ok(false);
        }
        crate::timing("review data", since);
        if stop() {
            return Ok(false);
        }
        if !api::add_all(models, site, stop)? {
            return Ok(false);
        }
        crate::timing("open data", since);
        copy_static(models[0].guide, &models[0], site)?;
        Ok(true)
    }
}

/// How many entries a step that `serve` may stop makes between two looks at `stop`.
pub(crate) const STOP_CHUNK: usize = 1024;

/// Whether a step that `serve` may stop gives up at its `n`th item: `stop` is asked at
/// every [`STOP_CHUNK`]th.
pub(crate) fn stops_at(n: usize, stop: &dyn Fn() -> bool) -> bool {
    n % STOP_CHUNK == 0 && stop()
}

/// A list serialised until `stop` says to give up, which fails the serialisation (every
/// [`STOP_CHUNK`] items it is asked).
pub(crate) struct Unless<'a, T>(pub &'a [T], pub &'a dyn Fn() -> bool);

impl<T: serde::Serialize> serde::Serialize for Unless<'_, T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{Error, SerializeSeq};
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for (n, item) in self.0.iter().enumerate() {
            if stops_at(n, self.1) {
                return Err(S::Error::custom("stopped"));
            }
            seq.serialize_element(item)?;
        }
        seq.end()
    }
}

/// The search records of every language; `None` when `stop` said to give up.
pub fn search_records_unless(
    models: &[Model],
    stop: &dyn Fn() -> bool,
) -> Option<Vec<crate::search::Record>> {
    let mut out = Vec::new();
    for m in models {
        out.extend(m.search_records_unless(stop)?);
    }
    Some(out)
}

/// Builds the search index (nothing when search is off), handing each file to `sink` as
/// it is made: one index per language, in one bundle; a language's search page searches
/// its own. Each page's record is made when the index reads it, not all at once (at
/// 100,000 entries, 200 MB less at the peak).
pub fn search_into(models: &[Model], sink: &crate::search::Sink) -> Result<(), RenderError> {
    if !models[0].guide.config.search.enabled {
        return Ok(());
    }
    let docs: Vec<Vec<_>> = models.iter().map(Model::search_docs).collect();
    let makers: Vec<Box<crate::search::Records>> = models
        .iter()
        .zip(&docs)
        .map(|(m, docs)| {
            Box::new(move |i: usize| {
                let (doc, card) = &docs[i];
                std::borrow::Cow::Owned(m.search_record(*doc, card))
            }) as Box<crate::search::Records>
        })
        .collect();
    let pages = models
        .iter()
        .zip(&docs)
        .zip(&makers)
        .map(|((m, docs), record)| crate::search::Pages {
            lang: m.lang.clone(),
            count: docs.len(),
            record: &**record,
        })
        .collect();
    crate::search::build_pages(pages, sink).map_err(RenderError::Search)
}

/// Renders the whole site, the search index built after the pages; with `staging`, pages
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
    let mut site = renderer.site_into(&models, staging)?;
    crate::timing("templates", t);
    // The search index after the pages, not beside them: both spread their work over every
    // core anyway, and one after the other they never hold their memory at the same time
    // (at 100,000 entries, half a gigabyte less at the peak). Its files go straight into
    // the staging folder when there is one; only their paths are kept, to be claimed like
    // every other address.
    crate::progress::stage("progress-search", 0);
    let t = std::time::Instant::now();
    let kept = std::sync::Mutex::new(Vec::new());
    search_into(&models, &|path, bytes| {
        let bytes = match staging {
            Some(staging) => {
                staging.put(&path, &bytes).map_err(|e| e.to_string())?;
                None
            }
            None => Some(bytes),
        };
        kept.lock()
            .map_err(|_| "the search index's files".to_string())?
            .push((path, bytes));
        Ok(())
    })?;
    crate::timing("search", t);
    for (path, bytes) in kept.into_inner().unwrap_or_default() {
        match bytes {
            Some(bytes) => site.add(path, bytes, "the search index")?,
            None => {
                site.claim(&path, "the search index")?;
                site.written += 1;
            }
        }
    }
    Ok(site)
}

/// A rendered page.
pub struct Rendered {
    pub key: Page,
    /// Output path (relative, `/`).
    pub path: String,
    pub bytes: Vec<u8>,
    /// The documents it shows: its own, and those of its cards.
    pub shows: Vec<usize>,
}

/// Which pages of a language show which documents, as their own page or as a card: render's
/// own account, taken from the contexts it rendered, so that `serve` re-renders exactly the
/// pages an edit shows up on, whatever the views and templates put where.
#[derive(Debug, Default, Clone)]
pub struct ShownOn {
    /// Document → the pages that show it.
    pages: std::collections::HashMap<usize, std::collections::BTreeSet<Page>>,
    /// Page → the documents it shows (to forget them when it is rendered again).
    docs: std::collections::HashMap<Page, Vec<usize>>,
}

impl ShownOn {
    /// Records what a page shows.
    pub fn record(&mut self, key: &Page, page: &PageCtx) {
        for doc in page.shows() {
            self.insert(doc, key.clone());
        }
    }

    /// Records that `page` shows document `doc`.
    pub fn insert(&mut self, doc: usize, page: Page) {
        self.docs.entry(page.clone()).or_default().push(doc);
        self.pages.entry(doc).or_default().insert(page);
    }

    /// Records what a re-rendered page shows, in place of what it showed before.
    pub fn update(&mut self, rendered: &Rendered) {
        for doc in self.docs.remove(&rendered.key).unwrap_or_default() {
            if let Some(pages) = self.pages.get_mut(&doc) {
                pages.remove(&rendered.key);
            }
        }
        for &doc in &rendered.shows {
            self.insert(doc, rendered.key.clone());
        }
    }

    /// Forgets what a page that is no longer there showed.
    pub fn forget(&mut self, page: &Page) {
        for doc in self.docs.remove(page).unwrap_or_default() {
            if let Some(pages) = self.pages.get_mut(&doc) {
                pages.remove(page);
            }
        }
    }

    /// The pages that show document `doc`.
    pub fn pages_showing(&self, doc: usize) -> impl Iterator<Item = &Page> {
        self.pages.get(&doc).into_iter().flatten()
    }
}

fn render_page(
    tera: &Tera,
    ctx: &mut tera::Context,
    key: &Page,
    page: &PageCtx,
) -> Result<Rendered, RenderError> {
    ctx.insert("page", page);
    // Straight into bytes: the output is written as bytes anyway.
    let mut html = Vec::with_capacity(page.view.body_len() + 16 * 1024);
    tera.render_to(&page.template, ctx, &mut html)
        .map_err(|e| RenderError::Template {
            page: format!("{} with `{}`", page.origin, page.template),
            message: templates::error_chain(&e),
        })?;
    Ok(Rendered {
        key: key.clone(),
        path: page.output.clone(),
        bytes: html,
        shows: page.shows().collect(),
    })
}

/// Theme static files, the guide's `static/`, and the assets of built entries.
fn copy_static(guide: &Guide, model: &Model, site: &mut Site) -> Result<(), RenderError> {
    // The guide's static/ wins over the theme's for the same path (crate::theme).
    let theme = crate::theme::Theme::resolve(&guide.root, &guide.config.theme)
        .map_err(|m| RenderError::Theme(m.text(crate::i18n::Lang::En)))?;
    for (rel, file) in
        crate::theme::static_files(&guide.root, &theme).map_err(RenderError::Theme)?
    {
        match file.contents {
            crate::theme::Contents::Disk(src) => site.copy(rel, src, &file.origin)?,
            crate::theme::Contents::BuiltIn(bytes) => {
                site.add(rel, bytes.to_vec(), &file.origin)?
            }
        }
    }
    for asset in model.assets() {
        let rel = asset.trim_start_matches("content/").to_string();
        site.copy(rel, guide.root.join(asset), asset)?;
    }
    Ok(())
}
