//! `pdf/.manifest` and the keys it records: what tells a PDF that is still current from one to make
//! again.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use super::{Error, io_err};
use crate::output::Staged;
use crate::render::{PrintDoc, Site};

/// The file in `pdf/` that records the key of each PDF.
pub const MANIFEST: &str = ".manifest";
const MANIFEST_HEADER: &str =
    "# mentorbook: the key of the page each PDF file was made from. Do not edit.\nv1\n";

/// Changes whenever a PDF made by this version of mentorbook could differ from one made before for the
/// same page: with the version, and with the browser's command line (`super::browser`).
const KEY_SALT: &str = concat!("mentorbook ", env!("CARGO_PKG_VERSION"), " pdf 2");

/// Adds `bytes` to `key` after their length, so that two fields can never run into each other.
fn field(key: &mut Vec<u8>, bytes: &[u8]) {
    key.extend_from_slice(&(bytes.len() as u64).to_le_bytes());
    key.extend_from_slice(bytes);
}

/// The key of each PDF of `site`, in the order of `site.prints`: a hash of its page (the staged
/// site's [manifest entry](Staged::entry), which holds the hash of the page's bytes) and of every
/// static file.
pub(super) fn keys(site: &Site, staged: &Staged) -> Vec<String> {
    let mut common = Vec::new();
    field(&mut common, KEY_SALT.as_bytes());
    for a in &site.assets {
        field(&mut common, a.path.to_string_lossy().as_bytes());
        field(&mut common, &a.bytes);
    }
    let common = crate::hash::hash(&common).to_le_bytes();
    site.prints
        .iter()
        .map(|doc| {
            let mut key = common.to_vec();
            field(&mut key, doc.page.to_string_lossy().as_bytes());
            if let Some(entry) = staged.entry(&doc.page) {
                field(&mut key, &entry.hash.to_le_bytes());
            }
            format!("{:032x}", crate::hash::hash(&key))
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
    fn key_fields_cannot_run_into_each_other() {
        let key = |parts: &[&[u8]]| {
            let mut key = Vec::new();
            for p in parts {
                field(&mut key, p);
            }
            key
        };
        assert_ne!(key(&[b"ab", b"c"]), key(&[b"a", b"bc"]));
        assert_eq!(key(&[b"ab", b"c"]), key(&[b"ab", b"c"]));
    }
}
