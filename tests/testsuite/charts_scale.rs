//! The home page's charts and figures at any size: programs of 10, 1,000 and 10,000 pairs with
//! meetings over three years, their home pages read in a real Chromium at a desktop's width. Every
//! text of every chart lies inside its chart and overlaps no other text; the checklist chart has a
//! bar a pair for a small program and a bar a band of completion for a large one; the meetings chart
//! has a column a month, whatever the number of pairs; and every figure of "At a glance" fits its
//! card.

use std::time::Duration;

use crate::browser::{file_url, require_chromium};
use crate::cdp::Browser;
use crate::harness::Program;

/// A program of `n` pairs of the dashboard fixture's kind: one mentor for five mentees, starts
/// spread over 150 days, a third with an initiation checklist done, and meetings spread over three
/// years (one to three a pair), so the meetings chart has many months and large counts.
fn program_of(n: usize) -> Program {
    let program = Program::fixture("dashboard");
    let mut people = program.read("content/people.yaml");
    for i in 0..n {
        if i % 5 == 0 {
            people.push_str(&format!(
                "  - id: m-{i:05}\n    name: Mentor {i:05}\n    roles: [mentor]\n"
            ));
        }
        people.push_str(&format!(
            "  - id: e-{i:05}\n    name: Mentee {i:05}\n    roles: [mentee]\n"
        ));
        let start = jiff::civil::date(2023, 1, 1) + jiff::Span::new().days((i % 150) as i64);
        let progress = if i % 3 == 0 {
            "progress:\n  initiation:\n    self-reflection: 2023-06-01\n    first-meeting: 2023-06-02\n    get-acquainted: 2023-06-03\n"
        } else {
            ""
        };
        let meetings: String = (0..=(i % 3))
            .map(|k| {
                let day = start + jiff::Span::new().days(((i * 37 + k * 300) % 1000) as i64);
                format!("  - date: {day}\n")
            })
            .collect();
        program.write(
            format!("content/pairs/m-{:05}-e-{i:05}.yaml", i - i % 5),
            format!(
                "mentor: m-{:05}\nmentee: e-{i:05}\nstart: {start}\nend: 2026-06-30\n{progress}meetings:\n{meetings}",
                i - i % 5
            ),
        );
    }
    program.write("content/people.yaml", people);
    program
}

/// Run in the home page: for each chart, its id, its number of bars and columns, and what is wrong
/// with its text (outside the chart, or overlapping another text); then the figures of "At a
/// glance" wider than their card.
const READ: &str = r#"(() => {
  const out = { charts: {}, cards: [] };
  const overlap = (a, b) =>
    Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 &&
    Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;
  for (const svg of document.querySelectorAll('svg.chart')) {
    const box = svg.getBoundingClientRect();
    const texts = [...svg.querySelectorAll('text')]
      .filter(t => t.textContent.trim() && t.getClientRects().length)
      .map(t => ({ t: t.textContent.trim(), r: t.getBoundingClientRect() }));
    const wrong = [];
    for (const a of texts) {
      if (a.r.left < box.left - 0.5 || a.r.right > box.right + 0.5 ||
          a.r.top < box.top - 0.5 || a.r.bottom > box.bottom + 0.5)
        wrong.push(`"${a.t}" outside the chart`);
    }
    for (let i = 0; i < texts.length; i++)
      for (let j = i + 1; j < texts.length; j++)
        if (overlap(texts[i].r, texts[j].r)) wrong.push(`"${texts[i].t}" overlaps "${texts[j].t}"`);
    out.charts[svg.id] = {
      bars: svg.querySelectorAll('.bar, rect.bar, g.bar').length,
      texts: texts.length,
      wrong,
    };
  }
  for (const dd of document.querySelectorAll('.stats dd')) {
    const card = dd.parentElement.getBoundingClientRect();
    const r = dd.getBoundingClientRect();
    const range = document.createRange();
    range.selectNodeContents(dd.firstChild);
    const text = range.getBoundingClientRect();
    if (text.right > card.right + 0.5) out.cards.push(`${dd.textContent.trim()}: ${Math.round(text.right - card.right)} px past its card`);
    void r;
  }
  return out;
})()"#;

#[test]
fn the_home_pages_charts_stay_legible_at_10_and_1000_pairs() {
    read_charts_at(&[10, 1_000]);
}

/// 10,000 pairs build 70,000 pages: about a minute in a debug build on two cores, so not on every
/// `cargo test`; `.ci/run` runs it (`cargo test --test testsuite -- --ignored charts_scale`).
#[test]
#[ignore = "builds 10,000 pairs (a minute or more in a debug build); .ci/run runs it with --ignored"]
fn the_home_pages_charts_stay_legible_at_10000_pairs() {
    read_charts_at(&[10_000]);
}

/// Builds a program of each size in `sizes` and reads its home page's charts and figures.
fn read_charts_at(sizes: &[usize]) {
    let Some(bin) = require_chromium() else {
        return;
    };
    let mut b = Browser::launch(&bin);
    b.viewport(1280, 1000);
    let mut problems = Vec::new();
    for &n in sizes {
        let program = program_of(n);
        // 10,000 pairs take more than the usual 30 s in a debug build.
        program.run_long(&["build"], &[]).success();
        let home = program.path("book").join("index.html");
        let html = std::fs::read_to_string(&home).unwrap();
        b.navigate(&file_url(&home));
        b.wait_for(
            "document.querySelectorAll('svg.chart').length >= 4",
            Duration::from_secs(10),
        );
        let read = b.eval(READ);
        for (id, chart) in read["charts"].as_object().expect("charts") {
            for w in chart["wrong"].as_array().unwrap() {
                problems.push(format!("{n} pairs, {id}: {}", w.as_str().unwrap()));
            }
            assert!(
                chart["texts"].as_u64().unwrap() > 0,
                "{n} pairs: {id} has no text"
            );
        }
        for card in read["cards"].as_array().unwrap() {
            problems.push(format!(
                "{n} pairs, at a glance: {}",
                card.as_str().unwrap()
            ));
        }
        // The fixture's own three public pairs are counted too.
        let pairs = n + 3;
        let completion = &html[html
            .find("id=\"chart-completion\"")
            .expect("the checklist chart")..];
        let completion = &completion[..completion.find("</svg>").unwrap()];
        if pairs <= 24 {
            assert!(
                completion.contains("Mentee 00000"),
                "{n} pairs: a bar a pair, named for the pair:\n{completion}"
            );
        } else {
            assert!(
                completion.contains("100%") && !completion.contains("Mentee 00000"),
                "{n} pairs: a bar a band of completion, none a pair:\n{completion}"
            );
            let of = format!(" of {pairs}</text>");
            assert_eq!(
                completion.matches(&of).count(),
                5,
                "{n} pairs: five bands, each counted out of every pair ({of}):\n{completion}"
            );
        }
        let meetings = &html[html
            .find("id=\"chart-meetings\"")
            .expect("the meetings chart")..];
        let meetings = &meetings[..meetings.find("</svg>").unwrap()];
        let columns = meetings.matches("<rect").count();
        assert!(
            (1..=130).contains(&columns),
            "{n} pairs: {columns} shapes in the meetings chart, a column a month at most"
        );
    }
    assert!(
        problems.is_empty(),
        "charts that do not read well:\n{}",
        problems.join("\n")
    );
}
