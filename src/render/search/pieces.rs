//! The search index as files: a small manifest at the site's root, and pieces under `search/` that
//! a query loads only some of.
//!
//! At 10,000 pairs the index is tens of megabytes; one file loaded whole on the first search took
//! seconds. Cut into pieces, a query loads the pieces of terms that its words can match, then the
//! pieces of sections that the results shown are in: a few hundred kilobytes.
//!
//! Every file is a script (`static/search.js` loads them with `<script src>`, which works from a site
//! opened from disk, where `fetch` is not allowed):
//!
//! - `search-index.js` assigns `window.mentorbookSearch = {v, lang, rules, docs, pages, kinds,
//!   block, terms}`: the book's language and its [`Language`] rules (stems, stop words, accents),
//!   how many sections (`docs`) and pages there are, `kinds` (`[a, b]`: sections before `a` are the
//!   guide's, before `b` the phases', the rest the pairs', as they are made in that order), how many
//!   sections a piece of sections holds (`block`), and for each piece of terms its first and last
//!   term, `[first, last]`.
//! - `search/terms-N.js` calls `window.mentorbookSearchPiece("terms", N, {terms, postings,
//!   titles})`: a range of the terms, sorted in UTF-16 order (as JavaScript compares strings), each
//!   with the sections holding it (`postings`) and those whose title holds it (`titles`), as gaps
//!   between ascending section numbers. A piece is cut after about [`Sizes::terms`] bytes, or holds
//!   one term alone when that term is larger.
//! - `search/docs-N.js` calls `window.mentorbookSearchPiece("docs", N, {firstPage, pages, docs})`:
//!   sections `N * block` to `N * block + block - 1`, each `[page, anchor, title, text]`, and the
//!   pages they are on, numbered from `firstPage`.
//!
//! The files depend only on the program: the same program gives the same bytes, however the
//! threads ran.

use std::path::PathBuf;

use serde::Serialize;

use super::{Language, Map, Part, json};
use crate::paths;

/// The sections holding one term, ascending.
#[derive(Debug, Default)]
pub(super) struct Postings {
    /// Every section holding the term.
    pub(super) docs: Vec<u32>,
    /// The sections whose title holds it (a title bonus in the ranking).
    pub(super) titles: Vec<u32>,
}

impl Postings {
    /// Section `n`, the last one met so far, holds the term (in its title when `in_title`).
    pub(super) fn add(&mut self, n: u32, in_title: bool) {
        if self.docs.last() != Some(&n) {
            self.docs.push(n);
        }
        if in_title && self.titles.last() != Some(&n) {
            self.titles.push(n);
        }
    }
}

/// How large the pieces are.
#[derive(Debug, Clone, Copy)]
pub(super) struct Sizes {
    /// Sections in a piece of sections: a query loads the pieces of the 15 results it shows,
    /// 10 to 20 kB each.
    pub block: usize,
    /// About how many bytes of terms and postings a piece of terms holds before it is cut. Smaller
    /// pieces waste less of what a query loads (its words' terms are a small range, often across
    /// a cut) and make more files.
    pub terms: usize,
}

impl Sizes {
    /// The sizes a build uses.
    pub const DEFAULT: Sizes = Sizes {
        block: 32,
        terms: 16 << 10,
    };
}

/// One file of the index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct File {
    /// Where it goes in the site.
    pub path: PathBuf,
    /// The script.
    pub text: String,
}

/// The first line of every file of the index.
const HEAD: &str =
    "// The search index of this site, made by mentorbook; static/search.js reads it.\n";

/// The parts of the index, joined in order and written as they come.
pub(super) struct Writer<'w, E> {
    sizes: Sizes,
    put: &'w mut dyn FnMut(File) -> Result<(), E>,
    /// `[kind,url,title]` of the pages from `pages_from` on: the pages of the sections not yet
    /// written, and after them.
    pages: Vec<String>,
    pages_from: usize,
    /// The sections not yet written, the first of them numbered `blocks * sizes.block`, each with
    /// its page's number.
    pending: Vec<(usize, String)>,
    /// Pieces of sections written.
    blocks: usize,
    /// Sections joined so far.
    docs: u32,
    /// Sections of each kind of page.
    kinds: [u32; 3],
    /// Every term, with the sections numbered in the whole index.
    terms: Map<Postings>,
}

impl<'w, E> Writer<'w, E> {
    pub(super) fn new(sizes: Sizes, put: &'w mut dyn FnMut(File) -> Result<(), E>) -> Self {
        assert!(sizes.block > 0 && sizes.terms > 0, "pieces hold something");
        Writer {
            sizes,
            put,
            pages: Vec::new(),
            pages_from: 0,
            pending: Vec::new(),
            blocks: 0,
            docs: 0,
            kinds: [0; 3],
            terms: Map::default(),
        }
    }

    /// Joins `part`, the next one, and writes the pieces of sections it fills.
    pub(super) fn add(&mut self, part: Part<'_>) -> Result<(), E> {
        let count = u32::try_from(part.docs.len()).expect("fewer than 4 billion sections");
        for (term, postings) in part.terms {
            let all = self.terms.entry(term).or_default();
            all.docs.extend(postings.docs.iter().map(|n| n + self.docs));
            all.titles
                .extend(postings.titles.iter().map(|n| n + self.docs));
        }
        self.docs = self
            .docs
            .checked_add(count)
            .expect("fewer than 4 billion sections");
        for (all, kind) in self.kinds.iter_mut().zip(part.kinds) {
            *all += kind;
        }
        self.pages.extend(part.pages);
        self.pending.extend(part.docs);
        while self.pending.len() >= self.sizes.block {
            self.block(self.sizes.block)?;
        }
        Ok(())
    }

    /// Writes the next piece of sections: the first `n` pending.
    fn block(&mut self, n: usize) -> Result<(), E> {
        let first_page = self.pending[0].0;
        let last_page = self.pending[n - 1].0;
        let pages = &self.pages[first_page - self.pages_from..=last_page - self.pages_from];
        let mut text = String::with_capacity(HEAD.len() + 64 + n * 512);
        text.push_str(HEAD);
        text.push_str("window.mentorbookSearchPiece(\"docs\",");
        text.push_str(itoa::Buffer::new().format(self.blocks));
        text.push_str(",{\"firstPage\":");
        text.push_str(itoa::Buffer::new().format(first_page));
        text.push_str(",\"pages\":[");
        text.push_str(&pages.join(","));
        text.push_str("],\"docs\":[");
        for (i, (_, doc)) in self.pending.drain(..n).enumerate() {
            if i > 0 {
                text.push(',');
            }
            text.push_str(&doc);
        }
        text.push_str("]});\n");
        (self.put)(File {
            path: PathBuf::from(paths::search_docs(self.blocks)),
            text,
        })?;
        self.blocks += 1;
        // The next section is on the last page written or after it.
        self.pages.drain(..last_page - self.pages_from);
        self.pages_from = last_page;
        Ok(())
    }

    /// Writes the last piece of sections, the pieces of terms, then the manifest, for a book in
    /// language `tag`, of `pages` pages.
    pub(super) fn finish(mut self, tag: &str, rules: &Language, pages: usize) -> Result<(), E> {
        if !self.pending.is_empty() {
            self.block(self.pending.len())?;
        }
        let mut terms: Vec<(String, Postings)> =
            std::mem::take(&mut self.terms).into_iter().collect();
        // JavaScript compares strings by UTF-16 code units; its binary search needs that order.
        terms.sort_by(|a, b| a.0.encode_utf16().cmp(b.0.encode_utf16()));
        let mut ranges: Vec<(String, String)> = Vec::new();
        let mut piece = TermPiece::default();
        for (term, postings) in &terms {
            let entry = TermPiece::entry(term, postings);
            if !piece.is_empty() && piece.len() + entry.len() > self.sizes.terms {
                ranges.push(self.terms_piece(ranges.len(), std::mem::take(&mut piece))?);
            }
            piece.push(term, entry);
        }
        if !piece.is_empty() {
            ranges.push(self.terms_piece(ranges.len(), piece)?);
        }
        let [guide, phases, _] = self.kinds;
        let manifest = Manifest {
            v: 2,
            lang: tag,
            rules,
            docs: self.docs,
            pages,
            kinds: [guide, guide + phases],
            block: self.sizes.block,
            terms: &ranges,
        };
        let mut text = String::from(HEAD);
        text.push_str("window.mentorbookSearch = ");
        text.push_str(&json(&manifest));
        text.push_str(";\n");
        (self.put)(File {
            path: PathBuf::from(paths::SEARCH_INDEX),
            text,
        })
    }

    /// Writes piece `n` of terms; returns its first and last term.
    fn terms_piece(&mut self, n: usize, piece: TermPiece) -> Result<(String, String), E> {
        let range = (piece.first.clone(), piece.last.clone());
        let mut text = String::with_capacity(HEAD.len() + piece.len() + 96);
        text.push_str(HEAD);
        text.push_str("window.mentorbookSearchPiece(\"terms\",");
        text.push_str(itoa::Buffer::new().format(n));
        text.push_str(",{\"terms\":[");
        text.push_str(&piece.terms);
        text.push_str("],\"postings\":[");
        text.push_str(&piece.postings);
        text.push_str("],\"titles\":[");
        text.push_str(&piece.titles);
        text.push_str("]});\n");
        (self.put)(File {
            path: PathBuf::from(paths::search_terms(n)),
            text,
        })?;
        Ok(range)
    }
}

/// What `search-index.js` assigns.
#[derive(Serialize)]
struct Manifest<'a> {
    v: u8,
    lang: &'a str,
    rules: &'a Language,
    docs: u32,
    pages: usize,
    kinds: [u32; 2],
    block: usize,
    terms: &'a [(String, String)],
}

/// A piece of terms being made: its three lists as JSON, without their brackets.
#[derive(Default)]
struct TermPiece {
    terms: String,
    postings: String,
    titles: String,
    first: String,
    last: String,
}

/// One term's three entries, as JSON.
struct Entry {
    term: String,
    postings: String,
    titles: String,
}

impl Entry {
    fn len(&self) -> usize {
        self.term.len() + self.postings.len() + self.titles.len() + 3
    }
}

impl TermPiece {
    /// `term`'s entries: its sections as gaps between ascending numbers.
    fn entry(term: &str, postings: &Postings) -> Entry {
        Entry {
            term: json(&term),
            postings: gaps(&postings.docs),
            titles: gaps(&postings.titles),
        }
    }

    fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    fn len(&self) -> usize {
        self.terms.len() + self.postings.len() + self.titles.len()
    }

    fn push(&mut self, term: &str, entry: Entry) {
        if self.is_empty() {
            self.first = term.to_owned();
        } else {
            for list in [&mut self.terms, &mut self.postings, &mut self.titles] {
                list.push(',');
            }
        }
        self.last = term.to_owned();
        self.terms.push_str(&entry.term);
        self.postings.push_str(&entry.postings);
        self.titles.push_str(&entry.titles);
    }
}

/// Ascending `numbers` as a JSON array of the gaps between them (the first from 0).
fn gaps(numbers: &[u32]) -> String {
    let mut out = String::with_capacity(2 + numbers.len() * 3);
    out.push('[');
    let mut last = 0;
    let mut buffer = itoa::Buffer::new();
    for (i, &n) in numbers.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(buffer.format(n - last));
        last = n;
    }
    out.push(']');
    out
}
