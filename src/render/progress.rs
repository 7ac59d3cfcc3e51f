//! A pair's progress picture, on its overview page: the four phases as a track that shows where the
//! pair stands, and each goal's milestones on a time line. SVG drawn at build time, with the same
//! rules as [`super::charts`]: a title and description, text on every mark, colours from the CSS.

use std::fmt::Write;

use serde::Serialize;

use super::charts::{esc, n, open, open_group};
use super::pair_facts::days_between;
use super::strings::{Strings, date_long, goal_status, month_year_short};
use super::view::{PhaseStep, Scope};
use crate::model::{Date, Pair};

/// A pair's progress picture; templates get it as `picture`.
#[derive(Serialize)]
pub struct Picture<'a> {
    /// The four phases as a track (SVG).
    pub track: String,
    /// The goals' milestones on a time line (SVG; empty when the pair has no goal this audience
    /// may see).
    pub timeline: String,
    /// The milestones by the numbers the time line shows, for the table beneath it.
    pub milestones: Vec<MilestoneRow<'a>>,
    /// The date the time line marks as today.
    pub today: Date,
}

/// A milestone, numbered as on the time line.
#[derive(Serialize)]
pub struct MilestoneRow<'a> {
    /// Its number on the time line.
    pub number: usize,
    /// The goal's title.
    pub goal: &'a str,
    /// The milestone's title.
    pub title: &'a str,
    /// When it is due.
    pub due: Option<Date>,
    /// When it was reached.
    pub done: Option<Date>,
}

const WIDTH: f64 = 640.0;

impl<'a> Picture<'a> {
    /// The picture of `pair` for the scope's audience, with `steps` from its [`super::view::PairView`].
    pub fn of(
        scope: &Scope<'a>,
        pair: &'a Pair,
        steps: &[PhaseStep<'_>],
        today: Date,
        strings: &Strings,
    ) -> Self {
        let goals: Vec<_> = pair
            .file
            .goals
            .iter()
            .filter(|g| scope.sees(g.visibility, pair))
            .collect();
        let mut milestones = Vec::new();
        for g in &goals {
            for m in &g.milestones {
                milestones.push(MilestoneRow {
                    number: milestones.len() + 1,
                    goal: &g.title,
                    title: &m.title,
                    due: m.due,
                    done: m.done,
                });
            }
        }
        let timeline = if goals.is_empty() {
            String::new()
        } else {
            timeline(pair, &goals, &milestones, today, strings)
        };
        Picture {
            track: track(steps, strings),
            timeline,
            milestones,
            today,
        }
    }
}

/// The four phases as arrows, left to right: done ones filled with a tick, the current one outlined
/// boldly and marked "now", the ones to come dashed. Each links to the pair's page for the phase.
fn track(steps: &[PhaseStep<'_>], strings: &Strings) -> String {
    let words = &strings.picture;
    const H: f64 = 54.0;
    const TIP: f64 = 14.0;
    let w = WIDTH / steps.len().max(1) as f64;
    let desc = steps
        .iter()
        .map(|s| {
            let state = match s.state {
                "done" => &words.done,
                "current" => &words.current,
                _ => &words.to_come,
            };
            let (done, total) = (s.done.to_string(), s.total.to_string());
            super::strings::fill(
                &words.step,
                &[
                    ("phase", s.title),
                    ("state", state),
                    ("done", &done),
                    ("total", &total),
                ],
            )
        })
        .collect::<Vec<_>>()
        .join(&strings.charts.separator);
    let mut s = open_group(
        "picture-track",
        "phase-picture",
        WIDTH,
        H + 26.0,
        &words.track,
        &desc,
    );
    for (i, step) in steps.iter().enumerate() {
        let x = w * i as f64;
        let right = x + w - 3.0;
        let notch = if i == 0 { x } else { x + TIP };
        let points = format!(
            "{},0 {},0 {},{} {},{} {},{} {},{}",
            n(x),
            n(right - TIP),
            n(right),
            n(H / 2.0),
            n(right - TIP),
            n(H),
            n(x),
            n(H),
            n(notch),
            n(H / 2.0)
        );
        let mark = if step.state == "done" { "✓ " } else { "" };
        let dash = if step.state == "upcoming" {
            " stroke-dasharray=\"5 4\""
        } else {
            ""
        };
        let fill = if step.state == "done" {
            "currentColor"
        } else {
            "none"
        };
        let tx = notch.max(x) + 10.0;
        let (done, total) = (step.done.to_string(), step.total.to_string());
        let _ = write!(
            s,
            "<a href=\"{phase}/index.html\"><g class=\"step phase-{phase} is-{state}\" data-label=\"{title}\" data-phase=\"{phase}\" data-state=\"{state}\" data-value=\"{done}\" data-of=\"{total}\"><title>{tip}</title><polygon points=\"{points}\" fill=\"{fill}\" stroke=\"currentColor\" stroke-width=\"{sw}\"{dash}/><text class=\"step-title\" x=\"{tx}\" y=\"22\" fill=\"{ink}\">{mark}{num}. {title}</text><text class=\"step-count\" x=\"{tx}\" y=\"41\" fill=\"{ink}\">{count}</text></g></a>",
            phase = step.id,
            state = step.state,
            done = step.done,
            total = step.total,
            title = esc(step.title),
            tip = esc(&super::strings::fill(
                &words.step_tip,
                &[("phase", step.title), ("done", &done), ("total", &total)],
            )),
            count = esc(&super::strings::fill(
                &words.step_count,
                &[("done", &done), ("total", &total)],
            )),
            sw = if step.state == "current" { 3 } else { 1 },
            tx = n(tx),
            num = step.number,
            ink = if step.state == "done" {
                "white"
            } else {
                "currentColor"
            },
        );
        if step.state == "current" {
            let mid = x + w / 2.0;
            let _ = write!(
                s,
                "<g class=\"now\"><path d=\"M{a},{top} L{mid},{tip} L{b},{top} Z\" fill=\"currentColor\"/><text x=\"{tx}\" y=\"{ty}\" fill=\"currentColor\">{now}</text></g>",
                a = n(mid - 6.0),
                b = n(mid + 6.0),
                mid = n(mid),
                top = n(H + 12.0),
                tip = n(H + 4.0),
                tx = n(mid + 10.0),
                ty = n(H + 16.0),
                now = esc(&words.now),
            );
        }
    }
    s.push_str("</svg>");
    s
}

/// One row a goal over the pair's time frame: a line from the start to the goal's deadline (a
/// diamond), its milestones as numbered circles (filled when reached, at the date reached; hollow
/// at the due date otherwise), today as a dashed line, months along the bottom.
fn timeline(
    pair: &Pair,
    goals: &[&crate::model::pair::Goal],
    numbered: &[MilestoneRow<'_>],
    today: Date,
    strings: &Strings,
) -> String {
    const LEFT: f64 = 8.0;
    const RIGHT: f64 = WIDTH - 12.0;
    const ROW: f64 = 56.0;
    const TOP: f64 = 26.0;
    let start = pair.file.start.value;
    let dates = goals.iter().flat_map(|g| {
        g.timely.as_ref().map(|d| d.value).into_iter().chain(
            g.milestones
                .iter()
                .flat_map(|m| m.due.into_iter().chain(m.done)),
        )
    });
    let from = dates.clone().chain([start]).min().unwrap_or(start);
    let to = dates.chain([pair.end]).max().unwrap_or(pair.end);
    let span = days_between(from, to).max(1) as f64;
    let x = |d: Date| LEFT + (RIGHT - LEFT) * days_between(from, d) as f64 / span;
    let height = TOP + ROW * goals.len() as f64 + 30.0;
    let bottom = TOP + ROW * goals.len() as f64;
    let words = &strings.picture;
    let counted = strings.lang.count(&words.goals, goals.len() as u64);
    let desc = super::strings::fill(
        &words.timeline_desc,
        &[
            ("goals", &counted),
            ("from", &date_long(from, strings)),
            ("to", &date_long(to, strings)),
            (
                "reached",
                &numbered
                    .iter()
                    .filter(|m| m.done.is_some())
                    .count()
                    .to_string(),
            ),
            ("milestones", &numbered.len().to_string()),
        ],
    );
    let mut s = open(
        "picture-goals",
        "goal-timeline",
        WIDTH,
        height,
        &words.timeline,
        &desc,
    );
    let _ = write!(s, "<g class=\"axis\">");
    for (d, label) in month_ticks(from, to, strings) {
        let _ = write!(
            s,
            "<line class=\"grid\" x1=\"{x}\" y1=\"{t}\" x2=\"{x}\" y2=\"{b}\" stroke=\"currentColor\" stroke-dasharray=\"1 4\"/><text class=\"tick\" x=\"{x}\" y=\"{ty}\" text-anchor=\"middle\" fill=\"currentColor\">{label}</text>",
            x = n(x(d)),
            t = n(TOP),
            b = n(bottom),
            ty = n(bottom + 18.0),
        );
    }
    s.push_str("</g>");
    let mut number = 0;
    for (i, g) in goals.iter().enumerate() {
        let y = TOP + ROW * i as f64;
        let line_y = y + 28.0;
        // Within a sentence: the label in lower case.
        let status = esc(&goal_status(g.status, strings).to_lowercase());
        let deadline = g.timely.as_ref().map(|d| d.value);
        let _ = write!(
            s,
            "<g class=\"goal-row goal-{cls}\" data-goal=\"{id}\"><text class=\"goal-title\" x=\"{l}\" y=\"{ty}\" fill=\"currentColor\">{title} ({status})</text><line class=\"goal-span\" x1=\"{x1}\" y1=\"{ly}\" x2=\"{x2}\" y2=\"{ly}\" stroke=\"currentColor\" stroke-width=\"3\"/>",
            cls = g.status.id(),
            id = esc(g.id.value.as_str()),
            l = n(LEFT),
            ty = n(y + 12.0),
            title = esc(&g.title),
            x1 = n(x(start)),
            x2 = n(x(deadline.unwrap_or(pair.end))),
            ly = n(line_y),
        );
        if let Some(d) = deadline {
            let cx = x(d);
            let _ = write!(
                s,
                "<g class=\"deadline\" data-date=\"{d}\"><title>{long}</title><path d=\"M{a},{ly} L{cx},{t} L{b},{ly} L{cx},{bt} Z\" fill=\"currentColor\"/></g>",
                long = esc(&super::strings::fill(
                    &words.deadline,
                    &[("date", &date_long(d, strings))]
                )),
                a = n(cx - 7.0),
                b = n(cx + 7.0),
                cx = n(cx),
                t = n(line_y - 7.0),
                bt = n(line_y + 7.0),
                ly = n(line_y),
            );
        }
        for m in &g.milestones {
            number += 1;
            let Some(at) = m.done.or(m.due) else {
                continue;
            };
            let reached = m.done.is_some();
            let tip = match (m.done, m.due) {
                (Some(d), _) => {
                    super::strings::fill(&words.reached, &[("date", &date_long(d, strings))])
                }
                (None, Some(d)) => {
                    super::strings::fill(&words.due, &[("date", &date_long(d, strings))])
                }
                (None, None) => String::new(),
            };
            let tip = esc(&tip);
            let _ = write!(
                s,
                "<g class=\"milestone {state}\" data-number=\"{number}\" data-date=\"{at}\"><title>{number}. {title}: {tip}</title><circle cx=\"{cx}\" cy=\"{ly}\" r=\"6\" fill=\"{fill}\" stroke=\"currentColor\" stroke-width=\"2\"/><text class=\"milestone-number\" x=\"{cx}\" y=\"{ny}\" text-anchor=\"middle\" fill=\"currentColor\">{number}</text></g>",
                state = if reached { "is-done" } else { "is-open" },
                title = esc(&m.title),
                cx = n(x(at)),
                ly = n(line_y),
                ny = n(line_y + 21.0),
                fill = if reached { "currentColor" } else { "none" },
            );
        }
        s.push_str("</g>");
    }
    if (from..=to).contains(&today) {
        let tx = x(today);
        let _ = write!(
            s,
            "<g class=\"today\" data-date=\"{today}\"><line x1=\"{tx}\" y1=\"{t}\" x2=\"{tx}\" y2=\"{b}\" stroke=\"currentColor\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/><text x=\"{lx}\" y=\"{ly}\" text-anchor=\"{anchor}\" fill=\"currentColor\">{label}</text></g>",
            label = esc(&words.today),
            tx = n(tx),
            t = n(TOP - 14.0),
            b = n(bottom),
            lx = n(if tx > WIDTH - 60.0 {
                tx - 4.0
            } else {
                tx + 4.0
            }),
            anchor = if tx > WIDTH - 60.0 { "end" } else { "start" },
            ly = n(TOP - 6.0),
        );
    }
    s.push_str("</svg>");
    s
}

/// The first days of months between `from` and `to`, at most about seven of them, with labels
/// such as `Mar 2025`.
fn month_ticks(from: Date, to: Date, strings: &Strings) -> Vec<(Date, String)> {
    let mut months = Vec::new();
    let mut m = from.0.first_of_month();
    while m <= to.0 && months.len() < 1200 {
        if m >= from.0 {
            months.push(m);
        }
        match m.checked_add(jiff::Span::new().months(1)) {
            Ok(next) => m = next,
            Err(_) => break,
        }
    }
    let step = months.len().div_ceil(7).max(1);
    months
        .into_iter()
        .step_by(step)
        .map(|d| (Date(d), esc(&month_year_short(Date(d), strings))))
        .collect()
}
