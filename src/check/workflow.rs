//! The review workflow: published files say who reviewed them and when; reviews fall due
//! `review_interval` months after `last_reviewed`; entries have an owner.

use chrono::NaiveDate;

use crate::content::freshness::Freshness;
use crate::content::{Doc, Guide, Role, Status};
use crate::diagnostics::{Code, Diagnostic};

/// Whether the workflow asks this document for `reviewed_by` and `last_reviewed`:
/// published entries, and pages that say `status: published`.
fn needs_review(doc: &Doc) -> bool {
    match doc.role {
        Role::Entry => doc.meta.status == Some(Status::Published),
        Role::Page => doc.meta.status == Some(Status::Published),
        Role::Area | Role::Home => false,
    }
}

pub(super) fn check(guide: &Guide, doc: &Doc, today: NaiveDate, out: &mut Vec<Diagnostic>) {
    if !doc.front_matter_ok {
        return;
    }
    // Published entries, pages and areas are on the site: readers would see the placeholder
    // in lists, search results and link previews.
    if doc.status() == Status::Published {
        if let Some(summary) = doc.meta.summary.as_deref().filter(|s| {
            s.trim_start()
                .starts_with(crate::content::PLACEHOLDER_SUMMARY)
        }) {
            let (l, c) = doc.pos_of("summary");
            out.push(
                Diagnostic::new(
                    Code::PlaceholderSummary,
                    "the summary is still the placeholder that `signpost new` wrote",
                )
                .file(&doc.path)
                .at(l, c)
                .width("summary".len())
                .hint(format!(
                    "replace `{summary}` with one or two sentences on what this is about: readers see the summary in lists, search results and link previews"
                )),
            );
        }
    }
    // An owner written under another name (`ägare:`, `ownr:`) has its unknown-field already.
    if doc.role == Role::Entry
        && !doc.is_translation
        && guide.owner(doc).is_none()
        && !doc.meta.invalid.contains(&"owner")
    {
        out.push(
            Diagnostic::new(Code::MissingField, "required field `owner` is missing")
                .file(&doc.path)
                .at(1, 1)
                .hint("add `owner:` with the person, team or organisation that keeps the entry up to date, or set `owner` in the area's `_area.md`"),
        );
    }
    if needs_review(doc) {
        let (l, c) = doc.pos_of("status");
        for (field, example) in [
            ("reviewed_by", "reviewed_by: [Anna Svensson]"),
            ("last_reviewed", "last_reviewed: 2026-03-15"),
        ] {
            // A field that is present but invalid has its own diagnostic already.
            let missing = match field {
                "reviewed_by" => doc.meta.reviewed_by.is_empty(),
                _ => doc.meta.last_reviewed.is_none(),
            };
            if missing && !doc.meta.invalid.contains(&field) {
                out.push(
                    Diagnostic::new(Code::ReviewMissing, format!("published, but `{field}` is missing"))
                        .file(&doc.path)
                        .at(l, c)
                        .hint(format!("a published text names who approved it and when: add `{example}`, or set `status: in_review` until it is reviewed")),
                );
            }
        }
    }
    let Some(last) = doc.meta.last_reviewed else {
        return;
    };
    let (l, c) = doc.pos_of("last_reviewed");
    if last > today {
        out.push(
            Diagnostic::new(
                Code::ReviewInFuture,
                format!("`last_reviewed` is {last}, which is in the future (today is {today})"),
            )
            .file(&doc.path)
            .at(l, c)
            .hint("use the date the review was actually done"),
        );
        return;
    }
    let Some(state) = guide.review_state(doc, today) else {
        return;
    };
    let (due, months) = (state.due, state.interval);
    match state.freshness {
        Freshness::Overdue => {
            let days = -state.days_left;
            let severity = guide.config.review.overdue;
            out.push(
                Diagnostic::new(
                    Code::ReviewOverdue,
                    format!("review overdue by {days} days: it was due {due} (last reviewed {last}, every {months} months)"),
                )
                .severity(severity)
                .file(&doc.path)
                .at(l, c)
                .hint("review the text, then update `last_reviewed` and `reviewed_by`"),
            );
        }
        Freshness::DueSoon => {
            let days = state.days_left;
            out.push(
                Diagnostic::new(
                    Code::ReviewDueSoon,
                    format!("review due in {days} days, on {due} (last reviewed {last})"),
                )
                .file(&doc.path)
                .at(l, c)
                .hint("plan the review with the owner and reviewers"),
            );
        }
        Freshness::Current => {}
    }
}
