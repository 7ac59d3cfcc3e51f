//! Writing an import's files: every check first, so that a refusal writes nothing; new files
//! created only where nothing is; edited files replaced whole, only if still as they were read.

use std::path::{Path, PathBuf};

use super::Plan;

/// Why writing stopped.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// A file appeared where a new one was to go.
    #[error("{0} already exists; mentorbook never overwrites a file")]
    Exists(PathBuf),
    /// A file changed between the check and the write.
    #[error("{0} changed while importing; nothing more was written: run the import again")]
    Changed(PathBuf),
    /// Writing failed.
    #[error("cannot write {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
}

/// Writes the plan's files into the program at `root`: new files created (never over an existing
/// one), edited files replaced whole by a rename, each only if it still holds what was read.
/// Returns the files written, in order.
pub fn write(root: &Path, plan: &Plan) -> Result<Vec<PathBuf>, WriteError> {
    // Every check first, so that a refusal writes nothing.
    for c in &plan.changes {
        let path = root.join(&c.rel);
        match &c.before {
            None if path.exists() => return Err(WriteError::Exists(c.rel.clone())),
            Some(before) if std::fs::read_to_string(&path).ok().as_deref() != Some(&**before) => {
                return Err(WriteError::Changed(c.rel.clone()));
            }
            _ => {}
        }
    }
    let mut written = Vec::new();
    for c in &plan.changes {
        let path = root.join(&c.rel);
        let io = |source| WriteError::Io {
            path: c.rel.clone(),
            source,
        };
        match &c.before {
            None => match crate::scaffold::new::write_new(root, &c.rel, &c.after) {
                Ok(()) => {}
                Err(crate::scaffold::new::Error::Exists(p)) => return Err(WriteError::Exists(p)),
                Err(crate::scaffold::new::Error::Io { source, .. }) => return Err(io(source)),
                Err(e) => return Err(io(std::io::Error::other(e.to_string()))),
            },
            Some(_) => {
                let tmp = path.with_extension("yaml.import-tmp");
                std::fs::write(&tmp, &c.after).map_err(io)?;
                if let Err(e) = std::fs::rename(&tmp, &path) {
                    let _ = std::fs::remove_file(&tmp);
                    return Err(io(e));
                }
            }
        }
        written.push(c.rel.clone());
    }
    Ok(written)
}

/// The lines that differ between `before` and `after`, as `-` and `+` lines with the line numbers
/// of `before`: what `--dry-run` shows of an edited file.
pub fn diff(before: &str, after: &str) -> String {
    let a: Vec<&str> = before.lines().collect();
    let b: Vec<&str> = after.lines().collect();
    let head = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let tail = a[head..]
        .iter()
        .rev()
        .zip(b[head..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let mut out = format!("@@ line {} @@\n", head + 1);
    for l in &a[head..a.len() - tail] {
        out.push_str(&format!("-{l}\n"));
    }
    for l in &b[head..b.len() - tail] {
        out.push_str(&format!("+{l}\n"));
    }
    out
}
