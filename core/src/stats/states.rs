//! The deck by state.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::retention::MATURE_DAYS;
use crate::schedule::{QueueState, DAY_MS};
use crate::store::StatsCard;

/// Deck cards by state; each card counts once (suspended cards only as suspended).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CardStates {
    pub new: u32,
    pub learning: u32,
    pub relearning: u32,
    /// Review cards with an interval under 21 days.
    pub young: u32,
    /// Review cards with an interval of 21 days or more.
    pub mature: u32,
    pub suspended: u32,
    pub total: u32,
}

/// A review card's current interval (from its last answer to its due time) is 21 days or more.
pub(super) fn is_mature(card: &StatsCard) -> bool {
    match (card.schedule.due, card.schedule.last_review_at) {
        (Some(due), Some(last)) => due - last >= i64::from(MATURE_DAYS) * DAY_MS,
        _ => false,
    }
}

pub(super) fn count(cards: &[StatsCard]) -> CardStates {
    let mut s = CardStates {
        new: 0,
        learning: 0,
        relearning: 0,
        young: 0,
        mature: 0,
        suspended: 0,
        total: 0,
    };
    for card in cards {
        s.total += 1;
        let slot = if card.suspended {
            &mut s.suspended
        } else {
            match card.schedule.state {
                QueueState::New => &mut s.new,
                QueueState::Learning => &mut s.learning,
                QueueState::Relearning => &mut s.relearning,
                QueueState::Review if is_mature(card) => &mut s.mature,
                QueueState::Review => &mut s.young,
            }
        };
        *slot += 1;
    }
    s
}
