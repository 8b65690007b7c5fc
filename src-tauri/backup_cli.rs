//! `clio backup`, `clio export` and `clio restore`: the library's safety copies
//! from a terminal. Backups go to `backups/` beside the database; an export is
//! one JSON file holding everything (see `clio_core::export`), or the cards
//! alone as an Anki package or CSV (see `clio_core::anki`, `clio_core::cards_csv`).

use std::io::Read;
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use clio_core::backup::BackupInfo;
use clio_core::card_files::{self, CardFileFormat};
use clio_core::export::{self, ExportReport, ImportSummary};
use clio_core::interchange::ExportScope;
use clio_core::store::Store;
use clio_core::time::now_ms;
use serde::Serialize;

/// The window's preferences file (tauri-plugin-store), beside the database.
const SETTINGS_FILE: &str = "settings.json";

#[derive(Debug, Args)]
pub struct BackupArgs {
    /// List the backups (newest first) with their size and health instead of making one
    #[arg(long)]
    pub list: bool,
    /// Print JSON instead of text
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// One JSON file with every table, and the window's preferences
    Json,
    /// An Anki deck package of the accepted cards (Basic and Cloze notes)
    Apkg,
    /// The accepted cards as CSV, for spreadsheets
    Csv,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[arg(long, value_enum, default_value_t = ExportFormat::Json)]
    pub format: ExportFormat,
    /// The file to write (replaced whole, never left half-written)
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// apkg, csv: only the cards of this document (see `clio list`)
    #[arg(long, value_name = "ID", conflicts_with = "category")]
    pub document: Option<i64>,
    /// apkg, csv: only the cards of the documents in this category and below, e.g. "History -> Cold War"
    #[arg(long, value_name = "PATH")]
    pub category: Option<String>,
    /// apkg: also each card's schedule and review history
    #[arg(long)]
    pub with_scheduling: bool,
    /// Print JSON instead of text
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// A JSON export (`clio export`) or a backup (`backups/clio-….sqlite3`)
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Add the file's contents to a library that is not empty (new ids), instead of refusing
    #[arg(long)]
    pub merge: bool,
    /// Print JSON instead of text
    #[arg(long)]
    pub json: bool,
}

/// `clio backup`: one backup now, then thinning; `--list`: the backups.
pub fn backup(db: &Path, args: BackupArgs) -> clio_core::Result<()> {
    if args.list {
        let list = clio_core::backup::list_backups(db)?;
        if args.json {
            print_json(&list);
        } else if list.is_empty() {
            println!("No backups yet. Make one with `clio backup`.");
        } else {
            for b in &list {
                println!("{}", describe(b));
            }
        }
        return Ok(());
    }
    let store = crate::cli::open_library(db)?;
    let policy = clio_core::prefs::load(&store)?.backup_policy();
    let run = clio_core::backup::back_up(&store, now_ms(), &policy)?;
    if args.json {
        print_json(&run);
    } else {
        println!(
            "Backed up to {} ({}).",
            run.backup.path,
            size(run.backup.size_bytes)
        );
        if !run.thinned.is_empty() {
            println!(
                "Removed {} older backup(s) that the keeping policy lets go.",
                run.thinned.len()
            );
        }
    }
    Ok(())
}

/// `clio export --format json|apkg|csv --out FILE`.
pub fn export(store: &Store, args: ExportArgs) -> clio_core::Result<()> {
    if args.format != ExportFormat::Json {
        return export_cards(store, args);
    }
    if args.document.is_some() || args.category.is_some() || args.with_scheduling {
        return Err(clio_core::Error::Invalid(
            "--document, --category and --with-scheduling are for --format apkg or csv; \
             a JSON export always holds the whole library (with its schedules)"
                .into(),
        ));
    }
    let preferences = read_settings(store.path());
    let report: ExportReport = export::export_to_file(store, preferences, &args.out, now_ms())?;
    if args.json {
        print_json(&report);
    } else {
        let rows: Vec<String> = report
            .rows
            .iter()
            .filter(|(_, n)| **n > 0)
            .map(|(t, n)| format!("{n} {t}"))
            .collect();
        println!(
            "Exported to {} ({}): {}.",
            report.path,
            size(report.size_bytes),
            rows.join(", ")
        );
    }
    Ok(())
}

/// `clio export --format apkg|csv`: the accepted cards of the library, a
/// document or a category.
fn export_cards(store: &Store, args: ExportArgs) -> clio_core::Result<()> {
    let scope = match (args.document, &args.category) {
        (Some(id), _) => ExportScope::Document(id),
        (None, Some(path)) => ExportScope::Category(clio_core::library::parse_category_path(path)),
        (None, None) => ExportScope::All,
    };
    let mut quiet = |_| {};
    let format = match args.format {
        ExportFormat::Apkg => CardFileFormat::Apkg,
        _ if args.with_scheduling => {
            return Err(clio_core::Error::Invalid(
                "--with-scheduling is for --format apkg; a CSV file holds the cards only".into(),
            ))
        }
        _ => CardFileFormat::Csv,
    };
    let report = card_files::export_card_file(
        store,
        format,
        &scope,
        args.with_scheduling,
        &args.out,
        now_ms(),
        &mut quiet,
    )?;
    if args.json {
        print_json(&report);
    } else {
        let history = if report.with_scheduling {
            format!(", with their schedules and {} review(s)", report.reviews)
        } else {
            String::new()
        };
        println!(
            "Exported {} card(s){history} to {} ({}).",
            report.cards,
            report.path,
            size(report.size_bytes)
        );
    }
    Ok(())
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RestoreOutput {
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    restore: Option<clio_core::backup::RestoreReport>,
    #[serde(skip_serializing_if = "Option::is_none")]
    import: Option<ImportSummary>,
    #[serde(skip_serializing_if = "Option::is_none")]
    safety_backup: Option<BackupInfo>,
    preferences_written: bool,
}

/// `clio restore FILE [--merge]`: a backup replaces the library (after backing
/// it up); an export goes into an empty library, or with `--merge` beside
/// what is there.
pub fn restore(db: &Path, args: RestoreArgs) -> clio_core::Result<()> {
    let now = now_ms();
    let out = if is_sqlite(&args.file)? {
        if args.merge {
            let value = export::export_library_file(&args.file, now)?;
            merge_or_import(db, &value, true, now)?
        } else {
            let report = clio_core::backup::restore_backup(db, &args.file, now)?;
            RestoreOutput {
                kind: "backup",
                restore: Some(report),
                import: None,
                safety_backup: None,
                preferences_written: false,
            }
        }
    } else {
        let value = export::read_export_file(&args.file)?;
        merge_or_import(db, &value, args.merge, now)?
    };
    if args.json {
        print_json(&out);
        return Ok(());
    }
    if let Some(report) = &out.restore {
        if let Some(safety) = &report.safety_backup {
            println!("Backed up the library as it was to {}.", safety.path);
        }
        if let Some(aside) = &report.moved_aside {
            println!("The unreadable library was moved aside to {aside} (kept, not deleted).");
        }
        println!("Restored {} into {}.", report.restored_from, db.display());
    }
    if let Some(summary) = &out.import {
        if let Some(safety) = &out.safety_backup {
            println!("Backed up the library as it was to {}.", safety.path);
        }
        let rows: Vec<String> = summary
            .rows
            .iter()
            .filter(|(_, n)| **n > 0)
            .map(|(t, n)| format!("{n} {t}"))
            .collect();
        let verb = if summary.merged { "Merged" } else { "Imported" };
        println!(
            "{verb} {} into {}: {}.",
            args.file.display(),
            db.display(),
            rows.join(", ")
        );
        if out.preferences_written {
            println!(
                "Wrote the export's preferences to {}.",
                settings_path(db).display()
            );
        }
    }
    Ok(())
}

fn merge_or_import(
    db: &Path,
    value: &serde_json::Value,
    merge: bool,
    now: i64,
) -> clio_core::Result<RestoreOutput> {
    let mut store = crate::cli::open_library(db)?;
    // A merge changes a library that holds work: keep a copy of it first.
    let safety_backup = if merge {
        Some(store.backup_now(now).map_err(|e| e.at(db))?)
    } else {
        None
    };
    let summary = export::import_json(&mut store, value, merge).map_err(|e| e.at(db))?;
    let preferences_written = !merge && write_settings_if_absent(db, &summary.preferences);
    Ok(RestoreOutput {
        kind: "export",
        restore: None,
        import: Some(summary),
        safety_backup,
        preferences_written,
    })
}

/// An SQLite file starts with "SQLite format 3\0".
fn is_sqlite(path: &Path) -> clio_core::Result<bool> {
    let mut head = [0u8; 16];
    let mut file = std::fs::File::open(path).map_err(|e| clio_core::Error::File {
        action: "could not read",
        path: path.to_owned(),
        reason: e.to_string(),
    })?;
    let n = file.read(&mut head).unwrap_or(0);
    Ok(n == 16 && &head == b"SQLite format 3\0")
}

fn settings_path(db: &Path) -> PathBuf {
    db.parent().unwrap_or(Path::new(".")).join(SETTINGS_FILE)
}

/// The window's preferences beside the database, when there are any.
fn read_settings(db: &Path) -> serde_json::Value {
    std::fs::read_to_string(settings_path(db))
        .ok()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or(serde_json::Value::Null)
}

/// Writes imported preferences where the window reads them, never over existing ones.
fn write_settings_if_absent(db: &Path, preferences: &serde_json::Value) -> bool {
    let path = settings_path(db);
    if preferences.is_null() || path.exists() {
        return false;
    }
    let text = serde_json::to_string_pretty(preferences).expect("plain data serialises");
    std::fs::write(&path, text).is_ok()
}

fn describe(b: &BackupInfo) -> String {
    let health = match (&b.good, &b.problem) {
        (true, _) => "ok".to_owned(),
        (false, Some(problem)) => format!("NOT USABLE: {problem}"),
        (false, None) => "NOT USABLE".to_owned(),
    };
    format!(
        "{}  {:>9}  {}  {}",
        clio_core::backup::display_time(b.created_at),
        size(b.size_bytes),
        b.path,
        health
    )
}

fn size(bytes: u64) -> String {
    match bytes {
        b if b >= 1 << 20 => format!("{:.1} MB", b as f64 / (1 << 20) as f64),
        b if b >= 1 << 10 => format!("{:.0} KB", b as f64 / (1 << 10) as f64),
        b => format!("{b} B"),
    }
}

fn print_json<T: Serialize>(value: &T) {
    println!(
        "{}",
        serde_json::to_string_pretty(value).expect("plain data serialises")
    );
}
