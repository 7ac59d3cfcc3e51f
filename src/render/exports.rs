//! The coordinators' spreadsheets: `exports/pairs.csv`, `exports/people.csv` and
//! `exports/progress.csv`, in their edition and from `mentorbook export`.
//!
//! Every count comes from the views the pages are made from ([`PairView`] for checklist items,
//! goals and meetings, [`RecordView`] for the record, [`super::pair_facts`] for the last meeting
//! and the status), so a spreadsheet says what the pages say. Each file is RFC 4180 CSV (the `csv`
//! crate) with a header row, rows in order of id, CRLF line ends, and a UTF-8 byte order mark so
//! that spreadsheets read names such as `López` as UTF-8. Text cells that a spreadsheet would take
//! for a formula are made harmless ([`cell`]). Values that have a name in the program's files
//! (phases, roles, goal statuses) are written by that name, never in the theme's words: the files
//! are the same whatever the theme.

use std::borrow::Cow;
use std::collections::HashMap;

use super::pair_facts::{last_meeting, status};
use super::view::{PairView, RecordView, Scope};
use crate::model::pair::GoalStatus;
use crate::model::{Date, Pair, Person, PersonId, PhaseId, Program};

/// One of the spreadsheets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Export {
    /// `pairs.csv`: one row a pair.
    Pairs,
    /// `people.csv`: one row a person, with their contact details.
    People,
    /// `progress.csv`: one row a pair and phase.
    Progress,
}

impl Export {
    /// Every spreadsheet, in the order they are written.
    pub const ALL: [Export; 3] = [Export::Pairs, Export::People, Export::Progress];

    /// The file's name (`pairs.csv`).
    pub fn file_name(self) -> &'static str {
        match self {
            Export::Pairs => "pairs.csv",
            Export::People => "people.csv",
            Export::Progress => "progress.csv",
        }
    }

    /// The file's text for the scope's audience, as of `today` (the last meeting is the last on
    /// or before it; the status says where each pair stands on it).
    pub fn csv(self, scope: &Scope<'_>, today: Date) -> String {
        let mut table = Table::new(self.header());
        match self {
            Export::Pairs => scope
                .pairs
                .iter()
                .for_each(|p| table.row(pair_row(scope, p, today))),
            Export::People => {
                // Each person's pairs, found in one pass over the pairs: a scan of every pair for
                // each person would be 400 million comparisons at 10,000 pairs.
                let mut pairs_of: HashMap<&PersonId, [Vec<&str>; 2]> = HashMap::new();
                for pair in &scope.pairs {
                    let f = &pair.file;
                    for (i, who) in [&f.mentor.value, &f.mentee.value].into_iter().enumerate() {
                        pairs_of.entry(who).or_default()[i].push(pair.id.as_str());
                    }
                }
                let mut people: Vec<_> = scope.program.people.iter().collect();
                people.sort_by(|a, b| a.id.value.cmp(&b.id.value));
                for person in people {
                    let pairs = pairs_of.get(&person.id.value);
                    table.row(person_row(scope, person, pairs));
                }
            }
            Export::Progress => {
                for pair in &scope.pairs {
                    for row in progress_rows(scope, pair, today) {
                        table.row(row);
                    }
                }
            }
        }
        table.finish()
    }

    /// The names of the columns.
    fn header(self) -> Vec<Cow<'static, str>> {
        let names: &[&'static str] = match self {
            Export::Pairs => &[
                "id",
                "mentor_id",
                "mentor",
                "mentee_id",
                "mentee",
                "phase",
                "status",
                "start",
                "end",
                "initiated_by",
                "relationship_type",
                "visibility",
                "items_done",
                "items_total",
                "percent_done",
                "goals",
                "goals_achieved",
                "meetings",
                "last_meeting",
                "closed",
                "outcome",
            ],
            Export::People => &[
                "id",
                "name",
                "roles",
                "title",
                "email",
                "phone",
                "contact_notes",
                "mentor_in",
                "mentee_in",
            ],
            Export::Progress => &[
                "pair",
                "phase",
                "phase_number",
                "state",
                "items_done",
                "items_total",
            ],
        };
        let mut header: Vec<Cow<'static, str>> = names.iter().map(|&n| n.into()).collect();
        if self == Export::Progress {
            let goals = GoalStatus::ALL.map(|s| format!("goals_{}", s.id()).into());
            header.extend(goals);
            header.extend(["meetings".into(), "last_meeting".into()]);
        }
        header
    }
}

/// One row: its cells as text.
type Row<'a> = Vec<Cow<'a, str>>;

fn text(s: &str) -> Cow<'_, str> {
    Cow::Borrowed(s)
}

fn opt<T: ToString>(v: Option<T>) -> Cow<'static, str> {
    v.map_or(Cow::Borrowed(""), |v| Cow::Owned(v.to_string()))
}

fn num(n: usize) -> Cow<'static, str> {
    Cow::Owned(n.to_string())
}

fn pair_row<'a>(scope: &Scope<'a>, pair: &'a Pair, today: Date) -> Row<'a> {
    let view = PairView::of(scope, pair);
    let record = RecordView::of(scope, pair);
    let closure = record.closure.as_ref();
    vec![
        text(view.id),
        text(view.mentor.id),
        text(view.mentor.name),
        text(view.mentee.id),
        text(view.mentee.name),
        text(view.phase),
        text(status(pair, today)),
        opt(Some(view.start)),
        opt(Some(view.end)),
        text(pair.file.initiated_by.id()),
        text(record.relationship_type.unwrap_or("")),
        text(pair.file.visibility.id()),
        num(view.done),
        num(view.total),
        num(view.percent),
        num(view.goal_count),
        num(view.goals_achieved),
        num(view.meeting_count),
        opt(last_meeting(scope, pair, today)),
        opt(closure.and_then(|c| c.date)),
        text(closure.and_then(|c| c.outcome).map_or("", |o| o.id())),
    ]
}

/// The row of `person`, with the ids of the pairs they are the mentor and the mentee of.
fn person_row<'a>(
    scope: &Scope<'a>,
    person: &'a Person,
    pairs: Option<&[Vec<&str>; 2]>,
) -> Row<'a> {
    let contact = scope.contact(person);
    let id = &person.id.value;
    let pairs_as = |i: usize| Cow::Owned(pairs.map_or_else(String::new, |p| p[i].join(";")));
    let roles: Vec<&str> = person.roles.iter().map(|r| r.id()).collect();
    vec![
        text(id.as_str()),
        text(&person.name),
        Cow::Owned(roles.join(";")),
        text(person.title.as_deref().unwrap_or("")),
        text(contact.and_then(|c| c.email.as_deref()).unwrap_or("")),
        text(contact.and_then(|c| c.phone.as_deref()).unwrap_or("")),
        text(contact.and_then(|c| c.notes.as_deref()).unwrap_or("")),
        pairs_as(0),
        pairs_as(1),
    ]
}

/// The four rows of `pair`, one a phase in order. Goals and meetings are counted in the phase the
/// pair was in on their date ([`phase_on`]): a meeting's date, a goal's deadline.
fn progress_rows<'a>(scope: &Scope<'a>, pair: &'a Pair, today: Date) -> Vec<Row<'a>> {
    let view = PairView::of(scope, pair);
    let record = RecordView::of(scope, pair);
    let ends = phase_ends(scope.program, pair);
    let on = |date| phase_on(pair, &ends, date);
    view.steps
        .iter()
        .zip(PhaseId::ALL)
        .map(|(step, phase)| {
            let goals = record
                .goals
                .iter()
                .filter(|g| on(g.timely.as_ref().map(|d| d.value)) == phase);
            let meetings: Vec<Date> = record
                .meetings
                .iter()
                .map(|m| m.date)
                .filter(|d| on(Some(*d)) == phase)
                .collect();
            let mut row: Row<'a> = vec![
                text(view.id),
                text(step.id),
                num(step.number),
                text(step.state),
                num(step.done),
                num(step.total),
            ];
            row.extend(
                GoalStatus::ALL.map(|s| num(goals.clone().filter(|g| g.status == s).count())),
            );
            row.push(num(meetings.len()));
            row.push(opt(meetings.iter().filter(|d| **d <= today).max()));
            row
        })
        .collect()
}

/// For each phase before the pair's current one, the day its last item (of those on the pair's
/// checklist) was ticked: when the pair is taken to have moved on. `None` for the current phase,
/// the ones after it, and a phase with nothing ticked.
fn phase_ends(program: &Program, pair: &Pair) -> [Option<Date>; 4] {
    PhaseId::ALL.map(|phase| {
        if phase >= pair.phase {
            return None;
        }
        program
            .phase(phase)
            .file
            .checklist
            .iter()
            .filter(|item| pair.has_item(item))
            .filter_map(|item| pair.progress_of(phase, &item.id.value))
            .map(|p| p.done.value)
            .max()
    })
}

/// The phase `pair` was in on `date`: the first phase before its current one that ended on or
/// after that day (see [`phase_ends`]), else its current phase. With no date, the current phase.
fn phase_on(pair: &Pair, ends: &[Option<Date>; 4], date: Option<Date>) -> PhaseId {
    let Some(date) = date else {
        return pair.phase;
    };
    PhaseId::ALL
        .into_iter()
        .find(|p| ends[p.index()].is_some_and(|end| date <= end))
        .unwrap_or(pair.phase)
}

/// A cell a spreadsheet reads as text. One that starts with `=`, `+`, `-` or `@` (or a tab or a
/// carriage return, which some spreadsheets skip before looking) would be run as a formula by
/// Excel, LibreOffice and Google Sheets (`=HYPERLINK("http://x", "click")`): it gets a `'` in
/// front, which spreadsheets take as "this is text" and do not show. A phone number written
/// `+44 ...` is written `'+44 ...`.
pub fn cell(value: &str) -> Cow<'_, str> {
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{value}"))
    } else {
        Cow::Borrowed(value)
    }
}

/// A CSV file being written in memory.
struct Table {
    writer: csv::Writer<Vec<u8>>,
}

/// The byte order mark that tells spreadsheets the file is UTF-8.
const BOM: &str = "\u{feff}";

impl Table {
    fn new(header: Row<'_>) -> Table {
        let mut table = Table {
            writer: csv::WriterBuilder::new()
                .terminator(csv::Terminator::CRLF)
                .from_writer(BOM.as_bytes().to_vec()),
        };
        table.row(header);
        table
    }

    fn row(&mut self, cells: Row<'_>) {
        self.writer
            .write_record(cells.iter().map(|c| cell(c).into_owned()))
            .expect("writing to memory does not fail");
    }

    fn finish(self) -> String {
        let bytes = self
            .writer
            .into_inner()
            .expect("writing to memory does not fail");
        // Every cell is a Rust string, and CSV adds only ASCII: the bytes are UTF-8.
        String::from_utf8(bytes).expect("CSV of UTF-8 text is UTF-8")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_that_a_spreadsheet_would_run_is_made_text() {
        for bad in ["=1+1", "+44 20", "-2", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(cell(bad), format!("'{bad}"));
        }
        for good in ["Ana", "2025-03-01", "", "a=b", "'quoted"] {
            assert_eq!(cell(good), good);
        }
    }

    #[test]
    fn a_table_has_a_bom_crlf_and_quotes_where_needed() {
        let mut table = Table::new(vec!["a".into(), "b".into()]);
        table.row(vec!["x, y".into(), "say \"hi\"\nthen".into()]);
        assert_eq!(
            table.finish(),
            "\u{feff}a,b\r\n\"x, y\",\"say \"\"hi\"\"\nthen\"\r\n"
        );
    }
}
