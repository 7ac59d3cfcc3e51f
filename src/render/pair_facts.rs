//! Facts about one pair that the dashboard, the calendars and the progress picture all use: its
//! title, the meetings the audience may see and the last of them, whether it is under way, where
//! it stands on a date, and days between dates.

use super::strings::names_title;
use super::view::Scope;
use crate::model::{Date, Pair};

/// Days from `a` to `b` (negative when `b` is earlier).
pub fn days_between(a: Date, b: Date) -> i64 {
    a.0.until(b.0).map_or(0, |s| i64::from(s.get_days()))
}

/// The pair's title, "Mentor & Mentee" by name in the default theme's words.
pub fn pair_title(scope: &Scope<'_>, pair: &Pair) -> String {
    let name = |id| scope.program.person(id).map_or("", |p| p.name.as_str());
    names_title(
        scope.strings,
        name(&pair.file.mentor.value),
        name(&pair.file.mentee.value),
    )
}

/// Whether the relationship is under way on `today`: started, not past its end, not closed.
pub(super) fn under_way(pair: &Pair, today: Date) -> bool {
    let closed = pair
        .file
        .closure
        .as_ref()
        .and_then(|c| c.date.as_ref())
        .is_some_and(|d| d.value <= today);
    pair.file.start.value <= today && today <= pair.end && !closed
}

/// The dates of the meetings of `pair` this audience may see.
pub fn meeting_dates<'a>(scope: &'a Scope<'_>, pair: &'a Pair) -> impl Iterator<Item = Date> + 'a {
    pair.file
        .meetings
        .iter()
        .filter(move |m| scope.sees(m.visibility, pair))
        .map(|m| m.date.value)
}

/// The last meeting of `pair` this audience may see, on or before `today` (a meeting logged with a
/// later date has not happened yet).
pub(super) fn last_meeting(scope: &Scope<'_>, pair: &Pair, today: Date) -> Option<Date> {
    meeting_dates(scope, pair).filter(|d| *d <= today).max()
}

/// Where the pair stands on `today`, as the list of pairs filters by it: `upcoming` (not started),
/// `ended` (past its planned end) or `under-way`.
pub(super) fn status(pair: &Pair, today: Date) -> &'static str {
    if pair.file.start.value > today {
        "upcoming"
    } else if pair.end < today {
        "ended"
    } else {
        "under-way"
    }
}
