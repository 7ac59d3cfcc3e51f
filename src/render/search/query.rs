//! The search that `static/search.js` runs, in Rust, over the files of the index: which pieces a
//! query needs, the sections it finds, in what order, and the ones it shows.
//!
//! Nothing in a build uses it: it is what the tests hold the pieces and the browser to (the
//! results from the pieces a query loads are those from the whole index, and the browser shows
//! them). Each function says which function of `search.js` it follows.

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;

use super::Language;
use super::text::{fold_word, raw_words};

/// How many results of each kind `search.js` shows (`PER_GROUP`).
pub const PER_GROUP: usize = 5;

/// What `search-index.js` says: the language's rules and which piece holds what.
#[derive(Debug, Clone)]
pub struct Manifest {
    /// The book's language tag.
    pub lang: String,
    /// The rules of that language, which the manifest ships.
    pub rules: Language,
    /// How many sections the index has.
    pub docs: u32,
    /// Sections before `kinds[0]` are the guide's, before `kinds[1]` the phases', the rest pairs'.
    pub kinds: [u32; 2],
    /// Sections in a piece of sections.
    pub block: usize,
    /// The first and last term of each piece of terms.
    pub terms: Vec<(String, String)>,
}

#[derive(Deserialize)]
struct RawManifest {
    v: u8,
    lang: String,
    docs: u32,
    kinds: [u32; 2],
    block: usize,
    terms: Vec<(String, String)>,
}

impl Manifest {
    /// Reads the text of `search-index.js`.
    pub fn parse(script: &str) -> Result<Manifest, String> {
        let json = script
            .split_once("window.mentorbookSearch = ")
            .and_then(|(_, rest)| rest.trim_end().strip_suffix(';'))
            .ok_or("search-index.js does not assign window.mentorbookSearch")?;
        let raw: RawManifest = serde_json::from_str(json).map_err(|e| e.to_string())?;
        if raw.v != 2 {
            return Err(format!("version {} of the index, not 2", raw.v));
        }
        Ok(Manifest {
            rules: Language::for_tag(&raw.lang),
            lang: raw.lang,
            docs: raw.docs,
            kinds: raw.kinds,
            block: raw.block,
            terms: raw.terms,
        })
    }

    /// How many pieces of sections there are.
    pub fn doc_pieces_count(&self) -> usize {
        (self.docs as usize).div_ceil(self.block)
    }

    /// What the reader typed, as the words searched (`parse`).
    pub fn words(&self, query: &str) -> Vec<Word> {
        let mut folded = String::new();
        let mut words = Vec::new();
        for raw in raw_words(query) {
            fold_word(self.rules.unelide(raw), &mut folded);
            if !folded.is_empty() && !self.rules.is_stop(&folded) {
                words.push(self.rules.stem(&folded));
            }
        }
        let open = !query.ends_with(char::is_whitespace);
        let count = words.len();
        words
            .into_iter()
            .enumerate()
            .map(|(i, stem)| Word {
                stem: stem.encode_utf16().collect(),
                last: open && i + 1 == count,
            })
            .collect()
    }

    /// The pieces of terms that hold every term `words` can match, ascending (`termPieces`): a
    /// word matches terms that start with its first three letters, and a piece holds the terms
    /// from its first to its last.
    pub fn term_pieces(&self, words: &[Word]) -> Vec<usize> {
        let mut out = BTreeSet::new();
        for word in words {
            let prefix = word.prefix();
            for (i, (first, last)) in self.terms.iter().enumerate() {
                let (first, last) = (utf16(first), utf16(last));
                if last.as_slice() >= prefix
                    && (first.as_slice() <= prefix || first.starts_with(prefix))
                {
                    out.insert(i);
                }
            }
        }
        out.into_iter().collect()
    }

    /// The kind of page section `doc` is on: 0 guide, 1 phase, 2 pair.
    pub fn kind(&self, doc: u32) -> usize {
        self.kinds.iter().filter(|&&k| doc >= k).count()
    }

    /// The sections shown for `hits` (`pick`): the first [`PER_GROUP`] of each kind, the guide's,
    /// then the phases', then the pairs'.
    pub fn shown(&self, hits: &[Hit]) -> Vec<u32> {
        let mut groups: [Vec<u32>; 3] = Default::default();
        for hit in hits {
            let group = &mut groups[self.kind(hit.doc)];
            if group.len() < PER_GROUP {
                group.push(hit.doc);
            }
        }
        groups.concat()
    }

    /// The pieces of sections that hold `docs`, ascending (`docPieces`).
    pub fn doc_pieces(&self, docs: &[u32]) -> Vec<usize> {
        let set: BTreeSet<usize> = docs.iter().map(|&d| d as usize / self.block).collect();
        set.into_iter().collect()
    }
}

/// A word of the query, stemmed: UTF-16, as JavaScript compares strings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// Its stem.
    pub stem: Vec<u16>,
    /// It is the last word and the reader may still be typing it.
    pub last: bool,
}

impl Word {
    /// The first three letters, which every term it matches starts with.
    fn prefix(&self) -> &[u16] {
        &self.stem[..self.stem.len().min(3)]
    }

    /// Whether the term `t` is what the word asks for (`matches`): a term that starts with it, or,
    /// for the word still being typed, a stem that the word starts with ("meetin" finds "meet").
    pub fn matches(&self, t: &[u16]) -> bool {
        t.starts_with(&self.stem)
            || (self.last
                && t.len() >= 3
                && self.stem.starts_with(t)
                && self.stem.len() - t.len() <= 3)
    }
}

fn utf16(s: &str) -> Vec<u16> {
    s.encode_utf16().collect()
}

/// One term of a piece: the sections holding it, and those whose title holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// The term, UTF-16.
    pub term: Vec<u16>,
    /// The sections holding it, ascending.
    pub docs: Vec<u32>,
    /// The sections whose title holds it, ascending.
    pub titles: Vec<u32>,
}

/// A section, as a piece of sections holds it, with its page.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Doc {
    /// The page's number in the index.
    pub page: usize,
    /// The heading's anchor on the page, `""` for its top.
    pub anchor: String,
    /// The section's title.
    pub title: String,
    /// The start of its text.
    pub text: String,
}

/// A page: `[kind, url, title]`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Page {
    /// 0 guide, 1 phase, 2 pair.
    pub kind: u8,
    /// Its URL from the site's root.
    pub url: String,
    /// Its title.
    pub title: String,
}

/// A piece of sections.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Docs {
    /// The number of its first page.
    pub first_page: usize,
    /// The pages its sections are on, from `first_page`.
    pub pages: Vec<Page>,
    /// Its sections.
    pub docs: Vec<Doc>,
}

impl Docs {
    /// Section `i` of the piece and its page.
    pub fn get(&self, i: usize) -> Option<(&Doc, &Page)> {
        let doc = self.docs.get(i)?;
        let page = self.pages.get(doc.page.checked_sub(self.first_page)?)?;
        Some((doc, page))
    }
}

/// A piece of the index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Piece `n` of terms, in order.
    Terms(usize, Vec<Term>),
    /// Piece `n` of sections.
    Docs(usize, Docs),
}

#[derive(Deserialize)]
struct RawTerms {
    terms: Vec<String>,
    postings: Vec<Vec<u32>>,
    titles: Vec<Vec<u32>>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawDocs {
    first_page: usize,
    pages: Vec<Page>,
    docs: Vec<Doc>,
}

impl Piece {
    /// Reads the text of a piece, `search/terms-N.js` or `search/docs-N.js`.
    pub fn parse(script: &str) -> Result<Piece, String> {
        let args = script
            .split_once("window.mentorbookSearchPiece(")
            .and_then(|(_, rest)| rest.trim_end().strip_suffix(");"))
            .ok_or("the piece does not call window.mentorbookSearchPiece")?;
        let (kind, n, data): (String, usize, serde_json::Value) =
            serde_json::from_str(&format!("[{args}]")).map_err(|e| e.to_string())?;
        match kind.as_str() {
            "terms" => {
                let raw: RawTerms = serde_json::from_value(data).map_err(|e| e.to_string())?;
                if raw.terms.len() != raw.postings.len() || raw.terms.len() != raw.titles.len() {
                    return Err(format!("piece {n} of terms has lists of different lengths"));
                }
                let terms = raw
                    .terms
                    .iter()
                    .zip(raw.postings)
                    .zip(raw.titles)
                    .map(|((t, p), ti)| Term {
                        term: utf16(t),
                        docs: sums(&p),
                        titles: sums(&ti),
                    })
                    .collect();
                Ok(Piece::Terms(n, terms))
            }
            "docs" => {
                let raw: RawDocs = serde_json::from_value(data).map_err(|e| e.to_string())?;
                Ok(Piece::Docs(
                    n,
                    Docs {
                        first_page: raw.first_page,
                        pages: raw.pages,
                        docs: raw.docs,
                    },
                ))
            }
            other => Err(format!("a piece of an unknown kind, {other:?}")),
        }
    }
}

/// Gaps as the numbers they lead to.
fn sums(gaps: &[u32]) -> Vec<u32> {
    gaps.iter()
        .scan(0, |at, g| {
            *at += g;
            Some(*at)
        })
        .collect()
}

/// A section found, with its score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// The section's number.
    pub doc: u32,
    /// More for a term that is the word itself and for a word in the title.
    pub score: u32,
}

/// The sections that hold every word, best first (`search`): for each word, 2 when a term of the
/// section is its stem, else 1 for a term it matches; 5 more when the title holds a term that a
/// word matches; ties in the order of the sections. `terms` are the terms loaded, sorted; the
/// result is the same whatever other terms they hold.
pub fn search(terms: &[Term], words: &[Word]) -> Vec<Hit> {
    if words.is_empty() {
        return Vec::new();
    }
    let mut scores: Option<BTreeMap<u32, u32>> = None;
    let mut titled = BTreeSet::new();
    for word in words {
        let mut found: BTreeMap<u32, u32> = BTreeMap::new();
        let prefix = word.prefix();
        for t in terms.iter().filter(|t| t.term.starts_with(prefix)) {
            if !word.matches(&t.term) {
                continue;
            }
            let bonus = if t.term == word.stem { 2 } else { 1 };
            for &d in &t.docs {
                let score = found.entry(d).or_default();
                *score = (*score).max(bonus);
            }
            titled.extend(t.titles.iter().copied());
        }
        scores = Some(match scores {
            None => found,
            Some(before) => found
                .into_iter()
                .filter_map(|(d, s)| before.get(&d).map(|b| (d, b + s)))
                .collect(),
        });
    }
    let mut hits: Vec<Hit> = scores
        .unwrap_or_default()
        .into_iter()
        .map(|(doc, score)| Hit {
            doc,
            score: score + if titled.contains(&doc) { 5 } else { 0 },
        })
        .collect();
    hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.doc.cmp(&b.doc)));
    hits
}
