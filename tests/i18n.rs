//! The English site of the sample guide (`languages = ["sv", "en"]`): pages under /en/,
//! translations and their originals linked both ways, untranslated entries listed with a
//! note, feeds per language and a sitemap with alternates.

use std::path::{Path, PathBuf};
use std::process::Command;

const BASE: &str = "https://example.org/guide/";

struct Site {
    _dir: tempfile::TempDir,
    out: PathBuf,
}

impl Site {
    fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.out.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }

    fn exists(&self, rel: &str) -> bool {
        self.out.join(rel).exists()
    }
}

fn build() -> Site {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let run = Command::new(env!("CARGO_BIN_EXE_signpost"))
        .arg("--root")
        .arg(repo)
        .args(["build", "--today", "2026-11-21", "--output"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    Site { _dir: dir, out }
}

/// Undo Tera's escaping of `/` so that URLs can be searched for as written.
fn html(site: &Site, rel: &str) -> String {
    site.read(rel).replace("&#x2F;", "/")
}

fn alternates(page: &str) -> Vec<(String, String)> {
    page.split("<link rel=\"alternate\" hreflang=\"")
        .skip(1)
        .map(|rest| {
            let (lang, rest) = rest.split_once('"').unwrap();
            let href = rest
                .split("href=\"")
                .nth(1)
                .unwrap()
                .split('"')
                .next()
                .unwrap();
            (lang.to_string(), href.to_string())
        })
        .collect()
}

#[test]
fn the_english_site_has_english_pages_and_interface() {
    let site = build();
    let home = html(&site, "en/index.html");
    assert!(home.contains("<html lang=\"en\">"));
    assert!(home.contains("The Digitalisation Guide"));
    assert!(
        home.contains(">Skip to main content<"),
        "the UI strings are English"
    );
    let area = html(&site, "en/aldreomsorg/index.html");
    assert!(
        area.contains("<h1>Elderly care</h1>"),
        "the area's own translation"
    );
    let entry = html(&site, "en/aldreomsorg/nyckelhantering-hemtjanst/index.html");
    assert!(entry.contains("<h1>Physical keys in home care take time and create risks</h1>"));
    // Shared fields come from the original: the solution that addresses it is listed.
    assert!(
        entry.contains("/guide/en/aldreomsorg/digitala-las-hemtjanst/"),
        "reverse links use the English version"
    );
    // The Swedish site stays Swedish.
    assert!(html(&site, "index.html").contains("<html lang=\"sv\">"));
}

#[test]
fn a_translation_and_its_original_link_to_each_other() {
    let site = build();
    let sv = html(&site, "aldreomsorg/nyckelhantering-hemtjanst/index.html");
    let en = html(&site, "en/aldreomsorg/nyckelhantering-hemtjanst/index.html");
    let pairs = vec![
        (
            "sv".to_string(),
            format!("{BASE}aldreomsorg/nyckelhantering-hemtjanst/"),
        ),
        (
            "en".to_string(),
            format!("{BASE}en/aldreomsorg/nyckelhantering-hemtjanst/"),
        ),
    ];
    assert_eq!(alternates(&sv), pairs, "hreflang on the Swedish page");
    assert_eq!(alternates(&en), pairs, "the same pairs on the English page");
    assert!(
        sv.contains("<a href=\"/guide/en/aldreomsorg/nyckelhantering-hemtjanst/\" hreflang=\"en\" lang=\"en\">English</a>"),
        "the switcher on the Swedish page"
    );
    assert!(
        en.contains("<a href=\"/guide/aldreomsorg/nyckelhantering-hemtjanst/\" hreflang=\"sv\" lang=\"sv\">Svenska</a>"),
        "the switcher on the English page"
    );
    // An entry without a translation has neither.
    let alone = html(&site, "aldreomsorg/lakemedelsrobot/index.html");
    assert!(alternates(&alone).is_empty());
    assert!(!alone.contains("class=\"lang-switch\""));
}

#[test]
fn an_untranslated_entry_is_listed_in_english_with_a_note_and_links_to_swedish() {
    let site = build();
    assert!(
        !site.exists("en/aldreomsorg/lakemedelsrobot/index.html"),
        "no empty English page"
    );
    let list = html(&site, "en/solutions/index.html");
    let card = list
        .split("<li class=\"card")
        .find(|c| c.contains("/guide/aldreomsorg/lakemedelsrobot/"))
        .expect("the untranslated solution is listed on the English list");
    assert!(card.contains("Available in Swedish only."), "{card}");
    assert!(
        card.contains("lang=\"sv\""),
        "its Swedish title is marked as Swedish: {card}"
    );
    // A translated one links to its English page, without the note.
    let translated = list
        .split("<li class=\"card")
        .find(|c| c.contains("/guide/en/aldreomsorg/digitala-las-hemtjanst/"))
        .expect("the translated solution links to its English page");
    assert!(!translated.contains("Available in Swedish only."));
    // The English area page lists every entry of the area too.
    let area = html(&site, "en/aldreomsorg/index.html");
    assert!(area.contains("/guide/aldreomsorg/lakemedelsrobot/"));
}

#[test]
fn feeds_are_per_language() {
    let site = build();
    let entries = |xml: &str| -> Vec<String> {
        xml.split("<entry>")
            .skip(1)
            .map(|e| {
                e.split("<id>")
                    .nth(1)
                    .unwrap()
                    .split("</id>")
                    .next()
                    .unwrap()
                    .to_string()
            })
            .collect()
    };
    let en = site.read("en/feed.xml");
    assert!(en.contains("xml:lang=\"en\""));
    let en_entries = entries(&en);
    assert_eq!(
        en_entries
            .iter()
            .cloned()
            .collect::<std::collections::BTreeSet<_>>(),
        [
            "aldreomsorg/digitala-las-hemtjanst/",
            "aldreomsorg/nyckelhantering-hemtjanst/",
            "skola/franvarohantering/",
            "socialtjanst/e-tjanst-forsorjningsstod/",
        ]
        .iter()
        .map(|r| format!("{BASE}en/{r}"))
        .collect(),
        "the English feed holds the English entries"
    );
    let sv = site.read("feed.xml");
    assert!(sv.contains("xml:lang=\"sv\""));
    assert!(entries(&sv).iter().all(|id| !id.contains("/en/")));
    assert!(site.exists("en/aldreomsorg/feed.xml"));
}

#[test]
fn the_sitemap_names_each_pages_other_languages() {
    let site = build();
    let xml = site.read("sitemap.xml");
    let entry = xml
        .split("<url>")
        .find(|u| {
            u.contains(&format!(
                "<loc>{BASE}aldreomsorg/nyckelhantering-hemtjanst/</loc>"
            ))
        })
        .unwrap();
    assert!(entry.contains(&format!(
        "<xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"{BASE}en/aldreomsorg/nyckelhantering-hemtjanst/\"/>"
    )));
    assert!(xml.contains(&format!("<loc>{BASE}en/</loc>")));
    assert!(!xml.contains(&format!("<loc>{BASE}en/aldreomsorg/lakemedelsrobot/</loc>")));
}
