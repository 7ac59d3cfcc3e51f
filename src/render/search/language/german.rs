//! German: Jacques Savoy's light stemmer, and common words of Snowball's list.

use super::Rule;

const fn r(n: u8, suffix: &'static str, with: &'static str) -> Rule {
    Rule::at_least(n, suffix, with)
}

/// Jacques Savoy's light stemmer for German ("Light Stemming Approaches for the French,
/// Portuguese, German and Hungarian Languages", ACM SAC 2006; Lucene's `GermanLightStemmer`), on
/// folded words (umlauts off, `ß` is `ss`): first `-ern`, `-em`, `-en`, `-er`, `-es`, a
/// final `e`, or an `s` after one of *b d f g h k l m n t*; then `-est`, `-er`, `-en`, or
/// `-st` after one of those letters. So *Ziele* and *Ziel* are `ziel`, *Treffen* and
/// *Treffens* are `treff`.
pub(super) const STEPS: &[&[Rule]] = &[
    &[
        r(6, "ern", ""),
        r(5, "em", ""),
        r(5, "en", ""),
        r(5, "er", ""),
        r(5, "es", ""),
        r(4, "e", ""),
        r(4, "bs", "b"),
        r(4, "ds", "d"),
        r(4, "fs", "f"),
        r(4, "gs", "g"),
        r(4, "hs", "h"),
        r(4, "ks", "k"),
        r(4, "ls", "l"),
        r(4, "ms", "m"),
        r(4, "ns", "n"),
        r(4, "ts", "t"),
    ],
    &[
        r(6, "est", ""),
        r(5, "er", ""),
        r(5, "en", ""),
        r(5, "bst", "b"),
        r(5, "dst", "d"),
        r(5, "fst", "f"),
        r(5, "gst", "g"),
        r(5, "hst", "h"),
        r(5, "kst", "k"),
        r(5, "lst", "l"),
        r(5, "mst", "m"),
        r(5, "nst", "n"),
        r(5, "tst", "t"),
    ],
];

/// Common German words: the Snowball project's German stop word list (snowballstem.org,
/// `algorithms/german/stop.txt`, BSD licence) without its rarer forms and the words that are
/// also nouns (*Weg*); folded (*für* is `fur`, *daß* is `dass`).
pub(super) const STOP: &[&str] = &[
    "aber", "alle", "allem", "allen", "aller", "alles", "als", "also", "am", "an", "auch", "auf",
    "aus", "bei", "bin", "bis", "bist", "da", "damit", "dann", "das", "dass", "dazu", "dein",
    "deine", "deinem", "deinen", "deiner", "dem", "den", "denn", "der", "des", "dich", "die",
    "dies", "diese", "diesem", "diesen", "dieser", "dieses", "dir", "doch", "dort", "du", "durch",
    "ein", "eine", "einem", "einen", "einer", "eines", "einmal", "er", "es", "etwas", "euch",
    "fur", "gegen", "habe", "haben", "hat", "hatte", "hatten", "hier", "hin", "ich", "ihm", "ihn",
    "ihnen", "ihr", "ihre", "ihrem", "ihren", "ihrer", "ihres", "im", "in", "indem", "ins", "ist",
    "jede", "jedem", "jeden", "jeder", "jedes", "jetzt", "kann", "kein", "keine", "keinem",
    "keinen", "keiner", "keines", "man", "mein", "meine", "meinem", "meinen", "meiner", "meines",
    "mich", "mir", "mit", "muss", "nach", "nicht", "nichts", "noch", "nun", "nur", "ob", "oder",
    "ohne", "sehr", "sein", "seine", "seinem", "seinen", "seiner", "seines", "selbst", "sich",
    "sie", "sind", "so", "solche", "soll", "sollte", "sondern", "sonst", "uber", "um", "und",
    "uns", "unser", "unsere", "unter", "viel", "vom", "von", "vor", "wahrend", "war", "waren",
    "was", "weil", "welche", "welchen", "welcher", "welches", "wenn", "werde", "werden", "wie",
    "wieder", "wir", "wird", "wo", "wurde", "zu", "zum", "zur", "zwar", "zwischen",
];
