//! `review.json` at the site root: the review state of every published entry and page of
//! the build, for dashboards and scripts that watch the guide from outside. It is data,
//! not a page: it is not in the sitemap or any list.

use chrono::NaiveDate;
use serde::Serialize;

use super::model::Model;
use super::{RenderError, Site, Unless, STOP_CHUNK};
use crate::content::{Role, Status};

/// The output path.

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

/// Adds `review.json`: every built, published entry and page, sorted by URL.
pub(super) fn add(
    model: &Model,
    site: &mut Site,
    stop: &dyn Fn() -> bool,
) -> Result<bool, RenderError> {
    let g = model.guide;
    let mut records: Vec<Record> = Vec::new();
    for (i, d) in g.docs.iter().enumerate() {
        if i % STOP_CHUNK == 0 && stop() {
            return Ok(false);
        }
        if !(model.built(i)
            && matches!(d.role, Role::Entry | Role::Page)
            && d.status() == Status::Published)
        {
            continue;
        }
        records.push(Record {
            url: model.canonical(&d.url),
            title: d.title(),
            area: d.area.as_deref(),
            status: Status::Published.as_str(),
            owner: g.owner(d),
            reviewed_by: &d.meta.reviewed_by,
            last_reviewed: d.meta.last_reviewed,
            review_due: g.review_due(d),
        });
    }
    records.sort_by(|a, b| a.url.cmp(&b.url));
    // Only `stop` can make it fail: a record is strings and dates.
    let Ok(mut bytes) = serde_json::to_vec_pretty(&Unless(&records, stop)) else {
        return Ok(false);
    };
    bytes.push(b'\n');
    site.add(
        crate::routes::REVIEW_JSON.into(),
        bytes,
        "the review data (review.json)",
    )?;
    Ok(true)
}
