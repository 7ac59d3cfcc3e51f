//! French: Jacques Savoy's light stemmer, and the Snowball project's stop words.

use super::Rule;

const fn r(n: u8, suffix: &'static str, with: &'static str) -> Rule {
    Rule::at_least(n, suffix, with)
}

/// Jacques Savoy's light stemmer for French ("Light Stemming Approaches for the French,
/// Portuguese, German and Hungarian Languages", ACM SAC 2006; Lucene's `FrenchLightStemmer`), on
/// folded words (`-ième` is `-ieme`): plurals in `x` (`-aux` to `-al`) and `s`; then one of
/// a chain of derivational endings (`-ement`, `-ateur`, `-trice`, `-euse`, `-ive`, `-ation`...);
/// then `-ie`, and a final `r`, `e` or `er`. So *réunion* and *réunions* are `reunion`,
/// *objectif*, *objectifs* and *objective* are `objectif`, *rencontre* and *rencontrer* are
/// `rencontr`.
///
/// Where Savoy's code goes on after a rule, the rules here say where it ends up: `-trice`
/// becomes `-teur`, which his next rules make `-ter` in a word long enough. Two differences:
/// Savoy makes every doubled letter of a word single (*communication*, *comunication*), and these
/// rules only a doubled letter at the end; and after `-ique` his code looks for the endings
/// after it again, which no French word needs.
pub(super) const STEPS: &[&[Rule]] = &[
    // Plurals: -eaux, -aux (chevaux, cheval), -x, -s.
    &[r(6, "eaux", "eau"), r(6, "aux", "al"), r(6, "x", "")],
    &[r(4, "x", "")],
    &[r(4, "s", "")],
    // Derivational endings, in Savoy's order (the first that fits).
    &[
        r(10, "issement", "ir"),
        r(9, "issant", "ir"),
        r(8, "ivement", "if"),
        r(7, "ement", "e"),
        r(12, "ficatrice", "fier"),
        r(11, "ficateur", "fier"),
        r(10, "catrice", "quer"),
        r(9, "cateur", "quer"),
        r(9, "atrice", "er"),
        r(8, "ateur", "er"),
        r(8, "trice", "ter"),
        r(7, "trice", "teur"),
        r(6, "ieme", ""),
        r(8, "teuse", "ter"),
        r(7, "teur", "ter"),
        r(6, "euse", "eu"),
        r(9, "ere", "er"),
        r(8, "ive", "if"),
        r(5, "folle", "fou"),
        r(5, "molle", "mou"),
        r(10, "nnelle", "n"),
        r(10, "nnel", "n"),
        r(5, "ete", "et"),
        r(9, "ique", ""),
        r(9, "esse", "e"),
        r(8, "inage", "in"),
        r(13, "ualisation", "uel"),
        r(10, "isation", ""),
        r(9, "ation", ""),
        r(9, "ition", ""),
    ],
    &[r(5, "ie", "")],
    // A final r, e, or both, in a word of five letters or more.
    &[
        r(5, "eer", ""),
        r(5, "ee", ""),
        r(5, "er", ""),
        r(5, "r", ""),
        r(5, "e", ""),
    ],
    // A doubled letter at the end.
    &[
        r(4, "bb", "b"),
        r(4, "cc", "c"),
        r(4, "dd", "d"),
        r(4, "ff", "f"),
        r(4, "gg", "g"),
        r(4, "ll", "l"),
        r(4, "mm", "m"),
        r(4, "nn", "n"),
        r(4, "pp", "p"),
        r(4, "rr", "r"),
        r(4, "ss", "s"),
        r(4, "tt", "t"),
        r(4, "zz", "z"),
    ],
];

/// French words too common to search for: the Snowball project's French stop word list
/// (snowballstem.org, `algorithms/french/stop.txt`, BSD licence) without the rarest forms of
/// *être* and *avoir* (*fûmes*, *eussions*...); folded (*même* is `meme`). Like Snowball's, it
/// leaves out words that are also nouns (*été*, *son*, *est*, *as*, *avions*).
pub(super) const STOP: &[&str] = &[
    "a", "ai", "aient", "ait", "au", "aurai", "auraient", "aurais", "aurait", "aurez", "auriez",
    "aurions", "aurons", "auront", "aux", "avaient", "avais", "avait", "avec", "avez", "aviez",
    "avons", "ayant", "ayez", "ayons", "c", "ce", "ceci", "cela", "ces", "cet", "cette", "d",
    "dans", "de", "des", "du", "elle", "en", "es", "et", "etaient", "etais", "etait", "etant",
    "etee", "etees", "etes", "etiez", "etions", "eu", "eue", "eues", "eus", "eut", "eux", "furent",
    "fus", "fut", "ici", "il", "ils", "j", "je", "l", "la", "le", "les", "leur", "leurs", "lui",
    "m", "ma", "mais", "me", "meme", "mes", "moi", "mon", "n", "ne", "nos", "notre", "nous", "on",
    "ont", "ou", "par", "pas", "pour", "qu", "que", "quel", "quelle", "quelles", "quels", "qui",
    "s", "sa", "sans", "se", "sera", "serai", "seraient", "serais", "serait", "seras", "serez",
    "seriez", "serions", "serons", "seront", "ses", "soi", "soient", "sois", "soit", "sont",
    "soyez", "soyons", "suis", "sur", "t", "ta", "te", "tes", "toi", "ton", "tu", "un", "une",
    "vos", "votre", "vous", "y",
];

/// Words French writes elided into the next, left out of words: *l'objectif* is *objectif*,
/// *qu'il* is *il*. The list of Lucene's `FrenchAnalyzer` (its `ElisionFilter`'s articles).
pub(super) const ELISION: &[&str] = &[
    "c", "d", "j", "jusqu", "l", "lorsqu", "m", "n", "puisqu", "qu", "quoiqu", "s", "t",
];
