//! The book's language as the search index treats its words: suffix rules that bring the forms of
//! a word to one stem, and stop words too common to index.
//!
//! The rules are data, not code: [`Language`] is shipped inside the index, and `static/search.js`
//! applies the same rules to what the reader types, so the browser and the index always agree on
//! what a word's stem is. Words reach the rules folded ([`super::text::fold_word`]: lower case,
//! apostrophes dropped, accents off), so the rules are written without accents.
//!
//! English has a small stemmer of its own; Spanish, French, German and Portuguese have Jacques
//! Savoy's light stemmers written as rules (one file each, citing its sources); any other language
//! is only folded. A new language is a file here and a line in [`Language::for_tag`].

mod english;
mod french;
mod german;
mod portuguese;
mod spanish;

use serde::Serialize;
use serde::ser::{SerializeTuple, Serializer};

use super::fold::FOLD;

/// A suffix rule: a word ending in `suffix` ends in `with` instead, when it is long enough.
///
/// In the index a rule is `[suffix, with]`, or `[suffix, with, at_least]` when it has a length of
/// its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    /// The ending the rule looks for.
    pub suffix: &'static str,
    /// What the ending becomes.
    pub with: &'static str,
    /// `None`: the rule applies when the word it makes has at least [`Language::min`] characters,
    /// and its step stops either way (the English rules). `Some(n)`: the rule applies to words of
    /// at least `n` characters (a light stemmer's `len > n - 1`), and a shorter word goes on to
    /// the step's next rule, as the published stemmers' chains of `if`s do.
    pub at_least: Option<u8>,
}

impl Rule {
    /// A rule without a length of its own: see [`Rule::at_least`].
    pub const fn ends(suffix: &'static str, with: &'static str) -> Rule {
        Rule {
            suffix,
            with,
            at_least: None,
        }
    }

    /// A rule for words of at least `n` characters: see [`Rule::at_least`].
    pub const fn at_least(n: u8, suffix: &'static str, with: &'static str) -> Rule {
        Rule {
            suffix,
            with,
            at_least: Some(n),
        }
    }
}

impl Serialize for Rule {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut t = s.serialize_tuple(if self.at_least.is_some() { 3 } else { 2 })?;
        t.serialize_element(self.suffix)?;
        t.serialize_element(self.with)?;
        if let Some(n) = self.at_least {
            t.serialize_element(&n)?;
        }
        t.end()
    }
}

/// How the index treats the words of the book's language: shipped in the index so that the
/// browser stems the reader's words with the same rules.
#[derive(Debug, Clone, Serialize)]
pub struct Language {
    /// Rule steps, applied in order. In each step the first rule whose suffix ends the word and
    /// whose length condition holds applies, and the step stops; a rule without a length of its
    /// own stops its step even when the word is too short ([`Rule::at_least`]).
    pub steps: &'static [&'static [Rule]],
    /// The shortest word a rule without a length of its own may make.
    pub min: usize,
    /// Words too common to index (matched before stemming), folded and sorted.
    pub stop: &'static [&'static str],
    /// Words that the language elides into the next (French *l'*, *qu'*): at the start of a word,
    /// before an apostrophe, in any case, they are left out ([`Language::unelide`]). Not in the
    /// index when empty.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub elision: &'static [&'static str],
    /// Letters written as others in the index ([`FOLD`]), before stop words and stems.
    pub fold: &'static [(char, &'static str)],
}

impl Language {
    /// The rules for a BCP 47 language tag, by its primary subtag (`es`, `es-MX` and `es_419` are
    /// Spanish): English, Spanish, French, German and Portuguese stem and drop stop words; any
    /// other language is only folded, and the reader's words match by prefix.
    pub fn for_tag(tag: &str) -> Language {
        let primary = tag.split(['-', '_']).next().unwrap_or("");
        type Words = &'static [&'static str];
        let (steps, stop, elision): (&[&[Rule]], Words, Words) =
            match primary.to_ascii_lowercase().as_str() {
                "en" => (english::STEPS, english::STOP, &[]),
                "es" => (spanish::STEPS, spanish::STOP, &[]),
                "fr" => (french::STEPS, french::STOP, french::ELISION),
                "de" => (german::STEPS, german::STOP, &[]),
                "pt" => (portuguese::STEPS, portuguese::STOP, &[]),
                _ => (&[], &[], &[]),
            };
        Language {
            steps,
            min: 3,
            stop,
            elision,
            fold: FOLD,
        }
    }

    /// `word` (as written) without the elided word it starts with: `l'objectif` is `objectif`
    /// in French. `search.js`'s `clean` does the same.
    pub fn unelide<'w>(&self, word: &'w str) -> &'w str {
        if self.elision.is_empty() {
            return word;
        }
        let Some((at, apostrophe)) = word.char_indices().find(|&(_, c)| c == '\'' || c == '’')
        else {
            return word;
        };
        let before = word[..at].to_lowercase();
        if self.elision.contains(&before.as_str()) {
            &word[at + apostrophe.len_utf8()..]
        } else {
            word
        }
    }

    /// Whether `word` (folded) is too common to index.
    pub fn is_stop(&self, word: &str) -> bool {
        self.stop.binary_search(&word).is_ok()
    }

    /// The stem of `word` (folded).
    pub fn stem(&self, word: &str) -> String {
        let mut w = word.to_owned();
        for step in self.steps {
            for rule in *step {
                if !w.ends_with(rule.suffix) {
                    continue;
                }
                let rest = w.len() - rule.suffix.len();
                let long_enough = match rule.at_least {
                    Some(n) => w.chars().count() >= usize::from(n),
                    None => w[..rest].chars().count() + rule.with.chars().count() >= self.min,
                };
                if long_enough {
                    w.truncate(rest);
                    w.push_str(rule.with);
                } else if rule.at_least.is_some() {
                    continue;
                }
                break;
            }
        }
        w
    }
}

#[cfg(test)]
mod tests;
