//! JSON Schemas of the program's files, generated from the Rust types that read them, so the
//! schemas an editor uses can never drift from what mentorbook accepts.

use crate::config::BookToml;
use crate::model::person::PeopleFile;
use crate::model::{PairFile, Person, PhaseFile, ProgramInfo};

/// The folder, in a program, that `init` and `schema` write the schemas to.
pub const SCHEMA_DIR: &str = "schemas";

/// A kind of file with a schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// `book.toml`.
    Book,
    /// `content/program.yaml`.
    Program,
    /// `content/people.yaml`.
    People,
    /// `content/people/<id>.yaml`.
    Person,
    /// `content/pairs/<id>.yaml`.
    Pair,
    /// `content/phases/<phase>.yaml`.
    Phase,
}

impl FileKind {
    /// Every kind.
    pub const ALL: [FileKind; 6] = [
        FileKind::Book,
        FileKind::Program,
        FileKind::People,
        FileKind::Person,
        FileKind::Pair,
        FileKind::Phase,
    ];

    /// The schema's file name, `pair.json`.
    pub fn file_name(self) -> &'static str {
        match self {
            FileKind::Book => "book.json",
            FileKind::Program => "program.json",
            FileKind::People => "people.json",
            FileKind::Person => "person.json",
            FileKind::Pair => "pair.json",
            FileKind::Phase => "phase.json",
        }
    }

    /// The kind of a content file, from where it is (`content/pairs/x.yaml` is a pair).
    pub fn of(rel: &std::path::Path) -> Option<FileKind> {
        let parts: Vec<&str> = rel.iter().filter_map(|c| c.to_str()).collect();
        match parts.as_slice() {
            ["book.toml"] => Some(FileKind::Book),
            ["content", "program.yaml"] => Some(FileKind::Program),
            ["content", "people.yaml"] => Some(FileKind::People),
            ["content", "people", _] => Some(FileKind::Person),
            ["content", "pairs", _] => Some(FileKind::Pair),
            ["content", "phases", _] => Some(FileKind::Phase),
            _ => None,
        }
    }

    /// The schema, as pretty JSON with a final newline.
    pub fn schema(self) -> String {
        let mut schema = match self {
            FileKind::Book => schemars::schema_for!(BookToml),
            FileKind::Program => schemars::schema_for!(ProgramInfo),
            FileKind::People => schemars::schema_for!(PeopleFile),
            FileKind::Person => schemars::schema_for!(Person),
            FileKind::Pair => schemars::schema_for!(PairFile),
            FileKind::Phase => schemars::schema_for!(PhaseFile),
        };
        schema.insert(
            "$id".into(),
            format!("https://mentorbook.invalid/schemas/{}", self.file_name()).into(),
        );
        if self == FileKind::Pair {
            goal_aliases(&mut schema);
        }
        let mut text = serde_json::to_string_pretty(&schema).expect("a schema serialises");
        // A person's id defaults to the file name in people/<id>.yaml; the placeholder the loader
        // uses for that is not a default anyone should write.
        text = text
            .replace(",\n          \"default\": \"unset\"", "")
            .replace(",\n      \"default\": \"unset\"", "");
        text.push('\n');
        text
    }

    /// The editor modeline for a file at `rel` (relative to the program folder).
    pub fn modeline(self, rel: &std::path::Path) -> String {
        let depth = rel.components().count().saturating_sub(1);
        format!(
            "# yaml-language-server: $schema={}{SCHEMA_DIR}/{}\n",
            "../".repeat(depth),
            self.file_name()
        )
    }
}

/// The goal keys of earlier versions (`achievable`, `relevant`, `time_bound`), which the loader
/// still reads as `attainable`, `realistic` and `timely` (serde aliases schemars does not list):
/// listed as deprecated, so an editor accepts an older file but suggests the current keys.
fn goal_aliases(schema: &mut schemars::Schema) {
    let Some(props) = schema
        .as_object_mut()
        .and_then(|o| o.get_mut("$defs"))
        .and_then(|d| d.get_mut("Goal"))
        .and_then(|g| g.get_mut("properties"))
        .and_then(|p| p.as_object_mut())
    else {
        return;
    };
    for (old, new) in [
        ("achievable", "attainable"),
        ("relevant", "realistic"),
        ("time_bound", "timely"),
    ] {
        if let Some(mut prop) = props.get(new).cloned() {
            if let Some(o) = prop.as_object_mut() {
                o.insert(
                    "description".into(),
                    format!("The key of earlier versions for `{new}`, still read as `{new}`.")
                        .into(),
                );
                o.insert("deprecated".into(), true.into());
            }
            props.insert(old.into(), prop);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn kinds_and_modelines() {
        assert_eq!(
            FileKind::of(Path::new("content/pairs/a-b.yaml")),
            Some(FileKind::Pair)
        );
        assert_eq!(
            FileKind::Pair.modeline(Path::new("content/pairs/a-b.yaml")),
            "# yaml-language-server: $schema=../../schemas/pair.json\n"
        );
        assert_eq!(
            FileKind::Program.modeline(Path::new("content/program.yaml")),
            "# yaml-language-server: $schema=../schemas/program.json\n"
        );
        let pair = FileKind::Pair.schema();
        assert!(
            pair.contains("\"additionalProperties\": false"),
            "unknown keys must be rejected"
        );
        assert!(!FileKind::Person.schema().contains("unset"));
    }
}
