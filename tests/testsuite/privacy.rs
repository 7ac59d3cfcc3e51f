//! Private fields never reach the site, and raw HTML in the content cannot run in it.
//!
//! The `canary` fixture puts a unique string (`CANARY-...-7f3a`, or `canary-...-7f3a` in e-mail
//! addresses) in every private field, and a `PUBLIC-...` marker in public fields. The canaries are
//! read from the fixture's files, so a canary added there is checked here without editing this file.

use std::collections::BTreeSet;

use crate::harness::{Program, fixture_dir, read_tree};

/// Every canary in the fixture `name`: the words that contain `-7f3a`.
pub(crate) fn canaries(name: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for bytes in read_tree(&fixture_dir(name)).values() {
        let text = String::from_utf8_lossy(bytes);
        for word in text.split(|c: char| !(c.is_ascii_alphanumeric() || "-@.".contains(c))) {
            if word.contains("-7f3a") {
                out.insert(word.trim_matches(|c| c == '-' || c == '.').to_owned());
            }
        }
    }
    out
}

/// The private fields the fixture must cover, each by the canary it holds.
pub const EXPECTED: &[&str] = &[
    "CANARY-MENTEE-REFLECTION-7f3a",
    "CANARY-MENTOR-REFLECTION-7f3a",
    "CANARY-FIRST-MEETING-NOTES-7f3a",
    "CANARY-MEETING-NOTES-1-7f3a",
    "CANARY-MEETING-NOTES-2-7f3a",
    "CANARY-EVALUATION-NOTES-1-7f3a",
    "CANARY-EVALUATION-NOTES-2-7f3a",
    "CANARY-FEEDBACK-GOING-WELL-7f3a",
    "CANARY-FEEDBACK-TO-CHANGE-7f3a",
    "CANARY-FEEDBACK-GOAL-7f3a",
    "CANARY-FEEDBACK-RELATIONSHIP-7f3a",
    "CANARY-FEEDBACK-MENTOR-7f3a",
    "CANARY-CLOSURE-REFLECTION-7f3a",
    "CANARY-CONCERNS-7f3a",
    "canary-email-ana-7f3a@example.org",
    "CANARY-PHONE-ANA-7f3a",
    "CANARY-CONTACT-NOTES-ANA-7f3a",
    "canary-email-ben-7f3a@example.org",
    "CANARY-PHONE-BEN-7f3a",
    "CANARY-CONTACT-NOTES-BEN-7f3a",
    "canary-email-carol-7f3a@example.org",
    "CANARY-PHONE-CAROL-7f3a",
    "CANARY-CONTACT-NOTES-CAROL-7f3a",
];

/// Public values of the fixture that the site must show, so the test cannot pass by publishing
/// nothing.
const PUBLIC: &[&str] = &[
    "PUBLIC-NAME-ANA",
    "PUBLIC-NAME-BEN",
    "PUBLIC-NAME-CAROL",
    "PUBLIC-RELATIONSHIP-TYPE",
    "PUBLIC-FIRST-MEETING-PLACE",
    "PUBLIC-VISION",
    "PUBLIC-GOAL-TITLE",
    "PUBLIC-GOAL-SPECIFIC",
    "PUBLIC-MILESTONE",
    "PUBLIC-AGREEMENT-EXPECTATIONS",
    "PUBLIC-MEETING-TITLE",
    "PUBLIC-AGENDA-ITEM",
    "PUBLIC-FOLLOW-UP",
    "PUBLIC-EVALUATION-SUMMARY",
    "PUBLIC-CLOSURE-SUMMARY",
    "PUBLIC-NEXT-STEPS",
    "PUBLIC-PROGRESS-COMMENT",
    // The mentor directory: a public tag, a location made public, the program's requests.
    "PUBLIC-TAG-SURGERY",
    "PUBLIC-LOCATION-CAROL",
    "PUBLIC-REQUESTS",
];

/// The profile fields the fixture makes private, by default (goals, location) or by `visibility`
/// (an interest for the coordinators only, an area of expertise for Carol's pairs), and a tag
/// that only they name. They are not in [`EXPECTED`]: a pair's edition shows only its two people's,
/// and the workbooks none. The time zone, private by default, cannot hold a canary: it is checked
/// as a zone name, `Pacific/Chatham`, which nothing else in the fixture names.
pub const PROFILE: &[&str] = &[
    "CANARY-PROFILE-GOALS-ANA-7f3a",
    "CANARY-PROFILE-LOCATION-ANA-7f3a",
    "CANARY-PROFILE-GOALS-BEN-7f3a",
    "CANARY-PROFILE-LOCATION-BEN-7f3a",
    "CANARY-PROFILE-GOALS-CAROL-7f3a",
    "CANARY-TAG-LABEL-7f3a",
    "canary-tag-7f3a",
];

#[test]
fn the_fixture_has_a_canary_in_every_private_field() {
    let found = canaries("canary");
    let missing: Vec<_> = EXPECTED.iter().filter(|c| !found.contains(**c)).collect();
    assert!(
        missing.is_empty(),
        "canaries missing from tests/fixtures/canary: {missing:?}"
    );
}

#[test]
fn private_fields_never_reach_the_site() {
    let program = Program::fixture("canary");
    let run = program.build();
    run.success();
    no_private_field_in(&program, "book", &run);
}

/// With a base URL and an edit-URL template the site has more: a sitemap, canonical links, share
/// cards and "Edit this page" links. None of them may carry a private field either.
#[test]
fn private_fields_never_reach_the_site_with_a_base_url() {
    let program = Program::fixture("canary");
    program.write(
        "book.toml",
        program.read("book.toml")
            + "\n[site]\nedit-url-template = \"https://git.example.org/o/r/edit/main/{path}\"\n\
               image = \"static/favicon.svg\"\n",
    );
    let run = program.run(&["build", "--base-url", "https://example.org/canary/"]);
    run.success();
    let sitemap = program.read("book/sitemap.xml");
    assert!(
        sitemap.contains("<loc>https://example.org/canary/pairs/"),
        "{sitemap}"
    );
    no_private_field_in(&program, "book", &run);
}

/// Fails when a canary of the fixture, or any trace of one, is in the site built into `dest` or
/// in the build's log, or when a public field is missing from it.
fn no_private_field_in(program: &Program, dest: &str, run: &crate::harness::Run) {
    let site = program.files(dest);
    assert!(
        site.len() > 10,
        "the site is nearly empty: {:?}",
        site.keys()
    );
    let canaries = canaries("canary");
    assert!(canaries.len() >= EXPECTED.len());
    // The coordinators' spreadsheets hold every contact detail: never in the public site.
    let exports: Vec<_> = site
        .keys()
        .filter(|p| p.starts_with("exports") || p.extension().is_some_and(|e| e == "csv"))
        .collect();
    assert!(
        exports.is_empty(),
        "spreadsheets in the public site: {exports:?}"
    );

    let mut leaks = Vec::new();
    for (path, bytes) in &site {
        // All bytes, case-insensitively: a filter could upper- or lower-case a value.
        let text = String::from_utf8_lossy(bytes).to_lowercase();
        for canary in &canaries {
            if text.contains(&canary.to_lowercase()) {
                leaks.push(format!("{canary} in {}", path.display()));
            }
        }
        // Only canaries hold `-7f3a`: any trace of it is a leak, even of a mangled canary.
        if let Some(i) = text.find("-7f3a") {
            let before: String = text[..i]
                .chars()
                .rev()
                .take(60)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            let after: String = text[i..].chars().take(20).collect();
            leaks.push(format!("`...{before}{after}...` in {}", path.display()));
        }
    }
    leaks.sort();
    leaks.dedup();
    assert!(
        leaks.is_empty(),
        "private data published:\n{}",
        leaks.join("\n")
    );
    for canary in &canaries {
        assert!(
            !run.stderr.contains(canary.as_str()) && !run.stdout.contains(canary.as_str()),
            "the build log shows {canary}"
        );
    }

    let all: String = site
        .values()
        .map(|b| String::from_utf8_lossy(b).into_owned())
        .collect();
    let unpublished: Vec<_> = PUBLIC.iter().filter(|p| !all.contains(**p)).collect();
    assert!(
        unpublished.is_empty(),
        "public fields missing from the site: {unpublished:?}"
    );
}

#[test]
fn check_does_not_print_private_fields_of_a_good_program() {
    let run = Program::fixture("canary").check();
    run.success();
    assert!(
        !run.stderr.contains("-7f3a"),
        "check printed private data:\n{}",
        run.stderr
    );
}

#[test]
fn raw_html_in_markdown_is_cleaned() {
    let program = Program::fixture("minimal");
    program.patch(
        "content/pairs/ana-lopez-ben-okafor.yaml",
        "vision: |\n  Ben runs the routine **soft-tissue list** on his own.\n",
        "vision: |\n  SAFE-VISION-TEXT <script>alert('xss-script')</script>\n  \
         <img src=\"x.png\" onerror=\"alert('xss-onerror')\">\n  \
         <a href=\"javascript:alert('xss-js')\">click</a>\n  \
         <style>body { color: xss-style }</style>\n  \
         <iframe src=\"https://evil.example/xss-iframe\"></iframe>\n",
    );
    program.patch(
        "content/guide/welcome.md",
        "Mentoring is a **partnership** built for growth.",
        "SAFE-CHAPTER-TEXT <script>alert('xss-chapter')</script> \
         <b onclick=\"alert('xss-onclick')\">bold</b>",
    );
    program.build().success();
    let site = program.files("book");
    let mut found = Vec::new();
    for (path, bytes) in &site {
        let text = String::from_utf8_lossy(bytes).to_lowercase();
        // Every payload is marked `xss-`: none of it may survive, not even as text.
        if text.contains("xss-") {
            found.push(format!("an `xss-` payload in {}", path.display()));
        }
        if path.extension().is_some_and(|e| e == "html") {
            let text = without_theme_script(&text);
            for bad in [
                "<script",
                "onerror",
                "onclick",
                "javascript:",
                "<iframe",
                "<style",
            ] {
                if text.contains(bad) {
                    found.push(format!("{bad} in {}", path.display()));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "unsafe HTML published:\n{}",
        found.join("\n")
    );
    let negotiation = program.read("book/pairs/ana-lopez-ben-okafor/negotiation/index.html");
    assert!(
        negotiation.contains("SAFE-VISION-TEXT"),
        "the vision is not shown"
    );
    let chapter = program.read("book/guide/welcome/index.html");
    assert!(chapter.contains("SAFE-CHAPTER-TEXT"));
    assert!(chapter.contains("<b>bold</b>"), "harmless HTML was dropped");
}

/// The scripts the default theme loads itself, each exactly as the theme writes it after the
/// `../` that lead to the site's root: the print button, search, and the light/dark toggle.
const THEME_SCRIPTS: &[&str] = &[
    "static/pairs-list.js\" defer></script>",
    "static/print.js\" defer></script>",
    "static/search.js\" defer></script>",
    "static/theme.js\"></script>",
];

/// The one inline script of the default theme: the 404 page's, which finds the site's folder
/// when it is served under a path. Its hash in the page's Content-Security-Policy lets it run.
const FIND_ROOT_SCRIPT: &str = include_str!("../../src/render/find_root.js");

/// `text` without the scripts the default theme loads itself, written exactly as the theme writes
/// them (the inline one as it is, or lower-cased): anything else is content's doing.
pub fn without_theme_script(text: &str) -> String {
    let inline = format!("<script>{FIND_ROOT_SCRIPT}</script>");
    let text = text
        .replace(&inline, "")
        .replace(&inline.to_lowercase(), "");
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(i) = rest.find("<script src=\"") {
        let after = &rest[i + "<script src=\"".len()..];
        // `../` back to the root, or `/` on the 404 page, which is served at any address.
        let ups = match after.strip_prefix('/') {
            Some(_) => 1,
            None => after.len() - after.trim_start_matches("../").len(),
        };
        match THEME_SCRIPTS
            .iter()
            .find_map(|s| after[ups..].strip_prefix(s))
        {
            Some(tail) => {
                out.push_str(&rest[..i]);
                rest = tail;
            }
            None => {
                out.push_str(&rest[..=i]);
                rest = &rest[i + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[test]
fn only_the_theme_script_is_let_through() {
    let page = "<head><script src=\"../../static/print.js\" defer></script><script src=\"../static/theme.js\"></script><script src=\"/static/search.js\" defer></script></head>";
    assert_eq!(without_theme_script(page), "<head></head>");
    let not_found = format!("<head><script>{FIND_ROOT_SCRIPT}</script></head>");
    assert_eq!(without_theme_script(&not_found), "<head></head>");
    let edited = not_found.replace("(function", "alert(1);(function");
    assert!(without_theme_script(&edited).contains("<script>"));
    for other in [
        "<script src=\"../../static/print.js\"></script>",
        "<script src=\"../../static/search.js\"></script>",
        "<script src=\"../../static/theme.js?x\"></script>",
        "<script src=\"//evil.example/static/theme.js\"></script>",
        "<script src=\"https://evil.example/static/print.js\" defer></script>",
        "<script>alert(1)</script>",
    ] {
        assert!(without_theme_script(other).contains("<script"), "{other}");
    }
}

#[test]
fn html_in_plain_text_fields_is_escaped() {
    let program = Program::fixture("minimal");
    program.patch(
        "content/pairs/ana-lopez-ben-okafor.yaml",
        "agenda: [Introductions, What each of us hopes for]",
        "agenda: [\"<script>alert('xss-agenda')</script>\", \"Tom & Jerry <b>\"]",
    );
    program.build().success();
    let enabling = program.read("book/pairs/ana-lopez-ben-okafor/enabling/index.html");
    assert!(
        !without_theme_script(&enabling).contains("<script"),
        "an agenda item ran as HTML"
    );
    assert!(
        enabling.contains("&lt;script&gt;"),
        "the agenda item is not shown escaped"
    );
    assert!(enabling.contains("Tom &amp; Jerry &lt;b&gt;"));
}

#[test]
fn a_theme_that_prints_everything_it_is_given_still_publishes_no_private_field() {
    // Every page template replaced by a dump of its whole context: whatever a theme author writes,
    // the private fields are not among the variables.
    let program = Program::fixture("canary");
    program.patch("book.toml", "theme = \"default\"", "theme = \"leaky\"");
    // Every template of the default theme, so a template added later is covered too.
    for (template, _) in mentorbook::render::theme::DEFAULT_TEMPLATES {
        program.write(
            format!("themes/leaky/templates/{template}"),
            "<!DOCTYPE html>\nCONTEXT[{{ __tera_context | safe }}]\n",
        );
    }
    program.build().success();
    let site = program.files("book");
    let mut leaks = Vec::new();
    let mut dumps = String::new();
    for (path, bytes) in &site {
        let text = String::from_utf8_lossy(bytes);
        if path.extension().is_some_and(|e| e == "html") {
            assert!(
                text.contains("CONTEXT[{"),
                "{} does not dump its context",
                path.display()
            );
            dumps.push_str(&text);
        }
        if text.to_lowercase().contains("-7f3a") {
            leaks.push(path.display().to_string());
        }
    }
    assert!(
        leaks.is_empty(),
        "private data reached the templates of: {leaks:?}"
    );
    for public in PUBLIC {
        assert!(dumps.contains(public), "{public} is not in any context");
    }
}

#[test]
fn private_profile_fields_reach_only_the_editions_that_may_see_them() {
    let found = canaries("canary");
    let missing: Vec<_> = PROFILE.iter().filter(|c| !found.contains(**c)).collect();
    assert!(
        missing.is_empty(),
        "canaries missing from the fixture: {missing:?}"
    );
    let program = Program::fixture("canary");
    program.build().success();
    // Every page and file of the public site: `no_private_field_in` covers the canaries; the time
    // zone and the capacity made private are checked here.
    let public = program.files("book");
    for (path, bytes) in &public {
        let text = String::from_utf8_lossy(bytes);
        assert!(
            !text.contains("Pacific/Chatham") && !text.contains("Chatham"),
            "the time zone in {}",
            path.display()
        );
    }
    let directory = program.read("book/mentors/index.html");
    assert!(
        directory.contains("PUBLIC-LOCATION-CAROL") && directory.contains("PUBLIC-TAG-SURGERY")
    );
    assert!(
        directory.contains("Has room for a mentee"),
        "a private capacity is not counted out"
    );
    assert!(!directory.contains("of 3 places"));
    // The public search index has the directory's public words.
    let index = crate::search::index_text(&program, "book");
    assert!(
        index.contains("PUBLIC-LOCATION-CAROL")
            || index.to_lowercase().contains("public-location-carol")
    );

    // The coordinators' edition shows every private profile field but exclusions and wishes.
    program
        .run(&["build", "--audience", "coordinators"])
        .success();
    let coordinators = program.read("book-private/coordinators/mentors/index.html");
    for canary in [
        "CANARY-PROFILE-GOALS-ANA-7f3a",
        "CANARY-PROFILE-LOCATION-ANA-7f3a",
        "CANARY-PROFILE-GOALS-CAROL-7f3a",
        "CANARY-TAG-LABEL-7f3a",
        "Pacific/Chatham",
    ] {
        assert!(
            coordinators.contains(canary),
            "the coordinators' directory lacks {canary}"
        );
    }
    // A pair's edition: its mentor's private fields, not Carol's (outside the pair).
    program
        .run(&["build", "--audience", "pair:ana-lopez-ben-okafor"])
        .success();
    let pair = program.read("book-private/pair-ana-lopez-ben-okafor/mentors/index.html");
    assert!(pair.contains("CANARY-PROFILE-GOALS-ANA-7f3a") && pair.contains("Pacific/Chatham"));
    assert!(!pair.contains("CAROL-7f3a") && !pair.contains("CANARY-TAG-LABEL-7f3a"));
    let pair_site = all_files_text(&program, "book-private/pair-ana-lopez-ben-okafor");
    assert!(!pair_site.contains("CANARY-PROFILE-GOALS-CAROL-7f3a"));
}

/// Every file of the site in `dest`, as one text.
fn all_files_text(program: &Program, dest: &str) -> String {
    program
        .files(dest)
        .values()
        .map(|b| String::from_utf8_lossy(b).into_owned())
        .collect()
}

#[test]
fn the_search_index_holds_no_private_field() {
    let program = Program::fixture("canary");
    program.build().success();
    // The index stores words as lower-cased terms (`canary`, `concern`, `7f3a`), so look for the
    // canaries' common part on its own: no word of a private field may be a term either.
    let public = crate::search::index_text(&program, "book").to_lowercase();
    assert!(
        !public.contains("7f3a"),
        "a private field reached the public search index"
    );
    let index = crate::search::index_of(&program, "book");
    let text = index.to_string();
    for marker in [
        "PUBLIC-NAME-ANA",
        "PUBLIC-VISION",
        "PUBLIC-GOAL-TITLE",
        "PUBLIC-AGREEMENT-EXPECTATIONS",
        "PUBLIC-MEETING-TITLE",
        "PUBLIC-AGENDA-ITEM",
        "PUBLIC-CLOSURE-SUMMARY",
    ] {
        assert!(text.contains(marker), "{marker} is not in the index");
    }

    // The coordinators' edition indexes what they may see: the same search finds the canaries,
    // so the check above would see a leak.
    program
        .run(&["build", "--audience", "coordinators"])
        .success();
    let private = crate::search::index_text(&program, "book-private/coordinators");
    for canary in ["CANARY-CONCERNS-7f3a", "CANARY-MEETING-NOTES-1-7f3a"] {
        assert!(
            private.contains(canary),
            "{canary} is not in the coordinators' index"
        );
    }
    let index = crate::search::index_of(&program, "book-private/coordinators");
    assert!(index["terms"].as_array().unwrap().contains(&"7f3a".into()));
}
