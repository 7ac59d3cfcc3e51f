//! Calendar files (iCalendar, RFC 5545): `pairs/<pair-id>/meetings.ics` for each pair the audience
//! may see (meetings logged and planned, goal deadlines, milestones due, the start and the planned
//! end) and `calendar.ics`, the program's key dates: the pairs' starts and planned ends that fall
//! in a window around the build's date ([`WINDOW_PAST_DAYS`] before it, [`WINDOW_AHEAD_DAYS`]
//! after). A calendar app imports or subscribes to the whole file: with every pair's dates, a
//! program of 10,000 pairs made a 5 MB file of 20,000 events, more than calendar apps accept
//! (Google Calendar refuses subscriptions of about 1 MB and more) and more than anyone reads. The
//! rest of a pair's dates are in its own calendar.
//!
//! Calendar apps match events by UID, so a re-imported or subscribed file updates its events rather
//! than adding them again. A UID is made of what the event is, in the pair, in the program:
//! `meeting-2025-03-04@ana-ben.riverside-mentoring-program`. A planned meeting and the meeting
//! logged on that date share their UID, so logging a planned meeting updates it. A deadline is
//! named by its goal's id, not its date, so moving the deadline moves the event.
//!
//! The files are deterministic: events are all-day (`VALUE=DATE`, no time zone to get wrong), and
//! `DTSTAMP` is the latest date recorded in what the file covers (a meeting, a checklist item done,
//! a milestone reached), never the clock. Only what the audience may see is used: no notes at all,
//! no hidden meeting or goal, and no hidden pair.

use std::collections::HashSet;

use serde::Serialize;

use super::ics::Ics;
use super::pair_facts::{meeting_dates, pair_title};
use super::strings::{CalendarWords, Strings, cadence, fill};
use super::view::Scope;
use crate::model::{Cadence, Date, Pair};
use crate::paths;

/// At most this many meetings are planned from an agreement's frequency.
const MAX_PLANNED: usize = 120;

/// The text of a pair's calendar or (`None`) the program's, in the scope's words; `None` for the
/// program's when the audience may see no pair (a calendar needs at least one event).
/// `today` is the build's date, around which the program's calendar holds its window.
pub(super) fn file(scope: &Scope<'_>, which: Option<&Pair>, today: Date) -> Option<String> {
    let slug = program_slug(&scope.program.info.name);
    match which {
        Some(pair) => Some(pair_calendar(scope, pair, &slug, scope.strings)),
        None => program_calendar(scope, &slug, today),
    }
}

/// The program's calendar holds the dates from this many days before the build's date...
pub const WINDOW_PAST_DAYS: i64 = 30;
/// ...to this many days after it.
pub const WINDOW_AHEAD_DAYS: i64 = 90;

/// Whether `date` falls in the program calendar's window around `today`, both ends included.
fn in_window(date: Date, today: Date) -> bool {
    let days = |n: i64| {
        today
            .0
            .checked_add(jiff::Span::new().days(n))
            .map_or(today, Date)
    };
    days(-WINDOW_PAST_DAYS) <= date && date <= days(WINDOW_AHEAD_DAYS)
}

/// The program's name as the domain part of UIDs: lower-case ASCII letters and digits joined by
/// dashes (`riverside-mentoring-program`); `mentorbook` when nothing is left.
pub fn program_slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-');
    if out.is_empty() {
        "mentorbook".to_owned()
    } else {
        out.to_owned()
    }
}

/// One event before it becomes iCalendar.
#[derive(Serialize)]
struct Entry {
    date: Date,
    kind: String,
    summary: String,
    description: Option<String>,
    status: Option<Status>,
}

/// An event's `STATUS`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
enum Status {
    /// A meeting logged.
    Confirmed,
    /// A meeting planned.
    Tentative,
}

impl Status {
    fn keyword(self) -> &'static str {
        match self {
            Status::Confirmed => "CONFIRMED",
            Status::Tentative => "TENTATIVE",
        }
    }
}

/// A calendar file up to its first event: the calendar's own properties.
fn new_calendar(scope: &Scope<'_>, name: &str) -> Ics {
    let mut cal = Ics::new();
    cal.raw("VERSION", "2.0");
    cal.text(
        "PRODID",
        &format!("-//mentorbook//{}//EN", scope.program.info.name),
    );
    cal.raw("CALSCALE", "GREGORIAN");
    cal.raw("METHOD", "PUBLISH");
    cal.text("NAME", name);
    cal.text("X-WR-CALNAME", name);
    cal
}

/// Writes `entry` as an event, its properties in alphabetical order.
fn event(cal: &mut Ics, entry: &Entry, uid: &str, stamp: Date, url: Option<&str>) {
    cal.begin("VEVENT");
    if let Some(d) = &entry.description {
        cal.text("DESCRIPTION", d);
    }
    cal.date(
        "DTEND",
        Date(entry.date.0.tomorrow().unwrap_or(entry.date.0)),
    );
    cal.midnight("DTSTAMP", stamp);
    cal.date("DTSTART", entry.date);
    if let Some(s) = entry.status {
        cal.raw("STATUS", s.keyword());
    }
    cal.text("SUMMARY", &entry.summary);
    cal.raw("TRANSP", "TRANSPARENT");
    cal.text("UID", uid);
    if let Some(u) = url {
        cal.raw("URL", u);
    }
    cal.end("VEVENT");
}

/// The web address of the pair's page, when `[site] base-url` is set.
fn pair_url(scope: &Scope<'_>, pair: &Pair) -> Option<String> {
    let base = scope.config.site.base_url.as_deref()?;
    Some(paths::absolute(base, &paths::pair(&pair.id).url()))
}

/// The latest date recorded in what the audience may see of `pair`: its start, its meetings,
/// checklist items done, milestones reached, signatures, its closure. Never a date to come.
fn stamp(scope: &Scope<'_>, pair: &Pair) -> Date {
    let f = &pair.file;
    let goals = f.goals.iter().filter(|g| scope.sees(g.visibility, pair));
    let signed = f
        .agreement
        .as_ref()
        .and_then(|a| a.signed.as_ref())
        .into_iter()
        .flat_map(|s| s.mentor.into_iter().chain(s.mentee));
    std::iter::once(f.start.value)
        .chain(meeting_dates(scope, pair))
        .chain(
            f.progress
                .values()
                .flat_map(|m| m.0.iter().map(|(_, p)| p.done.value)),
        )
        .chain(goals.flat_map(|g| g.milestones.iter().filter_map(|m| m.done)))
        .chain(signed)
        .chain(
            f.closure
                .as_ref()
                .and_then(|c| c.date.as_ref())
                .map(|d| d.value),
        )
        .max()
        .unwrap_or(f.start.value)
}

/// The meetings to come: the pair file's `planned_meetings` when it has them, otherwise one every
/// agreed interval (`agreement.meetings.frequency`) after the last meeting logged (or the first
/// meeting, or the start), up to the planned end or the closure.
fn planned(scope: &Scope<'_>, pair: &Pair) -> (Vec<Date>, Option<Cadence>) {
    let f = &pair.file;
    if !f.planned_meetings.is_empty() {
        return (f.planned_meetings.iter().map(|d| d.value).collect(), None);
    }
    let frequency = f
        .agreement
        .as_ref()
        .and_then(|a| a.meetings.as_ref())
        .and_then(|m| m.frequency);
    let Some(frequency) = frequency else {
        return (Vec::new(), None);
    };
    let anchor = meeting_dates(scope, pair)
        .chain(
            f.first_meeting
                .as_ref()
                .and_then(|m| m.date.as_ref())
                .map(|d| d.value),
        )
        .max()
        .unwrap_or(f.start.value);
    let until = f
        .closure
        .as_ref()
        .and_then(|c| c.date.as_ref())
        .map_or(pair.end, |d| d.value.min(pair.end));
    let every = match frequency {
        Cadence::Weekly => Step::Days(7),
        Cadence::Fortnightly => Step::Days(14),
        Cadence::Monthly => Step::Months(1),
        Cadence::Quarterly => Step::Months(3),
    };
    let dates = (1..=MAX_PLANNED)
        .map_while(|k| {
            let d = match every {
                Step::Days(n) => anchor
                    .0
                    .checked_add(jiff::Span::new().days(n * k as i64))
                    .ok()
                    .map(Date)?,
                Step::Months(n) => anchor.plus_months(n * k as u32),
            };
            (d <= until && d > anchor).then_some(d)
        })
        .collect();
    (dates, Some(frequency))
}

#[derive(Clone, Copy)]
enum Step {
    Days(i64),
    Months(u32),
}

/// A pair's start and planned end, as events.
fn start_and_end(pair: &Pair, title: &str, w: &CalendarWords) -> Vec<Entry> {
    vec![
        Entry {
            date: pair.file.start.value,
            kind: "start".into(),
            summary: fill(&w.starts, &[("pair", title)]),
            description: None,
            status: None,
        },
        Entry {
            date: pair.end,
            kind: "end".into(),
            summary: fill(&w.ends, &[("pair", title)]),
            description: None,
            status: None,
        },
    ]
}

fn pair_calendar(scope: &Scope<'_>, pair: &Pair, slug: &str, strings: &Strings) -> String {
    let w = &strings.calendar;
    let title = pair_title(scope, pair);
    let f = &pair.file;
    let mut entries = start_and_end(pair, &title, w);
    let mut logged = HashSet::new();
    for m in f.meetings.iter().filter(|m| scope.sees(m.visibility, pair)) {
        logged.insert(m.date.value);
        entries.push(Entry {
            date: m.date.value,
            kind: format!("meeting-{}", m.date.value),
            summary: match &m.title {
                Some(t) => fill(&w.meeting, &[("pair", &title), ("title", t)]),
                None => fill(&w.meeting_untitled, &[("pair", &title)]),
            },
            description: (!m.agenda.is_empty())
                .then(|| fill(&w.agenda, &[("agenda", &m.agenda.join("; "))])),
            status: Some(Status::Confirmed),
        });
    }
    let (dates, frequency) = planned(scope, pair);
    for d in dates.into_iter().filter(|d| !logged.contains(d)) {
        entries.push(Entry {
            date: d,
            kind: format!("meeting-{d}"),
            summary: fill(&w.planned, &[("pair", &title)]),
            description: Some(match frequency {
                // Within a sentence: the label in lower case.
                Some(c) => fill(
                    &w.planned_by_agreement,
                    &[("frequency", &cadence(c, strings).to_lowercase())],
                ),
                None => w.planned_in_file.clone(),
            }),
            status: Some(Status::Tentative),
        });
    }
    for g in f.goals.iter().filter(|g| scope.sees(g.visibility, pair)) {
        if let Some(d) = &g.timely {
            entries.push(Entry {
                date: d.value,
                kind: format!("deadline-{}", g.id.value),
                summary: fill(&w.deadline, &[("pair", &title), ("goal", &g.title)]),
                description: None,
                status: None,
            });
        }
        for m in &g.milestones {
            if let Some(due) = m.due {
                entries.push(Entry {
                    date: due,
                    kind: format!("milestone-{}-{due}", g.id.value),
                    summary: fill(&w.milestone, &[("pair", &title), ("milestone", &m.title)]),
                    description: Some(fill(&w.milestone_description, &[("goal", &g.title)])),
                    status: None,
                });
            }
        }
    }
    let name = fill(
        &w.name,
        &[("pair", &title), ("program", &scope.program.info.name)],
    );
    let mut cal = new_calendar(scope, &name);
    add(
        &mut cal,
        entries,
        &format!("{}.{slug}", pair.id),
        stamp(scope, pair),
        pair_url(scope, pair).as_deref(),
    );
    cal.finish()
}

/// What the program's calendar shows of one pair: its start and planned end when they fall in the
/// window around the build's date, with the pair's page as their URL, and the latest date the pair
/// recorded (the calendar's `DTSTAMP` is the latest of
/// every pair's). [`super::lists_key`] hashes exactly this, so it is made in one place.
#[derive(Serialize)]
pub(super) struct Listed {
    entries: Vec<Entry>,
    stamp: Date,
    url: Option<String>,
}

/// What the program's calendar shows of `pair`.
pub(super) fn listed(scope: &Scope<'_>, pair: &Pair, today: Date) -> Listed {
    let title = pair_title(scope, pair);
    let mut entries = start_and_end(pair, &title, &scope.strings.calendar);
    entries.retain(|e| in_window(e.date, today));
    Listed {
        entries,
        stamp: stamp(scope, pair),
        url: pair_url(scope, pair),
    }
}

/// The program's key dates in the window around `today`; none when the audience may see no pair.
/// With no date in the window the file holds no event, so that its address keeps working.
fn program_calendar(scope: &Scope<'_>, slug: &str, today: Date) -> Option<String> {
    let listed: Vec<Listed> = scope
        .pairs
        .iter()
        .map(|p| listed(scope, p, today))
        .collect();
    let stamp = listed.iter().map(|l| l.stamp).max()?;
    let mut cal = new_calendar(scope, &scope.program.info.name);
    for (pair, l) in scope.pairs.iter().zip(listed) {
        add(
            &mut cal,
            l.entries,
            &format!("{}.{slug}", pair.id),
            stamp,
            l.url.as_deref(),
        );
    }
    Some(cal.finish())
}

/// Adds `entries` to `cal` by date, each once: the first entry of a UID wins.
fn add(cal: &mut Ics, mut entries: Vec<Entry>, domain: &str, stamp: Date, url: Option<&str>) {
    entries.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.kind.cmp(&b.kind)));
    // The domain is the same for all: a UID is told by its kind.
    let mut seen = HashSet::new();
    let mut uid = String::new();
    for entry in &entries {
        if seen.insert(entry.kind.as_str()) {
            uid.clear();
            uid.push_str(&entry.kind);
            uid.push('@');
            uid.push_str(domain);
            event(cal, entry, &uid, stamp, url);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(
            program_slug("Riverside Mentoring Program"),
            "riverside-mentoring-program"
        );
        assert_eq!(program_slug("  Ça va? 2025 "), "a-va-2025");
        assert_eq!(program_slug("日本"), "mentorbook");
    }

    #[test]
    fn the_window_is_thirty_days_back_and_ninety_ahead() {
        let today = Date("2025-06-01".parse().unwrap());
        let d = |s: &str| Date(s.parse().unwrap());
        assert!(in_window(d("2025-05-02"), today));
        assert!(!in_window(d("2025-05-01"), today));
        assert!(in_window(d("2025-08-30"), today));
        assert!(!in_window(d("2025-08-31"), today));
    }
}
