//! True retention, as Anki computes it: of the answers to cards in the review
//! state, the share that passed (Hard, Good or Easy; Again fails), counting
//! only a card's first answer of each learner day.
//!
//! Exact definition here: an answer counts when its `state_before` is
//! `review`, its origin is a review, a quiz that counted as reviews, or an
//! import (not a reschedule), and the card's previous answer (`elapsed_days`
//! before it) fell before that learner day began. The card is *mature* when
//! that interval — the days since its previous answer, i.e. how long it had to
//! be remembered — is 21 days or more, *young* otherwise. A period of N days
//! is today and the N − 1 learner days before it.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::schedule::DAY_MS;
use crate::store::DayTotals;

/// Days from which a card counts as mature (Anki's threshold).
pub const MATURE_DAYS: u32 = 21;

/// The periods shown, in days.
pub const RETENTION_PERIODS: [u32; 3] = [7, 30, 365];

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RetentionPeriod {
    pub days: u32,
    pub young: RetentionCell,
    pub mature: RetentionCell,
    pub all: RetentionCell,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RetentionCell {
    /// Answers counted.
    pub reviews: u32,
    pub passed: u32,
    /// `passed / reviews`, 0 to 1; none without answers.
    pub rate: Option<f64>,
}

impl RetentionCell {
    fn new(reviews: u32, passed: u32) -> RetentionCell {
        RetentionCell {
            reviews,
            passed,
            rate: (reviews > 0).then(|| f64::from(passed) / f64::from(reviews)),
        }
    }
}

/// Takes out of the day totals the review answers that were not the card's
/// first answer of their learner day. `starts` holds each day's start and
/// the next day's; `close` the answers that came soon after the previous one
/// (time, elapsed days, passed) — always young, as under 21 days.
pub(super) fn drop_repeats(days: &mut [DayTotals], starts: &[i64], close: &[(i64, f64, bool)]) {
    for &(at, elapsed, passed) in close {
        let Some(day) = starts.partition_point(|&s| s <= at).checked_sub(1) else {
            continue;
        };
        let Some(totals) = days.get_mut(day) else {
            continue;
        };
        let previous = at as f64 - elapsed * DAY_MS as f64;
        if previous >= starts[day] as f64 - 0.5 {
            totals.young = totals.young.saturating_sub(1);
            totals.young_passed = totals.young_passed.saturating_sub(u32::from(passed));
        }
    }
}

/// `days` ends with today.
pub(super) fn build(days: &[DayTotals]) -> Vec<RetentionPeriod> {
    RETENTION_PERIODS
        .iter()
        .map(|&n| {
            let recent = &days[days.len().saturating_sub(n as usize)..];
            let sum = |f: fn(&DayTotals) -> u32| recent.iter().map(f).sum::<u32>();
            let (young, young_passed) = (sum(|t| t.young), sum(|t| t.young_passed));
            let (mature, mature_passed) = (sum(|t| t.mature), sum(|t| t.mature_passed));
            RetentionPeriod {
                days: n,
                young: RetentionCell::new(young, young_passed),
                mature: RetentionCell::new(mature, mature_passed),
                all: RetentionCell::new(young + mature, young_passed + mature_passed),
            }
        })
        .collect()
}
