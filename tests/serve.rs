//! `signpost serve` end to end: a real server process on a free port, a real file
//! watcher, a real HTTP client and the live-reload event stream, on a copy of the sample
//! guide in a temporary folder.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

struct Server {
    child: Child,
    /// `127.0.0.1:port`
    addr: String,
    events: mpsc::Receiver<String>,
}

impl Drop for Server {
    /// Stops the server as Ctrl-C would, so it removes its pages' folder; kills it if it
    /// has not stopped within five seconds.
    fn drop(&mut self) {
        #[cfg(unix)]
        {
            // SAFETY: sends a signal to the child process this test started.
            unsafe { libc::kill(self.child.id() as i32, libc::SIGTERM) };
            for _ in 0..50 {
                if let Ok(Some(_)) = self.child.try_wait() {
                    return;
                }
                std::thread::sleep(Duration::from_millis(100));
            }
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `serve` as docs/serve.md tells editors to: from inside the guide folder, with no
/// `--root`.
fn start(root: &Path) -> Server {
    start_from(root, None)
}

/// Starts `serve` in the folder `cwd`, with `--root ROOT` when given.
fn start_from(cwd: &Path, root: Option<&Path>) -> Server {
    // The tests read the English messages (the guides are Swedish).
    start_in(cwd, root, Some("en"))
}

/// Starts `serve` in `cwd` with `--lang LANG` when given (else the guide's language).
fn start_in(cwd: &Path, root: Option<&Path>, lang: Option<&str>) -> Server {
    start_with(cwd, root, lang, None)
}

/// [`start_in`], with `TMPDIR` set to `tmp` when given.
fn start_with(cwd: &Path, root: Option<&Path>, lang: Option<&str>, tmp: Option<&Path>) -> Server {
    let mut command = Command::new(env!("CARGO_BIN_EXE_signpost"));
    command.current_dir(cwd);
    if let Some(tmp) = tmp {
        command.env("TMPDIR", tmp);
    }
    if let Some(lang) = lang {
        command.args(["--lang", lang]);
    }
    if let Some(root) = root {
        command.arg("--root").arg(root);
    }
    let mut child = command
        .args(["serve", "--port", "0", "--today", "2026-11-21"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let url = line
        .split_once("http://")
        .map(|(_, url)| url)
        .unwrap_or_else(|| panic!("unexpected first line: {line:?}"));
    let addr = url.split('/').next().unwrap().to_string();
    // Follow the live-reload stream as a browser does.
    let (tx, events) = mpsc::channel();
    let mut stream = TcpStream::connect(&addr).unwrap();
    write!(
        stream,
        "GET /__signpost/events HTTP/1.1\r\nHost: {addr}\r\nAccept: text/event-stream\r\n\r\n"
    )
    .unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stream).lines() {
            let Ok(line) = line else { break };
            if let Some(data) = line.strip_prefix("data: ") {
                if tx.send(data.to_string()).is_err() {
                    break;
                }
            }
        }
    });
    // The server's first message says the stream is subscribed to every change after it.
    let hello = events
        .recv_timeout(Duration::from_secs(10))
        .expect("the event stream opens");
    assert_eq!(hello, "{\"connected\":true}");
    Server {
        child,
        addr,
        events,
    }
}

/// (status, body) of a GET.
fn get(addr: &str, path: &str) -> (u16, String) {
    get_as(addr, addr, path)
}

/// (status, body) of a GET sent to `addr` with `Host: host`.
fn get_as(addr: &str, host: &str, path: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(addr).unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).unwrap();
    let text = String::from_utf8_lossy(&response).into_owned();
    let status = text[9..12].parse().unwrap();
    let body = text.split_once("\r\n\r\n").map(|x| x.1).unwrap_or_default();
    (status, body.to_string())
}

impl Server {
    /// Waits for a live-reload event that names `url` (or reloads everything).
    fn expect_reload(&self, url: &str) -> String {
        loop {
            let event = self
                .events
                .recv_timeout(Duration::from_secs(10))
                .unwrap_or_else(|_| panic!("no reload event for {url} within 10 s"));
            if event.contains("\"all\":true") || event.contains(&format!("\"{url}\"")) {
                return event;
            }
        }
    }

    /// Waits for a live-reload event that reloads everything.
    fn expect_all(&self) {
        loop {
            let event = self
                .events
                .recv_timeout(Duration::from_secs(10))
                .unwrap_or_else(|_| panic!("no reload of everything within 10 s"));
            if event.contains("\"all\":true") {
                return;
            }
        }
    }

    fn page(&self, path: &str) -> (u16, String) {
        get(&self.addr, path)
    }
}

const ENTRY: &str = "content/aldreomsorg/nyckelhantering-hemtjanst.md";
const URL: &str = "/guide/aldreomsorg/nyckelhantering-hemtjanst/";

fn edit(root: &Path, file: &str, from: &str, to: &str) {
    let path = root.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{from} not in {file}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn an_edit_reloads_the_page_with_the_new_text() {
    let guide = common::sample_guide();
    let server = start(guide.path());
    let (status, body) = server.page(URL);
    assert_eq!(status, 200);
    assert!(body.contains("<h1>Fysiska nycklar i hemtjänsten tar tid och skapar risker</h1>"));
    assert!(
        body.contains("/__signpost/live.js"),
        "pages carry the live-reload script"
    );

    edit(
        guide.path(),
        ENTRY,
        "title: Fysiska nycklar i hemtjänsten tar tid och skapar risker",
        "title: Nycklarna tar tid",
    );
    let event = server.expect_reload(URL);
    assert!(
        !event.contains("\"all\""),
        "an entry's edit reloads its page, not everything: {event}"
    );
    let (_, body) = server.page(URL);
    assert!(body.contains("<h1>Nycklarna tar tid</h1>"));
    // Then the pages that show it follow: its area lists it under the new title.
    server.expect_reload("/guide/aldreomsorg/");
    let (_, area) = server.page("/guide/aldreomsorg/");
    assert!(area.contains("Nycklarna tar tid"));
}

#[test]
fn every_spelling_of_the_guide_folder_notices_a_save() {
    let guide = common::sample_guide();
    let parent = guide.path().parent().unwrap();
    let name = guide.path().file_name().unwrap();
    let link = tempfile::tempdir().unwrap();
    let linked = link.path().join("guide-link");
    std::os::unix::fs::symlink(guide.path(), &linked).unwrap();
    let content = guide.path().join("content");
    let spellings: [(&str, &Path, Option<&Path>); 5] = [
        ("`.` (the default)", guide.path(), None),
        ("a relative path", parent, Some(Path::new(name))),
        ("an absolute path", &content, Some(guide.path())),
        ("a path with `..`", &content, Some(Path::new(".."))),
        ("a symbolic link", link.path(), Some(&linked)),
    ];
    for (i, (spelling, cwd, root)) in spellings.into_iter().enumerate() {
        let server = start_from(cwd, root);
        let title = format!("Nycklarna tar tid {i}");
        let text = std::fs::read_to_string(guide.path().join(ENTRY)).unwrap();
        let old = text
            .lines()
            .find(|l| l.starts_with("title: "))
            .unwrap()
            .to_string();
        edit(guide.path(), ENTRY, &old, &format!("title: {title}"));
        server.expect_reload(URL);
        let (_, body) = server.page(URL);
        assert!(
            body.contains(&format!("<h1>{title}</h1>")),
            "serve with {spelling} shows the saved text"
        );
    }
}

/// A Swedish guide's editors get the error page in Swedish, without asking for it.
#[test]
fn the_error_page_speaks_the_guides_language() {
    let guide = common::sample_guide();
    let server = start_in(guide.path(), None, None);
    edit(guide.path(), ENTRY, "title: Fysiska", "titel: Fysiska");
    server.expect_reload(URL);
    let (_, body) = server.page(URL);
    for said in [
        "<html lang=\"sv\">",
        "<h1>Guiden har fel</h1>",
        "okänt fält `titel`",
        "tips: menade du `title`?",
        "Rätta dem och spara",
    ] {
        assert!(body.contains(said), "{said}: {body}");
    }
}

#[test]
fn broken_front_matter_shows_the_errors_until_it_is_fixed() {
    let guide = common::sample_guide();
    let server = start(guide.path());
    edit(guide.path(), ENTRY, "title: Fysiska", "titel: Fysiska");
    server.expect_reload(URL);
    let (_, body) = server.page(URL);
    assert!(body.contains("The guide has errors"), "{body}");
    assert!(
        body.contains(&format!("{ENTRY}:3:1")),
        "names file, line and column: {body}"
    );
    assert!(body.contains("unknown field `titel`"));
    assert!(
        body.contains("/__signpost/live.js"),
        "the error page reloads by itself too"
    );
    // Every page shows the errors, not a stale site.
    assert!(server.page("/guide/").1.contains("The guide has errors"));

    edit(guide.path(), ENTRY, "titel: Fysiska", "title: Fysiska");
    server.expect_reload(URL);
    let (status, body) = server.page(URL);
    assert_eq!(status, 200);
    assert!(body.contains("<h1>Fysiska nycklar i hemtjänsten tar tid och skapar risker</h1>"));
}

#[test]
fn added_and_deleted_files_appear_and_disappear() {
    let guide = common::sample_guide();
    let server = start(guide.path());
    let new = guide.path().join("content/skola/ny-utmaning.md");
    std::fs::write(
        &new,
        "---\ntype: challenge\ntitle: En ny utmaning\nsummary: Kort.\nstatus: draft\n---\nText.\n",
    )
    .unwrap();
    server.expect_reload("/guide/skola/ny-utmaning/");
    let (status, body) = server.page("/guide/skola/ny-utmaning/");
    assert_eq!(status, 200);
    assert!(body.contains("<h1>En ny utmaning</h1>"));
    assert!(
        body.contains("Utkast"),
        "drafts are shown with their banner in the preview"
    );
    // Its page is shown first; then every page is made again, and its area lists it.
    server.expect_all();
    assert!(server.page("/guide/skola/").1.contains("En ny utmaning"));

    std::fs::remove_file(&new).unwrap();
    server.expect_reload("/guide/skola/ny-utmaning/");
    let (status, _) = server.page("/guide/skola/ny-utmaning/");
    assert_eq!(status, 404);
}

#[test]
fn the_sub_path_is_kept_and_the_root_redirects_to_it() {
    let guide = common::sample_guide();
    let server = start(guide.path());
    let mut stream = TcpStream::connect(&server.addr).unwrap();
    write!(
        stream,
        "GET / HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
        server.addr
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    assert!(response.starts_with("HTTP/1.1 307"), "{response}");
    assert!(
        response.to_lowercase().contains("location: /guide/"),
        "{response}"
    );
    let (status, css) = server.page("/guide/assets/signpost.css");
    assert_eq!(status, 200);
    assert!(css.contains(":root"));
    let (status, body) = server.page("/guide/finns-inte/");
    assert_eq!(status, 404);
    assert!(body.contains("Sidan hittades inte"));
}

#[test]
fn a_save_by_renaming_a_temporary_file_over_the_original_is_seen() {
    // Many editors write a temporary file and rename it over the original.
    let guide = common::sample_guide();
    let server = start(guide.path());
    let path = guide.path().join(ENTRY);
    let text = std::fs::read_to_string(&path).unwrap().replacen(
        "title: Fysiska nycklar i hemtjänsten tar tid och skapar risker",
        "title: Sparad genom namnbyte",
        1,
    );
    let temporary = path.with_file_name(".nyckelhantering-hemtjanst.md.swp");
    std::fs::write(&temporary, text).unwrap();
    std::fs::rename(&temporary, &path).unwrap();
    server.expect_reload(URL);
    assert!(server
        .page(URL)
        .1
        .contains("<h1>Sparad genom namnbyte</h1>"));
}

#[test]
fn a_template_change_re_renders_every_page() {
    let guide = common::sample_guide();
    let server = start(guide.path());
    edit(
        guide.path(),
        "themes/default/templates/base.html",
        "<main id=\"main\"",
        "<p class=\"template-marker\">ny mall</p><main id=\"main\"",
    );
    let event = server.expect_reload(URL);
    assert!(
        event.contains("\"all\":true"),
        "a template change reloads every page: {event}"
    );
    for page in [URL, "/guide/", "/guide/skola/", "/guide/en/challenges/"] {
        assert!(
            server.page(page).1.contains("template-marker"),
            "{page} uses the new template"
        );
    }
}

#[test]
fn the_search_index_catches_up_after_the_pages() {
    let guide = common::sample_guide();
    let server = start(guide.path());
    // Pages are served at once; the index follows in the background.
    for _ in 0..100 {
        if server.page("/guide/search/data/sv/manifest.json").0 == 200 {
            let (_, manifest) = server.page("/guide/search/data/sv/manifest.json");
            assert!(manifest.contains("\"lang\":\"sv\""), "{manifest}");
            return;
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    panic!("the search index was not served within 20 s");
}

/// A guide without `themes/` is served with the built-in theme, its static files from
/// memory; a file saved in `static/` with a built-in file's path replaces it at once, and
/// deleting it brings the built-in one back.
#[test]
fn the_built_in_theme_is_served_and_static_overrides_come_and_go() {
    let dir = common::sample_guide();
    std::fs::remove_dir_all(dir.path().join("themes")).unwrap();
    std::fs::create_dir_all(dir.path().join("static/assets")).unwrap();
    let server = start(dir.path());
    let built_in = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/static/assets/signpost.css"),
    )
    .unwrap();
    let (status, css) = server.page("/guide/assets/signpost.css");
    assert_eq!((status, css.as_str()), (200, built_in.as_str()));
    let (status, home) = server.page("/guide/");
    assert_eq!(status, 200);
    assert!(home.contains("assets/signpost.css"));

    let own = dir.path().join("static/assets/signpost.css");
    std::fs::write(&own, "body { color: black }\n").unwrap();
    server.expect_reload("/guide/");
    let (_, css) = server.page("/guide/assets/signpost.css");
    assert_eq!(css, "body { color: black }\n");

    std::fs::remove_file(&own).unwrap();
    server.expect_reload("/guide/");
    let (status, css) = server.page("/guide/assets/signpost.css");
    assert_eq!((status, css.as_str()), (200, built_in.as_str()));
}

/// A file in `static/` with the path of a made one (the feed) replaces it at once; deleted,
/// the made one comes back once saves pause.
#[test]
fn a_static_file_over_a_made_one_comes_and_goes() {
    let dir = common::sample_guide();
    std::fs::create_dir_all(dir.path().join("static")).unwrap();
    let server = start(dir.path());
    let (status, made) = server.page("/guide/feed.xml");
    assert_eq!(status, 200);
    assert!(made.contains("<feed"), "{made}");

    let own = dir.path().join("static/feed.xml");
    std::fs::write(&own, "<own/>\n").unwrap();
    server.expect_reload("/guide/");
    assert_eq!(
        server.page("/guide/feed.xml"),
        (200, "<own/>\n".to_string())
    );

    std::fs::remove_file(&own).unwrap();
    server.expect_reload("/guide/");
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let (status, feed) = server.page("/guide/feed.xml");
        if status == 200 && feed == made {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the made feed did not come back: {status} {feed}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// A web page the editor visits can point a name of its own at 127.0.0.1 (DNS rebinding)
/// and read the preview through the editor's browser: requests naming another host get
/// nothing, not a page, not a draft, not the event stream.
#[test]
fn only_the_servers_own_host_names_are_answered() {
    let guide = common::sample_guide();
    let server = start(guide.path());
    let port = server.addr.rsplit_once(':').unwrap().1;
    for host in [
        format!("evil.example:{port}"),
        "evil.example".into(),
        format!("localhost.evil.example:{port}"),
    ] {
        for path in [
            URL,
            "/guide/",
            "/guide/assets/signpost.css",
            "/__signpost/events",
        ] {
            let (status, body) = get_as(&server.addr, &host, path);
            assert_eq!(status, 421, "{host} {path}: {body}");
            assert!(!body.contains("<h1>"), "{body}");
        }
    }
    for host in [server.addr.clone(), format!("localhost:{port}")] {
        let (status, body) = get_as(&server.addr, &host, URL);
        assert_eq!(status, 200, "{host}");
        assert!(body.contains("<h1>"));
    }
}

/// `content/` deleted and made again (a branch switch, a restore from a copy): saves in
/// the new folder are still seen.
#[test]
fn a_recreated_content_folder_is_still_followed() {
    let guide = common::sample_guide();
    let server = start(guide.path());
    let content = guide.path().join("content");
    let saved = guide.path().join("content-saved");
    common::copy_dir(&content, &saved);
    std::fs::remove_dir_all(&content).unwrap();
    server.expect_reload("/guide/");
    std::fs::rename(&saved, &content).unwrap();
    server.expect_reload("/guide/");
    // Let the rebuild for the folder's return finish before the save.
    std::thread::sleep(Duration::from_millis(500));
    edit(guide.path(), ENTRY, "title: Fysiska", "title: Återskapade");
    loop {
        server.expect_reload(URL);
        let (_, body) = server.page(URL);
        if body.contains("<h1>Återskapade nycklar") {
            break;
        }
    }
}

/// The pages are kept in a folder of the server's own in the temporary folder, not in
/// memory; stopping the server with Ctrl-C (or `kill`) removes it, as the docs promise.
#[cfg(unix)]
#[test]
fn the_pages_folder_is_removed_when_the_server_is_stopped() {
    let serve_folders = |tmp: &Path| -> Vec<std::path::PathBuf> {
        std::fs::read_dir(tmp)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| {
                p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with("signpost-serve-"))
            })
            .collect()
    };
    for (signal, status) in [(libc::SIGINT, 130), (libc::SIGTERM, 143)] {
        let guide = common::sample_guide();
        let tmp = tempfile::tempdir().unwrap();
        let mut server = start_with(guide.path(), None, Some("en"), Some(tmp.path()));
        let folders = serve_folders(tmp.path());
        assert_eq!(folders.len(), 1, "{folders:?}");
        assert!(
            folders[0].join("index.html").is_file(),
            "the home page is in the folder"
        );
        let (code, body) = get(&server.addr, "/guide/");
        assert_eq!(code, 200, "{body}");
        // Stopped right after a save, while the pages that show the saved entry are still
        // being written into the folder.
        let text = std::fs::read_to_string(guide.path().join(ENTRY)).unwrap();
        let old = text.lines().find(|l| l.starts_with("title: ")).unwrap();
        edit(guide.path(), ENTRY, old, "title: Stoppad mitt i");
        server.expect_reload(URL);
        // SAFETY: sends a signal to the child process this test started.
        assert_eq!(unsafe { libc::kill(server.child.id() as i32, signal) }, 0);
        let exit = server.child.wait().unwrap();
        assert_eq!(exit.code(), Some(status), "{exit:?}");
        assert_eq!(serve_folders(tmp.path()), Vec::<std::path::PathBuf>::new());
    }
}
