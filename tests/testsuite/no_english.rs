//! Every shipped language covers every page: a program made with `init --language es` has no
//! English left in its site, its coordinators' edition, its calendars, charts and pages for print;
//! and the same program read in French, German or Portuguese has none either.
//!
//! "English" is every phrase of the default English strings file, `en.toml` (cut at its
//! `{placeholders}`, as [`default_phrases`] reads it), that the language's own file does not also use (a word such as "Mentor" may
//! be the same in both) and that the program's own files do not contain (names and the program's
//! words are the program's, not the interface's).

use std::path::Path;

use mentorbook::render::strings::SHIPPED;

use crate::harness::{Program, read_tree};
use crate::interface_words::{default_phrases, has_phrase};

/// The words a reader may meet in an output file (`path` within its edition's folder), or none
/// for a file no reader reads as words. The theme's scripts and styles are code (their words come
/// from the pages); the search index and the lists' rows are data, and their labels are words.
pub fn words_in(path: &Path, bytes: &[u8]) -> Option<String> {
    let kind = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    let raw = String::from_utf8_lossy(bytes);
    let theme_file = path.components().any(|c| c.as_os_str() == "static");
    // The index's terms are stems, not words (Spanish *resultado* gives `result`).
    let stems = path
        .file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with("terms-"));
    match kind {
        "html" | "svg" | "xml" => Some(readable(&raw)),
        "ics" | "json" | "txt" => Some(raw.into_owned()),
        "js" if !theme_file && !stems => Some(literals(&raw)),
        _ => None,
    }
}

/// What a reader of a page meets: its text, and the attributes that hold words (labels, titles,
/// placeholders, the words the scripts take from `data-*`, the running heads in `style`), with
/// the markup and the addresses, ids and classes left out.
fn readable(html: &str) -> String {
    const WORDY: &[&str] = &[
        "aria-label",
        "title",
        "alt",
        "placeholder",
        "content",
        "style",
    ];
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        out.push('\n');
        let Some(close) = rest[open..].find('>') else {
            break;
        };
        let tag = &rest[open + 1..open + close];
        for (at, _) in tag.match_indices("=\"") {
            let name = tag[..at]
                .rsplit(|c: char| c.is_whitespace())
                .next()
                .unwrap_or("");
            let value = tag[at + 2..].split('"').next().unwrap_or("");
            if WORDY.contains(&name) || (name.starts_with("data-") && !is_address(value)) {
                out.push_str(&data_words(value));
                out.push('\n');
            }
        }
        rest = &rest[open + close + 1..];
        // A script is code, unless it is data (the words some scripts take from the page).
        if tag.starts_with("script") && !tag.contains("application/json") {
            rest = rest.find("</script>").map_or("", |end| &rest[end..]);
        }
    }
    out.push_str(rest);
    out.replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

/// The words of an attribute: its text, or when it holds JSON (the words the scripts take), the
/// texts in it and not its keys.
fn data_words(value: &str) -> String {
    let unescaped = value.replace("&quot;", "\"").replace("&amp;", "&");
    let Ok(json) = serde_json::from_str::<serde_json::Value>(&unescaped) else {
        return value.to_owned();
    };
    let mut out = String::new();
    let mut stack = vec![&json];
    while let Some(v) = stack.pop() {
        match v {
            serde_json::Value::String(s) => {
                out.push_str(s);
                out.push('\n');
            }
            serde_json::Value::Array(a) => stack.extend(a),
            serde_json::Value::Object(o) => stack.extend(o.values()),
            _ => {}
        }
    }
    out
}

/// The strings of a script of data (the search index's pieces, the pairs list's rows), without
/// the code around them.
fn literals(js: &str) -> String {
    let mut out = String::new();
    let mut literal: Option<String> = None;
    let mut escaped = false;
    for c in js.chars() {
        match literal.as_mut() {
            Some(text) if escaped => {
                text.push(c);
                escaped = false;
            }
            Some(_) if c == '\\' => escaped = true,
            Some(text) if c == '"' => {
                if !is_address(text) {
                    out.push_str(text);
                    out.push('\n');
                }
                literal = None;
            }
            Some(text) => text.push(c),
            None if c == '"' => literal = Some(String::new()),
            None => {}
        }
    }
    out
}

/// Whether a value is an address or a file name (`guide/roles/index.html`), not words.
fn is_address(value: &str) -> bool {
    !value.contains(' ') && (value.contains('/') || value.contains('.'))
}

/// Text of every file of the program's own (`content/`, `book.toml`), for what the program wrote.
fn program_text(root: &Path) -> String {
    read_tree(root)
        .into_iter()
        .filter(|(p, _)| !p.starts_with("book") && !p.starts_with("book-private"))
        .map(|(_, bytes)| String::from_utf8_lossy(&bytes).into_owned())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every text of a strings file (each form of a counted word), without its keys.
fn words_of(strings: &str) -> String {
    let table: toml::Table = toml::from_str(strings).expect("a strings file parses");
    let mut out = String::new();
    let mut stack: Vec<&toml::Value> = table.values().collect();
    while let Some(value) = stack.pop() {
        match value {
            toml::Value::String(s) => {
                out.push_str(s);
                out.push('\n');
            }
            toml::Value::Table(t) => stack.extend(t.values()),
            _ => {}
        }
    }
    out
}

/// The English pieces found in the output folders of `program` (pages, calendars, charts, data),
/// as `file: piece`.
fn english_left(program: &Program, language: &str, own: &str) -> Vec<String> {
    let written = program_text(program.root());
    // A piece the language's own words also write is its word too ("Mentor", French "Comment");
    // the file's keys are English names, not words.
    let theirs = words_of(own);
    let english: Vec<String> = default_phrases()
        .into_iter()
        .filter(|p| !has_phrase(&theirs, p) && !has_phrase(&written, p))
        .collect();
    let mut found = Vec::new();
    for folder in ["book", "book-private"] {
        let dir = program.path(folder);
        if !dir.is_dir() {
            continue;
        }
        for (path, bytes) in read_tree(&dir) {
            let Some(text) = words_in(&path, &bytes) else {
                continue;
            };
            for piece in &english {
                if has_phrase(&text, piece) {
                    found.push(format!("{language} {folder}/{}: {piece:?}", path.display()));
                }
            }
        }
    }
    found
}

/// A program made by `init --language es`, with its coordinators' edition built beside the public
/// site.
fn spanish_program() -> Program {
    let program = Program::empty();
    program.run(&["init", "--language", "es"]).success();
    program
}

fn build_both(program: &Program) {
    program.build().success();
    program
        .run(&["build", "--audience", "coordinators"])
        .success();
}

#[test]
fn a_spanish_program_has_no_english_left() {
    let program = spanish_program();
    build_both(&program);
    let (_, spanish) = SHIPPED
        .iter()
        .find(|(name, _)| *name == "es")
        .expect("Spanish is shipped");
    let left = english_left(&program, "es", spanish);
    assert!(left.is_empty(), "English left:\n{}", left.join("\n"));
}

#[test]
fn every_shipped_language_covers_every_page() {
    let program = spanish_program();
    for (language, own) in SHIPPED
        .iter()
        .filter(|(name, _)| !["en", "es"].contains(name))
    {
        program.patch(
            "book.toml",
            "language = \"es\"",
            &format!("language = \"{language}\""),
        );
        build_both(&program);
        let left = english_left(&program, language, own);
        assert!(left.is_empty(), "English left:\n{}", left.join("\n"));
        program.patch(
            "book.toml",
            &format!("language = \"{language}\""),
            "language = \"es\"",
        );
    }
}
