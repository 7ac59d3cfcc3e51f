//! `mentorbook check`: load and validate, write nothing.

use std::path::Path;

use super::{Exit, print_problems};

/// Checks the program in `dir` and prints every problem.
pub fn check(dir: &Path) -> Exit {
    let (program, problems) = crate::load_program(dir);
    print_problems(problems);
    match program {
        Some(p) => {
            eprintln!(
                "no errors: {} people, {} pairs, {} guide chapters",
                p.people.len(),
                p.pairs.len(),
                p.chapters.len()
            );
            Exit::Ok
        }
        None => Exit::ProgramErrors,
    }
}
