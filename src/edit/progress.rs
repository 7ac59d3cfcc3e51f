//! Ticking and unticking checklist items in a pair's `progress`, with the placeholders that
//! `mentorbook new pair` writes (`    # self-reflection: YYYY-MM-DD   # mentee: Reflect ...`).

use super::EditError;
use super::text::{self, Doc};
use super::value;
use crate::yaml_edit::path_name;
use crate::yaml_edit::{Edit, Entries, Node, NodeKind, Step, Value, word};

/// The indentation a long entry's keys get below the item.
const STEP: usize = 2;

/// What a tick asks for.
pub(super) struct Tick<'c> {
    pub(super) phase: &'c str,
    pub(super) item: &'c str,
    pub(super) done: &'c str,
    pub(super) by: Option<&'c str>,
    pub(super) comment: Option<&'c str>,
}

/// The edits that mark `t.item` done.
pub(super) fn tick(doc: &Doc<'_>, t: &Tick<'_>) -> Result<Vec<Edit>, EditError> {
    if t.done.trim().is_empty() {
        return Err(EditError::Required("the date it was done"));
    }
    let phase = [Step::from("progress"), Step::from(t.phase)];
    let done = value::word(t.done);
    let by = t.by.map(value::word);
    let comment = t.comment.map(value::text);
    let wanted = |v: &Option<Value>| v.as_ref().is_some_and(|v| !is_blank(v));
    if let Some((key, value)) = doc.entry(&phase, t.item) {
        let mut entry = phase.to_vec();
        entry.push(Step::from(t.item));
        return match &value.kind {
            NodeKind::Scalar(_)
                if !text::is_null(doc.text(), value) && !wanted(&by) && !wanted(&comment) =>
            {
                doc.put(&phase, t.item, &done)
            }
            NodeKind::Scalar(_) if !text::is_null(doc.text(), value) => {
                // `item: date` becomes a map; a comment on its line stays after the key.
                let eol = doc.doc.line_end(value.span.end);
                let tail = &doc.text()[value.span.end..eol];
                let body = long(&done, &by, &comment).block(key.column + STEP, STEP, None);
                let colon = key.span.end + doc.text()[key.span.end..].find(':').unwrap_or(0);
                Ok(vec![Edit {
                    range: colon..eol,
                    text: doc
                        .doc
                        .line_ends(format!(":{tail}\n{}", body.trim_end_matches('\n'))),
                }])
            }
            NodeKind::Map {
                flow: false,
                entries,
            } => {
                let has = |k: &str| entries.iter().any(|(e, _)| e.as_str() == Some(k));
                let keeps = |v: &Option<Value>, k: &str| match v {
                    None => has(k),
                    Some(v) => !is_blank(v),
                };
                let inside = &doc.text()[doc.doc.after_line_of(key.span.end)..value.span.end];
                let comments_inside = inside.lines().any(|l| l.trim_start().starts_with('#'));
                if !keeps(&by, "by") && !keeps(&comment, "comment") && !comments_inside {
                    // Back to the short form: `item: date`.
                    let colon = key.span.end + doc.text()[key.span.end..].find(':').unwrap_or(0);
                    let tail = &doc.text()[colon + 1..doc.doc.line_end(colon)];
                    return Ok(vec![Edit {
                        range: colon..doc.doc.line_end(value.span.end),
                        text: doc.doc.line_ends(format!(": {}{tail}", done.inline())),
                    }]);
                }
                long_fields(doc, &entry, &done, by, comment)
            }
            _ => long_fields(doc, &entry, &done, by, comment),
        };
    }
    let value = if wanted(&by) || wanted(&comment) {
        Entry::Long(long(&done, &by, &comment))
    } else {
        Entry::Short(done)
    };
    if let Some(edit) = placeholder_tick(doc, &phase, t.item, &value) {
        return Ok(vec![edit]);
    }
    match value {
        Entry::Short(v) => doc.put(&phase, t.item, &v),
        Entry::Long(e) => {
            let mut nested = Entries::default();
            for (k, v) in e.0 {
                if let crate::yaml_edit::Entry::Value(v) = v {
                    nested.set(&[t.item, &k], v);
                }
            }
            doc.add_key(&phase, t.item, &|indent| nested.block(indent, STEP, None))
        }
    }
}

/// A tick's value: a date, or a map.
enum Entry {
    Short(Value),
    Long(Entries),
}

fn is_blank(v: &Value) -> bool {
    matches!(v, Value::Text(s) | Value::Word(s) if s.is_empty())
}

/// `done`, `by` and `comment` as entries, leaving out the empty ones.
fn long(done: &Value, by: &Option<Value>, comment: &Option<Value>) -> Entries {
    let mut e = Entries::default();
    e.set(&["done"], done.clone());
    for (k, v) in [("by", by), ("comment", comment)] {
        if let Some(v) = v.as_ref().filter(|v| !is_blank(v)) {
            e.set(&[k], v.clone());
        }
    }
    e
}

/// The edits that set `done`, `by` and `comment` of an item written as a map.
fn long_fields(
    doc: &Doc<'_>,
    entry: &[Step],
    done: &Value,
    by: Option<Value>,
    comment: Option<Value>,
) -> Result<Vec<Edit>, EditError> {
    let mut edits = doc.put(entry, "done", done)?;
    edits.extend(doc.field(entry, "by", by)?);
    edits.extend(doc.field(entry, "comment", comment)?);
    Ok(edits)
}

/// A placeholder line of the phase at `phase` for `item`: `# item: YYYY-MM-DD`, then perhaps a
/// comment.
struct Placeholder<'t> {
    /// The line, without its line break.
    line: std::ops::Range<usize>,
    /// The column of its `#`.
    column: usize,
    /// The spaces and the comment after `YYYY-MM-DD`.
    tail: &'t str,
}

/// The edit that writes the tick over the phase's placeholder line for `item`, if it has one.
fn placeholder_tick(doc: &Doc<'_>, phase: &[Step], item: &str, value: &Entry) -> Option<Edit> {
    let (phase_key, phase_value) = doc.entry(&phase[..1], step_key(&phase[1]))?;
    let p = find_placeholder(doc, phase_key, item)?;
    let indent = match &phase_value.kind {
        NodeKind::Map {
            flow: false,
            entries,
        } if !entries.is_empty() => entries[0].0.column,
        NodeKind::Map { .. } => return None,
        _ if p.column > phase_key.column => p.column,
        _ => phase_key.column + STEP,
    };
    let pad = " ".repeat(indent);
    let text = match value {
        Entry::Short(v) => format!("{pad}{}: {}{}", word(item), v.inline(), p.tail),
        Entry::Long(e) => {
            let body = e.block(indent + STEP, STEP, None);
            format!(
                "{pad}{}:{}\n{}",
                word(item),
                p.tail,
                body.trim_end_matches('\n')
            )
        }
    };
    Some(Edit {
        range: p.line,
        text: doc.doc.line_ends(text),
    })
}

fn step_key(s: &Step) -> &str {
    match s {
        Step::Key(k) => k,
        Step::Index(_) => "",
    }
}

/// The placeholder for `item` among the lines under the phase key `phase_key` (those indented
/// further, and blank ones).
fn find_placeholder<'t>(doc: &Doc<'t>, phase_key: &Node, item: &str) -> Option<Placeholder<'t>> {
    let text = doc.text();
    let mut at = doc.doc.after_line_of(phase_key.span.end);
    while at < text.len() {
        let end = doc.doc.line_end(at);
        let line = &text[at..end];
        let next = doc.doc.after_line_of(end.max(at + 1));
        let body = line.trim_start_matches(' ');
        let column = line.len() - body.len();
        if !body.trim().is_empty() {
            if column <= phase_key.column {
                return None;
            }
            if let Some(tail) = placeholder_tail(body, item) {
                return Some(Placeholder {
                    line: at..end,
                    column,
                    tail,
                });
            }
        }
        at = next;
    }
    None
}

/// For `# item: YYYY-MM-DD   # comment`, the spaces and comment after the date.
fn placeholder_tail<'l>(body: &'l str, item: &str) -> Option<&'l str> {
    let rest = body.strip_prefix('#')?.trim_start();
    let rest = rest.strip_prefix(item)?.strip_prefix(':')?.trim_start();
    let tail = rest.strip_prefix("YYYY-MM-DD")?;
    let t = tail.trim();
    (t.is_empty() || t.starts_with('#')).then_some(tail.trim_end())
}

/// The edits that take `item` off the phase: its lines go; when the entry's first line had a
/// comment (a tick written over a placeholder keeps the placeholder's comment), the placeholder
/// comes back with that comment.
pub(super) fn untick(doc: &Doc<'_>, phase: &str, item: &str) -> Result<Vec<Edit>, EditError> {
    let path = [Step::from("progress"), Step::from(phase)];
    let Some((key, value)) = doc.entry(&path, item) else {
        return Ok(Vec::new());
    };
    if matches!(
        doc.get(&path).map(|n| &n.kind),
        Some(NodeKind::Map { flow: true, .. })
    ) {
        return Err(EditError::Flow(path_name(&path)));
    }
    let text = doc.text();
    let start = doc.doc.line_start(key.span.start);
    let end = doc.doc.after_line_of(doc.entry_end(key, value));
    let key_eol = doc.doc.line_end(key.span.end);
    let tail = match &value.kind {
        NodeKind::Scalar(_) if value.span.end <= key_eol && !value.span.is_empty() => {
            &text[value.span.end..key_eol]
        }
        NodeKind::Map { flow: true, .. } | NodeKind::Seq { flow: true, .. }
            if value.span.end <= key_eol =>
        {
            &text[value.span.end..key_eol]
        }
        _ => {
            let colon = key.span.end + text[key.span.end..].find(':').unwrap_or(0);
            &text[(colon + 1).min(key_eol)..key_eol]
        }
    };
    let placeholder = if tail.trim_start().starts_with('#') {
        let newline = if end == text.len() && !text.ends_with('\n') {
            ""
        } else {
            "\n"
        };
        format!(
            "{}# {item}: YYYY-MM-DD{}{newline}",
            " ".repeat(key.column),
            tail.trim_end()
        )
    } else {
        String::new()
    };
    let kept = doc.doc.comments_within(
        std::slice::from_ref(value),
        doc.doc.after_line_of(key.span.end)..end,
        key.column,
    );
    Ok(vec![Edit {
        range: start..end,
        text: doc.doc.line_ends(placeholder) + &kept,
    }])
}
