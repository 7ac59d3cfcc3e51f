//! An incremental `mentorbook build`: after an edit to pair files alone, a build renders only what
//! those pairs touch (the pairs' pages, the lists and the search index), and after any edit the
//! site is byte for byte the one a fresh full build makes. Whatever the cache holds (damaged, of
//! another version, of another output folder's build), the worst it can cause is a full build.

use std::fs;
use std::path::{Path, PathBuf};

use crate::harness::{Program, read_tree, tests_cache};

/// What a build after an edit to pairs says it rendered.
const PARTIAL: &str = "pages that the edited pairs touch";

/// Builds `program` into `book/` (after its last build there), then afresh into `fresh/` with an
/// empty cache folder (so nothing of an earlier build is used), and asserts both sites are the
/// same bytes; returns what the first build printed.
fn build_matches_fresh(program: &Program, what: &str) -> String {
    let run = program.build();
    run.success();
    let fresh = program.path("fresh");
    if fresh.exists() {
        fs::remove_dir_all(&fresh).unwrap();
    }
    let cache = program.tmp().join("fresh-cache");
    if cache.exists() {
        fs::remove_dir_all(&cache).unwrap();
    }
    let full = program.run_with_cache(&["build", "-d", "fresh"], &cache);
    full.success();
    assert_eq!(from_cache(&full.stderr), (0, 0), "{}", full.stderr);
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

/// How many pairs a build says it took from the cache of the last build's pairs: not parsed again,
/// and not checked again.
fn from_cache(stderr: &str) -> (usize, usize) {
    let Some((before, after)) = stderr.split_once(" checked before") else {
        return (0, 0);
    };
    let checked = before.rsplit(' ').next().unwrap().parse().unwrap();
    let (before, _) = before.rsplit_once(" parsed and ").unwrap();
    let parsed = before.rsplit(", ").next().unwrap();
    let parsed = parsed.split(' ').next().unwrap().parse().unwrap();
    assert!(!after.contains(" checked before"), "said once: {stderr}");
    (parsed, checked)
}

/// The number of pair files in `program`.
fn pairs(program: &Program) -> usize {
    fs::read_dir(program.path("content/pairs")).unwrap().count()
}

#[test]
fn after_each_edit_the_site_is_what_a_full_build_makes() {
    let program = Program::bundled();
    let first = build_matches_fresh(&program, "the first build");
    assert!(!first.contains(PARTIAL), "{first}");
    assert_eq!(from_cache(&first), (0, 0), "{first}");
    let n = pairs(&program);

    // An edit to a pair's text: only what the pair touches is rendered.
    program.patch(
        PAIR,
        "Ben becomes a confident",
        "Ben becomes a calm, confident",
    );
    let stderr = build_matches_fresh(&program, "an edit to a pair");
    assert!(stderr.contains(PARTIAL), "{stderr}");
    // The other pairs are neither parsed nor checked again.
    assert_eq!(from_cache(&stderr), (n - 1, n - 1), "{stderr}");

    // Two pairs at once, one of them in what the lists show (its phase).
    program.patch(PAIR, "phase: closure\n", "phase: enabling\n");
    program.patch(
        "content/pairs/ingrid-solberg-leo-park.yaml",
        "mentee: leo-park\n",
        "mentee: leo-park\n# a comment changes the file, not the site\n",
    );
    let stderr = build_matches_fresh(&program, "an edit to two pairs");
    assert!(stderr.contains(PARTIAL), "{stderr}");
    assert_eq!(from_cache(&stderr), (n - 2, n - 2), "{stderr}");

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
    let stderr = build_matches_fresh(&program, "an edit to a person");
    // What a pair's checks read changed: every pair is checked again. The builds since the first
    // left the cache as that one wrote it (it lacked only a few pairs, as they are now): the two
    // pairs edited since are parsed again, the others not.
    assert_eq!(from_cache(&stderr), (n - 2, 0), "{stderr}");

    program.patch(
        "content/phases/enabling.yaml",
        "title: Enabling\n",
        "title: Enabling the plan\n",
    );
    let stderr = build_matches_fresh(&program, "an edit to a phase");
    assert_eq!(from_cache(&stderr), (n, 0), "{stderr}");

    let chapter = program.read("content/guide/meetings.md");
    program.write(
        "content/guide/meetings.md",
        format!("{chapter}\nOne more line.\n"),
    );
    let stderr = build_matches_fresh(&program, "an edit to a chapter");
    assert_eq!(from_cache(&stderr), (n, 0), "{stderr}");

    program.patch(
        "book.toml",
        "title = \"Riverside Mentoring Handbook\"",
        "title = \"The Riverside Handbook\"",
    );
    let stderr = build_matches_fresh(&program, "an edit to book.toml");
    assert_eq!(from_cache(&stderr), (n, 0), "{stderr}");

    program.write(
        "themes/default/static/custom.css",
        "body { color: #111; }\n",
    );
    let stderr = build_matches_fresh(&program, "a new theme file");
    // The theme changes pages, not what the pairs say or what their checks find.
    assert_eq!(from_cache(&stderr), (n, n), "{stderr}");

    program.remove("content/pairs/joseph-mwangi-aisha-rahman.yaml");
    let stderr = build_matches_fresh(&program, "a deleted pair");
    assert!(!stderr.contains(PARTIAL), "{stderr}");
    assert_eq!(from_cache(&stderr), (n - 1, n - 1), "{stderr}");
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
    assert_eq!(from_cache(&stderr), (n - 1, n - 1), "{stderr}");
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
            format!("mentorbook-inputs v0{}", &good[good.find('\n').unwrap()..]),
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

/// Builds `program` into `book/` with `cache` as the cache folder, and afresh as
/// [`build_matches_fresh`] does; returns what the first build printed.
fn cached_build_matches_fresh(program: &Program, cache: &Path, what: &str) -> String {
    let run = program.run_with_cache(&["build"], cache);
    run.success();
    let fresh = program.path("fresh");
    if fresh.exists() {
        fs::remove_dir_all(&fresh).unwrap();
    }
    let empty = program.tmp().join("fresh-cache");
    if empty.exists() {
        fs::remove_dir_all(&empty).unwrap();
    }
    program
        .run_with_cache(&["build", "-d", "fresh"], &empty)
        .success();
    assert_eq!(
        read_tree(&program.path("book")),
        read_tree(&fresh),
        "after {what}, the build differs from a full build\n{}",
        run.stderr
    );
    run.stderr
}

/// The files in the cache folder `cache` whose names end in `suffix`.
fn cache_files(cache: &Path, suffix: &str) -> Vec<PathBuf> {
    let builds = cache.join("mentorbook").join("builds");
    let mut found: Vec<PathBuf> = fs::read_dir(builds)
        .map(|d| d.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default();
    found.retain(|p| p.to_string_lossy().ends_with(suffix));
    found
}

#[test]
fn a_damaged_or_foreign_pair_cache_means_parsing_everything_with_the_same_site() {
    let program = Program::bundled();
    let cache = program.tmp().join("cache");
    cached_build_matches_fresh(&program, &cache, "the first build");
    let n = pairs(&program);
    let [file] = &cache_files(&cache, ".pairs")[..] else {
        panic!("one cache of pairs in {}", cache.display());
    };
    let good = fs::read(file).unwrap();

    // Another program's cache, in the same folder: its pairs are not this program's.
    let other = Program::fixture("minimal");
    let other_cache = other.tmp().join("cache");
    other.run_with_cache(&["build"], &other_cache).success();
    let foreign = fs::read(&cache_files(&other_cache, ".pairs")[0]).unwrap();

    let mut flipped = good.clone();
    let middle = flipped.len() / 2;
    flipped[middle] ^= 0x20;
    let mut other_format = good.clone();
    other_format[..20].copy_from_slice(b"mentorbook-pairs v0\n");
    let damages: [(&str, Vec<u8>); 5] = [
        ("cut short", good[..good.len() / 2].to_vec()),
        ("with a byte changed", flipped),
        ("of another format", other_format),
        ("emptied", Vec::new()),
        ("of another program", foreign),
    ];
    for (i, (what, bytes)) in damages.into_iter().enumerate() {
        program.patch(
            PAIR,
            "mentee: ben-okafor\n",
            &format!("mentee: ben-okafor\n# edit {i}\n"),
        );
        fs::write(file, bytes).unwrap();
        let stderr = cached_build_matches_fresh(&program, &cache, &format!("a cache {what}"));
        assert_eq!(from_cache(&stderr), (0, 0), "a cache {what}: {stderr}");
        // The build wrote a good one again.
        program.patch(PAIR, &format!("# edit {i}\n"), &format!("# edit {i}.\n"));
        let stderr = cached_build_matches_fresh(&program, &cache, "a build after");
        assert_eq!(
            from_cache(&stderr),
            (n - 1, n - 1),
            "after {what}: {stderr}"
        );
    }
}

/// Only the public site's build keeps its pairs, and then without their private values: no file
/// of the cache folder holds a canary of the fixture's private fields, after the coordinators'
/// edition, the public site, and a public build that took its pairs from the cache.
#[test]
fn no_private_value_reaches_the_cache_folder() {
    let program = Program::fixture("canary");
    let cache = program.tmp().join("cache");
    program
        .run_with_cache(&["build", "--audience", "coordinators"], &cache)
        .success();
    assert!(
        cache_files(&cache, ".pairs").is_empty(),
        "no cache of pairs"
    );
    program.run_with_cache(&["build"], &cache).success();
    assert_eq!(cache_files(&cache, ".pairs").len(), 1);
    // An edit elsewhere: the pair is taken from the cache, and kept again.
    let info = program.read("content/program.yaml");
    program.write("content/program.yaml", info + "# an edit\n");
    let run = program.run_with_cache(&["build"], &cache);
    run.success();
    assert_eq!(from_cache(&run.stderr), (1, 0), "{}", run.stderr);
    program
        .run_with_cache(&["build", "--audience", "coordinators"], &cache)
        .success();
    for (path, bytes) in read_tree(&cache) {
        let text = String::from_utf8_lossy(&bytes);
        for canary in crate::privacy::EXPECTED {
            assert!(
                !text.contains(canary),
                "{canary} is in {} of the cache folder",
                path.display()
            );
        }
    }
}

/// What a build says of the search index's parts it took as the last build kept them: `(taken,
/// of)`, `(0, 0)` when it says nothing.
fn parts_kept(stderr: &str) -> (usize, usize) {
    let Some((before, _)) = stderr.split_once(" parts of the search index kept") else {
        return (0, 0);
    };
    let (before, of) = before.rsplit_once(" of ").unwrap();
    let taken = before.rsplit(' ').next().unwrap();
    (taken.parse().unwrap(), of.parse().unwrap())
}

/// After an edit to one pair of 200 (four parts of the index, 64 pairs each), the build makes
/// again only the part that holds it, and the index still finds the pair's new words. A part
/// whose bytes changed is made again, and a parts file cut short means every part is, with the
/// same site.
#[test]
fn the_search_index_makes_again_only_the_part_an_edit_touches() {
    let program = crate::lists::many_pairs(200);
    let cache = program.tmp().join("cache");
    let first = cached_build_matches_fresh(&program, &cache, "the first build");
    assert_eq!(parts_kept(&first), (0, 0), "{first}");
    let [file] = &cache_files(&cache, ".search")[..] else {
        panic!("one file of index parts in {}", cache.display());
    };

    let pair = "content/pairs/m-100-e-101.yaml";
    program.write(
        pair,
        program.read(pair) + "vision: Ship the zanzibarian garden\n",
    );
    let stderr = cached_build_matches_fresh(&program, &cache, "an edit to one pair");
    assert!(stderr.contains(PARTIAL), "{stderr}");
    assert_eq!(parts_kept(&stderr), (3, 4), "{stderr}");
    let index = read_tree(&program.path("book/search"));
    let found = |word: &str| {
        index
            .values()
            .any(|bytes| String::from_utf8_lossy(bytes).contains(word))
    };
    assert!(found("zanzibarian"), "the edited pair's words are found");

    // A part whose bytes changed is made again; a file cut short or emptied is not used at all.
    type Damage = fn(&mut Vec<u8>);
    let damages: [(&str, Damage, (usize, usize)); 3] = [
        ("cut short", |b| b.truncate(b.len() / 2), (0, 0)),
        (
            "with a byte of the last part changed",
            |b| *b.last_mut().unwrap() ^= 0x20,
            (2, 4),
        ),
        ("emptied", Vec::clear, (0, 0)),
    ];
    for (i, (what, damage, kept)) in damages.into_iter().enumerate() {
        program.write(pair, program.read(pair) + &format!("# edit {i}\n"));
        let mut bytes = fs::read(file).unwrap();
        damage(&mut bytes);
        fs::write(file, bytes).unwrap();
        let stderr = cached_build_matches_fresh(&program, &cache, &format!("parts {what}"));
        assert!(stderr.contains(PARTIAL), "{stderr}");
        assert_eq!(parts_kept(&stderr), kept, "parts {what}: {stderr}");
    }
    // The last of those builds kept every part again: the next one takes them.
    program.write(pair, program.read(pair).replace("zanzibarian", "quokka"));
    let stderr = cached_build_matches_fresh(&program, &cache, "a build after");
    assert_eq!(parts_kept(&stderr), (3, 4), "{stderr}");
    let index = read_tree(&program.path("book/search"));
    let text: String = index
        .values()
        .map(|b| String::from_utf8_lossy(b).into_owned())
        .collect();
    assert!(text.contains("quokka") && !text.contains("zanzibarian"));
}

/// How many pages a build after an edit to pairs says it rendered.
fn touched(stderr: &str) -> usize {
    let (before, _) = stderr.split_once(&format!(" {PARTIAL}")).expect(stderr);
    before.rsplit(' ').next().unwrap().parse().unwrap()
}

/// The file of a generated pair with no progress yet that page `page` of the list of pairs shows.
fn a_pair_on(program: &Program, page: usize) -> String {
    let list = match page {
        1 => "book/pairs/index.html".to_owned(),
        n => format!("book/pairs/page/{n}/index.html"),
    };
    crate::lists::pairs_on(&program.read(&list))
        .iter()
        .filter_map(|url| {
            url.trim_end_matches("index.html")
                .trim_end_matches('/')
                .rsplit('/')
                .next()
        })
        .map(|id| format!("content/pairs/{id}.yaml"))
        .find(|file| {
            file.contains("/m-")
                && program.path(file).exists()
                && !program.read(file).contains("progress:")
        })
        .expect("a generated pair without progress")
}

/// A checklist item done in a pair changes its row in the list of pairs, which is paged 100 pairs
/// a page: the build renders the page of the list that holds the pair, and leaves the other pages
/// of the list as they are (their bytes are what a full build makes).
#[test]
fn an_edit_renders_only_the_page_of_the_list_that_holds_the_pair() {
    let program = crate::lists::many_pairs(250);
    let cache = program.tmp().join("cache");
    cached_build_matches_fresh(&program, &cache, "the first build");
    let done =
        |day: &str| format!("progress:\n  initiation:\n    self-reflection: 2025-06-{day}\n");
    let edit = |pages: &[usize], what: &str| {
        for (i, page) in pages.iter().enumerate() {
            let pair = a_pair_on(&program, *page);
            program.write(&pair, program.read(&pair) + &done(&format!("{:02}", i + 1)));
        }
        touched(&cached_build_matches_fresh(&program, &cache, what))
    };
    let list = "book/pairs/page/2/index.html";
    let before = program.read(list);
    let one = edit(&[2], "an item done in a pair on page 2");
    assert_ne!(
        program.read(list),
        before,
        "the pair's row shows its progress"
    );
    // Two pairs touch one pair's pages more than one pair does; two pairs on two pages of the list
    // touch one page more than two pairs on one page.
    let on_one_page = edit(&[2, 2], "an item done in two pairs on page 2");
    let per_pair = on_one_page - one;
    assert!(per_pair >= 5, "{one} then {on_one_page}");
    let on_two_pages = edit(
        &[1, 3],
        "an item done in a pair on page 1 and one on page 3",
    );
    assert_eq!(on_two_pages, on_one_page + 1);
}

/// The mentor directory shows who has room, which the pairs under way take: a build after an edit
/// to a pair that keeps who has room leaves the directory's pages as they are, one after an edit
/// that changes it renders them again; both make what a full build makes.
#[test]
fn the_mentor_directory_is_rendered_again_only_when_who_has_room_changed() {
    let program = Program::bundled();
    let cache = program.tmp().join("cache");
    cached_build_matches_fresh(&program, &cache, "the first build");
    let pair = "content/pairs/ingrid-solberg-leo-park.yaml";
    let directory = "book/mentors/index.html";
    // Ingrid takes one mentee, and has Leo: she is not in the directory.
    assert!(!program.read(directory).contains("Ingrid"));
    let pages = read_tree(&program.path("book/mentors"))
        .keys()
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .count();
    assert!(pages >= 1);

    program.write(pair, program.read(pair) + "# a comment\n");
    let kept = touched(&cached_build_matches_fresh(&program, &cache, "a comment"));
    // The pair's year ended long ago: Ingrid has room again.
    program.patch(pair, "start: 2026-11-02\n", "start: 2024-01-08\n");
    let stderr = cached_build_matches_fresh(&program, &cache, "a pair ended");
    assert!(stderr.contains(PARTIAL), "{stderr}");
    assert!(program.read(directory).contains("Ingrid"));
    assert_eq!(touched(&stderr), kept + pages, "{stderr}");
}
