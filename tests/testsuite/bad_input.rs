//! Broken programs: each kind of mistake is reported with its code, the file, line and column, the
//! offending line and a hint; every problem of a run is reported; and no input makes the tool panic.
//!
//! Each test starts from the `minimal` fixture and breaks one thing. The standard error of `check` is
//! snapshotted, and the `file:line:column` is also asserted explicitly so a wrong position fails with
//! a clear message even when someone accepts snapshots in bulk.

use crate::harness::Program;

const PAIR: &str = "content/pairs/ana-lopez-ben-okafor.yaml";

/// Runs `check` and `build` on a broken program. Both must exit with 1 and report the same problems,
/// and `build` must write nothing. Returns what `check` printed.
#[track_caller]
fn problems(program: &Program) -> String {
    let check = program.check();
    check.code(1).stderr_lacks("panicked");
    let build = program.build();
    build
        .code(1)
        .stderr_has("the site was not built; the previous output, if any, is unchanged");
    assert!(
        build.stderr.starts_with(&check.stderr),
        "build and check report different problems\n--- check ---\n{}\n--- build ---\n{}",
        check.stderr,
        build.stderr
    );
    assert!(
        !program.path("book").exists(),
        "a failed build wrote the site"
    );
    check.stderr.clone()
}

/// Asserts that `stderr` reports exactly one error, with `code` at `location` (`file:line:column`, or
/// a file alone for problems about a whole file).
#[track_caller]
fn assert_one_error(stderr: &str, code: &str, location: &str) {
    assert!(stderr.contains(code), "no {code} in:\n{stderr}");
    assert!(stderr.contains(location), "no {location} in:\n{stderr}");
    assert!(
        stderr.contains("\n1 error, "),
        "not exactly one error in:\n{stderr}"
    );
}

/// Asserts that `stderr` shows the offending `line` of the file, as written.
#[track_caller]
fn assert_shows_line(stderr: &str, line: &str) {
    assert!(
        stderr.lines().any(|l| l.ends_with(line)),
        "the offending line {line:?} is not shown in:\n{stderr}"
    );
}

#[test]
fn yaml_syntax_error() {
    let program = Program::fixture("minimal");
    program.patch(
        PAIR,
        "\n  place: Riverbank Coffee\n",
        "\n  place: Riverbank Coffee: by the river\n",
    );
    let err = problems(&program);
    assert_one_error(&err, "MB0101", &format!("{PAIR}:10:26"));
    assert!(err.contains("holds a colon followed by a space"), "{err}");
    assert_shows_line(&err, "place: Riverbank Coffee: by the river");
    insta::assert_snapshot!("yaml_syntax_error", err);
}

#[test]
fn unclosed_quote() {
    let program = Program::fixture("minimal");
    program.patch(PAIR, "start: 2025-01-05", "start: \"2025-01-05");
    let err = problems(&program);
    assert_one_error(&err, "MB0101", &format!("{PAIR}:3:8"));
    assert!(err.contains("unclosed quote"), "{err}");
    insta::assert_snapshot!("unclosed_quote", err);
}

#[test]
fn unknown_field_with_did_you_mean() {
    let program = Program::fixture("minimal");
    program.patch(PAIR, "    status: in_progress", "    statis: in_progress");
    let err = problems(&program);
    assert_one_error(&err, "MB0101", &format!("{PAIR}:22:5"));
    assert!(err.contains("`statis`"), "{err}");
    assert!(err.contains("help: did you mean `status`?"), "{err}");
    assert_shows_line(&err, "statis: in_progress");
    insta::assert_snapshot!("unknown_field", err);
}

#[test]
fn wrong_type() {
    let program = Program::fixture("minimal");
    program.patch(PAIR, "    rating: 4", "    rating: high");
    let err = problems(&program);
    assert_one_error(&err, "MB0101", &format!("{PAIR}:63:13"));
    assert_shows_line(&err, "rating: high");
    insta::assert_snapshot!("wrong_type", err);
}

#[test]
fn wrong_type_message_says_what_is_expected() {
    let program = Program::fixture("minimal");
    program.patch(PAIR, "    rating: 4", "    rating: high");
    let err = problems(&program);
    let message = err
        .lines()
        .find(|l| l.contains('×'))
        .expect("a message line");
    assert!(
        !message.contains("u8"),
        "the message names a Rust type: {message}"
    );
    assert!(
        message.contains("high") && message.contains("number"),
        "the message should name the value and say a number is expected: {message}"
    );
}

#[test]
fn rating_out_of_range() {
    let program = Program::fixture("minimal");
    program.patch(PAIR, "    rating: 4", "    rating: 9");
    let err = problems(&program);
    assert_one_error(&err, "MB0302", &format!("{PAIR}:63:13"));
    assert!(err.contains("a rating of 9 is out of range"), "{err}");
    assert!(
        err.contains("help: rate from 1 (poor) to 5 (excellent)"),
        "{err}"
    );
    insta::assert_snapshot!("rating_out_of_range", err);
}

#[test]
fn unknown_person_with_did_you_mean() {
    let program = Program::fixture("minimal");
    program.patch(PAIR, "mentee: ben-okafor", "mentee: ben-okafr");
    let err = problems(&program);
    assert_one_error(&err, "MB0201", &format!("{PAIR}:2:9"));
    assert!(err.contains("there is no person `ben-okafr`"), "{err}");
    assert!(err.contains("help: did you mean `ben-okafor`?"), "{err}");
    assert_shows_line(&err, "mentee: ben-okafr");
    insta::assert_snapshot!("unknown_person", err);
}

#[test]
fn unknown_person_without_a_close_match() {
    let program = Program::fixture("minimal");
    program.patch(PAIR, "    by: ben-okafor", "    by: zoe-quinn");
    let err = problems(&program);
    assert_one_error(&err, "MB0201", &format!("{PAIR}:62:9"));
    assert!(
        err.contains(
            "help: add `zoe-quinn` to content/people.yaml, or use the id of someone listed there"
        ),
        "{err}"
    );
}

#[test]
fn unknown_phase_in_progress() {
    let program = Program::fixture("minimal");
    program.patch(PAIR, "  negotiation:\n", "  negociation:\n");
    let err = problems(&program);
    assert_one_error(&err, "MB0101", &format!("{PAIR}:74:3"));
    assert!(err.contains("`negociation`"), "{err}");
    assert!(err.contains("help: did you mean `negotiation`?"), "{err}");
    insta::assert_snapshot!("unknown_phase_in_progress", err);
}

#[test]
fn progress_names_an_item_that_does_not_exist() {
    let program = Program::fixture("minimal");
    program.patch(PAIR, "    vision: 2025-02-03", "    vison: 2025-02-03");
    let err = problems(&program);
    assert_one_error(&err, "MB0202", &format!("{PAIR}:75:5"));
    assert!(
        err.contains("the negotiation checklist has no item `vison`"),
        "{err}"
    );
    assert!(err.contains("help: did you mean `vision`?"), "{err}");
    insta::assert_snapshot!("progress_unknown_item", err);
}

#[test]
fn progress_names_an_item_of_another_phase() {
    let program = Program::fixture("minimal");
    program.patch(
        PAIR,
        "    vision: 2025-02-03\n",
        "    vision: 2025-02-03\n    hold-meetings: 2025-03-01\n",
    );
    let err = problems(&program);
    assert_one_error(&err, "MB0202", &format!("{PAIR}:76:5"));
    assert!(
        err.contains("the negotiation checklist has no item `hold-meetings`"),
        "{err}"
    );
    assert!(
        err.contains(
            "help: `hold-meetings` is an item of the enabling phase: move it under `enabling:`"
        ),
        "{err}"
    );
    insta::assert_snapshot!("progress_item_of_another_phase", err);
}

#[test]
fn duplicate_person_ids() {
    let program = Program::fixture("minimal");
    let people = program.read("content/people.yaml");
    program.write(
        "content/people.yaml",
        format!("{people}  - id: ana-lopez\n    name: Ana Lopez-Smith\n    roles: [mentor]\n"),
    );
    let err = problems(&program);
    assert_one_error(&err, "MB0204", "content/people.yaml:15:9");
    assert!(err.contains("two people have the id `ana-lopez`"), "{err}");
    insta::assert_snapshot!("duplicate_person_ids", err);
}

#[test]
fn duplicate_checklist_item_ids_across_phases() {
    let program = Program::fixture("minimal");
    program.patch(
        "content/phases/closure.yaml",
        "  - id: celebrate",
        "  - id: first-meeting",
    );
    let err = problems(&program);
    assert_one_error(&err, "MB0204", "content/phases/closure.yaml:6:9");
    assert!(
        err.contains(
            "the checklist item id `first-meeting` is already used in the initiation phase"
        ),
        "{err}"
    );
    insta::assert_snapshot!("duplicate_checklist_item_ids", err);
}

#[test]
fn end_date_before_start() {
    let program = Program::fixture("minimal");
    program.patch(
        PAIR,
        "start: 2025-01-05\n",
        "start: 2025-01-05\nend: 2024-12-31\n",
    );
    let err = problems(&program);
    assert_one_error(&err, "MB0301", &format!("{PAIR}:4:6"));
    assert!(
        err.contains("the pair ends (2024-12-31) before it starts (2025-01-05)"),
        "{err}"
    );
    insta::assert_snapshot!("end_before_start", err);
}

#[test]
fn impossible_date() {
    let program = Program::fixture("minimal");
    program.patch(PAIR, "start: 2025-01-05", "start: 2025-02-30");
    let err = problems(&program);
    assert_one_error(&err, "MB0101", &format!("{PAIR}:3:8"));
    assert!(err.contains("`2025-02-30` is not a real date"), "{err}");
    insta::assert_snapshot!("impossible_date", err);
}

#[test]
fn date_in_the_wrong_format() {
    let program = Program::fixture("minimal");
    program.patch(PAIR, "    due: 2025-03-31", "    due: 31/03/2025");
    let err = problems(&program);
    assert_one_error(&err, "MB0101", &format!("{PAIR}:25:14"));
    assert!(
        err.contains("`31/03/2025` is not a date: write dates as YYYY-MM-DD"),
        "{err}"
    );
}

#[test]
fn unknown_goal_in_closure() {
    let program = Program::fixture("minimal");
    let pair = program.read(PAIR);
    program.write(
        PAIR,
        format!("{pair}closure:\n  goals_reached: [lead-surgery, lead-surgry]\n"),
    );
    let err = problems(&program);
    assert_one_error(&err, "MB0203", &format!("{PAIR}:78:33"));
    assert!(err.contains("this pair has no goal `lead-surgry`"), "{err}");
    assert!(err.contains("help: did you mean `lead-surgery`?"), "{err}");
}

#[test]
fn chapter_without_front_matter() {
    let program = Program::fixture("minimal");
    program.write(
        "content/guide/welcome.md",
        "# Welcome\n\nNo front matter here.\n",
    );
    let err = problems(&program);
    assert_one_error(&err, "MB0104", "content/guide/welcome.md:1:1");
    assert!(err.contains("the chapter has no front matter"), "{err}");
    insta::assert_snapshot!("chapter_without_front_matter", err);
}

#[test]
fn chapter_front_matter_never_closed() {
    let program = Program::fixture("minimal");
    program.write(
        "content/guide/welcome.md",
        "---\ntitle: Welcome\norder: 1\n\nText.\n",
    );
    let err = problems(&program);
    assert_one_error(&err, "MB0104", "content/guide/welcome.md:1:1");
    assert!(err.contains("the front matter is never closed"), "{err}");
}

#[test]
fn chapter_front_matter_errors_point_at_the_line_in_the_file() {
    let program = Program::fixture("minimal");
    program.patch("content/guide/welcome.md", "order: 1", "ordre: 1");
    let err = problems(&program);
    assert_one_error(&err, "MB0101", "content/guide/welcome.md:3:1");
    assert!(err.contains("help: did you mean `order`?"), "{err}");
    assert_shows_line(&err, "ordre: 1");
    insta::assert_snapshot!("chapter_front_matter_error", err);
}

#[test]
fn unknown_key_in_book_toml() {
    let program = Program::fixture("minimal");
    program.patch("book.toml", "title = ", "titel = ");
    let err = problems(&program);
    assert_one_error(&err, "MB0002", "book.toml:2:1");
    assert!(err.contains("unknown field `titel`"), "{err}");
    assert!(err.contains("help: did you mean `title`?"), "{err}");
    assert_shows_line(&err, "titel = \"Minimal Handbook\"");
    insta::assert_snapshot!("unknown_key_in_book_toml", err);
}

#[test]
fn unknown_theme_in_book_toml() {
    let program = Program::fixture("minimal");
    program.patch("book.toml", "theme = \"default\"", "theme = \"fancy\"");
    let err = problems(&program);
    assert_one_error(&err, "MB0002", "book.toml:9:10");
    assert!(err.contains("there is no theme `fancy`"), "{err}");
}

#[test]
fn a_base_url_that_is_not_a_web_address() {
    for bad in [
        "mentoring.example.org",
        "https://",
        "https://mentoring.example.org/a b",
        "https://x.org\\nBEGIN:VEVENT",
    ] {
        let program = Program::fixture("minimal");
        program.write(
            "book.toml",
            format!(
                "{}\n[site]\nbase-url = \"{bad}\"\n",
                program.read("book.toml")
            ),
        );
        let err = problems(&program);
        assert_one_error(&err, "MB0002", "book.toml:16:12");
        assert!(err.contains("is not a web address"), "{err}");
        assert!(err.contains("starting with https://"), "{err}");
    }
}

#[test]
fn unknown_paper_size_in_book_toml() {
    let program = Program::fixture("minimal");
    program.write(
        "book.toml",
        format!("{}\n[print]\npaper = \"a5\"\n", program.read("book.toml")),
    );
    let err = problems(&program);
    assert_one_error(&err, "MB0002", "book.toml:16:9");
    assert!(
        err.contains("unknown variant `a5`, expected `a4` or `letter`"),
        "{err}"
    );
}

#[test]
fn a_pair_named_like_a_pdf_of_the_site() {
    for name in ["handbook", "workbook"] {
        let program = Program::fixture("minimal");
        let pair = program.read(PAIR);
        program.remove(PAIR);
        program.write(format!("content/pairs/{name}.yaml"), pair);
        let err = problems(&program);
        assert_one_error(&err, "MB0103", &format!("content/pairs/{name}.yaml"));
        assert!(
            err.contains(&format!("a pair cannot be called `{name}`")),
            "{err}"
        );
        assert!(err.contains(&format!("pdf/{name}.pdf")), "{err}");
        if name == "handbook" {
            insta::assert_snapshot!("reserved_pair_id", err);
        }
    }
}

#[test]
fn missing_program_yaml() {
    let program = Program::fixture("minimal");
    program.remove("content/program.yaml");
    let err = problems(&program);
    assert_one_error(&err, "MB0102", "content/program.yaml: this file is missing");
    assert!(
        err.contains("help: describe the program in content/program.yaml"),
        "{err}"
    );
    insta::assert_snapshot!("missing_program_yaml", err);
}

#[test]
fn missing_phase_file() {
    let program = Program::fixture("minimal");
    program.remove("content/phases/enabling.yaml");
    let err = problems(&program);
    assert_one_error(
        &err,
        "MB0102",
        "content/phases/enabling.yaml: this file is missing",
    );
}

#[test]
fn file_name_that_is_not_an_id() {
    let program = Program::fixture("minimal");
    let pair = program.read(PAIR);
    program.remove(PAIR);
    program.write("content/pairs/Ana Ben.yaml", pair);
    let err = problems(&program);
    assert_one_error(&err, "MB0103", "content/pairs/Ana Ben.yaml: ");
    assert!(err.contains("`Ana Ben` is not a valid id"), "{err}");
    assert!(
        err.contains("help: rename the file to `ana-ben.yaml`"),
        "{err}"
    );
    insta::assert_snapshot!("file_name_not_an_id", err);
}

#[test]
fn file_name_message_does_not_repeat_itself() {
    let program = Program::fixture("minimal");
    let pair = program.read(PAIR);
    program.remove(PAIR);
    program.write("content/pairs/Ana Ben.yaml", pair);
    let err = problems(&program);
    assert_eq!(err.matches("not a valid id").count(), 1, "{err}");
}

#[test]
fn person_file_with_another_id() {
    let program = Program::fixture("minimal");
    program.write(
        "content/people/carol-nguyen.yaml",
        "id: carol\nname: Carol Nguyen\nroles: [coordinator]\n",
    );
    let err = problems(&program);
    assert_one_error(&err, "MB0103", "content/people/carol-nguyen.yaml:1:5");
    assert!(
        err.contains("the id `carol` differs from the file name `carol-nguyen`"),
        "{err}"
    );
}

#[test]
fn invalid_utf8() {
    let program = Program::fixture("minimal");
    program.write(
        PAIR,
        b"mentor: ana-lopez\nmentee: ben-okafor\nstart: 2025-01-05\nconcerns: caf\xe9 \xff\n",
    );
    let err = problems(&program);
    assert_one_error(&err, "MB0105", &format!("{PAIR}:4:14"));
    assert!(err.contains("the file is not valid UTF-8 text"), "{err}");
    assert!(err.contains("help: save the file as UTF-8"), "{err}");
    insta::assert_snapshot!("invalid_utf8", err);
}

#[test]
fn positions_are_right_in_a_file_with_a_bom_and_crlf_line_ends() {
    let program = Program::fixture("minimal");
    let pair = program
        .read(PAIR)
        .replace("mentee: ben-okafor", "mentee: ben-okafr");
    program.write(PAIR, format!("\u{feff}{}", pair.replace('\n', "\r\n")));
    let err = problems(&program);
    assert_one_error(&err, "MB0201", &format!("{PAIR}:2:9"));
    assert!(
        !err.contains('\r'),
        "a carriage return is printed:\n{err:?}"
    );
    assert!(!err.contains('\u{feff}'), "the byte-order mark is printed");
}

#[test]
fn several_problems_in_different_files_are_all_reported() {
    let program = Program::fixture("minimal");
    // 1. A YAML error in the pair.
    program.patch(PAIR, "    status: in_progress", "    statis: in_progress");
    // 2. A second pair with an unknown person and dates in the wrong order (2 problems).
    program.write(
        "content/pairs/ana-lopez-carl-weiss.yaml",
        "mentor: ana-lopez\nmentee: carl-weiss\nstart: 2025-06-01\nend: 2025-01-01\n",
    );
    // 3. A chapter without front matter.
    program.write("content/guide/second.md", "# Second\n");
    // 4. A duplicate person id.
    let people = program.read("content/people.yaml");
    program.write(
        "content/people.yaml",
        format!("{people}  - id: ben-okafor\n    name: Ben Again\n    roles: [mentee]\n"),
    );
    // 5. A duplicate checklist item.
    program.patch(
        "content/phases/closure.yaml",
        "  - id: celebrate",
        "  - id: vision",
    );
    // And a warning: a stray file.
    program.write("content/pairs/README.txt", "notes");

    let err = problems(&program);
    for location in [
        "content/guide/second.md:1:1",
        "content/pairs/ana-lopez-ben-okafor.yaml:22:5",
        "content/pairs/ana-lopez-carl-weiss.yaml:2:9",
        "content/pairs/ana-lopez-carl-weiss.yaml:4:6",
        "content/people.yaml:15:9",
        "content/phases/closure.yaml:6:9",
        "content/pairs/README.txt: this entry is ignored",
    ] {
        assert!(err.contains(location), "{location} is not reported:\n{err}");
    }
    assert!(err.contains("6 errors, 1 warning"), "{err}");
    assert_eq!(err.matches("  × ").count(), 6, "{err}");
    assert_eq!(err.matches("  ⚠ ").count(), 1, "{err}");
    // Sorted by file, so the output does not depend on thread timing.
    let positions: Vec<usize> = [
        "content/guide/second.md",
        "content/pairs/README.txt",
        "content/pairs/ana-lopez-ben-okafor.yaml",
        "content/pairs/ana-lopez-carl-weiss.yaml",
        "content/people.yaml",
        "content/phases/closure.yaml",
    ]
    .iter()
    .map(|f| err.find(f).unwrap())
    .collect();
    assert!(
        positions.is_sorted(),
        "problems are not sorted by file:\n{err}"
    );
    insta::assert_snapshot!("several_problems", err);
}

#[test]
fn pair_problems_are_reported_even_when_program_yaml_is_broken() {
    let program = Program::fixture("minimal");
    program.patch("content/program.yaml", "name:", "nmae:");
    program.patch(PAIR, "mentee: ben-okafor", "mentee: ben-okafr");
    let err = problems(&program);
    assert!(err.contains("content/program.yaml:1:1"), "{err}");
    assert!(err.contains(&format!("{PAIR}:2:9")), "{err}");
    assert!(err.contains("2 errors"), "{err}");
}

#[test]
fn an_error_in_an_alias_is_not_cut_off() {
    let program = Program::fixture("minimal");
    program.patch(
        PAIR,
        "    agenda: [Draft three goals]",
        "    agenda: [*intro]",
    );
    program.patch(
        PAIR,
        "    agenda: [Introductions, What each of us hopes for]",
        "    agenda: &intro [Introductions, What each of us hopes for]",
    );
    let err = problems(&program);
    let message = err
        .lines()
        .find(|l| l.contains('×'))
        .expect("a message line");
    assert!(
        !message.trim_end().ends_with("(used"),
        "the message is cut off: {message}"
    );
    assert!(err.contains(&format!("{PAIR}:58:14")), "{err}");
}

#[test]
fn a_huge_default_length_is_an_error_not_a_panic() {
    let program = Program::fixture("minimal");
    program.patch(
        "content/program.yaml",
        "default_length_months: 12",
        "default_length_months: 300000",
    );
    let err = problems(&program);
    assert!(err.contains("content/program.yaml"), "{err}");
    assert!(err.contains("default_length_months"), "{err}");
}

/// Inputs that must never crash the tool.
fn garbage() -> Vec<(&'static str, Vec<u8>)> {
    let binary: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let mut bomb = String::from("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (prev, name) in ["a", "b", "c", "d", "e", "f", "g", "h"]
        .iter()
        .zip(["b", "c", "d", "e", "f", "g", "h", "i"])
    {
        let refs = vec![format!("*{prev}"); 9].join(", ");
        bomb.push_str(&format!("{name}: &{name} [{refs}]\n"));
    }
    let mut typed_bomb = String::from(
        "mentor: ana-lopez\nmentee: ben-okafor\nstart: 2025-01-05\nmeetings:\n  - date: 2025-01-01\n    agenda: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n",
    );
    for i in 1..12 {
        let refs = vec![format!("*a{}", i - 1); 10].join(", ");
        typed_bomb.push_str(&format!(
            "  - date: 2025-01-01\n    agenda: &a{i} [{refs}]\n"
        ));
    }
    let deep_flow = format!("mentor: {}x{}\n", "[".repeat(200), "]".repeat(200));
    let deep_map = format!("concerns: {}x{}\n", "{a: ".repeat(200), "}".repeat(200));
    let mut deep_block = String::from("mentor: ana-lopez\nconcerns:\n");
    for i in 0..200 {
        deep_block.push_str(&format!("{}k{i}:\n", "  ".repeat(i + 1)));
    }
    vec![
        ("binary bytes", binary),
        ("NUL bytes", vec![0; 64]),
        ("empty file", Vec::new()),
        ("only a byte-order mark", "\u{feff}".into()),
        ("only whitespace", b"   \n\n\t\n".to_vec()),
        ("null document", b"~\n".to_vec()),
        (
            "several documents",
            b"---\na: 1\n---\nb: 2\n...\n---\n".to_vec(),
        ),
        ("a list", b"- a\n- b\n".to_vec()),
        ("a tab", b"mentor:\tana-lopez\n\tmentee: x\n".to_vec()),
        ("alias bomb", bomb.into_bytes()),
        ("alias bomb in a typed field", typed_bomb.into_bytes()),
        ("undefined alias", b"mentor: *nowhere\n".to_vec()),
        ("200 nested lists", deep_flow.into_bytes()),
        ("200 nested maps", deep_map.into_bytes()),
        ("200 nested block maps", deep_block.into_bytes()),
        ("invalid UTF-8", b"mentor: ana\xff\xfe-lopez\n".to_vec()),
        ("lone surrogate", b"mentor: \"\\ud800\"\n".to_vec()),
        ("a custom tag", b"mentor: !person ana-lopez\n".to_vec()),
        (
            "a huge number",
            b"rating: 99999999999999999999999999999\n".to_vec(),
        ),
        (
            "a long line",
            format!("mentor: {}\n", "a".repeat(200_000)).into_bytes(),
        ),
        ("an unterminated front matter", b"---\ntitle: x\n".to_vec()),
        ("only dashes", b"---\n---\n".to_vec()),
        ("a TOML table", b"[book\ntitle = \n".to_vec()),
        (
            "far-future dates",
            b"mentor: ana-lopez\nmentee: ben-okafor\nstart: 9999-12-31\n".to_vec(),
        ),
        (
            "year zero",
            b"mentor: ana-lopez\nmentee: ben-okafor\nstart: 0000-01-01\nend: 0000-01-01\n".to_vec(),
        ),
    ]
}

#[test]
fn garbage_never_panics() {
    let targets = [
        PAIR,
        "content/people.yaml",
        "content/program.yaml",
        "content/phases/enabling.yaml",
        "content/guide/welcome.md",
        "book.toml",
    ];
    let program = Program::fixture("minimal");
    let mut crashes = Vec::new();
    for target in targets {
        let original = std::fs::read(program.path(target)).unwrap();
        for (what, bytes) in garbage() {
            program.write(target, &bytes);
            let run = program.check();
            if !matches!(run.code, Some(0 | 1)) || run.stderr.contains("panicked") {
                crashes.push(format!(
                    "{what} in {target}: exit {:?}\n{}",
                    run.code, run.stderr
                ));
            }
        }
        program.write(target, original);
    }
    assert!(crashes.is_empty(), "{}", crashes.join("\n\n"));
}

#[test]
fn garbage_in_a_pair_does_not_panic_the_build() {
    let program = Program::fixture("minimal");
    for (what, bytes) in garbage() {
        program.write(PAIR, &bytes);
        let run = program.build();
        assert!(
            matches!(run.code, Some(0 | 1)) && !run.stderr.contains("panicked"),
            "{what}: exit {:?}\n{}",
            run.code,
            run.stderr
        );
    }
}

#[test]
fn a_byte_order_mark_and_crlf_line_ends_are_fine() {
    let program = Program::fixture("minimal");
    for file in [
        PAIR,
        "content/people.yaml",
        "content/program.yaml",
        "content/phases/initiation.yaml",
        "content/guide/welcome.md",
        "book.toml",
    ] {
        let text = program.read(file);
        program.write(file, format!("\u{feff}{}", text.replace('\n', "\r\n")));
    }
    program.check().success().stderr_lacks("warning");
    program.build().success();
    let chapter = program.read("book/guide/welcome/index.html");
    assert!(chapter.contains("<h1"), "{chapter}");
    assert!(chapter.contains("Welcome"));
    assert!(
        !chapter.contains("title: Welcome"),
        "the front matter is shown"
    );
    let vision = program.read("book/pairs/ana-lopez-ben-okafor/negotiation/index.html");
    assert!(vision.contains("<strong>soft-tissue list</strong>"));
    assert!(!vision.contains('\r'));
}

/// The minimal program with a theme `broken` whose `pair.html` is `template`.
fn with_pair_template(template: &str) -> Program {
    let program = Program::fixture("minimal");
    program.patch("book.toml", "theme = \"default\"", "theme = \"broken\"");
    program.write("themes/broken/templates/pair.html", template);
    program
}

#[test]
fn template_error() {
    let program = with_pair_template(
        "{% extends \"base.html\" %}{% block content %}\n<p>\n{{ page.no_such_field }}</p>{% endblock %}\n",
    );
    // `check` does not render, so only `build` sees template errors.
    program.check().success();
    let build = program.build();
    build.code(1).stderr_lacks("panicked");
    assert_one_error(
        &build.stderr,
        "MB0401",
        "themes/broken/templates/pair.html:3:9",
    );
    assert!(
        build
            .stderr
            .contains("Field `no_such_field` is not defined"),
        "{}",
        build.stderr
    );
    assert!(!program.path("book").exists());
    insta::assert_snapshot!("template_error", build.stderr);
}

#[test]
fn unknown_filter_names_the_template_file() {
    let program = with_pair_template(
        "{% extends \"base.html\" %}{% block content %}\n<p>\n{{ pair | no_such_filter }}</p>{% endblock %}\n",
    );
    let build = program.build();
    build.code(1);
    assert_one_error(
        &build.stderr,
        "MB0401",
        "themes/broken/templates/pair.html:3:11",
    );
    build.stderr_lacks("themes: error:").stderr_has("help: ");
}
