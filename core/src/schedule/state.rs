//! The values the scheduler reads and writes. Each maps 1:1 to a column of
//! `card_schedule` or `review_log` (see `store/migrations/0001_initial.sql`).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Where a card is in its life: the values of `card_schedule.state`,
/// `review_log.state_before` and `review_log.state_after`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum QueueState {
    /// Never answered.
    New,
    /// Being learnt: short steps (minutes) the same day.
    Learning,
    /// Learnt: next seen after an interval of whole days.
    Review,
    /// Forgotten in review, being relearnt with short steps.
    Relearning,
}

impl QueueState {
    /// The text stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            QueueState::New => "new",
            QueueState::Learning => "learning",
            QueueState::Review => "review",
            QueueState::Relearning => "relearning",
        }
    }

    /// The state stored in the database; `None` for a value this Clio does not know.
    pub fn from_db(value: &str) -> Option<QueueState> {
        match value {
            "new" => Some(QueueState::New),
            "learning" => Some(QueueState::Learning),
            "review" => Some(QueueState::Review),
            "relearning" => Some(QueueState::Relearning),
            _ => None,
        }
    }

    /// Learning and relearning cards come back within the day, in minutes.
    pub fn is_intraday(self) -> bool {
        matches!(self, QueueState::Learning | QueueState::Relearning)
    }
}

/// The learner's answer. The numbers are `review_log.rating` and FSRS's grades.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[repr(u8)]
pub enum Rating {
    Again = 1,
    Hard = 2,
    Good = 3,
    Easy = 4,
}

impl Rating {
    pub const ALL: [Rating; 4] = [Rating::Again, Rating::Hard, Rating::Good, Rating::Easy];

    /// The number stored in `review_log.rating` (1 to 4).
    pub fn as_u8(self) -> u8 {
        self as u8
    }

    pub fn from_u8(value: u8) -> Option<Rating> {
        match value {
            1 => Some(Rating::Again),
            2 => Some(Rating::Hard),
            3 => Some(Rating::Good),
            4 => Some(Rating::Easy),
            _ => None,
        }
    }

    /// Index into `[Outcome; 4]` as returned by `Scheduler::preview`.
    pub fn index(self) -> usize {
        self as usize - 1
    }

    /// Did the learner remember? Everything but Again counts as recall, as in FSRS.
    pub fn is_pass(self) -> bool {
        self != Rating::Again
    }
}

/// A card's scheduling state: the columns of `card_schedule` the scheduler owns
/// (`new_position`, `suspended` and `buried_until` belong to the queue's caller).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Schedule {
    pub state: QueueState,
    /// When the card is next due (Unix ms); `None` while new.
    #[ts(type = "number | null")]
    pub due: Option<i64>,
    /// FSRS memory state, in days; `None` while new.
    pub stability: Option<f32>,
    /// FSRS difficulty, 1 (easy) to 10 (hard); `None` while new.
    pub difficulty: Option<f32>,
    /// Index into the learning (or relearning) steps; 0 otherwise.
    pub step: u32,
    pub reps: u32,
    pub lapses: u32,
    #[ts(type = "number | null")]
    pub last_review_at: Option<i64>,
}

impl Schedule {
    /// A card that has never been answered.
    pub fn new_card() -> Schedule {
        Schedule {
            state: QueueState::New,
            due: None,
            stability: None,
            difficulty: None,
            step: 0,
            reps: 0,
            lapses: 0,
            last_review_at: None,
        }
    }

    /// The FSRS memory state, if the card has a usable one. A stored state that
    /// is not finite and positive (a damaged row) counts as none, so the card is
    /// treated as new by FSRS rather than making the scheduler fail.
    pub fn memory(&self) -> Option<fsrs::MemoryState> {
        match (self.stability, self.difficulty) {
            (Some(s), Some(d)) if s.is_finite() && s > 0.0 && d.is_finite() => {
                Some(fsrs::MemoryState {
                    stability: s,
                    difficulty: d,
                })
            }
            _ => None,
        }
    }
}

impl Default for Schedule {
    fn default() -> Self {
        Schedule::new_card()
    }
}

/// What one answer button would do: the card's next schedule and the interval
/// to show on the button ("Again 1m · Hard 6m · Good 10m · Easy 3d").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Outcome {
    pub rating: Rating,
    pub schedule: Schedule,
    /// The interval: minutes for (re)learning steps, whole days for reviews
    /// (the due time itself is the start of the learner's day).
    #[ts(type = "number")]
    pub interval_ms: i64,
    /// `interval_ms` as the button shows it, e.g. "10m" or "3d".
    pub label: String,
}

/// The result of an answer: the schedule to store in `card_schedule` and the
/// values for the `review_log` row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AnswerOutcome {
    #[ts(type = "number")]
    pub card_id: i64,
    pub rating: Rating,
    #[ts(type = "number")]
    pub reviewed_at: i64,
    pub state_before: QueueState,
    pub state_after: QueueState,
    #[ts(type = "number | null")]
    pub due_after: Option<i64>,
    /// Memory state after the answer.
    pub stability: Option<f32>,
    pub difficulty: Option<f32>,
    /// Real time since the previous answer, in days (fractional); `None` for
    /// the first answer. FSRS itself counts whole learner days.
    pub elapsed_days: Option<f64>,
    #[ts(type = "number")]
    pub interval_ms: i64,
    /// The new row for `card_schedule`.
    pub schedule: Schedule,
    /// This answer made the card a leech: tag it `leech`.
    pub leech: bool,
    /// …and suspend it (the learner's preference).
    pub suspend: bool,
}
