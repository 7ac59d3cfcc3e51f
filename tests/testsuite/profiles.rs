//! People's profiles (`profile:` in the people files) and the program's `tags`: every check of them
//! reported at its file, line and column, and a good profile checked clean.

use crate::harness::Program;

/// The minimal program with tags in `program.yaml`, and `ana` and `ben` as the profiles of
/// ana-lopez (a mentor) and ben-okafor (a mentee), each a YAML block indented for a person's
/// fields.
fn with_profiles(ana: &str, ben: &str) -> Program {
    let p = Program::fixture("minimal");
    p.patch(
        "content/program.yaml",
        "meeting_cadence: monthly",
        "meeting_cadence: monthly\ntags:\n  surgery: Surgery\n  teaching: Teaching\n  \
         leadership: Leadership\nrequests: Write to mentoring@example.org.\n",
    );
    p.patch(
        "content/people.yaml",
        "    title: Senior surgeon",
        &format!(
            "    title: Senior surgeon\n    profile:\n{}",
            ana.trim_end()
        ),
    );
    p.patch(
        "content/people.yaml",
        "    title: Graduate vet",
        &format!("    title: Graduate vet\n    profile:\n{}", ben.trim_end()),
    );
    p
}

/// The problems `check --format json` reports, one `(code, line, column)` each, in the people file.
fn problems(p: &Program) -> Vec<(String, u64, u64)> {
    let run = p.run(&["check", "--format", "json"]);
    run.stdout
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("a JSON line");
            assert_eq!(v["file"], "content/people.yaml", "{l}");
            (
                v["code"].as_str().unwrap().to_owned(),
                v["line"].as_u64().unwrap(),
                v["column"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn a_full_profile_checks_clean() {
    let p = with_profiles(
        "      expertise: [surgery, teaching]\n      interests: [leadership]\n      \
         goals: Hand on what I know.\n      capacity: 2\n      availability:\n        \
         modes: [in_person, video, phone]\n        times: [weekday_mornings, weekends]\n      \
         languages: [en, es]\n      time_zone: Europe/London\n      location: Riverside\n      \
         exclusions: [ben-okafor]\n      visibility:\n        location: public\n",
        "      interests: [surgery]\n      wishes: [ana-lopez]\n      time_zone: america/new_york\n",
    );
    let run = p.check();
    run.success();
    assert!(run.stderr.contains("no errors"), "{}", run.stderr);
}

#[test]
fn every_check_of_a_profile_is_located() {
    let p = with_profiles(
        // Line 7 onwards of people.yaml.
        "      expertise: [surgery, Teaching]\n\
         \x20     capacity: 0\n\
         \x20     languages: [en, xx]\n\
         \x20     time_zone: Europe/Londn\n\
         \x20     exclusions: [ana-lopez, zoe-quinn]\n\
         \x20     visibility:\n\
         \x20       wishes: public\n",
        "      interests: [cooking]\n\
         \x20     capacity: 1\n\
         \x20     wishes: [ben-okafor]\n",
    );
    let mut found = problems(&p);
    found.sort();
    let expected = [
        ("MB0108", 9, 23),  // xx
        ("MB0109", 10, 18), // Europe/Londn
        ("MB0110", 13, 17), // visibility: wishes
        ("MB0201", 11, 31), // zoe-quinn
        ("MB0207", 7, 28),  // Teaching
        ("MB0207", 23, 19), // cooking
        ("MB0208", 11, 20), // ana-lopez excludes herself
        ("MB0208", 25, 16), // ben-okafor wishes for himself
        ("MB0302", 8, 17),  // capacity 0
        ("MB0310", 24, 17), // a mentee's capacity
    ];
    let expected: Vec<(String, u64, u64)> = expected
        .iter()
        .map(|(c, l, col)| ((*c).to_owned(), *l, *col))
        .collect();
    assert_eq!(found, expected, "{}", p.read("content/people.yaml"));
}

#[test]
fn a_wish_for_someone_who_is_not_a_mentor_is_a_warning() {
    let p = with_profiles("      capacity: 1\n", "      wishes: [ana-lopez]\n");
    p.patch(
        "content/people.yaml",
        "roles: [mentor, coordinator]",
        "roles: [coordinator]",
    );
    // ana-lopez is still the pair's mentor: that warning is in the pair file, not counted here.
    let run = p.run(&["check", "--format", "json"]);
    let wishes: Vec<&str> = run
        .stdout
        .lines()
        .filter(|l| l.starts_with("{\"file\":\"content/people.yaml\""))
        .collect();
    assert_eq!(wishes.len(), 2, "{}", run.stdout);
    assert!(wishes.iter().any(|l| l.contains("\"code\":\"MB0205\"")
        && l.contains("\"line\":17")
        && l.contains("not listed as a mentor")));
    assert!(wishes.iter().any(|l| l.contains("\"code\":\"MB0310\"")));
}

#[test]
fn a_tag_with_no_list_of_tags_says_how_to_start_one() {
    let p = Program::fixture("minimal");
    p.patch(
        "content/people.yaml",
        "    title: Senior surgeon",
        "    title: Senior surgeon\n    profile:\n      expertise: [surgery]",
    );
    let run = p.check();
    run.code(1);
    assert!(run.stderr.contains("MB0207 unknown-tag"), "{}", run.stderr);
    assert!(
        run.stderr.contains("`tags:` with `surgery: surgery`"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_tag_id_that_is_not_an_id_is_located_in_program_yaml() {
    let p = Program::fixture("minimal");
    p.patch(
        "content/program.yaml",
        "meeting_cadence: monthly",
        "meeting_cadence: monthly\ntags:\n  Client Care: Client care\n",
    );
    let run = p.check();
    run.code(1);
    assert!(
        run.stderr.contains("content/program.yaml:9:3"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_profile_of_a_person_in_their_own_file_is_checked_there() {
    let p = Program::fixture("minimal");
    p.write(
        "content/people/dan-reyes.yaml",
        "name: Dan Reyes\nroles: [mentor]\nprofile:\n  languages: [EN]\n",
    );
    let run = p.run(&["check", "--format", "json"]);
    let line = run
        .stdout
        .lines()
        .find(|l| l.contains("MB0108"))
        .unwrap_or_else(|| panic!("{}", run.stdout));
    assert!(
        line.contains("\"file\":\"content/people/dan-reyes.yaml\"")
            && line.contains("\"line\":4")
            && line.contains("\"column\":15")
            && line.contains("lower case: `en`"),
        "{line}"
    );
}
