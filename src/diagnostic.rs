//! Problems found in a program, and how they are shown.
//!
//! Every check produces [`Problem`]s rather than stopping: a run collects them all, prints them with the
//! file, line, column, the offending line and a hint, and the worst severity decides the exit code.

pub mod key_path;
mod snippet;
pub mod stored;
pub(crate) mod words;

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Serialize;

pub(crate) use snippet::needs_escape;
pub use snippet::terminal_safe;
use snippet::{LineIndex, Snippet};

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth fixing; the site still builds.
    Warning,
    /// The site cannot be built until it is fixed.
    Error,
}

/// The kind of problem, with a stable code for documentation and tooling.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Code {
    /// A file could not be read.
    Io,
    /// `book.toml` is not valid.
    Config,
    /// A YAML file does not parse, or a field has the wrong type or name.
    Yaml,
    /// A required file is missing.
    MissingFile,
    /// A file name is not a valid id.
    BadFileName,
    /// A reference to a person who does not exist.
    UnknownPerson,
    /// Progress names a checklist item that does not exist.
    UnknownItem,
    /// A reference to a goal that does not exist.
    UnknownGoal,
    /// Two things share an id.
    DuplicateId,
    /// Dates in the wrong order.
    DateOrder,
    /// A person in a role they do not have.
    WrongRole,
    /// A guide chapter without front matter.
    FrontMatter,
    /// A file that is not UTF-8 text.
    Encoding,
    /// A template failed.
    Template,
    /// A theme's `strings.toml` that is not TOML, or names a table or key the default has not.
    Strings,
    /// A `language` in `book.toml` whose words the default theme and the program leave in English.
    UntranslatedLanguage,
    /// A counted word of a strings file without a form its language's plural rules use.
    MissingPluralForm,
    /// A value out of range.
    OutOfRange,
    /// A link between guide chapters that points nowhere.
    BrokenLink,
    /// A mentee in two pairs whose dates overlap.
    OverlappingMentee,
    /// A meeting dated outside its pair's start and end.
    MeetingOutsideDates,
    /// A goal whose deadline is after the pair's end.
    DeadlineAfterEnd,
    /// An item done in a later phase while an earlier phase has open items.
    PhaseOutOfOrder,
    /// A pair in closure with no closure summary.
    ClosureWithoutSummary,
    /// An agreement that does not say how often the pair meets.
    NoMeetingFrequency,
    /// A pair's record (goals reached, evaluations, meetings under a signed agreement, a closure)
    /// two phases or more ahead of its checklist.
    RecordAheadOfChecklist,
    /// Progress on a checklist item that is only for pairs that came together another way.
    ItemNotForPair,
    /// A goal with no way to measure it.
    GoalWithoutMeasure,
    /// A goal with no deadline.
    GoalWithoutDeadline,
    /// A goal whose deadline has passed while it is still open.
    GoalOverdue,
    /// A goal whose measure is a vague verb with no number.
    VagueMeasure,
    /// An open goal written out in SMART form that does not say why it is attainable or realistic.
    GoalNotRealistic,
    /// A symbolic link in the program folder, which mentorbook does not follow.
    Symlink,
    /// A profile's language that is not an ISO 639-1 code.
    BadLanguage,
    /// A profile's time zone that is not an IANA time zone name.
    BadTimeZone,
    /// A profile's `visibility` entry for a field that is the coordinators' only.
    VisibilityNotAllowed,
    /// A profile names a tag that `program.yaml` does not list.
    UnknownTag,
    /// A profile's exclusions or wishes name the person themselves.
    SelfReference,
    /// A capacity on a profile of someone who is not a mentor.
    CapacityNotMentor,

    // Import (MB07xx).
    /// A spreadsheet `import` reads that is not a table: a quote never closed, a row longer than
    /// the header, no header.
    Csv,
    /// A column the mapping does not place, or a mapping that names a field or a column that does
    /// not exist.
    ColumnMap,

    // Publishing (MB06xx).
    /// Private fields in the program and no `.gitignore` entry for `book-private/`.
    PrivateNotIgnored,
    /// `book.toml` publishes the pairs' whole record (`[public] pairs = "full"`).
    FullPairsPublic,
}

impl Code {
    /// Every code, in numeric order (the order of docs/problems.md).
    pub const ALL: [Code; 43] = [
        Code::Io,
        Code::Config,
        Code::Yaml,
        Code::MissingFile,
        Code::BadFileName,
        Code::FrontMatter,
        Code::Encoding,
        Code::BrokenLink,
        Code::Symlink,
        Code::BadLanguage,
        Code::BadTimeZone,
        Code::VisibilityNotAllowed,
        Code::UnknownPerson,
        Code::UnknownItem,
        Code::UnknownGoal,
        Code::DuplicateId,
        Code::WrongRole,
        Code::OverlappingMentee,
        Code::UnknownTag,
        Code::SelfReference,
        Code::DateOrder,
        Code::OutOfRange,
        Code::MeetingOutsideDates,
        Code::DeadlineAfterEnd,
        Code::PhaseOutOfOrder,
        Code::ClosureWithoutSummary,
        Code::NoMeetingFrequency,
        Code::RecordAheadOfChecklist,
        Code::ItemNotForPair,
        Code::CapacityNotMentor,
        Code::Template,
        Code::Strings,
        Code::UntranslatedLanguage,
        Code::MissingPluralForm,
        Code::GoalWithoutMeasure,
        Code::GoalWithoutDeadline,
        Code::GoalOverdue,
        Code::VagueMeasure,
        Code::GoalNotRealistic,
        // Publishing.
        Code::PrivateNotIgnored,
        Code::FullPairsPublic,
        // Import.
        Code::Csv,
        Code::ColumnMap,
    ];

    /// The stable name, `unknown-person`.
    pub fn name(self) -> &'static str {
        match self {
            Code::Io => "io",
            Code::Config => "config",
            Code::Yaml => "yaml",
            Code::MissingFile => "missing-file",
            Code::BadFileName => "bad-file-name",
            Code::FrontMatter => "front-matter",
            Code::Encoding => "encoding",
            Code::UnknownPerson => "unknown-person",
            Code::UnknownItem => "unknown-item",
            Code::UnknownGoal => "unknown-goal",
            Code::DuplicateId => "duplicate-id",
            Code::WrongRole => "wrong-role",
            Code::DateOrder => "date-order",
            Code::OutOfRange => "out-of-range",
            Code::Template => "template",
            Code::Strings => "strings",
            Code::UntranslatedLanguage => "untranslated-language",
            Code::MissingPluralForm => "missing-plural-form",
            Code::BrokenLink => "broken-link",
            Code::OverlappingMentee => "overlapping-mentee",
            Code::MeetingOutsideDates => "meeting-outside-dates",
            Code::DeadlineAfterEnd => "deadline-after-end",
            Code::PhaseOutOfOrder => "phase-out-of-order",
            Code::ClosureWithoutSummary => "closure-without-summary",
            Code::NoMeetingFrequency => "no-meeting-frequency",
            Code::RecordAheadOfChecklist => "record-ahead-of-checklist",
            Code::ItemNotForPair => "item-not-for-pair",
            Code::GoalWithoutMeasure => "goal-without-measure",
            Code::GoalWithoutDeadline => "goal-without-deadline",
            Code::GoalOverdue => "goal-overdue",
            Code::VagueMeasure => "vague-measure",
            Code::GoalNotRealistic => "goal-not-realistic",
            Code::Symlink => "symlink",
            Code::BadLanguage => "bad-language",
            Code::BadTimeZone => "bad-time-zone",
            Code::VisibilityNotAllowed => "visibility-not-allowed",
            Code::UnknownTag => "unknown-tag",
            Code::SelfReference => "self-reference",
            Code::CapacityNotMentor => "capacity-not-mentor",
            // Publishing.
            Code::PrivateNotIgnored => "private-not-ignored",
            Code::FullPairsPublic => "full-pairs-public",
            // Import.
            Code::Csv => "csv",
            Code::ColumnMap => "column-map",
        }
    }

    /// The stable code, `MB0102`.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::Io => "MB0001",
            Code::Config => "MB0002",
            Code::Yaml => "MB0101",
            Code::MissingFile => "MB0102",
            Code::BadFileName => "MB0103",
            Code::FrontMatter => "MB0104",
            Code::Encoding => "MB0105",
            Code::UnknownPerson => "MB0201",
            Code::UnknownItem => "MB0202",
            Code::UnknownGoal => "MB0203",
            Code::DuplicateId => "MB0204",
            Code::WrongRole => "MB0205",
            Code::DateOrder => "MB0301",
            Code::OutOfRange => "MB0302",
            Code::Template => "MB0401",
            Code::Strings => "MB0402",
            Code::UntranslatedLanguage => "MB0403",
            Code::MissingPluralForm => "MB0404",
            Code::BrokenLink => "MB0106",
            Code::OverlappingMentee => "MB0206",
            Code::MeetingOutsideDates => "MB0303",
            Code::DeadlineAfterEnd => "MB0304",
            Code::PhaseOutOfOrder => "MB0305",
            Code::ClosureWithoutSummary => "MB0306",
            Code::NoMeetingFrequency => "MB0307",
            Code::RecordAheadOfChecklist => "MB0308",
            Code::ItemNotForPair => "MB0309",
            Code::GoalWithoutMeasure => "MB0501",
            Code::GoalWithoutDeadline => "MB0502",
            Code::GoalOverdue => "MB0503",
            Code::VagueMeasure => "MB0504",
            Code::GoalNotRealistic => "MB0505",
            Code::Symlink => "MB0107",
            Code::BadLanguage => "MB0108",
            Code::BadTimeZone => "MB0109",
            Code::VisibilityNotAllowed => "MB0110",
            Code::UnknownTag => "MB0207",
            Code::SelfReference => "MB0208",
            Code::CapacityNotMentor => "MB0310",
            // Publishing.
            Code::PrivateNotIgnored => "MB0601",
            Code::FullPairsPublic => "MB0602",
            // Import.
            Code::Csv => "MB0701",
            Code::ColumnMap => "MB0702",
        }
    }
}

/// A place in a file. Line and column are 1-based; 0 means "the whole file".
#[derive(Debug, Clone, Serialize)]
pub struct Span {
    /// The file, relative to the program folder.
    pub file: PathBuf,
    /// 1-based line, 0 when the problem is about the whole file.
    pub line: u32,
    /// 1-based column.
    pub column: u32,
}

/// One problem, with everything needed to show and fix it.
#[derive(Debug, Clone, Serialize)]
pub struct Problem {
    /// Error or warning.
    pub severity: Severity,
    /// What kind.
    pub code: Code,
    /// Where.
    #[serde(flatten)]
    pub span: Span,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub hint: Option<String>,
    /// Where in the YAML's structure, such as `goals[2].time_bound`, when known.
    pub path: Option<String>,
    /// The file's text (or where to read it), then the lines shown from it once
    /// [placed](place_all).
    #[serde(skip)]
    shown: Option<Shown>,
    /// False when no key path describes the place well (a tab between nodes).
    #[serde(skip)]
    wants_key_path: bool,
}

/// The offending lines of a problem: the file's text, or the program folder to read it from,
/// until the problems are [placed](place_all) (together, so a file with many problems is read and
/// indexed once), then the few lines shown.
#[derive(Debug, Clone)]
enum Shown {
    Text(Arc<str>),
    OnDisk(Arc<Path>),
    Placed(Snippet),
}

impl Problem {
    /// An error at `span`.
    pub fn error(code: Code, span: Span, message: impl Into<String>) -> Self {
        Problem {
            severity: Severity::Error,
            code,
            span,
            message: message.into(),
            hint: None,
            shown: None,
            wants_key_path: true,
            path: None,
        }
    }

    /// A warning at `span`.
    pub fn warning(code: Code, span: Span, message: impl Into<String>) -> Self {
        Problem {
            severity: Severity::Warning,
            ..Problem::error(code, span, message)
        }
    }

    /// Changes the code.
    pub fn with_code(mut self, code: Code) -> Self {
        self.code = code;
        self
    }

    /// Adds a hint.
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Adds a "did you mean" hint when one of `candidates` is close to `given`.
    pub fn suggest<'a>(self, given: &str, candidates: impl IntoIterator<Item = &'a str>) -> Self {
        match did_you_mean(given, candidates) {
            Some(best) => self.hint(format!("did you mean `{best}`?")),
            None => self,
        }
    }

    /// Attaches the file's text so the offending line can be shown. This is cheap: the line is
    /// found, and the key path of a YAML file worked out, when the problems are [placed](place_all).
    pub fn with_source(mut self, source: &Arc<str>) -> Self {
        if self.span.line > 0 {
            self.shown = Some(Shown::Text(Arc::clone(source)));
        }
        self
    }

    /// Like [`Problem::with_source`], for a problem found after loading, in a file of the program
    /// folder `root`: the file is read again when the problem is [placed](place_all), not kept
    /// meanwhile. At 10,000 pairs nearly every pair file has a warning, and keeping their text
    /// from the check to the report would hold the program's whole 186 MB of YAML in memory
    /// beside the program itself. (A file saved again between the check and the report shows its
    /// new lines; the next run shows the right ones.)
    pub fn read_when_shown(mut self, root: &Arc<Path>) -> Self {
        if self.span.line > 0 {
            self.shown = Some(Shown::OnDisk(Arc::clone(root)));
        }
        self
    }

    /// Says that no key path describes the place well (such as a tab between two nodes).
    pub fn without_key_path(mut self) -> Self {
        self.wants_key_path = false;
        self.path = None;
        self
    }

    /// Sets the key path the underline is labelled with, for a place the YAML parser could not
    /// name itself (a line it failed to read). Only in a YAML file: problems in Markdown (front
    /// matter included) are underlined without a label.
    pub fn with_key_path(mut self, path: String) -> Self {
        if self.is_yaml() {
            self.path = Some(path);
        }
        self
    }

    fn is_yaml(&self) -> bool {
        self.span
            .file
            .extension()
            .is_some_and(|e| e == "yaml" || e == "yml")
    }

    fn wants_key_path(&self) -> bool {
        self.is_yaml() && self.wants_key_path && self.path.is_none() && self.span.line > 0
    }
}

/// Finds the shown lines and the key path of every problem that has its file's text. The problems
/// of one file are placed together, from one index of its lines and one reading of its YAML, so
/// the cost is the size of the files plus the number of problems, not their product.
pub fn place_all(problems: &mut [Problem]) {
    /// The problems of one file: by its text in memory, or by its place on disk.
    #[derive(PartialEq, Eq, Hash)]
    enum File {
        Text(*const u8),
        OnDisk(PathBuf),
    }
    let mut by_file: HashMap<File, Vec<usize>> = HashMap::new();
    for (i, p) in problems.iter().enumerate() {
        let file = match &p.shown {
            Some(Shown::Text(text)) => File::Text(text.as_ptr()),
            Some(Shown::OnDisk(root)) => File::OnDisk(root.join(&p.span.file)),
            _ => continue,
        };
        by_file.entry(file).or_default().push(i);
    }
    for group in by_file.into_values() {
        let text = match problems[group[0]].shown.clone() {
            Some(Shown::Text(text)) => Some(text),
            Some(Shown::OnDisk(root)) => read_text(&root.join(&problems[group[0]].span.file)),
            _ => None,
        };
        let Some(text) = text else {
            for &i in &group {
                problems[i].shown = None;
            }
            continue;
        };
        place_group(problems, &group, &text);
    }
}

/// Places the problems `group` of one file, whose text is `text`.
fn place_group(problems: &mut [Problem], group: &[usize], text: &str) {
    let wanting: Vec<usize> = group
        .iter()
        .copied()
        .filter(|&i| problems[i].wants_key_path())
        .collect();
    if !wanting.is_empty() {
        let places: Vec<(u32, u32)> = wanting
            .iter()
            .map(|&i| (problems[i].span.line, problems[i].span.column))
            .collect();
        let paths = crate::diagnostic::key_path::key_paths(text, &places);
        for (i, path) in wanting.into_iter().zip(paths) {
            problems[i].path = path;
        }
    }
    let index = LineIndex::new(text);
    for &i in group {
        let p = &mut problems[i];
        p.shown = Snippet::new(&p.span.file, &index, p.span.line, p.span.column).map(Shown::Placed);
    }
}

/// The text of a file read again to show a problem's lines: nothing unless it is still a regular
/// UTF-8 file (it may have been replaced, and opening a named pipe would wait forever). A
/// byte-order mark is dropped, as the loader drops it.
fn read_text(path: &Path) -> Option<Arc<str>> {
    if !std::fs::symlink_metadata(path).ok()?.is_file() {
        return None;
    }
    let text = String::from_utf8(std::fs::read(path).ok()?).ok()?;
    Some(Arc::from(text.strip_prefix('\u{feff}').unwrap_or(&text)))
}

/// The candidate closest to `given`, if it is close enough to be a likely typo.
pub fn did_you_mean<'a>(
    given: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(given, c), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, c)| c)
}

/// Every problem of a run, in a stable order.
#[derive(Debug, Clone, Default)]
pub struct Problems(Vec<Problem>);

impl Problems {
    /// Adds a problem.
    pub fn push(&mut self, p: Problem) {
        self.0.push(p);
    }

    /// Adds many.
    pub fn extend(&mut self, ps: impl IntoIterator<Item = Problem>) {
        self.0.extend(ps);
    }

    /// The problems, in the order they were found.
    pub fn into_vec(self) -> Vec<Problem> {
        self.0
    }

    /// Whether any problem is an error.
    pub fn has_errors(&self) -> bool {
        self.0.iter().any(|p| p.severity == Severity::Error)
    }

    /// Sorted by file, line and column, so output does not depend on thread timing, and
    /// [placed](place_all), ready to show.
    pub fn into_sorted(self) -> Vec<Problem> {
        let mut sorted = self.into_sorted_unplaced();
        place_all(&mut sorted);
        sorted
    }

    /// Sorted as [`Problems::into_sorted`] sorts them, not yet [placed](place_all): for showing
    /// some of many (placing costs a scan of the problem's file, tens of thousands of them cost
    /// seconds).
    pub fn into_sorted_unplaced(self) -> Vec<Problem> {
        // Paths compare folder by folder; so do their bytes with a zero byte for each `/` (a
        // program's paths are relative and plain), which is what is compared here: comparing
        // `Path`s takes them apart again at each comparison (at 10,000 pairs, 3,500 warnings
        // sorted in 45 ms, the build waiting).
        let mut keyed: Vec<(Vec<u8>, Problem)> = self
            .0
            .into_iter()
            .map(|p| {
                let mut key = p.span.file.as_os_str().as_encoded_bytes().to_vec();
                for b in &mut key {
                    if std::path::is_separator(char::from(*b)) {
                        *b = 0;
                    }
                }
                (key, p)
            })
            .collect();
        keyed.sort_by(|(ka, a), (kb, b)| {
            (ka, a.span.line, a.span.column, &a.message).cmp(&(
                kb,
                b.span.line,
                b.span.column,
                &b.message,
            ))
        });
        keyed.into_iter().map(|(_, p)| p).collect()
    }

    /// The problems, unsorted.
    pub fn iter(&self) -> impl Iterator<Item = &Problem> {
        self.0.iter()
    }
}

/// The message alone when the problem shows its lines (whose header says where); otherwise the
/// message is prefixed with the file, so every problem names its file. Text from the program's
/// files is made [safe to print](terminal_safe).
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !matches!(self.shown, Some(Shown::Placed(_))) {
            f.write_str(&terminal_safe(&self.span.file.display().to_string()))?;
            if self.span.line > 0 {
                write!(f, ":{}:{}", self.span.line, self.span.column)?;
            }
            f.write_str(": ")?;
        }
        f.write_str(&terminal_safe(&self.message))
    }
}

impl std::error::Error for Problem {}

/// The full form with miette: the file, line and column, the offending line with the bad token
/// underlined, and the hint.
impl miette::Diagnostic for Problem {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(format!(
            "{} {}",
            self.code.as_str(),
            self.code.name()
        )))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.hint
            .as_deref()
            .map(|h| Box::new(terminal_safe(h)) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        match &self.shown {
            Some(Shown::Placed(s)) => Some(s as &dyn miette::SourceCode),
            _ => None,
        }
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        let Some(Shown::Placed(s)) = &self.shown else {
            return None;
        };
        let path = self.path.as_deref().map(|p| terminal_safe(p).into_owned());
        Some(Box::new(std::iter::once(
            miette::LabeledSpan::new_primary_with_span(path, s.label),
        )))
    }
}

/// Renders problems for people: `color` for a terminal, plain for files, pipes and tests.
pub fn render_human(problems: &[Problem], color: bool) -> String {
    let theme = if color {
        miette::GraphicalTheme::unicode()
    } else {
        miette::GraphicalTheme::unicode_nocolor()
    };
    let handler = miette::GraphicalReportHandler::new_themed(theme)
        .with_width(100)
        .with_context_lines(1);
    let mut placed;
    let problems = if problems
        .iter()
        .any(|p| matches!(p.shown, Some(Shown::Text(_) | Shown::OnDisk(_))))
    {
        placed = problems.to_vec();
        place_all(&mut placed);
        &placed[..]
    } else {
        problems
    };
    let mut out = String::new();
    for p in problems {
        let mut one = String::new();
        if handler.render_report(&mut one, p).is_err() {
            one = format!("{p}\n");
        }
        out.push_str(&one);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names_only() {
        assert_eq!(
            did_you_mean("ana-lopz", ["ana-lopez", "ben-okafor"]),
            Some("ana-lopez")
        );
        assert_eq!(did_you_mean("zzz", ["ana-lopez", "ben-okafor"]), None);
    }

    #[test]
    fn shows_the_offending_line() {
        let src: Arc<str> = Arc::from("a: 1\nmentor: ana-lopz\n");
        let span = Span {
            file: "content/pairs/x.yaml".into(),
            line: 2,
            column: 9,
        };
        let p = Problem::error(Code::UnknownPerson, span, "unknown person `ana-lopz`")
            .suggest("ana-lopz", ["ana-lopez"])
            .with_source(&src);
        let shown = render_human(&[p], false);
        assert!(shown.contains("content/pairs/x.yaml:2:9"), "{shown}");
        assert!(shown.contains("mentor: ana-lopz"), "{shown}");
        assert!(shown.contains("did you mean `ana-lopez`?"), "{shown}");
    }
}
