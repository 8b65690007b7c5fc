// A quiz from setup to score: what the learner asks for, the questions one at
// a time with instant feedback, the score and the history of past quizzes.

import {
  answerQuizQuestion,
  categoryTree,
  errorMessage,
  finishQuiz,
  listDocuments,
  quizHistory,
  startQuiz,
  type CategoryCount,
  type DocumentSummary,
  type QuizFeedback,
  type QuizFormat,
  type QuizQuestion,
  type QuizRequest,
  type QuizResult,
  type QuizScope,
  type QuizSession,
  type QuizSummary,
} from './ipc';

export type ScopeKind = QuizScope['kind'];
/** "mixed" or one format. */
export type FormatChoice = 'mixed' | QuizFormat;

/** How many days ahead "due soon" looks. */
export const DUE_SOON_DAYS = 7;
export const DEFAULT_QUESTION_COUNT = 10;
export const MAX_QUESTIONS = 100;

export const FORMAT_LABELS: Record<FormatChoice, string> = {
  mixed: 'Mixed',
  typed: 'Typed answers',
  choice: 'Multiple choice',
  trueFalse: 'True or false',
};

/** Where a card comes from, for "Show in text". */
export interface QuizSource {
  documentId: number;
  spanStart: number | null;
  spanEnd: number | null;
}

export interface QuizSetup {
  scope: ScopeKind;
  /** For the document scope. */
  documentId: number | null;
  /** For the category scope: the path joined by "\u001f" (a select's value). */
  categoryKey: string;
  count: number;
  format: FormatChoice;
  countsAsReview: boolean;
}

export const CATEGORY_KEY_SEPARATOR = '\u001f';

export function defaultSetup(): QuizSetup {
  return {
    scope: 'all',
    documentId: null,
    categoryKey: '',
    count: DEFAULT_QUESTION_COUNT,
    format: 'mixed',
    countsAsReview: false,
  };
}

/** The request for a setup, or why it cannot be sent yet. */
export function buildRequest(setup: QuizSetup): { request: QuizRequest } | { problem: string } {
  const count = Math.trunc(Number(setup.count));
  if (!Number.isFinite(count) || count < 1 || count > MAX_QUESTIONS) {
    return { problem: `Choose from 1 to ${MAX_QUESTIONS} questions.` };
  }
  let scope: QuizScope;
  switch (setup.scope) {
    case 'document':
      if (setup.documentId === null) return { problem: 'Choose the document to be quizzed on.' };
      scope = { kind: 'document', documentId: setup.documentId };
      break;
    case 'category':
      if (setup.categoryKey === '') return { problem: 'Choose the category to be quizzed on.' };
      scope = { kind: 'category', path: setup.categoryKey.split(CATEGORY_KEY_SEPARATOR) };
      break;
    case 'dueSoon':
      scope = { kind: 'dueSoon', days: DUE_SOON_DAYS };
      break;
    default:
      scope = { kind: 'all' };
  }
  return {
    request: {
      scope,
      questionCount: count,
      formats: setup.format === 'mixed' ? [] : [setup.format],
      countsAsReview: setup.countsAsReview,
    },
  };
}

/** "4 of 5 correct". */
export function scoreText(correct: number, total: number): string {
  return `${correct} of ${total} correct`;
}

export type QuizPhase = 'setup' | 'question' | 'score';

export class QuizRun {
  phase = $state<QuizPhase>('setup');
  setup = $state<QuizSetup>(defaultSetup());
  documents = $state<DocumentSummary[]>([]);
  categories = $state<CategoryCount[]>([]);
  history = $state<QuizSummary[]>([]);
  /** Why the setup's lists could not be loaded. */
  loadError = $state<string | null>(null);
  /** Why starting, answering or finishing failed. */
  error = $state<string | null>(null);
  busy = $state(false);

  session = $state<QuizSession | null>(null);
  /** Index into session.questions. */
  index = $state(0);
  /** The verdict on the current question once answered. */
  feedback = $state<QuizFeedback | null>(null);
  /** What was answered to the current question. */
  given = $state<string | null>(null);
  result = $state<QuizResult | null>(null);

  #shownAt = 0;

  readonly question: QuizQuestion | null = $derived(this.session?.questions[this.index] ?? null);
  readonly total = $derived(this.session?.questions.length ?? 0);
  readonly isLast = $derived(this.index + 1 >= this.total);

  /** Loads documents, categories and the history. Never rejects. */
  async load(): Promise<void> {
    try {
      const [documents, categories, history] = await Promise.all([listDocuments(), categoryTree(), quizHistory()]);
      this.documents = documents;
      this.categories = categories;
      this.history = history;
      this.loadError = null;
    } catch (e) {
      this.loadError = errorMessage(e);
    }
  }

  async start(): Promise<void> {
    if (this.busy) return;
    const built = buildRequest(this.setup);
    if ('problem' in built) {
      this.error = built.problem;
      return;
    }
    this.busy = true;
    try {
      const session = await startQuiz(built.request);
      this.session = session;
      this.index = 0;
      this.feedback = null;
      this.given = null;
      this.result = null;
      this.error = null;
      this.phase = 'question';
      this.#shownAt = Date.now();
    } catch (e) {
      this.error = errorMessage(e);
    } finally {
      this.busy = false;
    }
  }

  async answer(given: string): Promise<void> {
    const session = this.session;
    const question = this.question;
    if (!session || !question || this.feedback || this.busy) return;
    this.busy = true;
    try {
      const duration = Math.max(0, Date.now() - this.#shownAt);
      this.feedback = await answerQuizQuestion(session.id, question.position, given, duration);
      this.given = given;
      this.error = null;
    } catch (e) {
      this.error = errorMessage(e);
    } finally {
      this.busy = false;
    }
  }

  /** The next question, or the score after the last one. */
  async next(): Promise<void> {
    if (!this.feedback || this.busy) return;
    if (this.isLast) {
      await this.finish();
      return;
    }
    this.index += 1;
    this.feedback = null;
    this.given = null;
    this.error = null;
    this.#shownAt = Date.now();
  }

  /** Ends the quiz now; unanswered questions are listed but not scored. */
  async finish(): Promise<void> {
    const session = this.session;
    if (!session || this.busy) return;
    this.busy = true;
    try {
      this.result = await finishQuiz(session.id);
      this.error = null;
      this.phase = 'score';
    } catch (e) {
      this.error = errorMessage(e);
    } finally {
      this.busy = false;
    }
  }

  /** Back to the setup, with the history brought up to date. */
  async newQuiz(): Promise<void> {
    this.phase = 'setup';
    this.session = null;
    this.result = null;
    this.feedback = null;
    this.given = null;
    this.error = null;
    try {
      this.history = await quizHistory();
    } catch (e) {
      this.loadError = errorMessage(e);
    }
  }
}
