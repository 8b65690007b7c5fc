//! Which people a text marks as women, so that "she" is resolved to a woman and
//! "he" or "his" never is. Round 25 turned "Once she was gone, he was sole ruler"
//! into "Once Thutmose III was gone, Thutmose III was sole ruler" (she was
//! Hatshepsut), and round 22's Heian text got "Sei Shōnagon's son" for "his son".
//!
//! The text says so in two ways this reads: a woman's noun just before the name
//! ("his stepmother and aunt, Hatshepsut", "Queen Mary", "the widow Agnes"), or
//! "she" or "her own" soon after it with no other person between ("Hatshepsut, who
//! ruled as king in her own right"). Nothing else is guessed: a name the text does
//! not mark stays a person of either sex.

use std::collections::HashSet;

use super::entities::EntityKind;
use super::questions::answer_text;
use super::text::Sentence;

/// Nouns and titles that make the person named next a woman.
const WOMEN_NOUNS: &[&str] = &[
    "queen",
    "empress",
    "princess",
    "lady",
    "wife",
    "widow",
    "mother",
    "stepmother",
    "grandmother",
    "daughter",
    "stepdaughter",
    "sister",
    "aunt",
    "niece",
    "duchess",
    "countess",
    "baroness",
    "marchioness",
    "abbess",
    "nun",
    "consort",
    "heiress",
    "mistress",
    "dame",
    "madame",
    "mme",
    "mrs",
    "miss",
    "woman",
    "girl",
];

/// How many words after a name a "she" or "her own" still points back to it.
const NEAR: usize = 12;

/// The names (as [`answer_text`] writes them) the text marks as women's.
pub(super) fn women(sents: &[Sentence]) -> HashSet<String> {
    let mut out = HashSet::new();
    for s in sents.iter().filter(|s| !s.boilerplate) {
        let people: Vec<_> = s
            .entities
            .iter()
            .filter(|e| e.kind == EntityKind::Person)
            .collect();
        for (i, e) in people.iter().enumerate() {
            let from = e.title.map_or(e.start, |t| t.0);
            // A woman's noun among the four words before the name (or its title),
            // past commas and "and" ("his stepmother and aunt, Hatshepsut").
            // Not past the person named before ("Queen Mary married Philip").
            let lo = from
                .saturating_sub(4)
                .max(i.checked_sub(1).map_or(0, |p| people[p].end))
                .min(e.start);
            let noun_before = s.tokens[lo..e.start]
                .iter()
                .any(|t| WOMEN_NOUNS.contains(&t.lower.trim_end_matches('.')));
            // "she" or "her own" after the name, before the next person and with no
            // other woman's noun between ("Philip sent his sister, and she …").
            // A bare "her" may be another's ("Philip gave her a castle").
            let until = people
                .get(i + 1)
                .map_or(s.tokens.len(), |n| n.start)
                .min(e.end + NEAR)
                .max(e.end);
            let after = &s.tokens[e.end..until];
            let pronoun_after = after.iter().enumerate().any(|(k, t)| {
                let points = matches!(t.lower.as_str(), "she" | "herself")
                    || t.lower == "her" && after.get(k + 1).is_some_and(|n| n.lower == "own");
                points
                    && !after[..k]
                        .iter()
                        .any(|x| WOMEN_NOUNS.contains(&x.lower.as_str()))
            });
            if noun_before || pronoun_after {
                out.insert(answer_text(s, e));
            }
        }
    }
    out
}

/// Whether `name` is one of `women`, or a longer or shorter form of one
/// ("Hatshepsut" for "Queen Hatshepsut").
pub(super) fn is_woman(women: &HashSet<String>, name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    women.iter().any(|w| {
        let ws: Vec<&str> = w.split_whitespace().collect();
        w == name || ends_with(&ws, &words) || ends_with(&words, &ws)
    })
}

/// Whether `long` ends with the words of `short` (non-empty).
fn ends_with(long: &[&str], short: &[&str]) -> bool {
    !short.is_empty() && long.len() >= short.len() && long[long.len() - short.len()..] == *short
}

#[cfg(test)]
mod tests {
    use super::super::text::Document;
    use super::*;

    fn women_of(text: &str) -> Vec<String> {
        let mut w: Vec<String> = women(&Document::analyse(text).sentences)
            .into_iter()
            .collect();
        w.sort();
        w
    }

    #[test]
    fn a_womans_noun_or_her_own_marks_a_woman_and_nothing_else_does() {
        assert_eq!(
            women_of(
                "Thutmose III had spent twenty years as the junior partner to his \
                 stepmother and aunt, Hatshepsut, who ruled as king in her own right."
            ),
            vec!["Hatshepsut".to_string()]
        );
        assert_eq!(
            women_of("Queen Mary Tudor married Philip of Spain in 1554."),
            vec!["Mary Tudor".to_string()]
        );
        // A bare "her" after a man is someone else's; so is "she" after a woman's
        // noun that is no name.
        assert!(women_of("In 1533 Henry VIII gave her the title of marquess.").is_empty());
        assert!(
            women_of("In 1540 Philip sent his sister to Vienna, where she married.").is_empty()
        );
    }

    #[test]
    fn a_shorter_or_longer_form_of_a_womans_name_is_hers() {
        let w: HashSet<String> = ["Mary Tudor".to_string()].into();
        assert!(is_woman(&w, "Mary Tudor"));
        assert!(is_woman(&w, "Tudor"));
        assert!(is_woman(&w, "Queen Mary Tudor"));
        assert!(!is_woman(&w, "Henry Tudor VII"));
        assert!(!is_woman(&w, "Philip"));
    }
}
