//! `serve`: the live preview editors write against.
//!
//! The site is built in memory (drafts included unless `--no-drafts`) and served over HTTP
//! on the loopback address. A watcher (notify) follows `content/`, `themes/`, `templates/`,
//! `static/` and `config.toml`; after a save, only the changed Markdown files are read
//! again, the check runs, the edited page is rendered and the browser told to reload it
//! (server-sent events), then the pages that show it (its area, lists, home, related
//! entries, tag pages) and the feeds follow, and the search index catches up last, in the
//! background. A template, theme or config change rebuilds everything. While the guide has
//! errors every page shows them (file, line, message) instead; fixing the file brings the
//! page back. Nothing is written to disk.

use std::collections::{BTreeSet, HashMap};
use std::convert::Infallible;
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::extract::State as AxumState;
use axum::http::{header, HeaderValue, Request, StatusCode};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use chrono::NaiveDate;
use notify::{RecursiveMode, Watcher};
use tokio::sync::broadcast;
use tokio_stream::wrappers::BroadcastStream;
use tokio_stream::StreamExt;

use crate::content::{self, Doc, Guide, LoadOptions, Role};
use crate::diagnostics::{self, Format, Report};
use crate::render::context::PageKey;
use crate::render::{self, RenderOptions, Renderer, Site};
use crate::text::{escape_markup, slugify_id};

#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub bind: IpAddr,
    /// 0 picks a free port.
    pub port: u16,
    pub drafts: bool,
    pub open: bool,
    pub today: NaiveDate,
}

/// What the HTTP side serves; replaced piece by piece by the rebuilds.
struct Served {
    site: Site,
    /// The diagnostics page shown instead of every page while the guide has errors.
    overlay: Option<String>,
    base_path: String,
}

struct Shared {
    served: RwLock<Served>,
    events: broadcast::Sender<String>,
    /// The address the server listens on, for [`host_allowed`].
    bind: IpAddr,
    /// Static files and assets are read when asked for: only inside the guide, only
    /// regular files (a link swapped in after the build is refused too).
    jail: Option<crate::fs_guard::Jail>,
}

/// Paths (URLs) that changed, or everything.
enum Changed {
    All,
    Urls(Vec<String>),
}

impl Changed {
    fn message(&self) -> String {
        match self {
            Changed::All => "{\"all\":true}".to_string(),
            Changed::Urls(urls) => serde_json::json!({ "paths": urls }).to_string(),
        }
    }
}

const LIVE_JS: &str = r#"(function () {
  var source = new EventSource("/__signpost/events");
  source.onmessage = function (e) {
    var d = JSON.parse(e.data);
    if (d.all || (d.paths || []).indexOf(location.pathname) !== -1) location.reload();
  };
})();
"#;

/// Builds the guide, serves it, and rebuilds on every change until the process is stopped.
pub fn run(root: &Path, opts: ServeOptions) -> Result<(), String> {
    // The watcher reports absolute paths, with symbolic links resolved on some systems;
    // `.`, `guide/../guide` or a link to the folder would never match them. The folder's
    // one canonical spelling is used everywhere from here on.
    // (A folder that cannot be resolved is reported by the load below, as by `check`.)
    let root = &std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let (config, _, _) = content::load::read_config(root).map_err(|e| e.to_string())?;
    let base_path = config.base_path();
    let listener = std::net::TcpListener::bind(SocketAddr::new(opts.bind, opts.port))
        .map_err(|e| format!("cannot listen on {}:{}: {e}", opts.bind, opts.port))?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    let url = format!("http://{addr}{base_path}");

    let mut engine = Engine::new(root, &url, &opts);
    let started = Instant::now();
    let (served, _) = engine.full();
    eprintln!("Built in {} ms", started.elapsed().as_millis());
    let (events, _) = broadcast::channel(256);
    let shared = Arc::new(Shared {
        served: RwLock::new(served),
        events,
        bind: opts.bind,
        jail: crate::fs_guard::Jail::new(root).ok(),
    });
    engine.search_in_background(&shared);

    let watch_shared = Arc::clone(&shared);
    let (tx, rx) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        if let Ok(event) = res {
            let _ = tx.send(event);
        }
    })
    .map_err(|e| format!("cannot watch the guide for changes: {e}"))?;
    watch_sources(&mut watcher, root)?;
    let watch_root = root.to_path_buf();
    std::thread::spawn(move || {
        // A source folder deleted and made again, or moved away and back, is a new folder
        // that the old watch does not see: every full rebuild watches them anew.
        let mut rewatch = || {
            if let Err(e) = watch_sources(&mut watcher, &watch_root) {
                eprintln!("{e}");
            }
        };
        engine.watch(rx, &watch_shared, &mut rewatch)
    });

    println!("Serving {url} (press Ctrl+C to stop)");
    if opts.open {
        open_browser(&url);
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_io()
        .enable_time()
        .build()
        .map_err(|e| e.to_string())?;
    runtime.block_on(async move {
        listener.set_nonblocking(true).map_err(|e| e.to_string())?;
        let listener = tokio::net::TcpListener::from_std(listener).map_err(|e| e.to_string())?;
        let app = Router::new()
            .route("/__signpost/live.js", get(live_js))
            .route("/__signpost/events", get(events_stream))
            .fallback(page)
            .with_state(shared);
        axum::serve(listener, app).await.map_err(|e| e.to_string())
    })?;
    Ok(())
}

/// Watches the guide folder and, below it, each source folder that exists now.
fn watch_sources(watcher: &mut impl Watcher, root: &Path) -> Result<(), String> {
    watcher
        .watch(root, RecursiveMode::NonRecursive)
        .map_err(|e| format!("cannot watch `{}`: {e}", root.display()))?;
    for dir in ["content", "themes", "templates", "static"] {
        let d = root.join(dir);
        if d.is_dir() {
            // A watch on the folder that was there before is dropped first.
            let _ = watcher.unwatch(&d);
            watcher
                .watch(&d, RecursiveMode::Recursive)
                .map_err(|e| format!("cannot watch `{}`: {e}", d.display()))?;
        }
    }
    Ok(())
}

/// Whether a request's `Host` is one of this server's own names: `localhost`, a loopback
/// address, or the address it listens on (any address when it listens on all of them).
/// A page elsewhere can point a name it controls at 127.0.0.1 (DNS rebinding) and then
/// read the preview, drafts included, from the editor's browser; such a request carries
/// that name as its `Host` and is refused. An address typed as digits cannot be rebound.
fn host_allowed(host: Option<&HeaderValue>, bind: IpAddr) -> bool {
    let Some(host) = host.and_then(|h| h.to_str().ok()) else {
        return false;
    };
    // Without the port: `name:8080`, `[::1]:8080`.
    let name = if let Some(rest) = host.strip_prefix('[') {
        match rest.split_once(']') {
            Some((inside, after)) if after.is_empty() || after.starts_with(':') => inside,
            _ => return false,
        }
    } else {
        host.rsplit_once(':').map_or(host, |(n, _)| n)
    };
    if name.eq_ignore_ascii_case("localhost") {
        return true;
    }
    match name.parse::<IpAddr>() {
        Ok(ip) => ip.is_loopback() || ip == bind || bind.is_unspecified(),
        Err(_) => false,
    }
}

fn wrong_host() -> Response {
    Response::builder()
        .status(StatusCode::MISDIRECTED_REQUEST)
        .header(header::CONTENT_TYPE, "text/plain; charset=utf-8")
        .body(Body::from(
            "signpost serve answers only to its own address (localhost, 127.0.0.1, [::1] or the address it listens on)\n",
        ))
        .expect("valid response")
}

fn open_browser(url: &str) {
    let program = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    if let Err(e) = std::process::Command::new(program).arg(url).spawn() {
        eprintln!("could not open a browser ({program}: {e}); open {url} yourself");
    }
}

async fn live_js() -> Response {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        LIVE_JS,
    )
        .into_response()
}

async fn events_stream(
    AxumState(shared): AxumState<Arc<Shared>>,
    headers: axum::http::HeaderMap,
) -> Response {
    if !host_allowed(headers.get(header::HOST), shared.bind) {
        return wrong_host();
    }
    // Subscribed before the first message is sent, which says so: a client that has seen
    // it will see every change after it.
    let subscribed = BroadcastStream::new(shared.events.subscribe()).filter_map(|m| m.ok());
    let stream = tokio_stream::once("{\"connected\":true}".to_string())
        .chain(subscribed)
        .map(|m| Ok::<Event, Infallible>(Event::default().data(m)));
    Sse::new(stream)
        .keep_alive(KeepAlive::default())
        .into_response()
}

async fn page(AxumState(shared): AxumState<Arc<Shared>>, req: Request<Body>) -> Response {
    if !host_allowed(req.headers().get(header::HOST), shared.bind) {
        return wrong_host();
    }
    let path = percent_encoding::percent_decode_str(req.uri().path())
        .decode_utf8_lossy()
        .into_owned();
    let served = shared.served.read().expect("lock");
    let base = served.base_path.as_str();
    let Some(rel) = path.strip_prefix(base) else {
        if path == "/" || format!("{path}/") == base {
            return redirect(base);
        }
        return not_found(&served);
    };
    let is_page = rel.is_empty() || rel.ends_with('/') || rel.ends_with(".html");
    if let (Some(overlay), true) = (&served.overlay, is_page) {
        return html(StatusCode::OK, overlay.as_bytes());
    }
    let rel = rel.to_string();
    let candidates = if rel.is_empty() || rel.ends_with('/') {
        vec![format!("{rel}index.html")]
    } else {
        vec![rel.clone()]
    };
    for c in &candidates {
        if let Some(bytes) = served.site.files.get(c) {
            return file_response(c, bytes.clone());
        }
        if let (Some(src), Some(jail)) = (served.site.copies.get(c), &shared.jail) {
            if let Ok(bytes) = jail.read(src, u64::MAX) {
                return file_response(c, bytes);
            }
        }
    }
    if served.site.files.contains_key(&format!("{rel}/index.html")) {
        return redirect(&format!("{path}/"));
    }
    not_found(&served)
}

fn redirect(to: &str) -> Response {
    Response::builder()
        .status(StatusCode::TEMPORARY_REDIRECT)
        .header(header::LOCATION, to)
        .body(Body::empty())
        .expect("response")
}

fn not_found(served: &Served) -> Response {
    match (&served.overlay, served.site.files.get("404.html")) {
        (Some(overlay), _) => html(StatusCode::NOT_FOUND, overlay.as_bytes()),
        (None, Some(page)) => html(StatusCode::NOT_FOUND, page),
        (None, None) => html(
            StatusCode::NOT_FOUND,
            b"<!doctype html><title>404</title><p>Not found</p>",
        ),
    }
}

fn html(status: StatusCode, bytes: &[u8]) -> Response {
    let mut response = Response::new(Body::from(inject_live_reload(bytes)));
    *response.status_mut() = status;
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

fn file_response(path: &str, bytes: Vec<u8>) -> Response {
    if path.ends_with(".html") {
        return html(StatusCode::OK, &bytes);
    }
    let mut response = Response::new(Body::from(bytes));
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(content_type(path)),
    );
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or_default() {
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml",
        "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "pdf" => "application/pdf",
        "wasm" => "application/wasm",
        _ => "application/octet-stream",
    }
}

/// Adds the live-reload script before `</body>`.
fn inject_live_reload(page: &[u8]) -> Vec<u8> {
    const TAG: &[u8] = b"<script src=\"/__signpost/live.js\"></script>";
    let at = page
        .windows(7)
        .rposition(|w| w.eq_ignore_ascii_case(b"</body>"))
        .unwrap_or(page.len());
    let mut out = Vec::with_capacity(page.len() + TAG.len());
    out.extend_from_slice(&page[..at]);
    out.extend_from_slice(TAG);
    out.extend_from_slice(&page[at..]);
    out
}

/// Holds the guide between rebuilds and decides what a change needs.
struct Engine {
    root: PathBuf,
    load_opts: LoadOptions,
    render_opts: RenderOptions,
    guide: Option<Guide>,
    renderer: Option<Renderer>,
    /// The last state had errors: the next good one re-renders everything.
    had_errors: bool,
    /// Bumped on every rebuild; a search index built for an older one is dropped.
    generation: Arc<AtomicU64>,
    /// Sends work to the one thread that builds search indexes.
    search_worker: std::sync::OnceLock<mpsc::Sender<(u64, Vec<crate::search::Record>)>>,
}

impl Engine {
    fn new(root: &Path, url: &str, opts: &ServeOptions) -> Self {
        Engine {
            root: root.to_path_buf(),
            load_opts: LoadOptions {
                render: true,
                base_url: Some(url.to_string()),
            },
            render_opts: RenderOptions {
                drafts: opts.drafts,
                today: opts.today,
            },
            guide: None,
            renderer: None,
            had_errors: false,
            generation: Arc::new(AtomicU64::new(0)),
            search_worker: std::sync::OnceLock::new(),
        }
    }

    fn base_path(&self) -> String {
        self.guide
            .as_ref()
            .map(|g| g.config.base_path())
            .unwrap_or_else(|| "/".into())
    }

    /// Loads, checks and renders everything (no search index yet).
    fn full(&mut self) -> (Served, Changed) {
        self.generation.fetch_add(1, Ordering::SeqCst);
        self.renderer = None;
        let guide = match content::load(&self.root, &self.load_opts) {
            Ok(g) => g,
            Err(e) => {
                eprintln!("signpost: {e}");
                self.guide = None;
                self.had_errors = true;
                return (
                    Served {
                        site: Site::default(),
                        overlay: Some(overlay_message(&e.to_string())),
                        base_path: "/".into(),
                    },
                    Changed::All,
                );
            }
        };
        self.guide = Some(guide);
        let served = self.render_served();
        (served, Changed::All)
    }

    /// Checks and renders every page afresh (no search index yet), or the error page.
    fn render_served(&mut self) -> Served {
        let base_path = self.base_path();
        let guide = self.guide.as_ref().expect("loaded");
        let checked = check_guide(guide, self.render_opts.today);
        self.had_errors = checked.is_err();
        let rendered = checked.and_then(|()| {
            if self.renderer.is_none() {
                self.renderer =
                    Some(Renderer::new(guide).map_err(|e| overlay_message(&e.to_string()))?);
            }
            let renderer = self.renderer.as_ref().expect("set");
            renderer
                .models(guide, &self.render_opts)
                .and_then(|models| renderer.site(&models))
                .map_err(|e| overlay_message(&e.to_string()))
        });
        let (site, overlay) = match rendered {
            Ok(site) => (site, None),
            Err(overlay) => (Site::default(), Some(overlay)),
        };
        Served {
            site,
            overlay,
            base_path,
        }
    }

    /// The current guide's search records, for the indexing thread.
    fn search_in_background(&self, shared: &Arc<Shared>) {
        let (Some(guide), Some(renderer)) = (&self.guide, &self.renderer) else {
            return;
        };
        if let Ok(models) = renderer.models(guide, &self.render_opts) {
            self.send_search(&models, shared);
        }
    }

    /// Hands the search index's records to the indexing thread, which builds the index
    /// once saves have paused and adds it to the site, unless a newer rebuild has started.
    fn send_search(&self, models: &[render::context::Model], shared: &Arc<Shared>) {
        if !models
            .first()
            .is_some_and(|m| m.guide.config.search.enabled)
        {
            return;
        }
        let records = render::search_records(models);
        let generation = self.generation.load(Ordering::SeqCst);
        let worker = self.search_worker.get_or_init(|| {
            let (tx, rx) = mpsc::channel::<(u64, Vec<crate::search::Record>)>();
            let current = Arc::clone(&self.generation);
            let shared = Arc::clone(shared);
            std::thread::spawn(move || search_worker(rx, &current, &shared));
            tx
        });
        let _ = worker.send((generation, records));
    }

    /// Follows the watcher until it stops.
    fn watch(
        &mut self,
        rx: mpsc::Receiver<notify::Event>,
        shared: &Arc<Shared>,
        rewatch: &mut dyn FnMut(),
    ) {
        while let Ok(first) = rx.recv() {
            let mut events = vec![first];
            // Editors save in several steps (write a temporary file, rename it over the
            // original): wait until the events stop for a moment.
            while let Ok(e) = rx.recv_timeout(Duration::from_millis(15)) {
                events.push(e);
            }
            let started = Instant::now();
            let change = self.classify(&events);
            let Some(change) = change else { continue };
            match change {
                Work::Full => {
                    rewatch();
                    let (served, changed) = self.full();
                    *shared.served.write().expect("lock") = served;
                    let _ = shared.events.send(changed.message());
                    eprintln!("Rebuilt everything in {} ms", started.elapsed().as_millis());
                    self.search_in_background(shared);
                }
                Work::Static => {
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
                        let mut served = shared.served.write().expect("lock");
                        served.site.copies = extras.copies;
                    }
                    let _ = shared.events.send(Changed::All.message());
                    eprintln!(
                        "Static files changed ({} ms)",
                        started.elapsed().as_millis()
                    );
                }
                Work::Markdown(paths) => {
                    self.markdown(&paths, shared, started);
                }
            }
        }
    }

    fn classify(&self, events: &[notify::Event]) -> Option<Work> {
        let mut markdown: BTreeSet<String> = BTreeSet::new();
        let mut static_change = false;
        for event in events {
            if event.kind.is_access() {
                continue;
            }
            for path in &event.paths {
                let Ok(rel) = path.strip_prefix(&self.root) else {
                    continue;
                };
                let rel = rel.to_string_lossy().replace('\\', "/");
                if rel == crate::config::FILE
                    || rel.starts_with("themes/") && !rel.contains("/static/")
                    || rel.starts_with("templates/")
                {
                    return Some(Work::Full);
                }
                if rel.starts_with("static/") || rel.starts_with("themes/") {
                    static_change = true;
                } else if let Some(in_content) = rel.strip_prefix("content/") {
                    if rel.ends_with(".md") {
                        if content::paths::classify(in_content).is_ok_and(|c| c.is_some()) {
                            markdown.insert(rel);
                        }
                    } else if path.is_dir() || is_folder_event(&event.kind) {
                        // A folder appeared or went away: areas may have changed.
                        return Some(Work::Full);
                    } else {
                        static_change = true;
                    }
                } else if rel == "content"
                    || ["static", "themes", "templates"].contains(&rel.as_str())
                {
                    return Some(Work::Full);
                }
            }
        }
        if !markdown.is_empty() {
            Some(Work::Markdown(markdown.into_iter().collect()))
        } else if static_change {
            Some(Work::Static)
        } else {
            None
        }
    }

    /// Re-reads changed Markdown files; renders the edited pages first, then what shows them.
    fn markdown(&mut self, paths: &[String], shared: &Arc<Shared>, started: Instant) {
        let (Some(guide), Some(_)) = (self.guide.as_mut(), self.renderer.as_ref()) else {
            let (served, changed) = self.full();
            *shared.served.write().expect("lock") = served;
            let _ = shared.events.send(changed.message());
            return;
        };
        self.generation.fetch_add(1, Ordering::SeqCst);
        let before: HashMap<String, Doc> = paths
            .iter()
            .filter_map(|p| {
                guide
                    .by_path
                    .get(p)
                    .map(|&i| (p.clone(), guide.docs[i].clone()))
            })
            .collect();
        guide.reload(paths, &self.load_opts);
        crate::timing("reload", started);

        let guide = self.guide.as_ref().expect("loaded");
        let renderer = self.renderer.as_ref().expect("loaded");
        let today = self.render_opts.today;
        // An edit of an entry that stays where it was: only the pages that show it change.
        // Anything else (a page, area or translation, a new or deleted file, the first good
        // state after errors) may change menus everywhere, so every page is rendered again.
        let entry_edit = !self.had_errors
            && paths.iter().all(|p| {
                let now = guide.by_path.get(p).map(|&i| &guide.docs[i]);
                matches!((now, before.get(p)), (Some(n), Some(o))
                    if n.role == Role::Entry && o.role == Role::Entry && n.area == o.area && !n.is_translation)
            });
        let models = match renderer.models(guide, &self.render_opts) {
            Ok(models) => models,
            Err(e) => {
                shared.served.write().expect("lock").overlay =
                    Some(overlay_message(&e.to_string()));
                let _ = shared.events.send(Changed::All.message());
                return;
            }
        };
        let first: Vec<PageKey> = paths
            .iter()
            .filter_map(|p| guide.by_path.get(p).map(|&i| PageKey::Doc(i)))
            .collect();
        // The saved files are judged first: when they are fine, their pages are shown at
        // once, and the whole guide is checked right after (a change can break a link
        // elsewhere).
        let shown_early = entry_edit
            && !crate::check::run_for(guide, paths, today)
                .iter()
                .any(|d| d.severity == diagnostics::Severity::Error)
            && publish(renderer, &models[0], &first, shared)
                .map(|urls| shared.events.send(Changed::Urls(urls).message()))
                .is_ok();
        crate::timing("first pages", started);

        let checked = check_guide(guide, today);
        self.had_errors = checked.is_err();
        if let Err(overlay) = checked {
            shared.served.write().expect("lock").overlay = Some(overlay);
            let _ = shared.events.send(Changed::All.message());
            eprintln!("{} has errors: the browser shows them", paths.join(", "));
            return;
        }
        if !entry_edit {
            // Pages may have appeared or gone: a fresh site, so nothing stale stays behind.
            let served = match renderer.site(&models) {
                Ok(site) => Served {
                    site,
                    overlay: None,
                    base_path: models[0].site.base_path.clone(),
                },
                Err(e) => Served {
                    site: Site::default(),
                    overlay: Some(overlay_message(&e.to_string())),
                    base_path: models[0].site.base_path.clone(),
                },
            };
            *shared.served.write().expect("lock") = served;
            let _ = shared.events.send(Changed::All.message());
            eprintln!(
                "{}: rebuilt every page in {} ms",
                paths.join(", "),
                started.elapsed().as_millis()
            );
            self.send_search(&models, shared);
            return;
        }
        let urls = match publish(renderer, &models[0], &first, shared) {
            Ok(urls) => urls,
            Err(overlay) => {
                shared.served.write().expect("lock").overlay = Some(overlay);
                let _ = shared.events.send(Changed::All.message());
                return;
            }
        };
        shared.served.write().expect("lock").overlay = None;
        if !shown_early {
            let _ = shared.events.send(Changed::Urls(urls.clone()).message());
        }
        let first_ms = started.elapsed().as_millis();
        // Then everything that shows them; the other languages list the entry too
        // (translated or with a note), so their pages follow in full.
        let mut rest_urls = publish(
            renderer,
            &models[0],
            &dependents(guide, &before, paths),
            shared,
        )
        .unwrap_or_default();
        for other in &models[1..] {
            rest_urls
                .extend(publish(renderer, other, &other.page_keys(), shared).unwrap_or_default());
        }
        let mut extras = Site::default();
        if renderer.extras(&models, &mut extras).is_ok() {
            let mut served = shared.served.write().expect("lock");
            for (path, bytes) in extras.files {
                served.site.replace(path, bytes);
            }
            served.site.copies = extras.copies;
        }
        if !rest_urls.is_empty() {
            let _ = shared
                .events
                .send(Changed::Urls(rest_urls.clone()).message());
        }
        eprintln!(
            "{}: {} reloaded in {first_ms} ms, {} more pages in {} ms",
            paths.join(", "),
            urls.join(", "),
            rest_urls.len(),
            started.elapsed().as_millis()
        );
        self.send_search(&models, shared);
    }
}

/// Builds search indexes one at a time: waits until no newer request has come for a
/// moment (an editor saving again), builds the newest, and publishes it if nothing has
/// changed since. At 10,000 entries an index takes seconds; the pages never wait for it.
fn search_worker(
    rx: mpsc::Receiver<(u64, Vec<crate::search::Record>)>,
    current: &AtomicU64,
    shared: &Arc<Shared>,
) {
    while let Ok(mut job) = rx.recv() {
        loop {
            match rx.recv_timeout(Duration::from_millis(1500)) {
                Ok(newer) => job = newer,
                Err(mpsc::RecvTimeoutError::Timeout) => break,
                Err(mpsc::RecvTimeoutError::Disconnected) => return,
            }
        }
        let (generation, records) = job;
        if current.load(Ordering::SeqCst) != generation {
            continue;
        }
        let files = crate::search::build(records);
        if current.load(Ordering::SeqCst) != generation {
            continue;
        }
        match files {
            Ok(files) => {
                let mut served = shared.served.write().expect("lock");
                served.site.files.retain(|p, _| !p.starts_with("pagefind/"));
                for (path, bytes) in files {
                    served.site.replace(path, bytes);
                }
            }
            Err(e) => eprintln!("signpost: the search index could not be built: {e}"),
        }
    }
}

fn is_folder_event(kind: &notify::EventKind) -> bool {
    use notify::event::{CreateKind, RemoveKind};
    matches!(
        kind,
        notify::EventKind::Create(CreateKind::Folder)
            | notify::EventKind::Remove(RemoveKind::Folder)
    )
}

enum Work {
    Full,
    Static,
    Markdown(Vec<String>),
}

/// Checks the whole guide and prints what it finds; the diagnostics page when it has
/// errors.
fn check_guide(guide: &Guide, today: NaiveDate) -> Result<(), String> {
    let report = Report::new(crate::check::run(guide, today), guide.files_read, false);
    if !report.diagnostics.is_empty() {
        let text = diagnostics::render(
            &report,
            Format::Human,
            false,
            &|p| guide.source(p).map(str::to_owned),
            "",
        );
        eprint!("{text}");
    }
    if report.has_errors() {
        return Err(overlay_page(&report, guide));
    }
    Ok(())
}

/// Renders pages and puts them in the served site; returns their URLs.
fn publish(
    renderer: &Renderer,
    model: &render::context::Model,
    keys: &[PageKey],
    shared: &Arc<Shared>,
) -> Result<Vec<String>, String> {
    let pages = renderer
        .pages(model, keys)
        .map_err(|e| overlay_message(&e.to_string()))?;
    let base = model.site.base_path.clone();
    let mut served = shared.served.write().expect("lock");
    let mut urls = Vec::with_capacity(pages.len());
    for (path, bytes, _) in pages {
        let url = format!("{base}{}", path.strip_suffix("index.html").unwrap_or(&path));
        urls.push(url);
        served.site.replace(path, bytes);
    }
    Ok(urls)
}

/// The pages that show an entry: its area, the home page, the lists, its tags' pages, and
/// the entries it points at or that point at it (their cards show its title).
fn dependents(guide: &Guide, before: &HashMap<String, Doc>, paths: &[String]) -> Vec<PageKey> {
    let mut keys: BTreeSet<PageKey> = BTreeSet::from([
        PageKey::Home,
        PageKey::Challenges,
        PageKey::Solutions,
        PageKey::OpenChallenges,
        PageKey::Tags,
    ]);
    let mut ids: BTreeSet<String> = BTreeSet::new();
    for doc in paths
        .iter()
        .filter_map(|p| guide.by_path.get(p).map(|&i| &guide.docs[i]))
        .chain(before.values())
    {
        if let Some(a) = &doc.area {
            keys.insert(PageKey::Area(a.clone()));
        }
        for t in &doc.meta.tags {
            keys.insert(PageKey::Tag(slugify_id(t)));
        }
        ids.insert(doc.id.clone());
        ids.extend(doc.meta.related.iter().map(|r| r.value.clone()));
        ids.extend(doc.meta.addresses.iter().map(|r| r.value.clone()));
    }
    let changed_ids: BTreeSet<&str> = paths
        .iter()
        .filter_map(|p| guide.by_path.get(p).map(|&i| guide.docs[i].id.as_str()))
        .collect();
    for (i, d) in guide.docs.iter().enumerate() {
        let points_at_changed = d
            .meta
            .related
            .iter()
            .chain(&d.meta.addresses)
            .any(|r| changed_ids.contains(r.value.as_str()));
        if points_at_changed || (ids.contains(&d.id) && !changed_ids.contains(d.id.as_str())) {
            keys.insert(PageKey::Doc(i));
        }
    }
    keys.into_iter().collect()
}

const OVERLAY_STYLE: &str = "body{font:1rem/1.5 system-ui,sans-serif;margin:0;background:#fff;color:#1b1b1b}\
main{max-width:60rem;margin:0 auto;padding:1rem}h1{color:#a00000}\
li{margin:0 0 1.25rem;padding:.75rem 1rem;border-left:6px solid #a00000;background:#fbeaea;list-style:none}\
li.warning{border-color:#8a6100;background:#fff4ce}pre{white-space:pre-wrap;margin:.5rem 0 0;font-size:.95rem}\
ul{padding:0}code{font-weight:700}";

/// The page shown instead of the site while the guide has errors.
fn overlay_page(report: &Report, guide: &Guide) -> String {
    let mut items = String::new();
    for d in &report.diagnostics {
        let severity = match d.severity {
            diagnostics::Severity::Error => "error",
            diagnostics::Severity::Warning => "warning",
        };
        let place = match (&d.file, d.line, d.column) {
            (Some(f), Some(l), Some(c)) => format!("{f}:{l}:{c}"),
            (Some(f), Some(l), None) => format!("{f}:{l}"),
            (Some(f), _, _) => f.clone(),
            _ => String::new(),
        };
        let line = d
            .file
            .as_deref()
            .zip(d.line)
            .and_then(|(f, l)| guide.source(f).and_then(|s| s.lines().nth(l as usize - 1)))
            .map(|l| format!("<pre>{}</pre>", escape_markup(l)))
            .unwrap_or_default();
        let hint = d
            .hint
            .as_deref()
            .map(|h| format!("<p>{}</p>", escape_markup(h)))
            .unwrap_or_default();
        items.push_str(&format!(
            "<li class=\"{severity}\"><p><code>{}</code> {severity}[{}]: {}</p>{line}{hint}</li>",
            escape_markup(&place),
            d.code,
            escape_markup(&d.message)
        ));
    }
    format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>Errors – signpost</title><style>{OVERLAY_STYLE}</style></head><body><main>\
         <h1>The guide has errors</h1><p>{}. Fix them and save: this page reloads by itself.</p><ul>{items}</ul></main></body></html>",
        escape_markup(&report.summary_line())
    )
}

/// The error page for a problem that is not a diagnostic (theme, config, output).
fn overlay_message(message: &str) -> String {
    format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Error – signpost</title>\
         <style>{OVERLAY_STYLE}</style></head><body><main><h1>The site cannot be built</h1>\
         <ul><li><pre>{}</pre></li></ul><p>Fix it and save: this page reloads by itself.</p></main></body></html>",
        escape_markup(message)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_servers_own_names_are_answered() {
        let local: IpAddr = "127.0.0.1".parse().unwrap();
        let ok =
            |h: &str, bind: IpAddr| host_allowed(Some(&HeaderValue::from_str(h).unwrap()), bind);
        for h in [
            "127.0.0.1:1111",
            "localhost:1111",
            "LOCALHOST",
            "[::1]:1111",
            "127.0.0.2",
        ] {
            assert!(ok(h, local), "{h}");
        }
        for h in [
            "evil.example",
            "evil.example:1111",
            "localhost.evil.example",
            "192.168.1.5:1111",
            "[::1]x",
            "",
        ] {
            assert!(!ok(h, local), "{h}");
        }
        assert!(!host_allowed(None, local));
        let lan: IpAddr = "192.168.1.5".parse().unwrap();
        assert!(ok("192.168.1.5:1111", lan));
        assert!(!ok("192.168.1.6:1111", lan));
        let all: IpAddr = "0.0.0.0".parse().unwrap();
        assert!(
            ok("10.0.0.7:1111", all),
            "any address when listening on all of them"
        );
        assert!(!ok("rebound.example:1111", all), "never a name");
    }

    #[test]
    fn live_reload_goes_before_the_end_of_body() {
        let out = inject_live_reload(b"<html><body><p>x</p></body></html>");
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "<html><body><p>x</p><script src=\"/__signpost/live.js\"></script></body></html>"
        );
    }
}
