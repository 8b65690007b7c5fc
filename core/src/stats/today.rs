//! Today's tiles: what was done, what is waiting, and the streak.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::heatmap::Streak;
use crate::schedule::QueueState;
use crate::store::{DayTotals, StatsCard};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Today {
    /// Answers given today (reviews, and quizzes that counted as reviews).
    pub reviewed: u32,
    /// Cards due now: learning and review cards whose time has come.
    pub due_now: u32,
    /// Cards falling due later today (learning steps, mostly).
    pub due_later_today: u32,
    /// New cards met for the first time today.
    pub new_learned: u32,
    /// Time spent answering today.
    #[ts(type = "number")]
    pub time_spent_ms: i64,
    /// Learner days in a row with at least one answer, up to today; a streak
    /// stays alive through today until the day ends without one.
    pub streak_days: u32,
    /// Whether today already counts in the streak.
    pub reviewed_today: bool,
    /// The longest run of days in a row over the heatmap's year.
    pub longest_streak_days: u32,
}

/// Whether a deck card counts among today's waiting cards (not new, not
/// suspended, not buried at `now`).
pub(super) fn waiting(card: &StatsCard, now: i64) -> bool {
    card.schedule.state != QueueState::New
        && !card.suspended
        && card.buried_until.is_none_or(|until| until <= now)
}

pub(super) fn build(
    totals: DayTotals,
    cards: &[StatsCard],
    now: i64,
    (_, day_end): (i64, i64),
    streak: Streak,
    longest: u32,
) -> Today {
    let (mut due_now, mut due_later_today) = (0, 0);
    for card in cards.iter().filter(|c| waiting(c, now)) {
        match card.schedule.due {
            Some(due) if due <= now => due_now += 1,
            Some(due) if due < day_end => due_later_today += 1,
            _ => {}
        }
    }
    Today {
        reviewed: totals.answers,
        due_now,
        due_later_today,
        new_learned: totals.new_cards,
        time_spent_ms: totals.duration_ms,
        streak_days: streak.days,
        reviewed_today: streak.reviewed_today,
        longest_streak_days: longest.max(streak.days),
    }
}
