//! Pairs `status: proposed` (drafted by `mentorbook match --write`): checked like any pair,
//! published nowhere. A proposal carries a canary (`5c2d`) in its id and in every field a page
//! could show; no file of any edition, nor its path, may hold it.

use crate::harness::Program;

const PROPOSAL: &str = "content/pairs/zz-proposal-5c2d.yaml";

/// The bundled program (every pair public, in full) with one proposal.
fn with_proposal() -> Program {
    let program = Program::bundled();
    program.write(
        PROPOSAL,
        "mentor: samuel-adeyemi\n\
         mentee: ben-okafor\n\
         status: proposed\n\
         start: 2026-01-05\n\
         vision: PROPOSAL-VISION-5c2d\n\
         goals:\n  - id: first\n    title: PROPOSAL-GOAL-5c2d\n\
         meetings:\n  - date: 2026-01-10\n    title: PROPOSAL-MEETING-5c2d\n\
         planned_meetings: [2026-12-01]\n",
    );
    program
}

/// Fails when the canary is in the name or the bytes of a file under `dest`.
fn no_proposal_in(program: &Program, dest: &str) {
    let files = program.files(dest);
    assert!(!files.is_empty(), "{dest} is empty");
    let leaks: Vec<String> = files
        .iter()
        .filter(|(path, bytes)| {
            path.to_string_lossy().contains("5c2d")
                || String::from_utf8_lossy(bytes)
                    .to_lowercase()
                    .contains("5c2d")
        })
        .map(|(path, _)| path.display().to_string())
        .collect();
    assert!(leaks.is_empty(), "the proposal reached {dest}: {leaks:?}");
}

#[test]
fn a_proposal_reaches_no_edition_and_no_export() {
    let program = with_proposal();
    program
        .build()
        .success()
        .stderr_has("for 5 pairs")
        .stderr_has("1 proposed pair waits for review")
        .stderr_has("delete the `status: proposed` line");
    no_proposal_in(&program, "book");
    program
        .run(&["build", "--audience", "coordinators", "-d", "coordinators"])
        .success()
        .stderr_has("1 proposed pair waits");
    no_proposal_in(&program, "coordinators");
    program
        .run(&["export", "--out", "exports"])
        .success()
        .stderr_has("exported 5 pairs");
    no_proposal_in(&program, "exports");
    // No edition of its own: it is not a pair of the program yet.
    program
        .run(&["build", "--audience", "pair:zz-proposal-5c2d"])
        .code(2)
        .stderr_has("there is no pair `zz-proposal-5c2d`");
}

#[test]
fn a_build_with_nothing_to_do_says_again_that_proposals_wait() {
    let program = with_proposal();
    program.build().success();
    program
        .build()
        .success()
        .stderr_has("nothing changed")
        .stderr_has("1 proposed pair waits");
}

#[test]
fn check_counts_proposals_apart_and_checks_them() {
    let program = with_proposal();
    program
        .check()
        .success()
        .stderr_has("5 pairs")
        .stderr_has("1 proposed pair waits for review");
    // Checked like any pair: an unknown mentor is an error in the proposal's file.
    program.patch(PROPOSAL, "mentor: samuel-adeyemi", "mentor: samuel-adeyemy");
    program
        .check()
        .code(1)
        .stderr_has("zz-proposal-5c2d.yaml")
        .stderr_has("there is no person `samuel-adeyemy`");
}

#[test]
fn accepting_a_proposal_publishes_it() {
    let program = with_proposal();
    program.build().success();
    program.patch(PROPOSAL, "status: proposed\n", "");
    let run = program.build();
    run.success().stderr_has("for 6 pairs");
    assert!(!run.stderr.contains("proposed pair"), "{}", run.stderr);
    assert!(
        program
            .path("book/pairs/zz-proposal-5c2d/index.html")
            .is_file()
    );
}

#[test]
fn an_unknown_status_is_an_error() {
    let program = with_proposal();
    program.patch(PROPOSAL, "status: proposed", "status: propsed");
    program.check().code(1).stderr_has("zz-proposal-5c2d.yaml");
}
