//! A mentoring pair: `content/pairs/<pair-id>.yaml`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{
    Cadence, Date, GoalId, Initiator, ItemId, Located, PairId, PersonId, PhaseId, Private,
    Visibility,
};
use crate::markdown::Markdown;

/// What a pair file holds, as written.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PairFile {
    /// The mentor's person id.
    pub mentor: Located<PersonId>,
    /// The mentee's person id.
    pub mentee: Located<PersonId>,
    /// When the relationship started.
    pub start: Located<Date>,
    /// The planned end; defaults to start plus the program's default length.
    #[serde(default)]
    pub end: Option<Located<Date>>,
    /// The current phase, when the pair sets it rather than letting it be derived.
    #[serde(default)]
    pub phase: Option<PhaseId>,
    /// How the pair came together: `mentee` (the mentee asked; the default), `mentor` (the
    /// mentor offered) or `program` (a coordinator matched them). Initiation checklist items
    /// marked for other ways are left off this pair's checklist.
    #[serde(default)]
    pub initiated_by: Initiator,
    /// `active` (the default): a pair of the program. `proposed`: a pair that `mentorbook match
    /// --write` drafted for review; it is checked like any pair but published nowhere and counted
    /// in no list until a coordinator accepts it by deleting the line.
    #[serde(default)]
    pub status: PairStatus,
    /// Who may see this pair at all: `public` (the default) lists it on the hosted site; `pair` or
    /// `coordinators` keep it to the private editions.
    #[serde(default)]
    pub visibility: Visibility,
    /// Initiation: readiness.
    #[serde(default)]
    pub readiness: Option<Readiness>,
    /// Initiation: the first meeting.
    #[serde(default)]
    pub first_meeting: Option<FirstMeeting>,
    /// Negotiation: the long-term purpose.
    #[serde(default)]
    pub vision: Option<Markdown>,
    /// SMART goals.
    #[serde(default)]
    pub goals: Vec<Goal>,
    /// The partnership agreement.
    #[serde(default)]
    pub agreement: Option<Located<Agreement>>,
    /// The meeting log.
    #[serde(default)]
    pub meetings: Vec<Meeting>,
    /// Dates of meetings planned ahead, for the pair's calendar file. When left out, the calendar
    /// plans meetings from the agreement's meeting frequency.
    #[serde(default)]
    pub planned_meetings: Vec<Located<Date>>,
    /// Check-ins on the relationship.
    #[serde(default)]
    pub evaluations: Vec<Evaluation>,
    /// How the relationship ended.
    #[serde(default)]
    pub closure: Option<Located<Closure>>,
    /// Checklist progress, by phase then by item id.
    #[serde(default)]
    pub progress: BTreeMap<PhaseId, ProgressMap>,
    /// Worries raised in confidence. Private.
    #[serde(default)]
    pub concerns: Option<Private<Markdown>>,
    /// Where an example pair's story comes from, one credit a line, shown as "Sources" on its
    /// pages (as in phase files and guide chapters).
    #[serde(default)]
    pub sources: Vec<String>,
}

/// Whether a pair is one of the program's or a proposal waiting for review.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum PairStatus {
    /// A pair of the program (the default).
    #[default]
    Active,
    /// A proposal (`mentorbook match --write`): checked, never published, counted nowhere.
    Proposed,
}

impl PairStatus {
    /// The name pair files use.
    pub fn id(self) -> &'static str {
        match self {
            PairStatus::Active => "active",
            PairStatus::Proposed => "proposed",
        }
    }
}

/// Initiation: readiness and the kind of relationship.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Readiness {
    /// The mentee's self-reflection. Private.
    #[serde(default)]
    pub mentee_reflection: Option<Private<Markdown>>,
    /// The mentor's self-reflection. Private.
    #[serde(default)]
    pub mentor_reflection: Option<Private<Markdown>>,
    /// The type of relationship agreed (one-to-one, formal, ...).
    #[serde(default)]
    pub relationship_type: Option<String>,
}

/// Initiation: the first meeting.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FirstMeeting {
    /// When.
    #[serde(default)]
    pub date: Option<Located<Date>>,
    /// Where.
    #[serde(default)]
    pub place: Option<String>,
    /// What was said. Private.
    #[serde(default)]
    pub notes: Option<Private<Markdown>>,
}

/// Where a goal stands.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum GoalStatus {
    /// Not started yet.
    #[default]
    NotStarted,
    /// Being worked on.
    InProgress,
    /// Reached.
    Achieved,
    /// Given up, on purpose.
    Dropped,
}

impl GoalStatus {
    /// Every status, in the order a goal goes through them.
    pub const ALL: [GoalStatus; 4] = [
        GoalStatus::NotStarted,
        GoalStatus::InProgress,
        GoalStatus::Achieved,
        GoalStatus::Dropped,
    ];

    /// The name pair files use, `in_progress`: also the status's class in pages and pictures.
    pub fn id(self) -> &'static str {
        match self {
            GoalStatus::NotStarted => "not_started",
            GoalStatus::InProgress => "in_progress",
            GoalStatus::Achieved => "achieved",
            GoalStatus::Dropped => "dropped",
        }
    }
}

/// A SMART goal: Specific, Measurable, Attainable, Realistic and Timely, as the twelve action
/// steps of the AAHA guidelines define it.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Goal {
    /// Unique within the pair.
    pub id: Located<GoalId>,
    /// A short name.
    pub title: String,
    /// Exactly what will be achieved.
    #[serde(default)]
    pub specific: Option<Markdown>,
    /// How achievement is measured.
    #[serde(default)]
    pub measurable: Option<Markdown>,
    /// Attainable: why it is within reach, and the support it needs. Also read as `achievable`,
    /// the key of earlier versions.
    #[serde(default, alias = "achievable")]
    pub attainable: Option<Markdown>,
    /// Realistic: why it fits the time, workload and resources the pair really has. Also read as
    /// `relevant`, the key of earlier versions.
    #[serde(default, alias = "relevant")]
    pub realistic: Option<Markdown>,
    /// Timely: the deadline. Also read as `time_bound`, the key of earlier versions.
    #[serde(default, alias = "time_bound")]
    pub timely: Option<Located<Date>>,
    /// Where it stands.
    #[serde(default)]
    pub status: GoalStatus,
    /// Steps on the way.
    #[serde(default)]
    pub milestones: Vec<Milestone>,
    /// Who may see this goal (default `public`).
    #[serde(default)]
    pub visibility: Visibility,
}

/// A step towards a goal.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Milestone {
    /// What the step is.
    pub title: String,
    /// When it is due.
    #[serde(default)]
    pub due: Option<Date>,
    /// When it was reached.
    #[serde(default)]
    pub done: Option<Date>,
}

/// The partnership agreement.
#[derive(Debug, Clone, Default, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Agreement {
    /// What each expects of the other.
    #[serde(default)]
    pub expectations: Option<Markdown>,
    /// What is off limits.
    #[serde(default)]
    pub boundaries: Option<Markdown>,
    /// What stays between the two.
    #[serde(default)]
    pub confidentiality: Option<Markdown>,
    /// Conflicts of interest and ethical boundaries.
    #[serde(default)]
    pub ethics: Option<Markdown>,
    /// How the two reach each other.
    #[serde(default)]
    pub communication: Option<Communication>,
    /// When and where they meet.
    #[serde(default)]
    pub meetings: Option<MeetingPlan>,
    /// How the two give each other feedback and new ideas (a feedback form of their own, separate
    /// from any performance review).
    #[serde(default)]
    pub feedback: Option<Markdown>,
    /// The outcomes they expect and how they will monitor or measure them.
    #[serde(default)]
    pub measuring_success: Option<Markdown>,
    /// How they will evaluate progress towards the goals: when, where and how.
    #[serde(default)]
    pub evaluation_process: Option<Markdown>,
    /// What they do when they disagree.
    #[serde(default)]
    pub conflict_resolution: Option<Markdown>,
    /// How they will mark progress and accomplishments along the way.
    #[serde(default)]
    pub celebration: Option<Markdown>,
    /// When and how it ends or is renewed.
    #[serde(default)]
    pub end_point: Option<Markdown>,
    /// When each signed.
    #[serde(default)]
    pub signed: Option<Signatures>,
}

/// How the pair communicates.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Communication {
    /// E-mail, phone, chat...
    #[serde(default)]
    pub channel: Option<String>,
    /// How fast each answers.
    #[serde(default)]
    pub response_time: Option<String>,
    /// How to ask for help between meetings.
    #[serde(default)]
    pub between_meetings: Option<String>,
}

/// The agreed meeting schedule.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MeetingPlan {
    /// How often.
    #[serde(default)]
    pub frequency: Option<Cadence>,
    /// Where.
    #[serde(default)]
    pub place: Option<String>,
    /// How long.
    #[serde(default)]
    pub duration: Option<String>,
}

/// Signature dates.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Signatures {
    /// The mentor signed on.
    #[serde(default)]
    pub mentor: Option<Date>,
    /// The mentee signed on.
    #[serde(default)]
    pub mentee: Option<Date>,
}

/// One meeting of the log.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    /// When.
    pub date: Located<Date>,
    /// A title.
    #[serde(default)]
    pub title: Option<String>,
    /// What was planned.
    #[serde(default)]
    pub agenda: Vec<String>,
    /// What each will do next.
    #[serde(default)]
    pub follow_ups: Vec<String>,
    /// What was said. Private.
    #[serde(default)]
    pub notes: Option<Private<Markdown>>,
    /// Who may see this meeting at all (default `public`: its date, title, agenda and follow-ups).
    #[serde(default)]
    pub visibility: Visibility,
}

/// A check-in on how the relationship works.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Evaluation {
    /// When.
    pub date: Located<Date>,
    /// Who evaluated.
    #[serde(default)]
    pub by: Option<Located<PersonId>>,
    /// 1 to 5.
    #[serde(default)]
    pub rating: Option<Located<u8>>,
    /// One public line.
    #[serde(default)]
    pub summary: Option<String>,
    /// The evaluation itself. Private.
    #[serde(default)]
    pub notes: Option<Private<Markdown>>,
    /// The feedback form, in both voices: what goes well, what to change, each goal, the
    /// relationship. Private, like the notes.
    #[serde(default)]
    pub feedback: Option<Private<FeedbackForm>>,
    /// Who may see this evaluation at all (default `pair`: evaluations are personal).
    #[serde(default = "pair_only")]
    pub visibility: Visibility,
}

/// The pair's own feedback form (not a performance review): each of them answers the same
/// questions.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FeedbackForm {
    /// The mentee's answers.
    #[serde(default)]
    pub mentee: Option<FeedbackVoice>,
    /// The mentor's answers.
    #[serde(default)]
    pub mentor: Option<FeedbackVoice>,
}

/// One person's answers on the feedback form.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FeedbackVoice {
    /// What is going well.
    #[serde(default)]
    pub going_well: Option<Markdown>,
    /// What to change, start or stop.
    #[serde(default)]
    pub to_change: Option<Markdown>,
    /// Progress on each goal, by goal id.
    #[serde(default)]
    pub goals: BTreeMap<GoalId, Markdown>,
    /// How the relationship itself is working: trust, time, openness, fit.
    #[serde(default)]
    pub relationship: Option<Markdown>,
}

fn pair_only() -> Visibility {
    Visibility::Pair
}

/// How the relationship ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// It ended.
    Ended,
    /// It was renewed for another term.
    Renewed,
}

impl Outcome {
    /// The name pair files use (`renewed`).
    pub fn id(self) -> &'static str {
        match self {
            Outcome::Ended => "ended",
            Outcome::Renewed => "renewed",
        }
    }
}

/// The closure summary.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Closure {
    /// When it closed.
    #[serde(default)]
    pub date: Option<Located<Date>>,
    /// Ended or renewed.
    #[serde(default)]
    pub outcome: Option<Outcome>,
    /// What was achieved.
    #[serde(default)]
    pub summary: Option<Markdown>,
    /// Goals reached.
    #[serde(default)]
    pub goals_reached: Vec<Located<GoalId>>,
    /// What comes next.
    #[serde(default)]
    pub next_steps: Option<Markdown>,
    /// Personal reflection. Private.
    #[serde(default)]
    pub reflection: Option<Private<Markdown>>,
}

/// The progress of one phase: item id to when (and by whom) it was done, in file order.
#[derive(Debug, Clone, Default)]
pub struct ProgressMap(pub Vec<(Located<ItemId>, ItemProgress)>);

/// A checklist item marked done.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ItemProgress {
    /// When it was done.
    pub done: Located<Date>,
    /// Who did it.
    #[serde(default)]
    pub by: Option<Located<PersonId>>,
    /// A comment.
    #[serde(default)]
    pub comment: Option<String>,
}

impl<'de> Deserialize<'de> for ProgressMap {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Entries;
        impl<'de> serde::de::Visitor<'de> for Entries {
            type Value = ProgressMap;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("checklist item ids, each with the date it was done")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<ProgressMap, A::Error> {
                let mut out = Vec::new();
                while let Some(id) = map.next_key::<Located<ItemId>>()? {
                    let entry: Located<ProgressEntry> = map.next_value()?;
                    let progress = match entry.value {
                        ProgressEntry::Short(date) => ItemProgress {
                            done: Located {
                                value: date,
                                line: entry.line,
                                column: entry.column,
                            },
                            by: None,
                            comment: None,
                        },
                        ProgressEntry::Long(p) => p,
                    };
                    out.push((id, progress));
                }
                Ok(ProgressMap(out))
            }
            /// A phase written with nothing under it (only commented-out items) has no progress.
            fn visit_unit<E: serde::de::Error>(self) -> Result<ProgressMap, E> {
                Ok(ProgressMap::default())
            }
            fn visit_none<E: serde::de::Error>(self) -> Result<ProgressMap, E> {
                Ok(ProgressMap::default())
            }
        }
        d.deserialize_any(Entries)
    }
}

/// Item ids mapped to a date, or to `done`, `by` and `comment`.
impl schemars::JsonSchema for ProgressMap {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "ProgressMap".into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let date = generator.subschema_for::<Date>();
        let long = generator.subschema_for::<ItemProgress>();
        schemars::json_schema!({
            "type": ["object", "null"],
            "description": "Checklist item ids (from content/phases/) with the date each was done.",
            "propertyNames": { "pattern": crate::model::ids::SLUG_PATTERN },
            "additionalProperties": { "anyOf": [date, long] }
        })
    }
}

/// Progress written either as just a date or as a map with `done`, `by` and `comment`.
enum ProgressEntry {
    Short(Date),
    Long(ItemProgress),
}

impl<'de> Deserialize<'de> for ProgressEntry {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Either;
        impl<'de> serde::de::Visitor<'de> for Either {
            type Value = ProgressEntry;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a date (YYYY-MM-DD) or a map with `done`, `by` and `comment`")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<ProgressEntry, E> {
                Date::parse(s).map(ProgressEntry::Short).map_err(E::custom)
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<ProgressEntry, A::Error> {
                let d = serde::de::value::MapAccessDeserializer::new(map);
                ItemProgress::deserialize(d).map(ProgressEntry::Long)
            }
        }
        d.deserialize_any(Either)
    }
}

/// A pair after validation: its id, its file, and what was derived from it.
#[derive(Debug, Clone)]
pub struct Pair {
    /// From the file name.
    pub id: PairId,
    /// The file, relative to the program folder.
    pub source: std::path::PathBuf,
    /// What the file says, shared with the loader's cache.
    pub file: std::sync::Arc<PairFile>,
    /// The planned end date, given or derived.
    pub end: Date,
    /// The current phase, given or derived.
    pub phase: PhaseId,
    /// Items done and items in total, per phase.
    pub counts: [PhaseCount; 4],
}

/// How many of a phase's checklist items a pair has done.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct PhaseCount {
    /// Items done.
    pub done: usize,
    /// Items in the phase's checklist.
    pub total: usize,
}

impl Pair {
    /// Whether the pair is open on `today`: it takes one of its mentor's places, and its mentee
    /// has a pair. A proposal is open; any other pair until it records a closure or reaches its
    /// planned end (given or derived). The mentor directory and `mentorbook match` both count
    /// room with it.
    pub fn is_open(&self, today: Date) -> bool {
        self.file.status == PairStatus::Proposed
            || (self.file.closure.is_none() && self.end >= today)
    }

    /// Whether `item` is on this pair's checklist (some initiation items are only for pairs that
    /// came together one way).
    pub fn has_item(&self, item: &super::ChecklistItem) -> bool {
        item.applies_to(self.file.initiated_by)
    }

    /// The progress recorded for `item` in `phase`, if it was done.
    pub fn progress_of(&self, phase: PhaseId, item: &ItemId) -> Option<&ItemProgress> {
        let map = self.file.progress.get(&phase)?;
        map.0
            .iter()
            .find(|(id, _)| &id.value == item)
            .map(|(_, p)| p)
    }

    /// The items of this pair's checklist still open in the phases `wanted` chooses, in phase and
    /// list order, each with its phase; `phases` are the program's, in order.
    pub fn open_items<'a>(
        &'a self,
        phases: &'a [super::Phase],
        wanted: impl Fn(PhaseId) -> bool,
    ) -> Vec<(PhaseId, &'a str)> {
        PhaseId::ALL
            .into_iter()
            .filter(|p| wanted(*p))
            .flat_map(|p| {
                phases[p.index()]
                    .file
                    .checklist
                    .iter()
                    .filter(move |i| self.has_item(i) && self.progress_of(p, &i.id.value).is_none())
                    .map(move |i| (p, i.id.value.as_str()))
            })
            .collect()
    }
}
