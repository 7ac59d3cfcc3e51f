//! The words on the pages: the default theme's `strings.toml`, built into the binary, with the
//! program's theme's own `strings.toml` over it key by key. Templates read them as `t`; Rust code
//! that writes words (titles, breadcrumbs, labels, dates) takes them from [`Strings`].

use std::path::Path;
use std::sync::Arc;

use serde::Deserialize;
use toml::de::{DeTable, DeValue};

use crate::diagnostic::{Code, Problem, Span};

mod labels;
mod words;

pub use labels::*;
pub use words::*;

/// The default theme's strings, built into the binary as its templates are.
pub const DEFAULT: &str = include_str!("../../themes/default/strings.toml");

/// `pattern` with each `{name}` of `values` replaced by its value, in one pass (a value holding
/// `{name}` is not replaced again).
pub fn fill(pattern: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(pattern.len() + 32);
    let mut rest = pattern;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let known = after.find('}').and_then(|close| {
            let name = &after[..close];
            values
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (v, close))
        });
        match known {
            Some((value, close)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

impl Default for Strings {
    fn default() -> Self {
        toml::from_str(DEFAULT).expect("the default theme's strings.toml matches `Strings`")
    }
}

impl Strings {
    /// The default theme's strings, parsed once: for what only counts or hashes what pages show
    /// (the words of a theme stay the same while it does).
    pub fn builtin() -> &'static Strings {
        static BUILTIN: std::sync::OnceLock<Strings> = std::sync::OnceLock::new();
        BUILTIN.get_or_init(Strings::default)
    }

    /// The default strings with `overlay` (the text of a theme's `strings.toml`, shown as `file`)
    /// over them. An overlay may set any subset of the keys; a key or table the default does not
    /// have, or a value that is not text, is a problem at its place.
    pub fn with_overlay(file: &Path, overlay: &str) -> Result<Strings, Problem> {
        let source: Arc<str> = Arc::from(overlay);
        let at = |offset: usize| {
            let (line, column) = crate::config::line_column(overlay, offset);
            Span {
                file: file.to_path_buf(),
                line,
                column,
            }
        };
        let parsed = DeTable::parse(overlay).map_err(|e| {
            let offset = e.span().map_or(0, |s| s.start);
            Problem::error(Code::Strings, at(offset), e.message().trim_end().to_owned())
                .with_source(&source)
                .hint("strings.toml is TOML: tables such as [pair] holding keys such as checklist = \"Checklist\"")
        })?;
        let mut merged: toml::Table = toml::from_str(DEFAULT).expect("the default strings parse");
        for (table, values) in parsed.get_ref() {
            let name: &str = table.get_ref();
            let Some(toml::Value::Table(known)) = merged.get_mut(name) else {
                let tables: Vec<String> = toml::from_str::<toml::Table>(DEFAULT)
                    .map(|t| t.keys().cloned().collect())
                    .unwrap_or_default();
                return Err(Problem::error(
                    Code::Strings,
                    at(table.span().start),
                    format!("the default theme's strings have no table `{name}`"),
                )
                .with_source(&source)
                .suggest(name, tables.iter().map(String::as_str)));
            };
            let DeValue::Table(values) = values.get_ref() else {
                return Err(Problem::error(
                    Code::Strings,
                    at(values.span().start),
                    format!("`{name}` is a table of strings, such as [{name}]"),
                )
                .with_source(&source));
            };
            for (key, value) in values {
                let key_name: &str = key.get_ref();
                if !known.contains_key(key_name) {
                    let keys: Vec<String> = known.keys().cloned().collect();
                    return Err(Problem::error(
                        Code::Strings,
                        at(key.span().start),
                        format!("the default theme's strings have no key `{key_name}` in [{name}]"),
                    )
                    .with_source(&source)
                    .suggest(key_name, keys.iter().map(String::as_str)));
                }
                let DeValue::String(text) = value.get_ref() else {
                    return Err(Problem::error(
                        Code::Strings,
                        at(value.span().start),
                        format!("`{name}.{key_name}` must be text, in quotes"),
                    )
                    .with_source(&source));
                };
                known.insert(key_name.to_owned(), toml::Value::String(text.to_string()));
            }
        }
        Strings::deserialize(toml::Value::Table(merged))
            .map_err(|e| Problem::error(Code::Strings, at(0), e.to_string()).with_source(&source))
    }

    /// The name of `month` (1 to 12).
    pub fn month(&self, month: i8) -> &str {
        month_in(&self.months, month)
    }

    /// The short name of `month` (1 to 12).
    pub fn month_short(&self, month: i8) -> &str {
        month_in(&self.months_short, month)
    }
}

fn month_in(m: &Months, month: i8) -> &str {
    match month {
        1 => &m.january,
        2 => &m.february,
        3 => &m.march,
        4 => &m.april,
        5 => &m.may,
        6 => &m.june,
        7 => &m.july,
        8 => &m.august,
        9 => &m.september,
        10 => &m.october,
        11 => &m.november,
        _ => &m.december,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Date;

    #[test]
    fn the_default_strings_parse() {
        let s = Strings::default();
        assert_eq!(s.pair.checklist, "Checklist");
        let d = Date::parse("2025-01-31").unwrap();
        assert_eq!(date_long(d, &s), "31 January 2025");
    }

    #[test]
    fn fill_replaces_known_names_once() {
        let s = fill("{pair}: {x} “{goal}”", &[("pair", "{goal}"), ("goal", "G")]);
        assert_eq!(s, "{goal}: {x} “G”");
    }

    #[test]
    fn an_overlay_replaces_only_its_keys() {
        let s =
            Strings::with_overlay(Path::new("s.toml"), "[pair]\nchecklist = \"To do\"\n").unwrap();
        assert_eq!(s.pair.checklist, "To do");
        assert_eq!(s.pair.vision, "Vision");
    }

    #[test]
    fn an_unknown_key_is_located_with_a_suggestion() {
        let e =
            Strings::with_overlay(Path::new("s.toml"), "[pair]\nchecklst = \"x\"\n").unwrap_err();
        assert_eq!((e.span.line, e.span.column), (2, 1));
        assert_eq!(e.hint.as_deref(), Some("did you mean `checklist`?"));
        let e =
            Strings::with_overlay(Path::new("s.toml"), "[pairs]\nchecklist = \"x\"\n").unwrap_err();
        assert_eq!(e.span.line, 1);
        assert_eq!(e.hint.as_deref(), Some("did you mean `pair`?"));
    }
}
