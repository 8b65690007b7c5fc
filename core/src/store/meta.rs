//! Facts about the collection itself (`app_meta`), such as whether the starter
//! library was ever added.

use std::path::Path;

use rusqlite::{Connection, OpenFlags, OptionalExtension};

use super::Store;
use crate::error::Result;

/// One `app_meta` value of the library at `path`, read through a short-lived
/// read-only connection; `None` when there is no library (or no value) yet.
pub fn read_meta_at(path: &Path, key: &str) -> Result<Option<String>> {
    if !path.exists() {
        return Ok(None);
    }
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|e| crate::error::unreadable(path, e))?;
    conn.busy_timeout(super::BUSY_TIMEOUT)?;
    Ok(conn
        .query_row("SELECT value FROM app_meta WHERE key = ?1", [key], |r| {
            r.get(0)
        })
        .optional()?)
}

impl Store {
    pub fn meta(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM app_meta WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?)
    }

    pub fn set_meta(&mut self, key: &str, value: &str) -> Result<()> {
        self.conn.execute(
            "INSERT INTO app_meta (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [key, value],
        )?;
        Ok(())
    }
}
