//! The guide opened to people who never use git (issue #16), through the real binary:
//! "Föreslå en ändring" and proposal links with and without `[repository]`, in both
//! languages and for GitHub and GitLab; the Atom feeds of open challenges; the open data
//! (`api/entries.json`, `.csv`, the schema) against the sample guide; and building overdue
//! pages for publishing (`--allow-overdue`).
//!
//! The sample guide's `config.toml` has `[repository]`; the tests without it build a copy
//! with the table removed.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use scraper::{ElementRef, Html, Selector};
use serde_json::Value;
use tempfile::TempDir;

const TODAY: &str = "2026-11-21";
const BASE: &str = "https://example.org/guide/";
const REPO: &str = "https://github.com/kfvn/digitaliseringsguiden";

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A copy of the sample guide whose `config.toml` is `edit(sample config)`.
struct Copy {
    tmp: TempDir,
}

impl Copy {
    fn sample(edit: impl Fn(&str) -> String) -> Copy {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("guide");
        for dir in ["content", "themes"] {
            common::copy_dir(&repo().join(dir), &root.join(dir));
        }
        let config = fs::read_to_string(repo().join("config.toml")).unwrap();
        fs::write(root.join("config.toml"), edit(&config)).unwrap();
        Copy { tmp }
    }

    fn root(&self) -> PathBuf {
        self.tmp.path().join("guide")
    }

    fn write(&self, rel: &str, text: &str) {
        let p = self.root().join(rel);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, text).unwrap();
    }
}

/// The sample's config.toml without its `[repository]` table.
fn without_repository(config: &str) -> String {
    let start = config
        .find("[repository]")
        .expect("the sample has [repository]");
    let end = config[start..]
        .find("\n[owners]")
        .map(|i| start + i)
        .unwrap_or(config.len());
    format!("{}{}", &config[..start], &config[end..])
}

/// signpost in English (the tests read its English messages).
fn run(root: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_signpost"))
        .args(["--lang", "en"])
        .arg("--root")
        .arg(root)
        .args(args)
        .output()
        .unwrap()
}

fn describe(out: &Output) -> String {
    format!(
        "exit {:?}\n{}\n{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

struct Site {
    _tmp: TempDir,
    dir: PathBuf,
}

impl Site {
    fn read(&self, rel: &str) -> String {
        fs::read_to_string(self.dir.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }

    fn html(&self, rel: &str) -> Html {
        Html::parse_document(&self.read(rel))
    }

    fn html_files(&self) -> Vec<String> {
        let mut out = Vec::new();
        for e in walk(&self.dir) {
            let rel = e
                .strip_prefix(&self.dir)
                .unwrap()
                .to_string_lossy()
                .to_string();
            if rel.ends_with(".html") {
                out.push(rel);
            }
        }
        out.sort();
        out
    }
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

fn build(root: &Path, extra: &[&str]) -> Site {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("public");
    let mut args = vec!["build", "--today", TODAY, "--output", dir.to_str().unwrap()];
    args.extend(extra);
    let out = run(root, &args);
    assert_eq!(out.status.code(), Some(0), "{}", describe(&out));
    Site { _tmp: tmp, dir }
}

fn sel(css: &str) -> Selector {
    Selector::parse(css).unwrap()
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

fn text(el: ElementRef) -> String {
    el.text()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn href(el: ElementRef) -> String {
    el.value()
        .attr("href")
        .expect("a link has an href")
        .to_string()
}

/// The query of an address, decoded: name → value.
fn query(url: &str) -> BTreeMap<String, String> {
    let q = url.split_once('?').map(|x| x.1).unwrap_or_default();
    q.split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (decode(k), decode(v))
        })
        .collect()
}

fn decode(s: &str) -> String {
    let s = s.replace('+', " ");
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            out.push(u8::from_str_radix(&s[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

/// The sample's Markdown files (relative to the guide) with their front matter's simple
/// fields, read independently of signpost.
fn sample_files() -> Vec<(String, BTreeMap<String, String>)> {
    let content = repo().join("content");
    let mut out = Vec::new();
    for p in walk(&content) {
        let rel = format!(
            "content/{}",
            p.strip_prefix(&content).unwrap().to_string_lossy()
        );
        if !rel.ends_with(".md") {
            continue;
        }
        let text = fs::read_to_string(&p).unwrap();
        let fields = text
            .lines()
            .skip(1)
            .take_while(|l| *l != "---")
            .filter_map(|l| l.split_once(": "))
            .map(|(k, v)| (k.to_string(), v.trim().to_string()))
            .collect();
        out.push((rel, fields));
    }
    out.sort();
    out
}

/// (id, type) of the sample's published challenges and solutions, originals only.
fn published_entries() -> BTreeSet<(String, String)> {
    sample_files()
        .into_iter()
        .filter(|(rel, f)| {
            let name = rel.rsplit('/').next().unwrap();
            !name.starts_with('_')
                && name.matches('.').count() == 1
                && f.get("status").map(String::as_str) == Some("published")
                && matches!(
                    f.get("type").map(String::as_str),
                    Some("challenge" | "solution")
                )
        })
        .map(|(rel, f)| {
            let stem = rel.trim_end_matches(".md");
            let parts: Vec<&str> = stem.split('/').collect();
            let id = if parts.last() == Some(&"index") {
                parts[parts.len() - 2]
            } else {
                parts[parts.len() - 1]
            };
            (id.to_string(), f["type"].clone())
        })
        .collect()
}

// ---------------------------------------------------------------------------------------
// Suggest a change, propose a solution or a challenge

#[test]
fn every_page_built_from_a_file_links_its_own_file_in_the_hosts_editor_in_both_languages() {
    let site = build(repo(), &[]);
    for (page, file, label) in [
        (
            "aldreomsorg/nyckelhantering-hemtjanst/index.html",
            "content/aldreomsorg/nyckelhantering-hemtjanst.md",
            "Föreslå en ändring (GitHub)",
        ),
        (
            "en/aldreomsorg/nyckelhantering-hemtjanst/index.html",
            "content/aldreomsorg/nyckelhantering-hemtjanst.en.md",
            "Suggest a change (GitHub)",
        ),
        (
            "aldreomsorg/digitala-las-hemtjanst/index.html",
            "content/aldreomsorg/digitala-las-hemtjanst/index.md",
            "Föreslå en ändring (GitHub)",
        ),
        (
            "en/aldreomsorg/digitala-las-hemtjanst/index.html",
            "content/aldreomsorg/digitala-las-hemtjanst/index.en.md",
            "Suggest a change (GitHub)",
        ),
        (
            "om-guiden/index.html",
            "content/om-guiden.md",
            "Föreslå en ändring (GitHub)",
        ),
        (
            "aldreomsorg/index.html",
            "content/aldreomsorg/_area.md",
            "Föreslå en ändring (GitHub)",
        ),
        (
            "en/aldreomsorg/index.html",
            "content/aldreomsorg/_area.en.md",
            "Suggest a change (GitHub)",
        ),
        (
            "index.html",
            "content/_index.md",
            "Föreslå en ändring (GitHub)",
        ),
        (
            "en/index.html",
            "content/_index.en.md",
            "Suggest a change (GitHub)",
        ),
    ] {
        let doc = site.html(page);
        let link = one(&doc, ".edit-link a");
        assert_eq!(href(link), format!("{REPO}/edit/main/{file}"), "{page}");
        assert_eq!(text(link), label, "{page}");
        assert!(repo().join(file).is_file(), "{file} is the page's own file");
    }
    // An untranslated entry has no English page: its Swedish page links the Swedish file.
    // Lists, tag and search pages are built from no file and have no edit link.
    for page in [
        "challenges/index.html",
        "tags/index.html",
        "en/solutions/index.html",
        "404.html",
    ] {
        assert!(all(&site.html(page), ".edit-link").is_empty(), "{page}");
    }
}

#[test]
fn every_challenge_invites_a_solution_prefilled_with_its_id_and_title() {
    let site = build(repo(), &[]);
    let challenges: Vec<String> = published_entries()
        .into_iter()
        .filter(|(_, t)| t == "challenge")
        .map(|(id, _)| id)
        .collect();
    assert!(challenges.len() >= 5);
    for id in &challenges {
        let json: Value = serde_json::from_str(&site.read("api/entries.json")).unwrap();
        let entry = json["entries"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["id"] == id.as_str())
            .unwrap();
        let rel = entry["url"].as_str().unwrap().strip_prefix(BASE).unwrap();
        let doc = site.html(&format!("{rel}index.html"));
        let section = one(&doc, ".propose");
        assert_eq!(text(one(&doc, ".propose h3")), "Har du en lösning?", "{id}");
        let link = section.select(&sel("a")).next().unwrap();
        let url = href(link);
        assert!(url.starts_with(&format!("{REPO}/issues/new?")), "{url}");
        let q = query(&url);
        assert_eq!(q["template"], "propose-solution.yml");
        assert_eq!(q["addresses"], *id);
        let title = text(one(&doc, "h1"));
        assert_eq!(q["title"], format!("Lösning på: {title}"));
        assert!(
            repo()
                .join(".github/ISSUE_TEMPLATE/propose-solution.yml")
                .is_file(),
            "the form the link opens exists"
        );
    }
    // The English page of a translated challenge invites in English, the same form.
    let doc = site.html("en/aldreomsorg/nyckelhantering-hemtjanst/index.html");
    assert_eq!(text(one(&doc, ".propose h3")), "Do you have a solution?");
    let q = query(&href(one(&doc, ".propose a")));
    assert_eq!(q["addresses"], "nyckelhantering-hemtjanst");
    assert!(q["title"].starts_with("Solution for: "));
    // Solutions do not invite solutions.
    assert!(all(
        &site.html("aldreomsorg/digitala-las-hemtjanst/index.html"),
        ".propose"
    )
    .is_empty());
}

#[test]
fn home_and_open_challenges_invite_new_challenges_in_both_languages() {
    let site = build(repo(), &[]);
    for (page, heading) in [
        ("index.html", "Saknas en utmaning?"),
        ("open-challenges/index.html", "Saknas en utmaning?"),
        ("en/index.html", "Is a challenge missing?"),
        ("en/open-challenges/index.html", "Is a challenge missing?"),
    ] {
        let doc = site.html(page);
        assert_eq!(
            text(one(&doc, "#propose-challenge-heading")),
            heading,
            "{page}"
        );
        let url = href(one(&doc, ".propose a"));
        assert_eq!(
            url,
            format!("{REPO}/issues/new?template=propose-challenge.yml"),
            "{page}"
        );
    }
}

#[test]
fn without_a_repository_no_page_links_to_a_git_host() {
    let copy = Copy::sample(without_repository);
    let site = build(&copy.root(), &[]);
    let pages = site.html_files();
    assert!(pages.len() > 100);
    for page in pages {
        let html = site.read(&page);
        assert!(!html.contains("github.com"), "{page} links the git host");
        let doc = Html::parse_document(&html);
        assert!(all(&doc, ".edit-link, .propose").is_empty(), "{page}");
    }
}

#[test]
fn a_gitlab_repository_gets_gitlabs_editor_and_issue_form() {
    let copy = Copy::sample(|c| {
        c.replace(
            "url = \"https://github.com/kfvn/digitaliseringsguiden\"\nbranch = \"main\"",
            "url = \"https://gitlab.com/kommunerna/it/guiden\"\nbranch = \"publicerad\"",
        )
    });
    let site = build(&copy.root(), &[]);
    let doc = site.html("aldreomsorg/nattlig-tillsyn/index.html");
    assert_eq!(
        href(one(&doc, ".edit-link a")),
        "https://gitlab.com/kommunerna/it/guiden/-/edit/publicerad/content/aldreomsorg/nattlig-tillsyn.md"
    );
    assert_eq!(
        text(one(&doc, ".edit-link a")),
        "Föreslå en ändring (GitLab)"
    );
    let url = href(one(&doc, ".propose a"));
    assert!(
        url.starts_with("https://gitlab.com/kommunerna/it/guiden/-/issues/new?"),
        "{url}"
    );
    let q = query(&url);
    assert!(q["issue[title]"].starts_with("Lösning på: "));
    assert!(
        q["issue[description]"]
            .contains("### Vilken utmaning hjälper lösningen mot?\n\nnattlig-tillsyn\n"),
        "{}",
        q["issue[description]"]
    );
}

#[test]
fn a_repository_address_signpost_cannot_link_to_is_an_error_naming_the_line() {
    let copy = Copy::sample(|c| {
        c.replace(
            "https://github.com/kfvn/digitaliseringsguiden",
            "https://bitbucket.org/kfvn/guiden",
        )
    });
    let out = run(
        &copy.root(),
        &["check", "--format", "json", "--today", TODAY],
    );
    assert_eq!(out.status.code(), Some(1), "{}", describe(&out));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let d = &report["diagnostics"][0];
    assert_eq!(d["code"], "invalid-value");
    assert_eq!(d["file"], "config.toml");
    let line = fs::read_to_string(copy.root().join("config.toml"))
        .unwrap()
        .lines()
        .position(|l| l.contains("bitbucket"))
        .unwrap()
        + 1;
    assert_eq!(d["line"], line as u64);
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .contains("not of bitbucket.org"),
        "{d}"
    );
}

// ---------------------------------------------------------------------------------------
// Feeds of open challenges

/// The entry links of an Atom feed.
fn feed_links(xml: &str) -> BTreeSet<String> {
    let doc = roxmltree::Document::parse(xml).unwrap();
    doc.descendants()
        .filter(|n| n.has_tag_name("entry"))
        .map(|e| {
            e.children()
                .find(|c| c.has_tag_name("link"))
                .and_then(|l| l.attribute("href"))
                .unwrap()
                .to_string()
        })
        .collect()
}

/// The card links of a list page, absolute.
fn card_links(doc: &Html, css: &str) -> BTreeSet<String> {
    all(doc, css)
        .into_iter()
        .map(|a| format!("https://example.org{}", href(a)))
        .collect()
}

#[test]
fn open_challenges_have_feeds_for_the_guide_and_each_area_linked_from_their_pages() {
    let site = build(repo(), &[]);
    for prefix in ["", "en/"] {
        let list = site.html(&format!("{prefix}open-challenges/index.html"));
        let open = card_links(&list, ".cards .card-title a");
        assert!(!open.is_empty());
        let feed_rel = format!("{prefix}open-challenges/feed.xml");
        let feed_url = format!("/guide/{feed_rel}");
        assert_eq!(feed_links(&site.read(&feed_rel)), open, "{feed_rel}");
        // Linked for feed readers and for people.
        let alt = one(
            &list,
            &format!("link[rel=alternate][type=\"application/atom+xml\"][href=\"{feed_url}\"]"),
        );
        assert!(alt.value().attr("title").unwrap().len() > 3);
        assert_eq!(href(one(&list, ".feed-link a")), feed_url);

        let mut union = BTreeSet::new();
        for area in ["aldreomsorg", "bygglov", "skola", "socialtjanst"] {
            let rel = format!("{prefix}{area}/open-challenges.xml");
            let links = feed_links(&site.read(&rel));
            assert!(
                links.iter().all(|l| l.contains(&format!("/{area}/"))),
                "{rel}: {links:?}"
            );
            union.extend(links);
            let page = site.html(&format!("{prefix}{area}/index.html"));
            let url = format!("/guide/{rel}");
            one(&page, &format!("link[rel=alternate][href=\"{url}\"]"));
            assert!(
                all(&page, ".feed-link a").iter().any(|a| href(*a) == url),
                "{area}"
            );
        }
        assert_eq!(
            union, open,
            "the area feeds together hold every open challenge"
        );
    }
}

#[test]
fn a_feed_of_open_challenges_holds_at_most_a_hundred_newest_first() {
    let copy = Copy::sample(|c| c.to_string());
    for i in 0..105 {
        copy.write(
            &format!("content/skola/oppen-{i:03}.md"),
            &format!(
                "---\ntype: challenge\ntitle: Öppen utmaning {i:03}\nsummary: S.\nstatus: published\nreviewed_by: [A]\nlast_reviewed: 2026-{:02}-{:02}\n---\n\nText.\n",
                1 + i / 28,
                1 + i % 28
            ),
        );
    }
    let site = build(&copy.root(), &[]);
    for rel in ["open-challenges/feed.xml", "skola/open-challenges.xml"] {
        let links = feed_links(&site.read(rel));
        assert_eq!(links.len(), 100, "{rel}");
        // The five oldest of the 105 are left out.
        for i in 0..5 {
            assert!(
                !links
                    .iter()
                    .any(|l| l.ends_with(&format!("/oppen-{i:03}/"))),
                "{rel}"
            );
        }
        assert!(links.iter().any(|l| l.ends_with("/oppen-104/")));
    }
}

// ---------------------------------------------------------------------------------------
// Open data

fn entries(site: &Site, rel: &str) -> Vec<Value> {
    let json: Value = serde_json::from_str(&site.read(rel)).unwrap();
    json["entries"].as_array().unwrap().clone()
}

#[test]
fn entries_json_has_every_published_entry_in_each_language_and_no_other() {
    let site = build(repo(), &[]);
    let expected = published_entries();
    for (rel, lang) in [("api/entries.json", "sv"), ("en/api/entries.json", "en")] {
        let json: Value = serde_json::from_str(&site.read(rel)).unwrap();
        assert_eq!(json["version"], 1);
        assert_eq!(json["language"], lang);
        assert_eq!(json["$schema"], format!("{BASE}api/entries.schema.json"));
        let got: BTreeSet<(String, String)> = json["entries"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e["id"].as_str().unwrap().into(),
                    e["type"].as_str().unwrap().into(),
                )
            })
            .collect();
        assert_eq!(
            got, expected,
            "{rel}: every published challenge and solution, once"
        );
        let ids: Vec<&str> = json["entries"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["id"].as_str().unwrap())
            .collect();
        let mut sorted = ids.clone();
        sorted.sort();
        assert_eq!(ids, sorted, "sorted by id");
    }
    // Drafts, texts in review and archived entries are never in it, even in a preview.
    let preview = build(repo(), &["--drafts"]);
    for hidden in [
        "vikarieanskaffning",
        "sensorer-fallrisk",
        "pdf-blankett-bygglov",
    ] {
        assert!(!expected.iter().any(|(id, _)| id == hidden));
        for rel in ["api/entries.json", "en/api/entries.json"] {
            assert!(
                !entries(&preview, rel).iter().any(|e| e["id"] == hidden),
                "{hidden} in {rel}"
            );
        }
    }
}

#[test]
fn entries_carry_their_fields_and_the_reverse_links() {
    let site = build(repo(), &[]);
    let sv = entries(&site, "api/entries.json");
    let by_id: BTreeMap<&str, &Value> = sv.iter().map(|e| (e["id"].as_str().unwrap(), e)).collect();
    // Every solution's addresses are answered by the challenge's addressed_by, and nothing else.
    let mut reverse: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for e in &sv {
        for c in e["addresses"].as_array().unwrap() {
            reverse
                .entry(c.as_str().unwrap().into())
                .or_default()
                .insert(e["id"].as_str().unwrap().into());
        }
    }
    for e in sv.iter().filter(|e| e["type"] == "challenge") {
        let got: BTreeSet<String> = e["addressed_by"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().into())
            .collect();
        let id = e["id"].as_str().unwrap();
        assert_eq!(got, reverse.get(id).cloned().unwrap_or_default(), "{id}");
    }
    assert!(reverse.values().map(BTreeSet::len).sum::<usize>() >= 5);

    let s = by_id["digitala-las-hemtjanst"];
    assert_eq!(s["type"], "solution");
    assert_eq!(
        s["url"],
        format!("{BASE}aldreomsorg/digitala-las-hemtjanst/")
    );
    assert_eq!(s["area"], "aldreomsorg");
    assert_eq!(s["language"], "sv");
    assert_eq!(
        s["translations"],
        serde_json::json!([{"language": "en", "url": format!("{BASE}en/aldreomsorg/digitala-las-hemtjanst/")}])
    );
    for field in [
        "kind",
        "owner",
        "last_reviewed",
        "next_review",
        "title",
        "summary",
    ] {
        assert!(s[field].is_string(), "{field}: {s}");
    }
    // In English: the translation's own text and address, and an untranslated entry in
    // Swedish at its Swedish address.
    let en = entries(&site, "en/api/entries.json");
    let t = en
        .iter()
        .find(|e| e["id"] == "digitala-las-hemtjanst")
        .unwrap();
    assert_eq!(t["language"], "en");
    assert_eq!(
        t["url"],
        format!("{BASE}en/aldreomsorg/digitala-las-hemtjanst/")
    );
    assert_eq!(t["translations"][0]["language"], "sv");
    assert_eq!(t["addresses"], s["addresses"]);
    let untranslated = en.iter().find(|e| e["id"] == "nattlig-tillsyn").unwrap();
    assert_eq!(untranslated["language"], "sv");
    assert_eq!(
        untranslated["url"],
        format!("{BASE}aldreomsorg/nattlig-tillsyn/")
    );
}

#[test]
fn entries_json_validates_against_its_published_schema() {
    let site = build(repo(), &[]);
    let schema: Value = serde_json::from_str(&site.read("api/entries.schema.json")).unwrap();
    assert_eq!(schema["$id"], format!("{BASE}api/entries.schema.json"));
    let validator = jsonschema::draft202012::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("a valid JSON Schema");
    for rel in ["api/entries.json", "en/api/entries.json"] {
        let json: Value = serde_json::from_str(&site.read(rel)).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&json)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{rel}: {errors:#?}");
        // And the schema is strict: a misspelt field or a wrong version is refused.
        let mut wrong = json.clone();
        wrong["entries"][0]["titel"] = "x".into();
        assert!(!validator.is_valid(&wrong));
        let mut wrong = json.clone();
        wrong["version"] = 2.into();
        assert!(!validator.is_valid(&wrong));
    }
}

#[test]
fn entries_csv_is_the_same_data_for_spreadsheets() {
    let site = build(repo(), &[]);
    for (csv_rel, json_rel) in [
        ("api/entries.csv", "api/entries.json"),
        ("en/api/entries.csv", "en/api/entries.json"),
    ] {
        let bytes = fs::read(site.dir.join(csv_rel)).unwrap();
        let text = String::from_utf8(bytes).expect("UTF-8");
        let text = text
            .strip_prefix('\u{feff}')
            .expect("a byte order mark, for Excel");
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
        assert_eq!(&header[..5], ["id", "type", "title", "summary", "url"]);
        let json = entries(&site, json_rel);
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), json.len(), "{csv_rel}: one row per entry");
        let col = |name: &str| header.iter().position(|h| h == name).unwrap();
        for (row, e) in rows.iter().zip(&json) {
            for field in [
                "id",
                "type",
                "title",
                "summary",
                "url",
                "owner",
                "last_reviewed",
                "next_review",
                "language",
            ] {
                assert_eq!(
                    row[col(field)],
                    *e[field].as_str().unwrap_or_default(),
                    "{csv_rel} {field}"
                );
            }
            let list = |f: &str| {
                e[f].as_array()
                    .unwrap()
                    .iter()
                    .map(|v| v.as_str().unwrap())
                    .collect::<Vec<_>>()
                    .join("; ")
            };
            for field in [
                "tags",
                "organisations",
                "addresses",
                "addressed_by",
                "related",
            ] {
                assert_eq!(row[col(field)], list(field), "{csv_rel} {field}");
            }
        }
    }
}

#[test]
fn a_formula_in_a_title_is_not_run_by_a_spreadsheet() {
    let copy = Copy::sample(|c| c.to_string());
    copy.write(
        "content/skola/formel.md",
        "---\ntype: challenge\ntitle: \"=HYPERLINK(\\\"http://x\\\")\"\nsummary: \"+1, \\\"citat\\\"\"\nstatus: published\nreviewed_by: [A]\nlast_reviewed: 2026-10-01\n---\n\nText.\n",
    );
    let site = build(&copy.root(), &[]);
    let text = site.read("api/entries.csv");
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let row = reader
        .records()
        .map(Result::unwrap)
        .find(|r| &r[0] == "formel")
        .unwrap();
    assert_eq!(&row[2], "'=HYPERLINK(\"http://x\")");
    assert_eq!(&row[3], "'+1, \"citat\"");
    let json = entries(&site, "api/entries.json");
    let e = json.iter().find(|e| e["id"] == "formel").unwrap();
    assert_eq!(
        e["title"], "=HYPERLINK(\"http://x\")",
        "the JSON keeps the exact text"
    );
}

// ---------------------------------------------------------------------------------------
// Time alone never takes a site down

#[test]
fn a_publishing_build_builds_overdue_pages_with_their_notice_even_when_overdue_is_an_error() {
    let copy = Copy::sample(|c| c.replace("overdue = \"warning\"", "overdue = \"error\""));
    // Two years on, many reviews are overdue: the check (pull requests) fails …
    let later = "2028-11-21";
    let check = run(&copy.root(), &["check", "--today", later]);
    assert_eq!(check.status.code(), Some(1), "{}", describe(&check));
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let plain = run(
        &copy.root(),
        &["build", "--today", later, "--output", out.to_str().unwrap()],
    );
    assert_eq!(plain.status.code(), Some(1), "{}", describe(&plain));
    assert!(!out.exists());
    // … but publishing builds them, each with its notice, and says why in warnings.
    for extra in [&[][..], &["--deny-warnings"][..]] {
        let mut args = vec![
            "build",
            "--allow-overdue",
            "--today",
            later,
            "--output",
            out.to_str().unwrap(),
        ];
        args.extend(extra);
        let built = run(&copy.root(), &args);
        assert_eq!(built.status.code(), Some(0), "{}", describe(&built));
        assert!(String::from_utf8_lossy(&built.stderr).contains("review-overdue"));
        let page = Html::parse_document(
            &fs::read_to_string(out.join("aldreomsorg/nattlig-tillsyn/index.html")).unwrap(),
        );
        assert!(one(&page, "[data-overdue-notice]")
            .value()
            .attr("hidden")
            .is_none());
    }
    // Other errors still stop it.
    copy.write(
        "content/skola/trasig.md",
        "---\ntype: challenge\ntitel: x\n---\n",
    );
    let broken = run(
        &copy.root(),
        &[
            "build",
            "--allow-overdue",
            "--today",
            later,
            "--output",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(broken.status.code(), Some(1), "{}", describe(&broken));
}
