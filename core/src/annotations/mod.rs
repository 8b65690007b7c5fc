//! The learner's highlights and notes: what a valid highlight is, listing them
//! for a document (reading order) or the whole library (filtered and searched),
//! and exporting them as Markdown.
//!
//! A highlight is anchored as the W3C Web Annotation model does it (see
//! [`crate::anchor`]): the quoted text with 32 code points of context on each
//! side, and its code-point position. When a document gets a new text, the store
//! re-anchors its highlights in the same transaction
//! (`store::annotations::reanchor_annotations`); one that cannot be placed is
//! kept as an orphan, with its quote and note, never moved to a guess.
//!
//! The rules live here; the SQL lives in `store::annotations`.

use std::path::{Path, PathBuf};

use icu_normalizer::DecomposingNormalizerBorrowed;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::anchor::{self, AnnotatedDocument, ExportedAnnotation, Selectors};
use crate::error::{Error, Result};
use crate::ids::{AnnotationId, DocumentId};
use crate::store::{Store, Tx};

/// The longest note, in characters (code points).
pub const MAX_NOTE_CHARS: usize = 10_000;

/// A highlight's colour. The reader offers them in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum HighlightColor {
    Yellow,
    Green,
    Blue,
    Pink,
}

impl HighlightColor {
    pub const ALL: [HighlightColor; 4] = [
        HighlightColor::Yellow,
        HighlightColor::Green,
        HighlightColor::Blue,
        HighlightColor::Pink,
    ];

    /// As stored in `annotations.color`.
    pub fn as_str(self) -> &'static str {
        match self {
            HighlightColor::Yellow => "yellow",
            HighlightColor::Green => "green",
            HighlightColor::Blue => "blue",
            HighlightColor::Pink => "pink",
        }
    }

    /// The colour stored as `value`; an unknown one (a later version's) reads as yellow.
    pub fn from_db(value: &str) -> HighlightColor {
        HighlightColor::ALL
            .into_iter()
            .find(|c| c.as_str() == value)
            .unwrap_or(HighlightColor::Yellow)
    }
}

/// Whether a highlight is placed in its document's current text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum AnchorState {
    Anchored,
    /// The text changed and the passage was not found in it; the quote is as
    /// it was highlighted.
    Orphaned,
}

impl AnchorState {
    pub fn as_str(self) -> &'static str {
        match self {
            AnchorState::Anchored => "anchored",
            AnchorState::Orphaned => "orphaned",
        }
    }

    pub fn from_db(value: &str) -> AnchorState {
        if value == "orphaned" {
            AnchorState::Orphaned
        } else {
            AnchorState::Anchored
        }
    }
}

/// A highlight the learner is making: code points `start..end` of the body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NewAnnotation {
    pub document_id: DocumentId,
    #[ts(type = "number")]
    pub start: usize,
    #[ts(type = "number")]
    pub end: usize,
    pub color: HighlightColor,
    /// Plain text or Markdown; blank means none.
    pub note: Option<String>,
}

/// A change to a highlight: its colour and its note (blank or null removes it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AnnotationEdit {
    pub color: HighlightColor,
    pub note: Option<String>,
}

/// A highlight as the reader shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Annotation {
    pub id: AnnotationId,
    pub document_id: DocumentId,
    pub color: HighlightColor,
    pub note: Option<String>,
    /// The highlighted text (as it was highlighted, for an orphan).
    pub quote: String,
    /// Code points of the body; null while orphaned.
    #[ts(type = "number | null")]
    pub start: Option<usize>,
    #[ts(type = "number | null")]
    pub end: Option<usize>,
    pub state: AnchorState,
    #[ts(type = "number")]
    pub created_at: i64,
    #[ts(type = "number")]
    pub updated_at: i64,
}

/// A highlight with its document, for the library-wide list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LibraryAnnotation {
    #[serde(flatten)]
    pub annotation: Annotation,
    pub document_title: String,
    /// From the top category down; empty when the document has none.
    pub category_path: Vec<String>,
}

/// Which highlights the library-wide list shows.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AnnotationFilter {
    /// Only this colour.
    pub color: Option<HighlightColor>,
    /// Words to find in the quote or the note, ignoring case and accents.
    pub query: Option<String>,
}

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExportSummary {
    #[ts(type = "number")]
    pub documents: usize,
    #[ts(type = "number")]
    pub annotations: usize,
    /// The file written (".md" added when the name had no extension).
    pub path: String,
}

/// A highlight checked against its document's text, ready for the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidAnnotation {
    pub selectors: Selectors,
    pub color: HighlightColor,
    pub note: Option<String>,
}

/// Checks a new highlight against `body`: the range must lie inside it and hold
/// more than white space (white space at its edges is left out); the note is
/// trimmed and at most [`MAX_NOTE_CHARS`] long.
pub fn validate(new: &NewAnnotation, body: &str) -> Result<ValidAnnotation> {
    let (start, end) = (new.start, new.end);
    let total = body.chars().count();
    if start >= end || end > total {
        return Err(Error::Invalid(format!(
            "The selection (characters {start}–{end}) is not in this text of {total} characters. Select the words again."
        )));
    }
    let chars: Vec<char> = body.chars().skip(start).take(end - start).collect();
    let lead = chars.iter().take_while(|c| c.is_whitespace()).count();
    if lead == chars.len() {
        return Err(Error::Invalid(
            "The selection holds only white space. Select the words to highlight.".into(),
        ));
    }
    let trail = chars.iter().rev().take_while(|c| c.is_whitespace()).count();
    let selectors = Selectors::describe(body, start + lead, end - trail)?;
    Ok(ValidAnnotation {
        selectors,
        color: new.color,
        note: clean_note(new.note.as_deref())?,
    })
}

/// A note trimmed, `None` when blank; an error when too long.
pub fn clean_note(note: Option<&str>) -> Result<Option<String>> {
    let Some(note) = note
        .map(|n| n.replace("\r\n", "\n"))
        .filter(|n| !n.trim().is_empty())
    else {
        return Ok(None);
    };
    // Trailing space and blank lines go; leading indentation of the first line may matter in Markdown.
    let note = note.trim_end().trim_start_matches(['\n', '\r']).to_string();
    let len = note.chars().count();
    if len > MAX_NOTE_CHARS {
        return Err(Error::Invalid(format!(
            "The note is {len} characters long; a note can hold up to {MAX_NOTE_CHARS}. Shorten it."
        )));
    }
    Ok(Some(note))
}

/// Highlights a passage; returns the highlight as stored.
pub fn create(store: &mut Store, new: NewAnnotation, now: i64) -> Result<Annotation> {
    let body = store.document(new.document_id)?.body;
    let valid = validate(&new, &body)?;
    let id = store.insert_annotation(new.document_id, &valid, now)?;
    store.annotation(id)
}

/// Changes a highlight's colour and note; returns it as stored.
pub fn update(
    store: &mut Store,
    id: AnnotationId,
    edit: AnnotationEdit,
    now: i64,
) -> Result<Annotation> {
    let note = clean_note(edit.note.as_deref())?;
    store.update_annotation(id, edit.color, note.as_deref(), now)?;
    store.annotation(id)
}

/// Removes a highlight and its note for good.
pub fn delete(store: &mut Store, id: AnnotationId) -> Result<()> {
    store.delete_annotation(id)
}

/// A document's highlights in reading order, the orphans last.
pub fn document_annotations(store: &Store, document_id: DocumentId) -> Result<Vec<Annotation>> {
    store.document_annotations(document_id)
}

/// Every highlight of the library that passes `filter`: grouped by document
/// (by title), each document's in reading order with its orphans last.
pub fn library_annotations(
    store: &Store,
    filter: &AnnotationFilter,
) -> Result<Vec<LibraryAnnotation>> {
    let all = store.library_annotations(filter.color)?;
    let words: Vec<String> = filter
        .query
        .as_deref()
        .map(|q| fold(q).split_whitespace().map(String::from).collect())
        .unwrap_or_default();
    if words.is_empty() {
        return Ok(all);
    }
    Ok(all
        .into_iter()
        .filter(|a| {
            let text = format!(
                "{}\n{}",
                fold(&a.annotation.quote),
                fold(a.annotation.note.as_deref().unwrap_or(""))
            );
            words.iter().all(|w| text.contains(w.as_str()))
        })
        .collect())
}

/// Lower case without accents, so "zhou" finds "Zhōu" and "GUNTER" "Günter":
/// decomposes (NFD), drops the combining marks, lower-cases.
fn fold(text: &str) -> String {
    let nfd = DecomposingNormalizerBorrowed::new_nfd().normalize(text);
    let mut out = String::with_capacity(nfd.len());
    for c in nfd.chars() {
        let mark = matches!(c as u32,
            0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F);
        if !mark {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// The Markdown export of one document's highlights (`Some(id)`) or of every
/// document that has any, by title; with how many documents and highlights it holds.
pub fn export_markdown(
    store: &Store,
    document_id: Option<DocumentId>,
) -> Result<(String, usize, usize)> {
    let annotations: Vec<LibraryAnnotation> = match document_id {
        Some(id) => {
            let doc = store.document(id)?;
            store
                .document_annotations(id)?
                .into_iter()
                .map(|annotation| LibraryAnnotation {
                    annotation,
                    document_title: doc.title.clone(),
                    category_path: doc.category_path.clone(),
                })
                .collect()
        }
        None => store.library_annotations(None)?,
    };
    let mut documents: Vec<AnnotatedDocument> = Vec::new();
    let mut last_id = None;
    for a in &annotations {
        if last_id != Some(a.annotation.document_id) {
            last_id = Some(a.annotation.document_id);
            documents.push(AnnotatedDocument {
                title: a.document_title.clone(),
                category: a.category_path.clone(),
                annotations: Vec::new(),
            });
        }
        if let Some(doc) = documents.last_mut() {
            doc.annotations.push(ExportedAnnotation {
                quote: a.annotation.quote.clone(),
                note: a.annotation.note.clone(),
                color: a.annotation.color.as_str().into(),
                orphaned: a.annotation.state == AnchorState::Orphaned,
            });
        }
    }
    Ok((
        anchor::export_markdown(&documents),
        documents.len(),
        annotations.len(),
    ))
}

/// Writes [`export_markdown`] to `path` (replacing the file). Refuses when there
/// is nothing to export, so no empty file is left behind.
///
/// The path comes from the save dialog, through the webview: only an absolute
/// path to a Markdown or text file is written (".md" is added to a name without
/// an extension), so the command cannot be used to overwrite other files.
pub fn export_to_file(
    store: &Store,
    document_id: Option<DocumentId>,
    path: &Path,
) -> Result<ExportSummary> {
    let path = markdown_path(path)?;
    let (markdown, documents, annotations) = export_markdown(store, document_id)?;
    if annotations == 0 {
        return Err(Error::Invalid(match document_id {
            Some(_) => {
                "This text has no highlights to export yet. Select words and pick a colour.".into()
            }
            None => {
                "There are no highlights to export yet. Select words in a text and pick a colour."
                    .into()
            }
        }));
    }
    std::fs::write(&path, markdown).map_err(|e| {
        Error::Invalid(format!(
            "Could not write {}: {e}. Choose another place.",
            path.display()
        ))
    })?;
    Ok(ExportSummary {
        documents,
        annotations,
        path: path.display().to_string(),
    })
}

/// The file an export may write: `path` if it is absolute and names a ".md",
/// ".markdown" or ".txt" file, with ".md" added when it has no extension.
pub fn markdown_path(path: &Path) -> Result<PathBuf> {
    if !path.is_absolute() || path.file_name().is_none() {
        return Err(Error::Invalid(format!(
            "Cannot export to “{}”: choose a file in the save dialog.",
            path.display()
        )));
    }
    match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase) {
        None => Ok(path.with_extension("md")),
        Some(ext) if matches!(ext.as_str(), "md" | "markdown" | "txt") => Ok(path.to_path_buf()),
        Some(ext) => Err(Error::Invalid(format!(
            "Highlights are exported as Markdown; “.{ext}” is not a Markdown file. Name the file with “.md”."
        ))),
    }
}

/// After a document's text changed to `body` (its revision `revision`), in
/// the caller's transaction: every highlight is found again
/// ([`anchor::reanchor`]: at its old position, else its exact quote chosen by
/// context, else an edited version of it scoring at least
/// [`anchor::MIN_SCORE`]) and takes its new position and the quote and
/// context found there; the others become orphans, keeping the quote and note
/// they had (never moved to a guess). Orphans are tried again too, by their
/// quote. Returns how many are orphaned.
pub(crate) fn reanchor_document(
    tx: &Tx<'_>,
    document_id: DocumentId,
    body: &str,
    revision: i64,
    now: i64,
) -> Result<usize> {
    let stored = tx.document_highlights(document_id)?;
    if stored.is_empty() {
        return Ok(0);
    }
    let selectors: Vec<Selectors> = stored.iter().map(|h| h.selectors.clone()).collect();
    let anchorings = anchor::reanchor_all(body, &selectors);
    let mut orphaned = 0;
    for (old, anchoring) in stored.iter().zip(anchorings) {
        // What the highlight covers now: the new text and its context. (A range
        // that cannot be described would be a bug in the anchoring; the
        // highlight is then orphaned rather than the import failing.)
        let now_placed = match anchoring {
            anchor::Anchoring::Anchored { start, end, .. } => {
                Selectors::describe(body, start, end).ok()
            }
            anchor::Anchoring::Orphaned { .. } => None,
        };
        match now_placed
            .as_ref()
            .and_then(|s| s.position.map(|p| (p, &s.quote)))
        {
            Some((position, quote)) => {
                // The learner sees a change when the quote's words or its state changed, not a shift.
                let changed = old.selectors.quote.exact != quote.exact || old.state != "anchored";
                tx.place_highlight(old.id, position, quote, revision, changed, now)?;
            }
            None => {
                orphaned += 1;
                tx.orphan_highlight(old.id, now)?;
            }
        }
    }
    Ok(orphaned)
}

#[cfg(test)]
mod tests;
