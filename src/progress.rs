//! Progress of a long build on a terminal.
//!
//! A build that takes more than a second shows one status line on stderr ("Rendering
//! pages 4200/10058"), rewritten in place and cleared at the end. Nothing is shown when
//! stderr is not a terminal or `CI` is set, so CI logs stay free of decoration. Stages
//! report through a process-wide counter, which costs one atomic add per page.

use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Duration;

use crate::i18n::{t, Lang};

/// The current stage: a key of the message catalogues.
static STAGE: Mutex<&'static str> = Mutex::new("");
static LANG: Mutex<Lang> = Mutex::new(Lang::En);

/// The language the status line speaks.
pub fn speak(lang: Lang) {
    *LANG.lock().unwrap_or_else(|e| e.into_inner()) = lang;
}
static DONE: AtomicUsize = AtomicUsize::new(0);
static TOTAL: AtomicUsize = AtomicUsize::new(0);

/// Starts a stage of `total` steps (0: no count shown); `name` is a catalogue key.
pub fn stage(name: &'static str, total: usize) {
    *STAGE.lock().expect("progress lock") = name;
    DONE.store(0, Ordering::Relaxed);
    TOTAL.store(total, Ordering::Relaxed);
}

/// One step of the current stage is done.
pub fn step() {
    DONE.fetch_add(1, Ordering::Relaxed);
}

/// Shows the status line while it lives (after a second), if stderr is a terminal.
pub struct Reporter {
    stop: std::sync::Arc<AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Reporter {
    pub fn start() -> Self {
        let stop = std::sync::Arc::new(AtomicBool::new(false));
        let show = std::io::stderr().is_terminal() && std::env::var_os("CI").is_none();
        let thread = show.then(|| {
            let stop = std::sync::Arc::clone(&stop);
            std::thread::spawn(move || {
                let mut waited = Duration::ZERO;
                let mut shown = false;
                while !stop.load(Ordering::Relaxed) {
                    std::thread::sleep(Duration::from_millis(100));
                    waited += Duration::from_millis(100);
                    if waited < Duration::from_secs(1) {
                        continue;
                    }
                    let key = *STAGE.lock().expect("progress lock");
                    let lang = *LANG.lock().unwrap_or_else(|e| e.into_inner());
                    let name = t(lang, key);
                    let (done, total) =
                        (DONE.load(Ordering::Relaxed), TOTAL.load(Ordering::Relaxed));
                    let line = if total > 0 {
                        format!("{name} {}/{total}", done.min(total))
                    } else {
                        format!("{name} …")
                    };
                    eprint!("\r\x1b[2K{line}");
                    let _ = std::io::stderr().flush();
                    shown = true;
                }
                if shown {
                    eprint!("\r\x1b[2K");
                }
            })
        });
        Reporter { stop, thread }
    }
}

impl Drop for Reporter {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}
