//! The coordinators' spreadsheets (`exports/pairs.csv`, `people.csv`, `progress.csv`): in their
//! edition and from `mentorbook export`, nowhere else; RFC 4180 with a BOM and CRLF; cells that a
//! spreadsheet would run are made text; the numbers are the pages' numbers.

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::harness::Program;

const FILES: [&str; 3] = ["pairs.csv", "people.csv", "progress.csv"];
const COORDINATORS: &str = "book-private/coordinators";

fn build_coordinators(program: &Program) {
    program
        .run(&["build", "--audience", "coordinators"])
        .success();
}

/// The rows of a CSV file, header first, read by the `csv` crate after its BOM.
fn rows(bytes: &[u8]) -> Vec<Vec<String>> {
    let text = bytes
        .strip_prefix("\u{feff}".as_bytes())
        .expect("a UTF-8 byte order mark");
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text)
        .records()
        .map(|r| r.expect("RFC 4180").iter().map(str::to_owned).collect())
        .collect()
}

/// The rows of `file` as maps from column name to value.
fn table(bytes: &[u8]) -> Vec<BTreeMap<String, String>> {
    let mut all = rows(bytes).into_iter();
    let header = all.next().expect("a header row");
    all.map(|r| header.iter().cloned().zip(r).collect())
        .collect()
}

fn read(program: &Program, dir: &str, file: &str) -> Vec<u8> {
    std::fs::read(program.path(dir).join(file)).expect("the file exists")
}

#[test]
fn the_coordinators_dashboard_links_to_each_spreadsheet() {
    let program = Program::fixture("minimal");
    build_coordinators(&program);
    let dashboard = program.read(format!("{COORDINATORS}/dashboard/index.html"));
    for file in FILES {
        let link = format!("href=\"../exports/{file}\" download");
        assert!(dashboard.contains(&link), "the dashboard has no {link}");
        read(&program, &format!("{COORDINATORS}/exports"), file);
    }
}

#[test]
fn the_coordinators_edition_has_the_three_spreadsheets() {
    let program = Program::fixture("minimal");
    build_coordinators(&program);
    let dir = format!("{COORDINATORS}/exports");
    for file in FILES {
        let bytes = read(&program, &dir, file);
        let text = String::from_utf8(bytes).expect("UTF-8");
        assert!(text.starts_with('\u{feff}'), "{file} has no BOM");
        assert!(text.ends_with("\r\n"), "{file}");
        assert_eq!(
            text.matches('\n').count(),
            text.matches("\r\n").count(),
            "{file}: every line ends with CRLF"
        );
    }
    let pairs = String::from_utf8(read(&program, &dir, "pairs.csv")).unwrap();
    assert_eq!(
        pairs,
        "\u{feff}id,mentor_id,mentor,mentee_id,mentee,phase,status,start,end,initiated_by,\
         relationship_type,visibility,items_done,items_total,percent_done,goals,goals_achieved,\
         meetings,last_meeting,closed,outcome\r\n\
         ana-lopez-ben-okafor,ana-lopez,Ana López,ben-okafor,Ben Okafor,negotiation,under-way,\
         2025-01-05,2026-01-05,mentee,\"one-to-one, formal, twelve months\",public,4,10,40,2,0,2,\
         2025-02-12,,\r\n"
    );
    let people = String::from_utf8(read(&program, &dir, "people.csv")).unwrap();
    assert_eq!(
        people,
        "\u{feff}id,name,roles,title,email,phone,contact_notes,mentor_in,mentee_in\r\n\
         ana-lopez,Ana López,mentor;coordinator,Senior surgeon,ana@example.org,'+44 20 0000 0001,,\
         ana-lopez-ben-okafor,\r\n\
         ben-okafor,Ben Okafor,mentee,Graduate vet,,,,,ana-lopez-ben-okafor\r\n"
    );
    // Initiation's three items were done by 2025-01-25: the meeting of 2025-01-20 was in it, the
    // one of 2025-02-12 in negotiation, the current phase, as are both goals (due months later).
    let progress = String::from_utf8(read(&program, &dir, "progress.csv")).unwrap();
    assert_eq!(
        progress,
        "\u{feff}pair,phase,phase_number,state,items_done,items_total,goals_not_started,\
         goals_in_progress,goals_achieved,goals_dropped,meetings,last_meeting\r\n\
         ana-lopez-ben-okafor,initiation,1,done,3,3,0,0,0,0,1,2025-01-20\r\n\
         ana-lopez-ben-okafor,negotiation,2,current,1,3,1,1,0,0,1,2025-02-12\r\n\
         ana-lopez-ben-okafor,enabling,3,upcoming,0,2,0,0,0,0,0,\r\n\
         ana-lopez-ben-okafor,closure,4,upcoming,0,2,0,0,0,0,0,\r\n"
    );
}

/// The spreadsheets count what the pages count: a pair's progress rows add up to its row in
/// `pairs.csv`, whose numbers are those of the list of pairs.
#[test]
fn the_numbers_add_up_and_match_the_pages() {
    let program = Program::bundled();
    build_coordinators(&program);
    let dir = format!("{COORDINATORS}/exports");
    let pairs = table(&read(&program, &dir, "pairs.csv"));
    let progress = table(&read(&program, &dir, "progress.csv"));
    assert!(pairs.len() >= 3, "the bundled program has pairs");
    assert_eq!(progress.len(), pairs.len() * 4);
    let ids: Vec<&str> = pairs.iter().map(|p| p["id"].as_str()).collect();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted, "pairs in order of id");
    let list = program.read(format!("{COORDINATORS}/pairs/list.js"));
    let n = |s: &str| s.parse::<usize>().unwrap();
    for pair in &pairs {
        let rows: Vec<_> = progress
            .iter()
            .filter(|r| r["pair"] == pair["id"])
            .collect();
        let sum = |col: &str| rows.iter().map(|r| n(&r[col])).sum::<usize>();
        assert_eq!(sum("items_done"), n(&pair["items_done"]), "{}", pair["id"]);
        assert_eq!(sum("items_total"), n(&pair["items_total"]));
        assert_eq!(sum("meetings"), n(&pair["meetings"]));
        let goals: usize = ["not_started", "in_progress", "achieved", "dropped"]
            .iter()
            .map(|s| sum(&format!("goals_{s}")))
            .sum();
        assert_eq!(goals, n(&pair["goals"]), "{}", pair["id"]);
        assert_eq!(sum("goals_achieved"), n(&pair["goals_achieved"]));
        let current: Vec<_> = rows.iter().filter(|r| r["state"] == "current").collect();
        assert_eq!(current.len(), 1);
        assert_eq!(current[0]["phase"], pair["phase"]);
        // The list of pairs' data: `[title, id, phase, percent, start, last meeting, ...]`.
        let last = if pair["last_meeting"].is_empty() {
            "null".to_owned()
        } else {
            format!("\"{}\"", pair["last_meeting"])
        };
        let row = format!(
            "\"{}\",\"{}\",{},\"{}\",{last},",
            pair["id"], pair["phase"], pair["percent_done"], pair["start"]
        );
        assert!(list.contains(&row), "{row} not in the list's data");
    }
}

#[test]
fn a_cell_a_spreadsheet_would_run_is_made_text() {
    let program = Program::fixture("minimal");
    program
        .patch(
            "content/people.yaml",
            "name: Ben Okafor",
            "name: '=HYPERLINK(\"http://x\", \"click\")'",
        )
        .patch(
            "content/people.yaml",
            "title: Graduate vet",
            "title: \"@SUM(A1)\"",
        )
        .patch(
            "content/pairs/ana-lopez-ben-okafor.yaml",
            "relationship_type: one-to-one, formal, twelve months",
            "relationship_type: \"-1+2\"",
        );
    build_coordinators(&program);
    let dir = format!("{COORDINATORS}/exports");
    let people = table(&read(&program, &dir, "people.csv"));
    assert_eq!(people[1]["name"], "'=HYPERLINK(\"http://x\", \"click\")");
    assert_eq!(people[1]["title"], "'@SUM(A1)");
    assert_eq!(people[0]["phone"], "'+44 20 0000 0001");
    let pairs = table(&read(&program, &dir, "pairs.csv"));
    assert_eq!(pairs[0]["mentee"], "'=HYPERLINK(\"http://x\", \"click\")");
    assert_eq!(pairs[0]["relationship_type"], "'-1+2");
    let text = String::from_utf8(read(&program, &dir, "pairs.csv")).unwrap();
    assert!(!text.contains(",=") && !text.contains(",\"="), "{text}");
}

#[test]
fn commas_quotes_and_line_breaks_come_back_as_written() {
    let program = Program::fixture("minimal");
    let name = "Okafor, Ben \"the vet\"\nsecond line";
    program.patch(
        "content/people.yaml",
        "name: Ben Okafor",
        "name: \"Okafor, Ben \\\"the vet\\\"\\nsecond line\"",
    );
    build_coordinators(&program);
    let dir = format!("{COORDINATORS}/exports");
    let people = table(&read(&program, &dir, "people.csv"));
    assert_eq!(people[1]["name"], name);
    assert_eq!(people[1]["id"], "ben-okafor");
    let pairs = table(&read(&program, &dir, "pairs.csv"));
    assert_eq!(pairs[0]["mentee"], name);
    assert_eq!(
        pairs[0]["relationship_type"],
        "one-to-one, formal, twelve months"
    );
}

/// Every file of `dir` (relative to the program) whose path is in `exports/` or ends in `.csv`.
fn exports_in(program: &Program, dir: &str) -> Vec<PathBuf> {
    program
        .files(dir)
        .into_keys()
        .filter(|p| p.starts_with("exports") || p.extension().is_some_and(|e| e == "csv"))
        .collect()
}

#[test]
fn the_public_site_and_a_pairs_edition_have_no_spreadsheets() {
    let program = Program::fixture("canary");
    program.build().success();
    program
        .run(&["build", "--audience", "pair:ana-lopez-ben-okafor"])
        .success();
    build_coordinators(&program);
    assert_eq!(exports_in(&program, "book"), Vec::<PathBuf>::new());
    let pair = "book-private/pair-ana-lopez-ben-okafor";
    assert_eq!(exports_in(&program, pair), Vec::<PathBuf>::new());
    assert_eq!(exports_in(&program, COORDINATORS).len(), 3);
}

#[test]
fn export_writes_the_editions_files_and_only_its_own() {
    let program = Program::fixture("canary");
    build_coordinators(&program);
    program
        .run(&["export"])
        .success()
        .stderr_has("exported 1 pair and 3 people into ./book-private/exports: 3 files written, 0 unchanged")
        .stderr_has("do not publish");
    for file in FILES {
        assert_eq!(
            read(&program, "book-private/exports", file),
            read(&program, &format!("{COORDINATORS}/exports"), file),
            "{file} differs from the edition's"
        );
    }
    let people = String::from_utf8(read(&program, "book-private/exports", "people.csv")).unwrap();
    assert!(people.contains("canary-email-carol-7f3a@example.org"));
    program
        .run(&["export"])
        .success()
        .stderr_has("0 files written, 3 unchanged");

    // A spreadsheet saved over an export is not replaced.
    let edited = program.path("book-private/exports/progress.csv");
    std::fs::write(&edited, "my notes").unwrap();
    program
        .run(&["export"])
        .code(2)
        .stderr_has("refusing to replace files in ./book-private/exports: progress.csv (it changed since mentorbook export wrote it)")
        .stderr_has("nothing was exported");
    assert_eq!(std::fs::read_to_string(&edited).unwrap(), "my notes");

    // Nor a file it never wrote.
    program.write("mine/pairs.csv", "mine");
    program
        .run(&["export", "--out", "mine"])
        .code(2)
        .stderr_has("pairs.csv (mentorbook export did not write it)");
    assert_eq!(program.read("mine/pairs.csv"), "mine");
    assert!(!program.path("mine/people.csv").exists());
}

#[test]
fn export_refuses_the_public_site_and_the_program() {
    let program = Program::fixture("minimal");
    for out in [
        "book",
        "book/exports",
        ".",
        "content/exports",
        "themes/x/static",
    ] {
        program
            .run(&["export", "--out", out])
            .code(2)
            .stderr_has("refusing to write the exports to");
    }
    assert!(!program.path("book").exists());
    assert!(!program.path("content/exports").exists());
    // The public site built elsewhere is known by its marker.
    program.build_into("site").success();
    program
        .run(&["export", "--out", "site"])
        .code(2)
        .stderr_has("it is in the public site's folder");
    assert_eq!(exports_in(&program, "site"), Vec::<PathBuf>::new());
}

#[test]
fn export_checks_the_program_first() {
    let program = Program::fixture("minimal");
    program.patch(
        "content/pairs/ana-lopez-ben-okafor.yaml",
        "mentee: ben-okafor",
        "mentee: ben-okafr",
    );
    program
        .run(&["export"])
        .code(1)
        .stderr_has("MB0201")
        .stderr_has("did you mean `ben-okafor`?");
    assert!(!program.path("book-private").exists());
}

#[test]
fn two_builds_make_the_same_bytes() {
    let program = Program::bundled();
    for dest in ["book-private/one", "book-private/two"] {
        program
            .run(&["build", "--audience", "coordinators", "-d", dest])
            .success();
    }
    let one = program.files("book-private/one/exports");
    assert_eq!(one.len(), 3);
    assert_eq!(one, program.files("book-private/two/exports"));
}
