//! `review.json` at the site root: the review state of every published entry and page of
//! the build, for dashboards and scripts that watch the guide from outside. It is data,
//! not a page: it is not in the sitemap or any list.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::Serialize;

use super::model::Model;
use super::{stops_at, RenderError, Site, Unless};
use crate::content::{Role, Status};

#[derive(Serialize)]
struct Record<'a> {
    url: String,
    title: &'a str,
    area: Option<&'a str>,
    status: &'static str,
    owner: Option<&'a str>,
    reviewed_by: &'a [String],
    #[serde(serialize_with = "crate::content::freshness::serialize_opt_date")]
    last_reviewed: Option<NaiveDate>,
    #[serde(serialize_with = "crate::content::freshness::serialize_opt_date")]
    review_due: Option<NaiveDate>,
}

/// Adds `review.json`: every built, published entry and page, sorted by URL; false when
/// `stop` said to give up (asked every [`STOP_CHUNK`](super::STOP_CHUNK) documents: they
/// are put in order as they are met, not sorted at the end, which at 100,000 entries ran
/// 100 ms without a look).
pub(super) fn add(
    model: &Model,
    site: &mut Site,
    stop: &dyn Fn() -> bool,
) -> Result<bool, RenderError> {
    let g = model.guide;
    let mut by_url: BTreeSet<(String, usize)> = BTreeSet::new();
    for (i, d) in g.docs.iter().enumerate() {
        if stops_at(i, stop) {
            return Ok(false);
        }
        if model.built(i)
            && matches!(d.role, Role::Entry | Role::Page)
            && d.status() == Status::Published
        {
            by_url.insert((model.canonical(&d.url), i));
        }
    }
    let mut records: Vec<Record> = Vec::with_capacity(by_url.len());
    for (n, (url, i)) in by_url.into_iter().enumerate() {
        if stops_at(n, stop) {
            return Ok(false);
        }
        let d = &g.docs[i];
        records.push(Record {
            url,
            title: d.title(),
            area: d.area.as_deref(),
            status: Status::Published.as_str(),
            owner: g.owner(d),
            reviewed_by: &d.meta.reviewed_by,
            last_reviewed: d.meta.last_reviewed,
            review_due: g.review_due(d),
        });
    }
    // Only `stop` can make it fail: a record is strings and dates.
    // Room for the whole file at once (as for the open data, `api.rs`).
    let mut bytes = Vec::with_capacity(records.len() * 512);
    if serde_json::to_writer_pretty(&mut bytes, &Unless(&records, stop)).is_err() {
        return Ok(false);
    }
    bytes.push(b'\n');
    site.add(
        crate::routes::REVIEW_JSON.into(),
        bytes,
        "the review data (review.json)",
    )?;
    Ok(true)
}
