//! Portuguese: Jacques Savoy's light stemmer, and the most frequent words of Snowball's list.

use super::Rule;

const fn r(n: u8, suffix: &'static str, with: &'static str) -> Rule {
    Rule::at_least(n, suffix, with)
}

/// Jacques Savoy's light stemmer for Portuguese ("Light Stemming Approaches for the French,
/// Portuguese, German and Hungarian Languages", ACM SAC 2006; Lucene's `PortugueseLightStemmer`),
/// written on folded words (`-ões` is `-oes`): plurals (`-ns` to `-m`, `-eis` to `-el`,
/// `-ões` and `-ães` to `-ão`...), `-mente`, then feminine forms to the masculine
/// (`-eira` to `-eiro`, `-ona` to `-ão`...), then a final `e`, `a` or `o`. So *reunião*
/// and *reuniões* are `reunia`, *objetivo* and *objetivos* are `objetiv`.
///
/// Savoy's stemmer leaves words of fewer than four letters alone; every rule here asks for at
/// least four.
pub(super) const STEPS: &[&[Rule]] = &[
    // Plurals and adverbs.
    &[
        r(5, "res", "r"),
        r(5, "ses", "s"),
        r(5, "les", "l"),
        r(5, "zes", "z"),
        r(4, "ns", "m"),
        r(5, "eis", "el"),
        r(5, "ais", "al"),
        r(5, "ois", "ol"),
        r(5, "is", "il"),
        r(4, "oes", "ao"),
        r(4, "aes", "ao"),
        r(7, "mente", ""),
        r(4, "s", ""),
    ],
    // Feminine to masculine.
    &[
        r(8, "inha", "inho"),
        r(8, "iaca", "iaco"),
        r(8, "eira", "eiro"),
        r(7, "osa", "oso"),
        r(7, "ica", "ico"),
        r(7, "ida", "ido"),
        r(7, "ada", "ado"),
        r(7, "iva", "ivo"),
        r(7, "ama", "amo"),
        r(7, "ona", "ao"),
        r(7, "ora", "or"),
        r(7, "esa", "es"),
        r(7, "na", "no"),
    ],
    // A final vowel.
    &[r(5, "e", ""), r(5, "a", ""), r(5, "o", "")],
];

/// The most frequent Portuguese words: the ranked part of the Snowball project's Portuguese stop
/// word list (snowballstem.org, `algorithms/portuguese/stop.txt`, BSD licence), with the verb
/// forms it ranks there, its pronouns and demonstratives; folded (*não* is `nao`).
pub(super) const STOP: &[&str] = &[
    "a", "ao", "aos", "aquela", "aquelas", "aquele", "aqueles", "aquilo", "as", "ate", "com",
    "como", "da", "das", "de", "dela", "delas", "dele", "deles", "depois", "do", "dos", "e", "ela",
    "elas", "ele", "eles", "em", "entre", "era", "eram", "essa", "essas", "esse", "esses", "esta",
    "estao", "estas", "este", "estes", "eu", "foi", "foram", "fosse", "ha", "havia", "isso",
    "isto", "ja", "lhe", "lhes", "mais", "mas", "me", "mesmo", "meu", "meus", "minha", "minhas",
    "muito", "na", "nao", "nas", "nem", "no", "nos", "nossa", "nossas", "nosso", "nossos", "num",
    "numa", "o", "os", "ou", "para", "pela", "pelas", "pelo", "pelos", "por", "qual", "quando",
    "que", "quem", "sao", "se", "seja", "sem", "ser", "sera", "seu", "seus", "so", "somos", "sou",
    "sua", "suas", "tambem", "te", "tem", "tenho", "ter", "teu", "teus", "tinha", "tu", "tua",
    "tuas", "um", "uma", "voce", "voces", "vos",
];
