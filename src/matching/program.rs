//! A loaded program as matching sees it: its mentees and mentors with their profiles, its pairs
//! and proposals, its tags' labels, and `[matching]` from `book.toml`.

use super::pool::{Existing, Person, Pool, Weights};
use crate::config::MatchingSection;
use crate::model::{Program, Role};

/// The weights `book.toml` sets.
pub fn weights(section: &MatchingSection) -> Weights {
    Weights {
        shared_tags: section.shared_tags,
        availability: section.availability,
        languages: section.languages,
        time_zone: section.time_zone,
        wishes: section.wishes,
    }
}

/// The pool of `program`: every mentee and mentor, and every pair (proposals included). A pair
/// is open (it takes a place of the mentor's, and the mentee has a pair) when it is proposed or
/// has no `closure` yet; a closed pair still keeps the two from being proposed again.
pub fn pool(program: &Program) -> Pool {
    let mut pool = Pool::default();
    for p in &program.people {
        let person = person(p);
        if p.roles.contains(&Role::Mentee) {
            pool.mentees.push(person.clone());
        }
        if p.roles.contains(&Role::Mentor) {
            pool.mentors.push(person);
        }
    }
    for pair in program.pairs.iter().chain(&program.proposals) {
        let open =
            pair.file.status == crate::model::PairStatus::Proposed || pair.file.closure.is_none();
        pool.pairs.push(Existing {
            mentor: pair.file.mentor.value.to_string(),
            mentee: pair.file.mentee.value.to_string(),
            open,
        });
    }
    pool
}

/// One person, with what their profile says.
fn person(p: &crate::model::Person) -> Person {
    Person {
        id: p.id.value.to_string(),
        name: p.name.clone(),
        capacity: 1,
        ..Person::default()
    }
}
