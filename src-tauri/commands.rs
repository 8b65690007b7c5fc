//! IPC commands: each parses its input, calls `clio-core`, and returns.

use std::sync::{Mutex, OnceLock};

use clio_core::library::{self, AddedDocument, DocumentSummary, NewDocument};
use clio_core::{info, Store};
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

/// What every command rejects with; the UI shows `message` to the user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CommandError {
    pub message: String,
}

impl From<clio_core::Error> for CommandError {
    fn from(error: clio_core::Error) -> Self {
        CommandError { message: error.to_string() }
    }
}

type CommandResult<T> = Result<T, CommandError>;

/// The window's collection. If it could not be opened, every command reports why,
/// so the UI can explain it instead of showing an empty library.
pub struct AppState {
    store: Mutex<Result<Store, String>>,
}

impl AppState {
    pub fn new(store: Result<Store, clio_core::Error>) -> Self {
        AppState { store: Mutex::new(store.map_err(|e| e.to_string())) }
    }

    fn with_store<T>(&self, f: impl FnOnce(&mut Store) -> clio_core::Result<T>) -> CommandResult<T> {
        // A panic in another command cannot leave SQLite half-written (each write
        // is one transaction), so a poisoned lock is safe to reuse.
        let mut guard = self.store.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        match guard.as_mut() {
            Ok(store) => f(store).map_err(CommandError::from),
            Err(message) => Err(CommandError { message: message.clone() }),
        }
    }
}

/// When the page's first command arrived, for the start-up report.
static FIRST_COMMAND_MS: OnceLock<u128> = OnceLock::new();

// Commands that touch the database are async so Tauri runs them off the main
// thread, which is busy drawing the window while the first screen loads.

#[tauri::command]
pub async fn app_info(state: State<'_, AppState>) -> CommandResult<info::AppInfo> {
    FIRST_COMMAND_MS.get_or_init(crate::uptime_ms);
    state.with_store(|store| info::app_info(store))
}

#[tauri::command]
pub async fn list_documents(state: State<'_, AppState>) -> CommandResult<Vec<DocumentSummary>> {
    state.with_store(|store| library::list_documents(store))
}

#[tauri::command]
pub async fn add_document(state: State<'_, AppState>, doc: NewDocument) -> CommandResult<AddedDocument> {
    state.with_store(|store| library::add_document(store, doc))
}

/// The UI calls this once its first screen is interactive.
#[tauri::command]
pub fn app_ready() {
    if std::env::var_os("CLIO_REPORT_READY").is_some() {
        let first = FIRST_COMMAND_MS.get().map_or("-".into(), |ms| ms.to_string());
        println!("clio: ready in {} ms (page's first command at {first} ms)", crate::uptime_ms());
    }
}

/// Registers the state and every command on a builder (the real app and the IPC tests share it).
pub fn register<R: tauri::Runtime>(builder: tauri::Builder<R>, state: AppState) -> tauri::Builder<R> {
    builder
        .manage(state)
        .invoke_handler(tauri::generate_handler![app_info, app_ready, list_documents, add_document])
}
