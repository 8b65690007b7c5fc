// The page's IPC layer: the typed wrappers generated from the Rust commands
// (commands.gen.ts, written by `make bindings`; one per command, named as the
// command in camelCase, taking its arguments in order) and the types they use.
// Every command rejects with an `IpcError` (see ipcCall.ts).

import { getPreferences, setPreferences } from './commands.gen';
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

export * from './commands.gen';
export { errorMessage, IpcError } from './ipcCall';

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

export type { AutomaticBackup, BackupInfo, BackupRun, LibraryProblem, RestoreReport };

export type { CardExportReport, CardFileFormat, CardImportReport, ExportScope, ImportedCardDocument, Progress };

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

/**
 * Stores a change to some preferences, read afresh first, so two Settings
 * sections saving one after the other never undo each other's values.
 */
export async function updatePreferences(change: Partial<Preferences>): Promise<Preferences> {
  return setPreferences({ ...(await getPreferences()), ...change });
}
