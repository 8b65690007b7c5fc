//! The desktop window.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clio_core::Store;

use crate::commands::{self, AppState};

pub fn run(db: PathBuf) -> ExitCode {
    configure_webkit();
    // Opening the database is the only work before the window: it takes a few
    // milliseconds, and the first screen needs it.
    let store = Store::open(&db);
    match &store {
        // Answers are written one by one: keep SQLite's checkpoints off that path.
        Ok(store) => {
            if let Err(error) = store.defer_checkpoints(Duration::from_secs(30)) {
                eprintln!("clio: {error}");
            }
        }
        Err(error) => eprintln!("clio: {error}"),
    }
    let builder = tauri::Builder::default()
        .plugin(tauri_plugin_store::Builder::new().build())
        .plugin(tauri_plugin_dialog::init());
    let result = commands::register(builder, AppState::new(store)).run(tauri::generate_context!());
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("clio: could not start the window: {error}");
            ExitCode::FAILURE
        }
    }
}

/// WebKitGTK's DMA-BUF renderer costs about 90 MB more per window where there is no
/// GPU (it maps Mesa's software GL stack into the web process) and shows a blank
/// window with some NVIDIA drivers; a reading app renders well without it. Set
/// before GTK starts, and only when the user has not chosen.
fn configure_webkit() {
    const DMABUF: &str = "WEBKIT_DISABLE_DMABUF_RENDERER";
    if std::env::var_os(DMABUF).is_none() {
        std::env::set_var(DMABUF, "1");
    }
}
