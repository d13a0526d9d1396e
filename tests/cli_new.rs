//! `signpost new`: the file each kind creates (path, front matter, body), that the guide
//! still checks clean afterwards (a new area: but for its placeholder summary), and what
//! it refuses to do.

mod common;

use common::{challenge, signpost, warning, Guide, AREA, AREA_PATH, CONFIG};

/// `signpost --root <guide> new <args…>`.
fn new(g: &Guide, args: &[&str]) -> common::Output {
    let mut all = vec!["--root", g.root().to_str().expect("UTF-8 path"), "new"];
    all.extend(args);
    signpost(&all, None)
}

/// Runs `new`, asserts it succeeded, and returns the created file's path (relative to the
/// guide) and text.
#[track_caller]
fn created(g: &Guide, args: &[&str]) -> (String, String) {
    let out = new(g, args);
    assert_eq!(out.code, 0, "{out:?}");
    let printed = out.stdout.trim_end();
    assert_eq!(
        out.stdout.lines().count(),
        1,
        "stdout is only the path: {out:?}"
    );
    let root = g.root().to_str().unwrap();
    let rel = printed
        .strip_prefix(root)
        .and_then(|p| p.strip_prefix('/'))
        .unwrap_or_else(|| panic!("`{printed}` is not inside the guide {root}"));
    let text = std::fs::read_to_string(g.path(rel)).expect("the printed file exists");
    (rel.to_string(), text)
}

/// The front matter lines of a file.
fn front_matter(text: &str) -> Vec<&str> {
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("---"), "{text}");
    lines.take_while(|l| *l != "---").collect()
}

/// The `## ` headings of a file's text.
fn headings(text: &str) -> Vec<&str> {
    text.lines().filter(|l| l.starts_with("## ")).collect()
}

const CHALLENGE_PLACEHOLDER: &str =
    "summary: \"UTKAST: Beskriv utmaningen i en eller två meningar (högst 300 tecken).\"";

#[test]
fn challenge_goes_into_its_area_as_a_draft_that_checks_clean() {
    let g = Guide::new(&[]);
    let (path, text) = created(
        &g,
        &[
            "challenge",
            "--area",
            "skola",
            "Långa väntetider för hemtjänst",
            "--today",
            "2026-06-15",
        ],
    );
    assert_eq!(path, "content/skola/langa-vantetider-for-hemtjanst.md");
    // The owner is inherited from the area's `_area.md` (`Skolteamet`), so none is written.
    assert_eq!(
        front_matter(&text),
        [
            "type: challenge",
            "title: Långa väntetider för hemtjänst",
            CHALLENGE_PLACEHOLDER,
            "status: draft",
            "tags: []",
            "created: 2026-06-15",
        ]
    );
    assert_eq!(
        headings(&text),
        [
            "## Bakgrund",
            "## Varför det är ett problem",
            "## Vad en lösning behöver klara"
        ]
    );
    g.check(&[]).expect_clean();
}

#[test]
fn ids_fold_swedish_letters_and_titles_that_need_quotes_get_them() {
    let g = Guide::new(&[]);
    let (path, text) = created(
        &g,
        &[
            "challenge",
            "--area",
            "skola",
            "Åtgärder för ökad närvaro: vad fungerar?",
        ],
    );
    assert_eq!(
        path,
        "content/skola/atgarder-for-okad-narvaro-vad-fungerar.md"
    );
    assert!(
        text.contains("\ntitle: \"Åtgärder för ökad närvaro: vad fungerar?\"\n"),
        "{text}"
    );
    g.check(&[]).expect_clean();
}

#[test]
fn id_owner_and_summary_can_be_given() {
    let g = Guide::new(&[]);
    let (path, text) = created(
        &g,
        &[
            "challenge",
            "--area",
            "skola",
            "--id",
            "vikarier",
            "--owner",
            "Anna Svensson",
            "--summary",
            "Det är svårt att hitta vikarier en sjukdag.",
            "--today",
            "2026-06-01",
            "Vikarieanskaffning i grundskolan",
        ],
    );
    assert_eq!(path, "content/skola/vikarier.md");
    assert_eq!(
        front_matter(&text),
        [
            "type: challenge",
            "title: Vikarieanskaffning i grundskolan",
            "summary: Det är svårt att hitta vikarier en sjukdag.",
            "status: draft",
            "owner: Anna Svensson",
            "tags: []",
            "created: 2026-06-01",
        ]
    );
    g.check(&[]).expect_clean();
}

#[test]
fn solution_has_kind_and_checked_addresses() {
    let g = Guide::new(&[
        ("content/skola/franvaro.md", &challenge("Frånvaro")),
        ("content/skola/vikarier.md", &challenge("Vikarier")),
    ]);
    let (path, text) = created(
        &g,
        &[
            "solution",
            "--area",
            "skola",
            "--addresses",
            "vikarier,franvaro,vikarier",
            "--today",
            "2026-06-15",
            "Gemensam vikariepool",
        ],
    );
    assert_eq!(path, "content/skola/gemensam-vikariepool.md");
    assert_eq!(
        front_matter(&text),
        [
            "type: solution",
            "kind: method",
            "title: Gemensam vikariepool",
            "summary: \"UTKAST: Beskriv lösningen och vad den ger i en eller två meningar (högst 300 tecken).\"",
            "status: draft",
            "addresses: [vikarier, franvaro]",
            "tags: []",
            "created: 2026-06-15",
        ]
    );
    assert_eq!(
        headings(&text),
        ["## Så fungerar det", "## Resultat", "## Att tänka på"]
    );
    let (_, text) = created(
        &g,
        &[
            "solution",
            "--area",
            "skola",
            "--kind",
            "case-study",
            "--addresses",
            "franvaro",
            "Så gjorde Umeå",
        ],
    );
    assert!(text.contains("\nkind: case-study\n"), "{text}");
    g.check(&[]).expect_clean();
}

#[test]
fn solution_refuses_addresses_that_are_not_challenges() {
    let g = Guide::new(&[
        ("content/skola/franvaro.md", &challenge("Frånvaro")),
        (
            "content/skola/app.md",
            "---\ntype: solution\nkind: tool\ntitle: App\nsummary: S.\nstatus: draft\naddresses: [franvaro]\n---\n",
        ),
    ]);
    let out = new(
        &g,
        &[
            "solution",
            "--area",
            "skola",
            "--addresses",
            "franvar",
            "Ny",
        ],
    );
    assert_eq!(out.code, 1, "{out:?}");
    assert_eq!(
        out.stderr,
        "signpost: --addresses: there is no challenge `franvar` (did you mean `franvaro`?)\n"
    );
    let out = new(
        &g,
        &["solution", "--area", "skola", "--addresses", "app", "Ny"],
    );
    assert_eq!(out.code, 1, "{out:?}");
    assert!(
        out.stderr
            .contains("`app` is a solution (content/skola/app.md), not a challenge"),
        "{out:?}"
    );
    // Without --addresses at all, the arguments are wrong: exit 2, as for any bad argument.
    let out = new(&g, &["solution", "--area", "skola", "Ny"]);
    assert_eq!(out.code, 2, "{out:?}");
    assert!(out.stderr.contains("--addresses"), "{out:?}");
    let out = new(
        &g,
        &[
            "solution",
            "--area",
            "skola",
            "--addresses",
            "franvaro",
            "--kind",
            "app",
            "Ny",
        ],
    );
    assert_eq!(out.code, 2, "{out:?}");
    assert!(
        out.stderr
            .contains("it can be: method, tool, case-study, service, inspiration"),
        "{out:?}"
    );
    assert!(!g.path("content/skola/ny.md").exists());
}

#[test]
fn page_goes_into_content_as_a_draft() {
    let g = Guide::new(&[(
        "content/om-guiden.md",
        "---\ntype: page\ntitle: Om guiden\nsummary: Om guiden.\norder: 4\n---\n\nText.\n",
    )]);
    let (path, text) = created(&g, &["page", "Om oss", "--today", "2026-06-15"]);
    assert_eq!(path, "content/om-oss.md");
    // After the existing pages in the footer (order 4 → 5).
    assert_eq!(
        front_matter(&text),
        [
            "type: page",
            "title: Om oss",
            "summary: \"UTKAST: Beskriv sidans innehåll i en eller två meningar (högst 300 tecken).\"",
            "order: 5",
            "status: draft",
            "created: 2026-06-15",
        ]
    );
    g.check(&[]).expect_clean();
}

#[test]
fn area_gets_a_folder_and_entries_need_an_owner_when_it_has_none() {
    let g = Guide::new(&[]);
    let (path, text) = created(&g, &["area", "Kultur och fritid"]);
    assert_eq!(path, "content/kultur-och-fritid/_area.md");
    // Areas have no status, no `created`, no `type`.
    assert_eq!(
        front_matter(&text),
        [
            "title: Kultur och fritid",
            "summary: \"UTKAST: Beskriv vad området omfattar i en eller två meningar (högst 300 tecken).\"",
        ]
    );
    assert_eq!(
        headings(&text),
        ["## Vad området omfattar", "## Att tänka på"]
    );
    // An area is on the site as soon as it exists: the check reminds the editor that
    // readers would see the placeholder summary, and nothing else.
    let placeholder =
        [warning("placeholder-summary", "content/kultur-och-fritid/_area.md").at(3, 1)];
    g.check(&[]).expect(&placeholder);

    // The new area has no owner: an entry in it cannot inherit one, so `new` asks for it
    // rather than writing a file the check rejects (or inventing an owner).
    let out = new(
        &g,
        &[
            "challenge",
            "--area",
            "kultur-och-fritid",
            "Bokning av lokaler",
        ],
    );
    assert_eq!(out.code, 1, "{out:?}");
    assert!(
        out.stderr
            .contains("the area `kultur-och-fritid` has no owner")
            && out.stderr.contains("--owner"),
        "{out:?}"
    );
    assert_eq!(out.stdout, "");
    let (path, text) = created(
        &g,
        &[
            "challenge",
            "--area",
            "kultur-och-fritid",
            "--owner",
            "Kulturförvaltningen",
            "Bokning av lokaler",
        ],
    );
    assert_eq!(path, "content/kultur-och-fritid/bokning-av-lokaler.md");
    assert!(text.contains("\nowner: Kulturförvaltningen\n"), "{text}");
    // The new challenge is a draft: its placeholder summary is not on the site yet.
    g.check(&[]).expect(&placeholder);
}

#[test]
fn area_with_an_owner_and_order_after_the_others() {
    let g = Guide::new(&[(
        AREA_PATH,
        "---\ntitle: Skola\nsummary: S.\norder: 2\nowner: Skolteamet\n---\n",
    )]);
    let (_, text) = created(&g, &["area", "Vård", "--owner", "Vårdteamet"]);
    assert_eq!(
        front_matter(&text),
        [
            "title: Vård",
            "summary: \"UTKAST: Beskriv vad området omfattar i en eller två meningar (högst 300 tecken).\"",
            "order: 3",
            "owner: Vårdteamet",
        ]
    );
    g.check(&[])
        .expect(&[warning("placeholder-summary", "content/vard/_area.md").at(3, 1)]);
}

#[test]
fn never_overwrites_a_file() {
    let g = Guide::new(&[]);
    let args = ["challenge", "--area", "skola", "Långa väntetider"];
    let (path, text) = created(&g, &args);
    std::fs::write(g.path(&path), format!("{text}\nEgen text.\n")).unwrap();
    let out = new(&g, &args);
    assert_eq!(out.code, 1, "{out:?}");
    assert_eq!(out.stdout, "");
    assert_eq!(
        out.stderr,
        "signpost: content/skola/langa-vantetider.md already exists; signpost new never overwrites a file (choose another id with --id)\n"
    );
    assert!(std::fs::read_to_string(g.path(&path))
        .unwrap()
        .ends_with("Egen text.\n"));
    // The same for an area and a page.
    for args in [&["area", "Skola"][..], &["page", "Om"]] {
        let g = Guide::new(&[(
            "content/om.md",
            "---\ntype: page\ntitle: Om\nsummary: S.\n---\n",
        )]);
        let before = std::fs::read_to_string(g.path(AREA_PATH)).unwrap();
        let out = new(&g, args);
        assert_eq!(out.code, 1, "{out:?}");
        assert!(out.stderr.contains("already exists"), "{out:?}");
        assert_eq!(std::fs::read_to_string(g.path(AREA_PATH)).unwrap(), before);
    }
}

#[test]
fn refuses_an_id_used_elsewhere_and_reserved_addresses() {
    let g = Guide::new(&[
        (
            "content/vard/_area.md",
            "---\ntitle: Vård\nsummary: S.\nowner: V\n---\n",
        ),
        ("content/vard/franvaro.md", &challenge("Frånvaro")),
    ]);
    // Ids are unique across areas.
    let out = new(&g, &["challenge", "--area", "skola", "Frånvaro"]);
    assert_eq!(out.code, 1, "{out:?}");
    assert_eq!(
        out.stderr,
        "signpost: the id `franvaro` is already used by content/vard/franvaro.md; ids are unique across the guide, so choose another with --id\n"
    );
    // A page cannot take an address the site uses, nor an area's.
    let out = new(&g, &["page", "Tags"]);
    assert_eq!(out.code, 1, "{out:?}");
    assert!(
        out.stderr
            .contains("the address /tags/ is the list of tags"),
        "{out:?}"
    );
    let out = new(&g, &["page", "Vård"]);
    assert_eq!(out.code, 1, "{out:?}");
    assert!(
        out.stderr.contains("taken by the area content/vard/"),
        "{out:?}"
    );
    let out = new(&g, &["area", "En"]);
    assert_eq!(out.code, 1, "{out:?}");
    assert!(
        out.stderr.contains("the start of a language's pages"),
        "{out:?}"
    );
    let out = new(&g, &["page", "Om", "--id", "Om_Oss"]);
    assert_eq!(out.code, 1, "{out:?}");
    assert!(out.stderr.contains("`Om_Oss` is not a valid id"), "{out:?}");
    let out = new(&g, &["page", "!!!"]);
    assert_eq!(out.code, 1, "{out:?}");
    assert!(out.stderr.contains("give one with --id"), "{out:?}");
    let long = "L".repeat(121);
    let out = new(&g, &["page", &long]);
    assert_eq!(out.code, 1, "{out:?}");
    assert!(
        out.stderr.contains("121 characters long; at most 120"),
        "{out:?}"
    );
    g.check(&[]).expect_clean();
}

#[test]
fn refuses_an_unknown_area_with_a_suggestion() {
    let g = Guide::new(&[(
        "content/aldreomsorg/_area.md",
        "---\ntitle: Äldreomsorg\nsummary: S.\nowner: Ä\n---\n",
    )]);
    let out = new(&g, &["challenge", "--area", "skol", "Ny"]);
    assert_eq!(out.code, 1, "{out:?}");
    assert_eq!(
        out.stderr,
        "signpost: there is no area `skol` (did you mean `skola`?)\n"
    );
    // The area's title, as written on the site, points to its folder.
    let out = new(&g, &["challenge", "--area", "Äldreomsorg", "Ny"]);
    assert_eq!(
        out.stderr,
        "signpost: there is no area `Äldreomsorg` (did you mean `aldreomsorg`?)\n"
    );
    let out = new(&g, &["challenge", "--area", "zzz", "Ny"]);
    assert_eq!(
        out.stderr,
        "signpost: there is no area `zzz` (the areas are: aldreomsorg, skola)\n"
    );
    assert!(!g.path("content/skol").exists());
}

#[test]
fn without_a_guide_it_cannot_run() {
    let g = Guide::bare(&[("content/skola/_area.md", AREA)]);
    let out = new(&g, &["page", "Om"]);
    assert_eq!(out.code, 2, "{out:?}");
    assert!(out.stderr.contains("no config.toml"), "{out:?}");
    g.write("config.toml", CONFIG);
    assert_eq!(new(&g, &["page", "Om"]).code, 0);
}

#[test]
fn folder_gives_an_entry_a_folder_for_its_pictures() {
    let g = Guide::new(&[]);
    let (path, _) = created(
        &g,
        &[
            "challenge",
            "--area",
            "skola",
            "--folder",
            "Digitala lärplattformar",
        ],
    );
    assert_eq!(path, "content/skola/digitala-larplattformar/index.md");
    // A picture beside it is the entry's own asset, and the guide still checks clean.
    g.write(
        "content/skola/digitala-larplattformar/skiss.png",
        b"\x89PNG",
    );
    g.check(&[]).expect_clean();
    let (path, _) = created(
        &g,
        &[
            "solution",
            "--area",
            "skola",
            "--folder",
            "--addresses",
            "digitala-larplattformar",
            "Gemensam plattform",
        ],
    );
    assert_eq!(path, "content/skola/gemensam-plattform/index.md");
    // The same id cannot be taken twice, in a folder or not.
    let again = new(
        &g,
        &["challenge", "--area", "skola", "Digitala lärplattformar"],
    );
    assert_eq!(again.code, 1, "{again:?}");
    assert!(
        again
            .stderr
            .contains("already used by content/skola/digitala-larplattformar/index.md"),
        "{again:?}"
    );
    // Pages and areas have no --folder.
    assert_eq!(new(&g, &["page", "--folder", "Om"]).code, 2);
}

#[test]
fn ids_made_from_long_titles_stay_short() {
    let g = Guide::new(&[]);
    let (path, text) = created(
        &g,
        &[
            "challenge",
            "--area",
            "skola",
            "Svårt att följa upp elevernas närvaro när flera system inte talar med varandra",
        ],
    );
    // At most 40 characters, cut after a whole word; the title itself is kept whole.
    assert_eq!(
        path,
        "content/skola/svart-att-folja-upp-elevernas-narvaro.md"
    );
    assert!(text.contains(
        "title: Svårt att följa upp elevernas närvaro när flera system inte talar med varandra"
    ));
    g.check(&[]).expect_clean();
}
