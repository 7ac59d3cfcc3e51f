//! People: `content/people.yaml` or `content/people/<id>.yaml`.

use serde::{Deserialize, Serialize};

use super::{Located, PersonId, Private, Profile};
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

impl Role {
    /// The name people files use (`mentor`).
    pub fn id(self) -> &'static str {
        match self {
            Role::Mentor => "mentor",
            Role::Mentee => "mentee",
            Role::Coordinator => "coordinator",
        }
    }
}

/// One person. In `people/<id>.yaml` the id comes from the file name.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// The person's id; filled from the file name for `people/<id>.yaml`.
    // (This comment is the schema's description.) Until the loader fills it, an id the file did
    // not give is a placeholder, told apart by `Person::id_given`, never by its value.
    #[serde(default = "placeholder_id")]
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
    /// What the person offers and looks for, how they can meet, and who may see each of these.
    #[serde(default)]
    pub profile: Option<Profile>,
}

impl Person {
    /// Whether the file gave the person's id (`id:`). An id read from YAML always has a position
    /// (its line is 1 or more) and the placeholder has none, so a person really called `unset`,
    /// the placeholder's value, is told apart from a person whose file has no `id:`.
    pub fn id_given(&self) -> bool {
        self.id.line != 0
    }
}

/// The placeholder id of a person whose file did not give one, with no position; the loader
/// replaces it (`people/<id>.yaml`) or validation reports it (`people.yaml`). Its value is never
/// compared: see [`Person::id_given`].
fn placeholder_id() -> Located<PersonId> {
    Located::unplaced(PersonId::new("unset").expect("a valid slug"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(yaml: &str) -> Person {
        serde_saphyr::from_str(yaml).expect("a person")
    }

    #[test]
    fn an_id_written_unset_is_given_and_a_missing_one_is_not() {
        let written = person("id: unset\nname: Una\nroles: [mentor]\n");
        assert!(written.id_given());
        assert_eq!(written.id.value.as_str(), "unset");
        let missing = person("name: Una\nroles: [mentor]\n");
        assert!(!missing.id_given());
    }
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
