//! `serve --edit` speaks the program's language: every word the editor shows (the bar, the panel
//! of forms, the list of pairs and people, a person's form, a save's report, a refused save) comes
//! from the strings' `edit*` tables, or from the tables that name a value on the pages
//! (`goal_status`, `roles`, `outcomes`, `cadence`).
//!
//! A program's `i18n/en.toml` replaces each of those words with a marker that keeps its `{name}`
//! placeholders; no English phrase of the default strings may then be left in the editor's text.

use std::collections::BTreeSet;

use crate::editor::{Answer, request};
use crate::harness::Program;
use crate::serve::Server;

const PAIR: &str = "joseph-mwangi-aisha-rahman";
const SAVE: &str = "/__mentorbook/edit/pair/joseph-mwangi-aisha-rahman/";

/// The tables whose words the editor shows: its own, and those it reuses for a value's name.
fn editor_table(name: &str) -> bool {
    name.starts_with("edit") || ["goal_status", "roles", "outcomes", "cadence"].contains(&name)
}

/// The default English strings, parsed.
fn default_strings() -> toml::Table {
    toml::from_str(mentorbook::render::strings::DEFAULT).expect("the default strings parse")
}

/// The `{name}` placeholders of `text`, in order.
fn placeholders(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close)
                if after[..close]
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '_')
                    && close > 0 =>
            {
                out.push(after[..close].to_owned());
                rest = &after[close + 1..];
            }
            _ => rest = after,
        }
    }
    out
}

/// A strings file that replaces every word of the editor's tables with `[[table.key]]`, followed
/// by the word's placeholders, each closed by a marker of its own (`[[.]]`).
fn markers() -> String {
    let mut out = String::new();
    for (table, keys) in default_strings() {
        if !editor_table(&table) {
            continue;
        }
        out.push_str(&format!("[{table}]\n"));
        for (key, value) in keys.as_table().unwrap() {
            let english = value.as_str().expect("the editor's words are text");
            let mut marker = format!("[[{table}.{key}]]");
            for p in placeholders(english) {
                marker.push_str(&format!(" {{{p}}} [[.]]"));
            }
            out.push_str(&format!("{key} = {marker:?}\n"));
        }
    }
    out
}

/// Every English phrase of the editor: the default words of its tables, cut at their
/// placeholders, without words too short or too common to tell (`by`, `id`, `due`).
fn english_phrases() -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for (table, keys) in default_strings() {
        if !editor_table(&table) {
            continue;
        }
        for value in keys.as_table().unwrap().values() {
            let english = value.as_str().unwrap();
            let mut cut = english.to_owned();
            for p in placeholders(english) {
                cut = cut.replace(&format!("{{{p}}}"), "\u{0}");
            }
            for part in cut.split('\u{0}') {
                let part = part.trim_matches(|c: char| c.is_whitespace() || c == ':' || c == '.');
                if part.len() >= 4 && part.chars().any(char::is_alphabetic) {
                    out.insert(part.to_owned());
                }
            }
        }
    }
    out
}

/// The elements whose text is the program's own (fields, diffs, file names) or no text.
const OWN_WORDS: [&str; 5] = ["textarea", "pre", "code", "script", "style"];

/// The text a coordinator reads in `html`: its text nodes and its `aria-label`, `title` and
/// `placeholder` attributes, leaving out what the program's own files say (the text of fields,
/// diffs, file names, and the `value` of inputs).
fn shown_text(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = html;
    let mut skip: Option<&'static str> = None;
    while let Some(open) = rest.find('<') {
        let text = &rest[..open];
        if skip.is_none() && !text.trim().is_empty() {
            out.push(text.trim().to_owned());
        }
        let Some(close) = rest[open..].find('>') else {
            break;
        };
        let tag = &rest[open + 1..open + close];
        rest = &rest[open + close + 1..];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        if let Some(s) = skip {
            if tag.starts_with('/') && name == s {
                skip = None;
            }
            continue;
        }
        if !tag.starts_with('/') {
            skip = OWN_WORDS.iter().copied().find(|n| *n == name);
            for attribute in ["aria-label", "title", "placeholder"] {
                let needle = format!(" {attribute}=\"");
                if let Some(at) = tag.find(&needle) {
                    let value = &tag[at + needle.len()..];
                    out.push(value[..value.find('"').unwrap_or(value.len())].to_owned());
                }
            }
        }
    }
    out
}

/// The editor's own parts of a served page: the bar and the panel (the page around them is the
/// reader's site, which another test checks).
fn editor_parts(html: &str) -> String {
    let mut out = String::new();
    for (start, end) in [
        ("<div class=\"mb-edit-bar\"", "</div>"),
        ("<section class=\"mb-edit\"", "</section>"),
    ] {
        if let Some(at) = html.find(start) {
            let part = &html[at..];
            out.push_str(&part[..part.find(end).map_or(part.len(), |e| e + end.len())]);
        }
    }
    out
}

/// `text` with its runs of white space made one space, and HTML's escapes undone.
fn normal(text: &str) -> String {
    text.replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Every file the program's `content/` holds, as one text (white space made one space): the
/// program's own words, which the editor shows as they are (names, titles, checklist items).
fn content_of(program: &Program) -> String {
    let mut out = String::new();
    for (_, bytes) in program.files("content") {
        out.push_str(&String::from_utf8_lossy(&bytes));
        out.push('\n');
    }
    normal(&out)
}

/// What of `html`'s shown text is English: each text with the English phrase it holds. A text is
/// cut at the markers; a piece that the program's `content` holds is the program's own words,
/// unless it is itself an editor phrase that the content does not hold as a whole title.
fn english_in(html: &str, phrases: &BTreeSet<String>, content: &str) -> Vec<String> {
    let mut found = Vec::new();
    for text in shown_text(html) {
        let mut pieces = Vec::new();
        for (i, s) in text.split("[[").enumerate() {
            let piece = if i == 0 {
                s
            } else {
                s.split_once("]]").map_or(s, |(_, rest)| rest)
            };
            pieces.push(normal(piece));
        }
        for piece in pieces {
            let piece = piece
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_owned();
            let own = if phrases.contains(&piece) {
                content.contains(&format!("title: {piece} "))
            } else {
                content.contains(&piece)
            };
            if piece.is_empty() || own {
                continue;
            }
            for phrase in phrases {
                let at_word = piece.match_indices(phrase.as_str()).any(|(i, _)| {
                    let before = piece[..i].chars().next_back();
                    let after = piece[i + phrase.len()..].chars().next();
                    !before.is_some_and(char::is_alphanumeric)
                        && !after.is_some_and(char::is_alphanumeric)
                });
                if at_word {
                    found.push(format!("{phrase:?} in {text:?}"));
                }
            }
        }
    }
    found
}

/// A program served with `serve --edit`, for its pages in another language.
struct Served {
    program: Program,
    server: Server,
}

impl Served {
    fn start(program: Program) -> Served {
        let server = Server::start(&program, &["serve", "--edit", "-p", "0"], "editing: ");
        Served { program, server }
    }

    fn get(&self, path: &str) -> Answer {
        let a = request(&self.server.addr, "GET", path, &self.server.addr, &[], "");
        assert_eq!(a.status, 200, "GET {path}:\n{}", a.body);
        a
    }

    /// Posts `fields` to the pair's save route `action`, with the form's own token and version.
    fn post(&self, page: &str, action: &str, fields: &str) -> Answer {
        let html = self.get(page).body;
        let value = |name: &str| {
            let at = html.find(&format!("name=\"{name}\" value=\"")).unwrap() + name.len() + 15;
            html[at..at + html[at..].find('"').unwrap()].to_owned()
        };
        let body = format!(
            "token={}&version={}&back={}&{fields}",
            value("token"),
            value("version"),
            page.replace('/', "%2F")
        );
        let origin = format!("Origin: http://{}", self.server.addr);
        request(
            &self.server.addr,
            "POST",
            &format!("{SAVE}{action}"),
            &self.server.addr,
            &[&origin],
            &body,
        )
    }
}

/// The editor's pages that show words: every page of the pair, the list of pairs and people, a
/// person's form, the page after a save (its report) and a refused save. Each: (what, html).
fn editor_pages(s: &Served) -> Vec<(String, String)> {
    let mut pages = Vec::new();
    let pair_page = format!("/pairs/{PAIR}/");
    for phase in ["", "initiation/", "negotiation/", "enabling/", "closure/"] {
        let path = format!("{pair_page}{phase}");
        pages.push((path.clone(), editor_parts(&s.get(&path).body)));
    }
    for path in [
        "/__mentorbook/edit/",
        "/__mentorbook/edit/person/aisha-rahman",
    ] {
        pages.push((path.to_owned(), s.get(path).body));
    }
    let enabling = format!("{pair_page}enabling/");
    let saved = s.post(
        &enabling,
        "meeting-add",
        "date=2026-11-23&title=Exam+results&agenda=How+it+went&follow_ups=&notes=&visibility=",
    );
    assert_eq!(saved.status, 303, "{}", saved.body);
    let after = s.get(&enabling).body;
    assert!(after.contains("mb-edit-saved"), "the page reports the save");
    pages.push(("after a save".to_owned(), editor_parts(&after)));
    let refused = s.post(&enabling, "tick", "phase=enabling&item=keep-records&done=");
    assert_eq!(refused.status, 422, "{}", refused.body);
    pages.push(("a refused save".to_owned(), refused.body));
    pages
}

#[test]
fn no_english_word_is_left_in_the_editor_when_every_word_is_replaced() {
    let phrases = english_phrases();
    assert!(
        phrases.len() >= 80,
        "the editor's English phrases: {phrases:?}"
    );
    for must in [
        "Save",
        "Log a meeting",
        "Tick",
        "Remove this meeting",
        "A new goal",
    ] {
        assert!(phrases.contains(must), "{must} is an editor phrase");
    }
    let program = Program::bundled();
    program.write("i18n/en.toml", markers());
    let marked = Served::start(program);
    let marked_pages = editor_pages(&marked);
    let content = content_of(&marked.program);
    let mut left = Vec::new();
    for (what, html) in &marked_pages {
        assert!(html.contains("[[edit"), "{what}: the markers are shown");
        for e in english_in(html, &phrases, &content) {
            left.push(format!("{what}: {e}"));
        }
    }
    assert!(
        left.is_empty(),
        "English left in the editor:\n{}",
        left.join("\n")
    );
    let kept = marked.program.read(format!("content/pairs/{PAIR}.yaml"));
    assert!(
        kept.contains("title: Exam results"),
        "the save went through"
    );
}

#[test]
fn a_spanish_program_edits_in_spanish() {
    let program = Program::bundled();
    program.patch("book.toml", "language = \"en\"", "language = \"es\"");
    let mut s = Served::start(program);
    let enabling = s.get(&format!("/pairs/{PAIR}/enabling/")).body;
    let panel = editor_parts(&enabling);
    for spanish in [
        "Editar el registro de la pareja",
        "Registrar una reunión",
        "Guardar la reunión",
        "Eliminar esta reunión",
        "Marcar",
        "Añadir el objetivo",
    ] {
        assert!(panel.contains(spanish), "{spanish:?} is on the panel");
    }
    for english in [
        "Log a meeting",
        "Save the meeting",
        "Remove this meeting",
        ">Tick<",
    ] {
        assert!(!panel.contains(english), "{english:?} is not");
    }
    let list = s.get("/__mentorbook/edit/").body;
    assert!(list.contains("<h1>Parejas y personas</h1>"), "{list}");
    let refused = s.post(
        &format!("/pairs/{PAIR}/enabling/"),
        "tick",
        "phase=enabling&item=keep-records&done=",
    );
    assert!(
        refused
            .body
            .contains("no se guardó nada: falta la fecha en que se hizo"),
        "{}",
        refused.body
    );
    // The console stays English (it may print after the page is answered).
    s.server
        .wait_for_stderr("not saved: nothing was saved: the date it was done is required");
}
