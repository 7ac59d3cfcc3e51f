//! A pair whose record is ahead of its checklist: goals reached, evaluations made, meetings held
//! under a signed agreement, or a closure written, while the ticked items still put the pair two
//! phases back (`now in initiation` on every page). One phase of lag is left alone: pairs often
//! start the next phase's work before they tick the last items of the one they are in.

use super::Ctx;
use crate::diagnostic::{Code, Problem, Problems, Span};
use crate::model::pair::GoalStatus;
use crate::model::{Pair, Phase, PhaseId};

/// What in the record shows the pair further on than its checklist, the phase it shows and where
/// it is written.
struct Evidence {
    phase: PhaseId,
    what: String,
    at: Span,
}

/// How many phases behind the record the checklist may be before it is warned about.
const LAG_ALLOWED: usize = 1;

/// Warns once when the record shows the pair at least two phases further on than its checklist
/// reaches (its phase, or a later phase with items ticked).
/// A pair that sets `phase:` has said where it stands, so it is not warned.
pub(super) fn record_ahead(ctx: &Ctx<'_>, pair: &Pair, phases: &[Phase], problems: &mut Problems) {
    if pair.file.phase.is_some() {
        return;
    }
    let evidence = evidence(ctx, pair);
    let Some(shown) = evidence.iter().map(|e| e.phase).max() else {
        return;
    };
    // How far the checklist reaches: the pair's phase, or a later one with items ticked (which
    // phase-out-of-order, MB0305, is about).
    let reach = PhaseId::ALL
        .into_iter()
        .filter(|p| pair.file.progress.get(p).is_some_and(|m| !m.0.is_empty()))
        .fold(pair.phase, Ord::max);
    if shown.index() <= reach.index() + LAG_ALLOWED {
        return;
    }
    let of_shown: Vec<&Evidence> = evidence.iter().filter(|e| e.phase == shown).collect();
    let what: Vec<&str> = of_shown.iter().map(|e| e.what.as_str()).collect();
    let open: Vec<String> = pair
        .open_items(phases, |p| p >= pair.phase && p < shown)
        .into_iter()
        .map(|(p, id)| format!("`{p}.{id}`"))
        .collect();
    let mut named: Vec<String> = open.iter().take(4).cloned().collect();
    if open.len() > 4 {
        named.push(format!("and {} more", open.len() - 4));
    }
    let p = Problem::warning(
        Code::RecordAheadOfChecklist,
        of_shown[0].at.clone(),
        if reach == pair.phase {
            format!(
                "the checklist still puts this pair in {reach}, but its record shows {shown} under way: {}",
                what.join(", ")
            )
        } else {
            format!(
                "nothing past {reach} is ticked on the checklist, but the record shows {shown} under way: {}",
                what.join(", ")
            )
        },
    )
    .hint(format!(
        "tick the items done under `progress:`, with their dates: {} (or set `phase: {shown}` to say where the pair stands)",
        named.join(", ")
    ));
    ctx.report(problems, p);
}

/// Everything in the record that shows the pair in enabling (work on its goals) or in closure.
fn evidence(ctx: &Ctx<'_>, pair: &Pair) -> Vec<Evidence> {
    let file = &pair.source;
    let data = &pair.file;
    let mut found = Vec::new();
    if let Some(c) = data
        .closure
        .as_ref()
        .filter(|c| c.summary.is_some() || c.date.is_some())
    {
        found.push(Evidence {
            phase: PhaseId::Closure,
            what: "a closure written".to_owned(),
            at: ctx.at(file, c),
        });
    }
    for g in &data.goals {
        if g.status == GoalStatus::Achieved {
            found.push(Evidence {
                phase: PhaseId::Enabling,
                what: format!("the goal `{}` achieved", g.id.value),
                at: ctx.at(file, &g.id),
            });
        }
        let reached = g.milestones.iter().filter(|m| m.done.is_some()).count();
        if reached > 0 {
            found.push(Evidence {
                phase: PhaseId::Enabling,
                what: format!(
                    "{} of `{}` reached",
                    count(reached, "milestone", "milestones"),
                    g.id.value
                ),
                at: ctx.at(file, &g.id),
            });
        }
    }
    if let Some(e) = data.evaluations.first() {
        found.push(Evidence {
            phase: PhaseId::Enabling,
            what: count(data.evaluations.len(), "evaluation", "evaluations") + " made",
            at: ctx.at(file, &e.date),
        });
    }
    let signed = data
        .agreement
        .as_ref()
        .and_then(|a| a.signed.as_ref())
        .and_then(|s| s.mentor.zip(s.mentee))
        .map(|(a, b)| a.max(b));
    if let Some(signed) = signed {
        let after: Vec<_> = data
            .meetings
            .iter()
            .filter(|m| m.date.value > signed)
            .collect();
        if let Some(first) = after.first() {
            found.push(Evidence {
                phase: PhaseId::Enabling,
                what: format!(
                    "{} held since the agreement was signed",
                    count(after.len(), "meeting", "meetings")
                ),
                at: ctx.at(file, &first.date),
            });
        }
    }
    found
}

/// `1 milestone`, `2 milestones`.
fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}
