//! Search: the index the build writes (`search-index.js`), and the search box driven in a real
//! Chromium from a site opened from disk.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde_json::Value;

use crate::browser::{file_url, require_chromium};
use crate::cdp::Browser;
use crate::harness::{Program, read_tree};

/// The text of every file of the index of the site in `dir` of `program`: the manifest, then each
/// piece, in the order of their names. What a test that looks for a word in the index reads.
pub fn index_text(program: &Program, dir: &str) -> String {
    index_files(program, dir)
        .into_iter()
        .map(|(_, text)| text)
        .collect::<Vec<_>>()
        .join("\n")
}

/// [`index_text`] of a site read into memory, path by path.
pub fn index_text_in(site: &BTreeMap<PathBuf, String>) -> String {
    site.iter()
        .filter(|(p, _)| *p == Path::new("search-index.js") || p.starts_with("search"))
        .map(|(_, text)| text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The files of the index of the site in `dir`: the manifest first, then the pieces by name.
fn index_files(program: &Program, dir: &str) -> Vec<(PathBuf, String)> {
    let mut files = vec![(
        PathBuf::from("search-index.js"),
        program.read(format!("{dir}/search-index.js")),
    )];
    for (path, bytes) in read_tree(&program.path(format!("{dir}/search"))) {
        files.push((
            Path::new("search").join(path),
            String::from_utf8(bytes).expect("UTF-8"),
        ));
    }
    files
}

/// The JSON that a file of the index passes: the manifest's object, or a piece's arguments
/// `[kind, n, data]`.
fn index_json(path: &Path, script: &str) -> Value {
    let json = match script.split_once("window.mentorbookSearch = ") {
        Some((_, rest)) => rest.trim_end().strip_suffix(';').map(str::to_owned),
        None => script
            .split_once("window.mentorbookSearchPiece(")
            .and_then(|(_, rest)| rest.trim_end().strip_suffix(");"))
            .map(|args| format!("[{args}]")),
    };
    let json =
        json.unwrap_or_else(|| panic!("{} is not a file of the index:\n{script}", path.display()));
    serde_json::from_str(&json).expect("the index is JSON")
}

/// The index of the site in `dir` of `program`, its pieces put back together as one JSON value:
/// the manifest's `lang` and `rules`, `docs` (`[page, anchor, title, text]`), `pages` (by number;
/// `null` for a page with no section), and `terms` with their `postings` and `titles` (gaps).
pub fn index_of(program: &Program, dir: &str) -> Value {
    let mut manifest = Value::Null;
    let mut terms = BTreeMap::new();
    let mut blocks = BTreeMap::new();
    for (path, text) in index_files(program, dir) {
        let json = index_json(&path, &text);
        if path == Path::new("search-index.js") {
            manifest = json;
            continue;
        }
        let n = json[1].as_u64().unwrap();
        let which = if json[0] == "terms" {
            &mut terms
        } else {
            &mut blocks
        };
        assert!(which.insert(n, json[2].clone()).is_none(), "two pieces {n}");
        let name = format!("search/{}-{n}.js", json[0].as_str().unwrap());
        assert_eq!(path, Path::new(&name));
    }
    assert_eq!(manifest["v"], 2);
    assert_eq!(manifest["terms"].as_array().unwrap().len(), terms.len());
    let mut pages = vec![Value::Null; manifest["pages"].as_u64().unwrap() as usize];
    let mut docs = Vec::new();
    let block = manifest["block"].as_u64().unwrap() as usize;
    for (n, piece) in &blocks {
        assert_eq!(docs.len(), *n as usize * block, "piece {n} of sections");
        let first = piece["firstPage"].as_u64().unwrap() as usize;
        for (i, page) in piece["pages"].as_array().unwrap().iter().enumerate() {
            pages[first + i] = page.clone();
        }
        docs.extend(piece["docs"].as_array().unwrap().iter().cloned());
    }
    assert_eq!(docs.len() as u64, manifest["docs"].as_u64().unwrap());
    let list = |key: &str| -> Vec<Value> {
        terms
            .values()
            .flat_map(|t| t[key].as_array().unwrap().clone())
            .collect()
    };
    serde_json::json!({
        "lang": manifest["lang"],
        "rules": manifest["rules"],
        "kinds": manifest["kinds"],
        "docs": docs,
        "pages": pages,
        "terms": list("terms"),
        "postings": list("postings"),
        "titles": list("titles"),
    })
}

/// The index written out for people: a line a document, then a line a term with the documents
/// holding it (the gaps of the postings added up).
fn readable(index: &Value) -> String {
    let mut out = String::new();
    let kinds = ["guide", "phase", "pair"];
    writeln!(
        out,
        "lang {} rules {} kinds {}",
        index["lang"], index["rules"]["steps"], index["kinds"]
    )
    .unwrap();
    let pages = index["pages"].as_array().unwrap();
    for (n, doc) in index["docs"].as_array().unwrap().iter().enumerate() {
        let page = &pages[doc[0].as_u64().unwrap() as usize];
        let anchor = doc[1].as_str().unwrap();
        writeln!(
            out,
            "doc {n} [{}] {}{}{anchor}\n  title: {}\n  page: {}\n  text: {}",
            kinds[page[0].as_u64().unwrap() as usize],
            page[1].as_str().unwrap(),
            if anchor.is_empty() { "" } else { "#" },
            doc[2].as_str().unwrap(),
            page[2].as_str().unwrap(),
            doc[3].as_str().unwrap(),
        )
        .unwrap();
    }
    let sums = |gaps: &Value| -> Vec<u64> {
        let mut at = 0;
        let gaps = gaps.as_array().unwrap().iter();
        gaps.map(|g| {
            at += g.as_u64().unwrap();
            at
        })
        .collect()
    };
    let postings = index["postings"].as_array().unwrap();
    let titles = index["titles"].as_array().unwrap();
    let terms = index["terms"].as_array().unwrap().iter();
    for ((term, docs), titles) in terms.zip(postings).zip(titles) {
        // A section whose title holds the term is marked `*`.
        let titles = sums(titles);
        let docs: Vec<String> = sums(docs)
            .into_iter()
            .map(|d| format!("{d}{}", if titles.contains(&d) { "*" } else { "" }))
            .collect();
        writeln!(out, "{}: {}", term.as_str().unwrap(), docs.join(" ")).unwrap();
    }
    out
}

#[test]
fn the_index_of_a_small_program() {
    let program = Program::fixture("minimal");
    program.build().success();
    for (path, script) in index_files(&program, "book") {
        assert!(
            script.starts_with("// The search index of this site"),
            "{}",
            path.display()
        );
    }
    insta::assert_snapshot!(
        "search_index_minimal",
        readable(&index_of(&program, "book"))
    );
}

#[test]
fn every_anchor_of_the_index_is_on_its_page() {
    let program = Program::bundled();
    program.build().success();
    let index = index_of(&program, "book");
    let pages = index["pages"].as_array().unwrap();
    let docs = index["docs"].as_array().unwrap();
    assert!(docs.len() > 50, "only {} documents", docs.len());
    for kind in 0..3 {
        assert!(
            pages.iter().any(|p| p[0] == kind),
            "no page of kind {kind} in the index"
        );
    }
    for doc in docs {
        let page = &pages[doc[0].as_u64().unwrap() as usize];
        let html = program.read(format!("book/{}", page[1].as_str().unwrap()));
        let anchor = doc[1].as_str().unwrap();
        assert!(
            anchor.is_empty() || html.contains(&format!(" id=\"{anchor}\"")),
            "{}#{anchor} is not on the page",
            page[1]
        );
    }
}

#[test]
fn the_index_follows_the_book_language() {
    let program = Program::fixture("minimal");
    program.build().success();
    let english = index_of(&program, "book");
    assert!(english["rules"]["stop"].as_array().unwrap().len() > 50);
    let html = program.read("book/index.html");
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\""));

    program.patch("book.toml", "language = \"en\"", "language = \"fr\"");
    program.build().success();
    let french = index_of(&program, "book");
    assert_eq!(french["lang"], "fr");
    assert!(french["rules"]["stop"].as_array().unwrap().len() > 100);
    // Savoy's rules ship with their lengths: `[suffix, with, at_least]`.
    assert_eq!(
        french["rules"]["steps"][2],
        serde_json::json!([["s", "", 4]])
    );
    assert!(
        program
            .read("book/index.html")
            .contains("<html lang=\"fr\"")
    );

    // A language without rules of its own is only folded.
    program.patch("book.toml", "language = \"fr\"", "language = \"it\"");
    program.build().success();
    let italian = index_of(&program, "book");
    assert_eq!(italian["rules"]["stop"], Value::Array(Vec::new()));
    assert_eq!(italian["rules"]["steps"], Value::Array(Vec::new()));
}

#[test]
fn search_finds_sections_from_disk_with_the_keyboard() {
    let Some(bin) = require_chromium() else {
        return;
    };
    let program = Program::bundled();
    program.build().success();
    let home = program.path("book/index.html");
    let mut b = Browser::launch(&bin);
    b.navigate(&file_url(&home));
    let wait = Duration::from_secs(10);

    // `/` focuses the search box; typing shows results grouped by kind.
    b.wait_for("!document.querySelector('[data-search]').hidden", wait);
    b.press("/");
    assert_eq!(b.eval("document.activeElement.id"), "search-input");
    b.type_text("goals");
    b.wait_for(
        "document.querySelectorAll('[role=option]').length > 0",
        wait,
    );
    let groups = b.eval(
        "[...document.querySelectorAll('#search-results [role=group]')].map(g => document.getElementById(g.getAttribute('aria-labelledby')).textContent)",
    );
    assert_eq!(groups, serde_json::json!(["Guide", "Phases", "Pairs"]));
    assert_eq!(
        b.eval("document.getElementById('search-input').getAttribute('aria-expanded')"),
        "true"
    );
    let marked = b.eval(
        "[...document.querySelectorAll('#search-results mark')].map(m => m.textContent.toLowerCase())",
    );
    let marked: Vec<&str> = marked
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(!marked.is_empty(), "no word is highlighted");
    assert!(
        marked.iter().all(|m| m.starts_with("goal")),
        "highlighted words that do not match the query: {marked:?}"
    );

    // Arrow keys choose a result, which the input names as its active descendant.
    b.press("ArrowDown");
    b.press("ArrowDown");
    let chosen =
        b.eval("document.getElementById('search-input').getAttribute('aria-activedescendant')");
    assert_eq!(chosen, "search-result-1");
    assert_eq!(
        b.eval("document.querySelectorAll('[role=option][aria-selected=true]').length"),
        1
    );
    let href = b.eval("document.getElementById('search-result-1').href");
    let href = href
        .as_str()
        .expect("the result links somewhere")
        .to_owned();
    let anchor = href.split_once('#').map(|(_, a)| a.to_owned());

    // Escape closes the list; Enter opens the chosen result at its section.
    b.press("Escape");
    assert_eq!(
        b.eval("document.getElementById('search-results').hidden"),
        true
    );
    assert_eq!(
        b.eval("document.getElementById('search-input').value"),
        "goals"
    );
    b.press("ArrowDown");
    b.press("ArrowDown");
    b.press("ArrowDown");
    b.press("Enter");
    b.wait_for(&format!("location.href === {href:?}"), wait);
    b.wait_for("document.readyState === 'complete'", wait);
    if let Some(anchor) = anchor {
        assert_eq!(
            b.eval(&format!("!!document.getElementById({anchor:?})")),
            true,
            "{href} has no element #{anchor}"
        );
    }

    // Meeting agendas are on the pairs' pages; `s` also focuses the search box.
    b.press("s");
    b.type_text("meeting agenda");
    b.wait_for(
        "document.querySelectorAll('[role=option]').length > 0",
        wait,
    );
    let groups = b.eval(
        "[...document.querySelectorAll('#search-results .search-group-label')].map(l => l.textContent)",
    );
    assert!(
        groups.as_array().unwrap().contains(&Value::from("Pairs")),
        "{groups}"
    );
    // Accents are folded: `lopez` finds and highlights `López`.
    b.press("Escape");
    b.press("Escape");
    b.press("/");
    b.type_text("lopez");
    b.wait_for(
        "document.querySelectorAll('[role=option]').length > 0",
        wait,
    );
    let marked =
        b.eval("[...document.querySelectorAll('#search-results mark')].map(m => m.textContent)");
    assert!(
        marked.as_array().unwrap().contains(&Value::from("López")),
        "{marked}"
    );

    b.press("Escape");
    b.press("Escape");
    assert_eq!(
        b.eval("document.activeElement.id === 'search-input'"),
        false
    );
}

/// What the browser should show for `query` on the site in `dir`, from the whole index with the
/// search of `mentorbook::render::search::query`: the links of the results, in order (from the
/// site's root), and the pieces that the query needs.
fn expected(program: &Program, dir: &str, query: &str) -> (Vec<String>, BTreeSet<String>) {
    use mentorbook::render::search::query::{Docs, Manifest, Piece, search};
    let files = index_files(program, dir);
    let manifest = Manifest::parse(&files[0].1).unwrap();
    let mut terms = Vec::new();
    let mut blocks: BTreeMap<usize, Docs> = BTreeMap::new();
    for (_, text) in &files[1..] {
        match Piece::parse(text).unwrap() {
            Piece::Terms(n, t) => terms.push((n, t)),
            Piece::Docs(n, d) => {
                blocks.insert(n, d);
            }
        }
    }
    terms.sort_by_key(|(n, _)| *n);
    let whole: Vec<_> = terms.into_iter().flat_map(|(_, t)| t).collect();
    let words = manifest.words(query);
    let shown = manifest.shown(&search(&whole, &words));
    let links = shown
        .iter()
        .map(|&d| {
            let block = &blocks[&(d as usize / manifest.block)];
            let (doc, page) = block.get(d as usize % manifest.block).unwrap();
            match doc.anchor.as_str() {
                "" => page.url.clone(),
                anchor => format!("{}#{anchor}", page.url),
            }
        })
        .collect();
    let pieces = manifest
        .term_pieces(&words)
        .into_iter()
        .map(|n| format!("terms-{n}"))
        .chain(
            manifest
                .doc_pieces(&shown)
                .into_iter()
                .map(|n| format!("docs-{n}")),
        )
        .collect();
    (links, pieces)
}

#[test]
fn a_query_loads_only_the_pieces_it_needs_and_shows_what_the_whole_index_finds() {
    let Some(bin) = require_chromium() else {
        return;
    };
    let program = Program::bundled();
    program.build().success();
    let pieces = read_tree(&program.path("book/search")).len();
    let home = program.path("book/index.html");
    let mut b = Browser::launch(&bin);
    b.navigate(&file_url(&home));
    let wait = Duration::from_secs(10);
    b.wait_for("!document.querySelector('[data-search]').hidden", wait);
    let root = file_url(&program.path("book"));
    let mut all = BTreeSet::new();
    for query in ["goals", "meeting agen", "lopez", "zzzq"] {
        // The whole query at once: typed a key at a time, a pause between two keys could
        // search for its start too, and load that search's pieces.
        b.press("/");
        b.eval(&format!(
            "(() => {{ const i = document.getElementById('search-input'); i.value = {query:?}; i.dispatchEvent(new Event('input')); }})()"
        ));
        b.wait_for(
            "document.querySelectorAll('[role=option]').length > 0 || !!document.querySelector('.search-none')",
            wait,
        );
        let (links, needed) = expected(&program, "book", query);
        let shown = b.eval(
            "[...document.querySelectorAll('#search-results [role=option]')].map(a => a.href)",
        );
        let shown: Vec<String> = shown
            .as_array()
            .unwrap()
            .iter()
            .map(|h| {
                let h = h.as_str().unwrap();
                h.strip_prefix(&format!("{root}/")).unwrap_or(h).to_owned()
            })
            .collect();
        assert_eq!(shown, links, "{query:?}");
        all.extend(needed);
        let loaded = b.eval(
            "[...document.querySelectorAll('script[src]')].map(s => s.src).filter(n => n.includes('/search/')).map(n => n.replace(/.*\\/search\\/(.*)\\.js$/, '$1'))",
        );
        let loaded: BTreeSet<String> = loaded
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n.as_str().unwrap().to_owned())
            .collect();
        assert_eq!(loaded, all, "after {query:?}");
        b.press("Escape");
        b.press("Escape");
    }
    assert!(
        all.len() < pieces,
        "the queries loaded {} pieces of {pieces}",
        all.len()
    );

    // Enter before the results are shown (typing has not paused yet) opens the first result
    // once they are.
    let (links, _) = expected(&program, "book", "agreement");
    b.press("/");
    b.eval("(() => { const i = document.getElementById('search-input'); i.value = 'agreement'; i.dispatchEvent(new Event('input')); })()");
    b.press("Enter");
    b.wait_for(
        &format!("location.href === {:?}", format!("{root}/{}", links[0])),
        wait,
    );
}
