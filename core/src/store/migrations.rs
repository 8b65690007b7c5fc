//! The schema's history: one SQL script per version. Append new ones; never edit
//! a released one.

use rusqlite_migration::{Migrations, M};

pub(super) const STEPS: &[&str] = &[
    include_str!("migrations/0001_initial.sql"),
    include_str!("migrations/0002_card_suggestions.sql"),
    include_str!("migrations/0003_stats_indexes.sql"),
    include_str!("migrations/0004_review_history_index.sql"),
    include_str!("migrations/0005_browser_undo.sql"),
    include_str!("migrations/0006_held_back_suggestions.sql"),
    include_str!("migrations/0007_queue_index.sql"),
    include_str!("migrations/0008_review_log_slots.sql"),
    include_str!("migrations/0009_drop_browser_sort_indexes.sql"),
];

/// The schema version this Clio writes.
pub const LATEST_VERSION: u32 = STEPS.len() as u32;

pub(super) fn build<'a>(steps: &[&'a str]) -> Migrations<'a> {
    Migrations::new(steps.iter().map(|sql| M::up(sql)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::browse::{browse, BrowserQuery, BrowserSort};
    use crate::store::Store;

    fn browser_sort_indexes(store: &Store) -> Vec<String> {
        let mut stmt = store
            .conn
            .prepare(
                "SELECT name FROM sqlite_master
                 WHERE type = 'index' AND name LIKE 'card_schedule_browse_%' ORDER BY name",
            )
            .unwrap();
        let rows = stmt.query_map([], |r| r.get(0)).unwrap();
        rows.map(|r| r.unwrap()).collect()
    }

    /// Migration 0009 (see its comment for why): the browser sorts as before
    /// without its sort indexes.
    #[test]
    fn version_9_drops_the_browser_sort_indexes_and_the_browser_still_sorts_by_them() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("clio.sqlite3");
        {
            let store = Store::open_with(&path, &STEPS[..8]).unwrap();
            assert_eq!(browser_sort_indexes(&store).len(), 3);
            store
                .conn
                .execute(
                    "INSERT INTO documents (title, body, content_hash, word_count, created_at, updated_at)
                     VALUES ('The Congress of Vienna', 'It opened in 1814.', 'h', 4, 0, 0)",
                    [],
                )
                .unwrap();
            // (state, due, difficulty, lapses, new_position): ties on due,
            // difficulty and lapses, so the card id must break them.
            let rows = [
                ("review", Some(300), Some(5.0), 2, None),
                ("new", None, None, 0, Some(2)),
                ("learning", Some(100), Some(7.5), 0, None),
                ("new", None, None, 0, Some(1)),
                ("relearning", Some(200), Some(2.0), 2, None),
                ("review", Some(100), Some(5.0), 1, None),
            ];
            for (state, due, difficulty, lapses, position) in rows {
                store
                    .conn
                    .execute(
                        "INSERT INTO cards (document_id, kind, prompt, answer, status, created_at, updated_at)
                         VALUES (1, 'question', 'When did the Congress open?', '1814', 'accepted', 0, 0)",
                        [],
                    )
                    .unwrap();
                store
                    .conn
                    .execute(
                        "INSERT INTO card_schedule (card_id, state, due, difficulty, lapses, new_position)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                        rusqlite::params![
                            store.conn.last_insert_rowid(),
                            state,
                            due,
                            difficulty,
                            lapses,
                            position
                        ],
                    )
                    .unwrap();
            }
        }
        let store = Store::open(&path).unwrap();
        assert_eq!(store.schema_version().unwrap(), LATEST_VERSION);
        assert!(browser_sort_indexes(&store).is_empty());
        // The next new card's place is read from an index, not a scan.
        let plan: String = store
            .conn
            .query_row(
                "EXPLAIN QUERY PLAN SELECT coalesce(max(new_position), 0) + 1 FROM card_schedule",
                [],
                |r| r.get(3),
            )
            .unwrap();
        assert!(plan.contains("card_schedule_new_position"), "{plan}");
        for (sort, ascending) in [
            // Soonest first, new cards last in the order they are introduced.
            (BrowserSort::Due, vec![3, 6, 5, 1, 4, 2]),
            // Easiest first, cards never reviewed last.
            (BrowserSort::Difficulty, vec![5, 1, 6, 3, 2, 4]),
            (BrowserSort::Lapses, vec![2, 3, 4, 6, 1, 5]),
        ] {
            let ids = |descending: bool| -> Vec<i64> {
                let query = BrowserQuery {
                    sort,
                    descending,
                    ..Default::default()
                };
                let page = browse(&store, &query, 1_000).unwrap();
                page.cards.iter().map(|c| c.id.0).collect()
            };
            assert_eq!(ids(false), ascending, "{sort:?}");
            let mut descending = ascending.clone();
            descending.reverse();
            assert_eq!(ids(true), descending, "{sort:?} descending");
        }
    }
}
