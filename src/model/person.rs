//! People: `content/people.yaml` or `content/people/<id>.yaml`.

use serde::{Deserialize, Serialize};

use super::{Located, PersonId, Private};
use crate::markdown::Markdown;

/// A role a person has in the program.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Guides a mentee.
    Mentor,
    /// Is guided by a mentor.
    Mentee,
    /// Runs the program.
    Coordinator,
}

/// One person. In `people/<id>.yaml` the id comes from the file name.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// The person's id; filled from the file name for `people/<id>.yaml`.
    #[serde(default = "unset_id")]
    pub id: Located<PersonId>,
    /// Full name.
    pub name: String,
    /// At least one role.
    pub roles: Vec<Role>,
    /// Job title or position.
    #[serde(default)]
    pub title: Option<String>,
    /// A short introduction.
    #[serde(default)]
    pub bio: Option<Markdown>,
    /// Contact details: private, never published.
    #[serde(default)]
    pub contact: Option<Private<Contact>>,
}

/// The placeholder id of a person whose file did not give one; the loader replaces or reports it.
fn unset_id() -> Located<PersonId> {
    Located::unplaced(PersonId::new("unset").expect("a valid slug"))
}

/// How to reach a person. Private: reached only through `Private::reveal`.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// E-mail address.
    #[serde(default)]
    pub email: Option<String>,
    /// Phone number.
    #[serde(default)]
    pub phone: Option<String>,
    /// Anything else.
    #[serde(default)]
    pub notes: Option<String>,
}

/// `content/people.yaml`.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PeopleFile {
    /// Everyone in the program.
    pub people: Vec<Person>,
}
