//! Accessibility: every kind of page of the bundled program, in light and dark, checked with
//! axe-core in a real Chromium (driven by [`crate::cdp`]), and the keyboard paths through a page.
//!
//! axe-core comes from the npm registry: `npm ci` in `tests/browser/` installs the version its
//! `package-lock.json` pins (`.ci/run` does). Without it the test fails, unless
//! `MENTORBOOK_SKIP_BROWSER=1` is set outside CI, like the other browser tests without Chromium
//! (see [`crate::harness::tool_missing`]).

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Duration;

use serde_json::Value;

use crate::browser::{file_url, require_chromium};
use crate::cdp::Browser;
use crate::harness::{Program, pair_ids, repo_root};

/// axe-core's script; when it is missing, a failure, or `None` and a `skipped:` note when the
/// developer asked for that (see [`crate::harness::tool_missing`]).
pub fn axe_core() -> Option<String> {
    let path: PathBuf = repo_root().join("tests/browser/node_modules/axe-core/axe.min.js");
    match std::fs::read_to_string(&path) {
        Ok(script) => Some(script),
        Err(e) => {
            crate::harness::tool_missing(
                &format!("axe-core is missing ({}: {e})", path.display()),
                "npm ci --prefix tests/browser --no-audit --no-fund",
            );
            None
        }
    }
}

/// Runs axe-core on the page open in `b`; returns its violations as `(impact, rule, help, where)`.
pub fn violations(b: &mut Browser, axe: &str) -> Vec<(String, String, String, String)> {
    if b.eval("typeof window.axe") != "object" {
        b.eval(axe);
    }
    let found = b.eval(
        "axe.run(document, { resultTypes: ['violations'] }).then(r => r.violations.map(v => \
         [v.impact || 'unknown', v.id, v.help, v.nodes.slice(0, 4).map(n => n.target.join(' ')).join(', ')]))",
    );
    found
        .as_array()
        .expect("axe's violations")
        .iter()
        .map(|v| {
            let s = |i: usize| v[i].as_str().unwrap_or_default().to_owned();
            (s(0), s(1), s(2), s(3))
        })
        .collect()
}

/// The serious and critical violations axe-core finds on the page open in `b`, each a line that
/// starts with `place`.
pub fn serious_violations(b: &mut Browser, axe: &str, place: &str) -> Vec<String> {
    violations(b, axe)
        .into_iter()
        .filter(|(impact, ..)| impact == "serious" || impact == "critical")
        .map(|(impact, rule, help, at)| format!("{place}: {impact} {rule}: {help} at {at}"))
        .collect()
}

#[test]
fn every_page_kind_passes_axe_core_in_light_and_dark() {
    let Some(bin) = require_chromium() else {
        return;
    };
    let Some(axe) = axe_core() else {
        return;
    };
    let program = Program::bundled();
    program.build().success();
    let pair = pair_ids(program.root()).into_iter().next().expect("a pair");
    let chapter = crate::harness::chapter_ids(program.root())
        .into_iter()
        .next()
        .expect("a chapter");
    let mut pages: Vec<(String, String)> = [
        ("home", "index.html".to_owned()),
        ("guide", "guide/index.html".to_owned()),
        ("chapter", format!("guide/{chapter}/index.html")),
        ("phases", "phases/index.html".to_owned()),
        ("phase", "phases/negotiation/index.html".to_owned()),
        ("pairs", "pairs/index.html".to_owned()),
        ("mentors", "mentors/index.html".to_owned()),
        ("pair", format!("pairs/{pair}/index.html")),
        ("workbook", format!("pairs/{pair}/workbook/index.html")),
        ("blank workbook", "workbook/index.html".to_owned()),
        ("handbook for print", "print/index.html".to_owned()),
        ("not found", "404.html".to_owned()),
    ]
    .into_iter()
    .map(|(k, p)| (k.to_owned(), p))
    .collect();
    for phase in crate::harness::PHASES {
        pages.push((
            format!("pair {phase}"),
            format!("pairs/{pair}/{phase}/index.html"),
        ));
    }

    let mut b = Browser::launch(&bin);
    let mut serious = Vec::new();
    let mut table: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
    for scheme in ["light", "dark"] {
        b.color_scheme(scheme);
        for (kind, page) in &pages {
            b.navigate(&file_url(&program.path("book").join(page)));
            let mut runs = vec![(kind.clone(), violations(&mut b, &axe))];
            if kind == "home" {
                // The search box with its results open: the combobox, listbox and options.
                b.press("/");
                b.type_text("goals");
                b.wait_for(
                    "document.querySelectorAll('[role=option]').length > 0",
                    Duration::from_secs(10),
                );
                b.press("ArrowDown");
                runs.push(("search results".to_owned(), violations(&mut b, &axe)));
            }
            for (kind, found) in runs {
                let counts = table.entry(format!("{kind} ({scheme})")).or_default();
                for (impact, rule, help, target) in found {
                    *counts.entry(impact.clone()).or_default() += 1;
                    let line = format!("{kind} ({scheme}): {impact} {rule}: {help} at {target}");
                    if impact == "serious" || impact == "critical" {
                        serious.push(line);
                    } else {
                        eprintln!("axe-core note: {line}");
                    }
                }
            }
        }
    }
    for (page, counts) in &table {
        let counts: Vec<String> = counts.iter().map(|(i, n)| format!("{n} {i}")).collect();
        eprintln!(
            "axe-core: {page}: {}",
            if counts.is_empty() {
                "no violation".to_owned()
            } else {
                counts.join(", ")
            }
        );
    }
    assert!(
        serious.is_empty(),
        "serious or critical accessibility violations:\n{}",
        serious.join("\n")
    );
}

#[test]
fn the_keyboard_reaches_the_skip_link_search_toggle_and_sidebar() {
    let Some(bin) = require_chromium() else {
        return;
    };
    let program = Program::bundled();
    program.build().success();
    let mut b = Browser::launch(&bin);
    b.navigate(&file_url(
        &program.path("book/phases/negotiation/index.html"),
    ));
    b.wait_for(
        "!document.querySelector('[data-theme-toggle]').hidden",
        Duration::from_secs(10),
    );
    let focused = |b: &mut Browser| -> Value {
        b.eval("(e => e.id || e.className || e.textContent.trim())(document.activeElement)")
    };
    // Tab order: the skip link, the title, the search box, the toggle, then the sidebar.
    b.press("Tab");
    assert_eq!(focused(&mut b), "skip-link");
    assert_eq!(
        b.eval("getComputedStyle(document.activeElement).left.startsWith('-')"),
        false,
        "the focused skip link is off screen"
    );
    b.press("Tab");
    assert_eq!(focused(&mut b), "brand");
    b.press("Tab");
    assert_eq!(focused(&mut b), "search-input");
    b.press("Tab");
    assert_eq!(focused(&mut b), "theme-toggle");
    b.press("Tab");
    assert_eq!(focused(&mut b), "Home");
    assert_ne!(
        b.eval("getComputedStyle(document.activeElement).outlineStyle"),
        "none",
        "no visible focus on the sidebar"
    );

    // The toggle switches to dark and is remembered on the next page.
    assert_eq!(b.eval("document.documentElement.dataset.theme || ''"), "");
    b.eval("document.querySelector('[data-theme-toggle]').focus()");
    b.press("Enter");
    assert_eq!(b.eval("document.documentElement.dataset.theme"), "dark");
    assert_eq!(
        b.eval("document.querySelector('[data-theme-toggle]').getAttribute('aria-pressed')"),
        "true"
    );
    b.navigate(&file_url(&program.path("book/index.html")));
    assert_eq!(b.eval("document.documentElement.dataset.theme"), "dark");
    assert_eq!(
        b.eval("getComputedStyle(document.body).backgroundColor"),
        "rgb(20, 24, 31)"
    );

    // The skip link moves focus to the main content.
    b.press("Tab");
    b.press("Enter");
    assert_eq!(b.eval("location.hash"), "#main");

    // A checklist's guidance opens and closes from the keyboard, and Tab goes from one to the next.
    let pair = pair_ids(program.root()).into_iter().next().expect("a pair");
    b.navigate(&file_url(
        &program.path(format!("book/pairs/{pair}/enabling/index.html")),
    ));
    let open = "document.querySelector('.checklist details').open";
    assert_eq!(b.eval(open), false);
    b.eval("document.querySelector('.checklist summary').focus()");
    b.press("Enter");
    assert_eq!(b.eval(open), true);
    b.press("Space");
    assert_eq!(b.eval(open), false);
    b.press("Tab");
    assert_eq!(
        b.eval("document.activeElement === document.querySelectorAll('.checklist summary')[1]"),
        true,
        "Tab does not go to the next checklist item's guidance"
    );
}

#[test]
fn dark_pages_follow_the_system_and_never_reach_paper() {
    let Some(bin) = require_chromium() else {
        return;
    };
    let program = Program::bundled();
    program.build().success();
    let mut b = Browser::launch(&bin);
    let page = file_url(&program.path("book/pairs/index.html"));
    let background = "getComputedStyle(document.body).backgroundColor";
    b.navigate(&page);
    assert_eq!(b.eval(background), "rgb(255, 255, 255)");
    let light = b.screenshot();

    b.color_scheme("dark");
    b.navigate(&page);
    assert_eq!(b.eval(background), "rgb(20, 24, 31)");
    assert_eq!(
        b.eval("document.querySelector('[data-theme-toggle]').getAttribute('aria-pressed')"),
        "true"
    );
    let dark = b.screenshot();
    assert_eq!(&dark[..8], b"\x89PNG\r\n\x1a\n");
    assert_ne!(light, dark, "the dark page looks the same as the light one");

    // Printing, even from a dark screen: light, without the search box and the toggle.
    b.call(
        "Emulation.setEmulatedMedia",
        serde_json::json!({ "media": "print", "features": [{ "name": "prefers-color-scheme", "value": "dark" }] }),
    );
    b.eval("document.documentElement.dataset.theme = 'dark'");
    assert_eq!(b.eval(background), "rgb(255, 255, 255)");
    assert_eq!(
        b.eval("getComputedStyle(document.body).color"),
        "rgb(0, 0, 0)"
    );
    for hidden in ["[data-search]", "[data-theme-toggle]"] {
        assert_eq!(
            b.eval(&format!(
                "document.querySelector('{hidden}').getClientRects().length"
            )),
            0,
            "{hidden} is printed"
        );
    }
}

#[test]
fn every_shipped_language_passes_axe_core() {
    let Some(bin) = require_chromium() else {
        return;
    };
    let Some(axe) = axe_core() else {
        return;
    };
    let program = Program::bundled();
    let pair = pair_ids(program.root()).into_iter().next().expect("a pair");
    let mut b = Browser::launch(&bin);
    let mut serious = Vec::new();
    let mut language = "en".to_owned();
    for (next, _) in mentorbook::render::strings::SHIPPED
        .iter()
        .filter(|(l, _)| *l != "en")
    {
        program.patch(
            "book.toml",
            &format!("language = \"{language}\""),
            &format!("language = \"{next}\""),
        );
        language = (*next).to_owned();
        program.build().success();
        for page in [
            "index.html".to_owned(),
            "pairs/index.html".to_owned(),
            format!("pairs/{pair}/negotiation/index.html"),
            format!("pairs/{pair}/workbook/index.html"),
        ] {
            b.navigate(&file_url(&program.path("book").join(&page)));
            serious.extend(serious_violations(
                &mut b,
                &axe,
                &format!("{language} {page}"),
            ));
        }
    }
    assert!(serious.is_empty(), "{}", serious.join("\n"));
}
