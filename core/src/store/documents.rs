//! Documents and their categories.

use rusqlite::{params, OptionalExtension, Transaction};

use super::Store;
use crate::error::Result;
use crate::library::{AddedDocument, DocumentSummary, ValidDocument};

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
        let tx = self.conn.transaction()?;
        let existing: Option<i64> = tx
            .query_row("SELECT id FROM documents WHERE content_hash = ?1", [&doc.content_hash], |r| r.get(0))
            .optional()?;
        if let Some(id) = existing {
            return Ok(AddedDocument { id, created: false });
        }
        let category_id = ensure_category_path(&tx, &doc.category_path)?;
        tx.execute(
            "INSERT INTO documents (title, author, category_id, source, body, content_hash, word_count, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
            params![doc.title, doc.author, category_id, doc.source, doc.body, doc.content_hash, doc.word_count, now],
        )?;
        let id = tx.last_insert_rowid();
        tx.commit()?;
        Ok(AddedDocument { id, created: true })
    }

    /// Every document, newest first, with its category path.
    pub fn list_documents(&self) -> Result<Vec<DocumentSummary>> {
        let mut stmt = self.conn.prepare_cached(
            "WITH RECURSIVE category_paths(id, path) AS (
                 SELECT id, json_array(name) FROM categories WHERE parent_id IS NULL
                 UNION ALL
                 SELECT c.id, json_insert(p.path, '$[#]', c.name)
                 FROM categories c JOIN category_paths p ON c.parent_id = p.id
             )
             SELECT d.id, d.title, d.author, p.path, d.word_count, d.created_at
             FROM documents d LEFT JOIN category_paths p ON p.id = d.category_id
             ORDER BY d.created_at DESC, d.id DESC",
        )?;
        let rows = stmt.query_map([], |row| {
            let path: Option<String> = row.get(3)?;
            Ok(DocumentSummary {
                id: row.get(0)?,
                title: row.get(1)?,
                author: row.get(2)?,
                category_path: path
                    .map(|json| serde_json::from_str(&json).unwrap_or_default())
                    .unwrap_or_default(),
                word_count: row.get(4)?,
                added_at: row.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn counts(&self, now: i64) -> Result<Counts> {
        let (documents, cards, due) = self.conn.query_row(
            "SELECT (SELECT count(*) FROM documents),
                    (SELECT count(*) FROM cards),
                    (SELECT count(*) FROM card_schedule
                      WHERE state <> 'new' AND suspended = 0 AND due <= ?1
                        AND (buried_until IS NULL OR buried_until <= ?1))",
            [now],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?;
        Ok(Counts { documents, cards, due })
    }
}

/// The id of the deepest category of `path`, creating the missing levels.
fn ensure_category_path(tx: &Transaction<'_>, path: &[String]) -> Result<Option<i64>> {
    let mut parent: Option<i64> = None;
    for name in path {
        let found: Option<i64> = tx
            .query_row(
                "SELECT id FROM categories WHERE ifnull(parent_id, 0) = ifnull(?1, 0) AND name = ?2",
                params![parent, name],
                |r| r.get(0),
            )
            .optional()?;
        parent = Some(match found {
            Some(id) => id,
            None => {
                tx.execute("INSERT INTO categories (parent_id, name) VALUES (?1, ?2)", params![parent, name])?;
                tx.last_insert_rowid()
            }
        });
    }
    Ok(parent)
}
