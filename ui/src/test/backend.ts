// A fake Clio backend for component tests: answers the app's commands and
// the store plugin's through mockIPC, and records every call.

import type { Channel } from '@tauri-apps/api/core';
import { mockIPC, mockWindows } from '@tauri-apps/api/mocks';
import type { CommandArgs, CommandName, CommandReturn } from '../lib/commands.gen';
import type { AppInfo } from '../lib/bindings/AppInfo';
import type { CommandError } from '../lib/bindings/CommandError';
import type { DocumentSummary } from '../lib/bindings/DocumentSummary';
import type { NewDocument } from '../lib/bindings/NewDocument';
import type { CategoryCount } from '../lib/bindings/CategoryCount';
import type { Document } from '../lib/bindings/Document';
import type { ImportReport } from '../lib/bindings/ImportReport';
import type { SearchHit } from '../lib/bindings/SearchHit';
import type { SelectionDrafts } from '../lib/bindings/SelectionDrafts';
import type { StoredCard } from '../lib/bindings/StoredCard';
import type { Preferences } from '../lib/bindings/Preferences';
import type { BackupInfo } from '../lib/bindings/BackupInfo';
import type { LibraryProblem } from '../lib/bindings/LibraryProblem';
import type { AutomaticBackup } from '../lib/bindings/AutomaticBackup';
import type { CardImportReport } from '../lib/bindings/CardImportReport';
import type { Progress } from '../lib/bindings/Progress';
import type { DueSummary } from '../lib/bindings/DueSummary';
import type { ReviewStatus } from '../lib/bindings/ReviewStatus';
import type { ReviewMode } from '../lib/bindings/ReviewMode';
import type { AnswerDiff } from '../lib/bindings/AnswerDiff';
import type { DiffPart } from '../lib/bindings/DiffPart';
import type { QuizResult } from '../lib/bindings/QuizResult';
import type { MissedQuestion } from '../lib/bindings/MissedQuestion';
import type { QuizFeedback } from '../lib/bindings/QuizFeedback';
import type { QuizQuestion } from '../lib/bindings/QuizQuestion';
import type { QuizSummary } from '../lib/bindings/QuizSummary';
import type { Annotation } from '../lib/bindings/Annotation';
import type { HighlightColor } from '../lib/bindings/HighlightColor';
import type { LibraryAnnotation } from '../lib/bindings/LibraryAnnotation';
import type { Dashboard } from '../lib/bindings/Dashboard';
import type { DocumentMastery } from '../lib/bindings/DocumentMastery';
import type { BrowserCard } from '../lib/bindings/BrowserCard';
import type { BrowserQuery } from '../lib/bindings/BrowserQuery';
import type { HistoryEntry } from '../lib/bindings/HistoryEntry';

/**
 * The fake's answer to each command: every command the shell registers (the
 * list, the argument names and types and the results are generated from the
 * Rust commands, see commands.gen.ts), so the fake cannot drift from them.
 */
export type FakeCommands = {
  [C in CommandName]: (args: CommandArgs<C>) => CommandReturn<C> | Promise<CommandReturn<C>>;
};

export interface Call {
  cmd: string;
  args: Record<string, unknown>;
}

export interface FakeBackendOptions {
  documents?: DocumentSummary[];
  /** The library's backups, newest first. */
  backups?: BackupInfo[];
  /** import_cards answers with this (or rejects with `cardImportError`). */
  cardImport?: CardImportReport;
  cardImportError?: CommandError;
  /** last_automatic_backup answers with this. */
  automaticBackup?: AutomaticBackup;
  /** library_problem answers with this (the library did not open). */
  problem?: LibraryProblem;
  /**
   * The start-up check finishes after app_info's first answer and finds this
   * damage (its event goes out before the window listens): from then on
   * every command reports it.
   */
  damagedAfterLaunch?: LibraryProblem;
  info?: Partial<AppInfo>;
  /** app_info rejects with this. */
  appInfoError?: CommandError;
  /** list_documents rejects with this. */
  listError?: CommandError;
  /** add_document rejects with this. */
  addError?: CommandError;
  /** Settings already in settings.json. */
  settings?: Record<string, unknown>;
  /** Make add_document wait for this before answering. */
  addGate?: Promise<void>;
  categories?: CategoryCount[];
  /** search_documents answers with this for any non-empty query. */
  search?: (query: string) => SearchHit[];
  /** get_document answers with this (by id); a summary-based document otherwise. */
  fullDocuments?: Record<number, Partial<Document>>;
  /** What import_paths / import_text answer. */
  importReport?: ImportReport;
  /** How many texts add_starter_library adds (they are added to the list). */
  starter?: number;
  /** What the file dialog returns. */
  dialogResult?: string[] | string | null;
  /** Every document's cards (any status). */
  cards?: StoredCard[];
  /** What draft_card_from_selection answers (it rejects without). */
  drafts?: SelectionDrafts;
  /** review_status answers with these, one per answer; undo steps back. As in the core, a card has choices only in choice mode. */
  reviews?: ReviewStatus[];
  /** Make review_status in choice mode wait for this before answering. */
  choiceGate?: Promise<void>;
  /** due_summary answers with this. */
  due?: DueSummary;
  /** progress_dashboard rejects with this. */
  dashboardError?: CommandError;
  /** progress_dashboard answers with this (an empty dashboard without). */
  dashboard?: Dashboard;
  /** document_mastery answers with this (none without). */
  mastery?: DocumentMastery[];
  /** update_card rejects with this when the prompt is this text. */
  badPrompt?: { prompt: string; message: string };
  /** The questions start_quiz asks (the first `questionCount`), with their answers. */
  quizQuestions?: FakeQuizQuestion[];
  /** start_quiz rejects with this. */
  quizError?: CommandError;
  /** Past quizzes, newest first. */
  quizHistory?: QuizSummary[];
  /** Every document's highlights. */
  annotations?: Annotation[];
  /** create_annotation rejects with this. */
  annotationError?: CommandError;
  /** What the save dialog returns (null: cancelled). */
  savePath?: string | null;
  /** export_annotations rejects with this. */
  exportError?: CommandError;
  /** The browser's view of deck cards beyond their StoredCard fields (state, flags…), by id. */
  schedules?: Record<number, Partial<FakeSchedule>>;
  /** card_history answers with these reviews, by card id. */
  histories?: Record<number, HistoryEntry[]>;
}

/** What the browser shows of a deck card's schedule in the fake. */
export type FakeSchedule = Pick<
  BrowserCard,
  'state' | 'suspended' | 'buriedUntil' | 'flagged' | 'leech' | 'due' | 'difficulty' | 'stability' | 'reps' | 'lapses'
>;

const NEW_SCHEDULE: FakeSchedule = {
  state: 'new',
  suspended: false,
  buriedUntil: null,
  flagged: false,
  leech: false,
  due: null,
  difficulty: null,
  stability: null,
  reps: 0,
  lapses: 0,
};

/** A question of the fake quiz: what the UI sees, the answer, and the card's place. */
export interface FakeQuizQuestion extends Omit<QuizQuestion, 'position' | 'note'> {
  expected: string;
  note?: string | null;
  documentId?: number | null;
  documentTitle?: string | null;
  spanStart?: number | null;
  spanEnd?: number | null;
}

/** Lower case, no accents, single spaces: how the fake judges typed answers. */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** A word diff as the core gives it, simplified: a word is the same when the other side has it. */
export function wordDiff(expected: string, given: string): AnswerDiff {
  const e = expected.split(/\s+/).filter(Boolean);
  const g = given.split(/\s+/).filter(Boolean);
  const runs = (words: string[], other: string[], marked: 'missing' | 'extra'): DiffPart[] => {
    const keys = new Set(other.map(fold));
    const parts: DiffPart[] = [];
    for (const word of words) {
      const kind = keys.has(fold(word)) ? 'same' : marked;
      const last = parts[parts.length - 1];
      if (last && last.kind === kind) last.text += ` ${word}`;
      else parts.push({ kind, text: word });
    }
    return parts;
  };
  return { given: runs(g, e, 'extra'), expected: runs(e, g, 'missing') };
}

export function annotation(id: number, overrides: Partial<Annotation> = {}): Annotation {
  return {
    id,
    documentId: 1,
    color: 'yellow',
    note: null,
    quote: 'Body',
    start: 0,
    end: 4,
    state: 'anchored',
    createdAt: Date.UTC(2025, 2, 12),
    updatedAt: Date.UTC(2025, 2, 12),
    ...overrides,
  };
}

/** Reading order, the orphans last (as the core lists them). */
function byReadingOrder(a: Annotation, b: Annotation): number {
  const placedA = a.start !== null;
  const placedB = b.start !== null;
  if (placedA !== placedB) return placedA ? -1 : 1;
  return (a.start ?? 0) - (b.start ?? 0) || (a.end ?? 0) - (b.end ?? 0) || a.id - b.id;
}

export function card(id: number, overrides: Partial<StoredCard> = {}): StoredCard {
  return {
    id,
    documentId: 1,
    kind: 'question',
    prompt: `Question ${id}?`,
    answer: `Answer ${id}`,
    choices: [],
    sourceText: 'Body.',
    spanStart: 0,
    spanEnd: 5,
    origin: 'generated',
    status: 'suggested',
    needsCheck: false,
    score: 0.5,
    heldBack: false,
    createdAt: Date.UTC(2025, 2, 12),
    updatedAt: Date.UTC(2025, 2, 12),
    ...overrides,
  };
}

export const EMPTY_REVIEW: ReviewStatus = {
  card: null,
  counts: { new: 0, learning: 0, review: 0 },
  nextDueAt: null,
  answered: 0,
  canUndo: false,
  leech: null,
};

export const EMPTY_REPORT: ImportReport = {
  added: [],
  updated: [],
  unchanged: [],
  problems: [],
  warnings: [],
  suggestionsPending: 0,
};

export function fullDocument(id: number, overrides: Partial<Document> = {}): Document {
  return {
    id,
    title: `Document ${id}`,
    author: null,
    categoryPath: [],
    source: null,
    format: 'manual',
    body: 'Body.',
    blocks: [{ kind: 'paragraph', text: 'Body.' }],
    tags: [],
    revision: 1,
    createdAt: Date.UTC(2025, 2, 12),
    updatedAt: Date.UTC(2025, 2, 12),
    ...overrides,
  };
}

export const BASE_INFO: AppInfo = {
  version: '0.1.0',
  dbPath: '/home/ada/.local/share/app.clio/clio.sqlite3',
  schemaVersion: 3,
  documentCount: 0,
  cardCount: 0,
  dueCount: 0,
};

export function doc(id: number, overrides: Partial<DocumentSummary> = {}): DocumentSummary {
  return {
    id,
    title: `Document ${id}`,
    author: null,
    categoryPath: [],
    wordCount: 100,
    addedAt: Date.UTC(2025, 2, 12, 10, 30),
    ...overrides,
  };
}

export function fakeBackend(options: FakeBackendOptions = {}) {
  const calls: Call[] = [];
  const documents: DocumentSummary[] = [...(options.documents ?? [])];
  const settings = new Map<string, unknown>(Object.entries(options.settings ?? {}));
  const saved: Record<string, unknown>[] = [];
  const cards: StoredCard[] = [...(options.cards ?? [])];
  let preferences: Preferences = {
    desiredRetention: 0.9,
    newPerDay: 20,
    reviewsPerDay: 200,
    learningSteps: [1, 10],
    relearningSteps: [10],
    maximumIntervalDays: 36500,
    leechThreshold: 8,
    leechSuspend: false,
    clozeCards: true,
    multipleChoiceCards: true,
    trueFalseCards: true,
    autoAcceptSuggestions: false,
    backupIntervalMinutes: 30,
    dailyBackupDays: 30,
    weeklyBackupWeeks: 52,
    monthlyBackupMonths: 120,
  };
  const backups: BackupInfo[] = [...(options.backups ?? [])];
  let problem: LibraryProblem | null = options.problem ?? null;
  const reviews = options.reviews ?? [];
  let reviewAt = 0;
  const reviewNow = (mode: ReviewMode = 'choice'): ReviewStatus => {
    const shown = reviews[Math.min(reviewAt, reviews.length - 1)] ?? EMPTY_REVIEW;
    return mode === 'choice' || !shown.card ? shown : { ...shown, card: { ...shown.card, choices: [] } };
  };
  const annotations: Annotation[] = [...(options.annotations ?? [])];
  let nextId = 1000;
  const quizHistory: QuizSummary[] = [...(options.quizHistory ?? [])];
  interface FakeSession {
    id: number;
    questions: FakeQuizQuestion[];
    given: (string | null)[];
    correct: boolean[];
  }
  const quizzes = new Map<number, FakeSession>();
  let quizClock = Date.UTC(2025, 5, 2, 9);

  // Undo, as the store keeps it: the newest action only, with everything it changed.
  const schedules = new Map<number, FakeSchedule>(
    Object.entries(options.schedules ?? {}).map(([id, extra]) => [Number(id), { ...NEW_SCHEDULE, ...extra }]),
  );
  const scheduleOf = (id: number): FakeSchedule => {
    if (!schedules.has(id)) schedules.set(id, { ...NEW_SCHEDULE });
    return schedules.get(id)!;
  };
  let undoEntry: {
    label: string;
    cards: StoredCard[];
    documents: DocumentSummary[];
    schedules: [number, FakeSchedule][];
  } | null = null;
  function remember(label: string) {
    undoEntry = {
      label,
      cards: cards.map((c) => ({ ...c })),
      documents: documents.map((d) => ({ ...d })),
      schedules: [...schedules].map(([id, sc]) => [id, { ...sc }]),
    };
  }
  function browserCard(c: StoredCard): BrowserCard {
    return {
      id: c.id,
      documentId: c.documentId,
      documentTitle: documents.find((d) => d.id === c.documentId)?.title ?? null,
      kind: c.kind,
      prompt: c.prompt,
      answer: c.answer,
      sourceText: c.sourceText,
      spanStart: c.spanStart,
      spanEnd: c.spanEnd,
      needsCheck: c.needsCheck,
      createdAt: c.createdAt,
      ...scheduleOf(c.id),
    };
  }
  function browse(query: BrowserQuery) {
    const words = fold(query.search).split(' ').filter(Boolean);
    const matches = cards
      .filter((c) => c.status === 'accepted')
      .map(browserCard)
      .filter((c) => words.every((w) => fold(`${c.prompt} ${c.answer} ${c.sourceText ?? ''}`).includes(w)))
      .filter((c) => query.documentId === null || c.documentId === query.documentId)
      .filter((c) => query.kind === null || c.kind === query.kind)
      .filter((c) => {
        switch (query.state) {
          case null:
            return true;
          case 'new':
          case 'review':
            return c.state === query.state && !c.suspended;
          case 'learning':
            return (c.state === 'learning' || c.state === 'relearning') && !c.suspended;
          case 'suspended':
            return c.suspended;
          case 'buried':
            return c.buriedUntil !== null;
          case 'flagged':
            return c.flagged;
          case 'leech':
            return c.leech;
        }
      })
      .sort((a, b) => {
        const key = (c: BrowserCard) =>
          query.sort === 'added'
            ? c.createdAt
            : query.sort === 'lapses'
              ? c.lapses
              : query.sort === 'difficulty'
                ? (c.difficulty ?? 99)
                : (c.due ?? Number.MAX_SAFE_INTEGER);
        return (key(a) - key(b) || a.id - b.id) * (query.descending ? -1 : 1);
      });
    const limit = query.limit === 0 ? 100 : query.limit;
    return { total: matches.length, offset: query.offset, cards: matches.slice(query.offset, query.offset + limit) };
  }

  function findCard(id: unknown): StoredCard {
    const found = cards.find((c) => c.id === id);
    if (!found) throw { message: `no card with id ${String(id)}` } satisfies CommandError;
    return found;
  }

  function findAnnotation(id: unknown): Annotation {
    const found = annotations.find((a) => a.id === id);
    if (!found) throw { message: `no highlight with id ${String(id)}` } satisfies CommandError;
    return found;
  }

  function documentOf(id: number): { title: string; categoryPath: string[]; body: string } {
    const summary = documents.find((d) => d.id === id);
    return { ...fullDocument(id, { ...summary, ...options.fullDocuments?.[id] }) };
  }

  function existing(newDoc: NewDocument) {
    return documents.find((d) => d.title === newDoc.title);
  }

  /** What import_paths and import_text answer; the added texts join the list. */
  function imported(): ImportReport {
    const report = options.importReport ?? EMPTY_REPORT;
    for (const item of report.added) {
      if (!documents.some((d) => d.id === item.id)) documents.unshift(doc(item.id, { title: item.title }));
    }
    return report;
  }

  /** The session after an answer, a bury or a suspension: the next status given. */
  function nextReview(mode: ReviewMode): ReviewStatus {
    reviewAt++;
    return reviewNow(mode);
  }

  // Every command the shell registers, with its arguments and result as
  // generated from the Rust side: a command missing here, or an argument
  // under another name, fails the type check.
  const commands: FakeCommands = {
    app_info: () => {
      if (options.appInfoError) throw options.appInfoError;
      if (problem) throw { message: problem.message } satisfies CommandError;
      if (options.damagedAfterLaunch) {
        problem = options.damagedAfterLaunch;
        options.damagedAfterLaunch = undefined;
      }
      return {
        ...BASE_INFO,
        documentCount: documents.length,
        ...options.info,
      } satisfies AppInfo;
    },
    list_documents: () => {
      if (options.listError) throw options.listError;
      return [...documents];
    },
    add_document: async (args) => {
      if (options.addGate) await options.addGate;
      if (options.addError) throw options.addError;
      const newDoc = args.doc;
      const found = existing(newDoc);
      if (found) return { id: found.id, created: false };
      const id = nextId++;
      documents.unshift({
        id,
        title: newDoc.title,
        author: newDoc.author,
        categoryPath: newDoc.categoryPath,
        wordCount: newDoc.body.split(/\s+/).filter(Boolean).length,
        addedAt: Date.UTC(2025, 5, 1),
      });
      return { id, created: true };
    },
    app_ready: () => {},
    category_tree: () => {
      return options.categories ?? [];
    },
    search_documents: (args) => {
      const query = String(args.query ?? '');
      return query.trim() === '' ? [] : (options.search?.(query) ?? []);
    },
    get_document: (args) => {
      const id = args.id;
      const summary = documents.find((d) => d.id === id);
      const extra = options.fullDocuments?.[id];
      if (!summary && !extra) throw { message: `No document ${id}` } satisfies CommandError;
      return fullDocument(id, { ...summary, ...extra });
    },
    delete_document: (args) => {
      const gone = documents.find((d) => d.id === args.id);
      if (gone) remember(`Deleted “${gone.title}”`);
      const index = documents.findIndex((d) => d.id === args.id);
      if (index >= 0) documents.splice(index, 1);
      return;
    },
    import_paths: () => imported(),
    import_text: () => imported(),
    add_starter_library: () => {
      const n = options.starter ?? 0;
      for (let i = 0; i < n; i++) documents.push(doc(5000 + i, { title: `Starter ${i + 1}` }));
      options.starter = 0;
      return n;
    },
    document_cards: (args) => {
      return cards
        .filter((c) => c.documentId === args.documentId && c.status !== 'rejected')
        .sort((a, b) => Number(a.status === 'accepted') - Number(b.status === 'accepted'));
    },
    accept_cards: (args) => {
      const found = args.ids.map(findCard);
      for (const c of found) c.status = 'accepted';
      return found.length;
    },
    reject_cards: (args) => {
      const found = args.ids.map(findCard);
      const one = found.length === 1 ? found[0]! : null;
      remember(
        one?.status === 'accepted'
          ? 'Removed a card from your deck'
          : one
            ? 'Rejected a suggestion'
            : `Rejected ${found.length} cards`,
      );
      for (const c of found) c.status = 'rejected';
      return found.length;
    },
    accept_all_cards: (args) => {
      const waiting = cards.filter((c) => c.documentId === args.documentId && c.status === 'suggested' && !c.heldBack);
      for (const c of waiting) c.status = 'accepted';
      return waiting.length;
    },
    update_card: (args) => {
      const found = findCard(args.id);
      const edit = args.edit;
      if (options.badPrompt && edit.prompt === options.badPrompt.prompt) {
        throw { message: options.badPrompt.message } satisfies CommandError;
      }
      Object.assign(found, edit, args.accept ? { status: 'accepted' } : {});
      return { ...found };
    },
    draft_card_from_selection: () => {
      if (!options.drafts) throw { message: 'The selection holds no words.' } satisfies CommandError;
      return options.drafts;
    },
    create_card: (args) => {
      const draft = args.draft;
      const created = card(nextId++, {
        ...draft,
        documentId: args.documentId,
        origin: 'selection',
        status: 'accepted',
      });
      cards.push(created);
      return created;
    },
    card_deck: () => {
      const accepted = cards.filter((c) => c.status === 'accepted');
      return {
        total: accepted.length,
        cards: accepted.map((c) => ({ ...c, documentTitle: documents.find((d) => d.id === c.documentId)?.title ?? null })),
      };
    },
    review_status: async (args) => {
      if (args.mode === 'choice') await options.choiceGate;
      return reviewNow(args.mode);
    },
    review_restart: (args) => reviewNow(args.mode),
    review_answer: (args) => nextReview(args.mode),
    review_bury: (args) => nextReview(args.mode),
    review_suspend: (args) => nextReview(args.mode),
    review_undo: (args) => {
      reviewAt = Math.max(0, reviewAt - 1);
      return reviewNow(args.mode);
    },
    browse_cards: (args) => {
      return browse(args.query);
    },
    card_history: (args) => {
      const found = findCard(args.cardId);
      return { card: browserCard(found), reviews: options.histories?.[found.id] ?? [] };
    },
    card_action: (args) => {
      const action = args.action;
      const ids = args.ids;
      const found = ids.map(findCard);
      if (found.some((c) => c.status !== 'accepted'))
        throw { message: 'no card in the deck with that id' } satisfies CommandError;
      const verb = {
        suspend: 'Suspended',
        unsuspend: 'Unsuspended',
        bury: 'Buried',
        reset: 'Reset',
        flag: 'Flagged',
        unflag: 'Unflagged',
        delete: 'Deleted',
      }[action];
      const label = `${verb} ${ids.length === 1 ? 'a card' : `${ids.length} cards`}`;
      remember(label);
      for (const c of found) {
        const sc = scheduleOf(c.id);
        if (action === 'suspend' || action === 'unsuspend') sc.suspended = action === 'suspend';
        if (action === 'flag' || action === 'unflag') sc.flagged = action === 'flag';
        if (action === 'bury') sc.buriedUntil = Date.UTC(2030, 0, 1);
        if (action === 'reset') Object.assign(sc, NEW_SCHEDULE, { flagged: sc.flagged, leech: sc.leech });
        if (action === 'delete') cards.splice(cards.indexOf(c), 1);
      }
      return { changed: ids.length, undo: { label, createdAt: Date.UTC(2025, 5, 2) } };
    },
    browser_edit_card: (args) => {
      const found = findCard(args.id);
      const edit = args.edit;
      if (edit.prompt.trim() === '') {
        throw { message: 'The prompt is empty. Write the question (or the sentence with a blank).' } satisfies CommandError;
      }
      remember('Edited a card');
      Object.assign(found, { prompt: edit.prompt.trim(), answer: edit.answer.trim() });
      return { card: browserCard(found), undo: { label: 'Edited a card', createdAt: Date.UTC(2025, 5, 2) } };
    },
    last_undo: () => {
      return undoEntry ? { label: undoEntry.label, createdAt: Date.UTC(2025, 5, 2) } : null;
    },
    undo_last: () => {
      if (!undoEntry) throw { message: 'There is nothing to undo.' } satisfies CommandError;
      const entry = undoEntry;
      undoEntry = null;
      cards.splice(0, cards.length, ...entry.cards);
      documents.splice(0, documents.length, ...entry.documents);
      schedules.clear();
      for (const [id, sc] of entry.schedules) schedules.set(id, sc);
      return entry.label;
    },
    check_typed_answer: (args) => {
      const expected = String(args.expected);
      const given = String(args.given);
      const fold = (t: string) =>
        t
          .normalize('NFD')
          .replace(/[\u0300-\u036f]/g, '')
          .toLowerCase()
          .trim();
      const correct = fold(expected) === fold(given);
      return {
        correct,
        exact: expected === given,
        suggested: correct ? 'good' : 'again',
        diff: wordDiff(expected, given),
      };
    },
    due_summary: () => {
      return options.due ?? { today: { new: 0, learning: 0, review: 0 }, overdue: 0, canOptimize: false, reviewCount: 0 };
    },
    get_preferences: () => {
      return { ...preferences };
    },
    set_preferences: (args) => {
      const next = args.preferences;
      if (next.desiredRetention < 0.7 || next.desiredRetention > 0.99) {
        throw { message: `desired retention must be between 0.70 and 0.99; got ${next.desiredRetention}` } satisfies CommandError;
      }
      if (next.backupIntervalMinutes < 5 || next.backupIntervalMinutes > 1440) {
        throw {
          message: `the time between backups must be between 5 and 1440 minutes; got ${next.backupIntervalMinutes}`,
        } satisfies CommandError;
      }
      preferences = { ...next };
      return { ...preferences };
    },
    library_problem: () => {
      return problem;
    },
    export_cards: (args) => {
      const report = progressTo(args.onProgress, 'writing', 40);
      return {
        path: args.path,
        sizeBytes: 18_000,
        cards: report,
        reviews: args.withScheduling ? 95 : 0,
        withScheduling: args.withScheduling,
      };
    },
    import_cards: (args) => {
      progressTo(args.onProgress, 'storing', 12);
      if (options.cardImportError) throw options.cardImportError;
      if (!options.cardImport) throw { message: 'fake backend: give cardImport or cardImportError' } satisfies CommandError;
      return options.cardImport;
    },
    last_automatic_backup: () => {
      return options.automaticBackup ?? null;
    },
    list_backups: () => {
      return backups.map((b) => ({ ...b }));
    },
    back_up_now: () => {
      const newest = Math.max(Date.UTC(2026, 2, 10, 12), ...backups.map((b) => b.createdAt + 60_000));
      const backup = fakeBackup(newest);
      backups.unshift(backup);
      return { backup, thinned: [] };
    },
    restore_backup: (args) => {
      const chosen = backups.find((b) => b.path === args.path);
      if (!chosen) throw { message: `${String(args.path)} is not one of this library's backups` } satisfies CommandError;
      const safety = problem ? null : fakeBackup(Math.max(...backups.map((b) => b.createdAt)) + 60_000);
      if (safety) backups.unshift(safety);
      const movedAside = problem ? '/data/clio.sqlite3.damaged-20260310-120000' : null;
      problem = null;
      return { restoredFrom: chosen.path, safetyBackup: safety, movedAside };
    },
    optimize_parameters: () => {
      return { reviewsUsed: 1200, logLossBefore: 0.352, logLossAfter: 0.318, parameters: [], adopted: true };
    },
    spread_backlog: () => {
      return {
        moves: [
          [1, 0],
          [2, 0],
        ],
        perDay: [1, 1],
      };
    },
    start_quiz: (args) => {
      if (options.quizError) throw options.quizError;
      const request = args.request;
      const questions = (options.quizQuestions ?? []).slice(0, request.questionCount);
      if (questions.length === 0) {
        throw { message: 'Your deck has no cards yet. Accept some suggested cards in the reader first.' } satisfies CommandError;
      }
      const id = nextId++;
      quizzes.set(id, { id, questions, given: questions.map(() => null), correct: questions.map(() => false) });
      const scopeLabel = request.scope.kind === 'all' ? 'Everything' : `Quiz on ${request.scope.kind}`;
      quizHistory.unshift({
        id,
        scopeLabel,
        startedAt: (quizClock += 60_000),
        finishedAt: null,
        questionCount: questions.length,
        correctCount: 0,
        answeredCount: 0,
      });
      return {
        id,
        scopeLabel,
        questions: questions.map((q, i) => ({
          position: i + 1,
          cardId: q.cardId,
          format: q.format,
          prompt: q.prompt,
          choices: q.choices,
          note: q.note ?? null,
        })),
      };
    },
    answer_quiz_question: (args) => {
      const session = quizzes.get(args.sessionId);
      if (!session) throw { message: `no quiz with id ${String(args.sessionId)}` } satisfies CommandError;
      const index = args.position - 1;
      const q = session.questions[index];
      if (!q) throw { message: `This quiz has no question ${index + 1}.` } satisfies CommandError;
      if (session.given[index] !== null) {
        throw { message: `Question ${index + 1} of this quiz was already answered.` } satisfies CommandError;
      }
      const given = args.given;
      const correct = q.format === 'typed' ? fold(given) === fold(q.expected) : given === q.expected;
      session.given[index] = given;
      session.correct[index] = correct;
      const diff = q.format === 'typed' ? wordDiff(q.expected, given) : null;
      return {
        correct,
        expected: q.expected,
        diff,
        documentId: q.documentId ?? null,
        spanStart: q.spanStart ?? null,
        spanEnd: q.spanEnd ?? null,
        sourceText: null,
      } satisfies QuizFeedback;
    },
    finish_quiz: (args) => {
      const session = quizzes.get(args.sessionId);
      if (!session) throw { message: `no quiz with id ${String(args.sessionId)}` } satisfies CommandError;
      const correct = session.correct.filter(Boolean).length;
      const answered = session.given.filter((g) => g !== null).length;
      if (answered === 0) {
        // As the core does: nothing answered, nothing kept.
        quizHistory.splice(
          quizHistory.findIndex((h) => h.id === session.id),
          1,
        );
        return { correct: 0, total: 0, unanswered: session.questions.length, saved: false, missed: [] } satisfies QuizResult;
      }
      const missed: MissedQuestion[] = session.questions.flatMap((q, i) =>
        session.correct[i]
          ? []
          : [
              {
                position: i + 1,
                prompt: q.prompt,
                expected: q.expected,
                given: session.given[i] ?? null,
                cardId: q.cardId,
                documentId: q.documentId ?? null,
                documentTitle: q.documentTitle ?? null,
                spanStart: q.spanStart ?? null,
                spanEnd: q.spanEnd ?? null,
              },
            ],
      );
      const row = quizHistory.find((h) => h.id === session.id);
      if (row) Object.assign(row, { finishedAt: row.startedAt + 30_000, correctCount: correct, answeredCount: answered });
      return {
        correct,
        total: answered,
        unanswered: session.questions.length - answered,
        saved: true,
        missed,
      } satisfies QuizResult;
    },
    quiz_history: () => {
      // Quizzes with no answer are not history; the fake counts answers as they come.
      return quizHistory
        .map((h) => {
          const live = quizzes.get(h.id);
          return live ? { ...h, answeredCount: live.given.filter((g) => g !== null).length } : { ...h };
        })
        .filter((h) => h.answeredCount > 0);
    },
    create_annotation: (args) => {
      if (options.annotationError) throw options.annotationError;
      const req = args.annotation;
      const body = Array.from(documentOf(req.documentId).body);
      if (req.start >= req.end || req.end > body.length) {
        throw { message: 'The selection is not in this text. Select the words again.' } satisfies CommandError;
      }
      const created = annotation(nextId++, {
        documentId: req.documentId,
        color: req.color,
        note: req.note?.trim() ? req.note : null,
        quote: body.slice(req.start, req.end).join(''),
        start: req.start,
        end: req.end,
      });
      annotations.push(created);
      return { ...created };
    },
    update_annotation: (args) => {
      const found = findAnnotation(args.id);
      const edit = args.edit;
      Object.assign(found, { color: edit.color, note: edit.note?.trim() ? edit.note : null, updatedAt: Date.UTC(2025, 5, 1) });
      return { ...found };
    },
    delete_annotation: (args) => {
      findAnnotation(args.id);
      annotations.splice(
        annotations.findIndex((a) => a.id === args.id),
        1,
      );
      return;
    },
    document_annotations: (args) => {
      return annotations
        .filter((a) => a.documentId === args.documentId)
        .sort(byReadingOrder)
        .map((a) => ({ ...a }));
    },
    library_annotations: (args) => {
      const color = (args.color ?? null) as HighlightColor | null;
      const query = String(args.query ?? '')
        .trim()
        .toLowerCase();
      return annotations
        .filter((a) => color === null || a.color === color)
        .filter((a) => query === '' || `${a.quote}\n${a.note ?? ''}`.toLowerCase().includes(query))
        .map((a): LibraryAnnotation => {
          const d = documentOf(a.documentId);
          return { ...a, documentTitle: d.title, categoryPath: d.categoryPath };
        })
        .sort((a, b) => a.documentTitle.localeCompare(b.documentTitle) || a.documentId - b.documentId || byReadingOrder(a, b));
    },
    export_annotations: (args) => {
      if (options.exportError) throw options.exportError;
      const chosen = annotations.filter((a) => args.documentId == null || a.documentId === args.documentId);
      const path = String(args.path);
      return {
        documents: new Set(chosen.map((a) => a.documentId)).size,
        annotations: chosen.length,
        path: /\.[a-z]+$/i.test(path) ? path : `${path}.md`,
      };
    },
    progress_dashboard: () => {
      if (options.dashboardError) throw options.dashboardError;
      return options.dashboard ?? emptyDashboard();
    },
    document_mastery: () => {
      return options.mastery ?? [];
    },
  };

  mockIPC(
    async (cmd, payload) => {
      const args = (payload ?? {}) as Record<string, unknown>;
      calls.push({ cmd, args });
      if (Object.hasOwn(commands, cmd)) {
        return (commands[cmd as CommandName] as (args: unknown) => unknown)(args);
      }
      switch (cmd) {
        case 'plugin:dialog|open':
          return options.dialogResult ?? null;
        case 'plugin:dialog|save':
          return options.savePath ?? null;
        case 'plugin:store|load':
          return 7;
        case 'plugin:store|get': {
          const key = args.key as string;
          return [settings.get(key) ?? null, settings.has(key)];
        }
        case 'plugin:store|set':
          settings.set(args.key as string, args.value);
          return null;
        case 'plugin:store|save':
          saved.push(Object.fromEntries(settings));
          return null;
        default:
          throw { message: `fake backend: unexpected command ${cmd}` } satisfies CommandError;
      }
    },
    { shouldMockEvents: true },
  );

  mockWindows('main');

  return {
    calls,
    documents,
    get preferences() {
      return preferences;
    },
    backups,
    cards,
    annotations,
    settings,
    /** Snapshots of the settings each time the store was saved to disk. */
    saved,
    callsTo(cmd: string): Call[] {
      return calls.filter((c) => c.cmd === cmd);
    },
    commands(): string[] {
      return calls.map((c) => c.cmd);
    },
    /**
     * The start-up check, finished after launch, found the library damaged:
     * from now on every command reports it, as the shell's do (the caller
     * sends the `library-damaged` event, or not, to test a missed one).
     */
    damageAfterLaunch(found: LibraryProblem): void {
      problem = found;
    },
  };
}

/** Sends a command's progress to the page's channel, as the core does: every step of one phase. */
function progressTo(channel: Channel<Progress>, phase: Progress['phase'], total: number): number {
  for (let done = 0; done <= total; done += 10) channel.onmessage({ phase, done: Math.min(done, total), total });
  return total;
}

/** A good backup made at `createdAt`, named as the core names them. */
export function fakeBackup(createdAt: number, overrides: Partial<BackupInfo> = {}): BackupInfo {
  const stamp = new Date(createdAt).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const fileName = `clio-${stamp}.sqlite3`;
  return {
    path: `/data/backups/${fileName}`,
    fileName,
    createdAt,
    sizeBytes: 245_760,
    good: true,
    problem: null,
    schemaVersion: 3,
    ...overrides,
  };
}

/** What a new learner's dashboard looks like: zeroes, a year of empty days, no lists. */
export function emptyDashboard(todayDate = '2026-03-10'): Dashboard {
  const today = new Date(`${todayDate}T12:00:00Z`);
  const weekday = (today.getUTCDay() + 6) % 7;
  const first = today.getTime() - (weekday + 52 * 7) * 86_400_000;
  const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
  const days = Array.from({ length: weekday + 52 * 7 + 1 }, (_, i) => ({ date: iso(first + i * 86_400_000), count: 0 }));
  const cell = { reviews: 0, passed: 0, rate: null };
  return {
    generatedAt: today.getTime(),
    todayDate,
    isEmpty: true,
    today: {
      reviewed: 0,
      dueNow: 0,
      dueLaterToday: 0,
      newLearned: 0,
      timeSpentMs: 0,
      streakDays: 0,
      reviewedToday: false,
      longestStreakDays: 0,
    },
    heatmap: { startDate: days[0]!.date, endDate: todayDate, days, total: 0, activeDays: 0, maxCount: 0, longestStreak: 0 },
    forecast: {
      days: Array.from({ length: 30 }, (_, k) => ({ day: k, date: iso(today.getTime() + k * 86_400_000), count: 0 })),
      overdue: 0,
      total: 0,
      maxCount: 0,
    },
    retention: [7, 30, 365].map((n) => ({ days: n, young: cell, mature: cell, all: cell })),
    states: { new: 0, learning: 0, relearning: 0, young: 0, mature: 0, suspended: 0, total: 0 },
    quizScores: [],
    documents: [],
    categories: [],
    hardest: [],
  };
}
