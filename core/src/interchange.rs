//! Cards leaving Clio for other programs (Anki, spreadsheets) and coming
//! back: what the `.apkg` and the CSV formats share.
//!
//! Export: the accepted cards of a scope, each with its document's title and
//! category path, and (when asked) its schedule and review history.
//!
//! Import: cards arrive in groups; each group becomes one document whose body
//! lists the cards, one paragraph "prompt — answer" per card, and each card is
//! attached to its paragraph (origin `imported`, status `accepted`, with a
//! `card_schedule` row). The reader, "show in context", a category's quiz
//! and the review deck then work for imported cards as for any other. A
//! group whose document is already in the library (same title and text) is
//! left out and reported, so importing a file twice adds nothing. The whole
//! import is one transaction: on any error nothing is written.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::cards::CardKind;
use crate::error::{Error, Result};
use crate::ids::DocumentId;
use crate::library::{Block, NewDocument, SourceFormat, ValidDocument};
use crate::schedule::{QueueState, Schedule};
use crate::store::{Store, Tx};

/// Which cards an export holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "kind", content = "value")]
pub enum ExportScope {
    /// Every accepted card.
    All,
    /// The accepted cards of one document.
    Document(#[ts(type = "number")] i64),
    /// The accepted cards of the documents in a category and below it.
    Category(Vec<String>),
}

/// What a long export or import is doing, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// Reading cards from the library.
    Reading,
    /// Writing them into the file.
    Writing,
    /// Unpacking or parsing a file.
    Unpacking,
    /// Storing cards in the library.
    Storing,
}

/// `done` of `total` steps of a phase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Progress {
    pub phase: Phase,
    #[ts(type = "number")]
    pub done: u64,
    #[ts(type = "number")]
    pub total: u64,
}

/// What an export of cards wrote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CardExportReport {
    pub path: String,
    #[ts(type = "number")]
    pub size_bytes: u64,
    #[ts(type = "number")]
    pub cards: u64,
    /// Answers from the review log written with them (0 without scheduling).
    #[ts(type = "number")]
    pub reviews: u64,
    pub with_scheduling: bool,
}

/// A document an import of cards created.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportedCardDocument {
    pub id: DocumentId,
    pub title: String,
    pub category_path: Vec<String>,
    #[ts(type = "number")]
    pub cards: u64,
}

/// What an import of cards did.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CardImportReport {
    pub file: String,
    pub documents: Vec<ImportedCardDocument>,
    #[ts(type = "number")]
    pub cards: u64,
    #[ts(type = "number")]
    pub reviews: u64,
    /// Notes of other note types, imported as questions from their first two fields.
    #[ts(type = "number")]
    pub converted_notes: u64,
    /// Notes with nothing to learn from (an empty front, a cloze without a deletion).
    #[ts(type = "number")]
    pub skipped_notes: u64,
    /// Groups (decks, files) whose document was in the library already.
    pub already_there: Vec<String>,
    pub warnings: Vec<String>,
}

impl CardImportReport {
    /// "2 documents, 40 cards, 95 reviews imported".
    pub fn summary(&self) -> String {
        let mut text = format!(
            "{} document(s), {} card(s), {} review(s) imported",
            self.documents.len(),
            self.cards,
            self.reviews
        );
        if self.converted_notes > 0 {
            text += &format!(
                "; {} note(s) of other note types imported as questions",
                self.converted_notes
            );
        }
        if self.skipped_notes > 0 {
            text += &format!(
                "; {} note(s) skipped (nothing to learn from)",
                self.skipped_notes
            );
        }
        if !self.already_there.is_empty() {
            text += &format!("; {} already in the library", self.already_there.len());
        }
        text
    }
}

/// One answer of a card's history, as both formats carry it.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewEntry {
    pub reviewed_at: i64,
    /// 1 to 4 (again, hard, good, easy).
    pub rating: u8,
    pub state_before: QueueState,
    pub state_after: QueueState,
    pub due_after: Option<i64>,
    pub duration_ms: Option<i64>,
    /// Days since the previous answer (fractional), if any.
    pub elapsed_days: Option<f64>,
    /// A due date moved by hand (Clio's backlog spreading), not an answer.
    pub rescheduled: bool,
}

/// A card's place in the review deck.
#[derive(Debug, Clone, PartialEq)]
pub struct CardSchedule {
    pub schedule: Schedule,
    pub suspended: bool,
    pub new_position: Option<i64>,
}

/// An accepted card on its way out, with everything a format may write.
#[derive(Debug, Clone, PartialEq)]
pub struct OutgoingCard {
    pub id: i64,
    pub uid: String,
    pub kind: CardKind,
    pub prompt: String,
    pub answer: String,
    pub choices: Vec<String>,
    pub source_text: Option<String>,
    pub document_title: Option<String>,
    pub category_path: Vec<String>,
    /// Space-separated, as stored in `cards.tags`.
    pub tags: String,
    pub created_at: i64,
    /// Filled only when scheduling is exported.
    pub schedule: Option<CardSchedule>,
    pub reviews: Vec<ReviewEntry>,
}

/// A card on its way in.
#[derive(Debug, Clone, PartialEq)]
pub struct IncomingCard {
    pub kind: CardKind,
    pub prompt: String,
    pub answer: String,
    pub choices: Vec<String>,
    pub tags: String,
    /// `None`: a new card, introduced after the new cards already waiting.
    pub schedule: Option<CardSchedule>,
    pub reviews: Vec<ReviewEntry>,
}

/// Cards that will share one document.
#[derive(Debug, Clone, PartialEq)]
pub struct IncomingGroup {
    pub title: String,
    pub category_path: Vec<String>,
    /// The file they came from.
    pub source: Option<String>,
    pub format: SourceFormat,
    pub cards: Vec<IncomingCard>,
}

/// A group ready for the store: its document and each card's paragraph.
pub(crate) struct PreparedGroup {
    pub document: ValidDocument,
    /// Per card (in order): the paragraph's text and its span in the body, in code points.
    pub paragraphs: Vec<(String, usize, usize)>,
    pub cards: Vec<IncomingCard>,
}

/// The paragraph that stands for a card in its document.
fn paragraph_of(card: &IncomingCard) -> String {
    let mut text = format!("{} — {}", card.prompt, card.answer);
    if !card.choices.is_empty() {
        text += &format!(" (choices: {})", card.choices.join(" | "));
    }
    text
}

/// Builds the document of a group and the span of each card's paragraph.
pub(crate) fn prepare(group: IncomingGroup) -> Result<PreparedGroup> {
    let blocks: Vec<Block> = group
        .cards
        .iter()
        .map(|c| Block::paragraph(paragraph_of(c)))
        .collect();
    let document = NewDocument {
        title: group.title.clone(),
        author: None,
        category_path: group.category_path.clone(),
        source: group.source.clone(),
        body: String::new(),
    }
    .validate_blocks(group.format, blocks, Vec::new())?;
    let stored = document.blocks.clone().unwrap_or_default();
    if stored.len() != group.cards.len() {
        // Every card's paragraph holds its non-blank prompt, so none is dropped.
        return Err(Error::Invalid(format!(
            "“{}”: a card has no text; nothing was imported",
            group.title
        )));
    }
    let mut paragraphs = Vec::with_capacity(stored.len());
    let mut at = 0usize;
    for block in &stored {
        let len = block.text.chars().count();
        paragraphs.push((block.text.clone(), at, at + len));
        at += len + 2;
    }
    Ok(PreparedGroup {
        document,
        paragraphs,
        cards: group.cards,
    })
}

/// Stores groups of cards in one transaction (see the module docs); fills in
/// the report's documents, cards, reviews and groups already there.
pub(crate) fn store_groups(
    store: &mut Store,
    groups: Vec<IncomingGroup>,
    report: &mut CardImportReport,
    now: i64,
    progress: &mut dyn FnMut(Progress),
) -> Result<()> {
    let prepared: Vec<PreparedGroup> = groups.into_iter().map(prepare).collect::<Result<_>>()?;
    let stored = store.transact(|tx| store_prepared(tx, &prepared, now, progress))?;
    for (group, outcome) in prepared.iter().zip(stored) {
        match outcome {
            Some(id) => {
                report.cards += group.cards.len() as u64;
                report.reviews += group
                    .cards
                    .iter()
                    .map(|c| c.reviews.len() as u64)
                    .sum::<u64>();
                report.documents.push(ImportedCardDocument {
                    id,
                    title: group.document.title.clone(),
                    category_path: group.document.category_path.clone(),
                    cards: group.cards.len() as u64,
                });
            }
            None => report.already_there.push(group.document.title.clone()),
        }
    }
    Ok(())
}

/// Writes prepared groups in the caller's transaction: per group its document
/// (`None` when a document with the same text is there already, and then none
/// of its cards) and its cards, schedules and review log, reporting progress.
fn store_prepared(
    tx: &Tx<'_>,
    groups: &[PreparedGroup],
    now: i64,
    progress: &mut dyn FnMut(Progress),
) -> Result<Vec<Option<DocumentId>>> {
    let total: u64 = groups.iter().map(|g| g.cards.len() as u64).sum();
    let mut done = 0u64;
    let mut next_position = tx.next_new_position()?;
    let mut out = Vec::with_capacity(groups.len());
    for group in groups {
        let doc = &group.document;
        if tx.document_with_text(&doc.content_hash)?.is_some() {
            done += group.cards.len() as u64;
            if done == total {
                progress(Progress {
                    phase: Phase::Storing,
                    done,
                    total,
                });
            }
            out.push(None);
            continue;
        }
        let document_id = tx.insert_document_with_cards(doc, now)?;
        for (card, (paragraph, start, end)) in group.cards.iter().zip(&group.paragraphs) {
            let card_id =
                tx.insert_imported_card(document_id, card, paragraph, (*start, *end), now)?;
            let (schedule, suspended) = match &card.schedule {
                Some(c) => (c.schedule, c.suspended),
                None => (Schedule::new_card(), false),
            };
            tx.insert_imported_schedule(card_id, &schedule, suspended, next_position)?;
            next_position += 1;
            for review in &card.reviews {
                tx.insert_imported_review(card_id, review)?;
            }
            done += 1;
            if done % 200 == 0 || done == total {
                progress(Progress {
                    phase: Phase::Storing,
                    done,
                    total,
                });
            }
        }
        out.push(Some(document_id));
    }
    Ok(out)
}

/// The accepted cards of `scope`, in reading order (documents, then their
/// cards); with `with_scheduling`, each with its schedule and history.
pub fn cards_for_export(
    store: &Store,
    scope: &ExportScope,
    with_scheduling: bool,
) -> Result<Vec<OutgoingCard>> {
    if let ExportScope::Category(path) = scope {
        if !store.category_exists(path)? {
            return Err(Error::Invalid(format!(
                "there is no category “{}”. See the categories with `clio list`.",
                path.join(" › ")
            )));
        }
    }
    let cards = store.cards_for_interchange(scope, with_scheduling)?;
    if cards.is_empty() {
        let what = match scope {
            ExportScope::All => "The library has no accepted cards".to_owned(),
            ExportScope::Document(id) => format!("Document {id} has no accepted cards"),
            ExportScope::Category(path) => {
                format!("The category “{}” has no accepted cards", path.join(" › "))
            }
        };
        return Err(Error::Invalid(format!(
            "{what}, so there is nothing to export. Accept some cards first (Cards panel), or choose another scope."
        )));
    }
    Ok(cards)
}
