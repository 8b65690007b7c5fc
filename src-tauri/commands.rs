//! IPC commands: each parses its input, calls `clio-core`, and returns.

use std::path::PathBuf;
use std::sync::OnceLock;

use clio_core::annotations::{
    self, Annotation, AnnotationEdit, AnnotationFilter, ExportSummary, HighlightColor,
    LibraryAnnotation, NewAnnotation,
};
use clio_core::cards::{self, CardDraft, CardEdit, Deck, SelectionDrafts, StoredCard};
use clio_core::import::{self, ImportReport};
use clio_core::library::{
    self, AddedDocument, CategoryCount, Document, DocumentSummary, NewDocument,
};
use clio_core::prefs::{self, Preferences};
use clio_core::quiz::{self, QuizFeedback, QuizRequest, QuizResult, QuizSession, QuizSummary};
use clio_core::review::{self, DueSummary, ReviewMode, ReviewStatus};
use clio_core::schedule::{check_typed, BacklogPlan, OptimizeReport, Rating, TypedCheck};
use clio_core::search::{self, SearchHit};
use clio_core::stats::{self, Dashboard, DocumentMastery};
use clio_core::time::now_ms;
use clio_core::{info, starter, AnnotationId, CardId, DocumentId};
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

/// What every command rejects with; the UI shows `message` to the user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CommandError {
    pub message: String,
}

impl From<clio_core::Error> for CommandError {
    fn from(error: clio_core::Error) -> Self {
        CommandError {
            message: error.to_string(),
        }
    }
}

pub(crate) type CommandResult<T> = Result<T, CommandError>;

pub use crate::app_state::{AppState, AutomaticBackup};

/// When the page's first command arrived, for the start-up report.
static FIRST_COMMAND_MS: OnceLock<u128> = OnceLock::new();

// Commands that touch the database are async so Tauri runs them off the main
// thread, which is busy drawing the window while the first screen loads.

/// The version, the database in use and its counts (the first command the page sends).
#[tauri::command]
pub async fn app_info(state: State<'_, AppState>) -> CommandResult<info::AppInfo> {
    FIRST_COMMAND_MS.get_or_init(crate::uptime_ms);
    state.with_store(|store| info::app_info(store))
}

/// All documents, newest first.
#[tauri::command]
pub async fn list_documents(state: State<'_, AppState>) -> CommandResult<Vec<DocumentSummary>> {
    state.with_store(|store| library::list_documents(store))
}

/// `created` is false when an identical document was already in the library.
#[tauri::command]
pub async fn add_document(
    state: State<'_, AppState>,
    doc: NewDocument,
) -> CommandResult<AddedDocument> {
    state.with_store(|store| library::add_document(store, doc))
}

/// Every category with its counts, depth-first by path.
#[tauri::command]
pub async fn category_tree(state: State<'_, AppState>) -> CommandResult<Vec<CategoryCount>> {
    state.with_store(|store| library::category_tree(store))
}

/// Full-text search, best hit first. An empty query gives no hits.
#[tauri::command]
pub async fn search_documents(
    state: State<'_, AppState>,
    query: String,
) -> CommandResult<Vec<SearchHit>> {
    state.with_store(|store| search::search_documents(store, &query))
}

/// A document with its body and blocks, for the reader.
#[tauri::command]
pub async fn get_document(state: State<'_, AppState>, id: DocumentId) -> CommandResult<Document> {
    state.with_store(|store| library::get_document(store, id))
}

/// Deletes a document with its highlights, cards and their reviews (undoable).
#[tauri::command]
pub async fn delete_document(state: State<'_, AppState>, id: DocumentId) -> CommandResult<()> {
    state.with_store(|store| library::delete_document(store, id))
}

/// Files and folders chosen in the file dialog or dropped on the window.
#[tauri::command]
pub async fn import_paths(
    state: State<'_, AppState>,
    paths: Vec<PathBuf>,
) -> CommandResult<ImportReport> {
    let report = state.with_store(|store| {
        let mut report = ImportReport::default();
        for path in &paths {
            report.merge(import::import_path(store, path, now_ms()));
        }
        Ok(report)
    })?;
    state.wake_suggestion_writer(&report);
    Ok(report)
}

/// Pasted text or a pasted web page (HTML).
#[tauri::command]
pub async fn import_text(state: State<'_, AppState>, text: String) -> CommandResult<ImportReport> {
    state.with_store(|store| Ok(import::import_text(store, &text, None, now_ms())))
}

/// Adds the starter library to a new, empty library; the UI calls it after
/// `app_ready`, so it costs nothing at start-up. Returns how many were added.
#[tauri::command]
pub async fn add_starter_library(state: State<'_, AppState>) -> CommandResult<usize> {
    state.with_store(|store| {
        let report = starter::add_if_new(store, now_ms())?;
        for problem in report.problems.iter().chain(&report.warnings) {
            eprintln!("clio: starter library: {problem}");
        }
        Ok(report.added.len())
    })
}

/// A document's cards for the reader: suggestions best first (written now if
/// the document has none for its current text), then the accepted ones.
#[tauri::command]
pub async fn document_cards(
    state: State<'_, AppState>,
    document_id: DocumentId,
) -> CommandResult<Vec<StoredCard>> {
    state.with_store(|store| cards::document_cards(store, document_id, now_ms()))
}

/// Puts cards in the review deck; returns how many changed.
#[tauri::command]
pub async fn accept_cards(state: State<'_, AppState>, ids: Vec<CardId>) -> CommandResult<usize> {
    state.with_store(|store| cards::accept(store, &ids, now_ms()))
}

/// Accepts every suggestion of a document; returns how many.
#[tauri::command]
pub async fn accept_all_cards(
    state: State<'_, AppState>,
    document_id: DocumentId,
) -> CommandResult<usize> {
    state.with_store(|store| cards::accept_all(store, document_id, now_ms()))
}

/// Rejects cards for good (regenerating will not suggest them again).
#[tauri::command]
pub async fn reject_cards(state: State<'_, AppState>, ids: Vec<CardId>) -> CommandResult<usize> {
    state.with_store(|store| cards::reject(store, &ids, now_ms()))
}

/// Saves an edited card; with `accept`, a suggestion also joins the deck.
#[tauri::command]
pub async fn update_card(
    state: State<'_, AppState>,
    id: CardId,
    edit: CardEdit,
    accept: bool,
) -> CommandResult<StoredCard> {
    state.with_store(|store| cards::update(store, id, edit, accept, now_ms()))
}

/// Drafts (a cloze and a question) for the selected code points of a document.
#[tauri::command]
pub async fn draft_card_from_selection(
    state: State<'_, AppState>,
    document_id: DocumentId,
    start: usize,
    end: usize,
) -> CommandResult<SelectionDrafts> {
    state.with_store(|store| cards::draft_from_selection(store, document_id, start, end))
}

/// Creates an accepted card from a draft the learner edited.
#[tauri::command]
pub async fn create_card(
    state: State<'_, AppState>,
    document_id: DocumentId,
    draft: CardDraft,
) -> CommandResult<StoredCard> {
    state.with_store(|store| cards::create_from_draft(store, document_id, draft, now_ms()))
}

/// The review deck: its size and newest cards.
#[tauri::command]
pub async fn card_deck(state: State<'_, AppState>) -> CommandResult<Deck> {
    state.with_store(|store| cards::deck(store))
}

/// Today's review session as it stands (started on first use).
#[tauri::command]
pub async fn review_status(
    state: State<'_, AppState>,
    mode: ReviewMode,
) -> CommandResult<ReviewStatus> {
    state.with_review(mode, false, |_, _, _| Ok(()))
}

/// Starts today's session afresh (after cards were added, or a new day began).
#[tauri::command]
pub async fn review_restart(
    state: State<'_, AppState>,
    mode: ReviewMode,
) -> CommandResult<ReviewStatus> {
    state.with_review(mode, true, |_, _, _| Ok(()))
}

/// Grades the card on screen; the answer is saved before the next card is returned.
#[tauri::command]
pub async fn review_answer(
    state: State<'_, AppState>,
    card_id: CardId,
    rating: Rating,
    duration_ms: Option<i64>,
    mode: ReviewMode,
) -> CommandResult<ReviewStatus> {
    state.with_review(mode, false, |store, session, now| {
        session.answer(store, card_id.0, rating, now, duration_ms, mode)
    })
}

/// Takes back the session's last answer.
#[tauri::command]
pub async fn review_undo(
    state: State<'_, AppState>,
    mode: ReviewMode,
) -> CommandResult<ReviewStatus> {
    state.with_review(mode, false, |store, session, _| {
        session.undo(store).map(|_| ())
    })
}

/// Hides the card until tomorrow.
#[tauri::command]
pub async fn review_bury(
    state: State<'_, AppState>,
    card_id: CardId,
    mode: ReviewMode,
) -> CommandResult<ReviewStatus> {
    state.with_review(mode, false, |store, session, now| {
        store.bury(card_id, review::next_day_start(now))?;
        session.skip(card_id.0);
        Ok(())
    })
}

/// Suspends the card: it is not reviewed until restored.
#[tauri::command]
pub async fn review_suspend(
    state: State<'_, AppState>,
    card_id: CardId,
    mode: ReviewMode,
) -> CommandResult<ReviewStatus> {
    state.with_review(mode, false, |store, session, _| {
        store.set_suspended(card_id, true)?;
        session.skip(card_id.0);
        Ok(())
    })
}

/// Checks a typed answer leniently and suggests a grade.
#[tauri::command]
pub fn check_typed_answer(expected: String, given: String) -> TypedCheck {
    check_typed(&expected, &given)
}

/// How much is due today, the backlog, and whether optimizing is worth it.
#[tauri::command]
pub async fn due_summary(state: State<'_, AppState>) -> CommandResult<DueSummary> {
    // Today's counts come from the window's session, so its queue is built once.
    state.with_session(false, |store, session, now| {
        review::summary_of(store, session, now)
    })
}

/// Spreads the overdue reviews over `days` days; today's session starts anew.
#[tauri::command]
pub async fn spread_backlog(state: State<'_, AppState>, days: u32) -> CommandResult<BacklogPlan> {
    let plan = state.with_store(|store| {
        review::spread_backlog(store, &review::scheduler_config(store)?, days, now_ms())
    })?;
    state.forget_review_session();
    Ok(plan)
}

/// Fits FSRS parameters to the review log, keeping them only if better.
#[tauri::command]
pub async fn optimize_parameters(state: State<'_, AppState>) -> CommandResult<OptimizeReport> {
    let report = state.with_store(|store| {
        review::optimize_parameters(store, &review::scheduler_config(store)?, now_ms())
    })?;
    state.forget_review_session();
    Ok(report)
}

/// Starts a quiz: its questions, never their answers.
#[tauri::command]
pub async fn start_quiz(
    state: State<'_, AppState>,
    request: QuizRequest,
) -> CommandResult<QuizSession> {
    // Each quiz draws its own questions; the time is a good enough seed.
    state.with_store(|store| {
        let now = now_ms();
        quiz::start_quiz(store, &request, now, now as u64)
    })
}

/// Checks one answer (and, if the learner chose so, counts it as a review).
#[tauri::command]
pub async fn answer_quiz_question(
    state: State<'_, AppState>,
    session_id: i64,
    position: u32,
    given: String,
    duration_ms: i64,
) -> CommandResult<QuizFeedback> {
    state.with_store(|store| {
        quiz::answer_question(store, session_id, position, &given, now_ms(), duration_ms)
    })
}

/// Ends a quiz and gives its score and the missed questions.
#[tauri::command]
pub async fn finish_quiz(state: State<'_, AppState>, session_id: i64) -> CommandResult<QuizResult> {
    state.with_store(|store| quiz::finish_quiz(store, session_id, now_ms()))
}

/// Past quizzes, newest first.
#[tauri::command]
pub async fn quiz_history(state: State<'_, AppState>) -> CommandResult<Vec<QuizSummary>> {
    state.with_store(|store| quiz::quiz_history(store, 50))
}

/// Highlights a passage of a document (code points of its body), with an optional note.
#[tauri::command]
pub async fn create_annotation(
    state: State<'_, AppState>,
    annotation: NewAnnotation,
) -> CommandResult<Annotation> {
    state.with_store(|store| annotations::create(store, annotation, now_ms()))
}

/// Changes a highlight's colour and note (a blank note removes it).
#[tauri::command]
pub async fn update_annotation(
    state: State<'_, AppState>,
    id: AnnotationId,
    edit: AnnotationEdit,
) -> CommandResult<Annotation> {
    state.with_store(|store| annotations::update(store, id, edit, now_ms()))
}

/// Removes a highlight and its note for good.
#[tauri::command]
pub async fn delete_annotation(state: State<'_, AppState>, id: AnnotationId) -> CommandResult<()> {
    state.with_store(|store| annotations::delete(store, id))
}

/// A document's highlights in reading order, those that could not be placed last.
#[tauri::command]
pub async fn document_annotations(
    state: State<'_, AppState>,
    document_id: DocumentId,
) -> CommandResult<Vec<Annotation>> {
    state.with_store(|store| annotations::document_annotations(store, document_id))
}

/// Every highlight with its document, of one colour and matching a query if given.
#[tauri::command]
pub async fn library_annotations(
    state: State<'_, AppState>,
    color: Option<HighlightColor>,
    query: Option<String>,
) -> CommandResult<Vec<LibraryAnnotation>> {
    state.with_store(|store| {
        annotations::library_annotations(store, &AnnotationFilter { color, query })
    })
}

/// Writes one document's highlights (or all, without `document_id`) as Markdown
/// to the file the learner chose in the save dialog.
#[tauri::command]
pub async fn export_annotations(
    state: State<'_, AppState>,
    document_id: Option<DocumentId>,
    path: PathBuf,
) -> CommandResult<ExportSummary> {
    state.with_store(|store| annotations::export_to_file(store, document_id, &path))
}

/// Everything the Progress screen shows, computed at this moment.
#[tauri::command]
pub async fn progress_dashboard(state: State<'_, AppState>) -> CommandResult<Dashboard> {
    state.with_store(|store| stats::dashboard(store, now_ms()))
}

/// Mastery per document, for the library's bars.
#[tauri::command]
pub async fn document_mastery(state: State<'_, AppState>) -> CommandResult<Vec<DocumentMastery>> {
    state.with_store(|store| stats::document_mastery(store, now_ms()))
}

/// The preferences the core acts on (scheduling, card writing).
#[tauri::command]
pub async fn get_preferences(state: State<'_, AppState>) -> CommandResult<Preferences> {
    state.with_store(|store| prefs::load(store))
}

/// Checks and stores preferences; today's review session starts afresh with them.
#[tauri::command]
pub async fn set_preferences(
    state: State<'_, AppState>,
    preferences: Preferences,
) -> CommandResult<Preferences> {
    let saved = state.with_store(|store| {
        prefs::save(store, &preferences)?;
        prefs::load(store)
    })?;
    state.forget_review_session();
    Ok(saved)
}

/// The UI calls this once its first screen is interactive.
#[tauri::command]
pub fn app_ready() {
    if std::env::var_os("CLIO_REPORT_READY").is_some() {
        let first = FIRST_COMMAND_MS
            .get()
            .map_or("-".into(), |ms| ms.to_string());
        println!(
            "clio: ready in {} ms (page's first command at {first} ms)",
            crate::uptime_ms()
        );
    }
}

/// Registers the state and every command on a builder (the real app and the IPC tests share it).
pub fn register<R: tauri::Runtime>(
    builder: tauri::Builder<R>,
    state: AppState,
) -> tauri::Builder<R> {
    builder
        .manage(state)
        .invoke_handler(tauri::generate_handler![
            app_info,
            app_ready,
            list_documents,
            add_document,
            category_tree,
            search_documents,
            get_document,
            delete_document,
            import_paths,
            import_text,
            add_starter_library,
            document_cards,
            accept_cards,
            accept_all_cards,
            reject_cards,
            update_card,
            draft_card_from_selection,
            create_card,
            card_deck,
            review_status,
            review_restart,
            review_answer,
            review_undo,
            review_bury,
            review_suspend,
            check_typed_answer,
            due_summary,
            spread_backlog,
            optimize_parameters,
            start_quiz,
            answer_quiz_question,
            finish_quiz,
            quiz_history,
            create_annotation,
            update_annotation,
            delete_annotation,
            document_annotations,
            library_annotations,
            export_annotations,
            progress_dashboard,
            document_mastery,
            get_preferences,
            set_preferences,
            crate::backup_commands::library_problem,
            crate::backup_commands::list_backups,
            crate::backup_commands::last_automatic_backup,
            crate::backup_commands::back_up_now,
            crate::backup_commands::restore_backup,
            crate::card_file_commands::export_cards,
            crate::card_file_commands::import_cards,
            crate::browser_commands::browse_cards,
            crate::browser_commands::card_history,
            crate::browser_commands::card_action,
            crate::browser_commands::browser_edit_card,
            crate::browser_commands::undo_last,
            crate::browser_commands::last_undo,
        ])
}
