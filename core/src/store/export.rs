//! The whole library as rows, for the JSON export, and writing such rows back
//! in one transaction. The format's rules are in [`crate::export`].

use std::collections::{BTreeMap, HashMap};

use rusqlite::types::{Value as SqlValue, ValueRef};
use rusqlite::{params_from_iter, Connection, ErrorCode, OptionalExtension, Transaction};
use serde_json::{Map, Value};

use super::Store;

/// Each table's rows, by table name.
pub type Tables = BTreeMap<String, Vec<Map<String, Value>>>;
use crate::error::{Error, Result};

/// One exported table: its name, its row order, the integer id that a merge
/// renumbers, and the columns that refer to other tables' ids.
pub(crate) struct TableSpec {
    pub name: &'static str,
    order_by: &'static str,
    id: Option<&'static str>,
    refs: &'static [(&'static str, &'static str)],
}

/// Every table of the library, parents before children. `documents_fts` and
/// `cards_fts` are not here: they are indexes, rebuilt after an import; nor is
/// `undo_entries`, which holds only the last action's way back; nor
/// `review_log_slots`, sums of `review_log` its triggers rebuild on import.
pub(crate) const TABLES: &[TableSpec] = &[
    TableSpec {
        name: "app_meta",
        order_by: "key",
        id: None,
        refs: &[],
    },
    TableSpec {
        name: "categories",
        order_by: "id",
        id: Some("id"),
        refs: &[("parent_id", "categories")],
    },
    TableSpec {
        name: "documents",
        order_by: "id",
        id: Some("id"),
        refs: &[("category_id", "categories")],
    },
    TableSpec {
        name: "document_revisions",
        order_by: "id",
        id: Some("id"),
        refs: &[("document_id", "documents")],
    },
    TableSpec {
        name: "tags",
        order_by: "id",
        id: Some("id"),
        refs: &[],
    },
    TableSpec {
        name: "document_tags",
        order_by: "document_id, tag_id",
        id: None,
        refs: &[("document_id", "documents"), ("tag_id", "tags")],
    },
    TableSpec {
        name: "annotations",
        order_by: "id",
        id: Some("id"),
        refs: &[("document_id", "documents")],
    },
    TableSpec {
        name: "cards",
        order_by: "id",
        id: Some("id"),
        refs: &[
            ("document_id", "documents"),
            ("annotation_id", "annotations"),
        ],
    },
    TableSpec {
        name: "card_schedule",
        order_by: "card_id",
        id: None,
        refs: &[("card_id", "cards")],
    },
    TableSpec {
        name: "review_log",
        order_by: "id",
        id: Some("id"),
        refs: &[("card_id", "cards")],
    },
    TableSpec {
        name: "scheduler_presets",
        order_by: "id",
        id: Some("id"),
        refs: &[],
    },
    TableSpec {
        name: "quiz_sessions",
        order_by: "id",
        id: Some("id"),
        refs: &[],
    },
    TableSpec {
        name: "quiz_answers",
        order_by: "id",
        id: Some("id"),
        refs: &[("session_id", "quiz_sessions"), ("card_id", "cards")],
    },
];

impl Store {
    /// Every table's rows (column name → value), read in one transaction.
    pub fn export_tables(&self) -> Result<Tables> {
        export_tables(&self.conn)
    }

    /// Writes exported rows in one transaction (see [`crate::export::import_json`]).
    /// Returns the number of rows written per table.
    pub(crate) fn import_tables(
        &mut self,
        tables: &Map<String, Value>,
        merge: bool,
    ) -> Result<BTreeMap<String, u64>> {
        let tx = self.conn.transaction()?;
        // Checked at commit: a category may name a parent with a larger id.
        tx.pragma_update(None, "defer_foreign_keys", true)?;
        if !merge {
            if let Some((table, n)) = first_non_empty(&tx)? {
                return Err(Error::Invalid(format!(
                    "this library is not empty ({n} row(s) in {table}); nothing was imported. \
                     Import into a new, empty library (e.g. --db new.sqlite3), or merge with --merge."
                )));
            }
        }
        let mut maps: HashMap<&'static str, HashMap<i64, i64>> = HashMap::new();
        let mut counts = BTreeMap::new();
        for spec in TABLES {
            let rows = match tables.get(spec.name) {
                None | Some(Value::Null) => continue,
                Some(Value::Array(rows)) => rows,
                Some(_) => {
                    return Err(Error::Invalid(format!(
                        "the export's table {} is not a list of rows",
                        spec.name
                    )))
                }
            };
            let columns = table_columns(&tx, spec.name)?;
            let mut written = 0u64;
            let rows: Vec<&Map<String, Value>> = rows
                .iter()
                .map(|r| {
                    r.as_object().ok_or_else(|| {
                        Error::Invalid(format!("a row of {} is not an object", spec.name))
                    })
                })
                .collect::<Result<_>>()?;
            let rows = if merge && spec.name == "categories" {
                parents_first(rows)
            } else {
                rows
            };
            for row in rows {
                for key in row.keys() {
                    if !columns.contains(key) {
                        return Err(Error::Invalid(format!(
                            "the export has a column {}.{key} that this Clio does not know; update Clio to import it",
                            spec.name
                        )));
                    }
                }
                if merge {
                    written += merge_row(&tx, spec, row, &mut maps)? as u64;
                } else {
                    // app_meta may hold a key already (e.g. the starter library skipped): the export's value wins.
                    let mode = if spec.name == "app_meta" {
                        InsertMode::Replace
                    } else {
                        InsertMode::Plain
                    };
                    insert_row(&tx, spec.name, row, mode)?;
                    written += 1;
                }
            }
            counts.insert(spec.name.to_owned(), written);
        }
        tx.execute(
            "INSERT INTO documents_fts(documents_fts) VALUES ('rebuild')",
            [],
        )?;
        tx.execute("INSERT INTO cards_fts(cards_fts) VALUES ('rebuild')", [])?;
        tx.commit().map_err(|e| match e.sqlite_error_code() {
            Some(ErrorCode::ConstraintViolation) => Error::Invalid(
                "the export's rows refer to rows it does not hold (a foreign key); nothing was imported".into(),
            ),
            _ => Error::from(e),
        })?;
        Ok(counts)
    }
}

fn export_tables(conn: &Connection) -> Result<Tables> {
    // A read snapshot only: deferred, so an export never holds the write lock.
    let tx = rusqlite::Transaction::new_unchecked(conn, rusqlite::TransactionBehavior::Deferred)?;
    let mut out = BTreeMap::new();
    for spec in TABLES {
        let mut stmt = tx.prepare(&format!(
            "SELECT * FROM {} ORDER BY {}",
            spec.name, spec.order_by
        ))?;
        let names: Vec<String> = stmt.column_names().iter().map(|s| s.to_string()).collect();
        let mut rows = stmt.query([])?;
        let mut list = Vec::new();
        while let Some(row) = rows.next()? {
            let mut object = Map::new();
            for (i, name) in names.iter().enumerate() {
                object.insert(name.clone(), to_json(row.get_ref(i)?, spec.name, name)?);
            }
            list.push(object);
        }
        out.insert(spec.name.to_owned(), list);
    }
    tx.finish()?;
    Ok(out)
}

/// The rows of another library file (a backup), opened read-only, with its
/// schema version. The caller checks the file first ([`super::check_file`]).
pub(crate) fn export_file_tables(path: &std::path::Path) -> Result<(u32, Tables)> {
    let conn = Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let version: u32 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    Ok((version, export_tables(&conn)?))
}

fn to_json(value: ValueRef<'_>, table: &str, column: &str) -> Result<Value> {
    Ok(match value {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) => Value::from(i),
        ValueRef::Real(f) => serde_json::Number::from_f64(f)
            .map(Value::Number)
            .ok_or_else(|| {
                Error::Invalid(format!(
                    "{table}.{column} holds {f}, which JSON cannot represent; nothing was exported"
                ))
            })?,
        ValueRef::Text(t) => Value::String(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Blob(b) => {
            let hex: String = b.iter().map(|byte| format!("{byte:02x}")).collect();
            serde_json::json!({ "blobHex": hex })
        }
    })
}

fn to_sql(value: &Value, table: &str, column: &str) -> Result<SqlValue> {
    let bad = || {
        Error::Invalid(format!(
            "the export's value of {table}.{column} is not one Clio stores: {value}"
        ))
    };
    Ok(match value {
        Value::Null => SqlValue::Null,
        Value::Bool(b) => SqlValue::Integer(i64::from(*b)),
        Value::Number(n) => match n.as_i64() {
            Some(i) => SqlValue::Integer(i),
            None => SqlValue::Real(n.as_f64().ok_or_else(bad)?),
        },
        Value::String(s) => SqlValue::Text(s.clone()),
        Value::Object(o) => {
            let hex = o.get("blobHex").and_then(Value::as_str).ok_or_else(bad)?;
            if hex.len() % 2 != 0 {
                return Err(bad());
            }
            let bytes = (0..hex.len())
                .step_by(2)
                .map(|i| u8::from_str_radix(&hex[i..i + 2], 16))
                .collect::<std::result::Result<Vec<u8>, _>>()
                .map_err(|_| bad())?;
            SqlValue::Blob(bytes)
        }
        Value::Array(_) => return Err(bad()),
    })
}

fn table_columns(tx: &Transaction<'_>, table: &str) -> Result<Vec<String>> {
    let mut stmt = tx.prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))?;
    let names = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(names)
}

/// The first table (but `app_meta`) that holds rows, with its count.
fn first_non_empty(tx: &Transaction<'_>) -> Result<Option<(&'static str, i64)>> {
    for spec in TABLES.iter().filter(|s| s.name != "app_meta") {
        let n: i64 = tx.query_row(&format!("SELECT count(*) FROM {}", spec.name), [], |r| {
            r.get(0)
        })?;
        if n > 0 {
            return Ok(Some((spec.name, n)));
        }
    }
    Ok(None)
}

#[derive(Clone, Copy, PartialEq)]
enum InsertMode {
    Plain,
    /// A row whose key is already there is skipped (merge keeps the target's).
    KeepExisting,
    /// A row whose key is already there is replaced.
    Replace,
}

/// Inserts `row` as it is (column names from the export); returns whether a row was written.
fn insert_row(
    tx: &Transaction<'_>,
    table: &str,
    row: &Map<String, Value>,
    mode: InsertMode,
) -> Result<bool> {
    let names: Vec<&String> = row.keys().collect();
    let values: Vec<SqlValue> = row
        .iter()
        .map(|(column, value)| to_sql(value, table, column))
        .collect::<Result<_>>()?;
    let placeholders: Vec<String> = (1..=names.len()).map(|i| format!("?{i}")).collect();
    let verb = match mode {
        InsertMode::Plain => "INSERT",
        InsertMode::KeepExisting => "INSERT OR IGNORE",
        InsertMode::Replace => "INSERT OR REPLACE",
    };
    let sql = format!(
        "{verb} INTO {table} ({}) VALUES ({})",
        names
            .iter()
            .map(|n| format!("\"{n}\""))
            .collect::<Vec<_>>()
            .join(", "),
        placeholders.join(", ")
    );
    let n = tx
        .prepare_cached(&sql)?
        .execute(params_from_iter(values))
        .map_err(|e| conflict(e, table, row))?;
    Ok(n > 0)
}

fn conflict(e: rusqlite::Error, table: &str, row: &Map<String, Value>) -> Error {
    if e.sqlite_error_code() == Some(ErrorCode::ConstraintViolation) {
        let what = row
            .get("uid")
            .or_else(|| row.get("id"))
            .map(|v| v.to_string())
            .unwrap_or_default();
        return Error::Invalid(format!(
            "the export's {table} row {what} conflicts with this library ({e}); nothing was imported"
        ));
    }
    Error::from(e)
}

/// Categories ordered so that each comes after its parent (ids may not say so).
fn parents_first(rows: Vec<&Map<String, Value>>) -> Vec<&Map<String, Value>> {
    let mut placed: std::collections::HashSet<i64> = std::collections::HashSet::new();
    let mut out = Vec::with_capacity(rows.len());
    let mut left = rows;
    while !left.is_empty() {
        let (ready, rest): (Vec<_>, Vec<_>) =
            left.into_iter().partition(|r| match r.get("parent_id") {
                None | Some(Value::Null) => true,
                Some(v) => v.as_i64().is_some_and(|p| placed.contains(&p)),
            });
        if ready.is_empty() {
            // A cycle or a missing parent: the foreign key check reports it.
            out.extend(rest);
            break;
        }
        placed.extend(
            ready
                .iter()
                .filter_map(|r| r.get("id").and_then(Value::as_i64)),
        );
        out.extend(ready);
        left = rest;
    }
    out
}

/// A merge: the row's references are renumbered to the rows already written,
/// its own id is left to SQLite (and remembered), and rows that name things
/// the library has (a category path, a tag name, an app_meta key) join them.
fn merge_row(
    tx: &Transaction<'_>,
    spec: &TableSpec,
    row: &Map<String, Value>,
    maps: &mut HashMap<&'static str, HashMap<i64, i64>>,
) -> Result<bool> {
    let mut row = row.clone();
    for (column, target) in spec.refs {
        if let Some(value) = row.get(*column).filter(|v| !v.is_null()) {
            let old = value
                .as_i64()
                .ok_or_else(|| Error::Invalid(format!("{}.{column} is not an id", spec.name)))?;
            let new = maps.get(target).and_then(|m| m.get(&old)).copied().ok_or_else(|| {
                Error::Invalid(format!(
                    "the export's {} row refers to {target} {old}, which it does not hold; nothing was imported",
                    spec.name
                ))
            })?;
            row.insert((*column).to_owned(), Value::from(new));
        }
    }
    let old_id = spec.id.and_then(|c| row.get(c)).and_then(Value::as_i64);
    // Rows that join an existing one.
    let existing: Option<i64> = match spec.name {
        "categories" => tx
            .query_row(
                "SELECT id FROM categories WHERE ifnull(parent_id, 0) = ifnull(?1, 0) AND name = ?2",
                rusqlite::params![row.get("parent_id").and_then(Value::as_i64), row.get("name").and_then(Value::as_str)],
                |r| r.get(0),
            )
            .optional()?,
        "tags" => tx
            .query_row("SELECT id FROM tags WHERE name = ?1", [row.get("name").and_then(Value::as_str)], |r| r.get(0))
            .optional()?,
        "documents" => {
            let found: Option<String> = tx
                .query_row(
                    "SELECT title FROM documents WHERE uid = ?1 OR content_hash = ?2",
                    rusqlite::params![
                        row.get("uid").and_then(Value::as_str),
                        row.get("content_hash").and_then(Value::as_str)
                    ],
                    |r| r.get(0),
                )
                .optional()?;
            if let Some(title) = found {
                return Err(Error::Invalid(format!(
                    "“{title}” is in this library already, so merging would duplicate it; nothing was imported. \
                     Import into an empty library instead."
                )));
            }
            None
        }
        _ => None,
    };
    if let (Some(old), Some(id)) = (old_id, existing) {
        maps.entry(spec.name).or_default().insert(old, id);
        return Ok(false);
    }
    if spec.name == "scheduler_presets" {
        let active: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM scheduler_presets WHERE active = 1)",
            [],
            |r| r.get(0),
        )?;
        if active {
            // The library's own scheduler settings stay the active ones.
            row.insert("active".into(), Value::from(0));
        }
    }
    if let Some(id_column) = spec.id {
        row.remove(id_column);
    }
    let mode = if spec.name == "app_meta" {
        InsertMode::KeepExisting
    } else {
        InsertMode::Plain
    };
    let written = insert_row(tx, spec.name, &row, mode)?;
    if let Some(old) = old_id {
        maps.entry(spec.name)
            .or_default()
            .insert(old, tx.last_insert_rowid());
    }
    Ok(written)
}

/// The tables that hold a library's data (not indexes, not SQLite's own), for
/// the test that every one of them is exported; `review_log_slots` is derived
/// from `review_log` by triggers, so an import rebuilds it.
#[cfg(test)]
pub(crate) fn data_tables(store: &Store) -> Vec<String> {
    let mut stmt = store
        .conn
        .prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
               AND name NOT LIKE 'documents_fts%'
               AND name NOT LIKE 'cards_fts%' AND name <> 'undo_entries'
               AND name <> 'review_log_slots' ORDER BY name",
        )
        .unwrap();
    stmt.query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}
