//! `mentorbook build`: load, check, render, write.

use std::path::Path;
use std::time::Instant;

use super::{Exit, count, failed, print_output_error, print_problems};
use crate::diagnostic::Problems;
use crate::model::Audience;
use crate::render::{Theme, render};

const NOT_BUILT: &str = "the site was not built; the previous output, if any, is unchanged";

/// Builds the site of the program in `dir` for `audience` into `dest` (default: the configured
/// output folder for the public site, `book-private/<audience>` for a private edition).
pub fn build(dir: &Path, dest: Option<&Path>, audience: &Audience) -> Exit {
    let started = Instant::now();
    let (program, problems) = crate::load_program(dir);
    let Some(program) = program else {
        let exit = failed(&problems);
        print_problems(problems);
        eprintln!("{NOT_BUILT}");
        return exit;
    };
    print_problems(problems);
    if let Audience::Pair(id) = audience {
        if !program.pairs.iter().any(|p| &p.id == id) {
            let hint = crate::diagnostic::did_you_mean(
                id.as_str(),
                program.pairs.iter().map(|p| p.id.as_str()),
            )
            .map_or_else(String::new, |b| format!(" (did you mean `pair:{b}`?)"));
            eprintln!("error: there is no pair `{id}`{hint}");
            return Exit::Failure;
        }
    }
    let dest = program.config.dest_for(audience, dest);
    if !audience.is_public() && same_folder(&dest, &program.config.dest_dir()) {
        eprintln!(
            "error: refusing to write the {audience} edition into the public site's folder {}",
            dest.display()
        );
        eprintln!(
            "  help: leave out -d to use {}/{}",
            crate::config::PRIVATE_DIR,
            audience.folder()
        );
        return Exit::Failure;
    }
    let site =
        Theme::load(&program.config).and_then(|mut theme| render(&program, &mut theme, audience));
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
    if let Err(e) = crate::output::write_site(dir, &dest, &site) {
        print_output_error(&e);
        return Exit::Failure;
    }
    let edition = if audience.is_public() {
        String::new()
    } else {
        format!(" (private edition for {audience}: do not publish)")
    };
    eprintln!(
        "built {} for {} into {} in {} ms{edition}",
        count(site.pages.len(), "page", "pages"),
        count(program.pairs.len(), "pair", "pairs"),
        dest.display(),
        started.elapsed().as_millis()
    );
    Exit::Ok
}

fn same_folder(a: &Path, b: &Path) -> bool {
    let norm = |p: &Path| {
        std::path::absolute(p)
            .map(|p| p.components().collect::<std::path::PathBuf>())
            .ok()
    };
    norm(a) == norm(b)
}
