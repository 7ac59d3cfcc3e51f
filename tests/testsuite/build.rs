//! `mentorbook build` and `check` on good programs: every page is written, every link resolves, and
//! two builds of the same program are byte-identical.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::harness::{
    PHASES, Program, broken_links, chapter_ids, entries, pair_ids, read_tree, run_in,
};

/// The pages a program's site must hold, exactly: the home page, the guide and each chapter, the
/// phases and each phase, the pairs and, for each pair, its overview, its four phase pages and its
/// workbook; the blank workbook and the handbook for print.
fn expected_pages(root: &Path) -> BTreeSet<PathBuf> {
    let mut pages: BTreeSet<PathBuf> = [
        "index.html",
        "404.html",
        "guide/index.html",
        "phases/index.html",
        "pairs/index.html",
        "workbook/index.html",
        "print/index.html",
    ]
    .into_iter()
    .map(PathBuf::from)
    .collect();
    for c in chapter_ids(root) {
        pages.insert(format!("guide/{c}/index.html").into());
    }
    for p in PHASES {
        pages.insert(format!("phases/{p}/index.html").into());
    }
    for id in pair_ids(root) {
        pages.insert(format!("pairs/{id}/index.html").into());
        for p in PHASES {
            pages.insert(format!("pairs/{id}/{p}/index.html").into());
        }
        pages.insert(format!("pairs/{id}/workbook/index.html").into());
    }
    // The mentor directory, when a mentor has a profile (the bundled program's do).
    let people = std::fs::read_to_string(root.join("content/people.yaml")).unwrap_or_default();
    if people.contains("    profile:") {
        pages.insert("mentors/index.html".into());
    }
    pages
}

/// The calendar files of a program's site: the program's key dates and one for each pair.
fn expected_calendars(root: &Path) -> BTreeSet<PathBuf> {
    let ids = pair_ids(root);
    let mut files: BTreeSet<PathBuf> = ids
        .iter()
        .map(|id| format!("pairs/{id}/meetings.ics").into())
        .collect();
    if !ids.is_empty() {
        files.insert("calendar.ics".into());
    }
    files
}

/// Checks that `site` holds exactly the pages and calendar files of the program in `root`, the
/// stylesheet and the marker, and that every page is a complete HTML document.
fn assert_complete_site(root: &Path, site: &Path) {
    let files = read_tree(site);
    let calendars = expected_calendars(root);
    for c in &calendars {
        assert!(files.contains_key(c), "{} is missing", c.display());
    }
    let html: BTreeSet<PathBuf> = files
        .keys()
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .cloned()
        .collect();
    let expected = expected_pages(root);
    let missing: Vec<_> = expected.difference(&html).collect();
    let extra: Vec<_> = html.difference(&expected).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "pages missing: {missing:#?}\npages not expected: {extra:#?}"
    );
    assert!(
        files.contains_key(Path::new("static/style.css")),
        "static/style.css is missing"
    );
    assert!(
        !files[Path::new("static/style.css")].is_empty(),
        "static/style.css is empty"
    );
    assert!(
        files.contains_key(Path::new(".mentorbook-output")),
        "the output marker is missing"
    );
    for other in files.keys() {
        let ok = html.contains(other)
            || calendars.contains(other)
            || other.starts_with("static")
            || other == Path::new("search-index.js")
            || other.starts_with("search")
            || other == Path::new("pairs/list.js")
            || other == Path::new("mentors/list.js")
            || other == Path::new(".mentorbook-output");
        assert!(ok, "unexpected file in the site: {}", other.display());
    }
    for page in &html {
        let text = String::from_utf8(files[page].clone())
            .unwrap_or_else(|_| panic!("{} is not UTF-8", page.display()));
        assert!(
            text.starts_with("<!DOCTYPE html>"),
            "{} does not start with a doctype",
            page.display()
        );
        assert!(
            text.trim_end().ends_with("</html>"),
            "{} is cut short",
            page.display()
        );
        assert!(
            text.contains("<main id=\"main\">"),
            "{} has no main element",
            page.display()
        );
        assert!(
            !text.contains("{{") && !text.contains("{%"),
            "{} has unrendered template syntax",
            page.display()
        );
    }
}

#[test]
fn bundled_program_checks_without_problems() {
    let program = Program::bundled();
    let run = program.check();
    run.success()
        .stderr_has("no errors: ")
        .stderr_lacks("warning")
        .stderr_lacks("×");
}

#[test]
fn bundled_program_builds_every_page() {
    let program = Program::bundled();
    assert!(
        !pair_ids(program.root()).is_empty(),
        "the bundled program has no pairs"
    );
    assert!(
        !chapter_ids(program.root()).is_empty(),
        "the bundled program has no chapters"
    );
    let run = program.build();
    run.success();
    let pages = expected_pages(program.root()).len() + expected_calendars(program.root()).len();
    let pairs = pair_ids(program.root()).len();
    run.stderr_has(&format!("built {pages} pages for {pairs} pairs into "));
    assert_complete_site(program.root(), &program.path("book"));
}

#[test]
fn bundled_site_has_no_broken_links() {
    let program = Program::bundled();
    program.build().success();
    let broken = broken_links(&program.path("book"));
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

#[test]
fn minimal_program_builds_every_page_with_no_broken_links() {
    let program = Program::fixture("minimal");
    program
        .build()
        .success()
        .stderr_has("built 20 pages for 1 pair into ./book in ")
        .stderr_lacks("warning");
    assert_complete_site(program.root(), &program.path("book"));
    let broken = broken_links(&program.path("book"));
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

#[test]
fn a_link_to_a_chapter_file_becomes_a_link_to_its_page() {
    let program = Program::fixture("minimal");
    program.write(
        "content/guide/second.md",
        "---\ntitle: Second\norder: 2\n---\n\nBack to [the welcome](welcome.md) \
         and [its phases](./welcome.md#the-phases).\n",
    );
    program.build().success();
    let html = program.read("book/guide/second/index.html");
    assert!(
        html.contains(r#"href="../welcome/index.html""#),
        "no link to the welcome page:\n{html}"
    );
    assert!(
        html.contains(r#"href="../welcome/index.html#the-phases""#),
        "no link to the welcome page's heading:\n{html}"
    );
    let broken = broken_links(&program.path("book"));
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

#[test]
fn check_writes_nothing() {
    let program = Program::fixture("minimal");
    let before = read_tree(program.root());
    program
        .check()
        .success()
        .stderr_has("no errors: 2 people, 1 pair, 1 guide chapter");
    assert_eq!(
        read_tree(program.root()),
        before,
        "check changed the program folder"
    );
    assert!(!program.path("book").exists());
}

#[test]
fn builds_are_byte_identical() {
    // Two copies in different temporary folders, built into differently named output folders: the
    // site must not depend on where the program is, on thread timing or on the output folder's name.
    let first = Program::bundled();
    let second = Program::bundled();
    first.build().success();
    second.build_into("elsewhere").success();
    let a = first.files("book");
    let b = second.files("elsewhere");
    assert_eq!(
        a.keys().collect::<Vec<_>>(),
        b.keys().collect::<Vec<_>>(),
        "the two builds wrote different files"
    );
    let differing: Vec<_> = a
        .iter()
        .filter(|(path, bytes)| b[*path] != **bytes)
        .map(|(path, _)| path.display().to_string())
        .collect();
    assert!(
        differing.is_empty(),
        "files differ between two builds: {differing:#?}"
    );
    // And a rebuild in place gives the same bytes again.
    first.build().success();
    assert_eq!(first.files("book"), a, "a rebuild changed the site");
}

#[test]
fn dest_dir_is_relative_to_the_program_folder() {
    let program = Program::fixture("minimal");
    // Run from the folder above the program, naming the program folder.
    let run = run_in(program.tmp(), &["build", "program", "-d", "site"]);
    run.success();
    assert!(program.path("site/index.html").is_file());
    assert!(
        !program.tmp().join("site").exists(),
        "-d was resolved against the working directory"
    );
    assert_eq!(entries(program.tmp()), ["program"]);
}

#[test]
fn dest_dir_comes_from_book_toml() {
    let program = Program::fixture("minimal");
    program.patch("book.toml", "dest-dir = \"book\"", "dest-dir = \"public\"");
    program.build().success().stderr_has("into ./public in ");
    assert!(program.path("public/index.html").is_file());
    assert!(!program.path("book").exists());
}

#[test]
fn warnings_do_not_stop_the_build() {
    let program = Program::fixture("minimal");
    program.write("content/pairs/notes.txt", "not a pair");
    // Ben is a mentee, not a mentor: a warning, not an error.
    program.patch(
        "content/pairs/ana-lopez-ben-okafor.yaml",
        "mentor: ana-lopez\nmentee: ben-okafor",
        "mentor: ben-okafor\nmentee: ana-lopez",
    );
    let run = program.build();
    run.success()
        .stderr_has("content/pairs/notes.txt: this entry is ignored")
        .stderr_has("`ben-okafor` is not listed as a mentor")
        .stderr_has("content/pairs/ana-lopez-ben-okafor.yaml:1:9")
        .stderr_has("0 errors, 3 warnings");
    assert!(
        program
            .path("book/pairs/ana-lopez-ben-okafor/index.html")
            .is_file()
    );
    // Built again without a change, the program is not read again, but its warnings are shown.
    let again = program.build();
    again
        .success()
        .stderr_has("nothing changed since the last build")
        .stderr_has("`ben-okafor` is not listed as a mentor")
        .stderr_has("0 errors, 3 warnings");
    assert_eq!(again.stderr.lines().count(), run.stderr.lines().count());
}

#[test]
fn current_phase_is_derived_from_the_checklist() {
    // The minimal pair has done all of initiation and one item of negotiation.
    let program = Program::fixture("minimal");
    program.build().success();
    let negotiation = program.read("book/phases/negotiation/index.html");
    let initiation = program.read("book/phases/initiation/index.html");
    let link = "pairs/ana-lopez-ben-okafor/";
    assert!(
        negotiation.contains(link),
        "the pair is not listed on the negotiation page"
    );
    assert!(
        !initiation.contains(link),
        "the pair is listed on the initiation page"
    );
    // A `phase:` in the pair file wins over the checklist.
    program.patch(
        "content/pairs/ana-lopez-ben-okafor.yaml",
        "start: 2025-01-05\n",
        "start: 2025-01-05\nphase: enabling\n",
    );
    program.build().success();
    let enabling = program.read("book/phases/enabling/index.html");
    let negotiation = program.read("book/phases/negotiation/index.html");
    assert!(enabling.contains(link), "`phase: enabling` was ignored");
    assert!(!negotiation.contains(link));
}

#[test]
fn people_can_live_in_one_file_each() {
    let program = Program::fixture("minimal");
    program.write(
        "content/people/carol-nguyen.yaml",
        "name: Carol Nguyen\nroles: [coordinator]\ntitle: Programme lead\n",
    );
    program.patch(
        "content/program.yaml",
        "coordinators: [ana-lopez]",
        "coordinators: [ana-lopez, carol-nguyen]",
    );
    program
        .check()
        .success()
        .stderr_has("no errors: 3 people, 1 pair");
    program.build().success();
    assert!(program.read("book/index.html").contains("Carol Nguyen"));
}

#[test]
fn a_custom_theme_overrides_one_template_and_adds_css() {
    let program = Program::fixture("minimal");
    program.patch("book.toml", "theme = \"default\"", "theme = \"house\"");
    program.write(
        "themes/house/templates/404.html",
        "{% extends \"base.html\" %}{% block content %}<h1>HOUSE-404-PAGE</h1>{% endblock %}",
    );
    program.write(
        "themes/house/static/custom.css",
        "body { color: rebeccapurple; }\n",
    );
    program.build().success();
    assert!(program.read("book/404.html").contains("HOUSE-404-PAGE"));
    assert_eq!(
        program.read("book/static/custom.css"),
        "body { color: rebeccapurple; }\n"
    );
    let home = program.read("book/index.html");
    assert!(
        home.contains(r#"href="static/custom.css""#),
        "custom.css is not linked"
    );
    assert!(
        home.find("static/style.css") < home.find("static/custom.css"),
        "custom.css must load after the theme's CSS"
    );
    assert!(program.path("book/static/style.css").is_file());
}

#[test]
fn usage_errors_exit_with_2() {
    let program = Program::fixture("minimal");
    program
        .run(&["frobnicate"])
        .code(2)
        .stderr_has("unrecognized subcommand");
    program.run(&["build", "--nope"]).code(2);
    program.run(&[]).code(2);
}

#[test]
fn a_folder_that_is_not_a_program_is_a_usage_error() {
    let program = Program::empty();
    for cmd in ["build", "check", "clean"] {
        program
            .run(&[cmd])
            .code(2)
            .stderr_has("this folder is not a mentorbook program");
    }
}

/// Every id named by an `aria-labelledby="x y"` of the page, with the tag that carries it.
fn labelled_by(html: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let pattern = "aria-labelledby=\"";
    let mut from = 0;
    while let Some(i) = html[from..].find(pattern) {
        let at = from + i;
        let value_start = at + pattern.len();
        let value_end = value_start + html[value_start..].find('"').unwrap();
        let tag_start = html[..at].rfind('<').unwrap();
        let tag_end = at + html[at..].find('>').unwrap();
        // A list of ids, each of which must name an element.
        for id in html[value_start..value_end].split_whitespace() {
            out.push((id.to_owned(), html[tag_start..=tag_end].to_owned()));
        }
        from = value_end;
    }
    out
}

/// The pages of the canary's built site as text, by path, after checking that the pages known to
/// carry `aria-labelledby` do: without that, a template that lost every label would pass the checks
/// of the labels below.
fn labelled_site(program: &Program) -> Vec<(std::path::PathBuf, String)> {
    let pages: Vec<_> = program
        .files("book")
        .into_iter()
        .map(|(path, bytes)| (path, String::from_utf8_lossy(&bytes).into_owned()))
        .collect();
    for known in [
        "index.html",
        "phases/negotiation/index.html",
        "pairs/ana-lopez-ben-okafor/index.html",
    ] {
        let (_, html) = pages
            .iter()
            .find(|(path, _)| path == std::path::Path::new(known))
            .unwrap_or_else(|| panic!("no {known} in the site"));
        assert!(
            !labelled_by(html).is_empty(),
            "{known} has no aria-labelledby at all"
        );
    }
    pages
}

#[test]
fn aria_labelledby_points_at_an_existing_id() {
    let program = Program::fixture("canary");
    program.build().success();
    let mut wrong = Vec::new();
    for (path, html) in labelled_site(&program) {
        for (id, tag) in labelled_by(&html) {
            if !html.contains(&format!("id=\"{id}\"")) {
                wrong.push(format!("{}: {tag} names no element", path.display()));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn aria_labelledby_points_at_a_heading_not_at_itself() {
    let program = Program::fixture("canary");
    program.build().success();
    let mut wrong = Vec::new();
    for (path, html) in labelled_site(&program) {
        for (id, tag) in labelled_by(&html) {
            if tag.contains(&format!("id=\"{id}\"")) {
                wrong.push(format!("{}: {tag} is labelled by itself", path.display()));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn response_time_is_shown_as_written() {
    let program = Program::fixture("minimal");
    program.build().success();
    let page = program.read("book/pairs/ana-lopez-ben-okafor/negotiation/index.html");
    assert!(
        page.contains("Within two working days"),
        "the response time is not shown as written"
    );
    assert!(
        !page.to_lowercase().contains("within within"),
        "`within` is doubled"
    );
}

#[test]
fn a_themes_default_folder_overrides_the_built_in_theme() {
    let program = Program::fixture("minimal");
    program.write(
        "themes/default/templates/404.html",
        "{% extends \"base.html\" %}{% block content %}<h1>LOCAL-DEFAULT-404</h1>{% endblock %}",
    );
    program.build().success();
    assert!(program.read("book/404.html").contains("LOCAL-DEFAULT-404"));
    assert!(
        !program
            .read("book/index.html")
            .contains("LOCAL-DEFAULT-404"),
        "the other templates must still come from the built-in theme"
    );
}

/// A person may be called `unset`: the loader once used that id for "no id given". Named as a
/// coordinator, so that a person dropped or renamed would be an unknown reference.
#[test]
fn a_person_whose_id_is_unset_builds() {
    let coordinated_by_unset = |program: &Program| {
        program.patch(
            "content/program.yaml",
            "coordinators: [ana-lopez, carol-nguyen]",
            "coordinators: [ana-lopez, carol-nguyen, unset]",
        );
    };
    let program = Program::fixture("canary");
    coordinated_by_unset(&program);
    program.patch(
        "content/people.yaml",
        "people:\n",
        "people:\n  - id: unset\n    name: Una PUBLIC-NAME-UNSET\n    roles: [coordinator]\n",
    );
    program.build().success();
    assert!(
        program
            .read("book/index.html")
            .contains("<strong>Una PUBLIC-NAME-UNSET</strong>")
    );

    let program = Program::fixture("canary");
    coordinated_by_unset(&program);
    program.write(
        "content/people/unset.yaml",
        "name: Una PUBLIC-NAME-UNSET\nroles: [coordinator]\n",
    );
    program.build().success();
    assert!(
        program
            .read("book/index.html")
            .contains("<strong>Una PUBLIC-NAME-UNSET</strong>")
    );
}

#[test]
fn a_person_without_an_id_in_people_yaml_is_an_error() {
    let program = Program::fixture("canary");
    program.patch(
        "content/people.yaml",
        "people:\n",
        "people:\n  - name: Una Nobody\n    roles: [coordinator]\n",
    );
    program
        .build()
        .code(1)
        .stderr_has("the person `Una Nobody` has no `id:`")
        .stderr_has("add `id: una-nobody`");
}

/// The names that stand alone in a cell of docs/themes.md: backticked, outside any parentheses
/// (which describe their fields), without a dot.
fn top_level_names(cell: &str) -> Vec<String> {
    let mut depth = 0usize;
    let mut flat = String::new();
    for c in cell.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => flat.push(c),
            _ => {}
        }
    }
    flat.split('`')
        .skip(1)
        .step_by(2)
        .filter(|n| !n.contains('.') && n.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
        .map(str::to_owned)
        .collect()
}

/// Every variable docs/themes.md names for a template (the table "more variables", and what every
/// page has) is defined when the template is rendered.
#[test]
fn the_variables_docs_themes_md_names_are_defined() {
    let doc = std::fs::read_to_string(crate::harness::repo_root().join("docs/themes.md")).unwrap();
    let every_page = ["root", "site", "nav", "page"];
    for name in every_page {
        assert!(
            doc.contains(&format!("- `{name}`: ")),
            "{name} is not documented"
        );
    }
    // The page of the canary's site that each template renders (the dashboard is the coordinators').
    let pages = [
        ("index.html", "book/index.html"),
        ("guide.html", "book/guide/index.html"),
        ("chapter.html", "book/guide/welcome/index.html"),
        ("phases.html", "book/phases/index.html"),
        ("phase.html", "book/phases/negotiation/index.html"),
        ("pairs.html", "book/pairs/index.html"),
        ("pair.html", "book/pairs/ana-lopez-ben-okafor/index.html"),
        (
            "pair-negotiation.html",
            "book/pairs/ana-lopez-ben-okafor/negotiation/index.html",
        ),
        (
            "workbook.html",
            "book/pairs/ana-lopez-ben-okafor/workbook/index.html",
        ),
        ("print.html", "book/print/index.html"),
        (
            "dashboard.html",
            "book-private/coordinators/dashboard/index.html",
        ),
    ];
    let program = Program::fixture("canary");
    let mut checked = Vec::new();
    let mut checks_of = std::collections::BTreeMap::new();
    let table = doc
        .lines()
        .skip_while(|l| !l.starts_with("| template | more variables |"))
        .skip(2)
        .take_while(|l| l.starts_with("| "));
    for row in table {
        let cells: Vec<&str> = row.split('|').map(str::trim).collect();
        let (template, names) = (cells[1], cells[2]);
        let template = match template {
            "pair phase pages" => "pair-negotiation.html",
            t => t.trim_matches('`'),
        };
        let Some((_, page)) = pages.iter().find(|(t, _)| *t == template) else {
            continue;
        };
        let mut names = top_level_names(names);
        names.extend(every_page.map(str::to_owned));
        let body: String = names
            .iter()
            .map(|n| format!("{{% if {n} is defined %}}{{% else %}}UNDEFINED-{n} {{% endif %}}"))
            .collect();
        program.write(format!("themes/default/templates/{template}"), body);
        checks_of.insert(*page, names);
        checked.push(template);
    }
    assert_eq!(checked.len(), pages.len(), "rows found: {checked:?}");
    program.build().success();
    program
        .run(&["build", "--audience", "coordinators"])
        .success();
    let mut undefined = Vec::new();
    for (page, names) in checks_of {
        let html = program.read(page);
        undefined.extend(
            html.split_whitespace()
                .filter_map(|w| w.strip_prefix("UNDEFINED-"))
                .map(|n| format!("{page}: {n}")),
        );
        assert!(!names.is_empty());
    }
    assert!(
        undefined.is_empty(),
        "documented but not defined:\n{}",
        undefined.join("\n")
    );
}

/// The paths of source files that the docs and the templates point readers to exist.
#[test]
fn source_files_named_in_the_docs_and_templates_exist() {
    let root = crate::harness::repo_root();
    let mut texts = vec![root.join("README.md")];
    for dir in ["docs", "themes/default/templates", "themes/default/static"] {
        texts.extend(
            crate::harness::entries(&root.join(dir))
                .into_iter()
                .map(|n| root.join(dir).join(n))
                .filter(|p| p.is_file()),
        );
    }
    let mut missing = Vec::new();
    let mut named = 0;
    for file in texts {
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        for (i, _) in text.match_indices("src/") {
            if i > 0 && text[..i].ends_with(|c: char| c.is_alphanumeric() || c == '/' || c == '.') {
                continue;
            }
            let path: String = text[i..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '_' | '.' | '-'))
                .collect();
            let path = path.trim_end_matches('.');
            if !path.ends_with(".rs") {
                continue;
            }
            named += 1;
            if !root.join(path).is_file() {
                missing.push(format!("{}: {path}", file.display()));
            }
        }
    }
    assert!(named > 0, "no source path found in the docs");
    assert!(missing.is_empty(), "no such file:\n{}", missing.join("\n"));
}
