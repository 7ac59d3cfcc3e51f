//! `mentorbook clean`: remove the built site, and nothing else.

use std::path::Path;

use super::{Exit, failed, print_output_error, print_problems};
use crate::config::Config;

/// Removes the output folder of the program in `dir` for `audience` (or `dest`), if mentorbook
/// made it.
pub fn clean(dir: &Path, dest: Option<&Path>, audience: &crate::model::Audience) -> Exit {
    let config = match Config::load(dir) {
        Ok(c) => c,
        Err(p) => {
            let mut ps = crate::diagnostic::Problems::default();
            ps.push(p);
            let exit = failed(&ps);
            print_problems(ps);
            return exit;
        }
    };
    let target = crate::build::target(&config, audience, dest);
    let dest = &target.dest;
    // Not while another mentorbook writes the folder; no edition check: removing mixes nothing.
    let lock = crate::output::check_dest(dir, dest).and_then(|resolved| {
        let waiting = |other: &str| {
            eprintln!(
                "waiting for {other} to finish writing {}...",
                dest.display()
            )
        };
        crate::output::Lock::take(
            &resolved,
            crate::output::Holder::Build,
            "mentorbook clean",
            waiting,
        )
    });
    if let Err(e) = lock {
        print_output_error(&e);
        return Exit::Failure;
    }
    match crate::output::clean(dir, dest) {
        Ok(true) => {
            eprintln!("removed {}", dest.display());
            Exit::Ok
        }
        Ok(false) => {
            eprintln!("nothing to remove: {} does not exist", dest.display());
            Exit::Ok
        }
        Err(e) => {
            print_output_error(&e);
            Exit::Failure
        }
    }
}
