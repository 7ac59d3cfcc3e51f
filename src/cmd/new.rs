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

/// Says what a `new` command lacks, with a whole command to copy: clap's own usage line for a
/// missing argument (`<DIR> <ID>...`) left people guessing which word was missing.
fn missing(what: &str, example: &str) -> Exit {
    eprintln!("error: {what}");
    eprintln!("  for example: {example}");
    Exit::Failure
}

/// The program folder as the first word of an example command: nothing for the current one.
fn dir_word(dir: &Path) -> String {
    if dir == Path::new(".") {
        String::new()
    } else {
        format!("{} ", dir.display())
    }
}

/// `ana-lopez` as a name to show in an example, `Ana Lopez`.
fn name_from_id(id: &str) -> String {
    id.split('-')
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Writes `content/pairs/<id>.yaml` for a new pair. `mentor` and `mentee` are required: when one
/// is missing, the error says which, with an example.
pub fn new_pair(
    dir: &Path,
    mentor: Option<&str>,
    mentee: Option<&str>,
    start: Option<&str>,
    pair_id: Option<&str>,
) -> Exit {
    let (mentor, mentee) = match (mentor, mentee) {
        (Some(a), Some(b)) => (a, b),
        (a, b) => {
            let lacking = match (a, b) {
                (None, None) => "the mentor's and the mentee's ids",
                (None, _) => "the mentor's id (`--mentor`)",
                _ => "the mentee's id (`--mentee`)",
            };
            return missing(
                &format!("`new pair` needs {lacking}, as they are in the people files"),
                &format!(
                    "mentorbook new pair --mentor {} --mentee {}",
                    a.unwrap_or("ana-lopez"),
                    b.unwrap_or("ben-okafor")
                ),
            );
        }
    };
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
                proposal: None,
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

/// Writes `content/people/<id>.yaml` for a new person. `person` (the id) and `name` are required:
/// when one is missing, the error says which, with an example made from the other.
pub fn new_person(
    dir: &Path,
    person: Option<&str>,
    name: Option<&str>,
    roles: &[Role],
    title: Option<&str>,
) -> Exit {
    let (person, name) = match (person, name) {
        (Some(p), Some(n)) => (p, n),
        (None, None) => {
            return missing(
                "`new person` needs the new person's id and their full name (`--name`)",
                "mentorbook new person carol-nguyen --name \"Carol Nguyen\"",
            );
        }
        (None, Some(n)) => {
            let slug = crate::slug::slugify(n);
            let slug = if slug.is_empty() {
                "carol-nguyen".to_owned()
            } else {
                slug
            };
            return missing(
                "`new person` needs the new person's id, the short name pair files will use for them \
                 (lower-case letters, digits and dashes), before `--name`",
                &format!(
                    "mentorbook new person {}{slug} --name \"{n}\"",
                    dir_word(dir)
                ),
            );
        }
        (Some(p), None) => {
            return missing(
                "`new person` needs the new person's full name (`--name`)",
                &format!("mentorbook new person {p} --name \"{}\"", name_from_id(p)),
            );
        }
    };
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
