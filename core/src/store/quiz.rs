//! Quizzes: the cards a quiz may draw, its questions and answers, and the
//! history of past quizzes.

use rusqlite::{params, OptionalExtension};

use super::cards::{card_of_row, CARD_COLUMNS};
use super::Store;
use crate::cards::StoredCard;
use crate::error::{Error, OrNotFound, Result};
use crate::ids::DocumentId;
use crate::quiz::{
    MissedQuestion, NewQuiz, QuizFormat, QuizResult, QuizScope, QuizSummary, StoredQuestion,
};

const DAY_MS: i64 = 86_400_000;

/// A past quiz as stored: its summary and what it covered.
pub struct QuizHistoryRow {
    /// `scope_label` is empty: the store writes no sentences.
    pub summary: QuizSummary,
    pub scope_kind: String,
    pub scope_ref: Option<String>,
    /// The quizzed document's title, when the scope was one (and it still exists).
    pub document_title: Option<String>,
}

impl Store {
    /// The accepted cards in `scope`, by id (the quiz shuffles them).
    pub fn quiz_candidates(&self, scope: &QuizScope, now: i64) -> Result<Vec<StoredCard>> {
        let cards = match scope {
            QuizScope::Document { document_id } => {
                let mut stmt = self.conn.prepare_cached(&format!(
                    "SELECT {CARD_COLUMNS} FROM cards c
                     WHERE c.status = 'accepted' AND c.document_id = ?1 ORDER BY c.id"
                ))?;
                let rows = stmt.query_map([document_id], card_of_row)?;
                rows.collect::<rusqlite::Result<_>>()?
            }
            QuizScope::Category { path } => {
                let Some(category_id) = self.category_id(path)? else {
                    return Ok(Vec::new());
                };
                let mut stmt = self.conn.prepare_cached(&format!(
                    "WITH RECURSIVE subtree(id) AS (
                         SELECT ?1
                         UNION ALL
                         SELECT k.id FROM categories k JOIN subtree s ON k.parent_id = s.id
                     )
                     SELECT {CARD_COLUMNS} FROM cards c JOIN documents d ON d.id = c.document_id
                     WHERE c.status = 'accepted' AND d.category_id IN (SELECT id FROM subtree)
                     ORDER BY c.id"
                ))?;
                let rows = stmt.query_map([category_id], card_of_row)?;
                rows.collect::<rusqlite::Result<_>>()?
            }
            QuizScope::All => {
                let mut stmt = self.conn.prepare_cached(&format!(
                    "SELECT {CARD_COLUMNS} FROM cards c WHERE c.status = 'accepted' ORDER BY c.id"
                ))?;
                let rows = stmt.query_map([], card_of_row)?;
                rows.collect::<rusqlite::Result<_>>()?
            }
            QuizScope::DueSoon { days } => {
                let until = now.saturating_add(i64::from(*days).saturating_mul(DAY_MS));
                let mut stmt = self.conn.prepare_cached(&format!(
                    "SELECT {CARD_COLUMNS} FROM cards c JOIN card_schedule s ON s.card_id = c.id
                     WHERE c.status = 'accepted' AND s.suspended = 0 AND s.due IS NOT NULL AND s.due <= ?1
                     ORDER BY c.id"
                ))?;
                let rows = stmt.query_map([until], card_of_row)?;
                rows.collect::<rusqlite::Result<_>>()?
            }
        };
        Ok(cards)
    }

    /// The id of the category at `path`, if there is one.
    pub fn category_id(&self, path: &[String]) -> Result<Option<i64>> {
        let mut parent: Option<i64> = None;
        for name in path {
            let found: Option<i64> = self
                .conn
                .query_row(
                    "SELECT id FROM categories WHERE ifnull(parent_id, 0) = ifnull(?1, 0) AND name = ?2",
                    params![parent, name],
                    |r| r.get(0),
                )
                .optional()?;
            match found {
                Some(id) => parent = Some(id),
                None => return Ok(None),
            }
        }
        Ok(parent)
    }

    /// A document's stable uid and its title.
    pub fn document_uid_and_title(&self, id: DocumentId) -> Result<(String, String)> {
        self.conn
            .query_row(
                "SELECT uid, title FROM documents WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?
            .or_not_found("document", id)
    }

    /// Stores a quiz and its questions in one transaction; returns its id.
    pub fn insert_quiz(&mut self, quiz: &NewQuiz, now: i64) -> Result<i64> {
        self.transact(|tx| {
            let tx = &tx.tx;
            tx.execute(
                "INSERT INTO quiz_sessions (scope_kind, scope_ref, formats, question_count, counts_as_review, started_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    quiz.scope_kind,
                    quiz.scope_ref,
                    quiz.formats,
                    quiz.questions.len() as i64,
                    quiz.counts_as_review,
                    now
                ],
            )?;
            let id = tx.last_insert_rowid();
            {
                let mut insert = tx.prepare_cached(
                    "INSERT INTO quiz_answers (session_id, card_id, position, format, prompt, expected)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                )?;
                for planned in &quiz.questions {
                    let q = &planned.question;
                    insert.execute(params![
                        id,
                        q.card_id,
                        q.position,
                        q.format.as_str(),
                        q.prompt,
                        planned.expected
                    ])?;
                }
            }
            Ok(id)
        })
    }

    /// One question of a quiz with its card's place in the text.
    pub fn quiz_question(&self, session_id: i64, position: u32) -> Result<StoredQuestion> {
        self.quiz_session_exists(session_id)?;
        self.conn
            .query_row(
                "SELECT a.format, a.expected, a.answered_at IS NOT NULL, s.finished_at IS NOT NULL,
                        c.document_id, c.span_start, c.span_end, c.source_text, a.card_id
                 FROM quiz_answers a JOIN quiz_sessions s ON s.id = a.session_id
                 LEFT JOIN cards c ON c.id = a.card_id
                 WHERE a.session_id = ?1 AND a.position = ?2",
                params![session_id, position],
                |r| {
                    let format: String = r.get(0)?;
                    Ok(StoredQuestion {
                        format: QuizFormat::from_db(&format),
                        expected: r.get(1)?,
                        answered: r.get(2)?,
                        finished: r.get(3)?,
                        document_id: r.get(4)?,
                        span_start: r.get::<_, Option<i64>>(5)?.map(|v| v as usize),
                        span_end: r.get::<_, Option<i64>>(6)?.map(|v| v as usize),
                        source_text: r.get(7)?,
                        card_id: r.get(8)?,
                    })
                },
            )
            .optional()?
            .ok_or_else(|| {
                Error::Invalid(format!(
                    "This quiz has no question {position}. Answer one of its questions."
                ))
            })
    }

    /// Records an answer and, when it is right, the session's score, in one
    /// transaction. Refuses a question already answered.
    pub fn record_quiz_answer(
        &mut self,
        session_id: i64,
        position: u32,
        given: &str,
        correct: bool,
        now: i64,
        duration_ms: i64,
    ) -> Result<()> {
        self.transact(|tx| {
            let tx = &tx.tx;
            let written = tx.execute(
                "UPDATE quiz_answers SET given = ?3, correct = ?4, answered_at = ?5, duration_ms = ?6
                 WHERE session_id = ?1 AND position = ?2 AND answered_at IS NULL",
                params![session_id, position, given, correct, now, duration_ms],
            )?;
            if written == 0 {
                return Err(Error::Invalid(format!(
                    "Question {position} of this quiz was already answered; each question takes one answer. Go on to the next one."
                )));
            }
            if correct {
                tx.execute(
                    "UPDATE quiz_sessions SET correct_count = correct_count + 1 WHERE id = ?1",
                    [session_id],
                )?;
            }
            Ok(())
        })
    }

    /// Marks a quiz finished (the first time only) and reads its score and
    /// the questions missed or left unanswered.
    pub fn finish_quiz(&mut self, session_id: i64, now: i64) -> Result<QuizResult> {
        self.transact(|tx| {
            let tx = &tx.tx;
            let found = tx.execute(
                "UPDATE quiz_sessions SET finished_at = coalesce(finished_at, ?2) WHERE id = ?1",
                params![session_id, now],
            )?;
            if found == 0 {
                return Err(Error::not_found("quiz", session_id));
            }
            // Only answered questions are scored: ending early is not getting the rest wrong.
            let (correct, total, unanswered): (u32, u32, u32) = tx.query_row(
                "SELECT count(*) FILTER (WHERE correct = 1), count(*) FILTER (WHERE answered_at IS NOT NULL),
                        count(*) FILTER (WHERE answered_at IS NULL)
                 FROM quiz_answers WHERE session_id = ?1",
                [session_id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )?;
            if total == 0 {
                // Nothing answered: no score to keep, so the quiz leaves no trace in the history.
                tx.execute("DELETE FROM quiz_sessions WHERE id = ?1", [session_id])?;
                return Ok(QuizResult {
                    correct: 0,
                    total: 0,
                    unanswered,
                    saved: false,
                    missed: Vec::new(),
                });
            }
            let missed = {
                let mut stmt = tx.prepare_cached(
                    "SELECT a.position, a.prompt, a.expected, a.given, a.card_id, c.document_id, d.title,
                            c.span_start, c.span_end
                     FROM quiz_answers a LEFT JOIN cards c ON c.id = a.card_id
                     LEFT JOIN documents d ON d.id = c.document_id
                     WHERE a.session_id = ?1 AND ifnull(a.correct, 0) = 0
                     ORDER BY a.position",
                )?;
                let rows = stmt.query_map([session_id], |r| {
                    Ok(MissedQuestion {
                        position: r.get(0)?,
                        prompt: r.get(1)?,
                        expected: r.get(2)?,
                        given: r.get(3)?,
                        card_id: r.get(4)?,
                        document_id: r.get(5)?,
                        document_title: r.get(6)?,
                        span_start: r.get::<_, Option<i64>>(7)?.map(|v| v as usize),
                        span_end: r.get::<_, Option<i64>>(8)?.map(|v| v as usize),
                    })
                })?;
                rows.collect::<rusqlite::Result<Vec<_>>>()?
            };
            Ok(QuizResult {
                correct,
                total,
                unanswered,
                saved: true,
                missed,
            })
        })
    }

    /// Past quizzes with at least one answer, newest first, with what each
    /// covered (the label is left for `quiz` to write).
    pub fn quiz_history(&self, limit: usize) -> Result<Vec<QuizHistoryRow>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT s.id, s.scope_kind, s.scope_ref, d.title, s.started_at, s.finished_at, s.question_count,
                    s.correct_count, a.answered
             FROM quiz_sessions s
             JOIN (SELECT session_id, count(*) FILTER (WHERE answered_at IS NOT NULL) AS answered
                   FROM quiz_answers GROUP BY session_id) a ON a.session_id = s.id
             LEFT JOIN documents d ON s.scope_kind = 'document' AND d.uid = s.scope_ref
             WHERE a.answered > 0
             ORDER BY s.started_at DESC, s.id DESC LIMIT ?1",
        )?;
        let rows = stmt.query_map([limit as i64], |r| {
            let kind: String = r.get(1)?;
            let scope_ref: Option<String> = r.get(2)?;
            let title: Option<String> = r.get(3)?;
            Ok(QuizHistoryRow {
                summary: QuizSummary {
                    id: r.get(0)?,
                    scope_label: String::new(),
                    started_at: r.get(4)?,
                    finished_at: r.get(5)?,
                    question_count: r.get(6)?,
                    correct_count: r.get(7)?,
                    answered_count: r.get(8)?,
                },
                scope_kind: kind,
                scope_ref,
                document_title: title,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Whether a quiz's answers are to count as reviews.
    pub fn quiz_counts_as_review(&self, session_id: i64) -> Result<bool> {
        self.conn
            .query_row(
                "SELECT counts_as_review FROM quiz_sessions WHERE id = ?1",
                [session_id],
                |r| r.get(0),
            )
            .optional()?
            .or_not_found("quiz", session_id)
    }

    fn quiz_session_exists(&self, session_id: i64) -> Result<()> {
        let found: bool = self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM quiz_sessions WHERE id = ?1)",
            [session_id],
            |r| r.get(0),
        )?;
        if found {
            Ok(())
        } else {
            Err(Error::not_found("quiz", session_id))
        }
    }
}
