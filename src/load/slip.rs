//! The slips people make when they write YAML by hand: a key with no `:` (`start 2026-09-01`,
//! `meetings` alone on a line), no space after the `:` (`start:2026-09-01`), a list item without
//! its `- `, a line indented out of step with its neighbours, a tab for indentation.
//!
//! The YAML parser reports these in its own words (`simple key expected ':'`), often a line late
//! and at a place its half-read structure names wrongly. When a file does not parse, this module
//! looks at the lines themselves, near where the parser stopped, says in plain words what is
//! wrong on which line, and names the key from the indentation (or names none, when the lines
//! around do not tell it for sure).

use serde_saphyr::granit_parser::Parser;

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

/// The place (1-based line and column) of the first syntax error of `text`, or `None` when its
/// YAML parses (whatever the values in it).
pub(crate) fn syntax_error(text: &str) -> Option<(u32, u32)> {
    for item in Parser::new_from_str(text) {
        if let Err(e) = item {
            let m = e.marker();
            return Some((
                u32::try_from(m.line()).unwrap_or(u32::MAX),
                u32::try_from(m.col() + 1).unwrap_or(u32::MAX),
            ));
        }
    }
    None
}

/// How many lines with content, before the one where the parser stopped, may hold the slip: the
/// parser notices a key without `:` on the next line with content, or a few lines on.
const LOOK_BACK: usize = 3;

/// The slip behind a syntax error that the parser reported on line `at` (1-based), if it is one
/// of the common ones.
pub(crate) fn find(text: &str, at: u32) -> Option<Slip> {
    let lines = read_lines(text);
    let stop = lines.iter().position(|l| l.no > at).unwrap_or(lines.len());
    let from = stop.saturating_sub(LOOK_BACK + 1);
    // The parser reports a tab at the end of the value before it, on the line above.
    let tab = lines[from..]
        .iter()
        .take(stop - from + 1)
        .find_map(|l| l.tab.map(|t| (l.no, t)));
    if let Some((line, tab)) = tab {
        return Some(Slip {
            line,
            column: col(tab),
            message: "a tab is used for indentation here".to_owned(),
            hint: "indent with spaces only: YAML does not allow tabs for indentation (most editors can turn tabs into spaces)".to_owned(),
            path: None,
        });
    }
    (from..stop).find_map(|i| classify(&lines, i))
}

/// A `key:value` slip on line `at` (1-based) of a file whose YAML parses but whose values do not
/// fit: `frequency:monthly` reads as the text `frequency:monthly`, not as a key and its value.
pub(crate) fn find_on_line(text: &str, at: u32) -> Option<Slip> {
    let lines = read_lines(text);
    let i = lines.iter().position(|l| l.no == at)?;
    no_space_after_colon(&lines, i)
}

/// The key path of the entry on line `at` (1-based), from the indentation alone; `None` when the
/// line holds no key or its place cannot be told for sure.
pub(crate) fn path_of_line(text: &str, at: u32) -> Option<String> {
    let lines = read_lines(text);
    let i = lines.iter().position(|l| l.no == at)?;
    let key = lines[i].key.map(|(k, _)| k)?;
    path_at(&lines, i, key)
}

/// One line with content (not blank, not only a comment, not inside a block of text).
#[derive(Debug)]
struct Line<'a> {
    /// 1-based line number.
    no: u32,
    /// Spaces before the content (or before the `- `).
    indent: usize,
    /// The 0-based column of a tab among the leading blanks.
    tab: Option<usize>,
    /// Whether the line starts a list item, `- `.
    dash: bool,
    /// The content after the indentation and the `- `, without a trailing comment.
    body: &'a str,
    /// The 0-based column where `body` starts.
    body_col: usize,
    /// `body` as `key: value` (value trimmed, empty for `key:`), when it is one.
    key: Option<(&'a str, &'a str)>,
    /// Whether the line is text that continues the value of a line above it.
    text: bool,
}

impl Line<'_> {
    /// Whether the line is a key that opens a block below it (`key:` with nothing after it).
    fn opens_block(&self) -> bool {
        self.key.is_some_and(|(_, v)| v.is_empty())
    }
}

/// The lines of `text` that hold content, with what each looks like.
fn read_lines(text: &str) -> Vec<Line<'_>> {
    let mut out: Vec<Line<'_>> = Vec::new();
    // The column above which lines are the text of the line before: of a `|` or `>` block (any
    // line), or of a plain value that goes on over several lines (a line that is not a key).
    let mut text_above: Option<(usize, bool)> = None;
    // A block's text is indented as its first line is: a line indented less ends the block.
    let mut block_indent: Option<usize> = None;
    // A quoted value or a list in brackets left open at the end of a line goes on below.
    let mut open = Open::default();
    for (i, raw) in text.lines().enumerate() {
        let no = u32::try_from(i + 1).unwrap_or(u32::MAX);
        if !open.is_closed() {
            open.read(raw);
            out.push(Line {
                no,
                indent: 0,
                tab: None,
                dash: false,
                body: raw,
                body_col: 0,
                key: None,
                text: true,
            });
            continue;
        }
        let lead = raw.len() - raw.trim_start_matches([' ', '\t']).len();
        let rest = &raw[lead..];
        let tab = raw[..lead].find('\t');
        let indent = tab.unwrap_or(lead);
        if rest.is_empty() || rest.starts_with('#') || (lead == 0 && is_marker(rest)) {
            continue;
        }
        if let Some((above, block)) = text_above {
            let continues = indent > above
                && tab.is_none()
                && (!block || block_indent.is_none_or(|b| indent >= b));
            if continues && (block || split_key(strip_comment(rest)).is_none()) {
                if block {
                    block_indent.get_or_insert(indent);
                }
                out.push(Line {
                    no,
                    indent,
                    tab,
                    dash: false,
                    body: rest,
                    body_col: lead,
                    key: None,
                    text: true,
                });
                continue;
            }
        }
        let (dash, body, body_col) = match rest.strip_prefix("- ").or(rest.strip_prefix("-\t")) {
            Some(after) => {
                let skip = after.len() - after.trim_start().len();
                (true, &after[skip..], lead + 2 + skip)
            }
            None if rest.trim_end() == "-" => (true, "", lead + 1),
            None => (false, rest, lead),
        };
        let body = strip_comment(body);
        let key = split_key(body);
        let value = key.map_or(if dash { body } else { "" }, |(_, v)| v);
        // The column of the node that owns the value: the key, or the item of a list of text.
        let owner = if key.is_some() { body_col } else { indent };
        block_indent = None;
        if value.starts_with(['"', '\'', '[', '{']) {
            open.read(value);
        }
        text_above = if value.starts_with(['|', '>']) {
            Some((owner, true))
        } else if !value.is_empty() && !value.starts_with(['[', '{', '"', '\'']) {
            Some((owner, false))
        } else {
            None
        };
        out.push(Line {
            no,
            indent,
            tab,
            dash,
            body,
            body_col,
            key,
            text: false,
        });
    }
    out
}

/// What is left open at the end of a line: a quoted text, or brackets of a list or a map written
/// on one line (which may go on over several).
#[derive(Debug, Default)]
struct Open {
    /// The quote of a text not closed yet.
    quote: Option<char>,
    /// How many `[` and `{` are not closed yet.
    depth: usize,
}

impl Open {
    fn is_closed(&self) -> bool {
        self.quote.is_none() && self.depth == 0
    }

    /// Reads `s`, a value or the line after an open one.
    fn read(&mut self, s: &str) {
        let mut chars = s.chars().peekable();
        // A quote opens a text only where a value starts (`Ben's` is plain text).
        let mut at_start = true;
        while let Some(c) = chars.next() {
            let starts = at_start;
            if self.quote.is_none() && !c.is_whitespace() {
                at_start = matches!(c, '[' | '{' | ',' | ':');
            }
            match self.quote {
                Some('"') if c == '\\' => {
                    chars.next();
                }
                Some('\'') if c == '\'' && chars.peek() == Some(&'\'') => {
                    chars.next();
                }
                Some(q) if c == q => self.quote = None,
                Some(_) => {}
                None => match c {
                    '"' | '\'' if starts => self.quote = Some(c),
                    '[' | '{' => self.depth += 1,
                    ']' | '}' => self.depth = self.depth.saturating_sub(1),
                    '#' if self.depth == 0 => break,
                    _ => {}
                },
            }
        }
    }
}

/// `---` or `...`, which start and end a YAML document.
fn is_marker(rest: &str) -> bool {
    let t = rest.trim_end();
    t == "---" || t == "..." || t.starts_with("--- ")
}

/// `body` without a `# comment` after it.
fn strip_comment(body: &str) -> &str {
    let mut quote: Option<char> = None;
    let mut prev = ' ';
    for (i, c) in body.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if (c == '"' || c == '\'') && (i == 0 || prev == ' ') => quote = Some(c),
            None if c == '#' && (prev == ' ' || prev == '\t') => return body[..i].trim_end(),
            None => {}
        }
        prev = c;
    }
    body.trim_end()
}

/// `key: value` or `key:` split into the key and the trimmed value.
fn split_key(body: &str) -> Option<(&str, &str)> {
    if body.starts_with(['[', '{', '&', '*', '!', '|', '>', '%', '@', '`', '?']) {
        return None;
    }
    if let Some(q) = body.chars().next().filter(|c| *c == '"' || *c == '\'') {
        let close = body[1..].find(q)? + 1;
        let after = &body[close + 1..];
        let value = after.strip_prefix(':')?;
        return (value.is_empty() || value.starts_with([' ', '\t']))
            .then(|| (&body[1..close], value.trim()));
    }
    let bytes = body.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if b == b':' && bytes.get(i + 1).is_none_or(|n| *n == b' ' || *n == b'\t') {
            let key = body[..i].trim_end();
            return (!key.is_empty()).then(|| (key, body[i + 1..].trim()));
        }
    }
    None
}

/// The first common slip on `lines[i]`, read with the lines around it.
fn classify(lines: &[Line<'_>], i: usize) -> Option<Slip> {
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

/// The number of characters in `s` (columns count characters, not bytes).
fn chars(s: &str) -> usize {
    s.chars().count()
}

/// A 0-based column as a 1-based one.
fn col(c: usize) -> u32 {
    u32::try_from(c + 1).unwrap_or(u32::MAX)
}

/// The previous line that is not text continuing a value.
fn previous<'a, 'b>(lines: &'b [Line<'a>], i: usize) -> Option<&'b Line<'a>> {
    lines[..i].iter().rev().find(|l| !l.text)
}

/// Whether keys are written at column `at` in the block that holds `lines[i]`: a `key:` line
/// there above or below it (or the first key of a list item, `- key:`), with nothing less
/// indented in between.
fn keys_at(lines: &[Line<'_>], i: usize, at: usize) -> Option<usize> {
    let is_key_here = |l: &Line<'_>| l.key.is_some() && l.body_col == at;
    let up = lines[..i]
        .iter()
        .rev()
        .filter(|l| !l.text)
        .take_while(|l| l.body_col >= at && (l.indent >= at || (l.dash && l.body_col == at)))
        .find(|l| is_key_here(l));
    let down = lines[i + 1..]
        .iter()
        .filter(|l| !l.text)
        .take_while(|l| l.indent >= at)
        .find(|l| is_key_here(l));
    up.or(down).map(|l| l.body_col)
}

/// `start:2026-09-01`: a key whose `:` has no space after it, so the line reads as one piece of
/// text, where keys are written.
fn no_space_after_colon(lines: &[Line<'_>], i: usize) -> Option<Slip> {
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
fn colon_in_value(lines: &[Line<'_>], i: usize) -> Option<Slip> {
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
fn is_only_line(lines: &[Line<'_>], i: usize) -> bool {
    let at = lines[i].indent;
    let before = previous(lines, i).is_none_or(|p| p.indent < at && p.opens_block());
    let after = lines[i + 1..].iter().all(|l| l.indent < at);
    before && after
}

/// `start 2026-09-01` or `meetings` alone on a line, where keys are written: a key without `:`.
fn missing_colon(lines: &[Line<'_>], i: usize) -> Option<Slip> {
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
fn list_item_without_dash(lines: &[Line<'_>], i: usize) -> Option<Slip> {
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

/// The path of the key `k` of the list item `item` (the `index`th of its list), when `k` is put in
/// that item.
fn seq_path_for_key(lines: &[Line<'_>], item: &Line<'_>, index: usize, k: &str) -> Option<String> {
    let at = lines.iter().position(|l| std::ptr::eq(l, item))?;
    let (owner, _) = item_path_parts(lines, at)?;
    Some(format!("{owner}[{index}].{k}"))
}

/// Whether a key (not a list item) sits at the indentation of `lines[i]` in its block, as in a
/// compact list `goals:` / `- ...` / `meetings:`.
fn keys_at_same_level(lines: &[Line<'_>], i: usize) -> bool {
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
fn indented_too_far(lines: &[Line<'_>], i: usize) -> Option<Slip> {
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
fn item_without_dash_above(lines: &[Line<'_>], at: usize, key: &str) -> Option<Slip> {
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
fn first_of_block_too_far(lines: &[Line<'_>], i: usize) -> Option<Slip> {
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
    let spaces = |n: usize| {
        if n == 1 {
            "1 space".to_owned()
        } else {
            format!("{n} spaces")
        }
    };
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
fn indented_out_of_step(lines: &[Line<'_>], i: usize) -> Option<Slip> {
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
    let spaces = |n: usize| {
        if n == 1 {
            "1 space".to_owned()
        } else {
            format!("{n} spaces")
        }
    };
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

/// The index of the list item `lines[at]` (a `- ` line) among the items of its list.
fn index_of_item(lines: &[Line<'_>], at: usize) -> usize {
    let c = lines[at].indent;
    lines[..at]
        .iter()
        .rev()
        .filter(|l| !l.text)
        .take_while(|l| l.indent > c || (l.indent == c && l.dash))
        .filter(|l| l.indent == c && l.dash)
        .count()
}

/// For the list item `lines[at]`: the path of the list it is in, and the index of the line where
/// the search for the list's own key stopped.
fn item_path_parts(lines: &[Line<'_>], at: usize) -> Option<(String, usize)> {
    let c = lines[at].indent;
    let mut j = at;
    while j > 0 {
        j -= 1;
        let l = &lines[j];
        if l.text || l.indent > c || (l.indent == c && l.dash) {
            continue;
        }
        // The key that owns the list: less indented, or at the same column (a compact list).
        if l.opens_block() && l.body_col <= c {
            let (key, _) = l.key?;
            let owner = path_at(lines, j, key)?;
            return Some((owner, j));
        }
        return None;
    }
    None
}

/// The key path of the key `key` written (or meant to be written) at `lines[i]`'s column, from
/// the indentation of the lines above; `None` when they do not say it for sure.
fn path_at(lines: &[Line<'_>], i: usize, key: &str) -> Option<String> {
    if key.is_empty() || key.contains(['.', '[', ']']) {
        return None;
    }
    let line = &lines[i];
    let mut want = line.body_col;
    let mut parts: Vec<String> = vec![key.to_owned()];
    if line.dash {
        parts.push(format!("[{}]", index_of_item(lines, i)));
        let (owner, _) = item_path_parts(lines, i)?;
        return Some(join(owner, parts));
    }
    let mut j = i;
    while j > 0 {
        j -= 1;
        let l = &lines[j];
        if l.text {
            continue;
        }
        if l.dash {
            if l.indent >= want {
                continue;
            }
            if l.body_col == want && l.key.is_some() {
                // The first key of the item that holds this line.
                parts.push(format!("[{}]", index_of_item(lines, j)));
                let (owner, _) = item_path_parts(lines, j)?;
                return Some(join(owner, parts));
            }
            if l.body_col < want && l.opens_block() {
                let (k, _) = l.key?;
                parts.push(k.to_owned());
                parts.push(format!("[{}]", index_of_item(lines, j)));
                let (owner, _) = item_path_parts(lines, j)?;
                return Some(join(owner, parts));
            }
            return None;
        }
        if l.indent >= want {
            continue;
        }
        let (k, _) = l.key.filter(|_| l.opens_block())?;
        parts.push(k.to_owned());
        want = l.indent;
    }
    (want == 0).then(|| join(String::new(), parts))
}

/// `owner` and the `parts` (innermost first) as one path, `goals[0].title`.
fn join(owner: String, mut parts: Vec<String>) -> String {
    parts.reverse();
    let mut out = owner;
    for p in parts {
        if !p.starts_with('[') && !out.is_empty() {
            out.push('.');
        }
        out.push_str(&p);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slip(text: &str) -> Slip {
        let (line, _) = syntax_error(text).expect("a syntax error");
        find(text, line).unwrap_or_else(|| panic!("no slip found in:\n{text}"))
    }

    #[test]
    fn paths_come_from_the_indentation() {
        let text = "mentor: a\ngoals:\n  - id: x\n    milestones:\n      - title: t\n        done: 2025-01-01\nagreement:\n  meetings:\n    place: here\n";
        let lines = read_lines(text);
        let at = |no: u32| lines.iter().position(|l| l.no == no).unwrap();
        assert_eq!(path_at(&lines, at(1), "mentor").as_deref(), Some("mentor"));
        assert_eq!(
            path_at(&lines, at(6), "done").as_deref(),
            Some("goals[0].milestones[0].done")
        );
        assert_eq!(
            path_at(&lines, at(5), "title").as_deref(),
            Some("goals[0].milestones[0].title")
        );
        assert_eq!(
            path_at(&lines, at(9), "place").as_deref(),
            Some("agreement.meetings.place")
        );
        let compact = "goals:\n- id: x\n  title: y\n- id: z\n  title: w\n";
        let lines = read_lines(compact);
        assert_eq!(
            path_at(&lines, 4, "title").as_deref(),
            Some("goals[1].title")
        );
    }

    #[test]
    fn a_key_without_a_colon() {
        let s = slip("mentor: a\nstart 2026-09-01\nend: 2027-01-01\n");
        assert_eq!((s.line, s.path.as_deref()), (2, Some("start")));
        assert!(s.hint.contains("`start: 2026-09-01`"), "{s:?}");
        let s = slip(
            "goals:\n  - id: x\n    milestones:\n      - title: t\n        done: 2025-01-01\nmeetings\n  - date: 2025-01-01\n",
        );
        assert_eq!((s.line, s.path.as_deref()), (6, Some("meetings")));
        assert!(s.hint.contains("`meetings:`"), "{s:?}");
    }

    #[test]
    fn no_space_after_the_colon() {
        let s = slip("mentor: a\nstart:2026-09-01\nend: 2027-01-01\n");
        assert_eq!((s.line, s.column, s.path.as_deref()), (2, 6, Some("start")));
        assert!(s.hint.contains("`start: 2026-09-01`"), "{s:?}");
    }

    #[test]
    fn a_list_item_without_its_dash() {
        let s = slip(
            "meetings:\n  - date: 2025-01-01\n    title: a\n  date: 2025-02-01\n    title: b\n",
        );
        assert_eq!((s.line, s.path.as_deref()), (4, Some("meetings[1]")));
        let s = slip("meetings:\n  - date: 2025-01-01\n    agenda:\n      - one\n      two\n");
        assert_eq!(s.line, 5, "{s:?}");
    }

    #[test]
    fn indentation_out_of_step() {
        let s = slip("agreement:\n  expectations: x\n   boundaries: y\n");
        assert_eq!(
            (s.line, s.path.as_deref()),
            (3, Some("agreement.boundaries"))
        );
        let s = slip("agreement:\n    expectations: x\n  boundaries: y\n");
        assert_eq!((s.line, s.path), (3, None));
    }

    /// Every key of real pair files, broken in each of the common ways: whenever a slip names a
    /// key path, it is the path that key has in the unbroken file (never another key's).
    #[test]
    fn a_named_path_is_always_the_broken_keys_own() {
        // Read, not built in: the packaged crate leaves the test fixtures out.
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let files = [
            "tests/fixtures/minimal/content/pairs/ana-lopez-ben-okafor.yaml",
            "content/pairs/ana-lopez-ben-okafor.yaml",
            "src/scaffold/sample-pair.yaml",
        ]
        .map(|rel| std::fs::read_to_string(root.join(rel)).expect(rel));
        let mut named = 0;
        let mut wrong = Vec::new();
        for text in &files {
            let lines: Vec<&str> = text.lines().collect();
            for (i, line) in lines.iter().enumerate() {
                let lead = line.len() - line.trim_start().len();
                let body = line[lead..].strip_prefix("- ").unwrap_or(&line[lead..]);
                if !body.contains(": ") {
                    continue;
                }
                let key_col = line.len() - body.len();
                let no = u32::try_from(i + 1).unwrap();
                let truth = crate::diagnostic::key_path::key_path(text, no, col(key_col));
                let broken = [
                    line.replacen(": ", " ", 1),
                    line.replacen(": ", ":", 1),
                    format!(" {line}"),
                    line.replacen("- ", "", 1),
                    line.replacen(": ", ": a: ", 1),
                ];
                for b in broken.iter().filter(|b| *b != line) {
                    let mut changed = lines.clone();
                    changed[i] = b;
                    let changed = changed.join("\n") + "\n";
                    let Some((at, _)) = syntax_error(&changed) else {
                        continue;
                    };
                    let Some(slip) = find(&changed, at) else {
                        continue;
                    };
                    if slip.line != no {
                        continue;
                    }
                    if let Some(path) = &slip.path {
                        named += 1;
                        // The key itself, or (for an item that lost its dash) the item holding it.
                        let own = truth.as_deref().is_some_and(|t| {
                            t == path
                                || t.strip_prefix(path.as_str())
                                    .is_some_and(|r| r.starts_with('.'))
                        });
                        if !own {
                            wrong.push(format!(
                                "line {no} `{b}`: labelled `{path}`, but the key is {truth:?}"
                            ));
                        }
                    }
                }
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
        assert!(named > 50, "only {named} slips named a key");
    }

    /// Quoted text and bracketed lists that go on over several lines are text, not keys.
    #[test]
    fn values_over_several_lines_are_text() {
        let text =
            "notes: \"a long\nquoted: text\"\nagenda: [Ben's list,\n  b]\nstart 2025-01-01\n";
        let lines = read_lines(text);
        let texts: Vec<u32> = lines.iter().filter(|l| l.text).map(|l| l.no).collect();
        assert_eq!(texts, [2, 4]);
        let s = slip(text);
        assert_eq!((s.line, s.path.as_deref()), (5, Some("start")));
    }

    #[test]
    fn a_tab() {
        let s = slip("mentor: a\n\tmentee: b\n");
        assert_eq!((s.line, s.column, s.path), (2, 1, None));
    }
}
