//! The mentor directory, `mentors/`: who is listed (mentors with room), what each edition shows of
//! them, its page (snapshot), and its filters in a real browser from `file://`. Its privacy with
//! the canary fixture is in `privacy.rs`, with the rest of the site's.

use std::time::Duration;

use crate::browser::{file_url, require_chromium};
use crate::cdp::Browser;
use crate::harness::{Program, main_element};

/// The minimal fixture with tags and `requests`, a profile for its mentor (ana-lopez, whose one
/// pair is under way on the fixture's date) and two more mentors in files of their own.
fn with_directory() -> Program {
    let p = Program::fixture("minimal");
    p.patch(
        "content/program.yaml",
        "meeting_cadence: monthly",
        "meeting_cadence: monthly\ntags:\n  surgery: Surgery\n  teaching: Teaching\n  \
         dentistry: Dentistry\nrequests: |\n  Write to **mentoring@example.org** with the \
         mentor's name.",
    );
    p.patch(
        "content/people.yaml",
        "    title: Senior surgeon",
        "    title: Senior surgeon\n    profile:\n      expertise: [surgery, teaching]\n      \
         goals: Teach the next surgeons.\n      capacity: 2\n      availability:\n        \
         modes: [video, in_person]\n        times: [weekends]\n      languages: [en, es]\n      \
         time_zone: Europe/Madrid\n      location: North clinic\n      visibility:\n        \
         location: public",
    );
    p.write(
        "content/people/dan-reyes.yaml",
        "name: Dan Reyes\nroles: [mentor]\ntitle: Dentist\nprofile:\n  expertise: [dentistry]\n  \
         availability:\n    modes: [phone]\n    times: [weekday_evenings]\n  languages: [en]\n",
    );
    // Full: capacity 1 and a pair under way.
    p.write(
        "content/people/eve-full.yaml",
        "name: Eve Full\nroles: [mentor]\nprofile:\n  expertise: [surgery]\n",
    );
    p.write(
        "content/people/finn-mentee.yaml",
        "name: Finn Mentee\nroles: [mentee]\n",
    );
    p.write(
        "content/pairs/eve-full-finn-mentee.yaml",
        "mentor: eve-full\nmentee: finn-mentee\nstart: 2025-05-01\n",
    );
    p
}

#[test]
fn the_directory_page() {
    let p = with_directory();
    p.build().success();
    insta::assert_snapshot!(
        "mentor_directory",
        main_element(&p.read("book/mentors/index.html"))
    );
}

#[test]
fn only_mentors_with_room_are_listed_and_ended_pairs_free_a_place() {
    let p = with_directory();
    p.build().success();
    let page = p.read("book/mentors/index.html");
    assert!(page.contains("id=\"ana-lopez\""), "{page}");
    assert!(page.contains("1 of 2 places free"));
    assert!(page.contains("id=\"dan-reyes\""));
    assert!(!page.contains("eve-full"), "a full mentor is listed");
    // The mentee and the coordinators are not mentors.
    assert!(!page.contains("finn-mentee") && !page.contains("ben-okafor"));
    // The pair ends: Eve has room again, as of a later build.
    p.patch(
        "content/pairs/eve-full-finn-mentee.yaml",
        "start: 2025-05-01",
        "start: 2025-05-01\nend: 2025-05-20",
    );
    p.build().success();
    assert!(
        p.read("book/mentors/index.html")
            .contains("id=\"eve-full\"")
    );
    // Every page links to the directory; the search index finds it.
    assert!(
        p.read("book/index.html")
            .contains("href=\"mentors/index.html\"")
    );
    let index = crate::search::index_text(&p, "book");
    assert!(
        index.contains("mentors/") && index.contains("Dentistry"),
        "{index}"
    );
}

#[test]
fn a_hidden_pair_takes_its_mentors_room_until_it_ends() {
    let p = with_directory();
    p.patch(
        "content/pairs/eve-full-finn-mentee.yaml",
        "start: 2025-05-01",
        "visibility: coordinators\nstart: 2025-05-01",
    );
    p.build().success();
    assert!(!p.read("book/mentors/index.html").contains("eve-full"));
    // Only the hidden pair's file changes: the next build's directory is a fresh build's.
    p.patch(
        "content/pairs/eve-full-finn-mentee.yaml",
        "start: 2025-05-01",
        "start: 2025-05-01\nend: 2025-05-20",
    );
    p.build().success();
    let page = p.read("book/mentors/index.html");
    assert!(page.contains("id=\"eve-full\""), "{page}");
    let fresh = with_directory();
    fresh.write(
        "content/pairs/eve-full-finn-mentee.yaml",
        p.read("content/pairs/eve-full-finn-mentee.yaml"),
    );
    fresh.build().success();
    assert_eq!(page, fresh.read("book/mentors/index.html"));
}

#[test]
fn private_profile_fields_show_in_the_editions_that_may_see_them() {
    let p = with_directory();
    p.build().success();
    let public = p.read("book/mentors/index.html");
    // Defaults: goals and time zone are private, the location was made public.
    assert!(public.contains("North clinic"));
    for private in ["Teach the next surgeons", "Europe/Madrid"] {
        assert!(!public.contains(private), "{private} is public");
    }
    p.run(&["build", "--audience", "pair:ana-lopez-ben-okafor"])
        .success();
    let pair = p.read("book-private/pair-ana-lopez-ben-okafor/mentors/index.html");
    assert!(pair.contains("Teach the next surgeons") && pair.contains("Europe/Madrid"));
    p.run(&["build", "--audience", "coordinators"]).success();
    let coordinators = p.read("book-private/coordinators/mentors/index.html");
    assert!(coordinators.contains("Teach the next surgeons"));
}

#[test]
fn a_program_without_profiles_has_no_directory() {
    let p = Program::fixture("minimal");
    p.build().success();
    assert!(!p.path("book/mentors").exists());
    assert!(!p.read("book/index.html").contains("mentors/"));
}

#[test]
fn the_directory_words_come_from_the_theme() {
    let p = with_directory();
    p.patch("book.toml", "theme = \"default\"", "theme = \"mine\"");
    p.write(
        "themes/mine/strings.toml",
        "[pages]\nmentors = \"Mentores\"\n[mentors]\nhow_to_ask = \"Cómo pedirlo\"\n\
         [meeting_modes]\nvideo = \"Videollamada\"\n",
    );
    p.build().success();
    let page = p.read("book/mentors/index.html");
    for word in ["<h1>Mentores</h1>", "Cómo pedirlo", "Videollamada"] {
        assert!(page.contains(word), "{word} is not on the page");
    }
    assert!(p.read("book/index.html").contains(">Mentores</a>"));
}

#[test]
fn filters_work_from_disk() {
    let Some(bin) = require_chromium() else {
        return;
    };
    let program = Program::bundled();
    program.build().success();
    let url = file_url(&program.path("book/mentors/index.html"));
    let mut b = Browser::launch(&bin);
    b.navigate(&url);
    b.wait_for(
        "!document.getElementById('mentors-controls').hidden",
        Duration::from_secs(10),
    );
    let shown =
        "[...document.querySelectorAll('article.mentor')].filter(a => !a.hidden).map(a => a.id)";
    let count = "document.querySelector('[name=count]').value";
    // Three of the five mentors have room on the bundled program's date.
    assert_eq!(
        b.eval(shown),
        serde_json::json!(["ana-lopez", "priya-raman", "samuel-adeyemi"])
    );
    assert_eq!(b.eval(count), "3 of 3 mentors");
    let set = |b: &mut Browser, name: &str, value: &str| {
        b.eval(&format!(
            "(s => {{ s.value = '{value}'; s.dispatchEvent(new Event('change', {{bubbles: true}})); }})(document.querySelector('[name={name}]'))"
        ));
    };
    set(&mut b, "mode", "phone");
    assert_eq!(
        b.eval(shown),
        serde_json::json!(["priya-raman", "samuel-adeyemi"])
    );
    assert_eq!(b.eval(count), "2 of 3 mentors");
    set(&mut b, "tag", "nursing");
    assert_eq!(b.eval(shown), serde_json::json!(["samuel-adeyemi"]));
    // Nothing matches: the page says so.
    set(&mut b, "time", "weekends");
    assert_eq!(b.eval(shown), serde_json::json!([]));
    assert_eq!(
        b.eval("document.getElementById('mentors-none').hidden"),
        false
    );
    // A filtered directory can be linked to.
    b.navigate(&format!("{url}?tag=dentistry"));
    b.wait_for(
        "!document.getElementById('mentors-controls').hidden",
        Duration::from_secs(10),
    );
    assert_eq!(b.eval(shown), serde_json::json!(["priya-raman"]));
    assert_eq!(
        b.eval("document.querySelector('[name=tag]').value"),
        "dentistry"
    );
}
