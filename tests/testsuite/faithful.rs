//! Faithful to the source guidelines: SMART as the action steps spell it out (and the keys of
//! earlier versions still read), the agreement's feedback, success, evaluation and celebration,
//! how the pair came together, the feedback form, and the example year.

use crate::harness::{Program, main_element};

const PAIR: &str = "content/pairs/ana-lopez-ben-okafor.yaml";
const PAGE: &str = "book/pairs/ana-lopez-ben-okafor";

/// The `<main>` of a built page of `program`.
fn main_of(program: &Program, page: &str) -> String {
    main_element(&program.read(format!("{PAGE}/{page}"))).to_owned()
}

#[test]
fn goals_are_written_with_the_source_s_smart_keys() {
    let program = Program::fixture("minimal");
    program.patch(PAIR, "    achievable:", "    attainable:");
    program.patch(PAIR, "    relevant:", "    realistic:");
    program.patch(PAIR, "    time_bound: 2025-09-30", "    timely: 2025-09-30");
    program.build().success();
    let page = main_of(&program, "negotiation/index.html");
    for label in [
        "Specific",
        "Measurable",
        "Attainable",
        "Realistic",
        "Timely",
    ] {
        assert!(
            page.contains(&format!("<th scope=\"row\">{label}</th>")),
            "{label}:\n{page}"
        );
    }
    assert!(!page.contains("Achievable") && !page.contains("Time-bound"));
    assert!(page.contains("Two surgery days a week with Ana assisting."));
    assert!(page.contains("30 September 2025"));
    let workbook = main_of(&program, "workbook/index.html");
    assert!(workbook.contains("<dt>Attainable</dt>") && workbook.contains("<dt>Realistic</dt>"));
}

#[test]
fn the_older_smart_keys_give_the_same_pages() {
    let old = Program::fixture("minimal");
    old.build().success();
    let new = Program::fixture("minimal");
    new.patch(PAIR, "    achievable:", "    attainable:");
    new.patch(PAIR, "    relevant:", "    realistic:");
    new.patch(PAIR, "    time_bound: 2025-09-30", "    timely: 2025-09-30");
    new.patch(PAIR, "    time_bound: 2025-08-31", "    timely: 2025-08-31");
    new.build().success();
    for page in [
        "negotiation/index.html",
        "enabling/index.html",
        "workbook/index.html",
    ] {
        assert_eq!(main_of(&old, page), main_of(&new, page), "{page}");
    }
}

#[test]
fn a_goal_with_both_the_old_and_the_new_key_is_an_error() {
    let program = Program::fixture("minimal");
    program.patch(
        PAIR,
        "    time_bound: 2025-09-30\n",
        "    time_bound: 2025-09-30\n    timely: 2025-09-30\n",
    );
    program.check().code(1).stderr_has("timely");
}

#[test]
fn the_linter_checks_attainable_and_realistic_once_a_goal_is_written_out() {
    let program = Program::fixture("minimal");
    // Only realistic missing: the message names just that letter.
    program.patch(
        PAIR,
        "    relevant: The first step towards running the surgical list.\n",
        "",
    );
    program
        .check()
        .stderr_has("MB0505 goal-not-realistic")
        .stderr_has("the goal `lead-surgery` does not say why it is realistic\n")
        .stderr_has("add `realistic:`");
    // A goal reached is not held to it.
    program.patch(PAIR, "    status: in_progress\n", "    status: achieved\n");
    program.check().stderr_lacks("MB0505");
}

#[test]
fn the_agreement_says_how_they_give_feedback_measure_evaluate_and_celebrate() {
    let program = Program::fixture("minimal");
    program.patch(
        PAIR,
        "  conflict_resolution:",
        concat!(
            "  feedback: A five-minute round at the end of every meeting, each in turn.\n",
            "  measuring_success: The goals' measures, reviewed at every third meeting.\n",
            "  evaluation_process: In July and December, at the clinic, with the feedback form.\n",
            "  celebration: Lunch out when a goal is reached.\n",
            "  conflict_resolution:"
        ),
    );
    program.build().success();
    let page = main_of(&program, "negotiation/index.html");
    for (label, text) in [
        (
            "Feedback to each other",
            "A five-minute round at the end of every meeting",
        ),
        ("Measuring success", "reviewed at every third meeting"),
        (
            "Evaluation: when, where, how",
            "In July and December, at the clinic",
        ),
        ("Celebrating progress", "Lunch out when a goal is reached."),
    ] {
        assert!(
            page.contains(&format!("<dt>{label}</dt>")),
            "{label}:\n{page}"
        );
        assert!(page.contains(text), "{text}:\n{page}");
    }
    let workbook = main_of(&program, "workbook/index.html");
    assert!(workbook.contains("Lunch out when a goal is reached."));
    // The blank workbook has write-in lines for each of them.
    let blank = main_element(&program.read("book/workbook/index.html")).to_owned();
    for label in [
        "Feedback to each other",
        "Measuring success",
        "Evaluation: when, where, how",
        "Celebrating progress",
    ] {
        let at = blank
            .find(&format!("<dt>{label}</dt>"))
            .unwrap_or_else(|| panic!("{label}"));
        assert!(
            blank[at..at + 200].contains("wb-line"),
            "{label} has no lines"
        );
    }
}
