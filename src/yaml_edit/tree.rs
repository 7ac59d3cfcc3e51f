//! The shape of a YAML text with the byte range of every node, read with the same parser the loader
//! uses, so that an edit lands exactly where the loader read the value.

use std::ops::Range;

use serde_saphyr::granit_parser::{Event, Parser, ScalarStyle, StructureStyle};

/// One node of a YAML document, with where it is written.
#[derive(Debug, Clone)]
pub struct Node {
    /// The bytes the node covers: a scalar with its quotes or block indicator; a collection from
    /// its first byte to the end of its last child (block) or its closing bracket (flow).
    pub span: Range<usize>,
    /// The 0-based column of the node's first character.
    pub column: usize,
    /// What it is.
    pub kind: NodeKind,
}

/// What a node is.
#[derive(Debug, Clone)]
pub enum NodeKind {
    /// A scalar, with its value after escapes.
    Scalar(String),
    /// A sequence; `flow` for `[a, b]`.
    Seq {
        /// Written in brackets.
        flow: bool,
        /// The items.
        items: Vec<Node>,
    },
    /// A mapping; `flow` for `{a: 1}`.
    Map {
        /// Written in braces.
        flow: bool,
        /// Key and value of each entry, in order.
        entries: Vec<(Node, Node)>,
    },
}

impl Node {
    /// The key scalar of an entry, as text.
    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            NodeKind::Scalar(s) => Some(s),
            _ => None,
        }
    }
}

/// A YAML text that does not parse, with the parser's words.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct ParseError {
    /// 1-based line.
    pub line: usize,
    /// What the parser said.
    pub message: String,
}

enum Open {
    Seq {
        flow: bool,
        start: usize,
        column: usize,
        items: Vec<Node>,
    },
    Map {
        flow: bool,
        start: usize,
        column: usize,
        entries: Vec<(Node, Node)>,
        key: Option<Node>,
    },
}

/// Reads the first document of `text` into its tree; `None` for a text without a node (empty, or
/// comments only).
pub fn parse(text: &str) -> Result<Option<Node>, ParseError> {
    let mut stack: Vec<Open> = Vec::new();
    let mut root: Option<Node> = None;
    for item in Parser::new_from_str(text) {
        let (event, span) = item.map_err(|e| ParseError {
            line: e.marker().line(),
            message: e.to_string(),
        })?;
        let start = span.start.byte_offset().unwrap_or(0);
        let end = span.end.byte_offset().unwrap_or(start);
        let column = span.start.col();
        let done = match event {
            Event::Scalar(value, style, ..) => Some(Node {
                span: if matches!(style, ScalarStyle::Literal | ScalarStyle::Folded) {
                    block_span(text, start, end)
                } else {
                    start..end
                },
                column,
                kind: NodeKind::Scalar(value.into_owned()),
            }),
            Event::Alias(..) => Some(Node {
                span: start..end,
                column,
                kind: NodeKind::Scalar(String::new()),
            }),
            Event::SequenceStart(style, ..) => {
                stack.push(Open::Seq {
                    flow: style == StructureStyle::Flow,
                    start,
                    column,
                    items: Vec::new(),
                });
                None
            }
            Event::MappingStart(style, ..) => {
                stack.push(Open::Map {
                    flow: style == StructureStyle::Flow,
                    start,
                    column,
                    entries: Vec::new(),
                    key: None,
                });
                None
            }
            Event::SequenceEnd | Event::MappingEnd => match stack.pop() {
                Some(Open::Seq {
                    flow,
                    start,
                    column,
                    items,
                }) => {
                    let last = items.last().map_or(start, |n| n.span.end);
                    Some(Node {
                        span: start..if flow { end.max(last) } else { last },
                        column,
                        kind: NodeKind::Seq { flow, items },
                    })
                }
                Some(Open::Map {
                    flow,
                    start,
                    column,
                    entries,
                    ..
                }) => {
                    let last = entries.last().map_or(start, |(_, v)| v.span.end);
                    Some(Node {
                        span: start..if flow { end.max(last) } else { last },
                        column,
                        kind: NodeKind::Map { flow, entries },
                    })
                }
                None => None,
            },
            Event::DocumentEnd => break,
            _ => None,
        };
        let Some(node) = done else { continue };
        match stack.last_mut() {
            Some(Open::Seq { items, .. }) => items.push(node),
            Some(Open::Map { entries, key, .. }) => match key.take() {
                Some(k) => entries.push((k, node)),
                None => *key = Some(node),
            },
            None => {
                root = Some(node);
            }
        }
    }
    Ok(root)
}

/// The bytes of a block scalar (`|`, `>`) whose content the parser placed at `start..end`: from
/// its indicator to the end of its last line of content. (The parser's end runs on over the blank
/// lines and the less indented comment lines that follow, to the next token.)
fn block_span(text: &str, start: usize, end: usize) -> Range<usize> {
    // An empty block scalar at the end of the text starts at its indicator; any other, at its
    // content, after the line of its indicator.
    let line = &text[text[..start].rfind('\n').map_or(0, |i| i + 1)..start];
    let at_indicator = text[start..].starts_with(['|', '>']) && !line.trim().is_empty();
    let from = if at_indicator {
        start
    } else {
        text[..start].rfind(['|', '>']).unwrap_or(start)
    };
    let Some(first_break) = text[from..end].find('\n') else {
        return from..from.max(end);
    };
    // The content's lines: indented at least as far as its first non-blank line.
    let mut at = from + first_break + 1;
    let mut indent = None;
    let mut to = from + first_break;
    while at < end {
        let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
        let line = text[at..line_end].trim_end_matches('\r');
        let body = line.trim_start_matches(' ');
        if !body.is_empty() {
            let column = line.len() - body.len();
            let want = *indent.get_or_insert(column);
            if column < want {
                break;
            }
            to = at + line.len();
        }
        at = line_end + 1;
    }
    from..to.max(from + 1)
}
