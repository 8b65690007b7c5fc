//! The desktop window.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use clio_core::Store;

use crate::commands::{self, AppState};

pub fn run(db: PathBuf) -> ExitCode {
    configure_webkit();
    // Opening the database is the only work before the window: it takes a few
    // milliseconds, and the first screen needs it. The start-up check reads it
    // first (PRAGMA quick_check) without writing: a damaged library is not
    // opened, and every command then reports the damage and the newest good backup.
    // A restore chosen in Settings is carried out here, before the library is open.
    if let Err(error) = clio_core::store::apply_pending_restore(&db, clio_core::time::now_ms()) {
        eprintln!("clio: the restore asked for was not done: {error}");
    }
    let store = Store::open_checked(&db).map(|(store, _)| store);
    let healthy = store.is_ok();
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
    if healthy {
        start_backup_timer(db.clone());
    }
    let app = commands::register(builder, AppState::new(store)).build(tauri::generate_context!());
    match app {
        Ok(app) => {
            app.run(move |_, event| {
                // A backup when Clio quits (skipped when nothing changed since the last one).
                if matches!(event, tauri::RunEvent::Exit) && healthy {
                    backup(&db);
                }
            });
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("clio: could not start the window: {error}");
            ExitCode::FAILURE
        }
    }
}

/// A backup every 30 minutes while the window is open, skipped when the library
/// did not change since the last one (so an idle window adds none), then thinning.
fn start_backup_timer(db: PathBuf) {
    let every = Duration::from_millis(clio_core::backup::BACKUP_INTERVAL_MS as u64);
    let spawned = std::thread::Builder::new().name("clio-backup".into()).spawn(move || loop {
        std::thread::sleep(every);
        backup(&db);
    });
    if let Err(error) = spawned {
        eprintln!("clio: could not start the backup timer: {error}");
    }
}

fn backup(db: &Path) {
    if let Err(error) = clio_core::store::backup_if_changed(db, clio_core::time::now_ms()) {
        eprintln!("clio: the backup failed: {error}");
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
