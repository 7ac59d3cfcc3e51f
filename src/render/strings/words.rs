//! The words of `strings.toml`, typed: a struct per table, a field per key.

use serde::{Deserialize, Serialize};

use super::Plural;

#[cfg(doc)]
use crate::model::pair::{GoalStatus, Outcome};
#[cfg(doc)]
use crate::model::{Cadence, Owner, Role};

/// Every word the theme owns, by area. The field names are the keys of `strings.toml`; the
/// tables only templates read are in [`Strings::more`].
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Strings {
    /// The language: its plural rules and how it writes dates (set by the loader, not a key).
    #[serde(skip)]
    pub lang: super::Lang,
    /// Page titles and breadcrumbs.
    pub pages: Pages,
    /// Sections of a pair's pages, also the labels of search results.
    pub pair: PairWords,
    /// A goal's status.
    pub goal_status: GoalStatusWords,
    /// The dashboard's charts.
    pub charts: ChartWords,
    /// How often a pair meets.
    pub cadence: CadenceWords,
    /// The events of the calendars.
    pub calendar: CalendarWords,
    /// A pair's progress picture.
    pub picture: PictureWords,
    /// The roles of people.
    pub roles: RoleWords,
    /// Who does a checklist item.
    pub owners: OwnerWords,
    /// How a relationship ended.
    pub outcomes: OutcomeWords,
    /// The mentor directory.
    pub mentors: MentorWords,
    /// How people meet.
    pub meeting_modes: MeetingModeWords,
    /// When people meet.
    pub meeting_times: MeetingTimeWords,
    /// The preview server's words.
    pub serve: ServeWords,
    /// How the banner of a private edition names its readers.
    pub editions: EditionWords,
    /// Why the editor of `serve --edit` refused a save, as its pages say it.
    pub edit_errors: EditErrorWords,
    /// The choices of the editor's lists that no other table names.
    pub edit_choices: EditChoiceWords,
    /// The tables only templates read (`t.<table>.<key>`), text or counted words ([`Plural`]):
    /// checked against the default theme's keys as the typed ones are.
    #[serde(flatten)]
    pub more: std::collections::BTreeMap<String, std::collections::BTreeMap<String, super::Plural>>,
}

/// How a private edition's banner and printed foot name its readers: "Private edition for
/// {audience}".
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EditionWords {
    /// The coordinators' edition.
    pub coordinators: String,
    /// A pair's edition: `{pair}` is the pair's id.
    pub pair: String,
}

/// The words of the preview server (`mentorbook serve`) over the pages it serves.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServeWords {
    /// The title of the message over a page when a rebuild failed.
    pub not_rebuilt: String,
    /// The title of the page served before the first build.
    pub not_built: String,
    /// Its text.
    pub not_built_text: String,
}

impl Default for ServeWords {
    /// The default English words.
    fn default() -> ServeWords {
        Strings::builtin().serve.clone()
    }
}

/// The mentor directory's words; `count` and `room` are patterns whose `{name}`s are replaced.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MentorWords {
    /// The sentence under the title.
    pub lead: String,
    /// The heading of the program's `requests`.
    pub how_to_ask: String,
    /// Before the coordinators' names, when the program has no `requests`.
    pub ask_coordinators: String,
    /// The heading of the filters.
    pub filters: String,
    /// The filter by tag.
    pub tag: String,
    /// The filter by meeting mode.
    pub mode: String,
    /// The filter by time.
    pub time: String,
    /// The filter by language.
    pub language: String,
    /// A filter's choice that keeps everyone.
    pub any: String,
    /// How many mentors the filters keep: `{shown}` and `{total}`.
    pub count: String,
    /// When the filters keep no one.
    pub none_match: String,
    /// When no mentor has room.
    pub none: String,
    /// A mentor's expertise.
    pub expertise: String,
    /// A mentor's interests.
    pub interests: String,
    /// A mentor's meeting modes.
    pub availability: String,
    /// A mentor's times.
    pub times: String,
    /// A mentor's languages.
    pub languages: String,
    /// A mentor's time zone.
    pub time_zone: String,
    /// A mentor's location.
    pub location: String,
    /// A mentor's goals.
    pub goals: String,
    /// A mentor's room, counted by `{room}`: `{room}` and `{capacity}`.
    pub room: Plural,
    /// A mentor's room when their capacity is not shown.
    pub has_room: String,
    /// The link from a mentor to how to ask.
    pub ask: String,
    /// Which mentors a page of the directory shows: `{first}`, `{last}` and `{total}`.
    pub range: String,
    /// The name of the directory's pager, for screen readers.
    pub pages: String,
    /// The link to the page before.
    pub prev: String,
    /// The link to the page after.
    pub next: String,
}

/// How people meet, one word per [`crate::model::MeetingMode`].
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeetingModeWords {
    /// Face to face.
    pub in_person: String,
    /// A video call.
    pub video: String,
    /// A phone call.
    pub phone: String,
}

/// When people meet, one word per [`crate::model::MeetingTime`].
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeetingTimeWords {
    /// Weekday mornings.
    pub weekday_mornings: String,
    /// Weekday afternoons.
    pub weekday_afternoons: String,
    /// Weekday evenings.
    pub weekday_evenings: String,
    /// Weekends.
    pub weekends: String,
}

/// Who does a checklist item, one word per [`Owner`].
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OwnerWords {
    /// [`Owner::Mentor`].
    pub mentor: String,
    /// [`Owner::Mentee`].
    pub mentee: String,
    /// [`Owner::Both`].
    pub both: String,
}

/// How a relationship ended, one word per [`Outcome`].
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutcomeWords {
    /// [`Outcome::Ended`].
    pub ended: String,
    /// [`Outcome::Renewed`].
    pub renewed: String,
}

/// A pair's progress picture, each a pattern whose `{name}`s [`fill`](super::fill) replaces or a word.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PictureWords {
    /// The title of the phase track.
    pub track: String,
    /// A phase done.
    pub done: String,
    /// The current phase.
    pub current: String,
    /// A phase to come.
    pub to_come: String,
    /// The mark under the current phase.
    pub now: String,
    /// The label of today's line on the goals' time line.
    pub today: String,
    /// A phase in the track's description (`{phase}`, `{state}`, `{done}`, `{total}`).
    pub step: String,
    /// A phase's tooltip (`{phase}`, `{done}`, `{total}`).
    pub step_tip: String,
    /// A phase's count (`{done}`, `{total}`).
    pub step_count: String,
    /// The title of the goals' time line.
    pub timeline: String,
    /// The goals, counted, in its description (`{count}`).
    pub goals: Plural,
    /// Its description (`{goals}`, `{from}`, `{to}`, `{reached}`, `{milestones}`).
    pub timeline_desc: String,
    /// A goal's deadline (`{date}`).
    pub deadline: String,
    /// A milestone reached (`{date}`).
    pub reached: String,
    /// A milestone due (`{date}`).
    pub due: String,
}

/// The roles of people, one word per [`Role`].
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoleWords {
    /// [`Role::Mentor`].
    pub mentor: String,
    /// [`Role::Mentee`].
    pub mentee: String,
    /// [`Role::Coordinator`].
    pub coordinator: String,
}

/// How often a pair meets, one word per [`Cadence`].
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CadenceWords {
    /// [`Cadence::Weekly`].
    pub weekly: String,
    /// [`Cadence::Fortnightly`].
    pub fortnightly: String,
    /// [`Cadence::Monthly`].
    pub monthly: String,
    /// [`Cadence::Quarterly`].
    pub quarterly: String,
}

/// The events of the calendars, each a pattern whose `{name}`s [`fill`](super::fill) replaces.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CalendarWords {
    /// A pair's calendar's name (`{pair}`, `{program}`).
    pub name: String,
    /// The start of a relationship (`{pair}`).
    pub starts: String,
    /// Its planned end (`{pair}`).
    pub ends: String,
    /// A logged meeting with a title (`{pair}`, `{title}`).
    pub meeting: String,
    /// A logged meeting without one (`{pair}`).
    pub meeting_untitled: String,
    /// A meeting's agenda (`{agenda}`).
    pub agenda: String,
    /// A planned meeting (`{pair}`).
    pub planned: String,
    /// Why it is planned, from the agreement's frequency (`{frequency}`).
    pub planned_by_agreement: String,
    /// Why it is planned, from the pair's list of dates.
    pub planned_in_file: String,
    /// A goal's deadline (`{pair}`, `{goal}`).
    pub deadline: String,
    /// A milestone's due date (`{pair}`, `{milestone}`).
    pub milestone: String,
    /// What a milestone is for (`{goal}`).
    pub milestone_description: String,
}

/// The dashboard's charts: titles, descriptions and the nouns they count.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChartWords {
    /// The title of the chart of pairs in each phase.
    pub phases: String,
    /// The title of the checklist chart when it counts pairs in bands.
    pub completion_by_band: String,
    /// Its description.
    pub completion_by_band_desc: String,
    /// The title of the checklist chart with a bar per pair.
    pub completion_per_pair: String,
    /// Its description.
    pub completion_per_pair_desc: String,
    /// The title of the chart of goals by status.
    pub goals: String,
    /// The title of the chart of meetings per month.
    pub meetings: String,
    /// Pairs, counted (`{count}`).
    pub pairs: Plural,
    /// Goals, counted (`{count}`).
    pub goals_counted: Plural,
    /// Meetings, counted (`{count}`).
    pub meetings_counted: Plural,
    /// A band of the checklist chart (`{pairs}`, `{total}`).
    pub band: String,
    /// A pair of the checklist chart (`{done}`, `{total}`, `{percent}`).
    pub pair_items: String,
    /// The meetings chart's description (`{meetings}`, `{from}`, `{to}`, `{most}`).
    pub meetings_desc: String,
    /// A label and its count in a chart's description: `{label}` and `{count}`.
    pub count_of: String,
    /// Between the parts of a chart's description.
    pub separator: String,
}

/// Page titles and breadcrumbs.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pages {
    /// The home page, first of every trail of breadcrumbs.
    pub home: String,
    /// The guide.
    pub guide: String,
    /// The list of phases, as a breadcrumb.
    pub phases: String,
    /// The list of phases, as a page title.
    pub phases_title: String,
    /// The list of pairs.
    pub pairs: String,
    /// The mentor directory.
    pub mentors: String,
    /// A page of the list of pairs after the first: `{page}` and `{pages}` stand for its number
    /// and how many there are.
    pub pairs_page: String,
    /// A page of the mentor directory after the first: `{page}` and `{pages}`.
    pub mentors_page: String,
    /// The coordinators' dashboard.
    pub dashboard: String,
    /// A pair's workbook, before the pair's name.
    pub workbook: String,
    /// The blank workbook.
    pub blank_workbook: String,
    /// The 404 page.
    pub not_found: String,
    /// A pair's title: `{mentor}` and `{mentee}` stand for their names.
    pub pair_title: String,
    /// The title of a pair's phase page: `{pair}` and `{phase}` stand for their titles.
    pub pair_phase_title: String,
    /// The title of a pair's workbook: `{pair}` stands for the pair's title.
    pub workbook_title: String,
}

/// Sections of a pair's pages.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PairWords {
    /// A phase's checklist.
    pub checklist: String,
    /// The first steps (initiation).
    pub getting_started: String,
    /// The pair's vision.
    pub vision: String,
    /// The partnership agreement.
    pub agreement: String,
    /// The meetings.
    pub meetings: String,
    /// The evaluations.
    pub evaluations: String,
    /// The closure.
    pub closing: String,
    /// The private concerns.
    pub concerns: String,
    /// Where a pair's record is, on a public site that shows only progress.
    pub record_withheld: String,
}

/// A goal's status, one word per [`GoalStatus`].
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoalStatusWords {
    /// [`GoalStatus::NotStarted`].
    pub not_started: String,
    /// [`GoalStatus::InProgress`].
    pub in_progress: String,
    /// [`GoalStatus::Achieved`].
    pub achieved: String,
    /// [`GoalStatus::Dropped`].
    pub dropped: String,
}

/// Why the editor refused a save, as its pages say it; each a pattern whose `{name}`s
/// [`fill`](super::fill) replaces, or the name of a field for `required`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EditErrorWords {
    /// The file changed on disk since the form was made (`{file}`).
    pub changed: String,
    /// Nothing was saved, and why (`{why}`).
    pub not_saved: String,
    /// The change would give the program errors (they follow).
    pub would_error: String,
    /// A field left empty that must be filled (`{what}`, one of the names below).
    pub required: String,
    /// The checklist's phase, for `required`.
    pub phase: String,
    /// The checklist item, for `required`.
    pub item: String,
    /// The date an item was done, for `required`.
    pub done: String,
    /// A meeting's date, for `required`.
    pub meeting_date: String,
    /// A new goal's id, for `required`.
    pub goal_id: String,
    /// A new milestone's title, for `required`.
    pub milestone_title: String,
    /// A new person's name, for `required`.
    pub name: String,
    /// A new pair's mentor, for `required`.
    pub mentor: String,
    /// A new pair's mentee, for `required`.
    pub mentee: String,
    /// A new pair's mentor that is no id (`{error}`).
    pub mentor_id: String,
    /// A new pair's mentee that is no id (`{error}`).
    pub mentee_id: String,
    /// A form without a field the editor puts in it (`{name}`).
    pub no_field: String,
    /// A form the editor does not have (`{name}`).
    pub no_form: String,
    /// A text the editor does not edit (`{name}`).
    pub no_text: String,
    /// A new person with no role.
    pub one_role: String,
    /// A new pair's start that is no date (`{error}`).
    pub start: String,
    /// A new pair's id that is no id (`{error}`).
    pub pair_id: String,
    /// A new person's id that is no id (`{error}`).
    pub person_id: String,
}

/// The choices of the editor's lists that no other table names.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EditChoiceWords {
    /// A value left out of the file.
    pub not_set: String,
    /// A pair that the program brought together (`initiated_by: program`).
    pub program: String,
}
