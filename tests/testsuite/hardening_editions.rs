//! Editions kept apart, and one writer at a time in an output folder.
//!
//! A private edition written into, inside or around the public site's folder would publish private
//! notes; two builds into one folder at once could leave it without pages while both said they
//! succeeded. Each destination below is one spelling of a folder that must be refused (`..`, links,
//! trailing slashes, nesting), tried for each private audience.

use std::path::Path;
use std::process::{Command, Stdio};

use crate::harness::{Program, read_tree};
use crate::privacy::canaries;
use crate::serve::Server;

const PAIR: &str = "pair:ana-lopez-ben-okafor";

/// Runs `mentorbook build --audience <audience> -d <dest>`, which must be refused without touching
/// the public site; returns what it printed.
#[track_caller]
fn refused(program: &Program, audience: &str, dest: &str) -> String {
    let before = read_tree(&program.path("book"));
    let run = program.run(&["build", "--audience", audience, "-d", dest]);
    run.code(2)
        .stderr_has("refusing to write the")
        .stderr_has("the site was not built");
    assert_eq!(
        read_tree(&program.path("book")),
        before,
        "the public site changed after -d {dest}"
    );
    run.stderr.clone()
}

/// No file of `dir` holds a private canary.
#[track_caller]
fn no_canary_in(dir: &Path) {
    let canaries = canaries("canary");
    assert!(!canaries.is_empty());
    for (path, bytes) in read_tree(dir) {
        let text = String::from_utf8_lossy(&bytes);
        for c in &canaries {
            assert!(!text.contains(c.as_str()), "{} holds {c}", path.display());
        }
    }
}

#[test]
fn a_private_edition_is_refused_in_or_around_the_public_site_however_the_folder_is_spelled() {
    let program = Program::fixture("canary");
    program.build().success();
    std::os::unix::fs::symlink(program.path("book"), program.path("link-to-book")).unwrap();
    std::fs::create_dir(program.path("book/guide/deeper")).ok();
    std::os::unix::fs::symlink(
        program.path("book/guide"),
        program.path("link-into-book"),
    )
    .unwrap();
    let the_public_folder = [
        "book",
        "book/",
        "./book",
        "book/../book",
        "./content/../book",
        "book/./guide/..",
        "link-to-book",
        "link-to-book/",
    ];
    let inside = [
        "book/private",
        "book/private/",
        "book/guide",
        "book/a/b/c",
        "link-to-book/private",
        "link-into-book/x",
        "content/../book/private",
    ];
    for audience in ["coordinators", PAIR] {
        for dest in the_public_folder {
            let said = refused(&program, audience, dest);
            assert!(said.contains("it is the public site's folder"), "{dest}: {said}");
        }
        for dest in inside {
            let said = refused(&program, audience, dest);
            assert!(said.contains("it is inside"), "{dest}: {said}");
        }
    }
    no_canary_in(&program.path("book"));
    // Its own folder is fine, and holds what the public site may not.
    program
        .run(&["build", "--audience", "coordinators"])
        .success();
    let private = read_tree(&program.path("book-private/coordinators"));
    assert!(
        private
            .values()
            .any(|b| String::from_utf8_lossy(b).contains("CANARY-CONCERNS-7f3a"))
    );
}

#[test]
fn a_private_edition_that_would_contain_the_public_site_is_refused() {
    let program = Program::fixture("canary");
    program.patch("book.toml", "dest-dir = \"book\"", "dest-dir = \"out/public\"");
    let toml = program.read("book.toml");
    assert!(toml.contains("dest-dir = \"out/public\""), "{toml}");
    program.build().success();
    assert!(program.path("out/public/index.html").is_file());
    let said = refused_at(&program, "coordinators", "out");
    assert!(said.contains("it contains the public site's folder"), "{said}");
}

/// [`refused`], for a program whose public site is not in `book/`.
#[track_caller]
fn refused_at(program: &Program, audience: &str, dest: &str) -> String {
    let run = program.run(&["build", "--audience", audience, "-d", dest]);
    run.code(2).stderr_has("refusing to write the");
    run.stderr.clone()
}

#[test]
fn a_public_site_built_elsewhere_is_known_by_its_marker() {
    let program = Program::fixture("canary");
    program.build_into("site").success();
    for audience in ["coordinators", PAIR] {
        let said = refused_at(&program, audience, "site");
        assert!(said.contains("it holds the public edition"), "{said}");
        let said = refused_at(&program, audience, "site/../site/notes");
        assert!(said.contains("it is inside"), "{said}");
    }
    no_canary_in(&program.path("site"));
}

#[test]
fn the_public_site_is_refused_in_a_private_editions_folder() {
    let program = Program::fixture("canary");
    program
        .run(&["build", "--audience", "coordinators"])
        .success();
    program.run(&["build", "--audience", PAIR]).success();
    for dest in [
        "book-private",
        "book-private/coordinators",
        "book-private/../book-private/coordinators/",
        "book-private/pair-ana-lopez-ben-okafor/x",
    ] {
        program
            .build_into(dest)
            .code(2)
            .stderr_has("refusing to write the public edition");
    }
    // Nor one private edition in another's folder: a pair's folder may be handed to the pair.
    program
        .run(&[
            "build",
            "--audience",
            "coordinators",
            "-d",
            "book-private/pair-ana-lopez-ben-okafor",
        ])
        .code(2)
        .stderr_has("it holds the pair:ana-lopez-ben-okafor edition");
}

/// Starts `mentorbook build -d <dest>` in `program` without waiting for it.
fn spawn_build(program: &Program, dest: &str) -> std::process::Child {
    Command::new(assert_cmd::cargo::cargo_bin("mentorbook"))
        .current_dir(program.root())
        .args(["build", "-d", dest])
        .env("NO_COLOR", "1")
        .env("MENTORBOOK_TODAY", program.today())
        .env("XDG_CACHE_HOME", crate::harness::tests_cache())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start mentorbook")
}

#[test]
fn builds_into_one_folder_at_once_take_turns_and_leave_the_whole_site() {
    let program = Program::bundled();
    program.build_into("alone").success();
    let expected = read_tree(&program.path("alone"));
    assert!(expected.len() > 50);
    for round in 0..4 {
        // Each round starts from a changed program, so no build can end early as unchanged.
        program.write(
            "content/guide/zz-round.md",
            format!("---\ntitle: Round {round}\norder: 99\n---\nText of round {round}.\n"),
        );
        program.build_into("alone").success();
        let expected = read_tree(&program.path("alone"));
        let children: Vec<_> = (0..3).map(|_| spawn_build(&program, "shared")).collect();
        let mut waited = 0;
        for child in children {
            let out = child.wait_with_output().unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(out.status.success(), "round {round}: {stderr}");
            waited += usize::from(stderr.contains("waiting for mentorbook build (process"));
        }
        let got = read_tree(&program.path("shared"));
        let strip = |t: &std::collections::BTreeMap<std::path::PathBuf, Vec<u8>>| {
            t.keys().cloned().collect::<Vec<_>>()
        };
        assert_eq!(strip(&got), strip(&expected), "round {round}");
        assert_eq!(got, expected, "round {round}: the site differs");
        // Which build waits is up to the scheduler; that none saw another is possible but rare.
        let _ = waited;
    }
    let _ = expected;
}

#[test]
fn a_build_is_refused_while_serve_writes_the_folder() {
    let program = Program::fixture("minimal");
    let server = Server::serve(&program);
    let run = program.build();
    run.code(2)
        .stderr_has("is being written by mentorbook serve or watch (process")
        .stderr_has("help: stop it first");
    // A second server of the same folder is refused the same way, and says so.
    let second = program.run(&["watch"]);
    second
        .code(2)
        .stderr_has("is being written by mentorbook serve or watch");
    drop(server);
    program.build().success();
}

/// Makes a named pipe at `path`.
fn fifo(path: &Path) {
    let made = Command::new("mkfifo").arg(path).status().expect("run mkfifo");
    assert!(made.success());
}

#[test]
fn a_named_pipe_as_book_toml_or_as_a_marker_is_refused_without_waiting() {
    let program = Program::fixture("minimal");
    program.build().success();
    // The marker of the output folder: opening it would wait for a writer.
    std::fs::remove_file(program.path("book/.mentorbook-output")).unwrap();
    fifo(&program.path("book/.mentorbook-output"));
    program
        .build()
        .code(2)
        .stderr_has("it was not made by mentorbook");
    program
        .run(&["build", "--audience", "coordinators", "-d", "book/x"])
        .code(2)
        .stderr_has("refusing to write the coordinators edition");
    // book.toml itself, for every command that reads it.
    std::fs::rename(program.path("book.toml"), program.path("book.toml.real")).unwrap();
    fifo(&program.path("book.toml"));
    // (`watch` would go on watching for a fixed book.toml: `serve` stops, having nothing to serve.)
    for args in [&["build"][..], &["check"], &["clean"], &["serve", "-p", "0"]] {
        program
            .run(args)
            .stderr_has("this is not a regular file")
            .stderr_lacks("panicked");
    }
}
