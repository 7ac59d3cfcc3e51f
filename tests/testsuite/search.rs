//! Search: the index the build writes (`search-index.js`), and the search box driven in a real
//! Chromium from a site opened from disk.

use std::fmt::Write;
use std::time::Duration;

use serde_json::Value;

use crate::browser::{file_url, require_chromium};
use crate::cdp::Browser;
use crate::harness::Program;

/// The index of the site in `book/` of `program`, as the JSON value the script assigns.
pub fn index_of(program: &Program, dir: &str) -> Value {
    let script = program.read(format!("{dir}/search-index.js"));
    let json = script
        .split_once("window.mentorbookSearch = ")
        .and_then(|(_, rest)| rest.trim_end().strip_suffix(';'))
        .unwrap_or_else(|| panic!("search-index.js does not assign the index:\n{script}"));
    serde_json::from_str(json).expect("the index is JSON")
}

/// The index written out for people: a line a document, then a line a term with the documents
/// holding it (the gaps of the postings added up).
fn readable(index: &Value) -> String {
    let mut out = String::new();
    let kinds = ["guide", "phase", "pair"];
    writeln!(
        out,
        "lang {} rules {}",
        index["lang"], index["rules"]["steps"]
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
    let postings = index["postings"].as_array().unwrap();
    for (term, gaps) in index["terms"].as_array().unwrap().iter().zip(postings) {
        let mut at = 0;
        let docs: Vec<String> = gaps
            .as_array()
            .unwrap()
            .iter()
            .map(|g| {
                at += g.as_u64().unwrap();
                at.to_string()
            })
            .collect();
        writeln!(out, "{}: {}", term.as_str().unwrap(), docs.join(" ")).unwrap();
    }
    out
}

#[test]
fn the_index_of_a_small_program() {
    let program = Program::fixture("minimal");
    program.build().success();
    let script = program.read("book/search-index.js");
    assert!(script.starts_with("// The search index of this site"));
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
    assert_eq!(french["rules"]["stop"], Value::Array(Vec::new()));
    assert_eq!(french["rules"]["steps"], Value::Array(Vec::new()));
    assert!(
        program
            .read("book/index.html")
            .contains("<html lang=\"fr\"")
    );
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
