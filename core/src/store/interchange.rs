//! Cards for other programs (Anki, CSV): reading a scope's accepted cards
//! with their schedules and history, and the rows of imported cards with
//! their documents. The rules and the import itself are in [`crate::interchange`].

use std::collections::HashMap;

use rusqlite::{params, OptionalExtension};

use super::categories::{category_path, ensure_category_path, CATEGORY_PATHS};
use super::documents::blocks_json;
use super::{Store, Tx};
use crate::cards::CardKind;
use crate::error::{Error, Result};
use crate::ids::{CardId, DocumentId};
use crate::interchange::{CardSchedule, ExportScope, IncomingCard, OutgoingCard, ReviewEntry};
use crate::library::ValidDocument;
use crate::schedule::{QueueState, Schedule};

impl Store {
    /// The accepted cards of `scope` in reading order; with `with_scheduling`,
    /// each with its `card_schedule` row and review log.
    pub(crate) fn cards_for_interchange(
        &self,
        scope: &ExportScope,
        with_scheduling: bool,
    ) -> Result<Vec<OutgoingCard>> {
        let document: Option<i64> = match scope {
            ExportScope::Document(id) => {
                let found: bool = self.conn.query_row(
                    "SELECT EXISTS (SELECT 1 FROM documents WHERE id = ?1)",
                    [id],
                    |r| r.get(0),
                )?;
                if !found {
                    return Err(Error::not_found("document", *id));
                }
                Some(*id)
            }
            _ => None,
        };
        let mut stmt = self.conn.prepare(&format!(
            "{CATEGORY_PATHS}
             SELECT c.id, c.uid, c.kind, c.prompt, c.answer, c.choices_json, c.source_text, c.tags, c.created_at,
                    d.title, p.path,
                    s.card_id, s.state, s.due, s.stability, s.difficulty, s.step, s.reps, s.lapses, s.last_review_at,
                    s.suspended, s.new_position
             FROM cards c
             LEFT JOIN documents d ON d.id = c.document_id
             LEFT JOIN category_paths p ON p.id = d.category_id
             LEFT JOIN card_schedule s ON s.card_id = c.id
             WHERE c.status = 'accepted' AND (?1 IS NULL OR c.document_id = ?1)
             ORDER BY c.document_id IS NULL, c.document_id, c.span_start, c.id"
        ))?;
        let rows = stmt.query_map([document], |r| {
            let kind: String = r.get(2)?;
            let choices: Option<String> = r.get(5)?;
            let scheduled: Option<i64> = r.get(11)?;
            let schedule = match scheduled {
                Some(_) if with_scheduling => {
                    let state: String = r.get(12)?;
                    Some(CardSchedule {
                        schedule: Schedule {
                            state: QueueState::from_db(&state).unwrap_or(QueueState::New),
                            due: r.get(13)?,
                            stability: r.get::<_, Option<f64>>(14)?.map(|v| v as f32),
                            difficulty: r.get::<_, Option<f64>>(15)?.map(|v| v as f32),
                            step: r.get(16)?,
                            reps: r.get(17)?,
                            lapses: r.get(18)?,
                            last_review_at: r.get(19)?,
                        },
                        suspended: r.get(20)?,
                        new_position: r.get(21)?,
                    })
                }
                _ => None,
            };
            Ok(OutgoingCard {
                id: r.get(0)?,
                uid: r.get(1)?,
                kind: CardKind::from_db(&kind),
                prompt: r.get(3)?,
                answer: r.get(4)?,
                choices: choices
                    .and_then(|json| serde_json::from_str(&json).ok())
                    .unwrap_or_default(),
                source_text: r.get(6)?,
                tags: r.get(7)?,
                created_at: r.get(8)?,
                document_title: r.get(9)?,
                category_path: category_path(r.get(10)?),
                schedule,
                reviews: Vec::new(),
            })
        })?;
        let mut cards: Vec<OutgoingCard> = rows.collect::<rusqlite::Result<_>>()?;
        if let ExportScope::Category(path) = scope {
            cards.retain(|c| c.category_path.starts_with(path));
        }
        if with_scheduling {
            let by_card: HashMap<i64, usize> =
                cards.iter().enumerate().map(|(i, c)| (c.id, i)).collect();
            let mut stmt = self.conn.prepare(
                "SELECT card_id, reviewed_at, rating, state_before, state_after, due_after, duration_ms, elapsed_days, origin
                 FROM review_log ORDER BY card_id, reviewed_at, id",
            )?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                let card_id: i64 = r.get(0)?;
                let Some(&i) = by_card.get(&card_id) else {
                    continue;
                };
                let before: String = r.get(3)?;
                let after: String = r.get(4)?;
                let origin: String = r.get(8)?;
                cards[i].reviews.push(ReviewEntry {
                    reviewed_at: r.get(1)?,
                    rating: r.get(2)?,
                    state_before: QueueState::from_db(&before).unwrap_or(QueueState::Review),
                    state_after: QueueState::from_db(&after).unwrap_or(QueueState::Review),
                    due_after: r.get(5)?,
                    duration_ms: r.get(6)?,
                    elapsed_days: r.get(7)?,
                    rescheduled: origin == "rescheduled",
                });
            }
        }
        Ok(cards)
    }

    /// Whether a category with exactly this path exists.
    pub(crate) fn category_exists(&self, path: &[String]) -> Result<bool> {
        Ok(self.conn.query_row(
            &format!(
                "{CATEGORY_PATHS} SELECT EXISTS (SELECT 1 FROM category_paths WHERE path = ?1)"
            ),
            [serde_json::to_string(path).unwrap_or_default()],
            |r| r.get(0),
        )?)
    }
}

/// The rows of an import of cards from another program (the workflow is
/// [`crate::interchange`]'s).
impl Tx<'_> {
    /// The position the next new card takes in the new-card queue.
    pub(crate) fn next_new_position(&self) -> Result<i64> {
        Ok(self.tx.query_row(
            "SELECT coalesce(max(new_position), 0) + 1 FROM card_schedule",
            [],
            |r| r.get(0),
        )?)
    }

    /// The document with exactly this text (its content hash), if any.
    pub(crate) fn document_with_text(&self, content_hash: &str) -> Result<Option<i64>> {
        Ok(self
            .tx
            .query_row(
                "SELECT id FROM documents WHERE content_hash = ?1",
                [content_hash],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// A new document whose cards come with it (its suggestions count as made).
    pub(crate) fn insert_document_with_cards(
        &self,
        doc: &ValidDocument,
        now: i64,
    ) -> Result<DocumentId> {
        let category_id = ensure_category_path(&self.tx, &doc.category_path)?;
        let blocks_json = blocks_json(doc)?;
        self.tx.execute(
            "INSERT INTO documents (title, author, category_id, source, source_format, body, blocks_json,
                                    content_hash, word_count, created_at, updated_at, suggested_revision)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10, 1)",
            params![
                doc.title,
                doc.author,
                category_id,
                doc.source,
                doc.format.as_str(),
                doc.body,
                blocks_json,
                doc.content_hash,
                doc.word_count,
                now
            ],
        )?;
        Ok(DocumentId(self.tx.last_insert_rowid()))
    }

    /// An imported card (accepted), standing for the paragraph at `start..end`.
    pub(crate) fn insert_imported_card(
        &self,
        document_id: DocumentId,
        card: &IncomingCard,
        paragraph: &str,
        (start, end): (usize, usize),
        now: i64,
    ) -> Result<CardId> {
        let choices = (!card.choices.is_empty())
            .then(|| serde_json::to_string(&card.choices).unwrap_or_default());
        self.tx
            .prepare_cached(
                "INSERT INTO cards (document_id, kind, prompt, answer, choices_json, source_text, span_start, span_end,
                                    source_revision, origin, status, tags, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 1, 'imported', 'accepted', ?9, ?10, ?10)",
            )?
            .execute(params![
                document_id,
                card.kind.as_str(),
                card.prompt,
                card.answer,
                choices,
                paragraph,
                start as i64,
                end as i64,
                card.tags,
                now
            ])?;
        Ok(CardId(self.tx.last_insert_rowid()))
    }

    /// A card's scheduling row as it was in the other program.
    pub(crate) fn insert_imported_schedule(
        &self,
        card_id: CardId,
        s: &Schedule,
        suspended: bool,
        new_position: i64,
    ) -> Result<()> {
        let mut stmt = self.tx.prepare_cached(
            "INSERT INTO card_schedule (card_id, state, due, stability, difficulty, step, reps, lapses,
                                        last_review_at, new_position, suspended)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        )?;
        stmt.raw_bind_parameter(1, card_id)?;
        super::schedule_row::bind_schedule(&mut stmt, 2, s)?;
        stmt.raw_bind_parameter(10, new_position)?;
        stmt.raw_bind_parameter(11, suspended)?;
        stmt.raw_execute()?;
        Ok(())
    }

    /// One answer of an imported card's history.
    pub(crate) fn insert_imported_review(&self, card_id: CardId, r: &ReviewEntry) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO review_log (card_id, reviewed_at, rating, state_before, state_after, due_after,
                                         elapsed_days, duration_ms, origin)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?
            .execute(params![
                card_id,
                r.reviewed_at,
                r.rating,
                r.state_before.as_str(),
                r.state_after.as_str(),
                r.due_after,
                r.elapsed_days,
                r.duration_ms,
                if r.rescheduled { "rescheduled" } else { "imported" }
            ])?;
        Ok(())
    }
}
