//! Files to typed values: finds the program's files, reads them in parallel and parses each one.
//!
//! A file that fails is reported and left out; the others still load, so one run shows every problem.
//! Checks that span several files belong to [`crate::validate`].

mod cache;
mod fingerprint;
mod guide;
mod slip;
pub mod yaml;

pub use cache::{Cache, SettingsStamps};
pub use fingerprint::{FileChanges, InputFile, ProgramFiles, Stamp, fingerprint};

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::config::Config;
use crate::diagnostic::{Code, Problem, Problems, Span};
use crate::model::PrivateValues;
use crate::model::person::PeopleFile;
use crate::model::{
    Chapter, ChapterId, PairFile, PairId, Person, PersonId, PhaseFile, PhaseId, ProgramInfo,
};
use yaml::SourceFile;

/// The folder, inside the program folder, that holds the content.
pub const CONTENT_DIR: &str = "content";

/// A pair file as loaded.
#[derive(Debug, Clone)]
pub struct LoadedPair {
    /// The pair's id, from the file name.
    pub id: PairId,
    /// The file, relative to the program folder.
    pub path: PathBuf,
    /// What the file says.
    pub file: Arc<PairFile>,
}

impl Loaded {
    /// Adds what the file at `rel` parsed into; its problem goes to `problems`, and a people
    /// file's makes the people incomplete.
    fn add(&mut self, rel: &Path, parsed: Result<Parsed, Problem>, problems: &mut Problems) {
        match parsed {
            Ok(Parsed::Program(info)) => self.info = Some(info),
            Ok(Parsed::People(list)) => self
                .people
                .extend(list.into_iter().map(|p| (rel.to_path_buf(), p))),
            Ok(Parsed::Pair(id, file)) => self.pairs.push(LoadedPair {
                id,
                path: rel.to_path_buf(),
                file,
            }),
            Ok(Parsed::Phase(id, phase)) => self.phases.push((id, rel.to_path_buf(), phase)),
            Ok(Parsed::Chapter(c)) => self.chapters.push(c),
            Err(p) => {
                if rel.starts_with("content/people") || rel.ends_with("people.yaml") {
                    self.people_complete = false;
                }
                problems.push(p);
            }
        }
    }
}

/// Everything read from a program folder, before cross-file checks.
#[derive(Debug)]
pub struct Loaded {
    /// `book.toml`.
    pub config: Config,
    /// `content/program.yaml`, unless it failed.
    pub info: Option<ProgramInfo>,
    /// People, each with the file they came from.
    pub people: Vec<(PathBuf, Person)>,
    /// Pairs, each with its id and file (shared with the [`Cache`], which keeps it between loads).
    pub pairs: Vec<LoadedPair>,
    /// Phases that loaded, each with its file.
    pub phases: Vec<(PhaseId, PathBuf, PhaseFile)>,
    /// Guide chapters.
    pub chapters: Vec<Chapter>,
    /// Where the program's files are read again, for showing the offending line of later problems.
    pub sources: Sources,
    /// False when a people file failed to load: references to people cannot be checked then.
    pub people_complete: bool,
}

/// The texts of the program's files, for a check after loading (by [`crate::validate`]) that reads
/// a file's lines, and for showing the offending line of a problem it finds. They are read again
/// from disk when asked for, and a problem's file when the problem is shown
/// ([`Problem::read_when_shown`]), rather than kept from the load: a program of 10,000 pairs is
/// 186 MB of text, which would otherwise be held through the check beside the program. (A file
/// saved again in the moment between the load and the report shows its new lines; the next build
/// shows the right ones.)
#[derive(Debug)]
pub struct Sources {
    root: Arc<Path>,
    /// Texts held in place of files' ([`Sources::insert`]): few, and only for `import`.
    overlay: std::sync::Mutex<HashMap<PathBuf, Arc<str>>>,
}

impl Sources {
    /// The texts of the files of the program folder `root`.
    pub fn new(root: &Path) -> Sources {
        Sources {
            root: Arc::from(root),
            overlay: std::sync::Mutex::new(HashMap::new()),
        }
    }

    /// The program folder.
    pub fn root(&self) -> &Arc<Path> {
        &self.root
    }

    /// Holds `text` as the text of `rel`, in place of what is on disk (for `import`, which checks
    /// files before it writes them: see [`load_overlaid`]).
    pub fn insert(&self, rel: &Path, text: Arc<str>) {
        let mut overlay = self.overlay.lock().unwrap_or_else(|e| e.into_inner());
        overlay.insert(rel.to_path_buf(), text);
    }

    /// The text held for `rel` in place of the file's, if any.
    pub fn held(&self, rel: &Path) -> Option<Arc<str>> {
        let overlay = self.overlay.lock().unwrap_or_else(|e| e.into_inner());
        overlay.get(rel).cloned()
    }

    /// The text of the file `rel` (relative to the program folder): the text held for it, or the
    /// file read now; `None` when it cannot be read. Nothing read is kept: a caller that needs it
    /// again reads it again.
    pub fn get(&self, rel: &Path) -> Option<Arc<str>> {
        self.held(rel)
            .or_else(|| read_file(&self.root, rel).ok().map(|f| f.text))
    }
}

/// Reads the content file `rel`, after making sure it is still a regular file: it may have been
/// replaced since it was listed, and opening a named pipe would wait forever.
fn read_file(root: &Path, rel: &Path) -> Result<SourceFile, Problem> {
    match std::fs::symlink_metadata(root.join(rel)) {
        Ok(meta) if !meta.is_file() => Err(Problem::error(
            Code::BadFileName,
            Span {
                file: rel.to_path_buf(),
                line: 0,
                column: 0,
            },
            format!("this is {}, not a file", not_a_file(&meta.file_type())),
        )
        .hint("replace it with a regular file: mentorbook reads only files")),
        _ => SourceFile::read(root, rel),
    }
}

/// What a file is, decided from where it is.
#[derive(Debug, Clone)]
enum Kind {
    Program,
    PeopleList,
    Person(PersonId),
    Pair(PairId),
    Phase(PhaseId),
    Chapter(ChapterId),
}

/// One parsed file.
#[derive(Clone)]
enum Parsed {
    Program(ProgramInfo),
    People(Vec<Person>),
    Pair(PairId, Arc<PairFile>),
    Phase(PhaseId, PhaseFile),
    Chapter(Chapter),
}

/// Reads every content file of the program, keeping or dropping private values as `private` says;
/// problems go to `problems`.
pub fn load(config: Config, private: PrivateValues, problems: &mut Problems) -> Loaded {
    Cache::new(private).load_once(config, true, problems)
}

/// [`load`], taking `parsed` (pair files as they are now, parsed before) as they are rather than
/// reading and parsing those files again: the build's cache of parsed pairs. A file among them that
/// is not a pair file the listing finds, or whose length, time or inode changed since, is read as
/// usual.
///
/// `few_pages` says that the build will likely render only some pages (only pair files were
/// edited since the last build): what was parsed is then moved into the [`Loaded`] where it lies.
/// Otherwise it is copied out first, so that it sits together and the parse's leftovers are given
/// back before a whole site is rendered (at 10,000 pairs, 15 MB less at the build's peak, for
/// 0.05 s).
pub fn load_reusing(
    config: Config,
    private: PrivateValues,
    parsed: Vec<LoadedPair>,
    few_pages: bool,
    problems: &mut Problems,
) -> Loaded {
    Cache::with_pairs(private, parsed).load_once(config, !few_pages, problems)
}

/// [`load`], with the texts of `overlay` read in place of what is on disk at those paths
/// (relative to the program folder): files that do not exist yet, or edited texts of people and
/// pair files. Nothing is written; the result is checked as the program would be with those files.
/// `mentorbook import` checks the files it would write this way. A path that is not a people
/// file, `content/people/<id>.yaml` or `content/pairs/<id>.yaml` is ignored.
pub fn load_overlaid(
    config: Config,
    private: PrivateValues,
    overlay: &[(PathBuf, Arc<str>)],
    problems: &mut Problems,
) -> Loaded {
    let raw_html = config.build.allow_raw_html;
    let mut own = Problems::default();
    let mut loaded = load(config, private, &mut own);
    let over: std::collections::HashSet<&Path> =
        overlay.iter().map(|(rel, _)| rel.as_path()).collect();
    problems.extend(
        own.into_vec()
            .into_iter()
            .filter(|p| !over.contains(p.span.file.as_path())),
    );
    loaded.people.retain(|(p, _)| !over.contains(p.as_path()));
    loaded.pairs.retain(|p| !over.contains(p.path.as_path()));
    for (rel, text) in overlay {
        let Some(kind) = kind_of(rel) else { continue };
        let file = SourceFile {
            path: rel.clone(),
            text: Arc::clone(text),
        };
        loaded.sources.insert(rel, Arc::clone(text));
        let parsed = crate::model::reading_private(private, || parse(&file, kind, raw_html));
        loaded.add(rel, parsed, problems);
    }
    loaded.pairs.sort_by(|a, b| a.path.cmp(&b.path));
    loaded
}

/// The pair file `rel` (`content/pairs/<id>.yaml`) read from `text` instead of the disk, as
/// [`load`] would read it: `serve --edit` checks an edited pair this way before it writes it.
/// `Err` with the problem when the text does not parse; `Ok(None)` when `rel` is not a pair file.
pub fn parse_pair(
    config: &Config,
    rel: &Path,
    text: Arc<str>,
    private: PrivateValues,
) -> Result<Option<LoadedPair>, Problem> {
    let Some(kind @ Kind::Pair(_)) = kind_of(rel) else {
        return Ok(None);
    };
    let file = SourceFile {
        path: rel.to_path_buf(),
        text,
    };
    let raw_html = config.build.allow_raw_html;
    match crate::model::reading_private(private, || parse(&file, kind, raw_html))? {
        Parsed::Pair(id, data) => Ok(Some(LoadedPair {
            id,
            path: rel.to_path_buf(),
            file: data,
        })),
        _ => Ok(None),
    }
}

/// What the content file `rel` is, for the kinds [`load_overlaid`] reads.
fn kind_of(rel: &Path) -> Option<Kind> {
    let content = Path::new(CONTENT_DIR);
    if rel == content.join("people.yaml") {
        return Some(Kind::PeopleList);
    }
    let stem = rel.file_stem()?.to_str()?;
    let parent = rel.parent()?;
    if !rel.extension().is_some_and(|e| e == "yaml" || e == "yml") {
        return None;
    }
    if parent == content.join("people") {
        PersonId::new(stem).ok().map(Kind::Person)
    } else if parent == content.join("pairs") && !PairId::RESERVED.contains(&stem) {
        PairId::new(stem).ok().map(Kind::Pair)
    } else {
        None
    }
}

fn parse(file: &SourceFile, kind: Kind, raw_html: bool) -> Result<Parsed, Problem> {
    Ok(match kind {
        Kind::Program => Parsed::Program(file.parse()?),
        Kind::PeopleList => Parsed::People(file.parse::<PeopleFile>()?.people),
        Kind::Person(id) => {
            let mut person: Person = file.parse()?;
            if person.id_given() && person.id.value != id {
                let span = Span {
                    file: file.path.clone(),
                    line: person.id.line,
                    column: person.id.column,
                };
                return Err(Problem::error(
                    Code::BadFileName,
                    span,
                    format!(
                        "the id `{}` differs from the file name `{id}`",
                        person.id.value
                    ),
                )
                .hint("leave `id:` out of files under people/: the file name is the id")
                .with_source(&file.text));
            }
            person.id.value = id;
            Parsed::People(vec![person])
        }
        Kind::Pair(id) => Parsed::Pair(id, Arc::new(file.parse()?)),
        Kind::Phase(id) => Parsed::Phase(id, file.parse()?),
        Kind::Chapter(id) => Parsed::Chapter(guide::chapter(id, file, raw_html)?),
    })
}

/// Lists the content files, in a stable order, deciding what each one is.
fn find_files(root: &Path, problems: &mut Problems) -> Vec<(PathBuf, Kind)> {
    let content = Path::new(CONTENT_DIR);
    let mut jobs = Vec::new();
    for single in [
        content.to_path_buf(),
        content.join("program.yaml"),
        content.join("people.yaml"),
    ] {
        if root.join(&single).is_symlink() {
            problems.push(
                Problem::error(Code::Symlink, Span { file: single, line: 0, column: 0 }, "this is a link, which mentorbook does not follow")
                    .hint("make it a real file or folder inside the program folder: mentorbook reads nothing outside it"),
            );
            return jobs;
        }
    }
    let program = content.join("program.yaml");
    match regular_file(root, &program, problems) {
        Some(true) => jobs.push((program, Kind::Program)),
        Some(false) => {}
        None => problems.push(missing(
            &program,
            "describe the program in content/program.yaml (at least `name:`)",
        )),
    }
    let people = content.join("people.yaml");
    if regular_file(root, &people, problems) == Some(true) {
        jobs.push((people, Kind::PeopleList));
    }
    for (rel, stem) in list(root, &content.join("people"), &["yaml", "yml"], problems) {
        if let Some(id) = id_from_file(&rel, &stem, problems, PersonId::new) {
            jobs.push((rel, Kind::Person(id)));
        }
    }
    for (rel, stem) in list(root, &content.join("pairs"), &["yaml", "yml"], problems) {
        if PairId::RESERVED.contains(&stem.as_str()) {
            let at = Span {
                file: rel.clone(),
                line: 0,
                column: 0,
            };
            problems.push(
                Problem::error(Code::BadFileName, at, format!("a pair cannot be called `{stem}`"))
                    .hint(format!("the name is taken by pdf/{stem}.pdf; rename the file after the pair, such as `ana-lopez-ben-okafor.yaml`")),
            );
        } else if let Some(id) = id_from_file(&rel, &stem, problems, PairId::new) {
            jobs.push((rel, Kind::Pair(id)));
        }
    }
    let mut seen = Vec::new();
    for (rel, stem) in list(root, &content.join("phases"), &["yaml", "yml"], problems) {
        match PhaseId::from_name(&stem) {
            Some(id) => {
                seen.push(id);
                jobs.push((rel, Kind::Phase(id)));
            }
            None => problems.push(
                Problem::error(Code::BadFileName, Span { file: rel.clone(), line: 0, column: 0 }, format!("`{stem}` is not one of the four phases"))
                    .suggest(&stem, PhaseId::ALL.map(PhaseId::as_str))
                    .hint("phase files are named initiation.yaml, negotiation.yaml, enabling.yaml and closure.yaml"),
            ),
        }
    }
    for id in PhaseId::ALL.into_iter().filter(|id| !seen.contains(id)) {
        problems.push(missing(
            &content.join("phases").join(format!("{id}.yaml")),
            "every program needs the four phase files; `mentorbook init` writes the default ones",
        ));
    }
    for (rel, stem) in list(root, &content.join("guide"), &["md"], problems) {
        if let Some(id) = id_from_file(&rel, &stem, problems, ChapterId::new) {
            jobs.push((rel, Kind::Chapter(id)));
        }
    }
    one_file_per_id(jobs, problems)
}

/// Whether `root/rel` is a regular file: `None` when there is nothing there, `Some(false)`, with
/// an error, when it is something else (a folder, a named pipe, a socket, a device), which is never
/// opened: reading a named pipe waits for a writer that never comes.
fn regular_file(root: &Path, rel: &Path, problems: &mut Problems) -> Option<bool> {
    let meta = std::fs::symlink_metadata(root.join(rel)).ok()?;
    if meta.is_file() {
        return Some(true);
    }
    problems.push(
        Problem::error(
            Code::BadFileName,
            Span {
                file: rel.to_path_buf(),
                line: 0,
                column: 0,
            },
            format!("this is {}, not a file", not_a_file(&meta.file_type())),
        )
        .hint("replace it with a regular file: mentorbook reads only files"),
    );
    Some(false)
}

/// What an entry that is not a regular file is, for messages.
pub(crate) fn not_a_file(kind: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if kind.is_socket() {
            return "a socket";
        }
        if kind.is_block_device() || kind.is_char_device() {
            return "a device";
        }
    }
    if kind.is_dir() {
        "a folder"
    } else if kind.is_symlink() {
        "a link"
    } else {
        "a special file"
    }
}

/// Keeps the first of the files that make the same id (`ana.yaml` and `ana.yml`, or any other two
/// names an id comes from) and reports each other one, naming both: two files of one id would be
/// one pair, person, phase or chapter made of two, its pages and private fields from either.
fn one_file_per_id(jobs: Vec<(PathBuf, Kind)>, problems: &mut Problems) -> Vec<(PathBuf, Kind)> {
    let mut first: HashMap<(&'static str, String), PathBuf> = HashMap::new();
    let mut kept = Vec::with_capacity(jobs.len());
    for (rel, kind) in jobs {
        let key = match &kind {
            Kind::Program | Kind::PeopleList => None,
            Kind::Person(id) => Some(("person", id.to_string())),
            Kind::Pair(id) => Some(("pair", id.to_string())),
            Kind::Phase(id) => Some(("phase", id.to_string())),
            Kind::Chapter(id) => Some(("chapter", id.to_string())),
        };
        // Ids are lower-case, so a file system that ignores case cannot hold two spellings of one;
        // folding anyway keeps the rule from resting on that.
        let Some((what, id)) = key.map(|(w, id)| (w, id.to_lowercase())) else {
            kept.push((rel, kind));
            continue;
        };
        match first.entry((what, id)) {
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(rel.clone());
                kept.push((rel, kind));
            }
            std::collections::hash_map::Entry::Occupied(other) => {
                let (_, id) = other.key();
                problems.push(
                    Problem::error(
                        Code::DuplicateId,
                        Span {
                            file: rel.clone(),
                            line: 0,
                            column: 0,
                        },
                        format!(
                            "this file and {} both make the {what} `{id}`",
                            other.get().display()
                        ),
                    )
                    .hint(format!(
                        "keep one of the two files: merge them, or rename this one after another {what}"
                    )),
                );
            }
        }
    }
    kept
}

fn missing(rel: &Path, hint: &str) -> Problem {
    Problem::error(
        Code::MissingFile,
        Span {
            file: rel.to_path_buf(),
            line: 0,
            column: 0,
        },
        "this file is missing",
    )
    .hint(hint)
}

fn id_from_file<T>(
    rel: &Path,
    stem: &str,
    problems: &mut Problems,
    make: fn(&str) -> Result<T, crate::model::ids::BadId>,
) -> Option<T> {
    match make(stem) {
        Ok(id) => Some(id),
        Err(bad) => {
            let mut p = Problem::error(
                Code::BadFileName,
                Span {
                    file: rel.to_path_buf(),
                    line: 0,
                    column: 0,
                },
                format!("the file name {bad}"),
            );
            if let Some(s) = bad.suggestion {
                p = p.hint(format!(
                    "rename the file to `{s}.{}`",
                    rel.extension().and_then(|e| e.to_str()).unwrap_or("yaml")
                ));
            }
            problems.push(p);
            None
        }
    }
}

/// The files directly in `root/dir` with one of `extensions`, sorted, as (relative path, stem).
/// Other files are reported as warnings so a misnamed file is never silently skipped.
fn list(
    root: &Path,
    dir: &Path,
    extensions: &[&str],
    problems: &mut Problems,
) -> Vec<(PathBuf, String)> {
    let full = root.join(dir);
    if full.is_symlink() {
        problems.push(
            Problem::error(Code::Symlink, Span { file: dir.to_path_buf(), line: 0, column: 0 }, "this folder is a link, which mentorbook does not follow")
                .hint("make it a real folder inside the program folder: mentorbook reads nothing outside it"),
        );
        return Vec::new();
    }
    if !full.is_dir() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(&full)
        .min_depth(1)
        .max_depth(1)
        .sort_by_file_name()
    {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                problems.push(Problem::error(
                    Code::Io,
                    Span {
                        file: dir.to_path_buf(),
                        line: 0,
                        column: 0,
                    },
                    format!("cannot list the folder: {e}"),
                ));
                continue;
            }
        };
        let name = entry.file_name().to_string_lossy().into_owned();
        let rel = dir.join(&name);
        if name.starts_with('.') || name.ends_with('~') {
            continue;
        }
        if entry.path_is_symlink() {
            let target = std::fs::read_link(entry.path())
                .map(|t| t.display().to_string())
                .unwrap_or_default();
            problems.push(
                Problem::error(Code::Symlink, Span { file: rel, line: 0, column: 0 }, format!("this is a link to {target}, which mentorbook does not follow"))
                    .hint("copy the file into the program folder instead: mentorbook reads nothing outside it"),
            );
            continue;
        }
        let ext = Path::new(&name)
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("");
        let kind = entry.file_type();
        if kind.is_file() && extensions.contains(&ext) {
            let stem = name[..name.len() - ext.len() - 1].to_owned();
            out.push((rel, stem));
        } else if !kind.is_file() && !kind.is_dir() {
            // Never opened: a named pipe would wait for a writer forever.
            problems.push(
                Problem::warning(
                    Code::BadFileName,
                    Span {
                        file: rel,
                        line: 0,
                        column: 0,
                    },
                    format!(
                        "this is {}, not a file, so it is ignored",
                        not_a_file(&kind)
                    ),
                )
                .hint("remove it, or replace it with a regular file"),
            );
        } else {
            problems.push(
                Problem::warning(
                    Code::BadFileName,
                    Span {
                        file: rel,
                        line: 0,
                        column: 0,
                    },
                    "this entry is ignored",
                )
                .hint(format!(
                    "files here must end in .{}",
                    extensions.join(" or .")
                )),
            );
        }
    }
    out
}
