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

/// The minimal fixture with `n` more mentors with profiles, `Mentor 000` to ..., each with room:
/// expertise `surgery` for every third (the others `teaching`), `video` for the even ones (the
/// others `phone`), French as well as English for every fourth.
fn many_mentors(n: usize) -> Program {
    let p = Program::fixture("minimal");
    p.patch(
        "content/program.yaml",
        "meeting_cadence: monthly",
        "meeting_cadence: monthly\ntags:\n  surgery: Surgery\n  teaching: Teaching",
    );
    for i in 0..n {
        let tag = if i % 3 == 0 { "surgery" } else { "teaching" };
        let mode = if i % 2 == 0 { "video" } else { "phone" };
        let languages = if i % 4 == 0 { "[en, fr]" } else { "[en]" };
        p.write(
            format!("content/people/m-{i:03}.yaml"),
            format!(
                "name: Mentor {i:03}\nroles: [mentor]\ntitle: Vet {i}\nprofile:\n  expertise: [{tag}]\n  \
                 capacity: 2\n  availability:\n    modes: [{mode}]\n    times: [weekends]\n  \
                 languages: {languages}\n  goals: Private goal {i}.\n"
            ),
        );
    }
    p
}

/// The mentors a page of the directory shows, by id.
fn mentors_on(html: &str) -> Vec<String> {
    html.split("<article class=\"mentor\" id=\"")
        .skip(1)
        .map(|s| s[..s.find('"').unwrap()].to_owned())
        .collect()
}

#[test]
fn a_large_directory_is_paged_with_each_mentor_on_one_page() {
    let p = many_mentors(260);
    p.build().success();
    // 260 mentors with room, 50 a page: six pages, the first at mentors/.
    let page = |n: usize| {
        if n == 1 {
            "book/mentors/index.html".to_owned()
        } else {
            format!("book/mentors/page/{n}/index.html")
        }
    };
    assert!(!p.path("book/mentors/page/7").exists());
    assert!(!p.path("book/mentors/page/1").exists());
    let mut seen = Vec::new();
    let mut largest = 0;
    for n in 1..=6 {
        let html = p.read(page(n));
        largest = largest.max(html.len());
        let on = mentors_on(&html);
        assert_eq!(on.len(), if n == 6 { 10 } else { 50 }, "page {n}");
        seen.extend(on);
        // Prev and next, where there is a page before or after.
        let prev = match n {
            1 => None,
            2 => Some("../../../mentors/index.html".to_owned()),
            _ => Some(format!("../../../mentors/page/{}/index.html", n - 1)),
        };
        match prev {
            Some(url) => assert!(
                html.contains(&format!("rel=\"prev\" href=\"{url}\"")),
                "no link to {url} on page {n}"
            ),
            None => assert!(!html.contains("rel=\"prev\""), "page {n}"),
        }
        let root = if n == 1 { "../" } else { "../../../" };
        let next = format!(
            "rel=\"next\" href=\"{root}mentors/page/{}/index.html\"",
            n + 1
        );
        assert_eq!(html.contains(&next), n < 6, "page {n}");
        if n > 1 {
            assert!(html.contains(&format!("<h1>Mentors, page {n} of 6</h1>")));
        }
    }
    // Every mentor on exactly one page, in the order of their names.
    let mut expected: Vec<String> = (0..260).map(|i| format!("m-{i:03}")).collect();
    assert_eq!(seen, expected);
    expected.dedup();
    assert_eq!(expected.len(), 260);
    assert!(largest < 300_000, "the largest page is {largest} bytes");
    // The data the filters read: every mentor with their page, nothing private.
    let data = p.read("book/mentors/list.js");
    assert!(data.contains("[\"m-259\",\"Mentor 259\",6,"), "{data}");
    assert!(data.contains("[\"m-000\",\"Mentor 000\",1,"));
    assert!(!data.contains("Private goal"));
    // The search index links to each mentor on their page.
    let index = crate::search::index_text(&p, "book");
    for n in 2..=6 {
        assert!(
            index.contains(&format!("mentors/page/{n}/index.html")),
            "page {n}"
        );
    }
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
fn filters_work_across_pages_from_disk() {
    let Some(bin) = require_chromium() else {
        return;
    };
    // 120 mentors, three pages: the filters keep those of every page.
    let program = many_mentors(120);
    program.build().success();
    let url = file_url(&program.path("book/mentors/index.html"));
    let mut b = Browser::launch(&bin);
    b.navigate(&url);
    b.wait_for(
        "!document.getElementById('mentors-controls').hidden",
        Duration::from_secs(10),
    );
    let found =
        "[...document.querySelectorAll('#mentors-found article.mentor')].map(a => a.dataset.id)";
    let count = "document.querySelector('[name=count]').value";
    let ready = |b: &mut Browser, n: usize| {
        b.wait_for(
            &format!("document.querySelectorAll('#mentors-found article.mentor').length === {n}"),
            Duration::from_secs(10),
        );
    };
    let set = |b: &mut Browser, name: &str, value: &str| {
        b.eval(&format!(
            "(s => {{ s.value = '{value}'; s.dispatchEvent(new Event('change', {{bubbles: true}})); }})(document.querySelector('[name={name}]'))"
        ));
    };
    // No filter: the page as made, nothing loaded.
    assert_eq!(
        b.eval("document.getElementById('mentors-paged').hidden"),
        false
    );
    assert_eq!(b.eval("typeof window.mentorbookMentors"), "undefined");
    // Every third mentor offers surgery: 40, from all three pages.
    set(&mut b, "tag", "surgery");
    ready(&mut b, 40);
    assert_eq!(b.eval(count), "40 of 120 mentors");
    assert_eq!(
        b.eval("document.getElementById('mentors-paged').hidden"),
        true
    );
    let ids = b.eval(found);
    let ids: Vec<&str> = ids
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    let expected: Vec<String> = (0..120).step_by(3).map(|i| format!("m-{i:03}")).collect();
    assert_eq!(ids, expected);
    // A match links to the mentor's section on their page.
    assert!(
        b.eval("document.querySelector('#mentors-found [data-id=m-117] a').href")
            .as_str()
            .unwrap()
            .ends_with("mentors/page/3/index.html#m-117")
    );
    // Surgery by phone: the odd ones of those.
    set(&mut b, "mode", "phone");
    ready(&mut b, 20);
    assert_eq!(b.eval(count), "20 of 120 mentors");
    // And French: every fourth speaks it, never an odd one.
    set(&mut b, "language", "fr");
    b.wait_for(
        "!document.getElementById('mentors-none').hidden",
        Duration::from_secs(10),
    );
    assert_eq!(b.eval(count), "0 of 120 mentors");
    // No filter again: the page as made.
    for name in ["tag", "mode", "language"] {
        set(&mut b, name, "");
    }
    assert_eq!(
        b.eval("document.getElementById('mentors-paged').hidden"),
        false
    );
    assert_eq!(
        b.eval("document.getElementById('mentors-found').hidden"),
        true
    );
    // A filtered directory can be linked to, from any page; past 50 matches, the matches page.
    let third = file_url(&program.path("book/mentors/page/3/index.html"));
    b.navigate(&format!("{third}?tag=teaching"));
    ready(&mut b, 50);
    assert_eq!(b.eval(count), "80 of 120 mentors");
    assert_eq!(
        b.eval("document.querySelector('[name=tag]').value"),
        "teaching"
    );
    b.eval("[...document.querySelectorAll('#mentors-found nav button')].find(x => x.textContent === '2').click()");
    ready(&mut b, 30);
}
