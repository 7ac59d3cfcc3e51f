//! Reading one YAML file into a typed value, turning every failure into a located [`Problem`].

use std::path::Path;
use std::sync::Arc;

use serde::de::DeserializeOwned;

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
            max_depth: 64,
            max_nodes: 1_000_000,
            max_total_scalar_bytes: 64 * 1024 * 1024,
        },
    };
    serde_saphyr::from_str_with_options::<T>(text, options).map_err(|e| {
        let (line, column) = e
            .location()
            .map_or((0, 0), |l| (clamp(l.line()), clamp(l.column())));
        let mut message = bare_message(&e, line, column);
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
        let hint = hint_for(&message);
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
        // A tab sits between nodes: no key path describes it well.
        let mut p = p;
        if p.message.contains("a tab is used") {
            p.path = None;
        }
        match hint {
            Some(h) => p.hint(h),
            None => p,
        }
    })
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
        let top_level = crate::load::key_path::key_path(text, line, column)
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
    if message.contains("budget breached") {
        return Some("the file is too large or too deeply nested (or uses aliases that expand hugely); split it up".to_owned());
    }
    None
}
