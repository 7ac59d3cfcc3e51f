//! The list of pairs at size: a page of [`PER_PAGE`] pairs at a time with stable addresses and
//! links between the pages, every pair on exactly one page, a home page and phase pages that count
//! pairs rather than list them all, and sorting and filtering in a real browser from `file://`.

use std::collections::BTreeMap;
use std::time::Duration;

use crate::browser::{file_url, require_chromium};
use crate::cdp::Browser;
use crate::harness::Program;

const PER_PAGE: usize = 100;

/// The dashboard fixture with `n` more pairs, `m-001 & e-001` and on, a mentor for every five
/// pairs; one pair in three has done the initiation checklist (so is in negotiation), and the
/// starts run a day apart from 2025-01-01.
pub fn many_pairs(n: usize) -> Program {
    let program = Program::fixture("dashboard");
    let mut people = program.read("content/people.yaml");
    for i in 0..n {
        if i % 5 == 0 {
            people.push_str(&format!(
                "  - id: m-{i:03}\n    name: Mentor {i:03}\n    roles: [mentor]\n"
            ));
        }
        people.push_str(&format!(
            "  - id: e-{i:03}\n    name: Mentee {i:03}\n    roles: [mentee]\n"
        ));
        let start = jiff::civil::date(2025, 1, 1) + jiff::Span::new().days((i % 150) as i64);
        let progress = if i % 3 == 0 {
            "progress:\n  initiation:\n    self-reflection: 2025-05-01\n    first-meeting: 2025-05-02\n    get-acquainted: 2025-05-03\n"
        } else {
            ""
        };
        program.write(
            format!("content/pairs/m-{:03}-e-{i:03}.yaml", i - i % 5),
            format!(
                "mentor: m-{:03}\nmentee: e-{i:03}\nstart: {start}\n{progress}",
                i - i % 5
            ),
        );
    }
    program.write("content/people.yaml", people);
    program
}

/// The pairs' pages a page of the list links to, by the pair's folder.
pub fn pairs_on(html: &str) -> Vec<String> {
    let table = &html[html
        .find("<table class=\"pairs\"")
        .expect("a table of pairs")..];
    let table = &table[..table.find("</table>").unwrap()];
    table
        .split("<th scope=\"row\"><a href=\"")
        .skip(1)
        .map(|s| s[..s.find('"').unwrap()].to_owned())
        .collect()
}

#[test]
fn two_hundred_and_fifty_pairs_make_three_pages_with_each_pair_on_one() {
    let program = many_pairs(250);
    program.build().success();
    // 250 and the fixture's three public pairs.
    let total = 253;
    let pages = [
        "book/pairs/index.html",
        "book/pairs/page/2/index.html",
        "book/pairs/page/3/index.html",
    ];
    assert!(!program.path("book/pairs/page/4").exists());
    assert!(!program.path("book/pairs/page/1").exists());
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for (i, page) in pages.iter().enumerate() {
        let html = program.read(page);
        let on_page = pairs_on(&html);
        assert_eq!(
            on_page.len(),
            if i < 2 { PER_PAGE } else { total - 200 },
            "{page}"
        );
        for p in on_page {
            *seen.entry(p).or_default() += 1;
        }
        // Every page links to every other (so any pair is three clicks from the home page:
        // the list, its page, the pair), and to the one before and after.
        let root = if i == 0 { "../" } else { "../../../" };
        for (j, _) in pages.iter().enumerate() {
            let url = if j == 0 {
                "pairs/index.html".to_owned()
            } else {
                format!("pairs/page/{}/index.html", j + 1)
            };
            assert!(
                html.contains(&format!("href=\"{root}{url}\"")),
                "{page} lacks {url}"
            );
        }
        assert_eq!(html.contains("rel=\"prev\""), i > 0, "{page}");
        assert_eq!(html.contains("rel=\"next\""), i < 2, "{page}");
        assert!(html.contains(&format!(
            "Pairs {} to {} of {total}",
            i * PER_PAGE + 1,
            ((i + 1) * PER_PAGE).min(total)
        )));
    }
    assert_eq!(seen.len(), total, "every pair is listed");
    assert!(seen.values().all(|n| *n == 1), "a pair is on two pages");
    assert!(
        program
            .read("book/pairs/page/2/index.html")
            .contains("<title>Pairs, page 2 of 3")
    );

    // The home page counts the pairs and links to the list; it lists none.
    let home = program.read("book/index.html");
    assert!(
        home.contains("href=\"pairs/index.html\">All 253 pairs</a>"),
        "{home}"
    );
    assert!(!home.contains("<table class=\"pairs\""));
    // A phase page shows its first hundred pairs and links to the list filtered by the phase.
    let initiation = program.read("book/phases/initiation/index.html");
    assert!(initiation.contains("href=\"../../pairs/index.html?phase=initiation\""));
    let more = initiation.find("… and").map(|i| &initiation[i..i + 20]);
    assert_eq!(
        more,
        Some("… and 66 more: <a "),
        "the 166 without progress in initiation"
    );

    // The data the script sorts and filters by: a row a pair.
    let data = program.read("book/pairs/list.js");
    assert_eq!(data.matches("\n[\"").count(), total);
    assert!(data.contains("\"url\":\"pairs/{id}/index.html\""));
}

#[test]
fn no_html_page_of_a_large_list_is_over_300_kb() {
    let program = many_pairs(600);
    program.build().success();
    let mut largest = (0, String::new());
    for (path, bytes) in program.files("book") {
        let name = path.display().to_string();
        if name.ends_with(".html") && !name.contains("print/") && bytes.len() > largest.0 {
            largest = (bytes.len(), name);
        }
    }
    assert!(largest.0 < 300_000, "{largest:?}");
    assert!(program.path("book/pairs/page/7/index.html").exists());
    // The coordinators' dashboard (which sees the fixture's hidden pair too) points to the list
    // rather than holding every pair.
    program
        .run(&["build", "--audience", "coordinators"])
        .success();
    let dashboard = program.read("book-private/coordinators/dashboard/index.html");
    assert!(dashboard.len() < 300_000, "{}", dashboard.len());
    assert!(
        dashboard.contains("has all 604, a hundred a page"),
        "{dashboard}"
    );
}

#[test]
fn at_names_the_list_pages_names_and_has_no_data_to_sort() {
    let program = many_pairs(150);
    let toml = program
        .read("book.toml")
        .replace("pairs = \"full\"", "pairs = \"names\"");
    program.write("book.toml", toml);
    program.build().success();
    let first = program.read("book/pairs/index.html");
    let second = program.read("book/pairs/page/2/index.html");
    assert!(first.contains("<ul class=\"pair-names\">"));
    assert!(
        second.contains("Mentor 145 <span class=\"amp\">&amp;</span> Mentee 149"),
        "{second}"
    );
    for html in [&first, &second] {
        assert!(!html.contains("pairs-list.js") && !html.contains("pairs-controls"));
        assert!(!html.contains("%</span>"), "no progress at `names`");
    }
    assert!(!program.path("book/pairs/list.js").exists());
}

#[test]
fn sort_and_filter_work_from_disk() {
    let Some(bin) = require_chromium() else {
        return;
    };
    let program = many_pairs(250);
    program.build().success();
    let mut b = Browser::launch(&bin);
    b.navigate(&file_url(&program.path("book/pairs/index.html")));
    b.wait_for(
        "!document.getElementById('pairs-controls').hidden",
        Duration::from_secs(10),
    );
    // Filtering by phase loads the data and lists the matching pairs, a page at a time.
    b.eval("(s => { s.value = 'negotiation'; s.dispatchEvent(new Event('change', {bubbles: true})); })(document.querySelector('[name=phase]'))");
    b.wait_for(
        "!document.getElementById('pairs-found').hidden",
        Duration::from_secs(10),
    );
    let count = b.eval("document.querySelector('[name=count]').value");
    // One in three of the 250 (84) and the fixture's pair in negotiation.
    assert_eq!(count, "85 pairs");
    assert_eq!(
        b.eval("document.querySelectorAll('#pairs-found tbody tr').length"),
        85
    );
    assert_eq!(
        b.eval("document.getElementById('pairs-paged').hidden"),
        true
    );
    let phases = b.eval("[...new Set([...document.querySelectorAll('#pairs-found tbody td:nth-child(2)')].map(td => td.textContent))]");
    assert_eq!(phases, serde_json::json!(["Negotiation"]));
    // A mentor and a status narrow it; sorting by start puts the earliest first.
    b.eval("(f => { f.elements.phase.value = ''; f.elements.mentor.value = 'mentor 005'; f.elements.sort.value = 'start'; f.dispatchEvent(new Event('input', {bubbles: true})); })(document.getElementById('pairs-controls'))");
    b.wait_for(
        "document.querySelector('[name=count]').value === '5 pairs'",
        Duration::from_secs(10),
    );
    let starts = b.eval("[...document.querySelectorAll('#pairs-found tbody td:nth-child(4)')].map(td => td.textContent)");
    let starts: Vec<String> = serde_json::from_value(starts).unwrap();
    let mut sorted = starts.clone();
    sorted.sort();
    assert_eq!(starts, sorted);
    // Sorting by progress puts the furthest on; the links lead to the pairs' pages.
    b.eval("(f => { f.elements.mentor.value = ''; f.elements.sort.value = 'progress'; f.dispatchEvent(new Event('change', {bubbles: true})); })(document.getElementById('pairs-controls'))");
    b.wait_for(
        "document.querySelector('[name=count]').value === '253 pairs'",
        Duration::from_secs(10),
    );
    let first = b.eval("document.querySelector('#pairs-found tbody a').getAttribute('href')");
    assert!(first.as_str().unwrap().starts_with("../pairs/"), "{first}");
    assert_eq!(
        b.eval("document.querySelectorAll('#pairs-found tbody tr').length"),
        100
    );
    assert_eq!(
        b.eval("document.querySelectorAll('#pairs-found .pager button').length"),
        4
    );
    // A phase page's link opens the list filtered by its phase.
    b.navigate(&format!(
        "{}?phase=initiation",
        file_url(&program.path("book/pairs/index.html"))
    ));
    b.wait_for(
        "document.querySelector('[name=count]').value === '166 pairs'",
        Duration::from_secs(10),
    );
    assert_eq!(
        b.eval("document.querySelector('[name=phase]').value"),
        "initiation"
    );
}
