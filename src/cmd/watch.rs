//! `mentorbook watch`: builds, then builds again whenever a file of the program changes.

use std::path::Path;

use super::{Exit, count, print_problems};
use crate::render::Selection;
use crate::session::{Outcome, Session};
use crate::watch::Watcher;

/// Builds the program in `dir` into `dest` (with `overrides` set over `book.toml`), then rebuilds
/// on every change until interrupted.
pub fn watch(dir: &Path, dest: Option<&Path>, overrides: &crate::config::Overrides) -> Exit {
    let Some(mut watcher) = start_watching(dir) else {
        return Exit::Failure;
    };
    let mut session = Session::new(dir, dest).with_overrides(overrides.clone());
    if let Err(p) = session.claim() {
        let mut problems = crate::diagnostic::Problems::default();
        problems.push(p);
        super::print_problems(problems);
        return Exit::Failure;
    }
    let mut console = Console::default();
    console.report(
        session.rebuild(),
        "the previous output, if any, is unchanged",
    );
    eprintln!("watching {} for changes (Ctrl-C to stop)", dir.display());
    while let Some(changed) = watcher.wait() {
        let hints = changed.hints();
        console.report(
            session.rebuild_hinted(hints),
            "the previous output is unchanged",
        );
        catch_up(&mut session);
    }
    Exit::Ok
}

/// Starts watching `dir`, saying why when it cannot; a folder of it that cannot be watched, now or
/// later, is a warning.
pub(super) fn start_watching(dir: &Path) -> Option<Watcher> {
    Watcher::new(dir, Box::new(|failure| eprintln!("warning: {failure}")))
        .map_err(|e| eprintln!("error: cannot watch {}: {e}", dir.display()))
        .ok()
}

/// Makes what the last rebuild left for later, saying so when it fails.
pub(super) fn catch_up(session: &mut Session) {
    let started = std::time::Instant::now();
    match session.catch_up() {
        Some(Ok(_)) => eprintln!(
            "search index updated in {} ms",
            started.elapsed().as_millis()
        ),
        Some(Err(problems)) => {
            print_problems(problems);
            eprintln!("the search index was not updated");
        }
        None => {}
    }
}

/// What a rebuild means for the open pages.
#[derive(Debug)]
pub(super) enum Shown {
    /// Files changed: reload.
    Changed,
    /// Built, nothing changed.
    Same,
    /// Failed, with the console's text of the errors.
    Failed(String),
}

/// What the console last showed, so that warnings are printed when they change, not after every
/// save.
#[derive(Debug, Default)]
pub(super) struct Console {
    warnings: Vec<(String, std::path::PathBuf, u32, u32, String)>,
}

impl Console {
    /// Prints what a rebuild did, on standard error: what changed, what was rendered and written,
    /// how long each stage took; or the problems and `kept` (what still stands) when it failed.
    pub(super) fn report(&mut self, outcome: Outcome, kept: &str) -> Shown {
        if let Outcome::Built(r) = &outcome {
            let mut now: Vec<_> = r
                .warnings
                .iter()
                .map(|p| {
                    let s = &p.span;
                    (
                        p.code.name().to_owned(),
                        s.file.clone(),
                        s.line,
                        s.column,
                        p.message.clone(),
                    )
                })
                .collect();
            // In the order a rebuild found them, which depends on what it had to check again.
            now.sort_unstable();
            if now == self.warnings {
                let count = now.len();
                return report(outcome, kept, Some(count));
            }
            self.warnings = now;
        } else {
            // After a failure, the warnings of the next good build are worth seeing again.
            self.warnings.clear();
        }
        report(outcome, kept, None)
    }
}

/// Prints what a rebuild did; `seen` is the number of warnings when they are the ones printed
/// last time, so not printed again.
fn report(outcome: Outcome, kept: &str, seen: Option<usize>) -> Shown {
    match outcome {
        Outcome::Unchanged => Shown::Same,
        Outcome::Failed(problems) => {
            let text = crate::diagnostic::render_human(&problems.clone().into_sorted(), false);
            print_problems(problems);
            eprintln!("the site was not rebuilt; {kept}");
            Shown::Failed(text)
        }
        Outcome::Built(r) => {
            let had_warnings = r.warnings.iter().next().is_some();
            if seen.is_none() {
                print_problems(r.warnings);
            }
            let cause = match r.changed.as_slice() {
                [] => String::new(),
                [one] => format!("{} changed: ", one.display()),
                many => format!("{} files changed: ", many.len()),
            };
            let what = match &r.selection {
                Selection::All => format!("built {}", count(r.pages, "page", "pages")),
                Selection::Pairs { .. } | Selection::Index => {
                    format!("rebuilt {} of {}", r.rendered, r.pages)
                }
            };
            eprintln!(
                "{cause}{what} into {} in {} ms ({}): {} written, {} unchanged{}{}",
                r.dest.display(),
                r.elapsed.as_millis(),
                r.stages,
                count(r.written.written, "file", "files"),
                r.written.unchanged,
                if r.written.removed > 0 {
                    format!(", {} removed", r.written.removed)
                } else {
                    String::new()
                },
                match seen {
                    Some(n) if n > 0 => format!(" ({} as before)", count(n, "warning", "warnings")),
                    _ if had_warnings => " (with warnings)".to_owned(),
                    _ => String::new(),
                }
            );
            if r.written.written + r.written.removed > 0 {
                Shown::Changed
            } else {
                Shown::Same
            }
        }
    }
}
