//! The documentation's own links: every relative link in README.md and `docs/` leads to a
//! file that exists and, with a `#anchor`, to a heading of that file, as the git host
//! renders it. The editors follow these links from one page to the next (the Swedish pages
//! to `kontroller.md#broken-link`, `innehallsformat.md#fällor-i-huvudet` …), so a renamed
//! heading must not leave them dead.
//!
//! Which pages document which codes and fields is tested where the codes and fields are
//! defined (`check_cli.rs`, `src/content/fields.rs`); this file only follows links.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The lines of a Markdown file outside fenced code blocks, with their numbers.
fn prose(text: &str) -> Vec<(usize, &str)> {
    let mut fence: Option<&str> = None;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        let marker = ["```", "~~~"].into_iter().find(|m| trimmed.starts_with(m));
        match (fence, marker) {
            (None, Some(m)) => fence = Some(m),
            (Some(open), Some(m)) if open == m => fence = None,
            (None, None) => out.push((i + 1, line)),
            _ => {}
        }
    }
    out
}

/// A line without its inline code spans (`` `[x](y)` `` is an example, not a link).
fn without_code(line: &str) -> String {
    line.split('`').step_by(2).collect::<Vec<_>>().join(" ")
}

/// The anchor the git host gives a heading's text (GitHub's: lowercase; letters, digits,
/// `_` and `-` kept; each space a `-`; everything else dropped).
fn slug(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '_' || c == '-' => Some(c),
            _ => None,
        })
        .collect()
}

/// Every heading anchor of a Markdown file; a repeated heading gets `-1`, `-2` ….
fn anchors(text: &str) -> BTreeSet<String> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut out = BTreeSet::new();
    for (_, line) in prose(text) {
        let hashes = line.chars().take_while(|c| *c == '#').count();
        if !(1..=6).contains(&hashes) || !line[hashes..].starts_with(' ') {
            continue;
        }
        let base = slug(&line[hashes..]);
        let n = seen.entry(base.clone()).or_insert(0);
        out.insert(if *n == 0 {
            base.clone()
        } else {
            format!("{base}-{n}")
        });
        *n += 1;
    }
    out
}

/// The targets of the inline links `[text](target)` of a line.
fn targets(line: &str) -> Vec<String> {
    let line = without_code(line);
    let mut out = Vec::new();
    let mut rest = line.as_str();
    while let Some(at) = rest.find("](") {
        rest = &rest[at + 2..];
        let end = rest.find(')').unwrap_or(rest.len());
        let target = rest[..end].split_whitespace().next().unwrap_or_default();
        out.push(target.trim_matches(['<', '>']).to_string());
        rest = &rest[end..];
    }
    out
}

/// The Markdown files whose links are followed.
fn pages() -> Vec<PathBuf> {
    let mut pages = vec![root().join("README.md")];
    let mut dirs = vec![root().join("docs")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "md") {
                pages.push(path);
            }
        }
    }
    pages.sort();
    pages
}

/// Problems with the relative links of one page, called `name` in the messages:
/// "name:line: target: what is wrong".
fn dead_links(page: &Path, name: &str) -> Vec<String> {
    let text = std::fs::read_to_string(page).unwrap();
    let mut dead = Vec::new();
    for (n, line) in prose(&text) {
        for target in targets(line) {
            if target.is_empty() || target.contains("://") || target.starts_with("mailto:") {
                continue;
            }
            let (path, anchor) = match target.split_once('#') {
                Some((p, a)) => (p, Some(a)),
                None => (target.as_str(), None),
            };
            let file = if path.is_empty() {
                page.to_path_buf()
            } else {
                page.parent().unwrap().join(path)
            };
            if !file.exists() {
                dead.push(format!("{name}:{n}: {target}: no such file"));
                continue;
            }
            let Some(anchor) = anchor else { continue };
            if file.extension().is_none_or(|e| e != "md") {
                continue;
            }
            let headings = anchors(&std::fs::read_to_string(&file).unwrap());
            if !headings.contains(anchor) {
                dead.push(format!("{name}:{n}: {target}: no heading with this anchor"));
            }
        }
    }
    dead
}

#[test]
fn the_slug_is_the_git_hosts() {
    assert_eq!(slug(" `broken-link`"), "broken-link");
    assert_eq!(slug(" Fällor i huvudet"), "fällor-i-huvudet");
    assert_eq!(
        slug(" Startsidan (`content/_index.md`)"),
        "startsidan-content_indexmd"
    );
    assert_eq!(
        slug(" Skapa en ny fil: `signpost new`"),
        "skapa-en-ny-fil-signpost-new"
    );
    let twice = anchors("## Bakgrund\n\n```\n## not a heading\n```\n## Bakgrund\n");
    assert_eq!(
        twice,
        BTreeSet::from(["bakgrund".to_string(), "bakgrund-1".to_string()])
    );
}

#[test]
fn a_dead_link_is_found() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("a.md");
    std::fs::write(
        &page,
        "# A\n\n## Så gör du\n\n[ok](#så-gör-du) [self](a.md#a) `[code](nowhere.md)` [web](https://example.org/x.md)\n\n```\n[fenced](nowhere.md)\n```\n[gone](b.md) [bad](#sa-gor-du)\n",
    )
    .unwrap();
    assert_eq!(
        dead_links(&page, "a.md"),
        [
            "a.md:10: b.md: no such file",
            "a.md:10: #sa-gor-du: no heading with this anchor"
        ]
    );
}

#[test]
fn every_relative_link_in_the_docs_leads_somewhere() {
    let dead: Vec<String> = pages()
        .iter()
        .flat_map(|p| dead_links(p, &p.strip_prefix(root()).unwrap().display().to_string()))
        .collect();
    assert!(dead.is_empty(), "dead links:\n{}", dead.join("\n"));
}
