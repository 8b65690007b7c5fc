//! IPC commands for the card browser and for undo.

use clio_core::browse::{
    self, ActionOutcome, BrowserPage, BrowserQuery, CardAction, CardHistory, EditOutcome, UndoInfo,
};
use clio_core::cards::CardEdit;
use clio_core::time::now_ms;
use clio_core::CardId;
use tauri::State;

use crate::commands::{AppState, CommandResult};

/// A page of the deck's cards, filtered and sorted.
#[tauri::command]
pub async fn browse_cards(
    state: State<'_, AppState>,
    query: BrowserQuery,
) -> CommandResult<BrowserPage> {
    state.with_store(|store| browse::browse(store, &query, now_ms()))
}

/// A deck card and every answer given to it.
#[tauri::command]
pub async fn card_history(
    state: State<'_, AppState>,
    card_id: CardId,
) -> CommandResult<CardHistory> {
    state.with_store(|store| browse::history(store, card_id))
}

/// Suspends, buries, flags, resets or deletes cards; today's review session
/// is built again so it follows.
#[tauri::command]
pub async fn card_action(
    state: State<'_, AppState>,
    action: CardAction,
    ids: Vec<CardId>,
) -> CommandResult<ActionOutcome> {
    let outcome = state.with_store(|store| browse::act(store, action, &ids, now_ms()))?;
    state.forget_review_session();
    Ok(outcome)
}

/// Saves a card's prompt and answer from the browser; undoable.
#[tauri::command]
pub async fn browser_edit_card(
    state: State<'_, AppState>,
    id: CardId,
    edit: CardEdit,
) -> CommandResult<EditOutcome> {
    state.with_store(|store| browse::edit(store, id, edit, now_ms()))
}

/// Puts back the last undoable action; resolves to what was undone.
#[tauri::command]
pub async fn undo_last(state: State<'_, AppState>) -> CommandResult<String> {
    let label = state.with_store(|store| browse::undo(store, now_ms()))?;
    state.forget_review_session();
    Ok(label)
}

/// The action that can be undone now, if any.
#[tauri::command]
pub async fn last_undo(state: State<'_, AppState>) -> CommandResult<Option<UndoInfo>> {
    state.with_store(|store| browse::last_undo(store, now_ms()))
}
