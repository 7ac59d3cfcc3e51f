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
}
