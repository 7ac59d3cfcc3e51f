//! `mentorbook watch`: builds, then builds again whenever a file of the program changes.

use std::path::Path;

use super::{Exit, count, print_problems};
use crate::render::Selection;
use crate::session::{Outcome, Session};
use crate::watch::Watcher;

/// Builds the program in `dir` into `dest`, then rebuilds on every change until interrupted.
pub fn watch(dir: &Path, dest: Option<&Path>) -> Exit {
    let mut watcher = match Watcher::new(dir) {
        Ok(w) => w,
        Err(e) => {
            eprintln!("error: cannot watch {}: {e}", dir.display());
            return Exit::Failure;
        }
    };
    let mut session = Session::new(dir, dest);
    report(
        session.rebuild(),
        "the previous output, if any, is unchanged",
    );
    eprintln!("watching {} for changes (Ctrl-C to stop)", dir.display());
    while watcher.wait().is_some() {
        report(session.rebuild(), "the previous output is unchanged");
    }
    Exit::Ok
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

/// Prints what a rebuild did, on standard error: what changed, what was rendered and written, how
/// long it took; or the problems and `kept` (what still stands) when it failed.
pub(super) fn report(outcome: Outcome, kept: &str) -> Shown {
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
            print_problems(r.warnings);
            let cause = match r.changed.as_slice() {
                [] => String::new(),
                [one] => format!("{} changed: ", one.display()),
                many => format!("{} files changed: ", many.len()),
            };
            let what = match &r.selection {
                Selection::All => format!("built {}", count(r.pages, "page", "pages")),
                Selection::Pairs { .. } => format!("rebuilt {} of {}", r.rendered, r.pages),
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
                if had_warnings { " (with warnings)" } else { "" }
            );
            if r.written.written + r.written.removed > 0 {
                Shown::Changed
            } else {
                Shown::Same
            }
        }
    }
}
