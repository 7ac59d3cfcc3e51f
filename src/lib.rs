//! mentorbook turns a mentoring program kept as YAML and Markdown into a browsable handbook with a
//! page per pair for each phase of the relationship.
//!
//! Data flows one way: [`config`] -> [`load`] -> [`validate`] -> [`render`] -> [`output`]. `check` stops
//! after validation; rendering is pure (pages in memory) so it can be tested and run in parallel; only
//! [`output`] writes, except that [`pdf`] adds PDF files to a site that [`output`] has staged but not
//! yet put in place.

pub mod book;
pub mod build;
pub mod cmd;
pub mod config;
pub mod diagnostic;
pub mod hash;
pub mod load;
pub mod markdown;
pub mod model;
pub mod output;
pub mod paths;
pub mod pdf;
pub mod progress;
pub mod render;
pub mod report;
pub mod scaffold;
pub mod schema;
pub mod serve;
pub mod session;
pub mod slug;
pub mod validate;
pub mod watch;

use std::path::Path;

use book::Book;
use diagnostic::Problems;

/// Reads and checks the program in `root`. Returns it with its configuration (a [`Book`]) when it
/// has no errors, and every problem found (warnings included) either way.
pub fn load_program(root: &Path) -> (Option<Book>, Problems) {
    load_program_with(root, model::PrivateValues::Kept)
}

/// [`load_program`], keeping or dropping private values as `private` says: a program for the
/// public site or for checking has no use for them.
pub fn load_program_with(root: &Path, private: model::PrivateValues) -> (Option<Book>, Problems) {
    let mut problems = Problems::default();
    let config = match config::Config::load(root) {
        Ok(c) => c,
        Err(p) => {
            problems.push(p);
            return (None, problems);
        }
    };
    let loaded = load::load(config, private, &mut problems);
    let program = validate::validate(loaded, &mut problems);
    if problems.has_errors() {
        (None, problems)
    } else {
        (program, problems)
    }
}
