//! A fingerprint of everything a build reads from the program folder, so that a `build` of a
//! program that has not changed since the last one can say so without parsing or rendering it
//! (see [`crate::output::inputs`]).
//!
//! The fingerprint covers `book.toml` and every file under `content/` and `themes/` (paths, kinds
//! and bytes, hashed with XXH3-128 in parallel; a link's target and a special file's kind stand for
//! their bytes, as neither is followed or opened), plus whatever else the caller names: the
//! mentorbook executable, the audience, today's date. Bytes rather than modification times, so a
//! file touched without a change (a `git checkout`, say) does not cost a build, and a change made
//! within the clock's resolution is never missed.
//!
//! A file is read and hashed again only when it may have changed since the last build hashed it
//! ([`ProgramFiles::read_since`]): when its [`Stamp`] (length, times of modification and change,
//! inode and device) differs from the one recorded with its hash. A file changed less than
//! [`SETTLED`] before the files are read has no stamp and is always read: a change made within the
//! file system's clock tick after a build read it would leave its stamp as it was. A file's time
//! of change cannot be set by hand (unlike its time of modification), so a stamp that matches
//! means the file was not written since.

use std::path::Path;
use std::time::{Duration, SystemTime};

use rayon::prelude::*;
use xxhash_rust::xxh3::Xxh3;

use super::CONTENT_DIR;

/// The folders and files a build reads, relative to the program folder.
const INPUTS: [&str; 3] = [crate::config::CONFIG_FILE, CONTENT_DIR, "themes"];

/// How long before the files are read a file must have last changed for its [`Stamp`] to vouch
/// for it: more than any file system's clock tick.
pub const SETTLED: Duration = Duration::from_secs(2);

/// One file a build reads: its path relative to the program folder (with `/` between folders) and
/// the hash of its path, kind and bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputFile {
    /// The path, relative to the program folder.
    pub path: String,
    /// XXH3-128 of the path, whether it is a link, and the bytes (a link's target, a special
    /// file's kind).
    pub hash: u128,
    /// What tells that the file is as it was when hashed, without reading it; `None` for a file
    /// that changed too recently to tell, or that is not a regular file.
    pub stamp: Option<Stamp>,
}

/// A hash of what the file system says of a regular file: its length, times of modification and
/// change, inode and device. Two reads of a file with the same stamp read the same bytes, when
/// the file last changed [`SETTLED`] before the first read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp(pub u128);

impl Stamp {
    /// The stamp of a regular file whose metadata is `meta`, read at `now`; `None` when the file
    /// changed less than [`SETTLED`] before `now` (or the system does not tell).
    fn of(meta: &std::fs::Metadata, now: SystemTime) -> Option<Stamp> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let changed = SystemTime::UNIX_EPOCH
                + Duration::new(
                    u64::try_from(meta.ctime()).ok()?,
                    u32::try_from(meta.ctime_nsec()).ok()?,
                );
            let modified = meta.modified().ok()?;
            if !meta.is_file() || changed.max(modified) + SETTLED > now {
                return None;
            }
            let fields = [
                meta.len(),
                meta.ino(),
                meta.dev(),
                meta.mtime() as u64,
                meta.mtime_nsec() as u64,
                meta.ctime() as u64,
                meta.ctime_nsec() as u64,
            ];
            let bytes: Vec<u8> = fields.iter().flat_map(|f| f.to_le_bytes()).collect();
            Some(Stamp(crate::hash::hash(&bytes)))
        }
        #[cfg(not(unix))]
        {
            let _ = (meta, now);
            None
        }
    }
}

/// Every file a build reads from a program folder, in the order of a walk sorted by name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProgramFiles(pub Vec<InputFile>);

/// How two [`ProgramFiles`] of the same folder differ.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FileChanges {
    /// Files in both whose bytes (or kind) differ.
    pub edited: Vec<String>,
    /// Files only in the newer.
    pub added: Vec<String>,
    /// Files only in the older.
    pub removed: Vec<String>,
}

impl FileChanges {
    /// Whether pair files were edited and nothing else changed: no file added or removed, no
    /// other file edited (what a build may follow with a partial render).
    pub fn only_pairs_edited(&self) -> bool {
        let pairs = format!("{CONTENT_DIR}/pairs/");
        self.added.is_empty()
            && self.removed.is_empty()
            && !self.edited.is_empty()
            && self.edited.iter().all(|f| f.starts_with(&pairs))
    }
}

impl ProgramFiles {
    /// The files of the program folder at `root`; `None` when one cannot be read, so the caller
    /// builds in full.
    pub fn read(root: &Path) -> Option<ProgramFiles> {
        Self::read_since(root, None)
    }

    /// [`ProgramFiles::read`], taking the hash of a file from `before` (the same folder's files
    /// as an earlier read found them) rather than reading the file again, when its [`Stamp`] is
    /// the one recorded there.
    pub fn read_since(root: &Path, before: Option<&ProgramFiles>) -> Option<ProgramFiles> {
        let now = SystemTime::now();
        let known: std::collections::HashMap<&str, (u128, Stamp)> = before
            .map(|b| {
                b.0.iter()
                    .filter_map(|f| Some((f.path.as_str(), (f.hash, f.stamp?))))
                    .collect()
            })
            .unwrap_or_default();
        let mut files = Vec::new();
        for top in INPUTS {
            let path = root.join(top);
            if std::fs::symlink_metadata(&path).is_err() {
                continue;
            }
            for entry in walkdir::WalkDir::new(&path).sort_by_file_name() {
                let entry = entry.ok()?;
                if !entry.file_type().is_dir() {
                    files.push(entry.into_path());
                }
            }
        }
        let files = files
            .par_iter()
            .map(|path| {
                let meta = std::fs::symlink_metadata(path).ok()?;
                let rel = path.strip_prefix(root).unwrap_or(path).to_string_lossy();
                let rel = rel.replace(std::path::MAIN_SEPARATOR, "/");
                let stamp = Stamp::of(&meta, now);
                if let (Some(stamp), Some((hash, was))) = (stamp, known.get(rel.as_str()))
                    && stamp == *was
                {
                    return Some(InputFile {
                        path: rel,
                        hash: *hash,
                        stamp: Some(stamp),
                    });
                }
                let bytes = if meta.file_type().is_symlink() {
                    let target = std::fs::read_link(path).ok()?;
                    target.to_string_lossy().into_owned().into_bytes()
                } else if meta.is_file() {
                    std::fs::read(path).ok()?
                } else {
                    // A named pipe, a socket or a device is never opened (a pipe would wait for a
                    // writer forever); the load reports it. Its name and kind are what count.
                    super::not_a_file(&meta.file_type()).as_bytes().to_vec()
                };
                let mut h = Xxh3::new();
                let native = path.strip_prefix(root).unwrap_or(path).to_string_lossy();
                // Each field is preceded by its length, so no two lists of files hash alike.
                for field in [native.as_bytes(), &[u8::from(meta.is_symlink())], &bytes] {
                    h.update(&(field.len() as u64).to_le_bytes());
                    h.update(field);
                }
                Some(InputFile {
                    path: rel,
                    hash: h.digest128(),
                    stamp,
                })
            })
            .collect::<Option<_>>()?;
        Some(ProgramFiles(files))
    }

    /// The fingerprint of these files, with `context` (anything else the build's output depends
    /// on) mixed in.
    pub fn fingerprint(&self, context: &str) -> u128 {
        let mut all = Xxh3::new();
        all.update(&(context.len() as u64).to_le_bytes());
        all.update(context.as_bytes());
        for f in &self.0 {
            all.update(&f.hash.to_le_bytes());
        }
        all.digest128()
    }

    /// What changed from `self` (the older) to `now`.
    pub fn changes(&self, now: &ProgramFiles) -> FileChanges {
        let before: std::collections::HashMap<&str, u128> =
            self.0.iter().map(|f| (f.path.as_str(), f.hash)).collect();
        let mut changes = FileChanges::default();
        let mut seen = std::collections::HashSet::new();
        for f in &now.0 {
            seen.insert(f.path.as_str());
            match before.get(f.path.as_str()) {
                None => changes.added.push(f.path.clone()),
                Some(&h) if h != f.hash => changes.edited.push(f.path.clone()),
                Some(_) => {}
            }
        }
        changes.removed = self
            .0
            .iter()
            .filter(|f| !seen.contains(f.path.as_str()))
            .map(|f| f.path.clone())
            .collect();
        changes
    }
}

/// The fingerprint of the program folder at `root`, with `context` (anything else the build's
/// output depends on) mixed in; `None` when a file cannot be read, so the caller builds in full.
pub fn fingerprint(root: &Path, context: &str) -> Option<u128> {
    Some(ProgramFiles::read(root)?.fingerprint(context))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_edited_added_and_removed_files() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("content/pairs")).unwrap();
        std::fs::write(root.join("content/pairs/a.yaml"), "x: 1\n").unwrap();
        std::fs::write(root.join("content/pairs/b.yaml"), "x: 1\n").unwrap();
        let before = ProgramFiles::read(root).unwrap();
        assert_eq!(before.changes(&before), FileChanges::default());
        std::fs::write(root.join("content/pairs/a.yaml"), "x: 2\n").unwrap();
        std::fs::remove_file(root.join("content/pairs/b.yaml")).unwrap();
        std::fs::write(root.join("content/pairs/c.yaml"), "x: 1\n").unwrap();
        let now = ProgramFiles::read(root).unwrap();
        assert_eq!(
            before.changes(&now),
            FileChanges {
                edited: vec!["content/pairs/a.yaml".into()],
                added: vec!["content/pairs/c.yaml".into()],
                removed: vec!["content/pairs/b.yaml".into()],
            }
        );
    }

    #[test]
    fn only_edits_to_pair_files_allow_a_partial_build() {
        let edited = |files: &[&str]| FileChanges {
            edited: files.iter().map(|f| (*f).to_owned()).collect(),
            ..FileChanges::default()
        };
        assert!(edited(&["content/pairs/a.yaml", "content/pairs/b.yaml"]).only_pairs_edited());
        assert!(!edited(&[]).only_pairs_edited(), "nothing edited");
        assert!(!edited(&["content/pairs/a.yaml", "content/people.yaml"]).only_pairs_edited());
        assert!(!edited(&["content/pairs.yaml"]).only_pairs_edited());
        let added = FileChanges {
            added: vec!["content/pairs/c.yaml".into()],
            ..edited(&["content/pairs/a.yaml"])
        };
        assert!(!added.only_pairs_edited(), "a pair added");
    }

    /// A named pipe is never opened (that waited forever for a writer): its kind and name count.
    #[cfg(unix)]
    #[test]
    fn a_named_pipe_is_not_opened() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("themes/default/static")).unwrap();
        let before = fingerprint(root, "").unwrap();
        let pipe = root.join("themes/default/static/pipe.css");
        let made = std::process::Command::new("mkfifo").arg(&pipe).status();
        assert!(made.unwrap().success());
        let with = fingerprint(root, "").unwrap();
        assert_ne!(with, before);
        assert_eq!(fingerprint(root, ""), Some(with));
    }

    #[test]
    fn changes_with_a_file_its_name_or_the_context() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("content/pairs")).unwrap();
        std::fs::write(root.join("book.toml"), "[book]\n").unwrap();
        std::fs::write(root.join("content/pairs/a.yaml"), "x: 1\n").unwrap();
        let first = fingerprint(root, "today").unwrap();
        assert_eq!(fingerprint(root, "today"), Some(first));
        assert_ne!(fingerprint(root, "tomorrow"), Some(first));
        std::fs::write(root.join("content/pairs/a.yaml"), "x: 2\n").unwrap();
        let edited = fingerprint(root, "today").unwrap();
        assert_ne!(edited, first);
        std::fs::rename(
            root.join("content/pairs/a.yaml"),
            root.join("content/pairs/b.yaml"),
        )
        .unwrap();
        assert_ne!(fingerprint(root, "today"), Some(edited));
        std::fs::write(root.join("output-is-not-an-input.html"), "x").unwrap();
        let renamed = fingerprint(root, "today");
        std::fs::write(root.join("output-is-not-an-input.html"), "y").unwrap();
        assert_eq!(fingerprint(root, "today"), renamed);
    }
}
