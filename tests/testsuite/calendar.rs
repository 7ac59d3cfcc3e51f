//! Calendar files: `pairs/<pair-id>/meetings.ics` and `calendar.ics`, read back with the
//! `icalendar` crate's parser. Events, UIDs, all-day dates, UIDs that stay the same across builds
//! and edits, and nothing private in them.

use std::collections::BTreeMap;

use icalendar::{Calendar, CalendarComponent, Component};

use crate::harness::Program;
use crate::privacy::canaries;

/// One event as read back: its properties by name, with their parameters as `NAME;KEY=VALUE`.
#[derive(Debug)]
struct Ev {
    uid: String,
    summary: String,
    start: String,
    start_params: String,
    end: String,
    stamp: String,
    status: Option<String>,
}

fn read(text: &str) -> (Calendar, Vec<Ev>) {
    assert!(
        text.starts_with("BEGIN:VCALENDAR\r\n") && text.ends_with("END:VCALENDAR\r\n"),
        "not an iCalendar file:\n{text}"
    );
    assert!(
        text.split("\r\n").all(|l| l.len() <= 75),
        "a line is longer than 75 octets"
    );
    let cal: Calendar = text.parse().expect("the calendar parses");
    let events = cal
        .components
        .iter()
        .filter_map(|c| match c {
            CalendarComponent::Event(e) => Some(e),
            _ => None,
        })
        .map(|e| {
            let p = e.properties();
            let start = &p["DTSTART"];
            Ev {
                uid: e.get_uid().expect("every event has a UID").to_owned(),
                summary: e.get_summary().unwrap_or_default().to_owned(),
                start: start.value().to_owned(),
                start_params: start
                    .params()
                    .iter()
                    .map(|(k, v)| format!("{k}={}", v.value()))
                    .collect::<Vec<_>>()
                    .join(";"),
                end: p["DTEND"].value().to_owned(),
                stamp: p["DTSTAMP"].value().to_owned(),
                status: e.property_value("STATUS").map(str::to_owned),
            }
        })
        .collect();
    (cal, events)
}

fn by_uid(events: &[Ev]) -> BTreeMap<&str, &Ev> {
    let map: BTreeMap<&str, &Ev> = events.iter().map(|e| (e.uid.as_str(), e)).collect();
    assert_eq!(map.len(), events.len(), "two events share a UID");
    map
}

const DOMAIN: &str = "ana-lopez-ben-okafor.dashboard-mentoring-program";

#[test]
fn a_pairs_calendar_holds_its_meetings_deadlines_and_dates() {
    let program = Program::fixture("dashboard");
    program.build().success();
    let (cal, events) = read(&program.read("book/pairs/ana-lopez-ben-okafor/meetings.ics"));
    assert_eq!(
        cal.get_name(),
        Some("Ana López & Ben Okafor · Dashboard Mentoring Program")
    );
    let uids = by_uid(&events);
    // Start and end, two meetings logged, ten planned monthly after the last one (12 March to
    // 12 December 2025, before the end on 5 January 2026), two deadlines, two milestones due.
    assert_eq!(events.len(), 18, "{:#?}", uids.keys());
    let uid = |kind: &str| format!("{kind}@{DOMAIN}");
    let start = uids[uid("start").as_str()];
    assert_eq!(start.start, "20250105");
    assert_eq!(start.start_params, "VALUE=DATE", "an all-day event");
    assert_eq!(start.end, "20250106", "an all-day event ends the next day");
    assert_eq!(uids[uid("end").as_str()].start, "20260105");
    let first = uids[uid("meeting-2025-01-20").as_str()];
    assert_eq!(first.summary, "Ana López & Ben Okafor: First meeting");
    assert_eq!(first.status.as_deref(), Some("CONFIRMED"));
    let planned: Vec<&&Ev> = uids
        .values()
        .filter(|e| e.status.as_deref() == Some("TENTATIVE"))
        .collect();
    assert_eq!(planned.len(), 10);
    assert_eq!(planned[0].uid, uid("meeting-2025-03-12"));
    assert_eq!(planned[9].uid, uid("meeting-2025-12-12"));
    assert!(
        planned
            .iter()
            .all(|e| e.summary.ends_with(": planned meeting"))
    );
    assert_eq!(
        uids[uid("deadline-lead-surgery").as_str()].start,
        "20250930"
    );
    assert_eq!(
        uids[uid("deadline-consult-timing").as_str()].start,
        "20250831"
    );
    assert!(uids.contains_key(uid("milestone-lead-surgery-2025-03-31").as_str()));
    // DTSTAMP is the latest date recorded in the pair (its first milestone, reached on 20 March
    // 2025), not the clock: the same in every event.
    assert!(events.iter().all(|e| e.stamp == "20250320T000000Z"));
    assert!(events.iter().all(|e| e.start_params == "VALUE=DATE"));
}

#[test]
fn planned_meetings_come_from_the_pair_file_and_a_logged_one_replaces_its_plan() {
    let program = Program::fixture("dashboard");
    program.build().success();
    let (_, events) = read(&program.read("book/pairs/carla-diaz-dan-evans/meetings.ics"));
    let uids = by_uid(&events);
    let domain = "carla-diaz-dan-evans.dashboard-mentoring-program";
    // planned_meetings lists 16 June and 19 May; 19 May was logged, so it is the logged meeting.
    let may = uids[format!("meeting-2025-05-19@{domain}").as_str()];
    assert_eq!(may.status.as_deref(), Some("CONFIRMED"));
    assert_eq!(may.summary, "Carla Díaz & Dan Evans: Dental list review");
    let june = uids[format!("meeting-2025-06-16@{domain}").as_str()];
    assert_eq!(june.status.as_deref(), Some("TENTATIVE"));
    assert_eq!(
        events
            .iter()
            .filter(|e| e.status.as_deref() == Some("TENTATIVE"))
            .count(),
        1,
        "planned_meetings replaces the agreement's fortnightly frequency"
    );
    // The hidden meeting and the hidden goal are not in the public file.
    assert!(!uids.contains_key(format!("meeting-2025-05-26@{domain}").as_str()));
    assert!(!uids.contains_key(format!("deadline-private-goal@{domain}").as_str()));
    // The coordinators' edition has them.
    program
        .run(&["build", "--audience", "coordinators"])
        .success();
    let (_, events) =
        read(&program.read("book-private/coordinators/pairs/carla-diaz-dan-evans/meetings.ics"));
    let uids = by_uid(&events);
    assert!(uids.contains_key(format!("meeting-2025-05-26@{domain}").as_str()));
    assert!(uids.contains_key(format!("deadline-private-goal@{domain}").as_str()));
}

#[test]
fn uids_stay_the_same_across_builds_and_when_a_planned_meeting_is_logged() {
    let program = Program::fixture("dashboard");
    program.build().success();
    let path = "book/pairs/ana-lopez-ben-okafor/meetings.ics";
    let before = program.read(path);
    program.build().success();
    assert_eq!(program.read(path), before, "a rebuild changed the calendar");

    // Log the meeting planned for 12 March: the same UID, now confirmed, and no event is added.
    program.patch(
        "content/pairs/ana-lopez-ben-okafor.yaml",
        "  - date: 2025-02-12\n",
        "  - date: 2025-03-12\n    title: Theatre debrief\n  - date: 2025-02-12\n",
    );
    program.build().success();
    let (_, old) = read(&before);
    let (_, new) = read(&program.read(path));
    let (old, new) = (by_uid(&old), by_uid(&new));
    let march = format!("meeting-2025-03-12@{DOMAIN}");
    assert_eq!(old[march.as_str()].status.as_deref(), Some("TENTATIVE"));
    assert_eq!(new[march.as_str()].status.as_deref(), Some("CONFIRMED"));
    assert_eq!(
        new[march.as_str()].summary,
        "Ana López & Ben Okafor: Theatre debrief"
    );
    // Later plans now count from 12 March, which they already did: every other UID is unchanged.
    assert_eq!(
        old.keys().collect::<Vec<_>>(),
        new.keys().collect::<Vec<_>>()
    );
}

#[test]
fn the_programs_calendar_holds_the_visible_pairs_dates_of_its_window_only() {
    // Built as of 2025-06-01: the window runs from 2025-05-02 to 2025-08-30.
    let program = Program::fixture("dashboard");
    program.build().success();
    let (cal, events) = read(&program.read("book/calendar.ics"));
    assert_eq!(cal.get_name(), Some("Dashboard Mentoring Program"));
    let uids = by_uid(&events);
    let listed: Vec<(&str, &str)> = events
        .iter()
        .map(|e| (e.uid.as_str(), e.start.as_str()))
        .collect();
    // Of three public pairs' starts and ends, one date falls in the window.
    assert_eq!(
        listed,
        [(
            "end@carla-diaz-dan-evans.dashboard-mentoring-program",
            "20250620"
        )],
        "{listed:?}"
    );
    assert!(!uids.contains_key(format!("end@{DOMAIN}").as_str()));
    assert!(!events.iter().any(|e| e.uid.contains("eve-fox")));
    // The hidden pair has no calendar in the public site.
    assert!(!program.path("book/pairs/eve-fox-gus-hill").exists());
    // The rest is in each pair's own calendar, under the same UIDs.
    let (_, pair) = read(&program.read("book/pairs/ana-lopez-ben-okafor/meetings.ics"));
    assert!(pair.iter().any(|e| e.uid == format!("start@{DOMAIN}")));
    assert!(
        pair.iter()
            .any(|e| e.uid == format!("end@{DOMAIN}") && e.start == "20260105")
    );
}

#[test]
fn with_a_base_url_events_link_to_the_pairs_page() {
    let program = Program::fixture("dashboard");
    program.write(
        "book.toml",
        format!(
            "{}\n[site]\nbase-url = \"https://mentoring.example.org/\"\n",
            program.read("book.toml")
        ),
    );
    program.build().success();
    let (cal, _) = read(&program.read("book/pairs/ana-lopez-ben-okafor/meetings.ics"));
    let urls: Vec<_> = cal
        .components
        .iter()
        .filter_map(|c| match c {
            CalendarComponent::Event(e) => e.property_value("URL"),
            _ => None,
        })
        .collect();
    assert!(!urls.is_empty());
    assert!(
        urls.iter()
            .all(|u| *u == "https://mentoring.example.org/pairs/ana-lopez-ben-okafor/index.html"),
        "{urls:?}"
    );
    // The 404 page is served at any address: its links start from the base URL.
    let not_found = program.read("book/404.html");
    assert!(
        not_found.contains("href=\"https://mentoring.example.org/index.html\""),
        "{not_found}"
    );
}

#[test]
fn private_fields_never_reach_a_public_calendar() {
    let program = Program::fixture("canary");
    program.build().success();
    let files = program.files("book");
    let calendars: Vec<_> = files
        .iter()
        .filter(|(p, _)| p.extension().is_some_and(|e| e == "ics"))
        .collect();
    assert!(calendars.len() >= 2, "no calendar files in the canary site");
    let canaries = canaries("canary");
    let mut public = false;
    for (path, bytes) in &calendars {
        // Unfold the lines first, so a canary cut by line folding is still found.
        let text = String::from_utf8_lossy(bytes)
            .replace("\r\n ", "")
            .to_lowercase();
        for c in &canaries {
            assert!(
                !text.contains(&c.to_lowercase()),
                "{c} in {}",
                path.display()
            );
        }
        assert!(
            !text.contains("-7f3a"),
            "a canary's trace in {}",
            path.display()
        );
        public |= text.contains("public-meeting-title");
        read(&String::from_utf8_lossy(bytes));
    }
    assert!(public, "the public meeting title is in no calendar");
}
