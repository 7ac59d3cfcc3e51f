//! Values written as YAML text: quoted only when plain text would not read back as the same value.

use std::fmt::Write as _;

/// A value to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// Text: written plain when it reads back as the same text, quoted otherwise (so `1234`,
    /// `true` or `Dr: Ana` stay text).
    Text(String),
    /// A word meant as YAML reads it (a number, a date, an id, one word of a fixed list): written
    /// plain when it is one word, quoted otherwise, so that the loader says what is wrong with it.
    Word(String),
    /// A list of words (ids, tags, fixed words), written `[a, b]` or as block items.
    Words(Vec<String>),
    /// A list of texts (an agenda), written `[a, b c]` (each text quoted when it holds what a list
    /// in brackets reads otherwise) or, where the file already has block items, as block items.
    Texts(Vec<String>),
    /// A list of texts written as block items, one a line, when it is new.
    Lines(Vec<String>),
}

/// Text as YAML: plain when it reads back as the same text, double-quoted otherwise.
pub fn string(s: &str) -> String {
    if plain_text(s) {
        s.to_owned()
    } else {
        quoted(s)
    }
}

/// Text as an item of a list in brackets: plain when it reads back as the same text there (no
/// `,`, `[`, `]`, `{` or `}`), double-quoted otherwise.
pub fn flow_string(s: &str) -> String {
    if plain_text(s) && !s.contains([',', '[', ']', '{', '}']) {
        s.to_owned()
    } else {
        quoted(s)
    }
}

/// A word as YAML: plain when it is one token that cannot start anything else, quoted otherwise.
pub fn word(s: &str) -> String {
    let one_token = !s.is_empty()
        && s.chars()
            .all(|c| c.is_alphanumeric() || "-_.+:/@".contains(c))
        && !s.starts_with(['-', ':', '@'])
        && !s.ends_with(':');
    if one_token { s.to_owned() } else { quoted(s) }
}

/// `s` in double quotes, with the escapes YAML needs.
pub fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Whether `s` written plain reads back as the same text.
fn plain_text(s: &str) -> bool {
    const SPECIAL_START: &str = "!&*-?[]{}|>@`\"'%#,: ";
    !s.is_empty()
        && !s.starts_with(|c: char| SPECIAL_START.contains(c))
        && !s.contains(": ")
        && !s.contains(" #")
        && !s.ends_with([':', ' '])
        && !s.contains(|c: char| c.is_control())
        && !reads_as_other_than_text(s)
}

/// Words a YAML reader takes for a number, a boolean or nothing.
fn reads_as_other_than_text(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    matches!(
        lower.as_str(),
        "true" | "false" | "yes" | "no" | "on" | "off" | "y" | "n" | "null" | "~" | ".nan" | ".inf"
    ) || s.parse::<f64>().is_ok()
        || (s.starts_with("0x") || s.starts_with("0o"))
}

impl Value {
    /// The value on one line: a scalar, or a list in brackets.
    pub fn inline(&self) -> String {
        match self {
            Value::Text(s) => string(s),
            Value::Word(s) => word(s),
            Value::Words(list) => {
                let items: Vec<String> = list.iter().map(|w| word(w)).collect();
                format!("[{}]", items.join(", "))
            }
            Value::Texts(list) | Value::Lines(list) => {
                let items: Vec<String> = list.iter().map(|t| flow_string(t)).collect();
                format!("[{}]", items.join(", "))
            }
        }
    }

    /// One item of a list value as a block item writes it (`- item`).
    pub fn item(&self, s: &str) -> String {
        match self {
            Value::Words(_) | Value::Word(_) => word(s),
            Value::Texts(_) | Value::Lines(_) | Value::Text(_) => string(s),
        }
    }

    /// The items of a list value; `None` for a scalar.
    pub fn items(&self) -> Option<&[String]> {
        match self {
            Value::Words(l) | Value::Texts(l) | Value::Lines(l) => Some(l),
            Value::Text(_) | Value::Word(_) => None,
        }
    }
}

/// Whether `t` is written as a block of lines: it has more than one, and none that a block would
/// not give back as it is (a first line that starts with a space, a tab or a control character,
/// lines of spaces only, more than one final line break). A text that ends with one line break is
/// written `|`, one without `|-`.
pub fn block_text(t: &str) -> bool {
    let t = t.strip_suffix('\n').unwrap_or(t);
    t.contains('\n')
        && !t.starts_with([' ', '\n'])
        && !t.ends_with('\n')
        && !t.contains(|c: char| c.is_control() && c != '\n')
        && t.split('\n').all(|l| l.is_empty() || !l.trim().is_empty())
        && !t.split('\n').any(|l| l.ends_with(' '))
}

/// Lines of text as a block scalar whose lines are indented by `indent` spaces, from its indicator
/// to the end of its last line (no final line break): `|` when the text ends with a line break
/// (kept exactly), `|-` when it does not.
pub fn block(t: &str, indent: usize) -> String {
    let (body, indicator) = match t.strip_suffix('\n') {
        Some(body) => (body, "|"),
        None => (t, "|-"),
    };
    let mut out = String::from(indicator);
    for line in body.split('\n') {
        out.push('\n');
        if !line.is_empty() {
            out.push_str(&" ".repeat(indent));
            out.push_str(line);
        }
    }
    out
}

/// Entries of a block mapping to write: a key with a value, or with entries below it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Entries(pub Vec<(String, Entry)>);

/// One entry's value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    /// A value on the key's line.
    Value(Value),
    /// A mapping below the key.
    Map(Entries),
}

impl Entries {
    /// Sets the value at `path` (keys), making the mappings on the way; an entry already there is
    /// replaced in place, a new one goes last.
    pub fn set(&mut self, path: &[&str], value: Value) {
        let Some((first, rest)) = path.split_first() else {
            return;
        };
        let at = self.0.iter().position(|(k, _)| k == first);
        if rest.is_empty() {
            match at {
                Some(i) => self.0[i].1 = Entry::Value(value),
                None => self.0.push(((*first).to_owned(), Entry::Value(value))),
            }
            return;
        }
        let i = match at {
            Some(i) => i,
            None => {
                self.0
                    .push(((*first).to_owned(), Entry::Map(Entries::default())));
                self.0.len() - 1
            }
        };
        if !matches!(self.0[i].1, Entry::Map(_)) {
            self.0[i].1 = Entry::Map(Entries::default());
        }
        if let Entry::Map(inner) = &mut self.0[i].1 {
            inner.set(rest, value);
        }
    }

    /// Whether there is nothing to write.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The entries as block lines, each key at `indent` spaces and nested ones `step` further.
    /// `first` replaces the first line's indent (a list item's `- `).
    pub fn block(&self, indent: usize, step: usize, first: Option<&str>) -> String {
        let mut out = String::new();
        self.write(&mut out, indent, step, first);
        out
    }

    fn write(&self, out: &mut String, indent: usize, step: usize, mut first: Option<&str>) {
        for (key, entry) in &self.0 {
            match first.take() {
                Some(prefix) => out.push_str(prefix),
                None => out.push_str(&" ".repeat(indent)),
            }
            out.push_str(&string(key));
            match entry {
                Entry::Value(Value::Text(t)) if block_text(t) => {
                    out.push_str(": ");
                    out.push_str(&block(t, indent + step));
                    out.push('\n');
                }
                Entry::Value(Value::Lines(items)) if !items.is_empty() => {
                    out.push_str(":\n");
                    for item in items {
                        out.push_str(&" ".repeat(indent + step));
                        out.push_str("- ");
                        out.push_str(&string(item));
                        out.push('\n');
                    }
                }
                Entry::Value(v) => {
                    out.push_str(": ");
                    out.push_str(&v.inline());
                    out.push('\n');
                }
                Entry::Map(inner) => {
                    out.push_str(":\n");
                    inner.write(out, indent + step, step, None);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_quoted_when_plain_would_read_otherwise() {
        assert_eq!(string("Ana López"), "Ana López");
        assert_eq!(string("Dr: Ana"), "\"Dr: Ana\"");
        assert_eq!(string("#1 mentor"), "\"#1 mentor\"");
        assert_eq!(string("O\"Neil"), "O\"Neil");
        assert_eq!(string("1234"), "\"1234\"");
        assert_eq!(string("Yes"), "\"Yes\"");
        assert_eq!(string("two\nlines"), "\"two\\nlines\"");
    }

    #[test]
    fn words_stay_plain_unless_they_cannot() {
        assert_eq!(word("2025-01-05"), "2025-01-05");
        assert_eq!(word("in_person"), "in_person");
        assert_eq!(word("Europe/London"), "Europe/London");
        assert_eq!(word("two words"), "\"two words\"");
        assert_eq!(
            Value::Words(vec!["a".into(), "b c".into()]).inline(),
            "[a, \"b c\"]"
        );
    }

    #[test]
    fn lines_of_text_are_a_block() {
        let mut e = Entries::default();
        e.set(
            &["bio"],
            Value::Text("First year.\n\nMoved from a *farm*.".into()),
        );
        assert_eq!(
            e.block(2, 2, None),
            "  bio: |-\n    First year.\n\n    Moved from a *farm*.\n"
        );
        e.set(&["bio"], Value::Text("ends with a break\n".into()));
        assert_eq!(e.block(0, 2, None), "bio: \"ends with a break\\n\"\n");
    }

    #[test]
    fn entries_nest() {
        let mut e = Entries::default();
        e.set(&["name"], Value::Text("Ana".into()));
        e.set(&["contact", "email"], Value::Text("a@x.org".into()));
        e.set(&["roles"], Value::Words(vec!["mentor".into()]));
        e.set(&["contact", "phone"], Value::Text("+44 1".into()));
        assert_eq!(
            e.block(4, 2, Some("  - ")),
            "  - name: Ana\n    contact:\n      email: a@x.org\n      phone: +44 1\n    roles: [mentor]\n"
        );
    }
}
