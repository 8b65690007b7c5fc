//! The command line. `clio` alone opens the window; `clio <subcommand>` works
//! headless on the same database. New subcommands are added to [`Command`].

use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use clio_core::card_files::{self, CardFileFormat};
use clio_core::generate::{candidate_features, suggest, GenerateOptions, LibraryContext};
use clio_core::import::{self, ImportReport};
use clio_core::library::{self, NewDocument};
use clio_core::time::now_ms;
use clio_core::{info, paths, search, DocumentId, Store};

#[derive(Debug, Parser)]
#[command(
    name = "clio",
    version,
    about = "Clio: read history, annotate it, and learn its facts with spaced repetition.",
    long_about = "Clio: read history, annotate it, and learn its facts with spaced repetition.\n\n\
                  Run `clio` with no subcommand to open the window."
)]
pub struct Cli {
    /// The library database to use [default: clio.sqlite3 in the platform data folder]
    #[arg(long, global = true, value_name = "PATH", env = paths::DB_ENV)]
    pub db: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

impl Cli {
    pub fn db_path(&self) -> PathBuf {
        self.db.clone().unwrap_or_else(paths::default_db_path)
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Show the database in use, its schema version and what it holds
    Info(JsonFlag),
    /// List the documents in the library, newest first
    List(JsonFlag),
    /// Add a text to the library (from a file, or standard input with `-`)
    Add(AddArgs),
    /// Import files or folders: HTML pages, saved pages, Markdown, plain text, JSON; or cards from .apkg and .csv files
    Import(ImportArgs),
    /// Search the library's texts (every word, also as a prefix)
    Search(SearchArgs),
    /// Print one document: its details and text
    Show(DocumentArgs),
    /// Delete a document with its notes and cards
    Delete(DocumentArgs),
    /// Write quiz cards from the text in a file, best first (nothing is stored); or list, accept, reject, suspend, delete stored cards
    Cards(CardsArgs),
    /// Show what is due today and the next cards
    Due(crate::review_cli::DueArgs),
    /// Review today's cards in the terminal
    Review(crate::review_cli::ReviewArgs),
    /// Take a quiz in the terminal (nothing is rescheduled unless asked)
    Quiz(crate::quiz_cli::QuizArgs),
    /// Back up the library now (into backups/ beside it), or list the backups
    Backup(crate::backup_cli::BackupArgs),
    /// Export the whole library to one JSON file, or its cards to an Anki package or CSV
    Export(crate::backup_cli::ExportArgs),
    /// Restore a backup, or import an export into an empty library (or merge it)
    Restore(crate::backup_cli::RestoreArgs),
    /// Show your progress: today, the streak, retention, mastery, hardest cards
    Stats(JsonFlag),
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// What to look for
    #[arg(value_name = "QUERY", required = true, num_args = 1..)]
    pub query: Vec<String>,
    /// Print JSON instead of text
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct DocumentArgs {
    /// The document's id (see `clio list`)
    #[arg(value_name = "ID")]
    pub id: i64,
    /// Print JSON instead of text
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct JsonFlag {
    /// Print JSON instead of text
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct AddArgs {
    /// The file holding the text, or `-` for standard input
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// The document's title (its question)
    #[arg(long)]
    pub title: String,
    #[arg(long)]
    pub author: Option<String>,
    /// A category path such as "History -> Cold War"
    #[arg(long)]
    pub category: Option<String>,
    /// Where the text came from (a URL or a citation)
    #[arg(long)]
    pub source: Option<String>,
    /// Print JSON instead of text
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Files or folders (searched recursively); .apkg and .csv files hold cards
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<PathBuf>,
    /// Read and check only: store nothing (with --json, print the documents)
    #[arg(long)]
    pub dry_run: bool,
    /// Print JSON instead of text
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_value_name = "VERB")]
pub struct CardsArgs {
    /// The stored cards: list, accept, reject, suspend, delete (see `clio cards VERB --help`)
    #[command(subcommand)]
    pub verb: Option<crate::cards_cli::CardsVerb>,
    /// A text file, or any file `clio import` reads (HTML, Markdown, JSON); `-` for plain text on standard input
    #[arg(value_name = "PATH")]
    pub file: Option<PathBuf>,
    /// At most this many cards per document (0: all)
    #[arg(long, alias = "max", default_value_t = 0)]
    pub limit: usize,
    /// Print a JSON array of cards instead of text
    #[arg(long)]
    pub json: bool,
    /// Only the cards the reader suggests (above the quality bar, about one per 45 words); without it the cards held back follow them
    #[arg(long)]
    pub suggested: bool,
    /// With --json: every candidate with the features the quality model reads
    #[arg(long, requires = "json")]
    pub features: bool,
}

pub fn run(command: Command, db: &Path) -> ExitCode {
    match execute(command, db) {
        Ok(()) => ExitCode::SUCCESS,
        Err(CliError(message)) => {
            eprintln!("clio: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Why a subcommand failed, printed as `clio: …`.
struct CliError(String);

impl From<clio_core::Error> for CliError {
    fn from(error: clio_core::Error) -> Self {
        CliError(error.to_string())
    }
}

impl From<String> for CliError {
    fn from(message: String) -> Self {
        CliError(message)
    }
}

/// Whether the file starts with SQLite's header.
fn is_sqlite_file(path: &Path) -> bool {
    let mut header = [0u8; 16];
    std::fs::File::open(path)
        .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut header))
        .is_ok()
        && &header == b"SQLite format 3\0"
}

/// Opens the library to change it, after the window's start-up check: a
/// damaged library is refused with the backup to restore, never written into.
pub(crate) fn open_library(db: &Path) -> clio_core::Result<Store> {
    match clio_core::backup::open_checked(db) {
        Ok((store, _)) => Ok(store),
        // A file that is not SQLite at all, with no backups beside it, is some
        // other file named by mistake, not a damaged library: `Store::open`
        // says so (without writing to it).
        Err(clio_core::Error::Damaged {
            newest_good_backup: None,
            ..
        }) if !is_sqlite_file(db) => Store::open(db),
        Err(e) => Err(e),
    }
}

fn execute(command: Command, db: &Path) -> Result<(), CliError> {
    // Writing cards from a file and checking an import need no library.
    let command = match command {
        Command::Cards(args) if args.verb.is_none() => return cards(args),
        Command::Import(args) if args.dry_run => {
            if args
                .paths
                .iter()
                .any(|p| CardFileFormat::of_path(p).is_some())
            {
                return Err(CliError(
                    "--dry-run reads texts only; .apkg and .csv files of cards are imported whole or not at all".into(),
                ));
            }
            return import_dry_run(args);
        }
        // These handle the library file themselves (a restore may replace it).
        Command::Backup(args) => return Ok(crate::backup_cli::backup(db, args)?),
        Command::Restore(args) => return Ok(crate::backup_cli::restore(db, args)?),
        other => other,
    };
    let mut store = open_library(db)?;
    match command {
        Command::Info(flags) => {
            let info = info::app_info(&store)?;
            if flags.json {
                print_json(&info);
            } else {
                println!("Clio {}", info.version);
                println!("database:       {}", info.db_path);
                println!("schema version: {}", info.schema_version);
                println!("documents:      {}", info.document_count);
                println!(
                    "cards:          {} ({} due now)",
                    info.card_count, info.due_count
                );
            }
        }
        Command::List(flags) => {
            let docs = library::list_documents(&store)?;
            if flags.json {
                print_json(&docs);
            } else if docs.is_empty() {
                println!("The library is empty. Add a text with `clio add FILE --title TITLE`.");
            } else {
                for doc in docs {
                    let category = doc.category_path.join(" › ");
                    println!(
                        "{:>5}  {}  [{}]  {} words",
                        doc.id, doc.title, category, doc.word_count
                    );
                }
            }
        }
        Command::Add(args) => {
            let body = read_text(&args.file)?;
            let doc = NewDocument {
                title: args.title,
                author: args.author,
                category_path: args
                    .category
                    .as_deref()
                    .map(library::parse_category_path)
                    .unwrap_or_default(),
                source: args.source,
                body,
            };
            let added = library::add_document(&mut store, doc)?;
            if args.json {
                print_json(&added);
            } else if added.created {
                println!("Added document {}.", added.id);
            } else {
                println!(
                    "Already in the library as document {}; nothing added.",
                    added.id
                );
            }
        }
        Command::Import(args) => return import(&mut store, args),
        Command::Search(args) => {
            let hits = search::search_documents(&store, &args.query.join(" "))?;
            if args.json {
                print_json(&hits);
            } else if hits.is_empty() {
                println!("Nothing found.");
            } else {
                for hit in hits {
                    let snippet: String = hit
                        .snippet
                        .iter()
                        .map(|part| {
                            if part.hit {
                                format!("[{}]", part.text)
                            } else {
                                part.text.clone()
                            }
                        })
                        .collect();
                    println!(
                        "{:>5}  {}\n       {}",
                        hit.id,
                        hit.title,
                        snippet.replace('\n', " ")
                    );
                }
            }
        }
        Command::Show(args) => {
            let doc = library::get_document(&store, DocumentId(args.id))?;
            if args.json {
                print_json(&doc);
            } else {
                println!("{}", doc.title);
                if let Some(author) = &doc.author {
                    println!("by {author}");
                }
                if !doc.category_path.is_empty() {
                    println!("in {}", doc.category_path.join(" › "));
                }
                if let Some(source) = &doc.source {
                    println!("from {source}");
                }
                println!("\n{}", doc.body);
            }
        }
        Command::Delete(args) => {
            library::delete_document(&mut store, DocumentId(args.id))?;
            if args.json {
                print_json(&serde_json::json!({ "deleted": args.id }));
            } else {
                println!("Deleted document {}.", args.id);
            }
        }
        Command::Cards(CardsArgs {
            verb: Some(verb), ..
        }) => crate::cards_cli::run(&mut store, verb)?,
        Command::Due(args) => crate::review_cli::due(&store, args)?,
        Command::Review(args) => crate::review_cli::review(&mut store, args)?,
        Command::Stats(flags) => crate::stats_cli::stats(&store, flags.json)?,
        Command::Quiz(args) => crate::quiz_cli::quiz(&mut store, args)?,
        Command::Export(args) => crate::backup_cli::export(&store, args)?,
        Command::Cards(_) | Command::Backup(_) | Command::Restore(_) => {
            unreachable!("handled before the library is opened")
        }
    }
    Ok(())
}

/// Imports files of cards, each in one transaction (all of a file or none of it).
fn import_cards(store: &mut Store, args: ImportArgs) -> Result<(), CliError> {
    let mut reports = Vec::new();
    let mut failed = 0;
    for path in &args.paths {
        let mut quiet = |_| {};
        let result = card_files::import_card_file(store, path, now_ms(), &mut quiet);
        match result {
            Ok(report) => {
                if !args.json {
                    for doc in &report.documents {
                        let category = doc.category_path.join(" › ");
                        println!(
                            "added      {:>5}  {}  [{category}]  {} card(s)",
                            doc.id, doc.title, doc.cards
                        );
                    }
                    for title in &report.already_there {
                        println!("duplicate         {title} (in the library already; its cards were not added again)");
                    }
                    for warning in &report.warnings {
                        eprintln!("warning: {}: {warning}", path.display());
                    }
                    println!("{}: {}", path.display(), report.summary());
                }
                reports.push(report);
            }
            Err(e) => {
                failed += 1;
                eprintln!("error: {e}");
            }
        }
    }
    if args.json {
        print_json(&reports);
    }
    match failed {
        0 => Ok(()),
        n => Err(CliError(format!(
            "{n} file(s) could not be imported; see the messages above"
        ))),
    }
}

/// Imports every path; the exit status is an error when anything was not imported.
fn import(store: &mut Store, args: ImportArgs) -> Result<(), CliError> {
    let cards = args
        .paths
        .iter()
        .filter(|p| CardFileFormat::of_path(p).is_some())
        .count();
    if cards == args.paths.len() {
        return import_cards(store, args);
    }
    if cards > 0 {
        return Err(CliError(
            "import .apkg and .csv files of cards on their own, not together with texts (run `clio import` twice)".into(),
        ));
    }
    let mut report = ImportReport::default();
    for path in &args.paths {
        report.merge(import::import_path(store, path, now_ms()));
    }
    if args.json {
        print_json(&report);
    } else {
        let lines = [
            ("added", &report.added),
            ("updated", &report.updated),
            ("duplicate", &report.unchanged),
        ];
        for (what, items) in lines {
            for item in items {
                let from = item
                    .file
                    .as_deref()
                    .map(|f| format!("  ({f})"))
                    .unwrap_or_default();
                println!("{what:<10} {:>5}  {}{from}", item.id, item.title);
            }
        }
        for warning in &report.warnings {
            eprintln!("warning: {warning}");
        }
        for problem in &report.problems {
            eprintln!("error: {problem}");
        }
        println!("{}", report.summary());
        if report.suggestions_pending > 0 {
            println!(
                "Card suggestions for {} more text(s) will be written when you open each one, or in the background while the window is open.",
                report.suggestions_pending
            );
        }
    }
    match report.problems.len() {
        0 => Ok(()),
        n => Err(CliError(format!(
            "{n} item(s) could not be imported; see the messages above"
        ))),
    }
}

fn import_dry_run(args: ImportArgs) -> Result<(), CliError> {
    let mut documents = Vec::new();
    let mut report = ImportReport::default();
    for path in &args.paths {
        let (found, checked) = import::dry_run(path);
        documents.extend(found);
        report.merge(checked);
    }
    if args.json {
        print_json(&documents);
    } else {
        for doc in &documents {
            println!(
                "would import  {}  [{}]",
                doc.title,
                doc.category.join(" › ")
            );
        }
    }
    for warning in &report.warnings {
        eprintln!("warning: {warning}");
    }
    for problem in &report.problems {
        eprintln!("error: {problem}");
    }
    match report.problems.len() {
        0 => Ok(()),
        n => Err(CliError(format!(
            "{n} item(s) could not be read; see the messages above"
        ))),
    }
}

fn cards(args: CardsArgs) -> Result<(), CliError> {
    let file = args.file.ok_or_else(|| {
        CliError("give a text file to write cards from (`clio cards FILE`), or a verb: list, accept, reject, suspend, delete".into())
    })?;
    let texts = card_texts(&file)?;
    if args.features {
        let all: Vec<_> = texts
            .iter()
            .flat_map(|(title, text)| candidate_features(title, text))
            .collect();
        print_json(&all);
        return Ok(());
    }
    // The suggested cards first, then (without --suggested) the ones held back;
    // --limit counts per document.
    let mut cards = Vec::new();
    let mut held_back = 0;
    for (title, text) in &texts {
        let s = suggest(
            title,
            text,
            &GenerateOptions::default(),
            &LibraryContext::default(),
        );
        let mut of_text = s.shown;
        if args.suggested {
            held_back += s.held_back.len();
        } else {
            of_text.extend(s.held_back);
        }
        if args.limit > 0 {
            of_text.truncate(args.limit);
        }
        cards.extend(of_text);
    }
    if args.json {
        print_json(&cards);
        return Ok(());
    }
    for card in &cards {
        println!("{}", card.prompt);
        if !card.choices.is_empty() {
            println!("    choices: {}", card.choices.join(" | "));
        }
        println!("    → {}\n", card.answer);
    }
    if held_back > 0 {
        println!("({held_back} more held back below the quality bar)");
    }
    Ok(())
}

/// The texts to write cards from, each with its title (the student sees it above
/// the card): a plain-text file (or standard input) as it is, or a saved page's
/// answer without the page around it; any other file through the importer, one
/// text per document, without its page noise.
fn card_texts(file: &Path) -> Result<Vec<(String, String)>, CliError> {
    let plain = file == Path::new("-")
        || file
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("txt"));
    if plain {
        let text = read_text(file)?;
        // Titled as `clio import` titles it: a text with no title line of its own
        // is named after its file, not after its opening words (which would make
        // every card on the first sentence a giveaway).
        let name = (file != Path::new("-"))
            .then(|| file.file_stem().map(|s| s.to_string_lossy().into_owned()))
            .flatten();
        let title =
            import::parse_named_text(&text, None, name.as_deref(), Some(import::Format::Text))
                .records
                .into_iter()
                .find_map(|r| r.result.ok())
                .map(|d| d.doc.title)
                .unwrap_or_default();
        return Ok(vec![(title, import::prose_of_text(&text))]);
    }
    let parsed = import::parse_file(file)?;
    let mut texts = Vec::new();
    for record in parsed.records {
        match record.result {
            Ok(doc) => texts.push((doc.doc.title.clone(), library::body_of_blocks(&doc.blocks))),
            Err(message) => eprintln!("warning: {message}"),
        }
    }
    Ok(texts)
}

fn read_text(file: &Path) -> Result<String, String> {
    if file == Path::new("-") {
        let mut text = String::new();
        io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| format!("could not read standard input as UTF-8 text: {e}"))?;
        return Ok(text);
    }
    std::fs::read_to_string(file).map_err(|e| match e.kind() {
        io::ErrorKind::InvalidData => format!(
            "{} is not UTF-8 text; save it as UTF-8 and try again",
            file.display()
        ),
        _ => format!("could not read {}: {e}", file.display()),
    })
}

fn print_json<T: serde::Serialize>(value: &T) {
    println!(
        "{}",
        serde_json::to_string_pretty(value).expect("plain data serialises")
    );
}
