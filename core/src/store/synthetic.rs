//! A large synthetic collection for benchmarks (review and statistics
//! programs under `core/examples/`): not used by the app.

use rusqlite::params;

use super::Store;
use crate::error::Result;

/// A small deterministic generator, so every benchmark run sees the same collection.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

impl Store {
    /// Fills an empty store with one document, `cards` accepted cards (a
    /// quarter new, a few learning, the rest in review with due dates from a
    /// month ago to a year ahead) and `reviews` review-log rows spread over
    /// the past two years, in one transaction.
    #[doc(hidden)]
    pub fn seed_synthetic_collection(&mut self, cards: u64, reviews: u64, now: i64) -> Result<()> {
        const DAY: i64 = 86_400_000;
        let mut rng = Lcg(42);
        self.transact(|tx| {
            let tx = &tx.tx;
            tx.execute(
                "INSERT INTO documents (title, body, content_hash, word_count, created_at, updated_at, suggested_revision)
                 VALUES ('Synthetic', 'A synthetic text.', 'synthetic', 3, ?1, ?1, 1)",
                [now],
            )?;
            let doc = tx.last_insert_rowid();
            {
                let mut card = tx.prepare(
                    "INSERT INTO cards (document_id, kind, prompt, answer, source_text, span_start, span_end, status,
                                        created_at, updated_at)
                     VALUES (?1, 'question', ?2, ?3, 'A synthetic text.', 0, 17, 'accepted', ?4, ?4)",
                )?;
                let mut schedule = tx.prepare(
                    "INSERT INTO card_schedule (card_id, state, due, stability, difficulty, step, reps, lapses,
                                                last_review_at, new_position)
                     VALUES (?1, ?2, ?3, ?4, ?5, 0, ?6, ?7, ?8, ?9)",
                )?;
                for i in 0..cards {
                    card.execute(params![
                        doc,
                        format!("Synthetic question {i}?"),
                        format!("answer {i}"),
                        now
                    ])?;
                    let id = tx.last_insert_rowid();
                    match rng.below(100) {
                        0..25 => schedule.execute(params![
                            id,
                            "new",
                            None::<i64>,
                            None::<f64>,
                            None::<f64>,
                            0,
                            0,
                            None::<i64>,
                            i as i64
                        ])?,
                        25..28 => {
                            let due = now - 60_000 + rng.below(3_600_000) as i64;
                            schedule.execute(params![
                                id,
                                "learning",
                                due,
                                0.5,
                                5.0,
                                1,
                                0,
                                now - 600_000,
                                None::<i64>
                            ])?
                        }
                        _ => {
                            let stability = 1.0 + rng.below(400) as f64;
                            let last = now - rng.below(stability as u64 + 30) as i64 * DAY;
                            let due = now - 30 * DAY + rng.below(395) as i64 * DAY;
                            let difficulty = 1.0 + rng.below(90) as f64 / 10.0;
                            let reps = 1 + rng.below(20) as i64;
                            let lapses = rng.below(4) as i64;
                            schedule.execute(params![
                                id,
                                "review",
                                due,
                                stability,
                                difficulty,
                                reps,
                                lapses,
                                last,
                                None::<i64>
                            ])?
                        }
                    };
                }
                let mut log = tx.prepare(
                    "INSERT INTO review_log (card_id, reviewed_at, rating, state_before, state_after, due_after,
                                             stability, difficulty, elapsed_days, duration_ms)
                     VALUES (?1, ?2, ?3, 'review', 'review', ?4, ?5, ?6, ?7, ?8)",
                )?;
                let first_card: i64 = tx.query_row(
                    "SELECT min(id) FROM cards WHERE document_id = ?1",
                    [doc],
                    |r| r.get(0),
                )?;
                for _ in 0..reviews {
                    let card = first_card + rng.below(cards.max(1)) as i64;
                    // All before today, so the daily limits start fresh.
                    let at = now - (2 + rng.below(730) as i64) * DAY - rng.below(DAY as u64) as i64;
                    let rating = [1, 3, 3, 3, 3, 3, 2, 4][rng.below(8) as usize];
                    log.execute(params![
                        card,
                        at,
                        rating,
                        at + 5 * DAY,
                        10.0,
                        5.0,
                        3.0,
                        4_000 + rng.below(8_000) as i64
                    ])?;
                }
            }
            Ok(())
        })
    }
}
