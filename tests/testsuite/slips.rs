//! The slips of hand-written YAML: each is said in plain words, on the line at fault, with the key
//! the line was meant to be (or no key), and a hint to fix it. One test a message, each run as a
//! coordinator would: `mentorbook check` on the minimal program with one line changed.

use crate::harness::{Program, Run};

const PAIR: &str = "content/pairs/ana-lopez-ben-okafor.yaml";

/// `mentorbook check` on the minimal program with `from` replaced by `to` in its pair file.
fn check_with(from: &str, to: &str) -> Run {
    let program = Program::fixture("minimal");
    program.patch(PAIR, from, to);
    let run = program.check();
    run.code(1).stderr_has("1 error, 0 warnings");
    run
}

/// Asserts the place, the label of the underline (`None`: no label) and that the message and
/// hint hold `words` and `hint`.
#[track_caller]
fn assert_slip(run: &Run, place: &str, label: Option<&str>, words: &str, hint: &str) {
    run.stderr_has(&format!("[{PAIR}:{place}]"))
        .stderr_has(words)
        .stderr_has(hint)
        .stderr_lacks("simple key")
        .stderr_lacks("did not find expected");
    let labelled = run.stderr.contains("╰── ");
    match label {
        Some(l) => {
            run.stderr_has(&format!("╰── {l}\n"));
        }
        None => assert!(!labelled, "a label where none is known:\n{}", run.stderr),
    }
}

#[test]
fn a_key_without_its_colon() {
    let run = check_with("start: 2025-01-05", "start 2025-01-05");
    assert_slip(
        &run,
        "3:6",
        Some("start"),
        "the key `start` has no `:` after it",
        "help: write a colon and a space between the key and its value: `start: 2025-01-05`",
    );
}

/// `meetings` alone on a line, after a list of goals and milestones: the label is `meetings`, not
/// the last key the parser read (`goals[0].milestones[0].done` and the like).
#[test]
fn a_key_alone_on_its_line_without_its_colon() {
    let program = Program::fixture("minimal");
    // Move the meetings right below the goals, as in a pair file written in that order.
    let text = program.read(PAIR);
    let start = text.find("meetings:\n  - date").unwrap();
    let end = text.find("evaluations:").unwrap();
    let meetings = text[start..end].replacen("meetings:", "meetings", 1);
    let mut text = format!("{}{}", &text[..start], &text[end..]);
    text = text.replacen("agreement:\n", &format!("{meetings}agreement:\n"), 1);
    program.write(PAIR, text);
    let run = program.check();
    run.code(1);
    assert_slip(
        &run,
        "33:9",
        Some("meetings"),
        "the key `meetings` has no `:` after it",
        "help: write `meetings:`, with a colon: the lines indented below it are its value",
    );
    run.stderr_has(" 32 │     time_bound: 2025-08-31\n 33 │ meetings\n");
}

#[test]
fn no_space_after_the_colon() {
    let run = check_with("start: 2025-01-05", "start:2025-01-05");
    assert_slip(
        &run,
        "3:6",
        Some("start"),
        "there is no space after the `:` of `start`",
        "help: write a space after the colon: `start: 2025-01-05`",
    );
}

/// Under a key that takes `key: value` lines, `frequency:monthly` parses as text: the slip is
/// still named, not "expected `key: value` lines here".
#[test]
fn no_space_after_the_colon_of_a_nested_key() {
    let run = check_with("    frequency: monthly", "    frequency:monthly");
    assert_slip(
        &run,
        "43:14",
        Some("agreement.meetings.frequency"),
        "there is no space after the `:` of `frequency`",
        "`frequency: monthly`",
    );
}

#[test]
fn a_list_item_without_its_dash() {
    let run = check_with("  - date: 2025-02-12", "  date: 2025-02-12");
    assert_slip(
        &run,
        "57:3",
        Some("meetings[1]"),
        "this line starts a new item of the list above (`date:` is the first key of each item) but has\n  │ no `- `",
        "help: start the item with a dash and a space: `- date: ...`",
    );
}

#[test]
fn a_list_of_text_with_an_item_without_its_dash() {
    let run = check_with(
        "    agenda: [Draft three goals]",
        "    agenda:\n      - Draft three goals\n      Plan the year",
    );
    assert_slip(
        &run,
        "60:7",
        Some("meetings[1].agenda[1]"),
        "this line is at the level of the list's items but does not start with `- `",
        "help: start it with a dash and a space: `- Plan the year`",
    );
}

#[test]
fn a_key_indented_further_than_its_neighbours() {
    let run = check_with("  boundaries: No work", "   boundaries: No work");
    assert_slip(
        &run,
        "35:4",
        Some("agreement.boundaries"),
        "this line is indented further than the line above (3 spaces, not 2), but `expectations:`",
        "help: line `boundaries:` up with `expectations:` above it (column 3)",
    );
}

/// Indented by a number of spaces no block above uses: which block it meant is not known, so the
/// underline has no label.
#[test]
fn a_key_indented_out_of_step() {
    let run = check_with("  boundaries: No work", " boundaries: No work");
    assert_slip(
        &run,
        "35:2",
        None,
        "this line is indented by 1 space, which lines it up with nothing above it",
        "help: indent it by 2 spaces to keep it with the line above, or by 0 spaces",
    );
}

#[test]
fn a_tab_for_indentation() {
    let run = check_with("    place: Riverbank", "\tplace: Riverbank");
    assert_slip(
        &run,
        "44:1",
        None,
        "a tab is used for indentation here",
        "help: indent with spaces only: YAML does not allow tabs for indentation",
    );
}

/// A slip in a chapter's front matter is found too, at its line in the Markdown file.
#[test]
fn a_slip_in_front_matter() {
    let program = Program::fixture("minimal");
    program.patch(
        "content/guide/welcome.md",
        "title: Welcome",
        "title Welcome",
    );
    program
        .check()
        .code(1)
        .stderr_has("[content/guide/welcome.md:2:6]")
        .stderr_has("the key `title` has no `:` after it")
        .stderr_has("`title: Welcome`");
}

#[test]
fn a_key_of_a_list_item_lined_up_with_the_dashes() {
    let run = check_with(
        "    title: Keep consultations on time",
        "  title: Keep consultations on time",
    );
    assert_slip(
        &run,
        "30:3",
        Some("goals[1].title"),
        "`title:` is indented less than the keys of the list item above it",
        "help: indent it to column 5 to line it up with `id:` above, or start a new item with `- `",
    );
}

#[test]
fn a_colon_and_a_space_inside_a_value() {
    let run = check_with(
        "  date: 2025-01-20\n  place: Riverbank Coffee\n",
        "  date: 2025-01-20\n  place: Riverbank Coffee: by the river\n",
    );
    assert_slip(
        &run,
        "10:26",
        Some("first_meeting.place"),
        "the value of `place` holds a colon followed by a space, which YAML reads as the start of\n  │ another key",
        "help: put the value in quotes: `place: \"Riverbank Coffee: by the river\"`",
    );
    run.stderr_lacks("mapping values are not allowed");
}

/// The first item of a list without its `- `: YAML stops on the item's next key, which looks
/// indented too far; the line at fault is the one above it.
#[test]
fn the_first_list_item_without_its_dash() {
    let run = check_with("  - date: 2025-01-20\n", "  date: 2025-01-20\n");
    assert_slip(
        &run,
        "52:3",
        Some("meetings[0]"),
        "this item of the list has no `- `: the list's other items start with one",
        "help: start it with a dash and a space: `- date: ...`",
    );
}

#[test]
fn the_first_key_of_a_list_item_without_its_colon() {
    let run = check_with("  - date: 2025-01-20\n", "  - date 2025-01-20\n");
    assert_slip(
        &run,
        "52:9",
        Some("meetings[0].date"),
        "the key `date` has no `:` after it",
        "`date: 2025-01-20`",
    );
}

/// The first key of a block indented further than the keys after it: YAML takes the block's
/// indentation from its first line, so that line is the one at fault, not the next.
#[test]
fn the_first_key_of_a_block_indented_too_far() {
    let run = check_with(
        "  mentee_reflection: I freeze",
        "   mentee_reflection: I freeze",
    );
    assert_slip(
        &run,
        "5:4",
        Some("readiness.mentee_reflection"),
        "this line is indented by 3 spaces, further than the keys after it in its block (2 spaces)",
        "help: line `mentee_reflection:` up with `mentor_reflection:` below it, at 2 spaces",
    );
}
