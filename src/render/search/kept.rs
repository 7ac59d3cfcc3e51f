//! The parts of the search index that a build keeps in the cache folder, so that the next build,
//! after an edit to a few pairs' files and nothing else, makes again only the parts that hold
//! those pairs and takes the others as they were.
//!
//! Making the parts is most of the index's time (at 10,000 pairs, 1.8 s of the 2 s it takes):
//! each pair's Markdown read as text, cut into words and stemmed. Joining the parts and writing the
//! pieces is the rest. The file (`<record>.search`, beside the record of the output folder in
//! [`crate::output::inputs`]) holds, after a header, each part of pairs as [`Part`] holds it
//! (pages, sections and postings), after the first page it starts at, a hash of its pairs' ids
//! and a hash of all three. A part is read only when it is taken, and taken only when:
//!
//! - the file was written by the build whose record the current build starts from
//!   ([`Keep::from`]): the same program but for the pair files edited since, and the same
//!   executable, edition, date and words; and its parts' heads add up to its size;
//! - the part holds the same pairs, starting at the same page, none of them edited, and its bytes
//!   have the hash kept with them.
//!
//! Any other part is made again; a file that is missing or damaged means every part is. Only the
//! public edition keeps its parts: the cache folder never holds what only private editions show.

use std::collections::BTreeSet;
use std::io::{Read as _, Seek as _, Write as _};
use std::path::{Path, PathBuf};

use crate::codec::{Input, Stored, put_len};
use crate::model::{Pair, PairId};

use super::pieces::Postings;
use super::{Kind, Language, Map, Part};

/// The first bytes of the file: what it is and the version of its format.
const MAGIC: &[u8; 28] = b"mentorbook-search-parts v2\n\0";

/// What a build does with the kept parts of the index.
#[derive(Debug, Clone)]
pub struct Keep {
    /// The file they are kept in.
    pub path: PathBuf,
    /// What this build's parts are valid for: the fingerprint of the build.
    pub key: u128,
    /// The key of the build whose parts this one may take, with the pairs whose files were edited
    /// since; `None` for a build that makes every part.
    pub from: Option<(u128, BTreeSet<PairId>)>,
}

/// How many parts of pairs an index has, and how many of them were taken as the last build kept
/// them rather than made.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Taken {
    /// Parts taken.
    pub parts: usize,
    /// Parts in the index.
    pub of: usize,
}

/// The parts a file held, found but not read: a part's bytes are read when it is taken, so that
/// the index's tens of megabytes are never held at once.
pub(super) struct Found {
    path: PathBuf,
    parts: Vec<Entry>,
}

/// Where a part is in the file, and what it must be to be taken.
struct Entry {
    /// The page it starts at.
    first: usize,
    /// The hash of its pairs' ids.
    ids: u128,
    /// Its bytes in the file.
    at: u64,
    len: usize,
    /// The hash of its first page, ids and bytes.
    hash: u128,
}

/// The hash that vouches for a part's entry.
fn entry_hash(first: usize, ids: u128, bytes: &[u8]) -> u128 {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    hasher.update(&(first as u64).to_le_bytes());
    hasher.update(&ids.to_le_bytes());
    hasher.update(bytes);
    hasher.digest128()
}

/// The hash of the ids of a part's pairs, in order.
pub(super) fn ids_hash(pairs: &[&Pair]) -> u128 {
    let mut ids = String::new();
    for p in pairs {
        ids.push_str(p.id.as_str());
        ids.push('\n');
    }
    crate::hash::hash(ids.as_bytes())
}

impl Found {
    /// The parts kept by the build `keep` may take them from, `None` when there is none to take
    /// (no file, another build's, or not whole). Only the head of each part is read.
    pub(super) fn read(keep: &Keep) -> Option<Found> {
        let (from, _) = keep.from.as_ref()?;
        let file = std::fs::File::open(&keep.path).ok()?;
        let size = file.metadata().ok()?.len();
        let mut file = std::io::BufReader::new(file);
        let mut head = [0u8; MAGIC.len() + 16 + 8];
        file.read_exact(&mut head).ok()?;
        let (magic, rest) = head.split_at(MAGIC.len());
        let (key, count) = rest.split_at(16);
        if magic != MAGIC || u128::from_le_bytes(key.try_into().ok()?) != *from {
            return None;
        }
        let count = u64::from_le_bytes(count.try_into().ok()?);
        let mut at = head.len() as u64;
        let mut parts = Vec::new();
        for _ in 0..count {
            let mut entry = [0u8; 8 + 16 + 8 + 16];
            file.read_exact(&mut entry).ok()?;
            let mut input = Input::new(&entry);
            let first = usize::take(&mut input)?;
            let ids = u128::take(&mut input)?;
            let len = u64::take(&mut input)?;
            let hash = u128::take(&mut input)?;
            at += entry.len() as u64;
            if len > size.saturating_sub(at) {
                return None;
            }
            parts.push(Entry {
                first,
                ids,
                at,
                len: usize::try_from(len).ok()?,
                hash,
            });
            file.seek_relative(i64::try_from(len).ok()?).ok()?;
            at += len;
        }
        (at == size).then(|| Found {
            path: keep.path.clone(),
            parts,
        })
    }

    /// Part `n` as kept, when it starts at page `first` and holds the pairs `pairs`, none of them
    /// edited since (`edited`); `None` otherwise, or when its bytes are not what was kept.
    pub(super) fn part<'r>(
        &self,
        n: usize,
        first: usize,
        pairs: &[&Pair],
        edited: &BTreeSet<PairId>,
        rules: &'r Language,
    ) -> Option<Part<'r>> {
        let entry = self.parts.get(n)?;
        if entry.first != first
            || pairs.iter().any(|p| edited.contains(&p.id))
            || entry.ids != ids_hash(pairs)
        {
            return None;
        }
        let mut file = std::fs::File::open(&self.path).ok()?;
        file.seek(std::io::SeekFrom::Start(entry.at)).ok()?;
        let mut bytes = vec![0; entry.len];
        file.read_exact(&mut bytes).ok()?;
        if entry_hash(first, entry.ids, &bytes) != entry.hash {
            return None;
        }
        let mut input = Input::new(&bytes);
        let part = take_part(&mut input, rules, first)?;
        (input.left() == 0).then_some(part)
    }
}

/// Writes the parts of a build as they are made, to a file beside the kept one that takes its
/// place when every part is in.
pub(super) struct Keeper {
    path: PathBuf,
    temp: PathBuf,
    out: std::io::BufWriter<std::fs::File>,
    /// Parts still to come: their count is written in front.
    left: usize,
    buffer: Vec<u8>,
}

impl Keeper {
    /// Starts the file of `keep` for `parts` parts; `None` when it cannot be written (the next
    /// build then makes every part, which is only slower).
    pub(super) fn open(keep: &Keep, parts: usize) -> Option<Keeper> {
        let dir = keep.path.parent()?;
        std::fs::create_dir_all(dir).ok()?;
        let temp = temp_path(&keep.path);
        // Only the person who builds reads it, as with the record beside it.
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create(true).truncate(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let file = options.open(&temp).ok()?;
        let mut keeper = Keeper {
            path: keep.path.clone(),
            temp,
            out: std::io::BufWriter::with_capacity(1 << 16, file),
            left: parts,
            buffer: Vec::new(),
        };
        let mut head = MAGIC.to_vec();
        keep.key.put(&mut head);
        (parts as u64).put(&mut head);
        keeper.out.write_all(&head).ok()?;
        Some(keeper)
    }

    /// Adds the next part, which holds `pairs`; `false` when the file could not take it.
    pub(super) fn add(&mut self, part: &Part<'_>, pairs: &[&Pair]) -> bool {
        let Some(left) = self.left.checked_sub(1) else {
            return false;
        };
        self.left = left;
        let mut bytes = std::mem::take(&mut self.buffer);
        bytes.clear();
        put_part(part, &mut bytes);
        let ids = ids_hash(pairs);
        let mut head = Vec::with_capacity(48);
        part.first_page.put(&mut head);
        ids.put(&mut head);
        (bytes.len() as u64).put(&mut head);
        entry_hash(part.first_page, ids, &bytes).put(&mut head);
        let ok = self.out.write_all(&head).is_ok() && self.out.write_all(&bytes).is_ok();
        self.buffer = bytes;
        ok
    }

    /// Puts the file in place, when every part was added.
    pub(super) fn finish(mut self) {
        let whole = self.left == 0
            && self.out.flush().is_ok()
            && std::fs::rename(&self.temp, &self.path).is_ok();
        if !whole {
            let _ = std::fs::remove_file(&self.temp);
        }
    }
}

impl Drop for Keeper {
    /// A keeper dropped before [`Keeper::finish`] (a build that stopped) leaves no file behind.
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.temp);
    }
}

/// `path` with `.new` after its name.
fn temp_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".new");
    path.with_file_name(name)
}

fn put_part(part: &Part<'_>, out: &mut Vec<u8>) {
    part.pages.put(out);
    put_len(part.docs.len(), out);
    for (page, doc) in &part.docs {
        page.put(out);
        doc.put(out);
    }
    part.kinds.put(out);
    // In the order of the terms, so the same part has the same bytes.
    let mut terms: Vec<_> = part.terms.iter().collect();
    terms.sort_unstable_by(|a, b| a.0.cmp(b.0));
    put_len(terms.len(), out);
    for (term, postings) in terms {
        term.put(out);
        postings.docs.put(out);
        postings.titles.put(out);
    }
}

fn take_part<'r>(input: &mut Input<'_>, rules: &'r Language, first: usize) -> Option<Part<'r>> {
    let mut part = Part::new(rules, first);
    part.pages = Vec::take(input)?;
    let docs = input.take_len()?;
    part.docs.reserve(docs);
    for _ in 0..docs {
        part.docs.push((usize::take(input)?, String::take(input)?));
    }
    part.kinds = <[u32; 3]>::take(input)?;
    part.kind = Kind::Pair;
    let terms = input.take_len()?;
    let mut map = Map::with_capacity_and_hasher(terms, Default::default());
    for _ in 0..terms {
        let term = String::take(input)?;
        let postings = Postings {
            docs: Vec::take(input)?,
            titles: Vec::take(input)?,
        };
        map.insert(term, postings);
    }
    part.terms = map;
    Some(part)
}
