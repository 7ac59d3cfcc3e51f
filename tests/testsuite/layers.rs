//! Imports flow one way: every `.rs` file under `src/` is read, its paths into the crate
//! (`use crate::...`, `use super::...`, groups over several lines, and paths written inline such as
//! `crate::hash::hash(..)`) are resolved to modules, and
//!
//! - a top-level module may import only from its own layer or a lower one ([`LAYERS`], the order
//!   that `src/lib.rs` describes);
//! - no two children of one module (the top-level modules, the files of a folder) import each other,
//!   directly or through others. A folder's own root (`mod.rs`, or `x.rs` beside `x/`) declares its
//!   files and is not one of them.
//!
//! Test modules (`#[cfg(test)]`) are left out: a test may build what it tests from anywhere. So
//! are the files of a test module (`x/tests.rs`, `x/tests/*.rs`, declared `#[cfg(test)] mod tests;`).
//! `src/main.rs` and `src/cli.rs` are the binary, above everything, and `src/lib.rs` is the root.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The layers of `src/`, from the bottom. `lib` stands for the items of `src/lib.rs` itself
/// (`load_program`). A module not in this table fails the test: place it when you add it.
const LAYERS: &[&[&str]] = &[
    &[
        "diagnostic",
        "hash",
        "slug",
        "progress",
        "yaml_edit",
        "codec",
    ],
    &["markdown", "report", "edit"],
    &["model"],
    &["config"],
    &["book", "paths"],
    &["load"],
    &["validate", "lib", "matching"],
    &["render"],
    &["output"],
    &["pdf"],
    &["build"],
    &["session", "watch", "serve", "scaffold", "schema", "import"],
    &["cmd"],
];

/// One file: its module path (`["render", "view"]`) and the crate paths it uses, resolved.
struct File {
    module: Vec<String>,
    name: String,
    imports: Vec<Vec<String>>,
}

/// The module path of a file at `rel` (relative to `src/`, with `/`), or `None` for the roots.
fn module_of(rel: &str) -> Option<Vec<String>> {
    let stem = rel.strip_suffix(".rs")?;
    if matches!(stem, "lib" | "main" | "cli") {
        return None;
    }
    let mut parts: Vec<String> = stem.split('/').map(str::to_owned).collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    Some(parts)
}

/// `src` without comments, string and character literals, and `#[cfg(test)]` items.
fn code_of(src: &str) -> String {
    let b: Vec<char> = src.chars().collect();
    let mut out = String::with_capacity(src.len());
    let mut i = 0;
    let ident = |c: char| c.is_alphanumeric() || c == '_';
    while i < b.len() {
        let c = b[i];
        let next = b.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < b.len() && b[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            i += 2;
            while i + 1 < b.len() && !(b[i] == '*' && b[i + 1] == '/') {
                i += 1;
            }
            i += 2;
        } else if c == 'r'
            && (next == Some('"') || next == Some('#'))
            && (i == 0 || !ident(b[i - 1]) || b[i - 1] == 'b')
        {
            let mut j = i + 1;
            let mut hashes = 0;
            while b.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if b.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            j += 1;
            loop {
                if j >= b.len() {
                    break;
                }
                if b[j] == '"' && (0..hashes).all(|k| b.get(j + 1 + k) == Some(&'#')) {
                    j += 1 + hashes;
                    break;
                }
                j += 1;
            }
            out.push_str("\"\"");
            i = j;
        } else if c == '"' {
            i += 1;
            while i < b.len() && b[i] != '"' {
                i += if b[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
            out.push_str("\"\"");
        } else if c == '\'' {
            // A character literal ('x', '\n', '"'), or a lifetime ('a), left as it is.
            if next == Some('\\') {
                i += 2;
                while i < b.len() && b[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if b.get(i + 2) == Some(&'\'') {
                i += 3;
            } else {
                out.push(c);
                i += 1;
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    without_test_items(&out)
}

/// `code` without the items marked `#[cfg(test)]`.
fn without_test_items(code: &str) -> String {
    let mut out = String::new();
    let mut rest = code;
    while let Some(at) = rest.find("#[cfg(test)]") {
        out.push_str(&rest[..at]);
        let after = &rest[at..];
        let (Some(brace), semi) = (after.find('{'), after.find(';')) else {
            rest = "";
            break;
        };
        if semi.is_some_and(|s| s < brace) {
            rest = &after[semi.unwrap_or(0) + 1..];
            continue;
        }
        let mut depth = 0;
        let mut end = after.len();
        for (k, ch) in after[brace..].char_indices() {
            match ch {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = brace + k + 1;
                        break;
                    }
                }
                _ => {}
            }
        }
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

/// Reads a use tree at `s[i..]` (`a::b`, `a::{b, c::{d, self}}`), adding each path to `out` after
/// `prefix`. Returns where it stopped.
fn use_tree(s: &[char], mut i: usize, prefix: Vec<String>, out: &mut Vec<Vec<String>>) -> usize {
    let skip = |s: &[char], mut i: usize| {
        while i < s.len() && s[i].is_whitespace() {
            i += 1;
        }
        i
    };
    let mut path = prefix;
    loop {
        i = skip(s, i);
        if s.get(i) == Some(&'{') {
            i += 1;
            loop {
                i = skip(s, i);
                if i >= s.len() || s[i] == '}' {
                    return i + 1;
                }
                i = use_tree(s, i, path.clone(), out);
                i = skip(s, i);
                if s.get(i) == Some(&',') {
                    i += 1;
                }
            }
        }
        let start = i;
        while i < s.len() && (s[i].is_alphanumeric() || s[i] == '_') {
            i += 1;
        }
        let word: String = s[start..i].iter().collect();
        if word.is_empty() || word == "self" {
            out.push(path);
            return i;
        }
        path.push(word);
        let j = skip(s, i);
        if s.get(j) == Some(&':') && s.get(j + 1) == Some(&':') {
            i = j + 2;
        } else {
            out.push(path);
            return i;
        }
    }
}

/// The crate paths that `code`, the text of the module `module`, uses, resolved from the crate's
/// root.
fn imports_of(code: &str, module: &[String]) -> Vec<Vec<String>> {
    let s: Vec<char> = code.chars().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < s.len() {
        let starts_word =
            i == 0 || !(s[i - 1].is_alphanumeric() || s[i - 1] == '_' || s[i - 1] == ':');
        let word_at = |w: &str| {
            let w: Vec<char> = w.chars().collect();
            s[i..].starts_with(&w)
                && s.get(i + w.len()) == Some(&':')
                && s.get(i + w.len() + 1) == Some(&':')
        };
        if !starts_word {
            i += 1;
            continue;
        }
        // The module that `self` names: the file's own (for a folder's root, the folder).
        let here = module.to_vec();
        let (base, len) = if word_at("crate") {
            (Vec::new(), 5)
        } else if word_at("self") {
            (here, 4)
        } else if word_at("super") {
            let mut base = here;
            let mut j = i;
            while s[j..].starts_with(&['s', 'u', 'p', 'e', 'r', ':', ':']) {
                base.pop();
                j += 7;
            }
            (base, j - i - 2)
        } else {
            i += 1;
            continue;
        };
        let mut paths = Vec::new();
        i = use_tree(&s, i + len + 2, base, &mut paths);
        found.extend(paths);
    }
    found
}

/// The files of `src/`, by path relative to it, with their text.
fn sources() -> BTreeMap<String, String> {
    fn walk(dir: &Path, root: &Path, out: &mut BTreeMap<String, String>) {
        for entry in std::fs::read_dir(dir).expect("src/ is readable") {
            let path = entry.expect("src/ is readable").path();
            if path.is_dir() {
                walk(&path, root, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let rel = path
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.insert(
                    rel,
                    std::fs::read_to_string(&path).expect("a source file reads"),
                );
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = BTreeMap::new();
    walk(&root, &root, &mut out);
    out
}

/// The files of `sources` with what they import.
fn files(sources: &BTreeMap<String, String>) -> Vec<File> {
    sources
        .iter()
        .filter_map(|(rel, text)| {
            let module = module_of(rel)?;
            if module.iter().skip(1).any(|m| m == "tests") {
                return None;
            }
            let imports = imports_of(&code_of(text), &module);
            Some(File {
                module,
                name: rel.clone(),
                imports,
            })
        })
        .collect()
}

/// Every problem with the imports of `sources`: imports against the layers, and cycles.
fn problems(sources: &BTreeMap<String, String>) -> Vec<String> {
    let files = files(sources);
    let modules: BTreeSet<Vec<String>> = files.iter().map(|f| f.module.clone()).collect();
    let layer = |m: &str| LAYERS.iter().position(|l| l.contains(&m));
    let mut problems = Vec::new();
    // Edges between the children of each module: folder -> child -> children it uses.
    let mut edges: BTreeMap<Vec<String>, BTreeMap<String, BTreeSet<String>>> = BTreeMap::new();
    for f in &files {
        for path in &f.imports {
            let Some(first) = path.first() else { continue };
            let top = if modules.iter().any(|m| m.first() == Some(first)) {
                first.as_str()
            } else {
                "lib"
            };
            let mine = &f.module[0];
            match (layer(mine), layer(top)) {
                (None, _) => problems.push(format!("`{mine}` is not in the layer table")),
                (_, None) => problems.push(format!("`{top}` is not in the layer table")),
                (Some(a), Some(b)) if b > a => problems.push(format!(
                    "{}: `{mine}` imports `{}` from a higher layer",
                    f.name,
                    path.join("::")
                )),
                _ => {}
            }
            for depth in 0..f.module.len() {
                let folder = &f.module[..depth];
                if path.len() <= depth || &path[..depth] != folder {
                    break;
                }
                let (from, to) = (&f.module[depth], &path[depth]);
                let mut child = folder.to_vec();
                child.push(to.clone());
                if from != to && modules.iter().any(|m| m.starts_with(&child)) {
                    edges
                        .entry(folder.to_vec())
                        .or_default()
                        .entry(from.clone())
                        .or_default()
                        .insert(to.clone());
                }
            }
        }
    }
    for (folder, graph) in &edges {
        if let Some(cycle) = cycle_in(graph) {
            let folder = if folder.is_empty() {
                "src".to_owned()
            } else {
                folder.join("/")
            };
            problems.push(format!("a cycle in {folder}/: {}", cycle.join(" -> ")));
        }
    }
    problems.sort();
    problems.dedup();
    problems
}

/// A cycle of `graph`, as the nodes met from its start back to it, if there is one.
fn cycle_in(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        n: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        stack: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = stack.iter().position(|s| s == n) {
            let mut cycle = stack[at..].to_vec();
            cycle.push(n.to_owned());
            return Some(cycle);
        }
        if done.contains(n) {
            return None;
        }
        stack.push(n.to_owned());
        for next in graph.get(n).into_iter().flatten() {
            if let Some(c) = visit(next, graph, stack, done) {
                return Some(c);
            }
        }
        stack.pop();
        done.insert(n.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|n| visit(n, graph, &mut Vec::new(), &mut done))
}

#[test]
fn imports_flow_down_the_layers_without_cycles() {
    let sources = sources();
    let found = problems(&sources);
    assert!(
        found.is_empty(),
        "imports against the layers:\n{}",
        found.join("\n")
    );
    // Not vacuous: the scan sees the crate's imports, and every top-level module has a layer.
    let files = files(&sources);
    let count: usize = files.iter().map(|f| f.imports.len()).sum();
    assert!(count > 300, "only {count} imports found in src/");
    for f in &files {
        let top = f.module[0].as_str();
        assert!(
            LAYERS.iter().any(|l| l.contains(&top)),
            "`{top}` ({}) is not in the layer table",
            f.name
        );
    }
}

fn planted(files: &[(&str, &str)]) -> Vec<String> {
    let sources = files
        .iter()
        .map(|(p, t)| ((*p).to_owned(), (*t).to_owned()))
        .collect();
    problems(&sources)
}

#[test]
fn the_checker_catches_an_upward_import() {
    let found = planted(&[
        (
            "model/mod.rs",
            "use crate::{\n    slug,\n    render::{self, Site},\n};\n",
        ),
        ("render/mod.rs", "pub struct Site;"),
        ("slug.rs", ""),
    ]);
    assert_eq!(
        found,
        [
            "model/mod.rs: `model` imports `render::Site` from a higher layer",
            "model/mod.rs: `model` imports `render` from a higher layer",
        ]
    );
    // Written inline, in a function's body.
    let found = planted(&[
        (
            "markdown.rs",
            "fn f() -> u128 { crate::output::hash(b\"x\") }",
        ),
        ("output/mod.rs", ""),
    ]);
    assert_eq!(
        found,
        ["markdown.rs: `markdown` imports `output::hash` from a higher layer"]
    );
}

#[test]
fn the_checker_catches_cycles_between_files_and_between_modules() {
    let found = planted(&[
        ("render/mod.rs", "mod a; mod b;"),
        ("render/a.rs", "use super::b::B;"),
        ("render/b.rs", "fn f() { super::super::render::a::g() }"),
    ]);
    assert_eq!(found, ["a cycle in render/: a -> b -> a"]);
    let found = planted(&[
        ("render/mod.rs", "use crate::output::X;"),
        ("output/mod.rs", "use crate::render::Y;"),
    ]);
    assert!(
        found.contains(&"a cycle in src/: output -> render -> output".to_owned()),
        "{found:?}"
    );
}

#[test]
fn the_checker_skips_tests_comments_and_text() {
    let found = planted(&[
        (
            "model/mod.rs",
            "//! See [`crate::render`].\nconst Q: char = '\"';\nconst S: &str = \"crate::render\";\n\
             const R: &str = r#\"use crate::render;\"#;\n\
             #[cfg(test)]\nmod tests {\n    use crate::render::Site;\n}\n",
        ),
        ("render/mod.rs", ""),
    ]);
    assert!(found.is_empty(), "{found:?}");
}
