//! `mentorbook export`: the coordinators' spreadsheets, written outside a build.

use std::path::Path;

use super::{Exit, count, failed, print_output_error, print_problems};
use crate::config::PRIVATE_DIR;
use crate::model::{Audience, Date, PrivateValues};
use crate::render::exports::Export;
use crate::render::strings::Strings;
use crate::render::view::Scope;

/// The folder the spreadsheets go to without `--out`, in the private editions' folder.
pub const DEFAULT_OUT: &str = "exports";

/// Loads and checks the program in `dir`, then writes `pairs.csv`, `people.csv` and
/// `progress.csv` into `out` (relative to the program folder; default `book-private/exports/`),
/// the same bytes as the coordinators' edition has in its `exports/` folder on the same day.
pub fn export(dir: &Path, out: Option<&Path>) -> Exit {
    let (book, problems) = crate::load_program_with(dir, PrivateValues::Kept);
    let Some(book) = book else {
        let exit = failed(&problems);
        print_problems(problems);
        return exit;
    };
    // Warnings as a build shows them: each code at most SHOWN_PER_CODE times.
    let color = crate::report::stderr_color();
    let shown = crate::report::SHOWN_PER_CODE;
    eprint!(
        "{}",
        crate::report::human_grouped(&problems.into_sorted(), color, shown)
    );
    let config = &book.config;
    let dest = match out {
        Some(o) => config.root.join(o),
        None => config.root.join(PRIVATE_DIR).join(DEFAULT_OUT),
    };
    let audience = Audience::Coordinators;
    let scope = Scope::new(&book, &audience, Strings::builtin());
    let today = Date::today();
    let files: Vec<(&str, Vec<u8>)> = Export::ALL
        .iter()
        .map(|e| (e.file_name(), e.csv(&scope, today).into_bytes()))
        .collect();
    match crate::output::write_exports(&config.root, &config.dest_dir(), &dest, &files) {
        Ok(w) => {
            eprintln!(
                "exported {} and {} into {}: {} written, {} unchanged (private: everyone's contact details; do not publish)",
                count(scope.pairs.len(), "pair", "pairs"),
                count(book.program.people.len(), "person", "people"),
                dest.display(),
                count(w.written, "file", "files"),
                w.unchanged,
            );
            Exit::Ok
        }
        Err(e) => {
            print_output_error(&e);
            eprintln!("nothing was exported");
            Exit::Failure
        }
    }
}
