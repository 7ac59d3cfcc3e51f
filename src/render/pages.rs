//! What each kind of page shows: its title and the context its template gets. Where each page
//! goes, its template and its breadcrumbs are in [`super::family`].

use serde::Serialize;
use tera::{Context, Value};

use super::dashboard::Dashboard;
use super::family::{PAIRS_PER_PAGE, PageKind};
use super::pager::Pager;
use super::strings::fill;
use super::values::{PairValues, Shared};
use super::view::{Link, PairView, Scope};
use super::{context_with, print};
use crate::markdown::Heading;
use crate::model::{Date, Pair, PhaseId};
use crate::paths::{self, Url};

/// What the pages of one render share: the pairs' values made once, the dashboard (counted over
/// every pair only when a page that shows it is rendered) and the date the pages count from.
#[derive(Clone, Copy)]
pub(super) struct Made<'s, 'a> {
    pub shared: &'s Shared,
    pub dashboard: &'s Dashboard<'a>,
    pub today: Date,
}

/// A phase as a card on the home and phases pages.
#[derive(Serialize)]
struct PhaseCard<'a> {
    id: &'static str,
    title: &'a str,
    summary: &'a str,
    url: Url,
    item_count: usize,
    pair_count: usize,
}

/// A chapter page's subject.
#[derive(Serialize)]
struct ChapterView<'a> {
    title: &'a str,
    html: &'a str,
    headings: &'a [Heading],
    sources: &'a [String],
    url: Url,
}

/// Pairs per phase, for the dashboard.
#[derive(Serialize)]
struct Stats {
    pairs: usize,
    per_phase: [usize; 4],
    goals: usize,
    goals_achieved: usize,
    meetings: usize,
}

fn phase_cards<'a>(scope: &Scope<'a>) -> Vec<PhaseCard<'a>> {
    scope
        .program
        .phases
        .iter()
        .map(|p| PhaseCard {
            id: p.id.as_str(),
            title: &p.file.title,
            summary: &p.file.summary,
            url: paths::phase(p.id).url(),
            item_count: p.file.checklist.len(),
            pair_count: scope.pairs.iter().filter(|x| x.phase == p.id).count(),
        })
        .collect()
}

fn pair_views<'a>(scope: &Scope<'a>) -> Vec<PairView<'a>> {
    scope.pairs.iter().map(|p| PairView::of(scope, p)).collect()
}

/// Every pair's summary, as a template value.
fn summaries(scope: &Scope<'_>, shared: &Shared) -> Value {
    Value::from(shared.summaries(scope, scope.pairs.iter().copied()))
}

/// A phase to filter the list by.
#[derive(Serialize)]
struct PhaseOption<'a> {
    id: &'static str,
    title: &'a str,
}

/// Page `page` (from 1) of the list of pairs: its title and context.
fn pairs_page(scope: &Scope<'_>, shared: &Shared, page: usize) -> (String, Context) {
    let pager = Pager::of(page, scope.pairs.len(), PAIRS_PER_PAGE, paths::pairs_page);
    let on_page = scope
        .pairs
        .iter()
        .skip((page - 1) * PAIRS_PER_PAGE)
        .take(PAIRS_PER_PAGE)
        .copied();
    let mut ctx = Context::new();
    ctx.insert_value("pairs", Value::from(shared.summaries(scope, on_page)));
    ctx.insert("pager", &pager);
    ctx.insert("pairs_data", &paths::PAIRS_DATA);
    let phases: Vec<PhaseOption<'_>> = scope
        .program
        .phases
        .iter()
        .map(|p| PhaseOption {
            id: p.id.as_str(),
            title: &p.file.title,
        })
        .collect();
    ctx.insert("phase_options", &phases);
    let words = &scope.strings.pages;
    let title = if page == 1 {
        words.pairs.clone()
    } else {
        fill(
            &words.pairs_page,
            &[
                ("page", &page.to_string()),
                ("pages", &pager.pages.to_string()),
            ],
        )
    };
    (title, ctx)
}

/// How many of a list the home and phase pages show before they link to the whole list.
const CAPPED: usize = 100;

fn prev_next<'a>(links: Vec<Link<'a>>, i: usize) -> (Option<Link<'a>>, Option<Link<'a>>) {
    let prev = i.checked_sub(1).and_then(|j| links.get(j).cloned());
    let next = links.get(i + 1).cloned();
    (prev, next)
}

/// The title and context of a page: what it shows. Its template and place are in its
/// [`PageKind::spec`].
pub(super) fn context<'a>(
    scope: &Scope<'a>,
    kind: PageKind<'a>,
    made: &Made<'_, 'a>,
    pair: Option<&PairValues<'a>>,
) -> (String, Context) {
    let Made {
        shared,
        dashboard,
        today,
    } = *made;
    let strings = scope.strings;
    let words = &strings.pages;
    let program = scope.program;
    // A pair's values, made by the caller once for all its pages, or here for this page alone.
    let made = match (pair, kind.pair()) {
        (None, Some(p)) => Some(PairValues::of(scope, shared, p)),
        _ => None,
    };
    let pair_values = |_: &Pair| {
        pair.or(made.as_ref())
            .expect("a pair's page has the pair's values")
    };
    match kind {
        PageKind::Home => {
            let pairs = pair_views(scope);
            let total = |f: fn(&PairView<'_>) -> usize| pairs.iter().map(f).sum();
            let stats = Stats {
                pairs: pairs.len(),
                per_phase: PhaseId::ALL
                    .map(|p| scope.pairs.iter().filter(|x| x.phase == p).count()),
                goals: total(|p| p.goal_count),
                goals_achieved: total(|p| p.goals_achieved),
                meetings: total(|p| p.meeting_count),
            };
            let mut ctx = Context::new();
            // A list that fits one page of the list of pairs is shown here too; a longer one is
            // counted, with a link to its pages.
            if pairs.len() <= PAIRS_PER_PAGE {
                ctx.insert_value("pairs", summaries(scope, shared));
            }
            ctx.insert("pair_count", &pairs.len());
            ctx.insert("phases", &phase_cards(scope));
            ctx.insert("description", &program.info.description);
            ctx.insert("coordinators", &scope.coordinators());
            ctx.insert("stats", &stats);
            ctx.insert("dashboard", dashboard);
            (scope.config.book.title.clone(), ctx)
        }
        PageKind::Dashboard => {
            let mut ctx = context_with("dashboard", dashboard);
            // Every pair in a table while they fit a page of the list; past that, the list.
            if scope.pairs.len() <= PAIRS_PER_PAGE {
                ctx.insert_value("pairs", summaries(scope, shared));
            } else {
                ctx.insert_value("pairs", Value::from(Vec::<Value>::new()));
            }
            ctx.insert("pair_count", &scope.pairs.len());
            (words.dashboard.clone(), ctx)
        }
        PageKind::Guide => {
            let chapters: Vec<ChapterView<'_>> =
                program.chapters.iter().map(chapter_view).collect();
            (words.guide.clone(), context_with("chapters", &chapters))
        }
        PageKind::Chapter(i, c) => {
            let mut ctx = context_with("chapter", &chapter_view(c));
            let links = program
                .chapters
                .iter()
                .map(|c| Link {
                    title: c.front.title.as_str().into(),
                    url: paths::chapter(&c.id).url(),
                })
                .collect();
            let (prev, next) = prev_next(links, i);
            ctx.insert("prev", &prev);
            ctx.insert("next", &next);
            (c.front.title.clone(), ctx)
        }
        PageKind::Phases => (
            words.phases_title.clone(),
            context_with("phases", &phase_cards(scope)),
        ),
        PageKind::Phase(p) => {
            let mut ctx = Context::new();
            ctx.insert_value("phase", shared.phases[p.id.index()].clone());
            // The first pairs in the phase, with a link to the list of pairs filtered by it.
            let pairs = scope.pairs.iter().filter(|x| x.phase == p.id);
            let count = pairs.clone().count();
            let pairs = pairs.take(CAPPED).copied();
            ctx.insert_value("pairs", Value::from(shared.summaries(scope, pairs)));
            ctx.insert("pair_count", &count);
            ctx.insert("more", &count.saturating_sub(CAPPED));
            ctx.insert(
                "all_url",
                &format!("{}?phase={}", paths::pairs().url(), p.id),
            );
            let links = program
                .phases
                .iter()
                .map(|p| Link {
                    title: p.file.title.as_str().into(),
                    url: paths::phase(p.id).url(),
                })
                .collect();
            let (prev, next) = prev_next(links, p.id.index());
            ctx.insert("prev", &prev);
            ctx.insert("next", &next);
            (p.file.title.clone(), ctx)
        }
        PageKind::Mentors => super::mentors::context(scope, shared.directory(scope, today), 1),
        PageKind::MentorsPage(n) => {
            super::mentors::context(scope, shared.directory(scope, today), n)
        }
        PageKind::Pairs => pairs_page(scope, shared, 1),
        PageKind::PairsPage(n) => pairs_page(scope, shared, n),
        PageKind::Pair(pair) => {
            let values = pair_values(pair);
            let view = &values.view;
            let mut ctx = Context::new();
            ctx.insert_value("pair", values.view_value.clone());
            ctx.insert_value("record", values.record.clone());
            ctx.insert(
                "picture",
                &super::progress::Picture::of(scope, pair, &view.steps, today, strings),
            );
            (view.title.clone(), ctx)
        }
        PageKind::PairPhase(pair, phase_id) => {
            let values = pair_values(pair);
            let view = &values.view;
            let phase = program.phase(phase_id);
            let title = fill(
                &words.pair_phase_title,
                &[("pair", &view.title), ("phase", &phase.file.title)],
            );
            let mut ctx = Context::new();
            ctx.insert_value("items", values.checklists[phase_id.index()].items.clone());
            ctx.insert_value("phase", shared.phases[phase_id.index()].clone());
            ctx.insert("step", &view.steps[phase_id.index()]);
            let links = view
                .steps
                .iter()
                .map(|s| Link {
                    title: s.title.into(),
                    url: s.url.clone(),
                })
                .collect();
            let (prev, next) = prev_next(links, phase_id.index());
            ctx.insert("prev", &prev);
            ctx.insert("next", &next);
            ctx.insert_value("record", values.record.clone());
            ctx.insert_value("pair", values.view_value.clone());
            (title, ctx)
        }
        PageKind::Workbook(pair) => {
            let values = pair_values(pair);
            let title = fill(&words.workbook_title, &[("pair", &values.view.title)]);
            (
                title,
                print::workbook(scope, shared, Some((pair, values)), strings),
            )
        }
        PageKind::BlankWorkbook => (
            words.blank_workbook.clone(),
            print::workbook(scope, shared, None, strings),
        ),
        PageKind::PrintHandbook => (
            scope.config.book.title.clone(),
            print::handbook(scope.config, program),
        ),
        PageKind::NotFound => (words.not_found.clone(), super::not_found::context(scope)),
    }
}

fn chapter_view(c: &crate::model::Chapter) -> ChapterView<'_> {
    ChapterView {
        title: &c.front.title,
        html: &c.html,
        headings: &c.headings,
        sources: &c.front.sources,
        url: paths::chapter(&c.id).url(),
    }
}
