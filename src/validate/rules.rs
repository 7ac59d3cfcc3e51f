//! Warnings about what is valid but probably wrong: a pair's dates and progress, mentees in two
//! pairs at once, links between guide chapters that point nowhere.

use std::collections::BTreeMap;

use super::Ctx;
use crate::diagnostic::{Code, Problem, Problems, Span};
use crate::model::{Chapter, Pair, PersonId, Phase, PhaseId};

/// The warnings about one pair.
pub(super) fn pair(ctx: &Ctx<'_>, pair: &Pair, phases: &[Phase], problems: &mut Problems) {
    let file = &pair.source;
    let (start, end) = (pair.file.start.value, pair.end);
    // With the end before the start (already an error), every date would look out of range.
    let dates_make_sense = start <= end;
    for m in pair.file.meetings.iter().filter(|_| dates_make_sense) {
        if m.date.value < start || m.date.value > end {
            let p = Problem::warning(
                Code::MeetingOutsideDates,
                ctx.at(file, &m.date),
                format!(
                    "this meeting ({}) is outside the pair's dates ({start} to {end})",
                    m.date.value
                ),
            )
            .hint("check the date, or the pair's `start` and `end`");
            ctx.report(problems, p);
        }
    }
    for g in pair.file.goals.iter().filter(|_| dates_make_sense) {
        if let Some(deadline) = g.timely.as_ref().filter(|d| d.value > end) {
            let p = Problem::warning(
                Code::DeadlineAfterEnd,
                ctx.at(file, deadline),
                format!(
                    "the goal `{}` is due after the relationship ends ({end})",
                    g.id.value
                ),
            )
            .hint("bring the deadline forward, or extend the pair's `end`");
            ctx.report(problems, p);
        }
    }
    out_of_order(ctx, pair, phases, problems);
    if pair.phase == PhaseId::Closure
        && pair
            .file
            .closure
            .as_ref()
            .is_none_or(|c| c.summary.is_none())
    {
        let at = match &pair.file.closure {
            Some(c) => ctx.at(file, c),
            None => Span {
                file: file.clone(),
                line: 0,
                column: 0,
            },
        };
        let p = Problem::warning(
            Code::ClosureWithoutSummary,
            at,
            "the pair is in closure but has no closure summary",
        )
        .hint("add `closure:` with a `summary:` of what the two of you achieved");
        ctx.report(problems, p);
    }
    if let Some(a) = &pair.file.agreement
        && a.meetings.as_ref().is_none_or(|m| m.frequency.is_none())
    {
        let p = Problem::warning(Code::NoMeetingFrequency, ctx.at(file, a), "the agreement does not say how often you meet")
                .hint("add `meetings:` with `frequency: monthly` (or weekly, fortnightly, quarterly) to the agreement");
        ctx.report(problems, p);
    }
}

/// An item marked done in a phase while an earlier phase still has open items: once per phase.
/// A pair that sets `phase:` has said where it stands, so it is not warned.
fn out_of_order(ctx: &Ctx<'_>, pair: &Pair, phases: &[Phase], problems: &mut Problems) {
    if pair.file.phase.is_some() {
        return;
    }
    for later in PhaseId::ALL.into_iter().skip(1) {
        let Some(first) = pair.file.progress.get(&later).and_then(|m| m.0.first()) else {
            continue;
        };
        let open = pair.open_items(phases, |p| p < later);
        let Some(&(earliest, _)) = open.first() else {
            continue;
        };
        let mut named: Vec<String> = open
            .iter()
            .take(3)
            .map(|(p, id)| format!("`{p}.{id}`"))
            .collect();
        if open.len() > 3 {
            named.push(format!("and {} more", open.len() - 3));
        }
        let p = Problem::warning(
            Code::PhaseOutOfOrder,
            ctx.at(&pair.source, &first.0),
            format!("{later} items are marked done while earlier items are still open: {}", named.join(", ")),
        )
        .hint(format!("mark the {earliest} items done first, or set `phase: {later}` if the pair skipped them on purpose"));
        ctx.report(problems, p);
    }
}

/// Mentees in two pairs whose dates overlap: the warnings, by mentee (only mentees with some).
pub(super) fn overlapping_mentees(
    ctx: &Ctx<'_>,
    pairs: &[Pair],
) -> BTreeMap<PersonId, Vec<Problem>> {
    let mut by_mentee: BTreeMap<&PersonId, Vec<&Pair>> = BTreeMap::new();
    for p in pairs {
        by_mentee.entry(&p.file.mentee.value).or_default().push(p);
    }
    by_mentee
        .into_iter()
        .filter(|(_, list)| list.len() > 1)
        .filter_map(|(mentee, list)| {
            let found = overlaps_of(ctx, mentee, list);
            (!found.is_empty()).then(|| (mentee.clone(), found))
        })
        .collect()
}

/// The warnings about `mentee`, whose pairs are `list`.
pub(super) fn overlaps_of(ctx: &Ctx<'_>, mentee: &PersonId, mut list: Vec<&Pair>) -> Vec<Problem> {
    let mut found = Problems::default();
    list.sort_by(|a, b| (a.file.start.value, &a.id).cmp(&(b.file.start.value, &b.id)));
    for w in list.windows(2) {
        let (a, b) = (w[0], w[1]);
        if b.file.start.value <= a.end {
            let p = Problem::warning(
                Code::OverlappingMentee,
                ctx.at(&b.source, &b.file.mentee),
                format!(
                    "`{mentee}` is already the mentee of `{}` until {}",
                    a.id, a.end
                ),
            )
            .hint("end the first pair before this one starts, or check the dates");
            ctx.report(&mut found, p);
        }
    }
    found.into_vec()
}

/// Links between guide chapters that name no chapter.
pub(super) fn guide_links(ctx: &Ctx<'_>, chapters: &[Chapter], problems: &mut Problems) {
    for c in chapters {
        let file = std::path::PathBuf::from(format!("content/guide/{}.md", c.id));
        for link in &c.links {
            if chapters.iter().any(|other| other.id.as_str() == link.value) {
                continue;
            }
            let p = Problem::warning(
                Code::BrokenLink,
                ctx.at(&file, link),
                format!("there is no chapter `{}.md` to link to", link.value),
            )
            .suggest(&link.value, chapters.iter().map(|c| c.id.as_str()));
            ctx.report(problems, p);
        }
    }
}
