// Typed wrappers around the Tauri commands the Rust side implements.
// Every command rejects with a `CommandError` ({ message }) on failure; the
// wrappers normalise whatever arrives (including Tauri's own string errors,
// e.g. for an unknown command) into an `IpcError`, which is a real `Error`
// that still satisfies the `CommandError` shape.

import { Channel, invoke, type InvokeArgs } from '@tauri-apps/api/core';
import type { AddedDocument } from './bindings/AddedDocument';
import type { AppInfo } from './bindings/AppInfo';
import type { CommandError } from './bindings/CommandError';
import type { DocumentSummary } from './bindings/DocumentSummary';
import type { NewDocument } from './bindings/NewDocument';
import type { Block } from './bindings/Block';
import type { BlockKind } from './bindings/BlockKind';
import type { CategoryCount } from './bindings/CategoryCount';
import type { Document } from './bindings/Document';
import type { ImportedItem } from './bindings/ImportedItem';
import type { ImportProblem } from './bindings/ImportProblem';
import type { ImportReport } from './bindings/ImportReport';
import type { SearchHit } from './bindings/SearchHit';
import type { SnippetPart } from './bindings/SnippetPart';
import type { SourceFormat } from './bindings/SourceFormat';
import type { CardDraft } from './bindings/CardDraft';
import type { CardEdit } from './bindings/CardEdit';
import type { CardKind } from './bindings/CardKind';
import type { CardStatus } from './bindings/CardStatus';
import type { Deck } from './bindings/Deck';
import type { DeckCard } from './bindings/DeckCard';
import type { SelectionDrafts } from './bindings/SelectionDrafts';
import type { StoredCard } from './bindings/StoredCard';
import type { BacklogPlan } from './bindings/BacklogPlan';
import type { DiffPart } from './bindings/DiffPart';
import type { AnswerDiff } from './bindings/AnswerDiff';
import type { DueSummary } from './bindings/DueSummary';
import type { GradeButton } from './bindings/GradeButton';
import type { OptimizeReport } from './bindings/OptimizeReport';
import type { Rating } from './bindings/Rating';
import type { ReviewCard } from './bindings/ReviewCard';
import type { ReviewMode } from './bindings/ReviewMode';
import type { ReviewStatus } from './bindings/ReviewStatus';
import type { TypedCheck } from './bindings/TypedCheck';
import type { Preferences } from './bindings/Preferences';
import type { BackupInfo } from './bindings/BackupInfo';
import type { BackupRun } from './bindings/BackupRun';
import type { AutomaticBackup } from './bindings/AutomaticBackup';
import type { LibraryProblem } from './bindings/LibraryProblem';
import type { CardExportReport } from './bindings/CardExportReport';
import type { CardFileFormat } from './bindings/CardFileFormat';
import type { CardImportReport } from './bindings/CardImportReport';
import type { ExportScope } from './bindings/ExportScope';
import type { ImportedCardDocument } from './bindings/ImportedCardDocument';
import type { Progress } from './bindings/Progress';
import type { RestoreReport } from './bindings/RestoreReport';
import type { DiffKind } from './bindings/DiffKind';
import type { MissedQuestion } from './bindings/MissedQuestion';
import type { QuizFeedback } from './bindings/QuizFeedback';
import type { QuizFormat } from './bindings/QuizFormat';
import type { QuizQuestion } from './bindings/QuizQuestion';
import type { QuizRequest } from './bindings/QuizRequest';
import type { QuizResult } from './bindings/QuizResult';
import type { QuizScope } from './bindings/QuizScope';
import type { QuizSession } from './bindings/QuizSession';
import type { QuizSummary } from './bindings/QuizSummary';
import type { AnchorState } from './bindings/AnchorState';
import type { Annotation } from './bindings/Annotation';
import type { AnnotationEdit } from './bindings/AnnotationEdit';
import type { ExportSummary } from './bindings/ExportSummary';
import type { HighlightColor } from './bindings/HighlightColor';
import type { LibraryAnnotation } from './bindings/LibraryAnnotation';
import type { NewAnnotation } from './bindings/NewAnnotation';
import type { Dashboard } from './bindings/Dashboard';
import type { DocumentMastery } from './bindings/DocumentMastery';
import type { HardCard } from './bindings/HardCard';
import type { HeatmapDay } from './bindings/HeatmapDay';
import type { ForecastDay } from './bindings/ForecastDay';
import type { RetentionCell } from './bindings/RetentionCell';
import type { RetentionPeriod } from './bindings/RetentionPeriod';
import type { QuizScore } from './bindings/QuizScore';
import type { CategoryMastery } from './bindings/CategoryMastery';

import type { ActionOutcome } from './bindings/ActionOutcome';
import type { BrowserCard } from './bindings/BrowserCard';
import type { BrowserPage } from './bindings/BrowserPage';
import type { BrowserQuery } from './bindings/BrowserQuery';
import type { BrowserSort } from './bindings/BrowserSort';
import type { CardAction } from './bindings/CardAction';
import type { CardHistory } from './bindings/CardHistory';
import type { DueFilter } from './bindings/DueFilter';
import type { EditOutcome } from './bindings/EditOutcome';
import type { HistoryEntry } from './bindings/HistoryEntry';
import type { StateFilter } from './bindings/StateFilter';
import type { UndoInfo } from './bindings/UndoInfo';

export type { AddedDocument, AppInfo, CommandError, DocumentSummary, NewDocument };
export type {
  Block,
  BlockKind,
  CategoryCount,
  Document,
  ImportedItem,
  ImportProblem,
  ImportReport,
  SearchHit,
  SnippetPart,
  SourceFormat,
};
export type { Preferences };
export type { CardDraft, CardEdit, CardKind, CardStatus, Deck, DeckCard, SelectionDrafts, StoredCard };
export type {
  BacklogPlan,
  AnswerDiff,
  DiffPart,
  DueSummary,
  GradeButton,
  OptimizeReport,
  Rating,
  ReviewCard,
  ReviewMode,
  ReviewStatus,
  TypedCheck,
};
export type {
  DiffKind,
  MissedQuestion,
  QuizFeedback,
  QuizFormat,
  QuizQuestion,
  QuizRequest,
  QuizResult,
  QuizScope,
  QuizSession,
  QuizSummary,
};
export type { AnchorState, Annotation, AnnotationEdit, ExportSummary, HighlightColor, LibraryAnnotation, NewAnnotation };

export class IpcError extends Error implements CommandError {
  override readonly name = 'IpcError';
  constructor(
    readonly command: string,
    message: string,
  ) {
    super(message);
  }
}

function isCommandError(value: unknown): value is CommandError {
  return (
    typeof value === 'object' &&
    value !== null &&
    'message' in value &&
    typeof (value as { message: unknown }).message === 'string'
  );
}

/** A human-readable message for anything a command (or our code) threw. */
export function errorMessage(error: unknown): string {
  if (isCommandError(error) && error.message.trim() !== '') return error.message;
  if (typeof error === 'string' && error.trim() !== '') return error;
  return 'Something went wrong, and Clio did not get a reason.';
}

async function call<T>(command: string, args?: InvokeArgs): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    throw new IpcError(command, errorMessage(error));
  }
}

export function appInfo(): Promise<AppInfo> {
  return call<AppInfo>('app_info');
}

/** All documents, newest first. */
export function listDocuments(): Promise<DocumentSummary[]> {
  return call<DocumentSummary[]>('list_documents');
}

/** `created` is false when an identical document was already in the library. */
export function addDocument(doc: NewDocument): Promise<AddedDocument> {
  return call<AddedDocument>('add_document', { doc });
}

/** Tells the shell the first screen is on display; see `startup.ts`. */
export function appReady(): Promise<void> {
  return call<void>('app_ready');
}

/** Every category with its counts, depth-first by path. */
export function categoryTree(): Promise<CategoryCount[]> {
  return call<CategoryCount[]>('category_tree');
}

/** Full-text search, best hit first. An empty query gives []. */
export function searchDocuments(query: string): Promise<SearchHit[]> {
  return call<SearchHit[]>('search_documents', { query });
}

export function getDocument(id: number): Promise<Document> {
  return call<Document>('get_document', { id });
}

export function deleteDocument(id: number): Promise<void> {
  return call<void>('delete_document', { id });
}

/** Files and folders (recursively). */
export function importPaths(paths: string[]): Promise<ImportReport> {
  return call<ImportReport>('import_paths', { paths });
}

/** Pasted plain text or pasted HTML. */
export function importText(text: string): Promise<ImportReport> {
  return call<ImportReport>('import_text', { text });
}

/** Adds the starter library once, to an empty library; returns how many texts were added. */
export function addStarterLibrary(): Promise<number> {
  return call<number>('add_starter_library');
}

/** A document's cards: suggestions best first, then accepted ones in reading order. */
export function documentCards(documentId: number): Promise<StoredCard[]> {
  return call<StoredCard[]>('document_cards', { documentId });
}

/** Puts cards in the review deck; resolves to how many changed. */
export function acceptCards(ids: number[]): Promise<number> {
  return call<number>('accept_cards', { ids });
}

export function acceptAllCards(documentId: number): Promise<number> {
  return call<number>('accept_all_cards', { documentId });
}

/** Rejected cards are not suggested again. */
export function rejectCards(ids: number[]): Promise<number> {
  return call<number>('reject_cards', { ids });
}

/** Saves an edited card; with `accept`, a suggestion also joins the deck. */
export function updateCard(id: number, edit: CardEdit, accept: boolean): Promise<StoredCard> {
  return call<StoredCard>('update_card', { id, edit, accept });
}

/** Drafts for a selection given in code points of the document's body. */
export function draftCardFromSelection(documentId: number, start: number, end: number): Promise<SelectionDrafts> {
  return call<SelectionDrafts>('draft_card_from_selection', { documentId, start, end });
}

export function createCard(documentId: number, draft: CardDraft): Promise<StoredCard> {
  return call<StoredCard>('create_card', { documentId, draft });
}

export function cardDeck(): Promise<Deck> {
  return call<Deck>('card_deck');
}

/** Today's review session (started on first use). */
export function reviewStatus(mode: ReviewMode): Promise<ReviewStatus> {
  return call<ReviewStatus>('review_status', { mode });
}

/** Starts today's session afresh, e.g. after accepting new cards. */
export function reviewRestart(mode: ReviewMode): Promise<ReviewStatus> {
  return call<ReviewStatus>('review_restart', { mode });
}

/** Grades the card on screen; the answer is saved before the next card comes back. */
export function reviewAnswer(
  cardId: number,
  rating: Rating,
  durationMs: number | null,
  mode: ReviewMode,
): Promise<ReviewStatus> {
  return call<ReviewStatus>('review_answer', { cardId, rating, durationMs, mode });
}

export function reviewUndo(mode: ReviewMode): Promise<ReviewStatus> {
  return call<ReviewStatus>('review_undo', { mode });
}

export function reviewBury(cardId: number, mode: ReviewMode): Promise<ReviewStatus> {
  return call<ReviewStatus>('review_bury', { cardId, mode });
}

export function reviewSuspend(cardId: number, mode: ReviewMode): Promise<ReviewStatus> {
  return call<ReviewStatus>('review_suspend', { cardId, mode });
}

/** Checks a typed answer leniently and suggests a grade. */
export function checkTypedAnswer(expected: string, given: string): Promise<TypedCheck> {
  return call<TypedCheck>('check_typed_answer', { expected, given });
}

export function dueSummary(): Promise<DueSummary> {
  return call<DueSummary>('due_summary');
}

/** Spreads the overdue reviews over `days` days. */
export function spreadBacklog(days: number): Promise<BacklogPlan> {
  return call<BacklogPlan>('spread_backlog', { days });
}

/** Fits FSRS to the review log; keeps the new parameters only if better. */
export function optimizeParameters(): Promise<OptimizeReport> {
  return call<OptimizeReport>('optimize_parameters');
}

/** Starts a quiz: its questions, never their answers. Rejects for an empty scope or a bad count. */
export function startQuiz(request: QuizRequest): Promise<QuizSession> {
  return call<QuizSession>('start_quiz', { request });
}

/** Checks one answer (once per question) and says what was expected. */
export function answerQuizQuestion(
  sessionId: number,
  position: number,
  given: string,
  durationMs: number,
): Promise<QuizFeedback> {
  return call<QuizFeedback>('answer_quiz_question', { sessionId, position, given, durationMs });
}

/** Ends a quiz; unanswered questions count as missed. */
export function finishQuiz(sessionId: number): Promise<QuizResult> {
  return call<QuizResult>('finish_quiz', { sessionId });
}

/** Past quizzes, newest first. */
export function quizHistory(): Promise<QuizSummary[]> {
  return call<QuizSummary[]>('quiz_history');
}

/** Highlights code points `start..end` of a document, with an optional note. */
export function createAnnotation(annotation: NewAnnotation): Promise<Annotation> {
  return call<Annotation>('create_annotation', { annotation });
}

/** Sets a highlight's colour and note (a blank note removes it). */
export function updateAnnotation(id: number, edit: AnnotationEdit): Promise<Annotation> {
  return call<Annotation>('update_annotation', { id, edit });
}

export function deleteAnnotation(id: number): Promise<void> {
  return call<void>('delete_annotation', { id });
}

/** A document's highlights in reading order, those that could not be placed last. */
export function documentAnnotations(documentId: number): Promise<Annotation[]> {
  return call<Annotation[]>('document_annotations', { documentId });
}

/** Every highlight with its document; of one colour and matching `query` (quote or note) if given. */
export function libraryAnnotations(color: HighlightColor | null, query: string | null): Promise<LibraryAnnotation[]> {
  return call<LibraryAnnotation[]>('library_annotations', { color, query });
}

/** Writes one document's highlights (or all, with null) as Markdown to `path`. */
export function exportAnnotations(documentId: number | null, path: string): Promise<ExportSummary> {
  return call<ExportSummary>('export_annotations', { documentId, path });
}

// Progress

export type {
  CategoryMastery,
  Dashboard,
  DocumentMastery,
  ForecastDay,
  HardCard,
  HeatmapDay,
  QuizScore,
  RetentionCell,
  RetentionPeriod,
};

/** Everything the Progress screen shows, computed now by the core. */
export function progressDashboard(): Promise<Dashboard> {
  return call<Dashboard>('progress_dashboard');
}

/** Mastery per document with cards, for the library's bars. */
export function documentMastery(): Promise<DocumentMastery[]> {
  return call<DocumentMastery[]>('document_mastery');
}

/** The preferences the core acts on: scheduling and card writing. */
export function getPreferences(): Promise<Preferences> {
  return call<Preferences>('get_preferences');
}

/** Checks and stores preferences; rejects with a message naming the value and its range. */
export function setPreferences(preferences: Preferences): Promise<Preferences> {
  return call<Preferences>('set_preferences', { preferences });
}

/**
 * Stores a change to some preferences, read afresh first, so two Settings
 * sections saving one after the other never undo each other's values.
 */
export async function updatePreferences(change: Partial<Preferences>): Promise<Preferences> {
  return setPreferences({ ...(await getPreferences()), ...change });
}

export type { AutomaticBackup, BackupInfo, BackupRun, LibraryProblem, RestoreReport };

/** Why the library did not open; `null` when it is open. */
export function libraryProblem(): Promise<LibraryProblem | null> {
  return call<LibraryProblem | null>('library_problem');
}

/** The library's backups, newest first, each checked. */
export function listBackups(): Promise<BackupInfo[]> {
  return call<BackupInfo[]>('list_backups');
}

/** How the last automatic backup went; `null` before the first this session. */
export function lastAutomaticBackup(): Promise<AutomaticBackup | null> {
  return call<AutomaticBackup | null>('last_automatic_backup');
}

/** A backup now, and the old ones the keeping policy let go. */
export function backUpNow(): Promise<BackupRun> {
  return call<BackupRun>('back_up_now');
}

/**
 * Restores one of the library's backups (a path from `listBackups`); the
 * library as it was is backed up first. The library is open again after.
 */
export function restoreBackup(path: string): Promise<RestoreReport> {
  return call<RestoreReport>('restore_backup', { path });
}

export type { CardExportReport, CardFileFormat, CardImportReport, ExportScope, ImportedCardDocument, Progress };

/** A channel whose messages go to `onprogress`, for a command's progress bar. */
function progressChannel(onprogress: (progress: Progress) => void): Channel<Progress> {
  const channel = new Channel<Progress>();
  channel.onmessage = onprogress;
  return channel;
}

/** Writes the accepted cards of `scope` to an Anki package or a CSV file at `path`. */
export function exportCards(
  format: CardFileFormat,
  scope: ExportScope,
  withScheduling: boolean,
  path: string,
  onprogress: (progress: Progress) => void,
): Promise<CardExportReport> {
  return call<CardExportReport>('export_cards', {
    format,
    scope,
    withScheduling,
    path,
    onProgress: progressChannel(onprogress),
  });
}

/** Imports an `.apkg` or `.csv` file of cards: all of it, or nothing and an error. */
export function importCards(path: string, onprogress: (progress: Progress) => void): Promise<CardImportReport> {
  return call<CardImportReport>('import_cards', { path, onProgress: progressChannel(onprogress) });
}

// ---- the card browser and undo ----------------------------------------------

export type {
  ActionOutcome,
  BrowserCard,
  BrowserPage,
  BrowserQuery,
  BrowserSort,
  CardAction,
  CardHistory,
  DueFilter,
  EditOutcome,
  HistoryEntry,
  StateFilter,
  UndoInfo,
};

/** A page of the deck's cards, filtered and sorted. */
export function browseCards(query: BrowserQuery): Promise<BrowserPage> {
  return call<BrowserPage>('browse_cards', { query });
}

/** A deck card and every answer given to it. */
export function cardHistory(cardId: number): Promise<CardHistory> {
  return call<CardHistory>('card_history', { cardId });
}

/** Suspends, buries, flags, resets or deletes cards, all or none; undoable. */
export function cardAction(action: CardAction, ids: number[]): Promise<ActionOutcome> {
  return call<ActionOutcome>('card_action', { action, ids });
}

/** Saves a card's prompt and answer from the browser; undoable. */
export function browserEditCard(id: number, edit: CardEdit): Promise<EditOutcome> {
  return call<EditOutcome>('browser_edit_card', { id, edit });
}

/** Puts back the last undoable action; resolves to what was undone. */
export function undoLast(): Promise<string> {
  return call<string>('undo_last');
}

/** The action that can be undone now, if any. */
export function lastUndo(): Promise<UndoInfo | null> {
  return call<UndoInfo | null>('last_undo');
}
