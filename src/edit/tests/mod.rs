//! Each kind of change on a fixture full of comments and odd formatting: the unified diff is
//! snapshotted (it must be exactly the intended lines) and the result must load as a pair file.

mod bundled;
mod errors;
mod people;
mod property;

use std::path::Path;
use std::sync::Arc;

use super::*;
use crate::model::PairFile;

/// The fixture pair file (read, not embedded: the published crate leaves `tests/` out).
fn pair() -> &'static str {
    static TEXT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    TEXT.get_or_init(|| fixture("tests/fixtures/edit/pair.yaml"))
}

/// A file of the repository, by its path from the repository's root.
fn fixture(rel: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A unified diff of `before` and `after`, as a reviewer sees it.
fn diff(before: &str, after: &str) -> String {
    similar::TextDiff::from_lines(before, after)
        .unified_diff()
        .context_radius(2)
        .to_string()
}

/// The lines added and removed from `before` to `after`.
fn size(before: &str, after: &str) -> (usize, usize) {
    let d = similar::TextDiff::from_lines(before, after);
    let mut added = 0;
    let mut removed = 0;
    for c in d.iter_all_changes() {
        match c.tag() {
            similar::ChangeTag::Insert => added += 1,
            similar::ChangeTag::Delete => removed += 1,
            similar::ChangeTag::Equal => {}
        }
    }
    (added, removed)
}

/// `text` read by the loader as a pair file, or the loader's problem.
fn load(text: &str) -> Result<PairFile, String> {
    crate::load::yaml::parse_str::<PairFile>(Path::new("pair.yaml"), text, 0, &Arc::from(text))
        .map_err(|p| format!("{p:?}"))
}

/// `change` applied to `text`, checked to load.
fn apply(text: &str, change: &PairChange) -> String {
    let out = apply_pair(text, change).unwrap_or_else(|e| panic!("{change:?}: {e}"));
    if let Err(p) = load(&out) {
        panic!("{change:?} leaves a file that does not load: {p}\n{out}");
    }
    out
}

/// The diff of `change` on the fixture.
fn on_fixture(change: PairChange) -> String {
    diff(pair(), &apply(pair(), &change))
}

fn tick(phase: &str, item: &str, done: &str) -> PairChange {
    PairChange::Tick {
        phase: phase.into(),
        item: item.into(),
        done: done.into(),
        by: None,
        comment: None,
    }
}

fn tick_by(phase: &str, item: &str, done: &str, by: &str, comment: &str) -> PairChange {
    PairChange::Tick {
        phase: phase.into(),
        item: item.into(),
        done: done.into(),
        by: Some(by.into()),
        comment: Some(comment.into()),
    }
}

fn untick(phase: &str, item: &str) -> PairChange {
    PairChange::Untick {
        phase: phase.into(),
        item: item.into(),
    }
}

#[test]
fn the_fixture_loads() {
    load(pair()).expect("the fixture loads");
}

#[test]
fn a_tick_replaces_its_placeholder() {
    insta::assert_snapshot!(on_fixture(tick(
        "initiation",
        "research-programs",
        "2025-01-06"
    )));
    insta::assert_snapshot!(on_fixture(tick_by(
        "initiation",
        "accept-or-decline",
        "2025-01-13",
        "ana-lopez",
        "Said yes: #1 choice"
    )));
    // In a phase with nothing but placeholders under it.
    insta::assert_snapshot!(on_fixture(tick("negotiation", "smart-goals", "2025-02-26")));
}

#[test]
fn a_tick_without_a_placeholder_goes_after_the_last_entry() {
    insta::assert_snapshot!(on_fixture(tick(
        "initiation",
        "first-meeting",
        "2025-01-20"
    )));
    // Right under a phase that has only comments.
    insta::assert_snapshot!(on_fixture(tick("negotiation", "boundaries", "2025-02-03")));
    // A phase that is missing goes in the order of the phases.
    insta::assert_snapshot!(on_fixture(tick("enabling", "keep-records", "2025-03-12")));
}

#[test]
fn a_tick_without_progress_adds_it() {
    // After the last entry (the comment after it may be about anything).
    let text = "mentor: a\nmentee: b\nstart: 2025-01-05\n# Nothing done yet.\n";
    let out = apply(text, &tick("initiation", "self-reflection", "2025-01-05"));
    assert_eq!(
        out,
        "mentor: a\nmentee: b\nstart: 2025-01-05\nprogress:\n  initiation:\n    self-reflection: 2025-01-05\n# Nothing done yet.\n"
    );
    let text = "mentor: a\nmentee: b\nstart: 2025-01-05\nprogress:   # none yet\n";
    let out = apply(text, &tick("initiation", "self-reflection", "2025-01-05"));
    assert_eq!(
        out,
        format!("{text}  initiation:\n    self-reflection: 2025-01-05\n")
    );
}

#[test]
fn ticking_again_changes_the_entry_in_place() {
    insta::assert_snapshot!(on_fixture(tick(
        "initiation",
        "self-reflection",
        "2025-01-04"
    )));
    insta::assert_snapshot!(on_fixture(tick_by(
        "initiation",
        "self-reflection",
        "2025-01-05",
        "ben-okafor",
        ""
    )));
    insta::assert_snapshot!(on_fixture(PairChange::Tick {
        phase: "initiation".into(),
        item: "ask-mentor".into(),
        done: "2025-01-10".into(),
        by: None,
        comment: Some("Asked after surgery.".into()),
    }));
    // Without `by` and `comment`, back to the short form.
    insta::assert_snapshot!(on_fixture(tick_by(
        "initiation",
        "ask-mentor",
        "2025-01-09",
        "",
        ""
    )));
}

#[test]
fn an_untick_brings_the_placeholder_back() {
    insta::assert_snapshot!(on_fixture(untick("initiation", "self-reflection")));
    insta::assert_snapshot!(on_fixture(untick("initiation", "ask-mentor")));
    assert_eq!(apply(pair(), &untick("closure", "next-steps")), pair());
}

#[test]
fn tick_then_untick_gives_the_file_back() {
    for (phase, item) in [
        ("initiation", "research-programs"),
        ("initiation", "accept-or-decline"),
        ("negotiation", "vision"),
    ] {
        for change in [
            tick(phase, item, "2025-02-01"),
            tick_by(phase, item, "2025-02-01", "ana-lopez", "A comment."),
        ] {
            let ticked = apply(pair(), &change);
            assert_eq!(apply(&ticked, &untick(phase, item)), pair(), "{change:?}");
        }
    }
}

fn meeting(date: &str) -> MeetingFields {
    MeetingFields {
        date: date.into(),
        ..MeetingFields::default()
    }
}

#[test]
fn a_meeting_is_logged_at_the_end() {
    insta::assert_snapshot!(on_fixture(PairChange::AddMeeting(MeetingFields {
        date: "2025-04-09".into(),
        title: Some("Debrief: first spay".into()),
        agenda: Some(vec![
            "First spay, step by step".into(),
            "Consult ideas".into()
        ]),
        follow_ups: Some(vec!["Ana sits in on two consults".into()]),
        notes: Some("Went well.\r\nBen was calm.  \r\n".into()),
        visibility: None,
    })));
}

#[test]
fn a_meeting_is_edited_field_by_field() {
    insta::assert_snapshot!(on_fixture(PairChange::EditMeeting {
        index: 1,
        fields: MeetingFields {
            date: "2025-02-03".into(),
            title: Some("Vision and ground rules".into()),
            agenda: Some(vec![
                "Vision".into(),
                "Ground rules".into(),
                "Boundaries".into()
            ]),
            follow_ups: Some(vec![]),
            notes: Some("Short notes.\nBen ranked client conversations first.".into()),
            visibility: None,
        },
    }));
    insta::assert_snapshot!(on_fixture(PairChange::EditMeeting {
        index: 0,
        fields: MeetingFields {
            date: "2025-01-21".into(),
            title: Some(String::new()),
            agenda: Some(vec!["Introductions".into(), "Hopes: both sides".into()]),
            follow_ups: Some(vec!["Ben drafts a vision".into(), "Sunday walk".into()]),
            notes: None,
            visibility: Some("pair".into()),
        },
    }));
}

#[test]
fn a_meeting_is_removed_with_exactly_its_lines() {
    insta::assert_snapshot!(on_fixture(PairChange::RemoveMeeting { index: 1 }));
    insta::assert_snapshot!(on_fixture(PairChange::RemoveMeeting { index: 2 }));
}

#[test]
fn a_first_meeting_goes_after_the_scaffolds_sample() {
    let text = "mentor: a\nmentee: b\nstart: 2025-01-05\n\n# meetings:\n#   - date: YYYY-MM-DD\n#     agenda: [First topic]\n# evaluations:\n#   - date: YYYY-MM-DD\n\nprogress:\n  initiation:\n";
    insta::assert_snapshot!(diff(
        text,
        &apply(text, &PairChange::AddMeeting(meeting("2025-01-20")))
    ));
    let text = "mentor: a\nmentee: b\nstart: 2025-01-05\nmeetings: []   # none yet\n";
    assert_eq!(
        apply(text, &PairChange::AddMeeting(meeting("2025-01-20"))),
        "mentor: a\nmentee: b\nstart: 2025-01-05\nmeetings:   # none yet\n  - date: 2025-01-20\n"
    );
}

#[test]
fn goals_are_added_and_edited() {
    insta::assert_snapshot!(on_fixture(PairChange::AddGoal(GoalFields {
        id: Some("client-conversations".into()),
        title: Some("Lead difficult conversations".into()),
        status: Some("not_started".into()),
        specific: Some("Lead euthanasia conversations.".into()),
        timely: Some("2025-11-30".into()),
        ..GoalFields::default()
    })));
    insta::assert_snapshot!(on_fixture(PairChange::EditGoal {
        index: 0,
        fields: GoalFields {
            status: Some("achieved".into()),
            attainable: Some("Two surgery days a week, with Ana.".into()),
            specific: Some("Spays and castrations as lead surgeon.".into()),
            ..GoalFields::default()
        },
    }));
}

#[test]
fn milestones_are_reached_and_added() {
    insta::assert_snapshot!(on_fixture(PairChange::Milestone {
        goal: 0,
        index: 0,
        done: Some("2025-03-20".into()),
    }));
    insta::assert_snapshot!(on_fixture(PairChange::Milestone {
        goal: 0,
        index: 1,
        done: None,
    }));
    insta::assert_snapshot!(on_fixture(PairChange::AddMilestone {
        goal: 1,
        title: "Baseline report".into(),
        due: Some("2025-03-31".into()),
    }));
    insta::assert_snapshot!(on_fixture(PairChange::AddMilestone {
        goal: 0,
        title: "Ten procedures".into(),
        due: None,
    }));
}

fn set_text(field: TextField, text: &str) -> PairChange {
    PairChange::SetText {
        field,
        text: text.into(),
    }
}

#[test]
fn texts_are_blocks_when_they_have_lines() {
    insta::assert_snapshot!(on_fixture(set_text(
        TextField::Vision,
        "Ben becomes a confident vet:\n\nable to run the **surgery list** alone."
    )));
    insta::assert_snapshot!(on_fixture(set_text(
        TextField::Agreement(AgreementField::Expectations),
        "Ben owns the relationship."
    )));
    insta::assert_snapshot!(on_fixture(set_text(
        TextField::Agreement(AgreementField::Boundaries),
        "No messages after 8 pm.\nMeetings are protected."
    )));
    insta::assert_snapshot!(on_fixture(set_text(
        TextField::Agreement(AgreementField::Celebration),
        "Cake."
    )));
    insta::assert_snapshot!(on_fixture(set_text(TextField::Concerns, "")));
    // Comment lines indented under the value: a block would take them in, so one quoted line.
    insta::assert_snapshot!(on_fixture(set_text(
        TextField::Concerns,
        "Bad weeks.\nBetter by the midpoint."
    )));
    insta::assert_snapshot!(on_fixture(set_text(
        TextField::ClosureSummary,
        "Ben runs the list alone."
    )));
}

#[test]
fn evaluations_are_added_and_edited() {
    insta::assert_snapshot!(on_fixture(PairChange::AddEvaluation(EvaluationFields {
        date: Some("2026-01-08".into()),
        by: Some("ben-okafor".into()),
        rating: Some("5".into()),
        summary: Some("Final evaluation.".into()),
        notes: Some("Two lines\nof notes.".into()),
        visibility: None,
    })));
    insta::assert_snapshot!(on_fixture(PairChange::EditEvaluation {
        index: 1,
        fields: EvaluationFields {
            rating: Some("5".into()),
            summary: Some("Midpoint: 5/5".into()),
            notes: Some("Ben is progressing fast.".into()),
            ..EvaluationFields::default()
        },
    }));
    // A value of a mapping in braces can be replaced there.
    insta::assert_snapshot!(on_fixture(PairChange::EditEvaluation {
        index: 0,
        fields: EvaluationFields {
            rating: Some("3".into()),
            ..EvaluationFields::default()
        },
    }));
}

#[test]
fn a_closure_is_written_with_its_fields_together() {
    insta::assert_snapshot!(on_fixture(PairChange::Closure(ClosureFields {
        date: Some("2026-01-10".into()),
        outcome: Some("ended".into()),
        summary: Some("Twelve good months.\nBen runs the list alone.".into()),
        next_steps: None,
        goals_reached: Some(vec!["lead-surgery".into()]),
    })));
}

#[test]
fn crlf_files_keep_their_line_ends() {
    let crlf = pair().replace('\n', "\r\n");
    for change in [
        tick("initiation", "research-programs", "2025-01-06"),
        tick_by("initiation", "ask-mentor", "2025-01-06", "", ""),
        untick("initiation", "self-reflection"),
        tick("enabling", "keep-records", "2025-03-12"),
        PairChange::AddMeeting(MeetingFields {
            notes: Some("a\nb".into()),
            ..meeting("2025-04-09")
        }),
        PairChange::RemoveMeeting { index: 0 },
        set_text(TextField::Vision, "One\nTwo"),
    ] {
        let out = apply(&crlf, &change);
        assert!(
            !out.replace("\r\n", "").contains('\n'),
            "{change:?} wrote a bare line feed:\n{out:?}"
        );
        let lf = apply(pair(), &change);
        assert_eq!(out, lf.replace('\n', "\r\n"), "{change:?}");
    }
}

#[test]
fn the_last_meeting_goes_with_its_key() {
    let text = "mentor: a\nmentee: b\nstart: 2025-01-05\nmeetings:   # the log\n  - date: 2025-01-20\n    # first\n    title: First\nvision: V\n";
    assert_eq!(
        apply(text, &PairChange::RemoveMeeting { index: 0 }),
        "mentor: a\nmentee: b\nstart: 2025-01-05\n# first\nvision: V\n"
    );
}

#[test]
fn a_byte_order_mark_stays_and_shifts_nothing() {
    let bom = format!("\u{feff}{}", pair());
    for change in [
        tick("initiation", "research-programs", "2025-01-06"),
        PairChange::RemoveMeeting { index: 1 },
        set_text(TextField::Vision, "One\nTwo"),
    ] {
        let out = apply_pair(&bom, &change).expect("an edit");
        assert_eq!(
            out,
            format!("\u{feff}{}", apply(pair(), &change)),
            "{change:?}"
        );
    }
}

#[test]
fn odd_item_layouts_are_kept() {
    let text = "mentor: a\nmentee: b\nstart: 2025-01-05\nmeetings:\n-\n  date: 2025-01-20\n-   date: 2025-02-03\n    agenda:\n    - Plan\n";
    assert_eq!(
        apply(text, &PairChange::RemoveMeeting { index: 0 }),
        "mentor: a\nmentee: b\nstart: 2025-01-05\nmeetings:\n-   date: 2025-02-03\n    agenda:\n    - Plan\n"
    );
    insta::assert_snapshot!(diff(
        text,
        &apply(
            text,
            &PairChange::AddMeeting(MeetingFields {
                agenda: Some(vec!["Next".into()]),
                ..meeting("2025-03-01")
            })
        )
    ), @r"
    @@ -8,2 +8,5 @@
         agenda:
         - Plan
    +- date: 2025-03-01
    +  agenda:
    +    - Next
    ");
}
