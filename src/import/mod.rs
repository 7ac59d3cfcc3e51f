//! `mentorbook import people|pairs FILE.csv`: people and pairs from a spreadsheet export.
//!
//! The steps: the file is read as a table ([`table`]); each column is given a field ([`mapping`],
//! from a mapping file or the header); each row becomes a record and a place to go ([`plan`]: a new
//! file, an entry at the end of `content/people.yaml`, or, with `--update`, edits of what is
//! there); the files that would be written are loaded and checked with the rest of the program,
//! as `check` would, and every problem is moved to the row and column it came from ([`check`]).
//! Nothing is written unless every row is good, or, with `--skip-bad`, the rows with errors are
//! left out (and the rest checked again without them). New files are never written over an
//! existing one; edited files are written whole, after checking that nobody changed them since
//! they were read, and only their edited values differ (see [`crate::yaml_edit`]).

mod check;
pub mod fields;
pub mod mapping;
mod plan;
pub mod table;

pub use fields::Kind;
pub use plan::Layout;

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diagnostic::{Problems, Severity};
use crate::yaml_edit::Step;
use plan::{Record, Target};

/// What `import` is asked to do.
#[derive(Debug, Clone)]
pub struct Options {
    /// People or pairs.
    pub kind: Kind,
    /// The spreadsheet.
    pub csv: PathBuf,
    /// The mapping file, if any.
    pub map: Option<PathBuf>,
    /// Merge rows into the people or pairs already there.
    pub update: bool,
    /// Write the good rows and list the others.
    pub skip_bad: bool,
}

/// One file an import writes.
#[derive(Debug, Clone)]
pub struct Change {
    /// Relative to the program folder.
    pub rel: PathBuf,
    /// What is there now (`None`: a new file).
    pub before: Option<Arc<str>>,
    /// What it will hold.
    pub after: String,
}

/// What an import would do.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    /// The files to write, in order.
    pub changes: Vec<Change>,
    /// How many people or pairs are new.
    pub added: usize,
    /// How many are updated (with changes; `unchanged` without).
    pub updated: usize,
    /// Rows that would change nothing (`--update` with the same values).
    pub unchanged: usize,
    /// The spreadsheet rows left out with `--skip-bad`.
    pub skipped: Vec<usize>,
    /// Where new people go.
    pub layout: Option<Layout>,
}

/// Why an import stopped before planning.
#[derive(Debug)]
pub enum Refused {
    /// The program has errors of its own: fix them first.
    Program,
    /// The spreadsheet, the mapping or rows have problems (all in the problems).
    Import,
}

/// The program's tags, as (id, label), for reading a tag's label in a cell.
fn tags(book: &crate::book::Book) -> Vec<(String, String)> {
    book.info
        .tags
        .iter()
        .map(|(id, label)| (id.to_string(), label.clone()))
        .collect()
}

/// Reads the spreadsheet and the mapping, and plans the import into the program at `root`; every
/// problem (warnings too, and with `--skip-bad` the skipped rows' problems as warnings) goes to
/// `problems`.
pub fn plan(root: &Path, options: &Options, problems: &mut Problems) -> Result<Plan, Refused> {
    let (book, own) = crate::load_program(root);
    let Some(book) = book else {
        problems.extend(own.into_vec());
        return Err(Refused::Program);
    };
    let before: HashSet<_> = own.iter().map(check::key).collect();
    let kind = options.kind;
    let mut found = Problems::default();
    let Some(table) = table::read(&options.csv, &mut found) else {
        problems.extend(found.into_vec());
        return Err(Refused::Import);
    };
    let map = options.map.as_deref();
    let Some(mapping) = mapping::mapping(kind, &table, map, options.update, &mut found) else {
        problems.extend(found.into_vec());
        return Err(Refused::Import);
    };
    let tags = tags(&book);
    let records = plan::records(kind, &table, &mapping, &tags, &mut found);
    let mut records = plan::unique(&table, records, kind, &mut found);
    let layout = match kind {
        Kind::People => plan::layout(root),
        Kind::Pairs => Layout::Files,
    };
    let mut targets = plan::targets(
        kind,
        &table,
        &book,
        &mut records,
        options.update,
        layout,
        &mut found,
    );
    plan::required(kind, &table, &mapping, &records, &mut targets, &mut found);
    let mut kept: Vec<(Record, Target)> = records
        .into_iter()
        .zip(targets)
        .filter_map(|(r, t)| t.map(|t| (r, t)))
        .collect();
    let mut early = found.into_vec();
    if early.iter().any(|p| p.severity == Severity::Error) && !options.skip_bad {
        // The other rows are checked too: every bad row is reported in one run.
        let (_, found, _) = checked(root, kind, &book, &table, &kept, &before);
        early.extend(found.records.into_iter().map(|(_, p)| p));
        early.extend(found.other);
        problems.extend(early);
        return Err(Refused::Import);
    }
    // Check; with --skip-bad, leave out the rows with errors and check the rest again, until
    // none is left out (a pair can depend on a person that a skipped row would have added).
    let (changes, last, unchanged) = loop {
        let (changes, found, unchanged) = checked(root, kind, &book, &table, &kept, &before);
        let bad: HashSet<usize> = found
            .records
            .iter()
            .filter(|(_, p)| p.severity == Severity::Error)
            .map(|(i, _)| *i)
            .collect();
        let other_errors = found.other.iter().any(|p| p.severity == Severity::Error);
        if bad.is_empty() || !options.skip_bad || other_errors {
            break (changes, found, unchanged);
        }
        early.extend(
            found
                .records
                .into_iter()
                .filter(|(i, _)| bad.contains(i))
                .map(|(_, p)| p),
        );
        let mut index = 0;
        kept.retain(|_| {
            index += 1;
            !bad.contains(&(index - 1))
        });
    };
    let errors = last
        .records
        .iter()
        .map(|(_, p)| p)
        .chain(&last.other)
        .any(|p| p.severity == Severity::Error);
    for mut p in early {
        // Skipped rows: said, and not failing the import that was asked to skip them.
        p.severity = Severity::Warning;
        problems.push(p);
    }
    problems.extend(last.records.into_iter().map(|(_, p)| p));
    problems.extend(last.other);
    if errors {
        return Err(Refused::Import);
    }
    let rows_kept: HashSet<usize> = kept.iter().map(|(r, _)| r.row).collect();
    let updates = kept
        .iter()
        .filter(|(_, t)| matches!(t, Target::Update(_)))
        .count();
    Ok(Plan {
        changes,
        added: kept.len() - updates,
        updated: updates - unchanged,
        unchanged,
        skipped: table
            .rows
            .iter()
            .enumerate()
            .filter(|(i, _)| !rows_kept.contains(i))
            .map(|(_, r)| r.number)
            .collect(),
        layout: (kind == Kind::People).then_some(layout),
    })
}

/// The files `kept` would write, and what the checks find in them.
fn checked(
    root: &Path,
    kind: Kind,
    book: &crate::book::Book,
    table: &table::Table,
    kept: &[(Record, Target)],
    before: &HashSet<check::Key>,
) -> (Vec<Change>, check::Found, usize) {
    let records: Vec<Record> = kept.iter().map(|(r, _)| r.clone()).collect();
    let mut overlay: Vec<(PathBuf, Arc<str>)> = Vec::new();
    let mut origins = Vec::new();
    let mut changes: Vec<Change> = Vec::new();
    // Edits of existing files, with the people appended to the list.
    let mut edited: BTreeMap<PathBuf, (Vec<usize>, Vec<usize>)> = BTreeMap::new();
    for (i, (r, t)) in kept.iter().enumerate() {
        match t {
            Target::New(rel) => {
                let text = plan::new_file(kind, book, r, rel);
                origins.extend(file_origins(rel, &text, i, r));
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
                let text = plan::new_file(kind, book, r, &rel);
                origins.extend(file_origins(&rel, &text, i, r));
                overlay.push((rel, Arc::from(text)));
                edited.entry(plan::people_list()).or_default().1.push(i);
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
        let list = rel == &plan::people_list();
        let ups: Vec<&Record> = updates.iter().map(|&i| &kept[i].0).collect();
        let adds: Vec<&Record> = appends.iter().map(|&i| &kept[i].0).collect();
        // Checked with the updates alone; written with the appended people too.
        let (checked_text, same) = match plan::edit_file(&text, list, &ups, &[]) {
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
            match plan::edit_file(&text, list, &ups, &adds) {
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
                plan::indexes(&doc)
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
                origins.extend(check::origins(rel, &doc, &item, i, r));
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
    let mut found = check::check(root, &overlay, &origins, before, table, &records);
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
fn file_origins(rel: &Path, text: &str, i: usize, r: &Record) -> Vec<check::Origin> {
    match crate::yaml_edit::Document::parse(text) {
        Ok(doc) => check::origins(rel, &doc, &[], i, r),
        Err(_) => Vec::new(),
    }
}

/// Why writing stopped.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// A file appeared where a new one was to go.
    #[error("{0} already exists; mentorbook never overwrites a file")]
    Exists(PathBuf),
    /// A file changed between the check and the write.
    #[error("{0} changed while importing; nothing more was written: run the import again")]
    Changed(PathBuf),
    /// Writing failed.
    #[error("cannot write {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
}

/// Writes the plan's files into the program at `root`: new files created (never over an existing
/// one), edited files replaced whole by a rename, each only if it still holds what was read.
/// Returns the files written, in order.
pub fn write(root: &Path, plan: &Plan) -> Result<Vec<PathBuf>, WriteError> {
    // Every check first, so that a refusal writes nothing.
    for c in &plan.changes {
        let path = root.join(&c.rel);
        match &c.before {
            None if path.exists() => return Err(WriteError::Exists(c.rel.clone())),
            Some(before) if std::fs::read_to_string(&path).ok().as_deref() != Some(&**before) => {
                return Err(WriteError::Changed(c.rel.clone()));
            }
            _ => {}
        }
    }
    let mut written = Vec::new();
    for c in &plan.changes {
        let path = root.join(&c.rel);
        let io = |source| WriteError::Io {
            path: c.rel.clone(),
            source,
        };
        match &c.before {
            None => match crate::scaffold::new::write_new(root, &c.rel, &c.after) {
                Ok(()) => {}
                Err(crate::scaffold::new::Error::Exists(p)) => return Err(WriteError::Exists(p)),
                Err(crate::scaffold::new::Error::Io { source, .. }) => return Err(io(source)),
                Err(e) => return Err(io(std::io::Error::other(e.to_string()))),
            },
            Some(_) => {
                let tmp = path.with_extension("yaml.import-tmp");
                std::fs::write(&tmp, &c.after).map_err(io)?;
                if let Err(e) = std::fs::rename(&tmp, &path) {
                    let _ = std::fs::remove_file(&tmp);
                    return Err(io(e));
                }
            }
        }
        written.push(c.rel.clone());
    }
    Ok(written)
}

/// The lines that differ between `before` and `after`, as `-` and `+` lines with the line numbers
/// of `before`: what `--dry-run` shows of an edited file.
pub fn diff(before: &str, after: &str) -> String {
    let a: Vec<&str> = before.lines().collect();
    let b: Vec<&str> = after.lines().collect();
    let head = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let tail = a[head..]
        .iter()
        .rev()
        .zip(b[head..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let mut out = format!("@@ line {} @@\n", head + 1);
    for l in &a[head..a.len() - tail] {
        out.push_str(&format!("-{l}\n"));
    }
    for l in &b[head..b.len() - tail] {
        out.push_str(&format!("+{l}\n"));
    }
    out
}
