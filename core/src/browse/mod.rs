//! The card browser: every card of the deck, searched, filtered and sorted a
//! page at a time, and the learner's actions on one card or a selection
//! (suspend, bury, flag, reset, delete, edit), each one undoable.
//!
//! The rules live here; the SQL lives in `store::browser` and `store::undo`.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::cards::CardEdit;
use crate::cards::CardKind;
use crate::error::{Error, Result};
use crate::ids::{CardId, DocumentId};
use crate::review::{learner_day_start, next_day_start};
use crate::schedule::QueueState;
use crate::store::{Store, UndoEntry};

/// The most cards one page lists.
pub const MAX_PAGE: u32 = 500;
/// The most cards one action may change (a selection, not the whole library).
pub const MAX_SELECTION: usize = 10_000;

/// A state the browser filters by. `New`, `Learning` and `Review` leave out
/// suspended cards; the others stand on their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum StateFilter {
    New,
    /// Learning or relearning.
    Learning,
    Review,
    Suspended,
    /// Hidden until the learner's next day.
    Buried,
    Flagged,
    /// Carries the tag `leech` (forgotten again and again).
    Leech,
}

/// When a card falls due, for the browser's filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DueFilter {
    /// Due before today began.
    Overdue,
    /// Due by the end of today (overdue ones included).
    Today,
    /// Due within the next seven days (today included).
    Week,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum BrowserSort {
    /// Soonest first; new cards last, in the order they will be introduced.
    #[default]
    Due,
    /// When the card was made.
    Added,
    /// FSRS difficulty; cards never reviewed last.
    Difficulty,
    /// Times forgotten.
    Lapses,
}

/// What the browser asks for.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct BrowserQuery {
    /// Words to find in the prompt, answer or source sentence (each also as a prefix).
    pub search: String,
    pub document_id: Option<DocumentId>,
    /// A category and everything under it, from the root down.
    pub category: Vec<String>,
    pub state: Option<StateFilter>,
    pub kind: Option<CardKind>,
    pub due: Option<DueFilter>,
    pub sort: BrowserSort,
    pub descending: bool,
    pub offset: u32,
    /// 0: the default page size.
    pub limit: u32,
}

/// One row of the browser.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BrowserCard {
    pub id: CardId,
    pub document_id: Option<DocumentId>,
    pub document_title: Option<String>,
    pub kind: CardKind,
    pub prompt: String,
    pub answer: String,
    pub source_text: Option<String>,
    #[ts(type = "number | null")]
    pub span_start: Option<usize>,
    #[ts(type = "number | null")]
    pub span_end: Option<usize>,
    pub state: QueueState,
    pub suspended: bool,
    /// Hidden until this time (Unix ms), when later than now.
    #[ts(type = "number | null")]
    pub buried_until: Option<i64>,
    pub flagged: bool,
    pub leech: bool,
    pub needs_check: bool,
    #[ts(type = "number | null")]
    pub due: Option<i64>,
    pub difficulty: Option<f64>,
    pub stability: Option<f64>,
    pub reps: u32,
    pub lapses: u32,
    #[ts(type = "number")]
    pub created_at: i64,
}

/// A page of the browser and how many cards match in all.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BrowserPage {
    #[ts(type = "number")]
    pub total: u64,
    pub offset: u32,
    pub cards: Vec<BrowserCard>,
}

/// One answer in a card's history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HistoryEntry {
    #[ts(type = "number")]
    pub reviewed_at: i64,
    /// 1 again, 2 hard, 3 good, 4 easy.
    pub rating: u8,
    pub state_before: QueueState,
    pub state_after: QueueState,
    #[ts(type = "number | null")]
    pub due_after: Option<i64>,
    pub stability: Option<f64>,
    pub difficulty: Option<f64>,
    #[ts(type = "number | null")]
    pub duration_ms: Option<i64>,
    /// reveal, typed or choice.
    pub answer_mode: String,
    /// review, quiz, imported or rescheduled.
    pub origin: String,
}

/// A card's review history, oldest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CardHistory {
    pub card: BrowserCard,
    pub reviews: Vec<HistoryEntry>,
}

/// What the browser can do to cards.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CardAction {
    Suspend,
    Unsuspend,
    /// Hide until the learner's next day.
    Bury,
    /// Forget the card's progress: it becomes new again (its history stays).
    Reset,
    Flag,
    Unflag,
    Delete,
}

/// The action that can be undone now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct UndoInfo {
    /// What was done, e.g. "Suspended 3 cards".
    pub label: String,
    #[ts(type = "number")]
    pub created_at: i64,
}

/// An edited card and how to take the edit back.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EditOutcome {
    pub card: BrowserCard,
    pub undo: Option<UndoInfo>,
}

/// What an action did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ActionOutcome {
    /// Cards changed.
    pub changed: u32,
    /// How to take it back.
    pub undo: Option<UndoInfo>,
}

impl From<UndoEntry> for UndoInfo {
    fn from(entry: UndoEntry) -> Self {
        UndoInfo {
            label: entry.label,
            created_at: entry.created_at,
        }
    }
}

impl CardAction {
    fn label(self, n: usize) -> String {
        let cards = if n == 1 {
            "a card".to_owned()
        } else {
            format!("{n} cards")
        };
        let verb = match self {
            CardAction::Suspend => "Suspended",
            CardAction::Unsuspend => "Unsuspended",
            CardAction::Bury => "Buried",
            CardAction::Reset => "Reset",
            CardAction::Flag => "Flagged",
            CardAction::Unflag => "Unflagged",
            CardAction::Delete => "Deleted",
        };
        format!("{verb} {cards}")
    }
}

/// The page of deck cards that `query` asks for.
pub fn browse(store: &Store, query: &BrowserQuery, now: i64) -> Result<BrowserPage> {
    let limit = match query.limit {
        0 => 100,
        n => n.min(MAX_PAGE),
    };
    let search = crate::search::fts_query(&query.search);
    let day_start = learner_day_start(now);
    store.browse_cards(query, search.as_deref(), limit, now, day_start)
}

/// A deck card and every answer given to it.
pub fn history(store: &Store, card_id: CardId) -> Result<CardHistory> {
    Ok(CardHistory {
        card: store.browser_card(card_id)?,
        reviews: store.card_reviews(card_id)?,
    })
}

/// Does `action` to the cards, all or none, and keeps how to undo it.
pub fn act(
    store: &mut Store,
    action: CardAction,
    ids: &[CardId],
    now: i64,
) -> Result<ActionOutcome> {
    let mut ids = ids.to_vec();
    ids.sort_unstable();
    ids.dedup();
    if ids.is_empty() {
        return Err(Error::Invalid("Select at least one card first.".into()));
    }
    if ids.len() > MAX_SELECTION {
        return Err(Error::Invalid(format!(
            "{} cards are selected; act on at most {MAX_SELECTION} at once.",
            ids.len()
        )));
    }
    let label = action.label(ids.len());
    let changed = store.act_on_cards(action, &ids, &label, now, next_day_start(now))?;
    Ok(ActionOutcome {
        changed: changed as u32,
        undo: store.last_undo(now)?.map(UndoInfo::from),
    })
}

/// Changes a card's prompt and answer, with the Cards panel's checks, and
/// keeps how to undo it.
pub fn edit(store: &mut Store, id: CardId, edit: CardEdit, now: i64) -> Result<EditOutcome> {
    let card = store.card(id)?;
    let edited = edit.apply(&card)?;
    store.update_card_undoable(id, &edited, "Edited a card", now)?;
    Ok(EditOutcome {
        card: store.browser_card(id)?,
        undo: store.last_undo(now)?.map(UndoInfo::from),
    })
}

/// Puts back the last undoable action (browser actions, rejecting or removing
/// cards, deleting a text); returns what was undone.
pub fn undo(store: &mut Store, now: i64) -> Result<String> {
    store.undo_last(now)
}

/// The action that can be undone now, if any.
pub fn last_undo(store: &Store, now: i64) -> Result<Option<UndoInfo>> {
    Ok(store.last_undo(now)?.map(UndoInfo::from))
}

#[cfg(test)]
mod tests;
