//! The only writer: puts a rendered site in the output folder, all or nothing, writing only the files
//! whose bytes changed.
//!
//! See [`stage`] for how a build is both incremental and atomic. Only folders that carry mentorbook's
//! marker file are ever written into, replaced or removed: nothing the user wrote is deleted.

mod edition;
mod exports;
pub mod inputs;
mod lock;
mod manifest;
mod stage;

pub use edition::Target;
pub use exports::{EXPORT_MARKER, ExportWritten, write_exports};
pub use lock::{Holder, Lock};
pub use manifest::{Entry, Manifest};
pub use stage::{File, Record, Staged, Stager, Written, stage, stage_after, write_site};

use std::io;
use std::path::{Path, PathBuf};

/// The file that marks a folder as mentorbook's output, safe to replace.
pub const MARKER: &str = ".mentorbook-output";
pub(crate) const MARKER_TEXT: &str = "This folder is written by mentorbook build, which updates it on every build and removes \
     any file it did not write. Do not edit it.\n";

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
    /// The output folder would mix two editions: see [`Target`].
    #[error("refusing to write the {edition} edition to {path}: {why}")]
    Apart {
        /// The output folder.
        path: PathBuf,
        /// Whom the refused build is for.
        edition: String,
        /// Why it is refused.
        why: String,
    },
    /// Another mentorbook that holds the output folder until it stops (`serve`, `watch`) is
    /// writing it: see [`Lock`].
    #[error("{path} is being written by {holder}")]
    Busy {
        /// The output folder.
        path: PathBuf,
        /// Who holds it.
        holder: String,
    },
    /// A rebuild of some pages only found the output folder changed or gone since the last build:
    /// the caller renders every page and stages again.
    #[error("the output folder {path} changed since the last build")]
    Stale {
        /// The output folder.
        path: PathBuf,
    },
    /// `mentorbook export` would write where it must not: see [`write_exports`].
    #[error("refusing to write the exports to {path}: {why}")]
    ExportRefused {
        /// The folder asked for.
        path: PathBuf,
        /// Why it is refused.
        why: String,
    },
    /// `mentorbook export` would replace files it did not write, or that changed since it did.
    #[error("refusing to replace files in {path}: {files}")]
    ForeignFiles {
        /// The folder asked for.
        path: PathBuf,
        /// Each file, with why it is not replaced.
        files: String,
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

/// Why a build streamed into a [`Stager`] stopped: a page failed to render, or a file failed to be
/// staged. Either way nothing in the output folder was touched.
#[derive(Debug)]
pub enum Stopped {
    /// A page failed to render (a template error).
    Render(crate::diagnostic::Problem),
    /// A file could not be staged.
    Output(Error),
}

impl From<crate::diagnostic::Problem> for Stopped {
    fn from(p: crate::diagnostic::Problem) -> Self {
        Stopped::Render(p)
    }
}

impl From<Error> for Stopped {
    fn from(e: Error) -> Self {
        Stopped::Output(e)
    }
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
            Error::Apart { .. } => Some(
                "each edition needs a folder of its own: leave out -d to use book/ for the public \
                 site and book-private/<audience>/ for the others",
            ),
            Error::Busy { .. } => {
                Some("stop it first (Ctrl-C where it runs), or write into another folder with -d")
            }
            Error::ExportRefused { .. } => Some(
                "the exports hold everyone's contact details: write them to a folder of their own \
                 with --out (by default book-private/exports/, kept out of git and off the host)",
            ),
            Error::ForeignFiles { .. } => Some(
                "move or rename those files to keep them (mentorbook never overwrites a file it did \
                 not write), or export into another folder with --out",
            ),
            Error::Io { .. } | Error::Stale { .. } => None,
        }
    }
}

pub(crate) fn io_err<'a>(
    action: &'static str,
    path: &'a Path,
) -> impl FnOnce(io::Error) -> Error + 'a {
    move |source| Error::Io {
        action,
        path: path.to_path_buf(),
        source,
    }
}

/// Resolves `.` and `..` without touching the file system, so it works for folders not made yet.
pub(crate) fn absolute(path: &Path) -> io::Result<PathBuf> {
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

/// Refuses an output folder that is, holds or contains the program, mixes editions ([`Target`]),
/// or is not ours; returns it resolved.
pub fn check_target(root: &Path, target: &Target) -> Result<PathBuf, Error> {
    let abs = safe_dest(root, &target.dest)?;
    target.check_apart(&abs)?;
    ours(&abs, &target.dest)?;
    Ok(abs)
}

/// Refuses an output folder that is, holds or contains the program, or one that is not ours;
/// returns it resolved.
pub fn check_dest(root: &Path, dest: &Path) -> Result<PathBuf, Error> {
    let abs = safe_dest(root, dest)?;
    ours(&abs, dest)?;
    Ok(abs)
}

/// Resolves `dest`, refusing the program folder, a folder that holds or contains a program, and a
/// file system root.
fn safe_dest(root: &Path, dest: &Path) -> Result<PathBuf, Error> {
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
    Ok(abs)
}

/// Refuses `abs` (the output folder `dest`, resolved) when it exists and is neither empty nor ours.
fn ours(abs: &Path, dest: &Path) -> Result<(), Error> {
    if abs.exists() && !is_ours_or_empty(abs) {
        return Err(Error::NotOurs {
            path: dest.to_path_buf(),
        });
    }
    Ok(())
}

pub(crate) fn is_ours_or_empty(dir: &Path) -> bool {
    dir.join(MARKER).is_file() || std::fs::read_dir(dir).is_ok_and(|mut d| d.next().is_none())
}

pub(crate) fn sibling(dest: &Path, suffix: &str) -> PathBuf {
    let name = dest
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    dest.with_file_name(format!(".{name}.{suffix}"))
}

/// Removes `dir` if it exists and carries the marker (or is empty); refuses otherwise.
pub(crate) fn remove_ours(dir: &Path) -> Result<(), Error> {
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
