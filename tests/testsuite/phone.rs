//! Tidy on a phone and a tablet: every kind of page of the bundled program, at 390 and 768 CSS px
//! wide in a real Chromium (driven by [`crate::cdp`]): nothing wider than the screen, no visible text
//! under 12 px, and controls big enough to tap.
//!
//! A missing Chromium fails the test with the install command, unless `MENTORBOOK_SKIP_BROWSER=1`
//! is set outside CI (see [`crate::harness::tool_missing`]).

use crate::browser::{file_url, require_chromium};
use crate::cdp::Browser;
use crate::harness::{PHASES, Program, chapter_ids, pair_ids};

/// The smallest text a reader should meet, in CSS px.
const SMALLEST_TEXT: f64 = 12.0;
/// The smallest tap target, in CSS px a side (WCAG 2.5.5, Apple's and Android's guidance).
const SMALLEST_TAP: f64 = 44.0;

/// What the page breaks, as lines: run in the page, returns an array of strings.
///
/// - Overflow: the document is wider than the viewport, or a box other than a chart or a
///   workbook's table scrolls sideways (the coordinators' table of pairs becomes cards instead).
/// - Small text: an element showing text of its own whose rendered size is under 12 px. For HTML,
///   the computed font size; for SVG text, the font size times the scale the SVG is drawn at
///   (`getScreenCTM`), so a chart shrunk to fit counts at the size it is seen. Text not shown
///   (`display: none`, hidden, the visually-hidden class clipped to 1 px) is not read.
/// - Tap targets: the controls (the top bar's links and buttons, the sidebar's links, breadcrumbs,
///   buttons, tabs, summaries, search box and results) must be at least 44 px a side. Links inside
///   running prose (paragraphs, list items of the content, tables' cells) are exempt: WCAG 2.5.5
///   exempts inline targets, and making every sentence's links 44 px tall would space the text.
const CHECK: &str = r#"(() => {
  const out = [];
  const min = __MIN_TEXT__, tap = __MIN_TAP__;
  const vw = window.innerWidth;
  const sw = document.documentElement.scrollWidth;
  // Inside a box that scrolls sideways, being wider than the screen is that box's business.
  const scrolled = e => {
    for (let p = e.parentElement; p && p !== document.body; p = p.parentElement)
      if (getComputedStyle(p).overflowX !== 'visible') return true;
    return false;
  };
  const describe = e => {
    const named = e.closest('[class]');
    const cls = named ? named.getAttribute('class').split(' ')[0] : '';
    return e.tagName.toLowerCase() + (cls ? ' in .' + cls : '');
  };
  if (sw > vw) {
    const wide = [...document.querySelectorAll('body *')]
      .filter(e => e.getBoundingClientRect().right > vw + 0.5 && e.getClientRects().length && !scrolled(e))
      .slice(0, 3).map(describe);
    out.push(`overflow: document ${sw} px wide in a ${vw} px viewport (${wide.join(', ')})`);
  }
  // Boxes that scroll sideways: only a chart (kept at a readable size) and the workbooks' tables
  // (made for paper) may; a table of pairs reflows into cards instead.
  for (const e of document.querySelectorAll('body *')) {
    if (!['auto', 'scroll'].includes(getComputedStyle(e).overflowX) || e.scrollWidth <= e.clientWidth + 1) continue;
    if (e.matches('.chart-figure') || e.closest('.print-doc main')) continue;
    out.push(`scrolls sideways: ${describe(e)} (${e.scrollWidth} px in ${e.clientWidth} px)`);
  }
  const shown = e => {
    if (!e.getClientRects().length) return false;
    const s = getComputedStyle(e);
    if (s.visibility === 'hidden' || s.opacity === '0') return false;
    const r = e.getBoundingClientRect();
    return r.width > 1 && r.height > 1;
  };
  const label = e => (e.textContent || e.getAttribute('aria-label') || '').trim().replace(/\s+/g, ' ').slice(0, 40);
  let smallest = Infinity;
  for (const e of document.querySelectorAll('body *')) {
    const own = [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (!own || !shown(e)) continue;
    let size = parseFloat(getComputedStyle(e).fontSize);
    if (e instanceof SVGElement) {
      const m = e.getScreenCTM();
      if (m) size *= Math.sqrt(m.a * m.a + m.b * m.b);
    }
    smallest = Math.min(smallest, size);
    if (size < min - 0.01) out.push(`text ${size.toFixed(1)} px: <${e.tagName.toLowerCase()}> "${label(e)}"`);
  }
  const controls = '.topbar a, .topbar button, .topbar input, nav a, button, [role=tab], [role=option], summary, .tabs a, .phase-tabs a, input, select';
  for (const e of document.querySelectorAll(controls)) {
    if (!shown(e) || e.closest('.visually-hidden')) continue;
    if (e.matches('.skip-link') && e !== document.activeElement) continue;
    const r = e.getBoundingClientRect();
    if (r.width < tap - 0.5 || r.height < tap - 0.5)
      out.push(`tap target ${r.width.toFixed(0)}×${r.height.toFixed(0)} px: <${e.tagName.toLowerCase()}> "${label(e)}"`);
  }
  out.push(`smallest text ${smallest.toFixed(1)} px`);
  return out;
})()"#;

/// Every kind of page, as (kind, path under the edition's folder, edition folder).
fn pages(program: &Program) -> Vec<(String, String, &'static str)> {
    let pair = pair_ids(program.root()).into_iter().next().expect("a pair");
    let chapter = chapter_ids(program.root())
        .into_iter()
        .next()
        .expect("a chapter");
    let mut pages: Vec<(String, String, &'static str)> = [
        ("home", "index.html".to_owned()),
        ("guide", "guide/index.html".to_owned()),
        ("chapter", format!("guide/{chapter}/index.html")),
        ("phases", "phases/index.html".to_owned()),
        ("phase", "phases/negotiation/index.html".to_owned()),
        ("pairs", "pairs/index.html".to_owned()),
        ("pair", format!("pairs/{pair}/index.html")),
        ("workbook", format!("pairs/{pair}/workbook/index.html")),
        ("blank workbook", "workbook/index.html".to_owned()),
        ("handbook for print", "print/index.html".to_owned()),
        ("not found", "404.html".to_owned()),
    ]
    .into_iter()
    .map(|(k, p)| (k.to_owned(), p, "book"))
    .collect();
    for phase in PHASES {
        pages.push((
            format!("pair {phase}"),
            format!("pairs/{pair}/{phase}/index.html"),
            "book",
        ));
    }
    pages.push((
        "dashboard (coordinators)".to_owned(),
        "dashboard/index.html".to_owned(),
        "book-private/coordinators",
    ));
    pages
}

#[test]
fn every_page_kind_fits_a_phone_and_a_tablet() {
    let Some(bin) = require_chromium() else {
        return;
    };
    let program = Program::bundled();
    program.build().success();
    program
        .run(&["build", "--audience", "coordinators"])
        .success();
    let check = CHECK
        .replace("__MIN_TEXT__", &SMALLEST_TEXT.to_string())
        .replace("__MIN_TAP__", &SMALLEST_TAP.to_string());
    let mut b = Browser::launch(&bin);
    let mut problems = Vec::new();
    for width in [390, 768] {
        b.viewport(width, 900);
        for (kind, page, edition) in pages(&program) {
            let base = program.path(edition);
            b.navigate(&file_url(&base.join(&page)));
            if kind == "not found" {
                // Served at any address, the page finds the site's root by asking the server;
                // from disk, lead its stylesheets to the site's folder as the server would.
                let root = format!("{}/", file_url(&base.join("static")));
                b.eval(&format!(
                    "document.querySelectorAll('link[rel=stylesheet]').forEach(l => \
                     l.href = {:?} + l.getAttribute('href').split('/').pop())",
                    root
                ));
                b.wait_for(
                    "getComputedStyle(document.body).marginTop === '0px'",
                    std::time::Duration::from_secs(10),
                );
            }
            let found = b.eval(&check);
            for line in found.as_array().expect("the check's lines") {
                let line = line.as_str().unwrap_or_default();
                if line.starts_with("smallest text") {
                    eprintln!("{width} px, {kind}: {line}");
                } else {
                    problems.push(format!("{width} px, {kind}: {line}"));
                }
            }
        }
    }

    // On a touch screen there is no `/` key to press: the search box does not say to.
    b.call(
        "Emulation.setTouchEmulationEnabled",
        serde_json::json!({ "enabled": true, "maxTouchPoints": 5 }),
    );
    b.navigate(&file_url(&program.path("book").join("index.html")));
    let placeholder = b.eval("document.querySelector('#search-input').placeholder");
    if placeholder != "Search" {
        problems.push(format!("touch screen: the search box says {placeholder}"));
    }
    assert!(
        problems.is_empty(),
        "pages that do not fit a phone or a tablet:\n{}",
        problems.join("\n")
    );
}

/// On a wide screen the sidebar is sticky and only as tall as its links; its right border (and its
/// wash) must still run down to the footer on a page much longer than it. One pixel of the border
/// beside the sidebar's links, one far below them and one of the page beside it, compared as PNGs.
#[test]
fn the_sidebars_border_runs_the_full_height_of_a_long_page() {
    let Some(bin) = require_chromium() else {
        return;
    };
    let program = Program::bundled();
    program.build().success();
    let chapter = chapter_ids(program.root())
        .into_iter()
        .next()
        .expect("a chapter");
    let mut b = Browser::launch(&bin);
    b.viewport(1280, 800);
    b.navigate(&file_url(
        &program.path(format!("book/guide/{chapter}/index.html")),
    ));
    let at = b.eval(
        "(() => { const s = document.querySelector('.sidebar').getBoundingClientRect(); \
         const l = document.querySelector('.layout').getBoundingClientRect(); \
         return [s.right - 1, s.top + 40, s.bottom, l.bottom - 5]; })()",
    );
    let n = |i: usize| at[i].as_f64().expect("a number");
    let (x, beside, sidebar_end, below) = (n(0), n(1), n(2), n(3));
    assert!(
        below > sidebar_end + 100.0,
        "the page is not longer than its sidebar ({sidebar_end} px, page {below} px)"
    );
    let mut pixel = |x: f64, y: f64| -> String {
        let shot = b.call(
            "Page.captureScreenshot",
            serde_json::json!({ "format": "png", "captureBeyondViewport": true,
                "clip": { "x": x, "y": y, "width": 1, "height": 1, "scale": 1 } }),
        );
        shot["data"].as_str().expect("screenshot data").to_owned()
    };
    let border = pixel(x, beside);
    assert_eq!(
        pixel(x, below),
        border,
        "the sidebar's border stops at {sidebar_end} px on a page {below} px long"
    );
    assert_ne!(
        pixel(x + 40.0, below),
        border,
        "the border pixel is the page's colour"
    );
}
