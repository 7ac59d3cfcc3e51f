//! Each common slip: how it is recognised on a line, read with the lines around it, and what
//! mentorbook says of it.

use super::lines::{Line, chars, col, keys_at, previous, spaces};
use super::path::{index_of_item, item_path_parts, path_at, seq_path_for_key};

/// A slip found in the lines of a file: where, what and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Slip {
    /// 1-based line, counted in the text given.
    pub line: u32,
    /// 1-based column, in characters.
    pub column: u32,
    /// What is wrong, in plain words.
    pub message: String,
    /// How to fix it.
    pub hint: String,
    /// The key path of the entry the line was meant to be, when the indentation tells it.
    pub path: Option<String>,
}

/// The first common slip on `lines[i]`, read with the lines around it.
pub(super) fn classify(lines: &[Line<'_>], i: usize) -> Option<Slip> {
    let line = &lines[i];
    if line.text {
        return None;
    }
    no_space_after_colon(lines, i)
        .or_else(|| colon_in_value(lines, i))
        .or_else(|| indented_too_far(lines, i))
        .or_else(|| list_item_without_dash(lines, i))
        .or_else(|| missing_colon(lines, i))
        .or_else(|| indented_out_of_step(lines, i))
}

/// `start:2026-09-01`: a key whose `:` has no space after it, so the line reads as one piece of
/// text, where keys are written.
pub(super) fn no_space_after_colon(lines: &[Line<'_>], i: usize) -> Option<Slip> {
    let line = &lines[i];
    if line.key.is_some() || line.text {
        return None;
    }
    let colon = line.body.find(':')?;
    let (key, value) = (&line.body[..colon], &line.body[colon + 1..]);
    let plain_key = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if !plain_key || value.is_empty() || value.starts_with("//") || value.starts_with(':') {
        return None;
    }
    // A list item `- a:b` may be text; it is a slip only where the neighbours are keys.
    if line.dash && keys_at(lines, i, line.body_col).is_none() {
        return None;
    }
    if !line.dash && keys_at(lines, i, line.indent).is_none() && !is_only_line(lines, i) {
        return None;
    }
    Some(Slip {
        line: line.no,
        column: col(line.body_col + chars(&line.body[..colon])),
        message: format!("there is no space after the `:` of `{key}`"),
        hint: format!("write a space after the colon: `{key}: {value}`"),
        path: path_at(lines, i, key),
    })
}

/// `place: Riverbank Coffee: by the river`: a value with `: ` in it, which YAML reads as a second
/// key on the line, unless the value is in quotes.
pub(super) fn colon_in_value(lines: &[Line<'_>], i: usize) -> Option<Slip> {
    let line = &lines[i];
    let (key, value) = line.key?;
    if value.starts_with(['"', '\'', '[', '{', '|', '>', '&', '*', '!']) {
        return None;
    }
    let at = value
        .find(": ")
        .or_else(|| value.strip_suffix(':').map(str::len))?;
    let value_col = line.body_col + chars(line.body) - chars(value);
    let quoted = value.replace('"', "\\\"");
    Some(Slip {
        line: line.no,
        column: col(value_col + chars(&value[..at])),
        message: format!(
            "the value of `{key}` holds a colon followed by a space, which YAML reads as the start of another key"
        ),
        hint: format!("put the value in quotes: `{key}: \"{quoted}\"`"),
        path: path_at(lines, i, key),
    })
}

/// Whether `lines[i]` is the only line of its block (so no neighbour tells whether keys belong).
pub(super) fn is_only_line(lines: &[Line<'_>], i: usize) -> bool {
    let at = lines[i].indent;
    let before = previous(lines, i).is_none_or(|p| p.indent < at && p.opens_block());
    let after = lines[i + 1..].iter().all(|l| l.indent < at);
    before && after
}

/// `start 2026-09-01` or `meetings` alone on a line, where keys are written: a key without `:`.
pub(super) fn missing_colon(lines: &[Line<'_>], i: usize) -> Option<Slip> {
    let line = &lines[i];
    if line.key.is_some() || line.body.is_empty() {
        return None;
    }
    // `- date 2025-01-20`: the first key of a list item, when its other keys follow below it.
    if line.dash {
        let next = lines[i + 1..].iter().find(|l| !l.text)?;
        if next.dash || next.indent != line.body_col || next.key.is_none() {
            return None;
        }
    } else {
        keys_at(lines, i, line.indent)?;
    }
    let word_end = line
        .body
        .find(|c: char| c.is_whitespace())
        .unwrap_or(line.body.len());
    let (key, value) = (&line.body[..word_end], line.body[word_end..].trim());
    if key.contains([':', '"', '\'', '[', '{']) {
        return None;
    }
    let path = path_at(lines, i, key);
    let column = col(line.body_col + chars(&line.body[..word_end]));
    Some(if value.is_empty() {
        let below = lines[i + 1..]
            .iter()
            .find(|l| !l.text)
            .is_some_and(|l| l.indent > line.indent || (l.dash && l.indent == line.indent));
        Slip {
            line: line.no,
            column,
            message: format!("the key `{key}` has no `:` after it"),
            hint: if below {
                format!("write `{key}:`, with a colon: the lines indented below it are its value")
            } else {
                format!("write `{key}: ` and its value, or delete the line")
            },
            path,
        }
    } else {
        Slip {
            line: line.no,
            column,
            message: format!("the key `{key}` has no `:` after it"),
            hint: format!(
                "write a colon and a space between the key and its value: `{key}: {value}`"
            ),
            path,
        }
    })
}

/// A line at the level of the `- ` items just above it that does not start with `- `.
pub(super) fn list_item_without_dash(lines: &[Line<'_>], i: usize) -> Option<Slip> {
    let line = &lines[i];
    if line.dash {
        return None;
    }
    let prev = previous(lines, i)?;
    // The item just above, at this indentation, with only its own lines in between.
    let item = lines[..i]
        .iter()
        .rev()
        .filter(|l| !l.text)
        .take_while(|l| l.indent >= line.indent)
        .find(|l| l.indent == line.indent)?;
    if !item.dash {
        return None;
    }
    // A compact list (`goals:` then `- ...` at the same indentation) sits among keys: a word
    // there is a key of that block, not an item.
    if keys_at_same_level(lines, i) {
        return None;
    }
    let item_index = index_of_item(lines, lines.iter().position(|l| std::ptr::eq(l, item))?);
    let seq_path = item_path_parts(lines, lines.iter().position(|l| std::ptr::eq(l, item))?)
        .map(|(owner, _)| owner);
    let path = seq_path.map(|p| format!("{p}[{}]", item_index + 1));
    match (line.key, item.key) {
        // `date: ...` below `- date: ...`: a new item without its dash.
        (Some((k, _)), Some((first, _))) if k == first => Some(Slip {
            line: line.no,
            column: col(line.indent),
            message: format!(
                "this line starts a new item of the list above (`{k}:` is the first key of each item) but has no `- `"
            ),
            hint: format!(
                "start the item with a dash and a space: `- {k}: ...`, and indent the item's other keys by {} more spaces",
                item.body_col - item.indent
            ),
            path,
        }),
        // Another key of the item above, indented as if it were a new item.
        (Some((k, _)), Some(_)) => Some(Slip {
            line: line.no,
            column: col(line.indent),
            message: format!("`{k}:` is indented less than the keys of the list item above it"),
            hint: format!(
                "indent it to column {} to line it up with `{}:` above, or start a new item with `- `",
                item.body_col + 1,
                item.key.map_or("", |(k, _)| k)
            ),
            path: seq_path_for_key(lines, item, item_index, k),
        }),
        (None, _) if prev.dash || prev.indent > line.indent => Some(Slip {
            line: line.no,
            column: col(line.indent),
            message: "this line is at the level of the list's items but does not start with `- `"
                .to_owned(),
            hint: format!("start it with a dash and a space: `- {}`", line.body),
            path,
        }),
        _ => None,
    }
}

/// Whether a key (not a list item) sits at the indentation of `lines[i]` in its block, as in a
/// compact list `goals:` / `- ...` / `meetings:`.
pub(super) fn keys_at_same_level(lines: &[Line<'_>], i: usize) -> bool {
    let at = lines[i].indent;
    lines[..i]
        .iter()
        .rev()
        .filter(|l| !l.text)
        .take_while(|l| l.indent >= at)
        .any(|l| l.indent == at && !l.dash && l.key.is_some())
}

/// A key indented further than the line above, when that line has its value on it (so nothing
/// can be nested under it).
pub(super) fn indented_too_far(lines: &[Line<'_>], i: usize) -> Option<Slip> {
    let line = &lines[i];
    let (key, _) = line.key?;
    let prev = previous(lines, i)?;
    let prev_col = if prev.dash {
        prev.body_col
    } else {
        prev.indent
    };
    let own_col = if line.dash {
        line.indent
    } else {
        line.body_col
    };
    if own_col <= prev_col || prev.opens_block() || (prev.dash && prev.body.is_empty()) {
        return None;
    }
    let prev_key = prev.key.map(|(k, _)| k)?;
    let at = lines.iter().position(|l| std::ptr::eq(l, prev))?;
    // `date: ...` then its item's other keys two spaces further: an item that lost its `- `.
    if !prev.dash
        && !line.dash
        && line.indent == prev.indent + 2
        && let Some(slip) = item_without_dash_above(lines, at, prev_key)
    {
        return Some(slip);
    }
    let path = if line.dash {
        None
    } else {
        path_at(lines, at, key)
    };
    Some(Slip {
        line: line.no,
        column: col(line.indent),
        message: format!(
            "this line is indented further than the line above ({} spaces, not {prev_col}), but `{prev_key}:` above already has its value",
            line.indent
        ),
        hint: format!(
            "line `{key}:` up with `{prev_key}:` above it (column {}), or, if it belongs inside `{prev_key}`, move the value of `{prev_key}` onto lines below it",
            prev_col + 1
        ),
        path,
    })
}

/// `lines[at]`, a key whose item's other keys follow it two spaces further in, when the list it
/// belongs to has items with a `- ` at its indentation: the item's `- ` is missing.
pub(super) fn item_without_dash_above(lines: &[Line<'_>], at: usize, key: &str) -> Option<Slip> {
    let line = &lines[at];
    let c = line.indent;
    let in_block = |l: &&Line<'_>| l.text || l.indent >= c;
    let before = lines[..at].iter().rev().take_while(in_block);
    let after = lines[at + 1..].iter().take_while(in_block);
    let siblings: Vec<&Line<'_>> = before
        .chain(after)
        .filter(|l| !l.text && l.indent == c)
        .collect();
    if siblings.is_empty() || siblings.iter().any(|l| !l.dash) {
        return None;
    }
    let index = lines[..at]
        .iter()
        .rev()
        .take_while(in_block)
        .filter(|l| !l.text && l.indent == c && l.dash)
        .count();
    // The key that owns the list: the first line above that is less indented.
    let owner = lines[..at].iter().rposition(|l| !l.text && l.indent < c);
    let path = owner
        .filter(|&k| lines[k].opens_block() && !lines[k].dash)
        .and_then(|k| path_at(lines, k, lines[k].key?.0))
        .map(|owner| format!("{owner}[{index}]"));
    Some(Slip {
        line: line.no,
        column: col(c),
        message: "this item of the list has no `- `: the list's other items start with one"
            .to_owned(),
        hint: format!("start it with a dash and a space: `- {key}: ...`"),
        path,
    })
}

/// The first key of a block indented further than the keys after it (`readiness:`, then
/// `   mentee_reflection:` at 3 spaces and `  relationship_type:` at 2): YAML takes the block's
/// indentation from its first line, so the line at fault is that first one.
pub(super) fn first_of_block_too_far(lines: &[Line<'_>], i: usize) -> Option<Slip> {
    let line = &lines[i];
    let own = line.indent;
    let opener = lines[..i]
        .iter()
        .rposition(|l| !l.text && l.indent < own && !(l.dash && l.body_col <= own))?;
    if !lines[opener].opens_block() || lines[opener].dash {
        return None;
    }
    let first_at = (opener + 1..i).find(|&j| !lines[j].text)?;
    let first = &lines[first_at];
    let (key, _) = first.key?;
    let (next_key, _) = line.key?;
    // The first line alone at its indentation (with its own lines below it), and a key after this
    // one at this one's: the block's other keys agree, and the first one is the odd one out.
    let own_lines_only = lines[first_at + 1..i]
        .iter()
        .all(|l| l.text || l.indent > first.indent);
    let more_at_own = lines[i + 1..]
        .iter()
        .find(|l| !l.text && l.indent <= own)
        .is_some_and(|l| l.indent == own && !l.dash && l.key.is_some());
    if first.dash || first.indent <= own || !own_lines_only || !more_at_own {
        return None;
    }
    Some(Slip {
        line: first.no,
        column: col(first.indent),
        message: format!(
            "this line is indented by {}, further than the keys after it in its block ({})",
            spaces(first.indent),
            spaces(own)
        ),
        hint: format!(
            "line `{key}:` up with `{next_key}:` below it, at {}",
            spaces(own)
        ),
        path: path_at(lines, i, key),
    })
}

/// A line indented less than the one above but not as far back as any block it could belong to.
pub(super) fn indented_out_of_step(lines: &[Line<'_>], i: usize) -> Option<Slip> {
    let line = &lines[i];
    let prev = previous(lines, i)?;
    let own = line.indent;
    if own >= prev.indent {
        return None;
    }
    // The columns of the blocks open at the line above: its own, and each enclosing one.
    let mut open = vec![prev.body_col];
    let mut want = prev.indent;
    for l in lines[..i].iter().rev().filter(|l| !l.text) {
        if l.indent < want {
            open.push(l.body_col);
            open.push(l.indent);
            want = l.indent;
        }
    }
    open.push(0);
    if open.contains(&own) {
        return None;
    }
    if let Some(slip) = first_of_block_too_far(lines, i) {
        return Some(slip);
    }
    let (inner, outer) = (
        open.iter().copied().filter(|c| *c > own).min()?,
        open.iter().copied().filter(|c| *c < own).max().unwrap_or(0),
    );
    Some(Slip {
        line: line.no,
        column: col(own),
        message: format!(
            "this line is indented by {}, which lines it up with nothing above it (the lines above are indented by {} or {})",
            spaces(own),
            spaces(inner),
            spaces(outer)
        ),
        hint: format!(
            "indent it by {} to keep it with the line above, or by {} if it does not belong with that line",
            spaces(inner),
            spaces(outer)
        ),
        path: None,
    })
}
