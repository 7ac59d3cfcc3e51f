//! `mentorbook build`: the site of a program for one audience ([`crate::build::run`]), and the
//! summary of what it did.

use std::path::Path;

use super::{Exit, count, failed, print_output_error, print_problems};
use crate::build::{Built, Failure, Request, Say, Wrote};
use crate::config::Overrides;
use crate::model::Audience;
use crate::pdf;

const NOT_BUILT: &str = "the site was not built; the previous output, if any, is unchanged";

/// Builds the site of the program in `dir` for `audience` into `dest` (default: the configured
/// output folder for the public site, `book-private/<audience>` for a private edition), with PDF
/// files when `with_pdf` is given, with `overrides` set over `book.toml`.
pub fn build(
    dir: &Path,
    dest: Option<&Path>,
    audience: &Audience,
    overrides: &Overrides,
    with_pdf: Option<&pdf::Options>,
) -> Exit {
    let request = Request {
        root: dir,
        dest,
        audience,
        pdf: with_pdf,
        today: crate::model::Date::today(),
        overrides,
        color: crate::report::stderr_color(),
    };
    let say = Say {
        warnings: &|text| eprint!("{text}"),
        waiting: &|other| eprintln!("waiting for {other} to finish writing the same folder..."),
    };
    match crate::build::run(&request, &say) {
        Ok(built) => {
            summary(&built, audience);
            Exit::Ok
        }
        Err(failure) => {
            let exit = report(failure);
            eprintln!("{NOT_BUILT}");
            exit
        }
    }
}

/// Prints what a build did, in one line (two with PDF files).
fn summary(built: &Built, audience: &Audience) {
    let edition = edition_note(audience);
    let what = format!(
        "built {} for {} into {} in {} ms",
        count(built.pages, "page", "pages"),
        count(built.pairs, "pair", "pairs"),
        built.dest.display(),
        built.elapsed.as_millis(),
    );
    match &built.wrote {
        Wrote::Nothing { files } => eprintln!(
            "{what}: nothing changed since the last build: 0 files written, {files} unchanged{edition}"
        ),
        Wrote::Site {
            written,
            rendered,
            load,
            cached,
            render,
            index,
            pdf,
        } => {
            // What the cache of the last build's pairs spared.
            let cached = if cached.parsed > 0 {
                format!(
                    ", {} parsed and {} checked before",
                    count(cached.parsed, "pair", "pairs"),
                    cached.checked
                )
            } else {
                String::new()
            };
            // A build after an edit to pairs alone renders what they touch, and makes again only
            // the parts of the search index that hold those pairs.
            let partial = if *rendered < built.pages {
                format!(", {rendered} pages that the edited pairs touch")
            } else {
                String::new()
            };
            let index = if index.parts > 0 {
                format!(
                    ", {} of {} parts of the search index kept",
                    index.parts, index.of
                )
            } else {
                String::new()
            };
            let removed = if written.removed > 0 {
                format!(", {} removed", written.removed)
            } else {
                String::new()
            };
            eprintln!(
                "{what} (load and check {} ms{cached}, render {} ms{partial}{index}): {} files written, {} unchanged{removed}{edition}",
                load.as_millis(),
                render.as_millis(),
                written.written,
                written.unchanged,
            );
            if let Some((files, r)) = pdf {
                eprintln!(
                    "{} in {}: {} made in {:.1} s, {} unchanged",
                    count(*files, "PDF file", "PDF files"),
                    built.dest.join(crate::paths::PDF_DIR).display(),
                    r.made.len(),
                    r.elapsed.as_secs_f64(),
                    r.unchanged
                );
            }
        }
    }
}

/// Prints why the build stopped, and gives the exit code.
fn report(failure: Failure) -> Exit {
    match failure {
        Failure::Program(problems) => {
            let exit = failed(&problems);
            print_problems(problems);
            exit
        }
        Failure::NoPair { id, closest } => {
            let hint = closest.map_or_else(String::new, |b| format!(" (did you mean `pair:{b}`?)"));
            eprintln!("error: there is no pair `{id}`{hint}");
            Exit::Failure
        }
        Failure::Render(p) => {
            let mut ps = crate::diagnostic::Problems::default();
            ps.push(p);
            print_problems(ps);
            Exit::ProgramErrors
        }
        Failure::Output(e) => {
            print_output_error(&e);
            Exit::Failure
        }
        Failure::Pdf(e) => {
            eprintln!("error: {e}");
            if let Some(h) = e.hint() {
                eprintln!("  help: {h}");
            }
            Exit::Failure
        }
    }
}

/// What the summary line says of a private edition: that it must not be published.
fn edition_note(audience: &Audience) -> String {
    if audience.is_public() {
        String::new()
    } else {
        format!(" (private edition for {audience}: do not publish)")
    }
}
