//! `mentorbook init --language`: a Spanish program, English guidelines with a note for French,
//! German and Portuguese, other languages in English with a warning, and bad tags refused.

use crate::harness::{PHASES, Program, broken_links, entries, read_tree, repo_root, run_as_of};

/// The note each file of a `--language fr` program starts with.
const FRENCH_NOTE: &str = "Ce fichier est en anglais";

#[test]
fn a_spanish_program_is_written_in_spanish_and_builds_with_no_problem() {
    let program = Program::empty();
    program
        .run(&["init", "--language", "es"])
        .success()
        .stderr_has("created a mentorbook program in .");
    assert!(
        program
            .read("book.toml")
            .lines()
            .any(|l| l == "language = \"es\"")
    );
    assert!(
        program
            .read("book.toml")
            .contains("Nuestro manual de mentoría")
    );
    // The phases keep their file names (their ids), with Spanish text.
    for (phase, title) in PHASES
        .iter()
        .zip(["Iniciación", "Negociación", "Desarrollo", "Cierre"])
    {
        let text = program.read(format!("content/phases/{phase}.yaml"));
        assert!(
            text.contains(&format!("\ntitle: {title}\n")),
            "{phase}: {text}"
        );
    }
    assert_eq!(
        entries(&program.path("content/guide")),
        [
            "cualidades.md",
            "cuatro-componentes.md",
            "evaluacion-y-cierre.md",
            "funciones.md",
            "las-cuatro-fases.md",
            "limites.md",
            "objetivos-smart.md",
            "que-es-la-mentoria.md",
            "reuniones.md",
        ]
    );
    assert_eq!(
        entries(&program.path("content/pairs")),
        ["lucia-romero-mateo-diaz.yaml"]
    );
    assert!(program.read("content/people.yaml").contains("Lucía Romero"));
    assert!(
        program
            .read("content/program.yaml")
            .contains("Nuestro programa de mentoría")
    );
    // No English file slipped in.
    assert!(!program.path("content/guide/roles.md").exists());
    assert!(
        !program
            .path("content/pairs/sam-rivera-jo-chen.yaml")
            .exists()
    );

    program
        .check()
        .success()
        .stderr_has("no errors: 3 people, 1 pair, 9 guide chapters")
        .stderr_lacks("warning");
    program.build().success();
    for (phase, title) in PHASES
        .iter()
        .zip(["Iniciación", "Negociación", "Desarrollo", "Cierre"])
    {
        let page = program.read(format!("book/phases/{phase}/index.html"));
        assert!(page.contains(title), "the {phase} page is not in Spanish");
    }
    assert!(program.path("book/guide/funciones/index.html").is_file());
    assert!(
        program
            .read("book/phases/negotiation/index.html")
            .contains("Acordar cómo se comunicarán")
    );
    program
        .run(&["build", "--audience", "coordinators"])
        .success();
    let pair = program.read("book-private/coordinators/pairs/lucia-romero-mateo-diaz/index.html");
    assert!(pair.contains("Dirigir un proyecto pequeño de principio a fin"));
    for site in ["book", "book-private/coordinators"] {
        assert_eq!(broken_links(&program.path(site)), Vec::<String>::new());
    }
}

/// Like the English one, the Spanish sample's dates follow the day `init` runs: no warning.
#[test]
fn a_spanish_program_has_no_warning_whatever_the_day() {
    for today in ["2025-06-01", "2028-02-29", "2031-12-31"] {
        let program = Program::empty();
        run_as_of(program.root(), &["init", "--language", "es"], today).success();
        run_as_of(program.root(), &["check"], today)
            .success()
            .stderr_has("no errors: 3 people, 1 pair")
            .stderr_lacks("warning");
    }
}

#[test]
fn a_french_program_has_the_english_guidelines_and_says_so_in_french() {
    let program = Program::empty();
    program
        .run(&["init", "--language", "fr"])
        .success()
        .stderr_has("the guide, the phase checklists and the sample are in English");
    let book = program.read("book.toml");
    assert!(book.starts_with(&format!("# {FRENCH_NOTE}")), "{book}");
    assert!(book.lines().any(|l| l == "language = \"fr\""));
    // Every file of content/ says so at its top: YAML after its `$schema` line, a chapter after
    // its front matter. The rest of each phase and chapter is the English one, unchanged.
    let bundled = read_tree(&repo_root().join("content"));
    for (rel, bytes) in read_tree(&program.path("content")) {
        let text = String::from_utf8(bytes).unwrap();
        let top: Vec<&str> = text.lines().take(12).collect();
        let noted = top.iter().position(|l| l.contains(FRENCH_NOTE));
        let Some(at) = noted else {
            panic!("content/{} has no note at its top:\n{text}", rel.display());
        };
        match rel.extension().and_then(|e| e.to_str()) {
            Some("yaml") => {
                assert_eq!(at, 1, "{}", rel.display());
                assert!(top[0].starts_with("# yaml-language-server: $schema="));
            }
            Some("md") => {
                assert!(top[at].starts_with("<!-- "), "{}", rel.display());
                assert_eq!(top[at - 1], "---", "{}", rel.display());
            }
            _ => panic!("unexpected file content/{}", rel.display()),
        }
        let guideline = rel.starts_with("phases") || rel.starts_with("guide");
        if let Some(english) = bundled.get(&rel).filter(|_| guideline) {
            let without: String = text
                .lines()
                .filter(|l| !l.contains(FRENCH_NOTE) && !l.contains("n'existent pas encore"))
                .map(|l| format!("{l}\n"))
                .collect();
            assert!(
                without.as_bytes() == english.as_slice(),
                "content/{} is not the English guideline",
                rel.display()
            );
        }
    }
    program
        .check()
        .success()
        .stderr_has("no errors: 3 people, 1 pair, 9 guide chapters");
    program.build().success();
    // The note is for whoever edits the files: it never reaches the pages or the search index.
    for (page, bytes) in read_tree(&program.path("book")) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains("n'existent pas encore"),
            "{} shows the note",
            page.display()
        );
    }
}

#[test]
fn german_and_portuguese_notes_are_in_their_language_and_tags_are_written_canonically() {
    for (flag, tag, note) in [
        ("de", "de", "# Diese Datei ist auf Englisch"),
        ("PT-br", "pt-BR", "# Este documento está em inglês"),
    ] {
        let program = Program::empty();
        program.run(&["init", "--language", flag]).success();
        assert!(
            program
                .read("book.toml")
                .lines()
                .any(|l| l == format!("language = \"{tag}\"")),
            "{flag}"
        );
        let phase = program.read("content/phases/closure.yaml");
        assert!(
            phase.lines().nth(1).unwrap().starts_with(note),
            "{flag}: {phase}"
        );
        program.check().success();
    }
}

#[test]
fn another_language_gets_the_english_files_and_a_warning() {
    let program = Program::empty();
    program
        .run(&["init", "--language", "nl"])
        .success()
        .stderr_has("warning: mentorbook has no interface strings for `nl`")
        .stderr_has("fall back to English")
        .stderr_lacks("each file says so");
    assert!(
        program
            .read("book.toml")
            .lines()
            .any(|l| l == "language = \"nl\"")
    );
    let bundled = repo_root().join("content");
    for dir in ["phases", "guide"] {
        assert!(
            read_tree(&program.path("content").join(dir)) == read_tree(&bundled.join(dir)),
            "content/{dir} is not the English guidelines"
        );
    }
    program.check().success();
}

#[test]
fn english_with_a_region_is_english_without_a_warning() {
    let program = Program::empty();
    program
        .run(&["init", "--language", "en-US"])
        .success()
        .stderr_lacks("warning");
    assert!(
        program
            .read("book.toml")
            .lines()
            .any(|l| l == "language = \"en-US\"")
    );
    assert!(
        program
            .path("content/pairs/sam-rivera-jo-chen.yaml")
            .is_file()
    );
}

#[test]
fn a_bad_tag_is_refused_naming_the_flag_and_nothing_is_written() {
    for (bad, hint) in [
        ("english", "not a BCP 47 language tag"),
        ("pt_BR", "write `pt-BR`, with hyphens"),
        ("e", "not a BCP 47 language tag"),
    ] {
        let program = Program::empty();
        program
            .run(&["init", "--language", bad])
            .code(2)
            .stderr_has("--language")
            .stderr_has(&format!("`{bad}`"))
            .stderr_has(hint);
        assert!(entries(program.root()).is_empty(), "init wrote files");
    }
}

#[test]
fn init_help_describes_the_language() {
    let program = Program::empty();
    let run = program.run(&["init", "--help"]);
    run.success();
    let help = &run.stdout;
    assert!(help.contains("--language <TAG>"), "{help}");
    assert!(help.contains("BCP 47"), "{help}");
}
