//! Writing the coordinators' spreadsheets outside a build (`mentorbook export`): into a folder of
//! their own, never into a site that could be published, and never over a file that `export` did
//! not write.
//!
//! The folder is not an output folder: it may hold other files, which are left alone. What
//! `export` wrote there is listed in its marker, [`EXPORT_MARKER`], each file with a hash of its
//! bytes; a file of the same name that the marker does not list, or whose bytes changed since (a
//! spreadsheet saved over it, notes added), is not replaced: the export is refused before anything
//! is written, naming each such file.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::{Error, MARKER, absolute, edition, io_err};

/// The file beside the spreadsheets that lists what `mentorbook export` wrote.
pub const EXPORT_MARKER: &str = ".mentorbook-export";

const EXPORT_MARKER_TEXT: &str = "# mentorbook export wrote these files (a hash of each, then its name) and replaces them only while they are as it wrote them.\n";

/// What an export wrote.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct ExportWritten {
    /// Files written.
    pub written: usize,
    /// Files that already held the same bytes.
    pub unchanged: usize,
}

/// Writes `files` (name and bytes) into `dest`, made if missing: see the module's documentation.
/// `root` is the program folder and `public_dir` the public site's configured folder.
pub fn write_exports(
    root: &Path,
    public_dir: &Path,
    dest: &Path,
    files: &[(&str, Vec<u8>)],
) -> Result<ExportWritten, Error> {
    let abs = absolute(dest).map_err(io_err("resolve", dest))?;
    refuse_site(root, public_dir, dest, &abs)?;
    let marker = abs.join(EXPORT_MARKER);
    let wrote = read_marker(&marker)?;
    let mut foreign = Vec::new();
    for (name, _) in files {
        let path = abs.join(name);
        if !path.exists() && !path.is_symlink() {
            continue;
        }
        let why = if !path.is_file() || path.is_symlink() {
            "it is not a plain file"
        } else {
            let bytes = std::fs::read(&path).map_err(io_err("read", &path))?;
            match wrote.get(*name) {
                None => "mentorbook export did not write it",
                Some(&hash) if hash != crate::hash::hash(&bytes) => {
                    "it changed since mentorbook export wrote it"
                }
                Some(_) => continue,
            }
        };
        foreign.push(format!("{name} ({why})"));
    }
    if !foreign.is_empty() {
        return Err(Error::ForeignFiles {
            path: dest.to_path_buf(),
            files: foreign.join(", "),
        });
    }
    std::fs::create_dir_all(&abs).map_err(io_err("create", dest))?;
    let mut done = ExportWritten::default();
    let mut listed = String::from(EXPORT_MARKER_TEXT);
    for (name, bytes) in files {
        let path = abs.join(name);
        listed.push_str(&format!("{:032x} {name}\n", crate::hash::hash(bytes)));
        if std::fs::read(&path).is_ok_and(|old| old == *bytes) {
            done.unchanged += 1;
            continue;
        }
        replace(&path, bytes)?;
        done.written += 1;
    }
    // Last: a file written before a failure is not listed, so the next export says so rather
    // than replace it unasked.
    replace(&marker, listed.as_bytes())?;
    Ok(done)
}

/// Refuses `abs` (`dest`, resolved) when it is the program folder, holds a program or is in its
/// `content/` or `themes/` (whose static files go into the public site), is in the public site's
/// folder, or is in the output folder of any build (which the build replaces; the
/// public site's is known by its marker wherever it is).
fn refuse_site(root: &Path, public_dir: &Path, dest: &Path, abs: &Path) -> Result<(), Error> {
    let refuse = |why: String| Error::ExportRefused {
        path: dest.to_path_buf(),
        why,
    };
    let root = absolute(root).map_err(io_err("resolve", root))?;
    if abs == root {
        return Err(refuse("it is the program folder".to_owned()));
    }
    if abs.join("content").is_dir() || abs.join(crate::config::CONFIG_FILE).is_file() {
        return Err(refuse(
            "it holds a program (content/ or book.toml)".to_owned(),
        ));
    }
    // A theme's static files are copied into the public site; content/ is read as the program.
    for inner in ["content", "themes"] {
        if abs.starts_with(root.join(inner)) {
            return Err(refuse(format!(
                "it is in the program's {inner}/ folder, which builds read"
            )));
        }
    }
    let public = absolute(public_dir).map_err(io_err("resolve", public_dir))?;
    if abs.starts_with(&public) {
        return Err(refuse(format!(
            "it is in the public site's folder, {}",
            public_dir.display()
        )));
    }
    for outer in abs.ancestors() {
        match edition::edition_of(outer) {
            None => {}
            Some(Some(e)) if e == "public" => {
                return Err(refuse(format!(
                    "it is in the public site's folder, {}",
                    outer.display()
                )));
            }
            Some(_) => {
                return Err(refuse(format!(
                    "it is in {}, the output folder of a build, which that build replaces (the \
                     coordinators' edition has these files in its exports/ folder)",
                    outer.display()
                )));
            }
        }
    }
    // An output folder's marker that cannot be read as one (a folder of that name) still marks it.
    if abs.ancestors().any(|a| a.join(MARKER).exists()) {
        return Err(refuse("it is in the output folder of a build".to_owned()));
    }
    Ok(())
}

/// The files the marker lists, by name, with their hashes; none when there is no marker.
fn read_marker(marker: &Path) -> Result<BTreeMap<String, u128>, Error> {
    if !marker.is_file() {
        return Ok(BTreeMap::new());
    }
    let text = std::fs::read_to_string(marker).map_err(io_err("read", marker))?;
    Ok(text
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let (hash, name) = l.split_once(' ')?;
            Some((name.to_owned(), u128::from_str_radix(hash, 16).ok()?))
        })
        .collect())
}

/// Writes `bytes` to `path` through a temporary file beside it, so that a reader never sees half
/// a file.
fn replace(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let tmp: PathBuf = super::sibling(path, "tmp");
    std::fs::write(&tmp, bytes).map_err(io_err("write", &tmp))?;
    std::fs::rename(&tmp, path).map_err(io_err("write", path))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn files() -> Vec<(&'static str, Vec<u8>)> {
        vec![("a.csv", b"one".to_vec()), ("b.csv", b"two".to_vec())]
    }

    #[test]
    fn an_export_replaces_its_own_files_and_no_other() {
        let dir = tempfile::tempdir().unwrap();
        let (root, public) = (dir.path().join("program"), dir.path().join("program/book"));
        fs::create_dir_all(root.join("content")).unwrap();
        let out = dir.path().join("out");
        let first = write_exports(&root, &public, &out, &files()).unwrap();
        assert_eq!(first.written, 2);
        let again = write_exports(&root, &public, &out, &files()).unwrap();
        assert_eq!(again.unchanged, 2);
        let changed = vec![("a.csv", b"uno".to_vec()), ("b.csv", b"two".to_vec())];
        assert_eq!(
            write_exports(&root, &public, &out, &changed).unwrap(),
            ExportWritten {
                written: 1,
                unchanged: 1
            }
        );
        fs::write(out.join("b.csv"), "mine").unwrap();
        let e = write_exports(&root, &public, &out, &files()).unwrap_err();
        assert!(e.to_string().contains("b.csv (it changed since"), "{e}");
        assert_eq!(fs::read_to_string(out.join("a.csv")).unwrap(), "uno");

        let other = dir.path().join("other");
        fs::create_dir_all(&other).unwrap();
        fs::write(other.join("a.csv"), "theirs").unwrap();
        let e = write_exports(&root, &public, &other, &files()).unwrap_err();
        assert!(
            e.to_string()
                .contains("a.csv (mentorbook export did not write it)")
        );
        assert!(
            !other.join("b.csv").exists(),
            "nothing is written when one file is refused"
        );
    }

    #[test]
    fn an_export_stays_out_of_the_program_and_the_sites() {
        let dir = tempfile::tempdir().unwrap();
        let (root, public) = (dir.path().join("program"), dir.path().join("program/book"));
        fs::create_dir_all(root.join("content")).unwrap();
        let site = dir.path().join("site");
        fs::create_dir_all(&site).unwrap();
        fs::write(
            site.join(MARKER),
            format!("{}edition: public\n", super::super::MARKER_TEXT),
        )
        .unwrap();
        for dest in [
            root.clone(),
            root.join("content/exports"),
            root.join("themes/mine/static"),
            public.clone(),
            public.join("exports"),
            site.clone(),
            site.join("x"),
        ] {
            assert!(
                write_exports(&root, &public, &dest, &files()).is_err(),
                "{}",
                dest.display()
            );
        }
        assert!(!public.exists() && !site.join("x").exists());
    }
}
