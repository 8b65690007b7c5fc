//! Earlier texts of documents, kept when an import replaces them.

use rusqlite::{params, Transaction};

use super::Store;
use crate::error::{Error, Result};
use crate::ids::DocumentId;
use crate::library::DocumentRevision;

/// Copies the current title, body and hash of `document_id` into
/// `document_revisions` and returns the revision number the new text gets.
pub(super) fn keep_current_text(
    tx: &Transaction<'_>,
    document_id: DocumentId,
    now: i64,
) -> Result<i64> {
    let changed = tx.execute(
        "INSERT INTO document_revisions (document_id, revision, title, body, content_hash, replaced_at)
         SELECT id, revision, title, body, content_hash, ?2 FROM documents WHERE id = ?1",
        params![document_id, now],
    )?;
    if changed == 0 {
        return Err(Error::not_found("document", document_id));
    }
    Ok(tx.query_row(
        "SELECT revision + 1 FROM documents WHERE id = ?1",
        [document_id],
        |r| r.get(0),
    )?)
}

impl Store {
    /// The earlier texts of a document, oldest first.
    pub fn document_revisions(&self, document_id: DocumentId) -> Result<Vec<DocumentRevision>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT revision, title, body, content_hash, replaced_at FROM document_revisions
             WHERE document_id = ?1 ORDER BY revision",
        )?;
        let rows = stmt.query_map([document_id], |r| {
            Ok(DocumentRevision {
                revision: r.get(0)?,
                title: r.get(1)?,
                body: r.get(2)?,
                content_hash: r.get(3)?,
                replaced_at: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
