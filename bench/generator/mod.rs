//! Generates realistic mentorbook programs of any size, deterministically from a seed, and the
//! equivalent Hugo site, for the benchmarks (`bench/run.sh`, `benches/pipeline.rs`).
//!
//! Shared by `examples/generate/main.rs` and `benches/pipeline.rs` through `#[path]`, so it uses
//! only crates mentorbook already depends on.
//!
//! A program of N pairs has N mentees, about 0.9 N mentors (some mentor two pairs), three
//! coordinators, the bundled phases and guide, and one file a pair with 3 to 5 SMART goals, an
//! agreement, 4 to 30 meetings with private notes, checklist progress and evaluations. Pairs are
//! spread over the four phases; every date is consistent with the pair's phase and none is after
//! [`TODAY`]. Mentors and mentees have profiles (tags from the program's list [`text::TAGS`], a
//! mentor's capacity of 1 to 3, meeting modes and times, languages), drawn from a stream of their
//! own so the rest is as it was before them: the mentors with room fill the mentor directory.

#![allow(dead_code)]

pub mod hugo;
pub mod rng;
pub mod source;
pub mod text;
pub mod yaml;

use std::collections::{HashMap, HashSet};
use std::io;
use std::path::{Path, PathBuf};

use jiff::civil::Date;

use rng::Rng;
use source::Sources;
use text::Vars;

/// The fixed "today" of every generated program: no date is after it.
pub const TODAY: Date = jiff::civil::date(2026, 11, 23);

/// The default seed.
pub const DEFAULT_SEED: u64 = 7;

/// What to generate.
#[derive(Debug, Clone)]
pub struct Options {
    /// How many pairs.
    pub pairs: usize,
    /// The seed: the same seed and size give the same files, byte for byte.
    pub seed: u64,
    /// The program folder whose phases, guide and theme CSS are copied (the repository root).
    pub source: PathBuf,
    /// Write people as `content/people/<id>.yaml` (true) or one `content/people.yaml` (false).
    pub people_folder: bool,
}

impl Options {
    /// `pairs` pairs with the default seed, copying the bundled program of this repository.
    pub fn new(pairs: usize) -> Self {
        Options {
            pairs,
            seed: DEFAULT_SEED,
            source: PathBuf::from(env!("CARGO_MANIFEST_DIR")),
            people_folder: true,
        }
    }
}

/// A role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Mentor,
    Mentee,
    Coordinator,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Mentor => "mentor",
            Role::Mentee => "mentee",
            Role::Coordinator => "coordinator",
        }
    }
}

/// A person.
#[derive(Debug, Clone)]
pub struct Person {
    pub id: String,
    pub name: String,
    pub first: String,
    pub roles: Vec<Role>,
    pub title: String,
    pub bio: String,
    pub email: String,
    pub phone: String,
    pub contact_notes: Option<String>,
    /// What the mentor directory and matching read (see docs/format.md, `profile`).
    pub profile: Option<Profile>,
}

/// A person's profile: a mentor's `expertise` and `capacity`, a mentee's `interests`, and
/// everyone's availability and languages. Tags are ids of [`text::TAGS`].
#[derive(Debug, Clone, Default)]
pub struct Profile {
    pub expertise: Vec<&'static str>,
    pub interests: Vec<&'static str>,
    /// Mentors only.
    pub capacity: Option<u32>,
    pub modes: Vec<&'static str>,
    pub times: Vec<&'static str>,
    pub languages: Vec<&'static str>,
}

/// The meeting modes of a profile, in the order docs/format.md gives them.
pub const MODES: &[&str] = &["in_person", "video", "phone"];
/// The meeting times of a profile.
pub const TIMES: &[&str] = &[
    "weekday_mornings",
    "weekday_afternoons",
    "weekday_evenings",
    "weekends",
];
/// The languages profiles speak besides English (ISO 639-1).
pub const LANGUAGES: &[&str] = &["cy", "es", "fr", "de", "pl", "pt", "hi", "ur"];

/// `n` distinct elements of `xs`, in their order there.
fn some_of(rng: &mut Rng, xs: &[&'static str], lo: usize, hi: usize) -> Vec<&'static str> {
    let n = rng_count(rng, lo, hi.min(xs.len()));
    rng.sample(xs.len(), n).into_iter().map(|i| xs[i]).collect()
}

/// The profile of `person`, the `i`th in id order, from its own stream of `seed`: so it draws
/// nothing from the streams of the people and pairs, which stay as they were before profiles.
fn profile(seed: u64, i: usize, person: &Person) -> Profile {
    let mut rng = Rng::derive(seed, 3, i as u64);
    let rng = &mut rng;
    let tags: Vec<&'static str> = text::TAGS.iter().map(|(id, _)| *id).collect();
    let mentor = person.roles.contains(&Role::Mentor);
    let mentee = person.roles.contains(&Role::Mentee);
    let mut languages = vec!["en"];
    if rng.chance(20) {
        languages.extend(some_of(rng, LANGUAGES, 1, 2));
    }
    Profile {
        expertise: if mentor {
            some_of(rng, &tags, 1, 4)
        } else {
            Vec::new()
        },
        interests: if mentee || rng.chance(30) {
            some_of(rng, &tags, 1, 3)
        } else {
            Vec::new()
        },
        capacity: mentor.then(|| *rng.pick(&[1, 1, 2, 2, 2, 3])),
        modes: some_of(rng, MODES, 1, 3),
        times: some_of(rng, TIMES, 1, 3),
        languages,
    }
}

/// Where a goal stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    NotStarted,
    InProgress,
    Achieved,
    Dropped,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::NotStarted => "not_started",
            Status::InProgress => "in_progress",
            Status::Achieved => "achieved",
            Status::Dropped => "dropped",
        }
    }

    pub fn human(self) -> &'static str {
        match self {
            Status::NotStarted => "Not started",
            Status::InProgress => "In progress",
            Status::Achieved => "Achieved",
            Status::Dropped => "Dropped",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Milestone {
    pub title: String,
    pub due: Date,
    pub done: Option<Date>,
}

#[derive(Debug, Clone)]
pub struct Goal {
    pub id: String,
    pub title: String,
    pub specific: String,
    pub measurable: String,
    pub achievable: String,
    pub relevant: String,
    pub time_bound: Date,
    pub status: Status,
    pub milestones: Vec<Milestone>,
}

#[derive(Debug, Clone)]
pub struct Agreement {
    pub expectations: String,
    pub boundaries: String,
    pub confidentiality: String,
    pub ethics: String,
    pub channel: String,
    pub response_time: String,
    pub between_meetings: String,
    pub frequency: &'static str,
    pub place: String,
    pub duration: String,
    pub conflict_resolution: String,
    pub end_point: String,
    /// Mentor's and mentee's signature dates.
    pub signed: Option<(Date, Date)>,
}

#[derive(Debug, Clone)]
pub struct FirstMeeting {
    pub date: Date,
    pub place: String,
    pub notes: String,
}

#[derive(Debug, Clone)]
pub struct Meeting {
    pub date: Date,
    pub title: Option<String>,
    pub agenda: Vec<String>,
    pub follow_ups: Vec<String>,
    pub notes: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Evaluation {
    pub date: Date,
    /// A person index.
    pub by: Option<usize>,
    pub rating: Option<u8>,
    pub summary: Option<String>,
    pub notes: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Closure {
    pub date: Date,
    pub renewed: bool,
    pub summary: String,
    /// Goal indices.
    pub goals_reached: Vec<usize>,
    pub next_steps: String,
    pub reflection: String,
}

/// A checklist item marked done.
#[derive(Debug, Clone)]
pub struct Done {
    /// The item's index in its phase's checklist.
    pub item: usize,
    pub date: Date,
    /// A person index.
    pub by: Option<usize>,
    pub comment: Option<String>,
    /// Written as a map (`done:`, `by:`, `comment:`) rather than just the date.
    pub long: bool,
}

/// A pair.
#[derive(Debug, Clone)]
pub struct Pair {
    pub id: String,
    /// Person indices.
    pub mentor: usize,
    pub mentee: usize,
    pub start: Date,
    pub end: Date,
    /// Whether `end` is written (otherwise it is start plus the program's default length).
    pub end_written: bool,
    pub months: u32,
    /// The current phase, 0 to 3, as mentorbook derives it from the checklist.
    pub phase: usize,
    pub relationship_type: String,
    pub mentee_reflection: String,
    pub mentor_reflection: String,
    pub first_meeting: FirstMeeting,
    pub vision: String,
    pub goals: Vec<Goal>,
    pub agreement: Agreement,
    pub meetings: Vec<Meeting>,
    pub evaluations: Vec<Evaluation>,
    pub closure: Option<Closure>,
    /// Done items per phase, in checklist order.
    pub progress: [Vec<Done>; 4],
    pub concerns: Option<String>,
}

/// A whole generated program.
#[derive(Debug, Clone)]
pub struct World {
    pub title: String,
    pub program_name: String,
    pub organisation: String,
    pub description: String,
    pub default_length_months: u32,
    /// Person indices.
    pub coordinators: Vec<usize>,
    /// Sorted by id.
    pub people: Vec<Person>,
    /// Sorted by id.
    pub pairs: Vec<Pair>,
    pub sources: Sources,
}

const PROGRAM_DESCRIPTION: &str = "\
The Northbridge Mentoring Program pairs experienced vets and nurses with colleagues who are early
in their careers, new to the group, or taking on a new role. A relationship usually lasts
**twelve months**, and pairs meet about once a month.

Every pair works through the same four phases: **initiation**, **negotiation**, **enabling** and
**closure**. The handbook explains each phase, and each pair has its own pages showing where it is.

Meeting notes, personal reflections and concerns stay private to the pair: they are never
published here.";

fn add_days(d: Date, days: i64) -> Date {
    d.checked_add(jiff::Span::new().days(days))
        .expect("dates stay in range")
}

/// `d` plus `months`, clamped to the month's end, as mentorbook derives a pair's end.
pub fn plus_months(d: Date, months: u32) -> Date {
    d.checked_add(jiff::Span::new().months(i64::from(months)))
        .expect("dates stay in range")
}

fn days_between(a: Date, b: Date) -> i64 {
    i64::from((b - a).get_days())
}

/// Sorted random day offsets in `lo..=hi`, `n` of them.
fn spread(rng: &mut Rng, n: usize, lo: i64, hi: i64) -> Vec<i64> {
    let mut v: Vec<i64> = (0..n).map(|_| rng.between(lo, hi.max(lo))).collect();
    v.sort_unstable();
    v
}

impl World {
    /// Generates the program described by `opts`.
    pub fn generate(opts: &Options) -> io::Result<World> {
        let sources = Sources::read(&opts.source)?;
        Ok(World::with_sources(opts, sources))
    }

    /// Generates the program with already-read `sources`.
    pub fn with_sources(opts: &Options, sources: Sources) -> World {
        let mut people_rng = Rng::derive(opts.seed, 1, 0);
        let mut names = Names::default();
        let mut people: Vec<Person> = Vec::with_capacity(opts.pairs * 2 + 3);
        for (i, title) in text::COORDINATOR_TITLES.iter().enumerate() {
            let mut p = names.person(&mut people_rng, Role::Coordinator, title);
            if i == 2 {
                p.roles.push(Role::Mentor);
            }
            people.push(p);
        }
        let coordinators: Vec<usize> = (0..people.len()).collect();

        // Mentees are new people; a mentor is new too, or (about one pair in ten) someone who
        // mentors a first pair already.
        let mut with_one_mentee: Vec<usize> = vec![2];
        let mut matches = Vec::with_capacity(opts.pairs);
        for _ in 0..opts.pairs {
            let mentor = if !with_one_mentee.is_empty()
                && (people_rng.chance(12) || with_one_mentee == [2])
            {
                let k = people_rng.below(with_one_mentee.len());
                with_one_mentee.swap_remove(k)
            } else {
                let title = people_rng.pick(text::MENTOR_TITLES);
                people.push(names.person(&mut people_rng, Role::Mentor, title));
                with_one_mentee.push(people.len() - 1);
                people.len() - 1
            };
            let title = people_rng.pick(text::MENTEE_TITLES);
            people.push(names.person(&mut people_rng, Role::Mentee, title));
            matches.push((mentor, people.len() - 1));
        }

        let mut ids = HashSet::new();
        let mut pairs: Vec<Pair> = matches
            .iter()
            .enumerate()
            .map(|(i, &(mentor, mentee))| {
                let mut id = format!("{}-{}", people[mentor].id, people[mentee].id);
                while !ids.insert(id.clone()) {
                    id.push_str("-2");
                }
                let mut rng = Rng::derive(opts.seed, 2, i as u64);
                PairGen {
                    rng: &mut rng,
                    people: &people,
                    sources: &sources,
                    coordinators: &coordinators,
                }
                .pair(id, mentor, mentee)
            })
            .collect();

        // Sort people by id, as mentorbook does, and renumber the references.
        let mut order: Vec<usize> = (0..people.len()).collect();
        order.sort_by(|&a, &b| people[a].id.cmp(&people[b].id));
        let mut new_index = vec![0; people.len()];
        for (new, &old) in order.iter().enumerate() {
            new_index[old] = new;
        }
        let people: Vec<Person> = order.iter().map(|&i| people[i].clone()).collect();
        let renumber = |i: &mut usize| *i = new_index[*i];
        for pair in &mut pairs {
            renumber(&mut pair.mentor);
            renumber(&mut pair.mentee);
            for e in &mut pair.evaluations {
                if let Some(b) = e.by.as_mut() {
                    renumber(b);
                }
            }
            for phase in &mut pair.progress {
                for d in phase {
                    if let Some(b) = d.by.as_mut() {
                        renumber(b);
                    }
                }
            }
        }
        let coordinators = coordinators.iter().map(|&c| new_index[c]).collect();
        pairs.sort_by(|a, b| a.id.cmp(&b.id));
        // Mentors and mentees have profiles; the coordinators who only coordinate, none.
        let people: Vec<Person> = people
            .into_iter()
            .enumerate()
            .map(|(i, mut p)| {
                if p.roles.iter().any(|r| *r != Role::Coordinator) {
                    p.profile = Some(profile(opts.seed, i, &p));
                }
                p
            })
            .collect();

        World {
            title: "Northbridge Mentoring Handbook".into(),
            program_name: "Northbridge Mentoring Program".into(),
            organisation: "Northbridge Veterinary Group".into(),
            description: PROGRAM_DESCRIPTION.into(),
            default_length_months: 12,
            coordinators,
            people,
            pairs,
            sources,
        }
    }
}

/// Unique person ids from random names.
#[derive(Default)]
struct Names {
    used: HashMap<String, u32>,
}

impl Names {
    fn person(&mut self, rng: &mut Rng, role: Role, title: &str) -> Person {
        let first = *rng.pick(text::FIRST_NAMES);
        let last = *rng.pick(text::LAST_NAMES);
        let name = format!("{first} {last}");
        let base = text::slug(&name);
        let n = self.used.entry(base.clone()).or_insert(0);
        *n += 1;
        let id = if *n == 1 { base } else { format!("{base}-{n}") };
        let doctor = role != Role::Coordinator && !title.contains("nurse") && rng.chance(60);
        let display = if doctor {
            format!("Dr. {name}")
        } else {
            name.clone()
        };
        let area = *rng.pick(text::AREAS);
        let clinic = *rng.pick(text::CLINICS);
        let years = rng.between(2, 25).to_string();
        let year = rng.between(2000, 2025).to_string();
        let bio: Vec<String> = text::sentences(
            rng,
            text::BIO,
            1,
            3,
            &Vars {
                mentor: first,
                mentee: first,
                area,
                clinic,
                months: 12,
            },
        )
        .into_iter()
        .map(|s| {
            s.replace("{first}", first)
                .replace("{years}", &years)
                .replace("{year}", &year)
        })
        .collect();
        let title = if rng.chance(50) {
            format!("{title}, {clinic}")
        } else {
            title.to_owned()
        };
        Person {
            email: format!("{id}@example.org"),
            phone: format!("+44 20 7946 {:04}", rng.below(10_000)),
            contact_notes: rng
                .chance(30)
                .then(|| format!("Works at {clinic}; prefers email before 10 am.")),
            profile: None,
            id,
            name: display,
            first: first.to_owned(),
            roles: vec![role],
            title,
            bio: text::wrap(&bio.join(" "), 96),
        }
    }
}

fn rng_count(rng: &mut Rng, lo: usize, hi: usize) -> usize {
    rng.between(lo as i64, hi as i64) as usize
}

/// Generates one pair.
struct PairGen<'a> {
    rng: &'a mut Rng,
    people: &'a [Person],
    sources: &'a Sources,
    coordinators: &'a [usize],
}

impl PairGen<'_> {
    fn pair(&mut self, id: String, mentor: usize, mentee: usize) -> Pair {
        let rng = &mut *self.rng;
        let area = *rng.pick(text::AREAS);
        let clinic = *rng.pick(text::CLINICS);
        let months = *rng.pick(&[12u32, 12, 12, 12, 6, 9, 18]);
        let v = Vars {
            mentor: &self.people[mentor].first,
            mentee: &self.people[mentee].first,
            area,
            clinic,
            months,
        };
        let lens: Vec<usize> = self
            .sources
            .phases
            .iter()
            .map(|p| p.file.checklist.len())
            .collect();

        // Day offsets from the start: the phases' windows. Initiation begins before the start.
        let l = i64::from(months) * 30 - 3;
        let d1 = rng.between(21, 42);
        let d2 = d1 + rng.between(28, 56);
        let d3 = l - rng.between(14, 35);
        let d4 = l + rng.between(0, 21);
        let windows = [(-21, d1 - 1), (d1, d2 - 1), (d2, d3 - 1), (d3, d4)];
        let roll = rng.below(100);
        let (phase, complete) = match roll {
            0..15 => (0, false),
            15..30 => (1, false),
            30..70 => (2, false),
            70..80 => (3, false),
            _ => (3, true),
        };
        // Days since the start, today.
        let x = match (phase, complete) {
            (0, _) => rng.between(14, d1 - 1),
            (3, true) => rng.between(d4 + 1, d4 + 730),
            (p, _) => rng.between(windows[p].0, windows[p].1 - 1),
        };
        let start = add_days(TODAY, -x);
        let end = plus_months(start, months);
        let at = |d: i64| add_days(start, d);

        // Meetings: from the first meeting (the start) to today or the end, at the agreed cadence.
        let (frequency, cadence) = *rng.pick(&[
            ("monthly", 30),
            ("monthly", 30),
            ("fortnightly", 14),
            ("fortnightly", 14),
            ("weekly", 7),
            ("quarterly", 91),
        ]);
        let span = x.min(days_between(start, end));
        let count = (span / cadence + rng.between(-1, 2))
            .clamp(4, 30)
            .min(span / 3) as usize;
        let mut meetings = Vec::with_capacity(count);
        for j in 0..count {
            let pos = j as i64 * span / count as i64;
            let next = (j as i64 + 1) * span / count as i64;
            let day = if j == 0 {
                0
            } else {
                pos + rng.between(0, ((next - pos) / 2 - 1).max(0))
            };
            let title = if j == 0 {
                Some("First meeting".to_owned())
            } else if rng.chance(50) {
                Some((*rng.pick(text::MEETING_TITLES)).to_owned())
            } else {
                None
            };
            let agenda = text::sentences(rng, text::AGENDA, 2, 4, &v);
            let follow_ups = text::sentences(rng, text::FOLLOW_UPS, 1, 3, &v);
            let notes = rng
                .chance(85)
                .then(|| text::paragraphs(rng, text::NOTES, 2, 3, &v));
            meetings.push(Meeting {
                date: at(day),
                title,
                agenda,
                follow_ups,
                notes,
            });
        }

        // Checklist progress: earlier phases done, the current one partly (or all, at closure).
        let fm = self.sources.phases[0]
            .file
            .checklist
            .iter()
            .position(|i| i.id == "first-meeting");
        let mut progress: [Vec<Done>; 4] = Default::default();
        let by_pick = |rng: &mut Rng| match rng.below(10) {
            0..3 => None,
            3..6 => Some(mentor),
            6..9 => Some(mentee),
            _ => Some(*rng.pick(self.coordinators)),
        };
        for (p, &n) in lens.iter().enumerate() {
            if p > phase {
                break;
            }
            let items: Vec<usize> = if p < phase || complete {
                (0..n).collect()
            } else {
                let min = if p == 0 { fm.map_or(1, |f| f + 1) } else { 0 };
                let k = rng_count(rng, min.min(n.saturating_sub(1)), n.saturating_sub(1));
                if p == 0 {
                    // Initiation goes mostly in order: the first meeting has happened.
                    let mut v: Vec<usize> = (0..min.min(n)).collect();
                    let rest = rng.sample(n - min.min(n), k.saturating_sub(min));
                    v.extend(rest.into_iter().map(|i| i + min));
                    v
                } else {
                    rng.sample(n, k)
                }
            };
            let (lo, hi) = windows[p];
            let hi = hi.min(x);
            let days: Vec<i64> = if p == 0 {
                let before = fm.unwrap_or(0);
                items
                    .iter()
                    .map(|&i| {
                        if Some(i) == fm {
                            0
                        } else if i < before {
                            lo + (i as i64) * (-lo) / before.max(1) as i64
                        } else {
                            i64::MIN // filled below
                        }
                    })
                    .collect()
            } else {
                spread(rng, items.len(), lo, hi)
            };
            let mut days = days;
            if p == 0 {
                let after: Vec<usize> = (0..items.len()).filter(|&k| days[k] == i64::MIN).collect();
                let fill = spread(rng, after.len(), 0, hi.max(0));
                for (k, d) in after.into_iter().zip(fill) {
                    days[k] = d;
                }
            }
            for (&item, &day) in items.iter().zip(&days) {
                let long = rng.chance(25);
                let by = if long { by_pick(rng) } else { None };
                let comment = (long && rng.chance(60)).then(|| (*rng.pick(text::COMMENTS)).into());
                progress[p].push(Done {
                    item,
                    date: at(day),
                    by,
                    comment,
                    long,
                });
            }
        }
        let done_date = |p: usize, id: &str| {
            let i = self.sources.phases[p]
                .file
                .checklist
                .iter()
                .position(|it| it.id == id)?;
            progress[p].iter().find(|d| d.item == i).map(|d| d.date)
        };

        // Goals.
        let n_goals = rng_count(rng, 3, 5);
        let mut goals = Vec::with_capacity(n_goals);
        for g in rng.sample(text::GOALS.len(), n_goals) {
            let (gid, title, s, m, a, r, steps) = text::GOALS[g];
            let deadline = rng.between(d2 + 60, l);
            let n_ms = rng_count(rng, 2, 3);
            let mut milestones = Vec::with_capacity(n_ms);
            for (k, step) in steps.iter().take(n_ms).enumerate() {
                let due = d2 + (deadline - d2) * (k as i64 + 1) / n_ms as i64;
                let done = (phase >= 2 && due <= x && rng.chance(85))
                    .then(|| (due - rng.between(0, 20)).clamp(d2, x));
                milestones.push((step, due, done));
            }
            let mut status = if phase < 2 {
                Status::NotStarted
            } else if milestones.iter().any(|m| m.2.is_some()) || x > d2 + 14 {
                Status::InProgress
            } else {
                Status::NotStarted
            };
            if phase >= 2 && deadline <= x {
                status = match rng.below(10) {
                    0 => Status::Dropped,
                    1 => Status::InProgress,
                    _ => {
                        for m in &mut milestones {
                            m.2 = m.2.or(Some(m.1.min(x)));
                        }
                        Status::Achieved
                    }
                };
            }
            goals.push(Goal {
                id: gid.into(),
                title: title.into(),
                specific: text::fill(s, &v),
                measurable: text::fill(m, &v),
                achievable: text::fill(a, &v),
                relevant: text::fill(r, &v),
                time_bound: at(deadline),
                status,
                milestones: milestones
                    .into_iter()
                    .map(|(t, due, done)| Milestone {
                        title: (*t).into(),
                        due: at(due),
                        done: done.map(at),
                    })
                    .collect(),
            });
        }

        let signed = done_date(1, "partnership-agreement")
            .or_else(|| (phase > 1).then(|| at(d2 - 1)))
            .map(|d| (d, d));
        let pick = |rng: &mut Rng, pool: &[&str]| text::fill(rng.pick::<&str>(pool), &v);
        let agreement = Agreement {
            expectations: pick(rng, text::EXPECTATIONS),
            boundaries: text::wrap(&pick(rng, text::BOUNDARIES), 96),
            confidentiality: text::wrap(&pick(rng, text::CONFIDENTIALITY), 96),
            ethics: text::wrap(&pick(rng, text::ETHICS), 96),
            channel: pick(rng, text::CHANNELS),
            response_time: pick(rng, text::RESPONSE_TIMES),
            between_meetings: pick(rng, text::BETWEEN_MEETINGS),
            frequency,
            place: pick(rng, text::PLACES),
            duration: pick(rng, text::DURATIONS),
            conflict_resolution: text::wrap(&pick(rng, text::CONFLICT_RESOLUTION), 96),
            end_point: pick(rng, text::END_POINT),
            signed,
        };

        // Evaluations, between two weeks in and today (or the end).
        let n_eval = match phase {
            0 | 1 => 1,
            2 => rng_count(rng, 1, 3),
            _ => rng_count(rng, 2, 4),
        };
        let eval_days = spread(rng, n_eval, 7.min(span), span);
        let evaluations = eval_days
            .into_iter()
            .map(|d| Evaluation {
                date: at(d),
                by: match rng.below(10) {
                    0..5 => Some(mentee),
                    5..9 => Some(mentor),
                    _ => Some(*rng.pick(self.coordinators)),
                },
                rating: rng.chance(80).then(|| rng.between(3, 5) as u8),
                summary: rng
                    .chance(90)
                    .then(|| (*rng.pick(text::EVALUATION_SUMMARIES)).into()),
                notes: rng
                    .chance(70)
                    .then(|| text::paragraphs(rng, text::NOTES, 1, 2, &v)),
            })
            .collect();

        let mut end_written = months != 12 || rng.chance(10);
        let mut end = end;
        let closure = complete.then(|| {
            let date = at(d4);
            let renewed = rng.chance(10);
            if renewed {
                end_written = true;
                end = plus_months(date, 12);
            }
            Closure {
                date,
                renewed,
                summary: text::paragraphs(rng, text::CLOSURE_SUMMARY, 1, 1, &v),
                goals_reached: goals
                    .iter()
                    .enumerate()
                    .filter(|(_, g)| g.status == Status::Achieved)
                    .map(|(i, _)| i)
                    .collect(),
                next_steps: text::sentences(rng, text::NEXT_STEPS, 1, 2, &v).join(" "),
                reflection: text::paragraphs(rng, text::CLOSURE_REFLECTION, 1, 1, &v),
            }
        });

        Pair {
            id,
            mentor,
            mentee,
            start,
            end,
            end_written,
            months,
            phase,
            relationship_type: (*rng.pick(text::RELATIONSHIP_TYPES)).into(),
            mentee_reflection: text::paragraphs(rng, text::MENTEE_REFLECTION, 2, 2, &v),
            mentor_reflection: text::paragraphs(rng, text::MENTOR_REFLECTION, 1, 1, &v),
            first_meeting: FirstMeeting {
                date: start,
                place: pick(rng, text::PLACES),
                notes: text::paragraphs(rng, text::NOTES, 1, 2, &v),
            },
            vision: text::wrap(&pick(rng, text::VISION), 96),
            goals,
            agreement,
            meetings,
            evaluations,
            closure,
            progress,
            concerns: rng
                .chance(30)
                .then(|| text::paragraphs(rng, text::CONCERNS, 1, 1, &v)),
        }
    }
}

/// Refuses to write into `dir` unless it is missing, empty, or was written by this generator
/// (it holds `marker`); then empties it.
pub fn prepare_dir(dir: &Path, marker: &str) -> io::Result<()> {
    if dir.exists() {
        let mut entries = std::fs::read_dir(dir)?;
        let empty = entries.next().is_none();
        if !empty {
            if !dir.join(marker).is_file() {
                return Err(io::Error::new(
                    io::ErrorKind::AlreadyExists,
                    format!(
                        "{} is not empty and was not written by this generator (no {marker}): \
                         choose another folder or remove it yourself",
                        dir.display()
                    ),
                ));
            }
            std::fs::remove_dir_all(dir)?;
        }
    }
    std::fs::create_dir_all(dir)?;
    std::fs::write(
        dir.join(marker),
        "Written by `cargo run --release --example generate`; regenerated on every run.\n",
    )
}

/// Writes `text` to `root/rel`, creating folders.
pub fn write(root: &Path, rel: &str, text: impl AsRef<[u8]>) -> io::Result<usize> {
    let path = root.join(rel);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let bytes = text.as_ref();
    std::fs::write(&path, bytes)?;
    Ok(bytes.len())
}

/// How much was written.
#[derive(Debug, Default, Clone, Copy)]
pub struct Written {
    pub files: usize,
    pub bytes: usize,
}

impl Written {
    pub fn add(&mut self, bytes: usize) {
        self.files += 1;
        self.bytes += bytes;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn world(pairs: usize, seed: u64) -> World {
        World::generate(&Options {
            seed,
            ..Options::new(pairs)
        })
        .expect("the bundled phases and guide load")
    }

    #[test]
    fn dates_and_progress_are_consistent_with_the_phase() {
        let w = world(300, 11);
        let mut per_phase = [0; 4];
        for pair in &w.pairs {
            per_phase[pair.phase] += 1;
            assert!(pair.start <= TODAY && pair.start < pair.end, "{}", pair.id);
            assert!((3..=5).contains(&pair.goals.len()), "{}", pair.id);
            assert!((4..=30).contains(&pair.meetings.len()), "{}", pair.id);
            assert!(!pair.evaluations.is_empty(), "{}", pair.id);
            let mut last = None;
            for m in &pair.meetings {
                assert!(m.date >= pair.start && m.date <= pair.end && m.date <= TODAY);
                assert!(last < Some(m.date), "meetings in order: {}", pair.id);
                last = Some(m.date);
            }
            for e in &pair.evaluations {
                assert!(e.date >= pair.start && e.date <= TODAY, "{}", pair.id);
            }
            for g in &pair.goals {
                for m in &g.milestones {
                    assert!(m.done.is_none_or(|d| d >= pair.start && d <= TODAY));
                }
            }
            // The phase mentorbook derives: the first with an open item, closure when all done.
            let open =
                (0..4).find(|&p| pair.progress[p].len() < w.sources.phases[p].file.checklist.len());
            assert_eq!(open.unwrap_or(3), pair.phase, "{}", pair.id);
            // Earlier phases are done before later ones start, and no date is after today.
            let mut last = None;
            for done in &pair.progress {
                for d in done {
                    assert!(d.date <= TODAY, "{}", pair.id);
                    assert!(last <= Some(d.date), "progress in order: {}", pair.id);
                    last = Some(d.date);
                }
            }
            assert_eq!(pair.closure.is_some(), pair.progress[3].len() == 8);
        }
        assert!(per_phase.iter().all(|&n| n > 20), "{per_phase:?}");
    }

    #[test]
    fn the_same_seed_gives_the_same_program() {
        let a = world(40, 3);
        let b = world(40, 3);
        let c = world(40, 4);
        let text = |w: &World| {
            w.pairs
                .iter()
                .map(|p| yaml::pair_yaml(w, p))
                .collect::<String>()
        };
        assert_eq!(text(&a), text(&b));
        assert_ne!(text(&a), text(&c));
    }

    #[test]
    fn mentors_and_mentees_have_profiles_from_the_tag_list() {
        let w = world(200, 5);
        let tags: HashSet<&str> = text::TAGS.iter().map(|(id, _)| *id).collect();
        let mut with_room = 0;
        for p in &w.people {
            let Some(pr) = &p.profile else {
                assert_eq!(p.roles, [Role::Coordinator], "{}", p.id);
                continue;
            };
            let mentor = p.roles.contains(&Role::Mentor);
            assert_eq!(!pr.expertise.is_empty(), mentor, "{}", p.id);
            assert_eq!(pr.capacity.is_some(), mentor, "{}", p.id);
            for t in pr.expertise.iter().chain(&pr.interests) {
                assert!(tags.contains(t), "{t}");
            }
            assert!(!pr.modes.is_empty() && !pr.times.is_empty());
            assert_eq!(pr.languages[0], "en");
            if mentor {
                let i = w.people.iter().position(|q| q.id == p.id).unwrap();
                let pairs = w.pairs.iter().filter(|x| x.mentor == i).count();
                with_room += usize::from(pr.capacity.unwrap() as usize > pairs);
            }
        }
        // Enough mentors have room for the directory to have many of them.
        assert!(with_room > 50, "{with_room}");
        // The same seed gives the same profiles.
        let again = world(200, 5);
        let text = |w: &World| {
            w.people
                .iter()
                .map(|p| format!("{:?}", p.profile))
                .collect::<String>()
        };
        assert_eq!(text(&w), text(&again));
    }

    #[test]
    fn a_generated_program_passes_mentorbook_check() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("program");
        for people_folder in [true, false] {
            let opts = Options {
                people_folder,
                ..Options::new(60)
            };
            let w = World::generate(&opts).unwrap();
            yaml::write_program(&w, &root, people_folder).unwrap();
            let (program, problems) = mentorbook::load_program(&root);
            // `check` passes: no errors. Warnings are allowed, as in a real program: the SMART goal
            // and closure lints, some of which depend on the date the test runs.
            let errors: Vec<_> = problems
                .iter()
                .filter(|p| p.severity == mentorbook::diagnostic::Severity::Error)
                .collect();
            assert!(errors.is_empty(), "{errors:?}");
            let program = program.expect("the program loads");
            assert_eq!(program.pairs.len(), 60);
            for (ours, theirs) in w.pairs.iter().zip(&program.pairs) {
                assert_eq!(ours.id, theirs.id.as_str());
                assert_eq!(ours.phase, theirs.phase.index(), "{}", ours.id);
                assert_eq!(ours.end.to_string(), theirs.end.to_string(), "{}", ours.id);
            }
        }
    }
}
