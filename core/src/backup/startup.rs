//! The start-up check: before the window opens the library, Clio reads it
//! (read-only) and runs `PRAGMA quick_check`. A damaged or unreadable library is
//! reported with the newest good backup and never written to.

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
    let started = Instant::now();
    let done = |is_new: bool| StartupCheck {
        path: path.display().to_string(),
        is_new,
        check_ms: started.elapsed().as_millis() as u64,
    };
    let damaged = |reason: &str| Error::Damaged {
        path: path.to_owned(),
        reason: reason.to_owned(),
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
    let probe = FileProbe::open(path).map_err(|e| with_newest_backup(e, path))?;
    let read = |e: ProbeError| match e {
        ProbeError::NotADatabase => damaged("its header is not an SQLite database's"),
        ProbeError::Malformed => damaged("SQLite reports the file as malformed"),
        ProbeError::Other(e) => with_newest_backup(e, path),
    };
    let header = probe.header().map_err(read)?;
    if header.application_id != store::APPLICATION_ID {
        if header.user_version == 0 && header.application_id == 0 && header.objects == 0 {
            return Ok(done(true));
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
    let verdict = probe.quick_check().map_err(read)?;
    if verdict != "ok" {
        let lines: Vec<&str> = verdict.lines().take(3).collect();
        return Err(damaged(&format!(
            "SQLite's check found: {}",
            lines.join("; ")
        )));
    }
    Ok(done(false))
}

/// [`check_at_start`], then [`Store::open`]: what the window and the CLI do at start.
pub fn open_checked(path: impl AsRef<Path>) -> Result<(Store, StartupCheck)> {
    let path = path.as_ref();
    let check = check_at_start(path)?;
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
