//! `mentorbook schema`: writes the JSON Schema of each kind of file.

use std::path::Path;

use super::Exit;
use crate::schema::{FileKind, SCHEMA_DIR};

/// Writes the schemas into `out` (default: `DIR/schemas`).
pub fn schema(dir: &Path, out: Option<&Path>) -> Exit {
    let out = out.map_or_else(|| dir.join(SCHEMA_DIR), Path::to_path_buf);
    if let Err(e) = std::fs::create_dir_all(&out) {
        eprintln!("error: cannot create {}: {e}", out.display());
        return Exit::Failure;
    }
    for kind in FileKind::ALL {
        let path = out.join(kind.file_name());
        if let Err(e) = std::fs::write(&path, kind.schema()) {
            eprintln!("error: cannot write {}: {e}", path.display());
            return Exit::Failure;
        }
    }
    eprintln!(
        "wrote {} schemas into {}",
        FileKind::ALL.len(),
        out.display()
    );
    eprintln!(
        "editors that read `# yaml-language-server: $schema=...` lines use them; `init` and `new` write those lines"
    );
    Exit::Ok
}
