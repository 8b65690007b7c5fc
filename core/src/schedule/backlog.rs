//! After a break: spread the overdue reviews over the next days instead of
//! facing them all at once.

use std::cmp::Ordering;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{QueueState, Schedule, Scheduler, DAY_MS};

/// The new due times for a backlog and how many fall on each day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BacklogPlan {
    /// `(card_id, new_due)`, most at risk (due first) first.
    #[ts(as = "Vec<(f64, f64)>")]
    pub moves: Vec<(i64, i64)>,
    /// How many cards fall on each of the days, today first.
    pub per_day: Vec<u32>,
}

impl Scheduler {
    /// Spreads `overdue` review cards evenly over `days` learner days starting
    /// today (`day_start`), lowest retrievability first: the cards closest to
    /// being forgotten come back today, the safest last. Cards not in review
    /// state are left out (learning cards have their own minutes). `days` of
    /// 0 is taken as 1.
    pub fn spread_backlog(
        &self,
        overdue: &[(i64, Schedule)],
        days: u32,
        now: i64,
        day_start: i64,
    ) -> BacklogPlan {
        let days = days.max(1) as usize;
        let mut cards: Vec<(f32, i64)> = overdue
            .iter()
            .filter(|(_, s)| s.state == QueueState::Review)
            .map(|(id, s)| (self.retrievability(s, now).unwrap_or(0.0), *id))
            .collect();
        cards.sort_unstable_by(|a, b| {
            a.0.partial_cmp(&b.0)
                .unwrap_or(Ordering::Equal)
                .then(a.1.cmp(&b.1))
        });
        // Even shares; the first `extra` days take one card more.
        let (share, extra) = (cards.len() / days, cards.len() % days);
        let per_day: Vec<u32> = (0..days)
            .map(|d| (share + usize::from(d < extra)) as u32)
            .collect();
        let mut moves = Vec::with_capacity(cards.len());
        let mut cards = cards.into_iter();
        for (day, &count) in per_day.iter().enumerate() {
            let due = day_start + day as i64 * DAY_MS;
            moves.extend(cards.by_ref().take(count as usize).map(|(_, id)| (id, due)));
        }
        BacklogPlan { moves, per_day }
    }
}

#[cfg(test)]
mod tests {
    use super::super::SchedulerConfig;
    use super::*;

    const DAY0: i64 = 1_749_945_600_000;

    fn overdue(id: i64, stability: f32, days_ago: i64) -> (i64, Schedule) {
        let schedule = Schedule {
            state: QueueState::Review,
            due: Some(DAY0 - 3 * DAY_MS),
            stability: Some(stability),
            difficulty: Some(5.0),
            step: 0,
            reps: 4,
            lapses: 0,
            last_review_at: Some(DAY0 - days_ago * DAY_MS),
        };
        (id, schedule)
    }

    #[test]
    fn most_at_risk_first_spread_evenly() {
        let s = Scheduler::new(SchedulerConfig::default()).unwrap();
        // Card 10 has the lowest stability for its wait, so the lowest R.
        let mut cards: Vec<(i64, Schedule)> =
            (1..=9).map(|i| overdue(i, 10.0 + i as f32, 20)).collect();
        cards.push(overdue(10, 1.0, 20));
        let mut learning = overdue(11, 1.0, 20);
        learning.1.state = QueueState::Learning;
        cards.push(learning);
        let plan = s.spread_backlog(&cards, 3, DAY0 + 3_600_000, DAY0);
        assert_eq!(plan.per_day, vec![4, 3, 3]);
        assert_eq!(plan.moves.len(), 10);
        assert_eq!(plan.moves[0], (10, DAY0));
        // Then by stability: lowest first.
        let order: Vec<i64> = plan.moves.iter().map(|m| m.0).collect();
        assert_eq!(order, vec![10, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
        assert_eq!(plan.moves[4], (4, DAY0 + DAY_MS));
        assert_eq!(plan.moves[9], (9, DAY0 + 2 * DAY_MS));
        // More days than cards: one a day, and the rest empty.
        let plan = s.spread_backlog(&cards[..2], 5, DAY0, DAY0);
        assert_eq!(plan.per_day, vec![1, 1, 0, 0, 0]);
        assert_eq!(s.spread_backlog(&[], 0, DAY0, DAY0).per_day, vec![0]);
    }
}
