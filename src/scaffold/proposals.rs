//! `mentorbook match --write`: one pair file a proposal, as `mentorbook new pair` writes them, with
//! `status: proposed` and the reasons in a comment at the top. Never overwrites a file.

use std::path::{Path, PathBuf};

use super::new::{self, Error, NewPair};
use crate::matching::Proposal;
use crate::model::{Date, PairId, PersonId, Program};

/// What became of one proposal.
#[derive(Debug)]
pub enum Drafted {
    /// Written, at this path relative to the program folder.
    Written(PathBuf),
    /// Not written.
    Failed(Error),
}

/// The comment at the top of a proposal's file: who, the score and its reasons, the runners-up,
/// and how to accept or turn it down.
pub fn comment(p: &Proposal) -> Vec<String> {
    let mut lines = vec![format!(
        "Proposed by `mentorbook match`: {} with mentor {}, {} points:",
        p.mentee, p.mentor, p.score.points
    )];
    for r in &p.score.reasons {
        lines.push(format!("  +{:<3} {}", r.points, r.text));
    }
    if !p.runners_up.is_empty() {
        let list: Vec<String> = p
            .runners_up
            .iter()
            .map(|c| format!("{}, {} points", c.mentor, c.score.points))
            .collect();
        lines.push(format!("Runners-up: {}.", list.join("; ")));
    }
    lines.push(
        "To accept the pair, delete the `status: proposed` line below; to turn it down, delete \
         this file."
            .to_owned(),
    );
    lines
}

/// Writes `content/pairs/<mentor>-<mentee>.yaml` for each proposal, starting on `start`. A name
/// already taken gets `-2`, `-3`... rather than overwriting anything.
pub fn write(root: &Path, program: &Program, proposals: &[Proposal], start: Date) -> Vec<Drafted> {
    proposals
        .iter()
        .map(|p| match draft(root, program, p, start) {
            Ok(rel) => Drafted::Written(rel),
            Err(e) => Drafted::Failed(e),
        })
        .collect()
}

fn draft(root: &Path, program: &Program, p: &Proposal, start: Date) -> Result<PathBuf, Error> {
    let bad = |e: crate::model::ids::BadId| Error::Person(e.to_string());
    let mentor = PersonId::new(&p.mentor.id).map_err(bad)?;
    let mentee = PersonId::new(&p.mentee.id).map_err(bad)?;
    let reasons = comment(p);
    let base = format!("{mentor}-{mentee}");
    for n in 1..=20 {
        let id = if n == 1 {
            base.clone()
        } else {
            format!("{base}-{n}")
        };
        let id = PairId::new(&id).map_err(bad)?;
        let rel = PathBuf::from(format!("content/pairs/{id}.yaml"));
        let text = new::pair_text(
            program,
            &NewPair {
                mentor: &mentor,
                mentee: &mentee,
                start,
                proposal: Some(&reasons),
            },
            &rel,
        )?;
        match new::write_new(root, &rel, &text) {
            Err(Error::Exists(_)) => continue,
            other => return other.map(|()| rel),
        }
    }
    Err(Error::Exists(PathBuf::from(format!(
        "content/pairs/{base}.yaml"
    ))))
}
