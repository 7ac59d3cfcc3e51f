//! What the output folder holds, as mentorbook last wrote it: for each file, a hash of its bytes and
//! its length. It lives in the marker file, after the marker's sentence, and depends only on the
//! site's bytes, so two builds of the same program write the same marker.
//!
//! A build compares each file it made with the manifest and writes only the ones whose bytes differ,
//! so a rebuild with no change writes nothing. The marker is written last, so a file that is newer
//! than the marker, or whose length differs from the manifest's, was changed by someone else since:
//! it is written again.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Bound;
use std::path::Path;
use std::time::SystemTime;

/// The line that starts the manifest in the marker file; a marker without it (written by an older
/// mentorbook) has no manifest, and the next build replaces the whole folder.
const HEADER: &str = "mentorbook-manifest v1";

/// One file as it was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    /// [`hash`](crate::hash::hash) of the bytes.
    pub hash: u128,
    /// The length in bytes.
    pub len: u64,
}

impl Entry {
    /// Whether the file at `path` still looks as it did when written: the same length, and not
    /// modified after `written` (the marker's time). A cheap `stat`, not a read.
    pub fn matches_disk(&self, path: &Path, written: SystemTime) -> bool {
        std::fs::symlink_metadata(path).is_ok_and(|m| {
            m.is_file() && m.len() == self.len && m.modified().is_ok_and(|t| t <= written)
        })
    }
}

/// Every file of the output folder, by path relative to it (with `/` between folders). Paths are
/// kept as text: comparing strings is much faster than comparing `Path`s component by component,
/// which matters for a site of tens of thousands of files.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Manifest(pub BTreeMap<String, Entry>);

/// The manifest's key of a path in the site.
pub fn key(path: &Path) -> std::borrow::Cow<'_, str> {
    path.to_string_lossy()
}

impl Manifest {
    /// Reads the manifest from the marker file's text; `None` when it has none or it is damaged,
    /// which makes the next build write every file.
    pub fn parse(text: &str) -> Option<Manifest> {
        let mut lines = text.lines().skip_while(|l| *l != HEADER);
        lines.next()?;
        let mut files = BTreeMap::new();
        for line in lines {
            let mut parts = line.splitn(3, ' ');
            let (Some(hash), Some(len), Some(path)) = (parts.next(), parts.next(), parts.next())
            else {
                return None;
            };
            let entry = Entry {
                hash: u128::from_str_radix(hash, 16).ok()?,
                len: len.parse().ok()?,
            };
            files.insert(path.to_owned(), entry);
        }
        Some(Manifest(files))
    }

    /// The names of the files and folders in the folder `dir` of the site (`""` for its top) that
    /// the files listed are in, or are.
    pub fn entries_in(&self, dir: &str) -> BTreeSet<&str> {
        let prefix = if dir.is_empty() {
            String::new()
        } else {
            format!("{dir}/")
        };
        self.0
            .range::<str, _>((Bound::Included(prefix.as_str()), Bound::Unbounded))
            .take_while(|(path, _)| path.starts_with(&prefix))
            .map(|(path, _)| {
                let below = &path[prefix.len()..];
                below.split_once('/').map_or(below, |(name, _)| name)
            })
            .collect()
    }

    /// The manifest as text for the marker file, after `preamble`.
    ///
    /// Written by hand rather than with `write!`: 70,000 lines through the formatting machinery
    /// took some 15 ms of a one-pair rebuild at 10,000 pairs.
    pub fn to_text(&self, preamble: &str) -> String {
        let mut out = Vec::with_capacity(preamble.len() + 100 * self.0.len());
        out.extend_from_slice(preamble.as_bytes());
        out.extend_from_slice(HEADER.as_bytes());
        out.push(b'\n');
        for (path, e) in &self.0 {
            push_line(&mut out, e, path);
        }
        // Paths are text, and the rest ASCII.
        String::from_utf8(out)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
    }
}

/// What [`Manifest::to_text`] gives after `updates` (paths with their new entries, sorted by path,
/// no two alike), made from `text`, what it gave before them: the lines of those paths replaced, or
/// inserted where they belong. `None` when `text` has no manifest.
///
/// A rebuild of a few pages of a large site costs a copy of the text this way, rather than a walk
/// over every entry of the manifest (scattered in memory: about 10 ms at 70,000 files).
pub fn splice(text: &str, updates: &[(String, Entry)]) -> Option<String> {
    let header = format!("{HEADER}\n");
    let body_start = text.find(&header)? + header.len();
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() + 100 * updates.len());
    let mut from = body_start;
    out.extend_from_slice(&bytes[..body_start]);
    for (path, entry) in updates {
        let at = find_line(&bytes[from..], path.as_bytes());
        let (start, end) = match at {
            Ok(line) => (from + line.start, from + line.end),
            Err(i) => (from + i, from + i),
        };
        out.extend_from_slice(&bytes[from..start]);
        push_line(&mut out, entry, path);
        from = end;
    }
    out.extend_from_slice(&bytes[from..]);
    String::from_utf8(out).ok()
}

/// Where the line of `path` is in `body` (whole manifest lines, sorted by path): its byte range, or
/// where it would go.
fn find_line(body: &[u8], path: &[u8]) -> Result<std::ops::Range<usize>, usize> {
    // Both ends are always at the start of a line.
    let (mut lo, mut hi) = (0, body.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let start = body[lo..mid]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(lo, |i| lo + i + 1);
        let end = body[start..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(body.len(), |i| start + i + 1);
        let line = &body[start..end];
        // The path is after the hash and the length.
        let line_path = line
            .splitn(3, |&b| b == b' ')
            .nth(2)
            .map_or(&[][..], |p| p.strip_suffix(b"\n").unwrap_or(p));
        match line_path.cmp(path) {
            std::cmp::Ordering::Equal => return Ok(start..end),
            std::cmp::Ordering::Less => lo = end,
            std::cmp::Ordering::Greater => hi = start,
        }
    }
    Err(lo)
}

/// Appends the manifest line of `path`: the hash in 32 lower-case hex digits, the length, the path.
fn push_line(out: &mut Vec<u8>, e: &Entry, path: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    // 32 digits, a space, at most 20 digits, a space.
    let mut head = [b' '; 54];
    for (i, byte) in e.hash.to_be_bytes().into_iter().enumerate() {
        head[2 * i] = HEX[usize::from(byte >> 4)];
        head[2 * i + 1] = HEX[usize::from(byte & 0xf)];
    }
    let mut buffer = itoa::Buffer::new();
    let digits = buffer.format(e.len).as_bytes();
    let len = digits.len();
    head[33..33 + len].copy_from_slice(digits);
    out.extend_from_slice(&head[..34 + len]);
    out.extend_from_slice(path.as_bytes());
    out.push(b'\n');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hash::hash;

    #[test]
    fn round_trips_and_refuses_damage() {
        let mut m = Manifest::default();
        m.0.insert(
            "pairs/a b/index.html".to_owned(),
            Entry {
                hash: hash(b"x"),
                len: 1,
            },
        );
        m.0.insert(
            "z".to_owned(),
            Entry {
                hash: u128::MAX - 5,
                len: 1234567,
            },
        );
        let text = m.to_text("marker\n");
        // The same text as the formatting machinery writes.
        let expected: String =
            m.0.iter()
                .map(|(p, e)| format!("{:032x} {} {p}\n", e.hash, e.len))
                .collect();
        assert_eq!(text, format!("marker\n{HEADER}\n{expected}"));
        assert_eq!(Manifest::parse(&text), Some(m.clone()));

        // Spliced: replaced, inserted first, in the middle and last, the same as written whole.
        let entry = |n: u64| Entry {
            hash: hash(&n.to_le_bytes()),
            len: n,
        };
        let updates: Vec<(String, Entry)> = ["0", "pairs/a b/index.html", "pairs/b", "z", "zz"]
            .iter()
            .zip(1..)
            .map(|(p, n)| (p.to_string(), entry(n)))
            .collect();
        let spliced = splice(&text, &updates).unwrap();
        for (p, e) in &updates {
            m.0.insert(p.clone(), *e);
        }
        assert_eq!(spliced, m.to_text("marker\n"));
        assert_eq!(splice(&text, &[]).as_deref(), Some(text.as_str()));
        assert_eq!(splice("marker\n", &updates), None);
        assert_eq!(Manifest::parse("marker\n"), None);
        assert_eq!(Manifest::parse(&format!("{HEADER}\nzz 1 a\n")), None);
        assert_eq!(
            Manifest::parse(&format!("{HEADER}\n")),
            Some(Manifest::default())
        );
    }
}
