//! Random sequences of changes on the fixture pair file always leave a file that loads, with
//! every comment line of the original still there (removing a meeting or a field keeps the
//! comment lines inside it). A placeholder a tick consumed counts as there when its comment ends
//! the ticked line.

use std::collections::BTreeMap;

use proptest::prelude::*;

use super::*;

const PHASES: [&str; 4] = ["initiation", "negotiation", "enabling", "closure"];
const ITEMS: [&str; 7] = [
    "self-reflection",
    "research-programs",
    "ask-mentor",
    "accept-or-decline",
    "vision",
    "smart-goals",
    "keep-records",
];
/// Texts a form may send: plain, needing quotes, several lines, CRLF, spaces, empty.
const TEXTS: [&str; 9] = [
    "Plain words.",
    "Dr: Ana #1, [really]",
    "Two lines\nof text.",
    "Windows\r\nline ends\r\n",
    "  padded  ",
    "",
    "yes",
    "- a dash\n  indented second line",
    "Ends with a colon:",
];
const DATES: [&str; 3] = ["2025-01-05", "2025-06-30", "2026-12-06"];

fn one_of<T: Clone + std::fmt::Debug + 'static>(xs: &'static [T]) -> impl Strategy<Value = T> {
    proptest::sample::select(xs)
}

fn opt_text() -> impl Strategy<Value = Option<String>> {
    proptest::option::of(one_of(&TEXTS).prop_map(String::from))
}

fn opt_line() -> impl Strategy<Value = Option<String>> {
    proptest::option::of(one_of(&TEXTS[..2]).prop_map(String::from))
}

fn opt_date() -> impl Strategy<Value = Option<String>> {
    proptest::option::of(one_of(&DATES).prop_map(String::from))
}

fn list() -> impl Strategy<Value = Option<Vec<String>>> {
    proptest::option::of(proptest::collection::vec(
        one_of(&["Vision", "Hopes: both sides", "a, b", "Plan"]).prop_map(String::from),
        0..3,
    ))
}

fn meeting_fields() -> impl Strategy<Value = MeetingFields> {
    (
        one_of(&DATES),
        opt_line(),
        list(),
        list(),
        opt_text(),
        proptest::option::of(one_of(&["pair", "public"])),
    )
        .prop_map(
            |(date, title, agenda, follow_ups, notes, visibility)| MeetingFields {
                date: date.into(),
                title,
                agenda,
                follow_ups,
                notes,
                visibility: visibility.map(String::from),
            },
        )
}

fn goal_fields() -> impl Strategy<Value = GoalFields> {
    (
        proptest::option::of(one_of(&["g-one", "g-two"]).prop_map(String::from)),
        opt_line(),
        proptest::option::of(one_of(&["in_progress", "achieved"]).prop_map(String::from)),
        opt_text(),
        opt_text(),
        opt_date(),
    )
        .prop_map(
            |(id, title, status, specific, attainable, timely)| GoalFields {
                id,
                title,
                status,
                specific,
                attainable,
                timely,
                ..GoalFields::default()
            },
        )
}

fn change() -> impl Strategy<Value = PairChange> {
    let phase = || one_of(&PHASES).prop_map(String::from);
    let item = || one_of(&ITEMS).prop_map(String::from);
    prop_oneof![
        (
            phase(),
            item(),
            one_of(&DATES),
            proptest::option::of(one_of(&["", "ana-lopez"])),
            proptest::option::of(one_of(&["", "A note: #1", "Two\nlines"]))
        )
            .prop_map(|(phase, item, done, by, comment)| PairChange::Tick {
                phase,
                item,
                done: done.into(),
                by: by.map(String::from),
                comment: comment.map(String::from),
            }),
        (phase(), item()).prop_map(|(phase, item)| PairChange::Untick { phase, item }),
        meeting_fields().prop_map(PairChange::AddMeeting),
        (0..5usize, meeting_fields())
            .prop_map(|(index, fields)| PairChange::EditMeeting { index, fields }),
        (0..5usize).prop_map(|index| PairChange::RemoveMeeting { index }),
        // A new goal has a title (the form requires it, as the model does).
        goal_fields().prop_map(|g| PairChange::AddGoal(GoalFields {
            title: g.title.or(Some("A goal".into())),
            ..g
        })),
        (0..3usize, goal_fields())
            .prop_map(|(index, fields)| PairChange::EditGoal { index, fields }),
        (0..3usize, 0..3usize, opt_date()).prop_map(|(goal, index, done)| PairChange::Milestone {
            goal,
            index,
            done
        }),
        (0..3usize, one_of(&TEXTS[..2]), opt_date()).prop_map(|(goal, title, due)| {
            PairChange::AddMilestone {
                goal,
                title: title.into(),
                due,
            }
        }),
        (0..13usize, one_of(&TEXTS)).prop_map(|(i, text)| PairChange::SetText {
            field: match i {
                10 => TextField::Vision,
                11 => TextField::ClosureSummary,
                12 => TextField::Concerns,
                i => TextField::Agreement(AgreementField::ALL[i]),
            },
            text: text.into(),
        }),
        (opt_date(), opt_line(), opt_text()).prop_map(|(date, summary, notes)| {
            PairChange::AddEvaluation(EvaluationFields {
                date: date.or(Some("2025-08-01".into())),
                rating: Some("3".into()),
                summary,
                notes,
                ..EvaluationFields::default()
            })
        }),
        (0..3usize, opt_line(), opt_text()).prop_map(|(index, summary, notes)| {
            PairChange::EditEvaluation {
                index,
                fields: EvaluationFields {
                    summary,
                    notes,
                    ..EvaluationFields::default()
                },
            }
        }),
        (
            opt_date(),
            opt_text(),
            proptest::option::of(proptest::collection::vec(
                Just("lead-surgery".to_owned()),
                0..2
            ))
        )
            .prop_map(|(date, summary, goals_reached)| PairChange::Closure(
                ClosureFields {
                    date,
                    outcome: Some("ended".into()),
                    summary,
                    goals_reached,
                    ..ClosureFields::default()
                }
            )),
    ]
}

/// What `mentorbook new pair` writes for a pair of the bundled program.
fn scaffold() -> &'static str {
    static TEXT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    TEXT.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let (book, _) = crate::load_program(root);
        let book = book.expect("the bundled program");
        let mentor = crate::model::PersonId::new("ana-lopez").unwrap();
        let mentee = crate::model::PersonId::new("leo-park").unwrap();
        let new = crate::scaffold::new::NewPair {
            mentor: &mentor,
            mentee: &mentee,
            start: crate::model::Date::parse("2027-01-04").unwrap(),
            proposal: None,
        };
        crate::scaffold::new::pair_scaffold(&book.program, &new, Path::new("content/pairs/x.yaml"))
    })
}

/// The comment lines of `text`, without their indentation (a removal may write the comments of
/// what it removes at the removed lines' indentation) and line ends, counted.
fn comments(text: &str) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    for line in text.lines() {
        if line.trim_start().starts_with('#') {
            *out.entry(line.trim().to_owned()).or_default() += 1;
        }
    }
    out
}

/// Whether the placeholder `line` (`# item: YYYY-MM-DD   # comment`) lives on as a ticked line.
fn ticked(line: &str, text: &str) -> bool {
    let body = line.trim_start().trim_start_matches('#').trim_start();
    let Some((item, rest)) = body.split_once(':') else {
        return false;
    };
    let Some(tail) = rest.trim_start().strip_prefix("YYYY-MM-DD") else {
        return false;
    };
    let tail = tail.trim();
    !tail.is_empty()
        && text.lines().any(|l| {
            l.trim_start().starts_with(&format!("{item}:")) && l.trim_end().ends_with(tail)
        })
}

fn run(start: &str, changes: &[PairChange]) -> Result<(), TestCaseError> {
    let mut text = start.to_owned();
    let expected = comments(start);
    for change in changes {
        match apply_pair(&text, change) {
            Ok(out) => {
                if let Err(p) = load(&out) {
                    return Err(TestCaseError::fail(format!(
                        "{change:?} leaves a file that does not load: {p}\n{out}"
                    )));
                }
                text = out;
            }
            Err(e @ EditError::Broken { .. }) => {
                return Err(TestCaseError::fail(format!("{change:?}: {e}\n{text}")));
            }
            Err(_) => {}
        }
    }
    let have = comments(&text);
    for (line, n) in &expected {
        let there = have.get(line).copied().unwrap_or(0);
        if there < *n && !ticked(line, &text) {
            return Err(TestCaseError::fail(format!(
                "the comment line {line:?} is lost:\n{text}"
            )));
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn changes_keep_the_file_loading_and_its_comments(changes in proptest::collection::vec(change(), 1..12)) {
        run(pair(), &changes)?;
    }

    #[test]
    fn changes_on_a_new_pair_scaffold_too(changes in proptest::collection::vec(change(), 1..12)) {
        run(scaffold(), &changes)?;
    }

    #[test]
    fn changes_on_crlf_text_too(changes in proptest::collection::vec(change(), 1..6)) {
        run(&pair().replace('\n', "\r\n"), &changes)?;
    }
}

/// Lines of pair files, good and bad, to make texts of: no change on any of them panics.
const LINES: [&str; 30] = [
    "mentor: a",
    "progress:",
    "  initiation:",
    "    # self-reflection: YYYY-MM-DD   # both: Reflect",
    "    self-reflection: 2025-01-05   # ünïcode",
    "    ask-mentor: {done: 2025-01-09}",
    "  negotiation: {}",
    "meetings:",
    "  - date: 2025-01-20",
    "    agenda: [a, \"b: c\"]",
    "    notes: |",
    "      # A heading",
    "  - {date: 2025-01-01}",
    "goals: []",
    "goals:",
    "- id: g",
    "  milestones:",
    "  - title: t",
    "vision: |",
    "closure: ~",
    "# meetings:",
    "#   - date: YYYY-MM-DD",
    "key: 'unterminated",
    "\t- tab",
    "-",
    "  date: 2025-02-01",
    "-   date: 2025-03-01",
    "  - title: x",
    "    done: 2025-01-01",
    "  enabling:",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn no_text_makes_a_change_panic(
        lines in proptest::collection::vec(one_of(&LINES), 0..14),
        crlf in any::<bool>(),
        change in change(),
    ) {
        let text = lines.join(if crlf { "\r\n" } else { "\n" });
        match apply_pair(&text, &change) {
            Ok(out) => prop_assert!(crate::yaml_edit::Document::parse(&out).is_ok()),
            Err(EditError::Broken { .. }) => prop_assert!(false, "{change:?} broke {text:?}"),
            Err(_) => {}
        }
    }
}

/// Found by `no_text_makes_a_change_panic`: a key that goes first in an item whose first key shares
/// the line of its dash (`- title: t`) takes the place after the dash; it once went on the line
/// before the item, under the item above.
#[test]
fn a_key_put_first_in_an_item_goes_after_its_dash() {
    let text =
        "goals:\n  - date: 2025-01-20\n  - {date: 2025-01-01}\n  - title: t # kept\nmentor: a";
    let change = PairChange::EditGoal {
        index: 2,
        fields: GoalFields {
            id: Some("g-one".into()),
            ..GoalFields::default()
        },
    };
    assert_eq!(
        apply_pair(text, &change).unwrap(),
        "goals:\n  - date: 2025-01-20\n  - {date: 2025-01-01}\n  - id: g-one\n    title: t # kept\nmentor: a"
    );
}

/// Found by `no_text_makes_a_change_panic`: a comment between a dash and its item does not hide
/// the dash, so a new item lines up with it.
#[test]
fn a_new_item_lines_up_with_a_dash_above_a_comment() {
    let text = "meetings:\n-\n# meetings:\n  initiation:";
    let change = PairChange::AddMeeting(MeetingFields {
        date: "2025-01-05".into(),
        ..MeetingFields::default()
    });
    assert_eq!(
        apply_pair(text, &change).unwrap(),
        "meetings:\n-\n# meetings:\n  initiation:\n- date: 2025-01-05\n"
    );
}

/// Found by `no_text_makes_a_change_panic`: a commented sample inside the list of the key above
/// is not where a new key goes.
#[test]
fn a_sample_above_the_items_of_a_list_is_not_where_a_key_goes() {
    let text = "goals:\n# meetings:\n- id: g\n";
    let change = PairChange::AddMeeting(MeetingFields {
        date: "2025-01-05".into(),
        ..MeetingFields::default()
    });
    assert_eq!(
        apply_pair(text, &change).unwrap(),
        "goals:\n# meetings:\n- id: g\nmeetings:\n  - date: 2025-01-05\n"
    );
}

/// Found by `no_text_makes_a_change_panic`: an empty block scalar at the end of the text ends the
/// mapping it is in, so a new root key goes after it.
#[test]
fn a_key_goes_after_an_empty_block_scalar_that_ends_the_text() {
    let text = "  initiation:\n    notes: |\n      # A heading\n    notes: |";
    let change = PairChange::AddEvaluation(EvaluationFields {
        date: Some("2025-08-01".into()),
        ..EvaluationFields::default()
    });
    assert_eq!(
        apply_pair(text, &change).unwrap(),
        format!("{text}\n  evaluations:\n    - date: 2025-08-01\n")
    );
}
