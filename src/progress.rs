//! The progress bar of long builds: on a terminal, once a build has taken a second; never in a pipe,
//! a file or CI, where the one-line summary at the end says enough.

use std::io::IsTerminal;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How long a build runs before its bar appears.
const DELAY: Duration = Duration::from_secs(1);

/// Counts work done on a bar that shows itself after a second (`DELAY`), on a terminal only.
/// Cheap to clone; the default counts nothing and shows nothing.
#[derive(Debug, Clone, Default)]
pub struct Progress(Option<Inner>);

#[derive(Debug, Clone)]
struct Inner {
    bar: ProgressBar,
    shown: Arc<AtomicBool>,
    started: Instant,
}

impl Progress {
    /// A bar on standard error when it is a terminal; otherwise one that does nothing.
    pub fn on_terminal() -> Progress {
        if !std::io::stderr().is_terminal() {
            return Progress(None);
        }
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
        bar.set_style(
            ProgressStyle::with_template("{msg:10} {bar:30} {pos}/{len} pages {elapsed}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        Progress(Some(Inner {
            bar,
            shown: Arc::new(AtomicBool::new(false)),
            started: Instant::now(),
        }))
    }

    /// Starts a stage of `len` steps called `what`.
    pub fn stage(&self, what: &'static str, len: usize) {
        if let Some(p) = &self.0 {
            p.bar.set_message(what);
            p.bar.set_length(len as u64);
            p.bar.set_position(0);
        }
    }

    /// One step done.
    pub fn inc(&self) {
        if let Some(p) = &self.0 {
            p.bar.inc(1);
            if p.started.elapsed() >= DELAY && !p.shown.swap(true, Ordering::Relaxed) {
                p.bar.set_draw_target(ProgressDrawTarget::stderr());
            }
        }
    }

    /// Removes the bar, before the summary is printed.
    pub fn finish(&self) {
        if let Some(p) = &self.0 {
            p.bar.finish_and_clear();
        }
    }
}
