//! The words on the pages: the default theme's `strings.toml`, built into the binary, with the
//! program's theme's own `strings.toml` over it key by key. Templates read them as `t`; Rust code
//! that writes words (titles, breadcrumbs, labels, dates) takes them from [`Strings`].

use std::path::Path;
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use toml::de::{DeTable, DeValue};

use crate::diagnostic::{Code, Problem, Span};
use crate::model::pair::{GoalStatus, Outcome};
use crate::model::{Cadence, Date, Owner, Role};

/// The default theme's strings, built into the binary as its templates are.
pub const DEFAULT: &str = include_str!("../../themes/default/strings.toml");

/// Every word the theme owns, by area. The field names are the keys of `strings.toml`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Strings {
    /// Page titles and breadcrumbs.
    pub pages: Pages,
    /// Sections of a pair's pages, also the labels of search results.
    pub pair: PairWords,
    /// A goal's status.
    pub goal_status: GoalStatusWords,
    /// Month names.
    pub months: Months,
    /// Month names shortened.
    pub months_short: Months,
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

/// The label of who does a checklist item, such as `Both`.
pub fn owner(owner: Owner, strings: &Strings) -> &str {
    let s = &strings.owners;
    match owner {
        Owner::Mentor => &s.mentor,
        Owner::Mentee => &s.mentee,
        Owner::Both => &s.both,
    }
}

/// The label of how a relationship ended, such as `Renewed`.
pub fn outcome(outcome: Outcome, strings: &Strings) -> &str {
    let s = &strings.outcomes;
    match outcome {
        Outcome::Ended => &s.ended,
        Outcome::Renewed => &s.renewed,
    }
}

/// A pair's progress picture, each a pattern whose `{name}`s [`fill`] replaces or a word.
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
    /// A phase in the track's description (`{phase}`, `{state}`, `{done}`, `{total}`).
    pub step: String,
    /// A phase's tooltip (`{phase}`, `{done}`, `{total}`).
    pub step_tip: String,
    /// A phase's count (`{done}`, `{total}`).
    pub step_count: String,
    /// The title of the goals' time line.
    pub timeline: String,
    /// One goal, in its description.
    pub one_goal: String,
    /// Several goals, in its description (`{count}`).
    pub goals: String,
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

/// The label of a role, such as `Mentor`.
pub fn role(role: Role, strings: &Strings) -> &str {
    let s = &strings.roles;
    match role {
        Role::Mentor => &s.mentor,
        Role::Mentee => &s.mentee,
        Role::Coordinator => &s.coordinator,
    }
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

/// The events of the calendars, each a pattern whose `{name}`s [`fill`] replaces.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CalendarWords {
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

/// `pattern` with each `{name}` of `values` replaced by its value, in one pass (a value holding
/// `{name}` is not replaced again).
pub fn fill(pattern: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(pattern.len() + 32);
    let mut rest = pattern;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let known = after.find('}').and_then(|close| {
            let name = &after[..close];
            values
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (v, close))
        });
        match known {
            Some((value, close)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The label of how often a pair meets, such as `Fortnightly`.
pub fn cadence(cadence: Cadence, strings: &Strings) -> &str {
    let s = &strings.cadence;
    match cadence {
        Cadence::Weekly => &s.weekly,
        Cadence::Fortnightly => &s.fortnightly,
        Cadence::Monthly => &s.monthly,
        Cadence::Quarterly => &s.quarterly,
    }
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
    /// One pair, counted.
    pub pair: String,
    /// Pairs, counted.
    pub pairs: String,
    /// One goal, counted.
    pub goal: String,
    /// Goals, counted.
    pub goals_counted: String,
    /// One meeting, counted.
    pub meeting: String,
    /// Meetings, counted.
    pub meetings_counted: String,
    /// A band of the checklist chart (`{pairs}`, `{total}`).
    pub band: String,
    /// A pair of the checklist chart (`{done}`, `{total}`, `{percent}`).
    pub pair_items: String,
    /// The meetings chart's description (`{meetings}`, `{from}`, `{to}`, `{most}`).
    pub meetings_desc: String,
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
    /// The coordinators' dashboard.
    pub dashboard: String,
    /// A pair's workbook, before the pair's name.
    pub workbook: String,
    /// The blank workbook.
    pub blank_workbook: String,
    /// The 404 page.
    pub not_found: String,
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

/// The names of the months.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct Months {
    pub january: String,
    pub february: String,
    pub march: String,
    pub april: String,
    pub may: String,
    pub june: String,
    pub july: String,
    pub august: String,
    pub september: String,
    pub october: String,
    pub november: String,
    pub december: String,
}

impl Default for Strings {
    fn default() -> Self {
        toml::from_str(DEFAULT).expect("the default theme's strings.toml matches `Strings`")
    }
}

impl Strings {
    /// The default theme's strings, parsed once: for what only counts or hashes what pages show
    /// (the words of a theme stay the same while it does).
    pub fn builtin() -> &'static Strings {
        static BUILTIN: std::sync::OnceLock<Strings> = std::sync::OnceLock::new();
        BUILTIN.get_or_init(Strings::default)
    }

    /// The default strings with `overlay` (the text of a theme's `strings.toml`, shown as `file`)
    /// over them. An overlay may set any subset of the keys; a key or table the default does not
    /// have, or a value that is not text, is a problem at its place.
    pub fn with_overlay(file: &Path, overlay: &str) -> Result<Strings, Problem> {
        let source: Arc<str> = Arc::from(overlay);
        let at = |offset: usize| {
            let (line, column) = crate::config::line_column(overlay, offset);
            Span {
                file: file.to_path_buf(),
                line,
                column,
            }
        };
        let parsed = DeTable::parse(overlay).map_err(|e| {
            let offset = e.span().map_or(0, |s| s.start);
            Problem::error(Code::Strings, at(offset), e.message().trim_end().to_owned())
                .with_source(&source)
                .hint("strings.toml is TOML: tables such as [pair] holding keys such as checklist = \"Checklist\"")
        })?;
        let mut merged: toml::Table = toml::from_str(DEFAULT).expect("the default strings parse");
        for (table, values) in parsed.get_ref() {
            let name: &str = table.get_ref();
            let Some(toml::Value::Table(known)) = merged.get_mut(name) else {
                let tables: Vec<String> = toml::from_str::<toml::Table>(DEFAULT)
                    .map(|t| t.keys().cloned().collect())
                    .unwrap_or_default();
                return Err(Problem::error(
                    Code::Strings,
                    at(table.span().start),
                    format!("the default theme's strings have no table `{name}`"),
                )
                .with_source(&source)
                .suggest(name, tables.iter().map(String::as_str)));
            };
            let DeValue::Table(values) = values.get_ref() else {
                return Err(Problem::error(
                    Code::Strings,
                    at(values.span().start),
                    format!("`{name}` is a table of strings, such as [{name}]"),
                )
                .with_source(&source));
            };
            for (key, value) in values {
                let key_name: &str = key.get_ref();
                if !known.contains_key(key_name) {
                    let keys: Vec<String> = known.keys().cloned().collect();
                    return Err(Problem::error(
                        Code::Strings,
                        at(key.span().start),
                        format!("the default theme's strings have no key `{key_name}` in [{name}]"),
                    )
                    .with_source(&source)
                    .suggest(key_name, keys.iter().map(String::as_str)));
                }
                let DeValue::String(text) = value.get_ref() else {
                    return Err(Problem::error(
                        Code::Strings,
                        at(value.span().start),
                        format!("`{name}.{key_name}` must be text, in quotes"),
                    )
                    .with_source(&source));
                };
                known.insert(key_name.to_owned(), toml::Value::String(text.to_string()));
            }
        }
        Strings::deserialize(toml::Value::Table(merged))
            .map_err(|e| Problem::error(Code::Strings, at(0), e.to_string()).with_source(&source))
    }

    /// The name of `month` (1 to 12).
    pub fn month(&self, month: i8) -> &str {
        month_in(&self.months, month)
    }

    /// The short name of `month` (1 to 12).
    pub fn month_short(&self, month: i8) -> &str {
        month_in(&self.months_short, month)
    }
}

fn month_in(m: &Months, month: i8) -> &str {
    match month {
        1 => &m.january,
        2 => &m.february,
        3 => &m.march,
        4 => &m.april,
        5 => &m.may,
        6 => &m.june,
        7 => &m.july,
        8 => &m.august,
        9 => &m.september,
        10 => &m.october,
        11 => &m.november,
        _ => &m.december,
    }
}

/// The label of a goal's status, such as `In progress`.
pub fn goal_status(status: GoalStatus, strings: &Strings) -> &str {
    let s = &strings.goal_status;
    match status {
        GoalStatus::NotStarted => &s.not_started,
        GoalStatus::InProgress => &s.in_progress,
        GoalStatus::Achieved => &s.achieved,
        GoalStatus::Dropped => &s.dropped,
    }
}

/// A date written out, `14 March 2025`: the one place dates become words, which will take a
/// locale.
pub fn date_long(date: Date, strings: &Strings) -> String {
    date.long_with(strings.month(date.0.month()))
}

/// A month and its year, `March 2025`.
pub fn month_year(date: Date, strings: &Strings) -> String {
    let d = date.0;
    format!("{} {}", strings.month(d.month()), d.year())
}

/// A month and its year, short, `Mar 2025`.
pub fn month_year_short(date: Date, strings: &Strings) -> String {
    let d = date.0;
    format!("{} {}", strings.month_short(d.month()), d.year())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_strings_parse() {
        let s = Strings::default();
        assert_eq!(s.pair.checklist, "Checklist");
        let d = Date::parse("2025-01-31").unwrap();
        assert_eq!(date_long(d, &s), "31 January 2025");
    }

    #[test]
    fn fill_replaces_known_names_once() {
        let s = fill("{pair}: {x} “{goal}”", &[("pair", "{goal}"), ("goal", "G")]);
        assert_eq!(s, "{goal}: {x} “G”");
    }

    #[test]
    fn an_overlay_replaces_only_its_keys() {
        let s =
            Strings::with_overlay(Path::new("s.toml"), "[pair]\nchecklist = \"To do\"\n").unwrap();
        assert_eq!(s.pair.checklist, "To do");
        assert_eq!(s.pair.vision, "Vision");
    }

    #[test]
    fn an_unknown_key_is_located_with_a_suggestion() {
        let e =
            Strings::with_overlay(Path::new("s.toml"), "[pair]\nchecklst = \"x\"\n").unwrap_err();
        assert_eq!((e.span.line, e.span.column), (2, 1));
        assert_eq!(e.hint.as_deref(), Some("did you mean `checklist`?"));
        let e =
            Strings::with_overlay(Path::new("s.toml"), "[pairs]\nchecklist = \"x\"\n").unwrap_err();
        assert_eq!(e.span.line, 1);
        assert_eq!(e.hint.as_deref(), Some("did you mean `pair`?"));
    }
}
