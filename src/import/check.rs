//! The files an import would write, checked by the loader and the validator as `check` checks a
//! program, and each problem found in them moved to the row and column of the spreadsheet its
//! value came from.

use std::collections::HashSet;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use std::collections::BTreeMap;

use super::fields::Kind;
use super::plan::{self, Record, place_of};
use super::table::{self, Table};
use super::targets::{self, Target};
use super::{Change, files};
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

/// The files `kept` would write, and what the checks find in them.
pub fn checked(
    root: &Path,
    kind: Kind,
    book: &crate::book::Book,
    table: &table::Table,
    kept: &[(Record, Target)],
    before: &HashSet<Key>,
) -> (Vec<Change>, Found, usize) {
    let records: Vec<Record> = kept.iter().map(|(r, _)| r.clone()).collect();
    let mut overlay: Vec<(PathBuf, Arc<str>)> = Vec::new();
    let mut placed = Vec::new();
    let mut changes: Vec<Change> = Vec::new();
    // Edits of existing files, with the people appended to the list.
    let mut edited: BTreeMap<PathBuf, (Vec<usize>, Vec<usize>)> = BTreeMap::new();
    for (i, (r, t)) in kept.iter().enumerate() {
        match t {
            Target::New(rel) => {
                let text = files::new_file(kind, book, r, rel);
                placed.extend(file_origins(rel, &text, i, r));
                let text: Arc<str> = Arc::from(text);
                overlay.push((rel.clone(), Arc::clone(&text)));
                changes.push(Change {
                    rel: rel.clone(),
                    before: None,
                    after: text.to_string(),
                });
            }
            Target::Append => {
                // Checked as a file of its own, so one bad row cannot hide the others' problems.
                let rel = Path::new(crate::load::CONTENT_DIR)
                    .join("people")
                    .join(format!("{}.yaml", r.id));
                let text = files::new_file(kind, book, r, &rel);
                placed.extend(file_origins(&rel, &text, i, r));
                overlay.push((rel, Arc::from(text)));
                edited.entry(targets::people_list()).or_default().1.push(i);
            }
            Target::Update(rel) => edited.entry(rel.clone()).or_default().0.push(i),
        }
    }
    let mut not_placed: Vec<(usize, String)> = Vec::new();
    let mut unchanged = 0;
    for (rel, (updates, appends)) in &edited {
        let Ok(text) = std::fs::read_to_string(root.join(rel)) else {
            continue;
        };
        let list = rel == &targets::people_list();
        let ups: Vec<&Record> = updates.iter().map(|&i| &kept[i].0).collect();
        let adds: Vec<&Record> = appends.iter().map(|&i| &kept[i].0).collect();
        // Checked with the updates alone; written with the appended people too.
        let (checked_text, same) = match files::edit_file(&text, list, &ups, &[]) {
            Ok(t) => t,
            Err(e) => {
                not_placed.push(e);
                continue;
            }
        };
        unchanged += same;
        let after = if adds.is_empty() {
            checked_text.clone()
        } else {
            match files::edit_file(&text, list, &ups, &adds) {
                Ok((t, _)) => t,
                Err(e) => {
                    not_placed.push(e);
                    continue;
                }
            }
        };
        if !updates.is_empty()
            && let Ok(doc) = crate::yaml_edit::Document::parse(&checked_text)
        {
            let index = if list {
                files::indexes(&doc)
            } else {
                Default::default()
            };
            for &i in updates {
                let r = &kept[i].0;
                let item = if list {
                    match index.get(&r.id) {
                        Some(&at) => vec![Step::from("people"), Step::Index(at)],
                        None => continue,
                    }
                } else {
                    Vec::new()
                };
                placed.extend(origins(rel, &doc, &item, i, r));
            }
            overlay.push((rel.clone(), Arc::from(checked_text.as_str())));
        }
        if after != text {
            changes.push(Change {
                rel: rel.clone(),
                before: Some(Arc::from(text)),
                after,
            });
        }
    }
    let mut found = check(root, &overlay, &placed, before, table, &records);
    for (i, message) in not_placed {
        let p = match records.get(i) {
            Some(r) => table
                .problem(
                    crate::diagnostic::Code::Yaml,
                    plan::place_of(table, r, r.id_column),
                    format!(
                        "row {}: cannot edit the file: {message}",
                        table.rows[r.row].number
                    ),
                )
                .hint("edit this person by hand, or write the value in the file's own form"),
            None => plan::whole_table(table, format!("cannot edit the file: {message}")),
        };
        match records.get(i) {
            Some(_) => found.records.push((i, p)),
            None => found.other.push(p),
        }
    }
    (changes, found, unchanged)
}

/// The origins of record `i`, the whole of the new file `text`.
fn file_origins(rel: &Path, text: &str, i: usize, r: &Record) -> Vec<Origin> {
    match crate::yaml_edit::Document::parse(text) {
        Ok(doc) => origins(rel, &doc, &[], i, r),
        Err(_) => Vec::new(),
    }
}
