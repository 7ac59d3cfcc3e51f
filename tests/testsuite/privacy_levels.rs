//! `[public] pairs` in `book.toml`: the public site shows exactly what the level says of the pairs
//! (the home page, the list of pairs, the pairs' pages, the search index, the calendars), and no
//! private field at any level.

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::harness::Program;
use crate::privacy::canaries;
use crate::search::index_text_in;

const PAIR: &str = "ana-lopez-ben-okafor";
/// A goal of that pair: part of its record.
const GOAL: &str = "Lead routine soft-tissue surgeries";
/// The pair's names, as the pages write them.
const NAMES: &str = "Dr. Ana López";
const MENTEE: &str = "Dr. Ben Okafor";

/// The bundled program's public site at `level`, file by file.
fn site_at(level: &str) -> BTreeMap<PathBuf, String> {
    let program = Program::bundled();
    program.patch(
        "book.toml",
        "pairs = \"full\"",
        &format!("pairs = \"{level}\""),
    );
    // With a base URL, so that the sitemap is made too.
    program
        .run(&["build", "--base-url", "https://mentoring.example.org/"])
        .success();
    program
        .files("book")
        .into_iter()
        .map(|(path, bytes)| (path, String::from_utf8_lossy(&bytes).into_owned()))
        .collect()
}

fn file<'a>(site: &'a BTreeMap<PathBuf, String>, path: &str) -> Option<&'a str> {
    site.get(&PathBuf::from(path)).map(String::as_str)
}

/// The files of `site` that hold `text`.
fn holding<'a>(site: &'a BTreeMap<PathBuf, String>, text: &str) -> Vec<&'a PathBuf> {
    site.iter()
        .filter(|(_, t)| t.contains(text))
        .map(|(p, _)| p)
        .collect()
}

fn pair_files(site: &BTreeMap<PathBuf, String>) -> Vec<&PathBuf> {
    site.keys()
        .filter(|p| p.starts_with(format!("pairs/{PAIR}")))
        .collect()
}

#[test]
fn full_shows_the_whole_public_record() {
    let site = site_at("full");
    assert!(file(&site, &format!("pairs/{PAIR}/index.html")).is_some());
    assert!(file(&site, &format!("pairs/{PAIR}/workbook/index.html")).is_some());
    assert!(file(&site, &format!("pairs/{PAIR}/meetings.ics")).is_some());
    assert!(file(&site, "calendar.ics").is_some());
    assert!(index_text_in(&site).contains(GOAL));
    let sitemap = file(&site, "sitemap.xml").unwrap();
    assert!(sitemap.contains(&format!("/pairs/{PAIR}/enabling/")));
    let home = file(&site, "index.html").unwrap();
    assert!(home.contains("Goals achieved") && home.contains("class=\"pct\""));
    // The lists of pairs that need a look are for coordinators unless `attention` says otherwise.
    assert!(!home.contains("quiet-title"));
}

#[test]
fn progress_shows_phases_and_checklists_but_no_record() {
    let site = site_at("progress");
    for page in ["index.html", "enabling/index.html", "closure/index.html"] {
        let html = file(&site, &format!("pairs/{PAIR}/{page}")).expect(page);
        assert!(html.contains("record-withheld"), "{page}");
    }
    assert!(
        holding(&site, GOAL).is_empty(),
        "{:?}",
        holding(&site, GOAL)
    );
    assert!(file(&site, &format!("pairs/{PAIR}/workbook/index.html")).is_none());
    assert!(file(&site, &format!("pairs/{PAIR}/meetings.ics")).is_none());
    assert!(
        file(&site, "calendar.ics").is_some(),
        "starts and ends stay"
    );
    let pairs = file(&site, "pairs/index.html").unwrap();
    assert!(
        pairs.contains("class=\"pct\""),
        "checklist progress is listed"
    );
    let home = file(&site, "index.html").unwrap();
    assert!(home.contains("dash-title") && !home.contains("Goals achieved"));
    assert!(!home.contains("chart-meetings") && !home.contains("chart-goals"));
    let index = index_text_in(&site);
    assert!(index.contains(MENTEE), "a pair's pages are found by name");
    let sitemap = file(&site, "sitemap.xml").unwrap();
    assert!(sitemap.contains(&format!("/pairs/{PAIR}/enabling/")));
}

#[test]
fn names_lists_the_pairs_and_nothing_else() {
    let site = site_at("names");
    assert!(pair_files(&site).is_empty(), "{:?}", pair_files(&site));
    let pairs = file(&site, "pairs/index.html").unwrap();
    assert!(pairs.contains(NAMES) && pairs.contains(MENTEE));
    assert!(!pairs.contains("class=\"pct\"") && !pairs.contains("badge phase-"));
    assert!(file(&site, "calendar.ics").is_none());
    let home = file(&site, "index.html").unwrap();
    assert!(
        home.contains(MENTEE),
        "the home page lists the pairs by name"
    );
    assert!(!home.contains("dash-title") && !home.contains("here now"));
    let index = index_text_in(&site);
    assert!(!index.contains(MENTEE), "no pair is in the search index");
    assert!(holding(&site, GOAL).is_empty());
    let sitemap = file(&site, "sitemap.xml").unwrap();
    assert!(sitemap.contains("/pairs/") && !sitemap.contains(PAIR));
    // Phase pages do not say which pairs are where.
    assert!(holding(&site, "here-title").is_empty());
}

#[test]
fn none_names_no_pair() {
    let site = site_at("none");
    assert!(site.keys().all(|p| !p.starts_with("pairs")));
    assert!(
        holding(&site, MENTEE).is_empty(),
        "{:?}",
        holding(&site, MENTEE)
    );
    assert!(file(&site, "calendar.ics").is_none());
    let home = file(&site, "index.html").unwrap();
    assert!(!home.contains("pairs-title") && !home.contains("dash-title"));
    assert!(
        !home.contains("pairs/index.html"),
        "no link to a list of pairs"
    );
    assert!(!file(&site, "sitemap.xml").unwrap().contains("/pairs/"));
    // The handbook itself is all there.
    assert!(file(&site, "guide/index.html").is_some());
    assert!(file(&site, "workbook/index.html").is_some());
}

#[test]
fn a_private_edition_shows_everything_whatever_the_level() {
    let program = Program::bundled();
    program.patch("book.toml", "pairs = \"full\"", "pairs = \"none\"");
    program
        .run(&["build", "--audience", "coordinators"])
        .success();
    let home = program.read("book-private/coordinators/index.html");
    assert!(
        home.contains("quiet-title"),
        "coordinators see the attention lists"
    );
    let pair = program.read(format!(
        "book-private/coordinators/pairs/{PAIR}/negotiation/index.html"
    ));
    assert!(pair.contains(GOAL));
}

#[test]
fn attention_puts_the_lists_on_the_public_dashboard() {
    let program = Program::bundled();
    program.patch(
        "book.toml",
        "pairs = \"full\"",
        "pairs = \"full\"\nattention = true",
    );
    program.build().success();
    assert!(program.read("book/index.html").contains("quiet-title"));
}

#[test]
fn no_level_publishes_a_private_field() {
    let canaries = canaries("canary");
    for level in ["full", "progress", "names", "none"] {
        let program = Program::fixture("canary");
        program.patch(
            "book.toml",
            "pairs = \"full\"",
            &format!("pairs = \"{level}\"\nattention = true"),
        );
        program.build().success();
        for (path, bytes) in program.files("book") {
            let text = String::from_utf8_lossy(&bytes).to_lowercase();
            assert!(
                !text.contains("-7f3a"),
                "{level}: a canary in {}",
                path.display()
            );
            for canary in &canaries {
                assert!(!text.contains(&canary.to_lowercase()));
            }
        }
    }
}
