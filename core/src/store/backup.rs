//! Copies of the library file: `VACUUM INTO` a temporary file, checking a
//! copy, folding the WAL in before a restore. What the copies are called,
//! which are kept and when they are made is [`crate::backup`]'s business.
//!
//! `VACUUM INTO` rather than the online backup API: one statement makes a
//! consistent snapshot (it reads inside one transaction, so the window may
//! keep writing to the WAL meanwhile), the copy is compact and has no `-wal`
//! file to forget, and no extra rusqlite feature is needed. Copies are
//! written to a hidden `.partial` file, synced, then renamed (by the caller):
//! a crash never leaves a half-written file under a backup's name.

use std::fs::{self, File};
use std::io;
use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use super::integrity::quick_check;
use super::{migrations::LATEST_VERSION, Store, APPLICATION_ID};
use crate::error::{unreadable, Error, Result};

impl Store {
    /// Copies this library into `partial` (a file in `dir`), synced.
    pub fn copy_into(&self, partial: &Path, dir: &Path) -> Result<()> {
        copy_database(&self.conn, partial, dir)
    }
}

/// Copies the library file at `source` into `partial` (a file in `dir`),
/// synced, through a read-only connection of its own (so a timer thread
/// needs no access to the window's `Store`).
pub fn copy_database_file(source: &Path, partial: &Path, dir: &Path) -> Result<()> {
    let conn = Connection::open_with_flags(source, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|e| unreadable(source, e))?;
    copy_database(&conn, partial, dir)
}

/// `VACUUM INTO` a temporary file, switch the copy to a rollback journal (so it
/// is one self-contained file), fsync it. Removes the file on failure.
fn copy_database(conn: &Connection, partial: &Path, dir: &Path) -> Result<()> {
    // A leftover from a crash is an unfinished copy, never a backup.
    let _ = fs::remove_file(partial);
    let result = (|| -> Result<()> {
        let target = partial
            .to_str()
            .ok_or_else(|| Error::Invalid(format!("{} is not a UTF-8 path", partial.display())))?;
        conn.execute("VACUUM INTO ?1", [target])
            .map_err(|e| Error::from(e).at(dir))?;
        {
            let copy = Connection::open(partial)?;
            copy.pragma_update_and_check(None, "journal_mode", "DELETE", |r| {
                r.get::<_, String>(0)
            })?;
        }
        File::open(partial)
            .and_then(|f| f.sync_all())
            .map_err(|e| io_error("could not write", partial, e))?;
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(partial);
    }
    result
}

/// Why a file is not a library this Clio can use, as [`check_file`] found
/// it. The store only finds; [`crate::backup`] says what it means to the
/// learner (its `Display`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileFault {
    /// The file is not there, or has no bytes.
    EmptyOrMissing,
    /// SQLite could not open it (its error).
    Unopenable(String),
    /// Its header could not be read (SQLite's error).
    Unreadable(String),
    /// A database of another program.
    NotClio,
    /// Written by a newer Clio, with this schema version.
    Newer { version: u32 },
    /// `quick_check` found damage (or failed on it): its findings, one a line.
    Damaged { findings: Vec<String> },
}

/// Opens `path` read-only: a Clio library of a schema this Clio knows that
/// passes `quick_check` gives its schema version; anything else, why not.
pub fn check_file(path: &Path) -> std::result::Result<u32, FileFault> {
    if fs::metadata(path).map(|m| m.len()).unwrap_or(0) == 0 {
        return Err(FileFault::EmptyOrMissing);
    }
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| FileFault::Unopenable(e.to_string()))?;
    let unreadable = |e: rusqlite::Error| FileFault::Unreadable(e.to_string());
    let app_id: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(unreadable)?;
    if app_id != APPLICATION_ID {
        return Err(FileFault::NotClio);
    }
    let version: u32 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(unreadable)?;
    if version > LATEST_VERSION {
        return Err(FileFault::Newer { version });
    }
    let verdict = quick_check(&conn).map_err(|e| FileFault::Damaged {
        findings: vec![e.to_string()],
    })?;
    if verdict != "ok" {
        return Err(FileFault::Damaged {
            findings: verdict.lines().map(str::to_owned).collect(),
        });
    }
    Ok(version)
}

/// Why the WAL could not be folded into the library file.
#[derive(Debug)]
pub enum WalFold {
    /// Another connection has the library open.
    InUse,
    Failed(Error),
}

/// Folds the WAL into the library file and switches it to a rollback journal,
/// so no `-wal` file is left beside it. Needs the only connection to the file.
pub fn fold_wal_into_file(db_path: &Path) -> std::result::Result<(), WalFold> {
    let closed = (|| -> rusqlite::Result<()> {
        let conn = Connection::open(db_path)?;
        conn.pragma_update_and_check(None, "journal_mode", "DELETE", |r| r.get::<_, String>(0))?;
        Ok(())
    })();
    closed.map_err(|e| match Error::from(e) {
        Error::Sqlite(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy) => {
            WalFold::InUse
        }
        other => WalFold::Failed(other),
    })
}

/// Makes a rename durable (best effort: not every platform syncs folders).
pub fn sync_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

/// A file-system error, with full-disk and read-only cases named as such.
pub(crate) fn io_error(action: &'static str, path: &Path, e: io::Error) -> Error {
    match e.kind() {
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => Error::DiskFull {
            path: Some(path.to_owned()),
        },
        io::ErrorKind::ReadOnlyFilesystem | io::ErrorKind::PermissionDenied => Error::ReadOnly {
            path: Some(path.to_owned()),
        },
        _ => Error::File {
            action,
            path: path.to_owned(),
            reason: e.to_string(),
        },
    }
}
