//! Telling when a program's files change: `book.toml`, `content/` and `themes/`, through the
//! operating system's file events (`notify`), debounced so that a burst of saves is one change.
//!
//! The events name paths, which [`crate::session::Session`] takes as hints of where to look: it
//! still finds out *what* changed by looking, and lists the folders again whenever a hint could
//! change what a listing finds, so an odd event (an atomic save, a file deleted and made again, a
//! rename) never leaves a stale page. A lost event is reported as "anything", which looks at
//! everything.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use notify::RecursiveMode;
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};

use crate::config::CONFIG_FILE;
use crate::load::CONTENT_DIR;

/// How long the files must be quiet before a change is reported: long enough to gather an editor's
/// save (write a temporary file, rename it over the old one) into one change, short enough not to be
/// felt.
pub const QUIET: Duration = Duration::from_millis(10);

/// The folder of theme overrides, watched when it exists.
const THEMES_DIR: &str = "themes";

/// The hints [`Watcher::wait`]'s paths give a rebuild: `None` (look at everything) when one of them
/// stands for "anything".
pub fn hints(paths: &[PathBuf]) -> Option<&[PathBuf]> {
    (!paths.iter().any(|p| p.as_os_str().is_empty())).then_some(paths)
}

/// Watches a program folder; [`Watcher::wait`] waits for the next change.
pub struct Watcher {
    root: PathBuf,
    debouncer: Debouncer<notify::RecommendedWatcher, RecommendedCache>,
    events: mpsc::Receiver<Vec<PathBuf>>,
    themes_watched: bool,
}

impl std::fmt::Debug for Watcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Watcher").field("root", &self.root).finish()
    }
}

impl Watcher {
    /// Starts watching the program in `root`.
    pub fn new(root: &Path) -> notify::Result<Watcher> {
        let root = std::path::absolute(root)?;
        let (tx, events) = mpsc::channel();
        let debouncer = new_debouncer(QUIET, None, move |result: DebounceEventResult| {
            let paths: Vec<PathBuf> = match result {
                // Reading a file is an event too (mentorbook reads them on every build): only
                // changes count.
                Ok(events) => events
                    .into_iter()
                    .filter(|e| !matches!(e.event.kind, notify::EventKind::Access(_)))
                    .flat_map(|e| e.event.paths)
                    .collect(),
                // The watcher lost track (too many events, a folder gone): look at everything.
                Err(_) => vec![PathBuf::new()],
            };
            let _ = tx.send(paths);
        })?;
        let mut watcher = Watcher {
            root,
            debouncer,
            events,
            themes_watched: false,
        };
        // The program folder itself, not its subfolders (the output folder is one of them): that
        // sees book.toml and content/ or themes/ being made.
        watcher
            .debouncer
            .watch(&watcher.root, RecursiveMode::NonRecursive)?;
        watcher.watch_folders();
        Ok(watcher)
    }

    /// Watches `content/` and `themes/` when they exist and are not yet watched.
    fn watch_folders(&mut self) {
        let content = self.root.join(CONTENT_DIR);
        // Watching a folder again replaces the old watch, which is what a re-made folder needs.
        if content.is_dir() {
            let _ = self.debouncer.watch(&content, RecursiveMode::Recursive);
        }
        let themes = self.root.join(THEMES_DIR);
        if themes.is_dir() && !self.themes_watched {
            self.themes_watched = self
                .debouncer
                .watch(&themes, RecursiveMode::Recursive)
                .is_ok();
        }
    }

    /// Waits until a file of the program changes; returns the paths the events named (relative to
    /// the program folder where they are inside it), or `None` when the watcher stopped.
    pub fn wait(&mut self) -> Option<Vec<PathBuf>> {
        loop {
            let paths = self.events.recv().ok()?;
            let relevant: Vec<PathBuf> = paths.iter().filter_map(|p| self.relevant(p)).collect();
            if relevant.is_empty() {
                continue;
            }
            // Anything else that happened meanwhile is part of the same change.
            let mut all = relevant;
            while let Ok(more) = self.events.try_recv() {
                all.extend(more.iter().filter_map(|p| self.relevant(p)));
            }
            if all
                .iter()
                .any(|p| p.as_os_str().is_empty() || p.parent() == Some(Path::new("")))
            {
                self.watch_folders();
            }
            all.sort();
            all.dedup();
            return Some(all);
        }
    }

    /// The path relative to the program folder when it is `book.toml` or under `content/` or
    /// `themes/`; an empty path stands for "anything".
    fn relevant(&self, path: &Path) -> Option<PathBuf> {
        if path.as_os_str().is_empty() {
            return Some(PathBuf::new());
        }
        let rel = path.strip_prefix(&self.root).ok()?;
        let first = rel.components().next()?.as_os_str();
        (first == CONFIG_FILE || first == CONTENT_DIR || first == THEMES_DIR)
            .then(|| rel.to_path_buf())
    }
}
