//! `check`: independent passes over a loaded [`Guide`], each returning diagnostics.
//!
//! Loading has already reported what a single file shows on its own (syntax, schema). The
//! passes here need the whole guide: references between entries (`references`), links and
//! images in the text (`links`), the images' alternative text (`images`), the review
//! workflow and freshness (`workflow`), and translations against their originals
//! (`translations`). None of them changes the guide.
//! The guide's own templates are judged by [`templates`], which `check` and `build` run
//! beside [`run`] (not `serve`, which shows a broken template's error on every page).

mod addresses;
mod images;
mod links;
mod references;
mod templates;
mod translations;
mod workflow;

pub use templates::check as templates;

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::content::{Doc, Guide};
use crate::diagnostics::Diagnostic;

/// Runs every check; returns the load diagnostics and the checks' own, unsorted.
pub fn run(guide: &Guide, today: NaiveDate) -> Vec<Diagnostic> {
    run_unless(guide, today, &|| false).unwrap_or_default()
}

/// [`run`], given up (`None`) as soon as `stop` says so: `serve` stops checking the whole
/// guide when the editor has saved again, to show that save first.
pub fn run_unless(
    guide: &Guide,
    today: NaiveDate,
    stop: &(dyn Fn() -> bool + Sync),
) -> Option<Vec<Diagnostic>> {
    let mut out = guide.diagnostics.clone();
    let addresses = addresses::Addresses::default();
    let per_doc: Vec<Vec<Diagnostic>> = guide
        .docs
        .par_iter()
        .map(|doc| (!stop()).then(|| check_doc(guide, &addresses, doc, today)))
        .collect::<Option<_>>()?;
    out.extend(per_doc.into_iter().flatten());
    references::check_aliases(guide, &addresses, &mut out);
    Some(out)
}

/// The checks of some documents only (by path), with what loading found in them: `serve`
/// judges the file just saved before the whole guide, to show it sooner.
pub fn run_for(guide: &Guide, paths: &[String], today: NaiveDate) -> Vec<Diagnostic> {
    let mut out: Vec<Diagnostic> = guide
        .diagnostics
        .iter()
        .filter(|d| d.file.as_ref().is_some_and(|f| paths.contains(f)))
        .cloned()
        .collect();
    let addresses = addresses::Addresses::default();
    for p in paths {
        if let Some(&i) = guide.by_path.get(p) {
            out.extend(check_doc(guide, &addresses, &guide.docs[i], today));
        }
    }
    out
}

fn check_doc(
    guide: &Guide,
    addresses: &addresses::Addresses,
    doc: &Doc,
    today: NaiveDate,
) -> Vec<Diagnostic> {
    let mut d = Vec::new();
    references::check(guide, doc, &mut d);
    links::check(guide, addresses, doc, &mut d);
    images::check(doc, &mut d);
    workflow::check(guide, doc, today, &mut d);
    translations::check(guide, doc, &mut d);
    d
}

/// The diagnostic for a published document that points at `target` (by a link, `related`
/// or `addresses`), if the target's status makes that a problem.
pub(crate) fn status_of_target(
    from: &Doc,
    target: &Doc,
    line: u32,
    column: u32,
) -> Option<Diagnostic> {
    use crate::content::Status;
    use crate::diagnostics::Code;
    // A target whose status could not be read has its own diagnostic: do not cascade.
    let unreadable = target.role == crate::content::Role::Entry && target.meta.status.is_none();
    if from.status() != Status::Published || !target.front_matter_ok || unreadable {
        return None;
    }
    let (code, key, hint) = match target.status() {
        Status::Draft => (Code::LinkToUnpublished, "target-draft", "target-draft-hint"),
        Status::InReview => (
            Code::LinkToUnpublished,
            "target-in-review",
            "target-in-review-hint",
        ),
        Status::Archived => (
            Code::LinkToArchived,
            "target-archived",
            "target-archived-hint",
        ),
        Status::Published => return None,
    };
    let name = if target.id.is_empty() {
        target.path.as_str()
    } else {
        target.id.as_str()
    };
    Some(
        Diagnostic::new(
            code,
            crate::i18n::Msg::new(key)
                .arg("name", name)
                .arg("path", target.path.as_str()),
        )
        .file(&from.path)
        .at(line, column)
        .hint(crate::i18n::Msg::new(hint)),
    )
}
