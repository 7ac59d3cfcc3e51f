//! The interface languages the default theme ships: a program that sets `language` in `book.toml`
//! gets the words of its language, and `check` and `build` say when a language has no words of
//! its own, or a counted word lacks a form the language uses.

use crate::harness::Program;

const PAIR: &str = "ana-lopez-ben-okafor";

/// The minimal program with `language = "<tag>"`.
fn in_language(tag: &str) -> Program {
    let program = Program::fixture("minimal");
    program.patch(
        "book.toml",
        "language = \"en\"",
        &format!("language = \"{tag}\""),
    );
    program
}

#[test]
fn a_language_with_no_strings_file_is_one_warning_from_check_and_build() {
    let program = in_language("sv");
    let run = program.check();
    run.success()
        .stderr_has("MB0403 untranslated-language")
        .stderr_has("the pages fall back to English")
        .stderr_has("[pair]")
        .stderr_has("book.toml:4:1");
    assert_eq!(run.stderr.matches("MB0403").count(), 1, "{}", run.stderr);
    program
        .build()
        .success()
        .stderr_has("MB0403 untranslated-language");
}

#[test]
fn a_shipped_language_warns_of_nothing_and_its_pages_are_in_it() {
    let program = in_language("es");
    program
        .check()
        .success()
        .stderr_lacks("MB0403")
        .stderr_lacks("MB0404");
    program.build().success().stderr_lacks("MB0403");
    for phase in ["initiation", "negotiation", "enabling", "closure"] {
        let html = program.read(format!("book/pairs/{PAIR}/{phase}/index.html"));
        assert!(
            html.contains("<h2 id=\"checklist-title\">Lista de comprobación <span"),
            "{phase}: the Spanish word is missing"
        );
        assert!(
            !html.contains(">Checklist <span"),
            "{phase}: the English word is still there"
        );
    }
}

#[test]
fn a_programs_file_completes_a_language_and_is_told_of_a_missing_plural_form() {
    let program = in_language("sv");
    program.write(
        "i18n/sv.toml",
        "[pair]\nchecklist = \"Checklista\"\n\n[charts]\npairs = { one = \"{count} par\" , other = \"{count} par\" }\n",
    );
    let run = program.check();
    // Swedish counts with `one` and `other`: the counted word has both, the rest is English.
    let all: usize = toml::from_str::<toml::Table>(mentorbook::render::strings::DEFAULT)
        .expect("the English strings parse")
        .values()
        .filter_map(|t| t.as_table())
        .map(|t| t.len())
        .sum();
    run.success()
        .stderr_has(&format!("leave {} of {all} words in English", all - 2))
        .stderr_lacks("MB0404");
    program.build().success();
    let html = program.read(format!("book/pairs/{PAIR}/initiation/index.html"));
    assert!(html.contains("<h2 id=\"checklist-title\">Checklista <span"));

    let program = in_language("es");
    program.write(
        "i18n/es.toml",
        "[charts]\npairs = { one = \"{count} dúo\", other = \"{count} dúos\" }\n",
    );
    program
        .check()
        .success()
        .stderr_has("MB0404 missing-plural-form")
        .stderr_has("i18n/es.toml:2:9")
        .stderr_has("`many`")
        .stderr_lacks("MB0403");
}

#[test]
fn a_strings_file_that_cannot_be_used_fails_check() {
    let program = in_language("es");
    program.write("i18n/es.toml", "[pair]\nchecklst = \"x\"\n");
    program
        .check()
        .code(1)
        .stderr_has("MB0402 strings")
        .stderr_has("did you mean `checklist`?");
}
