//! Lists that stay light at any size (issue #15): the lists, an area's page, the tag index
//! and a tag's page are split into numbered pages with a pager, the home page shows a few
//! entries and links the full lists, and every published entry is still reached from the
//! home page by following plain links, as a reader without JavaScript (or a search
//! engine) does. Built through the real binary from generated guides (`common::Generated`).

mod common;

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::fs;
use std::io::Write;
use std::path::Path;

use common::{Generated, GeneratedEntry};
use scraper::{ElementRef, Html, Selector};

/// The generated guides' base path (`base_url` is `https://example.org/g/`).
const BASE: &str = "/g/";

fn sel(css: &str) -> Selector {
    Selector::parse(css).expect("a valid selector")
}

fn html(out: &Path, rel: &str) -> Html {
    let path = out.join(rel).join("index.html");
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Html::parse_document(&text)
}

fn text(el: ElementRef) -> String {
    el.text()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn title(doc: &Html) -> String {
    text(doc.select(&sel("title")).next().expect("a title"))
}

/// The addresses (below the base) of the links in `doc` matching `css`.
fn links(doc: &Html, css: &str) -> Vec<String> {
    doc.select(&sel(css))
        .filter_map(|a| a.value().attr("href"))
        .filter_map(|h| h.strip_prefix(BASE))
        .map(str::to_string)
        .collect()
}

fn gzipped(bytes: &[u8]) -> usize {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(bytes).unwrap();
    gz.finish().unwrap().len()
}

/// Follows every link of the built site from the home page, as a reader without JavaScript
/// does: the pages reached, by address below the base.
fn crawl(out: &Path) -> BTreeSet<String> {
    let mut seen: BTreeSet<String> = BTreeSet::from([String::new()]);
    let mut todo: VecDeque<String> = VecDeque::from([String::new()]);
    while let Some(rel) = todo.pop_front() {
        let doc = html(out, &rel);
        for href in doc
            .select(&sel("a[href]"))
            .filter_map(|a| a.value().attr("href"))
        {
            let Some(target) = href.strip_prefix(BASE) else {
                continue;
            };
            let target = target.split(['#', '?']).next().unwrap_or_default();
            // Pages only: feeds and other files are not where readers browse.
            if !(target.is_empty() || target.ends_with('/')) {
                continue;
            }
            assert!(
                out.join(target).join("index.html").is_file(),
                "{rel} links to {target}, which was not built"
            );
            if seen.insert(target.to_string()) {
                todo.push_back(target.to_string());
            }
        }
    }
    seen
}

fn published(entries: &[GeneratedEntry]) -> impl Iterator<Item = &GeneratedEntry> {
    entries.iter().filter(|e| e.status == "published")
}

#[test]
fn every_published_entry_is_reached_from_the_home_page_by_following_links() {
    // 400 entries in lists of 7: "all challenges" has 29 pages, an area's 43, a tag's 5.
    let spec = Generated {
        areas: 3,
        challenges: 240,
        solutions: 160,
        tags: 30,
        per_page: Some(7),
        tags_per_page: Some(4),
        ..Generated::default()
    };
    let (guide, entries) = spec.write();
    let out = tempfile::tempdir().unwrap();
    let out = out.path().join("site");
    common::build(&guide, &out);

    let reached = crawl(&out);
    let mut missing = Vec::new();
    for e in published(&entries) {
        for url in std::iter::once(&e.url).chain(&e.en_url) {
            if !reached.contains(url) {
                missing.push(url.clone());
            }
        }
    }
    assert!(
        missing.is_empty(),
        "not reached from the home page: {missing:?}"
    );
    // Every page of the site is reached, the lists' later pages too, but for archived
    // entries (out of every list) and the search page (reached through a form).
    let mut built = BTreeSet::new();
    let mut stack = vec![out.clone()];
    while let Some(dir) = stack.pop() {
        for f in fs::read_dir(&dir).unwrap() {
            let p = f.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.file_name().is_some_and(|n| n == "index.html") {
                let rel = p.parent().unwrap().strip_prefix(&out).unwrap();
                let rel = rel.to_str().unwrap();
                built.insert(if rel.is_empty() {
                    String::new()
                } else {
                    format!("{rel}/")
                });
            }
        }
    }
    let archived: BTreeSet<String> = entries
        .iter()
        .filter(|e| e.status == "archived")
        .flat_map(|e| [e.url.clone(), format!("en/{}", e.url)])
        .chain(["search/".to_string(), "en/search/".to_string()])
        .collect();
    let unreached: Vec<&String> = built
        .difference(&reached)
        .filter(|p| !archived.contains(*p))
        .collect();
    assert!(
        unreached.is_empty(),
        "built but not reached from the home page: {unreached:?}"
    );
    // The lists really are split, or the crawl proves little.
    for rel in [
        "challenges/page/20/",
        "solutions/page/20/",
        "omrade-0/page/10/",
        "tags/page/7/",
        "tags/tagg-0/page/2/",
        "en/challenges/page/20/",
        "en/open-challenges/page/2/",
    ] {
        assert!(reached.contains(rel), "{rel} not reached");
    }
    // Drafts are not on the site at all.
    for e in entries.iter().filter(|e| e.status == "draft") {
        assert!(!out.join(&e.url).exists(), "{} was built", e.url);
    }
}

/// The pages of a list in order, and what each shows (links of `css`).
fn pages_of(out: &Path, first: &str, css: &str) -> Vec<Vec<String>> {
    let mut pages = Vec::new();
    let mut rel = Some(first.to_string());
    while let Some(r) = rel {
        let doc = html(out, &r);
        pages.push(links(&doc, css));
        let next = links(&doc, "nav.pager a[rel=next]");
        assert!(next.len() <= 1, "{r}: one next link");
        rel = next.into_iter().next();
        assert!(pages.len() < 1000, "the pager goes round in circles");
    }
    pages
}

#[test]
fn a_list_is_split_into_pages_that_together_hold_it_once_in_order() {
    let spec = Generated {
        challenges: 60,
        solutions: 40,
        per_page: Some(8),
        ..Generated::default()
    };
    let (guide, entries) = spec.write();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    common::build(&guide, &out);

    let collate = |t: &str| t.to_lowercase();
    let mut challenges: Vec<&GeneratedEntry> =
        published(&entries).filter(|e| e.challenge).collect();
    challenges.sort_by_key(|e| collate(&e.title));
    let want: Vec<String> = challenges.iter().map(|e| e.url.clone()).collect();
    let pages = pages_of(&out, "challenges/", "main .card-title a");
    assert_eq!(pages.len(), want.len().div_ceil(8));
    assert!(pages[..pages.len() - 1].iter().all(|p| p.len() == 8));
    let got: Vec<String> = pages.concat();
    assert_eq!(got, want, "every published challenge once, by title");

    // An area: its challenges, then its solutions, over its pages.
    let area: BTreeSet<String> = published(&entries)
        .filter(|e| e.url.starts_with("omrade-1/"))
        .map(|e| e.url.clone())
        .collect();
    let pages = pages_of(&out, "omrade-1/", "main .card-title a");
    let got: Vec<String> = pages.concat();
    assert_eq!(
        got.len(),
        area.len(),
        "each entry of the area once: {got:?}"
    );
    assert_eq!(got.iter().cloned().collect::<BTreeSet<_>>(), area);
    let first_solution = got.iter().position(|u| u.contains("/losning-")).unwrap();
    assert!(
        got[first_solution..]
            .iter()
            .all(|u| u.contains("/losning-")),
        "challenges first"
    );
    // The first page says where the solutions start.
    let from = links(&html(&out, "omrade-1/"), "main .more-link a");
    assert_eq!(from, [format!("omrade-1/page/{}/", first_solution / 8 + 1)]);

    // The tag index, in pages of its own size.
    let tags: Vec<String> = pages_of(&out, "tags/", "main .tag-index a").concat();
    assert_eq!(tags.len(), 12);
    assert_eq!(tags.iter().collect::<BTreeSet<_>>().len(), 12);
}

#[test]
fn a_page_of_a_list_says_where_it_is_in_its_title_heading_and_pager() {
    let spec = Generated {
        challenges: 120,
        solutions: 10,
        per_page: Some(2),
        ..Generated::default()
    };
    let (guide, _) = spec.write();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    common::build(&guide, &out);
    let count = fs::read_dir(out.join("challenges/page")).unwrap().count() + 1;
    assert!(count > 40, "{count} pages");
    let mid = count / 2;

    let doc = html(&out, &format!("challenges/page/{mid}/"));
    assert_eq!(
        title(&doc),
        format!("Alla utmaningar – sida {mid} av {count} – Genererad guide")
    );
    assert_eq!(
        text(doc.select(&sel("main .pager-status")).next().unwrap()),
        format!("Sida {mid} av {count}")
    );
    let nav = doc.select(&sel("nav.pager")).next().expect("a pager");
    assert_eq!(nav.value().attr("aria-label"), Some("Sidor i listan"));
    let current: Vec<ElementRef> = doc.select(&sel("nav.pager a[aria-current=page]")).collect();
    assert_eq!(current.len(), 1);
    assert_eq!(text(current[0]), mid.to_string());
    assert_eq!(
        current[0].value().attr("aria-label"),
        Some(format!("Sida {mid}").as_str())
    );
    // A short pager: previous, 1, …, two either side, …, the last, next.
    let items: Vec<String> = doc.select(&sel("nav.pager li")).map(text).collect();
    let want: Vec<String> = ["Föregående", "1", "…"]
        .iter()
        .map(|s| s.to_string())
        .chain((mid - 2..=mid + 2).map(|n| n.to_string()))
        .chain(["…".to_string(), count.to_string(), "Nästa".to_string()])
        .collect();
    assert_eq!(items, want);
    assert_eq!(
        links(&doc, "nav.pager a[rel=prev]"),
        [format!("challenges/page/{}/", mid - 1)]
    );
    assert_eq!(
        links(&doc, "head link[rel=next]"),
        [format!("challenges/page/{}/", mid + 1)]
    );
    // Its own canonical address; the first page keeps the list's.
    let canonical = |doc: &Html| {
        doc.select(&sel("link[rel=canonical]"))
            .next()
            .unwrap()
            .value()
            .attr("href")
            .unwrap()
            .to_string()
    };
    assert_eq!(
        canonical(&doc),
        format!("https://example.org/g/challenges/page/{mid}/")
    );
    let first = html(&out, "challenges/");
    assert_eq!(canonical(&first), "https://example.org/g/challenges/");
    assert_eq!(
        title(&first),
        format!("Alla utmaningar – sida 1 av {count} – Genererad guide")
    );
    assert!(links(&first, "nav.pager a[rel=prev]").is_empty());
    let last = html(&out, &format!("challenges/page/{count}/"));
    assert!(links(&last, "nav.pager a[rel=next]").is_empty());

    // In English, with the English strings.
    let en = html(&out, "en/challenges/page/2/");
    assert!(
        title(&en).starts_with("All challenges – page 2 of "),
        "{}",
        title(&en)
    );
    assert!(text(en.select(&sel("main .pager-status")).next().unwrap()).starts_with("Page 2 of "));
    let nav = en.select(&sel("nav.pager")).next().unwrap();
    assert_eq!(nav.value().attr("aria-label"), Some("Pages of the list"));

    // The sitemap names each list once, by its first page.
    let sitemap = fs::read_to_string(out.join("sitemap.xml")).unwrap();
    assert!(sitemap.contains("<loc>https://example.org/g/challenges/</loc>"));
    assert!(
        !sitemap.contains("/page/"),
        "later pages of lists are not in the sitemap"
    );
}

#[test]
fn the_home_page_shows_a_few_entries_and_links_the_full_lists() {
    let spec = Generated {
        challenges: 150,
        solutions: 30,
        ..Generated::default()
    };
    let (guide, entries) = spec.write();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    common::build(&guide, &out);
    let home = html(&out, "");
    let cards = home
        .select(&sel("main .card-challenge, main .card-solution"))
        .count();
    assert!(cards <= 12, "{cards} cards on the home page");
    let open = links(&home, "#open-heading ~ .more-link a");
    assert_eq!(open, ["open-challenges/"]);
    let more = links(&home, "main .more-links a");
    assert_eq!(more, ["challenges/", "solutions/"]);
    let published_challenges = published(&entries).filter(|e| e.challenge).count();
    let all = text(home.select(&sel("main .more-links a")).next().unwrap());
    assert_eq!(all, format!("Alla utmaningar ({published_challenges})"));
}

#[test]
fn no_page_is_over_its_budget_however_long_the_lists() {
    // Titles and summaries as long as allowed, at the default page size: the heaviest a
    // page of a list can be, whatever the size of the guide.
    let spec = Generated {
        areas: 2,
        challenges: 130,
        solutions: 130,
        tags: 3,
        longest: true,
        ..Generated::default()
    };
    let (guide, _) = spec.write();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    common::build(&guide, &out);
    assert!(
        out.join("challenges/page/2/index.html").exists(),
        "the list is split"
    );
    let mut sizes: BTreeMap<usize, String> = BTreeMap::new();
    let mut stack = vec![out.clone()];
    while let Some(dir) = stack.pop() {
        for f in fs::read_dir(&dir).unwrap() {
            let p = f.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "html") {
                sizes.insert(gzipped(&fs::read(&p).unwrap()), p.display().to_string());
            }
        }
    }
    let (largest, page) = sizes.last_key_value().unwrap();
    assert!(*largest <= 40 * 1024, "{page}: {largest} bytes gzipped");
    // A full page of the longest cards is a real test of the budget, not an empty one.
    let full = html(&out, "challenges/");
    assert_eq!(
        full.select(&sel("main .card")).count(),
        50,
        "the default page size"
    );
    assert!(*largest > 5 * 1024, "{page}: only {largest} bytes");
}
