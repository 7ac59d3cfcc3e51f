//! Changes on the bundled program's pair files and on a `mentorbook new pair` scaffold: the diffs
//! are snapshotted, their sizes tabulated (the figures of issue 20's note), and the changed
//! program is loaded and checked as a whole, as `mentorbook check` would.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use super::*;
use crate::model::{Date, PersonId};
use crate::scaffold::new::{NewPair, pair_scaffold};

const ANA: &str = "content/pairs/ana-lopez-ben-okafor.yaml";
const INGRID: &str = "content/pairs/ingrid-solberg-leo-park.yaml";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(root().join(rel)).expect("a bundled file")
}

/// Loads and checks the bundled program with `files` (relative path, text) in place of its own.
fn check_program(files: &[(&str, String)]) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    copy(&root().join("content"), &dir.path().join("content"));
    std::fs::copy(root().join("book.toml"), dir.path().join("book.toml")).expect("book.toml");
    for (rel, text) in files {
        std::fs::write(dir.path().join(rel), text).expect("written");
    }
    let (book, problems) = crate::load_program(dir.path());
    let errors: Vec<String> = problems
        .iter()
        .filter(|p| p.severity == crate::diagnostic::Severity::Error)
        .map(|p| format!("{p:?}"))
        .collect();
    assert!(book.is_some() && errors.is_empty(), "{errors:#?}");
}

fn copy(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("a readable file");
        let rel: PathBuf = entry.path().strip_prefix(from).expect("inside").into();
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(to.join(&rel)).expect("a folder");
        } else {
            std::fs::copy(entry.path(), to.join(&rel)).expect("copied");
        }
    }
}

/// Every kind of change, on the bundled file it makes sense on.
fn kinds() -> Vec<(&'static str, &'static str, PairChange)> {
    vec![
        (
            "tick",
            INGRID,
            tick("initiation", "relationship-type", "2026-11-30"),
        ),
        (
            "tick with by and comment",
            INGRID,
            tick_by(
                "initiation",
                "get-acquainted",
                "2026-11-30",
                "leo-park",
                "Coffee in town.",
            ),
        ),
        (
            "tick again (new date)",
            ANA,
            tick("closure", "next-steps", "2026-01-11"),
        ),
        ("untick", ANA, untick("enabling", "keep-records")),
        (
            "add meeting",
            ANA,
            PairChange::AddMeeting(MeetingFields {
                date: "2026-01-20".into(),
                title: Some("Follow-up".into()),
                agenda: Some(vec![
                    "Certificate plans".into(),
                    "Mentoring a new graduate".into(),
                ]),
                follow_ups: Some(vec!["Ben sends his application".into()]),
                notes: Some("Ben is settled.\nHe starts mentoring in March.".into()),
                visibility: None,
            }),
        ),
        (
            "edit meeting (title)",
            ANA,
            PairChange::EditMeeting {
                index: 5,
                fields: MeetingFields {
                    date: "2025-04-09".into(),
                    title: Some("First spay debrief".into()),
                    ..MeetingFields::default()
                },
            },
        ),
        (
            "remove meeting",
            ANA,
            PairChange::RemoveMeeting { index: 6 },
        ),
        (
            "add goal",
            INGRID,
            PairChange::AddGoal(GoalFields {
                id: Some("night-decisions".into()),
                title: Some("Make night-time decisions alone".into()),
                status: Some("not_started".into()),
                timely: Some("2027-06-30".into()),
                ..GoalFields::default()
            }),
        ),
        (
            "edit goal (status)",
            ANA,
            PairChange::EditGoal {
                index: 3,
                fields: GoalFields {
                    status: Some("in_progress".into()),
                    ..GoalFields::default()
                },
            },
        ),
        (
            "milestone reached",
            ANA,
            PairChange::Milestone {
                goal: 3,
                index: 0,
                done: Some("2025-05-30".into()),
            },
        ),
        (
            "add milestone",
            ANA,
            PairChange::AddMilestone {
                goal: 3,
                title: "Talk given".into(),
                due: Some("2025-10-15".into()),
            },
        ),
        (
            "vision (lines of text)",
            INGRID,
            set_text(
                TextField::Vision,
                "Leo makes sound decisions on his own at night,\nand knows when to call.",
            ),
        ),
        (
            "agreement text",
            ANA,
            set_text(
                TextField::Agreement(AgreementField::Celebration),
                "Cake after each milestone.",
            ),
        ),
        (
            "add evaluation",
            ANA,
            PairChange::AddEvaluation(EvaluationFields {
                date: Some("2026-01-20".into()),
                by: Some("carol-nguyen".into()),
                rating: Some("5".into()),
                summary: Some("Coordinator's review.".into()),
                ..EvaluationFields::default()
            }),
        ),
        (
            "edit evaluation",
            ANA,
            PairChange::EditEvaluation {
                index: 2,
                fields: EvaluationFields {
                    notes: Some("Ana made the year.".into()),
                    ..EvaluationFields::default()
                },
            },
        ),
        (
            "closure",
            INGRID,
            PairChange::Closure(ClosureFields {
                date: Some("2027-11-02".into()),
                outcome: Some("renewed".into()),
                summary: Some("A good first year.".into()),
                ..ClosureFields::default()
            }),
        ),
    ]
}

#[test]
fn every_kind_of_change_on_the_bundled_program() {
    let mut table = String::from(
        "| change | file | lines added | lines removed |\n| --- | --- | --- | --- |\n",
    );
    let mut diffs = String::new();
    for (kind, rel, change) in kinds() {
        let before = read(rel);
        let after = apply(&before, &change);
        let (added, removed) = size(&before, &after);
        let file = Path::new(rel).file_name().unwrap().to_string_lossy();
        let _ = writeln!(table, "| {kind} | {file} | {added} | {removed} |");
        let _ = writeln!(diffs, "## {kind} ({file})\n{}", diff(&before, &after));
        check_program(&[(rel, after)]);
    }
    // A person of `content/people.yaml`.
    let people = read("content/people.yaml");
    let after = apply_person(
        &people,
        &[Step::from("people"), Step::Index(2)],
        &PersonChange::Edit {
            fields: PersonFields {
                title: Some("Head of surgery".into()),
                ..PersonFields::default()
            },
        },
    )
    .expect("an edit");
    let (added, removed) = size(&people, &after);
    let _ = writeln!(
        table,
        "| person (title) | people.yaml | {added} | {removed} |"
    );
    check_program(&[("content/people.yaml", after)]);
    insta::assert_snapshot!("diff_sizes", table);
    insta::assert_snapshot!("diffs", diffs);
}

#[test]
fn a_year_of_changes_in_a_row_leaves_a_program_that_checks() {
    let mut text = read(INGRID);
    for (_, rel, change) in kinds() {
        if rel == INGRID {
            text = apply(&text, &change);
        }
    }
    for change in [
        PairChange::AddMeeting(MeetingFields {
            agenda: Some(vec!["Roles".into()]),
            ..meeting("2026-11-30")
        }),
        PairChange::AddMeeting(meeting("2026-12-14")),
        PairChange::EditGoal {
            index: 0,
            fields: GoalFields {
                status: Some("in_progress".into()),
                ..GoalFields::default()
            },
        },
        PairChange::AddMilestone {
            goal: 0,
            title: "First night alone".into(),
            due: Some("2027-01-31".into()),
        },
        PairChange::Milestone {
            goal: 0,
            index: 0,
            done: Some("2027-01-20".into()),
        },
        set_text(
            TextField::Agreement(AgreementField::Expectations),
            "Leo asks.\nIngrid answers.",
        ),
        PairChange::AddEvaluation(EvaluationFields {
            date: Some("2027-05-01".into()),
            by: Some("leo-park".into()),
            rating: Some("4".into()),
            ..EvaluationFields::default()
        }),
        tick("negotiation", "vision", "2026-12-14"),
        untick("initiation", "first-meeting"),
        PairChange::RemoveMeeting { index: 1 },
    ] {
        text = apply(&text, &change);
    }
    check_program(&[(INGRID, text)]);
}

#[test]
fn a_new_pair_scaffold_takes_ticks_meetings_and_goals() {
    let (book, _) = crate::load_program(root());
    let book = book.expect("the bundled program");
    let rel = Path::new("content/pairs/ana-lopez-leo-park.yaml");
    let mentor = PersonId::new("ana-lopez").unwrap();
    let mentee = PersonId::new("leo-park").unwrap();
    let new = NewPair {
        mentor: &mentor,
        mentee: &mentee,
        start: Date::parse("2027-01-04").unwrap(),
        proposal: None,
    };
    let scaffold = pair_scaffold(&book.program, &new, rel);
    let mut text = scaffold.clone();
    let mut diffs = String::new();
    for change in [
        tick("initiation", "self-reflection", "2027-01-04"),
        tick_by(
            "initiation",
            "ask-mentor",
            "2027-01-06",
            "leo-park",
            "After a night shift.",
        ),
        PairChange::AddMeeting(MeetingFields {
            title: Some("First meeting".into()),
            agenda: Some(vec!["Introductions".into()]),
            ..meeting("2027-01-12")
        }),
        PairChange::AddGoal(GoalFields {
            id: Some("night-decisions".into()),
            title: Some("Make night-time decisions alone".into()),
            ..GoalFields::default()
        }),
        PairChange::EditGoal {
            index: 0,
            fields: GoalFields {
                status: Some("in_progress".into()),
                ..GoalFields::default()
            },
        },
        set_text(
            TextField::Vision,
            "Leo decides alone,\nand knows when to call.",
        ),
        set_text(
            TextField::Agreement(AgreementField::Expectations),
            "Leo asks early.",
        ),
        PairChange::AddEvaluation(EvaluationFields {
            date: Some("2027-06-01".into()),
            by: Some("leo-park".into()),
            rating: Some("4".into()),
            ..EvaluationFields::default()
        }),
        PairChange::Closure(ClosureFields {
            date: Some("2028-01-04".into()),
            outcome: Some("ended".into()),
            goals_reached: Some(vec!["night-decisions".into()]),
            ..ClosureFields::default()
        }),
        untick("initiation", "self-reflection"),
    ] {
        let after = apply(&text, &change);
        let _ = writeln!(diffs, "## {change:?}\n{}", diff(&text, &after));
        text = after;
    }
    insta::assert_snapshot!(diffs);
    check_program(&[(rel.to_str().unwrap(), text)]);
}
