//! Cards: suggestions, decisions, the deck, and keeping cards on their source
//! sentence when a document's text changes.

use rusqlite::{params, OptionalExtension, Row, Transaction};

use super::undo::{Rows, Touch};
use super::{Store, Tx};
use crate::cards::{
    CardDraft, CardKind, CardOrigin, CardStatus, Deck, DeckCard, EditedCard, ListedCard, StoredCard,
};
use crate::error::{Error, OrNotFound, Result};
use crate::generate::Card;
use crate::ids::{CardId, DocumentId};
use crate::schedule::QueueState;

pub(super) const CARD_COLUMNS: &str = "c.id, c.document_id, c.kind, c.prompt, c.answer, c.choices_json, c.source_text,
     c.span_start, c.span_end, c.origin, c.status, c.needs_check, c.score, c.created_at, c.updated_at, c.held_back";
/// The index of the first column a query selects after [`CARD_COLUMNS`].
pub(super) const AFTER_CARD: usize = 16;

pub(super) fn card_of_row(row: &Row<'_>) -> rusqlite::Result<StoredCard> {
    let kind: String = row.get(2)?;
    let choices: Option<String> = row.get(5)?;
    let origin: String = row.get(9)?;
    let status: String = row.get(10)?;
    let score: Option<f64> = row.get(12)?;
    Ok(StoredCard {
        id: row.get(0)?,
        document_id: row.get(1)?,
        kind: CardKind::from_db(&kind),
        prompt: row.get(3)?,
        answer: row.get(4)?,
        choices: choices
            .and_then(|json| serde_json::from_str(&json).ok())
            .unwrap_or_default(),
        source_text: row.get(6)?,
        span_start: row.get::<_, Option<i64>>(7)?.map(|v| v as usize),
        span_end: row.get::<_, Option<i64>>(8)?.map(|v| v as usize),
        origin: CardOrigin::from_db(&origin),
        status: CardStatus::from_db(&status),
        needs_check: row.get(11)?,
        score: score.map(|s| s as f32),
        created_at: row.get(13)?,
        updated_at: row.get(14)?,
        held_back: row.get(15)?,
    })
}

fn choices_json(choices: &[String]) -> Option<String> {
    (!choices.is_empty()).then(|| serde_json::to_string(choices).unwrap_or_default())
}

/// What [`Store::suggestion_source`] reads of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SuggestionSource {
    pub title: String,
    pub body: String,
    pub revision: i64,
}

/// How many suggestions one INSERT writes at most: more than a document gets
/// (80 shown and 40 held back), so a document's suggestions are one statement.
const SUGGESTION_SLOTS: usize = 128;
/// The values bound per suggestion in [`suggestion_insert_sql`].
const SUGGESTION_VALUES: usize = 9;
/// The parameters before the first suggestion's: document, revision, time.
const SUGGESTION_SHARED: usize = 3;

/// The INSERT of up to [`SUGGESTION_SLOTS`] suggestions, built once per
/// connection and then taken from its statement cache. Many rows to one
/// statement: each statement is a savepoint, at which the cards' full-text
/// index (filled by a trigger) writes out what it holds, so a statement per
/// card cost a tiny index segment per card. Slots left unbound are NULL rows,
/// which the WHERE drops; the rows keep their order (and so their ids).
/// The uid is 32 hex digits as the column's default, but begins with the
/// time in milliseconds (then 80 random bits): a fully random uid put each of
/// a text's cards on another page of the uid index, and writing a large
/// library's suggestions read and rewrote a page per card.
fn suggestion_insert_sql() -> &'static str {
    static SQL: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    SQL.get_or_init(|| {
        let row = format!("({})", ["?"; SUGGESTION_VALUES].join(", "));
        format!(
            "INSERT INTO cards (uid, document_id, kind, prompt, answer, choices_json, source_text, span_start, span_end,
                                source_revision, origin, score, status, created_at, updated_at, held_back)
             SELECT printf('%012x', CAST(unixepoch('subsec') * 1000 AS INTEGER)) || lower(hex(randomblob(10))),
                    ?1, column1, column2, column3, column4, column5, column6, column7,
                    ?2, 'generated', column8, 'suggested', ?3, ?3, column9
             FROM (VALUES {}) WHERE column1 IS NOT NULL",
            vec![row; SUGGESTION_SLOTS].join(", ")
        )
    })
}

impl Store {
    pub fn card(&self, id: CardId) -> Result<StoredCard> {
        self.conn
            .query_row(
                &format!("SELECT {CARD_COLUMNS} FROM cards c WHERE c.id = ?1"),
                [id],
                card_of_row,
            )
            .optional()?
            .or_not_found("card", id)
    }

    /// A card with the title of its document.
    pub fn deck_card(&self, id: CardId) -> Result<DeckCard> {
        // Cached: read for every card shown in review.
        self.conn
            .prepare_cached(&format!(
                "SELECT {CARD_COLUMNS}, d.title FROM cards c LEFT JOIN documents d ON d.id = c.document_id
                 WHERE c.id = ?1"
            ))?
            .query_row([id], |row| Ok(DeckCard { card: card_of_row(row)?, document_title: row.get(AFTER_CARD)? }))
            .optional()?
            .or_not_found("card", id)
    }

    /// Every card of a document (rejected ones only if asked), in reading order.
    pub fn cards_of_document(
        &self,
        document_id: DocumentId,
        include_rejected: bool,
    ) -> Result<Vec<StoredCard>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {CARD_COLUMNS} FROM cards c
             WHERE c.document_id = ?1 AND (?2 OR c.status <> 'rejected')
             ORDER BY c.span_start, c.id"
        ))?;
        let rows = stmt.query_map(params![document_id, include_rejected], card_of_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// A document's suggestions best first, then its accepted cards in reading order.
    pub fn document_cards(&self, document_id: DocumentId) -> Result<Vec<StoredCard>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {CARD_COLUMNS} FROM cards c
             WHERE c.document_id = ?1 AND c.status <> 'rejected'
             ORDER BY c.status = 'accepted',
                      CASE WHEN c.status = 'suggested' THEN -c.score END,
                      c.span_start, c.id"
        ))?;
        let rows = stmt.query_map([document_id], card_of_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// True when the document's suggestions were not written for its current text.
    pub fn suggestions_outdated(&self, document_id: DocumentId) -> Result<bool> {
        self.conn
            .query_row(
                "SELECT suggested_revision IS NULL OR suggested_revision < revision FROM documents WHERE id = ?1",
                [document_id],
                |r| r.get(0),
            )
            .optional()?
            .or_not_found("document", document_id)
    }

    /// Up to `limit` documents whose suggestions were not written for their
    /// current text, newest first (the ones a learner just imported).
    pub fn documents_needing_suggestions(&self, limit: usize) -> Result<Vec<DocumentId>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id FROM documents WHERE suggested_revision IS NULL OR suggested_revision < revision
             ORDER BY created_at DESC, id DESC LIMIT ?1",
        )?;
        let ids = stmt.query_map([limit as i64], |r| r.get(0))?;
        Ok(ids.collect::<rusqlite::Result<_>>()?)
    }

    /// What writing a document's suggestions reads of it (not its blocks or
    /// category, which [`Store::document`] also reads).
    pub fn suggestion_source(&self, document_id: DocumentId) -> Result<SuggestionSource> {
        self.conn
            .prepare_cached("SELECT title, body, revision FROM documents WHERE id = ?1")?
            .query_row([document_id], |r| {
                Ok(SuggestionSource {
                    title: r.get(0)?,
                    body: r.get(1)?,
                    revision: r.get(2)?,
                })
            })
            .optional()?
            .or_not_found("document", document_id)
    }

    /// The cards of a document the learner decided on (accepted or rejected).
    pub fn decided_cards(&self, document_id: DocumentId) -> Result<Vec<StoredCard>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {CARD_COLUMNS} FROM cards c
             WHERE c.document_id = ?1 AND c.status <> 'suggested'
             ORDER BY c.span_start, c.id"
        ))?;
        let rows = stmt.query_map([document_id], card_of_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Replaces a document's suggestions with `cards` and the ones held back
    /// below the quality bar, in one transaction, and records that they were
    /// written for `revision`.
    pub fn replace_suggestions(
        &mut self,
        document_id: DocumentId,
        revision: i64,
        cards: &[Card],
        held_back: &[Card],
        now: i64,
    ) -> Result<()> {
        self.replace_suggestions_of(
            &[SuggestionsOf {
                document_id,
                revision,
                cards,
                held_back,
            }],
            now,
        )
    }

    /// [`Store::replace_suggestions`] for several documents in one
    /// transaction: writing a large import's suggestions a batch of texts at a
    /// time, a commit writes the pages the cards, their indexes and their
    /// full-text index share once per batch instead of once per text.
    pub fn replace_suggestions_of(&mut self, docs: &[SuggestionsOf<'_>], now: i64) -> Result<()> {
        let tx = self.conn.transaction()?;
        for doc in docs {
            replace_suggestions_in(&tx, doc, now)?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Sets the status of cards, all or none. Accepted cards join the review
    /// deck as new cards, after those already waiting; a rejected card keeps its
    /// scheduling history (reviews only ever draw accepted cards).
    pub fn set_card_status(
        &mut self,
        ids: &[CardId],
        status: CardStatus,
        now: i64,
    ) -> Result<usize> {
        self.transact(|tx| {
            let tx = &tx.tx;
            let changed = set_status_in(tx, ids, status, now)?;
            Ok(changed)
        })
    }

    /// [`Store::set_card_status`], recorded for undo under `label`.
    pub fn set_card_status_undoable(
        &mut self,
        ids: &[CardId],
        status: CardStatus,
        label: &str,
        now: i64,
    ) -> Result<usize> {
        let raw = crate::ids::raw(ids);
        let touches = Touch::cards_and_schedules(&raw);
        self.undoable(label, now, &touches, |tx| {
            set_status_in(tx, ids, status, now)
        })
    }

    /// An edited card written (its status unchanged), recorded for undo under `label`.
    pub fn update_card_undoable(
        &mut self,
        id: CardId,
        edited: &EditedCard,
        label: &str,
        now: i64,
    ) -> Result<()> {
        let ids = [id.0];
        let touches = [Touch::Change(Rows {
            table: "cards",
            column: "id",
            ids: &ids,
        })];
        self.undoable(label, now, &touches, |tx| {
            let found = tx.execute(
                "UPDATE cards SET prompt = ?2, answer = ?3, choices_json = ?4, updated_at = ?5 WHERE id = ?1",
                params![id, edited.prompt, edited.answer, choices_json(&edited.choices), now],
            )?;
            if found == 0 {
                return Err(Error::not_found("card", id));
            }
            Ok(())
        })
    }

    /// Writes an edited card; with `accept`, it also joins the deck.
    pub fn update_card(
        &mut self,
        id: CardId,
        edited: &EditedCard,
        accept: bool,
        now: i64,
    ) -> Result<()> {
        self.transact(|tx| {
            let tx = &tx.tx;
            let found = tx.execute(
                "UPDATE cards SET prompt = ?2, answer = ?3, choices_json = ?4, updated_at = ?5,
                                  status = CASE WHEN ?6 THEN 'accepted' ELSE status END
                 WHERE id = ?1",
                params![
                    id,
                    edited.prompt,
                    edited.answer,
                    choices_json(&edited.choices),
                    now,
                    accept
                ],
            )?;
            if found == 0 {
                return Err(Error::not_found("card", id));
            }
            if accept {
                join_deck(tx, id)?;
            }
            Ok(())
        })
    }

    /// Stores a new card made by the learner; returns its id.
    pub fn insert_card(
        &mut self,
        document_id: DocumentId,
        draft: &CardDraft,
        origin: CardOrigin,
        status: CardStatus,
        now: i64,
    ) -> Result<CardId> {
        self.transact(|tx| {
            let tx = &tx.tx;
            let revision = super::documents::document_revision(tx, document_id)?;
            tx.execute(
                "INSERT INTO cards (document_id, kind, prompt, answer, choices_json, source_text, span_start, span_end,
                                    source_revision, origin, status, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)",
                params![
                    document_id,
                    draft.kind.as_str(),
                    draft.prompt,
                    draft.answer,
                    choices_json(&draft.choices),
                    draft.source_text,
                    draft.span_start as i64,
                    draft.span_end as i64,
                    revision,
                    origin.as_str(),
                    status.as_str(),
                    now
                ],
            )?;
            let id = CardId(tx.last_insert_rowid());
            if status == CardStatus::Accepted {
                join_deck(tx, id)?;
            }
            Ok(id)
        })
    }

    /// Every card, or a document's, with its document's title and schedule,
    /// by document in reading order.
    pub fn listed_cards(&self, document_id: Option<DocumentId>) -> Result<Vec<ListedCard>> {
        if let Some(id) = document_id {
            self.document(id)?;
        }
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {CARD_COLUMNS}, d.title, s.state, coalesce(s.suspended, 0)
             FROM cards c LEFT JOIN documents d ON d.id = c.document_id
             LEFT JOIN card_schedule s ON s.card_id = c.id
             WHERE ?1 IS NULL OR c.document_id = ?1
             ORDER BY c.document_id, c.span_start, c.id"
        ))?;
        let rows = stmt.query_map([document_id], |row| {
            let state: Option<String> = row.get(AFTER_CARD + 1)?;
            Ok(ListedCard {
                card: card_of_row(row)?,
                document_title: row.get(AFTER_CARD)?,
                state: state.as_deref().and_then(QueueState::from_db),
                suspended: row.get(AFTER_CARD + 2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Deletes cards with their schedule and reviews, all or none, recorded
    /// for undo under `label`. Returns how many.
    pub fn delete_cards(&mut self, ids: &[CardId], label: &str, now: i64) -> Result<usize> {
        let raw = crate::ids::raw(ids);
        let touches = [Touch::Delete(Rows {
            table: "cards",
            column: "id",
            ids: &raw,
        })];
        self.undoable(label, now, &touches, |tx| {
            let mut deleted = 0;
            for &id in ids {
                match tx.execute("DELETE FROM cards WHERE id = ?1", [id])? {
                    0 => return Err(Error::not_found("card", id)),
                    n => deleted += n,
                }
            }
            Ok(deleted)
        })
    }

    /// The accepted cards, newest first, at most `limit` of them, and their number.
    pub fn deck(&self, limit: usize) -> Result<Deck> {
        let total: u64 = self.conn.query_row(
            "SELECT count(*) FROM cards WHERE status = 'accepted'",
            [],
            |r| r.get(0),
        )?;
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {CARD_COLUMNS}, d.title FROM cards c LEFT JOIN documents d ON d.id = c.document_id
             WHERE c.status = 'accepted'
             ORDER BY c.updated_at DESC, c.id DESC LIMIT ?1"
        ))?;
        let rows = stmt.query_map([limit as i64], |row| {
            Ok(DeckCard {
                card: card_of_row(row)?,
                document_title: row.get(AFTER_CARD)?,
            })
        })?;
        Ok(Deck {
            total,
            cards: rows.collect::<rusqlite::Result<_>>()?,
        })
    }
}

/// Writes up to [`SUGGESTION_SLOTS`] suggestions (each with whether it is
/// held back) in one statement, in the caller's transaction.
/// One document's suggestions, as [`Store::replace_suggestions_of`] writes them.
#[derive(Debug, Clone, Copy)]
pub struct SuggestionsOf<'a> {
    pub document_id: DocumentId,
    /// The revision of the text they were made from.
    pub revision: i64,
    pub cards: &'a [Card],
    /// Below the quality bar: kept for the reader to show.
    pub held_back: &'a [Card],
}

fn replace_suggestions_in(tx: &Transaction<'_>, doc: &SuggestionsOf<'_>, now: i64) -> Result<()> {
    tx.prepare_cached("DELETE FROM cards WHERE document_id = ?1 AND status = 'suggested'")?
        .execute([doc.document_id])?;
    let rows: Vec<(&Card, bool)> = doc
        .cards
        .iter()
        .map(|c| (c, false))
        .chain(doc.held_back.iter().map(|c| (c, true)))
        .collect();
    for chunk in rows.chunks(SUGGESTION_SLOTS) {
        insert_suggestions(tx, doc.document_id, doc.revision, chunk, now)?;
    }
    tx.prepare_cached("UPDATE documents SET suggested_revision = ?2 WHERE id = ?1")?
        .execute(params![doc.document_id, doc.revision])?;
    Ok(())
}

fn insert_suggestions(
    tx: &Transaction<'_>,
    document_id: DocumentId,
    revision: i64,
    rows: &[(&Card, bool)],
    now: i64,
) -> Result<()> {
    debug_assert!(rows.len() <= SUGGESTION_SLOTS);
    // Taken from the cache with its bindings cleared, so unused slots are NULL.
    let mut stmt = tx.prepare_cached(suggestion_insert_sql())?;
    stmt.raw_bind_parameter(1, document_id)?;
    stmt.raw_bind_parameter(2, revision)?;
    stmt.raw_bind_parameter(3, now)?;
    for (i, (card, held)) in rows.iter().enumerate() {
        let at = SUGGESTION_SHARED + 1 + i * SUGGESTION_VALUES;
        stmt.raw_bind_parameter(at, card.kind.as_str())?;
        stmt.raw_bind_parameter(at + 1, &card.prompt)?;
        stmt.raw_bind_parameter(at + 2, &card.answer)?;
        stmt.raw_bind_parameter(at + 3, choices_json(&card.choices))?;
        stmt.raw_bind_parameter(at + 4, &card.source_sentence)?;
        stmt.raw_bind_parameter(at + 5, card.span_start as i64)?;
        stmt.raw_bind_parameter(at + 6, card.span_end as i64)?;
        stmt.raw_bind_parameter(at + 7, f64::from(card.score))?;
        stmt.raw_bind_parameter(at + 8, *held)?;
    }
    let written = stmt.raw_execute()?;
    debug_assert_eq!(written, rows.len());
    Ok(())
}

fn set_status_in(
    tx: &Transaction<'_>,
    ids: &[CardId],
    status: CardStatus,
    now: i64,
) -> Result<usize> {
    let mut changed = 0;
    for &id in ids {
        let found = tx.execute(
            "UPDATE cards SET updated_at = ?2 WHERE id = ?1",
            params![id, now],
        )?;
        if found == 0 {
            return Err(Error::not_found("card", id));
        }
        changed += tx.execute(
            "UPDATE cards SET status = ?2 WHERE id = ?1 AND status <> ?2",
            params![id, status.as_str()],
        )?;
        if status == CardStatus::Accepted {
            join_deck(tx, id)?;
        }
    }
    Ok(changed)
}

/// Gives an accepted card its scheduling row (a new card, introduced after
/// the new cards already waiting) unless it has one.
fn join_deck(tx: &Transaction<'_>, card_id: CardId) -> Result<()> {
    tx.execute(
        "INSERT OR IGNORE INTO card_schedule (card_id, new_position)
         VALUES (?1, (SELECT coalesce(max(new_position), 0) + 1 FROM card_schedule))",
        [card_id],
    )?;
    Ok(())
}

/// A card's claim on its text: the sentence it was made from and where it stood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardSource {
    pub card_id: CardId,
    pub source_text: Option<String>,
    pub span_start: Option<usize>,
}

impl Tx<'_> {
    /// Every card of a document with its source sentence.
    pub fn card_sources(&self, document_id: DocumentId) -> Result<Vec<CardSource>> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT id, source_text, span_start FROM cards WHERE document_id = ?1",
        )?;
        let rows = stmt.query_map([document_id], |r| {
            Ok(CardSource {
                card_id: r.get(0)?,
                source_text: r.get(1)?,
                span_start: r.get::<_, Option<i64>>(2)?.map(|v| v as usize),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Moves a card to its sentence's place in the document's revision `revision`.
    pub fn move_card_source(
        &self,
        card_id: CardId,
        start: usize,
        end: usize,
        revision: i64,
    ) -> Result<()> {
        self.tx.execute(
            "UPDATE cards SET span_start = ?2, span_end = ?3, source_revision = ?4 WHERE id = ?1",
            params![card_id, start as i64, end as i64, revision],
        )?;
        Ok(())
    }

    /// Flags a card for the learner to check; 1 when it was not flagged yet, else 0.
    pub fn flag_card_for_check(&self, card_id: CardId, now: i64) -> Result<usize> {
        Ok(self.tx.execute(
            "UPDATE cards SET needs_check = 1, updated_at = ?2 WHERE id = ?1 AND needs_check = 0",
            params![card_id, now],
        )?)
    }
}
