//! Full-text search over documents (FTS5).

use super::Store;
use crate::error::Result;
use crate::search::{RawHit, HIT_END, HIT_START};

impl Store {
    /// Documents matching an FTS5 `query`, best first (title weighs most), with
    /// a snippet whose hits are wrapped in [`HIT_START`] and [`HIT_END`].
    pub fn search_documents(&self, fts_query: &str, limit: usize) -> Result<Vec<RawHit>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "{}
             SELECT d.id, d.title, d.author, p.path,
                    snippet(documents_fts, -1, ?2, ?3, '…', 16)
             FROM documents_fts
             JOIN documents d ON d.id = documents_fts.rowid
             LEFT JOIN category_paths p ON p.id = d.category_id
             WHERE documents_fts MATCH ?1
             ORDER BY bm25(documents_fts, 10.0, 5.0, 1.0), d.id
             LIMIT ?4",
            super::documents::CATEGORY_PATHS
        ))?;
        let rows = stmt.query_map(
            rusqlite::params![fts_query, HIT_START.to_string(), HIT_END.to_string(), limit as i64],
            |row| {
                Ok(RawHit {
                    id: row.get(0)?,
                    title: row.get(1)?,
                    author: row.get(2)?,
                    category_path: super::documents::category_path(row.get(3)?),
                    snippet: row.get(4)?,
                })
            },
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
