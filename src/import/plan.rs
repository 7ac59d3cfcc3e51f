//! Rows to records: the values each row gives, its id, and the rows that cannot become one.

use std::collections::HashMap;

use super::fields::{self, Kind};
use super::mapping::Mapping;
use super::table::{Place, Table};
use crate::diagnostic::{Code, Problem, Problems};
use crate::model::{PairId, PersonId};
use crate::yaml_edit::{Entries, Entry, Value};

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

/// A problem of the plan that names no cell: the table's first line.
pub fn whole_table(table: &Table, message: String) -> Problem {
    table.problem(Code::Yaml, Place { line: 1, column: 1 }, message)
}
