//! `serve` keeps the render models between saves and updates them for an edited entry
//! (`Model::update`) instead of making them anew: the updated models must be exactly the
//! ones a new build makes, and edits that move an entry between lists must be refused.

mod common;

use std::path::Path;

use signpost::content::{self, Guide};
use signpost::render::{Model, ModelData, RenderOptions, Renderer};

fn opts() -> RenderOptions {
    RenderOptions {
        drafts: false,
        today: chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
    }
}

fn load(root: &Path) -> Guide {
    content::load(root, &signpost::LoadOptions { base_url: None }).expect("the guide loads")
}

/// What serve keeps of the models of `guide` between saves.
fn kept(renderer: &Renderer, guide: &Guide) -> Vec<ModelData> {
    renderer
        .models(guide, &opts())
        .unwrap()
        .into_iter()
        .map(Model::into_data)
        .collect()
}

/// Replaces the `title:` line of a file.
fn retitle(root: &Path, file: &str, title: &str) {
    let path = root.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    let old = text.lines().find(|l| l.starts_with("title: ")).unwrap();
    std::fs::write(&path, text.replacen(old, &format!("title: {title}"), 1)).unwrap();
}

fn assert_same(updated: &Model, fresh: &Model) {
    assert_eq!(updated.lang, fresh.lang);
    assert_eq!(updated.visibility, fresh.visibility, "{}", fresh.lang);
    assert_eq!(updated.sort_keys, fresh.sort_keys, "{}", fresh.lang);
    assert_eq!(updated.lists, fresh.lists, "lists of {}", fresh.lang);
    assert_eq!(updated.tags, fresh.tags, "tags of {}", fresh.lang);
    assert_eq!(updated.tag_order, fresh.tag_order, "{}", fresh.lang);
    assert_eq!(updated.solutions_of, fresh.solutions_of, "{}", fresh.lang);
}

#[test]
fn a_retitled_entry_updates_the_models_as_a_new_build_would() {
    let dir = common::sample_guide();
    let root = dir.path();
    let mut guide = load(root);
    let renderer = Renderer::new(&guide).unwrap();
    let kept = kept(&renderer, &guide);
    // A challenge with a translation, and a solution with `addresses` and tags: each
    // moves to the start of its lists, then to the end.
    let files = [
        "content/aldreomsorg/nyckelhantering-hemtjanst.md",
        "content/aldreomsorg/digitala-las-hemtjanst/index.md",
    ];
    let mut kept = kept;
    for (n, title) in ["AAA först i listan", "Öööö sist i listan"]
        .iter()
        .enumerate()
    {
        for file in files {
            retitle(root, file, &format!("{title} {n}"));
        }
        let paths: Vec<String> = files.iter().map(|f| f.to_string()).collect();
        let replaced = guide
            .reload(&paths)
            .expect("an edited entry is replaced where it was");
        assert_eq!(replaced.len(), 2);
        let mut models: Vec<Model> = kept.into_iter().map(|d| Model::again(&guide, d)).collect();
        for (i, old) in &replaced {
            for m in &mut models {
                assert!(m.update(*i, old), "a new title is an update");
            }
        }
        let reloaded = load(root);
        let fresh = renderer.models(&reloaded, &opts()).unwrap();
        // The fresh guide is the same files, so the same indexes.
        for (u, f) in models.iter().zip(&fresh) {
            assert_same(u, f);
        }
        let first = models[0].lists.challenges.first().copied();
        let i = guide.by_path[files[0]];
        assert_eq!(first == Some(i), n == 0, "the challenge moved in the list");
        kept = models.into_iter().map(Model::into_data).collect();
    }
}

#[test]
fn edits_that_move_an_entry_between_lists_need_a_new_model() {
    let dir = common::sample_guide();
    let root = dir.path();
    let file = "content/aldreomsorg/nyckelhantering-hemtjanst.md";
    let path = root.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    let status = text.lines().find(|l| l.starts_with("status: ")).unwrap();
    let first_tag = text
        .lines()
        .skip_while(|l| *l != "tags:")
        .nth(1)
        .expect("the entry has tags");
    let edits = [
        text.replacen(status, "status: draft", 1),
        text.replacen(first_tag, "  - helt ny tagg", 1),
        text.replacen("type: challenge", "type: solution\nkind: method", 1),
    ];
    for edited in edits {
        std::fs::write(&path, &text).unwrap();
        let mut guide = load(root);
        let renderer = Renderer::new(&guide).unwrap();
        let data = kept(&renderer, &guide);
        std::fs::write(&path, &edited).unwrap();
        let replaced = guide
            .reload(&[file.to_string()])
            .expect("same file, same id");
        let mut model = Model::again(&guide, data.into_iter().next().unwrap());
        assert!(!model.update(replaced[0].0, &replaced[0].1), "{edited}");
    }
}

#[test]
fn a_new_or_deleted_file_rebuilds_the_indexes() {
    let dir = common::sample_guide();
    let root = dir.path();
    let mut guide = load(root);
    let file = "content/aldreomsorg/lakemedelsrobot.md";
    std::fs::remove_file(root.join(file)).unwrap();
    assert!(guide.reload(&[file.to_string()]).is_none());
    assert!(guide.item("lakemedelsrobot").is_none());
    assert_eq!(guide.by_path.len(), guide.docs.len());
    let new = "content/skola/ny-utmaning.md";
    std::fs::write(
        root.join(new),
        "---\ntype: challenge\ntitle: Ny\nsummary: Kort.\nstatus: draft\n---\nText.\n",
    )
    .unwrap();
    assert!(guide.reload(&[new.to_string()]).is_none());
    assert!(guide.by_path.contains_key(new));
}

/// Every look that the feeds, review data, sitemap, open data and search records take at
/// `stop` is honoured: stopped at any one of them, the step says so and hands back nothing
/// finished; never stopped, it finishes. (`serve` counts on this to show a save at once.)
#[test]
fn the_rounds_late_steps_stop_at_every_look() {
    use std::cell::Cell;
    let dir = common::sample_guide();
    let guide = load(dir.path());
    let renderer = Renderer::new(&guide).unwrap();
    let models = renderer.models(&guide, &opts()).unwrap();

    let looks = Cell::new(0);
    let never = || {
        looks.set(looks.get() + 1);
        false
    };
    let mut site = signpost::site::Site::default();
    assert!(renderer.extras_unless(&models, &mut site, &never).unwrap());
    let extras_looks = looks.replace(0);
    assert!(signpost::render::search_records_unless(&models, &never).is_some());
    let records_looks = looks.replace(0);
    assert!(
        extras_looks > 10 && records_looks >= 2,
        "{extras_looks} {records_looks}"
    );

    for k in 1..=extras_looks {
        let calls = Cell::new(0);
        let at_k = || {
            calls.set(calls.get() + 1);
            calls.get() >= k
        };
        let mut site = signpost::site::Site::default();
        assert!(
            !renderer.extras_unless(&models, &mut site, &at_k).unwrap(),
            "look {k}"
        );
        assert_eq!(calls.get(), k, "went on after look {k}");
    }
    for k in 1..=records_looks {
        let calls = Cell::new(0);
        let at_k = || {
            calls.set(calls.get() + 1);
            calls.get() >= k
        };
        assert!(signpost::render::search_records_unless(&models, &at_k).is_none());
        assert_eq!(calls.get(), k, "went on after look {k}");
    }
}
