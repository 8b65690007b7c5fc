//! Quiz scores over time.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::store::QuizSessionRow;

/// How many of the latest quizzes the chart shows.
pub const QUIZ_SCORES_SHOWN: u32 = 100;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct QuizScore {
    #[ts(type = "number")]
    pub session_id: i64,
    /// `document`, `category`, `all` or `due_soon`.
    pub scope_kind: String,
    #[ts(type = "number")]
    pub finished_at: i64,
    pub correct: u32,
    pub questions: u32,
    /// `correct / questions`, 0 to 1.
    pub score: f64,
}

pub(super) fn scores(rows: &[QuizSessionRow]) -> Vec<QuizScore> {
    rows.iter()
        .map(|r| QuizScore {
            session_id: r.id,
            scope_kind: r.scope_kind.clone(),
            finished_at: r.finished_at,
            correct: r.correct_count.min(r.question_count),
            questions: r.question_count,
            score: f64::from(r.correct_count.min(r.question_count))
                / f64::from(r.question_count.max(1)),
        })
        .collect()
}
