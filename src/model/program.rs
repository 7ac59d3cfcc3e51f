//! `content/program.yaml`: the program itself.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::{Cadence, Located, PersonId, TagId};
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
    /// The program's tags, id to label: the areas of expertise and interest that profiles name.
    #[serde(default)]
    pub tags: BTreeMap<TagId, String>,
    /// How a mentee asks a mentor (Markdown): the mentor directory shows it. Public: write the
    /// program's contact route here, never a person's private address.
    #[serde(default)]
    pub requests: Option<Markdown>,
}

impl ProgramInfo {
    /// The label of the tag `id`, if the program has it.
    pub fn tag(&self, id: &str) -> Option<&str> {
        TagId::new(id)
            .ok()
            .and_then(|t| self.tags.get(&t))
            .map(String::as_str)
    }
}

fn default_length() -> Located<u32> {
    Located::unplaced(12)
}
