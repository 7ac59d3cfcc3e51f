//! What matching found, and the report that shows it: on a terminal, or as JSON (the same data,
//! in the shape `docs/commands.md` describes).

use std::fmt::Write as _;

use serde::Serialize;

use super::score::Score;

/// What matching found.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Outcome {
    /// The proposed pairs, by mentee id.
    pub proposals: Vec<Proposal>,
    /// The mentees without a pair that no proposal is for, by id, each with why.
    pub unmatched: Vec<Unmatched>,
    /// The sum of the proposals' scores.
    pub total: u64,
    /// Mentees waiting for a pair (no active pair, no proposal).
    pub waiting: usize,
    /// Mentees who have a pair or a proposal already, left alone.
    pub already_paired: usize,
    /// Mentors with room for another mentee, before these proposals.
    pub mentors_with_room: usize,
}

/// One proposed pair.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Proposal {
    /// The mentee.
    pub mentee: Who,
    /// The mentor.
    pub mentor: Who,
    /// Their score and its reasons.
    pub score: Score,
    /// The next best mentors for this mentee (at most two), best first.
    pub runners_up: Vec<Candidate>,
}

/// A mentor considered for a mentee, with their score.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Candidate {
    /// The mentor.
    pub mentor: Who,
    /// Their score and its reasons.
    pub score: Score,
}

/// A mentee left without a proposal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unmatched {
    /// The mentee.
    pub mentee: Who,
    /// Why, in a sentence.
    pub reason: String,
}

/// A person, by id and name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Who {
    /// The id.
    pub id: String,
    /// The name.
    pub name: String,
}

impl std::fmt::Display for Who {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({})", self.name, self.id)
    }
}

impl Outcome {
    /// The report for a terminal: each proposal with its reasons and runners-up, the mentees left
    /// unmatched and why, and a summary line.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for (n, p) in self.proposals.iter().enumerate() {
            let _ = writeln!(
                out,
                "{}. {} with mentor {}: {} points",
                n + 1,
                p.mentee,
                p.mentor,
                p.score.points
            );
            for r in &p.score.reasons {
                let _ = writeln!(out, "   +{:<3} {}", r.points, r.text);
            }
            if p.runners_up.is_empty() {
                let _ = writeln!(out, "   runners-up: none (no other mentor with room fits)");
            } else {
                let list: Vec<String> = p
                    .runners_up
                    .iter()
                    .map(|c| format!("{}, {} points", c.mentor, c.score.points))
                    .collect();
                let _ = writeln!(out, "   runners-up: {}", list.join("; "));
            }
            out.push('\n');
        }
        if !self.unmatched.is_empty() {
            let _ = writeln!(out, "Left unmatched:");
            for u in &self.unmatched {
                let _ = writeln!(out, "   {}: {}", u.mentee, u.reason);
            }
            out.push('\n');
        }
        let _ = writeln!(
            out,
            "{} for {} waiting ({} points in all); {} unmatched; {} with a pair already; {} with room",
            crate::report::plural(self.proposals.len(), "proposal", "proposals"),
            crate::report::plural(self.waiting, "mentee", "mentees"),
            self.total,
            self.unmatched.len(),
            self.already_paired,
            crate::report::plural(self.mentors_with_room, "mentor", "mentors"),
        );
        out
    }
}
