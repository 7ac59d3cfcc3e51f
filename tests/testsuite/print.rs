//! Workbooks and the handbook on paper: `mentorbook pdf` drives Debian's headless Chromium, and the
//! PDF files are read back with poppler's `pdfinfo` and `pdftotext`.
//!
//! A missing Chromium or poppler fails these tests with the install command, unless
//! `MENTORBOOK_SKIP_BROWSER=1` is set outside CI (see [`crate::harness::tool_missing`]). The errors
//! for a missing or broken browser are tested without one.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use crate::browser::require_chromium;
use crate::harness::{Program, Run, broken_links, pair_ids};

/// Whether Chromium and poppler are there; when one is missing, a failure, or `false` and a
/// `skipped:` note when the developer asked for that (see [`crate::harness::tool_missing`]).
fn require_tools() -> bool {
    if require_chromium().is_none() {
        return false;
    }
    for tool in ["pdfinfo", "pdftotext"] {
        if Command::new(tool).arg("-v").output().is_err() {
            crate::harness::tool_missing(
                &format!("poppler is missing (no {tool} on PATH)"),
                "apt-get install chromium poppler-utils",
            );
            return false;
        }
    }
    true
}

/// A program whose PDF files were made, for the checks that read them.
struct Printed {
    program: Program,
    run: Run,
    took: Duration,
}

/// The PDF files of the bundled program, made once and read by several checks. (One test rather
/// than a shared static: a static's temporary folder would never be removed.)
#[test]
fn pdf_of_the_bundled_program() {
    if !require_tools() {
        return;
    }
    let program = Program::bundled();
    let started = Instant::now();
    let run = program.run_long(&["pdf"], &[]);
    let took = started.elapsed();
    run.success();
    let printed = Printed { program, run, took };
    one_pdf_per_pair_the_blank_workbook_and_the_handbook(&printed);
    pair_workbooks_have_the_names_goals_dates_and_a_page_per_phase(&printed);
    the_blank_workbook_and_the_handbook(&printed);
    contents_pages_give_the_page_of_each_entry(&printed);
}

/// `pdfinfo`'s fields.
fn pdfinfo(pdf: &Path) -> BTreeMap<String, String> {
    let out = Command::new("pdfinfo")
        .arg(pdf)
        .output()
        .expect("run pdfinfo");
    assert!(
        out.status.success(),
        "pdfinfo {} failed: {}",
        pdf.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned()))
        .collect()
}

/// The text of each page, laid out as printed.
fn page_texts(pdf: &Path) -> Vec<String> {
    let out = Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("run pdftotext");
    assert!(out.status.success(), "pdftotext {} failed", pdf.display());
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_owned).collect();
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    pages
}

/// Text with every run of white space as one space, and no break after a hyphen, so that words a
/// table cell wrapped read as written.
fn flat(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace("- ", "-")
}

/// The lines of a page that hold text.
fn lines(page: &str) -> Vec<&str> {
    page.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect()
}

/// Checks that each of the four phases starts a page of `pages`: the phase's first line comes
/// right after the running head.
#[track_caller]
fn assert_phases_start_pages(pdf: &Path, pages: &[String]) {
    for n in 1..=4 {
        let kicker = format!("PHASE {n} OF 4");
        let starts: Vec<usize> = pages
            .iter()
            .enumerate()
            .filter(|(_, p)| p.contains(&kicker))
            .map(|(i, _)| i)
            .collect();
        assert_eq!(
            starts.len(),
            1,
            "{}: `{kicker}` is on pages {starts:?}",
            pdf.display()
        );
        let page = lines(&pages[starts[0]]);
        assert!(
            page.get(1).is_some_and(|l| l.starts_with(&kicker)),
            "{}: phase {n} does not start page {}:\n{}",
            pdf.display(),
            starts[0] + 1,
            page.join("\n")
        );
    }
}

/// The titles of a PDF's outline (bookmarks), as Chromium writes them.
fn outline(pdf: &Path) -> Vec<String> {
    let bytes = std::fs::read(pdf).expect("read the PDF");
    let text = String::from_utf8_lossy(&bytes);
    assert!(
        text.contains("/Outlines"),
        "{} has no outline (bookmarks)",
        pdf.display()
    );
    let mut titles = Vec::new();
    let mut rest = &bytes[..];
    while let Some(i) = find(rest, b"/Title ") {
        rest = &rest[i + 7..];
        let title = if rest.first() == Some(&b'(') {
            let end = find(rest, b")").unwrap_or(rest.len());
            String::from_utf8_lossy(&rest[1..end]).into_owned()
        } else if rest.first() == Some(&b'<') {
            let end = find(rest, b">").unwrap_or(rest.len());
            let hex = String::from_utf8_lossy(&rest[1..end]).into_owned();
            let raw: Vec<u8> = (0..hex.len() / 2)
                .filter_map(|i| u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).ok())
                .collect();
            let units: Vec<u16> = raw
                .chunks(2)
                .skip(1)
                .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
                .collect();
            String::from_utf16_lossy(&units)
        } else {
            continue;
        };
        titles.push(title);
    }
    titles
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn one_pdf_per_pair_the_blank_workbook_and_the_handbook(printed: &Printed) {
    let site = printed.program.path("book");
    let ids = pair_ids(printed.program.root());
    let mut expected: Vec<String> = ids.iter().map(|id| format!("{id}.pdf")).collect();
    expected.extend(["handbook.pdf".to_owned(), "workbook.pdf".to_owned()]);
    expected.sort();
    let found = crate::harness::entries(&site.join("pdf"));
    let found: Vec<&String> = found.iter().filter(|n| !n.starts_with('.')).collect();
    assert_eq!(
        found,
        expected.iter().collect::<Vec<_>>(),
        "the PDF files in book/pdf"
    );
    printed.run.stderr_has(&format!(
        "{} PDF files in ./book/pdf: {} made in ",
        expected.len(),
        expected.len()
    ));

    let mut report = Vec::new();
    for name in &expected {
        let pdf = site.join("pdf").join(name);
        let info = pdfinfo(&pdf);
        assert!(
            info["Page size"].contains("(A4)"),
            "{name}: the bundled program prints on A4, not {}",
            info["Page size"]
        );
        assert!(!info["Title"].is_empty(), "{name} has no title");
        report.push(format!("{name}: {} pages", info["Pages"]));
    }
    eprintln!(
        "made {} PDF files in {:.1} s:\n{}",
        expected.len(),
        printed.took.as_secs_f64(),
        report.join("\n")
    );

    // Each pair's pages link to its workbook and to its PDF, and every link of the site resolves.
    for id in &ids {
        let overview = printed.program.read(format!("book/pairs/{id}/index.html"));
        assert!(overview.contains(&format!("href=\"../../pairs/{id}/workbook/index.html\"")));
        assert!(
            overview.contains(&format!("href=\"../../pdf/{id}.pdf\"")),
            "pairs/{id}/ does not link to its PDF"
        );
    }
    let broken = broken_links(&site);
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

fn pair_workbooks_have_the_names_goals_dates_and_a_page_per_phase(printed: &Printed) {
    let (program, _) = mentorbook::load_program(printed.program.root());
    let program = program.expect("the bundled program loads");
    for pair in &program.pairs {
        let pdf = printed.program.path(format!("book/pdf/{}.pdf", pair.id));
        let name = |id| program.person(id).expect("a person").name.clone();
        let (mentor, mentee) = (name(&pair.file.mentor.value), name(&pair.file.mentee.value));
        let info = pdfinfo(&pdf);
        assert!(
            info["Title"].contains(&mentor) && info["Title"].contains(&mentee),
            "{}: the title is {:?}",
            pdf.display(),
            info["Title"]
        );
        let pages = page_texts(&pdf);
        let text = flat(&pages.join("\n"));
        for goal in &pair.file.goals {
            assert!(
                text.contains(&flat(&goal.title)),
                "{}: the goal {:?} is not in the text",
                pdf.display(),
                goal.title
            );
        }
        assert_phases_start_pages(&pdf, &pages);
        // Each item done shows when, beside it: the date is on the item's first line.
        for phase in &program.phases {
            for item in &phase.file.checklist {
                let Some(done) = pair.progress_of(phase.id, &item.id.value) else {
                    continue;
                };
                let start: String = item
                    .text
                    .split_whitespace()
                    .take(6)
                    .collect::<Vec<_>>()
                    .join(" ");
                let date = mentorbook::render::strings::date_long(
                    done.done.value,
                    &mentorbook::render::strings::Strings::default(),
                );
                let lines: Vec<&str> = pages
                    .iter()
                    .flat_map(|p| p.lines())
                    .filter(|l| flat(l).contains(&start))
                    .collect();
                assert!(
                    lines.iter().any(|l| l.contains(&date)),
                    "{}: {start:?} does not show {date} beside it: {lines:?}",
                    pdf.display()
                );
            }
        }
        // Every page but the cover has the pair's names at the top and its number at the bottom.
        let total = pages.len();
        for (i, page) in pages.iter().enumerate().skip(1) {
            let l = lines(page);
            assert!(
                l[0].contains(&format!("{mentor} & {mentee}")),
                "{}: page {} has no running head: {:?}",
                pdf.display(),
                i + 1,
                l[0]
            );
            assert!(
                l.last()
                    .is_some_and(|f| f.ends_with(&format!("Page {} of {total}", i + 1))),
                "{}: page {} has no page number",
                pdf.display(),
                i + 1
            );
        }
        let titles = outline(&pdf);
        for phase in &program.phases {
            assert!(
                titles.contains(&phase.file.title),
                "{}: no bookmark for {}: {titles:?}",
                pdf.display(),
                phase.file.title
            );
        }
    }
}

fn the_blank_workbook_and_the_handbook(printed: &Printed) {
    let blank = printed.program.path("book/pdf/workbook.pdf");
    let pages = page_texts(&blank);
    assert_phases_start_pages(&blank, &pages);
    let text = flat(&pages.join("\n"));
    assert!(text.contains("Mentoring workbook"));
    assert!(text.contains("For a new mentoring pair"));
    for id in pair_ids(printed.program.root()) {
        let (program, _) = mentorbook::load_program(printed.program.root());
        let program = program.expect("loads");
        let pair = program.pairs.iter().find(|p| p.id.as_str() == id).unwrap();
        let mentee = &program.person(&pair.file.mentee.value).unwrap().name;
        assert!(
            !text.contains(mentee.as_str()),
            "the blank workbook names {mentee}"
        );
    }

    let handbook = printed.program.path("book/pdf/handbook.pdf");
    let info = pdfinfo(&handbook);
    assert_eq!(info["Title"], "Riverside Mentoring Handbook");
    let pages = page_texts(&handbook);
    let text = flat(&pages.join("\n"));
    for chapter in crate::harness::chapter_ids(printed.program.root()) {
        let md = printed.program.read(format!("content/guide/{chapter}.md"));
        let title = md
            .lines()
            .find_map(|l| l.strip_prefix("title: "))
            .expect("a title")
            .trim_matches('"');
        assert!(
            text.contains(title),
            "the handbook lacks the chapter {title:?}"
        );
        assert!(
            pages.iter().any(|p| lines(p).get(1) == Some(&title)),
            "the chapter {title:?} does not start a page"
        );
    }
    assert!(outline(&handbook).contains(&"Negotiation".to_owned()));
}

#[test]
fn many_meetings_flow_onto_more_pages_without_cutting_rows_on_letter_paper() {
    if !require_tools() {
        return;
    }
    let program = Program::fixture("minimal");
    program.write(
        "book.toml",
        format!(
            "{}\n[print]\npaper = \"letter\"\n",
            program.read("book.toml")
        ),
    );
    let mut meetings = String::from("meetings:\n");
    let mut rows = Vec::new();
    for month in 3..=12 {
        for day in [3, 10, 17, 24] {
            let n = rows.len() + 1;
            meetings.push_str(&format!(
                "  - date: 2025-{month:02}-{day:02}\n    title: Row{n:02} title\n    \
                 agenda: [Row{n:02} agenda one, Row{n:02} agenda two, Row{n:02} agenda three]\n    \
                 follow_ups: [Row{n:02} follow-up one, Row{n:02} last]\n"
            ));
            rows.push(n);
        }
    }
    program.patch(
        "content/pairs/ana-lopez-ben-okafor.yaml",
        "meetings:\n  - date: 2025-01-20",
        &format!("{meetings}  - date: 2025-01-20"),
    );
    program.run_long(&["pdf"], &[]).success();

    let pdf = program.path("book/pdf/ana-lopez-ben-okafor.pdf");
    let info = pdfinfo(&pdf);
    assert!(
        info["Page size"].starts_with("612 x 792"),
        "not letter paper: {}",
        info["Page size"]
    );
    let pages = page_texts(&pdf);
    assert_phases_start_pages(&pdf, &pages);
    let log_pages: Vec<usize> = (0..pages.len())
        .filter(|&i| pages[i].contains("Row") && pages[i].contains("agenda"))
        .collect();
    assert!(
        log_pages.len() >= 3,
        "40 meetings fit on {} pages",
        log_pages.len()
    );
    for &i in &log_pages {
        assert!(
            pages[i].contains("FOLLOW-UPS"),
            "page {} continues the meeting log without its header row",
            i + 1
        );
    }
    // A row is never cut: its first and last lines are on the same page.
    for n in rows {
        let first = format!("Row{n:02} title");
        let last = format!("Row{n:02} last");
        let on: Vec<usize> = (0..pages.len())
            .filter(|&i| pages[i].contains(&first) || pages[i].contains(&last))
            .collect();
        assert_eq!(
            on.len(),
            1,
            "the row of meeting {n} is cut across pages {:?}",
            on.iter().map(|i| i + 1).collect::<Vec<_>>()
        );
    }
    let blank = pdfinfo(&program.path("book/pdf/workbook.pdf"));
    assert!(blank["Page size"].starts_with("612 x 792"));
}

#[test]
fn unchanged_pdfs_are_kept_and_changed_ones_made_again() {
    if !require_tools() {
        return;
    }
    let program = Program::fixture("minimal");
    let pair_pdf = program.path("book/pdf/ana-lopez-ben-okafor.pdf");
    program
        .run_long(&["pdf", "--jobs", "2"], &[])
        .success()
        .stderr_has("3 PDF files in ./book/pdf: 3 made in ");
    let modified = |p: &PathBuf| std::fs::metadata(p).unwrap().modified().unwrap();
    let first = modified(&pair_pdf);

    program
        .run_long(&["pdf"], &[])
        .success()
        .stderr_has("3 PDF files in ./book/pdf: 0 made in ")
        .stderr_has(", 3 unchanged");
    assert_eq!(
        modified(&pair_pdf),
        first,
        "an unchanged PDF was made again"
    );

    // A build without PDFs keeps them (without linking to them), so the next run has nothing to do.
    program.build().success();
    assert!(pair_pdf.is_file(), "a rebuild lost the PDF files");
    let overview = program.read("book/pairs/ana-lopez-ben-okafor/index.html");
    assert!(
        !overview.contains(".pdf\""),
        "a build without --pdf links to PDFs"
    );
    program
        .run_long(&["build", "--pdf"], &[])
        .success()
        .stderr_has("0 made in ");

    // A change to the pair makes its workbook again, and only it; a rebuild before that drops the
    // stale PDF rather than keep it.
    program.patch(
        "content/pairs/ana-lopez-ben-okafor.yaml",
        "Ben runs the routine",
        "CHANGED-VISION Ben runs the routine",
    );
    program.build().success();
    assert!(!pair_pdf.exists(), "a stale PDF survived a rebuild");
    assert!(program.path("book/pdf/handbook.pdf").is_file());
    program
        .run_long(&["pdf"], &[])
        .success()
        .stderr_has("3 PDF files in ./book/pdf: 1 made in ")
        .stderr_has(", 2 unchanged");
    assert!(flat(&page_texts(&pair_pdf).join("\n")).contains("CHANGED-VISION"));
}

#[test]
fn a_missing_browser_is_a_clear_error_and_nothing_is_written() {
    let program = Program::fixture("minimal");
    program.build().success();
    let before = program.files("book");

    let run = program.run(&["pdf", "--browser", "no-such-browser"]);
    run.code(2)
        .stderr_has("the browser `no-such-browser` does not exist")
        .stderr_has("apt-get install chromium")
        .stderr_has("mentorbook never downloads a browser")
        .stderr_has("the previous output, if any, is unchanged");
    assert_eq!(
        program.files("book"),
        before,
        "a failed run changed the site"
    );

    // With no browser named and none on PATH.
    let empty = program.tmp().join("empty-path");
    std::fs::create_dir_all(&empty).unwrap();
    let run = program.run_long(&["build", "--pdf"], &[("PATH", Some(empty.as_os_str()))]);
    run.code(2)
        .stderr_has("no browser to make PDF files with: looked for chromium, chromium-browser, google-chrome")
        .stderr_has("--browser");
    assert_eq!(
        program.files("book"),
        before,
        "a failed run changed the site"
    );
}

#[cfg(unix)]
#[test]
fn a_browser_that_fails_leaves_the_previous_site_untouched() {
    use std::os::unix::fs::PermissionsExt;
    let program = Program::fixture("minimal");
    program.build().success();
    let before = program.files("book");
    let fake = program.tmp().join("broken-browser");
    std::fs::write(&fake, "#!/bin/sh\necho 'cannot open display' >&2\nexit 3\n").unwrap();
    std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).unwrap();
    let run = program.run_long(&["pdf", "--browser", fake.to_str().unwrap()], &[]);
    run.code(2)
        .stderr_has("3 of 3 PDF files could not be made")
        .stderr_has(
            "pdf/ana-lopez-ben-okafor.pdf (from pairs/ana-lopez-ben-okafor/workbook/index.html)",
        )
        .stderr_has("cannot open display")
        .stderr_has("the previous output, if any, is unchanged");
    assert_eq!(
        program.files("book"),
        before,
        "a failed run changed the site"
    );
    assert!(
        crate::harness::entries(program.tmp())
            .iter()
            .all(|e| !e.contains("mentorbook-tmp")),
        "the staged site was left behind"
    );
}

#[test]
fn pdf_files_hold_no_private_field() {
    if !require_tools() {
        return;
    }
    // The privacy fixture: a canary in every private field (see privacy.rs).
    let program = Program::fixture("canary");
    program.run_long(&["pdf"], &[]).success();
    let canaries = crate::privacy::canaries("canary");
    let pdfs = crate::harness::entries(&program.path("book/pdf"));
    let pdfs: Vec<&String> = pdfs.iter().filter(|n| n.ends_with(".pdf")).collect();
    assert_eq!(pdfs.len(), 3, "{pdfs:?}");
    let mut public = String::new();
    for name in pdfs {
        let pdf = program.path(format!("book/pdf/{name}"));
        // The text as printed, and the file's own bytes (title, bookmarks, metadata).
        let text = page_texts(&pdf).join("\n");
        let bytes = String::from_utf8_lossy(&std::fs::read(&pdf).unwrap()).into_owned();
        let titles = outline(&pdf).join("\n");
        for haystack in [&text, &bytes, &titles] {
            let lower = haystack.to_lowercase();
            assert!(
                !lower.contains("-7f3a"),
                "{name} holds private data: {:?}",
                canaries
                    .iter()
                    .filter(|c| lower.contains(&c.to_lowercase()))
                    .collect::<Vec<_>>()
            );
        }
        public.push_str(&flat(&text));
    }
    for marker in ["PUBLIC-VISION", "PUBLIC-GOAL-TITLE", "PUBLIC-AGENDA-ITEM"] {
        assert!(public.contains(marker), "{marker} is not in any PDF");
    }
}

/// The canaries of `tests/fixtures/canary` that belong to its pair: every one but the contact
/// details of Carol, a coordinator outside the pair.
fn pair_canaries() -> Vec<&'static str> {
    crate::privacy::EXPECTED
        .iter()
        .copied()
        .filter(|c| !c.to_lowercase().contains("carol"))
        .collect()
}

const CANARY_PAIR: &str = "ana-lopez-ben-okafor";

#[test]
fn a_workbook_shows_what_its_edition_may_see() {
    let program = Program::fixture("canary");
    program.build().success();
    program
        .run(&["build", "--audience", &format!("pair:{CANARY_PAIR}")])
        .success();
    program
        .run(&["build", "--audience", "coordinators"])
        .success();
    let workbook =
        |site: &str| program.read(format!("{site}/pairs/{CANARY_PAIR}/workbook/index.html"));

    // The public workbook: every private field is lines to write on.
    let public = workbook("book");
    assert!(
        !public.to_lowercase().contains("7f3a"),
        "a canary reached the public workbook"
    );
    assert!(public.contains("PUBLIC-VISION") && public.contains("PUBLIC-AGENDA-ITEM"));
    assert!(public.contains("Notes from the first meeting") && public.contains("wb-line"));

    // The pair's edition: all of the pair's private fields, no one else's.
    let pair_site = format!("book-private/pair-{CANARY_PAIR}");
    let pair = workbook(&pair_site);
    let missing: Vec<&str> = pair_canaries()
        .into_iter()
        .filter(|c| !pair.contains(c))
        .collect();
    assert!(missing.is_empty(), "the pair's workbook lacks {missing:?}");
    assert!(
        !pair.to_lowercase().contains("carol-7f3a"),
        "the pair's workbook shows a coordinator's contact"
    );
    assert!(pair.contains(&format!("Private edition for pair:{CANARY_PAIR}")));
    assert!(pair.contains("<meta name=\"robots\" content=\"noindex, nofollow\">"));

    // The coordinators' edition: everything.
    let coordinators = workbook("book-private/coordinators");
    let missing: Vec<&&str> = crate::privacy::EXPECTED
        .iter()
        .filter(|c| !coordinators.contains(**c))
        .collect();
    assert!(
        missing.is_empty(),
        "the coordinators' workbook lacks {missing:?}"
    );

    // The blank workbook and the handbook for print hold nothing private in any edition.
    for site in ["book", pair_site.as_str(), "book-private/coordinators"] {
        for page in ["workbook/index.html", "print/index.html"] {
            assert!(
                !program
                    .read(format!("{site}/{page}"))
                    .to_lowercase()
                    .contains("7f3a"),
                "{site}/{page} holds a private field"
            );
        }
    }
}

#[test]
fn a_pair_the_audience_may_not_see_has_no_workbook() {
    // The bundled program with one pair kept to itself: another pair's edition has the workbooks
    // of the public pairs and of its own pair, not of that one.
    let program = Program::bundled();
    let ids = pair_ids(program.root());
    assert!(ids.len() > 2);
    let (mine, hidden) = (&ids[0], &ids[1]);
    let file = format!("content/pairs/{hidden}.yaml");
    let text = program.read(&file);
    program.write(&file, format!("visibility: pair\n{text}"));
    program
        .run(&["build", "--audience", &format!("pair:{mine}")])
        .success();
    let site = format!("book-private/pair-{mine}");
    for id in &ids {
        let wb = program.path(format!("{site}/pairs/{id}/workbook/index.html"));
        assert_eq!(wb.is_file(), id != hidden, "{}", wb.display());
    }
    assert!(
        program
            .path(format!("{site}/workbook/index.html"))
            .is_file()
    );
    assert!(broken_links(&program.path(&site)).is_empty());

    // A pair kept to itself has no public workbook, and no link to one.
    let program = Program::fixture("minimal");
    program.patch(
        format!("content/pairs/{CANARY_PAIR}.yaml"),
        "start: 2025-01-05\n",
        "start: 2025-01-05\nvisibility: pair\n",
    );
    program.build().success();
    assert!(!program.path(format!("book/pairs/{CANARY_PAIR}")).exists());
    let text: String = crate::harness::read_tree(&program.path("book"))
        .values()
        .map(|b| String::from_utf8_lossy(b).into_owned())
        .collect();
    assert!(!text.contains(&format!("{CANARY_PAIR}/workbook")));
    assert!(!text.contains(&format!("{CANARY_PAIR}.pdf")));
    program
        .run(&["build", "--audience", &format!("pair:{CANARY_PAIR}")])
        .success();
    assert!(
        program
            .path(format!(
                "book-private/pair-{CANARY_PAIR}/pairs/{CANARY_PAIR}/workbook/index.html"
            ))
            .is_file()
    );
}

#[test]
fn a_private_edition_is_refused_before_anything_is_written() {
    let program = Program::fixture("minimal");
    // The audience is checked before the browser is looked for, and before anything is written.
    program
        .run(&[
            "pdf",
            "--audience",
            "pair:nobody-else",
            "--browser",
            "no-such-browser",
        ])
        .code(2)
        .stderr_has("there is no pair `nobody-else`")
        .stderr_has("the previous output, if any, is unchanged")
        .stderr_lacks("no-such-browser");
    program
        .run(&[
            "build",
            "--pdf",
            "--audience",
            "coordinators",
            "-d",
            "book",
            "--browser",
            "no-such-browser",
        ])
        .code(2)
        .stderr_has(
            "refusing to write the coordinators edition to ./book: it is the public site's folder",
        );
    assert!(!program.path("book").exists() && !program.path("book-private").exists());
    assert!(
        crate::harness::entries(program.tmp())
            .iter()
            .all(|e| !e.contains("mentorbook-tmp")),
        "a staged site was left behind"
    );
    // A pair cannot take the name of a PDF file, from `new pair` either.
    program
        .run(&[
            "new",
            "pair",
            "--mentor",
            "ana-lopez",
            "--mentee",
            "ben-okafor",
            "--id",
            "workbook",
        ])
        .code(2)
        .stderr_has("a pair cannot be called `workbook`");
    assert!(!program.path("content/pairs/workbook.yaml").exists());
}

#[test]
fn a_pairs_edition_has_its_pdfs_in_its_own_folder_with_the_pairs_notes() {
    if !require_tools() {
        return;
    }
    let program = Program::fixture("canary");
    let site = format!("book-private/pair-{CANARY_PAIR}");
    program
        .run_long(&["pdf", "--audience", &format!("pair:{CANARY_PAIR}")], &[])
        .success()
        .stderr_has(&format!("3 PDF files in ./{site}/pdf: 3 made in "));
    assert!(
        !program.path("book").exists(),
        "a private edition wrote to the public folder"
    );
    let pdfs: Vec<String> = crate::harness::entries(&program.path(format!("{site}/pdf")))
        .into_iter()
        .filter(|n| n.ends_with(".pdf"))
        .collect();
    assert_eq!(
        pdfs,
        [
            format!("{CANARY_PAIR}.pdf"),
            "handbook.pdf".to_owned(),
            "workbook.pdf".to_owned()
        ]
    );

    // The pair's workbook: its notes, reflections, concerns and contact details, and on every page
    // a running foot that says the edition is private.
    let pdf = program.path(format!("{site}/pdf/{CANARY_PAIR}.pdf"));
    let pages = page_texts(&pdf);
    let text = flat(&pages.join("\n"));
    let missing: Vec<&str> = pair_canaries()
        .into_iter()
        .filter(|c| !text.contains(c))
        .collect();
    assert!(missing.is_empty(), "the pair's PDF lacks {missing:?}");
    assert!(!text.to_lowercase().contains("carol-7f3a"));
    for (i, page) in pages.iter().enumerate() {
        assert!(
            flat(page).contains(&format!("Private edition for pair:{CANARY_PAIR}")),
            "page {} of the pair's PDF does not say it is private:\n{page}",
            i + 1
        );
    }
    assert_phases_start_pages(&pdf, &pages);

    // The blank workbook and the handbook hold nothing private.
    for name in ["workbook.pdf", "handbook.pdf"] {
        let text = page_texts(&program.path(format!("{site}/pdf/{name}"))).join("\n");
        assert!(
            !text.to_lowercase().contains("7f3a"),
            "{name} holds private data"
        );
    }

    // The public PDFs of the same program hold none of it, and a pair kept to itself has no PDF.
    program.run_long(&["pdf"], &[]).success();
    let text = page_texts(&program.path(format!("book/pdf/{CANARY_PAIR}.pdf"))).join("\n");
    assert!(
        !text.to_lowercase().contains("7f3a"),
        "the public PDF holds private data"
    );
    assert!(!text.contains("Private edition"));
    program.patch(
        format!("content/pairs/{CANARY_PAIR}.yaml"),
        "start: 2025-01-05\n",
        "start: 2025-01-05\nvisibility: pair\n",
    );
    program
        .run_long(&["pdf"], &[])
        .success()
        .stderr_has("2 PDF files in ./book/pdf: ");
    assert!(!program.path(format!("book/pdf/{CANARY_PAIR}.pdf")).exists());
}

/// The entries of a printed page's contents (`<nav class="wb-toc">`), as their link texts without
/// the phase's number in its circle.
fn contents_entries(html: &str) -> Vec<String> {
    let start = html.find("<nav class=\"wb-toc\"").expect("a contents");
    let nav = &html[start..start + html[start..].find("</nav>").expect("its end")];
    nav.split("<a ")
        .skip(1)
        .map(|a| {
            let text = &a[a.find('>').expect("a link") + 1..a.find("</a>").expect("its end")];
            let text = match text.find("</span>") {
                Some(end) if text.contains("wb-num") => &text[end + "</span>".len()..],
                _ => text,
            };
            let mut plain = String::new();
            let mut in_tag = false;
            for c in text.chars() {
                match c {
                    '<' => in_tag = true,
                    '>' => in_tag = false,
                    c if !in_tag => plain.push(c),
                    _ => {}
                }
            }
            flat(&plain.replace("&amp;", "&").replace("&#39;", "'"))
        })
        .collect()
}

/// Each entry of the contents of the handbook, the blank workbook and every pair's workbook has a
/// page number beside it, and that page is where its heading is.
fn contents_pages_give_the_page_of_each_entry(printed: &Printed) {
    let program = &printed.program;
    let mut docs = vec![
        ("pdf/handbook.pdf".to_owned(), "print/index.html".to_owned()),
        (
            "pdf/workbook.pdf".to_owned(),
            "workbook/index.html".to_owned(),
        ),
    ];
    for pair in pair_ids(program.root()) {
        docs.push((
            format!("pdf/{pair}.pdf"),
            format!("pairs/{pair}/workbook/index.html"),
        ));
    }
    for (pdf, page) in docs {
        let pdf = program.path("book").join(pdf);
        let entries = contents_entries(&program.read(format!("book/{page}")));
        assert!(entries.len() >= 4, "{page}: the contents have {entries:?}");
        let pages = page_texts(&pdf);
        let contents = pages
            .iter()
            .position(|p| lines(p).contains(&"Contents"))
            .unwrap_or_else(|| panic!("{}: no contents page", pdf.display()));
        // In reading order (`pdftotext` without `-layout`), so that a title the column wrapped reads
        // as one; entries are looked for in order (the workbook has a "Checklist" in each phase),
        // or anywhere for the second column of the handbook's chapters.
        let out = Command::new("pdftotext")
            .args(["-enc", "UTF-8", "-f", &(contents + 1).to_string()])
            .args(["-l", &(contents + 1).to_string()])
            .arg(&pdf)
            .arg("-")
            .output()
            .expect("run pdftotext");
        let text = flat(&String::from_utf8_lossy(&out.stdout));
        let mut from = 0;
        for title in &entries {
            let needle = format!("{title} ");
            let at = text[from..]
                .find(&needle)
                .map(|i| i + from)
                .or_else(|| text.find(&needle))
                .unwrap_or_else(|| panic!("{}: no entry {title:?} in {text}", pdf.display()));
            let after = &text[at + needle.len()..];
            let digits: String = after.chars().take_while(char::is_ascii_digit).collect();
            let number: usize = digits.parse().unwrap_or_else(|_| {
                panic!(
                    "{}: the contents entry {title:?} has no page number: {}",
                    pdf.display(),
                    &after[..after.len().min(40)]
                )
            });
            from = at + needle.len();
            // The heading starts a line of that page (its first words: a long title wraps).
            let start: String = title.split(' ').take(3).collect::<Vec<_>>().join(" ");
            let page = pages
                .get(number - 1)
                .map(String::as_str)
                .unwrap_or_default();
            assert!(
                lines(page).iter().any(|l| flat(l).starts_with(&start)),
                "{}: the contents say {title:?} is on page {number}, but it is not there:\n{page}",
                pdf.display()
            );
        }
    }
}
