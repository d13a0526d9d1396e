//! The built-in theme and its overrides, through the binary: a guide without `themes/`
//! builds the same site, byte for byte, as one with the theme folder copied beside it;
//! `templates/`, `static/` and `themes/<name>/` override it; `signpost theme` lists and
//! copies the built-in templates and never overwrites.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use common::{copy_dir, signpost};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every file below `dir`: relative path → bytes.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).expect("read dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                out.insert(rel, fs::read(&path).expect("read file"));
            }
        }
    }
    out
}

/// The sample guide's `config.toml` and `content/` in a temporary folder, without `themes/`.
fn sample_without_theme() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(repo().join("config.toml"), dir.path().join("config.toml")).unwrap();
    copy_dir(&repo().join("content"), &dir.path().join("content"));
    dir
}

fn build(root: &Path) -> BTreeMap<String, Vec<u8>> {
    let out = signpost(
        &[
            "--root",
            root.to_str().unwrap(),
            "build",
            "--today",
            "2026-11-25",
        ],
        None,
    );
    assert_eq!(out.code, 0, "build failed: {}{}", out.stdout, out.stderr);
    files(&root.join("public"))
}

#[test]
fn built_in_theme_gives_the_same_site_as_the_theme_folder_byte_for_byte() {
    let bare = sample_without_theme();
    let with_folder = sample_without_theme();
    copy_dir(&repo().join("themes"), &with_folder.path().join("themes"));
    assert!(!bare.path().join("themes").exists());
    let a = build(bare.path());
    let b = build(with_folder.path());
    assert!(
        a.len() > 50,
        "the sample guide has many files, got {}",
        a.len()
    );
    assert_eq!(
        a.keys().collect::<Vec<_>>(),
        b.keys().collect::<Vec<_>>(),
        "the same files"
    );
    for (path, bytes) in &a {
        assert!(b[path] == *bytes, "`{path}` differs between the two builds");
    }
    // The theme's static files are there, from the binary.
    assert_eq!(
        a["assets/signpost.css"],
        fs::read(repo().join("themes/default/static/assets/signpost.css")).unwrap()
    );
}

#[test]
fn templates_and_static_override_the_built_in_theme() {
    let g = sample_without_theme();
    let root = g.path();
    let footer = fs::read_to_string(repo().join("themes/default/templates/partials/footer.html"))
        .unwrap()
        .replace(
            "</footer>",
            "<p class=\"own-footer\">Egen sidfot</p></footer>",
        );
    assert!(
        footer.contains("own-footer"),
        "the footer template has </footer>"
    );
    fs::create_dir_all(root.join("templates/partials")).unwrap();
    fs::write(root.join("templates/partials/footer.html"), &footer).unwrap();
    fs::create_dir_all(root.join("static/assets")).unwrap();
    fs::write(
        root.join("static/assets/signpost.css"),
        "body { color: black }\n",
    )
    .unwrap();
    fs::write(root.join("static/extra.txt"), "own file\n").unwrap();
    let site = build(root);
    let home = String::from_utf8(site["index.html"].clone()).unwrap();
    assert!(home.contains("Egen sidfot"), "the override is used");
    assert_eq!(site["assets/signpost.css"], b"body { color: black }\n");
    assert_eq!(site["extra.txt"], b"own file\n");
    // The rest of the built-in theme is still there.
    assert!(site.contains_key("assets/search.js"));
}

#[test]
fn an_own_theme_folder_is_used_whole() {
    let g = sample_without_theme();
    let root = g.path();
    copy_dir(
        &repo().join("themes/default"),
        &root.join("themes/municipal"),
    );
    let base = root.join("themes/municipal/templates/base.html");
    let text = fs::read_to_string(&base)
        .unwrap()
        .replace("<body", "<body data-theme=\"municipal\"");
    fs::write(&base, text).unwrap();
    fs::remove_file(root.join("themes/municipal/static/assets/favicon.svg")).unwrap();
    let config = fs::read_to_string(root.join("config.toml"))
        .unwrap()
        .replace("theme = \"default\"", "theme = \"municipal\"");
    fs::write(root.join("config.toml"), config).unwrap();
    let site = build(root);
    let home = String::from_utf8(site["index.html"].clone()).unwrap();
    assert!(home.contains("data-theme=\"municipal\""));
    assert!(
        !site.contains_key("assets/favicon.svg"),
        "an own theme is not mixed with the built-in one"
    );
}

#[test]
fn an_unknown_theme_says_what_to_do() {
    let g = sample_without_theme();
    let root = g.path();
    let config = fs::read_to_string(root.join("config.toml"))
        .unwrap()
        .replace("theme = \"default\"", "theme = \"kommunen\"");
    fs::write(root.join("config.toml"), config).unwrap();
    let out = signpost(&["--root", root.to_str().unwrap(), "build"], None);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains("the theme `kommunen` does not exist")
            && out.stderr.contains("themes/kommunen/"),
        "{}",
        out.stderr
    );
    assert!(!root.join("public").exists());
    // A path is not a theme name: nothing is read from outside `themes/`.
    let config = fs::read_to_string(root.join("config.toml"))
        .unwrap()
        .replace("theme = \"kommunen\"", "theme = \"../../etc\"");
    fs::write(root.join("config.toml"), config).unwrap();
    let out = signpost(&["--root", root.to_str().unwrap(), "build"], None);
    assert_eq!(out.code, 1);
    // The check reports it on config.toml's line before anything is read.
    assert!(
        out.stderr
            .contains("`theme` names a folder in `themes/`, not a path")
            && out.stderr.contains("config.toml:"),
        "{}",
        out.stderr
    );
}

#[test]
fn theme_lists_the_built_in_templates() {
    let g = tempfile::tempdir().unwrap();
    let out = signpost(&["--root", g.path().to_str().unwrap(), "theme"], None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let listed: Vec<&str> = out.stdout.lines().skip(1).map(str::trim).collect();
    let mut expected: Vec<String> = files(&repo().join("themes/default/templates"))
        .into_keys()
        .map(|p| p.replace('\\', "/"))
        .collect();
    expected.sort();
    assert_eq!(listed, expected);
}

#[test]
fn theme_copy_copies_a_template_and_never_overwrites() {
    let g = tempfile::tempdir().unwrap();
    let root = g.path().to_str().unwrap();
    let out = signpost(
        &[
            "--root",
            root,
            "theme",
            "copy",
            "partials/footer.html",
            "page.html",
        ],
        None,
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.stdout,
        "templates/partials/footer.html\ntemplates/page.html\n"
    );
    let copied = g.path().join("templates/partials/footer.html");
    assert_eq!(
        fs::read(&copied).unwrap(),
        fs::read(repo().join("themes/default/templates/partials/footer.html")).unwrap()
    );
    // The list marks it.
    let out = signpost(&["--root", root, "theme"], None);
    assert!(out
        .stdout
        .contains("partials/footer.html  (overridden by templates/partials/footer.html)"));
    // A second copy is refused, and the edited file is kept.
    fs::write(&copied, "mine").unwrap();
    let out = signpost(
        &["--root", root, "theme", "copy", "partials/footer.html"],
        None,
    );
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("exists already"), "{}", out.stderr);
    assert_eq!(fs::read_to_string(&copied).unwrap(), "mine");
    // An unknown name is refused with the list's name.
    let out = signpost(&["--root", root, "theme", "copy", "pgae.html"], None);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains("did you mean `page.html`"),
        "{}",
        out.stderr
    );
}

/// `signpost theme | head -1`: the reader has gone; signpost ends quietly (by SIGPIPE, as
/// other command-line tools do), never with a panic about a broken pipe.
#[test]
fn output_to_a_reader_that_has_gone_ends_quietly() {
    use std::os::unix::process::ExitStatusExt;
    use std::process::Command;
    let dir = tempfile::tempdir().unwrap();
    // A pipe whose reading end is closed before signpost writes a byte.
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let out = Command::new(env!("CARGO_BIN_EXE_signpost"))
        .args(["--lang", "en", "--root"])
        .arg(dir.path())
        .arg("theme")
        .stdout(writer)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    // Ended by SIGPIPE (13 on Linux and the BSDs), as `ls | head` ends `ls`.
    assert_eq!(out.status.signal(), Some(13), "{:?}: {stderr}", out.status);
}
