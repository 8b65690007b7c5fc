//! Today's queue: which cards to show, in which order.

use std::cmp::Ordering;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{QueueState, Schedule, Scheduler, DAY_MS, MINUTE_MS};

/// When nothing else is left, learning cards due within this much are shown
/// early rather than making the learner wait (Anki's default learn-ahead).
pub const LEARN_AHEAD_MS: i64 = 20 * MINUTE_MS;

/// A card that could be shown today (not suspended, not buried).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct QueueCandidate {
    #[ts(type = "number")]
    pub card_id: i64,
    pub schedule: Schedule,
    /// `card_schedule.new_position`: the order new cards are introduced in.
    #[ts(type = "number | null")]
    pub new_position: Option<i64>,
}

/// What the learner has already done today, against the daily limits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DoneToday {
    /// New cards answered for the first time today.
    pub new_cards: u32,
    /// Review-state cards answered today.
    pub reviews: u32,
}

impl Scheduler {
    /// The card ids to show, in order:
    /// 1. learning and relearning cards that are due (no limit: they are
    ///    mid-learning and their minutes matter), soonest first;
    /// 2. reviews due today, lowest retrievability first (the most overdue
    ///    relative to their stability), up to the review limit, with new cards
    ///    spread evenly among them up to the new limit — new cards also count
    ///    against what is left of the review limit, as in Anki, so a heavy
    ///    review day brings fewer new cards;
    /// 3. learning cards due within `LEARN_AHEAD_MS`, when nothing else is left.
    ///
    /// `day_start` is when the learner's current day began; call again after
    /// each answer (a learning card comes back in minutes).
    pub fn todays_queue(
        &self,
        candidates: &[QueueCandidate],
        now: i64,
        day_start: i64,
        done: DoneToday,
    ) -> Vec<i64> {
        let day_end = day_start + DAY_MS;
        let mut learning_now = Vec::new();
        let mut learning_ahead = Vec::new();
        let mut reviews = Vec::new();
        let mut new = Vec::new();
        for c in candidates {
            let s = &c.schedule;
            // A card without a due time is a damaged row; show it rather than lose it.
            let due = s.due.unwrap_or(now);
            match s.state {
                QueueState::Learning | QueueState::Relearning => {
                    if due <= now {
                        learning_now.push((due, c.card_id));
                    } else if due <= now + LEARN_AHEAD_MS {
                        learning_ahead.push((due, c.card_id));
                    }
                }
                QueueState::Review if due < day_end => {
                    let r = self.retrievability(s, now).unwrap_or(0.0);
                    reviews.push((r, due, c.card_id));
                }
                QueueState::Review => {}
                QueueState::New => new.push((c.new_position.unwrap_or(i64::MAX), c.card_id)),
            }
        }
        learning_now.sort_unstable();
        learning_ahead.sort_unstable();
        new.sort_unstable();
        reviews.sort_unstable_by(|a, b| {
            a.0.partial_cmp(&b.0)
                .unwrap_or(Ordering::Equal)
                .then(a.1.cmp(&b.1))
                .then(a.2.cmp(&b.2))
        });

        let config = &self.config;
        let review_room = config.reviews_per_day.saturating_sub(done.reviews) as usize;
        reviews.truncate(review_room);
        let new_room = (config.new_per_day.saturating_sub(done.new_cards) as usize)
            .min(review_room - reviews.len());
        new.truncate(new_room);

        let review_ids: Vec<i64> = reviews.iter().map(|r| r.2).collect();
        let new_ids: Vec<i64> = new.iter().map(|n| n.1).collect();
        learning_now
            .iter()
            .map(|l| l.1)
            .chain(intersperse(&review_ids, &new_ids))
            .chain(learning_ahead.iter().map(|l| l.1))
            .collect()
    }
}

/// Spreads `extra` evenly through `main`: with 10 reviews and 2 new cards, a
/// new card after the 3rd and after the 7th review, so new cards do not all
/// wait for the end of the session nor crowd its start.
fn intersperse(main: &[i64], extra: &[i64]) -> Vec<i64> {
    let mut out = Vec::with_capacity(main.len() + extra.len());
    let mut taken = 0;
    for (i, &e) in extra.iter().enumerate() {
        // The (i+1)-th of (n+1) equal gaps through main.
        let upto = (i + 1) * main.len() / (extra.len() + 1);
        out.extend_from_slice(&main[taken..upto]);
        taken = upto;
        out.push(e);
    }
    out.extend_from_slice(&main[taken..]);
    out
}

#[cfg(test)]
mod tests {
    use super::super::{SchedulerConfig, HOUR_MS};
    use super::*;

    const DAY0: i64 = 1_749_945_600_000; // 2025-06-15 00:00 UTC
    const NOW: i64 = DAY0 + 9 * HOUR_MS;

    fn review(id: i64, stability: f32, last_days_ago: i64, due: i64) -> QueueCandidate {
        QueueCandidate {
            card_id: id,
            schedule: Schedule {
                state: QueueState::Review,
                due: Some(due),
                stability: Some(stability),
                difficulty: Some(5.0),
                step: 0,
                reps: 3,
                lapses: 0,
                last_review_at: Some(NOW - last_days_ago * DAY_MS),
            },
            new_position: None,
        }
    }

    fn learning(id: i64, due: i64) -> QueueCandidate {
        QueueCandidate {
            card_id: id,
            schedule: Schedule {
                state: QueueState::Learning,
                due: Some(due),
                stability: Some(1.0),
                difficulty: Some(5.0),
                step: 1,
                reps: 1,
                lapses: 0,
                last_review_at: Some(due - 10 * MINUTE_MS),
            },
            new_position: None,
        }
    }

    fn new(id: i64, position: i64) -> QueueCandidate {
        QueueCandidate {
            card_id: id,
            schedule: Schedule::new_card(),
            new_position: Some(position),
        }
    }

    fn scheduler(new_per_day: u32, reviews_per_day: u32) -> Scheduler {
        Scheduler::new(SchedulerConfig {
            new_per_day,
            reviews_per_day,
            ..Default::default()
        })
        .unwrap()
    }

    #[test]
    fn learning_first_then_reviews_by_retrievability_then_learn_ahead() {
        let s = scheduler(0, 200);
        let cards = vec![
            review(1, 10.0, 10, DAY0),               // R = 0.90
            review(2, 2.0, 10, DAY0 - 5 * DAY_MS),   // long overdue for its stability: R ≈ 0.7
            review(3, 30.0, 31, DAY0 + 5 * HOUR_MS), // R just under 0.90
            review(4, 30.0, 1, DAY0 + 3 * DAY_MS),   // not due today
            learning(5, NOW - MINUTE_MS),
            learning(6, NOW + 5 * MINUTE_MS), // within the learn-ahead
            learning(7, NOW + HOUR_MS),       // later today
            learning(8, NOW - 5 * MINUTE_MS),
        ];
        let q = s.todays_queue(&cards, NOW, DAY0, DoneToday::default());
        assert_eq!(q, vec![8, 5, 2, 3, 1, 6]);
    }

    #[test]
    fn new_cards_are_spread_through_the_reviews_in_position_order() {
        let s = scheduler(20, 200);
        let mut cards: Vec<QueueCandidate> =
            (1..=10).map(|i| review(i, i as f32, 20, DAY0)).collect();
        cards.push(new(102, 2));
        cards.push(new(101, 1));
        let q = s.todays_queue(&cards, NOW, DAY0, DoneToday::default());
        assert_eq!(q, vec![1, 2, 3, 101, 4, 5, 6, 102, 7, 8, 9, 10]);
        assert_eq!(intersperse(&[], &[5, 6]), vec![5, 6]);
        assert_eq!(intersperse(&[1, 2], &[]), vec![1, 2]);
    }

    #[test]
    fn daily_limits_count_what_was_done_today() {
        let s = scheduler(3, 5);
        let mut cards: Vec<QueueCandidate> = (1..=4).map(|i| review(i, 1.0, 3, DAY0)).collect();
        cards.extend((0..5).map(|i| new(100 + i, i)));
        // 2 of 3 new cards and 3 of 5 reviews already done: 1 new card and the 2 weakest reviews.
        let done = DoneToday {
            new_cards: 2,
            reviews: 3,
        };
        let q = s.todays_queue(&cards, NOW, DAY0, done);
        assert_eq!(q.iter().filter(|&&id| id >= 100).count(), 0, "{q:?}");
        assert_eq!(q.len(), 2);
        // With room in the review limit, the new limit applies.
        let q = s.todays_queue(
            &cards[4..],
            NOW,
            DAY0,
            DoneToday {
                new_cards: 2,
                reviews: 0,
            },
        );
        assert_eq!(q, vec![100]);
        // Learning cards are never held back by the limits.
        let tired = DoneToday {
            new_cards: 99,
            reviews: 99,
        };
        let q = s.todays_queue(&[learning(9, NOW)], NOW, DAY0, tired);
        assert_eq!(q, vec![9]);
    }
}
