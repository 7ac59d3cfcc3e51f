//! Every word of the interface comes from the strings file, so a language's file can replace all of
//! them. The bundled program is built with a program `i18n/en.toml` that replaces EVERY key of the
//! default strings with a marker (`ZZ<table>_<key>`, keeping its placeholders and plural forms);
//! then every page, calendar, chart and script data file of the public site (at its three levels),
//! the coordinators' and a pair's editions is read for English interface words left: the phrases
//! of the default strings file and a list of words the templates once wrote. A word the program's
//! own content also uses (its guide, phases, people and pairs are English) is left out, since a
//! page may show it as content.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use crate::harness::{Program, read_tree};

/// Words of the interface that the templates, the scripts and the Rust code once wrote, beyond the
/// phrases of the strings file (each is also checked as one of those when it is one).
const INTERFACE_WORDS: &[&str] = &[
    "Skip to content",
    "Private edition",
    "Dark mode",
    "Menu",
    "Handbook",
    "Home",
    "Guide",
    "Phases",
    "Pairs",
    "Blank workbook",
    "Breadcrumb",
    "Edit this page",
    "made with mentorbook",
    "Search",
    "Search the handbook",
    "Search results",
    "press /",
    "No results",
    "Nothing found",
    "Checklist",
    "Meetings",
    "Print",
    "Print this workbook",
    "Dashboard",
    "Goals",
    "Phase",
    "Sources",
    "Previous",
    "Next",
    "Done",
    "Date",
    "Rating",
    "Summary",
    "Status",
    "Month",
    "Share",
    "Progress",
    "Contents",
    "Signature",
    "Outcome",
    "Milestone",
    "Milestones",
    "Deadline",
    "Agenda",
    "Follow-ups",
    "Readiness",
    "Communication",
    "Boundaries",
    "Confidentiality",
    "Expectations",
    "Specific",
    "Measurable",
    "Attainable",
    "Realistic",
    "Timely",
    "Evaluations",
    "Concerns",
    "Coordinators",
    "Spreadsheets",
    "Calendar",
    "Started",
    "Planned end",
    "Closed",
    "Reflection",
    "Feedback form",
    "(private)",
    "Workbook",
    "Mentoring workbook",
    "Mentor",
    "Mentee",
    "Coordinator",
    "Both",
    "Any",
    "Sort by",
    "Last meeting",
    "Under way",
    "Not started",
    "In progress",
    "Achieved",
    "Dropped",
    "Ended",
    "Renewed",
    "Weekly",
    "Fortnightly",
    "Monthly",
    "Quarterly",
    "Today",
    "Now",
    "Page",
    "Charts",
    "The numbers",
    "Items done",
    "At a glance",
    "Goals achieved",
    "Meetings logged",
    "The four phases",
    "checklist items",
    "here now",
    "days ago",
    "of the whole checklist done",
    "Not yet",
    "not yet",
    "Not written",
    "Not agreed yet",
    "No goals",
    "No meetings",
    "No pairs yet",
    "On this page",
    "Questions to discuss",
    "Guidance",
    "only when",
    "E-mail",
    "Phone",
    "Notes",
    "Where",
    "Relationship",
    "SMART goals",
    "Partnership agreement",
    "Vision",
    "Closing the relationship",
    "Getting started",
    "Page not found",
];

/// The bundled program with a program strings file that replaces every key with a marker.
fn marked() -> Program {
    let program = Program::bundled();
    program.write("i18n/en.toml", marker_strings());
    program
}

/// The default strings with each value replaced by `ZZ<table>_<key>` and its placeholders; a
/// counted word keeps its forms, each marked the same way.
fn marker_strings() -> String {
    let default: toml::Table = toml::from_str(mentorbook::render::strings::DEFAULT).unwrap();
    let mut out = toml::Table::new();
    for (table, keys) in &default {
        let keys = keys.as_table().expect("every top-level entry is a table");
        let mut marked = toml::Table::new();
        for (key, value) in keys {
            let marker = |text: &str| {
                let mut m = format!("ZZ{table}_{key}");
                for name in placeholders(text) {
                    m.push_str(&format!(" {{{name}}} ZZ"));
                }
                toml::Value::String(m)
            };
            let value = match value {
                toml::Value::String(text) => marker(text),
                toml::Value::Table(forms) => toml::Value::Table(
                    forms
                        .iter()
                        .map(|(form, text)| (form.clone(), marker(text.as_str().unwrap())))
                        .collect(),
                ),
                other => panic!("[{table}] {key} is neither text nor forms: {other:?}"),
            };
            marked.insert(key.clone(), value);
        }
        out.insert(table.clone(), toml::Value::Table(marked));
    }
    toml::to_string(&out).unwrap()
}

/// The `{name}`s of a pattern.
fn placeholders(text: &str) -> Vec<&str> {
    text.split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .filter(|name| {
            !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        })
        .collect()
}

/// Every English phrase of the default strings: the text between placeholders, trimmed.
pub fn default_phrases() -> BTreeSet<String> {
    let default: toml::Table = toml::from_str(mentorbook::render::strings::DEFAULT).unwrap();
    let mut texts = Vec::new();
    // The editor's words are on the pages `serve --edit` makes, never in a build (editor_language
    // checks them there).
    for (_, keys) in default
        .iter()
        .filter(|(table, _)| !table.starts_with("edit"))
    {
        for value in keys.as_table().unwrap().values() {
            match value {
                toml::Value::String(s) => texts.push(s.clone()),
                toml::Value::Table(forms) => {
                    texts.extend(forms.values().filter_map(|v| v.as_str().map(str::to_owned)))
                }
                _ => {}
            }
        }
    }
    let mut phrases = BTreeSet::new();
    for text in texts {
        let mut literal = String::new();
        let mut rest = text.as_str();
        while let Some(open) = rest.find('{') {
            literal.push_str(&rest[..open]);
            literal.push('\u{0}');
            rest = rest[open..].split_once('}').map_or("", |(_, after)| after);
        }
        literal.push_str(rest);
        for part in literal.split('\u{0}') {
            let part = part.trim_matches(|c: char| !c.is_alphanumeric() && c != '(' && c != ')');
            if part.chars().filter(|c| c.is_alphabetic()).count() >= 3 {
                phrases.insert(part.to_owned());
            }
        }
    }
    phrases
}

/// Whether `phrase` is in `text` as whole words (not inside a longer word, such as a marker).
pub fn has_phrase(text: &str, phrase: &str) -> bool {
    let word = |c: char| c.is_alphanumeric() || c == '_';
    text.match_indices(phrase).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + phrase.len()..].chars().next();
        let starts = phrase.chars().next().is_some_and(word);
        let ends = phrase.chars().next_back().is_some_and(word);
        (!starts || !before.is_some_and(word)) && (!ends || !after.is_some_and(word))
    })
}

/// The text of everything the program wrote itself: a phrase found there may be its content.
fn content_text(root: &Path) -> String {
    let mut out = fs::read_to_string(root.join("book.toml")).unwrap();
    for bytes in read_tree(&root.join("content")).values() {
        out.push_str(&String::from_utf8_lossy(bytes));
        out.push('\n');
    }
    // Markdown and YAML fold lines and quote text: one space between words, as the pages have.
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn no_english_interface_word_is_left_when_every_key_is_replaced() {
    let program = marked();
    let root = program.root().to_path_buf();
    program.build_into("out-public").success();
    program
        .run(&[
            "build",
            "--audience",
            "coordinators",
            "-d",
            "out-coordinators",
        ])
        .success();
    program
        .run(&[
            "build",
            "--audience",
            "pair:ana-lopez-ben-okafor",
            "-d",
            "out-pair",
        ])
        .success();
    // The public site's other levels show other templates' words: a pair's progress only, names.
    program.patch("book.toml", "pairs = \"full\"", "pairs = \"progress\"");
    program.build_into("out-progress").success();
    program.patch("book.toml", "pairs = \"progress\"", "pairs = \"names\"");
    program.build_into("out-names").success();
    let content = content_text(&root);
    let mut phrases = default_phrases();
    phrases.extend(INTERFACE_WORDS.iter().map(|w| (*w).to_owned()));
    let checked: Vec<&String> = phrases
        .iter()
        .filter(|p| !has_phrase(&content, p))
        .collect();
    assert!(
        checked.len() > 250,
        "too few phrases left to check ({}): the content exclusion is too broad",
        checked.len()
    );
    for must in [
        "Checklist",
        "Print this workbook",
        "Search (press /)",
        "Dashboard",
        "No results",
    ] {
        assert!(
            checked.iter().any(|p| *p == must),
            "`{must}` must be among the checked phrases"
        );
    }

    let mut left: Vec<String> = Vec::new();
    let mut files = 0;
    let mut markers = 0;
    let editions = [
        "out-public",
        "out-coordinators",
        "out-pair",
        "out-progress",
        "out-names",
    ];
    for edition in editions {
        let dir: PathBuf = root.join(edition);
        for (path, bytes) in read_tree(&dir) {
            let Some(text) = crate::no_english::words_in(&path, &bytes) else {
                continue;
            };
            files += 1;
            markers += text.matches("ZZ").count();
            for phrase in &checked {
                if has_phrase(&text, phrase) {
                    left.push(format!("{edition}/{}: “{phrase}”", path.display()));
                }
            }
        }
    }
    assert!(files > 50, "only {files} files were read");
    assert!(
        markers > 1000,
        "only {markers} markers: the strings file was not read"
    );
    assert!(
        left.is_empty(),
        "{} English interface words are left (every key of the strings file was replaced):\n{}",
        left.len(),
        left.join("\n")
    );
}

#[test]
fn the_theme_scripts_write_no_english_of_their_own() {
    // The scripts of the default theme take every word they write from the page; their string
    // literals are selectors, attribute names and keys, never sentences for a reader.
    let dir = crate::harness::repo_root().join("themes/default/static");
    for name in [
        "search.js",
        "pairs-list.js",
        "mentors.js",
        "print.js",
        "theme.js",
    ] {
        let js = fs::read_to_string(dir.join(name)).unwrap();
        for line in js.lines().filter(|l| !l.trim_start().starts_with("//")) {
            for literal in line.split('"').skip(1).step_by(2) {
                // Class names ("pairs found"), the strict directive and selectors have spaces
                // too; words for a reader have a capital, punctuation or a space at an end.
                let spaced = literal.contains(' ')
                    && literal
                        .split(' ')
                        .any(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 3);
                let worded = literal.starts_with(' ')
                    || literal.ends_with(' ')
                    || literal
                        .chars()
                        .any(|c| c.is_uppercase() || ".,;:!?“”…".contains(c));
                let code =
                    literal == "use strict" || literal.contains('(') || literal.contains('[');
                assert!(
                    !(spaced && worded) || code,
                    "{name}: a sentence in the script: {literal:?}"
                );
            }
        }
    }
}
