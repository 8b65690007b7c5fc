//! Documents in the library: what a valid document is, how it is normalised, and
//! how re-adding the same text is recognised.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::ids::DocumentId;
use crate::store::Store;
use crate::time::now_ms;

/// A document as the user (or an importer) supplies it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NewDocument {
    pub title: String,
    pub author: Option<String>,
    /// From the root down, e.g. `["History", "Cold War"]`.
    pub category_path: Vec<String>,
    pub source: Option<String>,
    pub body: String,
}

/// What adding a document did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AddedDocument {
    pub id: DocumentId,
    /// False when an identical document was already in the library.
    pub created: bool,
}

/// What storing an imported document did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Upsert {
    /// A new document.
    Added { id: DocumentId },
    /// A known document (same source, or same title and no source) got new
    /// text; `revision` is its new revision number.
    Updated { id: DocumentId, revision: i64 },
    /// The same title and text were already there.
    Unchanged { id: DocumentId },
}

/// Stores an imported document in one transaction: nothing when the same
/// text is there already; a new revision of the known document when one has
/// the same source (or, lacking a source, the same title) — the old text goes
/// to `document_revisions`, that document's cards follow their source
/// sentences or, where those are gone, are flagged for a check, and its
/// highlights are re-anchored (or orphaned, never moved to a guess); otherwise
/// a new document. Never updates the documents in `fresh` (those an import has
/// just written: two records of one bulk file that share a source are two
/// documents, not two revisions).
pub fn upsert_document(
    store: &mut Store,
    doc: &ValidDocument,
    now: i64,
    fresh: &[DocumentId],
) -> Result<Upsert> {
    store.transact(|tx| {
        let outcome = tx.upsert_document_row(doc, now, fresh)?;
        if let Upsert::Updated { id, revision } = outcome {
            crate::cards::follow_new_text(tx, id, &doc.body, revision, now)?;
            crate::annotations::reanchor_document(tx, id, &doc.body, revision, now)?;
        }
        Ok(outcome)
    })
}

impl Upsert {
    pub fn id(self) -> DocumentId {
        match self {
            Upsert::Added { id } | Upsert::Updated { id, .. } | Upsert::Unchanged { id } => id,
        }
    }
}

/// One row of the library list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DocumentSummary {
    pub id: DocumentId,
    pub title: String,
    pub author: Option<String>,
    pub category_path: Vec<String>,
    pub word_count: u32,
    /// Unix milliseconds.
    #[ts(type = "number")]
    pub added_at: i64,
}

/// A document checked and normalised, ready for the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidDocument {
    pub title: String,
    pub author: Option<String>,
    pub category_path: Vec<String>,
    pub source: Option<String>,
    pub body: String,
    pub content_hash: String,
    pub word_count: u32,
    /// Where the text came from (`documents.source_format`).
    pub format: SourceFormat,
    /// The reader's structure; `body` is exactly the blocks' texts joined by a
    /// blank line. `None` for documents typed in by hand (plain paragraphs).
    pub blocks: Option<Vec<Block>>,
    /// Tags to attach (from Markdown front matter or a bulk record).
    pub tags: Vec<String>,
}

/// How a document entered the library: the values of `documents.source_format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum SourceFormat {
    Manual,
    Text,
    Markdown,
    Html,
    Json,
    /// Cards imported from an Anki package (one document per deck).
    Apkg,
    /// Cards imported from a CSV file.
    Csv,
}

impl SourceFormat {
    pub fn as_str(self) -> &'static str {
        match self {
            SourceFormat::Manual => "manual",
            SourceFormat::Text => "text",
            SourceFormat::Markdown => "markdown",
            SourceFormat::Html => "html",
            SourceFormat::Json => "json",
            SourceFormat::Apkg => "apkg",
            SourceFormat::Csv => "csv",
        }
    }

    /// The format stored in the database; formats this Clio does not produce
    /// (e.g. a later version's) read as `Manual`.
    pub fn from_db(value: &str) -> SourceFormat {
        match value {
            "text" => SourceFormat::Text,
            "markdown" => SourceFormat::Markdown,
            "html" => SourceFormat::Html,
            "json" => SourceFormat::Json,
            "apkg" => SourceFormat::Apkg,
            "csv" => SourceFormat::Csv,
            _ => SourceFormat::Manual,
        }
    }
}

/// What a block of the reader's structure is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    Paragraph,
    Heading,
    ListItem,
    Quote,
}

/// One block of a document as the reader shows it. Plain text only: there is
/// no markup inside a block, so the stored structure cannot carry script.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Block {
    pub kind: BlockKind,
    pub text: String,
}

impl Block {
    pub fn new(kind: BlockKind, text: impl Into<String>) -> Block {
        Block {
            kind,
            text: text.into(),
        }
    }

    pub fn paragraph(text: impl Into<String>) -> Block {
        Block::new(BlockKind::Paragraph, text)
    }
}

/// The body that blocks stand for: their texts joined by a blank line.
pub fn body_of_blocks(blocks: &[Block]) -> String {
    blocks
        .iter()
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// A whole document as stored, for the reader.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Document {
    pub id: DocumentId,
    pub title: String,
    pub author: Option<String>,
    pub category_path: Vec<String>,
    pub source: Option<String>,
    pub format: SourceFormat,
    pub body: String,
    /// Plain paragraphs of `body` when the document has no stored structure.
    pub blocks: Vec<Block>,
    pub tags: Vec<String>,
    #[ts(type = "number")]
    pub revision: i64,
    #[ts(type = "number")]
    pub created_at: i64,
    #[ts(type = "number")]
    pub updated_at: i64,
}

/// An earlier text of a document, kept when an edited version replaced it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DocumentRevision {
    #[ts(type = "number")]
    pub revision: i64,
    pub title: String,
    pub body: String,
    pub content_hash: String,
    #[ts(type = "number")]
    pub replaced_at: i64,
}

impl NewDocument {
    /// Trims fields, turns blank optional fields into `None`, normalises line
    /// breaks and paragraph gaps, and rejects a document without title or text.
    pub fn validate(self) -> Result<ValidDocument> {
        let title = collapse_spaces(&self.title);
        if title.is_empty() {
            return Err(Error::Invalid(
                "The title is empty. Give the document a title.".into(),
            ));
        }
        let body = normalise_body(&self.body);
        if body.is_empty() {
            return Err(Error::Invalid(format!(
                "“{title}” has no text. Paste or type the text to keep."
            )));
        }
        let category_path = self
            .category_path
            .iter()
            .map(|name| collapse_spaces(name))
            .filter(|name| !name.is_empty())
            .collect();
        let content_hash = content_hash(&title, &body);
        let word_count = body.split_whitespace().count().min(u32::MAX as usize) as u32;
        Ok(ValidDocument {
            title,
            author: non_blank(self.author),
            category_path,
            source: non_blank(self.source),
            body,
            content_hash,
            word_count,
            format: SourceFormat::Manual,
            blocks: None,
            tags: Vec::new(),
        })
    }

    /// Validates a document whose text comes as blocks (an importer's output):
    /// each block's text is collapsed to one line, empty blocks are dropped, and
    /// the body becomes exactly the blocks' texts joined by a blank line.
    pub fn validate_blocks(
        mut self,
        format: SourceFormat,
        blocks: Vec<Block>,
        tags: Vec<String>,
    ) -> Result<ValidDocument> {
        let blocks: Vec<Block> = blocks
            .into_iter()
            .map(|b| Block {
                kind: b.kind,
                text: collapse_spaces(&b.text),
            })
            .filter(|b| !b.text.is_empty())
            .collect();
        self.body = body_of_blocks(&blocks);
        let mut valid = self.validate()?;
        // One-line blocks joined by blank lines are already normal; the check
        // keeps the invariant honest should normalisation ever change.
        debug_assert_eq!(valid.body, body_of_blocks(&blocks));
        let blocks = if valid.body == body_of_blocks(&blocks) {
            blocks
        } else {
            valid.body.split("\n\n").map(Block::paragraph).collect()
        };
        let mut seen = std::collections::HashSet::new();
        valid.tags = tags
            .iter()
            .map(|t| collapse_spaces(t))
            .filter(|t| !t.is_empty() && seen.insert(t.to_lowercase()))
            .collect();
        valid.format = format;
        valid.blocks = Some(blocks);
        Ok(valid)
    }
}

/// A category of the library tree with its document counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CategoryCount {
    /// From the root down.
    pub path: Vec<String>,
    /// Documents filed directly in this category.
    #[ts(type = "number")]
    pub documents: u64,
    /// Documents in this category and all below it.
    #[ts(type = "number")]
    pub total: u64,
}

/// The category tree, depth first (a parent before its children, siblings by
/// name), leaving out categories with no documents at or below them.
pub fn category_tree(store: &Store) -> Result<Vec<CategoryCount>> {
    let mut direct = store.category_document_counts()?;
    direct.sort();
    let tree = direct
        .iter()
        .map(|(path, documents)| CategoryCount {
            path: path.clone(),
            documents: *documents,
            total: direct
                .iter()
                .filter(|(other, _)| other.starts_with(path))
                .map(|(_, n)| n)
                .sum(),
        })
        .filter(|category| category.total > 0)
        .collect();
    Ok(tree)
}

pub fn get_document(store: &Store, id: DocumentId) -> Result<Document> {
    store.document(id)
}

pub fn delete_document(store: &mut Store, id: DocumentId) -> Result<()> {
    store.delete_document(id, now_ms())
}

/// Adds a document unless the same title and text are already there.
pub fn add_document(store: &mut Store, doc: NewDocument) -> Result<AddedDocument> {
    let doc = doc.validate()?;
    let now = now_ms();
    let added = store.add_document(&doc, now)?;
    if added.created {
        // Suggestions are a convenience: if writing them fails, the reader
        // writes them when the document is opened, so the add still succeeds.
        let _ = crate::cards::suggest_for_document(store, added.id, now);
    }
    Ok(added)
}

pub fn list_documents(store: &Store) -> Result<Vec<DocumentSummary>> {
    store.list_documents()
}

/// Splits a written category path ("History -> Cold War", "History / Cold War",
/// "History > Cold War", "History › Cold War") into its levels.
pub fn parse_category_path(text: &str) -> Vec<String> {
    text.split("->")
        .flat_map(|part| part.split(['/', '>', '›']))
        .map(collapse_spaces)
        .filter(|name| !name.is_empty())
        .collect()
}

fn non_blank(value: Option<String>) -> Option<String> {
    value.map(|v| collapse_spaces(&v)).filter(|v| !v.is_empty())
}

fn collapse_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Paragraphs separated by exactly one blank line; spaces inside a line kept as
/// typed, trailing spaces and blank runs removed.
fn normalise_body(body: &str) -> String {
    let unified = body.replace("\r\n", "\n").replace('\r', "\n");
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in unified.lines().map(str::trim_end) {
        if line.trim().is_empty() {
            if !current.is_empty() {
                paragraphs.push(current.join("\n"));
                current.clear();
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        paragraphs.push(current.join("\n"));
    }
    paragraphs.join("\n\n")
}

/// SHA-256 of title and body: the same text added twice is recognised.
fn content_hash(title: &str, body: &str) -> String {
    let mut hasher = Sha256::new();
    hasher.update(title.as_bytes());
    hasher.update([0u8]);
    hasher.update(body.as_bytes());
    format!("{:x}", hasher.finalize())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(title: &str, body: &str) -> NewDocument {
        NewDocument {
            title: title.into(),
            author: None,
            category_path: vec![],
            source: None,
            body: body.into(),
        }
    }

    #[test]
    fn validation_trims_and_normalises() {
        let valid = NewDocument {
            title: "  Why did the\tSino-Soviet split happen? ".into(),
            author: Some("   ".into()),
            category_path: vec![" History ".into(), "".into(), "Cold  War".into()],
            source: Some(" https://example.org/q/1 ".into()),
            body: "First paragraph.  \r\n\r\n\r\n\r\nSecond one\r\ncontinues.\n\n".into(),
        }
        .validate()
        .unwrap();
        assert_eq!(valid.title, "Why did the Sino-Soviet split happen?");
        assert_eq!(valid.author, None);
        assert_eq!(valid.category_path, vec!["History", "Cold War"]);
        assert_eq!(valid.source.as_deref(), Some("https://example.org/q/1"));
        assert_eq!(valid.body, "First paragraph.\n\nSecond one\ncontinues.");
        assert_eq!(valid.word_count, 5);
    }

    #[test]
    fn category_paths_split_on_every_usual_separator() {
        assert_eq!(
            parse_category_path("History -> Modern and Contemporary History"),
            vec!["History", "Modern and Contemporary History"]
        );
        assert_eq!(
            parse_category_path(" History/ Cold War >Berlin › 1948 "),
            vec!["History", "Cold War", "Berlin", "1948"]
        );
        assert!(parse_category_path("  ->  / ").is_empty());
    }

    #[test]
    fn empty_title_or_body_is_refused_with_a_reason() {
        let err = doc("  ", "text").validate().unwrap_err().to_string();
        assert!(err.contains("title is empty"), "{err}");
        let err = doc("Yalta", " \n\n ").validate().unwrap_err().to_string();
        assert!(err.contains("“Yalta” has no text"), "{err}");
    }

    #[test]
    fn same_text_hashes_alike_and_different_text_not() {
        let a = doc("Title", "Body\r\n\r\nMore").validate().unwrap();
        let b = doc(" Title ", "Body\n\n\n\nMore  ").validate().unwrap();
        let c = doc("Title", "Body\n\nMore!").validate().unwrap();
        assert_eq!(a.content_hash, b.content_hash);
        assert_ne!(a.content_hash, c.content_hash);
        assert_eq!(a.content_hash.len(), 64);
    }
}
