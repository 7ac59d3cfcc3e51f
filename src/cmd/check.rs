//! `mentorbook check`: load and validate, write nothing.

use std::path::Path;

use super::{Exit, count, failed};
use crate::diagnostic::Severity;
use crate::report::{Format, print};

/// Checks the program in `dir` and prints every problem in `format`. With `deny_warnings`, a
/// warning fails the check too.
pub fn check(dir: &Path, format: Format, deny_warnings: bool) -> Exit {
    let (program, mut problems) =
        crate::load_program_with(dir, crate::model::PrivateValues::Dropped);
    // How the folder is kept in git: `check` alone says it (see `validate::publishing`).
    if let Some(book) = &program {
        problems.extend(crate::validate::publishing(book));
        // The theme's and the program's strings files: what they name, and what they leave out.
        match crate::render::theme::strings(&book.config) {
            Ok((_, warnings)) => problems.extend(warnings),
            Err(problem) => problems.push(problem),
        }
    }
    let exit = failed(&problems);
    let problems = problems.into_sorted();
    print(&problems, format, dir);
    let warned = problems.iter().any(|p| p.severity == Severity::Warning);
    let erred = problems.iter().any(|p| p.severity == Severity::Error);
    match program {
        // A strings file that cannot be used, found after the program loaded.
        Some(_) if erred => exit,
        Some(_) if deny_warnings && warned => {
            if format == Format::Human {
                eprintln!("warnings are errors here (--deny-warnings)");
            }
            Exit::ProgramErrors
        }
        Some(p) => {
            if format == Format::Human {
                eprintln!(
                    "no errors: {}, {}, {}",
                    count(p.people.len(), "person", "people"),
                    count(p.pairs.len(), "pair", "pairs"),
                    count(p.chapters.len(), "guide chapter", "guide chapters")
                );
                if let Some(note) = p.proposals_waiting() {
                    eprintln!("{note}");
                }
            }
            Exit::Ok
        }
        None => exit,
    }
}
