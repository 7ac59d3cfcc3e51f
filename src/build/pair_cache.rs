//! The build's cache of parsed and checked pairs, so that a `build` after an edit to a few files
//! neither parses nor checks the pairs whose files did not change.
//!
//! After a build of the public site, a file in the user's cache folder (beside the records of
//! [`crate::output::inputs`]: `$XDG_CACHE_HOME/mentorbook/builds/<hash of the program folder>.pairs`,
//! never in the output folder) keeps, for each pair file, the hash of its bytes (from
//! [`ProgramFiles`]), the pair as parsed ([`crate::codec`]: private values are never stored, see
//! `model::stored`) and what checking it found (its problems, and its end, phase and counts). The
//! next build takes a pair from it when:
//!
//! - to parse it again: the file's hash is the same and so is the [`Keys::parse`] key (the format,
//!   the mentorbook version and executable);
//! - to check it again too: besides, the [`Keys::check`] key is the same (today's date, and the
//!   bytes of `book.toml` and of every content file that is not a pair's: the people, phases,
//!   `program.yaml` and chapters that a pair's checks read).
//!
//! Only the public site's build reads or writes the cache: it is the only one whose load drops
//! private values. The file starts with a header and the hash of the rest; a file of another
//! format, cut short or damaged (the hash differs, or an entry does not decode) is not used at
//! all, and the build parses and checks everything, with the same result. A pair file whose bytes
//! changed between the hash and its parse is stored under the older hash, so the next build parses
//! it again.

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::codec::{Input, Stored, put_len};
use crate::diagnostic::stored::{put_problem, take_problem};
use crate::load::{CONTENT_DIR, LoadedPair, ProgramFiles};
use crate::model::{Date, PairFile, PairId, PhaseCount, PhaseId};
use crate::validate::{Derived, Memo, PastChecks, PastChecksRef};

/// The first bytes of the file: what it is and the version of its format.
const MAGIC: &[u8; 20] = b"mentorbook-pairs v1\n";

/// How many pairs the cache may lack, as they are now, before a build writes it again.
const LAG: usize = 256;

/// What the entries of the cache are valid for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Keys {
    /// For the pairs as parsed: the format and the executable that parsed them.
    pub parse: u128,
    /// For the checks of the pairs: the parse key, today's date, and every file other than the
    /// pairs' and the theme's.
    pub check: u128,
}

impl Keys {
    /// The keys for a build by the executable `exe` (its version and identity) of the program
    /// folder whose files are `files`, as of `today`.
    pub fn of(exe: &str, files: &ProgramFiles, today: Date) -> Keys {
        let parse = crate::hash::hash(format!("{}\n{exe}", MAGIC.escape_ascii()).as_bytes());
        let mut check = format!("{parse:032x}\n{today}\n");
        for f in &files.0 {
            if !is_pair_file(&f.path) && !f.path.starts_with("themes/") {
                check.push_str(&format!("{:032x}\n", f.hash));
            }
        }
        Keys {
            parse,
            check: crate::hash::hash(check.as_bytes()),
        }
    }
}

/// Whether `path` (relative to the program folder, with `/`) is in the folder of pair files.
fn is_pair_file(path: &str) -> bool {
    path.strip_prefix(CONTENT_DIR)
        .and_then(|p| p.strip_prefix("/pairs/"))
        .is_some_and(|name| !name.contains('/'))
}

/// The cache file of the program folder `root`, in the cache folder; `None` without one.
pub fn file_for(root: &Path) -> Option<PathBuf> {
    let root = std::path::absolute(root).ok()?;
    let name = crate::hash::hash(root.as_os_str().as_encoded_bytes());
    Some(crate::output::inputs::cache_dir()?.join(format!("{name:032x}.pairs")))
}

/// One pair's entry, still encoded.
#[derive(Debug)]
struct Entry {
    id: PairId,
    hash: u128,
    parsed: Range<usize>,
    checks: Range<usize>,
}

/// What a cache file held: its keys, and each pair file's path with its pair and hash.
#[derive(Debug)]
pub struct Found {
    keys: Keys,
    entries: HashMap<String, (PairId, u128)>,
}

/// A cache file as read, its entries not decoded yet.
#[derive(Debug)]
pub struct Cached {
    bytes: Vec<u8>,
    keys: Keys,
    entries: HashMap<String, Entry>,
}

/// What a build takes from the cache.
#[derive(Debug, Default)]
pub struct Reused {
    /// The pairs parsed before whose files did not change, for [`crate::load::load_reusing`].
    pub pairs: Vec<LoadedPair>,
    /// Their checks, when those still hold, for [`crate::validate::validate_with`].
    pub checks: Option<Memo>,
}

impl Cached {
    /// The cache file at `path`, when it is whole and of this format; `None` otherwise.
    pub fn read(path: &Path) -> Option<Cached> {
        let bytes = std::fs::read(path).ok()?;
        let mut input = Input::new(&bytes);
        if input.bytes(MAGIC.len())? != MAGIC {
            return None;
        }
        let keys = Keys {
            parse: u128::take(&mut input)?,
            check: u128::take(&mut input)?,
        };
        // The hash of the entries is last.
        let start = bytes.len() - input.left();
        let end = bytes.len().checked_sub(16).filter(|e| *e >= start)?;
        let sum = u128::from_le_bytes(bytes[end..].try_into().ok()?);
        if crate::hash::hash(&bytes[start..end]) != sum {
            return None;
        }
        let body = &bytes[..end];
        let mut input = Input::new(body);
        input.bytes(start)?;
        let mut entries = HashMap::new();
        let count = input.take_len()?;
        for _ in 0..count {
            let path = String::take(&mut input)?;
            let id = PairId::take(&mut input)?;
            let hash = u128::take(&mut input)?;
            let parsed = range(&mut input, body)?;
            let checks = range(&mut input, body)?;
            let entry = Entry {
                id,
                hash,
                parsed,
                checks,
            };
            entries.insert(path, entry);
        }
        (input.left() == 0).then_some(Cached {
            bytes,
            keys,
            entries,
        })
    }

    /// What [`write`] needs to know of this cache, once its pairs are decoded.
    pub fn found(&self) -> Found {
        Found {
            keys: self.keys,
            entries: self
                .entries
                .iter()
                .map(|(path, e)| (path.clone(), (e.id.clone(), e.hash)))
                .collect(),
        }
    }

    /// The pairs of `files` this cache holds, decoded, when it was made with `keys.parse` (and
    /// their checks when also with `keys.check`); problems are read again from `root` when shown.
    /// `None` when an entry does not decode: the cache is not trusted at all then.
    pub fn reuse(
        &self,
        files: &ProgramFiles,
        keys: &Keys,
        root: &Arc<Path>,
        today: Date,
    ) -> Option<Reused> {
        if self.keys.parse != keys.parse {
            return Some(Reused::default());
        }
        let checked = self.keys.check == keys.check;
        let found: Vec<(&str, &Entry)> = files
            .0
            .iter()
            .filter_map(|f| {
                let (path, entry) = self.entries.get_key_value(f.path.as_str())?;
                (entry.hash == f.hash).then_some((path.as_str(), entry))
            })
            .collect();
        let decoded: Vec<(LoadedPair, Option<PastChecks>)> = found
            .par_iter()
            .map(|(path, entry)| {
                let file: Arc<PairFile> = crate::codec::decode(&self.bytes[entry.parsed.clone()])?;
                let path = PathBuf::from(path);
                let checks = if checked {
                    let mut input = Input::new(&self.bytes[entry.checks.clone()]);
                    let checks = take_checks(&mut input, root)?;
                    if input.left() != 0 {
                        return None;
                    }
                    checks.map(|(derived, problems)| PastChecks {
                        id: entry.id.clone(),
                        file: Arc::clone(&file),
                        source: path.clone(),
                        problems,
                        derived,
                    })
                } else {
                    None
                };
                let pair = LoadedPair {
                    id: entry.id.clone(),
                    path,
                    file,
                };
                Some((pair, checks))
            })
            .collect::<Option<_>>()?;
        let mut reused = Reused::default();
        let mut checks = Vec::new();
        for (pair, past) in decoded {
            reused.pairs.push(pair);
            checks.extend(past);
        }
        reused.checks = checked.then(|| Memo::reusing(today, checks));
        Some(reused)
    }
}

/// A length-prefixed run of bytes of `input` (a part of `all`), as a range of `all`.
fn range(input: &mut Input<'_>, all: &[u8]) -> Option<Range<usize>> {
    let n = input.take_len()?;
    let start = all.len() - input.left();
    input.bytes(n)?;
    Some(start..start + n)
}

/// Writes the cache of the program whose files are `files` at `path`: every pair `memo` checked
/// (the build's [`crate::validate::validate_with`] filled it), with `keys`. Nothing is written
/// when the cache holds that already (`before`: what the build found there), or all of it but
/// [`LAG`] pairs at most. The file is written a
/// few hundred pairs at a time, so that it is never in memory whole.
pub fn write(
    path: &Path,
    keys: Keys,
    files: &ProgramFiles,
    memo: &Memo,
    before: Option<&Found>,
) -> std::io::Result<()> {
    let hashes: HashMap<&str, u128> = files
        .0
        .iter()
        .filter(|f| is_pair_file(&f.path))
        .map(|f| (f.path.as_str(), f.hash))
        .collect();
    let mut pairs: Vec<(&str, u128, PastChecksRef<'_>)> = memo
        .pairs()
        .filter_map(|p| {
            let path = p.source.to_str()?;
            Some((path, *hashes.get(path)?, p))
        })
        .collect();
    pairs.sort_by(|a, b| a.0.cmp(b.0));
    // The cache is written again only when it is of other keys, or when too many of the pairs are
    // not in it as they are now: after an edit to a few pairs, the next build parses and checks
    // those few again (about 0.1 ms each) rather than this one write the whole file again (at
    // 10,000 pairs, 98 MB and 0.2 s of processor time).
    let unchanged = before.is_some_and(|b| {
        b.keys == keys
            && pairs
                .iter()
                .filter(|(path, hash, p)| {
                    b.entries
                        .get(*path)
                        .is_none_or(|(id, h)| h != hash || id != p.id)
                })
                .take(LAG + 1)
                .count()
                + b.entries.len().saturating_sub(pairs.len())
                <= LAG
    });
    if unchanged {
        return Ok(());
    }
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    // Two builds at once each write their own file; the last rename wins, and both are right.
    let new = path.with_extension(format!("pairs.{}.new", std::process::id()));
    let written = write_to(&new, keys, &pairs);
    if written.is_err() {
        let _ = std::fs::remove_file(&new);
    }
    written?;
    std::fs::rename(&new, path)
}

/// Writes the cache of `pairs` (each with its file's path and hash) to `path`, a new file.
fn write_to(
    path: &Path,
    keys: Keys,
    pairs: &[(&str, u128, PastChecksRef<'_>)],
) -> std::io::Result<()> {
    use std::io::Write;
    let file = crate::output::inputs::create_private(path)?;
    let mut out = std::io::BufWriter::with_capacity(1 << 20, file);
    let mut head = Vec::new();
    head.extend_from_slice(MAGIC);
    keys.parse.put(&mut head);
    keys.check.put(&mut head);
    out.write_all(&head)?;
    let mut sum = xxhash_rust::xxh3::Xxh3::new();
    let mut count = Vec::new();
    put_len(pairs.len(), &mut count);
    sum.update(&count);
    out.write_all(&count)?;
    for chunk in pairs.chunks(256) {
        let entries: Vec<Vec<u8>> = chunk
            .par_iter()
            .map(|(path, hash, p)| entry(path, *hash, p))
            .collect();
        for e in &entries {
            sum.update(e);
            out.write_all(e)?;
        }
    }
    out.write_all(&sum.digest128().to_le_bytes())?;
    // Not synced to the disk: a file cut short by a crash fails its hash, which only means a build
    // that parses everything, and syncing 100 MB would cost every build.
    out.flush()
}

/// The bytes of one pair's entry.
fn entry(path: &str, hash: u128, p: &PastChecksRef<'_>) -> Vec<u8> {
    let mut out = Vec::new();
    path.to_owned().put(&mut out);
    p.id.put(&mut out);
    hash.put(&mut out);
    let parsed = crate::codec::encode(p.file);
    put_len(parsed.len(), &mut out);
    out.extend_from_slice(&parsed);
    let checks = put_checks(p.derived, p.problems);
    put_len(checks.len(), &mut out);
    out.extend_from_slice(&checks);
    out
}

/// The bytes of a pair's checks: `None` (no checks kept) when a problem cannot be stored.
fn put_checks(derived: Option<Derived>, problems: &[crate::diagnostic::Problem]) -> Vec<u8> {
    let mut out = vec![1];
    derived.map(|d| (d.end, (d.phase, d.counts))).put(&mut out);
    put_len(problems.len(), &mut out);
    for p in problems {
        if !put_problem(p, &mut out) {
            return vec![0];
        }
    }
    out
}

/// What [`put_checks`] wrote.
type Checks = (Option<Derived>, Vec<crate::diagnostic::Problem>);

fn take_checks(input: &mut Input<'_>, root: &Arc<Path>) -> Option<Option<Checks>> {
    if !bool::take(input)? {
        return Some(None);
    }
    let derived = <Option<(Date, (PhaseId, [PhaseCount; 4]))> as Stored>::take(input)?;
    let derived = derived.map(|(end, (phase, counts))| Derived { end, phase, counts });
    let n = input.take_len()?;
    let mut problems = Vec::with_capacity(n);
    for _ in 0..n {
        problems.push(take_problem(input, root)?);
    }
    Some(Some((derived, problems)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::InputFile;

    fn files(list: &[(&str, u128)]) -> ProgramFiles {
        ProgramFiles(
            list.iter()
                .map(|(path, hash)| InputFile {
                    path: (*path).to_owned(),
                    hash: *hash,
                    stamp: None,
                })
                .collect(),
        )
    }

    /// A pair file's own bytes change neither key (its entry has its hash); the theme changes no
    /// check; anything else a check may read changes the checks' key; the executable changes both.
    #[test]
    fn the_keys_follow_what_parses_and_checks_read() {
        let today = Date::parse("2026-11-23").unwrap();
        let base = [
            ("book.toml", 1),
            ("content/people/ana.yaml", 2),
            ("content/pairs/ana-ben.yaml", 3),
            ("themes/default/static/site.css", 4),
        ];
        let keys = Keys::of("exe", &files(&base), today);
        let with = |i: usize, hash: u128| {
            let mut list = base;
            list[i].1 = hash;
            Keys::of("exe", &files(&list), today)
        };
        assert_eq!(with(2, 30), keys, "a pair file");
        assert_eq!(with(3, 40), keys, "a theme file");
        for (i, what) in [(0, "book.toml"), (1, "a person")] {
            let other = with(i, 99);
            assert_eq!(other.parse, keys.parse, "{what}");
            assert_ne!(other.check, keys.check, "{what}");
        }
        let tomorrow = Keys::of("exe", &files(&base), Date::parse("2026-11-24").unwrap());
        assert_eq!(
            (tomorrow.parse, tomorrow.check == keys.check),
            (keys.parse, false)
        );
        let other = Keys::of("another exe", &files(&base), today);
        assert!(other.parse != keys.parse && other.check != keys.check);
        assert!(is_pair_file("content/pairs/a.yaml"));
        assert!(!is_pair_file("content/pairs/old/a.yaml"));
        assert!(!is_pair_file("content/people/a.yaml"));
    }
}
