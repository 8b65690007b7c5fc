//! Backups of the library: where they go, what they are called, and which ones
//! are kept. The copying, checking and restoring live in `store::backup`;
//! [`back_up`] and [`back_up_if_changed`] put them together with the
//! learner's keeping policy, for the window and the CLI alike.
//!
//! A backup is a compact, self-contained copy of the database (no `-wal` file),
//! `backups/clio-YYYYMMDD-HHMMSS.sqlite3` next to the database, stamped in UTC
//! (`clio-YYYYMMDD-HHMMSS-2.sqlite3` and so on when two fall in one second).
//!
//! ## Which backups are kept (thinning)
//! As Anki does, recent backups are all kept and older ones are thinned to one
//! per period. By age at `now`, with the learner's [`KeepPolicy`] (defaults in
//! brackets):
//! - under 2 days (or stamped in the future): every backup;
//! - then up to `daily_days` [30]: the newest of each UTC calendar day;
//! - then up to `weekly_weeks` [52]: the newest of each week (weeks start on Monday, UTC);
//! - then up to `monthly_months` [120] (months of 30 days): the newest of each calendar month;
//! - older than that: none.
//!
//! The newest backup is always kept, and `store::thin_backups` also never
//! deletes the newest backup that passes its check.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Datelike, NaiveDateTime, TimeZone, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Result;
use crate::store::{self, Store};

/// The folder beside the database that holds its backups.
pub const BACKUP_DIR: &str = "backups";

/// How often the window backs up while it is used, unless the learner chose
/// otherwise (`Preferences::backup_interval_minutes`).
pub const DEFAULT_BACKUP_INTERVAL_MINUTES: u32 = 30;

const DAY_MS: i64 = 86_400_000;
const PREFIX: &str = "clio-";
const SUFFIX: &str = ".sqlite3";

/// How long backups are kept at each spacing (see the module docs). The
/// learner sets it in Settings; `Preferences::backup_policy` builds it.
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

impl Default for KeepPolicy {
    fn default() -> Self {
        KeepPolicy {
            daily_days: 30,
            weekly_weeks: 52,
            monthly_months: 120,
        }
    }
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
    /// How long `quick_check` took.
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

/// Backs the library up now, then thins its backups with the learner's policy.
pub fn back_up(store: &Store, now: i64) -> Result<BackupRun> {
    let policy = crate::prefs::load(store)?.backup_policy();
    let backup = store.backup_now(now).map_err(|e| e.at(store.path()))?;
    let thinned = store::thin_backups(store.path(), now, &policy)?;
    Ok(BackupRun {
        backup,
        thinned: thinned.iter().map(|p| p.display().to_string()).collect(),
    })
}

/// The window's timer: a backup of the library at `db_path` unless it did not
/// change since the last one, thinned with the learner's policy.
pub fn back_up_if_changed(db_path: &Path, now: i64) -> Result<Option<BackupInfo>> {
    let policy = crate::prefs::load_at(db_path)?.backup_policy();
    store::backup_if_changed(db_path, now, &policy)
}

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

/// The thinning policy (see the module docs) as a pure function: given the
/// backups' times and `now`, the indices of the backups to delete, ascending.
pub fn backups_to_delete(times: &[i64], now: i64, policy: &KeepPolicy) -> Vec<usize> {
    use std::collections::HashMap;
    // (tier, period) -> the index of the newest backup in it
    let mut newest: HashMap<(u8, i64), usize> = HashMap::new();
    let mut bucket_of = Vec::with_capacity(times.len());
    for (i, &t) in times.iter().enumerate() {
        let bucket = bucket(t, now, policy);
        bucket_of.push(bucket);
        if let Some(key) = bucket.filter(|(tier, _)| *tier != EXPIRED) {
            let entry = newest.entry(key).or_insert(i);
            if (times[i], i) > (times[*entry], *entry) {
                *entry = i;
            }
        }
    }
    bucket_of
        .iter()
        .enumerate()
        .filter(|(i, b)| matches!(b, Some(key) if key.0 == EXPIRED || newest[key] != *i))
        .map(|(i, _)| i)
        .collect()
}

/// The tier of backups older than every period the policy keeps.
const EXPIRED: u8 = 4;

/// The period a backup made at `t` is thinned within; `None` when it is kept
/// whatever (under 2 days old).
fn bucket(t: i64, now: i64, policy: &KeepPolicy) -> Option<(u8, i64)> {
    let age = now - t;
    let day = t.div_euclid(DAY_MS);
    if age < 2 * DAY_MS {
        None
    } else if age < i64::from(policy.daily_days) * DAY_MS {
        Some((1, day))
    } else if age < i64::from(policy.weekly_weeks) * 7 * DAY_MS {
        // 1970-01-01 was a Thursday: shifting by 3 days makes weeks start on Monday.
        Some((2, (day + 3).div_euclid(7)))
    } else if age >= i64::from(policy.monthly_months) * 30 * DAY_MS {
        Some((EXPIRED, 0))
    } else {
        let date = Utc
            .timestamp_millis_opt(t)
            .single()
            .unwrap_or(DateTime::<Utc>::UNIX_EPOCH);
        Some((3, i64::from(date.year()) * 12 + i64::from(date.month0())))
    }
}

#[cfg(test)]
mod tests;
