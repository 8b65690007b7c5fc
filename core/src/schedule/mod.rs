//! Spaced repetition: when each card comes back, in what order today's cards
//! are shown, and how the memory model is fitted to the learner.
//!
//! Pure logic: no I/O, no clock, no randomness. Every function takes the time
//! (`now`, Unix ms) and returns the same output for the same input, so the
//! store can persist what it returns and tests can replay a year in seconds.
//!
//! The memory model is FSRS 6 (the `fsrs` crate, as in Anki). Around it this
//! module does what Anki does with FSRS: learning and relearning steps in
//! minutes, review intervals in whole days of the learner's day, fuzz, a
//! maximum interval, and daily limits.

mod answer;
mod backlog;
mod config;
mod format;
mod fuzz;
mod leech;
mod optimize;
mod queue;
mod state;
mod typed;

#[cfg(test)]
mod simulation_tests;

pub use answer::FuzzPreview;
pub use backlog::BacklogPlan;
pub use config::{
    SchedulerConfig, DEFAULT_LEECH_THRESHOLD, MAX_DESIRED_RETENTION, MAX_INTERVAL_DAYS,
    MAX_LEECH_THRESHOLD, MAX_NEW_PER_DAY, MAX_REVIEWS_PER_DAY, MIN_DESIRED_RETENTION,
};
pub use format::format_interval;
pub use fuzz::fuzz_factor;
pub use leech::is_leech;
pub use optimize::{
    optimize, optimize_with_progress, CardHistory, OptimizeReport, MAX_ANSWERS_FOR_OPTIMIZE,
    MIN_REVIEWS_FOR_OPTIMIZE,
};
pub use queue::{DoneToday, QueueCandidate, LEARN_AHEAD_MS};
pub use state::{AnswerOutcome, Outcome, QueueState, Rating, Schedule};
pub use typed::{check_typed, AnswerDiff, DiffKind, DiffPart, TypedCheck};

use fsrs::FSRS;

use crate::{Error, Result};

pub const MINUTE_MS: i64 = 60 * 1000;
pub const HOUR_MS: i64 = 60 * MINUTE_MS;
pub const DAY_MS: i64 = 24 * HOUR_MS;

/// An FSRS memory state (stability, difficulty) estimated from an SM-2
/// card, for cards imported from Anki without one: its ease (2.5 for 250%)
/// and interval in days, with FSRS's default parameters and the retention
/// SM-2 aims at (0.9), as Anki does when FSRS is switched on.
pub fn memory_from_sm2(ease: f32, interval_days: f32) -> Option<(f32, f32)> {
    let fsrs = FSRS::new(&[]).ok()?;
    let memory = fsrs.memory_state_from_sm2(ease, interval_days, 0.9).ok()?;
    (memory.stability.is_finite() && memory.difficulty.is_finite())
        .then_some((memory.stability, memory.difficulty))
}

/// Schedules cards with one set of settings.
#[derive(Debug, Clone)]
pub struct Scheduler {
    config: SchedulerConfig,
    fsrs: FSRS,
    /// The forgetting curve's decay (FSRS weight 21), for retrievability.
    decay: f32,
    /// Where in the UTC day the learner's day begins, in ms (0 = midnight UTC).
    day_offset_ms: i64,
}

impl Scheduler {
    /// Checks the settings and builds the FSRS model. The learner's day starts
    /// at midnight UTC until `with_day_start` says otherwise.
    pub fn new(config: SchedulerConfig) -> Result<Scheduler> {
        config.validate()?;
        let fsrs = FSRS::new(&config.parameters).map_err(|e| {
            Error::Invalid(format!(
                "the FSRS parameters were refused ({e:?}); use the defaults"
            ))
        })?;
        let filled = fsrs::check_and_fill_parameters(&config.parameters)
            .map_err(|e| Error::Invalid(format!("the FSRS parameters were refused ({e:?})")))?;
        // fsrs clamps the decay to 0.1..=0.8 inside `FSRS::new`; do the same so
        // retrievability here matches the model's own forgetting curve.
        let decay = filled[20].clamp(0.1, 0.8);
        Ok(Scheduler {
            config,
            fsrs,
            decay,
            day_offset_ms: 0,
        })
    }

    /// Sets when the learner's day begins, from any instant at which one begins
    /// (e.g. today's 4 am local time): only its time of day is used. Reviews
    /// fall due at the start of a learner day, and FSRS counts elapsed days
    /// between learner days, as Anki does with its "next day starts at".
    pub fn with_day_start(mut self, day_start: i64) -> Scheduler {
        self.day_offset_ms = day_start.rem_euclid(DAY_MS);
        self
    }

    pub fn config(&self) -> &SchedulerConfig {
        &self.config
    }

    /// The number of the learner day `t` falls in.
    fn day_number(&self, t: i64) -> i64 {
        (t - self.day_offset_ms).div_euclid(DAY_MS)
    }

    /// When the learner day containing `t` began.
    pub fn day_start_of(&self, t: i64) -> i64 {
        self.day_number(t) * DAY_MS + self.day_offset_ms
    }

    /// Whole learner days from `earlier` to `later` (0 on the same day).
    fn days_between(&self, earlier: i64, later: i64) -> u32 {
        (self.day_number(later) - self.day_number(earlier)).clamp(0, u32::MAX as i64) as u32
    }

    /// The probability of recalling the card at `now`, by the FSRS forgetting
    /// curve; `None` for a card without a memory state (new).
    pub fn retrievability(&self, schedule: &Schedule, now: i64) -> Option<f32> {
        self.forgetting_curve().retrievability(schedule, now)
    }

    /// The forgetting curve alone: small and `Send`, for reading a large deck
    /// on several threads.
    pub fn forgetting_curve(&self) -> ForgettingCurve {
        ForgettingCurve { decay: self.decay }
    }
}

/// The FSRS forgetting curve of a scheduler's parameters.
#[derive(Debug, Clone, Copy)]
pub struct ForgettingCurve {
    decay: f32,
}

impl ForgettingCurve {
    /// As [`Scheduler::retrievability`].
    pub fn retrievability(&self, schedule: &Schedule, now: i64) -> Option<f32> {
        let memory = schedule.memory()?;
        let last = schedule.last_review_at?;
        let days = ((now - last).max(0) as f64 / DAY_MS as f64) as f32;
        Some(fsrs::current_retrievability(memory, days, self.decay))
    }
}

#[cfg(test)]
mod tests {
    use ts_rs::{Config, TS};

    use super::*;

    /// The types the UI will share export to TypeScript as intended: times
    /// as numbers, enums as their snake_case strings.
    #[test]
    fn schedule_types_export_to_typescript() {
        let cfg = Config::new();
        let schedule = Schedule::export_to_string(&cfg).unwrap();
        assert!(schedule.contains("due: number | null"), "{schedule}");
        assert!(
            schedule.contains("lastReviewAt: number | null"),
            "{schedule}"
        );
        let rating = Rating::export_to_string(&cfg).unwrap();
        assert!(
            rating.contains(r#""again" | "hard" | "good" | "easy""#),
            "{rating}"
        );
        let state = QueueState::export_to_string(&cfg).unwrap();
        assert!(
            state.contains(r#""new" | "learning" | "review" | "relearning""#),
            "{state}"
        );
        let history = CardHistory::export_to_string(&cfg).unwrap();
        assert!(
            history.contains("reviews: Array<[number, Rating]>"),
            "{history}"
        );
        assert!(history.contains("import type { Rating }"), "{history}");
        let plan = BacklogPlan::export_to_string(&cfg).unwrap();
        assert!(plan.contains("moves: Array<[number, number]>"), "{plan}");
        for text in [
            Outcome::export_to_string(&cfg),
            AnswerOutcome::export_to_string(&cfg),
            SchedulerConfig::export_to_string(&cfg),
            QueueCandidate::export_to_string(&cfg),
            DoneToday::export_to_string(&cfg),
            OptimizeReport::export_to_string(&cfg),
            TypedCheck::export_to_string(&cfg),
            DiffPart::export_to_string(&cfg),
            DiffKind::export_to_string(&cfg),
        ] {
            assert!(!text.unwrap().contains("bigint"));
        }
    }

    #[test]
    fn states_and_ratings_round_trip_through_the_database_values() {
        for state in [
            QueueState::New,
            QueueState::Learning,
            QueueState::Review,
            QueueState::Relearning,
        ] {
            assert_eq!(QueueState::from_db(state.as_str()), Some(state));
            let json = serde_json::to_string(&state).unwrap();
            assert_eq!(json, format!("\"{}\"", state.as_str()));
        }
        assert_eq!(QueueState::from_db("buried"), None);
        for rating in Rating::ALL {
            assert_eq!(Rating::from_u8(rating.as_u8()), Some(rating));
        }
        assert_eq!(Rating::Again.as_u8(), 1);
        assert_eq!(Rating::Easy.as_u8(), 4);
        assert_eq!(Rating::from_u8(0), None);
        // A schedule survives the JSON kept in review_log.prior_schedule.
        let s = Schedule {
            due: Some(5),
            ..Schedule::new_card()
        };
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(serde_json::from_str::<Schedule>(&json).unwrap(), s);
    }
}
