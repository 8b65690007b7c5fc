//! Backups: copying the library with `VACUUM INTO`, checking copies, thinning
//! them, and restoring one. The naming and thinning rules are in
//! [`crate::backup`].
//!
//! `VACUUM INTO` rather than the online backup API: one statement makes a
//! consistent snapshot (it reads inside one transaction, so the window may
//! keep writing to the WAL meanwhile), the copy is compact and has no `-wal`
//! file to forget, and no extra rusqlite feature is needed. Copies are
//! written to a hidden `.partial` file, synced, then renamed: a crash never
//! leaves a half-written file under a backup's name.

use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use super::{migrations::LATEST_VERSION, Store, APPLICATION_ID};
use crate::backup::{
    backup_dir, backup_file_name, backups_to_delete, parse_backup_name, stamp, BackupInfo,
    KeepPolicy, RestoreReport,
};
use crate::error::{Error, Result};

impl Store {
    /// Writes a backup of this library into `backups/` beside it, stamped `now`.
    pub fn backup_now(&self, now: i64) -> Result<BackupInfo> {
        if self.path == Path::new(":memory:") {
            return Err(Error::Invalid(
                "an in-memory library has no folder to back up into".into(),
            ));
        }
        write_backup(&self.conn, &self.path, now)
    }
}

/// `store.backup_now(now)`.
pub fn backup_now(store: &Store, now: i64) -> Result<BackupInfo> {
    store.backup_now(now)
}

/// Backs up the library at `db_path` through its own read-only connection (so
/// a timer thread needs no access to the window's `Store`), then thins the
/// backups; skipped (`None`) when neither the file nor its WAL changed since
/// the newest backup, so an idle window does not pile up copies.
pub fn backup_if_changed(
    db_path: &Path,
    now: i64,
    policy: &KeepPolicy,
) -> Result<Option<BackupInfo>> {
    let mtime = |path: &Path| fs::metadata(path).and_then(|m| m.modified()).ok();
    let mut files = backup_files(db_path)?;
    files.sort_by_key(|(path, at)| std::cmp::Reverse((*at, path.as_os_str().len(), path.clone())));
    // When the newest backup was written (its file's time, not its name's:
    // the comparison is with the library's file times, on the same clock).
    if let Some(written) = files.first().and_then(|(path, _)| mtime(path)) {
        let changed = ["", "-wal"]
            .iter()
            .filter_map(|suffix| mtime(Path::new(&format!("{}{suffix}", db_path.display()))))
            .any(|modified| modified >= written);
        if !changed {
            return Ok(None);
        }
    }
    let conn = Connection::open_with_flags(db_path, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|e| super::integrity::unreadable(db_path, e))?;
    let info = write_backup(&conn, db_path, now)?;
    thin_backups(db_path, now, policy)?;
    Ok(Some(info))
}

/// Copies the database behind `conn` to a new backup of `db_path`.
pub(super) fn write_backup(conn: &Connection, db_path: &Path, now: i64) -> Result<BackupInfo> {
    let dir = backup_dir(db_path);
    fs::create_dir_all(&dir)
        .map_err(|e| io_error("could not create the backup folder", &dir, e))?;
    let name = (1..)
        .map(|n| backup_file_name(now, n))
        .find(|name| !dir.join(name).exists())
        .expect("some suffix is free");
    let target = dir.join(&name);
    let partial = dir.join(format!(".{name}.partial"));
    crate::export::remove_stale_partials(&dir, &[".sqlite3"]);
    copy_database(conn, &partial, &dir)?;
    fs::rename(&partial, &target).map_err(|e| io_error("could not name the backup", &target, e))?;
    sync_dir(&dir);
    Ok(inspect(&target))
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

/// Size, time and health of one backup file; never writes to it.
pub fn inspect(path: &Path) -> BackupInfo {
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let size_bytes = fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    let created_at = parse_backup_name(&file_name)
        .or_else(|| {
            let modified = fs::metadata(path).and_then(|m| m.modified()).ok()?;
            Some(
                modified
                    .duration_since(std::time::UNIX_EPOCH)
                    .ok()?
                    .as_millis() as i64,
            )
        })
        .unwrap_or(0);
    let (schema_version, problem) = match check_file(path) {
        Ok(version) => (Some(version), None),
        Err(reason) => (None, Some(reason)),
    };
    BackupInfo {
        path: path.display().to_string(),
        file_name,
        created_at,
        size_bytes,
        good: problem.is_none(),
        problem,
        schema_version,
    }
}

/// Opens `path` read-only: a Clio library of a schema this Clio knows that
/// passes `quick_check` gives its schema version; anything else, why not.
pub(crate) fn check_file(path: &Path) -> std::result::Result<u32, String> {
    if fs::metadata(path).map(|m| m.len()).unwrap_or(0) == 0 {
        return Err("the file is empty or missing".into());
    }
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| format!("it does not open: {e}"))?;
    let app_id: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(|e| format!("it is not readable: {e}"))?;
    if app_id != APPLICATION_ID {
        return Err("it is not a Clio library".into());
    }
    let version: u32 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(|e| e.to_string())?;
    if version > LATEST_VERSION {
        return Err(format!(
            "it was written by a newer Clio (schema version {version})"
        ));
    }
    let verdict = quick_check(&conn).map_err(|e| format!("it is damaged: {e}"))?;
    if verdict != "ok" {
        return Err(format!("it is damaged: {}", first_lines(&verdict)));
    }
    Ok(version)
}

/// `PRAGMA quick_check`: "ok", or what is wrong (one line per problem).
pub(super) fn quick_check(conn: &Connection) -> rusqlite::Result<String> {
    let mut stmt = conn.prepare("PRAGMA quick_check")?;
    let lines: Vec<String> = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(lines.join("\n"))
}

fn first_lines(text: &str) -> String {
    let lines: Vec<&str> = text.lines().take(3).collect();
    let more = text.lines().count().saturating_sub(3);
    match more {
        0 => lines.join("; "),
        n => format!("{} (and {n} more problems)", lines.join("; ")),
    }
}

/// Every backup of the library at `db_path`, newest first, each checked.
pub fn list_backups(db_path: &Path) -> Result<Vec<BackupInfo>> {
    let mut list: Vec<BackupInfo> = backup_files(db_path)?
        .iter()
        .map(|(path, _)| inspect(path))
        .collect();
    // newest first; of two in one second, the later suffix (`-2`) first
    list.sort_by(|a, b| {
        (b.created_at, b.file_name.len(), &b.file_name).cmp(&(
            a.created_at,
            a.file_name.len(),
            &a.file_name,
        ))
    });
    Ok(list)
}

/// The newest backup that passes its check.
pub fn newest_good_backup(db_path: &Path) -> Option<BackupInfo> {
    let mut files = backup_files(db_path).ok()?;
    files.sort_by_key(|(path, at)| std::cmp::Reverse((*at, path.as_os_str().len(), path.clone())));
    files
        .iter()
        .map(|(path, _)| inspect(path))
        .find(|info| info.good)
}

/// The backup files (by name) with their times, unordered.
fn backup_files(db_path: &Path) -> Result<Vec<(PathBuf, i64)>> {
    let dir = backup_dir(db_path);
    let entries = match fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(io_error("could not read the backup folder", &dir, e)),
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

/// Deletes the backups the thinning policy lets go (see [`crate::backup`]),
/// never the newest good one. Returns the deleted files.
pub fn thin_backups(db_path: &Path, now: i64, policy: &KeepPolicy) -> Result<Vec<PathBuf>> {
    let files = backup_files(db_path)?;
    let times: Vec<i64> = files.iter().map(|(_, t)| *t).collect();
    let doomed = backups_to_delete(&times, now, policy);
    if doomed.is_empty() {
        return Ok(Vec::new());
    }
    let protected = newest_good_backup(db_path).map(|b| PathBuf::from(b.path));
    let mut deleted = Vec::new();
    for i in doomed {
        let path = &files[i].0;
        if Some(path) == protected.as_ref() {
            continue;
        }
        fs::remove_file(path).map_err(|e| io_error("could not delete the old backup", path, e))?;
        deleted.push(path.clone());
    }
    Ok(deleted)
}

/// Replaces the library at `db_path` with the backup at `backup_path`.
///
/// The backup is checked first (nothing changes if it is not good). The
/// current library, when readable, is backed up first; when it is not, it is
/// moved aside as `<name>.damaged-<time>` (with its `-wal`), never deleted.
/// The backup is copied to a temporary file in the same folder, synced, and
/// renamed over the library, so the library is at every moment either the old
/// file or the new one. No other connection may have the library open: the
/// window closes its store first (dropping it stops its checkpoint thread).
pub fn restore_backup(db_path: &Path, backup_path: &Path, now: i64) -> Result<RestoreReport> {
    if let Err(reason) = check_file(backup_path) {
        return Err(Error::Invalid(format!(
            "{} cannot be restored: {reason}. Nothing was changed; choose another backup (`clio backup --list`).",
            backup_path.display()
        )));
    }
    let folder = db_path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    fs::create_dir_all(folder).map_err(|e| io_error("could not create the folder", folder, e))?;
    let db_name = db_path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "clio.sqlite3".into());

    let exists = db_path.exists();
    let current_good = exists && check_file(db_path).is_ok();
    let mut safety_backup = None;
    if current_good {
        let conn = Connection::open_with_flags(db_path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        safety_backup = Some(write_backup(&conn, db_path, now)?);
    }

    let partial = folder.join(format!(".{db_name}.restore.partial"));
    {
        let source = Connection::open_with_flags(backup_path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        copy_database(&source, &partial, folder)?;
    }

    let mut moved_aside = None;
    let sidecar = |suffix: &str| PathBuf::from(format!("{}{suffix}", db_path.display()));
    if current_good {
        // Fold the WAL into the file and drop it: a stale WAL beside the
        // restored file would be replayed into it. Switching the journal mode
        // needs the only connection, so this also refuses while the library is open elsewhere.
        let closed = (|| -> rusqlite::Result<()> {
            let conn = Connection::open(db_path)?;
            conn.pragma_update_and_check(None, "journal_mode", "DELETE", |r| {
                r.get::<_, String>(0)
            })?;
            Ok(())
        })();
        if let Err(e) = closed {
            let _ = fs::remove_file(&partial);
            return Err(match Error::from(e) {
                Error::Sqlite(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy) => Error::Invalid(format!(
                    "{} is open in another Clio window or command; close it and restore again. Nothing was changed.",
                    db_path.display()
                )),
                other => other.at(db_path),
            });
        }
        if sidecar("-wal").exists() {
            let _ = fs::remove_file(&partial);
            return Err(Error::Invalid(format!(
                "{} is still in use (its -wal file remains); close every Clio window and command, then restore again. Nothing was changed.",
                db_path.display()
            )));
        }
        let _ = fs::remove_file(sidecar("-shm"));
    } else if exists {
        let aside = folder.join(format!("{db_name}.damaged-{}", stamp(now)));
        let aside = (1..)
            .map(|n| {
                if n == 1 {
                    aside.clone()
                } else {
                    PathBuf::from(format!("{}-{n}", aside.display()))
                }
            })
            .find(|p| !p.exists())
            .expect("some suffix is free");
        for suffix in ["-wal", "-shm"] {
            if sidecar(suffix).exists() {
                let to = PathBuf::from(format!("{}{suffix}", aside.display()));
                fs::rename(sidecar(suffix), &to)
                    .map_err(|e| io_error("could not move aside", &sidecar(suffix), e))?;
            }
        }
        fs::rename(db_path, &aside).map_err(|e| io_error("could not move aside", db_path, e))?;
        moved_aside = Some(aside.display().to_string());
    }
    fs::rename(&partial, db_path)
        .map_err(|e| io_error("could not put the backup in place at", db_path, e))?;
    sync_dir(folder);
    Ok(RestoreReport {
        restored_from: backup_path.display().to_string(),
        safety_backup,
        moved_aside,
    })
}

/// Makes a rename durable (best effort: not every platform syncs folders).
fn sync_dir(dir: &Path) {
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
