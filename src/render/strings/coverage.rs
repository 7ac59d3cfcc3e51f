//! What a language's strings files leave out, as warnings: the words that stay in English when no
//! file of the language sets them, and the counted words without a form the language's plural
//! rules use. Neither stops a build: the pages fall back to English, or to the `other` form.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::Arc;

use super::{Lang, SHIPPED, tag_prefixes};
use crate::diagnostic::{Code, Problem, Span};

/// Whether `file` is a strings file of the language `tag` (`es.toml`, `pt-BR.toml` for
/// `pt-BR`), rather than one for every language (a theme's `strings.toml`).
pub(super) fn names_language(file: &Path, tag: &str) -> bool {
    let Some(stem) = file.file_stem().and_then(|s| s.to_str()) else {
        return false;
    };
    tag_prefixes(tag)
        .iter()
        .any(|prefix| prefix.eq_ignore_ascii_case(stem))
}

/// Whether `tag` is English, whose words are the default ones.
fn is_english(tag: &str) -> bool {
    tag_prefixes(tag)
        .first()
        .is_none_or(|first| first.eq_ignore_ascii_case("en"))
}

/// A warning for the counted word `table.key`, at `place`, when its `forms` lack a category the
/// language uses (a language CLDR does not know is not judged).
pub(super) fn missing_forms(
    forms: &toml::Table,
    lang: &Lang,
    table: &str,
    key: &str,
    place: Span,
) -> Option<Problem> {
    if !lang.known() {
        return None;
    }
    let used = lang.categories();
    let missing: Vec<&str> = used
        .iter()
        .copied()
        .filter(|c| !forms.contains_key(*c))
        .collect();
    if missing.is_empty() {
        return None;
    }
    let tag = lang.tag();
    Some(
        Problem::warning(
            Code::MissingPluralForm,
            place,
            format!(
                "the counted word `{table}.{key}` has no form for {}, which `{tag}` uses: those numbers take the `other` form",
                quoted_list(&missing)
            ),
        )
        .hint(format!(
            "`{tag}` counts with the forms {} (CLDR's plural rules); add the missing ones, such as {} = \"{{count}} ...\"",
            quoted_list(&used),
            missing[0]
        )),
    )
}

/// The one warning for the words that stay in English in the language `tag`: every key of the
/// default strings (`merged`) that no file of the language set (`translated`, `table.key`), at
/// `place` (asked for only when there is a warning: where, and the text to show).
pub(super) fn untranslated(
    merged: &toml::Table,
    translated: &BTreeSet<String>,
    tag: &str,
    place: impl FnOnce() -> (Span, Option<Arc<str>>),
) -> Option<Problem> {
    if is_english(tag) {
        return None;
    }
    let mut left: BTreeMap<&str, usize> = BTreeMap::new();
    let mut total = 0;
    for (table, keys) in merged {
        let Some(keys) = keys.as_table() else {
            continue;
        };
        for key in keys.keys() {
            total += 1;
            if !translated.contains(&format!("{table}.{key}")) {
                *left.entry(table).or_default() += 1;
            }
        }
    }
    let count: usize = left.values().sum();
    if count == 0 {
        return None;
    }
    let file = format!(
        "i18n/{}.toml",
        tag_prefixes(tag).first().map_or(tag, String::as_str)
    );
    let shipped: Vec<&str> = SHIPPED.iter().map(|(name, _)| *name).collect();
    let hint = format!(
        "write the words in `{file}`: the tables and keys of themes/default/i18n/en.toml, in the language (docs/languages.md says how); the default theme has {}",
        shipped.join(", ")
    );
    let message = if translated.is_empty() {
        let tables: Vec<String> = left.keys().map(|t| format!("[{t}]")).collect();
        format!(
            "no strings file has the words of the language `{tag}`: the pages fall back to English, all {total} words of the tables {}",
            tables.join(", ")
        )
    } else {
        let tables: Vec<String> = left.iter().map(|(t, n)| format!("[{t}] {n}")).collect();
        format!(
            "the strings files of the language `{tag}` leave {count} of {total} words in English: {}",
            tables.join(", ")
        )
    };
    let (span, text) = place();
    let problem = Problem::warning(Code::UntranslatedLanguage, span, message).hint(hint);
    Some(match text {
        Some(text) => problem.with_source(&text),
        None => problem,
    })
}

/// `` `one`, `many` and `other` ``.
fn quoted_list(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => quoted.concat(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Layers, shipped};
    use super::*;

    fn language() -> Span {
        Span {
            file: "book.toml".into(),
            line: 4,
            column: 1,
        }
    }

    /// The warnings for the language `tag` with the shipped files and `own` (a program's
    /// `i18n/<tag>.toml`) laid over English.
    fn warnings(tag: &str, own: Option<&str>) -> Vec<Problem> {
        let mut layers = Layers::new(tag);
        for (name, text) in shipped(tag) {
            layers.apply(Path::new(name), text).unwrap();
        }
        if let Some(text) = own {
            layers
                .apply(Path::new(&format!("i18n/{tag}.toml")), text)
                .unwrap();
        }
        layers.warnings(|| (language(), None))
    }

    #[test]
    fn a_language_with_no_file_is_one_warning_naming_the_tables() {
        let w = warnings("sv", None);
        assert_eq!(w.len(), 1, "{w:?}");
        assert_eq!(w[0].code, Code::UntranslatedLanguage);
        assert_eq!((w[0].span.line, w[0].span.column), (4, 1));
        assert!(
            w[0].message.contains("fall back to English"),
            "{}",
            w[0].message
        );
        assert!(w[0].message.contains("[pair]"), "{}", w[0].message);
    }

    #[test]
    fn a_partial_file_says_how_many_words_stay_english() {
        let w = warnings("sv", Some("[pair]\nchecklist = \"Checklista\"\n"));
        assert_eq!(w.len(), 1);
        assert!(w[0].message.contains("leave"), "{}", w[0].message);
        assert!(w[0].message.contains("[pair] 8"), "{}", w[0].message);
    }

    #[test]
    fn english_and_the_shipped_languages_warn_of_nothing() {
        for tag in ["en", "en-US", "es", "fr", "de", "pt", "pt-BR", "es-MX"] {
            assert!(warnings(tag, None).is_empty(), "{tag}");
        }
    }

    #[test]
    fn a_counted_word_without_a_form_the_language_uses_is_a_warning_at_its_key() {
        let own = "[charts]\npairs = { one = \"{count} pareja\", other = \"{count} parejas\" }\n";
        let w = warnings("es", Some(own));
        assert_eq!(w.len(), 1, "{w:?}");
        assert_eq!(w[0].code, Code::MissingPluralForm);
        assert_eq!(w[0].span.file, Path::new("i18n/es.toml"));
        assert_eq!((w[0].span.line, w[0].span.column), (2, 9));
        assert!(w[0].message.contains("`many`"), "{}", w[0].message);
        // Text in place of forms is the same for every number: nothing is missing.
        assert!(warnings("es", Some("[charts]\npairs = \"parejas\"\n")).is_empty());
    }
}
