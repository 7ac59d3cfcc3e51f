//! One thin function per command: each takes its arguments, calls the library and says how it went.

mod build;
mod check;
mod clean;
mod export;
mod import;
mod init;
mod matching;
mod new;
mod pdf;
mod schema;
mod serve;
mod watch;

pub use build::build;
pub use check::check;
pub use clean::clean;
pub use export::export;
pub use import::{ImportMode, import};
pub use init::init;
pub use matching::match_pairs;
pub use new::{new_pair, new_person};
pub use pdf::pdf;
pub use schema::schema;
pub use serve::{Listen, serve};
pub use watch::watch;

use crate::diagnostic::Problems;
pub(crate) use crate::report::plural as count;

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

/// Prints every problem for people, on standard error.
pub fn print_problems(problems: Problems) {
    crate::report::print(
        &problems.into_sorted(),
        crate::report::Format::Human,
        std::path::Path::new("."),
    );
}

/// Prints an output error with its hint.
fn print_output_error(e: &crate::output::Error) {
    eprintln!("error: {e}");
    if let Some(h) = e.hint() {
        eprintln!("  help: {h}");
    }
}
