//! Documents in the library: what a valid document is, how it is normalised, and
//! how re-adding the same text is recognised.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

use crate::error::{Error, Result};
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
    #[ts(type = "number")]
    pub id: i64,
    /// False when an identical document was already in the library.
    pub created: bool,
}

/// One row of the library list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DocumentSummary {
    #[ts(type = "number")]
    pub id: i64,
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
}

impl NewDocument {
    /// Trims fields, turns blank optional fields into `None`, normalises line
    /// breaks and paragraph gaps, and rejects a document without title or text.
    pub fn validate(self) -> Result<ValidDocument> {
        let title = collapse_spaces(&self.title);
        if title.is_empty() {
            return Err(Error::Invalid("The title is empty. Give the document a title.".into()));
        }
        let body = normalise_body(&self.body);
        if body.is_empty() {
            return Err(Error::Invalid(format!("“{title}” has no text. Paste or type the text to keep.")));
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
        })
    }
}

/// Adds a document unless the same title and text are already there.
pub fn add_document(store: &mut Store, doc: NewDocument) -> Result<AddedDocument> {
    let doc = doc.validate()?;
    store.add_document(&doc, now_ms())
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
        assert_eq!(parse_category_path(" History/ Cold War >Berlin › 1948 "), vec!["History", "Cold War", "Berlin", "1948"]);
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
