//! mentorbook turns a mentoring program kept as YAML and Markdown into a browsable handbook with a
//! page per pair for each phase of the relationship.
//!
//! Data flows one way: [`config`] -> [`load`] -> [`validate`] -> [`render`] -> [`output`]. `check` stops
//! after validation; rendering makes the pages in memory (it reads the theme's folder and, unless
//! told the date, the clock) so it can be tested and run in parallel; only [`output`] writes, except
//! that [`pdf`] adds PDF files to a site that [`output`] has staged but not yet put in place.
//!
//! # Layers
//!
//! Imports flow one way too. From the bottom, a module imports only from its own layer or lower
//! ones, and no two modules (nor two files of one folder) import each other; the test
//! `tests/testsuite/layers.rs` holds this table and fails when an import goes up:
//!
//! 1. leaves: [`diagnostic`] (problems, how they are shown, YAML key paths), [`hash`], [`slug`],
//!    [`progress`], [`yaml_edit`] (YAML text edited in place, comments kept), [`codec`] (the
//!    binary form of what a build keeps on disk);
//! 2. [`markdown`], [`report`] (problems as text or JSON), and [`edit`] (the changes a form of
//!    `serve --edit` asks for, made to a pair or person file's text with [`yaml_edit`]);
//! 3. [`model`]: the program's typed values, knowing nothing of `book.toml`;
//! 4. [`config`] (`book.toml`, which names an audience of the model);
//! 5. [`book`] (a program with its configuration) and [`paths`] (the map of the site);
//! 6. [`load`]: files to typed values;
//! 7. [`validate`] (checks that span files; gives a [`book::Book`]), [`load_program`], and
//!    [`matching`] (proposals of pairs from the profiles, for `mentorbook match`);
//! 8. [`render`], with `render::search`, the search index;
//! 9. [`output`]: writing the site, atomically;
//! 10. [`pdf`];
//! 11. [`build`]: one build, for `build`, `pdf`, `serve` and `watch`;
//! 12. [`session`], [`watch`], [`serve`], [`scaffold`], [`schema`], [`import`] (people and pairs
//!     from a spreadsheet);
//! 13. [`cmd`], then the binary (`main.rs`, `cli.rs`).

pub mod book;
pub mod build;
pub mod cmd;
pub mod codec;
pub mod config;
pub mod diagnostic;
pub mod edit;
pub mod hash;
pub mod import;
pub mod load;
pub mod markdown;
pub mod matching;
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
pub mod yaml_edit;

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
