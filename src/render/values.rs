//! Template values made once and shared by every page that shows them.
//!
//! Putting data in a Tera context converts it to Tera's values, a copy of every string. Tera's
//! values are reference-counted, so a clone is cheap: a phase's view and checklist are converted
//! once per build for all the pairs' pages, and a pair's summary, record and checklists once for
//! its six pages (overview, four phases, workbook), rather than once per page; its summary is kept
//! for the pages that list pairs.

use std::sync::OnceLock;

use serde::Serialize;
use tera::Value;

use super::mentors::Directory;
use super::view::{ChecklistEntry, DoneView, PairName, PairView, RecordView, Scope};
use crate::markdown::Markdown;
use crate::model::{Date, Pair, Phase, PhaseId, Program};
use crate::paths::{self, Url};

/// The values every page of one rendering may share: those of the phases, and each pair's summary.
pub(super) struct Shared {
    /// Each phase's view, by [`PhaseId::index`].
    pub phases: Vec<Value>,
    /// Each phase's checklist items, by [`PhaseId::index`].
    items: Vec<Vec<Value>>,
    /// Each phase's checklist with no item done, by [`PhaseId::index`]: how most pairs' pages show
    /// the phases they have not reached, shared rather than made again for each.
    blank: Vec<Blank>,
    /// Each pair's summary ([`PairView`]), in the order of [`Scope::pairs`], kept from its own
    /// pages for the pages that list pairs (home, pairs, phases, dashboard), which would otherwise
    /// convert all of them again, each.
    summaries: Vec<OnceLock<Value>>,
    /// The mentor directory's pages, made for the first of them.
    directory: OnceLock<Directory>,
}

impl Shared {
    pub fn of(scope: &Scope<'_>) -> Shared {
        let program = scope.program;
        let items: Vec<Vec<Value>> = program
            .phases
            .iter()
            .map(|p| {
                p.file
                    .checklist
                    .iter()
                    .map(Value::from_serializable)
                    .collect()
            })
            .collect();
        let blank = items
            .iter()
            .map(|items| {
                let entries: Vec<Value> = items.iter().map(|i| entry(i, None)).collect();
                Blank {
                    list: Value::from(entries.clone()),
                    entries,
                }
            })
            .collect();
        Shared {
            summaries: scope.pairs.iter().map(|_| OnceLock::new()).collect(),
            phases: program
                .phases
                .iter()
                .map(|p| Value::from_serializable(&PhaseView::of(p)))
                .collect(),
            items,
            blank,
            directory: OnceLock::new(),
        }
    }

    /// The mentor directory of the mentors with room on `today`, made once for all its pages.
    pub fn directory(&self, scope: &Scope<'_>, today: Date) -> &Directory {
        self.directory.get_or_init(|| Directory::of(scope, today))
    }

    /// The summaries of `pairs`, pairs of the scope: the ones its pages made, the others made now.
    pub fn summaries<'p>(
        &self,
        scope: &Scope<'_>,
        pairs: impl Iterator<Item = &'p Pair>,
    ) -> Vec<Value> {
        let summary = |pair: &Pair| {
            if scope.pair_pages() {
                Value::from_serializable(&PairView::of(scope, pair))
            } else {
                // `[public] pairs = "names"`: who is paired with whom, and nothing else.
                Value::from_serializable(&PairName::of(scope, pair))
            }
        };
        pairs
            .map(|pair| match self.slot(scope, pair) {
                Some(slot) => slot.get_or_init(|| summary(pair)).clone(),
                None => summary(pair),
            })
            .collect()
    }

    /// Where the summary of `pair` is kept.
    fn slot(&self, scope: &Scope<'_>, pair: &Pair) -> Option<&OnceLock<Value>> {
        let i = scope.pairs.binary_search_by(|p| p.id.cmp(&pair.id)).ok()?;
        self.summaries.get(i)
    }

    /// A phase's checklist with `pair`'s progress on each item (none for a blank workbook):
    /// `[{item, done}]`, `done` a [`DoneView`] or null; and how many items are done.
    pub fn checklist(&self, program: &Program, phase: PhaseId, pair: Option<&Pair>) -> Checklist {
        let blank = &self.blank[phase.index()];
        let mut done = 0;
        // Made from the blank list when the first item done is met.
        let mut items: Option<Vec<Value>> = None;
        let checklist = &program.phase(phase).file.checklist;
        for (i, (item, value)) in checklist.iter().zip(&self.items[phase.index()]).enumerate() {
            let Some(progress) = pair
                .filter(|pair| pair.has_item(item))
                .and_then(|pair| pair.progress_of(phase, &item.id.value))
            else {
                continue;
            };
            done += 1;
            let items = items.get_or_insert_with(|| blank.entries.clone());
            items[i] = entry(value, Some(DoneView::of(program, progress)));
        }
        // Items not on this pair's checklist (for pairs that came together another way) are
        // left out of its list and its count.
        let off: Vec<usize> = pair.map_or_else(Vec::new, |pair| {
            (checklist.iter().enumerate())
                .filter(|(_, item)| !pair.has_item(item))
                .map(|(i, _)| i)
                .collect()
        });
        if !off.is_empty() {
            let kept: Vec<Value> = (items.unwrap_or_else(|| blank.entries.clone()).into_iter())
                .enumerate()
                .filter(|(i, _)| !off.contains(i))
                .map(|(_, v)| v)
                .collect();
            return Checklist {
                total: kept.len(),
                items: Value::from(kept),
                done,
            };
        }
        Checklist {
            total: blank.entries.len(),
            items: items.map_or_else(|| blank.list.clone(), Value::from),
            done,
        }
    }
}

/// A phase's checklist with no item done.
struct Blank {
    /// Each item's `{item, done}`, `done` null.
    entries: Vec<Value>,
    /// `entries` as one template value.
    list: Value,
}

/// One entry of a checklist: `{item, done}`, `done` a [`DoneView`] or null.
fn entry(item: &Value, done: Option<DoneView>) -> Value {
    let mut map = tera::Map::default();
    map.insert("item".into(), item.clone());
    map.insert("done".into(), Value::from_serializable(&done));
    Value::from(map)
}

/// A phase's checklist as a template value, with its counts.
#[derive(Clone)]
pub(super) struct Checklist {
    /// `[{item, done}]`.
    pub items: Value,
    /// Items done.
    pub done: usize,
    /// Items in all.
    pub total: usize,
}

/// The values of one pair, for its pages.
pub(super) struct PairValues<'a> {
    /// The pair's summary.
    pub view: PairView<'a>,
    /// `view` as a template value.
    pub view_value: Value,
    /// What the scope's audience may see of its record.
    pub record: Value,
    /// Its checklist of each phase, by [`PhaseId::index`].
    pub checklists: Vec<Checklist>,
}

impl<'a> PairValues<'a> {
    pub fn of(scope: &Scope<'a>, shared: &Shared, pair: &'a Pair) -> PairValues<'a> {
        let view = PairView::of(scope, pair);
        let view_value = Value::from_serializable(&view);
        if let Some(slot) = shared.slot(scope, pair) {
            // A Value is reference-counted: kept, not copied.
            let _ = slot.set(view_value.clone());
        }
        PairValues {
            view_value,
            view,
            record: Value::from_serializable(&RecordView::of(scope, pair)),
            checklists: PhaseId::ALL
                .iter()
                .map(|&p| shared.checklist(scope.program, p, Some(pair)))
                .collect(),
        }
    }
}

/// A phase page's subject.
#[derive(Serialize)]
pub(super) struct PhaseView<'a> {
    id: &'static str,
    title: &'a str,
    summary: &'a str,
    guidance: Option<&'a Markdown>,
    checklist: Vec<ChecklistEntry<'a>>,
    sources: &'a [String],
    url: Url,
}

impl<'a> PhaseView<'a> {
    pub(super) fn of(p: &'a Phase) -> Self {
        PhaseView {
            id: p.id.as_str(),
            title: &p.file.title,
            summary: &p.file.summary,
            guidance: p.file.guidance.as_ref(),
            checklist: ChecklistEntry::blank(&p.file.checklist),
            sources: &p.file.sources,
            url: paths::phase(p.id).url(),
        }
    }
}
