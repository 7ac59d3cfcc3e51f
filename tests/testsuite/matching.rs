//! `mentorbook match` and `[matching]` in book.toml.

use crate::harness::Program;

#[test]
fn an_unknown_matching_weight_is_a_located_error_with_a_suggestion() {
    let program = Program::fixture("minimal");
    program.patch(
        "book.toml",
        "[public]",
        "[matching]\nshared-tag = 3\n\n[public]",
    );
    program
        .check()
        .code(1)
        .stderr_has("book.toml:12:1")
        .stderr_has("unknown field `shared-tag`")
        .stderr_has("did you mean `shared-tags`?");
}

#[test]
fn a_weight_out_of_range_is_a_located_error() {
    let program = Program::fixture("minimal");
    program.patch(
        "book.toml",
        "[public]",
        "[matching]\nwishes = 500\n\n[public]",
    );
    program
        .check()
        .code(1)
        .stderr_has("book.toml:12:10")
        .stderr_has("`wishes = 500` is out of range")
        .stderr_has("from 0 (not counted) to 100");
}

#[test]
fn weights_written_with_underscores_are_read_too() {
    let program = Program::fixture("minimal");
    program.patch(
        "book.toml",
        "[public]",
        "[matching]\nshared_tags = 5\ntime_zone = 0\n\n[public]",
    );
    program.check().success();
}

/// The `matching` fixture: four mentees wait (Ben has a pair with Ana, who has room for one
/// more). Carla wished for Ana and shares the most with her (21 points); Dan could only have Ana
/// (5 points: Priya excludes him, Yusuf speaks only Turkish), so the whole pool gives Ana to Carla
/// and leaves Dan; Eva gets Priya (8); Farid speaks only Arabic.
fn fixture() -> Program {
    Program::fixture("matching")
}

#[test]
fn the_report_explains_each_proposal_and_each_mentee_left_out() {
    let program = fixture();
    let run = program.run(&["match"]);
    run.success()
        .stderr_has("nothing written: `mentorbook match --write` drafts a pair file");
    insta::assert_snapshot!("match_report", run.stdout);
}

#[test]
fn json_holds_the_same_proposals_and_reasons_that_add_up() {
    let program = fixture();
    let run = program.run(&["match", "--format", "json"]);
    run.success();
    let v: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    let pairs: Vec<(String, String, u64)> = v["proposals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let sum: u64 = p["score"]["reasons"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r["points"].as_u64().unwrap())
                .sum();
            assert_eq!(sum, p["score"]["points"].as_u64().unwrap(), "{p}");
            (
                p["mentee"]["id"].as_str().unwrap().to_owned(),
                p["mentor"]["id"].as_str().unwrap().to_owned(),
                sum,
            )
        })
        .collect();
    assert_eq!(
        pairs,
        vec![
            ("carla-diaz".into(), "ana-lopez".into(), 21),
            ("eva-novak".into(), "priya-raman".into(), 8),
        ]
    );
    assert_eq!(v["total"], 29);
    assert_eq!(v["waiting"], 4);
    assert_eq!(v["already_paired"], 1);
    assert_eq!(
        v["proposals"][1]["runners_up"][0]["mentor"]["id"],
        "ana-lopez"
    );
    assert_eq!(v["proposals"][0]["score"]["reasons"][4]["kind"], "wishes");
    let unmatched: Vec<(&str, &str)> = v["unmatched"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| {
            (
                u["mentee"]["id"].as_str().unwrap(),
                u["reason"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(unmatched[0].0, "dan-li");
    assert!(unmatched[0].1.contains("proposed to other mentees"));
    assert_eq!(
        unmatched[1],
        (
            "farid-haddad",
            "no mentor with room shares a language with them"
        )
    );
    // Deterministic: the same files give the same bytes.
    assert_eq!(
        program.run(&["match", "--format", "json"]).stdout,
        run.stdout
    );
}

#[test]
fn written_proposals_check_and_are_published_nowhere() {
    let program = fixture();
    program
        .run(&["match", "--write"])
        .success()
        .stderr_has("drafted content/pairs/ana-lopez-carla-diaz.yaml")
        .stderr_has("drafted content/pairs/priya-raman-eva-novak.yaml")
        .stderr_has("2 proposals drafted");
    let text = program.read("content/pairs/ana-lopez-carla-diaz.yaml");
    assert!(
        text.starts_with(
            "# yaml-language-server: $schema=../../schemas/pair.json\n\
             # Proposed by `mentorbook match`: Carla Díaz (carla-diaz) with mentor Ana López (ana-lopez), 21 points:\n\
             #   +6   Ana López's expertise covers 2 of Carla Díaz's interests: Surgery and Teaching.\n"
        ),
        "{text}"
    );
    assert!(text.contains("\nstatus: proposed   #"), "{text}");
    assert!(text.contains("\ninitiated_by: program"), "{text}");
    program
        .check()
        .success()
        .stderr_has("1 pair")
        .stderr_has("2 proposed pairs wait for review");
    program.build().success().stderr_has("for 1 pair");
    for (path, bytes) in program.files("book") {
        let path = path.to_string_lossy().into_owned();
        let text = String::from_utf8_lossy(&bytes);
        for id in ["ana-lopez-carla-diaz", "priya-raman-eva-novak"] {
            assert!(!path.contains(id) && !text.contains(id), "{id} in {path}");
        }
    }
    // A mentee with a proposal is not proposed again: nothing more to write.
    let again = program.run(&["match", "--write"]);
    again.success();
    assert!(
        again.stdout.contains("0 proposals for 2 mentees waiting"),
        "{}",
        again.stdout
    );
    // Accepted, a proposal is a pair of the program.
    program.patch(
        "content/pairs/ana-lopez-carla-diaz.yaml",
        "\nstatus: proposed ",
        "\n# accepted ",
    );
    program
        .build()
        .success()
        .stderr_has("for 2 pairs")
        .stderr_has("1 proposed pair waits");
}

#[test]
fn write_never_overwrites_a_file() {
    let program = fixture();
    // A pair of other people in the file a proposal would take.
    let other = "mentor: yusuf-demir\nmentee: farid-haddad\nstart: 2025-05-01\n";
    program.write("content/pairs/ana-lopez-carla-diaz.yaml", other);
    program
        .run(&["match", "--write"])
        .success()
        .stderr_has("drafted content/pairs/ana-lopez-carla-diaz-2.yaml");
    assert_eq!(
        program.read("content/pairs/ana-lopez-carla-diaz.yaml"),
        other
    );
    program.check().success();
}

#[test]
fn match_refuses_a_program_with_errors() {
    let program = fixture();
    program.patch(
        "content/people.yaml",
        "wishes: [ana-lopez]",
        "wishes: [ana-lopes]",
    );
    program
        .run(&["match", "--write"])
        .code(1)
        .stderr_has("ana-lopes")
        .stderr_has("fix these first");
    assert!(
        !program
            .path("content/pairs/priya-raman-eva-novak.yaml")
            .exists()
    );
}
