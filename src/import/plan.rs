//! Rows to records, and records to the files they would write: a new file per person or pair, new
//! entries at the end of `content/people.yaml`, or edits of people and pairs already there.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::fields::{self, Kind};
use super::mapping::Mapping;
use super::table::{Place, Table};
use crate::book::Book;
use crate::diagnostic::{Code, Problem, Problems};
use crate::model::{Audience, Date, PairId, PersonId, Visibility};
use crate::yaml_edit::{self, Document, Edit, Entries, Entry, Step, Value};

/// One row, as the values it gives.
#[derive(Debug, Clone)]
pub struct Record {
    /// Index into the table's rows.
    pub row: usize,
    /// The id of the person or pair.
    pub id: String,
    /// The column the id comes from (the id's own, or the name's, mentor's and mentee's).
    pub id_column: Option<usize>,
    /// Whether the row gives its id (rather than the id being made from the name).
    pub id_given: bool,
    /// The values, as the YAML will hold them (the id not among them).
    pub entries: Entries,
    /// Each field written and the column it comes from (`None`: a default of the mapping).
    pub origins: Vec<(&'static str, Option<usize>)>,
    /// The required fields the row leaves empty: an error for a new person or pair, nothing for
    /// an update.
    pub missing: Vec<&'static str>,
}

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

/// The records of `table`'s rows; a row that cannot become one (an empty required field, an id
/// that cannot be made) is reported and left out.
pub fn records(
    kind: Kind,
    table: &Table,
    mapping: &Mapping,
    tags: &[(String, String)],
    problems: &mut Problems,
) -> Vec<Record> {
    let mut out = Vec::new();
    for (index, row) in table.rows.iter().enumerate() {
        let mut entries = Entries::default();
        let mut origins = Vec::new();
        let mut id = None;
        for field in kind.fields() {
            let column = mapping.column_of(field.path);
            let cell = column.map_or("", |c| row.cells[c].as_str());
            let (text, from) = if cell.is_empty() {
                match mapping.defaults.iter().find(|(f, _)| f.path == field.path) {
                    Some((_, d)) => (d.as_str(), None),
                    None => continue,
                }
            } else {
                (cell, column)
            };
            let value = fields::value(field.shape, text, tags);
            if matches!(&value, Value::Words(w) if w.is_empty()) {
                continue;
            }
            if field.path == "id" {
                if let Value::Word(w) = value {
                    id = Some((w, from));
                }
                continue;
            }
            let path: Vec<&str> = field.path.split('.').collect();
            entries.set(&path, value);
            origins.push((field.path, from));
        }
        let place = |c: Option<usize>| c.map_or(row.places[0], |c| row.places[c]);
        let missing: Vec<&'static str> = kind
            .required()
            .iter()
            .copied()
            .filter(|r| !origins.iter().any(|(p, _)| p == r))
            .collect();
        let id_given = id.is_some();
        let (id, id_column) = match id {
            Some((id, from)) => (id, from),
            None => made_id(kind, &entries, mapping),
        };
        let valid = match kind {
            Kind::People => PersonId::new(&id).err().map(|b| b.to_string()),
            Kind::Pairs => PairId::new(&id).err().map(|b| b.to_string()).or_else(|| {
                PairId::RESERVED
                    .contains(&id.as_str())
                    .then(|| format!("`{id}` is taken by pdf/{id}.pdf"))
            }),
        };
        if let Some(bad) = valid {
            let made = mapping.column_of("id").is_none();
            let hint = if made {
                "the id is made from the name; add a column `id` with an id for this row (lower-case letters, digits and dashes, such as `ana-lopez`)".to_owned()
            } else {
                "write ids with lower-case letters `a-z`, digits and single dashes between words, such as `ana-lopez`".to_owned()
            };
            problems.push(
                table
                    .problem(
                        Code::BadFileName,
                        place(id_column),
                        format!(
                            "row {}{}: the id {}",
                            row.number,
                            id_column
                                .map_or(String::new(), |c| format!(", {}", table.column_name(c))),
                            bad
                        ),
                    )
                    .hint(hint),
            );
            continue;
        }
        out.push(Record {
            row: index,
            id,
            id_column,
            id_given,
            entries,
            origins,
            missing,
        });
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

/// The id of a record with no id column: the person's name as a slug, or `<mentor>-<mentee>`.
fn made_id(kind: Kind, entries: &Entries, mapping: &Mapping) -> (String, Option<usize>) {
    let get = |key: &str| {
        entries.0.iter().find_map(|(k, e)| match e {
            Entry::Value(Value::Text(s) | Value::Word(s)) if k == key => Some(s.clone()),
            _ => None,
        })
    };
    match kind {
        Kind::People => (
            crate::slug::slugify(&get("name").unwrap_or_default()),
            mapping.column_of("name"),
        ),
        Kind::Pairs => (
            format!(
                "{}-{}",
                get("mentor").unwrap_or_default(),
                get("mentee").unwrap_or_default()
            ),
            mapping.column_of("mentor"),
        ),
    }
}

/// Reports a record whose id an earlier row already made, and leaves it out.
pub fn unique(
    table: &Table,
    records: Vec<Record>,
    kind: Kind,
    problems: &mut Problems,
) -> Vec<Record> {
    let mut first: HashMap<String, usize> = HashMap::new();
    let mut out = Vec::new();
    for r in records {
        match first.get(&r.id) {
            Some(&earlier) => {
                let row = &table.rows[r.row];
                problems.push(
                    table
                        .problem(
                            Code::DuplicateId,
                            place_of(table, &r, r.id_column),
                            format!(
                                "row {}: the {} `{}` is already made by row {}",
                                row.number,
                                kind.one(),
                                r.id,
                                table.rows[earlier].number
                            ),
                        )
                        .hint("each row must make a different id: give one of the two an `id` column value, or remove the repeated row"),
                );
            }
            None => {
                first.insert(r.id.clone(), r.row);
                out.push(r);
            }
        }
    }
    out
}

/// Where a record's column is written in the table (its row's first cell for `None`).
pub fn place_of(table: &Table, r: &Record, column: Option<usize>) -> Place {
    let row = &table.rows[r.row];
    column.map_or(row.places[0], |c| row.places[c])
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
        if taken.is_none()
            && update
            && kind == Kind::People
            && !r.id_given
        {
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

/// The text of a new file for `r` at `rel`: a person as `new person` writes one, a pair as
/// `new pair` does (with every checklist item), then the row's values.
pub fn new_file(kind: Kind, book: &Book, r: &Record, rel: &Path) -> String {
    match kind {
        Kind::People => {
            let mut t = crate::scaffold::new::person_header(rel);
            t.push_str(&r.entries.block(0, 2, None));
            t
        }
        Kind::Pairs => {
            let word = |key: &str| {
                r.entries.0.iter().find_map(|(k, e)| match e {
                    Entry::Value(Value::Word(s)) if k == key => Some(s.clone()),
                    _ => None,
                })
            };
            let ids = (
                word("mentor").and_then(|m| PersonId::new(&m).ok()),
                word("mentee").and_then(|m| PersonId::new(&m).ok()),
                word("start").and_then(|s| Date::parse(&s).ok()),
            );
            let (Some(mentor), Some(mentee), Some(start)) = ids else {
                // Not a pair the scaffold can start from: the values alone, for the checks to name.
                let mut t = crate::schema::FileKind::Pair.modeline(rel);
                t.push_str(&r.entries.block(0, 2, None));
                return t;
            };
            let new = crate::scaffold::new::NewPair {
                mentor: &mentor,
                mentee: &mentee,
                start,
            };
            let mut t = crate::scaffold::new::pair_scaffold(book, &new, rel);
            if word("end").is_some() {
                // The scaffold's end is the default length's, said in a comment: the row's own
                // end replaces the line.
                let end = start.plus_months(book.info.default_length_months.value);
                let line = t
                    .lines()
                    .find(|l| l.starts_with(&format!("end: {end}")))
                    .map(str::to_owned);
                if let Some(line) = line {
                    t = t.replacen(&line, &format!("end: {end}"), 1);
                }
            }
            merged(&t, &[], &r.entries)
        }
    }
}

/// `text` with `entries` merged into the mapping at `path`; `text` itself when it cannot be
/// (the checks then name what is wrong).
fn merged(text: &str, path: &[Step], entries: &Entries) -> String {
    match Document::parse(text)
        .ok()
        .and_then(|d| d.merge(path, entries).ok())
    {
        Some(edits) => yaml_edit::apply(text, &edits),
        None => text.to_owned(),
    }
}

/// The text of one existing file with `updates` merged into the people or pair they name, then
/// `appends` added at the end of the people list, and how many of `updates` change nothing.
/// Errors name the record (by index into the table's rows) that could not be placed.
pub fn edit_file(
    text: &str,
    list: bool,
    updates: &[&Record],
    appends: &[&Record],
) -> Result<(String, usize), (usize, String)> {
    let doc = Document::parse(text).map_err(|e| (usize::MAX, e.to_string()))?;
    let index = if list { indexes(&doc) } else { HashMap::new() };
    let mut edits: Vec<Edit> = Vec::new();
    let mut unchanged = 0;
    for r in updates {
        let path = if list {
            let at = index
                .get(&r.id)
                .ok_or((r.row, format!("`{}` is not in the list", r.id)))?;
            vec![Step::from("people"), Step::Index(*at)]
        } else {
            Vec::new()
        };
        let merge = doc.merge(&path, &r.entries).map_err(|e| (r.row, e.to_string()))?;
        if merge.is_empty() {
            unchanged += 1;
        }
        edits.extend(merge);
    }
    for r in appends {
        let mut item = Entries::default();
        item.0
            .push(("id".to_owned(), Entry::Value(Value::Word(r.id.clone()))));
        item.0.extend(r.entries.0.iter().cloned());
        edits.push(
            doc.push_item(&[Step::from("people")], &item)
                .map_err(|e| (r.row, e.to_string()))?,
        );
    }
    Ok((yaml_edit::apply(text, &edits), unchanged))
}

/// The index of each person in a people list, by id.
pub fn indexes(doc: &Document<'_>) -> HashMap<String, usize> {
    let mut out = HashMap::new();
    let Some(crate::yaml_edit::Node {
        kind: crate::yaml_edit::NodeKind::Seq { items, .. },
        ..
    }) = doc.get(&[Step::from("people")])
    else {
        return out;
    };
    for (i, item) in items.iter().enumerate() {
        if let crate::yaml_edit::NodeKind::Map { entries, .. } = &item.kind
            && let Some((_, v)) = entries.iter().find(|(k, _)| k.as_str() == Some("id"))
            && let Some(id) = v.as_str()
        {
            out.entry(id.to_owned()).or_insert(i);
        }
    }
    out
}

/// A problem of the plan that names no cell: the table's first line.
pub fn whole_table(table: &Table, message: String) -> Problem {
    table.problem(Code::Yaml, Place { line: 1, column: 1 }, message)
}
