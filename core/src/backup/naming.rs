//! What backups are called and where they are: `backups/clio-YYYYMMDD-HHMMSS.sqlite3`
//! beside the database, stamped in UTC (`-2`, `-3`… when two fall in one second).

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};

use crate::error::Result;
use crate::store::file_error;

/// The folder beside the database that holds its backups.
pub const BACKUP_DIR: &str = "backups";

const PREFIX: &str = "clio-";
const SUFFIX: &str = ".sqlite3";

/// `backups/` beside the database file.
pub fn backup_dir(db_path: &Path) -> PathBuf {
    db_path.parent().unwrap_or(Path::new(".")).join(BACKUP_DIR)
}

/// Whether `path` names one of the backups of the library at `db_path` (in its
/// `backups/` folder, with a backup's name), without reading any file.
pub fn is_backup_of(db_path: &Path, path: &Path) -> bool {
    path.parent() == Some(backup_dir(db_path).as_path())
        && path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(parse_backup_name)
            .is_some()
}

/// `clio-YYYYMMDD-HHMMSS.sqlite3` for `at` (UTC); `n` > 1 adds `-n`.
pub fn backup_file_name(at: i64, n: u32) -> String {
    let stamp = stamp(at);
    match n {
        0 | 1 => format!("{PREFIX}{stamp}{SUFFIX}"),
        n => format!("{PREFIX}{stamp}-{n}{SUFFIX}"),
    }
}

/// `YYYYMMDD-HHMMSS` in UTC.
pub fn stamp(at: i64) -> String {
    let time = Utc
        .timestamp_millis_opt(at)
        .single()
        .unwrap_or(DateTime::<Utc>::UNIX_EPOCH);
    time.format("%Y%m%d-%H%M%S").to_string()
}

/// `2026-03-02 13:05:09 UTC`, for lists.
pub fn display_time(at: i64) -> String {
    let time = Utc
        .timestamp_millis_opt(at)
        .single()
        .unwrap_or(DateTime::<Utc>::UNIX_EPOCH);
    time.format("%Y-%m-%d %H:%M:%S UTC").to_string()
}

/// The time (Unix ms, whole seconds) a backup's file name stands for; `None`
/// for any other file.
pub fn parse_backup_name(name: &str) -> Option<i64> {
    let core = name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?;
    let stamp = match core.get(15..) {
        Some("") => core,
        Some(rest) => {
            let n = rest.strip_prefix('-')?;
            if n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            &core[..15]
        }
        None => return None,
    };
    let time = NaiveDateTime::parse_from_str(stamp, "%Y%m%d-%H%M%S").ok()?;
    Some(time.and_utc().timestamp_millis())
}

/// The backup files (by name) with their times, unordered.
pub(super) fn backup_files(db_path: &Path) -> Result<Vec<(PathBuf, i64)>> {
    let dir = backup_dir(db_path);
    let entries = match fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(file_error("could not read the backup folder", &dir, e)),
    };
    let mut files = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name();
        if let Some(at) = name.to_str().and_then(parse_backup_name) {
            files.push((entry.path(), at));
        }
    }
    Ok(files)
}
