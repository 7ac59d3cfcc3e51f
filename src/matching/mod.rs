//! Matching: proposals of pairs for the mentees who have none, from what the profiles say.
//!
//! A candidate is a mentee and a mentor with room; the hard rules ([`score::judge`]) decide
//! whether they may be paired at all: not the same person, no exclusion on either side, not a
//! pair already, a shared language when both name languages, and something in common. The score
//! is a list of reasons, each with its points, which add up to it. The proposals are an optimal
//! assignment over the whole pool ([`assign::assign`]), and each comes with its runners-up; each
//! mentee left unmatched comes with why.
//!
//! `pool`, `score`, `assign` and `report` work on their own small types, with no files;
//! `program` fills a [`Pool`] from a loaded program.

pub mod assign;
pub mod pool;
pub mod program;
pub mod report;
pub mod score;

use std::collections::{HashMap, HashSet};

pub use pool::{Existing, Person, Pool, Weights, Zone};
pub use report::{Candidate, Outcome, Proposal, Unmatched, Who};
pub use score::{Blocked, Kind, Reason, Score};

/// How many runners-up a proposal shows.
pub const RUNNERS_UP: usize = 2;

/// Proposes pairs for the mentees of `pool` who have none (no open pair, no proposal), with the
/// points `weights` gives. The same pool gives the same outcome: people are taken in order of id.
pub fn propose(pool: &Pool, weights: &Weights) -> Outcome {
    let mut mentees: Vec<&Person> = pool.mentees.iter().collect();
    mentees.sort_by(|a, b| a.id.cmp(&b.id));
    mentees.dedup_by(|a, b| a.id == b.id);
    let mut mentors: Vec<&Person> = pool.mentors.iter().collect();
    mentors.sort_by(|a, b| a.id.cmp(&b.id));
    mentors.dedup_by(|a, b| a.id == b.id);

    let paired: score::PairedSet<'_> = pool
        .pairs
        .iter()
        .map(|p| (p.mentor.as_str(), p.mentee.as_str()))
        .collect();
    let mut taken: HashMap<&str, u32> = HashMap::new();
    let mut has_pair: HashSet<&str> = HashSet::new();
    for p in pool.pairs.iter().filter(|p| p.open) {
        *taken.entry(p.mentor.as_str()).or_default() += 1;
        has_pair.insert(p.mentee.as_str());
    }
    // Mentors with room, and how much.
    let room: Vec<u32> = mentors
        .iter()
        .map(|m| {
            m.capacity
                .saturating_sub(taken.get(m.id.as_str()).copied().unwrap_or(0))
        })
        .collect();
    let open: Vec<usize> = (0..mentors.len()).filter(|&j| room[j] > 0).collect();

    let waiting: Vec<&Person> = mentees
        .iter()
        .copied()
        .filter(|m| !has_pair.contains(m.id.as_str()))
        .collect();
    let mut outcome = Outcome {
        waiting: waiting.len(),
        already_paired: mentees.len() - waiting.len(),
        mentors_with_room: open.len(),
        ..Outcome::default()
    };

    // Each waiting mentee's candidates (best first, then by id) or why there are none.
    struct Row<'a> {
        mentee: &'a Person,
        candidates: Vec<(usize, Score)>,
        blocked: Vec<Blocked>,
    }
    let rows: Vec<Row<'_>> = waiting
        .iter()
        .map(|&mentee| {
            let mut candidates = Vec::new();
            let mut blocked = Vec::new();
            for &j in &open {
                match score::judge(pool, &paired, weights, mentee, mentors[j]) {
                    Ok(s) => candidates.push((j, s)),
                    Err(b) => blocked.push(b),
                }
            }
            // Mentors are in id order already: a stable sort keeps it among equal scores.
            candidates.sort_by_key(|c| std::cmp::Reverse(c.1.points));
            Row {
                mentee,
                candidates,
                blocked,
            }
        })
        .collect();

    let table: Vec<Vec<(usize, u32)>> = rows
        .iter()
        .map(|r| r.candidates.iter().map(|(j, s)| (*j, s.points)).collect())
        .collect();
    let chosen = assign::assign(&table, &room);

    let who = |p: &Person| Who {
        id: p.id.clone(),
        name: p.name.clone(),
    };
    for (row, pick) in rows.iter().zip(chosen) {
        match pick {
            Some(j) => {
                let score = row
                    .candidates
                    .iter()
                    .find(|(c, _)| *c == j)
                    .map(|(_, s)| s.clone())
                    .unwrap_or_default();
                let runners_up = row
                    .candidates
                    .iter()
                    .filter(|(c, _)| *c != j)
                    .take(RUNNERS_UP)
                    .map(|(c, s)| Candidate {
                        mentor: who(mentors[*c]),
                        score: s.clone(),
                    })
                    .collect();
                outcome.total += u64::from(score.points);
                outcome.proposals.push(Proposal {
                    mentee: who(row.mentee),
                    mentor: who(mentors[j]),
                    score,
                    runners_up,
                });
            }
            None => {
                let reason = if row.candidates.is_empty() {
                    why_none(&row.blocked, mentors.len())
                } else {
                    let names: Vec<&str> = row
                        .candidates
                        .iter()
                        .take(3)
                        .map(|(j, _)| mentors[*j].name.as_str())
                        .collect();
                    let more = row.candidates.len().saturating_sub(names.len());
                    let list = if more > 0 {
                        format!("{} and {more} more", names.join(", "))
                    } else {
                        score::and_list(&names)
                    };
                    format!(
                        "the mentors with room who fit them ({list}) are proposed to other \
                         mentees, which scores more in all"
                    )
                };
                outcome.unmatched.push(Unmatched {
                    mentee: who(row.mentee),
                    reason,
                });
            }
        }
    }
    outcome
}

/// Why no mentor with room may be paired with a mentee, from what blocked each of them.
fn why_none(blocked: &[Blocked], mentors: usize) -> String {
    if blocked.is_empty() {
        return if mentors == 0 {
            "there are no mentors".to_owned()
        } else {
            "no mentor has room: every mentor's capacity is taken".to_owned()
        };
    }
    let n = |b: Blocked| blocked.iter().filter(|&&x| x == b).count();
    if blocked.iter().all(|&b| b == blocked[0]) {
        return match blocked[0] {
            Blocked::Themselves => "the only mentor with room is themselves".to_owned(),
            Blocked::Excluded => {
                "every mentor with room is excluded (an exclusion on either side)".to_owned()
            }
            Blocked::Paired => {
                "every mentor with room has been paired with them already".to_owned()
            }
            Blocked::NoLanguage => "no mentor with room shares a language with them".to_owned(),
            Blocked::NothingShared => "no mentor with room has anything in common with them \
                                       (interests, availability, language, time zone or wishes)"
                .to_owned(),
        };
    }
    let parts: Vec<String> = [
        (Blocked::Excluded, "excluded"),
        (Blocked::Paired, "paired with them already"),
        (Blocked::NoLanguage, "sharing no language"),
        (Blocked::NothingShared, "with nothing in common"),
        (Blocked::Themselves, "themselves"),
    ]
    .into_iter()
    .filter(|(b, _)| n(*b) > 0)
    .map(|(b, what)| format!("{} {what}", n(b)))
    .collect();
    format!(
        "none of the {} mentors with room fits: {}",
        blocked.len(),
        score::and_list(&parts)
    )
}

#[cfg(test)]
mod tests;
