//! The texts copied from the bundled program: the four phase files and the guide chapters. They are
//! copied as they are into every generated program; the parsed form feeds the checklist progress
//! (item ids) and the equivalent Hugo site (the same texts as Markdown pages).

use std::io;
use std::path::{Path, PathBuf};

use serde::Deserialize;

/// The phases, in order: the file names under `content/phases/`.
pub const PHASE_IDS: [&str; 4] = ["initiation", "negotiation", "enabling", "closure"];

/// A phase file, as much of it as the generator needs (unknown keys are ignored here: mentorbook
/// itself checks these files).
#[derive(Debug, Clone, Deserialize)]
pub struct PhaseFile {
    pub title: String,
    pub summary: String,
    #[serde(default)]
    pub guidance: Option<String>,
    #[serde(default)]
    pub checklist: Vec<Item>,
    #[serde(default)]
    pub sources: Vec<String>,
}

/// A checklist item.
#[derive(Debug, Clone, Deserialize)]
pub struct Item {
    pub id: String,
    pub text: String,
    #[serde(default)]
    pub owner: Option<String>,
    #[serde(default)]
    pub guidance: Option<String>,
    #[serde(default)]
    pub questions: Vec<String>,
}

/// A chapter's front matter.
#[derive(Debug, Clone, Deserialize)]
pub struct FrontMatter {
    pub title: String,
    #[serde(default)]
    pub order: Option<i64>,
    #[serde(default)]
    pub sources: Vec<String>,
}

/// One phase: its id, file text and parsed form.
#[derive(Debug, Clone)]
pub struct Phase {
    pub id: &'static str,
    pub text: String,
    pub file: PhaseFile,
}

/// One guide chapter: its id (file stem), file text, front matter and body.
#[derive(Debug, Clone)]
pub struct Chapter {
    pub id: String,
    pub text: String,
    pub front: FrontMatter,
    pub body: String,
}

/// Everything copied from the bundled program.
#[derive(Debug, Clone)]
pub struct Sources {
    pub phases: Vec<Phase>,
    /// In reading order (by `order`, then title, then id), as mentorbook lists them.
    pub chapters: Vec<Chapter>,
    /// The default theme's CSS, copied into the Hugo site so both outputs carry it.
    pub style_css: Vec<u8>,
}

fn invalid(path: &Path, why: impl std::fmt::Display) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidData,
        format!("{}: {why}", path.display()),
    )
}

impl Sources {
    /// Reads the phases and guide of the program folder `root` (the repository root holds the
    /// bundled one) and the default theme's CSS from `root/themes/default/static/style.css` if any.
    pub fn read(root: &Path) -> io::Result<Sources> {
        let mut phases = Vec::new();
        for id in PHASE_IDS {
            let path = root.join("content/phases").join(format!("{id}.yaml"));
            let text = std::fs::read_to_string(&path).map_err(|e| invalid(&path, e))?;
            let file: PhaseFile = serde_saphyr::from_str(&text).map_err(|e| invalid(&path, e))?;
            phases.push(Phase { id, text, file });
        }
        let guide = root.join("content/guide");
        let mut paths: Vec<PathBuf> = std::fs::read_dir(&guide)
            .map_err(|e| invalid(&guide, e))?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "md"))
            .collect();
        paths.sort();
        let mut chapters = Vec::new();
        for path in paths {
            let text = std::fs::read_to_string(&path).map_err(|e| invalid(&path, e))?;
            let (front, body) = split_front_matter(&text)
                .ok_or_else(|| invalid(&path, "no front matter between `---` lines"))?;
            let front: FrontMatter =
                serde_saphyr::from_str(front).map_err(|e| invalid(&path, e))?;
            let id = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            chapters.push(Chapter {
                id,
                body: body.to_owned(),
                text,
                front,
            });
        }
        chapters.sort_by(|a, b| {
            (a.front.order.unwrap_or(i64::MAX), &a.front.title, &a.id).cmp(&(
                b.front.order.unwrap_or(i64::MAX),
                &b.front.title,
                &b.id,
            ))
        });
        let css = root.join("themes/default/static/style.css");
        let style_css = std::fs::read(css).unwrap_or_default();
        Ok(Sources {
            phases,
            chapters,
            style_css,
        })
    }
}

/// Splits `---\nfront\n---\nbody` into the front matter and the body.
fn split_front_matter(text: &str) -> Option<(&str, &str)> {
    let rest = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))?;
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "---" {
            return Some((&rest[..offset], &rest[offset + line.len()..]));
        }
        offset += line.len();
    }
    None
}
