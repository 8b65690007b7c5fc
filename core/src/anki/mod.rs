//! Anki packages (`.apkg`) out of Clio and into it.
//!
//! ## Export
//! A package holds the legacy collection file (`collection.anki2`, schema 11,
//! which every Anki since 2.1 imports) and an empty media list. Each accepted
//! card is one note:
//! - a cloze with one blank is a note of the “Clio Cloze” type (Anki's cloze
//!   kind): `Text` is the prompt with the blank as `{{c1::answer}}`, `Back
//!   Extra` the source sentence and the document's title;
//! - every other card is a “Clio Basic” note: `Front` (the prompt), `Back`
//!   (the answer), `Choices` (a multiple-choice card's options, one a line),
//!   `Source` (the source sentence and the document's title), and `Clio kind`,
//!   on no template, which keeps multiple-choice and true/false cards (and a
//!   cloze whose blank cannot be written as a deletion) what they are on the
//!   way back.
//!
//! A card's deck is its document's category path and title
//! (`History::Cold War::The Berlin Airlift`; cards without a document go to
//! `Clio`); its tags are the category path as one hierarchical tag
//! (`History::Cold_War`) and the card's own tags. A note's guid is the card's
//! uid, so importing a second export into Anki updates the first's notes.
//! With scheduling, each card also carries its state, due date, reps, lapses
//! and FSRS memory state (in `cards.data`, as Anki 23.10+ keeps it), and its
//! review log becomes Anki's `revlog`. Without it, every card is new.
//!
//! ## Import
//! `collection.anki21b` (Anki 2.1.50+: zstd-compressed, schema 18, note types
//! and decks in tables of their own), else `collection.anki21` or
//! `collection.anki2` (schema 11, note types and decks as JSON). Every deck with cards becomes one document (see
//! [`crate::interchange`]): deck `Parent::Child` is the document “Child” in
//! the category Parent. Cloze notes give one cloze card per deletion number;
//! notes of standard note types one question from their first two fields
//! (their first card's deck and schedule); notes of Clio's Basic type keep
//! their kind and choices. Fields are HTML: they are sanitised and read as
//! plain text. Scheduling: Anki's state, due date, reps and lapses; the FSRS
//! memory state where Anki kept one, else one estimated from the card's SM-2
//! ease and interval; the review history from `revlog` (graded answers only).

mod fields;
mod read;
mod schema;
mod write;

use std::fs;
use std::path::Path;

use crate::error::Result;
use crate::interchange::{self, CardExportReport, CardImportReport, ExportScope, Progress};
use crate::store::Store;

/// Writes the accepted cards of `scope` to an Anki package at `path`; with
/// `with_scheduling`, their schedules and review history too.
pub fn export_apkg(
    store: &Store,
    scope: &ExportScope,
    with_scheduling: bool,
    path: &Path,
    now: i64,
    progress: &mut dyn FnMut(Progress),
) -> Result<CardExportReport> {
    let cards = interchange::cards_for_export(store, scope, with_scheduling)?;
    let reviews = write::write_package(&cards, path, with_scheduling, now, progress)?;
    Ok(CardExportReport {
        path: path.display().to_string(),
        size_bytes: fs::metadata(path).map(|m| m.len()).unwrap_or(0),
        cards: cards.len() as u64,
        reviews,
        with_scheduling,
    })
}

/// Imports an Anki package's cards (with their schedules and history) in one
/// transaction: on any error, nothing is imported.
pub fn import_apkg(
    store: &mut Store,
    path: &Path,
    now: i64,
    progress: &mut dyn FnMut(Progress),
) -> Result<CardImportReport> {
    let mut report = CardImportReport {
        file: path.display().to_string(),
        ..CardImportReport::default()
    };
    let groups = read::read_package(path, &mut report, progress)?;
    if groups.is_empty() {
        return Err(crate::Error::Invalid(format!(
            "{} holds no cards Clio can import (no notes with text). Nothing was imported.",
            path.display()
        )));
    }
    interchange::store_groups(store, groups, &mut report, now, progress)?;
    Ok(report)
}

#[cfg(test)]
mod tests;
