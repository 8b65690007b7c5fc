//! The window's state: its library (or why it could not be opened), today's
//! review session, and the background work on the library file (backups,
//! restores, suggestions left by a large import).

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, OnceLock};

use clio_core::backup::{self, BackupInfo, LibraryProblem, RestoreReport};
use clio_core::cards;
use clio_core::import::ImportReport;
use clio_core::review::{self, ReviewMode, ReviewSession, ReviewStatus};
use clio_core::time::now_ms;
use clio_core::Store;
use serde::Serialize;
use ts_rs::TS;

use crate::commands::{CommandError, CommandResult};

/// The window's collection. If it could not be opened, every command reports why,
/// so the UI can explain it instead of showing an empty library.
pub struct AppState {
    db: PathBuf,
    store: Mutex<Result<Store, LibraryProblem>>,
    /// Today's review session, started by the first review command.
    review: Mutex<Option<ReviewSession>>,
    /// Held by a backup and by a restore, so the two never meet on the file.
    file_work: Mutex<()>,
    /// How the last automatic backup went, for Settings (a failure is shown there).
    last_automatic: Mutex<Option<AutomaticBackup>>,
    /// The window's background thread that writes suggestions a large import left.
    suggestion_writer: OnceLock<std::thread::Thread>,
    /// The start-up check's full read of the file is still to run (a large
    /// library whose last session ended cleanly): see [`AppState::finish_startup_check`].
    check_deferred: AtomicBool,
}

/// The event the window gets when the start-up check, finished in the
/// background, found the library damaged; its payload is the [`LibraryProblem`].
pub const LIBRARY_DAMAGED_EVENT: &str = "library-damaged";

/// The outcome of the last automatic backup (the timer's, or at quit).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AutomaticBackup {
    #[ts(type = "number")]
    pub at: i64,
    /// The backup made; `None` when nothing had changed, or it failed.
    pub backup: Option<BackupInfo>,
    /// Why it failed.
    pub error: Option<String>,
}

impl AppState {
    /// Opens the library at `db` as the window does: the start-up check reads
    /// it first without writing, so a damaged library is not opened and the UI
    /// offers the newest good backup instead. For a large library that closed
    /// cleanly the full read (PRAGMA quick_check) is left to
    /// [`AppState::finish_startup_check`], so the window does not wait seconds.
    pub fn open(db: PathBuf) -> Self {
        let opened = backup::open_for_window(&db).and_then(|(mut store, check)| {
            defer_checkpoints(&mut store)?;
            Ok((store, check.full_check_deferred))
        });
        let deferred = matches!(opened, Ok((_, true)));
        let state = Self::new(db, opened.map(|(store, _)| store));
        state.check_deferred.store(deferred, Ordering::SeqCst);
        state
    }

    pub fn new(db: PathBuf, store: Result<Store, clio_core::Error>) -> Self {
        AppState {
            db,
            store: Mutex::new(store.map_err(|e| clio_core::backup::library_problem(&e))),
            review: Mutex::new(None),
            file_work: Mutex::new(()),
            last_automatic: Mutex::new(None),
            suggestion_writer: OnceLock::new(),
            check_deferred: AtomicBool::new(false),
        }
    }

    /// Runs the start-up check's full read if the launch left it for later
    /// (on a read-only connection of its own, while the window works). If it
    /// finds the library damaged, the store is closed without writing to the
    /// file again, every command from then on reports the problem, and the
    /// problem is returned for the window to show (with the newest good
    /// backup). `None` when the check was not deferred, or found nothing.
    pub fn finish_startup_check(&self) -> Option<LibraryProblem> {
        if !self.check_deferred.swap(false, Ordering::SeqCst) {
            return None;
        }
        // A restore waits for the check (and a backup does not copy the file meanwhile).
        let _work = self
            .file_work
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let error = match backup::check_in_background(&self.db) {
            Ok(()) => return None,
            Err(error @ clio_core::Error::Damaged { .. }) => error,
            Err(other) => {
                // Not damage (the file could not be read just now): the library stays open.
                eprintln!("clio: the start-up check could not read the library: {other}");
                return None;
            }
        };
        let problem = backup::library_problem(&error);
        let mut store = self
            .store
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        self.forget_review_session();
        if let Ok(open) = std::mem::replace(&mut *store, Err(problem.clone())) {
            open.close_damaged();
        }
        Some(problem)
    }

    pub fn db_path(&self) -> &Path {
        &self.db
    }

    /// Why the library is not open, or `None` when it is.
    pub fn problem(&self) -> Option<LibraryProblem> {
        self.store
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .as_ref()
            .err()
            .cloned()
    }

    /// A backup unless nothing changed since the last one (the timer and
    /// quitting); the outcome is kept for Settings.
    pub fn back_up_if_changed(&self) -> clio_core::Result<Option<BackupInfo>> {
        let _work = self
            .file_work
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if self.problem().is_some() {
            return Ok(None);
        }
        let at = now_ms();
        let result = clio_core::prefs::load_at(&self.db)
            .and_then(|prefs| backup::back_up_if_changed(&self.db, at, &prefs.backup_policy()));
        let outcome = match &result {
            Ok(backup) => AutomaticBackup {
                at,
                backup: backup.clone(),
                error: None,
            },
            Err(error) => AutomaticBackup {
                at,
                backup: None,
                error: Some(error.to_string()),
            },
        };
        *self
            .last_automatic
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = Some(outcome);
        result
    }

    /// Starts reading the deck in the background (see
    /// `Store::warm_deck_in_background`); nothing when the library is not open.
    pub fn warm_deck(&self) {
        if self.problem().is_some() {
            return;
        }
        if let Err(error) = self.with_store(|store| store.warm_deck_in_background().map(drop)) {
            eprintln!("clio: {}", error.message);
        }
    }

    /// Today's review session is built again at the next review command (new
    /// cards, new preferences).
    pub(crate) fn forget_review_session(&self) {
        *self
            .review
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = None;
    }

    /// Writes the suggestions of up to `limit` texts that a large import left
    /// without; returns how many (0 also when the library is not open).
    pub fn write_pending_suggestions(&self, limit: usize) -> usize {
        self.with_store(|store| cards::write_pending_suggestions(store, now_ms(), limit))
            .unwrap_or(0)
    }

    /// The thread to wake when an import leaves suggestions to write.
    pub fn set_suggestion_writer(&self, thread: std::thread::Thread) {
        let _ = self.suggestion_writer.set(thread);
    }

    pub(crate) fn wake_suggestion_writer(&self, report: &ImportReport) {
        if report.suggestions_pending > 0 {
            if let Some(thread) = self.suggestion_writer.get() {
                thread.unpark();
            }
        }
    }

    pub fn last_automatic_backup(&self) -> Option<AutomaticBackup> {
        self.last_automatic
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone()
    }

    /// Closes the library, restores `backup` over it (backing up the library as
    /// it was first, or moving a damaged one aside), and opens it again. The
    /// library is reopened whether or not the restore succeeded.
    pub fn restore(&self, backup: &Path) -> CommandResult<RestoreReport> {
        let _work = self
            .file_work
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let mut store = self
            .store
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        self.forget_review_session();
        // Dropping the store closes its connections (and stops its checkpoint thread).
        *store = Err(LibraryProblem {
            message: "Clio is restoring a backup.".into(),
            damaged: false,
            newest_good_backup: None,
        });
        let report = clio_core::backup::restore_backup(&self.db, backup, now_ms());
        // Checked in full before it opens: the library may be the damaged one
        // still (when the restore failed), and a restore takes seconds anyway.
        *store = backup::open_checked(&self.db)
            .and_then(|(mut store, _)| defer_checkpoints(&mut store).map(|()| store))
            .map_err(|e| clio_core::backup::library_problem(&e));
        Ok(report?)
    }

    /// Runs `f` with the store and today's review session (started if there is
    /// none, or anew when `restart`), then reports the session's status.
    pub(crate) fn with_review(
        &self,
        mode: ReviewMode,
        restart: bool,
        f: impl FnOnce(&mut Store, &mut ReviewSession, i64) -> clio_core::Result<()>,
    ) -> CommandResult<ReviewStatus> {
        self.with_session(restart, |store, session, now| {
            f(store, session, now)?;
            session.status(store, now, mode)
        })
    }

    /// Runs `f` with the store and today's review session, started if there is
    /// none (or anew when `restart`).
    pub(crate) fn with_session<T>(
        &self,
        restart: bool,
        f: impl FnOnce(&mut Store, &mut ReviewSession, i64) -> clio_core::Result<T>,
    ) -> CommandResult<T> {
        self.with_store(|store| {
            let now = now_ms();
            let mut review = self
                .review
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            if restart || review.is_none() {
                *review = Some(ReviewSession::start(
                    store,
                    review::scheduler_config(store)?,
                    now,
                )?);
            }
            f(store, review.as_mut().expect("started above"), now)
        })
    }

    pub(crate) fn with_store<T>(
        &self,
        f: impl FnOnce(&mut Store) -> clio_core::Result<T>,
    ) -> CommandResult<T> {
        // A panic in another command cannot leave SQLite half-written (each write
        // is one transaction), so a poisoned lock is safe to reuse.
        let mut guard = self
            .store
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        match guard.as_mut() {
            Ok(store) => f(store).map_err(CommandError::from),
            Err(problem) => Err(CommandError {
                message: problem.message.clone(),
            }),
        }
    }
}

/// Checkpoints off the answer path (answers are written one by one).
fn defer_checkpoints(store: &mut Store) -> clio_core::Result<()> {
    store.defer_checkpoints(std::time::Duration::from_secs(30))
}
