//! The one place a model's value becomes words: a label function per enum, and the dates written
//! out in the pages' language.

use super::Strings;
use crate::model::pair::{GoalStatus, Outcome};
use crate::model::{Cadence, Date, MeetingMode, MeetingTime, Owner, Role};

/// The label of a meeting mode, such as `Video call`.
pub fn meeting_mode(mode: MeetingMode, strings: &Strings) -> &str {
    let s = &strings.meeting_modes;
    match mode {
        MeetingMode::InPerson => &s.in_person,
        MeetingMode::Video => &s.video,
        MeetingMode::Phone => &s.phone,
    }
}

/// The label of a meeting time, such as `Weekday evenings`.
pub fn meeting_time(time: MeetingTime, strings: &Strings) -> &str {
    let s = &strings.meeting_times;
    match time {
        MeetingTime::WeekdayMornings => &s.weekday_mornings,
        MeetingTime::WeekdayAfternoons => &s.weekday_afternoons,
        MeetingTime::WeekdayEvenings => &s.weekday_evenings,
        MeetingTime::Weekends => &s.weekends,
    }
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

/// The label of a role, such as `Mentor`.
pub fn role(role: Role, strings: &Strings) -> &str {
    let s = &strings.roles;
    match role {
        Role::Mentor => &s.mentor,
        Role::Mentee => &s.mentee,
        Role::Coordinator => &s.coordinator,
    }
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

/// A date written out in the pages' language, `14 March 2025`: the one place dates become words.
pub fn date_long(date: Date, strings: &Strings) -> String {
    strings.lang.date_long(date)
}

/// A month and its year, `March 2025`.
pub fn month_year(date: Date, strings: &Strings) -> String {
    strings.lang.month_year(date)
}

/// A month and its year, short, `Mar 2025`.
pub fn month_year_short(date: Date, strings: &Strings) -> String {
    strings.lang.month_year_short(date)
}

/// A pair's title from its two names (`[pages] pair_title`).
pub fn names_title(strings: &Strings, mentor: &str, mentee: &str) -> String {
    super::fill(
        &strings.pages.pair_title,
        &[("mentor", mentor), ("mentee", mentee)],
    )
}
