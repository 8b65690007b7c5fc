//! The learner's cards: suggestions written by the generator, the learner's
//! decisions on them (accept, edit, reject), cards made from a selection, and
//! the deck of accepted cards that reviews draw from.
//!
//! The rules live here; the SQL lives in `store::cards`.

mod edit;
mod locate;
mod selection;
mod suggest;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Result;
use crate::ids::{CardId, DocumentId};
use crate::schedule::QueueState;
use crate::store::{Store, Tx};

pub use edit::{validate_draft, CardEdit, EditedCard};
pub use locate::locate_sentence;
pub use selection::{drafts_for_selection, SelectionDrafts, CLOZE_BLANK};
pub use suggest::{
    ensure_suggestions, suggest_for_document, suggestion_limit, write_pending_suggestions,
};

/// The kind of exercise a card is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CardKind {
    /// A wh-question with a short typed answer.
    Question,
    /// A sentence with the answer blanked out as `_____`.
    Cloze,
    /// A question or cloze with four choices, one of them the answer.
    MultipleChoice,
    /// A statement to judge; the answer is "True" or "False".
    TrueFalse,
}

impl CardKind {
    /// The text a card kind is stored as (`cards.kind`).
    pub fn as_str(self) -> &'static str {
        match self {
            CardKind::Question => "question",
            CardKind::Cloze => "cloze",
            CardKind::MultipleChoice => "multiple_choice",
            CardKind::TrueFalse => "true_false",
        }
    }

    /// The card kind stored as `value`; unknown values (a later version's) read as questions.
    pub fn from_db(value: &str) -> CardKind {
        match value {
            "cloze" => CardKind::Cloze,
            "multiple_choice" => CardKind::MultipleChoice,
            "true_false" => CardKind::TrueFalse,
            _ => CardKind::Question,
        }
    }
}

/// Where a card stands with the learner.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CardStatus {
    /// Written by the generator, waiting for the learner's decision.
    Suggested,
    /// In the review deck.
    Accepted,
    /// Turned down; kept so regenerating does not suggest it again.
    Rejected,
}

/// How a card came to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CardOrigin {
    Generated,
    Selection,
    Manual,
    Imported,
}

/// A card as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StoredCard {
    pub id: CardId,
    pub document_id: Option<DocumentId>,
    pub kind: CardKind,
    pub prompt: String,
    pub answer: String,
    /// Multiple choice: the options, the answer among them. Empty otherwise.
    pub choices: Vec<String>,
    /// The sentence (or selection) the card came from.
    pub source_text: Option<String>,
    /// The source's span in the document body, in code points.
    #[ts(type = "number | null")]
    pub span_start: Option<usize>,
    #[ts(type = "number | null")]
    pub span_end: Option<usize>,
    pub origin: CardOrigin,
    pub status: CardStatus,
    /// The document changed and the card's source sentence is no longer in it.
    pub needs_check: bool,
    pub score: Option<f32>,
    /// A suggestion held back below the quality bar: shown on request only, never
    /// accepted by "Accept all".
    #[serde(default)]
    pub held_back: bool,
    #[ts(type = "number")]
    pub created_at: i64,
    #[ts(type = "number")]
    pub updated_at: i64,
}

/// A card the learner is about to create (from a selection, or by hand).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CardDraft {
    pub kind: CardKind,
    pub prompt: String,
    pub answer: String,
    pub choices: Vec<String>,
    pub source_text: String,
    #[ts(type = "number")]
    pub span_start: usize,
    #[ts(type = "number")]
    pub span_end: usize,
}

/// An accepted card with the title of its document, for the deck list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DeckCard {
    #[serde(flatten)]
    pub card: StoredCard,
    pub document_title: Option<String>,
}

/// A stored card with its document's title and, in the deck, its schedule
/// (for `clio cards list`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ListedCard {
    #[serde(flatten)]
    pub card: StoredCard,
    pub document_title: Option<String>,
    /// The scheduling state; `None` for a card that never joined the deck.
    pub state: Option<QueueState>,
    pub suspended: bool,
}

/// The review deck: how many accepted cards there are and the newest of them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Deck {
    #[ts(type = "number")]
    pub total: u64,
    pub cards: Vec<DeckCard>,
}

/// How many of the deck's cards [`deck`] lists at most.
pub const DECK_PAGE: usize = 200;

impl CardStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            CardStatus::Suggested => "suggested",
            CardStatus::Accepted => "accepted",
            CardStatus::Rejected => "rejected",
        }
    }

    pub fn from_db(value: &str) -> CardStatus {
        match value {
            "suggested" => CardStatus::Suggested,
            "rejected" => CardStatus::Rejected,
            _ => CardStatus::Accepted,
        }
    }
}

impl CardOrigin {
    pub fn as_str(self) -> &'static str {
        match self {
            CardOrigin::Generated => "generated",
            CardOrigin::Selection => "selection",
            CardOrigin::Manual => "manual",
            CardOrigin::Imported => "imported",
        }
    }

    pub fn from_db(value: &str) -> CardOrigin {
        match value {
            "selection" => CardOrigin::Selection,
            "manual" => CardOrigin::Manual,
            "imported" => CardOrigin::Imported,
            _ => CardOrigin::Generated,
        }
    }
}

/// A document's cards that are not rejected: suggestions best first, then the
/// accepted cards in reading order. Writes the suggestions first if the
/// document has none for its current text.
pub fn document_cards(
    store: &mut Store,
    document_id: DocumentId,
    now: i64,
) -> Result<Vec<StoredCard>> {
    ensure_suggestions(store, document_id, now)?;
    store.document_cards(document_id)
}

/// Puts cards in the review deck.
pub fn accept(store: &mut Store, ids: &[CardId], now: i64) -> Result<usize> {
    store.set_card_status(ids, CardStatus::Accepted, now)
}

/// Takes cards out of the suggestions (or the deck): they are never
/// suggested again. Kept for undo ("Rejected a suggestion", "Removed a card
/// from your deck").
pub fn reject(store: &mut Store, ids: &[CardId], now: i64) -> Result<usize> {
    let label = match ids {
        [id] => match store.card(*id)?.status {
            CardStatus::Accepted => "Removed a card from your deck".to_owned(),
            _ => "Rejected a suggestion".to_owned(),
        },
        _ => format!("Rejected {} cards", ids.len()),
    };
    store.set_card_status_undoable(ids, CardStatus::Rejected, &label, now)
}

/// Accepts every suggestion of a document that is shown (not held back).
pub fn accept_all(store: &mut Store, document_id: DocumentId, now: i64) -> Result<usize> {
    let ids: Vec<CardId> = store
        .document_cards(document_id)?
        .into_iter()
        .filter(|c| c.status == CardStatus::Suggested && !c.held_back)
        .map(|c| c.id)
        .collect();
    accept(store, &ids, now)
}

/// Changes a card's prompt and answer (checked as for a new card); with
/// `accept`, a suggestion also joins the deck. Returns the card as stored.
pub fn update(
    store: &mut Store,
    id: CardId,
    edit: CardEdit,
    accept: bool,
    now: i64,
) -> Result<StoredCard> {
    let card = store.card(id)?;
    let edited = edit.apply(&card)?;
    store.update_card(id, &edited, accept, now)?;
    store.card(id)
}

/// Creates an accepted card from a draft (the learner made it on purpose).
pub fn create_from_draft(
    store: &mut Store,
    document_id: DocumentId,
    draft: CardDraft,
    now: i64,
) -> Result<StoredCard> {
    let body = store.document(document_id)?.body;
    let draft = validate_draft(draft, &body)?;
    let id = store.insert_card(
        document_id,
        &draft,
        CardOrigin::Selection,
        CardStatus::Accepted,
        now,
    )?;
    store.card(id)
}

/// Draft cards for the text the learner selected (code points in the body).
pub fn draft_from_selection(
    store: &Store,
    document_id: DocumentId,
    start: usize,
    end: usize,
) -> Result<SelectionDrafts> {
    let body = store.document(document_id)?.body;
    drafts_for_selection(&body, start, end)
}

/// Every stored card (or a document's: its suggestions are written first if
/// it has none for its current text), by document, in reading order.
pub fn list(
    store: &mut Store,
    document_id: Option<DocumentId>,
    now: i64,
) -> Result<Vec<ListedCard>> {
    if let Some(id) = document_id {
        ensure_suggestions(store, id, now)?;
    }
    store.listed_cards(document_id)
}

/// Deletes cards (of any status) with their review history, all or none;
/// kept for undo.
pub fn delete(store: &mut Store, ids: &[CardId], now: i64) -> Result<usize> {
    let label = match ids.len() {
        1 => "Deleted a card".to_owned(),
        n => format!("Deleted {n} cards"),
    };
    store.delete_cards(ids, &label, now)
}

/// The review deck, newest first (at most [`DECK_PAGE`] cards listed).
pub fn deck(store: &Store) -> Result<Deck> {
    store.deck(DECK_PAGE)
}

/// After a document's text changed to `body` (its revision `revision`), in
/// the caller's transaction: every card whose source sentence is still there
/// follows it to its new place; the others are flagged for the learner (never
/// deleted). Returns how many were flagged.
pub(crate) fn follow_new_text(
    tx: &Tx<'_>,
    document_id: DocumentId,
    body: &str,
    revision: i64,
    now: i64,
) -> Result<usize> {
    let mut flagged = 0;
    for card in tx.card_sources(document_id)? {
        let found = card
            .source_text
            .as_deref()
            .and_then(|s| locate_sentence(body, s, card.span_start));
        match found {
            Some((start, end)) => tx.move_card_source(card.card_id, start, end, revision)?,
            None => flagged += tx.flag_card_for_check(card.card_id, now)?,
        }
    }
    Ok(flagged)
}

#[cfg(test)]
mod tests;
