//! IPC commands for files of cards: export to an Anki package or a CSV file,
//! import from either, with progress sent over a channel for the UI's bar.

use std::path::PathBuf;

use clio_core::card_files::{self, CardFileFormat};
use clio_core::interchange::{CardExportReport, CardImportReport, ExportScope, Progress};
use clio_core::time::now_ms;
use tauri::ipc::Channel;
use tauri::State;

use crate::commands::{AppState, CommandResult};

/// Writes the accepted cards of `scope` to an Anki package or a CSV file at
/// `path`, with their review history if `with_scheduling`.
#[tauri::command]
pub async fn export_cards(
    state: State<'_, AppState>,
    format: CardFileFormat,
    scope: ExportScope,
    with_scheduling: bool,
    path: PathBuf,
    on_progress: Channel<Progress>,
) -> CommandResult<CardExportReport> {
    let mut progress = throttled(on_progress);
    state.with_store(|store| {
        card_files::export_card_file(
            store,
            format,
            &scope,
            with_scheduling,
            &path,
            now_ms(),
            &mut progress,
        )
    })
}

/// Imports an `.apkg` or `.csv` file of cards, all of it or nothing; today's
/// review session starts afresh so the new cards can join it.
#[tauri::command]
pub async fn import_cards(
    state: State<'_, AppState>,
    path: PathBuf,
    on_progress: Channel<Progress>,
) -> CommandResult<CardImportReport> {
    let mut progress = throttled(on_progress);
    let report = state
        .with_store(|store| card_files::import_card_file(store, &path, now_ms(), &mut progress))?;
    state.forget_review_session();
    Ok(report)
}

/// Passes on a new phase, the last step, and each whole percent: a bar needs
/// no more, and 20,000 messages would cost more than the work.
fn throttled(channel: Channel<Progress>) -> impl FnMut(Progress) {
    let mut last: Option<(Progress, u64)> = None;
    move |p: Progress| {
        let percent = (p.done * 100).checked_div(p.total).unwrap_or(100);
        let send = match last {
            None => true,
            Some((before, before_percent)) => {
                before.phase != p.phase
                    || before.total != p.total
                    || percent != before_percent
                    || p.done == p.total
            }
        };
        if send {
            // A closed window cannot take it; the work goes on regardless.
            let _ = channel.send(p);
            last = Some((p, percent));
        }
    }
}
