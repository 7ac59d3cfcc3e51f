//! Loading again after an edit: the parsed files of the last load, kept with each file's length and
//! modification time, so that only the files that changed since are read and parsed again.
//!
//! Edits are found by looking, not by trusting the watcher's events: every load lists the content
//! folders and `stat`s each file. That survives every editor habit (a save written to a temporary file
//! and renamed over the original, a file deleted and made again, a burst of saves, a rename) and costs
//! a few milliseconds for a thousand files.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use rayon::prelude::*;

use super::yaml::SourceFile;
use super::{Kind, Loaded, Parsed, find_files, parse};
use crate::config::Config;
use crate::diagnostic::{Problem, Problems};

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

/// One file as last loaded.
struct Cached {
    stamp: Option<Stamp>,
    text: Option<Arc<str>>,
    parsed: Result<Parsed, Problem>,
}

/// The files of the last load. [`Cache::load`] reads only what changed since.
///
/// A cache belongs to one configuration: whether a chapter may keep raw HTML changes how it is
/// parsed, so after a change to `book.toml` start from a new cache.
#[derive(Default)]
pub struct Cache {
    files: HashMap<PathBuf, Cached>,
}

impl std::fmt::Debug for Cache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Cache")
            .field("files", &self.files.len())
            .finish()
    }
}

impl Cache {
    /// Reads every content file of the program, parsing again only those that are new or changed
    /// since the last load; problems go to `problems`. Returns what was loaded, and the files that
    /// are new, changed or gone since the last load (every file, the first time), sorted.
    pub fn load(&mut self, config: Config, problems: &mut Problems) -> (Loaded, Vec<PathBuf>) {
        let root = config.root.clone();
        let raw_html = config.build.allow_raw_html;
        let jobs = find_files(&root, problems);
        let fresh: Vec<Option<Cached>> = jobs
            .par_iter()
            .map(|(rel, kind)| {
                let stamp = Stamp::of(&root.join(rel));
                match self.files.get(rel) {
                    Some(c) if stamp.is_some() && c.stamp == stamp => None,
                    _ => Some(read(&root, rel, kind.clone(), raw_html, stamp)),
                }
            })
            .collect();

        let mut changed = Vec::new();
        let mut seen = HashSet::with_capacity(jobs.len());
        for ((rel, _), fresh) in jobs.iter().zip(fresh) {
            if let Some(c) = fresh {
                changed.push(rel.clone());
                self.files.insert(rel.clone(), c);
            }
            seen.insert(rel.clone());
        }
        self.files.retain(|rel, _| {
            let keep = seen.contains(rel);
            if !keep {
                changed.push(rel.clone());
            }
            keep
        });
        changed.sort();

        let mut loaded = Loaded {
            config,
            info: None,
            people: Vec::new(),
            pairs: Vec::new(),
            phases: Vec::new(),
            chapters: Vec::new(),
            sources: HashMap::new(),
            people_complete: true,
        };
        for (rel, _) in &jobs {
            let c = &self.files[rel];
            if let Some(text) = &c.text {
                loaded.sources.insert(rel.clone(), text.clone());
            }
            match &c.parsed {
                Ok(Parsed::Program(info)) => loaded.info = Some(info.clone()),
                Ok(Parsed::People(list)) => loaded
                    .people
                    .extend(list.iter().map(|p| (rel.clone(), p.clone()))),
                Ok(Parsed::Pair(id, pair)) => {
                    loaded.pairs.push((id.clone(), rel.clone(), pair.clone()));
                }
                Ok(Parsed::Phase(id, phase)) => {
                    loaded.phases.push((*id, rel.clone(), phase.clone()));
                }
                Ok(Parsed::Chapter(c)) => loaded.chapters.push(c.clone()),
                Err(p) => {
                    if rel.starts_with("content/people") || rel.ends_with("people.yaml") {
                        loaded.people_complete = false;
                    }
                    problems.push(p.clone());
                }
            }
        }
        (loaded, changed)
    }
}

fn read(root: &Path, rel: &Path, kind: Kind, raw_html: bool, stamp: Option<Stamp>) -> Cached {
    match SourceFile::read(root, rel) {
        Ok(file) => Cached {
            stamp,
            parsed: parse(&file, kind, raw_html),
            text: Some(file.text),
        },
        Err(p) => Cached {
            stamp,
            text: None,
            parsed: Err(p),
        },
    }
}
