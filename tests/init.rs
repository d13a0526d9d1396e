//! `signpost init`: a new guide in an empty folder that checks without a warning and builds,
//! with no `themes/` and no Rust in it; options for title, address and languages; a folder
//! with anything in it is refused and left as it was. Its workflows are linted with the
//! repository's own in `tests/workflows.rs`.

mod common;

use std::fs;
use std::path::Path;

use common::signpost;

fn init(dir: &Path, extra: &[&str]) -> common::Output {
    let mut args = vec!["init", dir.to_str().unwrap()];
    args.extend_from_slice(extra);
    signpost(&args, None)
}

fn written(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(
                    p.strip_prefix(dir)
                        .unwrap()
                        .to_string_lossy()
                        .replace('\\', "/"),
                );
            }
        }
    }
    out.sort();
    out
}

/// `check --deny-warnings` passes with no diagnostic at all, and `build` writes the site.
fn assert_checks_and_builds(root: &Path) {
    let r = root.to_str().unwrap();
    let out = signpost(
        &["--root", r, "check", "--deny-warnings", "--format", "json"],
        None,
    );
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    let report = common::parse_json(&out.stdout);
    assert!(report.diagnostics.is_empty(), "{:?}", report.diagnostics);
    let out = signpost(&["--root", r, "build", "--deny-warnings"], None);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    assert_eq!(out.stderr, "", "a clean build prints no problem");
    assert!(root.join("public/index.html").is_file());
    assert!(root.join("public/assets/signpost.css").is_file());
    assert!(root.join("public/search/data/sv/manifest.json").is_file());
}

#[test]
fn init_makes_a_guide_that_checks_and_builds_clean() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("guide");
    let out = init(&dir, &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        written(&dir),
        [
            ".github/ISSUE_TEMPLATE/propose-challenge.yml",
            ".github/ISSUE_TEMPLATE/propose-solution.yml",
            ".github/ISSUE_TEMPLATE/report-error.yml",
            ".github/dependabot.yml",
            ".github/workflows/check.yml",
            ".github/workflows/publish.yml",
            ".github/workflows/review-reminder.yml",
            ".gitignore",
            "README.md",
            "config.toml",
            "content/_index.md",
            "content/forsta-omradet/_area.md",
            "content/om-guiden.md",
            "content/tillganglighet.md",
        ]
    );
    assert!(!dir.join("themes").exists() && !dir.join("Cargo.toml").exists());
    let config = fs::read_to_string(dir.join("config.toml")).unwrap();
    assert!(config.contains("# ÄNDRA: guidens namn"), "{config}");
    assert!(config.contains("default_language = \"sv\"\nlanguages = [\"sv\"]"));
    // The accessibility statement has the headings of DIGG's model statement.
    let a11y = fs::read_to_string(dir.join("content/tillganglighet.md")).unwrap();
    for heading in [
        "## Hur tillgänglig är webbplatsen?",
        "## Vad kan du göra om du inte kan använda delar av webbplatsen?",
        "## Rapportera brister i webbplatsens tillgänglighet",
        "## Tillsyn",
        "## Teknisk information om webbplatsens tillgänglighet",
        "### Innehåll som inte är tillgängligt",
        "#### Bristande förenlighet med lagkraven",
        "#### Oskäligt betungande anpassning",
        "#### Innehåll som inte omfattas av lagkraven",
        "## Hur vi testat webbplatsen",
    ] {
        assert!(
            a11y.contains(&format!("\n{heading}\n")),
            "missing {heading}"
        );
    }
    let readme = fs::read_to_string(dir.join("README.md")).unwrap();
    assert!(readme.contains("signpost serve") && readme.contains("Windows"));
    assert_eq!(
        docs_linked(&readme),
        ["docs/sv/innehallsformat.md", "docs/sv/kontroller.md"],
        "the editors' README links the Swedish documentation"
    );
    assert_checks_and_builds(&dir);
    // The first area is on the site; the about page and statement are drafts to fill in.
    assert!(dir.join("public/forsta-omradet/index.html").is_file());
    assert!(!dir.join("public/tillganglighet").exists());
    let out = signpost(
        &[
            "--root",
            dir.to_str().unwrap(),
            "build",
            "--drafts",
            "--output",
            "preview",
        ],
        None,
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(dir.join("preview/tillganglighet/index.html").is_file());
}

#[test]
fn init_takes_title_address_and_languages() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("guide");
    let out = init(
        &dir,
        &[
            "--title",
            "Guide \"Välfärd\" & teknik: del 1",
            "--base-url",
            "https://guide.example.org/valfard",
            "--languages",
            "en,sv",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let config = fs::read_to_string(dir.join("config.toml")).unwrap();
    assert!(
        config.contains("\ntitle = 'Guide \"Välfärd\" & teknik: del 1'\n"),
        "{config}"
    );
    assert!(config.contains("base_url = \"https://guide.example.org/valfard/\""));
    assert!(config.contains("default_language = \"en\"\nlanguages = [\"en\", \"sv\"]"));
    assert!(!config.contains("CHANGE: the guide's name"));
    assert!(dir.join("content/first-area/_area.md").is_file());
    assert!(dir.join("content/accessibility.md").is_file());
    assert_checks_and_builds(&dir);
    let home = fs::read_to_string(dir.join("public/index.html")).unwrap();
    assert!(
        home.contains("Guide &quot;Välfärd&quot; &amp; teknik: del 1"),
        "the title is on the page"
    );
    assert!(dir.join("public/sv/index.html").is_file());
    let readme = fs::read_to_string(dir.join("README.md")).unwrap();
    assert_eq!(
        docs_linked(&readme),
        ["docs/content-format.md", "docs/checks.md"]
    );
}

/// The pages of signpost's documentation a README links to (on its repository's `main`),
/// each of which must exist in this repository.
fn docs_linked(readme: &str) -> Vec<String> {
    let prefix = format!(
        "https://github.com/{}/blob/main/",
        signpost::init::repository()
    );
    let linked: Vec<String> = readme
        .split(&prefix)
        .skip(1)
        .map(|rest| rest[..rest.find(')').unwrap()].to_string())
        .collect();
    for path in &linked {
        assert!(
            Path::new(env!("CARGO_MANIFEST_DIR")).join(path).is_file(),
            "the README links {prefix}{path}, which does not exist"
        );
    }
    linked
}

#[test]
fn init_in_the_current_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let out = signpost(&["init"], Some(tmp.path()));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(tmp.path().join("config.toml").is_file());
    assert!(
        out.stderr.contains("signpost serve"),
        "says what to do next: {}",
        out.stderr
    );
}

#[test]
fn init_refuses_a_folder_with_anything_in_it() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join(".git"), "gitdir: elsewhere\n").unwrap();
    let out = init(tmp.path(), &[]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("is not empty"), "{}", out.stderr);
    assert_eq!(written(tmp.path()), [".git"], "nothing was written");
    // A file given as the folder is refused too.
    let out = init(&tmp.path().join(".git"), &[]);
    assert_eq!(out.code, 2);
    assert_eq!(
        fs::read_to_string(tmp.path().join(".git")).unwrap(),
        "gitdir: elsewhere\n"
    );
}

#[test]
fn init_refuses_options_it_cannot_honour() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("g");
    for (args, says) in [
        (&["--languages", "de"][..], "no texts in \"de\""),
        (&["--languages", "sv,sv"][..], "twice"),
        (
            &["--base-url", "guide.example.org"][..],
            "not a web address",
        ),
        (&["--title", " "][..], "`--title` is empty"),
    ] {
        let out = init(&dir, args);
        assert_eq!(out.code, 2, "{args:?}");
        assert!(out.stderr.contains(says), "{args:?}: {}", out.stderr);
        assert!(!dir.exists(), "nothing written for {args:?}");
    }
}
