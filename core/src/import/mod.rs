//! Import: real-world files turned into clean documents, safely, and stored
//! with de-duplication and revisions.
//!
//! Formats: scraped HTML pages, the saved-text form of such pages, Markdown with
//! YAML front matter, plain text, JSON for bulk (an array of objects with
//! `title`, `author`, `category`, `body`, `source`, `tags`; or JSON Lines), and
//! folders of those (recursive). Each file is read (`decode`), recognised
//! (`detect`), parsed into a [`ParsedDocument`] — title, author, category path
//! and the body as [`Block`]s with page noise removed (`noise`) — and stored by
//! [`crate::library::upsert_document`], one transaction per document.
//!
//! Nothing imported can run script: HTML is sanitised with `ammonia` before any
//! text is read from it, and what is stored is plain text in blocks.

mod decode;
mod detect;
mod folder;
mod html;
mod json;
mod markdown;
mod nesting;
mod noise;
mod plain;
mod saved_text;

use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use serde::Serialize;
use ts_rs::TS;

use crate::ids::DocumentId;
use crate::library::{body_of_blocks, Block, NewDocument, SourceFormat, Upsert};
use crate::store::Store;

pub use decode::MAX_FILE_BYTES;
pub use detect::Format;

/// A document as an importer read it, before validation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ParsedDocument {
    pub doc: NewDocument,
    pub format: SourceFormat,
    pub blocks: Vec<Block>,
    pub tags: Vec<String>,
    /// Notes on what the reader left out (other answers on a Q&A page),
    /// reported as warnings when the document is imported.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// One document (or one failed record) of a parsed file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ParsedRecord {
    /// 1-based position in a bulk file; `None` for single-document files.
    pub record: Option<usize>,
    pub result: Result<ParsedDocument, String>,
}

/// What a file holds, read but not stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Parsed {
    pub format: Format,
    pub records: Vec<ParsedRecord>,
    pub warnings: Vec<String>,
}

/// A document the import stored, updated or found already there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportedItem {
    pub id: DocumentId,
    pub title: String,
    pub file: Option<String>,
    #[ts(type = "number | null")]
    pub record: Option<usize>,
    /// How many card suggestions the import wrote for it; none when it wrote
    /// none (unchanged, or left for later).
    #[ts(type = "number | null")]
    pub suggested_cards: Option<usize>,
}

/// Something that went wrong (or is worth knowing), with where and what to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportProblem {
    pub file: Option<String>,
    /// 1-based record number in a bulk file.
    #[ts(type = "number | null")]
    pub record: Option<usize>,
    pub message: String,
}

impl fmt::Display for ImportProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.file, self.record) {
            (Some(file), Some(n)) => write!(f, "{file}, record {n}: {}", self.message),
            (Some(file), None) => write!(f, "{file}: {}", self.message),
            (None, Some(n)) => write!(f, "record {n}: {}", self.message),
            (None, None) => write!(f, "{}", self.message),
        }
    }
}

/// What an import did. Documents that failed are in `problems` and were not
/// stored at all; `warnings` are notes on what was stored or skipped.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportReport {
    pub added: Vec<ImportedItem>,
    pub updated: Vec<ImportedItem>,
    pub unchanged: Vec<ImportedItem>,
    pub problems: Vec<ImportProblem>,
    pub warnings: Vec<ImportProblem>,
    /// Stored texts whose card suggestions are left for later (a large import
    /// writes the first [`INLINE_SUGGESTIONS`] at once; see `cards::write_pending_suggestions`).
    #[ts(type = "number")]
    pub suggestions_pending: usize,
}

/// How many texts of one import get their card suggestions written at once.
/// Writing them costs about as much as importing (the generator reads every
/// sentence), so a folder of thousands is stored quickly and the rest are
/// written afterwards: by the window in the background, or when a text is opened.
pub const INLINE_SUGGESTIONS: usize = 20;

impl ImportReport {
    /// "3 added, 1 updated, 2 unchanged, 1 problem, 1 warning".
    pub fn summary(&self) -> String {
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        format!(
            "{} added, {} updated, {} unchanged, {}, {}",
            self.added.len(),
            self.updated.len(),
            self.unchanged.len(),
            plural(self.problems.len(), "problem"),
            plural(self.warnings.len(), "warning")
        )
    }

    /// Adds another report's items and problems to this one.
    pub fn merge(&mut self, other: ImportReport) {
        self.suggestions_pending += other.suggestions_pending;
        self.added.extend(other.added);
        self.updated.extend(other.updated);
        self.unchanged.extend(other.unchanged);
        self.problems.extend(other.problems);
        self.warnings.extend(other.warnings);
    }

    fn problem(&mut self, file: Option<&str>, record: Option<usize>, message: impl Into<String>) {
        self.problems.push(ImportProblem {
            file: file.map(str::to_owned),
            record,
            message: message.into(),
        });
    }

    fn warning(&mut self, file: Option<&str>, record: Option<usize>, message: impl Into<String>) {
        self.warnings.push(ImportProblem {
            file: file.map(str::to_owned),
            record,
            message: message.into(),
        });
    }
}

/// Imports a file, or every importable file under a folder (recursively;
/// hidden files are skipped, and files of other kinds are skipped with a note).
pub fn import_path(store: &mut Store, path: &Path, now: i64) -> ImportReport {
    let mut report = ImportReport::default();
    for (file, explicit) in files_of(path, &mut report) {
        report.merge(import_file(store, &file, explicit, now));
    }
    suggest_cards(store, report, now)
}

/// A document as `clio import --dry-run --json` prints it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DryRunDocument {
    pub title: String,
    pub author: Option<String>,
    pub category: Vec<String>,
    /// Plain text, paragraphs separated by a blank line.
    pub body: String,
    pub source: Option<String>,
}

/// Reads what [`import_path`] would import, storing nothing. Files that would
/// fail are in the report's problems, as an import would report them.
pub fn dry_run(path: &Path) -> (Vec<DryRunDocument>, ImportReport) {
    let mut report = ImportReport::default();
    let mut documents = Vec::new();
    for (file, explicit) in files_of(path, &mut report) {
        let shown = file.display().to_string();
        let format = detect::by_extension(&file);
        if format.is_none() && !explicit {
            report.warning(Some(&shown), None, detect::unknown_kind_note(&file));
            continue;
        }
        let parsed = match parse_file_as(&file, format) {
            Ok(parsed) => parsed,
            Err(message) => {
                report.problem(Some(&shown), None, message);
                continue;
            }
        };
        for warning in parsed.warnings {
            report.warning(Some(&shown), None, warning);
        }
        for ParsedRecord { record, result } in parsed.records {
            if let Ok(p) = &result {
                for note in &p.notes {
                    report.warning(Some(&shown), record, note.clone());
                }
            }
            match result.and_then(|p| p.doc.validate().map_err(|e| e.to_string())) {
                Ok(doc) => documents.push(DryRunDocument {
                    title: doc.title,
                    author: doc.author,
                    category: doc.category_path,
                    body: doc.body,
                    source: doc.source,
                }),
                Err(message) => report.problem(Some(&shown), record, message),
            }
        }
    }
    (documents, report)
}

/// The files an import of `path` reads, each with whether it was named
/// explicitly (a named file of unknown kind is still tried); unreadable paths
/// and skipped files go into `report`.
fn files_of(path: &Path, report: &mut ImportReport) -> Vec<(PathBuf, bool)> {
    let shown = path.display().to_string();
    match fs::metadata(path) {
        Err(e) => {
            report.problem(
                Some(&shown),
                None,
                format!("could not be read ({e}). Check the path and that you may read it."),
            );
            Vec::new()
        }
        Ok(meta) if meta.is_dir() => {
            let walk = folder::walk(path);
            for (file, message) in walk.problems {
                report.problem(Some(&file), None, message);
            }
            for (file, message) in walk.skipped {
                report.warning(Some(&file), None, message);
            }
            walk.files.into_iter().map(|file| (file, false)).collect()
        }
        Ok(_) => vec![(path.to_owned(), true)],
    }
}

/// The plain text of a rich-text snippet from another program (an Anki
/// field): sanitised like every imported page, line breaks and block ends
/// kept as newlines, runs of spaces collapsed, entities decoded.
pub fn snippet_text(html: &str) -> String {
    let mut marked = String::with_capacity(html.len());
    let lower = html.to_ascii_lowercase();
    let mut rest = 0;
    // A line break inside a field is a tag, not a newline: mark each before parsing.
    for (at, _) in lower.match_indices('<') {
        let tag = &lower[at..];
        let breaks = ["<br", "</div", "</p>", "</li", "<div", "<p>", "<li"]
            .iter()
            .any(|t| tag.starts_with(t));
        if breaks {
            marked.push_str(&html[rest..at]);
            marked.push('\n');
            rest = at;
        }
    }
    marked.push_str(&html[rest..]);
    html::fragment_text(&marked)
        .lines()
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Imports pasted text: HTML, Markdown, JSON or plain text, recognised from
/// the text itself. `origin` (a URL or name) becomes the document's source.
pub fn import_text(store: &mut Store, text: &str, origin: Option<&str>, now: i64) -> ImportReport {
    if text.trim().is_empty() {
        let mut report = ImportReport::default();
        report.problem(
            origin,
            None,
            "The pasted text is empty. Paste the page or text to keep.",
        );
        return report;
    }
    if text.len() as u64 > MAX_FILE_BYTES {
        let mut report = ImportReport::default();
        report.problem(
            origin,
            None,
            format!(
                "The pasted text is too large to import ({:.1} MB; the limit is {} MB). Paste only the article you want, or save it as a file and split it.",
                text.len() as f64 / 1_048_576.0,
                MAX_FILE_BYTES / 1_048_576
            ),
        );
        return report;
    }
    let parsed = parse_text(text, origin, None);
    let label = origin.unwrap_or("pasted text");
    let report = store_parsed(store, parsed, label, None, now);
    suggest_cards(store, report, now)
}

/// Imports a text that has a name but no file of its own (one built into Clio).
pub fn import_named_text(
    store: &mut Store,
    name: &str,
    text: &str,
    format: Format,
    now: i64,
) -> ImportReport {
    let parsed = parse_as(format, text, None, Some(name));
    let report = store_parsed(store, parsed, name, Some(name), now);
    suggest_cards(store, report, now)
}

/// Reads and parses a file without storing it (the `import_file` example
/// prints this). The error names what is wrong with the file and what to do.
pub fn parse_file(path: &Path) -> Result<Parsed, String> {
    parse_file_as(path, detect::by_extension(path))
}

fn parse_file_as(path: &Path, format: Option<Format>) -> Result<Parsed, String> {
    let bytes = decode::read_limited(path)?;
    let decoded = decode::decode(&bytes, format == Some(Format::Html))?;
    let source = fs::canonicalize(path)
        .unwrap_or_else(|_| path.to_owned())
        .display()
        .to_string();
    let name = path.file_stem().map(|s| s.to_string_lossy().into_owned());
    let format = format.unwrap_or_else(|| detect::sniff(&decoded.text));
    let mut parsed = parse_as(format, &decoded.text, Some(&source), name.as_deref());
    if let Some(warning) = decoded.warning {
        parsed.warnings.insert(0, warning);
    }
    Ok(parsed)
}

/// Parses text of a known (or, with `None`, sniffed) format. `source` is where
/// it came from.
pub fn parse_text(text: &str, source: Option<&str>, format: Option<Format>) -> Parsed {
    parse_named_text(text, source, None, format)
}

/// [`parse_text`], with a `name` (a file's name) that stands in for a missing title
/// as it does for an imported file.
pub fn parse_named_text(
    text: &str,
    source: Option<&str>,
    name: Option<&str>,
    format: Option<Format>,
) -> Parsed {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let format = format.unwrap_or_else(|| detect::sniff(text));
    parse_as(format, text, source, name)
}

/// The prose of a plain text to write cards from: a saved Q&A page's answer
/// without its page furniture (title, category, author, greeting, controls);
/// any other text as it is, every line of it (a plain text's first line is
/// prose too, not only a title).
pub fn prose_of_text(text: &str) -> String {
    if let Some((_, rest)) = plain::labelled_header(text) {
        return rest.trim().to_owned();
    }
    match saved_text::parse(text, None) {
        Some(page) => crate::library::body_of_blocks(&page.blocks),
        None => text.to_owned(),
    }
}

fn parse_as(format: Format, text: &str, source: Option<&str>, name: Option<&str>) -> Parsed {
    let one = |result: Result<ParsedDocument, String>| {
        vec![ParsedRecord {
            record: None,
            result,
        }]
    };
    let mut warnings = Vec::new();
    let records = match format {
        Format::Html => one(html::parse_page(text, source, name)),
        Format::Markdown => {
            let (result, warning) = markdown::parse(text, source, name);
            warnings.extend(warning);
            one(result)
        }
        // A labelled header says what the text is; only without one is the
        // text read as a saved page by its shape.
        Format::Text => one(match plain::labelled_header(text) {
            Some(_) => plain::parse(text, source, name),
            None => {
                saved_text::parse(text, source).map_or_else(|| plain::parse(text, source, name), Ok)
            }
        }),
        Format::Json => json::parse(text, false),
        Format::JsonLines => json::parse(text, true),
    };
    let records = records
        .into_iter()
        .map(|mut r| {
            if let Ok(doc) = &mut r.result {
                doc.doc.body = body_of_blocks(&doc.blocks);
            }
            r
        })
        .collect();
    Parsed {
        format,
        records,
        warnings,
    }
}

fn import_file(store: &mut Store, path: &Path, explicit: bool, now: i64) -> ImportReport {
    let shown = path.display().to_string();
    let format = detect::by_extension(path);
    if format.is_none() && !explicit {
        let mut report = ImportReport::default();
        report.warning(Some(&shown), None, detect::unknown_kind_note(path));
        return report;
    }
    match parse_file_as(path, format) {
        Ok(parsed) => store_parsed(store, parsed, &shown, Some(&shown), now),
        Err(message) => {
            let mut report = ImportReport::default();
            report.problem(Some(&shown), None, message);
            report
        }
    }
}

fn store_parsed(
    store: &mut Store,
    parsed: Parsed,
    label: &str,
    file: Option<&str>,
    now: i64,
) -> ImportReport {
    let mut report = ImportReport::default();
    for warning in parsed.warnings {
        report.warning(Some(label), None, warning);
    }
    let mut empty = true;
    for ParsedRecord { record, result } in parsed.records {
        empty = false;
        let parsed = match result {
            Ok(parsed) => parsed,
            Err(message) => {
                report.problem(Some(label), record, message);
                continue;
            }
        };
        for note in &parsed.notes {
            report.warning(Some(label), record, note.clone());
        }
        let valid = match parsed
            .doc
            .validate_blocks(parsed.format, parsed.blocks, parsed.tags)
        {
            Ok(valid) => valid,
            Err(e) => {
                report.problem(
                    Some(label),
                    record,
                    format!("{e} Nothing of it was imported."),
                );
                continue;
            }
        };
        let item = |id| ImportedItem {
            id,
            title: valid.title.clone(),
            file: file.map(str::to_owned),
            record,
            suggested_cards: None,
        };
        let fresh: Vec<DocumentId> = report
            .added
            .iter()
            .chain(&report.updated)
            .map(|i| i.id)
            .collect();
        match crate::library::upsert_document(store, &valid, now, &fresh) {
            Ok(Upsert::Added { id }) => report.added.push(item(id)),
            Ok(Upsert::Updated { id, .. }) => report.updated.push(item(id)),
            Ok(Upsert::Unchanged { id }) => report.unchanged.push(item(id)),
            Err(e) => report.problem(
                Some(label),
                record,
                format!("could not be stored ({e}). Nothing of it was written; try again, and report it if it persists."),
            ),
        }
    }
    if empty {
        report.problem(
            Some(label),
            None,
            "holds no documents. Check that it is the file you meant to import.",
        );
    }
    report
}

/// Writes the card suggestions of the first [`INLINE_SUGGESTIONS`] texts the
/// import stored, and counts the rest as pending. A failure costs nothing that
/// was imported: the reader writes them when the text is opened.
fn suggest_cards(store: &mut Store, mut report: ImportReport, now: i64) -> ImportReport {
    let stored: Vec<ImportedItem> = report
        .added
        .iter()
        .chain(&report.updated)
        .cloned()
        .collect();
    for item in stored.iter().take(INLINE_SUGGESTIONS) {
        match crate::cards::suggest_for_document(store, item.id, now) {
            Ok(written) => {
                for listed in report.added.iter_mut().chain(report.updated.iter_mut()) {
                    if listed.id == item.id {
                        listed.suggested_cards = Some(written);
                    }
                }
            }
            Err(e) => {
                let label = item.file.clone().unwrap_or_else(|| item.title.clone());
                report.warning(
                    Some(&label),
                    item.record,
                    format!("was imported, but its card suggestions could not be written ({e}); they will be written when you open it."),
                );
            }
        }
    }
    report.suggestions_pending = stored.len().saturating_sub(INLINE_SUGGESTIONS);
    report
}
