//! The strings typed into a form made into the values a file holds.

use crate::yaml_edit::Value;

/// A text typed into a form, as the file should hold it: line breaks as `\n`, no spaces at the
/// ends of lines, no blank lines before or after; text of several lines ends with a line break
/// (so it is written as a `|` block, exactly).
pub(super) fn text(s: &str) -> Value {
    let t = form_text(s);
    if t.contains('\n') {
        Value::Text(format!("{t}\n"))
    } else {
        Value::Text(t.trim().to_owned())
    }
}

/// A text typed into a form with line breaks as `\n`, no spaces at the ends of lines and no blank
/// lines before or after.
pub fn form_text(s: &str) -> String {
    let unified = s.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<&str> = unified.lines().map(str::trim_end).collect();
    lines.join("\n").trim_matches('\n').to_owned()
}

/// A value of one word typed into a form (a date, an id, a number, a fixed word), trimmed.
pub(super) fn word(s: &str) -> Value {
    Value::Word(s.trim().to_owned())
}

/// Lines of a form as list items: trimmed, blank ones left out.
pub(super) fn items(list: &[String]) -> Vec<String> {
    list.iter()
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .collect()
}

/// `Some(text(s))` for a field that is on the form.
pub(super) fn opt_text(s: &Option<String>) -> Option<Value> {
    s.as_deref().map(text)
}

/// `Some(word(s))` for a field that is on the form.
pub(super) fn opt_word(s: &Option<String>) -> Option<Value> {
    s.as_deref().map(word)
}
