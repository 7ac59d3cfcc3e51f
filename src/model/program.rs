//! `content/program.yaml`: the program itself.

use serde::Deserialize;

use super::{Cadence, Located, PersonId};
use crate::markdown::Markdown;

/// What `content/program.yaml` holds.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProgramInfo {
    /// The program's name.
    pub name: String,
    /// Who runs it.
    #[serde(default)]
    pub organisation: Option<String>,
    /// What the program is for.
    #[serde(default)]
    pub description: Option<Markdown>,
    /// People who coordinate the program.
    #[serde(default)]
    pub coordinators: Vec<Located<PersonId>>,
    /// How long a relationship lasts unless a pair says otherwise.
    #[serde(default = "default_length")]
    pub default_length_months: Located<u32>,
    /// How often pairs usually meet.
    #[serde(default)]
    pub meeting_cadence: Option<Cadence>,
}

fn default_length() -> Located<u32> {
    Located::unplaced(12)
}
