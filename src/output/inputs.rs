//! What the last `build` read, so that a build of an unchanged program ends in a fraction of a second
//! without parsing, rendering or writing anything.
//!
//! After a build, a record in the user's cache folder (`$XDG_CACHE_HOME/mentorbook/builds/`, or
//! `~/.cache/...`; one file per output folder) keeps the [fingerprint](crate::load::fingerprint)
//! of everything the build read, a hash of the marker file it left in the output folder (which
//! holds the manifest of every file it wrote), the counts for the summary line, and the warnings it
//! printed. The record is not in the output folder, which is published: warnings quote the lines
//! they are about, and those may be private. The next build with the same fingerprint trusts the
//! output folder only if it is still exactly as that build left it:
//!
//! - the marker is byte for byte the one recorded (a build or `serve` since, even one cut short,
//!   rewrites it);
//! - every file the manifest lists has its recorded length and is not newer than the marker;
//! - the folder holds no other file, nor any other folder.
//!
//! The last is told without listing most folders: the record keeps a time when every folder of the
//! site held exactly what the manifest lists (`exact`: when the last build looked them over, or
//! when a full build put the site in place, less [`CLOCK_SLACK`]). A folder whose status-change
//! time (which changes whenever an entry is added, removed or renamed in it, and which no one can
//! set by hand) is older still holds exactly that; only the others are listed. A site of 10,000
//! pairs has 60,000 folders: opening and listing them all made most of the 0.7 s of processor time
//! the look-over took. Files are still looked at one by one: an edit to a file changes its own
//! times, not its folder's.
//!
//! Anything else, or a record that is missing or damaged, means a full build, which writes only the
//! files whose bytes changed and then records its inputs again.
//!
//! The record also lists each file the build read with its hash ([`ProgramFiles`]) and a hash of
//! the rest of what the build depended on (its context: the executable, the edition, the date), so
//! that a build whose context is the same can tell which files changed since, and render only what
//! they touch (see [`crate::build`]), trusting the output folder as [`previous`] found it. The
//! record is written after the site is in place, so a build cut short leaves either no record or
//! one that no longer matches the marker.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use rayon::prelude::*;

use super::manifest::Manifest;
use super::{Error, MARKER, Record, io_err};
use crate::hash::hash;
use crate::load::{InputFile, ProgramFiles, Stamp};

/// The first line of the record; a record of another version is not trusted.
const HEADER: &str = "mentorbook-inputs v3";

/// How far a file system's times may lag the system's clock: they are taken from a clock that
/// ticks every few milliseconds, and a network file system's from the server's. A time recorded as
/// "every folder was exact then" is taken this much before the clock says, so that a change made
/// after it is never stamped before it.
pub const CLOCK_SLACK: Duration = Duration::from_secs(2);

/// `now` less [`CLOCK_SLACK`]: a time before which no change made from `now` on is stamped.
pub fn clock_before(now: SystemTime) -> Option<SystemTime> {
    now.checked_sub(CLOCK_SLACK)
}

/// What a build recorded of itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LastBuild {
    /// The fingerprint of the program folder and of the build's context.
    pub fingerprint: u128,
    /// A hash of the build's context alone: what the site depends on besides the program
    /// folder's files.
    pub context: u128,
    /// A hash of the paths of the files the site has ([`crate::render::layout_key`]).
    pub layout: u128,
    /// A hash of who had room in the mentor directory ([`crate::render::rooms_key`]), when known.
    pub rooms: Option<u128>,
    /// The program folder's files as the build read them.
    pub files: ProgramFiles,
    /// Pages rendered, for the summary line.
    pub pages: usize,
    /// Pairs in the program, for the summary line.
    pub pairs: usize,
    /// The warnings the build printed, exactly as printed, to be printed again.
    pub warnings: String,
    /// A time when every folder of the site held exactly what its manifest lists, when known
    /// ([`Record::exact_since`]).
    pub exact_since: Option<SystemTime>,
}

/// The last build's record, when it was made with `fingerprint` and the output folder at `dest` is
/// still as that build left it; also the number of files the site has.
pub fn unchanged_since(dest: &Path, fingerprint: u128) -> Option<(LastBuild, usize)> {
    let previous = previous(dest)?;
    (previous.last.fingerprint == fingerprint).then_some((previous.last, previous.files))
}

/// The last build into an output folder, as [`previous`] finds it.
#[derive(Debug)]
pub struct Previous {
    /// What the build recorded of itself.
    pub last: LastBuild,
    /// The files of the site it left.
    pub files: usize,
    /// Its manifest, vouched for: a partial build staged with it does not look at the other
    /// files again.
    pub record: Record,
}

/// The last build into `dest` (an absolute path), when its record is readable and the output
/// folder is still exactly as that build left it, whatever the program folder holds now.
pub fn previous(dest: &Path) -> Option<Previous> {
    recorded(dest)?.vouched(dest)
}

/// The record of the last build into an output folder, before the folder is looked over.
#[derive(Debug)]
pub struct Recorded {
    /// What the build recorded of itself.
    pub last: LastBuild,
    /// The hash of the marker it left.
    marker: u128,
}

/// The record of the last build into `dest` (an absolute path), when it is readable.
pub fn recorded(dest: &Path) -> Option<Recorded> {
    recorded_in(&cache_dir()?, dest)
}

fn recorded_in(cache: &Path, dest: &Path) -> Option<Recorded> {
    let text = fs::read_to_string(record_file(cache, dest)).ok()?;
    let (last, marker) = parse(&text, dest)?;
    Some(Recorded { last, marker })
}

impl Recorded {
    /// What vouches for the output folder at `dest`, when it is still exactly as the recorded
    /// build left it: the number of its files and its manifest.
    pub fn vouch(&self, dest: &Path) -> Option<(usize, Record)> {
        let started = SystemTime::now();
        let marker_path = dest.join(MARKER);
        let marker = fs::read_to_string(&marker_path).ok()?;
        if hash(marker.as_bytes()) != self.marker {
            return None;
        }
        let written = fs::metadata(&marker_path).and_then(|m| m.modified()).ok()?;
        let manifest = Manifest::parse(&marker)?;
        if !intact(dest, &manifest, written, self.last.exact_since) {
            return None;
        }
        // Every folder was exact when this look began, or has been listed since.
        let files = manifest.0.len();
        let exact = clock_before(started);
        Some((files, Record::vouched(manifest, written, marker, exact)))
    }

    /// The last build, when the output folder at `dest` is still as it left it.
    pub fn vouched(self, dest: &Path) -> Option<Previous> {
        let (files, record) = self.vouch(dest)?;
        Some(self.with(files, record))
    }

    /// The last build, with what [`Recorded::vouch`] found.
    pub fn with(self, files: usize, record: Record) -> Previous {
        Previous {
            last: self.last,
            files,
            record,
        }
    }
}

/// Whether the output folder `dest` holds exactly the files `manifest` lists (and the folders they
/// are in), each with its length and not modified after `written`; folders whose status changed
/// before `exact_since` are not listed (see the module's documentation). Files and folders are
/// looked at in parallel.
fn intact(
    dest: &Path,
    manifest: &Manifest,
    written: SystemTime,
    exact_since: Option<SystemTime>,
) -> bool {
    let mut folders: HashSet<&str> = HashSet::with_capacity(manifest.0.len());
    folders.insert("");
    for key in manifest.0.keys() {
        let mut path = key.as_str();
        while let Some((up, _)) = path.rsplit_once('/') {
            if !folders.insert(up) {
                break;
            }
            path = up;
        }
    }
    // In order, as the files are: neighbours share the folders the kernel looks up on the way.
    let mut folders: Vec<&str> = folders.into_iter().collect();
    folders.sort_unstable();
    folders
        .par_iter()
        .all(|dir| folder_intact(dest, dir, manifest, exact_since))
        && manifest.0.par_iter().all(|(key, listed)| {
            fs::symlink_metadata(dest.join(key)).is_ok_and(|meta| {
                meta.is_file()
                    && meta.len() == listed.len
                    && meta.modified().is_ok_and(|m| m <= written)
            })
        })
}

/// Whether the folder `dir` of the output folder `dest` (`""` for the output folder itself) is a
/// folder that holds exactly what `manifest` lists in it: unchanged since `exact_since`, or
/// listed.
fn folder_intact(
    dest: &Path,
    dir: &str,
    manifest: &Manifest,
    exact_since: Option<SystemTime>,
) -> bool {
    let path = dest.join(dir);
    let Ok(meta) = fs::symlink_metadata(&path) else {
        return false;
    };
    if !meta.is_dir() {
        return false;
    }
    if let (Some(since), Some(changed)) = (exact_since, status_changed(&meta))
        && changed < since
    {
        return true;
    }
    let expected = manifest.entries_in(dir);
    let Ok(entries) = fs::read_dir(&path) else {
        return false;
    };
    let mut found = 0;
    for entry in entries {
        let Ok(entry) = entry else { return false };
        let name = entry.file_name();
        let Some(name) = name.to_str() else {
            return false;
        };
        if dir.is_empty() && name == MARKER {
            continue;
        }
        if !expected.contains(name) {
            return false;
        }
        found += 1;
    }
    found == expected.len()
}

/// When an entry's status last changed (its `ctime`), where the system tells.
fn status_changed(meta: &fs::Metadata) -> Option<SystemTime> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let secs = u64::try_from(meta.ctime()).ok()?;
        let nanos = u32::try_from(meta.ctime_nsec()).ok()?;
        Some(SystemTime::UNIX_EPOCH + Duration::new(secs, nanos))
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        None
    }
}

/// The folder of the records (and of the build's cache of parsed pairs, `crate::build`'s):
/// `$XDG_CACHE_HOME/mentorbook/builds`, or `~/.cache/...`; `None` without either, which only means
/// full builds.
pub fn cache_dir() -> Option<PathBuf> {
    let cache = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| Some(PathBuf::from(std::env::var_os("HOME")?).join(".cache")))
        .filter(|p| p.is_absolute())?;
    Some(cache.join("mentorbook").join("builds"))
}

/// The file in `cache` that holds the record of the last build into `dest` (an absolute path).
fn record_file(cache: &Path, dest: &Path) -> PathBuf {
    cache.join(format!(
        "{:032x}",
        hash(dest.as_os_str().as_encoded_bytes())
    ))
}

/// The file in the cache folder beside the record of the output folder `dest` (an absolute path)
/// where the build keeps the search index's parts ([`crate::render::search::Keep`]); `None`
/// without a cache folder.
pub fn search_parts_file(dest: &Path) -> Option<PathBuf> {
    let mut path = record_file(&cache_dir()?, dest).into_os_string();
    path.push(".search");
    Some(PathBuf::from(path))
}

/// Records `last`, the build that has just put its site in the output folder at `dest` (an absolute
/// path); an identical record is left as it is.
pub fn record(dest: &Path, last: &LastBuild) -> Result<(), Error> {
    match cache_dir() {
        Some(cache) => record_in(&cache, dest, last),
        None => Ok(()),
    }
}

fn record_in(cache: &Path, dest: &Path, last: &LastBuild) -> Result<(), Error> {
    let path = record_file(cache, dest);
    let marker_path = dest.join(MARKER);
    let marker = fs::read(&marker_path).map_err(io_err("read", &marker_path))?;
    // A name with a line break in it cannot be listed one a line: the files are then left out,
    // and the next build that is not of an unchanged program is a full one.
    let files: &[InputFile] = if last.files.0.iter().any(|f| f.path.contains('\n')) {
        &[]
    } else {
        &last.files.0
    };
    let mut text = format!(
        "{HEADER}\n{}\nfingerprint {:032x}\ncontext {:032x}\nlayout {:032x}\nrooms {}\nmarker {:032x}\nexact {}\npages {}\npairs {}\nfiles {}\n",
        dest.display(),
        last.fingerprint,
        last.context,
        last.layout,
        last.rooms.map_or("-".to_owned(), |r| format!("{r:032x}")),
        hash(&marker),
        last.exact_since
            .and_then(|t| t.duration_since(SystemTime::UNIX_EPOCH).ok())
            .map_or("-".to_owned(), |d| format!(
                "{}.{:09}",
                d.as_secs(),
                d.subsec_nanos()
            )),
        last.pages,
        last.pairs,
        files.len(),
    );
    for f in files {
        match f.stamp {
            Some(Stamp(stamp)) => {
                text.push_str(&format!("{:032x} {stamp:032x} {}\n", f.hash, f.path));
            }
            None => text.push_str(&format!("{:032x} - {}\n", f.hash, f.path)),
        }
    }
    text.push_str("warnings\n");
    text.push_str(&last.warnings);
    if fs::read(&path).is_ok_and(|old| old == text.as_bytes()) {
        return Ok(());
    }
    fs::create_dir_all(cache).map_err(io_err("create", cache))?;
    // Two builds at once each write their own file; the last rename wins, and both are right.
    let new = path.with_extension(format!("{}.new", std::process::id()));
    write_private(&new, text.as_bytes()).map_err(io_err("write", &new))?;
    fs::rename(&new, &path).map_err(io_err("write", &path))
}

/// Writes a file only its owner can read: it holds warnings, which quote the program's lines.
pub fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    create_private(path)?.write_all(bytes)
}

/// Creates (or empties) a file only its owner can read, for [`write_private`] and for the build's
/// cache of parsed pairs, which holds what their files say.
pub fn create_private(path: &Path) -> std::io::Result<fs::File> {
    let mut options = fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)
}

/// The record and the marker's hash from the record's text.
fn parse(text: &str, dest: &Path) -> Option<(LastBuild, u128)> {
    let mut rest = text;
    let mut line = || {
        let (line, after) = rest.split_once('\n')?;
        rest = after;
        Some(line)
    };
    if line()? != HEADER || Path::new(line()?) != dest {
        return None;
    }
    let mut field = |name: &str| line()?.strip_prefix(name)?.strip_prefix(' ');
    let fingerprint = u128::from_str_radix(field("fingerprint")?, 16).ok()?;
    let context = u128::from_str_radix(field("context")?, 16).ok()?;
    let layout = u128::from_str_radix(field("layout")?, 16).ok()?;
    let rooms = match field("rooms")? {
        "-" => None,
        r => Some(u128::from_str_radix(r, 16).ok()?),
    };
    let marker = u128::from_str_radix(field("marker")?, 16).ok()?;
    let exact_since = match field("exact")? {
        "-" => None,
        t => {
            let (secs, nanos) = t.split_once('.')?;
            let since = Duration::new(secs.parse().ok()?, nanos.parse().ok()?);
            Some(SystemTime::UNIX_EPOCH.checked_add(since)?)
        }
    };
    let pages = field("pages")?.parse().ok()?;
    let pairs = field("pairs")?.parse().ok()?;
    let count: usize = field("files")?.parse().ok()?;
    let mut files = Vec::with_capacity(count.min(1 << 20));
    for _ in 0..count {
        let (hash, rest) = line()?.split_once(' ')?;
        let (stamp, path) = rest.split_once(' ')?;
        let stamp = match stamp {
            "-" => None,
            s => Some(Stamp(u128::from_str_radix(s, 16).ok()?)),
        };
        files.push(InputFile {
            path: path.to_owned(),
            hash: u128::from_str_radix(hash, 16).ok()?,
            stamp,
        });
    }
    if line()? != "warnings" {
        return None;
    }
    Some((
        LastBuild {
            fingerprint,
            context,
            layout,
            rooms,
            files: ProgramFiles(files),
            pages,
            pairs,
            warnings: rest.to_owned(),
            exact_since,
        },
        marker,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::manifest::Entry;

    /// A site of one page, `index.html`.
    fn site(dir: &Path) {
        site_of(dir, &["index.html"]);
    }

    /// A site of the pages at `paths`, each saying "hello", with its marker; its manifest and the
    /// marker's time.
    fn site_of(dest: &Path, paths: &[&str]) -> (Manifest, SystemTime) {
        let mut m = Manifest::default();
        for path in paths {
            let file = dest.join(path);
            fs::create_dir_all(file.parent().unwrap()).unwrap();
            fs::write(file, "hello").unwrap();
            let entry = Entry {
                hash: hash(b"hello"),
                len: 5,
            };
            m.0.insert((*path).to_owned(), entry);
        }
        fs::write(dest.join(MARKER), m.to_text("marker\n")).unwrap();
        let written = fs::metadata(dest.join(MARKER)).unwrap().modified().unwrap();
        (m, written)
    }

    fn last() -> LastBuild {
        LastBuild {
            fingerprint: 42,
            context: 7,
            layout: 8,
            rooms: Some(9),
            files: ProgramFiles(vec![
                InputFile {
                    path: "content/pairs/a b.yaml".to_owned(),
                    hash: 99,
                    stamp: Some(Stamp(5)),
                },
                InputFile {
                    path: "content/people.yaml".to_owned(),
                    hash: 98,
                    stamp: None,
                },
            ]),
            pages: 1,
            pairs: 0,
            warnings: "warning: one\nand a second line\n".to_owned(),
            exact_since: None,
        }
    }

    fn record(dest: &Path, last: &LastBuild) {
        record_in(&dest.with_extension("cache"), dest, last).unwrap();
    }

    fn unchanged_since(dest: &Path, fingerprint: u128) -> Option<(LastBuild, usize)> {
        let previous = recorded_in(&dest.with_extension("cache"), dest)?.vouched(dest)?;
        (previous.last.fingerprint == fingerprint).then_some((previous.last, previous.files))
    }

    #[test]
    fn trusts_only_an_untouched_folder() {
        let dir = tempfile::tempdir().unwrap();
        let dest = &dir.path().join("book");
        fs::create_dir(dest).unwrap();
        site(dest);
        record(dest, &last());
        assert_eq!(unchanged_since(dest, 42), Some((last(), 1)));
        assert_eq!(unchanged_since(dest, 43), None, "another fingerprint");

        fs::write(dest.join("stray.html"), "x").unwrap();
        assert_eq!(
            unchanged_since(dest, 42),
            None,
            "a file the build did not write"
        );
        fs::remove_file(dest.join("stray.html")).unwrap();
        assert!(unchanged_since(dest, 42).is_some());

        fs::write(dest.join("index.html"), "hello, world").unwrap();
        assert_eq!(unchanged_since(dest, 42), None, "a file edited by hand");
        site(dest);
        assert_eq!(
            unchanged_since(dest, 42),
            Some((last(), 1)),
            "the same marker"
        );

        fs::write(dest.join(MARKER), "marker\n").unwrap();
        assert_eq!(unchanged_since(dest, 42), None, "another marker");
        site(dest);
        assert_eq!(
            unchanged_since(&dir.path().join("other"), 42),
            None,
            "no record"
        );
    }

    #[test]
    fn only_folders_changed_since_the_site_was_exact_are_listed() {
        let dir = tempfile::tempdir().unwrap();
        let dest = &dir.path().join("book");
        let (manifest, written) = site_of(dest, &["index.html", "a/b/index.html"]);
        let long_ago = Some(SystemTime::UNIX_EPOCH + Duration::from_secs(1));
        // Every folder changed since long ago: each one is listed.
        assert!(intact(dest, &manifest, written, long_ago));
        assert!(intact(dest, &manifest, written, None));
        fs::write(dest.join("a/stray.html"), "x").unwrap();
        assert!(!intact(dest, &manifest, written, long_ago), "a stray file");
        assert!(!intact(dest, &manifest, written, None), "a stray file");
        fs::remove_file(dest.join("a/stray.html")).unwrap();
        fs::create_dir(dest.join("a/b/c")).unwrap();
        assert!(
            !intact(dest, &manifest, written, long_ago),
            "a stray folder"
        );
        fs::remove_dir(dest.join("a/b/c")).unwrap();
        fs::remove_file(dest.join("a/b/index.html")).unwrap();
        assert!(!intact(dest, &manifest, written, long_ago), "a file gone");
        fs::write(dest.join("a/b/index.html"), "hello").unwrap();

        // A time after every change: no folder is listed (a stray file made before that time
        // would have been found when it was taken), yet every file is still looked at.
        let (manifest, written) = site_of(dest, &["index.html", "a/b/index.html"]);
        let later = Some(SystemTime::now() + Duration::from_secs(60));
        assert!(intact(dest, &manifest, written, later));
        fs::write(dest.join("a/b/index.html"), "hello, world").unwrap();
        assert!(
            !intact(dest, &manifest, written, later),
            "a file edited by hand"
        );
        fs::remove_file(dest.join("a/b/index.html")).unwrap();
        assert!(!intact(dest, &manifest, written, later), "a file gone");
        fs::remove_dir(dest.join("a/b")).unwrap();
        assert!(!intact(dest, &manifest, written, later), "a folder gone");
    }

    #[test]
    fn the_time_the_site_was_exact_is_recorded() {
        let dir = tempfile::tempdir().unwrap();
        let dest = &dir.path().join("book");
        fs::create_dir(dest).unwrap();
        site(dest);
        let since = SystemTime::UNIX_EPOCH + Duration::new(1_796_000_000, 123);
        let last = LastBuild {
            exact_since: Some(since),
            ..last()
        };
        record(dest, &last);
        let (found, _) = unchanged_since(dest, 42).unwrap();
        assert_eq!(found.exact_since, Some(since));
        assert_eq!(found.rooms, Some(9));
    }

    #[test]
    fn a_damaged_record_is_not_trusted() {
        let dir = tempfile::tempdir().unwrap();
        let dest = &dir.path().join("book");
        fs::create_dir(dest).unwrap();
        site(dest);
        record(dest, &last());
        let file = record_file(&dest.with_extension("cache"), dest);
        let text = fs::read_to_string(&file).unwrap();
        for cut in [0, 10, 30, 60, 100, 150, 200] {
            fs::write(&file, &text[..cut]).unwrap();
            assert_eq!(unchanged_since(dest, 42), None, "cut at {cut}");
        }
    }
}
