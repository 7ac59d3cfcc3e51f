//! One save: the file read again, compared with the version the form was made from, changed,
//! checked as `check` would check the whole program with the new text, and only then written.
//!
//! Every refusal happens before the write, so a refused save leaves every file as it was: a file
//! changed on disk since the form was made ([`Refused::Changed`], with both versions' changed
//! lines), a change the file's shape does not allow ([`Refused::Edit`]), or a program that would
//! have errors ([`Refused::Problems`], located in the new text as `check` locates them). Warnings
//! do not stop a save; they come back with it.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use super::files::{self, FileError};
use super::forms::FormError;
use crate::config::Config;
use crate::diagnostic::{Problem, Problems};
use crate::render::strings::{EditErrorWords, fill};

/// What a save did.
#[derive(Debug)]
pub struct Saved {
    /// The file, relative to the program folder.
    pub file: PathBuf,
    /// The change as a unified diff (empty when the text was already so).
    pub diff: String,
    /// The warnings of the program with the new text.
    pub warnings: Vec<Problem>,
}

/// Why nothing was written.
#[derive(Debug)]
pub enum Refused {
    /// The file changed on disk since the form was made from it.
    Changed {
        /// The file.
        file: PathBuf,
        /// What changed on disk since, as a unified diff from the form's version (when the editor
        /// still has it) to the file's.
        diff: String,
    },
    /// The change cannot be made to this file's text.
    Edit(FormError),
    /// The program would have errors (warnings come along).
    Problems(Vec<Problem>),
    /// The file could not be read or written.
    File(FileError),
}

impl Refused {
    /// What the page says, in the words `w` (the console says it in English, in the words of
    /// [`Strings::builtin`](crate::render::strings::Strings::builtin)).
    pub fn message(&self, w: &EditErrorWords) -> String {
        let not_saved = |why: &str| fill(&w.not_saved, &[("why", why)]);
        match self {
            Refused::Changed { file, .. } => {
                fill(&w.changed, &[("file", &file.display().to_string())])
            }
            Refused::Edit(e) => not_saved(&e.text(w)),
            Refused::Problems(_) => w.would_error.clone(),
            Refused::File(e) => not_saved(&e.to_string()),
        }
    }
}

impl From<FileError> for Refused {
    fn from(e: FileError) -> Refused {
        Refused::File(e)
    }
}

/// A version and its text.
type Kept = (String, Arc<str>);

/// The texts that the editor's forms were made from, by version, so that a refused save can show
/// what changed on disk since. Bounded: the oldest go first.
#[derive(Debug, Default, Clone)]
pub struct Versions(Arc<Mutex<VecDeque<Kept>>>);

/// How many versions are kept: enough for every form open in a few tabs.
const KEPT_VERSIONS: usize = 64;

impl Versions {
    /// Remembers `text` and returns its version.
    pub fn remember(&self, text: &str) -> String {
        let v = files::version(text);
        let mut kept = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if !kept.iter().any(|(k, _)| *k == v) {
            if kept.len() == KEPT_VERSIONS {
                kept.pop_front();
            }
            kept.push_back((v.clone(), Arc::from(text)));
        }
        v
    }

    fn get(&self, version: &str) -> Option<Arc<str>> {
        let kept = self.0.lock().unwrap_or_else(|e| e.into_inner());
        kept.iter()
            .find(|(k, _)| k == version)
            .map(|(_, t)| Arc::clone(t))
    }
}

/// Every problem of the program with a file's text in place of what is on disk: [`whole`], or
/// quicker when the editor's session can check one pair alone.
pub type Check<'a> = &'a dyn Fn(&Path, &str) -> Problems;

/// Changes `file` (relative to `root`) with `change`, if it is still at `version`, and writes it
/// when the program, as `check` finds it, has no errors.
pub fn save(
    root: &Path,
    file: &Path,
    version: &str,
    versions: &Versions,
    change: impl FnOnce(&str) -> Result<String, String>,
    check: Check<'_>,
) -> Result<Saved, Refused> {
    let text = files::read(root, file)?;
    if files::version(&text) != version {
        let before = versions.get(version).unwrap_or_default();
        return Err(Refused::Changed {
            file: file.to_path_buf(),
            diff: diff(&before, &text, file),
        });
    }
    let new = change(&text).map_err(|e| Refused::Edit(FormError::Other(e)))?;
    if new == text {
        return Ok(Saved {
            file: file.to_path_buf(),
            diff: String::new(),
            warnings: Vec::new(),
        });
    }
    let warnings = checked(check(file, &new), file)?;
    files::replace(root, file, &new)?;
    Ok(Saved {
        file: file.to_path_buf(),
        diff: diff(&text, &new, file),
        warnings,
    })
}

/// Creates `file` with `text` when the whole program with it checks without errors.
pub fn create(root: &Path, config: &Config, file: &Path, text: &str) -> Result<Saved, Refused> {
    files::allowed(root, file)?;
    let warnings = checked(whole(config, file, text), file)?;
    files::create(root, file, text)?;
    Ok(Saved {
        file: file.to_path_buf(),
        diff: diff("", text, file),
        warnings,
    })
}

/// Every problem of the whole program read again from disk, with `text` in place of `file`.
pub fn whole(config: &Config, file: &Path, text: &str) -> Problems {
    let mut problems = Problems::default();
    let overlay = [(file.to_path_buf(), Arc::<str>::from(text))];
    let loaded = crate::load::load_overlaid(
        config.clone(),
        crate::model::PrivateValues::Kept,
        &overlay,
        &mut problems,
    );
    crate::validate::validate(loaded, &mut problems);
    problems
}

/// The warnings about `file` among `problems`, or every error when there is one.
fn checked(problems: Problems, file: &Path) -> Result<Vec<Problem>, Refused> {
    let errors = problems.has_errors();
    // Chosen before they are placed (sorting places each problem, reading its file's line): a
    // big program has thousands of warnings, and only the edited file's are shown.
    let mut kept = Problems::default();
    kept.extend(problems.into_vec().into_iter().filter(|p| {
        if errors {
            p.severity == crate::diagnostic::Severity::Error
        } else {
            // Only the warnings about the edited file: the others were there before.
            p.span.file == file
        }
    }));
    let kept = kept.into_sorted();
    if errors {
        Err(Refused::Problems(kept))
    } else {
        Ok(kept)
    }
}

/// `before` to `after` as a unified diff of `file`, with a line of context.
pub fn diff(before: &str, after: &str, file: &Path) -> String {
    let name = file.display().to_string();
    similar::TextDiff::from_lines(before, after)
        .unified_diff()
        .context_radius(1)
        .header(&format!("a/{name}"), &format!("b/{name}"))
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_diff_shows_only_the_changed_lines_with_one_of_context() {
        let d = diff(
            "a\nb\nc\nd\n",
            "a\nb\nC\nd\n",
            Path::new("content/pairs/x.yaml"),
        );
        assert_eq!(
            d,
            "--- a/content/pairs/x.yaml\n+++ b/content/pairs/x.yaml\n@@ -2,3 +2,3 @@\n b\n-c\n+C\n d\n"
        );
    }

    /// The quick check of one edited pair against the session's program finds what checking the
    /// whole program again finds: the same problems, errors and warnings, at the same places.
    #[test]
    fn the_quick_check_of_a_pair_finds_what_the_whole_check_finds() {
        let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        std::fs::copy(repo.join("book.toml"), root.join("book.toml")).unwrap();
        for entry in walkdir::WalkDir::new(repo.join("content")) {
            let entry = entry.unwrap();
            let to = root.join(entry.path().strip_prefix(repo).unwrap());
            if entry.file_type().is_dir() {
                std::fs::create_dir_all(&to).unwrap();
            } else {
                std::fs::copy(entry.path(), &to).unwrap();
            }
        }
        let mut session = crate::session::Session::new(root, None)
            .with_audience(crate::model::Audience::Coordinators);
        assert!(matches!(
            session.rebuild(),
            crate::session::Outcome::Built(_)
        ));
        let config = session.program().unwrap().0.clone();
        let rel = Path::new("content/pairs/joseph-mwangi-aisha-rahman.yaml");
        let text = std::fs::read_to_string(root.join(rel)).unwrap();
        let other_mentee = text.replace("mentee: aisha-rahman", "mentee: ben-okafor");
        let variants = [
            text.clone(),
            text.replace("start: 2026-09-14", "start: 2026-13-45"),
            text.replace("mentor: joseph-mwangi", "mentor: joseph-mwangl"),
            text.replace(
                "concerns-and-fears: 2026-11-19",
                "concerns-and-fears: 2026-11-19\n  enabling:\n    keep-records: 2026-11-20",
            ),
            // Ben is Ana's mentee too: two pairs of one mentee at once.
            other_mentee,
            text.replace("mentee: aisha-rahman", "mentee: [x"),
        ];
        let key = |ps: Problems| -> Vec<String> {
            let mut v: Vec<String> = ps
                .into_vec()
                .into_iter()
                .map(|p| {
                    format!(
                        "{:?} {:?} {}:{}:{} {}",
                        p.severity,
                        p.code,
                        p.span.file.display(),
                        p.span.line,
                        p.span.column,
                        p.message
                    )
                })
                .collect();
            v.sort();
            v
        };
        for (i, variant) in variants.iter().enumerate() {
            let quick = session
                .check_pair_text(rel, variant)
                .unwrap_or_else(|| panic!("variant {i}: no quick check"));
            assert_eq!(key(quick), key(whole(&config, rel, variant)), "variant {i}");
        }
        // A pair that is not in the program yet is checked whole.
        assert!(
            session
                .check_pair_text(Path::new("content/pairs/new-pair.yaml"), &text)
                .is_none()
        );
    }

    #[test]
    fn versions_are_kept_up_to_a_bound() {
        let v = Versions::default();
        let first = v.remember("0");
        for i in 1..=KEPT_VERSIONS {
            v.remember(&i.to_string());
        }
        assert!(v.get(&first).is_none());
        assert_eq!(v.get(&files::version("5")).as_deref(), Some("5"));
    }
}
