//! The links that open the guide to people who never use git: "Föreslå en ändring" (the git
//! host's web editor for the page's own file), "Har du en lösning?" on a challenge and the
//! invitation to propose a challenge (the host's new-issue form, prefilled). They exist only
//! when `config.toml` has `[repository]`; without it every function here gives `None`.
//!
//! The address shapes are `repository.rs`'s, the forms `forms.rs`'s; this module only
//! decides which page gets which link, with what prefilled.

use super::model::Model;
use crate::content::{Doc, Role};
use crate::forms::Form;

/// The web editor of the file a page is built from: a translation's own file on a
/// translated page, the original's where the page shows the original's text.
pub fn edit_url(model: &Model, d: &Doc) -> Option<String> {
    let repo = model.guide.config.repository.as_ref()?;
    Some(repo.edit_url(&d.path))
}

/// On a challenge: the form for proposing a solution to it, prefilled with the challenge's
/// id (the form's "which challenge" field) and its title (in the issue's title).
pub fn propose_solution_url(model: &Model, challenge: &Doc) -> Option<String> {
    let g = model.guide;
    let repo = g.config.repository.as_ref()?;
    if challenge.role != Role::Entry {
        return None;
    }
    let title = model
        .label("propose_solution_issue")
        .replace("{title}", challenge.title());
    Some(Form::ProposeSolution.new_issue_url(
        repo,
        &g.config.default_language,
        &title,
        &[("addresses", challenge.id.clone())],
    ))
}

/// On the home page and the open challenges: the form for proposing a new challenge,
/// prefilled with nothing but the form itself.
pub fn propose_challenge_url(model: &Model) -> Option<String> {
    let g = model.guide;
    let repo = g.config.repository.as_ref()?;
    Some(Form::ProposeChallenge.new_issue_url(repo, &g.config.default_language, "", &[]))
}
