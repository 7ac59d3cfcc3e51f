//! Which field each column fills: from a mapping file the coordinator keeps (`--map`), or from a
//! header that already names the fields. `--write-map` writes a first mapping, guessed from the
//! header, for the coordinator to correct.
//!
//! A mapping file is TOML:
//!
//! ```toml
//! [columns]
//! "Timestamp" = "ignore"
//! "Full name" = "name"
//! "Email Address" = "contact.email"
//!
//! [defaults]          # values for rows that leave a field empty (or have no column for it)
//! roles = "mentee"
//! ```

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::fields::{Field, IGNORE, Kind};
use super::table::Table;
use crate::diagnostic::{Code, Problem, Problems, Span};

/// The columns' fields, and the values rows that lack a field get.
#[derive(Debug, Clone)]
pub struct Mapping {
    /// For each column of the table, the field it fills (`None`: ignored).
    pub columns: Vec<Option<&'static Field>>,
    /// Values for a field a row leaves empty, from the mapping's `[defaults]`.
    pub defaults: Vec<(&'static Field, String)>,
}

impl Mapping {
    /// The column that fills `path`, if one does.
    pub fn column_of(&self, path: &str) -> Option<usize> {
        self.columns
            .iter()
            .position(|f| f.is_some_and(|f| f.path == path))
    }
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct MapFile {
    #[serde(default)]
    columns: BTreeMap<String, toml::Spanned<String>>,
    #[serde(default)]
    defaults: BTreeMap<String, toml::Spanned<String>>,
}

/// The mapping of `table`'s columns: read from `map` when given, otherwise the header must name
/// the fields itself. Problems go to `problems`; `None` when some column has no field.
/// With `update`, no field is required of every row: a row that updates needs none.
pub fn mapping(
    kind: Kind,
    table: &Table,
    map: Option<&Path>,
    update: bool,
    problems: &mut Problems,
) -> Option<Mapping> {
    match map {
        Some(path) => from_file(kind, table, path, update, problems),
        None => from_header(kind, table, update, problems),
    }
}

fn from_header(
    kind: Kind,
    table: &Table,
    update: bool,
    problems: &mut Problems,
) -> Option<Mapping> {
    let mut columns = Vec::new();
    let mut ok = true;
    for (i, name) in table.header.iter().enumerate() {
        let lower = name.to_lowercase();
        match kind.field(&lower) {
            Some(f) => columns.push(Some(f)),
            None if lower == IGNORE || lower.is_empty() => columns.push(None),
            None => {
                ok = false;
                columns.push(None);
                let p = table
                    .problem(
                        Code::ColumnMap,
                        table.header_places[i],
                        format!("{} is not a field mentorbook knows", table.column_name(i)),
                    )
                    .hint(
                        "name the column after a field (`name`, `roles`, `contact.email`, `profile.expertise`...: docs/import.md lists them), or write a mapping with `--write-map FILE`, correct it, and import with `--map FILE`",
                    );
                problems.push(p);
            }
        }
    }
    let mapping = Mapping {
        columns,
        defaults: Vec::new(),
    };
    (ok && duplicates_and_required(kind, table, &mapping, None, update, problems))
        .then_some(mapping)
}

fn from_file(
    kind: Kind,
    table: &Table,
    path: &Path,
    update: bool,
    problems: &mut Problems,
) -> Option<Mapping> {
    let text: Arc<str> = match std::fs::read_to_string(path) {
        Ok(t) => Arc::from(t),
        Err(e) => {
            problems.push(Problem::error(
                Code::Io,
                at(path, 0, 0),
                format!("cannot read the mapping: {e}"),
            ));
            return None;
        }
    };
    let file: MapFile = match toml::from_str(&text) {
        Ok(f) => f,
        Err(e) => {
            let (line, column) = e
                .span()
                .map_or((0, 0), |s| crate::config::line_column(&text, s.start));
            problems.push(
                Problem::error(Code::ColumnMap, at(path, line, column), e.message().to_owned())
                    .with_source(&text)
                    .hint("a mapping has a `[columns]` table of `\"column header\" = \"field\"` lines, and may have a `[defaults]` table"),
            );
            return None;
        }
    };
    let place = |s: &toml::Spanned<String>| {
        let (line, column) = crate::config::line_column(&text, s.span().start);
        at(path, line, column)
    };
    let mut ok = true;
    let field_of = |value: &toml::Spanned<String>, problems: &mut Problems| {
        let v = value.get_ref().trim();
        if v == IGNORE {
            return Some(None);
        }
        match kind.field(v) {
            Some(f) => Some(Some(f)),
            None => {
                let message = if v.is_empty() {
                    "this column has no field yet".to_owned()
                } else {
                    format!("`{v}` is not a field of a {}", kind.one())
                };
                let p = Problem::error(Code::ColumnMap, place(value), message)
                    .with_source(&text)
                    .suggest(v, kind.fields().iter().map(|f| f.path));
                let p = if p.hint.is_some() {
                    p
                } else {
                    p.hint(format!("write one of {}, or \"ignore\"", field_list(kind)))
                };
                problems.push(p);
                None
            }
        }
    };
    let mut columns = Vec::new();
    for (i, name) in table.header.iter().enumerate() {
        match file.columns.get(name) {
            Some(value) => match field_of(value, problems) {
                Some(f) => columns.push(f),
                None => {
                    ok = false;
                    columns.push(None);
                }
            },
            None if name.is_empty() => columns.push(None),
            None => {
                ok = false;
                columns.push(None);
                problems.push(
                    table
                        .problem(
                            Code::ColumnMap,
                            table.header_places[i],
                            format!(
                                "{} is not in the mapping {}",
                                table.column_name(i),
                                path.display()
                            ),
                        )
                        .hint(format!(
                            "add a line `{} = \"field\"` to its `[columns]` (or `= \"ignore\"`)",
                            crate::yaml_edit::quoted(name)
                        )),
                );
            }
        }
    }
    for (name, value) in &file.columns {
        if !table.header.contains(name) {
            ok = false;
            let p = Problem::error(
                Code::ColumnMap,
                place(value),
                format!("the spreadsheet has no column `{name}`"),
            )
            .with_source(&text)
            .suggest(name, table.header.iter().map(String::as_str));
            let p = if p.hint.is_some() {
                p
            } else {
                p.hint("write the header exactly as row 1 of the spreadsheet has it, or remove the line")
            };
            problems.push(p);
        }
    }
    let mut defaults = Vec::new();
    for (name, value) in &file.defaults {
        match kind.field(name) {
            Some(f) => defaults.push((f, value.get_ref().clone())),
            None => {
                ok = false;
                problems.push(
                    Problem::error(
                        Code::ColumnMap,
                        place(value),
                        format!("`{name}` is not a field of a {}", kind.one()),
                    )
                    .with_source(&text)
                    .suggest(name, kind.fields().iter().map(|f| f.path)),
                );
            }
        }
    }
    let mapping = Mapping { columns, defaults };
    (ok && duplicates_and_required(kind, table, &mapping, Some(path), update, problems))
        .then_some(mapping)
}

/// Reports two columns that fill one field, and a required field that no column fills and no
/// default gives. True when there is neither.
fn duplicates_and_required(
    kind: Kind,
    table: &Table,
    mapping: &Mapping,
    map: Option<&Path>,
    update: bool,
    problems: &mut Problems,
) -> bool {
    let mut ok = true;
    for (i, f) in mapping.columns.iter().enumerate() {
        let Some(f) = f else { continue };
        if let Some(first) = mapping.columns[..i]
            .iter()
            .position(|g| g.is_some_and(|g| g.path == f.path))
        {
            ok = false;
            problems.push(
                table
                    .problem(
                        Code::ColumnMap,
                        table.header_places[i],
                        format!(
                            "{} and {} both fill `{}`",
                            table.column_name(first),
                            table.column_name(i),
                            f.path
                        ),
                    )
                    .hint("map one of them to another field, or to \"ignore\""),
            );
        }
    }
    let required = if update { &[][..] } else { kind.required() };
    for path in required {
        let given = mapping.column_of(path).is_some()
            || mapping.defaults.iter().any(|(f, _)| f.path == *path);
        if !given {
            ok = false;
            let hint = match map {
                Some(m) => format!(
                    "map a column to `{path}` in {}, or give every row one value under `[defaults]`: `{path} = \"...\"`",
                    m.display()
                ),
                None => format!("add a column headed `{path}`, or import with a mapping (`--map`)"),
            };
            problems.push(
                Problem::error(
                    Code::ColumnMap,
                    at(&table.path, 1, 1),
                    format!("no column gives `{path}`, which every {} needs", kind.one()),
                )
                .with_source(&table.text)
                .hint(hint),
            );
        }
    }
    ok
}

/// The text of a first mapping for `table`: each column with the field its header suggests, or
/// with an empty field (an error until it is written) when nothing fits.
pub fn guessed(kind: Kind, table: &Table) -> String {
    let mut t = String::new();
    let command = match kind {
        Kind::People => "people",
        Kind::Pairs => "pairs",
    };
    let _ = writeln!(
        t,
        "# Which field each column of {} fills, for `mentorbook import {command} --map`.",
        table.path.display()
    );
    let _ = writeln!(
        t,
        "# Guessed from the header: check every line. \"ignore\" leaves a column out; an empty"
    );
    let _ = writeln!(
        t,
        "# field (\"\") must be written before the mapping can be used."
    );
    t.push_str("# Fields:");
    let mut width = 9;
    for f in kind.fields() {
        if width + f.path.len() > 96 {
            t.push_str("\n#");
            width = 1;
        }
        t.push(' ');
        t.push_str(f.path);
        width += f.path.len() + 1;
    }
    t.push('\n');
    let _ = writeln!(t, "[columns]");
    let mut used: Vec<&str> = Vec::new();
    for name in table.header.iter().filter(|n| !n.is_empty()) {
        let guess = kind
            .guess(name)
            .filter(|g| *g == IGNORE || !used.contains(g));
        if let Some(g) = guess.filter(|g| *g != IGNORE) {
            used.push(g);
        }
        let _ = writeln!(
            t,
            "{} = {}",
            crate::yaml_edit::quoted(name),
            crate::yaml_edit::quoted(guess.unwrap_or(""))
        );
    }
    let missing: Vec<&str> = kind
        .required()
        .iter()
        .copied()
        .filter(|r| !used.contains(r))
        .collect();
    t.push_str("\n# Values for rows that leave a field empty, or for a field no column gives.\n[defaults]\n");
    for m in missing {
        let example = match m {
            "roles" => "mentee",
            "start" => "2026-01-05",
            _ => "...",
        };
        let _ = writeln!(t, "# {m} = \"{example}\"");
    }
    t
}

fn field_list(kind: Kind) -> String {
    kind.fields()
        .iter()
        .map(|f| format!("`{}`", f.path))
        .collect::<Vec<_>>()
        .join(", ")
}

fn at(path: &Path, line: u32, column: u32) -> Span {
    Span {
        file: PathBuf::from(path),
        line,
        column,
    }
}
