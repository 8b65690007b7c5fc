//! Full-text search over documents (FTS5).

use super::Store;
use crate::error::Result;
use crate::search::RawHit;

/// Private-use characters that mark a hit inside a snippet (`search` splits them out).
pub const HIT_START: char = '\u{E000}';
pub const HIT_END: char = '\u{E001}';

impl Store {
    /// Documents matching an FTS5 `query`, best first (title weighs most), with
    /// a snippet whose hits are wrapped in [`HIT_START`] and [`HIT_END`].
    pub fn search_documents(&self, fts_query: &str, limit: usize) -> Result<Vec<RawHit>> {
        // Rank first and build snippets for the best rows only: a snippet costs
        // far more than a score, and SQLite would build one for every match
        // before sorting.
        let mut stmt = self.conn.prepare_cached(&format!(
            "{},
             best(id, score) AS (
                 SELECT rowid, bm25(documents_fts, 10.0, 5.0, 1.0) FROM documents_fts
                 WHERE documents_fts MATCH ?1 ORDER BY 2 LIMIT ?4
             )
             SELECT d.id, d.title, d.author, p.path,
                    snippet(documents_fts, -1, ?2, ?3, '…', 16)
             FROM best
             JOIN documents_fts ON documents_fts.rowid = best.id AND documents_fts MATCH ?1
             JOIN documents d ON d.id = best.id
             LEFT JOIN category_paths p ON p.id = d.category_id
             ORDER BY best.score, d.id",
            super::categories::CATEGORY_PATHS
        ))?;
        let rows = stmt.query_map(
            rusqlite::params![
                fts_query,
                HIT_START.to_string(),
                HIT_END.to_string(),
                limit as i64
            ],
            |row| {
                Ok(RawHit {
                    id: row.get(0)?,
                    title: row.get(1)?,
                    author: row.get(2)?,
                    category_path: super::categories::category_path(row.get(3)?),
                    snippet: row.get(4)?,
                })
            },
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
