//! An incremental `mentorbook build`: after an edit to pair files alone, a build renders only what
//! those pairs touch (the pairs' pages, the lists and the search index), and after any edit the
//! site is byte for byte the one a fresh full build makes. Whatever the cache holds (damaged, of
//! another version, of another output folder's build), the worst it can cause is a full build.

use std::fs;
use std::path::PathBuf;

use crate::harness::{Program, read_tree, tests_cache};

/// What a build after an edit to pairs says it rendered.
const PARTIAL: &str = "pages that the edited pairs touch";

/// Builds `program` into `book/` (after its last build there), then afresh into `fresh/`, and
/// asserts both sites are the same bytes; returns what the first build printed.
fn build_matches_fresh(program: &Program, what: &str) -> String {
    let run = program.build();
    run.success();
    let fresh = program.path("fresh");
    if fresh.exists() {
        fs::remove_dir_all(&fresh).unwrap();
    }
    program.build_into("fresh").success();
    let (built, full) = (read_tree(&program.path("book")), read_tree(&fresh));
    let differ: Vec<&PathBuf> = built
        .keys()
        .chain(full.keys())
        .filter(|p| built.get(*p) != full.get(*p))
        .collect();
    assert!(
        differ.is_empty(),
        "after {what}, the build differs from a full build in {} files, such as {:?}\n{}",
        differ.len(),
        &differ[..differ.len().min(5)],
        run.stderr
    );
    run.stderr.clone()
}

const PAIR: &str = "content/pairs/ana-lopez-ben-okafor.yaml";

#[test]
fn after_each_edit_the_site_is_what_a_full_build_makes() {
    let program = Program::bundled();
    let first = build_matches_fresh(&program, "the first build");
    assert!(!first.contains(PARTIAL), "{first}");

    // An edit to a pair's text: only what the pair touches is rendered.
    program.patch(
        PAIR,
        "Ben becomes a confident",
        "Ben becomes a calm, confident",
    );
    let stderr = build_matches_fresh(&program, "an edit to a pair");
    assert!(stderr.contains(PARTIAL), "{stderr}");

    // Two pairs at once, one of them in what the lists show (its phase).
    program.patch(PAIR, "phase: closure\n", "phase: enabling\n");
    program.patch(
        "content/pairs/ingrid-solberg-leo-park.yaml",
        "mentee: leo-park\n",
        "mentee: leo-park\n# a comment changes the file, not the site\n",
    );
    let stderr = build_matches_fresh(&program, "an edit to two pairs");
    assert!(stderr.contains(PARTIAL), "{stderr}");

    // A pair hidden from the public site removes its pages: a full build.
    program.patch(
        PAIR,
        "mentee: ben-okafor\n",
        "mentee: ben-okafor\nvisibility: coordinators\n",
    );
    let stderr = build_matches_fresh(&program, "a pair hidden");
    assert!(!stderr.contains(PARTIAL), "{stderr}");
    assert!(!program.path("book/pairs/ana-lopez-ben-okafor").exists());
    program.patch(
        PAIR,
        "mentee: ben-okafor\nvisibility: coordinators\n",
        "mentee: ben-okafor\n",
    );
    let stderr = build_matches_fresh(&program, "a pair shown again");
    assert!(!stderr.contains(PARTIAL), "{stderr}");

    // Anything but an edit to existing pair files: a full build, with the same site.
    let text = program.read("content/people.yaml");
    let renamed = text.replacen("Dr. Ana López", "Dr. Ana María López", 1);
    assert_ne!(text, renamed, "the bundled people have Dr. Ana López");
    program.write("content/people.yaml", renamed);
    build_matches_fresh(&program, "an edit to a person");

    program.patch(
        "content/phases/enabling.yaml",
        "title: Enabling\n",
        "title: Enabling the plan\n",
    );
    build_matches_fresh(&program, "an edit to a phase");

    let chapter = program.read("content/guide/meetings.md");
    program.write(
        "content/guide/meetings.md",
        format!("{chapter}\nOne more line.\n"),
    );
    build_matches_fresh(&program, "an edit to a chapter");

    program.patch(
        "book.toml",
        "title = \"Riverside Mentoring Handbook\"",
        "title = \"The Riverside Handbook\"",
    );
    build_matches_fresh(&program, "an edit to book.toml");

    program.write(
        "themes/default/static/custom.css",
        "body { color: #111; }\n",
    );
    build_matches_fresh(&program, "a new theme file");

    program.remove("content/pairs/joseph-mwangi-aisha-rahman.yaml");
    let stderr = build_matches_fresh(&program, "a deleted pair");
    assert!(!stderr.contains(PARTIAL), "{stderr}");
    assert!(
        !program
            .path("book/pairs/joseph-mwangi-aisha-rahman")
            .exists()
    );

    let copy = program.read("content/pairs/priya-raman-tomas-herrera.yaml");
    let copy = copy.replacen("start: ", "start: 2026-02-01\n# was: ", 1);
    program.write("content/pairs/priya-raman-tomas-herrera-2.yaml", copy);
    let stderr = build_matches_fresh(&program, "a new pair");
    assert!(!stderr.contains(PARTIAL), "{stderr}");
    assert!(
        program
            .path("book/pairs/priya-raman-tomas-herrera-2/index.html")
            .is_file()
    );

    // After all that, an edit to a pair is again a partial build.
    program.patch(PAIR, "phase: enabling\n", "phase: closure\n");
    let stderr = build_matches_fresh(&program, "a last edit to a pair");
    assert!(stderr.contains(PARTIAL), "{stderr}");
}

/// The record of the last build into `dest` (an absolute path), in the tests' cache folder.
fn record_of(dest: &std::path::Path) -> PathBuf {
    let builds = tests_cache().join("mentorbook").join("builds");
    let dest = dest.display().to_string();
    fs::read_dir(&builds)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| fs::read_to_string(p).is_ok_and(|t| t.lines().nth(1) == Some(dest.as_str())))
        .unwrap_or_else(|| panic!("no record of {dest} in {}", builds.display()))
}

#[test]
fn a_damaged_or_foreign_cache_means_a_full_build_with_the_same_site() {
    let program = Program::bundled();
    build_matches_fresh(&program, "the first build");
    let record = record_of(&program.path("book").canonicalize().unwrap());
    let good = fs::read_to_string(&record).unwrap();

    let damages: [(&str, String); 5] = [
        ("cut short", good[..good.len() / 3].to_owned()),
        (
            "of another version",
            good.replacen("mentorbook-inputs v2", "mentorbook-inputs v1", 1),
        ),
        // A file's hash that no longer matches: the pair would look unchanged when it is not.
        (
            "with a list of files cut off",
            good.replacen("\nfiles ", "\nfiles 9", 1),
        ),
        (
            "of a build elsewhere",
            good.replacen("/book\n", "/elsewhere\n", 1),
        ),
        ("emptied", String::new()),
    ];
    for (i, (what, text)) in damages.into_iter().enumerate() {
        // An edit each time, so that the build cannot end at "nothing changed".
        program.patch(
            PAIR,
            "mentee: ben-okafor\n",
            &format!("mentee: ben-okafor\n# edit {i}\n"),
        );
        fs::write(&record, text).unwrap();
        let stderr = build_matches_fresh(&program, &format!("a record {what}"));
        assert!(!stderr.contains(PARTIAL), "a record {what}: {stderr}");
    }

    // A file of the site changed by hand since the last build: not trusted, a full build.
    program.patch(
        PAIR,
        "mentee: ben-okafor\n",
        "mentee: ben-okafor\n# once more\n",
    );
    let page = program.path("book/guide/meetings/index.html");
    let html = fs::read_to_string(&page).unwrap();
    fs::write(&page, html.replacen("<main", "<main data-edited", 1)).unwrap();
    let stderr = build_matches_fresh(&program, "a page edited by hand");
    assert!(!stderr.contains(PARTIAL), "{stderr}");
}

#[test]
fn another_editions_build_leaves_the_record_alone() {
    let program = Program::bundled();
    build_matches_fresh(&program, "the first build");
    program.patch(
        PAIR,
        "mentee: ben-okafor\n",
        "mentee: ben-okafor\n# an edit\n",
    );
    let stderr = build_matches_fresh(&program, "an edit");
    assert!(stderr.contains(PARTIAL), "{stderr}");
    // Another edition into its own folder leaves this one's record alone.
    program
        .run(&["build", "--audience", "coordinators"])
        .success();
    program.patch(PAIR, "# an edit\n", "# another edit\n");
    let stderr = build_matches_fresh(&program, "an edit after another edition's build");
    assert!(stderr.contains(PARTIAL), "{stderr}");
}
