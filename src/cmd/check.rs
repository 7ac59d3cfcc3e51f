//! `mentorbook check`: load and validate, write nothing.

use std::path::Path;

use super::{Exit, count, failed, print_problems};

/// Checks the program in `dir` and prints every problem.
pub fn check(dir: &Path) -> Exit {
    let (program, problems) = crate::load_program(dir);
    let exit = failed(&problems);
    print_problems(problems);
    match program {
        Some(p) => {
            eprintln!(
                "no errors: {}, {}, {}",
                count(p.people.len(), "person", "people"),
                count(p.pairs.len(), "pair", "pairs"),
                count(p.chapters.len(), "guide chapter", "guide chapters")
            );
            Exit::Ok
        }
        None => exit,
    }
}
