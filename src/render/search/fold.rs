//! Letters the search index writes as others: accents off, so that a reader who types without
//! them still finds the words.

/// Latin letters with accents and a few others, lower-case, and what the index writes for them,
/// so that *lopez* finds *López* and *muller* finds *Müller* (in every language). Sorted, for
/// binary search; shipped in the index for `search.js`.
#[rustfmt::skip]
pub const FOLD: &[(char, &str)] = &[
    ('ß', "ss"), ('à', "a"), ('á', "a"), ('â', "a"), ('ã', "a"), ('ä', "a"), ('å', "a"),
    ('æ', "ae"), ('ç', "c"), ('è', "e"), ('é', "e"), ('ê', "e"), ('ë', "e"), ('ì', "i"),
    ('í', "i"), ('î', "i"), ('ï', "i"), ('ð', "d"), ('ñ', "n"), ('ò', "o"), ('ó', "o"),
    ('ô', "o"), ('õ', "o"), ('ö', "o"), ('ø', "o"), ('ù', "u"), ('ú', "u"), ('û', "u"),
    ('ü', "u"), ('ý', "y"), ('þ', "th"), ('ÿ', "y"), ('ā', "a"), ('ă', "a"), ('ą', "a"),
    ('ć', "c"), ('ĉ', "c"), ('ċ', "c"), ('č', "c"), ('ď', "d"), ('đ', "d"), ('ē', "e"),
    ('ĕ', "e"), ('ė', "e"), ('ę', "e"), ('ě', "e"), ('ĝ', "g"), ('ğ', "g"), ('ġ', "g"),
    ('ģ', "g"), ('ĥ', "h"), ('ħ', "h"), ('ĩ', "i"), ('ī', "i"), ('ĭ', "i"), ('į', "i"),
    ('ı', "i"), ('ĵ', "j"), ('ķ', "k"), ('ĺ', "l"), ('ļ', "l"), ('ľ', "l"), ('ŀ', "l"),
    ('ł', "l"), ('ń', "n"), ('ņ', "n"), ('ň', "n"), ('ŋ', "n"), ('ō', "o"), ('ŏ', "o"),
    ('ő', "o"), ('œ', "oe"), ('ŕ', "r"), ('ŗ', "r"), ('ř', "r"), ('ś', "s"), ('ŝ', "s"),
    ('ş', "s"), ('š', "s"), ('ţ', "t"), ('ť', "t"), ('ŧ', "t"), ('ũ', "u"), ('ū', "u"),
    ('ŭ', "u"), ('ů', "u"), ('ű', "u"), ('ų', "u"), ('ŵ', "w"), ('ŷ', "y"), ('ź', "z"),
    ('ż', "z"), ('ž', "z"),
];
