//! Putting a backup in place of the library, never losing the library it replaces.

use std::fs;
use std::path::{Path, PathBuf};

use super::naming::stamp;
use super::{write_backup, RestoreReport};
use crate::error::{Error, Result};
use crate::store::{self, file_error, WalFold};

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
    if let Err(reason) = store::check_file(backup_path) {
        return Err(Error::Invalid(format!(
            "{} cannot be restored: {reason}. Nothing was changed; choose another backup (`clio backup --list`).",
            backup_path.display()
        )));
    }
    let folder = db_path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    fs::create_dir_all(folder).map_err(|e| file_error("could not create the folder", folder, e))?;
    let db_name = db_path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "clio.sqlite3".into());

    let exists = db_path.exists();
    let current_good = exists && store::check_file(db_path).is_ok();
    let mut safety_backup = None;
    if current_good {
        safety_backup = Some(write_backup(db_path, now, |partial, dir| {
            store::copy_database_file(db_path, partial, dir)
        })?);
    }

    let partial = folder.join(format!(".{db_name}.restore.partial"));
    store::copy_database_file(backup_path, &partial, folder)?;

    let mut moved_aside = None;
    let sidecar = |suffix: &str| PathBuf::from(format!("{}{suffix}", db_path.display()));
    if current_good {
        // Fold the WAL into the file and drop it: a stale WAL beside the
        // restored file would be replayed into it. Switching the journal mode
        // needs the only connection, so this also refuses while the library is open elsewhere.
        if let Err(e) = store::fold_wal_into_file(db_path) {
            let _ = fs::remove_file(&partial);
            return Err(match e {
                WalFold::InUse => Error::Invalid(format!(
                    "{} is open in another Clio window or command; close it and restore again. Nothing was changed.",
                    db_path.display()
                )),
                WalFold::Failed(other) => other.at(db_path),
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
                    .map_err(|e| file_error("could not move aside", &sidecar(suffix), e))?;
            }
        }
        fs::rename(db_path, &aside).map_err(|e| file_error("could not move aside", db_path, e))?;
        moved_aside = Some(aside.display().to_string());
    }
    fs::rename(&partial, db_path)
        .map_err(|e| file_error("could not put the backup in place at", db_path, e))?;
    store::sync_dir(folder);
    Ok(RestoreReport {
        restored_from: backup_path.display().to_string(),
        safety_backup,
        moved_aside,
    })
}
