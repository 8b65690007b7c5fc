//! Backups of the library: where they go and what they are called
//! ([`naming`]), which ones are kept ([`thinning`], pure), putting one back
//! ([`restore`]) and the start-up check that offers one ([`startup`]). The
//! store only copies and checks SQLite files; this module puts those together
//! with the keep policy its callers pass in (the learner's, from `prefs`),
//! for the window and the CLI alike.
//!
//! A backup is a compact, self-contained copy of the database (no `-wal` file),
//! `backups/clio-YYYYMMDD-HHMMSS.sqlite3` next to the database, stamped in UTC
//! (`clio-YYYYMMDD-HHMMSS-2.sqlite3` and so on when two fall in one second).
//!
//! ## Which backups are kept (thinning)
//! As Anki does, recent backups are all kept and older ones are thinned to one
//! per period. By age at `now`, with the learner's [`KeepPolicy`] (the defaults
//! of `prefs::DEFAULT_KEEP_POLICY` in brackets):
//! - under 2 days (or stamped in the future): every backup;
//! - then up to `daily_days` [30]: the newest of each UTC calendar day;
//! - then up to `weekly_weeks` [52]: the newest of each week (weeks start on Monday, UTC);
//! - then up to `monthly_months` [120] (months of 30 days): the newest of each calendar month;
//! - older than that: none.
//!
//! The newest backup is always kept, and [`thin_backups`] also never
//! deletes the newest backup that passes its check.

mod naming;
mod restore;
mod startup;
mod thinning;

use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::store::{self, file_error, Store};

pub use naming::{
    backup_dir, backup_file_name, display_time, is_backup_of, parse_backup_name, stamp, BACKUP_DIR,
};
pub use restore::restore_backup;
pub use startup::{
    check_at_launch, check_at_start, check_in_background, left_a_journal, library_problem,
    open_checked, open_for_window, FOREGROUND_CHECK_MAX_BYTES,
};
pub use thinning::backups_to_delete;

/// How long backups are kept at each spacing (see the module docs). The
/// learner sets it in Settings; `Preferences::backup_policy` builds it, and
/// the callers of [`back_up`] and [`back_up_if_changed`] pass it in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct KeepPolicy {
    /// One a day for backups up to this many days old.
    pub daily_days: u32,
    /// Then one a week, up to this many weeks old.
    pub weekly_weeks: u32,
    /// Then one a month, up to this many months (of 30 days) old.
    pub monthly_months: u32,
}

/// One backup file, as the Settings screen lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupInfo {
    pub path: String,
    pub file_name: String,
    /// When it was made (from its name), Unix milliseconds.
    #[ts(type = "number")]
    pub created_at: i64,
    #[ts(type = "number")]
    pub size_bytes: u64,
    /// It opens as a Clio library and passes SQLite's `quick_check`.
    pub good: bool,
    /// Why it is not good, when it is not.
    pub problem: Option<String>,
    pub schema_version: Option<u32>,
}

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RestoreReport {
    /// The backup (or file) the library now holds.
    pub restored_from: String,
    /// The backup of the library as it was just before, when it was readable.
    pub safety_backup: Option<BackupInfo>,
    /// Where the unreadable library was moved (it is never deleted).
    pub moved_aside: Option<String>,
}

/// What the start-up check found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StartupCheck {
    pub path: String,
    /// No library there yet: opening it creates a new one.
    pub is_new: bool,
    /// The full check (`quick_check`) was left for [`check_in_background`]:
    /// the file is large and its last session ended cleanly.
    pub full_check_deferred: bool,
    /// How long the check took.
    #[ts(type = "number")]
    pub check_ms: u64,
}

/// Why the window could not open the library, as its start screen explains it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LibraryProblem {
    pub message: String,
    /// The file is damaged (not locked, foreign or newer): restoring a backup is the fix.
    pub damaged: bool,
    pub newest_good_backup: Option<BackupInfo>,
}

/// A backup made on request, and the old ones the keeping policy let go.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupRun {
    pub backup: BackupInfo,
    pub thinned: Vec<String>,
}

impl Store {
    /// Writes a backup of this library into `backups/` beside it, stamped
    /// `now` (no thinning: [`back_up`] does both).
    pub fn backup_now(&self, now: i64) -> Result<BackupInfo> {
        if self.is_in_memory() {
            return Err(Error::Invalid(
                "an in-memory library has no folder to back up into".into(),
            ));
        }
        write_backup(self.path(), now, |partial, dir| {
            self.copy_into(partial, dir)
        })
    }
}

/// Backs the library up now, then thins its backups with `policy`.
pub fn back_up(store: &Store, now: i64, policy: &KeepPolicy) -> Result<BackupRun> {
    let backup = store.backup_now(now).map_err(|e| e.at(store.path()))?;
    let thinned = thin_backups(store.path(), now, policy)?;
    Ok(BackupRun {
        backup,
        thinned: thinned.iter().map(|p| p.display().to_string()).collect(),
    })
}

/// The window's timer: a backup of the library at `db_path` (through its own
/// read-only connection, so a timer thread needs no access to the window's
/// `Store`), then thinned with `policy`; skipped (`None`) when neither the
/// file nor its WAL changed since the newest backup, so an idle window does
/// not pile up copies.
pub fn back_up_if_changed(
    db_path: &Path,
    now: i64,
    policy: &KeepPolicy,
) -> Result<Option<BackupInfo>> {
    let mtime = |path: &Path| fs::metadata(path).and_then(|m| m.modified()).ok();
    let mut files = naming::backup_files(db_path)?;
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
    let info = write_backup(db_path, now, |partial, dir| {
        store::copy_database_file(db_path, partial, dir)
    })
    .map_err(|e| startup::with_newest_backup(e, db_path))?;
    thin_backups(db_path, now, policy)?;
    Ok(Some(info))
}

/// Writes a new backup of `db_path` stamped `now`: `copy` fills a hidden
/// `.partial` file in the backup folder, which is then renamed to the
/// backup's name, so a crash never leaves a half-written backup.
fn write_backup(
    db_path: &Path,
    now: i64,
    copy: impl FnOnce(&Path, &Path) -> Result<()>,
) -> Result<BackupInfo> {
    let dir = backup_dir(db_path);
    fs::create_dir_all(&dir)
        .map_err(|e| file_error("could not create the backup folder", &dir, e))?;
    let name = (1..)
        .map(|n| backup_file_name(now, n))
        .find(|name| !dir.join(name).exists())
        .expect("some suffix is free");
    let target = dir.join(&name);
    let partial = dir.join(format!(".{name}.partial"));
    crate::export::remove_stale_partials(&dir, &[".sqlite3"]);
    copy(&partial, &dir)?;
    fs::rename(&partial, &target)
        .map_err(|e| file_error("could not name the backup", &target, e))?;
    store::sync_dir(&dir);
    Ok(inspect(&target))
}

/// What a failed file check means, in the learner's words (the store only
/// finds the fault). Completes "… cannot be restored: ", "… cannot be read: ".
impl std::fmt::Display for store::FileFault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            store::FileFault::EmptyOrMissing => write!(f, "the file is empty or missing"),
            store::FileFault::Unopenable(e) => write!(f, "it does not open: {e}"),
            store::FileFault::Unreadable(e) => write!(f, "it is not readable: {e}"),
            store::FileFault::NotClio => write!(f, "it is not a Clio library"),
            store::FileFault::Newer { version } => write!(
                f,
                "it was written by a newer Clio (schema version {version})"
            ),
            store::FileFault::Damaged { findings } => {
                // The first three findings; a damaged file may have hundreds.
                write!(
                    f,
                    "it is damaged: {}",
                    findings
                        .iter()
                        .take(3)
                        .cloned()
                        .collect::<Vec<_>>()
                        .join("; ")
                )?;
                match findings.len().saturating_sub(3) {
                    0 => Ok(()),
                    more => write!(f, " (and {more} more problems)"),
                }
            }
        }
    }
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
    let (schema_version, problem) = match store::check_file(path) {
        Ok(version) => (Some(version), None),
        Err(fault) => (None, Some(fault.to_string())),
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

/// Every backup of the library at `db_path`, newest first, each checked.
pub fn list_backups(db_path: &Path) -> Result<Vec<BackupInfo>> {
    let mut list: Vec<BackupInfo> = naming::backup_files(db_path)?
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
    let mut files = naming::backup_files(db_path).ok()?;
    files.sort_by_key(|(path, at)| std::cmp::Reverse((*at, path.as_os_str().len(), path.clone())));
    files
        .iter()
        .map(|(path, _)| inspect(path))
        .find(|info| info.good)
}

/// Deletes the backups the thinning policy lets go (see the module docs),
/// never the newest good one. Returns the deleted files.
pub fn thin_backups(db_path: &Path, now: i64, policy: &KeepPolicy) -> Result<Vec<PathBuf>> {
    let files = naming::backup_files(db_path)?;
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
        fs::remove_file(path)
            .map_err(|e| file_error("could not delete the old backup", path, e))?;
        deleted.push(path.clone());
    }
    Ok(deleted)
}

#[cfg(test)]
mod safety_tests;
#[cfg(test)]
mod tests;
