//! Overgenerate and rank: drop defective candidates and near-duplicates, keep one
//! card per fact, and order the cards best first with some variety.

use std::collections::{HashMap, HashSet};

use super::entities::EntityKind;
use super::questions::Candidate;
use super::text::Document;
use super::{Card, CardKind, GenerateOptions};

/// Lower case, punctuation as spaces, no articles: the form in which two answers or
/// prompts are compared.
pub fn norm_tokens(s: &str) -> Vec<String> {
    let cleaned: String = s
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_lowercase().next().unwrap_or(c)
            } else {
                ' '
            }
        })
        .collect();
    cleaned
        .split_whitespace()
        .filter(|w| !matches!(*w, "a" | "an" | "the"))
        .map(str::to_string)
        .collect()
}

/// Whether the answer shows in the prompt (as whole words).
pub fn leaks(prompt: &str, answer: &str) -> bool {
    let a = norm_tokens(answer);
    if a.is_empty() {
        return false;
    }
    let p = norm_tokens(prompt);
    p.windows(a.len()).any(|w| w == a.as_slice())
}

pub const PRONOUN_STARTS: &[&str] = &[
    "he", "she", "it", "they", "this", "these", "those", "his", "her", "its", "their", "him",
    "them",
];

/// Below this a candidate is not worth a card: an item of a long list, a nationality
/// used as an adjective in a long sentence.
const MIN_SCORE: f32 = 0.1;

/// Mechanical defects that disqualify a card.
pub fn is_defective(prompt: &str, answer: &str, kind: CardKind) -> bool {
    let p = norm_tokens(prompt);
    if p.is_empty() || answer.trim().is_empty() {
        return true;
    }
    if PRONOUN_STARTS.contains(&p[0].as_str()) {
        return true;
    }
    if answer.split_whitespace().count() > 6 || leaks(prompt, answer) {
        return true;
    }
    if kind == CardKind::Question && !prompt.ends_with('?') {
        return true;
    }
    false
}

fn jaccard(a: &[String], b: &[String]) -> f32 {
    let sa: HashSet<&String> = a.iter().collect();
    let sb: HashSet<&String> = b.iter().collect();
    let inter = sa.intersection(&sb).count() as f32;
    let union = sa.union(&sb).count() as f32;
    if union == 0.0 {
        0.0
    } else {
        inter / union
    }
}

/// The cards of the candidates, best first.
pub fn select(
    doc: &Document,
    mut cands: Vec<Candidate>,
    options: &GenerateOptions,
) -> Vec<(Card, EntityKind)> {
    cands.retain(|c| {
        (options.cloze || c.kind != CardKind::Cloze)
            && c.score >= MIN_SCORE
            && !is_defective(&c.prompt, &c.answer, c.kind)
    });
    // Best first; ties broken by position and text so the order is fixed.
    cands.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(a.sentence.cmp(&b.sentence))
            .then(a.answer_span.cmp(&b.answer_span))
            .then(a.prompt.cmp(&b.prompt))
    });
    // One card per fact (sentence + answer span), no repeated prompt, no near-duplicate.
    let mut facts = HashSet::new();
    let mut prompts = HashSet::new();
    let mut kept: Vec<(Candidate, Vec<String>, Vec<String>)> = Vec::new();
    for c in cands {
        if !facts.insert((c.sentence, c.answer_span)) {
            continue;
        }
        let p = norm_tokens(&c.prompt);
        let a = norm_tokens(&c.answer);
        if !prompts.insert(p.join(" ")) {
            continue;
        }
        if kept
            .iter()
            .any(|(_, kp, ka)| *ka == a && jaccard(kp, &p) >= 0.7)
        {
            continue;
        }
        kept.push((c, p, a));
    }
    // Variety: each further card from the same sentence, or with the same answer,
    // counts for a little less.
    let mut order: Vec<(f32, usize)> = Vec::new();
    let mut per_sentence: HashMap<usize, usize> = HashMap::new();
    let mut per_answer: HashMap<Vec<String>, usize> = HashMap::new();
    let mut remaining: Vec<usize> = (0..kept.len()).collect();
    while !remaining.is_empty() {
        let adjusted = |i: usize| {
            let (c, _, a) = &kept[i];
            let ns = *per_sentence.get(&c.sentence).unwrap_or(&0) as i32;
            let na = *per_answer.get(a).unwrap_or(&0) as i32;
            c.score * 0.7f32.powi(ns) * 0.5f32.powi(na)
        };
        let (pos, best) = remaining
            .iter()
            .enumerate()
            .map(|(pos, &i)| (pos, i))
            .max_by(|&(_, x), &(_, y)| adjusted(x).total_cmp(&adjusted(y)).then(y.cmp(&x)))
            .expect("non-empty");
        let score = adjusted(best);
        remaining.remove(pos);
        *per_sentence.entry(kept[best].0.sentence).or_default() += 1;
        *per_answer.entry(kept[best].2.clone()).or_default() += 1;
        order.push((score, best));
    }
    order
        .into_iter()
        .map(|(score, i)| {
            let c = &kept[i].0;
            let s = &doc.sentences[c.sentence];
            let card = Card {
                kind: c.kind,
                prompt: c.prompt.clone(),
                answer: c.answer.clone(),
                choices: Vec::new(),
                source_sentence: s.raw.clone(),
                span_start: s.char_start,
                span_end: s.char_end,
                score: (score.clamp(0.0, 1.0) * 1000.0).round() / 1000.0,
            };
            (card, c.answer_kind)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leaks_are_whole_words_after_normalisation() {
        assert!(leaks(
            "When did the Soviet Union withdraw?",
            "the Soviet Union"
        ));
        assert!(!leaks("When did the Soviets withdraw?", "Soviet"));
        assert!(leaks("Who led the Normans?", "Normans"));
    }

    #[test]
    fn defects() {
        assert!(is_defective(
            "He withdrew in _____.",
            "1960",
            CardKind::Cloze
        ));
        assert!(is_defective("When did it end", "1960", CardKind::Question));
        assert!(!is_defective(
            "When did it end?",
            "1960",
            CardKind::Question
        ));
        assert!(is_defective(
            "Who ruled?",
            "a very long answer of more than six words",
            CardKind::Question
        ));
    }
}
