//! Where each record goes: a new file, an entry at the end of `content/people.yaml`, or, with
//! `--update`, the person or pair already there.

use std::path::{Path, PathBuf};

use super::fields::Kind;
use super::mapping::Mapping;
use super::plan::{Record, place_of};
use super::table::Table;
use crate::book::Book;
use crate::diagnostic::{Code, Problems};
use crate::model::{Audience, PersonId, Visibility};
use crate::yaml_edit::{Entry, Value};

/// Where a record goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A new file.
    New(PathBuf),
    /// A new entry at the end of `content/people.yaml`.
    Append,
    /// Merged into the person or pair in this file (in `people.yaml`, the item of that id).
    Update(PathBuf),
}

/// How new people are written: the layout the program already uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// One file a person under `content/people/`.
    Files,
    /// Everyone in `content/people.yaml`.
    List,
}

/// `content/people.yaml`.
pub fn people_list() -> PathBuf {
    Path::new(crate::load::CONTENT_DIR).join("people.yaml")
}

/// The layout of `root`: a list when `content/people.yaml` exists and `content/people/` holds no
/// person file; one file a person otherwise.
pub fn layout(root: &Path) -> Layout {
    let dir = root.join(crate::load::CONTENT_DIR).join("people");
    let has_files = std::fs::read_dir(&dir).is_ok_and(|mut d| {
        d.any(|e| {
            e.is_ok_and(|e| {
                let p = e.path();
                p.extension().is_some_and(|x| x == "yaml" || x == "yml")
            })
        })
    });
    if root.join(people_list()).is_file() && !has_files {
        Layout::List
    } else {
        Layout::Files
    }
}

/// Where each record goes. A record whose id is taken is an error unless `update`, when it is
/// merged into what is there; under `update`, a person with no id column is also found by e-mail.
pub fn targets(
    kind: Kind,
    table: &Table,
    book: &Book,
    records: &mut [Record],
    update: bool,
    layout: Layout,
    problems: &mut Problems,
) -> Vec<Option<Target>> {
    let root = &book.config.root;
    let content = Path::new(crate::load::CONTENT_DIR);
    let folder = content.join(match kind {
        Kind::People => "people",
        Kind::Pairs => "pairs",
    });
    let existing_file = |id: &str| -> Option<PathBuf> {
        ["yaml", "yml"]
            .iter()
            .map(|ext| folder.join(format!("{id}.{ext}")))
            .find(|rel| root.join(rel).exists())
    };
    let by_email = |email: &str| -> Option<String> {
        let found: Vec<&str> = book
            .people
            .iter()
            .filter(|p| {
                p.contact
                    .as_ref()
                    .and_then(|c| c.reveal(&Audience::Coordinators, None, Visibility::Public))
                    .and_then(|c| c.email.as_deref())
                    .is_some_and(|e| e.eq_ignore_ascii_case(email))
            })
            .map(|p| p.id.value.as_str())
            .collect();
        (found.len() == 1).then(|| found[0].to_owned())
    };
    let mut out = Vec::with_capacity(records.len());
    for r in records.iter_mut() {
        let row = &table.rows[r.row];
        let mut taken = match kind {
            Kind::People => PersonId::new(&r.id)
                .ok()
                .is_some_and(|id| book.person(&id).is_some())
                .then(|| existing_file(&r.id).unwrap_or_else(people_list)),
            Kind::Pairs => existing_file(&r.id),
        };
        if taken.is_none() && update && kind == Kind::People && !r.id_given {
            let email = r.entries.0.iter().find_map(|(k, e)| match e {
                Entry::Map(m) if k == "contact" => m.0.iter().find_map(|(k, e)| match e {
                    Entry::Value(Value::Text(s)) if k == "email" => Some(s.clone()),
                    _ => None,
                }),
                _ => None,
            });
            if let Some(id) = email.as_deref().and_then(by_email) {
                r.id = id;
                taken = Some(existing_file(&r.id).unwrap_or_else(people_list));
            }
        }
        let target = match (taken, update) {
            (Some(file), true) => Some(Target::Update(file)),
            (Some(file), false) => {
                problems.push(
                    table
                        .problem(
                            Code::DuplicateId,
                            place_of(table, r, r.id_column),
                            format!(
                                "row {}: there is already a {} `{}` ({})",
                                row.number,
                                kind.one(),
                                r.id,
                                file.display()
                            ),
                        )
                        .hint("import with `--update` to change what is there from this row; mentorbook never overwrites a file"),
                );
                None
            }
            (None, _) => match (kind, layout) {
                (Kind::People, Layout::List) => Some(Target::Append),
                _ => Some(Target::New(folder.join(format!("{}.yaml", r.id)))),
            },
        };
        out.push(target);
    }
    out
}

/// Reports each new person or pair that lacks a required field, and takes its target away.
pub fn required(
    kind: Kind,
    table: &Table,
    mapping: &Mapping,
    records: &[Record],
    targets: &mut [Option<Target>],
    problems: &mut Problems,
) {
    for (r, target) in records.iter().zip(targets.iter_mut()) {
        if r.missing.is_empty() || matches!(target, None | Some(Target::Update(_))) {
            continue;
        }
        *target = None;
        let row = &table.rows[r.row];
        for field in &r.missing {
            let column = mapping.column_of(field);
            let message = match column {
                Some(c) => format!(
                    "row {}, {}: the {field} is empty",
                    row.number,
                    table.column_name(c)
                ),
                None => format!("row {}: no `{field}`", row.number),
            };
            problems.push(
                table
                    .problem(Code::Yaml, place_of(table, r, column), message)
                    .hint(format!(
                        "every new {} needs a {field}: fill in the cell, or give one for every row under `[defaults]` in the mapping",
                        kind.one()
                    )),
            );
        }
    }
}
