//! The dashboard (home page, and `dashboard/` in the coordinators' edition) and each pair's progress
//! picture, on the `dashboard` fixture, whose numbers are known: four pairs (one hidden from the
//! public site), goals of every status (one hidden), meetings in eight months (one hidden), one pair
//! quiet for 109 days, one ending in 19 days. The charts' numbers are read back from the SVG.

use crate::harness::Program;

/// The `<svg id="id">...</svg>` element of `html`.
fn svg<'a>(html: &'a str, id: &str) -> &'a str {
    let start = html
        .find(&format!(" id=\"{id}\""))
        .and_then(|i| html[..i].rfind("<svg"))
        .unwrap_or_else(|| panic!("no <svg id=\"{id}\"> in the page"));
    let end = start + html[start..].find("</svg>").expect("an unclosed <svg>") + "</svg>".len();
    &html[start..end]
}

/// The value of attribute `name` in each element of `svg` that has `marker` in its start tag.
fn attrs<'a>(svg: &'a str, marker: &str, name: &str) -> Vec<&'a str> {
    svg.split('<')
        .filter(|tag| tag.contains(marker))
        .map(|tag| {
            let key = format!(" {name}=\"");
            let i = tag
                .find(&key)
                .unwrap_or_else(|| panic!("no {name} in <{tag}"));
            let rest = &tag[i + key.len()..];
            &rest[..rest.find('"').unwrap()]
        })
        .collect()
}

/// Each mark's `data-label` and `data-value`, in order.
fn marks(svg: &str) -> Vec<(String, usize)> {
    let labels = attrs(svg, "data-value=", "data-label");
    let values = attrs(svg, "data-value=", "data-value");
    labels
        .into_iter()
        .zip(values)
        .map(|(l, v)| (l.replace("&amp;", "&"), v.parse().unwrap()))
        .collect()
}

fn numbers(svg: &str, marker: &str, name: &str) -> Vec<f64> {
    attrs(svg, marker, name)
        .into_iter()
        .map(|v| v.parse().unwrap())
        .collect()
}

fn built(audience: Option<&str>) -> (Program, String) {
    let program = Program::fixture("dashboard");
    match audience {
        None => {
            program.build().success().stderr_lacks("warning");
            let home = program.read("book/index.html");
            (program, home)
        }
        Some(a) => {
            program.run(&["build", "--audience", a]).success();
            let home = program.read(format!("book-private/{a}/index.html"));
            (program, home)
        }
    }
}

#[test]
fn the_public_dashboard_counts_what_the_public_may_see() {
    let (_program, home) = built(None);
    let phases = svg(&home, "chart-phases");
    assert_eq!(
        marks(phases),
        [
            ("Initiation".into(), 0),
            ("Negotiation".into(), 1),
            ("Enabling".into(), 1),
            ("Closure".into(), 1)
        ]
    );
    // The bars are drawn to scale: the same length for the same count, none for zero.
    let widths = numbers(phases, "class=\"bar-fill\"", "width");
    assert_eq!(widths[0], 0.0);
    assert!(widths[1] > 0.0 && widths[1] == widths[2] && widths[2] == widths[3]);

    let goals = svg(&home, "chart-goals");
    assert_eq!(
        marks(goals),
        [
            ("Not started".into(), 1),
            ("In progress".into(), 1),
            ("Achieved".into(), 3),
            ("Dropped".into(), 1)
        ]
    );
    let widths = numbers(goals, "class=\"bar-fill\"", "width");
    assert!((widths[2] / widths[0] - 3.0).abs() < 0.01, "{widths:?}");

    let completion = svg(&home, "chart-completion");
    assert_eq!(
        marks(completion),
        [
            ("Ana López & Ben Okafor".into(), 4),
            ("Carla Díaz & Dan Evans".into(), 6),
            ("Hana Ito & Ian Jones".into(), 10)
        ]
    );
    assert_eq!(attrs(completion, "data-of=", "data-of"), ["10", "10", "10"]);
    let fill = numbers(completion, "class=\"bar-fill\"", "width");
    let track = numbers(completion, "class=\"bar-track\"", "width");
    assert!((fill[0] / track[0] - 0.4).abs() < 0.01);
    assert!((fill[2] - track[2]).abs() < 0.01);

    // From the first pair's start (January 2024) to today (June 2025); the hidden pair's and the
    // hidden meeting's are not counted.
    let meetings = marks(svg(&home, "chart-meetings"));
    assert_eq!(meetings.len(), 18);
    assert_eq!(meetings[0], ("January 2024".into(), 0));
    assert_eq!(meetings[17], ("June 2025".into(), 0));
    let counted: Vec<_> = meetings.iter().filter(|(_, v)| *v > 0).collect();
    assert_eq!(counted.len(), 7);
    assert!(counted.iter().all(|(_, v)| *v == 1));
    assert_eq!(meetings[16], ("May 2025".into(), 1));
    let heights = numbers(svg(&home, "chart-meetings"), "class=\"bar-fill\"", "height");
    assert_eq!(
        heights[16], 150.0,
        "the busiest month's column is full height"
    );
    assert_eq!(heights[0], 0.0);

    assert!(home.contains("No meeting for more than 30 days"));
    assert!(home.contains(
        "Ana López &amp; Ben Okafor</a> <span class=\"meta\">last met <time datetime=\"2025-02-12\">12 February 2025</time>, 109 days ago"
    ));
    assert!(home.contains(
        "Carla Díaz &amp; Dan Evans</a> <span class=\"meta\">ends <time datetime=\"2025-06-20\">20 June 2025</time>, in 19 days"
    ));
    // The closed pair is neither quiet nor ending; the hidden pair is nowhere.
    assert!(!home.contains("Hana Ito &amp; Ian Jones</a> <span class=\"meta\">"));
    assert!(!home.contains("Eve Fox") && !home.contains("Gus Hill"));
    assert!(!home.contains("Apply for the hidden post"));
    assert!(!home.contains("dashboard/index.html"));
    assert!(home.contains("href=\"calendar.ics\""));
}

#[test]
fn dashboard_svg_snapshots() {
    let (_program, home) = built(None);
    for id in [
        "chart-phases",
        "chart-goals",
        "chart-completion",
        "chart-meetings",
    ] {
        insta::assert_snapshot!(format!("dashboard_{id}"), svg(&home, id));
    }
}

#[test]
fn the_coordinators_dashboard_counts_everything_and_has_its_own_page() {
    let (program, home) = built(Some("coordinators"));
    assert_eq!(
        marks(svg(&home, "chart-phases"))
            .iter()
            .map(|m| m.1)
            .collect::<Vec<_>>(),
        [1, 1, 1, 1]
    );
    assert_eq!(
        marks(svg(&home, "chart-goals"))
            .iter()
            .map(|m| m.1)
            .collect::<Vec<_>>(),
        [2, 2, 3, 1]
    );
    let meetings = marks(svg(&home, "chart-meetings"));
    assert_eq!(meetings[16], ("May 2025".into(), 2));
    assert!(home.contains(
        "Eve Fox &amp; Gus Hill</a> <span class=\"meta\">no meeting yet, 31 days since the start"
    ));
    assert!(home.contains("href=\"dashboard/index.html\""));
    let page = program.read("book-private/coordinators/dashboard/index.html");
    assert!(page.contains("<h1>Dashboard</h1>"));
    assert_eq!(marks(svg(&page, "chart-completion")).len(), 4);
    assert!(page.contains("href=\"../pairs/eve-fox-gus-hill/meetings.ics\""));
    // Neither the public site nor a pair's edition has the page.
    assert!(!program.path("book/dashboard").exists());
    program
        .run(&["build", "--audience", "pair:eve-fox-gus-hill"])
        .success();
    assert!(
        !program
            .path("book-private/pair-eve-fox-gus-hill/dashboard")
            .exists()
    );
}

#[test]
fn quiet_after_days_comes_from_book_toml() {
    let program = Program::fixture("dashboard");
    program.write(
        "book.toml",
        program.read("book.toml") + "\n[dashboard]\nquiet-after-days = 120\n",
    );
    program.build().success();
    let home = program.read("book/index.html");
    assert!(home.contains("No meeting for more than 120 days"));
    assert!(home.contains("Every pair under way has met in the last 120 days."));
}

#[test]
fn a_bad_quiet_after_days_is_an_error_that_says_where_and_how_to_fix_it() {
    let program = Program::fixture("dashboard");
    let toml = program.read("book.toml");
    program.write(
        "book.toml",
        format!("{toml}\n[dashboard]\nquiet-after-days = 0\n"),
    );
    let line = toml.lines().count() + 3;
    program
        .build()
        .code(1)
        .stderr_has("`quiet-after-days = 0` is out of range")
        .stderr_has(&format!("book.toml:{line}:20"))
        .stderr_has("write a number of days from 1 to 365");
    program.write(
        "book.toml",
        format!("{toml}\n[dashboard]\nquiet-after-days = \"a month\"\n"),
    );
    program
        .build()
        .code(1)
        .stderr_has(&format!("book.toml:{line}:"))
        .stderr_has("expected a whole number here, not the text `a month`")
        .stderr_lacks("invalid type");
    program.write(
        "book.toml",
        format!("{toml}\n[dashboard]\nquiet-days = 30\n"),
    );
    program
        .build()
        .code(1)
        .stderr_has("did you mean `quiet-after-days`?");
}

#[test]
fn a_pairs_page_shows_where_it_stands_and_its_milestones_over_time() {
    let program = Program::fixture("dashboard");
    program.build().success();
    let page = program.read("book/pairs/ana-lopez-ben-okafor/index.html");
    let track = svg(&page, "picture-track");
    assert_eq!(
        attrs(track, "data-state=", "data-state"),
        ["done", "current", "upcoming", "upcoming"]
    );
    assert_eq!(
        marks(track).iter().map(|m| m.1).collect::<Vec<_>>(),
        [3, 1, 0, 0]
    );
    assert!(track.contains(">Now</text>"));
    let timeline = svg(&page, "picture-goals");
    assert_eq!(
        attrs(timeline, "class=\"goal-row", "data-goal"),
        ["lead-surgery", "consult-timing"]
    );
    assert_eq!(
        attrs(timeline, "class=\"milestone ", "class"),
        ["milestone is-done", "milestone is-open"]
    );
    assert_eq!(
        attrs(timeline, "class=\"milestone ", "data-date"),
        ["2025-03-20", "2025-09-30"]
    );
    assert_eq!(
        attrs(timeline, "class=\"deadline\"", "data-date"),
        ["2025-09-30", "2025-08-31"]
    );
    assert_eq!(
        attrs(timeline, "class=\"today\"", "data-date"),
        ["2025-06-01"]
    );
    // Markers sit in date order along the line.
    let x = numbers(timeline, "circle cx=", "cx");
    assert!(x[0] < x[1]);
    assert!(page.contains("href=\"../../pairs/ana-lopez-ben-okafor/meetings.ics\""));
    // A hidden goal is not on the public time line.
    let carla = program.read("book/pairs/carla-diaz-dan-evans/index.html");
    assert_eq!(
        attrs(
            svg(&carla, "picture-goals"),
            "class=\"goal-row",
            "data-goal"
        ),
        ["night-shifts", "dental-list", "teach-students"]
    );
    insta::assert_snapshot!("pair_picture_track", track);
    insta::assert_snapshot!("pair_picture_goals", timeline);
}
