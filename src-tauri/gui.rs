//! The desktop window.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use tauri::{Emitter, Manager};

use crate::app_state::LIBRARY_DAMAGED_EVENT;
use crate::commands::{self, AppState};

pub fn run(db: PathBuf) -> ExitCode {
    configure_webkit();
    // Opening the database is the only work before the window: it takes a few
    // milliseconds, and the first screen needs it. A damaged library is not
    // opened; the first screen then offers the newest good backup. (A large
    // library's full check runs after launch: `start_deferred_check`.)
    let state = AppState::open(db);
    if let Some(problem) = state.problem() {
        eprintln!("clio: {}", problem.message);
    }
    let builder = tauri::Builder::default()
        .plugin(tauri_plugin_store::Builder::new().build())
        .plugin(tauri_plugin_dialog::init())
        .setup(|app| {
            // The deck Progress and the library's bars read (a second at a
            // lifetime's million cards) is read on a thread of its own now,
            // not while the learner waits for the first of them.
            app.state::<AppState>().warm_deck();
            start_deferred_check(app.handle().clone());
            start_backup_timer(app.handle().clone());
            start_suggestion_writer(app.handle().clone());
            Ok(())
        });
    let app = commands::register(builder, state).build(tauri::generate_context!());
    match app {
        Ok(app) => {
            app.run(move |app, event| {
                // A backup when Clio quits (skipped when nothing changed since the last one).
                if matches!(event, tauri::RunEvent::Exit) {
                    back_up(&app.state::<AppState>());
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

/// The start-up check's full read of a large library, on a thread of its
/// own; if it finds damage, the window is told (`library-damaged`, with the
/// problem) and shows the damaged-library screen with the newest good backup.
fn start_deferred_check(app: tauri::AppHandle) {
    let spawned = std::thread::Builder::new()
        .name("clio-startup-check".into())
        .spawn(move || {
            if let Some(problem) = app.state::<AppState>().finish_startup_check() {
                eprintln!("clio: {}", problem.message);
                if let Err(error) = app.emit(LIBRARY_DAMAGED_EVENT, &problem) {
                    eprintln!("clio: could not tell the window: {error}");
                }
            }
        });
    if let Err(error) = spawned {
        eprintln!("clio: could not start the library check: {error}");
    }
}

/// A backup every `backup_interval_minutes` (a preference, read afresh each
/// minute) while the window is open, skipped when the library did not change
/// since the last one (so an idle window adds none), then thinning.
fn start_backup_timer(app: tauri::AppHandle) {
    let spawned = std::thread::Builder::new()
        .name("clio-backup".into())
        .spawn(move || {
            let mut last = Instant::now();
            loop {
                std::thread::sleep(Duration::from_secs(60));
                let state = app.state::<AppState>();
                let minutes = clio_core::prefs::load_at(state.db_path())
                    .map(|p| p.backup_interval_minutes)
                    .unwrap_or(clio_core::prefs::DEFAULT_BACKUP_INTERVAL_MINUTES);
                if last.elapsed() >= Duration::from_secs(u64::from(minutes) * 60) {
                    back_up(&state);
                    last = Instant::now();
                }
            }
        });
    if let Err(error) = spawned {
        eprintln!("clio: could not start the backup timer: {error}");
    }
}

/// Writes, a few texts at a time, the card suggestions a large import left
/// for later (the store is free for the window between steps); then sleeps
/// until an import wakes it, or five minutes pass.
fn start_suggestion_writer(app: tauri::AppHandle) {
    let handle = app.clone();
    let spawned = std::thread::Builder::new()
        .name("clio-suggestions".into())
        .spawn(move || loop {
            let state = handle.state::<AppState>();
            if state.write_pending_suggestions(2) > 0 {
                std::thread::sleep(Duration::from_millis(20));
            } else {
                std::thread::park_timeout(Duration::from_secs(300));
            }
        });
    match spawned {
        Ok(thread) => app
            .state::<AppState>()
            .set_suggestion_writer(thread.thread().clone()),
        Err(error) => {
            eprintln!("clio: could not start writing card suggestions in the background: {error}")
        }
    }
}

fn back_up(state: &AppState) {
    if let Err(error) = state.back_up_if_changed() {
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
