//! The category tree: documents are filed under a path of names
//! (`["History", "Europe"]`), stored as `categories` rows with parents.

use rusqlite::{params, OptionalExtension, Transaction};

use crate::error::Result;

/// The category tree as paths: `category_paths(id, path)` with `path` a JSON array.
pub(super) const CATEGORY_PATHS: &str = "WITH RECURSIVE category_paths(id, path) AS (
         SELECT id, json_array(name) FROM categories WHERE parent_id IS NULL
         UNION ALL
         SELECT c.id, json_insert(p.path, '$[#]', c.name)
         FROM categories c JOIN category_paths p ON c.parent_id = p.id
     )";

/// A `category_paths.path` (a JSON array of names) as a list; none for no category.
pub(super) fn category_path(json: Option<String>) -> Vec<String> {
    json.and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default()
}

/// The id of the deepest category of `path`, creating the missing levels.
pub(super) fn ensure_category_path(tx: &Transaction<'_>, path: &[String]) -> Result<Option<i64>> {
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
                tx.execute(
                    "INSERT INTO categories (parent_id, name) VALUES (?1, ?2)",
                    params![parent, name],
                )?;
                tx.last_insert_rowid()
            }
        });
    }
    Ok(parent)
}
