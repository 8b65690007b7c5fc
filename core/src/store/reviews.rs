//! Reviews: the scheduling rows of accepted cards, the review log, undo,
//! suspending and burying, and the active scheduler preset.

use rusqlite::{params, OptionalExtension, Row, Transaction};

use super::Store;
use crate::error::{Error, OrNotFound, Result};
use crate::ids::CardId;
use crate::schedule::{
    AnswerOutcome, CardHistory, DoneToday, QueueCandidate, QueueState, Rating, Schedule,
};

/// The tag a leech carries in `cards.tags` (the card browser filters on it).
pub const LEECH_TAG: &str = "leech";

/// How an answer was given (`review_log.answer_mode`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerMode {
    Reveal,
    Typed,
    Choice,
}

impl AnswerMode {
    fn as_str(self) -> &'static str {
        match self {
            AnswerMode::Reveal => "reveal",
            AnswerMode::Typed => "typed",
            AnswerMode::Choice => "choice",
        }
    }
}

/// Why an answer was written (`review_log.origin`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerOrigin {
    Review,
    Quiz,
}

impl AnswerOrigin {
    fn as_str(self) -> &'static str {
        match self {
            AnswerOrigin::Review => "review",
            AnswerOrigin::Quiz => "quiz",
        }
    }
}

pub(super) const SCHEDULE_COLUMNS: &str =
    "s.state, s.due, s.stability, s.difficulty, s.step, s.reps, s.lapses, s.last_review_at";

/// A `Schedule` from the eight `SCHEDULE_COLUMNS` starting at column `at`.
pub(super) fn schedule_at(row: &Row<'_>, at: usize) -> rusqlite::Result<Schedule> {
    let state: String = row.get(at)?;
    Ok(Schedule {
        // A state this Clio does not know (a later version's) is treated as new.
        state: QueueState::from_db(&state).unwrap_or(QueueState::New),
        due: row.get(at + 1)?,
        stability: row.get::<_, Option<f64>>(at + 2)?.map(|v| v as f32),
        difficulty: row.get::<_, Option<f64>>(at + 3)?.map(|v| v as f32),
        step: row.get(at + 4)?,
        reps: row.get(at + 5)?,
        lapses: row.get(at + 6)?,
        last_review_at: row.get(at + 7)?,
    })
}

/// Writes the scheduler's columns of a card's `card_schedule` row (and lifts a
/// burial: an answered card is not hidden any more). Returns the rows changed.
fn write_schedule(tx: &Transaction<'_>, card_id: i64, s: &Schedule) -> Result<usize> {
    let mut stmt = tx.prepare_cached(
        "UPDATE card_schedule SET state = ?2, due = ?3, stability = ?4, difficulty = ?5, step = ?6, reps = ?7,
                                  lapses = ?8, last_review_at = ?9, buried_until = NULL
         WHERE card_id = ?1",
    )?;
    stmt.raw_bind_parameter(1, card_id)?;
    super::schedule_row::bind_schedule(&mut stmt, 2, s)?;
    Ok(stmt.raw_execute()?)
}

/// [`write_schedule`] for an answer, leaving out `state` and `lapses` when
/// the answer kept both: SQLite rewrites every index on a column an UPDATE
/// sets, changed or not, and most answers (a passed review, a learning step)
/// keep them, so the test of `card_schedule_new`'s WHERE is spared per
/// answer. The narrower UPDATE applies only while the row still holds
/// `before`'s state and lapses (another connection may have written since
/// `before` was read); otherwise the full one is written.
fn write_answered_schedule(
    tx: &Transaction<'_>,
    card_id: i64,
    before: &Schedule,
    s: &Schedule,
) -> Result<usize> {
    if before.state == s.state && before.lapses == s.lapses {
        let written = tx
            .prepare_cached(
                "UPDATE card_schedule SET due = ?4, stability = ?5, difficulty = ?6, step = ?7, reps = ?8,
                                          last_review_at = ?9, buried_until = NULL
                 WHERE card_id = ?1 AND state = ?2 AND lapses = ?3",
            )?
            .execute(params![
                card_id,
                s.state.as_str(),
                s.lapses,
                s.due,
                s.stability.map(f64::from),
                s.difficulty.map(f64::from),
                s.step,
                s.reps,
                s.last_review_at
            ])?;
        if written > 0 {
            return Ok(written);
        }
    }
    write_schedule(tx, card_id, s)
}

/// Accepted, not suspended, not buried at `now`.
const REVIEWABLE: &str = "c.status = 'accepted' AND s.suspended = 0 AND (s.buried_until IS NULL OR s.buried_until <= ?1)";

impl Store {
    /// The cards today's queue is built from: every learning and review card
    /// due before `day_end`, and the first `new_limit` new cards.
    pub fn review_candidates(
        &self,
        now: i64,
        day_end: i64,
        new_limit: u32,
    ) -> Result<Vec<QueueCandidate>> {
        let mut out = Vec::new();
        // Read from the covering index `card_schedule_queue` alone, and the
        // few cards not accepted left out as a list: joining each due card's
        // row in `cards` cost ~250 ms at a lifetime's 86,000 due cards.
        let mut due = self.conn.prepare_cached(&format!(
            "SELECT s.card_id, s.new_position, {SCHEDULE_COLUMNS}
             FROM card_schedule s INDEXED BY card_schedule_queue
             WHERE s.state IN ('learning', 'review', 'relearning') AND s.due < ?2
               AND s.suspended = 0 AND (s.buried_until IS NULL OR s.buried_until <= ?1)
               AND s.card_id NOT IN (SELECT id FROM cards INDEXED BY cards_unaccepted
                                     WHERE status <> 'accepted')"
        ))?;
        let rows = due.query_map(params![now, day_end], |r| {
            Ok(QueueCandidate {
                card_id: r.get(0)?,
                new_position: r.get(1)?,
                schedule: schedule_at(r, 2)?,
            })
        })?;
        for row in rows {
            out.push(row?);
        }
        // In introduction order from `card_schedule_new`, stopping at the
        // limit; left to itself SQLite took the (state, due) index and sorted
        // all new cards (250,000 at a lifetime's scale, ~150 ms).
        let mut new = self.conn.prepare_cached(&format!(
            "SELECT s.card_id, s.new_position, {SCHEDULE_COLUMNS}
             FROM card_schedule s INDEXED BY card_schedule_new JOIN cards c ON c.id = s.card_id
             WHERE s.state = 'new' AND {REVIEWABLE}
             ORDER BY s.new_position, s.card_id LIMIT ?2"
        ))?;
        let rows = new.query_map(params![now, new_limit], |r| {
            Ok(QueueCandidate {
                card_id: r.get(0)?,
                new_position: r.get(1)?,
                schedule: schedule_at(r, 2)?,
            })
        })?;
        for row in rows {
            out.push(row?);
        }
        Ok(out)
    }

    /// What was answered in review since `day_start`, against the daily limits.
    pub fn done_today(&self, day_start: i64) -> Result<DoneToday> {
        Ok(self.conn.query_row(
            "SELECT count(*) FILTER (WHERE state_before = 'new'),
                    count(*) FILTER (WHERE state_before = 'review')
             FROM review_log WHERE reviewed_at >= ?1 AND origin = 'review'",
            [day_start],
            |r| {
                Ok(DoneToday {
                    new_cards: r.get(0)?,
                    reviews: r.get(1)?,
                })
            },
        )?)
    }

    /// A card's scheduling state; an error for cards not in the deck.
    pub fn schedule_of(&self, card_id: CardId) -> Result<Schedule> {
        // Cached: read twice per answer, and preparing costs more than the read.
        self.conn
            .prepare_cached(&format!(
                "SELECT {SCHEDULE_COLUMNS} FROM card_schedule s WHERE s.card_id = ?1"
            ))?
            .query_row([card_id], |r| schedule_at(r, 0))
            .optional()?
            .or_not_found("card in the deck", card_id)
    }

    /// Writes an answer: the review log row (with the schedule before, for
    /// undo) and the card's new schedule, in one transaction, so an answer is
    /// either wholly kept or not at all. Returns the log row's id.
    pub fn record_answer(
        &mut self,
        outcome: &AnswerOutcome,
        before: &Schedule,
        duration_ms: Option<i64>,
        mode: AnswerMode,
        origin: AnswerOrigin,
    ) -> Result<i64> {
        let keep_err = |e: serde_json::Error| {
            Error::Invalid(format!("could not keep the card's state for undo: {e}"))
        };
        let mut prior = serde_json::to_value(before).map_err(keep_err)?;
        let changes_before = self.conn.total_changes();
        let tx = self.conn.transaction()?;
        if outcome.leech {
            // A leech is tagged (and suspended if the learner wants); undo
            // puts the tags and suspension back, so they go with the prior state.
            let (tags, suspended): (String, bool) = tx.query_row(
                "SELECT c.tags, s.suspended FROM cards c JOIN card_schedule s ON s.card_id = c.id WHERE c.id = ?1",
                [outcome.card_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            if let Some(object) = prior.as_object_mut() {
                object.insert("leechPriorTags".into(), tags.clone().into());
                object.insert("leechPriorSuspended".into(), suspended.into());
            }
            if !tags.split_whitespace().any(|t| t == LEECH_TAG) {
                let tagged = format!("{} {LEECH_TAG}", tags.trim()).trim().to_string();
                tx.execute(
                    "UPDATE cards SET tags = ?2 WHERE id = ?1",
                    params![outcome.card_id, tagged],
                )?;
            }
            if outcome.suspend {
                tx.execute(
                    "UPDATE card_schedule SET suspended = 1 WHERE card_id = ?1",
                    [outcome.card_id],
                )?;
            }
        }
        let prior = serde_json::to_string(&prior).map_err(keep_err)?;
        // Cached: preparing it compiles the review_log_slots trigger too.
        tx.prepare_cached(
            "INSERT INTO review_log (card_id, reviewed_at, rating, state_before, state_after, due_after, stability,
                                     difficulty, elapsed_days, duration_ms, answer_mode, origin, prior_schedule)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        )?
        .execute(params![
                outcome.card_id,
                outcome.reviewed_at,
                outcome.rating.as_u8(),
                outcome.state_before.as_str(),
                outcome.state_after.as_str(),
                outcome.due_after,
                outcome.stability.map(f64::from),
                outcome.difficulty.map(f64::from),
                outcome.elapsed_days,
                duration_ms,
                mode.as_str(),
                origin.as_str(),
                prior
            ],
        )?;
        let log_id = tx.last_insert_rowid();
        if write_answered_schedule(&tx, outcome.card_id, before, &outcome.schedule)? == 0 {
            return Err(Error::not_found("card in the deck", outcome.card_id));
        }
        tx.commit()?;
        self.note_answer(outcome.card_id, changes_before);
        Ok(log_id)
    }

    /// Takes back the last review answer (not quiz answers): the card gets its
    /// schedule from before, and the log row goes. Returns the card's id, or
    /// `None` when there is nothing to undo.
    pub fn undo_last_answer(&mut self) -> Result<Option<i64>> {
        let changes_before = self.conn.total_changes();
        let tx = self.conn.transaction()?;
        // Cached, as the answer's own statements are.
        let last: Option<(i64, i64, Option<String>)> = tx
            .prepare_cached(
                "SELECT id, card_id, prior_schedule FROM review_log WHERE origin = 'review' ORDER BY id DESC LIMIT 1",
            )?
            .query_row([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()?;
        let Some((log_id, card_id, Some(prior))) = last else {
            return Ok(None);
        };
        let unreadable = |e: serde_json::Error| {
            Error::Invalid(format!(
                "the last answer cannot be undone: its saved state is unreadable ({e})"
            ))
        };
        let value: serde_json::Value = serde_json::from_str(&prior).map_err(unreadable)?;
        let s: Schedule = serde_json::from_value(value.clone()).map_err(unreadable)?;
        write_schedule(&tx, card_id, &s)?;
        // The answer made the card a leech: its tags and suspension as before.
        if let Some(tags) = value.get("leechPriorTags").and_then(|t| t.as_str()) {
            let suspended = value
                .get("leechPriorSuspended")
                .and_then(|s| s.as_bool())
                .unwrap_or(false);
            tx.execute(
                "UPDATE cards SET tags = ?2 WHERE id = ?1",
                params![card_id, tags],
            )?;
            tx.execute(
                "UPDATE card_schedule SET suspended = ?2 WHERE card_id = ?1",
                params![card_id, suspended],
            )?;
        }
        tx.prepare_cached("DELETE FROM review_log WHERE id = ?1")?
            .execute([log_id])?;
        tx.commit()?;
        self.note_answer(card_id, changes_before);
        Ok(Some(card_id))
    }

    /// Suspends (or restores) a card: suspended cards are never due.
    pub fn set_suspended(&mut self, card_id: CardId, suspended: bool) -> Result<()> {
        match self.conn.execute(
            "UPDATE card_schedule SET suspended = ?2 WHERE card_id = ?1",
            params![card_id, suspended],
        )? {
            0 => Err(Error::not_found("card in the deck", card_id)),
            _ => Ok(()),
        }
    }

    /// Hides a card until `until` (the start of the learner's next day).
    pub fn bury(&mut self, card_id: CardId, until: i64) -> Result<()> {
        match self.conn.execute(
            "UPDATE card_schedule SET buried_until = ?2 WHERE card_id = ?1",
            params![card_id, until],
        )? {
            0 => Err(Error::not_found("card in the deck", card_id)),
            _ => Ok(()),
        }
    }

    /// Review cards due before `before` (the backlog), with their schedules.
    pub fn overdue_reviews(&self, now: i64, before: i64) -> Result<Vec<(i64, Schedule)>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT s.card_id, {SCHEDULE_COLUMNS} FROM card_schedule s JOIN cards c ON c.id = s.card_id
             WHERE s.state = 'review' AND s.due < ?2 AND {REVIEWABLE}"
        ))?;
        let rows = stmt.query_map(params![now, before], |r| {
            Ok((r.get(0)?, schedule_at(r, 1)?))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Moves cards' due times, all or none (spreading a backlog).
    pub fn set_due_times(&mut self, moves: &[(i64, i64)]) -> Result<()> {
        let tx = self.conn.transaction()?;
        {
            let mut stmt =
                tx.prepare_cached("UPDATE card_schedule SET due = ?2 WHERE card_id = ?1")?;
            for &(card_id, due) in moves {
                stmt.execute(params![card_id, due])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Every card's answers in order (review and quiz answers that counted),
    /// for fitting FSRS parameters.
    pub fn review_history(&self) -> Result<Vec<CardHistory>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT card_id, reviewed_at, rating FROM review_log
             WHERE origin IN ('review', 'quiz', 'imported') ORDER BY card_id, reviewed_at, id",
        )?;
        let mut rows = stmt.query([])?;
        let mut out: Vec<CardHistory> = Vec::new();
        while let Some(row) = rows.next()? {
            let (card_id, at, rating): (i64, i64, u8) = (row.get(0)?, row.get(1)?, row.get(2)?);
            let Some(rating) = Rating::from_u8(rating) else {
                continue;
            };
            match out.last_mut() {
                Some(last) if last.card_id == card_id => last.reviews.push((at, rating)),
                _ => out.push(CardHistory {
                    card_id,
                    reviews: vec![(at, rating)],
                }),
            }
        }
        Ok(out)
    }

    /// How many answers the review log holds.
    pub fn review_count(&self) -> Result<u64> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM review_log", [], |r| r.get(0))?)
    }

    /// The active FSRS parameters (empty: the defaults) and their log loss.
    pub fn active_parameters(&self) -> Result<(Vec<f32>, Option<f64>)> {
        let row: Option<(Option<String>, Option<f64>)> = self
            .conn
            .query_row(
                "SELECT parameters_json, log_loss FROM scheduler_presets WHERE active = 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        Ok(match row {
            Some((Some(json), loss)) => (serde_json::from_str(&json).unwrap_or_default(), loss),
            Some((None, loss)) => (Vec::new(), loss),
            None => (Vec::new(), None),
        })
    }

    /// Makes new parameters the active ones; the old row stays as history.
    pub fn save_parameters(
        &mut self,
        parameters: &[f32],
        desired_retention: f32,
        log_loss: f64,
        now: i64,
    ) -> Result<()> {
        let json = serde_json::to_string(parameters)
            .map_err(|e| Error::Invalid(format!("could not store the parameters: {e}")))?;
        let tx = self.conn.transaction()?;
        tx.execute(
            "UPDATE scheduler_presets SET active = 0 WHERE active = 1",
            [],
        )?;
        tx.execute(
            "INSERT INTO scheduler_presets (parameters_json, desired_retention, log_loss, created_at, active)
             VALUES (?1, ?2, ?3, ?4, 1)",
            params![json, f64::from(desired_retention), log_loss, now],
        )?;
        tx.commit()?;
        Ok(())
    }
}
