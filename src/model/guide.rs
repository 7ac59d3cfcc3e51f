//! Handbook chapters: `content/guide/<chapter>.md`.

use serde::{Deserialize, Serialize};

use super::ChapterId;
use crate::markdown::Heading;

/// The YAML front matter of a chapter.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    /// The chapter's title.
    pub title: String,
    /// Position in the guide; chapters without one come last.
    #[serde(default)]
    pub order: Option<i64>,
    /// Where the chapter's content comes from.
    #[serde(default)]
    pub sources: Vec<String>,
}

/// A loaded chapter.
#[derive(Debug, Clone)]
pub struct Chapter {
    /// The file name without `.md`.
    pub id: ChapterId,
    /// The file, relative to the program folder (`content/guide/welcome.md`).
    pub source: std::path::PathBuf,
    /// Title, order and sources.
    pub front: FrontMatter,
    /// The body as written (Markdown), for documents that render it again (the print handbook).
    pub body: String,
    /// The body as sanitised HTML, headings anchored, links to other chapters rewritten.
    pub html: String,
    /// The body's headings, for a table of contents.
    pub headings: Vec<Heading>,
    /// Links to other chapters (`other.md`), by the chapter id they name, where they are written.
    pub links: Vec<super::Located<String>>,
}

impl Chapter {
    /// The chapter a Markdown link points to (`other.md#part` gives `other` and `part`), when it is a
    /// link to a sibling chapter.
    pub fn link_target(url: &str) -> Option<(&str, Option<&str>)> {
        let url = url.strip_prefix("./").unwrap_or(url);
        let (path, fragment) = url
            .split_once('#')
            .map_or((url, None), |(p, f)| (p, Some(f)));
        let stem = path.strip_suffix(".md")?;
        ChapterId::new(stem).ok()?;
        Some((stem, fragment))
    }
}
