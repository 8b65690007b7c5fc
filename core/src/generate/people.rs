//! Words that mark a person: offices, nationalities, relatives, and the verbs whose
//! object is a person. They decide "who" over "what".

use super::lexicon::lexicon;
use super::tokens::Token;

/// Whether a noun before "named" is a person: a nationality, an office or a word for a
/// person ("a Frankish monk named Alcuin", "a Norman named Oursel").
pub(super) fn names_a_person(t: &Token) -> bool {
    let lex = lexicon();
    lex.is_demonym(&t.text)
        || lex.is_title(&t.lower)
        || matches!(
            t.lower.as_str(),
            "man"
                | "woman"
                | "boy"
                | "girl"
                | "monk"
                | "nun"
                | "priest"
                | "soldier"
                | "knight"
                | "merchant"
                | "sailor"
                | "scholar"
                | "poet"
                | "chronicler"
                | "leader"
                | "noble"
                | "nobleman"
                | "warrior"
                | "mercenary"
                | "adventurer"
                | "prisoner"
                | "captive"
                | "pretender"
        )
        || RELATION_WORDS.contains(&t.lower.as_str())
}

/// Verbs whose object is a person.
pub(super) const PERSON_OBJECT_VERBS: &[&str] = &[
    "marry",
    "wed",
    "succeed",
    "appoint",
    "crown",
    "murder",
    "assassinate",
    "execute",
    "depose",
    "exile",
    "elect",
    "behead",
    "excommunicate",
    "knight",
    "betroth",
];

/// Words for relatives and successors, which name the person after them ("his son
/// Duncan", "Emma, sister of Richard").
pub(super) const RELATION_WORDS: &[&str] = &[
    "son",
    "daughter",
    "brother",
    "sister",
    "wife",
    "husband",
    "father",
    "mother",
    "nephew",
    "niece",
    "uncle",
    "aunt",
    "cousin",
    "heir",
    "grandson",
    "granddaughter",
    "widow",
    "successor",
    "predecessor",
];
