//! `mentorbook import people|pairs`: a thin wrapper over [`crate::import`].

use std::io::Write as _;
use std::path::Path;

use super::{Exit, count, failed, print_problems};
use crate::diagnostic::Problems;
use crate::import::{self, Kind, Layout, Options, Refused};

/// What `import` does besides importing.
#[derive(Debug, Clone, Copy, Default)]
pub struct ImportMode<'a> {
    /// Write a first mapping for the spreadsheet here, and import nothing.
    pub write_map: Option<&'a Path>,
    /// Show what would be written, and write nothing.
    pub dry_run: bool,
}

/// Imports the people or pairs of `options.csv` into the program in `dir`.
pub fn import(dir: &Path, options: &Options, mode: ImportMode<'_>) -> Exit {
    let mut problems = Problems::default();
    if let Some(out) = mode.write_map {
        return write_map(options, out, problems);
    }
    let (people, one) = match options.kind {
        Kind::People => ("people", "person"),
        Kind::Pairs => ("pairs", "pair"),
    };
    let plan = import::plan(dir, options, &mut problems);
    let plan = match plan {
        Ok(p) => p,
        Err(why) => {
            let exit = failed(&problems);
            print_problems(problems);
            match why {
                Refused::Program => eprintln!(
                    "fix these first: the import is checked with the rest of the program; nothing was written"
                ),
                Refused::Import => eprintln!(
                    "nothing was written: fix the rows above (or import with --skip-bad to leave them out)"
                ),
            }
            return exit;
        }
    };
    print_problems(problems);
    let noun = if plan.added == 1 { one } else { people };
    let mut summary = format!("{} new {noun}", plan.added);
    if options.update {
        summary.push_str(&format!(", {} updated", plan.updated));
        if plan.unchanged > 0 {
            summary.push_str(&format!(
                ", {} already as the spreadsheet says",
                plan.unchanged
            ));
        }
    }
    if !plan.skipped.is_empty() {
        let rows: Vec<String> = plan.skipped.iter().map(usize::to_string).collect();
        summary.push_str(&format!(
            "; skipped {} (rows {}): see the warnings above",
            count(plan.skipped.len(), "row", "rows"),
            rows.join(", ")
        ));
    }
    if mode.dry_run {
        let mut out = std::io::stdout().lock();
        for c in &plan.changes {
            let _ = match &c.before {
                None => writeln!(out, "--- would create {}\n{}", c.rel.display(), c.after),
                Some(before) => writeln!(
                    out,
                    "--- would edit {}\n{}",
                    c.rel.display(),
                    import::diff(before, &c.after)
                ),
            };
        }
        eprintln!("would import {summary}; nothing was written (--dry-run)");
        return Exit::Ok;
    }
    match import::write(dir, &plan) {
        Ok(written) => {
            for (rel, c) in written.iter().zip(&plan.changes) {
                let verb = if c.before.is_some() {
                    "updated"
                } else {
                    "created"
                };
                eprintln!("{verb} {}", rel.display());
            }
            if plan.layout == Some(Layout::List) && plan.added > 0 {
                eprintln!(
                    "(new people are added at the end of content/people.yaml, as the program keeps everyone there)"
                );
            }
            eprintln!("imported {summary}");
            eprintln!("next: `mentorbook check`, then review the new files and commit them");
            Exit::Ok
        }
        Err(e) => {
            eprintln!("error: {e}");
            Exit::Failure
        }
    }
}

/// Writes a first mapping for the spreadsheet, never over an existing file.
fn write_map(options: &Options, out: &Path, mut problems: Problems) -> Exit {
    let Some(table) = import::table::read(&options.csv, &mut problems) else {
        let exit = failed(&problems);
        print_problems(problems);
        return exit;
    };
    let text = import::mapping::guessed(options.kind, &table);
    let file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(out);
    let result = file.and_then(|mut f| f.write_all(text.as_bytes()));
    match result {
        Ok(()) => {
            let command = match options.kind {
                Kind::People => "people",
                Kind::Pairs => "pairs",
            };
            eprintln!(
                "wrote {}: a field for each column, guessed from its header",
                out.display()
            );
            eprintln!(
                "next: check every line, then `mentorbook import {command} {} --map {}`",
                options.csv.display(),
                out.display()
            );
            Exit::Ok
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            eprintln!(
                "error: {} already exists; mentorbook never overwrites a file",
                out.display()
            );
            Exit::Failure
        }
        Err(e) => {
            eprintln!("error: cannot write {}: {e}", out.display());
            Exit::Failure
        }
    }
}
