//! Reading a library file's header and running `PRAGMA quick_check` on it,
//! read-only, for the start-up check in [`crate::backup`] (which says what
//! the findings mean to the learner).

use std::path::{Path, PathBuf};

use rusqlite::{Connection, ErrorCode, OpenFlags};

use crate::error::{unreadable, Error, Result};

/// A library file opened read-only, to be looked at and never written.
pub struct FileProbe {
    conn: Connection,
    path: PathBuf,
}

/// What the SQLite header says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileHeader {
    pub application_id: i32,
    pub user_version: u32,
    /// Tables, indexes and the like: none in a new, empty file.
    pub objects: i64,
}

/// Why a probe could not read the file.
#[derive(Debug)]
pub enum ProbeError {
    /// Its header is not an SQLite database's (SQLITE_NOTADB).
    NotADatabase,
    /// SQLite reports the file as malformed (SQLITE_CORRUPT).
    Malformed,
    /// Anything else (locked, unreadable): the error as it is.
    Other(Error),
}

impl FileProbe {
    pub fn open(path: &Path) -> Result<FileProbe> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| unreadable(path, e))?;
        Ok(FileProbe {
            conn,
            path: path.to_owned(),
        })
    }

    pub fn header(&self) -> std::result::Result<FileHeader, ProbeError> {
        let read = |e| self.probe_error(e);
        Ok(FileHeader {
            application_id: self
                .conn
                .pragma_query_value(None, "application_id", |r| r.get(0))
                .map_err(read)?,
            user_version: self
                .conn
                .pragma_query_value(None, "user_version", |r| r.get(0))
                .map_err(read)?,
            objects: self
                .conn
                .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
                .map_err(read)?,
        })
    }

    /// `PRAGMA quick_check`: "ok", or what is wrong (one line per problem).
    pub fn quick_check(&self) -> std::result::Result<String, ProbeError> {
        quick_check(&self.conn).map_err(|e| self.probe_error(e))
    }

    fn probe_error(&self, e: rusqlite::Error) -> ProbeError {
        match e.sqlite_error_code() {
            Some(ErrorCode::NotADatabase) => ProbeError::NotADatabase,
            Some(ErrorCode::DatabaseCorrupt) => ProbeError::Malformed,
            _ => ProbeError::Other(unreadable(&self.path, e)),
        }
    }
}

/// `PRAGMA quick_check`: "ok", or what is wrong (one line per problem).
pub(super) fn quick_check(conn: &Connection) -> rusqlite::Result<String> {
    let mut stmt = conn.prepare("PRAGMA quick_check")?;
    let lines: Vec<String> = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(lines.join("\n"))
}

impl super::Store {
    /// Closes a store whose file a check found damaged after it was opened
    /// (the window's check in the background): the checkpoint thread stops,
    /// and the last connection closes without copying the WAL into the file
    /// (which SQLite does on a clean close), so the damaged file is not written
    /// again. The WAL stays beside it; a restore moves it aside with the file,
    /// and the next start, seeing it, checks the file before opening it.
    pub fn close_damaged(mut self) {
        // The main connection stays open until the end, so the checkpoint
        // thread's connection is not the last one and does not checkpoint.
        let _ = self.conn.set_db_config(
            rusqlite::config::DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE,
            true,
        );
        drop(self.checkpointer.take());
    }
}
