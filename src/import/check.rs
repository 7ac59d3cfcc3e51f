//! The files an import would write, checked by the loader and the validator as `check` checks a
//! program, and each problem found in them moved to the row and column of the spreadsheet its
//! value came from.

use std::collections::HashSet;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::plan::{Record, place_of};
use super::table::Table;
use crate::diagnostic::{Problem, Problems};
use crate::yaml_edit::{Document, Step};

/// Lines of a file written from one record's column (`None`: from the record as a whole).
#[derive(Debug, Clone)]
pub struct Origin {
    /// The file, relative to the program folder.
    pub file: PathBuf,
    /// Its 1-based lines.
    pub lines: Range<u32>,
    /// Index into the records.
    pub record: usize,
    /// The column.
    pub column: Option<usize>,
}

/// The origins of record `index`, written at `item` (the root, or `people[i]`) of `doc`.
pub fn origins(
    file: &Path,
    doc: &Document<'_>,
    item: &[Step],
    index: usize,
    record: &Record,
) -> Vec<Origin> {
    let mut out = Vec::new();
    let whole = if item.is_empty() {
        1..doc.text().lines().count() as u32 + 2
    } else {
        match doc.lines(item) {
            Some(l) => l,
            None => return out,
        }
    };
    out.push(Origin {
        file: file.to_path_buf(),
        lines: whole,
        record: index,
        column: record.id_column,
    });
    for (path, column) in &record.origins {
        let mut steps = item.to_vec();
        steps.extend(path.split('.').map(Step::from));
        if let Some(lines) = doc.lines(&steps) {
            out.push(Origin {
                file: file.to_path_buf(),
                lines,
                record: index,
                column: *column,
            });
        }
    }
    if !item.is_empty() {
        let mut steps = item.to_vec();
        steps.push(Step::from("id"));
        if let Some(lines) = doc.lines(&steps) {
            out.push(Origin {
                file: file.to_path_buf(),
                lines,
                record: index,
                column: record.id_column,
            });
        }
    }
    out
}

/// What the checks found: problems of records (by index), and problems of nothing imported.
#[derive(Debug, Default)]
pub struct Found {
    /// A problem moved to the spreadsheet, with the record it is about.
    pub records: Vec<(usize, Problem)>,
    /// Problems elsewhere in the program that the import would cause.
    pub other: Vec<Problem>,
}

/// A problem, told apart from the same one in another run without its line (lines move when
/// entries are added above them).
pub fn key(p: &Problem) -> Key {
    (p.code.as_str(), p.span.file.clone(), p.message.clone())
}

/// See [`key`].
pub type Key = (&'static str, PathBuf, String);

/// Loads and checks the program in `root` with `overlay` in place of the files at those paths;
/// each problem within `origins` is moved to the spreadsheet, the others are kept unless
/// `before` (the program's own problems) has them.
pub fn check(
    root: &Path,
    overlay: &[(PathBuf, Arc<str>)],
    origins: &[Origin],
    before: &HashSet<Key>,
    table: &Table,
    records: &[Record],
) -> Found {
    let mut problems = Problems::default();
    let config = match crate::config::Config::load(root) {
        Ok(c) => c,
        Err(p) => {
            return Found {
                records: Vec::new(),
                other: vec![p],
            };
        }
    };
    let loaded = crate::load::load_overlaid(
        config,
        crate::model::PrivateValues::Kept,
        overlay,
        &mut problems,
    );
    crate::validate::validate(loaded, &mut problems);
    let mut found = Found::default();
    for p in problems.into_vec() {
        let origin = origins
            .iter()
            .filter(|o| o.file == p.span.file && o.lines.contains(&p.span.line.max(1)))
            .min_by_key(|o| o.lines.end - o.lines.start);
        match origin {
            Some(o) => {
                let moved = moved(table, &records[o.record], o.column, p);
                found.records.push((o.record, moved));
            }
            None if before.contains(&key(&p)) => {}
            None => found.other.push(p),
        }
    }
    found
}

/// `p` as a problem of the spreadsheet: at the cell its value came from, its message prefixed
/// with the row and column.
fn moved(table: &Table, record: &Record, column: Option<usize>, p: Problem) -> Problem {
    let row = &table.rows[record.row];
    let at = match column {
        Some(c) => format!("row {}, {}", row.number, table.column_name(c)),
        None => format!("row {}", row.number),
    };
    let mut q = table.problem(
        p.code,
        place_of(table, record, column),
        format!("{at}: {}", p.message),
    );
    q.severity = p.severity;
    match p.hint {
        Some(h) => q.hint(h),
        None => q,
    }
}
