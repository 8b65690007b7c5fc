//! Overgenerate and rank: drop defective candidates and near-duplicates, keep one
//! card per fact, and order the cards best first with some variety.

use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashMap, HashSet};

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
    // Kept cards by answer: a near-duplicate shares its answer.
    let mut by_answer: HashMap<Vec<String>, Vec<usize>> = HashMap::new();
    for c in cands {
        if !facts.insert((c.sentence, c.answer_span)) {
            continue;
        }
        let p = norm_tokens(&c.prompt);
        let a = norm_tokens(&c.answer);
        if !prompts.insert(p.join(" ")) {
            continue;
        }
        let same_answer = by_answer.entry(a.clone()).or_default();
        if same_answer
            .iter()
            .any(|&k: &usize| jaccard(&kept[k].1, &p) >= 0.7)
        {
            continue;
        }
        same_answer.push(kept.len());
        kept.push((c, p, a));
    }
    // Variety: each further card from the same sentence, or with the same answer,
    // counts for a little less. Scores only ever fall, so a lazy greedy pick (take the
    // top of a heap, re-score it, keep it if it is still the best) gives the same order
    // as re-scoring every card at every step, in n log n instead of n².
    let mut order: Vec<(f32, usize)> = Vec::with_capacity(kept.len());
    let mut per_sentence: HashMap<usize, usize> = HashMap::new();
    let mut per_answer: HashMap<&[String], usize> = HashMap::new();
    let mut heap: BinaryHeap<Ranked> = kept
        .iter()
        .enumerate()
        .map(|(i, (c, _, _))| Ranked {
            score: c.score,
            index: i,
        })
        .collect();
    while let Some(top) = heap.pop() {
        let (c, _, a) = &kept[top.index];
        let ns = *per_sentence.get(&c.sentence).unwrap_or(&0) as i32;
        let na = *per_answer.get(a.as_slice()).unwrap_or(&0) as i32;
        let score = c.score * 0.7f32.powi(ns) * 0.5f32.powi(na);
        let current = Ranked {
            score,
            index: top.index,
        };
        if heap.peek().is_some_and(|next| *next > current) {
            heap.push(current);
            continue;
        }
        *per_sentence.entry(c.sentence).or_default() += 1;
        *per_answer.entry(a.as_slice()).or_default() += 1;
        order.push((score, top.index));
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

/// A card's place in the variety ordering: higher score first, then earlier card.
#[derive(Debug, Clone, Copy)]
struct Ranked {
    score: f32,
    index: usize,
}

impl Ord for Ranked {
    fn cmp(&self, other: &Self) -> Ordering {
        self.score
            .total_cmp(&other.score)
            .then(other.index.cmp(&self.index))
    }
}

impl PartialOrd for Ranked {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Ranked {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Ranked {}

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
