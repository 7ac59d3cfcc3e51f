//! The dashboard on the home page (and on `dashboard/` in the coordinators' edition): pairs per
//! phase, checklist completion, goals by status, meetings per month, pairs that have gone quiet and
//! relationships that end soon. Everything is counted from what the build's audience may see, so
//! the public site's dashboard never counts a hidden pair, goal or meeting.

use serde::Serialize;

use super::charts::{self, Bar, Column};
use super::pair_facts::{days_between, last_meeting, meeting_dates, pair_title, under_way};
use super::strings::{ChartWords, Plural, Strings, fill, goal_status, month_year};
use super::view::Scope;
use crate::config::PairsShown;
use crate::model::pair::GoalStatus;
use crate::model::{Date, PhaseId};
use crate::paths::{self, Url};

/// Relationships ending within this many days are listed as ending soon.
pub const ENDING_WITHIN_DAYS: i64 = 30;

/// Above this many pairs, checklist completion is charted by band of completion rather than a bar
/// for each pair, so the chart stays readable (the pairs table lists every pair's progress).
pub const MAX_PAIR_BARS: usize = 24;

/// At most this many months are charted: the most recent ones.
pub const MAX_MONTHS: usize = 120;

/// What the dashboard shows; templates get it as `dashboard`.
#[derive(Serialize)]
pub struct Dashboard<'a> {
    /// The date it counts from.
    pub as_of: Date,
    /// A pair that has not met for more days than this is quiet (`[dashboard] quiet-after-days`).
    pub quiet_after_days: u32,
    /// Relationships ending within this many days are listed.
    pub ending_within_days: i64,
    /// Pairs counted.
    pub pairs: usize,
    /// Pairs in each phase.
    pub per_phase: Vec<PhaseCount<'a>>,
    /// Checklist completion: a row a pair, or a row a band of completion for a large program.
    pub completion: Vec<Completion>,
    /// Whether `completion` is by band of completion rather than by pair.
    pub completion_by_band: bool,
    /// Goals by status.
    pub goals: Vec<StatusCount>,
    /// Goals counted.
    pub goal_count: usize,
    /// Meetings logged in each month of the program's time frame, oldest first.
    pub months: Vec<MonthCount>,
    /// Meetings counted.
    pub meeting_count: usize,
    /// Whether the lists of pairs that need attention ([`Dashboard::quiet`], [`Dashboard::ending`])
    /// are shown: always to coordinators, on the public site when `[public] attention` is on.
    pub attention: bool,
    /// Pairs under way that have not met for more than `quiet_after_days` days, quietest first.
    pub quiet: Vec<QuietPair>,
    /// Pairs under way whose planned end is within `ending_within_days` days, soonest first.
    pub ending: Vec<EndingPair>,
    /// The charts, SVG to put in the page as it is.
    pub charts: Charts,
    /// The program's calendar file of key dates.
    pub calendar_url: Url,
}

/// Pairs in one phase.
#[derive(Serialize)]
pub struct PhaseCount<'a> {
    /// Phase id.
    pub id: &'static str,
    /// Phase title.
    pub title: &'a str,
    /// Pairs in it now.
    pub pairs: usize,
}

/// A row of checklist completion.
#[derive(Serialize)]
pub struct Completion {
    /// The pair ("Mentor & Mentee"), or the band (`50–74%`).
    pub title: String,
    /// The pair's page (none for a band).
    pub url: Option<Url>,
    /// Items done (pairs in the band).
    pub done: usize,
    /// Items in all (every pair, for a band).
    pub total: usize,
    /// Whole percent of `done` in `total`.
    pub percent: usize,
}

/// Goals of one status.
#[derive(Serialize)]
pub struct StatusCount {
    /// `not_started`, `in_progress`, `achieved` or `dropped`.
    pub status: &'static str,
    /// `Not started`..., from the theme's strings.
    pub label: String,
    /// How many goals.
    pub count: usize,
}

/// Meetings logged in one month.
#[derive(Serialize)]
pub struct MonthCount {
    /// `2025-03`.
    pub month: String,
    /// `March 2025`.
    pub name: String,
    /// Meetings logged in it.
    pub meetings: usize,
}

/// A pair that has not met for a while.
#[derive(Serialize)]
pub struct QuietPair {
    /// "Mentor & Mentee".
    pub title: String,
    /// The pair's page.
    pub url: Url,
    /// The last meeting this audience may see, if any.
    pub last_meeting: Option<Date>,
    /// Days since the last meeting, or since the start when there was none.
    pub days: i64,
}

/// A relationship that ends soon.
#[derive(Serialize)]
pub struct EndingPair {
    /// "Mentor & Mentee".
    pub title: String,
    /// The pair's page.
    pub url: Url,
    /// The planned end.
    pub end: Date,
    /// Days until then.
    pub days: i64,
}

/// The dashboard's charts as SVG.
#[derive(Serialize)]
pub struct Charts {
    /// Pairs per phase.
    pub phases: String,
    /// Checklist completion.
    pub completion: String,
    /// Goals by status.
    pub goals: String,
    /// Meetings per month (empty when there is no month to chart).
    pub meetings: String,
}

/// `n` with the counted `word` (`3 pairs`), in the form the pages' language gives `n`.
fn counted_word(strings: &Strings, word: &Plural, n: usize) -> String {
    strings.lang.count(word, n as u64)
}

fn percent(done: usize, total: usize) -> usize {
    (done * 100).checked_div(total).unwrap_or(0)
}

impl<'a> Dashboard<'a> {
    /// The dashboard of the scope's audience, as of `today`, in the words of `strings`.
    pub fn of(scope: &Scope<'a>, today: Date, strings: &Strings) -> Self {
        let program = scope.program;
        let pairs = &scope.pairs;
        let per_phase: Vec<PhaseCount<'a>> = PhaseId::ALL
            .iter()
            .map(|&p| PhaseCount {
                id: p.as_str(),
                title: &program.phase(p).file.title,
                pairs: pairs.iter().filter(|x| x.phase == p).count(),
            })
            .collect();
        let completion_by_band = pairs.len() > MAX_PAIR_BARS;
        let completion = if completion_by_band {
            bands(scope)
        } else {
            pairs
                .iter()
                .map(|p| {
                    let done = p.counts.iter().map(|c| c.done).sum();
                    let total = p.counts.iter().map(|c| c.total).sum();
                    Completion {
                        title: pair_title(scope, p),
                        url: Some(paths::pair(&p.id).url()),
                        done,
                        total,
                        percent: percent(done, total),
                    }
                })
                .collect()
        };
        let visible_goals = || {
            pairs.iter().flat_map(|p| {
                p.file
                    .goals
                    .iter()
                    .filter(move |g| scope.sees(g.visibility, p))
            })
        };
        let goals: Vec<StatusCount> = GoalStatus::ALL
            .iter()
            .map(|&s| StatusCount {
                status: s.id(),
                label: goal_status(s, strings).to_owned(),
                count: visible_goals().filter(|g| g.status == s).count(),
            })
            .collect();
        let goal_count = visible_goals().count();
        let months = months(scope, today, strings);
        let meeting_count = pairs.iter().map(|p| meeting_dates(scope, p).count()).sum();
        let quiet_after_days = scope.config.dashboard.quiet_after_days;
        let mut quiet: Vec<QuietPair> = pairs
            .iter()
            .filter(|p| under_way(p, today))
            .filter_map(|p| {
                let last = last_meeting(scope, p, today);
                let days = days_between(last.unwrap_or(p.file.start.value), today);
                (days > i64::from(quiet_after_days)).then(|| QuietPair {
                    title: pair_title(scope, p),
                    url: paths::pair(&p.id).url(),
                    last_meeting: last,
                    days,
                })
            })
            .collect();
        quiet.sort_by(|a, b| b.days.cmp(&a.days).then_with(|| a.title.cmp(&b.title)));
        let mut ending: Vec<EndingPair> = pairs
            .iter()
            .filter(|p| under_way(p, today))
            .filter_map(|p| {
                let days = days_between(today, p.end);
                (0..=ENDING_WITHIN_DAYS)
                    .contains(&days)
                    .then(|| EndingPair {
                        title: pair_title(scope, p),
                        url: paths::pair(&p.id).url(),
                        end: p.end,
                        days,
                    })
            })
            .collect();
        ending.sort_by(|a, b| a.days.cmp(&b.days).then_with(|| a.title.cmp(&b.title)));
        let charts = Charts {
            phases: phases_chart(&per_phase, strings),
            completion: completion_chart(&completion, completion_by_band, strings),
            goals: goals_chart(&goals, strings),
            meetings: meetings_chart(&months, strings),
        };
        let attention = scope.attention && scope.shown == PairsShown::Full;
        Dashboard {
            as_of: today,
            quiet_after_days,
            ending_within_days: ENDING_WITHIN_DAYS,
            pairs: pairs.len(),
            per_phase,
            completion,
            completion_by_band,
            goals,
            goal_count,
            months,
            meeting_count,
            // The lists of pairs that need a look: for coordinators, and on the public site only
            // when `[public] attention` asks and the pairs' meetings are shown.
            attention,
            quiet: if attention { quiet } else { Vec::new() },
            ending: if attention { ending } else { Vec::new() },
            charts,
            // The program's calendar exists where the pairs have pages.
            calendar_url: if scope.pair_pages() {
                paths::PROGRAM_CALENDAR.to_owned()
            } else {
                String::new()
            },
        }
    }
}

/// Pairs by band of checklist completion.
fn bands(scope: &Scope<'_>) -> Vec<Completion> {
    const BANDS: [(&str, usize, usize); 5] = [
        ("0–24%", 0, 24),
        ("25–49%", 25, 49),
        ("50–74%", 50, 74),
        ("75–99%", 75, 99),
        ("100%", 100, 100),
    ];
    let percents: Vec<usize> = scope
        .pairs
        .iter()
        .map(|p| {
            percent(
                p.counts.iter().map(|c| c.done).sum(),
                p.counts.iter().map(|c| c.total).sum(),
            )
        })
        .collect();
    BANDS
        .iter()
        .map(|&(title, lo, hi)| {
            let done = percents.iter().filter(|&&x| (lo..=hi).contains(&x)).count();
            Completion {
                title: title.to_owned(),
                url: None,
                done,
                total: percents.len(),
                percent: percent(done, percents.len()),
            }
        })
        .collect()
}

/// Every month from the first pair's start (or first meeting) to today (or the last pair's end,
/// when that is earlier, or the last meeting, when that is later), with the meetings logged in it.
fn months(scope: &Scope<'_>, today: Date, strings: &Strings) -> Vec<MonthCount> {
    let meetings: Vec<Date> = scope
        .pairs
        .iter()
        .flat_map(|p| meeting_dates(scope, p))
        .collect();
    let starts = scope.pairs.iter().map(|p| p.file.start.value);
    let Some(first) = starts.chain(meetings.iter().copied()).min() else {
        return Vec::new();
    };
    let latest_end = scope.pairs.iter().map(|p| p.end).max().unwrap_or(first);
    let last = [today.min(latest_end), first]
        .into_iter()
        .chain(meetings.iter().copied())
        .max()
        .unwrap_or(first);
    let key = |d: Date| (d.0.year(), d.0.month());
    let mut out = Vec::new();
    let mut month = first.0.first_of_month();
    while key(Date(month)) <= key(last) {
        let k = key(Date(month));
        out.push(MonthCount {
            month: month.strftime("%Y-%m").to_string(),
            name: month_year(Date(month), strings),
            meetings: meetings.iter().filter(|d| key(**d) == k).count(),
        });
        match month.checked_add(jiff::Span::new().months(1)) {
            Ok(next) => month = next,
            Err(_) => break,
        }
    }
    if out.len() > MAX_MONTHS {
        out.drain(..out.len() - MAX_MONTHS);
    }
    out
}

/// "Label: 3 pairs", in a chart's description.
fn counted(w: &ChartWords, label: &str, count: &str) -> String {
    fill(&w.count_of, &[("label", label), ("count", count)])
}

fn phases_chart(per_phase: &[PhaseCount<'_>], s: &Strings) -> String {
    let w = &s.charts;
    let bars: Vec<Bar> = per_phase
        .iter()
        .map(|p| Bar {
            label: p.title.to_owned(),
            value: p.pairs,
            of: None,
            text: counted_word(s, &w.pairs, p.pairs),
            class: format!("phase-{}", p.id),
        })
        .collect();
    let desc = per_phase
        .iter()
        .map(|p| counted(w, p.title, &counted_word(s, &w.pairs, p.pairs)))
        .collect::<Vec<_>>()
        .join(&w.separator);
    charts::bar_chart("chart-phases", &w.phases, &desc, charts::WIDTH / 2.0, &bars)
}

fn completion_chart(rows: &[Completion], by_band: bool, s: &Strings) -> String {
    let w = &s.charts;
    let bars: Vec<Bar> = rows
        .iter()
        .map(|c| Bar {
            label: c.title.clone(),
            value: c.done,
            of: Some(c.total),
            text: if by_band {
                fill(
                    &w.band,
                    &[
                        ("pairs", &counted_word(s, &w.pairs, c.done)),
                        ("total", &c.total.to_string()),
                    ],
                )
            } else {
                fill(
                    &w.pair_items,
                    &[
                        ("done", &c.done.to_string()),
                        ("total", &c.total.to_string()),
                        ("percent", &c.percent.to_string()),
                    ],
                )
            },
            class: "completion".to_owned(),
        })
        .collect();
    let (title, desc) = if by_band {
        (&w.completion_by_band, &w.completion_by_band_desc)
    } else {
        (&w.completion_per_pair, &w.completion_per_pair_desc)
    };
    charts::bar_chart("chart-completion", title, desc, charts::WIDTH, &bars)
}

fn goals_chart(goals: &[StatusCount], s: &Strings) -> String {
    let w = &s.charts;
    let bars: Vec<Bar> = goals
        .iter()
        .map(|g| Bar {
            label: g.label.clone(),
            value: g.count,
            of: None,
            text: counted_word(s, &w.goals_counted, g.count),
            class: format!("goal-{}", g.status),
        })
        .collect();
    let desc = goals
        .iter()
        .map(|g| counted(w, &g.label, &counted_word(s, &w.goals_counted, g.count)))
        .collect::<Vec<_>>()
        .join(&w.separator);
    charts::bar_chart("chart-goals", &w.goals, &desc, charts::WIDTH / 2.0, &bars)
}

fn meetings_chart(months: &[MonthCount], s: &Strings) -> String {
    let w = &s.charts;
    if months.is_empty() {
        return String::new();
    }
    let columns: Vec<Column> = months
        .iter()
        .enumerate()
        .map(|(i, m)| Column {
            label: m.name.chars().next().map(String::from).unwrap_or_default(),
            group: (i == 0 || m.month.ends_with("-01")).then(|| m.month[..4].to_owned()),
            name: m.name.clone(),
            value: m.meetings,
        })
        .collect();
    let total: usize = months.iter().map(|m| m.meetings).sum();
    let most = months.iter().map(|m| m.meetings).max().unwrap_or(0);
    let desc = fill(
        &w.meetings_desc,
        &[
            ("meetings", &counted_word(s, &w.meetings_counted, total)),
            ("from", &months[0].name),
            ("to", &months[months.len() - 1].name),
            ("most", &most.to_string()),
        ],
    );
    charts::column_chart("chart-meetings", &w.meetings, &desc, &columns, &|n| {
        counted_word(s, &w.meetings_counted, n)
    })
}
