//! Highlights and notes, and keeping them on their text when a document's text
//! changes.

use rusqlite::{params, OptionalExtension, Row};

use super::categories::{category_path, CATEGORY_PATHS};
use super::{Store, Tx};
use crate::anchor::{Selectors, TextPositionSelector, TextQuoteSelector};
use crate::annotations::{
    AnchorState, Annotation, HighlightColor, LibraryAnnotation, ValidAnnotation,
};
use crate::error::{Error, OrNotFound, Result};
use crate::ids::{AnnotationId, DocumentId};

const ANNOTATION_COLUMNS: &str =
    "a.id, a.document_id, a.color, a.note, a.quote_exact, a.pos_start, a.pos_end,
     a.anchor_state, a.created_at, a.updated_at";

/// Reading order: placed highlights by position, then the orphans.
const READING_ORDER: &str = "a.pos_start IS NULL, a.pos_start, a.pos_end, a.id";

fn annotation_of_row(row: &Row<'_>) -> rusqlite::Result<Annotation> {
    let color: String = row.get(2)?;
    let state: String = row.get(7)?;
    Ok(Annotation {
        id: row.get(0)?,
        document_id: row.get(1)?,
        color: HighlightColor::from_db(&color),
        note: row.get(3)?,
        quote: row.get(4)?,
        start: row.get::<_, Option<i64>>(5)?.map(|v| v as usize),
        end: row.get::<_, Option<i64>>(6)?.map(|v| v as usize),
        state: AnchorState::from_db(&state),
        created_at: row.get(8)?,
        updated_at: row.get(9)?,
    })
}

impl Store {
    pub fn annotation(&self, id: AnnotationId) -> Result<Annotation> {
        self.conn
            .query_row(
                &format!("SELECT {ANNOTATION_COLUMNS} FROM annotations a WHERE a.id = ?1"),
                [id],
                annotation_of_row,
            )
            .optional()?
            .or_not_found("highlight", id)
    }

    /// Stores a new highlight on the document's current revision; returns its id.
    pub fn insert_annotation(
        &mut self,
        document_id: DocumentId,
        valid: &ValidAnnotation,
        now: i64,
    ) -> Result<AnnotationId> {
        self.transact(|tx| {
            let tx = &tx.tx;
            let revision = super::documents::document_revision(tx, document_id)?;
            let quote = &valid.selectors.quote;
            let position = valid.selectors.position;
            tx.execute(
                "INSERT INTO annotations (document_id, color, note, quote_exact, quote_prefix, quote_suffix,
                                          pos_start, pos_end, anchor_state, anchored_revision, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)",
                params![
                    document_id,
                    valid.color.as_str(),
                    valid.note,
                    quote.exact,
                    quote.prefix,
                    quote.suffix,
                    position.map(|p| p.start as i64),
                    position.map(|p| p.end as i64),
                    if position.is_some() { AnchorState::Anchored } else { AnchorState::Orphaned }.as_str(),
                    revision,
                    now
                ],
            )?;
            let id = AnnotationId(tx.last_insert_rowid());
            Ok(id)
        })
    }

    /// Sets a highlight's colour and note.
    pub fn update_annotation(
        &mut self,
        id: AnnotationId,
        color: HighlightColor,
        note: Option<&str>,
        now: i64,
    ) -> Result<()> {
        let found = self.conn.execute(
            "UPDATE annotations SET color = ?2, note = ?3, updated_at = ?4 WHERE id = ?1",
            params![id, color.as_str(), note, now],
        )?;
        match found {
            0 => Err(Error::not_found("highlight", id)),
            _ => Ok(()),
        }
    }

    pub fn delete_annotation(&mut self, id: AnnotationId) -> Result<()> {
        match self
            .conn
            .execute("DELETE FROM annotations WHERE id = ?1", [id])?
        {
            0 => Err(Error::not_found("highlight", id)),
            _ => Ok(()),
        }
    }

    /// A document's highlights in reading order, the orphans last.
    pub fn document_annotations(&self, document_id: DocumentId) -> Result<Vec<Annotation>> {
        let exists: bool = self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM documents WHERE id = ?1)",
            [document_id],
            |r| r.get(0),
        )?;
        if !exists {
            return Err(Error::not_found("document", document_id));
        }
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {ANNOTATION_COLUMNS} FROM annotations a WHERE a.document_id = ?1 ORDER BY {READING_ORDER}"
        ))?;
        let rows = stmt.query_map([document_id], annotation_of_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every highlight (of one colour, if given) with its document's title and
    /// category: documents by title, each one's highlights in reading order.
    pub fn library_annotations(
        &self,
        color: Option<HighlightColor>,
    ) -> Result<Vec<LibraryAnnotation>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "{CATEGORY_PATHS}
             SELECT {ANNOTATION_COLUMNS}, d.title, p.path
             FROM annotations a
             JOIN documents d ON d.id = a.document_id
             LEFT JOIN category_paths p ON p.id = d.category_id
             WHERE ?1 IS NULL OR a.color = ?1
             ORDER BY d.title COLLATE NOCASE, d.id, {READING_ORDER}"
        ))?;
        let rows = stmt.query_map([color.map(HighlightColor::as_str)], |row| {
            Ok(LibraryAnnotation {
                annotation: annotation_of_row(row)?,
                document_title: row.get(10)?,
                category_path: category_path(row.get(11)?),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// A highlight as stored, for re-anchoring: where it was and what it said.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredHighlight {
    pub id: AnnotationId,
    pub selectors: Selectors,
    /// `anchored` or `orphaned`.
    pub state: String,
}

impl Tx<'_> {
    /// Every highlight of a document, anchored or orphaned, in the order made.
    pub fn document_highlights(&self, document_id: DocumentId) -> Result<Vec<StoredHighlight>> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT id, quote_exact, quote_prefix, quote_suffix, pos_start, pos_end, anchor_state
             FROM annotations WHERE document_id = ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([document_id], |r| {
            let start: Option<i64> = r.get(4)?;
            let end: Option<i64> = r.get(5)?;
            let position = start.zip(end).map(|(s, e)| TextPositionSelector {
                start: s as usize,
                end: e as usize,
            });
            let quote = TextQuoteSelector {
                exact: r.get(1)?,
                prefix: r.get(2)?,
                suffix: r.get(3)?,
            };
            Ok(StoredHighlight {
                id: r.get(0)?,
                selectors: Selectors { quote, position },
                state: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Anchors a highlight at `position` of revision `revision`, with the quote
    /// found there; `changed` (its words or its state changed) touches `updated_at`.
    pub fn place_highlight(
        &self,
        id: AnnotationId,
        position: TextPositionSelector,
        quote: &TextQuoteSelector,
        revision: i64,
        changed: bool,
        now: i64,
    ) -> Result<()> {
        self.tx.execute(
            "UPDATE annotations SET pos_start = ?2, pos_end = ?3, quote_exact = ?4, quote_prefix = ?5,
                    quote_suffix = ?6, anchor_state = 'anchored', anchored_revision = ?7,
                    updated_at = CASE WHEN ?8 THEN ?9 ELSE updated_at END
             WHERE id = ?1",
            params![
                id,
                position.start as i64,
                position.end as i64,
                quote.exact,
                quote.prefix,
                quote.suffix,
                revision,
                changed,
                now
            ],
        )?;
        Ok(())
    }

    /// Orphans a highlight: no position, its quote and note kept.
    pub fn orphan_highlight(&self, id: AnnotationId, now: i64) -> Result<()> {
        self.tx.execute(
            "UPDATE annotations SET pos_start = NULL, pos_end = NULL, anchor_state = 'orphaned',
                    updated_at = CASE WHEN anchor_state = 'orphaned' THEN updated_at ELSE ?2 END
             WHERE id = ?1",
            params![id, now],
        )?;
        Ok(())
    }
}
