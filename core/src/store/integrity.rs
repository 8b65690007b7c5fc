//! The start-up check: before the window opens the library, Clio reads it
//! (read-only) and runs `PRAGMA quick_check`. A damaged or unreadable library is
//! reported with the newest good backup and never written to.

use std::fs;
use std::path::Path;
use std::time::Instant;

use rusqlite::{Connection, ErrorCode, OpenFlags};

use super::backup::{newest_good_backup, quick_check};
use super::{migrations::LATEST_VERSION, Store, APPLICATION_ID};
use crate::backup::{LibraryProblem, StartupCheck};
use crate::error::{Error, Result};

/// Checks the library at `path` without writing to it. `Ok` means
/// [`Store::open`] may go ahead (`is_new`: there is no library yet); a damaged
/// file gives [`Error::Damaged`] with the newest good backup, a foreign or
/// newer file the errors `Store::open` gives, and a file that cannot be read
/// [`Error::Open`] or [`Error::ReadOnly`].
pub fn check_at_start(path: &Path) -> Result<StartupCheck> {
    let started = Instant::now();
    let done = |is_new: bool| StartupCheck {
        path: path.display().to_string(),
        is_new,
        check_ms: started.elapsed().as_millis() as u64,
    };
    let damaged = |reason: String| Error::Damaged {
        path: path.to_owned(),
        reason,
        newest_good_backup: newest_good_backup(path).map(|b| b.path.into()),
    };
    let size = match fs::metadata(path) {
        Ok(meta) => meta.len(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(done(true)),
        Err(e) => {
            return Err(Error::Open {
                path: path.to_owned(),
                reason: e.to_string(),
            })
        }
    };
    if size == 0 {
        // An empty file is a new library, unless backups say there was one here.
        return match newest_good_backup(path) {
            Some(backup) => Err(Error::Damaged {
                path: path.to_owned(),
                reason: "the file is empty".into(),
                newest_good_backup: Some(backup.path.into()),
            }),
            None => Ok(done(true)),
        };
    }
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| unreadable(path, e))?;
    let read = |e: rusqlite::Error| match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => damaged(describe(&e)),
        _ => unreadable(path, e),
    };
    let app_id: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(read)?;
    let version: u32 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(read)?;
    let objects: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
        .map_err(read)?;
    if app_id != APPLICATION_ID {
        if version == 0 && app_id == 0 && objects == 0 {
            return Ok(done(true));
        }
        return Err(Error::NotADatabase {
            path: path.to_owned(),
            reason: "it is an SQLite database of another program".into(),
        });
    }
    if version > LATEST_VERSION {
        return Err(Error::NewerSchema {
            path: path.to_owned(),
            found: version,
            supported: LATEST_VERSION,
        });
    }
    let verdict = quick_check(&conn).map_err(read)?;
    if verdict != "ok" {
        let lines: Vec<&str> = verdict.lines().take(3).collect();
        return Err(damaged(format!(
            "SQLite's check found: {}",
            lines.join("; ")
        )));
    }
    Ok(done(false))
}

impl Store {
    /// [`check_at_start`], then [`Store::open`]: what the window does at start.
    pub fn open_checked(path: impl AsRef<Path>) -> Result<(Store, StartupCheck)> {
        let check = check_at_start(path.as_ref())?;
        Ok((Store::open(path)?, check))
    }
}

/// What the window shows when the library did not open: for a damaged file,
/// its own words (the window restores with a button, not `clio restore`) and
/// the newest good backup; otherwise the error as it is.
pub fn library_problem(error: &Error) -> LibraryProblem {
    match error {
        Error::Damaged {
            path,
            reason,
            newest_good_backup,
        } => LibraryProblem {
            message: format!(
                "The library at {} is damaged: {reason}. Clio has not changed it.",
                path.display()
            ),
            damaged: true,
            newest_good_backup: newest_good_backup.as_deref().map(super::backup::inspect),
        },
        other => LibraryProblem {
            message: other.to_string(),
            damaged: false,
            newest_good_backup: None,
        },
    }
}

fn describe(e: &rusqlite::Error) -> String {
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => "its header is not an SQLite database's".into(),
        Some(ErrorCode::DatabaseCorrupt) => "SQLite reports the file as malformed".into(),
        _ => e.to_string(),
    }
}

/// An error opening or reading a file that is not (known to be) damaged.
pub(super) fn unreadable(path: &Path, e: rusqlite::Error) -> Error {
    let code = e.sqlite_error_code();
    if matches!(
        code,
        Some(ErrorCode::CannotOpen | ErrorCode::ReadOnly | ErrorCode::PermissionDenied)
    ) && !folder_is_writable(path)
    {
        // SQLite needs to create its -wal and -shm files beside the library.
        let folder = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        return Error::ReadOnly {
            path: Some(folder.to_owned()),
        };
    }
    match code {
        Some(ErrorCode::DatabaseCorrupt) => Error::Damaged {
            path: path.to_owned(),
            reason: "SQLite reports the file as malformed".into(),
            newest_good_backup: newest_good_backup(path).map(|b| b.path.into()),
        },
        Some(ErrorCode::ReadOnly) => Error::ReadOnly {
            path: Some(path.to_owned()),
        },
        Some(ErrorCode::DiskFull) => Error::DiskFull {
            path: Some(path.to_owned()),
        },
        Some(ErrorCode::CannotOpen) | Some(ErrorCode::PermissionDenied) => Error::Open {
            path: path.to_owned(),
            reason: format!(
                "{e}. Check that the file and its folder exist and that you may read and write them"
            ),
        },
        _ => Error::Open {
            path: path.to_owned(),
            reason: e.to_string(),
        },
    }
}

/// Whether a file can be created in the library's folder (tried, then removed).
fn folder_is_writable(path: &Path) -> bool {
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let probe = folder.join(format!(".clio-write-probe-{}", std::process::id()));
    match fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&probe)
    {
        Ok(_) => {
            let _ = fs::remove_file(&probe);
            true
        }
        Err(e) => !matches!(
            e.kind(),
            std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem
        ),
    }
}
