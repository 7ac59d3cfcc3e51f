//! The search index: every section of the guide, the phases' guidance and checklist items, and the
//! pairs, as the build's audience may see them, in `search-index.js` at the site's root.
//!
//! The index is a script that assigns `window.mentorbookSearch`, so that `static/search.js` can load
//! it with a `<script src>` from a site opened from disk, where `fetch` is not allowed. It holds:
//!
//! - `lang`: the book's language, and `rules`: the [`Language`] rules (stems, stop words, accents)
//!   the browser applies to what the reader types;
//! - `pages`: `[kind, url, title]`, kind 0 guide, 1 phase, 2 pair;
//! - `docs`: one a section, `[page, anchor, title, text]`, anchor `""` for the top of the page;
//! - `terms` (sorted, in UTF-16 order as JavaScript compares strings) and `postings`: for each term
//!   the documents holding it, as gaps between ascending document numbers.
//!
//! Pairs are read through [`RecordView`] and [`PersonView`], which hold only what the audience may
//! see: the public build's index cannot hold a private field, just as its pages cannot.

mod fold;
mod text;

use std::collections::HashMap;

use serde::Serialize;

use crate::markdown::Markdown;
use crate::model::PhaseId;
use crate::render::view::{PairView, PersonView, RecordView, Scope, url};
pub use fold::FOLD;
pub use text::{Language, Section, sections};

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

/// The file the index is written to, relative to the site's root.
pub const INDEX_PATH: &str = "search-index.js";

/// How much of a section's text the index keeps to show around the words found (in characters,
/// cut at a word). Every word of a section is indexed; only this much is shipped to be shown,
/// which keeps the index near a tenth of the site's HTML when the guide is long.
const SHOWN: usize = 400;

/// A searchable section: where it is, and the start of what it says.
#[derive(Debug, Clone)]
struct Doc {
    page: usize,
    anchor: String,
    title: String,
    /// The start of the text, as [`shown`] cuts it: every word is in the terms, only this much is
    /// kept.
    shown: String,
}

/// Part of the index: some pages, their sections, and the terms of those sections, each with the
/// sections (numbered in this part, ascending) that hold it. Parts are made in parallel, a batch
/// of pairs each, and joined in order, so the index is the same whatever the threads did.
struct Part<'r> {
    rules: &'r Language,
    pages: Vec<(Kind, String, String)>,
    docs: Vec<Doc>,
    terms: HashMap<String, Vec<u32>>,
    /// Each word met so far and its stem, `None` for a word left out (too short, or a stop word):
    /// words repeat, and stemming tries every suffix of every step.
    stems: HashMap<String, Option<String>>,
}

impl<'r> Part<'r> {
    fn new(rules: &'r Language) -> Self {
        Part {
            rules,
            pages: Vec::new(),
            docs: Vec::new(),
            terms: HashMap::new(),
            stems: HashMap::new(),
        }
    }

    fn page(&mut self, kind: Kind, url: String, title: &str) -> usize {
        self.pages.push((kind, url, title.to_owned()));
        self.pages.len() - 1
    }

    fn doc(&mut self, page: usize, anchor: &str, title: &str, text: String) {
        let text = text::collapse(&text);
        if title.is_empty() && text.is_empty() {
            return;
        }
        let n = u32::try_from(self.docs.len()).expect("fewer than 4 billion sections");
        for word in text::words(title).chain(text::words(&text)) {
            let stem = match self.stems.get(&word) {
                Some(stem) => stem,
                None => {
                    let stem = (word.chars().count() >= 2 && !self.rules.is_stop(&word))
                        .then(|| self.rules.stem(&word));
                    self.stems.entry(word).or_insert(stem)
                }
            };
            let Some(stem) = stem else { continue };
            match self.terms.get_mut(stem.as_str()) {
                Some(list) if list.last() == Some(&n) => {}
                Some(list) => list.push(n),
                None => {
                    self.terms.insert(stem.clone(), vec![n]);
                }
            }
        }
        self.docs.push(Doc {
            page,
            anchor: anchor.to_owned(),
            title: title.to_owned(),
            shown: shown(&text).into_owned(),
        });
    }

    /// Adds `other` after what this part holds.
    fn append(&mut self, other: Part<'_>) {
        let (pages, docs) = (self.pages.len(), self.docs.len() as u32);
        self.pages.extend(other.pages);
        self.docs.extend(other.docs.into_iter().map(|d| Doc {
            page: d.page + pages,
            ..d
        }));
        for (term, list) in other.terms {
            self.terms
                .entry(term)
                .or_default()
                .extend(list.into_iter().map(|n| n + docs));
        }
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
        self.add(md.map(|m| text::plain(&m.source)).as_deref())
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

/// Collects the sections the scope's audience may see, with their terms.
fn collect<'r>(scope: &Scope<'_>, rules: &'r Language) -> Part<'r> {
    use rayon::prelude::*;
    let program = scope.program;
    let mut d = Part::new(rules);
    for c in &program.chapters {
        let page = d.page(Kind::Guide, url(&format!("guide/{}", c.id)), &c.front.title);
        d.markdown(page, &c.front.title, &c.body);
    }
    for p in &program.phases {
        let f = &p.file;
        let page = d.page(Kind::Phase, url(&format!("phases/{}", p.id)), &f.title);
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
    let parts: Vec<Part<'r>> = scope
        .pairs
        .par_chunks(PAIRS_A_PART)
        .map(|pairs| {
            let mut part = Part::new(rules);
            for &pair in pairs {
                pair_docs(&mut part, scope, pair);
            }
            // Every part is held until they are joined: the words met are not needed by then.
            part.stems = HashMap::new();
            part
        })
        .collect();
    for part in parts {
        d.append(part);
    }
    d
}

/// A pair's overview and phase pages, each section a document.
fn pair_docs<'a>(d: &mut Part<'_>, scope: &Scope<'a>, pair: &'a crate::model::Pair) {
    let view = PairView::of(scope, pair);
    let record = RecordView::of(scope, pair);
    let mut t = Text::default();
    let overview = d.page(Kind::Pair, view.url.clone(), &view.title);
    t.person(&view.mentor).person(&view.mentee);
    t.add(Some(view.phase_title));
    d.doc(overview, "", &view.title, t.take());
    if record.concerns.is_some() {
        t.md(record.concerns);
        d.doc(overview, "concerns-title", "Concerns", t.take());
    }
    let phase_page = |d: &mut Part<'_>, p: PhaseId| {
        let title = format!("{}: {}", view.title, scope.program.phase(p).file.title);
        d.page(Kind::Pair, url(&format!("pairs/{}/{p}", pair.id)), &title)
    };

    let page = phase_page(d, PhaseId::Initiation);
    t.add(record.relationship_type)
        .md(record.mentee_reflection)
        .md(record.mentor_reflection);
    if let Some(m) = &record.first_meeting {
        t.add(m.place).md(m.notes);
    }
    d.doc(page, "start-title", "Getting started", t.take());

    let page = phase_page(d, PhaseId::Negotiation);
    if record.vision.is_some() {
        d.doc(page, "vision-title", "Vision", t.md(record.vision).take());
    }
    for g in &record.goals {
        t.md(g.specific.as_ref())
            .md(g.measurable.as_ref())
            .md(g.achievable.as_ref())
            .md(g.relevant.as_ref());
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
            &a.conflict_resolution,
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
        d.doc(page, "agreement-title", "Partnership agreement", t.take());
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
        d.doc(page, "meetings-title", "Meetings", t.take());
    }
    if !record.evaluations.is_empty() {
        for e in &record.evaluations {
            t.add(e.summary).md(e.notes);
        }
        d.doc(page, "eval-title", "Evaluations", t.take());
    }

    if let Some(c) = &record.closure {
        let page = phase_page(d, PhaseId::Closure);
        t.md(c.summary).md(c.next_steps).md(c.reflection);
        d.doc(page, "closure-title", "Closing the relationship", t.take());
    }
}

/// The index as the script file holds it.
#[derive(Serialize)]
struct Index<'a> {
    v: u8,
    lang: &'a str,
    rules: &'a Language,
    pages: Vec<(u8, &'a str, &'a str)>,
    docs: Vec<(usize, &'a str, &'a str, &'a str)>,
    terms: Vec<&'a str>,
    postings: Vec<&'a [u32]>,
}

/// The search index of what the scope's audience may see, as the text of `search-index.js`.
pub fn script(scope: &Scope<'_>) -> String {
    let tag = &scope.program.config.book.language;
    let rules = Language::for_tag(tag);
    let d = collect(scope, &rules);
    let mut terms: Vec<(String, Vec<u32>)> = d.terms.into_iter().collect();
    // JavaScript compares strings by UTF-16 code units; its binary search needs that order.
    terms.sort_by(|a, b| a.0.encode_utf16().cmp(b.0.encode_utf16()));
    // Each term's documents as gaps between them, in place: a large index is not copied.
    for (_, docs) in &mut terms {
        let mut last = 0;
        for n in docs.iter_mut() {
            (*n, last) = (*n - last, *n);
        }
    }
    // The script's length, nearly: its buffer then grows once at most (a large index doubling
    // its buffer held both for a moment).
    let length = d
        .docs
        .iter()
        .map(|x| x.anchor.len() + x.title.len() + x.shown.len() + 20)
        .chain(d.pages.iter().map(|(_, u, t)| u.len() + t.len() + 12))
        .chain(terms.iter().map(|(t, docs)| t.len() + 6 + 5 * docs.len()))
        .sum::<usize>();
    let index = Index {
        v: 1,
        lang: tag,
        rules: &rules,
        pages: d
            .pages
            .iter()
            .map(|(k, u, t)| (*k as u8, u.as_str(), t.as_str()))
            .collect(),
        docs: d
            .docs
            .iter()
            .map(|x| {
                (
                    x.page,
                    x.anchor.as_str(),
                    x.title.as_str(),
                    x.shown.as_str(),
                )
            })
            .collect(),
        terms: terms.iter().map(|(t, _)| t.as_str()).collect(),
        postings: terms.iter().map(|(_, docs)| docs.as_slice()).collect(),
    };
    // Written straight after the script's start: the index is tens of megabytes at 10,000 pairs,
    // not to be held twice.
    let mut out = Vec::with_capacity(length + length / 8 + 4096);
    out.extend_from_slice(b"// The search index of this site, made by mentorbook; static/search.js reads it.\nwindow.mentorbookSearch = ");
    serde_json::to_writer(&mut out, &index).expect("the index is plain data");
    out.extend_from_slice(b";\n");
    // JSON is text.
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}
