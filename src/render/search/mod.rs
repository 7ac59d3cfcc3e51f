//! The search index: every section of the guide, the phases' guidance and checklist items, and the
//! pairs, as the build's audience may see them, in `search-index.js` at the site's root and its
//! pieces under `search/`.
//!
//! This module decides what is indexed: one document a section, `[page, anchor, title, text]`
//! (anchor `""` for the top of the page), on pages `[kind, url, title]` (kind 0 guide, 1 phase,
//! 2 pair), and the terms of each section. [`pieces`] writes them as files that a query loads only
//! some of, [`query`] is the search that `static/search.js` runs over them, in Rust, [`text`]
//! holds the words, and [`language`] the language's rules (stems and stop words).
//!
//! Pairs are read through [`RecordView`] and [`PersonView`], which hold only what the audience may
//! see: the public build's index cannot hold a private field, just as its pages cannot.

mod fold;
mod kept;
mod language;
mod pieces;
pub mod query;
mod text;

use std::collections::{BTreeSet, HashMap};

use foldhash::fast::FixedState;

use serde::Serialize;

use super::anchors::ANCHORS;
use super::strings::{PairWords, fill};
use super::view::{PairView, PersonView, RecordView, Scope};
use crate::markdown::Markdown;
use crate::model::{Date, Pair, PhaseId};
use crate::paths;
pub use fold::FOLD;
use kept::{Found, Keeper};
pub use kept::{Keep, Taken};
pub use language::{Language, Rule};
pub use pieces::File;
use pieces::{Postings, Sizes, Writer};
pub use text::{Section, sections};

/// What a page of the index is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// A guide chapter.
    Guide = 0,
    /// A phase: its guidance and checklist.
    Phase = 1,
    /// A pair's pages.
    Pair = 2,
}

/// How much of a section's text the index keeps to show around the words found (in characters,
/// cut at a word). Every word of a section is indexed; only this much is shipped to be shown,
/// which keeps the index near a tenth of the site's HTML when the guide is long.
const SHOWN: usize = 400;

/// Part of the index: some pages, their sections, and the terms of those sections, each with the
/// sections (numbered in this part, ascending) that hold it. Parts are made in parallel, a batch
/// of pairs each, and joined in order, so the index is the same whatever the threads did.
///
/// Each page and section is written as the index's JSON as soon as it is made, one string each
/// (pages are numbered in the whole index, which is why each part knows its first page), and
/// sections leave for their piece as soon as it is full: a large index holds its text once, and
/// only a block of it at a time.
struct Part<'r> {
    rules: &'r Language,
    /// The number of this part's first page in the index.
    first_page: usize,
    /// `[kind,url,title]` of each page.
    pages: Vec<String>,
    /// The kind of the last page added: its sections are of that kind.
    kind: Kind,
    /// Each section: the number of its page in the index, and `[page,anchor,title,shown]`.
    docs: Vec<(usize, String)>,
    /// How many sections of each [`Kind`] of page.
    kinds: [u32; 3],
    terms: Map<Postings>,
    /// Each word met so far and its stem, `None` for a word left out (too short, or a stop word):
    /// words repeat, and stemming tries every suffix of every step.
    stems: Map<Option<String>>,
}

/// Words to something. Hashed with foldhash (already in the build, under tera's maps) rather than
/// SipHash: an index of 10,000 pairs looks up about 20 million short words, and nothing in it comes
/// from an adversary who could choose collisions to slow the build (the program is the user's own).
type Map<V> = HashMap<String, V, FixedState>;

impl<'r> Part<'r> {
    fn new(rules: &'r Language, first_page: usize) -> Self {
        Part {
            rules,
            first_page,
            pages: Vec::new(),
            kind: Kind::Guide,
            docs: Vec::new(),
            kinds: [0; 3],
            terms: Map::default(),
            stems: Map::default(),
        }
    }

    /// Adds a page; returns its number in the index.
    fn page(&mut self, kind: Kind, url: &str, title: &str) -> usize {
        self.pages.push(json(&(kind as u8, url, title)));
        self.kind = kind;
        self.first_page + self.pages.len() - 1
    }

    /// Adds a section of `page`: `title` and the whole of `text` are searched, the start of `text`
    /// is shown.
    fn doc(&mut self, page: usize, anchor: &str, title: &str, text: String) {
        let text = text::collapse(&text);
        if title.is_empty() && text.is_empty() {
            return;
        }
        let n = u32::try_from(self.docs.len()).expect("fewer than 4 billion sections");
        let mut word = String::new();
        let titled = text::raw_words(title).map(|w| (true, w));
        for (in_title, raw) in titled.chain(text::raw_words(&text).map(|w| (false, w))) {
            text::fold_word(self.rules.unelide(raw), &mut word);
            if word.is_empty() {
                continue;
            }
            // Most words were met before: look them up without making a String.
            let stem = match self.stems.get(word.as_str()) {
                Some(stem) => stem,
                None => {
                    let stem = (word.chars().count() >= 2 && !self.rules.is_stop(&word))
                        .then(|| self.rules.stem(&word));
                    self.stems.entry(word.clone()).or_insert(stem)
                }
            };
            let Some(stem) = stem else { continue };
            let postings = match self.terms.get_mut(stem.as_str()) {
                Some(p) => p,
                None => self.terms.entry(stem.clone()).or_default(),
            };
            postings.add(n, in_title);
        }
        self.docs
            .push((page, json(&(page, anchor, title, shown(&text)))));
        self.kinds[self.kind as usize] += 1;
    }
}

/// The start of `text` the index shows: at most [`SHOWN`] characters, cut after a word, with `…`
/// when something was cut.
fn shown(text: &str) -> std::borrow::Cow<'_, str> {
    match text.char_indices().nth(SHOWN) {
        None => text.into(),
        Some((end, _)) => {
            let cut = text[..end].rfind(' ').unwrap_or(end);
            format!("{}…", &text[..cut]).into()
        }
    }
}

impl Part<'_> {
    /// One document per section of `md`; the text before its first heading goes under `title`.
    fn markdown(&mut self, page: usize, title: &str, md: &str) {
        for s in sections(md) {
            match s.anchor {
                Some(anchor) => self.doc(page, &anchor, &s.title, s.text),
                None => self.doc(page, "", title, s.text),
            }
        }
    }
}

/// Text made of the non-empty parts, one space apart.
#[derive(Default)]
struct Text(String);

impl Text {
    fn add(&mut self, part: Option<&str>) -> &mut Self {
        if let Some(p) = part.map(str::trim).filter(|p| !p.is_empty()) {
            if !self.0.is_empty() {
                self.0.push(' ');
            }
            self.0.push_str(p);
        }
        self
    }

    fn md(&mut self, md: Option<&Markdown>) -> &mut Self {
        if let Some(m) = md {
            text::push_plain(&m.source, &mut self.0);
        }
        self
    }

    fn person(&mut self, p: &PersonView<'_>) -> &mut Self {
        self.add(Some(p.name)).add(p.title).md(p.bio)
    }

    fn take(&mut self) -> String {
        std::mem::take(&mut self.0)
    }
}

/// How many pairs make one part of the index.
const PAIRS_A_PART: usize = 64;

/// The part of the guide's chapters and the phases, the first pages of the index.
fn guide_part<'r>(scope: &Scope<'_>, rules: &'r Language, today: Date) -> Part<'r> {
    let program = scope.program;
    let mut d = Part::new(rules, 0);
    for c in &program.chapters {
        let page = d.page(Kind::Guide, &paths::chapter(&c.id).url(), &c.front.title);
        d.markdown(page, &c.front.title, &c.body);
    }
    // The mentor directory, with the guide: a section a mentor, with what their page of the
    // directory shows of them, so a result links to the mentor on that page.
    if super::mentors::has_directory(program) {
        let cards = super::mentors::cards(scope, today);
        let pages = super::mentors::pages_of(cards.len());
        let words = &scope.strings.pages;
        // The index's page of the directory's page being filled, and that page's number.
        let mut at: Option<(usize, usize)> = None;
        for (i, card) in cards.iter().enumerate() {
            let n = super::mentors::page_of(i);
            let page = match at {
                Some((page, m)) if m == n => page,
                _ => {
                    let title = if n == 1 {
                        words.mentors.clone()
                    } else {
                        super::strings::fill(
                            &words.mentors_page,
                            &[("page", &n.to_string()), ("pages", &pages.to_string())],
                        )
                    };
                    let page = d.page(Kind::Guide, &paths::mentors_page(n).url(), &title);
                    at = Some((page, n));
                    page
                }
            };
            d.doc(page, card.id, card.name, card.text());
        }
        if cards.is_empty() {
            let title = &scope.strings.pages.mentors;
            d.page(Kind::Guide, &paths::mentors().url(), title);
        }
    }
    for p in &program.phases {
        let f = &p.file;
        let page = d.page(Kind::Phase, &paths::phase(p.id).url(), &f.title);
        // The summary and the guidance up to its first heading are the top of the page.
        let mut parts = f
            .guidance
            .as_ref()
            .map_or_else(Vec::new, |g| sections(&g.source));
        let top = match parts.first() {
            Some(s) if s.anchor.is_none() => parts.remove(0).text,
            _ => String::new(),
        };
        d.doc(page, "", &f.title, format!("{} {top}", f.summary));
        for s in parts {
            let anchor = s.anchor.unwrap_or_default();
            d.doc(page, &anchor, &s.title, s.text);
        }
        for item in &f.checklist {
            let mut t = Text::default();
            t.md(item.guidance.as_ref());
            for q in &item.questions {
                t.add(Some(q));
            }
            d.doc(
                page,
                &format!("item-{}", item.id.value),
                &item.text,
                t.take(),
            );
        }
    }
    d.stems = Map::default();
    d
}

/// A part as the last build kept it, by its number among those being made, its first page and its
/// pairs, when it may be taken.
type KeptPart<'a, 'r> = dyn Fn(usize, usize, &[&Pair]) -> Option<Part<'r>> + Sync + 'a;

/// The parts of `pairs`, `a_part` pairs each, made in parallel, in order; the first page of the
/// first is `first`. A part that `kept` gives (from its number among these, its first page and
/// its pairs) is taken as it is.
fn pair_parts<'r>(
    scope: &Scope<'_>,
    words: &PairWords,
    rules: &'r Language,
    pairs: &[&crate::model::Pair],
    a_part: usize,
    first: usize,
    kept: &KeptPart<'_, 'r>,
) -> Vec<Part<'r>> {
    use rayon::prelude::*;
    // Each part's first page: the pages of the parts before it follow `first`.
    let firsts: Vec<usize> = pairs
        .chunks(a_part)
        .scan(first, |next, pairs| {
            let first = *next;
            *next += pages_in(scope, pairs);
            Some(first)
        })
        .collect();
    pairs
        .par_chunks(a_part)
        .zip(firsts)
        .enumerate()
        .map(|(i, (pairs, first))| {
            if let Some(part) = kept(i, first, pairs) {
                return part;
            }
            let mut part = Part::new(rules, first);
            for &pair in pairs {
                pair_docs(&mut part, scope, words, pair);
            }
            debug_assert_eq!(
                part.pages.len(),
                pages_in(scope, pairs),
                "pages_in counts the pages pair_docs makes"
            );
            // Parts are held until they are joined: the words met are not needed by then.
            part.stems = Map::default();
            part
        })
        .collect()
}

/// How many pages of the index [`pair_docs`] makes for `pairs`: each one's overview, the first
/// three phases, and closure once the pair has a closure.
fn pages_in(scope: &Scope<'_>, pairs: &[&crate::model::Pair]) -> usize {
    // The closure is part of the record, shown where the whole pair is.
    let record = scope.shown == crate::config::PairsShown::Full;
    pairs
        .iter()
        .map(|p| 4 + usize::from(record && p.file.closure.is_some()))
        .sum()
}

/// A pair's overview and phase pages, each section a document.
fn pair_docs<'a>(
    d: &mut Part<'_>,
    scope: &Scope<'a>,
    words: &PairWords,
    pair: &'a crate::model::Pair,
) {
    let view = PairView::of(scope, pair);
    let record = RecordView::of(scope, pair);
    let mut t = Text::default();
    let overview = d.page(Kind::Pair, &view.url, &view.title);
    t.person(&view.mentor).person(&view.mentee);
    t.add(Some(view.phase_title));
    d.doc(overview, "", &view.title, t.take());
    if record.concerns.is_some() {
        t.md(record.concerns);
        d.doc(overview, ANCHORS.concerns, &words.concerns, t.take());
    }
    let phase_page = |d: &mut Part<'_>, p: PhaseId| {
        let title = fill(
            &scope.strings.pages.pair_phase_title,
            &[
                ("pair", &view.title),
                ("phase", &scope.program.phase(p).file.title),
            ],
        );
        d.page(Kind::Pair, &paths::pair_phase(&pair.id, p).url(), &title)
    };

    let page = phase_page(d, PhaseId::Initiation);
    t.add(record.relationship_type)
        .md(record.mentee_reflection)
        .md(record.mentor_reflection);
    if let Some(m) = &record.first_meeting {
        t.add(m.place).md(m.notes);
    }
    d.doc(page, ANCHORS.start, &words.getting_started, t.take());

    let page = phase_page(d, PhaseId::Negotiation);
    if record.vision.is_some() {
        d.doc(
            page,
            ANCHORS.vision,
            &words.vision,
            t.md(record.vision).take(),
        );
    }
    for g in &record.goals {
        t.md(g.specific.as_ref())
            .md(g.measurable.as_ref())
            .md(g.attainable.as_ref())
            .md(g.realistic.as_ref());
        for m in &g.milestones {
            t.add(Some(&m.title));
        }
        d.doc(page, &format!("goal-{}", g.id.value), &g.title, t.take());
    }
    if let Some(a) = record.agreement {
        for md in [
            &a.expectations,
            &a.boundaries,
            &a.confidentiality,
            &a.ethics,
            &a.feedback,
            &a.measuring_success,
            &a.evaluation_process,
            &a.conflict_resolution,
            &a.celebration,
            &a.end_point,
        ] {
            t.md(md.as_ref());
        }
        if let Some(c) = &a.communication {
            t.add(c.channel.as_deref())
                .add(c.response_time.as_deref())
                .add(c.between_meetings.as_deref());
        }
        if let Some(m) = &a.meetings {
            t.add(m.place.as_deref()).add(m.duration.as_deref());
        }
        d.doc(page, ANCHORS.agreement, &words.agreement, t.take());
    }

    let page = phase_page(d, PhaseId::Enabling);
    if !record.meetings.is_empty() {
        for m in &record.meetings {
            t.add(m.title);
            for s in m.agenda.iter().chain(m.follow_ups) {
                t.add(Some(s));
            }
            t.md(m.notes);
        }
        d.doc(page, ANCHORS.meetings, &words.meetings, t.take());
    }
    if !record.evaluations.is_empty() {
        for e in &record.evaluations {
            t.add(e.summary).md(e.notes);
        }
        d.doc(page, ANCHORS.evaluations, &words.evaluations, t.take());
    }

    if let Some(c) = &record.closure {
        let page = phase_page(d, PhaseId::Closure);
        t.md(c.summary).md(c.next_steps).md(c.reflection);
        d.doc(page, ANCHORS.closure, &words.closing, t.take());
    }
}

/// How many parts are made at once, then joined: the index is written as it is made.
const PARTS_AT_ONCE: usize = 16;

/// Writes the search index of what the scope's audience may see, its sections of pairs labelled
/// with the theme's words: each file (the manifest, [`paths::SEARCH_INDEX`], and the pieces under
/// [`paths::SEARCH_DIR`]) goes to `put` as soon as it is made. With `keep`, the parts of pairs
/// are [kept](Keep) for the next build, and taken from the last one where they may be.
///
/// The index is tens of megabytes at 10,000 pairs. It is made a few parts at a time, and each
/// block of sections is written as soon as it is full, so that only the terms are held whole
/// until the end; see [`pieces`] for what the files hold.
pub fn write<E>(
    scope: &Scope<'_>,
    today: Date,
    keep: Option<&Keep>,
    put: &mut dyn FnMut(File) -> Result<(), E>,
) -> Result<Taken, E> {
    write_in(scope, &scope.strings.pair, today, Cut::DEFAULT, keep, put)
}

/// How the index is cut: into parts while it is made, into pieces when it is written.
#[derive(Debug, Clone, Copy)]
struct Cut {
    /// Pairs in a part.
    a_part: usize,
    /// Parts made at once.
    parts_at_once: usize,
    /// The sizes of the pieces.
    sizes: Sizes,
}

impl Cut {
    const DEFAULT: Cut = Cut {
        a_part: PAIRS_A_PART,
        parts_at_once: PARTS_AT_ONCE,
        sizes: Sizes::DEFAULT,
    };
}

/// [`write`], cut as `cut` says.
fn write_in<E>(
    scope: &Scope<'_>,
    words: &PairWords,
    today: Date,
    cut: Cut,
    keep: Option<&Keep>,
    put: &mut dyn FnMut(File) -> Result<(), E>,
) -> Result<Taken, E> {
    let tag = &scope.config.book.language;
    let rules = Language::for_tag(tag);
    let mut writer = Writer::new(cut.sizes, put);
    let guide = guide_part(scope, &rules, today);
    let mut first = guide.pages.len();
    writer.add(guide)?;
    // Pairs are found where they have pages of their own (`[public] pairs`).
    let indexed: &[&Pair] = if scope.pair_pages() {
        &scope.pairs
    } else {
        &[]
    };
    let found = keep.and_then(Found::read);
    let no_edits = BTreeSet::new();
    let edited = keep
        .and_then(|k| k.from.as_ref())
        .map_or(&no_edits, |(_, ids)| ids);
    let parts = indexed.len().div_ceil(cut.a_part);
    let mut keeper = keep.and_then(|k| Keeper::open(k, parts));
    let mut n = 0;
    let taken = std::sync::atomic::AtomicUsize::new(0);
    for pairs in indexed.chunks(cut.a_part * cut.parts_at_once) {
        let kept = |i: usize, first: usize, pairs: &[&Pair]| {
            let part = found
                .as_ref()
                .and_then(|f| f.part(n + i, first, pairs, edited, &rules));
            if part.is_some() {
                taken.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            }
            part
        };
        let parts = pair_parts(scope, words, &rules, pairs, cut.a_part, first, &kept);
        for (part, pairs) in parts.into_iter().zip(pairs.chunks(cut.a_part)) {
            if let Some(k) = &mut keeper
                && !k.add(&part, pairs)
            {
                keeper = None;
            }
            writer.add(part)?;
            n += 1;
        }
        first += pages_in(scope, pairs);
    }
    if let Some(k) = keeper {
        k.finish();
    }
    writer.finish(tag, &rules, first)?;
    Ok(Taken {
        parts: taken.into_inner(),
        of: parts,
    })
}

/// `value` as JSON.
fn json(value: &impl Serialize) -> String {
    serde_json::to_string(value).expect("the index is plain data")
}

#[cfg(test)]
mod tests;
