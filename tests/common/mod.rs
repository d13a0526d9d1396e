//! Helpers shared by the integration tests: a guide fixture in a temporary folder, a runner
//! for the built `signpost` binary, and the JSON output read back into plain values.
//!
//! Each test file uses only some of these helpers.
#![allow(dead_code)]

use std::fmt;
use std::path::{Path, PathBuf};
use std::process::Command;

use tempfile::TempDir;

/// A copy of the repository's own guide (`config.toml`, `content/`, `themes/`) in a
/// temporary folder.
pub fn sample_guide() -> TempDir {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(repo.join("config.toml"), dir.path().join("config.toml")).unwrap();
    copy_dir(&repo.join("content"), &dir.path().join("content"));
    copy_dir(&repo.join("themes"), &dir.path().join("themes"));
    dir
}

/// The day every check is judged on unless a test passes its own `--today`.
pub const TODAY: &str = "2026-06-15";

/// A minimal valid `config.toml`: a Swedish guide with an English translation.
pub const CONFIG: &str = "title = \"Testguiden\"\nlanguages = [\"sv\", \"en\"]\n";

/// A minimal valid area, `content/skola/`, whose owner its entries inherit.
pub const AREA_PATH: &str = "content/skola/_area.md";
pub const AREA: &str = "---\ntitle: Skola\nsummary: Utmaningar och lösningar i skolan.\nowner: Skolteamet\n---\n\nOmrådets introduktion.\n";

/// A published challenge, reviewed 2026-05-01 (the next review is a year later).
pub fn challenge(title: &str) -> String {
    format!(
        "---\ntype: challenge\ntitle: {title}\nsummary: En kort sammanfattning.\nstatus: published\nreviewed_by: [Anna Svensson]\nlast_reviewed: 2026-05-01\n---\n\n## Bakgrund\n\nText.\n"
    )
}

/// A challenge with the given status (review fields only when published).
pub fn challenge_with_status(title: &str, status: &str) -> String {
    format!(
        "---\ntype: challenge\ntitle: {title}\nsummary: En kort sammanfattning.\nstatus: {status}\n---\n\nText.\n"
    )
}

/// A guide in a temporary folder. Dropping it deletes the folder.
pub struct Guide {
    dir: TempDir,
}

impl Guide {
    /// `config.toml` and `content/skola/_area.md` by default, then `files` (a file with the
    /// same path as a default replaces it).
    pub fn new(files: &[(&str, &str)]) -> Guide {
        let guide = Guide::empty();
        guide.write("config.toml", CONFIG);
        guide.write(AREA_PATH, AREA);
        for (path, contents) in files {
            guide.write(path, contents);
        }
        guide
    }

    /// Only `files`: no config, no area.
    pub fn bare(files: &[(&str, &str)]) -> Guide {
        let guide = Guide::empty();
        for (path, contents) in files {
            guide.write(path, contents);
        }
        guide
    }

    fn empty() -> Guide {
        Guide {
            dir: tempfile::Builder::new()
                .prefix("signpost-test-")
                .tempdir()
                .expect("create a temporary folder"),
        }
    }

    /// Writes a file (text or raw bytes), creating its folders.
    pub fn write(&self, path: &str, contents: impl AsRef<[u8]>) -> &Guide {
        let full = self.path(path);
        if let Some(parent) = full.parent() {
            std::fs::create_dir_all(parent).expect("create folders");
        }
        std::fs::write(&full, contents).expect("write a fixture file");
        self
    }

    /// Creates the folder `path` (and its parents).
    pub fn mkdir(&self, path: &str) -> &Guide {
        std::fs::create_dir_all(self.path(path)).expect("create folders");
        self
    }

    /// Makes `path` a symbolic link to `target` (as written, relative to the link's folder).
    pub fn symlink(&self, path: &str, target: &str) -> &Guide {
        let full = self.path(path);
        if let Some(parent) = full.parent() {
            std::fs::create_dir_all(parent).expect("create folders");
        }
        std::os::unix::fs::symlink(target, full).expect("create a symbolic link");
        self
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// `signpost --root <guide> check --format json --today 2026-06-15 <args>`, parsed.
    /// A `--today` or `--format` in `args` replaces the default one.
    pub fn check(&self, args: &[&str]) -> Run {
        self.check_in("en", args)
    }

    /// [`Guide::check`] with the messages in `lang` (`--lang <lang>`).
    pub fn check_in(&self, lang: &str, args: &[&str]) -> Run {
        let mut all: Vec<&str> = vec!["--root", self.root().to_str().expect("UTF-8 path"), "check"];
        if !args.contains(&"--format") {
            all.extend(["--format", "json"]);
        }
        if !args.contains(&"--today") {
            all.extend(["--today", TODAY]);
        }
        all.extend(args);
        let out = signpost_in(Some(lang), &all, None);
        assert!(
            out.code == 0 || out.code == 1,
            "signpost could not run (exit {}): {}",
            out.code,
            out.stderr
        );
        let report = parse_json(&out.stdout);
        Run { out, report }
    }

    /// The same as [`Guide::check`] with any other format: the raw output.
    pub fn check_raw(&self, args: &[&str]) -> Output {
        let mut all: Vec<&str> = vec!["--root", self.root().to_str().expect("UTF-8 path"), "check"];
        if !args.contains(&"--today") {
            all.extend(["--today", TODAY]);
        }
        all.extend(args);
        signpost(&all, None)
    }
}

/// What the binary did.
#[derive(Debug, Clone)]
pub struct Output {
    /// The exit code (-1 if it was killed by a signal).
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs the built `signpost` binary with `args`, in English (`--lang en`: the test guides
/// are Swedish, and most tests read the English messages), in `cwd` if given, with
/// `NO_COLOR` unset so colour depends only on whether stdout is a terminal.
pub fn signpost(args: &[&str], cwd: Option<&Path>) -> Output {
    signpost_in(Some("en"), args, cwd)
}

/// Runs the built `signpost` binary with `--lang <lang>` (or without `--lang` for `None`:
/// the guide's language decides).
pub fn signpost_in(lang: Option<&str>, args: &[&str], cwd: Option<&Path>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_signpost"));
    if let Some(lang) = lang {
        cmd.args(["--lang", lang]);
    }
    cmd.args(args).env_remove("NO_COLOR");
    if let Some(dir) = cwd {
        cmd.current_dir(dir);
    }
    let out = cmd.output().expect("run the signpost binary");
    Output {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

/// One diagnostic of the JSON output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diag {
    pub severity: String,
    pub code: String,
    pub file: Option<String>,
    pub line: Option<u32>,
    pub column: Option<u32>,
    pub message: String,
    pub hint: Option<String>,
}

impl Diag {
    /// (code, file, line, column, severity)
    pub fn key(&self) -> (String, Option<String>, Option<u32>, Option<u32>, String) {
        (
            self.code.clone(),
            self.file.clone(),
            self.line,
            self.column,
            self.severity.clone(),
        )
    }
}

/// The whole JSON output.
#[derive(Debug, Clone)]
pub struct Report {
    pub diagnostics: Vec<Diag>,
    pub errors: usize,
    pub warnings: usize,
}

/// Parses `check --format json` output, panicking on anything that does not follow the
/// documented shape (so a shape change fails the tests).
pub fn parse_json(stdout: &str) -> Report {
    let v: serde_json::Value = serde_json::from_str(stdout)
        .unwrap_or_else(|e| panic!("output is not JSON ({e}):\n{stdout}"));
    let obj = v.as_object().expect("the output is a JSON object");
    let mut keys: Vec<&str> = obj.keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        ["diagnostics", "errors", "warnings"],
        "top-level keys"
    );
    let text = |d: &serde_json::Value, k: &str| -> Option<String> {
        match &d[k] {
            serde_json::Value::Null => None,
            serde_json::Value::String(s) => Some(s.clone()),
            other => panic!("`{k}` is not text or null: {other}"),
        }
    };
    let number = |d: &serde_json::Value, k: &str| -> Option<u32> {
        match &d[k] {
            serde_json::Value::Null => None,
            serde_json::Value::Number(n) => {
                let n = n.as_u64().expect("a whole number");
                assert!(n >= 1, "`{k}` is 1-based, got {n}");
                Some(n as u32)
            }
            other => panic!("`{k}` is not a number or null: {other}"),
        }
    };
    let diagnostics = obj["diagnostics"]
        .as_array()
        .expect("`diagnostics` is a list")
        .iter()
        .map(|d| {
            let mut keys: Vec<&str> = d
                .as_object()
                .expect("a diagnostic is an object")
                .keys()
                .map(String::as_str)
                .collect();
            keys.sort_unstable();
            assert_eq!(
                keys,
                ["code", "column", "file", "hint", "line", "message", "severity"],
                "keys of a diagnostic"
            );
            Diag {
                severity: text(d, "severity").expect("a severity"),
                code: text(d, "code").expect("a code"),
                file: text(d, "file"),
                line: number(d, "line"),
                column: number(d, "column"),
                message: text(d, "message").expect("a message"),
                hint: text(d, "hint"),
            }
        })
        .collect();
    let count = |k: &str| {
        obj[k]
            .as_u64()
            .unwrap_or_else(|| panic!("`{k}` is a number")) as usize
    };
    Report {
        diagnostics,
        errors: count("errors"),
        warnings: count("warnings"),
    }
}

/// A check run: the raw output and the parsed report.
#[derive(Debug, Clone)]
pub struct Run {
    pub out: Output,
    pub report: Report,
}

impl Run {
    pub fn diags(&self) -> &[Diag] {
        &self.report.diagnostics
    }

    pub fn exit(&self) -> i32 {
        self.out.code
    }

    /// Every code that occurs, once each, sorted.
    pub fn codes(&self) -> Vec<String> {
        let mut codes: Vec<String> = self.diags().iter().map(|d| d.code.clone()).collect();
        codes.sort();
        codes.dedup();
        codes
    }

    /// The only diagnostic with this code (panics unless there is exactly one).
    pub fn one(&self, code: &str) -> &Diag {
        let found: Vec<&Diag> = self.diags().iter().filter(|d| d.code == code).collect();
        assert_eq!(found.len(), 1, "expected one `{code}`, got:\n{self}");
        found[0]
    }

    /// Asserts that the diagnostics are exactly `expected` (in any order), that the counts
    /// agree with them, and that the exit code follows from them.
    #[track_caller]
    pub fn expect(&self, expected: &[Expected]) -> &Self {
        let mut want: Vec<Expected> = expected.to_vec();
        let mut got: Vec<Expected> = self
            .diags()
            .iter()
            .map(|d| Expected {
                severity: d.severity.clone(),
                code: d.code.clone(),
                file: d.file.clone(),
                line: d.line,
                column: d.column,
            })
            .collect();
        want.sort();
        got.sort();
        assert_eq!(got, want, "diagnostics differ; the full output:\n{self}");
        let errors = want.iter().filter(|e| e.severity == "error").count();
        assert_eq!(self.report.errors, errors, "error count");
        assert_eq!(self.report.warnings, want.len() - errors, "warning count");
        assert_eq!(self.exit(), i32::from(errors > 0), "exit code\n{self}");
        self
    }

    /// Asserts a clean run: exit 0, no diagnostics.
    #[track_caller]
    pub fn expect_clean(&self) -> &Self {
        self.expect(&[])
    }
}

impl fmt::Display for Run {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "exit {}", self.out.code)?;
        for d in self.diags() {
            writeln!(
                f,
                "  {} {} {}:{}:{} {}{}",
                d.severity,
                d.code,
                d.file.as_deref().unwrap_or("-"),
                d.line.map(|l| l.to_string()).unwrap_or_else(|| "-".into()),
                d.column
                    .map(|c| c.to_string())
                    .unwrap_or_else(|| "-".into()),
                d.message,
                d.hint
                    .as_deref()
                    .map(|h| format!(" [hint: {h}]"))
                    .unwrap_or_default()
            )?;
        }
        if !self.out.stderr.is_empty() {
            writeln!(f, "stderr: {}", self.out.stderr)?;
        }
        Ok(())
    }
}

/// An expected diagnostic: severity, code, file and position (`None` = `null` in the JSON).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Expected {
    pub file: Option<String>,
    pub line: Option<u32>,
    pub column: Option<u32>,
    pub code: String,
    pub severity: String,
}

/// An error `code` in `file`, with no position unless [`Expected::at`] or
/// [`Expected::line`] adds one.
pub fn error(code: &str, file: &str) -> Expected {
    Expected {
        severity: "error".into(),
        code: code.into(),
        file: Some(file.into()),
        line: None,
        column: None,
    }
}

/// A warning `code` in `file`; see [`error`].
pub fn warning(code: &str, file: &str) -> Expected {
    Expected {
        severity: "warning".into(),
        ..error(code, file)
    }
}

impl Expected {
    pub fn at(mut self, line: u32, column: u32) -> Self {
        self.line = Some(line);
        self.column = Some(column);
        self
    }

    /// A line with no column.
    pub fn line(mut self, line: u32) -> Self {
        self.line = Some(line);
        self
    }
}

/// Copies the folder `from` and everything below it to `to`.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create dir");
    for entry in std::fs::read_dir(from).expect("read dir") {
        let entry = entry.expect("dir entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy file");
        }
    }
}

/// A generated guide big enough for lists of several pages, in Swedish with English
/// translations of some entries: `areas` areas, `challenges` challenges and `solutions`
/// solutions spread over them, tags from a set of `tags`, titles in an order unlike the
/// files' (so that sorting shows). Every 10th challenge is a draft and every 13th archived;
/// the rest are published, and every solution addresses a published challenge. With
/// `longest`, titles and summaries are as long as the format allows (120 and 300
/// characters), for size budgets.
#[derive(Debug, Clone)]
pub struct Generated {
    pub areas: usize,
    pub challenges: usize,
    pub solutions: usize,
    pub tags: usize,
    /// `[lists]` settings, when not the defaults.
    pub per_page: Option<usize>,
    pub tags_per_page: Option<usize>,
    /// Every n-th published entry gets an English translation (0: none).
    pub translate_every: usize,
    pub longest: bool,
    pub base_url: &'static str,
}

impl Default for Generated {
    fn default() -> Self {
        Generated {
            areas: 3,
            challenges: 60,
            solutions: 40,
            tags: 12,
            per_page: None,
            tags_per_page: None,
            translate_every: 4,
            longest: false,
            base_url: "https://example.org/g/",
        }
    }
}

/// A generated entry: where its pages are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedEntry {
    /// `omrade-1/utmaning-7/`, below the base.
    pub url: String,
    /// `en/omrade-1/utmaning-7/` when it has a published English translation.
    pub en_url: Option<String>,
    pub challenge: bool,
    pub status: &'static str,
    pub title: String,
}

const WORDS: &[&str] = &[
    "Bemanning",
    "Arkiv",
    "Öppna data",
    "Kö",
    "Digital signatur",
    "Avfall",
    "Energi",
    "Ärendehantering",
    "Bygglov",
    "Trygghetslarm",
    "Elevdatorer",
    "Läkemedel",
    "Nycklar",
    "Vattenmätare",
    "Färdtjänst",
    "Inloggning",
    "Zonplan",
    "Ungdomsmottagning",
];

impl Generated {
    /// The guide's files, and its entries.
    pub fn write(&self) -> (Guide, Vec<GeneratedEntry>) {
        let guide = Guide::bare(&[]);
        let mut config = format!(
            "title = \"Genererad guide\"\nbase_url = \"{}\"\nlanguages = [\"sv\", \"en\"]\n\n[search]\nenabled = false\n",
            self.base_url
        );
        if self.per_page.is_some() || self.tags_per_page.is_some() {
            config.push_str("\n[lists]\n");
            if let Some(n) = self.per_page {
                config.push_str(&format!("per_page = {n}\n"));
            }
            if let Some(n) = self.tags_per_page {
                config.push_str(&format!("tags_per_page = {n}\n"));
            }
        }
        guide.write("config.toml", config);
        guide.write(
            "content/_index.md",
            "---\ntitle: Genererad guide\nsummary: En guide för att pröva långa listor.\n---\n\nVälkommen.\n",
        );
        guide.write(
            "content/om.md",
            "---\ntype: page\ntitle: Om guiden\nsummary: Vad guiden är.\n---\n\nOm guiden.\n",
        );
        for a in 0..self.areas {
            guide.write(
                &format!("content/omrade-{a}/_area.md"),
                format!("---\ntitle: Område {a}\nsummary: Område nummer {a}.\nowner: Team {a}\n---\n\nOmrådet.\n"),
            );
        }
        // Filler of varied words (as compressible as prose, not as a repeated phrase).
        let mut seed: u64 = 7;
        let mut word = move || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            const FILL: &[&str] = &[
                "kommunen",
                "behöver",
                "digitala",
                "verktyg",
                "för",
                "att",
                "minska",
                "väntetider",
                "och",
                "öka",
                "tryggheten",
                "hos",
                "invånare",
                "med",
                "hemtjänst",
                "personal",
                "rutiner",
                "samverkan",
                "regionen",
                "upphandling",
                "kostnader",
                "tillgänglighet",
                "säkerhet",
                "uppföljning",
                "brukare",
                "anhöriga",
                "skolor",
                "elever",
                "lärare",
                "bygglov",
                "handläggning",
                "arkivering",
                "e-tjänster",
                "integritet",
                "data",
            ];
            FILL[(seed >> 33) as usize % FILL.len()]
        };
        let mut pad = |text: String, len: usize| -> String {
            if !self.longest {
                return text;
            }
            let mut t = text;
            while t.chars().count() < len {
                t.push(' ');
                t.push_str(word());
            }
            t.chars()
                .take(len)
                .collect::<String>()
                .trim_end()
                .to_string()
        };
        let mut entries = Vec::new();
        let mut published_challenges = Vec::new();
        for i in 0..self.challenges + self.solutions {
            let challenge = i < self.challenges;
            let area = i % self.areas.max(1);
            let (kind, id) = if challenge {
                ("challenge", format!("utmaning-{i}"))
            } else {
                ("solution", format!("losning-{i}"))
            };
            let status = if challenge && i % 10 == 9 {
                "draft"
            } else if challenge && i % 13 == 12 {
                "archived"
            } else {
                "published"
            };
            let title = pad(
                format!(
                    "{} {} {i}",
                    WORDS[(i * 7) % WORDS.len()],
                    WORDS[(i * 3) % WORDS.len()].to_lowercase()
                ),
                120,
            );
            let summary = pad(
                format!(
                    "Sammanfattning av {id}, som handlar om {}.",
                    WORDS[i % WORDS.len()].to_lowercase()
                ),
                300,
            );
            let tags: Vec<String> = if self.tags == 0 {
                Vec::new()
            } else {
                let mut t = vec![
                    format!("tagg-{}", i % self.tags),
                    format!("tagg-{}", (i * 5 + 1) % self.tags),
                ];
                t.dedup();
                t
            };
            let mut fm = format!(
                "---\ntype: {kind}\ntitle: \"{title}\"\nsummary: \"{summary}\"\nstatus: {status}\nowner: Team {area}\ntags: [{}]\n",
                tags.join(", ")
            );
            if status != "draft" {
                fm.push_str(&format!(
                    "reviewed_by: [Anna Svensson]\nlast_reviewed: 2026-{:02}-{:02}\n",
                    1 + i % 9,
                    1 + i % 27
                ));
            }
            if !challenge {
                let target: &String = &published_challenges[(i * 11) % published_challenges.len()];
                fm.push_str(&format!("kind: method\naddresses: [{target}]\n"));
            }
            fm.push_str("---\n\n## Bakgrund\n\nText.\n");
            guide.write(&format!("content/omrade-{area}/{id}.md"), &fm);
            if challenge && status == "published" {
                published_challenges.push(id.clone());
            }
            let translated =
                self.translate_every > 0 && status == "published" && i % self.translate_every == 0;
            if translated {
                let en_title: String = format!("In English: {title}").chars().take(120).collect();
                let en = fm
                    .replace(
                        &format!("title: \"{title}\""),
                        &format!("title: \"{}\"", en_title.trim_end()),
                    )
                    .replace("## Bakgrund", "## Background");
                guide.write(&format!("content/omrade-{area}/{id}.en.md"), en);
            }
            entries.push(GeneratedEntry {
                url: format!("omrade-{area}/{id}/"),
                en_url: translated.then(|| format!("en/omrade-{area}/{id}/")),
                challenge,
                status,
                title,
            });
        }
        assert!(!published_challenges.is_empty() || self.solutions == 0);
        (guide, entries)
    }
}

/// Builds a guide into `out` as of 2026-11-21 and fails the test when the build fails.
pub fn build(guide: &Guide, out: &Path) {
    let out = signpost(
        &[
            "--root",
            guide.root().to_str().expect("UTF-8 path"),
            "build",
            "--today",
            "2026-11-21",
            "--output",
            out.to_str().expect("UTF-8 path"),
        ],
        None,
    );
    assert_eq!(out.code, 0, "the build failed:\n{}", out.stderr);
}
