//! The words on the pages: the default theme's `strings.toml`, built into the binary, with the
//! program's theme's own `strings.toml` over it key by key. Templates read them as `t`; Rust code
//! that writes words (titles, breadcrumbs, labels, dates) takes them from [`Strings`].

use std::path::Path;
use std::sync::Arc;

use serde::Deserialize;
use toml::de::{DeTable, DeValue};

use crate::diagnostic::{Code, Problem, Span};

mod coverage;
mod labels;
mod lang;
mod words;

#[cfg(test)]
mod shipped_tests;

pub use labels::*;
pub use lang::{CATEGORIES, Forms, Lang, Plural, category_name};
pub use words::*;

/// The default theme's English strings (`themes/default/i18n/en.toml`), built into the binary as
/// its templates are: every key, which the other languages' files overlay.
pub const DEFAULT: &str = include_str!("../../themes/default/i18n/en.toml");

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
        Strings::of_language("en")
    }
}

impl Strings {
    /// The default theme's English strings, parsed once: for what only counts or hashes what
    /// pages show (the words of a theme stay the same while it does).
    pub fn builtin() -> &'static Strings {
        static BUILTIN: std::sync::OnceLock<Strings> = std::sync::OnceLock::new();
        BUILTIN.get_or_init(Strings::default)
    }

    /// The default theme's strings for the language `tag`: English with the shipped file of the
    /// language (`pt-BR` reads `pt-BR.toml`, else `pt.toml`) over it.
    pub fn of_language(tag: &str) -> Strings {
        let mut layers = Layers::new(tag);
        for (file, text) in shipped(tag) {
            layers
                .apply(Path::new(file), text)
                .expect("the default theme's strings files are checked by the tests");
        }
        layers
            .finish()
            .expect("the default theme's strings match `Strings`")
    }

    /// The default English strings with `overlay` (a strings file's text, shown as `file`) over
    /// them.
    pub fn with_overlay(file: &Path, overlay: &str) -> Result<Strings, Problem> {
        let mut layers = Layers::new("en");
        layers.apply(file, overlay)?;
        layers.finish()
    }
}

/// The files of the default theme's languages, built into the binary: `(name, text)`.
pub const SHIPPED: &[(&str, &str)] = &[
    ("en", DEFAULT),
    ("es", include_str!("../../themes/default/i18n/es.toml")),
    ("fr", include_str!("../../themes/default/i18n/fr.toml")),
    ("de", include_str!("../../themes/default/i18n/de.toml")),
    ("pt", include_str!("../../themes/default/i18n/pt.toml")),
];

/// The tags a strings file of the language `tag` may be named for, most general first: `pt`,
/// then `pt-BR`.
pub fn tag_prefixes(tag: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for part in tag.split(['-', '_']).filter(|p| !p.is_empty()) {
        let next = match out.last() {
            Some(last) => format!("{last}-{part}"),
            None => part.to_owned(),
        };
        out.push(next);
    }
    out
}

/// The shipped files for `tag` past English, most general first: `pt` then `pt-BR`.
pub fn shipped(tag: &str) -> Vec<(&'static str, &'static str)> {
    tag_prefixes(tag)
        .iter()
        .filter_map(|prefix| {
            SHIPPED
                .iter()
                .find(|(name, _)| *name != "en" && name.eq_ignore_ascii_case(prefix))
                .copied()
        })
        .collect()
}

/// Strings files laid one over another, key by key, on the default English ones: every key a
/// layer sets must be one the default has.
pub struct Layers {
    merged: toml::Table,
    lang: Lang,
    /// The keys (`table.key`) that a file of the language (`es.toml`, `pt-BR.toml`) has set.
    translated: std::collections::BTreeSet<String>,
    /// Counted words that lack a form the language uses, at their place.
    warnings: Vec<Problem>,
}

impl Layers {
    /// The default English strings, for pages in the language `tag`.
    pub fn new(tag: &str) -> Layers {
        Layers {
            merged: toml::from_str(DEFAULT).expect("the default strings parse"),
            lang: Lang::of(tag),
            translated: Default::default(),
            warnings: Vec::new(),
        }
    }

    /// Lays `text` (a strings file, shown as `file`) over the layers so far. A key or table the
    /// default does not have, or a value of the wrong shape, is a problem at its place.
    pub fn apply(&mut self, file: &Path, text: &str) -> Result<(), Problem> {
        let source: Arc<str> = Arc::from(text);
        let at = |offset: usize| {
            let (line, column) = crate::config::line_column(text, offset);
            Span {
                file: file.to_path_buf(),
                line,
                column,
            }
        };
        let problem = |offset: usize, message: String| {
            Problem::error(Code::Strings, at(offset), message).with_source(&source)
        };
        let of_language = coverage::names_language(file, self.lang.tag());
        let parsed = DeTable::parse(text).map_err(|e| {
            let offset = e.span().map_or(0, |s| s.start);
            problem(offset, e.message().trim_end().to_owned())
                .hint("a strings file is TOML: tables such as [pair] holding keys such as checklist = \"Checklist\"")
        })?;
        for (table, values) in parsed.get_ref() {
            let name: &str = table.get_ref();
            let tables: Vec<String> = self.merged.keys().cloned().collect();
            let Some(toml::Value::Table(known)) = self.merged.get_mut(name) else {
                return Err(problem(
                    table.span().start,
                    format!("the default theme's strings have no table `{name}`"),
                )
                .suggest(name, tables.iter().map(String::as_str)));
            };
            let DeValue::Table(values) = values.get_ref() else {
                return Err(problem(
                    values.span().start,
                    format!("`{name}` is a table of strings, such as [{name}]"),
                ));
            };
            for (key, value) in values {
                let key_name: &str = key.get_ref();
                let Some(default) = known.get(key_name) else {
                    let keys: Vec<String> = known.keys().cloned().collect();
                    return Err(problem(
                        key.span().start,
                        format!("the default theme's strings have no key `{key_name}` in [{name}]"),
                    )
                    .suggest(key_name, keys.iter().map(String::as_str)));
                };
                let counted = default.is_table();
                let made = match value.get_ref() {
                    DeValue::String(text) => toml::Value::String(text.to_string()),
                    DeValue::Table(forms) if counted => {
                        let forms = plural_forms(forms, &problem, name, key_name)?;
                        let place = at(value.span().start);
                        if let Some(w) =
                            coverage::missing_forms(&forms, &self.lang, name, key_name, place)
                        {
                            self.warnings.push(w.with_source(&source));
                        }
                        toml::Value::Table(forms)
                    }
                    _ if counted => {
                        return Err(problem(
                            value.span().start,
                            format!(
                                "`{name}.{key_name}` is a counted word: text in quotes, or a table of forms such as {{ one = \"{{count}} pair\", other = \"{{count}} pairs\" }}"
                            ),
                        ));
                    }
                    _ => {
                        return Err(problem(
                            value.span().start,
                            format!("`{name}.{key_name}` must be text, in quotes"),
                        ));
                    }
                };
                known.insert(key_name.to_owned(), made);
                if of_language {
                    self.translated.insert(format!("{name}.{key_name}"));
                }
            }
        }
        Ok(())
    }

    /// What `check` and `build` warn of in the layers so far: the words the language leaves in
    /// English (one warning, at the place of `language` in `book.toml`, which `language` gives
    /// with the file's text only when there is such a warning), and each counted word without a
    /// form the language uses.
    pub fn warnings(&self, language: impl FnOnce() -> (Span, Option<Arc<str>>)) -> Vec<Problem> {
        let mut out: Vec<Problem> =
            coverage::untranslated(&self.merged, &self.translated, self.lang.tag(), language)
                .into_iter()
                .collect();
        out.extend(self.warnings.iter().cloned());
        out
    }

    /// The strings the layers make (`file` names the last layer, for a problem no key points at).
    pub fn finish(self) -> Result<Strings, Problem> {
        let mut strings = Strings::deserialize(toml::Value::Table(self.merged)).map_err(|e| {
            let span = Span {
                file: "themes/default/i18n/en.toml".into(),
                line: 0,
                column: 0,
            };
            Problem::error(Code::Strings, span, e.to_string())
        })?;
        strings.lang = self.lang;
        Ok(strings)
    }
}

/// The forms of a counted word: plural categories only, each text, `other` among them.
fn plural_forms(
    forms: &DeTable<'_>,
    problem: &impl Fn(usize, String) -> Problem,
    table: &str,
    key: &str,
) -> Result<toml::Table, Problem> {
    let mut out = toml::Table::new();
    for (category, text) in forms {
        let name: &str = category.get_ref();
        if !CATEGORIES.contains(&name) {
            return Err(problem(
                category.span().start,
                format!(
                    "`{name}` is not a plural category: use zero, one, two, few, many or other"
                ),
            )
            .suggest(name, CATEGORIES));
        }
        let DeValue::String(text) = text.get_ref() else {
            return Err(problem(
                text.span().start,
                format!("the `{name}` form of `{table}.{key}` must be text, in quotes"),
            ));
        };
        out.insert(name.to_owned(), toml::Value::String(text.to_string()));
    }
    if !out.contains_key("other") {
        return Err(problem(
            0,
            format!("`{table}.{key}` needs an `other` form, for the numbers no other form takes"),
        ));
    }
    Ok(out)
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
