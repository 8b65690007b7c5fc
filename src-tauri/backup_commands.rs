//! IPC commands for backups: the Settings list, "Back up now", "Restore", and
//! the start screen's offer when the library is damaged.

use std::path::PathBuf;

use clio_core::backup::{self, BackupInfo, BackupRun, LibraryProblem, RestoreReport};
use clio_core::time::now_ms;
use tauri::State;

use crate::commands::{AppState, AutomaticBackup, CommandError, CommandResult};

/// Why the library did not open (`None` when it is open).
#[tauri::command]
pub async fn library_problem(state: State<'_, AppState>) -> CommandResult<Option<LibraryProblem>> {
    Ok(state.problem())
}

/// The library's backups, newest first, each checked.
#[tauri::command]
pub async fn list_backups(state: State<'_, AppState>) -> CommandResult<Vec<BackupInfo>> {
    Ok(backup::list_backups(state.db_path())?)
}

/// How the last automatic backup went (`None` before the first).
#[tauri::command]
pub async fn last_automatic_backup(
    state: State<'_, AppState>,
) -> CommandResult<Option<AutomaticBackup>> {
    Ok(state.last_automatic_backup())
}

/// A backup now, and the old ones the keeping policy let go.
#[tauri::command]
pub async fn back_up_now(state: State<'_, AppState>) -> CommandResult<BackupRun> {
    state.with_store(|store| {
        let policy = clio_core::prefs::load(store)?.backup_policy();
        backup::back_up(store, now_ms(), &policy)
    })
}

/// Restores one of the library's own backups (a path from `list_backups`).
#[tauri::command]
pub async fn restore_backup(
    state: State<'_, AppState>,
    path: PathBuf,
) -> CommandResult<RestoreReport> {
    // The path is checked by its place and name only: the restore checks the file itself.
    if !backup::is_backup_of(state.db_path(), &path) {
        return Err(CommandError {
            message: format!(
                "{} is not one of this library's backups; choose one from the list.",
                path.display()
            ),
        });
    }
    state.restore(&path)
}
