//! Documents and their categories.

use rusqlite::{params, OptionalExtension, Transaction};

use super::categories::{category_path, ensure_category_path, CATEGORY_PATHS};
use super::{Store, Tx};
use crate::error::Error;
use crate::error::{OrNotFound, Result};
use crate::ids::DocumentId;
use crate::library::{
    AddedDocument, Block, Document, DocumentSummary, SourceFormat, Upsert, ValidDocument,
};

/// How much the collection holds, at a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub documents: u64,
    pub cards: u64,
    pub due: u64,
}

impl Store {
    /// Adds a validated document in one transaction, or returns the existing
    /// one with the same content hash.
    pub fn add_document(&mut self, doc: &ValidDocument, now: i64) -> Result<AddedDocument> {
        self.transact(|tx| {
            let tx = &tx.tx;
            let existing: Option<DocumentId> = tx
                .query_row(
                    "SELECT id FROM documents WHERE content_hash = ?1",
                    [&doc.content_hash],
                    |r| r.get(0),
                )
                .optional()?;
            if let Some(id) = existing {
                return Ok(AddedDocument { id, created: false });
            }
            let category_id = ensure_category_path(tx, &doc.category_path)?;
            tx.execute(
                "INSERT INTO documents (title, author, category_id, source, body, content_hash, word_count, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
                params![doc.title, doc.author, category_id, doc.source, doc.body, doc.content_hash, doc.word_count, now],
            )?;
            let id = DocumentId(tx.last_insert_rowid());
            Ok(AddedDocument { id, created: true })
        })
    }
}

impl Tx<'_> {
    /// The document rows of an import: nothing when the same text is there
    /// already; a new revision of the known document when one has the same
    /// source (or, lacking a source, the same title), its old text kept in
    /// `document_revisions`; otherwise a new document. Never updates the
    /// documents in `fresh` (those an import has just written: two records of
    /// one bulk file that share a source are two documents, not two
    /// revisions). Moving the cards and highlights of an updated document is
    /// [`crate::library::upsert_document`]'s work.
    pub fn upsert_document_row(
        &self,
        doc: &ValidDocument,
        now: i64,
        fresh: &[DocumentId],
    ) -> Result<Upsert> {
        let tx = &self.tx;
        let same_text: Option<DocumentId> = tx
            .query_row(
                "SELECT id FROM documents WHERE content_hash = ?1",
                [&doc.content_hash],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(id) = same_text {
            return Ok(Upsert::Unchanged { id });
        }
        let category_id = ensure_category_path(tx, &doc.category_path)?;
        let blocks_json = blocks_json(doc)?;
        let outcome = match find_known(tx, doc, fresh)? {
            Some(id) => {
                let revision = super::revisions::keep_current_text(tx, id, now)?;
                tx.execute(
                    "UPDATE documents SET title = ?2, author = ?3, category_id = ?4, source = ?5, source_format = ?6,
                            body = ?7, blocks_json = ?8, content_hash = ?9, word_count = ?10,
                            revision = ?11, updated_at = ?12
                     WHERE id = ?1",
                    params![
                        id, doc.title, doc.author, category_id, doc.source, doc.format.as_str(), doc.body,
                        blocks_json, doc.content_hash, doc.word_count, revision, now
                    ],
                )?;
                Upsert::Updated { id, revision }
            }
            None => {
                tx.execute(
                    "INSERT INTO documents (title, author, category_id, source, source_format, body, blocks_json,
                                            content_hash, word_count, created_at, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
                    params![
                        doc.title, doc.author, category_id, doc.source, doc.format.as_str(), doc.body, blocks_json,
                        doc.content_hash, doc.word_count, now
                    ],
                )?;
                Upsert::Added {
                    id: DocumentId(tx.last_insert_rowid()),
                }
            }
        };
        set_tags(tx, outcome.id(), &doc.tags)?;
        Ok(outcome)
    }
}

impl Store {
    /// One whole document, for the reader.
    pub fn document(&self, id: DocumentId) -> Result<Document> {
        let row = self
            .conn
            .query_row(
                &format!(
                    "{CATEGORY_PATHS}
                     SELECT d.id, d.title, d.author, p.path, d.source, d.source_format, d.body, d.blocks_json,
                            d.revision, d.created_at, d.updated_at
                     FROM documents d LEFT JOIN category_paths p ON p.id = d.category_id
                     WHERE d.id = ?1"
                ),
                [id],
                |row| {
                    let path: Option<String> = row.get(3)?;
                    let format: String = row.get(5)?;
                    let body: String = row.get(6)?;
                    let blocks: Option<String> = row.get(7)?;
                    let blocks = blocks
                        .and_then(|json| serde_json::from_str::<Vec<Block>>(&json).ok())
                        .unwrap_or_else(|| body.split("\n\n").map(Block::paragraph).collect());
                    Ok(Document {
                        id: row.get(0)?,
                        title: row.get(1)?,
                        author: row.get(2)?,
                        category_path: category_path(path),
                        source: row.get(4)?,
                        format: SourceFormat::from_db(&format),
                        body,
                        blocks,
                        tags: Vec::new(),
                        revision: row.get(8)?,
                        created_at: row.get(9)?,
                        updated_at: row.get(10)?,
                    })
                },
            )
            .optional()?;
        let mut doc = row.or_not_found("document", id)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT t.name FROM document_tags dt JOIN tags t ON t.id = dt.tag_id WHERE dt.document_id = ?1 ORDER BY t.name",
        )?;
        doc.tags = stmt
            .query_map([id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(doc)
    }

    /// Every document, newest first, with its category path.
    pub fn list_documents(&self) -> Result<Vec<DocumentSummary>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "{CATEGORY_PATHS}
             SELECT d.id, d.title, d.author, p.path, d.word_count, d.created_at
             FROM documents d LEFT JOIN category_paths p ON p.id = d.category_id
             ORDER BY d.created_at DESC, d.id DESC"
        ))?;
        let rows = stmt.query_map([], |row| {
            let path: Option<String> = row.get(3)?;
            Ok(DocumentSummary {
                id: row.get(0)?,
                title: row.get(1)?,
                author: row.get(2)?,
                category_path: category_path(path),
                word_count: row.get(4)?,
                added_at: row.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Removes a document with its revisions, annotations, cards and their
    /// reviews (foreign keys cascade), in one statement.
    /// Deletes a document with everything that hangs on it (notes, cards,
    /// their reviews), kept for undo.
    pub fn delete_document(&mut self, id: DocumentId, now: i64) -> Result<()> {
        let title: String = self
            .conn
            .query_row("SELECT title FROM documents WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?
            .or_not_found("document", id)?;
        let ids = [id.0];
        let touches = [super::undo::Touch::Delete(super::undo::Rows {
            table: "documents",
            column: "id",
            ids: &ids,
        })];
        self.undoable(&format!("Deleted “{title}”"), now, &touches, |tx| {
            tx.execute("DELETE FROM documents WHERE id = ?1", [id])?;
            Ok(())
        })
    }

    /// Every category's path with the number of documents filed directly in it.
    pub fn category_document_counts(&self) -> Result<Vec<(Vec<String>, u64)>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "{CATEGORY_PATHS}
             SELECT p.path, (SELECT count(*) FROM documents d WHERE d.category_id = p.id)
             FROM category_paths p"
        ))?;
        let rows = stmt.query_map([], |row| Ok((category_path(row.get(0)?), row.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn counts(&self, now: i64) -> Result<Counts> {
        let (documents, cards, due) = self.conn.query_row(
            "SELECT (SELECT count(*) FROM documents),
                    (SELECT count(*) FROM cards WHERE status = 'accepted'),
                    (SELECT count(*) FROM card_schedule s JOIN cards c ON c.id = s.card_id
                      WHERE c.status = 'accepted' AND s.state <> 'new' AND s.suspended = 0 AND s.due <= ?1
                        AND (s.buried_until IS NULL OR s.buried_until <= ?1))",
            [now],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?;
        Ok(Counts {
            documents,
            cards,
            due,
        })
    }
}

/// A document's block structure as the JSON kept in `documents.blocks_json`.
/// A document's current revision (what new cards and highlights are made on).
pub(super) fn document_revision(tx: &Transaction<'_>, document_id: DocumentId) -> Result<i64> {
    tx.query_row(
        "SELECT revision FROM documents WHERE id = ?1",
        [document_id],
        |r| r.get(0),
    )
    .optional()?
    .or_not_found("document", document_id)
}

pub(super) fn blocks_json(doc: &ValidDocument) -> Result<Option<String>> {
    doc.blocks
        .as_ref()
        .map(serde_json::to_string)
        .transpose()
        .map_err(|e| {
            Error::Invalid(format!(
                "could not store the structure of “{}”: {e}",
                doc.title
            ))
        })
}

/// The document an import should update: with a source, the one with that
/// source (preferring the same title, then the newest); without a source, the
/// one without a source and with the same title.
fn find_known(
    tx: &Transaction<'_>,
    doc: &ValidDocument,
    fresh: &[DocumentId],
) -> Result<Option<DocumentId>> {
    let ids: Vec<DocumentId> = match &doc.source {
        Some(source) => {
            let mut stmt = tx.prepare_cached(
                "SELECT id FROM documents WHERE source = ?1 ORDER BY (title = ?2) DESC, updated_at DESC, id DESC",
            )?;
            let ids = stmt
                .query_map(params![source, doc.title], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            ids
        }
        None => {
            let mut stmt = tx.prepare_cached(
                "SELECT id FROM documents WHERE source IS NULL AND title = ?1 ORDER BY updated_at DESC, id DESC",
            )?;
            let ids = stmt
                .query_map([&doc.title], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            ids
        }
    };
    Ok(ids.into_iter().find(|id| !fresh.contains(id)))
}

/// Replaces a document's tags with `tags` (names are shared, case-insensitively).
fn set_tags(tx: &Transaction<'_>, document_id: DocumentId, tags: &[String]) -> Result<()> {
    tx.execute(
        "DELETE FROM document_tags WHERE document_id = ?1",
        [document_id],
    )?;
    for name in tags {
        tx.execute(
            "INSERT INTO tags (name) VALUES (?1) ON CONFLICT (name) DO NOTHING",
            [name],
        )?;
        tx.execute(
            "INSERT OR IGNORE INTO document_tags (document_id, tag_id) SELECT ?1, id FROM tags WHERE name = ?2",
            params![document_id, name],
        )?;
    }
    Ok(())
}
