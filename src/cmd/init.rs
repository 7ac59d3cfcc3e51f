//! `mentorbook init`: a new program folder.

use std::path::Path;

use super::Exit;
use crate::scaffold::{self, Guidelines, Language, Written};

/// Writes a new program in `language` into `dir`. Refuses a folder that is not empty unless
/// `force`; never overwrites a file either way.
pub fn init(dir: &Path, force: bool, language: &Language) -> Exit {
    let non_empty = std::fs::read_dir(dir).is_ok_and(|mut d| d.next().is_some());
    if non_empty && !force {
        eprintln!("error: {} is not empty", dir.display());
        eprintln!(
            "  help: pass --force to add the missing files (existing files are never overwritten)"
        );
        return Exit::Failure;
    }
    match scaffold::write_program(dir, language) {
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
            say_language(language);
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

/// What the program's language gives, when it is not plain English.
fn say_language(language: &Language) {
    let tag = language.tag();
    if let Guidelines::EnglishWithNote(_) = language.guidelines() {
        eprintln!(
            "the guide, the phase checklists and the sample are in English (mentorbook has no \
             `{tag}` guidelines yet); each file says so at its top: translate them as you like"
        );
    }
    if language.interface_is_english() {
        eprintln!(
            "warning: mentorbook has no interface strings for `{tag}`: the pages' words fall \
             back to English; translate them in i18n/{tag}.toml beside book.toml (see {}/themes.md)",
            scaffold::docs_url()
        );
    }
}
