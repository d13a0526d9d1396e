//! The search index of `serve`: built on a thread of its own, with a thread pool of its own
//! at a lower priority, once saves have paused, into the pages' folder; a newer save stops
//! it. Not the index itself (`search/`), nor when records are made (`engine.rs`).

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{mpsc, Arc};
use std::time::Duration;

use crate::routes;
use crate::serve::http::Shared;

/// A search index to build: its generation, the site's languages and the records.
pub(super) type SearchJob = (u64, Vec<String>, Vec<crate::search::Record>);

/// Builds search indexes one at a time: waits until no newer request has come for a
/// moment (an editor saving again), builds the newest, and publishes it if nothing has
/// changed since. At 10,000 entries an index takes seconds; the pages never wait for it.
pub(super) fn search_worker(
    rx: mpsc::Receiver<SearchJob>,
    current: &AtomicU64,
    shared: &Arc<Shared>,
) {
    // Its own threads, at a low priority: an index takes many seconds at 100,000 entries,
    // and the next save's pages must not wait behind it in the shared thread pool.
    let pool = rayon::ThreadPoolBuilder::new()
        .thread_name(|n| format!("signpost-search-{n}"))
        .start_handler(|_| lower_priority())
        .build();
    let pool = match pool {
        Ok(pool) => pool,
        Err(e) => {
            eprintln!("signpost: the search index could not be built: {e}");
            return;
        }
    };
    while let Ok(mut job) = rx.recv() {
        loop {
            match rx.recv_timeout(Duration::from_millis(1500)) {
                Ok(newer) => job = newer,
                Err(mpsc::RecvTimeoutError::Timeout) => break,
                Err(mpsc::RecvTimeoutError::Disconnected) => return,
            }
        }
        let (generation, langs, records) = job;
        if current.load(Ordering::SeqCst) != generation {
            continue;
        }
        // Into the pages' folder as the files are made (at 100,000 entries the index is
        // half a gigabyte); in memory, and swapped in whole, when there is no folder.
        let pages = shared.read().pages.clone();
        // A newer save stops the build (the sink refuses its next file); the index is made
        // again once saves pause.
        let stale = || current.load(Ordering::SeqCst) != generation;
        let result = pool.install(|| match &pages {
            Some(pages) => crate::search::build(&langs, records, &|path, bytes| {
                if stale() {
                    return Err(STALE.into());
                }
                pages.put(&path, &bytes).map_err(|e| e.to_string())
            }),
            None => crate::search::build_all(&langs, records).map(|files| {
                if current.load(Ordering::SeqCst) == generation {
                    let folder = routes::search_index();
                    let mut served = shared.write();
                    served.site.files.retain(|p, _| !p.starts_with(&folder));
                    for (path, bytes) in files {
                        served.site.replace(path, bytes);
                    }
                }
            }),
        });
        // Neither a newer save nor Ctrl-C is a failure the editor needs to hear of.
        match result {
            Err(e) if !e.to_string().contains(STALE) && !crate::serve::folder::stopping_now() => {
                eprintln!("signpost: the search index could not be built: {e}");
            }
            _ => {}
        }
    }
}

/// What the search worker's sink says when a newer save made its index out of date.
const STALE: &str = "a newer save came";

/// Lowers the calling thread's scheduling priority (Linux: `nice` is per thread), so that
/// the search index is made with what the editor's saves leave of the processor.
fn lower_priority() {
    #[cfg(target_os = "linux")]
    // SAFETY: setpriority has no memory effects; `gettid` names this thread, and a
    // failure only leaves the priority as it was.
    unsafe {
        let tid = libc::gettid();
        libc::setpriority(libc::PRIO_PROCESS, tid as libc::id_t, 10);
    }
}
