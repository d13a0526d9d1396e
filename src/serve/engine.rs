//! The engine of `serve`: the guide, the renderer and render's account of which pages show
//! which document, kept between saves; it carries out each batch of work from the watcher
//! and puts the result where the HTTP side serves it.
//!
//! A Markdown save re-reads only the saved files (`Guide::reload`, which replaces an entry
//! where it was), updates the kept render models for them (`Model::update`; made anew when
//! the change moves the entry between lists), checks the saved files on their own and, when
//! they are fine, renders their pages and tells the browser at once. What else the save
//! needs, the whole guide checked and the pages the plan (`plan.rs`) names rendered, waits
//! in [`Pending`] and is done between saves: the watcher sets a flag when it sends a batch,
//! and that work stops for it and goes on after it. The search index is rebuilt on one
//! background thread once saves pause. Pages go into serve's folder (`folder.rs`).
//!
//! - `round.rs`: the round between saves, and what is pending in it;
//! - `indexer.rs`: the thread that builds the search index.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{mpsc, Arc, OnceLock};
use std::time::Instant;

use chrono::NaiveDate;

mod indexer;
mod round;

use indexer::{search_worker, SearchJob};
use round::Pending;

use super::folder::Folder;
use super::http::{overlay_message, overlay_page, Changed, Served, Shared};
use super::plan::{self, Counts, Edit, Scope, Summary};
use super::watch::{Batch, Work};
use super::ServeOptions;
use crate::content::{self, Doc, DocKey, Guide, LoadOptions};
use crate::diagnostics::{self, Format, Report};
use crate::i18n::Lang;
use crate::msg;
use crate::render::{self, Model, ModelData, RenderOptions, Renderer, ShownOn};
use crate::routes::{self, Page};
use crate::site::Site;

/// Holds the guide between rebuilds and carries out the work each change needs.
pub(super) struct Engine {
    root: PathBuf,
    load_opts: LoadOptions,
    render_opts: RenderOptions,
    guide: Option<Guide>,
    renderer: Option<Renderer>,
    /// What the models of the guide's languages knew when last made or updated (empty:
    /// make them anew). Kept, because at 100,000 entries making them takes half a second.
    models: Vec<ModelData>,
    /// Which pages of the default language show which document, as last rendered.
    shown: ShownOn,
    /// Per language: how many pages each list had when last planned.
    counts: Vec<Counts>,
    /// The last check of the whole guide found errors: the next good state re-renders
    /// everything.
    had_errors: bool,
    /// What is left of the saves since the last finished round.
    pending: Pending,
    /// Set by the watcher when it sends a batch: what can wait stops for it.
    waiting: Arc<AtomicBool>,
    /// A batch taken from the watcher while finishing a round, to do next.
    next: Option<Batch>,
    /// Bumped on every rebuild; a search index built for an older one is dropped.
    generation: Arc<AtomicU64>,
    /// Sends work to the one thread that builds search indexes.
    search_worker: OnceLock<mpsc::Sender<SearchJob>>,
    /// Sends the feeds, sitemap and open data to the thread that writes them (tens of
    /// megabytes at 100,000 entries: a second the next save would otherwise wait), with a
    /// way to say when they are in place, for those that must be before a reload.
    extras_writer: OnceLock<mpsc::Sender<(Site, Option<mpsc::Sender<()>>)>>,
    /// The search index of the guide as it is now has not been handed on yet.
    search_owed: bool,
    /// Neither have the feeds, sitemap and open data (after a change in `static/`).
    extras_owed: bool,
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
            models: Vec::new(),
            shown: ShownOn::default(),
            counts: Vec::new(),
            had_errors: false,
            pending: Pending::default(),
            waiting: Arc::new(AtomicBool::new(false)),
            next: None,
            generation: Arc::new(AtomicU64::new(0)),
            search_worker: OnceLock::new(),
            extras_writer: OnceLock::new(),
            search_owed: false,
            extras_owed: false,
            lang_choice: opts.lang,
        }
    }

    /// The flag the watcher sets when it sends a batch.
    pub fn waiting(&self) -> Arc<AtomicBool> {
        Arc::clone(&self.waiting)
    }

    /// Whether a save is waiting: the `stop` that everything which can wait is given.
    fn save_waiting(&self) -> impl Fn() -> bool + Send + Sync + 'static {
        let waiting = Arc::clone(&self.waiting);
        move || waiting.load(Ordering::SeqCst)
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
        self.models.clear();
        self.pending = Pending::default();
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
                    let pages = render_pages(renderer, &models)?;
                    Ok((pages, counts, models))
                })
                .map_err(|e| overlay_message(&e.to_string(), lang))
        });
        let (site, pages, overlay) = match rendered {
            Ok(((site, shown, pages), counts, models)) => {
                self.shown = shown;
                self.counts = counts;
                self.models = keep(models);
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

    /// Makes the feeds, sitemap and open data again, unless a save comes first (then they
    /// are still owed).
    fn owed_extras(&mut self, shared: &Arc<Shared>) {
        let (Some(guide), Some(renderer)) = (&self.guide, &self.renderer) else {
            self.extras_owed = false;
            return;
        };
        let Ok(models) = current_models(&mut self.models, renderer, guide, &self.render_opts)
        else {
            self.extras_owed = false;
            return;
        };
        if self.extras_again(renderer, &models, shared) {
            self.extras_owed = false;
        }
        self.models = keep(models);
    }

    /// Makes the feeds, sitemap and open data and hands them to the writer; false when a
    /// save came first (what was made holds the open data's entries, and is freed off this
    /// thread). A render error is left to the pages, which show it.
    pub(super) fn extras_again(
        &self,
        renderer: &Renderer,
        models: &[Model],
        shared: &Arc<Shared>,
    ) -> bool {
        let mut extras = Site::default();
        match renderer.extras_unless(models, &mut extras, &self.save_waiting()) {
            Ok(false) => {
                crate::free_elsewhere(extras);
                return false;
            }
            Ok(true) => self.write_extras(shared, extras, None),
            Err(_) => {}
        }
        true
    }

    /// Hands what [`Renderer::extras`] made to the thread that puts it where it is served,
    /// in the order made; `done` hears when it is in place.
    pub(super) fn write_extras(
        &self,
        shared: &Arc<Shared>,
        extras: Site,
        done: Option<mpsc::Sender<()>>,
    ) {
        let writer = self.extras_writer.get_or_init(|| {
            let (tx, rx) = mpsc::channel::<(Site, Option<mpsc::Sender<()>>)>();
            let shared = Arc::clone(shared);
            std::thread::spawn(move || {
                for (extras, done) in rx {
                    put_extras(&shared, extras);
                    if let Some(done) = done {
                        let _ = done.send(());
                    }
                }
            });
            tx
        });
        let _ = writer.send((extras, done));
    }

    /// Builds the current guide's search index on the indexing thread, unless a save
    /// comes first (then it is still owed).
    pub fn search_in_background(&mut self, shared: &Arc<Shared>) {
        let (Some(guide), Some(renderer)) = (&self.guide, &self.renderer) else {
            return;
        };
        if let Ok(models) = current_models(&mut self.models, renderer, guide, &self.render_opts) {
            self.search_owed = !self.send_search(&models, shared);
            self.models = keep(models);
        }
    }

    /// Hands the search index's records to the indexing thread, which builds the index
    /// once saves have paused and adds it to the site, unless a newer rebuild has started.
    /// False when a save came while the records were made: the index is still owed.
    fn send_search(&self, models: &[Model], shared: &Arc<Shared>) -> bool {
        if !models
            .first()
            .is_some_and(|m| m.guide.config.search.enabled)
        {
            return true;
        }
        let since = Instant::now();
        let Some(records) = render::search_records_unless(models, &self.save_waiting()) else {
            return false;
        };
        crate::timing("search records", since);
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
        true
    }

    /// Carries out each batch of changes from the watcher until it stops; between batches,
    /// finishes what the last saves left to do, giving way to the next save as soon as
    /// there is one.
    pub fn follow(
        &mut self,
        batches: mpsc::Receiver<Batch>,
        shared: &Arc<Shared>,
        rewatch: &mut dyn FnMut(),
    ) {
        loop {
            let batch = match self.next.take() {
                Some(batch) => batch,
                None if self.pending.active => match batches.try_recv() {
                    Ok(batch) => batch,
                    Err(mpsc::TryRecvError::Empty) => {
                        self.finish(shared);
                        continue;
                    }
                    Err(mpsc::TryRecvError::Disconnected) => return,
                },
                // What was given up for a save that needed no round (a file in `static/`,
                // say): made once saves pause, the batch that stopped it taken first.
                None if self.extras_owed || self.search_owed => match batches.try_recv() {
                    Ok(batch) => batch,
                    Err(mpsc::TryRecvError::Empty) => {
                        if self.extras_owed {
                            self.owed_extras(shared);
                        } else {
                            self.search_in_background(shared);
                        }
                        continue;
                    }
                    Err(mpsc::TryRecvError::Disconnected) => return,
                },
                None => match batches.recv() {
                    Ok(batch) => batch,
                    Err(_) => return,
                },
            };
            // Cleared before the batch is looked at: a batch sent from now on stops the
            // round again.
            self.waiting.store(false, Ordering::SeqCst);
            crate::timing("the batch waited", batch.sent());
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
                    if let (Some(g), Some(r)) = (&self.guide, &self.renderer) {
                        if let Ok(models) =
                            current_models(&mut self.models, r, g, &self.render_opts)
                        {
                            let mut copies = Site::default();
                            if r.static_files(&models, &mut copies).is_ok() {
                                // In place before the browser reloads.
                                let (done, placed) = mpsc::channel();
                                self.write_extras(shared, copies, Some(done));
                                let _ = placed.recv();
                            }
                            self.models = keep(models);
                        }
                        // A made file (a feed, say) that a removed one in `static/` had
                        // replaced comes back with the others once saves pause.
                        self.extras_owed = true;
                    }
                    shared.reload(Changed::All);
                    let ms = started.elapsed().as_millis() as u64;
                    eprintln!("{}", msg!("serve-static", ms = ms).text(self.lang()));
                }
                Some(Work::Markdown(paths)) => self.markdown(&paths, shared, started),
            }
        }
    }

    /// Re-reads changed Markdown files and shows their pages at once when they are fine on
    /// their own; what else they need waits in [`Pending`] until saves pause.
    fn markdown(&mut self, paths: &[String], shared: &Arc<Shared>, started: Instant) {
        let (Some(mut guide), true) = (self.guide.take(), self.renderer.is_some()) else {
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
                Some((p.clone(), summary(&guide, d)))
            })
            .collect();
        let replaced = guide.reload(paths);
        crate::timing("reload", started);
        // The kept models, updated for entries replaced where they were; else new ones.
        let lang = Lang::for_guide(self.lang_choice, &guide.config.default_language);
        let renderer = self.renderer.as_ref().expect("checked above");
        let kept = std::mem::take(&mut self.models);
        let mut models: Vec<Model> = kept.into_iter().map(|d| Model::again(&guide, d)).collect();
        let updated = !models.is_empty()
            && replaced.as_ref().is_some_and(|r| {
                r.iter()
                    .all(|(i, old)| models.iter_mut().all(|m| m.update(*i, old)))
            });
        if !updated {
            models = match renderer.models(&guide, &self.render_opts) {
                Ok(models) => models,
                Err(e) => {
                    shared.write().overlay = Some(overlay_message(&e.to_string(), lang));
                    shared.reload(Changed::All);
                    self.guide = Some(guide);
                    return;
                }
            };
        }
        crate::timing("models", started);
        self.saved(&guide, &models, paths, &before, shared, started, lang);
        self.models = keep(models);
        self.guide = Some(guide);
    }

    /// After a save was read: plans what it touches, shows the saved pages first when the
    /// saved files are fine on their own, and leaves the rest to [`Engine::finish`].
    #[allow(clippy::too_many_arguments)]
    fn saved(
        &mut self,
        guide: &Guide,
        models: &[Model],
        paths: &[String],
        before: &HashMap<String, Summary>,
        shared: &Arc<Shared>,
        started: Instant,
        lang: Lang,
    ) {
        let renderer = self.renderer.as_ref().expect("loaded");
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
        // The saved files are judged on their own first: when they are fine, their pages
        // are shown at once; the whole guide is checked when saves pause (a change can
        // break a link elsewhere).
        let first: Vec<Page> = edits
            .iter()
            .filter_map(|e| e.index)
            .filter(|&i| models[0].built(i))
            .map(Page::Doc)
            .collect();
        let fine = !crate::check::run_for(guide, paths, self.render_opts.today)
            .iter()
            .any(|d| d.severity == diagnostics::Severity::Error);
        let shown_early = fine
            && !self.had_errors
            && !first.is_empty()
            && match publish(renderer, &models[0], &first, shared, &mut self.shown, lang) {
                Ok(urls) => {
                    shared.reload(Changed::Urls(urls.clone()));
                    self.pending.first = urls;
                    self.pending.first_ms = started.elapsed().as_millis() as u64;
                    true
                }
                Err(_) => false,
            };
        crate::timing("first pages", started);

        let pending = &mut self.pending;
        pending.active = true;
        pending.started.get_or_insert(started);
        for p in paths {
            if !pending.files.contains(p) {
                pending.files.push(p.clone());
            }
        }
        pending.others |= models.len() > 1;
        if fine && !shown_early {
            pending.first_pages.extend(first);
        }
        match scope {
            Scope::Everything => {
                pending.everything = true;
                pending.pages.clear();
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
                            pending.pages.remove(&page);
                        }
                    }
                }
                self.counts = counts;
                if !pending.everything {
                    pending.pages.extend(then);
                    if !shown_early {
                        pending.pages.extend(first);
                    }
                }
            }
        }
    }
}

/// What is kept of models between saves: all but their cards, which are made again as
/// pages need them (at 100,000 entries the cards of every entry, made for the search
/// index, are a hundred megabytes).
fn keep(models: Vec<Model>) -> Vec<ModelData> {
    models
        .into_iter()
        .map(|m| {
            let mut data = m.into_data();
            data.forget_cards();
            data
        })
        .collect()
}

/// The models of `guide`: from what was kept of them (`kept`, emptied), else made anew.
fn current_models<'g>(
    kept: &mut Vec<ModelData>,
    renderer: &Renderer,
    guide: &'g Guide,
    opts: &RenderOptions,
) -> Result<Vec<Model<'g>>, render::RenderError> {
    let kept = std::mem::take(kept);
    if kept.is_empty() {
        renderer.models(guide, opts)
    } else {
        Ok(kept.into_iter().map(|d| Model::again(guide, d)).collect())
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

/// Checks the whole guide and prints what it finds; the diagnostics page when it has
/// errors.
fn check_guide(guide: &Guide, today: NaiveDate, lang: Lang) -> Result<(), String> {
    let report = Report::new(crate::check::run(guide, today), guide.files_read, false);
    report_guide(&report, guide, lang)
}

/// Prints what a check of the whole guide found; the diagnostics page when it has errors.
fn report_guide(report: &Report, guide: &Guide, lang: Lang) -> Result<(), String> {
    if !report.diagnostics.is_empty() {
        let text = diagnostics::render(
            report,
            Format::Human,
            lang,
            false,
            &|p| guide.source(p).map(str::to_owned),
            "",
        );
        eprint!("{text}");
    }
    if report.has_errors() {
        return Err(overlay_page(report, guide, lang));
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
                .put_behind(&page.path, page.bytes)
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
    let folder = Folder::new().ok();
    let put = |path: &str, bytes: &[u8]| folder.as_ref().map_or(Ok(()), |f| f.put(path, bytes));
    let put: Option<&render::Put> = folder.as_ref().map(|_| &put as &render::Put);
    let (mut site, shown) = renderer.site_shown(models, put)?;
    if let Some(folder) = &folder {
        // The feeds and the open data too (at 100,000 entries 200 MB): in memory only when
        // they cannot be written.
        site.files
            .retain(|path, bytes| folder.put(path, bytes).is_err());
    }
    Ok((site, shown, folder))
}

/// Puts what [`Renderer::extras`] made where it is served: into the pages' folder, like the
/// pages, or in memory when there is none or a file cannot be written.
fn put_extras(shared: &Shared, mut extras: Site) {
    extras.make_later();
    let folder = shared.read().pages.clone();
    let mut written = Vec::new();
    if let Some(folder) = folder {
        // A file copied from the guide (its `static/`) wins over a made one of that path.
        for path in extras.copies.keys() {
            folder.remove(path);
        }
        extras.files.retain(|path, bytes| {
            let put = folder.put(path, bytes).is_ok();
            if put {
                written.push(path.clone());
            }
            !put
        });
    }
    let mut served = shared.write();
    for path in &written {
        served.site.files.remove(path);
    }
    served.site.refresh_extras(extras);
}
