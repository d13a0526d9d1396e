//! Rendering: the Guide → the site as in-memory files.
//!
//! One explicit context per page kind (home, area, challenge, solution, page, lists, tags,
//! search, 404), rendered with the theme's Tera templates in parallel. Feeds, sitemap,
//! robots.txt and alias redirects are in `feeds.rs`. Nothing here touches the output folder:
//! the result is a [`Site`], written by `output.rs`.

pub mod context;
mod feeds;
pub mod sanitize;
pub mod templates;

use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;

use chrono::NaiveDate;
use rayon::prelude::*;
use tera::Tera;

use crate::content::Guide;
use context::{Model, PageCtx};

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
}

impl fmt::Display for RenderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RenderError::Theme(m) | RenderError::Search(m) => f.write_str(m),
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

    fn claim(&mut self, path: &str, origin: &str) -> Result<(), RenderError> {
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

    /// The bytes of a generated file.
    pub fn get(&self, path: &str) -> Option<&[u8]> {
        self.files.get(path).map(Vec::as_slice)
    }
}

/// Renders the whole site.
pub fn render(guide: &Guide, opts: &RenderOptions) -> Result<Site, RenderError> {
    let t = std::time::Instant::now();
    let tera = templates::load(&guide.root, &guide.config.theme)?;
    let strings = templates::strings(
        &guide.root,
        &guide.config.theme,
        &guide.config.default_language,
    )?;
    let model = Model::new(guide, opts, strings);
    let pages = model.pages();
    crate::timing("pages", t);

    std::thread::scope(|scope| {
        // The search index is built beside the rendering, from text already in memory.
        let search = guide.config.search.enabled.then(|| {
            let records = model.search_records();
            scope.spawn(move || {
                let t = std::time::Instant::now();
                let files = crate::search::build(records);
                crate::timing("search", t);
                files
            })
        });
        let mut site = render_pages(&tera, &model, &pages)?;
        crate::timing("templates", t);
        feeds::add_all(&tera, &model, &mut site)?;
        copy_static(guide, &model, &mut site)?;
        if let Some(handle) = search {
            let files = handle
                .join()
                .map_err(|_| RenderError::Search("the search indexer stopped unexpectedly".into()))?
                .map_err(RenderError::Search)?;
            for (path, bytes) in files {
                site.add(path, bytes, "the search index")?;
            }
        }
        Ok(site)
    })
}

fn render_pages(tera: &Tera, model: &Model, pages: &[PageCtx]) -> Result<Site, RenderError> {
    // `site` is the same on every page: put it in a context once per worker thread and
    // only swap `page` in for each page (serialising the site per page doubled the cost).
    let mut base = tera::Context::new();
    base.insert("site", &model.site);
    let rendered: Vec<Result<Rendered, RenderError>> = pages
        .par_iter()
        .map_init(|| base.clone(), |ctx, p| render_page(tera, ctx, p))
        .collect();
    let mut site = Site::default();
    for r in rendered {
        let (path, bytes, origin) = r?;
        site.add(path, bytes, &origin)?;
        site.pages += 1;
    }
    Ok(site)
}

/// A rendered page: output path, bytes, and what produced it.
type Rendered = (String, Vec<u8>, String);

fn render_page(
    tera: &Tera,
    ctx: &mut tera::Context,
    page: &PageCtx,
) -> Result<Rendered, RenderError> {
    ctx.insert("page", page);
    let html = tera
        .render(&page.template, ctx)
        .map_err(|e| RenderError::Template {
            page: format!("{} with `{}`", page.origin, page.template),
            message: templates::error_chain(&e),
        })?;
    Ok((page.output.clone(), html.into_bytes(), page.origin.clone()))
}

/// Theme static files, the guide's `static/`, and the assets of built entries.
fn copy_static(guide: &Guide, model: &Model, site: &mut Site) -> Result<(), RenderError> {
    let theme_static = templates::theme_dir(&guide.root, &guide.config.theme).join("static");
    let own_static = guide.root.join("static");
    // The guide's static/ wins over the theme's for the same path.
    let mut statics: BTreeMap<String, (PathBuf, &str)> = BTreeMap::new();
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
