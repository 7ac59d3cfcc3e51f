//! `mentorbook new pair` and `new person`: thin wrappers over [`crate::scaffold::new`].

use std::path::{Path, PathBuf};

use super::{Exit, failed, print_problems};
use crate::book::Book;
use crate::model::{Date, PairId, PersonId, Role};
use crate::scaffold::new::{self, NewPair, NewPerson};

/// Loads the program, which must have no errors: the scaffold is built from its people and phases.
fn load(dir: &Path) -> Result<Book, Exit> {
    let (program, problems) = crate::load_program(dir);
    match program {
        Some(p) => Ok(p),
        None => {
            let exit = failed(&problems);
            print_problems(problems);
            eprintln!("fix these first: new files are made from the program's people and phases");
            Err(exit)
        }
    }
}

fn id<T>(
    what: &str,
    s: &str,
    make: fn(&str) -> Result<T, crate::model::ids::BadId>,
) -> Result<T, Exit> {
    make(s).map_err(|e| {
        eprintln!("error: the {what} {e}");
        Exit::Failure
    })
}

fn report(result: Result<(), new::Error>, rel: &Path) -> Exit {
    match result {
        Ok(()) => {
            eprintln!("created {}", rel.display());
            Exit::Ok
        }
        Err(e @ new::Error::Person(_)) => {
            eprintln!("error: {e}");
            Exit::ProgramErrors
        }
        Err(e) => {
            eprintln!("error: {e}");
            Exit::Failure
        }
    }
}

/// Writes `content/pairs/<id>.yaml` for a new pair.
pub fn new_pair(
    dir: &Path,
    mentor: &str,
    mentee: &str,
    start: Option<&str>,
    pair_id: Option<&str>,
) -> Exit {
    let run = || -> Result<Exit, Exit> {
        let mentor = id("mentor id", mentor, PersonId::new)?;
        let mentee = id("mentee id", mentee, PersonId::new)?;
        let start = match start {
            Some(s) => Date::parse(s).map_err(|e| {
                eprintln!("error: --start {e}");
                Exit::Failure
            })?,
            None => Date::today(),
        };
        let pair = id(
            "pair id",
            pair_id
                .map_or_else(|| format!("{mentor}-{mentee}"), str::to_owned)
                .as_str(),
            PairId::new,
        )?;
        if PairId::RESERVED.contains(&pair.as_str()) {
            eprintln!(
                "error: a pair cannot be called `{pair}`: the name is taken by pdf/{pair}.pdf"
            );
            return Err(Exit::Failure);
        }
        let program = load(dir)?;
        let rel = PathBuf::from(format!("content/pairs/{pair}.yaml"));
        let text = new::pair_text(
            &program,
            &NewPair {
                mentor: &mentor,
                mentee: &mentee,
                start,
            },
            &rel,
        );
        Ok(report(
            text.and_then(|t| new::write_new(dir, &rel, &t)),
            &rel,
        ))
    };
    run().unwrap_or_else(|e| e)
}

/// Writes `content/people/<id>.yaml` for a new person.
pub fn new_person(
    dir: &Path,
    person: &str,
    name: &str,
    roles: &[Role],
    title: Option<&str>,
) -> Exit {
    let run = || -> Result<Exit, Exit> {
        let person = id("id", person, PersonId::new)?;
        let program = load(dir)?;
        let rel = PathBuf::from(format!("content/people/{person}.yaml"));
        let roles = if roles.is_empty() {
            &[Role::Mentee][..]
        } else {
            roles
        };
        let text = new::person_text(
            &program,
            &NewPerson {
                id: &person,
                name,
                roles,
                title,
            },
            &rel,
        );
        Ok(report(
            text.and_then(|t| new::write_new(dir, &rel, &t)),
            &rel,
        ))
    };
    run().unwrap_or_else(|e| e)
}
