//! The key-fact labels: judges list, per text, the facts a student would most
//! want cards for (`coverage-*.json` beside the verdicts). Every candidate of such
//! a text is labelled by whether it asks one of them, so the model learns what
//! makes a fact key from all candidates, not only from the cards judged.
//!
//! A candidate asks a fact when every word of its answer stands in the fact and
//! its sentence shares at least two more content words with it. Against the
//! judges' own lists of the cards that cover each fact this is 98% precise (it
//! finds 45% of their matches: judges also count cards that only touch a fact).

use std::collections::HashSet;

use serde_json::Value;

/// Words that say nothing of a fact.
const STOP: &[&str] = &[
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "by", "with", "and", "or",
    "but", "as", "is", "was", "were", "be", "been", "being", "had", "has", "have", "that", "which",
    "who", "whom", "whose", "this", "these", "those", "it", "its", "their", "his", "her", "he",
    "she", "they", "them", "there", "than", "then", "into", "over", "under", "after", "before",
    "during", "about", "also", "not", "no", "nor", "so", "such", "what", "when", "where", "why",
    "how", "did", "do", "does", "would", "could", "should", "may", "might", "will", "shall", "can",
    "one", "two", "three", "first",
];

/// Lower-cased runs of ASCII letters and digits ("Kjølbye" is two words, as in
/// the script the matcher was checked with).
fn words(s: &str) -> Vec<String> {
    s.to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// The words of `s` that carry content: not stop words, longer than two letters
/// unless a number.
fn content(s: &str) -> HashSet<String> {
    words(s)
        .into_iter()
        .filter(|w| {
            !STOP.contains(&w.as_str()) && (w.len() > 2 || w.chars().all(|c| c.is_ascii_digit()))
        })
        .collect()
}

/// Whether a card with `answer`, made from `sentence`, asks `fact`.
pub fn asks(answer: &str, sentence: &str, fact: &str) -> bool {
    let in_fact: HashSet<String> = words(fact).into_iter().collect();
    let answer: Vec<String> = words(answer)
        .into_iter()
        .filter(|w| !STOP.contains(&w.as_str()))
        .collect();
    if answer.is_empty() || !answer.iter().all(|w| in_fact.contains(w)) {
        return false;
    }
    let fact_content = content(fact);
    content(sentence)
        .iter()
        .filter(|w| !answer.contains(w) && fact_content.contains(*w))
        .count()
        >= 2
}

/// The key facts of group `index` (titled `title`) in each judge's coverage file:
/// one list per judge that listed any. A coverage file is keyed by the group's
/// position in `blind.json` or by its title; a fact is a string or an object
/// with a "fact".
pub fn facts_of(coverages: &[Value], index: usize, title: &str) -> Vec<Vec<String>> {
    coverages
        .iter()
        .filter_map(|c| c.get(index.to_string()).or_else(|| c.get(title)))
        .filter_map(Value::as_array)
        .map(|facts| {
            facts
                .iter()
                .filter_map(|f| f.as_str().or_else(|| f.get("fact").and_then(Value::as_str)))
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .filter(|l| !l.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_card_asks_a_fact_when_its_answer_and_two_more_words_are_in_it() {
        let fact = "Russia declared war on the Ottomans on 24 April 1877";
        assert!(asks(
            "24 April 1877",
            "Russia declared war on 24 April 1877.",
            fact
        ));
        // The answer is in the fact, but the sentence is about something else.
        assert!(!asks(
            "1877",
            "Gladstone's pamphlet appeared in 1877.",
            fact
        ));
        // The sentence fits, the answer does not.
        assert!(!asks(
            "Serbia",
            "Russia declared war on Serbia's side.",
            fact
        ));
    }

    #[test]
    fn facts_are_found_by_position_or_title() {
        let by_position: Value =
            serde_json::from_str(r#"{"0": [{"fact": "A"}, "B"], "1": []}"#).unwrap();
        let by_title: Value = serde_json::from_str(r#"{"T": ["C"]}"#).unwrap();
        assert_eq!(
            facts_of(&[by_position, by_title], 0, "T"),
            vec![
                vec!["A".to_string(), "B".to_string()],
                vec!["C".to_string()]
            ]
        );
    }
}
