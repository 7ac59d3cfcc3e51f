//! How `check` (and `build`) print problems: for people, as JSON lines for tools, or as GitHub
//! workflow commands so problems show inline on a pull request.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::diagnostic::{Problem, Severity, render_human, terminal_safe};

/// An output format for problems.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// For people: the offending line, underlined, with a hint; in colour on a terminal.
    #[default]
    Human,
    /// One JSON object per line, on standard output.
    Json,
    /// GitHub Actions workflow commands (`::error file=...`), on standard output.
    Github,
}

/// One problem as a JSON line.
#[derive(Serialize)]
struct JsonProblem<'a> {
    file: PathBuf,
    line: u32,
    column: u32,
    severity: Severity,
    code: &'static str,
    name: &'static str,
    path: Option<&'a str>,
    message: &'a str,
    hint: Option<&'a str>,
}

/// Prints `problems` in `format`. File names are shown relative to the folder the command was run
/// from (`dir` joined with the file), so tools can open them.
pub fn print(problems: &[Problem], format: Format, dir: &Path) {
    match format {
        Format::Human => eprint!("{}", human(problems, stderr_color())),
        Format::Json => {
            for p in problems {
                let line = JsonProblem {
                    file: shown(dir, &p.span.file),
                    line: p.span.line,
                    column: p.span.column,
                    severity: p.severity,
                    code: p.code.as_str(),
                    name: p.code.name(),
                    path: p.path.as_deref(),
                    message: &p.message,
                    hint: p.hint.as_deref(),
                };
                let json = serde_json::to_string(&line).expect("plain data serialises");
                println!("{}", json_ascii_controls(&json));
            }
        }
        Format::Github => {
            for p in problems {
                println!("{}", github(p, dir));
            }
        }
    }
}

/// Whether problems on standard error are shown in colour: on a terminal, unless `NO_COLOR` is set.
pub fn stderr_color() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

/// `problems` for people, as [`Format::Human`] prints them, with the count of errors and warnings
/// at the end; empty when there are none.
pub fn human(problems: &[Problem], color: bool) -> String {
    if problems.is_empty() {
        return String::new();
    }
    let errors = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    let warnings = problems.len() - errors;
    format!(
        "{}{}, {}\n",
        render_human(problems, color),
        plural(errors, "error", "errors"),
        plural(warnings, "warning", "warnings")
    )
}

/// How many warnings of one code `build` shows in full; past that it sums up the rest of that
/// code in one line. `check` lists every problem: it is the tool for reading them all.
pub const SHOWN_PER_CODE: usize = 20;

/// `problems` for people as [`human`] shows them, but with at most `per_code` warnings of each
/// code in full and, for each code past that, one line saying how many more there are and in how
/// many files, pointing to `mentorbook check`. Errors are all shown. At 10,000 pairs a build finds
/// thousands of warnings of a few codes; one block each is tens of thousands of lines nobody reads.
/// Only the problems shown are [placed](crate::diagnostic::place_all), so `problems` may be sorted
/// but not placed ([`crate::diagnostic::Problems::into_sorted_unplaced`]).
pub fn human_grouped(problems: &[Problem], color: bool, per_code: usize) -> String {
    use std::collections::{BTreeMap, HashSet};
    if problems.is_empty() {
        return String::new();
    }
    let mut seen: BTreeMap<&'static str, usize> = BTreeMap::new();
    // Per code past the limit: its name, how many more, in which files.
    // (The files in a hash set: at 10,000 pairs a build has thousands of warnings, and a tree of
    // paths compares them component by component, some 70 ms.)
    let mut more: BTreeMap<&'static str, (&'static str, usize, HashSet<&Path>)> = BTreeMap::new();
    let mut kept = Vec::new();
    for p in problems {
        if p.severity == Severity::Error {
            kept.push(p.clone());
            continue;
        }
        let n = seen.entry(p.code.as_str()).or_default();
        *n += 1;
        if *n <= per_code {
            kept.push(p.clone());
        } else {
            let entry = more
                .entry(p.code.as_str())
                .or_insert_with(|| (p.code.name(), 0, HashSet::new()));
            entry.1 += 1;
            entry.2.insert(&p.span.file);
        }
    }
    crate::diagnostic::place_all(&mut kept);
    let mut out = render_human(&kept, color);
    for (code, (name, n, files)) in &more {
        out.push_str(&format!(
            "... and {} more {code} {name} {} in {}; `mentorbook check` lists them all\n",
            thousands(*n),
            if *n == 1 { "warning" } else { "warnings" },
            plural_thousands(files.len(), "file", "files"),
        ));
    }
    let errors = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    let warnings = problems.len() - errors;
    out.push_str(&format!(
        "{}, {}\n",
        plural(errors, "error", "errors"),
        plural(warnings, "warning", "warnings")
    ));
    out
}

/// `1234` as `1,234`.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn plural_thousands(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", thousands(n), if n == 1 { one } else { many })
}

/// `1 pair`, `2 pairs`.
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn shown(dir: &Path, file: &Path) -> PathBuf {
    if file.is_absolute() || dir == Path::new(".") {
        return file.to_path_buf();
    }
    dir.join(file)
}

/// A GitHub Actions workflow command: `::error file=F,line=L,col=C,title=T::MESSAGE`.
fn github(p: &Problem, dir: &Path) -> String {
    let level = match p.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let file = shown(dir, &p.span.file).display().to_string();
    let mut props = format!("file={}", escape_property(&file));
    if p.span.line > 0 {
        props.push_str(&format!(",line={},col={}", p.span.line, p.span.column));
    }
    let title = match &p.path {
        Some(path) => format!("{} {} at {path}", p.code.as_str(), p.code.name()),
        None => format!("{} {}", p.code.as_str(), p.code.name()),
    };
    props.push_str(&format!(",title={}", escape_property(&title)));
    let mut message = p.message.clone();
    if let Some(h) = &p.hint {
        message.push_str("\nhint: ");
        message.push_str(h);
    }
    format!("::{level} {props}::{}", escape_data(&message))
}

/// JSON with the control characters that `serde_json` leaves as they are (DEL, C1, the
/// bidirectional-text controls) written as `\u` escapes: the same JSON value, safe on a terminal.
fn json_ascii_controls(json: &str) -> std::borrow::Cow<'_, str> {
    if !json.chars().any(crate::diagnostic::needs_escape) {
        return json.into();
    }
    let mut out = String::with_capacity(json.len() + 12);
    for c in json.chars() {
        if crate::diagnostic::needs_escape(c) {
            for unit in c.encode_utf16(&mut [0; 2]) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        } else {
            out.push(c);
        }
    }
    out.into()
}

/// Escaping of a workflow command's message, as the runner expects; control characters from the
/// program's files are [made visible](terminal_safe) first.
fn escape_data(s: &str) -> String {
    terminal_safe(s)
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escaping of a workflow command's property value.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Code, Span};

    #[test]
    fn past_the_limit_a_code_is_summed_up_in_one_line() {
        let problems: Vec<Problem> = (0..25)
            .map(|i| {
                let span = Span {
                    file: format!("content/pairs/p{}.yaml", i % 12).into(),
                    line: 1,
                    column: 1,
                };
                Problem::warning(Code::DateOrder, span, "late")
            })
            .collect();
        let text = human_grouped(&problems, false, 20);
        assert_eq!(text.matches("MB0301").count(), 21, "{text}");
        assert!(
            text.contains("... and 5 more MB0301 date-order warnings in 5 files; `mentorbook check` lists them all\n"),
            "{text}"
        );
        assert!(text.ends_with("0 errors, 25 warnings\n"), "{text}");
        assert_eq!(
            human_grouped(&problems[..3], false, 20),
            human(&problems[..3], false)
        );
        assert_eq!(thousands(1234567), "1,234,567");
    }

    #[test]
    fn github_commands_are_escaped() {
        let span = Span {
            file: "content/pairs/a,b.yaml".into(),
            line: 3,
            column: 7,
        };
        let p = Problem::warning(Code::DateOrder, span, "100% done:\nbut late").hint("fix it");
        assert_eq!(
            github(&p, Path::new("prog")),
            "::warning file=prog/content/pairs/a%2Cb.yaml,line=3,col=7,title=MB0301 date-order::100%25 done:%0Abut late%0Ahint: fix it"
        );
    }

    #[test]
    fn no_control_character_is_printed_raw() {
        let span = Span {
            file: "content/pairs/\u{1b}]0;x\u{7}.yaml".into(),
            line: 0,
            column: 0,
        };
        let p = Problem::error(Code::Yaml, span, "bad `\u{1b}[2J\u{9b}\u{7f}\u{202e}\r`");
        let github = github(&p, Path::new("."));
        assert!(
            !github.chars().any(crate::diagnostic::needs_escape),
            "{github}"
        );
        assert!(github.contains("\\u{1b}[2J"), "{github}");
        let json = serde_json::to_string(&p.message).unwrap();
        let json = json_ascii_controls(&json);
        assert!(!json.chars().any(crate::diagnostic::needs_escape), "{json}");
        assert_eq!(serde_json::from_str::<String>(&json).unwrap(), p.message);
    }
}
