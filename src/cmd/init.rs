//! `mentorbook init`: a new program folder.

use std::path::Path;

use super::Exit;
use crate::scaffold::{self, Written};

/// Writes a new program into `dir`. Refuses a folder that is not empty unless `force`; never
/// overwrites a file either way.
pub fn init(dir: &Path, force: bool) -> Exit {
    let non_empty = std::fs::read_dir(dir).is_ok_and(|mut d| d.next().is_some());
    if non_empty && !force {
        eprintln!("error: {} is not empty", dir.display());
        eprintln!(
            "  help: pass --force to add the missing files (existing files are never overwritten)"
        );
        return Exit::Failure;
    }
    match scaffold::write_program(dir) {
        Ok(written) => {
            let skipped: Vec<_> = written
                .iter()
                .filter(|w| matches!(w, Written::Kept(_)))
                .collect();
            for w in &skipped {
                if let Written::Kept(p) = w {
                    eprintln!("kept {} (it already exists)", p.display());
                }
            }
            eprintln!(
                "created a mentorbook program in {} ({} files)",
                dir.display(),
                written.len() - skipped.len()
            );
            eprintln!("next: mentorbook build {}", dir.display());
            eprintln!(
                "keep its git repository private: it holds private notes (meeting notes, concerns, \
                 contact details), and only the site that `mentorbook build` makes is public"
            );
            eprintln!(
                "publishing from a private repository: {}/git-hosts.md",
                scaffold::docs_url()
            );
            Exit::Ok
        }
        Err(e) => {
            eprintln!("error: {e}");
            Exit::Failure
        }
    }
}
