//! Loading again after an edit: the parsed files of the last load, kept with each file's length and
//! modification time, so that only the files that changed since are read and parsed again.
//!
//! Edits are found by looking. Without hints, a load lists the content folders and `stat`s each
//! file: that survives every editor habit (a save written to a temporary file and renamed over the
//! original, a file deleted and made again, a burst of saves, a rename), and costs about 15 ms for a
//! thousand pairs and 150 ms for ten thousand on a slow file system. With hints (the paths the
//! watcher's events named), a load looks only at those, as long as none of them can change what the
//! listing finds: each one is either a content file the last listing found, still a file, or a path
//! that is gone and that the last listing did not see (an editor's temporary file). Anything else (a
//! file made or removed, a folder, a path a problem of the listing names, no hints) lists again.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use rayon::prelude::*;

use super::{Kind, Loaded, LoadedPair, Parsed, Sources, find_files, parse};
use crate::config::Config;
use crate::diagnostic::{Problem, Problems};
use crate::model::PrivateValues;

/// What tells one version of a file from the next without reading it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
    #[cfg(unix)]
    inode: u64,
}

impl Stamp {
    fn of(path: &Path) -> Option<Stamp> {
        let meta = std::fs::metadata(path).ok()?;
        Some(Stamp {
            len: meta.len(),
            modified: meta.modified().ok(),
            #[cfg(unix)]
            inode: std::os::unix::fs::MetadataExt::ino(&meta),
        })
    }
}

/// `book.toml` and every file under `themes/`, each with its [`Stamp`]: in `serve`, what tells
/// that the settings or the theme changed, so that they are loaded again and everything is
/// rendered. The content files are the [`Cache`]'s own; both are told apart the same way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettingsStamps(Vec<(PathBuf, Option<Stamp>)>);

impl SettingsStamps {
    /// The stamps of the settings and theme files of the program folder `root`, now.
    pub fn of(root: &Path) -> SettingsStamps {
        let mut out = vec![(
            PathBuf::from(crate::config::CONFIG_FILE),
            Stamp::of(&root.join(crate::config::CONFIG_FILE)),
        )];
        for entry in walkdir::WalkDir::new(root.join("themes"))
            .sort_by_file_name()
            .into_iter()
            .flatten()
        {
            let rel = entry.path().strip_prefix(root).unwrap_or(entry.path());
            out.push((rel.to_path_buf(), Stamp::of(entry.path())));
        }
        SettingsStamps(out)
    }
}

/// One file as last loaded.
struct Cached {
    stamp: Option<Stamp>,
    parsed: Result<Parsed, Problem>,
}

/// The files of the last load. [`Cache::load`] reads only what changed since.
///
/// A cache belongs to one configuration: whether a chapter may keep raw HTML changes how it is
/// parsed, so after a change to `book.toml` start from a new cache.
#[derive(Default)]
pub struct Cache {
    files: HashMap<PathBuf, Cached>,
    /// What the files' private values become.
    private: PrivateValues,
    /// What the last listing found, and the problems it reported.
    listing: Option<Listing>,
}

/// The content files a listing found, each with what it is, and the problems it reported.
type Listing = (Vec<(PathBuf, Kind)>, Vec<Problem>);

impl std::fmt::Debug for Cache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Cache")
            .field("files", &self.files.len())
            .finish()
    }
}

impl Cache {
    /// An empty cache whose loads keep or drop private values as `private` says.
    pub fn new(private: PrivateValues) -> Cache {
        Cache {
            private,
            ..Cache::default()
        }
    }

    /// A cache that holds `pairs` as parsed from their files as they are now (a build's cache of
    /// parsed pairs vouches for their bytes), for [`Cache::load_once`]: it reads and parses every
    /// other file. They have no stamps: a [`Cache::load`] would read them again.
    pub fn with_pairs(private: PrivateValues, pairs: Vec<LoadedPair>) -> Cache {
        let files = pairs
            .into_iter()
            .map(|p| {
                let cached = Cached {
                    stamp: None,
                    parsed: Ok(Parsed::Pair(p.id, p.file)),
                };
                (p.path, cached)
            })
            .collect();
        Cache {
            files,
            private,
            listing: None,
        }
    }

    /// Reads every content file of the program, parsing again only those that are new or changed
    /// since the last load; problems go to `problems`. Returns what was loaded, and the files that
    /// are new, changed or gone since the last load (every file, the first time), sorted.
    pub fn load(&mut self, config: Config, problems: &mut Problems) -> (Loaded, Vec<PathBuf>) {
        self.load_hinted(config, None, problems)
    }

    /// [`Cache::load`], looking only at `hints` (paths relative to the program folder, as the
    /// watcher named them) when they cannot change what listing the folders would find.
    pub fn load_hinted(
        &mut self,
        config: Config,
        hints: Option<&[PathBuf]>,
        problems: &mut Problems,
    ) -> (Loaded, Vec<PathBuf>) {
        let changed = self.refresh(&config, hints, true, problems);
        let listing = self.listing.take().unwrap_or_default();
        let files = &self.files;
        let loaded = assemble(config, &listing.0, problems, |rel| {
            Some(files.get(rel)?.parsed.clone())
        });
        self.listing = Some(listing);
        (loaded, changed)
    }

    /// [`Cache::load`] for a cache that is not needed after: the files it holds are taken as they
    /// are, without looking at their stamps (which only a next load would need; at 10,000 pairs
    /// and 19,000 people, 39,000 `stat`s). What was parsed is copied into the [`Loaded`] when
    /// `compact` (the copies sit together, and the parse's leftovers are given back), and moved
    /// otherwise (copying the people and freeing the cache took a tenth of a second).
    pub fn load_once(mut self, config: Config, compact: bool, problems: &mut Problems) -> Loaded {
        self.refresh(&config, None, false, problems);
        let (jobs, _) = self.listing.take().unwrap_or_default();
        let mut files = std::mem::take(&mut self.files);
        if compact {
            let loaded = assemble(config, &jobs, problems, |rel| {
                Some(files.get(rel)?.parsed.clone())
            });
            drop(files);
            return loaded;
        }
        assemble(config, &jobs, problems, |rel| {
            Some(files.remove(rel)?.parsed)
        })
    }

    /// Lists the content files (or looks at `hints` alone, when they suffice) and reads those that
    /// are new or changed since the last load (`stamped`), or those it does not hold (not
    /// `stamped`: no file is looked at for its stamp, and none read is given one); returns the
    /// files that are new, changed or gone, sorted. The listing is left in `self.listing`.
    fn refresh(
        &mut self,
        config: &Config,
        hints: Option<&[PathBuf]>,
        stamped: bool,
        problems: &mut Problems,
    ) -> Vec<PathBuf> {
        let root = &config.root;
        let raw_html = config.build.allow_raw_html;
        let only: Option<HashSet<&Path>> = hints
            .filter(|h| self.hints_suffice(root, h))
            .map(|h| h.iter().map(PathBuf::as_path).collect());
        let listing = match (&only, self.listing.take()) {
            (Some(_), Some(listing)) => listing,
            _ => {
                let mut found = Problems::default();
                let jobs = find_files(root, &mut found);
                (jobs, found.into_vec())
            }
        };
        problems.extend(listing.1.iter().cloned());
        let jobs = &listing.0;
        let fresh: Vec<Option<Cached>> = jobs
            .par_iter()
            .map(|(rel, kind)| {
                if only.as_ref().is_some_and(|o| !o.contains(rel.as_path())) {
                    return None;
                }
                let stamp = stamped.then(|| Stamp::of(&root.join(rel))).flatten();
                match self.files.get(rel) {
                    Some(_) if !stamped => None,
                    Some(c) if stamp.is_some() && c.stamp == stamp => None,
                    _ => Some(read(root, rel, kind.clone(), raw_html, stamp, self.private)),
                }
            })
            .collect();

        let mut changed = Vec::new();
        for ((rel, _), fresh) in jobs.iter().zip(fresh) {
            if let Some(c) = fresh {
                changed.push(rel.clone());
                self.files.insert(rel.clone(), c);
            }
        }
        // After a listing, the files it no longer finds are gone; with hints, none is.
        if only.is_none() {
            let listed: HashSet<&Path> = jobs.iter().map(|(p, _)| p.as_path()).collect();
            self.files.retain(|rel, _| {
                let keep = listed.contains(rel.as_path());
                if !keep {
                    changed.push(rel.clone());
                }
                keep
            });
        }
        changed.sort();
        self.listing = Some(listing);
        changed
    }

    /// The pair files that changed since the last load, with their new parses, when `hints` suffice
    /// to find every change and each changed file they name is a pair file the last listing found
    /// and still parses; the cache then holds them as loaded. `None`, with the cache untouched,
    /// otherwise: [`Cache::load_hinted`] then loads as usual. Unlike it, this builds no [`Loaded`]:
    /// an edit to one pair of ten thousand looks at that pair alone.
    pub fn pair_edits(&mut self, config: &Config, hints: &[PathBuf]) -> Option<Vec<LoadedPair>> {
        let root = &config.root;
        if !self.hints_suffice(root, hints) {
            return None;
        }
        let mut fresh: Vec<(PathBuf, Cached)> = Vec::new();
        for hint in hints {
            // Paths the listing did not find are editors' temporary files, or outside `content/`.
            let Some(cached) = self.files.get(hint) else {
                continue;
            };
            let stamp = Stamp::of(&root.join(hint));
            if (stamp.is_some() && cached.stamp == stamp) || fresh.iter().any(|(p, _)| p == hint) {
                continue;
            }
            let Ok(Parsed::Pair(id, _)) = &cached.parsed else {
                return None;
            };
            let kind = Kind::Pair(id.clone());
            let raw_html = config.build.allow_raw_html;
            let c = read(root, hint, kind, raw_html, stamp, self.private);
            if !matches!(c.parsed, Ok(Parsed::Pair(..))) {
                return None;
            }
            fresh.push((hint.clone(), c));
        }
        let mut edits = Vec::with_capacity(fresh.len());
        for (rel, c) in fresh {
            if let Ok(Parsed::Pair(id, data)) = &c.parsed {
                edits.push(LoadedPair {
                    id: id.clone(),
                    path: rel.clone(),
                    file: data.clone(),
                });
            }
            self.files.insert(rel, c);
        }
        edits.sort_by(|a, b| a.path.cmp(&b.path));
        Some(edits)
    }

    /// Whether looking at `hints` alone finds every change: see the module's documentation.
    fn hints_suffice(&self, root: &Path, hints: &[PathBuf]) -> bool {
        let Some((_, listed_problems)) = &self.listing else {
            return false;
        };
        let content = Path::new(super::CONTENT_DIR);
        hints.iter().filter(|h| h.starts_with(content)).all(|hint| {
            // The listing passes over these names without a word (editors' swap and backup files).
            let name = hint.file_name().map(|n| n.to_string_lossy());
            if hint.components().count() == 3
                && name.is_some_and(|n| n.starts_with('.') || n.ends_with('~'))
            {
                return true;
            }
            // Every content file the listing found has an entry, even one that failed to read.
            let known = self.files.contains_key(hint);
            match std::fs::symlink_metadata(root.join(hint)) {
                Ok(meta) => known && meta.is_file(),
                Err(_) => {
                    !known
                        && hint != content
                        && !listed_problems
                            .iter()
                            .any(|p| p.span.file.starts_with(hint))
                }
            }
        })
    }
}

/// The program as the files `jobs` lists were parsed (`parsed` gives each one's, by its path;
/// [`Cache::refresh`] read every one), in the listing's order; the problems of files that did not
/// parse go to `problems`.
fn assemble(
    config: Config,
    jobs: &[(PathBuf, Kind)],
    problems: &mut Problems,
    mut parsed: impl FnMut(&Path) -> Option<Result<Parsed, Problem>>,
) -> Loaded {
    let root = config.root.clone();
    let mut loaded = Loaded {
        config,
        info: None,
        people: Vec::new(),
        pairs: Vec::new(),
        phases: Vec::new(),
        chapters: Vec::new(),
        sources: Sources::new(&root),
        people_complete: true,
    };
    for (rel, _) in jobs {
        if let Some(parsed) = parsed(rel) {
            loaded.add(rel, parsed, problems);
        }
    }
    loaded
}

fn read(
    root: &Path,
    rel: &Path,
    kind: Kind,
    raw_html: bool,
    stamp: Option<Stamp>,
    private: PrivateValues,
) -> Cached {
    match super::read_file(root, rel) {
        Ok(file) => Cached {
            stamp,
            parsed: crate::model::reading_private(private, || parse(&file, kind, raw_html)),
        },
        Err(p) => Cached {
            stamp,
            parsed: Err(p),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAIR: &str = "content/pairs/ana-lopez-ben-okafor.yaml";

    fn program() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal");
        for entry in walkdir::WalkDir::new(&fixture) {
            let entry = entry.unwrap();
            let to = dir
                .path()
                .join(entry.path().strip_prefix(&fixture).unwrap());
            if entry.file_type().is_dir() {
                std::fs::create_dir_all(&to).unwrap();
            } else {
                std::fs::copy(entry.path(), &to).unwrap();
            }
        }
        dir
    }

    fn load(cache: &mut Cache, root: &Path, hints: &[&str]) -> (usize, Vec<PathBuf>) {
        let config = Config::load(root).unwrap();
        let hints: Vec<PathBuf> = hints.iter().map(PathBuf::from).collect();
        let mut problems = Problems::default();
        let (loaded, changed) = cache.load_hinted(config, Some(&hints), &mut problems);
        (loaded.pairs.len(), changed)
    }

    fn load_all(cache: &mut Cache, root: &Path) -> (usize, Vec<PathBuf>) {
        let config = Config::load(root).unwrap();
        let (loaded, changed) = cache.load(config, &mut Problems::default());
        (loaded.pairs.len(), changed)
    }

    /// A second file of one pair's id, made and removed while serving: reported as a build
    /// reports it, and gone with the file.
    #[test]
    fn a_second_file_of_one_id_is_reported_and_forgotten() {
        let dir = program();
        let root = dir.path();
        let mut cache = Cache::default();
        load(&mut cache, root, &[]);
        let second = PAIR.replace(".yaml", ".yml");
        std::fs::copy(root.join(PAIR), root.join(&second)).unwrap();
        let codes = |cache: &mut Cache| {
            let config = Config::load(root).unwrap();
            let hints = vec![PathBuf::from(&second)];
            let mut problems = Problems::default();
            let (loaded, _) = cache.load_hinted(config, Some(&hints), &mut problems);
            let found: Vec<_> = problems
                .into_vec()
                .into_iter()
                .map(|p| (p.code, p.span.file, p.message))
                .collect();
            (loaded.pairs.len(), found)
        };
        let (pairs, found) = codes(&mut cache);
        assert_eq!(pairs, 1);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, crate::diagnostic::Code::DuplicateId);
        assert_eq!(found[0].1, PathBuf::from(&second));
        assert!(found[0].2.contains(PAIR), "{}", found[0].2);
        // Saved again: still reported, never read as the pair.
        std::fs::write(root.join(&second), "x: [").unwrap();
        let (pairs, found) = codes(&mut cache);
        assert_eq!((pairs, found.len()), (1, 1), "{found:?}");
        std::fs::remove_file(root.join(&second)).unwrap();
        assert_eq!(codes(&mut cache), (1, vec![]));
    }

    #[test]
    fn hints_find_edits_and_anything_else_lists_again() {
        let dir = program();
        let root = dir.path();
        let mut cache = Cache::default();
        assert_eq!(load(&mut cache, root, &[]).0, 1, "the first load lists");
        let pair = std::fs::read_to_string(root.join(PAIR)).unwrap();

        // An atomic save: a temporary file renamed over the pair.
        let tmp = format!("{PAIR}.save");
        std::fs::write(
            root.join(&tmp),
            pair.replace("vision: |", "vision: |\n  New."),
        )
        .unwrap();
        std::fs::rename(root.join(&tmp), root.join(PAIR)).unwrap();
        let (pairs, changed) = load(&mut cache, root, &[&tmp, PAIR]);
        assert_eq!((pairs, changed), (1, vec![PathBuf::from(PAIR)]));

        // Hints that suffice are all it looks at: an edit nobody named waits for the next listing.
        std::fs::write(
            root.join(PAIR),
            pair.replace("vision: |", "vision: |\n  Newer."),
        )
        .unwrap();
        assert_eq!(load(&mut cache, root, &[&tmp]), (1, vec![]));
        assert_eq!(load_all(&mut cache, root), (1, vec![PathBuf::from(PAIR)]));

        // A new pair file: the hint is not a file the listing knows, so it lists again.
        let new = "content/pairs/ana-lopez-ben-okafor-2.yaml";
        std::fs::write(root.join(new), &pair).unwrap();
        assert_eq!(
            load(&mut cache, root, &[new]),
            (2, vec![PathBuf::from(new)])
        );

        // A pair file removed.
        std::fs::remove_file(root.join(new)).unwrap();
        assert_eq!(
            load(&mut cache, root, &[new]),
            (1, vec![PathBuf::from(new)])
        );

        // A stray file the listing warns about, then removed: listed again, so the warning goes.
        let stray = "content/pairs/notes.txt";
        std::fs::write(root.join(stray), "x").unwrap();
        let mut problems = Problems::default();
        let config = Config::load(root).unwrap();
        let hints = vec![PathBuf::from(stray)];
        cache.load_hinted(config, Some(&hints), &mut problems);
        assert!(
            !problems.into_vec().is_empty(),
            "the stray file is reported"
        );
        std::fs::remove_file(root.join(stray)).unwrap();
        let config = Config::load(root).unwrap();
        let mut problems = Problems::default();
        cache.load_hinted(config, Some(&hints), &mut problems);
        assert!(problems.into_vec().is_empty());
    }
}
