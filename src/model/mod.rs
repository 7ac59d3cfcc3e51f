//! The checked domain: a program, its people, pairs, phases and guide chapters.
//!
//! The YAML files deserialize straight into these types (unknown keys rejected, ids and dates checked
//! as they are read); [`crate::validate`] then checks what spans files and builds a [`Program`].

mod date;
pub mod guide;
pub mod ids;
mod located;
pub mod pair;
pub mod person;
pub mod phase;
mod private;
pub mod profile;
pub mod program;
mod stored;
mod visibility;

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

pub use date::Date;
pub use guide::{Chapter, FrontMatter};
pub use ids::{ChapterId, GoalId, ItemId, PairId, PersonId, TagId};
pub use located::Located;
pub use pair::{Pair, PairFile, PairStatus, PhaseCount};
pub use person::{Person, Role};
pub use phase::{ChecklistItem, Initiator, Owner, Phase, PhaseFile, PhaseId};
pub(crate) use private::reading as reading_private;
pub use private::{Private, PrivateValues};
pub use profile::{Availability, Field, MeetingMode, MeetingTime, Profile};
pub use program::ProgramInfo;
pub use visibility::{Audience, Visibility};

/// How often a pair meets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Cadence {
    /// Every week.
    Weekly,
    /// Every two weeks.
    Fortnightly,
    /// Every month.
    Monthly,
    /// Every three months.
    Quarterly,
}

/// A whole program, loaded and validated: what the renderer works from.
#[derive(Debug)]
pub struct Program {
    /// `content/program.yaml`.
    pub info: ProgramInfo,
    /// Everyone, sorted by id.
    pub people: Vec<Person>,
    /// Every pair, sorted by id: the pairs the program has, which the site shows. Proposals are
    /// not among them.
    pub pairs: Vec<Pair>,
    /// The pairs `status: proposed` (drafted by `mentorbook match --write`), sorted by id: checked
    /// like any pair, and kept apart so that no page, list, count, calendar, search index or export
    /// ever sees them.
    pub proposals: Vec<Pair>,
    /// The four phases, in order.
    pub phases: Vec<Phase>,
    /// Guide chapters, in reading order.
    pub chapters: Vec<Chapter>,
    person_index: HashMap<PersonId, usize>,
}

impl Program {
    /// Assembles a program; `people` must be sorted by id with no duplicates. The pairs
    /// `status: proposed` among `pairs` are set apart in [`Program::proposals`]: this is the one
    /// place where proposals leave what the site is made from.
    pub fn new(
        info: ProgramInfo,
        people: Vec<Person>,
        pairs: Vec<Pair>,
        phases: Vec<Phase>,
        chapters: Vec<Chapter>,
    ) -> Self {
        let (proposals, pairs) = pairs
            .into_iter()
            .partition(|p| p.file.status == PairStatus::Proposed);
        let person_index = people
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.value.clone(), i))
            .collect();
        Program {
            info,
            people,
            pairs,
            proposals,
            phases,
            chapters,
            person_index,
        }
    }

    /// The person with this id. Validation guarantees every id a pair refers to exists.
    pub fn person(&self, id: &PersonId) -> Option<&Person> {
        self.person_index.get(id).map(|&i| &self.people[i])
    }

    /// The one line `build` and `check` say when proposals wait for review: how many, and how to
    /// accept one. `None` without proposals.
    pub fn proposals_waiting(&self) -> Option<String> {
        let n = self.proposals.len();
        let (what, wait) = match n {
            0 => return None,
            1 => ("1 proposed pair".to_owned(), "waits"),
            _ => (format!("{n} proposed pairs"), "wait"),
        };
        Some(format!(
            "note: {what} {wait} for review and {} not published: to accept one, delete the \
             `status: proposed` line of its file in content/pairs/ (to turn it down, delete the file)",
            if n == 1 { "is" } else { "are" }
        ))
    }

    /// The phase with this id.
    pub fn phase(&self, id: PhaseId) -> &Phase {
        &self.phases[id.index()]
    }
}
