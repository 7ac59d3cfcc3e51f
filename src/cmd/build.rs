//! `mentorbook build`: load, check, render, write.

use std::path::Path;
use std::time::Instant;

use super::{Exit, count, failed, print_output_error, print_problems};
use crate::diagnostic::Problems;
use crate::render::{Options, Theme, render};

const NOT_BUILT: &str = "the site was not built; the previous output, if any, is unchanged";

/// Builds the site of the program in `dir` into `dest` (default: the configured output folder).
pub fn build(dir: &Path, dest: Option<&Path>) -> Exit {
    let started = Instant::now();
    let (program, problems) = crate::load_program(dir);
    let Some(program) = program else {
        let exit = failed(&problems);
        print_problems(problems);
        eprintln!("{NOT_BUILT}");
        return exit;
    };
    print_problems(problems);
    let site = Theme::load(&program.config)
        .and_then(|mut theme| render(&program, &mut theme, Options::default()));
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
    if let Err(e) = crate::output::write_site(dir, &dest, &site) {
        print_output_error(&e);
        return Exit::Failure;
    }
    eprintln!(
        "built {} for {} into {} in {} ms",
        count(site.pages.len(), "page", "pages"),
        count(program.pairs.len(), "pair", "pairs"),
        dest.display(),
        started.elapsed().as_millis()
    );
    Exit::Ok
}
