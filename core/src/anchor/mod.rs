//! Anchoring highlights to a document's text, following the W3C Web Annotation
//! model: a highlight remembers *what* it covered (a quote with some context) and
//! *where* (code-point offsets), so it can be found again after the text changes.
//!
//! - [`selectors`]: the two selectors and how to describe a range of a text;
//! - [`offsets`]: UTF-16 (the webview's DOM ranges) ↔ code points (the database)
//!   ↔ UTF-8 bytes (Rust strings), for one text and for a body made of blocks;
//! - [`reanchor`]: finding a highlight again in a changed text — at its old
//!   position, at another copy of its quote, or by approximate search ([`fuzzy`]),
//!   and otherwise declaring it orphaned rather than guessing;
//! - [`markdown`]: exporting highlights and notes as Markdown.
//!
//! Everything here is pure and deterministic: no I/O, the same input gives the
//! same answer. All offsets stored or returned count Unicode code points in
//! `documents.body` unless a name says otherwise (`utf16`, `byte`).

mod fuzzy;
pub mod markdown;
pub mod offsets;
#[cfg(test)]
mod proptests;
pub mod reanchor;
pub mod selectors;
mod similarity;

pub use markdown::{export_markdown, AnnotatedDocument, ExportedAnnotation};
pub use offsets::BlockMap;
pub use reanchor::{reanchor, reanchor_all, Anchoring, Method, MIN_SCORE};
pub use selectors::{Selectors, TextPositionSelector, TextQuoteSelector, CONTEXT_LEN};
