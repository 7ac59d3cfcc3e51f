//! The files the editor may write, and writing them without damage.
//!
//! A request never names a file: it names a pair or a person by id, and the program that the last
//! good build loaded says which file that is ([`pair_file`], [`person_place`]). Only a file under
//! `content/` that the program reads can be replaced, and only a new pair or person file created.
//! A replacement is written to a temporary file beside the old one, given the old one's
//! permissions, and renamed over it, so a reader sees the old text or the new, never half; a file
//! reached through a symbolic link (or that is one) is never written.

use std::io::Write as _;
use std::path::{Component, Path, PathBuf};

use crate::book::Book;
use crate::load::CONTENT_DIR;
use crate::yaml_edit::{Document, NodeKind, Step};

/// Why a file cannot be read or written.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    /// The path is not a plain path under `content/`, or passes through a link.
    #[error(
        "{0} is not a file the editor may write (only files under content/, reached without links)"
    )]
    NotAllowed(PathBuf),
    /// The file is not there (any more).
    #[error("{0} is not there any more; was it moved or deleted?")]
    Missing(PathBuf),
    /// Reading or writing failed.
    #[error("cannot write {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
}

/// The version of a file a form was made from: the hash of its bytes, in hex.
pub fn version(text: &str) -> String {
    format!("{:032x}", crate::hash::hash(text.as_bytes()))
}

/// The file of the pair `id`, relative to the program folder, if the program has that pair.
pub fn pair_file(program: &Book, id: &str) -> Option<PathBuf> {
    program
        .pairs
        .iter()
        .chain(&program.proposals)
        .find(|p| p.id.as_str() == id)
        .map(|p| p.source.clone())
}

/// Where the person `id` is written: `content/people/<id>.yaml` (the whole file) or their item of
/// `content/people.yaml`'s list. `None` when the program has no such person.
pub fn person_place(root: &Path, program: &Book, id: &str) -> Option<(PathBuf, Vec<Step>)> {
    let person = program.people.iter().find(|p| p.id.value.as_str() == id)?;
    let own = Path::new(CONTENT_DIR)
        .join("people")
        .join(format!("{}.yaml", person.id.value));
    if root.join(&own).is_file() {
        return Some((own, Vec::new()));
    }
    let list = Path::new(CONTENT_DIR).join("people.yaml");
    let text = std::fs::read_to_string(root.join(&list)).ok()?;
    let doc = Document::parse(&text).ok()?;
    let NodeKind::Seq { items, .. } = &doc.get(&[Step::from("people")])?.kind else {
        return None;
    };
    let index = items.iter().position(|item| match &item.kind {
        NodeKind::Map { entries, .. } => entries
            .iter()
            .any(|(k, v)| k.as_str() == Some("id") && v.as_str() == Some(id)),
        _ => false,
    })?;
    Some((list, vec![Step::from("people"), Step::Index(index)]))
}

/// `rel` checked: relative, plain names only, under `content/`, a `.yaml` file, and no link on the
/// way to it inside the program folder. Returns the full path.
pub fn allowed(root: &Path, rel: &Path) -> Result<PathBuf, FileError> {
    let refuse = || FileError::NotAllowed(rel.to_path_buf());
    let plain = rel.components().all(|c| matches!(c, Component::Normal(_)));
    let yaml = rel.extension().is_some_and(|e| e == "yaml");
    if !plain || !yaml || !rel.starts_with(CONTENT_DIR) {
        return Err(refuse());
    }
    let mut at = root.to_path_buf();
    for c in rel.components() {
        at.push(c);
        match std::fs::symlink_metadata(&at) {
            Ok(m) if m.file_type().is_symlink() => return Err(refuse()),
            Ok(_) => {}
            // What does not exist yet holds no link.
            Err(_) => break,
        }
    }
    Ok(root.join(rel))
}

/// The text of `rel`, if it may be written.
pub fn read(root: &Path, rel: &Path) -> Result<String, FileError> {
    let path = allowed(root, rel)?;
    match std::fs::read_to_string(&path) {
        Ok(t) => Ok(t),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            Err(FileError::Missing(rel.to_path_buf()))
        }
        Err(source) => Err(FileError::Io {
            path: rel.to_path_buf(),
            source,
        }),
    }
}

/// Replaces the text of `rel` with `text`: a temporary file in the same folder, with the old file's
/// permissions, renamed over it.
pub fn replace(root: &Path, rel: &Path, text: &str) -> Result<(), FileError> {
    let path = allowed(root, rel)?;
    let io = |source| FileError::Io {
        path: rel.to_path_buf(),
        source,
    };
    let meta = match std::fs::symlink_metadata(&path) {
        Ok(m) if m.is_file() => m,
        Ok(_) => return Err(FileError::NotAllowed(rel.to_path_buf())),
        Err(_) => return Err(FileError::Missing(rel.to_path_buf())),
    };
    let dir = path
        .parent()
        .ok_or_else(|| FileError::NotAllowed(rel.to_path_buf()))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.mentorbook-edit-{}", std::process::id()));
    let written = (|| {
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)?;
        f.write_all(text.as_bytes())?;
        f.set_permissions(meta.permissions())?;
        f.sync_all()?;
        std::fs::rename(&tmp, &path)
    })();
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(io(e));
    }
    Ok(())
}

/// Creates `rel` with `text`, never over an existing file.
pub fn create(root: &Path, rel: &Path, text: &str) -> Result<(), FileError> {
    allowed(root, rel)?;
    crate::scaffold::new::write_new(root, rel, text).map_err(|e| match e {
        crate::scaffold::new::Error::Io { source, .. } => FileError::Io {
            path: rel.to_path_buf(),
            source,
        },
        other => FileError::Io {
            path: rel.to_path_buf(),
            source: std::io::Error::other(other.to_string()),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_yaml_paths_under_content_are_allowed() {
        let root = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(root.path().join("content/pairs")).unwrap();
        for bad in [
            "book.toml",
            "content/../book.toml",
            "/etc/passwd",
            "content/pairs/../../x.yaml",
            "content/pairs/a.txt",
            "themes/x.yaml",
        ] {
            assert!(allowed(root.path(), Path::new(bad)).is_err(), "{bad}");
        }
        assert!(allowed(root.path(), Path::new("content/pairs/a.yaml")).is_ok());
    }

    #[cfg(unix)]
    #[test]
    fn links_are_never_written_through() {
        let root = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(root.path().join("content")).unwrap();
        std::fs::write(outside.path().join("a.yaml"), "x: 1\n").unwrap();
        std::os::unix::fs::symlink(outside.path(), root.path().join("content/pairs")).unwrap();
        std::os::unix::fs::symlink(
            outside.path().join("a.yaml"),
            root.path().join("content/people.yaml"),
        )
        .unwrap();
        let pair = Path::new("content/pairs/a.yaml");
        assert!(matches!(
            replace(root.path(), pair, "y: 2\n"),
            Err(FileError::NotAllowed(_))
        ));
        let people = Path::new("content/people.yaml");
        assert!(matches!(
            replace(root.path(), people, "y: 2\n"),
            Err(FileError::NotAllowed(_))
        ));
        assert_eq!(
            std::fs::read_to_string(outside.path().join("a.yaml")).unwrap(),
            "x: 1\n"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_replacement_keeps_the_mode_and_leaves_no_temporary_file() {
        use std::os::unix::fs::PermissionsExt as _;
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("content/pairs");
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("a.yaml");
        std::fs::write(&file, "x: 1\n").unwrap();
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o640)).unwrap();
        replace(root.path(), Path::new("content/pairs/a.yaml"), "x: 2\n").unwrap();
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "x: 2\n");
        let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1);
    }
}
