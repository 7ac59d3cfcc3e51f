//! The parts of the search index that a build keeps in the cache folder, so that the next build,
//! after an edit to a few pairs' files and nothing else, makes again only the parts that hold
//! those pairs and takes the others as they were.
//!
//! Making the parts is most of the index's time (at 10,000 pairs, 1.8 s of the 2 s it takes):
//! each pair's Markdown read as text, cut into words and stemmed. Joining the parts and writing the
//! pieces is the rest. The file (`<record>.search`, beside the record of the output folder in
//! [`crate::output::inputs`]) holds, after a header, each part of pairs as [`Part`] holds it
//! (pages, sections and postings), with the first page it starts at and a hash of its pairs' ids,
//! then a hash of everything before it. A part is taken only when:
//!
//! - the file is whole (its hash) and was written by the build whose record the current build
//!   starts from ([`Keep::from`]): the same program but for the pair files edited since, and the
//!   same executable, edition, date and words;
//! - it holds the same pairs, starting at the same page, and none of them was edited.
//!
//! Any other part is made again; a file that is missing or damaged means every part is. Only the
//! public edition keeps its parts: the cache folder never holds what only private editions show.

use std::collections::BTreeSet;
use std::io::Write as _;
use std::ops::Range;
use std::path::{Path, PathBuf};

use crate::codec::{Input, Stored, put_len};
use crate::model::{Pair, PairId};

use super::pieces::Postings;
use super::{Kind, Language, Map, Part};

/// The first bytes of the file: what it is and the version of its format.
const MAGIC: &[u8; 28] = b"mentorbook-search-parts v1\n\0";

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

/// The parts a file held, still encoded.
pub(super) struct Found {
    bytes: Vec<u8>,
    /// Each part: its first page, the hash of its pairs' ids, and its bytes.
    parts: Vec<(usize, u128, Range<usize>)>,
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
    /// (no file, another build's, or damaged).
    pub(super) fn read(keep: &Keep) -> Option<Found> {
        let (from, _) = keep.from.as_ref()?;
        let bytes = std::fs::read(&keep.path).ok()?;
        let body = bytes.len().checked_sub(16)?;
        let (head, hash) = bytes.split_at(body);
        if crate::hash::hash(head) != u128::from_le_bytes(hash.try_into().ok()?) {
            return None;
        }
        let mut input = Input::new(head);
        if input.bytes(MAGIC.len())? != MAGIC || u128::take(&mut input)? != *from {
            return None;
        }
        let count = input.take_len()?;
        let mut parts = Vec::with_capacity(count);
        for _ in 0..count {
            let first = usize::take(&mut input)?;
            let ids = u128::take(&mut input)?;
            let len = input.take_len()?;
            let start = head.len() - input.left();
            input.bytes(len)?;
            parts.push((first, ids, start..start + len));
        }
        (input.left() == 0).then_some(Found { bytes, parts })
    }

    /// Part `n` as kept, when it starts at page `first` and holds the pairs `pairs`, none of them
    /// edited since (`edited`); `None` otherwise, or when its bytes do not decode.
    pub(super) fn part<'r>(
        &self,
        n: usize,
        first: usize,
        pairs: &[&Pair],
        edited: &BTreeSet<PairId>,
        rules: &'r Language,
    ) -> Option<Part<'r>> {
        let (at, ids, range) = self.parts.get(n)?;
        if *at != first || pairs.iter().any(|p| edited.contains(&p.id)) || *ids != ids_hash(pairs) {
            return None;
        }
        let mut input = Input::new(&self.bytes[range.clone()]);
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
    hasher: xxhash_rust::xxh3::Xxh3,
    /// The count of parts is written in front: parts are counted first (see [`Keeper::open`]).
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
            hasher: xxhash_rust::xxh3::Xxh3::new(),
            left: parts,
            buffer: Vec::new(),
        };
        let mut head = MAGIC.to_vec();
        keep.key.put(&mut head);
        put_len(parts, &mut head);
        keeper.write(&head).then_some(keeper)
    }

    fn write(&mut self, bytes: &[u8]) -> bool {
        self.hasher.update(bytes);
        self.out.write_all(bytes).is_ok()
    }

    /// Adds the next part, which holds `pairs`; `false` when the file could not take it.
    pub(super) fn add(&mut self, part: &Part<'_>, pairs: &[&Pair]) -> bool {
        let Some(left) = self.left.checked_sub(1) else {
            return false;
        };
        self.left = left;
        let mut buffer = std::mem::take(&mut self.buffer);
        buffer.clear();
        part.first_page.put(&mut buffer);
        ids_hash(pairs).put(&mut buffer);
        let at = buffer.len();
        put_part(part, &mut buffer);
        let mut len = Vec::new();
        put_len(buffer.len() - at, &mut len);
        buffer.splice(at..at, len);
        let ok = self.write(&buffer);
        self.buffer = buffer;
        ok
    }

    /// Puts the file in place, when every part was added.
    pub(super) fn finish(mut self) {
        let hash = self.hasher.digest128().to_le_bytes();
        let whole = self.left == 0
            && self.out.write_all(&hash).is_ok()
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
