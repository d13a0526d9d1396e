//! The engine of `serve`: the guide, the renderer and render's account of which pages show
//! which document, kept between saves; it carries out each batch of work from the watcher
//! and puts the result where the HTTP side serves it.
//!
//! A Markdown save re-reads only the saved files (`Guide::reload`), checks them on their
//! own and, when they are fine, renders their pages and tells the browser at once; then it
//! checks the whole guide and renders what the plan (`plan.rs`) names. The search index is
//! rebuilt on one background thread once saves pause. Nothing is written to disk.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{mpsc, Arc, OnceLock};
use std::time::{Duration, Instant};

use chrono::NaiveDate;

use super::folder::Folder;
use super::http::{overlay_message, overlay_page, Changed, Served, Shared};
use super::plan::{self, Counts, Edit, Scope, Summary};
use super::watch::{Batch, Work};
use super::ServeOptions;
use crate::content::{self, Doc, DocKey, Guide, LoadOptions};
use crate::diagnostics::{self, Format, Report};
use crate::i18n::Lang;
use crate::msg;
use crate::render::{self, Model, RenderOptions, Renderer, ShownOn};
use crate::routes::{self, Page};
use crate::site::Site;

/// Holds the guide between rebuilds and carries out the work each change needs.
pub(super) struct Engine {
    root: PathBuf,
    load_opts: LoadOptions,
    render_opts: RenderOptions,
    guide: Option<Guide>,
    renderer: Option<Renderer>,
    /// Which pages of the default language show which document, as last rendered.
    shown: ShownOn,
    /// Per language: how many pages each list had when last rendered.
    counts: Vec<Counts>,
    /// The last state had errors: the next good one re-renders everything.
    had_errors: bool,
    /// Bumped on every rebuild; a search index built for an older one is dropped.
    generation: Arc<AtomicU64>,
    /// Sends work to the one thread that builds search indexes.
    search_worker: OnceLock<mpsc::Sender<SearchJob>>,
    /// `--lang`, if given.
    lang_choice: Option<Lang>,
}

impl Engine {
    pub fn new(root: &Path, url: &str, opts: &ServeOptions) -> Self {
        Engine {
            root: root.to_path_buf(),
            load_opts: LoadOptions {
                base_url: Some(url.to_string()),
            },
            render_opts: RenderOptions {
                drafts: opts.drafts,
                today: opts.today,
            },
            guide: None,
            renderer: None,
            shown: ShownOn::default(),
            counts: Vec::new(),
            had_errors: false,
            generation: Arc::new(AtomicU64::new(0)),
            search_worker: OnceLock::new(),
            lang_choice: opts.lang,
        }
    }

    /// The language of messages: `--lang`, else the guide's own when signpost speaks it.
    fn lang(&self) -> Lang {
        match &self.guide {
            Some(g) => Lang::for_guide(self.lang_choice, &g.config.default_language),
            None => self.lang_choice.unwrap_or_default(),
        }
    }

    fn base_path(&self) -> String {
        self.guide
            .as_ref()
            .map(|g| g.config.base_path())
            .unwrap_or_else(|| "/".into())
    }

    /// Loads, checks and renders everything (no search index yet).
    pub fn full(&mut self) -> Served {
        self.generation.fetch_add(1, Ordering::SeqCst);
        self.renderer = None;
        match content::load(&self.root, &self.load_opts) {
            Ok(guide) => {
                self.guide = Some(guide);
                self.render_served()
            }
            Err(e) => {
                self.guide = None;
                let lang = self.lang();
                eprintln!("signpost: {}", e.msg().text(lang));
                self.had_errors = true;
                Served {
                    site: Site::default(),
                    pages: None,
                    overlay: Some(overlay_message(&e.msg().text(lang), lang)),
                    base_path: "/".into(),
                }
            }
        }
    }

    /// Checks and renders every page afresh (no search index yet), or the error page.
    fn render_served(&mut self) -> Served {
        let base_path = self.base_path();
        let lang = self.lang();
        let guide = self.guide.as_ref().expect("loaded");
        let checked = check_guide(guide, self.render_opts.today, lang);
        self.had_errors = checked.is_err();
        let rendered = checked.and_then(|()| {
            if self.renderer.is_none() {
                self.renderer =
                    Some(Renderer::new(guide).map_err(|e| overlay_message(&e.to_string(), lang))?);
            }
            let renderer = self.renderer.as_ref().expect("set");
            renderer
                .models(guide, &self.render_opts)
                .and_then(|models| {
                    let counts = models.iter().map(|m| m.page_counts()).collect();
                    render_pages(renderer, &models).map(|s| (s, counts))
                })
                .map_err(|e| overlay_message(&e.to_string(), lang))
        });
        let (site, pages, overlay) = match rendered {
            Ok(((site, shown, pages), counts)) => {
                self.shown = shown;
                self.counts = counts;
                (site, pages, None)
            }
            Err(overlay) => (Site::default(), None, Some(overlay)),
        };
        Served {
            site,
            pages,
            overlay,
            base_path,
        }
    }

    /// The current guide's search records, for the indexing thread.
    pub fn search_in_background(&self, shared: &Arc<Shared>) {
        let (Some(guide), Some(renderer)) = (&self.guide, &self.renderer) else {
            return;
        };
        if let Ok(models) = renderer.models(guide, &self.render_opts) {
            self.send_search(&models, shared);
        }
    }

    /// Hands the search index's records to the indexing thread, which builds the index
    /// once saves have paused and adds it to the site, unless a newer rebuild has started.
    fn send_search(&self, models: &[Model], shared: &Arc<Shared>) {
        if !models
            .first()
            .is_some_and(|m| m.guide.config.search.enabled)
        {
            return;
        }
        let records = render::search_records(models);
        let langs = models.iter().map(|m| m.lang.clone()).collect();
        let generation = self.generation.load(Ordering::SeqCst);
        let worker = self.search_worker.get_or_init(|| {
            let (tx, rx) = mpsc::channel::<SearchJob>();
            let current = Arc::clone(&self.generation);
            let shared = Arc::clone(shared);
            std::thread::spawn(move || search_worker(rx, &current, &shared));
            tx
        });
        let _ = worker.send((generation, langs, records));
    }

    /// Carries out each batch of changes from the watcher until it stops.
    pub fn follow(
        &mut self,
        batches: mpsc::Receiver<Batch>,
        shared: &Arc<Shared>,
        rewatch: &mut dyn FnMut(),
    ) {
        while let Ok(batch) = batches.recv() {
            let started = Instant::now();
            match batch.work(&self.root) {
                None => {}
                Some(Work::Full) => {
                    rewatch();
                    let served = self.full();
                    *shared.write() = served;
                    shared.reload(Changed::All);
                    let ms = started.elapsed().as_millis() as u64;
                    eprintln!("{}", msg!("serve-rebuilt-all", ms = ms).text(self.lang()));
                    self.search_in_background(shared);
                }
                Some(Work::Static) => {
                    let refreshed =
                        self.guide
                            .as_ref()
                            .zip(self.renderer.as_ref())
                            .map(|(g, r)| {
                                let mut extras = Site::default();
                                r.models(g, &self.render_opts)
                                    .and_then(|models| r.extras(&models, &mut extras))
                                    .map(|_| extras)
                            });
                    if let Some(Ok(extras)) = refreshed {
                        shared.write().site.refresh_extras(extras);
                    }
                    shared.reload(Changed::All);
                    let ms = started.elapsed().as_millis() as u64;
                    eprintln!("{}", msg!("serve-static", ms = ms).text(self.lang()));
                }
                Some(Work::Markdown(paths)) => self.markdown(&paths, shared, started),
            }
        }
    }

    /// Re-reads changed Markdown files; renders the edited pages first, then what shows them.
    fn markdown(&mut self, paths: &[String], shared: &Arc<Shared>, started: Instant) {
        let (Some(guide), Some(_)) = (self.guide.as_mut(), self.renderer.as_ref()) else {
            let served = self.full();
            *shared.write() = served;
            shared.reload(Changed::All);
            return;
        };
        self.generation.fetch_add(1, Ordering::SeqCst);
        let before: HashMap<String, Summary> = paths
            .iter()
            .filter_map(|p| {
                let d = &guide.docs[*guide.by_path.get(p)?];
                Some((p.clone(), summary(guide, d)))
            })
            .collect();
        guide.reload(paths);
        crate::timing("reload", started);

        let guide = self.guide.as_ref().expect("loaded");
        let renderer = self.renderer.as_ref().expect("loaded");
        let today = self.render_opts.today;
        let lang = Lang::for_guide(self.lang_choice, &guide.config.default_language);
        let models = match renderer.models(guide, &self.render_opts) {
            Ok(models) => models,
            Err(e) => {
                shared.write().overlay = Some(overlay_message(&e.to_string(), lang));
                shared.reload(Changed::All);
                return;
            }
        };
        let edits: Vec<Edit> = paths
            .iter()
            .map(|p| {
                let index = guide.by_path.get(p).copied();
                Edit {
                    index,
                    before: before.get(p).cloned(),
                    after: index.map(|i| summary(guide, &guide.docs[i])),
                }
            })
            .collect();
        let counts: Vec<Counts> = models.iter().map(|m| m.page_counts()).collect();
        let no_counts = Counts::new();
        let scope = plan::plan(
            &edits,
            self.had_errors,
            &self.shown,
            |i| models[0].pages_listing(i),
            self.counts.first().unwrap_or(&no_counts),
            &counts[0],
        );
        // The saved files are judged first: when they are fine, their pages are shown at
        // once, and the whole guide is checked right after (a change can break a link
        // elsewhere).
        let shown_early = match &scope {
            Scope::Pages { first, .. } => {
                !crate::check::run_for(guide, paths, today)
                    .iter()
                    .any(|d| d.severity == diagnostics::Severity::Error)
                    && publish(renderer, &models[0], first, shared, &mut self.shown, lang)
                        .map(|urls| shared.reload(Changed::Urls(urls)))
                        .is_ok()
            }
            Scope::Everything => false,
        };
        crate::timing("first pages", started);

        let checked = check_guide(guide, today, lang);
        self.had_errors = checked.is_err();
        if let Err(overlay) = checked {
            shared.write().overlay = Some(overlay);
            shared.reload(Changed::All);
            let says = msg!("serve-has-errors", files = paths.join(", "));
            eprintln!("{}", says.text(lang));
            return;
        }
        let (first, then) = match scope {
            Scope::Everything => {
                // Pages may have appeared or gone: a fresh site, so nothing stale stays behind.
                let base_path = models[0].site.base_path.clone();
                let served = match render_pages(renderer, &models) {
                    Ok((site, shown, pages)) => {
                        self.shown = shown;
                        self.counts = counts;
                        Served {
                            site,
                            pages,
                            overlay: None,
                            base_path,
                        }
                    }
                    Err(e) => Served {
                        site: Site::default(),
                        pages: None,
                        overlay: Some(overlay_message(&e.to_string(), lang)),
                        base_path,
                    },
                };
                *shared.write() = served;
                shared.reload(Changed::All);
                let says = msg!(
                    "serve-rebuilt-pages",
                    files = paths.join(", "),
                    ms = started.elapsed().as_millis() as u64
                );
                eprintln!("{}", says.text(lang));
                self.send_search(&models, shared);
                return;
            }
            Scope::Pages { first, then, gone } => {
                // Pages past a list's new end go, in every language.
                let mut served = shared.write();
                for (l, model) in models.iter().enumerate() {
                    let old = self.counts.get(l).unwrap_or(&no_counts);
                    let pages: Vec<Page> = if l == 0 {
                        gone.clone()
                    } else {
                        plan::gone(old, &counts[l])
                    };
                    for page in pages {
                        if let Some(path) = model.page_output(&page) {
                            served.remove(&path);
                        }
                        if l == 0 {
                            self.shown.forget(&page);
                        }
                    }
                }
                self.counts = counts;
                (first, then)
            }
        };
        let urls = match publish(renderer, &models[0], &first, shared, &mut self.shown, lang) {
            Ok(urls) => urls,
            Err(overlay) => {
                shared.write().overlay = Some(overlay);
                shared.reload(Changed::All);
                return;
            }
        };
        shared.write().overlay = None;
        if !shown_early {
            shared.reload(Changed::Urls(urls.clone()));
        }
        let first_ms = started.elapsed().as_millis();
        // Then everything that shows them; the other languages list the entry too
        // (translated or with a note), so their pages follow in full.
        let mut rest_urls =
            publish(renderer, &models[0], &then, shared, &mut self.shown, lang).unwrap_or_default();
        let mut others = ShownOn::default();
        for other in &models[1..] {
            rest_urls.extend(
                publish(
                    renderer,
                    other,
                    &other.page_keys(),
                    shared,
                    &mut others,
                    lang,
                )
                .unwrap_or_default(),
            );
        }
        let mut extras = Site::default();
        if renderer.extras(&models, &mut extras).is_ok() {
            shared.write().site.refresh_extras(extras);
        }
        if !rest_urls.is_empty() {
            shared.reload(Changed::Urls(rest_urls.clone()));
        }
        let says = msg!(
            "serve-reloaded",
            files = paths.join(", "),
            pages = urls.join(", "),
            first_ms = first_ms as u64,
            more = rest_urls.len(),
            ms = started.elapsed().as_millis() as u64
        );
        eprintln!("{}", says.text(lang));
        self.send_search(&models, shared);
    }
}

/// What the plan needs to know of a document.
fn summary(guide: &Guide, d: &Doc) -> Summary {
    Summary {
        role: d.role,
        area: d.area.clone(),
        is_translation: d.is_translation,
        points_at: d
            .meta
            .related
            .iter()
            .chain(&d.meta.addresses)
            .filter_map(|r| guide.originals.get(&DocKey::Item(r.value.clone())).copied())
            .collect(),
    }
}

/// A search index to build: its generation, the site's languages and the records.
type SearchJob = (u64, Vec<String>, Vec<crate::search::Record>);

/// Builds search indexes one at a time: waits until no newer request has come for a
/// moment (an editor saving again), builds the newest, and publishes it if nothing has
/// changed since. At 10,000 entries an index takes seconds; the pages never wait for it.
fn search_worker(rx: mpsc::Receiver<SearchJob>, current: &AtomicU64, shared: &Arc<Shared>) {
    while let Ok(mut job) = rx.recv() {
        loop {
            match rx.recv_timeout(Duration::from_millis(1500)) {
                Ok(newer) => job = newer,
                Err(mpsc::RecvTimeoutError::Timeout) => break,
                Err(mpsc::RecvTimeoutError::Disconnected) => return,
            }
        }
        let (generation, langs, records) = job;
        if current.load(Ordering::SeqCst) != generation {
            continue;
        }
        // Into the pages' folder as the files are made (at 100,000 entries the index is
        // half a gigabyte); in memory, and swapped in whole, when there is no folder.
        let pages = shared.read().pages.clone();
        let result = match &pages {
            Some(pages) => crate::search::build(&langs, records, &|path, bytes| {
                pages.put(&path, &bytes).map_err(|e| e.to_string())
            }),
            None => crate::search::build_all(&langs, records).map(|files| {
                if current.load(Ordering::SeqCst) == generation {
                    let folder = routes::search_index();
                    let mut served = shared.write();
                    served.site.files.retain(|p, _| !p.starts_with(&folder));
                    for (path, bytes) in files {
                        served.site.replace(path, bytes);
                    }
                }
            }),
        };
        if let Err(e) = result {
            eprintln!("signpost: the search index could not be built: {e}");
        }
    }
}

/// Checks the whole guide and prints what it finds; the diagnostics page when it has
/// errors.
fn check_guide(guide: &Guide, today: NaiveDate, lang: Lang) -> Result<(), String> {
    let report = Report::new(crate::check::run(guide, today), guide.files_read, false);
    if !report.diagnostics.is_empty() {
        let text = diagnostics::render(
            &report,
            Format::Human,
            lang,
            false,
            &|p| guide.source(p).map(str::to_owned),
            "",
        );
        eprint!("{text}");
    }
    if report.has_errors() {
        return Err(overlay_page(&report, guide, lang));
    }
    Ok(())
}

/// Renders pages, puts them in the served site and records what they show; returns their
/// addresses.
fn publish(
    renderer: &Renderer,
    model: &Model,
    keys: &[Page],
    shared: &Arc<Shared>,
    shown: &mut ShownOn,
    lang: Lang,
) -> Result<Vec<String>, String> {
    let pages = renderer
        .pages(model, keys)
        .map_err(|e| overlay_message(&e.to_string(), lang))?;
    let base = model.site.base_path.clone();
    let folder = shared.read().pages.clone();
    let mut urls = Vec::with_capacity(pages.len());
    for page in pages {
        urls.push(format!("{base}{}", routes::of_output(&page.path)));
        shown.update(&page);
        match &folder {
            Some(folder) => folder
                .put(&page.path, &page.bytes)
                .map_err(|e| overlay_message(&e.to_string(), lang))?,
            None => shared.write().site.replace(page.path, page.bytes),
        }
    }
    Ok(urls)
}

/// Renders every page into a new folder of the server's (in memory when none can be made),
/// with which pages show which documents.
fn render_pages(
    renderer: &Renderer,
    models: &[Model],
) -> Result<(Site, ShownOn, Option<Arc<Folder>>), render::RenderError> {
    let folder = Folder::new().ok().map(Arc::new);
    let put = |path: &str, bytes: &[u8]| folder.as_ref().map_or(Ok(()), |f| f.put(path, bytes));
    let put: Option<&render::Put> = folder.as_ref().map(|_| &put as &render::Put);
    let (site, shown) = renderer.site_shown(models, put)?;
    Ok((site, shown, folder))
}
