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
    // On paper, one block a goal rather than a six-column table that A4 portrait cramps.
    assert!(!workbook.contains("<table class=\"wb-smart\">"));
    assert_eq!(workbook.matches("class=\"wb-smart-goal\"").count(), 2);
    let blank = main_element(&program.read("book/workbook/index.html")).to_owned();
    assert_eq!(blank.matches("class=\"wb-smart-goal is-blank\"").count(), 3);
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

/// The minimal fixture's initiation checklist with a step for each way a pair may come together.
fn with_ways_of_coming_together() -> Program {
    let program = Program::fixture("minimal");
    program.patch(
        "content/phases/initiation.yaml",
        "  - id: first-meeting\n",
        concat!(
            "  - id: ask-mentor\n",
            "    text: Ask the person to mentor you.\n",
            "    owner: mentee\n",
            "    initiated_by: [mentee]\n",
            "  - id: offer-to-mentor\n",
            "    text: Offer to mentor the person.\n",
            "    owner: mentor\n",
            "    initiated_by: [mentor]\n",
            "  - id: accept-the-match\n",
            "    text: Meet the match the program proposes and say whether you want to go ahead.\n",
            "    initiated_by: [program, mentor]\n",
            "  - id: first-meeting\n",
        ),
    );
    program
}

#[test]
fn a_pair_matched_by_the_program_has_only_its_own_initiation_steps() {
    let program = with_ways_of_coming_together();
    program.patch(
        PAIR,
        "start: 2025-01-05\n",
        "start: 2025-01-05\ninitiated_by: program\n",
    );
    program.patch(
        PAIR,
        "    get-acquainted: 2025-01-25\n",
        "    get-acquainted: 2025-01-25\n    accept-the-match: 2025-01-10\n",
    );
    let run = program.check();
    run.success().stderr_lacks("MB0305").stderr_lacks("MB0203");
    program.build().success();
    let page = main_of(&program, "initiation/index.html");
    assert!(page.contains("id=\"item-accept-the-match\""), "{page}");
    assert!(
        !page.contains("id=\"item-ask-mentor\"") && !page.contains("id=\"item-offer-to-mentor\"")
    );
    // Four items for this pair (self-reflection, the match, first meeting, getting acquainted), all done.
    let overview = main_of(&program, "index.html");
    assert!(
        overview.contains("Initiation: 4 of 4 items done"),
        "{overview}"
    );
    // The phase page, for every pair, shows every step with the ways it is for.
    let phase = main_element(&program.read("book/phases/initiation/index.html")).to_owned();
    assert!(phase.contains("(only when the mentee asked)"), "{phase}");
    assert!(phase.contains("(only when the mentor offered)"));
    assert!(phase.contains("(only when the program matched the pair or the mentor offered)"));
    let blank = main_element(&program.read("book/workbook/index.html")).to_owned();
    assert!(
        blank.contains("Offer to mentor the person.")
            && blank.contains("(only when the mentor offered)")
    );
}

#[test]
fn a_pair_that_does_not_say_how_it_came_together_is_one_the_mentee_asked_for() {
    let program = with_ways_of_coming_together();
    program.build().success();
    let page = main_of(&program, "initiation/index.html");
    assert!(page.contains("id=\"item-ask-mentor\""), "{page}");
    assert!(
        !page.contains("id=\"item-offer-to-mentor\"")
            && !page.contains("id=\"item-accept-the-match\"")
    );
    let overview = main_of(&program, "index.html");
    assert!(
        overview.contains("Initiation: 3 of 4 items done"),
        "{overview}"
    );
    // A way that does not exist is an error, naming the ones that do.
    program.patch(
        PAIR,
        "start: 2025-01-05\n",
        "start: 2025-01-05\ninitiated_by: coordinator\n",
    );
    program.check().code(1).stderr_has("program");
}

/// The minimal fixture with both voices of a feedback form on its evaluation.
fn with_a_feedback_form() -> Program {
    let program = Program::fixture("minimal");
    program.patch(
        PAIR,
        "    notes: I would like more feedback in theatre.\n",
        concat!(
            "    notes: I would like more feedback in theatre.\n",
            "    feedback:\n",
            "      mentee:\n",
            "        going_well: Theatre days with Ana.\n",
            "        to_change: More feedback **during** surgery.\n",
            "        goals:\n",
            "          lead-surgery: Six of ten procedures logged.\n",
            "          no-such-goal: Left out.\n",
            "        relationship: Easy to raise things.\n",
            "      mentor:\n",
            "        going_well: Ben prepares every agenda.\n",
        ),
    );
    program
}

#[test]
fn the_feedback_form_shows_both_voices_in_the_pair_s_edition() {
    let program = with_a_feedback_form();
    program.check().success();
    program
        .run(&["build", "--audience", "pair:ana-lopez-ben-okafor"])
        .success();
    let page = main_element(&program.read(
        "book-private/pair-ana-lopez-ben-okafor/pairs/ana-lopez-ben-okafor/enabling/index.html",
    ))
    .to_owned();
    for text in [
        "Feedback form",
        "Theatre days with Ana.",
        "More feedback <strong>during</strong> surgery.",
        "<dt>Lead routine soft-tissue surgeries</dt><dd><p>Six of ten procedures logged.</p>",
        "Easy to raise things.",
        "Ben prepares every agenda.",
    ] {
        assert!(page.contains(text), "{text}:\n{page}");
    }
    assert!(!page.contains("Left out."));
    let workbook = main_element(&program.read(
        "book-private/pair-ana-lopez-ben-okafor/pairs/ana-lopez-ben-okafor/workbook/index.html",
    ))
    .to_owned();
    assert!(
        workbook.contains("Feedback form, <time datetime=\"2025-07-01\">"),
        "{workbook}"
    );
    assert!(workbook.contains("<dt>Progress: Lead routine soft-tissue surgeries</dt>"));
}

#[test]
fn the_feedback_form_stays_off_the_public_site_and_is_blank_in_the_blank_workbook() {
    let program = with_a_feedback_form();
    program.build().success();
    let page = main_of(&program, "enabling/index.html");
    assert!(page.contains("id=\"feedback-form\""), "{page}");
    assert!(!page.contains("Theatre days") && !page.contains("Ben prepares every agenda"));
    let blank = main_element(&program.read("book/workbook/index.html")).to_owned();
    for label in [
        "What is going well",
        "What to change, start or stop",
        "Progress on goal 1",
        "The relationship itself: trust, time, openness, fit",
    ] {
        assert!(blank.contains(label), "{label}");
    }
}

#[test]
fn an_example_pair_credits_its_sources_on_its_pages() {
    let program = Program::fixture("minimal");
    program.patch(
        PAIR,
        "start: 2025-01-05\n",
        "start: 2025-01-05\nsources:\n  - Modelled on the example pair of a chapter of mentoring guidelines.\n",
    );
    program.build().success();
    for page in [
        "index.html",
        "initiation/index.html",
        "negotiation/index.html",
        "enabling/index.html",
        "closure/index.html",
    ] {
        let main = main_of(&program, page);
        assert!(
            main.contains("<h2>Sources</h2><ul><li>Modelled on the example pair"),
            "{page}:\n{main}"
        );
    }
}

#[test]
fn the_bundled_example_pair_has_a_whole_year_on_every_page() {
    let program = Program::bundled();
    program.check().success();
    program.build().success();
    let page = |p: &str| {
        main_element(&program.read(format!("book/pairs/priya-raman-tomas-herrera/{p}"))).to_owned()
    };
    let closure = page("closure/index.html");
    assert!(
        closure.contains("Tomás reached all three goals"),
        "{closure}"
    );
    assert!(closure.contains("Sources"));
    let enabling = page("enabling/index.html");
    assert!(
        enabling.contains("Joint review at nine months"),
        "{enabling}"
    );
    let negotiation = page("negotiation/index.html");
    assert!(negotiation.contains("Ten minutes at the end of every meeting"));
    // Its feedback forms are for the pair's own edition only.
    assert!(!enabling.contains("Solo list done"));
    program
        .run(&["build", "--audience", "pair:priya-raman-tomas-herrera"])
        .success();
    let private = main_element(&program.read(
        "book-private/pair-priya-raman-tomas-herrera/pairs/priya-raman-tomas-herrera/enabling/index.html",
    ))
    .to_owned();
    assert!(private.contains("Solo list done"), "{private}");
}
