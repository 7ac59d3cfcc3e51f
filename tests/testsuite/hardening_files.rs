//! The program folder as a file system can make it: two files of one id, links, named pipes.
//!
//! Each case is reported, located at the file it is about, the build finishes (a test run is killed
//! after 30 seconds, so a hang fails it) and a failed build writes nothing.

use std::path::Path;
use std::process::Command;

use crate::harness::Program;
use crate::serve::Server;

/// Runs `check` and `build`; both must exit with 1, and the build must write nothing. Returns what
/// `check` printed.
#[track_caller]
fn fails(program: &Program) -> String {
    let check = program.check();
    check.code(1).stderr_lacks("panicked");
    let build = program.build();
    build.code(1).stderr_lacks("panicked");
    assert!(
        !program.path("book").exists(),
        "a failed build wrote the site"
    );
    flat(&check.stderr)
}

/// Problems as printed, with each message on one line (the console wraps long ones).
fn flat(stderr: &str) -> String {
    stderr
        .replace('│', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Where each kind of content gets its id from its file name, with a file of the minimal fixture.
const SOURCES: [(&str, &str); 4] = [
    ("pair", "content/pairs/ana-lopez-ben-okafor.yaml"),
    ("person", "content/people/carol-nguyen.yaml"),
    ("phase", "content/phases/initiation.yaml"),
    ("chapter", "content/guide/welcome.md"),
];

const PERSON: &str = "name: Carol Nguyen\nroles: [coordinator]\n";

/// The minimal fixture, with a person file besides `people.yaml`.
fn program() -> Program {
    let program = Program::fixture("minimal");
    program.write(SOURCES[1].1, PERSON);
    program
}

#[test]
fn a_yaml_and_a_yml_file_of_one_pair_are_an_error_naming_both() {
    let program = program();
    let pair = program.read(SOURCES[0].1);
    program.write(
        "content/pairs/ana-lopez-ben-okafor.yml",
        pair.replace("vision: |", "notes: other pair's private notes\nvision: |"),
    );
    let err = fails(&program);
    assert!(err.contains("MB0204"), "{err}");
    assert!(
        err.contains("content/pairs/ana-lopez-ben-okafor.yml"),
        "{err}"
    );
    assert!(
        err.contains(
            "this file and content/pairs/ana-lopez-ben-okafor.yaml both make the pair `ana-lopez-ben-okafor`"
        ),
        "{err}"
    );
    assert!(err.contains(" 1 error, "), "one error only:\n{err}");
}

/// Every source, with every other name its file could have for the same id: an error, at the
/// second file, naming the first; or, for a name that is no id at all, an error at that file.
#[test]
fn every_second_name_of_an_id_is_an_error() {
    for (what, rel) in SOURCES {
        let path = Path::new(rel);
        let stem = path.file_stem().unwrap().to_str().unwrap();
        let ext = path.extension().unwrap().to_str().unwrap();
        let dir = path.parent().unwrap().to_str().unwrap();
        let mut variants: Vec<(String, bool)> = vec![
            (format!("{dir}/{}.{ext}", capitalise(stem)), false),
            (format!("{dir}/{}.{ext}", stem.to_uppercase()), false),
        ];
        if ext == "yaml" {
            variants.push((format!("{dir}/{stem}.yml"), true));
        }
        for (second, same_id) in variants {
            let program = program();
            program.write(&second, program.read(rel));
            let err = fails(&program);
            assert!(err.contains(&second), "{what} {second}: {err}");
            if same_id {
                assert!(err.contains("MB0204"), "{what} {second}: {err}");
                assert!(
                    err.contains(&format!(
                        "this file and {rel} both make the {what} `{stem}`"
                    )),
                    "{what} {second}: {err}"
                );
            }
        }
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// Two templates of one name in the theme: one would replace the other.
#[test]
fn two_templates_of_one_name_are_an_error_naming_both() {
    let program = program();
    let page = "{% extends \"base.html\" %}";
    program.write("themes/default/templates/pair.html", page);
    program.write("themes/default/templates/extra/pair.html", page);
    let err = flat(&program.build().code(1).stderr);
    assert!(err.contains("MB0204"), "{err}");
    assert!(err.contains("themes/default/templates/pair.html"), "{err}");
    assert!(
        err.contains("themes/default/templates/extra/pair.html"),
        "{err}"
    );
    assert!(!program.path("book").exists());
}

#[cfg(unix)]
mod links {
    use super::*;
    use std::os::unix::fs::symlink;

    /// A theme folder elsewhere, with a file the site must not publish.
    fn outside(program: &Program) -> std::path::PathBuf {
        let theme = program.tmp().join("elsewhere/default");
        std::fs::create_dir_all(theme.join("static")).unwrap();
        std::fs::create_dir_all(theme.join("templates")).unwrap();
        std::fs::write(theme.join("static/secret.txt"), "outside").unwrap();
        theme
    }

    #[track_caller]
    fn refused(program: &Program, at: &str) {
        let build = program.build();
        build
            .code(1)
            .stderr_has("MB0107")
            .stderr_has(at)
            .stderr_has("is a link");
        assert!(!program.path("book").exists(), "the build wrote the site");
    }

    #[test]
    fn a_linked_themes_folder_is_refused() {
        let program = program();
        let theme = outside(&program);
        symlink(theme.parent().unwrap(), program.path("themes")).unwrap();
        refused(&program, "themes");
    }

    #[test]
    fn a_linked_theme_is_refused() {
        let program = program();
        let theme = outside(&program);
        std::fs::create_dir(program.path("themes")).unwrap();
        symlink(&theme, program.path("themes/default")).unwrap();
        refused(&program, "themes/default");
    }

    #[test]
    fn a_linked_static_file_or_template_is_refused() {
        for (link, target) in [
            ("themes/default/static/secret.txt", "static/secret.txt"),
            ("themes/default/static", "static"),
            ("themes/default/templates/pair.html", "static/secret.txt"),
            ("themes/default/templates", "templates"),
        ] {
            let program = program();
            let theme = outside(&program);
            std::fs::create_dir_all(program.path(link).parent().unwrap()).unwrap();
            symlink(theme.join(target), program.path(link)).unwrap();
            refused(&program, link);
        }
    }

    #[test]
    fn serve_sends_nothing_through_a_link() {
        let program = program();
        std::fs::write(program.tmp().join("secret.txt"), "outside the folder").unwrap();
        let server = Server::serve(&program);
        let book = program.path("book");
        symlink("/", book.join("escape")).unwrap();
        symlink(program.tmp().join("secret.txt"), book.join("secret.txt")).unwrap();
        symlink(book.join("404.html"), book.join("inside.html")).unwrap();
        symlink(book.join("guide"), book.join("guide-link")).unwrap();
        for path in [
            "/escape/etc/passwd",
            "/escape/etc/hostname",
            "/%65scape/etc/passwd",
            "/secret.txt",
            "/inside.html",
            "/guide-link/",
            "/guide-link/welcome/",
        ] {
            let r = server.get(path);
            assert_eq!(
                r.status,
                404,
                "{path}: {}",
                &r.body[..r.body.len().min(200)]
            );
            assert!(!r.body.contains("root:"), "{path} served a system file");
            assert!(!r.body.contains("outside the folder"), "{path}");
        }
        assert_eq!(server.get("/guide/").status, 200);
        assert_eq!(server.get("/static/style.css").status, 200);
    }
}

#[cfg(unix)]
mod special_files {
    use super::*;

    fn mkfifo(path: &Path) {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        let status = Command::new("mkfifo").arg(path).status().expect("mkfifo");
        assert!(status.success(), "mkfifo {}", path.display());
    }

    /// A named pipe in each content folder, with the name of a file of that folder: warned about,
    /// never opened, and the build finishes.
    #[test]
    fn a_named_pipe_among_the_content_is_ignored_with_a_warning() {
        for rel in [
            "content/pairs/zed-pair.yaml",
            "content/guide/zed.md",
            "content/phases/zed.yaml",
            "content/people/zed.yaml",
        ] {
            let program = program();
            mkfifo(&program.path(rel));
            let check = program.check();
            check
                .stderr_has(rel)
                .stderr_has("this is a named pipe (FIFO), not a file, so it is ignored");
            let build = program.build();
            assert!(build.code.is_some(), "the build of {rel} hung");
            build.success().stderr_has(rel);
        }
    }

    /// `program.yaml` and `people.yaml` as named pipes: an error, at once.
    #[test]
    fn a_named_pipe_for_a_single_file_is_an_error() {
        for rel in ["content/program.yaml", "content/people.yaml"] {
            let program = program();
            program.remove(rel);
            mkfifo(&program.path(rel));
            let err = fails(&program);
            assert!(err.contains(rel), "{err}");
            assert!(
                err.contains("this is a named pipe (FIFO), not a file"),
                "{err}"
            );
        }
    }

    /// In the theme: an error, located, and the build finishes.
    #[test]
    fn a_named_pipe_in_the_theme_is_an_error() {
        for rel in [
            "themes/default/static/zed.css",
            "themes/default/templates/zed.html",
            "themes/default/i18n/en.toml",
        ] {
            let program = program();
            mkfifo(&program.path(rel));
            let build = program.build();
            assert!(build.code.is_some(), "the build with {rel} hung");
            build
                .code(1)
                .stderr_has(rel)
                .stderr_has("this is a named pipe (FIFO), not a file");
            assert!(!program.path("book").exists());
        }
    }

    /// A named pipe in the output folder is never opened by `serve`.
    #[test]
    fn serve_does_not_open_a_named_pipe() {
        let program = program();
        let server = Server::serve(&program);
        mkfifo(&program.path("book/pipe.html"));
        assert_eq!(server.get("/pipe.html").status, 404);
        assert_eq!(server.get("/guide/").status, 200);
    }
}
