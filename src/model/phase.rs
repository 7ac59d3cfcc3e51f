//! The four phases of a mentoring relationship and their checklists: `content/phases/<phase>.yaml`.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::{ItemId, Located};
use crate::markdown::Markdown;

/// One of the four phases, in the order a relationship goes through them.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Deserialize,
    Serialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum PhaseId {
    /// Readiness, choosing each other, the first meeting, getting acquainted.
    Initiation,
    /// Vision, SMART goals and the partnership agreement.
    Negotiation,
    /// The work: meetings, progress on goals, feedback and evaluation.
    Enabling,
    /// Summary, reflection, thanks, next steps.
    Closure,
}

impl PhaseId {
    /// All phases, in order.
    pub const ALL: [PhaseId; 4] = [
        PhaseId::Initiation,
        PhaseId::Negotiation,
        PhaseId::Enabling,
        PhaseId::Closure,
    ];

    /// The id as written in files and web addresses.
    pub fn as_str(self) -> &'static str {
        match self {
            PhaseId::Initiation => "initiation",
            PhaseId::Negotiation => "negotiation",
            PhaseId::Enabling => "enabling",
            PhaseId::Closure => "closure",
        }
    }

    /// Parses a file stem such as `enabling`.
    pub fn from_name(s: &str) -> Option<PhaseId> {
        PhaseId::ALL.into_iter().find(|p| p.as_str() == s)
    }

    /// 0 for initiation up to 3 for closure.
    pub fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for PhaseId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Who is responsible for a checklist item.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Owner {
    /// The mentor.
    Mentor,
    /// The mentee.
    Mentee,
    /// Both together.
    #[default]
    Both,
}

/// How a pair came together: who made the first approach.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Initiator {
    /// The mentee asked the mentor (the default, as in the guidelines' example pair).
    #[default]
    Mentee,
    /// The mentor offered to mentor the mentee.
    Mentor,
    /// The program (a coordinator) matched them.
    Program,
}

impl Initiator {
    /// The name pair and phase files use.
    pub fn id(self) -> &'static str {
        match self {
            Initiator::Mentee => "mentee",
            Initiator::Mentor => "mentor",
            Initiator::Program => "program",
        }
    }
}

/// One step of a phase's checklist.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChecklistItem {
    /// Stable id, unique across all phases.
    pub id: Located<ItemId>,
    /// What to do, one sentence.
    pub text: String,
    /// Who does it.
    #[serde(default)]
    pub owner: Owner,
    /// How to do it.
    #[serde(default)]
    pub guidance: Option<Markdown>,
    /// Questions to discuss.
    #[serde(default)]
    pub questions: Vec<String>,
    /// Only for pairs that came together this way (`mentee`, `mentor`, `program`); empty (the
    /// default) for every pair.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub initiated_by: Vec<Initiator>,
}

impl ChecklistItem {
    /// Whether the item is on the checklist of a pair that came together as `how`.
    pub fn applies_to(&self, how: Initiator) -> bool {
        self.initiated_by.is_empty() || self.initiated_by.contains(&how)
    }
}

/// What a phase file holds.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PhaseFile {
    /// The phase's title.
    pub title: String,
    /// One or two sentences.
    pub summary: String,
    /// Longer guidance.
    #[serde(default)]
    pub guidance: Option<Markdown>,
    /// The checklist, in order.
    #[serde(default)]
    pub checklist: Vec<ChecklistItem>,
    /// Where the guidance comes from.
    #[serde(default)]
    pub sources: Vec<String>,
}

/// A loaded phase.
#[derive(Debug, Clone)]
pub struct Phase {
    /// Which phase.
    pub id: PhaseId,
    /// The file, relative to the program folder (`content/phases/enabling.yaml`).
    pub source: std::path::PathBuf,
    /// Its file's contents.
    pub file: PhaseFile,
}
