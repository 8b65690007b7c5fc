//! The hardest cards: the most lapsed (forgotten after being learned).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Result;
use crate::store::{StatsCard, Store};

/// How many of the hardest cards are listed.
pub const HARDEST_COUNT: usize = 10;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HardCard {
    #[ts(type = "number")]
    pub card_id: i64,
    pub prompt: String,
    pub answer: String,
    #[ts(type = "number | null")]
    pub document_id: Option<i64>,
    pub document_title: Option<String>,
    /// The card's passage in the document (code points), for "show in text".
    #[ts(type = "number | null")]
    pub span_start: Option<i64>,
    #[ts(type = "number | null")]
    pub span_end: Option<i64>,
    pub lapses: u32,
    pub reps: u32,
    /// The probability of recalling it now, 0 to 1.
    pub retrievability: Option<f64>,
}

/// Cards with at least one lapse, most lapses first; among equals the least
/// likely to be recalled now, then the oldest card.
pub(super) fn rank(
    cards: &[StatsCard],
    recall: &[Option<f32>],
    n: usize,
) -> Vec<(usize, Option<f32>)> {
    let mut candidates: Vec<(u32, f32, i64, usize)> = cards
        .iter()
        .enumerate()
        .filter(|(_, c)| c.schedule.lapses > 0)
        .map(|(i, c)| {
            (
                c.schedule.lapses,
                recall[i].unwrap_or(f32::INFINITY),
                c.card_id,
                i,
            )
        })
        .collect();
    let order = |a: &(u32, f32, i64, usize), b: &(u32, f32, i64, usize)| {
        b.0.cmp(&a.0).then(a.1.total_cmp(&b.1)).then(a.2.cmp(&b.2))
    };
    if candidates.len() > n {
        candidates.select_nth_unstable_by(n, order);
        candidates.truncate(n);
    }
    candidates.sort_by(order);
    candidates
        .into_iter()
        .map(|(_, _, _, i)| (i, recall[i]))
        .collect()
}

pub(super) fn find(
    store: &Store,
    cards: &[StatsCard],
    recall: &[Option<f32>],
) -> Result<Vec<HardCard>> {
    let ranked = rank(cards, recall, HARDEST_COUNT);
    let ids: Vec<i64> = ranked.iter().map(|&(i, _)| cards[i].card_id).collect();
    let rows = store.hard_card_rows(&ids)?;
    Ok(ranked
        .iter()
        .filter_map(|&(i, r)| {
            let card = &cards[i];
            let row = rows.iter().find(|row| row.card_id == card.card_id)?.clone();
            Some(HardCard {
                card_id: row.card_id,
                prompt: row.prompt,
                answer: row.answer,
                document_id: row.document_id,
                document_title: row.document_title,
                span_start: row.span_start,
                span_end: row.span_end,
                lapses: card.schedule.lapses,
                reps: card.schedule.reps,
                retrievability: r.map(f64::from),
            })
        })
        .collect())
}
