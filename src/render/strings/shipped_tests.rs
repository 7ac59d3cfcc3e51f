//! The default theme's languages: every shipped file lays over English with no problem, has
//! every key of `en.toml` with the same placeholders, and the forms its plural rules use.

use std::collections::BTreeSet;
use std::path::Path;

use super::{DEFAULT, Lang, Layers, SHIPPED, Strings, date_long};
use crate::model::Date;

/// Each table and key of a strings file, with its value: `("charts.pairs", value)`.
fn keys(text: &str) -> Vec<(String, toml::Value)> {
    let table: toml::Table = toml::from_str(text).expect("a shipped file parses");
    table
        .into_iter()
        .flat_map(|(name, keys)| {
            let keys = keys.as_table().cloned().unwrap_or_default();
            keys.into_iter()
                .map(move |(key, value)| (format!("{name}.{key}"), value))
        })
        .collect()
}

/// The `{name}`s of every text of `value` (each form of a counted word).
fn placeholders(value: &toml::Value) -> BTreeSet<String> {
    let texts: Vec<&str> = match value {
        toml::Value::String(s) => vec![s],
        toml::Value::Table(forms) => forms.values().filter_map(|v| v.as_str()).collect(),
        _ => Vec::new(),
    };
    let mut out = BTreeSet::new();
    for text in texts {
        for part in text.split('{').skip(1) {
            if let Some((name, _)) = part.split_once('}')
                && name.chars().all(|c| c.is_ascii_lowercase() || c == '_')
            {
                out.insert(name.to_owned());
            }
        }
    }
    out
}

fn book_toml() -> crate::diagnostic::Span {
    crate::diagnostic::Span {
        file: "book.toml".into(),
        line: 4,
        column: 1,
    }
}

fn others() -> impl Iterator<Item = (&'static str, &'static str)> {
    SHIPPED.iter().copied().filter(|(name, _)| *name != "en")
}

#[test]
fn the_default_theme_ships_five_languages() {
    let names: Vec<&str> = SHIPPED.iter().map(|(name, _)| *name).collect();
    assert_eq!(names, ["en", "es", "fr", "de", "pt"]);
}

#[test]
fn every_shipped_file_lays_over_english_with_no_problem() {
    for (name, text) in others() {
        let mut layers = Layers::new(name);
        let file = format!("themes/default/i18n/{name}.toml");
        layers
            .apply(Path::new(&file), text)
            .unwrap_or_else(|p| panic!("{file}: {p:?}"));
        let warnings = layers.warnings(|| (book_toml(), None));
        assert!(warnings.is_empty(), "{file}: {warnings:?}");
        layers.finish().unwrap_or_else(|p| panic!("{file}: {p:?}"));
    }
}

/// A translation's placeholders named as the English ones: where English writes a phase's title in
/// lower case (`{phase}`, `{link}`), the templates also offer it as written (`{title}`,
/// `{title_link}`), for languages that keep their capitals.
fn as_english(
    mut theirs: std::collections::BTreeSet<String>,
    english: &std::collections::BTreeSet<String>,
) -> std::collections::BTreeSet<String> {
    for (alternate, name) in [("title", "phase"), ("title_link", "link")] {
        if english.contains(name) && !english.contains(alternate) && theirs.remove(alternate) {
            theirs.insert(name.to_owned());
        }
    }
    theirs
}

#[test]
fn every_shipped_language_has_every_english_key_with_its_placeholders() {
    let english = keys(DEFAULT);
    for (name, text) in others() {
        let theirs = keys(text);
        for (key, value) in &english {
            let Some((_, translated)) = theirs.iter().find(|(k, _)| k == key) else {
                panic!("{name}.toml has no `{key}`: the pages would show the English");
            };
            assert_eq!(
                as_english(placeholders(translated), &placeholders(value)),
                placeholders(value),
                "{name}.toml `{key}` has other placeholders than the English"
            );
            assert_eq!(
                translated.is_table(),
                value.is_table(),
                "{name}.toml `{key}`: a counted word in English is one in every language"
            );
        }
        assert_eq!(
            theirs.len(),
            english.len(),
            "{name}.toml has keys English has not"
        );
    }
}

#[test]
fn every_counted_word_has_the_forms_of_its_language_and_no_others() {
    for (name, text) in SHIPPED {
        let used: BTreeSet<&str> = Lang::of(name).categories().into_iter().collect();
        for (key, value) in keys(text) {
            let Some(forms) = value.as_table() else {
                continue;
            };
            let given: BTreeSet<&str> = forms.keys().map(String::as_str).collect();
            assert_eq!(given, used, "{name}.toml `{key}`");
        }
    }
}

#[test]
fn the_plural_rules_are_cldrs() {
    let of = |tag| Lang::of(tag).categories();
    assert_eq!(of("en"), ["one", "other"]);
    assert_eq!(of("de"), ["one", "other"]);
    for tag in ["es", "fr", "pt"] {
        assert_eq!(of(tag), ["one", "many", "other"], "{tag}");
    }
}

#[test]
fn counted_words_take_the_forms_of_the_language() {
    for (tag, one, zero, many) in [
        ("en", "1 pair", "0 pairs", "1,000,000 pairs"),
        ("es", "1 pareja", "0 parejas", "1.000.000 parejas"),
        (
            "fr",
            "1 binôme",
            "0 binôme",
            "1\u{202f}000\u{202f}000 binômes",
        ),
        ("de", "1 Tandem", "0 Tandems", "1.000.000 Tandems"),
        ("pt", "1 dupla", "0 dupla", "1.000.000 duplas"),
    ] {
        let s = Strings::of_language(tag);
        let count = |n| s.lang.count(&s.charts.pairs, n);
        assert_eq!([count(1), count(0), count(1_000_000)], [one, zero, many]);
    }
}

#[test]
fn the_month_names_are_icus() {
    let d = Date::parse("2025-03-14").unwrap();
    for (tag, long, month) in [
        ("es", "14 de marzo de 2025", Some("marzo de 2025")),
        ("fr", "14 mars 2025", Some("mars 2025")),
        ("de", "14. März 2025", Some("März 2025")),
        // ICU4X 2.4 cannot write Portuguese's long month and year: the medium form stands in
        // (see `Inner::new` in lang.rs).
        ("pt", "14 de março de 2025", Some("mar. de 2025")),
    ] {
        let s = Strings::of_language(tag);
        assert_eq!(s.lang.date_long(d), long);
        assert_eq!(date_long(d, &s), long);
        if let Some(month) = month {
            assert_eq!(s.lang.month_year(d), month);
        }
    }
}

#[test]
fn the_words_are_the_languages() {
    assert_eq!(
        Strings::of_language("es").pair.checklist,
        "Lista de comprobación"
    );
    assert_eq!(
        Strings::of_language("fr").pair.checklist,
        "Liste de contrôle"
    );
    assert_eq!(Strings::of_language("de").pair.checklist, "Checkliste");
    assert_eq!(
        Strings::of_language("pt-BR").pair.checklist,
        "Lista de verificação"
    );
}
