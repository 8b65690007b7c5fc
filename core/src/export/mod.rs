//! The whole library as one JSON file, and back.
//!
//! ## Format (version 1)
//! ```json
//! {
//!   "format": "clio-library",
//!   "formatVersion": 1,
//!   "schemaVersion": 2,          // the database schema the rows follow
//!   "clioVersion": "0.1.0",
//!   "exportedAt": 1790000000000, // Unix ms
//!   "preferences": { ... },      // the window's settings, opaque here; null if none
//!   "tables": {
//!     "app_meta": [ { "key": "...", "value": "..." } ],
//!     "categories": [ { "id": 1, "parent_id": null, "name": "History" } ],
//!     "documents": [ ... ], "document_revisions": [ ... ], "tags": [ ... ],
//!     "document_tags": [ ... ], "annotations": [ ... ], "cards": [ ... ],
//!     "card_schedule": [ ... ], "review_log": [ ... ], "scheduler_presets": [ ... ],
//!     "quiz_sessions": [ ... ], "quiz_answers": [ ... ]
//!   }
//! }
//! ```
//! Each row is an object of the table's columns as stored (times in Unix ms,
//! `documents.blocks_json` and the other JSON columns as their text), so the
//! file follows the schema in `store/migrations/`. The full-text index is not
//! exported; it is rebuilt on import.
//!
//! ## Import
//! Into an empty library (no rows but `app_meta`) everything is written as it
//! is, ids included, in one transaction: the library is then the same, table
//! by table. A library that is not empty is refused unless `merge` is asked.
//! A merge renumbers every row (new ids, references following them), joins
//! categories by path and tags by name, keeps the library's own `app_meta`
//! values and active scheduler preset (imported presets come in inactive), and
//! refuses — importing nothing — when a document of the export is in the
//! library already (same uid or same text), rather than duplicate it.
//! An export from an older schema imports (missing columns take their
//! defaults); one from a newer schema is refused.

use std::collections::BTreeMap;
use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::Path;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::store::{Store, LATEST_VERSION};

/// The value of `format` in an export file.
pub const FORMAT: &str = "clio-library";
/// The version of the file layout this Clio writes and reads.
pub const FORMAT_VERSION: u32 = 1;

/// What an import wrote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportSummary {
    pub merged: bool,
    /// Rows written per table.
    #[ts(type = "Record<string, number>")]
    pub rows: BTreeMap<String, u64>,
    /// The export's preferences, for the caller to apply (null if none).
    #[ts(type = "unknown")]
    pub preferences: Value,
}

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExportReport {
    pub path: String,
    #[ts(type = "number")]
    pub size_bytes: u64,
    #[ts(type = "Record<string, number>")]
    pub rows: BTreeMap<String, u64>,
}

/// The whole library (and the caller's `preferences`) as one JSON value.
pub fn export_json(store: &Store, preferences: Value, now: i64) -> Result<Value> {
    let tables = store.export_tables()?;
    Ok(document(store.schema_version()?, tables, preferences, now))
}

fn document(
    schema: u32,
    tables: crate::store::ExportTables,
    preferences: Value,
    now: i64,
) -> Value {
    serde_json::json!({
        "format": FORMAT,
        "formatVersion": FORMAT_VERSION,
        "schemaVersion": schema,
        "clioVersion": crate::VERSION,
        "exportedAt": now,
        "preferences": preferences,
        "tables": tables,
    })
}

/// [`export_json`] written to `path`: a temporary file beside it, synced, then
/// renamed, so `path` is never half-written.
pub fn export_to_file(
    store: &Store,
    preferences: Value,
    path: &Path,
    now: i64,
) -> Result<ExportReport> {
    let value = export_json(store, preferences, now)?;
    let rows = value["tables"]
        .as_object()
        .map(|t| {
            t.iter()
                .map(|(k, v)| (k.clone(), v.as_array().map_or(0, |a| a.len() as u64)))
                .collect()
        })
        .unwrap_or_default();
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "export.json".into());
    let partial = path.with_file_name(format!(".{name}.partial"));
    if let Some(dir) = path.parent() {
        remove_stale_partials(dir, &[".json"]);
    }
    let fail = |e: std::io::Error| crate::store::file_error("could not write the export", path, e);
    let written = (|| -> std::io::Result<()> {
        let file = File::create(&partial)?;
        let mut out = BufWriter::new(file);
        serde_json::to_writer_pretty(&mut out, &value)?;
        out.write_all(b"\n")?;
        out.into_inner().map_err(|e| e.into_error())?.sync_all()?;
        fs::rename(&partial, path)
    })();
    if let Err(e) = written {
        let _ = fs::remove_file(&partial);
        return Err(fail(e));
    }
    let size_bytes = fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    Ok(ExportReport {
        path: path.display().to_string(),
        size_bytes,
        rows,
    })
}

/// Reads an export file (checked as [`import_json`] does, before anything is written).
pub fn read_export_file(path: &Path) -> Result<Value> {
    let text = fs::read_to_string(path)
        .map_err(|e| crate::store::file_error("could not read", path, e))?;
    let value: Value = serde_json::from_str(&text).map_err(|e| {
        Error::Invalid(format!(
            "{} is not a Clio export (not valid JSON: {e})",
            path.display()
        ))
    })?;
    check(&value)?;
    Ok(value)
}

/// Checks the top level of an export: its format, versions and tables.
fn check(value: &Value) -> Result<&Map<String, Value>> {
    let not_ours = |why: &str| Error::Invalid(format!("this is not a Clio library export: {why}"));
    let object = value
        .as_object()
        .ok_or_else(|| not_ours("it is not a JSON object"))?;
    if object.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(not_ours("its \"format\" is not \"clio-library\""));
    }
    let version = object
        .get("formatVersion")
        .and_then(Value::as_u64)
        .ok_or_else(|| not_ours("it has no formatVersion"))?;
    if version > u64::from(FORMAT_VERSION) {
        return Err(Error::Invalid(format!(
            "this export was written by a newer Clio (format version {version}; this Clio reads up to {FORMAT_VERSION}). \
             Update Clio to import it."
        )));
    }
    let schema = object
        .get("schemaVersion")
        .and_then(Value::as_u64)
        .unwrap_or(0);
    if schema > u64::from(LATEST_VERSION) {
        return Err(Error::Invalid(format!(
            "this export holds a newer Clio's library (schema version {schema}; this Clio knows up to {LATEST_VERSION}). \
             Update Clio to import it."
        )));
    }
    let tables = object
        .get("tables")
        .and_then(Value::as_object)
        .ok_or_else(|| not_ours("it has no \"tables\""))?;
    let known: Vec<&str> = crate::store::export_table_names().collect();
    if let Some(unknown) = tables.keys().find(|k| !known.contains(&k.as_str())) {
        return Err(Error::Invalid(format!(
            "this export has a table “{unknown}” that this Clio does not know; update Clio to import it"
        )));
    }
    Ok(tables)
}

/// Writes an export into `store` in one transaction (see the module docs):
/// into an empty library as it is, or with `merge` renumbered beside what is
/// there. On any error nothing is written.
pub fn import_json(store: &mut Store, value: &Value, merge: bool) -> Result<ImportSummary> {
    let tables = check(value)?;
    let rows = store.import_tables(tables, merge)?;
    Ok(ImportSummary {
        merged: merge,
        rows,
        preferences: value.get("preferences").cloned().unwrap_or(Value::Null),
    })
}

/// A backup (or any Clio library file) as an export value, read without
/// writing to it: to merge a backup into the open library.
pub fn export_library_file(path: &Path, now: i64) -> Result<Value> {
    crate::store::check_file(path)
        .map_err(|fault| Error::Invalid(format!("{} cannot be read: {fault}", path.display())))?;
    let (schema, tables) = crate::store::export_file_tables(path)?;
    Ok(document(schema, tables, Value::Null, now))
}

/// How old a hidden `.partial` file must be before it is taken for the
/// leftover of a killed export or backup (a live one is written within minutes).
pub(crate) const STALE_PARTIAL_SECS: u64 = 3600;

/// Removes hidden `.NAME.partial` files Clio leaves only when an export or
/// backup was killed mid-write: those in `dir` whose NAME ends with one of
/// `kinds` (".json", ".sqlite3", …) and that are older than
/// [`STALE_PARTIAL_SECS`]. Other files are never touched.
pub(crate) fn remove_stale_partials(dir: &Path, kinds: &[&str]) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let now = std::time::SystemTime::now();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(inner) = name
            .strip_prefix('.')
            .and_then(|n| n.strip_suffix(".partial"))
        else {
            continue;
        };
        let inner = inner
            .strip_suffix(".collection")
            .or_else(|| inner.strip_suffix(".restore"))
            .unwrap_or(inner);
        if !kinds.iter().any(|k| inner.ends_with(k)) {
            continue;
        }
        let stale = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|m| now.duration_since(m).ok())
            .is_some_and(|age| age.as_secs() >= STALE_PARTIAL_SECS);
        if stale && entry.file_type().is_ok_and(|t| t.is_file()) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests;
