//! The mentor directory, `mentors/`: the mentors who have room for a mentee, a section each, with
//! the profile fields the audience may see (the public ones; in a pair's edition, its own two
//! people's private ones too; everything in the coordinators'), and the program's `requests` on
//! how to ask.
//!
//! The directory is paged, [`MENTORS_PER_PAGE`] mentors a page (`mentors/`, then
//! `mentors/page/<n>/`), in the order of their names, so a mentor's page moves only when mentors
//! before them come or go; the search index links to a mentor on their page. The filters (tag,
//! meeting mode, time, language) work across every page without a server: `static/mentors.js`
//! loads `mentors/list.js` ([`script`]) with a `<script>` tag on the first filter, which holds
//! for each listed mentor only what the filters and the list of matches show (name, title, room,
//! expertise, meeting modes and times, languages), as the audience may see them. Without a
//! script, the pages are the list.
//!
//! A mentor's room is their capacity (1 unless their profile says) less their pairs that are
//! under way or to come: every pair of theirs with no `end` or one on or after the build's date,
//! whoever the audience (a pair hidden from it still takes the mentor's time). A mentor with a
//! private capacity is listed when they have room, without the numbers.

use std::collections::HashMap;

use serde::Serialize;
use tera::{Context, Value};

use super::pager::Pager;
use super::strings::{Strings, fill, meeting_mode, meeting_time};
use super::view::Scope;
use crate::markdown::Markdown;
use crate::model::{Audience, Date, Field, Pair, Person, PersonId, Program, Role};
use crate::paths;

/// How many mentors a page of the mentor directory shows: a mentor's section is about 0.8 kB, so
/// a page stays near 50 kB however many mentors the program has.
pub(super) const MENTORS_PER_PAGE: usize = 50;

/// How many pages a directory of `mentors` mentors takes: at least one, which says there are none.
pub(super) fn pages_of(mentors: usize) -> usize {
    mentors.div_ceil(MENTORS_PER_PAGE).max(1)
}

/// Whether the program has a directory: when a mentor has a profile.
pub(super) fn has_directory(program: &Program) -> bool {
    program
        .people
        .iter()
        .any(|p| p.roles.contains(&Role::Mentor) && p.profile.is_some())
}

/// Whether `pair` takes one of its mentor's places on `today`, as `mentorbook match` counts it
/// ([`Pair::is_open`]). Proposals are not among the pairs pages see, so they leave the room a
/// mentor shows as it is until accepted.
pub(super) fn occupies(pair: &Pair, today: Date) -> bool {
    pair.is_open(today)
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

/// The mentors with room on `today`, each with their room, in the directory's order: by name,
/// then id. Whoever the audience, the same mentors (so the same pages) in every edition.
pub(super) fn with_room(program: &Program, today: Date) -> Vec<(&Person, usize)> {
    // Each mentor's pairs that take their time, counted in one pass over the pairs.
    let mut taken_by: HashMap<&PersonId, usize> = HashMap::new();
    for pair in program.pairs.iter().filter(|p| occupies(p, today)) {
        *taken_by.entry(&pair.file.mentor.value).or_default() += 1;
    }
    let mut listed: Vec<(&Person, usize)> = program
        .people
        .iter()
        .filter(|p| p.roles.contains(&Role::Mentor))
        .filter_map(|p| {
            let capacity = p.profile.as_ref().map_or(1, |pr| pr.capacity());
            let taken = taken_by.get(&p.id.value).copied().unwrap_or(0);
            let room = usize::try_from(capacity)
                .unwrap_or(usize::MAX)
                .checked_sub(taken)?;
            (room > 0).then_some((p, room))
        })
        .collect();
    listed.sort_by(|(a, _), (b, _)| (&a.name, &a.id.value).cmp(&(&b.name, &b.id.value)));
    listed
}

/// The mentors with room on `today`, as `scope`'s audience may see them, in the directory's
/// order: the directory's page `n` (from 1) shows the `n`th [`MENTORS_PER_PAGE`] of them.
pub(super) fn cards<'a>(scope: &Scope<'a>, today: Date) -> Vec<Card<'a>> {
    with_room(scope.program, today)
        .into_iter()
        .map(|(p, room)| card(scope, p, room))
        .collect()
}

/// The page (from 1) of the directory that shows the `i`th (from 0) mentor of [`cards`].
pub(super) fn page_of(i: usize) -> usize {
    i / MENTORS_PER_PAGE + 1
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
            room: room_free(strings, 1, 1),
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
        Some(capacity) => room_free(strings, room, capacity),
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
/// `2 of 3 places free`: the counted word `[mentors] room` in the form `room` takes.
fn room_free(strings: &Strings, room: usize, capacity: impl std::fmt::Display) -> String {
    fill(
        &strings.lang.count(&strings.mentors.room, room as u64),
        &[
            ("room", &room.to_string()),
            ("capacity", &capacity.to_string()),
        ],
    )
}

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

/// The directory as its pages show it, made once for all of them: every page offers the filters of
/// every listed mentor, and at 10,000 pairs some 6,000 mentors have room, on 121 pages.
pub(super) struct Directory {
    /// What the filters offer ([`Filters`]).
    filters: Value,
    /// Each page's cards, from the first page.
    pages: Vec<Value>,
    /// How many mentors are listed.
    total: usize,
}

impl Directory {
    /// The directory of the mentors with room on `today`, as `scope`'s audience may see them.
    pub(super) fn of(scope: &Scope<'_>, today: Date) -> Directory {
        let cards = cards(scope, today);
        Directory {
            filters: Value::from_serializable(&Filters::of(&cards)),
            pages: cards
                .chunks(MENTORS_PER_PAGE)
                .map(Value::from_serializable)
                .collect(),
            total: cards.len(),
        }
    }
}

/// Page `page` (from 1) of `directory`: its title and context: `mentors` (the page's cards),
/// `pager` (where the page is among the others), `range` (which mentors it shows), `filters` (from
/// every page's mentors), `mentors_data` (the path of [`script`]'s file), `requests` (the
/// program's words on how to ask, HTML) and `coordinators` (when there are no such words).
pub(super) fn context(scope: &Scope<'_>, directory: &Directory, page: usize) -> (String, Context) {
    let pager = Pager::of(page, directory.total, MENTORS_PER_PAGE, paths::mentors_page);
    let mut ctx = Context::new();
    ctx.insert_value("filters", directory.filters.clone());
    let on_page = directory.pages.get(page - 1).cloned();
    ctx.insert_value(
        "mentors",
        on_page.unwrap_or_else(|| Value::from(Vec::<Value>::new())),
    );
    let range = fill(
        &scope.strings.mentors.range,
        &[
            ("first", &pager.first.to_string()),
            ("last", &pager.last.to_string()),
            ("total", &pager.total.to_string()),
        ],
    );
    ctx.insert("range", &range);
    ctx.insert("pager", &pager);
    ctx.insert("mentors_data", &paths::MENTORS_DATA);
    ctx.insert("requests", &scope.program.info.requests);
    ctx.insert("coordinators", &scope.coordinators());
    let words = &scope.strings.pages;
    let title = if page == 1 {
        words.mentors.clone()
    } else {
        fill(
            &words.mentors_page,
            &[
                ("page", &page.to_string()),
                ("pages", &pager.pages.to_string()),
            ],
        )
    };
    (title, ctx)
}

/// One listed mentor as the directory's script filters and shows them, as an array, since there
/// are thousands: `[id, name, page, title or null, room, expertise, modes, times, languages]`,
/// the last four lists of ids (the script labels them from the filters' choices). Only what the
/// mentor's section shows the audience: never goals, location, time zone or anything private.
#[derive(Serialize)]
struct Row<'a>(
    &'a str,
    &'a str,
    usize,
    Option<&'a str>,
    &'a str,
    Vec<&'a str>,
    Vec<&'a str>,
    Vec<&'a str>,
    &'a [&'a str],
);

fn ids<'a>(list: &[Choice<'a>]) -> Vec<&'a str> {
    list.iter().map(|c| c.id).collect()
}

/// `mentors/list.js`: `window.mentorbookMentors = {url, rows}`, the rows in the order of the
/// directory's pages and `url` the directory's page `{page}` (the first page for `1`).
pub(super) fn script(scope: &Scope<'_>, today: Date) -> String {
    let url = paths::mentors_page(2).url().replacen('2', "{page}", 1);
    let mut out = String::from(
        "// The mentor directory of this site, made by mentorbook; static/mentors.js reads it.\nwindow.mentorbookMentors = {\"url\":",
    );
    out.push_str(&serde_json::to_string(&url).expect("a string serialises"));
    out.push_str(",\"first\":");
    out.push_str(&serde_json::to_string(&paths::mentors().url()).expect("a string serialises"));
    out.push_str(",\"rows\":[\n");
    for (i, c) in cards(scope, today).iter().enumerate() {
        if i > 0 {
            out.push_str(",\n");
        }
        let row = Row(
            c.id,
            c.name,
            page_of(i),
            c.title,
            &c.room,
            ids(&c.expertise),
            ids(&c.modes),
            ids(&c.times),
            &c.languages,
        );
        out.push_str(&serde_json::to_string(&row).expect("plain data serialises"));
    }
    out.push_str("\n]};\n");
    out
}
