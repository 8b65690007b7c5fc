//! Cards as CSV, for spreadsheets.
//!
//! ## Format
//! UTF-8 with a byte-order mark (so spreadsheet programs read accents right),
//! comma-separated, quoted as RFC 4180 (a field with a comma, quote or line
//! break is quoted; a quote inside is doubled). The first row names the
//! columns:
//!
//! `prompt, answer, kind, tags, source, document, category, choices`
//!
//! - `kind`: question, cloze (the blank written `_____`), multiple_choice or
//!   true_false;
//! - `tags`: space-separated;
//! - `source`: the sentence the card came from;
//! - `document`, `category`: its document's title and category path
//!   ("History -> Cold War");
//! - `choices`: a multiple-choice card's options, one a line.
//!
//! ## Import
//! Only `prompt` and `answer` are required; columns may come in any order and
//! unknown ones are refused (a misspelt name would lose data). A missing
//! `kind` is a question. Cards are grouped by `category` and `document`
//! into documents as [`crate::interchange`] describes; rows without a
//! document go to a document named after the file. `source` is not stored:
//! an imported card's source is its paragraph. A bad row (wrong number of
//! fields, an empty prompt, an unknown kind) is an error naming its line, and
//! nothing of the file is imported.

use std::collections::BTreeMap;
use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::Path;

use crate::cards::CardKind;
use crate::error::{Error, Result};
use crate::interchange::{
    self, CardExportReport, CardImportReport, ExportScope, IncomingCard, IncomingGroup, Phase,
    Progress,
};
use crate::library::{parse_category_path, SourceFormat};
use crate::store::Store;

/// The columns an export writes, in order.
pub const COLUMNS: [&str; 8] = [
    "prompt", "answer", "kind", "tags", "source", "document", "category", "choices",
];

/// Writes the accepted cards of `scope` to a CSV file at `path` (through a
/// temporary file beside it, so `path` is never half-written).
pub fn export_csv(
    store: &Store,
    scope: &ExportScope,
    path: &Path,
    progress: &mut dyn FnMut(Progress),
) -> Result<CardExportReport> {
    let cards = interchange::cards_for_export(store, scope, false)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "cards.csv".into());
    let partial = path.with_file_name(format!(".{name}.partial"));
    if let Some(dir) = path.parent() {
        crate::export::remove_stale_partials(dir, &[".csv"]);
    }
    let total = cards.len() as u64;
    let written = (|| -> std::io::Result<()> {
        let mut out = BufWriter::new(File::create(&partial)?);
        out.write_all("\u{feff}".as_bytes())?;
        let mut csv = csv::Writer::from_writer(out);
        csv.write_record(COLUMNS)?;
        for (i, card) in cards.iter().enumerate() {
            let cells = [
                as_text(&card.prompt),
                as_text(&card.answer),
                card.kind.as_str().into(),
                as_text(&card.tags),
                as_text(card.source_text.as_deref().unwrap_or_default()),
                as_text(card.document_title.as_deref().unwrap_or_default()),
                as_text(&card.category_path.join(" -> "))
                    .into_owned()
                    .into(),
                as_text(
                    &card
                        .choices
                        .iter()
                        .map(|c| as_text(c))
                        .collect::<Vec<_>>()
                        .join("\n"),
                )
                .into_owned()
                .into(),
            ];
            csv.write_record(cells.iter().map(|c| c.as_bytes()))?;
            let done = i as u64 + 1;
            if done % 500 == 0 || done == total {
                progress(Progress {
                    phase: Phase::Writing,
                    done,
                    total,
                });
            }
        }
        let out = csv.into_inner().map_err(|e| e.into_error())?;
        out.into_inner().map_err(|e| e.into_error())?.sync_all()?;
        fs::rename(&partial, path)
    })();
    if let Err(e) = written {
        let _ = fs::remove_file(&partial);
        return Err(crate::store::file_error(
            "could not write the CSV file",
            path,
            e,
        ));
    }
    Ok(CardExportReport {
        path: path.display().to_string(),
        size_bytes: fs::metadata(path).map(|m| m.len()).unwrap_or(0),
        cards: total,
        reviews: 0,
        with_scheduling: false,
    })
}

/// The characters that make a spreadsheet read a cell as a formula.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A cell a spreadsheet shows as text: one that would start a formula
/// ("=HYPERLINK(…)" in a pasted page, or just "-44 BC") gets a leading
/// apostrophe, the spreadsheets' own mark for "this is text" (OWASP's advice
/// against CSV injection). [`from_text`] takes it off again on import.
fn as_text(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(FORMULA_STARTS) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// A cell as it was before [`as_text`].
fn from_text(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_STARTS) => rest,
        _ => cell,
    }
}

/// A kind as a CSV cell names it; `None` for a name Clio does not know.
fn parse_kind(text: &str) -> Option<CardKind> {
    match text.trim().to_lowercase().replace([' ', '-'], "_").as_str() {
        "" | "question" | "basic" => Some(CardKind::Question),
        "cloze" => Some(CardKind::Cloze),
        "multiple_choice" => Some(CardKind::MultipleChoice),
        "true_false" | "true/false" => Some(CardKind::TrueFalse),
        _ => None,
    }
}

/// Reads a CSV file of cards into groups (see the module docs); the first
/// bad row is an error naming its line.
pub fn read_csv(path: &Path, text: &str) -> Result<Vec<IncomingGroup>> {
    let shown = path.display();
    let bad = |line: u64, why: String| {
        Error::Invalid(format!(
            "{shown}, line {line}: {why}. Fix the line and import again; nothing was imported."
        ))
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| bad(1, format!("the header row cannot be read ({e})")))?
        .iter()
        .map(|h| h.trim().to_lowercase())
        .collect();
    if let Some(unknown) = headers.iter().find(|h| !COLUMNS.contains(&h.as_str())) {
        return Err(bad(
            1,
            format!(
                "the column “{unknown}” is not one Clio knows (they are: {})",
                COLUMNS.join(", ")
            ),
        ));
    }
    let column = |name: &str| headers.iter().position(|h| h == name);
    let (Some(prompt_at), Some(answer_at)) = (column("prompt"), column("answer")) else {
        return Err(bad(
            1,
            "the first row must name the columns, with at least “prompt” and “answer”".into(),
        ));
    };
    let fallback = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "Cards".into());
    let mut groups: BTreeMap<(Vec<String>, String), IncomingGroup> = BTreeMap::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line());
            bad(line, format!("it cannot be read as CSV ({e})"))
        })?;
        let line = record.position().map_or(0, |p| p.line());
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        if record.len() != headers.len() {
            return Err(bad(
                line,
                format!(
                    "it has {} fields, but the header names {}",
                    record.len(),
                    headers.len()
                ),
            ));
        }
        let cell =
            |name: &str| from_text(column(name).and_then(|i| record.get(i)).unwrap_or_default());
        let prompt = from_text(record.get(prompt_at).unwrap_or_default());
        if prompt.trim().is_empty() {
            return Err(bad(line, "the prompt is empty".into()));
        }
        let kind = parse_kind(cell("kind")).ok_or_else(|| {
            bad(
                line,
                format!(
                    "the kind “{}” is not question, cloze, multiple_choice or true_false",
                    cell("kind")
                ),
            )
        })?;
        let choices: Vec<String> = cell("choices")
            .lines()
            .map(|c| from_text(c.trim()))
            .filter(|c| !c.is_empty())
            .map(str::to_owned)
            .collect();
        let document = cell("document").trim();
        let category = parse_category_path(cell("category"));
        let title = if document.is_empty() {
            fallback.clone()
        } else {
            document.to_owned()
        };
        let group = groups
            .entry((category.clone(), title.clone()))
            .or_insert_with(|| IncomingGroup {
                title,
                category_path: category,
                source: Some(path.display().to_string()),
                format: SourceFormat::Csv,
                cards: Vec::new(),
            });
        group.cards.push(IncomingCard {
            kind,
            prompt: prompt.to_owned(),
            answer: from_text(record.get(answer_at).unwrap_or_default()).to_owned(),
            choices,
            tags: cell("tags")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
            schedule: None,
            reviews: Vec::new(),
        });
    }
    if groups.is_empty() {
        return Err(Error::Invalid(format!(
            "{shown} holds no cards (only a header row); nothing was imported."
        )));
    }
    Ok(groups.into_values().collect())
}

/// Imports a CSV file of cards in one transaction: on any error, nothing is imported.
pub fn import_csv(
    store: &mut Store,
    path: &Path,
    now: i64,
    progress: &mut dyn FnMut(Progress),
) -> Result<CardImportReport> {
    let bytes = read_limited(path)?;
    let text = String::from_utf8(bytes).map_err(|_| {
        Error::Invalid(format!(
            "{} is not UTF-8 text. Save it from your spreadsheet as “CSV UTF-8” and import again; nothing was imported.",
            path.display()
        ))
    })?;
    let groups = read_csv(path, &text)?;
    let mut report = CardImportReport {
        file: path.display().to_string(),
        ..CardImportReport::default()
    };
    interchange::store_groups(store, groups, &mut report, now, progress)?;
    Ok(report)
}

/// Reads a CSV file of at most [`crate::import::MAX_FILE_BYTES`] (10 MB, the
/// limit of every imported file), refusing a larger one before reading it.
fn read_limited(path: &Path) -> Result<Vec<u8>> {
    use std::io::Read;
    let limit = crate::import::MAX_FILE_BYTES;
    let file = File::open(path).map_err(|e| crate::store::file_error("could not read", path, e))?;
    let too_large = |len: u64| {
        Error::Invalid(format!(
            "{} is too large to import ({:.1} MB; the limit is {} MB). Split it into smaller CSV files; nothing was imported.",
            path.display(),
            len as f64 / 1_048_576.0,
            limit / 1_048_576
        ))
    };
    let len = file.metadata().map(|m| m.len()).unwrap_or(0);
    if len > limit {
        return Err(too_large(len));
    }
    let mut bytes = Vec::with_capacity(len as usize);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| crate::store::file_error("could not read", path, e))?;
    if bytes.len() as u64 > limit {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests;
