//! One candidate: whether a mentee and a mentor may be paired at all (the hard rules), and if so
//! their score, as a list of reasons whose points add up to it.

use std::collections::HashSet;

use serde::Serialize;

use super::pool::{NEAR_ZONE_MINUTES, Person, Pool, Weights};

/// What a reason is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// The mentee's interests in the mentor's expertise.
    SharedTags,
    /// Meeting modes and times both share.
    Availability,
    /// A language both speak.
    Languages,
    /// Time zones near each other.
    TimeZone,
    /// The mentee asked for this mentor.
    Wishes,
}

/// One reason for a score: its points and a sentence saying why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reason {
    /// What it is about.
    pub kind: Kind,
    /// The points it gives.
    pub points: u32,
    /// Why, in a sentence.
    pub text: String,
}

/// A candidate's score: the sum of its reasons' points.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Score {
    /// The total.
    pub points: u32,
    /// Each part, in a fixed order (tags, availability, languages, time zone, wishes).
    pub reasons: Vec<Reason>,
}

impl Score {
    fn add(&mut self, kind: Kind, points: u32, text: String) {
        if points > 0 {
            self.points += points;
            self.reasons.push(Reason { kind, points, text });
        }
    }
}

/// Why a mentee and a mentor cannot be paired.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Blocked {
    /// They are the same person.
    Themselves,
    /// One of them excludes the other.
    Excluded,
    /// They are, or were, a pair already.
    Paired,
    /// Both name languages, and none in common.
    NoLanguage,
    /// Nothing in common: no reason to propose them.
    NothingShared,
}

/// The pairs that exist, mentor then mentee, to look up quickly.
pub type PairedSet<'a> = HashSet<(&'a str, &'a str)>;

/// The hard rules, then the score: `Err` when the two may not be proposed.
pub fn judge(
    pool: &Pool,
    paired: &PairedSet<'_>,
    weights: &Weights,
    mentee: &Person,
    mentor: &Person,
) -> Result<Score, Blocked> {
    if mentee.id == mentor.id {
        return Err(Blocked::Themselves);
    }
    if mentee.exclusions.contains(&mentor.id) || mentor.exclusions.contains(&mentee.id) {
        return Err(Blocked::Excluded);
    }
    if paired.contains(&(mentor.id.as_str(), mentee.id.as_str())) {
        return Err(Blocked::Paired);
    }
    let languages = common(&mentee.languages, &mentor.languages);
    if languages.is_empty() && !mentee.languages.is_empty() && !mentor.languages.is_empty() {
        return Err(Blocked::NoLanguage);
    }
    let s = score(pool, weights, mentee, mentor);
    if s.points == 0 {
        return Err(Blocked::NothingShared);
    }
    Ok(s)
}

/// What a mentee and a mentor have in common, and the points for it.
pub fn score(pool: &Pool, weights: &Weights, mentee: &Person, mentor: &Person) -> Score {
    let mut s = Score::default();
    let tags = common(&mentee.interests, &mentor.expertise);
    if !tags.is_empty() {
        let labels: Vec<&str> = tags.iter().map(|t| pool.label(t)).collect();
        let text = match tags.len() {
            1 => format!(
                "{}'s expertise covers one of {}'s interests: {}.",
                mentor.name, mentee.name, labels[0]
            ),
            n => format!(
                "{}'s expertise covers {n} of {}'s interests: {}.",
                mentor.name,
                mentee.name,
                and_list(&labels)
            ),
        };
        s.add(
            Kind::SharedTags,
            weights.shared_tags * count(tags.len()),
            text,
        );
    }
    let modes = common(&mentee.modes, &mentor.modes);
    let times = common(&mentee.times, &mentor.times);
    if !modes.is_empty() || !times.is_empty() {
        let words =
            |v: &[&str]| and_list(&v.iter().map(|m| m.replace('_', " ")).collect::<Vec<_>>());
        let text = match (modes.is_empty(), times.is_empty()) {
            (false, false) => format!("Both can meet by {}, on {}.", words(&modes), words(&times)),
            (false, true) => format!("Both can meet by {}.", words(&modes)),
            _ => format!("Both are free on {}.", words(&times)),
        };
        let n = count(modes.len() + times.len());
        s.add(Kind::Availability, weights.availability * n, text);
    }
    let languages = common(&mentee.languages, &mentor.languages);
    if !languages.is_empty() {
        let text = format!("Both speak {}.", and_list(&languages));
        s.add(Kind::Languages, weights.languages, text);
    }
    if let (Some(a), Some(b)) = (&mentee.time_zone, &mentor.time_zone) {
        let apart = a.distance(b);
        if apart <= NEAR_ZONE_MINUTES {
            let text = if a.name == b.name {
                format!("Both are on {} time.", a.name)
            } else if apart == 0 {
                format!("Their clocks agree ({} and {}).", a.name, b.name)
            } else {
                format!(
                    "Their clocks are at most {} apart ({} and {}).",
                    duration(apart),
                    a.name,
                    b.name
                )
            };
            s.add(Kind::TimeZone, weights.time_zone, text);
        }
    }
    if let Some(rank) = mentee.wishes.iter().position(|w| *w == mentor.id) {
        let (points, text) = if rank == 0 {
            (
                weights.wishes * 2,
                format!("{} is {}'s first wish.", mentor.name, mentee.name),
            )
        } else {
            (
                weights.wishes,
                format!(
                    "{} is {}'s wish number {} of {}.",
                    mentor.name,
                    mentee.name,
                    rank + 1,
                    mentee.wishes.len()
                ),
            )
        };
        s.add(Kind::Wishes, points, text);
    }
    s
}

/// What `a` and `b` both hold, in `a`'s order, each once.
fn common<'a>(a: &'a [String], b: &[String]) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for x in a {
        if b.contains(x) && !out.contains(&x.as_str()) {
            out.push(x);
        }
    }
    out
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// `a`, `a and b`, `a, b and c`.
pub(crate) fn and_list<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_owned(),
        [rest @ .., last] => {
            let head: Vec<&str> = rest.iter().map(AsRef::as_ref).collect();
            format!("{} and {}", head.join(", "), last.as_ref())
        }
    }
}

/// 90 minutes as `1 h 30 min`, 120 as `2 hours`.
fn duration(minutes: u32) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} minutes"),
        (1, 0) => "1 hour".to_owned(),
        (h, 0) => format!("{h} hours"),
        (h, m) => format!("{h} h {m} min"),
    }
}
