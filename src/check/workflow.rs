//! The review workflow: published files say who reviewed them and when; reviews fall due
//! `review_interval` months after `last_reviewed`; entries have an owner.

use chrono::NaiveDate;

use crate::content::freshness::Freshness;
use crate::content::{Doc, Guide, Role, Status};
use crate::diagnostics::{Code, Diagnostic};
use crate::msg;

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
                Diagnostic::new(Code::PlaceholderSummary, msg!("placeholder-summary"))
                    .file(&doc.path)
                    .at(l, c)
                    .width("summary".len())
                    .hint(msg!("placeholder-summary-hint", summary = summary)),
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
            Diagnostic::new(Code::MissingField, msg!("missing-field", field = "owner"))
                .file(&doc.path)
                .at(1, 1)
                .hint(msg!("missing-owner-hint")),
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
                    Diagnostic::new(Code::ReviewMissing, msg!("review-missing", field = field))
                        .file(&doc.path)
                        .at(l, c)
                        .hint(msg!(
                            "review-missing-hint",
                            example = example,
                            id = doc.id.as_str()
                        )),
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
                msg!(
                    "review-in-future",
                    last = last.to_string(),
                    today = today.to_string()
                ),
            )
            .file(&doc.path)
            .at(l, c)
            .hint(msg!("review-in-future-hint")),
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
                    msg!(
                        "review-overdue",
                        days = days,
                        due = due.to_string(),
                        last = last.to_string(),
                        months = months
                    ),
                )
                .severity(severity)
                .file(&doc.path)
                .at(l, c)
                .hint(msg!("review-overdue-hint", id = doc.id.as_str())),
            );
        }
        Freshness::DueSoon => {
            let days = state.days_left;
            out.push(
                Diagnostic::new(
                    Code::ReviewDueSoon,
                    msg!(
                        "review-due-soon",
                        days = days,
                        due = due.to_string(),
                        last = last.to_string()
                    ),
                )
                .file(&doc.path)
                .at(l, c)
                .hint(msg!("review-due-soon-hint")),
            );
        }
        Freshness::Current => {}
    }
}
