//! Reviewing the deck: today's session (queue, answers, undo), due counts,
//! the backlog after a break, and fitting FSRS to the learner's own log.
//!
//! The rules of scheduling are in `schedule`; this module runs them against
//! the store, and the SQL is in `store::reviews`.

mod day;
mod session;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Result;
use crate::schedule::{
    optimize, BacklogPlan, OptimizeReport, Rating, Scheduler, SchedulerConfig, DAY_MS,
    MIN_REVIEWS_FOR_OPTIMIZE,
};
use crate::store::{AnswerMode, AnswerOrigin, Store};

pub use day::{learner_day_start, ROLLOVER_HOUR};
pub use session::{
    GradeButton, LeechNote, QueueCounts, ReviewCard, ReviewMode, ReviewSession, ReviewStatus,
};

/// The scheduler's settings: the learner's preferences with their fitted FSRS
/// parameters.
pub fn scheduler_config(store: &Store) -> Result<SchedulerConfig> {
    let (parameters, _) = store.active_parameters()?;
    Ok(crate::prefs::load(store)?.scheduler_config(parameters))
}

/// How much is waiting: for the sidebar, `clio due` and the review screen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DueSummary {
    /// Today's queue, by kind.
    pub today: QueueCounts,
    /// Review cards due before today began: the backlog after a break.
    pub overdue: u32,
    /// Whether enough reviews exist to fit personal FSRS parameters.
    pub can_optimize: bool,
    #[ts(type = "number")]
    pub review_count: u64,
}

/// How much is waiting, with today's counts from a started session (building
/// the queue is the costly part, so callers reuse the one they have).
pub fn summary_of(store: &Store, session: &ReviewSession, now: i64) -> Result<DueSummary> {
    let overdue = store.overdue_reviews(now, learner_day_start(now))?.len() as u32;
    let review_count = store.review_count()?;
    Ok(DueSummary {
        today: session.counts(),
        overdue,
        can_optimize: review_count >= MIN_REVIEWS_FOR_OPTIMIZE as u64,
        review_count,
    })
}

/// Spreads the review cards overdue before today over `days` days (today
/// first, the cards closest to being forgotten first), in one transaction.
pub fn spread_backlog(
    store: &mut Store,
    config: &SchedulerConfig,
    days: u32,
    now: i64,
) -> Result<BacklogPlan> {
    let day_start = learner_day_start(now);
    let scheduler = Scheduler::new(config.clone())?.with_day_start(day_start);
    let overdue = store.overdue_reviews(now, day_start)?;
    let plan = scheduler.spread_backlog(&overdue, days, now, day_start);
    store.set_due_times(&plan.moves)?;
    Ok(plan)
}

/// Fits FSRS parameters to the review log; keeps them only if they predict the
/// learner's answers better (lower log loss) than the current ones.
pub fn optimize_parameters(
    store: &mut Store,
    config: &SchedulerConfig,
    now: i64,
) -> Result<OptimizeReport> {
    let history = store.review_history()?;
    let report = optimize(&history, &config.parameters, learner_day_start(now))?;
    if report.adopted {
        store.save_parameters(
            &report.parameters,
            config.desired_retention,
            f64::from(report.log_loss_after),
            now,
        )?;
    }
    Ok(report)
}

/// A quiz answer that the learner lets count as a review: Good when right,
/// Again when wrong, written to the log with origin `quiz`. Cards that are not
/// in the deck (rejected since) are left alone.
pub fn record_quiz_answer(
    store: &mut Store,
    config: &SchedulerConfig,
    card_id: i64,
    correct: bool,
    now: i64,
    duration_ms: i64,
) -> Result<()> {
    let Ok(before) = store.schedule_of(crate::CardId(card_id)) else {
        return Ok(());
    };
    let scheduler = Scheduler::new(config.clone())?.with_day_start(learner_day_start(now));
    let rating = if correct { Rating::Good } else { Rating::Again };
    let outcome = scheduler.answer(&before, rating, now, card_id);
    store.record_answer(
        &outcome,
        &before,
        Some(duration_ms),
        AnswerMode::Typed,
        AnswerOrigin::Quiz,
    )?;
    Ok(())
}

/// The start of the learner day after the one containing `now` (burying).
pub fn next_day_start(now: i64) -> i64 {
    learner_day_start(now) + DAY_MS
}

#[cfg(test)]
mod tests;
