//! Files of cards, whichever their format: which format a path is, and one way
//! in and out for the window and the CLI (`anki` and `cards_csv` do the work).

use std::path::Path;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::interchange::{CardExportReport, CardImportReport, ExportScope, Progress};
use crate::store::Store;
use crate::{anki, cards_csv};

/// The formats cards travel in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CardFileFormat {
    /// An Anki package (`.apkg`).
    Apkg,
    /// A spreadsheet's comma-separated values (`.csv`).
    Csv,
}

impl CardFileFormat {
    /// The format a file name says, from its extension (any case).
    pub fn of_path(path: &Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "apkg" => Some(CardFileFormat::Apkg),
            "csv" => Some(CardFileFormat::Csv),
            _ => None,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            CardFileFormat::Apkg => "apkg",
            CardFileFormat::Csv => "csv",
        }
    }
}

/// Imports a file of cards (`.apkg` or `.csv`) in one transaction: all of it or nothing.
pub fn import_card_file(
    store: &mut Store,
    path: &Path,
    now: i64,
    progress: &mut dyn FnMut(Progress),
) -> Result<CardImportReport> {
    match CardFileFormat::of_path(path) {
        Some(CardFileFormat::Apkg) => anki::import_apkg(store, path, now, progress),
        Some(CardFileFormat::Csv) => cards_csv::import_csv(store, path, now, progress),
        None => Err(Error::Invalid(format!(
            "{} is not a file of cards: Clio imports cards from Anki packages (.apkg) and CSV files (.csv).",
            path.display()
        ))),
    }
}

/// Exports the accepted cards of `scope` in `format`; the schedule and review
/// history go only into an Anki package (a CSV file has no place for them).
pub fn export_card_file(
    store: &Store,
    format: CardFileFormat,
    scope: &ExportScope,
    with_scheduling: bool,
    path: &Path,
    now: i64,
    progress: &mut dyn FnMut(Progress),
) -> Result<CardExportReport> {
    match format {
        CardFileFormat::Apkg => anki::export_apkg(store, scope, with_scheduling, path, now, progress),
        CardFileFormat::Csv if with_scheduling => Err(Error::Invalid(
            "a CSV file holds cards only; export an Anki package (.apkg) to keep their schedules and history".into(),
        )),
        CardFileFormat::Csv => cards_csv::export_csv(store, scope, path, progress),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_format_comes_from_the_extension_in_any_case() {
        assert_eq!(
            CardFileFormat::of_path(Path::new("/x/Deck.APKG")),
            Some(CardFileFormat::Apkg)
        );
        assert_eq!(
            CardFileFormat::of_path(Path::new("cards.csv")),
            Some(CardFileFormat::Csv)
        );
        assert_eq!(CardFileFormat::of_path(Path::new("notes.txt")), None);
        assert_eq!(CardFileFormat::of_path(Path::new("apkg")), None);
    }

    #[test]
    fn another_file_is_refused_with_the_formats_that_work_and_nothing_changes() {
        let mut store = Store::open_in_memory().unwrap();
        let err =
            import_card_file(&mut store, Path::new("/tmp/notes.txt"), 0, &mut |_| {}).unwrap_err();
        assert!(
            err.to_string().contains(".apkg") && err.to_string().contains(".csv"),
            "{err}"
        );
        assert!(store.list_documents().unwrap().is_empty());
        let err = export_card_file(
            &store,
            CardFileFormat::Csv,
            &ExportScope::All,
            true,
            Path::new("/tmp/x.csv"),
            0,
            &mut |_| {},
        )
        .unwrap_err();
        assert!(
            err.to_string().contains("CSV file holds cards only"),
            "{err}"
        );
    }
}
