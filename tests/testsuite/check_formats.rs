//! `check --format json|github`, `--deny-warnings`, and every problem of a run reported at once.

use crate::harness::Program;

const PAIR: &str = "content/pairs/ana-lopez-ben-okafor.yaml";

/// Ten problems in five files, none hiding another.
fn ten_problems_in_five_files() -> Program {
    let program = Program::fixture("minimal");
    program
        .patch(PAIR, "    by: ben-okafor", "    by: ben-okafr")
        .patch(PAIR, "    rating: 4", "    rating: 7")
        .patch(PAIR, "    vision: 2025-02-03", "    vison: 2025-02-03")
        .patch(
            PAIR,
            "    time_bound: 2025-08-31",
            "    time_bound: 2025-05-31",
        )
        .write(
            "content/pairs/cara-diaz-ben-okafor.yaml",
            "mentor: cara-diaz\nmentee: ben-okafor\nstart: 2026-03-01\nend: 2026-01-01\n",
        )
        .patch(
            "content/program.yaml",
            "coordinators: [ana-lopez]",
            "coordinators: [ana-lopes]",
        )
        .patch(
            "content/program.yaml",
            "default_length_months: 12",
            "default_length_months: 0",
        )
        .patch(
            "content/phases/enabling.yaml",
            "  - id: exchange-feedback",
            "  - id: hold-meetings",
        )
        .patch(
            "content/guide/welcome.md",
            "(welcome.md#the-phases)",
            "(phases.md)",
        );
    program
}

#[test]
fn every_problem_of_a_run_is_reported() {
    let program = ten_problems_in_five_files();
    let run = program.check();
    run.code(1);
    let codes: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.starts_with("MB0"))
        .collect();
    assert_eq!(codes.len(), 10, "{}", run.stderr);
    let files: std::collections::BTreeSet<&str> = run
        .stderr
        .lines()
        .filter_map(|l| l.split("╭─[").nth(1))
        .map(|l| l.split(':').next().unwrap_or(""))
        .collect();
    assert_eq!(files.len(), 5, "{files:?}");
    assert!(
        run.stderr.contains("8 errors, 2 warnings"),
        "{}",
        run.stderr
    );
}

#[test]
fn json_format_gives_one_object_per_problem() {
    let program = ten_problems_in_five_files();
    let run = program.run(&["check", "--format", "json"]);
    run.code(1);
    assert_eq!(run.stderr, "", "json goes to standard output only");
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 10, "{}", run.stdout);
    for l in &lines {
        assert!(
            l.starts_with("{\"file\":\"content/") && l.ends_with('}'),
            "{l}"
        );
        for key in [
            "\"line\":",
            "\"column\":",
            "\"severity\":",
            "\"code\":\"MB0",
            "\"name\":",
            "\"message\":",
            "\"hint\":",
        ] {
            assert!(l.contains(key), "{key} missing in {l}");
        }
    }
    insta::assert_snapshot!("check_json", run.stdout);
}

#[test]
fn github_format_annotates_the_pull_request() {
    let program = ten_problems_in_five_files();
    let run = program.run(&["check", "--format", "github"]);
    run.code(1);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 10, "{}", run.stdout);
    assert!(
        lines
            .iter()
            .all(|l| l.starts_with("::error file=") || l.starts_with("::warning file=")),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains(&format!(
            "::error file={PAIR},line=62,col=9,title=MB0201 unknown-person at evaluations[0].by::"
        )),
        "{}",
        run.stdout
    );
    insta::assert_snapshot!("check_github", run.stdout);
}

#[test]
fn deny_warnings_fails_on_a_warning() {
    let program = Program::fixture("minimal");
    program.patch(
        PAIR,
        "    time_bound: 2025-08-31",
        "    time_bound: 2025-05-31",
    );
    program.check().code(0).stderr_has("0 errors, 1 warning");
    program
        .run(&["check", "--deny-warnings"])
        .code(1)
        .stderr_has("--deny-warnings");
    Program::fixture("minimal")
        .run(&["check", "--deny-warnings"])
        .code(0);
}

#[test]
fn paths_are_shown_from_where_the_command_runs() {
    let program = Program::fixture("minimal");
    program.patch(PAIR, "    by: ben-okafor", "    by: ben-okafr");
    let run = crate::harness::run_in(
        program.root().parent().unwrap(),
        &["check", "program", "--format", "github"],
    );
    assert!(
        run.stdout.contains(&format!("file=program/{PAIR},line=62")),
        "{}",
        run.stdout
    );
}

#[test]
fn every_problem_code_is_documented_in_order() {
    let doc = std::fs::read_to_string(crate::harness::repo_root().join("docs/problems.md"))
        .expect("docs/problems.md");
    let mut last = 0;
    for code in mentorbook::diagnostic::Code::ALL {
        let heading = format!("\n## {} {}\n", code.as_str(), code.name());
        let at = doc
            .find(&heading)
            .unwrap_or_else(|| panic!("docs/problems.md has no section `{}`", heading.trim()));
        assert!(
            at > last,
            "{} is out of order in docs/problems.md",
            code.as_str()
        );
        last = at;
    }
}
