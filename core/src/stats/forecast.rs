//! The next 30 days' load: deck cards falling due each learner day.

use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::iso;
use crate::schedule::QueueState;
use crate::store::StatsCard;

/// How many days the forecast covers, today included.
pub const FORECAST_DAYS: u32 = 30;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Forecast {
    /// Today first (overdue cards included), then the next 29 days.
    pub days: Vec<ForecastDay>,
    /// Cards due before today began (also in today's count).
    pub overdue: u32,
    /// Cards due over these days.
    pub total: u32,
    pub max_count: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ForecastDay {
    /// Days from today (0 = today).
    pub day: u32,
    /// YYYY-MM-DD.
    pub date: String,
    pub count: u32,
}

/// `starts` holds the start of today and of each following day, one more
/// than `FORECAST_DAYS`. Counts learning, review and relearning cards that
/// are not suspended, on the day they fall due (a buried card: the day it
/// comes back, if later).
pub(super) fn build(cards: &[StatsCard], now: i64, starts: &[i64], today: NaiveDate) -> Forecast {
    let mut counts = vec![0u32; FORECAST_DAYS as usize];
    let mut overdue = 0;
    for card in cards {
        if card.schedule.state == QueueState::New || card.suspended {
            continue;
        }
        let Some(mut due) = card.schedule.due else {
            continue;
        };
        if let Some(until) = card.buried_until.filter(|&u| u > now) {
            due = due.max(until);
        }
        if due < starts[0] {
            overdue += 1;
        }
        // The day whose start is the last one at or before `due`; overdue cards count today.
        let day = starts.partition_point(|&s| s <= due).saturating_sub(1);
        if let Some(count) = counts.get_mut(day) {
            *count += 1;
        }
    }
    Forecast {
        total: counts.iter().sum(),
        max_count: counts.iter().copied().max().unwrap_or(0),
        days: counts
            .iter()
            .enumerate()
            .map(|(k, &count)| ForecastDay {
                day: k as u32,
                date: iso(today + Duration::days(k as i64)),
                count,
            })
            .collect(),
        overdue,
    }
}
