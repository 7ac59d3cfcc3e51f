//! The language `init` writes a program in (`--language`): its tag, checked as BCP 47, and what
//! the tag gives. Spanish has guidelines and a sample of its own; French, German and Portuguese get
//! the English ones with a note in their language at the top of each file saying so; any other
//! language gets the English files as they are.

use icu_locale_core::LanguageIdentifier;

/// A checked language tag and the guidelines it gets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Language {
    tag: String,
    guidelines: Guidelines,
}

/// Which guidelines and sample `init` writes for a language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Guidelines {
    /// The English ones (English, and any language mentorbook has no note for).
    English,
    /// The Spanish ones.
    Spanish,
    /// The English ones, each file starting with this note (in the language: the lines of a
    /// comment) saying they are in English and may be translated.
    EnglishWithNote(&'static [&'static str]),
}

/// The notes put at the top of the English files written for a language with no guidelines of its
/// own, by primary language subtag.
const NOTES: &[(&str, &[&str])] = &[
    (
        "fr",
        &[
            "Ce fichier est en anglais : les lignes directrices et l'exemple de mentorbook",
            "n'existent pas encore en français. Vous pouvez le traduire librement.",
        ],
    ),
    (
        "de",
        &[
            "Diese Datei ist auf Englisch: Die Leitlinien und das Beispiel von mentorbook gibt es",
            "noch nicht auf Deutsch. Sie können sie frei übersetzen.",
        ],
    ),
    (
        "pt",
        &[
            "Este documento está em inglês: as diretrizes e o exemplo do mentorbook ainda não",
            "existem em português. Pode traduzi-lo livremente.",
        ],
    ),
];

impl Language {
    /// Reads `--language`: a BCP 47 tag (`es`, `pt-BR`, `de-CH`), written back in its canonical
    /// case (`PT-br` is `pt-BR`). The error says what is wrong, for clap to show beside the flag.
    pub fn parse(text: &str) -> Result<Language, String> {
        let example = "a BCP 47 language tag such as `en`, `es` or `pt-BR`";
        if text.contains('_') {
            return Err(format!(
                "`{text}` is not {example}: write `{}`, with hyphens",
                text.replace('_', "-")
            ));
        }
        let id = LanguageIdentifier::try_from_str(text)
            .map_err(|_| format!("`{text}` is not {example}"))?;
        // BCP 47 keeps language subtags of five to eight letters for registration, and none is
        // registered: a word such as `english` is a mistake, not a language.
        if !(2..=3).contains(&id.language.as_str().len()) {
            return Err(format!(
                "`{text}` is not {example}: the language is a two- or three-letter code"
            ));
        }
        let primary = id.language.as_str();
        let guidelines = match primary {
            "en" => Guidelines::English,
            "es" => Guidelines::Spanish,
            _ => NOTES
                .iter()
                .find(|(code, _)| *code == primary)
                .map_or(Guidelines::English, |(_, note)| {
                    Guidelines::EnglishWithNote(note)
                }),
        };
        Ok(Language {
            tag: id.to_string(),
            guidelines,
        })
    }

    /// The tag, as `book.toml` gets it.
    pub fn tag(&self) -> &str {
        &self.tag
    }

    /// The guidelines and sample the language gets.
    pub fn guidelines(&self) -> Guidelines {
        self.guidelines
    }

    /// Whether the pages of a program in this language will be in English: mentorbook ships no
    /// strings for it (see [`crate::render::strings::SHIPPED`]).
    pub fn interface_is_english(&self) -> bool {
        let english = self.tag.split('-').next() == Some("en");
        !english && crate::render::strings::shipped(&self.tag).is_empty()
    }
}

impl Default for Language {
    fn default() -> Language {
        Language {
            tag: "en".to_owned(),
            guidelines: Guidelines::English,
        }
    }
}

impl std::str::FromStr for Language {
    type Err = String;

    fn from_str(text: &str) -> Result<Language, String> {
        Language::parse(text)
    }
}

/// `text` (a file `init` writes, named `rel`) with `note` at its top, as a comment of the file's
/// kind: `#` lines in YAML (after the editor's `$schema` line, which editors read first) and TOML,
/// an HTML comment after a Markdown chapter's front matter (which must open the file). A file of
/// another kind is left as it is.
pub fn with_note(rel: &str, text: &str, note: &[&str]) -> String {
    let hashed: String = note.iter().map(|l| format!("# {l}\n")).collect();
    if rel.ends_with(".yaml") || rel.ends_with(".yml") {
        match text.split_once('\n') {
            Some((first, rest)) if first.starts_with("# yaml-language-server:") => {
                format!("{first}\n{hashed}{rest}")
            }
            _ => format!("{hashed}{text}"),
        }
    } else if rel.ends_with(".toml") {
        format!("{hashed}{text}")
    } else if rel.ends_with(".md") {
        let comment = format!("<!-- {} -->\n", note.join("\n     "));
        match front_matter_end(text) {
            Some(end) => format!("{}{comment}{}", &text[..end], &text[end..]),
            None => format!("{comment}{text}"),
        }
    } else {
        text.to_owned()
    }
}

/// Where a chapter's front matter ends: just past its closing `---` line.
fn front_matter_end(text: &str) -> Option<usize> {
    let rest = text.strip_prefix("---\n")?;
    let close = rest.find("\n---\n")?;
    Some(4 + close + 5)
}

/// `book.toml`'s text with its `language = "..."` line set to `tag`.
pub fn with_language(book_toml: &str, tag: &str) -> String {
    book_toml
        .lines()
        .map(|line| {
            if line.starts_with("language = ") {
                format!("language = \"{tag}\"\n")
            } else {
                format!("{line}\n")
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_checked_and_written_in_canonical_case() {
        assert_eq!(
            Language::parse("es").unwrap().guidelines(),
            Guidelines::Spanish
        );
        assert_eq!(
            Language::parse("es-MX").unwrap().guidelines(),
            Guidelines::Spanish
        );
        assert_eq!(Language::parse("PT-br").unwrap().tag(), "pt-BR");
        assert!(matches!(
            Language::parse("fr-CA").unwrap().guidelines(),
            Guidelines::EnglishWithNote(_)
        ));
        assert_eq!(
            Language::parse("en-US").unwrap().guidelines(),
            Guidelines::English
        );
        assert_eq!(
            Language::parse("nl").unwrap().guidelines(),
            Guidelines::English
        );
        for bad in [
            "",
            "english",
            "e",
            "pt_BR",
            "es-",
            "123",
            "fr-FRANCE-123456789",
        ] {
            assert!(Language::parse(bad).is_err(), "{bad} was taken");
        }
        assert!(Language::parse("pt_BR").unwrap_err().contains("`pt-BR`"));
    }

    #[test]
    fn notes_go_where_each_kind_of_file_keeps_comments() {
        let note = &["one", "two"];
        assert_eq!(
            with_note(
                "a.yaml",
                "# yaml-language-server: $schema=x\ntitle: T\n",
                note
            ),
            "# yaml-language-server: $schema=x\n# one\n# two\ntitle: T\n"
        );
        assert_eq!(
            with_note("a.yaml", "title: T\n", note),
            "# one\n# two\ntitle: T\n"
        );
        assert_eq!(
            with_note("book.toml", "[book]\n", note),
            "# one\n# two\n[book]\n"
        );
        assert_eq!(
            with_note("c.md", "---\ntitle: T\n---\n\nBody\n", note),
            "---\ntitle: T\n---\n<!-- one\n     two -->\n\nBody\n"
        );
        assert_eq!(with_note("x.json", "{}", note), "{}");
    }

    #[test]
    fn the_language_line_is_replaced() {
        assert_eq!(
            with_language("[book]\ntitle = \"T\"\nlanguage = \"en\"\n", "fr"),
            "[book]\ntitle = \"T\"\nlanguage = \"fr\"\n"
        );
    }
}
