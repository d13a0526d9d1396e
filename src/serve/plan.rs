//! Which pages a save of Markdown files touches: a pure function of what changed, of
//! render's own account of which pages show which document ([`ShownOn`]), and of how many
//! pages each list had before and has now.
//!
//! An edit of an existing entry that stays in its area re-renders the entry's page first,
//! then every page that showed it when it was last rendered (wherever the views and
//! templates put it), every page that lists it now (the page of its area, its tags and the
//! lists that hold it, the home page, from the render model), and the pages of the entries
//! it points at or used to (a solution's challenges show it, and whether they are still
//! open). A list is split into pages, so an entry that moves in it (a new title), joins it
//! or leaves it shifts the entries between: the pages of that list from where it was to
//! where it is are rendered too, up to the list's end when it joined or left, and every
//! page of a list whose number of pages changed (their pagers say "of 40"); pages past a
//! list's new end are dropped. Anything else (a new, deleted or moved file, a page, an
//! area, a translation, the first good state after errors) may change menus on every page,
//! so everything is rendered again. This module does not render, read or watch anything.

use std::collections::{BTreeMap, BTreeSet};

use crate::content::Role;
use crate::render::ShownOn;
use crate::routes::{Fixed, Page, PageNo};

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

/// Every list split into pages, by its first page, with its number of pages
/// (`Model::page_counts`).
pub(super) type Counts = BTreeMap<Page, PageNo>;

/// What to render after a save.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Scope {
    /// Every page of every language.
    Everything,
    /// These pages of the default language, the saved ones first; every page of the other
    /// languages after them. `gone`: pages past the new end of a list, to drop.
    Pages {
        first: Vec<Page>,
        then: Vec<Page>,
        gone: Vec<Page>,
    },
}

/// The plan for a save. `had_errors`: the state before it showed the error page.
/// `listing(i)`: the pages that list document `i` in the current model; `before` and
/// `now`: the lists' numbers of pages when last rendered and in the current model.
pub(super) fn plan(
    edits: &[Edit],
    had_errors: bool,
    shown: &ShownOn,
    listing: impl Fn(usize) -> Vec<Page>,
    before: &Counts,
    now: &Counts,
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
    // The documents whose place in lists may have changed: the saved ones, and those they
    // point at or used to (a challenge is open or not by its solutions).
    let mut moved: BTreeSet<usize> = BTreeSet::new();
    for e in edits {
        let Some(i) = e.index else { continue };
        moved.insert(i);
        let targets = e
            .before
            .iter()
            .chain(&e.after)
            .flat_map(|s| s.points_at.iter().copied());
        for j in targets {
            then.insert(Page::Doc(j));
            moved.insert(j);
        }
    }
    let count = |counts: &Counts, p: &Page| counts.get(&p.numbered(1)).copied().unwrap_or(0);
    for j in moved {
        let was: Vec<&Page> = shown.pages_showing(j).collect();
        let is = listing(j);
        then.extend(was.iter().map(|p| (*p).clone()));
        then.extend(is.iter().cloned());
        // Per list split into pages: the page numbers it was shown on and is listed on.
        let mut lists: BTreeMap<Page, (Vec<PageNo>, Vec<PageNo>)> = BTreeMap::new();
        for p in was.iter().copied().filter(|p| paged(p)) {
            lists.entry(p.numbered(1)).or_default().0.push(p.number());
        }
        for p in is.iter().filter(|p| paged(p)) {
            lists.entry(p.numbered(1)).or_default().1.push(p.number());
        }
        for (list, (was, is)) in lists {
            let (b, n) = (count(before, &list), count(now, &list));
            let numbers = was.iter().chain(&is).copied();
            let (lo, hi) = if b != n {
                (1, n)
            } else if was.is_empty() || is.is_empty() {
                (numbers.min().unwrap_or(1), n)
            } else {
                (
                    numbers.clone().min().unwrap_or(1),
                    numbers.max().unwrap_or(1),
                )
            };
            then.extend((lo..=hi.min(n)).map(|k| list.numbered(k)));
        }
    }
    // The tag index counts every tag's entries: it is short, and rendered whole.
    let tags = Page::Fixed(Fixed::Tags, 1);
    then.extend((1..=count(now, &tags)).map(|k| tags.numbered(k)));
    // Lists that grew or shrank by a page or more: every page says how many there are.
    for (list, &n) in now {
        if count(before, list) != n {
            then.extend((1..=n).map(|k| list.numbered(k)));
        }
    }
    let gone = gone(before, now);
    for f in &first {
        then.remove(f);
    }
    for g in &gone {
        then.remove(g);
    }
    Scope::Pages {
        first,
        then: then.into_iter().collect(),
        gone,
    }
}

/// The pages past the new end of each list that shrank, or of a list that went away (a tag
/// no listed entry has any more).
pub(super) fn gone(before: &Counts, now: &Counts) -> Vec<Page> {
    before
        .iter()
        .flat_map(|(list, &b)| {
            let n = now.get(list).copied().unwrap_or(0);
            (n + 1..=b).map(|k| list.numbered(k))
        })
        .collect()
}

/// A page of a list that may be split into pages.
fn paged(p: &Page) -> bool {
    matches!(p, Page::Area(..) | Page::Fixed(..) | Page::Tag(..))
}

#[cfg(test)]
mod tests {
    use super::*;

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

    fn challenges(n: PageNo) -> Page {
        Page::Fixed(Fixed::Challenges, n)
    }

    fn skola(n: PageNo) -> Page {
        Page::Area("skola".into(), n)
    }

    /// The lists' numbers of pages.
    fn counts(lists: &[(Page, PageNo)]) -> Counts {
        lists.iter().cloned().collect()
    }

    fn pages(scope: &Scope) -> (&[Page], &[Page], &[Page]) {
        match scope {
            Scope::Pages { first, then, gone } => (first, then, gone),
            Scope::Everything => panic!("an entry edit"),
        }
    }

    #[test]
    fn an_entry_edit_renders_the_pages_that_showed_it() {
        let mut shown = ShownOn::default();
        // Entry 3 is on its area's page, a list and entry 7's page (a related card), as
        // render last saw them; a template may put it anywhere.
        shown.insert(3, skola(1));
        shown.insert(3, challenges(1));
        shown.insert(3, Page::Doc(7));
        shown.insert(3, Page::Doc(3));
        shown.insert(5, Page::Doc(9));
        let c = counts(&[(skola(1), 1), (challenges(1), 1)]);
        let scope = plan(
            &[edit(3, entry("skola", &[]), entry("skola", &[]))],
            false,
            &shown,
            no_lists,
            &c,
            &c,
        );
        assert_eq!(
            scope,
            Scope::Pages {
                first: vec![Page::Doc(3)],
                then: vec![skola(1), Page::Doc(7), challenges(1)],
                gone: vec![],
            }
        );
    }

    #[test]
    fn pages_that_list_it_now_and_those_it_points_at_follow() {
        let mut shown = ShownOn::default();
        shown.insert(4, Page::Area("vard".into(), 1));
        let listing = |i: usize| match i {
            3 => vec![Page::Tag("ny-tagg".into(), 1), Page::Home],
            _ => vec![],
        };
        // Entry 3 used to address 4 and now addresses 5.
        let scope = plan(
            &[edit(3, entry("skola", &[4]), entry("skola", &[5]))],
            false,
            &shown,
            listing,
            &Counts::new(),
            &counts(&[(Page::Tag("ny-tagg".into(), 1), 1)]),
        );
        let (_, then, _) = pages(&scope);
        for p in [
            Page::Tag("ny-tagg".into(), 1),
            Page::Home,
            Page::Doc(4),
            Page::Doc(5),
            Page::Area("vard".into(), 1),
        ] {
            assert!(then.contains(&p), "{p:?} in {then:?}");
        }
    }

    #[test]
    fn an_entry_that_moves_in_a_list_renders_the_pages_between() {
        // A new title moves entry 3 from page 2 of the challenges (of 9) to page 6: the
        // entries of pages 2 to 6 shift by one; pages 1, 7, 8 and 9 stay as they were.
        let mut shown = ShownOn::default();
        shown.insert(3, challenges(2));
        shown.insert(3, skola(1));
        let listing = |i: usize| match i {
            3 => vec![Page::Home, challenges(6), skola(1)],
            _ => vec![],
        };
        let c = counts(&[(challenges(1), 9), (skola(1), 1)]);
        let scope = plan(
            &[edit(3, entry("skola", &[]), entry("skola", &[]))],
            false,
            &shown,
            listing,
            &c,
            &c,
        );
        let (first, then, gone) = pages(&scope);
        assert_eq!(first, [Page::Doc(3)]);
        assert!(gone.is_empty());
        let lists: Vec<&Page> = then
            .iter()
            .filter(|p| matches!(p, Page::Fixed(..)))
            .collect();
        assert_eq!(
            lists,
            [2, 3, 4, 5, 6].map(challenges).iter().collect::<Vec<_>>()
        );
        assert!(then.contains(&skola(1)) && then.contains(&Page::Home));
    }

    #[test]
    fn an_entry_that_joins_or_leaves_a_list_renders_the_rest_of_it() {
        // Solution 3 now addresses challenge 4 instead of 5: 4 leaves the open challenges
        // (it was on page 3 of 8), 5 joins them (page 7 now); the list keeps its 8 pages.
        let mut shown = ShownOn::default();
        let open = |n| Page::Fixed(Fixed::OpenChallenges, n);
        shown.insert(4, open(3));
        let listing = |i: usize| match i {
            5 => vec![open(7)],
            _ => vec![],
        };
        let c = counts(&[(open(1), 8)]);
        let scope = plan(
            &[edit(3, entry("skola", &[5]), entry("skola", &[4]))],
            false,
            &shown,
            listing,
            &c,
            &c,
        );
        let (_, then, gone) = pages(&scope);
        assert!(gone.is_empty());
        let lists: Vec<Page> = then
            .iter()
            .filter(|p| matches!(p, Page::Fixed(..)))
            .cloned()
            .collect();
        assert_eq!(lists, (3..=8).map(open).collect::<Vec<_>>());
    }

    #[test]
    fn a_list_that_loses_a_page_is_rendered_whole_and_its_last_page_dropped() {
        // Entry 3 is archived: it leaves the challenges, which go from 5 pages to 4, and
        // its tag, whose only entry it was.
        let mut shown = ShownOn::default();
        let tag = Page::Tag("ensam".into(), 1);
        shown.insert(3, challenges(5));
        shown.insert(3, tag.clone());
        let before = counts(&[(challenges(1), 5), (tag.clone(), 1), (skola(1), 1)]);
        let now = counts(&[(challenges(1), 4), (skola(1), 1)]);
        let scope = plan(
            &[edit(3, entry("skola", &[]), entry("skola", &[]))],
            false,
            &shown,
            |_| vec![Page::Home],
            &before,
            &now,
        );
        let (_, then, gone) = pages(&scope);
        assert_eq!(gone, [challenges(5), tag]);
        for n in 1..=4 {
            assert!(then.contains(&challenges(n)), "page {n} in {then:?}");
        }
        assert!(!then.contains(&challenges(5)));
    }

    #[test]
    fn a_list_that_gains_a_page_is_rendered_whole() {
        let shown = ShownOn::default();
        let before = counts(&[(challenges(1), 2)]);
        let now = counts(&[(challenges(1), 3)]);
        let scope = plan(
            &[edit(3, entry("skola", &[]), entry("skola", &[]))],
            false,
            &shown,
            |_| vec![challenges(1)],
            &before,
            &now,
        );
        let (_, then, gone) = pages(&scope);
        assert!(gone.is_empty());
        assert_eq!(then, [1, 2, 3].map(challenges));
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
        let c = Counts::new();
        for e in [
            moved,
            edit(3, page.clone(), page),
            edit(3, translation.clone(), translation),
            new_file,
            deleted,
        ] {
            assert_eq!(
                plan(std::slice::from_ref(&e), false, &shown, no_lists, &c, &c),
                Scope::Everything,
                "{e:?}"
            );
        }
        let ok = edit(3, entry("skola", &[]), entry("skola", &[]));
        assert_eq!(
            plan(&[ok], true, &shown, no_lists, &c, &c),
            Scope::Everything
        );
    }
}
