//! Spanish: Jacques Savoy's light stemmer, and the most frequent words of Snowball's list.

use super::Rule;

const fn r(n: u8, suffix: &'static str, with: &'static str) -> Rule {
    Rule::at_least(n, suffix, with)
}

/// Jacques Savoy's light stemmer for Spanish ("Report on CLEF-2001 Experiments", University of
/// Neuchâtel; Lucene's `SpanishLightStemmer`), rule for rule: in a word of five letters or more,
/// a final `o`, `a` or `e` goes; `-eses` becomes `-es` (*meses*, *mes*), `-ces` becomes
/// `-z` (*luces*, *luz*), and `-os`, `-as`, `-es` go. So *reunión* and *reuniones* are
/// `reunion`, *objetivo* and *objetivos* are `objetiv`.
pub(super) const STEPS: &[&[Rule]] = &[&[
    r(5, "o", ""),
    r(5, "a", ""),
    r(5, "e", ""),
    r(5, "eses", "es"),
    r(5, "ces", "z"),
    r(5, "os", ""),
    r(5, "as", ""),
    r(5, "es", ""),
]];

/// The most frequent Spanish words: the ranked part of the Snowball project's Spanish stop word
/// list (snowballstem.org, `algorithms/spanish/stop.txt`, BSD licence), with the forms of *ser*,
/// *estar* and *haber* it ranks there, and its personal pronouns; folded (*más* is `mas`).
pub(super) const STOP: &[&str] = &[
    "a", "al", "algo", "algunas", "algunos", "ante", "antes", "como", "con", "contra", "cual",
    "cuando", "de", "del", "desde", "donde", "durante", "e", "el", "ella", "ellas", "ellos", "en",
    "entre", "era", "eran", "eres", "es", "esa", "esas", "ese", "eso", "esos", "esta", "estaba",
    "estamos", "estan", "estar", "estas", "este", "esto", "estos", "fue", "fueron", "ha", "haber",
    "habia", "han", "hasta", "hay", "la", "las", "le", "les", "lo", "los", "mas", "me", "mi",
    "mis", "mucho", "muchos", "muy", "nada", "ni", "no", "nos", "nosotras", "nosotros", "o", "os",
    "otra", "otras", "otro", "otros", "para", "pero", "poco", "por", "porque", "que", "quien",
    "quienes", "se", "sea", "ser", "si", "sin", "sobre", "son", "soy", "su", "sus", "tambien",
    "tanto", "te", "ti", "tiene", "todo", "todos", "tu", "tus", "un", "una", "uno", "unos",
    "vosotras", "vosotros", "y", "ya", "yo",
];
