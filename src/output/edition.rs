//! Keeping editions apart: a private edition is never written into, inside or around the public
//! site's folder, nor the public site into a private edition's folder.
//!
//! Folders are compared as the file system sees them: `..` resolved and links followed in the part
//! that exists ([`super::absolute`]), so `book/../book`, `./content/../book` and a link to `book` are
//! all `book`. Two things tell which folder belongs to which edition:
//!
//! - the configured folders: `[build] dest-dir` (the public site) and `book-private/` (the private
//!   editions), which a build into any folder compares with;
//! - the marker file of every output folder, which names its edition (`edition: public`,
//!   `edition: coordinators`, `edition: pair:<id>`): the public site built with `-d site` is known
//!   as public from its own marker, wherever it is.
//!
//! An output folder is also never inside another one: the outer build would replace or publish it.

use std::io::Read;
use std::path::{Path, PathBuf};

use super::{Error, MARKER, MARKER_TEXT, absolute, io_err};
use crate::model::Audience;

/// Where a build writes, for whom, and the folders of the other editions it must stay apart from.
#[derive(Debug, Clone)]
pub struct Target {
    /// The output folder.
    pub dest: PathBuf,
    /// Who the edition is for.
    pub audience: Audience,
    /// The public site's configured folder (`[build] dest-dir`).
    pub public_dir: PathBuf,
    /// The configured folder of the private editions (`book-private/`).
    pub private_dir: PathBuf,
}

impl Target {
    /// The public site in `dest`, with private editions in `book-private/` beside it: for benches
    /// and tests that write a site without a program's configuration.
    pub fn public(dest: &Path) -> Target {
        Target {
            dest: dest.to_path_buf(),
            audience: Audience::Public,
            public_dir: dest.to_path_buf(),
            private_dir: dest.with_file_name(crate::config::PRIVATE_DIR),
        }
    }

    /// The marker file's text before its manifest: the sentence, and the edition.
    pub(crate) fn marker_preamble(&self) -> String {
        format!("{MARKER_TEXT}{EDITION}{}\n", self.audience)
    }

    /// Refuses to write this edition to `abs` (the output folder, resolved) when that would put it
    /// in, inside or around the folder of another edition, or inside another output folder.
    pub(crate) fn check_apart(&self, abs: &Path) -> Result<(), Error> {
        let refuse = |why: String| Error::Apart {
            path: self.dest.clone(),
            edition: self.audience.to_string(),
            why,
        };
        for outer in abs.ancestors().skip(1) {
            if outer.join(MARKER).is_file() {
                return Err(refuse(format!(
                    "it is inside {}, the output folder of another build, which that build replaces",
                    outer.display()
                )));
            }
        }
        let (other, what) = if self.audience.is_public() {
            (&self.private_dir, "the folder of the private editions")
        } else {
            (&self.public_dir, "the public site's folder")
        };
        let other = absolute(other).map_err(io_err("resolve", other))?;
        if abs == other {
            return Err(refuse(format!("it is {what}")));
        }
        if abs.starts_with(&other) {
            return Err(refuse(format!("it is inside {what}, {}", other.display())));
        }
        if other.starts_with(abs) {
            return Err(refuse(format!("it contains {what}, {}", other.display())));
        }
        let wanted = self.audience.to_string();
        match edition_of(abs) {
            Some(Some(found)) if found != wanted => Err(refuse(format!(
                "it holds the {} edition",
                if found == "public" { "public" } else { &found }
            ))),
            // Written by a mentorbook that did not name the edition: a private edition does not
            // take the chance that it is a public site.
            Some(None) if !self.audience.is_public() => Err(refuse(
                "it was written by an older mentorbook that did not record for whom; remove it with \
                 `mentorbook clean -d` first"
                    .to_owned(),
            )),
            _ => Ok(()),
        }
    }
}

/// The line of the marker that names the edition.
const EDITION: &str = "edition: ";

/// The edition `dir`'s marker names: `None` without a marker, `Some(None)` for a marker that names
/// none (an older mentorbook wrote it). Reads the start of the marker only: the manifest after it
/// can be megabytes.
pub(super) fn edition_of(dir: &Path) -> Option<Option<String>> {
    let marker = dir.join(MARKER);
    // Opening a named pipe would wait for a writer: only a regular file is a marker.
    if !marker.is_file() {
        return None;
    }
    let mut file = std::fs::File::open(marker).ok()?;
    let mut start = vec![0; MARKER_TEXT.len() + 512];
    let mut read = 0;
    while read < start.len() {
        match file.read(&mut start[read..]) {
            Ok(0) | Err(_) => break,
            Ok(n) => read += n,
        }
    }
    let text = String::from_utf8_lossy(&start[..read]);
    Some(
        text.lines()
            .find_map(|l| l.strip_prefix(EDITION))
            .map(str::to_owned),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn target(dir: &Path, dest: &str, audience: Audience) -> Target {
        Target {
            dest: dir.join(dest),
            audience,
            public_dir: dir.join("book"),
            private_dir: dir.join("book-private"),
        }
    }

    fn check(t: &Target) -> Result<(), String> {
        let abs = absolute(&t.dest).unwrap();
        t.check_apart(&abs).map_err(|e| e.to_string())
    }

    #[test]
    fn a_private_edition_stays_out_of_the_public_folder_however_it_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let dir = dir.path();
        fs::create_dir_all(dir.join("book")).unwrap();
        fs::create_dir_all(dir.join("content")).unwrap();
        std::os::unix::fs::symlink(dir.join("book"), dir.join("link")).unwrap();
        for dest in [
            "book",
            "book/",
            "book/../book",
            "./content/../book",
            "link",
            "book/private",
            "link/private/deeper",
            ".",
        ] {
            let t = target(dir, dest, Audience::Coordinators);
            assert!(check(&t).is_err(), "{dest} was accepted");
        }
        assert_eq!(
            check(&target(
                dir,
                "book-private/coordinators",
                Audience::Coordinators
            )),
            Ok(())
        );
    }

    #[test]
    fn the_public_site_stays_out_of_the_private_folders() {
        let dir = tempfile::tempdir().unwrap();
        let dir = dir.path();
        fs::create_dir_all(dir.join("book-private/coordinators")).unwrap();
        for dest in [
            "book-private",
            "book-private/coordinators",
            "book-private/../book-private/x",
        ] {
            assert!(
                check(&target(dir, dest, Audience::Public)).is_err(),
                "{dest}"
            );
        }
        assert_eq!(check(&target(dir, "site", Audience::Public)), Ok(()));
    }

    #[test]
    fn a_marker_tells_an_edition_wherever_its_folder_is() {
        let dir = tempfile::tempdir().unwrap();
        let dir = dir.path();
        let public = target(dir, "site", Audience::Public);
        fs::create_dir_all(dir.join("site")).unwrap();
        fs::write(
            dir.join("site").join(MARKER),
            format!("{}manifest\n", public.marker_preamble()),
        )
        .unwrap();
        assert_eq!(check(&public), Ok(()));
        let private = target(dir, "site", Audience::Coordinators);
        assert!(
            check(&private)
                .unwrap_err()
                .contains("holds the public edition")
        );
        let inside = target(dir, "site/notes", Audience::Coordinators);
        assert!(check(&inside).unwrap_err().contains("inside"));
        let pair = target(
            dir,
            "site",
            Audience::Pair(crate::model::PairId::new("ana-ben").unwrap()),
        );
        assert!(check(&pair).is_err());
        // An older marker, without the edition line.
        fs::write(dir.join("site").join(MARKER), MARKER_TEXT).unwrap();
        assert_eq!(edition_of(&dir.join("site")), Some(None));
        assert!(check(&private).is_err());
        assert_eq!(check(&public), Ok(()));
    }
}
