//! Snapshots of the main content of the pages of the `minimal` fixture (not the bundled program,
//! whose content changes). Only the `<main>` element is kept, so a change to the page frame (head,
//! sidebar, footer) does not touch every snapshot.

use crate::harness::{Program, main_element};

const PAIR: &str = "pairs/ana-lopez-ben-okafor";

/// Builds the minimal fixture and returns the `<main>` element of `page`.
fn main_of(page: &str) -> String {
    let program = Program::fixture("minimal");
    program.build().success();
    main_element(&program.read(format!("book/{page}"))).to_owned()
}

#[test]
fn home_page() {
    insta::assert_snapshot!("home", main_of("index.html"));
}

#[test]
fn guide_chapter() {
    insta::assert_snapshot!("chapter_welcome", main_of("guide/welcome/index.html"));
}

#[test]
fn phase_page() {
    insta::assert_snapshot!(
        "phase_negotiation",
        main_of("phases/negotiation/index.html")
    );
}

#[test]
fn pair_overview() {
    insta::assert_snapshot!("pair_overview", main_of(&format!("{PAIR}/index.html")));
}

#[test]
fn pair_initiation() {
    insta::assert_snapshot!(
        "pair_initiation",
        main_of(&format!("{PAIR}/initiation/index.html"))
    );
}

#[test]
fn pair_negotiation() {
    insta::assert_snapshot!(
        "pair_negotiation",
        main_of(&format!("{PAIR}/negotiation/index.html"))
    );
}

#[test]
fn pair_enabling() {
    insta::assert_snapshot!(
        "pair_enabling",
        main_of(&format!("{PAIR}/enabling/index.html"))
    );
}

#[test]
fn pair_closure() {
    insta::assert_snapshot!(
        "pair_closure",
        main_of(&format!("{PAIR}/closure/index.html"))
    );
}

#[test]
fn pair_workbook() {
    insta::assert_snapshot!(
        "pair_workbook",
        main_of(&format!("{PAIR}/workbook/index.html"))
    );
}

#[test]
fn blank_workbook() {
    insta::assert_snapshot!("blank_workbook", main_of("workbook/index.html"));
}

#[test]
fn handbook_for_print() {
    insta::assert_snapshot!("handbook_print", main_of("print/index.html"));
}
