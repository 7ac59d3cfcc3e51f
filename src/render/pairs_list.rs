//! `pairs/list.js`: what the list of pairs sorts and filters by, one row a pair, for
//! `static/pairs-list.js`. The list's pages are made on the server side, [`super::family::PAIRS_PER_PAGE`]
//! pairs a page, and read without a script; with one, the reader can sort every pair by name,
//! phase, progress, start or last meeting and keep those of a phase, a mentor or a status. The data
//! is a script that sets a global, not JSON, so that it loads with a `<script>` tag from `file://`
//! as well as from a host, and only when the reader first sorts or filters.
//!
//! A row holds only what the list shows of a pair to the audience: its title, phase, progress and
//! dates, its mentor's name, and its last meeting where meetings are shown (`[public] pairs =
//! "full"` or a private edition). [`super::lists_key`] hashes each row, so an edit that changes one
//! makes the file again.

use serde::Serialize;

use super::pair_facts::{last_meeting, status};
use super::view::{PairView, Scope};
use crate::config::PairsShown;
use crate::model::{Date, Pair};
use crate::paths;

/// One pair as the list's script sorts and filters it, as an array, since there are thousands:
/// `[title, id, phase, per cent done, start, last meeting or null, mentor, status]`. The phase is
/// its id (`enabling`); the status, where the pair stands on the build's date: `upcoming`,
/// `under-way` or `ended`. The last meeting is there only where meetings are shown.
#[derive(Serialize)]
pub(super) struct Row<'a>(
    String,
    &'a str,
    &'static str,
    usize,
    Date,
    Option<Date>,
    &'a str,
    &'static str,
);

/// The row of `pair` as of `today`.
pub(super) fn row<'a>(scope: &Scope<'a>, pair: &'a Pair, today: Date) -> Row<'a> {
    let view = PairView::of(scope, pair);
    let last = (scope.shown == PairsShown::Full)
        .then(|| last_meeting(scope, pair, today))
        .flatten();
    Row(
        view.title,
        pair.id.as_str(),
        view.phase,
        view.percent,
        view.start,
        last,
        view.mentor.name,
        status(pair, today),
    )
}

/// The script: `window.mentorbookPairs = {url, rows}`, the rows in the order of the list's pages
/// and `url` a pair's page with `{id}` for its id.
pub(super) fn script(scope: &Scope<'_>, today: Date) -> String {
    let url = scope.pairs.first().map_or_else(String::new, |p| {
        paths::pair(&p.id).url().replacen(p.id.as_str(), "{id}", 1)
    });
    let mut out = String::from(
        "// The list of pairs of this site, made by mentorbook; static/pairs-list.js reads it.\nwindow.mentorbookPairs = {\"url\":",
    );
    out.push_str(&serde_json::to_string(&url).expect("a string serialises"));
    out.push_str(",\"rows\":[\n");
    for (i, pair) in scope.pairs.iter().enumerate() {
        if i > 0 {
            out.push_str(",\n");
        }
        let row = serde_json::to_string(&row(scope, pair, today)).expect("plain data serialises");
        out.push_str(&row);
    }
    out.push_str("\n]};\n");
    out
}
