//! The start-up check: before the window opens the library, Clio reads it
//! (read-only): its header, application id and schema version, and
//! `PRAGMA quick_check` over the whole file. A damaged or unreadable library is
//! reported with the newest good backup and never written to.
//!
//! `quick_check` reads every page: about 555 MB per second of CPU here (3.2 s of
//! CPU for the 1.8 GB of a lifetime's million cards, `lifetime_bench`; longer in
//! wall time on a busy machine or a cold disk), far over the 50 ms the window
//! may take to open. So the window ([`open_for_window`]) runs it before
//! opening only when it is cheap (a file up to [`FOREGROUND_CHECK_MAX_BYTES`])
//! or when the last session did not end cleanly (a non-empty `-wal` or
//! `-journal` beside the file: SQLite removes the WAL when the last connection
//! closes cleanly; another Clio still open on the file leaves one too, and then
//! the check is only slower). Otherwise the window opens the library at once
//! and runs [`check_in_background`] on a read-only connection of its own; if
//! that finds damage the window stops writing to the library and shows the
//! same damaged-library screen. The CLI ([`open_checked`]) always checks first:
//! a command runs once and could not be stopped halfway.

use std::fs;
use std::path::Path;
use std::time::Instant;

use super::{inspect, newest_good_backup, LibraryProblem, StartupCheck};
use crate::error::{Error, Result};
use crate::store::{self, FileProbe, ProbeError, Store};

/// Checks the library at `path` without writing to it. `Ok` means
/// [`Store::open`] may go ahead (`is_new`: there is no library yet); a damaged
/// file gives [`Error::Damaged`] with the newest good backup, a foreign or
/// newer file the errors `Store::open` gives, and a file that cannot be read
/// [`Error::Open`] or [`Error::ReadOnly`].
pub fn check_at_start(path: &Path) -> Result<StartupCheck> {
    check(path, None)
}

/// Libraries up to this size get the full check before the window opens them:
/// at the ~555 MB per CPU-second `quick_check` reads (page cache warm), 16 MiB
/// takes about 30 ms, inside the 50 ms the window may take to open. Larger ones are checked
/// in the background unless the last session did not end cleanly.
pub const FOREGROUND_CHECK_MAX_BYTES: u64 = 16 * 1024 * 1024;

/// The window's start-up check: [`check_at_start`]'s cheap checks (header,
/// application id, schema version; microseconds) always, its full
/// `quick_check` only for a file up to [`FOREGROUND_CHECK_MAX_BYTES`] or one
/// whose last session left a journal. Otherwise the result says
/// `full_check_deferred`, and the caller runs [`check_in_background`].
pub fn check_at_launch(path: &Path) -> Result<StartupCheck> {
    check(path, Some(FOREGROUND_CHECK_MAX_BYTES))
}

/// Whether the last session on `path` did not end cleanly: SQLite left a
/// non-empty `-wal` (removed when the last connection closes cleanly) or
/// `-journal` beside it. Another Clio still open on the file also has a WAL.
pub fn left_a_journal(path: &Path) -> bool {
    ["-wal", "-journal"].iter().any(|suffix| {
        let mut sidecar = path.as_os_str().to_owned();
        sidecar.push(suffix);
        fs::metadata(sidecar).is_ok_and(|m| m.len() > 0)
    })
}

/// The full check for a library the window opened with its check deferred:
/// `PRAGMA quick_check` on a read-only connection of its own (the window's
/// store may write meanwhile: the check reads one consistent snapshot).
/// [`Error::Damaged`] with the newest good backup when it finds damage; any
/// other error (the file could not be read) as it is.
pub fn check_in_background(path: &Path) -> Result<()> {
    let probe = FileProbe::open(path).map_err(|e| with_newest_backup(e, path))?;
    let verdict = probe.quick_check().map_err(|e| probe_error(e, path))?;
    if verdict != "ok" {
        return Err(damaged(path, found(&verdict)));
    }
    Ok(())
}

/// What `quick_check` found, in its first three lines.
/// A damaged-library error for `path`, offering the newest good backup.
fn damaged(path: &Path, reason: String) -> Error {
    Error::Damaged {
        path: path.to_owned(),
        reason,
        newest_good_backup: newest_good_backup(path).map(|b| b.path.into()),
    }
}

/// What a failed read of the file by the probe means for the user.
fn probe_error(error: ProbeError, path: &Path) -> Error {
    match error {
        ProbeError::NotADatabase => damaged(path, "its header is not an SQLite database's".into()),
        ProbeError::Malformed => damaged(path, "SQLite reports the file as malformed".into()),
        ProbeError::Other(e) => with_newest_backup(e, path),
    }
}

fn found(verdict: &str) -> String {
    let lines: Vec<&str> = verdict.lines().take(3).collect();
    format!("SQLite's check found: {}", lines.join("; "))
}

/// The start-up check; with `full_check_max_bytes`, the full check runs only
/// for a file up to that size or one left with a journal.
fn check(path: &Path, full_check_max_bytes: Option<u64>) -> Result<StartupCheck> {
    let started = Instant::now();
    let done = |is_new: bool, full_check_deferred: bool| StartupCheck {
        path: path.display().to_string(),
        is_new,
        full_check_deferred,
        check_ms: started.elapsed().as_millis() as u64,
    };
    let size = match fs::metadata(path) {
        Ok(meta) => meta.len(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(done(true, false)),
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
            None => Ok(done(true, false)),
        };
    }
    // Looked at before the probe opens the file: a read-only connection may
    // create an empty -wal of its own.
    let check_now = match full_check_max_bytes {
        None => true,
        Some(max) => size <= max || left_a_journal(path),
    };
    let probe = FileProbe::open(path).map_err(|e| with_newest_backup(e, path))?;
    let read = |e: ProbeError| probe_error(e, path);
    let header = probe.header().map_err(read)?;
    if header.application_id != store::APPLICATION_ID {
        if header.user_version == 0 && header.application_id == 0 && header.objects == 0 {
            return Ok(done(true, false));
        }
        return Err(Error::NotADatabase {
            path: path.to_owned(),
            reason: "it is an SQLite database of another program".into(),
        });
    }
    if header.user_version > store::LATEST_VERSION {
        return Err(Error::NewerSchema {
            path: path.to_owned(),
            found: header.user_version,
            supported: store::LATEST_VERSION,
        });
    }
    if !check_now {
        return Ok(done(false, true));
    }
    let verdict = probe.quick_check().map_err(read)?;
    if verdict != "ok" {
        return Err(damaged(path, found(&verdict)));
    }
    Ok(done(false, false))
}

/// [`check_at_start`], then [`Store::open`]: what the CLI does at start.
pub fn open_checked(path: impl AsRef<Path>) -> Result<(Store, StartupCheck)> {
    let path = path.as_ref();
    let check = check_at_start(path)?;
    let store = Store::open(path).map_err(|e| with_newest_backup(e, path))?;
    Ok((store, check))
}

/// [`check_at_launch`], then [`Store::open`]: what the window does at start.
/// When the check says `full_check_deferred`, the caller runs
/// [`check_in_background`] next, and stops writing if it finds damage.
pub fn open_for_window(path: impl AsRef<Path>) -> Result<(Store, StartupCheck)> {
    let path = path.as_ref();
    let check = check_at_launch(path)?;
    let store = Store::open(path).map_err(|e| with_newest_backup(e, path))?;
    Ok((store, check))
}

/// A damaged-library error offers the newest good backup (the store, which
/// knows nothing of backups, leaves it out).
pub(super) fn with_newest_backup(error: Error, db_path: &Path) -> Error {
    match error {
        Error::Damaged {
            path,
            reason,
            newest_good_backup: None,
        } => Error::Damaged {
            path,
            reason,
            newest_good_backup: newest_good_backup(db_path).map(|b| b.path.into()),
        },
        other => other,
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
            newest_good_backup: newest_good_backup.as_deref().map(inspect),
        },
        other => LibraryProblem {
            message: other.to_string(),
            damaged: false,
            newest_good_backup: None,
        },
    }
}

#[cfg(test)]
#[path = "startup_tests.rs"]
mod tests;
