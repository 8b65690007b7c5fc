//! Statistics: the review log summed by learner day, every deck card's
//! schedule in one pass, and the few rows the dashboard lists. The figures
//! themselves are computed in `stats`.

use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::Duration;

use rusqlite::types::ValueRef;
use rusqlite::{params, Connection, OpenFlags, OptionalExtension};

use super::reviews::SCHEDULE_COLUMNS;
use super::Store;
use crate::error::Result;
use crate::schedule::{QueueState, Schedule};

/// The two packed expressions of the `review_log_stats` index (migration
/// 0003), written exactly as there so SQLite reads them from the index.
const KIND: &str = "(CASE WHEN origin = 'rescheduled' THEN 0
          WHEN state_before = 'new' THEN 2097153
          WHEN state_before = 'review' AND ifnull(elapsed_days, 0) < 21 THEN 4398046511105
          ELSE 1 END)";
const RECALL: &str = "(CASE WHEN origin = 'rescheduled' OR state_before <> 'review' THEN 0
          WHEN ifnull(elapsed_days, 0) < 21 THEN rating >= 2
          ELSE 2097152 + (rating >= 2) * 4398046511104 END)";

/// The span of a `review_log_slots` row: a quarter hour, so learner days (4 am
/// local time, in any time zone) are made of whole slots.
const SLOT_MS: i64 = 15 * 60 * 1000;

/// One 21-bit counter of a packed sum.
fn unpack(sum: i64, slot: u32) -> u32 {
    ((sum >> (21 * slot)) & 0x1F_FFFF) as u32
}

/// What the review log holds for one learner day. Answers are the learner's
/// own: reviews, quizzes that counted as reviews, imported answers; not
/// reschedules.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DayTotals {
    /// Answers given (review, quiz and imported; not reschedules).
    pub answers: u32,
    /// Answers to new cards: cards met for the first time.
    pub new_cards: u32,
    /// Time spent answering (when asked for).
    pub duration_ms: i64,
    /// Review-state answers on young cards (interval under 21 days), and how
    /// many passed; a card's later answers of the same day are still in (see
    /// `close_reviews`).
    pub young: u32,
    pub young_passed: u32,
    /// The same on mature cards (interval of 21 days or more).
    pub mature: u32,
    pub mature_passed: u32,
}

/// A deck card's schedule, for counts, forecast and mastery.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StatsCard {
    pub card_id: i64,
    pub document_id: Option<i64>,
    pub schedule: Schedule,
    pub suspended: bool,
    pub buried_until: Option<i64>,
}

/// The deck's schedules as last read, kept between dashboards: reading a
/// lifetime's million cards costs ~0.5 s of CPU, and between two openings of
/// Progress usually only the cards answered have changed. Trusted only while
/// no other connection has committed (`PRAGMA data_version`) and every change
/// this connection made since is an answer it noted (`total_changes`); else
/// the deck is read afresh.
#[derive(Debug, Default)]
pub(crate) struct DeckCache {
    cards: Vec<StatsCard>,
    /// Whether `cards` has been read at all.
    filled: bool,
    /// A warm-up thread is reading the deck as it stood at (`data_version`,
    /// `changes`); answers are noted meanwhile, as for a filled deck.
    warming: bool,
    data_version: i64,
    /// This connection's `total_changes` that `cards` accounts for.
    changes: u64,
    /// Cards answered (or an answer taken back) on this connection since.
    touched: Vec<i64>,
}

/// The kept deck, shared by the store and its warm-up thread, with the
/// signal that a warm-up ended.
#[derive(Debug, Default)]
pub(crate) struct KeptDeck {
    cache: Mutex<DeckCache>,
    warmed: Condvar,
}

impl KeptDeck {
    fn lock(&self) -> MutexGuard<'_, DeckCache> {
        // Nothing in the cache is left half-changed by a panic that matters:
        // a wrong version only makes the next dashboard read afresh.
        self.cache
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// How long a dashboard waits for a warm-up under way before reading the
/// deck itself (the warm-up takes about a second at a lifetime's scale).
const WARM_UP_WAIT: Duration = Duration::from_secs(30);

/// The deck as kept, borrowed from the store (see [`Store::kept_deck`]).
pub struct KeptCards<'a>(MutexGuard<'a, DeckCache>);

impl std::ops::Deref for KeptCards<'_> {
    type Target = [StatsCard];
    fn deref(&self) -> &[StatsCard] {
        &self.0.cards
    }
}

/// What the deck's cache must match: (`data_version`, `total_changes`).
pub type DeckVersion = (i64, u64);

/// A card listed among the hardest: what the list shows and where its text is.
#[derive(Debug, Clone, PartialEq)]
pub struct HardCardRow {
    pub card_id: i64,
    pub prompt: String,
    pub answer: String,
    pub document_id: Option<i64>,
    pub document_title: Option<String>,
    pub span_start: Option<i64>,
    pub span_end: Option<i64>,
}

/// A finished quiz.
#[derive(Debug, Clone, PartialEq)]
pub struct QuizSessionRow {
    pub id: i64,
    pub scope_kind: String,
    pub finished_at: i64,
    /// The questions answered.
    pub question_count: u32,
    pub correct_count: u32,
}

impl Store {
    /// A second, read-only connection to the same file, so the dashboard can
    /// read the deck while it reads the log; none for an in-memory store.
    pub fn reader(&self) -> Result<Option<Store>> {
        if self.path.as_os_str() == ":memory:" {
            return Ok(None);
        }
        let conn = Connection::open_with_flags(
            &self.path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(super::BUSY_TIMEOUT)?;
        Ok(Some(Store {
            conn,
            path: self.path.clone(),
            checkpointer: None,
            deck: Default::default(),
        }))
    }

    /// The review log's totals for the learner day `[start, end)`: whole
    /// quarter hours from `review_log_slots` (migration 0008), any ragged ends
    /// from the `review_log_stats` index; the time spent only if `with_duration`
    /// (0 otherwise).
    pub fn day_totals(&self, start: i64, end: i64, with_duration: bool) -> Result<DayTotals> {
        // The whole slots inside [start, end): [first, last).
        let first = (start.max(0) + SLOT_MS - 1).div_euclid(SLOT_MS);
        let last = end.div_euclid(SLOT_MS);
        let (kind, recall, duration_ms) = if start >= 0 && first < last {
            let mut stmt = self.conn.prepare_cached(
                "SELECT ifnull(sum(kind), 0), ifnull(sum(recall), 0), ifnull(sum(duration_ms), 0)
                 FROM review_log_slots WHERE slot >= ?1 AND slot < ?2",
            )?;
            let whole: (i64, i64, i64) = stmt.query_row(params![first, last], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })?;
            let before = self.log_sums(start, first * SLOT_MS)?;
            let after = self.log_sums(last * SLOT_MS, end)?;
            let add = |a: (i64, i64, i64), b: (i64, i64, i64)| {
                (
                    a.0.wrapping_add(b.0),
                    a.1.wrapping_add(b.1),
                    a.2.wrapping_add(b.2),
                )
            };
            add(add(whole, before), after)
        } else {
            self.log_sums(start, end)?
        };
        Ok(DayTotals {
            answers: unpack(kind, 0),
            new_cards: unpack(kind, 1),
            duration_ms: if with_duration { duration_ms } else { 0 },
            young: unpack(kind, 2),
            young_passed: unpack(recall, 0),
            mature: unpack(recall, 1),
            mature_passed: unpack(recall, 2),
        })
    }

    /// The packed sums and the time spent of the log's answers in `[start,
    /// end)`, read from the `review_log_stats` index alone.
    fn log_sums(&self, start: i64, end: i64) -> Result<(i64, i64, i64)> {
        if start >= end {
            return Ok((0, 0, 0));
        }
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT ifnull(sum({KIND}), 0), ifnull(sum({RECALL}), 0), ifnull(sum(duration_ms), 0)
             FROM review_log WHERE reviewed_at >= ?1 AND reviewed_at < ?2"
        ))?;
        Ok(stmt.query_row(params![start, end], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })?)
    }

    /// Review-state answers in `[start, end)` that came less than 1.1 days
    /// after the card's previous answer, so possibly on the same learner day:
    /// (time, elapsed days, passed). Read from the small `review_log_close_reviews` index.
    pub fn close_reviews(&self, start: i64, end: i64) -> Result<Vec<(i64, f64, bool)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT reviewed_at, elapsed_days, rating >= 2 FROM review_log
             WHERE state_before = 'review' AND origin <> 'rescheduled' AND elapsed_days < 1.1
               AND reviewed_at >= ?1 AND reviewed_at < ?2",
        )?;
        let rows = stmt.query_map(params![start, end], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Whether any answer was given in `[start, end)`.
    pub fn has_answers_between(&self, start: i64, end: i64) -> Result<bool> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT 1 FROM review_log WHERE reviewed_at >= ?1 AND reviewed_at < ?2 AND {KIND} > 0 LIMIT 1"
        ))?;
        Ok(stmt
            .query_row(params![start, end], |_| Ok(()))
            .optional()?
            .is_some())
    }

    /// Where the deck stands now, for [`Store::keep_deck`].
    pub fn deck_version(&self) -> Result<DeckVersion> {
        let data_version: i64 = self
            .conn
            .pragma_query_value(None, "data_version", |r| r.get(0))?;
        Ok((data_version, self.conn.total_changes()))
    }

    /// Brings the kept deck up to date when only this connection's answers
    /// changed it since (re-reading those cards); false when it must be read
    /// afresh (never read, or changed some other way).
    pub fn refresh_kept_deck(&self) -> Result<bool> {
        let (data_version, changes) = self.deck_version()?;
        // A warm-up under way reads the deck on its own connection: wait for
        // it rather than read it twice.
        let (mut kept, _) = self
            .deck
            .warmed
            .wait_timeout_while(self.deck.lock(), WARM_UP_WAIT, |kept| kept.warming)
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if !kept.filled || kept.data_version != data_version || kept.changes != changes {
            return Ok(false);
        }
        let mut touched = std::mem::take(&mut kept.touched);
        touched.sort_unstable();
        touched.dedup();
        for id in touched {
            let fresh = self.stats_cards_between(id, id)?.pop();
            let cards = &mut kept.cards;
            match (cards.binary_search_by_key(&id, |c| c.card_id), fresh) {
                (Ok(at), Some(card)) => cards[at] = card,
                (Ok(at), None) => {
                    cards.remove(at);
                }
                (Err(at), Some(card)) => cards.insert(at, card),
                (Err(_), None) => {}
            }
        }
        Ok(true)
    }

    /// Keeps `cards` (the whole deck, in card order, read at `version`).
    pub fn keep_deck(&self, cards: Vec<StatsCard>, (data_version, changes): DeckVersion) {
        // Replaces a warm-up under way too: its result is then dropped.
        *self.deck.lock() = DeckCache {
            cards,
            filled: true,
            warming: false,
            data_version,
            changes,
            touched: Vec::new(),
        };
        self.deck.warmed.notify_all();
    }

    /// The deck as kept (empty before [`Store::keep_deck`]).
    pub fn kept_deck(&self) -> KeptCards<'_> {
        KeptCards(self.deck.lock())
    }

    /// Reads the whole deck on a second connection and a thread of its own,
    /// so that the first dashboard (or the library's mastery bars) finds it
    /// kept instead of reading a lifetime's million cards (~0.6 s of CPU)
    /// while the learner waits. Returns at once, with the thread; `None` when
    /// there is nothing to do (the deck is kept or being read, or the store is
    /// in memory). The store stays correct meanwhile: its answers are noted
    /// as for a kept deck, a dashboard asked for before the read ends waits
    /// for it, and anything else (another connection's commit, an import)
    /// makes the next dashboard read afresh, as it would for a kept deck.
    pub fn warm_deck_in_background(&self) -> Result<Option<std::thread::JoinHandle<()>>> {
        let Some(reader) = self.reader()? else {
            return Ok(None);
        };
        let (data_version, changes) = self.deck_version()?;
        {
            let mut kept = self.deck.lock();
            if kept.filled || kept.warming {
                return Ok(None);
            }
            // The reader's snapshot is taken after this point, so it holds
            // everything up to (data_version, changes); the answers noted from
            // here on are read again by `refresh_kept_deck`.
            *kept = DeckCache {
                warming: true,
                data_version,
                changes,
                ..DeckCache::default()
            };
        }
        let deck = Arc::clone(&self.deck);
        let finish = Arc::clone(&self.deck);
        let spawned = std::thread::Builder::new()
            .name("clio-deck-warm-up".into())
            .spawn(move || {
                let cards = reader.stats_cards();
                let mut kept = deck.lock();
                // Still this warm-up's: nothing replaced the cache since.
                if kept.warming {
                    kept.warming = false;
                    if let Ok(cards) = cards {
                        kept.cards = cards;
                        kept.filled = true;
                    }
                }
                drop(kept);
                deck.warmed.notify_all();
            });
        match spawned {
            Ok(thread) => Ok(Some(thread)),
            Err(e) => {
                finish.lock().warming = false;
                Err(crate::Error::Invalid(format!(
                    "could not start reading the deck in the background: {e}"
                )))
            }
        }
    }

    /// Notes that an answer to `card_id` (written or taken back) made this
    /// connection's changes go from `changes_before` to now, so the kept deck
    /// need only re-read that card.
    pub(super) fn note_answer(&self, card_id: i64, changes_before: u64) {
        let mut kept = self.deck.lock();
        if (kept.filled || kept.warming) && kept.changes == changes_before {
            kept.changes = self.conn.total_changes();
            kept.touched.push(card_id);
        }
    }

    /// Every deck (accepted) card's schedule, in card order.
    pub fn stats_cards(&self) -> Result<Vec<StatsCard>> {
        self.stats_cards_between(i64::MIN, i64::MAX)
    }

    /// The middle of the deck's card ids: where to split [`Store::stats_cards_between`]
    /// to read the deck in two halves at once.
    pub fn card_id_middle(&self) -> Result<i64> {
        let (low, high): (Option<i64>, Option<i64>) =
            self.conn
                .query_row("SELECT min(id), max(id) FROM cards", [], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })?;
        Ok(match (low, high) {
            (Some(low), Some(high)) => ((i128::from(low) + i128::from(high)) / 2) as i64,
            _ => 0,
        })
    }

    /// The schedules of the deck cards with ids in `[from, to]`, in card
    /// order, from the `cards_deck` index (migration 0007) and `card_schedule`.
    pub fn stats_cards_between(&self, from: i64, to: i64) -> Result<Vec<StatsCard>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT s.card_id, c.document_id, s.suspended, s.buried_until, {SCHEDULE_COLUMNS}
             FROM cards c INDEXED BY cards_deck JOIN card_schedule s ON s.card_id = c.id
             WHERE c.status = 'accepted' AND c.id >= ?1 AND c.id <= ?2
             ORDER BY c.id"
        ))?;
        let mut rows = stmt.query(params![from, to])?;
        // A million rows at a lifetime's scale: each column read as the value
        // SQLite holds (no conversion checks), the vector grown in few steps.
        let mut out = Vec::with_capacity(4096);
        while let Some(r) = rows.next()? {
            let int = |i: usize| match r.get_ref_unwrap(i) {
                ValueRef::Integer(v) => Some(v),
                _ => None,
            };
            let real = |i: usize| match r.get_ref_unwrap(i) {
                ValueRef::Real(v) => Some(v as f32),
                ValueRef::Integer(v) => Some(v as f64 as f32),
                _ => None,
            };
            // The state without allocating a String per card.
            let state = match r
                .get_ref_unwrap(4)
                .as_str()
                .ok()
                .and_then(QueueState::from_db)
            {
                Some(state) => state,
                None => QueueState::New,
            };
            if out.len() == out.capacity() {
                out.reserve(out.len());
            }
            out.push(StatsCard {
                card_id: r.get(0)?,
                document_id: int(1),
                suspended: int(2).unwrap_or(0) != 0,
                buried_until: int(3),
                schedule: Schedule {
                    state,
                    due: int(5),
                    stability: real(6),
                    difficulty: real(7),
                    step: r.get(8)?,
                    reps: r.get(9)?,
                    lapses: r.get(10)?,
                    last_review_at: int(11),
                },
            });
        }
        Ok(out)
    }

    /// The prompt and source of each of `ids` that still exists, in that order.
    pub fn hard_card_rows(&self, ids: &[i64]) -> Result<Vec<HardCardRow>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.id, c.prompt, c.answer, c.document_id, d.title, c.span_start, c.span_end
             FROM cards c LEFT JOIN documents d ON d.id = c.document_id WHERE c.id = ?1",
        )?;
        let mut out = Vec::with_capacity(ids.len());
        for &id in ids {
            let row = stmt
                .query_row([id], |r| {
                    Ok(HardCardRow {
                        card_id: r.get(0)?,
                        prompt: r.get(1)?,
                        answer: r.get(2)?,
                        document_id: r.get(3)?,
                        document_title: r.get(4)?,
                        span_start: r.get(5)?,
                        span_end: r.get(6)?,
                    })
                })
                .optional()?;
            out.extend(row);
        }
        Ok(out)
    }

    /// The latest `limit` finished quizzes with answers, oldest first. A quiz
    /// is scored over the questions answered (those left when it was ended do
    /// not count); a session without stored questions counts them all.
    pub fn finished_quizzes(&self, limit: u32) -> Result<Vec<QuizSessionRow>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, scope_kind, finished_at, questions, correct_count FROM (
                 SELECT s.id, s.scope_kind, s.finished_at, s.correct_count,
                        CASE WHEN EXISTS (SELECT 1 FROM quiz_answers a WHERE a.session_id = s.id)
                             THEN (SELECT count(*) FROM quiz_answers a
                                   WHERE a.session_id = s.id AND a.answered_at IS NOT NULL)
                             ELSE s.question_count END AS questions
                 FROM quiz_sessions s WHERE s.finished_at IS NOT NULL)
             WHERE questions > 0
             ORDER BY finished_at DESC, id DESC LIMIT ?1",
        )?;
        let rows = stmt.query_map([limit], |r| {
            Ok(QuizSessionRow {
                id: r.get(0)?,
                scope_kind: r.get(1)?,
                finished_at: r.get(2)?,
                question_count: r.get(3)?,
                correct_count: r.get(4)?,
            })
        })?;
        let mut out = rows.collect::<rusqlite::Result<Vec<_>>>()?;
        out.reverse();
        Ok(out)
    }

    /// Every document's id, title and category.
    pub fn document_titles(&self) -> Result<Vec<(i64, String, Option<i64>)>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, title, category_id FROM documents")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every category: id, parent and name.
    pub fn category_rows(&self) -> Result<Vec<(i64, Option<i64>, String)>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, parent_id, name FROM categories")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The per-day sums read only the `review_log_stats` index: if its packed
    /// expressions and the query's drift apart, SQLite would visit the table.
    #[test]
    fn day_totals_read_only_the_covering_index() {
        let store = Store::open_in_memory().unwrap();
        let plan: String = store
            .connection()
            .query_row(
                &format!(
                    "EXPLAIN QUERY PLAN SELECT ifnull(sum({KIND}), 0), ifnull(sum({RECALL}), 0), ifnull(sum(duration_ms), 0)
                     FROM review_log WHERE reviewed_at >= ?1 AND reviewed_at < ?2"
                ),
                params![0, 1],
                |r| r.get(3),
            )
            .unwrap();
        assert!(plan.contains("COVERING INDEX review_log_stats"), "{plan}");
        let plan: String = store
            .connection()
            .query_row(
                "EXPLAIN QUERY PLAN SELECT reviewed_at, elapsed_days, rating >= 2 FROM review_log
                 WHERE state_before = 'review' AND origin <> 'rescheduled' AND elapsed_days < 1.1
                   AND reviewed_at >= ?1 AND reviewed_at < ?2",
                params![0, 1],
                |r| r.get(3),
            )
            .unwrap();
        assert!(plan.contains("review_log_close_reviews"), "{plan}");
    }

    /// The slots the triggers keep equal the log summed afresh, and a day's
    /// totals from them equal the log's own sums, whatever the bounds.
    #[test]
    fn review_log_slots_follow_every_change_to_the_log() {
        let store = Store::open_in_memory().unwrap();
        let conn = store.connection();
        conn.execute_batch(
            "INSERT INTO cards (id, kind, prompt, answer, created_at, updated_at)
                 VALUES (1, 'question', 'When did Rome fall?', '476', 0, 0),
                        (2, 'question', 'When did Byzantium fall?', '1453', 0, 0);",
        )
        .unwrap();
        let day = 86_400_000_i64;
        let t0 = 20_000 * day + 3 * 3_600_000; // 3 am UTC
        let mut rng = 7_u64;
        for i in 0..600_i64 {
            rng = rng.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let r = (rng >> 33) as i64;
            let at = if i == 0 { -5_000 } else { t0 + r % (3 * day) };
            let state = ["new", "learning", "review", "relearning"][(r % 4) as usize];
            let origin = ["review", "quiz", "rescheduled", "imported"][(r / 4 % 4) as usize];
            let elapsed = (r / 16 % 40) as f64 / 1.5;
            let duration: Option<i64> = (r % 5 != 0).then_some(r % 20_000);
            conn.execute(
                "INSERT INTO review_log (card_id, reviewed_at, rating, state_before, state_after,
                                         elapsed_days, duration_ms, origin)
                 VALUES (?1, ?2, ?3, ?4, 'review', ?5, ?6, ?7)",
                params![
                    1 + r % 2,
                    at,
                    1 + r / 64 % 4,
                    state,
                    elapsed,
                    duration,
                    origin
                ],
            )
            .unwrap();
        }
        let check = |store: &Store| {
            let fresh: Vec<(i64, i64, i64, i64, i64)> = {
                let mut stmt = store
                    .connection()
                    .prepare(&format!(
                        "SELECT reviewed_at / 900000, count(*), sum({KIND}), sum({RECALL}),
                                ifnull(sum(duration_ms), 0)
                         FROM review_log WHERE reviewed_at >= 0 GROUP BY 1 ORDER BY 1"
                    ))
                    .unwrap();
                let rows = stmt
                    .query_map([], |r| {
                        Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
                    })
                    .unwrap();
                rows.map(|r| r.unwrap()).collect()
            };
            let kept: Vec<(i64, i64, i64, i64, i64)> = {
                let mut stmt = store
                    .connection()
                    .prepare("SELECT slot, answers, kind, recall, duration_ms FROM review_log_slots ORDER BY slot")
                    .unwrap();
                let rows = stmt
                    .query_map([], |r| {
                        Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
                    })
                    .unwrap();
                rows.map(|r| r.unwrap()).collect()
            };
            assert_eq!(kept, fresh);
            assert!(!kept.is_empty());
            for (start, end) in [
                (t0 + 3_600_000, t0 + day + 3_600_000),
                (t0 + 1, t0 + day - 7),
                (t0 + 123_456, t0 + 2 * day + 654_321),
                (-10_000, t0 + day),
                (t0 + 5, t0 + 6),
                (t0 + day, t0),
            ] {
                let totals = store.day_totals(start, end, true).unwrap();
                let (kind, recall, duration_ms) = store.log_sums(start, end).unwrap();
                assert_eq!(totals.answers, unpack(kind, 0), "{start}..{end}");
                assert_eq!(totals.new_cards, unpack(kind, 1));
                assert_eq!(totals.young, unpack(kind, 2));
                assert_eq!(totals.young_passed, unpack(recall, 0));
                assert_eq!(totals.mature, unpack(recall, 1));
                assert_eq!(totals.mature_passed, unpack(recall, 2));
                assert_eq!(totals.duration_ms, duration_ms);
            }
        };
        check(&store);
        conn.execute(
            "UPDATE review_log SET reviewed_at = reviewed_at + 3600000, rating = 1 WHERE id % 3 = 0",
            [],
        )
        .unwrap();
        conn.execute(
            "UPDATE review_log SET duration_ms = NULL WHERE id % 7 = 0",
            [],
        )
        .unwrap();
        check(&store);
        conn.execute("DELETE FROM review_log WHERE id % 5 = 0", [])
            .unwrap();
        conn.execute("DELETE FROM cards WHERE id = 2", []).unwrap();
        check(&store);
        conn.execute("DELETE FROM cards", []).unwrap();
        let left: i64 = conn
            .query_row("SELECT count(*) FROM review_log_slots", [], |r| r.get(0))
            .unwrap();
        assert_eq!(left, 0, "an emptied log leaves no slots behind");
    }

    /// The deck read in two halves is the deck read whole, in card order,
    /// straight from the `cards_deck` index.
    #[test]
    fn the_deck_read_in_halves_is_the_deck_in_card_order() {
        let store = Store::open_in_memory().unwrap();
        let conn = store.connection();
        for id in [3_i64, 9, 4, 12, 7, 5] {
            let status = if id == 7 { "rejected" } else { "accepted" };
            conn.execute(
                "INSERT INTO cards (id, kind, prompt, answer, status, created_at, updated_at)
                 VALUES (?1, 'question', 'When was the Edict of Nantes?', '1598', ?2, 0, 0)",
                params![id, status],
            )
            .unwrap();
            conn.execute(
                "INSERT INTO card_schedule (card_id, state, due, stability, difficulty, reps, lapses, last_review_at)
                 VALUES (?1, 'review', ?1, 2.5, 5.0, 3, ?1 % 2, 1)",
                [id],
            )
            .unwrap();
        }
        let whole = store.stats_cards().unwrap();
        let ids: Vec<i64> = whole.iter().map(|c| c.card_id).collect();
        assert_eq!(ids, vec![3, 4, 5, 9, 12]);
        let middle = store.card_id_middle().unwrap();
        assert_eq!(middle, 7);
        let mut halves = store.stats_cards_between(i64::MIN, middle - 1).unwrap();
        halves.extend(store.stats_cards_between(middle, i64::MAX).unwrap());
        assert_eq!(halves, whole);
        let plan: Vec<String> = {
            let mut stmt = conn
                .prepare(&format!(
                    "EXPLAIN QUERY PLAN SELECT s.card_id, c.document_id, {SCHEDULE_COLUMNS}
                     FROM cards c INDEXED BY cards_deck JOIN card_schedule s ON s.card_id = c.id
                     WHERE c.status = 'accepted' AND c.id >= 1 AND c.id <= 2 ORDER BY c.id"
                ))
                .unwrap();
            let rows = stmt.query_map([], |r| r.get(3)).unwrap();
            rows.map(|r| r.unwrap()).collect()
        };
        let plan = plan.join("\n");
        assert!(plan.contains("COVERING INDEX cards_deck"), "{plan}");
        assert!(!plan.contains("TEMP B-TREE"), "{plan}");
    }
}
