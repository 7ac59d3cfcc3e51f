//! Property tests: whatever bytes a coordinator (or an attacker) puts in a file, loading either
//! succeeds or returns located problems; it never panics. CI runs these; `fuzz/` holds the
//! coverage-guided fuzz target that explores the same loader for longer.

use std::path::Path;
use std::sync::Arc;

use mentorbook::load::yaml::{SourceFile, parse_str};
use mentorbook::model::person::PeopleFile;
use mentorbook::model::{PairFile, PhaseFile, ProgramInfo};
use proptest::prelude::*;

const PAIR: &str = include_str!("../fixtures/minimal/content/pairs/ana-lopez-ben-okafor.yaml");

/// Parses `text` as every kind of file; each must return Ok or a problem with a sane location.
fn load_all_kinds(text: &str) {
    let whole: Arc<str> = Arc::from(text);
    let file = Path::new("content/pairs/x.yaml");
    let lines = u32::try_from(text.lines().count()).unwrap_or(u32::MAX) + 1;
    let check = |r: Result<(), mentorbook::diagnostic::Problem>| {
        if let Err(p) = r {
            assert!(
                p.span.line <= lines,
                "line {} past the end ({lines}) for {text:?}",
                p.span.line
            );
            assert!(!p.message.is_empty());
        }
    };
    check(parse_str::<PairFile>(file, text, 0, &whole).map(drop));
    check(parse_str::<PeopleFile>(file, text, 0, &whole).map(drop));
    check(parse_str::<PhaseFile>(file, text, 0, &whole).map(drop));
    check(parse_str::<ProgramInfo>(file, text, 0, &whole).map(drop));
    if text.lines().count() < 200 {
        let _ = mentorbook::diagnostic::key_path::key_path(text, 3, 5);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, .. ProptestConfig::default() })]

    #[test]
    fn any_text_loads_or_fails_cleanly(text in "\\PC{0,400}") {
        load_all_kinds(&text);
    }

    #[test]
    fn yaml_like_text_loads_or_fails_cleanly(text in "([a-z_]{1,8}: ?[-:\\[\\]{}&*!|>'\"#0-9a-z ]{0,12}\n {0,6}){0,30}") {
        load_all_kinds(&text);
    }

    #[test]
    fn a_damaged_pair_file_loads_or_fails_cleanly(cuts in proptest::collection::vec((0usize..PAIR.len(), "[\\PC\t\n]{0,6}"), 1..6)) {
        let mut text = PAIR.to_owned();
        for (at, insert) in cuts {
            let at = (0..=at.min(text.len())).rev().find(|i| text.is_char_boundary(*i)).unwrap_or(0);
            text.insert_str(at, &insert);
        }
        load_all_kinds(&text);
    }

    #[test]
    fn any_bytes_as_a_file_load_or_fail_cleanly(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("x.yaml"), &bytes).unwrap();
        match SourceFile::read(dir.path(), Path::new("x.yaml")) {
            Ok(file) => load_all_kinds(&file.text),
            Err(p) => prop_assert!(p.message.contains("UTF-8") || p.message.contains("read")),
        }
    }

    /// A spreadsheet of any text reads as a table whose rows are as wide as its header, with
    /// every cell placed inside the file, or fails with located problems.
    #[test]
    fn any_text_as_a_spreadsheet_reads_or_fails_cleanly(text in "[a-z ,;\"\r\n\t]{0,200}") {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.csv");
        std::fs::write(&path, &text).unwrap();
        let mut problems = mentorbook::diagnostic::Problems::default();
        let lines = u32::try_from(text.lines().count()).unwrap_or(u32::MAX) + 1;
        if let Some(table) = mentorbook::import::table::read(&path, &mut problems) {
            for row in &table.rows {
                prop_assert_eq!(row.cells.len(), table.header.len());
                prop_assert_eq!(row.places.len(), table.header.len());
                for place in &row.places {
                    prop_assert!(place.line >= 1 && place.line <= lines);
                }
            }
        }
        for p in problems.iter() {
            prop_assert!(p.span.line <= lines, "{:?}", p);
        }
    }

    /// Merging values into any mapping of simple `key: value` lines gives YAML that reads back
    /// with the new values, and every line the merge does not concern as it was.
    #[test]
    fn a_merge_changes_only_what_it_sets(
        keys in proptest::collection::btree_map("[a-e]", "[a-z]{1,5}", 1..5),
        nested in proptest::collection::btree_map("[a-c]", "[a-z]{1,5}", 0..3),
        comment in "( *#[a-z ]{0,8})?",
        set in proptest::collection::vec(("[a-f]", proptest::option::of("[a-c]"), "[a-z0-9 ]{1,6}"), 1..4),
    ) {
        use mentorbook::yaml_edit::{Document, Entries, Value, apply};
        let mut text = String::new();
        for (k, v) in &keys {
            text.push_str(&format!("{k}: {v}{comment}\n"));
        }
        if !nested.is_empty() {
            text.push_str("n:\n");
            for (k, v) in &nested {
                text.push_str(&format!("  {k}: {v}\n"));
            }
        }
        let mut entries = Entries::default();
        let mut wanted: Vec<(Vec<String>, String)> = Vec::new();
        for (key, inner, value) in &set {
            // A key set twice keeps its last value; a nested key under `n` only.
            let path: Vec<String> = match inner {
                Some(i) => vec!["n".to_owned(), i.clone()],
                None if key == "n" => continue,
                None => vec![key.clone()],
            };
            let steps: Vec<&str> = path.iter().map(String::as_str).collect();
            entries.set(&steps, Value::Text(value.clone()));
            wanted.retain(|(p, _)| *p != path);
            wanted.push((path, value.clone()));
        }
        let doc = Document::parse(&text).unwrap();
        let edits = doc.merge(&[], &entries).unwrap();
        let out = apply(&text, &edits);
        let read = Document::parse(&out).unwrap();
        for (path, value) in &wanted {
            let steps: Vec<mentorbook::yaml_edit::Step> = path.iter().map(|p| p.as_str().into()).collect();
            prop_assert_eq!(read.get(&steps).and_then(|n| n.as_str()), Some(value.as_str()), "{}", out);
        }
        // Every line of the original that holds no key set is still there, in order.
        let touched = |line: &str| wanted.iter().any(|(p, _)| {
            let key = p.last().unwrap();
            line.trim_start().starts_with(&format!("{key}:"))
        });
        let kept: Vec<&str> = text.lines().filter(|l| !touched(l)).collect();
        let mut rest = out.lines().filter(|l| !touched(l));
        for line in kept {
            prop_assert!(rest.any(|l| l == line), "{:?} lost from\n{}", line, out);
        }
    }
}
