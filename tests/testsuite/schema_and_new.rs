//! JSON Schemas (never drifting from the code, and every bundled file valid against its own), the
//! `new pair` and `new person` scaffolds, and what `init` writes for editors and CI.

use std::path::Path;

use mentorbook::schema::FileKind;

use crate::harness::{Program, read_tree, repo_root};

fn validator(kind: FileKind) -> jsonschema::Validator {
    let schema: serde_json::Value = serde_json::from_str(&kind.schema()).expect("schema is JSON");
    jsonschema::validator_for(&schema).expect("a valid JSON Schema")
}

fn yaml_value(text: &str) -> serde_json::Value {
    serde_saphyr::from_str(text).expect("YAML parses")
}

#[test]
fn the_schemas_in_the_repository_are_up_to_date() {
    let program = Program::bundled();
    program.run(&["schema", "--out", "fresh"]).success();
    let fresh = read_tree(&program.path("fresh"));
    let committed = read_tree(&repo_root().join("schemas"));
    assert_eq!(
        fresh.keys().collect::<Vec<_>>(),
        committed.keys().collect::<Vec<_>>(),
        "run `cargo run -- schema` to refresh schemas/"
    );
    for (name, bytes) in &fresh {
        assert!(
            committed[name] == *bytes,
            "schemas/{} is stale: run `cargo run -- schema`",
            name.display()
        );
    }
}

#[test]
fn every_bundled_and_fixture_yaml_file_is_valid_against_its_schema() {
    let mut checked = 0;
    for root in [
        repo_root().to_path_buf(),
        repo_root().join("tests/fixtures/minimal"),
        repo_root().join("tests/fixtures/canary"),
        repo_root().join("tests/fixtures/dashboard"),
    ] {
        for (rel, bytes) in read_tree(&root.join("content")) {
            let rel = Path::new("content").join(rel);
            if rel.extension().is_none_or(|e| e != "yaml") {
                continue;
            }
            let kind =
                FileKind::of(&rel).unwrap_or_else(|| panic!("no schema for {}", rel.display()));
            let value = yaml_value(std::str::from_utf8(&bytes).expect("UTF-8"));
            let errors: Vec<String> = validator(kind)
                .iter_errors(&value)
                .map(|e| format!("{} at {}", e, e.instance_path()))
                .collect();
            assert!(
                errors.is_empty(),
                "{} ({}):\n{}",
                rel.display(),
                kind.file_name(),
                errors.join("\n")
            );
            checked += 1;
        }
    }
    assert!(checked >= 20, "only {checked} files checked");
}

#[test]
fn the_schemas_reject_what_mentorbook_rejects() {
    let pair = validator(FileKind::Pair);
    let good = yaml_value(
        "mentor: ana-lopez\nmentee: ben-okafor\nstart: 2025-01-05\nprogress:\n  initiation:\n    first-meeting: 2025-01-20\n    self-reflection: {done: 2025-01-05, by: ben-okafor}\n",
    );
    assert!(pair.is_valid(&good));
    for bad in [
        "mentor: ana-lopez\nmentee: ben-okafor\nstart: 2025-01-05\nstatis: x\n",
        "mentor: Ana Lopez\nmentee: ben-okafor\nstart: 2025-01-05\n",
        "mentor: ana-lopez\nmentee: ben-okafor\nstart: 5 January\n",
        "mentor: ana-lopez\nmentee: ben-okafor\n",
        "mentor: ana-lopez\nmentee: ben-okafor\nstart: 2025-01-05\ngoals: [{id: a, title: A, status: started}]\n",
    ] {
        assert!(!pair.is_valid(&yaml_value(bad)), "accepted:\n{bad}");
    }
    let book: serde_json::Value =
        toml::from_str("[book]\ntitle = \"T\"\n[build]\ndest-dir = \"site\"\n").unwrap();
    assert!(validator(FileKind::Book).is_valid(&book));
    let bad_book: serde_json::Value =
        toml::from_str("[book]\ntitle = \"T\"\n[build]\ndest = \"site\"\n").unwrap();
    assert!(!validator(FileKind::Book).is_valid(&bad_book));
}

#[test]
fn new_pair_lists_every_checklist_item_and_checks_clean() {
    let program = Program::fixture("minimal");
    program.remove("content/pairs/ana-lopez-ben-okafor.yaml");
    program
        .run(&[
            "new",
            "pair",
            "--mentor",
            "ana-lopez",
            "--mentee",
            "ben-okafor",
            "--start",
            "2025-03-01",
        ])
        .success()
        .stderr_has("created content/pairs/ana-lopez-ben-okafor.yaml");
    let text = program.read("content/pairs/ana-lopez-ben-okafor.yaml");
    assert!(
        text.starts_with("# yaml-language-server: $schema=../../schemas/pair.json\n"),
        "{text}"
    );
    assert!(
        text.contains("start: 2025-03-01\nend: 2026-03-01"),
        "the default length is used:\n{text}"
    );
    for item in [
        "self-reflection",
        "first-meeting",
        "get-acquainted",
        "vision",
        "smart-goals",
        "partnership-agreement",
        "hold-meetings",
        "exchange-feedback",
        "summarise-achievements",
        "celebrate",
    ] {
        assert!(
            text.contains(&format!("    # {item}: YYYY-MM-DD")),
            "{item} is not listed:\n{text}"
        );
    }
    let check = program.check();
    check.success().stderr_lacks("×");
    assert!(validator(FileKind::Pair).is_valid(&yaml_value(&text)));
    // Uncommenting an item is all it takes to record progress.
    program.patch(
        "content/pairs/ana-lopez-ben-okafor.yaml",
        "    # first-meeting: YYYY-MM-DD",
        "    first-meeting: 2025-03-05",
    );
    program.build().success();
    let page = program.read("book/pairs/ana-lopez-ben-okafor/initiation/index.html");
    assert!(
        page.contains("datetime=\"2025-03-05\""),
        "the uncommented item is not done on the page"
    );
}

#[test]
fn new_never_overwrites_and_checks_people() {
    let program = Program::fixture("minimal");
    let before = program.read("content/pairs/ana-lopez-ben-okafor.yaml");
    program
        .run(&[
            "new",
            "pair",
            "--mentor",
            "ana-lopez",
            "--mentee",
            "ben-okafor",
        ])
        .code(2)
        .stderr_has("already exists; mentorbook never overwrites a file");
    assert_eq!(
        program.read("content/pairs/ana-lopez-ben-okafor.yaml"),
        before
    );
    program
        .run(&[
            "new",
            "pair",
            "--mentor",
            "ana-lopez",
            "--mentee",
            "ben-okafr",
            "--id",
            "other",
        ])
        .code(1)
        .stderr_has("there is no person `ben-okafr` (did you mean `ben-okafor`?)");
    program
        .run(&[
            "new",
            "pair",
            "--mentor",
            "ben-okafor",
            "--mentee",
            "ana-lopez",
            "--id",
            "other",
        ])
        .code(1)
        .stderr_has("is not listed as a mentor");
    program
        .run(&[
            "new",
            "pair",
            "--mentor",
            "ana-lopez",
            "--mentee",
            "ben-okafor",
            "--start",
            "2025-02-30",
            "--id",
            "x",
        ])
        .code(2)
        .stderr_has("not a real date");
    assert!(!program.path("content/pairs/other.yaml").exists());
}

/// Leaving out the id, the name, the mentor or the mentee says which is missing, with a command to
/// copy, rather than clap's usage line (`<DIR> <ID>...`); nothing is written.
#[test]
fn new_without_an_id_says_what_is_missing_with_an_example() {
    let program = Program::fixture("minimal");
    let run = program.run(&["new", "person", "--name", "Carol Nguyen"]);
    run.code(2)
        .stderr_has("error: `new person` needs the new person's id")
        .stderr_has("for example: mentorbook new person carol-nguyen --name \"Carol Nguyen\"")
        .stderr_lacks("Usage:");
    program
        .run(&["new", "person", ".", "--name", "Carol Nguyen"])
        .code(2)
        .stderr_has("error: `new person` needs the new person's id")
        .stderr_has("for example: mentorbook new person carol-nguyen --name \"Carol Nguyen\"");
    crate::harness::run_in(
        program.root().parent().unwrap(),
        &["new", "person", "program", "--name", "Carol Nguyen"],
    )
    .code(2)
    .stderr_has("for example: mentorbook new person program carol-nguyen --name \"Carol Nguyen\"");
    program
        .run(&["new", "person"])
        .code(2)
        .stderr_has("needs the new person's id and their full name (`--name`)")
        .stderr_has("for example: mentorbook new person carol-nguyen --name \"Carol Nguyen\"");
    program
        .run(&["new", "person", "cara-diaz"])
        .code(2)
        .stderr_has("needs the new person's full name (`--name`)")
        .stderr_has("for example: mentorbook new person cara-diaz --name \"Cara Diaz\"");
    program
        .run(&["new", "pair", "--mentee", "ben-okafor"])
        .code(2)
        .stderr_has("error: `new pair` needs the mentor's id (`--mentor`)")
        .stderr_has("for example: mentorbook new pair --mentor ana-lopez --mentee ben-okafor");
    program
        .run(&["new", "pair"])
        .code(2)
        .stderr_has("needs the mentor's and the mentee's ids");
    assert!(!program.path("content/people").exists());
}

#[test]
fn new_person_then_a_pair_for_them() {
    let program = Program::fixture("minimal");
    program
        .run(&[
            "new",
            "person",
            "cara-diaz",
            "--name",
            "Cara Díaz: head nurse",
            "--role",
            "mentor",
            "--role",
            "coordinator",
        ])
        .success();
    let text = program.read("content/people/cara-diaz.yaml");
    assert!(
        text.contains("name: \"Cara Díaz: head nurse\"\nroles: [mentor, coordinator]"),
        "{text}"
    );
    program
        .run(&["new", "person", ".", "cara-diaz", "--name", "Again"])
        .code(1)
        .stderr_has("there is already a person `cara-diaz`");
    program
        .run(&["new", "person", "Cara", "--name", "Bad id"])
        .code(2)
        .stderr_has("for example `cara`");
    program
        .run(&[
            "new",
            "pair",
            "--mentor",
            "cara-diaz",
            "--mentee",
            "ben-okafor",
            "--start",
            "2026-02-01",
        ])
        .success();
    program.check().success();
    assert!(validator(FileKind::Person).is_valid(&yaml_value(&text)));
}

#[test]
fn init_sets_up_editors_and_ci() {
    let program = Program::empty();
    program.run(&["init", "."]).success();
    for kind in FileKind::ALL {
        let path = program.path(Path::new("schemas").join(kind.file_name()));
        assert_eq!(
            std::fs::read_to_string(&path).expect("schema written"),
            kind.schema()
        );
    }
    for (rel, bytes) in read_tree(&program.path("content")) {
        let rel = Path::new("content").join(rel);
        if rel.extension().is_some_and(|e| e == "yaml") {
            let text = String::from_utf8(bytes).unwrap();
            let first = text.lines().next().unwrap_or("");
            let target = first
                .strip_prefix("# yaml-language-server: $schema=")
                .unwrap_or_else(|| panic!("{} has no modeline", rel.display()));
            assert!(
                program.path(rel.parent().unwrap()).join(target).is_file(),
                "{}: {target} does not exist",
                rel.display()
            );
        }
    }
    let workflow = program.read(".github/workflows/mentorbook.yml");
    assert!(
        workflow.contains("mentorbook check --format github"),
        "{workflow}"
    );
    assert!(workflow.contains("run: mentorbook build"), "{workflow}");
    assert!(yaml_value(&workflow).get("jobs").is_some());
}
