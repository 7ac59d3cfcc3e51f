//! Audience-scoped builds: the coordinators' and a pair's private editions hold what they may see
//! and nothing more; the public site holds none of it. Also: XSS payloads never run in a real
//! browser, ids and links cannot reach outside the folders, symlinks are refused.

use std::path::Path;

use crate::browser::{file_url, headless, require_chromium};
use crate::harness::{Program, read_tree};
use crate::privacy::EXPECTED;

const PAIR: &str = "content/pairs/ana-lopez-ben-okafor.yaml";
const CAROL: [&str; 3] = [
    "canary-email-carol-7f3a@example.org",
    "CANARY-PHONE-CAROL-7f3a",
    "CANARY-CONTACT-NOTES-CAROL-7f3a",
];

/// All the text of a built folder, to search for markers.
fn all_text(program: &Program, dir: &str) -> String {
    read_tree(&program.path(dir))
        .values()
        .map(|b| String::from_utf8_lossy(b).into_owned())
        .collect::<Vec<_>>()
        .join("\n")
}

fn html_pages(program: &Program, dir: &str) -> Vec<(std::path::PathBuf, String)> {
    read_tree(&program.path(dir))
        .into_iter()
        .filter(|(p, _)| p.extension().is_some_and(|e| e == "html"))
        .map(|(p, b)| (p, String::from_utf8(b).expect("UTF-8")))
        .collect()
}

#[test]
fn the_coordinators_edition_holds_every_private_field_and_says_so() {
    let program = Program::fixture("canary");
    program
        .run(&["build", "--audience", "coordinators"])
        .success()
        .stderr_has("book-private/coordinators")
        .stderr_has("do not publish");
    // Built again with nothing changed, it still says so.
    program
        .run(&["build", "--audience", "coordinators"])
        .success()
        .stderr_has("nothing changed since the last build")
        .stderr_has("do not publish");
    assert!(
        !program.path("book").exists(),
        "a private edition must not touch the public folder"
    );
    let text = all_text(&program, "book-private/coordinators");
    let missing: Vec<&&str> = EXPECTED.iter().filter(|c| !text.contains(**c)).collect();
    assert!(
        missing.is_empty(),
        "the coordinators' edition lacks {missing:?}"
    );
    for (path, html) in html_pages(&program, "book-private/coordinators") {
        assert!(
            html.contains("<meta name=\"robots\" content=\"noindex, nofollow\">"),
            "{} is indexable",
            path.display()
        );
        assert!(
            html.contains("Private edition for coordinators"),
            "{} has no banner",
            path.display()
        );
    }
    assert_eq!(
        program.read("book-private/coordinators/robots.txt"),
        "User-agent: *\nDisallow: /\n"
    );
}

#[test]
fn a_pairs_edition_holds_that_pairs_private_fields_only() {
    let program = Program::fixture("canary");
    program
        .run(&["build", "--audience", "pair:ana-lopez-ben-okafor"])
        .success();
    let text = all_text(&program, "book-private/pair-ana-lopez-ben-okafor");
    for canary in EXPECTED.iter().filter(|c| !CAROL.contains(c)) {
        assert!(text.contains(canary), "the pair's edition lacks {canary}");
    }
    for canary in CAROL {
        assert!(
            !text.contains(canary),
            "the pair's edition shows a coordinator's contact: {canary}"
        );
    }
    assert!(text.contains("Private edition for pair:ana-lopez-ben-okafor"));
}

#[test]
fn the_public_site_has_no_banner_no_robots_and_no_private_field() {
    let program = Program::fixture("canary");
    program.build().success();
    assert!(!program.path("book/robots.txt").exists());
    let text = all_text(&program, "book");
    assert!(!text.contains("Private edition"));
    assert!(
        !text.to_lowercase().contains("7f3a"),
        "a canary reached the public site"
    );
    for (path, html) in html_pages(&program, "book") {
        if path != Path::new("404.html") {
            assert!(html.contains("http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'self';"), "{}: no CSP", path.display());
        }
    }
}

#[test]
fn visibility_hides_whole_pairs_meetings_and_goals() {
    let program = Program::fixture("minimal");
    program
        .patch(PAIR, "start: 2025-01-05\n", "start: 2025-01-05\nvisibility: pair\n")
        .patch(PAIR, "  - date: 2025-02-12\n", "  - date: 2025-02-12\n    visibility: coordinators\n    title: COORDINATORS-ONLY-MEETING\n");
    program.build().success();
    assert!(
        !program.path("book/pairs/ana-lopez-ben-okafor").exists(),
        "a pair-only pair has public pages"
    );
    assert!(
        !all_text(&program, "book").contains("Ben Okafor"),
        "a pair-only pair is named on the public site"
    );
    program
        .run(&["build", "--audience", "pair:ana-lopez-ben-okafor"])
        .success();
    let pair_edition = all_text(&program, "book-private/pair-ana-lopez-ben-okafor");
    assert!(pair_edition.contains("Lead routine soft-tissue surgeries"));
    assert!(
        !pair_edition.contains("COORDINATORS-ONLY-MEETING"),
        "a coordinators-only meeting reached the pair"
    );
    program
        .run(&["build", "--audience", "coordinators"])
        .success();
    assert!(all_text(&program, "book-private/coordinators").contains("COORDINATORS-ONLY-MEETING"));

    let program = Program::fixture("minimal");
    program.patch(
        PAIR,
        "  - id: consult-timing\n",
        "  - id: consult-timing\n    visibility: pair\n",
    );
    program.build().success();
    assert!(
        !all_text(&program, "book").contains("Keep consultations on time"),
        "a pair-only goal is public"
    );
}

#[test]
fn private_editions_never_go_to_the_public_folder() {
    let program = Program::fixture("minimal");
    program
        .run(&["build", "--audience", "coordinators", "-d", "book"])
        .code(2)
        .stderr_has("refusing to write the coordinators edition to ./book: it is the public site's folder");
    program
        .run(&["build", "--audience", "pair:nobody-else"])
        .code(2)
        .stderr_has("there is no pair `nobody-else`");
    program.run(&["build", "--audience", "pair:../x"]).code(2);
    program
        .run(&["build", "--audience", "everyone"])
        .code(2)
        .stderr_has("not an audience");
    assert!(!program.path("book").exists() && !program.path("book-private").exists());
    program
        .run(&["build", "--audience", "coordinators"])
        .success();
    program
        .run(&["clean", "--audience", "coordinators"])
        .success();
    assert!(!program.path("book-private/coordinators").exists());
}

#[test]
fn a_template_that_prints_a_private_field_fails_the_public_build() {
    let program = Program::fixture("minimal");
    program.patch("book.toml", "theme = \"default\"", "theme = \"careless\"");
    program.write(
        "themes/careless/templates/pair-enabling.html",
        "{% extends \"pair-phase.html\" %}{% block phase_data %}\n{{ record.concerns.html | safe }}{% endblock %}\n",
    );
    program
        .build()
        .code(1)
        .stderr_has("themes/careless/templates/pair-enabling.html:2:")
        .stderr_has("`concerns` is private")
        .stderr_has("is defined");
    assert!(!program.path("book").exists());
    program
        .run(&["build", "--audience", "coordinators"])
        .success();
}

#[test]
fn xss_payloads_never_run_in_a_browser() {
    let program = Program::fixture("minimal");
    let pwn = "document.body.setAttribute('data-pwned','1')";
    program
        .patch("content/people.yaml", "name: Ben Okafor", &format!("name: \"Ben <img src=x onerror=\\\"{pwn}\\\">\""))
        .patch(PAIR, "title: Lead routine soft-tissue surgeries", &format!("title: \"<script>{pwn}</script></textarea>\""))
        .patch(PAIR, "    notes: Ben nearly left practice in his first month.", &format!("    notes: |\n      <script>{pwn}</script> [click](javascript:{pwn}) <svg onload=\"{pwn}\"></svg>"))
        .patch(PAIR, "vision: |\n", &format!("vision: |\n  <iframe src=\"javascript:{pwn}\"></iframe><a href=\"javascript:{pwn}\">x</a>\n"));
    program.build().success();
    program
        .run(&["build", "--audience", "coordinators"])
        .success();
    for dir in ["book", "book-private/coordinators"] {
        for (path, html) in html_pages(&program, dir) {
            // The theme's own script (the workbook's Print button) is the one a page may load.
            let html = crate::privacy::without_theme_script(&html);
            // Escaped text (`&lt;img ... onerror=...`) is harmless; markup is not.
            for bad in [
                "<script",
                "<img src=x",
                // The theme's charts are SVG; an SVG from the content would carry its handler.
                "<svg onload",
                "<iframe",
                "href=\"javascript:",
                "src=\"javascript:",
            ] {
                assert!(
                    !html.contains(bad),
                    "{dir}/{}: `{bad}` survived",
                    path.display()
                );
            }
        }
    }
    let Some(bin) = require_chromium() else {
        return;
    };
    let profile = program.tmp().join("chromium-xss");
    for page in [
        "book/index.html",
        "book/pairs/ana-lopez-ben-okafor/index.html",
        "book/pairs/ana-lopez-ben-okafor/negotiation/index.html",
        "book-private/coordinators/pairs/ana-lopez-ben-okafor/enabling/index.html",
        "book/pairs/ana-lopez-ben-okafor/workbook/index.html",
        "book-private/coordinators/pairs/ana-lopez-ben-okafor/workbook/index.html",
    ] {
        let out = headless(
            &bin,
            &profile,
            &["--dump-dom".into(), file_url(&program.path(page))],
        );
        let dom = String::from_utf8_lossy(&out.stdout);
        assert!(
            dom.contains("<main"),
            "{page} did not load:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!dom.contains("data-pwned=\"1\""), "a payload ran in {page}");
    }
}

#[test]
fn ids_cannot_name_paths() {
    for (file, from, to, expected) in [
        (
            "content/people.yaml",
            "  - id: ben-okafor",
            "  - id: ../ben",
            "`../ben` is not a valid id",
        ),
        (
            "content/people.yaml",
            "  - id: ben-okafor",
            "  - id: a/b",
            "`a/b` is not a valid id",
        ),
        (
            "content/people.yaml",
            "  - id: ben-okafor",
            "  - id: CON",
            "`CON` is not a valid id",
        ),
        (
            "content/people.yaml",
            "  - id: ben-okafor",
            "  - id: /etc/passwd",
            "is not a valid id",
        ),
        (
            PAIR,
            "  - id: consult-timing",
            "  - id: ..\\\\x",
            "is not a valid id",
        ),
    ] {
        let program = Program::fixture("minimal");
        program.patch(file, from, to);
        program.build().code(1).stderr_has(expected);
        assert!(!program.path("book").exists());
    }
    let program = Program::fixture("minimal");
    program.write("content/pairs/a..b.yaml", "mentor: ana-lopez\n");
    program.write("content/pairs/Ana Ben.yaml", "mentor: ana-lopez\n");
    program
        .check()
        .code(1)
        .stderr_has("content/pairs/a..b.yaml")
        .stderr_has("rename the file to `ana-ben.yaml`");
}

#[cfg(unix)]
#[test]
fn symlinks_out_of_the_program_are_refused() {
    let program = Program::fixture("minimal");
    let outside = program.tmp().join("elsewhere.yaml");
    std::fs::write(
        &outside,
        "mentor: ana-lopez\nmentee: ben-okafor\nstart: 2025-01-05\n",
    )
    .unwrap();
    std::os::unix::fs::symlink(&outside, program.path("content/pairs/linked.yaml")).unwrap();
    program
        .check()
        .code(1)
        .stderr_has("MB0107")
        .stderr_has("content/pairs/linked.yaml")
        .stderr_has("does not follow");

    let program = Program::fixture("minimal");
    let theme = program.path("themes/linked/static");
    std::fs::create_dir_all(&theme).unwrap();
    std::os::unix::fs::symlink("/etc/hostname", theme.join("leak.txt")).unwrap();
    program.patch("book.toml", "theme = \"default\"", "theme = \"linked\"");
    program
        .build()
        .code(1)
        .stderr_has("themes/linked/static/leak.txt")
        .stderr_has("does not follow");
    assert!(!program.path("book").exists());

    let program = Program::fixture("minimal");
    let real = program.tmp().join("real-guide");
    std::fs::rename(program.path("content/guide"), &real).unwrap();
    std::os::unix::fs::symlink(&real, program.path("content/guide")).unwrap();
    program
        .check()
        .code(1)
        .stderr_has("MB0107")
        .stderr_has("content/guide");
}

#[test]
fn raw_html_in_chapters_only_when_book_toml_allows_it() {
    let program = Program::fixture("minimal");
    program.patch(
        "content/guide/welcome.md",
        "Mentoring is a **partnership** built for growth.",
        "<div class=\"callout\" onclick=\"x()\">Mentoring is a partnership.</div>",
    );
    program.build().success();
    let page = program.read("book/guide/welcome/index.html");
    assert!(
        page.contains("Mentoring is a partnership.") && !page.contains("onclick"),
        "raw HTML was not cleaned"
    );
    program.patch("book.toml", "[build]\n", "[build]\nallow-raw-html = true\n");
    program.build().success();
    assert!(
        program
            .read("book/guide/welcome/index.html")
            .contains("<div class=\"callout\" onclick=\"x()\">")
    );
}
