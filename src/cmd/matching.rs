//! `mentorbook match`: proposals of pairs for the mentees without one ([`crate::matching`]), as a
//! report or JSON, and with `--write` a draft pair file for each ([`crate::scaffold::proposals`]).

use std::path::Path;

use super::{Exit, count, failed, print_problems};
use crate::matching;
use crate::scaffold::proposals::{self, Drafted};

/// Proposes pairs for the program in `dir`; prints the report (JSON with `json`) on standard
/// output; with `write`, drafts a pair file a proposal.
pub fn match_pairs(dir: &Path, json: bool, write: bool) -> Exit {
    let (book, problems) = crate::load_program(dir);
    let Some(book) = book else {
        let exit = failed(&problems);
        print_problems(problems);
        eprintln!("fix these first: matching reads the program's people and pairs");
        return exit;
    };
    let today = crate::model::Date::today();
    let pool = matching::program::pool(&book, today);
    let outcome = matching::propose(&pool, &matching::program::weights(&book.config.matching));
    if json {
        match serde_json::to_string_pretty(&outcome) {
            Ok(text) => println!("{text}"),
            Err(e) => {
                eprintln!("error: cannot write the report as JSON: {e}");
                return Exit::Failure;
            }
        }
    } else {
        print!("{}", outcome.text());
    }
    if !write {
        if !outcome.proposals.is_empty() {
            eprintln!(
                "nothing written: `mentorbook match --write` drafts a pair file for each proposal"
            );
        }
        return Exit::Ok;
    }
    let mut exit = Exit::Ok;
    let mut written = 0;
    for drafted in proposals::write(dir, &book, &outcome.proposals, today) {
        match drafted {
            Drafted::Written(rel) => {
                written += 1;
                eprintln!("drafted {}", rel.display());
            }
            Drafted::Failed(e) => {
                eprintln!("error: {e}");
                exit = Exit::Failure;
            }
        }
    }
    if written > 0 {
        eprintln!(
            "{} with `status: proposed`: review them (a pull request shows each one's reasons), \
             accept one by deleting its `status: proposed` line, turn one down by deleting its file",
            count(written, "proposal drafted", "proposals drafted")
        );
    }
    exit
}
