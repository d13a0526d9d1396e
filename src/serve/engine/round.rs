//! The round of `serve`: what the saves since the last finished round still need once
//! their own pages are shown (the whole guide checked, the pages that show them, the other
//! languages, the feeds and open data, the search index), done between saves and given up
//! for the next one as soon as the watcher says it has come. The engine (`engine.rs`) shows
//! each save first and adds to the round; this module only finishes it.

use std::collections::BTreeSet;
use std::sync::Arc;
use std::time::Instant;

use super::{current_models, keep, publish, render_pages, report_guide, Engine};
use crate::content::Guide;
use crate::diagnostics::Report;
use crate::i18n::Lang;
use crate::msg;
use crate::render::{Model, ShownOn};
use crate::routes::Page;
use crate::serve::http::{overlay_message, Changed, Served, Shared};
use crate::site::Site;

/// What the saves since the last finished round still need once their own pages are shown:
/// the whole guide checked, the pages that show them, the other languages, the feeds and
/// the search index. Saves while it is being done add to it; it is done when they pause.
#[derive(Default)]
pub(super) struct Pending {
    /// There is a round to finish.
    pub(super) active: bool,
    /// The saved files, for the message.
    pub(super) files: Vec<String>,
    /// Their pages, shown first, and how long that took.
    pub(super) first: Vec<String>,
    pub(super) first_ms: u64,
    /// When the first save of the round was seen.
    pub(super) started: Option<Instant>,
    /// Every page again, into a new folder: pages may have appeared or gone.
    pub(super) everything: bool,
    /// Pages of the default language still to render.
    pub(super) pages: BTreeSet<Page>,
    /// Every page of the other languages (they list the entry too, translated or with a
    /// note).
    pub(super) others: bool,
    /// Pages rendered so far in this round.
    pub(super) more: usize,
    /// The saved files' own pages, when they could not be shown at once because the
    /// browser shows the guide's errors: shown once the whole guide is fine.
    pub(super) first_pages: Vec<Page>,
    /// What changed while a newer save was already waiting, told when the round ends:
    /// browsers are not sent to a state that is already out of date.
    pub(super) untold: Option<Changed>,
}

impl Pending {
    /// Tells browsers what changed; keeps it for the end of the round when `later`.
    pub(super) fn tell(&mut self, shared: &Shared, changed: Changed, later: bool) {
        if !later {
            shared.reload(changed);
            return;
        }
        self.untold = Some(match (self.untold.take(), changed) {
            (Some(Changed::All), _) | (_, Changed::All) => Changed::All,
            (Some(Changed::Urls(mut a)), Changed::Urls(b)) => {
                a.extend(b);
                Changed::Urls(a)
            }
            (None, urls) => urls,
        });
    }

    /// A round ends: anything not yet told is told.
    pub(super) fn end(&mut self, shared: &Shared) -> Pending {
        let mut done = std::mem::take(self);
        if let Some(changed) = done.untold.take() {
            shared.reload(changed);
        }
        done
    }
}

/// How many pages are rendered between two looks at whether the editor saved again.
const PAGES_AT_A_TIME: usize = 2;

impl Engine {
    /// Finishes the round the last saves started: checks the whole guide, renders what
    /// shows the saved entries, the other languages and the feeds, and has the search
    /// index made again. Gives way (leaving the rest pending) as soon as the watcher sends
    /// another batch.
    pub(super) fn finish(&mut self, shared: &Arc<Shared>) {
        let (Some(guide), Some(renderer)) = (self.guide.take(), self.renderer.as_ref()) else {
            self.pending = Pending::default();
            return;
        };
        match current_models(&mut self.models, renderer, &guide, &self.render_opts) {
            Ok(models) => {
                self.finish_with(&guide, &models, shared);
                self.models = keep(models);
            }
            Err(e) => {
                let lang = Lang::for_guide(self.lang_choice, &guide.config.default_language);
                shared.write().overlay = Some(overlay_message(&e.to_string(), lang));
                shared.reload(Changed::All);
                self.pending = Pending::default();
            }
        }
        self.guide = Some(guide);
    }

    fn finish_with(&mut self, guide: &Guide, models: &[Model], shared: &Arc<Shared>) {
        let stop = self.save_waiting();
        let lang = Lang::for_guide(self.lang_choice, &guide.config.default_language);
        let renderer = self.renderer.as_ref().expect("loaded");
        let today = self.render_opts.today;
        let Some(found) = crate::check::run_unless(guide, today, &stop) else {
            return;
        };
        crate::timing(
            "whole guide checked",
            self.pending.started.unwrap_or_else(Instant::now),
        );
        let report = Report::new(found, guide.files_read, false);
        let checked = report_guide(&report, guide, lang);
        self.had_errors = checked.is_err();
        if let Err(overlay) = checked {
            shared.write().overlay = Some(overlay);
            let pending = self.pending.end(shared);
            shared.reload(Changed::All);
            let says = msg!("serve-has-errors", files = pending.files.join(", "));
            eprintln!("{}", says.text(lang));
            return;
        }
        // Back from errors: the saved pages first, then the browser may leave the error page.
        let first = std::mem::take(&mut self.pending.first_pages);
        if !first.is_empty() {
            if let Ok(urls) = publish(renderer, &models[0], &first, shared, &mut self.shown, lang) {
                self.pending.first = urls;
            }
        }
        if shared.write().overlay.take().is_some() {
            self.pending.tell(shared, Changed::All, stop());
        }
        let started = self.pending.started.unwrap_or_else(Instant::now);
        if self.pending.everything {
            // Pages may have appeared or gone: a fresh site, so nothing stale stays behind.
            let base_path = models[0].site.base_path.clone();
            let served = match render_pages(renderer, models) {
                Ok((site, shown, pages)) => {
                    self.shown = shown;
                    self.counts = models.iter().map(|m| m.page_counts()).collect();
                    Served {
                        site,
                        pages,
                        overlay: None,
                        base_path,
                    }
                }
                Err(e) => Served {
                    site: Site::default(),
                    pages: None,
                    overlay: Some(overlay_message(&e.to_string(), lang)),
                    base_path,
                },
            };
            *shared.write() = served;
            self.pending.tell(shared, Changed::All, stop());
            let pending = self.pending.end(shared);
            let says = msg!(
                "serve-rebuilt-pages",
                files = pending.files.join(", "),
                ms = started.elapsed().as_millis() as u64
            );
            eprintln!("{}", says.text(lang));
            self.search_owed = !self.send_search(models, shared);
            return;
        }
        // The pages that show the saved entries, a few at a time; pages past the end of a
        // list that has shrunk since they were planned are not made.
        let model = &models[0];
        while !self.pending.pages.is_empty() {
            if stop() {
                return;
            }
            let batch: Vec<Page> = std::iter::from_fn(|| self.pending.pages.pop_first())
                .take(PAGES_AT_A_TIME)
                .filter(|p| match p {
                    Page::Doc(i) => model.built(*i),
                    _ => p.number() <= model.page_count(p),
                })
                .collect();
            match publish(renderer, model, &batch, shared, &mut self.shown, lang) {
                Ok(urls) => {
                    self.pending.more += urls.len();
                    if !urls.is_empty() {
                        self.pending.tell(shared, Changed::Urls(urls), stop());
                    }
                }
                Err(overlay) => {
                    shared.write().overlay = Some(overlay);
                    self.pending.end(shared);
                    shared.reload(Changed::All);
                    return;
                }
            }
        }
        crate::timing("pages that show the saves", started);
        if self.pending.others {
            let mut others = ShownOn::default();
            for other in &models[1..] {
                for batch in other.page_keys().chunks(PAGES_AT_A_TIME) {
                    if stop() {
                        return;
                    }
                    let urls = publish(renderer, other, batch, shared, &mut others, lang)
                        .unwrap_or_default();
                    self.pending.more += urls.len();
                    if !urls.is_empty() {
                        self.pending.tell(shared, Changed::Urls(urls), stop());
                    }
                }
            }
            self.pending.others = false;
        }
        if stop() {
            return;
        }
        if !self.extras_again(renderer, models, shared) {
            return;
        }
        self.extras_owed = false;
        crate::timing("feeds and other files", started);
        let pending = self.pending.end(shared);
        let says = msg!(
            "serve-reloaded",
            files = pending.files.join(", "),
            pages = pending.first.join(", "),
            first_ms = pending.first_ms,
            more = pending.more,
            ms = started.elapsed().as_millis() as u64
        );
        eprintln!("{}", says.text(lang));
        self.search_owed = !self.send_search(models, shared);
    }
}
