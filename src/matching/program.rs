//! A loaded program as matching sees it: its mentees and mentors with their profiles, its pairs
//! and proposals, its tags' labels, and `[matching]` from `book.toml`.

use super::pool::{Existing, Person, Pool, Weights, Zone};
use crate::config::MatchingSection;
use crate::model::profile::Field;
use crate::model::{Audience, Date, Located, PersonId, Private, Program, Role, Visibility};

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

/// The pool of `program` on `today`: every mentee and mentor with their profiles, every pair
/// (proposals included), and the tags' labels. A pair is open as [`crate::model::Pair::is_open`]
/// says; a pair that is over still keeps the two from being proposed again.
pub fn pool(program: &Program, today: Date) -> Pool {
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
        let open = pair.is_open(today);
        pool.pairs.push(Existing {
            mentor: pair.file.mentor.value.to_string(),
            mentee: pair.file.mentee.value.to_string(),
            open,
        });
    }
    pool.labels = program
        .info
        .tags
        .iter()
        .map(|(id, label)| (id.to_string(), label.clone()))
        .collect();
    pool
}

/// One person, with what their profile says (all of it: matching is the coordinators' tool).
fn person(p: &crate::model::Person) -> Person {
    let mut out = Person {
        id: p.id.value.to_string(),
        name: p.name.clone(),
        capacity: 1,
        ..Person::default()
    };
    let Some(profile) = &p.profile else {
        return out;
    };
    let strings = |f: &Field<Vec<Located<String>>>| -> Vec<String> {
        f.for_coordinators()
            .map(|v| v.iter().map(|s| s.value.clone()).collect())
            .unwrap_or_default()
    };
    let ids = |v: &Private<Vec<Located<PersonId>>>| -> Vec<String> {
        v.reveal(&Audience::Coordinators, None, Visibility::Coordinators)
            .map(|v| v.iter().map(|s| s.value.to_string()).collect())
            .unwrap_or_default()
    };
    out.interests = strings(&profile.interests);
    out.expertise = strings(&profile.expertise);
    out.languages = strings(&profile.languages);
    if let Some(a) = profile.availability.for_coordinators() {
        out.modes = a.modes.iter().map(|m| m.id().to_owned()).collect();
        out.times = a.times.iter().map(|t| t.id().to_owned()).collect();
    }
    out.time_zone = profile
        .time_zone
        .as_ref()
        .and_then(Field::for_coordinators)
        .and_then(|z| Zone::named(&z.value));
    out.exclusions = ids(&profile.exclusions);
    out.wishes = ids(&profile.wishes);
    out.capacity = profile.capacity();
    out
}
