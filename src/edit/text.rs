//! The text operations every change is made of, over [`yaml_edit::Document`]: a key of a mapping
//! set, added where a person would write it, or removed; an item added to or removed from a list.

use std::ops::Range;

use super::EditError;
use crate::yaml_edit::{self, Document, Edit, Entries, Node, NodeKind, Step, Value, path_name};

/// The keys of one kind of mapping in the order files write them; each group is a key and the
/// older names it is also read under (`attainable`, `achievable`).
pub(super) type Order = &'static [&'static [&'static str]];

/// Which order the mapping at a path has (`&[]` when any order does).
pub(super) type Schema = fn(&[Step]) -> Order;

/// A text being edited: the document read from it and the kind of file it is.
pub(super) struct Doc<'a> {
    pub(super) doc: Document<'a>,
    schema: Schema,
}

/// What is at the place of a mapping.
enum MapAt<'n> {
    /// A block mapping.
    Block(&'n Node),
    /// A key with nothing (or `~`) after it: comments only below it.
    Null { key: &'n Node, value: &'n Node },
    /// No such key.
    Missing,
}

/// The indentation a new nested block gets.
const STEP: usize = 2;

impl<'a> Doc<'a> {
    /// Reads `text`.
    pub(super) fn parse(text: &'a str, schema: Schema) -> Result<Doc<'a>, EditError> {
        Ok(Doc {
            doc: Document::parse(text)?,
            schema,
        })
    }

    /// The text.
    pub(super) fn text(&self) -> &'a str {
        self.doc.text()
    }

    /// The node at `path`.
    pub(super) fn get(&self, path: &[Step]) -> Option<&Node> {
        self.doc.get(path)
    }

    /// The key node and value node of the entry `key` (or one of its other names) of the mapping
    /// at `map`.
    pub(super) fn entry(&self, map: &[Step], key: &str) -> Option<(&Node, &Node)> {
        let node = self.get(map)?;
        names(self.order(map), key)
            .iter()
            .find_map(|k| yaml_edit::entry(node, k))
    }

    fn order(&self, path: &[Step]) -> Order {
        (self.schema)(path)
    }

    /// The edits that make `key` of the mapping at `map` be `value` (the mapping made when
    /// missing).
    pub(super) fn put(
        &self,
        map: &[Step],
        key: &str,
        value: &Value,
    ) -> Result<Vec<Edit>, EditError> {
        if let Some((k, v)) = self.entry(map, key) {
            if yaml_edit::same(v, value) {
                return Ok(Vec::new());
            }
            if is_null(self.text(), v) {
                return Ok(vec![self.fill_null(k, v, value)]);
            }
            let block = matches!(
                self.get(map).map(|m| &m.kind),
                Some(NodeKind::Map { flow: false, .. })
            );
            return Ok(self.doc.replace_value(block.then_some(k), v, value));
        }
        let mut one = Entries::default();
        one.set(&[key], value.clone());
        self.add_key(map, key, &|indent| one.block(indent, STEP, None))
    }

    /// [`Doc::put`] for a field of a form: `None` leaves the key, an empty value removes it.
    pub(super) fn field(
        &self,
        map: &[Step],
        key: &str,
        value: Option<Value>,
    ) -> Result<Vec<Edit>, EditError> {
        match value {
            None => Ok(Vec::new()),
            Some(v) if is_empty(&v) => self.remove(map, key),
            Some(v) => self.put(map, key, &v),
        }
    }

    /// The edit that writes `value` after the colon of `key`, whose value is empty.
    fn fill_null(&self, key: &Node, value: &Node, new: &Value) -> Edit {
        let text = self.text();
        let colon = key.span.end + text[key.span.end..].find(':').unwrap_or(0);
        let eol = self.doc.line_end(colon);
        // What follows the empty value on its line: spaces and a comment, kept.
        let tail_from = if value.span.is_empty() || value.span.start > eol {
            colon + 1
        } else {
            value.span.end
        };
        let tail = &text[tail_from.min(eol)..eol];
        // Comment lines under the key would be read as lines of a block written there.
        let commented = self.region_end(key, value) > eol;
        let written = match new {
            Value::Text(t) if yaml_edit::block_text(t) && !commented => {
                let body = yaml_edit::block(t, key.column + STEP);
                let (indicator, rest) = body.split_once('\n').unwrap_or((&body, ""));
                format!(": {indicator}{tail}\n{rest}")
            }
            v => format!(": {}{tail}", v.inline()),
        };
        Edit {
            range: colon..eol,
            text: self.doc.line_ends(written),
        }
    }

    /// The start of the line that holds byte `at`.
    fn line_start(&self, at: usize) -> usize {
        self.text()[..at].rfind('\n').map_or(0, |i| i + 1)
    }

    /// The edit that adds the key `key` to the mapping at `map` as the lines `lines(indent)` make:
    /// after the entry of the nearest key before it in the mapping's order (before the first entry
    /// when only keys after it are there; after the last entry when the order knows none of them), at the indentation of the mapping's keys. A missing mapping is added
    /// the same way to its own parent; a missing key of the file's root goes after the commented
    /// sample of it that `mentorbook new` writes (`# meetings:` ...) when there is one.
    pub(super) fn add_key(
        &self,
        map: &[Step],
        key: &str,
        lines: &dyn Fn(usize) -> String,
    ) -> Result<Vec<Edit>, EditError> {
        let name = || path_name(map);
        match self.map_at(map)? {
            MapAt::Block(node) => {
                let NodeKind::Map { flow, entries } = &node.kind else {
                    return Err(EditError::NotAMap(name()));
                };
                if *flow {
                    return Err(EditError::Flow(name()));
                }
                if map.is_empty()
                    && let Some(at) = self.after_sample(key)
                {
                    return Ok(vec![self.insert(at, lines(0))]);
                }
                let indent = entries.first().map_or(node.column, |(k, _)| k.column);
                let order = self.order(map);
                let before = order
                    .iter()
                    .position(|g| g.contains(&key))
                    .map_or(&[][..], |i| &order[..i]);
                let rank = |k: &Node| {
                    k.as_str()
                        .and_then(|k| before.iter().position(|g| g.contains(&k)))
                };
                let anchor = entries
                    .iter()
                    .filter(|(k, _)| rank(k).is_some())
                    .max_by_key(|(k, _)| rank(k));
                // No key before it, but one the order puts after it: it goes first, before the
                // line of that key.
                let known = |k: &Node| {
                    k.as_str()
                        .is_some_and(|k| order.iter().any(|g| g.contains(&k)))
                };
                let key_known = order.iter().any(|g| g.contains(&key));
                let first_after = if anchor.is_none() && key_known {
                    entries.iter().find(|(k, _)| known(k))
                } else {
                    None
                };
                let at = match (anchor, first_after) {
                    (Some((k, v)), _) => self.doc.after_line_of(self.region_end(k, v)),
                    (None, Some((k, _))) => {
                        let start = self.line_start(k.span.start);
                        if !self.text()[start..k.span.start].trim().is_empty() {
                            // `- title: t`: the new key takes the place after the dash and the
                            // old one moves to the next line, at the same indentation.
                            let written = lines(indent);
                            let moved = written.get(indent..).unwrap_or(&written);
                            let text = format!("{moved}{}", " ".repeat(indent));
                            return Ok(vec![Edit {
                                range: k.span.start..k.span.start,
                                text: self.doc.line_ends(text),
                            }]);
                        }
                        start
                    }
                    (None, None) => match entries.last() {
                        Some((k, v)) => self.doc.after_line_of(self.region_end(k, v)),
                        None => self.doc.after_line_of(node.span.end),
                    },
                };
                Ok(vec![self.insert(at, lines(indent))])
            }
            MapAt::Null { key: k, value } => {
                let mut edits = Vec::new();
                if !value.span.is_empty() && value.span.start < self.doc.line_end(k.span.end) {
                    // `key: ~` or `key: null`: the word goes.
                    edits.push(Edit {
                        range: value.span.clone(),
                        text: String::new(),
                    });
                }
                let at = self.doc.after_line_of(self.region_end(k, value));
                edits.push(self.insert(at, lines(k.column + STEP)));
                Ok(edits)
            }
            MapAt::Missing => {
                let Some((Step::Key(parent_key), parent)) = map.split_last() else {
                    return Err(EditError::NotAMap(name()));
                };
                let parent_key = parent_key.clone();
                self.add_key(parent, &parent_key, &|indent| {
                    format!(
                        "{}{}:\n{}",
                        " ".repeat(indent),
                        yaml_edit::string(&parent_key),
                        lines(indent + STEP)
                    )
                })
            }
        }
    }

    /// An insertion of the lines `text` at the start of a line.
    fn insert(&self, at: usize, text: String) -> Edit {
        Edit {
            range: at..at,
            text: self.doc.line_ends(self.doc.newline_before(at) + &text),
        }
    }

    /// The edits that remove the entry `key` of the mapping at `map`: its lines, from its key's
    /// line to the end of its value. Nothing when it is not there.
    pub(super) fn remove(&self, map: &[Step], key: &str) -> Result<Vec<Edit>, EditError> {
        let Some((k, v)) = self.entry(map, key) else {
            return Ok(Vec::new());
        };
        if matches!(
            self.get(map).map(|m| &m.kind),
            Some(NodeKind::Map { flow: true, .. })
        ) {
            return Err(EditError::Flow(path_name(map)));
        }
        let start = self.doc.line_start(k.span.start);
        if !self.text()[start..k.span.start].trim().is_empty() {
            let mut path = map.to_vec();
            path.push(Step::Key(key.to_owned()));
            return Err(EditError::FirstField(path_name(&path)));
        }
        let end = self.doc.after_line_of(self.entry_end(k, v));
        Ok(vec![Edit {
            range: start..end,
            text: self
                .doc
                .comments_within(std::slice::from_ref(v), start..end, k.column),
        }])
    }

    /// The edits that add a mapping of `entries` as the last item of the list at `list` (the list
    /// made when missing, as a key of the mapping that holds it).
    pub(super) fn push(&self, list: &[Step], entries: &Entries) -> Result<Vec<Edit>, EditError> {
        let item = |indent: usize| {
            let dash = format!("{}- ", " ".repeat(indent));
            entries.block(indent + STEP, STEP, Some(&dash))
        };
        let Some((Step::Key(key), map)) = list.split_last() else {
            return Err(EditError::NotAMap(path_name(list)));
        };
        match self.entry(map, key) {
            Some((_, v)) if matches!(v.kind, NodeKind::Seq { flow: false, .. }) => {
                Ok(vec![self.doc.push_item(list, entries)?])
            }
            Some((k, v)) if is_null(self.text(), v) || is_empty_flow(v) => {
                // `meetings:` or `meetings: []`: the item goes below the key (and below the
                // comment lines under it), the `[]` or `~` goes.
                let colon = k.span.end + self.text()[k.span.end..].find(':').unwrap_or(0);
                let eol = self.doc.line_end(colon);
                let tail = if v.span.is_empty() || v.span.start > eol {
                    &self.text()[colon + 1..eol]
                } else {
                    &self.text()[v.span.end.min(eol)..eol]
                };
                let at = self.doc.after_line_of(self.region_end(k, v));
                Ok(vec![
                    Edit {
                        range: colon..eol,
                        text: format!(":{tail}"),
                    },
                    self.insert(at, item(k.column + STEP)),
                ])
            }
            Some(_) => Err(EditError::Flow(path_name(list))),
            None => {
                let key = key.clone();
                self.add_key(map, &key, &|indent| {
                    format!("{}{}:\n{}", " ".repeat(indent), key, item(indent + STEP))
                })
            }
        }
    }

    /// The item `index` of the list at `list`, or why there is none.
    pub(super) fn item(&self, list: &[Step], index: usize) -> Result<&Node, EditError> {
        let items = match self.get(list).map(|n| &n.kind) {
            Some(NodeKind::Seq { items, .. }) => &items[..],
            _ => &[],
        };
        items.get(index).ok_or_else(|| EditError::NoItem {
            list: path_name(list),
            index,
            len: items.len(),
        })
    }

    /// The edit that removes item `index` of the block list at `list`: its lines, from its dash to
    /// the end of its last value. Comment lines after it stay, with the next item, and so do the
    /// comment lines inside it: a removal never deletes a comment. The list's only item goes with
    /// the list's key (an empty `meetings:` would not be a list).
    pub(super) fn remove_item(&self, list: &[Step], index: usize) -> Result<Vec<Edit>, EditError> {
        let item = self.item(list, index)?;
        let Some(NodeKind::Seq { flow, items }) = self.get(list).map(|n| &n.kind) else {
            return Err(EditError::NotAMap(path_name(list)));
        };
        if *flow {
            return Err(EditError::Flow(path_name(list)));
        }
        if items.len() == 1
            && let Some((Step::Key(key), map)) = list.split_last()
        {
            return self.remove(map, key);
        }
        let start = self.doc.item_line_start(item);
        let end = self.doc.after_line_of(item.span.end);
        let lines: Range<usize> = start..end;
        Ok(vec![Edit {
            text: self.doc.comments_within(
                std::slice::from_ref(item),
                lines.clone(),
                self.doc.dash_column(item).unwrap_or(item.column),
            ),
            range: lines,
        }])
    }

    /// Where the mapping at `map` is.
    fn map_at(&self, map: &[Step]) -> Result<MapAt<'_>, EditError> {
        if map.is_empty() {
            return match self.doc.root() {
                Some(
                    n @ Node {
                        kind: NodeKind::Map { .. },
                        ..
                    },
                ) => Ok(MapAt::Block(n)),
                _ => Err(EditError::NotAMap(String::new())),
            };
        }
        let (last, parent) = map.split_last().expect("not empty");
        let entry = match last {
            Step::Key(k) => self.entry(parent, k),
            Step::Index(_) => {
                return match self.get(map) {
                    Some(n) if matches!(n.kind, NodeKind::Map { .. }) => Ok(MapAt::Block(n)),
                    _ => Err(EditError::NotAMap(path_name(map))),
                };
            }
        };
        match entry {
            None => Ok(MapAt::Missing),
            Some((_, v)) if matches!(v.kind, NodeKind::Map { .. }) => Ok(MapAt::Block(v)),
            Some((key, value)) if is_null(self.text(), value) => Ok(MapAt::Null { key, value }),
            Some(_) => Err(EditError::NotAMap(path_name(map))),
        }
    }

    /// [`Doc::entry_end`], and the comment lines after it indented further than its key (the
    /// placeholders of an empty phase, a commented-out field): where a key written after the
    /// entry goes. (A block of text written before such comment lines would take them in.)
    fn region_end(&self, key: &Node, value: &Node) -> usize {
        self.doc
            .comments_under(self.entry_end(key, value), key.column)
    }

    /// The byte where an entry's value ends (its key's end when the value is empty).
    pub(super) fn entry_end(&self, key: &Node, value: &Node) -> usize {
        if is_null(self.text(), value)
            && (value.span.is_empty() || value.span.start > self.doc.line_end(key.span.end))
        {
            key.span.end
        } else {
            value.span.end.max(key.span.end)
        }
    }

    /// The byte after the commented sample of the root key `key` that `mentorbook new` writes
    /// (`# meetings:` and the lines under it starting `#   `), when a key written there would be
    /// one of the root mapping's.
    fn after_sample(&self, key: &str) -> Option<usize> {
        let text = self.text();
        let head = format!("# {key}:");
        let mut at = 0;
        let mut found = None;
        for line in text.split_inclusive('\n') {
            let next = at + line.len();
            let bare = line.trim_end();
            match found {
                None if bare == head || bare.starts_with(&format!("{head} ")) => found = Some(next),
                Some(_) if bare.starts_with("#  ") || bare.starts_with("# -") => found = Some(next),
                Some(_) => break,
                None => {}
            }
            at = next;
        }
        let end = found?;
        // The next line that is not blank or a comment must start at column 0, and not with the
        // dash of an item of a list that the key above holds.
        let rest = text[end..]
            .lines()
            .find(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'));
        match rest {
            Some(l) if l.starts_with([' ', '\t']) || l.trim_end() == "-" || l.starts_with("- ") => {
                None
            }
            _ => Some(end),
        }
    }
}

/// The key and its other names, from `order`.
fn names(order: Order, key: &str) -> Vec<&str> {
    order
        .iter()
        .find(|g| g.contains(&key))
        .map_or_else(|| vec![key], |g| g.to_vec())
}

/// Whether `node` is an empty value: nothing, `~` or `null`.
pub(super) fn is_null(text: &str, node: &Node) -> bool {
    matches!(&node.kind, NodeKind::Scalar(s) if s.is_empty() || matches!(s.as_str(), "~" | "null" | "Null" | "NULL"))
        && !text[node.span.clone()].starts_with(['"', '\''])
}

/// Whether `node` is `[]` or `{}`.
fn is_empty_flow(node: &Node) -> bool {
    match &node.kind {
        NodeKind::Seq { flow: true, items } => items.is_empty(),
        NodeKind::Map {
            flow: true,
            entries,
        } => entries.is_empty(),
        _ => false,
    }
}

/// Whether a form's value asks for the key to go.
fn is_empty(v: &Value) -> bool {
    match v {
        Value::Text(s) | Value::Word(s) => s.is_empty(),
        Value::Words(l) | Value::Texts(l) | Value::Lines(l) => l.is_empty(),
    }
}
