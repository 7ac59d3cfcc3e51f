//! The files `mentorbook init` writes: the default phases and guide (the same files as the bundled
//! example's, or their Spanish versions in `es/`), and a small program with one sample pair. All
//! are built into the binary.

use std::io;
pub mod language;
pub mod new;
pub mod proposals;

pub use language::{Guidelines, Language};

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

/// The Spanish guidelines (`es/phases/`, `es/guide/`): the phases keep their English file names
/// and item ids, which are part of the format; the chapters have Spanish names.
macro_rules! spanish {
    ($($path:literal),* $(,)?) => {
        &[$((concat!("content/", $path), include_str!(concat!("es/", $path)))),*]
    };
}

/// The default guidelines in Spanish, written for `init --language es`.
const GUIDELINES_ES: &[(&str, &str)] = spanish!(
    "phases/initiation.yaml",
    "phases/negotiation.yaml",
    "phases/enabling.yaml",
    "phases/closure.yaml",
    "guide/que-es-la-mentoria.md",
    "guide/las-cuatro-fases.md",
    "guide/funciones.md",
    "guide/cualidades.md",
    "guide/cuatro-componentes.md",
    "guide/limites.md",
    "guide/objetivos-smart.md",
    "guide/reuniones.md",
    "guide/evaluacion-y-cierre.md",
);

/// A starting program in one language: settings, program, people and the sample pair.
struct Starter {
    book: &'static str,
    program: &'static str,
    people: &'static str,
    sample_pair: &'static str,
    /// Where the sample pair goes: its file name is the pair's id, from its people's ids.
    sample_path: &'static str,
    guidelines: &'static [(&'static str, &'static str)],
}

/// The English starter.
const STARTER_EN: Starter = Starter {
    book: include_str!("book.toml"),
    program: include_str!("program.yaml"),
    people: include_str!("people.yaml"),
    sample_pair: include_str!("sample-pair.yaml"),
    sample_path: "content/pairs/sam-rivera-jo-chen.yaml",
    guidelines: GUIDELINES,
};

/// The Spanish starter.
const STARTER_ES: Starter = Starter {
    book: include_str!("es/book.toml"),
    program: include_str!("es/program.yaml"),
    people: include_str!("es/people.yaml"),
    sample_pair: include_str!("es/sample-pair.yaml"),
    sample_path: "content/pairs/lucia-romero-mateo-diaz.yaml",
    guidelines: GUIDELINES_ES,
};

/// The files every program gets in English whatever its language: they are for tools, not readers.
const TOOLING: &[(&str, &str)] = &[
    (".gitignore", include_str!("gitignore")),
    (
        ".github/workflows/mentorbook.yml",
        include_str!("workflow.yml"),
    ),
];

/// The day the sample pair's story is told as of: seven weeks after its start, its agreement
/// signed, its first goal under way and due in the months ahead. `init` moves every date of the
/// sample by the days from this one to today, so a new program starts with the story at the same
/// point, whatever the day, and `check` finds nothing overdue or out of place.
const SAMPLE_WRITTEN_AS_OF: &str = "2026-03-01";

/// A sample pair's text with every date in it moved by the days from [`SAMPLE_WRITTEN_AS_OF`] to
/// `today`.
fn move_dates(text: &str, today: crate::model::Date) -> String {
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

/// The files `init` writes for `language`, each as its path in the program and its text: settings
/// and content in the language (see [`Language`]), the JSON Schemas its YAML files point editors
/// at, and a CI workflow. The sample pair's dates are set from `today`.
pub fn program_files(language: &Language, today: crate::model::Date) -> Vec<(String, String)> {
    let (starter, note) = match language.guidelines() {
        Guidelines::English => (&STARTER_EN, None),
        Guidelines::Spanish => (&STARTER_ES, None),
        Guidelines::EnglishWithNote(note) => (&STARTER_EN, Some(note)),
    };
    let book = language::with_language(&fill_in(starter.book), language.tag());
    let readable = [
        ("book.toml", book),
        ("content/program.yaml", fill_in(starter.program)),
        ("content/people.yaml", fill_in(starter.people)),
    ]
    .into_iter()
    .chain(
        starter
            .guidelines
            .iter()
            .map(|(rel, text)| (*rel, (*text).to_owned())),
    )
    .chain([(starter.sample_path, move_dates(starter.sample_pair, today))])
    .map(|(rel, text)| match note {
        Some(note) => (rel, language::with_note(rel, &text, note)),
        None => (rel, text),
    });
    let tooling = TOOLING.iter().map(|(rel, text)| (*rel, fill_in(text)));
    let schemas = crate::schema::FileKind::ALL.iter().map(|k| {
        (
            format!("{}/{}", crate::schema::SCHEMA_DIR, k.file_name()),
            k.schema(),
        )
    });
    readable
        .chain(tooling)
        .map(|(rel, text)| (rel.to_owned(), text))
        .chain(schemas)
        .collect()
}

/// Writes a new program in `language` into `dir` (see [`program_files`]), creating folders as
/// needed and never overwriting a file.
pub fn write_program(dir: &Path, language: &Language) -> io::Result<Vec<Written>> {
    let files = program_files(language, crate::model::Date::today());
    let mut out = Vec::new();
    for (rel, text) in files {
        let path = dir.join(&rel);
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
                out.push(Written::Created(PathBuf::from(&rel)));
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                out.push(Written::Kept(PathBuf::from(&rel)))
            }
            Err(e) => return Err(with_path(e, &path)),
        }
    }
    Ok(out)
}

fn with_path(e: io::Error, path: &Path) -> io::Error {
    io::Error::new(e.kind(), format!("{}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a phase file must keep in every language: its items' ids, owners and ways in, and how
    /// many questions each asks.
    #[derive(Debug, PartialEq, serde::Deserialize)]
    struct Shape {
        checklist: Vec<ItemShape>,
        sources: Vec<String>,
    }

    #[derive(Debug, PartialEq, serde::Deserialize)]
    struct ItemShape {
        id: String,
        owner: String,
        #[serde(default)]
        initiated_by: Vec<String>,
        #[serde(default)]
        questions: Vec<String>,
        #[serde(default)]
        guidance: Option<String>,
    }

    /// The items of a phase file, reduced to what must match: the text differs by language.
    fn shape(text: &str) -> Vec<(String, String, Vec<String>, usize, bool)> {
        let phase: Shape = serde_saphyr::from_str(text).expect("a phase file parses");
        assert!(!phase.sources.is_empty(), "the phase credits its sources");
        phase
            .checklist
            .into_iter()
            .map(|i| {
                let guided = i.guidance.is_some();
                (i.id, i.owner, i.initiated_by, i.questions.len(), guided)
            })
            .collect()
    }

    #[test]
    fn the_spanish_phases_have_the_english_ones_items() {
        let phases = |set: &[(&'static str, &'static str)]| -> Vec<(&'static str, &'static str)> {
            set.iter()
                .filter(|(rel, _)| rel.starts_with("content/phases/"))
                .copied()
                .collect()
        };
        let english = phases(GUIDELINES);
        let spanish = phases(GUIDELINES_ES);
        assert_eq!(
            english.iter().map(|(rel, _)| *rel).collect::<Vec<_>>(),
            spanish.iter().map(|(rel, _)| *rel).collect::<Vec<_>>(),
            "the phase files are named by phase id in every language"
        );
        for ((rel, en), (_, es)) in english.iter().zip(&spanish) {
            assert_eq!(shape(en), shape(es), "{rel}: the Spanish items differ");
        }
    }

    #[test]
    fn the_spanish_sample_is_the_english_one_in_another_language() {
        let today = crate::model::Date::parse("2026-03-01").unwrap();
        let en = program_files(&Language::default(), today);
        let es = program_files(&Language::parse("es").unwrap(), today);
        assert_eq!(en.len(), es.len(), "the same number of files");
        let book = &es.iter().find(|(rel, _)| rel == "book.toml").unwrap().1;
        assert!(book.contains("language = \"es\"\n"), "{book}");
        assert!(!book.contains("{mentorbook-"), "{book}");
    }
}
