//! The files `mentorbook init` writes: the default phases and guide (the same files as the bundled
//! example's), and a small program with one sample pair. All are built into the binary.

use std::io;
pub mod new;
pub mod proposals;

use std::path::{Path, PathBuf};

/// The version of mentorbook writing the files: the workflow `init` writes installs exactly it.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The repository mentorbook comes from (`repository` in Cargo.toml): the workflow `init` writes
/// fetches the release's binary, or the source of the release's tag, from there.
pub const REPOSITORY: &str = env!("CARGO_PKG_REPOSITORY");

/// The address of the documentation's folder for this version: `docs/` in [`REPOSITORY`] at the
/// release's tag (`v0.1.0`), so a program written by one version reads that version's docs.
pub fn docs_url() -> String {
    format!("{REPOSITORY}/blob/v{VERSION}/docs")
}

/// What the files `init` writes say in place of `{mentorbook-version}`, `{mentorbook-repository}`
/// and `{mentorbook-docs}`: the values from the package metadata.
fn fill_in(text: &str) -> String {
    text.replace("{mentorbook-version}", VERSION)
        .replace("{mentorbook-repository}", REPOSITORY)
        .replace("{mentorbook-docs}", &docs_url())
}

macro_rules! bundled {
    ($($path:literal),* $(,)?) => {
        &[$(($path, include_str!(concat!("../../", $path)))),*]
    };
}

/// The default guidelines, shared with the bundled example program.
const GUIDELINES: &[(&str, &str)] = bundled!(
    "content/phases/initiation.yaml",
    "content/phases/negotiation.yaml",
    "content/phases/enabling.yaml",
    "content/phases/closure.yaml",
    "content/guide/what-is-mentoring.md",
    "content/guide/four-phases.md",
    "content/guide/roles.md",
    "content/guide/characteristics.md",
    "content/guide/four-components.md",
    "content/guide/boundaries.md",
    "content/guide/smart-goals.md",
    "content/guide/meetings.md",
    "content/guide/evaluating-and-closing.md",
);

/// The starting program: settings, people and one sample pair. Their `{mentorbook-...}` words are
/// [filled in](fill_in) as they are written.
const STARTER: &[(&str, &str)] = &[
    ("book.toml", include_str!("book.toml")),
    (".gitignore", include_str!("gitignore")),
    ("content/program.yaml", include_str!("program.yaml")),
    ("content/people.yaml", include_str!("people.yaml")),
    (
        ".github/workflows/mentorbook.yml",
        include_str!("workflow.yml"),
    ),
];

/// Where `init` writes the sample pair.
const SAMPLE_PAIR: &str = "content/pairs/sam-rivera-jo-chen.yaml";

/// The day the sample pair's story is told as of: seven weeks after its start, its agreement
/// signed, its first goal under way and due in the months ahead. `init` moves every date of the
/// sample by the days from this one to today, so a new program starts with the story at the same
/// point, whatever the day, and `check` finds nothing overdue or out of place.
const SAMPLE_WRITTEN_AS_OF: &str = "2026-03-01";

/// The sample pair, its dates moved to fit `today` (see [`SAMPLE_WRITTEN_AS_OF`]).
pub fn sample_pair(today: crate::model::Date) -> String {
    let text = include_str!("sample-pair.yaml");
    let Ok(anchor) = crate::model::Date::parse(SAMPLE_WRITTEN_AS_OF) else {
        return text.to_owned();
    };
    let days = (today.0 - anchor.0).get_days();
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        let date = text
            .get(i..i + 10)
            .filter(|_| i == 0 || !bytes[i - 1].is_ascii_alphanumeric())
            .filter(|_| bytes.get(i + 10).is_none_or(|b| !b.is_ascii_alphanumeric()))
            .and_then(|s| crate::model::Date::parse(s).ok());
        let moved = date.and_then(|d| d.0.checked_add(jiff::Span::new().days(days)).ok());
        match moved {
            Some(d) => {
                out.push_str(&crate::model::Date(d).to_string());
                i += 10;
            }
            None => {
                let c = text[i..].chars().next().unwrap_or(' ');
                out.push(c);
                i += c.len_utf8();
            }
        }
    }
    out
}

/// What happened to one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Written {
    /// Created.
    Created(PathBuf),
    /// Already there: left as it was.
    Kept(PathBuf),
}

/// Writes a new program into `dir`, creating folders as needed and never overwriting a file:
/// settings, content, the JSON Schemas its YAML files point editors at, and a CI workflow.
pub fn write_program(dir: &Path) -> io::Result<Vec<Written>> {
    let schemas: Vec<(String, String)> = crate::schema::FileKind::ALL
        .iter()
        .map(|k| {
            (
                format!("{}/{}", crate::schema::SCHEMA_DIR, k.file_name()),
                k.schema(),
            )
        })
        .collect();
    let starter: Vec<(&str, String)> = STARTER
        .iter()
        .map(|(rel, text)| (*rel, fill_in(text)))
        .collect();
    let sample = sample_pair(crate::model::Date::today());
    let files = starter
        .iter()
        .map(|(rel, text)| (*rel, text.as_str()))
        .chain(GUIDELINES.iter().map(|(rel, text)| (*rel, *text)))
        .chain([(SAMPLE_PAIR, sample.as_str())])
        .chain(
            schemas
                .iter()
                .map(|(rel, text)| (rel.as_str(), text.as_str())),
        );
    let mut out = Vec::new();
    for (rel, text) in files {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| with_path(e, parent))?;
        }
        let created = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path);
        match created {
            Ok(mut f) => {
                io::Write::write_all(&mut f, text.as_bytes()).map_err(|e| with_path(e, &path))?;
                out.push(Written::Created(PathBuf::from(rel)));
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                out.push(Written::Kept(PathBuf::from(rel)))
            }
            Err(e) => return Err(with_path(e, &path)),
        }
    }
    Ok(out)
}

fn with_path(e: io::Error, path: &Path) -> io::Error {
    io::Error::new(e.kind(), format!("{}: {e}", path.display()))
}
