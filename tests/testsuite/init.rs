//! `mentorbook init`: a new program that builds, and never a file overwritten.

use crate::harness::{Program, entries, read_tree, run_as_of, run_in};

#[test]
fn init_into_an_empty_folder_makes_a_program_that_builds() {
    let program = Program::empty();
    program
        .run(&["init"])
        .success()
        .stderr_has("created a mentorbook program in .")
        .stderr_lacks("kept ");
    for file in [
        "book.toml",
        ".gitignore",
        "content/program.yaml",
        "content/people.yaml",
        "content/pairs/sam-rivera-jo-chen.yaml",
        "content/phases/initiation.yaml",
        "content/phases/negotiation.yaml",
        "content/phases/enabling.yaml",
        "content/phases/closure.yaml",
    ] {
        assert!(program.path(file).is_file(), "init did not write {file}");
    }
    assert!(
        !entries(&program.path("content/guide")).is_empty(),
        "init wrote no guide chapter"
    );
    // A fresh program has no problem at all, not even a warning.
    program
        .check()
        .success()
        .stderr_has("no errors: ")
        .stderr_lacks("warning");
    program.build().success();
    for page in [
        "index.html",
        "404.html",
        "guide/index.html",
        "guide/what-is-mentoring/index.html",
        "phases/enabling/index.html",
        "pairs/index.html",
        "static/style.css",
    ] {
        assert!(
            program.path("book").join(page).is_file(),
            "{page} is missing"
        );
    }
    // `init` writes `[public] pairs = "names"`: the public site names the sample pair, and has no
    // page of it; the coordinators' edition has them all.
    assert!(
        program
            .read("book/pairs/index.html")
            .contains("Sam Rivera <span class=\"amp\">&amp;</span> Jo Chen")
    );
    assert!(!program.path("book/pairs/sam-rivera-jo-chen").exists());
    program
        .run(&["build", "--audience", "coordinators"])
        .success();
    for page in [
        "pairs/sam-rivera-jo-chen/index.html",
        "pairs/sam-rivera-jo-chen/initiation/index.html",
        "pairs/sam-rivera-jo-chen/closure/index.html",
    ] {
        assert!(
            program
                .path("book-private/coordinators")
                .join(page)
                .is_file(),
            "{page} is missing"
        );
    }
    // The .gitignore keeps the built site out of git.
    assert!(
        program
            .read(".gitignore")
            .lines()
            .any(|l| l.trim() == "/book")
    );
}

/// The sample pair's dates follow the day `init` runs (`MENTORBOOK_TODAY` here), so a new program
/// checks without a warning whatever the day: nothing overdue, no meeting outside the pair's
/// dates, no deadline after its end, its record in step with its checklist.
#[test]
fn a_new_program_has_no_warning_whatever_the_day() {
    for today in ["2025-06-01", "2026-12-06", "2028-02-29", "2031-12-31"] {
        let program = Program::empty();
        run_as_of(program.root(), &["init"], today).success();
        let sample = program.read("content/pairs/sam-rivera-jo-chen.yaml");
        let run = run_as_of(program.root(), &["check"], today);
        run.success()
            .stderr_has("no errors: 3 people, 1 pair")
            .stderr_lacks("warning");
        // Seven weeks into the pair's year, whatever the day.
        let start = sample
            .lines()
            .find_map(|l| l.strip_prefix("start: "))
            .expect("the sample has a start");
        let start = mentorbook::model::Date::parse(start).unwrap();
        let today = mentorbook::model::Date::parse(today).unwrap();
        assert_eq!((today.0 - start.0).get_days(), 48, "{sample}");
    }
}

#[test]
fn init_creates_a_missing_folder() {
    let program = Program::empty();
    run_in(program.root(), &["init", "new/handbook"]).success();
    assert!(program.path("new/handbook/book.toml").is_file());
    run_in(program.root(), &["build", "new/handbook"]).success();
    assert!(program.path("new/handbook/book/index.html").is_file());
}

#[test]
fn init_refuses_a_folder_that_is_not_empty() {
    let program = Program::empty();
    program.write("notes.md", "my notes\n");
    program
        .run(&["init"])
        .code(2)
        .stderr_has("is not empty")
        .stderr_has("--force");
    assert_eq!(entries(program.root()), ["notes.md"], "init wrote files");
    assert_eq!(program.read("notes.md"), "my notes\n");
}

#[test]
fn init_force_adds_missing_files_and_keeps_the_others() {
    let program = Program::empty();
    let book = "[book]\ntitle = \"Mine\"\n";
    let people = "people:\n  - id: me\n    name: Me\n    roles: [mentor]\n";
    program.write("book.toml", book);
    program.write("content/people.yaml", people);
    program.write("notes.md", "my notes\n");
    let run = program.run(&["init", "--force"]);
    run.success()
        .stderr_has("kept book.toml (it already exists)")
        .stderr_has("kept content/people.yaml (it already exists)");
    assert_eq!(program.read("book.toml"), book);
    assert_eq!(program.read("content/people.yaml"), people);
    assert_eq!(program.read("notes.md"), "my notes\n");
    assert!(program.path("content/program.yaml").is_file());
    assert!(program.path("content/phases/closure.yaml").is_file());
    assert!(
        program
            .path("content/pairs/sam-rivera-jo-chen.yaml")
            .is_file()
    );

    // A second --force keeps every file byte for byte.
    let before = read_tree(program.root());
    program.run(&["init", "--force"]).success();
    assert_eq!(
        read_tree(program.root()),
        before,
        "a second init changed files"
    );
}

#[test]
fn init_writes_the_same_guidelines_as_the_bundled_program() {
    let program = Program::empty();
    program.run(&["init"]).success();
    let bundled = crate::harness::repo_root().join("content");
    for dir in ["phases", "guide"] {
        let ours = read_tree(&program.path("content").join(dir));
        let theirs = read_tree(&bundled.join(dir));
        assert_eq!(
            ours.keys().collect::<Vec<_>>(),
            theirs.keys().collect::<Vec<_>>(),
            "content/{dir} differs from the bundled program's"
        );
        assert!(
            ours == theirs,
            "content/{dir} differs from the bundled program's"
        );
    }
}
