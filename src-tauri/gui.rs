//! The desktop window.

use std::path::PathBuf;
use std::process::ExitCode;

use clio_core::Store;

use crate::commands::{self, AppState};

pub fn run(db: PathBuf) -> ExitCode {
    // Opening the database is the only work before the window: it takes a few
    // milliseconds, and the first screen needs it.
    let store = Store::open(&db);
    if let Err(error) = &store {
        eprintln!("clio: {error}");
    }
    let builder = tauri::Builder::default().plugin(tauri_plugin_store::Builder::new().build());
    let result = commands::register(builder, AppState::new(store)).run(tauri::generate_context!());
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("clio: could not start the window: {error}");
            ExitCode::FAILURE
        }
    }
}
