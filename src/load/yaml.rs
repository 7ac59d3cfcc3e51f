//! Reading one YAML file into a typed value, turning every failure into a located [`Problem`].

use std::path::Path;
use std::sync::Arc;

use serde::de::DeserializeOwned;

use super::slip::Slip;
use crate::diagnostic::words::kind_in_words;
use crate::diagnostic::{Code, Problem, Span};

/// The text of a file that has been read, with the path it is reported under.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Relative to the program folder, as shown in messages.
    pub path: std::path::PathBuf,
    /// The file's text, without a byte-order mark.
    pub text: Arc<str>,
}

impl SourceFile {
    /// Reads `root/rel`, which must be UTF-8; a byte-order mark is dropped.
    pub fn read(root: &Path, rel: &Path) -> Result<SourceFile, Problem> {
        let whole = Span {
            file: rel.to_path_buf(),
            line: 0,
            column: 0,
        };
        let bytes = std::fs::read(root.join(rel)).map_err(|e| {
            Problem::error(
                Code::Io,
                whole.clone(),
                format!("cannot read the file: {e}"),
            )
        })?;
        let text = match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
                let good = String::from_utf8_lossy(good);
                let (line, column) = crate::config::line_column(&good, good.len());
                return Err(Problem::error(
                    Code::Encoding,
                    Span {
                        file: rel.to_path_buf(),
                        line,
                        column,
                    },
                    "the file is not valid UTF-8 text",
                )
                .hint("save the file as UTF-8 in your editor"));
            }
        };
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        Ok(SourceFile {
            path: rel.to_path_buf(),
            text: Arc::from(text),
        })
    }

    /// Parses the whole file as YAML into `T`.
    pub fn parse<T: DeserializeOwned>(&self) -> Result<T, Problem> {
        parse_str(&self.path, &self.text, 0, &self.text)
    }
}

/// Parses `text` as YAML into `T`. For YAML that starts part-way through a file (front matter),
/// `line_offset` is added to reported lines and `whole` is the file's full text for the snippet.
pub fn parse_str<T: DeserializeOwned>(
    file: &Path,
    text: &str,
    line_offset: u32,
    whole: &Arc<str>,
) -> Result<T, Problem> {
    let options = serde_saphyr::options! {
        budget: serde_saphyr::budget! {
            max_depth: MAX_DEPTH,
            max_nodes: MAX_NODES,
            max_total_scalar_bytes: MAX_TEXT_BYTES,
        },
    };
    serde_saphyr::from_str_with_options::<T>(text, options).map_err(|e| {
        // A line the parser could not read: first, the slips people make (no `:`, a missing
        // `- `, a tab...), found from the lines themselves.
        let (slip, syntax) = slip_behind(&e, text);
        if let Some(s) = slip {
            return slip_problem(file, s, line_offset, whole);
        }
        let (line, column) = e
            .location()
            .map_or((0, 0), |l| (clamp(l.line()), clamp(l.column())));
        let (mut message, mut hint) = match in_plain_words(&e) {
            Some((message, hint)) => (message, Some(hint)),
            None => (bare_message(&e, line, column), None),
        };
        let (line, column) = better_place(text, &message, line, column);
        if message == WHOLE_NUMBER
            && let Some(token) = token_at(text, line, column)
        {
            message = if token
                .trim_start_matches('-')
                .bytes()
                .all(|b| b.is_ascii_digit())
            {
                format!("`{token}` is out of the range this field accepts")
            } else {
                format!("{WHOLE_NUMBER}, not `{token}`")
            };
        }
        if hint.is_none() {
            hint = hint_for(&message);
        }
        if speaks_rust(&message) {
            // An error this module does not know yet: say what is sure, never the library's words.
            message = "this part of the file cannot be read as the value expected here".to_owned();
            hint = Some(
                "compare it with the same part of a working file, or with docs/format.md"
                    .to_owned(),
            );
        }
        let line = if line == 0 { 0 } else { line + line_offset };
        let p = Problem::error(
            Code::Yaml,
            Span {
                file: file.to_path_buf(),
                line,
                column,
            },
            message,
        )
        .with_source(whole);
        // Where the parser stopped, the structure it read so far names the last node it
        // finished, not the line at fault: the key written on that line, or none.
        let p = match syntax {
            true if p.message.contains("a tab is used") => p.without_key_path(),
            true => match super::slip::path_of_line(text, line.saturating_sub(line_offset)) {
                Some(path) => p.with_key_path(path),
                None => p.without_key_path(),
            },
            false => p,
        };
        match hint {
            Some(h) => p.hint(h),
            None => p,
        }
    })
}

/// The common slip behind `e`, if it is one, and whether the file has a syntax error at all.
fn slip_behind(e: &serde_saphyr::Error, text: &str) -> (Option<Slip>, bool) {
    use serde_saphyr::Error as E;
    // Not for a file too big or too repetitive to read: its lines are not the problem.
    let too_big = matches!(
        e.without_snippet(),
        E::Budget { .. }
            | E::AliasReplayCounterOverflow { .. }
            | E::AliasReplayLimitExceeded { .. }
            | E::AliasExpansionLimitExceeded { .. }
            | E::AliasReplayStackDepthExceeded { .. }
    );
    if too_big {
        return (None, false);
    }
    match super::slip::syntax_error(text) {
        Some((at, _)) => (super::slip::find(text, at), true),
        // The YAML reads, but a value does not fit: `frequency:monthly` is text, not a key.
        None => (
            e.location()
                .and_then(|l| super::slip::find_on_line(text, clamp(l.line()))),
            false,
        ),
    }
}

/// The problem for a slip, at its line in the whole file, labelled with its key or with none.
fn slip_problem(file: &Path, s: Slip, line_offset: u32, whole: &Arc<str>) -> Problem {
    let p = Problem::error(
        Code::Yaml,
        Span {
            file: file.to_path_buf(),
            line: s.line + line_offset,
            column: s.column,
        },
        s.message,
    )
    .with_source(whole)
    .hint(s.hint);
    match s.path {
        Some(path) => p.with_key_path(path),
        None => p.without_key_path(),
    }
}

/// The limits on one YAML file, documented in docs/format.md under "Limits".
const MAX_DEPTH: usize = 64;
const MAX_NODES: usize = 1_000_000;
const MAX_TEXT_BYTES: usize = 64 * 1024 * 1024;

/// Words that belong to Rust or to the YAML library, never to a message for a coordinator.
const INTERNAL_WORDS: &[&str] = &[
    "Option<",
    "from_str",
    "budget breached",
    "Breach",
    "Options",
    "deserializ",
    "struct ",
    "enum ",
    "scalar",
    "usize",
    "{ ",
];

/// Whether `message` still holds a library's internal vocabulary, outside the `quoted` values
/// taken from the file.
fn speaks_rust(message: &str) -> bool {
    let ours: String = message.split('`').step_by(2).collect::<Vec<_>>().join(" ");
    INTERNAL_WORDS.iter().any(|w| ours.contains(w))
}

/// The message and hint for the errors that the YAML library words for programmers (a type to
/// use, a function to call, a budget's field names).
fn in_plain_words(e: &serde_saphyr::Error) -> Option<(String, String)> {
    use serde_saphyr::Error as E;
    use serde_saphyr::budget::BudgetBreach as B;
    let e = match e.without_snippet() {
        E::AliasError { error, .. } => error.without_snippet(),
        other => other,
    };
    let too_big = |what: String| {
        Some((
            format!("the file is too big to read: {what}"),
            "split it into smaller files, or look for text pasted many times over (see \"Limits\" in docs/format.md)".to_owned(),
        ))
    };
    let aliases = || {
        Some((
            "the file's aliases (`*name`) repeat too much of it".to_owned(),
            "write the values out instead of repeating them with `&name` and `*name` (see \"Limits\" in docs/format.md)".to_owned(),
        ))
    };
    match e {
        E::NullIntoString { .. } | E::InvalidCharNull { .. } => Some((
            "this key has no value (`~` and `null` mean nothing)".to_owned(),
            "write the value after the `:`, or delete the line if the key is optional (docs/format.md says which are)".to_owned(),
        )),
        E::MultipleDocuments { .. } => Some((
            "the file holds a second YAML document: a line `---` starts a new one".to_owned(),
            "keep one document in a file: delete the `---` line, or move what follows it to a file of its own".to_owned(),
        )),
        E::UnknownAnchor { .. } => Some((
            "this alias (`*name`) refers to an anchor (`&name`) that is not defined before it".to_owned(),
            "define the anchor first, such as `key: &name value`, or write the value out".to_owned(),
        )),
        E::UnsupportedTag { tag, .. } => Some((
            format!("the tag `{tag}` is not supported"),
            "delete the tag: mentorbook reads plain values".to_owned(),
        )),
        E::Budget { breach, .. } => match breach {
            B::Depth { .. } => too_big(format!("it is nested more than {MAX_DEPTH} levels deep")),
            B::Nodes { .. } | B::Events { .. } => {
                too_big(format!("it holds more than {MAX_NODES} values"))
            }
            B::ScalarBytes { .. } | B::InputBytes { .. } => too_big(format!(
                "it holds more than {} MiB of text",
                MAX_TEXT_BYTES / (1024 * 1024)
            )),
            B::Aliases { .. }
            | B::Anchors { .. }
            | B::AliasAnchorRatio { .. }
            | B::MergeKeys { .. }
            | B::RecordedAnchorEvents { .. }
            | B::RecordedAnchorBytes { .. } => aliases(),
            _ => too_big("it is too large or too complex".to_owned()),
        },
        E::AliasReplayCounterOverflow { .. }
        | E::AliasReplayLimitExceeded { .. }
        | E::AliasExpansionLimitExceeded { .. }
        | E::AliasReplayStackDepthExceeded { .. } => aliases(),
        E::Unexpected { expected, .. } => {
            let (what, hint) = match *expected {
                "sequence start" => (
                    "expected a list here",
                    "write one item a line, each starting with `- `, or a list in brackets: `[a, b]`",
                ),
                "mapping start" => (
                    "expected `key: value` lines here",
                    "write the keys on the lines below, indented, such as `  title: ...`",
                ),
                "string scalar" | "scalar" | "value" => (
                    "expected a piece of text here (is a quote or a bracket left open?)",
                    "write the value on one line, in quotes if it contains `: ` or starts with `[`, `{`, `&`, `*` or `!`",
                ),
                _ => return None,
            };
            Some((what.to_owned(), hint.to_owned()))
        }
        E::ExternallyTaggedEnumExpectedScalarOrMapping { .. }
        | E::UnexpectedValueForUnitEnumVariant { .. } => Some((
            "expected one word from a fixed list here, not a list or `key: value` lines".to_owned(),
            "write the word on the same line as the key (docs/format.md lists the words allowed)".to_owned(),
        )),
        E::SerdeInvalidType {
            unexpected,
            expected,
            ..
        } => Some((
            format!(
                "expected {} here, not {}",
                kind_in_words(expected),
                kind_in_words(unexpected)
            ),
            "compare it with the same part of a working file, or with docs/format.md".to_owned(),
        )),
        E::TaggedScalarCannotDeserializeIntoString { .. } | E::TaggedEnumMismatch { .. } => Some((
            "a tag (a word starting with `!`) cannot be used on this value".to_owned(),
            "delete the tag: mentorbook reads plain values".to_owned(),
        )),
        E::InvalidBooleanStrict { .. } => Some((
            "expected `true` or `false` here".to_owned(),
            "write `true` or `false`".to_owned(),
        )),
        _ => None,
    }
}

fn clamp(n: u64) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The error's message without the " at line L, column C" that serde-saphyr adds (the location is
/// shown separately), in words for people rather than programmers.
fn bare_message(e: &serde_saphyr::Error, line: u32, column: u32) -> String {
    let full = e.without_snippet().to_string();
    // An error inside an alias says where it is used; that place is the problem's own location.
    let msg = full.replacen(&format!(" (used at line {line}, column {column})"), "", 1);
    let msg = msg.replacen(&format!(" at line {line}, column {column}"), "", 1);
    let msg = msg.trim();
    const PLAIN: &[(&str, &str)] = &[
        ("unknown field `", "unknown key `"),
        ("unknown variant `", "unknown value `"),
        ("missing field `", "missing key `"),
        (
            "expected string scalar",
            "expected a piece of text here (is a quote or a bracket left open?)",
        ),
        ("expected mapping start", "expected `key: value` lines here"),
        (
            "unexpected end of input",
            "the file ends where a value was expected (is it empty?)",
        ),
        (
            "while scanning a plain scalar, found a tab",
            "a tab is used for indentation here",
        ),
    ];
    let mut out = msg.to_owned();
    if let Some(rest) = out.strip_prefix("duplicate mapping key: ") {
        let key = rest.split(',').next().unwrap_or(rest).trim();
        out = format!("the key `{key}` is written twice here");
    }
    for (from, to) in PLAIN {
        out = out.replacen(from, to, 1);
    }
    for int in ["u8", "u16", "u32", "u64", "i64", "usize"] {
        out = out.replace(&format!("invalid {int}"), WHOLE_NUMBER);
    }
    out
}

/// Moves a few errors to where a person would look: a missing top-level key to the top of the
/// file (the parser notices it at the end), a tab to the tab itself (the parser reports the
/// scalar before it).
fn better_place(text: &str, message: &str, line: u32, column: u32) -> (u32, u32) {
    if message.starts_with("missing key") {
        let top_level = crate::diagnostic::key_path::key_path(text, line, column)
            .is_none_or(|p| !p.contains(['.', '[']));
        if top_level {
            let first = text.lines().position(|l| {
                let t = l.trim();
                !t.is_empty() && !t.starts_with('#') && t != "---"
            });
            return (first.map_or(1, |i| i as u32 + 1), 1);
        }
    }
    if message.contains("a tab is used") {
        let from = line.saturating_sub(1) as usize;
        let tab = text.lines().enumerate().skip(from).find_map(|(i, l)| {
            l.find('\t')
                .map(|c| (i as u32 + 1, l[..c].chars().count() as u32 + 1))
        });
        if let Some(at) = tab {
            return at;
        }
    }
    (line, column)
}

const WHOLE_NUMBER: &str = "expected a whole number";

/// The word written at a 1-based line and column, for naming a bad value.
fn token_at(text: &str, line: u32, column: u32) -> Option<&str> {
    let l = text
        .lines()
        .nth(usize::try_from(line).ok()?.checked_sub(1)?)?;
    let start = l
        .char_indices()
        .nth(usize::try_from(column).ok()?.checked_sub(1)?)?
        .0;
    let token = l[start..]
        .split(|c: char| c.is_whitespace() || c == ',' || c == ']' || c == '}')
        .next()?;
    Some(token).filter(|t| !t.is_empty())
}

/// A fix for the common mistakes: a misspelt key or value, a missing field, tabs.
fn hint_for(message: &str) -> Option<String> {
    if let Some(rest) = message
        .strip_prefix("unknown key `")
        .or_else(|| message.strip_prefix("unknown value `"))
    {
        let (given, expected) = rest
            .split_once("`, expected one of ")
            .or_else(|| rest.split_once("`, expected "))?;
        let candidates: Vec<&str> = expected.split(", ").map(|c| c.trim_matches('`')).collect();
        return Some(
            match crate::diagnostic::did_you_mean(given, candidates.iter().copied()) {
                Some(best) => format!("did you mean `{best}`?"),
                None => format!("use one of: {}", candidates.join(", ")),
            },
        );
    }
    if message.starts_with(WHOLE_NUMBER) {
        return Some(
            "write a whole number, without quotes or a decimal point, such as `4`".to_owned(),
        );
    }
    if message.contains("is out of the range this field accepts") {
        return Some("docs/format.md gives the numbers each field accepts".to_owned());
    }
    if message.contains("is too long for an id") {
        return Some(format!(
            "shorten it to {} characters or fewer: an id is a short name, and a longer description belongs in `title` or `name`",
            crate::model::ids::MAX_ID_LEN
        ));
    }
    if message.contains("is not a valid id") || message.starts_with("an id cannot be empty") {
        return Some(
            "write ids with lower-case letters `a-z`, digits and single dashes between words, such as `ana-lopez`".to_owned(),
        );
    }
    if let Some(field) = message.strip_prefix("missing key `") {
        let field = field.trim_end_matches('`');
        return Some(format!("add `{field}:` with a value (see docs/format.md)"));
    }
    if message.contains("mapping values are not allowed") {
        return Some(
            "put text that contains `: ` in quotes, for example `title: \"Goals: a draft\"`"
                .to_owned(),
        );
    }
    if message.contains("is written twice") {
        return Some(
            "keep one of them: the same key cannot be written twice in one place".to_owned(),
        );
    }
    if message.contains("a tab is used") {
        return Some("indent with spaces: YAML does not allow tabs for indentation".to_owned());
    }
    None
}
