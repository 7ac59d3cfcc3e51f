//! Problems found in a program, and how they are shown.
//!
//! Every check produces [`Problem`]s rather than stopping: a run collects them all, prints them with the
//! file, line, column, the offending line and a hint, and the worst severity decides the exit code.

use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

use serde::Serialize;

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
    /// A goal with no way to measure it.
    GoalWithoutMeasure,
    /// A goal with no deadline.
    GoalWithoutDeadline,
    /// A goal whose deadline has passed while it is still open.
    GoalOverdue,
    /// A goal whose measure is a vague verb with no number.
    VagueMeasure,
    /// A symbolic link in the program folder, which mentorbook does not follow.
    Symlink,
}

impl Code {
    /// Every code, in numeric order (the order of docs/problems.md).
    pub const ALL: [Code; 27] = [
        Code::Io,
        Code::Config,
        Code::Yaml,
        Code::MissingFile,
        Code::BadFileName,
        Code::FrontMatter,
        Code::Encoding,
        Code::BrokenLink,
        Code::Symlink,
        Code::UnknownPerson,
        Code::UnknownItem,
        Code::UnknownGoal,
        Code::DuplicateId,
        Code::WrongRole,
        Code::OverlappingMentee,
        Code::DateOrder,
        Code::OutOfRange,
        Code::MeetingOutsideDates,
        Code::DeadlineAfterEnd,
        Code::PhaseOutOfOrder,
        Code::ClosureWithoutSummary,
        Code::NoMeetingFrequency,
        Code::Template,
        Code::GoalWithoutMeasure,
        Code::GoalWithoutDeadline,
        Code::GoalOverdue,
        Code::VagueMeasure,
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
            Code::BrokenLink => "broken-link",
            Code::OverlappingMentee => "overlapping-mentee",
            Code::MeetingOutsideDates => "meeting-outside-dates",
            Code::DeadlineAfterEnd => "deadline-after-end",
            Code::PhaseOutOfOrder => "phase-out-of-order",
            Code::ClosureWithoutSummary => "closure-without-summary",
            Code::NoMeetingFrequency => "no-meeting-frequency",
            Code::GoalWithoutMeasure => "goal-without-measure",
            Code::GoalWithoutDeadline => "goal-without-deadline",
            Code::GoalOverdue => "goal-overdue",
            Code::VagueMeasure => "vague-measure",
            Code::Symlink => "symlink",
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
            Code::BrokenLink => "MB0106",
            Code::OverlappingMentee => "MB0206",
            Code::MeetingOutsideDates => "MB0303",
            Code::DeadlineAfterEnd => "MB0304",
            Code::PhaseOutOfOrder => "MB0305",
            Code::ClosureWithoutSummary => "MB0306",
            Code::NoMeetingFrequency => "MB0307",
            Code::GoalWithoutMeasure => "MB0501",
            Code::GoalWithoutDeadline => "MB0502",
            Code::GoalOverdue => "MB0503",
            Code::VagueMeasure => "MB0504",
            Code::Symlink => "MB0107",
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
    /// The file's text and where in it, to show the offending line.
    #[serde(skip)]
    labelled: Option<Labelled>,
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
            labelled: None,
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

    /// Attaches the file's text so the offending line can be shown.
    pub fn with_source(mut self, source: &Arc<str>) -> Self {
        self.labelled = Labelled::new(&self.span.file, source, self.span.line, self.span.column);
        let yaml = self
            .span
            .file
            .extension()
            .is_some_and(|e| e == "yaml" || e == "yml");
        if yaml && self.span.line > 0 && self.path.is_none() {
            self.path = crate::load::key_path::key_path(source, self.span.line, self.span.column);
        }
        self
    }
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

    /// Sorted by file, line and column, so output does not depend on thread timing.
    pub fn into_sorted(mut self) -> Vec<Problem> {
        self.0.sort_by(|a, b| {
            (&a.span.file, a.span.line, a.span.column, &a.message).cmp(&(
                &b.span.file,
                b.span.line,
                b.span.column,
                &b.message,
            ))
        });
        self.0
    }

    /// The problems, unsorted.
    pub fn iter(&self) -> impl Iterator<Item = &Problem> {
        self.0.iter()
    }
}

/// The message alone when the problem has a snippet (which shows where); otherwise the message is
/// prefixed with the file, so every problem names its file.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.labelled.is_none() {
            write!(f, "{}", self.span.file.display())?;
            if self.span.line > 0 {
                write!(f, ":{}:{}", self.span.line, self.span.column)?;
            }
            f.write_str(": ")?;
        }
        f.write_str(&self.message)
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
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.labelled
            .as_ref()
            .map(|l| &l.source as &dyn miette::SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        let l = self.labelled.as_ref()?;
        Some(Box::new(std::iter::once(
            miette::LabeledSpan::new_primary_with_span(self.path.clone(), l.span),
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

/// The source and the span miette underlines, made when a problem has a line and its file's text.
#[derive(Debug, Clone)]
struct Labelled {
    source: miette::NamedSource<Arc<str>>,
    span: miette::SourceSpan,
}

impl Labelled {
    fn new(file: &std::path::Path, text: &Arc<str>, line: u32, column: u32) -> Option<Self> {
        let line_start: usize = text
            .split_inclusive('\n')
            .take(usize::try_from(line).ok()?.checked_sub(1)?)
            .map(str::len)
            .sum();
        let rest = text.get(line_start..)?;
        let line_text = rest.split('\n').next().unwrap_or("");
        let col = usize::try_from(column).ok()?.saturating_sub(1);
        let offset = line_text
            .char_indices()
            .nth(col)
            .map_or(line_text.len(), |(i, _)| i);
        let token = line_text[offset..]
            .split(|c: char| c.is_whitespace() || c == ',' || c == ']' || c == '}')
            .next()
            .unwrap_or("")
            .len()
            .max(1);
        let name = file.display().to_string();
        Some(Labelled {
            source: miette::NamedSource::new(name, Arc::clone(text)),
            span: (line_start + offset, token).into(),
        })
    }
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
