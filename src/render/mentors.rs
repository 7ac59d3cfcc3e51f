//! The mentor directory, `mentors/`: the mentors who have room for a mentee, a section each, with
//! the profile fields the audience may see (the public ones; in a pair's edition, its own two
//! people's private ones too; everything in the coordinators'), and the program's `requests` on
//! how to ask.
//!
//! The page works without a server: every mentor is in the page, and `static/mentors.js` hides
//! those the filters (tag, meeting mode, time, language) leave out, from the `data-` attributes
//! of each section, which hold only what the section shows. Without a script, the whole list.
//!
//! A mentor's room is their capacity (1 unless their profile says) less their pairs that are
//! under way or to come: every pair of theirs with no `end` or one on or after the build's date,
//! whoever the audience (a pair hidden from it still takes the mentor's time). A mentor with a
//! private capacity is listed when they have room, without the numbers.

use serde::Serialize;
use tera::Context;

use super::strings::{Strings, fill, meeting_mode, meeting_time};
use super::view::Scope;
use crate::markdown::Markdown;
use crate::model::{Audience, Date, Field, Pair, Person, Program, Role};

/// Whether the program has a directory: when a mentor has a profile.
pub(super) fn has_directory(program: &Program) -> bool {
    program
        .people
        .iter()
        .any(|p| p.roles.contains(&Role::Mentor) && p.profile.is_some())
}

/// Whether `pair` takes its mentor's time on `today`: not ended yet.
pub(super) fn occupies(pair: &Pair, today: Date) -> bool {
    pair.file.end.as_ref().is_none_or(|end| end.value >= today)
}

/// A tag or other choice, with its label.
#[derive(Serialize, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Choice<'a> {
    pub id: &'a str,
    pub label: &'a str,
}

/// A mentor as the directory shows them to the audience.
#[derive(Serialize)]
pub(super) struct Card<'a> {
    /// The person's id: the section's anchor.
    pub id: &'a str,
    pub name: &'a str,
    pub title: Option<&'a str>,
    pub bio: Option<&'a Markdown>,
    pub expertise: Vec<Choice<'a>>,
    pub interests: Vec<Choice<'a>>,
    pub modes: Vec<Choice<'a>>,
    pub times: Vec<Choice<'a>>,
    pub languages: Vec<&'a str>,
    pub time_zone: Option<&'a str>,
    pub location: Option<&'a str>,
    pub goals: Option<&'a str>,
    /// "Room for 1 of 2 mentees", or "Has room" when the capacity is not shown.
    pub room: String,
}

impl<'a> Card<'a> {
    /// The words of the card, for the search index.
    pub fn text(&self) -> String {
        let mut out: Vec<&str> = Vec::new();
        out.extend(self.title);
        out.extend(self.bio.map(|b| b.source.as_str()));
        for list in [&self.expertise, &self.interests, &self.modes, &self.times] {
            out.extend(list.iter().map(|c| c.label));
        }
        out.extend(self.languages.iter().copied());
        out.extend(self.time_zone);
        out.extend(self.location);
        out.extend(self.goals);
        out.join(" ")
    }
}

/// The mentors with room on `today`, as `scope`'s audience may see them, by name.
pub(super) fn cards<'a>(scope: &Scope<'a>, today: Date) -> Vec<Card<'a>> {
    let program = scope.program;
    let mut cards: Vec<Card<'a>> = program
        .people
        .iter()
        .filter(|p| p.roles.contains(&Role::Mentor))
        .filter_map(|p| {
            let capacity = p.profile.as_ref().map_or(1, |pr| pr.capacity());
            let taken = program
                .pairs
                .iter()
                .filter(|pair| pair.file.mentor.value == p.id.value && occupies(pair, today))
                .count();
            let room = usize::try_from(capacity)
                .unwrap_or(usize::MAX)
                .checked_sub(taken)?;
            (room > 0).then(|| card(scope, p, room))
        })
        .collect();
    cards.sort_by(|a, b| (a.name, a.id).cmp(&(b.name, b.id)));
    cards
}

/// The audience's pair when `p` is one of its two people: a pair's edition shows the private
/// fields of its own two people.
fn own_pair<'a>(scope: &Scope<'a>, p: &Person) -> Option<&'a crate::model::PairId> {
    let Audience::Pair(id) = scope.audience else {
        return None;
    };
    let pair = scope.pairs.iter().find(|pair| pair.id == *id)?;
    let file = &pair.file;
    (file.mentor.value == p.id.value || file.mentee.value == p.id.value).then_some(&pair.id)
}

fn card<'a>(scope: &Scope<'a>, p: &'a Person, room: usize) -> Card<'a> {
    let audience: &Audience = scope.audience;
    let pair = own_pair(scope, p);
    let strings: &'a Strings = scope.strings;
    let info = &scope.program.info;
    let seen = |f: &'a Field<Vec<crate::model::Located<String>>>| -> Vec<Choice<'a>> {
        f.reveal(audience, pair)
            .into_iter()
            .flatten()
            .map(|t| Choice {
                id: t.value.as_str(),
                label: info.tag(&t.value).unwrap_or(t.value.as_str()),
            })
            .collect()
    };
    let Some(profile) = &p.profile else {
        return Card {
            id: p.id.value.as_str(),
            name: &p.name,
            title: p.title.as_deref(),
            bio: p.bio.as_ref(),
            expertise: Vec::new(),
            interests: Vec::new(),
            modes: Vec::new(),
            times: Vec::new(),
            languages: Vec::new(),
            time_zone: None,
            location: None,
            goals: None,
            room: fill(&strings.mentors.room, &[("room", "1"), ("capacity", "1")]),
        };
    };
    let availability = profile.availability.reveal(audience, pair);
    let modes = availability
        .map(|a| sorted(&a.modes))
        .unwrap_or_default()
        .into_iter()
        .map(|m| Choice {
            id: m.id(),
            label: meeting_mode(m, strings),
        })
        .collect();
    let times = availability
        .map(|a| sorted(&a.times))
        .unwrap_or_default()
        .into_iter()
        .map(|t| Choice {
            id: t.id(),
            label: meeting_time(t, strings),
        })
        .collect();
    let text = |f: &'a Option<Field<String>>| {
        f.as_ref()
            .and_then(|f| f.reveal(audience, pair))
            .map(String::as_str)
    };
    let capacity = profile
        .capacity
        .as_ref()
        .map_or(Some(1), |c| c.reveal(audience, pair).map(|c| c.value));
    let room = match capacity {
        Some(capacity) => fill(
            &strings.mentors.room,
            &[
                ("room", &room.to_string()),
                ("capacity", &capacity.to_string()),
            ],
        ),
        None => strings.mentors.has_room.clone(),
    };
    Card {
        id: p.id.value.as_str(),
        name: &p.name,
        title: p.title.as_deref(),
        bio: p.bio.as_ref(),
        expertise: seen(&profile.expertise),
        interests: seen(&profile.interests),
        modes,
        times,
        languages: profile
            .languages
            .reveal(audience, pair)
            .into_iter()
            .flatten()
            .map(|l| l.value.as_str())
            .collect(),
        time_zone: profile
            .time_zone
            .as_ref()
            .and_then(|t| t.reveal(audience, pair))
            .map(|t| t.value.as_str()),
        location: text(&profile.location),
        goals: text(&profile.goals),
        room,
    }
}

/// `list` in its enum's order, each once.
fn sorted<T: Ord + Copy>(list: &[T]) -> Vec<T> {
    let mut out = list.to_vec();
    out.sort();
    out.dedup();
    out
}

/// What the filters offer: the choices that some listed mentor has, each once.
#[derive(Serialize)]
struct Filters<'a> {
    tags: Vec<Choice<'a>>,
    modes: Vec<Choice<'a>>,
    times: Vec<Choice<'a>>,
    languages: Vec<&'a str>,
}

impl<'a> Filters<'a> {
    fn of(cards: &[Card<'a>]) -> Filters<'a> {
        let mut tags: Vec<Choice<'a>> = cards.iter().flat_map(|c| c.expertise.clone()).collect();
        tags.sort_by(|a, b| (a.label, a.id).cmp(&(b.label, b.id)));
        tags.dedup();
        // Modes and times in their enum's order, as the cards list them.
        let order = |list: Vec<Choice<'a>>, all: &[&str]| {
            let mut list = list;
            list.sort_by_key(|c| all.iter().position(|id| *id == c.id));
            list.dedup();
            list
        };
        let mode_ids: Vec<&str> = crate::model::MeetingMode::ALL
            .iter()
            .map(|m| m.id())
            .collect();
        let time_ids: Vec<&str> = crate::model::MeetingTime::ALL
            .iter()
            .map(|t| t.id())
            .collect();
        let modes = order(
            cards.iter().flat_map(|c| c.modes.clone()).collect(),
            &mode_ids,
        );
        let times = order(
            cards.iter().flat_map(|c| c.times.clone()).collect(),
            &time_ids,
        );
        let mut languages: Vec<&'a str> = cards.iter().flat_map(|c| c.languages.clone()).collect();
        languages.sort_unstable();
        languages.dedup();
        Filters {
            tags,
            modes,
            times,
            languages,
        }
    }
}

/// The directory page's title and context: `mentors` (the cards), `filters`, `requests` (the
/// program's words on how to ask, HTML) and `coordinators` (when there are no such words).
pub(super) fn context(scope: &Scope<'_>, today: Date) -> (String, Context) {
    let cards = cards(scope, today);
    let mut ctx = Context::new();
    ctx.insert("filters", &Filters::of(&cards));
    ctx.insert("mentors", &cards);
    ctx.insert("requests", &scope.program.info.requests);
    ctx.insert("coordinators", &scope.coordinators());
    (scope.strings.pages.mentors.clone(), ctx)
}
