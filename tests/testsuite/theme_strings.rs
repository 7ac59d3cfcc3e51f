//! The words on the pages come from the theme's `strings.toml`: a theme renames a word without
//! touching Rust, keeps the defaults it does not name, and is told where a key it names does not
//! exist.

use crate::harness::Program;

/// The bundled program with its own theme, `riverside`, holding `strings` as its `strings.toml`.
fn with_strings(strings: &str) -> Program {
    let program = Program::bundled();
    program.patch("book.toml", "theme = \"default\"", "theme = \"riverside\"");
    program.write("themes/riverside/strings.toml", strings);
    program
}

const PAIR: &str = "ana-lopez-ben-okafor";

#[test]
fn a_renamed_checklist_reaches_the_pair_pages() {
    let program = with_strings("[pair]\nchecklist = \"To do\"\n");
    program.build().success();
    for phase in ["initiation", "negotiation", "enabling", "closure"] {
        let html = program.read(format!("book/pairs/{PAIR}/{phase}/index.html"));
        assert!(
            html.contains("<h2 id=\"checklist-title\">To do <span"),
            "{phase}: the new word is missing"
        );
        assert!(
            !html.contains(">Checklist <span"),
            "{phase}: the old word is still there"
        );
    }
    let overview = program.read(format!("book/pairs/{PAIR}/index.html"));
    assert!(overview.contains("<th scope=\"col\">To do</th>"));
    assert!(!overview.contains("<th scope=\"col\">Checklist</th>"));
}

#[test]
fn a_partial_override_keeps_the_other_defaults() {
    let program = with_strings("[pair]\nchecklist = \"To do\"\n");
    program.build().success();
    let html = program.read(format!("book/pairs/{PAIR}/negotiation/index.html"));
    assert!(
        html.contains("<h2 id=\"vision-title\">Vision</h2>"),
        "{html}"
    );
    assert!(html.contains("<h2 id=\"agreement-title\">Partnership agreement</h2>"));
    let pairs = program.read("book/pairs/index.html");
    assert!(
        pairs.contains(">Home</a>"),
        "the crumbs keep their default words"
    );
}

/// The texts of the dates written out on `html`: the text of each `<time datetime="...">`.
fn dates(html: &str) -> Vec<&str> {
    html.split("<time datetime=\"")
        .skip(1)
        .filter_map(|t| t.split_once("\">")?.1.split_once("</time>"))
        .map(|(text, _)| text)
        .collect()
}

#[test]
fn dates_are_written_in_the_books_language() {
    let program = Program::bundled();
    program.patch("book.toml", "language = \"en\"", "language = \"es\"");
    program.build().success();
    let html = program.read(format!("book/pairs/{PAIR}/negotiation/index.html"));
    let dates = dates(&html);
    assert!(!dates.is_empty(), "no dates on the page");
    for date in dates {
        assert!(
            date.contains(" de 20"),
            "`{date}` is not written in Spanish"
        );
    }
}

#[test]
fn a_programs_own_language_file_overrides_the_theme() {
    let program = with_strings("[pair]\nchecklist = \"To do\"\n");
    program.write("i18n/en.toml", "[pair]\nchecklist = \"Steps\"\n");
    program.build().success();
    let html = program.read(format!("book/pairs/{PAIR}/negotiation/index.html"));
    assert!(html.contains("<h2 id=\"checklist-title\">Steps <span"));
}

#[test]
fn an_unknown_key_is_located_with_a_suggestion_and_nothing_is_written() {
    let program = with_strings("[pair]\nchecklst = \"To do\"\n");
    program
        .build()
        .code(1)
        .stderr_has("MB0402")
        .stderr_has("themes/riverside/strings.toml:2:1")
        .stderr_has("did you mean `checklist`?");
    assert!(
        !program.path("book").exists(),
        "a failed build wrote the site"
    );
}

#[test]
fn an_unknown_table_is_located_with_a_suggestion() {
    let program = with_strings("# words\n[pairs]\nchecklist = \"To do\"\n");
    program
        .build()
        .code(1)
        .stderr_has("MB0402")
        .stderr_has("themes/riverside/strings.toml:2:2")
        .stderr_has("did you mean `pair`?");
}

#[test]
fn a_pairs_title_comes_from_the_theme_everywhere_it_is_shown() {
    let program = with_strings(
        "[pages]\npair_title = \"{mentee} with {mentor}\"\n\
         pair_phase_title = \"{phase} · {pair}\"\nworkbook_title = \"Notebook of {pair}\"\n",
    );
    program
        .run(&["build", "--audience", "coordinators"])
        .success();
    let title = "Dr. Ben Okafor with Dr. Ana López";
    let book = "book-private/coordinators";
    let overview = program.read(format!("{book}/pairs/{PAIR}/index.html"));
    assert!(
        overview.contains(&format!("<title>{title}")),
        "pair page title"
    );
    let phase = program.read(format!("{book}/pairs/{PAIR}/enabling/index.html"));
    assert!(
        phase.contains(&format!("<title>Enabling · {title}")),
        "phase page title"
    );
    assert!(
        phase.contains(&format!(">{title}</a>")),
        "the crumb that leads back to the pair"
    );
    let workbook = program.read(format!("{book}/pairs/{PAIR}/workbook/index.html"));
    assert!(workbook.contains(&format!("<title>Notebook of {title}")));
    let calendar = program.read(format!("{book}/pairs/{PAIR}/meetings.ics"));
    assert!(calendar.contains(&format!("SUMMARY:{title}: the relationship starts")));
    let index = crate::search::index_text(&program, book);
    assert!(
        index.contains(&format!("\"Enabling · {title}\"")),
        "search result title"
    );
    for old in [&overview, &phase, &workbook, &calendar, &index] {
        assert!(
            !old.contains("Dr. Ana López & Dr. Ben Okafor"),
            "the old title is left"
        );
    }
    let dashboard = program.read(format!("{book}/dashboard/index.html"));
    assert!(!dashboard.contains("Dr. Ana López &amp; Dr. Ben Okafor"));
}
