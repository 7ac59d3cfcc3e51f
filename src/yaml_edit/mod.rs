//! Editing YAML text in place: a value replaced, a key or a list item added, and every other byte
//! (comments, blank lines, key order, quoting, indentation) left as it was.
//!
//! The text is read with the parser the loader uses ([`tree`]), which gives each node's byte range;
//! an edit is a splice of new text over one range, or an insertion after the line where a mapping
//! or a list ends, at the indentation its own entries use. A lossless YAML editor crate would do the
//! same with a syntax tree of its own, whose reading of the file could differ from the loader's;
//! splicing at the loader's own positions cannot. `mentorbook import --update` uses it, and it is
//! meant for any later writer of YAML that a person also edits (an editor in the browser).

mod render;
mod tree;

pub use render::{Entries, Entry, Value, quoted, string, word};
pub use tree::{Node, NodeKind, ParseError};

use std::ops::Range;

/// One step of a path into a document: a key of a mapping, or an index of a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// A mapping's key.
    Key(String),
    /// A list's item, from 0.
    Index(usize),
}

impl From<&str> for Step {
    fn from(k: &str) -> Step {
        Step::Key(k.to_owned())
    }
}

impl From<usize> for Step {
    fn from(i: usize) -> Step {
        Step::Index(i)
    }
}

/// Why an edit cannot be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// The path leads through something that is not a mapping or a list, or past a list's end.
    #[error("there is no `{0}` to edit")]
    NoSuchPlace(String),
    /// The place is written in a form the editor does not change (a mapping in braces).
    #[error("`{0}` is written in braces; edit it by hand")]
    Unsupported(String),
}

/// A change to a text: `text` in place of the bytes `range` (an empty range inserts).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    /// The bytes replaced.
    pub range: Range<usize>,
    /// What goes there.
    pub text: String,
}

/// Applies `edits` to `text`. Edits must not overlap; insertions at one place keep their order.
pub fn apply(text: &str, edits: &[Edit]) -> String {
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    sorted.sort_by_key(|e| (e.range.start, e.range.end));
    let mut out =
        String::with_capacity(text.len() + edits.iter().map(|e| e.text.len()).sum::<usize>());
    let mut at = 0;
    for e in sorted {
        let start = e.range.start.max(at);
        out.push_str(&text[at..start]);
        out.push_str(&e.text);
        at = e.range.end.max(start);
    }
    out.push_str(&text[at..]);
    out
}

/// A YAML text read for editing.
#[derive(Debug, Clone)]
pub struct Document<'a> {
    text: &'a str,
    root: Option<Node>,
    /// The byte where each line starts.
    line_starts: Vec<usize>,
}

/// The indentation nested mappings get when the file shows none to copy.
const STEP: usize = 2;

impl<'a> Document<'a> {
    /// Reads `text`.
    pub fn parse(text: &'a str) -> Result<Document<'a>, ParseError> {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Ok(Document {
            text,
            root: tree::parse(text)?,
            line_starts,
        })
    }

    /// The text read.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// The root node, if the text has one.
    pub fn root(&self) -> Option<&Node> {
        self.root.as_ref()
    }

    /// The node at `path`.
    pub fn get(&self, path: &[Step]) -> Option<&Node> {
        let mut node = self.root.as_ref()?;
        for step in path {
            node = child(node, step)?;
        }
        Some(node)
    }

    /// The 1-based lines the node at `path` covers, its key's line first.
    pub fn lines(&self, path: &[Step]) -> Option<Range<u32>> {
        let node = self.get(path)?;
        let start = match path.split_last() {
            Some((Step::Key(k), parent)) => self
                .get(parent)
                .and_then(|p| entry(p, k))
                .map_or(node.span.start, |(key, _)| key.span.start),
            _ => node.span.start,
        };
        let end = node.span.end.max(start + 1).min(self.text.len());
        let line = |b: usize| self.line_starts.partition_point(|&s| s <= b) as u32;
        Some(line(start)..line(end.saturating_sub(1)) + 1)
    }

    /// The edit that makes the value at `path` be `value`: the value replaced where it is written
    /// (a list written as block items stays block items), or, when the key is missing, the key
    /// (with any mappings on the way to it) added after the last entry of the deepest mapping
    /// that exists, at its entries' indentation.
    pub fn set(&self, path: &[Step], value: &Value) -> Result<Edit, EditError> {
        let name = path_name(path);
        if let Some(node) = self.get(path) {
            return Ok(self.replace(node, value));
        }
        // The deepest mapping on the path that exists, and the keys still to add below it.
        let mut depth = path.len();
        let parent = loop {
            depth -= 1;
            if let Some(n) = self.get(&path[..depth]) {
                break n;
            }
            if depth == 0 {
                return Err(EditError::NoSuchPlace(name));
            }
        };
        let mut keys = Vec::new();
        for step in &path[depth..] {
            match step {
                Step::Key(k) => keys.push(k.as_str()),
                Step::Index(_) => return Err(EditError::NoSuchPlace(name)),
            }
        }
        let NodeKind::Map { flow, entries } = &parent.kind else {
            return Err(EditError::NoSuchPlace(name));
        };
        if *flow {
            return Err(EditError::Unsupported(path_name(&path[..depth])));
        }
        let mut add = Entries::default();
        add.set(&keys, value.clone());
        let indent = entries.first().map_or(parent.column, |(k, _)| k.column);
        let step = self.nested_step(parent).unwrap_or(STEP);
        let at = self.after_line_of(parent.span.end);
        Ok(Edit {
            range: at..at,
            text: self.line_ends(self.newline_before(at) + &add.block(indent, step, None)),
        })
    }

    /// The edits that make the mapping at `path` hold `entries`: each value already there replaced
    /// where it is written (unless it is already the same), mappings merged key by key, and the
    /// keys it lacks added together after its last entry. Keys `entries` does not name are left
    /// as they are.
    pub fn merge(&self, path: &[Step], entries: &Entries) -> Result<Vec<Edit>, EditError> {
        let node = self
            .get(path)
            .ok_or_else(|| EditError::NoSuchPlace(path_name(path)))?;
        let mut edits = Vec::new();
        self.merge_into(node, path, entries, &mut edits)?;
        Ok(edits)
    }

    fn merge_into(
        &self,
        map: &Node,
        path: &[Step],
        entries: &Entries,
        edits: &mut Vec<Edit>,
    ) -> Result<(), EditError> {
        let NodeKind::Map {
            flow,
            entries: have,
        } = &map.kind
        else {
            return Err(EditError::NoSuchPlace(path_name(path)));
        };
        let mut missing = Entries::default();
        for (key, want) in &entries.0 {
            let found = have.iter().find(|(k, _)| k.as_str() == Some(key.as_str()));
            match (found, want) {
                (None, _) => missing.0.push((key.clone(), want.clone())),
                (Some((_, node)), Entry::Value(v)) => {
                    if !same(node, v) {
                        edits.push(self.replace(node, v));
                    }
                }
                (Some((_, node)), Entry::Map(inner)) => {
                    let mut deeper = path.to_vec();
                    deeper.push(Step::Key(key.clone()));
                    self.merge_into(node, &deeper, inner, edits)?;
                }
            }
        }
        if missing.is_empty() {
            return Ok(());
        }
        if *flow {
            return Err(EditError::Unsupported(path_name(path)));
        }
        let indent = have.first().map_or(map.column, |(k, _)| k.column);
        let step = self.nested_step(map).unwrap_or(STEP);
        let at = self.after_line_of(map.span.end);
        edits.push(Edit {
            range: at..at,
            text: self.line_ends(self.newline_before(at) + &missing.block(indent, step, None)),
        });
        Ok(())
    }

    /// The edit that adds a mapping made of `entries` as the last item of the block list at
    /// `path`, with the `- ` and the keys where the list's first item has them.
    pub fn push_item(&self, path: &[Step], entries: &Entries) -> Result<Edit, EditError> {
        let name = path_name(path);
        let node = self
            .get(path)
            .ok_or_else(|| EditError::NoSuchPlace(name.clone()))?;
        let NodeKind::Seq { flow, items } = &node.kind else {
            return Err(EditError::NoSuchPlace(name));
        };
        if *flow {
            return Err(EditError::Unsupported(name));
        }
        let (dash, key) = match items.first() {
            Some(first) => {
                let dash = self.dash_column(first).unwrap_or(node.column);
                (dash, first.column.max(dash + 2))
            }
            None => (node.column, node.column + 2),
        };
        let step = items
            .first()
            .and_then(|f| self.nested_step(f))
            .unwrap_or(STEP);
        let mut first = " ".repeat(dash);
        first.push('-');
        first.push_str(&" ".repeat(key - dash - 1));
        let at = self.after_line_of(node.span.end);
        Ok(Edit {
            range: at..at,
            text: self.line_ends(self.newline_before(at) + &entries.block(key, step, Some(&first))),
        })
    }

    /// The edit that writes `value` over `node`.
    fn replace(&self, node: &Node, value: &Value) -> Edit {
        let text = match (&node.kind, value) {
            (NodeKind::Seq { flow: false, items }, Value::Words(words)) if !words.is_empty() => {
                let dash = items
                    .first()
                    .and_then(|f| self.dash_column(f))
                    .unwrap_or(node.column);
                let item = items.first().map_or(dash + 2, |f| f.column);
                let gap = " ".repeat(item.saturating_sub(dash + 1).max(1));
                let lines: Vec<String> =
                    words.iter().map(|w| format!("-{gap}{}", word(w))).collect();
                // The first item goes where the list starts; the others under it.
                lines.join(&format!("\n{}", " ".repeat(dash)))
            }
            _ => value.inline(),
        };
        Edit {
            range: node.span.clone(),
            text: self.line_ends(text),
        }
    }

    /// The column of the `- ` before a list item, when it is on the item's line.
    fn dash_column(&self, item: &Node) -> Option<usize> {
        let line_start = self.text[..item.span.start]
            .rfind('\n')
            .map_or(0, |i| i + 1);
        let before = &self.text[line_start..item.span.start];
        let dash = before.rfind('-')?;
        Some(before[..dash].chars().count())
    }

    /// How much further than a mapping's keys its nested mappings are indented, from the first one.
    fn nested_step(&self, map: &Node) -> Option<usize> {
        let NodeKind::Map { entries, .. } = &map.kind else {
            return None;
        };
        entries
            .iter()
            .find_map(|(k, v)| match &v.kind {
                NodeKind::Map {
                    flow: false,
                    entries,
                } => entries
                    .first()
                    .map(|(k2, _)| k2.column.saturating_sub(k.column)),
                _ => None,
            })
            .filter(|s| *s > 0)
    }

    /// The byte after the line feed that ends the line holding the byte before `end` (the end of
    /// the file when there is none).
    fn after_line_of(&self, end: usize) -> usize {
        let end = end.min(self.text.len());
        if end > 0 && self.text.as_bytes()[end - 1] == b'\n' {
            return end;
        }
        self.text[end..]
            .find('\n')
            .map_or(self.text.len(), |i| end + i + 1)
    }

    /// `s` with the line endings the text uses (CRLF when its first line ends so).
    fn line_ends(&self, s: String) -> String {
        let crlf = self
            .text
            .find('\n')
            .is_some_and(|i| i > 0 && self.text.as_bytes()[i - 1] == b'\r');
        if crlf { s.replace('\n', "\r\n") } else { s }
    }

    /// A line feed when `at` is the end of a text that does not end with one.
    fn newline_before(&self, at: usize) -> String {
        if at > 0 && at == self.text.len() && !self.text.ends_with('\n') {
            "\n".to_owned()
        } else {
            String::new()
        }
    }
}

/// Whether `node` already holds `value`.
fn same(node: &Node, value: &Value) -> bool {
    match (&node.kind, value) {
        (NodeKind::Scalar(s), Value::Text(t) | Value::Word(t)) => s == t,
        (NodeKind::Seq { items, .. }, Value::Words(words)) => {
            items.len() == words.len()
                && items
                    .iter()
                    .zip(words)
                    .all(|(i, w)| i.as_str() == Some(w.as_str()))
        }
        _ => false,
    }
}

/// The key and value nodes of `map`'s entry `key`.
fn entry<'n>(map: &'n Node, key: &str) -> Option<(&'n Node, &'n Node)> {
    match &map.kind {
        NodeKind::Map { entries, .. } => entries
            .iter()
            .find(|(k, _)| k.as_str() == Some(key))
            .map(|(k, v)| (k, v)),
        _ => None,
    }
}

fn child<'n>(node: &'n Node, step: &Step) -> Option<&'n Node> {
    match (step, &node.kind) {
        (Step::Key(k), _) => entry(node, k).map(|(_, v)| v),
        (Step::Index(i), NodeKind::Seq { items, .. }) => items.get(*i),
        _ => None,
    }
}

/// `people[2].contact.email`.
fn path_name(path: &[Step]) -> String {
    let mut out = String::new();
    for s in path {
        match s {
            Step::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Step::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

#[cfg(test)]
mod tests;
