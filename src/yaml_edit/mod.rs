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

pub use render::{Entries, Entry, Value, block, block_text, flow_string, quoted, string, word};
pub use tree::{Node, NodeKind, ParseError};

use std::fmt::Write as _;
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

    /// The edits that make the value at `path` be `value`: the value replaced where it is written
    /// (see [`Document::replace_value`]), or, when the key is missing, the key (with any mappings
    /// on the way to it) added after the last entry of the deepest mapping that exists, at its
    /// entries' indentation.
    pub fn set(&self, path: &[Step], value: &Value) -> Result<Vec<Edit>, EditError> {
        let name = path_name(path);
        if let Some(node) = self.get(path) {
            let key = match path.split_last() {
                Some((Step::Key(k), parent)) => self
                    .get(parent)
                    .filter(|p| matches!(p.kind, NodeKind::Map { flow: false, .. }))
                    .and_then(|p| entry(p, k))
                    .map(|(key, _)| key),
                _ => None,
            };
            return Ok(self.replace_value(key, node, value));
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
        Ok(vec![Edit {
            range: at..at,
            text: self.line_ends(self.newline_before(at) + &add.block(indent, step, None)),
        }])
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
                (Some((k, node)), Entry::Value(v)) => {
                    if !same(node, v) {
                        edits.extend(self.replace_value((!*flow).then_some(k), node, v));
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
        let at = self.after_line_of(self.comments_under(node.span.end, dash));
        Ok(Edit {
            range: at..at,
            text: self.line_ends(self.newline_before(at) + &entries.block(key, step, Some(&first))),
        })
    }

    /// The edits that write `value` over `node`, the value of the entry `key` of a block mapping
    /// (`None` for a value inside braces or brackets, or a list item). Only what differs changes:
    ///
    /// - a list written as block items stays block items: items that differ are replaced one by
    ///   one, items past the new end lose their lines, new items go after the last one (so comment
    ///   lines between items stay);
    /// - a list in brackets stays in brackets;
    /// - lines of text in a block mapping are written as a block (`|`) at the indentation of the
    ///   block they replace, or two spaces further than `key`; a comment on the line of the value
    ///   (or of the block's indicator) stays on the indicator's line; when comment lines indented
    ///   under the value follow it, the text is written quoted on one line instead (a block would
    ///   take them in);
    /// - anything else is written on one line, quoted when it must be.
    pub fn replace_value(&self, key: Option<&Node>, node: &Node, value: &Value) -> Vec<Edit> {
        if let (NodeKind::Seq { flow: false, items }, Some(new)) = (&node.kind, value.items())
            && !items.is_empty()
            && !new.is_empty()
        {
            return self.replace_items(items, new, value);
        }
        let is_block = matches!(node.kind, NodeKind::Scalar(_))
            && self.text[node.span.start..].starts_with(['|', '>']);
        // The comment on a block scalar's indicator line.
        let header_comment = if is_block {
            let header = &self.text[node.span.start..self.line_end(node.span.start)];
            header.find(" #").map_or("", |i| &header[i..])
        } else {
            ""
        };
        // Comment lines indented under the value would be read as lines of a block written there.
        let commented = |key: &Node| {
            !is_block
                && self.comments_under(node.span.end, key.column) > self.line_end(node.span.end)
        };
        match (key, value) {
            (Some(key), Value::Text(t)) if block_text(t) && !commented(key) => {
                let (range, comment, indent) = if is_block {
                    let indent = self.text[node.span.start..node.span.end]
                        .split('\n')
                        .skip(1)
                        .find(|l| !l.trim().is_empty())
                        .map(|l| l.len() - l.trim_start_matches(' ').len());
                    (
                        node.span.clone(),
                        header_comment,
                        indent.unwrap_or(key.column + STEP),
                    )
                } else {
                    // A comment after the value moves to the indicator's line.
                    let eol = self.line_end(node.span.end);
                    (
                        node.span.start..eol,
                        &self.text[node.span.end..eol],
                        key.column + STEP,
                    )
                };
                let body = block(t, indent);
                let (indicator, rest) = body.split_once('\n').unwrap_or((&body, ""));
                vec![Edit {
                    range,
                    text: self.line_ends(format!("{indicator}{comment}\n{rest}")),
                }]
            }
            _ => vec![Edit {
                range: node.span.clone(),
                text: self.line_ends(value.inline() + header_comment),
            }],
        }
    }

    /// The edits that make the block list of `items` hold `new`.
    fn replace_items(&self, items: &[Node], new: &[String], value: &Value) -> Vec<Edit> {
        let mut edits = Vec::new();
        for (old, want) in items.iter().zip(new) {
            if old.as_str() != Some(want.as_str()) {
                edits.push(Edit {
                    range: old.span.clone(),
                    text: self.line_ends(value.item(want)),
                });
            }
        }
        let last = items.last().map_or(0, |n| n.span.end);
        let end = self.after_line_of(last);
        if items.len() > new.len() {
            let from = self.item_line_start(&items[new.len()]);
            edits.push(Edit {
                range: from..end,
                text: self.comments_within(
                    &items[new.len()..],
                    from..end,
                    self.dash_column(&items[new.len()]).unwrap_or(0),
                ),
            });
        } else if new.len() > items.len() {
            let first = &items[0];
            let dash = self.dash_column(first).unwrap_or(first.column);
            let gap = " ".repeat(first.column.saturating_sub(dash + 1).max(1));
            let mut text = self.newline_before(end);
            for want in &new[items.len()..] {
                let _ = writeln!(text, "{}-{gap}{}", " ".repeat(dash), value.item(want));
            }
            edits.push(Edit {
                range: end..end,
                text: self.line_ends(text),
            });
        }
        edits
    }

    /// The comment lines (each with its line break) among the lines that start in `lines`, leaving
    /// out lines inside a scalar of `nodes` (a `#` line of a block scalar is text, not a comment).
    /// What a removal of the nodes' lines writes back, so that it never deletes a comment; each
    /// line is written at `column` (the removed lines' own), as a comment deeper than the lines
    /// around it could read as the start of a value that is not there.
    pub fn comments_within(&self, nodes: &[Node], lines: Range<usize>, column: usize) -> String {
        let mut scalars = Vec::new();
        for node in nodes {
            scalar_spans(node, &mut scalars);
        }
        let mut out = String::new();
        let mut at = lines.start;
        while at < lines.end.min(self.text.len()) {
            let next = self.after_line_of(self.line_end(at) + 1).max(at + 1);
            let line = &self.text[at..next.min(self.text.len())];
            let body = line.trim_start_matches([' ', '\t']);
            let first = at + (line.len() - body.len());
            if body.starts_with('#') && !scalars.iter().any(|s| s.start <= first && first < s.end) {
                out.push_str(&" ".repeat(column));
                out.push_str(body);
            }
            at = next;
        }
        out
    }

    /// The end of the comment lines that follow the line of `end` and are indented further than
    /// `column` (they belong to what ends there: a commented-out field, placeholders), or `end`
    /// when there are none. New lines go after them: a block of text written before them would
    /// take them in as lines of text.
    pub fn comments_under(&self, end: usize, column: usize) -> usize {
        let mut last = end;
        let mut at = self.after_line_of(end);
        while at < self.text.len() {
            let eol = self.line_end(at);
            let line = &self.text[at..eol];
            let body = line.trim_start_matches(' ');
            if !body.trim().is_empty() {
                if line.len() - body.len() <= column || !body.starts_with('#') {
                    break;
                }
                last = eol;
            }
            at = self.after_line_of(eol + 1).max(at + 1);
        }
        last
    }

    /// The start of the line of the `-` before a list item.
    pub fn item_line_start(&self, item: &Node) -> usize {
        let before = self.text[..item.span.start].trim_end_matches([' ', '\t', '\r', '\n']);
        let dash = if before.ends_with('-') {
            before.len() - 1
        } else {
            item.span.start
        };
        self.line_start(dash)
    }

    /// The start of the line holding the byte `at`.
    pub fn line_start(&self, at: usize) -> usize {
        self.text[..at.min(self.text.len())]
            .rfind('\n')
            .map_or(0, |i| i + 1)
    }

    /// The end of the line holding the byte `at`: its line break (`\r\n` or `\n`), or the end of
    /// the text.
    pub fn line_end(&self, at: usize) -> usize {
        let at = at.min(self.text.len());
        match self.text[at..].find('\n') {
            Some(i) if i > 0 && self.text.as_bytes()[at + i - 1] == b'\r' => at + i - 1,
            Some(i) => at + i,
            None => self.text.len(),
        }
    }

    /// The column of the `-` before a block list's item (on the item's line or a line before it).
    pub fn dash_column(&self, item: &Node) -> Option<usize> {
        let mut before = &self.text[..item.span.start];
        // Comments between the dash and the item (`-`, `# note`, `  key: v`) are stepped over.
        loop {
            before = before.trim_end_matches([' ', '\t', '\r', '\n']);
            let start = before.rfind('\n').map_or(0, |i| i + 1);
            let comment = before[start..]
                .char_indices()
                .find(|&(i, c)| c == '#' && (i == 0 || before[start..][..i].ends_with([' ', '\t'])))
                .map(|(i, _)| start + i);
            match comment {
                Some(at) => before = &before[..at],
                None => break,
            }
        }
        let dash = before
            .len()
            .checked_sub(1)
            .filter(|_| before.ends_with('-'))?;
        Some(self.text[self.line_start(dash)..dash].chars().count())
    }

    /// How much further than a mapping's keys its nested mappings are indented, from the first one.
    pub fn nested_step(&self, map: &Node) -> Option<usize> {
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
    pub fn after_line_of(&self, end: usize) -> usize {
        let end = end.min(self.text.len());
        if end > 0 && self.text.as_bytes()[end - 1] == b'\n' {
            return end;
        }
        self.text[end..]
            .find('\n')
            .map_or(self.text.len(), |i| end + i + 1)
    }

    /// `s` with the line endings the text uses (CRLF when its first line ends so).
    pub fn line_ends(&self, s: String) -> String {
        let crlf = self
            .text
            .find('\n')
            .is_some_and(|i| i > 0 && self.text.as_bytes()[i - 1] == b'\r');
        if crlf { s.replace('\n', "\r\n") } else { s }
    }

    /// A line feed when `at` is the end of a text that does not end with one.
    pub fn newline_before(&self, at: usize) -> String {
        if at > 0 && at == self.text.len() && !self.text.ends_with('\n') {
            "\n".to_owned()
        } else {
            String::new()
        }
    }
}

/// The byte ranges of the scalars in `node`.
fn scalar_spans(node: &Node, out: &mut Vec<Range<usize>>) {
    match &node.kind {
        NodeKind::Scalar(_) => out.push(node.span.clone()),
        NodeKind::Seq { items, .. } => items.iter().for_each(|n| scalar_spans(n, out)),
        NodeKind::Map { entries, .. } => entries.iter().for_each(|(k, v)| {
            scalar_spans(k, out);
            scalar_spans(v, out);
        }),
    }
}

/// Whether `node` already holds `value`.
pub fn same(node: &Node, value: &Value) -> bool {
    match (&node.kind, value) {
        (NodeKind::Scalar(s), Value::Text(t) | Value::Word(t)) => s == t,
        (
            NodeKind::Seq { items, .. },
            Value::Words(words) | Value::Texts(words) | Value::Lines(words),
        ) => {
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
pub fn entry<'n>(map: &'n Node, key: &str) -> Option<(&'n Node, &'n Node)> {
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
pub fn path_name(path: &[Step]) -> String {
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
