//! A year of answers by learner day (the calendar heatmap) and streaks.

use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::iso;
use crate::error::Result;
use crate::store::DayTotals;

/// Answers per day from the Monday 52 weeks before this week's to today: 53
/// columns of 7 days (Monday first), the last one cut at today.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Heatmap {
    /// YYYY-MM-DD, a Monday.
    pub start_date: String,
    /// Today, YYYY-MM-DD.
    pub end_date: String,
    /// Every day from `startDate` to `endDate`, in order.
    pub days: Vec<HeatmapDay>,
    /// Answers over these days.
    pub total: u32,
    /// Days with at least one answer.
    pub active_days: u32,
    /// The busiest day's answers.
    pub max_count: u32,
    /// The longest run of days in a row with answers.
    pub longest_streak: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HeatmapDay {
    /// YYYY-MM-DD.
    pub date: String,
    pub count: u32,
}

/// The heatmap's first day: the Monday 52 weeks before the one of `today`'s week.
pub(super) fn first_date(today: NaiveDate) -> NaiveDate {
    today - Duration::days(i64::from(today.weekday().num_days_from_monday()) + 52 * 7)
}

pub(super) fn build(days: &[(NaiveDate, DayTotals)]) -> Heatmap {
    let (mut longest, mut run) = (0, 0);
    for (_, t) in days {
        run = if t.answers > 0 { run + 1 } else { 0 };
        longest = u32::max(longest, run);
    }
    Heatmap {
        start_date: days.first().map(|(d, _)| iso(*d)).unwrap_or_default(),
        end_date: days.last().map(|(d, _)| iso(*d)).unwrap_or_default(),
        days: days
            .iter()
            .map(|(d, t)| HeatmapDay {
                date: iso(*d),
                count: t.answers,
            })
            .collect(),
        total: days.iter().map(|(_, t)| t.answers).sum(),
        active_days: days.iter().filter(|(_, t)| t.answers > 0).count() as u32,
        max_count: days.iter().map(|(_, t)| t.answers).max().unwrap_or(0),
        longest_streak: longest,
    }
}

/// The current streak.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Streak {
    pub days: u32,
    pub reviewed_today: bool,
}

/// The run of days with answers ending today, or ending yesterday while today
/// has none yet (the streak is not broken until today ends). `counts` are
/// answers per day ending with today; a run reaching back past them asks
/// `older(n)` whether the n-th day before the first (0 = the day before) had
/// answers.
pub(super) fn current_streak(
    counts: &[u32],
    mut older: impl FnMut(u32) -> Result<bool>,
) -> Result<Streak> {
    let Some((&today, before)) = counts.split_last() else {
        return Ok(Streak::default());
    };
    let reviewed_today = today > 0;
    let run = if reviewed_today { counts } else { before };
    let mut days = run.iter().rev().take_while(|&&c| c > 0).count() as u32;
    if days as usize == run.len() && days > 0 {
        // Reaches the first day: keep going back (at most a century).
        let mut back = 0;
        while back < 36_500 && older(back)? {
            days += 1;
            back += 1;
        }
    }
    Ok(Streak {
        days,
        reviewed_today,
    })
}
