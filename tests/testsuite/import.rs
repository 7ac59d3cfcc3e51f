//! `mentorbook import people|pairs`: spreadsheet exports (a Google Form, Excel) into the program,
//! every bad row located by row and column, nothing written unless every row is good, never a
//! file overwritten, and `--update` leaving every byte it does not change as it was.

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::harness::{Program, fixture_dir};

const PEOPLE: &str = "content/people.yaml";

/// The minimal program with the fixture spreadsheets (and mappings) of `tests/fixtures/import`
/// beside its content, in `import/`.
fn program() -> Program {
    let p = Program::fixture("minimal");
    for entry in std::fs::read_dir(fixture_dir("import")).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy().into_owned();
        p.write(
            format!("import/{name}"),
            std::fs::read(entry.path()).unwrap(),
        );
    }
    p
}

/// The minimal program with each person in a file of their own under `content/people/`.
fn program_with_person_files() -> Program {
    let p = program();
    p.remove(PEOPLE);
    p.write(
        "content/people/ana-lopez.yaml",
        "name: Ana López\nroles: [mentor, coordinator]\ncontact:\n  email: ana@example.org\n",
    );
    p.write(
        "content/people/ben-okafor.yaml",
        "name: Ben Okafor\nroles: [mentee]\n",
    );
    p
}

/// Every file of the program's content.
fn content(p: &Program) -> BTreeMap<PathBuf, Vec<u8>> {
    p.files("content")
}

#[test]
fn a_google_form_export_with_a_mapping_makes_one_file_per_person() {
    let p = program_with_person_files();
    let run = p.run(&[
        "import",
        "people",
        "import/forms-people.csv",
        "--map",
        "import/forms-people.toml",
    ]);
    run.success()
        .stderr_has("created content/people/carol-nguyen.yaml")
        .stderr_has("imported 3 new people");
    let carol = p.read("content/people/carol-nguyen.yaml");
    assert_eq!(
        carol,
        "# yaml-language-server: $schema=../../schemas/person.json\n\
         # A person. The file name is the id, used by pair files; never rename it once used.\n\
         name: Carol Nguyen\n\
         roles: [mentor]\n\
         title: Practice manager\n\
         bio: Fifteen years running a busy practice; happy to talk about \"difficult\" clients.\n\
         contact:\n  email: carol@example.org\n"
    );
    let dev = p.read("content/people/dev-patel.yaml");
    assert!(
        dev.contains(
            "bio: |-\n  First year in practice.\n  Moved from a farm practice.\ncontact:\n"
        ),
        "{dev}"
    );
    let emma = p.read("content/people/emma-wright.yaml");
    assert!(emma.contains("roles: [mentor, mentee]\n"), "{emma}");
    p.check().success();
    p.build().success();
}

#[test]
fn an_excel_export_with_semicolons_a_bom_and_crlf_is_appended_to_people_yaml() {
    let p = program();
    let before = p.read(PEOPLE);
    p.run(&["import", "people", "import/excel-people.csv"])
        .success()
        .stderr_has("updated content/people.yaml")
        .stderr_has("imported 2 new people");
    let after = p.read(PEOPLE);
    assert_eq!(
        after,
        format!(
            "{before}  - id: francesca-rossi\n    name: Francesca Rossi\n    roles: [mentor]\n    title: Equine vet\n    contact:\n      email: francesca@example.org\n      phone: +39 06 0000 0001\n  - id: greg-o-brien-jr\n    name: Greg O'Brien; Jr.\n    roles: [mentee]\n    title: Locum\n    contact:\n      email: greg@example.org\n"
        )
    );
    p.check().success();
}

#[test]
fn a_header_with_field_names_needs_no_mapping_and_others_are_named() {
    let p = program();
    let run = p.run(&["import", "people", "import/forms-people.csv"]);
    run.code(1)
        .stderr_has("MB0702 column-map")
        .stderr_has("column B (`Email Address`) is not a field mentorbook knows")
        .stderr_has("--write-map");
}

#[test]
fn write_map_guesses_a_mapping_that_imports() {
    let p = program_with_person_files();
    p.run(&[
        "import",
        "people",
        "import/forms-people.csv",
        "--write-map",
        "map.toml",
    ])
    .success()
    .stderr_has("wrote map.toml");
    let map = p.read("map.toml");
    for line in [
        "\"Timestamp\" = \"ignore\"",
        "\"Email Address\" = \"contact.email\"",
        "\"Full name\" = \"name\"",
        "\"Do you want to join as a mentor or a mentee?\" = \"roles\"",
        "\"Job title\" = \"title\"",
        "\"Tell us about yourself\" = \"bio\"",
    ] {
        assert!(map.contains(line), "{line} in\n{map}");
    }
    // Never over an existing file.
    p.run(&[
        "import",
        "people",
        "import/forms-people.csv",
        "--write-map",
        "map.toml",
    ])
    .code(2)
    .stderr_has("already exists");
    p.run(&[
        "import",
        "people",
        "import/forms-people.csv",
        "--map",
        "map.toml",
    ])
    .success();
    p.check().success();
}

/// Runs an import that must fail, and checks that nothing under `content/` changed.
fn fails(p: &Program, args: &[&str]) -> String {
    let before = content(p);
    let run = p.run(args);
    run.code(1).stderr_has("nothing was written");
    assert_eq!(content(p), before, "nothing is written on error");
    run.stderr.clone()
}

#[test]
fn an_unclosed_quote_is_located() {
    let p = program();
    let err = fails(&p, &["import", "people", "import/unclosed-quote.csv"]);
    assert!(err.contains("MB0701 csv"), "{err}");
    assert!(err.contains("this quote is never closed"), "{err}");
    assert!(err.contains("import/unclosed-quote.csv:2:18"), "{err}");
}

#[test]
fn a_row_with_an_extra_column_is_located() {
    let p = program();
    let err = fails(&p, &["import", "people", "import/extra-column.csv"]);
    assert!(
        err.contains("row 3 has 4 cells, but the header names 3 columns: column D has no name"),
        "{err}"
    );
    assert!(err.contains("import/extra-column.csv:3:26"), "{err}");
}

#[test]
fn duplicate_ids_in_the_file_and_in_the_program() {
    let p = program();
    let err = fails(&p, &["import", "people", "import/duplicate-id.csv"]);
    assert!(err.contains("MB0204 duplicate-id"), "{err}");
    assert!(
        err.contains("row 3: the person `hana-sato` is already made by row 2"),
        "{err}"
    );
    assert!(err.contains("import/duplicate-id.csv:3:1"), "{err}");
    assert!(
        err.contains("row 4: there is already a person `ana-lopez` (content/people.yaml)"),
        "{err}"
    );
    assert!(err.contains("--update"), "{err}");
}

#[test]
fn a_bad_date_and_an_unknown_person_are_located_by_row_and_column() {
    let p = program();
    let err = fails(&p, &["import", "pairs", "import/pairs.csv"]);
    // Carol is not in the program: the check's own message, at her cell.
    assert!(err.contains("MB0201 unknown-person"), "{err}");
    assert!(
        err.contains("row 2, column C (`mentee`): there is no person `carol-nguyen`"),
        "{err}"
    );
    assert!(err.contains("import/pairs.csv:2:12"), "{err}");
    // Month 13.
    assert!(err.contains("row 3, column D (`start`)"), "{err}");
    assert!(err.contains("import/pairs.csv:3:45"), "{err}");
}

#[test]
fn skip_bad_writes_the_good_rows_and_lists_the_others() {
    let p = program();
    p.run(&["import", "pairs", "import/pairs.csv", "--skip-bad"])
        .success()
        .stderr_has("skipped 2 rows (rows 2, 3)")
        .stderr_has("imported 0 new pairs");
    let p = program();
    p.write(
        "import/people.csv",
        "name,roles\nCarol Nguyen,mentor\nBad Row,boss\n",
    );
    p.run(&["import", "people", "import/people.csv", "--skip-bad"])
        .success()
        .stderr_has("row 3, column B (`roles`)")
        .stderr_has("skipped 1 row (rows 3)");
    assert!(p.read(PEOPLE).contains("id: carol-nguyen"));
    assert!(!p.read(PEOPLE).contains("bad-row"));
    // Now the pair with Carol imports; the bad date still does not.
    p.run(&["import", "pairs", "import/pairs.csv", "--skip-bad"])
        .success()
        .stderr_has("created content/pairs/ana-lopez-carol-nguyen.yaml");
    let pair = p.read("content/pairs/ana-lopez-carol-nguyen.yaml");
    assert!(
        pair.starts_with("# yaml-language-server: $schema=../../schemas/pair.json\n"),
        "{pair}"
    );
    assert!(
        pair.contains(
            "mentor: ana-lopez\nmentee: carol-nguyen\nstart: 2026-02-01\nend: 2026-12-31\n"
        ),
        "{pair}"
    );
    assert!(pair.contains("progress:\n  initiation:\n"), "{pair}");
    p.check().success();
    p.build().success();
}

#[test]
fn skip_bad_leaves_out_a_row_that_cannot_be_read() {
    let p = program();
    p.run(&["import", "people", "import/extra-column.csv", "--skip-bad"])
        .success()
        .stderr_has("skipped 1 row (rows 3)")
        .stderr_has("imported 1 new person");
    assert!(p.read(PEOPLE).contains("id: hana-sato"));
    assert!(!p.read(PEOPLE).contains("ivan-petrov"));
}

#[test]
fn never_overwrites_a_file() {
    let p = program_with_person_files();
    p.write("import/people.csv", "name,roles\nBen Okafor,mentor\n");
    let before = content(&p);
    p.run(&["import", "people", "import/people.csv"])
        .code(1)
        .stderr_has("there is already a person `ben-okafor` (content/people/ben-okafor.yaml)");
    assert_eq!(content(&p), before);
}

#[test]
fn dry_run_shows_and_writes_nothing() {
    let p = program();
    let before = content(&p);
    let run = p.run(&["import", "people", "import/excel-people.csv", "--dry-run"]);
    run.success().stderr_has("nothing was written (--dry-run)");
    assert!(
        run.stdout.contains("--- would edit content/people.yaml"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("+  - id: francesca-rossi"),
        "{}",
        run.stdout
    );
    assert_eq!(content(&p), before);
}

/// A people file with comments, blank lines and an order of keys of its own.
const COMMENTED: &str = "\
# Everyone in the program. Keep this list sorted by surname.
people:

  # Our first mentor.
  - id: ana-lopez
    name: Ana López   # as she writes it
    roles: [mentor, coordinator]
    bio: Twenty years in *small-animal* surgery.
    title: Senior surgeon
    contact:
      email: ana@example.org   # work address
      phone: \"+44 20 0000 0001\"

  - id: ben-okafor   # joined 2025
    roles:
      - mentee
    name: Ben Okafor
    # title to come
";

#[test]
fn update_changes_only_the_values_and_keeps_every_other_byte() {
    let p = program();
    p.write(PEOPLE, COMMENTED);
    p.write(
        "import/update.csv",
        "id,name,title,contact.email\nana-lopez,Ana López,Head of surgery,ana@example.org\nben-okafor,,Graduate vet,ben@example.org\n",
    );
    p.run(&["import", "people", "import/update.csv", "--update"])
        .success()
        .stderr_has("2 updated");
    let expected = COMMENTED
        .replace("title: Senior surgeon", "title: Head of surgery")
        .replace(
            "    name: Ben Okafor\n",
            "    name: Ben Okafor\n    title: Graduate vet\n    contact:\n      email: ben@example.org\n",
        );
    assert_eq!(p.read(PEOPLE), expected);
    // Importing the same again changes nothing, to the byte.
    p.run(&["import", "people", "import/update.csv", "--update"])
        .success()
        .stderr_has("already as the spreadsheet says");
    assert_eq!(p.read(PEOPLE), expected);
    p.check().success();
}

#[test]
fn update_finds_a_person_by_email_and_edits_their_own_file() {
    let p = program_with_person_files();
    p.write(
        "content/people/ana-lopez.yaml",
        "# Ana's file.\nname: Ana López\nroles: [mentor, coordinator]   # both\n\ncontact:\n  email: ana@example.org\n",
    );
    p.write(
        "import/update.csv",
        "name,roles,title,contact.email\nDr. Ana Lopez,mentor;coordinator,Head of surgery,ana@example.org\n",
    );
    p.run(&["import", "people", "import/update.csv", "--update"])
        .success()
        .stderr_has("updated content/people/ana-lopez.yaml");
    assert_eq!(
        p.read("content/people/ana-lopez.yaml"),
        "# Ana's file.\nname: Dr. Ana Lopez\nroles: [mentor, coordinator]   # both\n\ncontact:\n  email: ana@example.org\ntitle: Head of surgery\n"
    );
    p.check().success();
}

#[test]
fn a_bad_value_in_an_update_is_located_and_nothing_is_written() {
    let p = program();
    p.write("import/update.csv", "id,roles\nben-okafor,mentee;menter\n");
    let err = fails(&p, &["import", "people", "import/update.csv", "--update"]);
    assert!(err.contains("row 2, column B (`roles`)"), "{err}");
    assert!(err.contains("unknown value `menter`"), "{err}");
}

#[test]
fn imported_contact_details_never_reach_the_public_site() {
    let p = program_with_person_files();
    p.write(
        "import/people.csv",
        "name,roles,contact.email,contact.phone,contact.notes\n\
         Carol Nguyen,mentor,canary-import-email-7f3a@example.org,CANARY-IMPORT-PHONE-7f3a,CANARY-IMPORT-NOTES-7f3a\n",
    );
    p.run(&["import", "people", "import/people.csv"]).success();
    assert!(
        p.read("content/people/carol-nguyen.yaml")
            .contains("CANARY-IMPORT-PHONE-7f3a")
    );
    p.build().success();
    assert!(!p.files("book").is_empty());
    for (path, bytes) in p.files("book") {
        let text = String::from_utf8_lossy(&bytes).to_lowercase();
        for canary in [
            "canary-import-email-7f3a",
            "canary-import-phone-7f3a",
            "canary-import-notes-7f3a",
        ] {
            assert!(!text.contains(canary), "{canary} in {}", path.display());
        }
    }
}

/// The program's tags, as `program.yaml` lists them.
const TAGS: &str = "tags:\n  surgery: Surgery\n  client-communication: Client communication\n  teaching: Teaching\n";

#[test]
fn profiles_from_a_form_with_an_unknown_tag_located_then_imported() {
    let p = program();
    let program = p.read("content/program.yaml");
    p.write("content/program.yaml", format!("{program}{TAGS}"));
    let args = [
        "import",
        "people",
        "import/forms-mentors.csv",
        "--map",
        "import/forms-mentors.toml",
    ];
    let err = fails(&p, &args);
    assert!(err.contains("MB0207 unknown-tag"), "{err}");
    assert!(
        err.contains("row 3, column D (`Areas of expertise`): the program has no tag `teachng`"),
        "{err}"
    );
    assert!(err.contains("import/forms-mentors.csv:3:56"), "{err}");
    assert!(err.contains("did you mean `teaching`?"), "{err}");
    p.patch("import/forms-mentors.csv", "Teachng", "Teaching");
    let before = p.read(PEOPLE);
    p.run(&args).success().stderr_has("imported 2 new people");
    assert_eq!(
        p.read(PEOPLE),
        format!(
            "{before}  - id: hana-sato\n    name: Hana Sato\n    roles: [mentor]\n    contact:\n      email: hana@example.org\n    profile:\n      expertise: [surgery, client-communication]\n      capacity: 2\n      availability:\n        modes: [in_person, video]\n        times: [weekday_evenings, weekends]\n      languages: [en, ja]\n      time_zone: Asia/Tokyo\n  - id: ivan-petrov\n    name: Ivan Petrov\n    roles: [mentor]\n    contact:\n      email: ivan@example.org\n    profile:\n      expertise: [surgery, teaching]\n      capacity: 1\n      availability:\n        modes: [phone]\n        times: [weekends]\n      languages: [en]\n      time_zone: Europe/Sofia\n"
        )
    );
    p.check().success();
    p.build().success();
}

#[test]
fn update_of_a_pair_changes_only_its_end() {
    let p = program();
    let pair = "content/pairs/ana-lopez-ben-okafor.yaml";
    let before = p.read(pair);
    p.write(
        "import/pairs-update.csv",
        "id,end,initiated_by\nana-lopez-ben-okafor,2026-01-31,Mentee\n",
    );
    p.run(&["import", "pairs", "import/pairs-update.csv", "--update"])
        .success()
        .stderr_has(&format!("updated {pair}"));
    let after = p.read(pair);
    // A pair file with no `end:` gets it after its last key, with `initiated_by`.
    assert!(after.starts_with(&before), "{after}");
    assert_eq!(
        &after[before.len()..],
        "end: 2026-01-31\ninitiated_by: mentee\n"
    );
    p.check().success();
}
