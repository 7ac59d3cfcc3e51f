//! `mentorbook import people|pairs FILE.csv`: people and pairs from a spreadsheet export.
//!
//! The steps: the file is read as a table ([`table`]); each column is given a field ([`mapping`],
//! from a mapping file or the header; [`fields`] says what each field takes); each row becomes a
//! record (`plan`) and is given a place to go (`targets`: a new file, an entry at the end of
//! `content/people.yaml`, or, with `--update`, the person or pair already there); the texts those
//! places would hold (`files`) are loaded and checked with the rest of the program, as `check`
//! would, and every problem is moved to the row and column it came from (`check`). Nothing is
//! written unless every row is good, or, with `--skip-bad`, the rows with errors are left out and
//! the rest checked again without them. Writing ([`write`]) never puts a new file over an existing
//! one, and replaces an edited file only if it still holds what was read; only its edited values
//! differ (see [`crate::yaml_edit`]).

mod check;
pub mod fields;
mod files;
pub mod mapping;
mod plan;
pub mod table;
mod targets;
mod write;

pub use fields::Kind;
pub use targets::Layout;
pub use write::{WriteError, diff, write};

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diagnostic::{Problems, Severity};
use plan::Record;
use targets::Target;

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
        Kind::People => targets::layout(root),
        Kind::Pairs => Layout::Files,
    };
    let mut targets = targets::targets(
        kind,
        &table,
        &book,
        &mut records,
        options.update,
        layout,
        &mut found,
    );
    targets::required(kind, &table, &mapping, &records, &mut targets, &mut found);
    let mut kept: Vec<(Record, Target)> = records
        .into_iter()
        .zip(targets)
        .filter_map(|(r, t)| t.map(|t| (r, t)))
        .collect();
    let mut early = found.into_vec();
    if early.iter().any(|p| p.severity == Severity::Error) && !options.skip_bad {
        // The other rows are checked too: every bad row is reported in one run.
        let (_, found, _) = check::checked(root, kind, &book, &table, &kept, &before);
        early.extend(found.records.into_iter().map(|(_, p)| p));
        early.extend(found.other);
        problems.extend(early);
        return Err(Refused::Import);
    }
    // Check; with --skip-bad, leave out the rows with errors and check the rest again, until
    // none is left out (a pair can depend on a person that a skipped row would have added).
    let (changes, last, unchanged) = loop {
        let (changes, found, unchanged) = check::checked(root, kind, &book, &table, &kept, &before);
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
    // The new people were checked in files of their own; the list they join must still read as a
    // list of people (a safety net: the same values, indented otherwise).
    for c in changes.iter().filter(|c| c.rel == targets::people_list()) {
        let whole: Arc<str> = Arc::from(c.after.as_str());
        let read = crate::load::yaml::parse_str::<crate::model::person::PeopleFile>(
            &c.rel, &c.after, 0, &whole,
        );
        if let Err(p) = read {
            problems.push(p);
            return Err(Refused::Import);
        }
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
        skipped: {
            let mut rows: Vec<usize> = table
                .rows
                .iter()
                .enumerate()
                .filter(|(i, _)| !rows_kept.contains(i))
                .map(|(_, r)| r.number)
                .chain(table.dropped.iter().copied())
                .collect();
            rows.sort_unstable();
            rows
        },
        layout: (kind == Kind::People).then_some(layout),
    })
}
