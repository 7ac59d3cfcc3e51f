//! One writer at a time in an output folder.
//!
//! Two builds into one folder at once could each stage and commit a site, the second removing what
//! the first moved in: both would say they succeeded while the folder lost its pages. Every command
//! that writes an output folder (`build`, `pdf`, `clean`, and `serve` and `watch` for as long as
//! they run) first takes an exclusive lock on a file that stands for the folder, and holds it until
//! its last write, the record of the build's inputs included.
//!
//! The lock file is beside the output folder, named after it (`.book.mentorbook-lock` for `book/`),
//! found from the folder's resolved path, so two spellings of one folder share it. It is not inside
//! the folder, which a build may replace whole. The lock belongs to the open file, so the system
//! releases it when the process ends, however it ends: a stale lock cannot block a build. The holder
//! removes the file as it lets go, so nothing is left beside the output folder; a writer that was
//! waiting on the removed file sees it is gone and locks the next one (the usual check that the
//! locked file is still the one at the path). The file holds the name of the command that holds the lock, for
//! the message of the one that waits.
//!
//! A build that finds the folder locked by another build waits for it (saying so); one that finds it
//! held by `serve` or `watch`, which hold it until they stop, fails at once with a message saying
//! which.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

use super::{Error, io_err, sibling};

/// The exclusive right to write one output folder, released when dropped.
#[derive(Debug)]
pub struct Lock {
    /// The open lock file, which holds the lock.
    file: File,
    /// Where it is.
    path: PathBuf,
    /// The folders made for it, innermost first: removed with it when they are left empty.
    made: Vec<PathBuf>,
    /// The output folder.
    dest: PathBuf,
}

impl Drop for Lock {
    /// Removes the lock file while still holding it, so that nothing is left beside the output
    /// folder; a writer waiting on it then finds it gone and takes a new one.
    fn drop(&mut self) {
        if same_file(&self.file, &self.path) {
            let _ = std::fs::remove_file(&self.path);
        }
        for dir in &self.made {
            // Only an empty folder goes: one the build wrote into stays.
            if std::fs::remove_dir(dir).is_err() {
                break;
            }
        }
    }
}

/// Whether `path` is the open `file` (the same inode on the same device).
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), std::fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

/// Who takes a lock: what the message of a second writer names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holder {
    /// `build`, `pdf` or `clean`: writes, then lets go.
    Build,
    /// `serve` or `watch`: holds the folder until it stops.
    Session,
}

impl Lock {
    /// Takes the lock of the output folder `dest` (resolved, as [`super::check_dest`] returns it)
    /// for `holder`, described as `what` (`mentorbook build`). When another build holds it, calls
    /// `waiting` with its description and waits; when a session holds it, or `holder` is a session
    /// itself, fails at once.
    pub fn take(
        dest: &Path,
        holder: Holder,
        what: &str,
        waiting: impl FnOnce(&str),
    ) -> Result<Lock, Error> {
        let path = lock_file(dest);
        // The folders made for the lock file go with it, should the build write nothing.
        let mut made = Vec::new();
        if let Some(parent) = path.parent() {
            made = parent
                .ancestors()
                .take_while(|a| !a.as_os_str().is_empty() && !a.exists())
                .map(Path::to_path_buf)
                .collect();
            std::fs::create_dir_all(parent).map_err(io_err("create", parent))?;
        }
        let mut waiting = Some(waiting);
        // The holder removes the file as it lets go: a lock taken on a file that is no longer at
        // `path` (or not the one there) guards nothing, so it is taken again on the new one.
        let mut file = loop {
            // Made again should a failed build before this one have removed it.
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).map_err(io_err("create", parent))?;
            }
            let mut file = OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(&path)
                .map_err(io_err("open the lock file", &path))?;
            match file.try_lock() {
                Ok(()) => {}
                Err(TryLockError::WouldBlock) => {
                    let other = holder_of(&mut file);
                    if holder == Holder::Session || other.ends_with(SESSION_MARK) {
                        return Err(Error::Busy {
                            path: dest.to_path_buf(),
                            holder: other.trim_end_matches(SESSION_MARK).to_owned(),
                        });
                    }
                    if let Some(say) = waiting.take() {
                        say(&other);
                    }
                    file.lock().map_err(io_err("lock", &path))?;
                }
                Err(TryLockError::Error(e)) => return Err(io_err("lock", &path)(e)),
            }
            if same_file(&file, &path) {
                break file;
            }
        };
        let mark = if holder == Holder::Session {
            SESSION_MARK
        } else {
            ""
        };
        let me = format!("{what} (process {}){mark}", std::process::id());
        // What the file says is only for messages: failing to write it does not stop the build.
        let _ = file
            .set_len(0)
            .and_then(|()| file.rewind())
            .and_then(|()| file.write_all(me.as_bytes()));
        Ok(Lock {
            file,
            path,
            made,
            dest: dest.to_path_buf(),
        })
    }

    /// The output folder this lock is for.
    pub fn dest(&self) -> &Path {
        &self.dest
    }
}

/// What ends the description of a session in the lock file.
const SESSION_MARK: &str = ", which holds it until it stops";

/// The description the lock file holds of whoever holds it.
fn holder_of(file: &mut File) -> String {
    let mut text = String::new();
    let _ = file.rewind().and_then(|_| file.read_to_string(&mut text));
    let text = text.trim();
    if text.is_empty() {
        "another mentorbook".to_owned()
    } else {
        crate::diagnostic::terminal_safe(text).into_owned()
    }
}

/// The file that stands for the output folder `dest`: beside it, where every mentorbook that writes
/// it finds the same file, whoever runs it and whatever its environment.
fn lock_file(dest: &Path) -> PathBuf {
    sibling(dest, "mentorbook-lock")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_writer_waits_for_a_build_and_is_refused_by_a_session() {
        let dir = tempfile::tempdir().unwrap();
        let dest = dir.path().join("book");
        let first = Lock::take(&dest, Holder::Session, "mentorbook serve", |_| {}).unwrap();
        let busy = Lock::take(&dest, Holder::Build, "mentorbook build", |_| {
            panic!("waited for a session")
        })
        .unwrap_err();
        let message = busy.to_string();
        assert!(message.contains("mentorbook serve (process"), "{message}");
        assert!(!message.contains(SESSION_MARK), "{message}");
        drop(first);

        let build = Lock::take(&dest, Holder::Build, "mentorbook build", |_| {}).unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        let waiter = {
            let dest = dest.clone();
            std::thread::spawn(move || {
                let lock = Lock::take(&dest, Holder::Build, "mentorbook build", |other| {
                    tx.send(other.to_owned()).unwrap();
                });
                lock.map(|_| ())
            })
        };
        let waited_for = rx.recv().unwrap();
        assert!(
            waited_for.starts_with("mentorbook build (process"),
            "{waited_for}"
        );
        drop(build);
        waiter.join().unwrap().unwrap();
    }
}
