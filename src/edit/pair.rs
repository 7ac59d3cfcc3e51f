//! The changes to a pair file: each [`PairChange`] made into edits of its text.

use super::EditError;
use super::change::{
    ClosureFields, EvaluationFields, GoalFields, MeetingFields, PairChange, TextField,
};
use super::progress::{self, Tick};
use super::text::{Doc, Order};
use super::value::{items, opt_text, opt_word, text, word};
use crate::yaml_edit::{Edit, Entries, NodeKind, Step, Value};

/// The root keys of a pair file in the order `mentorbook new pair` and the examples write them.
const ROOT: Order = &[
    &["mentor"],
    &["mentee"],
    &["status"],
    &["start"],
    &["end"],
    &["phase"],
    &["initiated_by"],
    &["visibility"],
    &["readiness"],
    &["first_meeting"],
    &["vision"],
    &["goals"],
    &["agreement"],
    &["meetings"],
    &["planned_meetings"],
    &["evaluations"],
    &["closure"],
    &["progress"],
    &["concerns"],
    &["sources"],
];
const PROGRESS: Order = &[
    &["initiation"],
    &["negotiation"],
    &["enabling"],
    &["closure"],
];
const TICK: Order = &[&["done"], &["by"], &["comment"]];
const GOAL: Order = &[
    &["id"],
    &["title"],
    &["specific"],
    &["measurable"],
    &["attainable", "achievable"],
    &["realistic", "relevant"],
    &["timely", "time_bound"],
    &["status"],
    &["milestones"],
    &["visibility"],
];
const MILESTONE: Order = &[&["title"], &["due"], &["done"]];
const AGREEMENT: Order = &[
    &["expectations"],
    &["boundaries"],
    &["confidentiality"],
    &["ethics"],
    &["communication"],
    &["meetings"],
    &["feedback"],
    &["measuring_success"],
    &["evaluation_process"],
    &["conflict_resolution"],
    &["celebration"],
    &["end_point"],
    &["signed"],
];
const READINESS: Order = &[
    &["mentee_reflection"],
    &["mentor_reflection"],
    &["relationship_type"],
];
const FIRST_MEETING: Order = &[&["date"], &["place"], &["notes"]];
const COMMUNICATION: Order = &[&["channel"], &["response_time"], &["between_meetings"]];
const MEETING_PLAN: Order = &[&["frequency"], &["place"], &["duration"]];
const SIGNED: Order = &[&["mentor"], &["mentee"]];
const MEETING: Order = &[
    &["date"],
    &["title"],
    &["agenda"],
    &["follow_ups"],
    &["notes"],
    &["visibility"],
];
const EVALUATION: Order = &[
    &["date"],
    &["by"],
    &["rating"],
    &["summary"],
    &["notes"],
    &["feedback"],
    &["visibility"],
];
const CLOSURE: Order = &[
    &["date"],
    &["outcome"],
    &["summary"],
    &["goals_reached"],
    &["next_steps"],
    &["reflection"],
];

/// The order of the mapping at `path` of a pair file.
pub(super) fn schema(path: &[Step]) -> Order {
    let keys: Vec<&str> = path
        .iter()
        .map(|s| match s {
            Step::Key(k) => k.as_str(),
            Step::Index(_) => "[]",
        })
        .collect();
    match keys.as_slice() {
        [] => ROOT,
        ["progress"] => PROGRESS,
        ["progress", _, _] => TICK,
        ["goals", "[]"] => GOAL,
        ["goals", "[]", "milestones", "[]"] => MILESTONE,
        ["agreement"] => AGREEMENT,
        ["readiness"] => READINESS,
        ["first_meeting"] => FIRST_MEETING,
        ["agreement", "communication"] => COMMUNICATION,
        ["agreement", "meetings"] => MEETING_PLAN,
        ["agreement", "signed"] => SIGNED,
        ["meetings", "[]"] => MEETING,
        ["evaluations", "[]"] => EVALUATION,
        ["closure"] => CLOSURE,
        _ => &[],
    }
}

/// The edits that make `change`.
pub(super) fn edits(doc: &Doc<'_>, change: &PairChange) -> Result<Vec<Edit>, EditError> {
    match change {
        PairChange::Tick {
            phase,
            item,
            done,
            by,
            comment,
        } => progress::tick(
            doc,
            &Tick {
                phase,
                item,
                done,
                by: by.as_deref(),
                comment: comment.as_deref(),
            },
        ),
        PairChange::Untick { phase, item } => progress::untick(doc, phase, item),
        PairChange::AddMeeting(f) => {
            required(&f.date, "the meeting's date")?;
            doc.push(&[Step::from("meetings")], &new_item(&meeting(doc, f)))
        }
        PairChange::EditMeeting { index, fields } => {
            let at = item(doc, "meetings", *index)?;
            required(&fields.date, "the meeting's date")?;
            set_fields(doc, &at, &meeting(doc, fields))
        }
        PairChange::RemoveMeeting { index } => doc.remove_item(&[Step::from("meetings")], *index),
        PairChange::AddGoal(f) => {
            required(f.id.as_deref().unwrap_or_default(), "a new goal's id")?;
            doc.push(&[Step::from("goals")], &new_item(&goal(f)))
        }
        PairChange::EditGoal { index, fields } => {
            let at = item(doc, "goals", *index)?;
            set_fields(doc, &at, &goal(fields))
        }
        PairChange::Milestone { goal, index, done } => {
            let mut at = item(doc, "goals", *goal)?;
            at.push(Step::from("milestones"));
            doc.item(&at, *index)?;
            at.push(Step::Index(*index));
            match done.as_deref().map(str::trim) {
                Some(d) if !d.is_empty() => doc.put(&at, "done", &word(d)),
                _ => doc.remove(&at, "done"),
            }
        }
        PairChange::AddMilestone { goal, title, due } => {
            let mut at = item(doc, "goals", *goal)?;
            required(title, "the milestone's title")?;
            at.push(Step::from("milestones"));
            let fields = vec![
                ("title", Some(text(title))),
                ("due", due.as_deref().map(word)),
            ];
            doc.push(&at, &new_item(&fields))
        }
        PairChange::SetText { field, text: t } => {
            let (map, key) = text_place(*field);
            let map: Vec<Step> = map.iter().map(|k| Step::from(*k)).collect();
            set_fields(doc, &map, &[(key, Some(text(t)))])
        }
        PairChange::AddEvaluation(f) => {
            required(
                f.date.as_deref().unwrap_or_default(),
                "the evaluation's date",
            )?;
            doc.push(&[Step::from("evaluations")], &new_item(&evaluation(f)))
        }
        PairChange::EditEvaluation { index, fields } => {
            let at = item(doc, "evaluations", *index)?;
            set_fields(doc, &at, &evaluation(fields))
        }
        PairChange::Closure(f) => set_fields(doc, &[Step::from("closure")], &closure(f)),
    }
}

/// Where a text of [`PairChange::SetText`] is: its mapping's path and its key.
fn text_place(field: TextField) -> (&'static [&'static str], &'static str) {
    match field {
        TextField::Vision => (&[], "vision"),
        TextField::Agreement(f) => (&["agreement"], f.key()),
        TextField::ClosureSummary => (&["closure"], "summary"),
        TextField::ClosureNextSteps => (&["closure"], "next_steps"),
        TextField::Concerns => (&[], "concerns"),
        TextField::Detail(d) => d.place(),
    }
}

/// A form's fields: a key and, when it is on the form, its value (empty: remove it).
pub(super) type Fields = Vec<(&'static str, Option<Value>)>;

fn meeting(doc: &Doc<'_>, f: &MeetingFields) -> Fields {
    let list = |l: &Option<Vec<String>>| {
        let l = items(l.as_deref()?);
        Some(if flow_lists(doc) {
            Value::Texts(l)
        } else {
            Value::Lines(l)
        })
    };
    vec![
        ("date", Some(word(&f.date))),
        ("title", opt_text(&f.title)),
        ("agenda", list(&f.agenda)),
        ("follow_ups", list(&f.follow_ups)),
        ("notes", opt_text(&f.notes)),
        ("visibility", opt_word(&f.visibility)),
    ]
}

/// Whether the meeting log writes its agendas in brackets (the last meeting with an agenda or
/// follow-ups says; the scaffold's sample, and so the default, does).
fn flow_lists(doc: &Doc<'_>) -> bool {
    let Some(NodeKind::Seq { items, .. }) = doc.get(&[Step::from("meetings")]).map(|n| &n.kind)
    else {
        return true;
    };
    items
        .iter()
        .rev()
        .find_map(|m| match &m.kind {
            NodeKind::Map { entries, .. } => entries.iter().find_map(|(k, v)| {
                matches!(k.as_str(), Some("agenda" | "follow_ups")).then_some(match &v.kind {
                    NodeKind::Seq { flow, .. } => *flow,
                    _ => true,
                })
            }),
            _ => None,
        })
        .unwrap_or(true)
}

fn goal(f: &GoalFields) -> Fields {
    vec![
        ("id", opt_word(&f.id)),
        ("title", opt_text(&f.title)),
        ("specific", opt_text(&f.specific)),
        ("measurable", opt_text(&f.measurable)),
        ("attainable", opt_text(&f.attainable)),
        ("realistic", opt_text(&f.realistic)),
        ("timely", opt_word(&f.timely)),
        ("status", opt_word(&f.status)),
    ]
}

fn evaluation(f: &EvaluationFields) -> Fields {
    vec![
        ("date", opt_word(&f.date)),
        ("by", opt_word(&f.by)),
        ("rating", opt_word(&f.rating)),
        ("summary", opt_text(&f.summary)),
        ("notes", opt_text(&f.notes)),
        ("visibility", opt_word(&f.visibility)),
    ]
}

fn closure(f: &ClosureFields) -> Fields {
    vec![
        ("date", opt_word(&f.date)),
        ("outcome", opt_word(&f.outcome)),
        ("summary", opt_text(&f.summary)),
        (
            "goals_reached",
            f.goals_reached.as_ref().map(|l| Value::Words(items(l))),
        ),
        ("next_steps", opt_text(&f.next_steps)),
    ]
}

/// The entries of a new list item: the fields with a value, in order.
pub(super) fn new_item(fields: &[(&str, Option<Value>)]) -> Entries {
    let mut e = Entries::default();
    for (k, v) in fields {
        if let Some(v) = v.as_ref().filter(|v| !empty(v)) {
            e.set(&[k], v.clone());
        }
    }
    e
}

/// The edits that write `fields` into the mapping at `map`; a missing mapping is added with all
/// of them at once.
pub(super) fn set_fields(
    doc: &Doc<'_>,
    map: &[Step],
    fields: &[(&str, Option<Value>)],
) -> Result<Vec<Edit>, EditError> {
    if doc.get(map).is_none()
        && let Some((Step::Key(name), parent)) = map.split_last()
    {
        let mut nested = Entries::default();
        for (k, v) in fields {
            if let Some(v) = v.as_ref().filter(|v| !empty(v)) {
                nested.set(&[name, k], v.clone());
            }
        }
        if nested.is_empty() {
            return Ok(Vec::new());
        }
        return doc.add_key(parent, name, &|indent| nested.block(indent, 2, None));
    }
    let mut edits = Vec::new();
    for (k, v) in fields {
        edits.extend(doc.field(map, k, v.clone())?);
    }
    Ok(edits)
}

fn empty(v: &Value) -> bool {
    match v {
        Value::Text(s) | Value::Word(s) => s.is_empty(),
        Value::Words(l) | Value::Texts(l) | Value::Lines(l) => l.is_empty(),
    }
}

/// The path of item `index` of the root list `list`, checked.
fn item(doc: &Doc<'_>, list: &str, index: usize) -> Result<Vec<Step>, EditError> {
    let path = vec![Step::from(list)];
    doc.item(&path, index)?;
    Ok(vec![Step::from(list), Step::Index(index)])
}

fn required(value: &str, what: &'static str) -> Result<(), EditError> {
    if value.trim().is_empty() {
        Err(EditError::Required(what))
    } else {
        Ok(())
    }
}
