//! The index's files: the same however the work was cut, and a query over the pieces it loads finds
//! what it finds over the whole index.

use std::collections::BTreeMap;
use std::path::Path;

use super::query::{Docs, Manifest, Piece, Term, search};
use super::*;
use crate::model::Audience;
use crate::render::strings::Strings;

/// The files of the bundled program's index for the coordinators (pairs with and without a
/// closure page, and private fields: the most text), cut as `cut` says.
fn files(cut: Cut) -> Vec<File> {
    let (program, problems) = crate::load_program(Path::new(env!("CARGO_MANIFEST_DIR")));
    let program = program.unwrap_or_else(|| panic!("{problems:?}"));
    let strings = Strings::default();
    let scope = Scope::new(&program, &Audience::Coordinators, &strings);
    assert!(scope.pairs.len() >= 3);
    assert!(scope.pairs.iter().any(|p| p.file.closure.is_some()));
    let mut out = Vec::new();
    write_in(&scope, &strings.pair, Date::today(), cut, None, &mut |f| {
        out.push(f);
        Ok::<_, ()>(())
    })
    .unwrap();
    out
}

/// Small pieces: many of them, for the tests.
const SMALL: Sizes = Sizes {
    block: 3,
    terms: 300,
};

#[test]
fn the_index_is_the_same_however_it_is_cut_into_parts() {
    for sizes in [Sizes::DEFAULT, SMALL] {
        let cut = |a_part, parts_at_once| Cut {
            a_part,
            parts_at_once,
            sizes,
        };
        let whole = files(cut(usize::MAX >> 8, 1));
        for (a_part, at_once) in [(1, 1), (1, 2), (2, 1), (2, 2), (64, 16)] {
            assert_eq!(files(cut(a_part, at_once)), whole, "{a_part} x {at_once}");
        }
    }
}

/// The index read back: the manifest, its pieces of terms in order, and its pieces of sections.
struct Read {
    manifest: Manifest,
    terms: Vec<Vec<Term>>,
    docs: Vec<Docs>,
}

fn read(files: &[File]) -> Read {
    let mut manifest = None;
    let mut terms = BTreeMap::new();
    let mut docs = BTreeMap::new();
    for f in files {
        if f.path == Path::new(paths::SEARCH_INDEX) {
            manifest = Some(Manifest::parse(&f.text).unwrap());
            continue;
        }
        let (twice, path) = match Piece::parse(&f.text).unwrap() {
            Piece::Terms(n, t) => (terms.insert(n, t).is_some(), paths::search_terms(n)),
            Piece::Docs(n, d) => (docs.insert(n, d).is_some(), paths::search_docs(n)),
        };
        assert!(!twice, "two pieces at {path}");
        assert_eq!(f.path, Path::new(&path));
    }
    let manifest = manifest.expect("a manifest");
    assert_eq!(terms.len(), manifest.terms.len());
    assert_eq!(docs.len(), manifest.doc_pieces_count());
    assert!(terms.keys().copied().eq(0..terms.len()));
    assert!(docs.keys().copied().eq(0..docs.len()));
    Read {
        manifest,
        terms: terms.into_values().collect(),
        docs: docs.into_values().collect(),
    }
}

/// A small deterministic generator of numbers (xorshift), for queries that are the same each run.
struct Random(u64);

impl Random {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Queries like a reader's: words of the sections, whole or cut (the last one still being typed),
/// terms cut anywhere, with accents, capitals, stop words and letters at random.
fn query(random: &mut Random, words: &[String]) -> String {
    let count = 1 + random.below(3);
    let mut q = String::new();
    for i in 0..count {
        if i > 0 {
            q.push(' ');
        }
        match random.below(6) {
            0 => {
                let odd: &[&str] = &["the", "and", "Ünïcode", "mentee's", "a", "x"];
                let word: &&str = random.pick(odd);
                q.push_str(word);
            }
            1 => {
                for _ in 0..1 + random.below(4) {
                    q.push(*random.pick(&['a', 'e', 'm', 'o', 's', 't', 'é', 'ß', 'z', '7']));
                }
            }
            _ => {
                let word: Vec<char> = random.pick(words).chars().collect();
                let keep = 1 + random.below(word.len());
                q.extend(&word[..keep]);
            }
        }
    }
    if random.below(4) == 0 {
        q.push(' ');
    }
    q
}

#[test]
fn the_pieces_a_query_loads_find_what_the_whole_index_finds() {
    for sizes in [SMALL, Sizes::DEFAULT] {
        let read = read(&files(Cut {
            sizes,
            ..Cut::DEFAULT
        }));
        let manifest = &read.manifest;
        if sizes.block == SMALL.block {
            assert!(read.terms.len() > 20 && read.docs.len() > 20, "many pieces");
        }
        // The pieces' ranges follow one another, and each piece holds its range.
        let whole: Vec<Term> = read.terms.concat();
        assert!(whole.windows(2).all(|w| w[0].term < w[1].term), "sorted");
        for (piece, (first, last)) in read.terms.iter().zip(&manifest.terms) {
            let utf16 = |s: &str| s.encode_utf16().collect::<Vec<u16>>();
            assert_eq!(piece.first().unwrap().term, utf16(first));
            assert_eq!(piece.last().unwrap().term, utf16(last));
        }
        let all_docs: Vec<_> = read
            .docs
            .iter()
            .flat_map(|b| (0..b.docs.len()).map(|i| b.get(i).expect("its page is in the piece")))
            .collect();
        assert_eq!(all_docs.len(), manifest.docs as usize);
        for (n, (_, page)) in all_docs.iter().enumerate() {
            assert_eq!(
                usize::from(page.kind),
                manifest.kind(n as u32),
                "section {n} is of the kind `kinds` says"
            );
        }
        let words: Vec<String> = all_docs
            .iter()
            .flat_map(|(d, _)| text::raw_words(&d.text).chain(text::raw_words(&d.title)))
            .map(str::to_owned)
            .collect();

        let mut random = Random(0x5eed_1dea);
        let mut found = 0;
        for _ in 0..3000 {
            let q = query(&mut random, &words);
            let asked = manifest.words(&q);
            let needed = manifest.term_pieces(&asked);
            let loaded: Vec<Term> = needed.iter().flat_map(|&i| read.terms[i].clone()).collect();
            let hits = search(&loaded, &asked);
            assert_eq!(hits, search(&whole, &asked), "{q:?}");
            found += usize::from(!hits.is_empty());
            // The sections shown are in the pieces of sections loaded for them.
            for shown in manifest.shown(&hits) {
                let block = &read.docs[manifest.doc_pieces(&[shown])[0]];
                let i = shown as usize % manifest.block;
                assert_eq!(block.get(i), Some(all_docs[shown as usize]), "{q:?}");
            }
        }
        assert!(found > 1000, "most queries find something: {found}");
    }
}

#[test]
fn a_query_loads_few_pieces() {
    let read = read(&files(Cut {
        sizes: SMALL,
        ..Cut::DEFAULT
    }));
    let manifest = &read.manifest;
    let needed = manifest.term_pieces(&manifest.words("goals"));
    assert!(!needed.is_empty());
    assert!(
        needed.len() * 4 < manifest.terms.len(),
        "{needed:?} of {}",
        manifest.terms.len()
    );
    let hits = search(
        &needed
            .iter()
            .flat_map(|&i| read.terms[i].clone())
            .collect::<Vec<_>>(),
        &manifest.words("goals"),
    );
    let shown = manifest.shown(&hits);
    assert!(shown.len() > 5, "{shown:?}");
    assert!(manifest.doc_pieces(&shown).len() < read.docs.len() / 4);
}

#[test]
fn titles_give_a_bonus_to_the_sections_they_name() {
    let read = read(&files(Cut::DEFAULT));
    let whole: Vec<Term> = read.terms.concat();
    let manifest = &read.manifest;
    let hits = search(&whole, &manifest.words("agreement"));
    let docs: Vec<_> = read
        .docs
        .iter()
        .flat_map(|b| (0..b.docs.len()).map(|i| b.get(i).unwrap().0.clone()))
        .collect();
    let top = &docs[hits[0].doc as usize];
    assert!(top.title.to_lowercase().contains("agreement"), "{top:?}");
    assert!(hits[0].score >= 7, "{:?}", hits[0]);
}
