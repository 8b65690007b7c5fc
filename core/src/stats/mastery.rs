//! Mastery per document and per category: the mean current probability of
//! recall (FSRS retrievability) of the cards that have a memory state, and the
//! share of cards learned (graduated to review at least once: in review or
//! relearning now).

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::schedule::{ForgettingCurve, QueueState};
use crate::store::StatsCard;

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Mastery {
    /// Deck cards (suspended ones included).
    pub cards: u32,
    /// Cards in review or relearning.
    pub learned: u32,
    /// `learned / cards`, 0 to 1.
    pub learned_share: f64,
    /// Mean retrievability, 0 to 1, over the cards studied at least once;
    /// none while every card is new.
    pub mean_retrievability: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DocumentMastery {
    #[ts(type = "number")]
    pub document_id: i64,
    pub title: String,
    #[ts(type = "number | null")]
    pub category_id: Option<i64>,
    pub mastery: Mastery,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CategoryMastery {
    #[ts(type = "number")]
    pub category_id: i64,
    /// From the top-level category down to this one.
    pub path: Vec<String>,
    pub mastery: Mastery,
}

#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Tally {
    cards: u32,
    learned: u32,
    recall_sum: f64,
    recall_cards: u32,
}

impl Tally {
    fn add(&mut self, card: &StatsCard, recall: Option<f32>) {
        self.cards += 1;
        if matches!(
            card.schedule.state,
            QueueState::Review | QueueState::Relearning
        ) {
            self.learned += 1;
        }
        if let Some(r) = recall {
            self.recall_sum += f64::from(r);
            self.recall_cards += 1;
        }
    }

    fn merge(&mut self, other: &Tally) {
        self.cards += other.cards;
        self.learned += other.learned;
        self.recall_sum += other.recall_sum;
        self.recall_cards += other.recall_cards;
    }

    fn mastery(&self) -> Mastery {
        Mastery {
            cards: self.cards,
            learned: self.learned,
            learned_share: if self.cards == 0 {
                0.0
            } else {
                f64::from(self.learned) / f64::from(self.cards)
            },
            mean_retrievability: (self.recall_cards > 0)
                .then(|| self.recall_sum / f64::from(self.recall_cards)),
        }
    }
}

/// Each card's retrievability at `now` (none for new cards).
pub(super) fn retrievabilities(
    curve: ForgettingCurve,
    cards: &[StatsCard],
    now: i64,
) -> Vec<Option<f32>> {
    cards
        .iter()
        .map(|c| {
            curve
                .retrievability(&c.schedule, now)
                .filter(|r| r.is_finite())
        })
        .collect()
}

/// Each document's tally, its cards added in card order.
pub(super) type DocumentTallies = HashMap<i64, Tally>;

pub(super) fn by_document(cards: &[StatsCard], recall: &[Option<f32>]) -> DocumentTallies {
    let mut tallies: DocumentTallies = HashMap::new();
    // A document's cards mostly come one after another: its tally is kept at
    // hand rather than looked up for each of a million cards.
    let mut current: Option<(i64, Tally)> = None;
    for (card, &r) in cards.iter().zip(recall) {
        let Some(doc) = card.document_id else {
            continue;
        };
        match &mut current {
            Some((at, tally)) if *at == doc => tally.add(card, r),
            _ => {
                if let Some((at, tally)) = current.take() {
                    tallies.insert(at, tally);
                }
                let mut tally = tallies.remove(&doc).unwrap_or_default();
                tally.add(card, r);
                current = Some((doc, tally));
            }
        }
    }
    if let Some((at, tally)) = current {
        tallies.insert(at, tally);
    }
    tallies
}

/// Documents with deck cards, by id. `titles`: (id, title, category).
pub(super) fn documents(
    cards: &[StatsCard],
    recall: &[Option<f32>],
    titles: &[(i64, String, Option<i64>)],
) -> Vec<DocumentMastery> {
    documents_of(&by_document(cards, recall), titles)
}

/// `documents` from the tallies made once.
pub(super) fn documents_of(
    tallies: &DocumentTallies,
    titles: &[(i64, String, Option<i64>)],
) -> Vec<DocumentMastery> {
    let mut out: Vec<DocumentMastery> = titles
        .iter()
        .filter_map(|(id, title, category)| {
            let tally = tallies.get(id)?;
            Some(DocumentMastery {
                document_id: *id,
                title: title.clone(),
                category_id: *category,
                mastery: tally.mastery(),
            })
        })
        .collect();
    out.sort_by_key(|d| d.document_id);
    out
}

/// Categories whose documents (or subcategories' documents) have deck cards,
/// by path. `categories`: (id, parent, name).
pub(super) fn categories_of(
    docs: &DocumentTallies,
    titles: &[(i64, String, Option<i64>)],
    categories: &[(i64, Option<i64>, String)],
) -> Vec<CategoryMastery> {
    let parent: HashMap<i64, Option<i64>> = categories.iter().map(|(id, p, _)| (*id, *p)).collect();
    let name: HashMap<i64, &str> = categories
        .iter()
        .map(|(id, _, n)| (*id, n.as_str()))
        .collect();
    let mut tallies: HashMap<i64, Tally> = HashMap::new();
    for (doc, _, category) in titles {
        let (Some(tally), Some(mut at)) = (docs.get(doc), *category) else {
            continue;
        };
        // The document's category and each one above it (guarding against a cycle).
        for _ in 0..categories.len() {
            tallies.entry(at).or_default().merge(tally);
            match parent.get(&at).copied().flatten() {
                Some(up) => at = up,
                None => break,
            }
        }
    }
    let path_of = |mut at: i64| {
        let mut path = Vec::new();
        for _ in 0..categories.len() {
            path.push(name.get(&at).copied().unwrap_or("?").to_string());
            match parent.get(&at).copied().flatten() {
                Some(up) => at = up,
                None => break,
            }
        }
        path.reverse();
        path
    };
    let mut out: Vec<CategoryMastery> = tallies
        .iter()
        .map(|(&id, tally)| CategoryMastery {
            category_id: id,
            path: path_of(id),
            mastery: tally.mastery(),
        })
        .collect();
    out.sort_by(|a, b| a.path.cmp(&b.path));
    out
}
