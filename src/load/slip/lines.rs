//! The lines of a YAML file as the slip finder reads them: indentation, key, list dash, and
//! whether a line continues a value of the line above.

/// One line with content (not blank, not only a comment, not inside a block of text).
#[derive(Debug)]
pub(super) struct Line<'a> {
    /// 1-based line number.
    pub(super) no: u32,
    /// Spaces before the content (or before the `- `).
    pub(super) indent: usize,
    /// The 0-based column of a tab among the leading blanks.
    pub(super) tab: Option<usize>,
    /// Whether the line starts a list item, `- `.
    pub(super) dash: bool,
    /// The content after the indentation and the `- `, without a trailing comment.
    pub(super) body: &'a str,
    /// The 0-based column where `body` starts.
    pub(super) body_col: usize,
    /// `body` as `key: value` (value trimmed, empty for `key:`), when it is one.
    pub(super) key: Option<(&'a str, &'a str)>,
    /// Whether the line is text that continues the value of a line above it.
    pub(super) text: bool,
}

impl Line<'_> {
    /// Whether the line is a key that opens a block below it (`key:` with nothing after it).
    pub(super) fn opens_block(&self) -> bool {
        self.key.is_some_and(|(_, v)| v.is_empty())
    }
}

/// The lines of `text` that hold content, with what each looks like.
pub(super) fn read_lines(text: &str) -> Vec<Line<'_>> {
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
pub(super) struct Open {
    /// The quote of a text not closed yet.
    pub(super) quote: Option<char>,
    /// How many `[` and `{` are not closed yet.
    pub(super) depth: usize,
}

impl Open {
    pub(super) fn is_closed(&self) -> bool {
        self.quote.is_none() && self.depth == 0
    }

    /// Reads `s`, a value or the line after an open one.
    pub(super) fn read(&mut self, s: &str) {
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
pub(super) fn is_marker(rest: &str) -> bool {
    let t = rest.trim_end();
    t == "---" || t == "..." || t.starts_with("--- ")
}

/// `body` without a `# comment` after it.
pub(super) fn strip_comment(body: &str) -> &str {
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
pub(super) fn split_key(body: &str) -> Option<(&str, &str)> {
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

/// The number of characters in `s` (columns count characters, not bytes).
pub(super) fn chars(s: &str) -> usize {
    s.chars().count()
}

/// A 0-based column as a 1-based one.
pub(super) fn col(c: usize) -> u32 {
    u32::try_from(c + 1).unwrap_or(u32::MAX)
}

/// The previous line that is not text continuing a value.
pub(super) fn previous<'a, 'b>(lines: &'b [Line<'a>], i: usize) -> Option<&'b Line<'a>> {
    lines[..i].iter().rev().find(|l| !l.text)
}

/// Whether keys are written at column `at` in the block that holds `lines[i]`: a `key:` line
/// there above or below it (or the first key of a list item, `- key:`), with nothing less
/// indented in between.
pub(super) fn keys_at(lines: &[Line<'_>], i: usize, at: usize) -> Option<usize> {
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

/// An indentation in words: `1 space`, `3 spaces`.
pub(super) fn spaces(n: usize) -> String {
    if n == 1 {
        "1 space".to_owned()
    } else {
        format!("{n} spaces")
    }
}
