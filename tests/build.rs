//! Integration tests for `signpost build`: the site a reader gets from the sample guide (and
//! from small fixture guides), run through the real binary into temporary folders.
//!
//! Every build is judged as of [`TODAY`], so the sample's review dates give the same site on
//! any day. The repository's own files are only ever read: a test that needs to change a
//! guide copies it to a temporary folder first.

mod common;

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use scraper::{ElementRef, Html, Selector};
use tempfile::TempDir;

/// The day every build in this file is judged on.
const TODAY: &str = "2026-11-21";
/// The sample guide's `base_url`: note the sub-path.
const BASE: &str = "https://example.org/guide/";
/// The base URL of the fixture guides.
const FIXTURE_BASE: &str = "https://example.org/test/";
const ATOM: &str = "http://www.w3.org/2005/Atom";
const SITEMAP_NS: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";

// ---------------------------------------------------------------------------------------
// Running the binary

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// signpost in English (`--lang en`): the tests read the English messages of a Swedish guide.
fn signpost(root: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_signpost"))
        .args(["--lang", "en"])
        .arg("--root")
        .arg(root)
        .args(args)
        .output()
        .expect("run signpost")
}

/// `signpost --root <root> build --output <out> --today TODAY <extra…>`.
fn run_build(root: &Path, out: &Path, extra: &[&str]) -> Output {
    let out = out.to_str().expect("UTF-8 temp path");
    let mut args = vec!["build", "--output", out, "--today", TODAY];
    args.extend_from_slice(extra);
    signpost(root, &args)
}

fn describe(out: &Output) -> String {
    format!(
        "exit {:?}\n--- stdout\n{}\n--- stderr\n{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

fn assert_exit(out: &Output, code: i32) {
    assert_eq!(out.status.code(), Some(code), "{}", describe(out));
}

// ---------------------------------------------------------------------------------------
// A built site

/// A site built into `<tempdir>/public`; dropping it deletes the folder.
struct Site {
    _tmp: TempDir,
    dir: PathBuf,
    stdout: String,
}

impl Site {
    fn path(&self, rel: &str) -> PathBuf {
        self.dir.join(rel)
    }

    fn exists(&self, rel: &str) -> bool {
        self.path(rel).is_file()
    }

    fn read(&self, rel: &str) -> String {
        fs::read_to_string(self.path(rel)).unwrap_or_else(|e| panic!("read {rel}: {e}"))
    }

    fn html(&self, rel: &str) -> Html {
        Html::parse_document(&self.read(rel))
    }

    /// Every file, as `/`-separated paths relative to the output folder.
    fn files(&self) -> BTreeSet<String> {
        files_below(&self.dir).into_keys().collect()
    }

    fn html_files(&self) -> Vec<String> {
        self.files()
            .into_iter()
            .filter(|f| f.ends_with(".html"))
            .collect()
    }
}

/// Builds the guide at `root` into a fresh temporary folder; the build must succeed.
fn build_ok(root: &Path, extra: &[&str]) -> Site {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("public");
    let out = run_build(root, &dir, extra);
    assert_exit(&out, 0);
    Site {
        _tmp: tmp,
        dir,
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
    }
}

/// The repository's sample guide, built as of TODAY.
fn sample(extra: &[&str]) -> Site {
    build_ok(repo(), extra)
}

/// Path (relative, `/`) → contents of every file below `dir`.
fn files_below(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(base: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        for entry in fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            let path = entry.expect("dir entry").path();
            if path.is_dir() {
                walk(base, &path, out);
            } else {
                let rel = path.strip_prefix(base).expect("below base");
                let rel = rel.to_string_lossy().replace('\\', "/");
                out.insert(rel, fs::read(&path).expect("read file"));
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

// ---------------------------------------------------------------------------------------
// Fixture guides

const FIXTURE_CONFIG: &str = r#"title = "Testguiden"
description = "En guide för tester."
base_url = "https://example.org/test/"
default_language = "sv"
languages = ["sv"]
theme = "default"

[review]
interval_months = 12
due_soon_days = 30
overdue = "warning"
"#;

const FIXTURE_AREA: &str =
    "---\ntitle: Skola\nsummary: Utmaningar och lösningar i skolan.\nowner: Skolteamet\n---\n\nOmrådet.\n";

/// A guide in `<tempdir>/guide`, with the repository's `themes/`.
struct Fixture {
    tmp: TempDir,
}

impl Fixture {
    /// A one-area guide (`content/skola/`) plus `files`.
    fn new(files: &[(&str, &str)]) -> Fixture {
        let f = Fixture::empty();
        f.write("config.toml", FIXTURE_CONFIG);
        f.write("content/skola/_area.md", FIXTURE_AREA);
        common::copy_dir(&repo().join("themes"), &f.root().join("themes"));
        for (path, text) in files {
            f.write(path, text);
        }
        f
    }

    /// A copy of the repository's sample guide.
    fn sample() -> Fixture {
        let f = Fixture::empty();
        fs::create_dir_all(f.root()).expect("create guide dir");
        fs::copy(repo().join("config.toml"), f.root().join("config.toml")).expect("copy config");
        for dir in ["content", "themes", "static", "templates"] {
            if repo().join(dir).is_dir() {
                common::copy_dir(&repo().join(dir), &f.root().join(dir));
            }
        }
        f
    }

    fn empty() -> Fixture {
        Fixture {
            tmp: tempfile::tempdir().expect("temp dir"),
        }
    }

    fn root(&self) -> PathBuf {
        self.tmp.path().join("guide")
    }

    fn write(&self, rel: &str, text: &str) {
        let path = self.root().join(rel);
        fs::create_dir_all(path.parent().expect("parent")).expect("create dirs");
        fs::write(path, text).expect("write fixture file");
    }
}

/// A published challenge in the fixture's area.
fn challenge(title: &str, last_reviewed: &str, body: &str) -> String {
    format!(
        "---\ntype: challenge\ntitle: {title}\nsummary: En kort sammanfattning.\nstatus: published\n\
         reviewed_by: [Anna Svensson]\nlast_reviewed: {last_reviewed}\n---\n\n{body}\n"
    )
}

// ---------------------------------------------------------------------------------------
// What the sample guide holds, read from its front matter (independently of signpost)

#[derive(Debug, Clone)]
struct Doc {
    id: String,
    /// URL relative to the base, e.g. `aldreomsorg/nattlig-tillsyn/`.
    rel: String,
    /// `challenge`, `solution` or `page`.
    doc_type: String,
    status: String,
    last_reviewed: Option<String>,
}

/// The sample's entries and pages (not areas, the home text or translations).
fn sample_docs() -> Vec<Doc> {
    let content = repo().join("content");
    let mut docs = Vec::new();
    for rel in files_below(&content).keys() {
        let Some(stem) = rel.strip_suffix(".md") else {
            continue;
        };
        let parts: Vec<&str> = stem.split('/').collect();
        let name = *parts.last().expect("a file name");
        if name.starts_with('_') || name.contains('.') {
            continue; // _area, _index, translations
        }
        let id = if name == "index" {
            parts[parts.len() - 2]
        } else {
            name
        };
        let text = fs::read_to_string(content.join(rel)).expect("read content");
        let field = |key: &str| {
            text.lines()
                .skip(1)
                .take_while(|l| *l != "---")
                .find_map(|l| l.strip_prefix(&format!("{key}: ")))
                .map(|v| v.trim().to_string())
        };
        let rel_url = if parts.len() == 1 {
            format!("{id}/")
        } else {
            format!("{}/{id}/", parts[0])
        };
        docs.push(Doc {
            id: id.to_string(),
            rel: rel_url,
            doc_type: field("type").expect("type"),
            status: field("status").unwrap_or_else(|| "published".into()),
            last_reviewed: field("last_reviewed"),
        });
    }
    docs
}

fn sample_doc(id: &str) -> Doc {
    sample_docs()
        .into_iter()
        .find(|d| d.id == id)
        .unwrap_or_else(|| panic!("no {id} in the sample"))
}

/// Absolute URLs of the sample's published documents of a type in an area (any if `None`).
fn published_urls(doc_type: &str, area: Option<&str>) -> BTreeSet<String> {
    sample_docs()
        .into_iter()
        .filter(|d| d.status == "published" && d.doc_type == doc_type)
        .filter(|d| area.is_none_or(|a| d.rel.starts_with(&format!("{a}/"))))
        .map(|d| format!("{BASE}{}", d.rel))
        .collect()
}

// ---------------------------------------------------------------------------------------
// HTML helpers

fn sel(css: &str) -> Selector {
    Selector::parse(css).unwrap_or_else(|e| panic!("selector {css}: {e:?}"))
}

fn all<'a>(doc: &'a Html, css: &str) -> Vec<ElementRef<'a>> {
    doc.select(&sel(css)).collect()
}

fn one<'a>(doc: &'a Html, css: &str) -> ElementRef<'a> {
    let found = all(doc, css);
    assert_eq!(
        found.len(),
        1,
        "expected one `{css}`, found {}",
        found.len()
    );
    found[0]
}

fn within<'a>(el: ElementRef<'a>, css: &str) -> Vec<ElementRef<'a>> {
    el.select(&sel(css)).collect()
}

/// Text content with whitespace runs collapsed.
fn text(el: ElementRef) -> String {
    el.text()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn attrs(els: &[ElementRef], name: &str) -> Vec<String> {
    els.iter()
        .filter_map(|e| e.value().attr(name))
        .map(str::to_string)
        .collect()
}

/// The `href`s of the links in `el`, made absolute against the sample's host.
fn hrefs_in(el: ElementRef, css: &str) -> BTreeSet<String> {
    attrs(&within(el, css), "href")
        .into_iter()
        .map(|h| absolute(&h))
        .collect()
}

/// `/guide/x/` → `https://example.org/guide/x/`.
fn absolute(href: &str) -> String {
    match href.strip_prefix('/') {
        Some(path) => format!("https://example.org/{path}"),
        None => href.to_string(),
    }
}

/// The nearest ancestor of `el` (or `el`) that is a `tag` element.
fn enclosing<'a>(el: ElementRef<'a>, tag: &str) -> ElementRef<'a> {
    std::iter::once(*el)
        .chain(el.ancestors())
        .filter_map(ElementRef::wrap)
        .find(|e| e.value().name() == tag)
        .unwrap_or_else(|| panic!("no enclosing <{tag}>"))
}

/// The element holding the link to `url` (absolute) in `doc`, e.g. its card.
fn card_of<'a>(doc: &'a Html, scope: &str, url: &str) -> ElementRef<'a> {
    let link = all(doc, &format!("{scope} a[href]"))
        .into_iter()
        .find(|a| absolute(a.value().attr("href").unwrap_or_default()) == url)
        .unwrap_or_else(|| panic!("no link to {url} in `{scope}`"));
    enclosing(link, "li")
}

fn is_redirect(doc: &Html) -> bool {
    !all(doc, r#"meta[http-equiv="refresh"]"#).is_empty()
}

fn is_noindex(doc: &Html) -> bool {
    all(doc, r#"meta[name="robots"]"#).iter().any(|m| {
        m.value()
            .attr("content")
            .unwrap_or_default()
            .contains("noindex")
    })
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            if let Some(b) = s
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
            {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

// ---------------------------------------------------------------------------------------
// XML helpers

/// The `href` of each `<entry>`'s link in an Atom feed, after checking the feed's shape.
fn feed_entry_links(xml: &str, name: &str) -> BTreeSet<String> {
    let doc = roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("{name}: {e}"));
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "feed", "{name}");
    assert_eq!(root.tag_name().namespace(), Some(ATOM), "{name}");
    for field in ["id", "title", "updated"] {
        assert!(
            root.children().any(|c| c.has_tag_name((ATOM, field))),
            "{name}: the feed has no <{field}>"
        );
    }
    let mut links = BTreeSet::new();
    for entry in root.children().filter(|c| c.has_tag_name((ATOM, "entry"))) {
        let child = |tag: &str| {
            entry
                .children()
                .find(|c| c.has_tag_name((ATOM, tag)))
                .unwrap_or_else(|| panic!("{name}: an entry has no <{tag}>"))
        };
        for tag in ["id", "title", "updated"] {
            assert!(
                !child(tag).text().unwrap_or_default().trim().is_empty(),
                "{name}: an entry's <{tag}> is empty"
            );
        }
        let updated = child("updated").text().unwrap_or_default();
        assert!(
            updated.len() >= 20 && updated.as_bytes()[10] == b'T',
            "{name}: <updated> `{updated}` is not an RFC 3339 date-time"
        );
        let href = child("link")
            .attribute("href")
            .unwrap_or_else(|| panic!("{name}: an entry's <link> has no href"));
        assert!(
            links.insert(href.to_string()),
            "{name}: {href} appears twice"
        );
    }
    links
}

fn sitemap_locs(xml: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(xml).expect("sitemap.xml parses");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "urlset");
    assert_eq!(root.tag_name().namespace(), Some(SITEMAP_NS));
    root.descendants()
        .filter(|n| n.has_tag_name((SITEMAP_NS, "loc")))
        .map(|n| n.text().unwrap_or_default().trim().to_string())
        .collect()
}

// ---------------------------------------------------------------------------------------
// Link checking

/// The origin (`https://host:port`) and path (`/guide/`) of a base URL.
fn split_base(base_url: &str) -> (String, String) {
    let after = base_url.find("://").expect("absolute base URL") + 3;
    let slash = base_url[after..]
        .find('/')
        .map_or(base_url.len(), |i| after + i);
    let path = &base_url[slash..];
    (
        base_url[..slash].to_string(),
        if path.is_empty() {
            "/".into()
        } else {
            path.into()
        },
    )
}

/// Resolves `.` and `..` in a `/`-path.
fn normalise(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for p in path.split('/') {
        match p {
            "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    parts.join("/")
}

/// Where a link on `page` (an output path) leads, for a site at `base_url`: `Ok(None)` when
/// it leaves the site (another host, `mailto:`, `tel:`), else the output file and fragment.
fn resolve(
    link: &str,
    page: &str,
    base_url: &str,
) -> Result<Option<(String, String)>, &'static str> {
    let (origin, base_path) = split_base(base_url);
    let lower = link.to_ascii_lowercase();
    let scheme = link
        .split(['/', '?', '#'])
        .next()
        .unwrap_or("")
        .contains(':');
    let url = if lower.starts_with("mailto:") || lower.starts_with("tel:") {
        return Ok(None);
    } else if lower.starts_with("http://") || lower.starts_with("https://") {
        match link.strip_prefix(&origin) {
            Some(rest) if rest.starts_with('/') => rest.to_string(),
            _ => return Ok(None),
        }
    } else if link.is_empty() || link.starts_with("//") || scheme {
        return Err("empty, protocol-relative, or a scheme other than http(s), mailto and tel");
    } else if link.starts_with('/') {
        link.to_string()
    } else if link.starts_with(['#', '?']) {
        format!("{base_path}{page}{link}")
    } else {
        let dir = page
            .rsplit_once('/')
            .map_or(String::new(), |(d, _)| format!("{d}/"));
        format!("{base_path}{dir}{link}")
    };
    let (url, fragment) = url.split_once('#').unwrap_or((&url, ""));
    let url = url.split('?').next().unwrap_or_default();
    let rel = url
        .strip_prefix(&base_path)
        .ok_or("outside the base path")?;
    let mut rel = normalise(&percent_decode(rel));
    if rel.is_empty() || rel.ends_with('/') {
        rel.push_str("index.html");
    }
    Ok(Some((rel, percent_decode(fragment))))
}

/// The `id`s (and anchor names) in an HTML file of the site.
fn ids_in(site: &Site, rel: &str) -> HashSet<String> {
    let doc = site.html(rel);
    let mut ids: HashSet<String> = attrs(&all(&doc, "[id]"), "id").into_iter().collect();
    ids.extend(attrs(&all(&doc, "a[name]"), "name"));
    ids
}

/// Every internal `href`, `src` and form `action` in every HTML page that does not lead to a
/// file (and anchor) in the output, as "page: link (reason)".
fn broken_links(site: &Site, base_url: &str) -> Vec<String> {
    let files = site.files();
    let mut ids: HashMap<String, HashSet<String>> = HashMap::new();
    let mut broken = Vec::new();
    for page in site.html_files() {
        let doc = site.html(&page);
        for el in all(&doc, "[href], [src], form[action]") {
            for link in ["href", "src", "action"]
                .iter()
                .filter_map(|a| el.value().attr(a))
            {
                let why = match resolve(link, &page, base_url) {
                    Ok(None) => continue,
                    Err(why) => why,
                    Ok(Some((rel, _))) if !files.contains(&rel) => "no such file in the output",
                    Ok(Some((rel, fragment))) => {
                        if fragment.is_empty() || !rel.ends_with(".html") {
                            continue;
                        }
                        let target = ids.entry(rel.clone()).or_insert_with(|| ids_in(site, &rel));
                        if target.contains(&fragment) {
                            continue;
                        }
                        "no element with that id in the target page"
                    }
                };
                broken.push(format!("{page}: {link} ({why})"));
            }
        }
    }
    broken
}

/// Canonical and `og:url` of every page that are not absolute URLs of a page under `base_url`.
fn bad_canonicals(site: &Site, base_url: &str) -> Vec<String> {
    let files = site.files();
    let mut bad = Vec::new();
    for page in site.html_files() {
        let doc = site.html(&page);
        let canonical = attrs(&all(&doc, r#"link[rel="canonical"]"#), "href");
        let og = attrs(&all(&doc, r#"meta[property="og:url"]"#), "content");
        // Only the 404 page, served at any URL, may go without one.
        if canonical.len() > 1 || (canonical.is_empty() && page != "404.html") {
            bad.push(format!("{page}: {} canonical links", canonical.len()));
        }
        for url in canonical.iter().chain(&og) {
            let target = url
                .strip_prefix(base_url)
                .map(|rel| format!("{}index.html", percent_decode(rel)));
            if !target.is_some_and(|t| files.contains(&t)) {
                bad.push(format!("{page}: {url}"));
            }
        }
    }
    bad
}

// =======================================================================================
// Page kinds of the sample guide

#[test]
fn build_prints_one_summary_line_counting_the_pages_it_wrote() {
    let site = sample(&[]);
    let lines: Vec<&str> = site.stdout.lines().collect();
    assert_eq!(lines.len(), 1, "stdout: {}", site.stdout);
    let pages = site
        .html_files()
        .into_iter()
        .filter(|f| !is_redirect(&site.html(f)))
        .count();
    assert!(
        lines[0].starts_with(&format!("Built {pages} pages ")),
        "{} (there are {pages} pages)",
        lines[0]
    );
    // The pages are written while they render, the rest at the end: the count covers both.
    let files = site.files().len();
    assert!(
        lines[0].contains(&format!(" ({files} files) ")),
        "{} (there are {files} files)",
        lines[0]
    );
}

#[test]
fn unreadable_guide_exits_2() {
    let tmp = tempfile::tempdir().unwrap();
    let out = run_build(&tmp.path().join("missing"), &tmp.path().join("public"), &[]);
    assert_exit(&out, 2);
    assert!(!tmp.path().join("public").exists());
}

#[test]
fn home_page_has_intro_areas_with_counts_open_challenges_and_search() {
    let site = sample(&[]);
    let home = site.html("index.html");
    let main = one(&home, "main");
    let main_text = text(main);
    assert!(
        main_text.contains("Digitaliseringsguiden samlar de utmaningar som kommuner möter"),
        "the intro from content/_index.md is missing"
    );

    // Every area, in `order` (then title) order, with its published counts.
    let area_links: Vec<String> = all(&home, "main .card-area .card-title a")
        .iter()
        .map(|a| absolute(a.value().attr("href").unwrap()))
        .collect();
    assert_eq!(
        area_links,
        ["aldreomsorg", "skola", "bygglov", "socialtjanst"].map(|a| format!("{BASE}{a}/"))
    );
    for (area, challenges, solutions, open) in [
        ("aldreomsorg", 3, 3, 0),
        ("skola", 3, 2, 1),
        ("bygglov", 3, 3, 0),
        ("socialtjanst", 3, 3, 1),
    ] {
        assert_eq!(published_urls("challenge", Some(area)).len(), challenges);
        assert_eq!(published_urls("solution", Some(area)).len(), solutions);
        let card = card_of(&home, "main .card-area", &format!("{BASE}{area}/"));
        let meta = text(within(card, ".card-meta")[0]);
        assert!(
            meta.contains(&format!("{challenges} utmaningar"))
                && meta.contains(&format!("{solutions} lösningar")),
            "{area}: {meta}"
        );
        if open > 0 {
            assert!(meta.contains(&format!("{open} öppna")), "{area}: {meta}");
        } else {
            assert!(!meta.contains("öppna"), "{area}: {meta}");
        }
    }

    // The open challenges are listed.
    let open_section = enclosing(one(&home, "#open-heading"), "section");
    assert_eq!(
        hrefs_in(open_section, ".card-title a"),
        BTreeSet::from([
            format!("{BASE}skola/elevdatorer-livscykel/"),
            format!("{BASE}socialtjanst/tolkbokning/"),
        ])
    );

    // A search form that submits to the search page.
    let actions = attrs(&all(&home, r#"form[role="search"]"#), "action");
    assert!(!actions.is_empty(), "no search form on the home page");
    for action in actions {
        assert!(action.ends_with("search/"), "{action}");
        assert_eq!(absolute(&action), format!("{BASE}search/"));
    }
}

#[test]
fn area_page_groups_its_challenges_with_their_solutions_and_lists_its_solutions() {
    let site = sample(&[]);
    let area = site.html("aldreomsorg/index.html");
    assert_eq!(text(one(&area, "h1")), "Äldreomsorg");
    let challenges = enclosing(one(&area, "#area-challenges"), "section");
    assert_eq!(
        hrefs_in(challenges, ".card-title a"),
        published_urls("challenge", Some("aldreomsorg"))
    );
    for (challenge, solutions) in [
        ("nyckelhantering-hemtjanst", vec!["digitala-las-hemtjanst"]),
        ("nattlig-tillsyn", vec!["digital-tillsyn-nattetid"]),
        ("lakemedelsmissar-hemtjanst", vec!["lakemedelsrobot"]),
    ] {
        let card = card_of(
            &area,
            r#"section[aria-labelledby="area-challenges"]"#,
            &format!("{BASE}aldreomsorg/{challenge}/"),
        );
        assert_eq!(
            hrefs_in(card, ".card-solutions a"),
            solutions
                .iter()
                .map(|s| format!("{BASE}aldreomsorg/{s}/"))
                .collect(),
            "solutions shown for {challenge}"
        );
    }
    let solutions = enclosing(one(&area, "#area-solutions"), "section");
    assert_eq!(
        hrefs_in(solutions, ".card-title a"),
        published_urls("solution", Some("aldreomsorg"))
    );

    // A solution in another area that addresses one of this area's challenges is shown too.
    let skola = site.html("skola/index.html");
    let card = card_of(
        &skola,
        r#"section[aria-labelledby="area-challenges"]"#,
        &format!("{BASE}skola/lokalbokning-skollokaler/"),
    );
    assert_eq!(
        hrefs_in(card, ".card-solutions a"),
        BTreeSet::from([
            format!("{BASE}aldreomsorg/digitala-las-hemtjanst/"),
            format!("{BASE}skola/digital-lokalbokning/"),
        ])
    );
}

#[test]
fn challenge_page_shows_body_solutions_related_organisations_and_tags() {
    let site = sample(&[]);
    let page = site.html("aldreomsorg/nyckelhantering-hemtjanst/index.html");
    assert_eq!(
        text(one(&page, "h1")),
        "Fysiska nycklar i hemtjänsten tar tid och skapar risker"
    );
    let main = one(&page, "main");
    assert!(text(main).contains(
        "I en medelstor hemtjänstgrupp med 150–200 brukare finns ofta lika många nycklar"
    ));
    assert!(!all(&page, r#"main [id="säkerhet-och-ansvar"]"#).is_empty());

    // The reverse index: solutions whose `addresses` name this challenge.
    let solutions = enclosing(one(&page, "#solutions-heading"), "section");
    assert_eq!(
        hrefs_in(solutions, ".card-title a"),
        BTreeSet::from([format!("{BASE}aldreomsorg/digitala-las-hemtjanst/")])
    );
    let related = enclosing(one(&page, "#related-heading"), "section");
    assert_eq!(
        hrefs_in(related, ".card-title a"),
        BTreeSet::from([
            format!("{BASE}aldreomsorg/nattlig-tillsyn/"),
            format!("{BASE}aldreomsorg/lakemedelsmissar-hemtjanst/"),
        ])
    );
    let facts = text(one(&page, ".entry-facts"));
    assert!(
        facts.contains("Umeå kommun, Örebro kommun, Gävle kommun"),
        "{facts}"
    );

    let tags: BTreeMap<String, String> = all(&page, ".entry-facts .tags a")
        .iter()
        .map(|a| (text(*a), absolute(a.value().attr("href").unwrap())))
        .collect();
    assert_eq!(
        tags.keys().map(String::as_str).collect::<BTreeSet<_>>(),
        BTreeSet::from([
            "hemtjänst",
            "nyckelhantering",
            "välfärdsteknik",
            "informationssäkerhet"
        ])
    );
    assert_eq!(tags["hemtjänst"], format!("{BASE}tags/hemtjanst/"));
    for url in tags.values() {
        let rel = format!("{}index.html", url.strip_prefix(BASE).unwrap());
        let tag_page = site.html(&rel);
        assert!(
            hrefs_in(one(&tag_page, "main"), ".card-title a")
                .contains(&format!("{BASE}aldreomsorg/nyckelhantering-hemtjanst/")),
            "{rel} does not list the challenge"
        );
    }
}

#[test]
fn solution_page_shows_kind_provider_addressed_challenges_and_external_links() {
    let site = sample(&[]);
    let page = site.html("aldreomsorg/digitala-las-hemtjanst/index.html");
    assert_eq!(
        text(one(&page, "h1")),
        "Digitala lås och nyckelfri hemtjänst"
    );
    let header = text(one(&page, ".entry-header"));
    assert!(header.contains("Verktyg"), "kind label missing: {header}");
    assert!(
        header.contains(
            "Flera leverantörer på marknaden, ofta via kommunens ramavtal för välfärdsteknik"
        ),
        "provider missing: {header}"
    );
    let challenges = enclosing(one(&page, "#challenges-heading"), "section");
    assert_eq!(
        hrefs_in(challenges, ".card-title a"),
        BTreeSet::from([
            format!("{BASE}aldreomsorg/nyckelhantering-hemtjanst/"),
            format!("{BASE}skola/lokalbokning-skollokaler/"),
        ])
    );
    let links = enclosing(one(&page, "#links-heading"), "section");
    assert_eq!(
        hrefs_in(links, "a"),
        BTreeSet::from([
            "https://skr.se/skr/halsasjukvard/utvecklingavverksamhet/valfardsteknik.html"
                .to_string(),
            "https://www.ehalsomyndigheten.se/kunskap/valfardsteknik/".to_string(),
        ])
    );
    assert!(text(links).contains("Välfärdsteknik i kommunerna – SKR"));

    // A case study is labelled as one.
    let case = site.html("aldreomsorg/digital-tillsyn-nattetid/index.html");
    assert!(text(one(&case, ".entry-header")).contains("Exempel från verksamhet"));
}

#[test]
fn standalone_pages_exist_and_every_page_links_them_in_its_footer() {
    let site = sample(&[]);
    for (rel, title) in [
        ("om-guiden", "Om guiden"),
        ("tillganglighet", "Tillgänglighet för Digitaliseringsguiden"),
    ] {
        let page = site.html(&format!("{rel}/index.html"));
        assert_eq!(text(one(&page, "h1")), title);
        assert!(!is_noindex(&page), "{rel} is published");
    }
    for file in site.html_files() {
        let doc = site.html(&file);
        if is_redirect(&doc) {
            continue;
        }
        let footer = one(&doc, "footer");
        let links = hrefs_in(footer, "a");
        for rel in ["om-guiden/", "tillganglighet/"] {
            assert!(
                links.contains(&format!("{BASE}{rel}")),
                "{file}: the footer does not link {rel}"
            );
        }
    }
}

#[test]
fn lists_hold_exactly_the_published_challenges_solutions_and_open_challenges() {
    let site = sample(&[]);
    let listed = |rel: &str| hrefs_in(one(&site.html(rel), "main"), ".card-title a");
    assert_eq!(
        listed("challenges/index.html"),
        published_urls("challenge", None)
    );
    assert_eq!(
        listed("solutions/index.html"),
        published_urls("solution", None)
    );
    assert_eq!(
        listed("open-challenges/index.html"),
        BTreeSet::from([
            format!("{BASE}skola/elevdatorer-livscykel/"),
            format!("{BASE}socialtjanst/tolkbokning/"),
        ])
    );
}

#[test]
fn tag_pages_list_the_entries_with_the_tag_and_the_tag_index_links_every_tag() {
    let site = sample(&[]);
    let tag = site.html("tags/hemtjanst/index.html");
    assert!(text(one(&tag, "h1")).contains("hemtjänst"));
    assert_eq!(
        hrefs_in(one(&tag, "main"), ".card-title a"),
        [
            "digitala-las-hemtjanst",
            "lakemedelsmissar-hemtjanst",
            "nattlig-tillsyn",
            "nyckelhantering-hemtjanst",
        ]
        .iter()
        .map(|id| format!("{BASE}aldreomsorg/{id}/"))
        .collect()
    );

    let index = site.html("tags/index.html");
    let linked = hrefs_in(one(&index, "main"), "a");
    let tag_pages: BTreeSet<String> = site
        .files()
        .into_iter()
        .filter_map(|f| {
            f.strip_prefix("tags/")?
                .strip_suffix("/index.html")
                .map(|slug| format!("{BASE}tags/{slug}/"))
        })
        .collect();
    assert!(tag_pages.len() > 10, "{tag_pages:?}");
    assert_eq!(linked, tag_pages);
}

#[test]
fn not_found_and_search_pages_exist() {
    let site = sample(&[]);
    let not_found = site.html("404.html");
    assert!(is_noindex(&not_found), "404.html must not be indexed");
    assert!(hrefs_in(one(&not_found, "main"), "a").contains(BASE));
    // 404.html is served at any URL, so its links cannot be relative.
    for link in attrs(&all(&not_found, "[href]"), "href")
        .into_iter()
        .chain(attrs(&all(&not_found, "[src]"), "src"))
    {
        assert!(
            link.starts_with('/') || link.starts_with('#') || link.contains("://"),
            "404.html has a relative link {link}"
        );
    }

    let search = site.html("search/index.html");
    let form = one(&search, r#"main form[role="search"]"#);
    assert_eq!(
        absolute(form.value().attr("action").unwrap()),
        format!("{BASE}search/")
    );
    assert!(!within(form, r#"input[name="q"]"#).is_empty());
    // The search script loads the index the page names: its own language's.
    let index = attrs(&all(&search, "[data-index]"), "data-index");
    assert_eq!(index, ["/guide/search/data/sv/"]);
    let rel = index[0].strip_prefix("/guide/").unwrap();
    assert!(
        site.exists(&format!("{rel}manifest.json")),
        "{rel}manifest.json"
    );
    let english = site.html("en/search/index.html");
    assert_eq!(
        attrs(&all(&english, "[data-index]"), "data-index"),
        ["/guide/search/data/en/"]
    );
}

// =======================================================================================
// Review made visible

#[test]
fn entry_pages_show_last_review_reviewers_owner_and_next_review() {
    let site = sample(&[]);
    let page = site.html("aldreomsorg/nyckelhantering-hemtjanst/index.html");
    let review = one(&page, "aside.review");
    // Reviewed 2026-04-08, the default interval of 12 months.
    assert_eq!(review.value().attr("data-review-due"), Some("2027-04-08"));
    let box_text = text(review);
    assert!(
        box_text.contains("Karin Sjöberg, Mikael Holm"),
        "{box_text}"
    );
    assert!(
        box_text.contains("Nätverket för välfärdsteknik"),
        "the owner inherited from the area: {box_text}"
    );
    assert_eq!(
        attrs(&within(review, "time"), "datetime"),
        ["2026-04-08", "2027-04-08"]
    );
    assert!(box_text.contains("8 april 2026"), "{box_text}");
    assert!(box_text.contains("8 april 2027"), "{box_text}");
    let notice = one(&page, "[data-overdue-notice]");
    assert!(notice.value().attr("hidden").is_some(), "not overdue yet");

    // bygglov sets review_interval: 18 for its entries.
    let bygglov = site.html("bygglov/handlaggningstid-bygglov/index.html");
    assert_eq!(
        one(&bygglov, "aside.review")
            .value()
            .attr("data-review-due"),
        Some("2027-11-27")
    );

    // Every published entry and page has the box, dated from its front matter.
    for doc in sample_docs().iter().filter(|d| d.status == "published") {
        let page = site.html(&format!("{}index.html", doc.rel));
        let review = one(&page, "aside.review");
        assert!(
            review.value().attr("data-review-due").is_some(),
            "{}: no due date",
            doc.id
        );
        let dates = attrs(&within(review, "time"), "datetime");
        assert_eq!(
            dates.first(),
            doc.last_reviewed.as_ref(),
            "{}: last reviewed",
            doc.id
        );
        assert!(text(review).contains("Ansvarig"), "{}: no owner", doc.id);
    }
}

#[test]
fn json_ld_carries_last_reviewed_and_reviewers() {
    let site = sample(&[]);
    let page = site.html("aldreomsorg/nyckelhantering-hemtjanst/index.html");
    let script = one(&page, r#"script[type="application/ld+json"]"#);
    let raw: String = script.text().collect();
    let json: serde_json::Value =
        serde_json::from_str(&raw).unwrap_or_else(|e| panic!("JSON-LD: {e}\n{raw}"));
    assert_eq!(json["@context"], "https://schema.org");
    assert_eq!(json["lastReviewed"], "2026-04-08");
    let reviewers: Vec<&str> = json["reviewedBy"]
        .as_array()
        .expect("reviewedBy is a list")
        .iter()
        .map(|r| r["name"].as_str().expect("a reviewer's name"))
        .collect();
    assert_eq!(reviewers, ["Karin Sjöberg", "Mikael Holm"]);
    assert_eq!(
        json["url"],
        format!("{BASE}aldreomsorg/nyckelhantering-hemtjanst/")
    );
}

#[test]
fn overdue_entry_still_builds_and_tells_readers_a_fresh_one_does_not() {
    let guide = Fixture::new(&[
        (
            "content/skola/gammal.md",
            &challenge("Gammal text", "2025-01-10", "Text."),
        ),
        (
            "content/skola/farsk.md",
            &challenge("Färsk text", "2026-10-01", "Text."),
        ),
    ]);
    let site = build_ok(&guide.root(), &[]);

    let old = site.html("skola/gammal/index.html");
    let review = one(&old, "aside.review");
    assert_eq!(review.value().attr("data-review-due"), Some("2026-01-10"));
    let notice = one(&old, "[data-overdue-notice]");
    assert!(
        notice.value().attr("hidden").is_none(),
        "an overdue page must say so without JavaScript"
    );
    assert!(!text(notice).is_empty());

    let fresh = site.html("skola/farsk/index.html");
    assert_eq!(
        one(&fresh, "aside.review").value().attr("data-review-due"),
        Some("2027-10-01")
    );
    assert!(one(&fresh, "[data-overdue-notice]")
        .value()
        .attr("hidden")
        .is_some());
}

#[test]
fn deny_warnings_refuses_to_build_an_overdue_guide() {
    let guide = Fixture::new(&[(
        "content/skola/gammal.md",
        &challenge("Gammal text", "2025-01-10", "Text."),
    )]);
    let out_dir = guide.tmp.path().join("public");
    let out = run_build(&guide.root(), &out_dir, &["--deny-warnings"]);
    assert_exit(&out, 1);
    assert!(!out_dir.exists(), "nothing may be written");
}

// =======================================================================================
// Workflow: drafts, review, archive

const DRAFT: &str = "skola/vikarieanskaffning/index.html";
const IN_REVIEW: &str = "aldreomsorg/sensorer-fallrisk/index.html";
const ARCHIVED: &str = "bygglov/pdf-blankett-bygglov/index.html";
const ARCHIVED_URL: &str = "https://example.org/guide/bygglov/pdf-blankett-bygglov/";

#[test]
fn drafts_and_entries_in_review_are_only_built_in_a_preview() {
    assert_eq!(sample_doc("vikarieanskaffning").status, "draft");
    assert_eq!(sample_doc("sensorer-fallrisk").status, "in_review");

    let public = sample(&[]);
    assert!(!public.exists(DRAFT));
    assert!(!public.exists(IN_REVIEW));
    let published = public.html("aldreomsorg/nyckelhantering-hemtjanst/index.html");
    assert!(!is_noindex(&published));
    assert!(all(&published, ".banner").is_empty());

    let preview = sample(&["--drafts"]);
    for (rel, banner) in [(DRAFT, "Utkast"), (IN_REVIEW, "Under granskning")] {
        let page = preview.html(rel);
        let found = all(&page, r#"[role="note"]"#);
        assert!(
            found.iter().any(|b| text(*b).contains(banner)),
            "{rel}: no \"{banner}\" banner"
        );
        let robots = attrs(&all(&page, r#"meta[name="robots"]"#), "content");
        assert_eq!(robots, ["noindex"], "{rel}");
    }
}

#[test]
fn archived_entry_keeps_its_url_with_noindex_and_banner_but_leaves_every_listing() {
    let site = sample(&[]);
    assert_eq!(sample_doc("pdf-blankett-bygglov").status, "archived");
    let page = site.html(ARCHIVED);
    assert!(is_noindex(&page));
    assert!(
        all(&page, r#"[role="note"]"#)
            .iter()
            .any(|b| text(*b).contains("Arkiverad")),
        "no archived banner"
    );
    for listing in [
        "index.html",
        "challenges/index.html",
        "solutions/index.html",
        "bygglov/index.html",
        "bygglov/ofullstandiga-ansokningar/index.html",
        "tags/bygglov/index.html",
    ] {
        let links = hrefs_in(one(&site.html(listing), "main"), "a");
        assert!(
            !links.contains(ARCHIVED_URL),
            "{listing} links the archived entry"
        );
    }
    for feed in ["feed.xml", "bygglov/feed.xml", "sitemap.xml"] {
        assert!(
            !site.read(feed).contains("pdf-blankett"),
            "{feed} mentions the archived entry"
        );
    }
}

#[test]
fn alias_redirects_to_the_entry_that_moved() {
    let site = sample(&[]);
    let page = site.html("bygglov/pdf-blankett/index.html");
    let refresh = one(&page, r#"meta[http-equiv="refresh"]"#)
        .value()
        .attr("content")
        .unwrap()
        .to_string();
    let target = refresh
        .split_once("url=")
        .map(|(_, u)| absolute(u.trim()))
        .unwrap_or_else(|| panic!("no url in refresh `{refresh}`"));
    assert_eq!(target, ARCHIVED_URL);
    assert_eq!(
        one(&page, r#"link[rel="canonical"]"#).value().attr("href"),
        Some(ARCHIVED_URL)
    );
    assert!(is_noindex(&page));
}

// =======================================================================================
// Feeds, sitemap, robots.txt

#[test]
fn feeds_hold_exactly_the_published_challenges_and_solutions() {
    for (name, extra) in [("public", &[][..]), ("preview", &["--drafts"][..])] {
        let site = sample(extra);
        let mut everything = published_urls("challenge", None);
        everything.extend(published_urls("solution", None));
        assert_eq!(
            feed_entry_links(&site.read("feed.xml"), "feed.xml"),
            everything,
            "{name} build"
        );
        for area in ["aldreomsorg", "skola", "bygglov", "socialtjanst"] {
            let file = format!("{area}/feed.xml");
            let mut expected = published_urls("challenge", Some(area));
            expected.extend(published_urls("solution", Some(area)));
            assert_eq!(
                feed_entry_links(&site.read(&file), &file),
                expected,
                "{name} build, {file}"
            );
        }
    }
}

/// The URLs a search engine should index: home, areas, published entries and pages,
/// lists and tag pages.
fn indexable_urls(site: &Site) -> BTreeSet<String> {
    let mut urls: BTreeSet<String> = ["", "challenges/", "solutions/", "open-challenges/", "tags/"]
        .iter()
        .chain(&["aldreomsorg/", "skola/", "bygglov/", "socialtjanst/"])
        .map(|rel| format!("{BASE}{rel}"))
        .collect();
    urls.extend(
        sample_docs()
            .into_iter()
            .filter(|d| d.status == "published")
            .map(|d| format!("{BASE}{}", d.rel)),
    );
    urls.extend(site.files().into_iter().filter_map(|f| {
        f.strip_prefix("tags/")?
            .strip_suffix("/index.html")
            .map(|slug| format!("{BASE}tags/{slug}/"))
    }));
    // The English site (config.toml lists "en"): the same list pages, areas and tags under
    // en/, and the published English translations (their front matter says status).
    let english: Vec<String> = urls
        .iter()
        .filter(|u| {
            !sample_docs()
                .iter()
                .any(|d| format!("{BASE}{}", d.rel) == **u)
        })
        .map(|u| u.replacen(BASE, &format!("{BASE}en/"), 1))
        .collect();
    urls.extend(english);
    let content = repo().join("content");
    for rel in files_below(&content).keys() {
        let Some(stem) = rel.strip_suffix(".en.md") else {
            continue;
        };
        let text = fs::read_to_string(content.join(rel)).unwrap();
        if !text.contains("\nstatus: published") {
            continue;
        }
        let parts: Vec<&str> = stem.split('/').collect();
        let url = match parts.as_slice() {
            [_] | [_, "_area"] => continue,
            [area, id, "index"] => format!("{area}/{id}/"),
            [area, id] => format!("{area}/{id}/"),
            _ => continue,
        };
        urls.insert(format!("{BASE}en/{url}"));
    }
    urls
}

#[test]
fn sitemap_lists_exactly_the_published_indexable_urls() {
    for extra in [&[][..], &["--drafts"][..]] {
        let site = sample(extra);
        let locs = sitemap_locs(&site.read("sitemap.xml"));
        let unique: BTreeSet<String> = locs.iter().cloned().collect();
        assert_eq!(unique.len(), locs.len(), "a URL is listed twice");
        if extra.is_empty() {
            assert_eq!(unique, indexable_urls(&site));
        }
        for id in [
            "vikarieanskaffning",
            "sensorer-fallrisk",
            "pdf-blankett-bygglov",
        ] {
            let url = format!("{BASE}{}", sample_doc(id).rel);
            assert!(!unique.contains(&url), "{extra:?}: {url} is in the sitemap");
        }
        for url in ["404.html", "bygglov/pdf-blankett/"] {
            assert!(!unique.contains(&format!("{BASE}{url}")), "{url}");
        }
        for url in &unique {
            let rel = url
                .strip_prefix(BASE)
                .unwrap_or_else(|| panic!("{url} is not under {BASE}"));
            let page = site.html(&format!("{rel}index.html"));
            assert!(!is_noindex(&page), "{url} is noindex");
            assert!(!is_redirect(&page), "{url} is a redirect");
        }
    }
}

#[test]
fn robots_txt_names_the_sitemap() {
    let site = sample(&[]);
    let robots = site.read("robots.txt");
    assert!(
        robots
            .lines()
            .any(|l| l.trim() == format!("Sitemap: {BASE}sitemap.xml")),
        "{robots}"
    );
}

// =======================================================================================
// Output folder: determinism, all-or-nothing, refusal

#[test]
fn two_builds_of_the_same_guide_are_byte_identical() {
    let a = sample(&[]);
    let b = sample(&[]);
    let (fa, fb) = (files_below(&a.dir), files_below(&b.dir));
    assert_eq!(fa.keys().collect::<Vec<_>>(), fb.keys().collect::<Vec<_>>());
    for (path, bytes) in &fa {
        assert!(bytes == &fb[path], "{path} differs between two builds");
    }
}

#[test]
fn a_failing_build_keeps_the_previous_site() {
    let guide = Fixture::sample();
    let parent = tempfile::tempdir().unwrap();
    let out_dir = parent.path().join("public");
    assert_exit(&run_build(&guide.root(), &out_dir, &[]), 0);
    let before = files_below(&out_dir);
    assert!(before.contains_key("index.html"));

    let unchanged = |why: &str| {
        assert!(
            files_below(&out_dir) == before,
            "{why}: the previous site was changed"
        );
        let beside: Vec<String> = fs::read_dir(parent.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(beside, ["public"], "{why}: stray folders beside the output");
    };

    // The check finds an error: an entry without summary and status.
    guide.write(
        "content/skola/trasig.md",
        "---\ntype: challenge\ntitle: Trasig\n---\n\nText.\n",
    );
    assert_exit(&run_build(&guide.root(), &out_dir, &[]), 1);
    unchanged("check error");
    fs::remove_file(guide.root().join("content/skola/trasig.md")).unwrap();

    // Rendering fails: a template override uses a variable that does not exist.
    guide.write(
        "templates/home.html",
        "{% extends \"base.html\" %}{% block content %}{{ page.no_such.field }}{% endblock content %}",
    );
    assert_exit(&run_build(&guide.root(), &out_dir, &[]), 1);
    unchanged("render error");
    fs::remove_file(guide.root().join("templates/home.html")).unwrap();

    // Writing fails: a static file has the name of an area's folder.
    guide.write("static/skola", "a file where the site needs a folder");
    let out = run_build(&guide.root(), &out_dir, &[]);
    assert_exit(&out, 1);
    unchanged("write error");
}

#[cfg(unix)]
#[test]
fn a_rebuild_replaces_changed_pages_and_keeps_unchanged_ones_as_they_were() {
    use std::os::unix::fs::MetadataExt;
    let guide = Fixture::sample();
    let parent = tempfile::tempdir().unwrap();
    let out_dir = parent.path().join("public");
    assert_exit(&run_build(&guide.root(), &out_dir, &[]), 0);
    let inode = |rel: &str| fs::metadata(out_dir.join(rel)).unwrap().ino();
    let page = "aldreomsorg/nyckelhantering-hemtjanst/index.html";
    let untouched = "skola/index.html";
    let (page_before, untouched_before) = (inode(page), inode(untouched));
    // The search index is left out: the new sentence changes its files too.
    let site_files = || {
        let mut files = files_below(&out_dir);
        files.retain(|k, _| !k.starts_with("search/data/"));
        files
    };
    let before = site_files();

    let path = "content/aldreomsorg/nyckelhantering-hemtjanst.md";
    let text = fs::read_to_string(guide.root().join(path)).unwrap();
    guide.write(path, &format!("{text}\nEn helt ny mening om nyckelskåp.\n"));
    assert_exit(&run_build(&guide.root(), &out_dir, &[]), 0);

    let after = site_files();
    assert!(String::from_utf8_lossy(&after[page]).contains("En helt ny mening om nyckelskåp."));
    assert_eq!(
        after.keys().collect::<Vec<_>>(),
        before.keys().collect::<Vec<_>>()
    );
    let changed: Vec<&String> = after.keys().filter(|k| after[*k] != before[*k]).collect();
    assert_eq!(changed, [page], "only the edited page changes");
    assert_ne!(inode(page), page_before, "a changed page is a new file");
    // A page whose bytes did not change is the previous build's file, linked into the new
    // site rather than written again; the previous site itself is gone.
    assert_eq!(inode(untouched), untouched_before);
    assert_eq!(fs::metadata(out_dir.join(untouched)).unwrap().nlink(), 1);
    let beside: Vec<String> = fs::read_dir(parent.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(beside, ["public"]);
}

#[test]
fn overriding_a_card_or_the_navigation_changes_it_on_every_page() {
    let guide = Fixture::new(&[
        (
            "content/skola/franvaro.md",
            &challenge("Frånvaro i skolan", "2026-10-01", "Text."),
        ),
        (
            "templates/partials/card.html",
            "<li class=\"my-card\"><a href=\"{{ card.url }}\">{{ card.title }}</a> ({{ site.t.doc_challenge }})</li>",
        ),
        (
            "templates/partials/main-nav.html",
            "<nav class=\"my-nav\">{% for a in site.areas %}<a href=\"{{ a.url }}\"{% if a.url == nav.section %} class=\"here\"{% endif %}>{{ a.title }}</a>{% endfor %}</nav>",
        ),
    ]);
    let site = build_ok(&guide.root(), &[]);
    for page in [
        "challenges/index.html",
        "open-challenges/index.html",
        "index.html",
    ] {
        let doc = site.html(page);
        let cards: Vec<String> = all(&doc, "main li.my-card").into_iter().map(text).collect();
        assert!(!cards.is_empty(), "{page}");
        assert!(
            cards.iter().all(|c| c == "Frånvaro i skolan (Utmaning)"),
            "{page}: {cards:?}"
        );
    }
    let doc = site.html("skola/franvaro/index.html");
    assert_eq!(
        attrs(&all(&doc, "nav.my-nav a.here"), "href"),
        ["/test/skola/"]
    );
    assert!(
        all(&doc, "nav.main-nav").is_empty(),
        "the theme's navigation is replaced"
    );
    let doc = site.html("challenges/index.html");
    assert!(
        all(&doc, "nav.my-nav a.here").is_empty(),
        "no area is current on a list"
    );
}

#[test]
fn a_card_template_that_uses_the_page_fails_with_a_message_naming_the_card() {
    let guide = Fixture::new(&[
        (
            "content/skola/franvaro.md",
            &challenge("Frånvaro i skolan", "2026-10-01", "Text."),
        ),
        (
            "templates/partials/card.html",
            "<li>{{ card.title }} på {{ page.title }}</li>",
        ),
    ]);
    let tmp = tempfile::tempdir().unwrap();
    let out = run_build(&guide.root(), &tmp.path().join("public"), &[]);
    assert_exit(&out, 1);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("partials/card.html (/test/skola/franvaro/)") && err.contains("page.title"),
        "{err}"
    );
}

#[test]
fn the_output_folder_cannot_be_the_guide_its_content_or_a_parent() {
    let guide = Fixture::new(&[(
        "content/skola/farsk.md",
        &challenge("Färsk text", "2026-10-01", "Text."),
    )]);
    let root = guide.root();
    let before = files_below(guide.tmp.path());
    for out in [
        root.clone(),
        root.join("content"),
        root.join("content/skola"),
        guide.tmp.path().to_path_buf(),
        PathBuf::from("."),
        PathBuf::from("content"),
        PathBuf::from(".."),
    ] {
        let result = run_build(&root, &out, &[]);
        assert!(
            !result.status.success(),
            "building into {} was allowed\n{}",
            out.display(),
            describe(&result)
        );
        assert!(
            files_below(guide.tmp.path()) == before,
            "building into {} changed the guide",
            out.display()
        );
    }
}

// =======================================================================================
// Links, assets, Markdown

#[test]
fn every_internal_link_resolves_with_the_sub_path_base_url() {
    let site = sample(&[]);
    let broken = broken_links(&site, BASE);
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
    let bad = bad_canonicals(&site, BASE);
    assert!(bad.is_empty(), "bad canonical URLs:\n{}", bad.join("\n"));
}

#[test]
fn every_internal_link_resolves_with_a_root_base_url() {
    let base = "http://localhost:8080/";
    let site = sample(&["--base-url", base]);
    let broken = broken_links(&site, base);
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
    let bad = bad_canonicals(&site, base);
    assert!(bad.is_empty(), "bad canonical URLs:\n{}", bad.join("\n"));
    assert!(
        !site.read("index.html").contains("/guide/"),
        "the config's sub-path leaks into a build for another base URL"
    );
}

#[test]
fn every_internal_link_resolves_in_a_preview() {
    let site = sample(&["--drafts"]);
    let broken = broken_links(&site, BASE);
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

#[test]
fn folder_entries_publish_their_images_and_attachments_beside_the_page() {
    let site = sample(&[]);
    for (source, output) in [
        (
            "aldreomsorg/digitala-las-hemtjanst/las-flode.png",
            "aldreomsorg/digitala-las-hemtjanst/las-flode.png",
        ),
        (
            "aldreomsorg/digitala-las-hemtjanst/checklista-upphandling.pdf",
            "aldreomsorg/digitala-las-hemtjanst/checklista-upphandling.pdf",
        ),
        (
            "bygglov/handlaggningstid-bygglov/handlaggningstid.png",
            "bygglov/handlaggningstid-bygglov/handlaggningstid.png",
        ),
        (
            "skola/digital-lokalbokning/bokningsflode.png",
            "skola/digital-lokalbokning/bokningsflode.png",
        ),
    ] {
        let original = fs::read(repo().join("content").join(source)).unwrap();
        assert!(
            fs::read(site.path(output)).ok() == Some(original),
            "{output} is missing or differs from content/{source}"
        );
    }
    let page = site.html("aldreomsorg/digitala-las-hemtjanst/index.html");
    let img = one(&page, ".prose img");
    assert_eq!(
        absolute(img.value().attr("src").unwrap()),
        format!("{BASE}aldreomsorg/digitala-las-hemtjanst/las-flode.png")
    );
    assert!(img.value().attr("alt").is_some_and(|a| !a.is_empty()));
    assert!(hrefs_in(one(&page, ".prose"), "a").contains(&format!(
        "{BASE}aldreomsorg/digitala-las-hemtjanst/checklista-upphandling.pdf"
    )));
    assert!(
        !site.files().iter().any(|f| f.ends_with(".md")),
        "Markdown sources are published"
    );
}

#[test]
fn markdown_links_become_page_urls_and_keep_their_anchors() {
    let site = sample(&[]);
    for file in site.html_files() {
        for href in attrs(&all(&site.html(&file), "[href]"), "href") {
            // "Föreslå en ändring" opens the page's Markdown file in the git host's editor.
            if href.starts_with("https://github.com/kfvn/digitaliseringsguiden/edit/") {
                continue;
            }
            let path = href.split(['#', '?']).next().unwrap_or_default();
            assert!(!path.ends_with(".md"), "{file}: {href}");
        }
    }
    let page = site.html("aldreomsorg/digitala-las-hemtjanst/index.html");
    let prose = one(&page, ".prose");
    let decoded: BTreeSet<String> = hrefs_in(prose, "a")
        .iter()
        .map(|h| percent_decode(h))
        .collect();
    assert!(
        decoded.contains(&format!(
            "{BASE}aldreomsorg/nyckelhantering-hemtjanst/#säkerhet-och-ansvar"
        )),
        "{decoded:?}"
    );
    assert!(
        decoded.contains(&format!("{BASE}skola/digital-lokalbokning/")),
        "{decoded:?}"
    );
    // The home text links a standalone page.
    let home = site.html("index.html");
    assert!(hrefs_in(one(&home, ".prose"), "a").contains(&format!("{BASE}om-guiden/")));
}

#[test]
fn raw_html_in_a_body_is_sanitised() {
    let body = "Vanlig text.\n\n<script>alert(1)</script>\n\n\
                <img src=\"x.png\" alt=\"y\" onerror=\"alert(1)\">\n\n\
                <a href=\"javascript:alert(1)\">x</a>\n\n[x](javascript:alert(1))\n";
    let guide = Fixture::new(&[(
        "content/skola/farlig/index.md",
        &challenge("Farlig text", "2026-10-01", body),
    )]);
    guide.write("content/skola/farlig/x.png", "not really a PNG");
    let site = build_ok(&guide.root(), &[]);
    let html = site.read("skola/farlig/index.html");
    for bad in ["<script>alert", "onerror", "javascript:"] {
        assert!(
            !html.to_ascii_lowercase().contains(bad),
            "the page contains `{bad}`:\n{html}"
        );
    }
    let page = Html::parse_document(&html);
    let prose = one(&page, ".prose");
    assert!(text(prose).contains("Vanlig text."));
    assert_eq!(
        attrs(&within(prose, "img"), "alt"),
        ["y"],
        "harmless parts stay"
    );
}

#[test]
fn a_title_cannot_break_out_of_the_json_ld_script() {
    // `<!--<script>` inside a script element puts the HTML parser into its "double escaped"
    // state, where the element's own `</script>` no longer ends it.
    let title = "Kommentar <!--<script> i titeln";
    let guide = Fixture::new(&[(
        "content/skola/kommentar.md",
        &challenge(&format!("'{title}'"), "2026-10-01", "Text."),
    )]);
    let site = build_ok(&guide.root(), &[]);
    let page = site.html("skola/kommentar/index.html");
    let json_ld: String = one(&page, r#"script[type="application/ld+json"]"#)
        .text()
        .collect();
    let json: serde_json::Value = serde_json::from_str(&json_ld)
        .unwrap_or_else(|e| panic!("JSON-LD no longer parses ({e}):\n{json_ld}"));
    assert_eq!(json["name"], title);
    assert_eq!(all(&page, r#"script[src$="signpost.js"]"#).len(), 1);
    assert_eq!(text(one(&page, "h1")), title);
}

#[test]
fn front_matter_values_are_escaped() {
    let title = r#"<b>&"x"</b>"#;
    let guide = Fixture::new(&[(
        "content/skola/farlig-titel.md",
        &challenge(&format!("'{title}'"), "2026-10-01", "Text."),
    )]);
    let site = build_ok(&guide.root(), &[]);
    let page = site.html("skola/farlig-titel/index.html");
    assert_eq!(text(one(&page, "title")), format!("{title} – Testguiden"));
    let h1 = one(&page, "h1");
    assert_eq!(text(h1), title);
    assert!(within(h1, "b").is_empty(), "the title became markup");
    assert!(all(&page, "head b, title b").is_empty());
    let raw = site.read("skola/farlig-titel/index.html");
    let raw_title = raw
        .split_once("<title>")
        .and_then(|(_, rest)| rest.split_once("</title>"))
        .map(|(t, _)| t)
        .expect("a <title>");
    assert!(raw_title.starts_with("&lt;b&gt;&amp;"), "{raw_title}");
    let json: serde_json::Value = serde_json::from_str(
        &one(&page, r#"script[type="application/ld+json"]"#)
            .text()
            .collect::<String>(),
    )
    .expect("JSON-LD parses");
    assert_eq!(json["name"], title);
    let list = site.html("challenges/index.html");
    assert!(all(&list, "main .card-title b").is_empty());
    assert!(text(one(&list, "main")).contains(title));
    assert_eq!(
        one(&page, r#"link[rel="canonical"]"#).value().attr("href"),
        Some(format!("{FIXTURE_BASE}skola/farlig-titel/").as_str())
    );
    // In an attribute the quotes are escaped too, and nothing else needs to be: addresses
    // keep their slashes as they are.
    assert_eq!(
        one(&page, r#"meta[property="og:title"]"#)
            .value()
            .attr("content"),
        Some(title)
    );
    assert!(raw.contains("content=\"&lt;b&gt;&amp;&quot;x&quot;&lt;/b&gt;\""));
    assert!(!raw.contains("&#x2F;"), "a slash was escaped");
}

// =======================================================================================
// Size budget

fn gzipped_len(path: &Path) -> usize {
    let out = Command::new("gzip")
        .arg("-c")
        .arg("-9")
        .arg(path)
        .output()
        .expect("run gzip");
    assert!(out.status.success(), "gzip {}", path.display());
    out.stdout.len()
}

/// The stylesheets and scripts the pages load (their output paths), with the theme's own.
fn loaded_assets(site: &Site) -> BTreeSet<String> {
    let mut loaded: BTreeSet<String> = site
        .files()
        .into_iter()
        .filter(|f| f.starts_with("assets/"))
        .collect();
    for page in site.html_files() {
        let doc = site.html(&page);
        let links = attrs(&all(&doc, r#"link[rel="stylesheet"]"#), "href");
        let scripts = attrs(&all(&doc, "script[src]"), "src");
        for link in links.iter().chain(&scripts) {
            if let Ok(Some((rel, _))) = resolve(link, &page, BASE) {
                loaded.insert(rel);
            }
        }
    }
    loaded
}

#[test]
fn pages_css_and_js_stay_within_their_gzipped_budgets() {
    let site = sample(&[]);
    let mut over = Vec::new();
    let assets = loaded_assets(&site);
    assert!(assets.iter().any(|f| f.ends_with(".css")), "{assets:?}");
    assert!(assets.iter().any(|f| f.ends_with(".js")), "{assets:?}");
    for file in site.html_files().into_iter().chain(assets) {
        let budget = match file.rsplit('.').next() {
            Some("html") => 40 * 1024,
            Some("css") => 25 * 1024,
            Some("js") => 20 * 1024,
            _ => continue,
        };
        let size = gzipped_len(&site.path(&file));
        if size > budget {
            over.push(format!("{file}: {size} bytes gzipped > {budget}"));
        }
    }
    assert!(over.is_empty(), "{}", over.join("\n"));
}

#[test]
fn nothing_decorative_is_printed_when_output_is_not_a_terminal() {
    // CI logs get the summary line and nothing else: no progress line, no colour codes.
    let out = tempfile::tempdir().unwrap();
    let run = Command::new(env!("CARGO_BIN_EXE_signpost"))
        .arg("--root")
        .arg(repo())
        .args(["build", "--today", "2026-11-21", "--output"])
        .arg(out.path().join("site"))
        .env_remove("CI")
        .output()
        .unwrap();
    assert!(run.status.success());
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(!all.contains('\r') && !all.contains('\x1b'), "{all:?}");
    assert_eq!(all.lines().count(), 1, "one summary line: {all:?}");
    // The sample guide is Swedish, and so is what signpost says of it.
    assert!(all.starts_with("Byggde "), "{all:?}");
}
