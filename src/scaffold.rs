//! `signpost new`: a new challenge, solution, page or area, written so that the guide still
//! passes `signpost check`.
//!
//! Entries and pages start as drafts (`status: draft`), so nothing new reaches the public
//! site by accident. What cannot be known is filled in honestly:
//!
//! - `summary` is required and may not be empty, so without `--summary` it gets a
//!   placeholder starting with [`PLACEHOLDER`] (`grep -r UTKAST content/` finds them). A
//!   draft may keep it; once readers can see the file (published, or an area) the check
//!   warns (`placeholder-summary`).
//! - `owner` is never invented. An entry without `--owner` inherits its area's owner; when
//!   the area has none, `new` refuses and asks for `--owner`, because a guessed owner would
//!   hide the gap the check exists to show.
//! - `created` is the day the file is made (`--today` overrides it).
//!
//! `new` never overwrites a file, and refuses ids and areas the check would reject (unknown
//! area, id already used, reserved address, unknown or non-challenge `addresses`).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;

use crate::content::frontmatter::{SUMMARY_MAX, TITLE_MAX};
use crate::content::{self, DocKey, DocType, Guide, LoadOptions, Role, SolutionKind};
use crate::diagnostics::did_you_mean;
use crate::i18n::{Lang, Msg};
use crate::msg;
use crate::text::{is_valid_id, slugify_id};

/// How every placeholder summary starts, so that an editor (or `grep`) finds it.
pub use crate::content::PLACEHOLDER_SUMMARY as PLACEHOLDER;

/// What `signpost new` creates.
#[derive(Debug, Clone, clap::Subcommand)]
pub enum NewCommand {
    /// A challenge in an area: content/<area>/<id>.md, as a draft
    Challenge {
        /// The area (folder under content/) it belongs to
        #[arg(long, value_name = "AREA")]
        area: String,
        /// Write content/<area>/<id>/index.md, a folder for the text and its pictures
        #[arg(long)]
        folder: bool,
        #[command(flatten)]
        common: Common,
    },
    /// A solution in an area: content/<area>/<id>.md, as a draft
    Solution {
        /// The area (folder under content/) it belongs to
        #[arg(long, value_name = "AREA")]
        area: String,
        /// What kind of solution it is
        #[arg(long, default_value = "method", value_parser = clap::builder::PossibleValuesParser::new(SolutionKind::NAMES))]
        kind: String,
        /// The ids of the challenges it helps with, separated by commas
        #[arg(long, required = true, value_delimiter = ',', value_name = "ID,…")]
        addresses: Vec<String>,
        /// Write content/<area>/<id>/index.md, a folder for the text and its pictures
        #[arg(long)]
        folder: bool,
        #[command(flatten)]
        common: Common,
    },
    /// A page: content/<id>.md, as a draft
    Page {
        #[command(flatten)]
        common: Common,
    },
    /// An area: content/<id>/_area.md (an area has no status: it is on the site from the next build)
    Area {
        #[command(flatten)]
        common: Common,
    },
}

/// Options every kind of file takes.
#[derive(Debug, Clone, clap::Args)]
pub struct Common {
    /// The title; the id (file or folder name) is made from it
    pub title: String,
    /// Use this id instead of the one made from the title
    #[arg(long, value_name = "ID")]
    pub id: Option<String>,
    /// The summary (default: a placeholder starting with "UTKAST:" to replace)
    #[arg(long, value_name = "TEXT")]
    pub summary: Option<String>,
    /// Who keeps it up to date (default for an entry: its area's owner)
    #[arg(long, value_name = "NAME")]
    pub owner: Option<String>,
    /// The date written as `created` (default: today)
    #[arg(long, value_parser = crate::parse_date, value_name = "YYYY-MM-DD")]
    pub today: Option<NaiveDate>,
}

impl NewCommand {
    fn common(&self) -> &Common {
        match self {
            NewCommand::Challenge { common, .. }
            | NewCommand::Solution { common, .. }
            | NewCommand::Page { common }
            | NewCommand::Area { common } => common,
        }
    }

    /// An entry in a folder of its own (`<id>/index.md`), with room for pictures.
    fn in_folder(&self) -> bool {
        matches!(
            self,
            NewCommand::Challenge { folder: true, .. } | NewCommand::Solution { folder: true, .. }
        )
    }

    fn what(&self) -> &'static str {
        match self {
            NewCommand::Challenge { .. } => "challenge",
            NewCommand::Solution { .. } => "solution",
            NewCommand::Page { .. } => "page",
            NewCommand::Area { .. } => "area",
        }
    }
}

/// Why nothing was created.
#[derive(Debug, thiserror::Error)]
pub enum NewError {
    /// The guide could not be read (exit 2).
    #[error(transparent)]
    Load(content::LoadError),
    /// The request was refused; nothing was written (exit 1).
    #[error("{}", .0.text(crate::i18n::Lang::En))]
    Refused(Msg),
    /// Writing the file failed (exit 1).
    #[error("cannot write `{}`: {}", .0.display(), .1)]
    Write(PathBuf, std::io::Error),
}

/// A file to create: its path relative to the guide root, and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scaffold {
    pub path: String,
    pub text: String,
    /// What the editor still has to fill in (for the note printed after creating it).
    pub todo: Vec<&'static str>,
}

/// Works out the file `cmd` asks for in the loaded guide, refusing what the check would
/// reject. Writes nothing.
pub fn plan(guide: &Guide, cmd: &NewCommand, today: NaiveDate) -> Result<Scaffold, NewError> {
    let common = cmd.common();
    let title = one_line(&common.title);
    if title.is_empty() {
        return refuse(msg!("new-title-empty"));
    }
    let len = title.chars().count();
    if len > TITLE_MAX {
        return refuse(msg!(
            "new-too-long",
            field = "title",
            len = len,
            max = TITLE_MAX
        ));
    }
    let summary = common.summary.as_deref().map(one_line);
    if let Some(s) = &summary {
        let len = s.chars().count();
        if s.is_empty() {
            return refuse(msg!("new-summary-empty"));
        }
        if len > SUMMARY_MAX {
            return refuse(msg!(
                "new-too-long",
                field = "summary",
                len = len,
                max = SUMMARY_MAX
            ));
        }
    }
    let owner = common
        .owner
        .as_deref()
        .map(one_line)
        .filter(|o| !o.is_empty());
    let id = match &common.id {
        Some(id) if is_valid_id(id) => id.clone(),
        Some(id) => return refuse(msg!("new-invalid-id", id = id, example = slugify_id(id))),
        None => {
            let id = short_id(&slugify_id(&title));
            if id.is_empty() {
                return refuse(msg!("new-no-id", title = &title));
            }
            id
        }
    };

    let what = cmd.what();
    let area = match cmd {
        NewCommand::Challenge { area, .. } | NewCommand::Solution { area, .. } => {
            Some(known_area(guide, area)?)
        }
        NewCommand::Page { .. } | NewCommand::Area { .. } => None,
    };

    let path = match (cmd, &area) {
        (NewCommand::Area { .. }, _) => format!("content/{id}/_area.md"),
        (NewCommand::Page { .. }, _) => format!("content/{id}.md"),
        (_, Some(area)) if cmd.in_folder() => format!("content/{area}/{id}/index.md"),
        (_, Some(area)) => format!("content/{area}/{id}.md"),
        (_, None) => unreachable!("entries have an area"),
    };
    let exists = || refuse(msg!("new-exists-choose", path = &path));

    // Ids: entries and pages share one set, areas have their own; pages and areas share
    // the top level of the site's addresses.
    match cmd {
        NewCommand::Area { .. } => {
            if let Some(d) = guide.area_doc(&id) {
                if d.path == path {
                    return exists();
                }
                return refuse(msg!("new-area-exists", id = &id, path = &d.path));
            }
            if let Some(d) = guide.item(&id).filter(|d| d.role == Role::Page) {
                return refuse(msg!("new-taken-by-page", id = &id, path = &d.path));
            }
        }
        _ => {
            if let Some(&i) = guide.originals.get(&DocKey::Item(id.clone())) {
                if guide.docs[i].path == path {
                    return exists();
                }
                return refuse(msg!("new-id-used", id = &id, path = &guide.docs[i].path));
            }
            if matches!(cmd, NewCommand::Page { .. }) && guide.areas.contains_key(&id) {
                return refuse(msg!("new-taken-by-area", id = &id));
            }
        }
    }
    if matches!(cmd, NewCommand::Page { .. } | NewCommand::Area { .. }) {
        if let Some(used_for) = crate::routes::reserved(&id, &guide.config) {
            return refuse(msg!(
                "new-reserved",
                id = &id,
                what = what,
                used_for = used_for
            ));
        }
    }

    let addresses = match cmd {
        NewCommand::Solution { addresses, .. } => challenges(guide, addresses)?,
        _ => Vec::new(),
    };

    // An entry needs an owner, its own or its area's; never invent one.
    if let (Some(area), None) = (&area, &owner) {
        let inherited = guide.area_doc(area).and_then(|a| a.meta.owner.as_deref());
        if inherited.is_none() {
            return refuse(msg!("new-needs-owner", area = area.as_str(), what = what));
        }
    }

    let mut todo = Vec::new();
    let summary = summary.unwrap_or_else(|| {
        todo.push("summary");
        placeholder_summary(cmd).to_string()
    });
    todo.push("text");

    let mut fm: Vec<(&str, String)> = Vec::new();
    match cmd {
        NewCommand::Challenge { .. } => fm.push(("type", DocType::Challenge.as_str().into())),
        NewCommand::Solution { kind, .. } => {
            fm.push(("type", DocType::Solution.as_str().into()));
            fm.push(("kind", kind.clone()));
        }
        NewCommand::Page { .. } => fm.push(("type", DocType::Page.as_str().into())),
        NewCommand::Area { .. } => {}
    }
    fm.push(("title", yaml_text(&title)));
    fm.push(("summary", yaml_text(&summary)));
    if matches!(cmd, NewCommand::Area { .. } | NewCommand::Page { .. }) {
        if let Some(order) = next_order(guide, cmd) {
            fm.push(("order", order.to_string()));
        }
    }
    if !matches!(cmd, NewCommand::Area { .. }) {
        fm.push(("status", "draft".into()));
    }
    if let Some(o) = &owner {
        fm.push(("owner", yaml_text(o)));
    }
    if !addresses.is_empty() {
        let list: Vec<String> = addresses.iter().map(|a| yaml_text(a)).collect();
        fm.push(("addresses", format!("[{}]", list.join(", "))));
    }
    if matches!(
        cmd,
        NewCommand::Challenge { .. } | NewCommand::Solution { .. }
    ) {
        fm.push(("tags", "[]".into()));
    }
    if !matches!(cmd, NewCommand::Area { .. }) {
        fm.push(("created", today.to_string()));
    }

    let mut text = String::from("---\n");
    for (k, v) in &fm {
        text.push_str(k);
        text.push(':');
        if !v.is_empty() {
            text.push(' ');
            text.push_str(v);
        }
        text.push('\n');
    }
    text.push_str("---\n\n");
    text.push_str(body_skeleton(cmd));
    Ok(Scaffold { path, text, todo })
}

/// Loads the guide at `root`, plans the file and creates it (never overwriting one).
pub fn create(root: &Path, cmd: &NewCommand) -> Result<Scaffold, NewError> {
    let guide = content::load(root, &LoadOptions::default()).map_err(NewError::Load)?;
    let today = cmd.common().today.unwrap_or_else(crate::today);
    let scaffold = plan(&guide, cmd, today)?;
    let full = root.join(&scaffold.path);
    let exists = || NewError::Refused(msg!("new-exists", path = &scaffold.path));
    if full.exists() {
        return Err(exists());
    }
    if let Some(dir) = full.parent() {
        std::fs::create_dir_all(dir).map_err(|e| NewError::Write(dir.to_path_buf(), e))?;
    }
    // `create_new`: if another process made the file since the check above, do not touch it.
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&full)
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => exists(),
            _ => NewError::Write(full.clone(), e),
        })?;
    file.write_all(scaffold.text.as_bytes())
        .and_then(|()| file.flush())
        .map_err(|e| NewError::Write(full.clone(), e))?;
    Ok(scaffold)
}

/// `signpost new …`: creates the file, prints its path on stdout and what is left to do on
/// stderr. Exit 0 when created, 1 when refused, 2 when the guide cannot be read.
pub fn cli(root: &Path, cmd: &NewCommand, lang: Option<Lang>) -> ExitCode {
    let lang = content::load::speaking(lang, root);
    match create(root, cmd) {
        Ok(s) => {
            println!("{}", display_path(root, &s.path));
            let what = cmd.what();
            let todo = if s.todo.contains(&"summary") {
                msg!("new-todo-summary-text", placeholder = PLACEHOLDER)
            } else {
                msg!("new-todo-text")
            };
            let next = match cmd {
                NewCommand::Area { .. } => msg!("new-next-area"),
                _ => msg!("new-next-draft", what = what),
            };
            let says = msg!("new-created", what = what, todo = todo, next = next);
            eprintln!("signpost: {}", says.text(lang));
            ExitCode::SUCCESS
        }
        Err(NewError::Load(e)) => {
            eprintln!("signpost: {}", e.msg().text(lang));
            ExitCode::from(2)
        }
        Err(NewError::Refused(m)) => {
            eprintln!("signpost: {}", m.text(lang));
            ExitCode::from(1)
        }
        Err(e @ NewError::Write(..)) => {
            eprintln!("signpost: {e}");
            ExitCode::from(1)
        }
    }
}

/// The longest id made from a title: longer ones are cut at a word.
pub const ID_MAX: usize = 40;

/// An id made from a title, at most [`ID_MAX`] characters, cut after a whole word.
fn short_id(id: &str) -> String {
    if id.len() <= ID_MAX {
        return id.to_string();
    }
    // Ids are ASCII, so bytes are characters. Cut at the last dash that leaves a whole
    // word; a first word longer than the limit is cut where the limit falls.
    match id[..=ID_MAX].rfind('-') {
        Some(cut) if cut > 0 => id[..cut].to_string(),
        _ => id[..ID_MAX].trim_end_matches('-').to_string(),
    }
}

fn refuse<T>(message: Msg) -> Result<T, NewError> {
    Err(NewError::Refused(message))
}

/// The path as the user would type it: relative to the current folder when `--root` is.
fn display_path(root: &Path, rel: &str) -> String {
    let is_here = root
        .components()
        .all(|c| matches!(c, std::path::Component::CurDir));
    if is_here {
        rel.to_string()
    } else {
        root.join(rel).display().to_string()
    }
}

/// One line of text: runs of white space (including line breaks) become one space.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The area folder `name`, or a refusal naming the areas there are.
fn known_area(guide: &Guide, name: &str) -> Result<String, NewError> {
    if guide.area_doc(name).is_some() {
        return Ok(name.to_string());
    }
    let ids: Vec<&str> = guide
        .areas
        .iter()
        .filter(|(_, a)| a.doc.is_some())
        .map(|(id, _)| id.as_str())
        .collect();
    if guide.areas.contains_key(name) {
        return refuse(msg!("new-area-without-file", area = name));
    }
    // "Äldreomsorg" → `aldreomsorg`; otherwise the closest spelling.
    let slug = slugify_id(name);
    let by_title = guide.areas.iter().find_map(|(id, a)| {
        let d = &guide.docs[a.doc?];
        (slugify_id(d.title()) == slug || *id == slug).then_some(id.as_str())
    });
    let hint = match by_title.or_else(|| did_you_mean(name, ids.iter().copied())) {
        Some(s) => msg!("did-you-mean", word = s),
        None if ids.is_empty() => msg!("new-no-areas"),
        None => msg!("new-areas-are", areas = ids.join(", ")),
    };
    refuse(msg!("new-no-such-area", area = name, hint = hint))
}

/// The challenge ids a solution addresses, checked and without repeats.
fn challenges(guide: &Guide, ids: &[String]) -> Result<Vec<String>, NewError> {
    let mut out: Vec<String> = Vec::new();
    for id in ids.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
        if out.iter().any(|o| o == id) {
            continue;
        }
        match guide.item(id) {
            Some(d) if guide.doc_type(d) == Some(DocType::Challenge) => out.push(id.to_string()),
            Some(d) => {
                let t = guide.doc_type(d).map(DocType::as_str).unwrap_or("file");
                return refuse(msg!(
                    "new-addresses-not-challenge",
                    id = id,
                    what = t,
                    path = &d.path
                ));
            }
            None => {
                let ids = guide
                    .docs
                    .iter()
                    .filter(|d| !d.is_translation && guide.doc_type(d) == Some(DocType::Challenge));
                let hint = match did_you_mean(id, ids.map(|d| d.id.as_str())) {
                    Some(s) => msg!("did-you-mean", word = s),
                    None => msg!("new-addresses-hint"),
                };
                return refuse(msg!("new-addresses-unknown", id = id, hint = hint));
            }
        }
    }
    if out.is_empty() {
        return refuse(msg!("new-addresses-none"));
    }
    Ok(out)
}

/// One more than the highest `order` among the areas (or pages), so the new one comes
/// last; `None` when none of them uses `order`.
fn next_order(guide: &Guide, cmd: &NewCommand) -> Option<i64> {
    let role = match cmd {
        NewCommand::Area { .. } => Role::Area,
        _ => Role::Page,
    };
    guide
        .docs
        .iter()
        .filter(|d| d.role == role && !d.is_translation)
        .filter_map(|d| d.meta.order)
        .max()
        .map(|m| m.saturating_add(1))
}

fn placeholder_summary(cmd: &NewCommand) -> &'static str {
    match cmd {
        NewCommand::Challenge { .. } => {
            "UTKAST: Beskriv utmaningen i en eller två meningar (högst 300 tecken)."
        }
        NewCommand::Solution { .. } => {
            "UTKAST: Beskriv lösningen och vad den ger i en eller två meningar (högst 300 tecken)."
        }
        NewCommand::Page { .. } => {
            "UTKAST: Beskriv sidans innehåll i en eller två meningar (högst 300 tecken)."
        }
        NewCommand::Area { .. } => {
            "UTKAST: Beskriv vad området omfattar i en eller två meningar (högst 300 tecken)."
        }
    }
}

/// The text below the front matter: Swedish headings, with guidance in HTML comments
/// (which never reach the built page).
fn body_skeleton(cmd: &NewCommand) -> &'static str {
    match cmd {
        NewCommand::Challenge { .. } => "\
<!-- Inled med några meningar om utmaningen: vad händer, och för vem? -->

## Bakgrund

<!-- Hur ser det ut i dag? Vilka verksamheter och vilka människor berörs? -->

## Varför det är ett problem

<!-- Vad kostar problemet i tid, pengar, kvalitet eller risker? Ge gärna exempel. -->

## Vad en lösning behöver klara

<!-- Krav och förutsättningar: juridik, informationssäkerhet, samverkan, ekonomi. -->
",
        NewCommand::Solution { .. } => "\
<!-- Inled med några meningar om lösningen och vilken utmaning den möter. -->

## Så fungerar det

<!-- Beskriv lösningen: arbetssätt, teknik och vilka som använder den. -->

## Resultat

<!-- Vad har lösningen gett? Siffror, erfarenheter och vad användarna säger. -->

## Att tänka på

<!-- Förutsättningar, kostnader, upphandling, juridik och fallgropar. -->
",
        NewCommand::Page { .. } => "\
<!-- Skriv sidans text här. Sidans titel är dess huvudrubrik, så börja rubrikerna på nivå två (##). -->
",
        NewCommand::Area { .. } => "\
<!-- Inled med några meningar om området: vad som är särskilt här, och vad guiden samlar. -->

## Vad området omfattar

<!-- Vilka verksamheter och frågor hör till området, och vilka gör det inte? -->

## Att tänka på

<!-- Det som gäller för många lösningar i området: sekretess, samtycke, samverkan. -->
",
    }
}

pub(crate) use crate::text::yaml_text;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::content::frontmatter::{self, Context, Split};

    /// Reads front matter as the loader does: (meta, diagnostics).
    fn read(text: &str, role: Role) -> (content::Meta, Vec<crate::diagnostics::Diagnostic>) {
        let Split::Parts { yaml, .. } = frontmatter::split(text) else {
            panic!("no front matter in {text}");
        };
        let config = Config::default();
        let cx = Context {
            path: "content/x.md",
            role,
            is_translation: false,
            first_line: 2,
            config: &config,
        };
        let mut diags = Vec::new();
        let meta = frontmatter::read(yaml, &cx, &mut diags).expect("valid YAML");
        (meta, diags)
    }

    #[test]
    fn ids_made_from_long_titles_are_cut_at_a_word() {
        assert_eq!(short_id("kort-titel"), "kort-titel");
        let long = "digital-nyckelhantering-i-hemtjansten-for-personal-och-brukare";
        let id = short_id(long);
        assert_eq!(id, "digital-nyckelhantering-i-hemtjansten");
        assert!(id.len() <= ID_MAX && long.starts_with(&format!("{id}-")));
        // Exactly the limit, and a dash right after it: nothing is lost.
        let exact = format!("{}-mer", "a".repeat(ID_MAX));
        assert_eq!(short_id(&exact), "a".repeat(ID_MAX));
        assert_eq!(short_id(&"b".repeat(50)), "b".repeat(ID_MAX));
    }

    #[test]
    fn yaml_text_reads_back_unchanged() {
        for s in [
            "Långa väntetider för hemtjänst",
            "Kö: lång väntan på bygglov",
            "\"Citat\" och \\ snedstreck",
            "2026 års plan",
            "#hashtag",
            "yes",
            "No",
            "null",
            "[inte en lista]",
            "- inte en lista",
            "Slutar med kolon:",
            "Text # med kommentar",
            "* stjärna",
            "& ankare",
            "100",
            "2026-01-01",
        ] {
            let text = format!("---\ntitle: {}\n---\n", yaml_text(s));
            let (meta, diags) = read(&text, Role::Home);
            assert!(diags.is_empty(), "{s}: {diags:?}");
            assert_eq!(meta.title.as_deref(), Some(s), "{text}");
        }
    }

    #[test]
    fn placeholders_start_with_the_marker_and_fit() {
        let common = Common {
            title: "T".into(),
            id: None,
            summary: None,
            owner: None,
            today: None,
        };
        for cmd in [
            NewCommand::Page {
                common: common.clone(),
            },
            NewCommand::Area {
                common: common.clone(),
            },
            NewCommand::Challenge {
                area: "a".into(),
                folder: false,
                common: common.clone(),
            },
            NewCommand::Solution {
                area: "a".into(),
                kind: "method".into(),
                addresses: vec![],
                folder: true,
                common,
            },
        ] {
            let s = placeholder_summary(&cmd);
            assert!(s.starts_with(PLACEHOLDER));
            assert!(s.chars().count() <= SUMMARY_MAX);
        }
    }
}
