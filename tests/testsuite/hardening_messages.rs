//! What a problem prints, whatever the file holds: a place past column 65,535 is shown cut to a
//! window (not a panic), control characters from a file never reach the terminal raw, and every
//! message is worded for a coordinator, never in Rust's or the YAML library's vocabulary.

use crate::harness::Program;

const PAIR: &str = "content/pairs/ana-lopez-ben-okafor.yaml";
const AGENDA: &str = "    agenda: [Draft three goals]";

/// A flow list of `items` items named with `word`, long enough to put what follows far right.
fn long_list(word: &str, items: usize) -> String {
    (0..items)
        .map(|i| format!("{word}{i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The 1-based column (in characters) of `needle` on the line of `text` that holds it.
fn column_of(line: &str, needle: &str) -> usize {
    line[..line.find(needle).expect("needle on the line")]
        .chars()
        .count()
        + 1
}

/// Asserts that no printed line is long: long lines are cut to a window.
#[track_caller]
fn assert_lines_are_short(out: &str) {
    let longest = out.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    assert!(longest < 300, "a line of {longest} characters was printed");
}

#[test]
fn an_error_past_column_65535_is_located_not_a_panic() {
    let program = Program::fixture("minimal");
    let line = format!("    agenda: [{}, bad: x: y]", long_list("item", 9_000));
    program.patch(PAIR, AGENDA, &line);
    let col = column_of(&line, "bad");
    assert!(col > 70_000, "column {col}");
    let check = program.check();
    check.code(1).stderr_lacks("panicked");
    check.stderr_has(&format!("{PAIR}:58:{col}"));
    check.stderr_has("…");
    check.stderr_has("item8999, bad: x: y]");
    assert_lines_are_short(&check.stderr);
    // The other formats say the same place.
    let json = program.run(&["check", "--format", "json"]);
    json.code(1);
    assert!(
        json.stdout
            .contains(&format!("\"line\":58,\"column\":{col},")),
        "{}",
        json.stdout
    );
}

/// Variants: the long line first in the file, or in the middle; text of one, two, three and four
/// bytes a character; columns just under and over 65,535, and far beyond; a parse error, and a
/// problem found by the checks after loading (a warning, so `check` succeeds).
#[test]
fn long_lines_at_any_column_and_in_any_script_are_shown_cut() {
    let words = ["item", "étape", "会議", "🙂x"];
    for (n, word) in words.iter().enumerate() {
        for items in [6_000, 9_000, 30_000] {
            let list = long_list(word, items + n * 10);
            // An unknown key far right on the first line of the file.
            let program = Program::fixture("minimal");
            let first = format!("first_meeting: {{date: 2025-01-20, place: \"{list}\", bad: 1}}");
            program.patch(
                PAIR,
                "first_meeting:\n  date: 2025-01-20\n  place: Riverbank Coffee\n  notes: Ben was nervous to start with.\n",
                "",
            );
            let text = program.read(PAIR);
            program.write(PAIR, format!("{first}\n{text}"));
            let check = program.check();
            check.code(1).stderr_lacks("panicked");
            let col = column_of(&first, "bad");
            check.stderr_has(&format!("{PAIR}:1:{col}"));
            assert_lines_are_short(&check.stderr);

            // A warning found after loading, far right in the middle of the file.
            let program = Program::fixture("minimal");
            let line = format!("  - {{agenda: [{list}], date: 2024-01-01}}");
            program.patch(
                PAIR,
                "  - date: 2025-02-12\n    agenda: [Draft three goals]\n    follow_ups: [Ana books theatre time]\n",
                &format!("{line}\n"),
            );
            let check = program.check();
            check.code(0).stderr_lacks("panicked");
            let col = column_of(&line, "2024-01-01");
            check.stderr_has(&format!("{PAIR}:57:{col}"));
            check.stderr_has("MB0303");
            check.stderr_has("2024-01-01");
            assert_lines_are_short(&check.stderr);
        }
    }
}

/// The bytes a file must never send to a terminal: C0 controls but tab and line feed, DEL, C1.
fn raw_controls(s: &str) -> Vec<char> {
    s.chars()
        .filter(|&c| c.is_control() && c != '\n' && c != '\t')
        .collect()
}

/// A program whose files hold a title-setting sequence (ESC ] 0 ; title BEL), NUL, CSI sequences
/// (ESC [ 2 J, and the one-character CSI of C1), DEL and a right-to-left override: written raw in a
/// line shown, written as YAML escapes in a value quoted by a message, and in a file name.
fn hostile_programs() -> Vec<Program> {
    let nasty = "\u{1b}]0;pwned\u{7}\u{0}\u{1b}[2J\u{9b}31m\u{7f}\u{202e}";
    let raw = Program::fixture("minimal");
    raw.patch(
        PAIR,
        "  place: Riverbank Coffee\n  notes",
        &format!("  place: Riverbank {nasty} Coffee\n  notes"),
    );
    let quoted = Program::fixture("minimal");
    quoted.patch(
        PAIR,
        "mentee: ben-okafor",
        "mentee: \"ben\\e]0;pwned\\a\\0\\e[2J\\x9b31m\\x7f\\u202e\"",
    );
    let unknown_key = Program::fixture("minimal");
    unknown_key.patch(
        PAIR,
        "    status: in_progress",
        "    \"st\\e]0;pwned\\atus\": in_progress",
    );
    let named = Program::fixture("minimal");
    named.write(
        format!("content/pairs/x{}.yaml", "\u{1b}]0;pwned\u{7}\u{1b}[2J"),
        "mentor: ana-lopez\n",
    );
    let long = Program::fixture("minimal");
    long.patch(
        PAIR,
        AGENDA,
        &format!("    agenda: [{}, {nasty} x: y]", long_list("item", 8_000)),
    );
    vec![raw, quoted, unknown_key, named, long]
}

#[test]
fn no_control_character_from_a_file_reaches_the_terminal() {
    for program in hostile_programs() {
        for format in ["human", "json", "github"] {
            let run = program.run(&["check", "--format", format]);
            run.stderr_lacks("panicked");
            assert_ne!(run.code, Some(0), "{}", run.stderr);
            for (name, out) in [("stderr", &run.stderr), ("stdout", &run.stdout)] {
                assert!(
                    raw_controls(out).is_empty(),
                    "raw {:?} on {name} with --format {format}:\n{out}",
                    raw_controls(out)
                );
            }
            let all = format!("{}{}", run.stdout, run.stderr);
            assert!(
                all.contains("\\u{1b}") || all.contains("\\u001b"),
                "the escape is not shown visibly with --format {format}:\n{all}"
            );
        }
    }
}

/// In colour (as on a terminal) too: only the colour codes mentorbook writes itself are there, and
/// the column markers still line up with the escaped text.
#[test]
fn colour_output_escapes_control_characters_and_keeps_markers_aligned() {
    for program in hostile_programs() {
        let (_, problems) = mentorbook::load_program(program.root());
        let problems = problems.into_sorted();
        assert!(!problems.is_empty());
        for color in [true, false] {
            let out = mentorbook::report::human(&problems, color);
            // Remove mentorbook's own colour sequences (ESC [ ... m), then nothing raw is left.
            let mut plain = String::new();
            let mut rest = out.as_str();
            while let Some(at) = rest.find('\u{1b}') {
                plain.push_str(&rest[..at]);
                let after = &rest[at + 1..];
                assert!(
                    after.starts_with('['),
                    "a raw ESC that is not a colour:\n{out}"
                );
                let end = after.find('m').expect("a colour sequence ends with m");
                assert!(
                    after[1..end]
                        .bytes()
                        .all(|b| b.is_ascii_digit() || b == b';'),
                    "a raw control sequence that is not a colour: {:?}",
                    &after[..=end]
                );
                rest = &after[end + 1..];
            }
            plain.push_str(rest);
            assert!(raw_controls(&plain).is_empty(), "{plain}");
            if !color {
                assert_markers_under_their_token(&plain);
            }
        }
    }
}

/// Each underline (`─┬─` on the line after a numbered source line) starts under a character of
/// that line: the escapes widen the line and the marker moves with them.
fn assert_markers_under_their_token(out: &str) {
    let lines: Vec<&str> = out.lines().collect();
    for pair in lines.windows(2) {
        let (source, marks) = (pair[0], pair[1]);
        if !source.contains('│') || !marks.contains('·') {
            continue;
        }
        let Some(start) = marks.chars().position(|c| c == '─' || c == '┬') else {
            continue;
        };
        let width = source.chars().count();
        assert!(
            start < width + 1,
            "the marker at {start} is past the line ({width}):\n{source}\n{marks}"
        );
    }
}

/// Words of Rust and of the YAML library, which no message for a coordinator may hold.
const INTERNAL: &[&str] = &[
    "Option<",
    "from_str",
    "budget breached",
    "ScalarBytes",
    "Breach",
    "DuplicateKeyPolicy",
    "Options",
    "deserialize",
    "struct ",
    "u8",
    "usize",
];

/// Bad inputs, each a replacement in the pair file (or people.yaml), and a phrase its message must
/// hold ("" when any wording in plain words will do).
fn bad_inputs() -> Vec<(&'static str, &'static str, String, &'static str)> {
    let people = "content/people.yaml";
    vec![
        (
            people,
            "name: Ana López",
            "name: ~".into(),
            "this key has no value",
        ),
        (
            PAIR,
            "mentor: ana-lopez",
            "mentor: ~".into(),
            "this key has no value",
        ),
        (
            PAIR,
            "concerns: Ben still has bad weeks.",
            "concerns: Ben still has bad weeks.\n---\nmentor: ana-lopez".into(),
            "second YAML document",
        ),
        (
            PAIR,
            "  - id: lead-surgery",
            format!("  - id: {}", "a".repeat(101)),
            "too long for an id: at most 100 characters",
        ),
        (
            people,
            "  - id: ana-lopez",
            format!("  - id: {}", "b".repeat(150)),
            "at most 100 characters, and it has 150",
        ),
        (
            PAIR,
            "mentor: ana-lopez",
            format!("mentor: {}{}", "[".repeat(70), "]".repeat(70)),
            "",
        ),
        (
            PAIR,
            "concerns: Ben still has bad weeks.",
            billion_laughs(),
            "aliases",
        ),
        (PAIR, "mentor: ana-lopez", "mentor: *nope".into(), "anchor"),
        (
            PAIR,
            "goals:",
            "goals: hello\nx:".into(),
            "expected a list here",
        ),
        (
            PAIR,
            "agreement:",
            "agreement: 5\ny:".into(),
            "expected `key: value` lines",
        ),
        (
            PAIR,
            "    status: in_progress",
            "    status: [1]".into(),
            "one word from a fixed list",
        ),
        (PAIR, "mentor: ana-lopez", "mentor: [a]".into(), ""),
        (PAIR, "mentor: ana-lopez", "mentor: {a: 1}".into(), ""),
        (PAIR, "mentor: ana-lopez", "mentor: !!int 5".into(), "tag"),
        (PAIR, "mentor: ana-lopez", "mentor: !custom x".into(), ""),
        (PAIR, "    rating: 4", "    rating: [4]".into(), ""),
        (PAIR, "    rating: 4", "    rating: {a: 4}".into(), ""),
        (
            PAIR,
            "    rating: 4",
            "    rating: 4.5".into(),
            "whole number",
        ),
        (PAIR, "    done: 2025-03-20", "    done: {a: 1}".into(), ""),
        (PAIR, "\nmeetings:", "\nmeetings: ~\nz:".into(), ""),
        (PAIR, "\nmeetings:", "\nmeetings: 5\nz:".into(), ""),
        (
            PAIR,
            "mentee: ben-okafor",
            "mentee: ben-okafor\nmentee: ben-okafor".into(),
            "written twice",
        ),
        (PAIR, "start: 2025-01-05", "start: [2025]".into(), ""),
        (PAIR, "start: 2025-01-05", "start: ~".into(), ""),
        (PAIR, "first_meeting:", "first_meeting: [a]\nq:".into(), ""),
        (PAIR, "vision: |", "vision: [1, 2]\nv: |".into(), ""),
        (
            people,
            "    roles: [mentor, coordinator]",
            "    roles: mentor".into(),
            "",
        ),
        (
            people,
            "    roles: [mentor, coordinator]",
            "    roles: ~".into(),
            "",
        ),
        ("content/program.yaml", "name:", "name: [1]\nn:".into(), ""),
    ]
}

/// Many more aliases than anchors: what a file that expands to far more than it holds looks like.
fn billion_laughs() -> String {
    format!(
        "concerns: x\nplanned_meetings: [&a 2025-09-01, {}]",
        vec!["*a"; 200].join(", ")
    )
}

#[test]
fn every_message_is_in_plain_words() {
    for (file, from, to, phrase) in bad_inputs() {
        let program = Program::fixture("minimal");
        program.patch(file, from, &to);
        let run = program.run(&["check", "--format", "json"]);
        run.stderr_lacks("panicked");
        assert_ne!(run.code, Some(101), "{to:.80}: {}", run.stderr);
        assert_eq!(run.code, Some(1), "{to:.80}:\n{}", run.stdout);
        let human = program.check();
        for out in [&run.stdout, &human.stderr] {
            for word in INTERNAL {
                assert!(
                    !out.contains(word),
                    "{word:?} in the output for {to:.80}:\n{out}"
                );
            }
        }
        for line in run.stdout.lines() {
            let problem: serde_json::Value = serde_json::from_str(line).unwrap();
            let message = problem["message"].as_str().unwrap();
            let outside_quotes: String = message.split('`').step_by(2).collect();
            assert!(
                !outside_quotes.contains('{'),
                "a debug dump in {message:?} for {to:.80}"
            );
            assert!(
                problem["hint"].is_string(),
                "no hint for {message:?} ({to:.80})"
            );
            assert!(
                problem["line"].as_u64().unwrap() > 0,
                "no line for {message:?}"
            );
        }
        assert!(
            run.stdout.contains(phrase),
            "{phrase:?} not in the messages for {to:.80}:\n{}",
            run.stdout
        );
    }
}

#[test]
fn book_toml_messages_are_in_plain_words() {
    let cases = [
        (
            "title = \"Minimal Handbook\"",
            "title = 5",
            "expected a piece of text here",
        ),
        (
            "authors = [\"The test suite\"]",
            "authors = \"x\"",
            "expected a list here",
        ),
        (
            "dest-dir = \"book\"",
            "dest-dir = [\"book\"]",
            "a folder name in quotes",
        ),
        ("[build]", "[book]", "is written twice"),
        (
            "[build]",
            "[build]\nallow-raw-html = \"yes\"",
            "`true` or `false`",
        ),
    ];
    for (from, to, phrase) in cases {
        let program = Program::fixture("minimal");
        program.patch("book.toml", from, to);
        let run = program.run(&["check", "--format", "json"]);
        run.code(1);
        assert!(
            run.stdout.contains(phrase),
            "{phrase:?} for {to}:\n{}",
            run.stdout
        );
        assert!(
            run.stdout.contains("\"hint\":\""),
            "no hint for {to}:\n{}",
            run.stdout
        );
        for word in ["invalid type", "sequence", "path string", "integer"] {
            assert!(
                !run.stdout.contains(word),
                "{word:?} for {to}:\n{}",
                run.stdout
            );
        }
    }
}

#[test]
fn a_too_long_id_says_so() {
    let program = Program::fixture("minimal");
    let id = "a".repeat(101);
    program.patch(PAIR, "  - id: lead-surgery", &format!("  - id: {id}"));
    let check = program.run(&["check", "--format", "json"]);
    check.code(1);
    assert!(
        check
            .stdout
            .contains("is too long for an id: at most 100 characters, and it has 101"),
        "{}",
        check.stdout
    );
    assert!(!check.stdout.contains("lower-case"), "{}", check.stdout);
    assert!(
        check.stdout.contains("\"line\":15,\"column\":9,"),
        "{}",
        check.stdout
    );
}

#[test]
fn a_null_name_says_it_has_no_value() {
    let program = Program::fixture("minimal");
    program.patch("content/people.yaml", "name: Ana López", "name: ~");
    let check = program.check();
    check.code(1);
    check.stderr_has("content/people.yaml:3:11");
    check.stderr_has("this key has no value");
    check.stderr_has("help: write the value after the `:`");
    check.stderr_lacks("Option<");
}

/// A pair file with `n` meetings dated before the pair started, `shape` choosing how each is
/// written, so each gives one problem (MB0303) at a known line and key path.
fn many_meetings_outside(n: usize, shape: usize) -> (Program, Vec<(usize, String)>) {
    let program = Program::fixture("minimal");
    let text = program.read(PAIR);
    let at = text.find("\nmeetings:\n").expect("a meetings list") + "\nmeetings:\n".len();
    let first_line = text[..at].lines().count() + 1;
    let mut meetings = String::new();
    let mut expected = Vec::new();
    let mut line = first_line;
    for i in 0..n {
        let date = format!("2024-{:02}-{:02}", i % 12 + 1, i % 28 + 1);
        match (shape + i) % 3 {
            0 => {
                meetings.push_str(&format!("  - date: {date}\n    agenda: [Catch up]\n"));
                expected.push((line, format!("meetings[{i}].date")));
                line += 2;
            }
            1 => {
                meetings.push_str(&format!("  - agenda: [Catch up, Plan]\n    date: {date}\n"));
                expected.push((line + 1, format!("meetings[{i}].date")));
                line += 2;
            }
            _ => {
                meetings.push_str(&format!("  - {{date: {date}, title: \"é {i}\"}}\n"));
                expected.push((line, format!("meetings[{i}].date")));
                line += 1;
            }
        }
    }
    program.write(PAIR, format!("{}{meetings}{}", &text[..at], &text[at..]));
    (program, expected)
}

/// Many problems in one file are each placed at their own line and key path (they are placed
/// together, from one reading of the file), in files of different sizes and shapes.
#[test]
fn many_problems_in_one_file_each_have_their_place() {
    for (n, shape) in [(1, 0), (7, 1), (40, 2), (300, 0)] {
        let (program, expected) = many_meetings_outside(n, shape);
        let run = program.run(&["check", "--format", "json"]);
        run.code(0);
        let mut found: Vec<(usize, String)> = run
            .stdout
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
            .filter(|p| p["code"] == "MB0303")
            .filter(|p| p["message"].as_str().unwrap().contains("2024-"))
            .map(|p| {
                (
                    p["line"].as_u64().unwrap() as usize,
                    p["path"].as_str().unwrap().to_owned(),
                )
            })
            .collect();
        found.sort();
        assert_eq!(found, expected, "{n} meetings, shape {shape}");
    }
}

/// The cost of a problem does not grow with its file: 4,000 problems in a 10,000-line file took
/// over a minute in a release build when each problem read the whole file; now well under a second
/// (the bound leaves room for a debug build on a busy machine).
#[test]
fn thousands_of_problems_in_one_file_are_quick() {
    let (program, _) = many_meetings_outside(4_000, 0);
    let started = std::time::Instant::now();
    let run = program.run(&["check", "--format", "json"]);
    run.code(0);
    let took = started.elapsed();
    assert_eq!(run.stdout.matches("MB0303").count(), 4_000);
    assert!(took.as_secs() < 20, "check took {took:?}");
}
