//! The SMART goal linter: warnings, each with a hint written for the mentee who writes the goal.
//! SMART as the twelve action steps of the AAHA guidelines define it: Specific, Measurable,
//! Attainable, Realistic and Timely. A goal written with the keys of earlier versions
//! (`achievable`, `relevant`, `time_bound`) is read the same way.

use super::Ctx;
use crate::diagnostic::{Code, Problem, Problems, Span};
use crate::model::pair::GoalStatus;
use crate::model::{Date, Pair};

/// Verbs that say what will change without saying how anyone will see it.
const VAGUE: &[&str] = &[
    "improve",
    "better",
    "understand",
    "learn",
    "know",
    "feel",
    "become",
    "increase",
    "develop",
    "enhance",
    "get good",
    "more confident",
];

/// Reviews every goal of a pair.
pub(super) fn goals(ctx: &Ctx<'_>, pair: &Pair, today: Date, problems: &mut Problems) {
    for g in &pair.file.goals {
        let at = ctx.at(&pair.source, &g.id);
        let open = matches!(g.status, GoalStatus::NotStarted | GoalStatus::InProgress);
        match &g.measurable {
            None => ctx.report(
                problems,
                Problem::warning(Code::GoalWithoutMeasure, at.clone(), format!("the goal `{}` says nothing about how it will be measured", g.id.value))
                    .hint("add `measurable:`: how will you and your mentor know it is done? A number, a count or something you can show"),
            ),
            Some(m) if is_vague(&m.source) => ctx.report(
                problems,
                Problem::warning(Code::VagueMeasure, measure_span(&at, ctx, &pair.source), format!("the measure of `{}` has no number to check it against", g.id.value))
                    .hint("say how much or how many, for example \"lead 10 consultations\" rather than \"improve my consultations\""),
            ),
            Some(_) => {}
        }
        // Attainable and Realistic are the letters a goal most often skips; a goal only sketched
        // (no `specific:` yet) is not held to them until it is written out.
        let missing: Vec<&str> = [
            ("attainable", g.attainable.is_none()),
            ("realistic", g.realistic.is_none()),
        ]
        .into_iter()
        .filter_map(|(key, none)| none.then_some(key))
        .collect();
        if open && g.specific.is_some() && !missing.is_empty() {
            let keys: Vec<String> = missing.iter().map(|k| format!("`{k}:`")).collect();
            ctx.report(
                problems,
                Problem::warning(Code::GoalNotRealistic, at.clone(), format!("the goal `{}` does not say why it is {}", g.id.value, missing.join(" and ")))
                    .hint(format!("add {}: is it within reach with the support on offer (attainable), and does it fit the time, workload and resources you really have (realistic)?", keys.join(" and "))),
            );
        }
        match &g.timely {
            None if open => ctx.report(
                problems,
                Problem::warning(Code::GoalWithoutDeadline, at, format!("the goal `{}` has no deadline", g.id.value))
                    .hint("add `timely:` with the date you aim to reach it by (YYYY-MM-DD)"),
            ),
            Some(d) if open && d.value < today => ctx.report(
                problems,
                Problem::warning(Code::GoalOverdue, ctx.at(&pair.source, d), format!("the deadline of `{}` ({}) has passed and the goal is still open", g.id.value, d.value))
                    .hint("talk it over with your mentor: mark it achieved or dropped, or agree a new date"),
            ),
            _ => {}
        }
    }
}

/// A measure written with a vague verb and no number in it.
fn is_vague(text: &str) -> bool {
    let lower = text.to_lowercase();
    // Whole words only: "acknowledges" does not contain the verb "know".
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let has = |phrase: &str| {
        let parts: Vec<&str> = phrase.split(' ').collect();
        words.windows(parts.len()).any(|w| w == parts.as_slice())
    };
    !lower.chars().any(|c| c.is_ascii_digit()) && VAGUE.iter().any(|v| has(v))
}

/// Where `measurable:` is written for the goal, falling back to the goal's id.
fn measure_span(goal: &Span, ctx: &Ctx<'_>, file: &std::path::Path) -> Span {
    let Some(text) = ctx.sources.get(file) else {
        return goal.clone();
    };
    let start = goal.line as usize;
    text.lines()
        .enumerate()
        .skip(start)
        .take_while(|(_, l)| !l.trim_start().starts_with("- id:"))
        .find_map(|(i, l)| {
            l.find("measurable:").map(|c| Span {
                file: file.to_path_buf(),
                line: i as u32 + 1,
                column: c as u32 + 1,
            })
        })
        .unwrap_or_else(|| goal.clone())
}

#[cfg(test)]
mod tests {
    use super::is_vague;

    #[test]
    fn vague_means_no_number() {
        assert!(is_vague("Improve my client communication"));
        assert!(!is_vague("Lead 10 client conversations"));
        assert!(!is_vague("A logged procedure list signed off by Ana"));
        assert!(!is_vague(
            "The practice manager acknowledges the new rota in writing."
        ));
        assert!(is_vague("Feel more confident with clients"));
    }
}
