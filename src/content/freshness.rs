//! The review state of a document: when its next review is due, and whether that is soon or
//! past, as of a given day.
//!
//! The one place that computes it: `check` turns it into warnings, `render` into the review
//! box and its notices, `review` into the queue, `review.json` into `review_due`. It does
//! not decide what to do about a state (severity, wording); the callers do.

use chrono::{Months, NaiveDate};

use super::{Doc, Guide, Status};

/// How a published document's next review stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Freshness {
    /// The due date is further away than the window.
    Current,
    /// Due today or within the window.
    DueSoon,
    /// The due date has passed.
    Overdue,
}

/// The review state of a published document with a `last_reviewed` date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReviewState {
    pub last_reviewed: NaiveDate,
    /// Months between reviews (own, area's or the site's).
    pub interval: u32,
    pub due: NaiveDate,
    /// Days from the day asked about to the due date: negative when overdue.
    pub days_left: i64,
    pub freshness: Freshness,
}

impl Guide {
    /// When the next review of a document is due, if it has a `last_reviewed` date.
    pub fn review_due(&self, doc: &Doc) -> Option<NaiveDate> {
        let last = doc.meta.last_reviewed?;
        last.checked_add_months(Months::new(self.review_interval(doc)))
    }

    /// The review state of a published document as of `today`, "due soon" meaning within
    /// `review.due_soon_days`; `None` for a document that is not published or has no
    /// `last_reviewed`.
    pub fn review_state(&self, doc: &Doc, today: NaiveDate) -> Option<ReviewState> {
        self.review_state_within(doc, today, self.config.review.due_soon_days)
    }

    /// As [`Guide::review_state`], with "due soon" meaning within `window` days.
    pub fn review_state_within(
        &self,
        doc: &Doc,
        today: NaiveDate,
        window: u32,
    ) -> Option<ReviewState> {
        if doc.status() != Status::Published {
            return None;
        }
        let due = self.review_due(doc)?;
        // In days, not by date arithmetic: a window of any size cannot overflow a date.
        let days_left = (due - today).num_days();
        let freshness = if days_left < 0 {
            Freshness::Overdue
        } else if days_left <= i64::from(window) {
            Freshness::DueSoon
        } else {
            Freshness::Current
        };
        Some(ReviewState {
            last_reviewed: doc.meta.last_reviewed?,
            interval: self.review_interval(doc),
            due,
            days_left,
            freshness,
        })
    }
}

/// Serialises an optional date as `YYYY-MM-DD` or `null` (the review queue's JSON and
/// `review.json`).
pub fn serialize_opt_date<S: serde::Serializer>(
    d: &Option<NaiveDate>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.collect_str(d),
        None => s.serialize_none(),
    }
}
