//! Staging and committing a site: the build is atomic and writes only what changed.
//!
//! # Two rules at once
//!
//! A failed build must leave the previous site untouched, and a rebuild must not touch a file whose
//! bytes did not change (so sync-based deploys, browser caches and PDF keys stay warm). Both hold
//! because a build happens in two steps:
//!
//! 1. **[`Stager`]** writes each file whose bytes differ from the output folder's [`Manifest`] to a
//!    temporary folder beside the output folder, as the pages are rendered (so a large site is
//!    never held in memory whole); [`stage`] does it for files already in memory. Nothing in the
//!    output folder is touched, so an error here (a page that fails to render, say), or anything
//!    before [`Staged::commit`] (PDF files failing), leaves the previous site as it was: dropping
//!    the [`Stager`] or the [`Staged`] removes the temporary folder. A rebuild of a few pages of
//!    the same set of files ([`Stager::finish_partial`]) keeps the rest of the manifest as it is,
//!    so it costs what it rendered, not what the site holds.
//! 2. **[`Staged::commit`]** moves the changed files into place one rename each, removes the files
//!    the new site no longer has, and records the new manifest. Renames within one file system do
//!    not fail for want of space, and each one is atomic, so readers see either the old or the new
//!    version of a file, never half of one.
//!
//! Before the renames the marker is rewritten without a manifest, and after them with the new one
//! (so the marker is newer than every file the build wrote): a commit cut short (power loss) leaves
//! a marker that vouches for no file, and the next build writes the whole site again rather than
//! trust a file it cannot vouch for. (Rewriting the manifest without the changing files instead
//! would spare that full build, but costs writing a large site's manifest twice on every rebuild.)
//!
//! When the output folder does not exist yet, or has no manifest (an older mentorbook wrote it), the
//! temporary folder receives the whole site and is swapped into place in one rename, as before.
//!
//! The `pdf/` folder is [`crate::pdf`]'s: it fills the staged `pdf/` (linking the PDF files that are
//! still current), and the commit makes the output's `pdf/` hold exactly that.

use std::collections::{BTreeSet, HashSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rayon::prelude::*;

use super::manifest::{Entry, Manifest, key};
use super::{Error, MARKER, Target, io_err, remove_ours, sibling};
use crate::hash::hash;
use crate::paths::{PDF_DIR, STATIC_DIR};
use crate::render::Site;

/// A file of the site, for [`stage`].
#[derive(Debug, Clone)]
pub struct File<'a> {
    /// Its path in the site, with `/` between folders.
    pub path: PathBuf,
    /// Its bytes, or `None` when the caller knows it is unchanged since the last build into the
    /// same folder (a partial rebuild); [`stage`] then fails with [`Error::Stale`] if the output
    /// folder does not hold that file as it was written.
    pub bytes: Option<&'a [u8]>,
}

impl<'a> File<'a> {
    /// Every page and static file of `site`; the pages it [kept](Site::kept) without bytes.
    pub fn all(site: &'a Site) -> Vec<File<'a>> {
        site.pages
            .iter()
            .map(|p| File {
                path: p.path.clone(),
                bytes: Some(p.html.as_bytes()),
            })
            .chain(site.assets.iter().map(|a| File {
                path: Path::new(STATIC_DIR).join(&a.path),
                bytes: Some(&a.bytes),
            }))
            .chain(site.kept.iter().map(|p| File {
                path: p.clone(),
                bytes: None,
            }))
            .collect()
    }
}

/// What a commit did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Written {
    /// Files written because they are new or their bytes changed.
    pub written: usize,
    /// Files left as they were.
    pub unchanged: usize,
    /// Files removed because the new site does not have them.
    pub removed: usize,
}

/// What a commit left in the output folder, for the next build of the same session to trust
/// without looking: the manifest, and the time of the marker that records it.
#[derive(Debug, Clone)]
pub struct Record {
    manifest: Manifest,
    marker: std::time::SystemTime,
    /// The marker's text, when this process wrote it: the next rebuild's is spliced from it.
    text: Option<String>,
    /// A time when every folder of the site held exactly what the manifest lists, when known: a
    /// folder not changed since (by its status-change time, which no one sets by hand) still does.
    /// See [`super::inputs`].
    exact_since: Option<std::time::SystemTime>,
}

impl Record {
    /// Whether the site holds PDF files (made by `mentorbook pdf`).
    pub fn has_pdf(&self) -> bool {
        let pdf = format!("{PDF_DIR}/");
        self.manifest.0.keys().any(|k| k.starts_with(&pdf))
    }

    /// The record of an output folder whose marker (`text`, written at `marker`) was read and
    /// whose every file was found as `manifest` lists it, by a build of another process (see
    /// [`super::inputs::previous`]).
    pub(super) fn vouched(
        manifest: Manifest,
        marker: std::time::SystemTime,
        text: String,
        exact_since: Option<std::time::SystemTime>,
    ) -> Record {
        Record {
            manifest,
            marker,
            text: Some(text),
            exact_since,
        }
    }

    /// A time when every folder of the site held exactly the files and folders the manifest lists,
    /// when known (see [`super::inputs`]).
    pub fn exact_since(&self) -> Option<std::time::SystemTime> {
        self.exact_since
    }
}

/// Writes `site` to `dest`: all or nothing, and only what changed.
pub fn write_site(root: &Path, target: &Target, site: &Site) -> Result<Written, Error> {
    stage(root, target, &File::all(site), |_| false)?.commit()
}

/// How the staged site reaches its place.
#[derive(Debug)]
enum Mode {
    /// The temporary folder holds the whole site and replaces the output folder in one rename.
    Swap,
    /// The temporary folder holds the changed files, moved in one by one.
    Update {
        /// Paths of the files that changed, staged in the temporary folder.
        changed: Vec<PathBuf>,
    },
}

/// A site ready to be put in place: see the module's documentation.
#[derive(Debug)]
pub struct Staged {
    tmp: PathBuf,
    dest: PathBuf,
    mode: Mode,
    manifest: Manifest,
    /// The manifest in place, when a [`Record`] vouched for it: the files it lists and the new
    /// one does not are removed without listing the folder.
    trusted: Option<Manifest>,
    /// The manifest equals the one in place: the marker need not be written.
    same_manifest: bool,
    /// The files are those in place ([`Stager::finish_partial`]): none is removed but `dropped`.
    partial: bool,
    /// The files of a partial rebuild's folder made again that it did not make this time
    /// ([`Stager::finish_partial_replacing`]), removed by the commit.
    dropped: Vec<String>,
    /// The marker's text in place, when a [`Record`] has it.
    old_text: Option<String>,
    /// The entries of a partial rebuild that differ from those in place, sorted by path.
    updates: Vec<(String, Entry)>,
    /// The marker's text once committed, when known.
    text: Option<String>,
    /// The marker's text before the manifest: see [`Target::marker_preamble`].
    preamble: String,
    /// See [`Record::exact_since`]: the trusted record's, then what the commit found.
    exact_since: Option<std::time::SystemTime>,
    unchanged: usize,
    committed: bool,
}

/// Writes to a temporary folder beside `dest` (checked as [`super::check_target`] does) each file of
/// `files` whose bytes differ from what `dest` holds, plus those for which `also` is true (the pages
/// [`crate::pdf`] prints need to be in the staged folder even when unchanged).
pub fn stage(
    root: &Path,
    target: &Target,
    files: &[File<'_>],
    also: impl Fn(&Path) -> bool + Sync,
) -> Result<Staged, Error> {
    stage_after(root, target, files, also, None)
}

/// [`stage`], after a commit of the same process that left `last`: see [`Stager::open`].
pub fn stage_after(
    root: &Path,
    target: &Target,
    files: &[File<'_>],
    also: impl Fn(&Path) -> bool + Sync,
    last: Option<Record>,
) -> Result<Staged, Error> {
    let stager = Stager::open(root, target, last)?;
    files.par_iter().try_for_each(|f| match f.bytes {
        Some(b) => stager.put(&f.path, b),
        None => stager.keep(&f.path),
    })?;
    stager.finish(also)
}

/// What became of one file given to a [`Stager`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fate {
    /// New or changed: written to the temporary folder.
    Written,
    /// Given with the same bytes as the output folder holds: not written.
    Same,
    /// Kept without bytes (a partial rebuild): as the last build wrote it.
    Kept,
}

/// Stages a site one file at a time, from any thread, as the files are rendered: a large site is
/// never held in memory whole. [`Stager::finish`] gives the [`Staged`] site to commit; dropping the
/// stager (an error while rendering) removes the temporary folder and leaves the output as it was.
#[derive(Debug)]
pub struct Stager {
    staged: Staged,
    /// The manifest in place and the marker's time, when there is one.
    old: Option<(Manifest, std::time::SystemTime)>,
    /// A [`Record`] vouches for `old`: the files are not `stat`ed.
    trusted: bool,
    files: Mutex<Vec<(String, Entry, Fate)>>,
    /// The folders made in the temporary folder so far, by the hash of their path: a file whose
    /// folder is not one of them makes it first, rather than fail to open and try again (a site of
    /// 10,000 pairs has 60,000 folders). Should two paths share a hash, the write that fails for
    /// want of its folder makes it then.
    folders: Mutex<HashSet<u64>>,
}

impl Stager {
    /// Makes the temporary folder beside `dest` (checked as [`super::check_target`] does) and reads
    /// the manifest in place. With `last`, the record of a commit of the same process, the manifest
    /// is trusted while the marker is as that commit left it: files are not `stat`ed and the marker
    /// is not read, which is what makes a rebuild of a few pages of a large site fast.
    ///
    /// The output folder is refused when it would mix editions ([`Target`]).
    pub fn open(root: &Path, target: &Target, last: Option<Record>) -> Result<Stager, Error> {
        let dest = super::check_target(root, target)?;
        let tmp = sibling(&dest, "mentorbook-tmp");
        remove_ours(&tmp)?;
        if let Some(parent) = tmp.parent() {
            fs::create_dir_all(parent).map_err(io_err("create", parent))?;
        }
        fs::create_dir(&tmp).map_err(io_err("create", &tmp))?;
        let mut staged = Staged {
            tmp,
            dest,
            mode: Mode::Swap,
            manifest: Manifest::default(),
            trusted: None,
            same_manifest: false,
            partial: false,
            dropped: Vec::new(),
            old_text: None,
            updates: Vec::new(),
            text: None,
            preamble: target.marker_preamble(),
            exact_since: None,
            unchanged: 0,
            committed: false,
        };
        fs::write(staged.tmp.join(MARKER), &staged.preamble)
            .map_err(io_err("write", &staged.tmp))?;
        let marker = staged.dest.join(MARKER);
        let written = fs::metadata(&marker).and_then(|m| m.modified()).ok();
        let trusted = last.filter(|r| written == Some(r.marker));
        let is_trusted = trusted.is_some();
        let old = match trusted {
            Some(r) => {
                staged.old_text = r.text;
                staged.exact_since = r.exact_since;
                Some((r.manifest, r.marker))
            }
            None => written.and_then(|w| {
                let text = fs::read_to_string(&marker).ok()?;
                Some((Manifest::parse(&text)?, w))
            }),
        };
        Ok(Stager {
            staged,
            old,
            trusted: is_trusted,
            files: Mutex::new(Vec::new()),
            folders: Mutex::new(HashSet::new()),
        })
    }

    /// The entry of the output folder's manifest for `path`, if the file is still as written.
    fn current(&self, path: &Path) -> Option<Entry> {
        let (manifest, written) = self.old.as_ref()?;
        let entry = manifest.0.get(key(path).as_ref())?;
        (self.trusted || entry.matches_disk(&self.staged.dest.join(path), *written))
            .then_some(*entry)
    }

    fn record(&self, path: &Path, entry: Entry, fate: Fate) {
        let mut files = self.files.lock().unwrap_or_else(|e| e.into_inner());
        files.push((key(path).into_owned(), entry, fate));
    }

    /// Stages the file at `path` in the site (with `/` between folders) with `bytes`: written to the
    /// temporary folder when the output folder does not hold these bytes there.
    pub fn put(&self, path: &Path, bytes: &[u8]) -> Result<(), Error> {
        let entry = Entry {
            hash: hash(bytes),
            len: bytes.len() as u64,
        };
        if self.current(path) == Some(entry) {
            self.record(path, entry, Fate::Same);
            return Ok(());
        }
        let to = self.staged.tmp.join(path);
        if let Some(folder) = to.parent() {
            self.make_folder(folder)?;
        }
        match fs::write(&to, bytes) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                if let Some(folder) = to.parent() {
                    fs::create_dir_all(folder).map_err(io_err("create", folder))?;
                }
                fs::write(&to, bytes).map_err(io_err("write", &to))?;
            }
            other => other.map_err(io_err("write", &to))?,
        }
        self.record(path, entry, Fate::Written);
        Ok(())
    }

    /// Makes `folder` (and the folders above it) in the temporary folder, unless this stager did.
    fn make_folder(&self, folder: &Path) -> Result<(), Error> {
        let key = folder_key(folder);
        let made = |key| {
            let folders = self.folders.lock().unwrap_or_else(|e| e.into_inner());
            folders.contains(&key)
        };
        if made(key) {
            return Ok(());
        }
        fs::create_dir_all(folder).map_err(io_err("create", folder))?;
        let mut folders = self.folders.lock().unwrap_or_else(|e| e.into_inner());
        folders.insert(key);
        Ok(())
    }

    /// Stages the theme's static files, under [`STATIC_DIR`].
    pub fn put_assets(&self, assets: &[crate::render::Asset]) -> Result<(), Error> {
        assets
            .par_iter()
            .try_for_each(|a| self.put(&Path::new(STATIC_DIR).join(&a.path), &a.bytes))
    }

    /// Keeps the file at `path` as the last build wrote it; fails with [`Error::Stale`] when the
    /// output folder no longer holds it so (the caller then renders every page).
    pub fn keep(&self, path: &Path) -> Result<(), Error> {
        let entry = self.current(path).ok_or_else(|| Error::Stale {
            path: self.staged.dest.clone(),
        })?;
        self.record(path, entry, Fate::Kept);
        Ok(())
    }

    /// The site as staged, with the unchanged files for which `also` is true copied into the
    /// staged folder too (the pages [`crate::pdf`] prints must be there even when unchanged).
    pub fn finish(self, also: impl Fn(&Path) -> bool + Sync) -> Result<Staged, Error> {
        let Stager {
            mut staged,
            old,
            trusted,
            files,
            ..
        } = self;
        let mut files = files.into_inner().unwrap_or_else(|e| e.into_inner());
        files.sort_by(|a, b| a.0.cmp(&b.0));
        files
            .par_iter()
            .filter(|(path, _, fate)| *fate == Fate::Same && also(Path::new(path)))
            .try_for_each(|(path, ..)| {
                let (from, to) = (staged.dest.join(path), staged.tmp.join(path));
                if let Some(parent) = to.parent() {
                    fs::create_dir_all(parent).map_err(io_err("create", parent))?;
                }
                if fs::hard_link(&from, &to).is_err() {
                    fs::copy(&from, &to).map_err(io_err("copy", &from))?;
                }
                Ok::<_, Error>(())
            })?;
        let mut changed = Vec::new();
        for (path, entry, fate) in files {
            if fate == Fate::Written {
                changed.push(PathBuf::from(&path));
            } else {
                staged.unchanged += 1;
            }
            staged.manifest.0.insert(path, entry);
        }
        if let Some((old, _)) = old {
            staged.same_manifest = old == staged.manifest;
            staged.mode = Mode::Update { changed };
            staged.trusted = trusted.then_some(old);
        } else if staged.unchanged > 0 {
            // Without a manifest nothing is unchanged; this cannot happen, but a swap must be
            // complete.
            return Err(Error::Stale {
                path: staged.dest.clone(),
            });
        }
        Ok(staged)
    }

    /// The site as staged, for a rebuild of some of the files of the last build: every file of the
    /// output folder's manifest that was not [put](Stager::put) is kept as it is (checked as
    /// [`Stager::keep`] checks, unless a [`Record`] vouches for the folder). The set of files must
    /// be the last build's: a rebuild that adds or removes files stages every file and calls
    /// [`Stager::finish`]. Costs only what was put, however large the site.
    pub fn finish_partial(self) -> Result<Staged, Error> {
        self.finish_partial_in(None)
    }

    /// [`Stager::finish_partial`], for a rebuild that made again every file of `folder` (the search
    /// index's pieces, whose number changes with the program): the files of the last build in
    /// `folder` that were not [put](Stager::put) this time are removed.
    pub fn finish_partial_replacing(self, folder: &Path) -> Result<Staged, Error> {
        self.finish_partial_in(Some(folder))
    }

    fn finish_partial_in(self, replaced: Option<&Path>) -> Result<Staged, Error> {
        let Stager {
            mut staged,
            old,
            trusted,
            files,
            ..
        } = self;
        let stale = || Error::Stale {
            path: staged.dest.clone(),
        };
        let Some((mut manifest, written)) = old else {
            return Err(stale());
        };
        let files = files.into_inner().unwrap_or_else(|e| e.into_inner());
        let mut changed = Vec::new();
        let mut put = std::collections::HashSet::new();
        for (path, entry, fate) in files {
            if fate == Fate::Written {
                changed.push(PathBuf::from(&path));
            }
            // Without a record, the files not put are checked on disk; in a folder made again,
            // they are removed.
            if !trusted || replaced.is_some() {
                put.insert(path.clone());
            }
            if manifest.0.insert(path.clone(), entry) != Some(entry) {
                staged.updates.push((path, entry));
            }
        }
        staged.updates.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        if let Some(folder) = replaced {
            let prefix = format!("{}/", key(folder));
            staged.dropped = manifest
                .0
                .keys()
                .filter(|p| p.starts_with(&prefix) && !put.contains(*p))
                .cloned()
                .collect();
            for path in &staged.dropped {
                manifest.0.remove(path);
            }
        }
        if !trusted {
            let dest = &staged.dest;
            let intact = manifest
                .0
                .par_iter()
                .filter(|(path, _)| !put.contains(*path))
                .all(|(path, entry)| entry.matches_disk(&dest.join(path), written));
            if !intact {
                return Err(stale());
            }
        }
        staged.unchanged = manifest.0.len() - changed.len();
        staged.same_manifest = changed.is_empty() && staged.dropped.is_empty();
        if !staged.dropped.is_empty() {
            // Splicing the marker's text replaces lines; with lines to remove it is made whole.
            staged.old_text = None;
        }
        staged.manifest = manifest;
        staged.mode = Mode::Update { changed };
        // Nothing is removed: the files are the last build's.
        staged.partial = true;
        Ok(staged)
    }
}

/// What [`Stager::folders`] keeps of a folder's path.
fn folder_key(folder: &Path) -> u64 {
    xxhash_rust::xxh3::xxh3_64(folder.as_os_str().as_encoded_bytes())
}

impl Staged {
    /// The staged folder: the changed files, and the ones [`stage`] was asked to add.
    pub fn dir(&self) -> &Path {
        &self.tmp
    }

    /// The output folder it will update (which may hold the previous site).
    pub fn dest(&self) -> &Path {
        &self.dest
    }

    /// The manifest entry of the file at `path` in the new site.
    pub fn entry(&self, path: &Path) -> Option<Entry> {
        self.manifest.0.get(key(path).as_ref()).copied()
    }

    /// How many files are new or changed.
    pub fn changed(&self) -> usize {
        match &self.mode {
            Mode::Swap => self.manifest.0.len(),
            Mode::Update { changed } => changed.len(),
        }
    }

    /// Puts the staged site in place, and returns what the next [`stage_after`] may trust.
    pub fn commit_recorded(mut self) -> Result<(Written, Record), Error> {
        let marker = self.dest.join(MARKER);
        let written = self.put_in_place()?;
        let manifest = std::mem::take(&mut self.manifest);
        let time = fs::metadata(&marker)
            .and_then(|m| m.modified())
            .map_err(io_err("read", &marker))?;
        Ok((
            written,
            Record {
                manifest,
                marker: time,
                text: self.text.take(),
                exact_since: self.exact_since,
            },
        ))
    }

    /// Puts the staged site in place.
    pub fn commit(mut self) -> Result<Written, Error> {
        self.put_in_place()
    }

    /// The marker's text with the new manifest: spliced from the text in place after a partial
    /// rebuild, when the record had it.
    fn marker_text(&mut self) -> String {
        let spliced = self
            .old_text
            .take()
            .filter(|_| self.partial)
            .and_then(|old| super::manifest::splice(&old, &self.updates));
        match spliced {
            Some(text) => {
                debug_assert_eq!(text, self.manifest.to_text(&self.preamble));
                text
            }
            None => self.manifest.to_text(&self.preamble),
        }
    }

    fn put_in_place(&mut self) -> Result<Written, Error> {
        self.committed = true;
        let written = self.changed();
        let unchanged = self.unchanged;
        match std::mem::replace(&mut self.mode, Mode::Swap) {
            Mode::Swap => {
                let text = self.manifest.to_text(&self.preamble);
                write_marker_text(&self.tmp, &self.tmp, &text)?;
                self.text = Some(text);
                // The staged folder is this build's alone: it holds the site and nothing else.
                self.exact_since = super::inputs::clock_before(std::time::SystemTime::now());
                swap_into_place(&self.tmp, &self.dest)?;
                Ok(Written {
                    written,
                    unchanged,
                    removed: 0,
                })
            }
            Mode::Update { changed } => {
                if !changed.is_empty() {
                    // Until the new manifest is written, the marker vouches for no file.
                    write_marker_text(&self.tmp, &self.dest, &self.preamble)?;
                    for path in &changed {
                        move_into(&self.tmp, &self.dest, path)?;
                    }
                }
                sync_pdf_dir(&self.tmp, &self.dest)?;
                let removed = match &self.trusted {
                    // A partial rebuild has the last build's files, but those it dropped.
                    _ if self.partial => remove_listed(&self.dest, &self.dropped)?,
                    Some(old) => remove_dropped(&self.dest, old, &self.manifest)?,
                    None => {
                        // Every folder is listed: after it, each holds what the manifest lists.
                        let listed = super::inputs::clock_before(std::time::SystemTime::now());
                        let removed = remove_others(&self.dest, &self.manifest)?;
                        self.exact_since = listed;
                        removed
                    }
                };
                // A rebuild that changed nothing writes nothing, the marker included.
                if !changed.is_empty() || !self.same_manifest {
                    let text = self.marker_text();
                    write_marker_text(&self.tmp, &self.dest, &text)?;
                    self.text = Some(text);
                } else {
                    self.text = self.old_text.take();
                }
                remove_ours(&self.tmp)?;
                Ok(Written {
                    written,
                    unchanged,
                    removed,
                })
            }
        }
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        if !self.committed || self.tmp.exists() {
            let _ = remove_ours(&self.tmp);
        }
    }
}

/// Writes `text` as the marker of `dir`, through a file in `tmp` renamed over it.
fn write_marker_text(tmp: &Path, dir: &Path, text: &str) -> Result<(), Error> {
    let to = dir.join(MARKER);
    if tmp == dir {
        return fs::write(&to, text).map_err(io_err("write", &to));
    }
    let from = tmp.join(".marker.new");
    fs::write(&from, text).map_err(io_err("write", &from))?;
    fs::rename(&from, &to).map_err(io_err("write", &to))
}

fn move_into(tmp: &Path, dest: &Path, rel: &Path) -> Result<(), Error> {
    let to = dest.join(rel);
    if let Some(parent) = to.parent() {
        fs::create_dir_all(parent).map_err(io_err("create", parent))?;
    }
    // A folder where the file goes (a page that became a file) is ours to remove: it is inside the
    // output folder, which carries the marker.
    if to.is_dir() {
        fs::remove_dir_all(&to).map_err(io_err("remove", &to))?;
    }
    fs::rename(tmp.join(rel), &to).map_err(io_err("move into place", &to))
}

/// Makes the output's `pdf/` hold what the staged `pdf/` holds, moving only files that are not
/// already there (a PDF carried over is a hard link to the file in place).
fn sync_pdf_dir(tmp: &Path, dest: &Path) -> Result<(), Error> {
    let (from, to) = (tmp.join(PDF_DIR), dest.join(PDF_DIR));
    let mut keep = BTreeSet::new();
    if from.is_dir() {
        fs::create_dir_all(&to).map_err(io_err("create", &to))?;
        for entry in fs::read_dir(&from).map_err(io_err("list", &from))? {
            let entry = entry.map_err(io_err("list", &from))?;
            let name = entry.file_name();
            if !same_file(&entry.path(), &to.join(&name)) {
                fs::rename(entry.path(), to.join(&name)).map_err(io_err("move into place", &to))?;
            }
            keep.insert(name);
        }
    }
    if to.is_dir() {
        for entry in fs::read_dir(&to).map_err(io_err("list", &to))? {
            let entry = entry.map_err(io_err("list", &to))?;
            if !keep.contains(&entry.file_name()) {
                let path = entry.path();
                let removed = if path.is_dir() {
                    fs::remove_dir_all(&path)
                } else {
                    fs::remove_file(&path)
                };
                removed.map_err(io_err("remove", &path))?;
            }
        }
        if keep.is_empty() {
            fs::remove_dir(&to).map_err(io_err("remove", &to))?;
        }
    }
    Ok(())
}

/// Whether `b` already is `a`: the same file (a hard link), or a small file with the same bytes.
fn same_file(a: &Path, b: &Path) -> bool {
    let (Ok(x), Ok(y)) = (fs::metadata(a), fs::metadata(b)) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if x.dev() == y.dev() && x.ino() == y.ino() {
            return true;
        }
    }
    const SMALL: u64 = 64 * 1024;
    x.len() == y.len()
        && x.len() <= SMALL
        && matches!((fs::read(a), fs::read(b)), (Ok(p), Ok(q)) if p == q)
}

/// Removes every file of `dest` that `manifest` does not list (the marker and `pdf/` apart), and the
/// folders left empty. Returns how many files went.
fn remove_others(dest: &Path, manifest: &Manifest) -> Result<usize, Error> {
    let mut removed = 0;
    // Folders come after what they hold (`contents_first`), so emptied ones can go; `filter_entry`
    // would not stop the walk from entering `pdf/` in that order, hence the test on the path.
    let walk = walkdir::WalkDir::new(dest)
        .min_depth(1)
        .contents_first(true);
    for entry in walk {
        let entry = entry.map_err(|e| io_err("list", dest)(e.into()))?;
        let path = entry.path();
        let rel = path.strip_prefix(dest).unwrap_or(path);
        if rel.starts_with(PDF_DIR) || rel == Path::new(MARKER) {
            continue;
        }
        if entry.file_type().is_dir() {
            // Only empty folders go; `remove_dir` refuses the others, which is what we want.
            let _ = fs::remove_dir(path);
        } else if !manifest.0.contains_key(key(rel).as_ref()) {
            fs::remove_file(path).map_err(io_err("remove", path))?;
            removed += 1;
        }
    }
    Ok(removed)
}

/// Removes the files `old` lists and `new` does not, and the folders they leave empty.
fn remove_dropped(dest: &Path, old: &Manifest, new: &Manifest) -> Result<usize, Error> {
    remove_listed(dest, old.0.keys().filter(|p| !new.0.contains_key(*p)))
}

/// Removes the files at `paths` in `dest`, and the folders left empty. Returns how many went.
fn remove_listed<'p>(
    dest: &Path,
    paths: impl IntoIterator<Item = &'p String>,
) -> Result<usize, Error> {
    let mut removed = 0;
    for rel in paths {
        let path = dest.join(rel);
        match fs::remove_file(&path) {
            Ok(()) => removed += 1,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(io_err("remove", &path)(e)),
        }
        let mut dir = path.parent();
        while let Some(d) = dir.filter(|d| *d != dest) {
            if fs::remove_dir(d).is_err() {
                break;
            }
            dir = d.parent();
        }
    }
    Ok(removed)
}

fn swap_into_place(tmp: &Path, dest: &Path) -> Result<(), Error> {
    if !dest.exists() {
        return fs::rename(tmp, dest).map_err(io_err("move the new site into", dest));
    }
    let old = sibling(dest, "mentorbook-old");
    remove_ours(&old)?;
    fs::rename(dest, &old).map_err(io_err("move aside", dest))?;
    if let Err(e) = fs::rename(tmp, dest) {
        let _ = fs::rename(&old, dest);
        return Err(io_err("move the new site into", dest)(e));
    }
    remove_ours(&old)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_taken_for_made_is_made_when_a_write_misses_it() {
        let dir = tempfile::tempdir().unwrap();
        let (root, dest) = (dir.path().join("program"), dir.path().join("site"));
        fs::create_dir(&root).unwrap();
        let stager = Stager::open(&root, &Target::public(&dest), None).unwrap();
        // As if another folder's path had the same hash: the stager thinks it made this one.
        let folder = stager.staged.tmp.join("pairs/ana-ben");
        stager.folders.lock().unwrap().insert(folder_key(&folder));
        stager
            .put(Path::new("pairs/ana-ben/index.html"), b"<p>Ana</p>")
            .unwrap();
        assert_eq!(fs::read(folder.join("index.html")).unwrap(), b"<p>Ana</p>");
    }

    #[test]
    fn a_folder_made_again_loses_the_files_it_no_longer_has() {
        let dir = tempfile::tempdir().unwrap();
        let (root, dest) = (dir.path().join("program"), dir.path().join("site"));
        fs::create_dir(&root).unwrap();
        let target = Target::public(&dest);
        let files = |names: &[&str]| {
            let stager = Stager::open(&root, &target, None).unwrap();
            for name in names {
                stager.put(Path::new(name), name.as_bytes()).unwrap();
            }
            stager
        };
        let all = [
            "index.html",
            "search-index.js",
            "search/a.js",
            "search/b.js",
        ];
        // With a record of the last commit and without one (the files are then checked on disk).
        for record in [false, true] {
            let full = files(&all).finish(|_| false).unwrap();
            let last = if record {
                Some(full.commit_recorded().unwrap().1)
            } else {
                full.commit().unwrap();
                None
            };
            let stager = Stager::open(&root, &target, last).unwrap();
            for name in ["search-index.js", "search/a.js"] {
                stager.put(Path::new(name), b"made again").unwrap();
            }
            let staged = stager
                .finish_partial_replacing(Path::new("search"))
                .unwrap();
            let written = staged.commit().unwrap();
            assert_eq!(
                (written.written, written.removed),
                (2, 1),
                "record: {record}"
            );
            assert!(!dest.join("search/b.js").exists());
            assert!(dest.join("search/a.js").exists() && dest.join("index.html").exists());
            let marker = fs::read_to_string(dest.join(MARKER)).unwrap();
            let manifest = Manifest::parse(&marker).unwrap();
            let listed: Vec<&str> = manifest.0.keys().map(String::as_str).collect();
            assert_eq!(listed, ["index.html", "search-index.js", "search/a.js"]);
        }
    }
}
