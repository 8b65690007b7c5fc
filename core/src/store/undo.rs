//! Undo: every row an action touches is saved as it was before, so the action
//! can be put back. Deleting follows the schema's foreign keys (the rows a
//! delete cascades to, and the rows whose reference it clears), so a table a
//! later version adds is saved too without changing this file.
//!
//! An entry also keeps a fingerprint of the same rows just after the action:
//! undo refuses when they changed since (a review, an edit, a new row that
//! took a deleted row's id), so it never overwrites later work.

use std::collections::{BTreeMap, HashMap, HashSet};

use rusqlite::types::Value as SqlValue;
use rusqlite::{params, params_from_iter, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use serde_json::Value as Json;
use sha2::{Digest, Sha256};

use super::Store;
use crate::error::{Error, Result};

/// How long the last action can be undone.
pub const UNDO_WINDOW_MS: i64 = 10 * 60 * 1000;

/// Rows of `table` whose `column` holds one of `ids`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Rows<'a> {
    pub table: &'a str,
    pub column: &'a str,
    pub ids: &'a [i64],
}

/// What an action will do to the rows it names.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Touch<'a> {
    /// The rows change (or appear): they are saved as they are.
    Change(Rows<'a>),
    /// The rows are deleted: they are saved with every row the delete reaches.
    Delete(Rows<'a>),
}

impl<'a> Touch<'a> {
    /// Cards whose row and schedule change: what most card actions touch.
    pub(crate) fn cards_and_schedules(ids: &'a [i64]) -> [Touch<'a>; 2] {
        [
            Touch::Change(Rows {
                table: "cards",
                column: "id",
                ids,
            }),
            Touch::Change(Rows {
                table: "card_schedule",
                column: "card_id",
                ids,
            }),
        ]
    }
}

/// The newest entry, as the UI offers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UndoEntry {
    pub label: String,
    pub created_at: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct TableShape {
    columns: Vec<String>,
    /// Indexes into `columns` of the primary key.
    key: Vec<usize>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct SavedRow {
    table: String,
    key: Vec<Json>,
    /// The row before the action; `None` when the action created it.
    before: Option<Vec<Json>>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Saved {
    tables: BTreeMap<String, TableShape>,
    rows: Vec<SavedRow>,
}

/// Most SQLite builds allow 32,766 parameters; batches stay far below.
const BATCH: usize = 500;

impl Store {
    /// Runs `action` in one transaction and records how to undo it as the
    /// newest (and only) undo entry, labelled for the learner ("Suspended 3 cards").
    pub(crate) fn undoable<T>(
        &mut self,
        label: &str,
        now: i64,
        touches: &[Touch<'_>],
        action: impl FnOnce(&Transaction<'_>) -> Result<T>,
    ) -> Result<T> {
        self.transact(|tx| {
            let tx = &tx.tx;
            let mut saved = Saver::default();
            for touch in touches {
                match *touch {
                    Touch::Change(rows) => saved.change(tx, rows)?,
                    Touch::Delete(rows) => saved.delete(tx, rows)?,
                }
            }
            let out = action(tx)?;
            // Rows the action created (e.g. a schedule row) are removed by undo.
            for touch in touches {
                if let Touch::Change(rows) = *touch {
                    saved.created(tx, rows)?;
                }
            }
            let saved = saved.finish();
            let after = fingerprint(tx, &saved)?;
            tx.execute("DELETE FROM undo_entries", [])?;
            tx.execute(
                "INSERT INTO undo_entries (label, created_at, rows_json, after_hash) VALUES (?1, ?2, ?3, ?4)",
                params![
                    label,
                    now,
                    serde_json::to_string(&saved).expect("plain data serialises"),
                    after
                ],
            )?;
            Ok(out)
        })
    }

    /// The action that can be undone now, if any.
    pub fn last_undo(&self, now: i64) -> Result<Option<UndoEntry>> {
        Ok(self
            .conn
            .query_row(
                "SELECT label, created_at FROM undo_entries WHERE created_at > ?1 ORDER BY id DESC LIMIT 1",
                [now - UNDO_WINDOW_MS],
                |r| {
                    Ok(UndoEntry {
                        label: r.get(0)?,
                        created_at: r.get(1)?,
                    })
                },
            )
            .optional()?)
    }

    /// Puts back what the newest undoable action changed; returns its label.
    /// Refuses, changing nothing, when there is none, it is too old, or its
    /// rows changed since.
    pub fn undo_last(&mut self, now: i64) -> Result<String> {
        // A refusal that drops a stale entry still commits (the entry is
        // gone either way): the outer result is the transaction's, the inner
        // one undo's answer.
        self.transact(|tx| {
            let tx = &tx.tx;
            let entry: Option<(i64, String, i64, String, String)> = tx
                .query_row(
                    "SELECT id, label, created_at, rows_json, after_hash FROM undo_entries ORDER BY id DESC LIMIT 1",
                    [],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
                )
                .optional()?;
            let Some((id, label, created_at, rows_json, after_hash)) = entry else {
                return Err(Error::Invalid("There is nothing to undo.".into()));
            };
            if now - created_at > UNDO_WINDOW_MS {
                tx.execute("DELETE FROM undo_entries", [])?;
                return Ok(Err(Error::Invalid(format!(
                    "“{label}” was more than {} minutes ago and can no longer be undone.",
                    UNDO_WINDOW_MS / 60_000
                ))));
            }
            let saved: Saved = serde_json::from_str(&rows_json).map_err(|e| {
                Error::Invalid(format!(
                    "The undo record of “{label}” is unreadable ({e}); nothing was changed."
                ))
            })?;
            if fingerprint(tx, &saved)? != after_hash {
                tx.execute("DELETE FROM undo_entries", [])?;
                return Ok(Err(Error::Invalid(format!(
                    "“{label}” can no longer be undone: the cards or texts it touched changed since \
                     (reviewed, edited or added to). Nothing was changed."
                ))));
            }
            restore(tx, &saved)?;
            tx.execute("DELETE FROM undo_entries WHERE id = ?1", [id])?;
            Ok(Ok(label))
        })?
    }
}

/// Collects the rows an action touches, each once, parents before children.
#[derive(Default)]
struct Saver {
    saved: Saved,
    seen: HashMap<(String, String), usize>,
    deleted: HashSet<usize>,
}

impl Saver {
    fn shape(&mut self, tx: &Transaction<'_>, table: &str) -> Result<TableShape> {
        if let Some(shape) = self.saved.tables.get(table) {
            return Ok(shape.clone());
        }
        let shape = table_shape(tx, table)?;
        self.saved.tables.insert(table.to_owned(), shape.clone());
        Ok(shape)
    }

    /// Saves a row unless saved already; returns its index and whether it is new.
    fn save(&mut self, table: &str, shape: &TableShape, row: Vec<Json>) -> (usize, bool) {
        let key: Vec<Json> = shape.key.iter().map(|&i| row[i].clone()).collect();
        let id = (table.to_owned(), Json::Array(key.clone()).to_string());
        if let Some(&index) = self.seen.get(&id) {
            return (index, false);
        }
        let index = self.saved.rows.len();
        self.saved.rows.push(SavedRow {
            table: table.to_owned(),
            key,
            before: Some(row),
        });
        self.seen.insert(id, index);
        (index, true)
    }

    fn change(&mut self, tx: &Transaction<'_>, rows: Rows<'_>) -> Result<()> {
        let shape = self.shape(tx, rows.table)?;
        let values: Vec<SqlValue> = rows.ids.iter().map(|&i| SqlValue::Integer(i)).collect();
        for row in select_rows(tx, rows.table, &shape, rows.column, &values)? {
            self.save(rows.table, &shape, row);
        }
        Ok(())
    }

    /// Rows matching `rows` now that were not there before the action.
    fn created(&mut self, tx: &Transaction<'_>, rows: Rows<'_>) -> Result<()> {
        let shape = self.shape(tx, rows.table)?;
        let values: Vec<SqlValue> = rows.ids.iter().map(|&i| SqlValue::Integer(i)).collect();
        for row in select_rows(tx, rows.table, &shape, rows.column, &values)? {
            let (index, new) = self.save(rows.table, &shape, row);
            if new {
                self.saved.rows[index].before = None;
            }
        }
        Ok(())
    }

    /// The rows to delete and, following the foreign keys, every row the
    /// delete removes (cascade) or changes (set null).
    fn delete(&mut self, tx: &Transaction<'_>, rows: Rows<'_>) -> Result<()> {
        let mut queue: Vec<(String, String, Vec<SqlValue>)> = vec![(
            rows.table.to_owned(),
            rows.column.to_owned(),
            rows.ids.iter().map(|&i| SqlValue::Integer(i)).collect(),
        )];
        let mut next = 0;
        while next < queue.len() {
            let (table, column, values) = queue[next].clone();
            next += 1;
            let shape = self.shape(tx, &table)?;
            let mut removed = Vec::new();
            for row in select_rows(tx, &table, &shape, &column, &values)? {
                let (index, _) = self.save(&table, &shape, row.clone());
                if self.deleted.insert(index) {
                    removed.push(row);
                }
            }
            if removed.is_empty() {
                continue;
            }
            for child in children(tx, &table)? {
                let Some(parent_index) = (match &child.parent_column {
                    Some(name) => shape.columns.iter().position(|c| c == name),
                    None => (shape.key.len() == 1).then(|| shape.key[0]),
                }) else {
                    continue;
                };
                let mut parent_values: Vec<SqlValue> = removed
                    .iter()
                    .map(|r| to_sql(&r[parent_index]))
                    .filter(|v| *v != SqlValue::Null)
                    .collect();
                parent_values.dedup();
                match child.on_delete.as_str() {
                    "CASCADE" => queue.push((child.table, child.column, parent_values)),
                    "SET NULL" | "SET DEFAULT" => {
                        let child_shape = self.shape(tx, &child.table)?;
                        for row in select_rows(
                            tx,
                            &child.table,
                            &child_shape,
                            &child.column,
                            &parent_values,
                        )? {
                            self.save(&child.table, &child_shape, row);
                        }
                    }
                    _ => {}
                }
            }
        }
        Ok(())
    }

    fn finish(self) -> Saved {
        self.saved
    }
}

struct ChildKey {
    table: String,
    column: String,
    /// The parent's column it refers to; `None`: the parent's primary key.
    parent_column: Option<String>,
    on_delete: String,
}

/// The single-column foreign keys that refer to `table`.
fn children(tx: &Transaction<'_>, table: &str) -> Result<Vec<ChildKey>> {
    let mut stmt = tx.prepare_cached(
        "SELECT m.name, f.\"from\", f.\"to\", upper(f.on_delete)
         FROM sqlite_schema m, pragma_foreign_key_list(m.name) f
         WHERE m.type = 'table' AND f.\"table\" = ?1 COLLATE NOCASE
           AND NOT EXISTS (SELECT 1 FROM pragma_foreign_key_list(m.name) g WHERE g.id = f.id AND g.seq > 0)
         ORDER BY m.name",
    )?;
    let rows = stmt.query_map([table], |r| {
        Ok(ChildKey {
            table: r.get(0)?,
            column: r.get(1)?,
            parent_column: r.get(2)?,
            on_delete: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn table_shape(tx: &Transaction<'_>, table: &str) -> Result<TableShape> {
    let mut stmt = tx.prepare_cached("SELECT name, pk FROM pragma_table_info(?1) ORDER BY cid")?;
    let mut columns: Vec<(String, i64)> = stmt
        .query_map([table], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    if columns.is_empty() {
        return Err(Error::Invalid(format!("undo: no table named {table}")));
    }
    if columns.iter().all(|(_, pk)| *pk == 0) {
        columns.insert(0, ("rowid".into(), 1));
    }
    let mut key: Vec<(i64, usize)> = columns
        .iter()
        .enumerate()
        .filter(|(_, (_, pk))| *pk > 0)
        .map(|(i, (_, pk))| (*pk, i))
        .collect();
    key.sort();
    Ok(TableShape {
        columns: columns.into_iter().map(|(name, _)| name).collect(),
        key: key.into_iter().map(|(_, i)| i).collect(),
    })
}

fn quoted(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

fn column_list(shape: &TableShape) -> String {
    shape
        .columns
        .iter()
        .map(|c| quoted(c))
        .collect::<Vec<_>>()
        .join(", ")
}

fn key_condition(shape: &TableShape) -> String {
    shape
        .key
        .iter()
        .enumerate()
        .map(|(n, &i)| format!("{} IS ?{}", quoted(&shape.columns[i]), n + 1))
        .collect::<Vec<_>>()
        .join(" AND ")
}

fn select_rows(
    tx: &Transaction<'_>,
    table: &str,
    shape: &TableShape,
    column: &str,
    values: &[SqlValue],
) -> Result<Vec<Vec<Json>>> {
    let mut out = Vec::new();
    for batch in values.chunks(BATCH) {
        let marks = vec!["?"; batch.len()].join(", ");
        let mut stmt = tx.prepare(&format!(
            "SELECT {} FROM {} WHERE {} IN ({marks})",
            column_list(shape),
            quoted(table),
            quoted(column)
        ))?;
        let n = shape.columns.len();
        let rows = stmt.query_map(params_from_iter(batch.iter()), |r| {
            (0..n)
                .map(|i| r.get::<_, SqlValue>(i).map(|v| to_json(&v)))
                .collect()
        })?;
        for row in rows {
            out.push(row?);
        }
    }
    Ok(out)
}

/// A row as it is now, found by its key.
fn current_row(
    tx: &Transaction<'_>,
    table: &str,
    shape: &TableShape,
    key: &[Json],
) -> Result<Option<Vec<Json>>> {
    let mut stmt = tx.prepare_cached(&format!(
        "SELECT {} FROM {} WHERE {}",
        column_list(shape),
        quoted(table),
        key_condition(shape)
    ))?;
    let n = shape.columns.len();
    Ok(stmt
        .query_row(params_from_iter(key.iter().map(to_sql)), |r| {
            (0..n)
                .map(|i| r.get::<_, SqlValue>(i).map(|v| to_json(&v)))
                .collect()
        })
        .optional()?)
}

fn shape_of<'a>(saved: &'a Saved, table: &str) -> Result<&'a TableShape> {
    saved.tables.get(table).ok_or_else(|| {
        Error::Invalid(format!(
            "The undo record names the table {table} without its columns."
        ))
    })
}

/// A hash of every saved row as it is now (absent rows included).
fn fingerprint(tx: &Transaction<'_>, saved: &Saved) -> Result<String> {
    let mut hash = Sha256::new();
    for row in &saved.rows {
        let shape = shape_of(saved, &row.table)?;
        let now = current_row(tx, &row.table, shape, &row.key)?;
        hash.update(row.table.as_bytes());
        hash.update(
            serde_json::to_string(&now)
                .expect("plain data serialises")
                .as_bytes(),
        );
        hash.update(b"\n");
    }
    Ok(format!("{:x}", hash.finalize()))
}

/// Writes every saved row back as it was (parents first), then removes the
/// rows the action created (children first).
fn restore(tx: &Transaction<'_>, saved: &Saved) -> Result<()> {
    for row in &saved.rows {
        let Some(before) = &row.before else { continue };
        let shape = shape_of(saved, &row.table)?;
        let values: Vec<SqlValue> = before.iter().map(to_sql).collect();
        if current_row(tx, &row.table, shape, &row.key)?.is_some() {
            let sets = shape
                .columns
                .iter()
                .enumerate()
                .map(|(i, c)| format!("{} = ?{}", quoted(c), i + 1))
                .collect::<Vec<_>>()
                .join(", ");
            let condition = shape
                .key
                .iter()
                .map(|&i| format!("{} IS ?{}", quoted(&shape.columns[i]), i + 1))
                .collect::<Vec<_>>()
                .join(" AND ");
            tx.execute(
                &format!("UPDATE {} SET {sets} WHERE {condition}", quoted(&row.table)),
                params_from_iter(values.iter()),
            )?;
        } else {
            let marks = (1..=values.len())
                .map(|i| format!("?{i}"))
                .collect::<Vec<_>>()
                .join(", ");
            tx.execute(
                &format!(
                    "INSERT INTO {} ({}) VALUES ({marks})",
                    quoted(&row.table),
                    column_list(shape)
                ),
                params_from_iter(values.iter()),
            )?;
        }
    }
    for row in saved.rows.iter().rev().filter(|r| r.before.is_none()) {
        let shape = shape_of(saved, &row.table)?;
        tx.execute(
            &format!(
                "DELETE FROM {} WHERE {}",
                quoted(&row.table),
                key_condition(shape)
            ),
            params_from_iter(row.key.iter().map(to_sql)),
        )?;
    }
    Ok(())
}

fn to_json(value: &SqlValue) -> Json {
    match value {
        SqlValue::Null => Json::Null,
        SqlValue::Integer(i) => Json::from(*i),
        SqlValue::Real(f) => serde_json::Number::from_f64(*f).map_or(Json::Null, Json::Number),
        SqlValue::Text(s) => Json::String(s.clone()),
        SqlValue::Blob(b) => {
            serde_json::json!({ "blob": b.iter().map(|x| format!("{x:02x}")).collect::<String>() })
        }
    }
}

fn to_sql(value: &Json) -> SqlValue {
    match value {
        Json::Null => SqlValue::Null,
        Json::Bool(b) => SqlValue::Integer(i64::from(*b)),
        Json::Number(n) => match n.as_i64() {
            Some(i) => SqlValue::Integer(i),
            None => SqlValue::Real(n.as_f64().unwrap_or(0.0)),
        },
        Json::String(s) => SqlValue::Text(s.clone()),
        Json::Object(map) => {
            let hex = map.get("blob").and_then(Json::as_str).unwrap_or("");
            SqlValue::Blob(
                (0..hex.len() / 2)
                    .filter_map(|i| u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).ok())
                    .collect(),
            )
        }
        Json::Array(_) => SqlValue::Null,
    }
}
