//! The only writer. A site is written to a temporary folder beside the output folder and swapped into
//! place when complete, so a failed build leaves the previous site untouched. Only folders that carry
//! mentorbook's marker file are ever replaced or removed: nothing the user wrote is deleted.

use std::io;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::render::Site;

/// The file that marks a folder as mentorbook's output, safe to replace.
pub const MARKER: &str = ".mentorbook-output";
const MARKER_TEXT: &str =
    "This folder is written by mentorbook build and replaced on every build. Do not edit it.\n";

/// Why the site could not be written; every variant names the path it is about.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The output folder would overwrite the program.
    #[error("refusing to write the site to {path}: {why}")]
    UnsafeDest {
        /// The output folder.
        path: PathBuf,
        /// Why it is refused.
        why: &'static str,
    },
    /// The output folder holds files mentorbook did not write.
    #[error(
        "refusing to remove or replace {path}: it was not made by mentorbook (no {MARKER} file in it)"
    )]
    NotOurs {
        /// The output folder.
        path: PathBuf,
    },
    /// A file system operation failed.
    #[error("cannot {action} {path}: {source}")]
    Io {
        /// What was being done.
        action: &'static str,
        /// On what.
        path: PathBuf,
        /// The cause.
        source: io::Error,
    },
}

impl Error {
    /// How to fix it, for the messages.
    pub fn hint(&self) -> Option<&'static str> {
        match self {
            Error::UnsafeDest { .. } => {
                Some("set another folder with `-d` or `[build] dest-dir` in book.toml")
            }
            Error::NotOurs { .. } => {
                Some("choose another output folder with `-d`, or move that folder away yourself")
            }
            Error::Io { .. } => None,
        }
    }
}

fn io_err<'a>(action: &'static str, path: &'a Path) -> impl FnOnce(io::Error) -> Error + 'a {
    move |source| Error::Io {
        action,
        path: path.to_path_buf(),
        source,
    }
}

/// Resolves `.` and `..` without touching the file system, so it works for folders not made yet.
fn absolute(path: &Path) -> io::Result<PathBuf> {
    let abs = std::path::absolute(path)?;
    let mut out = PathBuf::new();
    for c in abs.components() {
        match c {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    // Resolve links in the part that exists, so two spellings of one folder compare equal.
    let mut existing = out.clone();
    let mut rest = Vec::new();
    while !existing.exists() {
        match existing.file_name() {
            Some(name) => rest.push(name.to_owned()),
            None => break,
        }
        existing.pop();
    }
    let mut real = existing.canonicalize().unwrap_or(existing);
    real.extend(rest.iter().rev());
    Ok(real)
}

/// Refuses an output folder that is, holds or contains the program, or one that is not ours.
pub fn check_dest(root: &Path, dest: &Path) -> Result<PathBuf, Error> {
    let unsafe_dest = |why| Error::UnsafeDest {
        path: dest.to_path_buf(),
        why,
    };
    let root = absolute(root).map_err(io_err("resolve", root))?;
    let abs = absolute(dest).map_err(io_err("resolve", dest))?;
    if abs == root {
        return Err(unsafe_dest("it is the program folder"));
    }
    if root.starts_with(&abs) {
        return Err(unsafe_dest("it contains the program folder"));
    }
    if abs.join("content").is_dir() || abs.join(crate::config::CONFIG_FILE).is_file() {
        return Err(unsafe_dest("it holds a program (content/ or book.toml)"));
    }
    if abs.file_name().is_none() {
        return Err(unsafe_dest("it is a file system root"));
    }
    if abs.exists() && !is_ours_or_empty(&abs) {
        return Err(Error::NotOurs {
            path: dest.to_path_buf(),
        });
    }
    Ok(abs)
}

fn is_ours_or_empty(dir: &Path) -> bool {
    dir.join(MARKER).is_file() || std::fs::read_dir(dir).is_ok_and(|mut d| d.next().is_none())
}

fn sibling(dest: &Path, suffix: &str) -> PathBuf {
    let name = dest
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    dest.with_file_name(format!(".{name}.{suffix}"))
}

/// Writes `site` to `dest` atomically: all or nothing.
pub fn write_site(root: &Path, dest: &Path, site: &Site) -> Result<(), Error> {
    stage(root, dest, site)?.commit()
}

/// A complete site written to a temporary folder beside the output folder, not yet in place.
///
/// [`Staged::commit`] swaps it into place; dropping it without committing removes it, so an error
/// anywhere between staging and committing leaves the previous output untouched. Between the two,
/// [`crate::pdf`] adds PDF files to the staged folder's `pdf/`: it is the one other writer, and it
/// writes nowhere else.
#[derive(Debug)]
pub struct Staged {
    tmp: PathBuf,
    dest: PathBuf,
    committed: bool,
}

impl Staged {
    /// The staged site, complete but not yet in place.
    pub fn dir(&self) -> &Path {
        &self.tmp
    }

    /// The output folder it will replace (which may hold the previous site).
    pub fn dest(&self) -> &Path {
        &self.dest
    }

    /// Swaps the staged site into place.
    pub fn commit(mut self) -> Result<(), Error> {
        self.committed = true;
        swap_into_place(&self.tmp, &self.dest)
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        if !self.committed {
            let _ = remove_ours(&self.tmp);
        }
    }
}

/// Writes `site` to a temporary folder beside `dest`, checked as [`check_dest`] does, for
/// [`Staged::commit`] to swap into place.
pub fn stage(root: &Path, dest: &Path, site: &Site) -> Result<Staged, Error> {
    let dest = check_dest(root, dest)?;
    let tmp = sibling(&dest, "mentorbook-tmp");
    remove_ours(&tmp)?;
    if let Some(parent) = tmp.parent() {
        std::fs::create_dir_all(parent).map_err(io_err("create", parent))?;
    }
    std::fs::create_dir(&tmp).map_err(io_err("create", &tmp))?;
    let staged = Staged {
        tmp,
        dest,
        committed: false,
    };
    let tmp = &staged.tmp;
    std::fs::write(tmp.join(MARKER), MARKER_TEXT).map_err(io_err("write", tmp))?;

    let files: Vec<(PathBuf, &[u8])> = site
        .pages
        .iter()
        .map(|p| (p.path.clone(), p.html.as_bytes()))
        .chain(
            site.assets
                .iter()
                .map(|a| (Path::new("static").join(&a.path), a.bytes.as_slice())),
        )
        .collect();
    let mut dirs: Vec<PathBuf> = files
        .iter()
        .filter_map(|(p, _)| p.parent().map(|d| tmp.join(d)))
        .collect();
    dirs.sort();
    dirs.dedup();
    for d in &dirs {
        std::fs::create_dir_all(d).map_err(io_err("create", d))?;
    }
    files.par_iter().try_for_each(|(rel, bytes)| {
        let path = tmp.join(rel);
        std::fs::write(&path, bytes).map_err(io_err("write", &path))
    })?;
    Ok(staged)
}

fn swap_into_place(tmp: &Path, dest: &Path) -> Result<(), Error> {
    if !dest.exists() {
        return std::fs::rename(tmp, dest).map_err(io_err("move the new site into", dest));
    }
    let old = sibling(dest, "mentorbook-old");
    remove_ours(&old)?;
    std::fs::rename(dest, &old).map_err(io_err("move aside", dest))?;
    if let Err(e) = std::fs::rename(tmp, dest) {
        let _ = std::fs::rename(&old, dest);
        return Err(io_err("move the new site into", dest)(e));
    }
    remove_ours(&old)
}

/// Removes `dir` if it exists and carries the marker (or is empty); refuses otherwise.
fn remove_ours(dir: &Path) -> Result<(), Error> {
    if !dir.exists() {
        return Ok(());
    }
    if !is_ours_or_empty(dir) {
        return Err(Error::NotOurs {
            path: dir.to_path_buf(),
        });
    }
    std::fs::remove_dir_all(dir).map_err(io_err("remove", dir))
}

/// Removes the output folder, if it is mentorbook's. Returns whether there was one.
pub fn clean(root: &Path, dest: &Path) -> Result<bool, Error> {
    let abs = check_dest(root, dest)?;
    let existed = abs.exists();
    remove_ours(&abs)?;
    Ok(existed)
}
