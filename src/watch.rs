//! Telling when a program's files change: `book.toml`, `content/` and `themes/`, through the
//! operating system's file events (`notify`), debounced so that a burst of saves is one change.
//!
//! The events name paths, which [`crate::session::Session`] takes as hints of where to look: it
//! still finds out *what* changed by looking, and lists the folders again whenever a hint could
//! change what a listing finds, so an odd event (an atomic save, a file deleted and made again, a
//! rename) never leaves a stale page. A lost event is reported as "anything", which looks at
//! everything.
//!
//! A folder that cannot be watched (too many watches, no permission) is not a reason to stop, but
//! the changes made there go unseen: every such failure, and every error the operating system's
//! events report, goes to the `warn` given to [`Watcher::new`], which the command prints.

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

/// What changed, as [`Watcher::wait`] saw it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Changed {
    /// These files and folders, relative to the program folder (`book.toml`, or under `content/`
    /// or `themes/`), sorted.
    Paths(Vec<PathBuf>),
    /// Something the events could not name (they failed, or named no path): look at everything.
    Anything,
}

impl Changed {
    /// The paths a rebuild may look at alone ([`crate::session::Session::rebuild_hinted`]):
    /// `None` for [`Changed::Anything`].
    pub fn hints(&self) -> Option<&[PathBuf]> {
        match self {
            Changed::Paths(paths) => Some(paths),
            Changed::Anything => None,
        }
    }

    /// Both changes.
    fn and(self, other: Changed) -> Changed {
        match (self, other) {
            (Changed::Paths(mut a), Changed::Paths(b)) => {
                a.extend(b);
                Changed::Paths(a)
            }
            _ => Changed::Anything,
        }
    }

    /// Nothing the program is made of changed.
    fn is_nothing(&self) -> bool {
        matches!(self, Changed::Paths(p) if p.is_empty())
    }

    /// A folder that is watched may have been made again (or anything happened): watch it anew.
    fn may_remake_folders(&self) -> bool {
        match self {
            Changed::Paths(paths) => paths.iter().any(|p| p.parent() == Some(Path::new(""))),
            Changed::Anything => true,
        }
    }
}

/// A folder that could not be watched, or an error of the file events: changes may go unseen.
#[derive(Debug)]
pub struct WatchFailure {
    /// The folder, or `None` for an error of the events themselves.
    pub folder: Option<PathBuf>,
    /// What the operating system said.
    pub error: notify::Error,
}

impl std::fmt::Display for WatchFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // notify ends some of its messages with a full stop; the sentence goes on.
        let error = self.error.to_string();
        let error = error.trim_end_matches('.');
        match &self.folder {
            Some(folder) => write!(
                f,
                "cannot watch {}: {}; changes there are not seen",
                folder.display(),
                error
            ),
            None => write!(
                f,
                "the file events failed: {}; everything is looked at again",
                error
            ),
        }?;
        if matches!(self.error.kind, notify::ErrorKind::MaxFilesWatch) {
            // Linux's limit on inotify watches, shared by every program of the user.
            write!(
                f,
                " (raise the limit with `sysctl fs.inotify.max_user_watches=524288`)"
            )?;
        }
        Ok(())
    }
}

/// Where [`Watcher`] reports what it could not watch.
pub type Warn = Box<dyn FnMut(WatchFailure) + Send>;

/// What the debouncer sends: the paths of a change, or the errors it met.
type Events = Result<Vec<PathBuf>, Vec<notify::Error>>;

/// Watches a program folder; [`Watcher::wait`] waits for the next change.
pub struct Watcher {
    root: PathBuf,
    debouncer: Debouncer<notify::RecommendedWatcher, RecommendedCache>,
    events: mpsc::Receiver<Events>,
    themes_watched: bool,
    /// The folders whose last attempt to watch failed and was reported, so that trying again after
    /// every change does not repeat the warning.
    failing: Vec<PathBuf>,
    warn: Warn,
}

impl std::fmt::Debug for Watcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Watcher").field("root", &self.root).finish()
    }
}

impl Watcher {
    /// Starts watching the program in `root`; fails when the program folder itself cannot be
    /// watched. A subfolder that cannot be watched, now or later, is told to `warn`.
    pub fn new(root: &Path, warn: Warn) -> notify::Result<Watcher> {
        let root = std::path::absolute(root)?;
        let (tx, events) = mpsc::channel();
        let debouncer = new_debouncer(QUIET, None, move |result: DebounceEventResult| {
            let sent: Events = match result {
                // Reading a file is an event too (mentorbook reads them on every build): only
                // changes count.
                Ok(events) => Ok(events
                    .into_iter()
                    .filter(|e| !matches!(e.event.kind, notify::EventKind::Access(_)))
                    .flat_map(|e| e.event.paths)
                    .collect()),
                // The watcher lost track (too many events, a folder gone): look at everything.
                Err(errors) => Err(errors),
            };
            let _ = tx.send(sent);
        })?;
        let mut watcher = Watcher {
            root,
            debouncer,
            events,
            themes_watched: false,
            failing: Vec::new(),
            warn,
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
            self.watch_folder(&content);
        }
        let themes = self.root.join(THEMES_DIR);
        if themes.is_dir() && !self.themes_watched {
            self.themes_watched = self.watch_folder(&themes);
        }
    }

    /// Watches `folder` and what it holds; says whether it could, warning once when it cannot.
    fn watch_folder(&mut self, folder: &Path) -> bool {
        match self.debouncer.watch(folder, RecursiveMode::Recursive) {
            Ok(()) => {
                self.failing.retain(|f| f != folder);
                true
            }
            Err(error) => {
                if !self.failing.iter().any(|f| f == folder) {
                    self.failing.push(folder.to_path_buf());
                    (self.warn)(WatchFailure {
                        folder: Some(folder.to_path_buf()),
                        error,
                    });
                }
                false
            }
        }
    }

    /// What one message of the debouncer says changed, of the files the program is made of. Its
    /// errors are told to `warn` and mean anything; so does an event that names no path.
    fn changed(&mut self, sent: Events) -> Changed {
        match sent {
            Ok(paths) if paths.iter().any(|p| p.as_os_str().is_empty()) => Changed::Anything,
            Ok(paths) => Changed::Paths(paths.iter().filter_map(|p| self.relevant(p)).collect()),
            Err(errors) => {
                for error in errors {
                    (self.warn)(WatchFailure {
                        folder: None,
                        error,
                    });
                }
                Changed::Anything
            }
        }
    }

    /// Waits until a file of the program changes, and says what changed; `None` when the watcher
    /// stopped.
    pub fn wait(&mut self) -> Option<Changed> {
        loop {
            let sent = self.events.recv().ok()?;
            let mut changed = self.changed(sent);
            if changed.is_nothing() {
                continue;
            }
            // Anything else that happened meanwhile is part of the same change.
            while let Ok(more) = self.events.try_recv() {
                changed = changed.and(self.changed(more));
            }
            if changed.may_remake_folders() {
                self.watch_folders();
            }
            if let Changed::Paths(paths) = &mut changed {
                paths.sort();
                paths.dedup();
            }
            return Some(changed);
        }
    }

    /// The path relative to the program folder when it is `book.toml` or under `content/` or
    /// `themes/`.
    fn relevant(&self, path: &Path) -> Option<PathBuf> {
        let rel = path.strip_prefix(&self.root).ok()?;
        let first = rel.components().next()?.as_os_str();
        (first == CONFIG_FILE || first == CONTENT_DIR || first == THEMES_DIR)
            .then(|| rel.to_path_buf())
    }
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};

    use super::*;

    /// A watcher of a fresh program folder, and the failures it reported.
    fn watcher() -> (tempfile::TempDir, Watcher, Arc<Mutex<Vec<String>>>) {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::create_dir(tmp.path().join(CONTENT_DIR)).unwrap();
        let told = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&told);
        let warn: Warn = Box::new(move |f| sink.lock().unwrap().push(f.to_string()));
        let watcher = Watcher::new(tmp.path(), warn).unwrap();
        (tmp, watcher, told)
    }

    #[test]
    fn a_folder_that_cannot_be_watched_is_reported_once_naming_it() {
        let (tmp, mut watcher, told) = watcher();
        assert!(
            told.lock().unwrap().is_empty(),
            "{:?}",
            told.lock().unwrap()
        );
        let gone = tmp.path().join("gone");
        assert!(!watcher.watch_folder(&gone));
        assert!(!watcher.watch_folder(&gone));
        let told = told.lock().unwrap().clone();
        assert_eq!(told.len(), 1, "{told:?}");
        assert!(
            told[0].starts_with(&format!("cannot watch {}: ", gone.display())),
            "{told:?}"
        );
        // The operating system's reason, not only that it failed.
        assert!(told[0].len() > format!("cannot watch {}: ", gone.display()).len() + 10);
    }

    #[test]
    fn an_error_of_the_events_is_reported_and_means_anything() {
        let (_tmp, mut watcher, told) = watcher();
        let changed = watcher.changed(Err(vec![notify::Error::generic("queue overflow")]));
        assert_eq!(changed, Changed::Anything);
        assert_eq!(changed.hints(), None);
        assert_eq!(watcher.changed(Ok(vec![PathBuf::new()])), Changed::Anything);
        let content = watcher.root.join(CONTENT_DIR).join("pairs/a.yaml");
        let elsewhere = watcher.root.join("book/index.html");
        let changed = watcher.changed(Ok(vec![content, elsewhere]));
        assert_eq!(changed, Changed::Paths(vec![PathBuf::from("content/pairs/a.yaml")]));
        assert_eq!(
            changed.clone().and(Changed::Paths(Vec::new())),
            changed,
            "nothing more"
        );
        assert_eq!(changed.and(Changed::Anything), Changed::Anything);
        let told = told.lock().unwrap().clone();
        assert_eq!(
            told,
            ["the file events failed: queue overflow; everything is looked at again"]
        );
    }

    #[test]
    fn the_limit_on_watches_comes_with_how_to_raise_it() {
        let failure = WatchFailure {
            folder: Some(PathBuf::from("content")),
            error: notify::Error::new(notify::ErrorKind::MaxFilesWatch),
        };
        assert_eq!(
            failure.to_string(),
            "cannot watch content: OS file watch limit reached; changes there are not seen \
             (raise the limit with `sysctl fs.inotify.max_user_watches=524288`)"
        );
    }
}
