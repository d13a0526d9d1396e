//! `action.yml` and its installer (`scripts/install-signpost`), without the network: the test
//! lays out release-shaped archives (as cargo-dist names them, with `.sha256` files) in a
//! local folder and points the installer there with `SIGNPOST_RELEASE_URL=file://…`. The
//! runner's system picks the archive; a wrong checksum, a missing release or a bad version
//! installs nothing. The installed program then checks a guide as the guide's workflow does,
//! with GitHub annotations.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

const VERSION: &str = env!("CARGO_PKG_VERSION");

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn sha256(path: &Path) -> String {
    let out = Command::new("sha256sum")
        .arg(path)
        .output()
        .expect("sha256sum");
    String::from_utf8(out.stdout).unwrap()[..64].to_string()
}

/// A release folder `<root>/v<version>/` with `signpost-<target>.tar.gz` (the program in a
/// folder, as dist packs it) and its `.sha256`. `program` is copied in as `signpost`.
fn release(root: &Path, target: &str, program: &Path) -> PathBuf {
    let dir = root.join(format!("v{VERSION}"));
    let stage = root.join("stage").join(format!("signpost-{target}"));
    fs::create_dir_all(&stage).unwrap();
    fs::create_dir_all(&dir).unwrap();
    fs::copy(program, stage.join("signpost")).unwrap();
    fs::write(stage.join("README.md"), "signpost\n").unwrap();
    let archive = dir.join(format!("signpost-{target}.tar.gz"));
    // gzip's fastest level: the real debug build is large.
    let ok = Command::new("tar")
        .args(["-I", "gzip -1", "-cf"])
        .arg(&archive)
        .arg("-C")
        .arg(root.join("stage"))
        .arg(format!("signpost-{target}"))
        .status()
        .unwrap();
    assert!(ok.success());
    fs::write(
        dir.join(format!("signpost-{target}.tar.gz.sha256")),
        format!("{}  signpost-{target}.tar.gz\n", sha256(&archive)),
    )
    .unwrap();
    archive
}

struct Run {
    ok: bool,
    stderr: String,
    github_path: String,
    temp: PathBuf,
}

fn install(releases: &Path, os: &str, arch: &str, version: &str) -> Run {
    let work = tempfile::tempdir().unwrap().keep();
    let github_path = work.join("github_path");
    let github_output = work.join("github_output");
    fs::write(&github_path, "").unwrap();
    let temp = work.join("runner_temp");
    fs::create_dir_all(&temp).unwrap();
    let out = Command::new("bash")
        .arg(repo().join("scripts/install-signpost"))
        .env("SIGNPOST_VERSION", version)
        .env(
            "SIGNPOST_RELEASE_URL",
            format!("file://{}", releases.display()),
        )
        .env("RUNNER_OS", os)
        .env("RUNNER_ARCH", arch)
        .env("RUNNER_TEMP", &temp)
        .env("GITHUB_PATH", &github_path)
        .env("GITHUB_OUTPUT", &github_output)
        .output()
        .expect("run bash");
    Run {
        ok: out.status.success(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        github_path: fs::read_to_string(&github_path).unwrap(),
        temp,
    }
}

#[test]
fn installs_the_runners_archive_and_it_checks_a_guide_with_annotations() {
    let releases = tempfile::tempdir().unwrap();
    release(
        releases.path(),
        "x86_64-unknown-linux-musl",
        Path::new(env!("CARGO_BIN_EXE_signpost")),
    );
    let run = install(releases.path(), "Linux", "X64", VERSION);
    assert!(run.ok, "{}", run.stderr);
    let bin = PathBuf::from(run.github_path.trim());
    assert!(
        bin.starts_with(&run.temp),
        "installed below RUNNER_TEMP: {bin:?}"
    );
    let signpost = bin.join("signpost");
    // What a guide's workflow does next: init's guide with a broken link, checked with
    // annotations by the installed program.
    let guide = tempfile::tempdir().unwrap();
    let out = Command::new(&signpost)
        .args(["init", guide.path().to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success());
    fs::write(
        guide.path().join("content/forsta-omradet/_area.md"),
        "---\ntitle: Område\nsummary: Ett område.\n---\n\nSe [saknad](saknad.md).\n",
    )
    .unwrap();
    let out = Command::new(&signpost)
        .args(["check", "--format", "github"])
        .current_dir(guide.path())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout.contains(
            "::error file=content/forsta-omradet/_area.md,line=6,col=13,title=broken-link::"
        ),
        "{stdout}"
    );
}

#[test]
fn picks_the_archive_of_the_runners_system() {
    // A stand-in program per target that says the version, as the real one does.
    let releases = tempfile::tempdir().unwrap();
    let program = fake(releases.path(), &format!("signpost {VERSION}"));
    for target in [
        "aarch64-apple-darwin",
        "x86_64-apple-darwin",
        "aarch64-unknown-linux-musl",
    ] {
        release(releases.path(), target, &program);
    }
    for (os, arch, target) in [
        ("macOS", "ARM64", "aarch64-apple-darwin"),
        ("macOS", "X64", "x86_64-apple-darwin"),
        ("Linux", "ARM64", "aarch64-unknown-linux-musl"),
    ] {
        let run = install(releases.path(), os, arch, &format!("v{VERSION}"));
        assert!(run.ok, "{os} {arch}: {}", run.stderr);
        assert!(
            run.github_path
                .trim()
                .ends_with(&format!("signpost-{VERSION}-{target}/bin")),
            "{os} {arch}: {}",
            run.github_path
        );
    }
    // Windows gets the .zip, which is not in this release folder: a clear failure.
    let run = install(releases.path(), "Windows", "X64", VERSION);
    assert!(!run.ok);
    assert!(
        run.stderr.contains("signpost-x86_64-pc-windows-msvc.zip"),
        "{}",
        run.stderr
    );
}

/// A stand-in for the program, which says the version as the real one does (packing the
/// real debug build takes long, and one test does that).
fn fake(dir: &Path, says: &str) -> PathBuf {
    let path = dir.join("fake-signpost");
    fs::write(&path, format!("#!/bin/sh\necho '{says}'\n")).unwrap();
    path
}

#[test]
fn a_wrong_checksum_installs_nothing() {
    let releases = tempfile::tempdir().unwrap();
    let program = fake(releases.path(), &format!("signpost {VERSION}"));
    let archive = release(releases.path(), "x86_64-unknown-linux-musl", &program);
    // The archive is changed after its checksum was published.
    let mut bytes = fs::read(&archive).unwrap();
    bytes.extend_from_slice(b"tampered");
    fs::write(&archive, bytes).unwrap();
    let run = install(releases.path(), "Linux", "X64", VERSION);
    assert!(!run.ok, "a wrong checksum must fail");
    assert!(
        run.stderr.contains("::error title=signpost not installed::the checksum of signpost-x86_64-unknown-linux-musl.tar.gz is"),
        "{}",
        run.stderr
    );
    assert_eq!(run.github_path, "", "nothing put on the PATH");
    let installed = run.temp.join(format!(
        "signpost-{VERSION}-x86_64-unknown-linux-musl/bin/signpost"
    ));
    assert!(!installed.exists(), "nothing installed");
}

#[test]
fn a_version_that_is_not_released_or_not_a_version_fails() {
    let releases = tempfile::tempdir().unwrap();
    let program = fake(releases.path(), &format!("signpost {VERSION}"));
    release(releases.path(), "x86_64-unknown-linux-musl", &program);
    let run = install(releases.path(), "Linux", "X64", "9.9.9");
    assert!(!run.ok);
    assert!(
        run.stderr.contains("is 9.9.9 a released version?"),
        "{}",
        run.stderr
    );
    let run = install(releases.path(), "Linux", "X64", "1.0; rm -rf /");
    assert!(!run.ok);
    assert!(
        run.stderr.contains("is not a signpost version"),
        "{}",
        run.stderr
    );
    // A program that is not the version asked for is refused too.
    let other = tempfile::tempdir().unwrap();
    let program = fake(other.path(), "signpost 0.0.1");
    release(other.path(), "x86_64-unknown-linux-musl", &program);
    let run = install(other.path(), "Linux", "X64", VERSION);
    assert!(!run.ok);
    assert!(
        run.stderr.contains("says 'signpost 0.0.1'"),
        "{}",
        run.stderr
    );
    assert_eq!(run.github_path, "");
}

/// action.yml is a composite action that passes the version through the environment (never
/// expanded into the script) and defaults to this version of signpost.
#[test]
fn action_yml_runs_the_installer_with_this_version() {
    let text = fs::read_to_string(repo().join("action.yml")).unwrap();
    assert!(text.contains("\n  using: composite\n"));
    assert!(
        text.contains(&format!("    default: \"{VERSION}\"\n")),
        "action.yml's default version is Cargo.toml's ({VERSION}); change both together"
    );
    assert!(text.contains("        SIGNPOST_VERSION: ${{ inputs.version }}\n"));
    assert!(text.contains("      run: bash \"$GITHUB_ACTION_PATH/scripts/install-signpost\"\n"));
    let runs: Vec<&str> = text
        .lines()
        .filter(|l| l.trim_start().starts_with("run:"))
        .collect();
    assert!(runs.iter().all(|l| !l.contains("${{")), "{runs:?}");
}
