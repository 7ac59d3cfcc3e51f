//! The output folder: written all or nothing, never over files mentorbook did not write, and removed
//! by `clean` only when it is mentorbook's.

use std::fs;

use crate::harness::{Program, entries, run_in};

const PAIR: &str = "content/pairs/ana-lopez-ben-okafor.yaml";

/// Panics when a temporary or old folder of a build is left beside the program's `book/`.
fn assert_no_leftovers(program: &Program) {
    let left: Vec<String> = entries(program.root())
        .into_iter()
        .filter(|n| n.contains("mentorbook-"))
        .collect();
    assert!(left.is_empty(), "left behind: {left:?}");
}

#[test]
fn a_failed_build_leaves_the_previous_site_untouched() {
    let program = Program::fixture("minimal");
    program.build().success();
    let before = program.files("book");
    program.patch(PAIR, "mentee: ben-okafor", "mentee: nobody-at-all");
    program
        .build()
        .code(1)
        .stderr_has("there is no person `nobody-at-all`")
        .stderr_has("the site was not built; the previous output, if any, is unchanged");
    assert_eq!(program.files("book"), before, "the previous site changed");
    assert_no_leftovers(&program);
}

#[test]
fn a_template_error_leaves_the_previous_site_untouched() {
    let program = Program::fixture("minimal");
    program.build().success();
    let before = program.files("book");
    program.patch("book.toml", "theme = \"default\"", "theme = \"broken\"");
    program.write(
        "themes/broken/templates/pair.html",
        "{% extends \"base.html\" %}{% block content %}\n<p>\n{{ pair.no_such_field.deeper }}</p>{% endblock %}",
    );
    program
        .build()
        .code(1)
        .stderr_has("MB0401")
        .stderr_has("themes/broken/templates/pair.html:3:9");
    assert_eq!(program.files("book"), before, "the previous site changed");
    assert_no_leftovers(&program);
}

#[test]
fn a_successful_rebuild_replaces_the_site_and_drops_stale_pages() {
    let program = Program::fixture("minimal");
    program.build().success();
    program.write("book/stray.html", "left over");
    // A second pair, then its removal: its pages must go with it.
    program.write(
        "content/pairs/ana-lopez-ben-okafor-2.yaml",
        "mentor: ana-lopez\nmentee: ben-okafor\nstart: 2026-01-05\n",
    );
    program.build().success();
    assert!(
        program
            .path("book/pairs/ana-lopez-ben-okafor-2/closure/index.html")
            .is_file()
    );
    assert!(!program.path("book/stray.html").exists());
    program.remove("content/pairs/ana-lopez-ben-okafor-2.yaml");
    program.build().success();
    assert!(!program.path("book/pairs/ana-lopez-ben-okafor-2").exists());
    assert!(
        program
            .path("book/pairs/ana-lopez-ben-okafor/index.html")
            .is_file()
    );
    assert_no_leftovers(&program);
}

#[test]
fn a_temporary_folder_left_by_a_crashed_build_is_replaced() {
    let program = Program::fixture("minimal");
    program.write(".book.mentorbook-tmp/.mentorbook-output", "marker");
    program.write(".book.mentorbook-tmp/half-written.html", "<p>half");
    program.build().success();
    assert!(program.path("book/index.html").is_file());
    assert!(!program.path("book/half-written.html").exists());
    assert_no_leftovers(&program);
}

#[test]
fn a_folder_with_the_temporary_name_but_user_files_is_never_deleted() {
    let program = Program::fixture("minimal");
    program.write(".book.mentorbook-tmp/mine.txt", "my notes");
    program
        .build()
        .code(2)
        .stderr_has("refusing to remove or replace");
    assert_eq!(program.read(".book.mentorbook-tmp/mine.txt"), "my notes");
}

#[test]
fn refuses_a_dest_with_files_mentorbook_did_not_write() {
    let program = Program::fixture("minimal");
    program.write("site/notes.txt", "my own notes");
    let run = program.build_into("site");
    run.code(2)
        .stderr_has("refusing to remove or replace ")
        .stderr_has("no .mentorbook-output file in it")
        .stderr_has("help: ");
    assert_eq!(program.read("site/notes.txt"), "my own notes");
    assert_eq!(entries(&program.path("site")), ["notes.txt"]);
    assert_no_leftovers(&program);
}

#[test]
fn an_empty_dest_is_fine() {
    let program = Program::fixture("minimal");
    fs::create_dir(program.path("site")).unwrap();
    program.build_into("site").success();
    assert!(program.path("site/index.html").is_file());
}

#[test]
fn refuses_the_program_folder_as_dest() {
    let program = Program::fixture("minimal");
    let before = program.files(".");
    program
        .build_into(".")
        .code(2)
        .stderr_has("it is the program folder");
    // A folder that contains the program, and a folder that holds another program.
    program
        .build_into("..")
        .code(2)
        .stderr_has("it contains the program folder");
    program.write("other/book.toml", "[book]\ntitle = \"Other\"\n");
    program
        .build_into("other")
        .code(2)
        .stderr_has("it holds a program");
    program.remove("other/book.toml");
    fs::remove_dir(program.path("other")).unwrap();
    assert_eq!(
        program.files("."),
        before,
        "a refused build changed the program folder"
    );
    assert_eq!(entries(program.tmp()), ["program"]);
}

#[test]
fn clean_removes_the_site_and_nothing_else() {
    let program = Program::fixture("minimal");
    program.build().success();
    let content = program.files("content");
    program
        .run(&["clean"])
        .success()
        .stderr_has("removed ./book");
    assert!(!program.path("book").exists());
    assert_eq!(program.files("content"), content);
    assert_eq!(
        entries(program.root()),
        [".gitignore", "book.toml", "content"]
    );
    program
        .run(&["clean"])
        .success()
        .stderr_has("nothing to remove: ./book does not exist");
}

#[test]
fn clean_with_dest_dir_from_elsewhere() {
    let program = Program::fixture("minimal");
    program.build_into("out").success();
    run_in(program.tmp(), &["clean", "program", "-d", "out"]).success();
    assert!(!program.path("out").exists());
}

#[test]
fn clean_refuses_a_folder_without_the_marker() {
    let program = Program::fixture("minimal");
    program.write("book/index.html", "my own page");
    program
        .run(&["clean"])
        .code(2)
        .stderr_has("not made by mentorbook")
        .stderr_has("help: ");
    assert_eq!(program.read("book/index.html"), "my own page");
    program.run(&["clean", "-d", "."]).code(2);
    assert!(program.path("content/program.yaml").is_file());
}

#[test]
fn clean_says_it_refuses_to_remove() {
    let program = Program::fixture("minimal");
    program.write("book/index.html", "my own page");
    program
        .run(&["clean"])
        .code(2)
        .stderr_has("refusing to remove ")
        .stderr_lacks("refusing to replace");
}

/// Each file of the output folder with its modification time.
/// The records of past builds into the program's `book/` in the tests' cache folder.
fn build_records_of(program: &Program) -> Vec<std::path::PathBuf> {
    let builds = crate::harness::tests_cache().join("mentorbook/builds");
    let book = program.path("book");
    let names: Vec<String> = [Some(book.clone()), book.canonicalize().ok()]
        .into_iter()
        .flatten()
        .map(|p| format!("\n{}\n", p.display()))
        .collect();
    fs::read_dir(&builds)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", builds.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| {
            fs::read_to_string(p).is_ok_and(|text| names.iter().any(|n| text.contains(n.as_str())))
        })
        .collect()
}

fn stamps(
    program: &Program,
) -> std::collections::BTreeMap<std::path::PathBuf, std::time::SystemTime> {
    program
        .files("book")
        .into_keys()
        .map(|rel| {
            let t = fs::metadata(program.path("book").join(&rel))
                .unwrap()
                .modified()
                .unwrap();
            (rel, t)
        })
        .collect()
}

#[test]
fn a_rebuild_without_changes_writes_no_file() {
    let program = Program::fixture("minimal");
    program.build().success();
    let before = stamps(&program);
    std::thread::sleep(std::time::Duration::from_millis(20));
    program
        .build()
        .success()
        .stderr_has("nothing changed since the last build: 0 files written, 33 unchanged");
    assert_eq!(stamps(&program), before, "a file was touched");
    assert_no_leftovers(&program);
}

#[test]
fn an_unchanged_program_is_built_again_when_its_output_was_changed() {
    let program = Program::fixture("minimal");
    program.build().success();
    let site = program.files("book");
    // A stray file, a page removed, a page edited by hand: each makes the next build a full one,
    // which puts the site back as it was.
    program.write("book/stray.html", "left over");
    program
        .build()
        .success()
        .stderr_lacks("nothing changed")
        .stderr_has(": 0 files written, 33 unchanged, 1 removed");
    program.remove("book/guide/index.html");
    program
        .build()
        .success()
        .stderr_has(": 1 files written, 32 unchanged");
    std::thread::sleep(std::time::Duration::from_millis(20));
    let page = program.read("book/index.html");
    program.write("book/index.html", page.replacen("<html", "<HTML", 1));
    program
        .build()
        .success()
        .stderr_has(": 1 files written, 32 unchanged");
    assert_eq!(program.files("book"), site);
    program
        .build()
        .success()
        .stderr_has("nothing changed since the last build");
    // Another date can change pages (and warnings): a full build.
    program
        .run_long(
            &["build"],
            &[("MENTORBOOK_TODAY", Some("2031-01-01".as_ref()))],
        )
        .success()
        .stderr_lacks("nothing changed");
}

#[test]
fn a_one_pair_edit_rewrites_only_the_pages_whose_bytes_changed() {
    let program = Program::fixture("minimal");
    program.build().success();
    let before = stamps(&program);
    let old = program.files("book");
    std::thread::sleep(std::time::Duration::from_millis(20));
    program.patch(PAIR, "start: ", "# a comment that changes no page\nstart: ");
    program
        .build()
        .success()
        .stderr_lacks("nothing changed")
        .stderr_has(": 0 files written");
    // Nothing in the output folder changes: the record of what the build read is kept in the
    // cache folder, not in the published site.
    assert_eq!(stamps(&program), before);
    assert_eq!(
        build_records_of(&program).len(),
        1,
        "no record of the build in the cache folder"
    );
    assert!(
        before
            .keys()
            .all(|p| !p.to_string_lossy().contains("inputs")),
        "a record of the inputs in the output folder: {:?}",
        before.keys().collect::<Vec<_>>()
    );

    program.patch(PAIR, "list** on his own", "list** by himself");
    program.build().success();
    let after = stamps(&program);
    let new = program.files("book");
    let touched: Vec<_> = after
        .iter()
        .filter(|(p, t)| before[*p] != **t)
        .map(|(p, _)| p.clone())
        .collect();
    let changed: Vec<_> = new
        .iter()
        .filter(|(p, bytes)| old[*p] != **bytes)
        .map(|(p, _)| p.clone())
        .collect();
    assert!(!changed.is_empty(), "the edit changed no page");
    // The marker records the new hashes, so it changes with any page.
    let pages_touched: Vec<_> = touched
        .iter()
        .filter(|p| !p.ends_with(".mentorbook-output"))
        .cloned()
        .collect();
    let pages_changed: Vec<_> = changed
        .iter()
        .filter(|p| !p.ends_with(".mentorbook-output"))
        .cloned()
        .collect();
    assert_eq!(pages_touched, pages_changed);
    assert!(!pages_touched.iter().any(|p| p.starts_with("static")));
}

#[test]
fn an_output_file_edited_by_hand_is_written_again() {
    let program = Program::fixture("minimal");
    program.build().success();
    let original = program.read("book/index.html");
    std::thread::sleep(std::time::Duration::from_millis(20));
    // Same length, so only its time tells.
    let same_length: String = original.replacen("<html", "<HTML", 1);
    assert_eq!(same_length.len(), original.len());
    program.write("book/index.html", &same_length);
    program.write("book/guide/index.html", "shorter");
    program
        .build()
        .success()
        .stderr_has(": 2 files written, 31 unchanged");
    assert_eq!(program.read("book/index.html"), original);
}

#[test]
fn a_commit_cut_short_leaves_a_marker_that_vouches_for_nothing() {
    let program = Program::fixture("minimal");
    program.build().success();
    let site = program.files("book");
    // A pair edit whose commit stopped after its first step: the marker rewritten without its
    // manifest, one page moved in place, the others not.
    let marker = program.read("book/.mentorbook-output");
    let sentence = marker.lines().next().unwrap();
    program.write("book/.mentorbook-output", format!("{sentence}\n"));
    program.write("book/index.html", "half of a new page");
    // The next build trusts no file: it writes the whole site again, as it should be.
    program
        .build()
        .success()
        .stderr_has(": 33 files written, 0 unchanged");
    assert_eq!(program.files("book"), site);
    assert_no_leftovers(&program);
}

#[test]
fn a_partial_rendering_lists_exactly_the_files_it_leaves_out() {
    use mentorbook::render::{Options, Selection, Theme, render_only};
    let program = Program::bundled();
    let (loaded, _) = mentorbook::load_program(program.root());
    let loaded = loaded.expect("the bundled program builds");
    let mut theme = Theme::load(&loaded.config).expect("the theme loads");
    let options = Options::default();
    let all = render_only(&loaded, &mut theme, &options, &Selection::All).unwrap();
    let one_pair = Selection::Pairs {
        ids: [loaded.pairs[0].id.clone()].into(),
        lists: false,
        rooms: false,
        index: false,
    };
    let some = render_only(&loaded, &mut theme, &options, &one_pair).unwrap();
    let mut made: Vec<_> = some.pages.iter().map(|p| p.path.clone()).collect();
    assert_eq!(
        made.len(),
        7,
        "the pair's six pages and its calendar: {made:?}"
    );
    made.extend(some.kept.iter().cloned());
    made.sort();
    // The search index is kept by its manifest: its pieces go with it.
    let every: Vec<_> = all
        .pages
        .iter()
        .map(|p| p.path.clone())
        .filter(|p| !p.starts_with("search"))
        .collect();
    assert_eq!(made, every);
    assert_eq!(
        some.rendered_pages() + some.kept_pages(),
        all.rendered_pages()
    );
}
