//! Search in the book's language: Chromium finds the forms of a word in a Spanish and a French
//! program opened from disk, and `search.js` makes the same stems as the index for every word of
//! the bundled program and of samples in the other languages.

use std::collections::BTreeSet;
use std::time::Duration;

use mentorbook::render::search::Language;
use mentorbook::render::search::query::Manifest;
use serde_json::Value;

use crate::browser::{file_url, require_chromium};
use crate::cdp::Browser;
use crate::harness::{Program, read_tree, repo_root};

/// A chapter in Spanish, written for these tests.
const SPANISH: &str = "---
title: Las reuniones
order: 20
---

Cada pareja se reúne una vez al mes. Las mentoras y los mentores acuerdan con sus aprendices los
objetivos del año y revisan juntos el acuerdo de colaboración.

## Antes de cada reunión

Preparad una agenda breve: dos o tres temas, las metas que queréis revisar y las preguntas que
habéis escrito desde la última cita. Traed vuestras notas; las luces del despacho, apagadas.

## Después

Anotad los compromisos, las tareas de cada uno y la fecha de la próxima conversación.
";

/// A chapter in French, written for these tests.
const FRENCH: &str = "---
title: Les rencontres
order: 20
---

## Préparer la réunion

Fixez vos objectifs avant chaque rencontre : une directrice et son mentoré conviennent d'un ordre
du jour, des questions à poser et des nouvelles idées à essayer. Les chevaux de bataille de
l'année se discutent en premier.

## L'écoute

Écouter d'abord, conseiller ensuite.
";

/// Sentences in German and Portuguese, for the stems only.
const GERMAN: &str = "Die Ziele des Treffens: jedes Ziel wird bei den Treffen besprochen. Mentorinnen \
    und Mentoren führen Gespräche über die Straßen der Stadt, größere Gruppen und kleinere Schritte.";
const PORTUGUESE: &str = "As reuniões da mentora com o aprendiz: cada reunião revê os objetivos, os \
    papéis de cada um e as ações combinadas. Rapidamente, as mentoras escrevem as conclusões.";

/// Builds the bundled program in `language` with `chapter` added, opens its home page and types
/// `query` in the search box; returns the results' titles and the words marked in them.
fn search_in(language: &str, chapter: &str, query: &str) -> (Vec<String>, Vec<String>) {
    let bin = require_chromium().expect("chromium");
    let program = Program::bundled();
    program.patch(
        "book.toml",
        "language = \"en\"",
        &format!("language = \"{language}\""),
    );
    program.write("content/guide/in-the-language.md", chapter);
    program.build().success();
    let mut b = Browser::launch(&bin);
    b.navigate(&file_url(&program.path("book/index.html")));
    let wait = Duration::from_secs(10);
    b.wait_for("!document.querySelector('[data-search]').hidden", wait);
    b.press("/");
    b.type_text(query);
    b.wait_for(
        "document.querySelectorAll('[role=option]').length > 0 || !!document.querySelector('.search-none')",
        wait,
    );
    let strings = |v: Value| -> Vec<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap().to_owned())
            .collect()
    };
    let titles = strings(b.eval(
        "[...document.querySelectorAll('#search-results .search-title')].map(t => t.textContent)",
    ));
    let marked = strings(
        b.eval("[...document.querySelectorAll('#search-results mark')].map(m => m.textContent)"),
    );
    (titles, marked)
}

#[test]
fn a_spanish_index_holds_stems_and_no_stop_words() {
    let program = Program::bundled();
    program.patch("book.toml", "language = \"en\"", "language = \"es-MX\"");
    program.write("content/guide/in-the-language.md", SPANISH);
    program.build().success();
    let index = crate::search::index_of(&program, "book");
    let terms: BTreeSet<&str> = index["terms"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_str().unwrap())
        .collect();
    for stem in ["reunion", "objetiv", "mentor", "acuerd", "luz", "tare"] {
        assert!(terms.contains(stem), "{stem} is not a term");
    }
    // Forms are stems, and stop words are not indexed (a stem of the program's English text may
    // be one: Savoy's rules make *loses* `los`).
    for word in [
        "reuniones",
        "objetivos",
        "luces",
        "de",
        "del",
        "que",
        "una",
        "para",
        "porque",
    ] {
        assert!(!terms.contains(word), "{word} is a term of the index");
    }
}

#[test]
fn a_spanish_program_finds_reunion_for_reuniones_from_disk() {
    if require_chromium().is_none() {
        return;
    }
    let (titles, marked) = search_in("es", SPANISH, "reuniones");
    assert!(
        titles.iter().any(|t| t == "Antes de cada reunión"),
        "{titles:?}"
    );
    assert!(marked.iter().any(|m| m == "reunión"), "{marked:?}");
    assert!(marked.iter().any(|m| m == "reuniones"), "{marked:?}");
}

#[test]
fn a_french_program_finds_reunion_and_objectif_from_disk() {
    if require_chromium().is_none() {
        return;
    }
    let (titles, marked) = search_in("fr-FR", FRENCH, "reunions objectif");
    assert_eq!(titles, ["Préparer la réunion"]);
    assert!(marked.iter().any(|m| m == "réunion"), "{marked:?}");
    assert!(marked.iter().any(|m| m == "objectifs"), "{marked:?}");
    // An elided article is left out: `ecoute` finds `L’écoute` (typographic apostrophe).
    let (titles, _) = search_in("fr", FRENCH, "ecoute");
    assert!(titles.iter().any(|t| t == "L’écoute"), "{titles:?}");
}

/// The code of `search.js` that makes a query's stems: `prepare` to the end of `parse`.
fn stems_code() -> String {
    let js = std::fs::read_to_string(repo_root().join("themes/default/static/search.js"))
        .expect("search.js");
    let start = js
        .find("  function prepare() {")
        .expect("search.js has prepare");
    let parse = js
        .find("  function parse(query) {")
        .expect("search.js has parse");
    let end = parse + js[parse..].find("\n  }\n").expect("parse ends") + 4;
    js[start..end].to_owned()
}

/// Each word's stems as `search.js` makes them in Chromium with the rules of `tag` (none for a
/// stop word).
fn js_stems(b: &mut Browser, tag: &str, words: &[String]) -> Vec<Vec<String>> {
    let rules = serde_json::to_string(&Language::for_tag(tag)).unwrap();
    let words_json = serde_json::to_string(words).unwrap();
    let js = format!(
        "(() => {{ window.mentorbookSearch = {{ rules: {rules} }}; var index = null;\n{}\nprepare(); return {words_json}.map(w => parse(w).map(q => q.stem)); }})()",
        stems_code()
    );
    serde_json::from_value(b.eval(&js)).expect("lists of stems")
}

/// Each word's stems as the index makes them, through the Rust twin of `parse`.
fn rust_stems(tag: &str, words: &[String]) -> Vec<Vec<String>> {
    let manifest = format!(
        "window.mentorbookSearch = {};",
        serde_json::json!({"v": 2, "lang": tag, "docs": 0, "kinds": [0, 0], "block": 1, "terms": []})
    );
    let manifest = Manifest::parse(&manifest).unwrap();
    words
        .iter()
        .map(|w| {
            manifest
                .words(w)
                .into_iter()
                .map(|word| String::from_utf16(&word.stem).unwrap())
                .collect()
        })
        .collect()
}

/// The distinct words of `text`, as written.
fn words_of(text: &str, into: &mut BTreeSet<String>) {
    for w in text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’')) {
        if !w.is_empty() {
            into.insert(w.to_owned());
        }
    }
}

/// Words made to meet every rule of `tag` at every length around its condition: each suffix
/// after stems of 0 to 10 letters, alone and followed by the endings the rules take off first.
fn rule_words(tag: &str, into: &mut BTreeSet<String>) {
    let stems = [
        "",
        "b",
        "ca",
        "mes",
        "tare",
        "objet",
        "rencon",
        "trabaje",
        "directri",
        "communica",
        "personnali",
    ];
    for rule in Language::for_tag(tag).steps.iter().flat_map(|s| s.iter()) {
        for stem in stems {
            for after in ["", "s", "x", "e", "es", "a"] {
                into.insert(format!("{stem}{}{after}", rule.suffix));
                into.insert(format!("{stem}{}{after}", rule.with));
            }
        }
    }
}

#[test]
fn search_js_stems_every_word_as_the_index_does() {
    let Some(bin) = require_chromium() else {
        return;
    };
    // Every word of the bundled English program, and of the chapters and sentences above.
    let mut english = BTreeSet::new();
    for (path, bytes) in read_tree(&repo_root().join("content")) {
        let text = String::from_utf8(bytes).unwrap_or_else(|_| panic!("{}", path.display()));
        words_of(&text, &mut english);
    }
    // Words that are properties of every JavaScript object must not pass for stop words.
    for w in [
        "constructor",
        "toString",
        "valueOf",
        "hasOwnProperty",
        "__proto__",
        "d'objectifs",
        "Straße",
        "ÉTÉ",
    ] {
        english.insert(w.to_owned());
    }
    let mut b = Browser::launch(&bin);
    let mut compared = 0;
    for (tag, text) in [
        ("en", ""),
        ("es", SPANISH),
        ("fr", FRENCH),
        ("de", GERMAN),
        ("pt", PORTUGUESE),
        ("it", SPANISH),
    ] {
        let mut words = english.clone();
        words_of(text, &mut words);
        rule_words(tag, &mut words);
        let words: Vec<String> = words.into_iter().collect();
        let js = js_stems(&mut b, tag, &words);
        let rust = rust_stems(tag, &words);
        for ((word, js), rust) in words.iter().zip(&js).zip(&rust) {
            assert_eq!(js, rust, "{tag}: {word:?}: search.js, then the index");
        }
        compared += words.len();
    }
    assert!(compared > 20_000, "only {compared} words compared");
}
