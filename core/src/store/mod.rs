//! The SQLite file: opening it safely, its schema and migrations, and every
//! query on it. The store keeps rows: one [`Store::transact`] and row-level
//! functions; the workflows that combine them (re-importing a text, importing
//! cards, backups) live in their own modules. No other module writes SQL to
//! the library; `anki/` reads and writes Anki's own SQLite files (inside
//! `.apkg` packages), which are not Clio's.

mod annotations;
mod backup;
mod browser;
mod cards;
mod categories;
mod documents;
pub(crate) mod export;
mod integrity;
mod interchange;
mod meta;
mod migrations;
mod quiz;
mod reviews;
mod revisions;
mod schedule_row;
mod search;
mod stats;
#[cfg(feature = "bench-data")]
mod synthetic;
mod undo;

pub use annotations::StoredHighlight;
pub(crate) use backup::io_error as file_error;
pub use backup::{
    check_file, copy_database_file, fold_wal_into_file, sync_dir, FileFault, WalFold,
};
pub use cards::{CardSource, SuggestionSource, SuggestionsOf};
pub use documents::Counts;
pub(crate) use export::export_file_tables;
pub use export::Tables as ExportTables;
pub use integrity::{FileHeader, FileProbe, ProbeError};
pub use meta::read_meta_at;
pub use quiz::QuizHistoryRow;
pub use reviews::{AnswerMode, AnswerOrigin, LEECH_TAG};
pub use search::{HIT_END, HIT_START};
pub use undo::{UndoEntry, UNDO_WINDOW_MS};

/// The tables a JSON export holds, parents first.
pub fn export_table_names() -> impl Iterator<Item = &'static str> {
    export::TABLES.iter().map(|t| t.name)
}
pub use stats::{DayTotals, DeckVersion, HardCardRow, KeptCards, QuizSessionRow, StatsCard};

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, Transaction, TransactionBehavior};

use crate::error::{unreadable, Error, Result};

pub use migrations::LATEST_VERSION;

/// Written into the SQLite header by the first migration (`PRAGMA application_id`,
/// "Clio" in ASCII) so Clio can tell its files from other programs' databases.
pub const APPLICATION_ID: i32 = 0x436C_696F;

/// How long a writer waits for another connection's lock (the CLI and the window
/// may share one file) before reporting that the library is busy.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// An open Clio collection.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// The background checkpoint thread, when started; it stops (closing its
    /// connection) when the store is dropped, so a restore can replace the file.
    checkpointer: Option<Checkpointer>,
    /// The deck's schedules kept between dashboards (see `stats::DeckCache`),
    /// shared with a warm-up thread that fills it (`Store::warm_deck_in_background`).
    deck: std::sync::Arc<stats::KeptDeck>,
}

/// One write transaction, open while a workflow above the store runs its
/// row-level functions on it (see [`Store::transact`]).
pub struct Tx<'c> {
    tx: Transaction<'c>,
}

/// Stops its thread when dropped: closing the channel wakes it at once.
struct Checkpointer {
    stop: Option<std::sync::mpsc::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Drop for Checkpointer {
    fn drop(&mut self) {
        drop(self.stop.take());
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Store {
    /// Opens (creating if needed) the collection at `path` and brings its schema
    /// up to date. Refuses files of newer Clio versions and of other programs
    /// without writing to them.
    pub fn open(path: impl AsRef<Path>) -> Result<Self> {
        Self::open_with(path.as_ref(), migrations::STEPS)
    }

    /// A throwaway in-memory collection, for tests and benchmarks.
    pub fn open_in_memory() -> Result<Self> {
        let mut conn = Connection::open_in_memory()?;
        configure(&mut conn, Path::new(":memory:"))?;
        migrate(&mut conn, Path::new(":memory:"), migrations::STEPS)?;
        Ok(Store {
            conn,
            path: PathBuf::from(":memory:"),
            checkpointer: None,
            deck: Default::default(),
        })
    }

    /// Opens with a given schema history (tests use a broken one).
    pub(crate) fn open_with(path: &Path, steps: &[&str]) -> Result<Self> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            fs::create_dir_all(parent).map_err(|e| Error::Open {
                path: path.to_owned(),
                reason: format!("could not create the folder {}: {e}", parent.display()),
            })?;
        }
        let mut conn = Connection::open(path).map_err(|e| unreadable(path, e))?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        check_ownership(&conn, path, steps.len() as u32)?;
        configure(&mut conn, path)?;
        migrate(&mut conn, path, steps)?;
        Ok(Store {
            conn,
            path: path.to_owned(),
            checkpointer: None,
            deck: Default::default(),
        })
    }

    /// Runs `work` in one write transaction: everything it wrote is kept when
    /// it returns `Ok`, nothing when it fails. Workflows that change several
    /// kinds of rows at once (re-importing a text moves its cards and
    /// highlights) live in their modules and write through this.
    pub fn transact<T>(&mut self, work: impl FnOnce(&Tx<'_>) -> Result<T>) -> Result<T> {
        let tx = Tx {
            tx: self.conn.transaction()?,
        };
        let out = work(&tx)?;
        tx.tx.commit()?;
        Ok(out)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// A throwaway library ([`Store::open_in_memory`]), with no file or folder.
    pub fn is_in_memory(&self) -> bool {
        self.path == Path::new(":memory:")
    }

    /// The raw connection, for tests that check what was written.
    #[cfg(test)]
    pub(crate) fn connection(&self) -> &Connection {
        &self.conn
    }

    /// Moves WAL checkpoints off the writing path: this connection stops
    /// checkpointing after commits, and a background thread with its own
    /// connection checkpoints every `every` instead. An answer then costs its
    /// own transaction only; a crash loses nothing (the WAL is replayed on the
    /// next open). For the window, where answers come one by one.
    pub fn defer_checkpoints(&mut self, every: Duration) -> Result<()> {
        if self.path == Path::new(":memory:") || self.checkpointer.is_some() {
            return Ok(());
        }
        let checkpointer = Connection::open(&self.path)?;
        checkpointer.busy_timeout(BUSY_TIMEOUT)?;
        self.conn.pragma_update(None, "wal_autocheckpoint", 0)?;
        let (stop, stopped) = std::sync::mpsc::channel::<()>();
        let thread = std::thread::Builder::new()
            .name("clio-checkpoint".into())
            .spawn(move || {
                // Wakes every `every`, and at once when the store is dropped.
                while let Err(std::sync::mpsc::RecvTimeoutError::Timeout) =
                    stopped.recv_timeout(every)
                {
                    // PASSIVE never waits for readers or writers; a busy moment is simply skipped.
                    let _ =
                        checkpointer.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()));
                }
            })
            .map_err(|e| {
                Error::Invalid(format!("could not start the background checkpoint: {e}"))
            })?;
        self.checkpointer = Some(Checkpointer {
            stop: Some(stop),
            thread: Some(thread),
        });
        Ok(())
    }

    /// SQLite's full integrity check: "ok", or what is damaged.
    pub fn integrity_check(&self) -> Result<String> {
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        let lines: Vec<String> = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(lines.join("\n"))
    }

    pub fn schema_version(&self) -> Result<u32> {
        Ok(self
            .conn
            .pragma_query_value(None, "user_version", |row| row.get(0))?)
    }
}

/// Reads the header only: a file Clio must not touch is refused before any write.
fn check_ownership(conn: &Connection, path: &Path, supported: u32) -> Result<()> {
    let not_a_db = |e: rusqlite::Error| match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => Error::NotADatabase {
            path: path.to_owned(),
            reason: "the file is not an SQLite database".into(),
        },
        _ => unreadable(path, e),
    };
    let version: u32 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(not_a_db)?;
    let app_id: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(not_a_db)?;
    let objects: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
        .map_err(not_a_db)?;

    let is_empty = version == 0 && app_id == 0 && objects == 0;
    if !is_empty && app_id != APPLICATION_ID {
        return Err(Error::NotADatabase {
            path: path.to_owned(),
            reason: "it is an SQLite database of another program".into(),
        });
    }
    if version > supported {
        return Err(Error::NewerSchema {
            path: path.to_owned(),
            found: version,
            supported,
        });
    }
    Ok(())
}

fn configure(conn: &mut Connection, path: &Path) -> Result<()> {
    let fail = |e: rusqlite::Error| unreadable(path, e);
    // Every transaction takes the write lock at BEGIN. A deferred one reads
    // first and upgrades later, and an upgrade that meets another writer fails
    // at once with "database is locked" (the busy timeout never applies), so a
    // second importer or the window's review would lose its work.
    conn.set_transaction_behavior(TransactionBehavior::Immediate);
    conn.pragma_update(None, "foreign_keys", true)
        .map_err(fail)?;
    // WAL lets the window read while the CLI writes, and survives a crash mid-write.
    conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get::<_, String>(0))
        .map_err(fail)?;
    conn.pragma_update(None, "synchronous", "NORMAL")
        .map_err(fail)?;
    Ok(())
}

/// All pending migrations run in one transaction: on failure nothing of them stays.
fn migrate(conn: &mut Connection, path: &Path, steps: &[&str]) -> Result<()> {
    let target = steps.len() as u32;
    migrations::build(steps).to_latest(conn).map_err(|e| {
        // A full disk or a read-only file is named as such; the migration rolled back.
        if let rusqlite_migration::Error::RusqliteError { err, .. } = &e {
            match err.sqlite_error_code() {
                Some(ErrorCode::DiskFull) => {
                    return Error::DiskFull {
                        path: Some(path.to_owned()),
                    }
                }
                Some(ErrorCode::ReadOnly) => {
                    return Error::ReadOnly {
                        path: Some(path.to_owned()),
                    }
                }
                _ => {}
            }
        }
        Error::Migration {
            path: path.to_owned(),
            target,
            reason: e.to_string(),
        }
    })
}

#[cfg(test)]
mod concurrency_tests;
#[cfg(test)]
mod tests;
