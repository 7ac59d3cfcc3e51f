//! `pdf/.manifest` and the keys it records: what tells a PDF that is still current from one to make
//! again.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use super::{Error, io_err};
use crate::render::{PrintDoc, Site};

/// The file in `pdf/` that records the key of each PDF.
pub const MANIFEST: &str = ".manifest";
const MANIFEST_HEADER: &str =
    "# mentorbook: the key of the page each PDF file was made from. Do not edit.\nv1\n";

/// Changes whenever a PDF made by this version of mentorbook could differ from one made before for the
/// same page: with the version, and with the browser's command line (`super::browser`).
const KEY_SALT: &str = concat!("mentorbook ", env!("CARGO_PKG_VERSION"), " pdf 1");

/// A 128-bit FNV-1a hash: small, stable across Rust versions and platforms, and plenty to tell
/// whether a page changed (it guards against accidents, not attackers).
#[derive(Clone, Copy)]
struct Fnv(u128);

impl Fnv {
    fn new() -> Self {
        Fnv(0x6c62_272e_07bb_0142_62b8_2175_6295_c58d)
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u128::from(*b);
            self.0 = self
                .0
                .wrapping_mul(0x0000_0000_0100_0000_0000_0000_0000_013b);
        }
    }
    /// Writes the length first, so that two fields can never run into each other.
    fn field(&mut self, bytes: &[u8]) {
        self.write(&(bytes.len() as u64).to_le_bytes());
        self.write(bytes);
    }
}

/// The key of each PDF of `site`, in the order of `site.prints`: the hash of its page and of every
/// static file.
pub(super) fn keys(site: &Site) -> Vec<String> {
    let mut common = Fnv::new();
    common.field(KEY_SALT.as_bytes());
    for a in &site.assets {
        common.field(a.path.to_string_lossy().as_bytes());
        common.field(&a.bytes);
    }
    let pages: std::collections::HashMap<&Path, &str> = site
        .pages
        .iter()
        .map(|p| (p.path.as_path(), p.html.as_str()))
        .collect();
    site.prints
        .iter()
        .map(|doc| {
            let mut h = common;
            let page = pages.get(doc.page.as_path());
            h.field(doc.page.to_string_lossy().as_bytes());
            h.field(page.map_or(&[][..], |html| html.as_bytes()));
            format!("{:032x}", h.0)
        })
        .collect()
}

/// The name of a PDF in `pdf/` (`ana-ben.pdf`).
pub(super) fn file_name(doc: &PrintDoc) -> String {
    doc.pdf
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// `pdf/.manifest`: PDF file name to key.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct Manifest(pub(super) BTreeMap<String, String>);

impl Manifest {
    /// Reads the manifest of the `pdf/` folder `dir`; a missing or unreadable one is empty, so every
    /// PDF is made again.
    pub(super) fn read(dir: &Path) -> Manifest {
        let text = fs::read_to_string(dir.join(MANIFEST)).unwrap_or_default();
        Manifest::parse(&text)
    }

    fn parse(text: &str) -> Manifest {
        let mut lines = text.lines().filter(|l| !l.starts_with('#'));
        if lines.next() != Some("v1") {
            return Manifest::default();
        }
        Manifest(
            lines
                .filter_map(|l| l.split_once(' '))
                .map(|(key, name)| (name.to_owned(), key.to_owned()))
                .collect(),
        )
    }

    fn render(&self) -> String {
        let mut out = MANIFEST_HEADER.to_owned();
        for (name, key) in &self.0 {
            out.push_str(&format!("{key} {name}\n"));
        }
        out
    }

    /// Writes the manifest into the `pdf/` folder `dir`, through a temporary file.
    pub(super) fn write(&self, dir: &Path) -> Result<(), Error> {
        let path = dir.join(MANIFEST);
        let part = dir.join(".manifest.part");
        fs::write(&part, self.render()).map_err(io_err("write", &part))?;
        fs::rename(&part, &path).map_err(io_err("write", &path))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manifests_read_back_what_they_wrote() {
        let mut m = Manifest::default();
        m.0.insert("a.pdf".into(), "00ff".into());
        m.0.insert("handbook.pdf".into(), "abcd".into());
        assert_eq!(Manifest::parse(&m.render()), m);
        // Another version's manifest, or a damaged one, is ignored: everything is made again.
        assert_eq!(Manifest::parse("v0\n00ff a.pdf\n"), Manifest::default());
        assert_eq!(Manifest::parse(""), Manifest::default());
    }

    #[test]
    fn hash_fields_cannot_run_into_each_other() {
        let key = |parts: &[&[u8]]| {
            let mut h = Fnv::new();
            for p in parts {
                h.field(p);
            }
            h.0
        };
        assert_ne!(key(&[b"ab", b"c"]), key(&[b"a", b"bc"]));
        assert_eq!(key(&[b"ab", b"c"]), key(&[b"ab", b"c"]));
    }
}
