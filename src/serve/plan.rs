//! Which pages a save of Markdown files touches: a pure function of what changed and of
//! render's own account of which pages show which document ([`ShownOn`]).
//!
//! An edit of an existing entry that stays in its area re-renders the entry's page first,
//! then every page that showed it when it was last rendered (wherever the views and
//! templates put it), every page that lists it now (its area, its tags, the lists and the
//! home page, from the render model), and the pages of the entries it points at or used to
//! (a solution's challenges show it, and whether they are still open). Anything else (a
//! new, deleted or moved file, a page, an area, a translation, the first good state after
//! errors) may change menus on every page, so everything is rendered again. This module
//! does not render, read or watch anything.

use std::collections::BTreeSet;

use crate::content::Role;
use crate::render::ShownOn;
use crate::routes::Page;

/// What a changed file was or is, as far as the plan cares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Summary {
    pub role: Role,
    pub area: Option<String>,
    pub is_translation: bool,
    /// The documents it points at (`addresses`, `related`), by index.
    pub points_at: Vec<usize>,
}

/// One saved file: its document's index now, and what it was and is.
#[derive(Debug, Clone)]
pub(super) struct Edit {
    pub index: Option<usize>,
    pub before: Option<Summary>,
    pub after: Option<Summary>,
}

/// What to render after a save.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Scope {
    /// Every page of every language.
    Everything,
    /// These pages of the default language, the saved ones first; every page of the other
    /// languages after them.
    Pages { first: Vec<Page>, then: Vec<Page> },
}

/// The plan for a save. `had_errors`: the state before it showed the error page.
/// `listing(i)`: the pages that list document `i` in the current model.
pub(super) fn plan(
    edits: &[Edit],
    had_errors: bool,
    shown: &ShownOn,
    listing: impl Fn(usize) -> Vec<Page>,
) -> Scope {
    let entry_edit = !had_errors
        && !edits.is_empty()
        && edits.iter().all(|e| {
            matches!((&e.after, &e.before, e.index), (Some(n), Some(o), Some(_))
                if n.role == Role::Entry && o.role == Role::Entry && n.area == o.area && !n.is_translation)
        });
    if !entry_edit {
        return Scope::Everything;
    }
    let first: Vec<Page> = edits
        .iter()
        .filter_map(|e| e.index.map(Page::Doc))
        .collect();
    let mut then: BTreeSet<Page> = BTreeSet::new();
    for e in edits {
        let Some(i) = e.index else { continue };
        then.extend(shown.pages_showing(i).cloned());
        then.extend(listing(i));
        let targets = e
            .before
            .iter()
            .chain(&e.after)
            .flat_map(|s| s.points_at.iter().copied());
        for j in targets {
            then.insert(Page::Doc(j));
            then.extend(shown.pages_showing(j).cloned());
        }
    }
    for f in &first {
        then.remove(f);
    }
    Scope::Pages {
        first,
        then: then.into_iter().collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::routes::Fixed;

    fn entry(area: &str, points_at: &[usize]) -> Summary {
        Summary {
            role: Role::Entry,
            area: Some(area.into()),
            is_translation: false,
            points_at: points_at.to_vec(),
        }
    }

    fn edit(index: usize, before: Summary, after: Summary) -> Edit {
        Edit {
            index: Some(index),
            before: Some(before),
            after: Some(after),
        }
    }

    fn no_lists(_: usize) -> Vec<Page> {
        Vec::new()
    }

    #[test]
    fn an_entry_edit_renders_the_pages_that_showed_it() {
        let mut shown = ShownOn::default();
        // Entry 3 is on its area's page, a list and entry 7's page (a related card), as
        // render last saw them; a template may put it anywhere.
        shown.insert(3, Page::Area("skola".into()));
        shown.insert(3, Page::Fixed(Fixed::Challenges));
        shown.insert(3, Page::Doc(7));
        shown.insert(3, Page::Doc(3));
        shown.insert(5, Page::Doc(9));
        let scope = plan(
            &[edit(3, entry("skola", &[]), entry("skola", &[]))],
            false,
            &shown,
            no_lists,
        );
        assert_eq!(
            scope,
            Scope::Pages {
                first: vec![Page::Doc(3)],
                then: vec![
                    Page::Area("skola".into()),
                    Page::Doc(7),
                    Page::Fixed(Fixed::Challenges)
                ],
            }
        );
    }

    #[test]
    fn pages_that_list_it_now_and_those_it_points_at_follow() {
        let mut shown = ShownOn::default();
        shown.insert(4, Page::Area("vard".into()));
        let listing = |i: usize| {
            assert_eq!(i, 3);
            vec![Page::Tag("ny-tagg".into()), Page::Home]
        };
        // Entry 3 used to address 4 and now addresses 5.
        let scope = plan(
            &[edit(3, entry("skola", &[4]), entry("skola", &[5]))],
            false,
            &shown,
            listing,
        );
        let Scope::Pages { then, .. } = scope else {
            panic!("an entry edit")
        };
        for p in [
            Page::Tag("ny-tagg".into()),
            Page::Home,
            Page::Doc(4),
            Page::Doc(5),
            Page::Area("vard".into()),
        ] {
            assert!(then.contains(&p), "{p:?} in {then:?}");
        }
    }

    #[test]
    fn anything_but_an_entry_edit_renders_everything() {
        let shown = ShownOn::default();
        let moved = edit(3, entry("skola", &[]), entry("vard", &[]));
        let page = Summary {
            role: Role::Page,
            area: None,
            is_translation: false,
            points_at: vec![],
        };
        let translation = Summary {
            is_translation: true,
            ..entry("skola", &[])
        };
        let new_file = Edit {
            index: Some(3),
            before: None,
            after: Some(entry("skola", &[])),
        };
        let deleted = Edit {
            index: None,
            before: Some(entry("skola", &[])),
            after: None,
        };
        for e in [
            moved,
            edit(3, page.clone(), page),
            edit(3, translation.clone(), translation),
            new_file,
            deleted,
        ] {
            assert_eq!(
                plan(std::slice::from_ref(&e), false, &shown, no_lists),
                Scope::Everything,
                "{e:?}"
            );
        }
        let ok = edit(3, entry("skola", &[]), entry("skola", &[]));
        assert_eq!(plan(&[ok], true, &shown, no_lists), Scope::Everything);
    }
}
