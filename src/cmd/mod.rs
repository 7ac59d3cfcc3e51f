//! One thin function per command: each takes its arguments, calls the library and says how it went.

mod build;
mod check;
mod clean;
mod init;
mod pdf;

use std::io::IsTerminal;

pub use build::build;
pub use check::check;
pub use clean::clean;
pub use init::init;
pub use pdf::pdf;

use crate::diagnostic::{Problems, render_human};

/// How a command ended, as the process exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// Done.
    Ok = 0,
    /// The program has errors.
    ProgramErrors = 1,
    /// Wrong usage, or a file could not be read or written.
    Failure = 2,
}

/// The exit code for a run that found errors: a file that could not be read is an I/O failure (2),
/// anything else is an error in the program (1).
fn failed(problems: &Problems) -> Exit {
    let io = problems.iter().any(|p| {
        p.severity == crate::diagnostic::Severity::Error && p.code == crate::diagnostic::Code::Io
    });
    if io {
        Exit::Failure
    } else {
        Exit::ProgramErrors
    }
}

/// `1 pair`, `2 pairs`.
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Prints every problem to standard error, in colour on a terminal.
pub fn print_problems(problems: Problems) {
    let list = problems.into_sorted();
    if list.is_empty() {
        return;
    }
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    eprint!("{}", render_human(&list, color));
    let errors = list
        .iter()
        .filter(|p| p.severity == crate::diagnostic::Severity::Error)
        .count();
    let warnings = list.len() - errors;
    eprintln!(
        "{}, {}",
        count(errors, "error", "errors"),
        count(warnings, "warning", "warnings")
    );
}

/// Prints an output error with its hint.
fn print_output_error(e: &crate::output::Error) {
    eprintln!("error: {e}");
    if let Some(h) = e.hint() {
        eprintln!("  help: {h}");
    }
}
