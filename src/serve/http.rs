//! The HTTP side of `serve`: pages and files from the site (its folder and memory), the live-reload
//! script and event stream, and the error page shown instead of every page while the
//! guide has errors.
//!
//! It only reads what the engine puts in [`Shared`]; it never builds anything.

use std::convert::Infallible;
use std::net::IpAddr;
use std::sync::{Arc, RwLock};

use axum::body::Body;
use axum::extract::State as AxumState;
use axum::http::{header, HeaderValue, Request, StatusCode};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use tokio::sync::broadcast;
use tokio_stream::wrappers::BroadcastStream;
use tokio_stream::StreamExt;

use crate::content::Guide;
use crate::diagnostics::{self, Report};
use crate::i18n::{t, Lang};
use crate::routes;
use crate::site::Site;
use crate::text::escape_markup;

/// What the HTTP side serves; replaced piece by piece by the rebuilds.
pub(super) struct Served {
    /// Everything but the pages when they are in `pages`: feeds, sitemap, static files.
    pub site: Site,
    /// The rendered pages and the search index, on disk (`folder.rs`).
    pub pages: Option<Arc<super::folder::Folder>>,
    /// The diagnostics page shown instead of every page while the guide has errors.
    pub overlay: Option<String>,
    pub base_path: String,
}

impl Served {
    /// A generated file: a page, the search index, a feed.
    pub fn get(&self, path: &str) -> Option<Vec<u8>> {
        match self.site.files.get(path) {
            Some(bytes) => Some(bytes.clone()),
            None => self.pages.as_ref()?.get(path),
        }
    }

    fn contains(&self, path: &str) -> bool {
        self.site.files.contains_key(path) || self.pages.as_ref().is_some_and(|p| p.contains(path))
    }

    /// Takes a page away (a page past the new end of a list).
    pub fn remove(&mut self, path: &str) {
        self.site.remove(path);
        if let Some(pages) = &self.pages {
            pages.remove_behind(path);
        }
    }
}

/// The served site and the live-reload channel, shared by the engine and the HTTP side.
pub(super) struct Shared {
    pub served: RwLock<Served>,
    events: broadcast::Sender<String>,
    /// The address the server listens on, for [`host_allowed`].
    bind: IpAddr,
    /// Static files and assets are read when asked for: only inside the guide, only
    /// regular files (a link swapped in after the build is refused too).
    jail: Option<crate::fs_guard::Jail>,
}

impl Shared {
    pub fn new(served: Served, bind: IpAddr, root: &std::path::Path) -> Self {
        Shared {
            served: RwLock::new(served),
            events: broadcast::channel(256).0,
            bind,
            jail: crate::fs_guard::Jail::new(root).ok(),
        }
    }

    /// Tells the browsers which pages to reload.
    pub fn reload(&self, changed: Changed) {
        let _ = self.events.send(changed.message());
    }

    /// The served site, for writing.
    pub fn write(&self) -> std::sync::RwLockWriteGuard<'_, Served> {
        self.served.write().unwrap_or_else(|e| e.into_inner())
    }

    /// The served site, for reading.
    pub fn read(&self) -> std::sync::RwLockReadGuard<'_, Served> {
        self.served.read().unwrap_or_else(|e| e.into_inner())
    }
}

/// Addresses (with the base path) that changed, or everything.
pub(super) enum Changed {
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

/// Answers requests on `listener` until the process stops.
pub(super) fn serve(listener: std::net::TcpListener, shared: Arc<Shared>) -> Result<(), String> {
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
        tokio::spawn(stop_on(tokio::signal::ctrl_c(), 130));
        #[cfg(unix)]
        if let Ok(mut term) =
            tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            tokio::spawn(stop_on(async move { term.recv().await }, 143));
        }
        axum::serve(listener, app).await.map_err(|e| e.to_string())
    })
}

/// When `signal` comes (Ctrl-C, or a `kill`), removes the pages' folders and ends the
/// process with the status the signal would have given it.
async fn stop_on<T>(signal: impl std::future::Future<Output = T>, status: i32) {
    signal.await;
    super::folder::remove_all();
    std::process::exit(status);
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
    let served = shared.read();
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
    let file = if rel.is_empty() || rel.ends_with('/') {
        routes::output(rel)
    } else {
        rel.to_string()
    };
    if let Some(bytes) = served.get(&file) {
        return file_response(&file, bytes);
    }
    if let (Some(src), Some(jail)) = (served.site.copies.get(&file), &shared.jail) {
        if let Ok(bytes) = jail.read(src, u64::MAX) {
            return file_response(&file, bytes);
        }
    }
    if served.contains(&routes::output(&format!("{rel}/"))) {
        return redirect(&format!("{path}/"));
    }
    not_found(&served)
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

fn redirect(to: &str) -> Response {
    Response::builder()
        .status(StatusCode::TEMPORARY_REDIRECT)
        .header(header::LOCATION, to)
        .body(Body::empty())
        .expect("response")
}

fn not_found(served: &Served) -> Response {
    match (&served.overlay, served.get(routes::NOT_FOUND).as_deref()) {
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
    let mime = mime_guess::from_path(path).first_or_octet_stream();
    let value = match mime.type_() {
        // Text as UTF-8, as the build writes it.
        mime_guess::mime::TEXT if mime.get_param("charset").is_none() => {
            format!("{mime}; charset=utf-8")
        }
        _ if mime.subtype() == mime_guess::mime::JAVASCRIPT => {
            "text/javascript; charset=utf-8".to_string()
        }
        _ => mime.to_string(),
    };
    if let Ok(value) = HeaderValue::from_str(&value) {
        response.headers_mut().insert(header::CONTENT_TYPE, value);
    }
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
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

const OVERLAY_STYLE: &str = "body{font:1rem/1.5 system-ui,sans-serif;margin:0;background:#fff;color:#1b1b1b}\
main{max-width:60rem;margin:0 auto;padding:1rem}h1{color:#a00000}\
li{margin:0 0 1.25rem;padding:.75rem 1rem;border-left:6px solid #a00000;background:#fbeaea;list-style:none}\
li.warning{border-color:#8a6100;background:#fff4ce}pre{white-space:pre-wrap;margin:.5rem 0 0;font-size:.95rem}\
ul{padding:0}code{font-weight:700}";

/// The page shown instead of the site while the guide has errors.
pub(super) fn overlay_page(report: &Report, guide: &Guide, lang: Lang) -> String {
    let mut items = String::new();
    for d in &report.diagnostics {
        let (severity, label) = match d.severity {
            diagnostics::Severity::Error => ("error", t(lang, "label-error")),
            diagnostics::Severity::Warning => ("warning", t(lang, "label-warning")),
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
            .as_ref()
            .map(|h| {
                format!(
                    "<p>{}: {}</p>",
                    escape_markup(&t(lang, "label-hint")),
                    escape_markup(&h.text(lang))
                )
            })
            .unwrap_or_default();
        items.push_str(&format!(
            "<li class=\"{severity}\"><p><code>{}</code> {}[{}]: {}</p>{line}{hint}</li>",
            escape_markup(&place),
            escape_markup(&label),
            d.code,
            escape_markup(&d.message.text(lang))
        ));
    }
    format!(
        "<!doctype html><html lang=\"{}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{} – signpost</title><style>{OVERLAY_STYLE}</style></head><body><main>\
         <h1>{}</h1><p>{}. {}</p><ul>{items}</ul></main></body></html>",
        lang.code(),
        escape_markup(&t(lang, "overlay-errors-title")),
        escape_markup(&t(lang, "overlay-errors-heading")),
        escape_markup(&report.summary_line(lang)),
        escape_markup(&t(lang, "overlay-errors-fix")),
    )
}

/// The error page for a problem that is not a diagnostic (theme, config, output).
pub(super) fn overlay_message(message: &str, lang: Lang) -> String {
    format!(
        "<!doctype html><html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{} – signpost</title>\
         <style>{OVERLAY_STYLE}</style></head><body><main><h1>{}</h1>\
         <ul><li><pre>{}</pre></li></ul><p>{}</p></main></body></html>",
        lang.code(),
        escape_markup(&t(lang, "overlay-error-title")),
        escape_markup(&t(lang, "overlay-error-heading")),
        escape_markup(message),
        escape_markup(&t(lang, "overlay-error-fix")),
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

    #[test]
    fn files_get_their_content_types() {
        let ty = |p: &str| {
            file_response(p, Vec::new()).headers()[header::CONTENT_TYPE]
                .to_str()
                .unwrap()
                .to_string()
        };
        assert_eq!(ty("assets/signpost.css"), "text/css; charset=utf-8");
        assert_eq!(ty("assets/search.js"), "text/javascript; charset=utf-8");
        assert_eq!(ty("search/data/sv/manifest.json"), "application/json");
        assert_eq!(ty("feed.xml"), "text/xml; charset=utf-8");
        assert_eq!(ty("bild.png"), "image/png");
        assert_eq!(ty("x.wasm"), "application/wasm");
        assert_eq!(ty("rapport.pdf"), "application/pdf");
        assert_eq!(ty("search/data/sv/t/0.bin"), "application/octet-stream");
    }
}
