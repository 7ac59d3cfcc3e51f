//! `docs/problems.md` shows, for each problem code, the message mentorbook prints (and
//! `docs/commands.md` one more). These tests make every such example again, from the minimal
//! program with the mistake the page describes, and compare it with the page, so the pages cannot
//! fall behind the messages.
//!
//! After an intended change to a message, run
//! `UPDATE_DOCS=1 cargo test --test testsuite problems_doc` to write the real output into the page,
//! then read the diff of `docs/problems.md` (and the prose around each example) before committing.

use std::path::Path;

use crate::harness::{Program, Run};

const PAIR: &str = "content/pairs/ana-lopez-ben-okafor.yaml";
const PAGE: &str = "docs/problems.md";

/// One example on the page: the blocks it fills are the `text` blocks whose first line starts with
/// `first_line`; `make` breaks a program and returns what mentorbook printed.
struct Example {
    first_line: &'static str,
    make: fn() -> String,
}

/// The minimal program with `from` replaced by `to` in `file`.
fn minimal_with(file: &str, from: &str, to: &str) -> Program {
    let program = Program::fixture("minimal");
    program.patch(file, from, to);
    program
}

/// The report of the first problem headed `first_line` in `run`'s standard error: from that line
/// to the next problem or the count at the end.
fn report(run: &Run, first_line: &str) -> String {
    let lines: Vec<&str> = run.stderr.lines().collect();
    let Some(start) = lines.iter().position(|l| *l == first_line) else {
        return format!("(no `{first_line}` in the output)\n{}", run.stderr);
    };
    let is_end = |l: &str| {
        l.starts_with("MB0") && l.as_bytes().get(2).is_some_and(u8::is_ascii_digit)
            || l.contains(" error, ")
            || l.contains(" errors, ")
            || l.starts_with("no errors")
    };
    let end = lines[start + 1..]
        .iter()
        .position(|l| is_end(l))
        .map_or(lines.len(), |i| start + 1 + i);
    lines[start..end].join("\n").trim_end().to_owned()
}

/// The report headed `first_line` for the minimal program, with tags in `program.yaml` and a
/// profile of one line (`profile`, indented for the person's fields) for `person`.
fn profile_report(person: &str, profile: &str, first_line: &str) -> String {
    let p = Program::fixture("minimal");
    p.patch(
        "content/program.yaml",
        "meeting_cadence: monthly",
        "meeting_cadence: monthly\ntags:\n  surgery: Surgery\n  teaching: Teaching",
    );
    let title = match person {
        "ana-lopez" => "    title: Senior surgeon",
        _ => "    title: Graduate vet",
    };
    p.patch(
        "content/people.yaml",
        title,
        &format!("{title}\n    profile:\n      {profile}"),
    );
    check_report(&p, first_line)
}

fn check_report(program: &Program, first_line: &str) -> String {
    report(&program.check(), first_line)
}

/// Every example on the page, in the page's order (one for each kind of block: the page shows
/// `MB0503` and `MB0102` twice).
fn examples() -> Vec<Example> {
    vec![
        Example {
            first_line: "MB0102 missing-file",
            make: || {
                let p = Program::fixture("minimal");
                p.remove("content/program.yaml");
                check_report(&p, "MB0102 missing-file")
            },
        },
        Example {
            first_line: "{\"file\":",
            make: || {
                let p = minimal_with(PAIR, "mentee: ben-okafor", "mentee: ben-okafr");
                p.run(&["check", "--format", "json"])
                    .stdout
                    .trim_end()
                    .to_owned()
            },
        },
        Example {
            first_line: "::error ",
            make: || {
                let p = minimal_with(PAIR, "mentee: ben-okafor", "mentee: ben-okafr");
                p.run(&["check", "--format", "github"])
                    .stdout
                    .trim_end()
                    .to_owned()
            },
        },
        Example {
            first_line: "MB0001 io",
            make: || check_report(&Program::empty(), "MB0001 io"),
        },
        Example {
            first_line: "MB0002 config",
            make: || {
                let p = minimal_with("book.toml", "title = ", "titel = ");
                check_report(&p, "MB0002 config")
            },
        },
        Example {
            first_line: "MB0101 yaml",
            make: || {
                let p = minimal_with(PAIR, "    status: in_progress", "    statis: in_progress");
                check_report(&p, "MB0101 yaml")
            },
        },
        Example {
            first_line: "MB0103 bad-file-name",
            make: || {
                let p = Program::fixture("minimal");
                p.write("content/pairs/Ana Ben.yaml", p.read(PAIR));
                check_report(&p, "MB0103 bad-file-name")
            },
        },
        Example {
            first_line: "MB0108 bad-language",
            make: || profile_report("ana-lopez", "languages: [es, EN]", "MB0108 bad-language"),
        },
        Example {
            first_line: "MB0109 bad-time-zone",
            make: || {
                profile_report(
                    "ana-lopez",
                    "time_zone: Europe/Londn",
                    "MB0109 bad-time-zone",
                )
            },
        },
        Example {
            first_line: "MB0110 visibility-not-allowed",
            make: || {
                let profile =
                    "exclusions: [ben-okafor]\n      visibility:\n        exclusions: pair";
                profile_report("ana-lopez", profile, "MB0110 visibility-not-allowed")
            },
        },
        Example {
            first_line: "MB0207 unknown-tag",
            make: || {
                let profile = "expertise: [surgery, Teaching]";
                profile_report("ana-lopez", profile, "MB0207 unknown-tag")
            },
        },
        Example {
            first_line: "MB0208 self-reference",
            make: || {
                profile_report(
                    "ben-okafor",
                    "wishes: [ben-okafor]",
                    "MB0208 self-reference",
                )
            },
        },
        Example {
            first_line: "MB0310 capacity-not-mentor",
            make: || profile_report("ben-okafor", "capacity: 2", "MB0310 capacity-not-mentor"),
        },
        Example {
            first_line: "MB0104 front-matter",
            make: || {
                let p = Program::fixture("minimal");
                p.write(
                    "content/guide/welcome.md",
                    "# Welcome\n\nMentoring is a partnership.\n",
                );
                check_report(&p, "MB0104 front-matter")
            },
        },
        Example {
            first_line: "MB0105 encoding",
            make: || {
                let p = Program::fixture("minimal");
                let text = p.read(PAIR).replace(
                    "concerns: Ben still has bad weeks.",
                    "concerns: Ben still has bad weeks at the café",
                );
                // Saved in Latin-1, as an old editor would: `é` is the one byte 0xE9.
                let bytes: Vec<u8> = text
                    .chars()
                    .map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?'))
                    .collect();
                p.write(PAIR, bytes);
                check_report(&p, "MB0105 encoding")
            },
        },
        Example {
            first_line: "MB0106 broken-link",
            make: || {
                let p = minimal_with(
                    "content/guide/welcome.md",
                    "[four phases](welcome.md#the-phases)",
                    "[four phases](phases.md)",
                );
                check_report(&p, "MB0106 broken-link")
            },
        },
        Example {
            first_line: "MB0107 symlink",
            make: || {
                let p = Program::fixture("minimal");
                std::os::unix::fs::symlink(
                    Path::new("/tmp/outside.yaml"),
                    p.path("content/pairs/linked.yaml"),
                )
                .expect("make a link");
                check_report(&p, "MB0107 symlink")
            },
        },
        Example {
            first_line: "MB0201 unknown-person",
            make: || {
                let p = minimal_with(PAIR, "mentee: ben-okafor", "mentee: ben-okafr");
                check_report(&p, "MB0201 unknown-person")
            },
        },
        Example {
            first_line: "MB0202 unknown-item",
            make: || {
                let p = minimal_with(PAIR, "    vision: 2025-02-03", "    vison: 2025-02-03");
                check_report(&p, "MB0202 unknown-item")
            },
        },
        Example {
            first_line: "MB0203 unknown-goal",
            make: || {
                let p = minimal_with(
                    PAIR,
                    "concerns: Ben still has bad weeks.\n",
                    "concerns: Ben still has bad weeks.\nclosure:\n  goals_reached: [lead-surgry]\n",
                );
                check_report(&p, "MB0203 unknown-goal")
            },
        },
        Example {
            first_line: "MB0204 duplicate-id",
            make: || {
                let p = minimal_with(PAIR, "  - id: consult-timing", "  - id: lead-surgery");
                check_report(&p, "MB0204 duplicate-id")
            },
        },
        Example {
            first_line: "MB0205 wrong-role",
            make: || {
                let p = minimal_with(
                    "content/people.yaml",
                    "    name: Ben Okafor\n    roles: [mentee]",
                    "    name: Ben Okafor\n    roles: [coordinator]",
                );
                check_report(&p, "MB0205 wrong-role")
            },
        },
        Example {
            first_line: "MB0206 overlapping-mentee",
            make: || {
                let p = Program::fixture("minimal");
                p.write(
                    "content/pairs/ana-lopez-ben-okafor-2.yaml",
                    "mentor: ana-lopez\nmentee: ben-okafor\nstart: 2025-03-01\n",
                );
                check_report(&p, "MB0206 overlapping-mentee")
            },
        },
        Example {
            first_line: "MB0301 date-order",
            make: || {
                let p = minimal_with(
                    PAIR,
                    "start: 2025-01-05\n",
                    "start: 2025-01-05\nend: 2024-12-31\n",
                );
                check_report(&p, "MB0301 date-order")
            },
        },
        Example {
            first_line: "MB0302 out-of-range",
            make: || {
                let p = minimal_with(PAIR, "    rating: 4", "    rating: 9");
                check_report(&p, "MB0302 out-of-range")
            },
        },
        Example {
            first_line: "MB0303 meeting-outside-dates",
            make: || {
                let p = minimal_with(PAIR, "  - date: 2025-02-12", "  - date: 2024-12-12");
                check_report(&p, "MB0303 meeting-outside-dates")
            },
        },
        Example {
            first_line: "MB0304 deadline-after-end",
            make: || {
                let p = minimal_with(
                    PAIR,
                    "    time_bound: 2025-08-31",
                    "    time_bound: 2026-08-31",
                );
                check_report(&p, "MB0304 deadline-after-end")
            },
        },
        Example {
            first_line: "MB0305 phase-out-of-order",
            make: || {
                let p = minimal_with(PAIR, "    get-acquainted: 2025-01-25\n", "");
                check_report(&p, "MB0305 phase-out-of-order")
            },
        },
        Example {
            first_line: "MB0306 closure-without-summary",
            make: || {
                let p = minimal_with(
                    PAIR,
                    "start: 2025-01-05\n",
                    "start: 2025-01-05\nphase: closure\n",
                );
                check_report(&p, "MB0306 closure-without-summary")
            },
        },
        Example {
            first_line: "MB0307 no-meeting-frequency",
            make: || {
                let p = minimal_with(PAIR, "    frequency: monthly\n", "");
                check_report(&p, "MB0307 no-meeting-frequency")
            },
        },
        Example {
            first_line: "MB0308 record-ahead-of-checklist",
            make: || {
                let p = minimal_with(
                    PAIR,
                    "    get-acquainted: 2025-01-25\n  negotiation:\n    vision: 2025-02-03\n",
                    "",
                );
                check_report(&p, "MB0308 record-ahead-of-checklist")
            },
        },
        Example {
            first_line: "MB0309 item-not-for-pair",
            make: || {
                let p = minimal_with(
                    "content/phases/initiation.yaml",
                    "  - id: first-meeting\n",
                    "  - id: offer-to-mentor\n    text: Offer to mentor the person.\n    owner: mentor\n    initiated_by: [mentor]\n  - id: first-meeting\n",
                );
                p.patch(
                    PAIR,
                    "    get-acquainted: 2025-01-25\n",
                    "    get-acquainted: 2025-01-25\n    offer-to-mentor: 2025-01-10\n",
                );
                check_report(&p, "MB0309 item-not-for-pair")
            },
        },
        Example {
            first_line: "MB0401 template",
            make: || {
                let p = minimal_with("book.toml", "theme = \"default\"", "theme = \"riverside\"");
                p.write(
                    "themes/riverside/templates/pair.html",
                    "{% extends \"base.html\" %}{% block content %}\n<h1>{{ pair.titel }}</h1>\n{% endblock %}\n",
                );
                report(&p.build(), "MB0401 template")
            },
        },
        Example {
            first_line: "MB0402 strings",
            make: || {
                let p = minimal_with("book.toml", "theme = \"default\"", "theme = \"riverside\"");
                p.write(
                    "themes/riverside/strings.toml",
                    "[pair]\nchecklst = \"To do\"\n",
                );
                report(&p.build(), "MB0402 strings")
            },
        },
        Example {
            first_line: "MB0403 untranslated-language",
            make: || {
                let p = minimal_with("book.toml", "language = \"en\"", "language = \"sv\"");
                check_report(&p, "MB0403 untranslated-language")
            },
        },
        Example {
            first_line: "MB0404 missing-plural-form",
            make: || {
                let p = minimal_with("book.toml", "language = \"en\"", "language = \"es\"");
                p.write(
                    "i18n/es.toml",
                    "[charts]\npairs = { one = \"{count} pareja\", other = \"{count} parejas\" }\n",
                );
                check_report(&p, "MB0404 missing-plural-form")
            },
        },
        Example {
            first_line: "MB0501 goal-without-measure",
            make: || {
                let p = minimal_with(
                    PAIR,
                    "    measurable: Nine in ten consultations end within their 15 minutes, over a month.\n",
                    "",
                );
                check_report(&p, "MB0501 goal-without-measure")
            },
        },
        Example {
            first_line: "MB0502 goal-without-deadline",
            make: || {
                let p = minimal_with(PAIR, "    time_bound: 2025-08-31\n", "");
                check_report(&p, "MB0502 goal-without-deadline")
            },
        },
        Example {
            first_line: "MB0503 goal-overdue",
            make: || {
                let p = minimal_with(
                    PAIR,
                    "    time_bound: 2025-08-31",
                    "    time_bound: 2025-05-31",
                );
                check_report(&p, "MB0503 goal-overdue")
            },
        },
        Example {
            first_line: "MB0504 vague-measure",
            make: || {
                let p = minimal_with(
                    PAIR,
                    "    measurable: Nine in ten consultations end within their 15 minutes, over a month.",
                    "    measurable: Improve my timing.",
                );
                check_report(&p, "MB0504 vague-measure")
            },
        },
        Example {
            first_line: "MB0505 goal-not-realistic",
            make: || {
                let p = minimal_with(
                    PAIR,
                    "    title: Keep consultations on time\n",
                    "    title: Keep consultations on time\n    specific: Finish fifteen-minute consultations within their slot.\n",
                );
                check_report(&p, "MB0505 goal-not-realistic")
            },
        },
        Example {
            first_line: "MB0602 full-pairs-public",
            make: || {
                let p = minimal_with("book.toml", "consent = true\n", "");
                check_report(&p, "MB0602 full-pairs-public")
            },
        },
        Example {
            first_line: "MB0701 csv",
            make: || import_report("unclosed-quote.csv", "MB0701 csv"),
        },
        Example {
            first_line: "MB0702 column-map",
            make: || import_report("forms-people.csv", "MB0702 column-map"),
        },
    ]
}

/// The report of `mentorbook import people import/<csv>` (a spreadsheet of
/// `tests/fixtures/import`) into the minimal program.
fn import_report(csv: &str, first_line: &str) -> String {
    let p = Program::fixture("minimal");
    let from = crate::harness::fixture_dir("import").join(csv);
    p.write(
        format!("import/{csv}"),
        std::fs::read(from).expect("the fixture"),
    );
    report(
        &p.run(&["import", "people", &format!("import/{csv}")]),
        first_line,
    )
}

/// A `text` block of the page: where its lines are, and how far its fence is indented.
struct Block {
    /// Indices of the lines between the fences.
    lines: std::ops::Range<usize>,
    indent: usize,
}

/// The blocks of `page` that show output: fenced as `text`, or with no language.
fn blocks(page: &[&str]) -> Vec<Block> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < page.len() {
        let fence = page[i].trim_start();
        if let Some(language) = fence.strip_prefix("```") {
            let indent = page[i].len() - fence.len();
            let close = (i + 1..page.len())
                .find(|&j| page[j].trim() == "```")
                .expect("every block is closed");
            if language == "text" || language.is_empty() {
                out.push(Block {
                    lines: i + 1..close,
                    indent,
                });
            }
            i = close;
        }
        i += 1;
    }
    out
}

#[test]
fn every_example_on_the_problems_page_is_what_mentorbook_prints() {
    check_page(PAGE, &examples());
}

/// The problem shown in "Reading a problem" in docs/commands.md: a pair file as `new pair` writes
/// it, with the mentor's id misspelt.
#[test]
fn the_example_on_the_commands_page_is_what_mentorbook_prints() {
    let example = Example {
        first_line: "MB0201 unknown-person",
        make: || {
            let p = Program::fixture("minimal");
            p.remove(PAIR);
            let args = [
                "new",
                "pair",
                "--mentor",
                "ana-lopez",
                "--mentee",
                "ben-okafor",
            ];
            p.run(&[&args[..], &["--start", "2025-01-05"]].concat())
                .success();
            p.patch(PAIR, "mentor: ana-lopez", "mentor: ana-lopz");
            check_report(&p, "MB0201 unknown-person")
        },
    };
    check_page("docs/commands.md", &[example]);
}

/// Compares every output block of `page` headed by one of `examples` with what the example
/// prints; with `UPDATE_DOCS=1`, writes the real output into the page instead.
fn check_page(page_path: &str, examples: &[Example]) {
    let path = crate::harness::repo_root().join(page_path);
    let text = std::fs::read_to_string(&path).expect(page_path);
    let page: Vec<&str> = text.lines().collect();
    let update = std::env::var_os("UPDATE_DOCS").is_some_and(|v| v == "1");
    let mut replaced: Vec<(std::ops::Range<usize>, String)> = Vec::new();
    let mut stale = Vec::new();
    let mut used = vec![false; examples.len()];
    for block in blocks(&page) {
        let indent = " ".repeat(block.indent);
        let shown: Vec<&str> = page[block.lines.clone()]
            .iter()
            .map(|l| l.strip_prefix(indent.as_str()).unwrap_or(l))
            .collect();
        let Some(first) = shown.first() else { continue };
        let Some(at) = examples
            .iter()
            .position(|e| first.starts_with(e.first_line))
        else {
            continue;
        };
        // An example may fill several blocks (the page shows some twice).
        used[at] = true;
        let real = (examples[at].make)();
        if shown.join("\n") != real {
            stale.push(format!(
                "--- the page (line {}):\n{}\n--- mentorbook:\n{real}\n",
                block.lines.start + 1,
                shown.join("\n")
            ));
            let lines: Vec<String> = real
                .lines()
                .map(|l| {
                    if l.is_empty() {
                        String::new()
                    } else {
                        format!("{indent}{l}")
                    }
                })
                .collect();
            replaced.push((block.lines, lines.join("\n")));
        }
    }
    let unused: Vec<&str> = examples
        .iter()
        .zip(&used)
        .filter(|(_, u)| !**u)
        .map(|(e, _)| e.first_line)
        .collect();
    assert!(
        unused.is_empty(),
        "no block on the page for the examples {unused:?}"
    );
    if stale.is_empty() {
        return;
    }
    if update {
        let mut out: Vec<String> = Vec::new();
        let mut i = 0;
        for (range, new) in &replaced {
            out.extend(page[i..range.start].iter().map(|l| (*l).to_owned()));
            out.push(new.clone());
            i = range.end;
        }
        out.extend(page[i..].iter().map(|l| (*l).to_owned()));
        std::fs::write(&path, out.join("\n") + "\n").expect("write the page");
        eprintln!(
            "updated {} example(s) in {page_path}: read the diff",
            stale.len()
        );
        return;
    }
    panic!(
        "{} example(s) in {page_path} differ from what mentorbook prints; to write the real output \
         into the page, run `UPDATE_DOCS=1 cargo test --test testsuite problems_doc` and read the \
         diff:\n\n{}",
        stale.len(),
        stale.join("\n")
    );
}
