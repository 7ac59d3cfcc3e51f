//! The slips people make when they write YAML by hand: a key with no `:` (`start 2026-09-01`,
//! `meetings` alone on a line), no space after the `:` (`start:2026-09-01`), a list item without
//! its `- `, a line indented out of step with its neighbours, a tab for indentation.
//!
//! The YAML parser reports these in its own words (`simple key expected ':'`), often a line late
//! and at a place its half-read structure names wrongly. When a file does not parse, this module
//! looks at the lines themselves, near where the parser stopped, says in plain words what is
//! wrong on which line, and names the key from the indentation (or names none, when the lines
//! around do not tell it for sure).

use serde_saphyr::granit_parser::Parser;

mod kinds;
mod lines;
mod path;

pub(crate) use kinds::Slip;
use kinds::{classify, no_space_after_colon};
use lines::{col, read_lines};
use path::path_at;

/// The place (1-based line and column) of the first syntax error of `text`, or `None` when its
/// YAML parses (whatever the values in it).
pub(crate) fn syntax_error(text: &str) -> Option<(u32, u32)> {
    for item in Parser::new_from_str(text) {
        if let Err(e) = item {
            let m = e.marker();
            return Some((
                u32::try_from(m.line()).unwrap_or(u32::MAX),
                u32::try_from(m.col() + 1).unwrap_or(u32::MAX),
            ));
        }
    }
    None
}

/// How many lines with content, before the one where the parser stopped, may hold the slip: the
/// parser notices a key without `:` on the next line with content, or a few lines on.
const LOOK_BACK: usize = 3;

/// The slip behind a syntax error that the parser reported on line `at` (1-based), if it is one
/// of the common ones.
pub(crate) fn find(text: &str, at: u32) -> Option<Slip> {
    let lines = read_lines(text);
    let stop = lines.iter().position(|l| l.no > at).unwrap_or(lines.len());
    let from = stop.saturating_sub(LOOK_BACK + 1);
    // The parser reports a tab at the end of the value before it, on the line above.
    let tab = lines[from..]
        .iter()
        .take(stop - from + 1)
        .find_map(|l| l.tab.map(|t| (l.no, t)));
    if let Some((line, tab)) = tab {
        return Some(Slip {
            line,
            column: col(tab),
            message: "a tab is used for indentation here".to_owned(),
            hint: "indent with spaces only: YAML does not allow tabs for indentation (most editors can turn tabs into spaces)".to_owned(),
            path: None,
        });
    }
    (from..stop).find_map(|i| classify(&lines, i))
}

/// A `key:value` slip on line `at` (1-based) of a file whose YAML parses but whose values do not
/// fit: `frequency:monthly` reads as the text `frequency:monthly`, not as a key and its value.
pub(crate) fn find_on_line(text: &str, at: u32) -> Option<Slip> {
    let lines = read_lines(text);
    let i = lines.iter().position(|l| l.no == at)?;
    no_space_after_colon(&lines, i)
}

/// The key path of the entry on line `at` (1-based), from the indentation alone; `None` when the
/// line holds no key or its place cannot be told for sure.
pub(crate) fn path_of_line(text: &str, at: u32) -> Option<String> {
    let lines = read_lines(text);
    let i = lines.iter().position(|l| l.no == at)?;
    let key = lines[i].key.map(|(k, _)| k)?;
    path_at(&lines, i, key)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slip(text: &str) -> Slip {
        let (line, _) = syntax_error(text).expect("a syntax error");
        find(text, line).unwrap_or_else(|| panic!("no slip found in:\n{text}"))
    }

    #[test]
    fn paths_come_from_the_indentation() {
        let text = "mentor: a\ngoals:\n  - id: x\n    milestones:\n      - title: t\n        done: 2025-01-01\nagreement:\n  meetings:\n    place: here\n";
        let lines = read_lines(text);
        let at = |no: u32| lines.iter().position(|l| l.no == no).unwrap();
        assert_eq!(path_at(&lines, at(1), "mentor").as_deref(), Some("mentor"));
        assert_eq!(
            path_at(&lines, at(6), "done").as_deref(),
            Some("goals[0].milestones[0].done")
        );
        assert_eq!(
            path_at(&lines, at(5), "title").as_deref(),
            Some("goals[0].milestones[0].title")
        );
        assert_eq!(
            path_at(&lines, at(9), "place").as_deref(),
            Some("agreement.meetings.place")
        );
        let compact = "goals:\n- id: x\n  title: y\n- id: z\n  title: w\n";
        let lines = read_lines(compact);
        assert_eq!(
            path_at(&lines, 4, "title").as_deref(),
            Some("goals[1].title")
        );
    }

    #[test]
    fn a_key_without_a_colon() {
        let s = slip("mentor: a\nstart 2026-09-01\nend: 2027-01-01\n");
        assert_eq!((s.line, s.path.as_deref()), (2, Some("start")));
        assert!(s.hint.contains("`start: 2026-09-01`"), "{s:?}");
        let s = slip(
            "goals:\n  - id: x\n    milestones:\n      - title: t\n        done: 2025-01-01\nmeetings\n  - date: 2025-01-01\n",
        );
        assert_eq!((s.line, s.path.as_deref()), (6, Some("meetings")));
        assert!(s.hint.contains("`meetings:`"), "{s:?}");
    }

    #[test]
    fn no_space_after_the_colon() {
        let s = slip("mentor: a\nstart:2026-09-01\nend: 2027-01-01\n");
        assert_eq!((s.line, s.column, s.path.as_deref()), (2, 6, Some("start")));
        assert!(s.hint.contains("`start: 2026-09-01`"), "{s:?}");
    }

    #[test]
    fn a_list_item_without_its_dash() {
        let s = slip(
            "meetings:\n  - date: 2025-01-01\n    title: a\n  date: 2025-02-01\n    title: b\n",
        );
        assert_eq!((s.line, s.path.as_deref()), (4, Some("meetings[1]")));
        let s = slip("meetings:\n  - date: 2025-01-01\n    agenda:\n      - one\n      two\n");
        assert_eq!(s.line, 5, "{s:?}");
    }

    #[test]
    fn indentation_out_of_step() {
        let s = slip("agreement:\n  expectations: x\n   boundaries: y\n");
        assert_eq!(
            (s.line, s.path.as_deref()),
            (3, Some("agreement.boundaries"))
        );
        let s = slip("agreement:\n    expectations: x\n  boundaries: y\n");
        assert_eq!((s.line, s.path), (3, None));
    }

    /// Every key of real pair files, broken in each of the common ways: whenever a slip names a
    /// key path, it is the path that key has in the unbroken file (never another key's).
    #[test]
    fn a_named_path_is_always_the_broken_keys_own() {
        // Read, not built in: the packaged crate leaves the test fixtures out.
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let files = [
            "tests/fixtures/minimal/content/pairs/ana-lopez-ben-okafor.yaml",
            "content/pairs/ana-lopez-ben-okafor.yaml",
            "src/scaffold/sample-pair.yaml",
        ]
        .map(|rel| std::fs::read_to_string(root.join(rel)).expect(rel));
        let mut named = 0;
        let mut wrong = Vec::new();
        for text in &files {
            let lines: Vec<&str> = text.lines().collect();
            for (i, line) in lines.iter().enumerate() {
                let lead = line.len() - line.trim_start().len();
                let body = line[lead..].strip_prefix("- ").unwrap_or(&line[lead..]);
                if !body.contains(": ") {
                    continue;
                }
                let key_col = line.len() - body.len();
                let no = u32::try_from(i + 1).unwrap();
                let truth = crate::diagnostic::key_path::key_path(text, no, col(key_col));
                let broken = [
                    line.replacen(": ", " ", 1),
                    line.replacen(": ", ":", 1),
                    format!(" {line}"),
                    line.replacen("- ", "", 1),
                    line.replacen(": ", ": a: ", 1),
                ];
                for b in broken.iter().filter(|b| *b != line) {
                    let mut changed = lines.clone();
                    changed[i] = b;
                    let changed = changed.join("\n") + "\n";
                    let Some((at, _)) = syntax_error(&changed) else {
                        continue;
                    };
                    let Some(slip) = find(&changed, at) else {
                        continue;
                    };
                    if slip.line != no {
                        continue;
                    }
                    if let Some(path) = &slip.path {
                        named += 1;
                        // The key itself, or (for an item that lost its dash) the item holding it.
                        let own = truth.as_deref().is_some_and(|t| {
                            t == path
                                || t.strip_prefix(path.as_str())
                                    .is_some_and(|r| r.starts_with('.'))
                        });
                        if !own {
                            wrong.push(format!(
                                "line {no} `{b}`: labelled `{path}`, but the key is {truth:?}"
                            ));
                        }
                    }
                }
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
        assert!(named > 50, "only {named} slips named a key");
    }

    /// Quoted text and bracketed lists that go on over several lines are text, not keys.
    #[test]
    fn values_over_several_lines_are_text() {
        let text =
            "notes: \"a long\nquoted: text\"\nagenda: [Ben's list,\n  b]\nstart 2025-01-01\n";
        let lines = read_lines(text);
        let texts: Vec<u32> = lines.iter().filter(|l| l.text).map(|l| l.no).collect();
        assert_eq!(texts, [2, 4]);
        let s = slip(text);
        assert_eq!((s.line, s.path.as_deref()), (5, Some("start")));
    }

    #[test]
    fn a_tab() {
        let s = slip("mentor: a\n\tmentee: b\n");
        assert_eq!((s.line, s.column, s.path), (2, 1, None));
    }
}
