//! Changes that cannot be made: a clear error, no panic, nothing changed.

use super::*;

fn error(text: &str, change: PairChange) -> String {
    apply_pair(text, &change).expect_err("an error").to_string()
}

#[test]
fn an_index_past_the_end_is_named() {
    insta::assert_snapshot!(error(pair(), PairChange::RemoveMeeting { index: 3 }), @"`meetings` has no item 3: it has 3");
    insta::assert_snapshot!(error(pair(), PairChange::EditGoal { index: 7, fields: GoalFields::default() }), @"`goals` has no item 7: it has 2");
    insta::assert_snapshot!(error(pair(), PairChange::Milestone { goal: 1, index: 0, done: None }), @"`goals[1].milestones` has no item 0: it has 0");
    insta::assert_snapshot!(error(pair(), PairChange::AddMilestone { goal: 2, title: "x".into(), due: None }), @"`goals` has no item 2: it has 2");
    let none = "mentor: a\nmentee: b\nstart: 2025-01-05\n";
    insta::assert_snapshot!(error(none, PairChange::EditMeeting { index: 0, fields: MeetingFields { date: "2025-01-01".into(), ..MeetingFields::default() } }), @"`meetings` has no item 0: it has 0");
}

#[test]
fn a_flow_mapping_where_a_block_is_needed_is_refused() {
    let change = PairChange::EditEvaluation {
        index: 0,
        fields: EvaluationFields {
            summary: Some("Midpoint.".into()),
            ..EvaluationFields::default()
        },
    };
    insta::assert_snapshot!(error(pair(), change), @"`evaluations[0]` is written on one line in braces or brackets; write it as a block (one entry a line) to edit it here");
    let text = "mentor: a\nmentee: b\nstart: 2025-01-05\nmeetings: [{date: 2025-01-20}]\nprogress: {initiation: {self-reflection: 2025-01-05}}\n";
    insta::assert_snapshot!(error(text, PairChange::AddMeeting(MeetingFields { date: "2025-02-01".into(), ..MeetingFields::default() })), @"`meetings` is written on one line in braces or brackets; write it as a block (one entry a line) to edit it here");
    insta::assert_snapshot!(error(text, tick("initiation", "research-programs", "2025-01-06")), @"`progress.initiation` is written on one line in braces or brackets; write it as a block (one entry a line) to edit it here");
    insta::assert_snapshot!(error(text, untick("initiation", "self-reflection")), @"`progress.initiation` is written on one line in braces or brackets; write it as a block (one entry a line) to edit it here");
}

#[test]
fn required_fields_and_unreadable_files_are_named() {
    insta::assert_snapshot!(error(pair(), PairChange::AddGoal(GoalFields::default())), @"a new goal's id is required");
    insta::assert_snapshot!(error(pair(), PairChange::AddMeeting(MeetingFields::default())), @"the meeting's date is required");
    insta::assert_snapshot!(error(pair(), tick("initiation", "x", " ")), @"the date it was done is required");
    insta::assert_snapshot!(error("mentor: [a\n", tick("initiation", "x", "2025-01-01")), @"the file cannot be read as YAML (line 1: unclosed bracket '[' at char 8 line 1 column 9); fix it by hand first");
    insta::assert_snapshot!(error("- a\n- b\n", tick("initiation", "x", "2025-01-01")), @"the file is not a mapping of keys; fix it by hand first");
    insta::assert_snapshot!(error("mentor: a\nprogress: 3\n", tick("initiation", "x", "2025-01-01")), @"`progress` is not a mapping of keys; fix it by hand first");
}

#[test]
fn the_first_field_of_an_item_is_not_removed_alone() {
    insta::assert_snapshot!(error(pair(), PairChange::EditEvaluation { index: 1, fields: EvaluationFields { date: Some(String::new()), ..EvaluationFields::default() } }), @"`evaluations[1].date` starts its list item and cannot be removed on its own");
}
