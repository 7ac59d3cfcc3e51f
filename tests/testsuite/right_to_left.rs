//! A program in a language written right to left: its pages say `dir="rtl"`, the layout mirrors
//! (the sidebar on the right, text starting on the right), print stays readable, and axe-core
//! finds nothing serious.
//!
//! mentorbook ships no Arabic words (no one here can check them); the fixture gives a few of its
//! own in the program's `i18n/ar.toml`, as a program in Arabic would.

use std::time::Duration;

use crate::accessibility::{axe_core, serious_violations};
use crate::browser::{file_url, require_chromium};
use crate::cdp::Browser;
use crate::harness::Program;

const PAIR: &str = "ana-lopez-ben-okafor";

/// The bundled program in Arabic, with a few words of its own.
fn arabic() -> Program {
    let program = Program::bundled();
    program.patch("book.toml", "language = \"en\"", "language = \"ar\"");
    program.write(
        "i18n/ar.toml",
        "[pages]\nhome = \"الرئيسية\"\npairs = \"الثنائيات\"\nguide = \"الدليل\"\n\n\
         [pair]\nchecklist = \"قائمة المهام\"\nmeetings = \"الاجتماعات\"\n",
    );
    program
}

#[test]
fn every_page_says_it_is_right_to_left() {
    let program = arabic();
    program.build().success();
    for page in [
        "index.html".to_owned(),
        "guide/index.html".to_owned(),
        format!("pairs/{PAIR}/index.html"),
        format!("pairs/{PAIR}/negotiation/index.html"),
        format!("pairs/{PAIR}/workbook/index.html"),
        "print/index.html".to_owned(),
        "404.html".to_owned(),
    ] {
        let html = program.read(format!("book/{page}"));
        assert!(
            html.contains("<html lang=\"ar\" dir=\"rtl\""),
            "{page} is not marked right to left"
        );
    }
    let pair = program.read(format!("book/pairs/{PAIR}/negotiation/index.html"));
    assert!(pair.contains("قائمة المهام"), "the program's own words");
    // A left-to-right program says nothing (the browser's default).
    let english = Program::bundled();
    english.build().success();
    assert!(!english.read("book/index.html").contains(" dir=\""));
}

#[test]
fn the_layout_mirrors_and_passes_axe_core() {
    let Some(bin) = require_chromium() else {
        return;
    };
    let Some(axe) = axe_core() else {
        return;
    };
    let program = arabic();
    program.build().success();
    let mut b = Browser::launch(&bin);
    b.viewport(1280, 900);
    b.navigate(&file_url(
        &program.path(format!("book/pairs/{PAIR}/negotiation/index.html")),
    ));
    b.wait_for(
        "document.readyState === 'complete'",
        Duration::from_secs(10),
    );
    let sidebar_left = b.eval("document.querySelector('.sidebar').getBoundingClientRect().left");
    let main_left = b.eval("document.querySelector('main').getBoundingClientRect().left");
    assert!(
        sidebar_left.as_f64() > main_left.as_f64(),
        "the sidebar is not on the right: sidebar at {sidebar_left}, main at {main_left}"
    );
    // A heading starts on the right: its text's right edge meets main's content edge.
    let gap = b.eval(
        "(() => { const h = document.querySelector('main h1'); const r = document.createRange(); \
         r.selectNodeContents(h); const t = r.getBoundingClientRect(); \
         const c = h.getBoundingClientRect(); return Math.abs(c.right - t.right); })()",
    );
    assert!(
        gap.as_f64().is_some_and(|g| g < 2.0),
        "the title does not start on the right (gap {gap})"
    );
    let mut serious = Vec::new();
    for page in [
        "index.html".to_owned(),
        format!("pairs/{PAIR}/negotiation/index.html"),
        format!("pairs/{PAIR}/workbook/index.html"),
    ] {
        b.navigate(&file_url(&program.path(format!("book/{page}"))));
        serious.extend(serious_violations(&mut b, &axe, &page));
    }
    assert!(serious.is_empty(), "{}", serious.join("\n"));
}
