//! `mentorbook build`: load, check, render, stage, keep the PDFs still current, make the others
//! (`--pdf`), put the site in place.

use std::path::{Path, PathBuf};
use std::time::Instant;

use super::{Exit, count, failed, print_output_error, print_problems};
use crate::diagnostic::Problems;
use crate::render::{Options, Theme, render};

const NOT_BUILT: &str = "the site was not built; the previous output, if any, is unchanged";

/// How `build --pdf` and `pdf` make PDF files.
#[derive(Debug, Clone, Default)]
pub struct PdfOptions {
    /// `--browser`: overrides `[print] browser` and the search on PATH.
    pub browser: Option<PathBuf>,
    /// How many at once.
    pub make: crate::pdf::Options,
}

/// Builds the site of the program in `dir` into `dest` (default: the configured output folder), with
/// PDF files when `pdf` is given.
pub fn build(dir: &Path, dest: Option<&Path>, pdf: Option<&PdfOptions>) -> Exit {
    let started = Instant::now();
    let (program, problems) = crate::load_program(dir);
    let Some(program) = program else {
        let exit = failed(&problems);
        print_problems(problems);
        eprintln!("{NOT_BUILT}");
        return exit;
    };
    print_problems(problems);
    let browser = match pdf.map(|o| crate::pdf::find_browser(o.browser.as_deref(), &program.config))
    {
        Some(Err(e)) => return pdf_failed(&e),
        Some(Ok(b)) => Some(b),
        None => None,
    };
    let options = Options { pdf: pdf.is_some() };
    let site =
        Theme::load(&program.config).and_then(|mut theme| render(&program, &mut theme, options));
    let site = match site {
        Ok(s) => s,
        Err(p) => {
            let mut ps = Problems::default();
            ps.push(p);
            print_problems(ps);
            eprintln!("{NOT_BUILT}");
            return Exit::ProgramErrors;
        }
    };
    let dest = dest.map_or_else(
        || program.config.dest_dir(),
        |d| program.config.root.join(d),
    );
    let staged = match crate::output::stage(dir, &dest, &site) {
        Ok(s) => s,
        Err(e) => {
            print_output_error(&e);
            return Exit::Failure;
        }
    };
    let built_in = started.elapsed();
    let kept = crate::pdf::carry_over(&staged, &site);
    let made = match (kept, &browser) {
        (Err(e), _) => return pdf_failed(&e),
        (Ok(_), Some(b)) => {
            match crate::pdf::make(&staged, &site, b, pdf.map(|o| o.make).unwrap_or_default()) {
                Ok(report) => Some(report),
                Err(e) => return pdf_failed(&e),
            }
        }
        (Ok(_), None) => None,
    };
    if let Err(e) = staged.commit() {
        print_output_error(&e);
        return Exit::Failure;
    }
    eprintln!(
        "built {} for {} into {} in {} ms",
        count(site.pages.len(), "page", "pages"),
        count(program.pairs.len(), "pair", "pairs"),
        dest.display(),
        built_in.as_millis()
    );
    if let Some(r) = made {
        eprintln!(
            "{} in {}: {} made in {:.1} s, {} unchanged",
            count(site.prints.len(), "PDF file", "PDF files"),
            dest.join(crate::render::print::PDF_DIR).display(),
            r.made.len(),
            r.elapsed.as_secs_f64(),
            r.unchanged
        );
    }
    Exit::Ok
}

/// Prints why the PDF files could not be made; nothing was put in place.
fn pdf_failed(e: &crate::pdf::Error) -> Exit {
    eprintln!("error: {e}");
    if let Some(h) = e.hint() {
        eprintln!("  help: {h}");
    }
    eprintln!("{NOT_BUILT}");
    Exit::Failure
}
