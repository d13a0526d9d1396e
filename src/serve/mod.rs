//! `serve`: the live preview editors write against.
//!
//! The site is built (drafts included unless `--no-drafts`) into a private temporary
//! folder and served over HTTP on the loopback address; after every save the browser
//! reloads the pages that changed. Nothing is written anywhere else. Five parts, each in
//! its own file:
//!
//! - `http.rs`: answering requests from the site, the live-reload event stream, the error
//!   page shown while the guide has errors, and removing the folder when stopped;
//! - `folder.rs`: the rendered pages and search index on disk, in the temporary folder;
//! - `watch.rs`: following the guide's folders (notify) and sorting what changed into work:
//!   everything, static files only, or some Markdown files;
//! - `plan.rs`: which pages a Markdown change touches, a pure function of the change and of
//!   render's own account of which pages show which document ([`crate::render::ShownOn`]);
//! - `engine.rs`: the guide, the renderer and the served site between saves, carrying out
//!   the plan (the edited page first, the rest after), and the search index in the
//!   background.
//!
//! This file only wires them together.

mod engine;
mod folder;
mod http;
mod plan;
mod watch;

use std::net::{IpAddr, SocketAddr};
use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

use chrono::NaiveDate;

use crate::i18n::{Lang, Msg};
use crate::msg;

use engine::Engine;
use http::Shared;

#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub bind: IpAddr,
    /// 0 picks a free port.
    pub port: u16,
    pub drafts: bool,
    pub open: bool,
    pub today: NaiveDate,
    /// `--lang`: the language of the messages (default: the guide's, else English).
    pub lang: Option<Lang>,
}

/// Builds the guide, serves it, and rebuilds on every change until the process is stopped.
pub fn run(root: &Path, opts: ServeOptions) -> Result<(), Msg> {
    // The watcher reports absolute paths, with symbolic links resolved on some systems;
    // `.`, `guide/../guide` or a link to the folder would never match them. The folder's
    // one canonical spelling is used everywhere from here on.
    // (A folder that cannot be resolved is reported by the load below, as by `check`.)
    let root = &std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let (config, _, _) = crate::content::load::read_config(root).map_err(|e| e.msg())?;
    let lang = Lang::for_guide(opts.lang, &config.default_language);
    let base_path = config.base_path();
    let listener =
        std::net::TcpListener::bind(SocketAddr::new(opts.bind, opts.port)).map_err(|e| {
            msg!(
                "serve-cannot-listen",
                address = format!("{}:{}", opts.bind, opts.port),
                error = e.to_string()
            )
        })?;
    let addr = listener
        .local_addr()
        .map_err(|e| msg!("verbatim", text = e.to_string()))?;
    let url = format!("http://{addr}{base_path}");

    let mut engine = Engine::new(root, &url, &opts);
    let started = Instant::now();
    let served = engine.full();
    eprintln!(
        "{}",
        msg!("serve-built", ms = started.elapsed().as_millis() as u64).text(lang)
    );
    let shared = Arc::new(Shared::new(served, opts.bind, root));
    engine.search_in_background(&shared);

    let (watcher, changes) =
        watch::start(root, engine.waiting()).map_err(|e| msg!("verbatim", text = e))?;
    let watch_shared = Arc::clone(&shared);
    let (rewatcher, watch_root) = (Arc::clone(&watcher), root.to_path_buf());
    std::thread::spawn(move || {
        let mut rewatch = || {
            let mut w = rewatcher.lock().unwrap_or_else(|e| e.into_inner());
            if let Err(e) = watch::watch_sources(&mut *w, &watch_root) {
                eprintln!("{e}");
            }
        };
        engine.follow(changes, &watch_shared, &mut rewatch)
    });

    println!("{}", msg!("serve-serving", url = url.as_str()).text(lang));
    if opts.open {
        if let Err(e) = open::that_detached(&url) {
            let says = msg!(
                "serve-no-browser",
                error = e.to_string(),
                url = url.as_str()
            );
            eprintln!("{}", says.text(lang));
        }
    }
    let served = http::serve(listener, shared).map_err(|e| msg!("verbatim", text = e));
    drop(watcher);
    served
}
