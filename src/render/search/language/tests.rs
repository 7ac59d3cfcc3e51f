//! The languages' rules: families of words meet at one stem, stop words are dropped, and the
//! tables are what the rules' code expects.

use super::*;
use crate::render::search::text::words;

/// The stem of `word` as the index makes it: folded, then stemmed.
fn stem(lang: &Language, word: &str) -> String {
    let folded: Vec<String> = words(word).collect();
    assert_eq!(folded.len(), 1, "{word:?} is one word");
    lang.stem(&folded[0])
}

/// Asserts that each group of words has one stem, and that the groups' stems differ.
fn families(tag: &str, groups: &[&[&str]]) {
    let lang = Language::for_tag(tag);
    let mut seen: Vec<(String, &str)> = Vec::new();
    for group in groups {
        let first = stem(&lang, group[0]);
        for word in &group[1..] {
            assert_eq!(stem(&lang, word), first, "{tag}: {} and {word}", group[0]);
        }
        if let Some((_, other)) = seen.iter().find(|(s, _)| *s == first) {
            panic!("{tag}: {} and {other} have one stem, {first}", group[0]);
        }
        seen.push((first, group[0]));
    }
}

#[test]
fn english_stems_bring_forms_together() {
    let en = Language::for_tag("en-GB");
    for (a, b) in [
        ("meeting", "meetings"),
        ("meet", "meetings"),
        ("agree", "agrees"),
        ("mentee", "mentees"),
        ("boundary", "boundaries"),
        ("match", "matches"),
        ("goal", "goals"),
        ("getting", "get"),
        ("planned", "plan"),
        ("need", "needed"),
    ] {
        assert_eq!(en.stem(a), en.stem(b), "{a} and {b}");
    }
    assert_eq!(en.stem("process"), "process");
    assert_eq!(en.stem("status"), "status");
    assert_eq!(en.stem("is"), "is");
    // A rule without a length of its own stops its step even when the word is too short.
    assert_eq!(en.stem("ties"), "ties");
    assert_eq!(en.stem("kings"), "kings");
}

#[test]
fn spanish_forms_meet() {
    families(
        "es",
        &[
            &["reunión", "reuniones", "Reunión"],
            &["objetivo", "objetivos", "objetiva"],
            &["mentora", "mentoras", "mentor", "mentores"],
            &["acuerdo", "acuerdos"],
            &["luz", "luces"],
            &["mes", "meses"],
            &["tarea", "tareas"],
        ],
    );
    let es = Language::for_tag("es");
    assert_eq!(es.stem("reuniones"), "reunion");
    // Savoy leaves words of four letters alone: *meta* and *metas* meet only by their beginning.
    assert_eq!(es.stem("meta"), "meta");
    assert_eq!(es.stem("metas"), "met");
}

#[test]
fn french_forms_meet() {
    families(
        "fr",
        &[
            &["réunion", "réunions", "REUNIONS"],
            &["objectif", "objectifs", "objective", "objectives"],
            &["rencontre", "rencontres", "rencontrer"],
            &["cheval", "chevaux"],
            &["nouvel", "nouvelle", "nouvelles"],
            &["directeur", "directrice", "directrices"],
            &["chanteur", "chanteuse", "chanter"],
        ],
    );
    let fr = Language::for_tag("fr-CA");
    assert_eq!(fr.stem("reunions"), "reunion");
    assert_eq!(fr.stem("beaux"), "beau");
}

#[test]
fn german_forms_meet() {
    families(
        "de",
        &[
            &["Ziele", "Ziel", "Zielen", "Ziels"],
            &["Treffen", "Treffens", "treffe"],
            &["Straße", "Straßen", "strasse"],
            &["Gespräch", "Gespräche", "Gesprächen", "gesprach"],
            &["Gruppe", "Gruppen"],
        ],
    );
    // A known limit of Savoy's light stemmer: -innen is not -in.
    let de = Language::for_tag("de");
    assert_ne!(de.stem("mentorinnen"), de.stem("mentorin"));
}

#[test]
fn portuguese_forms_meet() {
    families(
        "pt-BR",
        &[
            &["reunião", "reuniões", "reuniao"],
            &["objetivo", "objetivos", "objetiva"],
            &["nação", "nações"],
            &["papel", "papéis"],
            &["homem", "homens"],
            &["mentora", "mentor", "mentores"],
            &["rapidamente", "rápida"],
        ],
    );
}

#[test]
fn the_language_is_its_primary_subtag() {
    for tag in ["es", "es-MX", "ES", "es_419"] {
        assert_eq!(Language::for_tag(tag).steps, spanish::STEPS, "{tag}");
    }
    assert_eq!(Language::for_tag("pt-PT").stop, portuguese::STOP);
    assert_eq!(Language::for_tag("de-AT").steps, german::STEPS);
    assert_eq!(Language::for_tag("en").steps, english::STEPS);
    // Any other language is only folded: no stems, no stop words.
    for tag in ["it", "nl", "ar", "", "esperanto", "e"] {
        let lang = Language::for_tag(tag);
        assert!(lang.steps.is_empty() && lang.stop.is_empty(), "{tag}");
        assert_eq!(lang.stem("riunioni"), "riunioni");
    }
}

#[test]
fn stop_words_are_dropped() {
    for (tag, common, kept) in [
        ("en", &["the", "and", "with"][..], &["meeting", "goals"][..]),
        (
            "es",
            &["de", "la", "que", "mas", "tambien", "esta"],
            &["reunion", "objetivo"],
        ),
        (
            "fr",
            &["le", "et", "les", "meme", "etait", "l"],
            &["reunion", "objectif"],
        ),
        (
            "de",
            &["der", "und", "fur", "uber", "dass"],
            &["ziel", "treffen"],
        ),
        (
            "pt",
            &["de", "nao", "voce", "tambem", "ja"],
            &["reuniao", "objetivo"],
        ),
    ] {
        let lang = Language::for_tag(tag);
        for w in common {
            assert!(lang.is_stop(w), "{tag}: {w} is a stop word");
        }
        for w in kept {
            assert!(!lang.is_stop(w), "{tag}: {w} is indexed");
        }
    }
    assert!(!Language::for_tag("fr").is_stop("the"));
}

#[test]
fn stop_words_are_folded_and_sorted_for_binary_search() {
    for stop in [
        english::STOP,
        spanish::STOP,
        french::STOP,
        german::STOP,
        portuguese::STOP,
    ] {
        assert!(stop.windows(2).all(|w| w[0] < w[1]), "{stop:?}");
        for w in stop {
            assert_eq!(words(w).collect::<Vec<_>>(), [*w], "{w} is folded");
        }
        assert!(
            (90..=170).contains(&stop.len()),
            "{} stop words",
            stop.len()
        );
    }
}

#[test]
fn rules_are_written_on_folded_words() {
    for steps in [
        english::STEPS,
        spanish::STEPS,
        french::STEPS,
        german::STEPS,
        portuguese::STEPS,
    ] {
        for rule in steps.iter().flat_map(|s| s.iter()) {
            for part in [rule.suffix, rule.with] {
                assert!(
                    part.chars().all(|c| c.is_ascii_lowercase()),
                    "{rule:?}: rules see folded words"
                );
            }
            assert!(!rule.suffix.is_empty(), "{rule:?}");
        }
    }
}

#[test]
fn rules_ship_as_pairs_or_triples() {
    let en = serde_json::to_string(&Language::for_tag("en").steps[1][..2]).unwrap();
    assert_eq!(en, r#"[["e",""],["bb","b"]]"#);
    let es = serde_json::to_string(&Language::for_tag("es").steps[0][3]).unwrap();
    assert_eq!(es, r#"["eses","es",5]"#);
}

#[test]
fn a_rule_too_long_for_the_word_lets_the_next_one_try() {
    const STEPS: &[&[Rule]] = &[&[Rule::at_least(6, "eis", "el"), Rule::at_least(4, "s", "")]];
    let lang = Language {
        steps: STEPS,
        min: 3,
        stop: &[],
        elision: &[],
        fold: FOLD,
    };
    assert_eq!(lang.stem("papeis"), "papel");
    assert_eq!(lang.stem("leis"), "lei");
    assert_eq!(lang.stem("eis"), "eis");
}

#[test]
fn french_leaves_elided_words_out() {
    let fr = Language::for_tag("fr");
    for (word, left) in [
        ("l'objectif", "objectif"),
        ("L’Objectif", "Objectif"),
        ("qu'il", "il"),
        ("jusqu'au", "au"),
        ("aujourd'hui", "aujourd'hui"),
        ("'l", "'l"),
        ("objectif", "objectif"),
    ] {
        assert_eq!(fr.unelide(word), left, "{word}");
    }
    // Other languages keep the apostrophe's word: English drops only the apostrophe.
    assert_eq!(Language::for_tag("en").unelide("l'objectif"), "l'objectif");
    assert_eq!(
        Language::for_tag("it").unelide("l'obiettivo"),
        "l'obiettivo"
    );
}
