//! English: a small suffix stemmer of mentorbook's own, and common words.

use super::Rule;

const fn r(suffix: &'static str, with: &'static str) -> Rule {
    Rule::ends(suffix, with)
}

/// Plurals, `-ing`, `-ed`, `-ies`, then a final `e` or a doubled consonant, so that *meeting*,
/// *meetings* and *meet*, *agree* and *agrees*, or *planned* and *plan* find each other. Rules
/// that map a suffix to itself (`ss`, `eed`) protect words like *process* or *need* from the rules
/// after them. No rule has a length of its own: each makes a word of at least three letters.
pub(super) const STEPS: &[&[Rule]] = &[
    &[
        r("ies", "y"),
        r("ied", "y"),
        r("ings", ""),
        r("ing", ""),
        r("eed", "eed"),
        r("ed", ""),
        r("sses", "ss"),
        r("ches", "ch"),
        r("shes", "sh"),
        r("xes", "x"),
        r("ss", "ss"),
        r("us", "us"),
        r("is", "is"),
        r("s", ""),
    ],
    &[
        r("e", ""),
        r("bb", "b"),
        r("dd", "d"),
        r("gg", "g"),
        r("mm", "m"),
        r("nn", "n"),
        r("pp", "p"),
        r("rr", "r"),
        r("tt", "t"),
    ],
];

/// Common English words that would match almost every section.
pub(super) const STOP: &[&str] = &[
    "a", "about", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be",
    "been", "before", "both", "but", "by", "can", "could", "did", "do", "does", "each", "for",
    "from", "had", "has", "have", "he", "her", "his", "how", "i", "if", "in", "into", "is", "it",
    "its", "just", "may", "me", "more", "most", "my", "no", "not", "of", "on", "one", "or",
    "other", "our", "out", "over", "own", "she", "should", "so", "some", "such", "than", "that",
    "the", "their", "them", "then", "there", "these", "they", "this", "those", "to", "too", "up",
    "us", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "why",
    "will", "with", "would", "you", "your",
];
